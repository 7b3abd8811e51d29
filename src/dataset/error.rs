//! [`DatasetError`]: what can stop a dataset run, and [`Problem`]: what is wrong with one record.

use std::fmt;
use std::io;

/// What is wrong with one input record. Never holds any of the record's content.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The record's bytes are not valid UTF-8.
    InvalidUtf8,
    /// The record is not valid JSON; `line` and `column` are 1-based within the record, `reason` is the
    /// kind of syntax error (it never quotes input).
    InvalidJson {
        /// Line within the record.
        line: usize,
        /// Column within that line.
        column: usize,
        /// The kind of syntax error, e.g. "expected `,` or `}`".
        reason: String,
    },
    /// The record is valid JSON but not an object.
    NotAnObject,
    /// A CSV row has another number of columns than the header.
    ColumnCount {
        /// Columns in the header.
        expected: usize,
        /// Columns in the row.
        found: usize,
    },
}

impl Problem {
    /// A short, stable name for the kind of problem, used as a key in reports.
    pub fn kind(&self) -> &'static str {
        match self {
            Problem::InvalidUtf8 => "invalid_utf8",
            Problem::InvalidJson { .. } => "invalid_json",
            Problem::NotAnObject => "not_an_object",
            Problem::ColumnCount { .. } => "column_count",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::InvalidUtf8 => f.write_str("invalid UTF-8"),
            Problem::InvalidJson {
                line: 1,
                column,
                reason,
            } => write!(f, "invalid JSON at column {column}: {reason}"),
            Problem::InvalidJson {
                line,
                column,
                reason,
            } => write!(
                f,
                "invalid JSON at line {line}, column {column} of the record: {reason}"
            ),
            Problem::NotAnObject => f.write_str("not a JSON object"),
            Problem::ColumnCount { expected, found } => write!(
                f,
                "wrong number of columns: {found}, the header has {expected}"
            ),
        }
    }
}

/// Which part of a run failed; the command-line tool maps each to an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// The input is malformed or cannot be read.
    Input,
    /// The output (or quarantine file) cannot be written.
    Output,
    /// The policy is invalid.
    Policy,
    /// The analyzer or anonymizer failed on a record.
    Processing,
    /// The run was cancelled.
    Interrupted,
}

/// Everything that can stop a dataset run.
///
/// Messages name the input (`source`), the line and record number, the field and the kind of problem;
/// they never contain a record's content, so they can go to logs.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DatasetError {
    /// A record is malformed and the run is not quarantining.
    #[error("{source_name}:{line}: record {record}: {problem}")]
    Malformed {
        /// The input's name (a path, or `<stdin>`).
        source_name: String,
        /// 1-based line where the record starts.
        line: u64,
        /// 1-based record number.
        record: u64,
        /// What is wrong.
        problem: Problem,
    },
    /// The input's structure is broken beyond one record (a JSON array that is not closed, text after
    /// its end), so reading cannot go on.
    #[error("{source_name}:{line}: {reason}")]
    Structure {
        /// The input's name.
        source_name: String,
        /// 1-based line of the problem.
        line: u64,
        /// What is wrong.
        reason: &'static str,
    },
    /// A record is larger than the configured limit.
    #[error("{source_name}:{line}: a record is larger than the limit of {limit} bytes")]
    RecordTooLarge {
        /// The input's name.
        source_name: String,
        /// 1-based line where the record starts.
        line: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The input cannot be opened or read.
    #[error("{source_name}: cannot read: {source}")]
    Read {
        /// The input's name.
        source_name: String,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// The output cannot be created, written or moved into place.
    #[error("{target}: cannot write: {source}")]
    Write {
        /// The output's name.
        target: String,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
    /// The policy is invalid.
    #[error("policy: {what}: {reason}")]
    Policy {
        /// The setting that is wrong (a key, field path or entity name, never a data value).
        what: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The analyzer or anonymizer failed on a record.
    #[error("{source_name}:{line}: record {record}, field {field}: {error}")]
    Processing {
        /// The input's name.
        source_name: String,
        /// 1-based line where the record starts.
        line: u64,
        /// 1-based record number.
        record: u64,
        /// The field's path.
        field: String,
        /// The engine's error.
        #[source]
        error: Box<crate::Error>,
    },
    /// The run was cancelled (for example by Ctrl-C) before it finished.
    #[error("interrupted")]
    Interrupted,
}

impl DatasetError {
    /// Which part of the run failed.
    pub fn category(&self) -> ErrorCategory {
        match self {
            DatasetError::Malformed { .. }
            | DatasetError::Structure { .. }
            | DatasetError::RecordTooLarge { .. }
            | DatasetError::Read { .. } => ErrorCategory::Input,
            DatasetError::Write { .. } => ErrorCategory::Output,
            DatasetError::Policy { .. } => ErrorCategory::Policy,
            DatasetError::Processing { .. } => ErrorCategory::Processing,
            DatasetError::Interrupted => ErrorCategory::Interrupted,
        }
    }

    pub(crate) fn policy(what: impl Into<String>, reason: impl Into<String>) -> Self {
        DatasetError::Policy {
            what: what.into(),
            reason: reason.into(),
        }
    }
}

impl From<crate::Error> for DatasetError {
    /// Errors from building engines, which come from the policy.
    fn from(error: crate::Error) -> Self {
        DatasetError::policy("engine", error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_locate_without_content() {
        let e = DatasetError::Malformed {
            source_name: "in.jsonl".into(),
            line: 7,
            record: 6,
            problem: Problem::InvalidJson {
                line: 1,
                column: 12,
                reason: "expected `,` or `}`".into(),
            },
        };
        assert_eq!(
            e.to_string(),
            "in.jsonl:7: record 6: invalid JSON at column 12: expected `,` or `}`"
        );
        assert_eq!(e.category(), ErrorCategory::Input);
        let e = DatasetError::Malformed {
            source_name: "t.csv".into(),
            line: 3,
            record: 2,
            problem: Problem::ColumnCount {
                expected: 3,
                found: 4,
            },
        };
        assert_eq!(
            e.to_string(),
            "t.csv:3: record 2: wrong number of columns: 4, the header has 3"
        );
    }

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + 'static>() {}
        check::<DatasetError>();
    }
}
