//! PHONE_NUMBER: telephone numbers validated against real numbering plans.
//!
//! Three steps, cheapest first:
//!
//! 1. **Candidates**: one ASCII regex finds runs of digit groups joined by phone separators (spaces, `-`,
//!    `.`, `/`, parentheses), with an optional leading `+` or `(`.
//! 2. **Layout**: each run is split into digit groups; windows of consecutive groups are tried, longest
//!    first from the left. A window must sit on a real boundary (no letter, digit or `_` glued to it, not a
//!    piece of a longer dotted or dashed number such as an IP, version, ISBN or order id), have balanced
//!    parentheses (a `(` without its `)` is left out of the span), and not have the layout of a date
//!    (`2024-03-05`, `05.03.2024`, `03/05/2024`), an IP or version (`4.18.2.1`), an SSN (`123-45-6789`) or a
//!    Luhn-valid card number.
//! 3. **Numbering plan**: the digits are validated with libphonenumber's metadata (the `phonenumber`
//!    crate): numbers written with `+` or `00` against the plan of their country calling code, any
//!    country; numbers written nationally against each of the recognizer's regions, accepted when valid
//!    for one of them (libphonenumber's `isValidNumberForRegion`, not merely a possible length).
//!
//! A `(0)` trunk marker after the country code (`+44 (0)20 7946 0958`) is dropped before validation. An
//! extension (`ext. 204`, `x204`, `#204`, `;ext=204`, or a German Durchwahl `-103`) is part of the span.
//!
//! # Scores
//!
//! | form | score |
//! |---|---|
//! | international (`+` or `00` prefix), valid for its country code | 0.7 |
//! | national, written in groups (`020 7946 0958`, `(212) 555-0142`), valid for a region | 0.4 |
//! | national, one bare digit run (`07700900123`), valid for a region | 0.3 |
//!
//! Context words (`phone`, `tel`, `mobile`, `call`, `fax`, …, and their German, French, Spanish, Italian and
//! Dutch equivalents) add 0.35 in the engine, so a bare run needs context to pass a 0.4 threshold.
//!
//! # Default regions
//!
//! [`PhoneRecognizer::DEFAULT_REGIONS`]: the countries whose nationally written numbers commonly appear in English text and
//! in the European-language text of typical fine-tuning data: US, CA, GB, IE, AU, NZ, IN, ZA, SG, DE, AT, CH,
//! FR, BE, NL, ES, IT. International numbers are recognised for every region regardless.

mod plan;

use std::cell::Cell;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::catalog::{Languages, Spec};
use crate::analyzer::DigitWords;
use crate::validate::luhn_digits;
use crate::{
    AnalysisExplanation, EntityType, Error, Recognizer, RecognizerContext, RecognizerResult,
    Validation,
};

/// Whether `bytes[i..]` starts with a run separator: a space, no-break space, `-`, `.`, `/` or a
/// parenthesis. Returns its length in bytes.
fn run_separator(bytes: &[u8], i: usize) -> Option<usize> {
    match *bytes.get(i)? {
        b' ' | b'-' | b'.' | b'/' | b'(' | b')' => Some(1),
        0xC2 if bytes.get(i + 1) == Some(&0xA0) => Some(2),
        _ => None,
    }
}

/// The next run of digits joined by up to three separator characters, with up to two leading `+` or `(`,
/// at or after byte `from`: `(start, end, ASCII digits in it)`.
///
/// This is the leftmost-first match of the regex `[+(]{0,2}[0-9](?:[ \x{a0}\-./()]{0,3}[0-9])*\)?`
/// searched from `from`, written out by hand: the regex engine's per-match overhead dominated, as most
/// texts hold many short numbers.
fn next_run(text: &str, from: usize) -> Option<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let first = crate::validate::scan::find_digit(bytes, from)?;
    let mut start = first;
    while start > from && first - start < 2 && matches!(bytes[start - 1], b'+' | b'(') {
        start -= 1;
    }
    let mut end = first + 1;
    let mut digits = 1;
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
            digits += 1;
        }
        // Up to three separators, then a digit continues the run.
        let mut j = end;
        let mut seps = 0;
        while seps < 3 {
            let Some(len) = run_separator(bytes, j) else {
                break;
            };
            j += len;
            seps += 1;
        }
        if seps > 0 && bytes.get(j).is_some_and(u8::is_ascii_digit) {
            end = j + 1;
            digits += 1;
        } else {
            break;
        }
    }
    if bytes.get(end) == Some(&b')') {
        end += 1;
    }
    Some((start, end, digits))
}

/// Whether digit groups ending at byte `end` and starting at byte `start` are joined in one run (see
/// [`next_run`]): the bytes between are one to three separators.
#[inline]
fn joined(bytes: &[u8], end: usize, start: usize) -> bool {
    // Three separators take at most six bytes (no-break spaces).
    if start - end > 6 {
        return false;
    }
    let mut j = end;
    let mut seps = 0;
    while seps < 3 && j < start {
        let Some(len) = run_separator(bytes, j) else {
            return false;
        };
        j += len;
        seps += 1;
    }
    j == start
}

