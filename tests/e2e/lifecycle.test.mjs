// Page scripts at work on the explainer: hosts added, cloned, moved and removed, text
// replaced by a translator, presses on redrawn controls, a large story drawn in two goes.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, shadow, printSlowly, axe, panelShows, keptDrawing } from './lib.mjs';
import { SHOTS } from './reader.mjs';
import { snippetHtml } from './server.mjs';
import { readFile } from 'node:fs/promises';

// Dark Reader's engine, the extension's, published as a library (tools/package.json).
const DARK_READER = await readFile(new URL('../../tools/node_modules/darkreader/darkreader.js', import.meta.url), 'utf8');
/** Turns Dark Reader on, with the settings its README's example gives. */
const DARK_READER_ON = 'DarkReader.enable({ brightness: 100, contrast: 90, sepia: 10 })';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('under a page translator that replaces the text it translates, the panel shows the item chosen next, not the last one', async () => {
  // As translation extensions do in their "translation only" mode (and Google Translate in
  // the page): each text node replaced by <font> elements holding the translation.
  const page = await open(env.browser, `${env.base}hosts/plain.html`, { viewport: { width: 1280, height: 800 } });
  await ready(page);
  const translate = () => shadow(page, '[data-explainer]', `const w = document.createTreeWalker(root.querySelector('.xp-panel'), NodeFilter.SHOW_TEXT);
    const texts = []; while (w.nextNode()) if (w.currentNode.nodeValue.trim()) texts.push(w.currentNode);
    for (const t of texts) { const f = document.createElement('font'); f.textContent = '⟦' + t.nodeValue + '⟧'; t.replaceWith(f); }
    return texts.length`);
  const panel = () => shadow(page, '[data-explainer]', "const p = root.querySelector('.xp-panel'); return [p.querySelector('h3').innerText, p.innerText]");
  await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).click();
  await until(async () => (await panel())[0] === 'Nvidia' && !(await panel())[1].includes('⟦'));
  assert.ok(await translate() > 5);
  assert.equal((await panel())[0], '⟦Nvidia⟧', 'translated');
  await page.locator('[data-key="entity:openai"]').filter({ visible: true }).click();
  assert.ok(await until(async () => (await panel())[0] === 'OpenAI'), `the title: ${(await panel())[0]}`);
  const [, text] = await panel();
  assert.ok(!text.replace('⟦×⟧', '').includes('⟦') && !text.includes('fabricant de puces'), `nothing of Nvidia's panel: ${text}`);
  // A link chosen in the panel, its heading focused: the heading stays, its text is new.
  await translate();
  await page.locator('.xp-panel .xp-link').first().click();
  assert.ok(await until(async () => (await panel())[0] !== '⟦OpenAI⟧' && !(await panel())[0].includes('⟦')), `after a link: ${(await panel())[0]}`);
  assert.equal(await shadow(page, '[data-explainer]', "return root.activeElement?.localName"), 'h3');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

/** Each explainer of `page` by its host's id: dark or light, by its own background (in a
 * <figure> or an <li>, in the root of the div made inside it, which the figure's theme went
 * unseen on). */
const palettes = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-explainer]')].map((h) => {
  const [r, g, b] = getComputedStyle(xpRoot(h).querySelector('.xp-root')).backgroundColor.match(/\d+/g).map(Number);
  return [h.id, r + g + b < 384 ? 'dark' : 'light'];
})));

/** The median luminance (0 to 255) of what `page` paints in `box` (a client rectangle),
 * read from a screenshot. */
async function painted(page, box) {
  const png = await page.screenshot({ clip: box });
  const blank = await page.context().newPage();
  const median = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height).getContext('2d');
    c.drawImage(img, 0, 0);
    const d = c.getImageData(0, 0, img.width, img.height).data;
    const l = [];
    for (let i = 0; i < d.length; i += 4) l.push(0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]);
    return l.sort((a, b) => a - b)[l.length >> 1];
  }, png.toString('base64'));
  await blank.close();
  return median;
}

