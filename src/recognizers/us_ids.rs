//! US_BANK_NUMBER, US_DRIVER_LICENSE, US_ITIN and US_PASSPORT: weak US identifier shapes that need context.

use super::catalog::{Languages, Spec};
use super::standalone::{StandalonePatternRecognizer, standalone_code, standalone_number};
use crate::analyzer::word::{capital, capital_digits, digits, digits_in, nine_digits};
use crate::analyzer::{Alt, Fast, Needs};
use crate::validate::us_itin_is_valid;
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

const B: &str = r"(?-u:\b)";

/// Whether every digit of `value` is the same (`00000000`, `99999999`): placeholders, not identifiers.
fn same_digits(value: &str) -> bool {
    let mut d = value.bytes().filter(u8::is_ascii_digit);
    match d.next() {
        Some(first) => d.all(|x| x == first),
        None => false,
    }
}

/// `[A-Z](?:\d{7,14}|\d{18})` as one whole word.
fn letter_then_digits(w: &[u8]) -> bool {
    matches!(w.len(), 8..=15 | 19)
        && w[0].is_ascii_uppercase()
        && w[1..].iter().all(u8::is_ascii_digit)
}

/// `[A-Z]{2,3}\d{6}|\d{2}[A-Z]{3}\d{5}|\d{3}[A-Z]{2}\d{4}` as one whole word.
fn letters_and_digits(w: &[u8]) -> bool {
    let upper = |r: &[u8]| r.iter().all(u8::is_ascii_uppercase);
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    match w.len() {
        8 => upper(&w[..2]) && digits(&w[2..]),
        9 => {
            (upper(&w[..3]) && digits(&w[3..]))
                || (digits(&w[..3]) && upper(&w[3..5]) && digits(&w[5..]))
        }
        10 => digits(&w[..2]) && upper(&w[2..5]) && digits(&w[5..]),
        _ => false,
    }
}

/// The printed-groups licence pattern's alternatives, word by word.
const PRINTED_GROUPS: &[Alt] = &[
    Alt::new(
        &[
            capital_digits::<3>,
            digits::<3>,
            digits::<2>,
            digits::<3>,
            digits::<1>,
        ],
        &[b"-", b"-", b"-", b"-"],
        0,
        (4, 4),
    ),
    Alt::new(
        &[capital_digits::<3>, digits::<4>, digits::<4>],
        &[b"-", b"-"],
        0,
        (4, 4),
    ),
    Alt::new(
        &[capital_digits::<3>, digits::<4>, digits::<4>, digits::<2>],
        &[b"-", b"-", b"-"],
        0,
        (4, 4),
    ),
    Alt::new(
        &[capital_digits::<4>, digits::<5>, digits::<5>],
        &[b" ", b" "],
        0,
        (5, 5),
    ),
    Alt::new(
        &[capital, digits::<3>, digits::<3>, digits::<3>, digits::<3>],
        &[b"-", b"-", b"-", b"-"],
        1,
        (3, 3),
    )
    .pure(),
    Alt::new(
        &[capital, digits::<3>, digits::<3>, digits::<3>, digits::<3>],
        &[b" ", b" ", b" ", b" "],
        1,
        (3, 3),
    )
    .pure(),
];

/// `UsBankRecognizer`: 8–17 digit account numbers, score 0.05 (Presidio's), so only context makes them
/// count: `account`, `acct`, `bank`, `checking`, `savings`, `direct deposit`, `ach`, `wire`, `beneficiary`
/// (whole words; Presidio's `check` and `save` are left out as common verbs, and `routing` because a
/// routing number is a different number). All-same digits and digits continuing a longer number (decimals,
/// amounts, phone numbers, dates, prefixed codes) are dropped.
pub fn us_bank() -> StandalonePatternRecognizer {
    let inner = PatternRecognizer::builder("UsBankRecognizer", EntityType::US_BANK_NUMBER)
        .fast_patterns([(
            Pattern::new(
                "Bank account (very weak)",
                format!(r"{B}\d{{8,17}}{B}"),
                0.05,
            ),
            Needs::digit_run(8),
            Fast::Words(const { &[Alt::word(&[digits_in::<8, 17>], (8, 17)).pure()] }),
        )])
        .context([
            "account",
            "account number",
            "acct",
            "acc",
            "a/c",
            "bank",
            "banking",
            "checking",
            "savings",
            "deposit",
            "direct deposit",
            "ach",
            "wire",
            "beneficiary",
            "debit",
        ])
        .invalidator(same_digits)
        .build()
        .expect("constant bank pattern compiles (tested)");
    StandalonePatternRecognizer::new(inner, standalone_number)
}

