//! Conflict resolution: turning possibly overlapping results into disjoint spans to replace.
//!
//! Every strategy runs in `O(n log n)` for `n` results (sorts, sweeps, and for
//! [`ConflictResolution::RemoveIntersections`] an ordered map of mergeable heaps), and all break ties the
//! same deterministic way, so the output never depends on hash order or on the order of equal scores.

mod higher_score;
mod intersections;

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

/// How the anonymizer handles results that overlap.
///
/// All strategies start the same way (as in Presidio):
///
/// 1. Results of the **same type** that intersect (share at least one byte; spans that only touch do not
///    intersect) merge into their union, with the highest score.
///
/// Then each strategy makes the spans disjoint, and finally
///
/// 2. Spans of the same type separated only by one or more spaces (U+0020; not tabs, not newlines, not an
///    empty gap) merge into one span with the highest score, so `"John  Smith"` found as two `PERSON`s
///    becomes one `<PERSON>`.
///
/// Scores compare with [`f64::total_cmp`]. When a tie remains, the result that comes first in the input
/// wins.
///
/// # Example
///
/// ```
/// use piiscrub::{AnonymizerEngine, ConflictResolution, EntityType, Operators, RecognizerResult};
///
/// let text = "see https://example.com/u/alice@example.com now";
/// let results = [
///     RecognizerResult::new(EntityType::URL, 4, 43, 0.6, "url".into()),
///     RecognizerResult::new(EntityType::EMAIL_ADDRESS, 26, 43, 1.0, "email".into()),
/// ];
/// let merge = AnonymizerEngine::new();
/// let out = merge.anonymize(text, &results, &Operators::default())?;
/// assert_eq!(out.text, "see <URL> now");
///
/// let prefer = AnonymizerEngine::builder()
///     .conflict_resolution(ConflictResolution::PreferHigherScore)
///     .build();
/// let out = prefer.anonymize(text, &results, &Operators::default())?;
/// assert_eq!(out.text, "see <URL><EMAIL_ADDRESS> now");
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConflictResolution {
    /// Presidio's default, `merge_similar_or_contained`.
    ///
    /// After the same-type merge, a span contained in another span (of any type, whatever the scores) is
    /// dropped; of spans with identical offsets only the highest score stays. A remaining partial overlap
    /// of different types is resolved by trimming the earlier span to end where the later one starts, which
    /// is what Presidio's right-to-left text replacement does, so every detected byte is still replaced.
    /// (Presidio hands the operator the untrimmed value; piiscrub hands it the trimmed one, so `keep` and
    /// `mask` preserve the text's length.)
    #[default]
    MergeSimilarOrContained,
    /// Presidio's `remove_intersections`.
    ///
    /// After the same-type merge and the removal of contained spans (as in
    /// [`MergeSimilarOrContained`](Self::MergeSimilarOrContained)), walk the spans sorted by start. When the
    /// current span overlaps the next one: if the current score is higher or equal, the next span now
    /// starts where the current one ends; otherwise the current one ends where the next one starts. Spans
    /// that became empty are dropped at once (Presidio keeps zero-length spans, and a span whose start
    /// passed its end can still trim others there), the order is restored, and the walk goes on.
    /// Spans that start at the same offset are walked in order of decreasing score, then decreasing end.
    RemoveIntersections,
    /// Every byte goes to the highest-scoring result that covers it (not in Presidio).
    ///
    /// Ties go to the longer span, then to the one starting first. So a result contained in a
    /// lower-scoring one is kept (an email inside a URL, a name inside an address), and the container keeps
    /// the pieces around it. Where a piece was cut off, it is trimmed of whitespace, and pieces left empty
    /// are dropped. Every detected byte that is not such whitespace is replaced.
    PreferHigherScore,
}

/// A span being resolved: offsets into the text, the best score, an interned type id, and the lowest input
/// index among the results it came from (the representative for tie-breaking, entity type and recognizer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) score: f64,
    pub(crate) ty: usize,
    pub(crate) idx: usize,
}

impl Span {
    pub(crate) fn absorb(&mut self, other: &Span) {
        self.start = self.start.min(other.start);
        self.end = self.end.max(other.end);
        if other.score.total_cmp(&self.score) == Ordering::Greater {
            self.score = other.score;
        }
        self.idx = self.idx.min(other.idx);
    }
}

/// Resolves non-empty, valid `spans` of `text` into disjoint spans sorted by start.
pub(crate) fn resolve(text: &str, spans: Vec<Span>, strategy: ConflictResolution) -> Vec<Span> {
    let merged = merge_same_type(spans);
    let disjoint = match strategy {
        ConflictResolution::MergeSimilarOrContained => trim_overlaps(remove_contained(merged)),
        ConflictResolution::RemoveIntersections => intersections::resolve(remove_contained(merged)),
        ConflictResolution::PreferHigherScore => higher_score::resolve(text, merged),
    };
    merge_space_gaps(text, disjoint)
}

