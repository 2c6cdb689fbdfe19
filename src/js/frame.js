// In frame.html: tells the parent page this frame's height whenever it changes, in the three
// formats hosts understand (Pym.js, AMP embed-size, plain JSON), and answers Pym's width
// messages with the current height; passes on where the explainer asks the page to scroll,
// and opens the items the page links to. A classic script (see `prerender::frame_page`).
'use strict';
const params = new URLSearchParams(location.search);
const childId = params.get('childId') || 'explainer';
let sent = 0;

function send(force) {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!force && height === sent) return;
  sent = height;
  if (parent === window) return;
  parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
  parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  parent.postMessage({ type: 'explainer:height', height }, '*');
}

new ResizeObserver(() => send(false)).observe(document.documentElement);
addEventListener('message', (event) => {
  if (typeof event.data === 'string' && event.data.startsWith(`pymxPYMx${childId}xPYMxwidthxPYMx`)) send(true);
});
send(true);

// The explainer brought a part of itself into view (a change of view under the reader): the
// page around the frame is asked to scroll there too, as not every browser scrolls a page of
// another origin for its frame. `detail.top` is the part's offset from the top of this page,
// and `detail.bottom`, if any, where what must show with it ends (the panel's title).
addEventListener('explainer:reveal', (event) => {
  const { top, bottom } = event.detail ?? {};
  if (parent === window || !Number.isFinite(top)) return;
  parent.postMessage(`pymxPYMx${childId}xPYMxscrollToChildPositionxPYMx${top}`, '*');
  parent.postMessage({ type: 'explainer:scroll', top, ...(Number.isFinite(bottom) && { bottom }) }, '*');
});

// The frame never scrolls (it is as tall as its content): the page around it does, and the
// explainer prepares itself once the reader scrolls (reads the story, hydrates). That sign
// is passed on as a scroll of this window: the page's scroll, told by frame-parent.js, or
// else the frame moving in the viewport. The second is seen only as the share of the frame
// in view crosses a step (1 %), so not while a frame taller than the viewport fills it.
const scrolled = () => dispatchEvent(new Event('scroll'));
addEventListener('message', (event) => {
  if (event.source === parent && event.data?.type === 'explainer:page-scroll') scrolled();
});
if ('IntersectionObserver' in window) {
  let first = true;
  const steps = Array.from({ length: 101 }, (_, i) => i / 100);
  new IntersectionObserver(() => {
    if (first) first = false;
    else scrolled();
  }, { threshold: steps }).observe(document.documentElement);
}

// The page around the frame linked to an item (`frame-parent.js`): it becomes this page's
// deep link, as `#explainer=<item>`, which the explainer reads as it mounts and follows once
// running (`hashchange`). Replaced, not pushed: the page's own link made the history entry.
// The reader followed the page's link to it again (`again`): the frame follows a link to its
// own address, which the explainer takes as the reader's way back to the item.
addEventListener('message', (event) => {
  const item = event.data?.type === 'explainer:link' && event.data.item;
  if (event.source !== parent || typeof item !== 'string' || !/^[a-z0-9_-]+$/.test(item)) return;
  if (location.hash === `#explainer=${item}`) {
    if (event.data.again === true) {
      const a = Object.assign(document.createElement('a'), { href: location.href, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
    }
    return;
  }
  history.replaceState(history.state, '', `#explainer=${item}`);
  dispatchEvent(new HashChangeEvent('hashchange'));
});
