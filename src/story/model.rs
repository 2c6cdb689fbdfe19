//! The story's typed model, as the JSON file spells it.
//!
//! Every struct refuses unknown fields, so a typo such as `amout` is an error naming the
//! field instead of a figure that silently disappears.

use serde::Deserialize;

use super::index::IdIndex;
use crate::i18n::Lang;

/// A reader-facing text in both languages. Missing halves default to empty so the
/// validator can name them (`…description.en`) instead of serde stopping at the first.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// French text, with French no-break spaces (see [`crate::format::french_spacing`]).
    #[serde(default, deserialize_with = "french")]
    pub fr: String,
    /// English text, a number kept with its word (see [`crate::format::english_spacing`]).
    #[serde(default, deserialize_with = "english")]
    pub en: String,
}

/// Reads a French text and puts in the no-break spaces its editor typed as plain ones, so
/// every story gets them, in the pre-rendered HTML and the browser alike.
fn french<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d).map(crate::format::french_spacing)
}

/// [`french`] for an English text.
fn english<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d).map(crate::format::english_spacing)
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }
}

/// What an entity is, which decides its band in the diagram.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Designs or makes chips.
    Chipmaker,
    /// Builds AI models.
    Lab,
    /// Sells cloud computing at scale.
    Hyperscaler,
    /// Invests money (funds, joint ventures, foundations).
    Investor,
    /// A state or a sovereign fund.
    State,
}

impl Role {
    /// Every role, in band order.
    pub const ALL: [Role; 5] = [
        Role::Chipmaker,
        Role::Lab,
        Role::Hyperscaler,
        Role::Investor,
        Role::State,
    ];
}

/// The kind of a relationship, drawn with its own colour, dash and arrowhead.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Money for shares or a stake.
    Investment,
    /// Chips or systems sold or deployed.
    ChipSupply,
    /// Cloud computing bought.
    CloudCompute,
    /// A licence, an agreement, a joint project.
    Partnership,
    /// Rivals (no direction).
    Competition,
}

impl Kind {
    /// Every kind, in legend order.
    pub const ALL: [Kind; 5] = [
        Kind::Investment,
        Kind::ChipSupply,
        Kind::CloudCompute,
        Kind::Partnership,
        Kind::Competition,
    ];
}

/// How well a fact is established.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A company statement, a filing, or on-record remarks.
    Confirmed,
    /// Reported by a named outlet with anonymous sources.
    Reported,
    /// Only the article says so.
    Unverified,
    /// Announced as an intention, not binding.
    Pledged,
    /// Was true, then replaced by something else.
    Superseded,
}

impl Status {
    /// Its name in the story JSON (`reported`), also its CSS class suffix.
    pub fn code(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Reported => "reported",
            Status::Unverified => "unverified",
            Status::Pledged => "pledged",
            Status::Superseded => "superseded",
        }
    }
}

/// How a figure is bounded.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    /// Exactly `value`.
    Exact,
    /// About `value`.
    Approx,
    /// A ceiling: at most `value`.
    UpTo,
    /// A floor: at least `value`.
    AtLeast,
    /// Between `low` and `high`.
    Range,
    /// Known to exist, figure not published.
    Undisclosed,
}

impl AmountKind {
    /// Its name in the story JSON (`up_to`), which the editor's messages quote.
    pub fn code(self) -> &'static str {
        match self {
            AmountKind::Exact => "exact",
            AmountKind::Approx => "approx",
            AmountKind::UpTo => "up_to",
            AmountKind::AtLeast => "at_least",
            AmountKind::Range => "range",
            AmountKind::Undisclosed => "undisclosed",
        }
    }
}

/// The unit a figure is written in.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum Unit {
    /// Billions of US dollars.
    #[serde(rename = "usd_bn")]
    UsdBn,
    /// Millions of US dollars.
    #[serde(rename = "usd_m")]
    UsdM,
    /// Gigawatts.
    #[serde(rename = "gw")]
    Gw,
    /// Megawatts.
    #[serde(rename = "mw")]
    Mw,
    /// A percentage (of a company).
    #[serde(rename = "pct")]
    Pct,
}

