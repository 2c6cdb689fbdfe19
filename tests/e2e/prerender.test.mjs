// Pre-rendered HTML, in Chromium against the release build: the story is there before the
// WASM and without it, hydration adopts the markup instead of redrawing, and it prints.
// When and how the code then loads and hydrates: hydration.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { setup, open, ready, until, axe, panelShows, watchShifts } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const mountHtml = (page) => page.evaluate(() =>
  document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-mount').innerHTML.replace(/<!--.*?-->/gs, ''));

test('hydration yields the DOM of a fresh render, one tree, no warning, and the first tap works', async () => {
  // At 375 px both pages lay the diagram out at the same width bucket.
  const hydrated = await open(env.browser, `${env.base}index.html`);
  await hydrated.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await ready(hydrated);
  const fresh = await open(env.browser, `${env.base}hosts/plain.html`);
  await ready(fresh);
  const [a, b] = [await mountHtml(hydrated), await mountHtml(fresh)];
  assert.ok(a.length > 10000);
  assert.equal(a, b);
  const counts = await hydrated.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    return [r.querySelectorAll('.xp-root').length, r.querySelectorAll('.xp-node').length];
  });
  assert.deepEqual(counts, [1, 18]);
  await hydrated.locator('[data-key="entity:microsoft"]').click();
  assert.ok(await panelShows(hydrated, '[data-explainer]', 'Microsoft'));
  assert.deepEqual(hydrated.messages, []);
  for (const p of [hydrated, fresh]) await p.context().close();
});

/** A phone, a tablet and a desktop. */
const SIZES = [[375, 667], [768, 1024], [1280, 800]];

for (const [w, h] of SIZES) test(`${w}x${h}: the content is there before the WASM and nothing shifts when it hydrates`, async () => {
  const page = await open(env.browser, null, { viewport: { width: w, height: h } });
  await watchShifts(page);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(`${env.base}index.html`);
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  const before = await page.evaluate(() => [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('.xp-node')]
    .filter((n) => n.getBoundingClientRect().height > 0).length);
  assert.equal(before, 18, 'diagram drawn before the WASM arrives');
  release();
  await ready(page);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.shift), 0);
  await page.context().close();
});

