//! Checks a parsed story and reports every problem with its JSON path and value.

use super::index::IdSet;
use super::json::Step;
use super::message::{self as m, Message, Template};
use super::model::*;
use crate::format::{number, plain, Date};
use crate::i18n::Lang;

/// One thing wrong with a story, located by its JSON path.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// Where: `relationships[3].from`.
    pub path: String,
    /// What is wrong, for the editor, in either language.
    pub message: Message,
    /// The offending value as written (JSON-ish), or empty when the value is missing.
    pub value: String,
}

impl Problem {
    /// The whole problem in `lang`: `relationships[3].from: unknown entity id (found "x")`.
    pub fn text(&self, lang: Lang) -> String {
        let colon = crate::i18n::ui(lang).colon;
        let mut out = format!("{}{colon}{}", self.path, self.message.text(lang));
        if !self.value.is_empty() {
            let found = Message::of(&m::FOUND).text(lang);
            out += &format!(" ({found}{colon}{})", self.value);
        }
        out
    }
}

/// In English, for the console and the tests.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

struct Check<'a> {
    problems: Vec<Problem>,
    /// The problems with ids themselves, reported before the rest: a misspelt id makes
    /// every link to it unknown too, and the editor should read the cause first.
    ids: Vec<Problem>,
    /// Notes for the editor that do not stop the story: dates after `as_of`.
    notes: Vec<Problem>,
    /// The story's `as_of`, once read (and as written): each date read after it is compared
    /// with it.
    as_of: Option<(Date, &'a str)>,
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
    fn push(&mut self, at: At<'_>, message: Message, value: String) {
        self.problems.push(Problem {
            path: at.render(),
            message,
            value,
        });
    }

    /// A problem told by a sentence without arguments.
    fn say(&mut self, at: At<'_>, t: &'static Template, value: String) {
        self.push(at, Message::of(t), value);
    }

    fn text(&mut self, at: At<'_>, t: &Text) {
        for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
            if blank(s) {
                self.say(at.key(lang), &m::MISSING_TRANSLATION, String::new());
            }
        }
    }

    /// The date, or a problem at `at` if it is not one; noted if all of it is after `as_of`
    /// (`2026-06` is after `2026-05-31`; `2026` is not): a planned date or a mistyped one
    /// (2062 for 2026), which only the editor can tell apart.
    fn date(&mut self, at: At<'_>, s: &str) -> Option<Date> {
        let date = Date::parse(s);
        match (date, self.as_of) {
            (None, _) => self.say(at, &m::INVALID_DATE, quoted(s)),
            (Some(d), Some((a, text)))
                if (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1))
                    > (a.year, a.month.unwrap_or(12), a.day.unwrap_or(31)) =>
            {
                self.notes.push(Problem {
                    path: at.render(),
                    message: Message::new(&m::AFTER_AS_OF, vec![quoted(text).into()]),
                    value: quoted(s),
                });
            }
            _ => {}
        }
        date
    }

    fn id(&mut self, at: At<'_>, id: &'a str, seen: &mut IdSet<'a>) {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        let wrong = if !ok {
            &m::BAD_ID
        } else if !seen.insert(id) {
            &m::DUPLICATE_ID
        } else {
            return;
        };
        self.ids.push(Problem {
            path: at.render(),
            message: Message::of(wrong),
            value: quoted(id),
        });
    }

    fn refs(
        &mut self,
        at: At<'_>,
        ids: &[String],
        known: fn(&Self) -> &IdSet<'a>,
        what: &'static Template,
    ) {
        for (i, id) in ids.iter().enumerate() {
            self.known(at.index(i), id, known, what);
        }
    }

    /// One reference to an id of another list.
    /// `what` says which list it names (`m::UNKNOWN_SOURCE`).
    fn known(
        &mut self,
        at: At<'_>,
        id: &str,
        known: fn(&Self) -> &IdSet<'a>,
        what: &'static Template,
    ) {
        if !known(self).contains(id) {
            self.say(at, what, quoted(id));
        }
    }

    fn sources(&mut self, at: At<'_>, ids: &[String]) {
        self.refs(at, ids, |c| &c.source_ids, &m::UNKNOWN_SOURCE);
    }

    /// One reference to an entity. With none in the story, every reference is unknown:
    /// the one problem to read, "no entity", is then not buried under a hundred more.
    fn entity(&mut self, at: At<'_>, id: &str) {
        if !self.entity_ids.is_empty() {
            self.known(at, id, |c| &c.entity_ids, &m::UNKNOWN_ENTITY);
        }
    }

    fn entities(&mut self, at: At<'_>, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            self.entity(at.index(i), id);
        }
    }

    fn relationships(&mut self, at: At<'_>, ids: &[String]) {
        self.refs(at, ids, |c| &c.relationship_ids, &m::UNKNOWN_RELATIONSHIP);
    }

    fn figure(&mut self, at: At<'_>, v: Option<f64>, needed: bool, kind: AmountKind) {
        match (v, needed) {
            (None, true) => self.push(
                at,
                Message::new(&m::NEEDED_FOR_KIND, vec![quoted(kind.code()).into()]),
                String::new(),
            ),
            (Some(v), false) => self.push(
                at,
                Message::new(&m::NOT_USED_BY_KIND, vec![quoted(kind.code()).into()]),
                plain(v),
            ),
            (Some(v), true) if !v.is_finite() || v < 0.0 => {
                self.say(at, &m::NOT_A_FIGURE, plain(v))
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
                self.say(
                    at.key("low"),
                    &m::LOW_ABOVE_HIGH,
                    format!("{} > {}", plain(low), plain(high)),
                );
            }
        }
        // A figure past what its unit can hold is a slip of scale (dollars written under
        // `usd_bn`) or of typing, which would otherwise be shown as fact. Figures are shown
        // to the thousandth: one above zero that rounds to 0 there ($400,000 as 0.0004
        // under `usd_bn`) would be shown as nothing at all.
        if let (Some(unit), false) = (a.unit, none) {
            let (most, what) = ceiling(unit);
            for (key, v) in [("value", a.value), ("low", a.low), ("high", a.high)] {
                let Some(v) = v.filter(|v| v.is_finite()) else {
                    continue;
                };
                if v > most {
                    self.push(
                        at.key(key),
                        Message::new(&m::TOO_LARGE, vec![plain(most).into(), what.into()]),
                        plain(v),
                    );
                } else if v > 0.0 && number(v, Lang::En) == "0" {
                    self.say(at.key(key), &m::TOO_SMALL, plain(v));
                }
            }
        }
        match (a.unit, none) {
            (None, false) => self.say(at.key("unit"), &m::MISSING_UNIT, String::new()),
            (Some(u), true) => self.say(at.key("unit"), &m::UNDISCLOSED_UNIT, quoted(u.code())),
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
            self.say(at, &m::BAD_URL, quoted(url));
        }
    }
}

