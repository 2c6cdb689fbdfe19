//! The embedded story validates, carries the fact sheet's figures, and every validation
//! rule names the JSON path of a broken field.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use explainer::story::{load, AmountKind, Status, Unit, EMBEDDED_JSON};
use serde_json::{json, Value};

fn base() -> Value {
    serde_json::from_str(EMBEDDED_JSON).unwrap()
}

/// Applies `edit` to the embedded story and returns the problems' paths and texts.
fn problems(edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut v = base();
    edit(&mut v);
    match load(&v.to_string()) {
        Ok(_) => vec![],
        Err(ps) => ps
            .into_iter()
            .map(|p| (p.path.clone(), p.to_string()))
            .collect(),
    }
}

fn assert_path(ps: &[(String, String)], path: &str, contains: &str) {
    assert!(
        ps.iter()
            .any(|(p, text)| p == path && text.contains(contains)),
        "expected a problem at {path} mentioning {contains:?}, got {ps:#?}"
    );
}

#[test]
fn embedded_story_is_valid_and_complete() {
    let s = load(EMBEDDED_JSON).unwrap_or_else(|ps| panic!("{ps:#?}"));
    assert!(s.entities.len() >= 15);
    assert!(s.events.len() >= 15);
    assert_eq!(s.questions.len(), 5);
    assert!(
        s.events.iter().any(|e| e.date.starts_with("2019"))
            && s.events.iter().any(|e| e.date.starts_with("2026"))
    );
    for id in [
        "nvidia",
        "openai",
        "microsoft",
        "amazon",
        "softbank",
        "oracle",
        "google",
        "anthropic",
        "amd",
        "broadcom",
        "intel",
        "groq",
        "cerebras",
        "sambanova",
        "mgx",
        "stargate",
    ] {
        assert!(s.entity(id).is_some(), "missing entity {id}");
    }
}

#[test]
fn embedded_story_carries_fact_sheet_figures() {
    let s = load(EMBEDDED_JSON).unwrap();
    let loi = s.relationship("nvidia-openai-loi").unwrap();
    let a = loi.amount.as_ref().unwrap();
    assert_eq!(
        (a.kind, a.value, a.unit),
        (AmountKind::UpTo, Some(100.0), Some(Unit::UsdBn))
    );
    assert_eq!(loi.status, Status::Superseded);
    assert_eq!(loi.date.as_deref(), Some("2025-09-22"));
    let equity = s.relationship("nvidia-openai-equity").unwrap();
    assert_eq!(equity.amount.as_ref().unwrap().value, Some(30.0));
    assert_eq!(equity.status, Status::Confirmed);
    let msft = s.relationship("microsoft-openai-commitment").unwrap();
    assert_eq!(msft.amount.as_ref().unwrap().value, Some(13.0));
    let (_, analysts) = s.bar("bar-nvidia-analysts").unwrap();
    assert_eq!(
        (analysts.amount.low, analysts.amount.high, analysts.status),
        (Some(20.0), Some(50.0), Status::Unverified)
    );
    let (_, funded) = s.bar("bar-msft-funded").unwrap();
    assert_eq!(funded.amount.value, Some(11.8));
}

/// A comparison's bar that shows its group's relationship's own figure is dated as the
/// relationship is: the $13 billion Microsoft committed was dated by its first investment in
/// the diagram (July 2019) and by the filing that gives the total in the comparison (March
/// 2026), one figure with two dates.
#[test]
fn a_figure_shown_twice_has_one_date() {
    let s = load(EMBEDDED_JSON).unwrap();
    let cmp = s.comparison.as_ref().unwrap();
    let mut checked = 0;
    for g in &cmp.groups {
        let Some(r) = g.relationship.as_deref().and_then(|id| s.relationship(id)) else {
            continue;
        };
        for b in g
            .bars
            .iter()
            .filter(|b| Some(&b.amount) == r.amount.as_ref())
        {
            assert_eq!(b.date, r.date, "{} and {}", b.id, r.id);
            checked += 1;
        }
    }
    assert!(checked >= 2, "{checked} bars checked");
}

