//! [`PatternRecognizer`]: named regular expressions with base scores, validators and context words.

use std::fmt;
use std::sync::Arc;

use regex::Regex;

use super::recognizer::{Recognizer, RecognizerContext};
use crate::entity::EntityType;
use crate::error::{Error, PatternProblem};
use crate::result::{AnalysisExplanation, RecognizerResult, Validation};

/// Size limit for one compiled pattern (the regex crate's default is 10 MiB too; stated here so it is ours).
const PATTERN_SIZE_LIMIT: usize = 10 * (1 << 20);

/// The name of the capture group that, when present, delimits the reported span.
///
/// Rust's `regex` has no look-behind, so a pattern that needs left context (`Name:\s*(?P<pii>…)`) matches the
/// context and reports only the `pii` group.
pub const SPAN_GROUP: &str = "pii";

/// How many words before a match, on its line, are checked for negative context words.
const NEGATIVE_WINDOW: usize = 3;

/// A validator: decides whether a matched value is really of the entity type (see [`Validation`]).
pub type ValidateFn = Arc<dyn Fn(&str) -> Validation + Send + Sync>;

/// An invalidator: returns `true` when a matched value must be dropped.
pub type InvalidateFn = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// A named regular expression with a base score, as in Presidio's `Pattern`.
///
/// The regex uses Rust `regex` syntax. If it has a capture group named `pii` ([`SPAN_GROUP`]), only that group
/// is reported; otherwise the whole match is. For speed on non-ASCII text prefer ASCII word boundaries
/// `(?-u:\b)` where the entity itself is ASCII.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The pattern's name, reported in explanations.
    pub name: String,
    /// The regular expression.
    pub regex: String,
    /// The base score in `[0, 1]`.
    pub score: f64,
}

impl Pattern {
    /// A pattern named `name` with the regular expression `regex` and base score `score`.
    pub fn new(name: impl Into<String>, regex: impl Into<String>, score: f64) -> Self {
        Pattern {
            name: name.into(),
            regex: regex.into(),
            score,
        }
    }
}

struct CompiledPattern {
    spec: Pattern,
    regex: Regex,
    span_group: Option<usize>,
}

/// A recognizer made of regex patterns, with optional validation and context words.
///
/// Scores follow Presidio: each match gets its pattern's base score; a validator returning
/// [`Validation::Valid`] sets it to 1.0, [`Validation::Invalid`] drops the match, [`Validation::Unknown`] keeps
/// it; an invalidator returning `true` drops the match. Context words are applied by the engine.
///
/// # Example
///
/// ```
/// use piiscrub::{AnalyzeOptions, AnalyzerEngine, EntityType, Pattern, PatternRecognizer};
///
/// let zip = PatternRecognizer::builder("ZipRecognizer", EntityType::new("ZIP"))
///     .pattern(Pattern::new("zip5", r"(?-u:\b)\d{5}(?-u:\b)", 0.1))
///     .context(["zip", "postcode"])
///     .build()?;
/// let engine = AnalyzerEngine::builder().add_recognizer(zip).build()?;
/// let found = engine.analyze("zip: 94103", &AnalyzeOptions::default().entities(["ZIP"]))?;
/// assert_eq!((found[0].start, found[0].end), (5, 10));
/// assert!(found[0].score >= 0.4); // raised by the context word "zip"
/// # Ok::<(), piiscrub::Error>(())
/// ```
pub struct PatternRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    language: String,
    context: Vec<String>,
    negative_context: Vec<String>,
    patterns: Vec<CompiledPattern>,
    validate: Option<ValidateFn>,
    invalidate: Option<InvalidateFn>,
}

impl fmt::Debug for PatternRecognizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatternRecognizer")
            .field("name", &self.name)
            .field("entity", &self.entities[0])
            .field("language", &self.language)
            .field("patterns", &self.patterns.len())
            .finish_non_exhaustive()
    }
}

impl PatternRecognizer {
    /// Starts a recognizer called `name` that reports `entity`.
    pub fn builder(
        name: impl Into<String>,
        entity: impl Into<EntityType>,
    ) -> PatternRecognizerBuilder {
        PatternRecognizerBuilder {
            name: name.into(),
            entity: entity.into(),
            language: "en".to_string(),
            context: Vec::new(),
            negative_context: Vec::new(),
            patterns: Vec::new(),
            validate: None,
            invalidate: None,
        }
    }

