//! A small tokenizer for address and place grammar: words, numbers, punctuation and line breaks, with
//! byte offsets. It never allocates per token beyond the output vector and never panics.

use super::lexicon::{Lex, Lexicon};
use crate::recognizers::hash::FxHashSet;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Starts with a letter: letters, digits, marks, and inner `'`, `’` or `-` followed by a letter.
    Word,
    /// Starts with a digit: digits and letters (`221B`), inner `/` or `-` followed by a digit (`23/62`).
    Num,
    /// Any other visible character, one per token.
    Punct,
    /// A line break, or a JSON-escaped `\n` inside a string.
    Newline,
}

/// One token: `text[start..end]`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// Whether whitespace (other than a line break) precedes it.
    pub(crate) space_before: bool,
    /// Whether its first character is upper case (as [`is_cap`] of its text).
    pub(crate) cap: bool,
    /// The word lists it is on; set by [`lexicon::mark`], empty until then.
    pub(crate) lex: Lex,
    /// The token counts of the gazetteer names starting with it, one bit per count
    /// ([`lexicon::gaz_bit`](super::lexicon::gaz_bit); 0: none); set by [`lexicon::mark`].
    pub(crate) gaz: u8,
}

impl Tok {
    fn new(start: usize, end: usize, kind: Kind, space_before: bool, first: char) -> Tok {
        Tok {
            start,
            end,
            kind,
            space_before,
            cap: first.is_uppercase(),
            lex: Lex::NONE,
            gaz: 0,
        }
    }

    #[inline]
    fn at(start: usize, end: usize, kind: Kind, space_before: bool, cap: bool) -> Tok {
        Tok {
            start,
            end,
            kind,
            space_before,
            cap,
            lex: Lex::NONE,
            gaz: 0,
        }
    }

    /// The token's text.
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

/// The character starting at byte `at` of `text` (ASCII without decoding).
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// The punctuation bytes whose tokens [`tokenize_marked`] lists in `org`: `.` (after a dotted legal
/// form's letter) and the ends of organisation cues (`:`, `(`, `"`).
const ORG_PUNCT: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b':' as usize] = true;
    t[b'(' as usize] = true;
    t[b'"' as usize] = true;
    t
};

/// ASCII byte classes for [`tokenize`]: what a byte starts (or is) when read as a character.
const C_PUNCT: u8 = 0;
const C_SPACE: u8 = 1;
const C_NEWLINE: u8 = 2;
const C_BACKSLASH: u8 = 3;
const C_DIGIT: u8 = 4;
const C_UPPER: u8 = 5;
const C_LOWER: u8 = 6;
/// The first byte of a multi-byte character (or a continuation byte): decode it.
const C_OTHER: u8 = 7;

/// [`char::is_whitespace`], [`char::is_ascii_digit`] and the ASCII letter cases of every byte as a
/// character; every byte of 0x80 and above is [`C_OTHER`].
const CLASS: [u8; 256] = {
    let mut c = [C_PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        c[b] = match b as u8 {
            b'\n' => C_NEWLINE,
            b' ' | b'\t' | 0x0b | 0x0c | b'\r' => C_SPACE,
            b'\\' => C_BACKSLASH,
            b'0'..=b'9' => C_DIGIT,
            b'A'..=b'Z' => C_UPPER,
            b'a'..=b'z' => C_LOWER,
            0x80..=0xff => C_OTHER,
            _ => C_PUNCT,
        };
        b += 1;
    }
    c
};

/// Splits `text` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    scan(
        text,
        out,
        None,
        &mut Vec::new(),
        &mut Vec::new(),
        &mut Vec::new(),
        &mut Vec::new(),
    );
}

/// [`tokenize`], recording on each word token its lists and gazetteer span as
/// [`lexicon::mark`](super::lexicon::mark) does, while the word is at hand. Also fills `caps` and
/// `nums` (cleared first) with the indices of the capitalised word tokens and of the number tokens, in
/// order, and `marked` with those of the word tokens on a [`Lex::MARK`] list (place keys, street
/// starts) or holding a character other than an ASCII letter or digit (a non-ASCII letter or mark, an
/// inner `'`, `’` or `-`), which the key scan reads character by character. `org` gets the indices,
/// in order, of the tokens that can make a neighbouring lower-case word an organisation anchor (see
/// [`organization::find`](crate::recognizers::organization::find)): the word tokens on the
/// [`Lex::LEGAL_END`] or [`Lex::ORG_CUE_END`] lists and the `.`, `:`, `(` and `"` tokens. Returns the
/// union of every token's lists.
#[inline(never)]
pub(crate) fn tokenize_marked(
    text: &str,
    out: &mut Vec<Tok>,
    caps: &mut Vec<usize>,
    nums: &mut Vec<usize>,
    marked: &mut Vec<usize>,
    org: &mut Vec<usize>,
) -> Lex {
    scan(
        text,
        out,
        Some(super::lexicon::lexicon()),
        caps,
        nums,
        marked,
        org,
    )
}

