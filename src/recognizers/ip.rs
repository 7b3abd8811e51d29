//! IP_ADDRESS: IPv4 and IPv6 addresses, parsed with `std::net`, with version strings and OIDs rejected.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::catalog::{Languages, Spec};
use crate::analyzer::DigitWords;
use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

/// Dotted quads.
static V4: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?-u:\b)").expect("constant pattern")
});

/// Runs of hex digits, colons and dots with at least two colons (IPv6 candidates, including `::1` and
/// IPv4-mapped forms). The search takes each stretch of [`v6_stretches`] whole instead, which is the
/// one match this pattern has in it (see `analyze`); the tests compare the two.
#[cfg(test)]
static V6: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*").expect("constant pattern")
});

const NAME: &str = "IpRecognizer";
const SCORE: f64 = 0.6;

/// `IpRecognizer`: IPv4 and IPv6 addresses that `std::net` parses, score 0.6 (Presidio's). Rejected:
/// IPv4-shaped parts of longer dotted numbers (`1.2.3.4.5`, OIDs), versions (`Chrome/120.0.0.0`,
/// `v1.2.3.4`), and IPv6 candidates that do not parse (times like `10:02:33`, MAC addresses). A zone
/// (`%eth0`), port, brackets or CIDR suffix are not part of the span.
pub struct IpRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    context: Vec<String>,
}

impl Default for IpRecognizer {
    fn default() -> Self {
        IpRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::IP_ADDRESS],
            context: ["ip", "ipv4", "ipv6", "address", "addr", "host", "client"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

/// The predefined IP address recognizer.
pub fn ip() -> IpRecognizer {
    IpRecognizer::default()
}

impl IpRecognizer {
    fn push(
        &self,
        start: usize,
        end: usize,
        pattern: &str,
        ctx: &RecognizerContext<'_>,
        out: &mut Vec<RecognizerResult>,
    ) {
        out.push(
            RecognizerResult::new(
                self.entities[0].clone(),
                start,
                end,
                SCORE,
                self.name.clone(),
            )
            .explained(ctx, pattern),
        );
    }
}

fn v4_context_ok(text: &str, start: usize, end: usize) -> bool {
    let before = &text.as_bytes()[..start];
    let after = &text.as_bytes()[end..];
    // Part of a longer dotted number: 1.2.3.4.5, OIDs.
    if before.last() == Some(&b'.')
        && before.len() >= 2
        && before[before.len() - 2].is_ascii_digit()
    {
        return false;
    }
    if after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // Version numbers: `firmware 6.11.14.240`, `build="1.24.15.166"`.
    if super::cue::cue_before(text, start, 1, super::cue::VERSION_WORDS) {
        return false;
    }
    match before.last() {
        // A version after a product name: `Chrome/120.0.0.0`; but `http://10.0.0.1` and
        // `user@host.example/10.0.0.1` are addresses.
        Some(b'/') => {
            let word_start = before[..before.len() - 1]
                .iter()
                .rposition(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'@' | b'_' | b'-'))
                })
                .map_or(0, |i| i + 1);
            let word = &before[word_start..before.len() - 1];
            word.is_empty() || word.iter().any(|b| matches!(b, b'.' | b'@'))
        }
        // v1.2.3.4, or glued to a word.
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' => false,
        _ => true,
    }
}

