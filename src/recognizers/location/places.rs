//! Gazetteer places (countries, states and regions, cities) and place cues (`lives in`, `"city": "…"`).
//!
//! The gazetteer (`data/locations.txt`, from GeoNames, CC BY 4.0) is compiled once into an ASCII
//! case-insensitive Aho-Corasick automaton; a hit must sit on word boundaries and be written as the place
//! is (`Paris`) or in capitals (`FRANCE`). Places that are ordinary words (`Nice`, `Reading`) or common
//! names (`Florence`, `Jordan`) need a cue (`in`, `from`, `lives in`, `City:`), and any place next to a
//! capitalised surname-like word (`Georgia Smith`) or after an honorific is left alone unless cued.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{Lex, gaz_bit};
use super::table::Column;
use super::tokens::{Kind, Suffixes, Tok, WordSet, is_all_caps, is_cap, one_of};
use super::words::{AU_STATES, CA_PROVINCES, NOT_PLACE_WORDS, US_STATES};
use super::{Found, Part};
use crate::recognizers::hash::FxHashMap;

const DATA: &str = include_str!("../../../data/locations.txt");

/// Place kinds in the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PlaceKind {
    Country,
    Region,
    City,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    name: &'static str,
    kind: PlaceKind,
    word: bool,
    person: bool,
    /// A less common given name or surname (`Kimberley`).
    name_like: bool,
    big: bool,
}

struct Gazetteer {
    /// ASCII-lower-cased name → the first entry with that name.
    by_name: FxHashMap<Box<str>, u32>,
    entries: Vec<Entry>,
}

static NOT_PLACE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_PLACE_WORDS));

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut entries = Vec::new();
    for line in DATA.lines() {
        let mut cols = line.split('\t');
        let (Some(name), Some(kind), flags) = (cols.next(), cols.next(), cols.next().unwrap_or(""))
        else {
            continue;
        };
        let kind = match kind {
            "c" => PlaceKind::Country,
            "s" => PlaceKind::Region,
            _ => PlaceKind::City,
        };
        entries.push(Entry {
            name,
            kind,
            word: flags.contains('w'),
            person: flags.contains('p'),
            name_like: flags.contains('n'),
            big: flags.contains('b'),
        });
    }
    // One key per distinct name: the first entry (the most specific flags) wins.
    let mut by_name = FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
    for (k, e) in entries.iter().enumerate() {
        by_name
            .entry(e.name.to_ascii_lowercase().into_boxed_str())
            .or_insert(k as u32);
    }
    Gazetteer { by_name, entries }
});

/// Every place name in the gazetteer (for the [`lexicon`](super::lexicon)'s first words).
pub(super) fn names() -> impl Iterator<Item = &'static str> {
    GAZETTEER.entries.iter().map(|e| e.name)
}

impl Gazetteer {
    /// The entry named `found` written exactly so (or in capitals); `key` is scratch space.
    fn get(&self, found: &str, key: &mut String) -> Option<(usize, &Entry)> {
        key.clear();
        key.push_str(found);
        key.make_ascii_lowercase();
        let k = *self.by_name.get(key.as_str())? as usize;
        let entry = self.entries.get(k)?;
        spelled_as(found, entry.name).then_some((k, entry))
    }
}

/// What the gazetteer knows about `name` written exactly so (or in capitals).
pub(super) fn lookup(name: &str) -> Option<PlaceKind> {
    // Lower-cased on the stack: no allocation for names of up to 64 bytes.
    let mut buf = [0u8; 64];
    let Some(key) = buf.get_mut(..name.len()) else {
        return GAZETTEER.get(name, &mut String::new()).map(|(_, e)| e.kind);
    };
    key.copy_from_slice(name.as_bytes());
    key.make_ascii_lowercase();
    // ASCII lower-casing keeps the bytes valid UTF-8.
    let key = std::str::from_utf8(key).ok()?;
    let g = &*GAZETTEER;
    let entry = g.entries.get(*g.by_name.get(key)? as usize)?;
    spelled_as(name, entry.name).then_some(entry.kind)
}

fn spelled_as(found: &str, name: &str) -> bool {
    found == name
        || (is_all_caps(found) && found.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Key names whose value is a place (`"city": "Kehl"`, `<City>Houston</City>`, `postcode: LN6Y 3TG`).
const KEY_VALUE_PATTERN: &str = r#"(?i)(?:(city|town|state|province|county|region|country|zip|zip_?code|post_?code|postal_?code|pin_?code|street|line_?1|ciudad|ville|stadt|provincia|citt[aà]|plaats|woonplaats)\\?["']?[ \t]*[:=>][ \t]*\\?["']?|(zip|zip ?code|post ?code|postal code|pin ?code|plz)[ \t]+)"#;

/// [`KEY_VALUE_PATTERN`] anchored: the match starting at the start of the haystack, as the unanchored
/// search reports a match starting there (no look-around in the pattern, so a suffix of the text gives
/// the same match).
static KEY_VALUE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^{KEY_VALUE_PATTERN}")).expect("constant pattern compiles")
});

