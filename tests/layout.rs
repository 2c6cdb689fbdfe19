//! Layout properties, at every width a phone or desktop may give and for stories of 3 to
//! 60 entities: nothing overlaps, everything lies inside the view, labels fit their
//! boxes, targets are at least 44 px and text never renders below 12 CSS px.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use explainer::i18n::Lang;
use explainer::layout::{
    heading_width, layout, px, spaced_breaks, spaced_width, text_width, wrap, Geometry, NodeBox,
    CELL, FONT, HANDLE_R, NODE_PAD, PAD,
};
use explainer::state::bucket;
use explainer::story::{load, Story, EMBEDDED_JSON};

type Rect = (f64, f64, f64, f64);

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

fn check(story: &Story, lang: Lang, width: u32) {
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
        let story = load(&common::story(n, n * 2, n as u64)).unwrap();
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
        let story = load(&common::story(n, n * 10, seed)).unwrap();
        for width in [280, 360, 720, 1280] {
            check(&story, Lang::En, width);
            let g = layout(&story, Lang::En, width);
            assert_eq!(g.edges.len(), n * 10, "{n} entities at {width} px");
        }
    }
}

/// [`common::pair`], loaded.
fn pair(m: usize) -> Story {
    load(&common::pair(m)).unwrap()
}

#[test]
fn links_both_ways_between_two_level_players_each_get_their_own_curve() {
    // Side by side, six links between two players were six handles on one straight line,
    // an arrowhead at each end: which handle ran which way could not be seen. Now one link
    // is straight and the others curve round it, each through a cell of its own, in rows
    // added below when the lane has none left.
    for m in [2, 3, 6, 12] {
        let story = pair(m);
        for width in (160..=1280).step_by(20) {
            check(&story, Lang::En, width);
        }
        let g = layout(&story, Lang::En, 1280);
        assert_eq!(g.stacks, 2, "{m} links: the players side by side");
        let y = g.nodes[0].y + g.nodes[0].h / 2.0;
        let level = g.edges.iter().filter(|e| (e.hy - y).abs() < 0.5);
        assert_eq!(level.count(), 1, "{m} links: one straight line");
    }
}

#[test]
fn narrow_screens_stack_bands_and_wide_ones_set_them_side_by_side() {
    let story = load(EMBEDDED_JSON).unwrap();
    let phone = layout(&story, Lang::Fr, bucket(375));
    let desk = layout(&story, Lang::Fr, bucket(1280));
    assert_eq!(phone.stacks, 1);
    assert!(desk.stacks >= 3, "desktop uses {} stacks", desk.stacks);
    assert!(
        desk.height < phone.height,
        "side-by-side bands make a shorter diagram"
    );
}

#[test]
fn side_by_side_stacks_leave_no_blank_lane_at_the_right() {
    // When no handle sits beside the last stack (every relationship runs between stacks),
    // its lane's columns go to the lanes in use: the drawing reaches the right edge of its
    // view box instead of ending in an empty strip, at most a cell of rounding short of it.
    let shipped = load(EMBEDDED_JSON).unwrap();
    let generated: Vec<Story> = [(7, 9, 3), (20, 30, 4), (33, 40, 5)]
        .iter()
        .map(|&(n, m, seed)| load(&common::story(n, m, seed)).unwrap())
        .collect();
    let mut checked = 0;
    for story in std::iter::once(&shipped).chain(&generated) {
        for lang in [Lang::Fr, Lang::En] {
            for width in (280..=1280).step_by(40) {
                let g = layout(story, lang, width);
                let right = g.nodes.iter().map(|n| n.x + n.w).fold(0.0, f64::max);
                if g.stacks == 1 || g.edges.iter().any(|e| e.hx > right) {
                    continue;
                }
                checked += 1;
                assert!(
                    g.width - right <= PAD + CELL,
                    "{width} px, {lang:?}, {} entities: {} px blank at the right",
                    story.entities.len(),
                    g.width - right
                );
            }
        }
    }
    assert!(checked > 0, "no layout had an unused lane at its right");
}

/// The box of entity `id`.
fn node_box<'g>(story: &Story, g: &'g Geometry, id: &str) -> &'g NodeBox {
    let i = story.entity_index(id).unwrap();
    g.nodes.iter().find(|n| n.entity == i).unwrap()
}