/// The runs [`next_run`] finds in `text`, in order, read from its digit-bearing ASCII words instead of
/// its bytes: calls `each((start, end), digits, groups)` with each run's span, its count of digits and its
/// digit groups, in text order.
///
/// Every ASCII digit lies in exactly one maximal ASCII word holding a digit, so a run's digit groups are
/// the digit stretches of `words` (`DigitWords::of(text)`, which must be `exact`), and two neighbouring
/// groups belong to one run when one to three separators join them.
fn runs_from_words(
    text: &str,
    words: &DigitWords,
    groups: &mut Vec<Group>,
    mut each: impl FnMut((usize, usize), usize, &[Group]),
) {
    let bytes = text.as_bytes();
    groups.clear();
    // The end of the previous run, which a run's leading `+` or `(` cannot reach back over.
    let mut from = 0;
    let mut digits = 0;
    let mut finish = |groups: &mut Vec<Group>, digits: usize, from: &mut usize| {
        let first = groups[0].start;
        let mut start = first;
        while start > *from && first - start < 2 && matches!(bytes[start - 1], b'+' | b'(') {
            start -= 1;
        }
        let mut end = groups[groups.len() - 1].end;
        if bytes.get(end) == Some(&b')') {
            end += 1;
        }
        each((start, end), digits, groups);
        *from = end;
        groups.clear();
    };
    let mut push = |group: Group, groups: &mut Vec<Group>, digits: &mut usize, from: &mut usize| {
        if let Some(last) = groups.last() {
            if !joined(bytes, last.end, group.start) {
                finish(groups, *digits, from);
                *digits = 0;
            }
        }
        *digits += group.end - group.start;
        groups.push(group);
    };
    for (start, end, pure) in words.iter() {
        if pure {
            push(Group { start, end }, groups, &mut digits, &mut from);
            continue;
        }
        let mut a = start;
        while a < end {
            if !bytes[a].is_ascii_digit() {
                a += 1;
                continue;
            }
            let mut b = a + 1;
            while b < end && bytes[b].is_ascii_digit() {
                b += 1;
            }
            push(Group { start: a, end: b }, groups, &mut digits, &mut from);
            a = b;
        }
    }
    if !groups.is_empty() {
        finish(groups, digits, &mut from);
    }
}

/// An extension written after the number: `ext. 204`, `x204`, `#204`, `, ext 204`, `;ext=204`.
static EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[ \x{a0}]?,?[ \x{a0}]?",
        r"(?i:ext(?:ension|n)?\.?|x|#|poste|durchwahl|apparat|toestel|interno)",
        r"[ \x{a0}]?[:.]?[ \x{a0}]?[0-9]{1,6}|;ext=[0-9]{1,6})",
    ))
    .expect("constant pattern")
});

/// The extension written at the start of `rest` (see [`EXTENSION`]): the end of its match, if any.
///
/// Most numbers have none, so the regex runs only where one can start: a match is at most five bytes of
/// spaces, no-break spaces and a comma, then `;` or the first character of a label (`e`, `x`, `#`, `p`,
/// `d`, `a`, `t`, `i`, in either ASCII case: no other character folds to them), so without such a byte
/// after those separator bytes there is no match.
fn extension_end(rest: &[u8], text: &str) -> Option<usize> {
    let mut k = 0;
    while k < 6 && matches!(rest.get(k), Some(b' ' | b',' | 0xC2 | 0xA0)) {
        k += 1;
    }
    let first = *rest.get(k)?;
    if !matches!(
        first | 0x20,
        b'e' | b'x' | b'p' | b'd' | b'a' | b't' | b'i' | b';'
    ) && first != b'#'
    {
        return None;
    }
    EXTENSION.find(text).map(|m| m.end())
}

const NAME: &str = "PhoneRecognizer";
const SCORE_INTERNATIONAL: f64 = 0.7;
const SCORE_NATIONAL: f64 = 0.4;
const SCORE_BARE: f64 = 0.3;
/// The most digits a phone number window can hold: 15 (E.164's maximum) after a `00` prefix, plus one for
/// a national trunk `0`. Windows are capped at this, so a long run of digit groups costs linear time.
const MAX_WINDOW_DIGITS: usize = 18;

const CONTEXT: &[&str] = &[
    // Presidio's words, except "number" (it raises order, account and ticket numbers just as much).
    "phone",
    "telephone",
    "cell",
    "cellphone",
    "mobile",
    "call",
    // Ours.
    "tel",
    "ph",
    "mob",
    "fax",
    "landline",
    "hotline",
    "helpline",
    "whatsapp",
    "sms",
    "text",
    "dial",
    "callback",
    "contact",
    "reach",
    "ext",
    "phoned",
    "called",
    "calling",
    "texted",
    "contacted",
    // German, French, Spanish, Italian, Dutch.
    "telefon",
    "telefonnummer",
    "rufnummer",
    "handy",
    "mobil",
    "anrufen",
    "rückruf",
    "erreichbar",
    "téléphone",
    "portable",
    "appeler",
    "joindre",
    "rappeler",
    "teléfono",
    "móvil",
    "llamar",
    "telefono",
    "cellulare",
    "chiamare",
    "telefoonnummer",
    "mobiel",
    "bellen",
];

