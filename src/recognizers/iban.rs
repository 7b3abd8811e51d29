//! IBAN_CODE: International Bank Account Numbers (ISO 13616), compact or in print form.

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::catalog::{Languages, Spec};
use crate::analyzer::DigitWords;
use crate::validate::{iban_is_valid, iban_length};
use crate::{
    AnalysisExplanation, EntityType, Error, Recognizer, RecognizerContext, RecognizerResult,
    Validation,
};

/// Candidates: country letters and check digits, then either one run of 11–30 letters and digits (compact
/// form) or groups of four separated by single spaces, possibly ending in a shorter group (print form).
/// The recognizer cuts a print-form candidate to the country's length, so words after the IBAN (a BIC,
/// `BANK`) are not part of it.
static CANDIDATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)[A-Za-z]{2}[0-9]{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,8}(?: [A-Za-z0-9]{1,3})?)(?-u:\b)",
    )
    .expect("constant pattern compiles")
});

const NAME: &str = "IbanRecognizer";
/// Score of a valid IBAN written in lower case (upper case scores 1.0).
const LOWER_CASE_SCORE: f64 = 0.5;
const CONTEXT: &[&str] = &[
    "iban",
    "bank",
    "account",
    "transaction",
    "transfer",
    "wire",
    "sepa",
    "beneficiary",
];

/// `IbanRecognizer`: IBANs of the 89 countries in the SWIFT IBAN registry, with the country's exact length
/// and the mod-97 check.
///
/// - Forms: compact (`DE89370400440532013000`) or print form in groups of four separated by single spaces
///   (`DE89 3704 0044 0532 0130 00`). The span covers the IBAN and nothing after it, even when the next
///   word is four letters or digits (`… 7034 GKCCBEBB`).
/// - Case: IBANs are upper case. Upper-case IBANs that pass score 1.0. Entirely lower-case ones (found in
///   URLs and lower-cased text) score 0.5, so context (`iban`, `account`, …) or a low threshold is needed;
///   mixed case is rejected.
pub struct IbanRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    context: Vec<String>,
}

impl Default for IbanRecognizer {
    fn default() -> Self {
        IbanRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::IBAN_CODE],
            context: CONTEXT.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// The predefined IBAN recognizer.
pub fn iban() -> IbanRecognizer {
    IbanRecognizer::default()
}

/// The end of the IBAN at the start of `candidate` (offset into it), or `None`.
fn iban_end(candidate: &str) -> Option<usize> {
    let expected = iban_length(candidate.get(..2)?)?;
    if !candidate.contains(' ') {
        return (candidate.len() == expected).then_some(candidate.len());
    }
    // Print form: whole groups until the country's length is reached exactly.
    let mut count = 0;
    let mut offset = 0;
    for group in candidate.split(' ') {
        count += group.len();
        offset += group.len();
        if count == expected {
            return Some(offset);
        }
        if count > expected || group.len() != 4 {
            return None;
        }
        offset += 1;
    }
    None
}

/// The offset of the first two ASCII letters followed by two ASCII digits, how every candidate starts.
#[cfg(test)]
fn first_letters_digits(bytes: &[u8]) -> Option<usize> {
    bytes.windows(4).position(|w| {
        w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && w[1].is_ascii_alphabetic()
            && w[0].is_ascii_alphabetic()
    })
}

/// The case of an IBAN's letters: `Some(true)` upper (or no letters), `Some(false)` lower, `None` mixed.
fn upper_case(value: &str) -> Option<bool> {
    let upper = value.bytes().any(|b| b.is_ascii_uppercase());
    let lower = value.bytes().any(|b| b.is_ascii_lowercase());
    match (upper, lower) {
        (true, true) => None,
        (_, false) => Some(true),
        (false, true) => Some(false),
    }
}

/// The most bytes a candidate holds: two letters, two digits and eight groups of four and one of three,
/// each after a space.
const LONGEST: usize = 4 + 8 * 5 + 4;

/// Where candidates can start, in order: two ASCII letters, not after an ASCII word character (the
/// pattern's `\b`), then two ASCII digits. Found from the digit runs.
fn candidate_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(first) = crate::validate::scan::find_digit(bytes, from) {
            let mut end = first + 1;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            from = end;
            let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
            if end - first >= 2
                && first >= 2
                && bytes[first - 1].is_ascii_alphabetic()
                && bytes[first - 2].is_ascii_alphabetic()
                && (first == 2 || !word(bytes[first - 3]))
            {
                return Some(first - 2);
            }
        }
        None
    })
}

