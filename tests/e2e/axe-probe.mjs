// A hand probe, not a test: axe-core with the journeys' rules (lib.mjs `axe`: WCAG 2.2 A and
// AA, and best practice) on the article at 375 × 667 and 1280 × 800, light and dark, the
// panel closed and open, printing each state's violations. Needs a release build in dist/.
import { setup, open, ready, axe } from './lib.mjs';

const env = await setup();
for (const [width, height] of [[375, 667], [1280, 800]]) {
  for (const colorScheme of ['light', 'dark']) {
    for (const panel of [false, true]) {
      const page = await open(env.browser, env.base, { viewport: { width, height }, colorScheme });
      await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
      await ready(page); // hydrates it, as the reader's first touch would
      if (panel) {
        await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).first().click();
        await page.locator('.xp-panel h3').waitFor();
      }
      const found = await axe(page);
      console.log(`${width}×${height} ${colorScheme}, panel ${panel ? 'open' : 'closed'}: ${found.length} violation(s)${found.map((v) => `\n  ${v}`).join('')}`);
      await page.context().close();
    }
  }
}
await env.close();