for (const [w, h] of SIZES) test(`${w}x${h}: a page arriving in pieces shows one drawing, the one that fits, and nothing shifts`, async () => {
  // Painted while the page still arrives, the drawings that had come showed in turn, the
  // widest so far first (at 768 px: 280, 400, 600, then 720), and the page shifted.
  const page = await open(env.browser, null, { viewport: { width: w, height: h } });
  await watchShifts(page);
  await page.addInitScript(() => {
    window.shown = [];
    const look = () => {
      const fit = [...document.querySelector('[data-explainer]')?.shadowRoot?.querySelectorAll('.xp-fit') ?? []]
        .find((f) => f.getClientRects().length);
      if (fit && window.shown.at(-1) !== fit.className) window.shown.push(fit.className);
      if (document.readyState !== 'complete' || window.shown.length === 0) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.route('**/*.wasm', () => {});
  await page.goto(`${env.base}index.html?trickle`);
  await page.waitForTimeout(300);
  const { shown, shift, drawings, whole } = await page.evaluate(() => {
    const all = [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('.xp-fit')];
    return { shown: window.shown, shift: window.shift, drawings: all.length,
      whole: all.find((f) => f.getClientRects().length)?.className };
  });
  assert.ok(drawings > 3, `${drawings} drawings in the page`);
  assert.equal(shown.length, 1, `drawings shown in turn: ${shown.join(', ')}`);
  assert.equal(shown[0], whole, 'the one the whole page shows');
  assert.equal(shift, 0);
  await page.context().close();
});

test('without JavaScript the page shows the diagram, every view, the table and linked sources', async () => {
  const page = await open(env.browser, `${env.base}index.html`, { javaScriptEnabled: false });
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    const visible = (el) => !!el && el.getBoundingClientRect().height > 1;
    // The table and the source list are native disclosures: they open with no script.
    for (const d of r.querySelectorAll('details.xp-data, details.xp-all-sources')) d.querySelector('summary').click();
    return {
      nodes: [...r.querySelectorAll('.xp-node')].filter(visible).length,
      views: [...r.querySelectorAll('.xp-view')].filter(visible).length,
      table: visible(r.querySelector('.xp-data table')),
      note: visible(r.querySelector('.xp-static-note')),
      links: r.querySelectorAll('.xp-sources a[href^="http"]').length,
      scroll: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    };
  });
  assert.deepEqual(seen, { nodes: 18, views: 4, table: true, note: true, links: seen.links, scroll: true });
  assert.ok(seen.links >= 20, `${seen.links} linked sources`);
  // The diagram's controls answer nothing without the code: Tab never stops on one. (The
  // bars and events are buttons holding their figures and dates, which inertness would hide
  // from screen readers too: they stay.)
  const stops = [];
  await page.locator('h1').click();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.activeElement?.getAttribute('data-key') ?? ''));
  }
  assert.ok(stops.some((k) => k.startsWith('bar:')), `Tab went through the explainer: ${stops}`);
  assert.deepEqual(stops.filter((k) => /^(entity|relationship):/.test(k)), [], 'Tab stops on the diagram');
  // The host's light DOM (for where its shadow root is not drawn) is neither shown nor read.
  assert.deepEqual(await page.evaluate(() => [document.querySelector('.explainer-fallback').getClientRects().length,
    document.body.innerText.replace(/\u00a0/g, ' ').includes('navigateur avec JavaScript')]), [0, false]);
  await page.context().close();
  // A feed reader drops the template, as a browser without declarative shadow DOM ignores
  // it: the host then shows the story in brief, its figures with their status and date.
  const feed = await open(env.browser, null, { javaScriptEnabled: false });
  const snippet = (await (await fetch(`${env.base}snippet.en.html`)).text()).split('\n<script')[0];
  await feed.setContent(`<!doctype html><html lang="en"><body><article><h1>An article</h1>${snippet.replace(/<template[\s\S]*<\/template>/, '')}</article></body></html>`);
  // (No-break spaces keep a figure and its word together: read as spaces here.)
  const text = (await feed.evaluate(() => document.querySelector('[data-explainer]').innerText)).replace(/\u00a0/g, ' ');
  for (const line of ['Nvidia and OpenAI: $100 billion promised', 'Invested in the 2026 round: $30 billion (confirmed,',
    'Letter-of-intent ceiling: up to $100 billion (superseded,', 'Are the 10 gigawatts still on? (partly answered)', 'in a browser with JavaScript']) {
    assert.ok(text.includes(line), `${line} in: ${text}`);
  }
  await feed.context().close();
  // On a desktop, no column waits for a panel that cannot open, and no hint promises one.
  const wide = await open(env.browser, `${env.base}index.html`, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const room = await wide.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    return [r.querySelector('.xp-side-hint').getClientRects().length, r.querySelector('.xp-views').getBoundingClientRect().width,
      r.querySelector('.xp-body').getBoundingClientRect().width];
  });
  assert.equal(room[0], 0, 'no side hint');
  assert.equal(room[1], room[2], 'the views take the whole width');
  await wide.context().close();
});

