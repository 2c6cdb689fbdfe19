// Browsers other than Chromium, spoken to in WebDriver classic over HTTP with no client
// library: Debian's Firefox ESR through geckodriver, and Debian's WebKitGTK (Safari's
// engine; its MiniBrowser) through WebKitWebDriver, on a virtual display (Xvfb). The few
// commands the tests in those engines need.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** The keys the tests press, as WebDriver names them. */
export const KEY = {
  tab: '\uE004', enter: '\uE007', shift: '\uE008', escape: '\uE00C', space: '\uE00D', end: '\uE010', home: '\uE011',
  left: '\uE012', up: '\uE013', right: '\uE014', down: '\uE015',
};
/** WebDriver's key for an element in a response. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});
const started = (child, what) => new Promise((_, no) => child.on('error', (e) => no(new Error(`${what} did not start (${e.message}): run ./scripts/setup.sh`))));

/** Starts the driver `command` on a free port (`args(port)`), then a session with
 * `capabilities`; `extra` children (a display) are stopped with it. */
async function session(command, args, env, capabilities, extra = []) {
  const port = await freePort();
  const driver = spawn(command, args(port), { stdio: 'ignore', env: { ...process.env, ...env } });
  const gone = started(driver, command);
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await r.json();
    if (value?.error) throw new Error(`WebDriver ${path.replace(/\/session\/[^/]+/, '')}: ${value.error}: ${value.message}`);
    return value;
  };
  // A driver listens within a second or so; a slow machine's first start takes longer.
  for (let i = 0; ; i++) {
    const up = await Promise.race([gone, call('GET', '/status').then(() => true, () => false)]);
    if (up) break;
    if (i > 100) throw new Error(`${command} did not answer in 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const s = (p) => `/session/${sessionId}${p}`;
  return {
    /** Sizes the window (CSS px). */
    size: (width, height) => call('POST', s('/window/rect'), { width, height }),
    /** Goes to `url` and waits for its load. */
    go: (url) => call('POST', s('/url'), { url }),
    /** Runs `script` (a function body; `arguments` are `args`) in the current frame. */
    run: (script, ...args) => call('POST', s('/execute/sync'), { script, args }),
    /** Runs `script`, which ends by calling `arguments[arguments.length - 1]` with its result. */
    runAsync: (script, ...args) => call('POST', s('/execute/async'), { script, args }),
    /** Moves into the frame `element` (from `run`), or back to the top with none. */
    frame: (element) => call('POST', s('/frame'), { id: element ?? null }),
    /** A tap (touch) at `x`, `y`, CSS px of the current frame's viewport. */
    tap: (x, y) => call('POST', s('/actions'), { actions: [{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' },
      actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] }),
    /** A click of the mouse's main button at `x`, `y`, CSS px of the current frame's viewport. */
    click: (x, y) => call('POST', s('/actions'), { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] }),
    /** Presses each of `keys` in turn, WebDriver's names (`KEY.tab`) or characters, with
     * `KEY.shift` held down through them when `shift` is true. */
    keys: (keys, shift = false) => call('POST', s('/actions'), { actions: [{ type: 'key', id: 'keyboard', actions: [
      ...(shift ? [{ type: 'keyDown', value: KEY.shift }] : []),
      ...keys.flatMap((k) => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]),
      ...(shift ? [{ type: 'keyUp', value: KEY.shift }] : []),
    ] }] }),
    /** A PNG of `element` (from `run`) as painted, or of the whole window. */
    shot: async (element) => Buffer.from(await call('GET', s(element ? `/element/${element[ELEMENT]}/screenshot` : '/screenshot')), 'base64'),
    quit: async () => { await call('DELETE', s('')).catch(() => {}); driver.kill(); for (const c of extra) c.kill(); },
  };
}

/** A headless Firefox whose window is `width` × `height` CSS px (at least 500 wide), in the
 * `scheme` ('light' or 'dark') a reader's system would set. It draws classic scrollbars, as
 * on a desktop: the boxes that scroll show theirs. */
export async function firefox({ width, height, scheme }) {
  return session(process.env.GECKODRIVER || 'geckodriver', (port) => ['--port', String(port)], {}, {
    browserName: 'firefox', 'moz:firefoxOptions': {
      binary: process.env.FIREFOX || '/usr/bin/firefox-esr', args: ['-headless', `--width=${width}`, `--height=${height}`],
      prefs: { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1, 'widget.gtk.overlay-scrollbars.enabled': false },
    },
  });
}

/** WebKitGTK's MiniBrowser on a display of its own (Xvfb: it has no headless mode), its
 * window `width` × `height` CSS px (at least about 450 wide), in `scheme` (GTK's dark theme
 * sets prefers-color-scheme). */
export async function webkit({ width, height, scheme }) {
  const x = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1600x1200x24'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await Promise.race([started(x, 'Xvfb'), new Promise((ok) => x.stdout.once('data', (d) => ok(String(d).trim())))]);
  const env = { DISPLAY: `:${display}`, GTK_THEME: scheme === 'dark' ? 'Adwaita:dark' : 'Adwaita' };
  const wk = await session('WebKitWebDriver', (port) => [`--port=${port}`], env, {
    browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
  }, [x]);
  await wk.size(width, height);
  return wk;
}
