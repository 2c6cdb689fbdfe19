use yew::prelude::*;

use crate::i18n::{status_name, Lang};
use crate::story::Status;

/// Properties of [`Badge`].
#[derive(Properties, PartialEq)]
pub struct BadgeProps {
    /// The status to show.
    pub status: Status,
    /// Language of the wording.
    pub lang: Lang,
}

/// A status worded for readers ("reported"), styled by status and never by colour alone.
#[component]
pub fn Badge(props: &BadgeProps) -> Html {
    let class = format!("xp-badge xp-st-{}", props.status.code());
    html! { <span class={class}>{ status_name(props.status, props.lang) }</span> }
}
