//! Long texts are analyzed a segment at a time, so the memory recognizers need for their working state
//! (tokens, table cells, candidate lists) stays proportional to one segment, not to the text.
//!
//! Segments partition the text and end after a line break where one is near. Each is analyzed inside a
//! wider window (a margin of whole lines on both sides) so context words, cues and entities that cross a
//! cut are seen as in the whole text; a result is kept by the segment its start falls in. A segment deep
//! inside a table is analyzed with the table's header line put in front of its window, so column-aware
//! recognizers still see which column a cell is in.

use std::ops::Range;

/// Texts up to this many bytes are analyzed in one piece.
///
/// Small enough that a segment's working buffers stay below the allocator's mmap threshold and in the L2
/// cache: with 1 MiB segments, fresh page faults on every segment made 4 MB of `@` cost 1.8× per byte what
/// 100 KB cost; with 128 KiB it is 1.07×. The margins add about 2% work on ticket text.
pub(crate) const SEGMENT: usize = 1 << 17;
/// Lookaround on each side of a segment: longer than any entity or context window.
const MARGIN: usize = 4 << 10;
/// How far to look for a line break to cut at or to widen a window to.
const SNAP: usize = 4 << 10;
/// A header line longer than this is not a table header (the same bound as column lookups).
const MAX_HEADER: usize = 4096;

/// One segment: analyze `header` (when set), a line break, then `window`; keep results starting in `keep`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) window: Range<usize>,
    pub(crate) keep: Range<usize>,
    pub(crate) header: Option<Range<usize>>,
}

/// The segments of `text`, in order; their `keep` ranges partition it.
pub(crate) fn plan(text: &str) -> Vec<Piece> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::with_capacity(text.len() / SEGMENT + 1);
    // Start of the paragraph (block of lines without a blank one) that the scan has reached.
    let mut block = 0;
    let mut scanned = 0;
    let mut a = 0;
    while a < text.len() {
        let b = cut(text, a + SEGMENT);
        let ws = if a == 0 {
            0
        } else {
            line_start_near(text, a.saturating_sub(MARGIN))
        };
        let we = line_end_near(text, b.saturating_add(MARGIN));
        if let Some(blank) = last_blank_line(&bytes[scanned.min(ws)..ws]) {
            let scanned = scanned.min(ws);
            block = scanned + blank;
        }
        scanned = scanned.max(ws);
        let header = (block < ws).then(|| header_line(text, block)).flatten();
        pieces.push(Piece {
            window: ws..we,
            keep: a..b,
            header,
        });
        a = b;
    }
    pieces
}

/// Where to end a segment that should end near `at`: after the next line break within reach, else on a
/// char boundary at `at`.
fn cut(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let reach = (at + SNAP).min(text.len());
    match memchr::memchr(b'\n', &text.as_bytes()[at..reach]) {
        Some(i) => at + i + 1,
        None => floor_char_boundary(text, at),
    }
}

/// The start of the line holding `at` when it starts within reach, else a char boundary at `at`.
fn line_start_near(text: &str, at: usize) -> usize {
    let from = at.saturating_sub(SNAP);
    match memchr::memrchr(b'\n', &text.as_bytes()[from..at]) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => floor_char_boundary(text, at),
    }
}

/// The end of the line holding `at` (after its line break) when within reach, else a char boundary.
fn line_end_near(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    cut(text, at)
}

/// The offset just after the last blank line in `bytes` (a line break followed by optional `\r` and
/// another line break).
fn last_blank_line(bytes: &[u8]) -> Option<usize> {
    let mut k = bytes.len();
    while let Some(i) = memchr::memrchr(b'\n', &bytes[..k]) {
        let mut j = i;
        if j > 0 && bytes[j - 1] == b'\r' {
            j -= 1;
        }
        if j > 0 && bytes[j - 1] == b'\n' {
            return Some(i + 1);
        }
        k = i;
    }
    None
}

/// The line starting at `start` when it looks like a table header: short, with at least two cells.
fn header_line(text: &str, start: usize) -> Option<Range<usize>> {
    let rest = &text.as_bytes()[start..text.len().min(start + MAX_HEADER + 1)];
    let end = start + memchr::memchr(b'\n', rest)?;
    let line = &text[start..end];
    let delimited = [b',', b';', b'\t', b'|']
        .iter()
        .any(|&d| line.bytes().filter(|&c| c == d).count() >= 2);
    delimited.then_some(start..end)
}

