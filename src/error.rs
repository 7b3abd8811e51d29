//! The crate's error type.
//!
//! Every fallible operation in piiscrub returns [`Error`]. Messages carry names, indices and offsets so a
//! problem can be located, but never the analysed text, a matched value, a pattern's source or a key: an error
//! message can end up in a log, and a log must not become a second copy of the personal data.

use std::fmt;

/// Everything that can go wrong in piiscrub.
///
/// The enum is `#[non_exhaustive]`: match the variants you care about and keep a fallback arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A span handed to the anonymizer (or to an offset conversion) does not fit the text.
    #[error("span {index} ({start}..{end}) is invalid for a text of {text_len} bytes: {reason}")]
    InvalidSpan {
        /// Position of the offending result in the input slice.
        index: usize,
        /// Start offset as given.
        start: usize,
        /// End offset as given.
        end: usize,
        /// Length of the text in the unit of the offsets (bytes or code points).
        text_len: usize,
        /// What is wrong with it.
        reason: SpanProblem,
    },

    /// A regular expression supplied by the caller (a recognizer pattern or an allow-list entry) does not
    /// compile. The pattern itself is not quoted: it may contain personal data.
    #[error("{owner}: pattern {pattern_index} ({pattern_name:?}) does not compile: {kind}")]
    InvalidPattern {
        /// The recognizer (or `"allow_list"`) the pattern belongs to.
        owner: String,
        /// Position of the pattern within its owner.
        pattern_index: usize,
        /// The pattern's name, as given by the caller.
        pattern_name: String,
        /// Why it does not compile.
        kind: PatternProblem,
    },

    /// An operator configuration is not usable (for example a mask with a multi-character masking string).
    #[error("operator {operator:?} for entity {entity_type}: {reason}")]
    InvalidOperator {
        /// The entity type (or `DEFAULT`) the operator is configured for.
        entity_type: String,
        /// The operator's name (`replace`, `mask`, …).
        operator: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A configuration value is out of range or inconsistent (a score outside `[0, 1]`, an empty name,
    /// a duplicate recognizer name, …).
    #[error("invalid configuration: {what}: {reason}")]
    InvalidConfig {
        /// The setting that is wrong (a field or recognizer name, never a user value).
        what: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// A JSON document (operator config, Presidio-style request) could not be read. The position is given as
    /// line and column; the document's content is not quoted.
    #[error("invalid {what} JSON at line {line}, column {column}: {category}")]
    Json {
        /// What was being read (`"operators"`, `"analyze request"`, …).
        what: &'static str,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The kind of problem (syntax, data, end of input), plus serde's description of the expected shape
        /// when it names no input value (e.g. an unknown operator `type`).
        category: String,
    },

    /// A recognizer supplied by the caller failed.
    #[error("recognizer {recognizer:?} failed")]
    Recognizer {
        /// The recognizer's name.
        recognizer: String,
        /// The underlying error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
}

/// Why a span was rejected; part of [`Error::InvalidSpan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpanProblem {
    /// `start > end`.
    Reversed,
    /// `end` is past the end of the text.
    OutOfRange,
    /// An offset falls inside a multi-byte UTF-8 character.
    NotCharBoundary,
}

impl fmt::Display for SpanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SpanProblem::Reversed => "start is after end",
            SpanProblem::OutOfRange => "end is past the end of the text",
            SpanProblem::NotCharBoundary => "offset is not on a UTF-8 character boundary",
        })
    }
}

/// Why a caller's regular expression was rejected; part of [`Error::InvalidPattern`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternProblem {
    /// The pattern is not valid regex syntax (Rust `regex` syntax: no look-around, no backreferences).
    Syntax,
    /// The compiled pattern would exceed the size limit.
    TooBig,
    /// The pattern is empty or matches the empty string, which would flag every position of every text.
    MatchesEmpty,
}

impl fmt::Display for PatternProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PatternProblem::Syntax => {
                "syntax error (Rust regex syntax: no look-around or backreferences)"
            }
            PatternProblem::TooBig => "compiled size exceeds the limit",
            PatternProblem::MatchesEmpty => "pattern matches the empty string",
        })
    }
}

impl PatternProblem {
    pub(crate) fn from_regex(err: &regex::Error) -> Self {
        match err {
            regex::Error::CompiledTooBig(_) => PatternProblem::TooBig,
            _ => PatternProblem::Syntax,
        }
    }
}

#[cfg(feature = "json")]
impl Error {
    /// Wraps a `serde_json` error without keeping any of the input it quotes.
    pub(crate) fn from_json(what: &'static str, err: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let category = match err.classify() {
            Category::Io => "I/O error".to_string(),
            Category::Syntax => "syntax error".to_string(),
            Category::Eof => "unexpected end of input".to_string(),
            // serde's data errors quote the offending input (`unknown variant `x``, `invalid value: string
            // "..."`), which may be a personal value typed into the wrong field. Keep only the shape of the
            // problem and the *expected* names, which come from our own types.
            Category::Data => {
                let msg = err.to_string();
                let msg = msg.split(" at line ").next().unwrap_or("");
                if let Some(redacted) = redact_quoted_name(msg) {
                    format!("data error: {redacted}")
                } else if msg.starts_with("missing field") {
                    // Names one of our field names, never input.
                    format!("data error: {msg}")
                } else {
                    "data error: a value has the wrong type or is out of range".to_string()
                }
            }
        };
        Error::Json {
            what,
            line: err.line(),
            column: err.column(),
            category,
        }
    }
}

/// `"… unknown variant `name`, expected …"` without `` `name` ``; `None` when there is nothing to redact.
#[cfg(feature = "json")]
pub(crate) fn redact_quoted_name(category: &str) -> Option<String> {
    ["unknown variant `", "unknown field `"]
        .iter()
        .find_map(|kind| {
            let at = category.find(kind)?;
            let name_start = at + kind.len();
            // The name may itself hold backticks: its end is the last marker serde writes after it.
            let end = ["`, expected", "`, there are no"]
                .iter()
                .filter_map(|marker| category.rfind(marker))
                .filter(|&end| end >= name_start)
                .max();
            let kept = &category[..name_start - 2];
            Some(match end {
                Some(end) => format!("{kept}{}", &category[end + 1..]),
                None => kept.to_string(),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_hold_no_text() {
        let e = Error::InvalidSpan {
            index: 3,
            start: 10,
            end: 5,
            text_len: 20,
            reason: SpanProblem::Reversed,
        };
        assert_eq!(
            e.to_string(),
            "span 3 (10..5) is invalid for a text of 20 bytes: start is after end"
        );
    }

    #[test]
    fn error_is_send_sync() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<Error>();
    }
}
