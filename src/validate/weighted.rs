//! Weighted-sum check digits of national identifiers, each with the structural rules (dates, ranges) of
//! its format: Polish PESEL, Turkish TCKN, Korean RRN/FRN and business numbers, Thai ID numbers, Italian
//! VAT codes, German LANR, Rentenversicherungsnummer and KVNR.
//!
//! Each function takes the identifier's characters with separators already removed unless it says
//! otherwise, returns `false` for any other input, and never panics.

use super::dates::{is_valid_date, number_at};
use super::luhn::luhn_digits;

/// The digit values of `s` if it is exactly `len` ASCII digits.
fn fixed_digits<const N: usize>(s: &str) -> Option<[u8; N]> {
    let b = s.as_bytes();
    if b.len() != N {
        return None;
    }
    let mut out = [0u8; N];
    for (o, &c) in out.iter_mut().zip(b) {
        if !c.is_ascii_digit() {
            return None;
        }
        *o = c - b'0';
    }
    Some(out)
}

/// `Σ dᵢ·wᵢ` over the leading digits.
fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

/// Polish PESEL: 11 digits `YYMMDDZZZXQ`; the month carries the century (+80 for 1800s, +0 for 1900s,
/// +20, +40, +60 for 2000s, 2100s, 2200s), the birth date must exist, and the check digit is
/// `(10 − Σ dᵢ·(1,3,7,9,1,3,7,9,1,3) mod 10) mod 10`.
pub fn pl_pesel(value: &str) -> bool {
    let Some(d) = fixed_digits::<11>(value) else {
        return false;
    };
    let sum = weighted_sum(&d[..10], &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]);
    if (10 - sum % 10) % 10 != u32::from(d[10]) {
        return false;
    }
    let b = value.as_bytes();
    let (Some(yy), Some(mm), Some(dd)) =
        (number_at(b, 0..2), number_at(b, 2..4), number_at(b, 4..6))
    else {
        return false;
    };
    let (century, month) = match mm {
        81..=92 => (1800, mm - 80),
        1..=12 => (1900, mm),
        21..=32 => (2000, mm - 20),
        41..=52 => (2100, mm - 40),
        61..=72 => (2200, mm - 60),
        _ => return false,
    };
    is_valid_date(century + yy, month, dd)
}

/// Turkish TC Kimlik No: 11 digits, the first not 0; the 10th digit is
/// `(7·(d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10` and the 11th is `(d1+…+d10) mod 10` (NVİ).
pub fn tr_tckn(value: &str) -> bool {
    let Some(d) = fixed_digits::<11>(value) else {
        return false;
    };
    if d[0] == 0 {
        return false;
    }
    let odd: i32 = [0, 2, 4, 6, 8].iter().map(|&i| i32::from(d[i])).sum();
    let even: i32 = [1, 3, 5, 7].iter().map(|&i| i32::from(d[i])).sum();
    let tenth = (odd * 7 - even).rem_euclid(10);
    let eleventh: i32 = d[..10].iter().map(|&x| i32::from(x)).sum::<i32>() % 10;
    tenth == i32::from(d[9]) && eleventh == i32::from(d[10])
}

/// Which Korean registration number a 13-digit `YYMMDD-GNNNNNC` value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KrRegistration {
    /// Resident (RRN): gender/century digit 1–4 (also 9, 0 for the 1800s).
    Resident,
    /// Foreigner (FRN): gender/century digit 5–8.
    Foreigner,
}

/// Whether a 13-digit Korean RRN or FRN (no hyphen) has a real birth date for its gender/century digit.
pub fn kr_registration_date(value: &str, kind: KrRegistration) -> bool {
    let Some(d) = fixed_digits::<13>(value) else {
        return false;
    };
    let century = match (kind, d[6]) {
        (KrRegistration::Resident, 1 | 2) | (KrRegistration::Foreigner, 5 | 6) => 1900,
        (KrRegistration::Resident, 3 | 4) | (KrRegistration::Foreigner, 7 | 8) => 2000,
        (KrRegistration::Resident, 9 | 0) => 1800,
        _ => return false,
    };
    let year = century + u32::from(d[0]) * 10 + u32::from(d[1]);
    let month = u32::from(d[2]) * 10 + u32::from(d[3]);
    let day = u32::from(d[4]) * 10 + u32::from(d[5]);
    is_valid_date(year, month, day)
}

