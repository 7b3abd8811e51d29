//! PERSON from labels and cues: `Customer Name: Alice Smith`, `Dear Bob`, `Mr. Jones`, signatures.
//!
//! This recognizer needs no word list: it reports capitalised words that a label, greeting, honorific or
//! sign-off marks as a name. Names without such a cue are the job of the gazetteer-based recognizer.

use crate::recognizers::catalog::{Languages, Spec};
use crate::{EntityType, Pattern, PatternRecognizer};

/// One name word: an upper-case letter, then letters, combining marks, apostrophes or hyphens
/// (`O'Brien`, `Jean-Luc`, `Zoë`).
const WORD: &str = r"\p{Lu}[\p{L}\p{M}'’\-]*";

/// Words that follow a cue but are not names (`Dear Sir`, `Hi Team`, `Name: N/A`).
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "sir", "madam", "madame", "customer", "customers", "team", "all", "there", "everyone",
    "support", "valued", "client", "colleague", "colleagues", "friend", "friends", "user", "member",
    "members", "n", "na", "none", "unknown", "redacted", "the", "our", "my", "your", "this", "that",
    "to", "whom", "hiring", "manager", "folks", "guys", "sales", "billing", "admin", "it", "hr",
    "service", "services", "sirs", "mr", "mrs", "ms", "dr", "agent", "representative", "patient",
    "applicant", "tenant", "owner", "account",
];

/// `LabeledPersonRecognizer`: a name after a label (`Name:`, `Customer Name:`, `Full name:`, `Contact:`,
/// `Patient:`, `From:`, `Signed:` … score 0.85), an honorific (`Mr.`, `Mrs`, `Ms`, `Dr.`, `Prof.` … 0.85),
/// a greeting (`Dear`, `Hi`, `Hello` … 0.6) or a sign-off line (`Regards,` + newline + name, 0.6). One to
/// three capitalised words; the cue itself is not part of the span.
pub fn labeled_person() -> PatternRecognizer {
    let name = format!(r"(?P<pii>{WORD}(?:[ \t]{WORD}){{0,2}})");
    let label = r"(?i:customer[ \t]+name|full[ \t]+name|first[ \t]+name|last[ \t]+name|name|customer|contact|patient|employee|applicant|tenant|cardholder|account[ \t]+holder|from|signed|attn|attention|caller|visitor|guest|requester|reported[ \t]+by|assigned[ \t]+to|submitted[ \t]+by)";
    PatternRecognizer::builder("LabeledPersonRecognizer", EntityType::PERSON)
        .patterns([
            Pattern::new(
                "label",
                format!(r"(?m)(?:^|[^\p{{L}}])(?-i:{label})[ \t]*[:=][ \t]*{name}"),
                0.85,
            ),
            Pattern::new(
                "honorific",
                format!(r"(?:^|[^\p{{L}}])(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|Mme|Mlle)\.?|M\.)[ \t]+{name}"),
                0.85,
            ),
            Pattern::new(
                "greeting",
                format!(r"(?:^|[^\p{{L}}])(?:Dear|Hi|Hello|Hey|Hiya|Greetings|Bonjour|Hallo|Hola|Ciao)[ \t]+{name}[ \t]*(?:[,!:\r\n]|$)"),
                0.6,
            ),
            Pattern::new(
                "sign-off",
                format!(r"(?m)(?:Regards|Best|Thanks|Thank you|Cheers|Sincerely|Yours|Best wishes|Kind regards|Warm regards|Many thanks),?[ \t]*\r?\n[ \t]*(?:--?[ \t]*)?{name}[ \t]*\r?$"),
                0.6,
            ),
        ])
        .context(["name", "customer", "mr", "mrs", "ms", "dear", "signed"])
        .invalidator(not_a_name)
        .build()
        .expect("constant person patterns compile (tested)")
}

fn not_a_name(value: &str) -> bool {
    let first = value.split([' ', '\t']).next().unwrap_or("");
    let lower = first.to_lowercase();
    NOT_NAMES.contains(&lower.trim_end_matches(['\'', '’', '-']))
}

/// Catalog entry.
///
/// Off by default: `GazetteerPersonRecognizer` applies the same cues (and more) with name lists behind them,
/// and this one alone over-reports (`Hi Payroll`, `Attn: Accounts Payable`).
pub(crate) const SPEC: Spec = Spec {
    name: "LabeledPersonRecognizer",
    languages: Languages::Only(&["en"]),
    enabled_by_default: false,
    build: || std::sync::Arc::new(labeled_person()),
};
