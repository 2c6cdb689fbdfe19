//! Amounts, ranges, numbers and dates read naturally in each language.
#![cfg(not(target_arch = "wasm32"))]

use explainer::format::{amount, date, english_spacing, french_spacing, number, plain, Date};
use explainer::i18n::Lang::{En, Fr};
use explainer::story::{Amount, AmountKind, Unit};

fn a(
    kind: AmountKind,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Unit,
) -> Amount {
    Amount {
        kind,
        value,
        low,
        high,
        unit: Some(unit),
    }
}

#[test]
fn amounts_in_both_languages() {
    let up_to = a(AmountKind::UpTo, Some(100.0), None, None, Unit::UsdBn);
    assert_eq!(amount(&up_to, Fr), "jusqu’à 100\u{a0}milliards de dollars");
    assert_eq!(amount(&up_to, En), "up to $100\u{a0}billion");
    let funded = a(AmountKind::Exact, Some(11.8), None, None, Unit::UsdBn);
    assert_eq!(amount(&funded, Fr), "11,8\u{a0}milliards de dollars");
    assert_eq!(amount(&funded, En), "$11.8\u{a0}billion");
    let one = a(AmountKind::Exact, Some(1.0), None, None, Unit::UsdBn);
    assert_eq!(amount(&one, Fr), "1\u{a0}milliard de dollars");
    let range = a(AmountKind::Range, None, Some(20.0), Some(50.0), Unit::UsdBn);
    assert_eq!(amount(&range, Fr), "de 20 à 50\u{a0}milliards de dollars");
    assert_eq!(amount(&range, En), "$20–50\u{a0}billion");
    let gw = a(AmountKind::AtLeast, Some(10.0), None, None, Unit::Gw);
    assert_eq!(amount(&gw, Fr), "au moins 10\u{a0}GW");
    assert_eq!(amount(&gw, En), "at least 10\u{a0}GW");
    let pct = a(AmountKind::Approx, Some(26.0), None, None, Unit::Pct);
    assert_eq!(amount(&pct, Fr), "environ 26\u{a0}%");
    assert_eq!(amount(&pct, En), "about 26%");
    let mw = a(AmountKind::Exact, Some(750.0), None, None, Unit::UsdM);
    assert_eq!(amount(&mw, En), "$750\u{a0}million");
    let none = Amount {
        kind: AmountKind::Undisclosed,
        value: None,
        low: None,
        high: None,
        unit: None,
    };
    assert_eq!(amount(&none, Fr), "montant non publié");
}

#[test]
fn figures_keep_the_decimals_the_story_gives_them() {
    // An exact $0.75 billion is not "$0.8 billion": $50 million the story never said.
    let exact = a(AmountKind::Exact, Some(0.75), None, None, Unit::UsdBn);
    assert_eq!(amount(&exact, Fr), "0,75\u{a0}milliard de dollars");
    assert_eq!(amount(&exact, En), "$0.75\u{a0}billion");
    let range = a(AmountKind::Range, None, Some(1.25), Some(2.125), Unit::Gw);
    assert_eq!(amount(&range, Fr), "de 1,25 à 2,125\u{a0}GW");
    assert_eq!(amount(&range, En), "1.25–2.125\u{a0}GW");
    assert_eq!(number(3.05, Fr), "3,05");
    assert_eq!(number(-0.5, En), "-0.5");
    assert_eq!(number(1234.567, En), "1,234.567");
    // Past three decimals, the nearest thousandth; and no trailing zeros.
    assert_eq!(number(0.33333, En), "0.333");
    assert_eq!(number(2.0004, En), "2");
    assert_eq!(number(11.8, Fr), "11,8");
}

#[test]
fn numbers_group_thousands_per_language() {
    assert_eq!(number(1234.5, Fr), "1\u{202f}234,5");
    assert_eq!(number(1234.5, En), "1,234.5");
    assert_eq!(number(64.6, Fr), "64,6");
    assert_eq!(number(100.0, En), "100");
}

#[test]
fn dates_per_language_and_precision() {
    // The day stays with its month (a no-break space); the year may go to the next line,
    // where the date does not fit on one, rather than break inside a number.
    assert_eq!(date("2025-09-22", Fr), "22\u{a0}septembre 2025");
    assert_eq!(date("2025-09-22", En), "September\u{a0}22, 2025");
    assert_eq!(date("2026-02-01", Fr), "1er\u{a0}février 2026");
    assert_eq!(date("2026-03", Fr), "mars 2026");
    assert_eq!(date("2026-03", En), "March 2026");
    assert_eq!(date("2021", En), "2021");
}