/// `UsLicenseRecognizer`: state driver's licence layouts, all weak so context (`driver`, `license`,
/// `licence`, `dl`, `dln`, `driving`, `cdl`, `dmv`, `permit`) is needed:
///
/// | layout | states (examples) | score |
/// |---|---|---|
/// | letter + 7–14 digits (`D1234567`, `S12345678901`) | CA, NY, MA, VA, AZ, HI, KS, KY, IL, FL, MI, MD, MN, WI, NJ | 0.3 |
/// | letter + 18 digits | NY | 0.3 |
/// | printed groups: `S123-456-78-901-0`, `S123-4567-8901`, `A1234 56789 01234`, `S-123-456-789-012`, `S 123 456 789 012`, `S123-4567-8901-23` | FL, IL, NJ, MD, MI, WI | 0.4 |
/// | `WDL` + 9 letters/digits | WA | 0.4 |
/// | 2–3 letters + 6 digits; `12ABC12345`; `123AB1234` | OH, ND; NH; IA | 0.2 |
/// | 7–12 digits; `12 345 678`; `123 456 789` | TX, PA, NY, GA, NC, WY, … | 0.05 |
///
/// Upper case only, at least seven digits, and codes glued to longer ones (`SKU-D1234567`) are dropped:
/// Presidio's patterns flag tokens like `A1` or `B12`.
pub fn us_license() -> StandalonePatternRecognizer {
    let inner = PatternRecognizer::builder("UsLicenseRecognizer", EntityType::US_DRIVER_LICENSE)
        .fast_patterns([
            (
                Pattern::new(
                    "Driver license letter + digits (weak)",
                    format!(r"{B}[A-Z](?:\d{{7,14}}|\d{{18}}){B}"),
                    0.3,
                ),
                Needs::upper_digit_run(8).and(Needs::digit_run(7)),
                Fast::Words(const { &[Alt::word(&[letter_then_digits], (8, 19))] }),
            ),
            (
                Pattern::new(
                    "Driver license printed groups (weak)",
                    format!(
                        r"{B}[A-Z](?:\d{{3}}-\d{{3}}-\d{{2}}-\d{{3}}-\d|\d{{3}}-\d{{4}}-\d{{4}}(?:-\d{{2}})?|\d{{4}} \d{{5}} \d{{5}}|-\d{{3}}-\d{{3}}-\d{{3}}-\d{{3}}| \d{{3}} \d{{3}} \d{{3}} \d{{3}}){B}"
                    ),
                    0.4,
                ),
                Needs::digit_chain(11).and(Needs::digit_run(3)),
                Fast::Words(PRINTED_GROUPS),
            ),
            (
                Pattern::new(
                    "Driver license WA (weak)",
                    format!(r"{B}WDL[A-Z0-9]{{9}}{B}"),
                    0.4,
                ),
                Needs::upper_digit_run(12),
                Fast::Literal("WDL"),
            ),
            (
                Pattern::new(
                    "Driver license letters + digits (weak)",
                    format!(r"{B}(?:[A-Z]{{2,3}}\d{{6}}|\d{{2}}[A-Z]{{3}}\d{{5}}|\d{{3}}[A-Z]{{2}}\d{{4}}){B}"),
                    0.2,
                ),
                Needs::upper_digit_run(8).and(Needs::digit_run(4)),
                Fast::Words(const { &[Alt::word(&[letters_and_digits], (8, 10))] }),
            ),
            (
                Pattern::new(
                    "Driver license digits (very weak)",
                    format!(r"{B}(?:\d{{7,12}}|\d{{2}} \d{{3}} \d{{3}}|\d{{3}} \d{{3}} \d{{3}}){B}"),
                    0.05,
                ),
                Needs::digit_chain(7),
                Fast::Words(const {
                    &[
                        Alt::word(&[digits_in::<7, 12>], (7, 12)).pure(),
                        Alt::new(&[digits::<2>, digits::<3>, digits::<3>], &[b" ", b" "], 0, (2, 2)).pure(),
                        Alt::new(&[digits::<3>, digits::<3>, digits::<3>], &[b" ", b" "], 0, (3, 3)).pure(),
                    ]
                }),
            ),
        ])
        .context([
            "driver", "driving", "license", "licence", "dl", "dln", "cdl", "lic", "dmv", "permit",
        ])
        .invalidator(same_digits)
        .build()
        .expect("constant licence patterns compile (tested)");
    StandalonePatternRecognizer::new(inner, |text, s, e| {
        standalone_code(text, s, e) && standalone_number(text, s, e)
    })
}