impl Unit {
    /// Its name in the story JSON (`usd_bn`), which the editor's messages quote.
    pub fn code(self) -> &'static str {
        match self {
            Unit::UsdBn => "usd_bn",
            Unit::UsdM => "usd_m",
            Unit::Gw => "gw",
            Unit::Mw => "mw",
            Unit::Pct => "pct",
        }
    }
}

/// A figure: which fields it needs depends on `kind` (the validator checks).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// How the figure is bounded.
    pub kind: AmountKind,
    /// The figure, for every kind but `range` and `undisclosed`.
    pub value: Option<f64>,
    /// Lower bound of a `range`.
    pub low: Option<f64>,
    /// Upper bound of a `range`.
    pub high: Option<f64>,
    /// Unit of the figures (not for `undisclosed`).
    pub unit: Option<Unit>,
}

impl Amount {
    /// The `(low, high)` extent on a scale from zero, if the amount has figures.
    pub fn extent(&self) -> Option<(f64, f64)> {
        match self.kind {
            AmountKind::Range => Some((self.low?, self.high?)),
            AmountKind::Undisclosed => None,
            _ => self.value.map(|v| (v, v)),
        }
    }
}

/// A company, lab, fund or state.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Stable id (used in deep links).
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Band in the diagram.
    pub role: Role,
    /// One sentence on what it is.
    pub description: Text,
}

/// A directed link between two entities (competition is drawn without direction).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// Stable id (used in deep links).
    pub id: String,
    /// Entity id the relationship goes from.
    pub from: String,
    /// Entity id it goes to.
    pub to: String,
    /// What kind of link.
    pub kind: Kind,
    /// A short name for it ("Letter of intent").
    pub label: Text,
    /// The figure, if any.
    pub amount: Option<Amount>,
    /// ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// How well established.
    pub status: Status,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Context a reader needs.
    pub note: Option<Text>,
    /// Drawn heavier: the story's main links.
    #[serde(default)]
    pub headline: bool,
}

/// A dated event on the timeline.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// ISO date, possibly partial.
    pub date: String,
    /// Headline of the event.
    pub title: Text,
    /// One or two sentences.
    pub text: Text,
    /// How well established.
    pub status: Status,
    /// Entities involved (lit in the diagram).
    #[serde(default)]
    pub entities: Vec<String>,
    /// Relationships involved (lit in the diagram).
    #[serde(default)]
    pub relationships: Vec<String>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// An attributed quotation.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Stable id.
    pub id: String,
    /// Who said or wrote it.
    pub speaker: Text,
    /// The language it was said in; the other language's text is a translation.
    pub lang: Lang,
    /// The words.
    pub text: Text,
    /// ISO date, possibly partial.
    pub date: String,
    /// Where it was said.
    pub place: Text,
    /// Source id.
    pub source: String,
    /// Entities it is about (shown in their panels).
    #[serde(default)]
    pub entities: Vec<String>,
    /// Relationships it is about (shown in their panels).
    #[serde(default)]
    pub relationships: Vec<String>,
}

/// Whether an open question has been answered since the article.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QuestionState {
    /// Later facts answer it.
    Answered,
    /// Partly answered.
    Partly,
    /// Still open.
    Open,
}

impl QuestionState {
    /// Its name in the story JSON (`partly`), also its CSS class suffix.
    pub fn code(self) -> &'static str {
        match self {
            QuestionState::Answered => "answered",
            QuestionState::Partly => "partly",
            QuestionState::Open => "open",
        }
    }
}

