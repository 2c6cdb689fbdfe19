// The explainer in Firefox (Debian's firefox-esr, through geckodriver), the engine a
// Chromium suite cannot speak for: on a phone's screen and a desktop, light and dark, it
// comes, opens the panel a tap asks for, switches language, spills no text, and draws the
// panel's scrollbar in its own palette (Firefox drew a white track on the dark sheet).
// Firefox has no phone emulation and a window at least 500 px wide: a phone's screen is a
// frame of its size (hosts/column.html), whose media and container queries see that width.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { firefox } from './gecko.mjs';
import { SHOTS, STORY, words } from './reader.mjs';

let server, base;
before(async () => { server = await serve(); base = `http://127.0.0.1:${server.address().port}/`; });
after(() => server.close());

const SCREENS = [
  { label: 'phone320', url: 'hosts/column.html?page=plain.html&w=320&h=568', window: [800, 700] },
  { label: 'phone375', url: 'hosts/column.html?page=../index.html&w=375&h=667', window: [800, 700] },
  { label: 'desktop', url: 'index.html', window: [1280, 800] },
];
const names = Object.fromEntries(STORY.entities.map((e) => [e.id, words(e.name.fr)]));

// In the page (or frame) that holds the explainer: its shadow root, `r`.
const R = "const r = document.querySelector('[data-explainer]').shadowRoot;";
/** The explainer's state once it has come (or failed), waited for as a reader would. */
const came = `const done = arguments[arguments.length - 1], t0 = Date.now();
  (function poll() {
    const h = document.querySelector('[data-explainer]');
    if (h && (h.hasAttribute('data-explainer-ready') || h.hasAttribute('data-explainer-failed'))) return done(h.hasAttribute('data-explainer-ready') ? 'ready' : 'failed');
    if (Date.now() - t0 > 20000) return done('neither ready nor failed after 20 s');
    setTimeout(poll, 50);
  })();`;
/** Text that runs out of its element sideways, within the explainer (the drawing aside). */
const SPILLS = `${R} const out = [];
  for (const e of r.querySelectorAll('.xp-root *:not(svg, svg *)')) {
    if (e.clientWidth <= 2 || !e.getClientRects().length || !['visible', 'clip', 'hidden'].includes(getComputedStyle(e).overflowX)) continue;
    if (e.scrollWidth > e.clientWidth + 1) out.push(e.tagName + '.' + e.className + ': ' + e.scrollWidth + ' px in ' + e.clientWidth);
  }
  return out;`;
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

for (const scheme of ['light', 'dark']) {
  test(`Firefox, ${scheme}: on a phone's screen and a desktop, the explainer comes, a tap opens the panel naming its choice, the language switches, no text spills, the panel's scrollbar takes the palette`, async () => {
    for (const screen of SCREENS) {
      const label = `${screen.label} ${scheme}`;
      const ff = await firefox({ width: screen.window[0], height: screen.window[1], scheme });
      try {
        await ff.go(base + screen.url);
        if (screen.url.includes('column')) {
          await ff.runAsync(`const done = arguments[0]; (function poll() { const d = document.querySelector('iframe').contentDocument; if (d && d.readyState === 'complete' && d.querySelector('[data-explainer]')) return done(); setTimeout(poll, 50); })();`);
          await ff.frame(await ff.run("return document.querySelector('iframe')"));
        }
        await ff.run("document.querySelector('[data-explainer]').scrollIntoView()");
        assert.equal(await ff.runAsync(came), 'ready', label);
        for (const [key, name] of [['relationship:nvidia-openai-loi', `${names.nvidia} → ${names.openai}`], ['entity:openai', names.openai]]) {
          // The control shown (a pre-rendered explainer has a drawing per width), to the middle.
          const [x, y] = await ff.run(`${R} const c = [...r.querySelectorAll('[data-key="${key}"]')].find((e) => e.getBoundingClientRect().width > 0);
            scrollBy({ top: c.getBoundingClientRect().top - innerHeight / 2, behavior: 'instant' });
            const b = c.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2];`);
          await ff.tap(x, y);
          const title = await ff.runAsync(`${R} const done = arguments[0], t0 = Date.now();
            (function poll() { const h = r.querySelector('.xp-panel:not([data-partial]) h3'); if (h || Date.now() - t0 > 5000) return done(h?.textContent ?? null); setTimeout(poll, 50); })();`);
          assert.equal(words(title ?? ''), name, `${label}: ${key} names its choice`);
          assert.deepEqual(await ff.run(SPILLS), [], `${label}, ${key}: text out of its element`);
          if (key.startsWith('relationship')) {
            const panel = await ff.run(`${R} return r.querySelector('.xp-panel')`);
            const s = await ff.runAsync(SCROLLBAR, (await ff.shot(panel)).toString('base64'));
            assert.ok(s.scrolls && s.bar > 2, `${label}: the panel scrolls, with a scrollbar (${JSON.stringify(s)})`);
            assert.ok(Math.abs(s.track - s.bg) < 40, `${label}: the scrollbar's track (luminance ${s.track.toFixed(0)}) on the panel's background (${s.bg.toFixed(0)})`);
            await writeFile(`${SHOTS}firefox-${screen.label}-${scheme}-panel.png`, await ff.shot());
          }
          const [cx, cy] = await ff.run(`${R} const b = r.querySelector('.xp-close').getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2];`);
          await ff.tap(cx, cy);
        }
        const [lx, ly] = await ff.run(`${R} const b = r.querySelector('.xp-lang'); b.scrollIntoView({ block: 'center', behavior: 'instant' });
          const c = b.getBoundingClientRect(); return [c.x + c.width / 2, c.y + c.height / 2];`);
        await ff.tap(lx, ly);
        const en = await ff.runAsync(`${R} const done = arguments[0], t0 = Date.now();
          (function poll() { const t = r.querySelector('.xp-root[lang=en] .xp-title'); if (t || Date.now() - t0 > 5000) return done(t?.textContent ?? null); setTimeout(poll, 50); })();`);
        assert.equal(words(en ?? ''), words(STORY.title.en), `${label}: the language switch`);
        assert.deepEqual(await ff.run(SPILLS), [], `${label}, in English: text out of its element`);
      } finally {
        await ff.quit();
      }
    }
  });
}
