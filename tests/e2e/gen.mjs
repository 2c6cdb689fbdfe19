// Seeded random stories the schema allows, made from the shipped story's texts: any number
// of players, relationships, events, quotes, questions and comparison bars (none too), any
// role, kind, status, amount and unit, names short, long, unbroken, escaped-looking or in
// other scripts. A random reader plays them (`random.test.mjs`), as an editor's own story
// would be met; the random readers draw their steps, and the host pages they play, here too.
import { STORY } from './reader.mjs';

/** A seeded generator (the C library's LCG): the same seed gives the same sequence. */
export function generator(seed) {
  let s = seed;
  const next = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  /** `n` distinct items of `xs` (all of them if fewer), in a random order. */
  const some = (xs, n) => {
    const pool = [...xs];
    return Array.from({ length: Math.min(n, pool.length) }, () => pool.splice(Math.floor(next() * pool.length), 1)[0]);
  };
  return { next, int, pick, some };
}

/** What a random reader does at each step, with the share of the draws each kind takes. */
const STEPS = [['tap', 0.5], ['focus', 0.08], ['key', 0.15], ['read', 0.05], ['pinch', 0.04],
  ['scroll', 0.04], ['resize', 0.07], ['back', 0.04], ['language', 0.01], ['text', 0.02]];

/** The kind of step a draw `r` in [0, 1) gives a random reader, the same for Chromium's
 * reader and the other engines', but for the kinds a reader `cannot` take (the engines'
 * reader: WebDriver has no page scale for a pinch, and it has no Back of its own): the
 * others then share their draws. */
export function stepKind(r, cannot = []) {
  const kinds = STEPS.filter(([k]) => !cannot.includes(k));
  let at = r * kinds.reduce((sum, [, share]) => sum + share, 0);
  for (const [kind, share] of kinds) {
    if (at < share) return kind;
    at -= share;
  }
  return kinds.at(-1)[0];
}

/** The host pages a list names for the random readers to play (`rtl,sidebar:desktop,
 * csp-prerendered?hash`): each page's name, where it is played (`phone` unless named), and
 * its address under hosts/, with the query its server reads. */
export const hostsToPlay = (list = '') => list.split(',').filter(Boolean).map((name) => {
  const [host, where = 'phone'] = name.split(':');
  const [file, query] = host.split('?');
  return { host, where, page: `${file}.html${query === undefined ? '' : `?${query}`}` };
});

const ROLES = ['chipmaker', 'lab', 'hyperscaler', 'investor', 'state'];
const KINDS = ['investment', 'chip_supply', 'cloud_compute', 'partnership', 'competition'];
const STATUSES = ['confirmed', 'reported', 'unverified', 'pledged', 'superseded'];
const STATES = ['answered', 'partly', 'open'];
/** Each unit with the largest figure the validator lets it hold. */
const UNITS = { usd_bn: 100000, usd_m: 100000000, gw: 10000, mw: 10000000, pct: 100 };
/** Names an editor may well type, beside the shipped ones. */
const NAMES = [
  { fr: 'X', en: 'X' },
  { fr: 'Consortium européen pour l’infrastructure de calcul souverain', en: 'European Consortium for Sovereign Compute Infrastructure' },
  { fr: 'Hyperscalecomputeinfrastructureholdings', en: 'Hyperscalecomputeinfrastructureholdings' },
  { fr: 'AT&T <Labs> « R&D »', en: 'AT&T <Labs> "R&D"' },
  { fr: 'ソフトバンク・ビジョン・ファンド', en: 'ソフトバンク・ビジョン・ファンド' },
  { fr: 'Fonds 🚀 Nova', en: 'Nova 🚀 Fund' },
  { fr: 'État du Qatar', en: 'State of Qatar' },
  { fr: 'صندوق الاستثمارات العامة', en: 'صندوق الاستثمارات العامة (PIF)' },
];
const LABELS = [
  { fr: 'prend une participation minoritaire non précisée, par tranches, au fil des années', en: 'takes an undisclosed minority stake, in tranches, over the years' },
  { fr: 'ok', en: 'ok' },
  { fr: 'selon https://example.com/un/tres/long/chemin/sans/espace/aucune-coupure-possible-ici', en: 'per https://example.com/a/very/long/path/without/any/space/no-break-possible-here' },
];

