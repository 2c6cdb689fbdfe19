//! How many edge runs lie along each stretch of a lane column.

/// Counts of runs over the half-rows of one column: add a run, or total the runs along a
/// stretch, in logarithmic time (two Fenwick trees). A sum over every run already in the
/// column would grow with the story: a 1,000-entity story puts a thousand in each.
pub(super) struct Cover {
    /// Point updates of the slope, and of its correction, for range-add, range-sum.
    a: Vec<i64>,
    b: Vec<i64>,
}

impl Cover {
    /// A column of `n` half-rows, none covered.
    pub(super) fn new(n: usize) -> Self {
        Cover {
            a: vec![0; n + 1],
            b: vec![0; n + 1],
        }
    }

    fn add_at(&mut self, i: usize, v: i64) {
        let (n, x) = (self.a.len(), v * i as i64);
        let mut j = i + 1;
        while j < n {
            self.a[j] += v;
            self.b[j] += x;
            j += j & j.wrapping_neg();
        }
    }

    /// The sum of counts over half-rows `0..i`.
    fn prefix(&self, i: usize) -> i64 {
        let (mut sa, mut sb) = (0, 0);
        let mut j = i.min(self.a.len() - 1);
        let end = j as i64;
        while j > 0 {
            sa += self.a[j];
            sb += self.b[j];
            j -= j & j.wrapping_neg();
        }
        sa * end - sb
    }

    /// One more run over half-rows `lo..hi`.
    pub(super) fn add(&mut self, lo: usize, hi: usize) {
        self.add_at(lo, 1);
        self.add_at(hi, -1);
    }

    /// Half-rows of runs along `lo..hi`, each counted once per run on it.
    pub(super) fn along(&self, lo: usize, hi: usize) -> i64 {
        self.prefix(hi) - self.prefix(lo)
    }
}

#[cfg(test)]
mod tests {
    use super::Cover;

    #[test]
    fn totals_equal_a_count_run_by_run() {
        // Runs from a fixed pseudo-random sequence, checked against summing them one by one.
        let n = 97;
        let mut cover = Cover::new(n);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut x: u64 = 12345;
        let mut next = |m: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % m
        };
        for _ in 0..200 {
            let (a, b) = (next(n + 1), next(n + 1));
            let (lo, hi) = (a.min(b), a.max(b));
            cover.add(lo, hi);
            runs.push((lo, hi));
            let (qa, qb) = (next(n + 1), next(n + 1));
            let (qlo, qhi) = (qa.min(qb), qa.max(qb));
            let naive: usize = runs
                .iter()
                .map(|&(l, h)| qhi.min(h).saturating_sub(qlo.max(l)))
                .sum();
            assert_eq!(cover.along(qlo, qhi), naive as i64, "{qlo}..{qhi}");
        }
    }
}
