use std::rc::Rc;

use yew::prelude::*;

use crate::format::{date, Date};
use crate::i18n::{ui, Lang};
use crate::state::Selection;
use crate::story::Story;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The story (its `events`).
    pub story: Rc<Story>,
    /// Interface language.
    pub lang: Lang,
    /// The selected item: an event chosen here is marked (one that lights no player in the
    /// diagram stays on the timeline).
    pub selection: Option<Selection>,
    /// Selects an event (shows its players in the diagram).
    pub on_select: Callback<Selection>,
}

/// Events in date order, with a rule at the article's publication; later events are
/// marked as developments after the article.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let t = ui(lang);
    let story = &props.story;
    // Date order; events of the same date keep their story order. Each is inserted after
    // those not later than it: a timeline holds tens of events, and the standard sort's
    // generic code costs kilobytes of WASM.
    let mut dated: Vec<(Option<Date>, &crate::story::Event)> =
        Vec::with_capacity(story.events.len());
    for e in &story.events {
        let when = Date::parse(&e.date);
        dated.insert(dated.partition_point(|(d, _)| *d <= when), (when, e));
    }
    let published = Date::parse(&story.published);
    let is_later = |d: Option<Date>| match (d, published) {
        // A partial date counts as later only when it cannot fall before publication.
        (Some(d), Some(p)) => {
            d.year > p.year
                || (d.year == p.year
                    && d.month.zip(p.month).is_some_and(|(m, pm)| {
                        m > pm || (m == pm && d.day.zip(p.day).is_some_and(|(a, b)| a > b))
                    }))
        }
        _ => false,
    };
    let split = dated
        .iter()
        .position(|&(d, _)| is_later(d))
        .unwrap_or(dated.len());
    let item = |&(when, e): &(Option<Date>, &crate::story::Event)| {
        let sel = Selection::Event(e.id.clone());
        let selected = props.selection.as_ref() == Some(&sel);
        let cb = props.on_select.clone();
        let key = super::key_of(&sel);
        let onclick = Callback::from(move |_: MouseEvent| cb.emit(sel.clone()));
        let later = is_later(when);
        html! {
            <li class={classes!("xp-event", later.then_some("later"))}>
                <button type="button" class={classes!("xp-event-btn", selected.then_some("sel"))} data-key={key}
                    aria-current={selected.then_some("true")} {onclick}>
                    <span class="xp-event-date">{ date(&e.date, lang) }</span>
                    <span class="xp-event-title">{ e.title.get(lang) }</span>
                    <span class="xp-event-text">{ e.text.get(lang) }</span>
                    if later { <span class="xp-later">{ t.later }</span> }
                </button>
            </li>
        }
    };
    html! {
        <section class="xp-timeline">
            <p class="xp-hint">{ t.timeline_hint }</p>
            <ol>
                { for dated[..split].iter().map(item) }
                <li class="xp-pub">{ format!("{} — {}", t.published_rule, date(&story.published, lang)) }</li>
                { for dated[split..].iter().map(item) }
            </ol>
        </section>
    }
}
