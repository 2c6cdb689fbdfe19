// The article saved for later: Chrome's "Download page" on Android and "Save as…" one file
// on the desktop write MHTML (Blink's serializer, which the DevTools protocol's
// Page.captureSnapshot runs). The saved copy runs no script: each explainer must be drawn
// as it was on the live page, styled, its brief (for reader modes) not shown, and in
// reading mode: no tab or control that answers nothing. Chrome's serializer leaves out
// what the hidden attribute hides: the copy holds the view shown, and not the others.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setup, open, ready, until } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** What a reader sees of each explainer on `page`: the drawing shown (its viewBox), a
 * player's box colour and its name's, how many briefs show; whether its tabs and its note
 * ("this is the whole content") show, and which views show. */
const look = (page) => page.evaluate(() => [...document.querySelectorAll('[data-explainer]')].map((h) => {
  const root = h.shadowRoot ?? h.querySelector('[data-explainer-shadow]')?.shadowRoot;
  const svg = [...(root?.querySelectorAll('.xp-svg') ?? [])].find((e) => e.getClientRects().length);
  const box = svg?.querySelector('.xp-node rect');
  const name = svg?.querySelector('.xp-node text');
  const shows = (e) => !!e && e.getClientRects().length > 0;
  return { drawing: svg?.getAttribute('viewBox') ?? null, box: box && getComputedStyle(box).fill, name: name && getComputedStyle(name).fill,
    briefs: [...h.querySelectorAll('.explainer-fallback')].filter(shows).length,
    tabs: shows(root?.querySelector('.xp-tabs')), note: shows(root?.querySelector('.xp-static-note')),
    views: [...(root?.querySelectorAll('.xp-view') ?? [])].filter(shows).map((v) => v.id) };
}));

/** `page` saved as Chrome saves it, opened again (no script runs in a saved page). */
async function saved(page, dir, name) {
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' });
  await writeFile(`${dir}/${name}.mhtml`, data);
  const copy = await open(env.browser, `file://${dir}/${name}.mhtml`);
  await copy.waitForLoadState('load');
  return copy;
}

test('saved as Chrome saves a page for offline reading (MHTML), each explainer is drawn as it was, styled: a pasted snippet before and after its code, and minimal embeds', async () => {
  const dir = await mkdtemp(`${tmpdir()}/saved-`);
  for (const [path, count, hydrate] of [['index.html', 1, false], ['index.html', 1, true], ['hosts/minimal.html', 3, true]]) {
    const page = await open(env.browser, null);
    // Saved before its code ran: the code held back (once it comes, the views and layouts
    // not shown are dropped).
    if (!hydrate) await page.route(/explainer-[^/]*\.wasm$/, () => {});
    await page.goto(`${env.base}${path}`);
    if (hydrate) await ready(page, count);
    const live = await look(page);
    assert.equal(live.length, count);
    for (const l of live) assert.ok(l.drawing && l.box !== 'rgb(0, 0, 0)', `${path}: the live drawing ${JSON.stringify(l)}`);
    const copy = await saved(page, dir, `${path.replace(/\W/g, '-')}-${hydrate}`);
    const what = `${path}${hydrate ? ', its code run' : ''}`;
    const kept = await look(copy);
    kept.forEach((k, i) => {
      const l = live[i];
      assert.deepEqual([k.drawing, k.box, k.name, k.briefs], [l.drawing, l.box, l.name, 0], `${what}: drawn and styled as on the page`);
      assert.equal(l.note, false, `${what}: live, no note`);
      // Reading mode, with the view shown; the note promising the whole content only for a
      // story of one view (no tabs: the page's own story).
      assert.deepEqual([k.tabs, k.views, k.note], [false, l.views, !l.tabs], `${what}: in reading mode`);
    });
    assert.deepEqual([...page.messages, ...copy.messages], []);
    await copy.context().close();
    await page.context().close();
  }
});

test('saved with a panel open, the copy reads the panel after the views, as on paper: no sheet held over the drawing that nothing closes', async () => {
  const dir = await mkdtemp(`${tmpdir()}/saved-`);
  for (const [name, device] of [['phone', { hasTouch: true, isMobile: true }], ['desktop', { viewport: { width: 1280, height: 800 } }]]) {
    const page = await open(env.browser, `${env.base}index.html`, device);
    await ready(page);
    const player = page.locator('[data-explainer] [data-key="entity:nvidia"]').first();
    await (name === 'phone' ? player.tap() : player.click());
    const panel = (on) => on.evaluate(() => {
      const r = document.querySelector('[data-explainer]').shadowRoot;
      const p = r.querySelector('.xp-panel');
      return p && { title: p.querySelector('h2, h3, h4')?.textContent, position: getComputedStyle(p).position,
        close: r.querySelector('.xp-close')?.getClientRects().length ?? 0,
        below: Math.round(p.getBoundingClientRect().top - r.querySelector('.xp-views').getBoundingClientRect().bottom) };
    });
    await until(async () => (await panel(page))?.title === 'Nvidia');
    const live = await panel(page);
    assert.equal(live.close, 1, `${name}: live, the panel can be closed`);
    const copy = await saved(page, dir, name);
    const kept = await panel(copy);
    assert.deepEqual(kept && [kept.title, kept.position, kept.close, kept.below >= 0], ['Nvidia', 'static', 0, true],
      `${name}: the copy's panel ${JSON.stringify(kept)}`);
    assert.deepEqual([...page.messages, ...copy.messages], []);
    await copy.context().close();
    await page.context().close();
  }
});

