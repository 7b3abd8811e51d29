//! Nigeria: NIN and vehicle registration (Presidio's `Ng*Recognizer`s, off by default).

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::verhoeff;
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("NgNinRecognizer", || Arc::new(ng_nin())),
    off_en("NgVehicleRegistrationRecognizer", || {
        Arc::new(ng_vehicle_registration())
    }),
];

/// `NgNinRecognizer` (`NG_NIN`): 11 digits with a Verhoeff check digit (Presidio's rule; NIMC does not
/// publish the algorithm). Nigerian mobile numbers are 11 digits too and one in ten passes, so the check
/// only gates and the base score is 0.05; context (`nin`, `nimc`, `national identification number`, …) is
/// needed.
pub fn ng_nin() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("NgNinRecognizer", EntityType::new("NG_NIN"))
            .pattern(Pattern::new("NIN", format!(r"{B}\d{{11}}{B}"), 0.05))
            .context([
                "nin",
                "national identification number",
                "national identity number",
                "nimc",
                "national identity",
                "nigeria id",
                "nigerian identification",
            ])
            .invalidator(|v| !verhoeff(v)),
    )
}

/// `NgVehicleRegistrationRecognizer` (`NG_VEHICLE_REGISTRATION`): `ABC-123DE` / `ABC 123DE` / `ABC123DE`
/// (local-government code, serial, year letters), upper case; 0.3 (Presidio 0.5, case-insensitive).
pub fn ng_vehicle_registration() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "NgVehicleRegistrationRecognizer",
            EntityType::new("NG_VEHICLE_REGISTRATION"),
        )
        .pattern(Pattern::new(
            "Plate",
            format!(r"{B}[A-Z]{{3}}[- ]?\d{{3}}[A-Z]{{2}}{B}"),
            0.3,
        ))
        .context([
            "plate number",
            "vehicle registration",
            "license plate",
            "licence plate",
            "number plate",
            "plate",
            "vehicle",
            "registration",
        ]),
    )
}
