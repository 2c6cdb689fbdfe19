//! Checks a parsed story and reports every problem with its JSON path and value.

use super::index::IdSet;
use super::json::Step;
use super::model::*;
use crate::format::{plain, Date};

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
    problems: Vec<Problem>,
    entity_ids: IdSet<'a>,
    relationship_ids: IdSet<'a>,
    source_ids: IdSet<'a>,
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// A JSON path, written out only when a problem is reported there: a valid story of 800
/// items would otherwise format some 6,000 paths for nothing (a fifth of reading it).
#[derive(Clone, Copy)]
struct At<'p> {
    parent: Option<&'p At<'p>>,
    /// None at the root.
    step: Option<Step<'static>>,
}

impl<'p> At<'p> {
    const ROOT: At<'static> = At {
        parent: None,
        step: None,
    };

    /// The member `key` of this object.
    fn key(&'p self, key: &'static str) -> At<'p> {
        At {
            parent: Some(self),
            step: Some(Step::Key(key)),
        }
    }

    /// The item `i` of this list.
    fn index(&'p self, i: usize) -> At<'p> {
        At {
            parent: Some(self),
            step: Some(Step::Index(i)),
        }
    }

    /// `relationships[3].amount.low`.
    fn render(&self) -> String {
        let mut out = self.parent.map(At::render).unwrap_or_default();
        if let Some(step) = self.step {
            step.write(&mut out);
        }
        out
    }
}

impl<'a> Check<'a> {
    fn push(&mut self, at: At<'_>, message: impl Into<String>, value: String) {
        self.problems.push(Problem {
            path: at.render(),
            message: message.into(),
            value,
        });
    }

    fn text(&mut self, at: At<'_>, t: &Text) {
        for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
            if s.trim().is_empty() {
                self.push(at.key(lang), "missing translation", String::new());
            }
        }
    }

    /// The date, or a problem at `at` if it is not one.
    fn date(&mut self, at: At<'_>, s: &str) -> Option<Date> {
        let date = Date::parse(s);
        if date.is_none() {
            self.push(
                at,
                "invalid date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
                quoted(s),
            );
        }
        date
    }

    fn id(&mut self, at: At<'_>, id: &'a str, seen: &mut IdSet<'a>) {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            self.push(
                at,
                "id must be lowercase letters, digits, - or _ (it appears in links)",
                quoted(id),
            );
        } else if !seen.insert(id) {
            self.push(
                at,
                "duplicate id (ids are shared by all lists because links use them)",
                quoted(id),
            );
        }
    }

    fn refs(&mut self, at: At<'_>, ids: &[String], known: fn(&Self) -> &IdSet<'a>, what: &str) {
        for (i, id) in ids.iter().enumerate() {
            self.known(at.index(i), id, known, what);
        }
    }

    /// One reference to an id of another list.
    fn known(&mut self, at: At<'_>, id: &str, known: fn(&Self) -> &IdSet<'a>, what: &str) {
        if !known(self).contains(id) {
            self.push(at, format!("unknown {what} id"), quoted(id));
        }
    }

    fn sources(&mut self, at: At<'_>, ids: &[String]) {
        self.refs(at, ids, |c| &c.source_ids, "source");
    }

    fn figure(&mut self, at: At<'_>, v: Option<f64>, needed: bool, kind: AmountKind) {
        match (v, needed) {
            (None, true) => self.push(
                at,
                format!("missing: needed for kind {kind:?}"),
                String::new(),
            ),
            (Some(v), false) => self.push(
                at,
                format!("not used by kind {kind:?}: remove it or change the kind"),
                plain(v),
            ),
            (Some(v), true) if !v.is_finite() || v < 0.0 => {
                self.push(at, "must be a finite, non-negative number", plain(v))
            }
            _ => {}
        }
    }

    fn amount(&mut self, at: At<'_>, a: &Amount) {
        let range = a.kind == AmountKind::Range;
        let none = a.kind == AmountKind::Undisclosed;
        self.figure(at.key("value"), a.value, !range && !none, a.kind);
        self.figure(at.key("low"), a.low, range, a.kind);
        self.figure(at.key("high"), a.high, range, a.kind);
        if let (true, Some(low), Some(high)) = (range, a.low, a.high) {
            if low > high {
                self.push(
                    at.key("low"),
                    "range low is greater than high",
                    format!("{} > {}", plain(low), plain(high)),
                );
            }
        }
        // A figure past what its unit can hold is a slip of scale (dollars written under
        // `usd_bn`) or of typing, which would otherwise be shown as fact.
        if let (Some(unit), false) = (a.unit, none) {
            let (most, what) = ceiling(unit);
            for (key, v) in [("value", a.value), ("low", a.low), ("high", a.high)] {
                if let Some(v) = v.filter(|v| v.is_finite() && *v > most) {
                    self.push(
                        at.key(key),
                        format!(
                            "too large for its unit: at most {} ({what}); check the unit",
                            plain(most)
                        ),
                        plain(v),
                    );
                }
            }
        }
        match (a.unit, none) {
            (None, false) => self.push(at.key("unit"), "missing unit", String::new()),
            (Some(u), true) => self.push(
                at.key("unit"),
                "an undisclosed amount has no unit",
                format!("{u:?}"),
            ),
            _ => {}
        }
    }

    fn url(&mut self, at: At<'_>, url: &str) {
        let lower = url.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"));
        if !rest.is_some_and(|r| {
            !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace)
        }) {
            self.push(
                at,
                "address must start with http:// or https:// and name a host",
                quoted(url),
            );
        }
    }
}

