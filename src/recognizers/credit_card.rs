//! CREDIT_CARD: payment card numbers of real brands and lengths that pass the Luhn check.

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::catalog::{Languages, Spec};
use crate::analyzer::DigitWords;
use crate::validate::luhn_digits;
use crate::{
    AnalysisExplanation, EntityType, Error, Recognizer, RecognizerContext, RecognizerResult,
    Validation,
};

/// Runs of digits joined by single spaces or dashes, 13 digits or more. The recognizer then looks inside
/// each run for a card number, so a card glued to other numbers (`Qty 2 4111 1111 1111 1111`) is found.
static CANDIDATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d+(?:[ -]\d+)*(?-u:\b)").expect("constant pattern compiles")
});

const NAME: &str = "CreditCardRecognizer";
const CONTEXT: &[&str] = &[
    "credit",
    "card",
    "visa",
    "mastercard",
    "cc",
    "amex",
    "discover",
    "jcb",
    "diners",
    "maestro",
    "instapayment",
    "payment",
    "debit",
];

/// `CreditCardRecognizer`: 13–19 digit numbers, optionally grouped with one kind of separator (spaces or
/// dashes), whose issuer prefix and length belong to a real brand (Visa, Mastercard, American Express,
/// Discover, JCB, Diners Club, UnionPay, Maestro) and which pass the Luhn check. Valid numbers score 1.0;
/// everything else is dropped.
pub struct CreditCardRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    context: Vec<String>,
}

impl Default for CreditCardRecognizer {
    fn default() -> Self {
        CreditCardRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::CREDIT_CARD],
            context: CONTEXT.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// The predefined credit-card recognizer.
pub fn credit_card() -> CreditCardRecognizer {
    CreditCardRecognizer::default()
}

/// Whether a digit string (no separators) has a real brand's prefix and length.
pub(crate) fn brand_ok(digits: &[u8]) -> bool {
    let len = digits.len();
    let prefix = |n: usize| digits[..n].iter().fold(0u32, |a, &d| a * 10 + u32::from(d));
    if len < 12 {
        return false;
    }
    let p1 = prefix(1);
    let p2 = prefix(2);
    let p3 = prefix(3);
    let p4 = prefix(4);
    let p6 = prefix(6);
    match p1 {
        4 => matches!(len, 13 | 16 | 19),              // Visa
        5 if (51..=55).contains(&p2) => len == 16,     // Mastercard
        2 if (2221..=2720).contains(&p4) => len == 16, // Mastercard 2-series
        3 if p2 == 34 || p2 == 37 => len == 15,        // American Express
        3 if (3528..=3589).contains(&p4) => (16..=19).contains(&len), // JCB
        3 if (300..=305).contains(&p3) || p3 == 309 || p2 == 36 || p2 == 38 || p2 == 39 => {
            (14..=19).contains(&len) // Diners Club
        }
        6 if p4 == 6011 || (644..=649).contains(&p3) || p2 == 65 => (16..=19).contains(&len), // Discover
        6 if (622_126..=622_925).contains(&p6) || p2 == 62 || p2 == 81 => (16..=19).contains(&len), // UnionPay
        5 | 6
            if matches!(
                p4,
                5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761 | 6762 | 6763
            ) =>
        {
            (12..=19).contains(&len) // Maestro
        }
        _ => false,
    }
}

impl Recognizer for CreditCardRecognizer {
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
        let bytes = text.as_bytes();
        let mut groups: Vec<(usize, usize)> = Vec::new();
        let mut digits: Vec<u8> = Vec::new();
        let words = ctx.shared(|| DigitWords::of(text));
        if words.exact {
            // Where only ASCII characters are numeric, the candidates are the maximal chains of words made
            // only of ASCII digits joined by single spaces or dashes (a word with anything else in it has
            // no `\b` next to its digits); one with fewer than 12 digits holds no card number.
            let mut run: Option<(usize, usize, usize)> = None;
            for (s, e, pure) in words.iter() {
                if let Some((rs, re, n)) = run {
                    if pure && s == re + 1 && matches!(bytes[re], b' ' | b'-') {
                        run = Some((rs, e, n + e - s));
                        continue;
                    }
                    if n >= 12 {
                        let (g, d) = (&mut groups, &mut digits);
                        self.candidate(text, rs, &text[rs..re], g, d, ctx, results);
                    }
                    run = None;
                }
                if pure {
                    run = Some((s, e, e - s));
                }
            }
            if let Some((rs, re, n)) = run {
                if n >= 12 {
                    let (g, d) = (&mut groups, &mut digits);
                    self.candidate(text, rs, &text[rs..re], g, d, ctx, results);
                }
            }
            return Ok(());
        }
        let mut at = 0;
        for (lo, hi) in card_stretches(bytes) {
            // Within the stretch the regex sees the whole text before it and the byte after it.
            let haystack = &text[..hi];
            at = at.max(lo);
            while let Some(m) = CANDIDATES.find_at(haystack, at) {
                at = m.end();
                self.candidate(
                    text,
                    m.start(),
                    m.as_str(),
                    &mut groups,
                    &mut digits,
                    ctx,
                    results,
                );
            }
        }
        Ok(())
    }
}

