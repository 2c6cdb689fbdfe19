//! The component tree, one component per file. None names a company: they draw roles,
//! kinds and statuses from the story, so another story renders with no code change.

mod app;
mod badge;
mod comparison;
mod diagram;
mod disclosure;
mod edge;
mod error_view;
mod explainer;
mod language_switch;
mod legend;
mod node;
mod panel;
mod questions;
mod source_list;
mod tabs;
mod text_alternative;
mod timeline;

pub use app::{App, AppProps, HostEvent, Loaded};
pub use badge::Badge;
pub use comparison::Comparison;
pub use diagram::Diagram;
pub use disclosure::Disclosure;
pub use edge::Edge;
pub use error_view::ErrorView;
pub use explainer::Explainer;
pub use language_switch::LanguageSwitch;
pub use legend::Legend;
pub use node::Node;
pub use panel::Panel;
pub use questions::Questions;
pub use source_list::SourceList;
pub use tabs::Tabs;
pub use text_alternative::TextAlternative;
pub use timeline::Timeline;

use crate::state::Selection;

/// The `data-key` that finds a control again (focus return, deep links).
pub fn key_of(sel: &Selection) -> String {
    format!("{}:{}", sel.kind(), sel.id())
}

/// Moves focus to `el`, whether an HTML element or an SVG control (both have `focus()`,
/// on different interfaces).
pub fn focus(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = s.focus();
    }
}

/// True when a key press should activate a custom control (Enter or Space).
pub fn is_activation(key: &str) -> bool {
    key == "Enter" || key == " "
}

/// Click and key handlers for an SVG control with role="button": SVG has no native button,
/// so Enter and Space must select it like a tap does.
pub fn activation(
    on_select: &yew::Callback<Selection>,
    sel: &Selection,
) -> (
    yew::Callback<yew::MouseEvent>,
    yew::Callback<yew::KeyboardEvent>,
) {
    let (cb, s) = (on_select.clone(), sel.clone());
    let onclick = yew::Callback::from(move |_: yew::MouseEvent| cb.emit(s.clone()));
    let (cb, s) = (on_select.clone(), sel.clone());
    let onkeydown = yew::Callback::from(move |e: yew::KeyboardEvent| {
        if is_activation(&e.key()) {
            e.prevent_default();
            cb.emit(s.clone());
        }
    });
    (onclick, onkeydown)
}
