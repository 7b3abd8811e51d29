//! Cues before a name: honorifics, greetings, labels, introductions, mentions, chat speakers, sign-offs.

use std::sync::LazyLock;

use super::gazetteer::{COMMON, FIRST, GREETING, HONORIFIC, LABEL};
use super::names::{Chain, Cue, Kind, Scan};
use super::tokens::Shape;
use crate::recognizers::columns::{Column, column_kind};
use crate::recognizers::hash::WordSet;

/// Words before `name` that make it a thing's name, not a person's (`company_name`, `Business name:`).
#[rustfmt::skip]
const NOT_PERSON_NAME: &[&str] = &[
    "user", "host", "file", "path", "db", "database", "server", "domain", "app", "product",
    "company", "business", "org", "organisation", "organization", "bank", "street", "city",
    "device", "computer", "machine", "brand", "team", "project", "plan", "service", "pet", "model",
    "package", "field", "table", "column", "key", "var", "variable", "function", "method", "class",
    "module", "event", "tag", "branch", "repo", "store", "shop", "merchant", "vendor", "employer",
    "school", "account", "trading", "legal", "entity", "screen", "site", "venue", "hotel",
    "hospital", "clinic", "practice", "pharmacy", "carrier", "network", "wifi", "ssid", "cluster",
    "node", "queue", "bucket", "job",
];

/// Phrases that introduce a name (matched case-insensitively, ending right before the chain).
#[rustfmt::skip]
const INTROS: &[&str] = &[
    "my name is", "name is", "names are", "i'm", "i’m", "i am", "im", "this is", "it's", "it’s",
    "its", "call me", "named", "called", "signed", "je suis", "je m'appelle", "me llamo", "soy",
    "mi chiamo", "sono", "ich bin", "ik ben",
];

/// Words directly before a name that hint at a person (weak).
#[rustfmt::skip]
const WEAK_CUES: &[&str] = &[
    "by", "with", "and", "cc", "tell", "ask", "asked", "told", "call", "text", "ping", "met",
    "meet", "thank", "thanks", "contact", "email", "message", "per", "via", "for", "sister",
    "brother", "wife", "husband", "son", "daughter", "mother", "father", "friend", "colleague",
    "neighbour", "neighbor", "spouse", "partner", "boss", "manager", "patient", "client",
    "customer", "tenant", "handled", "approved", "signed", "reviewed", "wrote", "says", "said",
    "und", "et", "y", "e", "en",
];

static WEAK_CUE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(WEAK_CUES));

/// The bytes that end an introduction (`s` of `my name is`).
const INTRO_LAST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < INTROS.len() {
        let intro = INTROS[i].as_bytes();
        table[intro[intro.len() - 1] as usize] = true;
        i += 1;
    }
    table
};

/// For each byte, the last bytes (lower-case ASCII letters, bit `b - b'a'`) that follow it at the end
/// of some introduction (`i` → `s` of `is`).
const INTRO_PAIRS: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < INTROS.len() {
        let intro = INTROS[i].as_bytes();
        let last = intro[intro.len() - 1];
        assert!(intro.len() >= 2 && last.is_ascii_lowercase());
        table[intro[intro.len() - 2] as usize] |= 1 << (last - b'a');
        i += 1;
    }
    table
};

/// Whether some introduction ends with the two bytes `pair`.
#[inline]
fn ends_intro_pair(pair: [u8; 2]) -> bool {
    pair[1].is_ascii_lowercase() && INTRO_PAIRS[usize::from(pair[0])] >> (pair[1] - b'a') & 1 != 0
}

/// The last word of each introduction (`is` of `my name is`, `I'm`).
static INTRO_ENDS: LazyLock<WordSet> = LazyLock::new(|| {
    let ends: Vec<&'static str> = INTROS
        .iter()
        .map(|intro| intro.rsplit(' ').next().unwrap_or(intro))
        .collect();
    WordSet::new(&ends)
});

