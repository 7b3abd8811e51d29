//! Negative cues: words before a match that say it is not personal data (`version 4.18.2.1`,
//! `part 412-55-0193`).

/// Words that announce a version or build number.
pub(crate) const VERSION_WORDS: &[&str] = &[
    "version", "versions", "ver", "v", "build", "release", "released", "firmware", "sdk", "update",
    "updated", "upgrade", "upgraded", "patch", "library", "package", "runtime", "kernel",
    "android", "ios", "chrome", "firefox", "safari", "python", "java",
];

/// Words that announce a part, product or order identifier.
pub(crate) const PART_WORDS: &[&str] = &[
    "part", "parts", "sku", "lot", "item", "items", "model", "ref", "order", "invoice", "serial",
    "isbn", "tracking", "ticket", "case",
];

pub(crate) use crate::analyzer::cue_before;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cues_on_the_same_line_only() {
        let t = "firmware 6.11.14.240";
        assert!(cue_before(t, 9, 2, VERSION_WORDS));
        let t = "build=\"1.24.15.166\"";
        assert!(cue_before(t, 7, 2, VERSION_WORDS));
        let t = "version\nfrom 10.0.0.1";
        assert!(!cue_before(t, 13, 2, VERSION_WORDS));
        let t = "parts 370-94-0888 and 754-30-0174";
        assert!(cue_before(t, 6, 2, PART_WORDS));
        assert!(cue_before(t, 22, 4, PART_WORDS));
    }
}