/// `PhoneRecognizer`: telephone numbers validated against libphonenumber's numbering plans.
///
/// International numbers (`+44 20 7946 0958`, `0044 20 7946 0958`, `+14155550187`) are accepted for any
/// country; national ones (`020 7946 0958`, `(212) 555-0142`) when valid for one of the recognizer's
/// regions: candidates by layout, then validation against libphonenumber metadata; international numbers
/// score 0.7, grouped national numbers 0.4, bare national digit runs 0.3 (context adds 0.35).
pub struct PhoneRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    context: Vec<String>,
    regions: Vec<&'static plan::Plan>,
}

impl std::fmt::Debug for PhoneRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhoneRecognizer")
            .field("name", &self.name)
            .field("regions", &self.regions.len())
            .finish()
    }
}

impl Default for PhoneRecognizer {
    fn default() -> Self {
        PhoneRecognizer::with_regions(Self::DEFAULT_REGIONS).expect("default regions are known")
    }
}

/// The predefined phone number recognizer, with [`PhoneRecognizer::DEFAULT_REGIONS`].
pub fn phone() -> PhoneRecognizer {
    PhoneRecognizer::default()
}

impl PhoneRecognizer {
    /// The regions whose national numbers the predefined recognizer accepts, in the order they are tried:
    /// the countries whose nationally written numbers commonly appear in English text (US, CA, GB, IE, AU,
    /// NZ, IN, ZA, SG) and in the European-language text of typical fine-tuning data (DE, AT, CH, FR, BE,
    /// NL, ES, IT).
    pub const DEFAULT_REGIONS: &'static [&'static str] = &[
        "US", "GB", "IN", "AU", "DE", "FR", "ES", "IT", "NL", "CA", "IE", "NZ", "ZA", "SG", "AT",
        "CH", "BE",
    ];

    /// A recognizer accepting national numbers of `regions` (ISO 3166 alpha-2 codes such as `"US"`, `"GB"`;
    /// tried in this order) and international numbers of every country.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] when a region is not one libphonenumber knows.
    ///
    /// # Example
    ///
    /// ```
    /// use piiscrub::recognizers::PhoneRecognizer;
    /// use piiscrub::{AnalyzeOptions, AnalyzerEngine};
    ///
    /// let engine = AnalyzerEngine::builder()
    ///     .add_recognizer(PhoneRecognizer::with_regions(&["DE", "AT", "CH"])?)
    ///     .build()?;
    /// let found = engine.analyze("Rückruf unter 030 901820-103 oder +1 415 555 0187.", &AnalyzeOptions::default())?;
    /// let text = "Rückruf unter 030 901820-103 oder +1 415 555 0187.";
    /// let spans: Vec<&str> = found.iter().map(|r| &text[r.start..r.end]).collect();
    /// assert_eq!(spans, ["030 901820-103", "+1 415 555 0187"]);
    /// # Ok::<(), piiscrub::Error>(())
    /// ```
    pub fn with_regions(regions: &[&str]) -> Result<Self, Error> {
        let mut plans = Vec::with_capacity(regions.len());
        for r in regions {
            let upper = r.to_ascii_uppercase();
            let plan = plan::is_known_region(&upper)
                .then(|| plan::plan(&upper))
                .flatten()
                .ok_or_else(|| Error::InvalidConfig {
                    what: format!("phone region {upper}"),
                    reason: "not a region with a known numbering plan",
                })?;
            plans.push(plan);
        }
        Ok(PhoneRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::PHONE_NUMBER],
            context: CONTEXT.iter().map(|s| s.to_string()).collect(),
            regions: plans,
        })
    }

    fn valid_national(&self, digits: &str) -> bool {
        self.regions.iter().any(|p| p.is_valid_national(digits))
    }
}

/// A digit group of a run: byte offsets into the text.
#[derive(Clone, Copy, Debug)]
struct Group {
    start: usize,
    end: usize,
}

/// How two neighbouring digit groups are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// Whitespace only.
    Space,
    /// Whitespace with one punctuation mark or parenthesis (`" - "`, `" / "`, `") "`): also how numbers in
    /// a list, or a number and a parenthesised remark, are separated.
    Loose,
    /// One punctuation mark or parenthesis and no whitespace (`-`, `.`, `/`, `)`).
    Tight(u8),
    /// Not a phone separator (`..`, `--`, `)(`): the groups belong to different candidates.
    Break,
}

