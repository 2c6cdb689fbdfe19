//! How links share the lanes between players, and how bands stack or sit side by side.

use crate::properties::{check, node_box};
use explainer::i18n::Lang;
use explainer::layout::{layout, Geometry, CELL, PAD};
use explainer::state::bucket;
use explainer::story::{load, Story, EMBEDDED_JSON};

/// [`crate::common::pair`], loaded.
fn pair(m: usize) -> Story {
    load(&crate::common::pair(m)).unwrap()
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
        .map(|&(n, m, seed)| load(&crate::common::story(n, m, seed)).unwrap())
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
    .map(|&(n, m, seed)| load(&crate::common::story(n, m, seed)).unwrap())
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