impl Scan<'_> {
    pub(super) fn cue(&self, c: Chain) -> (Cue, &'static str) {
        let t = &self.tokens[c.first];
        if t.mention {
            return (Cue::Strong, "mention");
        }
        let before = &self.text[..t.start];
        if let Some(p) = self.prev_on_line(c.first) {
            let gap = self.gap(p, c.first);
            let flags = self.words[p].flags;
            // A single space, the usual gap, trims to nothing.
            let trimmed = if gap == " " {
                ""
            } else {
                trim_blanks_and_quotes(gap, "\"'“”‘’«»\\`")
            };
            if flags & HONORIFIC != 0 && matches!(trimmed, "" | ".") {
                return (Cue::Strong, "honorific");
            }
            if flags & GREETING != 0 && matches!(trimmed, "" | ",") {
                return (Cue::Strong, "greeting");
            }
            if matches!(
                trimmed,
                ":" | "=" | ">" | ":=" | "=>" | "->" | "):" | "|" | ":-"
            ) || (trimmed.ends_with(':') && trimmed.len() <= 3)
            {
                let key = self.key(p);
                let qualifier = p
                    .checked_sub(1)
                    .filter(|&q| self.gap(q, p).len() <= 1 && !self.gap(q, p).contains('\n'))
                    .map(|q| self.key(q));
                let is_name_key = (key.ends_with("name") || key.ends_with("names"))
                    && !NOT_PERSON_NAME
                        .iter()
                        .any(|n| key.len() > 4 && key.strip_suffix("name") == Some(n))
                    && !qualifier.is_some_and(|q| NOT_PERSON_NAME.contains(&q));
                if is_name_key || self.words[p].flags & LABEL != 0 && key != "name" {
                    return (Cue::Strong, "label");
                }
            }
        }
        if introduced(before) {
            return (Cue::Strong, "introduction");
        }
        if let Some(chat) = self.speaker(c) {
            // At a bare line start, `Reason:` or `Paziente:` is a field: a known name must be in it.
            let known = (c.first..=c.last).any(|i| {
                self.words[i].kind == Kind::Name
                    || self.tokens[i].shape == Shape::Lower
                        && self.words[i].flags & FIRST != 0
                        && self.words[i].flags & COMMON == 0
            });
            if chat || known {
                return (Cue::Strong, "speaker");
            }
        }
        if self.signature(c) {
            return (Cue::Strong, "sign-off");
        }
        if self.column(c) == Some(Column::Person) {
            return (Cue::Strong, "column header");
        }
        if self.weak_cue(c) {
            return (Cue::Weak, "weak cue");
        }
        (Cue::None, "")
    }

    /// A word before the chain that hints at a person (`by`, `with`, `ask`): the weak cue of
    /// [`cue`](Self::cue) when there is no strong one.
    pub(super) fn weak_cue(&self, c: Chain) -> bool {
        self.prev_on_line(c.first).is_some_and(|p| {
            let gap = self.gap(p, c.first);
            // A single space, the usual gap, trims to nothing.
            let gap = if gap == " " { "" } else { gap.trim() };
            matches!(gap, "" | "(" | ":" | ",") && WEAK_CUE_SET.contains(self.key(p))
        })
    }

    /// A cheap test that is true whenever [`cue`](Self::cue) is strong: it rules out each strong cue by a
    /// necessary condition (mention; honorific, greeting or separator before; introduction; something
    /// after the chain that a speaker needs; a sign-off line; a delimited cell for a column header).
    pub(super) fn strong_cue_possible(&self, c: Chain) -> bool {
        let t = &self.tokens[c.first];
        if t.mention {
            return true;
        }
        if let Some(p) = self.prev_on_line(c.first) {
            if self.words[p].flags & (HONORIFIC | GREETING) != 0
                || self
                    .gap_bytes(p, c.first)
                    .iter()
                    .any(|b| matches!(b, b':' | b'=' | b'>' | b'|'))
            {
                return true;
            }
        }
        let end = self.tokens[c.last].end;
        let after = &self.text[end..];
        if after.starts_with([':', ')', '>', ']']) || after.starts_with(" (") {
            return true;
        }
        let edge = |ch: Option<char>| {
            ch.is_none_or(|ch| matches!(ch, ',' | ';' | '\t' | '|' | '"' | '\n' | '\r'))
        };
        if edge(self.text[..t.start].chars().next_back()) && edge(after.chars().next()) {
            return true;
        }
        introduced(&self.text[..t.start]) || self.signature(c)
    }

    /// What the table column holds when the chain fills a whole cell of a delimited table with a
    /// recognised header: `Crystal,Brown` under `first_name,last_name` are names although both are
    /// common words, and `Austin` under `city` is a place.
    pub(super) fn column(&self, c: Chain) -> Option<Column> {
        let start = self.tokens[c.first].start;
        let end = self.tokens[c.last].end;
        let edge = |ch: Option<char>| {
            ch.is_none_or(|ch| matches!(ch, ',' | ';' | '\t' | '|' | '"' | '\n' | '\r'))
        };
        if !edge(self.text[..start].chars().next_back()) || !edge(self.text[end..].chars().next()) {
            return None;
        }
        // `decide` and `cue` ask about the same chain in turn: look the header up once.
        if let Some((at, column)) = self.column.get() {
            if at == start {
                return column;
            }
        }
        let column = self
            .headers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .column_header(self.text, start)
            .and_then(column_kind);
        self.column.set(Some((start, column)));
        column
    }

    /// `Jane:` / `[10:02] Jane:` / `(16:08:35) Jane:` / `Driver (Jane):` at the start of a line: `None` when
    /// not a speaker, `Some(true)` after a time stamp or inside brackets (a chat), `Some(false)` at a bare
    /// line start.
    pub(super) fn speaker(&self, c: Chain) -> Option<bool> {
        let end = self.tokens[c.last].end;
        let mut after = &self.text[end..];
        if let Some(rest) = after.strip_prefix(" (") {
            // `Mariano (Verdant Telecom):`
            // The first `)`, if within 60 bytes and on this line.
            let close = rest.as_bytes()[..rest.len().min(60)]
                .iter()
                .position(|&b| b == b')')
                .filter(|&p| !rest[..p].contains('\n'));
            if let Some(p) = close {
                after = &rest[p..];
            }
        }
        let after = after.strip_prefix([')', '>', ']']).unwrap_or(after);
        if !after.starts_with(':') {
            return None;
        }
        let start = self.tokens[c.first].start;
        let prefix = &self.text[self.line_start(start)..start];
        let ok = prefix.chars().all(|ch| {
            ch.is_ascii_digit()
                || " \t[]():.-/<@APMapm".contains(ch)
                || ch.is_alphabetic() && prefix.contains('(')
        });
        ok.then(|| {
            prefix
                .chars()
                .any(|ch| ch.is_ascii_digit() || ch == '(' || ch == '<')
        })
    }

    /// A chain alone on its line, after a short line ending in `,` (`Thanks,` / `Kind regards,`) or `--`.
    pub(super) fn signature(&self, c: Chain) -> bool {
        let start = self.tokens[c.first].start;
        let end = self.tokens[c.last].end;
        // Quicker exit for the usual case of the one below: a visible ASCII character right before the
        // chain or before a space before it.
        let bytes = self.text.as_bytes();
        let visible = |k: usize| bytes[k].is_ascii_graphic();
        if start >= 1 && visible(start - 1)
            || start >= 2 && bytes[start - 1] == b' ' && visible(start - 2)
        {
            return false;
        }
        // Quick exit for the test of the rest of the line below: the character right after the chain is
        // neither white space nor a `,` or `.`, so the trimmed rest starts with it and is not empty.
        if self.text[end..]
            .chars()
            .next()
            .is_some_and(|ch| !(ch.is_whitespace() || ch == ',' || ch == '.'))
        {
            return false;
        }
        // Quick exit for the usual chain inside a line: a visible character shortly before it, with only
        // spaces between (well within the reach of `line_start`).
        let mut blank_from = start;
        for ch in self.text[..start].chars().rev().take(64) {
            if ch == '\n' || !ch.is_whitespace() {
                break;
            }
            blank_from -= ch.len_utf8();
        }
        if self.text[..blank_from]
            .chars()
            .next_back()
            .is_some_and(|ch| !ch.is_whitespace())
        {
            return false;
        }
        let ls = self.line_start(start);
        if !self.text[ls..start].trim().is_empty() {
            return false;
        }
        let rest = self.text[end..].split('\n').next().unwrap_or("");
        if !rest.trim().trim_end_matches([',', '.']).is_empty() {
            return false;
        }
        if ls == 0 {
            return false;
        }
        let prev = self.text[..ls - 1]
            .trim_end()
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .trim();
        (prev.ends_with(',') && prev.split_whitespace().count() <= 4)
            || prev == "--"
            || prev == "-- "
    }

    /// A cheap test before [`cue`](Self::cue) for lower-case words: a mention, a speaker colon, a label
    /// separator, a greeting or the last word of an introduction right before.
    pub(super) fn may_have_cue(&self, c: Chain) -> bool {
        let t = self.tokens[c.first];
        if t.mention || self.text[self.tokens[c.last].end..].starts_with([':', ')']) {
            return true;
        }
        let Some(p) = self.prev_on_line(c.first) else {
            return false;
        };
        let gap = self.gap_bytes(p, c.first);
        gap.iter().any(|b| matches!(b, b':' | b'=' | b'>'))
            || self.words[p].flags & (GREETING | HONORIFIC) != 0
            || INTRO_ENDS.contains(self.word(p))
    }
}

