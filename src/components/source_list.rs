use std::rc::Rc;

use yew::prelude::*;

use crate::format::date;
use crate::i18n::{ui, Lang};
use crate::story::Story;

/// Properties of [`SourceList`].
#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    /// The story holding the sources.
    pub story: Rc<Story>,
    /// Source ids to list (unknown ones are skipped; the validator reports them).
    pub ids: Vec<String>,
    /// Language of the dates.
    pub lang: Lang,
}

/// Sources as links that open in a new tab without giving the page a handle on ours.
#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let mut seen = Vec::new();
    let items: Vec<Html> = props
        .ids
        .iter()
        .filter(|id| {
            let new = !seen.contains(id);
            seen.push(*id);
            new
        })
        .filter_map(|id| props.story.source(id))
        .map(|s| {
            let text = format!("{} — {}", s.publisher, s.title);
            // Its own line: a wrapped link is a block (a 44 px target), and a date after it
            // would start the next line with a stray comma.
            let when = s.date.as_deref().map(|d| {
                html! { <span class="xp-src-date">{ date(d, props.lang) }</span> }
            });
            html! {
                <li>
                    if let Some(url) = &s.url {
                        <a href={url.clone()} lang={s.lang.clone()} target="_blank" rel="noopener noreferrer">{ text }</a>
                    } else {
                        <span lang={s.lang.clone()}>{ text }</span>
                    }
                    { when }
                </li>
            }
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <div class="xp-sources">
            <h4>{ ui(props.lang).sources }</h4>
            <ul>{ for items }</ul>
        </div>
    }
}
