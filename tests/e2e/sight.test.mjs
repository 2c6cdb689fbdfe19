// What a tap opens shows where the reader looks. A reader who pinch-zoomed sees only part of
// the page's viewport (the visual viewport), while the phone's sheet sticks to that
// viewport's bottom and the desktop's side panel stands beside the diagram; in a frame, or a
// wrapper that clips, the panel opens by its control, below it even at the screen's bottom.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, until } from './lib.mjs';
import { PHONE, mounted } from './place.mjs';

/** How far past the edge of what the reader sees a box may end and count as seen, in CSS
 * px: zoomed in, the browser's `nearest` scroll may leave its last pixel past the edge. */
const SLACK = 2;

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

/** Brings `control` (of `scope`: a page's explainer, or a frame's) to `block` of what the
 * reader sees, taps or clicks it where it shows, and waits for its panel, named `name`. */
async function tapShown(page, scope, control, block, name, mouse = false) {
  await control.evaluate((c, b) => c.scrollIntoView({ block: b, inline: 'center' }), block);
  await page.waitForTimeout(200);
  const box = await control.boundingBox();
  const at = [box.x + box.width / 2, box.y + box.height / 2];
  await (mouse ? page.mouse.click(...at) : page.touchscreen.tap(...at));
  await scope.locator('.xp-panel:not([data-partial]) h3').filter({ hasText: name }).waitFor();
}

/** Pans what the reader sees so that `control` shows at `block` of it (the page's own
 * scroll does not move: a pinch-zoomed reader pans within the page's viewport), then taps
 * or clicks it where it shows, and waits for its panel. Returns whether, in what the reader
 * sees, the panel's heading shows whole (`heading`) and the control in part (`control`),
 * and the page's scale. */
