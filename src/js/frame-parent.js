// On a host page: sizes every <iframe data-explainer-frame> to the height its explainer
// reports, scrolls the page where the explainer asks (a change of view under the reader)
// and tells each frame when the page scrolls, without Pym.js. A fixed header's height can
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
      scrollBy(0, frame.getBoundingClientRect().top + data.top - margin);
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
