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
/// for the editor and lists the rest, in the explainer's language.
#[component]
pub fn ErrorView(props: &ErrorViewProps) -> Html {
    let t = ui(props.lang);
    let first = props.problems.first();
    html! {
        <div class="xp-root xp-error" role="alert" lang={props.lang.code()}>
            <h2 class="xp-title">{ t.error_title }</h2>
            if let Some(p) = first {
                <p>{ t.error_intro }{" "}<code class="xp-path">{ &p.path }</code>{ t.colon }{ p.message.text(props.lang) }
                    if !p.value.is_empty() { {" — "}<code>{ &p.value }</code> }
                </p>
            }
            if props.problems.len() > 1 {
                <details>
                    <summary>{ format!("{} ({})", t.all_problems, props.problems.len()) }</summary>
                    <ul>{ for props.problems.iter().map(|p| html! { <li><code>{ p.text(props.lang) }</code></li> }) }</ul>
                </details>
            }
        </div>
    }
}
