//! The JSON reader names the path of the first wrong field, whatever the story, and refuses
//! what would break it (fractional counts, hostile nesting) with a message instead of a panic.
#![cfg(not(target_arch = "wasm32"))]

use explainer::story::json::{from_value, parse, Failure, Value};
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
    from_value(&parse(text).expect("valid JSON"))
}

fn failure(text: &str) -> (String, String) {
    let f = read(text).expect_err("should not fit");
    (f.path, f.message)
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
    assert!(msg.contains("invalid type: string \"2\""), "{msg}");

    let (path, msg) = failure(&format!(
        r#"{{"items":[{ok},{ok},{{"count":1,"share":1,"kind":"grant"}}]}}"#
    ));
    assert_eq!(path, "items[2].kind");
    assert!(msg.contains("unknown variant `grant`"), "{msg}");
}

#[test]
fn a_misspelt_field_is_named_not_dropped() {
    let (path, msg) = failure(r#"{"items":[{"count":1,"shar":1,"kind":"loan"}]}"#);
    assert_eq!(path, "items[0].shar");
    assert!(msg.contains("unknown field `shar`"), "{msg}");
}

#[test]
fn a_missing_field_names_its_object() {
    let (path, msg) = failure(r#"{"items":[{"count":1,"kind":"loan"}]}"#);
    assert_eq!(path, "items[0]");
    assert!(msg.contains("missing field `share`"), "{msg}");
    let (path, _) = failure(r#"{}"#);
    assert_eq!(path, "");
}

#[test]
fn whole_numbers_fill_counts_and_fractions_do_not() {
    let (path, msg) = failure(r#"{"items":[{"count":2.5,"share":1,"kind":"loan"}]}"#);
    assert_eq!(path, "items[0].count");
    assert!(msg.contains("2.5"), "{msg}");
    let (path, msg) = failure(r#"{"items":[{"count":-1,"share":1,"kind":"loan"}]}"#);
    assert_eq!(path, "items[0].count");
    assert!(msg.contains("-1"), "{msg}");
}

#[test]
fn members_keep_their_written_order() {
    let Value::Object(members) = parse(r#"{"z":1,"a":[true,null,"s"]}"#).unwrap() else {
        panic!("not an object")
    };
    assert_eq!(members[0], ("z".to_string(), Value::Number(1.0)));
    assert_eq!(
        members[1].1,
        Value::Array(vec![
            Value::Bool(true),
            Value::Null,
            Value::String("s".into())
        ])
    );
}

#[test]
fn hostile_nesting_is_refused_not_overflowed() {
    // Built by hand: the text parser has its own limit, the tree walk must have one too.
    let mut v = Value::Null;
    for _ in 0..10_000 {
        v = Value::Array(vec![v]);
    }
    let f = from_value::<IgnoredAny>(&v).unwrap_err();
    assert!(f.message.contains("nested deeper"), "{f:?}");
    assert!(parse(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))).is_err());
    // Dropping a deep tree is recursive too: unwind it level by level.
    while let Value::Array(mut items) = v {
        v = items.pop().unwrap_or(Value::Null);
    }
}
