// Pages a framework renders, as a newsroom's site does (React 19 as in Next.js, Vue 3.5 as
// in Nuxt, Svelte 5 as in SvelteKit and many graphics desks). Two ways the article comes:
// - rendered on the server and hydrated in the browser, on a phone perhaps after the
//   explainer's code came. React takes any node it did not render for a mismatch and
//   regenerates the whole tree (its error #418), and its development build logs any
//   attribute it did not render; Vue and Svelte log a mismatch and patch or render again.
//   The explainer must add nothing to a `<div>` host, nor break a pasted snippet held as
//   raw HTML; a host the browser gives no shadow root (a `<figure>`), where the explainer
//   must add its `<div>`, is written as the README tells;
// - rendered in the browser (a page change in a single-page site): the snippet's HTML goes
//   in by innerHTML, which parses no declarative shadow root; the loader attaches it.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as React from 'react';
import { renderToString as reactToString } from 'react-dom/server';
import * as Vue from 'vue';
import { renderToString as vueToString } from 'vue/server-renderer';
import { compile } from 'svelte/compiler';
import { buildSync } from 'esbuild';
import { setup, open, ready, until } from './lib.mjs';
import { snippetHtml } from './server.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const HERE = new URL('.', import.meta.url).pathname;
const bundle = (contents, options) => buildSync({ bundle: true, write: false, stdin: { resolveDir: HERE, contents }, ...options }).outputFiles[0].text;
const TEXT = ['Un paragraphe rendu par le serveur, avant la première explication.', 'Un paragraphe entre les deux.', 'Un autre paragraphe.', 'Un paragraphe après.'];

/** A Svelte component compiled for the server or the client, in `build`. */
const svelte = (source, generate, build) => compile(source, { generate, dev: build === 'development', filename: 'Article.svelte' }).js.code;

/** Each framework's article, its hosts as the README writes them: a minimal embed in a
 * `<div>`, one in a `<figure>` (where the explainer makes its `<div>`), and the French
 * snippet held as raw HTML, as a CMS field is put in a page. React: `suppressHydrationWarning`
 * (the attributes the loader adds to a host, `data-explainer-ready`…, are not React's) and,
 * on the `<figure>`, empty `dangerouslySetInnerHTML` (React then leaves its content alone).
 * Vue and Svelte check only the children and attributes they render: the same hosts need
 * nothing more. Each gives the page's HTML from its server, and the browser's code that
 * hydrates it or renders it afresh (`window.start`). */
const FRAMEWORKS = {
  React: (() => {
    const article = (h, snippet, text) => h('main', null,
      h('p', null, text[0]),
      h('div', { id: 'minimal', 'data-explainer': '', 'data-lang': 'fr', suppressHydrationWarning: true }),
      h('p', null, text[1]),
      h('figure', { id: 'figure', 'data-explainer': '', 'data-lang': 'en', suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: '' } }),
      h('p', null, text[2]),
      h('div', { id: 'cms', suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: snippet } }),
      h('p', null, text[3]));
    return {
      server: (snippet) => reactToString(article(React.createElement, snippet, TEXT)),
      client: (snippet, build, how) => `
        import { createElement as h } from 'react';
        import { hydrateRoot, createRoot } from 'react-dom/client';
        const tree = (${article})(h, ${JSON.stringify(snippet)}, ${JSON.stringify(TEXT)});
        const root = document.getElementById('root');
        const onRecoverableError = (e) => console.error('react: ' + e.message);
        window.start = () => ${how === 'hydrate' ? 'hydrateRoot(root, tree, { onRecoverableError })' : 'createRoot(root, { onRecoverableError }).render(tree)'};`,
      started: () => Object.keys(document.querySelector('#root > main') ?? {}).some((k) => k.startsWith('__react')),
    };
  })(),
  Vue: (() => {
    const article = (h, snippet, text) => h('main', null, [
      h('p', null, text[0]),
      h('div', { id: 'minimal', 'data-explainer': '', 'data-lang': 'fr' }),
      h('p', null, text[1]),
      h('figure', { id: 'figure', 'data-explainer': '', 'data-lang': 'en' }),
      h('p', null, text[2]),
      h('div', { id: 'cms', innerHTML: snippet }),
      h('p', null, text[3])]);
    return {
      server: (snippet) => vueToString(Vue.createSSRApp({ render: () => article(Vue.h, snippet, TEXT) })),
      client: (snippet, build, how) => `
        import { createSSRApp, createApp, h } from 'vue';
        window.start = () => {
          const app = ${how === 'hydrate' ? 'createSSRApp' : 'createApp'}({ render: () => (${article})(h, ${JSON.stringify(snippet)}, ${JSON.stringify(TEXT)}) });
          app.config.errorHandler = (e) => console.error('vue: ' + e);
          app.mount('#root');
        };`,
      started: () => !!document.getElementById('root').__vue_app__,
    };
  })(),
  Svelte: (() => {
    const source = `<script>let { snippet, text } = $props();</script>
<main><p>{text[0]}</p><div id="minimal" data-explainer data-lang="fr"></div><p>{text[1]}</p><figure id="figure" data-explainer data-lang="en"></figure><p>{text[2]}</p><div id="cms">{@html snippet}</div><p>{text[3]}</p></main>`;
    return {
      server: async (snippet, build) => {
        const code = bundle(`${svelte(source, 'server', build)}
          import { render } from 'svelte/server';
          export const page = (props) => render(Article, { props });`, { format: 'esm', platform: 'node', conditions: build === 'development' ? ['development'] : [] });
        const { page } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
        return page({ snippet, text: TEXT }).body;
      },
      client: (snippet, build, how) => `${svelte(source, 'client', build)}
        import { hydrate, mount } from 'svelte';
        window.start = () => { window.svelte = ${how}(Article, { target: document.getElementById('root'), props: { snippet: ${JSON.stringify(snippet)}, text: ${JSON.stringify(TEXT)} } }); };`,
      started: () => !!window.svelte,
    };
  })(),
};

