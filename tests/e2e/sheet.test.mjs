// The phone's bottom sheet: where it stops (below the control tapped, below the players an
// event lights, at the screen's bottom or a bottom bar), from its first frame and as the page
// scrolls, held sideways, in transformed wrappers, app shells and modal dialogs, on pages
// that scroll smoothly.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, until, axe } from './lib.mjs';
import { PHONE, mounted, tapOpen, under, laidOut } from './place.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** The article's timeline, with its last event (far down) in view: the event to tap. */
async function lastEvent(page) {
  await page.goto(`${env.base}index.html`);
  await mounted(page);
  const x = page.locator('[data-explainer]').first();
  await x.locator('[id$="-tab-timeline"]').tap();
  const event = x.locator('.xp-event-btn').last();
  await event.scrollIntoViewIfNeeded();
  return event;
}

/** Serves every page with `html { scroll-behavior: smooth }`, as many news sites set it. */
const smoothly = async (page) => page.route(/\.html(\?|#|$)/, async (route) => {
  const response = await route.fetch();
  const body = (await response.text()).replace('</head>', '<style>html { scroll-behavior: smooth }</style></head>');
  await route.fulfill({ response, body });
});

test('on a page that scrolls smoothly, a link, a deep link and a timeline event open the sheet stuck to the screen\'s bottom', async () => {
  // Many news sites set `scroll-behavior: smooth`. Measured mid-scroll, the sheet looked as
  // if it could not stick and was placed by its control: out of the flow, it was left
  // behind as the reader scrolled on.
  const sheet = (page) => page.evaluate(() => {
    const root = document.querySelector('[data-explainer]').shadowRoot;
    const panel = root.querySelector('.xp-panel');
    return { anchored: root.querySelector('.xp-body').hasAttribute('data-anchored'), position: panel && getComputedStyle(panel).position,
      bottom: panel && Math.round(panel.getBoundingClientRect().bottom), smooth: getComputedStyle(document.documentElement).scrollBehavior };
  });
  const stuck = { anchored: false, position: 'sticky', bottom: 667, smooth: 'smooth' };
  // Stuck, and still at the screen's bottom once the reader scrolls on within the diagram.
  const stays = async (page, what) => {
    await page.waitForTimeout(1200);
    assert.deepEqual(await sheet(page), stuck, what);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(500);
    assert.equal((await sheet(page)).bottom, 667, `${what}: the sheet follows the reader`);
  };
  const page = await open(env.browser, null, PHONE);
  await smoothly(page);
  await page.goto(`${env.base}hosts/far-link.html`);
  await page.locator('#to-ms').tap();
  assert.ok(await until(async () => (await sheet(page)).bottom === 667), 'the link opens the sheet');
  await stays(page, 'a link in the text');
  await page.goto(`${env.base}hosts/far-link.html#explainer=nvidia`);
  assert.ok(await until(async () => (await sheet(page)).bottom === 667), 'the deep link opens the sheet');
  await stays(page, 'a deep link');
  const event = await lastEvent(page);
  await event.tap();
  assert.ok(await until(async () => (await sheet(page)).bottom === 667), `the event opens the sheet over the diagram: ${JSON.stringify(await sheet(page))}`);
  await stays(page, 'a timeline event');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a reader who asked for less motion: on a page that scrolls smoothly, the explainer\'s own scrolls jump', async () => {
  for (const motion of ['no-preference', 'reduce']) {
    const page = await open(env.browser, null, { ...PHONE, reducedMotion: motion });
    await smoothly(page);
    const event = await lastEvent(page);
    // Every scroll position the page passes through after the tap, frame by frame: the
    // event opens over the diagram, whose part it lights is brought into view.
    await page.evaluate(() => { window.ys = []; const f = () => { window.ys.push(Math.round(scrollY)); requestAnimationFrame(f); }; f(); });
    await event.tap();
    await page.waitForTimeout(1200);
    const ys = await page.evaluate(() => window.ys.filter((y, i, a) => i === 0 || y !== a[i - 1]));
    // A smooth scroll passes through dozens of positions; jumps (the view changing under the
    // reader, then the item brought into view) through a few.
    if (motion === 'reduce') assert.ok(ys.length >= 2 && ys.length <= 4, `jumps only: ${ys.join(' → ')}`);
    else assert.ok(ys.length >= 8, `a smooth scroll: ${ys.join(' → ')}`);
    // Either way the sheet then sticks to the screen's bottom. (With the smooth scroll, it
    // was placed by its control one time in two: the end of the scroll was foretold from
    // where the control stood, and the view's change moved it meanwhile.)
    assert.deepEqual(await page.evaluate(() => { const p = document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-panel');
      return [getComputedStyle(p).position, Math.round(p.getBoundingClientRect().bottom)]; }), ['sticky', 667], motion);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

/** Where a bottom sheet's top belongs on a `screen` px tall phone (fitted to the screen, or
 * to the scrolling element from `portTop` to `portBottom`; its content taller): 10 px below
 * the views' top, and 8 px below the control chosen (whose bottom is at `chosen`) while that
 * leaves the sheet 240 px, or 40 % of the area if less; never above 70 % of the screen. */
const sheetTop = ({ screen, views, chosen, portTop = 0, portBottom = screen }) =>
  portBottom - Math.min(0.7 * screen, portBottom - Math.max(views, portTop, 0) - 10,
    Math.max(portBottom - chosen - 8, Math.min(240, 0.4 * (portBottom - portTop))));
/** Whether sheet `f` is where it belongs: there, or lower where its content is shorter. */
const fitted = (f) => f.top >= sheetTop(f) - 2 && (f.top <= sheetTop(f) + 2 || f.whole);
/** In the page: the sheet of the explainer host `h` and the control of `key`, as [`sheetTop`]
 * reads them. */
function sheetAt(h, key) {
  const r = h.shadowRoot, p = r.querySelector('.xp-panel');
  const c = [...r.querySelectorAll(`.xp-svg [data-key="${key}"]`)].find((e) => e.getClientRects().length);
  return p && { top: p.getBoundingClientRect().top, whole: p.scrollHeight <= p.clientHeight + 1, chosen: c.getBoundingClientRect().bottom,
    views: r.querySelector('.xp-body').getBoundingClientRect().top, screen: innerHeight };
}

/** Opens the article on `device` with the views' top at the screen's top, and picks, for
 * each fraction of the screen's height, the diagram control whose bottom is nearest it. */
async function controlsAt(device, fractions) {
  const page = await open(env.browser, `${env.base}index.html`, device);
  await mounted(page);
  const x = page.locator('[data-explainer]').first();
  await page.evaluate(() => {
    const body = document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-body');
    window.scrollTo(0, scrollY + body.getBoundingClientRect().top);
  });
  await page.waitForTimeout(200);
  const picks = await x.evaluate((h, fractions) => {
    const all = [...h.shadowRoot.querySelectorAll('.xp-svg [data-key]')].map((e) => [e.dataset.key, e.getBoundingClientRect()])
      .filter(([, b]) => b.height > 0 && b.top > 0 && b.bottom < innerHeight);
    return fractions.map((f) => all.reduce((a, c) => (Math.abs(c[1].bottom - f * innerHeight) < Math.abs(a[1].bottom - f * innerHeight) ? c : a)))
      .map(([key, b]) => ({ key, x: b.x + b.width / 2, y: b.y + b.height / 2 }));
  }, fractions);
  return { page, x, picks };
}

test('phone: the sheet a tap opens stops below the control tapped, from its first frame, and as the page scrolls', async () => {
  // It rose to 70 % of the screen whatever was tapped: the player or relationship the reader
  // chose, and what it lit around it, went under the sheet (a tap never scrolls the page).
  // Controls of either kind, from high to low on the screen: the last ones lower than a
  // 240 px sheet leaves in sight.
  const { page, x, picks } = await controlsAt(PHONE, [0.15, 0.35, 0.5, 0.65, 0.85]);
  assert.ok(picks.some((c) => c.key.startsWith('relationship:')) && picks.some((c) => c.key.startsWith('entity:')), JSON.stringify(picks));
  // Then again on a slow phone's CPU, where Yew may paint a frame before its effects (a
  // sheet fitted only after its first whole frame covered the control for two to three).
  const cdp = await page.context().newCDPSession(page);
  for (const [c, slow] of [...picks.map((c) => [c, false]), ...picks.slice(0, 3).map((c) => [c, true])]) {
    if (slow) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // Every frame from the tap on: the sheet's top, the control's bottom, the views' top.
    await x.evaluate((h, [key, at]) => {
      const sheet = new Function(`return ${at}`)();
      window.seen = [];
      const tick = () => {
        const f = sheet(h, key);
        if (f) window.seen.push(f);
        if (window.seen.length < 8) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, [c.key, sheetAt.toString()]);
    await page.touchscreen.tap(c.x, c.y);
    assert.ok(await until(() => page.evaluate(() => window.seen.length === 8)), `${c.key}: the panel shows`);
    for (const [i, f] of (await page.evaluate(() => window.seen)).entries()) {
      assert.ok(fitted(f), `${c.key}${slow ? ' (slow)' : ''}, frame ${i + 1} with the sheet: its top at ${Math.round(f.top)}, the control's bottom at ${Math.round(f.chosen)}; expected ${Math.round(sheetTop(f))}`);
      if (f.chosen <= f.screen - 248) assert.ok(f.top >= f.chosen, `${c.key}${slow ? ' (slow)' : ''}: the sheet covers the control in frame ${i + 1}`);
    }
    await x.locator('.xp-close').tap();
    await x.locator('.xp-panel').waitFor({ state: 'detached' });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // An item chosen in the panel (a link to one of its relationships): the reader is reading
  // there, so the sheet keeps its height, wherever that relationship's control is (it
  // moved to clear it, down to 240 px, under the reader's finger).
  const player = picks.find((c) => c.key.startsWith('entity:'));
  await page.touchscreen.tap(player.x, player.y);
  await x.locator('.xp-panel:not([data-partial])').waitFor();
  await page.waitForTimeout(150);
  const before = await x.evaluate(sheetAt, player.key);
  // Each link in turn, until one whose item's control would have the sheet elsewhere.
  const far = [];
  const n = await x.locator('.xp-panel .xp-link').count();
  assert.ok(n > 0, `${player.key}'s panel has links`);
  for (let i = 0; i < n && !far.length; i++) {
    await x.evaluate((h) => {
      const r = h.shadowRoot;
      window.seen = [];
      const tick = () => {
        const p = r.querySelector('.xp-panel');
        if (p) window.seen.push({ top: p.getBoundingClientRect().top, whole: p.scrollHeight <= p.clientHeight + 1, title: p.querySelector('h3').textContent });
        if (window.seen.length < 8) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await x.locator('.xp-panel .xp-link').nth(i).tap();
    assert.ok(await until(() => page.evaluate(() => window.seen.length === 8)));
    const key = await x.evaluate((h) => h.shadowRoot.querySelector('.xp-svg [aria-current]')?.dataset.key);
    const moved = key && await x.evaluate(sheetAt, key);
    for (const f of await page.evaluate(() => window.seen)) {
      assert.ok(Math.abs(f.top - before.top) <= 2 || (f.top > before.top && f.whole), `a link in ${player.key}'s panel to ${key}: the sheet moved from ${Math.round(before.top)} to ${Math.round(f.top)} (${f.title})`);
    }
    // Counted once the reader would have seen a move: that item's control puts the sheet
    // elsewhere.
    if (moved && Math.abs(sheetTop(moved) - before.top) > 20) far.push(key);
    await x.locator('.xp-close').tap();
    await x.locator('.xp-panel').waitFor({ state: 'detached' });
    await page.touchscreen.tap(player.x, player.y);
    await x.locator('.xp-panel:not([data-partial])').waitFor();
    await page.waitForTimeout(150);
  }
  assert.ok(far.length, `no link of ${player.key}'s panel leads to an item whose control would move the sheet`);
  await x.locator('.xp-close').tap();
  await x.locator('.xp-panel').waitFor({ state: 'detached' });
  // Open on the second, the reader scrolls: down the page, the sheet grows under the control,
  // to 70 % of the screen; back up, it shrinks above the control, then covers it at 240 px,
  // then ends with the views' top.
  await page.touchscreen.tap(picks[1].x, picks[1].y);
  await x.locator('.xp-panel:not([data-partial])').waitFor();
  for (const by of [150, -150, -150, -300, 400]) {
    const to = await page.evaluate((by) => scrollY + by, by);
    await page.mouse.wheel(0, by);
    assert.ok(await until(() => page.evaluate((to) => Math.abs(scrollY - to) < 1, to)), `the page scrolled by ${by}`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const f = await x.evaluate(sheetAt, picks[1].key);
    assert.ok(fitted(f), `scrolled by ${by}: the sheet's top at ${Math.round(f.top)}, the control's bottom at ${Math.round(f.chosen)}; expected ${Math.round(sheetTop(f))}`);
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('an event chosen on the timeline shows the players it lights: above a phone\'s sheet, which stops below them, and beside a side panel', async () => {
  // The event opens over the diagram: its first player went just above a sheet of 70 % of
  // the screen, and the others under it (Microsoft's first investment: OpenAI above the
  // sheet, Microsoft under it); on a desktop, Microsoft showed and OpenAI was below the
  // screen.
  const DESKTOP = { viewport: { width: 1280, height: 800 } };
  for (const [host, header, device] of [['index.html', 0, PHONE], ['hosts/fixed-bars.html', 56, PHONE], ['index.html', 0, DESKTOP]]) {
    const phone = device === PHONE;
    const page = await open(env.browser, `${env.base}${host}`, device);
    await mounted(page);
    const x = page.locator('[data-explainer]').first();
    const choose = (l) => (phone ? l.tap() : l.click());
    await choose(x.locator('[id$="-tab-timeline"]'));
    // The view is built when first shown.
    await x.locator('.xp-event-btn').first().waitFor();
    const n = await x.locator('.xp-event-btn').count();
    const kinds = new Set();
    for (let i = 0; i < n; i++) {
      const event = x.locator('.xp-event-btn').nth(i);
      await event.scrollIntoViewIfNeeded();
      const key = await event.getAttribute('data-key');
      await choose(event);
      await x.locator('.xp-panel:not([data-partial])').waitFor();
      await page.waitForTimeout(300);
      const f = await x.evaluate((h) => {
        const r = h.shadowRoot, p = r.querySelector('.xp-panel');
        const lit = [...r.querySelectorAll('.xp-views .lit[data-key]')].map((e) => e.getBoundingClientRect()).filter((b) => b.height > 0);
        return lit.length > 0 && { top: p.getBoundingClientRect().top, whole: p.scrollHeight <= p.clientHeight + 1, screen: innerHeight,
          views: r.querySelector('.xp-body').getBoundingClientRect().top, bar: parseFloat(getComputedStyle(p).bottom) || 0,
          first: Math.min(...lit.map((b) => b.top)), chosen: Math.max(...lit.map((b) => b.bottom)) };
      });
      if (f) {
        const portBottom = f.screen - f.bar;
        // Room for them all, clear of the header: above a sheet of 240 px, or on the screen.
        const fits = f.chosen - f.first <= portBottom - (phone ? 248 : 8) - (header + 8);
        kinds.add(fits);
        const where = `${host} ${key}: players lit from ${Math.round(f.first)} to ${Math.round(f.chosen)}, the panel's top at ${Math.round(f.top)}`;
        assert.ok(f.first >= header + 8 - 2, `${where}: the first player is not on screen below the header`);
        if (phone) {
          const g = { ...f, portBottom };
          assert.ok(fitted(g), `${where}; expected ${Math.round(sheetTop(g))}`);
          if (fits) assert.ok(f.chosen <= f.top - 8 + 2, `${where}: the sheet covers a player it lights`);
        } else if (fits) {
          assert.ok(f.chosen <= f.screen - 8 + 2, `${where}: a player it lights is below the screen`);
        }
      }
      await choose(x.locator('.xp-close'));
      await x.locator('.xp-event-btn').first().waitFor();
    }
    // Both kinds on a phone; on a desktop every event of the story fits the screen.
    assert.deepEqual([...kinds].sort(), phone ? [false, true] : [true], `${host}: events whose players fit, and events whose players do not`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('phone held sideways: the sheet a tap opens stops below the control tapped while that leaves it 40 % of the screen', async () => {
  // 375 px tall, a sheet kept to 240 px covered every control tapped below the top third.
  const sideways = { viewport: { width: 667, height: 375 }, hasTouch: true, isMobile: true };
  const { page, x, picks } = await controlsAt(sideways, [0.3, 0.45, 0.55, 0.8]);
  let cleared = 0;
  for (const c of picks) {
    await tapOpen(page, x, c);
    const f = await x.evaluate(sheetAt, c.key);
    assert.ok(fitted(f), `${c.key}: the sheet's top at ${Math.round(f.top)}, the control's bottom at ${Math.round(f.chosen)}; expected ${Math.round(sheetTop(f))}`);
    // Room for 40 % of the screen below it: the control shows above the sheet.
    if (f.chosen <= f.screen - 8 - 0.4 * f.screen) {
      assert.ok(f.top >= f.chosen + 6, `${c.key}: the sheet covers the control (its bottom at ${Math.round(f.chosen)}, the sheet's top at ${Math.round(f.top)})`);
      if (f.chosen > f.screen - 8 - 240) cleared++;
    }
    await x.locator('.xp-close').tap();
    await x.locator('.xp-panel').waitFor({ state: 'detached' });
  }
  assert.ok(cleared > 0, `no control tapped where a 240 px sheet would cover it: ${JSON.stringify(picks)}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone: a sheet opened with the views low on the screen ends at the screen\'s bottom, all its content within reach', async () => {
  // The sheet sticks to the screen's bottom but rises no higher than the views' top: tapped
  // just after scrolling to the explainer, its end was below the screen (63 px for Nvidia).
  const page = await open(env.browser, `${env.base}index.html`, PHONE);
  await mounted(page);
  const x = page.locator('[data-explainer]').first();
  const panel = x.locator('.xp-panel');
  // Taps the first control on screen with the views' top at `at` px down the screen; the
  // panel's box, the views' top and the scroll, once the panel is whole.
  const open1 = async (at) => {
    await page.evaluate((at) => {
      const body = document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-body');
      window.scrollTo(0, scrollY + body.getBoundingClientRect().top - at);
    }, at);
    await page.waitForTimeout(200);
    const c = await x.evaluate((h) => {
      const [key, n] = [...h.shadowRoot.querySelectorAll('.xp-svg [data-key]')].map((e) => [e.dataset.key, e.getBoundingClientRect()])
        .find(([, b]) => b.height > 0 && b.top > 0 && b.bottom < innerHeight);
      return { key, x: n.x + n.width / 2, y: n.y + n.height / 2 };
    });
    const scrolled = await page.evaluate(() => scrollY);
    await page.touchscreen.tap(c.x, c.y);
    await panel.and(x.locator('.xp-panel:not([data-partial])')).waitFor();
    await page.waitForTimeout(150);
    tapped = c.key;
    const f = await x.evaluate(sheetAt, c.key);
    return x.evaluate((h, [f, scrolled]) => {
      const p = h.shadowRoot.querySelector('.xp-panel');
      const r = p.getBoundingClientRect();
      // Scrolled to its end inside: where its last line is.
      p.scrollTop = p.scrollHeight;
      const last = p.lastElementChild.getBoundingClientRect().bottom;
      return { ...f, bottom: r.bottom, height: r.height, last, moved: scrollY - scrolled };
    }, [f, scrolled]);
  };
  let tapped;
  for (const at of [250, 330]) {
    const p = await open1(at);
    assert.equal(p.moved, 0, `views at ${at}: the tap scrolled the page`);
    // The first control on screen is near the views' top: the sheet rises to just below it.
    assert.ok(p.top >= p.views && fitted(p), `views at ${at}: the sheet's top at ${Math.round(p.top)}, not ${Math.round(sheetTop(p))} (${JSON.stringify(p)})`);
    assert.ok(p.bottom <= p.screen + 1, `views at ${at}: the sheet ends ${Math.round(p.bottom - p.screen)} px below the screen`);
    assert.ok(p.last <= p.screen + 1, `views at ${at}: the end of its content is ${Math.round(p.last - p.screen)} px below the screen`);
    await x.locator('.xp-close').tap();
    await panel.waitFor({ state: 'detached' });
  }
  // The sheet open, the reader scrolls: down, it grows with the views' top; back up, it
  // shrinks rather than being pushed below the screen. (Fitted only at the tap, it kept its
  // height: scrolled up 100 px, it ended 100 px below the screen.)
  await open1(330);
  for (const by of [100, -250, 180]) {
    const to = await page.evaluate((by) => scrollY + by, by);
    await page.mouse.wheel(0, by);
    // Once the scroll has ended, and two frames later.
    assert.ok(await until(() => page.evaluate((to) => Math.abs(scrollY - to) < 1, to)), `the page scrolled by ${by}`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const f = await x.evaluate(sheetAt, tapped);
    const bottom = await panel.evaluate((e) => e.getBoundingClientRect().bottom);
    assert.ok(Math.abs(bottom - f.screen) <= 1 && fitted(f), `scrolled by ${by}: the sheet from ${Math.round(f.top)} (not ${Math.round(sheetTop(f))}) to ${Math.round(bottom)}`);
  }
  // The address bar shows again (a phone's screen gets shorter, its width unchanged): the
  // sheet still ends at the screen's bottom. (Fitted to the taller screen, it ended 67 px
  // below it.)
  await page.setViewportSize({ width: 375, height: 600 });
  assert.ok(await until(() => x.evaluate((h) => Math.abs(h.shadowRoot.querySelector('.xp-panel').getBoundingClientRect().bottom - innerHeight) <= 1)),
    `a shorter screen: the sheet ends at ${await panel.evaluate((e) => e.getBoundingClientRect().bottom)} on a 600 px screen`);
  await page.setViewportSize({ width: 375, height: 667 });
  await x.locator('.xp-close').tap();
  await panel.waitFor({ state: 'detached' });
  // With the views' top above the screen, the next item gets the whole sheet again (below
  // its control).
  const p = await open1(-200);
  assert.ok(fitted(p) && Math.abs(p.bottom - p.screen) <= 1, `a sheet not held back by the views' top: ${JSON.stringify(p)}`);
  // The phone turned with it open: fitted again to the lower screen.
  await x.locator('.xp-close').tap();
  await panel.waitFor({ state: 'detached' });
  await open1(250);
  await page.setViewportSize({ width: 667, height: 375 });
  assert.ok(await until(() => x.evaluate((h) => {
    const r = h.shadowRoot.querySelector('.xp-panel').getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight && Math.abs(r.bottom - innerHeight) <= 1;
  })), `turned: the sheet at ${JSON.stringify(await panel.evaluate((e) => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom, innerHeight]))}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone with a home indicator (a page drawn edge to edge): the sheet ends at the screen\'s bottom, its content above the indicator', async () => {
  // Its content scrolled to the end, the sheet's last link sat 14 px from the screen's edge:
  // under a 34 px home indicator, where a swipe leaves the browser.
  const page = await open(env.browser, undefined, PHONE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, topMax: 47, bottom: 34, bottomMax: 34 } });
  await page.goto(`${env.base}index.html`);
  await mounted(page);
  const x = page.locator('[data-explainer]').first();
  // With the page's bottom bar (`bar` px, given as --explainer-bottom), or none: the sheet's
  // bottom, where its content ends once scrolled to its end, and the screen's height.
  const sheet = async (bar) => {
    await x.evaluate((h, bar) => {
      h.style.setProperty('--explainer-bottom', typeof bar === 'number' ? `${bar}px` : bar);
      window.scrollTo(0, scrollY + h.shadowRoot.querySelector('.xp-body').getBoundingClientRect().top + 200);
    }, bar);
    const c = await x.evaluate((h) => {
      const n = [...h.shadowRoot.querySelectorAll('.xp-svg [data-key]')].map((e) => e.getBoundingClientRect())
        .find((b) => b.height > 0 && b.top > 0 && b.bottom < innerHeight);
      return { x: n.x + n.width / 2, y: n.y + n.height / 2 };
    });
    await tapOpen(page, x, c);
    const s = await x.evaluate((h) => {
      const p = h.shadowRoot.querySelector('.xp-panel');
      p.scrollTop = p.scrollHeight;
      return { bottom: p.getBoundingClientRect().bottom, last: p.lastElementChild.getBoundingClientRect().bottom, screen: innerHeight, side: getComputedStyle(p).paddingLeft };
    });
    await x.locator('.xp-close').tap();
    await x.locator('.xp-panel').waitFor({ state: 'detached' });
    return s;
  };
  const own = await sheet(0);
  assert.ok(Math.abs(own.bottom - own.screen) <= 1, `the sheet ends at the screen's bottom: ${JSON.stringify(own)}`);
  assert.ok(own.last <= own.screen - 34, `its content ends ${Math.round(own.screen - own.last)} px above the screen's edge, under the 34 px indicator: ${JSON.stringify(own)}`);
  // Above a bottom bar that covers the indicator, no more room than without one.
  const barred = await sheet(56);
  assert.ok(Math.abs(barred.bottom - (barred.screen - 56)) <= 1, `the sheet ends on the bar: ${JSON.stringify(barred)}`);
  const end = barred.bottom - barred.last;
  assert.ok(end >= 14 && end <= 16, `above the bar, the usual 14 px and the border, not ${end}: ${JSON.stringify(barred)}`);
  // A bar's height given without its unit voids the bottom padding alone: the text keeps
  // its room on the sides.
  assert.equal((await sheet('56')).side, '14px');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone: inside a transformed, filtered or paint-contained wrapper, the sheet still ends at the screen\'s bottom', async () => {
  // Such a wrapper would hold a `position: fixed` sheet to itself, off the screen; a sticky
  // one sticks within the page's scroll as usual.
  const page = await open(env.browser, `${env.base}hosts/containing.html`, PHONE);
  for (const id of ['in-moved', 'in-filtered', 'in-contained']) {
    const x = page.locator(`#${id}`);
    await x.scrollIntoViewIfNeeded();
    await until(() => x.evaluate((h) => h.hasAttribute('data-explainer-mounted')));
    for (const key of ['entity:nvidia', 'entity:stargate']) {
      const c = await x.evaluate((h, key) => {
        const n = [...h.shadowRoot.querySelectorAll(`[data-key="${key}"]`)].find((e) => e.getClientRects().length);
        n.scrollIntoView({ block: 'center' });
        const b = n.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }, key);
      await tapOpen(page, x, c);
      const p = await x.evaluate((h) => {
        const r = h.shadowRoot.querySelector('.xp-panel').getBoundingClientRect();
        return { top: Math.round(r.top), bottom: Math.round(r.bottom), screen: innerHeight, wide: document.documentElement.scrollWidth };
      });
      assert.ok(p.top > 0 && Math.abs(p.bottom - p.screen) <= 1, `${id}, ${key}: the sheet at ${p.top}–${p.bottom} on a ${p.screen} px screen`);
      assert.equal(p.wide, 375, `${id}: the page scrolls sideways`);
      await x.locator('.xp-close').tap();
      await x.locator('.xp-panel').waitFor({ state: 'detached' });
    }
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone: in an app shell whose article scrolls between a top bar and a bottom navigation, the sheet ends above the navigation', async () => {
  // The sheet sticks to the bottom of the element that scrolls, 56 px above the window's:
  // fitted to the window, its last 56 px were under the navigation, out of reach.
  const page = await open(env.browser, `${env.base}hosts/app-bars.html`, PHONE);
  await mounted(page);
  const x = page.locator('[data-explainer]');
  const panel = x.locator('.xp-panel');
  // Taps the first control shown with the views' top `at` px below the scroller's top.
  const open1 = async (at) => {
    const c = await x.evaluate((h, at) => {
      const s = document.getElementById('scroller');
      const body = h.shadowRoot.querySelector('.xp-body');
      s.scrollTop += body.getBoundingClientRect().top - s.getBoundingClientRect().top - at;
      const port = s.getBoundingClientRect();
      const [key, n] = [...h.shadowRoot.querySelectorAll('.xp-svg [data-key]')].map((e) => [e.dataset.key, e.getBoundingClientRect()])
        .find(([, b]) => b.height > 0 && b.top > port.top && b.bottom < port.bottom);
      return { key, x: n.x + n.width / 2, y: n.y + n.height / 2 };
    }, at);
    await tapOpen(page, x, c);
    tapped = c.key;
    return at_(c.key, true);
  };
  // The sheet and the control of `key`; scrolled to the sheet's end inside with `end`.
  const at_ = (key, end) => x.evaluate((h, [f, key, end]) => {
    const p = h.shadowRoot.querySelector('.xp-panel');
    const r = p.getBoundingClientRect();
    if (end) p.scrollTop = p.scrollHeight;
    const port = document.getElementById('scroller').getBoundingClientRect();
    return { ...new Function(`return ${f}`)()(h, key), bottom: r.bottom, height: r.height, last: p.lastElementChild.getBoundingClientRect().bottom,
      portTop: port.top + 3, portBottom: port.bottom };
  }, [sheetAt.toString(), key, end]);
  let tapped;
  for (const at of [150, 250]) {
    const p = await open1(at);
    // The first control on screen is near the views' top: the sheet rises to just below it.
    assert.ok(p.top >= p.views && fitted(p), `views at ${at}: the sheet's top at ${Math.round(p.top)}, not ${Math.round(sheetTop(p))} (${JSON.stringify(p)})`);
    assert.ok(Math.abs(p.bottom - p.portBottom) <= 1, `views at ${at}: the sheet ends ${Math.round(p.bottom - p.portBottom)} px below the scroller`);
    assert.ok(p.last <= p.portBottom + 1, `views at ${at}: the end of its content is ${Math.round(p.last - p.portBottom)} px under the navigation`);
    if (at === 250) {
      // Scrolled inside the shell, the sheet grows with the views' top, above the navigation.
      const to = await page.evaluate(() => document.getElementById('scroller').scrollTop + 120);
      await page.mouse.move(187, 100);
      await page.mouse.wheel(0, 120);
      assert.ok(await until(() => page.evaluate((to) => Math.abs(document.getElementById('scroller').scrollTop - to) < 1, to)), 'the article scrolled');
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const q = await at_(tapped, false);
      assert.ok(q.top >= q.views && fitted(q) && Math.abs(q.bottom - q.portBottom) <= 1, `scrolled: the sheet at ${q.top}–${q.bottom}, not from ${sheetTop(q)}; the views at ${q.views}`);
    }
    await x.locator('.xp-close').tap();
    await panel.waitFor({ state: 'detached' });
  }
  // Views scrolled past the top bar: the whole sheet, below the bar.
  const p = await open1(-200);
  assert.ok(fitted(p) && Math.abs(p.bottom - p.portBottom) <= 1 && p.top > p.portTop,
    `a sheet not held back by the views' top: ${JSON.stringify(p)}`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the window itself never scrolled');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('phone: in the page\'s modal dialog (a lightbox that scrolls inside), a tap opens the sheet below the control, on screen; Escape closes the panel first, then the dialog', async () => {
  const page = await open(env.browser, `${env.base}hosts/dialog.html`, PHONE);
  await page.locator('#open').tap();
  await mounted(page);
  const x = page.locator('[data-explainer]');
  assert.ok(await laidOut(x), 'the drawing fits its column in the dialog');
  // The dialog scrolls a control to the top third of the screen; the reader taps it.
  const c = await x.evaluate((h) => {
    const box = document.getElementById('box');
    const n = [...h.shadowRoot.querySelectorAll('.xp-svg .xp-node')].find((e) => e.getClientRects().length && e.getBoundingClientRect().top > 400);
    box.scrollTop += n.getBoundingClientRect().top - 180;
    const b = n.getBoundingClientRect();
    return { key: n.dataset.key, name: n.getAttribute('aria-label').split(',')[0], x: b.x + b.width / 2, y: b.y + b.height / 2, bottom: b.bottom };
  });
  await tapOpen(page, x, c);
  const p = await x.evaluate((h) => {
    const panel = h.shadowRoot.querySelector('.xp-panel');
    const r = panel.getBoundingClientRect();
    panel.scrollTop = panel.scrollHeight;
    return { name: panel.querySelector('h3').textContent, top: r.top, bottom: r.bottom, last: panel.lastElementChild.getBoundingClientRect().bottom };
  });
  assert.equal(p.name, c.name, 'the panel names the control tapped');
  assert.ok(p.top >= c.bottom - 1, `the sheet (from ${Math.round(p.top)}) leaves the control (to ${Math.round(c.bottom)}) in sight`);
  assert.ok(p.bottom <= 667 + 1 && p.last <= 667 + 1, `the sheet and its content's end on screen (${Math.round(p.bottom)}, ${Math.round(p.last)})`);
  assert.deepEqual(await axe(page), []);
  // The explainer's Escape closes its panel and only that: the reader is still in the dialog,
  // on the control they tapped. A second one is the dialog's.
  await page.keyboard.press('Escape');
  await x.locator('.xp-panel').waitFor({ state: 'detached' });
  const after1 = await page.evaluate(() => ({ open: document.getElementById('box').open,
    focus: document.activeElement.shadowRoot?.activeElement?.getAttribute('data-key') }));
  assert.deepEqual(after1, { open: true, focus: c.key });
  await page.keyboard.press('Escape');
  assert.ok(await until(() => page.evaluate(() => !document.getElementById('box').open)), 'the second Escape closes the dialog');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});