/// How the separator `sep` (the bytes between two digit groups) joins them, read byte by byte: a
/// no-break space is its two bytes, any other character outside ASCII breaks, as in [`classify_chars`].
fn classify(sep: &[u8]) -> Join {
    let (mut spaces, mut punct, mut open, mut close, mut chars) = (0, None, 0, 0, 0);
    let mut k = 0;
    while k < sep.len() {
        let c = sep[k];
        chars += 1;
        match c {
            b' ' => spaces += 1,
            0xC2 if sep.get(k + 1) == Some(&0xA0) => {
                spaces += 1;
                k += 1;
            }
            b'-' | b'.' | b'/' => {
                if punct.is_some() {
                    return Join::Break;
                }
                punct = Some(c);
            }
            b'(' => open += 1,
            b')' => {
                if open > 0 {
                    return Join::Break;
                }
                close += 1;
            }
            _ => return Join::Break,
        }
        k += 1;
    }
    join_of(spaces, punct, open, close, chars)
}

/// [`classify`] on the characters of `sep`.
#[cfg(test)]
fn classify_chars(sep: &str) -> Join {
    let (mut spaces, mut punct, mut open, mut close, mut chars) = (0, None, 0, 0, 0);
    for c in sep.chars() {
        chars += 1;
        match c {
            ' ' | '\u{a0}' => spaces += 1,
            '-' | '.' | '/' => {
                if punct.is_some() {
                    return Join::Break;
                }
                punct = Some(c as u8);
            }
            '(' => open += 1,
            ')' => {
                if open > 0 {
                    return Join::Break;
                }
                close += 1;
            }
            _ => return Join::Break,
        }
    }
    join_of(spaces, punct, open, close, chars)
}

/// The join of a separator of `chars` characters with these counts of spaces, opening and closing
/// parentheses, and its punctuation mark.
fn join_of(spaces: usize, punct: Option<u8>, open: usize, close: usize, chars: usize) -> Join {
    if chars > 3 || spaces > 2 || open > 1 || close > 1 {
        return Join::Break;
    }
    if spaces > 0 {
        if punct.is_some() || open + close > 0 {
            Join::Loose
        } else {
            Join::Space
        }
    } else if let Some(p) = punct {
        Join::Tight(p)
    } else if close > 0 {
        Join::Tight(b')')
    } else {
        Join::Tight(b'(')
    }
}

/// The character before byte offset `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character at byte offset `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether the span starting at `start` is glued to something on its left.
fn glued_left(text: &str, start: usize) -> bool {
    let Some(c) = char_before(text, start) else {
        return false;
    };
    let before = char_before(text, start - c.len_utf8());
    if is_word(c) {
        // An escaped newline or tab in JSON-in-text (`\n+44 …`) is a boundary.
        return !(matches!(c, 'n' | 't' | 'r') && before == Some('\\'));
    }
    match c {
        // Part of an identifier or longer number: `INV-2024-00831`, `v1.2`, `a/0301234567`.
        '-' | '.' | '/' | '_' | '#' | '+' | ':' => before.is_some_and(|b| {
            b.is_ascii_digit() || (matches!(c, '-' | '_' | '/' | '#') && is_word(b))
        }),
        _ => false,
    }
}

/// Whether the span ending at `end` is glued to something on its right.
fn glued_right(text: &str, end: usize) -> bool {
    let Some(c) = char_at(text, end) else {
        return false;
    };
    if is_word(c) {
        return true;
    }
    let after = char_at(text, end + c.len_utf8());
    match c {
        '-' | '.' | '/' | ':' | '_' => after.is_some_and(|a| a.is_ascii_digit()),
        _ => false,
    }
}

/// Whether the groups' lengths and joins look like a date, IP or version, SSN, ISBN or part number rather
/// than a telephone number.
fn bad_layout(text: &str, groups: &[Group], joins: &[Join], international: bool) -> bool {
    let len = |g: &Group| g.end - g.start;
    let lens = || groups.iter().map(len);
    let value = |g: &Group| -> u32 {
        text.get(g.start..g.end)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    };
    let all_tight = |p: u8| !joins.is_empty() && joins.iter().all(|&j| j == Join::Tight(p));
    // Dates: 2024-03-05, 05.03.2024, 03/05/2024, 5/3/2024, 2024 03 05.
    if groups.len() == 3 && !international {
        let lens = [len(&groups[0]), len(&groups[1]), len(&groups[2])];
        let (a, b, c) = (value(&groups[0]), value(&groups[1]), value(&groups[2]));
        let day_month = |x: u32, y: u32| (1..=31).contains(&x) && (1..=31).contains(&y);
        let year = |l: usize, v: u32| l == 4 && (1800..=2099).contains(&v);
        if (year(lens[0], a) && lens[1] <= 2 && lens[2] <= 2 && day_month(b, c))
            || (year(lens[2], c) && lens[0] <= 2 && lens[1] <= 2 && day_month(a, b))
        {
            return true;
        }
    }
    // IP addresses (four dotted groups of at most three digits), versions and SKUs (three such groups and
    // fewer than nine digits; Spanish numbers are written 953.767.437).
    let digits: usize = lens().sum();
    if all_tight(b'.')
        && lens().all(|l| l <= 3)
        && (groups.len() == 4 || (groups.len() == 3 && digits < 9))
    {
        return true;
    }
    if international {
        return false;
    }
    // SSN layout 123-45-6789 / 123 45 6789, US ZIP+4 12345-6789.
    let shape_is = |want: &[usize]| lens().eq(want.iter().copied());
    let dashes_only = joins
        .iter()
        .all(|j| !matches!(j, Join::Tight(p) if *p != b'-'));
    if (shape_is(&[3, 2, 4]) || shape_is(&[5, 4])) && dashes_only {
        return true;
    }
    // Many groups: only the French pairs layout (01 23 45 67 89) has more than five.
    if groups.len() > 5 && !lens().all(|l| l == 2) {
        return true;
    }
    // A one-digit group after the first (ISBNs 978-3-16-148410-0, part numbers); the first may be a trunk
    // or NANP prefix (0 800 …, 1-800-…).
    if lens().skip(1).any(|l| l == 1) {
        return true;
    }
    false
}