/// The height of the centre of the box of entity `id`.
fn box_centre(story: &Story, g: &Geometry, id: &str) -> f64 {
    node_box(story, g, id).center().1
}

/// For each lane of a drawing (the free columns right of a stack): the most edge runs
/// (each from its higher end to its lower one, handle included) that lie along one stretch
/// of one of its columns, the most of its runs that cross one height, and its columns.
fn runs_along_a_column(story: &Story, g: &Geometry, width: u32) -> Vec<(usize, usize, usize)> {
    let centre = |id: &str| box_centre(story, g, id);
    let col = |x: f64| ((x - PAD) / CELL).floor() as usize;
    let k = ((g.nodes[0].w + 4.0) / CELL).round() as usize;
    let mut starts: Vec<usize> = g.nodes.iter().map(|n| col(n.x)).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut ends: Vec<usize> = starts.iter().skip(1).copied().collect();
    // One stack's lane may use every column the container has; side by side, the lanes
    // share the columns drawn.
    let room = if g.stacks == 1 {
        f64::from(width)
    } else {
        g.width
    };
    ends.push(((room - 2.0 * PAD) / CELL).floor() as usize);
    let lanes: Vec<(usize, usize)> = starts
        .iter()
        .zip(&ends)
        .map(|(&s, &e)| (s + k, e))
        .collect();
    // Runs by lane: (column, top, bottom).
    let mut runs: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new(); lanes.len()];
    for e in &g.edges {
        let r = &story.relationships[e.relationship];
        let (a, b) = (centre(&r.from), centre(&r.to));
        let c = col(e.hx);
        let lane = lanes
            .iter()
            .position(|&(from, to)| from <= c && c < to)
            .unwrap();
        runs[lane].push((c, a.min(b).min(e.hy), a.max(b).max(e.hy)));
    }
    lanes
        .iter()
        .zip(&runs)
        .map(|(&(from, to), runs)| {
            let (mut worst, mut depth) = (0, 0);
            // Every run ends on a half cell; a quarter cell's steps see every stretch.
            for step in 0..(g.height / (CELL / 4.0)) as usize {
                let y = step as f64 * CELL / 4.0 + 1.0;
                let here: Vec<usize> = runs
                    .iter()
                    .filter(|r| r.1 < y && y < r.2)
                    .map(|r| r.0)
                    .collect();
                depth = depth.max(here.len());
                for &x in &here {
                    worst = worst.max(here.iter().filter(|&&o| o == x).count());
                }
            }
            (worst, depth, to - from)
        })
        .collect()
}

#[test]
fn edges_spread_over_their_lane_instead_of_running_down_one_line() {
    // Edges run from their boxes to their handle's column, and along it. Edges whose
    // handles share a column run down it on top of one another: one thick line, in which
    // no reader can follow a single curve. Wherever many edges of a lane pass one height,
    // they are shared out among its columns, at most two more in a column than an even
    // share (edges choose one by one, short first, so the share is not always exact); a
    // wider phone's extra columns are used, not left blank.
    let shipped = load(EMBEDDED_JSON).unwrap();
    let generated: Vec<Story> = [
        (7, 9, 3),
        (12, 24, 3),
        (20, 40, 4),
        (33, 66, 5),
        (45, 90, 6),
    ]
    .iter()
    .map(|&(n, m, seed)| load(&common::story(n, m, seed)).unwrap())
    .collect();
    let (mut phones, mut wider) = (0, 0);
    for story in std::iter::once(&shipped).chain(&generated) {
        for lang in [Lang::Fr, Lang::En] {
            for width in (280..=1280).step_by(8) {
                let g = layout(story, lang, bucket(width));
                if g.stacks == 1 {
                    phones += 1;
                } else {
                    wider += 1;
                }
                for (lane, (worst, depth, cols)) in runs_along_a_column(story, &g, bucket(width))
                    .into_iter()
                    .enumerate()
                {
                    assert!(
                        worst <= depth.div_ceil(cols.max(1)) + 2,
                        "{width} px, {lang:?}, {} entities, lane {lane}: {worst} edges along \
                         one column where {depth} pass one height and the lane has {cols} columns",
                        story.entities.len()
                    );
                }
            }
        }
    }
    assert!(
        phones > 100 && wider > 100,
        "{phones} one-stack layouts, {wider} wider"
    );
}

