//! [`DenyListRecognizer`]: a fixed list of values, found word-bounded and case-insensitively in one pass.

use std::fmt;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::recognizer::{Recognizer, RecognizerContext};
use crate::entity::EntityType;
use crate::error::Error;
use crate::result::{AnalysisExplanation, RecognizerResult};

/// Finds every occurrence of a list of values (names, code words, project names) with one Aho-Corasick pass.
///
/// Matching is case-insensitive (ASCII letters in any case; for non-ASCII letters the term as given, its
/// lower-case, upper-case and title-case forms) and word-bounded: a match must not have a letter or digit
/// directly before or after it, so `Ann` does not fire inside `Annual`. Overlapping terms are all reported
/// and the engine keeps the longest. The default score is 1.0, as in Presidio.
///
/// # Example
///
/// ```
/// use piiscrub::{AnalyzeOptions, AnalyzerEngine, DenyListRecognizer, EntityType};
///
/// let titles = DenyListRecognizer::new("TitleRecognizer", EntityType::new("TITLE"), ["Mr", "Mrs", "Dr"])?;
/// let engine = AnalyzerEngine::builder().add_recognizer(titles).build()?;
/// let found = engine.analyze("DR. Jones and MRS Dray", &AnalyzeOptions::default().entities(["TITLE"]))?;
/// assert_eq!(found.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>(), [(0, 2), (14, 17)]);
/// # Ok::<(), piiscrub::Error>(())
/// ```
pub struct DenyListRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    language: String,
    context: Vec<String>,
    score: f64,
    matcher: AhoCorasick,
    terms: usize,
}

impl fmt::Debug for DenyListRecognizer {
    // The terms may be personal data themselves: show the count only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DenyListRecognizer")
            .field("name", &self.name)
            .field("entity", &self.entities[0])
            .field("terms", &self.terms)
            .field("score", &self.score)
            .finish_non_exhaustive()
    }
}

impl DenyListRecognizer {
    /// A recognizer called `name` reporting `entity` for each of `terms`, with score 1.0.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] when the name is empty, there are no non-blank terms, or the automaton would
    /// be too large.
    pub fn new<S: AsRef<str>>(
        name: impl Into<String>,
        entity: impl Into<EntityType>,
        terms: impl IntoIterator<Item = S>,
    ) -> Result<Self, Error> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(Error::InvalidConfig {
                what: "recognizer name".into(),
                reason: "must not be empty",
            });
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut terms_count = 0;
        for t in terms {
            let t = t.as_ref().trim();
            if t.is_empty() {
                continue;
            }
            terms_count += 1;
            patterns.push(t.to_string());
            if !t.is_ascii() {
                patterns.push(t.to_lowercase());
                patterns.push(t.to_uppercase());
                patterns.push(title_case(t));
            }
        }
        if patterns.is_empty() {
            return Err(Error::InvalidConfig {
                what: name,
                reason: "a deny list needs at least one non-blank term",
            });
        }
        patterns.sort_unstable();
        patterns.dedup();
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|_| Error::InvalidConfig {
                what: name.clone(),
                reason: "deny list is too large to compile",
            })?;
        Ok(DenyListRecognizer {
            name: Arc::from(name),
            entities: [entity.into()],
            language: "en".into(),
            context: Vec::new(),
            score: 1.0,
            matcher,
            terms: terms_count,
        })
    }

    /// Sets the score of every match (default 1.0).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] when `score` is outside `[0, 1]`.
    pub fn with_score(mut self, score: f64) -> Result<Self, Error> {
        if !(0.0..=1.0).contains(&score) {
            return Err(Error::InvalidConfig {
                what: format!("{} score", self.name),
                reason: "must be within [0, 1]",
            });
        }
        self.score = score;
        Ok(self)
    }

    /// Sets the language (default `"en"`).
    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = language.into();
        self
    }

    /// Sets context words.
    pub fn with_context<S: Into<String>>(mut self, words: impl IntoIterator<Item = S>) -> Self {
        self.context = words.into_iter().map(Into::into).collect();
        self
    }
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_word_start = true;
    for c in s.chars() {
        if at_word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        at_word_start = !c.is_alphanumeric();
    }
    out
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

impl Recognizer for DenyListRecognizer {
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
        let first_new = results.len();
        for m in self.matcher.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            // Patterns are whole strings, so matches start and end on char boundaries.
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let first = text[start..end].chars().next();
            let last = text[start..end].chars().next_back();
            // A boundary is only required where the term itself starts/ends with a word character.
            if (is_word_char(first) && is_word_char(before))
                || (is_word_char(last) && is_word_char(after))
            {
                continue;
            }
            let mut r = RecognizerResult::new(
                self.entities[0].clone(),
                start,
                end,
                self.score,
                self.name.clone(),
            );
            if ctx.return_decision_process() {
                r.explanation = Some(Box::new(AnalysisExplanation {
                    recognizer: self.name.to_string(),
                    pattern_name: Some("deny_list".into()),
                    original_score: self.score,
                    score: self.score,
                    textual_explanation: Some(format!(
                        "Identified as {} by deny list",
                        self.entities[0]
                    )),
                    ..AnalysisExplanation::default()
                }));
            }
            results.push(r);
        }
        // Several case variants of one term can match the same bytes: report each span once.
        let new = &mut results[first_new..];
        new.sort_unstable_by_key(|r| (r.start, r.end));
        let mut kept = first_new;
        for i in first_new..results.len() {
            if kept == first_new
                || (results[kept - 1].start, results[kept - 1].end)
                    != (results[i].start, results[i].end)
            {
                results.swap(kept, i);
                kept += 1;
            }
        }
        results.truncate(kept);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rec: &DenyListRecognizer, text: &str) -> Vec<(usize, usize)> {
        let ents = rec.supported_entities().to_vec();
        let mut out = Vec::new();
        rec.analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        let mut v: Vec<_> = out.iter().map(|r| (r.start, r.end)).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn word_bounded_and_case_insensitive() {
        let rec = DenyListRecognizer::new("t", EntityType::PERSON, ["Ann", "Ann Lee"]).unwrap();
        assert_eq!(
            run(&rec, "ANN lee met Annual ann."),
            vec![(0, 3), (0, 7), (19, 22)]
        );
    }

    #[test]
    fn non_ascii_terms_match_common_casings() {
        let rec = DenyListRecognizer::new("t", EntityType::PERSON, ["Zoë Müller"]).unwrap();
        assert_eq!(
            run(&rec, "zoë müller / ZOË MÜLLER / Zoë Müller!"),
            vec![(0, 12), (15, 27), (30, 42)]
        );
        assert_eq!(run(&rec, "xZoë Müller"), vec![]);
    }

    #[test]
    fn rejects_empty_config_and_hides_terms() {
        assert!(DenyListRecognizer::new("t", EntityType::PERSON, ["  "]).is_err());
        assert!(DenyListRecognizer::new("", EntityType::PERSON, ["a"]).is_err());
        let rec = DenyListRecognizer::new("t", EntityType::PERSON, ["Secret Name"]).unwrap();
        assert!(!format!("{rec:?}").contains("Secret"));
        assert!(rec.with_score(1.5).is_err());
    }
}
