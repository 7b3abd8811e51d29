//! Per-token facts looked up once per token: which word lists a word is on, and how many tokens the
//! longest gazetteer name starting with it spans.
//!
//! The address grammar, the place passes and the organisation finder all ask the same questions of the
//! same tokens (`is this a street type?`, `a particle?`, `a cue word?`). Each list test used to be a scan
//! of a constant list per question; now one hash lookup per word answers them all, and every later test
//! is a bit test. Membership is ASCII case-insensitive, exactly as [`one_of`](super::tokens::one_of)
//! and [`WordSet`](super::tokens::WordSet) compare.

use std::sync::LazyLock;

use super::places;
use super::tokens::tokenize;
#[cfg(test)]
use super::tokens::{Kind, Tok};
use super::words::{
    AU_STATES, EN_TYPES, FR_BARE_TYPES, FR_TYPES, LEADING_TYPES, NOT_PLACE_WORDS, PARTICLES,
    STREET_ABBREVIATIONS, TOPONYM_PREFIXES, UNIT_AFTER, UNIT_BEFORE,
};
use crate::recognizers::hash::FxHashMap;
use crate::recognizers::organization as org;

/// The word lists a token is on, one bit per list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lex(u32);

impl Lex {
    /// On no list.
    pub(crate) const NONE: Lex = Lex(0);
    /// [`EN_TYPES`]: English street types.
    pub(crate) const EN_TYPE: Lex = Lex(1 << 0);
    /// [`LEADING_TYPES`]: Romance street types before the name.
    pub(crate) const LEADING_TYPE: Lex = Lex(1 << 1);
    /// [`FR_TYPES`]: French street types.
    pub(crate) const FR_TYPE: Lex = Lex(1 << 2);
    /// [`FR_BARE_TYPES`]: French street types that may stand without a number.
    pub(crate) const FR_BARE_TYPE: Lex = Lex(1 << 3);
    /// [`PARTICLES`]: lower-case words inside names.
    pub(crate) const PARTICLE: Lex = Lex(1 << 4);
    /// [`UNIT_AFTER`]: unit designators after a street.
    pub(crate) const UNIT_AFTER: Lex = Lex(1 << 5);
    /// [`UNIT_BEFORE`]: unit designators before a street.
    pub(crate) const UNIT_BEFORE: Lex = Lex(1 << 6);
    /// [`NOT_PLACE_WORDS`]: capitalised words that are never places.
    pub(crate) const NOT_PLACE: Lex = Lex(1 << 7);
    /// [`TOPONYM_PREFIXES`]: street types that also start place names.
    pub(crate) const TOPONYM_PREFIX: Lex = Lex(1 << 8);
    /// [`AU_STATES`]: Australian state abbreviations.
    pub(crate) const AU_STATE: Lex = Lex(1 << 9);
    /// Place cue words (`in`, `from`, `near`).
    pub(crate) const CUE_WORD: Lex = Lex(1 << 10);
    /// Place labels (`city`, `destination`).
    pub(crate) const LABEL: Lex = Lex(1 << 11);
    /// Lower-case words that may follow a place in a sentence.
    pub(crate) const FOLLOW_OK: Lex = Lex(1 << 12);
    /// Titles and greetings before a name.
    pub(crate) const PERSON_BEFORE: Lex = Lex(1 << 13);
    /// Place cues that stay cues before a common given name.
    pub(crate) const PERSON_SAFE_CUE: Lex = Lex(1 << 14);
    /// First words of place names (`Port`, `Lake`).
    pub(crate) const TOPONYM_START: Lex = Lex(1 << 15);
    /// The last word of a strong place cue (`lives in`).
    pub(crate) const STRONG_CUE_END: Lex = Lex(1 << 16);
    /// Words that never start an organisation name.
    pub(crate) const NOT_START: Lex = Lex(1 << 17);
    /// Industry words that end a brand-style company name.
    pub(crate) const INDUSTRY: Lex = Lex(1 << 18);
    /// Generic words that make `X Insurance` a phrase.
    pub(crate) const GENERIC_BEFORE_INDUSTRY: Lex = Lex(1 << 19);
    /// Nationality and language words.
    pub(crate) const NATIONALITY: Lex = Lex(1 << 20);
    /// Institution words that end a name (`Hospital`).
    pub(crate) const INSTITUTION_AFTER: Lex = Lex(1 << 21);
    /// Institution words that start a name (`Ospedale`).
    pub(crate) const INSTITUTION_BEFORE: Lex = Lex(1 << 22);
    /// The last word of an employer cue (`works at`, `joined`).
    pub(crate) const ORG_CUE_END: Lex = Lex(1 << 23);
    /// A legal form or firm ending in any case (`Ltd`, `GmbH`, `Sons`): a gate for the exact,
    /// case-sensitive comparison.
    pub(crate) const LEGAL_END: Lex = Lex(1 << 24);

