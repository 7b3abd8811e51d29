//! Country-specific recognizers for Spain, Italy, Poland, Finland, Sweden, Germany, Turkey, Korea and
//! Thailand, with Presidio's names, entity types, languages and default states (Spain, Italy and Poland on
//! for their language, the rest off).
//!
//! Scores follow Presidio's patterns, with two rules applied throughout: every pattern has ASCII word
//! boundaries (so an identifier inside a longer token is not reported), and a check that a random digit run
//! passes one time in ten or more (a single check digit on 10 digits or fewer) only drops failures: such a
//! match keeps a low base score until a context word raises it. Checks that prove more (two check digits,
//! a check character plus a birth date) set the score to 1.0 as in Presidio.

mod de;
mod es;
mod fi;
mod it;
mod kr;
mod pl;
mod se;
mod th;
mod tr;

pub use de::{
    de_bsnr, de_fuehrerschein, de_handelsregister, de_health_insurance, de_id_card, de_kfz,
    de_lanr, de_passport, de_plz, de_social_security, de_tax_id, de_tax_number, de_vat_id,
};
pub use es::{es_nie, es_nif, es_passport};
pub use fi::fi_personal_identity_code;
pub use it::{it_driver_license, it_fiscal_code, it_identity_card, it_passport, it_vat_code};
pub use kr::{kr_brn, kr_driver_license, kr_frn, kr_passport, kr_rrn};
pub use pl::pl_pesel;
pub use se::{se_organisationsnummer, se_personnummer};
pub use th::th_tnin;
pub use tr::{tr_license_plate, tr_national_id};

pub(crate) use de::SPECS as DE;
pub(crate) use es::SPECS as ES;
pub(crate) use fi::SPECS as FI;
pub(crate) use it::SPECS as IT;
pub(crate) use kr::SPECS as KR;
pub(crate) use pl::SPECS as PL;
pub(crate) use se::SPECS as SE;
pub(crate) use th::SPECS as TH;
pub(crate) use tr::SPECS as TR;

use crate::Validation;

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

#[cfg(test)]
mod tests {
    use super::*;
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
}