/// The same starts as [`candidate_starts`], read from the text's digit-bearing words (complete when `words`
/// is exact): the words that begin with two ASCII letters and two ASCII digits.
fn word_starts<'a>(bytes: &'a [u8], words: &'a DigitWords) -> impl Iterator<Item = usize> + 'a {
    words.iter().filter_map(|(s, e, _)| {
        (e - s >= 4
            && bytes[s].is_ascii_alphabetic()
            && bytes[s + 1].is_ascii_alphabetic()
            && bytes[s + 2].is_ascii_digit()
            && bytes[s + 3].is_ascii_digit())
        .then_some(s)
    })
}

/// The first candidate starting at or after `at`: what `CANDIDATES.find_at(text, at)` finds. Every match
/// starts at one of `starts`; each start is tried in a window of [`LONGEST`] bytes, moved on to a byte that
/// is not an ASCII word character and starts a character, so the pattern sees the same as in the whole
/// text.
fn next_candidate<'t>(
    text: &'t str,
    starts: &mut impl Iterator<Item = usize>,
    at: usize,
) -> Option<regex::Match<'t>> {
    let bytes = text.as_bytes();
    for start in starts.by_ref() {
        if start < at {
            continue;
        }
        let mut end = (start + LONGEST).min(bytes.len());
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric()
                || bytes[end] == b'_'
                || bytes[end] & 0xC0 == 0x80)
        {
            end += 1;
        }
        if let Some(m) = CANDIDATES.find_at(&text[..end], start) {
            if m.start() == start {
                return Some(m);
            }
        }
    }
    None
}

impl Recognizer for IbanRecognizer {
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
        let words = ctx.shared(|| DigitWords::of(text));
        if words.exact {
            self.find(text, word_starts(text.as_bytes(), &words), ctx, results);
        } else {
            self.find(text, candidate_starts(text.as_bytes()), ctx, results);
        }
        Ok(())
    }
}

