//! Singapore NRIC / FIN: a prefix letter (S, T citizens and PRs; F, G, M foreigners), 7 digits and a check
//! letter from weights 2,7,6,5,4,3,2 plus a prefix offset, mod 11.

const WEIGHTS: [u32; 7] = [2, 7, 6, 5, 4, 3, 2];

/// Whether `value` (9 ASCII characters, either case) is an NRIC or FIN with the right check letter.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::sg_nric_fin("S1234567D"));
/// assert!(!piiscrub::validate::sg_nric_fin("S1234567A"));
/// ```
pub fn sg_nric_fin(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 9 || !b[1..8].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = b[1..8]
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    let (offset, table): (u32, &[u8; 11]) = match b[0].to_ascii_uppercase() {
        b'S' => (0, b"JZIHGFEDCBA"),
        b'T' => (4, b"JZIHGFEDCBA"),
        b'F' => (0, b"XWUTRQPNMLK"),
        b'G' => (4, b"XWUTRQPNMLK"),
        b'M' => (3, b"XWUTRQPNJLK"),
        _ => return false,
    };
    let idx = usize::try_from((sum + offset) % 11).unwrap_or(0);
    table.get(idx) == Some(&b[8].to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_letters() {
        // Digits 1234567 give a weighted sum of 106. S: 106 % 11 = 7 -> D (the commonly cited S1234567D);
        // T: 110 % 11 = 0 -> J; F: 7 -> N; G: 0 -> X; M (ICA's 2022 series, offset 3): 109 % 11 = 10 -> K.
        for v in [
            "S1234567D",
            "T1234567J",
            "F1234567N",
            "G1234567X",
            "M1234567K",
            "s1234567d",
        ] {
            assert!(sg_nric_fin(v), "{v}");
        }
        // S0000001I: sum 2 -> I (hand-computed).
        assert!(sg_nric_fin("S0000001I"));
        for v in [
            "S1234567A",
            "T1234567D",
            "A1234567D",
            "S123456D",
            "S12345678D",
            "S12345X7D",
            "F1234567J",
        ] {
            assert!(!sg_nric_fin(v), "{v}");
        }
    }
}
