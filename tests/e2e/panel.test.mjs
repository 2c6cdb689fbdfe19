// The panel on the article page (release build): Back closes it on a phone, its links and
// dates read well, another item chosen shows at once, and on a desktop it has its own column.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until } from './lib.mjs';
import { VIEWPORTS, STORY, article, root, panelTitle, panelWhole } from './reader.mjs';
import { host } from './gen.mjs';

let env;
before(async () => { env = await setup(); });
/** Until the panel of the explainer `x` (a locator of its host) is whole, its lists drawn
 * (and titled `title`, if given). */
const whole = (x, title = null) => until(() => x.evaluate((h, t) => {
  const p = h.shadowRoot.querySelector('.xp-panel:not([data-partial])');
  return !!p?.querySelector('.xp-sources') && (t === null || p.querySelector('h3').textContent === t);
}, title));
after(async () => { await env.close(); });

/** Presses `key` (Tab or Shift+Tab) until focus is out of the panel of the explainer `x`
 * (Tab from its title, Shift+Tab back from what follows it): each link and source focused,
 * its text and whether it showed under what stays at the panel's top (the side column's
 * head where it sticks, else the close button). */
async function tabbed(page, x, key) {
  const seen = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(key);
    const r = await x.evaluate((h) => {
      const a = h.shadowRoot.activeElement;
      const p = h.shadowRoot.querySelector('.xp-panel');
      if (!a || !p.contains(a)) return null;
      if (a.classList.contains('xp-close')) return 'close';
      const b = a.getBoundingClientRect();
      const head = p.querySelector('.xp-panel-head').getBoundingClientRect();
      const c = head.height > 0 ? head : p.querySelector('.xp-close').getBoundingClientRect();
      // One taller than the panel's room below it cannot show whole anywhere.
      const fits = b.height <= p.getBoundingClientRect().top + p.clientHeight - c.bottom;
      return { text: a.textContent.slice(0, 40), under: fits && b.top < c.bottom && b.bottom > c.top && b.left < c.right && b.right > c.left };
    });
    if (r === null) break;
    if (r !== 'close') seen.push(r);
  }
  return seen;
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
  const page = await article(env, 'phone320', 'fr', 'light');
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
  const page = await article(env, 'phone320', 'en', 'light');
  await page.locator('[data-key="relationship:nvidia-openai-loi"]').tap();
  // The panel's lists (the sources and their dates) come a frame after its head.
  assert.ok(await until(async () => (await panelTitle(page)) === 'Nvidia → OpenAI' && panelWhole(page)), 'the whole panel');
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
    const page = await article(env, name, 'fr', 'light');
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
  const page = await article(env, 'desktop', 'en', 'light');
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

