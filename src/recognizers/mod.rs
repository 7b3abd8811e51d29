//! Predefined recognizers, one family per file.
//!
//! | recognizer | entity | how |
//! |---|---|---|
//! | `EmailRecognizer` | `EMAIL_ADDRESS` | address shape; the domain must end in a public top-level domain |
//! | `PhoneRecognizer` | `PHONE_NUMBER` | libphonenumber numbering plans: `+`/`00` numbers of any country, national ones of default regions; extensions; dates, IPs, cards rejected |
//! | `CreditCardRecognizer` | `CREDIT_CARD` | 13–19 digits, one separator kind, real brand prefix and length, Luhn |
//! | `UsSsnRecognizer` | `US_SSN` | Presidio's five patterns; SSA invalid areas, groups, serials rejected |
//! | `IpRecognizer` | `IP_ADDRESS` | IPv4 and IPv6 parsed by `std::net`; versions and OIDs rejected |
//! | `UrlRecognizer` | `URL` | scheme, `www.` or host + path; ends at a real boundary |
//! | `DateRecognizer` | `DATE_TIME` | ISO, numeric and written dates in six languages; log timestamps skipped |
//! | `LabeledPersonRecognizer` | `PERSON` | names after labels, honorifics, greetings and sign-offs (off by default; the gazetteer recognizer covers it) |
//! | `GazetteerPersonRecognizer` | `PERSON` | given-name and surname lists, cues, word shape, common-word rejection |
//! | `NrpRecognizer` | `NRP` | nationalities, religions and political groups from a curated list |
//! | `IbanRecognizer` | `IBAN_CODE` | registry country + length, mod-97; compact or print form |
//! | `CryptoRecognizer` | `CRYPTO` | Bitcoin Base58Check and Bech32/Bech32m, checksums decoded |
//! | `MacAddressRecognizer` | `MAC_ADDRESS` | colon, hyphen, Cisco dotted; no group, zero or chained addresses |
//! | `UuidRecognizer` | `UUID` | 8-4-4-4-12 hex with RFC version and variant |
//! | `MedicalLicenseRecognizer` | `MEDICAL_LICENSE` | US DEA registration numbers with check digit |
//! | `NhsRecognizer` | `UK_NHS` | ten digits, mod-11 |
//! | `UkNinoRecognizer` | `UK_NINO` | HMRC prefix and suffix rules (off by default) |
//! | `UsBankRecognizer`, `UsLicenseRecognizer`, `UsItinRecognizer`, `UsPassportRecognizer` | `US_BANK_NUMBER`, `US_DRIVER_LICENSE`, `US_ITIN`, `US_PASSPORT` | weak shapes that need context |
//! | `Es…`, `De…`, `Au…`, `In…`, … | `ES_NIF`, `DE_TAX_ID`, `AU_ABN`, … | national identifiers with their check digits, one file per country (`country/`); Spain, Italy and Poland on for their language, the rest off |
//! | `LocationRecognizer` | `LOCATION` | address grammar (streets, cities, regions, postcodes), GeoNames gazetteer, place cues |
//! | `OrganizationRecognizer` | `ORGANIZATION` | legal forms, institutions, law-firm names, well-known names, employer cues |
//!
//! [`catalog`] lists every predefined recognizer with its languages and default state; [`predefined`]
//! returns those enabled by default for a language. Each is compiled on first use and shared.

mod catalog;
mod columns;
mod country;
mod credit_card;
mod crypto;
mod cue;
mod date;
mod email;
#[cfg(test)]
mod glued;
pub(crate) mod hash;
mod iban;
mod ip;
mod location;
pub(crate) use location::Layout;
mod mac;
mod medical_license;
mod organization;
mod person;
mod phone;
mod ssn;
mod standalone;
mod uk_nhs;
mod uk_nino;
mod url;
mod us_ids;
mod uuid;

pub use catalog::{Languages, Spec, catalog, predefined, predefined_by_name};
pub use country::{
    aba_routing, au_abn, au_acn, au_medicare, au_tfn, ca_postal_code, ca_sin, de_bsnr,
    de_fuehrerschein, de_handelsregister, de_health_insurance, de_id_card, de_kfz, de_lanr,
    de_passport, de_plz, de_social_security, de_tax_id, de_tax_number, de_vat_id, es_nie, es_nif,
    es_passport, fi_personal_identity_code, in_aadhaar, in_gstin, in_pan, in_passport,
    in_vehicle_registration, in_voter, it_driver_license, it_fiscal_code, it_identity_card,
    it_passport, it_vat_code, kr_brn, kr_driver_license, kr_frn, kr_passport, kr_rrn, ng_nin,
    ng_vehicle_registration, ph_passport, ph_tin, ph_umid, pl_pesel, se_organisationsnummer,
    se_personnummer, sg_fin, sg_uen, th_tnin, tr_license_plate, tr_national_id, uk_driving_licence,
    uk_passport, uk_postcode, uk_vehicle_registration, us_claim_number,
    us_health_insurance_member_id, us_mbi, us_npi, us_prescription_number,
    us_prior_authorization_number, us_provider_tax_id, us_referral_number, za_company_registration,
    za_driver_license, za_id_number, za_income_tax_number, za_license_plate, za_mobile_number,
    za_passport, za_telephone_number, za_traffic_register_number, za_vat_number,
};
pub use credit_card::{CreditCardRecognizer, credit_card};
pub use crypto::crypto;
pub use date::{DateRecognizer, date};
pub use email::email;
pub use iban::{IbanRecognizer, iban};
pub use ip::{IpRecognizer, ip};
pub use location::{LocationRecognizer, location};
pub use mac::mac_address;
pub use medical_license::medical_license;
pub use organization::{OrganizationRecognizer, organization};
pub use person::{GazetteerPersonRecognizer, NrpRecognizer, gazetteer_person, labeled_person, nrp};
pub use phone::{PhoneRecognizer, phone};
pub use ssn::us_ssn;
pub use standalone::StandalonePatternRecognizer;
pub use uk_nhs::nhs;
pub use uk_nino::uk_nino;
pub use url::{UrlRecognizer, url};
pub use us_ids::{us_bank, us_itin, us_license, us_passport};
pub use uuid::uuid;

/// Every global family's catalog entries, in the order the engine runs them; country families follow.
const SPECS: &[&[Spec]] = &[
    email::SPECS,
    phone::SPECS,
    credit_card::SPECS,
    ssn::SPECS,
    ip::SPECS,
    url::SPECS,
    person::SPECS,
    date::SPECS,
    iban::SPECS,
    crypto::SPECS,
    mac::SPECS,
    uuid::SPECS,
    medical_license::SPECS,
    uk_nhs::SPECS,
    uk_nino::SPECS,
    us_ids::SPECS,
    location::SPECS,
    organization::SPECS,
];