/// The whole ASCII words a [`KEY_VALUE_PATTERN`] match can start with, when the word is a run of ASCII
/// letters and digits: each key, and the part of `zip_code`, `postal code`, `line_1` before the `_` or
/// space.
pub(crate) const KEY_WORDS: &[&str] = &[
    "city",
    "town",
    "state",
    "province",
    "county",
    "region",
    "country",
    "zip",
    "zipcode",
    "post",
    "postcode",
    "postal",
    "postalcode",
    "pin",
    "pincode",
    "street",
    "line",
    "line1",
    "ciudad",
    "ville",
    "stadt",
    "provincia",
    "citta",
    "plaats",
    "woonplaats",
    "plz",
];

/// The [`KEY_WORDS`] that blanks may follow inside a match without a `:`, `=` or `>` (the pattern's
/// second branch: `zip 30301`, `postal code`, `pin code`).
pub(crate) const SPACED_KEY_WORDS: &[&str] = &[
    "zip", "zipcode", "post", "postcode", "postal", "pin", "pincode", "plz",
];

/// Scratch for [`Places::gazetteer`]: the names found in a text and the lookup key.
type NameScratch = (Vec<(usize, usize, &'static Entry)>, String);

thread_local! {
    static NAMES: std::cell::RefCell<NameScratch> = const {
        std::cell::RefCell::new((Vec::new(), String::new()))
    };
}

/// Scores.
const LABELLED: f64 = 0.85;
const KNOWN: f64 = 0.85;
const CUED: f64 = 0.7;
const BIG_CITY: f64 = 0.6;
const SHAPE_ONLY: f64 = 0.5;

/// First words of place names (`Port Aliciachester`, `Lake Barbara`, `North Henry`, `Bad Mergentheim`).
pub(crate) const TOPONYM_STARTS: &[&str] = &[
    "port", "lake", "north", "south", "east", "west", "new", "mount", "fort", "saint", "sainte",
    "san", "santa", "bad", "upper", "lower", "little", "great",
];

/// Endings of English place names (`-ville`, `-borough`, `-chester`, `-shire`) and Faker's Nordic/German
/// ones (`-stad`, `-furt`).
const TOPONYM_ENDS: &[&str] = &[
    "ville", "burgh", "borough", "bury", "mouth", "chester", "shire", "stad", "furt",
];

/// [`TOPONYM_ENDS`] indexed by last byte.
static TOPONYM_END_SET: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(TOPONYM_ENDS));

/// Words before a place that make it one (`in Hannover`, `from Sydney`, `near Bath`).
pub(crate) const CUE_WORDS: &[&str] = &[
    "in", "from", "to", "near", "outside", "around", "visit", "visiting", "via", "into", "toward",
    "towards", "across", "at", "nach", "aus", "bei", "à", "en", "a", "da", "di", "desde", "naar",
    "uit",
];

/// Labels before a colon that introduce a place (`City: Paris`, `Destination: Bremen`).
pub(crate) const LABELS: &[&str] = &[
    "city",
    "town",
    "location",
    "destination",
    "origin",
    "residence",
    "hometown",
    "birthplace",
    "place",
    "country",
    "state",
    "region",
    "province",
    "county",
    "where",
    "ort",
    "stadt",
    "ville",
    "ciudad",
    "città",
    "plaats",
    "address",
    "lieu",
    "venue",
];

/// Cue phrases after which capitalised words are a place even when no gazetteer knows them.
pub(crate) const STRONG_CUES: &[&[&str]] = &[
    &["lives", "in"],
    &["live", "in"],
    &["living", "in"],
    &["moved", "to"],
    &["moved", "from"],
    &["moving", "to"],
    &["relocated", "to"],
    &["relocating", "to"],
    &["based", "in"],
    &["born", "in"],
    &["located", "in"],
    &["residing", "in"],
    &["resident", "of"],
    &["grew", "up", "in"],
    &["native", "of"],
    &["days", "in"],
    &["trip", "to"],
    &["flew", "to"],
    &["flew", "from"],
];

/// Cue words that stay place cues before a common given name (`from Sydney`, not `visit Sydney`).
pub(crate) const PERSON_SAFE_CUES: &[&str] =
    &["in", "from", "near", "outside", "around", "nach", "aus"];

/// Lower-case words that may follow a place in a sentence (`from Sydney to Perth`, `in Bath last year`).
pub(crate) const FOLLOW_OK: &[&str] = &[
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "since",
    "last",
    "this",
    "next",
    "is",
    "was",
    "where",
    "when",
    "but",
    "until",
    "till",
    "from",
    "by",
    "after",
    "before",
    "during",
    "now",
    "today",
    "tomorrow",
    "yesterday",
    "then",
    "again",
    "too",
    "as",
    "so",
    "because",
    "while",
    "via",
    "area",
    "office",
    "branch",
    "centre",
    "center",
    "city",
    "town",
    "airport",
    "station",
    "who",
    "which",
    "that",
    "are",
    "were",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "a",
    "an",
    "the",
    "back",
    "instead",
];

/// Titles and greetings before a name, not a place (`Mr. Lincoln`, `Dear Florence`).
pub(crate) const PERSON_BEFORE: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sister", "brother", "aunt", "uncle", "dear",
    "hi", "hello", "hey", "herr", "frau", "mme", "mlle", "sr", "sra", "sig", "signora", "signor",
    "sir", "lady", "lord", "cousin", "grandma", "grandpa", "agent", "nurse", "coach",
];

