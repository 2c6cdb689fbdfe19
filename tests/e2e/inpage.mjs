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
 * root's padding too, by design), and a sheet placed over the explainer's end.
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
}

/** A WebDriver script's body that installs the helpers in the current frame. */
export const inPage = `(${installHelpers})();`;
