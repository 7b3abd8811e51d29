//! [`AnonymizerEngine`]: validates spans and operators, resolves conflicts, applies operators.

use std::borrow::Cow;
use std::sync::Arc;

use super::conflict::{self, ConflictResolution, Span};
use super::operator_map::Operators;
use super::operators::OperatorConfig;
use super::output::{AnonymizedText, OperatorResult};
use crate::error::{Error, SpanProblem};
use crate::recognizers::hash::FxHashMap;
use crate::result::RecognizerResult;

/// Replaces detected entities with the output of per-entity operators.
///
/// The engine holds only its [`ConflictResolution`] strategy: it is cheap to clone, `Send + Sync`, and one
/// instance can serve every thread. Operators are passed per call ([`Operators`]).
///
/// Result offsets are **UTF-8 byte offsets** on character boundaries, as the analyzer produces them. Results
/// with code-point offsets (Presidio's JSON) must first go through
/// [`to_byte_offsets`](crate::to_byte_offsets).
///
/// # Example
///
/// ```
/// use piiscrub::{AnonymizerEngine, EntityType, OperatorConfig, Operators, RecognizerResult};
///
/// let text = "Call Zoë at 212-555-0199.";
/// let results = [
///     RecognizerResult::new(EntityType::PERSON, 5, 9, 0.85, "names".into()),
///     RecognizerResult::new(EntityType::PHONE_NUMBER, 13, 25, 0.75, "phone".into()),
/// ];
/// let operators = Operators::new().with("PHONE_NUMBER", OperatorConfig::mask('*', 4, true));
/// let out = AnonymizerEngine::new().anonymize(text, &results, &operators)?;
/// assert_eq!(out.text, "Call <PERSON> at 212-555-****.");
/// assert_eq!((out.items[0].start, out.items[0].end), (5, 13));
/// assert_eq!(out.items[1].text, "212-555-****");
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct AnonymizerEngine {
    conflict_resolution: ConflictResolution,
}

/// Configures an [`AnonymizerEngine`].
///
/// # Example
///
/// ```
/// use piiscrub::{AnonymizerEngine, ConflictResolution};
///
/// let engine = AnonymizerEngine::builder()
///     .conflict_resolution(ConflictResolution::RemoveIntersections)
///     .build();
/// assert_eq!(engine.conflict_resolution(), ConflictResolution::RemoveIntersections);
/// ```
#[derive(Debug, Clone, Default)]
pub struct AnonymizerBuilder {
    conflict_resolution: ConflictResolution,
}

impl AnonymizerBuilder {
    /// A builder with the defaults ([`ConflictResolution::MergeSimilarOrContained`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets how overlapping results are resolved.
    pub fn conflict_resolution(&mut self, strategy: ConflictResolution) -> &mut Self {
        self.conflict_resolution = strategy;
        self
    }

    /// Builds the engine.
    pub fn build(&self) -> AnonymizerEngine {
        AnonymizerEngine {
            conflict_resolution: self.conflict_resolution,
        }
    }
}

impl AnonymizerEngine {
    /// An engine with the default settings (Presidio's `merge_similar_or_contained`).
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder for an engine with other settings.
    pub fn builder() -> AnonymizerBuilder {
        AnonymizerBuilder::new()
    }

    /// The engine's conflict resolution strategy.
    pub fn conflict_resolution(&self) -> ConflictResolution {
        self.conflict_resolution
    }

    /// Replaces every detected entity of `text` according to `operators`.
    ///
    /// Steps: check the operators and every span; drop empty spans; resolve overlaps with the engine's
    /// [`ConflictResolution`] (see there); then, in one pass, copy the text between spans and apply each
    /// span's operator (looked up with [`Operators::operator_for`]) to its value. Time is `O(m + n log n)`
    /// for a text of `m` bytes and `n` results, plus the operators' own cost.
    ///
    /// # Errors
    ///
    /// Checked before any work on the text:
    ///
    /// - [`Error::InvalidOperator`] when [`Operators::validate`] fails;
    /// - [`Error::InvalidSpan`] for the first result (by position in `results`) whose `start > end`,
    ///   whose `end` is past the end of `text`, or whose offsets are not on UTF-8 character boundaries.
    ///
    /// # Example
    ///
    /// ```
    /// use piiscrub::{AnonymizerEngine, EntityType, Error, Operators, RecognizerResult, SpanProblem};
    ///
    /// let bad = [RecognizerResult::new(EntityType::PERSON, 3, 40, 0.9, "names".into())];
    /// let err = AnonymizerEngine::new().anonymize("too short", &bad, &Operators::default());
    /// assert!(matches!(err, Err(Error::InvalidSpan { index: 0, reason: SpanProblem::OutOfRange, .. })));
    /// ```
    pub fn anonymize(
        &self,
        text: &str,
        results: &[RecognizerResult],
        operators: &Operators,
    ) -> Result<AnonymizedText, Error> {
        operators.validate()?;
        let input = Input::new(text, results)?;
        let spans = conflict::resolve(text, input.spans, self.conflict_resolution);

        // The operator of each interned type, looked up once.
        let ops: Vec<&OperatorConfig> = input
            .types
            .iter()
            .map(|&i| operators.operator_for(results[i].entity_type.as_str()))
            .collect();

        let mut out = String::with_capacity(text.len());
        let mut items = Vec::with_capacity(spans.len());
        let mut copied = 0;
        for s in &spans {
            // Resolved spans are disjoint, sorted and on character boundaries of `text`.
            out.push_str(&text[copied..s.start]);
            let entity_type = &results[s.idx].entity_type;
            let op = ops[s.ty];
            let new = op
                .apply(&text[s.start..s.end], entity_type)
                .map_err(|reason| Error::InvalidOperator {
                    entity_type: entity_type.to_string(),
                    operator: op.name(),
                    reason,
                })?;
            let start = out.len();
            out.push_str(&new);
            items.push(OperatorResult {
                start,
                end: out.len(),
                entity_type: entity_type.clone(),
                text: new,
                operator: Cow::Borrowed(op.name()),
            });
            copied = s.end;
        }
        out.push_str(&text[copied..]);
        Ok(AnonymizedText { text: out, items })
    }

