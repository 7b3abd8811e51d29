//! South African phone numbers, split like Presidio into mobile (`ZaMobileNumberRecognizer`,
//! `ZA_MOBILE_NUMBER`) and other lines (`ZaTelephoneNumberRecognizer`, `ZA_TELEPHONE_NUMBER`).
//!
//! Presidio runs libphonenumber's matcher for region ZA; this module restates ZA's numbering plan for
//! 9-digit national numbers (checked against libphonenumber 9.0 metadata): mobile 6x, 7x and 81–85;
//! geographic 10–18, 21–23, 27, 28, 31–36, 39, 40–49, 51, 53, 54, 56–58; toll-free 80, shared-cost and
//! premium 86, VoIP 87, premium 90–92. Everything else (19, 20, 24–26, 29, 30, 37, 38, 50, 52, 55, 59,
//! 88, 89, 93–99) is not a number and is dropped.

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::off_en;
use super::token::stands_alone;
use crate::recognizers::Spec;
use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("ZaMobileNumberRecognizer", || Arc::new(za_mobile_number())),
    off_en("ZaTelephoneNumberRecognizer", || {
        Arc::new(za_telephone_number())
    }),
];

/// `+27 82 123 4567`, `+27 (0)82 123 4567`, `0027…`, `082 123 4567`, `(011) 123-4567`, `0860 123 456`.
static CANDIDATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\+27|(?-u:\b)0027)[ -]?(?:\(0\)[ -]?)?\d{2,3}[ -]?\d{3}[ -]?\d{3,4}(?-u:\b)",
        r"|(?:\(0\d{2,3}\)|(?-u:\b)0\d{2,3})[ -]?\d{3}[ -]?\d{3,4}(?-u:\b)",
    ))
    .expect("constant pattern compiles")
});

const SCORE: f64 = 0.4;

const CONTEXT: &[&str] = &[
    "phone",
    "number",
    "telephone",
    "cell",
    "cellphone",
    "mobile",
    "call",
    "cellular",
    "handset",
    "contact number",
    "landline",
    "tel",
    "home number",
    "work number",
    "office number",
    "sms",
    "whatsapp",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    Mobile,
    Telephone,
}

/// The line kind of a 9-digit national significant number starting with `a`, `b`.
fn classify(a: u8, b: u8) -> Option<Line> {
    match (a, b) {
        (6 | 7, _) | (8, 1..=5) => Some(Line::Mobile),
        (1, 0..=8)
        | (2, 1..=3 | 7 | 8)
        | (3, 1..=6 | 9)
        | (4, _)
        | (5, 1 | 3 | 4 | 6..=8)
        | (8, 0 | 6 | 7)
        | (9, 0..=2) => Some(Line::Telephone),
        _ => None,
    }
}

/// The national significant number of a candidate, when it has exactly 9 digits after the country code
/// or trunk prefix and its parentheses balance.
fn national_number(candidate: &str) -> Option<[u8; 9]> {
    let opens = candidate.bytes().filter(|&b| b == b'(').count();
    let closes = candidate.bytes().filter(|&b| b == b')').count();
    if opens != closes {
        return None;
    }
    let mut digits = candidate
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0');
    if candidate.starts_with('+') {
        digits.nth(1)?; // country code 27
    } else if candidate.starts_with("0027") {
        digits.nth(3)?;
    }
    let mut out = [0u8; 9];
    let mut n = 0;
    let mut trunk_skipped = false;
    for d in digits {
        if n == 0 && d == 0 && !trunk_skipped {
            trunk_skipped = true;
            continue;
        }
        *out.get_mut(n)? = d;
        n += 1;
    }
    (n == 9).then_some(out)
}

/// Whether a national-format candidate is grouped the South African way: `082 123 4567`, `0821234567`,
/// `011 1234567`, or `0860 123 456` / `0800 123 456` for the non-geographic 080 and 086 ranges. The
/// 4-3-3 grouping of other numbers is Australian (`0421 376 022`), not South African.
fn national_grouping_ok(candidate: &str) -> bool {
    let mut groups = [0usize; 4];
    let mut n = 0;
    let mut in_group = false;
    for b in candidate.bytes() {
        if b.is_ascii_digit() {
            if !in_group {
                if n == groups.len() {
                    return false;
                }
                n += 1;
                in_group = true;
            }
            groups[n - 1] += 1;
        } else {
            in_group = false;
        }
    }
    let mut prefix = [0u8; 3];
    for (slot, d) in prefix
        .iter_mut()
        .zip(candidate.bytes().filter(u8::is_ascii_digit))
    {
        *slot = d;
    }
    let non_geographic = matches!(&prefix, b"080" | b"086");
    match &groups[..n] {
        [10] | [3, 3, 4] | [3, 7] => true,
        [4, 3, 3] | [4, 6] => non_geographic,
        _ => false,
    }
}

