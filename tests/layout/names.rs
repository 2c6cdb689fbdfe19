//! How names and headings are measured, wrapped and cut, and the width each drawing is made for.

use crate::properties::check;
use explainer::i18n::Lang;
use explainer::layout::{
    clusters, heading_width, layout, spaced_breaks, spaced_width, text_width, wrap, Geometry, CELL,
    FONT, NODE_PAD, PAD,
};
use explainer::state::bucket;
use explainer::story::{load, Story, EMBEDDED_JSON};

#[test]
fn band_headings_are_measured_as_the_capitals_the_stylesheet_shows() {
    use explainer::i18n::role_heading;
    use explainer::story::Role;
    for lang in [Lang::Fr, Lang::En] {
        for role in Role::ALL {
            let h = role_heading(role, lang);
            let capitals = text_width(&h.to_uppercase()) * 1.08;
            assert!(
                (heading_width(h) - capitals).abs() < 1e-9,
                "{h}: {} vs {capitals}",
                heading_width(h)
            );
        }
    }
}

/// Word wrap the plain way: every candidate line built and measured anew, as set and
/// with a reader's text spacing.
fn wrap_by_measuring(text: &str, max: f64) -> Vec<String> {
    let fits = |line: &str| text_width(line) <= max && spaced_width(line) <= max + 2.0 * NODE_PAD;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in clusters(word) {
            let next = format!("{line}{c}");
            if !fits(&next) && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[test]
fn names_wrap_as_if_each_line_were_measured_anew() {
    // `wrap` keeps each line's width as it grows; it must break exactly where measuring
    // every candidate line would, down to the last bit of each sum.
    let story = load(EMBEDDED_JSON).unwrap();
    let mut texts: Vec<String> = story
        .entities
        .iter()
        .flat_map(|e| [e.name.fr.clone(), e.name.en.clone()])
        .collect();
    texts.extend(
        [
            "",
            "   ",
            "Supercalifragilisticexpialidocious",
            "A very long name of a fund that wraps over several lines",
            "États-Unis d’Amérique, fonds souverains 𝔸 mmmm wwww iiii",
            "x",
            "Socie\u{301}te\u{301} ge\u{301}ne\u{301}rale des e\u{301}nergies",
            "👩\u{200d}👩\u{200d}👧\u{200d}👦🇫🇷🇩🇪👍🏽☺\u{fe0f} Fonds",
        ]
        .map(String::from),
    );
    let mut broken = 0;
    for text in &texts {
        for max in [20.0, 44.0, 60.5, 84.0, 100.0, 132.0, 180.0, 400.0] {
            let lines = wrap(text, max);
            assert_eq!(lines, wrap_by_measuring(text, max), "{text:?} in {max} px");
            broken += usize::from(lines.len() > 1);
        }
    }
    assert!(
        broken > 50,
        "only {broken} texts wrapped: the widths test nothing"
    );
}

/// The shipped story with two long names: one no two-line box of three cells holds.
fn long_named() -> Story {
    let mut story = load(EMBEDDED_JSON).unwrap();
    story.entities[0].name.en =
        "Supercalifragilisticexpialidocious Semiconductor Manufacturing International".into();
    story.entities[1].name.en = "Donaudampfschifffahrtsgesellschaftskapitänswitwe".into();
    story
}

/// A story of three players in the roles with the shortest headings, so that boxes two cells
/// wide are allowed, each with a name of one word a little too long for them.
fn short_headed() -> Story {
    use serde_json::json;
    let player = |id: &str, name: &str, role: &str| {
        json!({"id": id, "role": role, "name": {"fr": name, "en": name},
            "description": {"fr": "d", "en": "d"}})
    };
    let json = json!({"schema_version": 1, "published": "2025-01-01", "as_of": "2025-06-01",
        "title": {"fr": "Titre", "en": "Title"}, "dek": {"fr": "Chapeau", "en": "Dek"},
        "entities": [player("a", "SambaNova Systems", "chipmaker"),
            player("b", "Anthropicness", "lab"), player("c", "Microsoftish", "hyperscaler")],
        "relationships": [{"id": "r", "from": "a", "to": "b", "kind": "investment",
            "label": {"fr": "l", "en": "l"}, "status": "confirmed", "sources": ["s0"]}],
        "sources": [{"id": "s0", "publisher": "P", "title": "T", "url": "https://example.org/a"}]});
    load(&json.to_string()).unwrap()
}

#[test]
fn a_name_is_cut_inside_a_word_only_where_no_box_holds_the_word() {
    // "SambaNov|a" reads as another name. Boxes two cells wide cut these names; three hold
    // them, and used to lose to two, whose cut names also fit in two lines.
    let generated = |n, seed| load(&crate::common::story(n, n * 2, seed)).unwrap();
    let stories = [
        short_headed(),
        long_named(),
        generated(7, 3),
        generated(12, 9),
        generated(20, 4),
    ];
    let mut checked = 0;
    for story in &stories {
        for lang in [Lang::Fr, Lang::En] {
            for width in (240..=1280).step_by(40) {
                let g = layout(story, lang, width);
                // The widest box this width allows (see `layout::layout`): the lane takes two
                // cells, or one where that leaves boxes of three.
                let cols = ((f64::from(width) - 2.0 * PAD) / CELL).floor();
                let lane = if cols >= 5.0 { 2.0 } else { 1.0 };
                let inner = (cols - lane).clamp(2.0, 4.0) * CELL - 4.0 - 2.0 * NODE_PAD;
                for n in &g.nodes {
                    let name = story.entities[n.entity].name.get(lang);
                    checked += 1;
                    // What the drawing puts between lines follows the lines the box kept.
                    assert_eq!(n.spaced, spaced_breaks(name, &n.lines), "{name:?}");
                    if n.spaced.contains(&false) {
                        assert!(
                            name.split_whitespace().any(|w| wrap(w, inner).len() > 1),
                            "{lang:?} at {width}: {name:?} cut as {:?}",
                            n.lines
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[test]
fn long_names_do_not_force_one_column_where_two_fit() {
    let story = long_named();
    // A 560 px column fits two stacks of three-cell nodes, not of four; the long names alone
    // made the nodes four cells wide, and so a single column twice as tall.
    let g = layout(&story, Lang::En, 560);
    assert_eq!(g.stacks, 2, "two stacks at 560 px");
    assert!(
        g.height < layout(&story, Lang::En, 360).height,
        "side by side is shorter"
    );
    for width in (160..=1280).step_by(20) {
        check(&story, Lang::En, width);
    }
}

#[test]
fn every_width_is_drawn_as_its_prerendered_fit() {
    // Pre-rendered HTML holds one drawing per fit width, the stylesheet shows the widest that
    // fits the container, and the live layout replaces it. Up to the widest column a
    // diagram has beside the panel of a 1280 px explainer, they are the very same drawing:
    // hydrating it redraws nothing. Wider, they must agree in stacks, node width and height,
    // or hydration moves what follows the diagram.
    use explainer::layout::fits as fit_layouts;
    use explainer::state::{diagram_width, ROOT_PADDING};
    let widest = bucket(diagram_width(1280 - 2 * ROOT_PADDING));
    let shape = |g: &Geometry| (g.stacks, g.nodes[0].w, g.height);
    let generated = |n, m, seed| (load(&crate::common::story(n, m, seed)).unwrap(), Lang::En);
    for (story, lang) in [
        (load(EMBEDDED_JSON).unwrap(), Lang::Fr),
        (long_named(), Lang::En),
        generated(20, 40, 3),
        generated(7, 9, 3),
        generated(60, 150, 5),
    ] {
        let fits: Vec<u32> = fit_layouts(&story, lang)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        for w in (240..=1280).step_by(40) {
            let fit = *fits.iter().rev().find(|&&f| f <= w).unwrap();
            let (live, pre) = (layout(&story, lang, w), layout(&story, lang, fit));
            let name = &story.entities[0].name.en;
            assert_eq!(shape(&live), shape(&pre), "{name} at {w} vs fit {fit}");
            if w <= widest {
                assert_eq!(live, pre, "{name} at {w} vs fit {fit}");
            }
            // Side by side, the lanes take the width in rounds of a column each: less than
            // a round is left blank.
            if live.stacks > 1 {
                let round = CELL * live.stacks as f64;
                assert!(f64::from(w) - live.width < round, "{name} at {w}");
            }
        }
    }
    // The long names give two shapes of two stacks: narrow nodes, then wide ones.
    let mut two: Vec<f64> = fit_layouts(&long_named(), Lang::En)
        .into_iter()
        .map(|(_, g)| g)
        .filter(|g| g.stacks == 2)
        .map(|g| g.nodes[0].w)
        .collect();
    two.dedup();
    assert_eq!(two.len(), 2, "{two:?}");
}

#[test]
fn names_never_break_at_a_no_break_space() {
    // French names carry no-break spaces before `:` and inside « »: a line of the diagram
    // must never start with the `:` or `»` they hold to the word before.
    // (A word wider than the line is cut anywhere, as any word is: widths that fit each
    // unit held together.)
    let name = "Fonds\u{a0}: «\u{a0}Alpha\u{a0}» et\u{202f}?";
    let unit = "«\u{a0}Alpha\u{a0}»";
    let widest = text_width(unit).max(spaced_width(unit) - 2.0 * NODE_PAD);
    for max in [widest, 84.0, 100.0, 132.0, 180.0] {
        let lines = wrap(name, max);
        for line in &lines {
            assert!(
                !line.starts_with([':', '»', '?', '\u{a0}', '\u{202f}']),
                "{max} px: {lines:?}"
            );
        }
        if max >= 100.0 {
            assert!(
                lines.iter().any(|l| l.contains("Fonds\u{a0}:")),
                "{max} px: {lines:?}"
            );
        }
    }
}

#[test]
fn full_width_scripts_and_emoji_are_counted_at_their_width() {
    // Every CJK font draws ideographs, kana and hangul a full em wide, and emoji fonts wider:
    // counted as a Latin letter (0.62 em), a Chinese name would run 40 % past its box.
    for text in ["腾", "カ", "한", "Ｗ"] {
        assert!(text_width(text) >= FONT, "{text}: {}", text_width(text));
    }
    assert!(text_width("🚀") >= 1.2 * FONT);
    // A name of ideographs wraps at the box's width by that count: 15 of them take two
    // lines at least in a phone's box, never one.
    let name = "腾讯控股有限公司人工智能研究院";
    let lines = wrap(name, 120.0);
    assert!(lines.len() >= 2, "{lines:?}");
    for line in &lines {
        assert!(line.chars().count() as f64 * FONT <= 120.0, "{line}");
    }
}

/// `text` with its accented letters written as text copied from a PDF or a Mac file name
/// writes them: the letter, then its combining accent.
fn decomposed(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'é' => "e\u{301}".to_string(),
            'è' => "e\u{300}".to_string(),
            'ê' => "e\u{302}".to_string(),
            'É' => "E\u{301}".to_string(),
            'ô' => "o\u{302}".to_string(),
            'ç' => "c\u{327}".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[test]
fn accents_written_apart_are_drawn_as_one_letter_with_theirs() {
    // A name pasted with decomposed accents wraps exactly as the same name typed (each
    // line the same letters), and no line starts with an accent cut from its letter, which
    // a browser draws alone on a dotted circle.
    let names = [
        "Société Générale",
        "Caisse des Dépôts et Consignations",
        "Électricité de France, Française des Jeux",
        "Département",
    ];
    let mut cut = 0;
    for name in names {
        let apart = decomposed(name);
        assert_ne!(apart, name);
        for max in [20.0, 30.0, 44.0, 50.0, 60.5, 84.0, 100.0, 132.0] {
            let lines = wrap(&apart, max);
            let typed: Vec<String> = wrap(name, max).iter().map(|l| decomposed(l)).collect();
            assert_eq!(lines, typed, "{name:?} in {max} px");
            // Cuts inside a word right after an accent: where the accent was cut off.
            let spaced = spaced_breaks(&apart, &lines);
            cut += lines
                .iter()
                .zip(&spaced)
                .filter(|(l, &at_space)| {
                    !at_space && l.ends_with(['\u{300}', '\u{301}', '\u{302}'])
                })
                .count();
        }
    }
    assert!(
        cut >= 3,
        "only {cut} cuts after an accent: the widths test nothing"
    );
}

/// `name` comes in `pieces`, and wrapped narrow, every line starts with one.
fn cut_only_between(name: &str, pieces: &[&str]) {
    assert_eq!(clusters(name).collect::<Vec<_>>(), pieces, "{name}");
    for max in [10.0, 20.0, 30.0] {
        for line in wrap(name, max) {
            assert!(
                pieces.iter().any(|p| line.starts_with(p)),
                "{name} at {max} px: {line:?}"
            );
        }
    }
}

#[test]
fn indic_and_thai_letters_keep_their_vowel_signs() {
    // Reliance in Devanagari, a word with a conjunct (a virama joins क and ष into क्ष), and
    // a Thai bank: cut between a consonant and its vowel sign, the sign would stand alone
    // on a dotted circle.
    for (name, pieces) in [
        ("रिलायंस", vec!["रि", "ला", "यं", "स"]),
        ("क्षमता", vec!["क्ष", "म", "ता"]),
        ("กสิกรไทย", vec!["ก", "สิ", "ก", "ร", "ไ", "ท", "ย"]),
    ] {
        cut_only_between(name, &pieces);
    }
}

#[test]
fn letters_of_other_scripts_keep_their_marks() {
    // Cambodia in Khmer (a coeng joins ម and ព), Myanmar in Burmese, "Tibetan language"
    // (a subjoined letter under ས), Lao, Sri Lanka in Sinhala (a virama and a zero-width
    // joiner make one letter of ශ and ර), each cut only where the browser may cut it.
    for (name, pieces) in [
        ("កម្ពុជា", vec!["ក", "ម្ពុ", "ជា"]),
        ("မြန်မာ", vec!["မြ", "န်", "မာ"]),
        ("བོད་སྐད", vec!["བོ", "ད", "་", "སྐ", "ད"]),
        ("ລາວສິຂໍ້", vec!["ລ", "າ", "ວ", "ສິ", "ຂໍ້"]),
        ("ශ්\u{200d}රීලංකා", vec!["ශ්\u{200d}රී", "ලං", "කා"]),
    ] {
        cut_only_between(name, &pieces);
    }
}

#[test]
fn hangul_written_in_jamo_is_measured_and_cut_as_syllables() {
    // Samsung, as a Mac file name writes it: each syllable as its two or three jamo.
    let jamo = "\u{1109}\u{1161}\u{11b7}\u{1109}\u{1165}\u{11bc}";
    assert_eq!(
        clusters(jamo).collect::<Vec<_>>(),
        ["\u{1109}\u{1161}\u{11b7}", "\u{1109}\u{1165}\u{11bc}"]
    );
    assert_eq!(text_width(jamo), text_width("삼성"));
    assert_eq!(spaced_width(jamo), spaced_width("삼성"));
    for max in [10.0, 20.0, 30.0] {
        assert_eq!(wrap(jamo, max).len(), wrap("삼성", max).len(), "{max} px");
    }
}

#[test]
fn emoji_and_flags_are_never_cut_apart() {
    // A sequence the browser draws as one emoji (a family joined by zero-width joiners, a
    // flag's two letters, a skin tone, a variation selector) stays on one line.
    let name = "👩\u{200d}👩\u{200d}👧🇫🇷🇩🇪👍🏽☺\u{fe0f}";
    let pieces: Vec<&str> = clusters(name).collect();
    assert_eq!(
        pieces,
        ["👩\u{200d}👩\u{200d}👧", "🇫🇷", "🇩🇪", "👍🏽", "☺\u{fe0f}"]
    );
    for max in [10.0, 20.0, 30.0, 44.0, 60.0] {
        for line in wrap(name, max) {
            assert!(
                pieces.iter().any(|p| line.starts_with(p)),
                "{max} px: {line:?}"
            );
        }
    }
}
