//! The US recognizers Presidio ships disabled: Medicare beneficiary identifiers, NPIs, ABA routing
//! numbers, health-insurance member IDs and the healthcare-administration numbers (prior authorization,
//! claim, prescription, referral, provider tax ID).

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::grouped::grouped_digits;
use crate::validate::{aba_routing as aba_ok, us_npi as npi_ok};
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("UsMbiRecognizer", || Arc::new(us_mbi())),
    off_en("UsNpiRecognizer", || Arc::new(us_npi())),
    off_en("AbaRoutingRecognizer", || Arc::new(aba_routing())),
    off_en("UsHealthInsuranceMemberIdRecognizer", || {
        Arc::new(us_health_insurance_member_id())
    }),
    off_en("UsPriorAuthorizationNumberRecognizer", || {
        Arc::new(us_prior_authorization_number())
    }),
    off_en("UsClaimNumberRecognizer", || Arc::new(us_claim_number())),
    off_en("UsPrescriptionNumberRecognizer", || {
        Arc::new(us_prescription_number())
    }),
    off_en("UsReferralNumberRecognizer", || {
        Arc::new(us_referral_number())
    }),
    off_en("UsProviderTaxIdRecognizer", || {
        Arc::new(us_provider_tax_id())
    }),
];

/// MBI letters: A–Z without S, L, O, I, B, Z.
const A: &str = "[AC-HJKMNP-RT-Y]";
/// MBI letters or digits.
const AN: &str = "[0-9AC-HJKMNP-RT-Y]";

/// `UsMbiRecognizer` (`US_MBI`): CMS's 11-character Medicare Beneficiary Identifier layout — digit 1–9,
/// letter, letter/digit, digit, letter, letter/digit, digit, letter, letter, digit, digit (letters without
/// S, L, O, I, B, Z), upper case; `1EG4-TE5-MK73` 0.5, `1EG4TE5MK73` 0.3. Presidio allows a leading 0.
pub fn us_mbi() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("UsMbiRecognizer", EntityType::new("US_MBI"))
            .patterns([
                Pattern::new(
                    "MBI (dashed)",
                    format!(r"{B}[1-9]{A}{AN}\d-{A}{AN}\d-{A}{A}\d\d{B}"),
                    0.5,
                ),
                Pattern::new(
                    "MBI",
                    format!(r"{B}[1-9]{A}{AN}\d{A}{AN}\d{A}{A}\d\d{B}"),
                    0.3,
                ),
            ])
            .context([
                "medicare",
                "mbi",
                "beneficiary",
                "cms",
                "medicaid",
                "hic",
                "hicn",
            ]),
    )
}

/// `UsNpiRecognizer` (`US_NPI`): 10 digits starting 1 or 2, `1234 567 893` / `1234-567-893` (0.4) or
/// compact (0.1), gated by the Luhn check with the `80840` prefix (one value in 10 passes, so no 1.0 as
/// in Presidio) and rejecting repeated-digit bodies. Context: `npi`, `national provider`, `provider`, ….
pub fn us_npi() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("UsNpiRecognizer", EntityType::new("US_NPI"))
            .patterns([
                Pattern::new(
                    "NPI (spaced)",
                    format!(r"{B}[12]\d{{3}} \d{{3}} \d{{3}}{B}"),
                    0.4,
                ),
                Pattern::new(
                    "NPI (dashed)",
                    format!(r"{B}[12]\d{{3}}-\d{{3}}-\d{{3}}{B}"),
                    0.4,
                ),
                Pattern::new("NPI", format!(r"{B}[12]\d{{9}}{B}"), 0.1),
            ])
            .context([
                "npi",
                "national provider",
                "provider",
                "npi number",
                "provider id",
                "provider identifier",
                "taxonomy",
            ])
            .invalidator(|v| {
                let same_body =
                    grouped_digits::<10>(v).is_some_and(|d| d[..9].iter().all(|&x| x == d[0]));
                same_body || !npi_ok(v)
            }),
    )
}

