//! Smooth scrolling, where the page asks for it (`scroll-behavior: smooth`, as many news
//! sites set): what the explainer measures after it brings an item into view must wait for
//! the scroll's end, or it measures the page mid-scroll.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::sheet::{computed, scroller};

/// Whether the reader asked for less motion (`prefers-reduced-motion: reduce`): the
/// explainer's own scrolls then jump, even on a page that scrolls smoothly.
pub fn less_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok()?)
        .is_some_and(|m| m.matches())
}

/// The options of a scroll the explainer makes: `block`, and no smooth scroll for a reader
/// who asked for less motion.
pub fn scroll_options(block: web_sys::ScrollLogicalPosition) -> web_sys::ScrollIntoViewOptions {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    if less_motion() {
        options.set_behavior(web_sys::ScrollBehavior::Instant);
    }
    options
}

/// Whether the page would scroll `el` into view (block `Nearest`) smoothly: out of its
/// scrollport (its scroll margins count), on a page with `scroll-behavior: smooth` on the
/// element that scrolls it, or on the page's root for the window (as many news sites set).
pub fn will_scroll_smoothly(el: &web_sys::Element) -> bool {
    let Some(w) = &web_sys::window() else {
        return false;
    };
    if less_motion() {
        return false;
    }
    let port = scroller(el, w);
    let behaviour = port
        .clone()
        .or_else(|| w.document()?.document_element())
        .and_then(|p| computed(w, &p, "scroll-behavior"));
    if behaviour.as_deref() != Some("smooth") {
        return false;
    }
    let (top, bottom) = match &port {
        Some(p) => {
            let b = p.get_bounding_client_rect();
            (b.top(), b.bottom())
        }
        None => (
            0.0,
            w.inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0),
        ),
    };
    // Whole px are enough (the margins are the stylesheet's, in whole px).
    let margin = |side: &str| {
        computed(w, el, side)
            .and_then(|v| v.split(['.', 'p']).next()?.parse::<u32>().ok())
            .map_or(0.0, f64::from)
    };
    let r = el.get_bounding_client_rect();
    r.top() - margin("scroll-margin-top") < top
        || r.bottom() + margin("scroll-margin-bottom") > bottom
}

/// After [`super::reveal`] began a smooth scroll: runs `f` once it has ended, where what `f`
/// measures (whether the sheet sticks) holds; measured mid-scroll, the sheet looked as if it
/// could not stick and was placed by its control. At the scroll's end (`scrollend`, listened
/// to in the capture phase: an element's does not bubble), or a second on where the browser
/// has no such event. Called in the task that began the scroll, which has not moved yet.
pub fn after_scroll(f: Box<dyn FnOnce()>) {
    use std::{cell::Cell, rc::Rc};
    let Some(w) = web_sys::window() else {
        return f();
    };
    let f = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = f.take() {
            f();
        }
    };
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_once(true);
    let end = Closure::once_into_js(run.clone());
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        "scrollend",
        end.unchecked_ref(),
        &options,
    );
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
        Closure::once_into_js(run).unchecked_ref(),
        1000,
    );
}
