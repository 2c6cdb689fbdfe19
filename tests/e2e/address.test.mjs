// The page's address: deep links, history, client-side routes, <base href>, host ids.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { setup, open, ready, until, shadow, panelShows, gotoPushed, ARGS } from './lib.mjs';
import { serve } from './server.mjs';
import { VIEWPORTS } from './reader.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('a deep link selects its item and scrolls to it; taps add no history entries and keep the page\'s history state; a link to a bar opens the comparison', async () => {
  const page = await open(env.browser, `${env.base}index.html#explainer=nvidia-openai-loi`);
  await ready(page);
  assert.ok(await until(() => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia → OpenAI'")));
  // The item itself comes into view, clear of the panel.
  const item = page.locator('[data-key="relationship:nvidia-openai-loi"]').filter({ visible: true });
  const seen = await until(async () => {
    const [c, p] = [await item.boundingBox(), await page.locator('.xp-panel').boundingBox()];
    return c && p && c.y >= 0 && c.y + c.height <= p.y;
  });
  assert.ok(seen, `the item at ${(await item.boundingBox())?.y}, the panel at ${(await page.locator('.xp-panel').boundingBox())?.y}`);
  // A client-side router keeps its place in the entry's state (React Router: a key and an
  // index; Next.js reloads the page on Back to an entry without its own).
  const router = { usr: null, key: 'k7', idx: 3 };
  await page.evaluate((state) => history.replaceState(state, ''), router);
  const length = await page.evaluate(() => history.length);
  for (const id of ['entity:amd', 'entity:intel', 'entity:openai']) {
    await page.locator(`[data-key="${id}"]`).click();
  }
  assert.ok(await until(() => page.evaluate(() => location.hash === '#explainer=openai')));
  assert.equal(await page.evaluate(() => history.length), length);
  assert.deepEqual(await page.evaluate(() => history.state), router, 'the page\'s history state is kept');
  // A link to a comparison bar opens the comparison, where the bar is, and brings it into view
  // above its panel (it opened over the diagram, which shows no bar).
  // Written with capitals, as an editor might: ids are lower case, so it means the same bar.
  await page.evaluate(() => { location.hash = 'explainer=Bar-NVIDIA-wsj'; });
  const bar = () => shadow(page, '[data-explainer]', `const b = [...root.querySelectorAll('[data-key="bar:bar-nvidia-wsj"]')].find((e) => e.getClientRects().length)?.getBoundingClientRect();
    const p = root.querySelector('.xp-panel');
    return [root.querySelector('[role=tab][aria-selected=true]').id.endsWith('-tab-comparison'), p?.querySelector('h3').textContent.includes('WSJ'), !!b && b.top >= 0 && b.bottom <= p.getBoundingClientRect().top]`);
  assert.ok(await until(async () => (await bar()).every(Boolean)), `view, panel, bar in view: ${await bar()}`);
  await page.context().close();
});

test('on a page whose address fragment is a client-side route, taps leave the route alone', async () => {
  const page = await open(env.browser, `${env.base}hosts/plain.html#/article/42`);
  await ready(page);
  await page.locator('[data-key="entity:nvidia"]').click();
  assert.ok(await until(() => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia'")));
  // The address would be written after the panel's paint, at background priority: within
  // half a second.
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => location.hash), '#/article/42');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('on a page with <base href="/"> (an Angular app), the address a tap writes keeps the page\'s path and query', async () => {
  const page = await open(env.browser, `${env.base}hosts/base-href.html?id=42`);
  await ready(page);
  const address = () => page.evaluate(() => location.pathname + location.search + location.hash);
  await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).click();
  assert.ok(await until(async () => (await address()).endsWith('#explainer=nvidia')), await address());
  assert.equal(await address(), '/hosts/base-href.html?id=42#explainer=nvidia');
  // Closed: the fragment goes, the page's address stays.
  await page.keyboard.press('Escape');
  assert.ok(await until(async () => !(await address()).includes('#')), await address());
  assert.equal(await address(), '/hosts/base-href.html?id=42');
  // Reloaded, or shared, it is still the article.
  await page.reload();
  assert.equal(await page.title(), 'Host page: base href');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a host whose id has other letters (schéma) is linked to, writes its part of the address and opens it again on reload', async () => {
  // The browser writes `#explainer-schéma=…` as `#explainer-sch%C3%A9ma=…`.
  const page = await open(env.browser, `${env.base}hosts/accented-id.html`);
  await ready(page);
  const title = () => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent");
  await page.locator('#to-ms').click();
  assert.ok(await until(async () => (await title()) === 'Microsoft'), 'the article\'s link');
  await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).click();
  assert.ok(await until(() => page.evaluate(() => location.hash === '#explainer-sch%C3%A9ma=nvidia')), await page.evaluate(() => location.hash));
  await page.reload();
  await ready(page);
  assert.ok(await until(async () => (await title()) === 'Nvidia'), 'the address it wrote');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('back to the article from the next page (the back/forward cache): the panel is as the reader left it, and taps still answer, hydrated or not when they left', async () => {
  // Playwright turns the cache off; news sites send `no-cache`, which lets a page in.
  const server = await serve(undefined, { revalidate: true });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  try {
    const page = await open(browser, null, VIEWPORTS.phone375);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    const refused = [];
    cdp.on('Page.backForwardCacheNotUsed', (e) => refused.push(e.notRestoredExplanations.map((x) => x.reason).join()));
    const away = async () => {
      await page.evaluate(() => { window.kept = true; });
      await page.goto(`${base}hosts/plain.html`);
      await page.goBack({ waitUntil: 'commit' });
      assert.ok(await until(() => page.evaluate(() => window.kept === true).catch(() => false)), `restored, not loaded again: ${refused}`);
    };
    const tap = async (key) => {
      const c = page.locator(`[data-key="${key}"]`).filter({ visible: true });
      await c.scrollIntoViewIfNeeded();
      await c.tap();
    };
    // Hydrated, a panel open.
    await page.goto(`${base}index.html`);
    await ready(page);
    await tap('entity:microsoft');
    assert.ok(await panelShows(page, '[data-explainer]', 'Microsoft'));
    await away();
    assert.ok(await panelShows(page, '[data-explainer]', 'Microsoft'), 'the panel is still open');
    await page.locator('.xp-close').tap();
    await tap('entity:oracle');
    assert.ok(await panelShows(page, '[data-explainer]', 'Oracle'), 'a tap after coming back opens its item');
    // Left before the explainer, far down the page, hydrated: a tap after coming back
    // hydrates it and opens its item.
    await gotoPushed(page, `${base}index.html`, 3000);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready')), false);
    await page.unroute(`${base}index.html`);
    await away();
    await tap('entity:nvidia');
    assert.ok(await panelShows(page, '[data-explainer]', 'Nvidia'), 'a tap on the unhydrated explainer after coming back opens its item');
    assert.deepEqual(page.messages, []);
  } finally {
    await browser.close();
    server.close();
  }
});
