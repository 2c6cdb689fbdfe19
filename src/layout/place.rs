//! Where the nodes, headings and handles go once the stacks and lane widths are chosen.

use std::ops::Range;

use super::cover::Cover;
use super::ends::{spread, End};
use super::lanes::Lanes;
use super::{
    cell_center, heading_width, push_px, px, Band, EdgeGeom, Geometry, Heading, NodeBox, CELL, PAD,
};
use crate::i18n::{role_heading, Lang};
use crate::story::Story;

/// Lays out `bands` in stacks starting at the band indices `starts`, nodes `k` cells wide,
/// each stack followed by a lane of `lane_w` cells for handles. Also returns how many
/// handles each stack's lane took, and by entity, the height its box would need for the
/// ends on its sides not to crowd (see [`super::ends::spread`]).
pub(super) fn place(
    story: &Story,
    lang: Lang,
    width: f64,
    k: usize,
    starts: &[usize],
    bands: &[Band],
    lane_w: &[usize],
) -> (Geometry, Vec<usize>, Vec<f64>) {
    let s = lane_w.len();
    let mut stack_col = Vec::with_capacity(s);
    let mut col = 0;
    for w in lane_w {
        stack_col.push(col);
        col += k + w;
    }

    let mut nodes = Vec::new();
    let mut headings = Vec::new();
    // Rows whose heading runs over the lane (see below).
    let mut over_lane = Vec::new();
    let mut rows = 0;
    for (si, &first) in starts.iter().enumerate() {
        let last = starts.get(si + 1).copied().unwrap_or(bands.len());
        let x = PAD + stack_col[si] as f64 * CELL;
        let mut row = 0;
        for band in &bands[first..last] {
            let text = role_heading(band.role, lang);
            let mut w = k as f64 * CELL - 4.0;
            // Too wide for the boxes (the narrowest drawing's, two cells): in one stack it
            // runs over the lane, whose cells in its row then take no handle.
            if s == 1 && heading_width(text) > w {
                w += lane_w[0] as f64 * CELL;
                over_lane.push(row);
            }
            headings.push(Heading {
                role: band.role,
                x: x + 2.0,
                y: PAD + row as f64 * CELL + CELL * 0.7,
                w,
                text,
            });
            row += 1;
            for m in &band.members {
                nodes.push(NodeBox {
                    entity: m.entity,
                    x: x + 2.0,
                    y: PAD + row as f64 * CELL + 2.0,
                    w: k as f64 * CELL - 4.0,
                    h: m.rows as f64 * CELL - 4.0,
                    lines: m.lines.clone(),
                    spaced: m.spaced.clone(),
                });
                row += m.rows;
            }
        }
        rows = rows.max(row);
    }

    // Lane cells: (column, row) pairs, filled as handles are placed.
    let lane_cols: Vec<usize> = (0..s)
        .flat_map(|i| stack_col[i] + k..stack_col[i] + k + lane_w[i])
        .collect();
    // The stack each lane column belongs to, and how many handles each stack's lane took.
    let lane_stack: Vec<usize> = (0..s)
        .flat_map(|i| std::iter::repeat_n(i, lane_w[i]))
        .collect();
    let mut used = vec![0; s];
    let mut lanes = Lanes::new(lane_cols.len(), rows.max(1));
    for &row in &over_lane {
        (0..lane_cols.len()).for_each(|lane| lanes.claim(lane, row));
    }
    // Each entity's box, by entity index: looked up twice per relationship.
    let mut box_of: Vec<Option<usize>> = vec![None; story.entities.len()];
    for (i, n) in nodes.iter().enumerate() {
        box_of[n.entity] = Some(i);
    }

    let rels = &story.relationships;
    let index_of = |id: &str| box_of[story.entity_index(id)?];
    let node_of = |id: &str| Some(&nodes[index_of(id)?]);
    // Headline edges choose their handles first, so they get the shortest curves. Within
    // each group, edges choose by span, shortest first: short arcs take the columns nearest
    // their ends and long ones go round them, as in an arc diagram.
    let span = |i: usize| {
        let (a, b) = (node_of(&rels[i].from)?, node_of(&rels[i].to)?);
        Some(((a.y - b.y).abs() / CELL) as usize)
    };
    // Headlines first, then the rest; in each, the edges between level boxes (side by
    // side) first: the first of each pair is a straight line, and it keeps the cells it
    // runs through free of other handles.
    let (headlines, rest): (Vec<usize>, Vec<usize>) =
        (0..rels.len()).partition(|&i| rels[i].headline);
    let mut order = Vec::with_capacity(rels.len());
    for group in [headlines, rest] {
        let (level, other): (Vec<usize>, Vec<usize>) = group.into_iter().partition(|&i| {
            let (a, b) = (node_of(&rels[i].from), node_of(&rels[i].to));
            a.zip(b).is_some_and(|(a, b)| is_level(a, b))
        });
        order.extend(by_span(&level, span));
        order.extend(by_span(&other, span));
    }
    // The vertical runs of the edges each lane column holds (see `track`), over every row
    // the lanes can reach: each edge adds at most one.
    let half_rows = 2 * (rows.max(1) + rels.len()) + 2;
    let mut runs: Vec<Cover> = (0..lane_cols.len())
        .map(|_| Cover::new(half_rows))
        .collect();
    let lane_x: Vec<f64> = lane_cols.iter().map(|&c| cell_center(c, 0).0).collect();
    // By relationship index: edges come out in story order, whatever order chose them.
    // (Placing them, not sorting them: a sort's generic code costs kilobytes of WASM.)
    let mut edges: Vec<Option<EdgeGeom>> = vec![None; rels.len()];
    // Each edge placed: its index, its two boxes, its handle's centre, and whether it is a
    // straight line.
    let mut placed = Vec::with_capacity(rels.len());
    for i in order {
        let r = &story.relationships[i];
        let (Some(a), Some(b)) = (index_of(&r.from), index_of(&r.to)) else {
            continue;
        };
        let (na, nb) = (&nodes[a], &nodes[b]);
        let ((ax, ay), (bx, by)) = (na.center(), nb.center());
        if lane_cols.is_empty() {
            continue;
        }
        let (tx, ty) = ((ax + bx) / 2.0, (ay + by) / 2.0);
        let (left, right) = (ax.min(bx), ax.max(bx));
        // The lane: the one of the free cell nearest the middle of the two ends, between
        // them when they are in different stacks: beyond the farther one, the curve would
        // cross its box. Then the column in it: see `track`.
        let between =
            lane_x.partition_point(|&x| x <= left)..lane_x.partition_point(|&x| x < right);
        let among = if between.is_empty() {
            0..lane_cols.len()
        } else {
            between.clone()
        };
        // Level ends: a handle level with them makes a straight line through the lane
        // cells between them, which must all be free (see `track`).
        let level = is_level(na, nb).then_some(between);
        let (c, row) = loop {
            let Some((c, _)) = lanes.nearest_free(&lane_cols, among.clone(), tx, ty) else {
                lanes.add_row();
                continue;
            };
            let lane = lane_stack[c];
            let columns = (0..lane_cols.len()).filter(|&ci| lane_stack[ci] == lane);
            match track(&mut lanes, &runs, columns, &lane_x, tx, (ay, by, &level)) {
                Some(cell) => break cell,
                // The lane's only free cells are level with the ends, on a line that
                // would run through another handle.
                None => lanes.add_row(),
            }
        };
        let (hx, hy) = cell_center(lane_cols[c], row);
        runs[c].add(half_row(ay.min(by).min(hy)), half_row(ay.max(by).max(hy)));
        lanes.take(c, row);
        used[lane_stack[c]] += 1;
        let straight = level.is_some() && (ay - hy).abs() < 0.5;
        if let Some(between) = level.filter(|_| straight) {
            // A straight line: a handle on it would seem to be this edge's, and another
            // edge between the same boxes on it would hide which handle runs which way.
            for ci in between {
                lanes.claim(ci, row);
            }
        }
        placed.push((i, [a, b], hx, hy, straight));
    }
    // Then where each meets its boxes: on the side facing its handle, spread down it
    // among the other ends there (see `ends`).
    let mut ends = Vec::with_capacity(2 * placed.len());
    for &(_, [a, b], hx, hy, straight) in &placed {
        ends.push(End::new(&nodes, [a, b], (hx, hy), straight));
        ends.push(End::new(&nodes, [b, a], (hx, hy), straight));
    }
    let (ys, by_node) = spread(&ends, &nodes);
    let mut wants = vec![0.0; story.entities.len()];
    for (n, want) in nodes.iter().zip(by_node) {
        wants[n.entity] = want;
    }
    for ((&(i, _, hx, hy, _), pair), y) in placed.iter().zip(ends.chunks(2)).zip(ys.chunks(2)) {
        let ((sx, sy), (ex, ey)) = ((pair[0].x(&nodes), y[0]), (pair[1].x(&nodes), y[1]));
        // Relative after the first point: the numbers that repeat from curve to curve (how
        // far out a lane column is, an arrowhead's shape) then compress, which counts in a
        // snippet that holds every drawing of the story. From the start to the handle, and
        // from the handle to the end:
        let ((dx, dy), (fx, fy)) = ((hx - sx, hy - sy), (ex - hx, ey - hy));
        let mut path = String::with_capacity(40);
        push_path(
            &mut path,
            &[
                ('M', sx),
                (' ', sy),
                ('q', dx),
                (' ', 0.0),
                (' ', dx),
                (' ', dy),
                ('q', 0.0),
                (' ', fy),
                (' ', fx),
                (' ', fy),
            ],
        );
        let dir = if hx >= ex { 1.0 } else { -1.0 };
        let mut arrow = String::with_capacity(24);
        push_path(
            &mut arrow,
            &[('M', ex), (' ', ey), ('l', dir * 9.0), (' ', -5.0)],
        );
        arrow.push_str("v10z");
        edges[i] = Some(EdgeGeom {
            relationship: i,
            path,
            hx,
            hy,
            arrow,
            // A Bézier curve stays within its points' hull.
            top: sy.min(hy).min(ey),
        });
    }
    let edges: Vec<EdgeGeom> = edges.into_iter().flatten().collect();
    let rows = lanes.rows().max(rows);
    let geometry = Geometry {
        width,
        height: 2.0 * PAD + rows as f64 * CELL,
        stacks: s,
        nodes,
        headings,
        edges,
    };
    (geometry, used, wants)
}

