//! One linear walk over the text that yields word tokens with their shape and neighbours.
//!
//! A word is a run of letters (and combining marks), joined across an apostrophe (`O'Brien`, `O’Neil`,
//! SQL-escaped `O''Brien`) or a hyphen (`Jean-Luc`) when a letter follows. A trailing possessive `'s` is
//! left out of the word. A word glued to an identifier (digits, `_`, `@` after it, `.` between letters,
//! `/`) is marked so it is never taken for a name.

/// The capitalisation of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `Jane`, `McDonald`, `O'Brien`, `Jean-Luc`.
    Title,
    /// `JANE`, `O'BRIEN` (two letters or more).
    Upper,
    /// `jane`.
    Lower,
    /// A single upper-case letter (`J` in `J. Doe`).
    Initial,
    /// Anything else (`iPhone`, `JavaScript`… still looked up: `DeShawn`).
    Mixed,
}

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offset of the first letter.
    pub(crate) start: usize,
    /// Byte offset after the last letter (before a possessive `'s`).
    pub(crate) end: usize,
    /// Capitalisation.
    pub(crate) shape: Shape,
    /// Part of an identifier, email address, URL or path: never a name.
    pub(crate) glued: bool,
    /// Directly after an `@` that starts a mention (`@jane`, not `a@jane`).
    pub(crate) mention: bool,
    /// The word holds a hyphen (`Jean-Luc`).
    pub(crate) hyphen: bool,
    /// The word holds an apostrophe, `'` or `’` (`O'Brien`).
    pub(crate) quote: bool,
    /// The word is all ASCII, so its length in bytes is its length in characters.
    pub(crate) ascii: bool,
    /// Every character is alphabetic or a joiner (`'`, `’`, `-`): no combining mark outside the
    /// alphabetic class.
    pub(crate) plain: bool,
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_quote(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character ending at byte `pos` (a char boundary), decoded from one byte when it is ASCII.
#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes()[..pos].last() {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[..pos].chars().next_back(),
    }
}

/// The character starting at byte `pos` (a char boundary), decoded from one byte when it is ASCII.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[pos..].chars().next(),
    }
}

/// Byte class: an ASCII lower-case letter.
const LOWER: u8 = 1;
/// Byte class: an ASCII capital letter.
const UPPER: u8 = 2;
/// Byte class: part of a non-ASCII character.
const WIDE: u8 = 4;
/// Byte class: an ASCII letter.
const LETTER: u8 = LOWER | UPPER;
/// Byte class: an ASCII byte that, next to a word, may glue it to an identifier or make it a mention:
/// a digit, `_`, `@`, `.`, `/`, `+`, `%`, `\`, `-`. Any other ASCII neighbour that is not a letter says
/// neither.
const JOINS: u8 = 8;

/// The class of every byte; 0 for the ASCII bytes that are not letters.
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if b >= 0x80 {
            WIDE
        } else if byte.is_ascii_lowercase() {
            LOWER
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_digit()
            || matches!(byte, b'_' | b'@' | b'.' | b'/' | b'+' | b'%' | b'\\' | b'-')
        {
            JOINS
        } else {
            0
        };
        b += 1;
    }
    table
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// The shape of a word of ASCII letters, indexed by its first letter's class shifted right by one (0 for
/// lower case, 1 for a capital) times four, plus the classes of the other letters or-ed together (0 when
/// there are none, [`LOWER`], [`UPPER`] or both).
const ASCII_SHAPE: [Shape; 8] = [
    // A lower-case first letter: nothing or only lower case after it, else capitals inside.
    Shape::Lower,
    Shape::Lower,
    Shape::Mixed,
    Shape::Mixed,
    // A capital first letter: alone, then lower case only, capitals only, both.
    Shape::Initial,
    Shape::Title,
    Shape::Upper,
    Shape::Mixed,
];

