// When a pre-rendered explainer's code loads and hydrates, in Chromium against the release
// build: a screen away, at idle, on a link; and inputs that come before the code, or while
// it hydrates or draws, are answered once it is ready. What it draws for its column then:
// redraw.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, gotoPushed, panelShows, watchShifts, keptDrawing } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('the code waits until the widget is a screen away, the widget hydrates on the first touch, and that tap works', async () => {
  const page = await open(env.browser);
  await page.addInitScript(() => document.addEventListener('explainer:ready', () => { window.readyAt = performance.now(); }));
  await page.setViewportSize({ width: 375, height: 300 });
  await page.goto(`${env.base}index.html`);
  await page.waitForTimeout(800);
  const top = await page.evaluate(() => document.querySelector('[data-explainer]').getBoundingClientRect().top);
  assert.ok(top > 2 * 300, `the widget starts more than a screen below (top ${top})`);
  assert.equal(page.requests.filter((u) => /explainer-.*\.(js|wasm)$/.test(u)).length, 0, 'no code fetched for a far widget');
  // A disclosure opened without any input event (find in page), before the code arrives.
  await page.evaluate(() => { document.querySelector('[data-explainer]').shadowRoot.querySelector('details.xp-all-sources').open = true; });
  await page.evaluate((y) => window.scrollTo(0, y), top - 400);
  assert.ok(await until(() => page.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'))),
    'code loaded a screen ahead');
  // While the page is idle, what hydration needs but the reader cannot see is prepared: the
  // hidden views and closed lists go, the shown layout stays. The disclosure opened above is
  // left alone.
  await page.locator('[data-explainer]').scrollIntoViewIfNeeded();
  const idle = () => page.evaluate(() => {
    const r = document.querySelector('[data-explainer]').shadowRoot;
    return { hiddenViews: [...r.querySelectorAll('.xp-view[hidden]')].map((v) => v.children.length),
      fits: r.querySelectorAll('.xp-fit').length, shown: [...r.querySelectorAll('.xp-fit')].filter((f) => f.getClientRects().length).length,
      tableRows: r.querySelectorAll('.xp-data tr').length, sources: r.querySelectorAll('.xp-all-sources li').length };
  });
  assert.ok(await until(async () => (await idle()).fits === 1), 'the hidden layouts are dropped at idle');
  const prepared = await idle();
  assert.deepEqual(prepared.hiddenViews, [1, 1, 1], 'each hidden view keeps only its title');
  assert.equal(prepared.shown, 1, 'the layout the reader sees stays');
  assert.equal(prepared.tableRows, 0, 'the closed table is dropped');
  assert.ok(prepared.sources > 0, 'the open list of sources is kept');
  // Idle time would hydrate an explainer the reader has scrolled to, but hydration closes
  // the lists built on demand: with one opened (find in page), it waits for input.
  assert.equal(await page.evaluate(() => window.readyAt), undefined, 'not hydrated before any input');
  // Waiting for input must not hold the page's scrolling: every touch listener is passive.
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: "document.querySelector('[data-explainer]')" });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  const touch = listeners.filter((l) => ['touchstart', 'pointerdown'].includes(l.type));
  assert.ok(touch.length >= 2 && touch.every((l) => l.passive), JSON.stringify(touch));
  // One real tap: it hydrates and opens the panel.
  // Before hydration every pre-rendered layout is in the DOM: the reader taps the one shown.
  await page.locator('[data-key="entity:openai"]').filter({ visible: true }).click();
  assert.ok(await panelShows(page, '[data-explainer]', 'OpenAI'));
  assert.ok(await page.evaluate(() => window.readyAt !== undefined));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('scrolled to and left idle, the explainer hydrates before any input, without a shift; one far below waits until reached', async () => {
  // The reader's first tap then only opens what they chose; a second explainer four screens
  // further down is hydrated only when the reader reaches it.
  const page = await open(env.browser, null, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await watchShifts(page);
  // Its controls a screen below the fold, its top within two screens: near, not seen.
  await gotoPushed(page, `${env.base}hosts/two-prerendered.html`, 1000);
  const [near, far] = ['[data-explainer]:first-of-type', '[data-explainer][data-lang="en"]'];
  const state = (sel) => page.evaluate((s) => {
    const h = document.querySelector(s);
    return { mounted: h.hasAttribute('data-explainer-mounted'), ready: h.hasAttribute('data-explainer-ready') };
  }, sel);
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  await page.waitForTimeout(500);
  assert.deepEqual(await state(near), { mounted: true, ready: false }, 'nothing hydrated before the reader scrolls');
  // What the reader sees of the diagram: its drawing must not be redrawn by hydration.
  const drawing = () => keptDrawing(page, near);
  const before = await drawing();
  await page.mouse.wheel(0, 100);
  assert.ok(await until(async () => (await state(near)).ready), 'hydrated at idle once scrolled to');
  assert.deepEqual(await state(far), { mounted: true, ready: false }, 'the far one waits');
  assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
  assert.deepEqual(await drawing(), before, 'the drawing is the pre-rendered one, not redrawn');
  await page.locator(`${near} [data-key="entity:openai"]`).filter({ visible: true }).tap();
  assert.ok(await panelShows(page, near, 'OpenAI'));
  // The far one, once the reader scrolls to it, is hydrated at idle too, and answers a tap.
  await page.evaluate((s) => document.querySelector(s).scrollIntoView(), far);
  assert.ok(await until(async () => (await state(far)).ready), 'the far one hydrated at idle once reached');
  await page.locator(`${far} [data-key="entity:nvidia"]`).filter({ visible: true }).tap();
  assert.ok(await panelShows(page, far, 'Nvidia'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a page translator that rewrote the drawing before it hydrated: it is drawn afresh, at idle without a shift, and a tap opens its item', async () => {
  // As Chrome's translator (and the extensions that work as it does) rewrites text: each text
  // node becomes <font><font>translation</font></font>. Hydration would not find its text
  // there, and the code stopped.
  const translate = (page) => page.evaluate(() => {
    const root = document.querySelector('[data-explainer]').shadowRoot;
    const walk = document.createTreeWalker(root.querySelector('.xp-mount'), NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walk.nextNode()) if (walk.currentNode.nodeValue.trim()) texts.push(walk.currentNode);
    for (const t of texts) {
      const outer = document.createElement('font');
      outer.append(document.createElement('font'));
      outer.firstChild.textContent = `⟦${t.nodeValue}⟧`;
      t.replaceWith(outer);
    }
    return texts.length;
  });
  const state = (page) => page.evaluate(() => {
    const h = document.querySelector('[data-explainer]');
    return { ready: h.hasAttribute('data-explainer-ready'), failed: h.hasAttribute('data-explainer-failed'),
      fonts: h.shadowRoot.querySelectorAll('.xp-mount font').length };
  });
  for (const how of ['idle', 'tap']) {
    const page = await open(env.browser, null, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await watchShifts(page);
    // Three screens down: its code is fetched only once the reader comes near.
    await gotoPushed(page, `${env.base}index.html`, 3000);
    assert.ok(await translate(page) > 100);
    const control = page.locator('[data-key="entity:microsoft"]').filter({ visible: true });
    if (how === 'idle') {
      await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
      assert.ok(await until(async () => (await state(page)).ready), 'hydrated at idle once scrolled to');
      assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
    }
    await control.scrollIntoViewIfNeeded();
    await control.tap();
    assert.ok(await panelShows(page, '[data-explainer]', 'Microsoft'), how);
    assert.deepEqual(await state(page), { ready: true, failed: false, fonts: 0 }, how);
    assert.deepEqual(page.messages, [], how);
    await page.context().close();
  }
});

test('drawn afresh on a slow phone (4× CPU): no frame shows the diagram without its players, and a tap, or a mouse press, in the moment before they are drawn opens the one under it', async () => {
  // Yew draws the players in the diagram's effect, and past 16 ms of work it lets the
  // browser run between a render and its effects: a frame showed the diagram's lines alone,
  // and a tap on it then opened nothing. Every fresh drawing takes this path: an empty host,
  // a drawing a translator rewrote, another build's or language's. (A reader's own redraws,
  // language, tab, a phone turned: display.test.mjs, whose frames are read after the action
  // registered its own; here the page's first frames are, so each is read after layout.)
  const url = `${env.base}hosts/plain.html`;
  const first = await open(env.browser, url, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await ready(first);
  // Where Microsoft's node is in the drawing, from its top left: the same at the same width.
  const aim = await first.evaluate(() => {
    const root = document.querySelector('[data-explainer]').shadowRoot;
    const c = [...root.querySelectorAll('[data-key="entity:microsoft"]')].find((e) => e.getClientRects().length);
    const s = c.closest('svg').getBoundingClientRect(), r = c.getBoundingClientRect();
    return { x: r.left + r.width / 2 - s.left, y: r.top + r.height / 2 - s.top };
  });
  await first.context().close();
  for (const tap of [null, 'tap', 'press']) {
    const page = await open(env.browser, null, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    await page.addInitScript(([aim, tap]) => {
      // What each frame shows, after its animation-frame callbacks and layout, before it is
      // painted: a drawing shown without a single player is noted.
      window.bare = 0;
      window.tapped = null;
      const roots = [];
      const shown = (root) => [...root.querySelectorAll('svg.xp-svg')].filter((s) => s.getClientRects().length);
      const frame = () => {
        new ResizeObserver((_, o) => {
          o.disconnect();
          if (roots.some((r) => shown(r).some((s) => !s.querySelector('[data-key]')))) window.bare += 1;
        }).observe(document.documentElement);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      // The first time the drawing is in without its players: scrolled into view and clicked
      // where Microsoft's node will be, as a reader's tap handled in that moment is.
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        roots.push(root);
        const seen = new MutationObserver(() => {
          const svg = shown(root).find((s) => !s.querySelector('[data-key]'));
          if (!svg || !tap) return;
          seen.disconnect();
          scrollBy(0, svg.getBoundingClientRect().top + aim.y - innerHeight / 2);
          const r = svg.getBoundingClientRect();
          const [x, y] = [r.left + aim.x, r.top + aim.y];
          const target = root.elementFromPoint(x, y);
          window.tapped = target?.getAttribute('class');
          const at = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
          if (tap === 'tap') {
            target.dispatchEvent(new MouseEvent('click', at));
            return;
          }
          // A mouse pressed now and released once the players are drawn: the browser gives
          // the click to what the press's and the release's elements share, the drawing.
          target.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'mouse', isPrimary: true }));
          const release = () => {
            const under = root.elementFromPoint(x, y);
            if (!under?.closest('[data-key]')) return requestAnimationFrame(release);
            under.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse', isPrimary: true }));
            target.dispatchEvent(new MouseEvent('click', at));
          };
          requestAnimationFrame(release);
        });
        seen.observe(root, { childList: true, subtree: true });
        return root;
      };
    }, [aim, tap]);
    await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await ready(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.bare), 0, 'frames showing the diagram without its players');
    if (tap) {
      // The moment came (this machine at 4× takes more than 16 ms to draw it): the tap met the
      // bare drawing, and opens the player drawn under it.
      assert.equal(await page.evaluate(() => window.tapped), 'xp-svg', `the ${tap} met the drawing before its players`);
      assert.ok(await panelShows(page, '[data-explainer]', 'Microsoft'), `the ${tap} opens Microsoft`);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('a link in the page\'s text to an item opens it: a pre-rendered explainer far below hydrates and brings it into view; Back opens the item linked before; a link to an open question opens it', async () => {
  const page = await open(env.browser, null, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await page.goto(`${env.base}hosts/two-prerendered.html`);
  const [near, far] = ['[data-explainer]:first-of-type', '[data-explainer][data-lang="en"]'];
  await page.waitForFunction((s) => document.querySelector(s).hasAttribute('data-explainer-mounted'), far);
  // The article's own links to the second explainer's items, as an editor writes them.
  await page.evaluate(() => document.querySelector('p').insertAdjacentHTML('beforeend',
    ' <a id="to-ms" href="#explainer-2=microsoft">Microsoft</a> <a id="to-nv" href="#explainer-2=nvidia">Nvidia</a>'));
  const length = await page.evaluate(() => history.length);
  const hydrated = (s) => page.evaluate((h) => document.querySelector(h).hasAttribute('data-explainer-ready'), s);
  assert.equal(await hydrated(far), false, 'four screens down, not hydrated before the link');
  await page.locator('#to-ms').tap();
  assert.ok(await panelShows(page, far, 'Microsoft'), 'the link opens its item');
  // Its control comes into view, above the bottom sheet that shows it.
  const clear = (key) => page.evaluate(([h, k]) => {
    const root = document.querySelector(h).shadowRoot;
    const c = [...root.querySelectorAll(`[data-key="${k}"]`)].find((e) => e.getClientRects().length)?.getBoundingClientRect();
    const p = root.querySelector('.xp-panel')?.getBoundingClientRect();
    return c && p && c.top >= 0 && c.bottom <= p.top;
  }, [far, key]);
  assert.ok(await until(() => clear('entity:microsoft')), 'the item is brought into view, clear of its panel');
  // A screen reader's user lands on what the link named, as after a tap.
  assert.ok(await until(() => page.evaluate((h) => document.querySelector(h).shadowRoot.activeElement?.textContent === 'Microsoft', far)),
    'focus is on the panel\'s heading');
  assert.equal(await page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.xp-panel h3'), near), null,
    'the other explainer opens nothing');
  // From the keyboard this time.
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('#to-nv').focus();
  await page.keyboard.press('Enter');
  assert.ok(await panelShows(page, far, 'Nvidia'), 'a second link opens its item');
  assert.ok(await until(() => clear('entity:nvidia')));
  await page.goBack();
  assert.ok(await panelShows(page, far, 'Microsoft'), 'Back opens the item linked before');
  assert.equal(await page.evaluate(() => history.length), length + 2, 'one history entry per link followed, none per selection');
  // A link to one of the article's open questions opens it in its view, focused.
  await page.evaluate(() => { location.hash = 'explainer-2=qa-amount'; });
  const question = () => page.evaluate((h) => {
    const root = document.querySelector(h).shadowRoot;
    const q = root.querySelector('details[data-q="qa-amount"]');
    const r = q?.getBoundingClientRect();
    return [root.querySelector('[role=tab][aria-selected=true]').id.endsWith('-tab-questions'), !!q?.open,
      root.activeElement === q?.querySelector('summary'), !!r && r.top >= 0 && r.top < innerHeight];
  }, far);
  assert.ok(await until(async () => (await question()).every(Boolean)), `view, open, focused, in view: ${await question()}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a link in the text to an explainer three screens down, whose code has not loaded, loads it and opens the item there', async () => {
  // The loader fetches the code a screen ahead of the explainer: a link followed before then
  // changed the address and nothing else.
  const page = await open(env.browser, null, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await page.goto(`${env.base}hosts/far-link.html`);
  await page.waitForTimeout(300);
  const host = '[data-explainer]';
  assert.equal(await page.evaluate((h) => document.querySelector(h).hasAttribute('data-explainer-mounted'), host), false, 'no code before the link');
  await page.locator('#to-ms').tap();
  assert.ok(await panelShows(page, host, 'Microsoft'), 'the link opens its item');
  const placed = () => page.evaluate((h) => {
    const root = document.querySelector(h).shadowRoot;
    const c = [...root.querySelectorAll('[data-key="entity:microsoft"]')].find((e) => e.getClientRects().length)?.getBoundingClientRect();
    const p = root.querySelector('.xp-panel')?.getBoundingClientRect();
    return !!c && !!p && c.top >= 0 && c.bottom <= p.top && root.activeElement?.textContent === 'Microsoft';
  }, host);
  assert.ok(await until(placed), 'its control in view above the sheet, focus on the panel\'s heading');
  // Back in the text, the reader follows the same link again: the address does not change
  // (no `hashchange`), and they are taken back to the item, still open.
  await page.evaluate(() => scrollTo(0, 0));
  assert.equal(await placed(), false, 'scrolled away from it');
  await page.locator('#to-ms').tap();
  assert.ok(await until(placed), 'the same link again brings the open item back into view, focus on its heading');
  // A tap on another item, and the link at once, before the explainer writes the address
  // (it still names Microsoft): the link is followed.
  await page.evaluate((h) => {
    const root = document.querySelector(h).shadowRoot;
    [...root.querySelectorAll('[data-key="entity:nvidia"]')].find((e) => e.getClientRects().length)
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    document.querySelector('#to-ms').click();
  }, host);
  assert.ok(await panelShows(page, host, 'Microsoft'), 'the link opens its item over the one just tapped');
  await page.waitForTimeout(700);
  assert.ok(await panelShows(page, host, 'Microsoft'), 'and it stays open');
  assert.equal(await page.evaluate(() => location.hash), '#explainer=microsoft');
  // A link opened in another tab (a modifier) leaves the explainer alone; so does one the
  // page handles itself.
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('#to-ms').click({ modifiers: ['Control'] }).catch(() => {});
  await page.evaluate(() => {
    const a = document.querySelector('#to-ms');
    a.addEventListener('click', (e) => e.preventDefault(), { once: true });
    a.click();
  });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => scrollY), 0, 'a link the page handled, or opened elsewhere, does not scroll the page');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a first press held while the explainer is redrawn for a wider frame still opens what was pressed', async () => {
  // The explainer is laid out for a phone column, then widened (a phone turned, a resized
  // iframe) before the first tap: hydration redraws the diagram for the new width while the
  // reader holds their press, and the pressed node moves from under it.
  for (const touch of [false, true]) {
    const page = await open(env.browser, null, { hasTouch: touch, viewport: { width: 1280, height: 1200 } });
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      const narrow = Object.assign(document.createElement('style'), { id: 'narrow', textContent: '[data-explainer] { width: 360px }' });
      document.head.append(narrow);
    }));
    // A page that keeps the browser busy: after idle time's first step (the drawing kept),
    // none comes again, which would hydrate the explainer, its controls in sight, or in view
    // as soon as its column no longer fits the drawing kept.
    await page.addInitScript(() => {
      const idle = window.requestIdleCallback;
      let calls = 0;
      window.requestIdleCallback = (f, o) => (++calls === 1 ? idle(f, o) : 0);
    });
    // The frame's own script passes its moves in the page on as scrolls, which would
    // hydrate it at idle: left out, the press is what hydrates it.
    await page.route(/frame\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(`${env.base}frame.en.html`);
    const host = '[data-explainer]';
    // Idle time has kept the drawing for the narrow column.
    await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('.xp-fit[data-until]'), host);
    await page.evaluate(() => document.getElementById('narrow').remove());
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate((h) => document.querySelector(h).hasAttribute('data-explainer-ready'), host), false);
    assert.ok(await page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.xp-fit[data-until]'), host),
      'the press comes on the drawing kept for the narrow column');
    const node = page.locator(`${host} [data-key="entity:openai"]`).filter({ visible: true });
    const box = await node.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    if (touch) {
      const cdp = await page.context().newCDPSession(page);
      const touchAt = (type) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
      await touchAt('touchStart');
      await page.waitForTimeout(150);
      await touchAt('touchEnd');
    } else {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.waitForTimeout(150);
      await page.mouse.up();
    }
    assert.ok(await panelShows(page, host, 'OpenAI'), `${touch ? 'touch' : 'mouse'}: the panel opens for the pressed node`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('a first right click on a control opens nothing; the next click does', async () => {
  // The first press is watched for a redraw that moves its control away (see above); a
  // press of another button is no click and must stay none.
  const page = await open(env.browser, null, { viewport: { width: 375, height: 1000 } });
  await page.route(/frame\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${env.base}frame.en.html`);
  const host = '[data-explainer]';
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('.xp-fit[data-until]'), host);
  const node = page.locator(`${host} [data-key="entity:openai"]`).filter({ visible: true });
  await node.click({ button: 'right' });
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.xp-panel'), host), null, 'no panel');
  await node.click();
  assert.ok(await panelShows(page, host, 'OpenAI'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('in an app shell, where an element scrolls and not the window, idle time hydrates too', async () => {
  const page = await open(env.browser);
  const shell = '<main id="scroller" style="height: 100vh; overflow-y: auto; padding: 0 8px">';
  // Its title in sight (in an app shell, the code loads once the explainer shows in the
  // scrolling element), its controls below the fold.
  await gotoPushed(page, `${env.base}hosts/app-shell.html`, 500, shell);
  const ready = () => page.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready'));
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  await page.waitForTimeout(500);
  assert.equal(await ready(), false, 'nothing hydrated before the reader scrolls');
  await page.evaluate(() => document.querySelector('#scroller').scrollBy(0, 200));
  assert.ok(await until(ready), 'hydrated at idle once the article scrolled');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the window itself never scrolled');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('an explainer whose controls show as the page loads hydrates at idle, unscrolled; one whose title alone shows waits for the scroll', async () => {
  // The reader may tap what they see at once: hydrated first, that tap only opens their item.
  const page = await open(env.browser, null, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await watchShifts(page);
  await page.goto(`${env.base}hosts/two-prerendered.html`);
  const [near, far] = ['[data-explainer]:first-of-type', '[data-explainer][data-lang="en"]'];
  const ready = (s) => page.evaluate((h) => document.querySelector(h).hasAttribute('data-explainer-ready'), s);
  assert.ok(await until(() => ready(near)), 'its controls in sight: hydrated at idle');
  assert.equal(await page.evaluate(() => scrollY), 0, 'with no scroll');
  assert.equal(await ready(far), false, 'the one four screens down waits');
  assert.equal(await page.evaluate(() => window.shift), 0, 'no layout shift');
  await page.locator(`${near} [data-key="entity:openai"]`).filter({ visible: true }).tap();
  assert.ok(await panelShows(page, near, 'OpenAI'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
  // The article on Lighthouse's phone (412 x 823): the explainer's title shows above the
  // fold, its first control (the language switch) below it. Nothing runs until a scroll.
  const article = await open(env.browser, `${env.base}index.html`, { viewport: { width: 412, height: 823 }, hasTouch: true, isMobile: true });
  await article.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  const seen = await article.evaluate(() => {
    const h = document.querySelector('[data-explainer]');
    const first = h.shadowRoot.querySelector('button, a[href], summary, [data-key]');
    return { top: h.getBoundingClientRect().top, control: first.getBoundingClientRect().top };
  });
  assert.ok(seen.top < 823 && seen.control > 823, `title above the fold, controls below (${JSON.stringify(seen)})`);
  await article.waitForTimeout(1500);
  const hydrated = () => article.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready'));
  assert.equal(await hydrated(), false, 'nothing hydrated before the reader scrolls');
  await article.mouse.wheel(0, 100);
  assert.ok(await until(hydrated), 'hydrated at idle once scrolled');
  assert.deepEqual(article.messages, []);
  await article.context().close();
});

test('a tap that comes before the code is answered once the code arrives', async () => {
  const page = await open(env.browser);
  // Hold the WASM back until the reader has tapped, as on a slow network.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/explainer-[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${env.base}index.html`);
  await page.locator('[data-explainer]').scrollIntoViewIfNeeded();
  await page.locator('[data-key="entity:openai"]').filter({ visible: true }).click();
  assert.equal(await page.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted')), false,
    'the tap came before the code');
  release();
  assert.ok(await panelShows(page, '[data-explainer]', 'OpenAI'),
  'the panel opens for the early tap');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('Enter or Space on a diagram control before the code arrives is answered once it does, and Space does not scroll', async () => {
  for (const key of ['Enter', ' ']) {
    const page = await open(env.browser, null, { viewport: { width: 1280, height: 800 } });
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/explainer-[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${env.base}index.html`);
    // The diagram's tab stop, focused as Tab brings a keyboard reader to it.
    await page.evaluate(() => { const c = [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('.xp-svg [tabindex="0"]')]
      .find((e) => e.getClientRects().length); c.scrollIntoView({ block: 'center' }); c.focus(); });
    const y = await page.evaluate(() => scrollY);
    await page.keyboard.press(key);
    assert.equal(await page.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted')), false,
      'the key came before the code');
    assert.equal(await page.evaluate(() => scrollY), y, `${JSON.stringify(key)} scrolled the page`);
    release();
    assert.ok(await panelShows(page, '[data-explainer]', 'Nvidia'),
    `${JSON.stringify(key)}: the panel opens for the early key`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('a click with no input before it (assistive technology) hydrates and is replayed', async () => {
  // Not scrolled: idle time hydrates only an explainer the reader has scrolled to.
  const page = await open(env.browser, `${env.base}index.html`);
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  // A bare click event, as a screen reader's activation sends: no pointer, touch or focus.
  await page.evaluate(() => [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('[data-key="entity:microsoft"]')]
    .find((n) => n.getClientRects().length)
    .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
  assert.ok(await panelShows(page, '[data-explainer]', 'Microsoft'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a click that comes while hydration is still running is answered once it is done', async () => {
  // Not scrolled, so idle time hydrates nothing first.
  const page = await open(env.browser, `${env.base}index.html`);
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  // Press and click in one task: the press starts hydration, which cannot have run before
  // the click (on a slow phone, a hydration spanning several tasks gives the same order).
  const hydrated = await page.evaluate(() => {
    const host = document.querySelector('[data-explainer]');
    const n = [...host.shadowRoot.querySelectorAll('[data-key="entity:amd"]')].find((e) => e.getClientRects().length);
    n.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, pointerType: 'touch' }));
    n.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    return host.hasAttribute('data-explainer-ready');
  });
  assert.equal(hydrated, false, 'the click came before hydration was done');
  assert.ok(await panelShows(page, '[data-explainer]', 'AMD'),
  'the panel opens for that click');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('the built article page blocks its first paint on nothing but itself', async () => {
  // The widget stylesheet styles shadow roots only; a <link> to it in the head (as Trunk
  // writes it, minified or not) would hold the article's first paint for a round trip.
  const html = await (await fetch(`${env.base}index.html`)).text();
  const head = html.slice(0, html.indexOf('<body'));
  assert.deepEqual(head.match(/<link[^>]*>/g)?.filter((l) => /stylesheet|data-trunk/.test(l)) ?? [], []);
  assert.ok(!/<script(?![^>]*type=("|)module)[^>]*src=/.test(head), 'no classic script in the head');
  // Its loader is inline: the code's requests need no round trip for the loader first.
  assert.deepEqual(html.match(/<script[^>]*\ssrc=[^>]*>/g) ?? [], [], 'no script linked');
  const page = await open(env.browser, `${env.base}index.html`, { viewport: { width: 375, height: 667 } });
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await ready(page);
  assert.deepEqual(page.requests.filter((u) => /\.js(\?|$)/.test(u)).map((u) => new URL(u).pathname.replace(/-[0-9a-f]+/, '-…')), ['/explainer-….js'],
    'the only script fetched is the code the loader imports');
  // That code asks Chrome to compile all of it as it loads (off the main thread), not each
  // function on its first call: in the reader's first tap, that took 3 to 9 ms at 4x CPU.
  const code = page.requests.find((u) => /\/explainer-[0-9a-f]+\.js$/.test(u));
  assert.match(await (await fetch(code)).text(), /^\/\/# allFunctionsCalledOnLoad\n/);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});
