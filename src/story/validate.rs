//! Checks a parsed story and reports every problem with its JSON path and value.

use std::collections::HashSet;

use super::model::*;
use crate::format::Date;

/// One thing wrong with a story, located by its JSON path.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where: `relationships[3].from`.
    pub path: String,
    /// What is wrong, for the editor.
    pub message: String,
    /// The offending value as written (JSON-ish), or empty when the value is missing.
    pub value: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)?;
        if !self.value.is_empty() {
            write!(f, " (found {})", self.value)?;
        }
        Ok(())
    }
}

struct Check<'a> {
    story: &'a Story,
    problems: Vec<Problem>,
    entity_ids: HashSet<&'a str>,
    relationship_ids: HashSet<&'a str>,
    source_ids: HashSet<&'a str>,
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

impl<'a> Check<'a> {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>, value: String) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
            value,
        });
    }

    fn text(&mut self, path: &str, t: &Text) {
        for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
            if s.trim().is_empty() {
                self.push(
                    format!("{path}.{lang}"),
                    "missing translation",
                    String::new(),
                );
            }
        }
    }

    fn date(&mut self, path: &str, s: &str) {
        if Date::parse(s).is_none() {
            self.push(
                path,
                "invalid date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
                quoted(s),
            );
        }
    }

    fn id(&mut self, path: &str, id: &'a str, seen: &mut HashSet<&'a str>) {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            self.push(
                path,
                "id must be lowercase letters, digits, - or _ (it appears in links)",
                quoted(id),
            );
        } else if !seen.insert(id) {
            self.push(
                path,
                "duplicate id (ids are shared by all lists because links use them)",
                quoted(id),
            );
        }
    }

    fn refs(
        &mut self,
        path: &str,
        ids: &[String],
        known: fn(&Self) -> &HashSet<&'a str>,
        what: &str,
    ) {
        for (i, id) in ids.iter().enumerate() {
            if !known(self).contains(id.as_str()) {
                self.push(
                    format!("{path}[{i}]"),
                    format!("unknown {what} id"),
                    quoted(id),
                );
            }
        }
    }

    fn sources(&mut self, path: &str, ids: &[String]) {
        self.refs(path, ids, |c| &c.source_ids, "source");
    }

    fn figure(&mut self, path: String, v: Option<f64>, needed: bool, kind: AmountKind) {
        match (v, needed) {
            (None, true) => self.push(
                path,
                format!("missing: needed for kind {kind:?}"),
                String::new(),
            ),
            (Some(v), false) => self.push(
                path,
                format!("not used by kind {kind:?}: remove it or change the kind"),
                v.to_string(),
            ),
            (Some(v), true) if !v.is_finite() || v < 0.0 => {
                self.push(path, "must be a finite, non-negative number", v.to_string())
            }
            _ => {}
        }
    }

    fn amount(&mut self, path: &str, a: &Amount) {
        let range = a.kind == AmountKind::Range;
        let none = a.kind == AmountKind::Undisclosed;
        self.figure(format!("{path}.value"), a.value, !range && !none, a.kind);
        self.figure(format!("{path}.low"), a.low, range, a.kind);
        self.figure(format!("{path}.high"), a.high, range, a.kind);
        if let (true, Some(low), Some(high)) = (range, a.low, a.high) {
            if low > high {
                self.push(
                    format!("{path}.low"),
                    "range low is greater than high",
                    format!("{low} > {high}"),
                );
            }
        }
        match (a.unit, none) {
            (None, false) => self.push(format!("{path}.unit"), "missing unit", String::new()),
            (Some(u), true) => self.push(
                format!("{path}.unit"),
                "an undisclosed amount has no unit",
                format!("{u:?}"),
            ),
            _ => {}
        }
    }

    fn url(&mut self, path: &str, url: &str) {
        let lower = url.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"));
        if !rest.is_some_and(|r| {
            !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace)
        }) {
            self.push(
                path,
                "address must start with http:// or https:// and name a host",
                quoted(url),
            );
        }
    }
}

