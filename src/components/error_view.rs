use yew::prelude::*;

use crate::i18n::{ui, Lang};
use crate::story::Problem;

/// Properties of [`ErrorView`].
#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    /// Every problem found (at least one).
    pub problems: Vec<Problem>,
    /// Interface language.
    pub lang: Lang,
}

/// Shown instead of the explainer when the story data is wrong: names the first bad path
/// for the editor and lists the rest. The details are in English whatever the page's
/// language, and marked so: a screen reader must not read them with a French voice.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let t = ui(props.lang);
    let first = props.problems.first();
    html! {
        <div class="xp-root xp-error" role="alert" lang={props.lang.code()}>
            <h2 class="xp-title">{ t.error_title }</h2>
            if let Some(p) = first {
                <p>{ t.error_intro }{" "}<code class="xp-path">{ &p.path }</code>{": "}<span lang="en">{ &p.message }</span>
                    if !p.value.is_empty() { {" — "}<code>{ &p.value }</code> }
                </p>
            }
            if props.problems.len() > 1 {
                <details>
                    <summary>{ format!("{} ({})", t.all_problems, props.problems.len()) }</summary>
                    <ul lang="en">{ for props.problems.iter().map(|p| html! { <li><code>{ p.to_string() }</code></li> }) }</ul>
                </details>
            }
        </div>
    }
}
