//! Where links meet their boxes: on one side of a box, each link at a point of its own,
//! away from the corners, in an order that keeps the curves from crossing as they leave;
//! a box with more links on a side than fit 4 px apart grows to give them that room.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use explainer::i18n::Lang;
use explainer::layout::{layout, wrap, Geometry, CELL, NODE_PAD};
use explainer::state::bucket;
use explainer::story::{load, Story, EMBEDDED_JSON};

/// One end of a drawn link, read from its path.
struct End {
    /// Index into the nodes.
    node: usize,
    /// Whether it meets the box's right side.
    right: bool,
    /// Its height.
    y: f64,
    /// Whether its curve heads up from the box (to its handle, or past it to the other
    /// end), or down; `None` for a straight line to a level box.
    up: Option<bool>,
    /// How far from the side the curve turns: its handle's distance.
    reach: f64,
    /// The relationship, for messages.
    id: String,
}

/// Both ends of every drawn link. Also checks that each lies on a side of its own box.
fn ends(story: &Story, g: &Geometry, ctx: &str) -> Vec<End> {
    let node = |id: &str| {
        let e = story.entity_index(id).unwrap();
        g.nodes.iter().position(|n| n.entity == e).unwrap()
    };
    let mut out = Vec::new();
    for e in &g.edges {
        let r = &story.relationships[e.relationship];
        let p = common::path_points(&e.path);
        let (a, b) = (node(&r.from), node(&r.to));
        let (ca, cb) = (g.nodes[a].center().1, g.nodes[b].center().1);
        let straight = (ca - cb).abs() < 0.5 && (e.hy - ca).abs() < 0.5;
        let ((sx, sy), (ex, ey)) = (p[0], p[p.len() - 1]);
        let ends = [(a, sx, sy, cb), (b, ex, ey, ca)];
        for (n, x, y, other) in ends {
            let bx = &g.nodes[n];
            let right = x == bx.x + bx.w;
            assert!(
                right || x == bx.x,
                "{ctx}: {} ends off its box's sides",
                r.id
            );
            let c = bx.center().1;
            let toward = if (e.hy - c).abs() >= 0.5 { e.hy } else { other };
            out.push(End {
                node: n,
                right,
                y,
                up: (!straight).then_some(toward < c),
                reach: (e.hx - x).abs(),
                id: r.id.clone(),
            });
            if straight {
                assert_eq!(y, e.hy, "{ctx}: the straight line {} is not straight", r.id);
            }
        }
    }
    out
}

/// Least room between two ends of a side that a box grows for, less a px of rounding.
const CROWDED: f64 = 3.0;
/// The tallest a box grows for its ends: 7 rows.
const GROWN: f64 = 7.0 * CELL - 4.0;

fn check(story: &Story, lang: Lang, width: u32) {
    let g = layout(story, lang, bucket(width));
    let ctx = format!("{width} px, {lang:?}, {} entities", story.entities.len());
    let all = ends(story, &g, &ctx);
    for (n, bx) in g.nodes.iter().enumerate() {
        // A box taller than its name needs (a row, or as many as its lines) has a side
        // too crowded for a shorter one: at least 5 ends, the fewest that crowd a row's
        // side (one straight line at its middle and the rest on one side of it).
        let lines = wrap(
            story.entities[bx.entity].name.get(lang),
            bx.w - 2.0 * NODE_PAD,
        );
        let named = ((lines.len() as f64 * 15.0 + 12.0) / CELL).ceil().max(1.0) * CELL - 4.0;
        assert!(
            bx.h <= named.max(GROWN),
            "{ctx}: box {n} grew to {} px, past 7 rows",
            bx.h
        );
        if bx.h > named {
            let busiest = [false, true].map(|right| {
                all.iter()
                    .filter(|e| e.node == n && e.right == right)
                    .count()
            });
            assert!(
                busiest.into_iter().max().unwrap_or(0) >= 5,
                "{ctx}: box {n} grew to {} px for {busiest:?} ends",
                bx.h
            );
        }
        for right in [false, true] {
            let side: Vec<&End> = all
                .iter()
                .filter(|e| e.node == n && e.right == right)
                .collect();
            // Clear of the rounded corners: 8 px from the top and the bottom.
            for e in &side {
                assert!(
                    bx.y + 8.0 <= e.y && e.y <= bx.y + bx.h - 8.0,
                    "{ctx}: {} meets its box at {} (box {}..{})",
                    e.id,
                    e.y,
                    bx.y,
                    bx.y + bx.h
                );
            }
            // Each at a point of its own: up to an arrowhead's height apart (10 px), or
            // as far as half the side allows (a straight line may keep the middle, with
            // all the others on one side of it), less a px of rounding; a side with more
            // ends than px only keeps them in order.
            let room = (bx.h / 2.0 - 8.0) / side.len().saturating_sub(1) as f64;
            let least = (10f64.min(room) - 1.0).max(1.0);
            for (i, a) in side.iter().enumerate() {
                for b in &side[i + 1..] {
                    // Below its tallest, the box gave them room enough.
                    assert!(
                        bx.h >= GROWN || (a.y - b.y).abs() >= CROWDED,
                        "{ctx}: {} and {} meet a box of {} px {} px apart, of {} on that side",
                        a.id,
                        b.id,
                        bx.h,
                        (a.y - b.y).abs(),
                        side.len()
                    );
                    assert!(
                        room < 1.0 || (a.y - b.y).abs() >= least,
                        "{ctx}: {} and {} meet their box {} px apart, of {} on that side",
                        a.id,
                        b.id,
                        (a.y - b.y).abs(),
                        side.len()
                    );
                    // In an order that does not cross them as they leave: heading up
                    // above heading down, and of two heading the same way, the one that
                    // turns nearer the box nearer the way it heads.
                    let order = match (a.up, b.up) {
                        (Some(true), Some(true)) if a.reach != b.reach => a.reach < b.reach,
                        (Some(false), Some(false)) if a.reach != b.reach => a.reach > b.reach,
                        (Some(x), Some(y)) if x != y => x,
                        (None, Some(y)) => !y,
                        (Some(x), None) => x,
                        _ => continue,
                    };
                    if a.y == b.y {
                        continue;
                    }
                    assert_eq!(
                        a.y < b.y,
                        order,
                        "{ctx}: {} at {} and {} at {} cross as they leave their box",
                        a.id,
                        a.y,
                        b.id,
                        b.y
                    );
                }
            }
        }
    }
}

#[test]
fn links_meet_a_side_of_their_box_each_at_a_point_of_its_own() {
    // Every link used to meet its box at the middle of a side: the arrowheads of all the
    // links into a player piled up on one point, and a reader could not count them.
    let mut stories = vec![load(EMBEDDED_JSON).unwrap()];
    for (n, m, seed) in [(5, 12, 1), (20, 30, 4), (60, 150, 5)] {
        stories.push(load(&common::story(n, m, seed)).unwrap());
    }
    for m in [2, 3, 6, 12] {
        stories.push(load(&common::pair(m)).unwrap());
    }
    // Players linked to 40 others, and to 90: the box of the first grows to give its
    // ends room, the second's stops growing at 7 rows.
    stories.push(load(&common::star(40)).unwrap());
    stories.push(load(&common::star(90)).unwrap());
    for story in &stories {
        for lang in [Lang::Fr, Lang::En] {
            // 240: the narrow layout, its handles in a lane of one column.
            for width in (240..=1280).step_by(40) {
                check(story, lang, width);
            }
        }
    }
}
