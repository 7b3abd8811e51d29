//! ISO/IEC 7064 MOD 11,10 (hybrid system), used by the German Steuer-ID and USt-IdNr.

/// Whether the last digit of `digits` (ASCII digits only) is the ISO 7064 MOD 11,10 check digit of the
/// others. Fewer than two digits, or any non-digit, fails.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::iso7064_mod_11_10("36574261809"));
/// assert!(!piiscrub::validate::iso7064_mod_11_10("36574261808"));
/// ```
pub fn iso7064_mod_11_10(digits: &str) -> bool {
    let b = digits.as_bytes();
    let Some((&check, body)) = b.split_last() else {
        return false;
    };
    if body.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut product = 10u32;
    for &c in body {
        let mut sum = (u32::from(c - b'0') + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    (11 - product) % 10 == u32::from(check - b'0')
}

/// Whether `value` is a German Steuerliche Identifikationsnummer: 11 digits, the first not 0; among the
/// first ten digits exactly one digit occurs twice or three times (a triple never as three adjacent
/// digits) and all others at most once; the last digit is the ISO 7064 MOD 11,10 check digit (BZSt).
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::de_tax_id("36574261809"));
/// assert!(!piiscrub::validate::de_tax_id("12345678903")); // no repeated digit
/// ```
pub fn de_tax_id(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 11 || b.first() == Some(&b'0') || !iso7064_mod_11_10(value) {
        return false;
    }
    let mut counts = [0u8; 10];
    for &c in &b[..10] {
        counts[usize::from(c - b'0')] += 1;
    }
    let mut repeated_digit = None;
    for (digit, &n) in counts.iter().enumerate() {
        match n {
            0 | 1 => {}
            2 | 3 if repeated_digit.is_none() => repeated_digit = Some((digit, n)),
            _ => return false,
        }
    }
    match repeated_digit {
        None => false,
        Some((digit, 3)) => {
            let d = b'0' + digit as u8;
            !b[..10].windows(3).any(|w| w.iter().all(|&c| c == d))
        }
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_steuer_ids() {
        // python-stdnum's de.idnr doctest: 36574261809 valid, 36574261890 bad check digit, 36554266809
        // two repeated digits.
        assert!(de_tax_id("36574261809"));
        assert!(!de_tax_id("36574261890"));
        assert!(!de_tax_id("36554266809"));
        // BZSt example used in ELSTER documentation and tests: 65929970489 (9 three times, not adjacent).
        assert!(de_tax_id("65929970489"));
        assert!(!de_tax_id("65929970488"));
        // Presidio's docstring example 86095742719 (7 twice).
        assert!(de_tax_id("86095742719"));
    }

    #[test]
    fn digit_rules() {
        // Check digit right but every digit once: not a Steuer-ID under the BZSt rule (Presidio accepts it).
        assert!(iso7064_mod_11_10("12345678903"));
        assert!(!de_tax_id("12345678903"));
        // Three adjacent equal digits are not issued: 1112345678 + its check digit.
        let body = "1112345678";
        let check = (0..10)
            .map(|d| format!("{body}{d}"))
            .find(|v| iso7064_mod_11_10(v))
            .unwrap();
        assert!(!de_tax_id(&check));
        // Leading zero (ELSTER test numbers) and wrong lengths.
        assert!(!de_tax_id("06592997048"));
        assert!(!de_tax_id("3657426180"));
        assert!(!de_tax_id("365742618099"));
        assert!(!iso7064_mod_11_10("1"));
        assert!(!iso7064_mod_11_10("12a"));
    }
}