    /// A word `k` tokens before the last of an employer cue (`works` of `works at`): `ORG_CUE_1`,
    /// `ORG_CUE_2`, `ORG_CUE_3` for `k` = 1, 2, 3.
    pub(crate) const ORG_CUE_1: Lex = Lex(1 << 25);
    /// See [`Lex::ORG_CUE_1`].
    pub(crate) const ORG_CUE_2: Lex = Lex(1 << 26);
    /// See [`Lex::ORG_CUE_1`].
    pub(crate) const ORG_CUE_3: Lex = Lex(1 << 27);
    /// A whole ASCII word a place key can start with (`city`, `zip` of `zip_code`, `postal` of
    /// `postal code`): [`places::KEY_WORDS`].
    pub(crate) const KEY: Lex = Lex(1 << 28);
    /// A [`Lex::KEY`] word that a space may follow in a key (`zip 30301`, `postal code`):
    /// [`places::SPACED_KEY_WORDS`].
    pub(crate) const SPACED_KEY: Lex = Lex(1 << 29);
    /// Abbreviations that start a street before a dot (`C.`, `Avda.`, `Pza.`, `Pl.`) and the `H` of
    /// `H.No.`: [`STREET_ABBREVIATIONS`].
    pub(crate) const STREET_ABBREV: Lex = Lex(1 << 30);
    /// The words a street can start on without a number or a dot and a number after them: units,
    /// leading and French street types, and the abbreviations.
    pub(crate) const STREET_START: Lex =
        Lex(Lex::UNIT_BEFORE.0 | Lex::LEADING_TYPE.0 | Lex::FR_TYPE.0 | Lex::STREET_ABBREV.0);
    /// First words of two-word institution endings (`medical` of `Medical Center`).
    pub(crate) const INSTITUTION_PAIR: Lex = Lex(1 << 31);
    /// The words [`tokenize_marked`](super::tokens::tokenize_marked) lists in `marked`: key words and
    /// street starts.
    pub(crate) const MARK: Lex = Lex(Lex::KEY.0 | Lex::STREET_START.0);

    /// Whether the token is on any of the lists in `lists`.
    #[inline]
    pub(crate) fn has(self, lists: Lex) -> bool {
        self.0 & lists.0 != 0
    }
}

impl std::ops::BitOr for Lex {
    type Output = Lex;

    fn bitor(self, other: Lex) -> Lex {
        Lex(self.0 | other.0)
    }
}

/// What the lexicon knows about one lower-cased word.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    lex: Lex,
    /// The token counts of the gazetteer names starting with this word, as [`gaz_bit`] sets them; 0 when
    /// none starts with it.
    gaz: u8,
}

/// The bit of a [`Tok::gaz`](super::tokens::Tok::gaz) mask for names of `n` tokens (`n` >= 1): bit
/// `n - 1`, with bit 7 standing for eight tokens or more.
#[inline]
pub(crate) fn gaz_bit(n: usize) -> u8 {
    1 << (n.clamp(1, 8) - 1)
}

