// The article read in a reader mode: Firefox's Reader View serializes the live page (shadow
// roots left out) and reads it with Readability and its own parser, in a worker; this does
// the same with the same library, on the page in Chromium and in Firefox. Each explainer must be there in brief, where it stands,
// in its language, for its story, and nothing of its interface.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readability } from '@mozilla/readability';
import JSDOMParser from '@mozilla/readability/JSDOMParser.js';
import { setup, open, ready, until } from './lib.mjs';
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

test('in Reader View, the article gives each explainer in brief where it stands: a pasted snippet, and minimal embeds the code drew, in their language, for their story; in Firefox too', async () => {
  const page = await open(env.browser, `${env.base}index.html`);
  await ready(page);
  const fr = await snippetBrief(page, 'fr');
  const en = await snippetBrief(page, 'en');
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

  // Three empty hosts: French in a <div>, English in a <figure> (the explainer in a <div>
  // made inside it), and a story the page gives.
  const three = await open(env.browser, `${env.base}hosts/reader.html`);
  await ready(three, 3);
  const custom = await three.evaluate(() => JSON.parse(document.querySelector('#custom script').textContent));
  const note = fr.slice(fr.lastIndexOf("L’explication interactive"));
  const briefs = { fr, en, custom: custom.title.fr + custom.dek.fr + note };
  const drawn = await readerView(three);
  assert.ok(await inPlaceOn(three, drawn, briefs), `the minimal embeds' briefs, drawn by the code, in their places: ${drawn}`);
  assert.deepEqual(await unseen(three), [3, 0, false]);
  // The page turns an explainer to English: its brief follows.
  await three.evaluate(() => document.querySelector('#fr').setAttribute('data-lang', 'en'));
  assert.ok(await until(async () => inPlaceOn(three, await readerView(three), { ...briefs, fr: en })), 'the brief in the language the page set');
  assert.deepEqual(three.messages, []);
  await three.context().close();

  // In Firefox itself, whose Reader View this is: the page as Firefox's code draws it,
  // serialized there.
  const br = await firefox({ width: 800, height: 700, scheme: 'light' });
  try {
    await br.go(`${env.base}hosts/reader.html`);
    const count = await br.runAsync(`const done = arguments[arguments.length - 1], t0 = Date.now();
      (function poll() {
        const n = document.querySelectorAll('[data-explainer-ready]').length;
        if (n === 3 || Date.now() - t0 > 20000) return done(n);
        setTimeout(poll, 50);
      })();`);
    assert.equal(count, 3, 'Firefox: the three explainers drawn');
    const html = await br.run('return new XMLSerializer().serializeToString(document);');
    const reader = new Readability(new JSDOMParser().parse(html, `${env.base}hosts/reader.html`), { classesToPreserve: CLASSES_TO_PRESERVE }).parse();
    const around = await br.run(`return (${NEIGHBOURS})(arguments[0]);`, Object.keys(briefs));
    assert.ok(reader && inPlace(around, reader.textContent, briefs), `Firefox: the briefs in their places: ${reader?.textContent}`);
  } finally {
    await br.quit();
  }
});
