//! The page's address, shared by its explainers: each writes the item it shows into the
//! URL fragment (`#explainer=openai`), and follows the links the page makes to its items
//! after load: a link in the article's text, Back and Forward (`hashchange`), and a link
//! to the address the page already has (its `click`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::components::after_paint_in_background;
use crate::host::{fragment_get, fragment_is_route, fragment_set, with_fragment};

/// What an explainer does when the address comes to link to one of its items: the item's
/// id, and whether the reader followed a link to the address the page already had.
type Follow = Rc<dyn Fn(String, bool)>;

thread_local! {
    /// Changes to the URL fragment not written yet: each instance's key and its item, the
    /// last change per instance (see [`queue`]).
    static FRAGMENT: RefCell<Vec<(String, Option<String>)>> = const { RefCell::new(Vec::new()) };
    /// Each explainer of the page: its host, its key in the fragment, and what it does
    /// when the address links to one of its items.
    static FOLLOWERS: RefCell<Vec<(Element, String, Follow)>> = const { RefCell::new(Vec::new()) };
    /// Whether the page's `hashchange` listener is there (one for every explainer).
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Notes this instance's part of the URL fragment, to be written after the paint at
/// background priority. The changes made meanwhile (a burst of taps, a tap and its close,
/// several instances) go in one write, or none if they cancel out: each `replaceState`
/// makes Chrome fetch and decode the page's favicon again, and an SVG favicon is a whole
/// SVG document on the main thread (15 to 37 ms at 4× CPU, measured; our pages' PNG, 5).
pub(super) fn queue(key: String, id: Option<String>) {
    let first = FRAGMENT.with(|f| {
        let mut f = f.borrow_mut();
        let first = f.is_empty();
        f.retain(|(k, _)| *k != key);
        f.push((key, id));
        first
    });
    if first {
        after_paint_in_background(write);
    }
}

/// Writes the noted parts of the URL fragment without adding a history entry.
fn write() {
    let changes = FRAGMENT.with(|f| std::mem::take(&mut *f.borrow_mut()));
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let hash = loc.hash().unwrap_or_default();
    let next = changes.iter().fold(hash.clone(), |h, (key, id)| {
        fragment_set(&h, key, id.as_deref())
    });
    if next == hash || fragment_is_route(&hash) {
        return;
    }
    let Ok(href) = loc.href() else { return };
    let url = with_fragment(&href, &next);
    if let Ok(h) = w.history() {
        // The entry keeps the page's own state: a client-side router keeps its bookkeeping
        // there (its key and index), and reloads or loses its place on Back without it.
        let state = h.state().unwrap_or(JsValue::NULL);
        let _ = h.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Calls `follow` with the item's id each time the page's address changes to link `key` to
/// one (a link the reader followed, Back, Forward), and each time the reader follows a link
/// to the address the page already has (with `true`), until `host` leaves the page. Writes
/// made by [`queue`] replace the address, which fires no `hashchange`: an explainer never
/// follows itself.
pub(super) fn follow(host: &Element, key: String, follow: impl Fn(String, bool) + 'static) {
    FOLLOWERS.with(|f| f.borrow_mut().push((host.clone(), key, Rc::new(follow))));
    if LISTENING.replace(true) {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let changed = Closure::<dyn Fn()>::new(|| follow_address(false));
    let _ = w.add_event_listener_with_callback("hashchange", changed.as_ref().unchecked_ref());
    let clicked = Closure::<dyn Fn(web_sys::MouseEvent)>::new(clicked);
    let _ = w.add_event_listener_with_callback("click", clicked.as_ref().unchecked_ref());
    // One listener of each for the page's whole life, however many explainers come and go.
    changed.forget();
    clicked.forget();
}

/// Forgets the explainers whose host has left the page.
pub(super) fn forget_removed() {
    FOLLOWERS.with(|f| f.borrow_mut().retain(|(host, ..)| host.is_connected()));
}

/// A click on a link to the very address the page has, which fires no `hashchange`: the
/// reader who followed the article's link to an item, then scrolled back to the text, and
/// follows it again to get back to it; or one who tapped another item a moment before, the
/// address not written yet. The link is followed again (`again`). Left to the browser: a
/// click the page handled itself (`preventDefault`, a router's), one that opens another tab
/// or window (a modifier, another button, a `target`), and a download.
fn clicked(e: web_sys::MouseEvent) {
    if e.default_prevented()
        || e.button() != 0
        || e.ctrl_key()
        || e.meta_key()
        || e.shift_key()
        || e.alt_key()
    {
        return;
    }
    // The link clicked: around the element clicked, in its own tree (a link in a component
    // of the page's, in its shadow root, too). One lookup: every tap on the page comes here.
    let link = e
        .composed_path()
        .get(0)
        .dyn_into::<Element>()
        .ok()
        .and_then(|el| el.closest("a[href], area[href]").ok().flatten());
    let Some(link) = link.filter(|l| {
        !l.has_attribute("download")
            && l.get_attribute("target")
                .is_none_or(|t| t.is_empty() || t == "_self")
    }) else {
        return;
    };
    // The resolved address (an SVG link's is not a string: left alone).
    let href = js_sys::Reflect::get(&link, &"href".into())
        .ok()
        .and_then(|h| h.as_string());
    let here = web_sys::window().and_then(|w| w.location().href().ok());
    if href.is_some() && href == here {
        follow_address(true);
    }
}

/// The address changed, or (`again`) a link to it was followed: each explainer it links to
/// an item of follows that link.
fn follow_address(again: bool) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if fragment_is_route(&hash) {
        return;
    }
    // Collected first: following may hydrate, which must not find the list borrowed.
    let due: Vec<(Follow, String)> = FOLLOWERS.with(|f| {
        f.borrow()
            .iter()
            .filter_map(|(_, key, follow)| Some((follow.clone(), fragment_get(&hash, key)?)))
            .collect()
    });
    for (follow, id) in due {
        follow(id, again);
    }
}
