//! The players and links as named controls, and the markup around them.

use crate::common::esc;

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
    // The tab stop's class list goes on (`xp-node xp-stop`).
    let nodes = html
        .match_indices("class=\"xp-node")
        .filter(|(at, m)| matches!(html.as_bytes()[at + m.len()], b'"' | b' '));
    for (at, _) in nodes {
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
        "Nvidia → OpenAI: investment, Letter of intent, up to $100\u{a0}billion, September\u{a0}22, 2025, superseded"
    );
    assert_eq!(
        entity_name(story.entity("nvidia").unwrap(), Lang::Fr),
        "Nvidia, fabricant de puces"
    );
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
    // The class the stylesheet keeps it clear of an open sheet by, on that control alone.
    let stop = &svg[..svg.find("tabindex=\"0\"").unwrap()];
    let stop = &stop[stop.rfind('<').unwrap()..];
    assert!(stop.contains(" xp-stop\""), "{stop}");
    assert_eq!(
        svg.matches("xp-stop").count(),
        1,
        "one control with the class"
    );
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
