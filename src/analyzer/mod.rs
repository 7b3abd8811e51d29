//! The analyzer: [`AnalyzerEngine`] runs [`Recognizer`]s over text and returns scored [`RecognizerResult`]s;
//! the engine's documentation describes scoring, context, allow lists, thresholds and de-duplication.
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
mod segments;

pub use allow_list::AllowList;
pub use deny_list::DenyListRecognizer;
pub use engine::{AnalyzerBuilder, AnalyzerEngine, DEFAULT_THRESHOLD};
pub use options::{AllowListMatch, AnalyzeOptions, AnalyzeRequest};
pub use pattern::{
    InvalidateFn, Pattern, PatternRecognizer, PatternRecognizerBuilder, SPAN_GROUP, ValidateFn,
};
pub use recognizer::{Recognizer, RecognizerContext};
pub use registry::{RecognizerInfo, RecognizerRegistry};

pub(crate) use context::{HeaderCache, cue_before};
pub(crate) use pattern::compile as compile_pattern;
pub(crate) use pattern::{Alt, DigitWords, Fast, Needs, word};
pub(crate) use recognizer::{PerText, Shared};
