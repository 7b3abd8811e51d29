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

/// Every cell under a recognised header column, as `(start, end, column)` byte ranges.
pub(crate) fn cells(text: &str, out: &mut Vec<(usize, usize, Column)>) {
    // Cheap gate: a delimiter must occur at all.
    let b = text.as_bytes();
    if !b.iter().any(|&c| matches!(c, b',' | b';' | b'\t' | b'|')) {
        return;
    }
    let mut cells_buf = Vec::new();
    let mut header: Vec<Option<Column>> = Vec::new();
    let mut line_start = 0;
    while line_start < b.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(b.len(), |k| line_start + k);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn get(text: &str) -> Vec<(&str, Column)> {
        let mut v = Vec::new();
        cells(text, &mut v);
        v.iter().map(|&(s, e, c)| (&text[s..e], c)).collect()
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