test('when the WASM cannot load, the static content stays and says interaction is unavailable', async () => {
  const page = await open(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${env.base}index.html`);
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-failed'));
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    const visible = (el) => !!el && el.getBoundingClientRect().height > 1;
    return [[...r.querySelectorAll('.xp-node')].filter(visible).length, visible(r.querySelector('.xp-static-note')),
      [...r.querySelectorAll('.xp-view')].filter(visible).length];
  });
  assert.deepEqual(seen, [18, true, 4]);
  // What a keyboard or screen reader user is offered: only what still works (links,
  // disclosures, the table's scrolling box), not the diagram's controls, bars and
  // events, which now answer nothing.
  const offered = await page.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    const dead = [...r.querySelectorAll('[role=button], button:not(:disabled), [tabindex]:not([tabindex="-1"])')]
      .filter((e) => e.getClientRects().length && !e.matches('a[href], summary, .xp-table-wrap'));
    return dead.map((e) => e.getAttribute('data-key') || e.textContent.slice(0, 30));
  });
  assert.deepEqual(offered, [], 'controls offered that answer nothing');
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('when the WASM cannot load while a keyboard reader is on one of the diagram\'s controls, focus goes to the note that says so', async () => {
  const page = await open(env.browser);
  // The code fails a moment after the reader's focus came in (which fetches it).
  await page.route('**/*.wasm', async (route) => { await new Promise((r) => setTimeout(r, 800)); await route.abort(); });
  await page.goto(`${env.base}index.html`);
  await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).focus();
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-failed'));
  // Not the control, which no longer answers nor takes focus, nor the page's start: the note.
  const focused = () => page.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.activeElement?.className);
  assert.ok(await until(async () => await focused() === 'xp-static-note'), `focus on ${await focused()}`);
  await page.context().close();
});

test('when the WASM cannot load, an empty host says so in its language instead of staying blank', async () => {
  const [EN, FR] = ['The interactive explainer could not load on this page.', 'L’explication interactive n’a pas pu se charger sur cette page.'];
  for (const [page0, text] of [['hosts/csp.html', EN], ['hosts/plain.html', FR]]) {
    const page = await open(env.browser);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${env.base}${page0}`);
    await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-failed'));
    const note = await page.evaluate(() => {
      const n = document.querySelector('[data-explainer]').shadowRoot?.querySelector('[role=note]');
      return n && n.getBoundingClientRect().height > 1 ? n.textContent : null;
    });
    assert.equal(note, text);
    // So does a host added after the failure.
    await page.evaluate(() => {
      const late = Object.assign(document.createElement('div'), { id: 'late' });
      late.setAttribute('data-explainer', '');
      document.body.append(late);
    });
    assert.ok(await until(() => page.evaluate(() => !!document.querySelector('#late').shadowRoot?.querySelector('[role=note]'))), 'the late host says so too');
    // In the language the explainer would have shown, as it reads data-lang: any case, spaces
    // around, a region after `-` or `_`; an unknown one gives way to the page's.
    await page.evaluate((lang) => { document.documentElement.lang = lang; }, text === EN ? 'en-US' : 'fr');
    await page.evaluate(() => ['xx', 'english', ' EN-gb ', 'en_GB', ' Fr ', 'fr-CA'].forEach((lang) => {
      const host = document.createElement('div');
      host.setAttribute('data-explainer', '');
      host.dataset.lang = lang;
      document.body.append(host);
    }));
    // With no data-lang, the language of the host's nearest `lang`: French where that is
    // neither English nor French.
    await page.evaluate(() => [['en-GB', 'english'], ['de', 'german']].forEach(([lang, id]) => {
      const section = Object.assign(document.createElement('section'), { lang });
      const host = Object.assign(document.createElement('div'), { id });
      host.setAttribute('data-explainer', '');
      section.append(host);
      document.body.append(section);
    }));
    for (const [id, want] of [['english', EN], ['german', FR]]) {
      const said = await until(() => page.evaluate((id) => document.getElementById(id).shadowRoot?.querySelector('[role=note]')?.textContent, id));
      assert.equal(said, want, `a host in a section: ${id}`);
    }
    for (const [lang, want] of Object.entries({ xx: text, english: text, ' EN-gb ': EN, en_GB: EN, ' Fr ': FR, 'fr-CA': FR })) {
      const said = await until(() => page.evaluate((l) => [...document.querySelectorAll('[data-explainer]')].find((h) => h.dataset.lang === l)?.shadowRoot?.querySelector('[role=note]')?.textContent, lang));
      assert.equal(said, want, `data-lang="${lang}"`);
    }
    assert.ok(page.messages.every((m) => /interactive mode is not available|Failed to load resource|ERR_FAILED/.test(m)), page.messages.join('\n'));
    await page.context().close();
  }
});

