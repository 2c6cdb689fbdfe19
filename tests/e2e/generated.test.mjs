// Stories nobody wrote: seeded random stories the schema allows (gen.mjs), inline in a page
// as an editor's own. Each is met as the journeys meet the article: every view audited by
// axe, closed and with an item open; every target at least 44 px; nothing wider than the
// screen; every player and relationship tapped, and the panel names it; no console message.
// `STORY_SEEDS=1,2,3` explores other stories (CI sweeps two).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, until, axe, ready } from './lib.mjs';
import { VIEWPORTS, root, everyItemNamed } from './reader.mjs';
import { story, page as storyPage } from './gen.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });


/** Opens the page of generated story `seed` with `device`, in `lang` (in a `column` px wide
 * if given), once its explainer is drawn. */
async function openStory(seed, device, lang, column = null) {
  const page = await open(env.browser, null, device);
  const url = `${env.base}hosts/story-${seed}.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: storyPage(seed, lang, column) }));
  await page.goto(url);
  await ready(page);
  return page;
}

/** Targets under 44 × 44 px, and how far the page scrolls sideways. */
const layout = (page) => root(page, `
  const small = [...r.querySelectorAll('button, a[href], summary, [role=button], [role=tab]')]
    .filter((e) => e.getClientRects().length)
    .map((e) => [e.getBoundingClientRect(), e.getAttribute('data-key') || e.textContent.trim().slice(0, 30)])
    .filter(([b]) => b.width < 43.5 || b.height < 43.5).map(([b, k]) => k + ' ' + b.width.toFixed(1) + 'x' + b.height.toFixed(1));
  return { small, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    wide: r.querySelector('.xp-root').scrollWidth - r.querySelector('.xp-root').clientWidth };`);

async function checkLayout(page, label) {
  const l = await layout(page);
  assert.deepEqual(l.small, [], `${label}: targets under 44 × 44`);
  assert.ok(l.overflow <= 0, `${label}: the page scrolls sideways by ${l.overflow} px`);
  assert.ok(l.wide <= 1, `${label}: the explainer is ${l.wide} px wider than its column`);
}

const seeds = (process.env.STORY_SEEDS || '28,2').split(',').filter(Boolean).map(Number);
// A phone, a desktop, and a sidebar's column narrower than a phone's.
const CASES = [['phone320', 'fr', 'light'], ['desktop', 'en', 'dark'], ['desktop', 'fr', 'light', 240]];

for (const seed of seeds) {
  const s = story(seed);
  for (const [name, lang, scheme, column] of CASES) {
    const where = column ? `a ${column} px column` : name;
    test(`story ${seed} (${s.entities.length} players, ${s.relationships.length} relationships), ${where} ${lang} ${scheme}: every view audited, every item named`, async () => {
      const page = await openStory(seed, { ...VIEWPORTS[name], colorScheme: scheme }, lang, column);
      const label = `story ${seed} ${where} ${lang} ${scheme}`;
      assert.equal(await root(page, "return r.querySelector('.xp-root').matches('.xp-error')"), false, `${label}: the story is shown`);
      const touch = name !== 'desktop';
      const tap = (el) => (touch ? el.tap() : el.click());
      // The diagram's players and relationships, each named by its panel.
      await everyItemNamed(page, s, lang, touch, `${label}, `);
      // Every view the story fills, closed and with its middle item open.
      const views = await root(page, "return [...r.querySelectorAll('[role=tab]')].map((t) => t.id.replace(/.*-tab-/, ''))");
      const ITEMS = { diagram: '[data-key^="relationship:"], [data-key^="entity:"]', comparison: '.xp-bar-row', timeline: '.xp-event-btn', questions: 'summary' };
      for (const view of views.length ? views : ['diagram']) {
        if (views.length) await tap(page.locator(`[id$="-tab-${view}"]`));
        await checkLayout(page, `${label}, ${view}`);
        assert.deepEqual(await axe(page), [], `${label}, ${view}`);
        const items = page.locator(ITEMS[view]).filter({ visible: true });
        const n = await items.count();
        if (!n) continue;
        await tap(items.nth(Math.floor(n / 2)));
        if (view !== 'questions') await page.locator('.xp-panel:not([data-partial]) h3').waitFor();
        await page.waitForTimeout(250);
        await checkLayout(page, `${label}, ${view}, open`);
        assert.deepEqual(await axe(page), [], `${label}, ${view}, open`);
        if (view !== 'questions') await page.locator('.xp-close').click();
      }
      assert.deepEqual(page.messages, [], label);
      await page.context().close();
    });
  }
}

for (const seed of seeds) {
  const s = story(seed);
  test(`story ${seed}, keyboard only: one stop in the diagram, the arrows reach every player and relationship, Enter and Escape`, async () => {
    const page = await openStory(seed, VIEWPORTS.desktop, 'en');
    const focused = () => root(page, "const a = r.activeElement; return a ? a.getAttribute('data-key') || a.tagName : ''");
    let guard = 0;
    while (!(await focused()).startsWith('entity:') && guard++ < 40) await page.keyboard.press('Tab');
    const first = await focused();
    assert.match(first, /^entity:/, 'Tab reaches the diagram');
    const controls = s.entities.length + s.relationships.length;
    const seen = new Set();
    for (let i = 0; i < controls; i++) {
      seen.add(await focused());
      await page.keyboard.press('ArrowDown');
    }
    assert.equal(seen.size, controls, 'the arrows visit every player and relationship');
    assert.equal(await focused(), first, 'and wrap around');
    // The last control (a relationship, if any): Enter opens its panel, Escape comes back to it.
    await page.keyboard.press('ArrowUp');
    const last = await focused();
    await page.keyboard.press('Enter');
    assert.ok(await until(async () => (await focused()) === 'H3'), 'Enter opens the panel and focuses its heading');
    await page.keyboard.press('Escape');
    assert.ok(await until(async () => (await focused()) === last), `Escape returns focus to ${last}, not ${await focused()}`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  });
}
