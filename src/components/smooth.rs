//! Smooth scrolling, where the page asks for it (`scroll-behavior: smooth`, as many news
//! sites set): what the explainer measures after it brings an item into view must wait for
//! the scroll's end, or it measures the page mid-scroll.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::sheet::{computed, scroller};

/// Whether the reader asked for less motion (`prefers-reduced-motion: reduce`): the
/// explainer's own scrolls then jump, even on a page that scrolls smoothly.
pub fn less_motion() -> bool {
    super::media_matches("(prefers-reduced-motion: reduce)")
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

/// Whether the page scrolls `el` into view smoothly: `scroll-behavior: smooth` on the element
/// that scrolls it, or on the page's root for the window (as many news sites set), and a
/// reader who did not ask for less motion. Whether it scrolls at all is seen afterwards
/// ([`after_scroll`]): foretold, it raced the jumps a change of view makes.
pub fn scrolls_smoothly(el: &web_sys::Element) -> bool {
    let Some(w) = &web_sys::window() else {
        return false;
    };
    if less_motion() {
        return false;
    }
    let behaviour = scroller(el, w)
        .or_else(|| w.document()?.document_element())
        .and_then(|p| computed(w, &p, "scroll-behavior"));
    behaviour.as_deref() == Some("smooth")
}

/// After [`super::reveal`] asked for a scroll that may be smooth: runs `f` once `control` has
/// stopped moving, where what `f` measures (whether the sheet sticks) holds; measured
/// mid-scroll, the sheet looked as if it could not stick and was placed by its control.
/// Unmoved for a few frames (`STILL_FRAMES`; a smooth scroll starts within one or two), there is
/// no scroll; moving, at the scroll's end (`scrollend`, listened to in the capture phase: an
/// element's does not bubble) if it then stays still for a frame (a `scrollend` may be that
/// of the jump a change of view makes), or a second on where the browser has no such event.
/// Called in the task that asked for the scroll.
pub fn after_scroll(control: web_sys::Element, f: Box<dyn FnOnce()>) {
    use std::{cell::Cell, rc::Rc};
    let Some(w) = web_sys::window() else {
        return f();
    };
    let f = Rc::new(Cell::new(Some(f)));
    let run: Rc<dyn Fn()> = Rc::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    let late = run.clone();
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
        Closure::once_into_js(move || late()).unchecked_ref(),
        1000,
    );
    let at = control.get_bounding_client_rect().top();
    watch(control, run, at, STILL_FRAMES);
}

/// How many frames a control must stay still after a scroll was asked for to be deemed not
/// scrolled.
const STILL_FRAMES: u32 = 4;

/// Runs `done` once `control`, at `at` now, has stayed there `frames` frames; if it moves,
/// awaits the scroll's end instead.
fn watch(control: web_sys::Element, done: std::rc::Rc<dyn Fn()>, at: f64, frames: u32) {
    let Some(w) = web_sys::window() else {
        return done();
    };
    let next = Closure::once_into_js(move || {
        let now = control.get_bounding_client_rect().top();
        if now != at {
            at_scroll_end(control, done);
        } else if frames <= 1 {
            done();
        } else {
            watch(control, done, now, frames - 1);
        }
    });
    let _ = w.request_animation_frame(next.unchecked_ref());
}

/// Awaits the next `scrollend`, then `control` still for a frame.
fn at_scroll_end(control: web_sys::Element, done: std::rc::Rc<dyn Fn()>) {
    let Some(w) = web_sys::window() else {
        return done();
    };
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_once(true);
    let end = Closure::once_into_js(move || {
        let at = control.get_bounding_client_rect().top();
        watch(control, done, at, 1);
    });
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        "scrollend",
        end.unchecked_ref(),
        &options,
    );
}

/// What the reader sees of the page (the visual viewport: a pinch-zoomed reader sees only
/// part of the page's viewport). None in a frame, which cannot see where the page around it
/// shows it, nor that the reader zoomed that page, and where the browser has none to ask.
pub(super) fn seen_view() -> Option<web_sys::VisualViewport> {
    web_sys::window()
        .and_then(|w| w.visual_viewport())
        .filter(|_| !super::anchor::framed())
}

/// Brings `heading` (the open panel's) into what the reader sees, if it is not there: a
/// panel placed by its control (in a frame, in a clipping wrapper) opens below it even when
/// the control is at the bottom of the screen, and a reader who pinch-zoomed sees only part
/// of the page's viewport, while a sheet sticks to that viewport's bottom and a side panel
/// stands beside the diagram. Only as far as needed (`nearest`): a tap whose panel shows
/// moves nothing. A heading wider than what shows counts as shown if part of it is, and one
/// taller if its top is.
pub fn into_sight(heading: &web_sys::Element) {
    let options = scroll_options(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    // Where there is no view to ask, the browser, which scrolls the page's view for a
    // frame's `nearest`, can.
    let Some(v) = seen_view() else {
        return heading.scroll_into_view_with_scroll_into_view_options(&options);
    };
    let r = heading.get_bounding_client_rect();
    let (top, left) = (v.offset_top(), v.offset_left());
    // A title taller than what shows (a long one, zoomed in) shows from its first line:
    // `nearest` would line its last one up with the bottom, its top above.
    let tall = r.height() > v.height();
    let shown = r.top() >= top - 0.5
        && (tall || r.bottom() <= top + v.height() + 0.5)
        && r.top() < top + v.height()
        && r.right() > left
        && r.left() < left + v.width();
    if !shown {
        if tall {
            options.set_block(web_sys::ScrollLogicalPosition::Start);
        }
        heading.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
