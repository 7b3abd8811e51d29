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

/// Whether `text` has what every candidate needs: a `/` (in `://` or a path) or `www.` in any case. Both
/// are looked for with `memchr`.
fn may_hold_url(text: &str) -> bool {
    text.contains('/')
        || text
            .match_indices('.')
            .any(|(dot, _)| dot >= 3 && text.as_bytes()[dot - 3..dot].eq_ignore_ascii_case(b"www"))
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
        if !ctx.wants(&self.entities[0]) || !may_hold_url(text) {
            return Ok(());
        }
        for m in CANDIDATES.find_iter(text) {
            let candidate = &m.as_str()[..field_end(m.as_str())];
            let has_scheme = candidate.contains("://");
            if !has_scheme && text[..m.start()].ends_with(['@', '.', '-']) {
                continue;
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
                continue;
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
        Ok(())
    }
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

    #[test]
    fn not_urls() {
        assert!(find("see report.docx today").is_empty());
        assert!(find("example.org").is_empty());
        assert!(find("mail bob@example.com/x").is_empty());
        assert!(find("path a.b/c").is_empty());
        assert!(find("https://").is_empty());
    }
}
