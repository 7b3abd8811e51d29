//! Fast paths for built-in patterns that match whole ASCII words: a pattern is described as alternatives of
//! words joined by single separator bytes, and its candidates are found from the text's words holding a
//! digit ([`DigitWords`]) without running the regex.
//!
//! Why this is exact: the patterns given a [`Fast::Words`] description begin and end with the ASCII word
//! boundary `(?-u:\b)` next to a word character, and every character between is an ASCII letter or digit,
//! or one of the separators (`-`, ` `, `.`), which are not word characters. So in a text where `\d` can only
//! match ASCII digits (no non-ASCII character is numeric), every match is a run of whole maximal ASCII words
//! (`[0-9A-Za-z_]+`) joined by single separator bytes, and each word is exactly one group of the
//! pattern. The description states each group as a test on one whole word; the built-in descriptions are
//! compared with their regexes on generated texts.

use std::sync::OnceLock;

use crate::analyzer::{PerText, Shared};

/// A test of one whole maximal ASCII word (bytes `[0-9A-Za-z_]`, at least one).
pub(crate) type WordTest = fn(&[u8]) -> bool;

/// One alternative of a pattern: `words[0] seps[0] words[1] … words[k]`, each word a whole maximal ASCII word
/// passing its test, each separator one byte of its set.
///
/// `anchor` is the index of a word whose test only passes words holding an ASCII digit, of a length in
/// `anchor_len` (inclusive), and only words of these [kinds](PURE) (both unless [`pure`](Alt::pure)): the
/// candidates are found from the text's digit-bearing words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Alt {
    words: &'static [WordTest],
    /// The separator bytes allowed in each gap, as a bit set of byte values below 64.
    seps: [u64; MAX_GAPS],
    anchor: usize,
    /// The anchor word's possible lengths, as a bit set (see [`len_slot`]).
    lens: u64,
    /// The anchor word's possible [kinds](PURE).
    kinds: u8,
    /// The [chains](DigitWords::lens) of words its anchor is found in, as a bit set: the chain of all
    /// words (bit 0), or, when a separator must follow the anchor and all it may be are
    /// [`JOINERS`], the chains of the words followed by each of those it may be.
    chains: u8,
}

/// The separator bytes whose digit-bearing words [`DigitWords`] also chains apart, by the byte after the
/// word: `JOINERS[j]` is chain `j + 1`.
const JOINERS: [u8; 3] = [b'-', b' ', b'.'];

/// Words of this length or longer are only in the chain of all words (no anchor followed by a separator
/// is that long).
const JOINED_SLOTS: usize = 16;

/// The chain (1 to 3) of a word followed by `after`, or 0 when that is no [`JOINERS`] byte.
#[inline]
fn joiner(after: Option<&u8>) -> usize {
    match after {
        Some(b'-') => 1,
        Some(b' ') => 2,
        Some(b'.') => 3,
        _ => 0,
    }
}

/// How many matches [`DigitWords::each`] keeps on the stack before it needs a vector.
const FEW: usize = 16;

/// The most gaps between words an [`Alt`] can have.
const MAX_GAPS: usize = 4;

/// Word kinds: only ASCII digits, or anything else (with an ASCII digit).
pub(crate) const PURE: u8 = 1;
/// See [`PURE`].
pub(crate) const MIXED: u8 = 2;

/// The slot of a word length in a set of lengths (lengths from 63 on share the last slot).
#[inline]
fn len_slot(len: usize) -> usize {
    len.min(63)
}

/// No word (the end of a chain of [`DigitWords::next`]).
const NONE: u32 = u32::MAX;

