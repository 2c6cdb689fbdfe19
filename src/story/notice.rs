//! What a valid story may still have wrong, told to the editor at build time without
//! stopping it: a date after `as_of`. The explainer says its figures are checked as of that
//! date, so a later one is a planned date or a mistyped one (2062 for 2026); only the editor
//! knows which, so the build notes it and shows the story as written.

use super::message::{self as m, Message};
use super::model::Story;
use super::validate::Problem;
use crate::format::Date;

/// Each date of `story` after its `as_of`, with its JSON path; empty when there is none or
/// when `as_of` is not a date (the validator reports that). A partial date is after only if
/// all of it is (`2026-06` is after `2026-05-31`; `2026` is not).
pub fn notices(story: &Story) -> Vec<Problem> {
    let Some(as_of) = Date::parse(&story.as_of) else {
        return Vec::new();
    };
    // The last day `as_of` may mean, and the first day a date may mean.
    let latest = (
        as_of.year,
        as_of.month.unwrap_or(12),
        as_of.day.unwrap_or(31),
    );
    let after = |d: &str| {
        Date::parse(d).is_some_and(|d| (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)) > latest)
    };
    let mut dated: Vec<(String, &str)> = Vec::new();
    for (i, r) in story.relationships.iter().enumerate() {
        dated.extend(
            r.date
                .as_deref()
                .map(|d| (format!("relationships[{i}].date"), d)),
        );
    }
    for (i, e) in story.events.iter().enumerate() {
        dated.push((format!("events[{i}].date"), &e.date));
    }
    for (i, q) in story.quotes.iter().enumerate() {
        dated.push((format!("quotes[{i}].date"), &q.date));
    }
    for (g, group) in story
        .comparison
        .iter()
        .flat_map(|c| c.groups.iter().enumerate())
    {
        for (b, bar) in group.bars.iter().enumerate() {
            let path = format!("comparison.groups[{g}].bars[{b}].date");
            dated.extend(bar.date.as_deref().map(|d| (path, d)));
        }
    }
    for (i, s) in story.sources.iter().enumerate() {
        dated.extend(s.date.as_deref().map(|d| (format!("sources[{i}].date"), d)));
    }
    dated
        .into_iter()
        .filter(|(_, d)| after(d))
        .map(|(path, d)| Problem {
            path,
            message: Message::new(&m::AFTER_AS_OF, vec![format!("{:?}", story.as_of).into()]),
            value: format!("{d:?}"),
        })
        .collect()
}
