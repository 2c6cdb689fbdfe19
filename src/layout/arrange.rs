//! The drawing of bands in stacks side by side, each with its lane of handles: how the
//! spare columns are shared among the lanes, and the boxes grown for their link ends.

use super::stacks::partition;
use super::{ends, place, rows_of, Band, Geometry, CELL, LANE_MIN, PAD};
use crate::i18n::Lang;
use crate::story::Story;

/// The drawing of `bands` in `s` stacks of nodes `k` cells wide, in `cols` columns. Side
/// by side, a box too short for its link ends grows (see [`ends::grow`]).
pub(super) fn arrange(
    story: &Story,
    lang: Lang,
    cols: usize,
    k: usize,
    s: usize,
    bands: &mut [Band],
) -> Geometry {
    let heights = rows_of(bands);
    let starts = if bands.is_empty() {
        vec![0]
    } else {
        partition(&heights, s)
    };

    // Lane widths: share the spare columns, earlier lanes first. Side by side, whole rounds
    // of one column per lane only: the drawing then changes every `s` columns, not at every
    // width bucket, so each of its shapes can be pre-rendered (`fits`) and hydration
    // redraws nothing. It is drawn at the width it takes, less than a round short of the
    // container's.
    let spare = cols.saturating_sub(s * k);
    let spare = spare - spare % s;
    let width = 2.0 * PAD + ((s * k + spare) as f64) * CELL;
    let lane_w: Vec<usize> = (0..s)
        .map(|i| spare / s + usize::from(i < spare % s))
        .collect();
    let pass = |bands: &[Band], lane_w: &[usize]| {
        place::place(story, lang, width, k, &starts, bands, lane_w)
    };
    let (geometry, used, wants) = pass(bands, &lane_w);
    if s == 1 {
        // One stack: edges spread over the lane's columns (see `place::track`), but a
        // story with few of them may leave the outer ones empty. Drawn up to the last one
        // used, the drawing is the same at every width where its handles are (and so is
        // its pre-rendered fit).
        let right = geometry
            .edges
            .iter()
            .map(|e| e.hx + CELL / 2.0)
            .fold(PAD + (k + LANE_MIN) as f64 * CELL, f64::max);
        return Geometry {
            width: width.min(right + PAD),
            ..geometry
        };
    }
    // The even share leaves the lane beside the last stack empty when every relationship
    // runs between stacks (a blank strip at the drawing's right), and packs the busiest
    // lane's handles. So a second pass shares the columns by demand: a lane between stacks
    // keeps one, the last lane none, and the rest go in proportion to the handles each lane
    // took, then one by one to the lanes in use, earlier first.
    let total: usize = used.iter().sum();
    if total == 0 {
        return geometry;
    }
    let w = by_demand(&used, spare);
    let (geometry, wants) = if w == lane_w {
        (geometry, wants)
    } else {
        let (geometry, _, wants) = pass(bands, &w);
        (geometry, wants)
    };
    // Side by side, the side of its box an end meets is known once its handle is placed.
    // A box too short for its ends then grows, and the drawing is placed again, once, in
    // the same lanes: placing the handles anew may move a few ends to another side, but
    // placing them until none moves cost a large story three times the time.
    if ends::grow(bands, &wants, true) {
        return pass(bands, &w).0;
    }
    geometry
}

/// Lane widths by the handles each lane took (`used`), sharing `spare` columns (see
/// `arrange`).
fn by_demand(used: &[usize], spare: usize) -> Vec<usize> {
    let (s, total) = (used.len(), used.iter().sum::<usize>());
    let mut w: Vec<usize> = (0..s).map(|i| usize::from(i + 1 < s)).collect();
    let rest = spare.saturating_sub(s - 1); // at least LANE_MIN per stack: see `stacks_at`
    let mut given = 0;
    for (lane, &n) in w.iter_mut().zip(used) {
        *lane += rest * n / total;
        given += rest * n / total;
    }
    let mut i = 0;
    while given < rest {
        if used[i] > 0 {
            w[i] += 1;
            given += 1;
        }
        i = (i + 1) % s;
    }
    w
}
