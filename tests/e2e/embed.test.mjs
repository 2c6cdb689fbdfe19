// Embedding in host pages: the kinds of host (a figure, a custom element, a drawer, a
// teaser's link…), isolation both ways, several instances and events (the pages that lay
// their text out their own way are in flows.test.mjs).
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, shadow, printSlowly, axe, drawing } from './lib.mjs';
import { VIEWPORTS, STORY, root, panelTitle, everyItemNamed } from './reader.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('on a page whose scripts patch and then freeze the builtins, the explainer loads, answers taps, keys and its language switch, and logs nothing', async () => {
  const page = await open(env.browser, `${env.base}hosts/patched.html`, VIEWPORTS.phone375);
  await ready(page);
  // The page's patches were in force: its wrapper made the shadow root, the intrinsics are frozen.
  assert.deepEqual(await page.evaluate(() => [window.replayRoots > 0, Object.isFrozen(Array.prototype), typeof {}.extendWith]), [true, true, 'function']);
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await everyItemNamed(page, STORY, 'fr', true, 'patched page: ');
  const openai = page.locator('[data-key="entity:openai"]').filter({ visible: true });
  await openai.tap();
  assert.ok(await until(async () => (await panelTitle(page)) === 'OpenAI'));
  assert.ok(await until(() => page.evaluate(() => location.hash.includes('openai'))), 'the address names the choice');
  await page.keyboard.press('Escape');
  assert.ok(await until(async () => (await panelTitle(page)) === ''), 'Escape closes the panel');
  assert.equal(await root(page, "return r.activeElement?.getAttribute('data-key')"), 'entity:openai', 'focus back on the player');
  await page.locator('.xp-lang').click();
  assert.ok(await until(() => root(page, "return r.querySelector('.xp-root').lang === 'en'")));
  assert.match(await root(page, "return r.querySelector('.xp-title').textContent"), /Nvidia/);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('every host page loads without console errors or warnings', async () => {
  for (const [name, count] of [['two', 2], ['two-prerendered', 2], ['app-shell', 1], ['app-bars', 1], ['hostile', 1], ['plain', 1], ['csp', 1], ['unsized', 5], ['fixed-bars', 1], ['overflow-hidden', 2], ['containing', 3], ['late', 0], ['latin1', 1]]) {
    const page = await open(env.browser, `${env.base}hosts/${name}.html`);
    if (count) await ready(page, count);
    await page.waitForTimeout(400);
    assert.deepEqual(page.messages, [], name);
    await page.context().close();
  }
});

/** Whether each explainer whose shadow root is in the `<div>` the code made inside its host
 * (`[data-explainer-shadow]`) still shows its tabs and one view once six seconds have passed:
 * a host the loader never marked takes reading mode then (a snippet whose script a CMS
 * stripped), and the div is the code's own. Its animations are run 7 s on, not waited for.
 * (Those a host's closed root without a slot keeps from showing are left out.) */
const interactiveAfter6s = (page) => page.evaluate(() => [...document.querySelectorAll('[data-explainer-shadow]')].filter((d) => d.checkVisibility()).map((d) => {
  const root = d.shadowRoot;
  for (const a of root.getAnimations()) a.currentTime = 7000;
  const views = [...root.querySelectorAll('.xp-view')].filter((v) => v.checkVisibility());
  return `${d.parentNode.host?.id ?? d.parentElement.id}: ${root.querySelector('.xp-tabs')?.checkVisibility() ? 'tabs' : 'no tabs'}, ${views.length} view(s)`;
}));

