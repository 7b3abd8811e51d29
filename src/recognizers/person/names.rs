//! `GazetteerPersonRecognizer`: person names from name lists, cues and word shape, in one pass.
//!
//! 1. [`tokenize`] walks the text once and yields words with their shape (`Jane`, `JANE`, `jane`, `J`).
//! 2. Each word is looked up once in the [`GAZETTEER`]: given name, surname, common English word, place,
//!    honorific, greeting, label, month, particle.
//! 3. Capitalised words joined by single spaces (particles such as `van der` and initials such as `J.` may
//!    sit inside) form a *chain*; a chain is scored as a whole and reported as one span.
//! 4. Cues before the chain (honorific, greeting, `Name:` label, `my name is`, `@mention`, a chat speaker
//!    prefix, a sign-off line) make weak chains acceptable and allow lower-case names.
//!
//! | chain | score |
//! |---|---|
//! | any chain after a strong cue | 0.85 |
//! | two known names (`Jane Doe`, `Will Smith`), `Doe, Jane` | 0.85 |
//! | a known name and an unknown capitalised word (`Ilona Krein`) | 0.7 |
//! | initial + surname (`J. Doe`) | 0.7 |
//! | a given name alone (`Sofia`), not a place after `in`/`from` | 0.6 |
//! | two names that are also words (`Summer Rose`) | 0.6 |
//! | a surname alone (`Garrison`) | 0.5 |
//! | a name that is also a word, capitalised mid-sentence (`if Will can`) or next to a name (`April and June`) | 0.5 |
//!
//! Everything else (sentence-initial `Hope`, `May 9`, `Baker Street`, `Dear Customer`) is not reported.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex};

use super::gazetteer::{
    CALENDAR, COMMON, DETERMINER, FIRST, GAZETTEER, GREETING, INSTITUTION, LABEL, LAST, LOCATIVE,
    PARTICLE, PLACE, REGION, STOP, STREET_BEFORE, SUFFIX, mainly_surname, normalize_into,
    normalize_push,
};
use super::tokens::{Shape, Token, tokenize};
use crate::analyzer::HeaderCache;
use crate::recognizers::columns::Column;
use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

const NAME: &str = "GazetteerPersonRecognizer";

/// Score of a chain after a strong cue or of two known names.
pub(super) const STRONG: f64 = 0.85;
/// A known name with an unknown capitalised word, or an initial and a surname.
pub(super) const MEDIUM: f64 = 0.7;
/// A given name alone; two names that are also common words.
pub(super) const SINGLE: f64 = 0.6;
/// A surname alone; a name that is also a word, supported by its position.
pub(super) const WEAK: f64 = 0.5;

/// How a word can take part in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A known given name or surname that is not a common word (`Jane`, `Smith`).
    Name,
    /// A known name that is also a common word (`Will`, `Rose`, `Baker`).
    WordName,
    /// A capitalised word in no list (`Krein`, `Wriddhish`).
    Unknown,
    /// A single capital letter (`J` of `J. Doe`).
    Initial,
    /// A lower-case particle (`van`, `de`).
    Particle,
    /// Anything else: common words, stop words, identifiers.
    Other,
}

/// What the word lists and the word's shape say about one token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub(super) kind: Kind,
    pub(super) flags: u16,
    /// Byte range of the token's normalised key: in the text itself when the word is already normalised
    /// (`key_in_text`), else in [`Scan::keys`] (at the word's own offsets for a word of ASCII letters and
    /// hyphens).
    key_start: usize,
    key_end: usize,
    key_in_text: bool,
}

/// A reported name: start, end, score and the reason (the pattern name of an explanation).
pub(super) type Found = (usize, usize, f64, &'static str);

/// Working memory of one analysis, kept between calls so a text costs no allocations once the buffers have
/// grown to its size.
#[derive(Default)]
struct Buffers {
    tokens: Vec<Token>,
    words: Vec<Word>,
    keys: String,
    index: Index,
    work: Work,
    found: Vec<Found>,
    /// [`Scan::scratch`], kept so its capacity outlives the scan.
    scratch: String,
}

/// The tokens the later steps start from, in text order, so they need not walk every token.
#[derive(Default)]
pub(super) struct Index {
    /// Tokens that can be part of a capitalised chain (see [`Scan::chains`]).
    capitalised: Vec<usize>,
    /// Lower-case tokens that can start a lower-case name (see [`Scan::lower_case_names`]).
    lower_names: Vec<usize>,
    /// Title-case stop words that are also names, for [`completes_stop_name`].
    stop_names: Vec<usize>,
}

/// Buffers of [`Scan::names`].
#[derive(Default)]
struct Work {
    chains: Vec<Chain>,
    decided: Vec<Option<Found>>,
    firm: Vec<bool>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// How strongly the text before a chain says "a name follows".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cue {
    None,
    Weak,
    Strong,
}

/// `GazetteerPersonRecognizer`: PERSON from bundled given-name and surname lists, cues and word shape, in one
/// linear pass.
///
/// Capitalised words joined by single spaces (with particles such as `van der` and initials such as `J.`)
/// form one span. Scores: 0.85 after a strong cue (honorific, greeting, `Name:` label, `my name is`,
/// `@mention`, chat speaker, sign-off) or for two known names (`Jane Doe`, `Doe, Jane`); 0.7 for a known name
/// with an unknown capitalised word or an initial with a surname; 0.6 for a given name alone; 0.5 for a
/// surname alone or a name that is also a common word in a name position (`if Will can`, `April and June`).
/// Sentence-initial common words (`Hope you are well`), months next to numbers, places after `in`/`from`,
/// streets, firms, institutions and products are not reported. Lower-case names need a strong cue.
pub struct GazetteerPersonRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
}

impl Default for GazetteerPersonRecognizer {
    fn default() -> Self {
        GazetteerPersonRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::PERSON],
        }
    }
}

/// The predefined gazetteer-based person recognizer.
pub fn gazetteer_person() -> GazetteerPersonRecognizer {
    GazetteerPersonRecognizer::default()
}

impl Recognizer for GazetteerPersonRecognizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn supported_entities(&self) -> &[EntityType] {
        &self.entities
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
        BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
            Ok(mut buffers) => self.run(text, ctx, &mut buffers, results),
            // Only reachable if a caller re-entered this recognizer on the same thread.
            Err(_) => self.run(text, ctx, &mut Buffers::default(), results),
        });
        Ok(())
    }
}