/// Merges intersecting spans of the same type into their union (transitively).
///
/// One sweep in start order (the analyzer's results come sorted, so there is usually nothing to sort),
/// keeping per type the last merged span: an earlier one of the type ended before that one started, so it
/// cannot meet a later span. The result is sorted by start.
fn merge_same_type(mut spans: Vec<Span>) -> Vec<Span> {
    if !spans.is_sorted_by_key(|s| s.start) {
        spans.sort_unstable_by_key(|s| s.start);
    }
    let types = spans.iter().map(|s| s.ty + 1).max().unwrap_or(0);
    // Per type, the position in `spans[..kept]` of its last merged span.
    let mut open = vec![usize::MAX; types];
    let mut kept = 0;
    for i in 0..spans.len() {
        let s = spans[i];
        match open[s.ty] {
            o if o != usize::MAX && s.start < spans[o].end => spans[o].absorb(&s),
            _ => {
                open[s.ty] = kept;
                spans[kept] = s;
                kept += 1;
            }
        }
    }
    spans.truncate(kept);
    spans
}

/// Drops every span contained in another; of identical spans, keeps the best (score, then input order).
///
/// Input: sorted by start (as [`merge_same_type`] leaves it). Only runs of equal starts need ordering (by
/// descending end, then score, then ascending input index), so sorted input costs a linear pass. The result
/// is sorted by start, and both starts and ends strictly increase.
fn remove_contained(mut spans: Vec<Span>) -> Vec<Span> {
    debug_assert!(spans.is_sorted_by_key(|s| s.start));
    let mut i = 0;
    while i < spans.len() {
        let start = spans[i].start;
        let run = spans[i..].iter().take_while(|s| s.start == start).count();
        if run > 1 {
            spans[i..i + run].sort_unstable_by(|a, b| {
                b.end
                    .cmp(&a.end)
                    .then(b.score.total_cmp(&a.score))
                    .then(a.idx.cmp(&b.idx))
            });
        }
        i += run;
    }
    drop_contained(&mut spans);
    spans
}

/// Drops every span contained in an earlier one, for spans ordered by start, then descending end.
fn drop_contained(spans: &mut Vec<Span>) {
    // Every earlier span starts at or before `s`; `s` is contained in one of them iff the furthest end
    // reaches `s.end`. Containment is transitive, so it does not matter whether that span survives.
    let mut max_end = 0;
    spans.retain(|s| {
        let keep = s.end > max_end;
        max_end = max_end.max(s.end);
        keep
    });
}

/// Trims each span to end where the next one starts (input: strictly increasing starts).
fn trim_overlaps(mut spans: Vec<Span>) -> Vec<Span> {
    for i in 1..spans.len() {
        let next_start = spans[i].start;
        let prev = &mut spans[i - 1];
        prev.end = prev.end.min(next_start);
    }
    spans
}

/// Whether `next` (after `last`) merges into it: the same type, separated by one or more U+0020 and
/// nothing else.
pub(crate) fn merges_across_spaces(text: &str, last: &Span, next: &Span) -> bool {
    last.ty == next.ty
        && text
            .as_bytes()
            .get(last.end..next.start)
            .is_some_and(|gap| !gap.is_empty() && gap.iter().all(|&b| b == b' '))
}

