// A page a framework renders on the server and hydrates in the browser, as a newsroom's
// Next.js site does (React 19): on a phone its bundle may hydrate after the explainer's code
// came. React takes any node it did not render for a mismatch and regenerates the whole tree
// (its error #418), and its development build logs any attribute it did not render: the
// explainer must add nothing to a host React renders, nor break a pasted snippet React holds
// as raw HTML; a host the browser gives no shadow root (a `<figure>`, an `<li>`), where the
// explainer must add its `<div>`, is written as the README tells (its content React's to
// leave alone). Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { buildSync } from 'esbuild';
import { setup, open, ready, until } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** The page's tree: an article with two minimal embeds React renders, written as the README
 * gives them (a `<div>`, and a `<figure>` whose content React leaves to the explainer), and
 * the French snippet it holds as raw HTML (`dangerouslySetInnerHTML`, as a CMS field is put
 * in a React page). `suppressHydrationWarning`: the attributes the loader adds to a host
 * (`data-explainer-ready`…) are not React's. */
const ARTICLE = (h, snippet) => h('main', null,
  h('p', null, 'Un paragraphe rendu par le serveur, avant la première explication.'),
  h('div', { id: 'minimal', 'data-explainer': '', 'data-lang': 'fr', suppressHydrationWarning: true }),
  h('p', null, 'Un paragraphe entre les deux.'),
  h('figure', { id: 'figure', 'data-explainer': '', 'data-lang': 'en', suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: '' } }),
  h('p', null, 'Un autre paragraphe.'),
  h('div', { id: 'cms', suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: snippet } }),
  h('p', null, 'Un paragraphe après.'));

const HOSTS = ['#minimal', '#figure', '#cms > [data-explainer]'];

for (const build of ['production', 'development']) {
  test(`in a page React renders on the server and hydrates after the explainer came (React's ${build} build), React finds what it rendered: no hydration error or warning, the same hosts, each explainer still answering`, async () => {
    const snippet = (await readFile(new URL('../../dist/snippet.fr.html', import.meta.url), 'utf8')).split('\n<script')[0];
    const client = buildSync({ bundle: true, write: false, format: 'iife', minify: true, define: { 'process.env.NODE_ENV': JSON.stringify(build) },
      stdin: { resolveDir: new URL('.', import.meta.url).pathname, contents: `
        import { createElement as h } from 'react';
        import { hydrateRoot } from 'react-dom/client';
        window.hydrate = () => hydrateRoot(document.getElementById('root'), (${ARTICLE})(h, ${JSON.stringify(snippet)}),
          { onRecoverableError: (e) => console.error('react: ' + e.message) });` } }).outputFiles[0].text;
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Une page React</title><link rel="icon" href="data:,"></head><body><div id="root">${renderToString(ARTICLE(h, snippet))}</div>
<script type="module" src="/embed.js"></script><script src="/react.js"></script></body></html>`;
    const page = await open(env.browser, null);
    await page.route(`${env.base}react.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.route(`${env.base}react.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: client }));
    await page.goto(`${env.base}react.html`);
    await ready(page, 3);
    const hosts = () => page.evaluate((sel) => sel.map((s) => document.querySelector(s)).map((e) => e && {
      ready: e.hasAttribute('data-explainer-ready'),
      drawn: !!(e.shadowRoot ?? e.querySelector(':scope > [data-explainer-shadow]')?.shadowRoot)?.querySelector('.xp-root'),
      same: window.seen?.includes(e) ?? true,
    }), HOSTS);
    await page.evaluate((sel) => { window.seen = sel.map((s) => document.querySelector(s)); }, HOSTS);
    // React hydrates now, after the explainers came.
    await page.evaluate(() => window.hydrate());
    assert.ok(await until(() => page.evaluate(() => Object.keys(document.querySelector('#root > main')).some((k) => k.startsWith('__react')))), 'React hydrated');
    await page.waitForTimeout(300);
    assert.deepEqual(page.messages, [], 'no hydration error or warning');
    assert.deepEqual(await hosts(), HOSTS.map(() => ({ ready: true, drawn: true, same: true })));
    // Each still opens the panel a tap asks for.
    for (const id of HOSTS) {
      await page.locator(`${id} [data-key="entity:nvidia"]`).first().click();
      assert.equal(await until(() => page.evaluate((s) => {
        const host = document.querySelector(s);
        return (host.shadowRoot ?? host.querySelector(':scope > [data-explainer-shadow]').shadowRoot).querySelector('.xp-panel h3')?.textContent;
      }, id)), 'Nvidia', id);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  });
}
