// What a pre-rendered explainer draws as it hydrates, in Chromium against the release build:
// the drawing the reader sees stays while they see it, and one laid out for another column
// (a desktop's, a phone turned, a sidebar folded, a tab shown) is laid out again for its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, axe, gotoPushed, drawing as scaled, panelShows, watchShifts } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** The shown drawing's width (its view box), and the width of the column it is drawn in. */
const drawing = (page, host) => page.evaluate((h) => {
  const svg = [...document.querySelector(h).shadowRoot.querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
  return { drawn: Number(svg.getAttribute('viewBox').split(' ')[2]), column: svg.closest('.xp-diagram').getBoundingClientRect().width };
}, host);

/** Where the shown drawing's nodes are on the page, and its view box. */
const nodePlaces = (page, host) => page.evaluate((h) => {
  const svg = [...document.querySelector(h).shadowRoot.querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
  const places = [...svg.querySelectorAll('.xp-node')].map((n) => {
    const r = n.getBoundingClientRect();
    return `${n.dataset.key} ${Math.round(r.x)},${Math.round(r.y + scrollY)} ${Math.round(r.width)}x${Math.round(r.height)}`;
  });
  return [svg.getAttribute('viewBox'), ...places];
}, host);

for (const [w, h] of [[1280, 800], [1024, 768], [900, 700]]) test(`${w}x${h}: beside the panel the pre-rendered drawing is the live one; hydration and the first tap move no node, and the column has no wide blank strip`, async () => {
  const page = await open(env.browser, null, { viewport: { width: w, height: h } });
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(`${env.base}index.html`);
  const host = '[data-explainer]';
  await page.evaluate((h) => document.querySelector(h).scrollIntoView(), host);
  const pre = await nodePlaces(page, host);
  assert.equal(pre.length, 1 + 18, 'every node drawn before the WASM');
  // Less than a round of lanes (a cell each side by side) and a width bucket short.
  const { drawn, column } = await drawing(page, host);
  assert.ok(column - drawn < 2 * 48 + 40, `${drawn} px drawn in a ${column} px column`);
  release();
  await ready(page);
  assert.deepEqual(await nodePlaces(page, host), pre, 'hydration moved nothing');
  await page.locator(`${host} [data-key="entity:microsoft"]`).filter({ visible: true }).click();
  assert.ok(await panelShows(page, host, 'Microsoft'));
  assert.deepEqual(await nodePlaces(page, host), pre, 'the first tap moved nothing');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('in a phone\'s figure with the browser\'s margins, the drawing for narrow columns: 44 px targets and whole names before and after hydration, which moves nothing', async () => {
  // A 320 px phone, a <figure> with its default 40 px margins: a 212 px column. The narrowest
  // regular drawing is 256 px: scaled down to it, its targets measured 36 px.
  const page = await open(env.browser, null, { viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await watchShifts(page);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(`${env.base}hosts/narrow-figure.html`);
  const host = '[data-explainer]';
  const look = () => page.evaluate((h) => {
    const svg = [...document.querySelector(h).shadowRoot.querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
    const sizes = [...svg.querySelectorAll('[role=button]')].map((e) => e.getBoundingClientRect()).map((b) => Math.min(b.width, b.height));
    const names = [...svg.querySelectorAll('.xp-node')].map((n) => [n.getAttribute('aria-label') ?? '', n.querySelector('text')?.textContent ?? '']);
    return { drawn: Number(svg.getAttribute('viewBox').split(' ')[2]), column: svg.closest('.xp-diagram').getBoundingClientRect().width,
      smallest: Math.min(...sizes), count: sizes.length, names };
  }, host);
  const pre = await look();
  assert.ok(pre.column >= 208 && pre.column < 256, `a ${pre.column} px column`);
  assert.ok(pre.drawn <= pre.column, `${pre.drawn} px drawn in a ${pre.column} px column: scaled down`);
  assert.ok(pre.count > pre.names.length && pre.names.length === 18, `${pre.count} controls, ${pre.names.length} of them players`);
  assert.ok(pre.smallest >= 44, `smallest target before the code: ${pre.smallest} px`);
  // Each name is drawn as written: its accessible name starts with the words the box shows.
  for (const [label, text] of pre.names) assert.ok(label.replace(/\s+/g, ' ').startsWith(text.replace(/\s+/g, ' ').trim()), `${label} drawn as ${text}`);
  const places = await nodePlaces(page, host);
  release();
  await ready(page);
  assert.deepEqual(await nodePlaces(page, host), places, 'hydration moved nothing');
  assert.ok((await look()).smallest >= 44, 'smallest target once live');
  await page.locator(`${host} [data-key="entity:nvidia"]`).filter({ visible: true }).tap();
  assert.ok(await panelShows(page, host, 'Nvidia'));
  assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('on a column wider than a 1280 px explainer gives, the drawing the reader sees at hydration stays until out of sight; one hydrated unseen fills its column', async () => {
  // Past that width a wider shape of the same height is not pre-rendered (each costs the
  // page about 1 KB): CSS shows the narrower one. In view, it stays until the reader acts
  // (redrawn under their eyes, it would look broken); below the viewport or with only its
  // edge showing, hydration lays it out for its column.
  const page = await open(env.browser, null, { viewport: { width: 1440, height: 800 } });
  await watchShifts(page);
  // The page's column at its full width: the diagram's is about 900 px.
  await page.route(/host\.css$/, (route) => route.fulfill({ contentType: 'text/css', body: 'body { margin: 0; padding: 8px }' }));
  await page.goto(`${env.base}hosts/two-prerendered.html`);
  const [near, far] = ['[data-explainer]:first-of-type', '[data-explainer][data-lang="en"]'];
  const ready = (s) => page.evaluate((s) => document.querySelector(s).hasAttribute('data-explainer-ready'), s);
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  const pre = await drawing(page, near);
  assert.ok(pre.column - pre.drawn >= 3 * 48, `the pre-rendered drawing (${pre.drawn}) is narrower than its column (${pre.column})`);
  await page.mouse.wheel(0, 100);
  assert.ok(await until(() => ready(near)), 'the explainer in view hydrated at idle');
  assert.deepEqual(await drawing(page, near), pre, 'in view: the drawing is kept');
  // The far explainer scrolled to until only the top 60 px of its diagram show: near, and
  // the reader has not seen the drawing yet.
  const fits = (s) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.xp-fits, .xp-one').getBoundingClientRect().top, s);
  await page.evaluate((top) => scrollTo(0, scrollY + top - innerHeight + 60), await fits(far));
  assert.ok(await until(() => ready(far)), 'the far one hydrated at idle once near');
  assert.equal(Math.round(await fits(far)), 800 - 60, 'only its edge showed when it hydrated');
  // The viewport observer reports after the next frame: the reader scrolling in before
  // that sees the pre-rendered drawing, kept. So wait here, the edge still showing.
  const fitted = async () => {
    const d = await drawing(page, far);
    return d.column - d.drawn < 40 && d;
  };
  const unseen = await until(fitted);
  assert.ok(unseen, `unseen: laid out for its column (${JSON.stringify(await drawing(page, far))})`);
  await page.evaluate((s) => document.querySelector(s).scrollIntoView(), far);
  assert.deepEqual(await drawing(page, far), unseen, 'scrolled into view: the same drawing');
  assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
  await page.locator(`${far} [data-key="entity:nvidia"]`).filter({ visible: true }).click();
  assert.ok(await panelShows(page, far, 'Nvidia'));
  // The one kept in view, scrolled out of sight since, was laid out for its column then.
  await page.evaluate((s) => document.querySelector(s).scrollIntoView(), near);
  const back = await drawing(page, near);
  assert.ok(back.column - back.drawn < 40, `kept, then out of sight: laid out for its column (${back.drawn} of ${back.column})`);
  assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('scrolled into view in the very frame it hydrates, an explainer keeps the drawing the reader now sees; out of sight, it fills its column', async () => {
  // Hydrated with only its edge showing, it would be laid out for its column: but the
  // viewport observer reports after the next frame, by when the reader has it in view.
  const page = await open(env.browser, null, { viewport: { width: 1440, height: 800 } });
  await watchShifts(page);
  await page.route(/host\.css$/, (route) => route.fulfill({ contentType: 'text/css', body: 'body { margin: 0; padding: 8px }' }));
  await page.goto(`${env.base}hosts/two-prerendered.html`);
  const far = '[data-explainer][data-lang="en"]';
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  const pre = await drawing(page, far);
  assert.ok(pre.column - pre.drawn >= 3 * 48, `the pre-rendered drawing (${pre.drawn}) is narrower than its column (${pre.column})`);
  // In the task that marks it ready, the page scrolls it into view.
  await page.evaluate((s) => {
    const host = document.querySelector(s);
    new MutationObserver((_, o) => {
      if (host.hasAttribute('data-explainer-ready')) {
        o.disconnect();
        host.scrollIntoView();
      }
    }).observe(host, { attributes: true });
    const fits = host.shadowRoot.querySelector('.xp-fits, .xp-one').getBoundingClientRect().top;
    scrollTo(0, scrollY + fits - innerHeight + 60);
  }, far);
  assert.ok(await until(() => page.evaluate((s) => document.querySelector(s).hasAttribute('data-explainer-ready'), far)), 'hydrated at idle');
  await page.waitForTimeout(300);
  assert.deepEqual(await drawing(page, far), pre, 'in view when first seen: the drawing is kept');
  // Out of sight: laid out for its column, unseen; then back. (Scrolled back at once, a
  // loaded machine could draw no frame in between, and the explainer never saw itself
  // leave: CI failed so.)
  await page.evaluate(() => scrollTo(0, 0));
  const unseen = await until(async () => { const d = await drawing(page, far); return d.column - d.drawn < 40 && d; });
  assert.ok(unseen, `out of sight: laid out for its column (${JSON.stringify(await drawing(page, far))})`);
  await page.evaluate((s) => document.querySelector(s).scrollIntoView(), far);
  await page.waitForTimeout(300);
  assert.deepEqual(await drawing(page, far), unseen, 'back in view: the drawing is the one laid out unseen');
  assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
  await page.locator(`${far} [data-key="entity:nvidia"]`).filter({ visible: true }).click();
  assert.ok(await panelShows(page, far, 'Nvidia'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a phone turned before any input or scroll: the explainer in sight is laid out again, with 44 px targets, not its one kept drawing scaled', async () => {
  // Idle time keeps only the drawing shown, for hydration; hydration waits for a scroll or
  // an input while none of its controls shows (here only its title shows, above the fold).
  // Turned first, the phone showed that drawing scaled to the new column.
  const page = await open(env.browser, null, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await gotoPushed(page, `${env.base}hosts/two-prerendered.html`, 500);
  const host = '[data-explainer]';
  await page.waitForFunction((h) => document.querySelector(h).hasAttribute('data-explainer-mounted'), host);
  assert.ok(await until(() => page.evaluate((h) => document.querySelector(h).shadowRoot.querySelectorAll('.xp-fit').length === 1, host)),
    'idle time kept the one drawing shown');
  assert.equal(await page.evaluate((h) => document.querySelector(h).hasAttribute('data-explainer-ready'), host), false,
    'not hydrated before the phone turns');
  // Its smallest target, and its drawing against its column.
  const seen = () => scaled(page, host);
  for (const [width, height] of [[320, 568], [568, 320], [375, 667]]) {
    await page.setViewportSize({ width, height });
    const fits = await until(async () => { const s = await seen(); return s.drawn === s.shown && s; });
    assert.ok(fits, `${width} px: drawn at scale 1 (${JSON.stringify(await seen())})`);
    assert.ok(fits.least >= 44, `${width} px: targets of ${fits.least} px`);
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a column the page narrows or widens before any input (a sidebar folded): the explainer in view is laid out again, not its kept drawing scaled', async () => {
  // The window keeps its size: only the page's own layout changes the column's width.
  const page = await open(env.browser, null, { viewport: { width: 1280, height: 800 } });
  // Its title in sight, its controls below the fold: idle time does not hydrate it.
  await gotoPushed(page, `${env.base}hosts/two-prerendered.html`, 700);
  const host = '[data-explainer]';
  await page.evaluate((h) => { document.querySelector(h).style.width = '360px'; }, host);
  await page.waitForFunction((h) => document.querySelector(h).hasAttribute('data-explainer-mounted'), host);
  assert.ok(await until(() => page.evaluate((h) => document.querySelector(h).shadowRoot.querySelectorAll('.xp-fit').length === 1, host)),
    'idle time kept the one drawing shown');
  assert.equal(await page.evaluate((h) => document.querySelector(h).hasAttribute('data-explainer-ready'), host), false,
    'not hydrated before the column changes');
  const seen = () => scaled(page, host);
  for (const width of [300, 700, 420]) {
    await page.evaluate(([h, w]) => { document.querySelector(h).style.width = `${w}px`; }, [host, width]);
    const fits = await until(async () => { const s = await seen(); return s.drawn === s.shown && s; });
    assert.ok(fits, `${width} px column: drawn at scale 1 (${JSON.stringify(await seen())})`);
    assert.ok(fits.least >= 44, `${width} px column: targets of ${fits.least} px`);
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a phone turned with a pre-rendered explainer screens below: it is laid out again for its new column once the reader scrolls near, before it comes into sight', async () => {
  // Not worth the work while out of reach (state::bucket's drawings are laid out per
  // column); the random readers measure targets only within a screen of what shows.
  const page = await open(env.browser, `${env.base}hosts/rtl.html`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  const host = '[data-explainer]:not(#empty)';
  await page.waitForFunction((h) => document.querySelector(h).hasAttribute('data-explainer-mounted'), host);
  assert.ok(await until(() => page.evaluate((h) => document.querySelector(h).shadowRoot.querySelectorAll('.xp-fit').length === 1, host)),
    'idle time kept the one drawing shown');
  await page.setViewportSize({ width: 320, height: 568 });
  const top = () => page.evaluate((h) => document.querySelector(h).getBoundingClientRect().top / innerHeight, host);
  assert.ok(await top() > 3, `${await top()} screens below`);
  // Scrolled to a screen and a half above it: near, not in sight.
  await page.evaluate((h) => scrollBy(0, document.querySelector(h).getBoundingClientRect().top - 1.5 * innerHeight), host);
  const fits = await until(async () => { const s = await scaled(page, host); return s.drawn === s.shown && s; });
  assert.ok(fits, `drawn at scale 1 (${JSON.stringify(await scaled(page, host))})`);
  assert.ok(fits.least >= 44, `targets of ${fits.least} px`);
  assert.ok(await top() > 1, 'laid out again while still below the screen');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a hidden explainer (in a closed tab of the page) is not hydrated at idle, and fits its column once shown', async () => {
  const page = await open(env.browser);
  const host = '[data-explainer]';
  // Hidden as soon as the code takes it in charge, before any idle time: nothing tells what
  // width it will have once shown.
  await page.addInitScript(() => new MutationObserver((list) => list.forEach((m) =>
    m.attributeName === 'data-explainer-mounted' && (m.target.hidden = true)))
    .observe(document, { attributes: true, subtree: true }));
  await page.goto(`${env.base}index.html`);
  await page.waitForFunction((h) => document.querySelector(h).hasAttribute('data-explainer-mounted'), host);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate((h) => document.querySelector(h).hasAttribute('data-explainer-ready'), host), false);
  // Shown again, it shows the widest of the page's drawings that fits its column, hydrates
  // on the reader's tap and answers it.
  await page.evaluate((h) => { document.querySelector(h).hidden = false; }, host);
  const shown = await page.evaluate(async (h) => {
    const fits = [...(await (await fetch(location.href)).text()).matchAll(/class="xp-fit f(\d+)"/g)].map((m) => Number(m[1]));
    const svg = [...document.querySelector(h).shadowRoot.querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
    const column = svg.closest('.xp-diagram').getBoundingClientRect().width;
    return { fit: Number(svg.closest('.xp-fit, .xp-one-fit').className.match(/\bf(\d+)/)[1]), widest: Math.max(...fits.filter((f) => f <= column)), column };
  }, host);
  assert.equal(shown.fit, shown.widest, `the drawing for its column once shown (${shown.column} px)`);
  await page.locator(`${host} [data-key="entity:openai"]`).filter({ visible: true }).click();
  assert.ok(await panelShows(page, host, 'OpenAI'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a phone turned and turned again with a panel open, on each view and in a frame: the page\'s error handlers get nothing (the drawing\'s observers left a resize over: "ResizeObserver loop completed")', async () => {
  const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
  const turns = [[667, 375], [320, 568], [414, 896], [375, 667]];
  for (const [url, key] of [['index.html', 'relationship:cerebras-openai'], ['index.html', 'entity:microsoft'], ['index.html', 'bar:'], ['hosts/iframe.html', 'entity:microsoft']]) {
    const page = await open(env.browser, null, PHONE);
    // The page's own handler, as an error tracker's.
    await page.addInitScript(() => { window.caught = []; addEventListener('error', (e) => window.caught.push(e.message)); });
    await page.goto(`${env.base}${url}`);
    const doc = url.includes('iframe') ? await until(() => page.frames().find((f) => f !== page.mainFrame() && f.url() !== 'about:blank')) : page;
    await ready(doc);
    const x = doc.locator('[data-explainer]').first();
    if (key === 'bar:') await x.locator('[id$="-tab-comparison"]').tap();
    const control = x.locator(`[data-key^="${key}"]`).filter({ visible: true }).first();
    await control.scrollIntoViewIfNeeded();
    await control.tap();
    await x.locator('.xp-panel h3').waitFor();
    const before = key === 'bar:' ? null : (await drawing(doc, '[data-explainer]')).drawn;
    for (const [width, height] of turns) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 200)))));
    }
    // Back at its first width, drawn for it again.
    if (before !== null) assert.equal((await drawing(doc, '[data-explainer]')).drawn, before, `${url} ${key}: drawn as before the turns`);
    const caught = await Promise.all([...new Set([page, doc])].map((d) => d.evaluate(() => window.caught)));
    assert.deepEqual(caught.flat(), [], `${url} ${key}`);
    assert.deepEqual(page.messages, [], `${url} ${key}`);
    await page.context().close();
  }
});

test('a phone turned, or its column resized, while another view shows: the diagram, shown again, is laid out for its new column', async () => {
  // Hidden, the diagram's view measures nothing: it is measured as it shows again.
  const page = await open(env.browser, null, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await page.goto(`${env.base}index.html`);
  await ready(page);
  const host = '[data-explainer]';
  const x = page.locator(host);
  const change = [
    ['comparison', 'turned', () => page.setViewportSize({ width: 667, height: 375 })],
    ['timeline', 'turned back', () => page.setViewportSize({ width: 375, height: 667 })],
    ['comparison', 'its column 300 px', () => page.evaluate((h) => { document.querySelector(h).style.width = '300px'; }, host)],
  ];
  for (const [view, what, resize] of change) {
    const before = await scaled(page, host);
    await x.locator(`[id$="-tab-${view}"]`).tap();
    await resize();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await x.locator('[id$="-tab-diagram"]').tap();
    const fits = await until(async () => { const s = await scaled(page, host); return s.drawn === s.shown && s; });
    assert.ok(fits, `${what} on the ${view}: drawn at scale 1 (${JSON.stringify(await scaled(page, host))})`);
    assert.notEqual(fits.drawn, before.drawn, `${what}: drawn for the new column`);
    assert.ok(fits.least >= 44, `${what}: targets of ${fits.least} px`);
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});
