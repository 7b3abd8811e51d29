//! [`AnalyzerEngine`] and its builder.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, LazyLock, Mutex};

use super::context::{
    CONTEXT_BOOST, ContextWindow, ContextWords, HeaderCache, MIN_SCORE_WITH_CONTEXT, WordBuf,
};
use super::dedup::{remove_contained_across_types, remove_duplicates};
use super::options::AnalyzeOptions;
use super::recognizer::{Recognizer, RecognizerContext, Shared};
use super::registry::{RecognizerInfo, RecognizerRegistry};
use super::segments;
use crate::entity::EntityType;
use crate::error::Error;
use crate::recognizers::hash::FxHashMap;
use crate::result::{AnalysisExplanation, RecognizerResult};

/// The default score threshold: the score a weak pattern reaches with one context word.
pub const DEFAULT_THRESHOLD: f64 = 0.4;

/// Runs recognizers over text and returns scored, de-duplicated results.
///
/// Build it once (every pattern compiles then) and share it: it is `Send + Sync`, and cloning is an `Arc`
/// increment.
///
/// # Scoring
///
/// Each recognizer reports matches with a base score. Validators (checksums) set a valid match to 1.0 and
/// drop an invalid one. Then the engine applies **context**: if a context word of the recognizer (or one
/// passed in [`AnalyzeOptions::context`]) occurs as a whole word within a window of words before or after
/// the match (before it, or after it on the same line), the score rises by 0.35, to at least 0.4 and at most 1.0.
/// Words are compared lower-cased, with a trailing plural `s` ignored, so `"ssn"` matches `SSNs:` but `"lic"` does not match `public`. In
/// delimited data (CSV, TSV) the column's header cell counts as context too, so `536228726` under an
/// `ssn` header is recognised like `SSN: 536228726`; and when one cell is reported as two types, one
/// supported by its column header and the other only by a word elsewhere in the row, the row word's boost
/// is taken back (a nine-digit value under `passport_no` is not also a licence because the row says `DL`).
///
/// After context, results whose value is on the allow list are dropped, then results below the score
/// threshold (global or per type; 0.4 unless set, so weak patterns need context), then **same-type
/// duplicates**: a result contained in (or equal to) another result of the same type with a higher or equal
/// score goes. Then, unless [`AnalyzerBuilder::cross_type_dedup`] is off, a result lying strictly inside a
/// result of another type with a higher or equal score goes too (a card number inside an IBAN; URLs are
/// exempt as containers, since query strings and paths carry emails, IPs and names). Partial
/// overlaps and identical spans of different types remain; the anonymizer resolves those. The rest are
/// returned sorted by position.
///
/// # Example
///
/// ```
/// use piiscrub::{AnalyzeOptions, AnalyzerEngine};
///
/// let engine = AnalyzerEngine::new();
/// let text = "Dear Bob Johnson, your card 4111 1111 1111 1111 was charged.";
/// let results = engine.analyze(text, &AnalyzeOptions::default())?;
/// let found: Vec<_> = results.iter().map(|r| (r.entity_type.as_str(), &text[r.start..r.end])).collect();
/// assert!(found.contains(&("PERSON", "Bob Johnson")));
/// assert!(found.contains(&("CREDIT_CARD", "4111 1111 1111 1111")));
/// # Ok::<(), piiscrub::Error>(())
/// ```
#[derive(Clone)]
pub struct AnalyzerEngine {
    inner: Arc<Inner>,
}

struct Inner {
    entries: Vec<Entry>,
    /// Every entity type the recognizers support, numbered in order of first appearance.
    type_ids: FxHashMap<EntityType, usize>,
    /// Every language the recognizers serve, numbered in order of first appearance.
    languages: Vec<String>,
    default_threshold: f64,
    window: ContextWindow,
    cross_type_dedup: bool,
}

struct Entry {
    recognizer: Arc<dyn Recognizer>,
    context: ContextWords,
    /// The recognizer's entity types as numbered in [`Inner::type_ids`], one bit each; `None` when a
    /// number is past the mask's width (the entity filter is then checked type by type).
    mask: Option<TypeMask>,
    /// The recognizer's language as numbered in [`Inner::languages`]; for an ad-hoc recognizer, the
    /// call's language number when it serves that language, else [`OTHER_LANGUAGE`].
    language: usize,
}

