//! Same-type de-duplication: a result contained in (or equal to) a same-type result with a higher or equal
//! score is dropped, as Presidio's `remove_duplicates` does, in O(n log n) instead of Presidio's O(n²).

use std::cmp::Ordering;

use crate::entity::EntityType;
use crate::result::RecognizerResult;

/// Removes same-type duplicates and zero-score results from `results` (order is not preserved).
pub(crate) fn remove_duplicates(results: &mut Vec<RecognizerResult>) {
    results.retain(|r| r.score > 0.0);
    if results.len() < 2 {
        return;
    }
    if results.len() <= SMALL {
        let dropped = duplicates_small(results);
        retain_unmasked(results, dropped);
        return;
    }
    if !any_nested(results) {
        return;
    }
    remove_duplicates_sorted(results);
}

/// Whether some result's span lies within another's (identical spans included), whatever their types and
/// scores. When none does, neither dedup pass drops anything, and the results are left as they are (in
/// their input order: the engine sorts them by start, end and type afterwards, and with no nesting no two
/// share a start and an end). Sorting `(start, end)` pairs is much cheaper than sorting the results.
fn any_nested(results: &[RecognizerResult]) -> bool {
    let mut spans: Vec<(usize, std::cmp::Reverse<usize>)> = results
        .iter()
        .map(|r| (r.start, std::cmp::Reverse(r.end)))
        .collect();
    spans.sort_unstable();
    // Every earlier pair starts at or before this one (and, at the same start, ends at or after it): this
    // one lies within an earlier one iff the furthest earlier end reaches its end.
    let mut max_end: Option<usize> = None;
    for &(_, std::cmp::Reverse(end)) in &spans {
        if max_end.is_some_and(|m| m >= end) {
            return true;
        }
        max_end = max_end.max(Some(end));
    }
    false
}

/// Up to this many results, the dedup passes compare every pair in place instead of sorting: no allocation,
/// no string comparisons of entity types unless two spans nest, and nothing to do when no spans nest.
const SMALL: usize = 32;

/// Bit `i` set: `results[i]` (`results.len() <= SMALL`, all scores > 0) is dropped by [`remove_duplicates`].
///
/// The sorted path visits a type's results by descending score, then descending length, then ascending
/// start, then input position, and drops a result iff an earlier *kept* one contains it. Containment is
/// transitive, so that is the same as "an earlier one contains it": the earliest container is never itself
/// contained by anything earlier, so it is kept.
fn duplicates_small(results: &[RecognizerResult]) -> u64 {
    let mut dropped = 0u64;
    for (i, r) in results.iter().enumerate() {
        let hidden = results.iter().enumerate().any(|(j, k)| {
            j != i
                && k.start <= r.start
                && k.end >= r.end
                && comes_first(k, j, r, i)
                && k.entity_type == r.entity_type
        });
        if hidden {
            dropped |= 1 << i;
        }
    }
    dropped
}

/// Whether `a` (at input position `ia`) precedes `b` (at `ib`) in the sorted path's visiting order.
fn comes_first(a: &RecognizerResult, ia: usize, b: &RecognizerResult, ib: usize) -> bool {
    b.score
        .partial_cmp(&a.score)
        .unwrap_or(Ordering::Equal)
        .then_with(|| b.len().cmp(&a.len()))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| ia.cmp(&ib))
        .is_lt()
}

/// Keeps the results whose bit in `dropped` is clear, in order.
fn retain_unmasked(results: &mut Vec<RecognizerResult>, dropped: u64) {
    if dropped == 0 {
        return;
    }
    let mut i = 0;
    results.retain(|_| {
        let keep = dropped >> i & 1 == 0;
        i += 1;
        keep
    });
}

/// [`remove_duplicates`] for any number of results (scores already > 0, at least two): sort, then one
/// Fenwick sweep per type.
fn remove_duplicates_sorted(results: &mut Vec<RecognizerResult>) {
    // Group by type, then within a type visit results by descending score (longer first on ties, then by
    // start) and keep one only if no kept result of the type contains it.
    results.sort_by(|a, b| {
        a.entity_type
            .cmp(&b.entity_type)
            .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
            .then_with(|| b.len().cmp(&a.len()))
            .then_with(|| a.start.cmp(&b.start))
    });
    let mut keep = vec![false; results.len()];
    let mut group_start = 0;
    while group_start < results.len() {
        let ty = &results[group_start].entity_type;
        let group_end = group_start
            + results[group_start..]
                .iter()
                .take_while(|r| &r.entity_type == ty)
                .count();
        dedup_group(
            &results[group_start..group_end],
            &mut keep[group_start..group_end],
        );
        group_start = group_end;
    }
    let mut flags = keep.into_iter();
    results.retain(|_| flags.next().unwrap_or(false));
}

