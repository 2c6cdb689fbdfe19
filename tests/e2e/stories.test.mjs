// A page's own story and attributes, and content that strains the layout: stories that fill
// some views, wide names and figures, columns narrower than a phone.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, shadow, axe } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('a story in the page replaces the embedded one; a broken one shows its path; odd attributes warn', async () => {
  const page = await open(env.browser, `${env.base}hosts/override.html`);
  await ready(page, 3);
  assert.equal(await shadow(page, '#good', "return root.querySelector('.xp-title').textContent"), 'Another story');
  const alert = await shadow(page, '#bad', "return root.querySelector('[role=alert]').textContent");
  assert.match(alert, /relationships\[0\]\.from/);
  assert.match(alert, /zz/);
  assert.equal(await shadow(page, '#odd', "return root.querySelector('.xp-root').lang"), 'en', 'falls back to <html lang>');
  assert.equal(page.messages.filter((m) => m.startsWith('warning: explainer: unknown')).length, 3, page.messages.join('\n'));
  assert.equal(page.messages.filter((m) => !m.startsWith('warning: explainer: unknown')).length, 0, page.messages.join('\n'));
  await page.context().close();
});

test('the page switches an explainer by its attributes, pre-rendered or running; a view the page asks for keeps the language the reader chose', async () => {
  const page = await open(env.browser, `${env.base}index.html`);
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  const host = '[data-explainer]';
  const set = (name, value) => page.evaluate(([h, n, v]) => document.querySelector(h).setAttribute(n, v), [host, name, value]);
  // (The title's texts keep a number and its word together with a no-break space.)
  const seen = () => shadow(page, host, `return [root.querySelector('.xp-title').textContent.replace(/\\s/g, ' '),
    root.querySelector('[role=tab][aria-selected=true]').id.replace(/^.*-tab-/, ''), host.hasAttribute('data-explainer-ready')]`);
  const title = 'Nvidia and OpenAI: $100 billion promised, $30 billion invested';
  // The pre-rendered French explainer, not hydrated yet, is asked for English: it hydrates and switches.
  await set('data-lang', 'en');
  assert.ok(await until(async () => (await seen())[0] === title), `in English: ${(await seen())[0]}`);
  assert.deepEqual(await seen(), [title, 'diagram', true]);
  await set('data-view', 'timeline');
  assert.ok(await until(async () => (await seen())[1] === 'timeline'), 'the timeline, as the page asked');
  // The reader chooses French; the page then asks for another view: the reader's language stays.
  await shadow(page, host, "root.querySelector('.xp-lang').click()");
  assert.ok(await until(async () => (await seen())[0].startsWith('Nvidia et OpenAI')));
  await set('data-view', 'comparison');
  assert.ok(await until(async () => (await seen())[1] === 'comparison'));
  assert.ok((await seen())[0].startsWith('Nvidia et OpenAI'), 'still in the French the reader chose');
  // The reader goes to the timeline; the article's button sets the comparison again (the
  // attribute says so already): the page asks once more, and the explainer follows.
  await shadow(page, host, "root.querySelector('[role=tab][id$=-tab-timeline]').click()");
  assert.ok(await until(async () => (await seen())[1] === 'timeline'));
  await set('data-view', 'comparison');
  assert.ok(await until(async () => (await seen())[1] === 'comparison'), 'the same view asked again is shown again');
  assert.ok((await seen())[0].startsWith('Nvidia et OpenAI'), 'in the language the reader chose');
  // Likewise the page's language switch pressed again, for the English it set before.
  await set('data-lang', 'en');
  assert.ok(await until(async () => (await seen())[0] === title), 'the same language asked again');
  assert.equal((await seen())[1], 'comparison', 'in the view shown');
  // An unknown value warns once (not at each later change of the page) and falls back.
  await set('data-view', 'map');
  assert.ok(await until(async () => (await seen())[1] === 'diagram'), 'an unknown view falls back to the diagram');
  await page.evaluate(() => { document.body.append(document.createElement('p')); document.documentElement.dataset.x = '1'; });
  await page.waitForTimeout(200);
  assert.deepEqual(page.messages, ['warning: explainer: unknown data-view="map", using diagram']);
  await page.context().close();
});

