//! Reading a dataset as a stream of raw records: the item types and the byte-counting input shared by
//! the format readers.

use std::io::{self, Read};

use super::error::DatasetError;
use super::format::Format;

/// One unit read from the input, in input order.
pub(crate) enum Item {
    /// A record.
    Record(RawRecord),
    /// Bytes that belong to no record (blank JSONL lines, a JSON array's brackets), written back as they are.
    Passthrough(Vec<u8>),
}

/// A record's raw bytes and where it starts. Holds personal data: no `Debug`.
pub(crate) struct RawRecord {
    /// 1-based line where the record starts.
    pub line: u64,
    /// 1-based record number.
    pub number: u64,
    pub body: Body,
}

pub(crate) enum Body {
    /// A JSON object: `lead` (a byte-order mark, or an array's separator) and `end` (a line terminator)
    /// surround it in the input.
    Json {
        lead: Vec<u8>,
        bytes: Vec<u8>,
        end: Vec<u8>,
    },
    /// A CSV row.
    Csv(csv::ByteRecord),
}

impl RawRecord {
    /// Approximate size in bytes, for batching.
    pub fn size(&self) -> usize {
        match &self.body {
            Body::Json { lead, bytes, end } => lead.len() + bytes.len() + end.len(),
            Body::Csv(r) => r.as_slice().len() + r.len(),
        }
    }
}

/// A reader of one format.
pub(crate) trait ReadItems: Send {
    /// The next item, `None` at the end of the input.
    fn next_item(&mut self) -> Result<Option<Item>, DatasetError>;
    /// Bytes read from the input so far.
    fn bytes_read(&self) -> u64;
}

/// Counts the bytes read and refuses to read more than `limit` bytes (plus one buffer) between two
/// [`mark`](Self::mark)s, so that one runaway record cannot take all memory.
pub(crate) struct Counted<R> {
    inner: R,
    total: u64,
    since_mark: u64,
    limit: u64,
}

/// The payload of the I/O error [`Counted`] returns at its limit.
#[derive(Debug)]
pub(crate) struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("record too large")
    }
}

impl std::error::Error for TooLarge {}

/// Slack over the record limit for data read ahead by buffers.
const READ_AHEAD: u64 = 256 * 1024;

impl<R: Read> Counted<R> {
    pub fn new(inner: R, limit: u64) -> Self {
        Counted {
            inner,
            total: 0,
            since_mark: 0,
            limit,
        }
    }

    pub fn total(&self) -> u64 {
        self.total
    }

    /// A record ended: start counting again.
    pub fn mark(&mut self) {
        self.since_mark = 0;
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.since_mark > self.limit.saturating_add(READ_AHEAD) {
            return Err(io::Error::other(TooLarge));
        }
        let n = self.inner.read(buf)?;
        self.total += n as u64;
        self.since_mark += n as u64;
        Ok(n)
    }
}

/// Maps a read error to a [`DatasetError`]: the record limit, or an I/O failure.
pub(crate) fn read_error(source_name: &str, line: u64, limit: u64, e: io::Error) -> DatasetError {
    if e.get_ref().is_some_and(|inner| inner.is::<TooLarge>()) {
        DatasetError::RecordTooLarge {
            source_name: source_name.to_string(),
            line,
            limit,
        }
    } else {
        DatasetError::Read {
            source_name: source_name.to_string(),
            source: e,
        }
    }
}

/// An opened input: its reader and, for CSV, its header and line terminator.
pub(crate) struct Opened {
    pub items: Box<dyn ReadItems>,
    pub csv: Option<super::csv::CsvHeader>,
}

/// Opens `input` as `format`.
pub(crate) fn open(
    input: Box<dyn Read + Send>,
    format: Format,
    source_name: &str,
    max_record_bytes: u64,
) -> Result<Opened, DatasetError> {
    let counted = Counted::new(input, max_record_bytes);
    Ok(match format {
        Format::Jsonl => Opened {
            items: Box::new(super::jsonl::JsonlReader::new(
                counted,
                source_name,
                max_record_bytes,
            )),
            csv: None,
        },
        Format::JsonArray => Opened {
            items: Box::new(super::json_array::ArrayReader::new(
                counted,
                source_name,
                max_record_bytes,
            )),
            csv: None,
        },
        Format::Csv => {
            let (reader, header) =
                super::csv::CsvReader::open(counted, source_name, max_record_bytes)?;
            Opened {
                items: Box::new(reader),
                csv: Some(header),
            }
        }
    })
}