/// The largest figure `unit` can take, and what it stands for: world output is about
/// 110 trillion dollars a year and the world's power plants hold about 9,000 GW.
fn ceiling(unit: Unit) -> (f64, &'static Template) {
    match unit {
        Unit::UsdBn => (100_000.0, &m::WORLD_OUTPUT),
        Unit::UsdM => (100_000_000.0, &m::WORLD_OUTPUT),
        Unit::Gw => (10_000.0, &m::WORLD_POWER),
        Unit::Mw => (10_000_000.0, &m::WORLD_POWER),
        Unit::Pct => (100.0, &m::WHOLE_COMPANY),
    }
}

/// Every problem in `story`; empty when it is fit to show. Problems with the ids themselves
/// (malformed, duplicated) come first, then the rest in the story's order.
pub fn validate(story: &Story) -> Vec<Problem> {
    let mut c = check(story);
    c.ids.append(&mut c.problems);
    c.ids
}

/// What the build tells the editor of a story without stopping it, in the story's order:
/// each date after `as_of`, by its path. A date that is not one is a problem, not a note.
pub fn notices(story: &Story) -> Vec<Problem> {
    check(story).notes
}

/// Walks `story` once, for its problems and its notes.
fn check(story: &Story) -> Check<'_> {
    let mut c = Check {
        problems: Vec::new(),
        ids: Vec::new(),
        notes: Vec::new(),
        as_of: None,
        entity_ids: story.entities.iter().map(|e| e.id.as_str()).collect(),
        relationship_ids: story.relationships.iter().map(|r| r.id.as_str()).collect(),
        source_ids: story.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    let s = story;
    let root = At::ROOT;
    if s.schema_version != 1 {
        c.say(
            root.key("schema_version"),
            &m::SCHEMA_VERSION,
            s.schema_version.to_string(),
        );
    }
    let published = c.date(root.key("published"), &s.published);
    let as_of = c.date(root.key("as_of"), &s.as_of);
    c.as_of = as_of.map(|a| (a, s.as_of.as_str()));
    if let (Some(p), Some(a)) = (published, as_of) {
        if a < p {
            c.say(root.key("as_of"), &m::AS_OF_BEFORE, quoted(&s.as_of));
        }
    }
    c.text(root.key("title"), &s.title);
    c.text(root.key("dek"), &s.dek);
    if s.entities.is_empty() {
        c.say(root.key("entities"), &m::NO_ENTITY, "[]".into());
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
            c.entity(p.key(field), id);
        }
        if r.from == r.to {
            c.say(p.key("to"), &m::SELF_LINK, quoted(&r.to));
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
        c.entities(p.key("entities"), &e.entities);
        c.relationships(p.key("relationships"), &e.relationships);
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
        c.known(
            p.key("source"),
            &q.source,
            |c| &c.source_ids,
            &m::UNKNOWN_SOURCE,
        );
        c.entities(p.key("entities"), &q.entities);
        c.relationships(p.key("relationships"), &q.relationships);
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
                    &m::UNKNOWN_RELATIONSHIP,
                );
            }
            let bars = p.key("bars");
            // Drawn, it was an empty axis, or a group's heading over nothing.
            if group.bars.is_empty() {
                c.say(bars, &m::GROUP_NEEDS_BAR, "[]".into());
            }
            for (b, bar) in group.bars.iter().enumerate() {
                let bp = bars.index(b);
                c.id(bp.key("id"), &bar.id, &mut seen);
                c.text(bp.key("label"), &bar.label);
                let amount = bp.key("amount");
                c.amount(amount, &bar.amount);
                if bar.amount.kind == AmountKind::Undisclosed {
                    c.say(
                        amount.key("kind"),
                        &m::BAR_NEEDS_FIGURE,
                        "\"undisclosed\"".into(),
                    );
                } else if let Some(u) = bar.amount.unit.filter(|u| *u != cmp.unit) {
                    c.push(
                        amount.key("unit"),
                        Message::new(&m::BAR_UNIT, vec![quoted(cmp.unit.code()).into()]),
                        quoted(u.code()),
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
        if blank(&src.publisher) {
            c.say(p.key("publisher"), &m::MISSING_PUBLISHER, String::new());
        }
        if blank(&src.title) {
            c.say(p.key("title"), &m::MISSING_TITLE, String::new());
        }
        if let Some(u) = &src.url {
            c.url(p.key("url"), u);
        }
        if let Some(d) = &src.date {
            c.date(p.key("date"), d);
        }
        if let Some(l) = &src.lang {
            if !is_language_tag(l) {
                c.say(p.key("lang"), &m::BAD_LANG, quoted(l));
            }
        }
    }
    c
}

/// Whether `s` would show as nothing: spaces, or only characters without a glyph (a zero
/// width space or joiner, a direction mark, a byte order mark, a soft hyphen), which a paste
/// from a word processor or a web page can leave in a field that looks empty.
fn blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
    })
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