/// The largest figure `unit` can take, and what it stands for: world output is about
/// 110 trillion dollars a year and the world's power plants hold about 9,000 GW.
fn ceiling(unit: Unit) -> (f64, &'static str) {
    match unit {
        Unit::UsdBn => (100_000.0, "100 trillion dollars"),
        Unit::UsdM => (100_000_000.0, "100 trillion dollars"),
        Unit::Gw => (10_000.0, "more than the world's power plants"),
        Unit::Mw => (10_000_000.0, "more than the world's power plants"),
        Unit::Pct => (100.0, "the whole company"),
    }
}

/// Every problem in `story`; empty when it is fit to show.
pub fn validate(story: &Story) -> Vec<Problem> {
    let mut c = Check {
        problems: Vec::new(),
        entity_ids: story.entities.iter().map(|e| e.id.as_str()).collect(),
        relationship_ids: story.relationships.iter().map(|r| r.id.as_str()).collect(),
        source_ids: story.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    let s = story;
    let root = At::ROOT;
    if s.schema_version != 1 {
        c.push(
            root.key("schema_version"),
            "unsupported schema version (expected 1)",
            s.schema_version.to_string(),
        );
    }
    let published = c.date(root.key("published"), &s.published);
    let as_of = c.date(root.key("as_of"), &s.as_of);
    if let (Some(p), Some(a)) = (published, as_of) {
        if a < p {
            c.push(
                root.key("as_of"),
                "the as-of date is before the publication date",
                quoted(&s.as_of),
            );
        }
    }
    c.text(root.key("title"), &s.title);
    c.text(root.key("dek"), &s.dek);
    if s.entities.is_empty() {
        c.push(
            root.key("entities"),
            "the story needs at least one entity",
            "[]".into(),
        );
    }

    let mut seen = IdSet::default();
    let list = root.key("entities");
    for (i, e) in s.entities.iter().enumerate() {
        let p = list.index(i);
        c.id(p.key("id"), &e.id, &mut seen);
        c.text(p.key("name"), &e.name);
        c.text(p.key("description"), &e.description);
    }
    let list = root.key("relationships");
    for (i, r) in s.relationships.iter().enumerate() {
        let p = list.index(i);
        c.id(p.key("id"), &r.id, &mut seen);
        for (field, id) in [("from", &r.from), ("to", &r.to)] {
            c.known(p.key(field), id, |c| &c.entity_ids, "entity");
        }
        if r.from == r.to {
            c.push(
                p.key("to"),
                "a relationship must link two different entities",
                quoted(&r.to),
            );
        }
        c.text(p.key("label"), &r.label);
        if let Some(a) = &r.amount {
            c.amount(p.key("amount"), a);
        }
        if let Some(d) = &r.date {
            c.date(p.key("date"), d);
        }
        if let Some(n) = &r.note {
            c.text(p.key("note"), n);
        }
        c.sources(p.key("sources"), &r.sources);
    }
    let list = root.key("events");
    for (i, e) in s.events.iter().enumerate() {
        let p = list.index(i);
        c.id(p.key("id"), &e.id, &mut seen);
        c.date(p.key("date"), &e.date);
        c.text(p.key("title"), &e.title);
        c.text(p.key("text"), &e.text);
        c.refs(p.key("entities"), &e.entities, |c| &c.entity_ids, "entity");
        c.refs(
            p.key("relationships"),
            &e.relationships,
            |c| &c.relationship_ids,
            "relationship",
        );
        c.sources(p.key("sources"), &e.sources);
    }
    let list = root.key("quotes");
    for (i, q) in s.quotes.iter().enumerate() {
        let p = list.index(i);
        c.id(p.key("id"), &q.id, &mut seen);
        c.text(p.key("speaker"), &q.speaker);
        c.text(p.key("text"), &q.text);
        c.text(p.key("place"), &q.place);
        c.date(p.key("date"), &q.date);
        c.known(p.key("source"), &q.source, |c| &c.source_ids, "source");
        c.refs(p.key("entities"), &q.entities, |c| &c.entity_ids, "entity");
        c.refs(
            p.key("relationships"),
            &q.relationships,
            |c| &c.relationship_ids,
            "relationship",
        );
    }
    let list = root.key("questions");
    for (i, q) in s.questions.iter().enumerate() {
        let p = list.index(i);
        c.id(p.key("id"), &q.id, &mut seen);
        c.text(p.key("question"), &q.question);
        c.text(p.key("answer"), &q.answer);
        c.sources(p.key("sources"), &q.sources);
    }
    if let Some(cmp) = &s.comparison {
        let at = root.key("comparison");
        c.text(at.key("title"), &cmp.title);
        let groups = at.key("groups");
        for (g, group) in cmp.groups.iter().enumerate() {
            let p = groups.index(g);
            c.id(p.key("id"), &group.id, &mut seen);
            c.text(p.key("label"), &group.label);
            c.text(p.key("form"), &group.form);
            c.text(p.key("stake"), &group.stake);
            if let Some(r) = &group.relationship {
                c.known(
                    p.key("relationship"),
                    r,
                    |c| &c.relationship_ids,
                    "relationship",
                );
            }
            let bars = p.key("bars");
            for (b, bar) in group.bars.iter().enumerate() {
                let bp = bars.index(b);
                c.id(bp.key("id"), &bar.id, &mut seen);
                c.text(bp.key("label"), &bar.label);
                let amount = bp.key("amount");
                c.amount(amount, &bar.amount);
                if bar.amount.kind == AmountKind::Undisclosed {
                    c.push(
                        amount.key("kind"),
                        "a comparison bar needs a figure",
                        "\"undisclosed\"".into(),
                    );
                } else if let Some(u) = bar.amount.unit.filter(|u| *u != cmp.unit) {
                    c.push(
                        amount.key("unit"),
                        format!(
                            "every bar must use the comparison's unit ({:?}) so lengths compare",
                            cmp.unit
                        ),
                        format!("{u:?}"),
                    );
                }
                if let Some(d) = &bar.date {
                    c.date(bp.key("date"), d);
                }
                if let Some(n) = &bar.note {
                    c.text(bp.key("note"), n);
                }
                c.sources(bp.key("sources"), &bar.sources);
            }
        }
    }
    let list = root.key("sources");
    for (i, src) in s.sources.iter().enumerate() {
        let p = list.index(i);
        c.id(p.key("id"), &src.id, &mut seen);
        if src.publisher.trim().is_empty() {
            c.push(p.key("publisher"), "missing publisher", String::new());
        }
        if src.title.trim().is_empty() {
            c.push(p.key("title"), "missing title", String::new());
        }
        if let Some(u) = &src.url {
            c.url(p.key("url"), u);
        }
        if let Some(d) = &src.date {
            c.date(p.key("date"), d);
        }
        if let Some(l) = &src.lang {
            if !is_language_tag(l) {
                c.push(
                    p.key("lang"),
                    "not a language tag such as en or fr-CA",
                    quoted(l),
                );
            }
        }
    }
    c.problems
}

/// A BCP 47 tag as far as a `lang` attribute needs: a 2–3 letter language, then subtags of
/// 1–8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or_default();
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
