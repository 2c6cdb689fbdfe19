use std::rc::Rc;

use yew::prelude::*;

use super::{DataTable, Disclosure};
use crate::i18n::{ui, Lang};
use crate::story::Story;

/// Properties of [`TextAlternative`].
#[derive(Properties, PartialEq)]
pub struct TextAlternativeProps {
    /// The story.
    pub story: Rc<Story>,
    /// Interface language.
    pub lang: Lang,
    /// Build the table while closed too (pre-rendered HTML).
    #[prop_or_default]
    pub complete: bool,
    /// Whether the reader opened the table.
    pub open: bool,
    /// Told the new state when the reader opens or closes it.
    pub on_toggle: Callback<bool>,
}

/// Every relationship of the diagram as a table ([`DataTable`]), behind a disclosure: the
/// diagram's controls already carry full names, and a table of hundreds of rows should cost
/// nothing until a reader (sighted or not) asks for it.
#[component]
pub fn TextAlternative(props: &TextAlternativeProps) -> Html {
    let (lang, story) = (props.lang, &props.story);
    let t = ui(lang);
    html! {
        <Disclosure class="xp-data" complete={props.complete} open={props.open} on_toggle={props.on_toggle.clone()}
            summary={format!("{} ({})", t.table_caption, story.relationships.len())}>
            <DataTable story={story.clone()} {lang} />
        </Disclosure>
    }
}
