// On a host page: sizes every <iframe data-explainer-frame> to the height its explainer
// reports, without Pym.js. Include with <script type="module" src=".../frame-parent.js">.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'explainer:height' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe[data-explainer-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