/// The word lists and gazetteer first words, for one lookup per word token ([`Lexicon::facts`]).
pub(crate) struct Lexicon {
    /// Words of at most eight bytes, packed by [`pack`]: one multiply and one compare per probe.
    short: PackedTable<u64>,
    /// Words of nine to sixteen bytes, packed by [`pack16`].
    mid: PackedTable<MidKey>,
    /// Longer words.
    words: FxHashMap<Box<[u8]>, Facts>,
    longest: usize,
    /// The most tokens a gazetteer name spans.
    name_tokens: usize,
}

/// A word of nine to sixteen bytes as [`pack16`] packs it: its first and last eight bytes, lower-cased,
/// and its length (0 marks an empty slot).
type MidKey = (u64, u64, usize);

/// Multiplier for [`PackedTable`]'s hash (FxHash's).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A word packed into a fixed-size key: [`pack`]'s `u64` or [`pack16`]'s [`MidKey`].
trait PackedKey: Copy + Eq {
    /// The key of an empty slot; no word packs to it.
    const EMPTY: Self;
    /// The key's hash; the table takes its top bits.
    fn hash(self) -> u64;
}

impl PackedKey for u64 {
    const EMPTY: Self = 0;
    #[inline]
    fn hash(self) -> u64 {
        self.wrapping_mul(SEED)
    }
}

impl PackedKey for MidKey {
    const EMPTY: Self = (0, 0, 0);
    #[inline]
    fn hash(self) -> u64 {
        let (lo, hi, n) = self;
        (lo ^ hi.rotate_left(29) ^ n as u64).wrapping_mul(SEED)
    }
}

/// An open-addressing table from packed words to their facts, linear probing, at most half full: one
/// multiply and one compare per probe.
struct PackedTable<K> {
    slots: Box<[(K, Facts)]>,
    shift: u32,
}

impl<K: PackedKey> PackedTable<K> {
    fn new(entries: &[(K, Facts)]) -> PackedTable<K> {
        let mut bits = 4;
        while (1usize << bits) < entries.len() * 2 {
            bits += 1;
        }
        let mut slots = vec![(K::EMPTY, Facts::default()); 1 << bits].into_boxed_slice();
        let mask = slots.len() - 1;
        for &(key, facts) in entries {
            let mut k = (key.hash() >> (64 - bits)) as usize;
            while slots[k].0 != K::EMPTY {
                k = (k + 1) & mask;
            }
            slots[k] = (key, facts);
        }
        PackedTable {
            slots,
            shift: 64 - bits,
        }
    }

    #[inline]
    fn get(&self, key: K) -> Option<&Facts> {
        let mask = self.slots.len() - 1;
        let mut k = (key.hash() >> self.shift) as usize;
        loop {
            let slot = self.slots.get(k)?;
            if slot.0 == key {
                return Some(&slot.1);
            }
            if slot.0 == K::EMPTY {
                return None;
            }
            k = (k + 1) & mask;
        }
    }
}

/// A word of nine to sixteen bytes as its first and last eight bytes (little-endian, ASCII letters
/// lower-cased as [`u8::to_ascii_lowercase`] does) and its length. `None` for other lengths.
#[inline]
fn pack16(w: &[u8]) -> Option<MidKey> {
    let n = w.len();
    if !(9..=16).contains(&n) {
        return None;
    }
    let lo = u64::from_le_bytes(w[..8].try_into().ok()?);
    let hi = u64::from_le_bytes(w[n - 8..].try_into().ok()?);
    Some((lower8(lo), lower8(hi), n))
}

/// SWAR: each byte of `v` in `A..=Z` (and below 0x80) gets 0x20 added.
#[inline]
fn lower8(v: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = v & !HIGH;
    let ge_a = low7 + 0x3f3f_3f3f_3f3f_3f3f;
    let gt_z = low7 + 0x2525_2525_2525_2525;
    let upper = (ge_a ^ gt_z) & !v & HIGH;
    v | upper >> 2
}

