// Explainer loader, written by the build with the hashed asset names. It mounts an
// explainer into every [data-explainer] element, now and later. Assets resolve against
// this file's own URL, so it works from any path or CDN prefix.
//
// Pre-rendered explainers are readable as they arrive, so the code (bindings and WASM) is
// only fetched when one is about to be seen (a screen ahead) or touched, when a host has
// nothing pre-rendered, or when the address links into one (at load or later).
const base = new URL('.', import.meta.url);
const HOSTS = '[data-explainer]';
// This build's name, which its pre-rendered hosts carry. Every loader on the page adds its
// own to one set: a host drawn by another build whose loader is here (a second story's
// explainer) is that loader's; one drawn by a build no loader names (an older snippet, from
// before an editor's fix) is this build's, and its code draws it afresh.
const BUILD = '{{BUILD}}';
const builds = (window[Symbol.for('explainer.builds')] ??= new Set()).add(BUILD);
const INPUTS = ['pointerdown', 'touchstart', 'focusin', 'keydown'];
let loading = null;
// The last control tapped before the code arrived: nothing could answer it then, so it is
// clicked again once the code runs (the explainer hydrates on that click, then opens it).
let early = null;
// What it opens, kept on its host too: a drawing the code does not hydrate (an older
// build's, another language's) is drawn afresh, and that render opens it (embed/older.rs).
// The code marks such a host (an empty note) until it is drawn: a tap on the old drawing
// meanwhile is noted the same way.
const TAPPED = 'data-explainer-tapped';
const redrawn = (host) => host.hasAttribute(TAPPED);
function keep(host, control) {
  if (!started) early?.getRootNode().host?.closest(HOSTS)?.removeAttribute(TAPPED);
  early = control;
  host.setAttribute(TAPPED, control.getAttribute('data-key') ?? `view:${control.id.split('-').pop()}`);
}
let started = false;

function load() {
  loading ??= (async () => {
    seen?.disconnect();
    try {
      const { default: init, start } = await import(new URL('{{JS}}', base).href);
      await init({ module_or_path: new URL('{{WASM}}', base) });
      start(new URL('{{CSS}}', base).href, BUILD);
      started = true;
      const control = early;
      early = null;
      // Cancelable, as a real click: the control cancels it, so a link around it stays put.
      if (control?.isConnected) control.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    } catch (error) {
      // Blocked, failed or too old: keep the pre-rendered content readable, say why.
      console.warn('explainer: interactive mode is not available here', error);
      fail();
    }
  })();
}

// The shadow root a host's explainer lives in: its own, or that of the <div> the code makes
// inside a host that cannot hold one (a <figure>, an <li>) or holds one of its own (a custom
// element's), put inside that root when it has no slot (embed/mod.rs `shadow_of`).
const INNER = '[data-explainer-shadow]';
const shadowOf = (host) => {
  const own = host.shadowRoot;
  if (own?.querySelector('.xp-mount, [data-xp-note]')) return own;
  return (host.querySelector(`:scope > ${INNER}`) ?? [...(own?.children ?? [])].find((c) => c.matches(INNER)))?.shadowRoot ?? null;
};
// A control's mark: its data-key, or for one without (a tab, a disclosure, a link), its
// place among those on screen. Another drawing of the story (another language's, an older
// build's) marks the same controls alike while it shows the same view. Only the few
// controls without a key are listed: a drawing has hundreds with one.
const OTHERS = ':is(a[href], button, summary, [tabindex]):not([data-key])';
const others = (root) => [...(root?.querySelectorAll(OTHERS) ?? [])].filter((c) => c.getClientRects().length);
const markOf = (root, c) => c.dataset?.key ?? others(root).indexOf(c);
const marked = (root, mark) => (typeof mark === 'number'
  ? others(root)[mark]
  : [...root.querySelectorAll(`[data-key="${CSS.escape(mark)}"]`)].find((c) => c.getClientRects().length));
const prerendered = (host) => !!shadowOf(host)?.querySelector('.xp-mount > *');
const anothers = (host) => {
  const build = shadowOf(host)?.querySelector('.xp-mount')?.dataset.build;
  return !!build && build !== BUILD && builds.has(build);
};