impl IbanRecognizer {
    /// Reports the IBANs among the candidates starting at `starts` (see [`candidate_starts`]).
    fn find(
        &self,
        text: &str,
        mut starts: impl Iterator<Item = usize>,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        let mut at = 0;
        while let Some(m) = next_candidate(text, &mut starts, at) {
            let candidate = m.as_str();
            let found = iban_end(candidate).and_then(|len| {
                let value = &candidate[..len];
                let upper = upper_case(value)?;
                iban_is_valid(value).then_some((len, upper))
            });
            let Some((len, upper)) = found else {
                // An IBAN may start at the next group of a print-form candidate (`Ref AB12 DE89 …`).
                at = match candidate.find(' ') {
                    Some(space) => m.start() + space + 1,
                    None => m.end(),
                };
                continue;
            };
            let (start, end) = (m.start(), m.start() + len);
            let score = if upper { 1.0 } else { LOWER_CASE_SCORE };
            let mut r = RecognizerResult::new(
                self.entities[0].clone(),
                start,
                end,
                score,
                self.name.clone(),
            );
            if ctx.return_decision_process() {
                r.explanation = Some(Box::new(AnalysisExplanation {
                    recognizer: NAME.to_string(),
                    pattern_name: Some("IBAN (registry length + mod-97)".into()),
                    original_score: 0.5,
                    score,
                    validation_result: Some(if upper {
                        Validation::Valid
                    } else {
                        Validation::Unknown
                    }),
                    ..AnalysisExplanation::default()
                }));
            }
            results.push(r);
            at = end;
        }
    }
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: NAME,
    languages: Languages::Any,
    enabled_by_default: true,
    build: || Arc::new(iban()),
}];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(&str, f64)> {
        let mut out = Vec::new();
        let ents = [EntityType::IBAN_CODE];
        iban()
            .analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter()
            .map(|r| (&text[r.start..r.end], r.score))
            .collect()
    }

    #[test]
    fn forms_and_spans() {
        assert_eq!(
            find("GB82WEST12345698765432"),
            vec![("GB82WEST12345698765432", 1.0)]
        );
        assert_eq!(
            find("IBAN: DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX."),
            vec![("DE89 3704 0044 0532 0130 00", 1.0)]
        );
        // Length a multiple of four: the next four-character word is not part of it.
        assert_eq!(
            find("BE68 5390 0754 7034 GKCC BEBB"),
            vec![("BE68 5390 0754 7034", 1.0)]
        );
        // Two IBANs in a row.
        assert_eq!(
            find("BE68 5390 0754 7034 NL91 ABNA 0417 1643 00"),
            vec![
                ("BE68 5390 0754 7034", 1.0),
                ("NL91 ABNA 0417 1643 00", 1.0)
            ]
        );
        assert_eq!(
            find("ref AB12 DE89 3704 0044 0532 0130 00"),
            vec![("DE89 3704 0044 0532 0130 00", 1.0)]
        );
        assert_eq!(
            find("nl91abna0417164300"),
            vec![("nl91abna0417164300", 0.5)]
        );
    }

    #[test]
    fn rejects() {
        assert!(find("GB82WEST12345698765433").is_empty());
        assert!(find("GB82WEST123456987654321").is_empty());
        assert!(find("Nl91AbNa0417164300").is_empty());
        assert!(find("XGB82WEST12345698765432").is_empty());
        assert!(find("DE89 3704 0044 0532 0130").is_empty());
        assert!(find("DE89 37040044 0532 0130 00").is_empty());
        assert!(find("no account number here, 1234").is_empty());
    }

    /// The windowed candidate search finds what the search of the whole text finds.
    #[test]
    fn candidates_are_those_of_the_whole_text() {
        const PIECES: &[&str] = &[
            "DE89",
            "GB82",
            "de89",
            "WEST",
            "3704",
            "0044",
            "0532",
            "0130",
            "00",
            "1",
            "12",
            " ",
            "  ",
            "x",
            "AB",
            "_",
            "é",
            "-",
            "NL91ABNA0417164300",
            "1234",
            "Z",
            "\n",
        ];
        let mut found = 0;
        for text in crate::recognizers::glued::glued(PIECES, 0x2545_F491_4F6C_DD1Du64, 30_000, 24) {
            let words = DigitWords::of(&text);
            if words.exact {
                let by_words: Vec<usize> = word_starts(text.as_bytes(), &words).collect();
                let by_digits: Vec<usize> = candidate_starts(text.as_bytes()).collect();
                assert_eq!(by_words, by_digits, "{text:?}");
            }
            let mut starts = candidate_starts(text.as_bytes());
            // Each position in turn, as the recognizer's loop may resume anywhere.
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let mut starts_at = candidate_starts(text.as_bytes());
                let expected = CANDIDATES.find_at(&text, at).map(|m| m.range());
                assert_eq!(
                    next_candidate(&text, &mut starts_at, at).map(|m| m.range()),
                    expected,
                    "{text:?} {at}"
                );
                found += usize::from(expected.is_some());
            }
            let mut at = 0;
            while let Some(m) = next_candidate(&text, &mut starts, at) {
                assert_eq!(
                    CANDIDATES.find_at(&text, at).map(|m| m.range()),
                    Some(m.range())
                );
                at = m.start() + 1;
            }
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn first_candidate_start() {
        assert_eq!(first_letters_digits(b"GB82"), Some(0));
        assert_eq!(first_letters_digits(b"x 1G82 gb82"), Some(7));
        assert_eq!(first_letters_digits(b"GB8 G82"), None);
    }
}
