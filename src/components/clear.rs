//! Where a panel placed by its control ends, so that its edges cut no other control (nor a
//! line of the diagram's text, which `anchor.rs` passes as spans too): a control left
//! partly under the panel showed the reader a sliver of itself, and a target under 24 px
//! tall (WCAG 2.5.8; axe's `target-size` found one in a frame, a summary below the diagram
//! with 3 px of it showing). Pure, so that it is tested without a browser.

/// How far from an edge a control may move it, in CSS px: past that, the edge stays.
const REACH: f64 = 120.0;

/// Up to this much of a control under an edge is not a cut: the panel's height is read in
/// whole px. An edge that covers a control passes its far side by as much, so that the
/// panel encloses it still.
const SLACK: f64 = 0.5;

/// The least room left between a panel and the control it is placed by, where the panel's
/// edge by it covers the control next to it (the diagram's rows are 4 px apart).
const NEAR: f64 = 2.0;

/// The top and bottom of a panel at `panel` (from the views' top, in CSS px) moved so that
/// nothing of `spans` (each a top and a bottom: what the panel's width meets)
/// lies across either: each edge goes to the nearest place within [`REACH`] that cuts
/// none, clear of the control by `gap` when the panel gets shorter, or just past the
/// control's far side when it covers it (axe counts a control wholly under the panel as
/// covered, and one partly under a link of the panel as cut). The panel stays within
/// `bounds`, and at least `least` tall (or as tall as it was, if shorter).
///
/// The edge by `keep`, the control the panel is placed by (`gap` from it or less), only
/// moves towards it, to cover the control next to it, and stays [`NEAR`] from it: the
/// reader looks for the panel there. The other edge moves only with `far` (a panel whose
/// height is still to come has none yet), and keeps as far from `keep` as it was, up to
/// `gap`. An edge with no such place stays where it was.
pub fn clear_edges(
    spans: &[(f64, f64)],
    panel: (f64, f64),
    bounds: (f64, f64),
    least: f64,
    gap: f64,
    keep: Option<(f64, f64)>,
    far: bool,
) -> (f64, f64) {
    let (top, bottom) = panel;
    let least = least.min(bottom - top);
    let bottom2 = edge(spans, bottom, top, bounds.1, least, gap, keep, far, false);
    let top2 = -edge(
        spans, -top, -bottom2, -bounds.0, least, gap, keep, far, true,
    );
    (top2, bottom2)
}

