//! Country-specific recognizers, one file per country, with Presidio 2.2.366's names, entity types,
//! languages and default states: Spain, Italy and Poland are on for their language; Finland, Sweden,
//! Germany, Turkey, Korea, Thailand, Australia, India, Singapore, Nigeria, the Philippines, South Africa,
//! Canada and Presidio's disabled US and UK extras are off until enabled by name with
//! [`predefined_by_name`](super::predefined_by_name) or the registry.
//!
//! Scoring rules applied throughout, where they depart from Presidio:
//!
//! - Every result stands alone as a token (ASCII word boundaries, or [`token`] where a pattern cannot say
//!   it), so an identifier inside a longer token is not reported.
//! - A check that a random candidate passes one time in ten or more (a single check digit, Luhn, Verhoeff
//!   or mod 11 on a bare digit run) only *gates*: failures are dropped, a passing value keeps its low base
//!   score until a context word raises it. Presidio raises every passing value to 1.0.
//! - A value reaches 1.0 only when a check proves more (two check digits, a check character plus a birth
//!   date, SG NRIC/FIN and UEN check letters, GSTIN mod 36, ZA ID date + Luhn, a spaced ABN with mod 89).
//! - Letters are matched in upper case only (Presidio matches case-insensitively, so `was 12 a` would be a
//!   UK number plate).

mod au;
mod ca;
mod de;
mod es;
mod fi;
mod in_;
mod it;
mod kr;
mod ng;
mod ph;
mod pl;
mod se;
mod sg;
mod th;
mod token;
mod tr;
mod uk;
mod us;
mod za;
mod za_phone;

pub use au::{au_abn, au_acn, au_medicare, au_tfn};
pub use ca::{ca_postal_code, ca_sin};
pub use de::{
    de_bsnr, de_fuehrerschein, de_handelsregister, de_health_insurance, de_id_card, de_kfz,
    de_lanr, de_passport, de_plz, de_social_security, de_tax_id, de_tax_number, de_vat_id,
};
pub use es::{es_nie, es_nif, es_passport};
pub use fi::fi_personal_identity_code;
pub use in_::{in_aadhaar, in_gstin, in_pan, in_passport, in_vehicle_registration, in_voter};
pub use it::{it_driver_license, it_fiscal_code, it_identity_card, it_passport, it_vat_code};
pub use kr::{kr_brn, kr_driver_license, kr_frn, kr_passport, kr_rrn};
pub use ng::{ng_nin, ng_vehicle_registration};
pub use ph::{ph_passport, ph_tin, ph_umid};
pub use pl::pl_pesel;
pub use se::{se_organisationsnummer, se_personnummer};
pub use sg::{sg_fin, sg_uen};
pub use th::th_tnin;
pub use tr::{tr_license_plate, tr_national_id};
pub use uk::{uk_driving_licence, uk_passport, uk_postcode, uk_vehicle_registration};
pub use us::{
    aba_routing, us_claim_number, us_health_insurance_member_id, us_mbi, us_npi,
    us_prescription_number, us_prior_authorization_number, us_provider_tax_id, us_referral_number,
};
pub use za::{
    za_company_registration, za_driver_license, za_id_number, za_income_tax_number,
    za_license_plate, za_passport, za_traffic_register_number, za_vat_number,
};
pub use za_phone::{za_mobile_number, za_telephone_number};

pub(crate) use au::SPECS as AU;
pub(crate) use ca::SPECS as CA;
pub(crate) use de::SPECS as DE;
pub(crate) use es::SPECS as ES;
pub(crate) use fi::SPECS as FI;
pub(crate) use in_::SPECS as IN;
pub(crate) use it::SPECS as IT;
pub(crate) use kr::SPECS as KR;
pub(crate) use ng::SPECS as NG;
pub(crate) use ph::SPECS as PH;
pub(crate) use pl::SPECS as PL;
pub(crate) use se::SPECS as SE;
pub(crate) use sg::SPECS as SG;
pub(crate) use th::SPECS as TH;
pub(crate) use tr::SPECS as TR;
pub(crate) use uk::SPECS as UK;
pub(crate) use us::SPECS as US;
pub(crate) use za::SPECS as ZA;
pub(crate) use za_phone::SPECS as ZA_PHONE;

use std::sync::Arc;

use super::StandalonePatternRecognizer;
use super::catalog::{Languages, Spec};
use crate::{PatternRecognizerBuilder, Recognizer, Validation};

