//! [`AnalyzeOptions`]: per-call settings, and [`AnalyzeRequest`], Presidio's REST request shape.

use std::fmt;
use std::sync::Arc;

use serde::Deserialize;

use super::allow_list::AllowList;
use super::recognizer::Recognizer;
use crate::entity::EntityType;
use crate::error::Error;

/// Settings for one [`AnalyzerEngine::analyze`](crate::AnalyzerEngine::analyze) call.
///
/// Built by chaining; everything is optional.
///
/// # Example
///
/// ```
/// use piiscrub::{AnalyzeOptions, AnalyzerEngine};
///
/// let options = AnalyzeOptions::default()
///     .entities(["EMAIL_ADDRESS", "US_SSN"])
///     .score_threshold(0.5)
///     .entity_threshold("US_SSN", 0.8)
///     .context(["employee"])
///     .return_decision_process(true);
/// let text = "Employee SSN 078-05-1120? No: 536-22-8726, mail jo@example.org";
/// let results = AnalyzerEngine::new().analyze(text, &options)?;
/// assert!(results.iter().all(|r| r.explanation.is_some()));
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct AnalyzeOptions {
    pub(crate) language: Option<String>,
    pub(crate) entities: Option<Vec<EntityType>>,
    pub(crate) score_threshold: Option<f64>,
    pub(crate) entity_thresholds: Vec<(EntityType, f64)>,
    pub(crate) allow_list: Option<Arc<AllowList>>,
    pub(crate) context: Vec<String>,
    pub(crate) return_decision_process: bool,
    pub(crate) ad_hoc: Vec<Arc<dyn Recognizer>>,
}

