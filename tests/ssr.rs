//! The App renders natively (Yew SSR): title, every entity as a named control, every
//! relationship's accessible name, and the error view for a broken story.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::esc;

use explainer::describe::{entity_name, relationship_name};
use explainer::i18n::{ui, Lang};
use explainer::render_html;
use explainer::state::View;
use explainer::story::{load, EMBEDDED_JSON};

#[test]
fn renders_title_and_every_entity_as_a_named_control() {
    let story = load(EMBEDDED_JSON).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let html = render_html(EMBEDDED_JSON, lang, View::Diagram, 375, false, true);
        assert!(
            html.contains(&esc(story.title.get(lang))),
            "{lang:?}: title missing"
        );
        assert!(html.contains(&format!("lang=\"{}\"", lang.code())));
        for e in &story.entities {
            let name = esc(&entity_name(e, lang));
            assert!(
                html.contains(&format!("aria-label=\"{name}\"")),
                "{lang:?}: no control named {name}"
            );
            assert!(
                html.contains(&esc(e.name.get(lang).split(' ').next().unwrap())),
                "{lang:?}: {} not drawn",
                e.id
            );
        }
        for r in &story.relationships {
            let name = esc(&relationship_name(&story, r, lang));
            assert!(
                html.contains(&format!("aria-label=\"{name}\"")),
                "{lang:?}: no edge named {name}"
            );
        }
    }
}

/// Every player's name as drawn in `html` and read (its `<text>`, tags out, whitespace
/// collapsed), by its `data-key`, once per drawing.
fn drawn_names(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in html.match_indices("class=\"xp-node\"") {
        let rest = &html[at..];
        let key = rest
            .split("data-key=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let text = &rest[rest.find("<text").unwrap()..rest.find("</text>").unwrap()];
        let mut read = String::new();
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => read.push(c),
                _ => {}
            }
        }
        let read = read
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
        out.push((
            key.to_string(),
            read.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
    }
    out
}

#[test]
fn every_drawn_name_reads_as_written_wrapped_or_cut() {
    // Screen readers and speech users compare the visible text with the accessible name
    // (WCAG 2.5.3): lines wrapped at a space keep it ("Gouvernement américain", not
    // "Gouvernementaméricain"), and a word cut to fit its box gets none ("WWWW…", not
    // "WWWWWWWWWWW WWWWWWWWWWW WW"; ideographs, which have no spaces, likewise).
    let mut story: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let names = [
        "WWWWWWWWWWWWWWWWWWWWWWWW",
        "腾讯控股有限公司人工智能研究院",
        "🚀 Fonds 🌍 Monde 💶",
        "صندوق الاستثمارات العامة",
        "Very  Long\u{a0}Name   With Spaces Everywhere",
        "A Supercalifragilisticexpialidocious Holding",
    ];
    for (i, name) in names.iter().enumerate() {
        story["entities"][i]["name"] = serde_json::json!({ "fr": name, "en": name });
    }
    let json = story.to_string();
    let story = load(&json).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        // 0: every drawing of the pre-rendered snippet; then a phone and a desktop.
        for width in [0, 320, 1280] {
            let html = render_html(&json, lang, View::Diagram, width, false, true);
            let drawn = drawn_names(&html);
            assert!(
                drawn.len() >= story.entities.len(),
                "{width}: every player drawn"
            );
            for (key, read) in drawn {
                let e = story.entity(key.trim_start_matches("entity:")).unwrap();
                let written = e
                    .name
                    .get(lang)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                assert_eq!(
                    read, written,
                    "{lang:?} at {width} px: {key} reads otherwise"
                );
            }
        }
    }
}

#[test]
fn edge_names_read_like_the_brief() {
    let story = load(EMBEDDED_JSON).unwrap();
    let loi = story.relationship("nvidia-openai-loi").unwrap();
    assert_eq!(
        relationship_name(&story, loi, Lang::En),
        "Nvidia → OpenAI: investment, Letter of intent, up to $100\u{a0}billion, September\u{a0}22,\u{a0}2025, superseded"
    );
    assert_eq!(
        entity_name(story.entity("nvidia").unwrap(), Lang::Fr),
        "Nvidia, fabricant de puces"
    );
}

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
    let json = common::story(40, 90, 7);
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