/// Whether one unseparated national digit run is more likely something else: longer than national numbers
/// are written (EANs, epoch milliseconds, account numbers), or a Unix timestamp in seconds (2017–2036).
fn bare_run_unlikely(digits: &str) -> bool {
    digits.len() > 12
        || (digits.len() == 10
            && digits
                .parse::<u64>()
                .is_ok_and(|v| (1_500_000_000..2_100_000_000).contains(&v)))
}

/// Words that label a number as something other than a telephone number when they directly precede it
/// (`Passport: 402646711`, `NHS No. 423 484 3911`, `"nhs_number": "…"`, `Kundennummer: …`).
const OTHER_LABELS: &[&str] = &[
    "account",
    "acct",
    "iban",
    "bic",
    "swift",
    "routing",
    "sort",
    "invoice",
    "inv",
    "receipt",
    "order",
    "ref",
    "reference",
    "ticket",
    "case",
    "tracking",
    "parcel",
    "colis",
    "waybill",
    "awb",
    "shipment",
    "passport",
    "license",
    "licence",
    "dl",
    "ssn",
    "sin",
    "nhs",
    "nino",
    "tin",
    "ein",
    "vat",
    "tax",
    "isbn",
    "ean",
    "upc",
    "sku",
    "serial",
    "imei",
    "id",
    "uid",
    "pid",
    "mrn",
    "npi",
    "dea",
    "member",
    "policy",
    "claim",
    "customer",
    "employee",
    "emp",
    "payroll",
    "zip",
    "postcode",
    "plz",
    "pin",
    "otp",
    "code",
    "booking",
    "confirmation",
    "transaction",
    "txn",
    "target",
    "port",
    "version",
    "kundennummer",
    "kundennr",
    "rechnung",
    "rechnungsnummer",
    "bestellnummer",
    "auftrag",
    "steuernummer",
    "konto",
    "kontonummer",
    "commande",
    "facture",
    "pedido",
    "factura",
    "ordine",
    "fattura",
    "bestelling",
    "factuur",
];

/// Words that name a label's kind without saying what it labels: `passport number`, `NHS No.`.
const NUMBER_WORDS: &[&str] = &[
    "number", "no", "nr", "num", "nummer", "numero", "número", "numéro", "value",
];

/// What a word is to [`labelled_as_other`]: nothing, one of [`OTHER_LABELS`], or one of [`NUMBER_WORDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LabelClass {
    None,
    Other,
    NumberWord,
}

/// The lower-case words of [`OTHER_LABELS`] and [`NUMBER_WORDS`] of at most 16 bytes, in an
/// open-addressed table keyed by the word's bytes read as one number (see [`label_key`]); linear probing.
struct LabelTable {
    keys: [u128; LABEL_SLOTS],
    classes: [LabelClass; LABEL_SLOTS],
}

/// The slots of [`LabelTable`]: a power of two, more than twice the words.
const LABEL_SLOTS: usize = 256;

/// A word of at most 16 bytes as a number: its bytes, little-endian, zero-padded. Distinct words have
/// distinct keys (no word holds a zero byte) and no word's key is 0.
#[inline]
fn label_key(word: &[u8; 16]) -> u128 {
    u128::from_le_bytes(*word)
}

/// The first slot to probe for `key`.
#[inline]
fn label_slot(key: u128) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % LABEL_SLOTS
}

impl LabelTable {
    fn new() -> LabelTable {
        let mut table = LabelTable {
            keys: [0; LABEL_SLOTS],
            classes: [LabelClass::None; LABEL_SLOTS],
        };
        // Number words first, so a word in both lists is a label (the label test comes first).
        let words = NUMBER_WORDS
            .iter()
            .map(|w| (w, LabelClass::NumberWord))
            .chain(OTHER_LABELS.iter().map(|w| (w, LabelClass::Other)));
        for (word, class) in words {
            let mut buf = [0u8; 16];
            let Some(dst) = buf.get_mut(..word.len()) else {
                continue;
            };
            dst.copy_from_slice(word.as_bytes());
            let key = label_key(&buf);
            let mut k = label_slot(key);
            while table.keys[k] != 0 && table.keys[k] != key {
                k = (k + 1) % LABEL_SLOTS;
            }
            table.keys[k] = key;
            table.classes[k] = class;
        }
        table
    }

