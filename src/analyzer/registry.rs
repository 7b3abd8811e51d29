//! [`RecognizerRegistry`]: the set of recognizers an engine is built from.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use super::recognizer::Recognizer;
use crate::entity::EntityType;

/// An ordered set of recognizers, looked up by name.
///
/// [`RecognizerRegistry::predefined`] holds piiscrub's built-in recognizers for every language it supports
/// (compiled once per process and shared); [`RecognizerRegistry::new`] is empty. Recognizers are held in
/// `Arc`s, so cloning a registry is cheap.
///
/// # Example
///
/// ```
/// use piiscrub::{AnalyzerEngine, RecognizerRegistry};
///
/// let mut registry = RecognizerRegistry::predefined();
/// assert!(registry.remove("UrlRecognizer"));
/// let engine = AnalyzerEngine::builder().registry(registry).build()?;
/// assert!(engine.recognizers().iter().all(|r| r.name != "UrlRecognizer"));
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct RecognizerRegistry {
    recognizers: Vec<Arc<dyn Recognizer>>,
}

impl fmt::Debug for RecognizerRegistry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.recognizers.iter().map(|r| r.name()))
            .finish()
    }
}

impl RecognizerRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        RecognizerRegistry::default()
    }

    /// The predefined recognizers enabled by default for English (Presidio's default registry).
    pub fn predefined() -> Self {
        RecognizerRegistry::predefined_for(&["en"])
    }

    /// The predefined recognizers enabled by default for each of `languages` (ISO 639-1). Language-independent
    /// ones (emails, cards, IBANs, …) are included once per language.
    pub fn predefined_for(languages: &[&str]) -> Self {
        RecognizerRegistry {
            recognizers: languages
                .iter()
                .flat_map(|l| crate::recognizers::predefined(l))
                .collect(),
        }
    }

    /// Adds the predefined recognizer called `name` for `language`, including those off by default (for
    /// example `UkNinoRecognizer`). See [`recognizers::catalog`](crate::recognizers::catalog) for the list.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`](crate::Error::InvalidConfig) when there is no such predefined recognizer or
    /// it does not serve `language`.
    pub fn add_predefined(
        &mut self,
        name: &str,
        language: &str,
    ) -> Result<&mut Self, crate::Error> {
        let r = crate::recognizers::predefined_by_name(name, language)?;
        Ok(self.add_shared(r))
    }

    /// Adds a recognizer. A recognizer with the same name replaces the earlier one.
    pub fn add(&mut self, recognizer: impl Recognizer + 'static) -> &mut Self {
        self.add_shared(Arc::new(recognizer))
    }

    /// Adds a recognizer that is already shared. A recognizer with the same name replaces the earlier one.
    pub fn add_shared(&mut self, recognizer: Arc<dyn Recognizer>) -> &mut Self {
        self.recognizers.retain(|r| {
            r.name() != recognizer.name()
                || r.supported_language() != recognizer.supported_language()
        });
        self.recognizers.push(recognizer);
        self
    }

    /// Removes every recognizer called `name`; returns whether any was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.recognizers.len();
        self.recognizers.retain(|r| r.name() != name);
        self.recognizers.len() != before
    }

    /// The recognizer called `name`, if any (the first one, if it exists for several languages).
    pub fn get(&self, name: &str) -> Option<&Arc<dyn Recognizer>> {
        self.recognizers.iter().find(|r| r.name() == name)
    }

    /// All recognizers, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<dyn Recognizer>> {
        self.recognizers.iter()
    }

    /// Number of recognizers.
    pub fn len(&self) -> usize {
        self.recognizers.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.recognizers.is_empty()
    }

    /// A description of every recognizer.
    pub fn info(&self) -> Vec<RecognizerInfo> {
        self.recognizers
            .iter()
            .map(|r| RecognizerInfo::of(r.as_ref()))
            .collect()
    }
}

/// What a recognizer is: its name, entity types, language and context words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecognizerInfo {
    /// The recognizer's name.
    pub name: String,
    /// The entity types it produces.
    pub entities: Vec<EntityType>,
    /// Its language.
    pub language: String,
    /// Its context words.
    pub context: Vec<String>,
}

impl RecognizerInfo {
    pub(crate) fn of(r: &dyn Recognizer) -> Self {
        RecognizerInfo {
            name: r.name().to_string(),
            entities: r.supported_entities().to_vec(),
            language: r.supported_language().to_string(),
            context: r.context().to_vec(),
        }
    }
}