/// Every country's catalog entries.
pub(crate) const ALL: &[&[Spec]] = &[
    AU, CA, DE, ES, FI, IN, IT, KR, NG, PH, PL, SE, SG, TH, TR, UK, US, ZA, ZA_PHONE,
];

/// An ASCII word boundary: fast on non-ASCII text, and right for identifiers made of ASCII characters.
const B: &str = r"(?-u:\b)";

/// `Valid` when a check proves the value, `Invalid` otherwise.
fn proven(ok: bool) -> Validation {
    if ok {
        Validation::Valid
    } else {
        Validation::Invalid
    }
}

/// `Unknown` (keep the base score) when a weak check passes, `Invalid` otherwise.
fn plausible(ok: bool) -> Validation {
    if ok {
        Validation::Unknown
    } else {
        Validation::Invalid
    }
}

/// A short identifier with some characters removed, on the stack.
struct Compact {
    buf: [u8; 24],
    len: usize,
}

impl Compact {
    /// `value` without the bytes for which `drop` is true; `None` if the rest is longer than 24 bytes.
    fn new(value: &str, drop: impl Fn(u8) -> bool) -> Option<Compact> {
        let mut c = Compact {
            buf: [0; 24],
            len: 0,
        };
        for b in value.bytes().filter(|&b| !drop(b)) {
            *c.buf.get_mut(c.len)? = b;
            c.len += 1;
        }
        Some(c)
    }

