// The explainer in the engines a Chromium suite cannot speak for: Firefox (Debian's
// firefox-esr, through geckodriver) and WebKit (Debian's WebKitGTK, Safari's engine, through
// WebKitWebDriver). On a phone's screen and a desktop, light and dark, it comes, opens the
// panel each tap asks for (every player and relationship, on a phone's screen), takes the
// Chromium journeys' keyboard tour, switches language, spills no text, passes axe (closed and
// open, as each engine computes styles and roles), strikes a superseded status through
// (WebKit dropped the minified rule), and in Firefox draws the panel's scrollbar in its own
// palette (it drew a white track on the dark sheet). Neither has a phone's
// emulation, and their windows are at least 450 to 500 px wide: a phone's screen is a frame
// of its size (hosts/column.html), whose media and container queries see that width.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { serve, AXE_FILE, AXE_TAGS } from './server.mjs';
import { firefox, webkit, KEY } from './webdriver.mjs';
import { SHOTS, STORY, words } from './reader.mjs';
import { inPage } from './inpage.mjs';

let server, base;
before(async () => { server = await serve(); base = `http://127.0.0.1:${server.address().port}/`; });
after(() => server.close());

const SCREENS = [
  { label: 'phone320', url: 'hosts/column.html?page=plain.html&w=320&h=568', window: [800, 700], every: 'dark' },
  { label: 'phone375', url: 'hosts/column.html?page=../index.html&w=375&h=667', window: [800, 700], every: 'light' },
  { label: 'desktop', url: 'index.html', window: [1280, 800], keyboard: true },
];
// The players' French names, as patterns that match them exactly.
const names = Object.fromEntries(STORY.entities.map((e) => [e.id, words(e.name.fr).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')]));

// In the page (or frame) that holds the explainer: its shadow root, `r`.
const R = "const r = document.querySelector('[data-explainer]').shadowRoot;";
/** A WebDriver script's body that waits, as a reader would, for `expr` (an expression in the
 * frame, `r` the explainer's shadow root once there is one) to be truthy, for up to `ms`:
 * its value, or `timeout` after that. */
const until = (expr, ms = 5000, timeout = null) => `const done = arguments[arguments.length - 1], t0 = Date.now();
  (function poll() {
    const h = document.querySelector('[data-explainer]'), r = h?.shadowRoot, v = (${expr});
    if (v || Date.now() - t0 > ${ms}) return done(v || ${JSON.stringify(timeout)});
    setTimeout(poll, 50);
  })();`;
/** The explainer's state once it has come (or failed). */
const came = until("h && (h.hasAttribute('data-explainer-ready') ? 'ready' : h.hasAttribute('data-explainer-failed') && 'failed')",
  20000, 'neither ready nor failed after 20 s');
/** Text that runs out of its element or that its element cuts, within the explainer (lib.mjs's
 * check, the same in all three engines). */
const SPILLS = `${inPage} ${R} return xpSpills(r.querySelector('.xp-root'));`;
/** The open panel's scrollbar as painted, from its screenshot (base64, the first argument):
 * the median luminance of its track's columns, and its background's (sRGB, 0-255). */
const SCROLLBAR = `${R} const done = arguments[arguments.length - 1];
  const p = r.querySelector('.xp-panel'), cs = getComputedStyle(p);
  const bar = p.offsetWidth - p.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
  const lum = (c) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  const img = new Image();
  img.onload = () => {
    const k = img.width / p.offsetWidth, c = new OffscreenCanvas(img.width, img.height).getContext('2d');
    c.drawImage(img, 0, 0);
    const x0 = Math.floor((p.offsetWidth - parseFloat(cs.borderRightWidth) - bar) * k), w = Math.max(1, Math.floor(bar * k) - 1);
    const d = c.getImageData(x0, 0, w, img.height).data, l = [];
    for (let i = 0; i < d.length; i += 4) l.push(lum([d[i], d[i + 1], d[i + 2]]));
    done({ bar, scrolls: p.scrollHeight > p.clientHeight, track: l.sort((a, b) => a - b)[l.length >> 1], bg: lum(cs.backgroundColor.match(/[\\d.]+/g).map(Number)) });
  };
  img.src = 'data:image/png;base64,' + arguments[0];`;

const AXE = await readFile(AXE_FILE, 'utf8');
/** axe-core's violations inside the explainer of the current frame, with the Chromium
 * journeys' rules (lib.mjs `axe`): the engine's own accessibility tree and computed styles
 * are what it reads. */
async function audit(br) {
  if (!await br.run('return typeof window.axe?.run === "function"')) await br.run(AXE);
  return br.runAsync(`const done = arguments[arguments.length - 1];
    axe.run({ include: [['[data-explainer]']] }, { runOnly: arguments[0] })
      .then((r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))), (e) => done(['axe failed: ' + e.message]));`, AXE_TAGS);
}

/** What each engine's run checks beyond the journey: Firefox's classic scrollbar (WebKitGTK's
 * overlay one shows only as it scrolls). */
const ENGINES = [['Firefox', firefox, { scrollbar: true }], ['WebKit', webkit, { scrollbar: false }]];

/** Taps the control `key` shown (a pre-rendered explainer has a drawing per width), brought
 * to the middle of the screen first, and returns the title of the panel it opens. */
async function open(br, key) {
  const [x, y] = await br.run(`${R} const c = [...r.querySelectorAll('[data-key="${key}"]')].find((e) => e.getBoundingClientRect().width > 0);
    scrollBy({ top: c.getBoundingClientRect().top - innerHeight / 2, behavior: 'instant' });
    const b = c.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2];`);
  await br.tap(x, y);
  return words(await br.runAsync(until("r.querySelector('.xp-panel:not([data-partial]) h3')?.textContent")) ?? '');
}
/** Taps the open panel's close button, and waits for the panel's title to go. */
async function close(br, label) {
  const [x, y] = await br.run(`${R} const b = r.querySelector('.xp-close').getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2];`);
  await br.tap(x, y);
  assert.ok(await br.runAsync(until("!r.querySelector('.xp-panel h3')")), `${label}: the close button closes the panel`);
}
/** The focused element of the explainer, as an expression: its key, role or tag, and the
 * start of its text. */
const FOCUS = `((a) => a ? (a.getAttribute('data-key') || a.getAttribute('role') || a.tagName) + '|' + (a.textContent || '').slice(0, 40) : '')(
  document.querySelector('[data-explainer]').shadowRoot.activeElement)`;

/** The Chromium journeys' keyboard tour (journeys.test.mjs), on the desktop: Tab into the
 * diagram's one stop, arrows through every control and round, Enter opens a panel and
 * focuses its title, Escape gives focus back to the control, Shift+Tab and End reach the last
 * tab, Tab goes into its view and Enter opens a question; after a click on the title's text,
 * Tab goes on from there. */
async function keyboardTour(br, label) {
  const focused = () => br.run(`return ${FOCUS};`);
  // A wait for the focused element to match `pattern` (a regular expression literal).
  const focusedSoon = (pattern) => until(`((f) => ${pattern}.test(f) && f)(${FOCUS})`, 3000, 'not focused');
  for (let i = 0; i < 40 && !(await focused()).startsWith('entity:'); i++) await br.keys([KEY.tab]);
  // The diagram's tab stop is the player last chosen (the tap's before the tour).
  const stop = await focused();
  assert.match(stop, /^entity:/, `${label}: Tab reaches the diagram`);
  const seen = new Set();
  for (let i = 0; i < CONTROLS; i++) {
    seen.add((await focused()).split('|')[0]);
    await br.keys([KEY.down]);
  }
  assert.equal(seen.size, CONTROLS, `${label}: the arrows visit every player and relationship`);
  assert.equal(await focused(), stop, `${label}: and wrap around`);
  await br.keys([KEY.right, KEY.enter]);
  assert.match(await br.runAsync(focusedSoon('/^H3\\|/')), /^H3\|/, `${label}: Enter opens the panel and focuses its title`);
  await br.keys([KEY.escape]);
  assert.match(await br.runAsync(focusedSoon('/^entity:/')), /^entity:/, `${label}: Escape gives focus back to the player`);
  await br.keys([KEY.tab], true);
  assert.match(await focused(), /^tab\|/, `${label}: Shift+Tab goes to the tabs`);
  await br.keys([KEY.end]);
  assert.match(await br.runAsync(focusedSoon('/^tab\\|Questions/')), /^tab\|Questions/, `${label}: End reaches the last tab`);
  await br.keys([KEY.tab]);
  assert.match(await focused(), /^SUMMARY\|/, `${label}: Tab goes from the tabs into the open view`);
  await br.keys([KEY.enter]);
  assert.ok(await br.runAsync(until("r.querySelector('details').open")), `${label}: Enter opens the first question`);
  // A click on the explainer's own text, then Tab: on from the point clicked (as in
  // panel.test.mjs), to the language switch after the title.
  const at = await br.run(`${inPage} const h = document.querySelector('[data-explainer]');
    xpRoot(h).querySelector('.xp-title').scrollIntoView({ block: 'center' });
    return xpQuietPoint(h, '.xp-title');`);
  assert.ok(at, `${label}: a point of the title with nothing focusable`);
  await br.click(...at);
  await br.keys([KEY.tab]);
  assert.equal(await br.run("return document.querySelector('[data-explainer]').shadowRoot.activeElement?.className ?? null;"), 'xp-lang',
    `${label}: Tab after a click on the title goes to the language switch, not ${await focused()}`);
}
const CONTROLS = STORY.entities.length + STORY.relationships.length;

for (const [engine, launch, checks] of ENGINES) for (const scheme of ['light', 'dark']) {
  test(`${engine}, ${scheme}: on a phone's screen and a desktop, the explainer comes, a tap on every player and relationship opens the panel naming it, axe closed and open, the keyboard tour, the language switches, no text spills, a superseded status is struck${checks.scrollbar ? ', the panel\'s scrollbar takes the palette' : ''}`, async () => {
    for (const screen of SCREENS) {
      const label = `${engine} ${screen.label} ${scheme}`;
      const br = await launch({ width: screen.window[0], height: screen.window[1], scheme });
      try {
        await br.go(base + screen.url);
        if (screen.url.includes('column')) {
          await br.runAsync(until("document.querySelector('iframe').contentDocument?.readyState === 'complete' && !!document.querySelector('iframe').contentDocument.querySelector('[data-explainer]')", 20000));
          await br.frame(await br.run("return document.querySelector('iframe')"));
        }
        await br.run("document.querySelector('[data-explainer]').scrollIntoView()");
        assert.equal(await br.runAsync(came), 'ready', label);
        assert.deepEqual(await audit(br), [], `${label}: axe, closed`);
        // Every item on the phone screen `every` names for this scheme (one width each);
        // elsewhere a relationship and a player.
        // A relationship is named by its two players, with the arrow of its kind between.
        const rel = (r) => [`relationship:${r.id}`, new RegExp(`^${names[r.from]} [→↔] ${names[r.to]}$`)];
        const items = screen.every === scheme
          ? [...STORY.entities.map((e) => [`entity:${e.id}`, new RegExp(`^${names[e.id]}$`)]), ...STORY.relationships.map(rel)]
          : [rel(STORY.relationships.find((r) => r.id === 'nvidia-openai-loi')), ['entity:openai', new RegExp(`^${names.openai}$`)]];
        for (const [key, name] of items) {
          assert.match(await open(br, key), name, `${label}: ${key} names its choice`);
          assert.deepEqual(await br.run(SPILLS), [], `${label}, ${key}: text out of its element`);
          if (key === 'relationship:nvidia-openai-loi' && checks.scrollbar) {
            const panel = await br.run(`${R} return r.querySelector('.xp-panel')`);
            const s = await br.runAsync(SCROLLBAR, (await br.shot(panel)).toString('base64'));
            assert.ok(s.scrolls && s.bar > 2, `${label}: the panel scrolls, with a scrollbar (${JSON.stringify(s)})`);
            assert.ok(Math.abs(s.track - s.bg) < 40, `${label}: the scrollbar's track (luminance ${s.track.toFixed(0)}) on the panel's background (${s.bg.toFixed(0)})`);
          }
          if (key === 'relationship:nvidia-openai-loi') {
            assert.deepEqual(await audit(br), [], `${label}: axe, the panel open`);
            await writeFile(`${SHOTS}${engine.toLowerCase()}-${screen.label}-${scheme}-panel.png`, await br.shot());
          }
          await close(br, `${label}, ${key}`);
        }
        if (screen.keyboard) await keyboardTour(br, label);
        // The comparison's tab, then its superseded status, as the engine computes it.
        const [tx, ty] = await br.run(`${R} const t = r.querySelector('[id$="-tab-comparison"]'); t.scrollIntoView({ block: 'center', behavior: 'instant' });
          const b = t.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2];`);
        await br.tap(tx, ty);
        const struck = await br.runAsync(until("[...r.querySelectorAll('.xp-st-superseded')].filter((e) => e.getClientRects().length).map((e) => getComputedStyle(e).textDecorationLine)[0]", 5000, 'no superseded status shown'));
        assert.match(struck, /line-through/, `${label}: a superseded status is struck through`);
        const [lx, ly] = await br.run(`${R} const b = r.querySelector('.xp-lang'); b.scrollIntoView({ block: 'center', behavior: 'instant' });
          const c = b.getBoundingClientRect(); return [c.x + c.width / 2, c.y + c.height / 2];`);
        await br.tap(lx, ly);
        const en = await br.runAsync(until("r.querySelector('.xp-root[lang=en] .xp-title')?.textContent"));
        assert.equal(words(en ?? ''), words(STORY.title.en), `${label}: the language switch`);
        assert.deepEqual(await br.run(SPILLS), [], `${label}, in English: text out of its element`);
      } finally {
        await br.quit();
      }
    }
  });
}
