//! Checksum and format validators used by the predefined recognizers, each a small tested function.
//!
//! They take the matched text (separators included unless said otherwise) and answer whether it can be a
//! real identifier of the kind. They never allocate on the common path and never panic.

mod btc;
mod dates;
mod dea;
mod iban;
mod icao9303;
mod iso7064;
mod it_fiscal_code;
mod luhn;
mod mod23;
mod mod31;
mod nhs;
mod se_luhn;
mod ssn;
mod tld;
mod uk_nino;
mod us_itin;
mod weighted;

pub use btc::{btc_base58_is_valid, btc_bech32_is_valid};
pub use dea::dea_is_valid;
pub use iban::{iban_is_valid, iban_length};
pub use luhn::{luhn, luhn_digits};
pub use nhs::nhs_is_valid;
pub use ssn::us_ssn_is_invalid;
pub use tld::is_public_tld;
pub use uk_nino::uk_nino_is_valid;
pub use us_itin::us_itin_is_valid;

pub use dates::is_valid_date;
pub use icao9303::icao9303_check_digit;
pub use iso7064::{de_tax_id, iso7064_mod_11_10};
pub use it_fiscal_code::it_fiscal_code;
pub use mod23::{es_nie, es_nif};
pub use mod31::fi_hetu;
pub use se_luhn::{se_organisationsnummer, se_personnummer};
pub use weighted::{
    KrRegistration, de_kvnr, de_lanr, de_rvnr, it_vat_code, kr_brn, kr_registration_checksum,
    kr_registration_date, pl_pesel, th_tnin, tr_tckn,
};

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
pub(crate) mod scan;
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