/// `AbaRoutingRecognizer` (`ABA_ROUTING_NUMBER`): 9 digits (`0110-0001-5` 0.3, compact 0.05) with a
/// Federal Reserve routing-symbol prefix (00–12, 21–32, 61–72, 80) and the 3-7-1 checksum as gates.
/// Context: `aba`, `routing`, `routing number`, `bank routing`, ….
pub fn aba_routing() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "AbaRoutingRecognizer",
            EntityType::new("ABA_ROUTING_NUMBER"),
        )
        .patterns([
            Pattern::new(
                "ABA (dashed)",
                format!(r"{B}[0-8]\d{{3}}-\d{{4}}-\d{B}"),
                0.3,
            ),
            Pattern::new("ABA", format!(r"{B}[0-8]\d{{8}}{B}"), 0.05),
        ])
        .context([
            "aba",
            "routing",
            "abarouting",
            "association",
            "bankrouting",
            "routing number",
            "rtn",
            "transit",
        ])
        .invalidator(|v| !aba_ok(v)),
    )
}

/// `UsHealthInsuranceMemberIdRecognizer` (`US_HEALTH_INSURANCE_MEMBER_ID`): 1–5 letters, an optional
/// dash, 5–14 letters or digits, at least one digit, at most 20 characters, upper case (Presidio matches
/// any case, so `abcde12345`-like words qualify); 0.1, context `member`, `subscriber`, `insurance`, ….
pub fn us_health_insurance_member_id() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "UsHealthInsuranceMemberIdRecognizer",
            EntityType::new("US_HEALTH_INSURANCE_MEMBER_ID"),
        )
        .pattern(Pattern::new(
            "Member ID",
            format!(r"{B}[A-Z]{{1,5}}-?[A-Z0-9]{{5,14}}{B}"),
            0.1,
        ))
        .context(["member", "subscriber", "insurance", "policy", "member id"])
        .invalidator(|v| v.len() > 20 || !v.bytes().any(|b| b.is_ascii_digit())),
    )
}

/// A value after a label such as `Claim #: ` (Presidio uses look-behind; the `pii` group restates it).
fn labelled(labels: &str, value: &str) -> String {
    format!(
        r"(?i:{B}(?:{labels})(?:\s*(?:#|no\.?|number|id)\s*:?\s*|\s*:\s*|\s+))(?P<pii>{value}){B}"
    )
}

/// `UsPriorAuthorizationNumberRecognizer` (`US_PRIOR_AUTHORIZATION_NUMBER`): 6–12 digits (optionally
/// `PA-`) after `prior authorization`, `prior auth`, `preauthorization`, `pre-auth` or `authorization`
/// (0.35), or `PA-123456` alone (0.1).
pub fn us_prior_authorization_number() -> impl Recognizer {
    let value = r"(?:PA-?)?\d{6,12}";
    whole(
        PatternRecognizer::builder(
            "UsPriorAuthorizationNumberRecognizer",
            EntityType::new("US_PRIOR_AUTHORIZATION_NUMBER"),
        )
        .patterns([
            Pattern::new(
                "Prior authorization (labelled)",
                labelled(
                    r"prior\s+authorization|prior\s+auth|preauthorization|pre-auth|authorization",
                    value,
                ),
                0.35,
            ),
            Pattern::new(
                "Prior authorization (PA-)",
                format!(r"{B}PA-?\d{{6,12}}{B}"),
                0.1,
            ),
        ])
        .context(["authorization", "auth", "preauthorization", "approval"]),
    )
}