/// [`tokenize`], looking each word up in `lexicon` and noting capitalised words in `caps` and numbers
/// in `nums` when there is a lexicon; returns the union of the words' lists.
#[inline(always)]
fn scan(
    text: &str,
    out: &mut Vec<Tok>,
    lexicon: Option<&Lexicon>,
    caps: &mut Vec<usize>,
    nums: &mut Vec<usize>,
    marked: &mut Vec<usize>,
    org: &mut Vec<usize>,
) -> Lex {
    out.clear();
    caps.clear();
    nums.clear();
    marked.clear();
    org.clear();
    let mut any = Lex::NONE;
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut space = false;
    while let Some(&b) = bytes.get(pos) {
        let i = pos;
        // The token's kind and whether its first character is upper case, or `None` when the
        // character was handled (whitespace, a line break, an escape, a punctuation token).
        let (kind, cap) = match CLASS[usize::from(b)] {
            C_SPACE => {
                pos += 1;
                space = true;
                continue;
            }
            C_NEWLINE => {
                pos += 1;
                out.push(Tok::at(i, pos, Kind::Newline, space, false));
                space = false;
                continue;
            }
            C_DIGIT => (Kind::Num, false),
            C_UPPER => (Kind::Word, true),
            C_LOWER => (Kind::Word, false),
            C_BACKSLASH => {
                pos += 1;
                // JSON-escaped line breaks and quotes inside serialised strings.
                match bytes.get(pos) {
                    Some(b'n') => {
                        pos += 1;
                        out.push(Tok::at(i, pos, Kind::Newline, space, false));
                        space = false;
                    }
                    Some(b'r') | Some(b't') => {
                        pos += 1;
                        space = true;
                    }
                    Some(b'"') => {
                        pos += 1;
                        out.push(Tok::at(i, pos, Kind::Punct, space, false));
                        space = false;
                    }
                    _ => {
                        out.push(Tok::at(i, pos, Kind::Punct, space, false));
                        space = false;
                    }
                }
                continue;
            }
            C_PUNCT => {
                pos += 1;
                if lexicon.is_some() && ORG_PUNCT[usize::from(b)] {
                    org.push(out.len());
                }
                out.push(Tok::at(i, pos, Kind::Punct, space, false));
                space = false;
                continue;
            }
            _ => {
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                pos += c.len_utf8();
                if c.is_whitespace() {
                    space = true;
                    continue;
                }
                if !c.is_alphabetic() {
                    out.push(Tok::new(i, pos, Kind::Punct, space, c));
                    space = false;
                    continue;
                }
                (Kind::Word, c.is_uppercase())
            }
        };
        let mut end = i + 1;
        // Whether the token holds a character other than an ASCII letter or digit.
        let mut odd = false;
        if CLASS[usize::from(b)] == C_OTHER {
            end = pos;
            odd = true;
        }
        loop {
            // ASCII letters and digits always join; skip them eight bytes at a time.
            end = skip_alnum(bytes, end);
            let Some(&nb) = bytes.get(end) else {
                break;
            };
            let (d, next) = if nb.is_ascii() {
                // Only `'`, `-` and `/` can join after an ASCII letter or digit run.
                if !matches!(nb, b'\'' | b'-' | b'/') {
                    break;
                }
                (char::from(nb), end + 1)
            } else {
                let Some(d) = char_at(text, end) else {
                    break;
                };
                (d, end + d.len_utf8())
            };
            let joins = if is_word_char(d) {
                true
            } else if matches!(d, '\'' | '’' | '-') && kind == Kind::Word {
                text[next..].chars().next().is_some_and(char::is_alphabetic)
            } else if matches!(d, '/' | '-') && kind == Kind::Num {
                bytes.get(next).is_some_and(u8::is_ascii_digit)
            } else {
                false
            };
            if !joins {
                break;
            }
            odd = true;
            end = next;
        }
        pos = end;
        let mut t = Tok::at(i, end, kind, space, cap);
        if let (Some(lexicon), Kind::Word) = (lexicon, kind) {
            (t.lex, t.gaz) = lexicon.facts(&bytes[i..end]);
            any = any | t.lex;
            if cap {
                caps.push(out.len());
            }
            if odd || t.lex.has(Lex::MARK | Lex::LEGAL_END | Lex::ORG_CUE_END) {
                if odd || t.lex.has(Lex::MARK) {
                    marked.push(out.len());
                }
                if t.lex.has(Lex::LEGAL_END | Lex::ORG_CUE_END) {
                    org.push(out.len());
                }
            }
        } else if lexicon.is_some() && kind == Kind::Num {
            nums.push(out.len());
        }
        out.push(t);
        space = false;
    }
    any
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;

/// The high bit of each of the eight bytes of `x` (little-endian) that is not an ASCII letter or digit
/// (SWAR). Zero exactly when all are, and the lowest set bit is always right.
#[inline]
fn not_alnum(x: u64) -> u64 {
    // Per byte, below 0x80 (no carry between bytes): `v + (0x80 - lo)` has the high bit from `lo` on,
    // `v + (0x7f - hi)` from `hi + 1` on.
    let v = x & !HIGH;
    let l = v | (ONES * 0x20);
    let letter = (l + ONES * (0x80 - 0x61)) & !(l + ONES * (0x7f - 0x7a));
    let digit = (v + ONES * (0x80 - 0x30)) & !(v + ONES * (0x7f - 0x39));
    (!(letter | digit) | x) & HIGH
}

/// The first byte at or after `at` that is not an ASCII letter or digit (or `bytes.len()`), eight
/// bytes at a time while eight are left.
#[inline(always)]
fn skip_alnum(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) = bytes.get(at..at + 8) {
        let stop = not_alnum(u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]));
        if stop != 0 {
            return at + (stop.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

/// Whether a word starts with an upper-case letter.
pub(crate) fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word has at least one letter and no lower-case letter.
pub(crate) fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Whether a word is written in lower case only.
pub(crate) fn is_lower(word: &str) -> bool {
    !word.chars().any(char::is_uppercase)
}

/// Whether `word` equals one of `list` (ASCII case-insensitive; the list is lower case).
/// A word list for membership tests in constant time, with [`one_of`]'s ASCII-case-insensitive
/// comparison. Build it once (in a `LazyLock`) from a constant list.
pub(crate) struct WordSet {
    words: FxHashSet<Box<[u8]>>,
    longest: usize,
}

impl WordSet {
    pub(crate) fn new(list: &[&str]) -> WordSet {
        WordSet {
            words: list
                .iter()
                .map(|w| w.as_bytes().to_ascii_lowercase().into_boxed_slice())
                .collect(),
            longest: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// Whether `word` is in the list, ignoring ASCII case. Never allocates.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 64];
        let n = word.len();
        if n > self.longest || n > buf.len() {
            return false;
        }
        buf[..n].copy_from_slice(word.as_bytes());
        buf[..n].make_ascii_lowercase();
        self.words.contains(&buf[..n])
    }
}

pub(crate) fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter()
        .any(|w| w.len() == word.len() && w.eq_ignore_ascii_case(word))
}

/// Whether `word` ends with one of `suffixes` (lower case, compared case-insensitively char by char, so
/// `STRASSE` and `Straße` work), with at least `min_stem` characters before it. Returns the suffix. Never
/// allocates.
pub(crate) fn ends_with_any<'s>(
    word: &str,
    suffixes: &[&'s str],
    min_stem: usize,
) -> Option<&'s str> {
    let last = word.as_bytes().last().map(u8::to_ascii_lowercase);
    suffixes
        .iter()
        .copied()
        .find(|suf| ends_with(word, last, suf, min_stem))
}

/// Whether `word` (whose last byte, ASCII-lower-cased, is `last`) ends with `suf` as
/// [`ends_with_any`] compares.
#[inline]
fn ends_with(word: &str, last: Option<u8>, suf: &str, min_stem: usize) -> bool {
    // Cheap reject: both end in different ASCII characters (so neither comparison below can match).
    let suf_last = suf.as_bytes().last().copied();
    if let (Some(a), Some(b)) = (last, suf_last) {
        if a.is_ascii() && b.is_ascii() && a != b.to_ascii_lowercase() {
            return false;
        }
    }
    if suf.is_ascii() {
        // Fast path: byte comparison of the tail.
        let (w, sb) = (word.as_bytes(), suf.as_bytes());
        return w.len() >= sb.len() + min_stem
            && w[w.len() - sb.len()..].eq_ignore_ascii_case(sb)
            && word.is_char_boundary(w.len() - sb.len())
            && word[..w.len() - sb.len()].chars().count() >= min_stem;
    }
    let n = suf.chars().count();
    let mut rev = word.chars().rev();
    let tail_ok = suf.chars().rev().all(|sc| {
        rev.next()
            .is_some_and(|wc| wc == sc || wc.to_lowercase().eq(sc.to_lowercase()))
    });
    tail_ok && word.chars().count() >= n + min_stem
}

/// A suffix list indexed by last byte: [`ends_with_any`] with the same answer, trying only the
/// suffixes that can end a word ending in that byte. Build it once (in a `LazyLock`).
pub(crate) struct Suffixes {
    list: &'static [&'static str],
    /// For each ASCII byte (lower case), the indices into `list`, in order, of the suffixes that
    /// [`ends_with`]'s cheap reject does not rule out for a word ending in it.
    by_last: Vec<Vec<u8>>,
}