/// Whether the check digit of a 13-digit Korean RRN or FRN (no hyphen) is right:
/// `S = Σ dᵢ·(2,3,4,5,6,7,8,9,2,3,4,5)`, check `(11 − S mod 11) mod 10` for residents and
/// `(13 − S mod 11) mod 10` for foreigners. Numbers issued since October 2020 have a random last digit,
/// so a failure here does not prove a number false.
pub fn kr_registration_checksum(value: &str, kind: KrRegistration) -> bool {
    let Some(d) = fixed_digits::<13>(value) else {
        return false;
    };
    let s = weighted_sum(&d[..12], &[2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]);
    let base = match kind {
        KrRegistration::Resident => 11,
        KrRegistration::Foreigner => 13,
    };
    (base - s % 11) % 10 == u32::from(d[12])
}

/// Korean business registration number (사업자등록번호), 10 digits: weights 1,3,7,1,3,7,1,3,5 on the first 9
/// digits, plus `⌊5·d9 / 10⌋`; the check digit is `(10 − S mod 10) mod 10` (National Tax Service).
pub fn kr_brn(value: &str) -> bool {
    let Some(d) = fixed_digits::<10>(value) else {
        return false;
    };
    let s = weighted_sum(&d[..9], &[1, 3, 7, 1, 3, 7, 1, 3, 5]) + u32::from(d[8]) * 5 / 10;
    (10 - s % 10) % 10 == u32::from(d[9])
}