impl Alt {
    /// An alternative; `seps` has one separator set per gap between `words`, each of bytes below 64.
    pub(crate) const fn new(
        words: &'static [WordTest],
        seps: &'static [&'static [u8]],
        anchor: usize,
        anchor_len: (usize, usize),
    ) -> Alt {
        assert!(!words.is_empty() && seps.len() + 1 == words.len() && anchor < words.len());
        assert!(seps.len() <= MAX_GAPS && anchor_len.0 <= anchor_len.1);
        let mut sets = [0u64; MAX_GAPS];
        let mut g = 0;
        while g < seps.len() {
            let mut k = 0;
            while k < seps[g].len() {
                assert!(seps[g][k] < 64);
                sets[g] |= 1 << seps[g][k];
                k += 1;
            }
            g += 1;
        }
        let mut lens = 0u64;
        let mut len = anchor_len.0;
        while len <= anchor_len.1 && len < 64 {
            lens |= 1 << len;
            len += 1;
        }
        if anchor_len.1 >= 63 {
            lens |= 1 << 63;
        }
        // The anchor's chains: those of the separators that may follow it, when it is short and they
        // are all joiners; else the chain of all words.
        let mut chains = 1;
        if anchor < seps.len() && anchor_len.1 < JOINED_SLOTS {
            let set = sets[anchor];
            let mut joined = 0u64;
            let mut j = 0;
            while j < JOINERS.len() {
                joined |= 1 << JOINERS[j];
                j += 1;
            }
            if set & !joined == 0 {
                chains = 0;
                let mut j = 0;
                while j < JOINERS.len() {
                    if set >> JOINERS[j] & 1 != 0 {
                        chains |= 2 << j;
                    }
                    j += 1;
                }
            }
        }
        Alt {
            words,
            seps: sets,
            anchor,
            lens,
            kinds: PURE | MIXED,
            chains,
        }
    }

    /// A single word.
    pub(crate) const fn word(test: &'static [WordTest; 1], len: (usize, usize)) -> Alt {
        Alt::new(test, &[], 0, len)
    }

    /// The same, stating that the anchor word's test only passes words made only of ASCII digits.
    pub(crate) const fn pure(self) -> Alt {
        Alt {
            kinds: PURE,
            ..self
        }
    }

    /// The anchor word lengths `alts` can use, per [chain](DigitWords::lens) and kind ([`PURE`],
    /// [`MIXED`]), as bit sets (see [`len_slot`]): a text whose digit-bearing words have none of them
    /// holds no match of `alts`.
    pub(crate) fn anchor_lens(alts: &[Alt]) -> ChainLens {
        let mut lens = [[0u64; 2]; 4];
        for alt in alts {
            for (c, chain) in lens.iter_mut().enumerate() {
                if alt.chains & (1 << c) == 0 {
                    continue;
                }
                for (k, set) in chain.iter_mut().enumerate() {
                    if alt.kinds & (1 << k) != 0 {
                        *set |= alt.lens;
                    }
                }
            }
        }
        lens
    }

    /// Whether `sep` may stand in gap `g`.
    #[inline]
    fn sep_ok(&self, g: usize, sep: u8) -> bool {
        sep < 64 && self.seps[g] >> sep & 1 != 0
    }

    /// The match of this alternative whose anchor word is `b[s..e]`, if there is one.
    #[inline]
    fn at(&self, b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
        // The separators next to the anchor first: they rule out most words.
        let last = self.words.len() - 1;
        if self.anchor < last && !b.get(e).is_some_and(|&c| self.sep_ok(self.anchor, c)) {
            return None;
        }
        if self.anchor > 0 && !(s > 0 && self.sep_ok(self.anchor - 1, b[s - 1])) {
            return None;
        }
        if !(self.words[self.anchor])(&b[s..e]) {
            return None;
        }
        // Back over the words before the anchor: a separator byte, then a whole word.
        let mut start = s;
        for j in (0..self.anchor).rev() {
            let sep = *b.get(start.checked_sub(1)?)?;
            if !self.sep_ok(j, sep) {
                return None;
            }
            let end = start - 1;
            let mut from = end;
            while from > 0 && is_word(b[from - 1]) {
                from -= 1;
            }
            if from == end || !(self.words[j])(&b[from..end]) {
                return None;
            }
            start = from;
        }
        // Forward over the words after it.
        let mut end = e;
        for j in self.anchor + 1..self.words.len() {
            let sep = *b.get(end)?;
            if !self.sep_ok(j - 1, sep) {
                return None;
            }
            let from = end + 1;
            let mut to = from;
            while to < b.len() && is_word(b[to]) {
                to += 1;
            }
            if to == from || !(self.words[j])(&b[from..to]) {
                return None;
            }
            end = to;
        }
        Some((start, end))
    }
}