/// Splits `text` into word tokens, appending them to `out` (cleared first).
///
/// One walk over the bytes with a class table. The usual word, a run of ASCII letters between neighbours
/// that say nothing (spaces, most punctuation, the text's edges), is read in a tight loop that or-s the
/// letters' classes together for its shape; any other word (non-ASCII letters, an apostrophe or hyphen,
/// a neighbour that may glue it or make it a mention) is read by [`word_at`], which decodes characters.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let first = class(bytes[i]);
        if first & LETTER == 0 {
            i = if first == WIDE {
                word_at(text, i, out)
            } else {
                i + 1
            };
            continue;
        }
        let start = i;
        // The classes of the letters after the first, or-ed together.
        let mut rest = 0;
        let mut j = i + 1;
        while j < n {
            let k = class(bytes[j]);
            if k & LETTER == 0 {
                break;
            }
            rest |= k;
            j += 1;
        }
        // After the run: the text's end or an ASCII byte other than an apostrophe or hyphen, which
        // could join more letters (a joining byte of [`JOINS`] may still glue the word).
        let after = bytes.get(j).copied();
        if after.is_none_or(|b| b < 0x80 && b != b'\'' && b != b'-') {
            let plain_after = after.is_none_or(|b| class(b) == 0);
            let before = start.checked_sub(1).map(|p| bytes[p]);
            let plain_before = before.is_none_or(|b| class(b) == 0);
            let (glued, mention) = if plain_after && plain_before {
                (false, false)
            } else if before == Some(b'\\')
                && matches!(bytes[start], b'n' | b't' | b'r')
                && j - start > 1
            {
                // `\nJane` inside JSON-escaped text: read by the general path.
                i = word_at(text, start, out);
                continue;
            } else {
                // A neighbour that says nothing neither glues nor makes a mention: only the other one
                // is read.
                let (glued_before, mention) = if plain_before {
                    (false, false)
                } else {
                    neighbour_before(text, start)
                };
                (
                    glued_before || !plain_after && neighbour_after(text, j),
                    mention,
                )
            };
            out.push(Token {
                start,
                end: j,
                shape: ASCII_SHAPE[usize::from((first >> 1) << 2 | rest)],
                glued,
                mention,
                hyphen: false,
                quote: false,
                ascii: true,
                plain: true,
            });
            // The byte after the word (if any) starts no word.
            i = j + 1;
            continue;
        }
        i = word_at(text, start, out);
    }
}

/// Reads the word starting at `i` (an ASCII letter or a non-ASCII character) the general way, pushing
/// its token to `out`, and returns where to go on: after the word, or after the character at `i` when it
/// is no letter.
#[inline(never)]
fn word_at(text: &str, i: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let first_class = class(bytes[i]);
    let first_len = if first_class == WIDE {
        let Some(c) = text[i..].chars().next() else {
            return n;
        };
        if !is_letter(c) {
            return i + c.len_utf8();
        }
        c.len_utf8()
    } else {
        1
    };
    let mut start = i;
    // Only ASCII letters so far: no apostrophe, hyphen or other letter.
    let mut simple = first_class != WIDE;
    // Capitals after the first letter, counted while the word is simple.
    let mut capitals = 0usize;
    // Scan the word.
    let mut j = i + first_len;
    loop {
        // Run over ASCII letters.
        while j < n {
            let k = class(bytes[j]);
            if k & LETTER == 0 {
                break;
            }
            capitals += usize::from(k >> 1);
            j += 1;
        }
        let Some(&b) = bytes.get(j) else {
            break;
        };
        if b < 0x80 && b != b'\'' && b != b'-' {
            break;
        }
        let Some(d) = text[j..].chars().next() else {
            break;
        };
        simple = false;
        if is_letter(d) {
            j += d.len_utf8();
            continue;
        }
        if is_quote(d) || d == '-' {
            // Join when a letter follows (allowing a doubled ASCII apostrophe).
            let mut k = j + d.len_utf8();
            if d == '\'' && bytes.get(k) == Some(&b'\'') {
                k += 1;
            }
            if char_at(text, k).is_some_and(is_letter) {
                j = k;
                continue;
            }
        }
        break;
    }
    let mut end = j;
    // Possessive 's / ’s at the end is not part of the name.
    if !simple && bytes[j - 1] == b's' {
        let word = &text[start..end];
        for suffix in ["'s", "’s", "''s"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                end -= suffix.len();
                break;
            }
        }
    }
    // `\nJane` inside JSON-escaped text: the escape letter is not part of the word.
    let escaped = start > 0
        && bytes[start - 1] == b'\\'
        && matches!(bytes[start], b'n' | b't' | b'r')
        && end - start > 1;
    if escaped {
        start += 1;
    }
    // Neighbours that are ASCII but neither letters nor joining bytes (spaces, most punctuation) say
    // nothing: only the others are looked at.
    let plain_neighbour = |pos: Option<usize>| pos.is_none_or(|p| class(bytes[p]) == 0);
    let (glued, mention) = if escaped {
        (neighbour_after(text, j), false)
    } else if plain_neighbour(start.checked_sub(1)) && plain_neighbour(Some(j).filter(|&j| j < n)) {
        (false, false)
    } else {
        let (glued_before, mention) = neighbour_before(text, start);
        (glued_before || neighbour_after(text, j), mention)
    };
    let facts = if simple && !escaped {
        facts_of_counted(first_class == UPPER, end - start - 1, capitals)
    } else if simple {
        facts_of_letters(&bytes[start..end])
    } else {
        facts_of(&text[start..end])
    };
    out.push(Token {
        start,
        end,
        shape: facts.shape,
        glued,
        mention,
        hyphen: facts.hyphen,
        quote: facts.quote,
        ascii: facts.ascii,
        plain: facts.plain,
    });
    j
}

