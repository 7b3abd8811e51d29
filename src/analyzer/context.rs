//! Context enhancement: whole-word context matching around a result, before and after it.

use std::collections::HashMap;
use std::ops::Range;

/// Points added to a result's score when a context word is near it (Presidio's value).
pub(crate) const CONTEXT_BOOST: f64 = 0.35;
/// The lowest score a result with supporting context can have (Presidio's value).
pub(crate) const MIN_SCORE_WITH_CONTEXT: f64 = 0.4;

/// Longest stretch of text scanned on each side, per word of window, so a match surrounded by a huge run of
/// punctuation cannot make context lookup expensive.
const BYTES_PER_WINDOW_WORD: usize = 48;

/// How many words before and after a result are searched for context words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ContextWindow {
    pub(crate) before: usize,
    pub(crate) after: usize,
}

impl Default for ContextWindow {
    fn default() -> Self {
        ContextWindow {
            before: 5,
            after: 3,
        }
    }
}

/// Normalised words of a context window, reusing their allocations from call to call.
#[derive(Debug, Default)]
pub(crate) struct WordBuf {
    words: Vec<String>,
    len: usize,
}

impl WordBuf {
    fn clear(&mut self) {
        self.len = 0;
    }

    /// Appends `word` lower-cased, without a possessive `'s` or plural `s` (see [`normalize`]).
    fn push(&mut self, word: &str) {
        if self.len == self.words.len() {
            self.words.push(String::new());
        }
        let w = &mut self.words[self.len];
        w.clear();
        if word.is_ascii() {
            w.push_str(word);
            w.make_ascii_lowercase();
        } else {
            w.extend(word.chars().flat_map(char::to_lowercase));
        }
        if w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss") {
            w.pop();
        }
        self.len += 1;
    }

    fn as_slice(&self) -> &[String] {
        &self.words[..self.len]
    }
}

/// A compiled set of context words and phrases.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContextWords {
    /// Normalised word sequences, keyed by their first word, with the original spelling for explanations.
    by_first: HashMap<String, Vec<(Vec<String>, String)>>,
}

impl ContextWords {
    pub(crate) fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
        for w in words {
            let original = w.as_ref();
            let seq: Vec<String> = words_of(original).map(normalize).collect();
            if let Some(first) = seq.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((seq, original.to_string()));
            }
        }
        ContextWords { by_first }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Finds a context word or phrase near `start..end`, returning its original spelling.
    ///
    /// `scratch` is reused between calls to hold the window's words.
    pub(crate) fn find<'a>(
        &'a self,
        text: &str,
        start: usize,
        end: usize,
        window: ContextWindow,
        scratch: &mut WordBuf,
    ) -> Option<&'a str> {
        if self.is_empty() {
            return None;
        }
        scratch.clear();
        collect_before(text, start, window.before, scratch);
        if let Some(hit) = self.search(scratch.as_slice()) {
            return Some(hit);
        }
        scratch.clear();
        collect_after(text, end, window.after, scratch);
        self.search(scratch.as_slice())
    }

    /// Finds a context word or phrase in a short label (a CSV column header).
    pub(crate) fn find_in_label<'a>(
        &'a self,
        label: &str,
        scratch: &mut WordBuf,
    ) -> Option<&'a str> {
        if self.is_empty() {
            return None;
        }
        scratch.clear();
        for w in words_of(label) {
            scratch.push(w);
        }
        self.search(scratch.as_slice())
    }

    fn search<'a>(&'a self, words: &[String]) -> Option<&'a str> {
        for (i, w) in words.iter().enumerate() {
            if let Some(candidates) = self.by_first.get(w) {
                for (seq, original) in candidates {
                    if words.len() - i >= seq.len() && words[i..i + seq.len()] == seq[..] {
                        return Some(original);
                    }
                }
            }
        }
        None
    }
}

/// Whether one of `words` is among the `n` words (numbers skipped) before `start`, on the same line.
pub(crate) fn cue_before<S: AsRef<str>>(text: &str, start: usize, n: usize, words: &[S]) -> bool {
    // Look at a bounded tail of the line so a huge line costs nothing.
    let mut from = start.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = &text[from..start];
    tail[tail.rfind('\n').map_or(0, |i| i + 1)..]
        .split(|c: char| !c.is_alphanumeric())
        // Numbers do not count as words here: `parts 370-94-0888 and 754-30-0174` cues both values.
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .rev()
        .take(n)
        .any(|w| words.iter().any(|c| w.eq_ignore_ascii_case(c.as_ref())))
}

/// Longest line considered when looking for a CSV column header.
const MAX_CSV_LINE: usize = 4096;

/// Column headers of delimited data (CSV, TSV, `;`- or `|`-separated) for the results of one text, working
/// out a line's table once for the results on it (the last few lines looked at are remembered).
#[derive(Debug, Default)]
pub(crate) struct HeaderCache {
    /// Lines looked at (`start..end` before the line break) with their table, if they are data rows.
    recent: Vec<(Range<usize>, Option<Table>)>,
    /// Where the next line replaces an old one in `recent`.
    next: usize,
    /// The end of the text's first line, once known: nothing on it has a header above it.
    first_line_end: Option<usize>,
}

