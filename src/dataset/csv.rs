//! CSV input and output: a header row, RFC 4180 quoting, the input's line terminator kept.

use std::io::{BufRead, BufReader, Read};

use super::error::DatasetError;
use super::source::{Body, Counted, Item, RawRecord, ReadItems, read_error};

/// The header row, the line terminator (`\r\n` if the first line ends with one), and whether the
/// input starts with a UTF-8 byte-order mark (which the CSV reader strips from the first name).
pub(crate) struct CsvHeader {
    pub names: Vec<String>,
    pub crlf: bool,
    pub bom: bool,
}

pub(crate) struct CsvReader<R: Read> {
    input: csv::Reader<BufReader<Counted<R>>>,
    source_name: String,
    limit: u64,
    records: u64,
    row: csv::ByteRecord,
    /// The reader counts a row as starting after the previous row's `\r`, on the line before its own.
    crlf: bool,
}

impl<R: Read> CsvReader<R> {
    /// Reads the header.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Structure`] when the header is not UTF-8; read errors.
    pub fn open(
        input: Counted<R>,
        source_name: &str,
        limit: u64,
    ) -> Result<(Self, CsvHeader), DatasetError> {
        let mut buffered = BufReader::with_capacity(64 * 1024, input);
        let start = buffered
            .fill_buf()
            .map_err(|e| read_error(source_name, 1, limit, e))?;
        let crlf = start
            .iter()
            .position(|&b| b == b'\n')
            .is_some_and(|n| n > 0 && start[n - 1] == b'\r');
        let bom = start.starts_with(b"\xEF\xBB\xBF");
        let mut reader = CsvReader {
            input: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(buffered),
            source_name: source_name.to_string(),
            limit,
            records: 0,
            row: csv::ByteRecord::new(),
            crlf,
        };
        let mut names = Vec::new();
        if reader.read_row(1)? {
            for cell in reader.row.iter() {
                names.push(String::from_utf8(cell.to_vec()).map_err(|_| {
                    DatasetError::Structure {
                        source_name: source_name.to_string(),
                        line: 1,
                        reason: "the CSV header is not valid UTF-8",
                    }
                })?);
            }
        }
        Ok((reader, CsvHeader { names, crlf, bom }))
    }

    fn read_row(&mut self, line: u64) -> Result<bool, DatasetError> {
        let more = self.input.read_byte_record(&mut self.row).map_err(|e| {
            let line = e.position().map_or(line, |p| p.line());
            match e.into_kind() {
                csv::ErrorKind::Io(io) => read_error(&self.source_name, line, self.limit, io),
                _ => DatasetError::Structure {
                    source_name: self.source_name.clone(),
                    line,
                    reason: "unreadable CSV",
                },
            }
        })?;
        self.input.get_mut().get_mut().mark();
        Ok(more)
    }
}

impl<R: Read + Send> ReadItems for CsvReader<R> {
    fn next_item(&mut self) -> Result<Option<Item>, DatasetError> {
        let line = self.input.position().line();
        if !self.read_row(line)? {
            return Ok(None);
        }
        let line = self.row.position().map_or(line, |p| p.line()) + u64::from(self.crlf);
        let size = self.row.as_slice().len() as u64;
        if size > self.limit {
            return Err(DatasetError::RecordTooLarge {
                source_name: self.source_name.clone(),
                line,
                limit: self.limit,
            });
        }
        self.records += 1;
        Ok(Some(Item::Record(RawRecord {
            line,
            number: self.records,
            body: Body::Csv(std::mem::take(&mut self.row)),
        })))
    }

    fn bytes_read(&self) -> u64 {
        self.input.get_ref().get_ref().total()
    }
}

/// Writes rows with minimal quoting and the given terminator.
pub(crate) fn write_row<I, T>(cells: I, crlf: bool) -> Vec<u8>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new()
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(cells);
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_lines_and_terminators() {
        let input: &'static [u8] =
            b"id,text\r\n1,\"a, b\nc\"\r\n2,\"say \"\"hi\"\"\"\r\n3,x,extra\r\n";
        let (mut r, header) =
            CsvReader::open(Counted::new(input, 1 << 20), "t.csv", 1 << 20).unwrap();
        assert_eq!(header.names, ["id", "text"]);
        assert!(header.crlf);
        let mut rows = Vec::new();
        while let Some(Item::Record(rec)) = r.next_item().unwrap() {
            let Body::Csv(row) = rec.body else {
                unreachable!()
            };
            rows.push((rec.line, rec.number, row.len(), write_row(&row, true)));
        }
        assert_eq!(
            rows,
            [
                (2, 1, 2, b"1,\"a, b\nc\"\r\n".to_vec()),
                (4, 2, 2, b"2,\"say \"\"hi\"\"\"\r\n".to_vec()),
                (5, 3, 3, b"3,x,extra\r\n".to_vec()),
            ]
        );
        assert_eq!(r.bytes_read(), input.len() as u64);
    }

    #[test]
    fn lf_lines() {
        let input: &'static [u8] = b"a\n1\n\"x\ny\"\n3\n";
        let (mut r, _) = CsvReader::open(Counted::new(input, 1 << 20), "t.csv", 1 << 20).unwrap();
        let mut lines = Vec::new();
        while let Some(Item::Record(rec)) = r.next_item().unwrap() {
            lines.push(rec.line);
        }
        assert_eq!(lines, [2, 3, 5]);
    }

    #[test]
    fn empty_input_has_no_header() {
        let (mut r, header) = CsvReader::open(Counted::new(&b""[..], 100), "t.csv", 100).unwrap();
        assert!(header.names.is_empty() && !header.crlf && !header.bom);
        assert!(r.next_item().unwrap().is_none());
    }

    #[test]
    fn byte_order_mark_is_noted_and_stripped() {
        let input: &'static [u8] = b"\xEF\xBB\xBFid\n1\n";
        let (_, header) = CsvReader::open(Counted::new(input, 100), "t.csv", 100).unwrap();
        assert!(header.bom);
        assert_eq!(header.names, ["id"]);
    }

    #[test]
    fn bad_header_is_structural() {
        let r = CsvReader::open(Counted::new(&b"a,\xff\n"[..], 100), "t.csv", 100);
        assert!(matches!(r, Err(DatasetError::Structure { line: 1, .. })));
    }
}