/// `gap` without the white space and the characters of `quotes` at its ends; an ASCII gap is trimmed a
/// byte at a time (every set passed holds the same ASCII characters: `"`, `'`, `\`, `` ` ``).
pub(super) fn trim_blanks_and_quotes<'a>(gap: &'a str, quotes: &str) -> &'a str {
    debug_assert!(quotes.chars().filter(char::is_ascii).eq("\"'\\`".chars()));
    if gap.is_ascii() {
        // The ASCII white space of `char::is_whitespace` (with the vertical tab) and the ASCII quotes.
        let trim = |b: &u8| {
            matches!(
                b,
                b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b'"' | b'\'' | b'\\' | b'`'
            )
        };
        let bytes = gap.as_bytes();
        let from = bytes.iter().position(|b| !trim(b)).unwrap_or(bytes.len());
        let to = bytes.iter().rposition(|b| !trim(b)).map_or(from, |k| k + 1);
        return &gap[from..to.max(from)];
    }
    gap.trim_matches(|ch: char| ch.is_whitespace() || quotes.contains(ch))
}

/// Whether the text `before` a chain ends with an introduction (`my name is`, `I'm`), judged on its last
/// 16 bytes, lower-cased.
fn introduced(before: &str) -> bool {
    // Quick exit: the last byte of the last 16 that is not a blank or a comma is an ASCII byte that ends
    // no introduction (lower-casing maps no other character to one that does), or there is none.
    let bytes = before.as_bytes();
    let floor = bytes.len().saturating_sub(16);
    let mut k = bytes.len();
    while k > floor && matches!(bytes[k - 1], b' ' | b'\t' | b',') {
        k -= 1;
    }
    if k == floor {
        return false;
    }
    let last = bytes[k - 1];
    if last < 0x80 && !INTRO_LAST_BYTES[usize::from(last.to_ascii_lowercase())] {
        return false;
    }
    // Every introduction is two bytes or longer: two ASCII bytes that end none rule all out too.
    if k - floor >= 2 && bytes[k - 2] < 0x80 && last < 0x80 {
        let pair = [bytes[k - 2].to_ascii_lowercase(), last.to_ascii_lowercase()];
        if !ends_intro_pair(pair) {
            return false;
        }
    }
    let tail = tail(before, 16);
    if !tail.is_ascii() {
        let lower = tail.to_lowercase();
        return INTROS.iter().any(|intro| ends_with_word(&lower, intro));
    }
    // ASCII: compare ignoring case instead of lower-casing a copy.
    let hay = tail.trim_end_matches([' ', '\t', ',']).as_bytes();
    let Some(last) = hay.last().map(u8::to_ascii_lowercase) else {
        return false;
    };
    if !INTRO_LAST_BYTES[usize::from(last)] {
        return false;
    }
    INTROS.iter().any(|intro| {
        intro.as_bytes().last() == Some(&last) && hay.len() >= intro.len() && {
            let (rest, end) = hay.split_at(hay.len() - intro.len());
            end.eq_ignore_ascii_case(intro.as_bytes())
                && !rest.last().is_some_and(u8::is_ascii_alphanumeric)
        }
    })
}