    /// The spans that [`anonymize`](Self::anonymize) would replace, after conflict resolution, sorted by
    /// start (byte offsets into `text`).
    ///
    /// Each returned result has the merged or trimmed offsets, the highest score of the results it came
    /// from, and the entity type and recognizer of the first of them (by position in `results`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSpan`] as for [`anonymize`](Self::anonymize).
    pub fn resolve_conflicts(
        &self,
        text: &str,
        results: &[RecognizerResult],
    ) -> Result<Vec<RecognizerResult>, Error> {
        let input = Input::new(text, results)?;
        let spans = conflict::resolve(text, input.spans, self.conflict_resolution);
        Ok(spans
            .into_iter()
            .map(|s| {
                let r = &results[s.idx];
                RecognizerResult::new(
                    r.entity_type.clone(),
                    s.start,
                    s.end,
                    s.score,
                    Arc::clone(&r.recognizer),
                )
            })
            .collect())
    }
}

/// Checked, non-empty spans with interned entity types.
struct Input {
    spans: Vec<Span>,
    /// For each type id, the index of a result of that type.
    types: Vec<usize>,
}

impl Input {
    fn new(text: &str, results: &[RecognizerResult]) -> Result<Self, Error> {
        let mut interner = Interner::default();
        let mut types = Vec::new();
        let mut spans = Vec::with_capacity(results.len());
        for (index, r) in results.iter().enumerate() {
            let problem = if r.start > r.end {
                Some(SpanProblem::Reversed)
            } else if r.end > text.len() {
                Some(SpanProblem::OutOfRange)
            } else if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
                Some(SpanProblem::NotCharBoundary)
            } else {
                None
            };
            if let Some(reason) = problem {
                return Err(Error::InvalidSpan {
                    index,
                    start: r.start,
                    end: r.end,
                    text_len: text.len(),
                    reason,
                });
            }
            if r.start == r.end {
                continue;
            }
            let ty = interner.id(r.entity_type.as_str(), || types.push(index));
            spans.push(Span {
                start: r.start,
                end: r.end,
                score: r.score,
                ty,
                idx: index,
            });
        }
        Ok(Input { spans, types })
    }
}

/// Numbers entity type names 0, 1, 2, … in order of first appearance.
///
/// A text holds a handful of types, so a short list is searched first; past [`Interner::LINEAR`] names a
/// hash map takes over, keeping the cost per result constant.
#[derive(Default)]
struct Interner<'a> {
    names: Vec<&'a str>,
    map: FxHashMap<&'a str, usize>,
}

impl<'a> Interner<'a> {
    const LINEAR: usize = 16;

    /// The id of `name`; `on_new` runs when `name` gets a new id.
    fn id(&mut self, name: &'a str, on_new: impl FnOnce()) -> usize {
        let found = if self.names.len() <= Self::LINEAR {
            self.names.iter().position(|&n| n == name)
        } else {
            self.map.get(name).copied()
        };
        if let Some(id) = found {
            return id;
        }
        let id = self.names.len();
        self.names.push(name);
        if self.names.len() > Self::LINEAR {
            if self.map.is_empty() {
                self.map
                    .extend(self.names.iter().enumerate().map(|(i, &n)| (n, i)));
            } else {
                self.map.insert(name, id);
            }
        }
        on_new();
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interner_numbers_names_in_first_seen_order_past_the_linear_limit() {
        let names: Vec<String> = (0..40).map(|i| format!("TYPE_{i}")).collect();
        let mut interner = Interner::default();
        let mut new = 0;
        for round in 0..3 {
            for (i, n) in names.iter().enumerate() {
                assert_eq!(interner.id(n, || new += 1), i, "round {round}");
            }
        }
        assert_eq!(new, names.len());
    }

    #[test]
    fn engine_is_send_sync_clone() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        fn unwind_safe<T: std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
        check::<AnonymizerEngine>();
        check::<AnonymizerBuilder>();
        check::<Operators>();
        check::<AnonymizedText>();
        unwind_safe::<AnonymizerEngine>();
    }
}