/// One of the article's open questions.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id.
    pub id: String,
    /// The question as the article asked it.
    pub question: Text,
    /// What is known as of the story's date.
    pub answer: Text,
    /// Answered, partly, open.
    pub state: QuestionState,
    /// How well established the answer is.
    pub status: Status,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One bar or band of the comparison.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// Stable id.
    pub id: String,
    /// What the figure is.
    pub label: Text,
    /// The figure, in the comparison's unit.
    pub amount: Amount,
    /// How well established.
    pub status: Status,
    /// ISO date.
    pub date: Option<String>,
    /// Caveat for readers.
    pub note: Option<Text>,
    /// Source ids.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One side of the comparison (an investor in a company).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable id.
    pub id: String,
    /// "Nvidia → OpenAI".
    pub label: Text,
    /// The relationship it stands for, if any.
    pub relationship: Option<String>,
    /// What form the money takes.
    pub form: Text,
    /// What stake it bought.
    pub stake: Text,
    /// Its figures.
    pub bars: Vec<Bar>,
}

/// Investments compared on one shared axis.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// Heading.
    pub title: Text,
    /// The one unit every bar uses, so lengths compare honestly.
    pub unit: Unit,
    /// The sides compared.
    pub groups: Vec<Group>,
}

/// A publication backing a fact.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Its title, in its own language.
    pub title: String,
    /// http(s) address, when known.
    pub url: Option<String>,
    /// ISO date.
    pub date: Option<String>,
    /// The title's language (a tag such as `en` or `fr-CA`), so that screen readers read
    /// an English title on a French page with an English voice. Absent: the page's.
    #[serde(default)]
    pub lang: Option<String>,
}

/// The whole story.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Schema version (1).
    pub schema_version: u32,
    /// The article's publication date.
    pub published: String,
    /// Facts are checked up to this date.
    pub as_of: String,
    /// Headline.
    pub title: Text,
    /// Standfirst.
    pub dek: Text,
    /// Nodes of the diagram.
    pub entities: Vec<Entity>,
    /// Edges of the diagram.
    pub relationships: Vec<Relationship>,
    /// The timeline.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Attributed quotations.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// The article's open questions.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// The investment comparison, if the story has one.
    pub comparison: Option<Comparison>,
    /// Every source cited.
    pub sources: Vec<Source>,
    #[serde(skip)]
    entity_ids: IdIndex,
    #[serde(skip)]
    relationship_ids: IdIndex,
}

/// Stories compare by identity. Components take the story as an `Rc<Story>` prop, and a
/// story is read once and shared, so a component is handed another one only when it changed.
/// Identity is what `Rc`'s equality checks first for an `Eq` value; the derived
/// field-by-field comparison behind it ran only for two different readings, which this
/// treats as different stories (a re-render at worst), and cost 0.9 KB of gzipped WASM.
impl PartialEq for Story {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Story {}

impl Story {
    /// The position in `entities` of the entity with `id`.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        let list = &self.entities;
        self.entity_ids.find(list.len(), &|i| &list[i].id, id)
    }
    /// The entity with `id`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index(id).map(|i| &self.entities[i])
    }
    /// The relationship with `id`.
    pub fn relationship(&self, id: &str) -> Option<&Relationship> {
        let list = &self.relationships;
        let i = self
            .relationship_ids
            .find(list.len(), &|i| &list[i].id, id)?;
        Some(&list[i])
    }
    /// The source with `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// The event with `id`.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
    /// The players event `e` involves: those it names, then the ends of the relationships
    /// it names that it does not (an editor who listed a deal and not its two sides), each
    /// once. What the diagram lights for it, and what its panel lists, so a lit line never
    /// joins two dimmed boxes.
    pub fn players<'a>(&'a self, e: &'a Event) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::with_capacity(e.entities.len());
        let ends = e
            .relationships
            .iter()
            .filter_map(|r| self.relationship(r))
            .flat_map(|r| [r.from.as_str(), r.to.as_str()]);
        for id in e.entities.iter().map(String::as_str).chain(ends) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
    /// The comparison bar with `id`, with its group.
    pub fn bar(&self, id: &str) -> Option<(&Group, &Bar)> {
        self.comparison
            .iter()
            .flat_map(|c| &c.groups)
            .find_map(|g| g.bars.iter().find(|b| b.id == id).map(|b| (g, b)))
    }
}