async function tapZoomed(page, x, control, block, name, mouse) {
  await tapShown(page, x, control, block, name, mouse);
  // The heading is brought into view after the panel's paint: a frame, and a scroll.
  await page.waitForTimeout(400);
  return page.evaluate(([key, slack]) => {
    const root = xpRoot(document.querySelector('[data-explainer]'));
    const v = visualViewport;
    // Where a box is within what the reader sees: whole vertically, in part sideways (a
    // heading may be wider than a zoomed-in screen).
    const seen = (e) => {
      const r = e.getBoundingClientRect();
      return r.top >= v.offsetTop - slack && r.bottom <= v.offsetTop + v.height + slack
        && r.right > v.offsetLeft && r.left < v.offsetLeft + v.width;
    };
    const shows = (e) => {
      const r = e.getBoundingClientRect();
      return r.bottom > v.offsetTop && r.top < v.offsetTop + v.height && r.right > v.offsetLeft && r.left < v.offsetLeft + v.width;
    };
    return { heading: seen(root.querySelector('.xp-panel h3')), control: shows(root.querySelector(`[data-key="${key}"]`)), scale: v.scale };
  }, [await control.getAttribute('data-key'), SLACK]);
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

/** Where the open panel's title of the first explainer in the page, or in its first frame,
 * is in what the reader sees of the page: `seen` whole (vertically; sideways in part). */
const titleSeen = (page) => page.evaluate((slack) => {
  const f = document.querySelector('iframe');
  const doc = f ? f.contentDocument : document;
  const h = xpRoot(doc.querySelector('[data-explainer]')).querySelector('.xp-panel h3').getBoundingClientRect();
  const b = f ? f.getBoundingClientRect() : { top: 0, left: 0 };
  const [dy, dx] = f ? [b.top + f.clientTop, b.left + f.clientLeft] : [0, 0];
  const v = visualViewport;
  return h.top + dy >= v.offsetTop - slack && h.bottom + dy <= v.offsetTop + v.height + slack
    && h.right + dx > v.offsetLeft && h.left + dx < v.offsetLeft + v.width;
}, SLACK);

/** Taps the player `key` of `scope` (a page's explainer, or a frame's) brought to the
 * screen's bottom, and waits for its panel, named `name`. Returns the player. */
async function tapAtBottom(page, scope, key, name) {
  const control = scope.locator(`[data-key="${key}"]`).first();
  await tapShown(page, scope, control, 'end', name);
  return control;
}

test('phone, pinch-zoomed page framing the explainer: a player tapped at the bottom of what the reader sees opens a panel whose title they see', async () => {
  const page = await open(env.browser, `${env.base}hosts/iframe.html`, { ...PHONE, deviceScaleFactor: 2 });
  await page.locator('iframe').first().scrollIntoViewIfNeeded();
  const frame = await until(() => page.frames().find((f) => f !== page.mainFrame() && f.url() !== 'about:blank'));
  await mounted(frame);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 });
  await tapAtBottom(page, frame, 'entity:openai', 'OpenAI');
  // Before: the panel opened just below the player, off what the reader saw.
  assert.ok(await until(() => titleSeen(page)), 'the panel\'s title shows where the reader is zoomed in');
  assert.equal(await page.evaluate(() => visualViewport.scale), 2.5, 'the reader\'s zoom is kept');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone, pinch-zoomed page framing the explainer: an event chosen on the timeline opens over the diagram, its panel\'s title where the reader sees it', async () => {
  // The explainer brings the players the event lit into sight, and asks the page around
  // its frame to scroll there too: the page put them at the top of its viewport, above the
  // part of it a zoomed-in reader sees.
  for (const viewport of [PHONE.viewport, { width: 667, height: 375 }]) {
    const page = await open(env.browser, `${env.base}hosts/iframe.html`, { ...PHONE, viewport, deviceScaleFactor: 2 });
    await page.locator('iframe').first().scrollIntoViewIfNeeded();
    const frame = await until(() => page.frames().find((f) => f !== page.mainFrame() && f.url() !== 'about:blank'));
    await mounted(frame);
    const tab = frame.locator('[id$="-tab-timeline"]');
    await tab.scrollIntoViewIfNeeded();
    await tab.tap();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 });
    const event = frame.locator('[data-key^="event:"]').first();
    await tapShown(page, frame, event, 'center', '');
    assert.ok(await until(() => titleSeen(page)), `${viewport.width}×${viewport.height}: the panel's title shows where the reader is zoomed in`);
    assert.equal(await page.evaluate(() => visualViewport.scale), 2.5, 'the reader\'s zoom is kept');
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('phone, in a frame as tall as its content and in a wrapper that clips: a player tapped at the screen\'s bottom opens its panel below it, brought into sight with the player', async () => {
  for (const [url, scope] of [['hosts/iframe.html', (p) => p.frameLocator('iframe')], ['hosts/overflow-hidden.html', (p) => p.locator('#in-hidden')]]) {
    const page = await open(env.browser, `${env.base}${url}`, PHONE);
    const x = scope(page);
    await until(() => page.evaluate(() => {
      const f = document.querySelector('iframe');
      return !!(f ? f.contentDocument : document).querySelector('[data-explainer-mounted]');
    }));
    // In the middle of the screen, a tap moves nothing: its panel shows already. (First: a
    // panel open by its control would cover the next.)
    const middle = x.locator('[data-key="entity:microsoft"]').first();
    await middle.evaluate((c) => c.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    const still = await page.evaluate(() => scrollY);
    const box = await middle.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await x.locator('.xp-panel:not([data-partial]) h3').filter({ hasText: 'Microsoft' }).waitFor();
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => scrollY), still, `${url}: a tap whose panel shows scrolls nothing`);
    await x.locator('.xp-close').first().tap();
    await x.locator('.xp-panel').waitFor({ state: 'detached' });
    const control = await tapAtBottom(page, x, 'entity:openai', 'OpenAI');
    // Before: the panel opened below the player, past the screen's bottom; the reader saw
    // nothing happen.
    assert.ok(await until(() => titleSeen(page)), `${url}: the panel's title shows`);
    const shown = await control.evaluate((c) => {
      const f = window.frameElement;
      const r = c.getBoundingClientRect();
      const top = r.top + (f ? f.getBoundingClientRect().top : 0);
      return top < (f ? window.parent.innerHeight : innerHeight) && top + r.height > 0;
    });
    assert.ok(shown, `${url}: the player tapped still shows`);
    assert.deepEqual(page.messages, [], url);
    await page.context().close();
  }
});

test('phone: the player whose panel is open, tapped again once the reader has zoomed away from its panel, brings the panel into sight', async () => {
  const page = await open(env.browser, `${env.base}index.html`, { ...PHONE, deviceScaleFactor: 2 });
  await mounted(page);
  const x = page.locator('[data-explainer]').first();
  const openai = x.locator('[data-key="entity:openai"]').first();
  await openai.tap();
  await x.locator('.xp-panel:not([data-partial]) h3').filter({ hasText: 'OpenAI' }).waitFor();
  // Zoomed in on the player, at the bottom of what the reader sees: its sheet, which stops
  // below it, is out of it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2.5 });
  await openai.evaluate((c) => c.scrollIntoView({ block: 'end', inline: 'center' }));
  await page.waitForTimeout(200);
  assert.equal(await titleSeen(page), false, 'zoomed in on the player, the reader does not see its panel');
  const box = await openai.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  // Before: the selection did not change, so nothing moved: the tap seemed to do nothing.
  assert.ok(await until(() => titleSeen(page)), 'the panel\'s title comes into sight');
  assert.equal(await page.evaluate(() => visualViewport.scale), 2.5, 'the reader\'s zoom is kept');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});
