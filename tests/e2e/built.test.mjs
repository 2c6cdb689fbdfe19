// Another story built in: the release build of a generated story (gen.mjs), named by
// EXPLAINER_STORY as a newsroom builds its own, pre-rendered and hydrated as ours is.
// Before its code, the page shows that story; when the code comes, nothing shifts and the
// drawing stays; every player and relationship then opens its panel; axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { setup, open, until, axe, watchShifts, keptDrawing } from './lib.mjs';
import { words, root, everyItemNamed } from './reader.mjs';
import { story } from './gen.mjs';

// Story 28: 16 players, 36 relationships about one hub, a comparison in per cent, long texts.
const SEED = Number(process.env.BUILT_SEED || 28);
const s = story(SEED);
const dir = new URL(`../../target/e2e-story-${SEED}/`, import.meta.url).pathname;
let env;
before(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}story.json`, JSON.stringify(s, null, 1));
  // (The native post-build step, run by trunk, reads the same variable.)
  const built = spawnSync('trunk', ['build', '--release', '--dist', `${dir}dist`], {
    cwd: new URL('../../', import.meta.url).pathname, env: { ...process.env, EXPLAINER_STORY: `${dir}story.json` }, encoding: 'utf8' });
  assert.equal(built.status, 0, `EXPLAINER_STORY=${dir}story.json trunk build --release failed:\n${built.error ?? ''}${built.stderr?.slice(-3000)}`);
  env = await setup([], `${dir}dist/`);
});
after(async () => { await env?.close(); });

test(`story ${SEED} built in: without its code, the article shows its title and every player`, async () => {
  const page = await open(env.browser, null, { javaScriptEnabled: false, viewport: { width: 375, height: 667 } });
  await page.goto(`${env.base}index.html`);
  assert.equal(words(await root(page, "return r.querySelector('.xp-title').textContent")), words(s.title.fr));
  const names = await root(page, "return [...new Set([...r.querySelectorAll('.xp-fit')].filter((f) => f.getClientRects().length).flatMap((f) => [...f.querySelectorAll('.xp-node')].map((n) => n.getAttribute('aria-label').split(',')[0])))]");
  assert.deepEqual(names.map(words).sort(), s.entities.map((e) => words(e.name.fr)).sort());
  assert.match(readFileSync(`${dir}dist/snippet.en.html`, 'utf8'), new RegExp(s.title.en.replace(/[().]/g, '\\$&')));
  await page.context().close();
});

for (const [name, device] of [['phone', { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }],
  ['desktop', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' }]]) {
  test(`story ${SEED} built in, ${name}: hydrated without a shift or a redraw; every item opens its panel; axe`, async () => {
    const page = await open(env.browser, null, device);
    await watchShifts(page);
    await page.goto(`${env.base}index.html`);
    await page.waitForFunction(() => document.querySelector('[data-explainer]')?.hasAttribute('data-explainer-mounted'));
    const drawing = () => keptDrawing(page, '[data-explainer]');
    await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
    const before = await drawing();
    assert.ok(await until(() => page.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready'))), 'hydrated at idle once scrolled to');
    assert.deepEqual(await drawing(), before, 'the drawing is the pre-rendered one');
    assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
    await everyItemNamed(page, s, 'fr', !!device.hasTouch);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  });
}