/// The largest char boundary at or below `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_partition(text: &str) -> Vec<Piece> {
        let pieces = plan(text);
        let mut at = 0;
        for p in &pieces {
            assert_eq!(p.keep.start, at);
            assert!(p.keep.end > p.keep.start);
            assert!(p.window.start <= p.keep.start && p.keep.end <= p.window.end);
            for o in [p.window.start, p.window.end, p.keep.end] {
                assert!(text.is_char_boundary(o));
            }
            at = p.keep.end;
        }
        assert_eq!(at, text.len());
        pieces
    }

    #[test]
    fn short_texts_are_one_piece() {
        let pieces = check_partition("Jane Doe, jane@example.com");
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].window, 0..26);
        assert_eq!(pieces[0].header, None);
        assert!(plan("").is_empty());
    }

    #[test]
    fn segments_end_after_line_breaks_and_windows_hold_whole_lines() {
        let line = "Call Jane Doe at 555-0100 about ticket 4411.\n";
        let text = line.repeat(3 * SEGMENT / line.len());
        let pieces = check_partition(&text);
        assert!(pieces.len() >= 3);
        for p in &pieces[..pieces.len() - 1] {
            assert_eq!(text.as_bytes()[p.keep.end - 1], b'\n');
            assert_eq!(text.as_bytes()[p.window.end - 1], b'\n');
            assert!(p.window.end - p.keep.end >= MARGIN);
        }
        for p in &pieces[1..] {
            assert_eq!(text.as_bytes()[p.window.start - 1], b'\n');
            assert!(p.keep.start - p.window.start >= MARGIN);
            assert_eq!(p.header, None);
        }
    }

    #[test]
    fn lines_without_breaks_are_cut_on_char_boundaries() {
        let text = "é@7".repeat(SEGMENT);
        check_partition(&text);
    }

    #[test]
    fn table_segments_carry_their_header() {
        let mut text = String::from("Export follows.\n\nname,ssn,email,city\n");
        while text.len() < 3 * SEGMENT {
            text.push_str("Jane Doe,536228726,jane@example.com,Paris\n");
        }
        let pieces = check_partition(&text);
        let header = "name,ssn,email,city";
        assert_eq!(pieces[0].header, None);
        for p in &pieces[1..] {
            assert_eq!(&text[p.header.clone().unwrap()], header);
        }
        // A blank line ends the table: later segments get no header.
        text.push_str("\nSome prose after the table.\n");
        text.push_str(&"Nothing tabular here at all.\n".repeat(2 * SEGMENT / 29));
        let pieces = check_partition(&text);
        assert_eq!(pieces.last().unwrap().header, None);
    }

    /// Segmented analysis gives what one pass over the whole text gives, on real ticket and CSV text.
    #[test]
    fn segmented_results_equal_whole_text_results() {
        use crate::{AnalyzeOptions, AnalyzerEngine};
        let tickets = include_str!("../../examples/data/support_tickets.jsonl");
        let csv = "name,ssn,email,city\nJane Doe,536228726,jane@example.com,Paris\n";
        // One long line: cuts fall inside sentences, so only the margins keep entities whole.
        let one_line = tickets.replace('\n', " ");
        let dense = "Jane Doe 536-22-8726 jane@example.com Paris 4111 1111 1111 1111 ";
        for unit in [tickets, csv, &one_line, dense] {
            let mut text = unit.repeat(3 * SEGMENT / unit.len() + 2);
            text.truncate(3 * SEGMENT + 1234);
            while !text.is_char_boundary(text.len()) {
                text.pop();
            }
            assert!(plan(&text).len() >= 3);
            let engine = AnalyzerEngine::new();
            let options = AnalyzeOptions::default();
            let segmented = engine.analyze(&text, &options).unwrap();
            let mut whole = Vec::new();
            engine.run_whole(&text, &options, &mut whole).unwrap();
            assert!(segmented.len() > 100);
            assert_eq!(segmented, whole);
        }
    }
}
