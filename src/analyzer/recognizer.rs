//! The [`Recognizer`] trait: the one extension point of the analyzer.

use std::any::{Any, TypeId};
use std::fmt;
use std::sync::{Arc, Mutex};

use crate::analyzer::HeaderCache;
use crate::entity::EntityType;
use crate::error::Error;
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

    /// The language (ISO 639-1 code) it serves. Defaults to `"en"`.
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

/// Analyses of one text that several recognizers need (its tokens, tables, organisation names), computed
/// by the first recognizer that asks and reused by the others during one `analyze` call.
#[derive(Default)]
pub(crate) struct Shared {
    slots: Mutex<Vec<(TypeId, Arc<dyn Any + Send + Sync>)>>,
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared").finish_non_exhaustive()
    }
}

impl Shared {
    fn get<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        let slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        let (_, v) = slots.iter().find(|(id, _)| *id == TypeId::of::<T>())?;
        v.clone().downcast::<T>().ok()
    }

    fn put<T: Any + Send + Sync>(&self, value: Arc<T>) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        slots.push((TypeId::of::<T>(), value));
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
    pub(crate) fn shared<T: Any + Send + Sync>(&self, compute: impl FnOnce() -> T) -> Arc<T> {
        let Some(shared) = self.shared else {
            return Arc::new(compute());
        };
        if let Some(v) = shared.get::<T>() {
            return v;
        }
        let v = Arc::new(compute());
        shared.put(v.clone());
        v
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
