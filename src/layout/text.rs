//! How wide a name is drawn, and where it may be cut: estimated from its characters,
//! erring wide, since the layout runs natively (pre-rendering) where no font can be measured.

use super::{FONT, NODE_PAD};
use crate::format::{NBSP, NNBSP};

/// Estimated rendered width of `text` at `FONT` px in a bold system sans-serif. Errs wide
/// so that real text fits inside the box the layout gives it.
pub fn text_width(text: &str) -> f64 {
    text.chars().map(char_width).sum::<f64>() * FONT
}

/// Width of most characters, in ems (see [`char_width`]).
const PLAIN: f64 = 0.62;

/// One character's estimated width, in ems. The widest common sans-serif sets the wide
/// letters (DejaVu Sans Bold's W is 1.10 em, its m 1.04); ideographs, kana and hangul are
/// a full em in every font, emoji wider.
fn char_width(c: char) -> f64 {
    match c {
        // Drawn on or with the character before it, or not drawn at all.
        c if extends(c) && !spacing(c) => 0.0,
        'i' | 'l' | 'j' | 'I' | '.' | ',' | '’' | '\'' | ':' | ';' | '!' | '|' => 0.32,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '/' | '-' => 0.42,
        'W' => 1.11,
        'm' | 'w' | 'M' | '%' | '@' => 1.05,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{3fffd}' => 1.05,
        '\u{1f000}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' => 1.3,
        // After the full-width forms, which have capitals too (Ｗ).
        c if c.is_uppercase() => 0.75,
        _ => PLAIN,
    }
}

/// Whether `c` is drawn as part of the character before it, or not at all: a combining
/// accent (text copied from a PDF or a Mac file name writes é as e and U+0301), the vowel
/// signs and marks of Hebrew, Arabic, the Indic scripts, Sinhala, Thai, Lao, Tibetan,
/// Myanmar and Khmer, a Hangul vowel or final written as a jamo (as Mac file names write
/// Korean), a kana voicing mark, a variation selector, an emoji's skin tone or tag, a
/// zero-width joiner, space or mark, a soft hyphen. A line never starts with it: cut
/// before it, an accent would sit alone on a dotted circle. It adds no letter spacing,
/// and no width unless it may take room beside its letter ([`spacing`]).
fn extends(c: char) -> bool {
    indic(c).is_some_and(|o| matches!(o, 0x01..=0x03 | 0x3a..=0x4d | 0x51..=0x57 | 0x62..=0x63))
        || matches!(c,
        '\u{ad}'
        | '\u{300}'..='\u{36f}'
        | '\u{483}'..='\u{489}'
        | '\u{591}'..='\u{5bd}'
        | '\u{5bf}'
        | '\u{5c1}'..='\u{5c2}'
        | '\u{5c4}'..='\u{5c5}'
        | '\u{5c7}'
        | '\u{610}'..='\u{61a}'
        | '\u{64b}'..='\u{65f}'
        | '\u{670}'
        | '\u{6d6}'..='\u{6dc}'
        | '\u{6df}'..='\u{6e4}'
        | '\u{6e7}'..='\u{6e8}'
        | '\u{6ea}'..='\u{6ed}'
        | '\u{d81}'..='\u{d83}'
        | '\u{dca}'..='\u{ddf}'
        | '\u{df2}'..='\u{df3}'
        | '\u{e31}'
        | '\u{e34}'..='\u{e3a}'
        | '\u{e47}'..='\u{e4e}'
        | '\u{eb1}'
        | '\u{eb4}'..='\u{ebc}'
        | '\u{ec8}'..='\u{ece}'
        | '\u{f18}'..='\u{f19}'
        | '\u{f35}'
        | '\u{f37}'
        | '\u{f39}'
        | '\u{f3e}'..='\u{f3f}'
        | '\u{f71}'..='\u{f84}'
        | '\u{f86}'..='\u{f87}'
        | '\u{f8d}'..='\u{fbc}'
        | '\u{102b}'..='\u{103e}'
        | '\u{1056}'..='\u{1059}'
        | '\u{105e}'..='\u{1060}'
        | '\u{1062}'..='\u{1064}'
        | '\u{1067}'..='\u{106d}'
        | '\u{1071}'..='\u{1074}'
        | '\u{1082}'..='\u{108d}'
        | '\u{108f}'
        | '\u{109a}'..='\u{109d}'
        | '\u{1160}'..='\u{11ff}'
        | '\u{17b4}'..='\u{17d3}'
        | '\u{17dd}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'..='\u{2064}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{3099}'..='\u{309a}'
        | '\u{d7b0}'..='\u{d7ff}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{feff}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0020}'..='\u{e007f}'
        | '\u{e0100}'..='\u{e01ef}')
}

/// A character's place in its block, for the nine Indic scripts from Devanagari to
/// Malayalam: they share one layout (ISCII's), their vowel signs and viramas at the same
/// places in each block.
fn indic(c: char) -> Option<u32> {
    ('\u{900}'..='\u{d7f}')
        .contains(&c)
        .then_some(c as u32 & 0x7f)
}

/// Whether a mark of `c`'s script may take room beside its letter (an Indic, Sinhala,
/// Tibetan, Myanmar or Khmer vowel sign): its width is counted, so the estimate errs wide.
fn spacing(c: char) -> bool {
    indic(c).is_some()
        || matches!(c, '\u{d80}'..='\u{dff}' | '\u{f00}'..='\u{10ff}' | '\u{1780}'..='\u{17ff}')
}

/// A virama, or Myanmar's and Khmer's stacking signs: it joins the consonant after it into
/// one letter (क + ् + ष draws क्ष).
fn virama(c: char) -> bool {
    indic(c) == Some(0x4d) || c == '\u{1039}' || c == '\u{17d2}'
}