impl Suffixes {
    pub(crate) fn new(list: &'static [&'static str]) -> Suffixes {
        assert!(list.len() <= 256);
        let by_last = (0..128u8)
            .map(|a| {
                (0..list.len())
                    .filter(|&k| {
                        list[k]
                            .as_bytes()
                            .last()
                            .is_none_or(|&b| !b.is_ascii() || b.to_ascii_lowercase() == a)
                    })
                    .map(|k| k as u8)
                    .collect()
            })
            .collect();
        Suffixes { list, by_last }
    }

    /// [`ends_with_any`]`(word, list, min_stem)`.
    #[inline]
    pub(crate) fn find(&self, word: &str, min_stem: usize) -> Option<&'static str> {
        let last = word.as_bytes().last().map(u8::to_ascii_lowercase);
        match last {
            Some(a) if a.is_ascii() => self.by_last[usize::from(a)]
                .iter()
                .map(|&k| self.list[usize::from(k)])
                .find(|suf| ends_with(word, last, suf, min_stem)),
            _ => ends_with_any(word, self.list, min_stem),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, Kind)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter().map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            toks("221B Baker St., 23/62 L'Alzoni\nKöln-Süd 7-6"),
            vec![
                ("221B", Kind::Num),
                ("Baker", Kind::Word),
                ("St", Kind::Word),
                (".", Kind::Punct),
                (",", Kind::Punct),
                ("23/62", Kind::Num),
                ("L'Alzoni", Kind::Word),
                ("\n", Kind::Newline),
                ("Köln-Süd", Kind::Word),
                ("7-6", Kind::Num),
            ]
        );
        assert_eq!(
            toks(r#"a\nB \"c"#),
            vec![
                ("a", Kind::Word),
                ("\\n", Kind::Newline),
                ("B", Kind::Word),
                ("\\\"", Kind::Punct),
                ("c", Kind::Word)
            ]
        );
        assert_eq!(toks("x-"), vec![("x", Kind::Word), ("-", Kind::Punct)]);
        assert_eq!(
            toks("😀Ünà"),
            vec![("😀", Kind::Punct), ("Ünà", Kind::Word)]
        );
    }

    #[test]
    fn indexed_suffixes_equal_the_scan() {
        use crate::recognizers::location::words::GLUED_TYPES;
        let glued = Suffixes::new(GLUED_TYPES);
        let words = [
            "Herrmannstraße",
            "STRASSE",
            "Sagerstr",
            "Lukasstraat",
            "SAARRING",
            "weg",
            "Kirchweg",
            "Bahnhofplatz",
            "é",
            "",
            "Xß",
            "Am Damm",
            "Ringstraẞe",
            "kade",
            "Collinschester",
            "aé",
        ];
        for w in words {
            for stem in 0..4 {
                assert_eq!(
                    glued.find(w, stem),
                    ends_with_any(w, GLUED_TYPES, stem),
                    "{w}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn indexed_suffixes_equal_the_scan_on_random_words(w in "[a-zA-Zßẞéü]{0,12}(straße|STRASSE|weg|ring|str|ville|ß)?") {
            use crate::recognizers::location::words::GLUED_TYPES;
            let glued = Suffixes::new(GLUED_TYPES);
            for stem in 0..4 {
                proptest::prop_assert_eq!(glued.find(&w, stem), ends_with_any(&w, GLUED_TYPES, stem));
            }
        }
    }

    #[test]
    fn suffixes() {
        assert_eq!(
            ends_with_any("Herrmannstraße", &["straße"], 2),
            Some("straße")
        );
        assert_eq!(ends_with_any("Straße", &["straße"], 2), None);
        assert_eq!(ends_with_any("é", &["weg"], 1), None);
        assert_eq!(ends_with_any("SAARRING", &["ring"], 2), Some("ring"));
    }

    /// The tokenizer before its byte-class fast path, for comparison.
    /// Splits `text` into tokens, appending to `out` (cleared first).
    fn reference_tokenize(text: &str, out: &mut Vec<Tok>) {
        out.clear();
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut space = false;
        while let Some(c) = char_at(text, pos) {
            let i = pos;
            pos += c.len_utf8();
            if c == '\n' {
                out.push(Tok::new(i, pos, Kind::Newline, space, c));
                space = false;
                continue;
            }
            if c.is_whitespace() {
                space = true;
                continue;
            }
            // JSON-escaped line breaks and quotes inside serialised strings.
            if c == '\\' {
                match bytes.get(pos) {
                    Some(b'n') => {
                        pos += 1;
                        out.push(Tok::new(i, pos, Kind::Newline, space, c));
                        space = false;
                        continue;
                    }
                    Some(b'r') | Some(b't') => {
                        pos += 1;
                        space = true;
                        continue;
                    }
                    Some(b'"') => {
                        pos += 1;
                        out.push(Tok::new(i, pos, Kind::Punct, space, c));
                        space = false;
                        continue;
                    }
                    _ => {}
                }
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                out.push(Tok::new(i, pos, Kind::Punct, space, c));
                space = false;
                continue;
            };
            let mut end = pos;
            loop {
                // ASCII letters and digits always join; skip them a byte at a time.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some(d) = char_at(text, end) else {
                    break;
                };
                let next = end + d.len_utf8();
                let joins = if is_word_char(d) {
                    true
                } else if matches!(d, '\'' | '’' | '-') && kind == Kind::Word {
                    text[next..].chars().next().is_some_and(char::is_alphabetic)
                } else if matches!(d, '/' | '-') && kind == Kind::Num {
                    bytes.get(next).is_some_and(u8::is_ascii_digit)
                } else {
                    false
                };
                if !joins {
                    break;
                }
                end = next;
            }
            pos = end;
            out.push(Tok::new(i, end, kind, space, c));
            space = false;
        }
    }

    fn same(a: &[Tok], b: &[Tok]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                (x.start, x.end, x.kind, x.space_before, x.cap)
                    == (y.start, y.end, y.kind, y.space_before, y.cap)
            })
    }

    #[test]
    fn not_alnum_is_exact_per_byte() {
        for b in 0..=255u8 {
            for k in 0..8 {
                let mut bytes = [b'x', b'7', b'Q', b'a', b'0', b'Z', b'9', b'z'];
                bytes[k] = b;
                let want = !b.is_ascii_alphanumeric();
                let m = not_alnum(u64::from_le_bytes(bytes));
                assert_eq!(m != 0, want, "{b} at {k}");
                if want {
                    assert_eq!(m.trailing_zeros() / 8, k as u32);
                }
                let all = skip_alnum(&bytes, 0);
                assert_eq!(all, if want { k } else { 8 });
                assert_eq!(skip_alnum(&bytes[..k + 1], 0), all.min(k + 1));
            }
        }
    }

    #[test]
    fn ascii_classes_match_char_methods() {
        for b in 0u8..128 {
            let c = char::from(b);
            let class = CLASS[usize::from(b)];
            assert_eq!(class == C_SPACE, c.is_whitespace() && c != '\n', "{b}");
            assert_eq!(class == C_DIGIT, c.is_ascii_digit(), "{b}");
            assert_eq!(
                class == C_UPPER,
                c.is_alphabetic() && c.is_uppercase(),
                "{b}"
            );
            assert_eq!(
                class == C_LOWER,
                c.is_alphabetic() && !c.is_uppercase(),
                "{b}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_tokenizer_equals_reference(
            text in "([ a-zA-Z0-9\\\\\"'’/\\-.,:\t\r\n]|[éÜßà😀\u{300}\u{85}\u{a0}²]){0,60}"
        ) {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            tokenize(&text, &mut a);
            reference_tokenize(&text, &mut b);
            proptest::prop_assert!(same(&a, &b), "{:?}", text);
        }
    }
}