impl GazetteerPersonRecognizer {
    /// Finds the names of `text` with `buffers` as working memory.
    fn run(
        &self,
        text: &str,
        ctx: &RecognizerContext<'_>,
        buffers: &mut Buffers,
        results: &mut Vec<RecognizerResult>,
    ) {
        let Buffers {
            tokens,
            words,
            keys,
            index,
            work,
            found,
            scratch,
        } = buffers;
        tokenize(text, tokens);
        let lines = Lines::default();
        classify(text, tokens, &lines, words, keys, index, scratch);
        // The engine's header cache, shared with its context lookups; one of our own when called directly.
        let own;
        let headers = match ctx.headers() {
            Some(lent) => lent,
            None => {
                own = Mutex::new(HeaderCache::default());
                &own
            }
        };
        let scan = Scan {
            text,
            tokens,
            words,
            keys,
            index,
            lines,
            column: Cell::new(None),
            headers,
            scratch: RefCell::new(std::mem::take(scratch)),
        };
        scan.names(work, found);
        *scratch = scan.scratch.into_inner();
        for &(start, end, score, why) in found.iter() {
            results.push(
                RecognizerResult::new(
                    self.entities[0].clone(),
                    start,
                    end,
                    score,
                    self.name.clone(),
                )
                .explained(ctx, why),
            );
        }
    }
}

/// Looks every token up once, writing its normalised key to `keys` and its [`Word`] to `words`, and lists
/// the tokens the later steps start from in `index` (as the separate passes `index_words` and
/// `complete_stop_names` did), in the same walk; `folded` is space for keys without apostrophes.
fn classify(
    text: &str,
    tokens: &[Token],
    lines: &Lines,
    words: &mut Vec<Word>,
    keys: &mut String,
    index: &mut Index,
    folded: &mut String,
) {
    let g = &*GAZETTEER;
    let bytes = text.as_bytes();
    words.clear();
    words.reserve(tokens.len());
    keys.clear();
    index.capitalised.clear();
    index.lower_names.clear();
    index.stop_names.clear();
    for (i, t) in tokens.iter().enumerate() {
        // ASCII words without apostrophes hold only letters and hyphens: looked up as they stand.
        let plain_ascii = t.ascii && !t.quote;
        // Most words: lower-case ASCII letters, their own keys, a particle or nothing.
        if plain_ascii && !t.hyphen && t.shape == Shape::Lower {
            let flags = g.flags_of_ascii(bytes, t.start, t.end);
            let kind = if t.glued || flags & PARTICLE == 0 {
                Kind::Other
            } else {
                kind_of(t, flags, text, lines, tokens, i)
            };
            if lower_name(t, flags) {
                index.lower_names.push(i);
            }
            words.push(Word {
                kind,
                flags,
                key_start: t.start,
                key_end: t.end,
                key_in_text: true,
            });
            continue;
        }
        // Lower-case ones are their own keys.
        let key_in_text = plain_ascii && t.shape == Shape::Lower;
        if !key_in_text && keys.is_empty() {
            // The text lower-cased (ASCII letters only) in one go, before any other key: the key of a
            // word of ASCII letters and hyphens is its own range of it.
            keys.push_str(text);
            keys.make_ascii_lowercase();
        }
        let mut flags = 0;
        let (key_start, key_end) = if key_in_text || plain_ascii {
            (t.start, t.end)
        } else {
            let from = keys.len();
            normalize_push(&text[t.start..t.end], keys);
            flags = g.flags(&keys[from..]);
            (from, keys.len())
        };
        if plain_ascii {
            flags = g.flags_of_ascii(bytes, t.start, t.end);
        }
        if flags & (FIRST | LAST) == 0 && (t.hyphen || t.quote) {
            let word = &text[t.start..t.end];
            let key = if key_in_text {
                word
            } else {
                &keys[key_start..key_end]
            };
            if t.hyphen
                && word
                    .split('-')
                    .all(|p| p.chars().next().is_some_and(char::is_uppercase))
            {
                // Jean-Luc, Anne-Katrin: every part a name.
                let mut parts = 0;
                let all = key.split('-').all(|p| {
                    let f = g.flags(p) & (FIRST | LAST);
                    parts |= f;
                    f != 0
                });
                if all {
                    flags |= parts;
                }
            }
            if flags & (FIRST | LAST) == 0 && t.quote {
                folded.clear();
                folded.extend(key.chars().filter(|&c| c != '\''));
                flags |= g.flags(folded) & (FIRST | LAST);
            }
        }
        let kind = if t.glued {
            Kind::Other
        } else {
            kind_of(t, flags, text, lines, tokens, i)
        };
        words.push(Word {
            kind,
            flags,
            key_start,
            key_end,
            key_in_text,
        });
        if capitalised(kind) {
            index.capitalised.push(i);
        } else if lower_name(t, flags) {
            index.lower_names.push(i);
        } else if stop_name(t, flags, kind) {
            index.stop_names.push(i);
        }
    }
    for k in 0..index.stop_names.len() {
        let i = index.stop_names[k];
        if completes_stop_name(words, text, tokens, i) {
            words[i].kind = Kind::WordName;
            let at = index.capitalised.partition_point(|&c| c < i);
            index.capitalised.insert(at, i);
        }
    }
}

/// Whether a word of this kind can be part of a capitalised chain.
#[inline]
fn capitalised(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Name | Kind::WordName | Kind::Unknown | Kind::Initial
    )
}

/// Whether token `t` (of no capitalised kind) can start a lower-case name.
#[inline]
fn lower_name(t: &Token, flags: u16) -> bool {
    t.shape == Shape::Lower
        && !t.glued
        && flags & (FIRST | LAST) != 0
        && flags & (STOP | PARTICLE | DETERMINER | LABEL) == 0
        && t.end - t.start >= 3
}

/// Whether token `t` is a title-case stop word that is also a name (`Best`, `Love`), which
/// [`completes_stop_name`] may turn into a name.
#[inline]
fn stop_name(t: &Token, flags: u16, kind: Kind) -> bool {
    kind == Kind::Other
        && flags & STOP != 0
        && flags & (FIRST | LAST) != 0
        && t.shape == Shape::Title
        && !t.glued
}

/// For a [`stop_name`] `i`: whether a known name completes it on the same line (`Peter Best`, `Briana
/// Love`, `Honey Sparks`), so it is a name, not the word of `Best regards` or `Love, Mum`.
fn completes_stop_name(words: &[Word], text: &str, tokens: &[Token], i: usize) -> bool {
    let w = words[i];
    let joined = |a: usize, b: usize| text.get(tokens[a].end..tokens[b].start) == Some(" ");
    let given_before = i > 0
        && joined(i - 1, i)
        && words[i - 1].kind == Kind::Name
        && words[i - 1].flags & FIRST != 0
        && w.flags & LAST != 0;
    let surname_after = i + 1 < words.len()
        && joined(i, i + 1)
        && words[i + 1].kind == Kind::Name
        && words[i + 1].flags & LAST != 0
        && w.flags & FIRST != 0;
    given_before || surname_after
}