    fn as_str(&self) -> &str {
        // Only whole ASCII separator bytes are removed, so the rest is still UTF-8.
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

/// A catalog entry that is off by default and serves English.
const fn off_en(name: &'static str, build: fn() -> Arc<dyn Recognizer>) -> Spec {
    Spec {
        name,
        languages: Languages::Only(&["en"]),
        enabled_by_default: false,
        build,
    }
}

/// A catalog entry that is off by default and serves English and French (Canada).
const fn off_en_fr(name: &'static str, build: fn() -> Arc<dyn Recognizer>) -> Spec {
    Spec {
        name,
        languages: Languages::Only(&["en", "fr"]),
        enabled_by_default: false,
        build,
    }
}

/// Builds a constant pattern recognizer and makes its results stand alone as tokens.
fn whole(builder: &mut PatternRecognizerBuilder) -> StandalonePatternRecognizer {
    StandalonePatternRecognizer::new(
        builder
            .build()
            .expect("constant country patterns compile (tested)"),
        token::stands_alone,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RecognizerContext;
    use crate::recognizers::{Languages, catalog};

    /// Presidio 2.2.366's names, entity types, languages and default states
    /// (`conf/default_recognizers.yaml` and each recognizer's `supported_entity`).
    const PRESIDIO: &[(&str, &str, &[&str], bool)] = &[
        ("EsNifRecognizer", "ES_NIF", &["es"], true),
        ("EsNieRecognizer", "ES_NIE", &["es"], true),
        ("EsPassportRecognizer", "ES_PASSPORT", &["es"], false),
        (
            "ItDriverLicenseRecognizer",
            "IT_DRIVER_LICENSE",
            &["it"],
            true,
        ),
        ("ItFiscalCodeRecognizer", "IT_FISCAL_CODE", &["it"], true),
        ("ItVatCodeRecognizer", "IT_VAT_CODE", &["it"], true),
        (
            "ItIdentityCardRecognizer",
            "IT_IDENTITY_CARD",
            &["it"],
            true,
        ),
        ("ItPassportRecognizer", "IT_PASSPORT", &["it"], true),
        ("PlPeselRecognizer", "PL_PESEL", &["pl"], true),
        (
            "FiPersonalIdentityCodeRecognizer",
            "FI_PERSONAL_IDENTITY_CODE",
            &["fi"],
            false,
        ),
        (
            "SeOrganisationsnummerRecognizer",
            "SE_ORGANISATIONSNUMMER",
            &["sv"],
            false,
        ),
        (
            "SePersonnummerRecognizer",
            "SE_PERSONNUMMER",
            &["sv"],
            false,
        ),
        ("TrNationalIdRecognizer", "TR_NATIONAL_ID", &["tr"], false),
        (
            "TrLicensePlateRecognizer",
            "TR_LICENSE_PLATE",
            &["tr"],
            false,
        ),
        ("KrBrnRecognizer", "KR_BRN", &["ko"], false),
        ("KrRrnRecognizer", "KR_RRN", &["ko", "kr"], false),
        (
            "KrDriverLicenseRecognizer",
            "KR_DRIVER_LICENSE",
            &["ko"],
            false,
        ),
        ("KrFrnRecognizer", "KR_FRN", &["ko"], false),
        ("KrPassportRecognizer", "KR_PASSPORT", &["ko", "kr"], false),
        ("ThTninRecognizer", "TH_TNIN", &["th"], false),
        ("DeTaxIdRecognizer", "DE_TAX_ID", &["de"], false),
        ("DeTaxNumberRecognizer", "DE_TAX_NUMBER", &["de"], false),
        ("DePassportRecognizer", "DE_PASSPORT", &["de"], false),
        ("DeIdCardRecognizer", "DE_ID_CARD", &["de"], false),
        (
            "DeSocialSecurityRecognizer",
            "DE_SOCIAL_SECURITY",
            &["de"],
            false,
        ),
        (
            "DeHealthInsuranceRecognizer",
            "DE_HEALTH_INSURANCE",
            &["de"],
            false,
        ),
        ("DeKfzRecognizer", "DE_KFZ", &["de"], false),
        (
            "DeHandelsregisterRecognizer",
            "DE_HANDELSREGISTER",
            &["de"],
            false,
        ),
        ("DePlzRecognizer", "DE_PLZ", &["de"], false),
        ("DeLanrRecognizer", "DE_LANR", &["de"], false),
        ("DeBsnrRecognizer", "DE_BSNR", &["de"], false),
        ("DeVatIdRecognizer", "DE_VAT_ID", &["de"], false),
        (
            "DeFuehrerscheinRecognizer",
            "DE_FUEHRERSCHEIN",
            &["de"],
            false,
        ),
    ];

    #[test]
    fn names_entities_languages_and_states_follow_presidio() {
        let families = [ES, IT, PL, FI, SE, DE, TR, KR, TH];
        let mine: Vec<&str> = families
            .iter()
            .flat_map(|f| f.iter().map(|s| s.name))
            .collect();
        assert_eq!(mine.len(), PRESIDIO.len());
        for &(name, entity, langs, on) in PRESIDIO {
            let spec = catalog().find(|s| s.name == name).expect(name);
            assert_eq!(spec.languages, Languages::Only(langs), "{name}");
            assert_eq!(spec.enabled_by_default, on, "{name}");
            let r = (spec.build)();
            assert_eq!(r.supported_entities()[0].as_str(), entity, "{name}");
            assert_eq!(r.supported_language(), langs[0], "{name}");
        }
    }

    #[test]
    fn compact_strips_and_bounds() {
        let sep = |b: u8| matches!(b, b' ' | b'-' | b'.');
        let c = Compact::new("12.345.678-Z", sep).unwrap();
        assert_eq!(c.as_str(), "12345678Z");
        assert!(Compact::new(&"1".repeat(25), sep).is_none());
        let c = Compact::new("é-ü", sep).unwrap();
        assert_eq!(c.as_str(), "éü");
    }

    /// Every recognizer on awkward inputs: no panic, offsets on char boundaries, values inside the text.
    #[test]
    fn robust_on_awkward_text() {
        let long_digits = "1".repeat(5000);
        let mixed = "2341 2341 2346-😀-S1234567D/é/082 123 4567/(021) 123-4567)".repeat(50);
        let texts = [
            "",
            " ",
            "+",
            "+27",
            "(0",
            "(011",
            "0027",
            "AB",
            "9",
            "é😀中文",
            long_digits.as_str(),
            mixed.as_str(),
            "GIR 0AA SW1A 2AA MORGA753116SM9IJ 1EG4-TE5-MK73 MH 12 AB 1234 77 CD 12 2019/123456/07",
            "Claim #: 123456789 Rx: 1234567 Billing provider TIN: 12-3456789 PA-1234567",
        ];
        for spec in ALL.iter().flat_map(|specs| specs.iter()) {
            let r = (spec.build)();
            let ents = r.supported_entities().to_vec();
            let ctx = RecognizerContext::new(&ents, "en");
            for text in texts {
                let mut out = Vec::new();
                r.analyze(text, &ctx, &mut out).unwrap();
                for res in &out {
                    assert!(
                        res.start < res.end && res.end <= text.len(),
                        "{}",
                        spec.name
                    );
                    assert!(text.is_char_boundary(res.start) && text.is_char_boundary(res.end));
                    assert!((0.0..=1.0).contains(&res.score));
                }
            }
        }
    }
}