/// A flag's letter: two of them draw one flag.
fn regional(c: char) -> bool {
    ('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
}

/// `word` in the pieces a line may be cut between: each character with the marks drawn
/// on or with it (an accent, a vowel sign, a selector, a skin tone), the character after a
/// zero-width joiner (the family 👩‍👩‍👧 is one emoji) or a virama, and a flag's two
/// letters. Without Unicode's tables (several KB of WASM), it knows the marks of Latin,
/// Greek, Cyrillic, Hebrew, Arabic, the Indic scripts, Sinhala, Thai, Lao, Tibetan,
/// Myanmar, Khmer, Hangul jamo and kana, and emoji's; rarer scripts' marks (Javanese,
/// Balinese…) may still be cut from their letter.
pub fn clusters(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut prev = first;
        let mut flag = regional(first);
        let end = chars
            .find(|&(_, c)| {
                let joined =
                    extends(c) || prev == '\u{200d}' || virama(prev) || (flag && regional(c));
                flag = !flag && regional(c) && !joined;
                prev = c;
                !joined
            })
            .map_or(rest.len(), |(i, _)| i);
        let (cluster, tail) = rest.split_at(end);
        rest = tail;
        Some(cluster)
    })
}

/// Estimated width of a band heading, which the stylesheet sets in capitals. Each letter
/// counts as its capital; past ASCII (the É of "États"), a plain character counts as a
/// capital letter. Not `str::to_uppercase`: its Unicode table is 7 KB of the gzipped WASM,
/// for headings that are our own few words (a test checks both agree on every one).
pub fn heading_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match char_width(c.to_ascii_uppercase()) {
            PLAIN if !c.is_ascii() => 0.75,
            w => w,
        })
        .sum::<f64>()
        * FONT
        * 1.08
}

/// Letter and word spacing a reader's stylesheet may add, in ems (WCAG 1.4.12).
const LETTER_SPACING: f64 = 0.12;
const WORD_SPACING: f64 = 0.16;

/// A character's or a line's estimated width in ems: as set, and under a reader's text
/// spacing (every character 0.12 em wider, every word space 0.16 em more).
#[derive(Clone, Copy)]
struct Ems(f64, f64);

impl Ems {
    fn of(c: char) -> Self {
        let w = char_width(c);
        // Letter spacing goes between what is drawn as one letter, not inside it.
        if extends(c) {
            return Ems(w, w);
        }
        let word = if c == ' ' || c == NBSP {
            WORD_SPACING
        } else {
            0.0
        };
        Ems(w, w + LETTER_SPACING + word)
    }

    fn plus(self, c: char) -> Self {
        let o = Ems::of(c);
        Ems(self.0 + o.0, self.1 + o.1)
    }
}

/// Estimated width of `text` under a reader's text spacing (WCAG 1.4.12: letters 0.12 em
/// and words 0.16 em apart), at `FONT` px.
pub fn spaced_width(text: &str) -> f64 {
    text.chars().fold(0.0, |w, c| w + Ems::of(c).1) * FONT
}

/// Where [`wrap`] may break a line between words: whitespace, but not a no-break space
/// (French text has them before `:` or inside « »).
fn breaks(c: char) -> bool {
    c.is_whitespace() && c != NBSP && c != NNBSP
}

/// For each line of `lines` but the last, whether `text` breaks there at a space (lines
/// wrapped at words) rather than inside a word. `lines` are `text`'s words, joined by single
/// spaces, cut where they meet the box's edge ([`wrap`]). Lines that do not follow
/// `text` (not expected) break at spaces, as wrapping at words does.
pub fn spaced_breaks(text: &str, lines: &[String]) -> Vec<bool> {
    let mut rest = text.chars().peekable();
    let mut out = Vec::with_capacity(lines.len().saturating_sub(1));
    for line in &lines[..lines.len().saturating_sub(1)] {
        while rest.next_if(|&c| breaks(c)).is_some() {}
        for c in line.chars() {
            let same = if c == ' ' {
                let mut any = false;
                while rest.next_if(|&c| breaks(c)).is_some() {
                    any = true;
                }
                any
            } else {
                rest.next() == Some(c)
            };
            if !same {
                // Not `text`'s own words: every remaining break as a space.
                out.resize(lines.len() - 1, true);
                return out;
            }
        }
        out.push(rest.peek().is_some_and(|&c| breaks(c)));
    }
    out
}

/// Greedy word wrap to `max` px; a word longer than a line is cut between [`clusters`]. A
/// line also fits `max` and the node's padding on both sides under a reader's text
/// spacing ([`spaced_width`]), so their stylesheet never pushes it past its box.
pub fn wrap(text: &str, max: f64) -> Vec<String> {
    // A line's width is kept as it grows, summed char by char in the order `text_width`
    // and `spaced_width` sum them, so each test is the very one that measuring every
    // candidate line anew would make. Measuring anew cost an allocation and a pass per
    // word: a large story wraps every name at several widths.
    let fits = |w: Ems| w.0 * FONT <= max && w.1 * FONT <= max + 2.0 * NODE_PAD;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut em = Ems(0.0, 0.0); // the width of `line`

    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let mut candidate = if line.is_empty() {
            Ems(0.0, 0.0)
        } else {
            em.plus(' ')
        };
        for c in word.chars() {
            candidate = candidate.plus(c);
        }
        if fits(candidate) {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            em = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            em = Ems(0.0, 0.0);
        }
        for cluster in clusters(word) {
            let next = cluster.chars().fold(em, Ems::plus);
            if !fits(next) && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, cluster.to_string()));
                em = cluster.chars().fold(Ems(0.0, 0.0), Ems::plus);
            } else {
                line.push_str(cluster);
                em = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
