//! The UK recognizers Presidio ships disabled: driving licence, passport, postcode and vehicle
//! registration numbers.

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::civil_date::days_in_month;
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer, Validation};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("UkDrivingLicenceRecognizer", || {
        Arc::new(uk_driving_licence())
    }),
    off_en("UkPassportRecognizer", || Arc::new(uk_passport())),
    off_en("UkPostcodeRecognizer", || Arc::new(uk_postcode())),
    off_en("UkVehicleRegistrationRecognizer", || {
        Arc::new(uk_vehicle_registration())
    }),
];

/// `UkDrivingLicenceRecognizer` (`UK_DRIVING_LICENCE`): DVLA's 16-character number, e.g.
/// `MORGA753116SM9IJ` — surname (padded with 9s), decade digit, month (+50 for women), day, year digit,
/// initials, a digit and two check letters; 0.5. The surname must be letters then 9s (not all 9s, as in
/// Presidio) and the day must exist in the month.
pub fn uk_driving_licence() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "UkDrivingLicenceRecognizer",
            EntityType::new("UK_DRIVING_LICENCE"),
        )
        .pattern(Pattern::new(
            "Driving licence",
            format!(
                r"{B}[A-Z9]{{5}}\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z9]{{2}}[A-Z0-9][A-Z]{{2}}{B}"
            ),
            0.5,
        ))
        .context([
            "driving licence",
            "driving license",
            "driver's licence",
            "driver's license",
            "dvla",
            "dl number",
            "licence number",
            "license number",
        ])
        .invalidator(|v| !driving_licence_ok(v.as_bytes())),
    )
}

fn driving_licence_ok(b: &[u8]) -> bool {
    let Some(surname) = b.get(..5) else {
        return false;
    };
    let letters = surname
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    if letters == 0 || !surname[letters..].iter().all(|&c| c == b'9') {
        return false;
    }
    let num = |i: usize| b.get(i).map_or(0, |d| u32::from(d.wrapping_sub(b'0')));
    let month = (num(6) * 10 + num(7)) % 50;
    let day = num(8) * 10 + num(9);
    // The year is not fully known (one digit each for decade and year): allow 29 February.
    day >= 1 && day <= days_in_month(2000, month)
}

/// `UkPassportRecognizer` (`UK_PASSPORT`): 2 letters + 7 digits, upper case; 0.1, context `passport`,
/// `hmpo`, `british passport`, ….
pub fn uk_passport() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("UkPassportRecognizer", EntityType::new("UK_PASSPORT"))
            .pattern(Pattern::new(
                "Passport",
                format!(r"{B}[A-Z]{{2}}\d{{7}}{B}"),
                0.1,
            ))
            .context([
                "passport",
                "passport number",
                "travel document",
                "uk passport",
                "british passport",
                "her majesty",
                "his majesty",
                "hm passport",
                "hmpo",
            ]),
    )
}

/// `UkPostcodeRecognizer` (`UK_POSTCODE`): Royal Mail's outward + inward code letter rules and `GIR 0AA`,
/// upper case. `SW1A 1AA` with its single space scores 0.3, `SW1A1AA` 0.1 (Presidio: 0.1 for both,
/// any case and any whitespace). Context: `postcode`, `address`, `delivery`, ….
pub fn uk_postcode() -> impl Recognizer {
    let outward = "(?:[A-PR-UWYZ][0-9][A-HJKPSTUW]?|[A-PR-UWYZ][0-9]{2}|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?|[A-PR-UWYZ][A-HK-Y][0-9]{2})";
    let inward = "[0-9][ABD-HJLNP-UW-Z]{2}";
    whole(
        PatternRecognizer::builder("UkPostcodeRecognizer", EntityType::new("UK_POSTCODE"))
            .patterns([
                Pattern::new(
                    "Postcode (spaced)",
                    format!(r"{B}(?:GIR 0AA|{outward} {inward}){B}"),
                    0.3,
                ),
                Pattern::new(
                    "Postcode (compact)",
                    format!(r"{B}(?:GIR0AA|{outward}{inward}){B}"),
                    0.1,
                ),
            ])
            .context([
                "postcode",
                "post code",
                "postal code",
                "zip",
                "address",
                "delivery",
                "mailing",
                "shipping",
                "correspondence",
            ]),
    )
}

/// `UkVehicleRegistrationRecognizer` (`UK_VEHICLE_REGISTRATION`): current `AB12 CDE` (0.3, age identifier
/// 02–29 or 51–79), prefix `A123 BCD` (0.2) and suffix `ABC 123D` (0.15), upper case, one separator kind.
/// Presidio scores a current-style plate with a valid age identifier 1.0 and matches any case (`was 12
/// a`); here the age identifier only gates.
pub fn uk_vehicle_registration() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "UkVehicleRegistrationRecognizer",
            EntityType::new("UK_VEHICLE_REGISTRATION"),
        )
        .patterns([
            Pattern::new(
                "Current",
                format!(r"{B}[A-HJ-PR-Y]{{2}}(?:0[1-9]|[1-7][0-9])[- ]?[A-HJ-PR-Z]{{3}}{B}"),
                0.3,
            ),
            Pattern::new(
                "Prefix",
                format!(r"{B}[A-HJ-NPR-TV-Y]\d{{1,3}}[- ]?[A-HJ-PR-Y][A-HJ-PR-Z]{{2}}{B}"),
                0.2,
            ),
            Pattern::new(
                "Suffix",
                format!(r"{B}[A-HJ-PR-Z]{{3}}[- ]?\d{{1,3}}[- ]?[A-HJ-NPR-TV-Y]{B}"),
                0.15,
            ),
        ])
        .context([
            "vehicle",
            "registration",
            "number plate",
            "licence plate",
            "license plate",
            "reg",
            "vrn",
            "dvla",
            "v5c",
            "logbook",
            "mot",
            "car",
            "insured vehicle",
        ])
        .validator(vehicle_check),
    )
}

fn vehicle_check(v: &str) -> Validation {
    let mut kinds = v.bytes().filter(|b| matches!(b, b' ' | b'-'));
    if let Some(first) = kinds.next() {
        if kinds.any(|k| k != first) {
            return Validation::Invalid;
        }
    }
    let b = v.as_bytes();
    // Current format: two letters then the two-digit age identifier.
    if b.len() >= 7 && b[..2].iter().all(u8::is_ascii_uppercase) {
        if let (Some(x), Some(y)) = (b.get(2), b.get(3)) {
            if x.is_ascii_digit() && y.is_ascii_digit() {
                let age = u32::from(x - b'0') * 10 + u32::from(y - b'0');
                return if (2..=29).contains(&age) || (51..=79).contains(&age) {
                    Validation::Unknown
                } else {
                    Validation::Invalid
                };
            }
        }
    }
    Validation::Unknown
}