const HOSTS = ['#minimal', '#figure', '#cms > [data-explainer]'];

/** The page for `framework` in `build`: its server's HTML (`hydrate`), or an empty root its
 * code renders into (`mount`). */
async function page(name, build, how) {
  const fw = FRAMEWORKS[name];
  const snippet = await snippetHtml();
  const client = bundle(fw.client(snippet, build, how), {
    format: 'iife', minify: true, conditions: build === 'development' ? ['development', 'browser'] : ['browser'],
    define: { 'process.env.NODE_ENV': JSON.stringify(build), __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Une page ${name}</title><link rel="icon" href="data:,"></head><body><div id="root">${how === 'hydrate' ? await fw.server(snippet, build) : ''}</div>
<script type="module" src="/embed.js"></script><script src="/app.js"></script></body></html>`;
  const p = await open(env.browser, null);
  await p.route(`${env.base}app.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await p.route(`${env.base}app.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: client }));
  await p.goto(`${env.base}app.html`);
  return p;
}

const hosts = (p) => p.evaluate((sel) => sel.map((s) => document.querySelector(s)).map((e) => e && {
  ready: e.hasAttribute('data-explainer-ready'),
  drawn: !!xpRoot(e)?.querySelector('.xp-root'),
  same: window.seen?.includes(e) ?? true,
}), HOSTS);

/** Each explainer still opens the panel a click asks for. */
async function answers(p) {
  for (const id of HOSTS) {
    await p.locator(`${id} [data-key="entity:nvidia"]`).first().click();
    assert.equal(await until(() => p.evaluate((s) => xpRoot(document.querySelector(s)).querySelector('.xp-panel h3')?.textContent, id)),
      'Nvidia', id);
  }
}

for (const name of Object.keys(FRAMEWORKS)) for (const build of ['production', 'development']) {
  test(`in a page ${name} renders on the server and hydrates after the explainer came (its ${build} build), it finds what it rendered: no hydration error or warning, the same hosts, each explainer still answering`, async () => {
    const p = await page(name, build, 'hydrate');
    await ready(p, 3);
    await p.evaluate((sel) => { window.seen = sel.map((s) => document.querySelector(s)); }, HOSTS);
    // The framework hydrates now, after the explainers came.
    await p.evaluate(() => window.start());
    assert.ok(await until(() => p.evaluate(FRAMEWORKS[name].started)), `${name} hydrated`);
    await p.waitForTimeout(300);
    assert.deepEqual(p.messages, [], 'no hydration error or warning');
    assert.deepEqual(await hosts(p), HOSTS.map(() => ({ ready: true, drawn: true, same: true })));
    await answers(p);
    assert.deepEqual(p.messages, []);
    await p.context().close();
  });
}

for (const name of Object.keys(FRAMEWORKS)) {
  test(`in a page ${name} renders in the browser (a page change in a single-page site), each explainer comes, the snippet's drawn as pre-rendered in the frame it comes in, and each answers`, async () => {
    const p = await page(name, 'production', 'mount');
    const first = await p.evaluate(() => new Promise((ok) => {
      // The snippet's HTML comes by innerHTML, in the task the framework renders in (React's
      // root renders in a later one than `render`): its root is attached by its first frame.
      const host = () => document.querySelector('#cms > [data-explainer]');
      new MutationObserver((_, seen) => {
        if (!host()) return;
        seen.disconnect();
        requestAnimationFrame(() => ok(!!host().shadowRoot?.querySelector('.xp-mount svg.xp-svg')));
      }).observe(document.getElementById('root'), { childList: true, subtree: true });
      window.start();
    }));
    assert.ok(first, 'the snippet drawn in its first frame');
    await ready(p, 3);
    assert.deepEqual(await hosts(p), HOSTS.map(() => ({ ready: true, drawn: true, same: true })));
    await answers(p);
    // The browser's own warning, on the framework's innerHTML: nothing else.
    assert.deepEqual(p.messages.filter((m) => !m.includes('declarative Shadow DOM is not being parsed')), []);
    await p.context().close();
  });
}