/// `UsClaimNumberRecognizer` (`US_CLAIM_NUMBER`): 6–15 digits (optionally `CLM-`) after `claim`,
/// `medical claim` or `healthcare claim` (0.35), or `CLM-1234567` alone (0.1).
pub fn us_claim_number() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "UsClaimNumberRecognizer",
            EntityType::new("US_CLAIM_NUMBER"),
        )
        .patterns([
            Pattern::new(
                "Claim (labelled)",
                labelled(
                    r"claim|medical\s+claim|healthcare\s+claim",
                    r"(?:CLM-?)?\d{6,15}",
                ),
                0.35,
            ),
            Pattern::new("Claim (CLM-)", format!(r"{B}CLM-?\d{{6,15}}{B}"), 0.1),
        ])
        .context(["claim", "billing"]),
    )
}

/// `UsPrescriptionNumberRecognizer` (`US_PRESCRIPTION_NUMBER`): 6–12 digits (optionally `RX-`) after
/// `Rx` (0.6) or `prescription` (0.35), or `RX-123456` alone (0.1).
pub fn us_prescription_number() -> impl Recognizer {
    let value = r"(?:RX-?)?\d{6,12}";
    whole(
        PatternRecognizer::builder(
            "UsPrescriptionNumberRecognizer",
            EntityType::new("US_PRESCRIPTION_NUMBER"),
        )
        .patterns([
            Pattern::new("Prescription (Rx)", labelled("rx", value), 0.6),
            Pattern::new(
                "Prescription (labelled)",
                labelled("prescription", value),
                0.35,
            ),
            Pattern::new("Prescription (RX-)", format!(r"{B}RX-?\d{{6,12}}{B}"), 0.1),
        ])
        .context(["prescription", "pharmacy", "medication"]),
    )
}

/// `UsReferralNumberRecognizer` (`US_REFERRAL_NUMBER`): 6–12 digits (optionally `REF-`/`INF-`) after
/// `referral` or `infusion referral` (0.35), or `REF-123456` alone (0.1).
pub fn us_referral_number() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "UsReferralNumberRecognizer",
            EntityType::new("US_REFERRAL_NUMBER"),
        )
        .patterns([
            Pattern::new(
                "Referral (labelled)",
                labelled(
                    r"referral|infusion\s+referral",
                    r"(?:(?:REF|INF)-?)?\d{6,12}",
                ),
                0.35,
            ),
            Pattern::new(
                "Referral (REF-/INF-)",
                format!(r"{B}(?:REF|INF)-?\d{{6,12}}{B}"),
                0.1,
            ),
        ])
        .context(["referral", "infusion", "specialty", "referring"]),
    )
}

/// Valid IRS EIN prefixes (campus codes).
const EIN_PREFIX: &str =
    "(?:0[1-6]|1[0-6]|2[0-7]|3[0-9]|4[0-8]|5[0-9]|6[0-8]|7[1-7]|8[0-8]|9[0-5]|9[89])";

/// `UsProviderTaxIdRecognizer` (`US_PROVIDER_TAX_ID`): an EIN `12-3456789` with a valid IRS prefix,
/// after `billing provider tax ID`, `provider TIN`, `provider EIN`, `billing provider`, … (0.35), or
/// alone (0.1).
pub fn us_provider_tax_id() -> impl Recognizer {
    let labels = r"(?:(?:billing|rendering|healthcare)\s+provider|provider\s+organization|provider)\s+(?:tax\s*(?:id|number|identification\s+number)|tin|ein)|billing\s+provider";
    whole(
        PatternRecognizer::builder(
            "UsProviderTaxIdRecognizer",
            EntityType::new("US_PROVIDER_TAX_ID"),
        )
        .patterns([
            Pattern::new(
                "Provider tax ID (labelled)",
                labelled(labels, &format!(r"{EIN_PREFIX}-\d{{7}}")),
                0.35,
            ),
            Pattern::new(
                "Provider tax ID (EIN)",
                format!(r"{B}{EIN_PREFIX}-\d{{7}}{B}"),
                0.1,
            ),
        ])
        .context(["tax", "tin", "ein", "billing"]),
    )
}