/// Merges neighbouring spans of the same type separated by one or more U+0020 and nothing else.
fn merge_space_gaps(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    // Compacted in place, as in `merge_same_type`.
    let mut kept: usize = 0;
    for i in 0..spans.len() {
        let s = spans[i];
        if let Some(last) = kept.checked_sub(1).map(|k| &mut spans[k]) {
            if merges_across_spaces(text, last, &s) {
                last.absorb(&s);
                continue;
            }
        }
        spans[kept] = s;
        kept += 1;
    }
    spans.truncate(kept);
    spans
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A span with the given type id, offsets and score; input index `idx`.
    pub(crate) fn sp(ty: usize, start: usize, end: usize, score: f64, idx: usize) -> Span {
        Span {
            start,
            end,
            score,
            ty,
            idx,
        }
    }

    pub(crate) fn offsets(spans: &[Span]) -> Vec<(usize, usize, usize)> {
        spans.iter().map(|s| (s.ty, s.start, s.end)).collect()
    }

    #[test]
    fn same_type_merge_is_transitive_and_ignores_touching() {
        let spans = vec![
            sp(0, 0, 5, 0.5, 0),
            sp(0, 4, 8, 0.9, 1),
            sp(0, 7, 10, 0.1, 2),
            sp(0, 10, 12, 0.3, 3),
            sp(1, 2, 3, 0.3, 4),
        ];
        let merged = merge_same_type(spans);
        // Sorted by start.
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0], sp(0, 0, 10, 0.9, 0));
        assert_eq!(merged[1], sp(1, 2, 3, 0.3, 4));
        assert_eq!(merged[2], sp(0, 10, 12, 0.3, 3));
    }

    /// The sort-based versions the sweeps replaced, as references.
    fn merge_same_type_by_sorting(mut spans: Vec<Span>) -> Vec<Span> {
        spans.sort_unstable_by_key(|s| (s.ty, s.start));
        let mut out: Vec<Span> = Vec::new();
        for s in spans {
            match out.last_mut() {
                Some(last) if last.ty == s.ty && s.start < last.end => last.absorb(&s),
                _ => out.push(s),
            }
        }
        out
    }

    fn remove_contained_by_sorting(mut spans: Vec<Span>) -> Vec<Span> {
        spans.sort_unstable_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(b.score.total_cmp(&a.score))
                .then(a.idx.cmp(&b.idx))
        });
        drop_contained(&mut spans);
        spans
    }

    #[test]
    fn sweeps_match_the_sorting_versions() {
        let mut rng = crate::test_rng::XorShift::new(11);
        let mut next = |m: u64| rng.next_u64() % m;
        for round in 0..3000 {
            let n = 1 + next(40) as usize;
            let mut spans: Vec<Span> = (0..n)
                .map(|idx| {
                    let start = next(30) as usize;
                    let end = start + 1 + next(8) as usize;
                    let score = [0.2, 0.5, 0.5, 0.9, f64::NAN][next(5) as usize];
                    sp(next(4) as usize, start, end, score, idx)
                })
                .collect();
            // Half the rounds arrive sorted by start, as the analyzer's results do.
            if round % 2 == 0 {
                spans.sort_by_key(|s| s.start);
            }
            let mut fast = merge_same_type(spans.clone());
            let mut slow = merge_same_type_by_sorting(spans);
            assert!(fast.is_sorted_by_key(|s| s.start), "round {round}");
            let bits = |v: &[Span]| -> Vec<(usize, usize, usize, u64, usize)> {
                v.iter()
                    .map(|s| (s.start, s.idx, s.end, s.score.to_bits(), s.ty))
                    .collect()
            };
            let sorted_slow = {
                let mut v = slow.clone();
                v.sort_by_key(|s| (s.start, s.idx));
                v
            };
            let mut sorted_fast = fast.clone();
            sorted_fast.sort_by_key(|s| (s.start, s.idx));
            assert_eq!(bits(&sorted_fast), bits(&sorted_slow), "round {round}");
            slow.sort_by_key(|s| s.start);
            fast = remove_contained(fast);
            assert_eq!(
                bits(&fast),
                bits(&remove_contained_by_sorting(slow)),
                "round {round}"
            );
        }
    }

    #[test]
    fn contained_and_identical_are_dropped() {
        let spans = vec![
            sp(0, 0, 10, 0.1, 0),
            sp(1, 2, 4, 0.9, 1),
            sp(2, 12, 15, 0.5, 2),
            sp(3, 12, 15, 0.7, 3),
            sp(4, 12, 15, 0.7, 4),
        ];
        let kept = remove_contained(spans);
        assert_eq!(offsets(&kept), vec![(0, 0, 10), (3, 12, 15)]);
    }

    #[test]
    fn partial_overlap_trims_the_earlier() {
        let spans = remove_contained(vec![sp(0, 0, 6, 0.9, 0), sp(1, 4, 9, 0.1, 1)]);
        assert_eq!(offsets(&trim_overlaps(spans)), vec![(0, 0, 4), (1, 4, 9)]);
    }

    #[test]
    fn space_gaps_merge_only_for_spaces() {
        let text = "ab  cd\tef gh";
        let spans = vec![
            sp(0, 0, 2, 0.5, 0),
            sp(0, 4, 6, 0.7, 1),
            sp(0, 7, 9, 0.5, 2),
            sp(1, 10, 12, 0.5, 3),
        ];
        let merged = merge_space_gaps(text, spans);
        assert_eq!(offsets(&merged), vec![(0, 0, 6), (0, 7, 9), (1, 10, 12)]);
        assert_eq!(merged[0].score, 0.7);
        // Touching spans of the same type stay separate, as in Presidio.
        let touching = merge_space_gaps("abcd", vec![sp(0, 0, 2, 0.5, 0), sp(0, 2, 4, 0.5, 1)]);
        assert_eq!(touching.len(), 2);
    }
}
