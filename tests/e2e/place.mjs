// Helpers shared by the placement tests (placement.test.mjs, sheet.test.mjs): where a panel
// opens and what it leaves in sight.
import assert from 'node:assert/strict';
import { until } from './lib.mjs';

export const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
// Diagram controls are tapped or clicked without scrolling them into view first: the action
// scrolls itself, and waits out a redraw of the drawing (hydration) that scrolling would not.

/** Waits until every explainer in `doc` (a page or a frame) runs its code: a tap or key on
 * the pre-rendered HTML before that has nothing to answer it. */
export async function mounted(doc) {
  const all = doc.locator('[data-explainer]');
  await all.first().waitFor({ state: 'attached' });
  const n = await all.count();
  assert.ok(await until(async () => (await doc.locator('[data-explainer][data-explainer-mounted]').count()) === n), 'the explainers run their code');
}

/** Waits until the diagram in `x` is drawn for its column's width (after a change of
 * viewport, the explainer lays it out again once it has measured the column). */
export async function laidOut(x) {
  const svg = x.locator('svg.xp-svg').filter({ visible: true });
  return until(async () => svg.evaluate((s) => Math.abs(s.viewBox.baseVal.width - s.getBoundingClientRect().width) < 1).catch(() => false));
}

/** Taps `c` (page px) once the page's scroll has settled, and waits until the panel of `x`
 * is whole and placed (after its paint). */
export async function tapOpen(page, x, c) {
  await page.waitForTimeout(200);
  await page.touchscreen.tap(c.x, c.y);
  await x.locator('.xp-panel:not([data-partial])').waitFor();
  await page.waitForTimeout(150);
}

/** Whether box `b` (CSS px, page viewport) has its centre inside box `p`. */
export const under = (b, p) => !!p && b.x + b.width / 2 > p.x && b.x + b.width / 2 < p.x + p.width
  && b.y + b.height / 2 > p.y && b.y + b.height / 2 < p.y + p.height;
