//! PHONE_NUMBER: national and international telephone numbers, with extensions.
//!
//! This is a shape-based recognizer: international numbers follow E.164 (a `+` or `00` prefix, 8 to 15
//! digits), national ones need a layout a person would write (groups separated by spaces, dots, dashes or
//! a parenthesised area code, or 10–11 digits starting with a trunk `0` or `1`). Dates, IP addresses, card
//! numbers and long unseparated numbers are rejected.

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::catalog::{Languages, Spec};
use crate::validate::luhn_digits;
use crate::{
    AnalysisExplanation, EntityType, Error, Recognizer, RecognizerContext, RecognizerResult,
};

static CANDIDATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\+|(?-u:\b)00)?",                         // international prefix
        r"(?:\(?\d{1,5}\)?(?:[ .\-\u{a0}]|\)\s?)?)?",  // country or area code, maybe in parentheses
        r"(?:\(0\)\s?)?",                              // UK-style trunk marker
        r"\(?\d{1,5}\)?(?:[ .\-\u{a0}]?\d{1,5}){1,6}", // number groups
        r"(?:\s?(?:ext\.?|x|#|-)\s?\d{1,5})?",         // extension
        r"(?-u:\b)",
    ))
    .expect("constant pattern")
});

static EXTENSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\s?(?:ext\.?|x|#)\s?\d{1,5})$").expect("constant pattern"));

const NAME: &str = "PhoneRecognizer";
const SCORE: f64 = 0.4;

/// `PhoneRecognizer`: score 0.4, raised by context words (`phone`, `tel`, `mobile`, `call`, …).
pub struct PhoneRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    context: Vec<String>,
}

impl Default for PhoneRecognizer {
    fn default() -> Self {
        PhoneRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::PHONE_NUMBER],
            context: [
                "phone",
                "tel",
                "telephone",
                "mobile",
                "cell",
                "call",
                "fax",
                "number",
                "contact",
                "whatsapp",
                "sms",
                "ring",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        }
    }
}

/// The predefined phone number recognizer.
pub fn phone() -> PhoneRecognizer {
    PhoneRecognizer::default()
}

/// Whether `value` looks like a phone number rather than a date, IP, card, version or plain number.
pub(crate) fn plausible(value: &str) -> bool {
    let body = match EXTENSION.find(value) {
        Some(m) => &value[..m.start()],
        None => value,
    };
    let digits: Vec<u8> = body
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    let international = body.starts_with('+') || body.starts_with("00");
    let n = digits.len();
    if !(7..=15).contains(&n) || digits.iter().all(|&d| d == digits[0]) {
        return false;
    }
    let separators: Vec<u8> = body
        .bytes()
        .filter(|b| !b.is_ascii_digit() && *b != b'+')
        .collect();
    let groups: Vec<&str> = body
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    // Dates and IPs: 4+2+2, 2+2+4, four groups of at most 3 with dots.
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    if matches!(
        lens.as_slice(),
        [4, 2, 2] | [2, 2, 4] | [1, 2, 4] | [2, 1, 4] | [1, 1, 4]
    ) {
        return false;
    }
    if lens.len() == 4 && lens.iter().all(|&l| l <= 3) && separators.iter().all(|&b| b == b'.') {
        return false;
    }
    if international {
        return n >= 8;
    }
    // Five or more groups: only the French pairs layout (01 23 45 67 89); ISBNs and part numbers otherwise.
    if lens.len() >= 5 && !lens.iter().all(|&l| l == 2) {
        return false;
    }
    // Card numbers.
    if n >= 13 && luhn_digits(digits.iter().copied()) {
        return false;
    }
    if separators.is_empty() {
        // Unseparated national numbers: 10–11 digits with a trunk prefix.
        return (n == 10 || n == 11) && (digits[0] == 0 || digits[0] == 1 || n == 10);
    }
    // Mixed separators other than a parenthesised area code are unusual for phones.
    let kinds: Vec<u8> = {
        let mut k: Vec<u8> = separators
            .iter()
            .copied()
            .filter(|b| !matches!(b, b'(' | b')'))
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    n >= 10 || (n >= 7 && kinds.len() <= 1 && lens.len() >= 2)
}

impl Recognizer for PhoneRecognizer {
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
            let (mut start, end) = (m.start(), m.end());
            let bytes = text.as_bytes();
            // A dangling '(' with no ')' in the match is not part of the number.
            if bytes[start] == b'(' && !m.as_str().contains(')') {
                start += 1;
            }
            // Glued to letters, or part of a longer dotted/dashed number.
            if let Some(&b) = bytes[..start].last() {
                if b.is_ascii_alphanumeric() || b == b'_' || b == b'/' {
                    continue;
                }
                if matches!(b, b'.' | b'-' | b':')
                    && bytes[..start.saturating_sub(1)]
                        .last()
                        .is_some_and(u8::is_ascii_digit)
                {
                    continue;
                }
            }
            if let Some(&b) = bytes.get(end) {
                if matches!(b, b'.' | b'-' | b'/' | b':')
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    continue;
                }
            }
            let value = &text[start..end];
            if !plausible(value) {
                continue;
            }
            let mut r = RecognizerResult::new(
                self.entities[0].clone(),
                start,
                end,
                SCORE,
                self.name.clone(),
            );
            if ctx.return_decision_process() {
                r.explanation = Some(Box::new(AnalysisExplanation {
                    recognizer: NAME.into(),
                    pattern_name: Some("phone number shape".into()),
                    original_score: SCORE,
                    score: SCORE,
                    ..AnalysisExplanation::default()
                }));
            }
            results.push(r);
        }
        Ok(())
    }
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "PhoneRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(phone()),
}];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let ents = [EntityType::PHONE_NUMBER];
        phone()
            .analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn positives() {
        for (text, want) in [
            ("call (212) 555-0142 now", "(212) 555-0142"),
            ("212-555-0142", "212-555-0142"),
            ("212.555.0142", "212.555.0142"),
            ("+1 212 555 0142", "+1 212 555 0142"),
            ("+44 20 7946 0958", "+44 20 7946 0958"),
            ("+44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
            ("020 7946 0958", "020 7946 0958"),
            ("07700 900123", "07700 900123"),
            ("07970897832", "07970897832"),
            ("0049 30 1234567", "0049 30 1234567"),
            ("+14155550187", "+14155550187"),
            ("555-0199", "555-0199"),
            ("212-555-0142 ext. 204", "212-555-0142 ext. 204"),
            ("212-555-0142 x204", "212-555-0142 x204"),
        ] {
            assert_eq!(find(text), vec![want], "{text}");
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "on 2024-03-05 we",
            "05/03/2024",
            "ip 192.168.1.20",
            "card 4111 1111 1111 1111",
            "order 123456",
            "version 1.2.3",
            "ISBN 978-3-16-148410-0",
            "id 536228726",
            "1111111",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }
}
