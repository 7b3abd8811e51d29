//! The [`Recognizer`] trait: the one extension point of the analyzer.

use std::fmt;
use std::ops::Deref;
use std::sync::{Mutex, OnceLock};

use super::pattern::{ByteCounts, DigitWords, TextFacts};
use crate::analyzer::HeaderCache;
use crate::entity::EntityType;
use crate::error::Error;
use crate::recognizers::Layout;
use crate::result::RecognizerResult;

/// Something that finds entities in text: a set of regex patterns, a deny list, a gazetteer, a NER model, a
/// remote service.
///
/// Implementors push [`RecognizerResult`]s with **byte** offsets on char boundaries into `results`. The
/// [`AnalyzerEngine`](crate::AnalyzerEngine) then applies context words (from [`Recognizer::context`] and the
/// call's options), allow lists, per-type de-duplication and score thresholds, so a recognizer reports what it
/// sees with its base score and leaves the rest to the engine.
///
/// A recognizer must be `Send + Sync`: one engine is shared by reference across threads.
///
/// # Example
///
/// ```
/// use std::sync::Arc;
/// use piiscrub::{AnalyzeOptions, AnalyzerEngine, EntityType, Error, Recognizer, RecognizerContext,
///                RecognizerResult};
///
/// /// Flags employee ids such as `EMP-004211`.
/// struct EmployeeIds {
///     name: Arc<str>,
///     entities: [EntityType; 1],
/// }
///
/// impl Recognizer for EmployeeIds {
///     fn name(&self) -> &str { &self.name }
///     fn supported_entities(&self) -> &[EntityType] { &self.entities }
///     fn analyze(&self, text: &str, _ctx: &RecognizerContext<'_>, results: &mut Vec<RecognizerResult>)
///         -> Result<(), Error>
///     {
///         for (start, _) in text.match_indices("EMP-") {
///             let digits = text[start + 4..].bytes().take_while(u8::is_ascii_digit).count();
///             if digits == 6 {
///                 results.push(RecognizerResult::new(self.entities[0].clone(), start, start + 10, 0.9,
///                                                    self.name.clone()));
///             }
///         }
///         Ok(())
///     }
/// }
///
/// let engine = AnalyzerEngine::builder()
///     .add_recognizer(EmployeeIds { name: "EmployeeIds".into(), entities: [EntityType::new("EMPLOYEE_ID")] })
///     .build()?;
/// let found = engine.analyze("Escalated by EMP-004211.", &AnalyzeOptions::default())?;
/// assert!(found.iter().any(|r| r.entity_type == "EMPLOYEE_ID" && (r.start, r.end) == (13, 23)));
/// # Ok::<(), piiscrub::Error>(())
/// ```
pub trait Recognizer: Send + Sync {
    /// A unique name, reported in every result it produces.
    fn name(&self) -> &str;

    /// The entity types it can produce. The engine numbers them when it is built, so the list must not
    /// change afterwards.
    fn supported_entities(&self) -> &[EntityType];

    /// The language (ISO 639-1 code) it serves. Defaults to `"en"`. Read when the engine is built, like
    /// [`supported_entities`](Self::supported_entities).
    fn supported_language(&self) -> &str {
        "en"
    }

    /// Context words that make its results more likely (e.g. `"ssn"`, `"social security"`). The engine looks
    /// for them as whole words near each result and raises the score. Defaults to none.
    fn context(&self) -> &[String] {
        &[]
    }

    /// Finds entities in `text`, appending them to `results`.
    ///
    /// Only the types in `ctx.entities()` are wanted; producing others is allowed (the engine filters them)
    /// but wasteful.
    ///
    /// # Errors
    ///
    /// Whatever the recognizer cannot recover from; built-in recognizers never fail. Wrap foreign errors in
    /// [`Error::Recognizer`].
    fn analyze(
        &self,
        text: &str,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error>;
}

/// What the engine asks of a recognizer in one call.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct RecognizerContext<'a> {
    entities: &'a [EntityType],
    language: &'a str,
    return_decision_process: bool,
    shared: Option<&'a Shared>,
    headers: Option<&'a Mutex<HeaderCache>>,
}

