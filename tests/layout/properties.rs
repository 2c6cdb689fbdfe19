//! What must hold at every width and for any story: nothing overlaps, everything lies inside the
//! view, labels fit their boxes, targets are at least 44 px, text is never below 12 CSS px.

use explainer::i18n::Lang;
use explainer::layout::{
    heading_width, layout, spaced_width, text_width, Geometry, NodeBox, FONT, HANDLE_R,
};
use explainer::state::bucket;
use explainer::story::{load, Story, EMBEDDED_JSON};

type Rect = (f64, f64, f64, f64);

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// Lays `story` out at `width` in `lang` and asserts every property above of what it gives.
pub(crate) fn check(story: &Story, lang: Lang, width: u32) {
    let b = bucket(width);
    let g: Geometry = layout(story, lang, b);
    let ctx = format!(
        "width {width} (bucket {b}), {lang:?}, {} entities",
        story.entities.len()
    );
    // Drawn at the bucket width and scaled to the container: text only grows.
    assert!(
        g.width <= f64::from(width),
        "{ctx}: view box wider than the container"
    );
    assert!(
        FONT * f64::from(width) / g.width >= 12.0,
        "{ctx}: text below 12 px"
    );
    assert_eq!(
        g.nodes.len(),
        story.entities.len(),
        "{ctx}: every entity is a node"
    );
    assert_eq!(
        g.edges.len(),
        story.relationships.len(),
        "{ctx}: every relationship is an edge"
    );

    let nodes: Vec<Rect> = g.nodes.iter().map(|n| (n.x, n.y, n.w, n.h)).collect();
    let handles: Vec<Rect> = g
        .edges
        .iter()
        .map(|e| {
            (
                e.hx - HANDLE_R,
                e.hy - HANDLE_R,
                2.0 * HANDLE_R,
                2.0 * HANDLE_R,
            )
        })
        .collect();
    let headings: Vec<Rect> = g
        .headings
        .iter()
        .map(|h| (h.x, h.y - FONT, heading_width(h.text), FONT * 1.3))
        .collect();
    for (i, n) in g.nodes.iter().enumerate() {
        let r = nodes[i];
        assert!(
            r.0 >= 0.0 && r.1 >= 0.0 && r.0 + r.2 <= g.width && r.1 + r.3 <= g.height,
            "{ctx}: node {i} outside"
        );
        assert!(
            r.2 >= 44.0 && r.3 >= 44.0,
            "{ctx}: node {i} target below 44 px"
        );
        for line in &n.lines {
            assert!(
                text_width(line) <= n.w - 8.0,
                "{ctx}: label {line:?} wider than its node"
            );
            // A reader's text spacing (WCAG 1.4.12) may take the padding, not cross the box.
            assert!(
                spaced_width(line) <= n.w,
                "{ctx}: label {line:?} with a reader's text spacing wider than its node"
            );
        }
        assert!(
            n.lines.len() as f64 * 15.0 <= n.h,
            "{ctx}: label lines taller than node {i}"
        );
        for (j, other) in nodes.iter().enumerate().skip(i + 1) {
            assert!(!overlap(r, *other), "{ctx}: nodes {i} and {j} overlap");
        }
        for (j, h) in handles.iter().enumerate() {
            assert!(!overlap(r, *h), "{ctx}: handle {j} covers node {i}");
        }
        for (j, h) in headings.iter().enumerate() {
            assert!(!overlap(r, *h), "{ctx}: heading {j} collides with node {i}");
        }
    }
    for (i, h) in handles.iter().enumerate() {
        assert!(
            h.0 >= 0.0 && h.1 >= 0.0 && h.0 + h.2 <= g.width && h.1 + h.3 <= g.height,
            "{ctx}: handle {i} outside"
        );
        for (j, other) in handles.iter().enumerate().skip(i + 1) {
            assert!(!overlap(*h, *other), "{ctx}: handles {i} and {j} overlap");
        }
        for (j, hd) in headings.iter().enumerate() {
            assert!(!overlap(*h, *hd), "{ctx}: handle {i} covers heading {j}");
        }
    }
    // Two players side by side, level, with several links: each link's curve must be its
    // own. Level ends and a level handle make a straight line, and a second straight line
    // over the same stretch hides which handle runs which way.
    let centre_y = |id: &str| node_box(story, &g, id).center();
    let straight: Vec<(f64, f64, f64)> = g
        .edges
        .iter()
        .filter_map(|e| {
            let r = &story.relationships[e.relationship];
            let ((ax, ay), (bx, by)) = (centre_y(&r.from), centre_y(&r.to));
            ((ay - e.hy).abs() < 0.5 && (by - e.hy).abs() < 0.5)
                .then(|| (e.hy, ax.min(bx), ax.max(bx)))
        })
        .collect();
    for (i, a) in straight.iter().enumerate() {
        for b in &straight[i + 1..] {
            assert!(
                (a.0 - b.0).abs() >= 0.5 || a.2 <= b.1 || b.2 <= a.1,
                "{ctx}: two links drawn as one straight line at y {}",
                a.0
            );
        }
        // Nor may another edge's handle sit on that line: it would seem to be on this link.
        let on = g
            .edges
            .iter()
            .filter(|e| (e.hy - a.0).abs() < 0.5 && a.1 < e.hx && e.hx < a.2);
        assert_eq!(
            on.count(),
            1,
            "{ctx}: handles on the straight line at y {}",
            a.0
        );
    }
    for h in &g.headings {
        assert!(
            heading_width(h.text) <= h.w,
            "{ctx}: heading {:?} wider than its stack",
            h.text
        );
    }
}

/// The box of entity `id`.
pub(crate) fn node_box<'g>(story: &Story, g: &'g Geometry, id: &str) -> &'g NodeBox {
    let i = story.entity_index(id).unwrap();
    g.nodes.iter().find(|n| n.entity == i).unwrap()
}

#[test]
fn shipped_story_at_every_width() {
    let story = load(EMBEDDED_JSON).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        // 280: a 320 px phone's column once the widget's own padding is taken off; 160: the
        // narrowest drawn at scale 1 (a flex item beside an aside on a 320 px phone).
        for width in 160..=1280 {
            check(&story, lang, width);
        }
    }
}

#[test]
fn generated_stories_from_3_to_60_entities() {
    for n in [3, 4, 7, 12, 20, 33, 45, 60] {
        let story = load(&crate::common::story(n, n * 2, n as u64)).unwrap();
        for width in (160..=1280).step_by(37) {
            check(&story, Lang::Fr, width);
        }
    }
}

#[test]
fn dense_stories_grow_their_lanes_and_still_overlap_nothing() {
    // Ten relationships per entity fill the lanes beside the boxes, so handles go to rows
    // added below them: every handle still gets a cell of its own.
    for (n, seed) in [(12, 7), (40, 8)] {
        let story = load(&crate::common::story(n, n * 10, seed)).unwrap();
        for width in [280, 360, 720, 1280] {
            check(&story, Lang::En, width);
            let g = layout(&story, Lang::En, width);
            assert_eq!(g.edges.len(), n * 10, "{n} entities at {width} px");
        }
    }
}