pub(super) struct Places<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    /// Indices of the capitalised word tokens, in order.
    pub(super) caps: &'a [usize],
    /// Indices of the word tokens on a key or street-start list or with characters other than ASCII
    /// letters and digits, in order ([`tokenize_marked`](super::tokens::tokenize_marked)'s `marked`).
    pub(super) marked: &'a [usize],
    /// The union of every token's word lists.
    pub(super) lex_any: Lex,
    /// Organisation spans: places inside them belong to the organisation.
    pub(super) orgs: &'a [(usize, usize, f64)],
    /// Cells of delimited tables under recognised headers.
    pub(super) cells: &'a [(usize, usize, Column)],
}

impl<'t> Places<'t> {
    fn w(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Gazetteer names in the text, leftmost-longest: from each capitalised word, the longest run of
    /// tokens on one line that is a name written so (or in capitals). One hash lookup per candidate run,
    /// only from words that start a name and at most as many tokens as the longest such name spans.
    fn gazetteer_names(&self, out: &mut Vec<(usize, usize, &'static Entry)>, key: &mut String) {
        let g: &'static Gazetteer = &GAZETTEER;
        let lexicon = super::lexicon::lexicon();
        out.clear();
        let n = self.toks.len();
        // Tokens before `next` are inside a name already found.
        let mut next = 0;
        for &i in self.caps {
            let t = self.toks[i];
            // Only capitalised words start a name.
            if i < next || t.gaz == 0 {
                continue;
            }
            let mut last = i;
            let span = lexicon.name_span(t.gaz);
            while last + 1 < n && last + 1 < i + span && self.toks[last + 1].kind != Kind::Newline {
                last += 1;
            }
            // Only runs as long as some name starting with this word: a span spelling a name
            // tokenizes as the name does.
            let hit = (i..=last)
                .rev()
                .filter(|&j| t.gaz & gaz_bit(j - i + 1) != 0)
                .find_map(|j| {
                    let (s, e) = (t.start, self.toks[j].end);
                    g.get(&self.text[s..e], key)
                        .map(|(_, entry)| (j, s, e, entry))
                });
            if let Some((j, s, e, entry)) = hit {
                out.push((s, e, entry));
                next = j + 1;
            }
        }
    }

    /// Whether token `i` starts with an upper-case letter (false past either end).
    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// The lists token `i` is on (none past either end).
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::NONE, |t| t.lex)
    }

    /// Index of the first token starting at or after byte `at`.
    fn tok_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    fn in_org(&self, s: usize, e: usize) -> bool {
        // `orgs` are sorted by start and do not overlap: only the last one starting before `e` can
        // reach into `s..e`.
        let k = self.orgs.partition_point(|&(a, _, _)| a < e);
        k > 0 && self.orgs[k - 1].1 > s
    }

    /// The words before token `i` on its line (`lives in` → true for a strong cue), and whether the
    /// token before is a plain cue word or a label.
    fn cue_before(&self, i: usize) -> (bool, bool) {
        let prev = i.wrapping_sub(1);
        let Some(p) = self.toks.get(prev) else {
            return (false, false);
        };
        if p.kind == Kind::Punct && matches!(self.w(prev), ":" | "=" | ">" | "\"" | "'") {
            // `City: X`, `"city": "X"`, `<City>X`.
            let mut j = prev;
            for _ in 0..4 {
                j = j.wrapping_sub(1);
                match self.toks.get(j) {
                    Some(t) if t.kind == Kind::Word => {
                        let w = self.w(j);
                        let last = w.rsplit(['_', '-']).next().unwrap_or(w);
                        return (false, one_of(last, LABELS));
                    }
                    Some(t) if t.kind == Kind::Punct => continue,
                    _ => break,
                }
            }
            return (false, false);
        }
        if p.kind != Kind::Word {
            return (false, false);
        }
        let last = self.w(prev);
        let strong = self.lex(prev).has(Lex::STRONG_CUE_END)
            && STRONG_CUES.iter().any(|cue| {
                cue.last().is_some_and(|c| c.eq_ignore_ascii_case(last))
                    && cue.iter().rev().enumerate().all(|(k, c)| {
                        let j = i.wrapping_sub(1 + k);
                        self.toks.get(j).is_some_and(|t| t.kind == Kind::Word)
                            && self.w(j).eq_ignore_ascii_case(c)
                    })
            });
        (
            strong,
            strong || self.lex(prev).has(Lex::CUE_WORD | Lex::LABEL),
        )
    }

