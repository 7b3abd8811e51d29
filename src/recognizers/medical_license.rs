//! MEDICAL_LICENSE: US DEA registration numbers with their check digit.

use super::catalog::{Languages, Spec};
use crate::analyzer::{Alt, Fast, Needs};
use crate::validate::dea_is_valid;
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// `MedicalLicenseRecognizer`: DEA registration numbers such as `AB1234563`: a registrant-type letter, the
/// registrant's last-name initial (or `9` for a business), seven digits with the DEA check digit. Base 0.4
/// (Presidio's); a correct check digit sets 1.0, a wrong one drops the match.
///
/// Unlike Presidio's pattern, the number must stand alone (word boundaries: no match inside
/// `XAB1234563` or `AB12345630`) and is upper case.
pub fn medical_license() -> PatternRecognizer {
    PatternRecognizer::builder("MedicalLicenseRecognizer", EntityType::MEDICAL_LICENSE)
        .fast_patterns([(
            Pattern::new(
                "USA DEA registration number (weak)",
                r"(?-u:\b)[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}(?-u:\b)",
                0.4,
            ),
            Needs::upper_digit_run(9).and(Needs::digit_run(7)),
            Fast::Words(const { &[Alt::word(&[dea_shape], (9, 9))] }),
        )])
        .context([
            "dea",
            "medical",
            "certificate",
            "registration",
            "prescriber",
            "license",
            "licence",
        ])
        .validator(|v| {
            if dea_is_valid(v) {
                Validation::Valid
            } else {
                Validation::Invalid
            }
        })
        .build()
        .expect("constant DEA pattern compiles (tested)")
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "MedicalLicenseRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(medical_license()),
}];

/// `[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}` as one whole word.
fn dea_shape(w: &[u8]) -> bool {
    w.len() == 9
        && b"ABCDEFGHJKLMPRSTUX".contains(&w[0])
        && (w[1].is_ascii_uppercase() || w[1] == b'9')
        && w[2..].iter().all(u8::is_ascii_digit)
}
