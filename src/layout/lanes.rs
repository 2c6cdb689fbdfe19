//! The cells beside the boxes where edges put their handles.

use std::ops::Range;

use super::{cell_center, CELL, PAD};

/// The lane cells, filled as handles are placed, with links over full rows: a dense story
/// fills long stretches of rows, and stepping through them cell by cell for every handle
/// made the layout quadratic (a 1,000-entity story spent 49M instructions here).
pub(super) struct Lanes {
    /// `taken[lane][row]`.
    taken: Vec<Vec<bool>>,
    /// Free cells in each row.
    free: Vec<usize>,
    /// For a full row, a row below it to try next; `rows()` means none. Path-compressed.
    below: Vec<usize>,
    /// For a full row, one more than a row above it to try next; 0 means none.
    above: Vec<usize>,
    /// `below` and `above` for each column's taken cells (`col_below[lane][row]`), for
    /// the search column by column (see `place::track`).
    col_below: Vec<Vec<usize>>,
    col_above: Vec<Vec<usize>>,
}

impl Lanes {
    pub(super) fn new(lanes: usize, rows: usize) -> Self {
        let mut l = Lanes {
            taken: vec![Vec::with_capacity(rows); lanes],
            free: Vec::with_capacity(rows),
            below: Vec::with_capacity(rows),
            above: Vec::with_capacity(rows),
            col_below: vec![Vec::with_capacity(rows); lanes],
            col_above: vec![Vec::with_capacity(rows); lanes],
        };
        for _ in 0..rows {
            l.add_row();
        }
        l
    }

    pub(super) fn rows(&self) -> usize {
        self.free.len()
    }

    /// Adds an empty row at the bottom. Full rows that had none below now lead to it.
    pub(super) fn add_row(&mut self) {
        let row = self.rows();
        self.taken.iter_mut().for_each(|lane| lane.push(false));
        self.free.push(self.taken.len());
        self.below.push(row + 1);
        self.above.push(row);
        self.col_below.iter_mut().for_each(|c| c.push(row + 1));
        self.col_above.iter_mut().for_each(|c| c.push(row));
    }

    pub(super) fn take(&mut self, lane: usize, row: usize) {
        self.taken[lane][row] = true;
        self.free[row] -= 1;
    }

    /// Whether the cell holds a handle or is claimed by a straight line.
    pub(super) fn is_taken(&self, lane: usize, row: usize) -> bool {
        self.taken[lane][row]
    }

    /// The free row of lane column `ci` nearest to `row` but not `row` itself, ties to the
    /// upper; none when the column has no other.
    pub(super) fn nearest_free_beside(&mut self, ci: usize, row: usize) -> Option<usize> {
        self.nearest_around(ci, row, row.checked_sub(1), row + 1)
    }

    /// Takes the cell if it is free, for no handle: a straight line runs through it, and a
    /// handle there would seem to be on that line.
    pub(super) fn claim(&mut self, lane: usize, row: usize) {
        if !self.taken[lane][row] {
            self.take(lane, row);
        }
    }

    /// The nearest row at or below `row` with a free cell, or `rows()`.
    fn down(&mut self, row: usize) -> usize {
        let rows = self.rows();
        let mut at = row;
        while at < rows && self.free[at] == 0 {
            at = self.below[at];
        }
        let mut r = row;
        while r < rows && self.free[r] == 0 {
            r = std::mem::replace(&mut self.below[r], at);
        }
        at
    }

    /// The nearest row at or above `row` with a free cell.
    fn up(&mut self, row: usize) -> Option<usize> {
        // One-based, so that 0 can mean "none".
        let mut at = row + 1;
        while at > 0 && self.free[at - 1] == 0 {
            at = self.above[at - 1];
        }
        let mut r = row + 1;
        while r > 0 && self.free[r - 1] == 0 {
            r = std::mem::replace(&mut self.above[r - 1], at);
        }
        at.checked_sub(1)
    }

