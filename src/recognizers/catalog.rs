//! The catalog of predefined recognizers: what exists, for which languages, and what is on by default.

use std::sync::{Arc, LazyLock, OnceLock};

use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

/// Which languages a predefined recognizer serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Languages {
    /// Language-independent formats (emails, cards, IBANs, …): available in every language.
    Any,
    /// Only these languages (ISO 639-1), e.g. a Spanish national ID in `"es"`.
    Only(&'static [&'static str]),
}

impl Languages {
    /// Whether `language` is served.
    pub fn includes(&self, language: &str) -> bool {
        match self {
            Languages::Any => true,
            Languages::Only(list) => list.contains(&language),
        }
    }
}

/// A predefined recognizer's entry in the catalog (the description; the recognizer itself is compiled on
/// first use and shared).
#[derive(Clone, Copy)]
pub struct Spec {
    /// The recognizer's name, as Presidio names it (e.g. `UsSsnRecognizer`).
    pub name: &'static str,
    /// The languages it serves.
    pub languages: Languages,
    /// Whether it is on in the default registry (Presidio's default state).
    pub enabled_by_default: bool,
    /// Builds it. Called at most once per process.
    pub build: fn() -> Arc<dyn Recognizer>,
}

impl std::fmt::Debug for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spec")
            .field("name", &self.name)
            .field("languages", &self.languages)
            .field("enabled_by_default", &self.enabled_by_default)
            .finish()
    }
}

struct Entry {
    spec: Spec,
    built: OnceLock<Arc<dyn Recognizer>>,
}

impl Entry {
    fn get(&self) -> Arc<dyn Recognizer> {
        self.built.get_or_init(self.spec.build).clone()
    }
}

static CATALOG: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    super::SPECS
        .iter()
        .chain(super::country::ALL)
        .flat_map(|family| family.iter().copied())
        .map(|spec| Entry {
            spec,
            built: OnceLock::new(),
        })
        .collect()
});

/// Every predefined recognizer, enabled by default or not.
pub fn catalog() -> impl Iterator<Item = &'static Spec> {
    CATALOG.iter().map(|e| &e.spec)
}

/// The recognizers enabled by default for `language`.
pub fn predefined(language: &str) -> Vec<Arc<dyn Recognizer>> {
    CATALOG
        .iter()
        .filter(|e| e.spec.enabled_by_default && e.spec.languages.includes(language))
        .map(|e| for_language(e, language))
        .collect()
}

/// The predefined recognizer called `name`, for `language`.
///
/// # Errors
///
/// [`Error::InvalidConfig`] when no predefined recognizer has that name or it does not serve `language`.
pub fn predefined_by_name(name: &str, language: &str) -> Result<Arc<dyn Recognizer>, Error> {
    let entry = CATALOG
        .iter()
        .find(|e| e.spec.name == name)
        .ok_or_else(|| Error::InvalidConfig {
            what: format!("predefined recognizer {name}"),
            reason: "no predefined recognizer has this name",
        })?;
    if !entry.spec.languages.includes(language) {
        return Err(Error::InvalidConfig {
            what: format!("predefined recognizer {name}"),
            reason: "does not serve the requested language",
        });
    }
    Ok(for_language(entry, language))
}

fn for_language(entry: &Entry, language: &str) -> Arc<dyn Recognizer> {
    let r = entry.get();
    if r.supported_language() == language {
        r
    } else {
        Arc::new(ForLanguage {
            inner: r,
            language: language.to_string(),
        })
    }
}

/// A language-independent recognizer presented for another language.
struct ForLanguage {
    inner: Arc<dyn Recognizer>,
    language: String,
}

impl Recognizer for ForLanguage {
    fn name(&self) -> &str {
        self.inner.name()
    }

    fn supported_entities(&self) -> &[EntityType] {
        self.inner.supported_entities()
    }

    fn supported_language(&self) -> &str {
        &self.language
    }

    fn context(&self) -> &[String] {
        self.inner.context()
    }

    fn analyze(
        &self,
        text: &str,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        self.inner.analyze(text, ctx, results)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_builds_every_recognizer_with_unique_names() {
        let mut names: Vec<&str> = catalog().map(|s| s.name).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "duplicate names in the catalog");
        for spec in catalog() {
            let r = (spec.build)();
            assert_eq!(r.name(), spec.name);
            assert!(!r.supported_entities().is_empty(), "{}", spec.name);
            if let Languages::Only(langs) = spec.languages {
                assert!(langs.contains(&r.supported_language()), "{}", spec.name);
            }
        }
    }

    #[test]
    fn global_recognizers_serve_other_languages() {
        let es = predefined("es");
        let email = es.iter().find(|r| r.name() == "EmailRecognizer").unwrap();
        assert_eq!(email.supported_language(), "es");
        assert!(predefined_by_name("NoSuchRecognizer", "en").is_err());
    }
}
