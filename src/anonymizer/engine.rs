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
/// assert_eq!(out.text_of(&out.items[1]), Some("212-555-****"));
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
        if self.conflict_resolution == ConflictResolution::MergeSimilarOrContained
            && results.len() > CHUNK
        {
            return self.anonymize_in_chunks(text, results, operators, CHUNK);
        }
        self.anonymize_whole(text, results, operators)
    }

    /// [`anonymize`](Self::anonymize) resolving every span at once.
    fn anonymize_whole(
        &self,
        text: &str,
        results: &[RecognizerResult],
        operators: &Operators,
    ) -> Result<AnonymizedText, Error> {
        let input = Input::new(text, results)?;
        let spans = conflict::resolve(text, input.spans, self.conflict_resolution);

        // The operator of each interned type, looked up once.
        let ops: Vec<&OperatorConfig> = input
            .types
            .iter()
            .map(|&i| operators.operator_for(results[i].entity_type.as_str()))
            .collect();

        let mut writer = Writer::new(text, results, spans.len());
        for s in &spans {
            writer.write(s, ops[s.ty])?;
        }
        Ok(writer.finish())
    }

    /// [`anonymize`](Self::anonymize) under [`ConflictResolution::MergeSimilarOrContained`], resolving
    /// `chunk` spans or a few more at a time when the results come sorted by start (else all at once).
    ///
    /// A chunk ends only where no span so far reaches past the next one's start. Spans on either side of
    /// such a cut never intersect, contain or trim one another, so every step of the strategy but the last
    /// gives per chunk what it gives on the whole; the last (merging same-type neighbours across spaces) is
    /// a left fold, continued across the cut with the previous chunk's last span held back. So the output
    /// is the same, and the spans being resolved stay few (and in cache) however many results there are.
    fn anonymize_in_chunks(
        &self,
        text: &str,
        results: &[RecognizerResult],
        operators: &Operators,
        chunk: usize,
    ) -> Result<AnonymizedText, Error> {
        // The same checks, in the same order, before any work on the text; in the same pass, whether the
        // results come sorted by start, as chunks need (else they are resolved whole).
        let mut sorted = true;
        let mut last_start = 0;
        for (index, r) in results.iter().enumerate() {
            check_span(text, index, r)?;
            sorted &= r.start >= last_start;
            last_start = r.start;
        }
        if !sorted {
            return self.anonymize_whole(text, results, operators);
        }
        let mut interner = Interner::default();
        let mut ops: Vec<&OperatorConfig> = Vec::new();
        let mut writer = Writer::new(text, results, results.len());
        let mut spans: Vec<Span> = Vec::with_capacity(chunk + 1);
        let mut held: Option<Span> = None;
        let mut reach = 0;
        for (index, r) in results.iter().enumerate() {
            if r.start == r.end {
                continue;
            }
            if spans.len() >= chunk && r.start >= reach {
                spans = flush(text, spans, &mut held, &mut writer, &ops)?;
            }
            let name = r.entity_type.as_str();
            let ty = interner.id(name, || ops.push(operators.operator_for(name)));
            spans.push(Span::of(r, index, ty));
            reach = reach.max(r.end);
        }
        flush(text, spans, &mut held, &mut writer, &ops)?;
        if let Some(last) = held {
            writer.write(&last, ops[last.ty])?;
        }
        Ok(writer.finish())
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

/// Results above which [`AnonymizerEngine::anonymize`] resolves conflicts a chunk at a time.
const CHUNK: usize = 4096;

/// Resolves one chunk of spans and writes them, holding the last one back (see
/// [`AnonymizerEngine::anonymize_in_chunks`]); returns the emptied buffer.
fn flush(
    text: &str,
    spans: Vec<Span>,
    held: &mut Option<Span>,
    writer: &mut Writer<'_>,
    ops: &[&OperatorConfig],
) -> Result<Vec<Span>, Error> {
    let mut resolved = conflict::resolve(text, spans, ConflictResolution::MergeSimilarOrContained);
    for s in resolved.drain(..) {
        match held {
            Some(h) if conflict::merges_across_spaces(text, h, &s) => h.absorb(&s),
            _ => {
                if let Some(h) = held.replace(s) {
                    writer.write(&h, ops[h.ty])?;
                }
            }
        }
    }
    Ok(resolved)
}

/// Builds the anonymized text and its items from resolved spans, in order.
struct Writer<'a> {
    text: &'a str,
    results: &'a [RecognizerResult],
    out: String,
    items: Vec<OperatorResult>,
    copied: usize,
}

impl<'a> Writer<'a> {
    fn new(text: &'a str, results: &'a [RecognizerResult], spans: usize) -> Self {
        Writer {
            text,
            results,
            out: String::with_capacity(text.len()),
            items: Vec::with_capacity(spans),
            copied: 0,
        }
    }

    /// Copies the text up to `s` and applies `op` to it. Spans come disjoint, sorted and on character
    /// boundaries of the text.
    fn write(&mut self, s: &Span, op: &OperatorConfig) -> Result<(), Error> {
        self.out.push_str(&self.text[self.copied..s.start]);
        let entity_type = &self.results[s.idx].entity_type;
        let start = self.out.len();
        op.push(&self.text[s.start..s.end], entity_type, &mut self.out)
            .map_err(|reason| Error::InvalidOperator {
                entity_type: entity_type.to_string(),
                operator: op.name(),
                reason,
            })?;
        self.items.push(OperatorResult {
            start,
            end: self.out.len(),
            entity_type: entity_type.clone(),
            operator: Cow::Borrowed(op.name()),
        });
        self.copied = s.end;
        Ok(())
    }

