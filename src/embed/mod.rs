//! Host-page integration (browser only). `start` mounts an independent explainer, each in
//! its own shadow root, into every `[data-explainer]` element, including ones added later.
//! A pre-rendered snippet (declarative shadow root) is hydrated; an empty host is rendered.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

mod address;
mod events;
mod input;
mod lazy;
mod live;
mod older;
mod text;

pub use text::text_of;

use input::when_needed;
use lazy::{drop_lazy, keep_visible_fit, prepare_at_idle};

use crate::components::{App, AppProps, Loaded};
use crate::host::{fragment_get, fragment_key, link_to, resolve_theme};
use crate::state::{bucket, diagram_width, ROOT_PADDING};
use crate::story::EMBEDDED_JSON;
use older::{Choice, Older};

/// Marks a host that has been taken in charge.
const MOUNTED: &str = "data-explainer-mounted";
/// Marks a host whose explainer answers taps (or shows its error view).
const READY: &str = "data-explainer-ready";
/// Marks the `<div>` made inside a host that cannot hold a shadow root, or holds one of its
/// own (see [`shadow_of`]).
const INNER: &str = "data-explainer-shadow";
/// The host's theme, read by the stylesheet.
const THEME: &str = "data-theme";
/// The host's theme as the `<div>` made for its explainer carries it (see [`mirror_theme`]).
const THEME_COPY: &str = "data-explainer-theme";
/// The loader's mark of a browser that darkens pages of its own accord (embed.js), read by
/// the stylesheet on the shadow host.
const DARKENED: &str = "data-explainer-darkened";

/// The shadow root `host`'s explainer lives in: its own, or that of the `<div>` made for it
/// where the host cannot hold one (a `<figure>` or `<li>`, as CMSs wrap embeds) or holds
/// one of its own (a custom element's): inside the host, or inside that root when it has no
/// slot to show the host's children. The host keeps its attributes, id and events, and a
/// custom element its own content.
fn shadow_of(host: &Element) -> Option<ShadowRoot> {
    let own = host.shadow_root();
    if let Some(s) = own.as_ref().filter(|s| ours(s)) {
        return Some(s.clone());
    }
    inner_of(host, own.as_ref())?.shadow_root()
}

/// Whether `shadow` is one the explainer drew in (pre-rendered, or attached by the code and
/// perhaps emptied since, the host having left the page), not a root a custom element made
/// for its own content.
fn ours(shadow: &ShadowRoot) -> bool {
    ATTACHED.with(|a| a.has(shadow)) || shadow.query_selector(".xp-mount").ok().flatten().is_some()
}

/// The `<div>` made for the explainer in `host`, or in `own`, the host's own shadow root.
fn inner_of(host: &Element, own: Option<&ShadowRoot>) -> Option<Element> {
    if let Ok(Some(inner)) = host.query_selector(&format!(":scope > [{INNER}]")) {
        return Some(inner);
    }
    // `:scope` matches nothing in a shadow root: its children are read one by one.
    let children = own?.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|c| c.has_attribute(INNER))
}

/// Attaches the explainer's shadow root to `host`, or to a `<div>` made inside it when the
/// browser refuses (`attachShadow` takes only some elements, and none that has a root):
/// the host's own text (the snippet's fallback) is then hidden, as a shadow root on the
/// host would hide it. Where the host's own (open) root has no slot, the `<div>` could not
/// show among the host's children: it goes at the end of that root instead.
fn attach(doc: &web_sys::Document, host: &Element) -> Option<ShadowRoot> {
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    if let Ok(shadow) = host.attach_shadow(&init) {
        ATTACHED.with(|a| a.add(&shadow));
        return Some(shadow);
    }
    // One copied with the host (`cloneNode` copies no shadow root) is used again.
    let own = host.shadow_root();
    let inner = match inner_of(host, own.as_ref()) {
        Some(inner) => inner,
        None => {
            let inner = doc.create_element("div").ok()?;
            inner.set_attribute(INNER, "").ok()?;
            host.prepend_with_node_1(&inner).ok()?;
            inner
        }
    };
    mirror_theme(host, &inner);
    if let Ok(Some(fallback)) = host.query_selector(":scope > .explainer-fallback") {
        let _ = fallback.set_attribute("hidden", "");
    }
    let slotted = js_sys::Reflect::get(&inner, &"assignedSlot".into())
        .is_ok_and(|s| !s.is_null() && !s.is_undefined());
    if let Some(own) = own.filter(|_| !slotted && inner.parent_node().is_some_and(|p| p == **host))
    {
        own.append_with_node_1(&inner).ok()?;
    } else if host.get_client_rects().length() > 0 && inner.get_client_rects().length() == 0 {
        // Shown, the host shows nothing of its children: a closed shadow root of its own
        // without a slot (which cannot be read, nor written in). The page's developer is
        // told why the explainer is blank, and what to do.
        warn(&format!(
            "explainer: <{}> has a shadow root of its own that shows none of its children, \
             so the explainer cannot show there; put the data-explainer element inside it",
            host.local_name()
        ));
    }
    inner
        .shadow_root()
        .or_else(|| inner.attach_shadow(&init).ok())
}

