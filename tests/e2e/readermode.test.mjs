// The article read in a reader mode: Firefox's Reader View serializes the live page (shadow
// roots left out) and reads it with Readability and its own parser, in a worker; this does
// the same with the same library, on the page in Chromium and in Firefox. A pasted
// snippet's explainer must be there in brief, where it stands, and nothing of its interface.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readability } from '@mozilla/readability';
import JSDOMParser from '@mozilla/readability/JSDOMParser.js';
import { setup, open, ready } from './lib.mjs';
import { firefox } from './webdriver.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// Firefox's own setting (ReaderMode.sys.mjs), though no class of the brief is among them.
const CLASSES_TO_PRESERVE = ['caption', 'emoji', 'hidden', 'invisible', 'sr-only', 'visually-hidden', 'visuallyhidden',
  'wp-caption', 'wp-caption-text', 'wp-smiley'];
const flat = (s) => s.replace(/\s+/g, '');

/** The text Firefox's Reader View shows of `page` as it is now. */
async function readerView(page) {
  const html = await page.evaluate(() => new XMLSerializer().serializeToString(document));
  const article = new Readability(new JSDOMParser().parse(html, page.url()), { classesToPreserve: CLASSES_TO_PRESERVE }).parse();
  assert.ok(article, 'Reader View finds an article');
  return article.textContent;
}

/** The brief the build's snippet in `lang` carries after its template (what a feed reader shows). */
const snippetBrief = (page, lang) => page.evaluate(async (l) => new DOMParser()
  .parseFromString(await (await fetch(`/snippet.${l}.html`)).text(), 'text/html').querySelector('.explainer-fallback').textContent, lang);

/** The texts that stand before and after each explainer host of the page (by id), in the page. */
const NEIGHBOURS = (ids) => ids.map((id) => {
  const h = document.getElementById(id);
  return [h.previousElementSibling.textContent, h.nextElementSibling.textContent];
});

/** Whether `reader` (Reader View's text) gives each explainer host (by id; `around`, the
 * texts before and after each) the brief `briefs` names, between those texts, and nothing
 * else of any explainer: its note (the brief's last line, "…JavaScript.") once per host. */
function inPlace(around, reader, briefs) {
  const text = flat(reader);
  const missing = Object.values(briefs).map((b, i) => flat(around[i][0] + b + around[i][1])).filter((run) => !text.includes(run));
  return missing.length === 0 && text.split('JavaScript.').length - 1 === around.length;
}
/** `inPlace` for a playwright page. */
const inPlaceOn = async (page, reader, briefs) => inPlace(await page.evaluate(NEIGHBOURS, Object.keys(briefs)), reader, briefs);

/** Nothing of a brief is shown or read aloud on the page itself. */
const unseen = (page) => page.evaluate(() => {
  const briefs = [];
  const walk = (root) => root.querySelectorAll('*').forEach((e) => {
    if (e.classList.contains('explainer-fallback')) briefs.push(e);
    if (e.shadowRoot) walk(e.shadowRoot);
  });
  walk(document);
  return [briefs.length, briefs.filter((e) => e.getClientRects().length > 0).length, document.body.innerText.includes('JavaScript')];
});

test('in Reader View, the article gives its explainer (a pasted snippet) in brief where it stands, in Chromium and in Firefox; a minimal embed adds nothing to its host', async () => {
  const page = await open(env.browser, `${env.base}index.html`);
  await ready(page);
  const fr = await snippetBrief(page, 'fr');
  for (const s of ['Nvidia et OpenAI', '30 milliards de dollars (confirmé, 27 février 2026)', 'Les 10 gigawatts', 'navigateur avec JavaScript']) {
    // (No-break spaces keep a figure and its word together: read as spaces here.)
    assert.ok(fr.replace(/[\u00a0\u202f]/g, ' ').includes(s), `${s} in the snippet's brief: ${fr}`);
  }
  const host = await page.evaluate(() => document.querySelector('[data-explainer]').id || (document.querySelector('[data-explainer]').id = 'pasted'));
  const article = await readerView(page);
  assert.ok(await inPlaceOn(page, article, { [host]: fr }), `the snippet's brief, hydrated, in its place: ${article}`);
  assert.deepEqual(await unseen(page), [1, 0, false]);
  assert.deepEqual(page.messages, []);
  await page.context().close();

  // A minimal embed (an empty host) gets no brief: the code adds nothing to a <div> host's
  // children, which a framework hydrating the page after it (React, Vue) would take for a
  // mismatch. Its host's children stay as the page made them.
  const minimal = await open(env.browser, `${env.base}hosts/minimal.html`);
  await ready(minimal, 3);
  assert.deepEqual(await minimal.evaluate(() => ['fr', 'custom'].map((id) => [...document.getElementById(id).childNodes].map((n) => n.nodeName))),
    [[], ['SCRIPT']]);
  assert.deepEqual(minimal.messages, []);
  await minimal.context().close();

  // In Firefox itself, whose Reader View this is: the article as Firefox draws it,
  // serialized there.
  const br = await firefox({ width: 800, height: 700, scheme: 'light' });
  try {
    await br.go(`${env.base}index.html`);
    const state = await br.runAsync(`const done = arguments[arguments.length - 1], t0 = Date.now();
      (function poll() {
        const h = document.querySelector('[data-explainer]');
        if (h.hasAttribute('data-explainer-mounted') || Date.now() - t0 > 20000) return done(h.hasAttribute('data-explainer-mounted'));
        setTimeout(poll, 50);
      })();`);
    assert.equal(state, true, 'Firefox: the explainer taken in charge by its code');
    const html = await br.run('return new XMLSerializer().serializeToString(document);');
    const reader = new Readability(new JSDOMParser().parse(html, `${env.base}index.html`), { classesToPreserve: CLASSES_TO_PRESERVE }).parse();
    await br.run("document.querySelector('[data-explainer]').id ||= 'pasted';");
    const around = await br.run(`return (${NEIGHBOURS})(arguments[0]);`, [host]);
    assert.ok(reader && inPlace(around, reader.textContent, { [host]: fr }), `Firefox: the brief in its place: ${reader?.textContent}`);
  } finally {
    await br.quit();
  }
});
