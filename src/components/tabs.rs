use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{ui, Lang};
use crate::state::View;

/// Properties of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The open view.
    pub view: View,
    /// The views the story fills, in order (see [`View::of`]); fewer than two get no tabs.
    pub views: Vec<View>,
    /// Interface language.
    pub lang: Lang,
    /// Prefix for element ids.
    pub instance: AttrValue,
    /// Asked to open a view.
    pub on_select: Callback<View>,
}

/// The view's tab id (the tab panel points back at it).
pub fn tab_id(instance: &str, view: View) -> String {
    format!("{instance}-tab-{}", view.code())
}

/// The view's tab panel id (the tab controls it).
pub fn view_id(instance: &str, view: View) -> String {
    format!("{instance}-view-{}", view.code())
}

/// A view's name, as its tab and its reading-mode heading show it.
pub fn label(view: View, lang: Lang) -> &'static str {
    let t = ui(lang);
    match view {
        View::Diagram => t.diagram,
        View::Comparison => t.comparison,
        View::Timeline => t.timeline,
        View::Questions => t.questions,
    }
}

/// The view switcher: an ARIA tab list with one tab stop; arrows, Home and End move.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let onkeydown = {
        let (view, views, on_select) = (props.view, props.views.clone(), props.on_select.clone());
        Callback::from(move |e: KeyboardEvent| {
            let i = views.iter().position(|v| *v == view).unwrap_or(0);
            let n = views.len();
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (i + 1) % n,
                "ArrowLeft" | "ArrowUp" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            // Focus follows the tab the reader moved to. The list is the focused tab's parent
            // (Yew delegates events, so `current_target` is its root, not this list).
            let list = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.parent_element());
            if let Some(el) = list.and_then(|l| l.children().item(next as u32)) {
                super::focus(&el);
            }
            on_select.emit(views[next]);
        })
    };
    if props.views.len() < 2 {
        return html! {};
    }
    html! {
        <div class="xp-tabs" role="tablist" aria-label={ui(props.lang).views} {onkeydown}>
            { for props.views.iter().map(|&v| {
                let selected = v == props.view;
                let onclick = props.on_select.reform(move |_: MouseEvent| v);
                html! {
                    <button type="button" role="tab" id={tab_id(&props.instance, v)}
                        aria-selected={if selected { "true" } else { "false" }}
                        aria-controls={view_id(&props.instance, v)}
                        tabindex={if selected { "0" } else { "-1" }} {onclick}>
                        { label(v, props.lang) }
                    </button>
                }
            }) }
        </div>
    }
}