/// Analyses of one text that several recognizers need (its digit words, byte counts and facts, its place
/// and organisation layout), computed by the first recognizer that asks and reused by the others during one
/// `analyze` call. One slot per kind ([`PerText`]), so a fetch is one atomic load: no lock, no search, no
/// allocation.
#[derive(Default)]
pub(crate) struct Shared {
    pub(crate) facts: OnceLock<TextFacts>,
    pub(crate) words: OnceLock<DigitWords>,
    pub(crate) counts: OnceLock<ByteCounts>,
    pub(crate) layout: OnceLock<Layout>,
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared").finish_non_exhaustive()
    }
}

/// An analysis of a whole text that has a slot in [`Shared`].
pub(crate) trait PerText: Sized + Send + Sync {
    /// Its slot.
    fn slot(shared: &Shared) -> &OnceLock<Self>;
}

/// An analysis from [`RecognizerContext::shared`]: the call's shared one, or, without a shared store, one
/// computed for the asking recognizer alone (boxed, so the reference stays two words wide).
pub(crate) enum PerTextRef<'a, T> {
    Shared(&'a T),
    Own(Box<T>),
}

impl<T> Deref for PerTextRef<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self {
            PerTextRef::Shared(v) => v,
            PerTextRef::Own(v) => v,
        }
    }
}

impl<'a> RecognizerContext<'a> {
    /// A request for `entities` in `language`, without decision process.
    pub fn new(entities: &'a [EntityType], language: &'a str) -> Self {
        RecognizerContext {
            entities,
            language,
            return_decision_process: false,
            shared: None,
            headers: None,
        }
    }

    /// The same request, looking column headers up through the engine's cache for this text.
    pub(crate) fn with_headers(mut self, headers: &'a Mutex<HeaderCache>) -> Self {
        self.headers = Some(headers);
        self
    }

    /// The engine's column-header cache for the current text, if the engine gave one.
    pub(crate) fn headers(&self) -> Option<&'a Mutex<HeaderCache>> {
        self.headers
    }

    /// The same request, sharing per-text analyses through `shared` (the engine makes one per call).
    pub(crate) fn with_shared(mut self, shared: &'a Shared) -> Self {
        self.shared = Some(shared);
        self
    }

    /// The analysis of type `T` of the current text: computed by `compute` the first time a recognizer
    /// asks during this call, then reused. Without a shared store (a recognizer called directly), it is
    /// computed each time.
    pub(crate) fn shared<T: PerText>(&self, compute: impl FnOnce() -> T) -> PerTextRef<'a, T> {
        match self.shared {
            Some(shared) => PerTextRef::Shared(T::slot(shared).get_or_init(compute)),
            None => PerTextRef::Own(Box::new(compute())),
        }
    }

    /// The same request, asking for explanations when `yes`.
    pub fn with_decision_process(mut self, yes: bool) -> Self {
        self.return_decision_process = yes;
        self
    }

    /// The entity types wanted from this recognizer (a subset of its supported ones).
    pub fn entities(&self) -> &'a [EntityType] {
        self.entities
    }

    /// Whether `entity` is wanted.
    pub fn wants(&self, entity: &EntityType) -> bool {
        self.entities.contains(entity)
    }

    /// The language of the text.
    pub fn language(&self) -> &'a str {
        self.language
    }

    /// Whether results should carry an [`AnalysisExplanation`](crate::AnalysisExplanation).
    pub fn return_decision_process(&self) -> bool {
        self.return_decision_process
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn per_text_analyses_are_computed_once_per_store() {
        let text = "card 4111 1111 1111 1111, order 12-34";
        let computed = Cell::new(0);
        let count = || {
            computed.set(computed.get() + 1);
            DigitWords::of(text)
        };
        let store = Shared::default();
        let ctx = RecognizerContext::new(&[], "en").with_shared(&store);
        let first = ctx.shared(count);
        let again = ctx.shared(count);
        assert_eq!(computed.get(), 1);
        assert!(std::ptr::eq(&*first, &*again));
        assert_eq!(*first, DigitWords::of(text));
        // Another kind has its own slot.
        let facts = ctx.shared(|| TextFacts::of(text));
        assert_eq!(*facts, TextFacts::of(text));
        assert_eq!(computed.get(), 1);
        // Without a store, each fetch computes.
        let direct = RecognizerContext::new(&[], "en");
        assert_eq!(*direct.shared(count), *first);
        assert_eq!(*direct.shared(count), *first);
        assert_eq!(computed.get(), 3);
    }
}