impl Recognizer for IpRecognizer {
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
        let first_new = results.len();
        let mut at = 0;
        let words = ctx.shared(|| DigitWords::of(text));
        let bytes = text.as_bytes();
        // A dotted quad's first dot follows a digit, so the last byte of a digit-bearing word (all of them
        // are listed when `words` is exact).
        let after_words = words.iter().filter_map(|(_, e, _)| {
            (bytes.get(e) == Some(&b'.') && bytes[e - 1].is_ascii_digit()).then_some(e)
        });
        let every_dot = text.match_indices('.').map(|(i, _)| i);
        let dots: Box<dyn Iterator<Item = usize>> = if words.exact {
            Box::new(after_words)
        } else {
            Box::new(every_dot)
        };
        for (lo, hi) in v4_stretches(text, dots) {
            // Within the stretch the regex sees the whole text before it and the byte after it.
            let haystack = &text[..hi];
            at = at.max(lo);
            while let Some(m) = V4.find_at(haystack, at) {
                at = m.end();
                if m.as_str().parse::<Ipv4Addr>().is_ok() && v4_context_ok(text, m.start(), m.end())
                {
                    self.push(m.start(), m.end(), "IPv4", ctx, results);
                }
            }
        }
        for (lo, hi) in v6_stretches(text) {
            // A stretch is a maximal run of bytes in `V6`'s class holding two colons, and `V6` looks at
            // no byte around a match: its one match in the stretch is the whole stretch (the first star
            // gives back up to the last colon but one, the last star takes the rest).
            if let Some((s, e)) = ipv6_within(text, lo, hi) {
                // The IPv4 tail of an IPv4-mapped address is not a second address.
                let mut k = first_new;
                while k < results.len() {
                    if results[k].start >= s && results[k].end <= e {
                        results.swap_remove(k);
                    } else {
                        k += 1;
                    }
                }
                self.push(s, e, "IPv6", ctx, results);
            }
        }
        Ok(())
    }
}

/// Whether byte `b` can be part of a [`V4`] match: an ASCII digit, a dot, or any byte of a non-ASCII
/// character (`\d` matches every Unicode decimal digit).
fn in_v4(b: u8) -> bool {
    b.is_ascii_digit() || b == b'.' || !b.is_ascii()
}

/// The stretches of `bytes` that can hold an IPv4 address: maximal runs of [`in_v4`] bytes that pass
/// `has_ascii_dotted_quad`, as `(start, end)`. Every [`V4`] match lies in one run, and one that parses as
/// an address makes its run pass. The end is moved past any ASCII word characters after the run, so that
/// the pattern's ASCII `\b` sees the same at the end as in the whole text; no match starts among them.
///
/// `dots` are the dots to try, in order: every dot of the text, or at least every one after an ASCII digit.
fn v4_stretches<'a>(
    text: &'a str,
    mut dots: impl Iterator<Item = usize> + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let bytes = text.as_bytes();
    // Where to look for dots, and the end of the last stretch looked at (no later one starts before it).
    let (mut from, mut floor) = (0, 0);
    std::iter::from_fn(move || {
        // Stretches end before a character boundary.
        for dot in dots.by_ref() {
            if dot < from {
                continue;
            }
            from = dot + 1;
            // The dotted quad of `has_ascii_dotted_quad`, at this dot.
            if !quad_at(bytes, dot) {
                continue;
            }
            let mut start = dot;
            while start > floor && in_v4(bytes[start - 1]) {
                start -= 1;
            }
            let mut end = dot + 1;
            while end < bytes.len() && in_v4(bytes[end]) {
                end += 1;
            }
            (from, floor) = (end, end);
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            return Some((start, end));
        }
        None
    })
}

/// Whether byte `b` is in the class of every [`V6`] match: hex digits, `:` and `.`.
fn in_v6(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':' || b == b'.'
}

/// The stretches of `text` that can hold a [`V6`] match: maximal runs of [`in_v6`] bytes that pass
/// `has_colon_pair`, as `(start, end)`. Every match lies in one run and makes it pass.
fn v6_stretches(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let (mut from, mut floor) = (0, 0);
    std::iter::from_fn(move || {
        // Stretches end before a character boundary (`:` is ASCII, so the search needs none).
        while let Some(colon) = memchr::memchr(b':', bytes.get(from..)?) {
            let colon = from + colon;
            from = colon + 1;
            // The colon pair of `has_colon_pair`, from this colon.
            let mut end = colon + 1;
            while end < bytes.len() && (bytes[end].is_ascii_hexdigit() || bytes[end] == b'.') {
                end += 1;
            }
            if bytes.get(end) != Some(&b':') {
                continue;
            }
            let mut start = colon;
            while start > floor && in_v6(bytes[start - 1]) {
                start -= 1;
            }
            while end < bytes.len() && in_v6(bytes[end]) {
                end += 1;
            }
            (from, floor) = (end, end);
            return Some((start, end));
        }
        None
    })
}

/// Whether `text` holds four dot-separated groups of ASCII digits (the last one at least started), the
/// middle two of one to three digits. Every [`V4`] match that parses as an address has them. The dots are
/// found with `memchr`, so this costs far less than a pass of the regex.
#[cfg(test)]
fn has_ascii_dotted_quad(bytes: &[u8]) -> bool {
    (0..bytes.len()).any(|dot| quad_at(bytes, dot))
}

