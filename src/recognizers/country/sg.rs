//! Singapore: NRIC/FIN and UEN (Presidio's `SgFinRecognizer` and `SgUenRecognizer`, off by default).

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::{sg_nric_fin, sg_uen as uen_ok};
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer, Validation};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("SgFinRecognizer", || Arc::new(sg_fin())),
    off_en("SgUenRecognizer", || Arc::new(sg_uen())),
];

fn valid_or_invalid(ok: bool) -> Validation {
    if ok {
        Validation::Valid
    } else {
        Validation::Invalid
    }
}

/// `SgFinRecognizer` (`SG_NRIC_FIN`): `S1234567D` — prefix S, T, F, G or M, 7 digits and the check
/// letter (ICA's tables, including the 2022 M series). Values with the right letter score 1.0, others are
/// dropped. Either case is accepted (the check letter keeps words out). Presidio's weak pattern for any
/// prefix letter is dropped. Context: `nric`, `fin`, ….
pub fn sg_fin() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("SgFinRecognizer", EntityType::new("SG_NRIC_FIN"))
            .pattern(Pattern::new(
                "NRIC/FIN",
                format!(r"{B}[STFGMstfgm]\d{{7}}[A-Za-z]{B}"),
                0.5,
            ))
            .context(["fin", "fin#", "nric", "nric#", "ic", "identity card"])
            .validator(|v| valid_or_invalid(sg_nric_fin(v))),
    )
}

/// `SgUenRecognizer` (`SG_UEN`): business (`53xxxxxxA`-style 8 digits + letter), local company
/// (`196800306E`) and other-entity (`T08LL0001A`) formats with their check letters; a passing value scores
/// 1.0, others are dropped. Context: `uen`, `unique entity number`, `acra`, ….
pub fn sg_uen() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("SgUenRecognizer", EntityType::new("SG_UEN"))
            .patterns([
                Pattern::new("UEN (business)", format!(r"{B}\d{{8}}[A-Z]{B}"), 0.3),
                Pattern::new("UEN (local company)", format!(r"{B}\d{{9}}[A-Z]{B}"), 0.3),
                Pattern::new(
                    "UEN (other)",
                    format!(r"{B}[TSR]\d{{2}}[A-Z]{{2}}\d{{4}}[A-Z]{B}"),
                    0.3,
                ),
            ])
            .context([
                "uen",
                "unique entity number",
                "business registration",
                "acra",
            ])
            .validator(|v| valid_or_invalid(uen_ok(v))),
    )
}