/// Types whose values routinely embed other personal data, so they never hide what lies inside them: a URL
/// carries emails, IPs and names in its query string and path (`?email=…&ip=…`, `/in/jane-doe`).
fn is_composite(entity: &EntityType) -> bool {
    *entity == EntityType::URL
}

/// Removes every result that lies strictly inside a result of **another** type with a higher or equal score
/// (a card number inside an IBAN, a name inside a street address). Results with identical spans are all
/// kept: the anonymizer decides between them. O(n log n).
pub(crate) fn remove_contained_across_types(results: &mut Vec<RecognizerResult>) {
    if results.len() < 2 {
        return;
    }
    if results.len() <= SMALL && !results.iter().any(|r| r.score.is_nan()) {
        let dropped = contained_small(results);
        retain_unmasked(results, dropped);
        return;
    }
    if !any_nested(results) {
        return;
    }
    remove_contained_sorted(results);
}

/// Bit `i` set: `results[i]` (`results.len() <= SMALL`, no NaN score) is dropped by
/// [`remove_contained_across_types`]: some non-composite result with a higher or equal score strictly
/// contains it. This is exactly what the sorted path's tree query asks, pair by pair.
fn contained_small(results: &[RecognizerResult]) -> u64 {
    let mut dropped = 0u64;
    for (i, r) in results.iter().enumerate() {
        let hidden = results.iter().any(|k| {
            ((k.start <= r.start && k.end > r.end) || (k.start < r.start && k.end >= r.end))
                && k.score >= r.score
                && !is_composite(&k.entity_type)
        });
        if hidden {
            dropped |= 1 << i;
        }
    }
    dropped
}

/// [`remove_contained_across_types`] for any number of results (at least two): sort by score, then sweep a
/// Fenwick tree level by level.
fn remove_contained_sorted(results: &mut Vec<RecognizerResult>) {
    results.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(Ordering::Equal)
            .then_with(|| b.len().cmp(&a.len()))
            .then_with(|| a.start.cmp(&b.start))
    });
    let mut starts: Vec<usize> = results.iter().map(|r| r.start).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut tree = MaxFenwick::new(starts.len());
    let mut keep = vec![true; results.len()];
    let mut i = 0;
    while i < results.len() {
        // Insert a whole score level, then check it: the tree then holds every result with a higher or
        // equal score. A result never strictly contains itself, and identical spans do not count.
        let level_end = i + results[i..]
            .iter()
            .take_while(|r| r.score == results[i].score)
            .count();
        for r in results[i..level_end]
            .iter()
            .filter(|r| !is_composite(&r.entity_type))
        {
            tree.update(starts.partition_point(|&s| s <= r.start), r.end);
        }
        for (k, r) in results.iter().enumerate().take(level_end).skip(i) {
            let at = starts.partition_point(|&s| s <= r.start);
            let before = starts.partition_point(|&s| s < r.start);
            keep[k] = !(tree.prefix_max(at).is_some_and(|e| e > r.end)
                || tree.prefix_max(before).is_some_and(|e| e >= r.end));
        }
        i = level_end;
    }
    let mut flags = keep.into_iter();
    results.retain(|_| flags.next().unwrap_or(true));
}

/// `group` is sorted by descending score; marks the results to keep.
fn dedup_group(group: &[RecognizerResult], keep: &mut [bool]) {
    // Coordinates: distinct starts, ascending. A kept result is recorded at its start's index in a Fenwick
    // tree holding prefix maxima of ends; "is there a kept result with start <= s and end >= e" is then a
    // prefix-max query.
    let mut starts: Vec<usize> = group.iter().map(|r| r.start).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut tree = MaxFenwick::new(starts.len());
    for (i, r) in group.iter().enumerate() {
        let idx = starts.partition_point(|&s| s <= r.start); // 1-based position of r.start
        let contained = tree.prefix_max(idx).is_some_and(|end| end >= r.end);
        if !contained {
            keep[i] = true;
            tree.update(idx, r.end);
        }
    }
}

/// A Fenwick tree over 1-based positions answering prefix maxima.
struct MaxFenwick {
    tree: Vec<Option<usize>>,
}

