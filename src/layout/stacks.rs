//! How role bands are split into side-by-side stacks.

/// Splits bands, in order, into `s` contiguous stacks with the lowest tallest stack.
pub(super) fn partition(heights: &[usize], s: usize) -> Vec<usize> {
    // Returns the index of the first band of each stack. Bands are few (≤ 5 roles).
    fn go(
        h: &[usize],
        start: usize,
        s: usize,
        best: &mut (usize, Vec<usize>),
        cur: &mut Vec<usize>,
        max: usize,
    ) {
        if s == 1 {
            let m = max.max(h[start..].iter().sum());
            if m < best.0 {
                *best = (m, cur.clone());
            }
            return;
        }
        for end in start + 1..=h.len() - (s - 1) {
            cur.push(end);
            go(
                h,
                end,
                s - 1,
                best,
                cur,
                max.max(h[start..end].iter().sum()),
            );
            cur.pop();
        }
    }
    let mut best = (usize::MAX, Vec::new());
    go(heights, 0, s, &mut best, &mut Vec::new(), 0);
    let mut starts = vec![0];
    starts.extend(best.1);
    starts
}

/// Rows of the tallest stack when bands of these `heights` are split into `s` stacks.
pub(super) fn tallest(heights: &[usize], s: usize) -> usize {
    if heights.is_empty() {
        return 0;
    }
    let mut starts = partition(heights, s);
    starts.push(heights.len());
    starts
        .windows(2)
        .map(|w| heights[w[0]..w[1]].iter().sum())
        .max()
        .unwrap_or(0)
}
