use yew::prelude::*;

use super::edge::{kind_class, marker};
use crate::i18n::{kind_name, ui, Lang};
use crate::story::Kind;

/// Properties of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Kinds present in the story.
    pub kinds: Vec<Kind>,
    /// Whether some links are drawn heavier as the story's main ones.
    pub has_headline: bool,
    /// Interface language.
    pub lang: Lang,
}

/// What each line colour, dash and marker shape means. Each name is in a span of its own,
/// a flex item whose word the stylesheet lets break where it is wider than the column.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let sample = |class: Classes, mark: Option<Kind>| {
        html! {
            <svg class="xp-sample" viewBox="0 0 48 20" width="48" height="20" aria-hidden="true">
                <g {class}>
                    <path class="xp-line" d="M2 10H46" />
                    if let Some(k) = mark { <path class="xp-mark" d={marker(k, 24.0, 10.0)} /> }
                </g>
            </svg>
        }
    };
    html! {
        <div class="xp-legend">
            <h3 class="xp-legend-title">{ ui(props.lang).legend }</h3>
            <ul>
                { for props.kinds.iter().map(|&k| html! {
                    <li>{ sample(classes!("xp-edge", kind_class(k)), Some(k)) }<span>{ kind_name(k, props.lang) }</span></li>
                }) }
                if props.has_headline {
                    <li>{ sample(classes!("xp-edge", "k-inv", "headline"), None) }<span>{ ui(props.lang).headline_link }</span></li>
                }
            </ul>
        </div>
    }
}
