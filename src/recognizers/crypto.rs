//! CRYPTO: Bitcoin addresses (Base58Check P2PKH/P2SH, SegWit Bech32/Bech32m), checksums verified.

use super::catalog::{Languages, Spec};
use crate::analyzer::{Alt, Fast, Needs};
use crate::validate::{btc_base58_is_valid, btc_bech32_is_valid};
use crate::{EntityType, Pattern, PatternRecognizer, Validation};

/// `CryptoRecognizer`: Bitcoin mainnet addresses. Legacy `1…` (P2PKH) and `3…` (P2SH) addresses are
/// Base58Check-decoded (25 bytes, version 0x00/0x05, double SHA-256 checksum); `bc1q…` (witness v0,
/// Bech32, 20- or 32-byte program) and `bc1p…` and later versions (Bech32m) are decoded per BIP-173 and
/// BIP-350, all lower or all upper case. Valid addresses score 1.0; everything else is dropped, so
/// transaction hashes, hex digests and random base58-looking tokens never match.
pub fn crypto() -> PatternRecognizer {
    PatternRecognizer::builder("CryptoRecognizer", EntityType::CRYPTO)
        .fast_patterns([
            (
                Pattern::new(
                    "BTC Base58Check (medium)",
                    r"(?-u:\b)[13][1-9A-HJ-NP-Za-km-z]{25,34}(?-u:\b)",
                    0.5,
                ),
                Needs::alnum_run(26),
                Fast::Words(const { &[Alt::word(&[base58_shape], (26, 35))] }),
            ),
            (
                Pattern::new(
                    "BTC Bech32/Bech32m (medium)",
                    r"(?-u:\b)(?:bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71})(?-u:\b)",
                    0.5,
                ),
                Needs::alnum_run(14),
                Fast::Words(const { &[Alt::word(&[bech32_shape], (14, 74))] }),
            ),
        ])
        .context([
            "wallet",
            "btc",
            "bitcoin",
            "crypto",
            "cryptocurrency",
            "satoshi",
        ])
        .validator(validate)
        .build()
        .expect("constant crypto patterns compile (tested)")
}

fn validate(value: &str) -> Validation {
    let ok = if value.starts_with("bc1") || value.starts_with("BC1") {
        btc_bech32_is_valid(value)
    } else {
        btc_base58_is_valid(value)
    };
    if ok {
        Validation::Valid
    } else {
        Validation::Invalid
    }
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "CryptoRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(crypto()),
}];

/// `[13][1-9A-HJ-NP-Za-km-z]{25,34}` as one whole word.
fn base58_shape(w: &[u8]) -> bool {
    (26..=35).contains(&w.len())
        && matches!(w[0], b'1' | b'3')
        && w[1..]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() && !matches!(c, b'0' | b'I' | b'O' | b'l'))
}

/// `bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71}` as one whole word.
fn bech32_shape(w: &[u8]) -> bool {
    let charset = |c: u8| {
        c.is_ascii_digit() && c != b'1'
            || c.is_ascii_lowercase() && !matches!(c, b'b' | b'i' | b'o')
    };
    (14..=74).contains(&w.len())
        && match &w[..3] {
            b"bc1" => w[3..].iter().all(|&c| charset(c)),
            b"BC1" => w[3..]
                .iter()
                .all(|&c| charset(c.to_ascii_lowercase()) && !c.is_ascii_lowercase()),
            _ => false,
        }
}
