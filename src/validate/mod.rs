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

// Country-specific checks for AU, IN, SG, NG, PH, ZA, CA and the disabled US recognizers.
mod aba;
mod au_abn;
mod au_acn;
mod au_medicare;
mod au_tfn;
pub(crate) mod civil_date;
pub(crate) mod grouped;
mod in_gstin;
mod ph_tin;
mod sg_nric;
mod sg_uen;
mod us_npi;
mod verhoeff;
mod za_id;
mod za_tax;

pub use aba::aba_routing;
pub use au_abn::au_abn;
pub use au_acn::au_acn;
pub use au_medicare::au_medicare;
pub use au_tfn::au_tfn;
pub use in_gstin::in_gstin;
pub use in_gstin::is_pan_holder_type;
pub use ph_tin::ph_tin;
pub use sg_nric::sg_nric_fin;
pub use sg_uen::sg_uen;
pub use us_npi::us_npi;
pub use verhoeff::{verhoeff, verhoeff_digits};
pub use za_id::za_id_number;
pub use za_tax::za_tax_number;

/// The ASCII digits of `s`, in order, ignoring every other character.
pub fn digits(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0')
}
