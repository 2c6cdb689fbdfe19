use std::rc::Rc;

use yew::prelude::*;

use super::{Badge, SourceList};
use crate::i18n::{question_state_name, Lang};
use crate::story::Story;

/// Properties of [`Questions`].
#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    /// The story (its `questions`).
    pub story: Rc<Story>,
    /// Interface language.
    pub lang: Lang,
}

/// The article's open questions as native disclosures: they open with no script at all.
#[component]
pub fn Questions(props: &QuestionsProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="xp-questions">
            <ol>
            { for props.story.questions.iter().map(|q| {
                let state = q.state.code();
                html! {
                    <li>
                        <details class={format!("xp-q q-{state}")}>
                            <summary>
                                <span class="xp-q-text">{ q.question.get(lang) }</span>
                                <span class={format!("xp-q-state q-{state}")}>{ question_state_name(q.state, lang) }</span>
                            </summary>
                            <p>{ q.answer.get(lang) }{" "}<Badge status={q.status} lang={lang} /></p>
                            <SourceList story={props.story.clone()} ids={q.sources.clone()} lang={lang} />
                        </details>
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
