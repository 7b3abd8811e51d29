//! Context enhancement: whole-word context matching around a result, before and after it.

use crate::recognizers::hash::FxHashMap;
use std::ops::Range;

/// Points added to a result's score when a context word is near it (Presidio's value).
pub(crate) const CONTEXT_BOOST: f64 = 0.35;
/// The lowest score a result with supporting context can have (Presidio's value).
pub(crate) const MIN_SCORE_WITH_CONTEXT: f64 = 0.4;

/// Longest stretch of text scanned on each side, per word of window, so a match surrounded by a huge run of
/// punctuation cannot make context lookup expensive.
const BYTES_PER_WINDOW_WORD: usize = 48;

/// How many words before and after a result are searched for context words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ContextWindow {
    pub(crate) before: usize,
    pub(crate) after: usize,
}

impl Default for ContextWindow {
    fn default() -> Self {
        ContextWindow {
            before: 5,
            after: 3,
        }
    }
}

/// Normalised words of a context window, reusing their allocations from call to call.
#[derive(Debug, Default)]
pub(crate) struct WordBuf {
    words: Vec<String>,
    len: usize,
}

impl WordBuf {
    fn clear(&mut self) {
        self.len = 0;
    }

    /// Appends `word` lower-cased, without a possessive `'s` or plural `s` (see [`normalize`]).
    fn push(&mut self, word: &str) {
        if self.len == self.words.len() {
            self.words.push(String::new());
        }
        let w = &mut self.words[self.len];
        w.clear();
        if word.is_ascii() {
            w.push_str(word);
            w.make_ascii_lowercase();
        } else {
            w.extend(word.chars().flat_map(char::to_lowercase));
        }
        if w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss") {
            w.pop();
        }
        self.len += 1;
    }

    fn as_slice(&self) -> &[String] {
        &self.words[..self.len]
    }
}

/// Context words and phrases by their first normalised word (as bytes): each one's normalised words,
/// and its spelling as configured.
type ByFirst = FxHashMap<Box<[u8]>, Vec<(Vec<String>, String)>>;

/// A compiled set of context words and phrases.
#[derive(Debug, Clone)]
pub(crate) struct ContextWords {
    /// Normalised word sequences, keyed by their first word, with the original spelling for explanations
    /// (keys are configured words, never text, so a fast unkeyed hash is safe).
    by_first: ByFirst,
    /// A Bloom filter of the ASCII keys of `by_first` (see [`key_bits`]).
    key_filter: [u64; 16],
    /// The length of the longest ASCII key of `by_first`.
    longest_key: usize,
    /// The lengths of the ASCII keys of `by_first` (bit `len`, lengths from 63 on in bit 63), by the
    /// low six bits of their first byte: a cheaper first test than [`key_filter`](Self::key_filter).
    first_len: [u64; 64],
    /// A first test of a window word as read, before its plural `s` is looked at: by its first byte
    /// (either case), bits `len` and `len + 1` (at most 63) for each ASCII key of `len` bytes starting
    /// with that letter or digit, so a word whose normalised form may be a key has bit `word.len()` set.
    lead_len: [u64; 256],
    /// Whether every word of every context word or phrase is ASCII once normalised: a window word
    /// holding a non-ASCII letter or digit other than the Kelvin sign then matches none of them.
    ascii_keys: bool,
}

impl Default for ContextWords {
    fn default() -> Self {
        ContextWords {
            by_first: FxHashMap::default(),
            key_filter: [0; 16],
            longest_key: 0,
            first_len: [0; 64],
            lead_len: [0; 256],
            ascii_keys: true,
        }
    }
}

/// The slot of an ASCII key of `len` bytes starting with `first` in [`ContextWords::first_len`], and its
/// bit there.
#[inline]
fn first_len_bit(first: u8, len: usize) -> (usize, u64) {
    (
        usize::from(first.to_ascii_lowercase() & 63),
        1 << len.min(63),
    )
}

/// The ASCII letters and digits, as a table (one load per byte in the window scans).
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether the character before byte `i` (a char boundary) of `text` is a letter or digit.
fn alnum_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether the character at byte `i` (a char boundary) of `text` is a letter or digit.
fn alnum_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The start of the run of ASCII letters and digits ending at `i`, not before `from` (`from <= i <=
/// bytes.len()`): read back from a slice, one test per byte.
#[inline]
fn run_start(bytes: &[u8], from: usize, i: usize) -> usize {
    let mut rest = &bytes[from..i];
    while let [head @ .., last] = rest {
        if !ALNUM[usize::from(*last)] {
            break;
        }
        rest = head;
    }
    from + rest.len()
}

/// The end of the run of ASCII letters and digits starting at `i`, not past `to` (`i <= to <=
/// bytes.len()`).
#[inline]
fn run_end(bytes: &[u8], i: usize, to: usize) -> usize {
    bytes[i..to]
        .iter()
        .position(|&b| !ALNUM[usize::from(b)])
        .map_or(to, |k| i + k)
}

/// The widest window side (in words) [`ContextWords::find`] searches without collecting its words.
const FAST_WORDS: usize = 16;

/// The bytes of the ASCII word `w` that its normalised form keeps: all but a plural `s` (see
/// [`normalize`]).
fn kept(w: &[u8]) -> &[u8] {
    let n = w.len();
    if n >= 3 && w[n - 1].eq_ignore_ascii_case(&b's') && !w[n - 2].eq_ignore_ascii_case(&b's') {
        &w[..n - 1]
    } else {
        w
    }
}

/// Two bits (out of 1024) standing for the normalised ASCII word `word` (lower-cased, without a plural
/// `s`: the caller passes the bytes it keeps) in [`ContextWords::key_filter`].
fn key_bits(word: &[u8]) -> [(usize, u64); 2] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
    }
    h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let bit = |x: u64| ((x >> 6) as usize & 15, 1u64 << (x & 63));
    [bit(h), bit(h >> 32)]
}

impl ContextWords {
    pub(crate) fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Self {
        let mut by_first = ByFirst::default();
        for w in words {
            let original = w.as_ref();
            let seq: Vec<String> = words_of(original).map(normalize).collect();
            if let Some(first) = seq.first() {
                by_first
                    .entry(first.as_bytes().into())
                    .or_default()
                    .push((seq, original.to_string()));
            }
        }
        let mut key_filter = [0u64; 16];
        for key in by_first.keys().filter(|k| k.is_ascii()) {
            for (word, bit) in key_bits(key) {
                key_filter[word] |= bit;
            }
        }
        let mut first_len = [0u64; 64];
        let mut lead_len = [0u64; 256];
        for key in by_first.keys().filter(|k| k.is_ascii()) {
            if let Some(&b) = key.first() {
                let (slot, bit) = first_len_bit(b, key.len());
                first_len[slot] |= bit;
                let bits = (1u64 << key.len().min(63)) | (1u64 << (key.len() + 1).min(63));
                lead_len[usize::from(b.to_ascii_lowercase())] |= bits;
                lead_len[usize::from(b.to_ascii_uppercase())] |= bits;
            }
        }
        let longest_key = by_first
            .keys()
            .filter(|k| k.is_ascii())
            .map(|k| k.len())
            .max()
            .unwrap_or(0);
        let ascii_keys = by_first
            .values()
            .flatten()
            .all(|(seq, _)| seq.iter().all(|w| w.is_ascii()));
        ContextWords {
            by_first,
            key_filter,
            longest_key,
            first_len,
            lead_len,
            ascii_keys,
        }
    }

