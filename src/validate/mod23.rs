//! The Spanish mod-23 control letter of the DNI/NIF and the NIE.

/// The control letters, indexed by the number modulo 23 (Ministerio del Interior).
const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Separators people put inside Spanish identifiers (`12.345.678-Z`, `X-1234567-L`).
fn is_separator(b: u8) -> bool {
    matches!(b, b'.' | b'-' | b' ')
}

/// Checks `digits` (the number, separators allowed) against the trailing control letter.
fn control_ok(value: &[u8], prefix: u32, min_digits: usize, max_digits: usize) -> bool {
    let Some((&letter, body)) = value.split_last() else {
        return false;
    };
    let mut number = prefix;
    let mut count = 0;
    for &b in body {
        if b.is_ascii_digit() {
            number = number * 10 + u32::from(b - b'0');
            count += 1;
            if count > max_digits {
                return false;
            }
        } else if !is_separator(b) {
            return false;
        }
    }
    count >= min_digits && LETTERS.get((number % 23) as usize) == Some(&letter.to_ascii_uppercase())
}

/// Whether `value` is a Spanish DNI/NIF: 8 digits (7 for old documents written without the leading zero)
/// and the control letter, with optional `.`, `-` or space separators. The letter may be lower-case.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::es_nif("12345678Z"));
/// assert!(piiscrub::validate::es_nif("12.345.678-Z"));
/// assert!(!piiscrub::validate::es_nif("12345678A"));
/// ```
pub fn es_nif(value: &str) -> bool {
    let v = value.as_bytes();
    v.first().is_some_and(u8::is_ascii_digit) && control_ok(v, 0, 7, 8)
}

/// Whether `value` is a Spanish NIE: `X`, `Y` or `Z` (read as 0, 1, 2), 7 digits and the control letter,
/// with optional `-`, `.` or space separators.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::es_nie("X1234567L"));
/// assert!(piiscrub::validate::es_nie("X-1234567-L"));
/// assert!(!piiscrub::validate::es_nie("X1234567A"));
/// ```
pub fn es_nie(value: &str) -> bool {
    let v = value.as_bytes();
    let prefix = match v.first().map(u8::to_ascii_uppercase) {
        Some(b'X') => 0,
        Some(b'Y') => 1,
        Some(b'Z') => 2,
        _ => return false,
    };
    let rest = v.get(1..).unwrap_or_default();
    // The prefix digit is the number's first digit: prefix * 10^7 + the 7 digits.
    control_ok(rest, prefix, 7, 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The letter for a number, computed here to build test numbers.
    fn letter(n: u32) -> char {
        LETTERS[(n % 23) as usize] as char
    }

    #[test]
    fn published_examples() {
        // Ministerio del Interior's worked example: 12345678 mod 23 = 14 -> Z.
        assert!(es_nif("12345678Z"));
        assert!(es_nif("12345678z"));
        assert!(es_nif("12345678-Z"));
        assert!(es_nif("12.345.678-Z"));
        // NIE examples used by the Ministry and Wikipedia: X1234567L, Y1234567X, Z1234567R.
        assert!(es_nie("X1234567L"));
        assert!(es_nie("Y1234567X"));
        assert!(es_nie("Z1234567R"));
        assert!(es_nie("x-1234567-l"));
    }

    #[test]
    fn computed_and_near_misses() {
        // Old 7-digit DNI: 1234567 -> computed letter.
        let old = format!("1234567{}", letter(1_234_567));
        assert!(es_nif(&old));
        // Every other letter fails.
        for l in LETTERS.iter().filter(|&&l| l != b'Z') {
            assert!(!es_nif(&format!("12345678{}", *l as char)));
        }
        assert!(!es_nif("123456789Z")); // 9 digits
        assert!(!es_nif("123456Z")); // 6 digits
        assert!(!es_nif("X1234567L")); // an NIE is not a NIF
        assert!(!es_nie("12345678Z")); // a NIF is not an NIE
        assert!(!es_nie("W1234567L"));
        assert!(!es_nie("X123456L")); // 6 digits
        assert!(!es_nie("X12345678L")); // 8 digits
        assert!(!es_nif(""));
        assert!(!es_nie(""));
        assert!(!es_nie("X"));
        assert!(!es_nif("1234567é"));
    }
}