test('a snippet whose loader never runs (script stripped or blocked) turns to reading mode; with its loader, it keeps its tabs', async () => {
  // What a reader sees of each explainer on the page.
  const seen = (page) => page.evaluate(() => [...document.querySelectorAll('[data-explainer]')].map((h) => {
    const shown = (sel) => [...h.shadowRoot.querySelectorAll(sel)].filter((e) => e.getBoundingClientRect().height > 1).length;
    return { views: shown('.xp-view'), tabs: shown('[role=tab]'), note: shown('.xp-static-note'), titles: shown('.xp-view-title') };
  }));
  const interactive = { views: 1, tabs: 4, note: 0, titles: 0 };
  const reading = { views: 4, tabs: 0, note: 1, titles: 4 };
  const stripped = await open(env.browser, `${env.base}hosts/stripped.html`);
  const blocked = await open(env.browser);
  await blocked.route('**/embed.js', (route) => route.abort());
  await blocked.goto(`${env.base}hosts/two-prerendered.html`);
  const loaded = await open(env.browser, `${env.base}hosts/two-prerendered.html`);
  // At first nothing differs: a loader that runs late finds the page as it left it.
  assert.deepEqual(await seen(stripped), [interactive]);
  assert.deepEqual(await seen(blocked), [interactive, interactive]);
  await stripped.waitForTimeout(6500);
  assert.deepEqual(await seen(stripped), [reading]);
  assert.deepEqual(await seen(blocked), [reading, reading]);
  // With its loader, neither explainer turns, hydrated (the near one) or not (the far one).
  assert.deepEqual(await seen(loaded), [interactive, interactive]);
  // A loader that comes after all takes the explainer back, and it works.
  await stripped.addScriptTag({ type: 'module', url: `${env.base}embed.js` });
  assert.ok(await until(async () => JSON.stringify(await seen(stripped)) === JSON.stringify([interactive])), 'the late loader restores the tabs');
  await ready(stripped);
  await stripped.locator('[data-key="entity:microsoft"]').click();
  assert.ok(await panelShows(stripped, '[data-explainer]', 'Microsoft'));
  assert.deepEqual([...stripped.messages, ...loaded.messages], []);
  for (const page of [stripped, blocked, loaded]) await page.context().close();
});

