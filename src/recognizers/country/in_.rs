//! India: PAN, Aadhaar, vehicle registration, voter ID (EPIC), passport and GSTIN (Presidio's
//! `In*Recognizer`s, off by default).

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::grouped::grouped_digits;
use crate::validate::{in_gstin as gstin_ok, is_pan_holder_type, verhoeff_digits};
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer, Validation};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("InPanRecognizer", || Arc::new(in_pan())),
    off_en("InAadhaarRecognizer", || Arc::new(in_aadhaar())),
    off_en("InVehicleRegistrationRecognizer", || {
        Arc::new(in_vehicle_registration())
    }),
    off_en("InVoterRecognizer", || Arc::new(in_voter())),
    off_en("InPassportRecognizer", || Arc::new(in_passport())),
    off_en("InGstinRecognizer", || Arc::new(in_gstin())),
];

/// `InPanRecognizer` (`IN_PAN`): `AAAPA1234A` — 3 letters, a holder-type letter (P, C, H, F, A, T, B, L,
/// J, G, K), a letter, a serial 0001–9999 and a letter; 0.5, context `pan`, `permanent account number`.
/// Presidio's two weaker patterns (any holder letter at 0.1; any 10-character word with 4 digits at 0.01)
/// are dropped: they describe no real PAN.
pub fn in_pan() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("InPanRecognizer", EntityType::new("IN_PAN"))
            .pattern(Pattern::new(
                "PAN",
                format!(r"{B}[A-Z]{{3}}[ABCFGHJKLPT][A-Z]\d{{4}}[A-Z]{B}"),
                0.5,
            ))
            .context(["permanent account number", "pan"])
            .invalidator(|v| {
                let b = v.as_bytes();
                b.get(3).is_none_or(|&t| !is_pan_holder_type(t)) || b.get(5..9) == Some(b"0000")
            }),
    )
}

/// `InAadhaarRecognizer` (`IN_AADHAAR`): 12 digits, first 2–9, Verhoeff check, not a palindrome; printed
/// `2341 2341 2346` / `2341-2341-2346` (one separator kind, 0.3) or compact (0.1). Verhoeff passes one
/// random value in 10, so it gates only; context: `aadhaar`, `uidai`, `aadhar`.
pub fn in_aadhaar() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("InAadhaarRecognizer", EntityType::new("IN_AADHAAR"))
            .patterns([
                Pattern::new(
                    "Aadhaar (spaced)",
                    format!(r"{B}[2-9]\d{{3}} \d{{4}} \d{{4}}{B}"),
                    0.3,
                ),
                Pattern::new(
                    "Aadhaar (dashed)",
                    format!(r"{B}[2-9]\d{{3}}-\d{{4}}-\d{{4}}{B}"),
                    0.3,
                ),
                Pattern::new("Aadhaar (compact)", format!(r"{B}[2-9]\d{{11}}{B}"), 0.1),
            ])
            .context(["aadhaar", "aadhar", "uidai"])
            .invalidator(|v| !aadhaar_ok(v)),
    )
}

fn aadhaar_ok(v: &str) -> bool {
    let Some(d) = grouped_digits::<12>(v) else {
        return false;
    };
    d[0] >= 2 && !d.iter().eq(d.iter().rev()) && verhoeff_digits(&d)
}

/// `InGstinRecognizer` (`IN_GSTIN`): `27AAPFU0939F1ZV` — state code, PAN, entity number, `Z`, check
/// character. The Luhn mod-36 check (absent from Presidio) makes a passing value 1.0; failing values are
/// dropped. Context: `gstin`, `gst`, `goods and services tax`, …
pub fn in_gstin() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("InGstinRecognizer", EntityType::new("IN_GSTIN"))
            .pattern(Pattern::new(
                "GSTIN",
                format!(r"{B}\d{{2}}[A-Z]{{5}}\d{{4}}[A-Z][0-9A-Z]Z[0-9A-Z]{B}"),
                0.5,
            ))
            .context([
                "gstin",
                "gst",
                "goods and services tax",
                "tax identification",
                "gst number",
                "gst registration",
            ])
            .validator(|v| {
                if gstin_ok(v) {
                    Validation::Valid
                } else {
                    Validation::Invalid
                }
            }),
    )
}

/// `InVoterRecognizer` (`IN_VOTER`): EPIC numbers, 3 letters + 7 digits. 0.3 when the second letter is
/// one the Election Commission uses, else 0.15 (Presidio: 0.4 / 0.3); context `voter`, `epic`, ….
pub fn in_voter() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("InVoterRecognizer", EntityType::new("IN_VOTER"))
            .patterns([
                Pattern::new(
                    "EPIC",
                    format!(r"{B}[A-Z][ABCDGHJKMNPRSY][A-Z]\d{{7}}{B}"),
                    0.3,
                ),
                Pattern::new("EPIC (weak)", format!(r"{B}[A-Z]{{3}}\d{{7}}{B}"), 0.15),
            ])
            .context(["voter", "epic", "elector photo identity card", "voter id"]),
    )
}