/// Whether the dot at `bytes[dot]` (if it is one) starts the shape of `has_ascii_dotted_quad`: a digit
/// before it, two more groups of one to three digits each followed by a dot, then a digit.
fn quad_at(bytes: &[u8], dot: usize) -> bool {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    if bytes.get(dot) != Some(&b'.') || dot == 0 || !digit(dot - 1) {
        return false;
    }
    let mut i = dot + 1;
    for _ in 0..2 {
        let run = bytes[i..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=3).contains(&run) || bytes.get(i + run) != Some(&b'.') {
            return false;
        }
        i += run + 1;
    }
    digit(i)
}

/// Whether `text` holds two colons with only hex digits and dots between them, which every [`V6`] match
/// has. The colons are found with `memchr`.
#[cfg(test)]
fn has_colon_pair(bytes: &[u8]) -> bool {
    (0..bytes.len()).filter(|&i| bytes[i] == b':').any(|colon| {
        bytes[colon + 1..]
            .iter()
            .find(|b| !(b.is_ascii_hexdigit() || **b == b'.'))
            == Some(&b':')
    })
}

/// The IPv6 address in the candidate `text[start..end]`, trimmed of trailing dots and single colons.
fn ipv6_within(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Glued to a word on the left (`abc::1` inside an identifier) is not an address.
    if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
        return None;
    }
    let mut e = end;
    // Trailing '.', or a single trailing ':' (`addr: fe80::1:` at a sentence's end), is punctuation.
    while e > start
        && (bytes[e - 1] == b'.'
            || (bytes[e - 1] == b':' && !(e - start >= 2 && bytes[e - 2] == b':')))
    {
        e -= 1;
    }
    if e < end && bytes[e] != b'.' && bytes[e] != b':' {
        return None;
    }
    if end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') && e == end {
        return None;
    }
    let candidate = &text[start..e];
    // `cafe::bead` parses, but identifiers like it are far more common than addresses without a digit.
    if candidate.matches(':').count() < 2 || !candidate.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    candidate.parse::<Ipv6Addr>().ok().map(|_| (start, e))
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "IpRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(ip()),
}];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let ents = [EntityType::IP_ADDRESS];
        ip().analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.sort_by_key(|r| r.start);
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn v4() {
        assert_eq!(find("from 192.168.10.4 port 22"), vec!["192.168.10.4"]);
        assert_eq!(find("http://10.0.0.1/admin"), vec!["10.0.0.1"]);
        assert_eq!(find("10.0.0.0/24"), vec!["10.0.0.0"]);
        assert_eq!(find("(8.8.8.8)"), vec!["8.8.8.8"]);
        assert!(find("256.1.1.1").is_empty());
        assert!(find("1.2.3.4.5").is_empty());
        assert!(find("oid 1.3.6.1.4.1.9").is_empty());
        assert!(find("Chrome/120.0.0.0 Safari").is_empty());
        assert_eq!(
            find("ann@host.example/82.100.32.110:22"),
            vec!["82.100.32.110"]
        );
        assert_eq!(find("app[app] @  [192.168.2.197]"), vec!["192.168.2.197"]);
        assert!(find("firmware 6.11.14.240").is_empty());
        assert!(find("v1.2.3.4").is_empty());
        assert_eq!(find("build 12345.6.7.8, host 10.0.0.1"), vec!["10.0.0.1"]);
    }

    #[test]
    fn gates() {
        assert!(has_ascii_dotted_quad(b"1.2.3.4"));
        assert!(has_ascii_dotted_quad(b"x 1234.5.6.7"));
        assert!(has_ascii_dotted_quad(b"a. 1.2.3.4"));
        assert!(!has_ascii_dotted_quad(b"1.2.3."));
        assert!(!has_ascii_dotted_quad(b"1.2..3.4"));
        assert!(!has_ascii_dotted_quad(b"1.2.3 4.5"));
        assert!(!has_ascii_dotted_quad(b"1.2345.3.4"));
        assert!(has_colon_pair(b"::1"));
        assert!(has_colon_pair(b"a fe80:1.2:x"));
        assert!(!has_colon_pair(b"Name: x, Tel: 1"));
    }

    /// The old search: both patterns over the whole text, behind the whole-text gates.
    fn whole_text(text: &str) -> Vec<(usize, usize)> {
        let rec = ip();
        let ents = [EntityType::IP_ADDRESS];
        let ctx = RecognizerContext::new(&ents, "en");
        let mut out = Vec::new();
        if has_ascii_dotted_quad(text.as_bytes()) {
            for m in V4.find_iter(text) {
                if m.as_str().parse::<Ipv4Addr>().is_ok() && v4_context_ok(text, m.start(), m.end())
                {
                    rec.push(m.start(), m.end(), "IPv4", &ctx, &mut out);
                }
            }
        }
        if has_colon_pair(text.as_bytes()) {
            for m in V6.find_iter(text) {
                if let Some((s, e)) = ipv6_within(text, m.start(), m.end()) {
                    out.retain(|r| !(r.start >= s && r.end <= e));
                    rec.push(s, e, "IPv6", &ctx, &mut out);
                }
            }
        }
        let mut spans: Vec<(usize, usize)> = out.iter().map(|r| (r.start, r.end)).collect();
        spans.sort_unstable();
        spans
    }

    /// Searching only the stretches finds what the search of the whole text finds.
    #[test]
    fn stretches_find_what_the_whole_text_finds() {
        const PIECES: &[&str] = &[
            "1",
            "12",
            "192",
            "256",
            "0",
            ".",
            "..",
            ":",
            "::",
            "fe80",
            "ff",
            "db8",
            "2001",
            "a",
            "x",
            "_",
            " ",
            "/",
            "v",
            "é",
            "\u{663}",
            "%eth0",
            "[",
            "]",
            "version ",
            "10.0.0.1",
            "1.2.3.4.5",
            "::ffff:192.0.2.128",
            "\n",
            "-",
        ];
        let mut found = 0;
        for text in crate::recognizers::glued::glued(PIECES, 0x9E37_79B9_7F4A_7C15u64, 30_000, 24) {
            let expected = whole_text(&text);
            found += expected.len();
            let mut got: Vec<(usize, usize)> = find(&text)
                .iter()
                .map(|s| {
                    let start = s.as_ptr() as usize - text.as_ptr() as usize;
                    (start, start + s.len())
                })
                .collect();
            got.sort_unstable();
            assert_eq!(got, expected, "{text:?}");
        }
        assert!(found > 3_000, "{found}");
    }

    /// Each stretch of `v6_stretches` is exactly the match `V6` finds searching from its start.
    #[test]
    fn v6_stretch_is_the_match() {
        for text in [
            "at 10:02:33 and fe80::1:2 or a::b::c:d.e: x",
            "::",
            "é::1 ::ffff:192.0.2.128%eth0 1:2",
            "a:b:c:: ff:",
        ] {
            let mut n = 0;
            for (lo, hi) in v6_stretches(text) {
                let m = V6.find_at(&text[..hi], lo).unwrap();
                assert_eq!((m.start(), m.end()), (lo, hi), "{text:?}");
                n += 1;
            }
            assert_eq!(n, V6.find_iter(text).count(), "{text:?}");
        }
    }

    #[test]
    fn v6() {
        assert_eq!(find("addr 2001:db8::1 ok"), vec!["2001:db8::1"]);
        assert_eq!(find("[2001:db8::1]:8080"), vec!["2001:db8::1"]);
        assert_eq!(find("loopback ::1."), vec!["::1"]);
        assert_eq!(
            find("fe80::1ff:fe23:4567:890a%eth0"),
            vec!["fe80::1ff:fe23:4567:890a"]
        );
        assert_eq!(find("::ffff:192.0.2.128"), vec!["::ffff:192.0.2.128"]);
        assert_eq!(
            find("2001:0DB8:0000:0000:0000:0000:1428:57AB"),
            vec!["2001:0DB8:0000:0000:0000:0000:1428:57AB"]
        );
        assert!(find("at 10:02:33 today").is_empty());
        assert!(find("00:1a:2b:3c:4d:5e").is_empty());
        assert!(find("std::vec::Vec").is_empty());
    }
}