test('with no data-lang, an explainer speaks the language HTML gives its host (its nearest lang), else French', async () => {
  // A German page: a section in English, one whose language is unknown (`lang=""`), and a
  // host with a `lang` of its own.
  const page = await open(env.browser, `${env.base}hosts/languages.html`);
  await ready(page, 4);
  const langs = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-explainer]')]
    .map((h) => [h.id, h.shadowRoot.querySelector('.xp-root')?.lang])));
  const tab = (id) => shadow(page, `#${id}`, "return root.querySelector('[role=tab]').textContent");
  assert.deepEqual(await langs(), { page: 'fr', section: 'en', unknown: 'fr', own: 'en' });
  assert.equal(await tab('section'), 'Who funds whom', 'the English section\'s explainer reads in English');
  assert.equal(await tab('page'), 'Qui finance qui');
  // The page's sections change language, as a bilingual page's switch does: each follows.
  await page.evaluate(() => {
    document.querySelector('section').lang = 'fr';
    document.documentElement.lang = 'en';
  });
  assert.ok(await until(async () => JSON.stringify(await langs()) === JSON.stringify({ page: 'en', section: 'fr', unknown: 'fr', own: 'en' })),
    JSON.stringify(await langs()));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a story that fills only some views gets only their tabs; the arrows move among them', async () => {
  // The shipped story fills four views; these fill one (override.html #good: no timeline,
  // questions or comparison) and two (wide-figures.html: a diagram and a comparison).
  const page = await open(env.browser, `${env.base}hosts/override.html`);
  await ready(page, 3);
  const tabs = (sel) => shadow(page, sel, "return [...root.querySelectorAll('[role=tab]')].map((t) => t.id.replace(/^.*-tab-/, ''))");
  assert.deepEqual(await tabs('#good'), [], 'one view: no tabs');
  assert.equal(await shadow(page, '#good', "return root.querySelectorAll('[role=tablist], [role=tabpanel], [aria-labelledby*=-tab-]').length"), 0);
  assert.ok(await page.locator('#good [data-key="entity:a"]').isVisible(), 'the diagram shows');
  assert.deepEqual(await tabs('#odd'), ['diagram', 'comparison', 'timeline', 'questions']);
  await page.context().close();
  const two = await open(env.browser, `${env.base}hosts/wide-figures.html`);
  await ready(two, 2);
  const fr = two.locator('#fr');
  assert.deepEqual(await fr.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.id.replace(/^.*-tab-/, ''))), ['diagram', 'comparison']);
  await fr.locator('[role=tab][aria-selected=true]').focus();
  await two.keyboard.press('ArrowRight');
  assert.equal(await fr.locator('[role=tab][aria-selected=true]').getAttribute('id').then((id) => id.replace(/^.*-tab-/, '')), 'diagram', 'from the last tab, the arrow wraps to the first');
  assert.ok(await fr.locator('[data-key="entity:a"]').isVisible());
  // (override.html's odd attributes warn by design: see the override test.)
  assert.deepEqual([...page.messages.filter((m) => !m.includes('explainer: unknown')), ...two.messages], []);
  await two.context().close();
});