/// How many lines [`HeaderCache`] remembers.
const RECENT_LINES: usize = 8;

impl HeaderCache {
    /// When `start` lies in a data row, the header cell of its column; header rows name what a column
    /// holds (`ssn`, `phone`) as context words would. The header is the first of the text's first five
    /// lines with as many cells as the row. Use one cache per text.
    pub(crate) fn column_header<'t>(&mut self, text: &'t str, start: usize) -> Option<&'t str> {
        let first_line_end = *self
            .first_line_end
            .get_or_insert_with(|| text.find('\n').unwrap_or(text.len()));
        if start <= first_line_end {
            return None;
        }
        let k = match self
            .recent
            .iter()
            .position(|(line, _)| line.start <= start && start <= line.end)
        {
            Some(k) => k,
            None => {
                let line = line_at(text, start)?;
                let table = table_of(text, line.clone());
                if self.recent.len() < RECENT_LINES {
                    self.recent.push((line, table));
                    self.recent.len() - 1
                } else {
                    let k = self.next;
                    self.next = (k + 1) % RECENT_LINES;
                    self.recent[k] = (line, table);
                    k
                }
            }
        };
        self.recent[k].1.as_ref()?.header_cell(text, start)
    }
}

/// A data row of delimited text and the header line over it.
#[derive(Debug, Clone)]
struct Table {
    /// The row, without a trailing `\r`.
    row: Range<usize>,
    delimiter: char,
    /// The header line, without a trailing `\r`.
    header: Range<usize>,
}

impl Table {
    fn header_cell<'t>(&self, text: &'t str, start: usize) -> Option<&'t str> {
        let offset = start.checked_sub(self.row.start)?;
        let column = cells(&text[self.row.clone()], self.delimiter)
            .position(|(s, e)| s <= offset && offset <= e)?;
        let header = &text[self.header.clone()];
        let (s, e) = cells(header, self.delimiter).nth(column)?;
        let cell = header[s..e].trim().trim_matches('"');
        (!cell.is_empty() && !cell.bytes().any(|b| b.is_ascii_digit() || b == b'@')).then_some(cell)
    }
}

/// The line holding `start` (not the text's first line), as `start..end` before its line break, looking
/// at most one table line's length around `start` so long lines cost nothing per result.
fn line_at(text: &str, start: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let from = start.saturating_sub(MAX_CSV_LINE);
    let line_start = from + bytes[from..start].iter().rposition(|&b| b == b'\n')? + 1;
    let to = (start + MAX_CSV_LINE).min(text.len());
    let line_end = match bytes[start..to].iter().position(|&b| b == b'\n') {
        Some(i) => start + i,
        None if to == text.len() => to,
        None => return None,
    };
    Some(line_start..line_end)
}

/// When `line` is a delimited row under a header among the text's first five lines, that table.
fn table_of(text: &str, line: Range<usize>) -> Option<Table> {
    let bytes = text.as_bytes();
    let line_start = line.start;
    let row = text[line].trim_end_matches('\r');
    if row.len() > MAX_CSV_LINE {
        return None;
    }
    // The delimiter that occurs most often outside quotes, counted in one pass.
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    for b in row.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            b'|' if !in_quotes => counts[3] += 1,
            _ => {}
        }
    }
    let (k, &most) = counts.iter().enumerate().max_by_key(|&(_, c)| *c)?;
    if most == 0 {
        return None;
    }
    let delimiter = [',', ';', '\t', '|'][k];
    let width = most + 1;
    let mut from = 0;
    for _ in 0..5 {
        if from >= line_start {
            break;
        }
        // A header is at most one table line long: stop at a longer line without scanning all of it.
        let limit = (from + MAX_CSV_LINE + 2).min(line_start);
        let end = from + bytes[from..limit].iter().position(|&b| b == b'\n')?;
        let header = text[from..end].trim_end_matches('\r');
        if cells(header, delimiter).count() == width {
            return Some(Table {
                row: line_start..line_start + row.len(),
                delimiter,
                header: from..from + header.len(),
            });
        }
        from = end + 1;
    }
    None
}

/// The cells of one delimited line, as byte ranges, honouring double quotes.
fn cells(line: &str, delimiter: char) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut in_quotes = false;
    let mut start = 0;
    let mut chars = line
        .char_indices()
        .chain(std::iter::once((line.len(), delimiter)));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            if c == '"' {
                in_quotes = !in_quotes;
            } else if c == delimiter && (!in_quotes || i == line.len()) {
                let cell = (start, i);
                start = i + c.len_utf8();
                return Some(cell);
            }
        }
        None
    })
}