impl CreditCardRecognizer {
    /// Looks for a card number in the candidate `run` starting at byte `start`.
    #[allow(clippy::too_many_arguments)]
    fn candidate(
        &self,
        text: &str,
        start: usize,
        run: &str,
        groups: &mut Vec<(usize, usize)>,
        digits: &mut Vec<u8>,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        // `+4915104177683` is a phone number in E.164 form.
        if run.len() < 12 || text[..start].ends_with('+') {
            return;
        }
        // Group boundaries within the run, and the separator before each group.
        groups.clear();
        let mut group_start = 0;
        for (i, b) in run.bytes().enumerate() {
            if b == b' ' || b == b'-' {
                groups.push((group_start, i));
                group_start = i + 1;
            }
        }
        groups.push((group_start, run.len()));
        if let Some((s, e)) = best_card(run, groups, digits) {
            let mut r = RecognizerResult::new(
                self.entities[0].clone(),
                start + s,
                start + e,
                1.0,
                self.name.clone(),
            );
            if ctx.return_decision_process() {
                r.explanation = Some(Box::new(AnalysisExplanation {
                    recognizer: NAME.to_string(),
                    pattern_name: Some("card number (brand + Luhn)".into()),
                    original_score: 0.3,
                    score: 1.0,
                    validation_result: Some(Validation::Valid),
                    ..AnalysisExplanation::default()
                }));
            }
            results.push(r);
        }
    }
}

/// Whether byte `b` can be part of a candidate: an ASCII digit, a space or dash, or any byte of a non-ASCII
/// character (the candidate pattern's `\d` matches every Unicode decimal digit).
fn in_stretch(b: u8) -> bool {
    b.is_ascii_digit() || b == b' ' || b == b'-' || !b.is_ascii()
}

/// The stretches of `bytes` that can hold a card number: maximal runs of [`in_stretch`] bytes with at least
/// 12 ASCII digits, the fewest a card number has, as `(start, end)`. The end is moved past any ASCII word
/// characters after the stretch, so that the pattern's ASCII `\b` sees the same at the end as in the whole
/// text; no candidate starts among them (no `\b` before a digit there).
///
/// Candidates are made of such bytes, so each lies in one stretch; one with fewer than 12 ASCII digits
/// has no card number.
fn card_stretches(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(first) = crate::validate::scan::find_digit(bytes, from) {
            let mut start = first;
            while start > from && in_stretch(bytes[start - 1]) {
                start -= 1;
            }
            let mut end = first;
            let mut digits = 0;
            while end < bytes.len() && in_stretch(bytes[end]) {
                digits += usize::from(bytes[end].is_ascii_digit());
                end += 1;
            }
            from = end;
            if digits >= 12 {
                while end < bytes.len()
                    && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_')
                {
                    end += 1;
                }
                return Some((start, end));
            }
        }
        None
    })
}

/// The start of the first stretch of `text` made of digits, spaces and dashes that holds at least 12 ASCII
/// digits, the fewest a card number has; any non-ASCII character counts as part of a stretch, as the
/// candidate pattern's `\d` matches every Unicode decimal digit. Candidates lie within such stretches, so
/// none can start before this one, and a text without one has no card number.
#[cfg(test)]
fn first_card_stretch(text: &str) -> Option<usize> {
    let mut start = 0;
    let mut digits = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii_digit() {
            digits += 1;
            if digits >= 12 {
                return Some(start);
            }
        } else if !(b == b' ' || b == b'-' || !b.is_ascii()) {
            start = i + 1;
            digits = 0;
        }
    }
    None
}