/// Where the panel's bottom `e` goes (see [`clear_edges`]), its top at `start`, the
/// explainer's end at `end`. With `up`, the same for its top, every length negated: the
/// top of a panel is the bottom of its mirror image. (One loop for both edges: written
/// once per edge with iterators, this took 2 KB gzip of WASM.)
#[allow(clippy::too_many_arguments)]
fn edge(
    spans: &[(f64, f64)],
    e: f64,
    start: f64,
    end: f64,
    least: f64,
    gap: f64,
    keep: Option<(f64, f64)>,
    far: bool,
    up: bool,
) -> f64 {
    let m = |(t, b): (f64, f64)| if up { (-b, -t) } else { (t, b) };
    let keep = keep.map(m);
    // How far the chosen control is past the edge (negative where the panel is on it, or
    // past it), and whether that makes this edge the one by it.
    let d0 = keep.map_or(f64::INFINITY, |(kt, _)| kt - e);
    let by = (0.0..=gap + SLACK).contains(&d0);
    // A control under the panel past `SLACK` is cut unless wholly under it, to the pixel:
    // axe counts it covered only then. One beside the chosen control, reaching past it (a
    // taller node), is crossed by the edge by it wherever that goes: no cut to move for.
    let cuts = |y: f64| {
        spans.iter().any(|&s| {
            let (t, b) = m(s);
            let beside = by && keep.is_some_and(|(kt, kb)| t < kb - SLACK && b > kt + SLACK);
            t < y - SLACK && b > y && !beside
        })
    };
    if !cuts(e) {
        return e;
    }
    let (mut best, mut dist) = (e, REACH);
    for &s in spans {
        let (t, b) = m(s);
        for y in [t - gap, b + SLACK] {
            let d = keep.map_or(f64::INFINITY, |(kt, _)| kt - y);
            // The edge by the chosen control only towards it; the other as far from it.
            let may = match by {
                true => y > e && d >= NEAR,
                false => far && (d0 < 0.0 || d >= d0.min(gap) - SLACK),
            };
            if (y - e).abs() < dist && y - start >= least && y <= end && may && !cuts(y) {
                (best, dist) = (y, (y - e).abs());
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::clear_edges;

    const GAP: f64 = 8.0;
    const BOUNDS: (f64, f64) = (0.0, 1600.0);

    #[test]
    fn a_panel_that_cuts_nothing_stays() {
        let spans = [(100.0, 144.0), (600.0, 644.0)];
        let placed = clear_edges(
            &spans,
            (152.0, 500.0),
            BOUNDS,
            240.0,
            GAP,
            Some((100.0, 144.0)),
            true,
        );
        assert_eq!(placed, (152.0, 500.0));
    }

    #[test]
    fn a_panel_ending_across_a_control_ends_above_it() {
        // 12 px into a summary: ending above it moves the edge least.
        let spans = [(1498.0, 1542.0), (1542.0, 1586.0)];
        let placed = clear_edges(&spans, (1118.0, 1510.0), BOUNDS, 240.0, GAP, None, true);
        assert_eq!(placed, (1118.0, 1490.0));
    }

    #[test]
    fn a_panel_a_little_short_of_a_controls_end_covers_it() {
        // The frame's case: 3 px short of a summary's bottom (the next summary just below
        // it), covering it moves the edge least.
        let spans = [(1400.0, 1444.0), (1498.0, 1542.0), (1542.0, 1586.0)];
        let placed = clear_edges(&spans, (1118.0, 1539.0), BOUNDS, 240.0, GAP, None, true);
        assert_eq!(placed, (1118.0, 1542.5));
    }

    #[test]
    fn a_panel_ending_a_hair_short_of_a_controls_end_covers_it() {
        // 0.03 px short (seed 2121 in a frame): axe found the control partly obscured by a
        // link of the panel, as it was not wholly under the panel.
        let spans = [(672.03, 716.03), (716.03, 760.03)];
        let placed = clear_edges(&spans, (350.0, 716.0), BOUNDS, 240.0, GAP, None, true);
        assert_eq!(placed, (350.0, 716.53));
    }

    #[test]
    fn a_cover_that_would_leave_the_explainer_shortens_instead() {
        let spans = [(1498.0, 1542.0)];
        let placed = clear_edges(
            &spans,
            (1118.0, 1539.0),
            (0.0, 1540.0),
            240.0,
            GAP,
            None,
            true,
        );
        assert_eq!(placed, (1118.0, 1490.0));
    }

    #[test]
    fn a_panel_is_never_made_shorter_than_it_may_be() {
        // Ending above the control would leave 192 px: the panel covers it instead.
        let spans = [(1300.0, 1344.0)];
        let placed = clear_edges(&spans, (1100.0, 1310.0), BOUNDS, 240.0, GAP, None, true);
        assert_eq!(placed, (1100.0, 1344.5));
    }

    #[test]
    fn an_edge_goes_past_staggered_controls_to_a_clean_place() {
        // Controls in two columns at different heights: the nearest clean place is past
        // both, never between them.
        let spans = [(500.0, 544.0), (520.0, 564.0), (300.0, 344.0)];
        let placed = clear_edges(&spans, (100.0, 530.0), BOUNDS, 240.0, GAP, None, true);
        assert_eq!(placed, (100.0, 564.5));
        let placed = clear_edges(&spans, (100.0, 515.0), BOUNDS, 240.0, GAP, None, true);
        assert_eq!(placed, (100.0, 492.0));
    }

    #[test]
    fn a_top_across_a_control_moves_off_it_and_never_onto_the_chosen_one() {
        // Placed above its control (900–944): the top cut a control at 560–604.
        let spans = [(560.0, 604.0), (900.0, 944.0)];
        let keep = Some((900.0, 944.0));
        let placed = clear_edges(&spans, (580.0, 892.0), BOUNDS, 240.0, GAP, keep, true);
        assert_eq!(placed, (559.5, 892.0));
        // Covering upwards would pass the top of the explainer: the top moves down.
        let placed = clear_edges(
            &spans,
            (580.0, 892.0),
            (570.0, 1600.0),
            240.0,
            GAP,
            keep,
            true,
        );
        assert_eq!(placed, (612.0, 892.0));
    }

    #[test]
    fn the_edge_by_the_chosen_control_stays_by_it() {
        // Placed above a bar (900–980), the bar above it (819–900) cut by the bottom:
        // covering it would take the panel onto the chosen bar, ending above it would
        // take the panel 80 px from it.
        let spans = [(819.0, 900.0), (900.0, 980.0)];
        let keep = Some((900.0, 980.0));
        let placed = clear_edges(&spans, (600.0, 892.0), BOUNDS, 240.0, GAP, keep, true);
        assert_eq!(placed, (600.0, 892.0));
        // Below it, the same.
        let spans = [(900.0, 980.0), (980.0, 1061.0)];
        let placed = clear_edges(&spans, (988.0, 1300.0), BOUNDS, 240.0, GAP, keep, true);
        assert_eq!(placed, (988.0, 1300.0));
    }

    #[test]
    fn the_edge_by_the_chosen_control_covers_the_next_row() {
        // Below a node (100–144), the panel's top 8 px below it cut the next row's node
        // (148–192), 4 px of which showed: the top rises to cover it, 3.5 px from the
        // chosen one. So it does for a panel whose height is still to come.
        let spans = [(100.0, 144.0), (148.0, 192.0), (480.0, 524.0)];
        let keep = Some((100.0, 144.0));
        let placed = clear_edges(&spans, (152.0, 500.0), BOUNDS, 240.0, GAP, keep, true);
        assert_eq!(placed, (147.5, 524.5));
        let placed = clear_edges(&spans, (152.0, 500.0), BOUNDS, 240.0, GAP, keep, false);
        assert_eq!(placed, (147.5, 500.0));
    }

    #[test]
    fn a_taller_control_beside_the_chosen_one_does_not_hold_its_edge() {
        // Below a handle (925–969), the top cut a handle of the next row (973–1017) and a
        // node beside, 140 px tall (877–1017), which no place of the top can clear.
        let spans = [(877.0, 1017.0), (925.0, 969.0), (973.0, 1017.0)];
        let keep = Some((925.0, 969.0));
        let placed = clear_edges(&spans, (977.0, 1400.0), BOUNDS, 240.0, GAP, keep, true);
        assert_eq!(placed, (972.5, 1400.0));
    }

    #[test]
    fn the_far_edge_never_comes_onto_the_chosen_control() {
        // At the explainer's end, over its control (neither side had room): its edges are
        // cleared as any. 10 px above it, the bottom cannot cover the control across it
        // (it would cover the chosen one too), nor end above it (too short).
        let keep = Some((1000.0, 1044.0));
        let spans = [(1000.0, 1044.0), (1300.0, 1344.0)];
        let placed = clear_edges(&spans, (1000.0, 1320.0), BOUNDS, 240.0, GAP, keep, true);
        assert_eq!(placed, (1000.0, 1344.5));
        let spans = [(940.0, 1010.0), (1000.0, 1044.0)];
        let placed = clear_edges(&spans, (700.0, 990.0), BOUNDS, 240.0, GAP, keep, true);
        assert_eq!(placed, (700.0, 990.0));
    }

    #[test]
    fn with_no_clean_place_within_reach_the_panel_stays() {
        let spans: Vec<(f64, f64)> = (0..40)
            .map(|i| (i as f64 * 20.0, i as f64 * 20.0 + 44.0))
            .collect();
        let placed = clear_edges(&spans, (100.0, 500.0), BOUNDS, 240.0, GAP, None, true);
        assert_eq!(placed, (100.0, 500.0));
    }
}