test('phone: another item, chosen from a panel read down to its links or from the diagram, opens at its top, its first lines below the head', async () => {
  // The panel kept how far it was scrolled: the next item opened with its kind and figure
  // under the sticky head (52 px of it), or at 160 px, where the head scrolls, without its
  // close button.
  for (const [path, host, viewport] of [['index.html', '[data-explainer]', { width: 375, height: 667 }], ['hosts/sidebar.html', '#w160', { width: 320, height: 568 }]]) {
    const page = await open(env.browser, `${env.base}${path}`, { ...VIEWPORTS.phone375, viewport });
    await ready(page);
    const x = page.locator(host);
    const where = `${path} ${viewport.width} px`;
    // Its first lines show: the head, then the kind, the first line after it, not under it.
    const top = () => x.evaluate((h) => {
      const p = h.shadowRoot.querySelector('.xp-panel');
      // The sticky head (the side column), or in a sheet, where only the close button
      // sticks and the head box is gone, the title.
      const head = Math.max(p.querySelector('.xp-panel-head').getBoundingClientRect().bottom, p.querySelector('h3').getBoundingClientRect().bottom);
      return { scrolled: p.scrollTop, sub: p.querySelector('.xp-sub').getBoundingClientRect().top - head };
    });
    await x.locator('[data-key="entity:nvidia"]').filter({ visible: true }).first().tap();
    assert.ok(await whole(x, 'Nvidia'), `${where}: Nvidia's panel`);
    const link = x.locator('.xp-panel .xp-links button').nth(3);
    await link.scrollIntoViewIfNeeded();
    assert.ok((await top()).scrolled > 100, `${where}: the panel read down to its links`);
    const title = (await link.textContent()).split(' · ')[0];
    await link.tap();
    assert.ok(await whole(x, title), `${where}: ${title}'s panel`);
    let t = await top();
    assert.ok(t.scrolled === 0 && t.sub >= 0, `${where}, a link: ${JSON.stringify(t)}`);
    // Read down again, then the diagram's other player above the sheet.
    await x.evaluate((h) => { const p = h.shadowRoot.querySelector('.xp-panel'); p.scrollTop = p.scrollHeight; });
    assert.ok((await top()).scrolled > 40, `${where}: the panel read down to its end`);
    await x.evaluate((h) => h.shadowRoot.querySelector('[data-key="entity:nvidia"]').scrollIntoView({ block: 'start' }));
    await x.locator('[data-key="entity:nvidia"]').filter({ visible: true }).first().tap();
    assert.ok(await whole(x, 'Nvidia'), `${where}: Nvidia's panel again`);
    t = await top();
    assert.ok(t.scrolled === 0 && t.sub >= 0, `${where}, the diagram: ${JSON.stringify(t)}`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('phone: a panel read down keeps its close button in sight over its text, and nothing else: its title goes with the text it heads; the button closes it', async () => {
  // A sticky head kept a long title on screen: on a 320 px phone the timeline's titles took
  // 41 % of the sheet (median), up to 62 %, while the reader read. In a sidebar's narrow
  // column, where the head scrolled, the button went with it (Nvidia's panel runs 5,400 px).
  for (const [path, host, width, height, item] of [
    ['hosts/plain.html', '[data-explainer]', 320, 568, 'event'],
    ['index.html', '[data-explainer]', 375, 667, 'entity:nvidia'],
    ['hosts/sidebar.html', '#w160', 320, 568, 'entity:nvidia']]) {
    const where = `${path} ${width} px`;
    const page = await open(env.browser, `${env.base}${path}`, { ...VIEWPORTS.phone375, viewport: { width, height } });
    await ready(page);
    const x = page.locator(host);
    if (item === 'event') {
      // The event with the longest title (four lines at 320 px).
      await x.locator('[id$="-tab-timeline"]').tap();
      const i = await x.evaluate((h) => { const t = [...h.shadowRoot.querySelectorAll('.xp-event-btn')].map((e) => e.textContent.length); return t.indexOf(Math.max(...t)); });
      await x.locator('.xp-event-btn').nth(i).tap();
    } else await x.locator(`[data-key="${item}"]`).filter({ visible: true }).first().tap();
    await whole(x);
    const seen = () => x.evaluate((h) => {
      const p = h.shadowRoot.querySelector('.xp-panel');
      const box = p.getBoundingClientRect();
      const c = p.querySelector('.xp-close').getBoundingClientRect();
      const hit = h.shadowRoot.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2);
      // What shows at the sheet's top, left of the button.
      const top = h.shadowRoot.elementFromPoint(box.left + 24, box.top + 30);
      return { scrolled: p.scrollTop, inside: c.top >= box.top && c.bottom <= box.bottom && c.left >= box.left && c.right <= box.right && c.bottom <= innerHeight,
        hit: !!hit?.closest('.xp-close'), size: [c.width, c.height], title: Math.round(p.querySelector('h3').getBoundingClientRect().bottom - box.top),
        top: !!top?.closest('.xp-panel-main') };
    });
    let s = await seen();
    assert.ok(s.inside && s.hit && s.title > 0, `${where}, opened: the button in the sheet, the title showing: ${JSON.stringify(s)}`);
    for (const part of [0.5, 1]) {
      await x.evaluate((h, f) => { const p = h.shadowRoot.querySelector('.xp-panel'); p.scrollTop = Math.max(200, (p.scrollHeight - p.clientHeight) * f); }, part);
      s = await seen();
      assert.ok(s.scrolled >= 150 && s.inside && s.hit && s.size[0] >= 44 && s.size[1] >= 44, `${where}, read down (${part}): the button ${JSON.stringify(s)}`);
      assert.ok(s.title < 0 && s.top, `${where}, read down (${part}): the text at the sheet's top ${JSON.stringify(s)}`);
    }
    await x.locator('.xp-close').tap();
    assert.ok(await until(() => x.evaluate((h) => !h.shadowRoot.querySelector('.xp-panel'))), `${where}: the panel closed`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('keyboard: tabbing through a panel\'s links and sources, on and back, never focuses one under what stays at its top: a sheet\'s close button, the side column\'s head', async () => {
  // Shift+Tab scrolled each link to the panel's top: under the button a phone's sheet keeps
  // there (15 of Nvidia's 21 at 320 px), under the side column's sticky head (14 of 21).
  for (const [path, host, options] of [
    ['index.html', '[data-explainer]', { ...VIEWPORTS.phone375, viewport: { width: 320, height: 568 } }],
    ['hosts/sidebar.html', '#w160', { ...VIEWPORTS.phone375, viewport: { width: 320, height: 568 } }],
    ['index.html', '[data-explainer]', VIEWPORTS.desktop]]) {
    const where = `${path} ${options.viewport.width} px`;
    const page = await open(env.browser, `${env.base}${path}`, options);
    await ready(page);
    const x = page.locator(host);
    const nvidia = x.locator('[data-key="entity:nvidia"]').filter({ visible: true }).first();
    await (options.hasTouch ? nvidia.tap() : nvidia.click());
    await whole(x);
    await x.locator('.xp-panel h3').focus();
    for (const key of ['Tab', 'Shift+Tab']) {
      const seen = await tabbed(page, x, key);
      assert.ok(seen.length >= 10, `${where} ${key}: ${seen.length} links and sources focused`);
      assert.deepEqual(seen.filter((r) => r.under).map((r) => r.text), [], `${where} ${key}: focused under what stays at the top`);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('keyboard: with a panel open, the language switched, tabbing still never focuses a link under the side column\'s head, which the new title makes taller', async () => {
  // The story as an editor might write it: Nvidia's English name runs to three lines in the
  // side column, its French one to one; its panel, a hub's, scrolls.
  const story = structuredClone(STORY);
  story.entities.find((e) => e.id === 'nvidia').name.en = 'Nvidia Corporation, the Santa Clara maker of graphics processors and AI systems';
  const url = `${env.base}hosts/long-english-name.html`;
  const page = await open(env.browser, null, VIEWPORTS.desktop);
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: host(story, 'fr', null, 'Nom long') }));
  await page.goto(url);
  await ready(page);
  const x = page.locator('[data-explainer]');
  await x.locator('[data-key="entity:nvidia"]').filter({ visible: true }).first().click();
  await whole(x, 'Nvidia');
  const head = () => x.evaluate((h) => h.shadowRoot.querySelector('.xp-panel-head').getBoundingClientRect().height);
  const before = await head();
  await x.locator('.xp-lang').click();
  await whole(x, story.entities.find((e) => e.id === 'nvidia').name.en);
  assert.ok(await head() > before + 20, `the head grew with the English title: ${before} → ${await head()}`);
  await x.locator('.xp-panel h3').focus();
  for (const key of ['Tab', 'Shift+Tab']) {
    const seen = await tabbed(page, x, key);
    assert.ok(seen.length >= 10, `${key}: ${seen.length} links and sources focused`);
    assert.deepEqual(seen.filter((r) => r.under).map((r) => r.text), [], `${key}: focused under the head`);
  }
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('wide: the panel opens in its own column and the diagram stays where it was', async () => {
  const page = await article(env, 'desktop', 'en', 'light');
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

test('a click on the panel\'s text keeps focus in the explainer: Escape then closes the panel and focus goes back to its control; in a teaser\'s link too, where focus went to the link', async () => {
  for (const url of ['index.html', 'hosts/teaser-link.html']) {
    const page = await open(env.browser, `${env.base}${url}`, { viewport: { width: 1280, height: 800 } });
    await ready(page);
    const x = page.locator('[data-explainer]').first();
    await x.evaluate((h) => h.shadowRoot.querySelector('[data-key="entity:microsoft"]').scrollIntoView({ block: 'center' }));
    await x.locator('[data-key="entity:microsoft"]').click();
    await whole(x);
    // A paragraph of its text with no link or button in it: nothing there takes focus itself.
    const [cx, cy] = await x.evaluate((h) => {
      const p = [...h.shadowRoot.querySelectorAll('.xp-panel p')].find((e) => !e.querySelector('a, button'));
      const r = p.getBoundingClientRect();
      return [r.left + 4, r.top + r.height / 2];
    });
    await page.mouse.click(cx, cy);
    const where = () => page.evaluate(() => {
      const a = document.activeElement;
      return a.matches('[data-explainer]') ? (a.shadowRoot.activeElement?.getAttribute('class') ?? a.shadowRoot.activeElement?.tagName) : a.tagName;
    });
    assert.equal(await where(), 'xp-panel', `${url}: focus on the panel the reader clicked in`);
    assert.match(page.url(), new RegExp(url.replace('.', '\\.')), `${url}: the click followed no link`);
    await page.keyboard.press('Escape');
    assert.ok(await until(() => x.evaluate((h) => !h.shadowRoot.querySelector('.xp-panel h3'))), `${url}: Escape closes the panel`);
    assert.ok(await until(async () => (await x.evaluate((h) => h.shadowRoot.activeElement?.dataset.key)) === 'entity:microsoft'),
      `${url}: focus back on Microsoft, not ${await where()}`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('a click on the explainer\'s own text outside the panel (its title, its legend, the drawing between controls), then Tab: its next stop; then Escape: the panel closes and focus goes back to its control; in a teaser\'s link and a lightbox too, which stays open; after a click on the page, Escape stays the page\'s', async () => {
  for (const url of ['index.html', 'hosts/teaser-link.html', 'hosts/dialog.html']) {
    const page = await open(env.browser, `${env.base}${url}`, { viewport: { width: 1280, height: 800 } });
    const lightbox = url.includes('dialog');
    if (lightbox) await page.locator('#open').click();
    await ready(page);
    const x = page.locator('[data-explainer]').first();
    const choose = async () => {
      await x.evaluate((h) => h.shadowRoot.querySelector('[data-key="entity:microsoft"]').scrollIntoView({ block: 'center' }));
      await x.locator('[data-key="entity:microsoft"]').click();
      await whole(x);
    };
    const closed = () => until(() => x.evaluate((h) => !h.shadowRoot.querySelector('.xp-panel h3')), 1500);
    // A point of `sel` whose element takes no focus and is no link or control of its own.
    const spot = (sel) => x.evaluate((h, s) => xpQuietPoint(h, s), sel);
    // (In the lightbox's narrow column, the sheet covers the legend, at the end of its scroll.)
    // The stop that follows each part: the language switch after the title, the drawing's
    // one stop (its chosen item) for the drawing, the open panel after the legend. In a
    // teaser, the click focuses the page's link around the explainer: Tab goes on from the
    // link's start, the explainer's first stop.
    const next = url.includes('teaser') ? { title: '.xp-lang', drawing: '.xp-lang', legend: '.xp-lang' }
      : { title: '.xp-lang', drawing: '[data-key="entity:microsoft"]', legend: '.xp-panel .xp-close' };
    const parts = [['title', '.xp-title'], ['drawing', '.xp-view svg'], ...(lightbox ? [] : [['legend', '.xp-legend-title']])];
    for (const [what, sel] of parts) {
      await choose();
      const click = async () => {
        await x.evaluate((h, s) => h.shadowRoot.querySelector(s).scrollIntoView({ block: 'start' }), sel);
        const at = await spot(sel);
        assert.ok(at, `${url}: a point of the ${what} with nothing focusable`);
        await page.mouse.click(...at);
      };
      await click();
      assert.equal(await x.evaluate((h) => h.shadowRoot.activeElement), null, `${url}: the click on the ${what} took focus out of the explainer`);
      assert.match(page.url(), new RegExp(url.replace('.', '\\.')), `${url}: the click on the ${what} followed no link`);
      if (!lightbox) {
        // Tab goes on from the point clicked, to the explainer's next stop (not to the page's
        // start). In the lightbox, the page's dialog takes the click's focus: Tab is its own.
        await page.keyboard.press('Tab');
        assert.ok(await x.evaluate((h, s) => h.shadowRoot.activeElement?.matches(s), next[what]),
          `${url}: Tab after a click on the ${what} goes to ${next[what]}, not ${await x.evaluate((h) => h.shadowRoot.activeElement?.outerHTML.slice(0, 60) ?? document.activeElement.tagName)}`);
        await click();
      }
      await page.keyboard.press('Escape');
      assert.ok(await closed(), `${url}: Escape after a click on the ${what} closes the panel`);
      assert.ok(await until(async () => (await x.evaluate((h) => h.shadowRoot.activeElement?.dataset.key)) === 'entity:microsoft'),
        `${url}: after the ${what}, focus back on Microsoft`);
      if (lightbox) assert.ok(await page.evaluate(() => document.querySelector('#box').open), `after the ${what}, the lightbox stays open`);
    }
    if (lightbox) {
      // Its own next Escape closes the lightbox.
      await page.keyboard.press('Escape');
      assert.ok(await until(() => page.evaluate(() => !document.querySelector('#box').open)), 'the next Escape closes the lightbox');
    } else if (url === 'index.html') {
      // A click on the explainer's text, then on the page's: Escape is the page's.
      await choose();
      await page.mouse.click(...await spot('.xp-title'));
      await page.evaluate(() => scrollTo(0, 0));
      const r = await page.evaluate(() => { const e = document.querySelector('h1, h2, p'); const b = e.getBoundingClientRect(); return [b.left + 2, b.top + b.height / 2]; });
      await page.mouse.click(...r);
      await page.keyboard.press('Escape');
      assert.equal(await closed(), false, `${url}: Escape after a click on the page leaves the panel open`);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});
