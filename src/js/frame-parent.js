// On a host page: sizes every <iframe data-explainer-frame> to the height its explainer
// reports, scrolls the page where the explainer asks (a change of view under the reader),
// tells each frame when the page scrolls, and passes on the page's links to a frame's items,
// without Pym.js. A fixed header's height can
// be kept clear with `scroll-margin-top` on the iframe. Include with
// <script type="module" src=".../frame-parent.js">.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || !['explainer:height', 'explainer:scroll'].includes(data.type)) return;
  for (const frame of document.querySelectorAll('iframe[data-explainer-frame]')) {
    if (frame.contentWindow !== event.source) continue;
    if (data.type === 'explainer:height' && Number.isFinite(data.height)) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    } else if (data.type === 'explainer:scroll' && Number.isFinite(data.top)) {
      const margin = parseFloat(getComputedStyle(frame).scrollMarginTop) || 0;
      // To the top of what the reader sees: pinch-zoomed, that is the visual viewport, which
      // keeps its place in the page's viewport as the page scrolls. To the page's top, the
      // part asked for went above it (and where the frame's own scroll had already brought
      // it into sight, out again).
      const v = window.visualViewport;
      const [seen, height] = v ? [v.offsetTop, v.height] : [0, innerHeight];
      const y = frame.getBoundingClientRect().top + frame.clientTop;
      // What must show with it (`bottom`, the panel's title) stays in sight where both do
      // not fit: a phone turned and zoomed in sees 150 px of the page.
      const end = Number.isFinite(data.bottom) ? y + data.bottom - (seen + height) : -Infinity;
      scrollBy(0, Math.max(y + data.top - margin - seen, end));
    }
  }
});

// The page scrolling is a frame's sign that the reader reads on (see frame.js): at most once
// a frame (an animation frame), and captured, as a page whose article scrolls in an element
// of its own never scrolls the window.
let told = false;
addEventListener('scroll', () => {
  if (told) return;
  told = true;
  requestAnimationFrame(() => {
    told = false;
    for (const frame of document.querySelectorAll('iframe[data-explainer-frame]')) {
      frame.contentWindow?.postMessage({ type: 'explainer:page-scroll' }, '*');
    }
  });
}, { passive: true, capture: true });

// A link on the page to an item of a frame's explainer, `#explainer-<iframe id>=<item id>`
// (as the explainer names its part of a page's address), is passed on to that frame, which
// opens the item as a deep link does: when the address changes (a link in the article's
// text, Back), as each frame loads, for the address the page was opened with, and (`again`)
// when the reader follows a link to the address the page already has, which fires no
// `hashchange`: back from the text to the item it opened, which comes into view again.
// The key is compared percent-decoded: the browser writes an id of other letters
// (`schéma`) as `sch%C3%A9ma` in the address.
const decoded = (s) => { try { return decodeURIComponent(s); } catch { return s; } };
const link = (frame, again = false) => {
  const part = location.hash.slice(1).split('&').find((p) => decoded(p.split('=')[0]) === `explainer-${frame.id}`);
  if (frame.id && part) frame.contentWindow?.postMessage({ type: 'explainer:link', item: part.slice(part.indexOf('=') + 1), again }, '*');
};
const frames = () => document.querySelectorAll('iframe[data-explainer-frame]');
addEventListener('hashchange', () => frames().forEach((f) => link(f)));
for (const frame of frames()) {
  link(frame);
  frame.addEventListener('load', () => link(frame));
}
// Not a click the page handled, nor one opening another tab or a download.
addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const a = e.composedPath().find((t) => t.localName === 'a' || t.localName === 'area');
  if (a?.href === location.href && !a.hasAttribute('download') && [null, '', '_self'].includes(a.getAttribute('target'))) {
    frames().forEach((f) => link(f, true));
  }
});
