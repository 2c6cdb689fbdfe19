//! What an explainer tells its page: `explainer:ready`, `:select`, `:close`, `:view` and
//! `:lang` events on its host, bubbling and composed, and the address it keeps in the URL;
//! and to its loader, that the code has stopped (`explainer:failed`).

use serde::Serialize;
use web_sys::Element;

use super::{address, READY};
use crate::components::HostEvent;

/// Detail of the `explainer:*` events, serialized to a plain object with the fields set.
#[derive(Default, Serialize)]
struct Detail<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
}

fn dispatch(host: &Element, name: &str, detail: &Detail) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(v) = serde_wasm_bindgen::to_value(detail) {
        init.set_detail(&v);
    }
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// The callback an explainer on `host` reports to: it marks the host ready, keeps the
/// item open in the address under `key` (see `address`), and tells the page.
pub fn on_host(host: Element, key: String) -> yew::Callback<HostEvent> {
    yew::Callback::from(move |e: HostEvent| {
        let h = &host;
        match &e {
            HostEvent::Ready => {
                let _ = h.set_attribute(READY, "");
                dispatch(h, "explainer:ready", &Detail::default())
            }
            HostEvent::Select(sel) => {
                address::queue(key.clone(), Some(sel.id().to_string()));
                let detail = Detail {
                    kind: Some(sel.kind()),
                    id: Some(sel.id()),
                    ..Detail::default()
                };
                dispatch(h, "explainer:select", &detail);
            }
            HostEvent::Close => {
                address::queue(key.clone(), None);
                dispatch(h, "explainer:close", &Detail::default());
            }
            HostEvent::View(v) => {
                let detail = Detail {
                    view: Some(v.code()),
                    ..Detail::default()
                };
                dispatch(h, "explainer:view", &detail)
            }
            HostEvent::Lang(l) => {
                let detail = Detail {
                    lang: Some(l.code()),
                    ..Detail::default()
                };
                dispatch(h, "explainer:lang", &detail)
            }
        }
    })
}

/// Sent on the document after a panic, with this build's name as its detail: the loader
/// shows each of the build's explainers in reading mode and marks its host
/// `data-explainer-failed` (`embed.js`).
pub const FAILED: &str = "explainer:failed";

/// Installs what a panic does. A panic aborts the code's call, and the state it held (a
/// render under way, a cell borrowed) is left as it was: the explainers of this build can
/// no longer answer. The panic's message goes to the console, and the loader is told, so a
/// reader gets the content and a note rather than controls that do nothing. Yew's own hook
/// would only log.
pub fn on_panic(build: String) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("explainer: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&build.as_str().into());
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(FAILED, &init) {
            let _ = doc.dispatch_event(&ev);
        }
    }));
}
