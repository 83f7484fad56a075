//! One-to-one alignment: the optimal assignment, and which incident pairs may be aligned at all.
//!
//! `assign` is the Hungarian algorithm (Kuhn-Munkres, O(n³)) on a matrix of allowed pairs and
//! their weights. It maximises first the number of aligned pairs, then their total weight: an
//! incident that can be matched is matched, and among the assignments that match most the one
//! agreeing on most slot units wins. Greedy "best pair first" would not do, since taking one
//! incident's best partner can leave another with none. The result is a pure function of the
//! matrix, so scores never vary between runs. Every one-to-one pairing in this crate goes through
//! it: incidents, claims, and the items of list slots (weights 0, so it maximises matches).
//!
//! `compatible` is codebook section 7's gate: an output incident may stand for a gold incident
//! when their types agree (or the output type is among the key's `alternatives.type`, or both
//! are violent and one is the generic `attack`), their dates overlap where both are given, and
//! their countries agree where both are given. Alternative dates and places in the key widen the
//! gate as they widen the slots.

use vigil_domain::{Incident, IncidentType};

use crate::gold::GoldIncident;

/// Best one-to-one assignment of rows to columns; `None` entries are pairs that may not be
/// aligned. Returns, per row, its column. Weights should be non-negative; negative ones count as 0.
pub(crate) fn assign(weights: &[Vec<Option<i64>>], cols: usize) -> Vec<Option<usize>> {
    let rows = weights.len();
    let size = rows.max(cols);
    if size == 0 {
        return Vec::new();
    }
    let weight = |row: usize, col: usize| weights.get(row).and_then(|r| r.get(col)).copied();
    // Lexicographic objective as one number: a matched pair is worth more than all the weights
    // together, so no weight gain can pay for losing a match.
    let total: i64 = weights
        .iter()
        .map(|row| row.iter().flatten().map(|w| (*w).max(0)).max().unwrap_or(0))
        .fold(0_i64, i64::saturating_add);
    let per_match = total.saturating_add(1);
    let value = |row: usize, col: usize| match weight(row, col) {
        Some(Some(w)) => per_match.saturating_add(w.max(0)),
        _ => 0,
    };
    let top = (0..size).flat_map(|r| (0..size).map(move |c| (r, c))).map(|(r, c)| value(r, c));
    let ceiling = top.max().unwrap_or(0);
    // Minimum-cost form: cost = ceiling - value >= 0. Rows and columns are 1-based below, with
    // index 0 the virtual start of each augmenting path (the classic potentials formulation).
    let cost = |row: usize, col: usize| ceiling - value(row - 1, col - 1);
    let infinity = i64::MAX / 4;
    let mut row_potential = vec![0_i64; size + 1];
    let mut col_potential = vec![0_i64; size + 1];
    let mut owner = vec![0_usize; size + 1];
    let mut previous = vec![0_usize; size + 1];
    for row in 1..=size {
        owner[0] = row;
        let mut col0 = 0;
        let mut slack = vec![infinity; size + 1];
        let mut used = vec![false; size + 1];
        loop {
            used[col0] = true;
            let row0 = owner[col0];
            let mut delta = infinity;
            let mut col1 = 0;
            for col in 1..=size {
                if used[col] {
                    continue;
                }
                let reduced = cost(row0, col) - row_potential[row0] - col_potential[col];
                if reduced < slack[col] {
                    slack[col] = reduced;
                    previous[col] = col0;
                }
                if slack[col] < delta {
                    delta = slack[col];
                    col1 = col;
                }
            }
            for col in 0..=size {
                if used[col] {
                    row_potential[owner[col]] += delta;
                    col_potential[col] -= delta;
                } else {
                    slack[col] -= delta;
                }
            }
            col0 = col1;
            if owner[col0] == 0 {
                break;
            }
        }
        while col0 != 0 {
            let col1 = previous[col0];
            owner[col0] = owner[col1];
            col0 = col1;
        }
    }
    let mut result = vec![None; rows];
    for (col, &row) in owner.iter().enumerate().skip(1) {
        if (1..=rows).contains(&row) && matches!(weight(row - 1, col - 1), Some(Some(_))) {
            result[row - 1] = Some(col - 1);
        }
    }
    result
}

