// Pages that lay their text out their own way: written vertically, right to left, in quirks
// mode and a layout table, in columns, around hosts they do not size, under fixed bars. The
// explainer reads left to right, fits its column, stays whole and answers a tap.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, shadow } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('on a page written vertically, the explainer is laid out horizontally, as wide as the screen at most, and works', async () => {
  // Vertical writing is inherited: the host ran 1,218 px sideways, its labels set top to
  // bottom.
  const page = await open(env.browser, `${env.base}hosts/vertical.html`, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await ready(page, 1);
  const box = await shadow(page, '[data-explainer]', `
    const t = root.querySelector('.xp-title').getBoundingClientRect();
    return [host.getBoundingClientRect().width, document.documentElement.clientWidth, t.width > t.height, getComputedStyle(root.querySelector('.xp-title')).writingMode];`);
  assert.deepEqual(box, [375, 375, true, 'horizontal-tb']);
  await page.locator('[data-key="entity:openai"]').tap();
  assert.ok(await until(() => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent === 'OpenAI'")));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

for (const [w, h] of [[375, 667], [1280, 800]]) test(`${w}x${h}: a host the page does not size (flex or grid item, centred column, float, positioned) takes the room it has and works`, async () => {
  // Inline-size containment gives the widget no width of its own: unsized, it collapsed.
  const page = await open(env.browser, `${env.base}hosts/unsized.html`, { viewport: { width: w, height: h } });
  const ids = ['flex-item', 'centred', 'grid-item', 'floated', 'positioned'];
  for (const id of ids) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    // Drawn (live, by the code): before, the host is the page's empty element (CI once
    // measured the first one at 0 px, its code not yet run).
    await page.locator(`#${id}[data-explainer-ready]`).waitFor();
    // The room the page leaves it: its container's width less the aside beside it.
    const { host, room } = await page.evaluate((id) => {
      const el = document.getElementById(id);
      const box = el.parentElement.getBoundingClientRect();
      const aside = el.parentElement.querySelector('aside');
      return { host: el.getBoundingClientRect().width, room: box.width - (aside ? aside.getBoundingClientRect().width + 8 : 0) };
    }, id);
    // All of it, as a block would have (up to the 1290 px it claims where sized by content).
    assert.ok(Math.abs(host - Math.min(room, 1290)) < 8, `${id}: ${host} px wide in ${room} px of room`);
    await page.locator(`#${id} [data-key="entity:openai"]`).filter({ visible: true }).click();
    assert.ok(await until(() => shadow(page, `#${id}`, "return root.querySelector('.xp-panel h3')?.textContent === 'OpenAI'")), `${id}: the panel opens`);
    await shadow(page, `#${id}`, "root.querySelector('.xp-close').click()");
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, 'no horizontal scroll');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('under a page\'s fixed header and bottom bar, given as offsets, the panel and focused controls stay clear of both', async () => {
  const bars = (page) => page.evaluate(() => [document.querySelector('.site-header').getBoundingClientRect().bottom, document.querySelector('.site-bar').getBoundingClientRect().top]);
  const panel = (page) => shadow(page, '[data-explainer]', "const b = root.querySelector('.xp-panel').getBoundingClientRect(); return [b.top, b.bottom]");
  // Desktop: the side panel sticks below the header once the page scrolls past it.
  const desk = await open(env.browser, `${env.base}hosts/fixed-bars.html`, { viewport: { width: 1280, height: 800 } });
  await ready(desk);
  await desk.locator('[data-key="entity:nvidia"]').filter({ visible: true }).click();
  assert.ok(await until(() => shadow(desk, '[data-explainer]', "return !!root.querySelector('.xp-panel h3')")));
  await desk.evaluate(() => scrollBy(0, 400));
  const [header] = await bars(desk);
  const [top] = await panel(desk);
  assert.ok(top >= header, `the panel's top (${top}) is below the header (${header})`);
  await desk.context().close();
  // Phone: the sheet sits on the bottom bar, and keyboard focus lands between the two.
  const phone = await open(env.browser, `${env.base}hosts/fixed-bars.html`, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await ready(phone);
  await shadow(phone, '[data-explainer]', "root.querySelector('.xp-svg').scrollIntoView()");
  await phone.evaluate(() => scrollBy(0, -100));
  await phone.locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
  assert.ok(await until(() => shadow(phone, '[data-explainer]', "return !!root.querySelector('.xp-panel h3')")));
  const [head, bar] = await bars(phone);
  const [sheetTop, sheetBottom] = await panel(phone);
  assert.ok(sheetBottom <= bar + 0.5, `the sheet's bottom (${sheetBottom}) is above the bar (${bar})`);
  // The heading takes focus after the panel's first paint; the arrows start from the node.
  assert.ok(await until(() => shadow(phone, '[data-explainer]', "return root.activeElement?.tagName === 'H3'")));
  await phone.locator('[data-key="entity:nvidia"]').filter({ visible: true }).focus();
  for (let i = 0; i < 8; i++) {
    await phone.keyboard.press('ArrowDown');
    const spot = await shadow(phone, '[data-explainer]', "const b = root.activeElement.getBoundingClientRect(); return [root.activeElement.getAttribute('data-key'), b.top, b.bottom]");
    assert.ok(spot[0], 'a control has focus');
    // A box taller than the room left (one grown for its many links) starts below the
    // header, its name (at its middle) above the sheet.
    const whole = spot[2] - spot[1] <= sheetTop - head;
    assert.ok(spot[1] >= head - 0.5 && (whole ? spot[2] <= sheetTop + 0.5 : (spot[1] + spot[2]) / 2 <= sheetTop), `${spot[0]} focused at ${spot[1]}–${spot[2]}, between ${head} and ${sheetTop}`);
  }
  assert.deepEqual(phone.messages, []);
  await phone.context().close();
});

/** Taps (`touch`) or clicks OpenAI in the explainer at `host` (a selector) on a page `h` px
 * tall, and asserts its panel opens inside the explainer, on screen. */
async function opensOnScreen(page, host, h, touch, label) {
  const node = page.locator(`${host} [data-key="entity:openai"]:visible`).first();
  await node.scrollIntoViewIfNeeded();
  await (touch ? node.tap() : node.click());
  assert.ok(await until(async () => (await page.locator(`${host} .xp-panel h3`).textContent().catch(() => '')) === 'OpenAI'), `${label}: the panel opens`);
  const [panel, box] = [await page.locator(`${host} .xp-panel`).boundingBox(), await page.locator(host).boundingBox()];
  assert.ok(panel.x >= box.x - 0.5 && panel.x + panel.width <= box.x + box.width + 0.5, `${label}: the panel within the explainer`);
  assert.ok(panel.y >= 0 && panel.y < h - 100, `${label}: the panel on screen (top at ${panel.y})`);
}

for (const [name, what] of [['rtl', 'a right-to-left article'], ['quirks', 'a page in quirks mode, in a layout table']]) {
  test(`on ${what}: the explainer reads left to right, fits its column, and a tap opens its panel on screen`, async () => {
    for (const [w, h] of [[375, 667], [1280, 800]]) {
      const page = await open(env.browser, `${env.base}hosts/${name}.html`, { viewport: { width: w, height: h }, hasTouch: w < 500 });
      await ready(page, 2);
      assert.equal(await page.evaluate(() => document.compatMode), name === 'quirks' ? 'BackCompat' : 'CSS1Compat');
      for (const host of ['#empty', '[data-explainer]:not(#empty)']) {
        const r = JSON.parse(await shadow(page, host, `
          const box = host.getBoundingClientRect(), title = root.querySelector('.xp-title').getBoundingClientRect();
          const range = document.createRange(); range.selectNodeContents(root.querySelector('.xp-dek'));
          const out = [...root.querySelectorAll('*')].filter((e) => { const b = e.getBoundingClientRect(); return b.width && (b.left < box.left - 0.5 || b.right > box.right + 0.5); })
            .map((e) => e.className.baseVal ?? e.className);
          const cell = document.getElementById('cell')?.getBoundingClientRect();
          return JSON.stringify({ dir: getComputedStyle(root.querySelector('.xp-root')).direction, title: title.left - box.left,
            dek: range.getClientRects()[0].left - box.left, out, width: box.width, cell: cell?.width,
            tabs: [...root.querySelectorAll('[role=tab]')].map((t) => Math.round(t.getBoundingClientRect().left)),
            scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth });`));
        // The story is French or English: it reads left to right whatever the page's direction.
        assert.equal(r.dir, 'ltr', `${name} ${w} ${host}`);
        assert.ok(r.tabs.length === 4 && r.tabs[0] < r.tabs[1], `${name} ${w} ${host}: tabs in reading order, left to right (${r.tabs})`);
        assert.ok(r.title < 20 && r.dek < 20, `${name} ${w} ${host}: text starts ${r.title} and ${r.dek} px from the left edge`);
        assert.deepEqual(r.out, [], `${name} ${w} ${host}: elements past the explainer's edges`);
        assert.equal(r.scroll, 0, `${name} ${w}: horizontal scroll`);
        if (r.cell !== undefined && host === '#empty') assert.ok(Math.abs(r.width - r.cell) < 1, `the host spans its table cell (${r.width} of ${r.cell})`);
      }
      await opensOnScreen(page, '#empty', h, w < 500, `${name} ${w}`);
      assert.deepEqual(page.messages, []);
      await page.context().close();
    }
  });
}

test('in an article set in columns, each explainer (pre-rendered or not) stays whole in one column, and a tap opens its panel there', async () => {
  for (const [w, h, columns] of [[1280, 800, 2], [375, 667, 1]]) {
    const page = await open(env.browser, `${env.base}hosts/columns.html`, { viewport: { width: w, height: h }, hasTouch: w < 500, isMobile: w < 500 });
    await ready(page, 2);
    for (const host of ['[data-explainer]:not(#live)', '#live']) {
      // A block split by a column break has one box per column it runs through.
      const r = JSON.parse(await shadow(page, host, `
        const article = host.closest('article').getBoundingClientRect();
        return JSON.stringify({ pieces: host.getClientRects().length, width: host.getBoundingClientRect().width,
          column: (article.width - 32 * ${columns - 1}) / ${columns} });`));
      assert.equal(r.pieces, 1, `${w} ${host}: in one piece, not split across columns`);
      assert.ok(r.width <= r.column + 0.5, `${w} ${host}: ${r.width} px wide in a ${r.column} px column`);
      await opensOnScreen(page, host, h, w < 500, `${w} ${host}`);
      await page.keyboard.press('Escape');
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${w}: horizontal scroll`);
    // What the README offers a page that wants it across the columns.
    if (columns > 1) {
      await page.addStyleTag({ content: 'article > [data-explainer] { column-span: all; }' });
      const spans = await page.evaluate(() => [...document.querySelectorAll('[data-explainer]')].map((e) =>
        [e.getClientRects().length, Math.round(e.getBoundingClientRect().width), Math.round(e.closest('article').getBoundingClientRect().width)]));
      assert.deepEqual(spans.map(([n, a, b]) => n === 1 && a === b), [true, true], `spanning the columns: ${JSON.stringify(spans)}`);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});