/// `UsItinRecognizer`: `9XX-XX-XXXX` with the IRS middle-group ranges (50–65, 70–88, 90–92, 94–99), one
/// separator kind (`-` or space) or none. Weak without context (`itin`, `taxpayer`, `tax id`, `tin`,
/// `irs`, `w-7`): 0.3 with separators, 0.05 compact (Presidio: 0.5 and 0.3, and 0.05 for one separator,
/// which is rejected here).
pub fn us_itin() -> StandalonePatternRecognizer {
    let inner = PatternRecognizer::builder("UsItinRecognizer", EntityType::US_ITIN)
        .fast_patterns([
            (
                Pattern::new(
                    "ITIN separated (weak)",
                    format!(r"{B}9\d{{2}}[- ]\d{{2}}[- ]\d{{4}}{B}"),
                    0.3,
                ),
                Needs::digit_chain(9).and(Needs::digit_run(4)),
                Fast::Words(
                    const {
                        &[Alt::new(
                            &[nine_digits::<3>, digits::<2>, digits::<4>],
                            &[b"- ", b"- "],
                            0,
                            (3, 3),
                        )
                        .pure()]
                    },
                ),
            ),
            (
                Pattern::new("ITIN compact (very weak)", format!(r"{B}9\d{{8}}{B}"), 0.05),
                Needs::digit_run(9),
                Fast::Words(const { &[Alt::word(&[nine_digits::<9>], (9, 9)).pure()] }),
            ),
        ])
        .context([
            "itin",
            "taxpayer",
            "individual taxpayer",
            "tax id",
            "taxid",
            "tin",
            "irs",
            "w-7",
        ])
        .validator(|v| {
            if us_itin_is_valid(v) {
                Validation::Unknown
            } else {
                Validation::Invalid
            }
        })
        .build()
        .expect("constant ITIN patterns compile (tested)");
    StandalonePatternRecognizer::new(inner, standalone_number)
}

/// `UsPassportRecognizer`: nine digits (0.05) or a letter and eight digits (next-generation books, 0.1),
/// Presidio's scores, so context is needed: `passport`, `passport number`, `passport no`,
/// `travel document`. Presidio's `us`, `united` and `states` are left out: "us" is a pronoun.
pub fn us_passport() -> StandalonePatternRecognizer {
    let inner = PatternRecognizer::builder("UsPassportRecognizer", EntityType::US_PASSPORT)
        .fast_patterns([
            (
                Pattern::new("Passport (very weak)", format!(r"{B}\d{{9}}{B}"), 0.05),
                Needs::digit_run(9),
                Fast::Words(const { &[Alt::word(&[digits::<9>], (9, 9)).pure()] }),
            ),
            (
                Pattern::new(
                    "Passport next generation (very weak)",
                    format!(r"{B}[A-Z]\d{{8}}{B}"),
                    0.1,
                ),
                Needs::upper_digit_run(9).and(Needs::digit_run(8)),
                Fast::Words(const { &[Alt::word(&[capital_digits::<8>], (9, 9))] }),
            ),
        ])
        .context([
            "passport",
            "passport number",
            "passport no",
            "travel document",
        ])
        .invalidator(same_digits)
        .build()
        .expect("constant passport patterns compile (tested)");
    StandalonePatternRecognizer::new(inner, |text, s, e| {
        standalone_code(text, s, e) && standalone_number(text, s, e)
    })
}

/// Catalog entries.
pub(crate) const SPECS: &[Spec] = &[
    Spec {
        name: "UsBankRecognizer",
        languages: Languages::Only(&["en"]),
        enabled_by_default: true,
        build: || std::sync::Arc::new(us_bank()),
    },
    Spec {
        name: "UsLicenseRecognizer",
        languages: Languages::Only(&["en"]),
        enabled_by_default: true,
        build: || std::sync::Arc::new(us_license()),
    },
    Spec {
        name: "UsItinRecognizer",
        languages: Languages::Only(&["en"]),
        enabled_by_default: true,
        build: || std::sync::Arc::new(us_itin()),
    },
    Spec {
        name: "UsPassportRecognizer",
        languages: Languages::Only(&["en"]),
        enabled_by_default: true,
        build: || std::sync::Arc::new(us_passport()),
    },
];
