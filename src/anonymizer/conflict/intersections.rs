//! [`ConflictResolution::RemoveIntersections`](super::ConflictResolution::RemoveIntersections) in
//! `O(n log n)`.
//!
//! Presidio walks the sorted list: when the current span overlaps the next one, the loser is trimmed
//! (`next.start = current.end` or `current.end = next.start`), the list is re-sorted and the walk goes on.
//! Done literally that can take `Θ(n²)` steps: one high-scoring span overlapping `k` others pushes all `k`
//! to its end, where the first of them pushes the other `k - 1` to its own end, and so on.
//!
//! The pushed spans always land on one offset, the pusher's end. So pending spans are kept in **groups**
//! by start offset (an ordered map), each group a mergeable max-heap (a leftist heap) ordered as the walk
//! visits spans with equal starts: by score, then end, both decreasing. The current span is the head of the
//! first group. It beats all of its own group and every later group whose head it beats (the head has the
//! group's best score), so whole groups move to its end by one heap merge; the first group whose head
//! scores higher instead trims the current span to that group's start. Spans that a move left empty are
//! discarded when they surface. Each step emits or discards a span or merges two groups, so the total is
//! `O(n log n)`.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::Span;

const NIL: usize = usize::MAX;

/// Resolves spans sorted by strictly increasing start (the output of `remove_contained`).
pub(super) fn resolve(spans: Vec<Span>) -> Vec<Span> {
    let mut heaps = Heaps::with_capacity(spans.len());
    let mut groups: BTreeMap<usize, usize> = BTreeMap::new();
    for s in spans {
        let node = heaps.singleton(s);
        let root = match groups.remove(&s.start) {
            Some(existing) => heaps.merge(existing, node),
            None => node,
        };
        groups.insert(s.start, root);
    }

    let mut out = Vec::new();
    while let Some((start, root)) = groups.pop_first() {
        let root = heaps.drop_empty(root, start);
        if root == NIL {
            continue;
        }
        let mut current = heaps.span(root);
        current.start = start;
        let push_to = current.end;
        // The rest of the group loses to its head and moves to the head's end.
        let mut moved = heaps.pop(root);
        while let Some(entry) = groups.first_entry() {
            let next_start = *entry.key();
            if next_start >= push_to {
                break;
            }
            let head = heaps.drop_empty(entry.remove(), next_start);
            if head == NIL {
                continue;
            }
            if current.score.total_cmp(&heaps.span(head).score) != Ordering::Less {
                moved = heaps.merge(moved, head);
            } else {
                groups.insert(next_start, head);
                current.end = next_start;
                break;
            }
        }
        out.push(current);
        if moved != NIL {
            let root = match groups.remove(&push_to) {
                Some(existing) => heaps.merge(existing, moved),
                None => moved,
            };
            groups.insert(push_to, root);
        }
    }
    out
}

/// Leftist max-heaps over an arena of nodes; `NIL` is the empty heap.
struct Heaps {
    nodes: Vec<Node>,
}

struct Node {
    span: Span,
    left: usize,
    right: usize,
    /// Length of the right spine (0 for the empty heap).
    rank: u32,
}

impl Heaps {
    fn with_capacity(n: usize) -> Self {
        Heaps {
            nodes: Vec::with_capacity(n),
        }
    }

    fn singleton(&mut self, span: Span) -> usize {
        self.nodes.push(Node {
            span,
            left: NIL,
            right: NIL,
            rank: 1,
        });
        self.nodes.len() - 1
    }

    fn span(&self, node: usize) -> Span {
        self.nodes[node].span
    }

    fn rank(&self, node: usize) -> u32 {
        if node == NIL {
            0
        } else {
            self.nodes[node].rank
        }
    }

    /// Whether `a` is visited before `b` among spans with the same start: higher score, then longer,
    /// then earlier in the input.
    fn before(&self, a: usize, b: usize) -> bool {
        let (a, b) = (&self.nodes[a].span, &self.nodes[b].span);
        a.score
            .total_cmp(&b.score)
            .then(a.end.cmp(&b.end))
            .then(b.idx.cmp(&a.idx))
            == Ordering::Greater
    }

    /// Merges two heaps. Recursion follows right spines, whose length is logarithmic in the heap size.
    fn merge(&mut self, a: usize, b: usize) -> usize {
        if a == NIL {
            return b;
        }
        if b == NIL {
            return a;
        }
        let (top, other) = if self.before(b, a) { (b, a) } else { (a, b) };
        let right = self.merge(self.nodes[top].right, other);
        let left = self.nodes[top].left;
        let (left, right) = if self.rank(left) < self.rank(right) {
            (right, left)
        } else {
            (left, right)
        };
        let rank = self.rank(right) + 1;
        let node = &mut self.nodes[top];
        node.left = left;
        node.right = right;
        node.rank = rank;
        top
    }

