//! The Luhn (mod 10) check used by payment cards.

/// Whether `number`, made only of ASCII digits, passes the Luhn check. Empty input and any non-digit fail.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::luhn("4111111111111111"));
/// assert!(!piiscrub::validate::luhn("4111111111111112"));
/// assert!(!piiscrub::validate::luhn("4111 1111 1111 1111")); // strip separators first
/// ```
pub fn luhn(number: &str) -> bool {
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    luhn_digits(number.bytes().map(|b| b - b'0'))
}

/// The Luhn check over digit values (0–9), most significant first.
pub fn luhn_digits(digits: impl DoubleEndedIterator<Item = u8>) -> bool {
    let mut sum = 0u32;
    let mut count = 0usize;
    for (i, d) in digits.rev().enumerate() {
        let d = u32::from(d);
        sum += if i % 2 == 1 {
            let x = d * 2;
            if x > 9 { x - 9 } else { x }
        } else {
            d
        };
        count += 1;
    }
    count > 0 && sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Card issuers' published test numbers.
    const VALID: &[&str] = &[
        "4111111111111111",
        "4012888888881881",
        "4222222222222",
        "5555555555554444",
        "5105105105105100",
        "2221000000000009",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3530111333300000",
        "30569309025904",
        "38520000023237",
        "6200000000000005",
        "79927398713",
    ];

    #[test]
    fn published_numbers_pass() {
        for n in VALID {
            assert!(luhn(n), "{n}");
        }
    }

    #[test]
    fn single_digit_changes_and_transpositions_fail() {
        for n in VALID {
            let bytes = n.as_bytes();
            // Change the last digit.
            let mut changed = bytes.to_vec();
            changed[bytes.len() - 1] = if changed[bytes.len() - 1] == b'9' {
                b'0'
            } else {
                changed[bytes.len() - 1] + 1
            };
            assert!(!luhn(std::str::from_utf8(&changed).unwrap()), "{n}");
        }
        // Adjacent transposition (Luhn catches all except 09 <-> 90).
        assert!(!luhn("4111111111111111".replacen("41", "14", 1).as_str()));
        assert!(!luhn("79927398731"));
    }

    #[test]
    fn rejects_non_digits_and_empty() {
        assert!(!luhn(""));
        assert!(!luhn("4111-1111-1111-1111"));
        assert!(!luhn("١٢٣")); // Arabic-Indic digits are not ASCII digits
    }
}
