// Pages a framework renders on the server and hydrates in the browser, as a newsroom's
// Next.js or Nuxt site does (React 19, Vue 3.5): on a phone the page's bundle may hydrate
// after the explainer's code came. React takes any node it did not render for a mismatch and
// regenerates the whole tree (its error #418), and its development build logs any attribute
// it did not render; Vue logs a mismatch and patches the node. The explainer must add nothing
// to a `<div>` host, nor break a pasted snippet held as raw HTML; a host the browser gives no
// shadow root (a `<figure>`, an `<li>`), where the explainer must add its `<div>`, is written
// as the README tells. Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as React from 'react';
import { renderToString as reactToString } from 'react-dom/server';
import * as Vue from 'vue';
import { renderToString as vueToString } from 'vue/server-renderer';
import { buildSync } from 'esbuild';
import { setup, open, ready, until } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

/** Each framework's article, as the README writes its hosts: a minimal embed in a `<div>`,
 * one in a `<figure>` (where the explainer makes its `<div>`), and the French snippet held
 * as raw HTML, as a CMS field is put in a page. React: `suppressHydrationWarning` (the
 * attributes the loader adds to a host, `data-explainer-ready`…, are not React's) and, on the
 * `<figure>`, empty `dangerouslySetInnerHTML` (React then leaves its content alone). Vue
 * checks only the children and attributes it renders: the same hosts need nothing more. */
const FRAMEWORKS = {
  React: {
    article: (h, snippet) => h('main', null,
      h('p', null, 'Un paragraphe rendu par le serveur, avant la première explication.'),
      h('div', { id: 'minimal', 'data-explainer': '', 'data-lang': 'fr', suppressHydrationWarning: true }),
      h('p', null, 'Un paragraphe entre les deux.'),
      h('figure', { id: 'figure', 'data-explainer': '', 'data-lang': 'en', suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: '' } }),
      h('p', null, 'Un autre paragraphe.'),
      h('div', { id: 'cms', suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: snippet } }),
      h('p', null, 'Un paragraphe après.')),
    server: (article, snippet) => reactToString(article(React.createElement, snippet)),
    client: (article, snippet) => `
      import { createElement as h } from 'react';
      import { hydrateRoot } from 'react-dom/client';
      window.hydrate = () => hydrateRoot(document.getElementById('root'), (${article})(h, ${JSON.stringify(snippet)}),
        { onRecoverableError: (e) => console.error('react: ' + e.message) });`,
    hydrated: () => Object.keys(document.querySelector('#root > main')).some((k) => k.startsWith('__react')),
  },
  Vue: {
    article: (h, snippet) => h('main', null, [
      h('p', null, 'Un paragraphe rendu par le serveur, avant la première explication.'),
      h('div', { id: 'minimal', 'data-explainer': '', 'data-lang': 'fr' }),
      h('p', null, 'Un paragraphe entre les deux.'),
      h('figure', { id: 'figure', 'data-explainer': '', 'data-lang': 'en' }),
      h('p', null, 'Un autre paragraphe.'),
      h('div', { id: 'cms', innerHTML: snippet }),
      h('p', null, 'Un paragraphe après.')]),
    server: (article, snippet) => vueToString(Vue.createSSRApp({ render: () => article(Vue.h, snippet) })),
    client: (article, snippet) => `
      import { createSSRApp, h } from 'vue';
      window.hydrate = () => {
        const app = createSSRApp({ render: () => (${article})(h, ${JSON.stringify(snippet)}) });
        app.config.errorHandler = (e) => console.error('vue: ' + e);
        app.mount('#root');
      };`,
    hydrated: () => !!document.getElementById('root').__vue_app__,
  },
};

const HOSTS = ['#minimal', '#figure', '#cms > [data-explainer]'];

for (const [name, fw] of Object.entries(FRAMEWORKS)) for (const build of ['production', 'development']) {
  test(`in a page ${name} renders on the server and hydrates after the explainer came (its ${build} build), it finds what it rendered: no hydration error or warning, the same hosts, each explainer still answering`, async () => {
    const snippet = (await readFile(new URL('../../dist/snippet.fr.html', import.meta.url), 'utf8')).split('\n<script')[0];
    const client = buildSync({ bundle: true, write: false, format: 'iife', minify: true,
      define: { 'process.env.NODE_ENV': JSON.stringify(build), __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
      stdin: { resolveDir: new URL('.', import.meta.url).pathname, contents: fw.client(fw.article, snippet) } }).outputFiles[0].text;
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Une page ${name}</title><link rel="icon" href="data:,"></head><body><div id="root">${await fw.server(fw.article, snippet)}</div>
<script type="module" src="/embed.js"></script><script src="/app.js"></script></body></html>`;
    const page = await open(env.browser, null);
    await page.route(`${env.base}app.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.route(`${env.base}app.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: client }));
    await page.goto(`${env.base}app.html`);
    await ready(page, 3);
    const hosts = () => page.evaluate((sel) => sel.map((s) => document.querySelector(s)).map((e) => e && {
      ready: e.hasAttribute('data-explainer-ready'),
      drawn: !!xpRoot(e)?.querySelector('.xp-root'),
      same: window.seen?.includes(e) ?? true,
    }), HOSTS);
    await page.evaluate((sel) => { window.seen = sel.map((s) => document.querySelector(s)); }, HOSTS);
    // The framework hydrates now, after the explainers came.
    await page.evaluate(() => window.hydrate());
    assert.ok(await until(() => page.evaluate(fw.hydrated)), `${name} hydrated`);
    await page.waitForTimeout(300);
    assert.deepEqual(page.messages, [], 'no hydration error or warning');
    assert.deepEqual(await hosts(), HOSTS.map(() => ({ ready: true, drawn: true, same: true })));
    // Each still opens the panel a tap asks for.
    for (const id of HOSTS) {
      await page.locator(`${id} [data-key="entity:nvidia"]`).first().click();
      assert.equal(await until(() => page.evaluate((s) => xpRoot(document.querySelector(s)).querySelector('.xp-panel h3')?.textContent, id)),
        'Nvidia', id);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  });
}