    /// Whether `s..e` lies in a table cell of a people column.
    fn in_person_cell(&self, s: usize, e: usize) -> bool {
        // Cells are in text order and do not overlap: only the last one starting at or before `s` can
        // hold `s..e`.
        let k = self.cells.partition_point(|&(a, _, _)| a <= s);
        k > 0 && {
            let (_, b, c) = self.cells[k - 1];
            c == Column::Person && e <= b
        }
    }

    /// Cells under place columns (`city`, `Ort`, `postcode`, `country`, `Straße`).
    pub(super) fn table_cells(&self, out: &mut Vec<Found>) {
        for &(s, e, col) in self.cells {
            let v = &self.text[s..e];
            let (ok, part) = match col {
                Column::City => (place_shaped(v), Part::City),
                Column::Region | Column::Country => (
                    place_shaped(v)
                        || (v.len() <= 3
                            && is_all_caps(v)
                            && v.chars().all(|c| c.is_ascii_uppercase())),
                    if col == Column::Region {
                        Part::Region
                    } else {
                        Part::Country
                    },
                ),
                Column::Postcode => (
                    (3..=10).contains(&v.len())
                        && v.bytes().any(|b| b.is_ascii_digit())
                        && v.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-'),
                    Part::Postcode,
                ),
                Column::Street => (
                    v.len() <= 80
                        && v.bytes().any(|b| b.is_ascii_digit())
                        && v.chars().any(char::is_alphabetic),
                    Part::Street,
                ),
                Column::Org | Column::Person => (false, Part::City),
            };
            if ok {
                out.push(Found {
                    start: s,
                    end: e,
                    score: LABELLED,
                    part,
                });
            }
        }
    }

    /// Gazetteer hits.
    pub(super) fn gazetteer(&self, out: &mut Vec<Found>) {
        // The name list and lookup key are kept per thread between texts.
        let (mut names, mut key) = crate::scratch::take(&NAMES);
        self.gazetteer_names(&mut names, &mut key);
        for &(s, e, entry) in &names {
            let found = &self.text[s..e];
            if !self.word_bounded(s, e) {
                continue;
            }
            if is_all_caps(found) && entry.kind == PlaceKind::City && found != entry.name {
                // `SHIP TO: GABOR HERING`: capitals alone do not make a city.
                continue;
            }
            if self.in_org(s, e) || self.in_person_cell(s, e) || NOT_PLACE.contains(found) {
                continue;
            }
            let i = self.tok_at(s);
            let j = self.tok_at(e);
            let next = self.toks.get(j);
            // A label (`Mobile:`, `Reading list:`), not a place.
            if next.is_some_and(|t| !t.space_before && t.text(self.text) == ":")
                && !found.contains(' ')
            {
                continue;
            }
            let (strong, cued) = self.cue_before(i);
            // `visit Sydney`, `to Jordan`: with a common given name only a firm place cue counts.
            let prev_is_word = self
                .toks
                .get(i.wrapping_sub(1))
                .is_some_and(|t| t.kind == Kind::Word);
            let cued = if entry.person && prev_is_word {
                strong || self.lex(i.wrapping_sub(1)).has(Lex::PERSON_SAFE_CUE)
            } else {
                cued
            };
            let prev_word = self.w(i.wrapping_sub(1));
            let after_title = self.lex(i.wrapping_sub(1)).has(Lex::PERSON_BEFORE)
                || (self.w(i.wrapping_sub(1)) == "."
                    && self.lex(i.wrapping_sub(2)).has(Lex::PERSON_BEFORE));
            // Part of a longer capitalised name: `Georgia Smith`, `Hayley Reading`.
            let next_cap = next.is_some_and(|t| {
                t.kind == Kind::Word
                    && t.space_before
                    && is_cap(t.text(self.text))
                    && !is_all_caps(t.text(self.text))
                    && !matches!(
                        lookup(t.text(self.text)),
                        Some(PlaceKind::Country | PlaceKind::Region)
                    )
                    && !t.lex.has(Lex::EN_TYPE)
            });
            let prev_cap = i > 0
                && self.toks.get(i).is_some_and(|t| t.space_before)
                && self.toks.get(i - 1).is_some_and(|t| t.kind == Kind::Word)
                && is_cap(prev_word)
                && !self.lex(i - 1).has(Lex::NOT_PLACE | Lex::CUE_WORD)
                && !matches!(
                    lookup(prev_word),
                    Some(PlaceKind::Country | PlaceKind::Region)
                );
            // `in Normal mode`, `on a Samba server`: an ambiguous name followed by a noun is not a place.
            let next_noun = next.is_some_and(|t| {
                t.kind == Kind::Word
                    && t.space_before
                    && !is_cap(t.text(self.text))
                    && !t.lex.has(Lex::FOLLOW_OK)
            });
            let ambiguous = entry.word || entry.person || next_cap || prev_cap || after_title;
            let score = if after_title {
                continue;
            } else if ambiguous {
                if !cued || next_cap || prev_cap || next_noun {
                    continue;
                }
                CUED
            } else {
                match entry.kind {
                    PlaceKind::Country | PlaceKind::Region => KNOWN,
                    PlaceKind::City if cued => KNOWN,
                    PlaceKind::City if entry.big && !entry.name_like => BIG_CITY,
                    PlaceKind::City => {
                        if entry.name_like {
                            continue;
                        }
                        if !self.address_context(i, j) {
                            continue;
                        }
                        BIG_CITY
                    }
                }
            };
            let part = match entry.kind {
                PlaceKind::Country => Part::Country,
                PlaceKind::Region => Part::Region,
                PlaceKind::City => Part::City,
            };
            out.push(Found {
                start: s,
                end: e,
                score,
                part,
            });
        }
        // A huge text's buffers are freed rather than kept.
        if names.capacity() <= 1 << 12 && key.capacity() <= 1 << 10 {
            crate::scratch::put_back(&NAMES, (names, key));
        }
    }

