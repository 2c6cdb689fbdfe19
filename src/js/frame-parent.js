// On a host page: sizes every <iframe data-explainer-frame> to the height its explainer
// reports, and scrolls the page where the explainer asks (a change of view under the
// reader), without Pym.js. A fixed header's height can be kept clear with `scroll-margin-top`
// on the iframe. Include with <script type="module" src=".../frame-parent.js">.
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
