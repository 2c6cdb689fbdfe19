// Firefox (Debian's firefox-esr) through geckodriver, spoken to in WebDriver classic over
// HTTP: the few commands the Firefox tests need, with no client library.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** WebDriver's key for an element in a response. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

/** Starts geckodriver and a headless Firefox whose window is `width` × `height` CSS px,
 * in the `scheme` ('light' or 'dark') a reader's system would set. Firefox draws classic
 * scrollbars, as on a desktop: the boxes that scroll show theirs. */
export async function firefox({ width, height, scheme }) {
  const port = await freePort();
  const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(port)], { stdio: 'ignore' });
  const gone = new Promise((_, no) => driver.on('error', (e) => no(new Error(`geckodriver did not start (${e.message}): run ./scripts/setup.sh`))));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await r.json();
    if (value?.error) throw new Error(`WebDriver ${path.replace(/\/session\/[^/]+/, '')}: ${value.error}: ${value.message}`);
    return value;
  };
  // geckodriver listens within a second or so; a slow machine's first start takes longer.
  for (let i = 0; ; i++) {
    const up = await Promise.race([gone, call('GET', '/status').then(() => true, () => false)]);
    if (up) break;
    if (i > 100) throw new Error('geckodriver did not answer in 10 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
    binary: process.env.FIREFOX || '/usr/bin/firefox-esr', args: ['-headless', `--width=${width}`, `--height=${height}`],
    prefs: { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1, 'widget.gtk.overlay-scrollbars.enabled': false },
  } } } });
  const s = (p) => `/session/${sessionId}${p}`;
  const ff = {
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
    /** A PNG of `element` (from `run`) as painted, or of the whole window. */
    shot: async (element) => Buffer.from(await call('GET', s(element ? `/element/${element[ELEMENT]}/screenshot` : '/screenshot')), 'base64'),
    quit: async () => { await call('DELETE', s('')).catch(() => {}); driver.kill(); },
  };
  return ff;
}