const date = (rnd) => `${rnd.int(2015, 2026)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;

/** A figure for `unit`, from a thousandth of its ceiling to the ceiling, or a round one. */
function figure(rnd, unit) {
  const most = UNITS[unit];
  if (rnd.next() < 0.3) return rnd.pick([0, 1, 10, 13, 100, 0.5, most].filter((v) => v <= most));
  return Math.round(most * 10 ** (-rnd.next() * 6) * 1000) / 1000 || 1;
}

/** An amount of any kind in `unit` (`undisclosed` only where `hidden` allows it). */
function amount(rnd, unit, hidden = true) {
  const kind = rnd.pick(['exact', 'approx', 'up_to', 'at_least', 'range', ...(hidden ? ['undisclosed'] : [])]);
  if (kind === 'undisclosed') return { kind };
  if (kind === 'range') {
    const [a, b] = [figure(rnd, unit), figure(rnd, unit)].sort((x, y) => x - y);
    return { kind, low: a, high: b, unit };
  }
  return { kind, value: figure(rnd, unit), unit };
}

/** The story of `seed`. */
export function story(seed) {
  // (Consecutive seeds start the LCG at close values: spread them, and let it run a little.)
  const rnd = generator((seed * 2654435761) % 2147483648);
  for (let i = 0; i < 4; i++) rnd.next();
  const s = STORY;
  const sources = s.sources.map((x) => x.id);
  const cites = () => rnd.some(sources, rnd.int(0, 3));
  // Some stories put every player in one role, or write at length.
  const roles = rnd.next() < 0.2 ? [rnd.pick(ROLES)] : ROLES;
  const long = rnd.next() < 0.2 ? 4 : 1;
  const more = (t) => ({ fr: Array(long).fill(t.fr).join(' '), en: Array(long).fill(t.en).join(' ') });
  const entities = Array.from({ length: rnd.int(1, rnd.next() < 0.2 ? 40 : 24) }, (_, i) => {
    const from = s.entities[i % s.entities.length];
    return { id: `p${i}`, role: rnd.pick(roles), name: rnd.next() < 0.3 ? rnd.pick(NAMES) : from.name, description: more(from.description) };
  });
  const ids = entities.map((e) => e.id);
  const pairs = entities.length < 2 ? 0 : rnd.int(0, Math.min(48, entities.length * 3));
  // Who the relationships join: anyone, one hub and the rest, two players only (both ways),
  // or a chain.
  const shape = rnd.pick(['any', 'any', 'hub', 'pair', 'chain']);
  const ends = (i) => {
    if (shape === 'hub') return rnd.next() < 0.5 ? [ids[0], rnd.pick(ids.slice(1))] : [rnd.pick(ids.slice(1)), ids[0]];
    if (shape === 'pair') return rnd.next() < 0.5 ? [ids[0], ids[1]] : [ids[1], ids[0]];
    if (shape === 'chain') return [ids[i % (ids.length - 1)], ids[i % (ids.length - 1) + 1]];
    return rnd.some(ids, 2);
  };
  const relationships = Array.from({ length: pairs }, (_, i) => {
    const from = s.relationships[i % s.relationships.length];
    const [a, b] = ends(i);
    const r = { id: `r${i}`, from: a, to: b, kind: rnd.pick(KINDS), status: rnd.pick(STATUSES),
      label: rnd.next() < 0.2 ? rnd.pick(LABELS) : more(from.label), sources: cites() };
    if (rnd.next() < 0.8) r.amount = amount(rnd, rnd.pick(Object.keys(UNITS)));
    if (rnd.next() < 0.7) r.date = date(rnd);
    if (from.note && rnd.next() < 0.5) r.note = from.note;
    if (rnd.next() < 0.15) r.headline = true;
    return r;
  });
  const links = relationships.map((r) => r.id);
  const events = Array.from({ length: rnd.int(0, 30) }, (_, i) => {
    const from = s.events[i % s.events.length];
    return { id: `ev${i}`, date: date(rnd), status: rnd.pick(STATUSES), title: more(from.title), text: more(from.text),
      entities: rnd.some(ids, rnd.int(0, 4)), relationships: rnd.some(links, rnd.int(0, 2)), sources: cites() };
  });
  const quotes = Array.from({ length: rnd.int(0, 7) }, (_, i) => {
    const from = s.quotes[i % s.quotes.length];
    return { ...from, id: `q${i}`, date: date(rnd), source: rnd.pick(sources),
      entities: rnd.some(ids, rnd.int(0, 2)), relationships: rnd.some(links, rnd.int(0, 2)) };
  });
  const questions = Array.from({ length: rnd.int(0, 7) }, (_, i) => {
    const from = s.questions[i % s.questions.length];
    return { ...from, id: `qn${i}`, question: more(from.question), state: rnd.pick(STATES), status: rnd.pick(STATUSES), sources: cites() };
  });
  const title = { fr: `Une histoire inventée (n° ${seed})`, en: `A made-up story (no. ${seed})` };
  const out = { ...s, title, entities, relationships, events, quotes, questions };
  delete out.comparison;
  if (rnd.next() < 0.75) {
    const unit = rnd.pick(Object.keys(UNITS));
    const groups = Array.from({ length: rnd.int(1, 4) }, (_, g) => {
      const from = s.comparison.groups[g % s.comparison.groups.length];
      const group = { ...from, id: `g${g}`, bars: Array.from({ length: rnd.int(1, 6) }, (_, b) => {
        const bar = from.bars[b % from.bars.length];
        return { ...bar, id: `g${g}b${b}`, label: more(bar.label), status: rnd.pick(STATUSES), amount: amount(rnd, unit, false), sources: cites() };
      }) };
      if (links.length && rnd.next() < 0.6) group.relationship = rnd.pick(links); else delete group.relationship;
      return group;
    });
    out.comparison = { ...s.comparison, unit, groups };
  }
  return out;
}

/** A host page for the story of `seed`, inline as an editor's own, in `lang` (by default,
 * one of the two at random), in a column `column` px wide if given (a sidebar's). */
export function page(seed, lang = generator(seed + 1).pick(['fr', 'en']), column = null) {
  return host(story(seed), lang, column, `Story ${seed}`, `story-${seed}`);
}

/** A host page for `data` (a story), inline as an editor's own, in `lang`, titled `title`,
 * its host's id `id`, in a column `column` px wide if given. */
export function host(data, lang, column = null, title = 'A story', id = 'story') {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const style = column ? `<style>.column{width:${column}px}</style>` : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<link rel="icon" href="../favicon.png" type="image/png"><link rel="stylesheet" href="host.css">${style}</head>
<body><main><h1>${title}</h1><div class="column"><div id="${id}" data-explainer><script type="application/json">${json}</script></div></div>
<p>After the explainer.</p></main><script type="module" src="../embed.js"></script></body></html>`;
}
