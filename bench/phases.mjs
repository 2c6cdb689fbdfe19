// Where a tap's time goes, read off a DevTools timeline trace of real taps: from the first
// input event the page gets (pointerdown, touchstart or mousedown) to the end of the first
// paint after the click, split into
// - click: the click's handlers, and within it `forced`: the style and layout they forced
//   (a read of a size before the paint);
// - handlers: every other input event's handlers (pointer, touch, mouse, focus);
// - script: the page's code run outside events before that paint (microtasks, animation
//   frames, timers: effects);
// - frame: the browser's rendering outside script (style, layout, pre-paint, paint,
//   layerize, commit);
// - rest: what is left, the browser's input pipeline and the waits between.
// Beside them, where a tap returns it, the same tap's Event Timing duration (what INP counts:
// from the touch's own time to the frame shown, so input delivery before the first event,
// and raster, compositing and presentation after the paint, are in it too).
// Tracing slows the page a little: the shares are the point, not the totals.

const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
const SCRIPT = new Set(['FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'TimerFire', 'EvaluateScript', 'v8.callFunction']);

/** The phases of the one tap in `events` (a trace's complete events), in ms. */
export function phases(events) {
  const x = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const type = (e) => e.name === 'EventDispatch' && e.args?.data?.type;
  const first = x.filter((e) => /^(pointerdown|touchstart|mousedown)$/.test(type(e))).sort((a, b) => a.ts - b.ts)[0];
  const click = x.find((e) => type(e) === 'click' && first && e.ts >= first.ts);
  if (!first || !click) throw new Error('bench: a traced tap had no input or no click');
  const main = x.filter((e) => e.tid === click.tid && e.ts >= first.ts);
  const paint = main.filter((e) => e.name === 'Paint' && e.ts >= click.ts + click.dur).sort((a, b) => a.ts - b.ts)[0];
  if (!paint) throw new Error('bench: a traced tap was not painted');
  const end = paint.ts + paint.dur;
  const within = (e, o) => e !== o && e.ts >= o.ts && e.ts + e.dur <= o.ts + o.dur;
  const counted = main.filter((e) => e.ts + e.dur <= end && (type(e) || RENDER.has(e.name) || SCRIPT.has(e.name)));
  // Each event once: the outermost of those that nest.
  const top = counted.filter((e) => !counted.some((o) => within(e, o)));
  const ms = (list) => list.reduce((sum, e) => sum + e.dur, 0) / 1000;
  // Forced in the click: its outermost style and layout, whatever script they sit in.
  const inClick = main.filter((e) => within(e, click) && (e.name === 'UpdateLayoutTree' || e.name === 'Layout'));
  const out = {
    total: (end - first.ts) / 1000,
    click: click.dur / 1000,
    forced: ms(inClick.filter((e) => !inClick.some((o) => within(e, o)))),
    handlers: ms(top.filter((e) => type(e) && e !== click)),
    script: ms(top.filter((e) => SCRIPT.has(e.name))),
    frame: ms(top.filter((e) => RENDER.has(e.name))),
  };
  out.rest = out.total - out.click - out.handlers - out.script - out.frame;
  return out;
}

/** Traces each of `taps` (functions that tap, then wait for the answer, and may return the
 * tap's Event Timing duration) on page `p`; returns the median of each phase. */
export async function tracedTaps(p, taps, median) {
  const cdp = await p.context().newCDPSession(p);
  const rows = [];
  for (const tap of taps) {
    const events = [];
    const collect = (d) => events.push(...d.value);
    cdp.on('Tracing.dataCollected', collect);
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    const timed = await tap();
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    rows.push({ ...phases(events), ...(typeof timed === 'number' ? { timed } : {}) });
  }
  await cdp.detach();
  return Object.fromEntries(Object.keys(rows[0]).map((k) => [k, median(rows.map((r) => r[k]))]));
}
