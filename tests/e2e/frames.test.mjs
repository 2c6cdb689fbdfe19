// Where the panel cannot stick: iframes (auto-height, sandboxed, as tall as their content),
// wrappers that clip their overflow, a page's CSS zoom.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, shadow, gotoPushed } from './lib.mjs';
import { serve } from './server.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('the iframe follows its content height', async () => {
  const page = await open(env.browser);
  await page.addInitScript(() => {
    window.got = [];
    addEventListener('message', (e) => window.got.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
  });
  await page.goto(`${env.base}hosts/iframe.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-explainer]').waitFor();
  const heights = async () => page.evaluate(() => {
    const f = document.querySelector('iframe');
    return [f.clientHeight, Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height)];
  });
  assert.ok(await until(async () => { const [a, b] = await heights(); return a === b; }), `frame ${await heights()}`);
  const [before] = await heights();
  await frame.locator('[id$="-tab-questions"]').click();
  await frame.locator('summary').first().click();
  assert.ok(await until(async () => { const [a, b] = await heights(); return a === b && a !== before; }), `after: ${await heights()} before ${before}`);
  assert.equal(await page.locator('iframe').getAttribute('title'), 'Interactive explainer: Nvidia, OpenAI and Microsoft');
  // The same height in the three formats hosts understand, and an answer to Pym's width message.
  const [h] = await heights();
  const got = await page.evaluate(() => window.got);
  assert.ok(got.includes(`pymxPYMxxp1xPYMxheightxPYMx${h}`), got.slice(-6).join(' '));
  assert.ok(got.includes(JSON.stringify({ sentinel: 'amp', type: 'embed-size', height: h })));
  assert.ok(got.includes(JSON.stringify({ type: 'explainer:height', height: h })));
  const before2 = got.length;
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage('pymxPYMxxp1xPYMxwidthxPYMx600', '*'));
  assert.ok(await until(async () => (await page.evaluate(() => window.got.length)) >= before2 + 3), 'answers a Pym width message');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('in a frame sandboxed without its origin (as CMSs embed): with CORS it works; without, it reads whole, never cut', async () => {
  // The frame's origin is opaque, so its loader, bindings and WASM are cross-origin requests.
  const inFrame = async (page) => until(() => page.frames().find((f) => f.url().includes('frame.en.html')));
  const heights = async (page, frame) => [await page.evaluate(() => document.querySelector('iframe').clientHeight),
    await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))];
  // Served with Access-Control-Allow-Origin (README): the explainer runs, and a tap opens its panel.
  const cors = await serve(undefined, { cors: true });
  const page = await open(env.browser, `http://127.0.0.1:${cors.address().port}/hosts/sandboxed.html`, { hasTouch: true, isMobile: true });
  let frame = await inFrame(page);
  await frame.waitForFunction(() => document.querySelector('[data-explainer]')?.hasAttribute('data-explainer-mounted'));
  await frame.locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
  assert.ok(await until(() => frame.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-panel h3')?.textContent === 'Nvidia')));
  assert.ok(await until(async () => { const [a, b] = await heights(page, frame); return a === b; }), `${await heights(page, frame)}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
  cors.close();
  // Without it, the browser refuses the loader: the frame still tells the page its height
  // (a classic script), so the reading mode it turns to after 6 s shows whole, not cut at
  // the 600 px the page gave it.
  const bare = await open(env.browser, `${env.base}hosts/sandboxed.html`, { hasTouch: true, isMobile: true });
  frame = await inFrame(bare);
  assert.ok(await until(() => frame.evaluate(() => getComputedStyle(document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-tabs')).display === 'none'), 9000), 'reading mode');
  assert.ok(await until(async () => { const [a, b] = await heights(bare, frame); return a === b && a > 3000; }), `${await heights(bare, frame)}`);
  assert.ok(bare.messages.length > 0 && bare.messages.every((m) => /CORS|ERR_FAILED/.test(m)), bare.messages.join('\n'));
  await bare.context().close();
});

test('phone, in an iframe as tall as its content: a tap opens the panel just below the control, on screen', async () => {
  // Nothing sticks in a frame that does not scroll: the sheet would open at the end of the
  // diagram, a screen or more below the finger.
  const page = await open(env.browser, null, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await page.goto(`${env.base}hosts/iframe.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-explainer]').waitFor();
  const height = () => page.evaluate(() => document.querySelector('iframe').clientHeight);
  await until(async () => (await height()) > 1000);
  for (const [key, name] of [['entity:nvidia', 'Nvidia'], ['entity:microsoft', 'Microsoft'], ['entity:us-government', 'Gouvernement américain']]) {
    const control = frame.locator(`[data-key="${key}"]`).filter({ visible: true });
    await control.scrollIntoViewIfNeeded();
    const tall = await height();
    await control.tap();
    const title = frame.locator('.xp-panel h3');
    await title.waitFor();
    assert.equal(await title.textContent(), name === 'Gouvernement américain' ? 'US government' : name);
    const [c, h, p] = [await control.boundingBox(), await title.boundingBox(), await frame.locator('.xp-panel').boundingBox()];
    assert.ok(h.y >= 0 && h.y + h.height <= 667, `${key}: the panel's title at ${h.y}, in the 667 px screen`);
    assert.ok(Math.abs(p.y - (c.y + c.height)) < 12, `${key}: the panel at ${p.y}, just below the control (${c.y}–${c.y + c.height})`);
    assert.equal(await height(), tall, 'the frame keeps its height');
    await frame.locator('.xp-close').tap();
  }
  // A page that scrolls keeps the sticky sheet.
  const direct = await open(env.browser, `${env.base}hosts/plain.html`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await ready(direct);
  await direct.locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
  assert.ok(await until(() => shadow(direct, '[data-explainer]', "return !!root.querySelector('.xp-panel h3')")));
  assert.equal(await shadow(direct, '[data-explainer]', "return root.querySelector('.xp-body').hasAttribute('data-anchored')"), false);
  assert.deepEqual([...page.messages, ...direct.messages], []);
  for (const p of [page, direct]) await p.context().close();
});

/** Taps the diagram control of `key` in the explainer `host` (brought into view first) and
 * waits until its panel is titled `name`; returns the control. */
async function tapOpens(page, host, key, name) {
  const control = page.locator(`${host} [data-key="${key}"]`).filter({ visible: true });
  await control.scrollIntoViewIfNeeded();
  await control.tap();
  assert.ok(await until(() => shadow(page, host, `return root.querySelector('.xp-panel h3')?.textContent === '${name}'`)), `${host} ${key}`);
  return control;
}

test('phone, inside a wrapper that clips its overflow: a tap opens the panel on screen', async () => {
  // `overflow-x: hidden` on a wrapper makes it the sheet's scroll container, which never
  // scrolls: the sheet would stay at the end of the diagram, far below the finger.
  const page = await open(env.browser, `${env.base}hosts/overflow-hidden.html`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  for (const [host, anchored] of [['#in-hidden', true], ['#in-clip', false]]) {
    for (const [key, name] of [['entity:nvidia', 'Nvidia'], ['entity:microsoft', 'Microsoft']]) {
      await tapOpens(page, host, key, name);
      // The anchoring comes after the first paint.
      assert.ok(await until(async () => {
        const y = await shadow(page, host, "return root.querySelector('.xp-panel h3').getBoundingClientRect().top");
        return y >= 0 && y < 667 - 40;
      }), `${host} ${key}: the panel's title is on screen`);
      assert.equal(await shadow(page, host, "return root.querySelector('.xp-body').hasAttribute('data-anchored')"), anchored, `${host}: placed by the control, not stuck`);
      await shadow(page, host, "root.querySelector('.xp-close').click()");
    }
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone, under a page\'s CSS zoom: a tap opens the panel on screen, a sheet within the screen, by its control where it cannot stick', async () => {
  // Under zoom: 1.5 the sheet (70vh) was 105 % of the screen, so it could not stick and
  // was placed by its control, at offsets measured on screen and then zoomed again:
  // 300 px below the screen.
  const page = await open(env.browser, `${env.base}hosts/zoomed.html`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  for (const [host, anchored] of [['#zoomed', false], ['#zoomed-hidden', true]]) {
    for (const [key, name] of [['entity:nvidia', 'Nvidia'], ['entity:microsoft', 'Microsoft']]) {
      const control = await tapOpens(page, host, key, name);
      let seen;
      const placed = await until(async () => {
        const [c, p, t] = [await control.boundingBox(), await page.locator(`${host} .xp-panel`).boundingBox(), await page.locator(`${host} .xp-panel h3`).boundingBox()];
        seen = `control ${c.y.toFixed(0)}–${(c.y + c.height).toFixed(0)}, panel ${p.y.toFixed(0)}–${(p.y + p.height).toFixed(0)}, title ${t.y.toFixed(0)}`;
        // A sheet takes 70 % of the screen at most; a panel placed by its control, 440 px
        // of the explainer's (zoomed with its text).
        return t.y >= 0 && t.y + t.height <= 667
          && (anchored ? Math.abs(p.y - (c.y + c.height)) < 12 * 1.5 : p.height <= 0.7 * 667 + 1);
      });
      assert.ok(placed, `${host} ${key}: ${seen}`);
      assert.equal(await shadow(page, host, "return root.querySelector('.xp-body').hasAttribute('data-anchored')"), anchored, `${host}: placed by the control only where it cannot stick`);
      await shadow(page, host, "root.querySelector('.xp-close').click()");
    }
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('in an iframe, scrolling the page around it lets idle time hydrate the explainer', async () => {
  // The frame itself never scrolls: the sign that the reader reads on is the frame moving.
  // Its top shows, not its controls: were they in sight, idle time would hydrate it unscrolled.
  const page = await open(env.browser);
  await gotoPushed(page, `${env.base}hosts/iframe.html`, 500);
  const inner = () => page.evaluate(() => {
    // The frame's document may not be there yet.
    const h = document.querySelector('iframe').contentDocument?.querySelector('[data-explainer]');
    return { mounted: !!h?.hasAttribute('data-explainer-mounted'), ready: !!h?.hasAttribute('data-explainer-ready') };
  });
  assert.ok(await until(async () => (await inner()).mounted, 10000), 'code loaded');
  await page.waitForTimeout(500);
  assert.deepEqual(await inner(), { mounted: true, ready: false }, 'nothing hydrated before the reader scrolls');
  await page.mouse.wheel(0, 300);
  assert.ok(await until(async () => (await inner()).ready), 'hydrated at idle once the page scrolled');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});
