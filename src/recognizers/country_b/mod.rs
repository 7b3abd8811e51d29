//! Country-specific recognizers for Australia, India, Singapore, Nigeria, the Philippines, South Africa
//! and Canada, plus the US and UK recognizers Presidio ships disabled. All are off by default (as in
//! Presidio 2.2.366); enable them by name with
//! [`predefined_by_name`](super::predefined_by_name) or the registry.
//!
//! Scoring policy, where it departs from Presidio:
//!
//! - A check that one random candidate in ~10 passes (mod 10, mod 11, Luhn, Verhoeff on a bare digit
//!   run) only *gates*: a failing value is dropped, a passing one keeps its low base score, so context
//!   words are needed to reach 0.4 or more. Presidio raises every passing value to 1.0.
//! - A value reaches 1.0 only when a strong check passes on a distinctive layout (SG NRIC/FIN and UEN
//!   check letters, GSTIN mod-36, ZA ID date + Luhn, a spaced ABN with mod 89).
//! - Letters are matched in upper case only (Presidio matches case-insensitively, so `was 12 a` is a UK
//!   suffix-style number plate).
//! - Every result must stand alone as a token ([`token`]).

mod au;
mod ca;
mod in_;
mod ng;
mod ph;
mod sg;
mod token;
mod uk_extra;
mod us_extra;
mod za;
mod za_phone;

use std::sync::Arc;

use super::catalog::{Languages, Spec};
use crate::{PatternRecognizer, PatternRecognizerBuilder, Recognizer};

pub use au::{au_abn, au_acn, au_medicare, au_tfn};
pub use ca::{ca_postal_code, ca_sin};
pub use in_::{in_aadhaar, in_gstin, in_pan, in_passport, in_vehicle_registration, in_voter};
pub use ng::{ng_nin, ng_vehicle_registration};
pub use ph::{ph_passport, ph_tin, ph_umid};
pub use sg::{sg_fin, sg_uen};
pub use uk_extra::{uk_driving_licence, uk_passport, uk_postcode, uk_vehicle_registration};
pub use us_extra::{
    aba_routing, us_claim_number, us_health_insurance_member_id, us_mbi, us_npi,
    us_prescription_number, us_prior_authorization_number, us_provider_tax_id, us_referral_number,
};
pub use za::{
    za_company_registration, za_driver_license, za_id_number, za_income_tax_number,
    za_license_plate, za_passport, za_traffic_register_number, za_vat_number,
};
pub use za_phone::{za_mobile_number, za_telephone_number};

/// ASCII word boundary: fast on non-ASCII text (DESIGN.md §6).
const B: &str = r"(?-u:\b)";

/// Catalog entries, all off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("AuAbnRecognizer", || Arc::new(au_abn())),
    off_en("AuAcnRecognizer", || Arc::new(au_acn())),
    off_en("AuTfnRecognizer", || Arc::new(au_tfn())),
    off_en("AuMedicareRecognizer", || Arc::new(au_medicare())),
    off_en("InPanRecognizer", || Arc::new(in_pan())),
    off_en("InAadhaarRecognizer", || Arc::new(in_aadhaar())),
    off_en("InVehicleRegistrationRecognizer", || {
        Arc::new(in_vehicle_registration())
    }),
    off_en("InVoterRecognizer", || Arc::new(in_voter())),
    off_en("InPassportRecognizer", || Arc::new(in_passport())),
    off_en("InGstinRecognizer", || Arc::new(in_gstin())),
    off_en("SgFinRecognizer", || Arc::new(sg_fin())),
    off_en("SgUenRecognizer", || Arc::new(sg_uen())),
    off_en("NgNinRecognizer", || Arc::new(ng_nin())),
    off_en("NgVehicleRegistrationRecognizer", || {
        Arc::new(ng_vehicle_registration())
    }),
    off_en("PhPassportRecognizer", || Arc::new(ph_passport())),
    off_en("PhTinRecognizer", || Arc::new(ph_tin())),
    off_en("PhUmidRecognizer", || Arc::new(ph_umid())),
    off_en("ZaIdNumberRecognizer", || Arc::new(za_id_number())),
    off_en("ZaCompanyRegistrationRecognizer", || {
        Arc::new(za_company_registration())
    }),
    off_en(
        "ZaDriverLicenseRecognizer",
        || Arc::new(za_driver_license()),
    ),
    off_en("ZaIncomeTaxNumberRecognizer", || {
        Arc::new(za_income_tax_number())
    }),
    off_en("ZaLicensePlateRecognizer", || Arc::new(za_license_plate())),
    off_en("ZaMobileNumberRecognizer", || Arc::new(za_mobile_number())),
    off_en("ZaPassportRecognizer", || Arc::new(za_passport())),
    off_en("ZaTrafficRegisterNumberRecognizer", || {
        Arc::new(za_traffic_register_number())
    }),
    off_en("ZaTelephoneNumberRecognizer", || {
        Arc::new(za_telephone_number())
    }),
    off_en("ZaVatNumberRecognizer", || Arc::new(za_vat_number())),
    off_en_fr("CaSinRecognizer", || Arc::new(ca_sin())),
    off_en_fr("CaPostalCodeRecognizer", || Arc::new(ca_postal_code())),
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
    off_en("UkDrivingLicenceRecognizer", || {
        Arc::new(uk_driving_licence())
    }),
    off_en("UkPassportRecognizer", || Arc::new(uk_passport())),
    off_en("UkPostcodeRecognizer", || Arc::new(uk_postcode())),
    off_en("UkVehicleRegistrationRecognizer", || {
        Arc::new(uk_vehicle_registration())
    }),
];

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
fn whole(builder: &mut PatternRecognizerBuilder) -> token::WholeToken<PatternRecognizer> {
    token::WholeToken::new(
        builder
            .build()
            .expect("constant country patterns compile (tested)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RecognizerContext;

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
        for spec in SPECS {
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
