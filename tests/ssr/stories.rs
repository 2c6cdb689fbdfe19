//! Stories of every shape the schema allows, and broken ones: what each renders.

use crate::common::esc;

use explainer::i18n::{ui, Lang};
use explainer::render_html;
use explainer::state::View;
use explainer::story::{load, EMBEDDED_JSON};

#[test]
fn every_view_renders_its_content() {
    let story = load(EMBEDDED_JSON).unwrap();
    let cmp = render_html(EMBEDDED_JSON, Lang::En, View::Comparison, 375, false, true);
    for g in &story.comparison.as_ref().unwrap().groups {
        for b in &g.bars {
            assert!(
                cmp.contains(&esc(b.label.get(Lang::En))),
                "bar {} missing",
                b.id
            );
        }
    }
    let tl = render_html(EMBEDDED_JSON, Lang::Fr, View::Timeline, 375, false, true);
    for e in &story.events {
        assert!(
            tl.contains(&esc(e.title.get(Lang::Fr))),
            "event {} missing",
            e.id
        );
    }
    assert!(
        tl.contains("Après l’article"),
        "later developments are marked"
    );
    let qs = render_html(EMBEDDED_JSON, Lang::Fr, View::Questions, 375, false, true);
    assert_eq!(
        qs.matches("<details").count(),
        story.questions.len() + 2,
        "a disclosure per question, the data table and all sources"
    );
    assert!(qs.contains("toujours ouverte"));
}

#[test]
fn text_alternative_lists_every_relationship() {
    let story = load(EMBEDDED_JSON).unwrap();
    let html = render_html(EMBEDDED_JSON, Lang::En, View::Diagram, 1280, false, true);
    let table = &html[html.find("<table").unwrap()..];
    assert_eq!(table.matches("<tr>").count(), story.relationships.len() + 1);
}

/// A story may name players and no relationship (the schema allows it): the explainer then
/// shows the players, without a legend of lines or a table of relationships left empty, and
/// asks the reader to choose a player (not a link).
#[test]
fn a_story_without_relationships_shows_no_empty_legend_table_or_link_hint() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.insert("relationships".into(), serde_json::json!([]));
    for key in ["events", "quotes", "questions"] {
        obj.insert(key.into(), serde_json::json!([]));
    }
    obj.remove("comparison");
    let json = v.to_string();
    let t = ui(Lang::En);
    for width in [320, 1280] {
        let html = render_html(&json, Lang::En, View::Diagram, width, false, true);
        assert!(html.contains("data-key=\"entity:nvidia\""), "{html}");
        assert!(
            !html.contains(t.legend),
            "a legend with nothing in it: {html}"
        );
        assert!(!html.contains(t.table_caption), "an empty table: {html}");
        assert!(html.contains(t.all_sources), "{html}");
        // Nor a hint to choose a link.
        assert!(!html.contains(t.diagram_hint) && html.contains(t.players_hint));
    }
    // The shipped story keeps both.
    let full = render_html(EMBEDDED_JSON, Lang::En, View::Diagram, 320, false, true);
    assert!(full.contains(t.legend) && full.contains(t.table_caption));
    assert!(full.contains(t.diagram_hint) && !full.contains(t.players_hint));
}

/// Empties every `sources` list in `v`, the story's own and each item's.
fn without_sources(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "sources" {
                    *x = serde_json::json!([]);
                } else {
                    without_sources(x);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(without_sources),
        _ => {}
    }
}

#[test]
fn a_story_without_sources_offers_no_empty_list_of_them() {
    // "All sources (0)" was offered, and opened onto nothing.
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    without_sources(&mut v);
    // A quotation needs its source.
    v["quotes"] = serde_json::json!([]);
    let json = v.to_string();
    for lang in [Lang::Fr, Lang::En] {
        let t = ui(lang);
        for view in [View::Diagram, View::Questions] {
            let html = render_html(&json, lang, view, 375, false, true);
            assert!(html.contains("data-key=\"entity:nvidia\""), "{html}");
            assert!(!html.contains(t.all_sources), "{lang:?} {view:?}: {html}");
            assert!(!html.contains("xp-sources"), "{lang:?} {view:?}: {html}");
        }
    }
    // The shipped story keeps its list.
    let full = render_html(EMBEDDED_JSON, Lang::En, View::Diagram, 375, false, true);
    assert!(full.contains(ui(Lang::En).all_sources));
}

#[test]
fn broken_story_renders_the_error_view_with_the_path() {
    let broken = EMBEDDED_JSON.replacen("\"from\": \"nvidia\"", "\"from\": \"nvidai\"", 1);
    let html = render_html(&broken, Lang::Fr, View::Diagram, 375, false, true);
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("relationships[0].from"), "{html}");
    assert!(!html.contains("xp-svg"));
}