impl fmt::Debug for AnalyzeOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnalyzeOptions")
            .field("language", &self.language)
            .field("entities", &self.entities)
            .field("score_threshold", &self.score_threshold)
            .field("entity_thresholds", &self.entity_thresholds)
            .field("allow_list", &self.allow_list)
            .field("context", &self.context.len())
            .field("return_decision_process", &self.return_decision_process)
            .field(
                "ad_hoc_recognizers",
                &self.ad_hoc.iter().map(|r| r.name()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl AnalyzeOptions {
    /// Default options: English, every entity type, the engine's default threshold.
    pub fn new() -> Self {
        AnalyzeOptions::default()
    }

    /// The language of the text (ISO 639-1), `"en"` by default. Only recognizers for that language run.
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Only detect these entity types.
    pub fn entities<E: Into<EntityType>>(mut self, entities: impl IntoIterator<Item = E>) -> Self {
        self.entities = Some(entities.into_iter().map(Into::into).collect());
        self
    }

    /// Drop results scoring below `threshold` (in `[0, 1]`), overriding the engine's default.
    pub fn score_threshold(mut self, threshold: f64) -> Self {
        self.score_threshold = Some(threshold);
        self
    }

    /// A threshold for one entity type, overriding the global one for it.
    pub fn entity_threshold(mut self, entity: impl Into<EntityType>, threshold: f64) -> Self {
        let entity = entity.into();
        self.entity_thresholds.retain(|(e, _)| *e != entity);
        self.entity_thresholds.push((entity, threshold));
        self
    }

    /// Never report values on this list.
    pub fn allow_list(mut self, allow_list: AllowList) -> Self {
        self.allow_list = Some(Arc::new(allow_list));
        self
    }

    /// Extra context words that raise the score of any nearby result (Presidio's `context` parameter).
    pub fn context<S: Into<String>>(mut self, words: impl IntoIterator<Item = S>) -> Self {
        self.context.extend(words.into_iter().map(Into::into));
        self
    }

    /// Attach an [`AnalysisExplanation`](crate::AnalysisExplanation) to every result.
    pub fn return_decision_process(mut self, yes: bool) -> Self {
        self.return_decision_process = yes;
        self
    }

    /// Run an extra recognizer for this call only (Presidio's `ad_hoc_recognizers`).
    pub fn ad_hoc_recognizer(mut self, recognizer: impl Recognizer + 'static) -> Self {
        self.ad_hoc.push(Arc::new(recognizer));
        self
    }

    /// Like [`ad_hoc_recognizer`](Self::ad_hoc_recognizer), for a recognizer already shared.
    pub fn ad_hoc_shared(mut self, recognizer: Arc<dyn Recognizer>) -> Self {
        self.ad_hoc.push(recognizer);
        self
    }

    pub(crate) fn language_or_default(&self) -> &str {
        self.language.as_deref().unwrap_or("en")
    }

    pub(crate) fn wants(&self, entity: &EntityType) -> bool {
        self.entities.as_ref().is_none_or(|e| e.contains(entity))
    }

    pub(crate) fn threshold_for(&self, entity: &EntityType, engine_default: f64) -> f64 {
        self.entity_thresholds
            .iter()
            .find(|(e, _)| e == entity)
            .map(|(_, t)| *t)
            .or(self.score_threshold)
            .unwrap_or(engine_default)
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        let in_range = |t: f64| (0.0..=1.0).contains(&t);
        if self.score_threshold.is_some_and(|t| !in_range(t)) {
            return Err(Error::InvalidConfig {
                what: "score_threshold".into(),
                reason: "must be within [0, 1]",
            });
        }
        if let Some((e, _)) = self.entity_thresholds.iter().find(|(_, t)| !in_range(*t)) {
            return Err(Error::InvalidConfig {
                what: format!("score threshold for {e}"),
                reason: "must be within [0, 1]",
            });
        }
        if self.language_or_default().trim().is_empty() {
            return Err(Error::InvalidConfig {
                what: "language".into(),
                reason: "must not be empty",
            });
        }
        Ok(())
    }
}

/// How allow-list entries of an [`AnalyzeRequest`] are matched (Presidio's `allow_list_match`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AllowListMatch {
    /// Entries are exact values.
    #[default]
    Exact,
    /// Entries are regular expressions matching whole values.
    Regex,
}

/// Presidio's `/analyze` request body, for services that accept the same JSON.
///
/// Unknown fields are rejected. `correlation_id` is accepted and ignored; `ad_hoc_recognizers` and
/// `regex_flags` are not supported and rejected.
///
/// # Example
///
/// ```
/// use piiscrub::{AnalyzeRequest, AnalyzerEngine};
///
/// let request: AnalyzeRequest = serde_json::from_str(
///     r#"{"text": "Call 212-555-0142", "language": "en", "entities": ["PHONE_NUMBER"],
///         "score_threshold": 0.3, "allow_list": ["555-0100"], "allow_list_match": "exact"}"#,
/// )?;
/// let (text, options) = request.into_parts()?;
/// let results = AnalyzerEngine::new().analyze(&text, &options)?;
/// assert_eq!(results[0].entity_type, "PHONE_NUMBER");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyzeRequest {
    /// The text to analyze.
    pub text: String,
    /// Its language.
    #[serde(default)]
    pub language: Option<String>,
    /// Entity types to detect (all when absent).
    #[serde(default)]
    pub entities: Option<Vec<EntityType>>,
    /// Presidio's request id; ignored.
    #[serde(default)]
    pub correlation_id: Option<String>,
    /// Minimum score.
    #[serde(default)]
    pub score_threshold: Option<f64>,
    /// Whether to attach explanations.
    #[serde(default)]
    pub return_decision_process: bool,
    /// Extra context words.
    #[serde(default)]
    pub context: Vec<String>,
    /// Values never to report.
    #[serde(default)]
    pub allow_list: Vec<String>,
    /// How `allow_list` entries match.
    #[serde(default)]
    pub allow_list_match: AllowListMatch,
}

impl fmt::Debug for AnalyzeRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnalyzeRequest")
            .field("text_len", &self.text.len())
            .field("language", &self.language)
            .field("entities", &self.entities)
            .finish_non_exhaustive()
    }
}

impl AnalyzeRequest {
    /// Splits the request into the text and the options to analyze it with.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPattern`] when `allow_list_match` is `regex` and an entry does not compile.
    pub fn into_parts(self) -> Result<(String, AnalyzeOptions), Error> {
        let mut options = AnalyzeOptions::default()
            .context(self.context)
            .return_decision_process(self.return_decision_process);
        options.language = self.language;
        options.entities = self.entities;
        options.score_threshold = self.score_threshold;
        if !self.allow_list.is_empty() {
            let allow = match self.allow_list_match {
                AllowListMatch::Exact => AllowList::new().exact(self.allow_list),
                AllowListMatch::Regex => AllowList::new().regexes(&self.allow_list)?,
            };
            options = options.allow_list(allow);
        }
        Ok((self.text, options))
    }

    /// Parses a request from JSON.
    ///
    /// # Errors
    ///
    /// [`Error::Json`] for malformed JSON or unknown fields (the text is not quoted).
    #[cfg(feature = "json")]
    pub fn from_json(json: &str) -> Result<Self, Error> {
        serde_json::from_str(json).map_err(|e| Error::from_json("analyze request", &e))
    }
}
