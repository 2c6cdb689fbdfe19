//! Host-page integration: finds `[data-explainer]` elements and mounts an explainer in
//! each, reading its `data-*` attributes and an optional story override.

use wasm_bindgen::JsCast;

use crate::components::{App, AppProps, Loaded};
use crate::i18n::Lang;
use crate::state::View;
use crate::story::EMBEDDED_JSON;

/// Mounts every explainer on the page.
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = doc.query_selector_all("[data-explainer]") else {
        return;
    };
    let page_lang = doc.document_element().and_then(|e| e.get_attribute("lang"));
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let lang = host
            .get_attribute("data-lang")
            .or_else(|| page_lang.clone())
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or_default();
        let view = host
            .get_attribute("data-view")
            .and_then(|v| View::from_code(&v))
            .unwrap_or_default();
        let json = host
            .query_selector("script[type=\"application/json\"]")
            .ok()
            .flatten()
            .and_then(|s| s.text_content())
            .unwrap_or_else(|| EMBEDDED_JSON.to_string());
        let width = host.client_width().max(320) as u32;
        host.set_inner_html("");
        let props = AppProps {
            story: Loaded::from_json(&json),
            lang,
            view,
            width,
            instance: format!("xp{i}").into(),
            initial: None,
            on_host: Default::default(),
        };
        yew::Renderer::<App>::with_root_and_props(host, props).render();
    }
}
