// Helpers the end-to-end tests install in every page and frame they look into: plain
// functions, so that Chromium's pages get them through playwright's init script, and Firefox's
// and WebKit's through WebDriver (`inPage`), with one definition for all three.

/** Installs on `window` `xpRoot(host)`: the explainer's shadow root for a host. It is
 * the host's own, or that of the <div> the explainer made where the host cannot hold one
 * (a <figure>, an <li>, a custom element with a root of its own: among the host's
 * children, or in its open root without a slot). Null for a closed root that has none.
 * And `xpSpills(root)`: the text that runs out of its element within an explainer's
 * `.xp-root`, sideways or out of its bottom, or that its element cuts; visually hidden
 * text, boxes that scroll and the drawing aside (in a column under 160 px it takes the
 * root's padding too, by design), and a sheet placed over the explainer's end. And
 * `xpBroken(narrowest)`: what is wrong with the page's explainers, for the random readers,
 * and the readers' in-page choices (`xpAim`, `xpFocused`, `xpTextPoint`, ...).
 */
export function installHelpers() {
  window.xpRoot = (h) => {
    const inner = h.querySelector(':scope > [data-explainer-shadow]')
      ?? [...(h.shadowRoot?.children ?? [])].find((c) => c.matches('[data-explainer-shadow]'));
    return inner ? inner.shadowRoot : h.shadowRoot;
  };
  window.xpSpills = (root) => {
    const shown = (e) => e.getClientRects().length > 0;
    const drawing = [...root.querySelectorAll('svg.xp-svg')].find(shown);
    // A sheet placed by its control (absolute: in a frame as tall as its content) may reach
    // past the views over the explainer's end, by design (anchor.rs `place`; seed 6262 in
    // the frame, below the comparison's last bar): the views' box is then checked without
    // it, and it must end within the explainer.
    const overlaid = (e) => {
      const sheet = [...e.children].find((c) => c.matches('.xp-panel') && getComputedStyle(c).position === 'absolute');
      if (!sheet || sheet.getBoundingClientRect().bottom > root.getBoundingClientRect().bottom + 1) return false;
      const bottom = Math.max(...[...e.children].filter((c) => c !== sheet).map((c) => c.getBoundingClientRect().bottom));
      return bottom <= e.getBoundingClientRect().bottom + 1;
    };
    const out = [];
    for (const e of root.querySelectorAll('*:not(svg *)')) {
      if (e.clientWidth <= 2 || !shown(e) || e.contains(drawing)) continue;
      const cs = getComputedStyle(e);
      const what = `${e.tagName.toLowerCase()}.${e.className}`;
      const text = `"${e.textContent.trim().slice(0, 30)}"`;
      if (!['auto', 'scroll'].includes(cs.overflowX) && e.scrollWidth > e.clientWidth + 1) out.push(`${what}: ${e.scrollWidth} px of text in ${e.clientWidth} (${text})`);
      if (cs.overflowY === 'hidden' && e.scrollHeight > e.clientHeight + 1) out.push(`${what}: cut at ${e.clientHeight} px of ${e.scrollHeight} (${text})`);
      if (cs.overflowY === 'visible' && e.scrollHeight > e.clientHeight + 1 && !overlaid(e)) out.push(`${what}: ${e.scrollHeight} px of text in ${e.clientHeight} high (${text})`);
    }
    return out;
  };
  // What a reader relies on, read off every explainer of the page (the random readers'
  // checks after each step): a list of what is wrong. `narrowest`: the narrowest width the
  // reader's screen takes, where the page must not scroll sideways.
  window.xpBroken = (narrowest) => {
    const out = [];
    const w = document.documentElement.clientWidth;
    // (A page written vertically scrolls sideways by design: that is its reading direction.)
    const vertical = getComputedStyle(document.body).writingMode.startsWith('vertical');
    if (w <= narrowest && !vertical && document.scrollingElement.scrollWidth > w) out.push(`the page scrolls sideways at ${w} px`);
    for (const h of document.querySelectorAll('[data-explainer]')) {
      const root = xpRoot(h)?.querySelector('.xp-root');
      if (!root) { out.push(`${h.id || 'an explainer'} is blank`); continue; }
      if (root.matches('.xp-error')) { out.push(`${h.id || 'an explainer'} shows an error: ${root.textContent.slice(0, 300)}`); continue; }
      if (root.scrollWidth > root.clientWidth + 1) out.push(`${h.id || 'an explainer'} is ${root.scrollWidth} px wide in ${root.clientWidth}`);
      // No text runs out of its element, sideways or out of its bottom over what follows (a
      // narrow column's panel title squeezed to 2 px), nor is cut (lib.mjs).
      out.push(...xpSpills(root).map((e) => `${h.id || 'an explainer'}: ${e}`));
      const panels = xpRoot(h).querySelectorAll('.xp-panel');
      if (panels.length > 1) out.push(`${panels.length} panels open`);
      if (panels.length && !panels[0].querySelector('h3')?.textContent.trim()) out.push('a panel without a title');
      // However far its text is read, its close button stays in what the panel shows (one
      // on the screen, with room for it: a sheet far below is short until the reader comes
      // to it, refitted as the page scrolls, tested in sheet). The room in the explainer's
      // px: under a page's CSS zoom of 1.5 (seed 8282 on hosts/zoomed), a 60 px sheet is 40.
      const p = panels[0]?.getBoundingClientRect();
      if (p && p.top >= 0 && p.top < innerHeight && p.height >= 60 * (root.currentCSSZoom ?? 1)) {
        const c = panels[0].querySelector('.xp-close')?.getBoundingClientRect();
        if (!c || c.top < p.top - 1 || c.bottom > p.bottom + 1) out.push(`the panel's close button is out of it (${c ? Math.round(c.top - p.top) : 'none'} px from its top, read ${Math.round(panels[0].scrollTop)} px down, the panel ${Math.round(p.top)} to ${Math.round(p.bottom)} of ${innerHeight})`);
      }
      // Every target a finger can meet, in whatever state the reader left it, at least 44 × 44.
      // (Not one the browser does not render: in a closed disclosure or a section skipped
      // off screen, whose boxes a script can still read, from before the page last changed
      // width; the explainer follows its column again once it is shown, tested in embed.
      // Nor one more than a screen away: a pre-rendered explainer further down keeps the
      // drawing it had until the reader scrolls near it, tested in redraw. Nor one of the
      // panel's that its scrolling hides: in an article set in columns, WebKit reports the
      // part of a panel's list below the column's end 0 px tall or cut, where it draws,
      // and hit-tests, it whole once scrolled to; seed 2222 on hosts/columns.)
      const screen = innerHeight;
      for (const c of xpRoot(h).querySelectorAll('button, a[href], summary, [role=button], [role=tab]')) {
        const b = c.getBoundingClientRect();
        const hidden = p && panels[0].contains(c) && (b.bottom <= p.top || b.top >= p.bottom);
        const near = b.bottom > -screen && b.top < 2 * screen && !hidden;
        if (near && c.checkVisibility({ contentVisibilityAuto: true }) && (b.width < 43.5 || b.height < 43.5)) {
          out.push(`${(c.getAttribute('data-key') || c.textContent).trim().slice(0, 30)} is ${b.width.toFixed(1)} × ${b.height.toFixed(1)} px`);
        }
      }
    }
    return out;
  };
  // The random readers' in-page choices, one definition for Chromium's (random.test.mjs)
  // and the other engines' (engines-random.test.mjs): what a control is, where a tap on it
  // lands, where focus is before a key, where a click on the explainer's own text lands,
  // and what Escape left. `a`, `b`, `c` are the reader's seeded draws, in [0, 1).
  const CONTROLS = '[data-key], button, summary, [role=tab], a[href]';
  const hosts = () => [...document.querySelectorAll('[data-explainer]')];
  const shown = (index) => [...xpRoot(hosts()[index]).querySelectorAll(CONTROLS)].filter((e) => e.getClientRects().length);
  const label = (e) => (e.getAttribute('data-key') || e.textContent).trim().slice(0, 30);
  // A fingertip's room around the point is the explainer's: not under something of the
  // page's (an app's bar), nor at the edge of an element that clips it.
  const roomy = (index, x, y) => [[0, 0], [0, -8], [0, 8], [-8, 0], [8, 0]]
    .every(([dx, dy]) => hosts()[index].contains(document.elementFromPoint(x + dx, y + dy)));
  // The control at the point fills the 2 px around it: a touch is hit-tested over its area
  // (2 px across in playwright's tap), and one within a px of a panel's edge landed on the
  // panel (seed 1818 on hosts/vertical, at 0.9 px: a reader cannot aim there either).
  const clear = (root, x, y, hit) => [[0, -2], [0, 2], [-2, 0], [2, 0]]
    .every(([dx, dy]) => root.elementFromPoint(x + dx, y + dy)?.closest(CONTROLS) === hit);
  // Chooses a shown control of one explainer and brings it into view (`behavior`: as
  // `scrollIntoView` takes it): the explainer's index, or null when none shows.
  window.xpAim = (a, b, c, behavior = 'auto') => {
    const index = Math.floor(a * hosts().length);
    const controls = shown(index);
    if (!controls.length) return null;
    window.aimed = controls[Math.floor(b * controls.length)];
    window.aimed.scrollIntoView({ block: c < 0.5 ? 'center' : 'nearest', behavior });
    return index;
  };
  // Where a tap on the aimed control lands, in the frame's client px, and what is there (a
  // sheet may cover the control): null off the screen, without a fingertip's room, at a
  // control's edge, and on a link to another page (not followed here). (A frame as tall as
  // its content: the page's viewport is the caller's to check.)
  window.xpAimedPoint = (index) => {
    if (!window.aimed?.isConnected) return null;
    const box = window.aimed.getBoundingClientRect();
    const x = box.x + box.width / 2, y = box.y + box.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight || !roomy(index, x, y)) return null;
    const root = xpRoot(hosts()[index]);
    const hit = root.elementFromPoint(x, y)?.closest(CONTROLS);
    if (hit?.matches('a[href]:not([href^="#"])') || (hit && !clear(root, x, y, hit))) return null;
    return { x, y, index, key: hit?.getAttribute('data-key') ?? null, what: hit ? label(hit) : '?' };
  };
  // Focus moved to a shown control, as Tab and the arrows take it there: what it is.
  window.xpFocusSome = (a, b) => {
    const controls = shown(Math.floor(a * hosts().length));
    const control = controls[Math.floor(b * controls.length)];
    control?.focus();
    return control && label(control);
  };
  // Where focus is before a key: an explainer's control (`index`, its `key`, whether its
  // panel is open, whether it is a link to another page), else whether it is around the
  // explainer `pressed` whose text was clicked (the page's body, or an element holding it).
  window.xpFocused = (pressed) => {
    const all = hosts();
    const index = all.findIndex((h) => xpRoot(h)?.host === document.activeElement);
    const el = index >= 0 ? xpRoot(all[index]).activeElement : null;
    if (el) {
      return { index, key: el.getAttribute('data-key'), panel: !!xpRoot(all[index]).querySelector('.xp-panel'), tag: el.tagName,
        away: el.matches('a[href]:not([href^="#"])') };
    }
    const a = document.activeElement;
    const around = pressed !== null && (!a || a === document.body || (a.contains(all[pressed]) && a !== all[pressed]));
    return { around: around && (a?.tagName ?? 'nothing') };
  };
  // A point of the element `sel` of the explainer `host`, in sight, where no control or
  // focusable element is (its text, a drawing between its controls): [x, y], or null.
  window.xpQuietPoint = (host, sel) => {
    const root = xpRoot(host);
    const el = root.querySelector(sel);
    const r = el.getBoundingClientRect();
    for (let y = r.top + 4; y < r.bottom; y += 6) {
      for (let x = r.left + 4; x < r.right; x += 6) {
        const e = root.elementFromPoint(x, y);
        if (e && el.contains(e) && !e.closest('[data-key], a, button, [tabindex]')) return [x, y];
      }
    }
    return null;
  };
  // A point of an explainer's own text or drawing between its controls (the panel's too),
  // where nothing takes focus: null where there is none, or no fingertip's room.
  window.xpTextPoint = (a, b, c) => {
    const index = Math.floor(a * hosts().length);
    const root = xpRoot(hosts()[index]);
    const r = root?.querySelector('.xp-root')?.getBoundingClientRect();
    if (!r) return null;
    const [top, bottom] = [Math.max(r.top, 0), Math.min(r.bottom, innerHeight)];
    const [x, y] = [r.left + b * r.width, top + c * (bottom - top)];
    if (bottom <= top || x < 0 || x >= innerWidth) return null;
    const hit = root.elementFromPoint(x, y);
    if (!hit || hit.closest(`${CONTROLS}, [tabindex]:not(.xp-panel)`) || !roomy(index, x, y)) return null;
    return { x, y, index, open: !!root.querySelector('.xp-panel'), what: String(hit.className?.baseVal ?? hit.className ?? hit.tagName).slice(0, 30) };
  };
  // Resolves once the page's scroll position and what the reader sees of it (the visual
  // viewport) have held for 100 ms, or after 3 s: a reader taps what they see once the page
  // stops moving (a key's scroll, End or focus, may still run).
  window.xpSettled = () => new Promise((ok) => {
    const where = () => `${scrollX},${scrollY},${visualViewport?.offsetLeft},${visualViewport?.offsetTop}`;
    const t0 = performance.now();
    let last = where(), since = t0;
    const check = () => {
      const now = where();
      if (now !== last) [last, since] = [now, performance.now()];
      if (performance.now() - since >= 100 || performance.now() - t0 > 3000) ok(true); else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  // Whether the explainer at `index` has a panel open.
  window.xpPanelOpen = (index) => !!xpRoot(hosts()[index])?.querySelector('.xp-panel');
  // What Escape left in the explainer at `index`: its panel open or not, focus inside it,
  // and on what.
  window.xpAfterEscape = (index) => {
    const host = hosts()[index];
    const inner = xpRoot(host).activeElement;
    return { open: xpPanelOpen(index), inside: document.activeElement === xpRoot(host)?.host && !!inner,
      focus: inner ? inner.getAttribute('data-key') || inner.className?.baseVal || inner.className || inner.tagName : document.activeElement?.tagName };
  };
}

/** Keeps in `window.opened`, for each explainer by its index on the page, the item it last
 * said it opened (`explainer:select`), as `kind:id`: what a random reader's tap is checked
 * against. Its own function, not among the helpers: only the random readers want it, and
 * Chromium's before the page loads, in an init script whose order against the helpers'
 * playwright does not define. */
export function watchOpened() {
  window.opened = {};
  document.addEventListener('explainer:select', (e) => {
    const hosts = [...document.querySelectorAll('[data-explainer]')];
    window.opened[hosts.findIndex((h) => h.contains(e.target))] = `${e.detail.kind}:${e.detail.id}`;
  });
}

/** A WebDriver script's body that installs the helpers in the current frame. */
export const inPage = `(${installHelpers})();`;