/// Every English text of the story, with its JSON path.
fn english_texts(v: &Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("en", Value::String(s)) => out.push((format!("{path}.en"), s.clone())),
                    _ => english_texts(x, format!("{path}.{k}"), out),
                }
            }
        }
        Value::Array(xs) => {
            for (i, x) in xs.iter().enumerate() {
                english_texts(x, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// A reader of the English version sees "February 27, 2026" under every source and event, so
/// the prose must not say "27 February" beside it.
#[test]
fn english_prose_writes_dates_as_the_interface_does() {
    use explainer::{format::date, i18n::Lang::En};
    assert_eq!(date("2026-02-27", En), "February\u{a0}27, 2026");
    // The month names as the interface writes them ("March 2026").
    let months: Vec<String> = (1..=12)
        .map(|m| date(&format!("2026-{m:02}"), En).replace(" 2026", ""))
        .collect();
    assert_eq!(
        (months[0].as_str(), months[11].as_str()),
        ("January", "December")
    );
    let mut texts = vec![];
    english_texts(&base(), "$".into(), &mut texts);
    assert!(
        texts.len() > 100,
        "only {} English texts found",
        texts.len()
    );
    let day_first: Vec<_> = texts
        .iter()
        .filter(|(_, t)| {
            let words: Vec<&str> = t.split_whitespace().collect();
            words.windows(2).any(|w| {
                w[0].chars().all(|c| c.is_ascii_digit())
                    && months
                        .iter()
                        .any(|m| w[1].trim_end_matches([',', '.', ';']) == m)
            })
        })
        .collect();
    assert!(
        day_first.is_empty(),
        "day before month in English: {day_first:#?}"
    );
}

#[test]
fn unknown_entity_in_relationship() {
    let ps = problems(|v| v["relationships"][2]["from"] = json!("nvidai"));
    assert_path(&ps, "relationships[2].from", "\"nvidai\"");
}

#[test]
fn a_story_without_entities_says_so_alone() {
    // Every relationship, event and quote names entities: each reference would be an
    // unknown entity too, and bury the one problem to fix under a hundred.
    let ps = problems(|v| v["entities"] = json!([]));
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_path(&ps, "entities", "at least one entity");
    // With entities, an unknown one is still named wherever it is used.
    let ps = problems(|v| {
        v["entities"] = json!([v["entities"][0].clone()]);
    });
    assert_path(&ps, "relationships[0].to", "unknown entity");
    assert_path(&ps, "events[0].entities[0]", "unknown entity");
}

#[test]
fn missing_translation() {
    let ps = problems(|v| {
        v["entities"][4]["description"]
            .as_object_mut()
            .unwrap()
            .remove("en")
            .map(|_| ())
            .unwrap()
    });
    assert_path(&ps, "entities[4].description.en", "missing translation");
}

#[test]
fn a_text_that_would_show_as_nothing_is_missing() {
    // A zero-width space, a byte order mark, a direction mark or a soft hyphen, alone or
    // among spaces: the control or heading would show no name.
    for (i, blank) in ["\u{200b}", " \u{feff} ", "\u{200e}", "\u{ad}\u{2060}"]
        .into_iter()
        .enumerate()
    {
        let ps = problems(|v| {
            v["entities"][i]["name"]["fr"] = json!(blank);
            v["sources"][i]["title"] = json!(blank);
        });
        assert_path(
            &ps,
            &format!("entities[{i}].name.fr"),
            "missing translation",
        );
        assert_path(&ps, &format!("sources[{i}].title"), "");
    }
    // Among visible letters, they are the editor's to keep.
    let ps = problems(|v| v["entities"][0]["name"]["fr"] = json!("Nvi\u{ad}dia\u{200b}"));
    assert_eq!(ps, vec![]);
}

#[test]
fn range_low_above_high() {
    let ps = problems(|v| v["comparison"]["groups"][0]["bars"][2]["amount"]["low"] = json!(80));
    assert_path(&ps, "comparison.groups[0].bars[2].amount.low", "80 > 50");
}

#[test]
fn negative_amount() {
    let ps = problems(|v| v["relationships"][1]["amount"]["value"] = json!(-30));
    assert_path(&ps, "relationships[1].amount.value", "-30");
}

#[test]
fn a_figure_past_what_its_unit_can_hold_is_named() {
    // Dollars typed under `usd_bn`, a share over the whole company, a range's top in watts.
    let ps = problems(|v| {
        v["relationships"][1]["amount"]["value"] = json!(30e9);
        v["relationships"][2]["amount"] = json!({"kind": "exact", "value": 270, "unit": "pct"});
        v["comparison"]["groups"][0]["bars"][2]["amount"]["high"] = json!(5e9);
    });
    assert_path(&ps, "relationships[1].amount.value", "30000000000");
    assert_path(
        &ps,
        "relationships[1].amount.value",
        "at most 100000 (100 trillion dollars)",
    );
    assert_path(
        &ps,
        "relationships[2].amount.value",
        "at most 100 (the whole company)",
    );
    assert_path(
        &ps,
        "comparison.groups[0].bars[2].amount.high",
        "5000000000",
    );
    assert_eq!(ps.len(), 3, "{ps:#?}");
    // At the bound, a figure stands.
    let ps = problems(|v| {
        v["relationships"][2]["amount"] = json!({"kind": "exact", "value": 100, "unit": "pct"})
    });
    assert!(ps.is_empty(), "{ps:#?}");
}

#[test]
fn a_figure_that_would_show_as_zero_is_named() {
    // $400,000 written as 0.0004 under `usd_bn` read "0 milliard de dollars": a deal shown
    // as nothing. Figures show thousandths at most (see `format::number`).
    let ps = problems(|v| {
        v["relationships"][1]["amount"]["value"] = json!(0.0004);
        v["comparison"]["groups"][0]["bars"][2]["amount"]["low"] = json!(1e-9);
    });
    assert_path(
        &ps,
        "relationships[1].amount.value",
        "too small for its unit: it would show as 0; write it in a smaller unit (found: 0.0004)",
    );
    assert_path(&ps, "comparison.groups[0].bars[2].amount.low", "too small");
    assert_eq!(ps.len(), 2, "{ps:#?}");
    // Zero is a figure, and a thousandth shows.
    let ps = problems(|v| {
        v["relationships"][1]["amount"]["value"] = json!(0);
        v["relationships"][2]["amount"] = json!({"kind": "exact", "value": 0.0005, "unit": "usd_m"})
    });
    assert!(ps.is_empty(), "{ps:#?}");
}

#[test]
fn invalid_dates() {
    let ps = problems(|v| {
        v["events"][3]["date"] = json!("2025-02-30");
        v["relationships"][0]["date"] = json!("22/09/2025");
    });
    assert_path(&ps, "events[3].date", "\"2025-02-30\"");
    assert_path(&ps, "relationships[0].date", "\"22/09/2025\"");
}

#[test]
fn non_http_url() {
    let ps = problems(|v| v["sources"][1]["url"] = json!("javascript:alert(1)"));
    assert_path(&ps, "sources[1].url", "javascript:alert(1)");
}

#[test]
fn a_source_language_must_be_a_language_tag() {
    for bad in ["english", "e", "en_US", "fr-", ""] {
        let ps = problems(|v| v["sources"][2]["lang"] = json!(bad));
        assert_path(&ps, "sources[2].lang", &format!("{bad:?}"));
    }
    for good in ["en", "fr-CA", "zh-Hant-TW", "ast"] {
        assert!(
            problems(|v| v["sources"][2]["lang"] = json!(good)).is_empty(),
            "{good}"
        );
    }
}

#[test]
fn unknown_source_id() {
    let ps = problems(|v| v["questions"][0]["sources"][1] = json!("nowhere"));
    assert_path(&ps, "questions[0].sources[1]", "\"nowhere\"");
    let ps = problems(|v| v["quotes"][0]["source"] = json!("nowhere"));
    assert_path(&ps, "quotes[0].source", "\"nowhere\"");
}

#[test]
fn unknown_relationship_of_a_comparison_group_names_the_field() {
    let ps = problems(|v| v["comparison"]["groups"][0]["relationship"] = json!("nowhere"));
    assert_path(&ps, "comparison.groups[0].relationship", "\"nowhere\"");
}

#[test]
fn duplicate_id_across_lists() {
    let ps = problems(|v| v["events"][0]["id"] = json!("nvidia"));
    assert_path(&ps, "events[0].id", "duplicate id");
}

#[test]
fn a_misspelt_id_is_named_before_the_links_it_breaks() {
    // Written with a capital, the source's id is malformed, and every link to "article" is
    // unknown: the editor first reads the id to mend (sources come last in the story), not
    // one of the links, which look right.
    let ps = problems(|v| v["sources"][0]["id"] = json!("Article"));
    assert_eq!(ps[0].0, "sources[0].id", "{ps:#?}");
    assert!(ps[0].1.contains("\"Article\""), "{ps:#?}");
    assert!(
        ps[1..]
            .iter()
            .any(|(_, t)| t.contains("unknown source id") && t.contains("\"article\"")),
        "{ps:#?}"
    );
    // A duplicate too, before a broken link earlier in the story.
    let ps = problems(|v| {
        v["relationships"][0]["to"] = json!("nowhere");
        v["sources"][0]["id"] = json!("nvidia");
    });
    assert_eq!(ps[0].0, "sources[0].id", "{ps:#?}");
    assert!(ps[0].1.contains("duplicate id"), "{ps:#?}");
    assert!(
        ps.iter().any(|(p, _)| p == "relationships[0].to"),
        "{ps:#?}"
    );
}

#[test]
fn amount_fields_must_match_kind() {
    let ps = problems(|v| {
        v["relationships"][1]["amount"] = json!({"kind": "range", "value": 3, "unit": "usd_bn"})
    });
    assert_path(&ps, "relationships[1].amount.low", "missing");
    assert_path(&ps, "relationships[1].amount.value", "not used");
}

#[test]
fn a_comparison_group_without_bars_names_the_field() {
    // It was drawn: a heading over nothing, and with every group so, an empty axis.
    let ps = problems(|v| v["comparison"]["groups"][1]["bars"] = json!([]));
    assert_path(&ps, "comparison.groups[1].bars", "at least one bar");
    // A comparison without groups is no mistake: the story simply has no comparison tab.
    assert!(problems(|v| v["comparison"]["groups"] = json!([])).is_empty());
}

#[test]
fn comparison_bars_share_one_unit() {
    let ps = problems(|v| v["comparison"]["groups"][1]["bars"][0]["amount"]["unit"] = json!("gw"));
    assert_path(&ps, "comparison.groups[1].bars[0].amount.unit", "unit");
}

#[test]
fn typo_in_field_name_names_the_field() {
    let ps = problems(|v| {
        let r = v["relationships"][5].as_object_mut().unwrap();
        let a = r.remove("amount").unwrap();
        r.insert("amout".into(), a);
    });
    assert_eq!(ps.len(), 1);
    assert!(ps[0].0.starts_with("relationships[5]"), "{ps:?}");
    assert!(ps[0].1.contains("amout"), "{ps:?}");
}

#[test]
fn wrong_enum_value_names_the_path() {
    let ps = problems(|v| v["relationships"][3]["kind"] = json!("loan"));
    assert_eq!(ps[0].0, "relationships[3].kind");
    assert!(ps[0].1.contains("loan"));
}

#[test]
fn syntax_error_is_reported_not_panicked() {
    let Err(ps) = load("{\"title\": ") else {
        panic!("accepted broken JSON")
    };
    assert!(ps[0].to_string().contains("line 1"), "{ps:?}");
}

#[test]
fn text_cut_or_garbled_anywhere_is_an_error_never_a_panic() {
    // An editor's paste can stop or slip anywhere. Cuts of the shipped story (each of the
    // first 100 bytes, then one in 97) and a stray character at one place in 211 must give
    // problems that name a place, not a panic and not a story.
    let text = EMBEDDED_JSON;
    let cuts = (0..text.len()).filter(|&i| (i < 100 || i % 97 == 0) && text.is_char_boundary(i));
    for i in cuts {
        let Err(ps) = load(&text[..i]) else {
            panic!("accepted the story cut at byte {i}")
        };
        assert!(
            !ps.is_empty() && !ps[0].message.to_string().is_empty(),
            "cut at {i}"
        );
    }
    let (mut tried, mut wrong) = (0, 0);
    for i in (1..text.len()).filter(|&i| i % 211 == 0 && text.is_char_boundary(i)) {
        for stray in ["\"", "}", ",", "\\", "\u{7}"] {
            let garbled = format!("{}{stray}{}", &text[..i], &text[i..]);
            tried += 1;
            if let Err(ps) = load(&garbled) {
                wrong += 1;
                let p = &ps[0];
                assert!(
                    !p.path.is_empty() && !p.message.to_string().is_empty(),
                    "{i} {stray:?}: {p}"
                );
            }
        }
    }
    // Some land harmlessly inside a string (a `}` in a name); most must not.
    assert!(
        wrong * 2 > tried,
        "only {wrong} of {tried} garbled texts refused"
    );
}

#[test]
fn status_and_question_codes_are_their_json_names() {
    // The codes name CSS classes (`xp-st-reported`): they must stay the names editors write.
    use explainer::story::json::from_str;
    use explainer::story::QuestionState;
    for name in [
        "confirmed",
        "reported",
        "unverified",
        "pledged",
        "superseded",
    ] {
        let s: Status = from_str(&format!("\"{name}\"")).unwrap();
        assert_eq!(s.code(), name);
    }
    for name in ["answered", "partly", "open"] {
        let q: QuestionState = from_str(&format!("\"{name}\"")).unwrap();
        assert_eq!(q.code(), name);
    }
}

#[test]
fn lookups_by_id_find_every_item_even_after_the_lists_change() {
    // Items are found by id through an index built on first use; the model's lists are
    // public, so one changed afterwards must still be searched right.
    let mut s = load(&common::story(120, 300, 11)).unwrap();
    for (i, e) in s.entities.iter().enumerate() {
        assert_eq!(s.entity_index(&e.id), Some(i), "{}", e.id);
    }
    for r in &s.relationships {
        assert_eq!(s.relationship(&r.id).map(|x| &x.id), Some(&r.id));
    }
    assert!(s.entity("nobody").is_none());
    assert!(s.relationship("").is_none());
    // Renamed in place, then a new item appended.
    s.entities[5].id = "renamed".into();
    assert_eq!(s.entity_index("renamed"), Some(5));
    assert_eq!(s.entity_index("e5"), None);
    let mut extra = s.entities[0].clone();
    extra.id = "appended".into();
    s.entities.push(extra);
    assert_eq!(s.entity_index("appended"), Some(120));
    assert_eq!(s.entity_index("e0"), Some(0));
}

#[test]
fn a_kinds_number_is_its_place_in_the_legend_order() {
    // The diagram files each kind's lines by `kind as usize` and reads it back from
    // `Kind::ALL`: the two orders must agree.
    for (i, k) in explainer::story::Kind::ALL.into_iter().enumerate() {
        assert_eq!(k as usize, i, "{k:?}");
    }
}

#[test]
fn french_texts_get_no_break_spaces_and_english_ones_stay_as_typed() {
    let mut v = base();
    v["entities"][0]["description"] =
        json!({ "fr": "Elle « entend investir » : soit ?", "en": "It said \"up to\" : so ?" });
    let story = load(&v.to_string()).unwrap();
    let d = &story.entities[0].description;
    assert_eq!(
        d.fr,
        "Elle «\u{a0}entend investir\u{a0}»\u{a0}: soit\u{a0}?"
    );
    assert_eq!(d.en, "It said \"up to\" : so ?");
    // The shipped story: no French text keeps a plain space where a no-break one belongs.
    let shipped = load(EMBEDDED_JSON).unwrap();
    assert!(shipped
        .entities
        .iter()
        .all(|e| !e.description.fr.contains(" %")));
}

#[test]
fn a_story_saved_with_a_byte_order_mark_reads_as_without_it() {
    // Some Windows editors put an unseen mark first in a UTF-8 file: the editor would get
    // "expected a value at line 1 column 1" for a file that looks right.
    let with_mark = load(&format!("\u{feff}{EMBEDDED_JSON}")).expect("a story with a mark loads");
    let without = load(EMBEDDED_JSON).unwrap();
    assert_eq!(with_mark.entities, without.entities);
    assert_eq!(with_mark.relationships, without.relationships);
    // Anywhere else the mark is a stray character, and said so with its place.
    let inside = EMBEDDED_JSON.replacen('{', "{\u{feff}", 1);
    let err = load(&inside).unwrap_err();
    assert!(
        err[0].message.to_string().contains("line 1 column 2"),
        "{err:?}"
    );
}

#[test]
fn a_french_source_title_gets_french_spacing_and_others_keep_theirs() {
    let mut v = base();
    let title = "Nvidia et OpenAI : le point ?";
    for (i, lang) in ["fr", "FR-ca", "en"].into_iter().enumerate() {
        v["sources"][i]["title"] = json!(title);
        v["sources"][i]["lang"] = json!(lang);
    }
    let story = load(&v.to_string()).unwrap();
    let spaced = "Nvidia et OpenAI\u{a0}: le point\u{a0}?";
    assert_eq!(story.sources[0].title, spaced);
    assert_eq!(story.sources[1].title, spaced);
    assert_eq!(
        story.sources[2].title, title,
        "an English title is left as written"
    );
}
