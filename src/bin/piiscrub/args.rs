//! Command-line arguments (clap derive: the doc comments are the help text) and exit codes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use piiscrub::dataset::Format;

pub const EXIT_USAGE: u8 = 1;
pub const EXIT_INPUT: u8 = 2;
pub const EXIT_OUTPUT: u8 = 3;
pub const EXIT_POLICY: u8 = 4;
pub const EXIT_PROCESSING: u8 = 5;
pub const EXIT_INTERRUPTED: u8 = 130;

const EXIT_CODES: &str = "\
Exit codes:
  0    success (malformed records quarantined with --quarantine still count as success)
  1    usage error: bad arguments, or the input format cannot be told
  2    input error: unreadable input, a malformed record (FILE:LINE is named), a broken JSON array,
       a record over --max-record-size
  3    output error: the output, quarantine or report file cannot be written
  4    policy error: invalid policy file, field path, entity type, threshold or operator
  5    processing error: the analyzer or anonymizer failed on a record
  130  interrupted (Ctrl-C or SIGTERM); no output file is left behind

Output files are written to a temporary file next to them and renamed into place only when the run
succeeds. Messages name files, lines, records and fields, never the data itself.";

/// Find and remove personal data (names, emails, phone numbers, card numbers, ...) in fine-tuning
/// datasets: JSONL, JSON arrays and CSV, streamed on all cores.
#[derive(Debug, Parser)]
#[command(name = "piiscrub", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scrub a dataset and write it back in the same format, records in the same order.
    ///
    /// Every string field is scrubbed unless --fields or the policy names fields. A record that needs
    /// no change is written byte for byte; in a changed JSON record only the replaced string values
    /// differ. Malformed records stop the run (exit 2) unless --quarantine is given.
    #[command(after_help = EXIT_CODES)]
    Scrub(Common),
    /// Report what would be scrubbed: one JSON line per record with its findings (field, entity type,
    /// byte offsets into the field's value, score), without the values unless --with-text.
    #[command(after_help = EXIT_CODES)]
    Analyze(AnalyzeArgs),
    /// List the entity types the analyzer detects (for `entities` in a policy or --entities).
    Entities(EntitiesArgs),
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub common: Common,
    /// Include each finding's text. The findings file then holds the personal data itself.
    #[arg(long)]
    pub with_text: bool,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// The analyzer language (ISO 639-1).
    #[arg(long)]
    pub language: Option<String>,
}

#[derive(Debug, Args)]
pub struct Common {
    /// Input file (.jsonl/.ndjson, .json, .csv); `-` or nothing reads standard input (then --format
    /// is required).
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,

    /// Output file; `-` or nothing writes to standard output. A file appears only when the run
    /// succeeds.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Input format; by default taken from the input file's extension. Output has the same format.
    #[arg(short, long, value_parser = parse_format, value_name = "jsonl|json|csv")]
    pub format: Option<Format>,

    /// Policy file (TOML, or JSON if it ends in .json): fields, entities, threshold, operators per
    /// entity and per field, allow and deny lists, keep and drop. See the README for a full example.
    /// The options below override it.
    #[arg(short, long, value_name = "FILE")]
    pub policy: Option<PathBuf>,

    /// Fields to scrub, comma-separated: JSON paths like `prompt` or `messages[*].content`, or CSV
    /// column names. Default: every string field.
    #[arg(long, value_delimiter = ',', value_name = "PATHS")]
    pub fields: Option<Vec<String>>,

    /// Write only these top-level fields (CSV columns), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub keep: Option<Vec<String>>,

    /// Do not write these top-level fields (CSV columns), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub drop: Option<Vec<String>>,

    /// Entity types to detect, comma-separated (see `piiscrub entities`). Default: all.
    #[arg(long, value_delimiter = ',', value_name = "TYPES")]
    pub entities: Option<Vec<String>>,

    /// Minimum score of a finding, in [0, 1] (default 0.4).
    #[arg(long, value_parser = parse_threshold, value_name = "SCORE")]
    pub threshold: Option<f64>,

    /// The analyzer language, ISO 639-1 (default en).
    #[arg(long, value_name = "LANG")]
    pub language: Option<String>,

    /// Worker threads; 0 means one per core (at most 256).
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    pub threads: usize,

    /// Write a JSON report here: records in/out/quarantined/changed, bytes in/out, time, findings per
    /// entity type and per field. It never contains values from the data.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// What to do with a malformed record (bad JSON, invalid UTF-8, wrong CSV column count): `fail`
    /// stops the run naming FILE:LINE (default); `quarantine` writes it to --quarantine and goes on.
    #[arg(long, value_enum, value_name = "MODE")]
    pub on_error: Option<OnError>,

    /// Quarantine file for malformed records (implies --on-error quarantine): their raw bytes, one per
    /// line (CSV: rows after the header). Records in = records out + quarantined.
    #[arg(long, value_name = "FILE")]
    pub quarantine: Option<PathBuf>,

    /// Largest record accepted, in MiB; a larger one stops the run (exit 2). Bounds memory.
    #[arg(long, default_value_t = 64, value_name = "MIB")]
    pub max_record_size: u64,

    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Stop at the first malformed record.
    Fail,
    /// Write malformed records to the --quarantine file and go on.
    Quarantine,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse().map_err(str::to_string)
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err("expected a number in [0, 1]".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }
}
