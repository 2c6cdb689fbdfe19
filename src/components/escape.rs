//! Escape after a click on the explainer's own text. A click on text that takes no focus
//! (the title, the legend, the drawing between its controls) sends focus to the page, or to
//! a link the page wraps the explainer in (a teaser card): Escape, which the explainer hears
//! from within, then no longer closed its open panel. It does now, as long as the reader's
//! last press was in the explainer and focus is on nothing that has its own use for the key:
//! the page's body, or an element around the explainer. Escape after a press elsewhere on
//! the page stays the page's (see `back`).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// While `open`, Escape pressed after a press in the explainer at `root`, with focus left
/// outside it, calls `close`. `keyed` is first set to the time of the key, so focus goes
/// back to the panel's control as after any Escape.
#[hook]
pub fn use_escape_after_press(
    root: NodeRef,
    open: bool,
    close: Callback<()>,
    keyed: Rc<std::cell::Cell<f64>>,
) {
    use_effect_with(open, move |open| {
        let root = root.cast::<web_sys::Element>().filter(|_| *open);
        let listening = root.and_then(|root| listen(root, close, keyed));
        move || drop(listening)
    });
}

/// The listeners, removed when dropped.
struct Listening {
    doc: web_sys::Document,
    root: web_sys::Element,
    away: Closure<dyn Fn()>,
    here: Closure<dyn Fn()>,
    key: Closure<dyn Fn(web_sys::KeyboardEvent)>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.doc.remove_event_listener_with_callback_and_bool(
            "pointerdown",
            self.away.as_ref().unchecked_ref(),
            true,
        );
        let _ = self
            .root
            .remove_event_listener_with_callback("pointerdown", self.here.as_ref().unchecked_ref());
        let _ = self
            .doc
            .remove_event_listener_with_callback("keydown", self.key.as_ref().unchecked_ref());
    }
}

fn listen(
    root: web_sys::Element,
    close: Callback<()>,
    keyed: Rc<std::cell::Cell<f64>>,
) -> Option<Listening> {
    let doc = root.owner_document()?;
    // Every press, caught on its way down, is first the page's; one that reaches the
    // explainer is then its own. (Not the press's path read from the page: a closed shadow
    // root around the explainer leaves it out.)
    let pressed = Rc::new(std::cell::Cell::new(false));
    let away = {
        let pressed = pressed.clone();
        Closure::<dyn Fn()>::new(move || pressed.set(false))
    };
    let here = {
        let pressed = pressed.clone();
        Closure::<dyn Fn()>::new(move || pressed.set(true))
    };
    // The explainer's host, which a shadow root hides its contents behind.
    let host = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.host(),
        Err(_) => root.clone(),
    };
    let key = {
        let doc = doc.clone();
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            // Prevented: the explainer closed its panel itself (focus within), or the page
            // or a field took the key.
            if e.key() != "Escape" || e.default_prevented() || !pressed.get() {
                return;
            }
            // The body, or an element the explainer is in (a link, a dialog).
            let around = doc
                .active_element()
                .is_none_or(|a| a.contains(Some(host.as_ref())));
            if around {
                // As the explainer's own: a dialog around it stays open for the next Escape.
                e.prevent_default();
                keyed.set(js_sys::Date::now());
                close.emit(());
            }
        })
    };
    doc.add_event_listener_with_callback_and_bool(
        "pointerdown",
        away.as_ref().unchecked_ref(),
        true,
    )
    .ok()?;
    let _ = root.add_event_listener_with_callback("pointerdown", here.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
    Some(Listening {
        doc,
        root,
        away,
        here,
        key,
    })
}
