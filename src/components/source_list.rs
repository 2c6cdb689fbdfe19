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

/// Sources as links that open in a new tab without giving the page a handle on ours, and
/// say so: a silent arrow for the eye, a hidden note for a screen reader.
#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let t = ui(props.lang);
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
            let text = html! { <span class="xp-src-title">{ format!("{} — {}", s.publisher, s.title) }</span> };
            // On its own line, inside the link: a date between two links' 44 px targets read
            // as the next one's. In the page's language, whatever the source's.
            let page = s
                .lang
                .as_deref()
                .filter(|l| Lang::from_code(l) != Some(props.lang))
                .map(|_| props.lang.code());
            let when = s.date.as_deref().map(|d| {
                html! { <span class="xp-src-date" lang={page}>{ date(d, props.lang) }</span> }
            });
            html! {
                <li>
                    if let Some(url) = &s.url {
                        <a href={url.clone()} lang={s.lang.clone()} target="_blank" rel="noopener noreferrer">
                            { text }{ when }<span class="xp-vh" lang={page}>{ t.new_tab }</span>
                        </a>
                    } else {
                        <span class="xp-src" lang={s.lang.clone()}>{ text }{ when }</span>
                    }
                </li>
            }
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <div class="xp-sources">
            <h4>{ t.sources }</h4>
            <ul>{ for items }</ul>
        </div>
    }
}
