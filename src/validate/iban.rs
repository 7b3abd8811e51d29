//! IBAN rules (ISO 13616): per-country length from the SWIFT IBAN registry and the mod-97 check.

/// IBAN length per country, from the SWIFT IBAN registry (release 2025), sorted by country code.
///
/// Territories that use another country's IBAN (French overseas departments under `FR`, Åland under
/// `FI`, …) are not listed separately in the registry and are not listed here.
const LENGTHS: &[(&[u8; 2], u8)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HN", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"YE", 30),
];

/// The IBAN length (in characters, without spaces) of the registry country `country` (two letters, any
/// case), or `None` when the country does not issue IBANs.
///
/// # Example
///
/// ```
/// use piiscrub::validate::iban_length;
/// assert_eq!(iban_length("GB"), Some(22));
/// assert_eq!(iban_length("US"), None); // the US has no IBANs
/// ```
pub fn iban_length(country: &str) -> Option<usize> {
    let c = country.as_bytes();
    let key = [
        c.first()?.to_ascii_uppercase(),
        c.get(1)?.to_ascii_uppercase(),
    ];
    if c.len() != 2 {
        return None;
    }
    LENGTHS
        .binary_search_by(|(cc, _)| cc.as_slice().cmp(key.as_slice()))
        .ok()
        .and_then(|i| LENGTHS.get(i))
        .map(|&(_, len)| usize::from(len))
}

/// Whether `value` is a valid IBAN: a registry country, that country's length, and the ISO 7064 mod-97
/// check (remainder 1). Spaces are ignored (print form `GB82 WEST 1234 …`); letters may be of either
/// case (the recognizer decides which cases it accepts); any other character fails.
///
/// # Example
///
/// ```
/// use piiscrub::validate::iban_is_valid;
/// assert!(iban_is_valid("GB82WEST12345698765432"));
/// assert!(iban_is_valid("GB82 WEST 1234 5698 7654 32"));
/// assert!(!iban_is_valid("GB82WEST12345698765433"));
/// ```
pub fn iban_is_valid(value: &str) -> bool {
    let mut chars = value.bytes().filter(|&b| b != b' ');
    let mut head = [0u8; 4];
    for slot in &mut head {
        match chars.next() {
            Some(b) => *slot = b.to_ascii_uppercase(),
            None => return false,
        }
    }
    if !head[0].is_ascii_uppercase()
        || !head[1].is_ascii_uppercase()
        || !head[2].is_ascii_digit()
        || !head[3].is_ascii_digit()
    {
        return false;
    }
    let Some(expected) = std::str::from_utf8(&head[..2]).ok().and_then(iban_length) else {
        return false;
    };
    // Rearranged: BBAN, then country code and check digits; letters count as 10..=35.
    let mut rem: u32 = 0;
    let mut len = 4;
    for b in chars {
        len += 1;
        if len > expected {
            return false;
        }
        match mod97_step(rem, b) {
            Some(r) => rem = r,
            None => return false,
        }
    }
    if len != expected {
        return false;
    }
    for b in head {
        match mod97_step(rem, b) {
            Some(r) => rem = r,
            None => return false,
        }
    }
    rem == 1
}