/// The maximal runs of alphanumeric characters in `s`.
fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Lower-cases a word and drops a possessive `'s` or a plural `s`, so `SSNs` and `ssn` compare equal.
fn normalize(word: &str) -> String {
    let mut w = word.to_lowercase();
    if w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    w
}

/// Pushes up to `n` normalised words preceding `start`, in text order.
fn collect_before(text: &str, start: usize, n: usize, out: &mut WordBuf) {
    if n == 0 {
        return;
    }
    let limit = start.saturating_sub(BYTES_PER_WINDOW_WORD * n + BYTES_PER_WINDOW_WORD);
    let mut from = limit;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let slice = &text[from..start];
    // A word cut by the scan limit is not a real word.
    let cut = from > 0
        && slice.chars().next().is_some_and(char::is_alphanumeric)
        && text[..from]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    // Walk back from `start`, then put the words in text order.
    let first = out.len;
    let mut words = slice
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    let mut taken = 0;
    while taken < n {
        let Some(w) = words.next() else { break };
        if cut && words.peek().is_none() {
            break;
        }
        out.push(w);
        taken += 1;
    }
    out.words[first..out.len].reverse();
}

/// Pushes up to `n` normalised words following `end` on the same line, in text order.
fn collect_after(text: &str, end: usize, n: usize, out: &mut WordBuf) {
    if n == 0 {
        return;
    }
    let mut to = (end + BYTES_PER_WINDOW_WORD * n + BYTES_PER_WINDOW_WORD).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut slice = &text[end..to];
    // Words after a match count only on its own line: the next line's label belongs to the next value.
    if let Some(nl) = slice.find('\n') {
        slice = &slice[..nl];
        to = end + nl;
    }
    let cut = to < text.len()
        && slice.chars().next_back().is_some_and(char::is_alphanumeric)
        && text[to..].chars().next().is_some_and(char::is_alphanumeric);
    let mut words = words_of(slice).take(n + 1).peekable();
    let mut taken = 0;
    while let Some(w) = words.next() {
        // With fewer than `n + 1` words, the last one is cut by the scan limit: not a real word.
        if taken == n || (cut && words.peek().is_none()) {
            break;
        }
        out.push(w);
        taken += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column_header(text: &str, at: usize) -> Option<&str> {
        HeaderCache::default().column_header(text, at)
    }

    fn find(words: &[&str], text: &str, needle: &str, window: (usize, usize)) -> Option<String> {
        let start = text.find(needle).unwrap();
        let cw = ContextWords::new(words.iter().copied());
        let mut scratch = WordBuf::default();
        cw.find(
            text,
            start,
            start + needle.len(),
            ContextWindow {
                before: window.0,
                after: window.1,
            },
            &mut scratch,
        )
        .map(str::to_string)
    }

    #[test]
    fn csv_headers_name_columns() {
        let csv = "name,dob,ssn,city\n\"Doe, Jane\",1/2/1970,536228726,Leeds";
        let at = csv.find("5362").unwrap();
        assert_eq!(column_header(csv, at), Some("ssn"));
        assert_eq!(column_header(csv, 2), None);
        let tsv = "Export\nid\tphone\n1\t5550142";
        assert_eq!(column_header(tsv, tsv.find("555").unwrap()), Some("phone"));
        assert_eq!(column_header("just a sentence\nand another", 20), None);
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(find(&["lic"], "public record 12345", "12345", (5, 3)), None);
        assert_eq!(
            find(&["lic"], "LIC: 12345", "12345", (5, 3)).as_deref(),
            Some("lic")
        );
    }

    #[test]
    fn plural_and_case_are_normalised() {
        assert_eq!(
            find(&["ssn"], "SSNs on file: 123-45-6789", "123", (5, 3)).as_deref(),
            Some("ssn")
        );
        assert_eq!(
            find(&["phones"], "phone 555", "555", (5, 3)).as_deref(),
            Some("phones")
        );
    }

    #[test]
    fn phrases_need_consecutive_words() {
        let w = ["social security"];
        assert!(find(&w, "Social Security no. 078", "078", (5, 3)).is_some());
        assert!(find(&w, "social media security 078", "078", (5, 3)).is_none());
    }

    #[test]
    fn looks_after_the_match_too() {
        assert!(find(&["phone"], "555-0100 (phone)", "555", (5, 3)).is_some());
        assert!(find(&["phone"], "555-0100 a b c d phone", "555", (5, 3)).is_none());
        assert!(find(&["phone"], "phone a b c d e f 555", "555", (5, 3)).is_none());
    }

    #[test]
    fn windows_respect_multibyte_text() {
        let text = "电话 phone: 😀😀 555";
        assert!(find(&["phone"], text, "555", (5, 3)).is_some());
        let long = format!("{} phone 555", "é".repeat(1000));
        assert!(find(&["phone"], &long, "555", (5, 3)).is_some());
        let far = format!("phone {} 555", "-".repeat(10_000));
        assert!(find(&["phone"], &far, "555", (5, 3)).is_none());
    }
}