    fn finish(mut self) -> AnonymizedText {
        self.out.push_str(&self.text[self.copied..]);
        AnonymizedText {
            text: self.out,
            items: self.items,
        }
    }
}

impl Span {
    /// The span of result `index`, `r`, whose type has id `ty`.
    fn of(r: &RecognizerResult, index: usize, ty: usize) -> Span {
        Span {
            start: r.start,
            end: r.end,
            score: r.score,
            ty,
            idx: index,
        }
    }
}

/// The [`Error::InvalidSpan`] for result `index`, if its span does not fit `text`.
fn check_span(text: &str, index: usize, r: &RecognizerResult) -> Result<(), Error> {
    let problem = if r.start > r.end {
        Some(SpanProblem::Reversed)
    } else if r.end > text.len() {
        Some(SpanProblem::OutOfRange)
    } else if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
        Some(SpanProblem::NotCharBoundary)
    } else {
        None
    };
    match problem {
        Some(reason) => Err(Error::InvalidSpan {
            index,
            start: r.start,
            end: r.end,
            text_len: text.len(),
            reason,
        }),
        None => Ok(()),
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
            check_span(text, index, r)?;
            if r.start == r.end {
                continue;
            }
            let ty = interner.id(r.entity_type.as_str(), || types.push(index));
            spans.push(Span::of(r, index, ty));
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
            // Results of one type mostly share the name's bytes (a built-in type's static name, or one
            // `Arc`), so the address usually decides without comparing bytes.
            self.names
                .iter()
                .position(|&n| std::ptr::eq(n, name) || n == name)
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
    use crate::EntityType;

    /// Random results over a text of short words and gaps of spaces, commas and newlines: nested,
    /// overlapping, touching, equal and empty spans of three types with tied scores, sorted by start.
    fn random_case(seed: u64) -> (String, Vec<RecognizerResult>) {
        let mut rng = crate::test_rng::XorShift::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut next = |n: usize| rng.below(n);
        let mut text = String::new();
        for _ in 0..200 {
            text.push_str(["ab", "Zoë", "x", "1234"][next(4)]);
            text.push_str([" ", "  ", ", ", "\n", ""][next(5)]);
        }
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let types = [EntityType::PERSON, EntityType::LOCATION, EntityType::URL];
        let mut results = Vec::new();
        for _ in 0..next(300) {
            let a = next(bounds.len());
            let len = [0, 1, 2, 3, 5, 9, 20][next(7)];
            let b = (a + len).min(bounds.len() - 1);
            let score = [0.5, 0.85, 1.0][next(3)];
            let ty = types[next(3)].clone();
            results.push(RecognizerResult::new(
                ty,
                bounds[a],
                bounds[b],
                score,
                "t".into(),
            ));
        }
        results.sort_by_key(|r| r.start);
        (text, results)
    }

    /// Resolving a chunk at a time gives what resolving everything at once gives, for every cut.
    #[test]
    fn chunks_anonymize_like_the_whole() {
        let engine = AnonymizerEngine::new();
        let operators = Operators::default();
        let mut items = 0;
        for seed in 0..300 {
            let (text, results) = random_case(seed);
            let whole = engine.anonymize_whole(&text, &results, &operators).unwrap();
            for chunk in [1, 2, 3, 5, 64] {
                let chunked = engine
                    .anonymize_in_chunks(&text, &results, &operators, chunk)
                    .unwrap();
                assert_eq!(chunked, whole, "seed {seed}, chunk {chunk}");
                // Unsorted results are resolved whole: the first result moved to the end would land
                // in a chunk after spans that follow it in the text.
                let mut unsorted = results.clone();
                unsorted.rotate_left(1);
                if !unsorted.is_sorted_by_key(|r| r.start) {
                    let out = engine.anonymize_in_chunks(&text, &unsorted, &operators, chunk);
                    let expected = engine.anonymize_whole(&text, &unsorted, &operators);
                    assert_eq!(
                        out.unwrap(),
                        expected.unwrap(),
                        "seed {seed}, chunk {chunk}"
                    );
                }
            }
            items += whole.items.len();
        }
        assert!(items > 10_000, "{items}");
    }

    /// Span errors are the same as resolving at once: the first bad result, before any work.
    #[test]
    fn chunks_report_the_first_bad_span() {
        let engine = AnonymizerEngine::new();
        let text = "Zoë and Ann";
        let ok = RecognizerResult::new(EntityType::PERSON, 0, 4, 0.9, "t".into());
        let bad = RecognizerResult::new(EntityType::PERSON, 2, 3, 0.9, "t".into());
        let out = RecognizerResult::new(EntityType::PERSON, 8, 40, 0.9, "t".into());
        let results = [ok, bad, out];
        let chunked = engine.anonymize_in_chunks(text, &results, &Operators::default(), 1);
        let whole = engine.anonymize_whole(text, &results, &Operators::default());
        assert!(matches!(
            chunked,
            Err(Error::InvalidSpan {
                index: 1,
                reason: SpanProblem::NotCharBoundary,
                ..
            })
        ));
        assert_eq!(format!("{chunked:?}"), format!("{whole:?}"));
    }

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