/// The host's theme (`data-theme`, which the stylesheet reads with `:host(…)`) on the
/// `<div>` made for its explainer ([`INNER`]): that div is the shadow host there, and the
/// attribute on the `<figure>` around it went unseen (a dark page's figure showed a light
/// explainer). Under another name: the div is in the page's own tree, where the page's
/// `[data-theme]` rules would style it as they style the host. The loader's mark of a
/// darkening browser ([`DARKENED`]) goes with it.
fn mirror_theme(host: &Element, inner: &Element) {
    let _ = match host.get_attribute(THEME) {
        Some(theme) => inner.set_attribute(THEME_COPY, &theme),
        None => inner.remove_attribute(THEME_COPY),
    };
    if host.has_attribute(DARKENED) {
        let _ = inner.set_attribute(DARKENED, "");
    }
}

/// After the page set `data-theme` on `el`: if it is a host with a `<div>` made for its
/// explainer, that div follows (see [`mirror_theme`]).
fn follow_theme(el: &Element) {
    if let Some(inner) = inner_of(el, el.shadow_root().as_ref()) {
        mirror_theme(el, &inner);
    }
}

thread_local! {
    /// The shadow roots the code attached to hosts (held weakly: a host gone is freed).
    static ATTACHED: js_sys::WeakSet = js_sys::WeakSet::new();
    static CSS: RefCell<String> = const { RefCell::new(String::new()) };
    /// This build's name (see `prerender::Assets::build`), given by the loader.
    static BUILD: RefCell<String> = const { RefCell::new(String::new()) };
    static COUNT: RefCell<usize> = const { RefCell::new(0) };
    /// The embedded story, read once for every instance that shows it.
    static EMBEDDED: std::cell::OnceCell<Loaded> = const { std::cell::OnceCell::new() };
}

fn warn(msg: &str) {
    web_sys::console::warn_1(&JsValue::from_str(msg));
}

/// Mounts every explainer on the page, then watches for hosts added later. Called by the
/// loader (`embed.js`) with the address of the widget's stylesheet, resolved against the
/// loader's own URL, and the build's name, which its pre-rendered hosts carry.
#[wasm_bindgen]
pub fn start(css_url: String, build: String) {
    CSS.with(|c| *c.borrow_mut() = css_url);
    events::on_panic(build.clone());
    BUILD.with(|b| *b.borrow_mut() = build);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    scan(&doc);
    let observer_doc = doc.clone();
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
        live::unmount_removed();
        let set = attributes_set(&records);
        for (el, _) in set.iter().filter(|(_, name)| name == THEME) {
            follow_theme(el);
        }
        live::follow_attributes(&set);
        scan(&observer_doc);
    });
    if let Ok(observer) = web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()) {
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        // What an explainer follows of its host's attributes, and the page's language.
        init.set_attribute_filter(&js_sys::Array::of4(
            &"data-lang".into(),
            &"data-view".into(),
            &THEME.into(),
            &"lang".into(),
        ));
        if let Some(root) = doc.document_element() {
            let _ = observer.observe_with_options(&root, &init);
        }
    }
    // The observer lives as long as the page.
    cb.forget();
}

/// The `data-` attributes the page set (changed or not), and on which element, in the
/// observer's `records`.
fn attributes_set(records: &js_sys::Array) -> Vec<(Element, String)> {
    records
        .iter()
        .filter_map(|r| {
            let r = r.unchecked_into::<web_sys::MutationRecord>();
            let name = r.attribute_name().filter(|n| n.starts_with("data-"))?;
            Some((r.target()?.dyn_into::<Element>().ok()?, name))
        })
        .collect()
}

