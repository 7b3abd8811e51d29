//! UUID: RFC 9562 (RFC 4122) UUIDs in the hyphenated 8-4-4-4-12 form.

use super::catalog::{Languages, Spec};
use crate::analyzer::word::hex;
use crate::analyzer::{Alt, Fast, Needs};
use crate::{EntityType, Pattern, PatternRecognizer};

/// `UuidRecognizer`: hyphenated UUIDs with a real version nibble (1–8) and the RFC variant (`8`, `9`, `a`,
/// `b`), either case, score 0.5 (Presidio's). The nil UUID fails the version test, as in Presidio.
///
/// On by default as in Presidio, but note that most UUIDs in logs and exports are record, request or
/// session ids, not personal data; piiscrub's dev corpus treats them as non-PII distractors, so consider
/// disabling this recognizer (or raising the threshold) for fine-tuning data.
pub fn uuid() -> PatternRecognizer {
    let h = "[0-9A-Fa-f]";
    PatternRecognizer::builder("UuidRecognizer", EntityType::new("UUID"))
        .fast_patterns([(
            Pattern::new(
                "UUID (hyphenated)",
                format!(
                    r"(?-u:\b){h}{{8}}-{h}{{4}}-[1-8]{h}{{3}}-[89ABab]{h}{{3}}-{h}{{12}}(?-u:\b)"
                ),
                0.5,
            ),
            // The last group is 12 ASCII hex digits.
            Needs::alnum_run(12).and(Needs::byte(b'-', 4)),
            Fast::Words(
                const {
                    &[Alt::new(
                        &[hex::<8>, hex::<4>, version_group, variant_group, hex::<12>],
                        &[b"-", b"-", b"-", b"-"],
                        2,
                        (4, 4),
                    )]
                },
            ),
        )])
        .context(["uuid", "guid", "unique identifier"])
        .build()
        .expect("constant UUID pattern compiles (tested)")
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "UuidRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(uuid()),
}];

/// `[1-8][0-9A-Fa-f]{3}` as one whole word.
fn version_group(w: &[u8]) -> bool {
    hex::<4>(w) && (b'1'..=b'8').contains(&w[0])
}

/// `[89ABab][0-9A-Fa-f]{3}` as one whole word.
fn variant_group(w: &[u8]) -> bool {
    hex::<4>(w) && b"89ABab".contains(&w[0])
}
