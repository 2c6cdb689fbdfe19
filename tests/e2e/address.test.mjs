// The page's address: deep links, history, client-side routes, <base href>, host ids.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, shadow } from './lib.mjs';

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
  await page.evaluate(() => { location.hash = 'explainer=bar-nvidia-wsj'; });
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