    /// The class of the lower-case word held zero-padded in `word`.
    #[inline]
    fn class(&self, word: &[u8; 16]) -> LabelClass {
        let key = label_key(word);
        let mut k = label_slot(key);
        loop {
            let at = self.keys[k];
            if at == key {
                return self.classes[k];
            }
            if at == 0 {
                return LabelClass::None;
            }
            k = (k + 1) % LABEL_SLOTS;
        }
    }
}

/// Whether the word directly before `start` (or the one before it, when that word is only "number",
/// "no", …) labels the number as something other than a telephone number.
///
/// Reads the ASCII words back in place and looks them up in a table ([`LabelTable`]); where a non-ASCII
/// byte is among the bytes read, [`labelled_as_other_by_chars`] decides (Unicode letters and digits are
/// word characters).
fn labelled_as_other(text: &str, start: usize) -> bool {
    static LABELS: LazyLock<LabelTable> = LazyLock::new(LabelTable::new);
    let bytes = text.as_bytes();
    // The window `labelled_as_other_by_chars` reads: 40 bytes, or all of the text before `start` when
    // that cuts a character.
    let lo = match start.checked_sub(40) {
        Some(lo) if text.is_char_boundary(lo) => lo,
        _ => 0,
    };
    let mut i = start;
    for _ in 0..2 {
        while i > lo && !bytes[i - 1].is_ascii_alphanumeric() {
            if !bytes[i - 1].is_ascii() {
                return labelled_as_other_by_chars(text, start);
            }
            i -= 1;
        }
        let end = i;
        while i > lo && bytes[i - 1].is_ascii_alphanumeric() {
            i -= 1;
        }
        if i > lo && !bytes[i - 1].is_ascii() {
            return labelled_as_other_by_chars(text, start);
        }
        if i == end {
            return false;
        }
        let mut lower = [0u8; 16];
        let Some(dst) = lower.get_mut(..end - i) else {
            // Longer than every label and number word.
            return false;
        };
        dst.copy_from_slice(&bytes[i..end]);
        dst.make_ascii_lowercase();
        match LABELS.class(&lower) {
            LabelClass::Other => return true,
            LabelClass::None => return false,
            LabelClass::NumberWord => {}
        }
    }
    false
}

/// [`labelled_as_other`] on the characters of the 40 bytes before `start` (or all of the text before
/// it, when those bytes cut a character).
fn labelled_as_other_by_chars(text: &str, start: usize) -> bool {
    let Some(before) = text
        .get(start.saturating_sub(40)..start)
        .or_else(|| text.get(..start))
    else {
        return false;
    };
    for word in before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
    {
        if OTHER_LABELS.iter().any(|l| l.eq_ignore_ascii_case(word)) {
            return true;
        }
        if !NUMBER_WORDS.iter().any(|l| l.eq_ignore_ascii_case(word)) {
            return false;
        }
    }
    false
}