    /// Small towns without a cue: only when they stand as a field of their own (`,Vechta,`,
    /// `\tLixius\n`, `Dallas\n`) rather than inside running text.
    fn address_context(&self, i: usize, j: usize) -> bool {
        let sep = |t: Option<&Tok>| match t {
            None => true,
            Some(t) => {
                t.kind == Kind::Newline
                    || matches!(t.text(self.text), "," | ";" | "\t" | "\"" | "(" | ")" | "|")
            }
        };
        sep(i.checked_sub(1).and_then(|k| self.toks.get(k))) && sep(self.toks.get(j))
    }

    fn word_bounded(&self, s: usize, e: usize) -> bool {
        let before = self.text[..s].chars().next_back();
        let after = self.text[e..].chars().next();
        let after2 = self.text[e..].chars().nth(1);
        // `\nTelangana` inside JSON-escaped text: the escape is a separator.
        let escaped = matches!(before, Some('n' | 't' | 'r')) && self.text[..s - 1].ends_with('\\');
        let bad_before =
            before.is_some_and(|c| {
                c.is_alphanumeric()
                    || matches!(
                        c,
                        '@' | '/' | '_' | '\\' | '#' | '&' | '=' | '+' | '-' | '.'
                    )
            }) && !(before == Some('.') && s >= 2 && self.text[..s - 1].ends_with(' '))
                && !escaped;
        let bad_after = after.is_some_and(|c| {
            c.is_alphanumeric()
                || matches!(c, '@' | '/' | '_' | '-')
                || (c == '.' && after2.is_some_and(char::is_alphanumeric))
        });
        !(bad_before || bad_after)
    }

    /// Invented or unlisted towns by their shape: a toponymic prefix (`Port Aliciachester`,
    /// `Lake Barbara`, `West Shaneland`) or suffix (`Collinschester`, `Russellshire`, `Sarahborough`).
    /// Prefix forms need a place cue; suffix forms are reported without one at a low score.
    pub(super) fn toponyms(&self, out: &mut Vec<Found>) {
        // Capitalised words only.
        for &i in self.caps {
            let t = self.toks[i];
            // Neither a prefix word nor long enough for a suffix: the cheap test first.
            if !t.lex.has(Lex::TOPONYM_START) && t.end - t.start < 7 {
                continue;
            }
            let w = t.text(self.text);
            let next = self.toks.get(i + 1);
            let next_word = next.is_some_and(|n| n.kind == Kind::Word && n.space_before);
            let prefixed = t.lex.has(Lex::TOPONYM_START) && next_word;
            let suffixed = w.len() >= 7 && TOPONYM_END_SET.find(w, 3).is_some();
            if !prefixed && !suffixed || is_all_caps(w) {
                continue;
            }
            let (_, cued) = self.cue_before(i);
            let prev_word = i > 0
                && t.space_before
                && self.toks.get(i - 1).is_some_and(|p| p.kind == Kind::Word)
                && self.cap(i - 1)
                && !self.lex(i - 1).has(Lex::CUE_WORD);
            let (end, score) = if prefixed && cued {
                let n = self.w(i + 1);
                if !is_cap(n) || self.lex(i + 1).has(Lex::NOT_PLACE) {
                    continue;
                }
                (i + 1, CUED)
            } else if suffixed
                && !(next_word && next.is_some_and(|n| is_cap(n.text(self.text))))
                && !prev_word
                && lookup(w).is_none()
            {
                (i, if cued { CUED } else { SHAPE_ONLY })
            } else {
                continue;
            };
            let (s, e) = (t.start, self.toks[end].end);
            if self.in_org(s, e) || self.in_person_cell(s, e) || !self.word_bounded(s, e) {
                continue;
            }
            out.push(Found {
                start: s,
                end: e,
                score,
                part: Part::City,
            });
        }
    }