#[test]
fn a_live_instance_builds_only_the_shown_view_and_no_closed_lists() {
    let story = load(EMBEDDED_JSON).unwrap();
    for view in [View::Diagram, View::Timeline] {
        let live = render_html(EMBEDDED_JSON, Lang::En, view, 375, false, false);
        let full = render_html(EMBEDDED_JSON, Lang::En, view, 375, false, true);
        // Every tab panel exists (tabs point at them), but only the shown one has a body.
        assert_eq!(live.matches("role=\"tabpanel\"").count(), 4);
        assert_eq!(live.contains("xp-svg"), view == View::Diagram, "{view:?}");
        assert_eq!(
            live.contains("xp-timeline"),
            view == View::Timeline,
            "{view:?}"
        );
        assert!(!live.contains("xp-questions"), "{view:?}: questions built");
        // Closed disclosures keep their summary, not their rows.
        assert!(live.contains(&format!(
            "Every relationship in the diagram ({})",
            story.relationships.len()
        )));
        assert!(
            !live.contains("<table"),
            "{view:?}: table built while closed"
        );
        assert!(
            !live.contains("<a href=\"https://"),
            "{view:?}: sources built"
        );
        assert!(full.contains("<table") && full.contains("xp-questions"));
        assert!(live.len() * 2 < full.len(), "{view:?}: live is not smaller");
    }
}

