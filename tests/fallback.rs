//! The story in brief (`explainer::fallback`): what a feed reader, an old browser and a
//! reader mode give of the explainer.
#![cfg(not(target_arch = "wasm32"))]

use explainer::fallback::{brief, fallback, Block};
use explainer::i18n::Lang;
use explainer::story::{load, EMBEDDED_JSON};

#[test]
fn the_brief_gives_every_figure_with_its_status_and_every_question_with_its_state() {
    let story = load(EMBEDDED_JSON).unwrap();
    let blocks = brief(&story, Lang::En);
    assert_eq!(blocks[0], Block::Title(story.title.en.clone()));
    assert_eq!(blocks[1], Block::Para(story.dek.en.clone()));
    let lists: Vec<&Vec<String>> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::List(l) => Some(l),
            _ => None,
        })
        .collect();
    let cmp = story.comparison.as_ref().unwrap();
    let bars: Vec<_> = cmp.groups.iter().flat_map(|g| &g.bars).collect();
    assert_eq!(lists[0].len(), bars.len());
    for (line, bar) in lists[0].iter().zip(&bars) {
        assert!(line.contains(&bar.label.en), "{line}");
    }
    // (Read with plain spaces: no-break ones keep a figure and its word together.)
    let plain: Vec<String> = lists[0]
        .iter()
        .map(|l| l.replace(['\u{a0}', '\u{202f}'], " "))
        .collect();
    assert!(
        plain
            .iter()
            .any(|l| l.contains("$30 billion (confirmed, February 27, 2026)")),
        "{plain:?}"
    );
    assert_eq!(lists[1].len(), story.questions.len());
    assert!(lists[1]
        .iter()
        .all(|l| l.ends_with("answered)") || l.ends_with("still open)")));
    // The last line says where the explainer is, whichever reader shows the brief.
    let Some(Block::Para(note)) = blocks.last() else {
        panic!("no closing line")
    };
    assert!(note.contains("article’s page") && note.contains("JavaScript"));
}

#[test]
fn a_story_without_a_comparison_or_questions_gives_its_title_its_dek_and_the_closing_line() {
    let json = r#"{"schema_version":1,"published":"2025-01-01","as_of":"2025-06-01",
      "title":{"fr":"Une <autre> histoire","en":"Another story"},"dek":{"fr":"Deux & trois.","en":"Two."},
      "entities":[{"id":"a","role":"lab","name":{"fr":"A","en":"A"},"description":{"fr":"Un.","en":"One."}},
                  {"id":"b","role":"investor","name":{"fr":"B","en":"B"},"description":{"fr":"Un.","en":"One."}}],
      "relationships":[{"id":"b-a","from":"b","to":"a","kind":"investment","label":{"fr":"Mise","en":"Stake"},
        "status":"reported","sources":["s"]}],
      "sources":[{"id":"s","publisher":"Example","title":"A source","url":"https://example.org/a"}]}"#;
    let story = load(json).unwrap();
    let blocks = brief(&story, Lang::Fr);
    assert_eq!(blocks.len(), 3);
    assert_eq!(blocks[0], Block::Title("Une <autre> histoire".into()));
    // As HTML (the snippet's), the page's markup characters are escaped.
    let html = fallback(&story, Lang::Fr);
    assert!(html.starts_with(
        "<div class=\"explainer-fallback\"><p><strong>Une &lt;autre&gt; histoire</strong></p><p>Deux &amp; trois.</p><p>"
    ));
    assert!(!html.contains("<ul>"));
}