    /// Capitalised words after a strong cue (`lives in Port Aliciachester`), known or not.
    pub(super) fn cued_words(&self, out: &mut Vec<Found>) {
        // A strong cue ends in a word on its list.
        if !self.lex_any.has(Lex::STRONG_CUE_END) {
            return;
        }
        // Capitalised words only.
        for &i in self.caps {
            let candidate = self.toks[i].space_before;
            // A strong cue ends in a word on its list (`cue_before`'s first test for one).
            let strong_end = i > 0
                && self.toks[i - 1].kind == Kind::Word
                && self.toks[i - 1].lex.has(Lex::STRONG_CUE_END);
            if !candidate || !strong_end || !self.cue_before(i).0 {
                continue;
            }
            if self.lex(i).has(Lex::NOT_PLACE) {
                continue;
            }
            let mut last = i;
            let mut k = i + 1;
            while k < i + 4
                && self
                    .toks
                    .get(k)
                    .is_some_and(|t| t.kind == Kind::Word && t.space_before)
            {
                if self.cap(k) && !self.lex(k).has(Lex::NOT_PLACE) {
                    last = k;
                } else if !self.lex(k).has(Lex::PARTICLE) {
                    break;
                }
                k += 1;
            }
            let (s, e) = (self.toks[i].start, self.toks[last].end);
            if self.in_org(s, e) {
                continue;
            }
            out.push(Found {
                start: s,
                end: e,
                score: CUED,
                part: Part::City,
            });
        }
    }

    /// Values of place keys: `"city": "Kehl"`, `<PostalCode>77332</PostalCode>`, `state: California`.
    ///
    /// The results of running [`KEY_VALUE_PATTERN`] over the whole text (keeping matches with no letter
    /// or digit before them), from anchored matches at the only places such a match can start: a word
    /// on the [`Lex::KEY`] list (when what follows it can go on a key), and in a word holding other
    /// characters, its start and each character after one that is not a letter or digit. A match
    /// that starts after a letter or digit is dropped, and it can hold no other match's start (its key's
    /// inner characters follow letters or `_`/space before `code` or `1`; its separators start no key), so
    /// skipping those starts leaves the kept matches as they were.
    pub(super) fn key_values(&self, out: &mut Vec<Found>) {
        let bytes = self.text.as_bytes();
        // The end of the last match: the unanchored search resumes there.
        let mut last_end = 0;
        for &i in self.marked {
            let t = self.toks[i];
            if t.start < last_end {
                continue;
            }
            let word = &bytes[t.start..t.end];
            if word.iter().all(u8::is_ascii_alphanumeric) {
                // A whole ASCII word: a key word, or listed for something else.
                if t.lex.has(Lex::KEY) && key_may_follow(bytes, t.end, t.lex) {
                    self.key_value_at(t.start, &mut last_end, out);
                }
                continue;
            }
            let mut prev: Option<char> = None;
            for (k, c) in self.text[t.start..t.end].char_indices() {
                let p = t.start + k;
                let starts = prev.is_none_or(|b| !b.is_alphanumeric());
                prev = Some(c);
                if !starts || p < last_end || !may_start_key(c) {
                    continue;
                }
                self.key_value_at(p, &mut last_end, out);
            }
        }
    }

    /// The key-value match starting at byte `p`, if any: sets `last_end` to its end and records its value.
    fn key_value_at(&self, p: usize, last_end: &mut usize, out: &mut Vec<Found>) {
        let Some(m) = KEY_VALUE_AT.find(&self.text[p..]) else {
            return;
        };
        let (start, end) = (p + m.start(), p + m.end());
        *last_end = end;
        self.key_value(start, end, out);
    }