#[test]
fn headline_edges_keep_their_handle_midway() {
    // The story's headline relationships (Nvidia's letter of intent and stake, Microsoft's
    // commitment) choose their handles before the others: each sits level with the middle
    // of its two boxes, give or take a row, on a short curve a reader finds at once.
    let story = load(EMBEDDED_JSON).unwrap();
    let centre = |g: &Geometry, id: &str| box_centre(&story, g, id);
    let mut checked = 0;
    for lang in [Lang::Fr, Lang::En] {
        for width in (280..=1280).step_by(8) {
            let g = layout(&story, lang, bucket(width));
            for e in &g.edges {
                let r = &story.relationships[e.relationship];
                if !r.headline {
                    continue;
                }
                checked += 1;
                let middle = (centre(&g, &r.from) + centre(&g, &r.to)) / 2.0;
                assert!(
                    (e.hy - middle).abs() <= CELL,
                    "{width} px, {lang:?}: {}'s handle {} px from the middle of its ends",
                    r.id,
                    (e.hy - middle).abs()
                );
            }
        }
    }
    assert!(checked > 100, "only {checked} headline edges");
}

#[test]
fn layout_is_a_pure_function() {
    let story = load(EMBEDDED_JSON).unwrap();
    assert_eq!(layout(&story, Lang::En, 640), layout(&story, Lang::En, 640));
}

#[test]
fn coordinates_are_written_as_whole_px_like_the_standard_formatter() {
    use explainer::layout::{push_int, push_px};
    for x in [
        0.0,
        0.4,
        -0.4,
        -0.6,
        9.5,
        1234.5,
        -98765.49,
        1e300,
        -1e300,
        f64::NAN,
    ] {
        let mut s = String::from("M");
        push_px(&mut s, x);
        assert_eq!(s, format!("M{}", px(x)), "{x}");
    }
    for v in [0, 7, -7, 10, 1_000_000, i64::MAX, i64::MIN] {
        let mut s = String::new();
        push_int(&mut s, v);
        assert_eq!(s, v.to_string());
    }
}

#[test]
fn each_curve_knows_its_highest_point() {
    // A large diagram's first screen draws the curves whose `top` is in it: it must be the
    // least y of the curve's points (a Bézier curve stays within their hull).
    for story in [
        load(EMBEDDED_JSON).unwrap(),
        load(&common::story(60, 150, 5)).unwrap(),
    ] {
        for width in [320, 760, 1280] {
            for e in &layout(&story, Lang::En, width).edges {
                let least_y = common::path_points(&e.path)
                    .iter()
                    .map(|p| p.1)
                    .fold(f64::MAX, f64::min);
                assert!(
                    (least_y - e.top).abs() < 0.01,
                    "{}: top {} but the path reaches {least_y}",
                    e.path,
                    e.top
                );
            }
        }
    }
}

#[test]
fn band_headings_are_measured_as_the_capitals_the_stylesheet_shows() {
    use explainer::i18n::role_heading;
    use explainer::story::Role;
    for lang in [Lang::Fr, Lang::En] {
        for role in Role::ALL {
            let h = role_heading(role, lang);
            let capitals = text_width(&h.to_uppercase()) * 1.08;
            assert!(
                (heading_width(h) - capitals).abs() < 1e-9,
                "{h}: {} vs {capitals}",
                heading_width(h)
            );
        }
    }
}