/// The last `n` bytes (or fewer) of `s`, on a char boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// Whether `hay`, trimmed at its end, ends with the phrase `needle` starting at a word boundary.
fn ends_with_word(hay: &str, needle: &str) -> bool {
    let hay = hay.trim_end_matches([' ', '\t', ',']);
    hay.strip_suffix(needle)
        .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`introduced`] without its quick exits.
    fn introduced_slowly(before: &str) -> bool {
        let tail = tail(before, 16);
        let lower = tail.to_lowercase();
        INTROS.iter().any(|intro| ends_with_word(&lower, intro))
    }

    #[test]
    fn intro_pair_table_equals_the_list() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let want = INTROS
                    .iter()
                    .any(|intro| intro.as_bytes().ends_with(&[a, b]));
                assert_eq!(ends_intro_pair([a, b]), want, "{a} {b}");
            }
        }
    }

    #[test]
    fn ascii_trim_equals_the_char_trim() {
        let sets = ["\"'“”‘’«»\\`", "\"'“”‘’\\`"];
        let gaps = [
            "",
            " ",
            ": ",
            " \"",
            "\": \"",
            "\u{b}:\u{c}",
            "\r\n",
            "=>",
            "`'x'`",
            "\\\"",
            " «: ",
            "”: “",
            "\u{85}:",
            "\t|\t",
            "a",
            "  \"  ",
            "\\",
        ];
        for quotes in sets {
            for gap in gaps {
                let plain = gap.trim_matches(|ch: char| ch.is_whitespace() || quotes.contains(ch));
                assert_eq!(trim_blanks_and_quotes(gap, quotes), plain, "{gap:?}");
            }
            for b in 0u8..0x80 {
                let gap = format!("{}:{}", char::from(b), char::from(b));
                let plain = gap.trim_matches(|ch: char| ch.is_whitespace() || quotes.contains(ch));
                assert_eq!(trim_blanks_and_quotes(&gap, quotes), plain, "{gap:?}");
            }
        }
    }

    #[test]
    fn quick_exits_agree_with_the_plain_test() {
        let heads = ["", "x", "Hello, ", "\u{212a}", "café ", "Ünal ", "12 "];
        for intro in INTROS {
            for head in heads {
                for tail in ["", " ", ", ", ",\t "] {
                    for word in [intro.to_string(), intro.to_uppercase(), format!("a{intro}")] {
                        let before = format!("{head}{word}{tail}");
                        assert_eq!(
                            introduced(&before),
                            introduced_slowly(&before),
                            "{before:?}"
                        );
                    }
                }
            }
        }
        for before in [
            "Thanks ",
            "by ",
            "IS ",
            "it\u{212a} ",
            "xx\u{212a}",
            "   ",
            ",,",
            "of the ",
        ] {
            assert_eq!(introduced(before), introduced_slowly(before), "{before:?}");
        }
        assert!(introduced("Hello, my name is "));
        assert!(!introduced("this list "));
    }
}