test('printed, pre-rendered or hydrated, from any view, in dark mode, the explainer prints the whole story in dark on white', async () => {
  const page = await open(env.browser, undefined, { colorScheme: 'dark', viewport: { width: 800, height: 1000 } });
  // Pre-rendered first: the code waits until released.
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(`${env.base}index.html`);
  const pages = async () => ((await page.pdf()).toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  // What the explainer holds, and with `shown`, what of it paper shows.
  const held = (shown) => page.evaluate((shown) => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    const n = (sel) => [...r.querySelectorAll(sel)].filter((e) => !shown || e.getClientRects().length).length;
    const dark = (sel) => Math.max(...getComputedStyle(r.querySelector(sel)).color.match(/\d+/g).slice(0, 3).map(Number)) < 90;
    return { views: n('.xp-view'), events: n('.xp-event-btn'), bars: n('.xp-bar-row'), answers: n('.xp-q > p'),
      sources: n('.xp-all-sources li'), rows: n('.xp-data tbody tr'),
      ...(shown && { tabs: n('[role=tab]'), note: n('.xp-static-note'), dark: [dark('.xp-title'), dark('.xp-view-title'), dark('.xp-q > p')] }) };
  }, shown);
  const pre = await pages();
  await page.emulateMedia({ media: 'print' });
  const paper = await held(true);
  await page.emulateMedia({ media: null });
  assert.deepEqual({ ...paper, events: paper.events >= 20, bars: paper.bars >= 4, answers: paper.answers, sources: paper.sources >= 20, rows: paper.rows >= 30 },
    { views: 4, events: true, bars: true, answers: 5, sources: true, rows: true, tabs: 0, note: 0, dark: [true, true, true] }, JSON.stringify(paper));
  // Hydrated, on the timeline, at 4x CPU: the live explainer builds only the view shown, and
  // Yew leaves work for later past 16 ms. The page's own listener, after the explainer's,
  // sees what the print is laid out from.
  release();
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await ready(page);
  await page.locator('[role=tab]').nth(2).click();
  await page.waitForTimeout(300);
  const live = await held(false);
  assert.ok(live.bars === 0 && live.sources === 0 && live.answers === 0, `live, only the view shown: ${JSON.stringify(live)}`);
  // The reader opens the table, which print builds anew: it must stay open after.
  await page.locator('.xp-data > summary').click();
  assert.ok(await until(async () => (await held(false)).rows === paper.rows), 'the table opens');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => addEventListener('beforeprint', () => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    window.laid = [r.querySelectorAll('.xp-event-btn').length, r.querySelectorAll('.xp-bar-row').length, r.querySelectorAll('.xp-q > p').length,
      r.querySelectorAll('.xp-all-sources li').length, r.querySelectorAll('.xp-data tbody tr').length,
      [...r.querySelectorAll('.xp-svg')].filter((s) => s.querySelector('[data-key]')).length];
  }));
  assert.equal(await pages(), pre, 'as many pages as the pre-rendered print');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const laid = await page.evaluate(() => window.laid);
  assert.deepEqual(laid.slice(0, 5), [paper.events, paper.bars, paper.answers, paper.sources, paper.rows]);
  assert.ok(laid[5] >= 1, 'the diagram, built for print, has its controls');
  // The same under print media: told the page prints, it shows what paper shows.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await held(true), paper);
  await page.emulateMedia({ media: null });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  // After print, the timeline alone again, still the view chosen, the table still open and
  // the sources list still closed.
  assert.ok(await until(async () => (await held(false)).bars === 0), 'the hidden views are dropped again');
  assert.deepEqual(await page.evaluate(() => [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('details')]
    .filter((d) => d.matches('.xp-data, .xp-all-sources')).map((d) => [d.className, d.open, d.querySelectorAll('tbody tr, li').length > 0])),
  [['xp-data', true, true], ['xp-all-sources', false, false]]);
  assert.equal(await page.locator('[role=tab][aria-selected=true]').textContent(), 'Chronologie');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('in an iframe, which cannot grow on paper, the explainer prints the view it shows, whole', async () => {
  const page = await open(env.browser, `${env.base}hosts/iframe.html`, { viewport: { width: 800, height: 1000 } });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  const seen = () => frame.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    return { views: [...r.querySelectorAll('.xp-view')].filter((e) => e.getClientRects().length).length,
      cut: document.documentElement.scrollHeight > innerHeight + 1 };
  });
  // Pre-rendered (the code not loaded: the frame's explainer is only marked by its loader),
  // then hydrated and told the page prints.
  // Told it prints, the frame's content gets shorter (no tabs), and it tells the page its
  // new height, which the page gives the iframe a moment later: what paper gets is read once
  // that exchange has settled (a read in between once caught the iframe shrunk first).
  const printed = async (label) => {
    await page.emulateMedia({ media: 'print' });
    let last;
    await until(async () => { last = await seen(); return last.views === 1 && !last.cut; });
    assert.deepEqual(last, { views: 1, cut: false }, label);
  };
  await frame.waitForFunction(() => document.querySelector('[data-explainer]')?.hasAttribute('data-explainer-loader'));
  await printed('pre-rendered');
  await page.emulateMedia({ media: null });
  await frame.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  await frame.evaluate(() => document.querySelector('[data-explainer]').dispatchEvent(new FocusEvent('focusin')));
  await frame.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready'));
  await page.waitForTimeout(500);
  await frame.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await printed('hydrated');
  await page.emulateMedia({ media: null });
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('the built stylesheet, in its file and inline in the article, writes no text-decoration shorthand WebKit drops, and a superseded status shows struck', async () => {
  // The minifier folded `text-decoration: line-through` and its 1px thickness into one
  // shorthand (`line-through 1px`), which WebKit, Safari's engine, does not parse: WebKitGTK
  // 2.50, looked at, dropped the declaration, and a superseded status showed unstruck.
  const dist = new URL('../../dist/', import.meta.url);
  const css = (await readdir(dist)).filter((f) => /^explainer-.*\.css$/.test(f));
  assert.equal(css.length, 1, 'one stylesheet built');
  const lines = /^(none|(underline|overline|line-through)( (underline|overline|line-through))*)$/;
  for (const name of [css[0], 'index.html']) {
    const text = await readFile(new URL(name, dist), 'utf8');
    const values = [...text.matchAll(/text-decoration\s*:\s*([^;}"]+)/g)].map((m) => m[1].trim());
    assert.ok(values.length > 0, `${name}: its links' underline is there to check`);
    assert.deepEqual(values.filter((v) => !lines.test(v)), [], `${name}: shorthands with more than their lines`);
  }
  const page = await open(env.browser, `${env.base}index.html`);
  const struck = await page.evaluate(() => [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('.xp-st-superseded')]
    .map((b) => getComputedStyle(b).textDecorationLine));
  assert.ok(struck.length > 0 && struck.every((l) => l.includes('line-through')), `superseded statuses: ${struck}`);
  await page.context().close();
});