    /// [`find`](Self::find) without collecting or lower-casing the window's words: walks the words
    /// before `start` (back from it) and after `end` (up to the line's end) as the general path collects
    /// them, tests each word against the key filters as it is read, looks up only the words they let
    /// through, and compares a phrase's further words in place. Non-ASCII characters that are no letter
    /// or digit separate words as ASCII punctuation does; words with non-ASCII letters or digits match
    /// nothing when [`wide_words_miss`](Self::wide_words_miss) says so. `None` when a word of the window
    /// holds another non-ASCII letter or digit, or the window is wider than [`FAST_WORDS`]: the general
    /// path answers then.
    ///
    /// With `ANY`, a word before the match is tried as soon as it is read (the words of a phrase it
    /// starts lie nearer the match, so they are read by then), and the first one found is answered: a
    /// context word or phrase of the window when there is one, not necessarily the first in text order.
    fn find_ascii<const ANY: bool>(
        &self,
        text: &str,
        start: usize,
        end: usize,
        window: ContextWindow,
    ) -> Option<Option<&str>> {
        if window.before > FAST_WORDS || window.after > FAST_WORDS {
            return None;
        }
        let bytes = text.as_bytes();
        let mut words = [(0usize, 0usize); FAST_WORDS];
        if window.before > 0 {
            // As `collect_before`: the same scan limit, and a word cut by it is not a word.
            let mut from =
                start.saturating_sub(BYTES_PER_WINDOW_WORD * window.before + BYTES_PER_WINDOW_WORD);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            // Bit `k` of `maybe`: the word in slot `k` may start a context word.
            let (mut i, mut n, mut maybe) = (start, 0, 0u32);
            while i > from && n < window.before {
                let b = bytes[i - 1];
                if !ALNUM[usize::from(b)] {
                    if b.is_ascii() {
                        i -= 1;
                        continue;
                    }
                    // A non-ASCII character: a separator unless it is a letter or digit.
                    let c = text[..i].chars().next_back()?;
                    if !c.is_alphanumeric() {
                        i -= c.len_utf8();
                        continue;
                    }
                }
                let word_end = i;
                // Whether the word holds a non-ASCII letter or digit.
                let mut wide = false;
                loop {
                    i = run_start(bytes, from, i);
                    if i > from && !bytes[i - 1].is_ascii() {
                        let c = text[..i].chars().next_back()?;
                        if c.is_alphanumeric() {
                            if !self.wide_words_miss(c) {
                                return None;
                            }
                            wide = true;
                            i -= c.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                if i == from && from > 0 && alnum_before(text, from) {
                    break;
                }
                // Collected backwards: the last slot holds the word nearest to `start`.
                let slot = FAST_WORDS - 1 - n;
                words[slot] = (i, word_end);
                let candidate = !wide && self.may_start(&bytes[i..word_end]);
                if ANY && candidate {
                    if let Some(hit) = self.try_each(bytes, &words[slot..], 1) {
                        return Some(Some(hit));
                    }
                } else {
                    maybe |= u32::from(candidate) << slot;
                }
                n += 1;
            }
            let first = FAST_WORDS - n;
            // Most windows hold no candidate: no call then.
            let hit = (maybe != 0)
                .then(|| self.try_each(bytes, &words[first..], maybe >> first))
                .flatten();
            if let Some(hit) = hit {
                return Some(Some(hit));
            }
        }
        if window.after > 0 {
            // As `collect_after`: the same scan limit, the same line, and a word cut by the limit is
            // not a word.
            let mut to = (end + BYTES_PER_WINDOW_WORD * window.after + BYTES_PER_WINDOW_WORD)
                .min(text.len());
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            let (mut i, mut n, mut maybe) = (end, 0, 0u32);
            while i < to && n < window.after {
                let b = bytes[i];
                if !ALNUM[usize::from(b)] {
                    if b == b'\n' {
                        break;
                    }
                    if b.is_ascii() {
                        i += 1;
                        continue;
                    }
                    let c = text[i..].chars().next()?;
                    if !c.is_alphanumeric() {
                        i += c.len_utf8();
                        continue;
                    }
                }
                let word_start = i;
                let mut wide = false;
                loop {
                    i = run_end(bytes, i, to);
                    if i < to && !bytes[i].is_ascii() {
                        let c = text[i..].chars().next()?;
                        if c.is_alphanumeric() {
                            if !self.wide_words_miss(c) {
                                return None;
                            }
                            wide = true;
                            i += c.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                if i == to && to < bytes.len() && alnum_at(text, to) {
                    break;
                }
                words[n] = (word_start, i);
                maybe |= u32::from(!wide && self.may_start(&bytes[word_start..i])) << n;
                n += 1;
            }
            let hit = (maybe != 0)
                .then(|| self.try_each(bytes, &words[..n], maybe))
                .flatten();
            if let Some(hit) = hit {
                return Some(Some(hit));
            }
        }
        Some(None)
    }

    /// Whether a window word holding the non-ASCII letter or digit `c` is sure to be none of the words
    /// of a context word or phrase: when they are all ASCII and `c` is not the Kelvin sign, the one
    /// non-ASCII character lower-cased to ASCII (`k`). Such a word never starts a match, and compares
    /// unequal to every ASCII word in [`match_at`](Self::match_at) (its non-ASCII bytes equal no ASCII
    /// byte).
    #[inline]
    fn wide_words_miss(&self, c: char) -> bool {
        self.ascii_keys && c != '\u{212a}'
    }

    /// Whether the ASCII word `word` may be the first word of a context word or phrase: most words are
    /// not, and the first byte and length rule most out, the key filter most others, without a map
    /// look-up.
    #[inline]
    fn may_start(&self, word: &[u8]) -> bool {
        // Most words fail on their first byte and length as read.
        let Some(&lead) = word.first() else {
            return false;
        };
        if self.lead_len[usize::from(lead)] & (1u64 << word.len().min(63)) == 0 {
            return false;
        }
        let first = kept(word);
        let Some(&lead) = first.first() else {
            return false;
        };
        let (slot, bit) = first_len_bit(lead, first.len());
        first.len() <= self.longest_key
            && self.first_len[slot] & bit != 0
            && key_bits(first)
                .iter()
                .all(|&(k, bit)| self.key_filter[k] & bit != 0)
    }

    /// [`search`](Self::search) over the ASCII words `bytes[s..e]` of `words` (at most 32), in text
    /// order, trying only the words whose bit is set in `maybe`: those [`may_start`](Self::may_start)
    /// lets through.
    fn try_each(&self, bytes: &[u8], words: &[(usize, usize)], mut maybe: u32) -> Option<&str> {
        while maybe != 0 {
            let i = maybe.trailing_zeros() as usize;
            maybe &= maybe - 1;
            let (s, e) = *words.get(i)?;
            let first = kept(&bytes[s..e]);
            let mut key = [0u8; 64];
            let Some(key) = key.get_mut(..first.len()) else {
                // Longer than any key the buffer holds: compare as the general path does.
                let owned = normalize(std::str::from_utf8(&bytes[s..e]).ok()?);
                if let Some(hit) = self.match_at(bytes, words, i, owned.as_bytes()) {
                    return Some(hit);
                }
                continue;
            };
            for (k, &b) in key.iter_mut().zip(first) {
                *k = b.to_ascii_lowercase();
            }
            if let Some(hit) = self.match_at(bytes, words, i, key) {
                return Some(hit);
            }
        }
        None
    }

    /// The first context word or phrase starting with the normalised word `key` that `words[i..]`
    /// spell, as [`search`](Self::search) tries them.
    fn match_at(
        &self,
        bytes: &[u8],
        words: &[(usize, usize)],
        i: usize,
        key: &[u8],
    ) -> Option<&str> {
        let candidates = self.by_first.get(key)?;
        candidates.iter().find_map(|(seq, original)| {
            let rest = words.get(i..i + seq.len())?;
            rest.iter()
                .zip(seq)
                .skip(1)
                .all(|(&(s, e), want)| {
                    let got = kept(&bytes[s..e]);
                    got.len() == want.len()
                        && got
                            .iter()
                            .zip(want.bytes())
                            .all(|(g, w)| g.to_ascii_lowercase() == w)
                })
                .then_some(original.as_str())
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Finds a context word or phrase near `start..end`, returning its original spelling.
    ///
    /// `scratch` is reused between calls to hold the window's words.
    pub(crate) fn find<'a>(
        &'a self,
        text: &str,
        start: usize,
        end: usize,
        window: ContextWindow,
        scratch: &mut WordBuf,
    ) -> Option<&'a str> {
        self.find_near::<false>(text, start, end, window, scratch)
    }

    /// Whether a context word or phrase is near `start..end`: [`find`](Self::find) when only whether it
    /// finds one matters. The spelling returned is one of the window's context words, not necessarily
    /// the one `find` returns (it stops at the first word before the match that is one).
    pub(crate) fn find_any<'a>(
        &'a self,
        text: &str,
        start: usize,
        end: usize,
        window: ContextWindow,
        scratch: &mut WordBuf,
    ) -> Option<&'a str> {
        self.find_near::<true>(text, start, end, window, scratch)
    }

    /// [`find_any`](Self::find_any) when `ANY`, [`find`](Self::find) otherwise.
    fn find_near<'a, const ANY: bool>(
        &'a self,
        text: &str,
        start: usize,
        end: usize,
        window: ContextWindow,
        scratch: &mut WordBuf,
    ) -> Option<&'a str> {
        if self.is_empty() {
            return None;
        }
        match self.find_ascii::<ANY>(text, start, end, window) {
            Some(found) => found,
            None => self.find_words(text, start, end, window, scratch),
        }
    }

    /// [`find`](Self::find) without the quick check: collects and compares the window's words.
    fn find_words<'a>(
        &'a self,
        text: &str,
        start: usize,
        end: usize,
        window: ContextWindow,
        scratch: &mut WordBuf,
    ) -> Option<&'a str> {
        scratch.clear();
        collect_before(text, start, window.before, scratch);
        if let Some(hit) = self.search(scratch.as_slice()) {
            return Some(hit);
        }
        scratch.clear();
        collect_after(text, end, window.after, scratch);
        self.search(scratch.as_slice())
    }

    /// Finds a context word or phrase in a short label (a CSV column header).
    pub(crate) fn find_in_label<'a>(
        &'a self,
        label: &str,
        scratch: &mut WordBuf,
    ) -> Option<&'a str> {
        if self.is_empty() {
            return None;
        }
        if let Some(found) = self.find_in_ascii_label(label) {
            return found;
        }
        self.find_in_label_words(label, scratch)
    }

    /// [`find_in_label`](Self::find_in_label) without the quick path: collects and compares the label's
    /// words.
    fn find_in_label_words<'a>(&'a self, label: &str, scratch: &mut WordBuf) -> Option<&'a str> {
        scratch.clear();
        for w in words_of(label) {
            scratch.push(w);
        }
        self.search(scratch.as_slice())
    }

    /// [`find_in_label`](Self::find_in_label) on an ASCII label of at most [`FAST_WORDS`] words, read in
    /// place; `None` for other labels.
    fn find_in_ascii_label(&self, label: &str) -> Option<Option<&str>> {
        let bytes = label.as_bytes();
        if !bytes.is_ascii() {
            return None;
        }
        let mut words = [(0usize, 0usize); FAST_WORDS];
        let (mut i, mut n, mut maybe) = (0, 0, 0u32);
        while i < bytes.len() {
            if !ALNUM[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let s = i;
            while i < bytes.len() && ALNUM[usize::from(bytes[i])] {
                i += 1;
            }
            *words.get_mut(n)? = (s, i);
            maybe |= u32::from(self.may_start(&bytes[s..i])) << n;
            n += 1;
        }
        Some(self.try_each(bytes, &words[..n], maybe))
    }

    fn search<'a>(&'a self, words: &[String]) -> Option<&'a str> {
        for (i, w) in words.iter().enumerate() {
            // Most words are no key: the filter rules them out without a map look-up.
            if w.is_ascii()
                && !key_bits(w.as_bytes())
                    .iter()
                    .all(|&(k, bit)| self.key_filter[k] & bit != 0)
            {
                continue;
            }
            if let Some(candidates) = self.by_first.get(w.as_bytes()) {
                for (seq, original) in candidates {
                    if words.len() - i >= seq.len() && words[i..i + seq.len()] == seq[..] {
                        return Some(original);
                    }
                }
            }
        }
        None
    }
}

