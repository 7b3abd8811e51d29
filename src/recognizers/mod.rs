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
//!
//! [`predefined`] returns them for a language; they are compiled once per process and shared.

use std::sync::{Arc, LazyLock};

use crate::Recognizer;

mod credit_card;
mod email;
mod ip;
mod person;
mod phone;
mod ssn;
mod url;

pub use credit_card::{CreditCardRecognizer, credit_card};
pub use email::email;
pub use ip::{IpRecognizer, ip};
pub use person::labeled_person;
pub use phone::{PhoneRecognizer, phone};
pub use ssn::us_ssn;
pub use url::{UrlRecognizer, url};

static ENGLISH: LazyLock<Vec<Arc<dyn Recognizer>>> = LazyLock::new(|| {
    vec![
        Arc::new(email()),
        Arc::new(phone()),
        Arc::new(credit_card()),
        Arc::new(us_ssn()),
        Arc::new(ip()),
        Arc::new(url()),
        Arc::new(labeled_person()),
    ]
});

/// The predefined recognizers enabled by default for `language` (ISO 639-1), shared `Arc`s of recognizers
/// compiled once per process. Languages without predefined recognizers get an empty list.
pub fn predefined(language: &str) -> Vec<Arc<dyn Recognizer>> {
    match language {
        "en" => ENGLISH.clone(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_predefined_recognizer_builds_with_a_unique_name() {
        let all = predefined("en");
        assert!(all.len() >= 7);
        let mut names: Vec<&str> = all.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
        assert!(predefined("xx").is_empty());
    }
}