/// Second look at words that are names but also sign-off or endearment words (`Best`, `Love`, `Honey`):
/// they are names when a known name completes them on the same line (`Peter Best`, `Briana Love`,
/// `Honey Sparks`), and stay other words in `Best regards` or `Love, Mum`. The two-pass form that
/// [`classify`] replaced, kept to check it against.
#[cfg(test)]
fn complete_stop_names(words: &mut [Word], text: &str, tokens: &[Token]) {
    for i in 0..words.len() {
        let w = words[i];
        if w.kind != Kind::Other
            || w.flags & STOP == 0
            || w.flags & (FIRST | LAST) == 0
            || tokens[i].shape != Shape::Title
            || tokens[i].glued
        {
            continue;
        }
        if completes_stop_name(words, text, tokens, i) {
            words[i].kind = Kind::WordName;
        }
    }
}

/// Lists the tokens that can be part of a capitalised chain and the lower-case tokens that can start a
/// lower-case name into `index` (the separate pass that [`classify`] replaced, kept to check it against).
#[cfg(test)]
fn index_words(words: &[Word], tokens: &[Token], index: &mut Index) {
    index.capitalised.clear();
    index.lower_names.clear();
    for (i, (w, t)) in words.iter().zip(tokens).enumerate() {
        if matches!(
            w.kind,
            Kind::Name | Kind::WordName | Kind::Unknown | Kind::Initial
        ) {
            index.capitalised.push(i);
        } else if t.shape == Shape::Lower
            && !t.glued
            && w.flags & (FIRST | LAST) != 0
            && w.flags & (STOP | PARTICLE | DETERMINER | LABEL) == 0
            && t.end - t.start >= 3
        {
            index.lower_names.push(i);
        }
    }
}

/// `I'm`, `we're`, `J'ai`, `l'IBAN`: contractions and elisions, never names.
pub(super) fn contraction(word: &str) -> bool {
    let Some((head, tail)) = word.split_once(['\'', '’']) else {
        return false;
    };
    let tail = tail.trim_start_matches('\'');
    matches!(tail, "m" | "re" | "ve" | "ll" | "d" | "t" | "s")
        || matches!(
            head,
            "l" | "L"
                | "d"
                | "j"
                | "J"
                | "qu"
                | "Qu"
                | "n"
                | "N"
                | "s"
                | "S"
                | "c"
                | "C"
                | "m"
                | "M"
                | "t"
                | "T"
        ) && tail.chars().next().is_some_and(char::is_lowercase)
        || matches!(head, "l" | "d" | "qu" | "n" | "s" | "c" | "m" | "t" | "j")
}

/// The number of characters of token `t` (spelled `word`).
fn char_len(t: &Token, word: &str) -> usize {
    if t.ascii {
        word.len()
    } else {
        word.chars().count()
    }
}

/// Whether the first character at or after `pos` that is not a space is `:`.
fn colon_follows(text: &str, pos: usize) -> bool {
    text.as_bytes()[pos..].iter().find(|&&b| b != b' ') == Some(&b':')
}

#[inline(always)]
fn kind_of(t: &Token, flags: u16, text: &str, lines: &Lines, tokens: &[Token], i: usize) -> Kind {
    // A lower-case word is a particle or nothing: the tests below can only make it nothing.
    if t.shape == Shape::Lower && flags & PARTICLE == 0 {
        return Kind::Other;
    }
    let word = &text[t.start..t.end];
    let named = flags & (FIRST | LAST) != 0;
    if t.quote && contraction(word) {
        return Kind::Other;
    }
    // A label or a common word used as a field name: `To:`, `Date:`, `Reason:`.
    if (flags & LABEL != 0 || flags & COMMON != 0 && !named) && colon_follows(text, t.end) {
        return Kind::Other;
    }
    if flags & (DETERMINER | INSTITUTION | STREET_BEFORE) != 0 && t.shape != Shape::Lower {
        return Kind::Other;
    }
    // Two- and three-letter capitals in mixed-case text are acronyms (`IP`, `WAN`, `US`).
    if t.shape == Shape::Upper
        && char_len(t, word) < 4
        && !named
        && !shouting_at(text, tokens, i, lines)
    {
        return Kind::Other;
    }
    match t.shape {
        Shape::Lower => {
            if flags & PARTICLE != 0 {
                Kind::Particle
            } else {
                Kind::Other
            }
        }
        Shape::Initial => {
            if word == "I" {
                Kind::Other
            } else {
                Kind::Initial
            }
        }
        Shape::Title | Shape::Upper | Shape::Mixed => {
            if flags & STOP != 0 && !(named && flags & CALENDAR != 0) {
                Kind::Other
            } else if named && flags & (COMMON | CALENDAR) != 0 {
                Kind::WordName
            } else if named {
                Kind::Name
            } else if t.shape == Shape::Mixed
                || flags & (COMMON | LABEL | SUFFIX | GREETING) != 0
                || (t.shape == Shape::Upper && char_len(t, word) < 4)
                || !t.plain
            {
                Kind::Other
            } else {
                Kind::Unknown
            }
        }
    }
}

/// How far the line lookups below search from a position; beyond it a line counts as ending there, so
/// a text with no line breaks costs linear time.
const LINE_REACH: usize = 512;

/// The start of the line holding `pos`, searching back at most [`LINE_REACH`] bytes (then the nearest char
/// boundary that far back).
pub(super) fn line_start_near(text: &str, pos: usize) -> usize {
    let mut from = pos.saturating_sub(LINE_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..pos].rfind('\n').map_or(from, |p| from + p + 1)
}

