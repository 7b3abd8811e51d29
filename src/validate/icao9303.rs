//! The ICAO Doc 9303 check digit of machine-readable travel documents (passports, ID cards).

/// The value of an MRZ character: digits as themselves, `A`–`Z` as 10–35, `<` as 0. Lower-case letters are
/// read as upper-case.
fn value(b: u8) -> Option<u32> {
    match b.to_ascii_uppercase() {
        c @ b'0'..=b'9' => Some(u32::from(c - b'0')),
        c @ b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The ICAO 9303 check digit of `field`: character values weighted 7, 3, 1 repeating, summed, mod 10.
/// `None` if a character is not an MRZ character.
///
/// # Example
///
/// ```
/// // ICAO Doc 9303 Part 3 specimen: document number L898902C3 has check digit 6.
/// assert_eq!(piiscrub::validate::icao9303_check_digit("L898902C3"), Some(6));
/// ```
pub fn icao9303_check_digit(field: &str) -> Option<u8> {
    let mut sum = 0u32;
    for (i, b) in field.bytes().enumerate() {
        sum += value(b)? * [7, 3, 1][i % 3];
    }
    Some((sum % 10) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_9303_examples() {
        // ICAO Doc 9303 Part 3 §4.9 worked examples: date 520727 -> 3; document number AB2134<<< -> 5.
        assert_eq!(icao9303_check_digit("520727"), Some(3));
        assert_eq!(icao9303_check_digit("AB2134<<<"), Some(5));
        // Specimen passport of Utopia (Anna Maria Eriksson): L898902C3 -> 6.
        assert_eq!(icao9303_check_digit("L898902C3"), Some(6));
        // German specimens (Erika Mustermann): passport C01X00T47 -> 8 (MRZ "C01X00T478"),
        // ID cards T22000129 -> 3 ("T220001293") and L01X00T47 -> 1 ("L01X00T471").
        assert_eq!(icao9303_check_digit("C01X00T47"), Some(8));
        assert_eq!(icao9303_check_digit("T22000129"), Some(3));
        assert_eq!(icao9303_check_digit("L01X00T47"), Some(1));
        assert_eq!(icao9303_check_digit("C01X00T4é"), None);
        assert_eq!(icao9303_check_digit(""), Some(0));
    }
}