test('a host the browser gives no shadow root (a <figure>, an <li>, a pasted snippet turned figure) still shows the explainer', async () => {
  const page = await open(env.browser, `${env.base}hosts/figure.html`, { hasTouch: true, isMobile: true });
  // A snippet whose host a CMS turned into a <figure>: its declarative shadow root is not
  // built there, so the fallback shows until the code takes the host.
  await page.evaluate(async () => {
    const html = (await (await fetch('../snippet.en.html')).text()).replace(/<script[^>]*><\/script>\s*$/, '').trim();
    const box = document.createElement('div');
    box.setHTMLUnsafe(html.replace(/^<div data-explainer/, '<figure id="pasted" data-explainer').replace(/<\/div>$/, '</figure>'));
    document.body.append(box);
  });
  await ready(page, 3);
  for (const [id, name] of [['fig', 'Nvidia'], ['item', 'Nvidia'], ['pasted', 'Nvidia']]) {
    const host = page.locator(`#${id}`);
    await host.locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
    assert.ok(await until(() => page.evaluate((id) => xpRoot(document.getElementById(id))?.querySelector('.xp-panel h3')?.textContent, id)
      .then((t) => t === name)), `${id}: its panel opens`);
  }
  // The pasted snippet's fallback (its story in brief) no longer shows beside the explainer.
  assert.equal(await page.evaluate(() => document.querySelector('#pasted .explainer-fallback').getClientRects().length), 0);
  // Six seconds on, each keeps its tabs: it took reading mode, tabs and language switch gone
  // and every view shown, under the reader's finger.
  assert.deepEqual(await interactiveAfter6s(page), ['fig', 'item', 'pasted'].map((id) => `${id}: tabs, 1 view(s)`));
  // Only the browser's own word on the declarative shadow root it could not build.
  assert.deepEqual(page.messages.filter((m) => !/does not support attachShadow/.test(m)), []);
  await page.context().close();
});

test('a custom element with a shadow root of its own as host: the explainer shows in it, and its own content stays', async () => {
  // The explainer emptied such a root and drew in it: a design system's card lost its own
  // heading. With a slot, the explainer now goes among the host's children; without one,
  // at the end of the host's root; in a closed root's host, among its children too.
  const page = await open(env.browser, `${env.base}hosts/custom-element.html`, { hasTouch: true, isMobile: true });
  await ready(page, 5);
  for (const [id, own] of [['open', true], ['closed', false], ['inside', false], ['bare', true]]) {
    await page.locator(`#${id} [data-key="entity:openai"]`).filter({ visible: true }).tap();
    const seen = await until(() => page.evaluate((id) => {
      const root = xpRoot(document.getElementById(id));
      return root?.querySelector('.xp-panel h3')?.textContent === 'OpenAI' && root.querySelector('.xp-panel').getClientRects().length > 0;
    }, id));
    assert.ok(seen, `${id}: a tap opens its panel, on screen`);
    if (own) {
      assert.ok(await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.card-head')?.getClientRects().length > 0, id),
        `${id}: the card's own heading is gone`);
    }
  }
  // Six seconds on, they keep their tabs (see `interactiveAfter6s`).
  const after = await interactiveAfter6s(page);
  assert.ok(after.length >= 2, after.join('; '));
  for (const line of after) assert.match(line, /: tabs, 1 view\(s\)$/);
  // A closed root without a slot can show nothing of the explainer: the page's developer is
  // told why, once, and nothing else is said.
  assert.equal(page.messages.length, 1, page.messages.join('\n'));
  assert.equal(page.messages[0], 'warning: explainer: <x-closed-bare-card> has a shadow root of its own that shows none of its children, '
    + 'so the explainer cannot show there; put the data-explainer element inside it');
  await page.context().close();
  // The code blocked: each host says so where the reader sees it (the loader's note).
  const blocked = await open(env.browser, undefined, { hasTouch: true, isMobile: true });
  await blocked.route('**/*.wasm', (route) => route.abort());
  await blocked.goto(`${env.base}hosts/custom-element.html`);
  assert.ok(await until(() => blocked.evaluate(() => document.querySelectorAll('[data-explainer-failed]').length === 5)), 'each host marked failed');
  for (const id of ['open', 'closed', 'inside', 'bare']) {
    const shown = await blocked.evaluate((id) => xpRoot(document.getElementById(id))?.querySelector('[role=note]')?.getClientRects().length > 0, id);
    assert.ok(shown, `${id}: the note that the explainer could not load shows`);
  }
  await blocked.context().close();
});

