// A reader's journeys on the article page (release build), by touch on phones and by mouse
// and keyboard on desktop, in both languages and themes, with an axe-core audit of each.
// The panel's own behaviour: panel.test.mjs; how it all shows: display.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, until, axe } from './lib.mjs';
import { SHOTS, VIEWPORTS, STORY, words, article, root, panelTitle, everyItemNamed } from './reader.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

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
        const page = await article(env, name, lang, scheme);
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
    const page = await article(env, name, lang, scheme);
    await everyItemNamed(page, STORY, lang, name !== 'desktop');
    assert.deepEqual(page.messages, []);
    await page.context().close();
  });
}

test('keyboard only: Tab in, one stop in the diagram, arrows reach every control, Enter and Escape', async () => {
  const page = await article(env, 'desktop', 'fr', 'light');
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
  const page = await article(env, 'phone375', 'fr', 'light');
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
  const page = await article(env, 'phone375', 'fr', 'light');
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

test('the language switch changes text and number formats', async () => {
  const page = await article(env, 'phone375', 'fr', 'light');
  await page.locator('[id$="-tab-comparison"]').tap();
  assert.match(await root(page, 'return r.textContent'), /jusqu’à 100\u00a0milliards de dollars.*11,8\u00a0milliards/s);
  await page.locator('.xp-lang').tap();
  const text = await until(async () => { const t = await root(page, 'return r.textContent'); return t.includes('up to $100') && t; });
  assert.match(text, /up to \$100\u00a0billion.*\$11\.8\u00a0billion/s);
  assert.match(text, /Facts checked up to May\u00a031, 2026/);
  await page.context().close();
});