#[test]
fn date_parsing_checks_real_days() {
    assert!(Date::parse("2024-02-29").is_some());
    assert!(Date::parse("2025-02-29").is_none());
    assert!(Date::parse("2025-13").is_none());
    assert!(Date::parse("2025-4-01").is_none());
    assert!(Date::parse("").is_none());
    assert!(Date::parse("2021") < Date::parse("2021-01"));
}

#[test]
fn error_messages_write_numbers_as_the_editor_did() {
    // The same text as Rust's own float formatting (the shortest that reads back), which the
    // WASM no longer carries: whole numbers up to 10^15, and numbers with 2, 5 or 9
    // decimals under 10^7.
    let mut seed = 12345u64;
    for _ in 0..20_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let places = [0, 2, 5, 9][((seed >> 8) % 4) as usize];
        let digits = (seed >> 11)
            % if places == 0 {
                1_000_000_000_000_000
            } else {
                1_000_000_000
            };
        // Read from text as the story reader does: the nearest double to the decimal.
        let text = if places == 0 {
            digits.to_string()
        } else {
            format!(
                "{}.{:0places$}",
                digits / 10u64.pow(places as u32),
                digits % 10u64.pow(places as u32)
            )
        };
        let v: f64 = text.parse().unwrap();
        // Decimals kept: as many as a double holds at that size.
        let kept = match v {
            v if v < 1e6 => 9,
            v if v < 1e9 => 6,
            v if v < 1e12 => 3,
            _ => 1,
        };
        if places > kept || (v != 0.0 && v < 1e-6) {
            continue;
        }
        assert_eq!(plain(v), format!("{v}"), "{text}");
        assert_eq!(plain(-v), format!("{}", -v), "-{text}");
    }
    for (v, text) in [
        (0.0, "0"),
        (-30.0, "-30"),
        (0.1, "0.1"),
        (64.6, "64.6"),
        (1234567.5, "1234567.5"),
        (123456789.12345, "123456789.12345"),
        (1234567890123.5, "1234567890123.5"),
        (999_999_999_999_999.0, "999999999999999"),
        (1e15, "1e+15"),
        (2.5e21, "2.5e+21"),
        (-1e300, "-1e+300"),
        (1e-12, "1e-12"),
        (0.000_001_5, "0.0000015"),
        (f64::INFINITY, "infinity"),
        (f64::NEG_INFINITY, "-infinity"),
        (f64::NAN, "NaN"),
    ] {
        assert_eq!(plain(v), text, "{v:?}");
    }
}

#[test]
fn french_text_gets_its_no_break_spaces() {
    let fr = |s: &str| french_spacing(s.to_string());
    assert_eq!(
        fr("Nvidia « entend investir » : vraiment ? Oui ; 26 % !"),
        "Nvidia «\u{a0}entend investir\u{a0}»\u{a0}: vraiment\u{a0}? Oui\u{a0}; 26\u{a0}%\u{a0}!"
    );
    // Only a typed space is replaced: no space, a no-break one, or other text stay as is.
    for same in [
        "https://example.org/a?b=c",
        "10:30, 50%",
        "«Alpha»",
        "déjà\u{a0}: fait",
        "",
        " ",
        "Plain words, no marks.",
    ] {
        assert_eq!(fr(same), same);
    }
    // Spaces at either end are kept (nothing follows or precedes them).
    assert_eq!(fr("« "), "«\u{a0}");
    assert_eq!(fr(" ?"), "\u{a0}?");
    // A number stays with the word or sign it counts: "5 / GW" never splits.
    assert_eq!(
        fr("5 GW, 30 milliards, 12 échéances, 4 €, en 2019 ; 3 et 4"),
        "5\u{a0}GW, 30\u{a0}milliards, 12\u{a0}échéances, 4\u{a0}€, en 2019\u{a0}; 3\u{a0}et 4"
    );
    for same in ["10 000", "3 - 4", "v2 (b)"] {
        assert_eq!(fr(same), same);
    }
    // A date in the prose keeps its day with its month, as the interface's dates do; its
    // year may go to the next line.
    assert_eq!(
        fr("le 27 février 2026, puis le 1er mars 2026"),
        "le 27\u{a0}février 2026, puis le 1er\u{a0}mars 2026"
    );
}

#[test]
fn english_text_keeps_a_number_with_its_word() {
    let en = |s: &str| english_spacing(s.to_string());
    assert_eq!(
        en("Nvidia and OpenAI: $100 billion promised, 10 GW, in 2019 « x » ?"),
        "Nvidia and OpenAI: $100\u{a0}billion promised, 10\u{a0}GW, in 2019 « x » ?"
    );
    assert_eq!(
        en("on February 27, 2026 and in March 2026; items 3, 4 and May"),
        "on February\u{a0}27, 2026\u{a0}and in March 2026; items 3, 4\u{a0}and May"
    );
}
