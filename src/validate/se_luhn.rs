//! Swedish personnummer, samordningsnummer and organisationsnummer: a date or organisation layout plus the
//! Luhn check over the 10-digit form (Skatteverket, SKV 704; Bolagsverket).

use super::dates::is_valid_date;
use super::luhn::luhn_digits;

/// The 10 digits of a Swedish number written `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`,
/// `YYYYMMDD-NNNC` or `YYYYMMDDNNNC`, with the full century when the 12-digit form gives it.
fn parse(value: &str) -> Option<([u8; 10], Option<u32>)> {
    let b = value.as_bytes();
    let (century, rest) = match b.len() {
        10 | 11 => (None, b),
        12 | 13 => {
            let c = super::dates::number_at(b, 0..2)?;
            (Some(c * 100), b.get(2..)?)
        }
        _ => return None,
    };
    let mut out = [0u8; 10];
    let mut n = 0;
    for (i, &c) in rest.iter().enumerate() {
        if c.is_ascii_digit() {
            *out.get_mut(n)? = c - b'0';
            n += 1;
        } else if !(i == 6 && (c == b'-' || (c == b'+' && century.is_none()))) {
            return None;
        }
    }
    (n == 10).then_some((out, century))
}

/// Whether `value` is a Swedish personnummer or samordningsnummer (day + 60): 10 or 12 digits with an
/// optional `-` (or `+`, for people over 100, in the 10-digit form) before the last four; a real birth date
/// (any century for the 10-digit form, 1800–2099 for the 12-digit form); the Luhn check over the 10-digit
/// form.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::se_personnummer("811228-9874"));
/// assert!(piiscrub::validate::se_personnummer("19811228-9874"));
/// assert!(!piiscrub::validate::se_personnummer("811228-9875"));
/// ```
pub fn se_personnummer(value: &str) -> bool {
    let Some((d, century)) = parse(value) else {
        return false;
    };
    let yy = u32::from(d[0]) * 10 + u32::from(d[1]);
    let month = u32::from(d[2]) * 10 + u32::from(d[3]);
    let mut day = u32::from(d[4]) * 10 + u32::from(d[5]);
    if day > 60 {
        day -= 60;
    }
    let date_ok = match century {
        Some(c @ (1800 | 1900 | 2000)) => is_valid_date(c + yy, month, day),
        Some(_) => false,
        // Without the century, accept the date if it exists in the 1900s or 2000s (29 Feb 00 only in 2000).
        None => is_valid_date(1900 + yy, month, day) || is_valid_date(2000 + yy, month, day),
    };
    date_ok && luhn_digits(d.iter().copied())
}

/// Whether `value` is a Swedish organisationsnummer: `NNNNNN-NNNC` or 10 digits (optionally with the `16`
/// prefix of the 12-digit form); the first digit is a legal-form group (1–3, 5–9), the third digit is at
/// least 2 (so it is never a birth date), and the Luhn check holds.
///
/// # Example
///
/// ```
/// assert!(piiscrub::validate::se_organisationsnummer("556036-0793"));
/// assert!(!piiscrub::validate::se_organisationsnummer("556036-0794"));
/// ```
pub fn se_organisationsnummer(value: &str) -> bool {
    let v = value
        .strip_prefix("16")
        .filter(|r| r.len() >= 10)
        .unwrap_or(value);
    let Some((d, None)) = parse(v) else {
        return false;
    };
    if v.as_bytes().get(6) == Some(&b'+') {
        return false;
    }
    matches!(d[0], 1..=3 | 5..=9) && d[2] >= 2 && luhn_digits(d.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personnummer_examples() {
        // Skatteverket's example 811228-9874 (sv.wikipedia "Personnummer i Sverige").
        assert!(se_personnummer("811228-9874"));
        assert!(se_personnummer("8112289874"));
        assert!(se_personnummer("198112289874"));
        assert!(se_personnummer("19811228-9874"));
        assert!(se_personnummer("811228+9874")); // over 100 years old
        // Samordningsnummer example 701063-2391 (day 63 = 3rd).
        assert!(se_personnummer("701063-2391"));
        for bad in [
            "811228-9875",   // Luhn
            "811328-9874",   // month 13 (and Luhn)
            "17811228-9874", // century 17
            "19811228+9874", // + only in the 10-digit form
            "81122-89874",   // separator in the wrong place
            "8112289874 ",   // trailing space
            "811228–9874",   // en dash
            "81122898741",
        ] {
            assert!(!se_personnummer(bad), "{bad}");
        }
    }

    #[test]
    fn organisationsnummer_examples() {
        // Bolagsverket / allabolag-listed numbers: AB Volvo 556012-5790, Skatteverket 202100-5448.
        assert!(se_organisationsnummer("556012-5790"));
        assert!(se_organisationsnummer("5560125790"));
        assert!(se_organisationsnummer("202100-5448"));
        assert!(se_organisationsnummer("16556012-5790"));
        assert!(!se_organisationsnummer("556012-5791"));
        assert!(!se_organisationsnummer("811228-9874")); // a personnummer: third digit 1
        assert!(!se_organisationsnummer("556012+5790"));
        assert!(!se_organisationsnummer("455012-5795")); // Luhn-valid, but no legal-form group 4
    }
}
