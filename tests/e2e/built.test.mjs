// Another story built in: the release build of a generated story (gen.mjs), named by
// EXPLAINER_STORY as a newsroom builds its own, pre-rendered and hydrated as ours is.
// Before its code, the page shows that story; when the code comes, nothing shifts and the
// drawing stays; every player and relationship then opens its panel; axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { setup, open, until, axe, watchShifts, keptDrawing, ready } from './lib.mjs';
import { serve, snippetHtml } from './server.mjs';
import { words, root, everyItemNamed } from './reader.mjs';
import { story } from './gen.mjs';

// Story 28: 16 players, 36 relationships about one hub, a comparison in per cent, long texts.
const SEED = Number(process.env.BUILT_SEED || 28);
const s = story(SEED);
const dir = new URL(`../../target/e2e-story-${SEED}/`, import.meta.url).pathname;
let env;
let ours; // the shipped story's build (dist/), served as from a CDN
before(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}story.json`, JSON.stringify(s, null, 1));
  // (The native post-build step, run by trunk, reads the same variable.)
  const built = spawnSync('trunk', ['build', '--release', '--dist', `${dir}dist`], {
    cwd: new URL('../../', import.meta.url).pathname, env: { ...process.env, EXPLAINER_STORY: `${dir}story.json` }, encoding: 'utf8' });
  assert.equal(built.status, 0, `EXPLAINER_STORY=${dir}story.json trunk build --release failed:\n${built.error ?? ''}${built.stderr?.slice(-3000)}\n${built.stdout?.slice(-3000)}`);
  env = await setup([], `${dir}dist/`);
  ours = await serve(undefined, { cors: true });
});
after(async () => { await env?.close(); ours?.close(); });

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

/** A page of the generated build's origin holding `body`. */
function page(name, body) {
  writeFileSync(`${dir}dist/${name}`, `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title>
<link rel="icon" href="favicon.png"></head><body><h1>Article</h1>${body}<p style="height:2000px">Fin.</p></body></html>`);
  return `${env.base}${name}`;
}
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
// The names of the players a host draws (the drawing shown), and a tap on its first one.
const drawnNames = (p, i) => p.evaluate((n) => [...document.querySelectorAll('[data-explainer]')[n].shadowRoot.querySelectorAll('.xp-node')]
  .filter((e) => e.getClientRects().length).map((e) => e.getAttribute('aria-label').split(',')[0]), i);

test(`an older build's snippet (before the story changed), with story ${SEED}'s loader: drawn afresh, and every item opens its own panel`, async () => {
  // As when an editor fixes a figure and the build is deployed again: articles keep the
  // snippet pasted before, and embed.js (a stable name) now loads the new code. Hydrated,
  // the old drawing stayed under the new state: a tap on a player opened another's panel.
  const main = new URL('../../dist/', import.meta.url).pathname;
  const url = page('older-snippet.html', `${await snippetHtml('fr', main)}\n<script type="module" src="embed.js"></script>`);
  const p = await open(env.browser, null, PHONE);
  // The host's height in every frame: the older drawing stays until the new one replaces it.
  await p.addInitScript(() => {
    window.heights = [];
    const frame = () => {
      const h = document.querySelector('[data-explainer]');
      if (h) window.heights.push(h.getBoundingClientRect().height);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await p.goto(url);
  assert.notDeepEqual((await drawnNames(p, 0)).map(words).sort(), s.entities.map((e) => words(e.name.fr)).sort(), 'before its code, the older drawing');
  await p.locator('[data-explainer]').scrollIntoViewIfNeeded();
  await ready(p);
  assert.deepEqual([...new Set((await drawnNames(p, 0)).map(words))].sort(), s.entities.map((e) => words(e.name.fr)).sort(), 'this build\'s players');
  const heights = await p.evaluate(() => window.heights);
  assert.ok(heights.length > 10 && Math.min(...heights) > 300, `a frame showed the explainer empty: ${Math.min(...heights)} px`);
  await everyItemNamed(p, s, 'fr', true);
  assert.deepEqual(p.messages, []);
  await p.context().close();
});

test(`two explainers of two builds on one page (ours and story ${SEED}): each keeps its own story`, async () => {
  const main = new URL('../../dist/', import.meta.url).pathname;
  const cdn = `http://127.0.0.1:${ours.address().port}/`;
  const named = (html, id) => html.replace('<div data-explainer ', `<div id="${id}" data-explainer `);
  const url = page('two-builds.html', `${named(await snippetHtml('fr', main), 'x0')}\n<script type="module" src="${cdn}embed.js"></script>
<p>Entre les deux.</p>${named(await snippetHtml('fr', `${dir}dist/`), 'x1')}\n<script type="module" src="embed.js"></script>`);
  const p = await open(env.browser, url, PHONE);
  const drawn = [await drawnNames(p, 0), await drawnNames(p, 1)];
  for (const i of [0, 1]) {
    const host = p.locator('[data-explainer]').nth(i);
    await host.scrollIntoViewIfNeeded();
    await p.waitForFunction((n) => document.querySelectorAll('[data-explainer]')[n].hasAttribute('data-explainer-ready'), i);
    await p.waitForTimeout(150);
    assert.deepEqual(await drawnNames(p, i), drawn[i], `explainer ${i + 1} still draws its own story`);
    // A tap on its first player opens that player's panel, in that explainer.
    await host.locator('.xp-node:visible').first().tap();
    const title = () => p.evaluate((n) => document.getElementById(`x${n}`).shadowRoot.querySelector('.xp-panel h3')?.textContent ?? '', i);
    assert.ok(await until(async () => words(await title()) === words(drawn[i][0])), `explainer ${i + 1}: ${drawn[i][0]}'s panel, not ${await title()}`);
  }
  const shipped = JSON.parse(readFileSync(new URL('../../src/story/story.json', import.meta.url), 'utf8'));
  const players = (story) => story.entities.map((e) => words(e.name.fr)).sort();
  assert.deepEqual([...new Set(drawn[0].map(words))].sort(), players(shipped), 'the first draws ours');
  assert.deepEqual([...new Set(drawn[1].map(words))].sort(), players(s), `the second draws story ${SEED}`);
  assert.deepEqual(p.messages, []);
  await p.context().close();
});