/// The language number of an ad-hoc recognizer that does not serve the call's language.
const OTHER_LANGUAGE: usize = usize::MAX;

/// The call's language number when no built recognizer serves it.
const UNSERVED_LANGUAGE: usize = usize::MAX - 1;

/// A set of entity types as bits of their numbers in [`Inner::type_ids`].
type TypeMask = u128;

impl fmt::Debug for AnalyzerEngine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnalyzerEngine")
            .field(
                "recognizers",
                &self
                    .inner
                    .entries
                    .iter()
                    .map(|e| e.recognizer.name())
                    .collect::<Vec<_>>(),
            )
            .field("default_threshold", &self.inner.default_threshold)
            .field("context_window", &self.inner.window)
            .finish()
    }
}

static DEFAULT_ENGINE: LazyLock<AnalyzerEngine> = LazyLock::new(|| {
    AnalyzerBuilder::default()
        .build()
        .expect("the predefined recognizers form a valid engine (tested)")
});

impl Default for AnalyzerEngine {
    fn default() -> Self {
        AnalyzerEngine::new()
    }
}

impl AnalyzerEngine {
    /// The engine with every predefined recognizer and default settings.
    ///
    /// The first call compiles the recognizers; later calls return a clone of the same engine.
    pub fn new() -> Self {
        DEFAULT_ENGINE.clone()
    }

    /// A builder starting from the predefined recognizers.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// Finds entities in `text`.
    ///
    /// Results are sorted by start offset (then end, then type); offsets are UTF-8 byte offsets.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidConfig`] for a threshold outside `[0, 1]` or an empty language, and when a
    ///   recognizer returns a span that does not fit `text` or a score outside `[0, 1]`;
    /// - whatever a caller-supplied recognizer returns.
    pub fn analyze(
        &self,
        text: &str,
        options: &AnalyzeOptions,
    ) -> Result<Vec<RecognizerResult>, Error> {
        let mut results = Vec::new();
        self.analyze_into(text, options, &mut results)?;
        Ok(results)
    }

    /// Like [`analyze`](Self::analyze), writing into `results` (cleared first) so its allocation can be
    /// reused across calls.
    ///
    /// # Errors
    ///
    /// As for [`analyze`](Self::analyze); `results` is empty after an error.
    pub fn analyze_into(
        &self,
        text: &str,
        options: &AnalyzeOptions,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        results.clear();
        let outcome = self.run(text, options, results);
        if outcome.is_err() {
            results.clear();
        }
        outcome
    }

    /// Analyzes `text` whole when it is short, else a segment at a time (see [`segments`]), so working
    /// memory stays bounded by the segment size whatever the text's length.
    fn run(
        &self,
        text: &str,
        options: &AnalyzeOptions,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        options.validate()?;
        if text.len() <= segments::SEGMENT {
            return self.run_whole(text, options, results);
        }
        let mut part = Vec::new();
        let mut composed = String::with_capacity(segments::SEGMENT + 16 * 1024);
        for piece in segments::plan(text) {
            composed.clear();
            if let Some(header) = piece.header {
                composed.push_str(&text[header]);
                composed.push('\n');
            }
            let lead = composed.len();
            composed.push_str(&text[piece.window.clone()]);
            self.run_whole(&composed, options, &mut part)?;
            let shift = piece.window.start;
            for mut r in part.drain(..) {
                if r.start < lead || !piece.keep.contains(&(r.start - lead + shift)) {
                    continue;
                }
                r.start = r.start - lead + shift;
                r.end = r.end - lead + shift;
                results.push(r);
            }
        }
        Ok(())
    }

