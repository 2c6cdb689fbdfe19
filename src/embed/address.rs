//! The page's address, shared by its explainers: each writes the item it shows into the
//! URL fragment (`#explainer=openai`), and follows the links the page makes to its items
//! after load: a link in the article's text, Back and Forward (`hashchange`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::components::after_paint_in_background;
use crate::host::{fragment_get, fragment_is_route, fragment_set};

/// What an explainer does when the address comes to link to one of its items (the item's id).
type Follow = Rc<dyn Fn(String)>;

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
    let url = if next.is_empty() {
        format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        )
    } else {
        next
    };
    if let Ok(h) = w.history() {
        // The entry keeps the page's own state: a client-side router keeps its bookkeeping
        // there (its key and index), and reloads or loses its place on Back without it.
        let state = h.state().unwrap_or(JsValue::NULL);
        let _ = h.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Calls `follow` with the item's id each time the page's address changes to link `key` to
/// one (a link the reader followed, Back, Forward), until `host` leaves the page. Writes made
/// by [`queue`] replace the address, which fires no `hashchange`: an explainer never follows
/// itself.
pub(super) fn follow(host: &Element, key: String, follow: impl Fn(String) + 'static) {
    FOLLOWERS.with(|f| f.borrow_mut().push((host.clone(), key, Rc::new(follow))));
    if LISTENING.replace(true) {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn Fn()>::new(changed);
    let _ = w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
    // One listener for the page's whole life, however many explainers come and go.
    cb.forget();
}

/// Forgets the explainers whose host has left the page.
pub(super) fn forget_removed() {
    FOLLOWERS.with(|f| f.borrow_mut().retain(|(host, ..)| host.is_connected()));
}

/// The address changed: each explainer it now links to an item of follows that link.
fn changed() {
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
        follow(id);
    }
}