fn scan(doc: &web_sys::Document) {
    let Ok(hosts) = doc.query_selector_all("[data-explainer]") else {
        return;
    };
    for i in 0..hosts.length() {
        if let Some(host) = hosts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            // Taken in charge: marked, with the shadow root the explainer lives in. A copy of
            // a host taken (`cloneNode`: a CMS's "load more", a page-transition library's
            // snapshot put back) has the marks but no shadow root: it is taken afresh.
            if host.has_attribute(MOUNTED) {
                if shadow_of(&host).is_some() {
                    continue;
                }
                let _ = host.remove_attribute(MOUNTED);
                let _ = host.remove_attribute(READY);
            }
            // Asked only of a host about to be taken: scans run at every change to the page.
            if anothers(&host) {
                continue;
            }
            let index = COUNT.with(|c| {
                let mut c = c.borrow_mut();
                *c += 1;
                *c - 1
            });
            mount(doc, host, index);
        }
    }
}

/// The pre-rendered mount point in `host`'s shadow root, if any.
fn prerendered_mount(host: &Element) -> Option<Element> {
    shadow_of(host)?.query_selector(".xp-mount").ok().flatten()
}

/// Whether `host` was pre-rendered by another build of the explainer whose loader is on
/// this page (a second story's): that build's code takes it. A build no loader names (an
/// older snippet, pasted before an editor's fix) is left to this one, which draws it
/// afresh (see [`drawn_in`]).
fn anothers(host: &Element) -> bool {
    let Some(build) = prerendered_mount(host).and_then(|m| m.get_attribute("data-build")) else {
        return false;
    };
    if BUILD.with(|b| *b.borrow() == build) {
        return false;
    }
    let builds = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &js_sys::Symbol::for_("explainer.builds")).ok());
    builds
        .and_then(|b| b.dyn_into::<js_sys::Set>().ok())
        .is_some_and(|set| set.has(&JsValue::from_str(&build)))
}

/// Whether `host` holds an explainer pre-rendered by this build in `lang` and `view`, as
/// its mount point says: hydration must find the very markup it would render. An older
/// build's figures, names or drawing would stay on screen under this build's state, and a
/// tap on a player would open another's panel.
fn drawn_in(host: &Element, lang: crate::i18n::Lang, view: crate::state::View) -> bool {
    prerendered_mount(host).is_some_and(|m| {
        m.get_attribute("data-lang").as_deref() == Some(lang.code())
            && m.get_attribute("data-view").as_deref() == Some(view.code())
            && BUILD.with(|b| m.get_attribute("data-build").as_deref() == Some(b.borrow().as_str()))
    })
}

/// The width a fresh drawing is laid out for in `host`: its column's, by the widths drawn.
fn column_width(host: &Element) -> u32 {
    bucket(diagram_width(
        (host.client_width().max(0) as u32).saturating_sub(2 * ROOT_PADDING),
    ))
}

/// Whether a page translator rewrote the pre-rendered drawing `root` before it hydrated
/// (Chrome's, and the extensions that work as it does): the text it translated is wrapped
/// in `<font>` elements, where hydration expects the text it rendered, and would stop the
/// code. Such a drawing is drawn afresh (and translated again).
fn translated(root: &Element) -> bool {
    root.query_selector("font").ok().flatten().is_some()
}

/// The shadow root's mount point: pre-rendered (to hydrate) or freshly made, with what
/// the root showed before a fresh one (a drawing another build or language pre-rendered),
/// which stays until the fresh render replaces it (see [`Older`]).
fn mount_point(
    doc: &web_sys::Document,
    host: &Element,
    fresh: bool,
) -> Option<(Element, bool, Older)> {
    let shadow: ShadowRoot = match shadow_of(host) {
        Some(s) => s,
        None => attach(doc, host)?,
    };
    let drawn = shadow
        .query_selector(".xp-mount")
        .ok()
        .flatten()
        .filter(|m| m.child_element_count() > 0);
    if let Some(m) = drawn.as_ref().filter(|_| !fresh) {
        return Some((m.clone(), true, Older::default()));
    }
    // A drawing pre-rendered for another build or state stays until the fresh one is
    // styled: emptied at once, the host dropped to no height for a frame or more, then
    // grew back, moving the page below it. Anything else (an emptied root) goes now.
    let older = if drawn.is_some() {
        Older::keep(&shadow)
    } else {
        shadow.set_text_content(None);
        Older::default()
    };
    let link = doc.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    // Fetched with CORS, as the code and the WASM are: a cross-origin isolated page (COEP
    // require-corp) refuses another origin's stylesheet fetched without it, and the
    // explainer was drawn unstyled after waiting for it.
    link.set_attribute("crossorigin", "anonymous").ok()?;
    // Left alone by Dark Reader, which would recolour it piecemeal (the loader's `markDark`).
    link.set_attribute("class", "darkreader").ok()?;
    link.set_attribute("href", &CSS.with(|c| c.borrow().clone()))
        .ok()?;
    shadow.append_child(&link).ok()?;
    let m = doc.create_element("div").ok()?;
    m.set_attribute("class", "xp-mount").ok()?;
    shadow.append_child(&m).ok()?;
    Some((m, false, older))
}

