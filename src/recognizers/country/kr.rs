//! Korea: resident and foreigner registration numbers, business registration numbers, driving licences and
//! passports.

use std::sync::Arc;

use super::{B, Compact, plausible, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::{
    KrRegistration, kr_brn as brn_ok, kr_registration_checksum, kr_registration_date,
};
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// Checks an RRN or FRN: the birth date must exist for the gender/century digit (else dropped); the check
/// digit and region code (serial digits 8–9 at most 95) give 1.0; since numbers issued from October 2020
/// end in a random digit, a failing check keeps the base score.
fn registration(value: &str, kind: KrRegistration) -> Validation {
    let Some(c) = Compact::new(value, |b| b == b'-') else {
        return Validation::Invalid;
    };
    let v = c.as_str();
    if !kr_registration_date(v, kind) {
        return Validation::Invalid;
    }
    let region_ok = v
        .get(7..9)
        .and_then(|r| r.parse::<u8>().ok())
        .is_some_and(|r| r <= 95);
    if region_ok && kr_registration_checksum(v, kind) {
        Validation::Valid
    } else {
        Validation::Unknown
    }
}

fn registration_recognizer(
    name: &str,
    entity: &str,
    gender: &str,
    kind: KrRegistration,
    context: &[&str],
) -> PatternRecognizer {
    PatternRecognizer::builder(name, EntityType::new(entity))
        .patterns([
            Pattern::new(
                format!("{entity} (Medium)"),
                format!(r"{B}\d{{6}}-{gender}\d{{6}}{B}"),
                0.5,
            ),
            Pattern::new(
                format!("{entity} (13 digits, weak)"),
                format!(r"{B}\d{{6}}{gender}\d{{6}}{B}"),
                0.3,
            ),
        ])
        .context(context.iter().copied())
        .validator(move |v| registration(v, kind))
        .language("ko")
        .build()
        .expect("constant registration number patterns compile (tested)")
}

/// `KrRrnRecognizer` (`KR_RRN`, Korean `ko`/`kr`, off by default): `YYMMDD-GNNNNNN` with gender/century
/// digit 1–4 and a real birth date. The pre-2020 check digit gives 1.0; otherwise 0.5 with the hyphen and
/// 0.3 without (Presidio: 0.5 for both, and no date check beyond the digit ranges).
pub fn kr_rrn() -> PatternRecognizer {
    registration_recognizer(
        "KrRrnRecognizer",
        "KR_RRN",
        "[1-4]",
        KrRegistration::Resident,
        &[
            "Korean RRN",
            "Korean Resident Registration Number",
            "Resident Registration Number",
            "RRN",
            "주민등록번호",
            "주민번호",
        ],
    )
}

/// `KrFrnRecognizer` (`KR_FRN`, Korean, off by default): like the RRN with gender/century digit 5–8 and
/// the foreigner check digit `(13 − S mod 11) mod 10`.
pub fn kr_frn() -> PatternRecognizer {
    registration_recognizer(
        "KrFrnRecognizer",
        "KR_FRN",
        "[5-8]",
        KrRegistration::Foreigner,
        &[
            "외국인등록번호",
            "Korean FRN",
            "FRN",
            "Foreigner Registration Number",
            "Korean Foreigner Registration Number",
            "외국인번호",
        ],
    )
}

/// `KrBrnRecognizer` (`KR_BRN`, Korean, off by default): `NNN-NN-NNNNN` or 10 bare digits with the National
/// Tax Service check digit. The hyphenated form scores 1.0 when valid; the bare form, which one 10-digit
/// number in ten passes, stays at 0.05 until context (`사업자등록번호`) raises it. Failures are dropped.
pub fn kr_brn() -> PatternRecognizer {
    PatternRecognizer::builder("KrBrnRecognizer", EntityType::new("KR_BRN"))
        .patterns([
            Pattern::new("BRN (Weak)", format!(r"{B}\d{{3}}-\d{{2}}-\d{{5}}{B}"), 0.1),
            Pattern::new("BRN (Very weak)", format!(r"{B}\d{{10}}{B}"), 0.05),
        ])
        .context([
            "사업자등록번호",
            "사업자번호",
            "사업자",
            "BRN",
            "Business Registration Number",
            "Korean BRN",
            "business number",
            "tax registration number",
        ])
        .validator(|v| {
            let Some(c) = Compact::new(v, |b| b == b'-') else {
                return Validation::Invalid;
            };
            let ok = brn_ok(c.as_str());
            if v.contains('-') {
                proven(ok)
            } else {
                plausible(ok)
            }
        })
        .language("ko")
        .build()
        .expect("constant BRN patterns compile (tested)")
}

/// Region codes of numeric Korean driving licence numbers (11 Seoul … 26 Ulsan, 28 northern Gyeonggi).
const DL_REGIONS: &[&str] = &[
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26",
    "28",
];

/// `KrDriverLicenseRecognizer` (`KR_DRIVER_LICENSE`, Korean, off by default): `RR-YY-NNNNNN-CC` with a real
/// region code and one separator kind (dash, space or none). The check digits are not public, so the score
/// stays at 0.05 until context (`운전면허`) raises it; Presidio's validator returns 1.0 for any 12 digits
/// that start with a region code.
pub fn kr_driver_license() -> PatternRecognizer {
    PatternRecognizer::builder(
        "KrDriverLicenseRecognizer",
        EntityType::new("KR_DRIVER_LICENSE"),
    )
    .pattern(Pattern::new(
        "Driver License (very weak)",
        format!(r"{B}\d{{2}}[- ]?\d{{2}}[- ]?\d{{6}}[- ]?\d{{2}}{B}"),
        0.05,
    ))
    .context([
        "운전면허",
        "운전면허번호",
        "면허번호",
        "Korean driver license",
        "Korean driver's license",
        "driver license",
    ])
    .invalidator(|v| {
        let mut kinds = v.bytes().filter(|b| !b.is_ascii_digit());
        let first = kinds.next();
        let mixed = kinds.clone().any(|k| Some(k) != first);
        let count = usize::from(first.is_some()) + kinds.count();
        let region = v.get(..2).unwrap_or_default();
        mixed || !(count == 0 || count == 3) || !DL_REGIONS.contains(&region)
    })
    .language("ko")
    .build()
    .expect("constant driver licence pattern compiles (tested)")
}

/// `KrPassportRecognizer` (`KR_PASSPORT`, Korean `ko`/`kr`, off by default): `M123A4567` (current) or
/// `M12345678` (previous), first letter M, S, R, O or D, upper-case. No check digit: 0.1 and 0.05 until
/// context (`여권`, `passport`) raises them.
pub fn kr_passport() -> PatternRecognizer {
    PatternRecognizer::builder("KrPassportRecognizer", EntityType::new("KR_PASSPORT"))
        .patterns([
            Pattern::new(
                "Passport Number (Current)",
                format!(r"{B}[MSROD]\d{{3}}[A-Z]\d{{4}}{B}"),
                0.1,
            ),
            Pattern::new(
                "Passport Number (Previous)",
                format!(r"{B}[MSROD]\d{{8}}{B}"),
                0.05,
            ),
        ])
        .context([
            "Korean passport",
            "Korean passport number",
            "대한민국 여권",
            "여권",
            "여권번호",
            "passport",
            "passport number",
        ])
        .language("ko")
        .build()
        .expect("constant passport patterns compile (tested)")
}

/// Catalog entries.
pub(crate) const SPECS: &[Spec] = &[
    Spec {
        name: "KrBrnRecognizer",
        languages: Languages::Only(&["ko"]),
        enabled_by_default: false,
        build: || Arc::new(kr_brn()),
    },
    Spec {
        name: "KrRrnRecognizer",
        languages: Languages::Only(&["ko", "kr"]),
        enabled_by_default: false,
        build: || Arc::new(kr_rrn()),
    },
    Spec {
        name: "KrDriverLicenseRecognizer",
        languages: Languages::Only(&["ko"]),
        enabled_by_default: false,
        build: || Arc::new(kr_driver_license()),
    },
    Spec {
        name: "KrFrnRecognizer",
        languages: Languages::Only(&["ko"]),
        enabled_by_default: false,
        build: || Arc::new(kr_frn()),
    },
    Spec {
        name: "KrPassportRecognizer",
        languages: Languages::Only(&["ko", "kr"]),
        enabled_by_default: false,
        build: || Arc::new(kr_passport()),
    },
];
