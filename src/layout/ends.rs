//! Where each edge meets its boxes. Ends at one point of a box's side pile their
//! arrowheads on one another, and a reader cannot count the links or tell them apart, so
//! the ends on one side of a box are spread down it, in the order that keeps their curves
//! from crossing as they leave it. A box whose side holds more ends than fit `CROWDED`
//! apart grows by whole rows to give them that room.

use super::{Band, NodeBox, CELL};
use crate::story::Story;

/// Most room between two ends on one side: an arrowhead's height, so that theirs do not
/// overlap while the side has room.
const GAP: f64 = 10.0;
/// Room kept free at the top and the bottom of a side: its rounded corners.
const MARGIN: f64 = 8.0;
/// Least room between two ends that a box grows for (see [`spread`]): closer, the tips
/// of their arrowheads run into one blot.
pub(super) const CROWDED: f64 = 4.0;

/// One end of an edge, on one side of a box.
pub(super) struct End {
    /// Index into the nodes.
    node: usize,
    /// Whether it meets the box's right side.
    right: bool,
    /// Where its curve heads from the box: up (-1), down (1), or straight across to a
    /// level box (0).
    heading: i8,
    /// How far from the side its curve turns: its handle's distance.
    reach: f64,
}

impl End {
    /// The end at box `n` of an edge to box `other`, its handle at `(hx, hy)`: on the side
    /// facing the handle.
    pub fn new(
        nodes: &[NodeBox],
        [n, other]: [usize; 2],
        (hx, hy): (f64, f64),
        straight: bool,
    ) -> End {
        let b = &nodes[n];
        let y = b.center().1;
        // The curve heads for its handle, or on to the other end from a handle level with
        // the box.
        let toward = if (hy - y).abs() >= 0.5 {
            hy
        } else {
            nodes[other].center().1
        };
        let heading = match (straight, toward < y) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        let mut end = End {
            node: n,
            right: hx >= b.x + b.w / 2.0,
            heading,
            reach: 0.0,
        };
        end.reach = (hx - end.x(nodes)).abs();
        end
    }

    /// Its side's x.
    pub fn x(&self, nodes: &[NodeBox]) -> f64 {
        let b = &nodes[self.node];
        if self.right {
            b.x + b.w
        } else {
            b.x
        }
    }
}

/// The least height of a box whose side holds ends `span` places above or below its
/// middle, `CROWDED` apart.
pub(super) fn height_for(span: f64) -> f64 {
    2.0 * (MARGIN + span * CROWDED)
}

/// Whether `a` comes above `b` on their side. Curves heading up leave above those heading
/// down, a straight line between them. Of two heading up, the one that turns nearer the
/// box leaves higher: lower, its way out would cross the other's way up. Heading down, the
/// same mirrored. Ties keep their order, so that the layout stays a pure function.
fn above(a: &End, b: &End, (ia, ib): (usize, usize)) -> bool {
    if a.heading != b.heading {
        return a.heading < b.heading;
    }
    let (ra, rb) = match a.heading {
        1 => (b.reach, a.reach),
        _ => (a.reach, b.reach),
    };
    ra < rb || (ra == rb && ia < ib)
}

/// Each end's height, and each box's least height for its ends to be `CROWDED` apart.
/// Ends on one side of a box are spread evenly about its middle, at most `GAP` apart,
/// within the side less its corners. A straight line keeps the middle, so that it stays
/// straight: its end on the level box keeps that box's middle too.
pub(super) fn spread(ends: &[End], nodes: &[NodeBox]) -> (Vec<f64>, Vec<f64>) {
    let mut by_node: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (i, e) in ends.iter().enumerate() {
        by_node[e.node].push(i);
    }
    let mut ys = vec![0.0; ends.len()];
    let mut wants = vec![0.0; nodes.len()];
    for ((n, group), want) in nodes.iter().zip(&by_node).zip(&mut wants) {
        for right in [false, true] {
            let side: Vec<usize> = group
                .iter()
                .copied()
                .filter(|&i| ends[i].right == right)
                .collect();
            // Each end's place from the top: counted, not sorted (a sort's generic code
            // costs kilobytes of WASM), and a side holds few ends.
            let rank = |i: usize| {
                side.iter()
                    .filter(|&&j| j != i && above(&ends[j], &ends[i], (j, i)))
                    .count() as f64
            };
            let last = side.len().saturating_sub(1) as f64;
            let middle = side
                .iter()
                .find(|&&i| ends[i].heading == 0)
                .map_or(last / 2.0, |&i| rank(i));
            let span = middle.max(last - middle);
            *want = f64::max(*want, height_for(span));
            let gap = if span > 0.0 {
                GAP.min((n.h / 2.0 - MARGIN).max(0.0) / span)
            } else {
                0.0
            };
            for &i in &side {
                ys[i] = (n.y + n.h / 2.0 + (rank(i) - middle) * gap).round();
            }
        }
    }
    (ys, wants)
}

/// The height each box wants for its ends in one stack, by entity: there every end meets
/// its box's right side, spread evenly about its middle.
pub(super) fn one_stack_wants(story: &Story) -> Vec<f64> {
    let mut ends = vec![0usize; story.entities.len()];
    for r in &story.relationships {
        if let (Some(a), Some(b)) = (story.entity_index(&r.from), story.entity_index(&r.to)) {
            ends[a] += 1;
            ends[b] += 1;
        }
    }
    ends.iter()
        .map(|&n| height_for(n.saturating_sub(1) as f64 / 2.0))
        .collect()
}

/// Rows a box may grow to for its link ends (see [`CROWDED`]): 332 px hold 64 of
/// them on a side. Past that, they crowd instead of the box taking a screen. Odd: see
/// [`grow`].
const GROWN_ROWS: usize = 7;

/// The rows a box grows to for its ends to have `want` px: at most `GROWN_ROWS`, and an
/// `odd` count of them when stacks stand side by side, so that a grown box's middle stays
/// on a cell's middle, where a handle level with it and with a level box makes a straight
/// line.
fn grown(want: f64, odd: bool) -> usize {
    // A box is `rows` cells less 4 px tall.
    let rows = ((want + 4.0) / CELL).ceil() as usize;
    (rows + usize::from(odd && rows.is_multiple_of(2))).min(GROWN_ROWS)
}

/// Gives each box too short for its ends the rows for the height it `wants` (in px, by
/// entity), an `odd` count of them side by side (see [`grown`]). Whether any box grew.
pub(super) fn grow(bands: &mut [Band], wants: &[f64], odd: bool) -> bool {
    let mut grew = false;
    for band in bands.iter_mut() {
        for member in band.members.iter_mut() {
            let rows = grown(wants[member.entity], odd);
            if rows > member.rows {
                band.rows += rows - member.rows;
                member.rows = rows;
                grew = true;
            }
        }
    }
    grew
}