/// Whether two boxes' centres are level: a handle level with both makes a straight line.
fn is_level(a: &NodeBox, b: &NodeBox) -> bool {
    (a.center().1 - b.center().1).abs() < 0.5
}

/// `order`'s items with a span, shortest span first, in `order` within a span; those
/// without one (an end not drawn) last. Bucketed, not sorted: a sort's generic code costs
/// kilobytes of WASM.
fn by_span(order: &[usize], span: impl Fn(usize) -> Option<usize>) -> Vec<usize> {
    let spans: Vec<Option<usize>> = order.iter().map(|&i| span(i)).collect();
    let longest = spans.iter().flatten().copied().max().unwrap_or(0);
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); longest + 2];
    for (&i, sp) in order.iter().zip(&spans) {
        buckets[sp.unwrap_or(longest + 1)].push(i);
    }
    buckets.concat()
}

/// The lane cell, among `columns`, for an edge between boxes whose centres are at `ay`
/// and `by` (and `tx` across): in each column, the free row nearest the middle, and of
/// those the column where the edge's vertical run (from its ends to its handle) lies least
/// along runs already there. Curves that share a column run down it on top of one another,
/// into one thick line no reader can follow; spread, each stays a line of its own. Moving
/// the handle off the middle costs twice its distance, and away from the edge's ends a
/// quarter of it, so that an edge alone takes the middle of the nearest column. Ends level
/// with each other give `level`, the lane columns between them: a handle level with them
/// makes a straight line through those columns' cells, allowed only if none holds a
/// handle or another straight line; else the edge curves round through the next nearest
/// row. None when every column is full (or has only such a row): the caller adds a row.
fn track(
    lanes: &mut Lanes,
    runs: &[Cover],
    columns: impl Iterator<Item = usize>,
    lane_x: &[f64],
    tx: f64,
    (ay, by, level): (f64, f64, &Option<Range<usize>>),
) -> Option<(usize, usize)> {
    let ty = (ay + by) / 2.0;
    let mut best: Option<(f64, usize, usize)> = None;
    for ci in columns {
        let Some(mut row) = lanes.nearest_free_in(ci, ty) else {
            continue;
        };
        if let Some(between) = level {
            let straight = (cell_center(0, row).1 - ty).abs() < 0.5;
            if straight && between.clone().any(|cj| lanes.is_taken(cj, row)) {
                let Some(beside) = lanes.nearest_free_beside(ci, row) else {
                    continue;
                };
                row = beside;
            }
        }
        let hy = cell_center(0, row).1;
        let (lo, hi) = (ay.min(by).min(hy), ay.max(by).max(hy));
        let along = runs[ci].along(half_row(lo), half_row(hi)) as f64 * CELL / 2.0;
        let cost = along + 2.0 * (hy - ty).abs() + (lane_x[ci] - tx).abs() / 4.0;
        if best.is_none_or(|(b, _, _)| cost < b) {
            best = Some((cost, ci, row));
        }
    }
    best.map(|(_, ci, row)| (ci, row))
}

/// The half-row a box's or a handle's centre is on: both sit on a grid of half cells.
fn half_row(y: f64) -> usize {
    ((y - PAD) / (CELL / 2.0)).round().max(0.0) as usize
}

/// Appends SVG path data: each command letter (or a space) followed by its coordinate.
/// A space before a negative number is left out: its minus sign parts it from the last.
fn push_path(out: &mut String, parts: &[(char, f64)]) {
    for &(c, x) in parts {
        if c != ' ' || px(x) >= 0 {
            out.push(c);
        }
        push_px(out, x);
    }
}
