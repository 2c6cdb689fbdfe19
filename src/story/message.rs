//! What the editor reads when a story is wrong, in French and in English.
//!
//! The reader and the validator do not know the language the explainer shows (a reader can
//! switch it), so they build a [`Message`]: a [`Template`] and what the story wrote. The
//! error view writes it out in the explainer's language; `Display` writes English, for the
//! console and the tests.

use std::fmt;

use crate::i18n::Lang;

/// One sentence in both languages, with `{0}`, `{1}`… where its arguments go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// English.
    pub en: &'static str,
    /// French.
    pub fr: &'static str,
}

/// What fills a hole of a [`Template`].
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text as the story wrote it (a field name, an id, a number), the same in both languages.
    Raw(String),
    /// Words of ours, translated like the sentence around them.
    Msg(Message),
}

/// A message for the editor, to be written out in either language.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    template: &'static Template,
    args: Vec<Arg>,
}

impl Message {
    /// `template` with `args` in its holes, in order.
    pub fn new(template: &'static Template, args: Vec<Arg>) -> Self {
        Message { template, args }
    }

    /// A sentence without arguments.
    pub fn of(template: &'static Template) -> Self {
        Message::new(template, Vec::new())
    }

    /// Its template, to tell one message from another.
    pub fn template(&self) -> &'static Template {
        self.template
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let t = match lang {
            Lang::Fr => self.template.fr,
            Lang::En => self.template.en,
        };
        let mut out = String::with_capacity(t.len());
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let hole = rest
                .as_bytes()
                .get(i + 1)
                .map(|b| b.wrapping_sub(b'0') as usize);
            match (hole, rest.as_bytes().get(i + 2)) {
                (Some(n), Some(b'}')) if n < 10 => {
                    match self.args.get(n) {
                        Some(Arg::Raw(s)) => out.push_str(s),
                        Some(Arg::Msg(m)) => out.push_str(&m.text(lang)),
                        None => {}
                    }
                    rest = &rest[i + 3..];
                }
                // A brace that is no hole (`{ … }` in "an object { … }") is text.
                _ => {
                    out.push('{');
                    rest = &rest[i + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Raw(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Raw(s)
    }
}

impl From<&'static Template> for Arg {
    fn from(t: &'static Template) -> Self {
        Arg::Msg(Message::of(t))
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Msg(m)
    }
}

macro_rules! templates {
    ($($(#[$doc:meta])* $name:ident: $en:literal, $fr:literal;)*) => {
        $($(#[$doc])* pub const $name: Template = Template { en: $en, fr: $fr };)*
        /// Every template, for the tests that hold the two languages together.
        pub const ALL: &[Template] = &[$($name),*];
    };
}

templates! {
    // The validator: a story that reads but says something wrong.
    /// An empty half of a text.
    MISSING_TRANSLATION: "missing translation", "traduction manquante";
    /// Not a date.
    INVALID_DATE: "invalid date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real day)",
        "date invalide (attendu\u{a0}: AAAA, AAAA-MM ou AAAA-MM-JJ, un jour qui existe)";
    /// An id with other characters.
    BAD_ID: "id must be lowercase letters, digits, - or _ (it appears in links)",
        "un id ne prend que des minuscules, des chiffres, - ou _ (il figure dans les liens)";
    /// An id used twice.
    DUPLICATE_ID: "duplicate id (ids are shared by all lists because links use them)",
        "id en double (toutes les listes partagent leurs id, car les liens s’en servent)";
    /// A reference to no entity.
    UNKNOWN_ENTITY: "unknown entity id", "id d’entité inconnu";
    /// A reference to no relationship.
    UNKNOWN_RELATIONSHIP: "unknown relationship id", "id de relation inconnu";
    /// A reference to no source.
    UNKNOWN_SOURCE: "unknown source id", "id de source inconnu";
    /// A figure its amount's kind needs: `{0}` the kind.
    NEEDED_FOR_KIND: "missing: needed for kind {0}", "manquant\u{a0}: requis pour le type {0}";
    /// A figure its amount's kind does not use: `{0}` the kind.
    NOT_USED_BY_KIND: "not used by kind {0}: remove it or change the kind",
        "inutile pour le type {0}\u{a0}: retirez-le ou changez de type";
    /// A negative or infinite figure.
    NOT_A_FIGURE: "must be a finite, non-negative number", "doit être un nombre fini, positif ou nul";
    /// A range upside down.
    LOW_ABOVE_HIGH: "range low is greater than high", "le bas de la fourchette dépasse le haut";
    /// A figure past its unit's ceiling: `{0}` the ceiling, `{1}` what it stands for.
    TOO_LARGE: "too large for its unit: at most {0} ({1}); check the unit",
        "trop grand pour son unité\u{a0}: au plus {0} ({1})\u{a0}; vérifiez l’unité";
    /// A figure above zero that rounds to 0 in the thousandths the explainer shows.
    TOO_SMALL: "too small for its unit: it would show as 0; write it in a smaller unit",
        "trop petit pour son unité\u{a0}: il s’afficherait 0\u{a0}; écrivez-le dans une unité plus petite";
    /// What 100,000 billion dollars stands for.
    WORLD_OUTPUT: "100 trillion dollars", "100\u{a0}000\u{a0}milliards de dollars";
    /// What 10,000 GW stands for.
    WORLD_POWER: "more than the world's power plants", "plus que toutes les centrales du monde";
    /// What 100 % stands for.
    WHOLE_COMPANY: "the whole company", "toute l’entreprise";
    /// An amount without its unit.
    MISSING_UNIT: "missing unit", "unité manquante";
    /// An undisclosed amount with a unit.
    UNDISCLOSED_UNIT: "an undisclosed amount has no unit", "un montant non divulgué n’a pas d’unité";
    /// A source address that is not one.
    BAD_URL: "address must start with http:// or https:// and name a host",
        "l’adresse doit commencer par http:// ou https:// et nommer un hôte";
    /// Another schema.
    SCHEMA_VERSION: "unsupported schema version (expected 1)", "version de schéma non prise en charge (attendu\u{a0}: 1)";
    /// Checked before published.
    AS_OF_BEFORE: "the as-of date is before the publication date",
        "la date de vérification précède la date de publication";
    /// A date after `as_of` (a note, not a mistake): `{0}` the as-of date.
    AFTER_AS_OF: "after the as-of date, {0}: a planned date, or a typing mistake?",
        "postérieure à la date de vérification, {0}\u{a0}: une date prévue, ou une faute de frappe\u{a0}?";
    /// No entity at all.
    NO_ENTITY: "the story needs at least one entity", "l’histoire doit compter au moins une entité";
    /// A relationship from an entity to itself.
    SELF_LINK: "a relationship must link two different entities",
        "une relation doit relier deux entités différentes";
    /// A comparison group without a bar.
    GROUP_NEEDS_BAR: "a comparison group needs at least one bar",
        "un groupe de comparaison doit compter au moins une barre";
    /// A comparison bar without a figure.
    BAR_NEEDS_FIGURE: "a comparison bar needs a figure", "une barre de comparaison doit avoir un chiffre";
    /// A bar in another unit: `{0}` the comparison's unit.
    BAR_UNIT: "every bar must use the comparison's unit ({0}) so lengths compare",
        "chaque barre doit prendre l’unité de la comparaison ({0}), pour que les longueurs se comparent";
    /// A source without its publisher.
    MISSING_PUBLISHER: "missing publisher", "éditeur manquant";
    /// A source without its title.
    MISSING_TITLE: "missing title", "titre manquant";
    /// Not a BCP 47 tag.
    BAD_LANG: "not a language tag such as en or fr-CA", "pas une étiquette de langue comme en ou fr-CA";

    // The reader: a value that does not fit the schema.
    /// `{0}` in an object that takes no field.
    UNKNOWN_FIELD_NONE: "unknown field \"{0}\": this object takes none",
        "champ inconnu «\u{a0}{0}\u{a0}»\u{a0}: cet objet n’en prend aucun";
    /// `{0}` where the fields are `{1}`.
    UNKNOWN_FIELD: "unknown field \"{0}\" (a typo?); the fields here are {1}",
        "champ inconnu «\u{a0}{0}\u{a0}» (une faute de frappe\u{a0}?)\u{a0}; les champs possibles ici\u{a0}: {1}";
    /// A word `{0}` where the words are `{1}`.
    UNKNOWN_VALUE: "unknown value \"{0}\"; use one of {1}",
        "valeur inconnue «\u{a0}{0}\u{a0}»\u{a0}; choisissez parmi\u{a0}: {1}";
    /// A required field `{0}` absent.
    MISSING_FIELD: "missing field \"{0}\"", "champ manquant «\u{a0}{0}\u{a0}»";
    /// A field `{0}` written twice.
    DUPLICATE_FIELD: "duplicate field \"{0}\"", "champ en double «\u{a0}{0}\u{a0}»";
    /// `{0}` expected, `{1}` found.
    EXPECTED_FOUND: "expected {0}, found {1}", "attendu\u{a0}: {0}\u{a0}; trouvé\u{a0}: {1}";
    /// Expected: a number.
    A_NUMBER: "a number", "un nombre";
    /// Expected: a whole number.
    A_WHOLE_NUMBER: "a whole number", "un nombre entier";
    /// Expected: a boolean.
    TRUE_OR_FALSE: "true or false", "true ou false";
    /// Expected: a string.
    TEXT_IN_QUOTES: "text in quotes", "un texte entre guillemets";
    /// Expected: an array.
    A_LIST_OF: "a list [ … ]", "une liste [ … ]";
    /// Expected: an object.
    AN_OBJECT_OF: "an object { … }", "un objet { … }";
    /// Expected: one of an enum's words.
    A_WORD: "a word in quotes", "un mot entre guillemets";
    /// Found: the number `{0}`.
    THE_NUMBER: "the number {0}", "le nombre {0}";
    /// Found: the text `{0}`.
    THE_TEXT: "the text \"{0}\"", "le texte «\u{a0}{0}\u{a0}»";
    /// Found: an array.
    A_LIST: "a list", "une liste";
    /// Found: an object.
    AN_OBJECT: "an object", "un objet";
    /// Found: something else.
    ANOTHER_VALUE: "another value", "une autre valeur";
    /// Before the value a problem was found in: "(found 80 > 50)".
    FOUND: "found", "trouvé";

    // The JSON text itself.
    /// `{0}` what, at line `{1}` column `{2}`.
    INVALID_JSON: "invalid JSON: {0} at line {1} column {2}",
        "JSON invalide\u{a0}: {0}, ligne {1}, colonne {2}";
    /// The same, with the likely slip `{3}`.
    INVALID_JSON_HINT: "invalid JSON: {0} at line {1} column {2} ({3})",
        "JSON invalide\u{a0}: {0}, ligne {1}, colonne {2} ({3})";
    /// The text ends where `{0}` was expected.
    INVALID_JSON_END: "invalid JSON: unexpected end of text ({0}) at line {1} column {2}",
        "JSON invalide\u{a0}: le texte s’arrête trop tôt ({0}), ligne {1}, colonne {2}";
    /// The text ends early.
    END_OF_TEXT: "unexpected end of text", "le texte s’arrête trop tôt";
    /// Text after the value.
    TEXT_AFTER: "unexpected text after the JSON value", "du texte après la valeur JSON";
    /// Too deep.
    TOO_DEEP: "nested deeper than 128 levels", "plus de 128 niveaux d’imbrication";
    /// Not a value.
    EXPECTED_VALUE: "expected a value", "une valeur est attendue";
    /// In an array.
    EXPECTED_COMMA_BRACKET: "expected `,` or `]`", "`,` ou `]` attendu";
    /// In an object.
    EXPECTED_COMMA_BRACE: "expected `,` or `}`", "`,` ou `}` attendu";
    /// At an array's end.
    EXPECTED_BRACKET: "expected `]`", "`]` attendu";
    /// At an object's end.
    EXPECTED_BRACE: "expected `}`", "`}` attendu";
    /// A member's name.
    EXPECTED_NAME: "expected a member name in double quotes", "un nom de membre entre guillemets droits est attendu";
    /// After a member's name.
    EXPECTED_COLON: "expected `:`", "`:` attendu";
    /// `01`.
    LEADING_ZERO: "a number cannot start with 0", "un nombre ne peut pas commencer par 0";
    /// `-x`.
    EXPECTED_DIGIT: "expected a digit", "un chiffre est attendu";
    /// `1.`.
    EXPECTED_FRACTION: "expected a digit after `.`", "un chiffre est attendu après `.`";
    /// `1e`.
    EXPECTED_EXPONENT: "expected a digit in the exponent", "un chiffre est attendu dans l’exposant";
    /// `1e999`.
    OUT_OF_RANGE: "number out of range", "nombre hors limites";
    /// `\u12`.
    EXPECTED_HEX: "expected 4 hex digits", "4 chiffres hexadécimaux sont attendus";
    /// Not UTF-8.
    BAD_TEXT: "bad text", "texte mal codé";
    /// No closing quote.
    UNTERMINATED: "unterminated string", "texte sans guillemet fermant";
    /// Half a UTF-16 pair.
    LONE_SURROGATE: "lone surrogate in \\u escape", "demi-paire UTF-16 isolée dans un échappement \\u";
    /// `\q`.
    UNKNOWN_ESCAPE: "unknown escape", "échappement inconnu";
    /// A raw tab or line break.
    CONTROL_CHARACTER: "control character in a string (write it as \\n, \\t…)",
        "caractère de contrôle dans un texte (écrivez-le \\n, \\t…)";

    // The likely slip, from the text around the error.
    /// `2,5`.
    HINT_DECIMAL_COMMA: "a decimal comma? JSON writes 2.5, with a point",
        "une virgule décimale\u{a0}? JSON écrit 2.5, avec un point";
    /// `1 500`.
    HINT_SPACE_IN_NUMBER: "a space inside a number? JSON writes 1500, with no spaces",
        "une espace dans un nombre\u{a0}? JSON écrit 1500, sans espace";
    /// `[1,]`.
    HINT_TRAILING_COMMA: "a comma before the closing bracket: remove it",
        "une virgule avant le crochet fermant\u{a0}: retirez-la";
    /// `"a" "b"`.
    HINT_MISSING_COMMA: "a missing comma at the end of the value before?",
        "une virgule oubliée à la fin de la valeur précédente\u{a0}?";
    /// `// note`, `/* note */`.
    HINT_COMMENT: "a comment? JSON has none: remove it",
        "un commentaire\u{a0}? JSON n’en admet pas\u{a0}: retirez-le";
    /// `'a'`.
    HINT_SINGLE_QUOTES: "single quotes? JSON needs straight double quotes (\")",
        "des apostrophes\u{a0}? JSON veut des guillemets droits doubles (\")";
    /// `$5`, `5 €`.
    HINT_CURRENCY: "a currency sign? write the number only: the unit goes in \"unit\"",
        "un symbole monétaire\u{a0}? n’écrivez que le nombre\u{a0}: l’unité va dans \"unit\"";
    /// `30bn`, `10 GW`, `3.5%`, `30 milliards`.
    HINT_UNIT: "a unit after the number? write the number only: the unit goes in \"unit\", as usd_bn or gw",
        "une unité après le nombre\u{a0}? n’écrivez que le nombre\u{a0}: l’unité va dans \"unit\", comme usd_bn ou gw";
    /// `“a”`, `« a »`.
    HINT_CURLY_QUOTES: "curly quotes or « »? JSON needs straight double quotes (\")",
        "des guillemets courbes ou «\u{a0}»\u{a0}? JSON veut des guillemets droits doubles (\")";
    /// A no-break space between values.
    HINT_NO_BREAK_SPACE: "a no-break space? JSON allows ordinary spaces only",
        "une espace insécable\u{a0}? JSON n’admet que des espaces ordinaires";
    /// `{&quot;a&quot;: 1}`: a CMS escaped the script's text as HTML.
    HINT_HTML_ENTITY: "HTML entities (&quot;)? the page escaped the JSON: put it in its <script type=\"application/json\"> as written",
        "des entités HTML (&quot;)\u{a0}? la page a échappé le JSON\u{a0}: mettez-le tel quel dans son <script type=\"application/json\">";
    /// `<!-- {…} -->`, `<![CDATA[{…}]]>`, `<p>{…}</p>`.
    HINT_HTML_AROUND: "HTML around the JSON (<!-- -->, <![CDATA[ ]]>, a tag)? the script holds the JSON alone",
        "du HTML autour du JSON (<!-- -->, <![CDATA[ ]]>, une balise)\u{a0}? le script ne contient que le JSON";
}