/// The line holding `pos` as a byte range, judged within [`LINE_REACH`] bytes either side.
fn line_near(text: &str, pos: usize) -> (usize, usize) {
    let start = line_start_near(text, pos);
    let mut to = (pos + LINE_REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let end = text.as_bytes()[pos..to]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(to, |p| pos + p);
    (start, end)
}

/// Whether `line` is written in capitals: no lower-case letters and three words of two letters or more.
fn shouting(line: &str) -> bool {
    if line.chars().any(char::is_lowercase) {
        return false;
    }
    let words = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .count();
    words >= 3
}

/// Whether the line holding token `i` is written in capitals, as [`Lines::shouting`] tells of its start;
/// told without reading the line when a token next to it on that line, within [`LINE_REACH`], holds a
/// lower-case letter (a lower-case or title-case word), since the line judged then holds that token.
fn shouting_at(text: &str, tokens: &[Token], i: usize, lines: &Lines) -> bool {
    let t = &tokens[i];
    let bytes = text.as_bytes();
    let lower = |u: &Token| matches!(u.shape, Shape::Lower | Shape::Title);
    if let Some(p) = i.checked_sub(1).map(|p| &tokens[p]) {
        if lower(p) && p.start + LINE_REACH >= t.start && !bytes[p.end..t.start].contains(&b'\n') {
            return false;
        }
    }
    if let Some(n) = tokens.get(i + 1) {
        if lower(n) && n.end <= t.start + LINE_REACH && !bytes[t.end..n.start].contains(&b'\n') {
            return false;
        }
    }
    lines.shouting(text, t.start)
}

/// Answers "is this line shouting?" for one text, remembering the last line judged: the words asking are
/// usually on the same line.
#[derive(Default)]
pub(super) struct Lines {
    last: Cell<Option<(usize, usize, bool)>>,
}

impl Lines {
    /// Whether the line holding `pos` is written in capitals (no lower-case letters), judged within
    /// [`LINE_REACH`] bytes either side.
    pub(super) fn shouting(&self, text: &str, pos: usize) -> bool {
        if let Some((s, e, yes)) = self.last.get() {
            if Self::same_line(text, pos, s, e) {
                return yes;
            }
        }
        let (start, end) = line_near(text, pos);
        if let Some((s, e, yes)) = self.last.get() {
            if (s, e) == (start, end) {
                return yes;
            }
        }
        let yes = shouting(&text[start..end]);
        self.last.set(Some((start, end, yes)));
        yes
    }
}

impl Lines {
    /// Whether `line_near(text, pos)` is `(s, e)`, a range it gave before, told without searching: true
    /// when `s..e` is a whole line (a line break or the text's edge on either side) that holds `pos` and
    /// whose ends are within [`LINE_REACH`] of it.
    fn same_line(text: &str, pos: usize, s: usize, e: usize) -> bool {
        let bytes = text.as_bytes();
        if pos < s || pos > e {
            return false;
        }
        let start_found = if s == 0 {
            pos <= LINE_REACH
        } else {
            bytes[s - 1] == b'\n' && s - 1 + LINE_REACH >= pos
        };
        let end_found = if e == bytes.len() {
            pos + LINE_REACH >= e
        } else {
            bytes[e] == b'\n' && e < pos + LINE_REACH
        };
        start_found && end_found
    }
}

/// One analysis over a tokenised text.
pub(super) struct Scan<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) words: &'a [Word],
    /// The normalised keys of the tokens that are not their own keys (see [`Word`]): the text lower-cased
    /// (ASCII letters only), then the keys of the other words one after another; empty when every word
    /// is its own key.
    keys: &'a str,
    /// Where chains and lower-case names may start.
    index: &'a Index,
    /// Shouting lines of the text.
    lines: Lines,
    /// The last column looked up, by start of the cell (see [`column`](Self::column)).
    pub(super) column: Cell<Option<(usize, Option<Column>)>>,
    /// Column headers, worked out once per table line (the engine's cache when it lends one).
    pub(super) headers: &'a Mutex<HeaderCache>,
    /// Space for keys built from several tokens.
    pub(super) scratch: RefCell<String>,
}

/// A run of name-like tokens `first..=last` (token indices).
#[derive(Debug, Clone, Copy)]
pub(super) struct Chain {
    pub(super) first: usize,
    pub(super) last: usize,
}

