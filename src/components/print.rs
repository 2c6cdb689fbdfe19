//! Printing: the whole story on paper, not only the view on the screen.
//!
//! A live explainer builds only the view shown, and disclosures only once opened. On paper,
//! where nothing opens, the reader should get what a reader without script gets: every
//! view and every list. The browser tells the page before it lays it out for print
//! (`beforeprint`) and runs the microtasks queued in that event first; no frame comes in
//! between. Yew renders in one of them. Past 16 ms of work it leaves the rest for a later
//! task, too late for print:
//! - effects: what the renders owe (a diagram built for print, see [`Owed`]) is paid in the
//!   microtask after Yew's;
//! - another explainer's render, queued once Yew has yielded: so one listener tells every
//!   explainer of the page at once, and Yew renders them all before it may yield (it yields
//!   only with no render pending).

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use super::Owed;

/// One explainer told of printing: its id, what it does, and what its renders owe.
type Watcher = (u32, Callback<bool>, Owed);

/// The window's listeners, as (event, closure).
type Listeners = [(&'static str, Closure<dyn Fn()>); 2];

thread_local! {
    /// Every mounted explainer of the page, and the next id.
    static WATCHERS: RefCell<(Vec<Watcher>, u32)> = const { RefCell::new((Vec::new(), 0)) };
    /// The window's one pair of listeners, while any explainer watches.
    static LISTENERS: RefCell<Option<Listeners>> = const { RefCell::new(None) };
}

/// Calls `on(true)` before the page is printed and `on(false)` after it; returns what stops
/// listening. Browser only: call it from an effect.
///
/// Not in a frame: a frame cannot grow on paper, and the whole story would be cut at the
/// height of the view it shows. There the explainer prints that view, whole (the loader
/// sets the stylesheet's `--xp-print-read` to 0 on a framed host).
pub fn watch_print(on: Callback<bool>, owed: Owed) -> impl FnOnce() {
    let window = web_sys::window().filter(|_| !super::anchor::framed());
    let id = window.as_ref().map(|w| {
        let (id, first) = WATCHERS.with(|w| {
            let (all, next) = &mut *w.borrow_mut();
            let id = *next;
            *next = id.wrapping_add(1);
            all.push((id, on, owed));
            (id, all.len() == 1)
        });
        if first {
            let listen = |name: &'static str, printing: bool| {
                let cb = Closure::<dyn Fn()>::new(move || tell(printing));
                let _ = w.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
                (name, cb)
            };
            let listeners = [listen("beforeprint", true), listen("afterprint", false)];
            LISTENERS.with(|l| *l.borrow_mut() = Some(listeners));
        }
        id
    });
    move || {
        let (Some(w), Some(id)) = (window, id) else {
            return;
        };
        let last = WATCHERS.with(|w| {
            let all = &mut w.borrow_mut().0;
            all.retain(|(i, ..)| *i != id);
            all.is_empty()
        });
        if last {
            for (name, cb) in LISTENERS
                .with(|l| l.borrow_mut().take())
                .into_iter()
                .flatten()
            {
                let _ = w.remove_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
            }
        }
    }
}

/// Tells every explainer at once, so that their renders are all queued before Yew's
/// scheduler runs; then pays what they owe, in the microtask queued after Yew's.
fn tell(printing: bool) {
    // A copy: an explainer's callback must not find the list borrowed.
    let all = WATCHERS.with(|w| w.borrow().0.clone());
    for (_, on, _) in &all {
        on.emit(printing);
    }
    if printing {
        yew::platform::spawn_local(async move {
            for (_, _, owed) in all {
                owed.pay_now();
            }
        });
    }
}
