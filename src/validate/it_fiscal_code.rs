//! The Italian codice fiscale (personal fiscal code): layout, birth date, omocodia and check character
//! (DM 23 dicembre 1976, Agenzia delle Entrate).

/// Values of characters in odd positions (1st, 3rd, …), for `0`–`9` then `A`–`Z`.
const ODD: [u8; 36] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
    23, // A-Z
];

/// Month letters: A = January … T = December.
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// The digit a character stands for in a numeric position: itself, or an omocodia letter (`L`=0 … `V`=9)
/// used when two people would otherwise get the same code.
fn numeric(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        _ => b"LMNPQRSTUV".iter().position(|&l| l == b).map(|p| p as u8),
    }
}

/// The index of an upper-case ASCII letter or digit in `0-9A-Z`.
fn index(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'A'..=b'Z' => Some(usize::from(b - b'A') + 10),
        _ => None,
    }
}

/// The check character for the first 15 characters (upper-case).
fn check_char(first15: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, &b) in first15.iter().enumerate() {
        let idx = index(b)?;
        sum += if i % 2 == 0 {
            u32::from(*ODD.get(idx)?)
        } else if idx < 10 {
            idx as u32
        } else {
            (idx - 10) as u32
        };
    }
    Some(b'A' + (sum % 26) as u8)
}

/// Whether `value` is a well-formed Italian fiscal code: 6 letters (surname, name), 2 year digits, a
/// month letter, 2 day digits (day + 40 for women), a cadastral letter and 3 digits (place of birth), and
/// the check character. Digits may be replaced by omocodia letters. Case is ignored.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::it_fiscal_code("RSSMRA85T10A562S"));
/// assert!(!piiscrub::validate::it_fiscal_code("RSSMRA85T10A562T"));
/// ```
pub fn it_fiscal_code(value: &str) -> bool {
    let v = value.as_bytes();
    if v.len() != 16 || !v.is_ascii() {
        return false;
    }
    let mut up = [0u8; 16];
    for (u, b) in up.iter_mut().zip(v) {
        *u = b.to_ascii_uppercase();
    }
    let letter = |i: usize| up[i].is_ascii_uppercase();
    let digit = |i: usize| numeric(up[i]);
    if !(0..6).all(letter) || !letter(11) || !letter(15) {
        return false;
    }
    if !MONTHS.contains(&up[8]) {
        return false;
    }
    let (Some(_), Some(_)) = (digit(6), digit(7)) else {
        return false;
    };
    let (Some(d1), Some(d2)) = (digit(9), digit(10)) else {
        return false;
    };
    let day = d1 * 10 + d2;
    if !((1..=31).contains(&day) || (41..=71).contains(&day)) {
        return false;
    }
    if !(12..15).all(|i| digit(i).is_some()) {
        return false;
    }
    check_char(&up[..15]) == Some(up[15])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a valid code from 15 characters by computing the check character.
    fn with_check(first15: &str) -> String {
        let c = check_char(first15.as_bytes()).unwrap();
        format!("{first15}{}", c as char)
    }

    #[test]
    fn published_examples() {
        // The textbook example "Mario Rossi", born 10 Dec 1985 in Albenga (A562): check S
        // (Agenzia delle Entrate's algorithm, widely reproduced, e.g. it.wikipedia "Codice fiscale").
        assert!(it_fiscal_code("RSSMRA85T10A562S"));
        assert!(it_fiscal_code("rssmra85t10a562s"));
        // it.wikipedia's worked example: Matteo Moretti, born 9 April 1925 in Milan (F205): check Z.
        assert!(it_fiscal_code("MRTMTT25D09F205Z"));
    }

    #[test]
    fn women_and_omocodia() {
        // A woman born on the 10th has day 50.
        let woman = with_check("RSSMRA85T50A562");
        assert!(it_fiscal_code(&woman));
        // Omocodia: the last digit 2 replaced by N, the check character recomputed.
        let omocode = with_check("RSSMRA85T10A56N");
        assert!(it_fiscal_code(&omocode));
        let all = with_check("RSSMRAURTMLAQRN");
        assert!(it_fiscal_code(&all));
    }

    #[test]
    fn near_misses() {
        assert!(!it_fiscal_code("RSSMRA85T10A562T")); // wrong check character
        assert!(!it_fiscal_code(&with_check("RSSMRA85Z10A562"))); // no month Z
        assert!(!it_fiscal_code(&with_check("RSSMRA85T32A562"))); // day 32
        assert!(!it_fiscal_code(&with_check("RSSMRA85T00A562"))); // day 0
        assert!(!it_fiscal_code(&with_check("RSSMRA85T72A562"))); // day 72
        assert!(!it_fiscal_code(&with_check("RSSMRA85T10A56A"))); // A is not an omocodia letter
        assert!(!it_fiscal_code(&with_check("RSSMR185T10A562"))); // digit in the name part
        assert!(!it_fiscal_code("RSSMRA85T10A562")); // 15 characters
        assert!(!it_fiscal_code("RSSMRA85T10A562SS"));
        assert!(!it_fiscal_code("RSSMRA85T10A56éS"));
        assert!(!it_fiscal_code(""));
    }
}