/// A word of one to eight bytes as a little-endian `u64`, ASCII letters lower-cased (as
/// [`u8::to_ascii_lowercase`] does each byte); the unused high bytes are zero. `None` for other lengths.
#[inline]
fn pack(w: &[u8]) -> Option<u64> {
    let n = w.len();
    let v = match n {
        4..=8 => {
            let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        1..=3 => {
            u64::from(w[0])
                | u64::from(w[n / 2]) << (8 * (n / 2))
                | u64::from(w[n - 1]) << (8 * (n - 1))
        }
        _ => return None,
    };
    Some(lower8(v))
}

/// Every list with its bit. All entries start with a letter, so only word tokens can be on a list.
fn lists() -> Vec<(Lex, Vec<&'static str>)> {
    let last_words = |cues: &[&[&'static str]]| -> Vec<&'static str> {
        cues.iter()
            .filter_map(|c| c.last().copied())
            .filter(|w| w.starts_with(char::is_alphabetic))
            .collect()
    };
    // The words `k` tokens before a cue's last one.
    let cue_words = |k: usize| -> Vec<&'static str> {
        org::CUES
            .iter()
            .filter_map(|c| c.len().checked_sub(1 + k).map(|at| c[at]))
            .filter(|w| w.starts_with(char::is_alphabetic))
            .collect()
    };
    let mut legal: Vec<&str> = org::SUFFIX_WORDS.to_vec();
    legal.extend(org::FIRM_ENDINGS.iter().map(|&(_, last)| last));
    vec![
        (Lex::EN_TYPE, EN_TYPES.to_vec()),
        (Lex::LEADING_TYPE, LEADING_TYPES.to_vec()),
        (Lex::FR_TYPE, FR_TYPES.to_vec()),
        (Lex::FR_BARE_TYPE, FR_BARE_TYPES.to_vec()),
        (Lex::PARTICLE, PARTICLES.to_vec()),
        (Lex::UNIT_AFTER, UNIT_AFTER.to_vec()),
        (Lex::UNIT_BEFORE, UNIT_BEFORE.to_vec()),
        (Lex::NOT_PLACE, NOT_PLACE_WORDS.to_vec()),
        (Lex::TOPONYM_PREFIX, TOPONYM_PREFIXES.to_vec()),
        (Lex::AU_STATE, AU_STATES.to_vec()),
        (Lex::CUE_WORD, places::CUE_WORDS.to_vec()),
        (Lex::LABEL, places::LABELS.to_vec()),
        (Lex::FOLLOW_OK, places::FOLLOW_OK.to_vec()),
        (Lex::PERSON_BEFORE, places::PERSON_BEFORE.to_vec()),
        (Lex::PERSON_SAFE_CUE, places::PERSON_SAFE_CUES.to_vec()),
        (Lex::TOPONYM_START, places::TOPONYM_STARTS.to_vec()),
        (Lex::STRONG_CUE_END, last_words(places::STRONG_CUES)),
        (Lex::NOT_START, org::NOT_START.to_vec()),
        (Lex::INDUSTRY, org::INDUSTRY.to_vec()),
        (
            Lex::GENERIC_BEFORE_INDUSTRY,
            org::GENERIC_BEFORE_INDUSTRY.to_vec(),
        ),
        (Lex::NATIONALITY, org::NATIONALITIES.to_vec()),
        (Lex::INSTITUTION_AFTER, org::INSTITUTION_AFTER.to_vec()),
        (Lex::INSTITUTION_BEFORE, org::INSTITUTION_BEFORE.to_vec()),
        (Lex::ORG_CUE_END, last_words(org::CUES)),
        (Lex::LEGAL_END, legal),
        (Lex::ORG_CUE_1, cue_words(1)),
        (Lex::ORG_CUE_2, cue_words(2)),
        (Lex::ORG_CUE_3, cue_words(3)),
        (Lex::KEY, places::KEY_WORDS.to_vec()),
        (Lex::SPACED_KEY, places::SPACED_KEY_WORDS.to_vec()),
        (Lex::STREET_ABBREV, STREET_ABBREVIATIONS.to_vec()),
        (
            Lex::INSTITUTION_PAIR,
            org::INSTITUTION_PAIRS.iter().map(|&(a, _)| a).collect(),
        ),
    ]
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words: FxHashMap<Box<[u8]>, Facts> = FxHashMap::default();
    for (bit, list) in lists() {
        for w in list {
            let f = words
                .entry(w.as_bytes().to_ascii_lowercase().into_boxed_slice())
                .or_default();
            f.lex = f.lex | bit;
        }
    }
    // A text span spelling a name (ASCII case aside) tokenizes as the name does, so its first token is
    // the name's first token and it has as many tokens.
    let mut toks = Vec::new();
    let mut name_tokens = 0;
    for name in places::names() {
        tokenize(name, &mut toks);
        let Some(first) = toks.first() else { continue };
        let key = first.text(name).as_bytes().to_ascii_lowercase();
        let f = words.entry(key.into_boxed_slice()).or_default();
        f.gaz |= gaz_bit(toks.len());
        name_tokens = name_tokens.max(toks.len());
    }
    let longest = words.keys().map(|k| k.len()).max().unwrap_or(0);
    let short: Vec<(u64, Facts)> = words
        .iter()
        .filter_map(|(k, f)| Some((pack(k)?, *f)))
        .collect();
    let mid: Vec<(MidKey, Facts)> = words
        .iter()
        .filter_map(|(k, f)| Some((pack16(k)?, *f)))
        .collect();
    words.retain(|k, _| pack(k).is_none() && pack16(k).is_none());
    Lexicon {
        short: PackedTable::new(&short),
        mid: PackedTable::new(&mid),
        words,
        longest,
        name_tokens,
    }
});

/// The lexicon, built on first use.
#[inline]
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The most tokens a name starting with a word whose [`Tok::gaz`](super::tokens::Tok::gaz) mask is
    /// `gaz` can span.
    #[inline]
    pub(crate) fn name_span(&self, gaz: u8) -> usize {
        if gaz & gaz_bit(8) != 0 {
            self.name_tokens
        } else {
            8 - gaz.leading_zeros() as usize
        }
    }

    /// The lists word `w` (a word token's bytes) is on and the most tokens a gazetteer name starting
    /// with it spans; `(Lex::NONE, 0)` for a word the lexicon does not know.
    #[inline]
    pub(crate) fn facts(&self, w: &[u8]) -> (Lex, u8) {
        if w.len() > self.longest {
            return (Lex::NONE, 0);
        }
        let found = if let Some(key) = pack(w) {
            self.short.get(key)
        } else if let Some(key) = pack16(w) {
            self.mid.get(key)
        } else {
            self.long(w)
        };
        found.map_or((Lex::NONE, 0), |f| (f.lex, f.gaz))
    }

    /// The facts of a word longer than sixteen bytes.
    #[cold]
    fn long(&self, w: &[u8]) -> Option<&Facts> {
        let mut buf = [0u8; 64];
        match buf.get_mut(..w.len()) {
            Some(key) => {
                key.copy_from_slice(w);
                key.make_ascii_lowercase();
                self.words.get(&*key)
            }
            None => self.words.get(w.to_ascii_lowercase().as_slice()),
        }
    }
}