impl MaxFenwick {
    fn new(n: usize) -> Self {
        MaxFenwick {
            tree: vec![None; n + 1],
        }
    }

    fn update(&mut self, mut i: usize, value: usize) {
        while i < self.tree.len() {
            if self.tree[i].is_none_or(|v| v < value) {
                self.tree[i] = Some(value);
            }
            i += i & i.wrapping_neg();
        }
    }

    fn prefix_max(&self, mut i: usize) -> Option<usize> {
        let mut best = None;
        while i > 0 {
            best = best.max(self.tree[i]);
            i -= i & i.wrapping_neg();
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn r(ty: &str, start: usize, end: usize, score: f64) -> RecognizerResult {
        RecognizerResult::new(EntityType::new(ty), start, end, score, Arc::from("t"))
    }

    fn spans(mut v: Vec<RecognizerResult>) -> Vec<(String, usize, usize, f64)> {
        remove_duplicates(&mut v);
        let mut out: Vec<_> = v
            .into_iter()
            .map(|r| (r.entity_type.to_string(), r.start, r.end, r.score))
            .collect();
        out.sort_by(|a, b| a.partial_cmp(b).unwrap());
        out
    }

    /// Presidio's quadratic algorithm, as the reference.
    fn naive(v: &[RecognizerResult]) -> Vec<(String, usize, usize, f64)> {
        let mut sorted: Vec<_> = v.iter().filter(|r| r.score > 0.0).cloned().collect();
        sorted.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap()
                .then(b.len().cmp(&a.len()))
                .then(a.start.cmp(&b.start))
        });
        let mut kept: Vec<RecognizerResult> = Vec::new();
        for r in sorted {
            if !kept
                .iter()
                .any(|k| k.entity_type == r.entity_type && r.contained_in(k))
            {
                kept.push(r);
            }
        }
        spans(kept)
    }

    #[test]
    fn contained_lower_or_equal_goes() {
        let v = vec![
            r("PERSON", 0, 10, 0.8),
            r("PERSON", 2, 5, 0.8),
            r("PERSON", 2, 5, 0.9),
            r("PERSON", 0, 10, 0.5),
            r("EMAIL_ADDRESS", 2, 5, 0.1),
            r("PERSON", 12, 14, 0.0),
        ];
        assert_eq!(
            spans(v),
            vec![
                ("EMAIL_ADDRESS".into(), 2, 5, 0.1),
                ("PERSON".into(), 0, 10, 0.8),
                ("PERSON".into(), 2, 5, 0.9),
            ]
        );
    }

    #[test]
    fn contained_in_other_types_goes_when_not_stronger() {
        let mut v = vec![
            r("IBAN_CODE", 0, 27, 1.0),
            r("CREDIT_CARD", 5, 24, 1.0),
            r("URL", 30, 70, 0.6),
            r("EMAIL_ADDRESS", 50, 70, 1.0),
            r("IP_ADDRESS", 35, 45, 0.6),
            r("PHONE_NUMBER", 80, 90, 0.4),
            r("US_BANK_NUMBER", 80, 90, 0.4),
        ];
        remove_contained_across_types(&mut v);
        let mut got: Vec<_> = v.iter().map(|r| r.entity_type.to_string()).collect();
        got.sort();
        assert_eq!(
            got,
            [
                "EMAIL_ADDRESS",
                "IBAN_CODE",
                "IP_ADDRESS",
                "PHONE_NUMBER",
                "URL",
                "US_BANK_NUMBER"
            ]
        );
    }

