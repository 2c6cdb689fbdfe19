// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core (no
// browser download), the local server, and pages that record console messages and requests.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve, AXE_PATH, AXE_FILE, AXE_TAGS, underCsp } from './server.mjs';
import { installHelpers } from './inpage.mjs';

const AXE = await readFile(AXE_FILE, 'utf8');

/** axe-core's violations inside the explainer hosts (WCAG 2.2 A and AA, and best practice;
 * or only the rules `rules` names), but for the rules `except` names. */
export async function axe(page, rules = null, except = []) {
  // A page the server sends with a strict CSP (its name says `csp`) refuses an inline script:
  // there axe comes from the server, as the page's `script-src 'self'` allows. Nor does it
  // read the stylesheets there: it copies them into inline styles, which the page refuses
  // too, with a console error (only the orientation-lock rule reads them).
  const csp = underCsp(new URL(page.url()).pathname);
  // Unless `axeFirst` put it there before the page's own scripts.
  if (!await page.evaluate(() => typeof window.axe?.run === 'function')) {
    if (csp) await page.addScriptTag({ url: AXE_PATH });
    else await page.addScriptTag({ content: AXE });
  }
  const result = await page.evaluate(([preload, runOnly, except]) => window.axe.run({ include: [['[data-explainer]']] }, {
    runOnly, preload,
    rules: Object.fromEntries(except.map((id) => [id, { enabled: false }])),
  }), [!csp, rules ? { type: 'rule', values: rules } : AXE_TAGS, except]);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Loads axe-core in every page and frame of `page`'s context before the page's own
 * scripts: added after them, it would not start on a page whose scripts added enumerable
 * properties to Object.prototype (`hosts/patched.html`), as old libraries did. */
export const axeFirst = (page) => page.context().addInitScript(AXE);

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Serves the build (`dist`, else dist/) and launches Chromium (with `more` flags after
 * the usual ones). */
export async function setup(more = [], dist = undefined) {
  const server = await serve(dist);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...ARGS, ...more] });
  return { server, base, browser, close: async () => { await browser.close(); server.close(); } };
}

/** A page that records console errors/warnings, page errors and every request URL.
 * `options` are the context's, and `defaultFont`: the browser's default text size (px), as a
 * reader sets it in the browser's settings. */
export async function open(browser, url, { defaultFont, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, ...options });
  await context.addInitScript(installHelpers);
  // What the page's own error handlers get (a newsroom's error tracker) without the console
  // always showing it: Chromium logs no "ResizeObserver loop completed with undelivered
  // notifications". (A thrown error comes as a pageerror too.)
  await context.addInitScript(() => addEventListener('error', (e) => { if (!e.error) console.error(`window error: ${e.message}`); }));
  const page = await context.newPage();
  if (defaultFont) await (await context.newCDPSession(page)).send('Page.setFontSizes', { fontSizes: { standard: defaultFont } });
  page.messages = [];
  page.requests = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && page.messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.messages.push(`pageerror: ${e.message}`));
  page.on('request', (r) => page.requests.push(r.url()));
  if (url) await page.goto(url);
  return page;
}

/** Opens `url` with a spacer `px` tall after `after` (a tag of the page), so that the
 * explainer starts lower: with its controls below the fold, idle time waits for the reader's
 * scroll before it hydrates (one whose control shows hydrates at idle at once). */
export async function gotoPushed(page, url, px, after = '<body>') {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    if (!text.includes(after)) throw new Error(`${url} has no ${after}`);
    // A <span>: the tests find hosts as `[data-explainer]:first-of-type`, a <div>.
    await route.fulfill({ response, body: text.replace(after, `${after}<span style="display: block; height: ${px}px"></span>`) });
  });
  await page.goto(url);
}

/** The drawing the explainer at `host` (a selector) shows: the width it was laid out for
 * (`drawn`), the width it is shown at (`shown`: the same at scale 1) and its smallest
 * target's least side (`least`, CSS px); null while none is shown. */
export const drawing = (page, host) => page.evaluate((h) => {
  const svg = [...(xpRoot(document.querySelector(h))?.querySelectorAll('.xp-svg') ?? [])].find((e) => e.getClientRects().length);
  if (!svg) return null;
  const least = Math.min(...[...svg.querySelectorAll('[role=button]')].map((c) => {
    const b = c.getBoundingClientRect();
    return Math.min(b.width, b.height);
  }));
  return { drawn: Number(svg.getAttribute('viewBox').split(' ')[2]), shown: Math.round(svg.getBoundingClientRect().width), least: Math.round(least * 10) / 10 };
}, host);

/** What the reader sees of the drawing of the explainer at `host` (a selector): its box,
 * its lines, and whether the first relationship's control (else player's) first seen is
 * still the same element (`same`). Equal before and after hydration: the pre-rendered
 * drawing was kept. */
export const keptDrawing = (page, host) => page.evaluate((s) => {
  const svg = [...document.querySelector(s).shadowRoot.querySelectorAll('.xp-svg')].find((e) => e.getClientRects().length);
  // (A story without relationships: its first player's.)
  window.seen ??= svg.querySelector('.xp-edge') ?? svg.querySelector('[data-key]');
  return { box: svg.getAttribute('viewBox'), lines: [...svg.querySelectorAll('.xp-line')].map((l) => l.getAttribute('d')).join(), same: window.seen.isConnected };
}, host);

/** Waits until `count` explainers on the page have rendered or hydrated. A pre-rendered one
 * hydrates on the reader's first input: this gives it one (a focus event on the host). */
export async function ready(page, count = 1) {
  // data-explainer-mounted: the code has taken the host in charge.
  await page.waitForFunction((n) => document.querySelectorAll('[data-explainer][data-explainer-mounted]').length >= n, count);
  await page.evaluate(() => document.querySelectorAll('[data-explainer]:not([data-explainer-ready])')
    .forEach((h) => h.dispatchEvent(new FocusEvent('focusin'))));
  // data-explainer-ready: rendered or hydrated (a pre-rendered .xp-root is there long before).
  await page.waitForFunction((n) => document.querySelectorAll('[data-explainer][data-explainer-ready]').length >= n, count);
  // Let effects (ready events, re-layout to the real width) settle.
  await page.waitForTimeout(150);
}

/** Polls `fn` until it returns a truthy value (a reader's view of Yew's deferred work). */
export async function until(fn, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the panel of the explainer at `host` (a selector) is titled `name`. */
export const panelShows = (page, host, name) => until(() => page.evaluate(([h, n]) =>
  document.querySelector(h).shadowRoot.querySelector('.xp-panel h3')?.textContent === n, [host, name]));

/** Sums the page's layout shifts not caused by input, as CLS counts them, into `window.shift`. */
export const watchShifts = (page) => page.addInitScript(() => {
  window.shift = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
});

/** Runs `fn` (a function body given `root`, the host's shadow root, and `host`) in the page. */
export const shadow = (page, sel, fn) => page.evaluate(([s, f]) => {
  const host = document.querySelector(s);
  return new Function('root', 'host', f)(host.shadowRoot, host);
}, [sel, fn]);

/** Prints the page (Chromium's printToPDF) at 4x CPU: Yew yields past 16 ms of work. */
export const printSlowly = async (page, options = {}) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.pdf(options);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
};