    pub(super) fn run_whole(
        &self,
        text: &str,
        options: &AnalyzeOptions,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        let language = options.language_or_default();
        // Languages compare as numbers in the loop below.
        let language_id = self
            .inner
            .languages
            .iter()
            .position(|l| l == language)
            .unwrap_or(UNSERVED_LANGUAGE);
        // Most calls pass no context words of their own: no set is built for them.
        let own_context;
        let extra_context: &ContextWords = if options.context.is_empty() {
            &NO_CONTEXT_WORDS
        } else {
            own_context = ContextWords::new(&options.context);
            &own_context
        };
        let shared = Shared::default();
        // Results in delimited data whose score a context word raised, and from where (see
        // `yield_to_headers`).
        let mut boosts: Vec<(usize, Boost)> = Vec::new();
        let ad_hoc: Vec<Entry> = options
            .ad_hoc
            .iter()
            .map(|r| Entry {
                recognizer: r.clone(),
                context: ContextWords::new(r.context()),
                mask: None,
                language: if r.supported_language() == language {
                    language_id
                } else {
                    OTHER_LANGUAGE
                },
            })
            .collect();
        let mut filtered: Vec<EntityType> = Vec::new();
        let mut scratch = WordBuf::default();
        // One header cache for the text, lent to the recognizers that look headers up themselves.
        let headers = Mutex::new(HeaderCache::default());
        let wanted_types = self.inner.wanted_types(options);
        // The context word each column header cell (by its start and length in `text`; one line split by
        // two delimiters has cells with one start) holds for the recognizer at hand: every row of a column
        // asks for its header's word again.
        let mut label_words: Vec<((usize, usize), Option<&str>)> = Vec::new();
        for entry in self.inner.entries.iter().chain(ad_hoc.iter()) {
            let rec = entry.recognizer.as_ref();
            if entry.language != language_id {
                continue;
            }
            // Without an entity filter every supported type is wanted: no copy of the list. With one, the
            // type masks decide the all-or-nothing cases without comparing names.
            let supported = rec.supported_entities();
            let wanted: &[EntityType] = match entry.mask {
                Some(m) if m & !wanted_types == 0 => supported,
                Some(m) if m & wanted_types == 0 => continue,
                _ if supported.iter().all(|e| options.wants(e)) => supported,
                _ => {
                    filtered.clear();
                    filtered.extend(supported.iter().filter(|e| options.wants(e)).cloned());
                    &filtered
                }
            };
            if wanted.is_empty() {
                continue;
            }
            let ctx = RecognizerContext::new(wanted, language)
                .with_shared(&shared)
                .with_headers(&headers)
                .with_decision_process(options.return_decision_process);
            let first_new = results.len();
            rec.analyze(text, &ctx, results)?;
            check_results(rec.name(), text, &results[first_new..])?;
            let mut k = first_new;
            while k < results.len() {
                if wanted.contains(&results[k].entity_type) {
                    k += 1;
                } else {
                    results.swap_remove(k);
                }
            }
            let no_context = entry.context.is_empty() && extra_context.is_empty();
            // The header cache, locked on the first result that needs it.
            let mut cache = None;
            label_words.clear();
            for (i, r) in results[first_new..].iter_mut().enumerate() {
                if options.return_decision_process && r.explanation.is_none() {
                    r.explanation = Some(Box::new(AnalysisExplanation {
                        recognizer: rec.name().to_string(),
                        original_score: r.score,
                        score: r.score,
                        ..AnalysisExplanation::default()
                    }));
                }
                if r.score >= 1.0 || no_context {
                    continue;
                }
                let header = cache
                    .get_or_insert_with(|| headers.lock().unwrap_or_else(|e| e.into_inner()))
                    .column_header(text, r.start);
                let by_header = header.and_then(|h| {
                    let at = (h.as_ptr() as usize, h.len());
                    if let Some(&(_, word)) = label_words.iter().find(|&&(cell, _)| cell == at) {
                        return word;
                    }
                    let word = entry
                        .context
                        .find_in_label(h, &mut scratch)
                        .or_else(|| extra_context.find_in_label(h, &mut scratch));
                    // A bounded list: a wide table's other cells are looked up each time.
                    if label_words.len() < MAX_LABEL_WORDS {
                        label_words.push((at, word));
                    }
                    word
                });
                let hit = by_header.or_else(|| {
                    // Without an explanation only whether a word is near counts: the first found will do.
                    let near = if r.explanation.is_none() {
                        ContextWords::find_any
                    } else {
                        ContextWords::find
                    };
                    let window = self.inner.window;
                    near(&entry.context, text, r.start, r.end, window, &mut scratch)
                        .or_else(|| near(extra_context, text, r.start, r.end, window, &mut scratch))
                });
                if let Some(word) = hit {
                    let before = r.score;
                    r.score = (r.score + CONTEXT_BOOST).clamp(MIN_SCORE_WITH_CONTEXT, 1.0);
                    if let Some(e) = r.explanation.as_deref_mut() {
                        e.score = r.score;
                        e.score_context_improvement = r.score - before;
                        e.supportive_context_word = word.to_string();
                    }
                    let source = match (by_header.is_some(), header.is_some()) {
                        (true, _) => Boost::Header,
                        (false, true) => Boost::RowWord { before },
                        (false, false) => continue,
                    };
                    boosts.push((first_new + i, source));
                }
            }
        }
        yield_to_headers(results, &boosts);
        if let Some(allow) = options.allow_list.as_deref() {
            if !allow.is_empty() {
                results.retain(|r| !allow.allows(&text[r.start..r.end]));
            }
        }
        let default = self.inner.default_threshold;
        results.retain(|r| r.score >= options.threshold_for(&r.entity_type, default));
        remove_duplicates(results);
        if self.inner.cross_type_dedup {
            remove_contained_across_types(results);
        }
        results.sort_by(|a, b| {
            (a.start, a.end, &a.entity_type).cmp(&(b.start, b.end, &b.entity_type))
        });
        Ok(())
    }