/// Records on each word token of `toks` (from `text`) its lists and gazetteer span (what
/// [`tokenize_marked`](super::tokens::tokenize_marked) does while tokenizing).
#[cfg(test)]
pub(crate) fn mark(text: &str, toks: &mut [Tok]) {
    let lexicon = lexicon();
    for t in toks.iter_mut().filter(|t| t.kind == Kind::Word) {
        (t.lex, t.gaz) = lexicon.facts(t.text(text).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_words_start_with_a_letter() {
        // Only word tokens are looked up, so a list entry must be able to be one.
        for (_, list) in lists() {
            for w in list {
                assert!(w.starts_with(char::is_alphabetic), "{w:?}");
            }
        }
    }

    #[test]
    fn pack_lowercases_like_the_slice_method() {
        let samples: [&[u8]; 9] = [
            b"a",
            b"Zo",
            b"AbC",
            b"STREET",
            b"Stra\xc3\x9fe",
            b"@[`{AZaz",
            b"\xc3\x89t\xc3\xa9",
            b"12345678",
            b"Q",
        ];
        for w in samples {
            let lower = w.to_ascii_lowercase();
            let mut want = [0u8; 8];
            want[..lower.len()].copy_from_slice(&lower);
            assert_eq!(pack(w), Some(u64::from_le_bytes(want)), "{w:?}");
        }
        for b in 0..=255u8 {
            let w = [b'x', b, b'y', b, b];
            let lower = w.to_ascii_lowercase();
            let mut want = [0u8; 8];
            want[..5].copy_from_slice(&lower);
            assert_eq!(pack(&w), Some(u64::from_le_bytes(want)), "{b}");
        }
        assert_eq!(pack(b""), None);
        assert_eq!(pack(b"123456789"), None);
    }

    #[test]
    fn short_table_finds_every_short_word() {
        for (_, list) in lists() {
            for w in list {
                let lower = w.to_ascii_lowercase();
                let found = match (pack(lower.as_bytes()), pack16(lower.as_bytes())) {
                    (Some(k), _) => LEXICON.short.get(k).is_some(),
                    (None, Some(k)) => LEXICON.mid.get(k).is_some(),
                    (None, None) => LEXICON.words.contains_key(lower.as_bytes()),
                };
                assert!(found, "{w:?}");
            }
        }
        assert!(LEXICON.short.get(pack(b"zzqx").unwrap()).is_none());
    }

    #[test]
    fn mid_table_marks_nine_to_sixteen_byte_words_in_any_case() {
        let mut seen = 0;
        for (bit, list) in lists() {
            for w in list.iter().filter(|w| (9..=16).contains(&w.len())) {
                for v in [w.to_string(), w.to_ascii_uppercase()] {
                    let mut toks = Vec::new();
                    tokenize(&v, &mut toks);
                    if toks.len() != 1 {
                        continue;
                    }
                    mark(&v, &mut toks);
                    assert!(toks[0].lex.has(bit), "{v:?}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 0);
        // Same first and last eight bytes, other lengths; one letter off.
        for w in [
            &b"aaaaaaaaa"[..],
            b"aaaaaaaaaa",
            b"Universitx",
            b"xniversity",
        ] {
            assert!(LEXICON.mid.get(pack16(w).unwrap()).is_none(), "{w:?}");
        }
        assert_eq!(pack16(b"12345678"), None);
        assert_eq!(pack16(b"12345678901234567"), None);
        let w = b"AbCdEfGhI\xc3\x89Z";
        let lower = w.to_ascii_lowercase();
        let (lo, hi, n) = pack16(w).unwrap();
        assert_eq!(lo.to_le_bytes(), lower[..8]);
        assert_eq!(hi.to_le_bytes(), lower[lower.len() - 8..]);
        assert_eq!(n, w.len());
    }

    proptest::proptest! {
        #[test]
        fn marking_while_tokenizing_equals_marking_after(
            text in "([ a-zA-Z0-9'’/\\-.,:\n]|[éÜßàẞ]|street|STRASSE|Straße|in|New|York|Ltd|GmbH|university|universität|Rhein-Westfalen|city|zip|città|CITTÀ|postal|works|at|joined|employer|\\\\|\"|\\(){0,40}"
        ) {
            let (mut a, mut b, mut caps) = (Vec::new(), Vec::new(), Vec::new());
            let (mut nums, mut marked, mut org) = (Vec::new(), Vec::new(), Vec::new());
            let any = super::super::tokens::tokenize_marked(&text, &mut a, &mut caps, &mut nums, &mut marked, &mut org);
            tokenize(&text, &mut b);
            mark(&text, &mut b);
            proptest::prop_assert_eq!(a.len(), b.len());
            let want_caps: Vec<usize> = (0..b.len()).filter(|&i| b[i].kind == Kind::Word && b[i].cap).collect();
            proptest::prop_assert_eq!(caps, want_caps);
            let want_nums: Vec<usize> = (0..b.len()).filter(|&i| b[i].kind == Kind::Num).collect();
            proptest::prop_assert_eq!(nums, want_nums);
            let odd = |t: &Tok| !t.text(&text).bytes().all(|c| c.is_ascii_alphanumeric());
            let want_marked: Vec<usize> = (0..b.len())
                .filter(|&i| {
                    b[i].kind == Kind::Word && (b[i].lex.has(Lex::MARK) || odd(&b[i]))
                })
                .collect();
            proptest::prop_assert_eq!(marked, want_marked);
            // Organisation marks: legal-form and cue words, `.`, `:`, `(` and `"` tokens.
            let want_org: Vec<usize> = (0..b.len())
                .filter(|&i| {
                    b[i].kind == Kind::Word && b[i].lex.has(Lex::LEGAL_END | Lex::ORG_CUE_END)
                        || b[i].kind == Kind::Punct && matches!(b[i].text(&text), "." | ":" | "(" | "\"")
                })
                .collect();
            proptest::prop_assert_eq!(org, want_org);
            proptest::prop_assert_eq!(any, b.iter().fold(Lex::NONE, |u, t| u | t.lex));
            for (x, y) in a.iter().zip(&b) {
                proptest::prop_assert_eq!((x.start, x.end, x.lex, x.gaz), (y.start, y.end, y.lex, y.gaz));
            }
        }
    }

    #[test]
    fn every_name_is_reachable_through_its_first_word() {
        // `Places::gazetteer_names` looks a run up only when its length has a bit in its first word's
        // mask and is within the span: every name, in any ASCII case, must pass both.
        let mut toks = Vec::new();
        let mut seen = 0;
        for name in places::names() {
            for v in [name.to_string(), name.to_ascii_uppercase()] {
                tokenize(&v, &mut toks);
                mark(&v, &mut toks);
                // Only word tokens are looked up (and only capitalised words start a name).
                if toks[0].kind != Kind::Word {
                    continue;
                }
                let n = toks.len();
                assert!(toks[0].gaz & gaz_bit(n) != 0, "{v:?}");
                assert!(lexicon().name_span(toks[0].gaz) >= n, "{v:?}");
                seen += 1;
            }
        }
        assert!(seen > 1000);
        assert_eq!(gaz_bit(1), 1);
        assert_eq!(gaz_bit(8), 0x80);
        assert_eq!(gaz_bit(12), 0x80);
    }

    #[test]
    fn marks_tokens() {
        let text = "12 Baker STREET in New York, Ltd";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        mark(text, &mut toks);
        let lex = |w: &str| toks.iter().find(|t| t.text(text) == w).unwrap().lex;
        assert!(lex("STREET").has(Lex::EN_TYPE));
        assert!(lex("in").has(Lex::CUE_WORD | Lex::PARTICLE));
        assert!(lex("Ltd").has(Lex::LEGAL_END));
        assert!(!lex("Baker").has(Lex::EN_TYPE));
        let new = toks.iter().find(|t| t.text(text) == "New").unwrap();
        assert!(new.gaz & gaz_bit(2) != 0);
        assert!(lexicon().name_span(new.gaz) >= 2);
        assert_eq!(toks[0].lex, Lex::NONE);
        let text = "works at X; business name: Y";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        mark(text, &mut toks);
        let lex2 = |w: &str| toks.iter().find(|t| t.text(text) == w).unwrap().lex;
        assert!(lex2("works").has(Lex::ORG_CUE_1));
        assert!(lex2("business").has(Lex::ORG_CUE_2));
        assert!(!lex2("business").has(Lex::ORG_CUE_1));
    }
}