/// Runs `go` (a fresh render into `root`) once the shadow root's stylesheet applies. Drawn
/// before, the explainer was laid out unstyled, measured so by its effects, then laid out
/// again styled: 20 ms of a 200-entity story's 100 at full speed, and a frame could show it
/// unstyled. If the sheet fails, or is still loading after [`STYLE_WAIT_MS`], it is drawn
/// anyway: unstyled is better than blank.
fn when_styled(root: &Element, go: Box<dyn FnOnce()>) {
    // The link made with `root`, just before it (an older drawing kept meanwhile may hold
    // links of its own).
    let link = root
        .previous_element_sibling()
        .filter(|l| l.matches("link[rel=stylesheet]").unwrap_or(false));
    let loaded = |l: &Element| {
        js_sys::Reflect::get(l, &"sheet".into()).is_ok_and(|s| !s.is_null() && !s.is_undefined())
    };
    let (Some(link), Some(w)) = (link.filter(|l| !loaded(l)), web_sys::window()) else {
        return go();
    };
    // A promise settled by the first of load, error and the timer (its resolve may be
    // called again, harmlessly); `go` runs once, when it settles, and is freed then.
    let ready = js_sys::Promise::new(&mut |resolve, _| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &resolve);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, STYLE_WAIT_MS);
    });
    match js_sys::Reflect::get(&ready, &"then".into()).map(JsCast::dyn_into::<js_sys::Function>) {
        Ok(Ok(then)) => {
            let _ = then.call1(&ready, &Closure::once_into_js(go));
        }
        _ => go(),
    }
}

/// How long a fresh explainer waits for its stylesheet before it is drawn unstyled, in ms.
const STYLE_WAIT_MS: i32 = 3000;