    /// Removes the root, returning the heap of the rest.
    fn pop(&mut self, root: usize) -> usize {
        let (left, right) = (self.nodes[root].left, self.nodes[root].right);
        self.merge(left, right)
    }

    /// Pops spans that end at or before `start` (emptied by a move) off the top of the heap.
    fn drop_empty(&mut self, mut root: usize, start: usize) -> usize {
        while root != NIL && self.nodes[root].span.end <= start {
            root = self.pop(root);
        }
        root
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{offsets, sp};
    use super::*;

    /// Presidio's loop, transcribed (with empty spans dropped as soon as they appear).
    fn naive(mut spans: Vec<Span>) -> Vec<Span> {
        let key = |s: &Span| {
            (
                s.start,
                std::cmp::Reverse(OrdF(s.score)),
                std::cmp::Reverse(s.end),
                s.idx,
            )
        };
        spans.sort_by_key(key);
        let mut i = 0;
        while i + 1 < spans.len() {
            let (cur, next) = (spans[i], spans[i + 1]);
            if cur.end <= next.start {
                i += 1;
                continue;
            }
            if cur.score.total_cmp(&next.score) != Ordering::Less {
                spans[i + 1].start = cur.end;
            } else {
                spans[i].end = next.start;
            }
            spans.retain(|s| s.start < s.end);
            spans.sort_by_key(key);
        }
        spans
    }

    struct OrdF(f64);
    impl PartialEq for OrdF {
        fn eq(&self, other: &Self) -> bool {
            self.cmp(other) == Ordering::Equal
        }
    }
    impl Eq for OrdF {}
    impl PartialOrd for OrdF {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for OrdF {
        fn cmp(&self, other: &Self) -> Ordering {
            self.0.total_cmp(&other.0)
        }
    }

    #[test]
    fn higher_score_wins_the_overlap() {
        let out = resolve(vec![sp(0, 0, 10, 0.9, 0), sp(1, 5, 15, 0.5, 1)]);
        assert_eq!(offsets(&out), vec![(0, 0, 10), (1, 10, 15)]);
        let out = resolve(vec![sp(0, 0, 10, 0.5, 0), sp(1, 5, 15, 0.9, 1)]);
        assert_eq!(offsets(&out), vec![(0, 0, 5), (1, 5, 15)]);
        let out = resolve(vec![sp(0, 0, 10, 0.5, 0), sp(1, 5, 15, 0.5, 1)]);
        assert_eq!(offsets(&out), vec![(0, 0, 10), (1, 10, 15)]);
    }

    #[test]
    fn cascade_is_resolved() {
        // One strong span pushes many overlapping ones to its end; they then resolve among themselves.
        let mut spans = vec![sp(0, 0, 51, 1.0, 0)];
        for i in 1..50 {
            spans.push(sp(i, i, 51 + i, 0.5, i));
        }
        spans.push(sp(50, 50, 1000, 0.4, 50));
        let out = resolve(spans.clone());
        assert_eq!(offsets(&out), offsets(&naive(spans)));
        // The longest of the pushed spans (visited first among equal scores) takes 51..100.
        assert_eq!(
            offsets(&out),
            vec![(0, 0, 51), (49, 51, 100), (50, 100, 1000)]
        );
    }

    #[test]
    fn matches_the_naive_walk_on_small_cases() {
        // Exhaustive-ish: a deterministic pseudo-random generator over small offsets.
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut rand = |n: usize| rng.below(n);
        // (3 million rounds were run once in release mode, too.)
        for _ in 0..3000 {
            let n = 1 + rand(12);
            let mut spans = Vec::new();
            for i in 0..n {
                let start = rand(12);
                let end = start + 1 + rand(8);
                spans.push(sp(i, start, end, rand(4) as f64 / 4.0, i));
            }
            let input = super::super::remove_contained(super::super::merge_same_type(spans));
            let fast = resolve(input.clone());
            let slow = naive(input.clone());
            assert_eq!(offsets(&fast), offsets(&slow), "input {input:?}");
            // No byte of the input spans is left uncovered.
            let mut covered = [false; 32];
            for s in &fast {
                covered[s.start..s.end].fill(true);
            }
            for s in &input {
                assert!(
                    covered[s.start..s.end].iter().all(|&c| c),
                    "input {input:?}"
                );
            }
        }
    }
}
