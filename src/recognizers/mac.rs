//! MAC_ADDRESS: IEEE 802 hardware addresses in colon, hyphen or Cisco dotted notation.

use super::catalog::{Languages, Spec};
use super::standalone::StandalonePatternRecognizer;
use crate::analyzer::{Fast, Needs};
use crate::{EntityType, Pattern, PatternRecognizer};

/// `MacAddressRecognizer`: `00:1a:2b:3c:4d:5e`, `00-1A-2B-3C-4D-5E` (one separator kind throughout) and
/// Cisco's `001a.2b3c.4d5e`, score 0.6 (Presidio's).
///
/// Dropped, where Presidio keeps them:
/// - group addresses (the I/G bit, the low bit of the first octet, is set): broadcast `ff:ff:ff:ff:ff:ff`,
///   multicast (`01:00:5e:…`, `33:33:…`) and the placeholder `01:23:45:67:89:ab`; they name no device;
/// - the all-zero address (a placeholder, as in Presidio);
/// - addresses made only of decimal digits (`12-34-56-78-90-12`, `1234.5678.9012`): far more often
///   dates, phone fragments or version numbers than MACs (a random MAC has only digits 0.4 % of the time);
/// - six groups inside a longer chain: IPv6 addresses (`fe80::aa:bb:cc:dd:ee:ff`), EUI-64 ids and longer
///   hex runs (`00:1a:2b:3c:4d:5e:6f`).
pub fn mac_address() -> StandalonePatternRecognizer {
    let hex = "[0-9A-Fa-f]";
    let b = r"(?-u:\b)";
    let inner = PatternRecognizer::builder("MacAddressRecognizer", EntityType::MAC_ADDRESS)
        .gated_patterns([
            (
                Pattern::new(
                    "MAC colon (medium)",
                    format!("{b}{hex}{{2}}(?::{hex}{{2}}){{5}}{b}"),
                    0.6,
                ),
                Needs::byte(b':', 5),
            ),
            (
                Pattern::new(
                    "MAC hyphen (medium)",
                    format!("{b}{hex}{{2}}(?:-{hex}{{2}}){{5}}{b}"),
                    0.6,
                ),
                Needs::byte(b'-', 5),
            ),
        ])
        .fast_patterns([(
            Pattern::new(
                "MAC Cisco dotted (medium)",
                format!(r"{b}{hex}{{4}}\.{hex}{{4}}\.{hex}{{4}}{b}"),
                0.6,
            ),
            Needs::byte(b'.', 2),
            Fast::Token(has_dotted_groups),
        )])
        .context([
            "mac",
            "mac address",
            "hardware address",
            "physical address",
            "ethernet",
            "wifi",
            "wi-fi",
            "nic",
            "bssid",
            "hwaddr",
        ])
        .invalidator(invalid)
        .build()
        .expect("constant MAC patterns compile (tested)");
    StandalonePatternRecognizer::new(inner, standalone)
}

fn invalid(value: &str) -> bool {
    let mut nibbles = value.bytes().filter(u8::is_ascii_hexdigit);
    let first_octet_low = nibbles.nth(1).and_then(|c| (c as char).to_digit(16));
    let group = first_octet_low.is_some_and(|n| n & 1 == 1);
    let all_zero = value.bytes().all(|c| !c.is_ascii_hexdigit() || c == b'0');
    let all_decimal = value
        .bytes()
        .all(|c| !c.is_ascii_hexdigit() || c.is_ascii_digit());
    group || all_zero || all_decimal
}

/// Not part of a longer chain: no colon-joined neighbour (IPv6), and no further group joined by the same
/// separator before or after.
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let sep = b
        .get(start + 2)
        .filter(|&&c| c == b':' || c == b'-')
        .or_else(|| b.get(start + 4))
        .copied();
    let Some(sep) = sep else { return true };
    let before = start.checked_sub(1).and_then(|i| b.get(i)).copied();
    let after = b.get(end).copied();
    if sep == b':' && (before == Some(b':') || after == Some(b':')) {
        return false;
    }
    // A hex group right before the separator before us, or right after the one after us.
    if before == Some(sep) {
        let (mut len, mut all_hex) = (0, true);
        for c in b[..start - 1]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric())
        {
            len += 1;
            all_hex &= c.is_ascii_hexdigit();
        }
        if (1..=4).contains(&len) && all_hex {
            return false;
        }
    }
    if after == Some(sep) && b.get(end + 1).is_some_and(u8::is_ascii_hexdigit) {
        return false;
    }
    true
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "MacAddressRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(mac_address()),
}];

/// Whether `token` holds `[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}`, which every Cisco dotted match
/// contains.
fn has_dotted_groups(token: &[u8]) -> bool {
    token.windows(14).any(|w| {
        w[4] == b'.'
            && w[9] == b'.'
            && w[..4]
                .iter()
                .chain(&w[5..9])
                .chain(&w[10..])
                .all(u8::is_ascii_hexdigit)
    })
}
