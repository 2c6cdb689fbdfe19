//! The JSON reader names the path of the first wrong field, whatever the story, and refuses
//! what would break it (fractional counts, hostile nesting) with a message instead of a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use explainer::story::json::{from_str, Failure};
use serde::de::IgnoredAny;
use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Doc {
    items: Vec<Item>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Item {
    count: u32,
    share: f64,
    kind: Kind,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Equity,
    Loan,
}

fn read(text: &str) -> Result<Doc, Failure> {
    from_str(text)
}

/// The message for broken or hostile text, read as any JSON value.
fn broken(text: &str) -> String {
    from_str::<IgnoredAny>(text)
        .expect_err(text)
        .message
        .to_string()
}

fn failure(text: &str) -> (String, String) {
    let f = read(text).expect_err("should not fit");
    (f.path, f.message.to_string())
}

#[test]
fn a_good_document_fills_the_type() {
    let doc = read(r#"{"items":[{"count":3,"share":2,"kind":"loan"}],"note":null}"#).unwrap();
    assert_eq!(
        doc,
        Doc {
            items: vec![Item {
                count: 3,
                share: 2.0,
                kind: Kind::Loan
            }],
            note: None,
        }
    );
}

#[test]
fn errors_name_the_path_of_the_wrong_field() {
    let ok = r#"{"count":1,"share":0.5,"kind":"equity"}"#;
    let (path, msg) = failure(&format!(
        r#"{{"items":[{ok},{{"count":"2","share":1,"kind":"loan"}}]}}"#
    ));
    assert_eq!(path, "items[1].count");
    assert_eq!(msg, "expected a whole number, found the text \"2\"");

    let (path, msg) = failure(&format!(
        r#"{{"items":[{ok},{ok},{{"count":1,"share":1,"kind":"grant"}}]}}"#
    ));
    assert_eq!(path, "items[2].kind");
    assert_eq!(msg, "unknown value \"grant\"; use one of equity, loan");
}

#[test]
fn a_misspelt_field_is_named_not_dropped() {
    let (path, msg) = failure(r#"{"items":[{"count":1,"shar":1,"kind":"loan"}]}"#);
    assert_eq!(path, "items[0].shar");
    assert_eq!(
        msg,
        "unknown field \"shar\" (a typo?); the fields here are count, share, kind"
    );
}

#[test]
fn a_missing_field_names_its_object() {
    let (path, msg) = failure(r#"{"items":[{"count":1,"kind":"loan"}]}"#);
    assert_eq!(path, "items[0]");
    assert_eq!(msg, "missing field \"share\"");
    let (path, _) = failure(r#"{}"#);
    assert_eq!(path, "");
}

#[test]
fn whole_numbers_fill_counts_and_fractions_do_not() {
    // Worded for an editor, with the number as written: not "invalid value: integer `-1`,
    // expected u32", serde's own.
    for (count, found) in [
        ("2.5", "the number 2.5"),
        ("-1", "the number -1"),
        ("0.000001", "the number 0.000001"),
        ("5000000000", "the number 5000000000"),
        ("1e300", "the number 1e+300"),
    ] {
        let (path, msg) = failure(&format!(
            r#"{{"items":[{{"count":{count},"share":1,"kind":"loan"}}]}}"#
        ));
        assert_eq!(path, "items[0].count");
        assert_eq!(
            msg,
            format!("expected a whole number, found {found}"),
            "{count}"
        );
    }
}

#[test]
fn the_first_mistake_in_written_order_is_the_one_named() {
    // The reader fills the type as it reads the text: the editor is sent to the earlier line.
    let (path, _) = failure(r#"{"items":[{"count":"x","share":"y","kind":"loan"}]}"#);
    assert_eq!(path, "items[0].count");
    let (path, _) = failure(r#"{"items":[{"share":"y","count":"x","kind":"loan"}]}"#);
    assert_eq!(path, "items[0].share");
    // Broken text is named with its line and column, and the path it broke in.
    let f = read(r#"{"items":[{"count":1,"share":1,"kind":"loan",}]}"#).unwrap_err();
    assert_eq!(f.path, "items[0]");
    assert!(f.message.to_string().contains("line 1 column 46"), "{f:?}");
}

#[test]
fn hostile_nesting_is_refused_not_overflowed() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let deep = format!("{}1{}", open.repeat(10_000), close.repeat(10_000));
        assert!(broken(&deep).contains("nested deeper"), "{open}");
        let f = from_str::<serde_json::Value>(&deep).unwrap_err();
        assert!(f.message.to_string().contains("nested deeper"), "{f:?}");
    }
    // 128 levels are fine.
    let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(from_str::<IgnoredAny>(&ok).is_ok());
}

/// A JSON tree with every number as a float (ours has one number type).
fn floats(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        J::Number(n) => serde_json::Number::from_f64(n.as_f64().unwrap())
            .unwrap()
            .into(),
        J::Array(a) => a.into_iter().map(floats).collect(),
        J::Object(m) => m.into_iter().map(|(k, v)| (k, floats(v))).collect(),
        v => v,
    }
}

#[test]
fn reads_what_serde_json_reads() {
    let texts = [
        explainer::story::EMBEDDED_JSON.to_string(),
        common::story(60, 150, 3),
        r#" {"a" : [1, -0, 2.5e3, -1E-2, 0.1, 123456789012], "b": "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 ok",
             "c": {}, "d": [], "e": [true, false, null], "f": "ünï©ødé ✓"} "#
            .to_string(),
    ];
    for text in &texts {
        // serde_json's own tree, filled by our reader and by theirs.
        let ours: serde_json::Value = from_str(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(floats(ours), floats(theirs));
    }
}

#[test]
fn broken_text_says_what_and_where() {
    for (text, what, place) in [
        ("{\"a\": 1,}", "member name", "line 1 column 9"),
        (
            "{\"a\": 1\n  \"b\": 2}",
            "expected `,` or `}`",
            "line 2 column 3",
        ),
        ("[1, 2", "unexpected end", "line 1 column 6"),
        ("[01]", "cannot start with 0", "line 1 column 3"),
        ("[1.]", "after `.`", "line 1 column 4"),
        ("{\"a\": tru}", "expected a value", "line 1 column 7"),
        ("\"tab\tinside\"", "control character", "line 1 column 5"),
        ("\"\\ud800 alone\"", "lone surrogate", ""),
        ("\"\\x\"", "unknown escape", ""),
        ("[1e999]", "out of range", ""),
        ("{} {}", "after the JSON value", "line 1 column 4"),
        ("", "unexpected end", "line 1 column 1"),
        ("{\"é\": x}", "expected a value", "line 1 column 7"),
    ] {
        let err = broken(text);
        assert!(
            err.starts_with("invalid JSON: ") && err.contains(what) && err.contains(place),
            "{text:?}: {err}"
        );
    }
}

/// What an editor typing figures by hand gets wrong most, French habits first: each message
/// still says what and where, and adds the likely cause in words they can act on.
#[test]
fn broken_text_names_an_editors_likely_slip() {
    for (text, place, hint) in [
        (
            "{\"value\": 30,5}",
            "line 1 column 14",
            "a decimal comma? JSON writes 2.5, with a point",
        ),
        (
            "{\"value\": 30 000}",
            "line 1 column 14",
            "space inside a number",
        ),
        (
            "{\"value\": 30, }",
            "line 1 column 15",
            "comma before the closing",
        ),
        ("[1, 2,\n]", "line 2 column 1", "comma before the closing"),
        ("{\"a\": 1\n  \"b\": 2}", "line 2 column 3", "missing comma"),
        (
            "{\"a\": \"x\"\n  \"b\": 2}",
            "line 2 column 3",
            "missing comma",
        ),
        ("{“value”: 30}", "line 1 column 2", "curly quotes"),
        ("{\"a\": « x »}", "line 1 column 7", "curly quotes"),
        ("{'value': 30}", "line 1 column 2", "single quotes"),
        (
            "{ // note\n\"value\": 30}",
            "line 1 column 3",
            "a comment? JSON has none",
        ),
        (
            "[1, /* two */ 2]",
            "line 1 column 5",
            "a comment? JSON has none",
        ),
        (
            "{\"value\": 30 // dollars\n}",
            "line 1 column 14",
            "a comment? JSON has none",
        ),
        ("{\"value\":\u{a0}30}", "line 1 column 10", "no-break space"),
        ("{\"value\": $30}", "line 1 column 11", "currency sign"),
        ("{\"value\": 30€}", "line 1 column 13", "currency sign"),
        (
            "{\"value\": 30bn}",
            "line 1 column 13",
            "a unit after the number",
        ),
        (
            "{\"value\": 10 GW}",
            "line 1 column 14",
            "a unit after the number",
        ),
        ("[3.5%]", "line 1 column 5", "a unit after the number"),
        (
            "{&quot;value&quot;: 30}",
            "line 1 column 2",
            "HTML entities",
        ),
        ("{\"a\": &lt;b&gt;}", "line 1 column 7", "HTML entities"),
        (
            "<!-- {\"value\": 30} -->",
            "line 1 column 1",
            "HTML around the JSON",
        ),
        (
            "<![CDATA[{\"value\": 30}]]>",
            "line 1 column 1",
            "HTML around the JSON",
        ),
    ] {
        let err = broken(text);
        assert!(
            err.starts_with("invalid JSON: ") && err.contains(place) && err.contains(hint),
            "{text:?}: {err}"
        );
    }
    // No guess where none fits (a missing colon is not a missing comma).
    for text in ["{\"a\": tru}", "[01]", "{} {}", "{\"a\" \"b\"}"] {
        let err = broken(text);
        assert!(
            !err.contains('?') && !err.contains(": write"),
            "{text:?}: {err}"
        );
    }
}

#[test]
fn numbers_are_exact_where_stories_write_them() {
    let num = |t: &str| from_str::<f64>(t).unwrap();
    // Up to 15 significant digits and powers of ten to 22: the float nearest the text.
    for t in [
        "0",
        "-0",
        "11.8",
        "0.1",
        "0.3",
        "100",
        "2.5e3",
        "-1E-2",
        "123456789012",
        "0.000001",
        "13",
        "-30",
        "99.99",
        "1e22",
        "4.35",
        "1234567.891",
        "9007199254740992",
    ] {
        assert_eq!(num(t), t.parse::<f64>().unwrap(), "{t}");
    }
    // Beyond, within a hair of it.
    for t in [
        "1e300",
        "2.5e-300",
        "123456789012345678901234567890",
        "1e-30",
        "0.1234567890123456789",
    ] {
        let (ours, exact) = (num(t), t.parse::<f64>().unwrap());
        assert!(
            (ours - exact).abs() <= exact.abs() * 1e-14,
            "{t}: {ours} vs {exact}"
        );
    }
}

#[test]
fn type_mistakes_are_worded_for_an_editor_not_a_programmer() {
    // serde's own wording ("invalid type: unit value, expected struct Item") names Rust
    // types; an editor fixing the JSON reads what to write instead.
    let cases = [
        (
            r#"{"items":{}}"#,
            "items",
            "expected a list [ … ], found an object",
        ),
        (
            r#"{"items":[null]}"#,
            "items[0]",
            "expected an object { … }, found null",
        ),
        (
            r#"{"items":[{"count":1,"share":"half","kind":"loan"}]}"#,
            "items[0].share",
            "expected a number, found the text \"half\"",
        ),
        (
            r#"{"items":[{"count":1,"share":1,"kind":7}]}"#,
            "items[0].kind",
            "expected a word in quotes, found the number 7",
        ),
        (
            r#"{"items":[],"note":true}"#,
            "note",
            "expected text in quotes, found true",
        ),
        (r#"[]"#, "", "expected an object { … }, found a list"),
    ];
    for (text, path, message) in cases {
        assert_eq!(
            failure(text),
            (path.to_string(), message.to_string()),
            "{text}"
        );
    }
}