/// [`cue_before`] read back in place from the end of `tail` (a text's bytes before a match), its words
/// being maximal runs of ASCII letters and digits (numbers skipped), up to a line break: `None` when it
/// meets a non-ASCII byte before it is done (which may be a letter of a word, or part of one), for the
/// general path to answer. Bytes further back than the words it needs are never read.
fn cue_before_ascii<S: AsRef<str>>(tail: &[u8], n: usize, words: &[S]) -> Option<bool> {
    let (mut i, mut taken) = (tail.len(), 0);
    while i > 0 && taken < n {
        let b = tail[i - 1];
        if !ALNUM[usize::from(b)] {
            if b == b'\n' {
                break;
            }
            if !b.is_ascii() {
                return None;
            }
            i -= 1;
            continue;
        }
        let end = i;
        let mut number = true;
        while i > 0 && ALNUM[usize::from(tail[i - 1])] {
            number &= tail[i - 1].is_ascii_digit();
            i -= 1;
        }
        // A non-ASCII letter before the run would belong to its word.
        if i > 0 && !tail[i - 1].is_ascii() {
            return None;
        }
        if number {
            continue;
        }
        let word = &tail[i..end];
        if words
            .iter()
            .any(|c| word.eq_ignore_ascii_case(c.as_ref().as_bytes()))
        {
            return Some(true);
        }
        taken += 1;
    }
    Some(false)
}