    /// Records the value after the key-value match `ms..me` (as the former scan over every match did).
    fn key_value(&self, ms: usize, me: usize, out: &mut Vec<Found>) {
        let before = self.text[..ms].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric()) {
            return;
        }
        let key = self.text[ms..me]
            .trim_end_matches(['"', '\'', ' ', '\t', ':', '=', '>'])
            .to_ascii_lowercase();
        let rest = &self.text[me..];
        let spaced = !self.text[ms..me].contains([':', '=', '>']);
        if spaced {
            // `postcode 44182`, `zip code 30301-1234`, `postcode SW1A 2AA`: one postcode-shaped token
            // (two for British and Canadian codes) after the word, without a separator.
            if let Some((s, e)) = spaced_postcode(rest) {
                let (start, end) = (me + s, me + e);
                if !self.in_org(start, end) {
                    out.push(Found {
                        start,
                        end,
                        score: LABELLED,
                        part: Part::Postcode,
                    });
                }
            }
            return;
        }
        let single = self.text[..me].ends_with('\'');
        let stop = rest
            .find(|c: char| {
                matches!(c, '"' | '\n' | '<' | '}' | ']' | '\\' | ';' | '|' | '\t')
                    || (c == '\'' && single)
            })
            .unwrap_or(rest.len());
        let mut value = &rest[..stop];
        let is_street = key.starts_with("street") || key.starts_with("line");
        if !is_street {
            value = value.split(',').next().unwrap_or("");
        }
        let trimmed = value.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        let v = trimmed.trim_start();
        if v.is_empty() || v.len() > 80 {
            return;
        }
        let start = me + lead;
        let end = start + v.len();
        let ok = match key.as_str() {
            k if k.starts_with("zip") || k.starts_with("post") || k.starts_with("pin") => {
                (3..=10).contains(&v.len())
                    && v.bytes().any(|b| b.is_ascii_digit())
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
            }
            _ if is_street => {
                v.bytes().any(|b| b.is_ascii_digit()) && v.chars().any(char::is_alphabetic)
            }
            "state" | "region" | "province" | "county" | "provincia" | "country" => {
                lookup(v).is_some()
                    || (v.len() <= 3
                        && is_all_caps(v)
                        && (US_STATES.contains(&v)
                            || CA_PROVINCES.contains(&v)
                            || AU_STATES.contains(&v)
                            || (key == "country" && v.len() == 2)))
            }
            _ => place_shaped(v),
        };
        if !ok || self.in_org(start, end) {
            return;
        }
        let part = if is_street {
            Part::Street
        } else if key.starts_with("zip") || key.starts_with("post") || key.starts_with("pin") {
            Part::Postcode
        } else {
            Part::City
        };
        out.push(Found {
            start,
            end,
            score: LABELLED,
            part,
        });
    }
}

/// Whether a key-value match can start at a whole ASCII word ending at byte `end` whose lists are `lex`
/// (a [`Lex::KEY`] word): what follows the word must go on in a key. After the key come `\\`, a quote,
/// a blank, `:`, `=` or `>`, or for `zip_code`, `line_1` a `_`; after blanks only more blanks and a `:`,
/// `=` or `>`, unless the word is one that blanks may follow (`zip 30301`, `postal code`).
fn key_may_follow(bytes: &[u8], end: usize, lex: Lex) -> bool {
    match bytes.get(end) {
        Some(b'\\' | b'"' | b'\'' | b':' | b'=' | b'>' | b'_') => true,
        Some(b' ' | b'\t') => {
            lex.has(Lex::SPACED_KEY)
                || bytes[end..]
                    .iter()
                    .find(|&&b| b != b' ' && b != b'\t')
                    .is_some_and(|&b| matches!(b, b':' | b'=' | b'>'))
        }
        _ => false,
    }
}

/// Whether a key can start with character `c`: the first letters of the keys in any case, and any
/// character outside ASCII (which a case-insensitive match may fold to one, as `ſ` to `s`).
fn may_start_key(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c.to_ascii_lowercase(),
            'c' | 't' | 's' | 'p' | 'r' | 'z' | 'l' | 'v' | 'w'
        )
    } else {
        c.is_alphabetic()
    }
}