for (const scheme of ['light', 'dark']) test(`on a ${scheme} screen, data-theme picks the explainer's palette, however the page wrote it, and when the page changes it`, async () => {
  const page = await open(env.browser, `${env.base}hosts/themes.html`, { colorScheme: scheme, viewport: { width: 1280, height: 800 } });
  await ready(page, 7);
  assert.deepEqual(await palettes(page), { auto: scheme, dark: 'dark', light: 'light', 'dark-cap': 'dark', 'light-cap': 'light',
    'fig-dark': 'dark', 'item-light': 'light' });
  // The explainer adds no element the page's own [data-theme] rules would style.
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('[data-theme]')].every((e) => e.matches('[data-explainer]'))));
  // The page's own switch, after load: set, changed, removed.
  await page.evaluate(() => {
    document.getElementById('auto').dataset.theme = 'DARK';
    document.getElementById('dark').dataset.theme = 'light';
    document.getElementById('fig-dark').dataset.theme = 'light';
    document.getElementById('item-light').removeAttribute('data-theme');
  });
  assert.ok(await until(async () => (await palettes(page))['fig-dark'] === 'light'), 'the figure follows its new theme');
  assert.deepEqual(await palettes(page), { auto: 'dark', dark: 'light', light: 'light', 'dark-cap': 'dark', 'light-cap': 'light',
    'fig-dark': 'light', 'item-light': scheme });
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('where the browser darkens pages of its own accord on a light screen, every explainer takes its own dark palette, pre-rendered ones before their code, which the browser leaves as drawn; paper stays light', async () => {
  // Chromium's "darken websites": the page's light colours recoloured one by one, the
  // drawing's boxes were left light in a dark page and its headings haloed in white.
  const darkening = await setup(['--blink-settings=forceDarkModeEnabled=true']);
  try {
    const page = await open(darkening.browser, `${darkening.base}hosts/themes.html`, { colorScheme: 'light', viewport: { width: 1280, height: 800 } });
    await ready(page, 7);
    const all = (palette) => Object.fromEntries(['auto', 'dark', 'light', 'dark-cap', 'light-cap', 'fig-dark', 'item-light'].map((id) => [id, palette]));
    assert.deepEqual(await palettes(page), all('dark'), 'each in its own dark palette, whatever its theme');
    // In a dark scheme, so the browser does not recolour it: a player's box is painted dark.
    const box = await page.evaluate(() => {
      const rect = xpRoot(document.getElementById('light')).querySelector('[data-key="entity:nvidia"] rect');
      rect.scrollIntoView({ block: 'center' });
      const r = rect.getBoundingClientRect();
      return { x: r.x + 4, y: r.y + 4, width: r.width - 8, height: r.height - 8 };
    });
    const lightness = await painted(page, box);
    assert.ok(lightness < 80, `the player's box painted at ${lightness} of 255`);
    // Redrawn (another language, a panel open), it keeps its palette.
    await page.locator('#light .xp-lang').click();
    await page.locator('#light [data-key="entity:nvidia"]').filter({ visible: true }).first().click();
    await panelShows(page, '#light', 'Nvidia');
    assert.deepEqual(await palettes(page), all('dark'), 'redrawn');
    await page.screenshot({ path: `${SHOTS}desktop-darkened-by-the-browser.png` });
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await palettes(page), all('light'), 'on paper');
    assert.deepEqual(page.messages, []);
    // A pre-rendered explainer is dark before its code comes (held back here): marked by
    // the code, the article showed the browser's recolouring for a second or more.
    const early = await open(darkening.browser, null, { colorScheme: 'light' });
    await early.route(/\.wasm$/, () => {});
    await early.goto(`${darkening.base}index.html`);
    await until(() => early.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-loader')));
    assert.deepEqual(await palettes(early), { '': 'dark' }, 'before its code');
    assert.equal(await early.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready')), false, 'not yet hydrated');
    await early.context().close();
  } finally {
    await darkening.close();
  }
});

test('under Dark Reader (the extension\'s engine), every explainer takes its own dark palette, which it leaves alone: players\' boxes dark, their names light; turned off, each is back in its theme', async () => {
  // Dark Reader rewrites a page's stylesheets, open shadow roots' too, and takes an SVG's fill
  // for text: the drawing's boxes came out light under names as light, in any palette. It
  // starts here once the page is parsed, after the loader: as when a reader turns it on.
  const page = await open(env.browser, null, { colorScheme: 'light', viewport: { width: 1280, height: 800 } });
  await page.addInitScript(`${DARK_READER}
    document.addEventListener('DOMContentLoaded', () => ${DARK_READER_ON});`);
  await page.goto(`${env.base}hosts/themes.html`);
  await ready(page, 7);
  const ids = ['auto', 'dark', 'light', 'dark-cap', 'light-cap', 'fig-dark', 'item-light'];
  const all = (palette) => Object.fromEntries(ids.map((id) => [id, palette]));
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-darkreader-scheme')), 'dark', 'Dark Reader at work');
  assert.ok(await until(async () => JSON.stringify(await palettes(page)) === JSON.stringify(all('dark'))), `each in its own dark palette: ${JSON.stringify(await palettes(page))}`);
  // As painted: the box of a light-themed explainer's player dark, its name light.
  const player = () => page.evaluate(() => {
    const g = xpRoot(document.getElementById('light')).querySelector('[data-key="entity:nvidia"]');
    g.scrollIntoView({ block: 'center' });
    const r = g.querySelector('rect').getBoundingClientRect();
    return { box: { x: r.x + 4, y: r.y + 4, width: r.width - 8, height: 10 }, name: getComputedStyle(g.querySelector('text')).fill };
  });
  const { box, name } = await player();
  const lightness = await painted(page, box);
  assert.ok(lightness < 80, `the player's box painted at ${lightness} of 255`);
  const [r, g, b] = name.match(/\d+/g).map(Number);
  assert.ok(0.2126 * r + 0.7152 * g + 0.0722 * b > 180, `its name in ${name}`);
  await page.screenshot({ path: `${SHOTS}desktop-dark-reader.png` });
  // Turned off: each explainer in its own theme again (the system's is light), still styled.
  await page.evaluate(() => DarkReader.disable());
  const own = { ...all('light'), dark: 'dark', 'dark-cap': 'dark', 'fig-dark': 'dark' };
  assert.ok(await until(async () => JSON.stringify(await palettes(page)) === JSON.stringify(own)), `each in its theme: ${JSON.stringify(await palettes(page))}`);
  assert.deepEqual(await page.evaluate((ids) => ids.filter((id) => getComputedStyle(xpRoot(document.getElementById(id)).querySelector('.xp-root')).containerType !== 'inline-size'), ids), [], 'all styled');
  assert.deepEqual(page.messages, []);
  await page.context().close();
  // Turned on at the page's start, as the extension is (once <head> exists): a pre-rendered
  // explainer is in its own dark palette, untouched, before its code comes (held back here).
  const early = await open(env.browser, null, { colorScheme: 'light' });
  await early.addInitScript(`${DARK_READER}
    new MutationObserver((_, o) => { if (document.head) { o.disconnect(); ${DARK_READER_ON}; } })
      .observe(document, { childList: true, subtree: true });`);
  await early.route(/\.wasm$/, () => {});
  await early.goto(`${env.base}index.html`);
  await until(() => early.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-loader')));
  assert.deepEqual(await palettes(early), { '': 'dark' }, 'before its code');
  const fill = await early.evaluate(() => getComputedStyle(xpRoot(document.querySelector('[data-explainer]')).querySelector('[data-key="entity:nvidia"] rect')).fill);
  assert.ok(fill.match(/\d+/g).map(Number).reduce((a, b) => a + b) < 200, `a player's box before its code: ${fill}`);
  assert.deepEqual(early.messages, []);
  await early.context().close();
});

test('a host added after load is mounted', async () => {
  const page = await open(env.browser, `${env.base}hosts/late.html`);
  await ready(page, 1);
  assert.equal(await shadow(page, '#late', "return root.querySelector('.xp-root').lang"), 'en');
  await page.context().close();
});

test('a snippet a script puts in with innerHTML (a framework\'s page change, a "load more") shows pre-rendered in the frame it comes in, at its height, then hydrates the same drawing and answers', async () => {
  // The browser parses a declarative shadow root in the page's HTML only: put in by a
  // script, the snippet's <template> stayed an inert element and the host showed nothing
  // until the code drew it afresh. The loader attaches it as the parser would have.
  const snippet = await snippetHtml();
  const page = await open(env.browser, null);
  await page.route(`${env.base}more.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Plus d’articles</title><link rel="icon" href="data:,"></head>
<body><main><p>Le premier article.</p><div id="more"></div></main><script type="module" src="/embed.js"></script></body></html>` }));
  await page.goto(`${env.base}more.html`);
  // The loader has run (its builds' set is made as it starts, its observer as it ends).
  await page.waitForFunction(() => window[Symbol.for('explainer.builds')]?.size > 0);
  const first = await page.evaluate((html) => new Promise((ok) => {
    document.getElementById('more').innerHTML = html;
    requestAnimationFrame(() => {
      const host = document.querySelector('#more > [data-explainer]');
      ok({ drawn: !!host.shadowRoot?.querySelector('.xp-mount svg.xp-svg'), template: !!host.querySelector('template'), height: Math.round(host.getBoundingClientRect().height) });
    });
  }), snippet);
  assert.deepEqual({ ...first, height: first.height > 600 }, { drawn: true, template: false, height: true }, 'drawn pre-rendered in the first frame');
  const before = await keptDrawing(page, '#more > [data-explainer]');
  await ready(page);
  assert.deepEqual(await keptDrawing(page, '#more > [data-explainer]'), before, 'the same drawing, hydrated');
  assert.equal(await page.evaluate(() => Math.round(document.querySelector('#more > [data-explainer]').getBoundingClientRect().height)), first.height);
  await page.locator('#more [data-key="entity:nvidia"]:visible').first().click();
  assert.ok(await panelShows(page, '#more > [data-explainer]', 'Nvidia'));
  // The browser's own warning, on the page's innerHTML: nothing else.
  assert.deepEqual(page.messages.filter((m) => !m.includes('declarative Shadow DOM is not being parsed')), []);
  await page.context().close();
});