/// `InPassportRecognizer` (`IN_PASSPORT`): a letter, a non-zero digit, 5 digits and a non-zero digit
/// (`A1234567`, optionally `A12 34567`); 0.1, context `passport`.
pub fn in_passport() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("InPassportRecognizer", EntityType::new("IN_PASSPORT"))
            .pattern(Pattern::new(
                "Passport",
                format!(r"{B}[A-Z][1-9]\d ?\d{{4}}[1-9]{B}"),
                0.1,
            ))
            .context(["passport", "indian passport", "passport number"]),
    )
}

/// State and union-territory codes used on Indian number plates (current and historical).
const STATES: &[&[u8; 2]] = &[
    b"AN", b"AP", b"AR", b"AS", b"BR", b"CG", b"CH", b"CT", b"DD", b"DH", b"DL", b"DN", b"GA",
    b"GJ", b"HP", b"HR", b"JH", b"JK", b"KA", b"KL", b"LA", b"LD", b"MH", b"ML", b"MN", b"MP",
    b"MZ", b"NL", b"OD", b"OR", b"PB", b"PY", b"RJ", b"SK", b"TN", b"TR", b"TS", b"UA", b"UK",
    b"UL", b"UP", b"UT", b"WB",
];

/// Foreign-mission codes above 80 on diplomatic plates.
const MISSIONS: &[u16] = &[
    84, 85, 89, 93, 94, 95, 97, 98, 99, 102, 104, 105, 106, 109, 111, 112, 113, 117, 119, 120, 121,
    122, 123, 125, 126, 128, 133, 134, 135, 137, 141, 145, 147, 149, 152, 153, 155, 156, 157, 159,
    160,
];

/// `InVehicleRegistrationRecognizer` (`IN_VEHICLE_REGISTRATION`): `MH 12 AB 1234` / `DL 3C AB 1234`
/// (state code checked against the list of states, district 01–99; 0.5), Bharat series `22 BH 1234 AA` (0.6), armed forces
/// `15B123456K` (0.4), diplomatic `77 CD 12` (mission code checked; 0.3) and old `ABC 1234` (0.1).
/// Presidio's `A1234`, `AB1234` and `I12345` patterns (score 0.01, matching countless codes) are dropped;
/// its per-state district lists are reduced to "district 1–99".
pub fn in_vehicle_registration() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "InVehicleRegistrationRecognizer",
            EntityType::new("IN_VEHICLE_REGISTRATION"),
        )
        .patterns([
            Pattern::new(
                "Standard",
                format!(
                    r"{B}[A-Z]{{2}}[ -]?\d{{1,2}}[ -]?(?:[A-Z]{{1,3}}|[A-Z][ -][A-Z]{{1,2}})[ -]?\d{{4}}{B}"
                ),
                0.5,
            ),
            Pattern::new(
                "Bharat series",
                format!(r"{B}[2-9]\d[ -]?BH[ -]?\d{{4}}[ -]?[A-HJ-NP-Z]{{2}}{B}"),
                0.6,
            ),
            Pattern::new(
                "Armed forces",
                format!(r"{B}\d{{2}}[ABCDEFHKPRX]\d{{6}}[A-Z]{B}"),
                0.4,
            ),
            Pattern::new(
                "Diplomatic",
                format!(r"{B}\d{{1,3}}[ -]?(?:CD|CC|UN)[ -]?[1-9]\d{{0,3}}{B}"),
                0.3,
            ),
            Pattern::new("Old series", format!(r"{B}[A-Z]{{3}}[ -]?\d{{4}}{B}"), 0.1),
        ])
        .context(["rto", "vehicle", "plate", "registration", "number plate"])
        .invalidator(|v| !vehicle_ok(v)),
    )
}

fn vehicle_ok(v: &str) -> bool {
    let mut buf = [0u8; 16];
    let mut n = 0;
    for b in v.bytes().filter(|b| b.is_ascii_alphanumeric()) {
        let Some(slot) = buf.get_mut(n) else {
            return false;
        };
        *slot = b;
        n += 1;
    }
    let s = &buf[..n];
    let digits_then = |from: usize| {
        s.iter()
            .skip(from)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // Diplomatic: mission number then CD/CC/UN.
    let lead = digits_then(0);
    if let Some(code) = s.get(lead..lead + 2) {
        if lead > 0 && matches!(code, b"CD" | b"CC" | b"UN") {
            let mission = s[..lead].iter().fold(0u16, |a, &d| {
                a.saturating_mul(10).saturating_add(u16::from(d - b'0'))
            });
            return (1..=80).contains(&mission) || MISSIONS.contains(&mission);
        }
    }
    if lead > 0 {
        // Bharat series and armed forces: their patterns already fix the layout; no zero serial.
        return !s.ends_with(b"0000") && s.get(lead + 2..lead + 6) != Some(b"0000");
    }
    let district_len = digits_then(2);
    if district_len == 0 {
        // Old series: three letters then a non-zero serial.
        return !s.ends_with(b"0000");
    }
    let Some(state) = s.get(..2) else {
        return false;
    };
    let district = s[2..2 + district_len]
        .iter()
        .fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
    STATES.iter().any(|c| c[..] == *state) && district > 0 && !s.ends_with(b"0000")
}
