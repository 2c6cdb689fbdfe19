// Screenshots of the built page for people to look at: 375x667 and 1280x800, light and dark,
// panel closed and open. Writes tests/e2e/screenshots/ (ignored by git).
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { ready } from './lib.mjs';

const out = new URL('./screenshots/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const errors = [];
for (const [w, h] of [[375, 667], [1280, 800]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme, deviceScaleFactor: 1 });
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && errors.push(`${w} ${scheme}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${w} ${scheme}: ${e.message}`));
    await page.goto(base);
    const root = page.locator('.xp-root').first();
    await root.waitFor();
    await root.scrollIntoViewIfNeeded();
    await ready(page); // hydrates it, as the reader's first touch would
    await page.screenshot({ path: `${out}${w}x${h}-${scheme}-closed.png` });
    await page.locator('[data-key="relationship:nvidia-openai-loi"]').first().click();
    await page.locator('.xp-panel').waitFor();
    await page.screenshot({ path: `${out}${w}x${h}-${scheme}-panel.png` });
    await page.locator('.xp-close').click();
    for (const view of ['comparison', 'timeline', 'questions']) {
      await page.locator(`[id$="-tab-${view}"]`).first().click();
      await root.scrollIntoViewIfNeeded();
      if (view === 'questions') await page.locator('summary').first().click();
      await page.screenshot({ path: `${out}${w}x${h}-${scheme}-${view}.png` });
    }
    await page.close();
  }
}
await browser.close();
server.close();
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log(`screenshots in ${out}`);
