// A reader who pinch-zoomed: what a tap opens shows in the part of the page they see.
// Zoomed in, they see only part of the page's viewport (the visual viewport), while the
// phone's sheet sticks to that viewport's bottom and the desktop's side panel stands beside
// the diagram. Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, until } from './lib.mjs';
import { PHONE, mounted } from './place.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** The article, zoomed in `scale` times as a pinch does (the DevTools protocol's page
 * scale: headless Chromium drops a synthesized pinch), with the explainer's diagram shown. */
async function zoomedIn(device, scale) {
  const page = await open(env.browser, `${env.base}index.html`, device);
  await mounted(page);
  const x = page.locator('[data-explainer]').first();
  await x.locator('svg.xp-svg').filter({ visible: true }).scrollIntoViewIfNeeded();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: scale });
  assert.ok(await until(() => page.evaluate((s) => Math.abs(visualViewport.scale - s) < 0.01, scale)), 'the page is zoomed in');
  return { page, x };
}

/** Pans what the reader sees so that `control` shows at `block` of it (the page's own
 * scroll does not move: a pinch-zoomed reader pans within the page's viewport), then taps
 * or clicks it where it shows, and waits for its panel. Returns the panel's heading and
 * the control, each as where it is in what the reader sees (CSS px; null: not seen). */
async function tapZoomed(page, x, control, block, name, mouse) {
  await control.evaluate((c, b) => c.scrollIntoView({ block: b, inline: 'center' }), block);
  await page.waitForTimeout(200);
  const box = await control.boundingBox();
  const at = [box.x + box.width / 2, box.y + box.height / 2];
  await (mouse ? page.mouse.click(...at) : page.touchscreen.tap(...at));
  await x.locator('.xp-panel:not([data-partial]) h3').filter({ hasText: name }).waitFor();
  // The heading is brought into view after the panel's paint: a frame, and a scroll.
  await page.waitForTimeout(400);
  return page.evaluate((key) => {
    const root = xpRoot(document.querySelector('[data-explainer]'));
    const v = visualViewport;
    // Where a box is within what the reader sees: whole vertically, in part sideways (a
    // heading may be wider than a zoomed-in screen).
    const seen = (e) => {
      const r = e.getBoundingClientRect();
      return r.top >= v.offsetTop - 0.5 && r.bottom <= v.offsetTop + v.height + 0.5
        && r.right > v.offsetLeft && r.left < v.offsetLeft + v.width;
    };
    const shows = (e) => {
      const r = e.getBoundingClientRect();
      return r.bottom > v.offsetTop && r.top < v.offsetTop + v.height && r.right > v.offsetLeft && r.left < v.offsetLeft + v.width;
    };
    return { heading: seen(root.querySelector('.xp-panel h3')), control: shows(root.querySelector(`[data-key="${key}"]`)), scale: v.scale };
  }, await control.getAttribute('data-key'));
}

test('phone, pinch-zoomed: a player tapped at the bottom of what the reader sees opens a sheet whose title they see, the player still in sight', async () => {
  const { page, x } = await zoomedIn({ ...PHONE, deviceScaleFactor: 2 }, 2.5);
  const openai = x.locator('[data-key="entity:openai"]').first();
  const seen = await tapZoomed(page, x, openai, 'end', 'OpenAI', false);
  // Before: the sheet stuck to the bottom of the page's viewport, below what the reader saw.
  assert.ok(seen.heading, 'the panel\'s title shows where the reader is zoomed in');
  assert.ok(seen.control, 'the player tapped still shows');
  assert.equal(seen.scale, 2.5, 'the reader\'s zoom is kept');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('desktop, pinch-zoomed on the diagram: a click opens the side panel where the reader sees it, item after item', async () => {
  const { page, x } = await zoomedIn({ viewport: { width: 1280, height: 800 } }, 2.5);
  for (const [key, name] of [['entity:openai', 'OpenAI'], ['entity:microsoft', 'Microsoft']]) {
    const seen = await tapZoomed(page, x, x.locator(`[data-key="${key}"]`).first(), 'center', name, true);
    // Before: the side panel opened beside the diagram, off what the reader saw.
    assert.ok(seen.heading, `${name}'s panel title shows where the reader is zoomed in`);
    assert.equal(seen.scale, 2.5, 'the reader\'s zoom is kept');
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone, pinch-zoomed page framing the explainer (frame-parent.js): a player tapped at the bottom of what the reader sees opens a panel whose title they see', async () => {
  const page = await open(env.browser, `${env.base}hosts/iframe.html`, { ...PHONE, deviceScaleFactor: 2 });
  await page.locator('iframe').first().scrollIntoViewIfNeeded();
  const frame = await until(() => page.frames().find((f) => f !== page.mainFrame() && f.url() !== 'about:blank'));
  await mounted(frame);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 });
  // The page tells the frame (frame.js marks its root), which cannot see the zoom itself.
  assert.ok(await until(() => frame.evaluate(() => document.documentElement.hasAttribute('data-explainer-pinched'))), 'the frame is told the page is zoomed in');
  const openai = frame.locator('[data-key="entity:openai"]').first();
  await openai.evaluate((c) => c.scrollIntoView({ block: 'end', inline: 'center' }));
  await page.waitForTimeout(200);
  const box = await openai.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  const heading = frame.locator('.xp-panel:not([data-partial]) h3').filter({ hasText: 'OpenAI' });
  await heading.waitFor();
  // Where the heading is in what the reader sees: the frame's box in the page, then the
  // page's visual viewport.
  const seen = () => page.evaluate(async () => {
    const f = document.querySelector('iframe');
    const h = xpRoot(f.contentDocument.querySelector('[data-explainer]')).querySelector('.xp-panel h3').getBoundingClientRect();
    const b = f.getBoundingClientRect();
    const v = visualViewport;
    const top = b.top + f.clientTop + h.top, bottom = b.top + f.clientTop + h.bottom;
    return top >= v.offsetTop - 0.5 && bottom <= v.offsetTop + v.height + 0.5;
  });
  // Before: the panel opened just below the player, off what the reader saw.
  assert.ok(await until(seen), 'the panel\'s title shows where the reader is zoomed in');
  assert.equal(await page.evaluate(() => visualViewport.scale), 2.5, 'the reader\'s zoom is kept');
  // Back at the page's own scale, the frame is told, and a tap scrolls nothing.
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
  assert.ok(await until(() => frame.evaluate(() => !document.documentElement.hasAttribute('data-explainer-pinched'))), 'the frame is told the zoom is gone');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});