// Whether the explainer would speak English, as the code reads the host's `data-lang`
// (host.rs `resolve_lang`): any case, spaces around, a region after `-` or `_`; a language
// it does not know gives way to the one HTML gives the host (its nearest `lang`); French
// when neither says English or French.
const code = (tag) => /^\s*(en|fr)(?:[-_]|\s*$)/i.exec(tag ?? '')?.[1].toLowerCase();
const english = (host) => (code(host.dataset.lang) ?? code(host.closest('[lang]')?.getAttribute('lang'))) === 'en';

// A link to the build's stylesheet `file`. With CORS, as the code and the WASM are fetched: a
// cross-origin isolated page (COEP require-corp) refuses another origin's stylesheet fetched
// without it. Classed as Dark Reader's own, which it then leaves alone (see markDark).
function sheet(file) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.crossOrigin = 'anonymous';
  link.className = 'darkreader';
  link.href = new URL(file, base).href;
  return link;
}

// Once the code failed, every host, even one added later, says the explainer is unavailable:
// a pre-rendered one stays readable; an empty one says so rather than stay blank.
let broken = false;
function fail() {
  broken = true;
  for (const host of document.querySelectorAll(HOSTS)) if (!anothers(host)) unavailable(host);
}
// The code stopped later (a panic: a bug, or a page script that broke a DOM method it
// relies on; embed/events.rs): its explainers, drawn and answering until then, answer
// nothing more, and are read the same way.
document.addEventListener('explainer:failed', (e) => e.detail === BUILD && fail());
// A trap that is not a panic (memory exhausted, an access out of bounds) stops the code with
// no hook to say so, and one in a render leaves Yew's scheduler locked: its explainers would
// answer nothing, silently. The trap's stack names this build's bindings (the browser called
// the code through them) or its WASM file (a streamed module, as Chrome and Firefox name it).
const trapped = (e) => e instanceof WebAssembly.RuntimeError && ['{{JS}}', '{{WASM}}'].some((f) => e.stack?.includes(f)) && fail();
addEventListener('error', (e) => trapped(e.error));
addEventListener('unhandledrejection', (e) => trapped(e.reason));
function unavailable(host) {
  if (host.hasAttribute('data-explainer-failed')) return;
  host.setAttribute('data-explainer-failed', '');
  host.removeAttribute('data-explainer-ready');
  if (!prerendered(host)) {
    let root = shadowOf(host);
    if (!root) {
      try {
        root = host.attachShadow({ mode: 'open' });
      } catch {
        const inner = document.createElement('div');
        inner.setAttribute('data-explainer-shadow', '');
        host.prepend(inner);
        // A custom element's own root without a slot would not show it: it goes in there.
        if (host.shadowRoot && !inner.assignedSlot) host.shadowRoot.append(inner);
        root = inner.attachShadow({ mode: 'open' });
      }
    }
    const note = document.createElement('p');
    note.setAttribute('role', 'note');
    note.setAttribute('data-xp-note', '');
    note.textContent = english(host)
      ? 'The interactive explainer could not load on this page.'
      : 'L’explication interactive n’a pas pu se charger sur cette page.';
    root.replaceChildren(note);
  } else {
    const link = sheet('static.css');
    const root = shadowOf(host);
    const had = root.activeElement;
    root.append(link);
    // A panel the code had open could no longer close.
    root.querySelector('.xp-panel')?.remove();
    // Live, the code builds only the view shown: where it stopped after drawing, the note
    // does not promise the whole content.
    const note = root.querySelector('.xp-static-note');
    if (note && [...root.querySelectorAll('.xp-view')].some((v) => v.children.length < 2)) {
      note.textContent = root.querySelector('.xp-root')?.lang === 'en'
        ? 'Interaction has stopped on this page: this is what the explainer was showing.'
        : 'L’interaction s’est arrêtée sur cette page\u00a0: voici ce que l’explication montrait.';
    }
    // Its controls now answer nothing: a screen reader must not offer dozens of buttons that
    // do nothing, nor Tab stop on them. The diagram's are read as the named images they
    // are; the bars and events, as their text, disabled. Links and disclosures still work.
    for (const c of root.querySelectorAll('.xp-svg [role="button"]')) {
      c.setAttribute('role', 'img');
      c.removeAttribute('tabindex');
    }
    for (const b of root.querySelectorAll('.xp-views button')) b.disabled = true;
    // Focus on what no longer answers (or is gone) goes to the note, which a screen reader
    // then reads, rather than back to the page's start: once reading mode applies (the note
    // shows, the controls no longer take focus), if the reader has not moved on meanwhile.
    if (had && note && (!had.isConnected || !had.matches('a[href], summary, .xp-table-wrap'))) {
      link.addEventListener('load', () => {
        const now = root.activeElement;
        if (now === had || (!now && document.activeElement === document.body)) {
          note.tabIndex = -1;
          note.focus({ preventScroll: true });
        }
      }, { once: true });
    }
  }
}