/// Whether an output incident may be aligned with a gold incident (codebook section 7).
pub(crate) fn compatible(output: &Incident, gold: &GoldIncident) -> bool {
    types_compatible(output.incident_type, gold) && dates_compatible(output, gold) && {
        countries_compatible(output, gold)
    }
}

fn types_compatible(output: IncidentType, gold: &GoldIncident) -> bool {
    let generic = IncidentType::Attack;
    output == gold.incident_type
        || gold.alternatives.incident_type.contains(&output)
        || (output.is_violent()
            && gold.incident_type.is_violent()
            && (output == generic || gold.incident_type == generic))
}

fn dates_compatible(output: &Incident, gold: &GoldIncident) -> bool {
    match (&output.date, &gold.date) {
        (Some(date), Some(main)) => {
            std::iter::once(main).chain(&gold.alternatives.date).any(|g| g.span().overlaps(date))
        }
        _ => true,
    }
}

fn countries_compatible(output: &Incident, gold: &GoldIncident) -> bool {
    let Some(country) = output.location.as_ref().and_then(|l| l.country.as_deref()) else {
        return true;
    };
    let Some(main) = gold.location.as_ref().and_then(|l| l.country.as_deref()) else {
        return true;
    };
    let alternatives = gold.alternatives.location.iter().filter_map(|l| l.country.as_deref());
    std::iter::once(main).chain(alternatives).any(|g| g.trim().eq_ignore_ascii_case(country.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Best (matches, weight) over all assignments, by trying them all.
    fn brute(weights: &[Vec<Option<i64>>], cols: usize, row: usize, taken: u32) -> (usize, i64) {
        if row == weights.len() {
            return (0, 0);
        }
        let mut best = brute(weights, cols, row + 1, taken);
        for col in 0..cols {
            if taken & (1 << col) == 0
                && let Some(w) = weights[row][col]
            {
                let (m, t) = brute(weights, cols, row + 1, taken | (1 << col));
                best = best.max((m + 1, t + w));
            }
        }
        best
    }

    fn objective(weights: &[Vec<Option<i64>>], result: &[Option<usize>]) -> (usize, i64) {
        let pairs: Vec<i64> =
            result.iter().enumerate().filter_map(|(r, c)| c.and_then(|c| weights[r][c])).collect();
        (pairs.len(), pairs.iter().sum())
    }

    #[test]
    fn hungarian_equals_exhaustive_search() {
        // A fixed linear congruential generator: reproducible without a dependency.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % bound
        };
        for _ in 0..400 {
            let rows = next(6) as usize;
            let cols = next(6) as usize;
            let weights: Vec<Vec<Option<i64>>> = (0..rows)
                .map(|_| (0..cols).map(|_| (next(3) > 0).then(|| next(7) as i64)).collect())
                .collect();
            let result = assign(&weights, cols);
            assert_eq!(objective(&weights, &result), brute(&weights, cols, 0, 0), "{weights:?}");
            let mut seen: Vec<usize> = result.iter().flatten().copied().collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), result.iter().flatten().count(), "one-to-one");
            assert_eq!(result, assign(&weights, cols), "deterministic");
        }
    }

    #[test]
    fn matching_more_beats_weighing_more() {
        // Row 0 prefers column 0 strongly, but only column 0 serves row 1.
        let weights = vec![vec![Some(9), Some(0)], vec![Some(1), None]];
        assert_eq!(assign(&weights, 2), vec![Some(1), Some(0)]);
        assert_eq!(assign(&[], 0), Vec::<Option<usize>>::new());
        assert_eq!(assign(&[vec![None]], 1), vec![None]);
    }
}