/// A way to find a built-in pattern's candidates without running its regex on every window.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fast {
    /// The pattern's matches are exactly the runs of whole words one of these alternatives describes
    /// (in texts where only ASCII characters are numeric, see the module documentation).
    Words(&'static [Alt]),
    /// Every match contains this literal: the regex runs on the whole text only when it occurs.
    Literal(&'static str),
    /// For a token-windowed pattern: every token holding a match passes this test, so the regex runs only
    /// on the tokens that do.
    Token(fn(&[u8]) -> bool),
}

/// Whether `b` is an ASCII word character (`(?-u:\b)`'s notion).
#[inline]
fn is_word(b: u8) -> bool {
    WORD[usize::from(b)]
}

/// The ASCII word characters.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// Word length sets per chain (all words, then those followed by each of [`JOINERS`]) and kind
/// ([`PURE`], [`MIXED`]).
pub(crate) type ChainLens = [[u64; 2]; 4];

/// One digit-bearing word: where it is, its [kind](PURE), and the words before it of the same kind and
/// length slot in the chain of all words and in its joiner chain ([`NONE`] for none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    kind: u8,
    next: u32,
    next_joined: u32,
}

/// The maximal ASCII words of a text that hold an ASCII digit, in text order, and whether the text is one
/// [`Fast::Words`] descriptions are exact for (no non-ASCII character in it is numeric).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DigitWords {
    pub(crate) exact: bool,
    words: Vec<Word>,
    /// The lengths of the words of each chain and kind, as bit sets (see [`len_slot`]): chain 0 holds
    /// every word, chain `j + 1` those followed by `JOINERS[j]` and shorter than [`JOINED_SLOTS`].
    lens: ChainLens,
    /// The last word of each kind and length slot in the chain of all words.
    last: [[u32; 64]; 2],
    /// The same in each joiner chain.
    joined_last: [[[u32; JOINED_SLOTS]; 2]; 3],
}

impl Default for DigitWords {
    fn default() -> Self {
        DigitWords {
            exact: false,
            words: Vec::new(),
            lens: [[0; 2]; 4],
            last: [[NONE; 64]; 2],
            joined_last: [[[NONE; JOINED_SLOTS]; 2]; 3],
        }
    }
}

/// Eight copies of a byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each of eight bytes.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (eight text bytes, first in the low byte) that is an ASCII digit or
/// not ASCII.
#[inline(always)]
fn stops(x: u64) -> u64 {
    let low = x & !HIGH;
    // Each byte of `low` is at most 0x7F, so these sums do not carry between bytes.
    let at_least_0 = low + ONES * u64::from(0x80 - b'0');
    let above_9 = low + ONES * u64::from(0x80 - b'9' - 1);
    ((at_least_0 & !above_9) | x) & HIGH
}

impl PerText for DigitWords {
    fn slot(shared: &Shared) -> &OnceLock<Self> {
        &shared.words
    }
}