/// Every problem in `story`; empty when it is fit to show.
pub fn validate(story: &Story) -> Vec<Problem> {
    let mut c = Check {
        story,
        problems: Vec::new(),
        entity_ids: story.entities.iter().map(|e| e.id.as_str()).collect(),
        relationship_ids: story.relationships.iter().map(|r| r.id.as_str()).collect(),
        source_ids: story.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    let s = c.story;
    if s.schema_version != 1 {
        c.push(
            "schema_version",
            "unsupported schema version (expected 1)",
            s.schema_version.to_string(),
        );
    }
    c.date("published", &s.published);
    c.date("as_of", &s.as_of);
    if let (Some(p), Some(a)) = (Date::parse(&s.published), Date::parse(&s.as_of)) {
        if a < p {
            c.push(
                "as_of",
                "the as-of date is before the publication date",
                quoted(&s.as_of),
            );
        }
    }
    c.text("title", &s.title);
    c.text("dek", &s.dek);
    if s.entities.is_empty() {
        c.push(
            "entities",
            "the story needs at least one entity",
            "[]".into(),
        );
    }

    let mut seen = HashSet::new();
    for (i, e) in s.entities.iter().enumerate() {
        let p = format!("entities[{i}]");
        c.id(&format!("{p}.id"), &e.id, &mut seen);
        c.text(&format!("{p}.name"), &e.name);
        c.text(&format!("{p}.description"), &e.description);
    }
    for (i, r) in s.relationships.iter().enumerate() {
        let p = format!("relationships[{i}]");
        c.id(&format!("{p}.id"), &r.id, &mut seen);
        for (field, id) in [("from", &r.from), ("to", &r.to)] {
            if !c.entity_ids.contains(id.as_str()) {
                c.push(format!("{p}.{field}"), "unknown entity id", quoted(id));
            }
        }
        if r.from == r.to {
            c.push(
                format!("{p}.to"),
                "a relationship must link two different entities",
                quoted(&r.to),
            );
        }
        c.text(&format!("{p}.label"), &r.label);
        if let Some(a) = &r.amount {
            c.amount(&format!("{p}.amount"), a);
        }
        if let Some(d) = &r.date {
            c.date(&format!("{p}.date"), d);
        }
        if let Some(n) = &r.note {
            c.text(&format!("{p}.note"), n);
        }
        c.sources(&format!("{p}.sources"), &r.sources);
    }
    for (i, e) in s.events.iter().enumerate() {
        let p = format!("events[{i}]");
        c.id(&format!("{p}.id"), &e.id, &mut seen);
        c.date(&format!("{p}.date"), &e.date);
        c.text(&format!("{p}.title"), &e.title);
        c.text(&format!("{p}.text"), &e.text);
        c.refs(
            &format!("{p}.entities"),
            &e.entities,
            |c| &c.entity_ids,
            "entity",
        );
        c.refs(
            &format!("{p}.relationships"),
            &e.relationships,
            |c| &c.relationship_ids,
            "relationship",
        );
        c.sources(&format!("{p}.sources"), &e.sources);
    }
    for (i, q) in s.quotes.iter().enumerate() {
        let p = format!("quotes[{i}]");
        c.id(&format!("{p}.id"), &q.id, &mut seen);
        c.text(&format!("{p}.speaker"), &q.speaker);
        c.text(&format!("{p}.text"), &q.text);
        c.text(&format!("{p}.place"), &q.place);
        c.date(&format!("{p}.date"), &q.date);
        c.sources(&format!("{p}.source"), std::slice::from_ref(&q.source));
        c.refs(
            &format!("{p}.entities"),
            &q.entities,
            |c| &c.entity_ids,
            "entity",
        );
        c.refs(
            &format!("{p}.relationships"),
            &q.relationships,
            |c| &c.relationship_ids,
            "relationship",
        );
    }
    // `sources` on a single id reports "…source[0]"; name the field itself.
    for pr in c
        .problems
        .iter_mut()
        .filter(|pr| pr.path.ends_with(".source[0]"))
    {
        pr.path.truncate(pr.path.len() - 3);
    }
    for (i, q) in s.questions.iter().enumerate() {
        let p = format!("questions[{i}]");
        c.id(&format!("{p}.id"), &q.id, &mut seen);
        c.text(&format!("{p}.question"), &q.question);
        c.text(&format!("{p}.answer"), &q.answer);
        c.sources(&format!("{p}.sources"), &q.sources);
    }
    if let Some(cmp) = &s.comparison {
        c.text("comparison.title", &cmp.title);
        for (g, group) in cmp.groups.iter().enumerate() {
            let p = format!("comparison.groups[{g}]");
            c.id(&format!("{p}.id"), &group.id, &mut seen);
            c.text(&format!("{p}.label"), &group.label);
            c.text(&format!("{p}.form"), &group.form);
            c.text(&format!("{p}.stake"), &group.stake);
            if let Some(r) = &group.relationship {
                c.refs(
                    &format!("{p}.relationship"),
                    std::slice::from_ref(r),
                    |c| &c.relationship_ids,
                    "relationship",
                );
            }
            for (b, bar) in group.bars.iter().enumerate() {
                let bp = format!("{p}.bars[{b}]");
                c.id(&format!("{bp}.id"), &bar.id, &mut seen);
                c.text(&format!("{bp}.label"), &bar.label);
                c.amount(&format!("{bp}.amount"), &bar.amount);
                if bar.amount.kind == AmountKind::Undisclosed {
                    c.push(
                        format!("{bp}.amount.kind"),
                        "a comparison bar needs a figure",
                        "\"undisclosed\"".into(),
                    );
                } else if bar.amount.unit.is_some_and(|u| u != cmp.unit) {
                    c.push(
                        format!("{bp}.amount.unit"),
                        format!(
                            "every bar must use the comparison's unit ({:?}) so lengths compare",
                            cmp.unit
                        ),
                        format!("{:?}", bar.amount.unit.unwrap()),
                    );
                }
                if let Some(d) = &bar.date {
                    c.date(&format!("{bp}.date"), d);
                }
                if let Some(n) = &bar.note {
                    c.text(&format!("{bp}.note"), n);
                }
                c.sources(&format!("{bp}.sources"), &bar.sources);
            }
        }
    }
    for (i, src) in s.sources.iter().enumerate() {
        let p = format!("sources[{i}]");
        c.id(&format!("{p}.id"), &src.id, &mut seen);
        if src.publisher.trim().is_empty() {
            c.push(format!("{p}.publisher"), "missing publisher", String::new());
        }
        if src.title.trim().is_empty() {
            c.push(format!("{p}.title"), "missing title", String::new());
        }
        if let Some(u) = &src.url {
            c.url(&format!("{p}.url"), u);
        }
        if let Some(d) = &src.date {
            c.date(&format!("{p}.date"), d);
        }
    }
    c.problems
}
