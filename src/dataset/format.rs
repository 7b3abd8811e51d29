//! [`Format`]: the dataset file formats.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// A dataset file format. Output is always written in the input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line (`.jsonl`, `.ndjson`). Blank lines are copied through.
    Jsonl,
    /// One JSON array of objects (`.json`), read element by element.
    JsonArray,
    /// CSV with a header row (`.csv`), RFC 4180 quoting.
    Csv,
}

impl Format {
    /// The format a file name's extension implies (case-insensitive), if any.
    ///
    /// # Example
    ///
    /// ```
    /// use piiscrub::dataset::Format;
    ///
    /// assert_eq!(Format::from_path("tickets.JSONL".as_ref()), Some(Format::Jsonl));
    /// assert_eq!(Format::from_path("export.csv".as_ref()), Some(Format::Csv));
    /// assert_eq!(Format::from_path("notes.txt".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok()
    }

    /// The format's name as the command line spells it: `jsonl`, `json` or `csv`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::JsonArray => "json",
            Format::Csv => "csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = &'static str;

    /// `jsonl` (or `ndjson`), `json`, `csv`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "json" => Ok(Format::JsonArray),
            "csv" => Ok(Format::Csv),
            _ => Err("expected jsonl, json or csv"),
        }
    }
}