    /// The free cell among lane columns `among` nearest to (tx, ty), ties to the lowest
    /// (lane, row); none when every such cell is taken. Rows with a free cell are visited
    /// outward from ty's, and the search stops once rows are farther than the best cell.
    pub(super) fn nearest_free(
        &mut self,
        lane_cols: &[usize],
        among: Range<usize>,
        tx: f64,
        ty: f64,
    ) -> Option<(usize, usize)> {
        let rows = self.rows();
        if rows == 0 {
            return None;
        }
        let mut best: Option<(f64, usize, usize)> = None;
        let centre = ((ty - PAD) / CELL - 0.5).round().clamp(0.0, rows as f64) as usize;
        let mut up = self.up(centre.min(rows - 1));
        let mut down = self.down(centre + 1);
        loop {
            let above = up.map(|r| (centre - r, r));
            let below = (down < rows).then(|| (down - centre, down));
            let (step, row) = match (above, below) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => break,
            };
            // Rows `step` away from the nearest one are at least (step − 1) cells away.
            let floor = (step as f64 - 1.0).max(0.0) * CELL;
            if best.is_some_and(|(d, _, _)| floor * floor > d) {
                break;
            }
            let dy = cell_center(0, row).1 - ty;
            for ci in among.clone() {
                let col = lane_cols[ci];
                if self.taken[ci][row] {
                    continue;
                }
                let dx = cell_center(col, row).0 - tx;
                let d = dx * dx + dy * dy;
                if best.is_none_or(|b| (d, ci, row) < b) {
                    best = Some((d, ci, row));
                }
            }
            if Some(row) == up {
                up = row.checked_sub(1).and_then(|r| self.up(r));
            } else {
                down = self.down(row + 1);
            }
        }
        best.map(|(_, ci, row)| (ci, row))
    }

    /// The free row of lane column `ci` nearest to `ty`, ties to the upper; none when the
    /// column is full.
    pub(super) fn nearest_free_in(&mut self, ci: usize, ty: f64) -> Option<usize> {
        let centre =
            (((ty - PAD) / CELL - 0.5).round().max(0.0) as usize).min(self.rows().checked_sub(1)?);
        self.nearest_around(ci, centre, Some(centre), centre)
    }

    /// Of column `ci`'s free row at or above `up_from` and its free row at or below
    /// `down_from`, the nearer to `centre`, ties to the upper.
    fn nearest_around(
        &mut self,
        ci: usize,
        centre: usize,
        up_from: Option<usize>,
        down_from: usize,
    ) -> Option<usize> {
        let rows = self.rows();
        let up = up_from.and_then(|r| self.up_in(ci, r));
        let down = Some(self.down_in(ci, down_from)).filter(|&r| r < rows);
        match (up, down) {
            (Some(u), Some(d)) => Some(if centre - u <= d - centre { u } else { d }),
            (u, d) => u.or(d),
        }
    }

    /// The nearest free row of column `ci` at or below `row`, or `rows()`. As `down`, with
    /// links over taken cells of that column.
    fn down_in(&mut self, ci: usize, row: usize) -> usize {
        let rows = self.rows();
        let (taken, next) = (&self.taken[ci], &mut self.col_below[ci]);
        let mut at = row;
        while at < rows && taken[at] {
            at = next[at];
        }
        let mut r = row;
        while r < rows && taken[r] {
            r = std::mem::replace(&mut next[r], at);
        }
        at
    }

    /// The nearest free row of column `ci` at or above `row`.
    fn up_in(&mut self, ci: usize, row: usize) -> Option<usize> {
        let (taken, next) = (&self.taken[ci], &mut self.col_above[ci]);
        let mut at = row + 1; // one-based, as in `up`
        while at > 0 && taken[at - 1] {
            at = next[at - 1];
        }
        let mut r = row + 1;
        while r > 0 && taken[r - 1] {
            r = std::mem::replace(&mut next[r - 1], at);
        }
        at.checked_sub(1)
    }
}
