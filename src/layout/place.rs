//! Where the nodes, headings and handles go once the stacks and lane widths are chosen.

use super::lanes::Lanes;
use super::{cell_center, push_px, Band, EdgeGeom, Geometry, Heading, NodeBox, CELL, PAD};
use crate::i18n::{role_heading, Lang};
use crate::story::Story;

/// Lays out `bands` in stacks starting at the band indices `starts`, nodes `k` cells wide,
/// each stack followed by a lane of `lane_w` cells for handles. Also returns how many
/// handles each stack's lane took.
pub(super) fn place(
    story: &Story,
    lang: Lang,
    width: f64,
    k: usize,
    starts: &[usize],
    bands: &[Band],
    lane_w: &[usize],
) -> (Geometry, Vec<usize>) {
    let s = lane_w.len();
    let mut stack_col = Vec::with_capacity(s);
    let mut col = 0;
    for w in lane_w {
        stack_col.push(col);
        col += k + w;
    }

    let mut nodes = Vec::new();
    let mut headings = Vec::new();
    let mut rows = 0;
    for (si, &first) in starts.iter().enumerate() {
        let last = starts.get(si + 1).copied().unwrap_or(bands.len());
        let x = PAD + stack_col[si] as f64 * CELL;
        let mut row = 0;
        for band in &bands[first..last] {
            headings.push(Heading {
                role: band.role,
                x: x + 2.0,
                y: PAD + row as f64 * CELL + CELL * 0.7,
                w: k as f64 * CELL - 4.0,
                text: role_heading(band.role, lang),
            });
            row += 1;
            for &(entity, ref lines, r) in &band.members {
                nodes.push(NodeBox {
                    entity,
                    x: x + 2.0,
                    y: PAD + row as f64 * CELL + 2.0,
                    w: k as f64 * CELL - 4.0,
                    h: r as f64 * CELL - 4.0,
                    lines: lines.clone(),
                });
                row += r;
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
    // Each entity's box, by entity index: looked up twice per relationship.
    let mut box_of: Vec<Option<usize>> = vec![None; story.entities.len()];
    for (i, n) in nodes.iter().enumerate() {
        box_of[n.entity] = Some(i);
    }

    // Headline edges choose their handles first, so they get the shortest curves.
    let rels = &story.relationships;
    let order = (0..rels.len())
        .filter(|&i| rels[i].headline)
        .chain((0..rels.len()).filter(|&i| !rels[i].headline));
    let node_of = |id: &str| Some(&nodes[box_of[story.entity_index(id)?]?]);
    // By relationship index: edges come out in story order, whatever order chose them.
    // (Placing them, not sorting them: a sort's generic code costs kilobytes of WASM.)
    let mut edges: Vec<Option<EdgeGeom>> = vec![None; rels.len()];
    for i in order {
        let r = &story.relationships[i];
        let (Some(na), Some(nb)) = (node_of(&r.from), node_of(&r.to)) else {
            continue;
        };
        let ((ax, ay), (bx, by)) = (na.center(), nb.center());
        if lane_cols.is_empty() {
            continue;
        }
        let (tx, ty) = ((ax + bx) / 2.0, (ay + by) / 2.0);
        let (c, row) = loop {
            match lanes.nearest_free(&lane_cols, tx, ty) {
                Some(cell) => break cell,
                None => lanes.add_row(),
            }
        };
        lanes.take(c, row);
        used[lane_stack[c]] += 1;
        let (hx, hy) = cell_center(lane_cols[c], row);
        let side = |n: &NodeBox| {
            if hx >= n.x + n.w / 2.0 {
                n.x + n.w
            } else {
                n.x
            }
        };
        let (sx, ex) = (side(na), side(nb));
        let (sy, ey) = (na.y + na.h / 2.0, nb.y + nb.h / 2.0);
        let mut path = String::with_capacity(48);
        push_path(
            &mut path,
            &[
                ('M', sx),
                (' ', sy),
                ('Q', hx),
                (' ', sy),
                (' ', hx),
                (' ', hy),
                ('Q', hx),
                (' ', ey),
                (' ', ex),
                (' ', ey),
            ],
        );
        let dir = if hx >= ex { 1.0 } else { -1.0 };
        let mut arrow = String::with_capacity(32);
        push_path(
            &mut arrow,
            &[
                ('M', ex),
                (' ', ey),
                ('L', ex + dir * 9.0),
                (' ', ey - 5.0),
                ('L', ex + dir * 9.0),
                (' ', ey + 5.0),
            ],
        );
        arrow.push('Z');
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
    (geometry, used)
}

/// Appends SVG path data: each command letter (or a space) followed by its coordinate.
fn push_path(out: &mut String, parts: &[(char, f64)]) {
    for &(c, x) in parts {
        out.push(c);
        push_px(out, x);
    }
}