struct ZaPhoneRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    line: Line,
    context: Vec<String>,
}

impl ZaPhoneRecognizer {
    fn new(name: &str, entity: &str, line: Line) -> Self {
        ZaPhoneRecognizer {
            name: Arc::from(name),
            entities: [EntityType::new(entity)],
            line,
            context: CONTEXT.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl Recognizer for ZaPhoneRecognizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn supported_entities(&self) -> &[EntityType] {
        &self.entities
    }

    fn context(&self) -> &[String] {
        &self.context
    }

    fn analyze(
        &self,
        text: &str,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        if !ctx.wants(&self.entities[0]) {
            return Ok(());
        }
        for m in CANDIDATES.find_iter(text) {
            let (start, end) = (m.start(), m.end());
            let glued_plus = m.as_str().starts_with('+')
                && start
                    .checked_sub(1)
                    .and_then(|p| text.as_bytes().get(p))
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'+');
            if glued_plus || !stands_alone(text, start, end) {
                continue;
            }
            let candidate = m.as_str();
            let international = candidate.starts_with('+') || candidate.starts_with("0027");
            if !international && !national_grouping_ok(candidate) {
                continue;
            }
            let Some(nsn) = national_number(candidate) else {
                continue;
            };
            if classify(nsn[0], nsn[1]) != Some(self.line) {
                continue;
            }
            results.push(
                RecognizerResult::new(
                    self.entities[0].clone(),
                    start,
                    end,
                    SCORE,
                    self.name.clone(),
                )
                .explained(ctx, "ZA numbering plan"),
            );
        }
        Ok(())
    }
}

/// `ZaMobileNumberRecognizer` (`ZA_MOBILE_NUMBER`): South African mobile numbers (national `082 123 4567`
/// or international `+27 82 123 4567`), 0.4, raised by context (`mobile`, `cell`, `whatsapp`, …).
pub fn za_mobile_number() -> impl Recognizer {
    ZaPhoneRecognizer::new("ZaMobileNumberRecognizer", "ZA_MOBILE_NUMBER", Line::Mobile)
}

/// `ZaTelephoneNumberRecognizer` (`ZA_TELEPHONE_NUMBER`): South African fixed-line, toll-free,
/// shared-cost, premium and VoIP numbers (`011 123 4567`, `(021) 123-4567`, `0860 123 456`), 0.4.
pub fn za_telephone_number() -> impl Recognizer {
    ZaPhoneRecognizer::new(
        "ZaTelephoneNumberRecognizer",
        "ZA_TELEPHONE_NUMBER",
        Line::Telephone,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_numbers() {
        assert_eq!(
            national_number("082 123 4567"),
            Some([8, 2, 1, 2, 3, 4, 5, 6, 7])
        );
        assert_eq!(
            national_number("+27 (0)82 123 4567"),
            Some([8, 2, 1, 2, 3, 4, 5, 6, 7])
        );
        assert_eq!(
            national_number("0027821234567"),
            Some([8, 2, 1, 2, 3, 4, 5, 6, 7])
        );
        assert_eq!(
            national_number("0860 123 456"),
            Some([8, 6, 0, 1, 2, 3, 4, 5, 6])
        );
        assert_eq!(
            national_number("(011) 123-4567"),
            Some([1, 1, 1, 2, 3, 4, 5, 6, 7])
        );
        assert_eq!(national_number("082 123 456"), None);
        assert_eq!(national_number("(082 123 4567"), None);
    }

    #[test]
    fn grouping() {
        for ok in [
            "082 123 4567",
            "0821234567",
            "(011) 123-4567",
            "011 1234567",
            "0860 123 456",
        ] {
            assert!(national_grouping_ok(ok), "{ok}");
        }
        for bad in [
            "0421 376 022",
            "0466-128-688",
            "08 21 23 45 67",
            "0821 234 567",
        ] {
            assert!(!national_grouping_ok(bad), "{bad}");
        }
    }

    #[test]
    fn plan() {
        assert!(classify(8, 2) == Some(Line::Mobile));
        assert!(classify(7, 1) == Some(Line::Mobile));
        assert!(classify(1, 1) == Some(Line::Telephone));
        assert!(classify(8, 7) == Some(Line::Telephone));
        assert!(classify(2, 0).is_none());
        assert!(classify(9, 9).is_none());
        assert!(classify(8, 8).is_none());
    }
}