/// The longest window of whole groups that is a valid card number with one separator kind, as offsets
/// into `run`.
fn best_card(run: &str, groups: &[(usize, usize)], digits: &mut Vec<u8>) -> Option<(usize, usize)> {
    let bytes = run.as_bytes();
    let mut best: Option<(usize, usize)> = None;
    for i in 0..groups.len() {
        let mut count = 0;
        let mut sep: Option<u8> = None;
        // The ASCII digits of groups `i..=j`, one group appended per step (separators are not digits).
        digits.clear();
        for j in i..groups.len() {
            if j > i {
                let s = bytes[groups[j].0 - 1];
                if sep.is_some_and(|x| x != s) {
                    break;
                }
                sep = Some(s);
            }
            let (gs, ge) = groups[j];
            count += ge - gs;
            if count > 19 {
                break;
            }
            digits.extend(
                bytes[gs..ge]
                    .iter()
                    .filter(|b| b.is_ascii_digit())
                    .map(|b| b - b'0'),
            );
            if count < 12 {
                continue;
            }
            let (s, e) = (groups[i].0, ge);
            if best.is_some_and(|(bs, be)| be - bs >= e - s) {
                continue;
            }
            // A window cut out of a dash-joined number (`294-5893251-8885426`) is part of another
            // identifier; space-joined neighbours (`Qty 2 4111 …`) are just adjacent numbers.
            if (i > 0 && bytes[groups[i].0 - 1] == b'-')
                || (j + 1 < groups.len() && bytes[groups[j].1] == b'-')
            {
                continue;
            }
            if digits.iter().all(|&d| d == digits[0]) {
                continue;
            }
            if brand_ok(digits) && luhn_digits(digits.iter().copied()) {
                best = Some((s, e));
            }
        }
    }
    best
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "CreditCardRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(credit_card()),
}];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let rec = credit_card();
        let mut out = Vec::new();
        let ents = [EntityType::CREDIT_CARD];
        rec.analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn brands_and_lengths() {
        for n in [
            "4111111111111111",
            "4012888888881881",
            "4222222222222",
            "5555555555554444",
            "2221000000000009",
            "378282246310005",
            "6011111111111117",
            "3530111333300000",
            "30569309025904",
            "38520000023237",
            "6200000000000005",
        ] {
            assert_eq!(find(n), vec![n], "{n}");
        }
        // Luhn-valid but no brand has this prefix/length.
        assert!(find("79927398713").is_empty());
        assert!(find("1234567890123452").is_empty());
    }

    #[test]
    fn separators_and_neighbours() {
        assert_eq!(
            find("card 4111 1111 1111 1111."),
            vec!["4111 1111 1111 1111"]
        );
        assert_eq!(find("3782-822463-10005"), vec!["3782-822463-10005"]);
        assert_eq!(
            find("Qty 2 4111 1111 1111 1111 2024"),
            vec!["4111 1111 1111 1111"]
        );
        assert!(find("4111 1111-1111 1111").is_empty());
        assert!(find("4111 1111 1111 1112").is_empty());
        assert!(find("x4111111111111111").is_empty());
        assert_eq!(find("é4111111111111111ü"), vec!["4111111111111111"]);
        assert!(find("4444444444444444").is_empty());
        assert_eq!(
            find("order 12, ref 9-9; card 4111-1111-1111-1111"),
            vec!["4111-1111-1111-1111"]
        );
    }

    /// The old search: the candidate pattern over the whole text from the first card stretch on.
    fn whole_text(text: &str) -> Vec<(usize, usize)> {
        let rec = credit_card();
        let ents = [EntityType::CREDIT_CARD];
        let ctx = RecognizerContext::new(&ents, "en");
        let (mut groups, mut digits, mut out) = (Vec::new(), Vec::new(), Vec::new());
        let Some(mut at) = first_card_stretch(text) else {
            return Vec::new();
        };
        while let Some(m) = CANDIDATES.find_at(text, at) {
            at = m.end();
            rec.candidate(
                text,
                m.start(),
                m.as_str(),
                &mut groups,
                &mut digits,
                &ctx,
                &mut out,
            );
        }
        out.iter().map(|r| (r.start, r.end)).collect()
    }

    /// Searching only the stretches finds what the search of the whole text finds.
    #[test]
    fn stretches_find_what_the_whole_text_finds() {
        const PIECES: &[&str] = &[
            "4111",
            "1111",
            "4111111111111111",
            "378282246310005",
            "3782",
            "822463",
            "10005",
            "12",
            "7",
            "0",
            " ",
            "  ",
            "-",
            "--",
            "+",
            "x",
            "_",
            "é",
            "\u{663}",
            "\u{664}\u{665}",
            ".",
            ",",
            "\n",
            "ab",
            "5555555555554444",
            "6011",
            "0000",
            "9a",
            "A1",
        ];
        let mut found = 0;
        for text in crate::recognizers::glued::glued(PIECES, 0x2545_F491_4F6C_DD1Du64, 30_000, 24) {
            let expected = whole_text(&text);
            found += expected.len();
            let got: Vec<(usize, usize)> = {
                let ents = [EntityType::CREDIT_CARD];
                let mut out = Vec::new();
                credit_card()
                    .analyze(&text, &RecognizerContext::new(&ents, "en"), &mut out)
                    .unwrap();
                out.iter().map(|r| (r.start, r.end)).collect()
            };
            assert_eq!(got, expected, "{text:?}");
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn card_stretches() {
        assert_eq!(first_card_stretch("12345678901"), None);
        assert_eq!(first_card_stretch("1234 5678, 901 234"), None);
        assert_eq!(first_card_stretch("ab 1234 5678 9012 x"), Some(2));
        assert_eq!(first_card_stretch("a\u{663}123456789012"), Some(1));
    }
}
