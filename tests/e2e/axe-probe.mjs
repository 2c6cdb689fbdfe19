import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { ready } from './lib.mjs';
const axe = await readFile(new URL('../../tools/node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const server = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[375, 667], [1280, 800]]) for (const scheme of ['light', 'dark']) for (const panel of [false, true]) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await ready(page); // hydrates it, as the reader's first touch would
  if (panel) { await page.locator('[data-key="entity:nvidia"]').click(); await page.waitForTimeout(400); }
  await page.addScriptTag({ content: axe });
  const r = await page.evaluate(() => axe.run('.xp-root', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
  console.log(`${w} ${scheme} panel=${panel}: ${r.violations.length} violations`, r.violations.map((v) => `${v.id}(${v.nodes.length}): ${v.nodes[0].failureSummary.split('\n')[1] || ''} ${v.nodes[0].target}`).join(' | '));
  await page.close();
}
await browser.close(); server.close();