test('a host drawn afresh is never painted before its stylesheet applies, however slow; if the stylesheet fails, it is drawn unstyled, never left blank', async () => {
  // Drawn at once, the explainer showed for a frame or more unstyled (1,800 px of bare
  // text, then its styled height: a layout shift), and was laid out twice.
  for (const css of ['slow', 'failed']) {
    const page = await open(env.browser);
    await page.route(/explainer-[0-9a-f]+\.css$/, async (route) => {
      if (css === 'failed') return route.abort();
      await new Promise((ok) => setTimeout(ok, 500));
      return route.continue();
    });
    // In every frame: is the host's explainer there, and is its stylesheet applied (the
    // stylesheet pads it)?
    await page.addInitScript(() => {
      window.frames_ = [];
      const tick = () => {
        const s = document.querySelector('#late')?.shadowRoot;
        const root = s?.querySelector('.xp-root');
        if (root) window.frames_.push(getComputedStyle(root).paddingTop !== '0px' ? 'styled' : 'unstyled');
        if (window.frames_.length < 5) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(`${env.base}hosts/late.html`);
    await ready(page, 1);
    await until(() => page.evaluate(() => window.frames_.length >= 5));
    const frames = await page.evaluate(() => window.frames_);
    const nodes = await shadow(page, '#late', "return root.querySelectorAll('.xp-svg [data-key]').length");
    const padding = await shadow(page, '#late', "return getComputedStyle(root.querySelector('.xp-root')).paddingTop");
    if (css === 'slow') {
      assert.deepEqual(frames, Array(5).fill('styled'), 'each frame once the explainer is there');
      assert.notEqual(padding, '0px', 'styled');
      assert.deepEqual(page.messages, []);
    } else {
      assert.deepEqual(frames, Array(5).fill('unstyled'), 'drawn without its stylesheet');
      assert.equal(padding, '0px');
      assert.deepEqual(page.messages.filter((m) => !m.includes('ERR_FAILED')), []);
    }
    assert.ok(nodes > 10, `${css} stylesheet: ${nodes} controls drawn`);
    await page.context().close();
  }
});

test('a host that leaves the page is unmounted; one moved keeps its state, one put back is mounted again', async () => {
  const page = await open(env.browser, `${env.base}hosts/late.html`);
  await ready(page, 1);
  const state = () => shadow(page, '#late', `return [host.hasAttribute('data-explainer-mounted'), !!root.querySelector('.xp-root'),
    root.querySelector('.xp-panel h3')?.textContent ?? null]`);
  await page.locator('#late [data-key="entity:openai"]').click();
  assert.ok(await until(async () => (await state())[2] === 'OpenAI'));
  // Moved within one task (the page's layout changing): the same explainer, panel still open.
  await page.evaluate(() => document.body.prepend(document.querySelector('#late')));
  await page.waitForTimeout(100);
  assert.deepEqual(await state(), [true, true, 'OpenAI'], 'moved');
  // Removed (a single-page app moving on to another article): unmounted, nothing left inside.
  await page.evaluate(() => { window.kept = document.querySelector('#late'); window.kept.remove(); });
  assert.ok(await until(() => page.evaluate(() => !window.kept.hasAttribute('data-explainer-mounted'))), 'unmounted');
  assert.equal(await page.evaluate(() => window.kept.shadowRoot.childNodes.length), 0, 'its content is gone');
  // Put back: mounted again from scratch, with the item the address still links to, and it
  // answers.
  await page.evaluate(() => document.body.append(window.kept));
  await ready(page, 1);
  assert.deepEqual(await state(), [true, true, 'OpenAI'], 'put back');
  await page.locator('#late [data-key="entity:nvidia"]').click();
  assert.ok(await until(async () => (await state())[2] === 'Nvidia'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a pre-rendered host that leaves the page before any input drops its pending hydration', async () => {
  const page = await open(env.browser, `${env.base}index.html`);
  // The code arrives (the widget is near the top), and no input hydrates it.
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  assert.equal(await page.evaluate(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready')), false);
  await page.evaluate(() => { window.kept = document.querySelector('[data-explainer]'); window.kept.remove(); });
  assert.ok(await until(() => page.evaluate(() => !window.kept.hasAttribute('data-explainer-mounted'))), 'unmounted');
  assert.equal(await page.evaluate(() => window.kept.shadowRoot.childNodes.length), 0, 'its pre-rendered content is gone');
  await page.evaluate(() => document.querySelector('main').append(window.kept));
  await ready(page, 1);
  await page.locator('[data-explainer] [data-key="entity:amd"]').click();
  assert.ok(await until(() => page.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-panel h3')?.textContent === 'AMD')));
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a pre-rendered host that leaves the page can be garbage-collected, hydrated or not', async () => {
  // A single-page app that drops an article must get its memory back: nothing the loader
  // or the explainer keeps may hold the removed host.
  for (const hydrated of [false, true]) {
    const page = await open(env.browser, `${env.base}index.html`);
    await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
    if (hydrated) {
      await page.locator('[data-explainer] [data-key="entity:amd"]').filter({ visible: true }).click();
      await ready(page, 1);
    }
    // Only a weak reference: the test itself must not keep the host alive.
    await page.evaluate(() => { const host = document.querySelector('[data-explainer]'); window.ref = new WeakRef(host); host.remove(); });
    assert.ok(await until(() => page.evaluate(() => !window.ref.deref()?.hasAttribute('data-explainer-mounted'))), 'unmounted');
    const cdp = await page.context().newCDPSession(page);
    const collected = await until(async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return page.evaluate(() => window.ref.deref() === undefined);
    });
    assert.ok(collected, `the removed host is collected (${hydrated ? 'hydrated' : 'never touched'})`);
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('a first press whose control is redrawn before it is released still opens the panel', async () => {
  // The press hydrates the pre-rendered explainer (if idle time has not); if the diagram is
  // then laid out again (here, the window narrows to a phone's) before the release, the
  // browser clicks a removed element.
  const page = await open(env.browser, `${env.base}index.html`, { viewport: { width: 1280, height: 800 } });
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-mounted'));
  const at = await shadow(page, '[data-explainer]', `
    window.pressed = [...root.querySelectorAll('[data-key="entity:nvidia"]')].find((e) => e.getClientRects().length);
    const b = window.pressed.getBoundingClientRect();
    return [b.x + b.width / 2, b.y + b.height / 2];`);
  await page.mouse.move(...at);
  await page.mouse.down();
  await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-ready'));
  // Narrow enough for another drawing (one stack): one that still fits is kept as it is.
  await page.setViewportSize({ width: 480, height: 800 });
  assert.ok(await until(() => page.evaluate(() => !window.pressed.isConnected)), 'the pressed control was redrawn');
  const now = await shadow(page, '[data-explainer]', `
    const b = [...root.querySelectorAll('[data-key="entity:nvidia"]')].find((e) => e.getClientRects().length).getBoundingClientRect();
    return [b.x + b.width / 2, b.y + b.height / 2];`);
  await page.mouse.move(...now);
  await page.mouse.up();
  // A mouse's click comes with its release: the control is clicked again right after, not
  // after the grace period a touch's later click gets (350 ms).
  // Polled for 300 ms, short of that, rather than read once at 200 ms: a loaded machine may
  // take longer to paint it, but not the grace period longer.
  const title = () => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent");
  assert.ok(await until(async () => (await title()) === 'Nvidia', 300), `the panel shows ${await title()}`);
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a large story draws its first screen at once, then every control; one drawn late opens by tap', async () => {
  const page = await open(env.browser, `${env.base}hosts/plain.html`, { hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await ready(page, 1);
  const first = await page.evaluate(() => {
    const t = (s) => ({ fr: s, en: s });
    const kinds = ['investment', 'chip_supply', 'cloud_compute', 'partnership', 'competition'];
    // Names past ASCII, one beyond the BMP: the story's text must reach the code intact.
    const story = { schema_version: 1, published: '2025-01-01', as_of: '2025-06-01', title: t('Big'), dek: t('Generated'),
      entities: Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, role: ['lab', 'investor', 'chipmaker'][i % 3], name: t(`Énergie ${i} 𝔸`), description: t('d') })),
      // Each from one entity to another (an offset of 1 to 199 never lands on itself).
      relationships: Array.from({ length: 600 }, (_, j) => ({ id: `r${j}`, from: `e${j % 200}`, to: `e${(j + 1 + (j * 7) % 199) % 200}`,
        kind: kinds[j % 5], label: t('link'), status: 'confirmed', sources: ['s'] })),
      // An event, so the diagram has a view to give way to (printed below).
      events: [{ id: 'v', date: '2025-03-01', status: 'confirmed', title: t('Event'), text: t('Text'), entities: ['e0'], sources: ['s'] }],
      sources: [{ id: 's', publisher: 'P', title: 'T', url: 'https://example.org/' }] };
    const host = document.createElement('div');
    host.id = 'big';
    host.setAttribute('data-explainer', '');
    host.setAttribute('data-lang', 'en');
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = JSON.stringify(story);
    host.append(s);
    window.total = story.entities.length + story.relationships.length;
    return new Promise((ok) => {
      // Counted as the explainer announces itself, before the browser paints it.
      host.addEventListener('explainer:ready', () => ok(host.shadowRoot.querySelectorAll('.xp-svg [data-key]').length));
      document.body.append(host);
    });
  });
  const total = await page.evaluate(() => window.total);
  assert.ok(first > 0 && first < total / 4, `${first} of ${total} controls drawn first`);
  assert.ok(await until(() => shadow(page, '#big', `return root.querySelectorAll('.xp-svg [data-key]').length === ${total}`)),
    'every control is drawn after the first screen');
  assert.equal(await shadow(page, '#big', "return root.querySelectorAll('.xp-svg [tabindex=\"0\"]').length"), 1, 'one tab stop');
  const late = page.locator('#big .xp-svg [data-key="entity:e199"]');
  await late.scrollIntoViewIfNeeded();
  await late.tap();
  // (A number keeps its word: the space after 199 is a no-break one.)
  assert.ok(await until(() => shadow(page, '#big', "return root.querySelector('.xp-panel h3')?.textContent === 'Énergie 199\\u00a0𝔸'"), 3000));
  // On screen too, its lines are solid, lit or not, and its legend's samples with them (the
  // dashes of 600 lines were most of the raster work of scrolling it); each kind keeps a
  // marker shape of its own. The page's small story keeps its dashes.
  const looks = await page.evaluate(() => [...document.querySelectorAll('[data-explainer]')].map((h) => {
    const root = h.shadowRoot;
    const solid = (sel) => [...root.querySelectorAll(sel)].map((l) => getComputedStyle(l).strokeDasharray === 'none');
    return { lines: solid('.xp-lines .xp-line'), lit: solid('.xp-lit-lines .xp-line'), legend: solid('.xp-legend .xp-line'),
      marks: new Set([...root.querySelectorAll('.xp-legend .xp-mark')].map((m) => m.getAttribute('d'))).size };
  }));
  const [own, big] = looks;
  assert.ok(big.lit.length > 0 && [...big.lines, ...big.lit, ...big.legend].every(Boolean), `the large story's lines are solid: ${JSON.stringify(big)}`);
  assert.equal(big.marks, 5, "each of the large story's five kinds has a marker of its own");
  assert.ok(own.lines.includes(false) && own.legend.includes(false), "the page's own story keeps its dashes");
  // Printed from the timeline, at 4x CPU: both explainers of the page build their views for
  // paper, which no paint precedes, and the diagram has every control, not its first
  // screen's. The page's listener runs after the explainers'.
  await page.locator('#big [role=tab]').nth(1).tap();
  assert.ok(await until(() => shadow(page, '#big', "return !root.querySelector('.xp-svg')")), 'the timeline alone');
  await page.evaluate(() => addEventListener('beforeprint', () => {
    const [own, big] = [...document.querySelectorAll('[data-explainer]')].map((h) => h.shadowRoot);
    window.printed = [big.querySelectorAll('.xp-svg [data-key]').length, own.querySelectorAll('.xp-bar-row').length > 0, own.querySelectorAll('.xp-event-btn').length > 0];
  }));
  // One page is enough: the page is told it prints, and laid out, before any is drawn.
  await printSlowly(page, { pageRanges: '1' });
  assert.deepEqual(await page.evaluate(() => window.printed), [total, true, true], 'every control and view printed');
  // On paper, its lines are solid, which the PDF writes as one path each, not every dash
  // (the whole print took 98 s, 237 MB); the page's small story keeps its dashes.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const dashes = await page.evaluate(() => [...document.querySelectorAll('[data-explainer]')].map((h) =>
    new Set([...h.shadowRoot.querySelectorAll('.xp-line')].map((l) => getComputedStyle(l).strokeDasharray === 'none')).size));
  await page.emulateMedia({ media: null });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.deepEqual(dashes, [2, 1], 'the small story prints dashed lines and solid ones; the large one solid only');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

/** The page of two pre-rendered snippets, its first host asking English of its French
 * drawing (so the code draws it afresh), on a phone; responses matching `held` wait for
 * `release()`. */
async function redrawn(held) {
  const page = await open(env.browser, null, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await page.route(/two-prerendered\.html$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<div data-explainer data-lang="fr">', '<div id="asked" data-explainer data-lang="en">');
    await route.fulfill({ response, body });
  });
  let release;
  const hold = new Promise((ok) => { release = ok; });
  await page.route(held, async (route) => { await hold; await route.continue(); });
  await page.goto(`${env.base}hosts/two-prerendered.html`);
  return { page, release };
}
const noted = (page) => page.evaluate(() => document.getElementById('asked').hasAttribute('data-explainer-tapped'));

test('a snippet drawn afresh (its page asks another language) answers a tap given before its code: the item tapped, or the tab', async () => {
  // The drawing of another language, or of an older build, is not hydrated: the code draws
  // it afresh. A control tapped in it before the code came was clicked again on the old
  // drawing, which answers nothing, and the tap was lost.
  for (const [what, control, expect] of [
    ['a player', '[data-key="entity:us-government"]', "return root.querySelector('.xp-panel h3')?.textContent === 'US government'"],
    ['a tab', '[role=tab][id$="-tab-timeline"]', "return root.querySelector('[role=tab][id$=\"-tab-timeline\"]')?.getAttribute('aria-selected') === 'true' && !!root.querySelector('.xp-event-btn')"],
  ]) {
    const { page, release } = await redrawn(/_bg\.wasm$/);
    const target = page.locator(`#asked ${control}`).filter({ visible: true }).first();
    await target.scrollIntoViewIfNeeded();
    await target.tap();
    release();
    assert.ok(await until(() => shadow(page, '#asked', expect)), `${what} tapped before the code is opened once it is drawn`);
    assert.equal(await shadow(page, '#asked', "return root.querySelector('.xp-root').lang"), 'en', 'drawn in the language asked');
    assert.equal(await noted(page), false, 'the loader\'s note of the tap is gone');
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
});

test('a snippet drawn afresh answers a tap given after its code came, while its stylesheet loads', async () => {
  // The code draws afresh once the new drawing's stylesheet applies (one request). A tap
  // on the old drawing meanwhile reached a drawing that answers nothing.
  const { page, release } = await redrawn(/explainer-[0-9a-f]+\.css$/);
  const target = page.locator('#asked [data-key="entity:us-government"]').filter({ visible: true }).first();
  await target.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('asked').hasAttribute('data-explainer-mounted'));
  assert.match(await target.textContent(), /Gouvernement/, 'the old drawing is still there');
  await target.tap();
  release();
  assert.ok(await until(() => shadow(page, '#asked', "return root.querySelector('.xp-panel h3')?.textContent === 'US government'")), 'the player tapped opens once it is drawn');
  assert.equal(await noted(page), false, 'the note of the tap is gone');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('a snippet drawn afresh keeps the keyboard on the control it was on: a player, or a tab', async () => {
  // Focus coming into a pre-rendered explainer fetches its code. An older build's drawing,
  // or another language's, is then replaced: focus fell to the page's start, and a keyboard
  // or screen reader user lost their place.
  const ready = (page) => page.waitForFunction(() => document.getElementById('asked').hasAttribute('data-explainer-ready'));
  for (const [what, control, expect] of [
    ['a player', '[data-key="entity:us-government"]', "const f = root.activeElement; return f?.getAttribute('data-key') === 'entity:us-government' && f.textContent.includes('US government')"],
    ['a tab', '[role=tab][id$="-tab-timeline"]', "const f = root.activeElement; return !!f?.matches('[role=tab][id$=\"-tab-timeline\"]') && f.textContent !== '' && f.closest('.xp-root').lang === 'en'"],
  ]) {
    const { page, release } = await redrawn(/_bg\.wasm$/);
    await page.locator(`#asked ${control}`).filter({ visible: true }).first().focus();
    release();
    await ready(page);
    assert.ok(await until(() => shadow(page, '#asked', expect)), `focus stays on ${what} once it is drawn afresh`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'asked', 'the page\'s focus is in the explainer');
    assert.equal(await shadow(page, '#asked', 'return !!root.querySelector(".xp-panel")'), false, 'focus alone opens nothing');
    assert.deepEqual(page.messages, []);
    await page.context().close();
  }
  // Focus the reader moved out before the code came stays where they put it. (The loader
  // focuses as the explainer reports itself ready, in the task that marks the host.)
  const { page, release } = await redrawn(/_bg\.wasm$/);
  await page.locator('#asked [data-key="entity:us-government"]').filter({ visible: true }).first().focus();
  await page.evaluate(() => document.activeElement.shadowRoot.activeElement.blur());
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'the reader left the explainer');
  release();
  await ready(page);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus is not taken back into the explainer');
  assert.deepEqual(page.messages, []);
  await page.context().close();
});

test('when the code stops after drawing (a page script broke a DOM method it relies on), every explainer it drew is read in reading mode and says so; none keeps controls that do nothing', async () => {
  const page = await open(env.browser, `${env.base}hosts/two.html`, { viewport: { width: 1280, height: 800 } });
  await ready(page, 2);
  // A page script's wrapper that refuses to insert: the next node the explainer adds makes
  // its code panic (Yew cannot go on without it).
  await page.evaluate(() => {
    window.insert = Node.prototype.insertBefore;
    Node.prototype.insertBefore = () => { throw new DOMException('refused by a page script', 'NotSupportedError'); };
  });
  // A keyboard reader opens a player.
  await page.locator('#first [data-key="entity:nvidia"]').focus();
  await page.keyboard.press('Enter');
  await page.evaluate(() => { Node.prototype.insertBefore = window.insert; });
  const state = (id) => page.evaluate((i) => {
    const host = document.getElementById(i);
    const r = host.shadowRoot;
    const shown = (el) => !!el && el.getClientRects().length > 0 && el.getBoundingClientRect().height > 1;
    // Controls offered to Tab or a screen reader that now answer nothing (links and
    // disclosures still work).
    const dead = [...r.querySelectorAll('[role=button], button:not(:disabled), [tabindex]:not([tabindex="-1"])')]
      .filter((e) => shown(e) && !e.matches('a[href], summary, .xp-table-wrap') && !e.closest('.xp-controls'));
    return { failed: host.hasAttribute('data-explainer-failed'), ready: host.hasAttribute('data-explainer-ready'),
      note: shown(r.querySelector('.xp-static-note')) && r.querySelector('.xp-static-note').textContent, panel: !!r.querySelector('.xp-panel'), tabs: shown(r.querySelector('[role=tab]')),
      dead: dead.map((e) => e.getAttribute('data-key') || e.textContent.slice(0, 20)),
      // Each view shown is one the code built: none is its title alone.
      views: [...r.querySelectorAll('.xp-view')].filter(shown).map((v) => v.children.length > 1) };
  }, id);
  // Neither note promises the whole content: only the view shown was built.
  const notes = { first: 'L’interaction s’est arrêtée sur cette page\u00a0: voici ce que l’explication montrait.',
    second: 'Interaction has stopped on this page: this is what the explainer was showing.' };
  for (const id of ['first', 'second']) {
    // Reading mode applies once its stylesheet (static.css) has come.
    assert.ok(await until(async () => { const s = await state(id); return s.failed && s.note; }), `${id}: marked failed, in reading mode`);
    const s = await state(id);
    assert.deepEqual({ ...s, views: undefined }, { failed: true, ready: false, note: notes[id], panel: false, tabs: false, dead: [], views: undefined }, id);
    assert.ok(s.views.length >= 1 && s.views.every(Boolean), `${id}: views ${s.views}`);
  }
  // The diagram's controls are inert: a click there does nothing, and no error follows.
  const before = page.messages.length;
  await page.locator('#first [data-key="entity:openai"]').click({ force: true });
  await page.waitForTimeout(200);
  assert.equal(page.messages.length, before, page.messages.slice(before).join('\n'));
  // The developer reads why in the console: the panic's message.
  assert.ok(page.messages.some((m) => /^error: explainer: panicked at .*failed to (insert|append)/s.test(m)), page.messages.join('\n'));
  // A host added afterwards says the explainer cannot load, rather than stay blank.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div id="third" data-explainer data-lang="en"></div>'));
  assert.ok(await until(() => page.evaluate(() => document.getElementById('third').shadowRoot?.querySelector('[role=note]')?.textContent)));
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('when the code traps without a panic (an access out of bounds), its explainer is read in reading mode and says so', async () => {
  const page = await open(env.browser);
  // The code's exports, as the module is instantiated (streamed, as a server sending
  // application/wasm allows).
  await page.addInitScript(() => {
    const streamed = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...a) => streamed(...a).then((r) => { window.xpExports = r.instance.exports; return r; });
  });
  await page.goto(`${env.base}index.html`);
  await ready(page);
  await page.locator('[data-key="entity:microsoft"]').filter({ visible: true }).first().click();
  assert.ok(await panelShows(page, '[data-explainer]', 'Microsoft'));
  // One of its closures called with a pointer past its memory: the WASM traps (a
  // RuntimeError, as when memory runs out), and no panic hook runs.
  await page.evaluate(() => setTimeout(() => {
    const invoke = Object.keys(xpExports).find((k) => k.includes('invoke'));
    xpExports[invoke](0xfffffff0, 0xfffffff0, 0, 0);
  }));
  const state = () => page.evaluate(() => {
    const host = document.querySelector('[data-explainer]');
    const note = xpRoot(host).querySelector('.xp-static-note');
    return { failed: host.hasAttribute('data-explainer-failed'), ready: host.hasAttribute('data-explainer-ready'),
      note: !!note?.getClientRects().length && note.textContent, panel: !!xpRoot(host).querySelector('.xp-panel') };
  });
  assert.ok(await until(async () => (await state()).note), JSON.stringify(await state()));
  assert.deepEqual(await state(), { failed: true, ready: false, panel: false,
    note: 'L’interaction s’est arrêtée sur cette page\u00a0: voici ce que l’explication montrait.' });
  assert.ok(page.messages.some((m) => /memory access out of bounds/.test(m)), page.messages.join('\n'));
  await page.context().close();
});