/// The postcode at the start of `rest`, as a byte range: four or more digits (`44182`, `30301-1234`) or
/// a letter-digit code (`SW1A 2AA`, `K1A 0B1`, `3495KT`) in capitals, ending at a word boundary.
fn spaced_postcode(rest: &str) -> Option<(usize, usize)> {
    let token_end = |s: &str| {
        s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(s.len())
    };
    let first = &rest[..token_end(rest)];
    let digits = first.bytes().filter(u8::is_ascii_digit).count();
    if !(3..=10).contains(&first.len()) || digits == 0 {
        return None;
    }
    let mut end = first.len();
    let mixed = first.bytes().any(|b| b.is_ascii_alphabetic());
    if mixed {
        if first.bytes().any(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // Inward part of a British or Canadian code: `2AA`, `0B1`.
        if let Some(next) = rest[end..].strip_prefix(' ') {
            let second = &next[..token_end(next)];
            if second.len() == 3
                && second
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            {
                end += 1 + second.len();
            }
        }
    } else if digits < 4 {
        return None;
    }
    let after = rest[end..].chars().next();
    (!after.is_some_and(|c| c.is_alphanumeric())).then_some((0, end))
}

/// A capitalised name of at most five words made of letters, hyphens, apostrophes, dots and spaces.
fn place_shaped(v: &str) -> bool {
    is_cap(v)
        && v.split_whitespace().count() <= 5
        && v.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | '(' | ')'))
        && !NOT_PLACE.contains(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_lookups() {
        assert_eq!(lookup("Germany"), Some(PlaceKind::Country));
        assert_eq!(lookup("GERMANY"), Some(PlaceKind::Country));
        assert_eq!(lookup("germany"), None);
        assert_eq!(lookup("Haryana"), Some(PlaceKind::Region));
        assert_eq!(lookup("Hannover"), Some(PlaceKind::City));
        assert_eq!(lookup("Hannoverx"), None);
        let nice = GAZETTEER.entries.iter().find(|e| e.name == "Nice").unwrap();
        assert!(nice.word);
        let jordan = GAZETTEER
            .entries
            .iter()
            .find(|e| e.name == "Jordan")
            .unwrap();
        assert!(jordan.person);
    }

    #[test]
    fn lookup_without_allocation_as_get() {
        for name in [
            "Germany", "GERMANY", "germany", "Hannover", "New York", "NEW YORK", "Ünà", "x",
        ] {
            let want = GAZETTEER.get(name, &mut String::new()).map(|(_, e)| e.kind);
            assert_eq!(lookup(name), want, "{name}");
        }
        let long = "A".repeat(80);
        assert_eq!(lookup(&long), None);
    }

    /// [`Places::key_values`] as it was: every match of the unanchored pattern over the whole text.
    fn key_values_reference(p: &Places<'_>, out: &mut Vec<Found>) {
        let re = Regex::new(KEY_VALUE_PATTERN).unwrap();
        for m in re.find_iter(p.text) {
            p.key_value(m.start(), m.end(), out);
        }
    }

    /// Value spans from the anchored scan and from the unanchored one.
    type Spans = Vec<(usize, usize)>;

    fn key_values_both(text: &str) -> (Spans, Spans) {
        let layout = super::super::Layout::of(text);
        let p = Places {
            text,
            toks: &layout.toks,
            caps: &layout.caps,
            marked: &layout.marked,
            lex_any: layout.lex_any,
            orgs: &layout.orgs,
            cells: &layout.cells,
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        p.key_values(&mut a);
        key_values_reference(&p, &mut b);
        let spans = |v: Vec<Found>| v.iter().map(|f| (f.start, f.end)).collect();
        (spans(a), spans(b))
    }

    #[test]
    fn key_values_as_the_unanchored_scan() {
        for text in [
            "city: Paris",
            r#"{"city": "Kehl", "zip_code": "77694", "line_1": "Hauptstr. 5"}"#,
            "<PostalCode>77332</PostalCode> <City>Houston</City>",
            "postcode SW1A 2AA and zip code 30301-1234, postal code 12345",
            "velocity: Rome, x-city: Rome, ſtate: Ohio, CITTÀ: Roma, Città = Milano",
            "state of the art; the state  = Ohio; zip\t 77777; plz 10115 Berlin",
            "Ort-city:Bonn, l'city: Lyon, \u{301}city: Nice, ²city: Bari",
        ] {
            let (a, b) = key_values_both(text);
            assert_eq!(a, b, "{text}");
        }
        assert_eq!(key_values_both("city: Paris").0.len(), 1);
        assert_eq!(key_values_both("x-city: Rome").0.len(), 1);
        assert_eq!(key_values_both("ſtate: Ohio").0.len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn key_values_as_the_unanchored_scan_on_random_texts(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "city", "CITY", "City", "zip", "ZIP", "code", "postal", "post", "pin", "line", "1",
                    "state", "ſtate", "città", "CITTÀ", "citta", "plz", "woonplaats", "province", "provincia",
                    "street", "x", "é", "\u{301}", "²", "-", "'", "’", "_", " ", "  ", "\t", ":", "=", ">",
                    "\"", "\\", "\n", ",", ";", "Paris", "Ohio", "12345", "SW1A", "2AA", "Main St 5",
                ]),
                0..24,
            )
        ) {
            let text: String = parts.concat();
            let (a, b) = key_values_both(&text);
            proptest::prop_assert_eq!(a, b, "{:?}", text);
        }
    }

    #[test]
    fn shapes() {
        assert!(place_shaped("Port Jessicaland"));
        assert!(place_shaped("L'Alzoni"));
        assert!(!place_shaped("active"));
        assert!(!place_shaped("A1 2BC"));
    }
}
