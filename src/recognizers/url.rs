//! URL: web addresses with a scheme, a `www.` host, or a host with a path, ending at a real boundary.

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::catalog::{Languages, Spec};
use crate::validate::is_public_tld;
use crate::{
    AnalysisExplanation, EntityType, Error, Recognizer, RecognizerContext, RecognizerResult,
};

/// Three candidate shapes: `scheme://…`, `www.…`, and `host.tld/path`. Each runs to the next whitespace,
/// quote or angle bracket; the recognizer then trims trailing punctuation.
static CANDIDATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:(?i:https?|ftps?|sftp|wss?)://[^\s<>\x22'`]+",
        r"|(?i:www)\.[A-Za-z0-9-][^\s<>\x22'`]*",
        r"|(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}/[^\s<>\x22'`]*)",
    ))
    .expect("constant pattern")
});

const NAME: &str = "UrlRecognizer";
const SCORE: f64 = 0.5;

/// `UrlRecognizer`: score 0.5 (Presidio's base), 0.6 for URLs with a scheme. Unlike Presidio's pattern the
/// match ends at a real boundary: trailing `.,;:!?` and closing brackets without an opening one inside the
/// URL are left out, and a file name such as `report.docx` is not a URL. Hosts without a scheme must end in
/// a public top-level domain, and a bare `host/path` right after `@` (an email's domain) is not reported.
pub struct UrlRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    context: Vec<String>,
}

impl Default for UrlRecognizer {
    fn default() -> Self {
        UrlRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::URL],
            context: ["url", "website", "link", "site", "web", "http", "https"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

/// The predefined URL recognizer.
pub fn url() -> UrlRecognizer {
    UrlRecognizer::default()
}

/// The end of the URL starting `candidate`, with trailing punctuation and unbalanced closers removed.
fn trimmed_end(candidate: &str) -> usize {
    let bytes = candidate.as_bytes();
    let mut end = bytes.len();
    loop {
        let Some(&last) = bytes[..end].last() else {
            return 0;
        };
        let drop = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*' => true,
            b')' | b']' | b'}' => {
                let (open, close) = match last {
                    b')' => (b'(', b')'),
                    b']' => (b'[', b']'),
                    _ => (b'{', b'}'),
                };
                let s = &bytes[..end];
                s.iter().filter(|&&b| b == close).count() > s.iter().filter(|&&b| b == open).count()
            }
            _ => false,
        };
        if !drop {
            return end;
        }
        end -= 1;
    }
}

/// The host part of a URL candidate (after any scheme, before any port, path, query or fragment).
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    &host[..host.find(':').unwrap_or(host.len())]
}

/// Where a URL candidate ends at a field separator: a `,` or `;` followed by something other than a digit
/// (CSV and list separators; `?q=48.8,2.3` keeps its comma).
fn field_end(candidate: &str) -> usize {
    let bytes = candidate.as_bytes();
    bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| {
            matches!(b, b',' | b';') && !bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        })
        .map_or(bytes.len(), |(i, _)| i)
}

impl Recognizer for UrlRecognizer {
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
        let mut at = 0;
        for (lo, hi) in url_tokens(text) {
            // Most tokens with a `/` are dates, fractions or `and/or`: no candidate can be in them.
            if !may_hold_candidate(&text.as_bytes()[lo..hi]) {
                continue;
            }
            // A match ends before the byte after its token, which the pattern does not look at.
            let haystack = &text[..hi];
            at = at.max(lo);
            while let Some(m) = CANDIDATES.find_at(haystack, at) {
                at = m.end();
                self.candidate(text, m, ctx, results);
            }
        }
        Ok(())
    }
}

impl UrlRecognizer {
    /// Checks the candidate `m` and pushes the URL in it, if any.
    fn candidate(
        &self,
        text: &str,
        m: regex::Match<'_>,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        let candidate = &m.as_str()[..field_end(m.as_str())];
        let has_scheme = candidate.contains("://");
        if !has_scheme && text[..m.start()].ends_with(['@', '.', '-']) {
            return;
        }
        let end = trimmed_end(candidate);
        let url = &candidate[..end];
        let h = host(url);
        let ok = if has_scheme {
            !h.is_empty() && h.bytes().any(|b| b.is_ascii_alphanumeric())
        } else {
            let tld = h.rsplit('.').next().unwrap_or("");
            h.contains('.') && is_public_tld(tld)
        };
        if !ok {
            return;
        }
        let score = if has_scheme { 0.6 } else { SCORE };
        let mut r = RecognizerResult::new(
            self.entities[0].clone(),
            m.start(),
            m.start() + end,
            score,
            self.name.clone(),
        );
        if ctx.return_decision_process() {
            r.explanation = Some(Box::new(AnalysisExplanation {
                recognizer: NAME.into(),
                pattern_name: Some(
                    if has_scheme {
                        "url with scheme"
                    } else {
                        "host with path"
                    }
                    .into(),
                ),
                original_score: score,
                score,
                ..AnalysisExplanation::default()
            }));
        }
        results.push(r);
    }
}

/// Whether byte `b` ends every candidate: ASCII whitespace, `<`, `>`, `"`, `'` or a backtick.
fn ends_candidates(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'<' | b'>' | b'"' | b'\'' | b'`'
    )
}

