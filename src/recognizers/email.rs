//! EMAIL_ADDRESS: addresses whose domain ends in a real top-level domain.

use super::catalog::{Languages, Spec};
use crate::analyzer::Needs;
use crate::validate::is_public_tld;
use crate::{EntityType, PatternRecognizer, Validation};

/// Local part: word characters (any script), dots, `+` tags, `%`, `-`, `'`, starting with a word character.
/// Domain: dot-separated ASCII labels (no leading or trailing hyphen) and a top-level domain of letters or
/// an `xn--` label.
const PATTERN: &str = r"[\w%+-][\w.%+'-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:xn--[A-Za-z0-9-]{1,59}|[A-Za-z]{2,63})(?-u:\b)(?::[\w.~-]+/)?";

/// `EmailRecognizer`: base score 0.5; 1.0 when the domain ends in a public top-level domain, dropped
/// otherwise (`user@localhost`, `build@host.local`).
pub fn email() -> PatternRecognizer {
    PatternRecognizer::builder("EmailRecognizer", EntityType::EMAIL_ADDRESS)
        .gated_patterns([(
            crate::Pattern::new("Email (Medium)", PATTERN, 0.5),
            Needs::byte(b'@', 1),
        )])
        .context(["email", "e-mail", "mail", "contact"])
        .validator(validate)
        .build()
        .expect("constant email pattern compiles (tested)")
}

fn validate(value: &str) -> Validation {
    // `git@github.com:org/repo.git` is an SSH remote, not a mailbox: the pattern takes the `:path/` part
    // along only to recognise it here.
    if value.ends_with('/') {
        return Validation::Invalid;
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Validation::Invalid;
    };
    let tld = domain.rsplit('.').next().unwrap_or("");
    if local.is_empty() || local.len() > 64 || local.ends_with('.') || local.contains("..") {
        return Validation::Invalid;
    }
    if is_public_tld(tld) {
        Validation::Valid
    } else {
        Validation::Invalid
    }
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "EmailRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(email()),
}];
