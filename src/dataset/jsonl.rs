//! JSONL input: one record per line, split on `\n` (a `\r` before it is kept as the line's terminator).

use std::io::{BufRead, BufReader, Read};

use super::error::DatasetError;
use super::source::{Body, Counted, Item, RawRecord, ReadItems, read_error};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) struct JsonlReader<R> {
    input: BufReader<Counted<R>>,
    source_name: String,
    limit: u64,
    line: u64,
    records: u64,
}

impl<R: Read> JsonlReader<R> {
    pub fn new(input: Counted<R>, source_name: &str, limit: u64) -> Self {
        JsonlReader {
            input: BufReader::with_capacity(64 * 1024, input),
            source_name: source_name.to_string(),
            limit,
            line: 0,
            records: 0,
        }
    }
}

impl<R: Read + Send> ReadItems for JsonlReader<R> {
    fn next_item(&mut self) -> Result<Option<Item>, DatasetError> {
        let mut bytes = Vec::new();
        self.line += 1;
        let n = self
            .input
            .read_until(b'\n', &mut bytes)
            .map_err(|e| read_error(&self.source_name, self.line, self.limit, e))?;
        self.input.get_mut().mark();
        if n == 0 {
            return Ok(None);
        }
        if bytes.len() as u64 > self.limit {
            return Err(DatasetError::RecordTooLarge {
                source_name: self.source_name.clone(),
                line: self.line,
                limit: self.limit,
            });
        }
        let mut end = Vec::new();
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
            end.push(b'\n');
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
                end.insert(0, b'\r');
            }
        }
        let mut lead = Vec::new();
        if self.line == 1 && bytes.starts_with(BOM) {
            lead = bytes.drain(..BOM.len()).collect();
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            lead.extend_from_slice(&bytes);
            lead.extend_from_slice(&end);
            return Ok(Some(Item::Passthrough(lead)));
        }
        self.records += 1;
        Ok(Some(Item::Record(RawRecord {
            line: self.line,
            number: self.records,
            body: Body::Json { lead, bytes, end },
        })))
    }

    fn bytes_read(&self) -> u64 {
        self.input.get_ref().total()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(input: &'static [u8]) -> Vec<String> {
        let mut r = JsonlReader::new(Counted::new(input, 1 << 20), "t", 1 << 20);
        let mut out = Vec::new();
        while let Some(item) = r.next_item().unwrap() {
            out.push(match item {
                Item::Passthrough(b) => format!("pass {:?}", String::from_utf8_lossy(&b)),
                Item::Record(RawRecord {
                    line,
                    number,
                    body: Body::Json { lead, bytes, end },
                }) => format!(
                    "{number}@{line} {:?} {:?} {:?}",
                    String::from_utf8_lossy(&lead),
                    String::from_utf8_lossy(&bytes),
                    String::from_utf8_lossy(&end)
                ),
                Item::Record(_) => unreachable!(),
            });
        }
        assert_eq!(r.bytes_read(), input.len() as u64);
        out
    }

    #[test]
    fn lines_terminators_and_blank_lines() {
        assert_eq!(
            items(b"\xEF\xBB\xBF{\"a\":1}\r\n\n  \n{\"b\":2}"),
            [
                "1@1 \"\\u{feff}\" \"{\\\"a\\\":1}\" \"\\r\\n\"",
                "pass \"\\n\"",
                "pass \"  \\n\"",
                "2@4 \"\" \"{\\\"b\\\":2}\" \"\""
            ]
        );
        assert!(items(b"").is_empty());
    }

    #[test]
    fn long_lines_hit_the_limit() {
        let input: &'static [u8] = Box::leak(vec![b'x'; 4096].into_boxed_slice());
        let mut r = JsonlReader::new(Counted::new(input, 100), "t", 100);
        assert!(matches!(
            r.next_item(),
            Err(DatasetError::RecordTooLarge { line: 1, .. })
        ));
    }
}
