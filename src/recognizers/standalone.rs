//! [`StandalonePatternRecognizer`]: a pattern recognizer whose matches must stand alone in the text.
//!
//! Rust's `regex` has no look-around, and ASCII word boundaries treat `.`, `-`, `:` and `/` as boundaries,
//! so `(?-u:\b)\d{8}(?-u:\b)` also finds the eight digits in `1234.56789012`, `+4930123456789` or
//! `2024-12345678`. These recognizers check the characters around each match in code instead.

use std::fmt;

use crate::{
    EntityType, Error, PatternRecognizer, Recognizer, RecognizerContext, RecognizerResult,
};

/// Decides from the text around `start..end` whether a match stands alone.
pub(crate) type Guard = fn(text: &str, start: usize, end: usize) -> bool;

/// A [`PatternRecognizer`] whose matches are dropped when they are only part of a longer token: a digit
/// run inside a decimal, amount, phone number or date, or a hex group inside a longer hex chain (an IPv6
/// address, a longer hardware id). Built by the predefined constructors
/// ([`us_bank`](super::us_bank), [`mac_address`](super::mac_address), …).
pub struct StandalonePatternRecognizer {
    inner: PatternRecognizer,
    guard: Guard,
}

impl fmt::Debug for StandalonePatternRecognizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandalonePatternRecognizer")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl StandalonePatternRecognizer {
    pub(crate) fn new(inner: PatternRecognizer, guard: Guard) -> Self {
        StandalonePatternRecognizer { inner, guard }
    }

    /// The underlying pattern recognizer.
    pub fn patterns(&self) -> &PatternRecognizer {
        &self.inner
    }
}

impl Recognizer for StandalonePatternRecognizer {
    fn name(&self) -> &str {
        self.inner.name()
    }

    fn supported_entities(&self) -> &[EntityType] {
        self.inner.supported_entities()
    }

    fn supported_language(&self) -> &str {
        self.inner.supported_language()
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
        let first = results.len();
        self.inner.analyze(text, ctx, results)?;
        let mut kept = first;
        for i in first..results.len() {
            let (s, e) = (results[i].start, results[i].end);
            if (self.guard)(text, s, e) {
                results.swap(kept, i);
                kept += 1;
            }
        }
        results.truncate(kept);
        Ok(())
    }
}

/// A digit-run identifier (account, passport, licence, NHS number, …) stands alone unless it continues a
/// number: a decimal part (`12.345678`), a thousands group (`12345678,901`), a date or time (`2024-…`,
/// `…/12`, `12:…`), a phone number (`+44…`), an amount (`$…`, `€…`, `…%`), or a dash-prefixed code
/// (`INV-12345678`). A separator after a word is fine (`Jersey,12345678`, `id:12345678`), and so is a
/// comma between CSV cells (`F7687131,V51514216,1`): a comma joins digits only before a group of exactly
/// three, so it cannot join the long runs these recognizers match.
pub(crate) fn standalone_number(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied();
    let before = start.checked_sub(1).and_then(at);
    let before2 = start.checked_sub(2).and_then(at);
    match before {
        Some(b'.' | b':' | b'/') if before2.is_some_and(|c| c.is_ascii_digit()) => {
            return false;
        }
        Some(b'-') if before2.is_some_and(|c| c.is_ascii_alphanumeric()) => return false,
        Some(b'+' | b'$') => return false,
        _ => {}
    }
    let prefix = &text[..start];
    if ['€', '£', '¥', '₹'].iter().any(|&c| prefix.ends_with(c)) {
        return false;
    }
    let thousands_group = || {
        (end + 1..=end + 3).all(|i| at(i).is_some_and(|c| c.is_ascii_digit()))
            && !at(end + 4).is_some_and(|c| c.is_ascii_digit())
    };
    match (at(end), at(end + 1)) {
        (Some(b','), Some(c)) if c.is_ascii_digit() => !thousands_group(),
        (Some(b'.' | b':' | b'/' | b'-'), Some(c)) if c.is_ascii_digit() => false,
        (Some(b'%'), _) => false,
        _ => true,
    }
}

/// An identifier made of letters and digits (`D1234567`, `AB123456C`) stands alone unless it is glued to
/// a longer code by `-`, `/`, `.` or `_` on either side (`SKU-D1234567-X`, `pkg/A12345678`).
pub(crate) fn standalone_code(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let joined = |sep: Option<u8>, next: Option<u8>| {
        matches!(sep, Some(b'-' | b'/' | b'.' | b'_'))
            && next.is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let before = start.checked_sub(1).and_then(|i| b.get(i).copied());
    let before2 = start.checked_sub(2).and_then(|i| b.get(i).copied());
    !joined(before, before2) && !joined(b.get(end).copied(), b.get(end + 1).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str, needle: &str) -> bool {
        let s = text.find(needle).unwrap();
        standalone_number(text, s, s + needle.len())
    }

    #[test]
    fn numbers() {
        assert!(num("acct 12345678.", "12345678"));
        assert!(num("acct: 12345678, thanks", "12345678"));
        assert!(num("#12345678", "12345678"));
        assert!(num("account=12345678", "12345678"));
        assert!(num("New Jersey,12345678,x", "12345678"));
        assert!(num("id:12345678", "12345678"));
        assert!(num("é12345678😀", "12345678"));
        assert!(num("F7687131,12345678,1", "12345678"));
        assert!(num("x,12345678,2019,y", "12345678"));
        assert!(!num("12345678,901 units", "12345678"));
        assert!(!num("1.12345678", "12345678"));
        assert!(!num("12345678.90", "12345678"));
        assert!(!num("+4930123456", "4930123456"));
        assert!(!num("$12345678", "12345678"));
        assert!(!num("€12345678", "12345678"));
        assert!(!num("12345678%", "12345678"));
        assert!(!num("INV-12345678", "12345678"));
        assert!(!num("2024-12345678", "12345678"));
        assert!(!num("12345678-2024", "12345678"));
    }

    #[test]
    fn codes() {
        let t = "SKU-D1234567 and D1234567 and pkg/D1234567x";
        assert!(!standalone_code(t, 4, 12));
        assert!(standalone_code(t, 17, 25));
        assert!(standalone_code("D1234567.", 0, 8));
        assert!(!standalone_code("D1234567-X", 0, 8));
    }
}