/// A French newsroom's editor reads what is wrong in French, an English one in English,
/// and nothing in the view is in a language its `lang` does not say.
#[test]
fn the_editor_reads_the_mistake_in_the_explainers_language() {
    let detail = |json: &str, lang| {
        let html = render_html(json, lang, View::Diagram, 375, false, true);
        assert!(
            !html.contains(" lang=\"en\">") || lang == Lang::En,
            "{html}"
        );
        html[html.find("<p>").unwrap()..].to_string()
    };
    // A reference to no entity, with the value as written.
    let unknown = EMBEDDED_JSON.replacen("\"from\": \"nvidia\"", "\"from\": \"nvidai\"", 1);
    let fr = detail(&unknown, Lang::Fr);
    assert!(
        fr.contains("relationships[0].from</code>\u{a0}: id d’entité inconnu — <code>\"nvidai\""),
        "{fr}"
    );
    let en = detail(&unknown, Lang::En);
    assert!(
        en.contains("relationships[0].from</code>: unknown entity id — "),
        "{en}"
    );
    // Broken text, with its line and column and the likely slip: a decimal comma.
    let comma = EMBEDDED_JSON.replacen("\"value\": 100,", "\"value\": 100,5,", 1);
    let fr = detail(&comma, Lang::Fr);
    assert!(
        fr.contains("JSON invalide\u{a0}: un nom de membre entre guillemets droits est attendu, ligne 54, colonne ")
            && fr.contains("(une virgule décimale\u{a0}? JSON écrit 2.5, avec un point)"),
        "{fr}"
    );
    let en = detail(&comma, Lang::En);
    assert!(
        en.contains("invalid JSON: expected a member name in double quotes at line 54 column ")
            && en.contains("(a decimal comma? JSON writes 2.5, with a point)"),
        "{en}"
    );
    // A word the schema does not know, and a figure of the wrong type: the lists of all
    // problems and serde's own types are worded for an editor in both languages.
    let word = EMBEDDED_JSON.replacen("\"kind\": \"up_to\"", "\"kind\": \"jusqu_a\"", 1);
    assert!(detail(&word, Lang::Fr).contains(
        "valeur inconnue «\u{a0}jusqu_a\u{a0}»\u{a0}; choisissez parmi\u{a0}: exact, approx, up_to"
    ));
    let text = EMBEDDED_JSON.replacen("\"value\": 100,", "\"value\": \"100\",", 1);
    assert!(detail(&text, Lang::Fr)
        .contains("attendu\u{a0}: un nombre\u{a0}; trouvé\u{a0}: le texte «\u{a0}100\u{a0}»"));
    assert!(detail(&text, Lang::En).contains("expected a number, found the text \"100\""));
    // Several problems: each in the list, in the view's language, the kind by its JSON name.
    let two = EMBEDDED_JSON
        .replacen(
            "\"kind\": \"up_to\", \"value\": 100,",
            "\"kind\": \"range\", \"value\": 100,",
            1,
        )
        .replacen("\"date\": \"2025-09-22\"", "\"date\": \"2025-09-31\"", 1);
    let fr = render_html(&two, Lang::Fr, View::Diagram, 375, false, true);
    assert!(fr.contains("Tous les problèmes"), "{fr}");
    assert!(fr.contains("inutile pour le type \"range\"\u{a0}: retirez-le ou changez de type (trouvé\u{a0}: 100)"), "{fr}");
    assert!(
        fr.contains("date invalide (attendu\u{a0}: AAAA, AAAA-MM ou AAAA-MM-JJ, un jour qui existe) (trouvé\u{a0}: \"2025-09-31\")"),
        "{fr}"
    );
    let en = render_html(&two, Lang::En, View::Diagram, 375, false, true);
    assert!(
        en.contains("amount.low: missing: needed for kind \"range\"</code>"),
        "{en}"
    );
}

#[test]
fn generated_story_renders_without_code_change() {
    let json = crate::common::story(40, 90, 7);
    let html = render_html(&json, Lang::En, View::Diagram, 640, false, true);
    assert_eq!(html.matches("class=\"xp-node").count(), 40);
    assert_eq!(
        html.matches("<circle class=\"xp-edge xp-hit ").count(),
        90,
        "a handle per relationship, one element each"
    );
    // Lines are merged into one path per look: every relationship's curve is in one of them.
    let story = explainer::story::load(&json).unwrap();
    let g = explainer::layout::layout(&story, Lang::En, 640);
    assert_eq!(g.edges.len(), 90);
    for e in &g.edges {
        assert!(
            html.contains(&e.path),
            "line of relationship {} not drawn",
            e.relationship
        );
        let kind = story.relationships[e.relationship].kind;
        assert!(
            html.contains(&explainer::components::marker(kind, e.hx, e.hy)),
            "marker of relationship {} not drawn on its handle",
            e.relationship
        );
    }
    // Markers are drawn over the handles (the stylesheet lets taps through to them).
    let marks = html.find("class=\"xp-marks\"").expect("a marker layer");
    assert!(
        marks > html.rfind("xp-hit").unwrap(),
        "markers are drawn after the handles"
    );
    assert!(
        html.matches("class=\"xp-line\"").count() <= 5 * 2 + 6,
        "at most one line path per kind and weight, plus the legend's samples"
    );
}
