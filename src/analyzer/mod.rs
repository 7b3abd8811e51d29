//! The analyzer: [`AnalyzerEngine`] runs [`Recognizer`]s over text and returns scored [`RecognizerResult`]s.
//!
//! # Scoring
//!
//! Each recognizer reports matches with a base score. Validators (checksums) set a valid match to 1.0 and
//! drop an invalid one. Then the engine applies **context**: if a context word of the recognizer (or one
//! passed in [`AnalyzeOptions::context`]) occurs as a whole word within a window of words before or after
//! the match, the score rises by 0.35, to at least 0.4 and at most 1.0. Words are compared lower-cased, with
//! a trailing plural `s` ignored, so `"ssn"` matches `SSNs:` but `"lic"` does not match `public`.
//!
//! After context, results whose value is on the allow list are dropped, then **same-type duplicates**: a
//! result contained in (or equal to) another result of the same type with a higher or equal score goes.
//! Results of different types may still overlap; the anonymizer resolves those. Finally results below the
//! score threshold (global or per type) are dropped, and the rest are returned sorted by position.
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
pub use engine::{AnalyzerBuilder, AnalyzerEngine};
pub use options::{AllowListMatch, AnalyzeOptions, AnalyzeRequest};
pub use pattern::{
    InvalidateFn, Pattern, PatternRecognizer, PatternRecognizerBuilder, SPAN_GROUP, ValidateFn,
};
pub use recognizer::{Recognizer, RecognizerContext};
pub use registry::{RecognizerInfo, RecognizerRegistry};

pub(crate) use pattern::compile as compile_pattern;
