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
//! | `LocationRecognizer` | `LOCATION` | address grammar (streets, cities, regions, postcodes), GeoNames gazetteer, place cues |
//! | `OrganizationRecognizer` | `ORGANIZATION` | legal forms, institutions, law-firm names, well-known names, employer cues |
//!
//! [`catalog`] lists every predefined recognizer with its languages and default state; [`predefined`]
//! returns those enabled by default for a language. Each is compiled on first use and shared.

mod catalog;
mod credit_card;
mod email;
mod ip;
mod location;
mod organization;
mod person;
mod phone;
mod ssn;
mod url;

pub use catalog::{Languages, Spec, catalog, predefined, predefined_by_name};
pub use credit_card::{CreditCardRecognizer, credit_card};
pub use email::email;
pub use ip::{IpRecognizer, ip};
pub use location::{LocationRecognizer, location};
pub use organization::{OrganizationRecognizer, organization};
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
    location::SPECS,
    organization::SPECS,
];
