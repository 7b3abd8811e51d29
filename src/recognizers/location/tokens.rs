//! A small tokenizer for address and place grammar: words, numbers, punctuation and line breaks, with
//! byte offsets. It never allocates per token beyond the output vector and never panics.

use super::lexicon::Lex;
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
    /// The most tokens a gazetteer name starting with it spans (0: none); set by [`lexicon::mark`].
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

/// Splits `text` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
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
    suffixes.iter().copied().find(|suf| {
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
    })
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
    fn suffixes() {
        assert_eq!(
            ends_with_any("Herrmannstraße", &["straße"], 2),
            Some("straße")
        );
        assert_eq!(ends_with_any("Straße", &["straße"], 2), None);
        assert_eq!(ends_with_any("é", &["weg"], 1), None);
        assert_eq!(ends_with_any("SAARRING", &["ring"], 2), Some("ring"));
    }
}