test('a copy of a host the explainer took (cloneNode, as "load more" and page-transition scripts do) gets its own explainer', async () => {
  const page = await open(env.browser, `${env.base}hosts/plain.html`, { hasTouch: true, isMobile: true });
  await ready(page, 1);
  // The copy carries the marks of the host it was made from, but not its shadow root.
  await page.evaluate(() => { const c = document.querySelector('[data-explainer]').cloneNode(true); c.id = 'copy'; document.body.append(c); });
  await ready(page, 2);
  await page.locator('#copy [data-key="entity:openai"]').filter({ visible: true }).tap();
  assert.ok(await until(() => shadow(page, '#copy', "return root.querySelector('.xp-panel h3')?.textContent === 'OpenAI'")));
  await page.locator('[data-explainer]:not(#copy) [data-key="entity:nvidia"]').filter({ visible: true }).tap();
  assert.ok(await until(() => shadow(page, '[data-explainer]:not(#copy)', "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia'")));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('on a page in a legacy encoding, the signs drawn by the stylesheet stay right', async () => {
  const page = await open(env.browser, `${env.base}hosts/latin1.html`);
  await ready(page, 1);
  assert.equal(await page.evaluate(() => document.characterSet), 'windows-1252');
  const sign = await until(() => page.evaluate(() => {
    const b = document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-event-btn');
    return b && getComputedStyle(b, '::after').content;
  }));
  assert.match(sign, /^"\u203a"/, `the chevron reads ${sign}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('inside a link the page wraps its teaser in, a tap or click on the diagram opens the panel, and one on the explainer\'s text, its panel\'s, its buttons or its disclosures does what it does there: none follows the link, before the code, while it hydrates, and after; the card\'s own heading still does', async () => {
  const url = `${env.base}hosts/teaser-link.html`;
  const stays = (page, what) => assert.match(page.url(), /teaser-link\.html/, `${what} followed the page's link`);
  const opens = async (page, what) => {
    assert.ok(await until(async () => (await page.locator('[data-explainer] .xp-panel h3').textContent().catch(() => '')) !== ''), `${what}: the panel opens`);
    await page.waitForTimeout(300);
    stays(page, what);
  };
  // Hydrated: taps on a phone, clicks on a desktop, on a player and a relationship.
  for (const phone of [true, false]) {
    const page = await open(env.browser, url, phone ? { hasTouch: true, isMobile: true } : { viewport: { width: 1280, height: 800 } });
    await ready(page);
    for (const key of ['entity:openai', 'relationship:nvidia-openai-loi']) {
      const c = page.locator(`[data-explainer] [data-key="${key}"]:visible`).first();
      await (phone ? c.tap() : c.click());
      await opens(page, `${phone ? 'a tap' : 'a click'} on ${key}`);
    }
    // Text between the controls: the panel's title and its text, the explainer's title. A
    // reader reading the panel stays with it.
    const title = await page.locator('[data-explainer] .xp-panel h3').textContent();
    for (const what of ['.xp-panel h3', '.xp-panel p', '.xp-title']) {
      const t = page.locator(`[data-explainer] ${what}`).first();
      await (phone ? t.tap() : t.click());
      await page.waitForTimeout(300);
      stays(page, `${phone ? 'a tap' : 'a click'} on ${what}`);
    }
    assert.equal(await page.locator('[data-explainer] .xp-panel h3').textContent(), title, 'the panel stays open');
    // The panel's buttons to another item (a button has no action of its own: the browser
    // followed the link around it), and a disclosure of the explainer's, which opens.
    const other = page.locator('[data-explainer] .xp-panel button.xp-link').first();
    const name = (await other.textContent()).trim();
    await (phone ? other.tap() : other.click());
    await opens(page, `${phone ? 'a tap' : 'a click'} on the panel's button to ${name}`);
    assert.equal(await page.locator('[data-explainer] .xp-panel h3').textContent(), name);
    const summary = page.locator('[data-explainer] summary:visible').first();
    await (phone ? summary.tap() : summary.click());
    await page.waitForTimeout(300);
    stays(page, 'a disclosure');
    assert.ok(await summary.evaluate((s) => s.parentElement.open), 'the disclosure opens');
    assert.deepEqual(page.messages, []);
    // The rest of the card is the page's link.
    await (phone ? page.locator('.card > h2').tap() : page.locator('.card > h2').click());
    await page.waitForURL(/plain\.html/);
    await page.context().close();
  }
  // Before the code: the loader holds the tap until the WASM, held back here, arrives.
  const early = await open(env.browser, undefined, { hasTouch: true, isMobile: true });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await early.route(/explainer-[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  await early.goto(url);
  await early.locator('[data-explainer] .xp-title').tap();
  await early.waitForTimeout(300);
  stays(early, 'a tap on the title before the code');
  await early.locator('[data-explainer] [data-key="entity:microsoft"]:visible').first().tap();
  await early.waitForTimeout(300);
  stays(early, 'a tap before the code');
  release();
  await opens(early, 'a tap before the code');
  await early.context().close();
  // While it hydrates: a press and its click in one task, the click held until it is done.
  const during = await open(env.browser, url);
  await during.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  await during.evaluate(() => {
    const n = [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('[data-key="entity:amd"]')].find((e) => e.getClientRects().length);
    n.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' }));
    n.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  });
  await opens(during, 'a click while it hydrates');
  assert.deepEqual([...early.messages, ...during.messages], []);
  await during.context().close();
});

test('two instances keep their own story, language and selection', async () => {
  const page = await open(env.browser, `${env.base}hosts/two.html`);
  await ready(page, 2);
  assert.equal(await shadow(page, '#first', "return root.querySelector('.xp-root').lang"), 'fr');
  assert.equal(await shadow(page, '#second', "return root.querySelector('.xp-title').textContent"), 'Another story');
  assert.equal(await shadow(page, '#second', "return root.querySelector('[role=tab][aria-selected=true]').textContent"), 'Promised or invested');
  await page.locator('#first [data-key="entity:openai"]').click();
  assert.ok(await until(() => shadow(page, '#first', "return !!root.querySelector('.xp-panel')")));
  assert.equal(await shadow(page, '#second', "return root.querySelector('.xp-panel')"), null);
  await page.locator('#second [id$="-tab-diagram"]').click();
  await page.locator('#second [data-key="entity:a"]').click();
  assert.ok(await until(() => page.evaluate(() => location.hash.includes('explainer-second=a'))));
  assert.match(await page.evaluate(() => location.hash), /explainer-first=openai/);
  assert.equal(await shadow(page, '#first', "return root.querySelector('.xp-panel h3').textContent"), 'OpenAI');
  await page.context().close();
});

test('printed at 4x CPU, every explainer of the page builds every view for paper, in time', async () => {
  // Each explainer renders what paper needs as the page is told it prints. Told one after
  // the other, the second's render waited behind Yew's yield (past 16 ms) until after print.
  const page = await open(env.browser, `${env.base}hosts/two.html`, { viewport: { width: 800, height: 1000 } });
  await ready(page, 2);
  await page.evaluate(() => addEventListener('beforeprint', () => {
    window.printed = [...document.querySelectorAll('[data-explainer]')].map((h) => [...h.shadowRoot.querySelectorAll('.xp-view')]
      .map((v) => v.children.length > 1));
  }));
  await printSlowly(page);
  assert.deepEqual(await page.evaluate(() => window.printed), [[true, true, true, true], [true, true]], 'a view built for each on paper');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('events bubble from the host with their detail', async () => {
  const page = await open(env.browser);
  await page.addInitScript(() => {
    window.seen = [];
    for (const t of ['ready', 'select', 'close', 'view', 'lang']) {
      document.addEventListener(`explainer:${t}`, (e) => window.seen.push([t, e.target.id, JSON.stringify(e.detail)]));
    }
  });
  await page.goto(`${env.base}hosts/two.html`);
  await ready(page, 2);
  await page.locator('#first [data-key="relationship:nvidia-openai-loi"]').click();
  await page.keyboard.press('Escape');
  await page.locator('#first [id$="-tab-timeline"]').click();
  await page.locator('#first .xp-lang').click();
  const seen = await until(async () => { const s = await page.evaluate(() => window.seen); return s.length >= 6 && s; });
  assert.deepEqual(seen.filter(([t]) => t === 'ready').map(([, id]) => id).sort(), ['first', 'second']);
  const rest = seen.filter(([t]) => t !== 'ready');
  assert.deepEqual(rest, [
    ['select', 'first', '{"kind":"relationship","id":"nvidia-openai-loi"}'],
    ['close', 'first', '{}'],
    ['view', 'first', '{"view":"timeline"}'],
    ['lang', 'first', '{"lang":"en"}'],
  ]);
  await page.context().close();
});

test('hostile host styles change nothing inside, and the widget changes nothing outside', async () => {
  const probe = (page) => page.evaluate(() => {
    const cs = (el) => { const s = getComputedStyle(el); return [s.color, s.fontSize, s.display, s.borderTopStyle, s.letterSpacing].join('|'); };
    return [cs(document.querySelector('.probe')), cs(document.querySelector('.probe-button'))];
  });
  // Every computed property of the explainer's elements (two of each kind, from the mount
  // point down), the drawing's boxes and headings among them.
  const styles = (page) => page.evaluate(() => {
    const mount = document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-mount');
    const out = {}, seen = {};
    for (const el of [mount, ...mount.querySelectorAll('*')]) {
      const kind = `${el.tagName}.${el.classList[0] || ''}`;
      seen[kind] = (seen[kind] || 0) + 1;
      if (seen[kind] > 2) continue;
      const cs = getComputedStyle(el);
      for (const p of cs) out[`${kind}#${seen[kind]} ${p}`] = cs.getPropertyValue(p);
    }
    return { out, hiddenShown: [...mount.querySelectorAll('.xp-view[hidden]')].some((v) => v.offsetHeight > 0) };
  });
  const bare = await open(env.browser, `${env.base}hosts/hostile-bare.html`);
  const hostile = await open(env.browser, `${env.base}hosts/hostile.html`);
  const plain = await open(env.browser, `${env.base}hosts/plain.html`);
  await ready(hostile); await ready(plain);
  assert.deepEqual(await probe(hostile), await probe(bare), 'the widget leaks no style into the host');
  const [inHostile, inPlain] = [await styles(hostile), await styles(plain)];
  const differ = Object.keys(inPlain.out).filter((k) => inHostile.out[k] !== inPlain.out[k])
    .map((k) => `${k}: ${inPlain.out[k]} -> ${inHostile.out[k]}`);
  assert.ok(Object.keys(inPlain.out).length > 10000, 'compared');
  assert.deepEqual(differ.slice(0, 12), [], `hostile rules do not reach the widget (${differ.length} values differ)`);
  assert.equal(inHostile.hiddenShown, false);
  for (const p of [bare, hostile, plain]) await p.context().close();
});

test('in a drawer the page hides with visibility, the explainer is hidden too: unseen, untabbable, untappable; opened, it works', async () => {
  const page = await open(env.browser, `${env.base}hosts/drawer.html`, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await ready(page, 1);
  const seen = () => shadow(page, '[data-explainer]', `
    const t = root.querySelector('.xp-title');
    t.scrollIntoView({ block: 'center' });
    const b = t.getBoundingClientRect();
    return [t.checkVisibility({ visibilityProperty: true }), document.elementFromPoint(b.x + 5, b.y + 5) === host];`);
  assert.deepEqual(await seen(), [false, false], 'closed: unseen, and a tap there does not reach it');
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'after', 'Tab passes over it');
  await page.evaluate(() => document.getElementById('drawer').classList.add('open'));
  assert.deepEqual(await seen(), [true, true], 'opened: seen and tappable');
  await page.locator('[data-key="entity:openai"]').tap();
  assert.ok(await until(() => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent === 'OpenAI'")));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('in containers a page hides or clips (a closed disclosure, a hidden tab panel, a section not rendered yet, a carousel\'s next slide), each explainer, once shown, fits its column and answers a tap', async () => {
  for (const [device, touch] of [[{ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }, true], [{ viewport: { width: 1280, height: 800 } }, false]]) {
    const page = await open(env.browser, `${env.base}hosts/containers.html`, device);
    await ready(page, 2);
    const press = (sel) => (touch ? page.locator(sel).tap() : page.locator(sel).click());
    // What a reader does to see each one: open, choose the tab, scroll down, swipe.
    await press('#disclosure > summary');
    await press('#show-tab');
    await page.evaluate(() => document.getElementById('in-skipped').scrollIntoView());
    await page.evaluate(() => { const c = document.getElementById('carousel'); c.scrollIntoView(); c.scrollLeft = c.scrollWidth; });
    for (const id of ['in-details', 'in-tab', 'in-skipped', 'in-slide']) {
      // Its drawing at scale 1 for the column it has once shown, its targets 44 px.
      const fit = () => drawing(page, `#${id}`);
      const seen = await until(async () => { const f = await fit(); return f && f.drawn === f.shown && f.least >= 44 && f; });
      assert.ok(seen, `${device.viewport.width} px, #${id}: ${JSON.stringify(await fit())}`);
      const node = page.locator(`#${id} [data-key="entity:nvidia"]`).filter({ visible: true });
      await node.scrollIntoViewIfNeeded();
      await (touch ? node.tap() : node.click());
      assert.ok(await until(() => page.evaluate((id) => xpRoot(document.getElementById(id)).querySelector('.xp-panel h3')?.textContent === 'Nvidia', id)),
        `${device.viewport.width} px, #${id}: the panel opens`);
      await page.evaluate((id) => xpRoot(document.getElementById(id)).querySelector('.xp-close').click(), id);
    }
    assert.deepEqual(await axe(page), [], `${device.viewport.width} px`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('an explainer in a disclosure closed while the phone turns is drawn for its new column in the first frame it is seen again', async () => {
  // Closed, the disclosure's content is not rendered: the explainer's column cannot be
  // followed, and a script reading its controls then sees the old drawing scaled down to
  // the new column (40.5 px targets). The reader sees it only once opened.
  const page = await open(env.browser, `${env.base}hosts/containers.html`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await page.locator('#disclosure > summary').tap();
  await ready(page, 2);
  assert.ok(await until(async () => (await drawing(page, '#in-details'))?.least >= 44), 'drawn for the phone held upright');
  await page.locator('#disclosure > summary').tap();
  await page.setViewportSize({ width: 320, height: 568 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  // In the first frame after the disclosure opens (measured once it is painted).
  const first = await page.evaluate(() => new Promise((ok) => {
    document.getElementById('disclosure').open = true;
    requestAnimationFrame(() => setTimeout(() => {
      const svg = [...xpRoot(document.getElementById('in-details')).querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
      const least = Math.min(...[...svg.querySelectorAll('[role=button]')].map((c) => Math.min(c.getBoundingClientRect().width, c.getBoundingClientRect().height)));
      ok({ drawn: Number(svg.getAttribute('viewBox').split(' ')[2]), shown: Math.round(svg.getBoundingClientRect().width), least: Math.round(least * 10) / 10 });
    }, 0));
  }));
  assert.equal(first.drawn, first.shown, `drawn for its new column: ${JSON.stringify(first)}`);
  assert.ok(first.least >= 44, `targets of 44 px: ${JSON.stringify(first)}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test("the drawing's lines, headings and markers take no pointer: a tap on them reaches the control under them or the drawing", async () => {
  // Hit-tested, every curve of the lines' merged paths was tested against a finger's whole
  // touch area on each tap. Checked closed, then with a choice made (the lit lines' layer).
  const page = await open(env.browser, `${env.base}hosts/plain.html`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await ready(page);
  const probe = () => shadow(page, '[data-explainer]', `
    const svg = [...root.querySelectorAll('svg.xp-svg')].find((s) => s.getClientRects().length);
    const layers = '.xp-lines, .xp-lit-lines, .xp-headings, .xp-marks';
    const points = [];
    for (const el of svg.querySelectorAll('.xp-line, .xp-heading, .xp-mark')) {
      const m = el.getScreenCTM();
      const at = (p) => points.push({ layer: el.closest(layers).classList[0], x: m.a * p.x + m.e, y: m.d * p.y + m.f });
      if (el.localName === 'text') { const b = el.getBBox(); at({ x: b.x + b.width / 2, y: b.y + b.height / 2 }); continue; }
      const n = el.getTotalLength();
      for (let l = 0; l < n; l += 15) at(el.getPointAtLength(l));
    }
    const shown = points.filter((p) => p.y > 0 && p.y < innerHeight && p.x > 0 && p.x < innerWidth);
    return {
      layers: [...new Set(shown.map((p) => p.layer))].sort(),
      points: shown.length,
      takers: shown.filter((p) => root.elementsFromPoint(p.x, p.y).some((h) => h.closest(layers)))
        .map((p) => p.layer + ' at ' + Math.round(p.x) + ',' + Math.round(p.y)).slice(0, 5),
      // A marker is drawn over its handle: at the handle's centre (where no panel covers
      // it), the handle takes the tap.
      marks: [...svg.querySelectorAll('.xp-hit')].map((h) => h.getBoundingClientRect())
        .filter((b) => b.y > 0 && b.bottom < innerHeight)
        .map((b) => root.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2))
        .filter((e) => svg.contains(e)).map((e) => e.classList.contains('xp-hit')),
    };`);
  await page.locator('[data-key="relationship:nvidia-openai-loi"]').filter({ visible: true }).scrollIntoViewIfNeeded();
  const closed = await probe();
  assert.deepEqual(closed.layers, ['xp-headings', 'xp-lines', 'xp-marks'], 'closed, every layer has points on screen');
  assert.ok(closed.points > 100, `${closed.points} points`);
  assert.deepEqual(closed.takers, [], 'closed, no point of a line, heading or marker is taken by it');
  assert.ok(closed.marks.length > 3 && closed.marks.every(Boolean), `each marker's handle takes the tap: ${closed.marks}`);
  await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
  assert.ok(await until(() => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia'")));
  const open_ = await probe();
  assert.ok(open_.layers.includes('xp-lit-lines') && open_.points > 100, `open: ${open_.layers}, ${open_.points} points`);
  assert.deepEqual(open_.takers, [], 'open, no point of a line, heading or marker is taken by it');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a page with its own landmarks and the same explainer twice: no landmark clashes, panels and tables open (axe)', async () => {
  // Each explainer's <header> was a banner landmark beside the page's own, and its table's
  // scrolling box a region of the same name as the other explainer's.
  for (const device of [{ viewport: { width: 1280, height: 800 } }, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true }]) {
    const page = await open(env.browser, `${env.base}hosts/landmarks.html`, device);
    await ready(page, 2);
    for (const id of ['top', 'bottom']) {
      await shadow(page, `#${id}`, `root.querySelector('.xp-data summary').click();`);
      await page.locator(`#${id}`).locator('[data-key="entity:nvidia"]').filter({ visible: true }).click();
      assert.ok(await until(() => shadow(page, `#${id}`, 'return root.querySelector(".xp-panel h3")?.textContent === "Nvidia" && !!root.querySelector(".xp-data table");')), `${id}: its panel and table open`);
    }
    assert.deepEqual(await axe(page), [], `${device.viewport.width} px`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});
