import { setup, open } from './lib.mjs';
const env = await setup();
for (const [w, h] of [[1280, 800], [768, 1024], [375, 667]]) {
  const page = await open(env.browser, null, { viewport: { width: w, height: h } });
  await page.addInitScript(() => { window.shift = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('explainer:ready', () => { window.readyAt = performance.now(); }); });
  await page.goto(`${env.base}index.html`);
  await page.evaluate(() => document.querySelector('[data-explainer]').scrollIntoView());
  await page.waitForFunction(() => window.readyAt); await page.waitForTimeout(800);
  console.log(w, h, await page.evaluate(() => window.shift.toFixed(4)), await page.evaluate(() => Math.round(document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-svg').getBoundingClientRect().height)));
  await page.context().close();
}
await env.close();
