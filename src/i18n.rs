//! The two reader languages and every piece of interface text.

use serde::Deserialize;

use crate::story::{Kind, QuestionState, Role, Status, Unit};

/// A reader language. French is the article's, so it is the default.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code set on the widget's root.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a code such as `fr`, `en-GB` or `FR_ca`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (what the switch offers).
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

/// Interface words in one language.
#[derive(Debug)]
pub struct Ui {
    /// The diagram's tab and view title.
    pub diagram: &'static str,
    /// The comparison's tab and view title.
    pub comparison: &'static str,
    /// The timeline's tab and view title.
    pub timeline: &'static str,
    /// The open questions' tab and view title.
    pub questions: &'static str,
    /// The accessible name of the tab list.
    pub views: &'static str,
    /// The panel's close button, as read aloud.
    pub close: &'static str,
    /// The heading of an item's sources.
    pub sources: &'static str,
    /// Said, not shown, after a source link: it opens a new tab.
    pub new_tab: &'static str,
    /// The heading of an item's quotations.
    pub quotes: &'static str,
    /// Marks a quotation translated from its original language.
    pub translation: &'static str,
    /// The diagram legend's title.
    pub legend: &'static str,
    /// The legend's name for the story's headline relationship.
    pub headline_link: &'static str,
    /// The language switch, written in the language it switches to.
    pub switch_to: &'static str,
    /// Marks timeline events after the article's publication.
    pub later: &'static str,
    /// The timeline's rule at the article's publication date.
    pub published_rule: &'static str,
    /// Before the date the facts were last checked.
    pub as_of: &'static str,
    /// The label of a relationship's form (a letter of intent, a stake…).
    pub form: &'static str,
    /// The label of a stake's share.
    pub stake: &'static str,
    /// The heading of the players an event involves.
    pub involves: &'static str,
    /// The heading of a player's relationships in its panel.
    pub links: &'static str,
    /// The error view's heading, for an editor whose story has a mistake.
    pub error_title: &'static str,
    /// Before the path of the story's first mistake.
    pub error_intro: &'static str,
    /// The disclosure listing every mistake of the story.
    pub all_problems: &'static str,
    /// Between a name and what is said of it: French puts a no-break space before the colon.
    pub colon: &'static str,
    /// The caption of the table of every relationship.
    pub table_caption: &'static str,
    /// The table's column of where a relationship starts.
    pub col_from: &'static str,
    /// The table's column of where a relationship goes.
    pub col_to: &'static str,
    /// The table's column of a relationship's kind.
    pub col_kind: &'static str,
    /// The table's column of a relationship's amount.
    pub col_amount: &'static str,
    /// The table's column of a relationship's date.
    pub col_date: &'static str,
    /// The table's column of a relationship's status.
    pub col_status: &'static str,
    /// Under the diagram: what a tap on it gives.
    pub diagram_hint: &'static str,
    /// `diagram_hint` for a story of players without links.
    pub players_hint: &'static str,
    /// In the empty side column of a wide screen: where an item's detail will show.
    pub side_hint: &'static str,
    /// Under the comparison: one scale from zero, and what a tap gives.
    pub chart_hint: &'static str,
    /// Under the timeline: what choosing an event does.
    pub timeline_hint: &'static str,
    /// In place of the date of an item that has none.
    pub no_date: &'static str,
    /// Shown where the explainer cannot answer (no JavaScript): every view follows.
    pub static_note: &'static str,
    /// The heading of the list of every source of the story.
    pub all_sources: &'static str,
}

const FR: Ui = Ui {
    diagram: "Qui finance qui",
    comparison: "Promis ou investi",
    timeline: "Chronologie",
    questions: "Questions ouvertes",
    views: "Vues de l’explication",
    close: "Fermer",
    sources: "Sources",
    new_tab: "(s’ouvre dans un nouvel onglet)",
    quotes: "Citations",
    translation: "traduction",
    legend: "Légende",
    headline_link: "lien principal de l’histoire",
    switch_to: "Read in English",
    later: "Après l’article",
    published_rule: "Publication de l’article",
    as_of: "Faits vérifiés jusqu’au",
    form: "Forme",
    stake: "Participation",
    involves: "Acteurs concernés",
    links: "Liens",
    error_title: "Cette explication ne peut pas s’afficher",
    error_intro: "Les données de l’histoire contiennent une erreur\u{a0}:",
    all_problems: "Tous les problèmes",
    colon: "\u{a0}: ",
    table_caption: "Toutes les relations du schéma",
    col_from: "De",
    col_to: "Vers",
    col_kind: "Nature",
    col_amount: "Montant",
    col_date: "Date",
    col_status: "Statut",
    diagram_hint: "Choisissez un acteur ou un lien pour le détail.",
    players_hint: "Choisissez un acteur pour le détail.",
    side_hint: "Le détail de l’élément que vous choisissez s’affiche ici.",
    chart_hint:
        "Même échelle pour toutes les barres, à partir de zéro. Choisissez une ligne pour ses sources.",
    timeline_hint: "Choisissez un événement pour voir ses acteurs dans le schéma.",
    no_date: "sans date",
    all_sources: "Toutes les sources",
    static_note: "L’interaction n’est pas disponible ici\u{a0}: voici tout le contenu de l’explication.",
};