    /// Every recognizer the engine runs, in order.
    pub fn recognizers(&self) -> Vec<RecognizerInfo> {
        self.inner
            .entries
            .iter()
            .map(|e| RecognizerInfo::of(e.recognizer.as_ref()))
            .collect()
    }

    /// The entity types the engine can detect in `language`, sorted and without duplicates.
    pub fn supported_entities(&self, language: &str) -> Vec<EntityType> {
        let mut set: Vec<EntityType> = self
            .inner
            .entries
            .iter()
            .filter(|e| e.recognizer.supported_language() == language)
            .flat_map(|e| e.recognizer.supported_entities().iter().cloned())
            .collect();
        set.sort();
        set.dedup();
        set
    }

    /// The languages at least one recognizer serves, sorted.
    pub fn supported_languages(&self) -> Vec<String> {
        let mut langs: Vec<String> = self
            .inner
            .entries
            .iter()
            .map(|e| e.recognizer.supported_language().to_string())
            .collect();
        langs.sort();
        langs.dedup();
        langs
    }
}

/// Rejects results a (caller-supplied) recognizer got wrong, naming the recognizer but not the text.
fn check_results(name: &str, text: &str, new: &[RecognizerResult]) -> Result<(), Error> {
    for r in new {
        if r.start >= r.end || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            // `is_char_boundary` is false past the end, so out-of-range spans land here too.
            return Err(Error::InvalidConfig {
                what: format!("recognizer {name}"),
                reason: "returned an empty span or one that does not fit the text on char boundaries",
            });
        }
        if !(0.0..=1.0).contains(&r.score) {
            return Err(Error::InvalidConfig {
                what: format!("recognizer {name}"),
                reason: "returned a score outside [0, 1]",
            });
        }
    }
    Ok(())
}

/// Builds an [`AnalyzerEngine`]; see [`AnalyzerEngine::builder`].
///
/// Starts from the predefined recognizers; [`clear`](Self::clear) removes them.
#[derive(Clone, Debug)]
pub struct AnalyzerBuilder {
    registry: RecognizerRegistry,
    default_threshold: f64,
    window: ContextWindow,
    cross_type_dedup: bool,
}

impl Default for AnalyzerBuilder {
    fn default() -> Self {
        AnalyzerBuilder {
            registry: RecognizerRegistry::predefined(),
            default_threshold: DEFAULT_THRESHOLD,
            window: ContextWindow::default(),
            cross_type_dedup: true,
        }
    }
}

impl AnalyzerBuilder {
    /// Removes every recognizer (including the predefined ones).
    pub fn clear(&mut self) -> &mut Self {
        self.registry = RecognizerRegistry::new();
        self
    }

    /// Replaces the recognizers with `registry`.
    pub fn registry(&mut self, registry: RecognizerRegistry) -> &mut Self {
        self.registry = registry;
        self
    }

    /// Adds a recognizer (replacing one with the same name and language).
    pub fn add_recognizer(&mut self, recognizer: impl Recognizer + 'static) -> &mut Self {
        self.registry.add(recognizer);
        self
    }

    /// Adds a shared recognizer (replacing one with the same name and language).
    pub fn add_shared(&mut self, recognizer: Arc<dyn Recognizer>) -> &mut Self {
        self.registry.add_shared(recognizer);
        self
    }