fn mod97_step(rem: u32, b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some((rem * 10 + u32::from(b - b'0')) % 97),
        b'A'..=b'Z' | b'a'..=b'z' => {
            Some((rem * 100 + u32::from(b.to_ascii_uppercase() - b'A') + 10) % 97)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example IBAN of every country in the SWIFT IBAN registry (one per entry of `LENGTHS`, plus the
    /// ECBS/Wikipedia `GB82WEST…` example).
    const REGISTRY_EXAMPLES: &[&str] = &[
        "AD1200012030200359100100",
        "AE070331234567890123456",
        "AL47212110090000000235698741",
        "AT611904300234573201",
        "AZ21NABZ00000000137010001944",
        "BA391290079401028494",
        "BE68539007547034",
        "BG80BNBG96611020345678",
        "BH67BMAG00001299123456",
        "BI4210000100010000332045181",
        "BR1800360305000010009795493C1",
        "BY13NBRB3600900000002Z00AB00",
        "CH9300762011623852957",
        "CR05015202001026284066",
        "CY17002001280000001200527600",
        "CZ6508000000192000145399",
        "DE89370400440532013000",
        "DJ2100010000000154000100186",
        "DK5000400440116243",
        "DO28BAGR00000001212453611324",
        "EE382200221020145685",
        "EG380019000500000000263180002",
        "ES9121000418450200051332",
        "FI2112345600000785",
        "FK88SC123456789012",
        "FO6264600001631634",
        "FR1420041010050500013M02606",
        "GB29NWBK60161331926819",
        "GB82WEST12345698765432",
        "GE29NB0000000101904917",
        "GI75NWBK000000007099453",
        "GL8964710001000206",
        "GR1601101250000000012300695",
        "GT82TRAJ01020000001210029690",
        "HN88CABF00000000000250005469",
        "HR1210010051863000160",
        "HU42117730161111101800000000",
        "IE29AIBK93115212345678",
        "IL620108000000099999999",
        "IQ98NBIQ850123456789012",
        "IS140159260076545510730339",
        "IT60X0542811101000000123456",
        "JO94CBJO0010000000000131000302",
        "KW81CBKU0000000000001234560101",
        "KZ86125KZT5004100100",
        "LB62099900000001001901229114",
        "LC55HEMM000100010012001200023015",
        "LI21088100002324013AA",
        "LT121000011101001000",
        "LU280019400644750000",
        "LV80BANK0000435195001",
        "LY83002048000020100120361",
        "MC5811222000010123456789030",
        "MD24AG000225100013104168",
        "ME25505000012345678951",
        "MK07250120000058984",
        "MN121234123456789123",
        "MR1300020001010000123456753",
        "MT84MALT011000012345MTLCAST001S",
        "MU17BOMM0101101030300200000MUR",
        "NI45BAPR00000013000003558124",
        "NL91ABNA0417164300",
        "NO9386011117947",
        "OM810180000001299123456",
        "PK36SCBL0000001123456702",
        "PL61109010140000071219812874",
        "PS92PALS000000000400123456702",
        "PT50000201231234567890154",
        "QA58DOHB00001234567890ABCDEFG",
        "RO49AAAA1B31007593840000",
        "RS35260005601001611379",
        "RU0304452522540817810538091310419",
        "SA0380000000608010167519",
        "SC18SSCB11010000000000001497USD",
        "SD2129010501234001",
        "SE4550000000058398257466",
        "SI56263300012039086",
        "SK3112000000198742637541",
        "SM86U0322509800000000270100",
        "SO211000001001000100141",
        "ST68000100010051845310112",
        "SV62CENR00000000000000700025",
        "TL380080012345678910157",
        "TN5910006035183598478831",
        "TR330006100519786457841326",
        "UA213223130000026007233566001",
        "VA59001123000012345678",
        "VG96VPVG0000012345678901",
        "XK051212012345678906",
        "YE15CBYE0001018861234567891234",
    ];

    #[test]
    fn table_is_sorted_and_every_country_has_an_example() {
        assert!(LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        for (cc, len) in LENGTHS {
            let cc = std::str::from_utf8(cc.as_slice()).unwrap();
            let ex = REGISTRY_EXAMPLES
                .iter()
                .find(|e| e.starts_with(cc))
                .unwrap_or_else(|| panic!("no example for {cc}"));
            assert_eq!(ex.len(), usize::from(*len), "{cc}");
        }
    }

    #[test]
    fn registry_examples_pass() {
        for e in REGISTRY_EXAMPLES {
            assert!(iban_is_valid(e), "{e}");
            assert!(iban_is_valid(&e.to_ascii_lowercase()), "{e}");
        }
        assert!(iban_is_valid("DE89 3704 0044 0532 0130 00"));
    }

    #[test]
    fn single_digit_changes_fail() {
        // mod-97 catches every single-character substitution.
        for e in REGISTRY_EXAMPLES {
            for i in 2..e.len() {
                let b = e.as_bytes()[i];
                if !b.is_ascii_digit() {
                    continue;
                }
                let mut changed = e.as_bytes().to_vec();
                changed[i] = if b == b'9' { b'0' } else { b + 1 };
                let s = std::str::from_utf8(&changed).unwrap();
                assert!(!iban_is_valid(s), "{s}");
            }
        }
    }

    #[test]
    fn wrong_lengths_countries_and_characters_fail() {
        assert!(!iban_is_valid("GB82WEST1234569876543")); // one short
        assert!(!iban_is_valid("GB82WEST123456987654321")); // one long
        assert!(!iban_is_valid("US64SVBKUS6S3300958879")); // no US IBANs
        assert!(!iban_is_valid("GB82-WEST-1234-5698-7654-32"));
        assert!(!iban_is_valid("GB82WEST1234569876543é"));
        assert!(!iban_is_valid(""));
        assert!(!iban_is_valid("GB"));
        assert!(!iban_is_valid("1282WEST12345698765432"));
        assert_eq!(iban_length("G"), None);
        assert_eq!(iban_length("GBR"), None);
        assert_eq!(iban_length("gb"), Some(22));
    }
}
