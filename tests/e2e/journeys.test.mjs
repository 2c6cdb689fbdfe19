// A reader's journeys on the article page (release build), by touch on phones and by mouse
// and keyboard on desktop, in both languages and themes, with an axe-core audit of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { setup, open, ready, until, axe } from './lib.mjs';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
const VIEWPORTS = {
  phone320: { viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  phone375: { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 } },
};
const STORY = JSON.parse(await readFile(new URL('../../src/story/story.json', import.meta.url), 'utf8'));
// The story as typed, up to the kind of space: French texts are shown with no-break spaces
// inside « » and before : ; ! ? %.
const words = (s) => s.replace(/\s+/g, ' ');

let env;
before(async () => { env = await setup(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await env.close(); });

async function article(name, lang, scheme, more = {}) {
  const page = await open(env.browser, null, { ...VIEWPORTS[name], colorScheme: scheme, ...more });
  await page.goto(`${env.base}${lang === 'en' ? 'hosts/plain.html' : 'index.html'}`);
  if (lang === 'en') {
    // The English journey switches language the way a reader does.
    await ready(page);
    await page.locator('.xp-lang').click();
    await until(() => page.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-root').lang === 'en'));
  }
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await ready(page);
  return page;
}

const root = (page, fn) => page.evaluate((f) => new Function('r', f)(document.querySelector('[data-explainer]').shadowRoot), fn);
const panelTitle = (page) => root(page, "return r.querySelector('.xp-panel h3')?.textContent ?? ''");
// The panel draws its head in the tap's frame and its lists (links, quotations, sources) in
// the next: true once they are there.
const panelWhole = (page) => root(page, "const p = r.querySelector('.xp-panel'); return !!p && !p.hasAttribute('data-partial')");

// The names of the diagram's players below 4.5:1 against the explainer's background, as drawn:
// their fill, faded by every group's opacity up to the drawing. axe does not read SVG text.
// With a panel open, the players it does not involve step back, but they are still controls.
const faintNames = (page) => root(page, `
  const rgb = (s) => s.match(/[\\d.]+/g).map(Number);
  const lum = (c) => c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const bg = rgb(getComputedStyle(r.querySelector('.xp-root')).backgroundColor);
  return [...r.querySelectorAll('.xp-node text')].filter((t) => t.getClientRects().length).flatMap((t) => {
    let a = 1;
    for (let e = t; e.localName !== 'svg'; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
    const drawn = rgb(getComputedStyle(t).fill).map((v, i) => v * a + bg[i] * (1 - a));
    const [hi, lo] = [lum(drawn), lum(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    return ratio < 4.5 ? [\`\${t.textContent} \${ratio.toFixed(2)}:1\`] : [];
  });`);

// The markers of the diagram's relationships below 3:1 (WCAG 1.4.11), as drawn: each is its
// relationship's handle, a control. With a panel open, one the choice does not involve is
// left hollow: its outline must still show (fill or outline, whichever stands out more).
const faintMarks = (page) => root(page, `
  const rgb = (s) => s.match(/[\\d.]+/g).map(Number);
  const lum = (c) => c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const bg = rgb(getComputedStyle(r.querySelector('.xp-root')).backgroundColor);
  const ratio = (c, a) => { const drawn = c.map((v, i) => v * a + bg[i] * (1 - a)); const [hi, lo] = [lum(drawn), lum(bg)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  return [...r.querySelectorAll('.xp-marks .xp-mark')].filter((m) => m.getClientRects().length).flatMap((m) => {
    let a = 1;
    for (let e = m; e.localName !== 'svg'; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
    const s = getComputedStyle(m);
    const paints = [s.fill, s.stroke].filter((p) => p.startsWith('rgb')).map((p) => ratio(rgb(p), a * (rgb(p)[3] ?? 1)));
    const best = Math.max(0, ...paints);
    return best < 3 ? [\`\${m.parentElement.getAttribute('class')} \${best.toFixed(2)}:1\`] : [];
  });`);

async function layoutChecks(page, label) {
  const r = await page.evaluate(() => {
    const s = document.querySelector('[data-explainer]').shadowRoot;
    const small = [...s.querySelectorAll('button, a, summary, [role=button], [role=tab]')]
      .filter((e) => e.getClientRects().length)
      .map((e) => [e.getBoundingClientRect(), e.getAttribute('data-key') || e.textContent.slice(0, 30)])
      .filter(([b]) => b.width < 43.5 || b.height < 43.5).map(([b, k]) => `${k} ${b.width.toFixed(1)}x${b.height.toFixed(1)}`);
    const tabRows = new Set([...s.querySelectorAll('[role=tab]')].map((t) => Math.round(t.getBoundingClientRect().top))).size;
    return { small, tabRows, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  // Four views make at most two tidy rows of tabs, even at 320 px in French.
  assert.ok(r.tabRows <= 2, `${label}: tabs on ${r.tabRows} rows`);
  assert.deepEqual(r.small, [], `${label}: targets under 44x44`);
  assert.ok(r.overflow <= 0, `${label}: horizontal scroll of ${r.overflow}px`);
}

for (const name of Object.keys(VIEWPORTS)) {
  for (const lang of ['fr', 'en']) {
    for (const scheme of ['light', 'dark']) {
      test(`${name} ${lang} ${scheme}: audit, layout and panel`, async () => {
        const page = await article(name, lang, scheme);
        const label = `${name}-${lang}-${scheme}`;
        await layoutChecks(page, label);
        assert.deepEqual(await axe(page), [], `${label}, panel closed`);
        await page.screenshot({ path: `${SHOTS}${label}-closed.png` });
        await page.locator('[data-key="relationship:nvidia-openai-loi"]').click();
        await until(async () => (await panelTitle(page)) === 'Nvidia → OpenAI');
        await page.waitForTimeout(250);
        await layoutChecks(page, `${label} panel`);
        assert.deepEqual(await faintNames(page), [], `${label}, panel open: players' names under 4.5:1`);
        assert.deepEqual(await faintMarks(page), [], `${label}, panel open: relationships' markers under 3:1`);
        assert.deepEqual(await axe(page), [], `${label}, panel open`);
        await page.screenshot({ path: `${SHOTS}${label}-panel.png` });
        await page.locator('[id$="-tab-questions"]').click();
        await page.locator('summary').first().click();
        assert.deepEqual(await axe(page), [], `${label}, questions`);
        await page.screenshot({ path: `${SHOTS}${label}-questions.png` });
        // The data table, built when opened: one row per relationship, scrolling in its own
        // region on phones, never the page.
        await page.locator('details.xp-data summary').click();
        assert.equal(await until(() => root(page, "return r.querySelectorAll('.xp-data tbody tr').length")), STORY.relationships.length);
        await layoutChecks(page, `${label} table`);
        assert.deepEqual(await axe(page), [], `${label}, data table`);
        // The other two views, closed and with an item of the middle open (a bar's panel
        // over the comparison, an event's over the diagram).
        for (const [view, item] of [['comparison', '.xp-bar-row'], ['timeline', '.xp-event-btn']]) {
          await page.locator(`[id$="-tab-${view}"]`).click();
          const items = page.locator(item);
          await items.first().waitFor();
          assert.deepEqual(await axe(page), [], `${label}, ${view}`);
          await items.nth(Math.floor((await items.count()) / 2)).click();
          await page.locator('.xp-panel:not([data-partial]) h3').waitFor();
          await page.waitForTimeout(250);
          assert.deepEqual(await axe(page), [], `${label}, ${view}, panel open`);
          await page.screenshot({ path: `${SHOTS}${label}-${view}.png` });
          await page.locator('.xp-close').click();
        }
        assert.deepEqual(page.messages, []);
        await page.context().close();
      });
    }
  }
}

for (const [name, lang, scheme] of [['phone320', 'fr', 'light'], ['phone375', 'en', 'dark'], ['desktop', 'fr', 'dark']]) {
  test(`${name}: every node and every edge opens a panel that names it`, async () => {
    const page = await article(name, lang, scheme);
    const touch = name !== 'desktop';
    for (const e of STORY.entities) {
      const el = page.locator(`[data-key="entity:${e.id}"]`);
      await (touch ? el.tap() : el.click());
      assert.ok(await until(async () => words(await panelTitle(page)) === words(e.name[lang])), `${e.id}: ${await panelTitle(page)}`);
      await page.locator('.xp-close').click();
    }
    const names = Object.fromEntries(STORY.entities.map((e) => [e.id, e.name[lang]]));
    for (const r of STORY.relationships) {
      const el = page.locator(`[data-key="relationship:${r.id}"]`);
      await (touch ? el.tap() : el.click());
      assert.ok(await until(async () => words(await panelTitle(page)).startsWith(words(names[r.from]))), `${r.id}: ${await panelTitle(page)}`);
      await page.locator('.xp-close').click();
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  });
}

test('phone: Back closes an open panel, as it closes an app\'s sheet, and is the page\'s again once it is closed; not with a mouse', async () => {
  // Chromium's close requests: Android's Back, and here, headless, Escape pressed with focus
  // outside the explainer. The watchers the page holds are counted.
  const opened = async (name, path = 'index.html') => {
    const page = await open(env.browser, null, VIEWPORTS[name]);
    await page.addInitScript(() => {
      const Native = window.CloseWatcher;
      window.watchers = new Set();
      window.CloseWatcher = class extends Native {
        constructor(o) { super(o); window.watchers.add(this); }
        destroy() { window.watchers.delete(this); super.destroy(); }
      };
    });
    await page.goto(`${env.base}${path}`);
    if (path === 'index.html') {
      await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
      await ready(page);
    }
    return page;
  };
  const watchers = (page) => page.evaluate(() => window.watchers.size);
  const away = (page) => root(page, 'r.activeElement?.blur()');
  const page = await opened('phone375');
  const nvidia = page.locator('[data-key="entity:nvidia"]');
  await nvidia.tap();
  assert.ok(await until(async () => (await panelTitle(page)) === 'Nvidia'));
  assert.ok(await until(() => page.evaluate(() => location.hash === '#explainer=nvidia')));
  const entries = await page.evaluate(() => history.length);
  await away(page);
  await page.keyboard.press('Escape');
  assert.ok(await until(async () => (await panelTitle(page)) === ''), 'Back closed the panel');
  assert.ok(await until(() => page.evaluate(() => location.hash === '')), 'and its part of the address');
  assert.equal(await page.evaluate(() => history.length), entries, 'no history entry taken or added');
  assert.equal(await watchers(page), 0, 'the next Back is the page\'s');
  // Closed by its × instead: the next Back is the page's too.
  await nvidia.tap();
  assert.ok(await until(async () => (await watchers(page)) === 1));
  await page.locator('.xp-close').tap();
  assert.ok(await until(async () => (await watchers(page)) === 0), 'closed by ×');
  // Escape inside the explainer closes it once: focus goes back to the control it opened from.
  await nvidia.tap();
  assert.ok(await until(async () => (await panelTitle(page)) === 'Nvidia'));
  await nvidia.focus();
  await page.keyboard.press('Escape');
  assert.ok(await until(async () => (await panelTitle(page)) === ''));
  assert.equal(await root(page, "return r.activeElement?.getAttribute('data-key')"), 'entity:nvidia');
  assert.equal(await watchers(page), 0);
  assert.deepEqual(page.messages, []);
  await page.context().close();
  // An item a link in the text opened has the link's history entry: Back goes back to the
  // text, as on any page. Tapped afterwards, another item's panel is closed by Back.
  const linked = await opened('phone375', 'hosts/far-link.html');
  await linked.locator('#to-ms').tap();
  assert.ok(await until(async () => (await panelTitle(linked)) === 'Microsoft'));
  await linked.waitForTimeout(300);
  assert.equal(await watchers(linked), 0, 'Back is the page\'s');
  await linked.locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
  assert.ok(await until(async () => (await panelTitle(linked)) === 'Nvidia'));
  assert.ok(await until(async () => (await watchers(linked)) === 1), 'a tapped item: Back closes it');
  assert.deepEqual(linked.messages, []);
  await linked.context().close();
  // With a mouse, Escape pressed elsewhere on the page is the page's.
  const desk = await opened('desktop');
  await desk.locator('[data-key="entity:nvidia"]').click();
  assert.ok(await until(async () => (await panelTitle(desk)) === 'Nvidia'));
  await away(desk);
  await desk.keyboard.press('Escape');
  await desk.waitForTimeout(300);
  assert.equal(await panelTitle(desk), 'Nvidia');
  assert.equal(await watchers(desk), 0);
  assert.deepEqual(desk.messages, []);
  await desk.context().close();
});

test('phone: a panel\'s links and sources read as separate items, a wrapped label as one', async () => {
  const page = await article('phone320', 'fr', 'light');
  await page.locator('[data-key="entity:openai"]').tap();
  await until(async () => (await panelTitle(page)) === 'OpenAI' && panelWhole(page));
  // Each link's lines of text, as the reader sees them.
  const { within, between } = JSON.parse(await root(page, `
    const lines = (el) => { const g = document.createRange(); g.selectNodeContents(el);
      return [...g.getClientRects()].map((x) => [x.top, x.bottom]).sort((a, b) => a[0] - b[0]); };
    const ls = [...r.querySelectorAll('.xp-panel .xp-links button')].map(lines);
    return JSON.stringify({ within: ls.flatMap((l) => l.slice(1).map((x, i) => x[0] - l[i][1])),
      between: ls.slice(1).map((l, i) => l[0][0] - ls[i].at(-1)[1]) });`));
  assert.ok(within.length > 3, `few labels wrap at 320 px: ${within}`);
  // The space between two items is plainly more than between two lines of one.
  const gap = Math.max(...within) + 8;
  assert.ok(between.every((b) => b >= gap), `items ${between.map(Math.round)} apart, lines ${Math.max(...within).toFixed(1)}`);
  // A source's date sits with its title, plainly apart from the next source.
  await page.locator('.xp-close').tap();
  await page.locator('[data-key="relationship:nvidia-openai-loi"]').tap();
  await until(async () => (await panelTitle(page)) === 'Nvidia → OpenAI' && panelWhole(page));
  const sources = JSON.parse(await root(page, `
    const box = (el) => { const g = document.createRange(); g.selectNodeContents(el); const rs = [...g.getClientRects()];
      return [Math.min(...rs.map((x) => x.top)), Math.max(...rs.map((x) => x.bottom))]; };
    return JSON.stringify([...r.querySelectorAll('.xp-panel .xp-sources li')].map((li) =>
      [box(li.querySelector('.xp-src-title')), box(li.querySelector('.xp-src-date'))]));`));
  assert.ok(sources.length >= 3, `${sources.length} sources`);
  for (let i = 0; i + 1 < sources.length; i++) {
    const own = sources[i][1][0] - sources[i][0][1];
    const next = sources[i + 1][0][0] - sources[i][1][1];
    assert.ok(next >= own + 8, `source ${i}: its date ${own.toFixed(1)} px below its title, ${next.toFixed(1)} above the next`);
  }
  // A source opens a new tab, and says so: an arrow to see, a note to hear.
  const link = await page.locator('.xp-panel .xp-sources a').first().ariaSnapshot();
  assert.ok(link.includes('(s’ouvre dans un nouvel onglet)') && !link.includes('\u2197'), link);
  assert.ok(await root(page, `return getComputedStyle(r.querySelector('.xp-panel .xp-sources a .xp-src-title'), '::after')
    .content.includes('\u2197')`), 'the arrow is shown');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone: a date in the panel is never split across two lines', async () => {
  const page = await article('phone320', 'en', 'light');
  await page.locator('[data-key="relationship:nvidia-openai-loi"]').tap();
  await until(async () => (await panelTitle(page)) === 'Nvidia → OpenAI');
  // Each date's text, by the lines it is laid out on.
  const split = JSON.parse(await root(page, `
    const lines = (el) => { const g = document.createRange(); g.selectNodeContents(el);
      return new Set([...g.getClientRects()].map((x) => Math.round(x.top))).size; };
    const dates = [...r.querySelectorAll('.xp-panel :is(.xp-when, .xp-src-date)')];
    return JSON.stringify({ n: dates.length, split: dates.filter((d) => lines(d) > 1).map((d) => d.textContent) });`));
  assert.ok(split.n >= 4, `${split.n} dates`);
  assert.deepEqual(split.split, [], 'dates split across lines');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('another item chosen with the panel open: its title shows in the next frame; at full speed and on a slow phone\'s CPU, the panel never shrinks below both items\' heights and the diagram is never half lit', async () => {
  // The new item's head is drawn first and its lists a frame later: in between, the panel
  // keeps its former height instead of shrinking for a frame and growing back (a blink on
  // a wide screen, a bottom sheet that bounces on a phone).
  for (const name of ['desktop', 'phone375']) {
    const page = await article(name, 'fr', 'light');
    const whole = async (key, title) => {
      await root(page, `r.querySelector('[data-key="${key}"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))`);
      assert.ok(await until(async () => (await panelTitle(page)) === title && root(page, "return !!r.querySelector('.xp-panel .xp-sources')")), `${name}: ${title}'s panel`);
      // Its height once placed: a sheet is fitted to the screen after the paint.
      return root(page, `return new Promise((ok) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() =>
        ok(r.querySelector('.xp-panel').getBoundingClientRect().height)))))`);
    };
    const amd = await whole('entity:amd', 'AMD');
    await page.locator('.xp-close').click();
    await until(async () => (await panelTitle(page)) === '');
    const nvidia = await whole('entity:nvidia', 'Nvidia');
    // AMD's mark and the lit controls and lines, as the diagram shows them.
    const lights = () => root(page, "return [r.querySelector('[data-key=\"entity:amd\"]').classList.contains('sel'), r.querySelectorAll('.xp-svg .lit').length]");
    // Each frame from a click on AMD until the lists have come, as painted.
    const frames = async (rate) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const seen = await root(page, `return new Promise((done) => {
        const seen = [];
        // Yew's scheduler yields to the browser with setTimeout(f, 0) once it has worked
        // 16 ms: whether it did before the first frame.
        const plain = window.setTimeout;
        seen.yielded = false;
        window.setTimeout = (f, ms, ...rest) => { if (ms === 0) seen.yielded = true; return plain(f, ms, ...rest); };
        const tick = () => {
          if (seen.length === 0) { window.setTimeout = plain; seen.firstYielded = seen.yielded; }
          const p = r.querySelector('.xp-panel');
          seen.push([p.querySelector('h3').textContent, p.getBoundingClientRect().height, !!p.querySelector('.xp-sources'),
            r.querySelector('[data-key="entity:amd"]').classList.contains('sel'), r.querySelectorAll('.xp-svg .lit').length]);
          if ((seen.length > 2 && seen.at(-1)[2] && seen.at(-2)[2]) || seen.length > 60) done({ seen, yielded: seen.firstYielded }); else requestAnimationFrame(tick);
        };
        r.querySelector('[data-key="entity:amd"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        requestAnimationFrame(tick);
      })`);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      return seen;
    };
    // Back to Nvidia's whole panel, for the next click on AMD.
    const back = async () => { await whole('entity:nvidia', 'Nvidia'); };
    const floor = Math.min(amd, nvidia) - 1;
    const heights = (seen, speed) => assert.ok(seen.every(([, h]) => h >= floor),
      `${name}, ${speed}: panel heights ${seen.map(([, h]) => Math.round(h))} px, AMD's ${Math.round(amd)}, Nvidia's ${Math.round(nvidia)}`);
    // At full speed the click's work takes a few milliseconds and the first frame shows the
    // new title. On a busy machine the renderer can be held up past Yew's 16 ms, and Yew then
    // yields before the panel's render: that frame shows Nvidia's panel, whole (checked on a
    // slow CPU below). Such a click says nothing about the first frame; up to three are made.
    let fast;
    let yields = 0;
    for (let i = 0; i < 3; i++) {
      if (i) await back();
      const run = await frames(1);
      fast = run.seen;
      if (!run.yielded) break;
      yields++;
    }
    assert.equal(fast[0][0], 'AMD', `${name}: the first frame after the click shows the new title (Yew yielded before it in ${yields} clicks)`);
    heights(fast, 'full speed');
    assert.ok(Math.abs(fast.at(-1)[1] - amd) <= 1, `${name}: once whole, the panel is AMD's own height (${fast.at(-1)[1]} vs ${amd})`);
    const lit = fast.at(-1).slice(3);
    assert.ok(lit[0], `${name}: AMD is marked chosen`);
    // On a slow phone, past 16 ms of work, Yew yields to the browser between a render and
    // its effects, and between a component's render and its children's: a frame may show
    // the last item a while longer, but never a panel shrunk to its head, nor the diagram
    // half updated (dimmed for AMD with Nvidia's lights).
    await back();
    const before = await lights();
    const slow = (await frames(8)).seen;
    heights(slow, '8x CPU');
    const states = [JSON.stringify(before), JSON.stringify(lit)];
    assert.ok(slow.every((f) => states.includes(JSON.stringify(f.slice(3)))),
      `${name}, 8x CPU: AMD chosen and lit in each frame, Nvidia's ${states[0]} or AMD's ${states[1]}: ${JSON.stringify(slow.map((f) => f.slice(3)))}`);
    assert.deepEqual(slow.at(-1).slice(3), lit, `${name}, 8x CPU: AMD chosen and lit at the end`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('keyboard: a link chosen in the panel opens its item, focus going from the link to its title and never dropped', async () => {
  const page = await article('desktop', 'en', 'light');
  await root(page, `r.querySelector('[data-key="entity:nvidia"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))`);
  await until(async () => (await panelTitle(page)) === 'Nvidia' && root(page, "return !!r.querySelector('.xp-panel .xp-links button')"));
  await page.locator('.xp-panel h3:focus').waitFor();
  const link = await root(page, "const b = r.querySelector('.xp-panel .xp-links button'); b.focus(); return b.textContent");
  // What has focus in each frame, from the key press until the new title has it (within
  // 600 frames: a loaded CI machine took more than 60).
  await root(page, `window.focusFrames = []; const tick = () => {
      const a = r.activeElement;
      window.focusFrames.push(a ? (a.tagName === 'H3' ? 'title:' + a.textContent : a.className || a.tagName) : String(document.activeElement?.tagName));
      if (!(a?.tagName === 'H3' && window.focusFrames.length > 1) && window.focusFrames.length < 600) requestAnimationFrame(tick);
    }; requestAnimationFrame(tick);`);
  await page.keyboard.press('Enter');
  const title = link.split(' · ')[0];
  const seen = await until(async () => (await page.evaluate(() => window.focusFrames.at(-1))) === `title:${title}`);
  assert.ok(seen, `focus on ${title}: ${(await page.evaluate(() => window.focusFrames)).slice(-5).join(', ')}`);
  const frames = await page.evaluate(() => window.focusFrames);
  assert.ok(frames.every((f) => f === 'xp-link' || f === `title:${title}`), `focus on the way: ${frames.join(', ')}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('wide: the panel opens in its own column and the diagram stays where it was', async () => {
  const page = await article('desktop', 'en', 'light');
  // Where every control is drawn on the page (a click may scroll it into view), and the
  // side column's text while nothing is chosen.
  const where = () => root(page, `return JSON.stringify([...r.querySelectorAll('.xp-svg [data-key]')]
    .map((e) => { const b = e.getBoundingClientRect(); return [e.dataset.key, Math.round(b.x + scrollX), Math.round(b.y + scrollY)]; }))`);
  const hint = () => root(page, "return r.querySelector('.xp-side-hint')?.textContent ?? ''");
  const before = await where();
  assert.equal(await hint(), 'The details of the item you choose appear here.');
  // A mouse over a node outlines it in the accent, before any click.
  const stroke = (key) => root(page, `return getComputedStyle(r.querySelector('[data-key="${key}"] rect')).stroke`);
  const [rest, accent] = [await stroke('entity:openai'), await root(page, "return getComputedStyle(r.querySelector('.xp-root')).getPropertyValue('--accent')")];
  await page.locator('[data-key="entity:openai"]').hover();
  const hovered = await stroke('entity:openai');
  assert.ok(hovered !== rest && hovered === await page.evaluate((c) => { const e = document.createElement('i'); e.style.color = c; document.body.append(e);
    const v = getComputedStyle(e).color; e.remove(); return v; }, accent.trim()), `hovered ${hovered}, at rest ${rest}, accent ${accent}`);
  await page.locator('[data-key="entity:openai"]').click();
  await until(async () => (await panelTitle(page)) === 'OpenAI');
  assert.equal(await hint(), '', 'the panel takes the hint\'s place');
  const [panel, figure] = await root(page, `return [r.querySelector('.xp-panel'), r.querySelector('.xp-diagram')]
    .map((e) => { const b = e.getBoundingClientRect(); return [b.left, b.right]; })`);
  assert.ok(panel[0] >= figure[1], `the panel is beside the diagram: ${panel} ${figure}`);
  assert.equal(await where(), before, 'opening the panel moved the diagram');
  await page.locator('.xp-close').click();
  await until(async () => (await hint()) !== '');
  assert.equal(await where(), before, 'closing the panel moved the diagram');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('keyboard only: Tab in, one stop in the diagram, arrows reach every control, Enter and Escape', async () => {
  const page = await article('desktop', 'fr', 'light');
  const focused = () => page.evaluate(() => {
    const a = document.querySelector('[data-explainer]').shadowRoot.activeElement;
    return a ? (a.getAttribute('data-key') || a.getAttribute('role') || a.tagName) + '|' + (a.textContent || '').slice(0, 40) : '';
  });
  await page.evaluate(() => document.querySelector('h1').focus?.());
  let guard = 0;
  while (!(await focused()).startsWith('entity:') && guard++ < 40) await page.keyboard.press('Tab');
  assert.match(await focused(), /^entity:nvidia/, 'Tab reaches the diagram');
  const controls = STORY.entities.length + STORY.relationships.length;
  const seen = new Set();
  for (let i = 0; i < controls; i++) {
    seen.add((await focused()).split('|')[0]);
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(seen.size, controls, 'arrows visit every node and edge');
  assert.match(await focused(), /^entity:nvidia/, 'and wrap around');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.ok(await until(async () => (await focused()).startsWith('H3|')), 'Enter opens the panel and focuses its heading');
  await page.keyboard.press('Escape');
  assert.ok(await until(async () => (await focused()).startsWith('entity:')), `Escape returns focus to the node, not ${await focused()}`);
  // A narrower window lays the diagram out again and redraws its controls: the node must
  // keep focus through that, a few frames later.
  const back = await focused();
  const frames = () => page.evaluate(() => new Promise((ok) => { let n = 0; const f = () => (++n < 8 ? requestAnimationFrame(f) : ok()); requestAnimationFrame(f); }));
  const drawn = () => root(page, "return r.querySelector('.xp-svg').getAttribute('viewBox')");
  const wide = await drawn();
  await page.setViewportSize({ width: 560, height: 800 });
  await frames();
  assert.notEqual(await drawn(), wide, 'the diagram was laid out again');
  assert.equal(await focused(), back, 'focus stays on the node once the diagram is laid out again');
  await page.setViewportSize({ width: 1280, height: 800 });
  await frames();
  await page.keyboard.press('Shift+Tab');
  assert.match(await focused(), /^tab\|/);
  await page.keyboard.press('End');
  assert.ok(await until(async () => (await focused()).startsWith('tab|Questions')));
  await page.keyboard.press('Tab');
  assert.match(await focused(), /^SUMMARY\|/, 'Tab goes from the tab list into the open view');
  await page.keyboard.press('Enter');
  assert.ok(await until(() => root(page, "return r.querySelector('details').open")), 'Enter opens the first question');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

/** Where the focused control is: its key, and whether anything of the explainer's covers its
 * centre (the bottom sheet), or it is off screen. */
const focusSpot = (page) => root(page, `
  const a = r.activeElement, b = a.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
  const hit = r.elementFromPoint(x, y);
  return { key: a.getAttribute('data-key'), y: Math.round(y), covered: !!hit && !a.contains(hit) && !hit.contains(a), off: y < 0 || y > innerHeight };`);

test('phone, keyboard: with the bottom sheet open, each control the arrows focus is scrolled clear of it', async () => {
  // WCAG 2.4.11: a focused control must not be hidden by the page's own content.
  const page = await article('phone375', 'fr', 'light');
  await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).focus();
  await page.keyboard.press('Enter');
  assert.ok(await until(async () => (await panelTitle(page)) === 'Nvidia'));
  // The heading takes focus after the panel's first paint: back into the diagram from there.
  assert.ok(await until(() => root(page, "return r.activeElement?.tagName === 'H3'")), 'the heading took focus');
  for (let guard = 0; (await focusSpot(page)).key === null && guard < 20; guard++) await page.keyboard.press('Shift+Tab');
  const spots = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown');
    spots.push(await focusSpot(page));
  }
  assert.deepEqual(spots.filter((s) => !s.key), [], 'each arrow step focuses a control');
  const hidden = spots.filter((s) => s.covered || s.off);
  assert.deepEqual(hidden, [], `focused behind the sheet: ${hidden.map((s) => `${s.key} at ${s.y}`).join(', ')}`);
  assert.equal(await panelTitle(page), 'Nvidia', 'the arrows move focus, not the selection');
  // A tap on a control above the sheet does not scroll the page.
  const before = await page.evaluate(() => scrollY);
  await page.locator(`[data-key="${spots.at(-1).key}"]`).filter({ visible: true }).tap();
  assert.equal(await page.evaluate(() => scrollY), before);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

// How many of the controls `selector` finds end with a chevron.
const chevrons = (page, selector) => root(page, `return [...r.querySelectorAll('${selector}')]
  .filter((b) => getComputedStyle(b, '::after').content.includes('\u203a')).length`);

test('comparison rows open their sources; a timeline event lights its players; questions expand', async () => {
  const page = await article('phone375', 'fr', 'light');
  await page.locator('[id$="-tab-comparison"]').tap();
  await page.locator('.xp-bar-row').first().waitFor();
  // Each row, like each event below, shows that it opens something, silently.
  const bars = STORY.comparison.groups.flatMap((g) => g.bars);
  assert.equal(await chevrons(page, '.xp-bar-row'), bars.length, 'every row has its chevron');
  const row = await page.locator(`[data-key="bar:${bars[0].id}"]`).ariaSnapshot();
  assert.ok(words(row).includes(words(bars[0].label.fr)) && !row.includes('\u203a'), row);
  // One honest scale: the axis's labels stand where the bars' own values fall, and each
  // bar ends at its amount on that scale.
  const scale = JSON.parse(await root(page, `
    const box = (e) => e.getBoundingClientRect();
    const track = box(r.querySelector('.xp-bar .xp-track'));
    const ticks = [...r.querySelectorAll('.xp-tick')].map(box);
    const fills = [...r.querySelectorAll('.xp-bar-row')].map((b) => { const f = box(b.querySelector('.xp-fill')); return [b.dataset.key, f.left, f.right]; });
    return JSON.stringify({ left: track.left, width: track.width, ticks: ticks.map((t) => [t.left, t.right]), fills,
      top: Number(r.querySelector('.xp-tick.t4').textContent.replace(/\\s/g, '')) });`));
  const at = (share) => scale.left + share * scale.width;
  const [t0, t1, t2, t3, t4] = scale.ticks;
  const off = [t0[0] - at(0), (t1[0] + t1[1]) / 2 - at(0.25), (t2[0] + t2[1]) / 2 - at(0.5), (t3[0] + t3[1]) / 2 - at(0.75), t4[1] - at(1)];
  assert.ok(off.every((d) => Math.abs(d) <= 1), `axis labels off the bars' scale by ${off.map((d) => d.toFixed(1))} px`);
  let drawn = 0;
  for (const b of bars) {
    const [, left, right] = scale.fills.find(([k]) => k === `bar:${b.id}`);
    const { kind, value, low, high } = b.amount;
    const [from, to] = kind === 'range' ? [low, high] : ['exact', 'approx', 'up_to', 'at_least'].includes(kind) ? [0, value] : [null, null];
    if (from === null) continue;
    drawn++;
    const want = [at(from / scale.top), at(to / scale.top)];
    assert.ok(Math.abs(left - want[0]) <= 1 && Math.abs(right - want[1]) <= 1,
      `${b.id} (${kind} ${from}–${to}) drawn ${left.toFixed(1)}–${right.toFixed(1)}, not ${want.map((x) => x.toFixed(1)).join('–')}`);
  }
  assert.ok(drawn >= 4, `${drawn} bars checked`);
  for (const g of STORY.comparison.groups) for (const b of g.bars) {
    await page.locator(`[data-key="bar:${b.id}"]`).tap();
    assert.ok(await until(async () => words(await panelTitle(page)) === words(b.label.fr)), b.id);
    // A frame after the panel's head.
    assert.ok(await until(async () => await root(page, "return r.querySelectorAll('.xp-panel .xp-sources li').length") >= 1), `${b.id} lists its sources`);
    await page.locator('.xp-close').tap();
  }
  await page.locator('[id$="-tab-timeline"]').tap();
  await page.locator('.xp-event-btn').first().waitFor();
  // Each event shows that it leads somewhere (a chevron: no hover on a phone), and a screen
  // reader hears the event, not the sign.
  assert.equal(await chevrons(page, '.xp-event-btn'), STORY.events.length, 'every event has its chevron');
  const first = STORY.events[0];
  const spoken = await page.locator(`[data-key="event:${first.id}"]`).ariaSnapshot();
  assert.ok(words(spoken).includes(words(first.title.fr)) && !spoken.includes('\u203a'), spoken);
  const ev = STORY.events.find((e) => e.id === 'ev-110b');
  await page.locator(`[data-key="event:${ev.id}"]`).tap();
  const lit = await until(async () => {
    const l = await root(page, "return [...r.querySelectorAll('.xp-node.lit')].map((n) => n.dataset.key.slice(7)).sort()");
    return l.length && l;
  });
  assert.deepEqual(lit, [...ev.entities].sort());
  await page.locator('.xp-close').tap();
  assert.ok(await until(() => root(page, "return !r.querySelector('[id$=\"-view-timeline\"]').hidden")), 'closing returns to the timeline');
  await page.locator('[id$="-tab-questions"]').tap();
  const n = STORY.questions.length;
  await page.locator('.xp-q summary').first().waitFor();
  // Each question shows that it opens, and that it has (a silent sign, as the chevrons).
  const signs = () => root(page, `return [...r.querySelectorAll('.xp-q-text')]
    .map((q) => getComputedStyle(q, '::before').content.slice(1, 2)).join('')`);
  assert.equal(await signs(), '\u25b8'.repeat(n));
  const question = await page.locator('.xp-q summary').first().ariaSnapshot();
  assert.ok(!/[\u25b8\u25be]/.test(question) && words(question).includes(words(STORY.questions[0].question.fr)), question);
  for (let i = 0; i < n; i++) await page.locator('.xp-q summary').nth(i).tap();
  assert.equal(await root(page, "return [...r.querySelectorAll('.xp-q')].filter((d) => d.open).length"), n);
  assert.equal(await signs(), '\u25be'.repeat(n));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('forced colours (Windows contrast themes): the chosen view and the chosen bar stay marked', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await article('phone375', 'fr', scheme, { forcedColors: 'active' });
    // Under forced colours a state shown by a colour or a background alone is repainted away:
    // what marks it must be an underline or outline of its own colour.
    const tabs = () => root(page, `return [...r.querySelectorAll('[role=tab]')]
      .map((t) => [t.getAttribute('aria-selected'), getComputedStyle(t).borderBottomColor])`);
    for (const view of ['comparison', 'timeline', 'questions', 'diagram']) {
      await page.locator(`[id$="-tab-${view}"]`).tap();
      // A tap leaves the tab hovered, which the browser marks on its own: tap away first.
      await page.locator('h1').tap();
      const all = await until(async () => { const t = await tabs(); return t.some(([s]) => s === 'true') && t; });
      const chosen = all.filter(([s]) => s === 'true').map(([, c]) => c);
      const others = new Set(all.filter(([s]) => s !== 'true').map(([, c]) => c));
      const canvas = await root(page, 'return getComputedStyle(r.querySelector(".xp-root")).backgroundColor');
      assert.equal(chosen.length, 1, `${scheme} ${view}: one chosen tab`);
      assert.ok(!others.has(chosen[0]) && chosen[0] !== canvas, `${scheme} ${view}: its underline ${chosen[0]} stands out from ${[...others]} on ${canvas}`);
    }
    await page.locator('[id$="-tab-comparison"]').tap();
    const bar = STORY.comparison.groups[0].bars[0];
    await page.locator(`[data-key="bar:${bar.id}"]`).tap();
    await until(async () => words(await panelTitle(page)) === words(bar.label.fr));
    const rows = await root(page, `return [...r.querySelectorAll('.xp-bar-row')].map((b) => { const s = getComputedStyle(b);
      return [b.dataset.key, s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineColor : 'none']; })`);
    const marked = rows.filter(([, o]) => o !== 'none').map(([k]) => k);
    assert.deepEqual(marked, [`bar:${bar.id}`], `${scheme}: only the chosen bar is outlined`);
    if (scheme === 'light') {
      // The chosen row, above the bottom sheet.
      await root(page, "r.querySelector('.xp-bar-row.sel').scrollIntoView({ block: 'start' })");
      await page.waitForTimeout(250);
      await page.screenshot({ path: `${SHOTS}phone375-fr-forced-colors-bar.png` });
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('desktop: a double click on a player or a handle chooses it and selects no text', async () => {
  // Many readers double-click what they mean to open. A name is a control's label: selected,
  // it showed highlighted; a handle's double click selected a word far below the drawing.
  const page = await article('desktop', 'fr', 'light');
  for (const key of ['entity:nvidia', 'entity:openai', 'relationship:nvidia-openai-loi', 'relationship:openai-vs-google']) {
    const at = await root(page, `const e = [...r.querySelectorAll('.xp-svg [data-key="${key}"]')].find((e) => e.getClientRects().length);
      e.scrollIntoView({ block: 'center' }); const b = e.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]`);
    await page.mouse.dblclick(at[0], at[1]);
    const label = await root(page, `return r.querySelector('.xp-svg [data-key="${key}"]').getAttribute('aria-label')`);
    await until(async () => label.startsWith(await panelTitle(page)));
    assert.ok(label.startsWith(await panelTitle(page)), `${key}: its panel opens`);
    assert.equal(await page.evaluate(() => getSelection().toString()), '', `${key}: text selected`);
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone: no browser tap highlight over what a tap opens; each control shows its own pressed state', async () => {
  const page = await article('phone375', 'fr', 'light');
  const CONTROLS = 'button, a, summary, [role=button], [role=tab], [data-key], .xp-hit';
  // Chrome paints its highlight (a cyan box around the control's bounds) above the bottom
  // sheet the tap opens: across the panel's text for a bar, as a square over it for a handle.
  const highlighted = (view) => root(page, `return [...r.querySelectorAll('${CONTROLS}')].filter((e) => e.getClientRects().length)
    .filter((e) => !/rgba\\(.*, 0\\)$/.test(getComputedStyle(e).webkitTapHighlightColor))
    .map((e) => '${view} ' + (e.getAttribute('data-key') || e.textContent.slice(0, 30)) + ' ' + getComputedStyle(e).webkitTapHighlightColor)`);
  const found = [];
  for (const view of ['diagram', 'comparison', 'timeline', 'questions']) {
    await page.locator(`[id$="-tab-${view}"]`).tap();
    await until(() => root(page, `return r.querySelector('[role=tab][aria-selected=true]')?.id.endsWith('-tab-${view}')`));
    found.push(...await highlighted(view));
  }
  await page.locator('[id$="-tab-comparison"]').tap();
  await page.locator('.xp-bar-row').first().tap();
  await until(() => panelWhole(page));
  found.push(...await highlighted('comparison, panel open'));
  assert.deepEqual(found, [], 'controls the browser would highlight');
  // Without it, a pressed control answers at once, in its own shape: a box or handle of the
  // diagram is outlined, a button takes a background. (A mouse press: headless Chromium
  // does not mark a synthetic touch as :active.)
  await page.locator('.xp-close').tap();
  await page.locator('[id$="-tab-diagram"]').tap();
  const looks = (sel) => root(page, `const e = [...r.querySelectorAll('${sel}')].find((e) => e.getClientRects().length);
    const s = getComputedStyle(e.querySelector('rect') ?? e); return [s.stroke, s.strokeWidth, s.backgroundColor].join(' ')`);
  for (const sel of ['.xp-node:not(.sel)', '.xp-hit:not(.sel)', '[role=tab][aria-selected=false]', '.xp-lang']) {
    const at = await root(page, `const e = [...r.querySelectorAll('${sel}')].find((e) => e.getClientRects().length);
      e.scrollIntoView({ block: 'center' }); const b = e.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]`);
    const idle = await looks(sel);
    await page.mouse.move(at[0], at[1]);
    await page.mouse.down();
    const pressed = await looks(sel);
    // Let go elsewhere: no click.
    await page.mouse.move(2, 2);
    await page.mouse.up();
    assert.notEqual(pressed, idle, `${sel}: pressed looks as it does idle (${idle})`);
  }
  // With a panel open, one that stepped back comes forward while pressed.
  await page.locator('[data-key="entity:openai"]').tap();
  await until(async () => (await panelTitle(page)) === 'OpenAI');
  for (const sel of ['.xp-node:not(.lit)', '.xp-hit:not(.lit)']) {
    const at = await root(page, `const e = [...r.querySelectorAll('${sel}')].find((e) => e.getClientRects().length && e.getBoundingClientRect().bottom < innerHeight / 4);
      const b = e.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]`);
    const faded = () => root(page, `const e = [...r.querySelectorAll('${sel}')].find((e) => e.getClientRects().length && e.getBoundingClientRect().bottom < innerHeight / 4);
      return getComputedStyle(e.querySelector('rect') ?? e).opacity`);
    assert.equal(await faded(), '0.22', `${sel}: steps back with the panel open`);
    await page.mouse.move(at[0], at[1]);
    await page.mouse.down();
    const pressed = await faded();
    await page.mouse.move(2, 2);
    await page.mouse.up();
    assert.equal(pressed, '1', `${sel}: pressed, it stays faded`);
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a reader\'s text spacing (WCAG 1.4.12) loses nothing: labels stay in their boxes, no text spills or is clipped', async () => {
  // The spacing of WCAG's test, set the way a reader's stylesheet or bookmarklet sets it,
  // inside the explainer's shadow root. The diagram's boxes are sized from estimated widths;
  // "Fondation OpenAI" ran 9 px past each side of its box.
  const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p, li, dd, figcaption { margin-bottom: 2em !important; }`;
  const pages = [['phone320', 'index.html', '[data-explainer]'], ['phone375', 'hosts/wide-names.html', '#names'],
    ['desktop', 'index.html', '[data-explainer]'], ['desktop', 'hosts/wide-names.html', '#names']];
  for (const [name, url, host] of pages) {
    const page = await open(env.browser, `${env.base}${url}`, VIEWPORTS[name]);
    await page.evaluate((h) => document.querySelector(h).scrollIntoView(), host);
    await ready(page);
    await page.evaluate(([h, css]) => {
      const s = document.querySelector(h).shadowRoot;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      s.adoptedStyleSheets = [...s.adoptedStyleSheets, sheet];
    }, [host, SPACING]);
    const x = page.locator(host);
    const check = async (state) => {
      const found = await page.evaluate((h) => {
        const s = document.querySelector(h).shadowRoot;
        const shown = (e) => e.getClientRects().length > 0;
        const out = [];
        for (const n of [...s.querySelectorAll('.xp-node')].filter(shown)) {
          const box = n.querySelector('rect').getBoundingClientRect();
          for (const t of n.querySelectorAll('text')) {
            const r = t.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`${n.dataset.key} label ${r.left.toFixed(1)}–${r.right.toFixed(1)} in ${box.left}–${box.right}`);
          }
        }
        // Text that runs out of its element, or is cut by it (visually hidden text aside).
        for (const e of [...s.querySelectorAll('.xp-root *:not(svg *)')].filter(shown)) {
          const cs = getComputedStyle(e);
          if (e.clientWidth <= 2 || ['auto', 'scroll'].includes(cs.overflowX)) continue;
          if (e.scrollWidth > e.clientWidth + 1) out.push(`${e.tagName.toLowerCase()}.${e.className} ${e.scrollWidth} px of text in ${e.clientWidth}: "${e.textContent.trim().slice(0, 30)}"`);
          if (cs.overflowY === 'hidden' && e.scrollHeight > e.clientHeight + 1) out.push(`${e.tagName.toLowerCase()}.${e.className} cut at ${e.clientHeight} px of ${e.scrollHeight}`);
        }
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways');
        return out;
      }, host);
      assert.deepEqual(found, [], `${name} ${url}, ${state}`);
    };
    await check('diagram');
    const node = x.locator('.xp-node').first();
    await (VIEWPORTS[name].hasTouch ? node.tap() : node.click());
    await x.locator('.xp-panel h3').waitFor();
    await check('panel open');
    await x.locator('.xp-close').click();
    for (const view of ['comparison', 'timeline', 'questions']) {
      const tab = x.locator(`[id$="-tab-${view}"]`);
      if (!(await tab.count())) continue;
      await tab.click();
      if (view === 'questions') for (const q of await x.locator('summary').all()) await q.click();
      await check(view);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('on a slow phone\'s CPU, switching language, coming back to the diagram\'s tab or turning the phone never paints the diagram without its controls', async () => {
  // The controls are written by an effect, which Yew may run after a frame is painted.
  const page = await article('phone375', 'fr', 'light');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  // The shown diagram's controls and line groups in each of four frames after `act`.
  const frames = (act) => root(page, `return new Promise((done) => {
    const seen = [];
    const tick = () => {
      const svg = [...r.querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
      seen.push([r.querySelector('.xp-root').lang, svg.querySelectorAll('[data-key]').length, svg.querySelectorAll('.xp-lines > g').length]);
      if (seen.length === 4) done(seen); else requestAnimationFrame(tick);
    };
    ${act};
    requestAnimationFrame(tick);
  })`);
  const controls = STORY.entities.length + STORY.relationships.length;
  for (const lang of ['en', 'fr', 'en']) {
    const seen = await frames("r.querySelector('.xp-lang').click()");
    assert.ok(seen.every(([l, n]) => l === lang && n === controls), `to ${lang}: ${JSON.stringify(seen)} (${controls} controls)`);
  }
  // Back from another tab: the diagram is built anew.
  for (const tab of ['timeline', 'comparison']) {
    await root(page, `r.querySelector('[id$="-tab-${tab}"]').click()`);
    await page.waitForTimeout(300);
    const seen = await frames(`r.querySelector('[id$="-tab-diagram"]').click()`);
    assert.ok(seen.every(([, n]) => n === controls), `back from ${tab}: ${JSON.stringify(seen)} (${controls} controls)`);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Turned, on a fresh page: another width, another layout. Every frame is recorded from
  // before the turn until the new layout has been drawn.
  const turned = await article('phone375', 'fr', 'light');
  const slow = await turned.context().newCDPSession(turned);
  await slow.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await turned.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    window.seen = [];
    const tick = () => {
      const svg = [...r.querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
      window.seen.push([svg.viewBox.baseVal.width, svg.querySelectorAll('[data-key]').length]);
      if (window.seen.length < 40) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await turned.setViewportSize({ width: 667, height: 375 });
  assert.ok(await until(() => turned.evaluate(() => window.seen.length === 40), 20000), 'frames recorded');
  const widths = await turned.evaluate(() => window.seen);
  await slow.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.ok(new Set(widths.map(([w]) => w)).size > 1, `laid out again: ${JSON.stringify(widths)}`);
  assert.ok(widths.every(([, n]) => n === controls), `turned: ${JSON.stringify(widths)}`);
  assert.deepEqual(turned.messages, []);
  await turned.context().close();
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('the language switch changes text and number formats', async () => {
  const page = await article('phone375', 'fr', 'light');
  await page.locator('[id$="-tab-comparison"]').tap();
  assert.match(await root(page, 'return r.textContent'), /jusqu’à 100\u00a0milliards de dollars.*11,8\u00a0milliards/s);
  await page.locator('.xp-lang').tap();
  const text = await until(async () => { const t = await root(page, 'return r.textContent'); return t.includes('up to $100') && t; });
  assert.match(text, /up to \$100\u00a0billion.*\$11\.8\u00a0billion/s);
  assert.match(text, /Facts checked up to May\u00a031,\u00a02026/);
  await page.context().close();
});