/// Whether one of `words` is among the `n` words (numbers skipped) before `start`, on the same line.
pub(crate) fn cue_before<S: AsRef<str>>(text: &str, start: usize, n: usize, words: &[S]) -> bool {
    // Look at a bounded tail of the line so a huge line costs nothing.
    let mut from = start.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = &text[from..start];
    if let Some(found) = cue_before_ascii(tail.as_bytes(), n, words) {
        return found;
    }
    let line = &tail[memchr::memrchr(b'\n', tail.as_bytes()).map_or(0, |i| i + 1)..];
    line.split(|c: char| !c.is_alphanumeric())
        // Numbers do not count as words here: `parts 370-94-0888 and 754-30-0174` cues both values.
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
        .rev()
        .take(n)
        .any(|w| words.iter().any(|c| w.eq_ignore_ascii_case(c.as_ref())))
}

/// Longest line considered when looking for a CSV column header.
const MAX_CSV_LINE: usize = 4096;

/// Column headers of delimited data (CSV, TSV, `;`- or `|`-separated) for the results of one text, working
/// out a line's table once for the results on it, and a header's cells once for all its rows.
///
/// A new cache takes the buffers a dropped one left on its thread (see [`SPARE_BUFFERS`]), so one per
/// text allocates nothing once texts of its size have been seen.
#[derive(Debug)]
pub(crate) struct HeaderCache {
    /// Once known, where the lines that have no header above them end (see [`headless_end`]): the end of
    /// the first line holding a delimiter byte when it is one of the text's first five lines, else the
    /// text's end.
    headless_end: Option<usize>,
    /// The lines that may be a header, once known.
    heads: Option<Heads>,
    /// Lines looked at (their start, and their end before the line break) with the index of their row
    /// in `rows` or [`NO_TABLE`], sorted by position (every recognizer's results revisit the same
    /// lines).
    lines: Vec<(usize, usize, u32)>,
    /// Per head line and delimiter, once split: the range of `header_cells` holding its cells.
    header_split: [[Option<(u32, u32)>; 4]; 5],
    /// Header cells as they name a column: the trimmed cell's range in the text, or `None` for a cell
    /// that names none (empty, or holding a digit or `@`).
    header_cells: Vec<Option<(usize, usize)>>,
    /// The data rows looked at.
    rows: Vec<Row>,
    /// The unquoted delimiters of the rows, in text order, each row's in one range.
    delimiters: Vec<usize>,
    /// The unquoted delimiters of the line read last, with their index in `,;\t|`.
    found: Vec<(usize, u8)>,
}

/// The growable buffers of a [`HeaderCache`], emptied.
#[derive(Debug, Default)]
struct Buffers {
    lines: Vec<(usize, usize, u32)>,
    header_cells: Vec<Option<(usize, usize)>>,
    rows: Vec<Row>,
    delimiters: Vec<usize>,
    found: Vec<(usize, u8)>,
}

/// Buffers larger than this (in elements) are freed rather than kept for the next cache.
const MAX_SPARE: usize = 1 << 12;

thread_local! {
    /// The buffers of the last [`HeaderCache`] dropped on this thread, for the next one.
    static SPARE_BUFFERS: std::cell::RefCell<Buffers> = const {
        std::cell::RefCell::new(Buffers {
            lines: Vec::new(),
            header_cells: Vec::new(),
            rows: Vec::new(),
            delimiters: Vec::new(),
            found: Vec::new(),
        })
    };
}

impl Default for HeaderCache {
    fn default() -> Self {
        let Buffers {
            lines,
            header_cells,
            rows,
            delimiters,
            found,
        } = crate::scratch::take(&SPARE_BUFFERS);
        HeaderCache {
            headless_end: None,
            heads: None,
            lines,
            header_split: [[None; 4]; 5],
            header_cells,
            rows,
            delimiters,
            found,
        }
    }
}

impl Drop for HeaderCache {
    fn drop(&mut self) {
        let largest = [
            self.lines.capacity(),
            self.header_cells.capacity(),
            self.rows.capacity(),
            self.delimiters.capacity(),
            self.found.capacity(),
        ];
        if largest.into_iter().max().unwrap_or(0) > MAX_SPARE {
            return;
        }
        self.lines.clear();
        self.header_cells.clear();
        self.rows.clear();
        self.delimiters.clear();
        self.found.clear();
        let buffers = Buffers {
            lines: std::mem::take(&mut self.lines),
            header_cells: std::mem::take(&mut self.header_cells),
            rows: std::mem::take(&mut self.rows),
            delimiters: std::mem::take(&mut self.delimiters),
            found: std::mem::take(&mut self.found),
        };
        crate::scratch::put_back(&SPARE_BUFFERS, buffers);
    }
}

/// A line that is no data row under a header, in [`HeaderCache::lines`].
const NO_TABLE: u32 = u32::MAX - 1;

/// A data row of delimited text under a header.
#[derive(Debug, Clone, Copy)]
struct Row {
    /// Where the row starts and ends (without a trailing `\r`).
    start: usize,
    end: usize,
    /// The range of [`HeaderCache::delimiters`] holding the row's delimiters.
    delimiters: (u32, u32),
    /// The range of [`HeaderCache::header_cells`] holding its header's cells.
    header: (u32, u32),
}

/// The text's first five lines, the only ones [`HeaderCache::table_of`] takes as a header, with their
/// cells counted at most once per text instead of once per row.
#[derive(Debug, Default)]
struct Heads {
    /// Per line: its start, the position of its line break (the text's length for the last line), its
    /// end without a trailing `\r`, and, once needed, its unquoted `,`, `;`, tab and `|` counts.
    lines: [(usize, usize, usize, Option<[usize; 4]>); 5],
    /// How many of `lines` there are.
    len: usize,
}

impl Heads {
    fn of(text: &str) -> Heads {
        let mut heads = Heads::default();
        let mut from = 0;
        while heads.len < 5 && from < text.len() {
            let nl =
                memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i);
            let end = from + text[from..nl].trim_end_matches('\r').len();
            heads.lines[heads.len] = (from, nl, end, None);
            heads.len += 1;
            from = nl + 1;
        }
        heads
    }

    /// The delimiter counts of line `i`.
    fn counts(&mut self, text: &str, i: usize) -> [usize; 4] {
        let (from, _, end, counts) = &mut self.lines[i];
        *counts.get_or_insert_with(|| delimiter_counts(&text[*from..*end]))
    }
}

