//! [`ConflictResolution::PreferHigherScore`](super::ConflictResolution::PreferHigherScore): every byte goes
//! to the best result covering it.
//!
//! A sweep over the sorted span boundaries keeps the spans covering the current position in a max-heap
//! (stale entries are popped lazily when they surface); each stretch between two boundaries belongs to the
//! heap's top. Consecutive stretches of one span form a piece. `O(n log n)`.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::Span;

/// Resolves non-empty spans (any order, possibly overlapping) into disjoint pieces sorted by start.
pub(super) fn resolve(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable_by_key(|s| (s.start, s.idx));
    let mut bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();

    // (piece, index of the span that owns it)
    let mut pieces: Vec<(Span, usize)> = Vec::new();
    let mut active = BinaryHeap::new();
    let mut next = 0;
    for w in bounds.windows(2) {
        let (from, to) = (w[0], w[1]);
        while next < spans.len() && spans[next].start <= from {
            active.push(Priority::of(&spans[next], next));
            next += 1;
        }
        while active
            .peek()
            .is_some_and(|p: &Priority| spans[p.index].end <= from)
        {
            active.pop();
        }
        let Some(top) = active.peek() else { continue };
        match pieces.last_mut() {
            Some((piece, owner)) if *owner == top.index && piece.end == from => piece.end = to,
            _ => pieces.push((
                Span {
                    start: from,
                    end: to,
                    ..spans[top.index]
                },
                top.index,
            )),
        }
    }

    pieces
        .into_iter()
        .filter_map(|(piece, owner)| trim_cut_edges(text, piece, &spans[owner]))
        .collect()
}

/// Trims whitespace off the edges where `piece` was cut out of `whole`; `None` if nothing is left.
fn trim_cut_edges(text: &str, mut piece: Span, whole: &Span) -> Option<Span> {
    let value = text.get(piece.start..piece.end)?;
    let mut trimmed = value;
    if piece.start > whole.start {
        trimmed = trimmed.trim_start();
    }
    if piece.end < whole.end {
        trimmed = trimmed.trim_end();
    }
    if trimmed.is_empty() {
        return None;
    }
    // `trimmed` is a sub-slice of `value`: find its offset by length arithmetic.
    let cut_front = if piece.start > whole.start {
        value.len() - value.trim_start().len()
    } else {
        0
    };
    piece.start += cut_front;
    piece.end = piece.start + trimmed.len();
    Some(piece)
}

/// Heap order: higher score, then longer span, then earlier start, then earlier input.
struct Priority {
    score: f64,
    len: usize,
    start: usize,
    idx: usize,
    index: usize,
}

impl Priority {
    fn of(s: &Span, index: usize) -> Self {
        Priority {
            score: s.score,
            len: s.end - s.start,
            start: s.start,
            idx: s.idx,
            index,
        }
    }
}

impl Ord for Priority {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.len.cmp(&other.len))
            .then(other.start.cmp(&self.start))
            .then(other.idx.cmp(&self.idx))
    }
}

impl PartialOrd for Priority {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Priority {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Priority {}

#[cfg(test)]
mod tests {
    use super::super::tests::{offsets, sp};
    use super::*;

    #[test]
    fn contained_higher_score_splits_the_container() {
        let text = "url https://x.io/ a@b.io /p end";
        // URL 4..27 "https://x.io/ a@b.io /p", EMAIL 18..24 "a@b.io" (score higher).
        let out = resolve(text, vec![sp(0, 4, 27, 0.5, 0), sp(1, 18, 24, 0.9, 1)]);
        assert_eq!(offsets(&out), vec![(0, 4, 17), (1, 18, 24), (0, 25, 27)]);
    }

    #[test]
    fn contained_lower_score_disappears() {
        let out = resolve("abcdefgh", vec![sp(0, 0, 8, 0.9, 0), sp(1, 2, 4, 0.5, 1)]);
        assert_eq!(offsets(&out), vec![(0, 0, 8)]);
    }

    #[test]
    fn ties_go_to_longer_then_earlier() {
        let out = resolve("abcdefgh", vec![sp(0, 2, 4, 0.5, 0), sp(1, 0, 8, 0.5, 1)]);
        assert_eq!(offsets(&out), vec![(1, 0, 8)]);
        // Same score and length: the earlier start takes the shared byte.
        let out = resolve("abcdefgh", vec![sp(0, 3, 7, 0.5, 0), sp(1, 0, 4, 0.5, 1)]);
        assert_eq!(offsets(&out), vec![(1, 0, 4), (0, 4, 7)]);
        let out = resolve(
            "abcdefgh",
            vec![
                sp(0, 4, 8, 0.5, 0),
                sp(1, 0, 4, 0.5, 1),
                sp(2, 2, 6, 0.5, 2),
            ],
        );
        assert_eq!(offsets(&out), vec![(1, 0, 4), (2, 4, 6), (0, 6, 8)]);
        // Identical spans: the first in the input.
        let out = resolve("abcdefgh", vec![sp(0, 0, 4, 0.5, 0), sp(1, 0, 4, 0.5, 1)]);
        assert_eq!(offsets(&out), vec![(0, 0, 4)]);
    }

    #[test]
    fn whitespace_only_pieces_vanish_and_original_edges_stay() {
        let text = " ab  cd ";
        let out = resolve(text, vec![sp(0, 0, 8, 0.1, 0), sp(1, 1, 7, 0.9, 1)]);
        assert_eq!(offsets(&out), vec![(1, 1, 7)]);
        let out = resolve(text, vec![sp(0, 0, 8, 0.1, 0), sp(1, 3, 5, 0.9, 1)]);
        // The container's outer edges (spaces at 0 and 7) were not cut, so they stay.
        assert_eq!(offsets(&out), vec![(0, 0, 3), (1, 3, 5), (0, 5, 8)]);
    }
}
