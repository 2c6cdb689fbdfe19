use std::rc::Rc;

use yew::prelude::*;

use crate::describe::name_of;
use crate::format::{amount, date};
use crate::i18n::{kind_name, status_name, ui, Lang};
use crate::story::Story;

/// Properties of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The story.
    pub story: Rc<Story>,
    /// Interface language.
    pub lang: Lang,
}

/// Every relationship of the diagram as a table, generated from the same data. A component
/// of its own so that a closed [`super::TextAlternative`] holds only its props: the rows
/// (with every amount and date formatted) are built when the table is shown, not on every
/// render of a closed disclosure.
#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let (lang, story) = (props.lang, &props.story);
    let t = ui(lang);
    let summary = match lang {
        Lang::Fr => format!(
            "Le schéma relie {} acteurs par {} relations.",
            story.entities.len(),
            story.relationships.len()
        ),
        Lang::En => format!(
            "The diagram links {} players through {} relationships.",
            story.entities.len(),
            story.relationships.len()
        ),
    };
    html! {
        <>
            <p>{ summary }</p>
            // Six columns do not fit a phone: the table keeps its width and scrolls sideways
            // in its own named box (focusable, so keyboards can scroll it too), never the page.
            // A group, not a region: a landmark of the same name in each explainer of a page
            // is two landmarks no screen reader user can tell apart (axe's landmark-unique).
            <div class="xp-table-wrap" role="group" tabindex="0" aria-label={t.table_caption}>
            <table>
                <caption>{ t.table_caption }</caption>
                <thead><tr>
                    <th scope="col">{ t.col_from }</th><th scope="col">{ t.col_to }</th><th scope="col">{ t.col_kind }</th>
                    <th scope="col">{ t.col_amount }</th><th scope="col">{ t.col_date }</th><th scope="col">{ t.col_status }</th>
                </tr></thead>
                <tbody>
                { for story.relationships.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{ name_of(story, &r.from, lang) }</th>
                        <td>{ name_of(story, &r.to, lang) }</td>
                        <td>{ format!("{} ({})", kind_name(r.kind, lang), r.label.get(lang)) }</td>
                        <td>{ r.amount.as_ref().map(|a| amount(a, lang)).unwrap_or_default() }</td>
                        <td>{ r.date.as_deref().map(|d| date(d, lang)).unwrap_or_else(|| t.no_date.into()) }</td>
                        <td>{ status_name(r.status, lang) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </>
    }
}