/// What a byte is to delimited text: 0 for most bytes, 1 for a double quote, 2 to 5 for `,`, `;`, tab
/// and `|`.
static DELIMITER_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'"' as usize] = 1;
    t[b',' as usize] = 2;
    t[b';' as usize] = 3;
    t[b'\t' as usize] = 4;
    t[b'|' as usize] = 5;
    t
};

/// [`DELIMITER_CLASS`] with 6 for a line break.
static LINE_CLASS: [u8; 256] = {
    let mut t = DELIMITER_CLASS;
    t[b'\n' as usize] = 6;
    t
};

/// The unquoted `,`, `;`, tab and `|` in `line`, counted in one pass.
fn delimiter_counts(line: &str) -> [usize; 4] {
    let bytes = line.as_bytes();
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    let mut i = 0;
    loop {
        // Most bytes are none of the five: skipped eight at a time.
        i = skip_plain(bytes, i, bytes.len(), &DELIMITER_CLASS);
        let Some(&b) = bytes.get(i) else { break };
        match DELIMITER_CLASS[usize::from(b)] {
            0 => {}
            1 => in_quotes = !in_quotes,
            c if !in_quotes => counts[usize::from(c - 2)] += 1,
            _ => {}
        }
        i += 1;
    }
    counts
}

/// The first position from `i` on, below `limit` (at most `bytes.len()`), of a byte whose class in
/// `class` is not 0, or `limit`: eight bytes are looked up and tested together.
#[inline]
fn skip_plain(bytes: &[u8], mut i: usize, limit: usize, class: &[u8; 256]) -> usize {
    while i + 8 <= limit {
        let w = &bytes[i..i + 8];
        let any = class[usize::from(w[0])]
            | class[usize::from(w[1])]
            | class[usize::from(w[2])]
            | class[usize::from(w[3])]
            | class[usize::from(w[4])]
            | class[usize::from(w[5])]
            | class[usize::from(w[6])]
            | class[usize::from(w[7])];
        if any != 0 {
            break;
        }
        i += 8;
    }
    while i < limit && class[usize::from(bytes[i])] == 0 {
        i += 1;
    }
    i
}

impl HeaderCache {
    /// When `start` lies in a data row, the header cell of its column; header rows name what a column
    /// holds (`ssn`, `phone`) as context words would. The header is the first of the text's first five
    /// lines with as many cells as the row. Use one cache per text.
    pub(crate) fn column_header<'t>(&mut self, text: &'t str, start: usize) -> Option<&'t str> {
        let headless_end = *self.headless_end.get_or_insert_with(|| headless_end(text));
        if start <= headless_end {
            return None;
        }
        // Lines are disjoint, so at most one holds `start`: the first that does not end before it.
        let k = self.lines.partition_point(|&(_, end, _)| end < start);
        if self.lines.get(k).is_none_or(|&(from, _, _)| from > start) {
            // Lines up to a table line's length look the same from every position in them; longer
            // ones are never table rows.
            let from = start.saturating_sub(MAX_CSV_LINE);
            let line_start = from + memrchr_newline(text, from, start)? + 1;
            let (line_end, counts) = self.scan_line(text, line_start, start)?;
            let row = self.table_of(text, line_start..line_end, counts);
            self.lines.insert(k, (line_start, line_end, row));
        }
        let row = *self.rows.get(self.lines[k].2 as usize)?;
        if start - row.start > row.end - row.start {
            return None;
        }
        // The cell holding `start` is the one after as many delimiters as lie before it (a delimiter
        // ends the cell before it).
        let (d0, d1) = row.delimiters;
        let column = self.delimiters[d0 as usize..d1 as usize].partition_point(|&d| d < start);
        let (h0, h1) = row.header;
        let (s, e) = (*self.header_cells[h0 as usize..h1 as usize].get(column)?)?;
        Some(&text[s..e])
    }

    /// When `line` is a delimited row under a header among the text's first five lines, its index in
    /// `rows` (added), else [`NO_TABLE`].
    /// `counts` are the line's delimiter counts, and `found` holds its delimiters (see
    /// [`scan_line`](Self::scan_line)).
    fn table_of(&mut self, text: &str, line: Range<usize>, counts: [usize; 4]) -> u32 {
        let line_start = line.start;
        let row = text[line].trim_end_matches('\r');
        if row.len() > MAX_CSV_LINE {
            return NO_TABLE;
        }
        // The delimiter that occurs most often outside quotes (the last of equals, as `max_by_key` picks).
        let Some((k, &most)) = counts.iter().enumerate().max_by_key(|&(_, c)| *c) else {
            return NO_TABLE;
        };
        if most == 0 {
            return NO_TABLE;
        }
        let heads = self.heads.get_or_insert_with(|| Heads::of(text));
        for i in 0..heads.len {
            let (from, nl, end, _) = heads.lines[i];
            if from >= line_start {
                break;
            }
            // A header is at most one table line long.
            if nl >= from + MAX_CSV_LINE + 2 {
                return NO_TABLE;
            }
            if heads.counts(text, i)[k] == most {
                let header = self.header_cells(text, i, k, from..end);
                // A header naming no column names none for any row.
                if self.header_cells[header.0 as usize..header.1 as usize]
                    .iter()
                    .all(Option::is_none)
                {
                    return NO_TABLE;
                }
                let d0 = self.delimiters.len();
                self.delimiters.extend(
                    self.found
                        .iter()
                        .filter(|&&(_, kind)| usize::from(kind) == k)
                        .map(|&(at, _)| at),
                );
                self.rows.push(Row {
                    start: line_start,
                    end: line_start + row.len(),
                    delimiters: (to_u32(d0), to_u32(self.delimiters.len())),
                    header,
                });
                return to_u32(self.rows.len() - 1);
            }
        }
        NO_TABLE
    }

    /// Reads the line starting at `line_start` and holding `start` in one pass: where it ends (its line
    /// break or the text's end) and its unquoted delimiter counts, with the delimiters (position and
    /// index in `,;\t|`) in `found`. `None` when its end lies one table line's length or more past
    /// `start`.
    fn scan_line(
        &mut self,
        text: &str,
        line_start: usize,
        start: usize,
    ) -> Option<(usize, [usize; 4])> {
        let bytes = text.as_bytes();
        let limit = (start + MAX_CSV_LINE).min(bytes.len());
        let mut counts = [0usize; 4];
        let mut in_quotes = false;
        self.found.clear();
        let mut i = line_start;
        loop {
            i = skip_plain(bytes, i, limit, &LINE_CLASS);
            if i >= limit {
                break;
            }
            match LINE_CLASS[usize::from(bytes[i])] {
                0 => {}
                1 => in_quotes = !in_quotes,
                6 => return Some((i, counts)),
                c if !in_quotes => {
                    let kind = c - 2;
                    counts[usize::from(kind)] += 1;
                    self.found.push((i, kind));
                }
                _ => {}
            }
            i += 1;
        }
        (limit == bytes.len()).then_some((limit, counts))
    }

    /// The cells of head line `i` (`header`) split by delimiter `k`, as a range of `header_cells`,
    /// split on the first call.
    fn header_cells(&mut self, text: &str, i: usize, k: usize, header: Range<usize>) -> (u32, u32) {
        if let Some(range) = self.header_split[i][k] {
            return range;
        }
        let h0 = self.header_cells.len();
        let line = &text[header.clone()];
        let delimiter = [',', ';', '\t', '|'][k];
        for (s, e) in cells(line, delimiter) {
            let raw = &line[s..e];
            let trimmed = raw.trim();
            let cell = trimmed.trim_matches('"');
            let lead = (raw.len() - raw.trim_start().len())
                + (trimmed.len() - trimmed.trim_start_matches('"').len());
            let names = !cell.is_empty() && !cell.bytes().any(|b| b.is_ascii_digit() || b == b'@');
            let at = header.start + s + lead;
            self.header_cells
                .push(names.then_some((at, at + cell.len())));
        }
        let range = (to_u32(h0), to_u32(self.header_cells.len()));
        self.header_split[i][k] = Some(range);
        range
    }
}