impl DigitWords {
    /// The digit-bearing words of `text`, in one pass that skips eight bytes at a time to the next digit
    /// or non-ASCII byte. Stops early, with `exact` false, at the first non-ASCII numeric character.
    pub(crate) fn of(text: &str) -> DigitWords {
        let b = text.as_bytes();
        let n = b.len();
        let mut out = DigitWords {
            exact: true,
            words: Vec::with_capacity(32),
            ..DigitWords::default()
        };
        let mut i = 0;
        while i < n {
            while i + 8 <= n {
                let mut chunk = [0; 8];
                chunk.copy_from_slice(&b[i..i + 8]);
                let m = stops(u64::from_le_bytes(chunk));
                if m != 0 {
                    i += (m.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
            let Some(&c) = b.get(i) else { break };
            if c.is_ascii_digit() {
                let mut s = i;
                while s > 0 && is_word(b[s - 1]) {
                    s -= 1;
                }
                let mut pure = s == i;
                let mut e = i + 1;
                while e < n && is_word(b[e]) {
                    pure &= b[e].is_ascii_digit();
                    e += 1;
                }
                let kind = if pure { PURE } else { MIXED };
                let slot = len_slot(e - s);
                let k = usize::from(kind - 1);
                let at = out.words.len() as u32;
                out.lens[0][k] |= 1 << slot;
                let next = std::mem::replace(&mut out.last[k][slot], at);
                let j = joiner(b.get(e));
                let next_joined = if j > 0 && slot < JOINED_SLOTS {
                    out.lens[j][k] |= 1 << slot;
                    std::mem::replace(&mut out.joined_last[j - 1][k][slot], at)
                } else {
                    NONE
                };
                out.words.push(Word {
                    start: s,
                    end: e,
                    kind,
                    next,
                    next_joined,
                });
                i = e;
            } else if c >= 0xD9 {
                // The first non-ASCII decimal digit is U+0660 (`D9 A0`); `c` starts a character.
                let ch = text[i..].chars().next().unwrap_or('\0');
                if ch.is_numeric() {
                    return DigitWords::default();
                }
                i += ch.len_utf8();
            } else {
                i += 1;
            }
        }
        out
    }

    /// The digit-bearing words, in text order, as `(start, end, pure)`: `pure` when the word is made only
    /// of ASCII digits.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        self.words.iter().map(|w| (w.start, w.end, w.kind == PURE))
    }

    /// Whether the text has a digit-bearing word of a kind and length in `lens` (as [`Alt::anchor_lens`]
    /// gives them); without one, [`each`](Self::each) finds nothing.
    #[inline]
    pub(crate) fn has_lens(&self, lens: &ChainLens) -> bool {
        let mut any = 0;
        for (want, have) in lens.iter().zip(&self.lens) {
            any |= (want[0] & have[0]) | (want[1] & have[1]);
        }
        any != 0
    }

    /// Calls `hit(start, end, single)` on each stretch of `text` that holds matches of `alts`, in text
    /// order: the union of overlapping matches; `single` when the stretch is exactly one match (then it is
    /// the only match in it). Every match lies in one stretch, and the bytes just outside a stretch are not
    /// ASCII word characters. Only for an `exact` text.
    pub(crate) fn each(&self, alts: &[Alt], text: &str, mut hit: impl FnMut(usize, usize, bool)) {
        debug_assert!(self.exact);
        let b = text.as_bytes();
        // The matches, on the stack while there are few.
        let mut few = [(0usize, 0usize); FEW];
        let mut n = 0;
        let mut many: Vec<(usize, usize)> = Vec::new();
        for alt in alts {
            // Only the words of a kind and length the anchor takes, followed by a separator it may
            // take when it needs one (the chains are disjoint but for the chain of all words, which an
            // alternative walks alone); most patterns find none. `pairs` holds bit `2 * c + k` for
            // chain `c` and kind index `k` when the text has words of a length the anchor takes there.
            let mut pairs = 0u8;
            let mut chains = alt.chains;
            while chains != 0 {
                let c = chains.trailing_zeros() as usize;
                chains &= chains - 1;
                for k in 0..2 {
                    if alt.kinds & (1 << k) != 0 && alt.lens & self.lens[c][k] != 0 {
                        pairs |= 1 << (2 * c + k);
                    }
                }
            }
            while pairs != 0 {
                let pair = pairs.trailing_zeros() as usize;
                pairs &= pairs - 1;
                let (c, k) = (pair / 2, pair % 2);
                let mut slots = alt.lens & self.lens[c][k];
                while slots != 0 {
                    let slot = slots.trailing_zeros() as usize;
                    slots &= slots - 1;
                    let mut at = if c == 0 {
                        self.last[k][slot]
                    } else {
                        self.joined_last[c - 1][k][slot]
                    };
                    while at != NONE {
                        let w = self.words[at as usize];
                        if let Some(m) = alt.at(b, w.start, w.end) {
                            if n < FEW {
                                few[n] = m;
                                n += 1;
                            } else {
                                if many.is_empty() {
                                    many.extend_from_slice(&few);
                                }
                                many.push(m);
                            }
                        }
                        at = if c == 0 { w.next } else { w.next_joined };
                    }
                }
            }
        }
        let found: &mut [(usize, usize)] = if many.is_empty() {
            &mut few[..n]
        } else {
            &mut many
        };
        if found.is_empty() {
            return;
        }
        found.sort_unstable();
        // Without duplicates (`dedup` on a slice).
        let mut kept = 1;
        for k in 1..found.len() {
            if found[k] != found[kept - 1] {
                found[kept] = found[k];
                kept += 1;
            }
        }
        let found = &found[..kept];
        let (mut s, mut e) = found[0];
        let mut single = true;
        for &(fs, fe) in &found[1..] {
            if fs < e {
                e = e.max(fe);
                single = false;
            } else {
                hit(s, e, single);
                (s, e, single) = (fs, fe, true);
            }
        }
        hit(s, e, single);
    }
}

/// Whether every byte of `w` is an ASCII digit.
#[inline]
fn all_digits(w: &[u8]) -> bool {
    w.iter().all(u8::is_ascii_digit)
}

/// `N` ASCII digits (`\d{N}`).
pub(crate) fn digits<const N: usize>(w: &[u8]) -> bool {
    w.len() == N && all_digits(w)
}

/// `LO` to `HI` ASCII digits (`\d{LO,HI}`).
pub(crate) fn digits_in<const LO: usize, const HI: usize>(w: &[u8]) -> bool {
    (LO..=HI).contains(&w.len()) && all_digits(w)
}

/// A capital letter then `N` ASCII digits (`[A-Z]\d{N}`).
pub(crate) fn capital_digits<const N: usize>(w: &[u8]) -> bool {
    w.len() == N + 1 && w[0].is_ascii_uppercase() && all_digits(&w[1..])
}

/// One capital letter (`[A-Z]`).
pub(crate) fn capital(w: &[u8]) -> bool {
    w.len() == 1 && w[0].is_ascii_uppercase()
}

/// `9` then `N - 1` ASCII digits (`9\d{N-1}`).
pub(crate) fn nine_digits<const N: usize>(w: &[u8]) -> bool {
    w.len() == N && w[0] == b'9' && all_digits(w)
}

/// `N` ASCII hex digits (`[0-9A-Fa-f]{N}`).
pub(crate) fn hex<const N: usize>(w: &[u8]) -> bool {
    w.len() == N && w.iter().all(u8::is_ascii_hexdigit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_marks_digits_and_non_ascii() {
        for b in 0..=255u8 {
            let x = u64::from(b) << 16 | u64::from_le_bytes(*b"ab\0\0cdef");
            let want = b.is_ascii_digit() || b >= 0x80;
            assert_eq!(stops(x) != 0, want, "{b:#x}");
            if want {
                assert_eq!(stops(x).trailing_zeros() / 8, 2);
            }
        }
    }

    #[test]
    fn digit_words() {
        let w = DigitWords::of("ab1 x 22_c é9 ü X-77y 123456789012345678 q");
        assert!(w.exact);
        let spans: Vec<_> = w.words.iter().map(|w| (w.start, w.end, w.kind)).collect();
        let joined: Vec<_> = (0..4).map(|c| w.lens[c][0] | w.lens[c][1] << 32).collect();
        // Every word is followed by a space; the 18-digit one is too long for the joiner chains.
        let (pure, mixed) = (1 << 1, 1 << (32 + 3) | 1 << (32 + 4));
        assert_eq!(joined, vec![pure | 1 << 18 | mixed, 0, pure | mixed, 0]);
        assert_eq!(
            spans,
            vec![
                (0, 3, MIXED),
                (6, 10, MIXED),
                (13, 14, PURE),
                (20, 23, MIXED),
                (24, 42, PURE)
            ]
        );
        assert!(!DigitWords::of("x ٣ 12").exact);
        assert!(!DigitWords::of("12 ①").exact);
        assert!(DigitWords::of("12 ²").exact);
        assert!(DigitWords::of("€12 — “x”").exact);
        let empty = DigitWords::of("");
        assert!(empty.exact && empty.words.is_empty());
    }

    /// `each` on every digit-bearing word, without the chains and length sets, collecting into a vector.
    fn each_by_walk(
        words: &DigitWords,
        alts: &[Alt],
        text: &str,
    ) -> (Vec<(usize, usize, bool)>, usize) {
        let mut found = Vec::new();
        for alt in alts {
            for w in &words.words {
                let kind_ok = alt.kinds & w.kind != 0;
                let len_ok = alt.lens >> len_slot(w.end - w.start) & 1 != 0;
                if kind_ok && len_ok {
                    found.extend(alt.at(text.as_bytes(), w.start, w.end));
                }
            }
        }
        let raw = found.len();
        found.sort_unstable();
        found.dedup();
        let mut out: Vec<(usize, usize, bool)> = Vec::new();
        for (s, e) in found {
            match out.last_mut() {
                Some(last) if s < last.1 => {
                    last.1 = last.1.max(e);
                    last.2 = false;
                }
                _ => out.push((s, e, true)),
            }
        }
        (out, raw)
    }

    /// `each` finds what a walk over every word finds, also with more matches than it keeps on the
    /// stack, on generated texts of digit groups, letters and separators.
    #[test]
    fn each_matches_a_walk_over_every_word() {
        static THREE: [WordTest; 1] = [digits::<3>];
        static PAIR: [WordTest; 2] = [digits::<3>, digits_in::<2, 4>];
        static CODE: [WordTest; 2] = [capital_digits::<2>, digits::<3>];
        static ALTS: [Alt; 3] = [
            Alt::word(&THREE, (3, 3)).pure(),
            Alt::new(&PAIR, &[b"-. "], 0, (3, 3)),
            Alt::new(&CODE, &[b"-"], 1, (3, 3)),
        ];
        let pieces: &[&str] = &[
            "123 ", "45 ", "6789", "A12", "x", " ", "-", ".", ", ", "_", "é", "123-45 ", "A12-345 ",
        ];
        let mut rng = crate::test_rng::XorShift::new(0x1405_7B7E_F767_814F);
        let (mut many, mut merged) = (0, 0);
        for _ in 0..20_000 {
            let text = rng.text(pieces, 60);
            let words = DigitWords::of(&text);
            for alts in [&ALTS[..1], &ALTS[1..2], &ALTS[2..], &ALTS[..]] {
                let mut got = Vec::new();
                words.each(alts, &text, |s, e, single| got.push((s, e, single)));
                let (want, raw) = each_by_walk(&words, alts, &text);
                assert_eq!(got, want, "{text:?} {alts:?}");
                many += usize::from(raw > FEW);
                merged += want.iter().filter(|m| !m.2).count();
            }
        }
        assert!(many > 1_000 && merged > 1_000, "{many} {merged}");
    }

    #[test]
    fn every_decimal_digit_is_numeric() {
        let digit = regex::Regex::new(r"\d").unwrap();
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            if digit.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(c.is_numeric(), "{c:?}");
                assert!(c as u32 >= 0x660, "{c:?}");
            }
        }
    }
}
