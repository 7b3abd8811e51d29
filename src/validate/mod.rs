//! Checksum and format validators used by the predefined recognizers, each a small tested function.
//!
//! They take the matched text (separators included unless said otherwise) and answer whether it can be a
//! real identifier of the kind. They never allocate on the common path and never panic.

mod btc;
mod dea;
mod iban;
mod luhn;
mod nhs;
mod ssn;
mod tld;
mod uk_nino;
mod us_itin;

pub use btc::{btc_base58_is_valid, btc_bech32_is_valid};
pub use dea::dea_is_valid;
pub use iban::{iban_is_valid, iban_length};
pub use luhn::{luhn, luhn_digits};
pub use nhs::nhs_is_valid;
pub use ssn::us_ssn_is_invalid;
pub use tld::is_public_tld;
pub use uk_nino::uk_nino_is_valid;
pub use us_itin::us_itin_is_valid;

/// The ASCII digits of `s`, in order, ignoring every other character.
pub fn digits(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0')
}