/// Where the lines of `text` that no header can be above end: a header is one of the first five lines,
/// above its row, with an unquoted `,`, `;`, tab or `|`, so the rows are below the first line holding
/// one of these bytes, and there are none when it is not among the first five lines. The end of that
/// line (its line break, or the text's end): every position up to it has no header. Found with
/// `memchr`, without reading the lines.
fn headless_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let comma_like = memchr::memchr3(b',', b';', b'|', bytes).unwrap_or(bytes.len());
    let first = memchr::memchr(b'\t', &bytes[..comma_like]).unwrap_or(comma_like);
    if first == bytes.len() {
        return first;
    }
    let mut at = 0;
    for _ in 0..5 {
        match memchr::memchr(b'\n', &bytes[at..first]) {
            Some(nl) => at += nl + 1,
            // `first` is on the line starting at `at`, one of the first five.
            None => {
                return memchr::memchr(b'\n', &bytes[first..]).map_or(bytes.len(), |i| first + i);
            }
        }
    }
    bytes.len()
}

/// The last `\n` in `text[from..to]`, as an offset into that range (a search for one ASCII byte: it
/// cannot be inside a character, so the range's ends need not be on char boundaries).
fn memrchr_newline(text: &str, from: usize, to: usize) -> Option<usize> {
    memchr::memrchr(b'\n', &text.as_bytes()[from..to])
}

/// `n` as a `u32` index (the caches index texts of at most a segment's length, far below `u32::MAX`).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The cells of one delimited line, as byte ranges, honouring double quotes. The quote and the delimiter
/// are ASCII, so the line is read a byte at a time.
fn cells(line: &str, delimiter: char) -> impl Iterator<Item = (usize, usize)> + '_ {
    let delimiter = u8::try_from(delimiter).unwrap_or(b',');
    let bytes = line.as_bytes();
    let mut in_quotes = false;
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i <= bytes.len() {
            let at = i;
            i += 1;
            let Some(&b) = bytes.get(at) else {
                // The end of the line closes the last cell, even inside quotes.
                let cell = (start, at);
                start = at + 1;
                return Some(cell);
            };
            if b == b'"' {
                in_quotes = !in_quotes;
            } else if b == delimiter && !in_quotes {
                let cell = (start, at);
                start = at + 1;
                return Some(cell);
            }
        }
        None
    })
}

/// The maximal runs of alphanumeric characters in `s`.
fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Lower-cases a word and drops a possessive `'s` or a plural `s`, so `SSNs` and `ssn` compare equal.
fn normalize(word: &str) -> String {
    let mut w = word.to_lowercase();
    if w.len() >= 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    w
}

/// Pushes up to `n` normalised words preceding `start`, in text order.
fn collect_before(text: &str, start: usize, n: usize, out: &mut WordBuf) {
    if n == 0 {
        return;
    }
    let limit = start.saturating_sub(BYTES_PER_WINDOW_WORD * n + BYTES_PER_WINDOW_WORD);
    let mut from = limit;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let slice = &text[from..start];
    // A word cut by the scan limit is not a real word.
    let cut = from > 0
        && slice.chars().next().is_some_and(char::is_alphanumeric)
        && text[..from]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    // Walk back from `start`, then put the words in text order.
    let first = out.len;
    let mut words = slice
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    let mut taken = 0;
    while taken < n {
        let Some(w) = words.next() else { break };
        if cut && words.peek().is_none() {
            break;
        }
        out.push(w);
        taken += 1;
    }
    out.words[first..out.len].reverse();
}

