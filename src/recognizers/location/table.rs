//! Delimited tables (CSV, TSV, `;`-separated exports): a header row names the columns, so the cells
//! under `city`, `Ort`, `Mailing Zip/Postal Code`, `country` or `company` are places or organisations
//! whatever they look like (`Bourgeois-sur-Chauvin`, `Neunburg vorm Wald`).

pub(crate) use crate::recognizers::columns::{Column, column_kind};

/// Splits one CSV record starting at byte `at` of `text` with delimiter `d`, honouring double quotes
/// (which may span lines). Pushes each cell's byte range (quotes excluded); returns where the next
/// record starts.
fn record(text: &str, at: usize, d: u8, cells: &mut Vec<(usize, usize)>) -> usize {
    cells.clear();
    let b = text.as_bytes();
    let mut i = at;
    loop {
        if b.get(i) == Some(&b'"') {
            let start = i + 1;
            let mut j = start;
            while j < b.len() {
                if b[j] == b'"' {
                    if b.get(j + 1) == Some(&b'"') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            cells.push((start, j.min(b.len())));
            i = (j + 1).min(b.len());
            // Skip to the delimiter or line end.
            while i < b.len() && b[i] != d && b[i] != b'\n' {
                i += 1;
            }
        } else {
            let start = i;
            while i < b.len() && b[i] != d && b[i] != b'\n' {
                i += 1;
            }
            let end = if i > start && b[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            cells.push((start, end));
        }
        match b.get(i) {
            Some(&c) if c == d => i += 1,
            Some(b'\n') => return i + 1,
            _ => return b.len(),
        }
    }
}

/// The delimiters a table may use, in tie-breaking order (the last of equally frequent ones wins).
const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];

/// Each byte's index in [`DELIMITERS`], or 4 for any other byte.
const DELIMITER_SLOT: [u8; 256] = {
    let mut slot = [4u8; 256];
    let mut k = 0;
    while k < DELIMITERS.len() {
        slot[DELIMITERS[k] as usize] = k as u8;
        k += 1;
    }
    slot
};

/// Whether `c` is one of [`DELIMITERS`].
#[cfg(test)]
fn is_delimiter(c: u8) -> bool {
    DELIMITER_SLOT[usize::from(c)] < 4
}

/// The first of [`DELIMITERS`] at or after a position, from two SIMD searches (`,`, `;` or a tab; and
/// `|`) whose hits are kept: a search is redone only once the scan has passed its hit, so a scan
/// asking at nondecreasing positions reads the text about once.
struct NextDelimiter<'b> {
    b: &'b [u8],
    /// Where the `,`/`;`/tab search started and what it found (`usize::MAX`: none from there on).
    three: (usize, usize),
    /// The same for `|`.
    pipe: (usize, usize),
}

impl<'b> NextDelimiter<'b> {
    fn new(b: &'b [u8]) -> Self {
        // Nothing searched yet: a start past every position makes the first call search.
        NextDelimiter {
            b,
            three: (usize::MAX, 0),
            pipe: (usize::MAX, 0),
        }
    }

    /// The position of the first delimiter at or after `from`.
    fn at(&mut self, from: usize) -> Option<usize> {
        let b = self.b;
        let rest = b.get(from..)?;
        let fresh = |(start, hit): (usize, usize)| start <= from && hit >= from;
        if !fresh(self.three) {
            let hit = memchr::memchr3(b',', b';', b'\t', rest).map_or(usize::MAX, |k| from + k);
            self.three = (from, hit);
        }
        if !fresh(self.pipe) {
            let hit = memchr::memchr(b'|', rest).map_or(usize::MAX, |k| from + k);
            self.pipe = (from, hit);
        }
        let first = self.three.1.min(self.pipe.1);
        (first != usize::MAX).then_some(first)
    }
}

/// Whether a header cell may name a column: at most 40 bytes, no `@`, and no digit unless it is at most
/// 12 bytes long.
#[inline]
fn header_shaped(h: &[u8]) -> bool {
    h.len() <= 40 && !h.contains(&b'@') && (h.len() <= 12 || !h.iter().any(u8::is_ascii_digit))
}

/// Splits the record at `at` like [`record`], but gives up (returning `false`) at the first cell that is
/// not [`header_shaped`], without reading the rest of the line; when it returns `true` the cells are
/// exactly those of [`record`]. A cell's scan stops after 41 bytes, since a longer one cannot be a header.
fn header_record(text: &str, at: usize, d: u8, cells: &mut Vec<(usize, usize)>) -> bool {
    cells.clear();
    let b = text.as_bytes();
    let mut i = at;
    loop {
        if b.get(i) == Some(&b'"') {
            let start = i + 1;
            let mut j = start;
            while j < b.len() {
                if j - start > 40 {
                    return false;
                }
                if b[j] == b'"' {
                    if b.get(j + 1) == Some(&b'"') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            let end = j.min(b.len());
            if !header_shaped(&b[start.min(end)..end]) {
                return false;
            }
            cells.push((start, end));
            i = (j + 1).min(b.len());
            while i < b.len() && b[i] != d && b[i] != b'\n' {
                i += 1;
            }
        } else {
            let start = i;
            // `end` is `i` or `i - 1`, so past 41 bytes the cell is longer than 40.
            while i < b.len() && b[i] != d && b[i] != b'\n' {
                if i - start > 41 {
                    return false;
                }
                i += 1;
            }
            let end = if i > start && b[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            if !header_shaped(&b[start..end]) {
                return false;
            }
            cells.push((start, end));
        }
        match b.get(i) {
            Some(&c) if c == d => i += 1,
            _ => return true,
        }
    }
}

/// Every cell under a recognised header column, as `(start, end, column)` byte ranges.
///
/// Lines without a delimiter are never read byte by byte: the scan jumps from one delimiter to the line
/// holding it.
pub(crate) fn cells(text: &str, out: &mut Vec<(usize, usize, Column)>) {
    let mut buffers = crate::scratch::take(&BUFFERS);
    let (cells_buf, header) = &mut buffers;
    cells_in(text, out, cells_buf, header);
    // Small buffers only: a huge table should not pin its memory.
    if cells_buf.capacity() <= 1 << 12 && header.capacity() <= 1 << 12 {
        crate::scratch::put_back(&BUFFERS, buffers);
    }
}

/// A record's cells and a header's columns, kept between calls of [`cells`] on the same thread.
type Buffers = (Vec<(usize, usize)>, Vec<Option<Column>>);

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// [`cells`] with its buffers (`cells_buf` and `header` are cleared before use).
fn cells_in(
    text: &str,
    out: &mut Vec<(usize, usize, Column)>,
    cells_buf: &mut Vec<(usize, usize)>,
    header: &mut Vec<Option<Column>>,
) {
    let b = text.as_bytes();
    let mut line_start = 0;
    let mut delimiters = NextDelimiter::new(b);
    while line_start < b.len() {
        // The first delimiter from here: lines before its line have none and cannot be headers.
        let Some(first) = delimiters.at(line_start) else {
            return;
        };
        // Delimiters are ASCII, so `first` is on a character boundary.
        line_start = memchr::memrchr(b'\n', &b[line_start..first])
            .map_or(line_start, |k| line_start + k + 1);
        let line_end = memchr::memchr(b'\n', &b[first..]).map_or(b.len(), |k| first + k);
        let next = (line_end + 1).min(b.len()).max(line_end);
        if line_end - line_start > 400 {
            line_start = next.max(line_start + 1);
            continue;
        }
        // An unquoted first cell ends at the line's delimiter, no earlier than `first`: when that is more
        // than 41 bytes in, the cell (less a `\r`) is longer than 40 and `header_record` gives up on it
        // whichever delimiter the line uses, so the line is no header (prose with a comma late in a line).
        if b[line_start] != b'"' && first - line_start > 41 {
            line_start = next.max(line_start + 1);
            continue;
        }
        // The most frequent delimiter (the last listed among equals), counted in one pass from the
        // first one.
        let mut counts = [0usize; 8];
        for &c in &b[first..line_end] {
            counts[usize::from(DELIMITER_SLOT[usize::from(c)] & 7)] += 1;
        }
        let (delim, count) = DELIMITERS
            .into_iter()
            .zip(counts)
            .max_by_key(|&(_, n)| n)
            .unwrap_or((b',', 0));
        if count < 2 {
            line_start = next.max(line_start + 1);
            continue;
        }
        // Header-shaped cells first (cheap, stopping at the first that is not), then what each names.
        if !header_record(text, line_start, delim, cells_buf) {
            line_start = next.max(line_start + 1);
            continue;
        }
        header.clear();
        header.extend(cells_buf.iter().map(|&(s, e)| {
            let h = &text[s..e];
            let plain = h.len() <= 40
                && h.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '/' | '.' | '#'))
                && h.chars().any(char::is_alphabetic);
            if plain { column_kind(h) } else { None }
        }));
        if header.iter().all(Option::is_none) {
            line_start = next.max(line_start + 1);
            continue;
        }
        let width = header.len();
        // Data rows: same width, until a blank line or a differently shaped row.
        let mut at = next;
        while at < b.len() && b[at] != b'\n' {
            let following = record(text, at, delim, cells_buf);
            if cells_buf.len() != width {
                break;
            }
            for (k, &(s, e)) in cells_buf.iter().enumerate() {
                if let Some(Some(col)) = header.get(k) {
                    let cell = &text[s..e];
                    let t = cell.trim();
                    if !t.is_empty() {
                        let lead = cell.len() - cell.trim_start().len();
                        out.push((s + lead, s + lead + t.len(), *col));
                    }
                }
            }
            if following <= at {
                break;
            }
            at = following;
        }
        line_start = at.max(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(text: &str) -> Vec<(&str, Column)> {
        let mut v = Vec::new();
        cells(text, &mut v);
        v.iter().map(|&(s, e, c)| (&text[s..e], c)).collect()
    }

    /// The former [`cells`], kept to check the fast one against.
    fn cells_reference(text: &str, out: &mut Vec<(usize, usize, Column)>) {
        // Cheap gate: a delimiter must occur at all.
        let b = text.as_bytes();
        if !b.iter().any(|&c| matches!(c, b',' | b';' | b'\t' | b'|')) {
            return;
        }
        let mut cells_buf = Vec::new();
        let mut header: Vec<Option<Column>> = Vec::new();
        let mut line_start = 0;
        while line_start < b.len() {
            let line_end =
                memchr::memchr(b'\n', &b[line_start..]).map_or(b.len(), |k| line_start + k);
            let line = &text[line_start..line_end];
            let next = (line_end + 1).min(b.len()).max(line_end);
            if line.len() > 400 {
                line_start = next.max(line_start + 1);
                continue;
            }
            // The most frequent delimiter (the last listed among equals), counted in one pass.
            let mut counts = [0usize; 8];
            for c in line.bytes() {
                counts[usize::from(DELIMITER_SLOT[usize::from(c)] & 7)] += 1;
            }
            let (delim, count) = DELIMITERS
                .into_iter()
                .zip(counts)
                .max_by_key(|&(_, n)| n)
                .unwrap_or((b',', 0));
            if count < 2 {
                line_start = next.max(line_start + 1);
                continue;
            }
            record(text, line_start, delim, &mut cells_buf);
            // Header-shaped cells first (cheap), then what each names.
            let header_ok = cells_buf.iter().all(|&(s, e)| {
                let h = &text[s..e];
                h.len() <= 40
                    && !h.bytes().any(|c| c.is_ascii_digit() && h.len() > 12)
                    && !h.contains('@')
            });
            if !header_ok {
                line_start = next.max(line_start + 1);
                continue;
            }
            header.clear();
            header.extend(cells_buf.iter().map(|&(s, e)| {
                let h = &text[s..e];
                let plain = h.len() <= 40
                    && h.chars().all(|c| {
                        c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '/' | '.' | '#')
                    })
                    && h.chars().any(char::is_alphabetic);
                if plain { column_kind(h) } else { None }
            }));
            if header.iter().all(Option::is_none) {
                line_start = next.max(line_start + 1);
                continue;
            }
            let width = header.len();
            // Data rows: same width, until a blank line or a differently shaped row.
            let mut at = next;
            while at < b.len() && b[at] != b'\n' {
                let following = record(text, at, delim, &mut cells_buf);
                if cells_buf.len() != width {
                    break;
                }
                for (k, &(s, e)) in cells_buf.iter().enumerate() {
                    if let Some(Some(col)) = header.get(k) {
                        let cell = &text[s..e];
                        let t = cell.trim();
                        if !t.is_empty() {
                            let lead = cell.len() - cell.trim_start().len();
                            out.push((s + lead, s + lead + t.len(), *col));
                        }
                    }
                }
                if following <= at {
                    break;
                }
                at = following;
            }
            line_start = at.max(next);
        }
    }

    #[test]
    fn equals_the_reference_on_random_tables() {
        // Small alphabet rich in delimiters, quotes, line ends and header words.
        let parts = [
            "city",
            "zip",
            "name",
            "company",
            "country",
            ",",
            ",",
            ";",
            "\t",
            "|",
            "\n",
            "\n",
            "\r\n",
            "\"",
            "\"\"",
            " ",
            "a@b",
            "12345678901234",
            "x",
            "Ort",
            "first_name",
            "é",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop",
            "0",
        ];
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut next = || rng.next_u64();
        for _ in 0..20_000 {
            let n = (next() % 40) as usize;
            let text: String = (0..n)
                .map(|_| parts[(next() % parts.len() as u64) as usize])
                .collect();
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            cells(&text, &mut fast);
            cells_reference(&text, &mut slow);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn long_first_cells_as_the_reference() {
        // First header cells around the 42 bytes past which a line is skipped unread.
        for n in 36..48 {
            for lead in ["", "\"", " "] {
                let text = format!("{lead}{},city,zip\nx,Kehl,77694\n", "c".repeat(n));
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                cells(&text, &mut fast);
                cells_reference(&text, &mut slow);
                assert_eq!(fast, slow, "{text:?}");
            }
        }
        let mut v = Vec::new();
        cells(&format!("{},city,zip\nx,Kehl,1\n", "c".repeat(38)), &mut v);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn next_delimiter_equals_a_byte_walk() {
        let alphabet = b"ab,;\t|\n\xc3\xa9 x";
        let mut rng = crate::test_rng::XorShift::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5_000 {
            let seed = rng.next_u64();
            let n = (seed % 40) as usize;
            let bytes: Vec<u8> = (0..n)
                .map(|k| {
                    let r = seed.rotate_left(k as u32 * 5) % 64;
                    // Mostly letters, so a delimiter sits at any offset of an eight-byte chunk.
                    if r < alphabet.len() as u64 {
                        alphabet[r as usize]
                    } else {
                        b'q'
                    }
                })
                .collect();
            // Asked at every position in order (cached hits), and afresh at each.
            let mut scan = NextDelimiter::new(&bytes);
            for from in 0..=n {
                let want = bytes[from..]
                    .iter()
                    .position(|&c| is_delimiter(c))
                    .map(|k| from + k);
                assert_eq!(scan.at(from), want, "{bytes:?} {from}");
                assert_eq!(
                    NextDelimiter::new(&bytes).at(from),
                    want,
                    "{bytes:?} {from}"
                );
            }
            // Asked at every third position, then past the end.
            let mut scan = NextDelimiter::new(&bytes);
            for from in (0..=n + 2).step_by(3) {
                let want = bytes
                    .get(from..)
                    .and_then(|r| r.iter().position(|&c| is_delimiter(c)))
                    .map(|k| from + k);
                assert_eq!(scan.at(from), want, "{bytes:?} {from}");
            }
        }
    }

    #[test]
    fn long_and_unshaped_header_cells_are_not_headers() {
        let long = "a".repeat(41);
        let forty = "a".repeat(40);
        for (text, want) in [
            (format!("city,{long},y\nParis,x,z\n"), vec![]),
            (format!("city,\"{long}\",y\nParis,x,z\n"), vec![]),
            ("city,a@b,y\nParis,x,z\n".to_string(), vec![]),
            ("city,abc1234567890,y\nParis,x,z\n".to_string(), vec![]),
            (
                format!("city,{forty},y\r\nParis,x,z\n"),
                vec![("Paris", Column::City)],
            ),
            (
                format!("city,\"{forty}\",y\nParis,x,z\n"),
                vec![("Paris", Column::City)],
            ),
            (
                "no delimiter here\nor here\ncity;zip;x\nParis;75001;y".to_string(),
                vec![("Paris", Column::City), ("75001", Column::Postcode)],
            ),
        ] {
            assert_eq!(get(&text), want, "{text:?}");
            let mut slow = Vec::new();
            cells_reference(&text, &mut slow);
            assert_eq!(slow.len(), want.len(), "{text:?}");
        }
    }

    #[test]
    fn header_columns() {
        let t = "id,name,city,country\n1,Ann,Bourgeois-sur-Chauvin,France\n2,Bob,\"Neunburg vorm Wald\",Deutschland\n\nnot,a,table";
        assert_eq!(
            get(t),
            vec![
                ("Ann", Column::Person),
                ("Bourgeois-sur-Chauvin", Column::City),
                ("France", Column::Country),
                ("Bob", Column::Person),
                ("Neunburg vorm Wald", Column::City),
                ("Deutschland", Column::Country)
            ]
        );
        let t = "name;company;Straße;PLZ\nA;\"B, C und D\";X-Weg 5;12345\n";
        assert_eq!(
            get(t),
            vec![
                ("A", Column::Person),
                ("B, C und D", Column::Org),
                ("X-Weg 5", Column::Street),
                ("12345", Column::Postcode)
            ]
        );
        assert!(get("a,b,c\n1,2,3").is_empty());
        // Unterminated quotes and lone headers neither panic nor report.
        assert!(get("city,zip,x\n\"unterminated").is_empty());
    }
}