    /// Everything `dump` prints, in a canonical order.
    fn full(v: &[RecognizerResult]) -> Vec<(usize, usize, String, u64, String)> {
        let mut out: Vec<_> = v
            .iter()
            .map(|r| {
                let ty = r.entity_type.to_string();
                (
                    r.start,
                    r.end,
                    ty,
                    r.score.to_bits(),
                    r.recognizer.to_string(),
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn small_paths_match_sorted_paths() {
        let mut rng = crate::test_rng::XorShift::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |m: u64| (rng.next_u64() % m) as usize;
        let mut dropped = [0usize; 2];
        for _ in 0..4000 {
            let n = next(SMALL as u64) + 1;
            let v: Vec<_> = (0..n)
                .map(|k| {
                    let s = next(16);
                    let e = s + next(6) + usize::from(next(8) != 0);
                    let ty = ["A", "B", "URL"][next(3)];
                    let score = [0.0, 0.3, 0.5, 0.5, 1.0][next(5)];
                    // The recognizer name records the input position, so tie-breaking shows.
                    RecognizerResult::new(
                        EntityType::new(ty),
                        s,
                        e,
                        score,
                        Arc::from(k.to_string()),
                    )
                })
                .collect();

            let mut fast = v.clone();
            remove_duplicates(&mut fast);
            let mut slow = v.clone();
            slow.retain(|r| r.score > 0.0);
            if slow.len() >= 2 {
                remove_duplicates_sorted(&mut slow);
            }
            assert_eq!(full(&fast), full(&slow), "{v:?}");
            dropped[0] += v.len() - fast.len();

            let mut fast = v.clone();
            remove_contained_across_types(&mut fast);
            let mut slow = v.clone();
            remove_contained_sorted(&mut slow);
            assert_eq!(full(&fast), full(&slow), "{v:?}");
            dropped[1] += v.len() - fast.len();
        }
        // The generator must exercise both outcomes.
        assert!(dropped[0] > 1000 && dropped[1] > 1000, "{dropped:?}");
    }

    /// With no span inside another, the passes skip their sort and drop nothing; the sorted paths agree.
    #[test]
    fn unnested_results_skip_the_sorted_paths_with_the_same_outcome() {
        let types = ["PERSON", "LOCATION", "URL", "DATE_TIME"];
        let mut rng = crate::test_rng::XorShift::new(7);
        for round in 0..200 {
            let mut v = Vec::new();
            let (mut last_start, mut last_end) = (0, 0);
            let n = 33 + round % 40;
            for i in 0..n {
                let seed = rng.next_u64();
                // Even rounds: overlapping but never nested (each span starts and ends after the previous
                // one). Odd rounds: ends drawn freely, so some spans nest.
                let start = last_start + 1 + (seed % 3) as usize;
                let mut end = start + 1 + (seed >> 8) as usize % 6;
                if round % 2 == 0 {
                    end = end.max(last_end + 1);
                }
                (last_start, last_end) = (start, end);
                let score = [0.3, 0.5, 0.85, 1.0, f64::NAN][(seed >> 16) as usize % 5];
                v.push(r(types[(seed as usize + i) % 4], start, end, score));
            }
            let nested = any_nested(&v);
            assert!(round % 2 == 1 || !nested, "round {round}");
            let mut fast = v.clone();
            remove_duplicates(&mut fast);
            remove_contained_across_types(&mut fast);
            let mut slow: Vec<_> = v.iter().filter(|x| x.score > 0.0).cloned().collect();
            remove_duplicates_sorted(&mut slow);
            remove_contained_sorted(&mut slow);
            let key = |x: &RecognizerResult| (x.start, x.end, x.entity_type.to_string());
            fast.sort_by_key(key);
            slow.sort_by_key(key);
            assert_eq!(full(&fast), full(&slow), "round {round}");
            if !nested {
                assert_eq!(fast.len(), v.iter().filter(|x| x.score > 0.0).count());
            }
        }
        // A nested pair is found wherever it sits.
        let mut v: Vec<_> = (0..40)
            .map(|i| r("PERSON", 10 * i, 10 * i + 5, 0.5))
            .collect();
        assert!(!any_nested(&v));
        v.push(r("LOCATION", 201, 203, 0.9));
        assert!(any_nested(&v));
        v.pop();
        v.push(r("URL", 200, 205, 0.9));
        assert!(any_nested(&v));
    }

    #[test]
    fn small_path_keeps_first_of_identical_results() {
        let mut v = vec![
            RecognizerResult::new(EntityType::new("A"), 3, 8, 0.5, Arc::from("first")),
            RecognizerResult::new(EntityType::new("A"), 3, 8, 0.5, Arc::from("second")),
        ];
        remove_duplicates(&mut v);
        assert_eq!(v.len(), 1);
        assert_eq!(&*v[0].recognizer, "first");
    }

    #[test]
    fn matches_presidio_reference_on_many_inputs() {
        // A small deterministic generator keeps this test free of extra dependencies.
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut next = |m: u64| (rng.next_u64() % m) as usize;
        for _ in 0..500 {
            let n = next(12) + 1;
            let v: Vec<_> = (0..n)
                .map(|_| {
                    let s = next(20);
                    let e = s + next(8) + 1;
                    let ty = if next(2) == 0 { "A" } else { "B" };
                    r(ty, s, e, [0.0, 0.3, 0.5, 0.5, 1.0][next(5)])
                })
                .collect();
            assert_eq!(spans(v.clone()), naive(&v), "{v:?}");
        }
    }
}