/// Whether `token` (a token of [`url_tokens`]) holds what each shape of [`CANDIDATES`] needs: `://`
/// (a scheme), `www.` in any case, or a `/` right after a `.` and two or more ASCII letters (the end of
/// `host.tld/`). A token without any of them holds no candidate.
fn may_hold_candidate(token: &[u8]) -> bool {
    for (i, &b) in token.iter().enumerate() {
        match b {
            b'/' => {
                if i > 0 && token[i - 1] == b':' && token.get(i + 1) == Some(&b'/') {
                    return true;
                }
                let letters = token[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                if letters >= 2 && i > letters && token[i - letters - 1] == b'.' {
                    return true;
                }
            }
            b'.' if i >= 3 && token[i - 3..i].eq_ignore_ascii_case(b"www") => return true,
            _ => {}
        }
    }
    false
}

/// The tokens of `text` that can hold a candidate, in order: maximal runs of bytes other than
/// [`ends_candidates`] holding a `/` (in `://` or a path) or `www.` in any case. Every candidate is made of
/// such bytes and holds one of those, so it lies in one of these tokens.
fn url_tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    // The next `/` and `www.` at or after `from`, once looked for; `None` inside when there is none.
    let mut slash: Option<Option<usize>> = None;
    let mut www: Option<Option<usize>> = None;
    let mut dots = memchr::memchr_iter(b'.', bytes);
    std::iter::from_fn(move || {
        if slash.is_none_or(|p| p.is_some_and(|p| p < from)) {
            slash = Some(memchr::memchr(b'/', bytes.get(from..)?).map(|p| from + p));
        }
        if www.is_none_or(|p| p.is_some_and(|p| p < from)) {
            // The first `www.` (any case) at or after `from`, as the offset of its dot.
            www =
                Some(dots.find(|&dot| {
                    dot >= from + 3 && bytes[dot - 3..dot].eq_ignore_ascii_case(b"www")
                }));
        }
        let anchor = match (slash.flatten(), www.flatten()) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return None,
        };
        let mut start = anchor;
        while start > 0 && !ends_candidates(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = anchor + 1;
        while end < bytes.len() && !ends_candidates(bytes[end]) {
            end += 1;
        }
        from = end;
        Some((start, end))
    })
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: "UrlRecognizer",
    languages: Languages::Any,
    enabled_by_default: true,
    build: || std::sync::Arc::new(url()),
}];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let ents = [EntityType::URL];
        url()
            .analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(
            find("see https://example.com/a?b=1."),
            vec!["https://example.com/a?b=1"]
        );
        assert_eq!(
            find("(https://en.wikipedia.org/wiki/Foo_(bar))"),
            vec!["https://en.wikipedia.org/wiki/Foo_(bar)"]
        );
        assert_eq!(find("visit www.example.org, now"), vec!["www.example.org"]);
        assert_eq!(
            find("linkedin.com/in/jane-doe!"),
            vec!["linkedin.com/in/jane-doe"]
        );
        assert_eq!(
            find("<http://10.0.0.1:8080/x>"),
            vec!["http://10.0.0.1:8080/x"]
        );
    }

    /// Searching only the tokens finds what the search of the whole text finds.
    #[test]
    fn tokens_find_what_the_whole_text_finds() {
        const PIECES: &[&str] = &[
            "https://",
            "http",
            "://",
            "www",
            "WWW.",
            ".",
            "/",
            "example",
            "com",
            ".org",
            "a",
            "-",
            "@",
            " ",
            "\t",
            "\n",
            "<",
            ">",
            "\"",
            "'",
            "`",
            ",",
            ";",
            "1",
            "(",
            ")",
            "é",
            "\u{a0}",
            "x.co/",
            "report.docx",
            "?q=1",
            "#f",
            "03/15",
            "/2024",
            "and/or",
            "a.b/",
            ".co",
            "ſ",
            ":/",
            "wW",
        ];
        let rec = url();
        let ents = [EntityType::URL];
        let ctx = RecognizerContext::new(&ents, "en");
        let mut found = 0;
        for text in crate::recognizers::glued::glued(PIECES, 0x9E37_79B9_7F4A_7C15u64, 30_000, 20) {
            let mut expected = Vec::new();
            for m in CANDIDATES.find_iter(&text) {
                rec.candidate(&text, m, &ctx, &mut expected);
            }
            let mut got = Vec::new();
            rec.analyze(&text, &ctx, &mut got).unwrap();
            let spans = |v: &[RecognizerResult]| -> Vec<(usize, usize)> {
                v.iter().map(|r| (r.start, r.end)).collect()
            };
            found += expected.len();
            assert_eq!(spans(&got), spans(&expected), "{text:?}");
        }
        assert!(found > 3_000, "{found}");
    }

    #[test]
    fn token_filter_keeps_every_candidate() {
        for token in [
            "https://x",
            "ftp://a",
            "WwW.x",
            "www.a",
            "a.io/",
            "x.y.co/z",
            "ab.cd/",
        ] {
            assert!(may_hold_candidate(token.as_bytes()), "{token}");
            assert!(CANDIDATES.is_match(token), "{token}");
        }
        for token in [
            "03/15/2024",
            "and/or",
            "a.b/c",
            ".c/",
            "ab/",
            "http:/x",
            "w.ww",
        ] {
            assert!(!may_hold_candidate(token.as_bytes()), "{token}");
            assert!(!CANDIDATES.is_match(token), "{token}");
        }
    }

    #[test]
    fn not_urls() {
        assert!(find("see report.docx today").is_empty());
        assert!(find("example.org").is_empty());
        assert!(find("mail bob@example.com/x").is_empty());
        assert!(find("path a.b/c").is_empty());
        assert!(find("https://").is_empty());
    }
}
