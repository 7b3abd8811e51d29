//! The analyzer: [`AnalyzerEngine`] runs [`Recognizer`]s over text and returns scored [`RecognizerResult`]s.
//!
//! # Scoring
//!
//! Each recognizer reports matches with a base score. Validators (checksums) set a valid match to 1.0 and
//! drop an invalid one. Then the engine applies **context**: if a context word of the recognizer (or one
//! passed in [`AnalyzeOptions::context`]) occurs as a whole word within a window of words before or after
//! the match (before it, or after it on the same line), the score rises by 0.35, to at least 0.4 and at most 1.0. Words are compared lower-cased, with
//! a trailing plural `s` ignored, so `"ssn"` matches `SSNs:` but `"lic"` does not match `public`. In
//! delimited data (CSV, TSV) the column's header cell counts as context too, so `536228726` under an
//! `ssn` header is recognised like `SSN: 536228726`.
//!
//! After context, results whose value is on the allow list are dropped, then results below the score
//! threshold (global or per type; 0.4 unless set, so weak patterns need context), then **same-type
//! duplicates**: a result contained in (or equal to) another result of the same type with a higher or equal
//! score goes. Then, unless [`AnalyzerBuilder::cross_type_dedup`] is off, a result lying strictly inside a
//! result of another type with a higher or equal score goes too (a card number inside an IBAN; URLs are
//! exempt as containers, since query strings and paths carry emails, IPs and names). Partial
//! overlaps and identical spans of different types remain; the anonymizer resolves those. The rest are
//! returned sorted by position.
//!
//! [`RecognizerResult`]: crate::RecognizerResult

mod allow_list;
mod context;
mod dedup;
mod deny_list;
mod engine;
mod options;
mod pattern;
mod recognizer;
mod registry;

pub use allow_list::AllowList;
pub use deny_list::DenyListRecognizer;
pub use engine::{AnalyzerBuilder, AnalyzerEngine, DEFAULT_THRESHOLD};
pub use options::{AllowListMatch, AnalyzeOptions, AnalyzeRequest};
pub use pattern::{
    InvalidateFn, Pattern, PatternRecognizer, PatternRecognizerBuilder, SPAN_GROUP, ValidateFn,
};
pub use recognizer::{Recognizer, RecognizerContext};
pub use registry::{RecognizerInfo, RecognizerRegistry};

pub(crate) use context::{column_header, cue_before};
pub(crate) use pattern::compile as compile_pattern;
