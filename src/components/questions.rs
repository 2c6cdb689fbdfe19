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
                        <details class={format!("xp-q q-{state}")} data-q={q.id.clone()}>
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

/// Opens the question `id` of the explainer at `root` and moves focus to it, brought into
/// view (a link to it: the reader lands on what they followed). After the paint that shows
/// the questions view; past 16 ms of work Yew may draw it a frame later, so it looks again
/// after the next paints (a few).
pub fn open_question(root: NodeRef, id: String) {
    fn look(root: NodeRef, id: String, tries: u8) {
        super::after_paint(move || {
            let Some(el) = root.cast::<web_sys::Element>() else {
                return;
            };
            let found = el
                .query_selector(&format!(".xp-questions details[data-q=\"{id}\"]"))
                .ok()
                .flatten();
            match found {
                Some(details) => {
                    let _ = details.set_attribute("open", "");
                    if let Ok(Some(summary)) = details.query_selector("summary") {
                        super::bring_back(&summary);
                    }
                }
                None if tries > 0 => look(root, id, tries - 1),
                None => {}
            }
        });
    }
    look(root, id, 3);
}
