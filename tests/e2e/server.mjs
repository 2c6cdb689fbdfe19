// A tiny static server on 127.0.0.1 for the end-to-end tests: dist/ at /, the example host
// pages (tests/hosts) at /hosts/, the right MIME types, and the strict CSP header on the
// pages whose name says so (with `?hash`, plus the build's hash of the inline stylesheet).
// A host page's <!--snippet:fr|en--> is replaced with the build's pre-rendered snippet. With
// `?trickle`, a page comes in pieces, as over a slow connection.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// The nonce-based policy web.dev recommends, with Trusted Types (csp-nonce.html).
export const STRICT = "script-src 'nonce-n0nce-for-tests' 'strict-dynamic' 'wasm-unsafe-eval'; object-src 'none'; "
  + "base-uri 'none'; require-trusted-types-for 'script'; style-src 'self'";
const here = new URL('.', import.meta.url).pathname;
/** Where the server gives axe-core (see `axe` in lib.mjs), and its file. */
export const AXE_PATH = '/.axe/axe.min.js';
export const AXE_FILE = join(here, '../../tools/node_modules/axe-core/axe.min.js');
/** The axe rules every audit runs: WCAG 2.2 A and AA, and best practice. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const DIST = join(here, '../../dist/');
/** The build's pre-rendered snippet in `lang`, its loader's <script> left out: what a page
 * pastes into its body, or a script puts in, where the page has its loader already. */
export const snippetHtml = async (lang = 'fr', dist = DIST) =>
  (await readFile(join(dist, `snippet.${lang}.html`), 'utf8')).split('\n<script')[0];
/** Whether the page at `path` is sent with a strict CSP: its name says so. */
export const underCsp = (path) => /csp/.test(path);

// `cors`: as a CDN serving the assets to pages of other origins does. `revalidate`: every
// response may be kept and revalidated (`no-cache`), as a news site sends its pages, rather
// than never stored (`no-store`), which keeps a page out of the back/forward cache.
export function serve(dist = DIST, { hosts = join(here, '../hosts/'), compress = false, cors = false, revalidate = false } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    // axe-core, for pages whose CSP refuses the inline copy the tests otherwise inject.
    const file = path === AXE_PATH ? AXE_FILE
      : path.startsWith('/hosts/') ? join(hosts, path.slice('/hosts/'.length)) : join(dist, path);
    try {
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': revalidate ? 'no-cache' : 'no-store' };
      if (cors) headers['access-control-allow-origin'] = '*';
      // `isolated`: a page made cross-origin isolated (for SharedArrayBuffer or precise
      // timers), which loads only what it fetched with CORS or what allows it by CORP.
      if (url.searchParams.has('isolated')) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
      // A legacy page, in the encoding many older CMS pages still use.
      if (path.includes('latin1')) headers['content-type'] = 'text/html; charset=windows-1252';
      if (underCsp(path)) {
        const hash = url.searchParams.has('hash') || path.includes('nonce') ? ` ${(await readFile(join(dist, 'csp-style-hash.txt'), 'utf8')).trim()}` : '';
        // `tt`: Trusted Types enforced too, the explainer's policy allowed by name.
        const tt = url.searchParams.has('tt') ? "; require-trusted-types-for 'script'; trusted-types explainer" : '';
        headers['content-security-policy'] = path.includes('nonce') ? STRICT + hash : CSP + hash + tt;
      }
      if (path.startsWith('/hosts/') && body.includes('<!--snippet:')) {
        let html = body.toString();
        for (const lang of ['fr', 'en']) {
          if (!html.includes(`<!--snippet:${lang}-->`)) continue;
          html = html.replace(`<!--snippet:${lang}-->`, await snippetHtml(lang, dist));
        }
        body = Buffer.from(html);
      }
      // The benchmark serves compressed, as a real host would.
      if (compress && /gzip/.test(req.headers['accept-encoding'] || '') && TYPES[extname(file)]) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      // `trickle`: as a slow connection brings a page, in pieces the browser paints between.
      if (url.searchParams.has('trickle')) {
        res.writeHead(200, headers);
        for (let at = 0; at < body.length; at += 16384) {
          res.write(body.subarray(at, at + 16384));
          await new Promise((r) => setTimeout(r, 40));
        }
        return res.end();
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
