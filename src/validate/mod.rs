//! Checksum and format validators used by the predefined recognizers, each a small tested function.
//!
//! They take the matched text (separators included unless said otherwise) and answer whether it can be a
//! real identifier of the kind. They never allocate on the common path and never panic.

mod luhn;
mod ssn;
mod tld;

pub use luhn::{luhn, luhn_digits};
pub use ssn::us_ssn_is_invalid;
pub use tld::is_public_tld;

/// The ASCII digits of `s`, in order, ignoring every other character.
pub fn digits(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0')
}