/// Thai national ID number, 13 digits: `S = Σ dᵢ·(13, 12, …, 2)`, check `(11 − S mod 11) mod 10`. The first
/// digit (person category) is 1–8.
pub fn th_tnin(value: &str) -> bool {
    let Some(d) = fixed_digits::<13>(value) else {
        return false;
    };
    if !(1..=8).contains(&d[0]) {
        return false;
    }
    let s = weighted_sum(&d[..12], &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    (11 - s % 11) % 10 == u32::from(d[12])
}

/// Italian partita IVA, 11 digits: company number (7), provincial office (3: 001–100, 120, 121, 888, 999)
/// and a Luhn check digit. All zeros is rejected.
pub fn it_vat_code(value: &str) -> bool {
    let Some(d) = fixed_digits::<11>(value) else {
        return false;
    };
    if d[..7].iter().all(|&x| x == 0) {
        return false;
    }
    let office = u32::from(d[7]) * 100 + u32::from(d[8]) * 10 + u32::from(d[9]);
    let office_ok = matches!(office, 1..=100 | 120 | 121 | 888 | 999);
    office_ok && luhn_digits(d.iter().copied())
}

/// German lebenslange Arztnummer (LANR), 9 digits: the 7th digit is
/// `(10 − Σ dᵢ·(4,9,4,9,4,9) mod 10) mod 10` over the first six (KBV Arztnummern-Richtlinie).
pub fn de_lanr(value: &str) -> bool {
    let Some(d) = fixed_digits::<9>(value) else {
        return false;
    };
    let s = weighted_sum(&d[..6], &[4, 9, 4, 9, 4, 9]);
    (10 - s % 10) % 10 == u32::from(d[6])
}

/// Sum of the decimal digits of a product (Quersumme), for products below 100.
fn cross_sum(x: u32) -> u32 {
    x / 10 + x % 10
}

/// German Rentenversicherungsnummer, 12 characters `BBTTMMJJ` + surname letter + 2-digit serial + check
/// digit: the day is 01–31 (51–81 when disambiguated), the month 01–12; the letter becomes its two-digit
/// alphabet position, the 12 digits are weighted 2,1,2,5,7,1,2,1,2,1,2,1, the products' digit sums are
/// added, and the check digit is that sum mod 10 (VKVV § 4). Case of the letter is ignored.
pub fn de_rvnr(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 12 {
        return false;
    }
    let (Some(head), Some(letter), Some(serial), Some(check)) =
        (b.get(..8), b.get(8), b.get(9..11), b.get(11))
    else {
        return false;
    };
    if !head.iter().chain(serial).all(u8::is_ascii_digit)
        || !letter.is_ascii_alphabetic()
        || !check.is_ascii_digit()
    {
        return false;
    }
    let (Some(day), Some(month)) = (number_at(b, 2..4), number_at(b, 4..6)) else {
        return false;
    };
    if !((1..=31).contains(&day) || (51..=81).contains(&day)) || !(1..=12).contains(&month) {
        return false;
    }
    let pos = u32::from(letter.to_ascii_uppercase() - b'A' + 1);
    let mut digits = [0u32; 12];
    for (o, &c) in digits.iter_mut().zip(head) {
        *o = u32::from(c - b'0');
    }
    digits[8] = pos / 10;
    digits[9] = pos % 10;
    digits[10] = u32::from(serial[0] - b'0');
    digits[11] = u32::from(serial[1] - b'0');
    let weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
    let sum: u32 = digits
        .iter()
        .zip(weights)
        .map(|(&d, w)| cross_sum(d * w))
        .sum();
    sum % 10 == u32::from(check - b'0')
}

/// German Krankenversichertennummer (KVNR), 10 characters: a letter and 9 digits; the letter becomes its
/// two-digit alphabet position, the first 10 digits are weighted 1,2,1,2,…, the products' digit sums are
/// added, and the last digit is that sum mod 10 (§ 290 SGB V, Anlage 1). Case of the letter is ignored.
pub fn de_kvnr(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 10 {
        return false;
    }
    let Some((&letter, rest)) = b.split_first() else {
        return false;
    };
    if !letter.is_ascii_alphabetic() || !rest.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let pos = u32::from(letter.to_ascii_uppercase() - b'A' + 1);
    let mut digits = [0u32; 10];
    digits[0] = pos / 10;
    digits[1] = pos % 10;
    for (o, &c) in digits[2..].iter_mut().zip(&rest[..8]) {
        *o = u32::from(c - b'0');
    }
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| cross_sum(d * if i % 2 == 0 { 1 } else { 2 }))
        .sum();
    sum % 10 == u32::from(rest[8] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replaces the last character with each other digit and asserts all fail.
    fn other_last_digits_fail(valid: &str, check: fn(&str) -> bool) {
        assert!(check(valid), "{valid}");
        let (head, last) = valid.split_at(valid.len() - 1);
        for d in '0'..='9' {
            if last != d.to_string() {
                let v = format!("{head}{d}");
                assert!(!check(&v), "{v}");
            }
        }
    }

    #[test]
    fn pesel() {
        // pl.wikipedia "PESEL": 44051401359 (born 14 May 1944); 02070803628 (8 July 1902).
        other_last_digits_fail("44051401359", pl_pesel);
        other_last_digits_fail("02070803628", pl_pesel);
        // Computed: born 29 Feb 2000 (month 22), serial 1234 -> check 9.
        other_last_digits_fail("00222912349", pl_pesel);
        // 29 Feb 1900 is not a date, even with the right check digit (3).
        assert!(!pl_pesel("00022912343"));
        assert!(!pl_pesel("4405140135")); // 10 digits
        assert!(!pl_pesel("44131401355")); // month 13
        assert!(!pl_pesel("4405140135x"));
    }

    #[test]
    fn tckn() {
        // The NVİ test number widely used by Turkish e-government test suites.
        other_last_digits_fail("10000000146", tr_tckn);
        // Computed with the NVİ rules: 12345678950.
        other_last_digits_fail("12345678950", tr_tckn);
        assert!(!tr_tckn("02345678950")); // leading zero
        assert!(!tr_tckn("12345678960")); // 10th digit wrong
        assert!(!tr_tckn("1234567895"));
    }

    #[test]
    fn korean_registration() {
        use KrRegistration::*;
        // Computed: 850315-1234567 style numbers with real check digits.
        // 8503151234560: S = 8*2+5*3+0*4+3*5+1*6+5*7+1*8+2*9+3*2+4*3+5*4+6*5 = 181; (11 - 181 % 11) % 10 = 6.
        assert!(kr_registration_checksum("8503151234566", Resident));
        assert!(!kr_registration_checksum("8503151234567", Resident));
        assert!(kr_registration_date("8503151234566", Resident));
        // The same digits as a foreigner (G = 5): S = 213, (13 - 213 % 11) % 10 = 9.
        assert!(kr_registration_checksum("8503155234569", Foreigner));
        assert!(!kr_registration_checksum("8503155234569", Resident));
        assert!(kr_registration_date("8503155234569", Foreigner));
        assert!(!kr_registration_date("8503155234569", Resident));
        assert!(!kr_registration_date("8502305234564", Foreigner)); // 30 Feb
        assert!(kr_registration_date("0402293234564", Resident)); // 29 Feb 2004
        assert!(!kr_registration_date("0502293234564", Resident)); // 29 Feb 2005
        assert!(!kr_registration_date("850315123456", Resident));
    }

    #[test]
    fn brn() {
        // Samsung Electronics' published business registration number 124-81-00998.
        other_last_digits_fail("1248100998", kr_brn);
        assert!(!kr_brn("124810099"));
    }

    #[test]
    fn thai_id() {
        // Computed with the mod-11 rule: 1-1017-00207-03-? -> S = 111, check (11 - 1) % 10 = 0.
        other_last_digits_fail("1101700207030", th_tnin);
        assert!(!th_tnin("0101700207030")); // category 0
        assert!(!th_tnin("9101700207030")); // category 9
        assert!(!th_tnin("110170020703"));
    }

    #[test]
    fn italian_vat() {
        // Computed: company 0123456, office 015 (Milano), Luhn check digit 7.
        other_last_digits_fail("01234560157", it_vat_code);
        assert!(!it_vat_code("00000000000"));
        assert!(!it_vat_code("01234562001")); // office 200 does not exist
        assert!(!it_vat_code("0123456015"));
    }

    #[test]
    fn lanr() {
        // KBV's worked example: 123456 -> check 6, specialty 01.
        assert!(de_lanr("123456601"));
        assert!(de_lanr("123456699"));
        assert!(!de_lanr("123456501"));
        assert!(!de_lanr("12345660"));
    }

    #[test]
    fn rentenversicherungsnummer() {
        // de.wikipedia "Versicherungsnummer": 65 170839 J 003 (born 17 Aug 1939, surname J…).
        other_last_digits_fail("65170839J003", de_rvnr);
        assert!(de_rvnr("65170839j003"));
        // DRV's technical documentation example cited by Presidio: 15070649C103.
        other_last_digits_fail("15070649C103", de_rvnr);
        assert!(!de_rvnr("65320839J003")); // day 32
        assert!(!de_rvnr("65171339J003")); // month 13
        assert!(!de_rvnr("651708391003")); // no letter
        assert!(!de_rvnr("65170839J00"));
        assert!(!de_rvnr("65170839Ä003"));
    }

    #[test]
    fn kvnr() {
        // § 290 SGB V Anlage 1 example: A000500015.
        other_last_digits_fail("A000500015", de_kvnr);
        assert!(de_kvnr("a000500015"));
        assert!(!de_kvnr("A00050001"));
        assert!(!de_kvnr("1000500015"));
    }
}
