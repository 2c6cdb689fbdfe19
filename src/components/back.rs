//! The phone's Back closes an open panel, as it closes a native app's sheet, rather than
//! leaving the article: a close watcher (Chrome 120, Android's Back gesture and button)
//! while a panel is open on a touch screen. It adds no history entry, so Back, once the
//! panel is closed, leaves the page as before; browsers without close watchers keep that.
//! Not with a mouse: there the browser's close request is Escape, and Escape pressed
//! elsewhere on the page must not close the explainer's side panel.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's close watcher (not in `web-sys`).
    type CloseWatcher;
    /// Throws where the browser has none.
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<CloseWatcher, JsValue>;
    #[wasm_bindgen(method)]
    fn destroy(this: &CloseWatcher);
    #[wasm_bindgen(method, setter)]
    fn set_onclose(this: &CloseWatcher, f: Option<&js_sys::Function>);
}

/// While `open`, the browser's close request (Back on a phone) calls `close`, once.
#[hook]
pub fn use_close_request(open: bool, close: Callback<()>) {
    use_effect_with(open, move |open| {
        let watcher = (*open && touch_screen())
            .then(CloseWatcher::new)
            .and_then(Result::ok);
        let onclose = watcher.as_ref().map(|w| {
            let f = Closure::<dyn Fn()>::new(move || close.emit(()));
            w.set_onclose(Some(f.as_ref().unchecked_ref()));
            f
        });
        // Closed by the reader's own means (a tap on ×, Escape, another view): the watcher
        // goes, or the next Back would close nothing and leave the page no more.
        move || {
            if let Some(w) = watcher {
                w.set_onclose(None);
                w.destroy();
            }
            drop(onclose);
        }
    });
}

/// Whether the reader's main pointer is a finger.
fn touch_screen() -> bool {
    super::media_matches("(pointer: coarse)")
}