/// Word wrap the plain way: every candidate line built and measured anew, as set and
/// with a reader's text spacing.
fn wrap_by_measuring(text: &str, max: f64) -> Vec<String> {
    let fits = |line: &str| text_width(line) <= max && spaced_width(line) <= max + 2.0 * NODE_PAD;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let breaks = |c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            let next = format!("{line}{c}");
            if !fits(&next) && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[test]
fn names_wrap_as_if_each_line_were_measured_anew() {
    // `wrap` keeps each line's width as it grows; it must break exactly where measuring
    // every candidate line would, down to the last bit of each sum.
    let story = load(EMBEDDED_JSON).unwrap();
    let mut texts: Vec<String> = story
        .entities
        .iter()
        .flat_map(|e| [e.name.fr.clone(), e.name.en.clone()])
        .collect();
    texts.extend(
        [
            "",
            "   ",
            "Supercalifragilisticexpialidocious",
            "A very long name of a fund that wraps over several lines",
            "États-Unis d’Amérique, fonds souverains 𝔸 mmmm wwww iiii",
            "x",
        ]
        .map(String::from),
    );
    let mut broken = 0;
    for text in &texts {
        for max in [20.0, 44.0, 60.5, 84.0, 100.0, 132.0, 180.0, 400.0] {
            let lines = wrap(text, max);
            assert_eq!(lines, wrap_by_measuring(text, max), "{text:?} in {max} px");
            broken += usize::from(lines.len() > 1);
        }
    }
    assert!(
        broken > 50,
        "only {broken} texts wrapped: the widths test nothing"
    );
}

/// The shipped story with two long names: one no two-line box of three cells holds.
fn long_named() -> Story {
    let mut story = load(EMBEDDED_JSON).unwrap();
    story.entities[0].name.en =
        "Supercalifragilisticexpialidocious Semiconductor Manufacturing International".into();
    story.entities[1].name.en = "Donaudampfschifffahrtsgesellschaftskapitänswitwe".into();
    story
}

/// A story of three players in the roles with the shortest headings, so that boxes two cells
/// wide are allowed, each with a name of one word a little too long for them.
fn short_headed() -> Story {
    use serde_json::json;
    let player = |id: &str, name: &str, role: &str| {
        json!({"id": id, "role": role, "name": {"fr": name, "en": name},
            "description": {"fr": "d", "en": "d"}})
    };
    let json = json!({"schema_version": 1, "published": "2025-01-01", "as_of": "2025-06-01",
        "title": {"fr": "Titre", "en": "Title"}, "dek": {"fr": "Chapeau", "en": "Dek"},
        "entities": [player("a", "SambaNova Systems", "chipmaker"),
            player("b", "Anthropicness", "lab"), player("c", "Microsoftish", "hyperscaler")],
        "relationships": [{"id": "r", "from": "a", "to": "b", "kind": "investment",
            "label": {"fr": "l", "en": "l"}, "status": "confirmed", "sources": ["s0"]}],
        "sources": [{"id": "s0", "publisher": "P", "title": "T", "url": "https://example.org/a"}]});
    load(&json.to_string()).unwrap()
}

#[test]
fn a_name_is_cut_inside_a_word_only_where_no_box_holds_the_word() {
    // "SambaNov|a" reads as another name. Boxes two cells wide cut these names; three hold
    // them, and used to lose to two, whose cut names also fit in two lines.
    let generated = |n, seed| load(&common::story(n, n * 2, seed)).unwrap();
    let stories = [
        short_headed(),
        long_named(),
        generated(7, 3),
        generated(12, 9),
        generated(20, 4),
    ];
    let mut checked = 0;
    for story in &stories {
        for lang in [Lang::Fr, Lang::En] {
            for width in (240..=1280).step_by(40) {
                let g = layout(story, lang, width);
                // The widest box this width allows (see `layout::layout`): the lane takes two
                // cells, or one where that leaves boxes of three.
                let cols = ((f64::from(width) - 2.0 * PAD) / CELL).floor();
                let lane = if cols >= 5.0 { 2.0 } else { 1.0 };
                let inner = (cols - lane).clamp(2.0, 4.0) * CELL - 4.0 - 2.0 * NODE_PAD;
                for n in &g.nodes {
                    let name = story.entities[n.entity].name.get(lang);
                    checked += 1;
                    // What the drawing puts between lines follows the lines the box kept.
                    assert_eq!(n.spaced, spaced_breaks(name, &n.lines), "{name:?}");
                    if n.spaced.contains(&false) {
                        assert!(
                            name.split_whitespace().any(|w| wrap(w, inner).len() > 1),
                            "{lang:?} at {width}: {name:?} cut as {:?}",
                            n.lines
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[test]
fn long_names_do_not_force_one_column_where_two_fit() {
    let story = long_named();
    // A 560 px column fits two stacks of three-cell nodes, not of four; the long names alone
    // made the nodes four cells wide, and so a single column twice as tall.
    let g = layout(&story, Lang::En, 560);
    assert_eq!(g.stacks, 2, "two stacks at 560 px");
    assert!(
        g.height < layout(&story, Lang::En, 360).height,
        "side by side is shorter"
    );
    for width in (160..=1280).step_by(20) {
        check(&story, Lang::En, width);
    }
}

#[test]
fn every_width_is_drawn_as_its_prerendered_fit() {
    // Pre-rendered HTML holds one drawing per fit width, the stylesheet shows the widest that
    // fits the container, and the live layout replaces it. Up to the widest column a
    // diagram has beside the panel of a 1280 px explainer, they are the very same drawing:
    // hydrating it redraws nothing. Wider, they must agree in stacks, node width and height,
    // or hydration moves what follows the diagram.
    use explainer::layout::fits as fit_layouts;
    use explainer::state::{diagram_width, ROOT_PADDING};
    let widest = bucket(diagram_width(1280 - 2 * ROOT_PADDING));
    let shape = |g: &Geometry| (g.stacks, g.nodes[0].w, g.height);
    let generated = |n, m, seed| (load(&common::story(n, m, seed)).unwrap(), Lang::En);
    for (story, lang) in [
        (load(EMBEDDED_JSON).unwrap(), Lang::Fr),
        (long_named(), Lang::En),
        generated(20, 40, 3),
        generated(7, 9, 3),
        generated(60, 150, 5),
    ] {
        let fits: Vec<u32> = fit_layouts(&story, lang)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        for w in (240..=1280).step_by(40) {
            let fit = *fits.iter().rev().find(|&&f| f <= w).unwrap();
            let (live, pre) = (layout(&story, lang, w), layout(&story, lang, fit));
            let name = &story.entities[0].name.en;
            assert_eq!(shape(&live), shape(&pre), "{name} at {w} vs fit {fit}");
            if w <= widest {
                assert_eq!(live, pre, "{name} at {w} vs fit {fit}");
            }
            // Side by side, the lanes take the width in rounds of a column each: less than
            // a round is left blank.
            if live.stacks > 1 {
                let round = CELL * live.stacks as f64;
                assert!(f64::from(w) - live.width < round, "{name} at {w}");
            }
        }
    }
    // The long names give two shapes of two stacks: narrow nodes, then wide ones.
    let mut two: Vec<f64> = fit_layouts(&long_named(), Lang::En)
        .into_iter()
        .map(|(_, g)| g)
        .filter(|g| g.stacks == 2)
        .map(|g| g.nodes[0].w)
        .collect();
    two.dedup();
    assert_eq!(two.len(), 2, "{two:?}");
}

#[test]
fn names_never_break_at_a_no_break_space() {
    // French names carry no-break spaces before `:` and inside « »: a line of the diagram
    // must never start with the `:` or `»` they hold to the word before.
    // (A word wider than the line is cut anywhere, as any word is: widths that fit each
    // unit held together.)
    let name = "Fonds\u{a0}: «\u{a0}Alpha\u{a0}» et\u{202f}?";
    let unit = "«\u{a0}Alpha\u{a0}»";
    let widest = text_width(unit).max(spaced_width(unit) - 2.0 * NODE_PAD);
    for max in [widest, 84.0, 100.0, 132.0, 180.0] {
        let lines = wrap(name, max);
        for line in &lines {
            assert!(
                !line.starts_with([':', '»', '?', '\u{a0}', '\u{202f}']),
                "{max} px: {lines:?}"
            );
        }
        if max >= 100.0 {
            assert!(
                lines.iter().any(|l| l.contains("Fonds\u{a0}:")),
                "{max} px: {lines:?}"
            );
        }
    }
}

#[test]
fn full_width_scripts_and_emoji_are_counted_at_their_width() {
    // Every CJK font draws ideographs, kana and hangul a full em wide, and emoji fonts wider:
    // counted as a Latin letter (0.62 em), a Chinese name would run 40 % past its box.
    for text in ["腾", "カ", "한", "Ｗ"] {
        assert!(text_width(text) >= FONT, "{text}: {}", text_width(text));
    }
    assert!(text_width("🚀") >= 1.2 * FONT);
    // A name of ideographs wraps at the box's width by that count: 15 of them take two
    // lines at least in a phone's box, never one.
    let name = "腾讯控股有限公司人工智能研究院";
    let lines = wrap(name, 120.0);
    assert!(lines.len() >= 2, "{lines:?}");
    for line in &lines {
        assert!(line.chars().count() as f64 * FONT <= 120.0, "{line}");
    }
}