    /// The patterns, in the order they were added.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.patterns.iter().map(|p| &p.spec)
    }

    /// Runs validation and invalidation on one matched value; `None` means "drop it".
    fn check(&self, value: &str) -> Option<Validation> {
        if let Some(inv) = &self.invalidate {
            if inv(value) {
                return None;
            }
        }
        match self.validate.as_ref().map(|v| v(value)) {
            Some(Validation::Invalid) => None,
            Some(v) => Some(v),
            None => Some(Validation::Unknown),
        }
    }
}

impl Recognizer for PatternRecognizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn supported_entities(&self) -> &[EntityType] {
        &self.entities
    }

    fn supported_language(&self) -> &str {
        &self.language
    }

    fn context(&self) -> &[String] {
        &self.context
    }

    fn analyze(
        &self,
        text: &str,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        if !ctx.wants(&self.entities[0]) {
            return Ok(());
        }
        for p in &self.patterns {
            match p.span_group {
                None => {
                    for m in p.regex.find_iter(text) {
                        self.emit(p, m.start(), m.end(), text, ctx, results);
                    }
                }
                Some(g) => {
                    for caps in p.regex.captures_iter(text) {
                        if let Some(m) = caps.get(g) {
                            self.emit(p, m.start(), m.end(), text, ctx, results);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

impl PatternRecognizer {
    fn emit(
        &self,
        p: &CompiledPattern,
        start: usize,
        end: usize,
        text: &str,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        if start == end {
            return;
        }
        let Some(validation) = self.check(&text[start..end]) else {
            return;
        };
        if !self.negative_context.is_empty()
            && super::context::cue_before(text, start, NEGATIVE_WINDOW, &self.negative_context)
        {
            return;
        }
        let score = match validation {
            Validation::Valid => 1.0,
            _ => p.spec.score,
        };
        let mut r = RecognizerResult::new(
            self.entities[0].clone(),
            start,
            end,
            score,
            self.name.clone(),
        );
        if ctx.return_decision_process() {
            r.explanation = Some(Box::new(AnalysisExplanation {
                recognizer: self.name.to_string(),
                pattern_name: Some(p.spec.name.clone()),
                pattern: Some(p.spec.regex.clone()),
                original_score: p.spec.score,
                score,
                textual_explanation: Some(format!(
                    "Identified as {} by {}",
                    self.entities[0], p.spec.name
                )),
                validation_result: (self.validate.is_some() || self.invalidate.is_some())
                    .then_some(validation),
                ..AnalysisExplanation::default()
            }));
        }
        results.push(r);
    }
}

/// Builds a [`PatternRecognizer`]; see [`PatternRecognizer::builder`].
#[derive(Clone)]
pub struct PatternRecognizerBuilder {
    name: String,
    entity: EntityType,
    language: String,
    context: Vec<String>,
    negative_context: Vec<String>,
    patterns: Vec<Pattern>,
    validate: Option<ValidateFn>,
    invalidate: Option<InvalidateFn>,
}

impl fmt::Debug for PatternRecognizerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatternRecognizerBuilder")
            .field("name", &self.name)
            .field("entity", &self.entity)
            .field("patterns", &self.patterns.len())
            .finish_non_exhaustive()
    }
}

impl PatternRecognizerBuilder {
    /// Adds a pattern.
    pub fn pattern(&mut self, pattern: Pattern) -> &mut Self {
        self.patterns.push(pattern);
        self
    }

    /// Adds several patterns.
    pub fn patterns(&mut self, patterns: impl IntoIterator<Item = Pattern>) -> &mut Self {
        self.patterns.extend(patterns);
        self
    }

    /// Adds context words or phrases (matched as whole words, case-insensitively).
    pub fn context<S: Into<String>>(&mut self, words: impl IntoIterator<Item = S>) -> &mut Self {
        self.context.extend(words.into_iter().map(Into::into));
        self
    }

    /// Adds negative context words: a match with one of them among the three words before it on its line
    /// is dropped (`part 412-55-0193` is a part number, not an SSN). Compared case-insensitively, whole words.
    pub fn negative_context<S: Into<String>>(
        &mut self,
        words: impl IntoIterator<Item = S>,
    ) -> &mut Self {
        self.negative_context
            .extend(words.into_iter().map(|w| w.into().to_lowercase()));
        self
    }

    /// Sets the language (ISO 639-1), `"en"` by default.
    pub fn language(&mut self, language: impl Into<String>) -> &mut Self {
        self.language = language.into();
        self
    }

    /// Sets the validator (see [`Validation`]).
    pub fn validator(
        &mut self,
        f: impl Fn(&str) -> Validation + Send + Sync + 'static,
    ) -> &mut Self {
        self.validate = Some(Arc::new(f));
        self
    }

    /// Sets the invalidator: matches for which it returns `true` are dropped.
    pub fn invalidator(&mut self, f: impl Fn(&str) -> bool + Send + Sync + 'static) -> &mut Self {
        self.invalidate = Some(Arc::new(f));
        self
    }

    /// Compiles the patterns.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidConfig`] for an empty name, no patterns, or a score outside `[0, 1]`;
    /// - [`Error::InvalidPattern`] for a pattern that does not compile, is too big, or matches the empty
    ///   string.
    pub fn build(&self) -> Result<PatternRecognizer, Error> {
        if self.name.trim().is_empty() {
            return Err(Error::InvalidConfig {
                what: "recognizer name".into(),
                reason: "must not be empty",
            });
        }
        if self.patterns.is_empty() {
            return Err(Error::InvalidConfig {
                what: self.name.clone(),
                reason: "a pattern recognizer needs at least one pattern",
            });
        }
        let mut patterns = Vec::with_capacity(self.patterns.len());
        for (i, spec) in self.patterns.iter().cloned().enumerate() {
            if !(0.0..=1.0).contains(&spec.score) {
                return Err(Error::InvalidConfig {
                    what: format!("{} pattern {i} score", self.name),
                    reason: "must be within [0, 1]",
                });
            }
            let regex = compile(&spec.regex).map_err(|kind| Error::InvalidPattern {
                owner: self.name.clone(),
                pattern_index: i,
                pattern_name: spec.name.clone(),
                kind,
            })?;
            let span_group = regex.capture_names().position(|n| n == Some(SPAN_GROUP));
            patterns.push(CompiledPattern {
                spec,
                regex,
                span_group,
            });
        }
        Ok(PatternRecognizer {
            name: Arc::from(self.name.as_str()),
            entities: [self.entity.clone()],
            language: self.language.clone(),
            context: self.context.clone(),
            negative_context: self.negative_context.clone(),
            patterns,
            validate: self.validate.clone(),
            invalidate: self.invalidate.clone(),
        })
    }
}

/// Compiles a caller's regex with our size limit, refusing patterns that match the empty string.
pub(crate) fn compile(pattern: &str) -> Result<Regex, PatternProblem> {
    let regex = regex::RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|e| PatternProblem::from_regex(&e))?;
    if regex.is_match("") {
        return Err(PatternProblem::MatchesEmpty);
    }
    Ok(regex)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rec: &PatternRecognizer, text: &str) -> Vec<(usize, usize, f64)> {
        let mut out = Vec::new();
        let ents = rec.supported_entities().to_vec();
        rec.analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| (r.start, r.end, r.score)).collect()
    }

    #[test]
    fn span_group_limits_the_span() {
        let rec = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("label", r"Name:\s*(?P<pii>[A-Z][a-z]+)", 0.6))
            .build()
            .unwrap();
        assert_eq!(run(&rec, "Name: Alice"), vec![(6, 11, 0.6)]);
    }

    #[test]
    fn validation_sets_or_drops_scores() {
        let rec = PatternRecognizer::builder("t", EntityType::new("X"))
            .pattern(Pattern::new("d", r"\d+", 0.3))
            .validator(|v| match v {
                "1" => Validation::Valid,
                "2" => Validation::Invalid,
                _ => Validation::Unknown,
            })
            .invalidator(|v| v == "4")
            .build()
            .unwrap();
        assert_eq!(run(&rec, "1 2 3 4"), vec![(0, 1, 1.0), (4, 5, 0.3)]);
    }

    #[test]
    fn bad_patterns_are_typed_errors() {
        let e = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("bad", r"(?<=x)y", 0.5))
            .build()
            .unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidPattern {
                kind: PatternProblem::Syntax,
                pattern_index: 0,
                ..
            }
        ));
        assert!(!e.to_string().contains("(?<=x)y"));
        let e = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("empty", r"a*", 0.5))
            .build()
            .unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidPattern {
                kind: PatternProblem::MatchesEmpty,
                ..
            }
        ));
        let e = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("s", r"a", 1.5))
            .build()
            .unwrap_err();
        assert!(matches!(e, Error::InvalidConfig { .. }));
    }
}