// A pre-rendered host carries its stylesheet inline. A strict CSP without the build's hash
// (dist/csp-style-hash.txt) blocks it: link the same stylesheet instead.
function ensureStyle(host) {
  const root = shadowOf(host);
  const inline = root?.querySelector('style');
  if (inline && !inline.sheet && !root.querySelector('link[data-xp-css]')) {
    const link = sheet('{{CSS}}');
    link.setAttribute('data-xp-css', '');
    // After the <svg> the inline sheet is in, not inside it.
    (inline.closest('svg') || inline).after(link);
  }
}
const seen = 'IntersectionObserver' in window
  ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: '100% 0px' })
  : null;
const watched = new WeakSet();
function watch(host) {
  if (watched.has(host)) return;
  watched.add(host);
  if (!prerendered(host) || !seen) return load();
  seen.observe(host);
  for (const name of INPUTS) host.addEventListener(name, load, { capture: true, once: true, passive: true });
  // The control focus is on, by its mark. Focus coming in fetches the code; a drawing that
  // code replaces (an older build's, another language's) took the focused control with it,
  // and a keyboard or screen reader user was sent back to the page's start. Once drawn,
  // the same control takes focus again, unless an item tapped meanwhile opened its panel
  // (whose heading takes it).
  let mark = null;
  const follow = (e) => { mark = markOf(shadowOf(host), e.composedPath()[0]); };
  // Focus the reader took elsewhere (a click on the page's text) is not brought back; a
  // control removed with the old drawing is disconnected by the time this looks.
  const left = (e) => {
    const control = e.composedPath()[0];
    queueMicrotask(() => { if (control.isConnected) mark = null; });
  };
  host.addEventListener('focusin', follow, true);
  host.addEventListener('focusout', left, true);
  host.addEventListener('explainer:ready', () => {
    host.removeEventListener('focusin', follow, true);
    host.removeEventListener('focusout', left, true);
    const root = shadowOf(host);
    const lost = !document.activeElement || document.activeElement === document.body;
    if (root && mark != null && mark !== -1 && lost && !root.activeElement && !root.querySelector('.xp-panel')) {
      marked(root, mark)?.focus({ preventScroll: true });
    }
  }, { once: true });
  host.addEventListener('click', (e) => {
    if ((started && !redrawn(host)) || anothers(host)) return;
    // The explainer's own controls; a link or a native disclosure already did its part.
    const control = e.composedPath()[0]?.closest?.('[data-key], [role=tab], button');
    if (!control || control.closest('a, summary')) return;
    keep(host, control);
    // Answered later, and by the explainer alone: a link the page wraps it in stays put.
    e.preventDefault();
  }, { capture: true });
  // Enter or Space on one of the diagram's controls (no native button, so no click to
  // answer later): kept the same way, and Space does not scroll the page meanwhile.
  host.addEventListener('keydown', (e) => {
    if ((started && !redrawn(host)) || anothers(host) || (e.key !== 'Enter' && e.key !== ' ')) return;
    const control = e.composedPath()[0]?.closest?.('[data-key][role=button]');
    if (!control) return;
    e.preventDefault();
    keep(host, control);
  }, { capture: true });
}
// Whether the browser darkens pages of its own accord (Chromium's "darken websites" with a
// light system theme): it recolours a light palette piecemeal (the drawing's boxes left
// light in a dark page, its headings haloed in white) and leaves a dark one alone. The
// system colour `canvas` in a light scheme is white unless it darkens. Asked once, before
// any host is marked: the stylesheet then draws each dark, a pre-rendered one before its
// code comes, and the code copies the mark to a <div> it makes (embed/mod.rs).
const DARKENED = 'data-explainer-darkened';
const darkens = (() => {
  const probe = document.createElement('i');
  for (const [p, v] of [['display', 'none'], ['color-scheme', 'light'], ['background-color', 'canvas']]) probe.style.setProperty(p, v, 'important');
  document.documentElement.append(probe);
  const [r, g, b] = getComputedStyle(probe).backgroundColor.match(/\d+/g)?.map(Number) ?? [255, 255, 255];
  probe.remove();
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
})();
// Dark Reader, the extension, darkens a page by rewriting its stylesheets, open shadow roots'
// too, and takes an SVG's fill for text: the drawing's boxes came out light, under names as
// light (any palette). The explainer's stylesheets are marked as its own (class
// `darkreader`, which it leaves alone, as its maintainers advise), and where it darkens the
// page (its mark on <html>, set or taken away as the reader turns it on or off) the
// explainer draws its own dark palette, as in a darkening browser.
const darkened = () => darkens || document.documentElement.getAttribute('data-darkreader-scheme') === 'dark';
const markDark = (host) => { for (const el of [host, shadowOf(host)?.host]) el?.toggleAttribute(DARKENED, darkened()); };
new MutationObserver(() => {
  for (const host of document.querySelectorAll(HOSTS)) if (host.hasAttribute('data-explainer-loader') && !anothers(host)) markDark(host);
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-darkreader-scheme'] });

// A tap inside an explainer is the explainer's. In a page that wraps it in a link (a teaser
// card made one link), a tap on its text, a panel's, a drawing's between the controls, or
// one of its buttons (the browser follows a link around a button, as a button has no action
// of its own to take) followed that link: a reader reading a panel was taken off the page.
// Such a click is cancelled when an element around the host (a link, a label, a button)
// would act on it; the explainer's own links and disclosures, which act first, do theirs.
// The diagram's controls, which have no native action, cancel their click themselves.
const AROUND = 'a[href], area[href], button, label, summary';
const OWN = 'a[href], area[href], label, summary, input, select, textarea';
const stayPut = (e) => {
  const path = e.composedPath();
  const host = path.indexOf(e.currentTarget);
  const is = (sel) => (n) => n instanceof Element && n.matches(sel);
  if (!path.slice(0, host).some(is(OWN)) && path.slice(host).some(is(AROUND))) e.preventDefault();
};
// (Not the host's mark: a host's copy, `cloneNode`, has the mark and none of the listeners.)
const guarded = new WeakSet();

// A snippet a script put in with innerHTML (a framework's page change in the browser, a
// "load more") keeps its <template shadowrootmode> as an inert element: browsers parse
// declarative shadow roots only in the page's HTML (and setHTMLUnsafe). The host showed
// nothing until the code came and drew it afresh, taller. Its root is attached here, as the
// parser would have (the template taken out): the pre-rendered explainer shows in the
// frame it came in, and hydrates as any other.
function declare(host) {
  const template = host.shadowRoot ? null : host.querySelector(':scope > template[shadowrootmode=open]');
  if (!template) return;
  try {
    host.attachShadow({ mode: 'open' }).append(template.content);
    template.remove();
  } catch {
    // An element that takes no shadow root (a snippet turned <figure>): drawn by the code.
  }
}

function scan() {
  for (const host of document.querySelectorAll(HOSTS)) {
    declare(host);
    if (anothers(host)) continue;
    // The code is on its way: no reading mode for want of a loader (style/explainer.css).
    if (!host.hasAttribute('data-explainer-loader')) {
      host.setAttribute('data-explainer-loader', '');
      markDark(host);
      // A frame cannot grow on paper: printed, a framed explainer keeps the view it shows.
      if (parent !== window) host.style.setProperty('--xp-print-read', '0');
    }
    if (!guarded.has(host)) {
      guarded.add(host);
      host.addEventListener('click', stayPut, true);
    }
    ensureStyle(host);
    if (broken) unavailable(host);
    else if (!loading) watch(host);
  }
}

// Hosts added later (single-page apps, lazy blocks) count too.
if (/explainer/.test(location.hash)) load();
// So does a link followed later (`#explainer=…` in the article's text, Back): the explainer,
// screens away, opens the item once its code runs, and brings it into view.
addEventListener('hashchange', () => /explainer/.test(location.hash) && load());
scan();
new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