#[test]
fn controls_markup_escapes_story_text_and_keeps_one_tab_stop() {
    // The controls are written as markup: story text (which a host page may supply) must
    // not become markup, and the keyboard order must still cover every control once.
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    v["entities"][0]["name"]["en"] = serde_json::json!("Ä \"quoted\" <b>&amp;</b> lab»&");
    let json = v.to_string();
    let story = load(&json).unwrap();
    let html = render_html(&json, Lang::En, View::Diagram, 375, false, false);
    assert!(!html.contains("<b>"), "a name became markup");
    let name = esc(&entity_name(&story.entities[0], Lang::En));
    assert!(
        name.starts_with("Ä &quot;quoted&quot; &lt;b&gt;&amp;amp;&lt;/b&gt; lab»&amp;,"),
        "{name}"
    );
    assert!(html.contains(&format!("aria-label=\"{name}\"")));
    let count = story.entities.len() + story.relationships.len();
    for idx in 0..count {
        assert_eq!(
            html.matches(&format!("data-idx=\"{idx}\"")).count(),
            1,
            "control {idx} of {count}"
        );
    }
    assert_eq!(html.matches("data-idx=").count(), count);
    let svg = &html[html.find("class=\"xp-svg").unwrap()..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert_eq!(svg.matches("tabindex=\"0\"").count(), 1, "one tab stop");
}

#[test]
fn views_with_items_to_choose_keep_a_column_for_the_panel() {
    // Wide containers show the column (CSS); it holds a hint until something is chosen, so
    // choosing never changes the diagram's width. Open questions have nothing to choose.
    for (view, side) in [
        (View::Diagram, true),
        (View::Comparison, true),
        (View::Timeline, true),
        (View::Questions, false),
    ] {
        for lang in [Lang::Fr, Lang::En] {
            let html = render_html(EMBEDDED_JSON, lang, view, 900, false, false);
            assert_eq!(html.contains("xp-body with-side"), side, "{view:?}");
            let hint = ui(lang).side_hint;
            assert_eq!(html.contains(&esc(hint)), side, "{view:?} {lang:?}");
        }
    }
}

/// What a live instance draws in its first render (no effects run natively): with
/// `progressive`, a large diagram's first screen only.
fn first_render(json: &str, width: u32, progressive: bool) -> String {
    let json = json.to_string();
    let renderer = yew::ServerRenderer::<explainer::App>::with_props(move || explainer::AppProps {
        story: explainer::Loaded::from_json(&json),
        lang: Lang::En,
        view: View::Diagram,
        width,
        instance: "xp".into(),
        linked: Default::default(),
        asked: Default::default(),
        on_host: Default::default(),
        complete: false,
        progressive,
        fit_until: 0,
    });
    futures::executor::block_on(renderer.render())
}

/// The keyboard positions (`data-idx`) of the controls drawn in `html`, sorted.
fn drawn_idx(html: &str) -> Vec<usize> {
    let mut idx: Vec<usize> = html
        .split("data-idx=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect();
    idx.sort_unstable();
    idx
}

#[test]
fn a_large_diagram_draws_its_first_screen_first_and_keeps_its_tab_stop() {
    use explainer::components::FIRST_SCREEN;
    let json = common::story(200, 600, 11);
    let story = load(&json).unwrap();
    for width in [360, 1000] {
        let g = explainer::layout::layout(&story, Lang::En, width);
        let first = first_render(&json, width, true);
        let mut want: Vec<usize> = g
            .nodes
            .iter()
            .map(|n| n.y)
            .chain(g.edges.iter().map(|e| e.hy))
            .enumerate()
            .filter(|&(i, y)| i == 0 || y < FIRST_SCREEN)
            .map(|(i, _)| i)
            .collect();
        want.sort_unstable();
        assert_eq!(drawn_idx(&first), want, "at {width} px");
        assert!(
            want.len() < 800 && want.len() > 10,
            "{} of 800 controls in the first screen at {width} px",
            want.len()
        );
        assert!(
            first.contains("tabindex=\"0\" aria-label"),
            "the tab stop is drawn"
        );
        // The figure keeps its full height: the page does not move when the rest arrives.
        assert!(first.contains(&format!(
            "viewBox=\"0 0 {} {}\"",
            explainer::layout::px(g.width),
            explainer::layout::px(g.height)
        )));
        // The lines drawn are those reaching into the first screen.
        for e in &g.edges {
            assert_eq!(
                first.contains(&e.path),
                e.top < FIRST_SCREEN,
                "line of relationship {} (top {}) at {width} px",
                e.relationship,
                e.top
            );
        }
        // Without it (hydration), and in the pre-rendered HTML, everything at once.
        let whole = first_render(&json, width, false);
        assert_eq!(drawn_idx(&whole), (0..800).collect::<Vec<_>>());
        assert!(g.edges.iter().all(|e| whole.contains(&e.path)));
    }
}

#[test]
fn a_small_diagram_is_drawn_whole_at_once() {
    let story = load(EMBEDDED_JSON).unwrap();
    let count = story.entities.len() + story.relationships.len();
    assert!(count <= explainer::components::PROGRESSIVE_FROM);
    let html = first_render(EMBEDDED_JSON, 375, true);
    assert_eq!(drawn_idx(&html), (0..count).collect::<Vec<_>>());
}

#[test]
fn the_timeline_lists_events_by_date_whatever_the_story_order() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let template = v["events"][0].clone();
    // Story order, then the date each is given; published is 2026-02-01.
    let events = [
        ("later", "2026-03-01"),
        ("year", "2025"),
        ("same-a", "2025-09-22"),
        ("same-b", "2025-09-22"),
        ("month", "2025-09"),
    ];
    v["events"] = events
        .iter()
        .map(|(id, date)| {
            let mut e = template.clone();
            e["id"] = serde_json::json!(id);
            e["date"] = serde_json::json!(date);
            e["title"] =
                serde_json::json!({"fr": format!("Titre {id}"), "en": format!("Title {id}")});
            e
        })
        .collect();
    let html = render_html(&v.to_string(), Lang::En, View::Timeline, 375, false, false);
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} not drawn"));
    let order = [
        at("Title year<"),
        at("Title month<"),
        at("Title same-a<"),
        at("Title same-b<"),
        at("class=\"xp-pub\""),
        at("Title later<"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "by date, equal dates in story order, the publication between: {order:?}"
    );
}

#[test]
fn comparison_bars_are_drawn_to_scale() {
    let (top, max) = bars_to_scale(EMBEDDED_JSON);
    assert!(max / top >= 0.5, "the longest bar spans {max} of {top}");
}

#[test]
fn small_figures_fill_the_axis_as_large_ones_do() {
    // The shipped comparison restated a thousand times smaller (0.25 GW, say): drawn on an
    // axis from 0 to 4, as it was, its longest bar spanned a sixteenth of the track.
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    for g in v["comparison"]["groups"].as_array_mut().unwrap() {
        for b in g["bars"].as_array_mut().unwrap() {
            let a = b["amount"].as_object_mut().unwrap();
            for k in ["value", "low", "high"] {
                if let Some(x) = a.get(k).and_then(|x| x.as_f64()) {
                    a.insert(k.into(), (x / 1000.0).into());
                }
            }
        }
    }
    let (top, max) = bars_to_scale(&v.to_string());
    assert!(max < 1.0, "every figure under one: {max}");
    assert!(max / top >= 0.5, "the longest bar spans {max} of {top}");
    // Quarter ticks on round numbers, with no more decimals than a figure is written with.
    use explainer::components::axis_max;
    assert_eq!(axis_max(0.25), 0.4);
    assert_eq!(axis_max(0.09), 0.1);
    assert_eq!(axis_max(0.001), 0.04);
    assert_eq!(axis_max(3.0), 4.0);
    assert_eq!(axis_max(300.0), 400.0);
    assert_eq!(
        axis_max(0.0),
        4.0,
        "nothing above zero: the axis it always had"
    );
}

/// Checks, in the rendered comparison of `json`, that each bar spans its amount on one axis
/// from zero (the figures' honesty), read against the axis's own top label. Returns the
/// axis's top and the largest figure.
fn bars_to_scale(json: &str) -> (f64, f64) {
    let story = load(json).unwrap();
    let cmp = story.comparison.as_ref().unwrap();
    let html = render_html(json, Lang::En, View::Comparison, 375, false, true);
    let attr = |tag: &str, name: &str| -> f64 {
        let tag = format!(" {tag}");
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let tick = html.split("class=\"xp-tick t4\">").nth(1).unwrap();
    let top: f64 = tick[..tick.find('<').unwrap()]
        .replace(',', "")
        .parse()
        .unwrap();
    let fills: Vec<&str> = html
        .split("<rect ")
        .skip(1)
        .map(|r| &r[..r.find('>').unwrap()])
        .filter(|tag| tag.contains("xp-fill"))
        .collect();
    let bars: Vec<_> = cmp.groups.iter().flat_map(|g| &g.bars).collect();
    assert_eq!(fills.len(), bars.len());
    let (mut seen_range, mut max) = (false, 0.0_f64);
    for (rect, bar) in fills.iter().zip(bars) {
        let Some((lo, hi)) = bar.amount.extent() else {
            continue;
        };
        let range = bar.amount.kind == explainer::story::AmountKind::Range;
        seen_range |= range;
        let start = if range { lo / top * 1000.0 } else { 0.0 };
        let width = ((hi / top * 1000.0) - start).max(2.0);
        assert!(hi <= top, "{}: the axis holds every bar", bar.id);
        // Written to a tenth of the 1000-wide track.
        assert!((attr(rect, "x") - start).abs() <= 0.1, "{}: {rect}", bar.id);
        assert!(
            (attr(rect, "width") - width).abs() <= 0.1,
            "{}: {rect}",
            bar.id
        );
        max = max.max(hi);
    }
    assert!(seen_range, "the story has a range to check");
    (top, max)
}

#[test]
fn the_comparison_axis_names_the_unit_its_figures_are_in() {
    // The shipped story compares billions of dollars; another may compare millions, or
    // gigawatts: the caption under the axis says what its numbers count.
    let caption = |json: &str, lang: Lang| {
        let html = render_html(json, lang, View::Comparison, 375, false, true);
        let tag = "class=\"xp-axis-unit\">";
        let at = html.find(tag).expect("an axis caption") + tag.len();
        html[at..at + html[at..].find('<').unwrap()].to_string()
    };
    assert_eq!(caption(EMBEDDED_JSON, Lang::Fr), "milliards de dollars");
    assert_eq!(caption(EMBEDDED_JSON, Lang::En), "billions of dollars");
    // The same comparison, its figures written in another unit.
    let restated = |unit: &str, factor: f64| {
        let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        v["comparison"]["unit"] = unit.into();
        for g in v["comparison"]["groups"].as_array_mut().unwrap() {
            for b in g["bars"].as_array_mut().unwrap() {
                let a = b["amount"].as_object_mut().unwrap();
                for k in ["value", "low", "high"] {
                    if let Some(x) = a.get(k).and_then(|x| x.as_f64()) {
                        a.insert(k.into(), (x * factor).into());
                    }
                }
                a.insert("unit".into(), unit.into());
            }
        }
        let json = v.to_string();
        assert!(load(&json).is_ok(), "{unit}: {:?}", load(&json).err());
        json
    };
    let millions = restated("usd_m", 1000.0);
    assert_eq!(caption(&millions, Lang::Fr), "millions de dollars");
    assert_eq!(caption(&millions, Lang::En), "millions of dollars");
    let power = restated("gw", 0.1);
    assert_eq!(caption(&power, Lang::Fr), "gigawatts (GW)");
    assert_eq!(caption(&power, Lang::En), "gigawatts (GW)");
    assert_eq!(caption(&restated("pct", 0.5), Lang::En), "percent (%)");
}

#[test]
fn an_at_least_bar_goes_on_past_its_figure_and_no_other_does() {
    // "At least 30" drawn as a bar that ends at 30 reads as 30: the figure is a floor, so
    // the bar goes on, dashed, past it.
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let bar = &mut v["comparison"]["groups"][0]["bars"][0];
    bar["amount"] = serde_json::json!({"kind": "at_least", "value": 30, "unit": "usd_bn"});
    let json = v.to_string();
    assert!(load(&json).is_ok(), "{:?}", load(&json).err());
    let html = render_html(&json, Lang::En, View::Comparison, 375, false, true);
    let attr = |tag: &str, name: &str| -> f64 {
        let tag = format!(" {tag}");
        let at = tag
            .find(&format!(" {name}=\""))
            .unwrap_or_else(|| panic!("{name} in {tag}"))
            + name.len()
            + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let first_bar = html.split("class=\"xp-bar\"").nth(1).unwrap();
    let first_bar = &first_bar[..first_bar.find("</svg>").unwrap()];
    let fill = first_bar.split("<rect ").nth(2).unwrap();
    let more = first_bar
        .split("<line ")
        .nth(1)
        .expect("a dashed extension");
    assert!(more.contains("class=\"xp-more\""), "{more}");
    let end = attr(fill, "x") + attr(fill, "width");
    assert!(
        (attr(more, "x1") - end).abs() <= 0.1,
        "it starts where the bar ends: {more}"
    );
    assert!(attr(more, "x2") > end && attr(more, "x2") <= 1000.0);
    assert_eq!(html.matches("xp-more").count(), 1, "only the floor goes on");
    assert!(html.contains("at least $30"));
}

#[test]
fn each_source_date_is_its_own_line_of_its_link_in_the_page_language_then_the_new_tab_note() {
    // Between two links' 44 px targets a date read as the next source's: it is the last line
    // of its own link (or unlinked entry), and in the page's language even in an English
    // title's link. The all-sources list shows every source once.
    let story = load(EMBEDDED_JSON).expect("the shipped story loads");
    for lang in [Lang::Fr, Lang::En] {
        let html = render_html(EMBEDDED_JSON, lang, View::Diagram, 375, false, true);
        let list = &html[html.find("xp-all-sources").expect("the all-sources list")..];
        let (mut dated, mut foreign) = (0, 0);
        for s in &story.sources {
            let Some(d) = &s.date else { continue };
            dated += 1;
            let title = esc(&format!("{} — {}", s.publisher, s.title));
            let at = list
                .find(&format!("<span class=\"xp-src-title\">{title}</span>"))
                .unwrap_or_else(|| panic!("{lang:?}: no title line for {}", s.id));
            let entry = &list[at..list[at..].find("</li>").map_or(list.len(), |e| at + e)];
            let other = s
                .lang
                .as_deref()
                .is_some_and(|l| !l.starts_with(lang.code()));
            foreign += usize::from(other);
            let attr = if other {
                format!(" lang=\"{}\"", lang.code())
            } else {
                String::new()
            };
            // A link ends by saying, in the page's language, that it opens a new tab.
            let end = match s.url {
                Some(_) => format!(
                    "<span{attr} class=\"xp-vh\">{}</span></a>",
                    esc(explainer::i18n::ui(lang).new_tab)
                ),
                None => "</span>".to_string(),
            };
            let line = format!(
                "<span{attr} class=\"xp-src-date\">{}</span>{end}",
                esc(&explainer::format::date(d, lang))
            );
            assert!(
                entry.contains(&line),
                "{lang:?}: {} does not end with {line}: {entry}",
                s.id
            );
        }
        assert!(
            dated > 0 && foreign > 0,
            "the shipped story dates sources in both languages"
        );
        assert!(
            !list.contains("</a>, ") && !list.contains("</span>, "),
            "{lang:?}: a line starts with a comma"
        );
    }
}

#[test]
fn source_titles_carry_their_own_language() {
    // English titles on the French page, the French article's title on the English one:
    // each link says its language, so a screen reader switches voice.
    let fr = render_html(EMBEDDED_JSON, Lang::Fr, View::Diagram, 1280, false, true);
    assert!(
        fr.contains("lang=\"en\" target=\"_blank\" rel=\"noopener noreferrer\"><span class=\"xp-src-title\">Fortune — Microsoft invests $1 billion in OpenAI</span>"),
        "an English title on the French page"
    );
    let en = render_html(EMBEDDED_JSON, Lang::En, View::Diagram, 1280, false, true);
    assert!(
        en.contains("<span lang=\"fr\" class=\"xp-src\"><span class=\"xp-src-title\">Steven Soarez (article d’origine) — Nvidia et OpenAI"),
        "the French article on the English page"
    );
}

#[test]
fn the_axis_drops_its_quarter_labels_only_where_they_would_collide() {
    use explainer::components::axis_fit;
    use explainer::format::number;
    let labels = |top: f64, lang| [0.0, 0.25, 0.5, 0.75, 1.0].map(|s| number(top * s, lang));
    // The shipped story's axis (0 … 100) keeps its five labels in any column but a
    // sidebar's narrowest (under 200 px), and the middle one in every column.
    let html = render_html(EMBEDDED_JSON, Lang::Fr, View::Comparison, 320, false, true);
    assert!(html.contains("class=\"xp-axis q200\""), "{html}");
    assert_eq!(axis_fit(&labels(100.0, Lang::En)), "xp-axis q200");
    // The column width under which the quarters go (`q…`) grows with the labels; the middle
    // one goes (`h…`) only for labels far wider; the stylesheet never hides the ends.
    let threshold = |classes: &str, prefix: char| -> u32 {
        classes
            .split(' ')
            .find_map(|c| c.strip_prefix(prefix))
            .map_or(0, |w| {
                if w == "all" {
                    u32::MAX
                } else {
                    w.parse().unwrap()
                }
            })
    };
    let mut last = (0, 0);
    for top in [1e3, 1e4, 1e5, 1e6, 1e8, 1e10] {
        for lang in [Lang::Fr, Lang::En] {
            let classes = axis_fit(&labels(top, lang));
            let now = (threshold(&classes, 'q'), threshold(&classes, 'h'));
            assert!(now.0 >= last.0 && now.1 >= last.1, "{top}: {classes}");
            assert!(
                now.1 <= now.0,
                "{top}: the middle label outlasts the quarters: {classes}"
            );
            last = now;
        }
    }
    // "100 000": quarters dropped in a phone's column (about 300 px), kept on a desktop's.
    let wide = threshold(&axis_fit(&labels(1e5, Lang::Fr)), 'q');
    assert!((301..=560).contains(&wide), "{wide}");
    // Its middle label stays down to a sidebar's column (200 px).
    assert!(threshold(&axis_fit(&labels(1e5, Lang::Fr)), 'h') <= 200);
    assert!(
        last.0 > 400 && last.1 > 400,
        "labels of 14 characters lose the middle one in a phone's column too"
    );
}

#[test]
fn only_views_the_story_fills_get_a_tab_and_one_view_gets_no_tabs() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("comparison");
    obj.insert("events".into(), serde_json::json!([]));
    let no_timeline = serde_json::Value::Object(obj.clone()).to_string();
    obj.insert("questions".into(), serde_json::json!([]));
    let diagram_only = serde_json::Value::Object(obj.clone()).to_string();
    // The shipped story: four tabs, each controlling its panel.
    let full = render_html(EMBEDDED_JSON, Lang::En, View::Diagram, 375, false, true);
    assert_eq!(full.matches("role=\"tab\"").count(), 4);
    assert_eq!(full.matches("role=\"tabpanel\"").count(), 4);
    // Without a comparison or a timeline: the diagram and the questions, nothing empty to
    // open, and the reading mode without JavaScript has no empty headings either.
    let two = render_html(&no_timeline, Lang::En, View::Diagram, 375, false, true);
    let t = ui(Lang::En);
    assert_eq!(two.matches("role=\"tab\"").count(), 2, "{two}");
    for (view, shown) in [
        ("diagram", true),
        ("comparison", false),
        ("timeline", false),
        ("questions", true),
    ] {
        assert_eq!(
            two.contains(&format!("id=\"xp-view-{view}\"")),
            shown,
            "{view}"
        );
        assert_eq!(
            two.contains(&format!("id=\"xp-tab-{view}\"")),
            shown,
            "{view}"
        );
    }
    assert!(!two.contains(&format!(">{}</", t.timeline)));
    // A single view: no tab list, and no tab panel pointing at a tab that is not there.
    // A host asking for a view the story lacks starts on the diagram.
    let one = render_html(&diagram_only, Lang::En, View::Comparison, 375, false, true);
    assert!(!one.contains("role=\"tablist\"") && !one.contains("role=\"tabpanel\""));
    assert!(!one.contains("aria-labelledby=\"xp-tab-"), "{one}");
    let diagram = one.split("id=\"xp-view-diagram\"").nth(1).unwrap();
    assert!(
        !diagram[..diagram.find('>').unwrap()].contains("hidden"),
        "the diagram is shown: {one}"
    );
    assert!(one.contains("data-key=\"entity:nvidia\""));
}

/// French sets a space before : ; ? ! and inside « »: every French text a reader sees or
/// hears (the interface's words, the story's, the labels a screen reader speaks) keeps it
/// no-break, so that a line never starts with the mark.
#[test]
fn french_text_keeps_its_punctuation_on_the_line() {
    let html = render_html(EMBEDDED_JSON, Lang::Fr, View::Diagram, 375, false, true);
    // Text nodes (no stylesheet or script), then each aria-label's value.
    let mut texts = Vec::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        texts.push(&rest[..open]);
        let skip = ["style", "script"]
            .into_iter()
            .find(|t| rest[open + 1..].starts_with(t))
            .and_then(|t| rest[open..].find(&format!("</{t}>")))
            .unwrap_or(0);
        let tag_end = rest[open + skip..]
            .find('>')
            .map_or(rest.len(), |e| open + skip + e + 1);
        let tag = &rest[open..tag_end];
        for label in tag.split("aria-label=\"").skip(1) {
            texts.push(label.split('"').next().unwrap_or_default());
        }
        rest = &rest[tag_end..];
    }
    texts.push(rest);
    let mut bad = Vec::new();
    for t in texts {
        for mark in [" :", " ;", " ?", " !", " »", "« "] {
            if let Some(at) = t.find(mark) {
                let from = t[..at].char_indices().rev().nth(20).map_or(0, |(i, _)| i);
                let to = t[at..]
                    .char_indices()
                    .nth(12)
                    .map_or(t.len(), |(i, _)| at + i);
                bad.push(t[from..to].to_string());
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