impl<'a> Scan<'a> {
    pub(super) fn gap(&self, a: usize, b: usize) -> &'a str {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => self.text.get(x.end..y.start).unwrap_or(""),
            _ => "",
        }
    }

    /// The bytes between tokens `a` and `b`, as [`gap`](Self::gap) without its char-boundary checks (token
    /// offsets are char boundaries), for comparisons with ASCII gaps.
    #[inline]
    pub(super) fn gap_bytes(&self, a: usize, b: usize) -> &'a [u8] {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => self.text.as_bytes().get(x.end..y.start).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    /// Token `i` normalised for list lookups (lower case, `’` as `'`).
    pub(super) fn key(&self, i: usize) -> &'a str {
        let w = self.words[i];
        let from = if w.key_in_text { self.text } else { self.keys };
        &from[w.key_start..w.key_end]
    }

    fn capitalised(&self, i: usize) -> bool {
        matches!(
            self.words[i].kind,
            Kind::Name | Kind::WordName | Kind::Unknown | Kind::Initial
        )
    }

    /// Whether token `b` continues the chain ending at token `a`.
    fn joins(&self, a: usize, b: usize) -> bool {
        match self.gap_bytes(a, b) {
            // A space or a no-break space.
            b" " | b"\xc2\xa0" => true,
            b". " | b"." => self.words[a].kind == Kind::Initial,
            _ => false,
        }
    }

    /// Capitalised chains, left to right, into `out` (cleared first).
    fn chains(&self, out: &mut Vec<Chain>) {
        out.clear();
        let n = self.tokens.len();
        // The first token not yet in a chain.
        let mut next = 0;
        for &i in &self.index.capitalised {
            if i < next {
                continue;
            }
            debug_assert!(self.capitalised(i));
            let mut last = i;
            let mut j = i + 1;
            while j < n && self.joins(j - 1, j) {
                match self.words[j].kind {
                    Kind::Name | Kind::WordName | Kind::Unknown | Kind::Initial => {
                        last = j;
                        j += 1;
                    }
                    Kind::Particle => {
                        // Particles only between capitalised words: `van der Berg`.
                        let mut k = j;
                        while k + 1 < n
                            && self.words[k].kind == Kind::Particle
                            && self.joins(k, k + 1)
                        {
                            k += 1;
                        }
                        if k < n
                            && k > j
                            && matches!(
                                self.words[k].kind,
                                Kind::Name | Kind::WordName | Kind::Unknown
                            )
                        {
                            last = k;
                            j = k + 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            out.push(Chain { first: i, last });
            next = last + 1;
        }
    }

    /// Start of the line holding byte `pos` (at most [`LINE_REACH`] bytes back).
    pub(super) fn line_start(&self, pos: usize) -> usize {
        line_start_near(self.text, pos)
    }

    /// Whether the chain starts a sentence (after start of text, a newline, `.`, `!`, `?`, `:` or a bullet).
    pub(super) fn sentence_initial(&self, c: Chain) -> bool {
        let before = &self.text[..self.tokens[c.first].start];
        match before
            .trim_end_matches(|ch: char| {
                ch == ' ' || ch == '\t' || "\"'“”‘’«»([{*•-–—>".contains(ch)
            })
            .chars()
            .next_back()
        {
            None => true,
            Some(ch) => matches!(ch, '\n' | '\r' | '.' | '!' | '?' | ':' | '¡' | '¿'),
        }
    }

    /// The token before `i` on the same line, if any.
    pub(super) fn prev_on_line(&self, i: usize) -> Option<usize> {
        let p = i.checked_sub(1)?;
        let gap = self.gap_bytes(p, i);
        // The usual gap, a single space, without a search.
        (gap == b" " || !gap.contains(&b'\n')).then_some(p)
    }

    /// The names of the text, in order, into `out` (cleared first).
    fn names(&self, work: &mut Work, out: &mut Vec<Found>) {
        out.clear();
        let Work {
            chains,
            decided,
            firm,
        } = work;
        self.chains(chains);
        let chains = &chains[..];
        // Decisions per chain, so a rejected word-name can be accepted next to an accepted name.
        decided.clear();
        // `Garcia, Soto and Cummings`, `Brown, Bailey and Gregory`: surnames listed as a firm.
        firm.clear();
        firm.resize(chains.len(), false);
        for k in 0..chains.len().saturating_sub(2) {
            let (a, b, c) = (chains[k], chains[k + 1], chains[k + 2]);
            let single = |x: Chain| x.first == x.last && self.words[x.first].flags & LAST != 0;
            if single(a)
                && single(b)
                && single(c)
                && b.first == a.last + 1
                && self.gap_bytes(a.last, b.first) == b", "
                && c.first == b.last + 2
                && self.word(b.last + 1) == "and"
            {
                firm[k] = true;
                firm[k + 1] = true;
                firm[k + 2] = true;
            }
        }
        let mut k = 0;
        while k < chains.len() {
            let c = chains[k];
            if firm[k] {
                decided.push(None);
                k += 1;
                continue;
            }
            // `Doe, Jane`
            if let Some(next) = chains.get(k + 1) {
                if let Some(m) = self.inverted(c, *next, chains.get(k + 2)) {
                    decided.push(Some(m));
                    decided.push(None);
                    k += 2;
                    continue;
                }
            }
            decided.push(self.decide(c));
            k += 1;
        }
        // Coordination: `April and June`, `Rosalia and Stefani`, `Will & Grace`.
        for k in 0..chains.len() {
            if decided[k].is_some() {
                continue;
            }
            let c = chains[k];
            if c.first != c.last || self.words[c.first].kind != Kind::WordName {
                continue;
            }
            if self.words[c.first].flags & STOP != 0 && self.words[c.first].flags & CALENDAR == 0
                || self.is_date_part(c)
            {
                continue;
            }
            let near = |other: usize| -> bool {
                let o = chains[other];
                let (a, b) = if other < k {
                    (o.last, c.first)
                } else {
                    (c.last, o.first)
                };
                let gap = self.gap(a, b);
                decided[other].is_some_and(|d| d.2 >= SINGLE)
                    && (b == a + 1 && matches!(gap, " & " | ", ")
                        || b == a + 2
                            && matches!(self.word(a + 1), "and" | "or" | "und" | "et" | "y")
                            && gap.len() <= 6)
            };
            if (k > 0 && near(k - 1)) || (k + 1 < chains.len() && near(k + 1)) {
                let t = self.tokens[c.first];
                decided[k] = Some((t.start, t.end, WEAK, "name next to a name"));
            }
        }
        // CSV columns `Crystal,Brown`: a given name and a surname filling adjacent cells.
        for k in 0..chains.len().saturating_sub(1) {
            let (a, b) = (chains[k], chains[k + 1]);
            if a.first != a.last || b.first != b.last || b.first != a.last + 1 {
                continue;
            }
            if decided[k].is_some() && decided[k + 1].is_some() {
                continue;
            }
            let gap = self.gap(a.last, b.first);
            let (wa, wb) = (self.words[a.first], self.words[b.first]);
            let named = |w: Word| matches!(w.kind, Kind::Name | Kind::WordName);
            if matches!(gap, "," | ";" | "\t" | "|")
                && self.cell_filler(a.first, gap)
                && self.cell_filler(b.first, gap)
                && named(wa)
                && named(wb)
                && wa.flags & FIRST != 0
                && wb.flags & LAST != 0
                && (wa.flags | wb.flags) & (CALENDAR | PLACE) == 0
            {
                for (idx, t) in [(k, a.first), (k + 1, b.first)] {
                    if decided[idx].is_none() {
                        let t = self.tokens[t];
                        decided[idx] = Some((t.start, t.end, WEAK, "name columns"));
                    }
                }
            }
        }
        out.extend(decided.iter().flatten());
        self.lower_case_names(out);
        out.sort_by_key(|r| (r.0, r.1));
        out.dedup_by(|b, a| b.0 < a.1);
    }

    /// Whether token `i` fills a whole cell of a line delimited by `sep`.
    pub(super) fn cell_filler(&self, i: usize, sep: &str) -> bool {
        let t = self.tokens[i];
        let before = self.text[..t.start].chars().next_back();
        let after = self.text[t.end..].chars().next();
        let sep = sep.chars().next();
        let edge = |c: Option<char>| c.is_none() || c == Some('\n') || c == Some('\r') || c == sep;
        edge(before) && edge(after)
    }

    /// `Doe, Jane` / `DOE, Jane Q.`: a surname, a comma and a given name, not part of a longer list.
    fn inverted(&self, a: Chain, b: Chain, after: Option<&Chain>) -> Option<Found> {
        if a.first != a.last || b.first != b.last && b.last - b.first > 1 {
            return None;
        }
        if b.first != a.last + 1 || self.gap_bytes(a.last, b.first) != b", " {
            return None;
        }
        let wa = self.words[a.first];
        let wb = self.words[b.first];
        let surname = wa.flags & LAST != 0
            && matches!(wa.kind, Kind::Name | Kind::WordName)
            && (wa.flags & FIRST == 0 || self.cue(a).0 == Cue::Strong);
        let given = wb.flags & FIRST != 0 && wb.kind == Kind::Name
            || wb.kind == Kind::Unknown && wa.kind == Kind::Name && self.cue(a).0 == Cue::Strong;
        let list_follows = after
            .is_some_and(|n| n.first == b.last + 1 && self.gap_bytes(b.last, n.first) == b", ");
        if surname && given && !list_follows {
            let (s, e) = (self.tokens[a.first].start, self.tokens[b.last].end);
            return Some((s, e, STRONG, "surname, given name"));
        }
        None
    }

    fn decide(&self, chain: Chain) -> Option<Found> {
        let mut c = chain;
        // Trim: an unknown word before a given name (`Kunde Thomas Müller`), initials and particles at the
        // ends.
        while c.first < c.last {
            let w = self.words[c.first];
            let next = self.words[c.first + 1];
            let drop = match w.kind {
                Kind::Unknown => next.kind == Kind::Name && next.flags & FIRST != 0,
                Kind::Particle => true,
                _ => false,
            };
            if !drop {
                break;
            }
            c.first += 1;
        }
        // `Call Marguerite`, `Ask Gregory`: a sentence-initial verb that is also a surname.
        if c.first < c.last
            && self.words[c.first].kind == Kind::WordName
            && self.words[c.first].flags & FIRST == 0
            && self.sentence_initial(c)
        {
            c.first += 1;
        }
        while c.last > c.first && matches!(self.words[c.last].kind, Kind::Initial | Kind::Particle)
        {
            c.last -= 1;
        }
        let mut names = 0;
        let mut word_names = 0;
        let mut unknown = 0;
        let mut initials = 0;
        for i in c.first..=c.last {
            match self.words[i].kind {
                Kind::Name => names += 1,
                Kind::WordName => word_names += 1,
                Kind::Unknown => unknown += 1,
                Kind::Initial => initials += 1,
                _ => {}
            }
        }
        let m = names + word_names + unknown;
        if m == 0 || m > 4 {
            return None;
        }
        // `WAN IP`, `US`: short capitals alone in mixed-case text are acronyms; `Jane DOE` is a name.
        let acronyms = (c.first..=c.last).all(|i| {
            self.tokens[i].shape == Shape::Upper
                && self.tokens[i].end - self.tokens[i].start < 4
                && !shouting_at(self.text, self.tokens, i, &self.lines)
        });
        if acronyms {
            return None;
        }
        // Chains that only a strong cue can make a name (unknown capitalised words alone; a lone
        // word-name in no name position), where no strong cue can be: no score, whatever the tests below
        // say, so they are not run.
        let needs_strong_cue = names == 0
            && initials == 0
            && (word_names == 0 || word_names == 1 && unknown == 0 && self.lone_word_name_fails(c));
        if needs_strong_cue && !self.strong_cue_possible(c) {
            return None;
        }
        // Cheapest tests first; the column header, which may read the table's first lines, last.
        if self.is_date_part(c)
            || self.field_of_thing(c)
            || self.is_place(c)
            || self.org_follows(c)
            || self.institution_near(c)
            || self.modifier_of_noun(c)
            || self.street(c)
            || self.column(c).is_some_and(|col| col != Column::Person)
        {
            return None;
        }
        let first = self.words[c.first];
        let all_upper = (c.first..=c.last).all(|i| self.tokens[i].shape == Shape::Upper);
        let (cue, why) = self.cue(c);
        let mut span = (self.tokens[c.first].start, self.tokens[c.last].end);
        // `Jr`, `II` after a name.
        if let Some(s) = c.last.checked_add(1).filter(|&s| s < self.tokens.len()) {
            if self.words[s].flags & SUFFIX != 0
                && matches!(self.gap_bytes(c.last, s), b" " | b", ")
                && self.tokens[s].shape != Shape::Lower
            {
                span.1 = self.tokens[s].end;
            }
        }
        let calendar_only = (c.first..=c.last).all(|i| self.words[i].flags & CALENDAR != 0);
        let vocative = self.text[self.tokens[c.last].end..]
            .chars()
            .next()
            .is_some_and(|ch| matches!(ch, ',' | '!'));
        if calendar_only
            && !(why == "honorific" || why == "column header" || why == "greeting" && vocative)
        {
            return None;
        }
        // `in Milton Keynes`, `at Kleibrink`: after `in`/`at` only a full given name + surname is a person.
        let after_in = self.prev_on_line(c.first).is_some_and(|p| {
            matches!(
                self.key(p),
                "in" | "im" | "at" | "near" | "nach" | "aus" | "en" | "à" | "au" | "nel" | "nella"
            ) && self.gap_bytes(p, c.first) == b" "
        });
        if after_in
            && cue != Cue::Strong
            && !(first.kind == Kind::Name
                && first.flags & FIRST != 0
                && c.last > c.first
                && self.words[c.last].flags & LAST != 0)
        {
            return None;
        }
        let score = if cue == Cue::Strong {
            if names + word_names > 0 || unknown <= 3 {
                Some((STRONG, why))
            } else {
                None
            }
        } else if m >= 2 {
            if names >= 2 || names >= 1 && word_names >= 1 {
                Some((STRONG, "known names"))
            } else if names == 1 && unknown >= 1 {
                Some((MEDIUM, "known name and capitalised word"))
            } else if word_names >= 2
                && first.flags & FIRST != 0
                && self.words[c.last].flags & LAST != 0
                && !all_upper
            {
                Some((SINGLE, "names that are also words"))
            } else if word_names == 1
                && unknown >= 1
                && first.kind == Kind::WordName
                && first.flags & FIRST != 0
                && !self.sentence_initial(c)
            {
                Some((WEAK, "word-name and capitalised word"))
            } else {
                None
            }
        } else if initials >= 1 && names == 1 && self.words[c.last].flags & LAST != 0 {
            Some((MEDIUM, "initial and surname"))
        } else if initials >= 1 && m == 1 && cue == Cue::Weak {
            Some((WEAK, "initial and word"))
        } else {
            self.single(c, cue)
        };
        score.map(|(s, why)| (span.0, span.1, s, why))
    }

    /// A single name word with no strong cue.
    fn single(&self, c: Chain, cue: Cue) -> Option<(f64, &'static str)> {
        let i = (c.first..=c.last).find(|&i| self.words[i].kind != Kind::Initial)?;
        let w = self.words[i];
        let t = self.tokens[i];
        let after_locative = self.prev_on_line(c.first).is_some_and(|p| {
            self.words[p].flags & LOCATIVE != 0 && self.gap_bytes(p, c.first) == b" "
        });
        let after_determiner = self
            .prev_on_line(c.first)
            .is_some_and(|p| self.words[p].flags & DETERMINER != 0);
        if w.flags & PLACE != 0 {
            // `Jordan flew…`, `Florence still lives…` are people; `…, France`, `in Georgia` are places.
            let next_lower = self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.shape == Shape::Lower && self.gap_bytes(i, i + 1) == b" ");
            if after_locative || w.flags & REGION != 0 && !next_lower && cue == Cue::None {
                return None;
            }
        }
        if after_determiner {
            return None;
        }
        let upper = t.shape == Shape::Upper;
        if cue == Cue::None && self.address_context(c) {
            return None;
        }
        // `Johnson-Smith` alone is a firm more often than a person; `Jean-Luc` is a given name.
        if let Some((head, _)) = self.word(i).split_once('-') {
            let mut key = String::new();
            normalize_into(head, &mut key);
            if (GAZETTEER.flags(&key) & FIRST == 0 || mainly_surname(head)) && cue != Cue::Strong {
                return None;
            }
        }
        match w.kind {
            Kind::Name if w.flags & FIRST != 0 => {
                if upper && cue == Cue::None {
                    None
                } else {
                    Some((SINGLE, "given name"))
                }
            }
            Kind::Name => {
                // `at Niemeier`, `from Johnson-Smith`: a surname alone after a preposition is a firm.
                let double = self.word(i).contains('-');
                if upper && cue == Cue::None || after_locative || double && cue != Cue::Strong {
                    None
                } else {
                    Some((WEAK, "surname"))
                }
            }
            Kind::WordName => {
                if w.flags & CALENDAR != 0 || upper || self.sentence_initial(c) {
                    return None;
                }
                if cue == Cue::Weak || self.between_lower(i) {
                    Some((WEAK, "word-name in name position"))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Mid-sentence capital between lower-case words: `if Will can swap`.
    fn between_lower(&self, i: usize) -> bool {
        let prev_lower = self
            .prev_on_line(i)
            .is_some_and(|p| self.tokens[p].shape == Shape::Lower && self.gap_bytes(p, i) == b" ");
        prev_lower
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.shape == Shape::Lower && self.gap_bytes(i, i + 1) == b" ")
    }

    /// For a chain of one word-name (after trimming): whether [`single`](Self::single) gives it no score
    /// unless the cue is strong (a month, capitals, sentence-initial, or neither a weak cue nor between
    /// lower-case words).
    fn lone_word_name_fails(&self, c: Chain) -> bool {
        let i = c.first;
        self.words[i].flags & CALENDAR != 0
            || self.tokens[i].shape == Shape::Upper
            || self.sentence_initial(c)
            || !self.weak_cue(c) && !self.between_lower(i)
    }

    /// Lower-case names where the text says a name follows (`@jane`, `hi jane`, `[10:02] jane:`,
    /// `Customer: jane doe`), appended to `out`.
    fn lower_case_names(&self, out: &mut Vec<Found>) {
        let n = self.tokens.len();
        // The first token not yet looked at.
        let mut next = 0;
        for &i in &self.index.lower_names {
            if i < next {
                continue;
            }
            let t = self.tokens[i];
            let w = self.words[i];
            // Only a word with an apostrophe can be a contraction.
            if t.quote && contraction(self.word(i)) {
                continue;
            }
            let mut last = i;
            while last + 1 < n
                && self.gap_bytes(last, last + 1) == b" "
                && self.tokens[last + 1].shape == Shape::Lower
                && !self.tokens[last + 1].glued
                && (self.words[last + 1].flags & (FIRST | LAST | PARTICLE) != 0)
                && self.words[last + 1].flags & STOP == 0
            {
                last += 1;
            }
            let c = Chain { first: i, last };
            if !self.may_have_cue(c) {
                next = last + 1;
                continue;
            }
            let (cue, why) = self.cue(c);
            let common = (i..=last).any(|k| self.words[k].flags & COMMON != 0);
            let end = self.tokens[last].end;
            // Read only when the cue asks for them.
            let ends_clause = || {
                self.text[end..]
                    .chars()
                    .next()
                    .is_none_or(|ch| "!,.:;?\n)".contains(ch))
            };
            let to_line_end = || {
                self.text[end..]
                    .split('\n')
                    .next()
                    .is_some_and(|r| r.trim().is_empty())
            };
            let greeting = || {
                self.prev_on_line(i).is_some_and(|p| {
                    matches!(self.key(p), "hi" | "hey" | "hello" | "dear" | "hiya" | "yo")
                })
            };
            let accept = cue == Cue::Strong
                && match why {
                    "speaker" => true,
                    "mention" => true,
                    "label" => !common || to_line_end(),
                    "greeting" => greeting() && (!common || ends_clause()),
                    _ => !common,
                };
            let whole = why == "speaker" && self.text[end..].starts_with(':')
                || why == "label" && to_line_end();
            if accept && (whole || last == i) {
                out.push((t.start, self.tokens[last].end, STRONG, why));
            } else {
                // `@anna can you…`: keep the words that are not common words.
                let mut strict = i;
                while strict < last && self.words[strict + 1].flags & COMMON == 0 {
                    strict += 1;
                }
                let c1 = Chain {
                    first: i,
                    last: strict,
                };
                let (cue, why) = self.cue(c1);
                if cue == Cue::Strong && w.flags & COMMON == 0 {
                    out.push((t.start, self.tokens[strict].end, STRONG, why));
                }
            }
            next = last + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let rec = gazetteer_person();
        let mut out = Vec::new();
        let ents = [EntityType::PERSON];
        rec.analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn remembered_lines_are_the_lines_near() {
        let long = "x".repeat(700);
        // The capital line is longer than the reach: read from near its start it shouts, near its end not.
        let upper = "X".repeat(700);
        let text = format!("AB CD EF\nab\n\n{long}\nGH IJ KL {upper} mn\nend");
        assert_eq!(text.len(), 1430);
        let lines = Lines::default();
        for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
            for &(s, e) in &[
                (0, 8),
                (9, 11),
                (12, 12),
                (13, 713),
                (714, 1426),
                (1427, 1430),
            ] {
                if Lines::same_line(&text, pos, s, e) {
                    assert_eq!(line_near(&text, pos), (s, e), "{pos} {s} {e}");
                }
            }
            let fresh = {
                let (s, e) = line_near(&text, pos);
                shouting(&text[s..e])
            };
            assert_eq!(lines.shouting(&text, pos), fresh, "{pos}");
        }
        assert!(Lines::default().shouting(&text, 720));
        assert!(!Lines::default().shouting(&text, 1420));
    }

    fn shouting_at_agrees(text: &str) {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let lines = Lines::default();
        for i in 0..tokens.len() {
            let fresh = {
                let (s, e) = line_near(text, tokens[i].start);
                shouting(&text[s..e])
            };
            assert_eq!(shouting_at(text, &tokens, i, &lines), fresh, "{text:?} {i}");
        }
    }

    #[test]
    fn shouting_at_equals_the_line_test() {
        let long = "AB ".repeat(200);
        for text in [
            "WAN IP US ok\nAB CD EF GH",
            "Ab CD\nEF GH IJ kl",
            &format!("ab {long}CD ef"),
            &format!("Xy{long} Zz"),
            &format!("ab{}CD EF GH", " ".repeat(600)),
            &format!("AB CD EF{}gh", " ".repeat(600)),
            &format!("ab{}CD EF GH", " ".repeat(500)),
            &format!("AB CD EF{}gh", " ".repeat(500)),
            "ÉTÉ IP café ÑU",
        ] {
            shouting_at_agrees(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn shouting_at_equals_the_line_test_on_random_texts(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    6 => "[A-Z]{1,3}|É",
                    1 => "[a-z]{1,3}|[A-Z][a-z]{1,3}|é",
                    6 => "[ ,]",
                    1 => "\n",
                    1 => " {200,300}",
                ],
                0..60,
            )
        ) {
            shouting_at_agrees(&parts.concat());
        }
    }

    #[test]
    fn one_walk_classify_equals_the_separate_passes() {
        for text in [
            "Best regards, Peter Best. Love, Mum. Briana Love and Honey Sparks met Will Smith.",
            "hi jane van der Berg, [10:02] melanie: @anna Jean-Luc O'Brien DE Müller zoë",
            "Dear Customer, IP WAN US J. Doe and de la Cruz; café Ünal ÖZTÜRK to:von x_Jane Jane2",
        ] {
            let (tokens, words, _, index) = classified(text);
            let mut old = words.clone();
            // The separate passes from the words before completion.
            for w in old.iter_mut() {
                if w.kind == Kind::WordName && w.flags & STOP != 0 && w.flags & CALENDAR == 0 {
                    w.kind = Kind::Other;
                }
            }
            complete_stop_names(&mut old, text, &tokens);
            let mut old_index = Index::default();
            index_words(&old, &tokens, &mut old_index);
            assert_eq!(format!("{words:?}"), format!("{old:?}"), "{text}");
            assert_eq!(index.capitalised, old_index.capitalised, "{text}");
            assert_eq!(index.lower_names, old_index.lower_names, "{text}");
            assert!(!index.capitalised.is_empty());
        }
    }

    #[test]
    fn a_lent_header_cache_gives_the_same_names() {
        let text = "id,first_name,last_name,city\n1,Crystal,Brown,Austin\n2,Will,Summer,Leeds\nsee Crystal";
        let ents = [EntityType::PERSON];
        let rec = gazetteer_person();
        let mut own = Vec::new();
        rec.analyze(text, &RecognizerContext::new(&ents, "en"), &mut own)
            .unwrap();
        let headers = Mutex::new(HeaderCache::default());
        // Warmed at other positions first, as the engine's is by earlier recognizers.
        for at in [text.len() - 1, 60, 35, 3] {
            headers.lock().unwrap().column_header(text, at);
        }
        let mut lent = Vec::new();
        let ctx = RecognizerContext::new(&ents, "en").with_headers(&headers);
        rec.analyze(text, &ctx, &mut lent).unwrap();
        assert_eq!(format!("{own:?}"), format!("{lent:?}"));
        let found: Vec<&str> = own.iter().map(|r| &text[r.start..r.end]).collect();
        assert!(
            found.contains(&"Crystal") && found.contains(&"Summer"),
            "{found:?}"
        );
    }

    /// The tokens of `text` and what [`classify`] makes of them (without line facts).
    fn classified(text: &str) -> (Vec<Token>, Vec<Word>, String, Index) {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let (mut words, mut keys, mut index) = (Vec::new(), String::new(), Index::default());
        classify(
            text,
            &tokens,
            &Lines::default(),
            &mut words,
            &mut keys,
            &mut index,
            &mut String::new(),
        );
        (tokens, words, keys, index)
    }

    /// Runs `test` on the scan of `text`.
    fn with_scan(text: &str, test: impl FnOnce(&Scan<'_>)) {
        let (tokens, words, keys, index) = classified(text);
        let headers = Mutex::new(HeaderCache::default());
        let scan = Scan {
            text,
            tokens: &tokens,
            words: &words,
            keys: &keys,
            index: &index,
            lines: Lines::default(),
            column: Cell::new(None),
            headers: &headers,
            scratch: RefCell::new(String::new()),
        };
        test(&scan);
    }

    #[test]
    fn keys_are_the_words_normalised() {
        for text in [
            "Jane DOE met jean-luc and Jean-Luc O'Brien, Zoë ÖZTÜRK, McDonald's iPhone; x_Jane J. Doe",
            "ÉTÉ Straße d’Artagnan MARY-KATE anna",
            "",
        ] {
            with_scan(text, |scan| {
                for i in 0..scan.tokens.len() {
                    let t = scan.tokens[i];
                    let word = scan.word(i);
                    let want = if t.ascii && !t.quote {
                        word.to_ascii_lowercase()
                    } else {
                        let mut key = String::new();
                        normalize_into(word, &mut key);
                        key
                    };
                    assert_eq!(scan.key(i), want, "{text} {i}");
                }
            });
        }
    }

    #[test]
    fn gap_bytes_are_the_gaps() {
        for text in [
            "Jane  Doe,\u{a0}J. Smith\nvan der Berg — Zoë's café\\nAnna",
            "a\u{a0}B. C.D  e\r\nF",
        ] {
            with_scan(text, |scan| {
                let n = scan.tokens.len();
                for a in 0..=n {
                    for b in 0..=n {
                        assert_eq!(
                            scan.gap_bytes(a, b),
                            scan.gap(a, b).as_bytes(),
                            "{text} {a} {b}"
                        );
                    }
                }
            });
        }
    }

    #[test]
    fn streets_after_house_numbers() {
        for (text, want) in [
            ("846 Quinn Smith", true),
            ("Flat 15, Quinn Smith", true),
            ("12B Quinn Smith", true),
            ("x12B, Quinn Smith", false),
            ("1999 Quinn Smith", false),
            ("(42 Quinn Smith", true),
            ("é42 Quinn Smith", false),
            ("42  Quinn Smith", false),
            ("42,Quinn Smith", false),
            ("Quinn Smith", false),
            (" Quinn Smith", false),
            ("at Quinn Smith", false),
        ] {
            with_scan(text, |scan| {
                let n = scan.tokens.len();
                let c = Chain {
                    first: n - 2,
                    last: n - 1,
                };
                assert_eq!(scan.street(c), want, "{text}");
            });
        }
    }

    #[test]
    fn addresses_around_single_words() {
        for (text, want) in [
            ("Jane, Leeds", true),
            ("Jane Leeds", true),
            ("Jane,Leeds", true),
            ("Jane Kowalski", false),
            ("Jane, NC", true),
            ("Jane 12345", true),
            ("Jane, kitchen", false),
            ("24125 Jane", true),
            ("Jane", false),
        ] {
            with_scan(text, |scan| {
                let c = Chain { first: 0, last: 0 };
                assert_eq!(scan.address_context(c), want, "{text}");
            });
        }
    }

    #[test]
    fn streets_by_their_last_part() {
        for (text, want) in [
            ("Trude-Schaaf-Allee", true),
            ("TRUDE-SCHAAF-ALLEE", true),
            ("Trude-Schaaf-Müller", false),
            ("Leanne Trail", true),
            ("Trail", false),
            ("East Jane", true),
            ("East Smithers", false),
            ("Jane Smith", false),
        ] {
            with_scan(text, |scan| {
                let c = Chain {
                    first: 0,
                    last: scan.tokens.len() - 1,
                };
                assert_eq!(scan.street(c), want, "{text}");
            });
        }
    }

    #[test]
    fn full_names_are_one_span() {
        assert_eq!(
            find("Handover given by Juan Smith to Michael May."),
            ["Juan Smith", "Michael May"]
        );
        assert_eq!(
            find("Signed: Juliette van der Laarse."),
            ["Juliette van der Laarse"]
        );
        assert_eq!(find("Contact: Doe, Jane"), ["Doe, Jane"]);
    }

    #[test]
    fn common_words_need_support() {
        assert!(find("Hope you are well. We will grant it in May 9, 2024.").is_empty());
        assert_eq!(find("I will, if Will can swap."), ["Will"]);
        assert_eq!(find("Will Smith called"), ["Will Smith"]);
    }

    #[test]
    fn places_after_locatives_are_places() {
        assert!(find("She moved from Georgia last year.").is_empty());
        assert_eq!(find("Georgia Smith moved from Georgia."), ["Georgia Smith"]);
    }

    #[test]
    fn lower_case_with_cues() {
        assert_eq!(
            find("[10:02] melanie: hi flora! @anna ok"),
            ["melanie", "flora", "anna"]
        );
        assert!(find("the anna karenina novel").is_empty());
    }
}