test('names of wide letters, ideographs and emoji stay inside their boxes, and read as their names (axe)', async () => {
  // The boxes are sized from estimated widths: 24 W's ran 4 px past each side of theirs.
  // (Without a CJK or emoji font, as here, those glyphs are drawn narrower than they are.)
  // Cut to fit, the 24 W's and the ideographs read with spaces their names do not have:
  // axe's label-content-name-mismatch (WCAG 2.5.3), found by a random reader.
  for (const viewport of [{ width: 320, height: 568 }, { width: 1280, height: 800 }]) {
    const page = await open(env.browser, `${env.base}hosts/wide-names.html`, { viewport });
    await ready(page);
    const over = await shadow(page, '#names', `return [...root.querySelectorAll('.xp-node')].filter((n) => n.getClientRects().length).flatMap((n) => {
      const box = n.querySelector('rect').getBoundingClientRect();
      return [...n.querySelectorAll('text, tspan')].map((t) => t.getBoundingClientRect())
        .filter((t) => t.left < box.left + 1 || t.right > box.right - 1).map((t) => n.dataset.key + ' ' + t.left.toFixed(1) + '–' + t.right.toFixed(1) + ' in ' + box.left + '–' + box.right);
    })`);
    assert.equal(await shadow(page, '#names', "return root.querySelectorAll('.xp-node').length > 0"), true);
    assert.deepEqual(over, [], `${viewport.width} px`);
    assert.deepEqual(await axe(page), [], `${viewport.width} px`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('an event that involves no player opens on the timeline, marked, by a tap or a deep link; one with players opens over the diagram', async () => {
  // Opened over the diagram, the market's fall lit nothing there: a diagram with no answer.
  for (const [viewport, touch] of [[{ width: 375, height: 667 }, true], [{ width: 1280, height: 800 }, false]]) {
    const page = await open(env.browser, `${env.base}hosts/timeline.html`, { viewport, hasTouch: touch, isMobile: touch });
    await ready(page);
    const x = page.locator('#timeline');
    const shown = () => x.locator('[role=tab][aria-selected=true]').getAttribute('id').then((id) => id.replace(/^.*-tab-/, ''));
    const tab = x.locator('[id$="-tab-timeline"]');
    await (touch ? tab.tap() : tab.click());
    const event = x.locator('[data-key="event:market"]');
    await (touch ? event.tap() : event.click());
    assert.ok(await until(async () => (await x.locator('.xp-panel h3').textContent().catch(() => '')) === 'The market falls'));
    assert.equal(await shown(), 'timeline', `${viewport.width}: stays on the timeline`);
    assert.equal(await event.getAttribute('aria-current'), 'true', 'the event chosen is marked');
    await x.locator('.xp-close').click();
    assert.ok(await until(() => event.evaluate((e) => e.getRootNode().activeElement === e)), 'focus goes back to the event');
    assert.equal(await shown(), 'timeline');
    const other = x.locator('[data-key="event:stake"]');
    await (touch ? other.tap() : other.click());
    assert.ok(await until(async () => (await x.locator('.xp-panel h3').textContent().catch(() => '')) === 'The fund invests'));
    assert.equal(await shown(), 'diagram', 'an event with players lights them in the diagram');
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
  // A deep link to it opens the timeline, the event marked, its panel open.
  const page = await open(env.browser, `${env.base}hosts/timeline.html#explainer-timeline=market`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await ready(page);
  const x = page.locator('#timeline');
  assert.ok(await until(async () => (await x.locator('.xp-panel h3').textContent().catch(() => '')) === 'The market falls'), 'the deep link opens its panel');
  assert.equal(await x.locator('[role=tab][aria-selected=true]').getAttribute('id').then((id) => id.replace(/^.*-tab-/, '')), 'timeline');
  assert.equal(await x.locator('[data-key="event:market"]').getAttribute('aria-current'), 'true');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('figures too wide for a phone\'s axis: its labels never overlap, and each stands on the bars\' scale', async () => {
  // "0 … 100 000": five labels that run into each other in a 320 px column, not at 1280.
  for (const [vp, touch, all] of [[{ width: 320, height: 568 }, true, false], [{ width: 1280, height: 800 }, false, true]]) {
    const page = await open(env.browser, `${env.base}hosts/wide-figures.html`, { viewport: vp, hasTouch: touch, isMobile: touch });
    await ready(page, 2);
    for (const [id, top] of [['fr', '100\u202f000'], ['en', '100,000']]) {
      const axis = JSON.parse(await shadow(page, `#${id}`, `
        const track = root.querySelector('.xp-bar .xp-track').getBoundingClientRect();
        const ticks = [...root.querySelectorAll('.xp-tick')].map((t) => { const b = t.getBoundingClientRect(); return [t.textContent, b.left, b.right]; });
        return JSON.stringify({ left: track.left, width: track.width, ticks });`));
      const shown = axis.ticks.map((t, i) => [i, ...t]).filter(([, , l, r]) => r > l);
      const where = `${id} at ${vp.width}: ${shown.map(([, t, l, r]) => `${t} ${l.toFixed(0)}–${r.toFixed(0)}`).join(', ')}`;
      assert.equal(shown[0][1], '0', where);
      assert.equal(shown.at(-1)[1].replace(/\s/g, ''), top.replace(/\s/g, ''), where);
      assert.equal(shown.length, all ? 5 : 3, `${where}: ${all ? 'all five labels in a wide column' : 'the quarters dropped'}`);
      for (let k = 1; k < shown.length; k++) assert.ok(shown[k][2] - shown[k - 1][3] >= 4, `${where}: labels overlap or touch`);
      // The first label starts at zero, the last ends at the top, the others are centred.
      const off = shown.map(([i, , l, r]) => (i === 0 ? l : i === 4 ? r : (l + r) / 2) - (axis.left + (i / 4) * axis.width));
      assert.ok(off.every((d) => Math.abs(d) <= 1), `${where}: labels off the bars' scale by ${off.map((d) => d.toFixed(1))} px`);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

/** A function (as source, for `shadow`) listing the words of `el`'s shown text that break
 * across lines. Given a `measure` (px), only the unbreakable runs of text (no-break spaces
 * join, as in "22 septembre", "« probablement »") that would fit on a line that wide: a
 * longer one must break, and a browser with its dictionaries hyphenates it. */
const BROKEN = `((el, measure = 0) => {
  const broken = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('svg') || !n.parentElement.checkVisibility()) continue;
    // A word, or the part of one up to a hyphen or an en dash ("AMD–OpenAI"), where a
    // line may break.
    const re = measure ? /[^ \\t\\n\\r\\-–]+[-–]?/g : /[^\\s\\-–]+[-–]?/g;
    for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const rects = [...range.getClientRects()];
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (new Set(rects.map((x) => Math.round(x.top))).size > 1 && (!measure || width <= measure)) broken.push(m[0]);
    }
  }
  return broken;
})`;

test('in a sidebar column narrower than a phone\'s, no word breaks, nothing overflows, every target is 44 px (the diagram\'s from a 160 px column) and a tap opens its panel', async () => {
  // At 240 px the two columns of tabs broke "Chronolog-ie"; at 200 px a comparison fact
  // broke inside its words too. At 160 px (the diagram) the title broke "100 milliards",
  // which stays on one line, and the legend broke "investisse-ment" beside its sample; the
  // timeline broke 69 words there (its rail, padding and chevron left 88 px for text), and
  // the comparison the year of "March 31, 2026".
  const page = await open(env.browser, `${env.base}hosts/sidebar.html`, { viewport: { width: 1280, height: 800 } });
  await ready(page, 6);
  for (const id of ['w240', 'w200', 'w196', 'w160', 'w160t', 'w160c']) {
    const r = JSON.parse(await shadow(page, `#${id}`, `
      const broken = ${BROKEN}(root);
      const edge = host.getBoundingClientRect();
      const out = [...root.querySelectorAll('*')].filter((e) => { const b = e.getBoundingClientRect(); return b.width && (b.left < edge.left - 0.5 || b.right > edge.right + 0.5); })
        .map((e) => e.className.baseVal ?? e.className);
      // The diagram's controls too, which got a drawing at scale 1 from a 208 px column
      // only: w196's 184 px column scaled it to 38.9 px targets, w160's 148 px to 31. The
      // narrowest drawing is 160 px wide, and a column under that takes the root's padding.
      const small = [...root.querySelectorAll('button, a, summary, [role=tab], [role=button]')].filter((e) => e.getClientRects().length)
        .filter((e) => { const b = e.getBoundingClientRect(); return b.width < 43.5 || b.height < 43.5; })
        .map((e) => (e.getAttribute('aria-label') ?? e.textContent).slice(0, 20));
      // A control whose words run past its own edges ("Read in Englis|h" at 160 px).
      const cut = [...root.querySelectorAll('button, a, summary, [role=tab]')].filter((e) => e.getClientRects().length)
        .filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent.slice(0, 20));
      return JSON.stringify({ broken, out, small, cut });`));
    assert.deepEqual(r.broken, [], `${id}: words broken across lines`);
    assert.deepEqual(r.out, [], `${id}: elements past the explainer's edges`);
    assert.deepEqual(r.small, [], `${id}: targets under 44 px`);
    assert.deepEqual(r.cut, [], `${id}: controls whose text runs past them`);
  }
  await page.locator('#w240 [data-key="entity:openai"]').click();
  await until(async () => (await page.locator('#w240 .xp-panel h3').textContent().catch(() => '')) === 'OpenAI');
  const [panel, host] = [await page.locator('#w240 .xp-panel').boundingBox(), await page.locator('#w240').boundingBox()];
  assert.ok(panel.x >= host.x && panel.x + panel.width <= host.x + host.width + 0.5, 'the panel within the column');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('in a sidebar column narrower than a phone\'s, every item\'s panel keeps its words whole and its title on the screen', async () => {
  // At 160 px the panel's title had 68 px beside its close button: the timeline's letter of
  // intent broke "d'inte-ntion" and "Nvidi-a", and its title ran 295 px tall, below the screen.
  // A word that fits on a line of the panel must not break; one longer than that may.
  const page = await open(env.browser, `${env.base}hosts/sidebar.html`, { viewport: { width: 1280, height: 800 } });
  await ready(page, 6);
  const wrong = [];
  // The diagram, the timeline and the comparison at 160 px; the diagram in English at 184.
  for (const id of ['w160', 'w160t', 'w160c', 'w196']) {
    const keys = await shadow(page, `#${id}`, `return [...root.querySelectorAll('.xp-views [data-key]')]
      .filter((c) => c.checkVisibility()).map((c) => c.getAttribute('data-key'))`);
    assert.ok(keys.length >= 6, `${id}: ${keys.length} items`);
    const view = await shadow(page, `#${id}`, "return root.querySelector('[role=tab][aria-selected=true]').id");
    for (const key of keys) {
      // (An event chosen opens over the diagram, where its players are: back to its view.)
      if (!await shadow(page, `#${id}`, `return root.getElementById('${view}').getAttribute('aria-selected') === 'true'`)) {
        await page.locator(`#${id} [id="${view}"]`).click();
      }
      await page.locator(`#${id} .xp-views [data-key="${key}"]`).filter({ visible: true }).first().click();
      // Its panel (closed before), whole: its lists come a frame after its head.
      const seen = "const p = root.querySelector('.xp-panel:not([data-partial])');";
      assert.ok(await until(() => shadow(page, `#${id}`, `${seen} return !!p?.querySelector('.xp-sources');`)), `${id}: ${key} opens its panel`);
      const r = await shadow(page, `#${id}`, `${seen}
        const t = p.querySelector('h3').getBoundingClientRect();
        const style = getComputedStyle(p);
        const measure = p.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { broken: ${BROKEN}(p, measure), title: t.top >= 0 && t.bottom <= innerHeight };`);
      if (r.broken.length) wrong.push(`${id} ${key}: ${r.broken.join(', ')} broken`);
      if (!r.title) wrong.push(`${id} ${key}: title off the screen`);
      await page.keyboard.press('Escape');
      assert.ok(await until(() => shadow(page, `#${id}`, "return !root.querySelector('.xp-panel')")), `${id}: Escape closes ${key}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});
