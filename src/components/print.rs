//! Printing: the whole story on paper, not only the view on the screen.
//!
//! A live explainer builds only the view shown, and disclosures only once opened. On paper,
//! where nothing opens, the reader should get what a reader without script gets: every
//! view and every list. The browser tells the page before it lays it out for print
//! (`beforeprint`) and runs the microtasks queued in that event first; no frame comes in
//! between. Yew renders in one of them. Past 16 ms of work it leaves the effects for a
//! later task, too late for print: so what the renders owe (a diagram built for print, see
//! [`Owed`]) is paid in the microtask after Yew's.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use super::Owed;

/// Calls `on(true)` before the page is printed and `on(false)` after it; returns what stops
/// listening. Browser only: call it from an effect.
///
/// Not in a frame: a frame cannot grow on paper, and the whole story would be cut at the
/// height of the view it shows. There the explainer prints that view, whole (the loader
/// sets the stylesheet's `--xp-print-read` to 0 on a framed host).
pub fn watch_print(on: Callback<bool>, owed: Owed) -> impl FnOnce() {
    let window = web_sys::window().filter(|_| !super::anchor::framed());
    let listen = |name: &'static str, printing: bool| {
        let on = on.clone();
        let owed = owed.clone();
        let cb = Closure::<dyn Fn()>::new(move || {
            on.emit(printing);
            if printing {
                // Queued after the render Yew's scheduler has just queued.
                let owed = owed.clone();
                yew::platform::spawn_local(async move { owed.pay_now() });
            }
        });
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
        }
        (name, cb)
    };
    let listeners = [listen("beforeprint", true), listen("afterprint", false)];
    move || {
        if let Some(w) = &window {
            for (name, cb) in &listeners {
                let _ = w.remove_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
            }
        }
    }
}