fn alnum_id(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// For a word starting at `start` (not after an escape): whether the character before glues it to an
/// identifier, and whether it is a mention (`@jane`).
fn neighbour_before(text: &str, start: usize) -> (bool, bool) {
    let before = char_before(text, start);
    // The character two before, read only when the first neighbour asks for it.
    let before2 = || before.and_then(|b| char_before(text, start - b.len_utf8()));
    let glued = match before {
        Some(b) if alnum_id(b) => true,
        Some('.') | Some('/') | Some('+') | Some('%') => before2().is_some_and(alnum_id),
        Some('\\') => before2().is_some_and(alnum_id),
        _ => false,
    };
    let mention = before == Some('@') && !before2().is_some_and(alnum_id);
    (glued, mention)
}

/// Whether the characters from `j` on (right after a word) glue the word to an identifier.
fn neighbour_after(text: &str, j: usize) -> bool {
    let after = char_at(text, j);
    // The character two after, read only when the first neighbour asks for it.
    let after2 = || after.and_then(|a| char_at(text, j + a.len_utf8()));
    match after {
        Some(a) if a.is_numeric() || a == '_' || a == '@' => true,
        Some('.') | Some('/') => after2().is_some_and(alnum_id),
        // `CUST-283139`, `EMP-00412`: an identifier prefix.
        Some('-') => after2().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// The facts of a word of ASCII letters from its first letter's case and the capitals among the `rest`
/// letters after it.
#[inline]
fn facts_of_counted(first_upper: bool, rest: usize, upper: usize) -> Facts {
    Facts {
        shape: shape_of_counted(first_upper, rest, upper),
        hyphen: false,
        quote: false,
        ascii: true,
        plain: true,
    }
}

/// The shape of a word of ASCII letters from its first letter's case and the capitals among the `rest`
/// letters after it.
#[inline]
fn shape_of_counted(first_upper: bool, rest: usize, upper: usize) -> Shape {
    let lower = rest - upper;
    match (first_upper, upper, lower) {
        (true, 0, 0) => Shape::Initial,
        (true, _, 0) => Shape::Upper,
        (true, 0, _) => Shape::Title,
        (false, 0, _) => Shape::Lower,
        _ => Shape::Mixed,
    }
}

/// The tokenizer before the byte-class fast path, kept to check [`tokenize`] against.
#[cfg(test)]
fn tokenize_reference(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next letter or non-ASCII character.
        let Some(skip) = bytes[i..]
            .iter()
            .position(|&b| b >= 0x80 || b.is_ascii_alphabetic())
        else {
            break;
        };
        i += skip;
        let b = bytes[i];
        let c = if b < 0x80 {
            char::from(b)
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !is_letter(c) {
                i += c.len_utf8();
                continue;
            }
            c
        };
        let mut start = i;
        // Only ASCII letters so far: no apostrophe, hyphen or other letter.
        let mut simple = b < 0x80;
        // Scan the word.
        let mut j = i + c.len_utf8();
        while j < bytes.len() {
            // Run over ASCII letters.
            j += bytes[j..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len() - j);
            let Some(&b) = bytes.get(j) else {
                break;
            };
            if b < 0x80 && b != b'\'' && b != b'-' {
                break;
            }
            let Some(d) = text[j..].chars().next() else {
                break;
            };
            simple = false;
            if is_letter(d) {
                j += d.len_utf8();
                continue;
            }
            if is_quote(d) || d == '-' {
                // Join when a letter follows (allowing a doubled ASCII apostrophe).
                let mut k = j + d.len_utf8();
                if d == '\'' && bytes.get(k) == Some(&b'\'') {
                    k += 1;
                }
                if char_at(text, k).is_some_and(is_letter) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        let mut end = j;
        // Possessive 's / ’s at the end is not part of the name.
        if !simple && bytes[j - 1] == b's' {
            let word = &text[start..end];
            for suffix in ["'s", "’s", "''s"] {
                if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                    end -= suffix.len();
                    break;
                }
            }
        }
        // `\nJane` inside JSON-escaped text: the escape letter is not part of the word.
        let escaped = start > 0
            && bytes[start - 1] == b'\\'
            && matches!(bytes[start], b'n' | b't' | b'r')
            && end - start > 1;
        if escaped {
            start += 1;
        }
        let before = char_before(text, start);
        // The characters two before and two after, read only when the first neighbour asks for them.
        let before2 = || before.and_then(|b| char_before(text, start - b.len_utf8()));
        let after = char_at(text, j);
        let after2 = || after.and_then(|a| char_at(text, j + a.len_utf8()));
        let alnum_id = |c: char| c.is_alphanumeric() || c == '_';
        let glued_before = !escaped
            && match before {
                Some(b) if alnum_id(b) => true,
                Some('.') | Some('/') | Some('+') | Some('%') => before2().is_some_and(alnum_id),
                Some('\\') => before2().is_some_and(alnum_id),
                _ => false,
            };
        let glued_after = match after {
            Some(a) if a.is_numeric() || a == '_' || a == '@' => true,
            Some('.') | Some('/') => after2().is_some_and(alnum_id),
            // `CUST-283139`, `EMP-00412`: an identifier prefix.
            Some('-') => after2().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
        let mention = !escaped && before == Some('@') && !before2().is_some_and(alnum_id);
        let facts = if simple {
            facts_of_letters(&bytes[start..end])
        } else {
            facts_of(&text[start..end])
        };
        out.push(Token {
            start,
            end,
            shape: facts.shape,
            glued: glued_before || glued_after,
            mention,
            hyphen: facts.hyphen,
            quote: facts.quote,
            ascii: facts.ascii,
            plain: facts.plain,
        });
        i = j;
    }
}

/// What one look at a word's characters tells.
struct Facts {
    shape: Shape,
    hyphen: bool,
    quote: bool,
    ascii: bool,
    plain: bool,
}

/// The shape and make-up of a word of ASCII letters only.
fn facts_of_letters(word: &[u8]) -> Facts {
    let shape = match word.split_first() {
        None => Shape::Mixed,
        Some((first, rest)) => {
            let upper = rest.iter().filter(|b| b.is_ascii_uppercase()).count();
            // Every byte is a letter, so the rest are lower case.
            let lower = rest.len() - upper;
            match (first.is_ascii_uppercase(), upper, lower) {
                (true, 0, 0) => Shape::Initial,
                (true, _, 0) => Shape::Upper,
                (true, 0, _) => Shape::Title,
                (false, 0, _) => Shape::Lower,
                _ => Shape::Mixed,
            }
        }
    };
    Facts {
        shape,
        hyphen: false,
        quote: false,
        ascii: true,
        plain: true,
    }
}

/// The shape and make-up of a word: bytes for ASCII words, characters otherwise.
fn facts_of(word: &str) -> Facts {
    let bytes = word.as_bytes();
    if !bytes.is_ascii() {
        return Facts {
            shape: shape_of(word),
            hyphen: word.contains('-'),
            quote: word.contains(['\'', '’']),
            ascii: false,
            plain: word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || is_quote(c)),
        };
    }
    let Some((&first, rest)) = bytes.split_first() else {
        return Facts {
            shape: Shape::Mixed,
            hyphen: false,
            quote: false,
            ascii: true,
            plain: true,
        };
    };
    let (mut upper, mut lower, mut inner_upper) = (0usize, 0usize, false);
    let (mut hyphen, mut quote) = (first == b'-', first == b'\'');
    let mut prev_join = false;
    for &c in rest {
        if c.is_ascii_uppercase() {
            upper += 1;
            inner_upper |= !prev_join;
        } else if c.is_ascii_lowercase() {
            lower += 1;
        }
        hyphen |= c == b'-';
        quote |= c == b'\'';
        prev_join = c == b'-' || c == b'\'';
    }
    let shape = match (first.is_ascii_uppercase(), upper, lower) {
        (true, 0, 0) => Shape::Initial,
        (true, _, 0) => Shape::Upper,
        (true, _, _) if !inner_upper => Shape::Title,
        (false, 0, _) if first.is_ascii_lowercase() => Shape::Lower,
        _ => Shape::Mixed,
    };
    Facts {
        shape,
        hyphen,
        quote,
        ascii: true,
        // Words hold only letters and joiners, and every ASCII letter is alphabetic.
        plain: true,
    }
}

fn shape_of(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Mixed;
    };
    let (mut upper, mut lower, mut inner_upper) = (0usize, 0usize, false);
    let mut prev_join = false;
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
            inner_upper |= !prev_join;
        } else if c.is_lowercase() {
            lower += 1;
        }
        prev_join = c == '-' || is_quote(c);
    }
    match (first.is_uppercase(), upper, lower) {
        (true, 0, 0) => Shape::Initial,
        (true, _, 0) => Shape::Upper,
        (true, _, _) if !inner_upper => Shape::Title,
        (false, 0, _) if first.is_lowercase() => Shape::Lower,
        _ => Shape::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, Shape, bool)> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter()
            .map(|t| (&text[t.start..t.end], t.shape, t.glued))
            .collect()
    }

    fn both(text: &str) -> (String, String) {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        tokenize(text, &mut fast);
        tokenize_reference(text, &mut slow);
        (format!("{fast:?}"), format!("{slow:?}"))
    }

    #[test]
    fn fast_path_equals_reference_on_cases() {
        for text in [
            "",
            "a",
            "J",
            "JANE DOE J. McDonald iPhone jane O'Brien O''Brien Jean-Luc’s café Zoë",
            r"line\nJane \tX \nA said @anna hi a@b x.Jane 12Jane Jane_ EMP-0041 Smith's",
            "Ünal ÖZTÜRK naïve e\u{301}clair Zoë's Mary-Kate-Olsen -Jane Jane- 'Jane' ''",
        ] {
            let (fast, slow) = both(text);
            assert_eq!(fast, slow, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_equals_reference(text in "[a-zA-Z0-9 '’@._/+%\\\\\n-éÉßü\u{301}🥳]{0,40}") {
            let (fast, slow) = both(&text);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn joins_apostrophes_and_hyphens() {
        let w = words("O'Brien, O''Brien and Jean-Luc’s café 🥳Zoë🥳");
        let names: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            names,
            ["O'Brien", "O''Brien", "and", "Jean-Luc", "café", "Zoë"]
        );
        assert_eq!(w[0].1, Shape::Title);
        assert_eq!(w[3].1, Shape::Title);
    }

    #[test]
    fn shapes() {
        let w = words("JANE DOE J. McDonald iPhone jane");
        let shapes: Vec<Shape> = w.iter().map(|x| x.1).collect();
        assert_eq!(
            shapes,
            [
                Shape::Upper,
                Shape::Upper,
                Shape::Initial,
                Shape::Mixed,
                Shape::Mixed,
                Shape::Lower
            ]
        );
    }

    #[test]
    fn identifiers_are_glued() {
        let w = words("jane.doe@example.com night_owl42 Jane2 /home/Jane x.Jane (Jane)");
        assert!(w[..w.len() - 1].iter().all(|x| x.2), "{w:?}");
        assert!(!w[w.len() - 1].2);
    }

    #[test]
    fn escapes_and_mentions() {
        let text = r"line\nJane said @anna hi";
        let mut out = Vec::new();
        tokenize(text, &mut out);
        assert_eq!(&text[out[1].start..out[1].end], "Jane");
        assert!(!out[1].glued);
        assert!(out[3].mention);
    }
}
