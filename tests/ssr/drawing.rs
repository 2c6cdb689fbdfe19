//! What a live instance builds in its first render: the view shown, a large diagram's first screen.

use explainer::i18n::Lang;
use explainer::render_html;
use explainer::state::View;
use explainer::story::{load, EMBEDDED_JSON};

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

/// What a live instance draws in its first render (no effects run natively): with
/// `progressive`, a large diagram's first screen only.
fn first_render(json: &str, width: u32, progressive: bool) -> String {
    let json = json.to_string();
    let renderer = yew::ServerRenderer::<explainer::App>::with_props(move || {
        crate::common::live_props(&json, Lang::En, View::Diagram, width, "xp", progressive)
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
    let json = crate::common::story(200, 600, 11);
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