    /// Removes the recognizers called `name`.
    pub fn remove_recognizer(&mut self, name: &str) -> &mut Self {
        self.registry.remove(name);
        self
    }

    /// Whether a result lying strictly inside a result of another type with a higher or equal score is
    /// dropped (default `true`): a card number inside an IBAN is part of the IBAN, and an email address is
    /// not also a URL. Presidio reports both; set `false` for that behaviour.
    pub fn cross_type_dedup(&mut self, yes: bool) -> &mut Self {
        self.cross_type_dedup = yes;
        self
    }

    /// The threshold used when a call sets none (default 0.4: weak patterns, such as a bare nine-digit
    /// number for an SSN, need a context word before they are reported; Presidio's default is 0.0).
    pub fn default_score_threshold(&mut self, threshold: f64) -> &mut Self {
        self.default_threshold = threshold;
        self
    }

    /// How many words before and after a result are searched for context words (default 5 and 3).
    pub fn context_window(&mut self, before: usize, after: usize) -> &mut Self {
        self.window = ContextWindow { before, after };
        self
    }

    /// Builds the engine.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] for a threshold outside `[0, 1]`, or two recognizers with the same name and
    /// language, or a recognizer with an empty name or no entity types.
    pub fn build(&self) -> Result<AnalyzerEngine, Error> {
        if !(0.0..=1.0).contains(&self.default_threshold) {
            return Err(Error::InvalidConfig {
                what: "default_score_threshold".into(),
                reason: "must be within [0, 1]",
            });
        }
        let mut seen = HashSet::new();
        let mut entries = Vec::with_capacity(self.registry.len());
        let mut type_ids = FxHashMap::default();
        let mut languages: Vec<String> = Vec::new();
        for r in self.registry.iter() {
            if r.name().trim().is_empty() {
                return Err(Error::InvalidConfig {
                    what: "recognizer name".into(),
                    reason: "must not be empty",
                });
            }
            if r.supported_entities().is_empty() {
                return Err(Error::InvalidConfig {
                    what: format!("recognizer {}", r.name()),
                    reason: "supports no entity type",
                });
            }
            if !seen.insert((r.name().to_string(), r.supported_language().to_string())) {
                return Err(Error::InvalidConfig {
                    what: format!("recognizer {}", r.name()),
                    reason: "two recognizers share this name and language",
                });
            }
            let mut mask = Some(0);
            for e in r.supported_entities() {
                let next = type_ids.len();
                let id = *type_ids.entry(e.clone()).or_insert(next);
                mask = mask
                    .and_then(|m: TypeMask| Some(m | 1_u128.checked_shl(u32::try_from(id).ok()?)?));
            }
            let language = match languages.iter().position(|l| l == r.supported_language()) {
                Some(id) => id,
                None => {
                    languages.push(r.supported_language().to_string());
                    languages.len() - 1
                }
            };
            entries.push(Entry {
                recognizer: r.clone(),
                context: ContextWords::new(r.context()),
                mask,
                language,
            });
        }
        Ok(AnalyzerEngine {
            inner: Arc::new(Inner {
                entries,
                type_ids,
                languages,
                default_threshold: self.default_threshold,
                window: self.window,
                cross_type_dedup: self.cross_type_dedup,
            }),
        })
    }
}

impl Inner {
    /// The engine's entity types that `options` asks for, as a [`TypeMask`] (all of them without a filter).
    fn wanted_types(&self, options: &AnalyzeOptions) -> TypeMask {
        let Some(entities) = options.entities.as_deref() else {
            return TypeMask::MAX;
        };
        entities
            .iter()
            .filter_map(|e| self.type_ids.get(e.as_str()))
            .filter_map(|&id| 1_u128.checked_shl(u32::try_from(id).ok()?))
            .fold(0, |m, bit| m | bit)
    }
}

/// How many header cells' context words `run_whole` keeps per recognizer (searched one by one).
const MAX_LABEL_WORDS: usize = 32;

/// The context words of a call that passes none of its own.
static NO_CONTEXT_WORDS: LazyLock<ContextWords> = LazyLock::new(ContextWords::default);

/// Where a result in a table cell got its context boost.
#[derive(Clone, Copy)]
enum Boost {
    /// From the cell's column header.
    Header,
    /// From a word elsewhere in the row, while the column has a header that is not this entity's.
    RowWord { before: f64 },
}