/// The index of the `)` closing the `(` at index 0.
fn closing_paren(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for (k, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the span starting at `start` continues an IBAN written in groups of four
/// (`NL28 ABNA 6395 9000 17`, `… X70C 2982 613`).
fn continues_iban(text: &str, start: usize) -> bool {
    let group = |s: &str| {
        s.len() == 4
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && s.bytes().any(|b| b.is_ascii_uppercase())
    };
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    let Some(before) = text
        .get(start.saturating_sub(11)..start)
        .or_else(|| text.get(..start))
    else {
        return false;
    };
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let mut tokens = before.rsplit(|c: char| !c.is_ascii_alphanumeric());
    let (Some(prev), prev2) = (tokens.next(), tokens.next()) else {
        return false;
    };
    group(prev)
        && (has_digit(prev)
            || prev2.is_some_and(|p| {
                p.len() == 4 && has_digit(p) && p.bytes().any(|b| b.is_ascii_uppercase())
            }))
}

/// The reusable buffers of [`PhoneRecognizer::analyze`]: a run's digit groups, their joins, and the
/// spans found.
type Buffers = (Vec<Group>, Vec<Join>, Vec<(usize, usize, f64)>);

/// A candidate the layout checks accepted, before numbering-plan validation.
struct Window {
    start: usize,
    international: bool,
    bare: bool,
}

impl PhoneRecognizer {
    /// Finds the numbers in one run of digit groups, pushing their spans.
    fn scan_run(
        &self,
        text: &str,
        run: (usize, usize),
        groups: &mut Vec<Group>,
        joins: &mut Vec<Join>,
        found: &mut Vec<(usize, usize, f64)>,
    ) {
        groups.clear();
        let bytes = text.as_bytes();
        let mut i = run.0;
        while i < run.1 {
            if bytes[i].is_ascii_digit() {
                let s = i;
                while i < run.1 && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                groups.push(Group { start: s, end: i });
            } else {
                i += 1;
            }
        }
        self.scan_groups(text, run, groups, joins, found);
    }

    /// Finds the numbers in one run of digit groups, given its groups, pushing their spans.
    fn scan_groups(
        &self,
        text: &str,
        run: (usize, usize),
        groups: &[Group],
        joins: &mut Vec<Join>,
        found: &mut Vec<(usize, usize, f64)>,
    ) {
        let bytes = text.as_bytes();
        // How each pair of neighbouring groups is joined, classified once.
        joins.clear();
        joins.extend(
            groups
                .windows(2)
                .map(|w| classify(&bytes[w[0].end..w[1].start])),
        );
        // Split into segments at separators that are not phone separators.
        let mut seg_start = 0;
        for k in 1..=groups.len() {
            let split = k == groups.len() || joins[k - 1] == Join::Break;
            if split {
                self.scan_segment(
                    text,
                    run,
                    &groups[seg_start..k],
                    &joins[seg_start..k - 1],
                    found,
                );
                seg_start = k;
            }
        }
    }

    fn scan_segment(
        &self,
        text: &str,
        run: (usize, usize),
        groups: &[Group],
        joins: &[Join],
        found: &mut Vec<(usize, usize, f64)>,
    ) {
        let len = |g: &Group| g.end - g.start;
        let mut i = 0;
        while i < groups.len() {
            let mut next = i + 1;
            // A window starting at group `i` after a tight join (a piece of a longer number) or after a
            // bare space (a piece of a longer run of groups) is rejected by `window` whatever its end.
            if i > 0
                && (joins[i - 1] == Join::Space
                    || matches!(joins[i - 1], Join::Tight(p) if p != b'('))
            {
                i += 1;
                continue;
            }
            // The longest window from `i` that can still be a phone number, and its digits.
            let mut digits = 0;
            let mut j = i;
            while j < groups.len() {
                digits += len(&groups[j]);
                if digits > MAX_WINDOW_DIGITS {
                    digits -= len(&groups[j]);
                    break;
                }
                j += 1;
            }
            if j == i {
                digits = len(&groups[i]);
                j = i + 1;
            }
            while j > i {
                j -= 1;
                // `window` rejects fewer than seven digits, and shorter windows have fewer.
                if digits < 7 {
                    break;
                }
                digits -= len(&groups[j]);
                if let Some((w, ext_end)) = self.window(text, run, groups, joins, i, j) {
                    let score = if w.international {
                        SCORE_INTERNATIONAL
                    } else if w.bare {
                        SCORE_BARE
                    } else {
                        SCORE_NATIONAL
                    };
                    found.push((w.start, ext_end, score));
                    next = groups[i..]
                        .iter()
                        .position(|g| g.start >= ext_end)
                        .map_or(groups.len(), |p| i + p);
                    break;
                }
            }
            i = next.max(i + 1);
        }
    }

    /// Checks the window of groups `i..=j`; returns it and the end of its span (with any extension).
    fn window(
        &self,
        text: &str,
        run: (usize, usize),
        groups: &[Group],
        joins: &[Join],
        i: usize,
        j: usize,
    ) -> Option<(Window, usize)> {
        let bytes = text.as_bytes();
        let inner = &joins[i..j];
        // Neighbouring groups of the same run joined without whitespace: a piece of a longer number.
        if i > 0 && matches!(joins[i - 1], Join::Tight(p) if p != b'(') {
            return None;
        }
        let mut ext_end = None;
        if j + 1 < groups.len() {
            match joins[j] {
                // German Durchwahl: 030 901820-103, unless the number itself is written with dashes.
                Join::Tight(b'-')
                    if j + 2 == groups.len()
                        && groups[j + 1].end - groups[j + 1].start <= 5
                        && !inner.contains(&Join::Tight(b'-')) =>
                {
                    ext_end = Some(groups[j + 1].end);
                }
                Join::Tight(p) if p != b')' => return None,
                _ => {}
            }
        }
        // Span start: the group, or a '(' / '+' / "(+" directly before it.
        let first = groups[i];
        let lead_from = if i == 0 { run.0 } else { groups[i - 1].end };
        let mut start = first.start;
        while start > lead_from && matches!(bytes[start - 1], b'(' | b'+') {
            start -= 1;
        }
        let plus = text[start..first.start].contains('+');
        // A number with more digit groups beside it, separated by bare spaces, is a piece of a longer
        // number (a 4-4-4-4 order number, a tracking number), not a phone number.
        if (i > 0 && joins[i - 1] == Join::Space)
            || (ext_end.is_none() && j + 1 < groups.len() && joins[j] == Join::Space)
        {
            return None;
        }
        // Span end: the group, or a ')' directly after it when it closes a '(' of the span.
        let mut end = groups[j].end;
        let mut depth: i32 = 0;
        for &b in &bytes[start..end] {
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth < 0 {
                        return None;
                    }
                }
                _ => {}
            }
        }
        if depth == 1 && bytes.get(end) == Some(&b')') && (j + 1 == groups.len() || end < run.1) {
            end += 1;
            depth = 0;
        }
        if depth > 0 {
            // A '(' without its ')': leave a leading one out, otherwise reject.
            if depth == 1 && bytes[start] == b'(' {
                start += 1;
                if text[start..end].contains('(') {
                    return None;
                }
            } else {
                return None;
            }
        }
        // Parentheses around the whole number are not part of it: `(+44 20 7946 0958)`.
        if bytes[start] == b'('
            && bytes[end - 1] == b')'
            && closing_paren(&bytes[start..end]) == Some(end - start - 1)
        {
            start += 1;
            end -= 1;
        }
        if glued_left(text, start) {
            return None;
        }
        // Digits, without a "(0)" trunk marker after a country code.
        let mut buf = [0u8; plan::MAX_NSN + 4];
        let mut n = 0;
        for (k, g) in groups[i..=j].iter().enumerate() {
            let k = k + i;
            let digits = &bytes[g.start..g.end];
            let marker = digits == b"0"
                && k > i
                && bytes.get(g.start - 1) == Some(&b'(')
                && bytes.get(g.end) == Some(&b')');
            if marker && (plus || bytes[groups[i].start..].starts_with(b"00")) {
                continue;
            }
            if n + digits.len() > buf.len() {
                return None;
            }
            buf[n..n + digits.len()].copy_from_slice(digits);
            n += digits.len();
        }
        let digits = std::str::from_utf8(&buf[..n]).ok()?;
        let international = plus || (digits.starts_with("00") && !digits.starts_with("000"));
        if n < 7 || (!international && n > 15) {
            return None;
        }
        if bad_layout(text, &groups[i..=j], inner, international) {
            return None;
        }
        if !international
            && ((i == j && bare_run_unlikely(digits))
                || labelled_as_other(text, start)
                || (groups[i..=j].iter().all(|g| g.end - g.start <= 4)
                    && continues_iban(text, start)))
        {
            return None;
        }
        // Card numbers (never written with a '+' or '00').
        if !international && n >= 13 && luhn_digits(digits.bytes().map(|b| b - b'0')) {
            return None;
        }
        // Extension written out after the number.
        let mut span_end = ext_end.unwrap_or(end);
        if ext_end.is_none() {
            if let Some(e) = extension_end(&bytes[end..], &text[end..]) {
                span_end = end + e;
            }
        }
        if glued_right(text, span_end) {
            if span_end != end && !glued_right(text, end) && ext_end.is_none() {
                span_end = end;
            } else {
                return None;
            }
        }
        let valid = if international {
            let d = if plus { digits } else { &digits[2..] };
            plan::is_valid_international(d)
        } else {
            self.valid_national(digits)
        };
        if !valid {
            return None;
        }
        Some((
            Window {
                start,
                international,
                bare: i == j && span_end == end,
            },
            span_end,
        ))
    }
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
        thread_local! {
            /// The group, join and span buffers, reused across calls.
            static BUFFERS: Cell<Buffers> = const { Cell::new((Vec::new(), Vec::new(), Vec::new())) };
        }
        let (mut groups, mut joins, mut found) = BUFFERS.take();
        found.clear();
        // The digit-bearing words other recognizers share give the runs without a scan of the bytes.
        let words = ctx.shared(|| DigitWords::of(text));
        if words.exact {
            runs_from_words(text, &words, &mut groups, |run, digits, groups| {
                // Fewer than 7 digits can't be a number we accept.
                if digits >= 7 {
                    self.scan_groups(text, run, groups, &mut joins, &mut found);
                }
            });
        } else {
            let mut at = 0;
            while let Some((start, end, digits)) = next_run(text, at) {
                if digits >= 7 {
                    self.scan_run(text, (start, end), &mut groups, &mut joins, &mut found);
                }
                at = end;
            }
        }
        for &(start, end, score) in &found {
            let mut r = RecognizerResult::new(
                self.entities[0].clone(),
                start,
                end,
                score,
                self.name.clone(),
            );
            if ctx.return_decision_process() {
                let form = if score == SCORE_INTERNATIONAL {
                    "international number, valid for its country code"
                } else if score == SCORE_NATIONAL {
                    "national number, valid for a region"
                } else {
                    "bare national digit run, valid for a region"
                };
                r.explanation = Some(Box::new(AnalysisExplanation {
                    recognizer: NAME.into(),
                    pattern_name: Some(form.into()),
                    original_score: score,
                    score,
                    validation_result: Some(Validation::Valid),
                    textual_explanation: Some(
                        "validated against libphonenumber's numbering plans".into(),
                    ),
                    ..AnalysisExplanation::default()
                }));
            }
            results.push(r);
        }
        BUFFERS.set((groups, joins, found));
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
mod tests;
