// The article page as a reader opens it in the journey tests: viewports, the shipped story,
// and probes of the explainer's shadow root.
import { readFile, mkdir } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { open, ready, until } from './lib.mjs';

// Screenshots of each state, for anyone to look at after a run (the folder is ignored).
export const SHOTS = new URL('./screenshots/', import.meta.url).pathname;
await mkdir(SHOTS, { recursive: true });
export const VIEWPORTS = {
  phone320: { viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  phone375: { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 } },
};
export const STORY = JSON.parse(await readFile(new URL('../../src/story/story.json', import.meta.url), 'utf8'));
// The story as typed, up to the kind of space: French texts are shown with no-break spaces
// inside « » and before : ; ! ? %.
export const words = (s) => s.replace(/\s+/g, ' ');

/** Opens the article on `env`'s browser at viewport `name`, in `lang` and colour `scheme`,
 * scrolled to the explainer once ready (the English one through its language switch). */
export async function article(env, name, lang, scheme, more = {}) {
  const page = await open(env.browser, null, { ...VIEWPORTS[name], colorScheme: scheme, ...more });
  await page.goto(`${env.base}${lang === 'en' ? 'hosts/plain.html' : 'index.html'}`);
  if (lang === 'en') {
    // The English journey switches language the way a reader does.
    await ready(page);
    await page.locator('.xp-lang').click();
    await until(() => page.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-root').lang === 'en'));
  }
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await ready(page);
  return page;
}

/** Runs `fn` (a function body given `r`, the explainer's shadow root) in the page. */
export const root = (page, fn) => page.evaluate((f) => new Function('r', f)(document.querySelector('[data-explainer]').shadowRoot), fn);
export const panelTitle = (page) => root(page, "return r.querySelector('.xp-panel h3')?.textContent ?? ''");
// The panel draws its head in the tap's frame and its lists (links, quotations, sources) in
// the next: true once they are there.
export const panelWhole = (page) => root(page, "const p = r.querySelector('.xp-panel'); return !!p && !p.hasAttribute('data-partial')");

/** Taps (`touch`) or clicks every player and relationship of `story` in its diagram, and
 * asserts each opens a panel that names it in `lang` (a relationship by the player it comes
 * from); `label` prefixes a failure. A pre-rendered explainer has a drawing per width: the
 * control tapped is the one shown. */
export async function everyItemNamed(page, story, lang, touch, label = '') {
  const tap = (el) => (touch ? el.tap() : el.click());
  const names = Object.fromEntries(story.entities.map((e) => [e.id, words(e.name[lang])]));
  for (const e of story.entities) {
    await tap(page.locator(`[data-key="entity:${e.id}"]`).filter({ visible: true }));
    assert.ok(await until(async () => words(await panelTitle(page)) === names[e.id]), `${label}${e.id}: ${await panelTitle(page)}`);
    await page.locator('.xp-close').click();
  }
  for (const r of story.relationships) {
    await tap(page.locator(`[data-key="relationship:${r.id}"]`).filter({ visible: true }));
    assert.ok(await until(async () => words(await panelTitle(page)).startsWith(names[r.from])), `${label}${r.id}: ${await panelTitle(page)}`);
    await page.locator('.xp-close').click();
  }
}
