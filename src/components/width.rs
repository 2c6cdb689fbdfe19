//! The explainer follows its own column's width (not the window's: it sits in a page
//! column), laid out again for each new width.
//!
//! Watched through the ruler, an empty line across the explainer (`.xp-ruler`, first in its
//! root), whose size only the explainer's width changes. An observer watching a box its own
//! work resizes (the views, the root, laid out again for a new width) leaves it over in that
//! frame, and the browser reports "ResizeObserver loop completed with undelivered
//! notifications" as an error to the page's error handlers (a newsroom's error tracker), at
//! every turn of a phone. For the same reason nothing is laid out in the observer's callback:
//! a new layout there changes boxes that other observers watch (a page's own, on its body;
//! the frame's document, in `frame.js`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::state::Selection;

/// At mount: `measure` runs at each resize of the window (a turned phone, before its first
/// frame is laid out: no frame shows the old layout scaled), and in the next frame after any
/// other change of the `ruler`'s width. Then a panel placed by its control (of `showing`, the
/// selection shown) follows it there: the text reflows at any width, within a layout's width
/// bucket too, and the panel stayed where its control had been, past the explainer's end.
/// Not when `measure` tells that a new layout comes: its render places the panel, by the new
/// layout's control. Each width is handled once: the observer then skips the ruler's change
/// that a window's resize already handled. Returns what stops it.
pub fn watch_width(
    root: &web_sys::Element,
    ruler: &web_sys::Element,
    measure: Rc<dyn Fn() -> bool>,
    showing: Rc<RefCell<Option<Selection>>>,
) -> impl FnOnce() {
    let (root, line) = (root.clone(), ruler.clone());
    let last = Rc::new(Cell::new(ruler.client_width()));
    // Behind `dyn`: one copy of its code for both callers.
    let handle: Rc<dyn Fn()> = {
        let (line, last) = (line.clone(), last.clone());
        Rc::new(move || {
            last.set(line.client_width());
            if measure() {
                return;
            }
            if let Some(sel) = showing.borrow().clone() {
                super::follow(&root, &sel, false);
            }
        })
    };
    let later = {
        let handle = handle.clone();
        Closure::<dyn Fn()>::new(move || {
            let w = line.client_width();
            if w == last.replace(w) {
                return;
            }
            let handle = handle.clone();
            super::next_frame(Box::new(move || handle()));
        })
    };
    let observer = web_sys::ResizeObserver::new(later.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        o.observe(ruler);
    }
    let now = Closure::<dyn Fn()>::new(move || handle());
    let window = web_sys::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("resize", now.as_ref().unchecked_ref());
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        if let Some(w) = window {
            let _ = w.remove_event_listener_with_callback("resize", now.as_ref().unchecked_ref());
        }
        drop(later);
    }
}
