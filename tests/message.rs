//! The editor's messages: both languages say the same thing with the same holes.

use explainer::i18n::Lang;
use explainer::story::message::{Message, ALL, AN_OBJECT_OF, EXPECTED_FOUND, THE_TEXT};

/// The holes `{0}`… of a template, in order of appearance.
fn holes(t: &str) -> Vec<u8> {
    t.as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}')
        .map(|w| w[1])
        .collect()
}

#[test]
fn every_message_has_its_french_with_the_same_holes() {
    for t in ALL {
        let (mut en, mut fr) = (holes(t.en), holes(t.fr));
        en.sort_unstable();
        fr.sort_unstable();
        assert_eq!(en, fr, "{t:?}");
        assert!(
            en.iter().enumerate().all(|(i, &h)| h == b'0' + i as u8),
            "holes numbered from 0: {t:?}"
        );
        assert_ne!(t.en, t.fr, "not translated: {t:?}");
    }
}

#[test]
fn french_messages_keep_their_punctuation_on_the_line() {
    // French sets a space before : ; ? ! and inside « »; a plain one would let the line
    // break before the mark.
    for t in ALL {
        for bad in [" :", " ;", " ?", " !", "« ", " »"] {
            assert!(!t.fr.contains(bad), "{bad:?} in {:?}", t.fr);
        }
    }
}

#[test]
fn a_message_fills_its_holes_in_either_language() {
    let found = Message::new(&THE_TEXT, vec!["half".into()]);
    let m = Message::new(&EXPECTED_FOUND, vec![(&AN_OBJECT_OF).into(), found.into()]);
    assert_eq!(
        m.text(Lang::En),
        "expected an object { … }, found the text \"half\""
    );
    assert_eq!(
        m.text(Lang::Fr),
        "attendu\u{a0}: un objet { … }\u{a0}; trouvé\u{a0}: le texte «\u{a0}half\u{a0}»"
    );
    assert_eq!(m.to_string(), m.text(Lang::En));
}
