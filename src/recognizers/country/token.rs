//! Whole-token matching for identifier recognizers.
//!
//! Presidio bounds its patterns with `\b`, so a 9-digit pattern matches the tail of `ORD-2024-123456782`,
//! the middle of `4111-1111-1111-1111` or a group of `1.123456789`. [`stands_alone`], the guard of every
//! country recognizer (a [`StandalonePatternRecognizer`](crate::recognizers::StandalonePatternRecognizer)),
//! drops results that are glued to a longer token: a neighbour joined by `-`, `_`, `/`, `\` or `@` to an
//! ASCII letter or digit, a neighbour joined by `.`, `,` or `:` to a digit, or — for a value written in
//! space-separated groups — another digit group one space away.

/// Whether `text[start..end]` is not glued to a longer token (see the module docs).
pub(crate) fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(value) = text.get(start..end) else {
        return false;
    };
    let grouped = value.contains(' ');
    let glued = |joiner: u8, beyond: Option<&u8>| {
        let beyond = beyond.copied().unwrap_or(b' ');
        match joiner {
            b'-' | b'_' | b'/' | b'\\' | b'@' => beyond.is_ascii_alphanumeric(),
            b'.' | b',' | b':' => beyond.is_ascii_digit(),
            b' ' => grouped && beyond.is_ascii_digit(),
            _ => false,
        }
    };
    let left = start
        .checked_sub(1)
        .and_then(|p| bytes.get(p))
        .is_some_and(|&j| glued(j, start.checked_sub(2).and_then(|p| bytes.get(p))));
    let right = bytes
        .get(end)
        .is_some_and(|&j| glued(j, bytes.get(end + 1)));
    !left && !right
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alone(text: &str, needle: &str) -> bool {
        let start = text.find(needle).unwrap();
        stands_alone(text, start, start + needle.len())
    }

    #[test]
    fn joiners() {
        assert!(alone("TFN 123456782.", "123456782"));
        assert!(alone("No.123456782", "123456782"));
        assert!(alone("#123456782, ok", "123456782"));
        assert!(alone("(123456782)", "123456782"));
        assert!(alone("é123456782ü", "123456782"));
        assert!(alone("123456782", "123456782"));
        assert!(alone("a - 123456782 - b", "123456782"));
        assert!(!alone("ORD-2024-123456782", "123456782"));
        assert!(!alone("123456782-7", "123456782"));
        assert!(!alone("v1.123456782", "123456782"));
        assert!(!alone("123456782.5", "123456782"));
        assert!(!alone("path/123456782", "123456782"));
        assert!(!alone("123456782@x.com", "123456782"));
        assert!(alone("123 456 782 and 7", "123 456 782"));
        assert!(!alone("123 456 782 7", "123 456 782"));
        assert!(!alone("4 123 456 782", "123 456 782"));
        assert!(alone("2 123456782", "123456782"));
    }
}
