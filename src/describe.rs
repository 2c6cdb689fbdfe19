//! Sentences about story items, shared by the controls' accessible names, the panel and
//! the text alternative, so a screen reader hears what the page shows.

use crate::format::{amount, date};
use crate::i18n::{kind_name, role_name, status_name, Lang};
use crate::story::{Entity, Kind, Relationship, Story};

/// "Nvidia, chipmaker".
pub fn entity_name(e: &Entity, lang: Lang) -> String {
    format!("{}, {}", e.name.get(lang), role_name(e.role, lang))
}

/// The display name of an entity id (the id itself if unknown).
pub fn name_of<'a>(story: &'a Story, id: &'a str, lang: Lang) -> &'a str {
    story.entity(id).map_or(id, |e| e.name.get(lang))
}

/// "Nvidia → OpenAI" (or "Nvidia ↔ AMD" for rivals).
pub fn ends(story: &Story, r: &Relationship, lang: Lang) -> String {
    let arrow = if r.kind == Kind::Competition {
        "↔"
    } else {
        "→"
    };
    format!(
        "{} {arrow} {}",
        name_of(story, &r.from, lang),
        name_of(story, &r.to, lang)
    )
}

/// "Nvidia → OpenAI: investment, Letter of intent, up to $100 billion, September 22, 2025,
/// superseded".
pub fn relationship_name(story: &Story, r: &Relationship, lang: Lang) -> String {
    let colon = crate::i18n::ui(lang).colon;
    let mut parts = vec![
        kind_name(r.kind, lang).to_string(),
        r.label.get(lang).to_string(),
    ];
    if let Some(a) = &r.amount {
        parts.push(amount(a, lang));
    }
    if let Some(d) = &r.date {
        parts.push(date(d, lang));
    }
    parts.push(status_name(r.status, lang).to_string());
    format!("{}{colon}{}", ends(story, r, lang), parts.join(", "))
}