const EN: Ui = Ui {
    diagram: "Who funds whom",
    comparison: "Promised or invested",
    timeline: "Timeline",
    questions: "Open questions",
    views: "Explainer views",
    close: "Close",
    sources: "Sources",
    new_tab: "(opens in a new tab)",
    quotes: "Quotes",
    translation: "translation",
    legend: "Legend",
    headline_link: "main link of the story",
    switch_to: "Lire en français",
    later: "After the article",
    published_rule: "Article published",
    as_of: "Facts checked up to",
    form: "Form",
    stake: "Stake",
    involves: "Players involved",
    links: "Links",
    error_title: "This explainer cannot be shown",
    error_intro: "The story data has an error:",
    all_problems: "All problems",
    colon: ": ",
    table_caption: "Every relationship in the diagram",
    col_from: "From",
    col_to: "To",
    col_kind: "Kind",
    col_amount: "Amount",
    col_date: "Date",
    col_status: "Status",
    diagram_hint: "Choose a player or a link for details.",
    players_hint: "Choose a player for details.",
    side_hint: "The details of the item you choose appear here.",
    chart_hint: "One scale for every bar, starting at zero. Choose a row for its sources.",
    timeline_hint: "Choose an event to see its players in the diagram.",
    no_date: "undated",
    all_sources: "All sources",
    static_note: "Interaction is not available here: this is the explainer’s whole content.",
};

/// The interface words for `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// What the figures on an axis in `unit` count, as its caption says it: "milliards de
/// dollars", "gigawatts (GW)".
pub fn unit_caption(unit: Unit, lang: Lang) -> &'static str {
    match (lang, unit) {
        (Lang::Fr, Unit::UsdBn) => "milliards de dollars",
        (Lang::Fr, Unit::UsdM) => "millions de dollars",
        (Lang::Fr, Unit::Gw) => "gigawatts (GW)",
        (Lang::Fr, Unit::Mw) => "mégawatts (MW)",
        (Lang::Fr, Unit::Pct) => "pour cent (%)",
        (Lang::En, Unit::UsdBn) => "billions of dollars",
        (Lang::En, Unit::UsdM) => "millions of dollars",
        (Lang::En, Unit::Gw) => "gigawatts (GW)",
        (Lang::En, Unit::Mw) => "megawatts (MW)",
        (Lang::En, Unit::Pct) => "percent (%)",
    }
}

/// A role as a noun for one entity ("chipmaker").
pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match (lang, role) {
        (Lang::Fr, Role::Chipmaker) => "fabricant de puces",
        (Lang::Fr, Role::Lab) => "laboratoire d’IA",
        (Lang::Fr, Role::Hyperscaler) => "géant du cloud",
        (Lang::Fr, Role::Investor) => "investisseur",
        (Lang::Fr, Role::State) => "État ou fonds souverain",
        (Lang::En, Role::Chipmaker) => "chipmaker",
        (Lang::En, Role::Lab) => "AI lab",
        (Lang::En, Role::Hyperscaler) => "hyperscaler",
        (Lang::En, Role::Investor) => "investor",
        (Lang::En, Role::State) => "state or sovereign fund",
    }
}

/// A role as a band heading ("Chipmakers").
pub fn role_heading(role: Role, lang: Lang) -> &'static str {
    match (lang, role) {
        (Lang::Fr, Role::Chipmaker) => "Puces",
        (Lang::Fr, Role::Lab) => "Labos d’IA",
        (Lang::Fr, Role::Hyperscaler) => "Cloud",
        (Lang::Fr, Role::Investor) => "Investisseurs",
        (Lang::Fr, Role::State) => "États, fonds",
        (Lang::En, Role::Chipmaker) => "Chips",
        (Lang::En, Role::Lab) => "AI labs",
        (Lang::En, Role::Hyperscaler) => "Cloud",
        (Lang::En, Role::Investor) => "Investors",
        (Lang::En, Role::State) => "States, funds",
    }
}

/// A relationship kind in words ("investment").
pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    match (lang, kind) {
        (Lang::Fr, Kind::Investment) => "investissement",
        (Lang::Fr, Kind::ChipSupply) => "fourniture de puces",
        (Lang::Fr, Kind::CloudCompute) => "achat de calcul (cloud)",
        (Lang::Fr, Kind::Partnership) => "partenariat",
        (Lang::Fr, Kind::Competition) => "concurrence",
        (Lang::En, Kind::Investment) => "investment",
        (Lang::En, Kind::ChipSupply) => "chip supply",
        (Lang::En, Kind::CloudCompute) => "cloud compute",
        (Lang::En, Kind::Partnership) => "partnership",
        (Lang::En, Kind::Competition) => "competition",
    }
}

/// A status worded for readers.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match (lang, status) {
        (Lang::Fr, Status::Confirmed) => "confirmé",
        (Lang::Fr, Status::Reported) => "selon la presse",
        (Lang::Fr, Status::Unverified) => "non vérifié",
        (Lang::Fr, Status::Pledged) => "promesse",
        (Lang::Fr, Status::Superseded) => "remplacé",
        (Lang::En, Status::Confirmed) => "confirmed",
        (Lang::En, Status::Reported) => "reported",
        (Lang::En, Status::Unverified) => "unverified",
        (Lang::En, Status::Pledged) => "pledged",
        (Lang::En, Status::Superseded) => "superseded",
    }
}

/// A question's state worded for readers.
pub fn question_state_name(state: QuestionState, lang: Lang) -> &'static str {
    match (lang, state) {
        (Lang::Fr, QuestionState::Answered) => "réponse connue",
        (Lang::Fr, QuestionState::Partly) => "réponse partielle",
        (Lang::Fr, QuestionState::Open) => "toujours ouverte",
        (Lang::En, QuestionState::Answered) => "answered",
        (Lang::En, QuestionState::Partly) => "partly answered",
        (Lang::En, QuestionState::Open) => "still open",
    }
}
