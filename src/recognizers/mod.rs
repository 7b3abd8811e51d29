//! Predefined recognizers, one family per file.
//!
//! | recognizer | entity | how |
//! |---|---|---|
//! | `EmailRecognizer` | `EMAIL_ADDRESS` | address shape; the domain must end in a public top-level domain |
//! | `PhoneRecognizer` | `PHONE_NUMBER` | E.164 and common national layouts, extensions; dates, IPs, cards rejected |
//! | `CreditCardRecognizer` | `CREDIT_CARD` | 13–19 digits, one separator kind, real brand prefix and length, Luhn |
//! | `UsSsnRecognizer` | `US_SSN` | Presidio's five patterns; SSA invalid areas, groups, serials rejected |
//! | `IpRecognizer` | `IP_ADDRESS` | IPv4 and IPv6 parsed by `std::net`; versions and OIDs rejected |
//! | `UrlRecognizer` | `URL` | scheme, `www.` or host + path; ends at a real boundary |
//! | `LabeledPersonRecognizer` | `PERSON` | names after labels, honorifics, greetings and sign-offs |
//! | `Es…`, `It…`, `Pl…`, `Fi…`, `Se…`, `De…`, `Tr…`, `Kr…`, `Th…` | `ES_NIF`, `IT_FISCAL_CODE`, … | national identifiers with their check digits; see the `country` module source |
//!
//! [`catalog`] lists every predefined recognizer with its languages and default state; [`predefined`]
//! returns those enabled by default for a language. Each is compiled on first use and shared.

mod catalog;
mod country;
mod credit_card;
mod email;
mod ip;
mod person;
mod phone;
mod ssn;
mod url;

pub use catalog::{Languages, Spec, catalog, predefined, predefined_by_name};
pub use country::{
    de_bsnr, de_fuehrerschein, de_handelsregister, de_health_insurance, de_id_card, de_kfz,
    de_lanr, de_passport, de_plz, de_social_security, de_tax_id, de_tax_number, de_vat_id, es_nie,
    es_nif, es_passport, fi_personal_identity_code, it_driver_license, it_fiscal_code,
    it_identity_card, it_passport, it_vat_code, kr_brn, kr_driver_license, kr_frn, kr_passport,
    kr_rrn, pl_pesel, se_organisationsnummer, se_personnummer, th_tnin, tr_license_plate,
    tr_national_id,
};
pub use credit_card::{CreditCardRecognizer, credit_card};
pub use email::email;
pub use ip::{IpRecognizer, ip};
pub use person::labeled_person;
pub use phone::{PhoneRecognizer, phone};
pub use ssn::us_ssn;
pub use url::{UrlRecognizer, url};

/// Every family's catalog entries, in the order the engine runs them.
const SPECS: &[&[Spec]] = &[
    email::SPECS,
    phone::SPECS,
    credit_card::SPECS,
    ssn::SPECS,
    ip::SPECS,
    url::SPECS,
    person::SPECS,
    country::ES,
    country::IT,
    country::PL,
    country::FI,
    country::SE,
    country::DE,
    country::TR,
    country::KR,
    country::TH,
];
