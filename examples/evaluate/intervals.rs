//! Interval helpers for the scorer: overlap queries on a sorted index, unions and covered lengths.
//!
//! `eval_spans.py` compares every gold span with every prediction of a record; an [`Index`] answers
//! "which spans share a byte with `[s, e)`?" with a binary search plus the spans it reports.

use std::collections::HashMap;

use crate::input::Span;

/// Spans sorted by start with the running maximum of their ends: "which spans overlap `[s, e)`?".
pub struct Index {
    /// `(start, end, position in the caller's list)`, sorted by start.
    items: Vec<(usize, usize, usize)>,
    max_end: Vec<usize>,
}

impl Index {
    pub fn new<'a>(spans: impl IntoIterator<Item = (usize, &'a Span)>) -> Index {
        let mut items: Vec<_> = spans.into_iter().map(|(i, sp)| (sp.0, sp.1, i)).collect();
        items.sort_unstable();
        let mut max = 0;
        let max_end = items
            .iter()
            .map(|it| {
                max = max.max(it.1);
                max
            })
            .collect();
        Index { items, max_end }
    }

    /// Number of spans starting before `e`.
    fn before(&self, e: usize) -> usize {
        self.items.partition_point(|it| it.0 < e)
    }

    pub fn any(&self, s: usize, e: usize) -> bool {
        let k = self.before(e);
        k > 0 && self.max_end[k - 1] > s
    }

    /// Calls `f` with the position of every span sharing a byte with `[s, e)`.
    pub fn each(&self, s: usize, e: usize, mut f: impl FnMut(usize)) {
        for i in (0..self.before(e)).rev() {
            if self.max_end[i] <= s {
                break;
            }
            if self.items[i].1 > s {
                f(self.items[i].2);
            }
        }
    }
}

/// One index per entity type.
pub fn by_type(spans: &[Span]) -> HashMap<&str, Index> {
    let mut groups: HashMap<&str, Vec<(usize, &Span)>> = HashMap::new();
    for (i, sp) in spans.iter().enumerate() {
        groups.entry(sp.2.as_str()).or_default().push((i, sp));
    }
    groups
        .into_iter()
        .map(|(t, v)| (t, Index::new(v)))
        .collect()
}

/// Sorted union of intervals; touching intervals are merged.
pub fn merge(spans: &[Span]) -> Vec<(usize, usize)> {
    let mut iv: Vec<(usize, usize)> = spans.iter().map(|s| (s.0, s.1)).collect();
    iv.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(iv.len());
    for (s, e) in iv {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Bytes of `[s, e)` inside the merged intervals.
pub fn covered(s: usize, e: usize, merged: &[(usize, usize)]) -> usize {
    let first = merged.partition_point(|iv| iv.1 <= s);
    merged[first..]
        .iter()
        .take_while(|iv| iv.0 < e)
        .map(|&(a, b)| b.min(e) - a.max(s))
        .sum()
}

pub fn total(merged: &[(usize, usize)]) -> usize {
    merged.iter().map(|(s, e)| e - s).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index and the covered-length helper against the all-pairs definitions of eval_spans.py.
    #[test]
    fn index_matches_brute_force() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..2000 {
            let spans: Vec<Span> = (0..next(12))
                .map(|_| {
                    let s = next(60);
                    (s, s + 1 + next(15), String::new())
                })
                .collect();
            let index = Index::new(spans.iter().enumerate());
            let merged = merge(&spans);
            for s in 0..80 {
                for e in s + 1..s + 20 {
                    let want: Vec<usize> = (0..spans.len())
                        .filter(|&i| spans[i].0 < e && s < spans[i].1)
                        .collect();
                    let mut got = Vec::new();
                    index.each(s, e, |i| got.push(i));
                    got.sort_unstable();
                    assert_eq!(got, want);
                    assert_eq!(index.any(s, e), !want.is_empty());
                    let bytes = (s..e)
                        .filter(|&b| spans.iter().any(|sp| sp.0 <= b && b < sp.1))
                        .count();
                    assert_eq!(covered(s, e, &merged), bytes);
                }
            }
        }
    }
}
