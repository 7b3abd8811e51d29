//! Top-level domains of the public DNS, for email and URL validation.

use std::collections::HashSet;
use std::sync::LazyLock;

/// ICANN top-level domains (ASCII, with internationalised ones in `xn--` form), from the Public Suffix List
/// (see `data/README.md` for source and licence).
static TLDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../../data/tlds.txt").lines().collect());

/// Whether `label` (case-insensitive, without the dot) is a top-level domain of the public DNS.
///
/// # Example
///
/// ```
/// use piiscrub::validate::is_public_tld;
/// assert!(is_public_tld("com") && is_public_tld("UK") && is_public_tld("xn--p1ai"));
/// assert!(!is_public_tld("docx") && !is_public_tld("local"));
/// ```
pub fn is_public_tld(label: &str) -> bool {
    if label.len() > 63 {
        return false;
    }
    if label
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return TLDS.contains(label);
    }
    TLDS.contains(label.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown() {
        for t in [
            "com", "org", "net", "io", "de", "co", "uk", "jp", "app", "dev", "museum",
        ] {
            assert!(is_public_tld(t), "{t}");
        }
        for t in [
            "docx",
            "txt",
            "local",
            "localhost",
            "internal",
            "example",
            "",
            "c",
        ] {
            assert!(!is_public_tld(t), "{t}");
        }
    }
}