/// Pushes up to `n` normalised words following `end` on the same line, in text order.
fn collect_after(text: &str, end: usize, n: usize, out: &mut WordBuf) {
    if n == 0 {
        return;
    }
    let mut to = (end + BYTES_PER_WINDOW_WORD * n + BYTES_PER_WINDOW_WORD).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut slice = &text[end..to];
    // Words after a match count only on its own line: the next line's label belongs to the next value.
    if let Some(nl) = memchr::memchr(b'\n', slice.as_bytes()) {
        slice = &slice[..nl];
        to = end + nl;
    }
    let cut = to < text.len()
        && slice.chars().next_back().is_some_and(char::is_alphanumeric)
        && text[to..].chars().next().is_some_and(char::is_alphanumeric);
    let mut words = words_of(slice).take(n + 1).peekable();
    let mut taken = 0;
    while let Some(w) = words.next() {
        // With fewer than `n + 1` words, the last one is cut by the scan limit: not a real word.
        if taken == n || (cut && words.peek().is_none()) {
            break;
        }
        out.push(w);
        taken += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column_header(text: &str, at: usize) -> Option<&str> {
        HeaderCache::default().column_header(text, at)
    }

    fn find(words: &[&str], text: &str, needle: &str, window: (usize, usize)) -> Option<String> {
        let start = text.find(needle).unwrap();
        let cw = ContextWords::new(words.iter().copied());
        let mut scratch = WordBuf::default();
        cw.find(
            text,
            start,
            start + needle.len(),
            ContextWindow {
                before: window.0,
                after: window.1,
            },
            &mut scratch,
        )
        .map(str::to_string)
    }

    #[test]
    fn csv_headers_name_columns() {
        let csv = "name,dob,ssn,city\n\"Doe, Jane\",1/2/1970,536228726,Leeds";
        let at = csv.find("5362").unwrap();
        assert_eq!(column_header(csv, at), Some("ssn"));
        assert_eq!(column_header(csv, 2), None);
        let tsv = "Export\nid\tphone\n1\t5550142";
        assert_eq!(column_header(tsv, tsv.find("555").unwrap()), Some("phone"));
        assert_eq!(column_header("just a sentence\nand another", 20), None);
    }

    #[test]
    fn headless_lines_end_after_the_first_line_with_a_delimiter() {
        assert_eq!(headless_end("no delimiters\nat all"), 20);
        assert_eq!(headless_end("title\nname,ssn\nJo,1"), 14);
        assert_eq!(headless_end("a\tb\n1\t2"), 3);
        assert_eq!(headless_end("1\n2\n3\n4\n5\nx,y\n1,2"), 17);
        assert_eq!(headless_end("1\n2\n3\n4\nx|y\n1|2"), 11);
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(find(&["lic"], "public record 12345", "12345", (5, 3)), None);
        assert_eq!(
            find(&["lic"], "LIC: 12345", "12345", (5, 3)).as_deref(),
            Some("lic")
        );
    }

    #[test]
    fn plural_and_case_are_normalised() {
        assert_eq!(
            find(&["ssn"], "SSNs on file: 123-45-6789", "123", (5, 3)).as_deref(),
            Some("ssn")
        );
        assert_eq!(
            find(&["phones"], "phone 555", "555", (5, 3)).as_deref(),
            Some("phones")
        );
    }

    #[test]
    fn phrases_need_consecutive_words() {
        let w = ["social security"];
        assert!(find(&w, "Social Security no. 078", "078", (5, 3)).is_some());
        assert!(find(&w, "social media security 078", "078", (5, 3)).is_none());
    }

    #[test]
    fn looks_after_the_match_too() {
        assert!(find(&["phone"], "555-0100 (phone)", "555", (5, 3)).is_some());
        assert!(find(&["phone"], "555-0100 a b c d phone", "555", (5, 3)).is_none());
        assert!(find(&["phone"], "phone a b c d e f 555", "555", (5, 3)).is_none());
    }

    #[test]
    fn windows_respect_multibyte_text() {
        let text = "电话 phone: 😀😀 555";
        assert!(find(&["phone"], text, "555", (5, 3)).is_some());
        let long = format!("{} phone 555", "é".repeat(1000));
        assert!(find(&["phone"], &long, "555", (5, 3)).is_some());
        let far = format!("phone {} 555", "-".repeat(10_000));
        assert!(find(&["phone"], &far, "555", (5, 3)).is_none());
    }

    /// The header lookup as first written: the row's line and its header found by scanning, uncached.
    fn reference_header(text: &str, start: usize) -> Option<&str> {
        let bytes = text.as_bytes();
        if start <= text.find('\n').unwrap_or(text.len()) {
            return None;
        }
        let from = start.saturating_sub(MAX_CSV_LINE);
        let line_start = from + bytes[from..start].iter().rposition(|&b| b == b'\n')? + 1;
        let to = (start + MAX_CSV_LINE).min(text.len());
        let line_end = match bytes[start..to].iter().position(|&b| b == b'\n') {
            Some(i) => start + i,
            None if to == text.len() => to,
            None => return None,
        };
        let row = text[line_start..line_end].trim_end_matches('\r');
        if row.len() > MAX_CSV_LINE {
            return None;
        }
        let counts = delimiter_counts(row);
        let (k, &most) = counts.iter().enumerate().max_by_key(|&(_, c)| *c)?;
        if most == 0 {
            return None;
        }
        let delimiter = [',', ';', '\t', '|'][k];
        let mut from = 0;
        for _ in 0..5 {
            if from >= line_start {
                break;
            }
            let limit = (from + MAX_CSV_LINE + 2).min(line_start);
            let end = from + bytes[from..limit].iter().position(|&b| b == b'\n')?;
            let header = text[from..end].trim_end_matches('\r');
            if cells(header, delimiter).count() == most + 1 {
                let header = &text[from..from + header.len()];
                let offset = start - line_start;
                let column = cells(row, delimiter).position(|(s, e)| s <= offset && offset <= e)?;
                let (s, e) = cells(header, delimiter).nth(column)?;
                let cell = header[s..e].trim().trim_matches('"');
                return (!cell.is_empty()
                    && !cell.bytes().any(|b| b.is_ascii_digit() || b == b'@'))
                .then_some(cell);
            }
            from = end + 1;
        }
        None
    }

    /// The cells of a line as first written: a character at a time.
    fn reference_cells(line: &str, delimiter: char) -> Vec<(usize, usize)> {
        let mut in_quotes = false;
        let mut start = 0;
        let mut out = Vec::new();
        for (i, c) in line
            .char_indices()
            .chain(std::iter::once((line.len(), delimiter)))
        {
            if c == '"' {
                in_quotes = !in_quotes;
            } else if c == delimiter && (!in_quotes || i == line.len()) {
                out.push((start, i));
                start = i + c.len_utf8();
            }
        }
        out
    }

    #[test]
    fn cached_headers_match_the_plain_lookup() {
        const PIECES: &[&str] = &[
            "a", "bc", ",", ",", ";", "\t", "|", "\"", "\n", "\n", "\r", "x1", " ", "é", "ssn",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut found = 0;
        for _ in 0..3000 {
            let len = next() % 50;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            for d in [',', ';', '\t', '|'] {
                assert_eq!(
                    cells(&text, d).collect::<Vec<_>>(),
                    reference_cells(&text, d)
                );
            }
            let mut backwards = HeaderCache::default();
            for start in (0..=text.len()).rev().filter(|&i| text.is_char_boundary(i)) {
                let want = reference_header(&text, start);
                assert_eq!(
                    backwards.column_header(&text, start),
                    want,
                    "{text:?} at {start}"
                );
            }
            let mut cache = HeaderCache::default();
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let want = reference_header(&text, start);
                found += usize::from(want.is_some());
                assert_eq!(
                    cache.column_header(&text, start),
                    want,
                    "{text:?} at {start}"
                );
                assert_eq!(column_header(&text, start), want, "{text:?} at {start}");
            }
        }
        assert!(found > 500, "{found}");
        let long = format!("a,b\n{}\n1,2", "x".repeat(5000));
        assert_eq!(column_header(&long, long.len() - 1), Some("b"));
        let long_header = format!("t\n{},b\n1,2", "x".repeat(5000));
        assert_eq!(column_header(&long_header, long_header.len() - 1), None);
        assert_eq!(reference_header(&long_header, long_header.len() - 1), None);
        let far = format!("a,b\n{},2", "x".repeat(5000));
        assert_eq!(
            column_header(&far, far.len() - 1),
            reference_header(&far, far.len() - 1)
        );
    }

    #[test]
    fn ascii_cues_match_the_split_words() {
        let pieces: &[&str] = &[
            "v", "ver", "Version", "part", "no", "12", "3a", " ", "-", ".", "\n", ":", "\u{e9}",
            "\u{a0}", "N\u{fa}m", "\u{7535}",
        ];
        let cues = ["version", "v", "part", "no"];
        let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
        let (mut quick, mut general) = (0, 0);
        for _ in 0..8000 {
            let len = (rng.next_u64() % 30) as usize;
            let line: String = (0..len)
                .map(|_| pieces[(rng.next_u64() % pieces.len() as u64) as usize])
                .collect();
            let tail = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
            for n in 0..4 {
                let want = tail
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty() && !w.bytes().all(|b| b.is_ascii_digit()))
                    .rev()
                    .take(n)
                    .any(|w| cues.iter().any(|c| w.eq_ignore_ascii_case(c)));
                // The in-place walk answers as the split does, or leaves the answer to it.
                match cue_before_ascii(line.as_bytes(), n, &cues) {
                    Some(found) => {
                        assert_eq!(found, want, "{line:?} {n}");
                        quick += 1;
                    }
                    None => general += 1,
                }
                if line.len() <= 64 {
                    assert_eq!(
                        cue_before(&line, line.len(), n, &cues),
                        want,
                        "{line:?} {n}"
                    );
                }
            }
        }
        assert!(quick > 10_000 && general > 1000, "{quick} {general}");
    }

    #[test]
    fn skipping_plain_bytes_finds_every_delimiter() {
        let pieces: &[&str] = &[
            "a", "bc", ",", ";", "\t", "|", "\"", "\n", "é", "  ", "xyz12345",
        ];
        let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
        for _ in 0..3000 {
            let state = rng.next_u64();
            let len = (state % 40) as usize;
            let line: String = (0..len)
                .map(|k| pieces[(state >> (k % 48)) as usize % pieces.len()])
                .collect();
            let bytes = line.as_bytes();
            for from in 0..=bytes.len() {
                let want = (from..bytes.len())
                    .find(|&i| LINE_CLASS[usize::from(bytes[i])] != 0)
                    .unwrap_or(bytes.len());
                assert_eq!(
                    skip_plain(bytes, from, bytes.len(), &LINE_CLASS),
                    want,
                    "{line:?}"
                );
            }
            let mut want = [0usize; 4];
            let mut in_quotes = false;
            for &b in bytes {
                match b {
                    b'"' => in_quotes = !in_quotes,
                    b',' | b';' | b'\t' | b'|' if !in_quotes => {
                        want[usize::from(DELIMITER_CLASS[usize::from(b)] - 2)] += 1;
                    }
                    _ => {}
                }
            }
            assert_eq!(delimiter_counts(&line), want, "{line:?}");
        }
    }

    /// [`ContextWords::wide_words_miss`] relies on the Kelvin sign being the only non-ASCII character
    /// that [`WordBuf::push`] lower-cases to ASCII.
    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii() {
        let to_ascii: Vec<char> = (0x80..=0x10_FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{212a}']);
    }

    #[test]
    fn quick_misses_never_hide_a_hit() {
        const PIECES: &[&str] = &[
            "ssn",
            "SSNs",
            "social",
            "security",
            "dl",
            "lic",
            "s",
            "ss",
            "a",
            "phone",
            "Phones",
            " ",
            " ",
            "-",
            ":",
            "\n",
            "é",
            "电话",
            "12",
            "x",
            "licenses",
            "mac",
            "address",
            "ADDRESSES",
            "Social",
            "date",
            "of",
            "Birth",
            "s ",
            "lics",
            "\u{2014}",
            "\u{201c}",
            "\u{a0}",
            "\u{2019}s",
            "\u{212a}",
            "\u{212a}s",
            "tel\u{e9}fono",
            "N\u{fa}mero",
            "de",
            "Stra\u{df}e",
            "ey",
        ];
        let cw = ContextWords::new([
            "ssn",
            "social security",
            "dl",
            "phones",
            "mac address",
            "date of birth",
            "date",
            "lic",
            "key",
        ]);
        // A list with a non-ASCII word: windows with non-ASCII words take the general path.
        let cw_wide = ContextWords::new(["tel\u{e9}fono", "ssn", "n\u{fa}mero de tel\u{e9}fono"]);
        assert!(cw.ascii_keys && !cw_wide.ascii_keys);
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut scratch = WordBuf::default();
        let (mut hits, mut quick, mut labels, mut quick_labels) = (0, 0, 0, 0);
        let (mut wide_hits, mut quick_wide) = (0, 0);
        for round in 0..6000 {
            let len = next() % 60;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            let window = ContextWindow {
                before: round % 6,
                after: round % 4,
            };
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for _ in 0..4 {
                let a = bounds[next() % bounds.len()];
                let b = bounds[next() % bounds.len()];
                let (start, end) = (a.min(b), a.max(b));
                // The fast search against the word-by-word one; whether it found a word.
                let mut same = |cw: &ContextWords| {
                    let slow = cw
                        .find_words(&text, start, end, window, &mut scratch)
                        .map(str::to_string);
                    let fast = cw.find(&text, start, end, window, &mut scratch);
                    assert_eq!(fast, slow.as_deref(), "{text:?} {start}..{end} {window:?}");
                    // The first-found search finds a word exactly when the full one does, and one of the
                    // window's: the same one when the window has only one.
                    let any = cw.find_any(&text, start, end, window, &mut scratch);
                    assert_eq!(
                        any.is_some(),
                        slow.is_some(),
                        "{text:?} {start}..{end} {window:?}"
                    );
                    if let Some(word) = any {
                        let alone = ContextWords::new([word]);
                        assert_eq!(
                            alone.find(&text, start, end, window, &mut scratch),
                            Some(word),
                            "{text:?} {start}..{end} {window:?}"
                        );
                    }
                    slow.is_some()
                };
                hits += usize::from(same(&cw));
                wide_hits += usize::from(same(&cw_wide));
                quick += usize::from(cw.find_ascii::<false>(&text, start, end, window).is_some());
                // Texts with non-ASCII letters the quick path answers for the ASCII list.
                if text.chars().any(|c| !c.is_ascii() && c.is_alphanumeric()) {
                    quick_wide +=
                        usize::from(cw.find_ascii::<false>(&text, start, end, window).is_some());
                }
                let label = &text[start..end];
                let slow = cw
                    .find_in_label_words(label, &mut scratch)
                    .map(str::to_string);
                assert_eq!(
                    cw.find_in_label(label, &mut scratch),
                    slow.as_deref(),
                    "{label:?}"
                );
                labels += usize::from(slow.is_some());
                quick_labels += usize::from(cw.find_in_ascii_label(label).is_some());
            }
        }
        assert!(hits > 1000 && quick > 1000, "{hits} {quick}");
        assert!(
            wide_hits > 500 && quick_wide > 1000,
            "{wide_hits} {quick_wide}"
        );
        assert!(
            labels > 1000 && quick_labels > 1000,
            "{labels} {quick_labels}"
        );
    }
}