fn mount(doc: &web_sys::Document, host: Element, index: usize) {
    let _ = host.set_attribute(MOUNTED, "");
    // Followed later too (see `live::follow_attributes`).
    let attrs = live::Attrs::of(&host);
    let (lang, view, warnings) = attrs.resolve();
    let theme = resolve_theme(host.get_attribute("data-theme").as_deref());
    for w in warnings.iter().chain(&theme.warning) {
        warn(w);
    }
    // A story given in the page replaces the embedded one for this instance only.
    let custom = host
        .query_selector(":scope > script[type=\"application/json\"]")
        .ok()
        .flatten()
        .and_then(|s| text::text_of(&s));
    let key = fragment_key(index, host.get_attribute("id").as_deref());
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    // What the address links this explainer to: at load, and later (see `address::follow`)
    // until it is rendered or hydrated.
    let linked = Rc::new(RefCell::new(fragment_get(&hash, &key)));

    // Hydrate only what was rendered for this very state; anything else renders afresh.
    let same = drawn_in(&host, lang, view);
    let Some((root, hydrate, older)) = mount_point(doc, &host, custom.is_some() || !same) else {
        return;
    };
    // A control tapped before the code came: a hydrated drawing answers the loader's
    // second click on it; one drawn afresh opens it itself (see `Older`). Until then, the
    // loader notes taps on the older drawing (an empty note: none yet), and the render
    // reads the last.
    if older.kept() {
        if !host.has_attribute(older::TAPPED) {
            let _ = host.set_attribute(older::TAPPED, "");
        }
    } else {
        let _ = host.remove_attribute(older::TAPPED);
    }
    let tapped_host = host.clone();
    let width = if hydrate {
        root.get_attribute("data-width")
            .and_then(|w| w.parse().ok())
            .unwrap_or(360)
    } else {
        column_width(&host)
    };
    let scroll_to = linked.borrow().is_some();

    let on_host = events::on_host(host.clone(), key.clone());
    let ready_host = host.clone();
    // What hydration needs that the reader does not see is done while the page is idle
    // (below), then hydration itself once the reader nears the explainer; whichever comes
    // first, idle time or the reader's input, does each.
    let story_once: Rc<std::cell::OnceCell<Loaded>> = Rc::default();
    let load = {
        let story_once = story_once.clone();
        move || {
            story_once
                .get_or_init(|| match custom.as_deref() {
                    Some(json) => Loaded::from_json(json),
                    None => EMBEDDED
                        .with(|e| e.get_or_init(|| Loaded::from_json(EMBEDDED_JSON)).clone()),
                })
                .clone()
        }
    };
    let (idle_root, idle_load, go_linked) = (root.clone(), load.clone(), linked.clone());
    let width_host = host.clone();
    // What the reader chose in an older drawing before the code came (see `Older`).
    let (chosen_view, chosen_item) = (Rc::new(std::cell::Cell::new(view)), linked.clone());
    let go_view = chosen_view.clone();
    let go = move || {
        // Parsed here or at idle, not at mount: a widget below the fold costs the page's
        // load nothing.
        let story = load();
        let linked = match (&*story.0, go_linked.borrow().as_deref()) {
            (Ok(s), Some(id)) => link_to(s, id, 0),
            _ => None,
        };
        // An error view has no explainer to announce itself: it is as ready as it will get.
        let failed = story.0.is_err();
        // A drawing a translator rewrote meanwhile is drawn afresh, at its column's width.
        let rewritten = hydrate && translated(&root);
        let hydrate = hydrate && !rewritten;
        let width = if rewritten {
            root.set_inner_html("");
            column_width(&width_host)
        } else {
            width
        };
        let mut props = AppProps {
            story,
            lang,
            view: go_view.get(),
            width,
            instance: "xp".into(),
            linked: linked.unwrap_or_default(),
            asked: Default::default(),
            on_host,
            complete: false,
            progressive: !hydrate,
            fit_until: 0,
            owed: Default::default(),
        };
        if hydrate {
            // Hydrate only the pre-rendered diagram CSS shows, at its width, and keep it while
            // it is the drawing that fits and the reader sees it (see `State::fit_until`).
            if let Some((w, until)) = keep_visible_fit(&root, true) {
                props.width = w;
                props.fit_until = until;
            }
            drop_lazy(&root, true);
        }
        if failed {
            let _ = ready_host.set_attribute(READY, "");
        }
        let renderer = yew::Renderer::<App>::with_root_and_props(root, props.clone());
        let app = if hydrate {
            renderer.hydrate()
        } else {
            let app = renderer.render();
            // Drawn afresh, the diagram's players come from its render's effect, which Yew
            // may run after a frame: they are drawn before it (see `Owed`).
            props.owed.pay_before_next_frame();
            app
        };
        live::running(live::Live {
            host: ready_host,
            app,
            props,
            attrs,
        });
    };
    let mut pending = None;
    if hydrate && !scroll_to {
        let (waiting, listeners) = when_needed(&host, go);
        prepare_at_idle(&idle_root, idle_load, waiting.clone());
        live::waiting(&host, waiting.clone(), listeners);
        pending = Some(waiting);
    } else if hydrate {
        go();
    } else {
        // The story is read while the stylesheet loads.
        idle_load();
        when_styled(
            &idle_root,
            Box::new(move || {
                let tapped = tapped_host.get_attribute(older::TAPPED);
                let _ = tapped_host.remove_attribute(older::TAPPED);
                match older.replace(tapped.as_deref()) {
                    Some(Choice::Item(id)) => *chosen_item.borrow_mut() = Some(id),
                    Some(Choice::View(v)) => chosen_view.set(v),
                    None => {}
                }
                go()
            }),
        );
    }
    if scroll_to {
        let start = web_sys::ScrollLogicalPosition::Start;
        host.scroll_into_view_with_scroll_into_view_options(&crate::components::scroll_options(
            start,
        ));
    }
    let follower = host.clone();
    address::follow(&host, key, move |id, again| {
        live::follow_link(&follower, &linked, &pending, id, again)
    });
}