/// A column header names what its cells hold. When one value is reported as two entity types, one
/// supported by its column header (`passport_no`) and the other only by a word elsewhere in the row (`DL`
/// in an `id_type` column), the row word's boost is taken back.
fn yield_to_headers(results: &mut [RecognizerResult], boosts: &[(usize, Boost)]) {
    if !boosts.iter().any(|(_, b)| matches!(b, Boost::Header)) {
        return;
    }
    let mut headed: Vec<(usize, usize, &EntityType)> = boosts
        .iter()
        .filter(|(_, b)| matches!(b, Boost::Header))
        .map(|&(i, _)| (results[i].start, results[i].end, &results[i].entity_type))
        .collect();
    headed.sort_unstable_by_key(|&(s, e, _)| (s, e));
    let mut revert = Vec::new();
    for &(i, b) in boosts {
        let Boost::RowWord { before } = b else {
            continue;
        };
        let r = &results[i];
        let at = headed.partition_point(|&(s, e, _)| (s, e) < (r.start, r.end));
        let claimed = headed[at..]
            .iter()
            .take_while(|&&(s, e, _)| (s, e) == (r.start, r.end))
            .any(|&(_, _, t)| *t != r.entity_type);
        if claimed {
            revert.push((i, before));
        }
    }
    for (i, before) in revert {
        let r = &mut results[i];
        r.score = before;
        if let Some(e) = r.explanation.as_deref_mut() {
            e.score = before;
            e.score_context_improvement = 0.0;
            e.supportive_context_word.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_send_sync_and_cheap_to_clone() {
        fn assert_traits<T: Send + Sync + Clone>() {}
        assert_traits::<AnalyzerEngine>();
        assert_traits::<AnalyzerBuilder>();
    }

    /// `engine` with every type mask cleared: the entity filter is then checked type by type.
    fn without_masks(engine: &AnalyzerEngine) -> AnalyzerEngine {
        let inner = &engine.inner;
        AnalyzerEngine {
            inner: Arc::new(Inner {
                entries: inner
                    .entries
                    .iter()
                    .map(|e| Entry {
                        recognizer: e.recognizer.clone(),
                        context: ContextWords::new(e.recognizer.context()),
                        mask: None,
                        language: e.language,
                    })
                    .collect(),
                type_ids: inner.type_ids.clone(),
                languages: inner.languages.clone(),
                default_threshold: inner.default_threshold,
                window: inner.window,
                cross_type_dedup: inner.cross_type_dedup,
            }),
        }
    }

    /// Entity filters give the same results through the type masks as checked type by type: single
    /// types, all but one, random subsets, and names the engine does not know.
    #[test]
    fn type_masks_filter_like_the_type_by_type_check() {
        let engine = AnalyzerEngine::new();
        let reference = without_masks(&engine);
        assert!(engine.inner.entries.iter().all(|e| e.mask.is_some()));
        let types = engine.supported_entities("en");
        let mut filters: Vec<Vec<EntityType>> = Vec::new();
        for t in &types {
            filters.push(vec![t.clone()]);
            filters.push(types.iter().filter(|u| *u != t).cloned().collect());
        }
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..24 {
            let state = rng.next_u64();
            let mut subset: Vec<EntityType> = types
                .iter()
                .enumerate()
                .filter(|(i, _)| state >> (i % 64) & 1 == 1)
                .map(|(_, t)| t.clone())
                .collect();
            subset.push(EntityType::from("NOT_A_TYPE"));
            filters.push(subset);
        }
        filters.push(Vec::new());
        let tickets = include_str!("../../examples/data/support_tickets.jsonl");
        let mut found = 0;
        for filter in &filters {
            let options = AnalyzeOptions::default().entities(filter.iter().cloned());
            let ours = engine.analyze(tickets, &options).unwrap();
            let theirs = reference.analyze(tickets, &options).unwrap();
            assert_eq!(ours, theirs, "filter {filter:?}");
            assert!(ours.iter().all(|r| filter.contains(&r.entity_type)));
            found += ours.len();
        }
        assert!(found > 1000, "{found}");
    }

    /// Reports `TWO_A` and `TWO_B` over each `ab`, whatever is wanted.
    struct TwoTypes([EntityType; 2]);

    impl Recognizer for TwoTypes {
        fn name(&self) -> &str {
            "two_types"
        }
        fn supported_entities(&self) -> &[EntityType] {
            &self.0
        }
        fn analyze(
            &self,
            text: &str,
            _ctx: &RecognizerContext<'_>,
            results: &mut Vec<RecognizerResult>,
        ) -> Result<(), Error> {
            for (i, _) in text.match_indices("ab") {
                for e in &self.0 {
                    results.push(RecognizerResult::new(
                        e.clone(),
                        i,
                        i + 2,
                        1.0,
                        "two_types".into(),
                    ));
                }
            }
            Ok(())
        }
    }

    /// A recognizer with some of its types wanted gets only those, and only those are kept.
    #[test]
    fn partly_wanted_recognizers_keep_only_wanted_types() {
        let mut builder = AnalyzerEngine::builder();
        builder.add_recognizer(TwoTypes(["TWO_A".into(), "TWO_B".into()]));
        let engine = builder.build().unwrap();
        for (wanted, expected) in [
            (vec!["TWO_A"], vec!["TWO_A"]),
            (vec!["TWO_B", "EMAIL_ADDRESS"], vec!["TWO_B"]),
            (vec!["TWO_A", "TWO_B"], vec!["TWO_A", "TWO_B"]),
            (vec!["EMAIL_ADDRESS"], vec![]),
        ] {
            let options = AnalyzeOptions::default().entities(wanted);
            let got: Vec<_> = engine
                .analyze("xx ab yy", &options)
                .unwrap()
                .into_iter()
                .map(|r| r.entity_type.to_string())
                .collect();
            assert_eq!(got, expected);
        }
    }

    /// Past the mask's width (128 types) the filter still applies, type by type.
    #[test]
    fn more_types_than_mask_bits_still_filter() {
        let mut builder = AnalyzerEngine::builder();
        for i in 0..140 {
            let list = crate::DenyListRecognizer::new(
                format!("deny_{i}"),
                format!("TYPE_{i}"),
                [format!("word{i}x")],
            )
            .unwrap();
            builder.add_recognizer(list);
        }
        let engine = builder.build().unwrap();
        assert!(engine.inner.entries.iter().any(|e| e.mask.is_none()));
        let text = "word3x word130x word139x word7x";
        for wanted in [
            &["TYPE_3", "TYPE_139"][..],
            &["TYPE_130"],
            &["TYPE_7", "NOPE"],
        ] {
            let options = AnalyzeOptions::default().entities(wanted.iter().copied());
            let got: Vec<_> = engine
                .analyze(text, &options)
                .unwrap()
                .into_iter()
                .map(|r| r.entity_type.to_string())
                .collect();
            let expected: Vec<_> = wanted
                .iter()
                .filter(|w| w.starts_with("TYPE"))
                .map(|w| w.to_string())
                .collect();
            let mut sorted = got.clone();
            sorted.sort_by_key(|t| t[5..].parse::<u32>().unwrap());
            assert_eq!(sorted, expected);
        }
    }

    /// Header cells are remembered by start and length: one header line split by two delimiters has
    /// two cells starting at its first byte (`zip` and `zip,city` below), and a row of each kind gets
    /// its own cell's word, with and without explanations.
    #[test]
    fn header_cells_with_one_start_keep_their_own_words() {
        use crate::analyzer::pattern::{Pattern, PatternRecognizer};
        let mut b = AnalyzerEngine::builder();
        b.clear().default_score_threshold(0.0);
        b.add_shared(Arc::new(
            PatternRecognizer::builder("CityCode", "CITY_CODE")
                .pattern(Pattern::new("five", r"(?-u:\b)\d{5}(?-u:\b)", 0.1))
                .context(["city"])
                .build()
                .unwrap(),
        ));
        let engine = b.build().unwrap();
        let text = "zip,city;n\n\
                    one two three four five six seven\n\
                    94103,x\n\
                    one two three four five six seven\n\
                    94107;y";
        for explain in [false, true] {
            let options = AnalyzeOptions::default().return_decision_process(explain);
            let r = engine.analyze(text, &options).unwrap();
            let scores: Vec<(&str, f64)> = r
                .iter()
                .map(|r| (&text[r.start..r.end], (r.score * 100.0).round() / 100.0))
                .collect();
            // `94103` is under `zip`, `94107` under `zip,city`.
            assert_eq!(scores, [("94103", 0.1), ("94107", 0.45)], "{explain}");
        }
    }
}
