//! `mask`: overwrite some characters of the value with a masking character.
//!
//! Characters are counted as **extended grapheme clusters** (what a reader sees as one character), so an
//! emoji with a skin-tone modifier, a flag, or `e` followed by a combining accent is masked as a whole and
//! replaced by a single masking character. Presidio counts Unicode code points instead, so for such values
//! the two differ (Presidio can split a cluster and leave a stray combining mark).

use std::iter;

use unicode_segmentation::UnicodeSegmentation;

/// Reads the configured masking string, which must hold exactly one `char`.
pub(crate) fn masking_char(masking: &str) -> Result<char, &'static str> {
    let mut chars = masking.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        (None, _) => Err("masking_char is empty; it must be exactly one character"),
        (Some(_), Some(_)) => Err("masking_char must be exactly one character"),
    }
}

/// Appends `value` to `out` with its first (or, with `from_end`, its last) `chars_to_mask` grapheme clusters
/// masked.
///
/// A count larger than the value masks all of it; each masked cluster becomes one `masking_char`.
pub(crate) fn push(
    value: &str,
    masking_char: char,
    chars_to_mask: usize,
    from_end: bool,
    out: &mut String,
) {
    let total = value.graphemes(true).count();
    let masked = chars_to_mask.min(total);
    let mask = iter::repeat_n(masking_char, masked);
    if from_end {
        let cut = byte_offset_of_cluster(value, total - masked);
        out.push_str(&value[..cut]);
        out.extend(mask);
    } else {
        let cut = byte_offset_of_cluster(value, masked);
        out.extend(mask);
        out.push_str(&value[cut..]);
    }
}

/// Byte offset where cluster number `n` starts (the value's length when `n` is the cluster count).
fn byte_offset_of_cluster(value: &str, n: usize) -> usize {
    value
        .grapheme_indices(true)
        .nth(n)
        .map_or(value.len(), |(offset, _)| offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymizer::operators::collect;

    fn apply(value: &str, masking_char: char, chars_to_mask: usize, from_end: bool) -> String {
        collect(|out| push(value, masking_char, chars_to_mask, from_end, out))
    }

    #[test]
    fn masks_from_start_and_end() {
        assert_eq!(apply("555-123-4567", '*', 4, false), "****123-4567");
        assert_eq!(apply("555-123-4567", '*', 4, true), "555-123-****");
    }

    #[test]
    fn count_larger_than_value_masks_all() {
        assert_eq!(apply("abc", '#', 10, false), "###");
        assert_eq!(apply("abc", '#', 10, true), "###");
        assert_eq!(apply("", '#', 10, true), "");
    }

    #[test]
    fn zero_masks_nothing() {
        assert_eq!(apply("abc", '#', 0, false), "abc");
        assert_eq!(apply("abc", '#', 0, true), "abc");
    }

    #[test]
    fn clusters_are_masked_whole() {
        // "é" as e + combining acute, a thumbs-up with skin tone, and a flag are one cluster each.
        let value = "e\u{301}👍🏽🇫🇷中x";
        assert_eq!(apply(value, '*', 3, false), "***中x");
        assert_eq!(apply(value, '*', 2, true), "e\u{301}👍🏽🇫🇷**");
        assert_eq!(apply(value, '•', 9, false), "•••••");
    }

    #[test]
    fn masking_char_must_be_one_char() {
        assert_eq!(masking_char("*"), Ok('*'));
        assert_eq!(masking_char("中"), Ok('中'));
        assert!(masking_char("").is_err());
        assert!(masking_char("**").is_err());
        assert!(masking_char("e\u{301}").is_err());
    }
}
