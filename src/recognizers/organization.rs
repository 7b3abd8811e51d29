//! ORGANIZATION without a NER model: legal-form suffixes, law-firm names, institutions, a short list of
//! well-known banks, carriers and retailers, and employer cues.
//!
//! Precision first: a capitalised word sequence is reported only with strong evidence — a legal form
//! (`Hooper Ltd`, `Lucas S.A.R.L.`, `Gigli s.r.l.`), an institution word (`Columbus General Hospital`,
//! `Ospedale San Camillo`, `Bank of America`), the three-surname shape of law firms
//! (`Garcia, Soto and Cummings`), a listed name (`Barclays`, `DHL`), or a cue (`works at`, `Employer:`).

use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::catalog::{Languages, Spec};
use super::location::Layout;
use super::location::lexicon::Lex;
use super::location::table::Column;
use super::location::tokens::{Kind, Tok, WordSet, is_all_caps, is_cap, one_of};
use super::person::gazetteer::{GAZETTEER, HONORIFIC, mainly_surname};
use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

/// Industry words, for the tail of a camel-case name (`CopperleafTravel`), which is not a token.
static INDUSTRY_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(INDUSTRY));

const NAME: &str = "OrganizationRecognizer";
const LIST: &str = include_str!("../../data/organizations.txt");

const LEGAL: f64 = 0.85;
const LISTED: f64 = 0.85;
const INSTITUTION: f64 = 0.75;
const LAW_FIRM: f64 = 0.6;
const CUED: f64 = 0.6;
const PARTNERS: f64 = 0.5;
const TABLE: f64 = 0.8;

/// Legal forms written as one word (case-sensitive).
pub(crate) const SUFFIX_WORDS: &[&str] = &[
    "Inc",
    "LLC",
    "Ltd",
    "Limited",
    "GmbH",
    "AG",
    "KG",
    "KGaA",
    "SARL",
    "SAS",
    "SpA",
    "Srl",
    "SRL",
    "plc",
    "PLC",
    "BV",
    "NV",
    "LLP",
    "Corp",
    "Corporation",
    "Pty",
    "Oy",
    "Holdings",
    "Gesellschaft",
    "mbH",
    "SPA",
    "GbR",
    "OHG",
    "SA",
    "SNC",
    "Coop",
];

/// Legal forms written with dots, letters only (`S.A.R.L.` → `SARL`).
const DOTTED: &[&str] = &[
    "SA", "SARL", "SAS", "SL", "SLNE", "SLU", "SLL", "SAT", "SAU", "SCoop", "SCom", "SC", "srl",
    "Srl", "SRL", "SpA", "SPA", "BV", "NV", "eV", "eG", "Co", "Inc", "Ltd", "SNC",
];

/// Name endings that make a firm (`Walters and Sons`, `Mondaini e figli`, `Ribas y asociados`).
pub(crate) const FIRM_ENDINGS: &[(&str, &str)] = &[
    ("and", "Sons"),
    ("&", "Sons"),
    ("e", "figli"),
    ("e", "Figli"),
    ("y", "asociados"),
    ("y", "Asociados"),
    ("e", "Hijos"),
    ("e", "hijos"),
    ("&", "Co"),
    ("and", "Co"),
    ("und", "Partner"),
    ("&", "Partners"),
    ("and", "Partners"),
    ("et", "Fils"),
    ("&", "Fils"),
    ("&", "Söhne"),
    ("und", "Söhne"),
];

/// Industry words that end a brand-style company name (`Oakridge Logistics`, `Beacon Broadband`).
pub(crate) const INDUSTRY: &[&str] = &[
    "insurance",
    "logistics",
    "broadband",
    "software",
    "fitness",
    "analytics",
    "energy",
    "telecom",
    "outdoors",
    "games",
    "learning",
    "labs",
    "cloud",
    "travel",
    "mobile",
    "health",
    "systems",
    "solutions",
    "technologies",
    "consulting",
    "media",
    "networks",
    "foods",
    "motors",
    "airlines",
    "airways",
    "pharma",
    "capital",
    "ventures",
    "studios",
    "robotics",
    "security",
];

/// Generic words that make `X Insurance` a product or phrase, not a company (`Travel Insurance`).
pub(crate) const GENERIC_BEFORE_INDUSTRY: &[&str] = &[
    "home",
    "travel",
    "health",
    "car",
    "life",
    "pet",
    "mobile",
    "customer",
    "open",
    "free",
    "business",
    "public",
    "mental",
    "global",
    "local",
    "cloud",
    "online",
    "data",
    "system",
    "enterprise",
    "field",
    "medical",
    "private",
    "national",
    "social",
    "digital",
    "general",
    "personal",
    "auto",
    "motor",
    "dental",
    "vision",
    "contents",
    "buildings",
    "gap",
    "renters",
    "liability",
    "the",
    "our",
    "your",
    "my",
    "new",
    "best",
    "energy",
    "green",
    "clean",
    "food",
    "fast",
    "video",
    "web",
    "game",
    "app",
];

/// Nationality and language words, capitalised like surnames but never a firm (`Polish, Italian and
/// Hungarian`).
pub(crate) const NATIONALITIES: &[&str] = &[
    "english",
    "british",
    "american",
    "french",
    "german",
    "spanish",
    "italian",
    "dutch",
    "polish",
    "hungarian",
    "japanese",
    "korean",
    "chinese",
    "thai",
    "russian",
    "portuguese",
    "greek",
    "turkish",
    "arabic",
    "hebrew",
    "hindi",
    "swedish",
    "danish",
    "norwegian",
    "finnish",
    "czech",
    "irish",
    "scottish",
    "welsh",
    "canadian",
    "australian",
    "indian",
    "mexican",
    "brazilian",
    "latin",
    "european",
    "african",
    "asian",
    "catalan",
    "basque",
    "romanian",
    "bulgarian",
    "croatian",
    "serbian",
    "ukrainian",
    "vietnamese",
    "indonesian",
    "persian",
    "swiss",
    "austrian",
    "belgian",
];

/// Institution words that end a name (`Columbus General Hospital`).
pub(crate) const INSTITUTION_AFTER: &[&str] = &[
    "hospital",
    "clinic",
    "university",
    "college",
    "pharmacy",
    "bank",
    "institute",
    "foundation",
    "infirmary",
    "hospice",
    "academy",
    "polyclinic",
    "ziekenhuis",
    "klinik",
    "apotheke",
    "pharmacie",
    "farmacia",
];

/// Institution words that start a name (`Ospedale San Camillo`, `Hospital General de Málaga`).
pub(crate) const INSTITUTION_BEFORE: &[&str] = &[
    "hospital",
    "ospedale",
    "klinikum",
    "clínica",
    "clinica",
    "hôpital",
    "universidad",
    "università",
    "universität",
    "université",
    "stichting",
    "fondazione",
    "fundación",
    "policlinico",
    "praxis",
    "ziekenhuis",
    "banco",
    "banca",
    "banque",
    "caisse",
    "farmacia",
    "pharmacie",
    "apotheke",
    "clinique",
    "koninklijke",
    "hermanos",
    "hnos",
    "despacho",
    "universitätsklinikum",
    "krankenhaus",
    "kliniken",
    "medisch",
    "gruppo",
    "grupo",
    "groupe",
    "sociedad",
    "cooperativa",
    "inmobiliaria",
    "fundació",
];

/// Two-word institution endings (`Medical Center`, `Credit Union`).
pub(crate) const INSTITUTION_PAIRS: &[(&str, &str)] = &[
    ("medical", "center"),
    ("medical", "centre"),
    ("health", "centre"),
    ("health", "center"),
    ("credit", "union"),
    ("medical", "group"),
    ("health", "system"),
];

/// Capitalised words that start sentences or labels, never an organisation's first word.
pub(crate) const NOT_START: &[&str] = &[
    "paid",
    "pay",
    "invoice",
    "invoiced",
    "ordered",
    "bought",
    "purchased",
    "called",
    "emailed",
    "contacted",
    "joined",
    "left",
    "visit",
    "visited",
    "try",
    "use",
    "used",
    "got",
    "received",
    "wrote",
    "sent",
    "transfer",
    "transferred",
    "booked",
    "signed",
    "hired",
    "where",
    "when",
    "who",
    "what",
    "the",
    "dear",
    "hi",
    "hello",
    "hey",
    "from",
    "to",
    "at",
    "thanks",
    "thank",
    "with",
    "for",
    "via",
    "and",
    "or",
    "in",
    "on",
    "by",
    "of",
    "my",
    "our",
    "your",
    "their",
    "his",
    "her",
    "this",
    "that",
    "employer",
    "company",
    "bank",
    "pharmacy",
    "insurer",
    "vendor",
    "merchant",
    "re",
    "fwd",
    "fw",
    "cc",
    "attn",
    "bill",
    "ship",
    "sent",
    "date",
    "subject",
    "name",
    "contact",
    "customer",
    "account",
    "a",
    "an",
    "previously",
    "formerly",
    "ask",
    "call",
    "email",
    "phone",
    "mobile",
    "tel",
    "also",
    "but",
    "if",
    "when",
    "we",
    "i",
    "you",
    "he",
    "she",
    "they",
    "it",
    "is",
    "was",
    "please",
    "welcome",
    "support",
    "team",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "yes",
    "no",
    "ok",
    "so",
    "then",
    "since",
    "before",
    "after",
];

/// The most tokens in a cue phrase (`"employer": "` is four).
const CUE_MAX: usize = 4;

/// Cue phrases before an employer or company name, at most [`CUE_MAX`] tokens.
pub(crate) const CUES: &[&[&str]] = &[
    &["works", "at"],
    &["worked", "at"],
    &["working", "at"],
    &["work", "at"],
    &["worked", "for"],
    &["employed", "by"],
    &["employer", ":"],
    &["employer", "("],
    &["company", ":"],
    &["business", "name", ":"],
    &["employer", "\"", ":", "\""],
    &["company", "\"", ":", "\""],
    &["joined"],
    &["hotel", ":"],
    &["airline", ":"],
    &["provider", ":"],
    &["agency", ":"],
    &["store", ":"],
    &["retailer", ":"],
    &["bank", ":"],
    &["insurer", ":"],
    &["pharmacy", ":"],
    &["organisation", ":"],
    &["organization", ":"],
    &["vendor", ":"],
    &["merchant", ":"],
    &["carrier", ":"],
    &["courier", ":"],
    &["landlord", ":"],
    &["company", "\""],
    &["employer", "\""],
];

// `Finder::cued` looks back at most `CUE_MAX` tokens, and its gate knows three words before the last.
const _: () = {
    assert!(CUE_MAX == 4);
    let mut k = 0;
    while k < CUES.len() {
        assert!(CUES[k].len() <= CUE_MAX);
        k += 1;
    }
};

/// The listed names as an anchored automaton, and which byte pairs start one.
struct Known {
    ac: AhoCorasick,
    /// Bit `a * 256 + b` is set when some name starts with bytes `a`, `b` (every name has two or more).
    pairs: Box<[u64; 1024]>,
    /// Bit [`tri`]`(a, b, c)` is set when some name starts with bytes `a`, `b`, `c`; every name of two
    /// bytes sets all of its pair's bits (so it is always tried).
    triples: Box<[u64; 1024]>,
    /// The names that start with anything but an ASCII capital (`dm-drogerie markt`), unanchored, to find
    /// the next place one starts without stopping at every lower-case letter.
    lower: Lower,
}

/// A search for the next start of a name in [`Known::lower`].
enum Lower {
    None,
    /// One name: its leftmost occurrence is its leftmost-longest match (a SIMD substring search).
    One(Box<memchr::memmem::Finder<'static>>),
    Many(AhoCorasick),
}

impl Lower {
    /// Where the leftmost-longest match at or after `from` in `text` starts.
    fn find(&self, text: &str, from: usize) -> Option<usize> {
        let rest = text.as_bytes().get(from..)?;
        match self {
            Lower::None => None,
            Lower::One(f) => f.find(rest).map(|k| from + k),
            Lower::Many(ac) => ac
                .find(Input::new(text).span(from..text.len()))
                .map(|m| m.start()),
        }
    }
}

static KNOWN: LazyLock<Known> = LazyLock::new(|| {
    let names: Vec<&str> = LIST.lines().filter(|l| !l.is_empty()).collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        // A small list: a full DFA costs little memory and scans text fastest.
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Both)
        .build(&names)
        .expect("organisation list compiles");
    let mut pairs = Box::new([0u64; 1024]);
    let mut triples = Box::new([0u64; 1024]);
    let mut lower = Vec::new();
    for n in &names {
        let b = n.as_bytes();
        assert!(b.len() >= 2, "listed names have two bytes or more");
        if !b[0].is_ascii_uppercase() {
            lower.push(*n);
        }
        let pair = usize::from(b[0]) << 8 | usize::from(b[1]);
        pairs[pair >> 6] |= 1 << (pair & 63);
        let thirds = match b.get(2) {
            Some(&c) => c..=c,
            None => 0..=255,
        };
        for c in thirds {
            let t = tri(b[0], b[1], c);
            triples[t >> 6] |= 1 << (t & 63);
        }
    }
    let lower = match lower[..] {
        [] => Lower::None,
        [one] => Lower::One(Box::new(
            memchr::memmem::Finder::new(one.as_bytes()).into_owned(),
        )),
        _ => Lower::Many(
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&lower)
                .expect("organisation list compiles"),
        ),
    };
    Known {
        ac,
        pairs,
        triples,
        lower,
    }
});

/// The end of the longest listed name starting at byte `q` of `text` (an anchored search; kept out of
/// line, since the gates before it fail at most capitals).
#[inline(never)]
fn longest_at(ac: &AhoCorasick, text: &str, q: usize) -> Option<usize> {
    let input = Input::new(text).span(q..text.len()).anchored(Anchored::Yes);
    ac.find(input).map(|m| m.end()).filter(|&e| e > q)
}

/// A hash of a name's first three bytes into 16 bits, for [`Known::triples`].
#[inline]
fn tri(a: u8, b: u8, c: u8) -> usize {
    let x = u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;

/// The high bit of each of the eight bytes of `x` (little-endian) that is an ASCII capital (SWAR). Zero
/// exactly when there is none, and the lowest set bit is always right.
#[inline]
fn name_starts(x: u64) -> u64 {
    let low7 = x & !HIGH;
    ((low7 + ONES * 0x3f) ^ (low7 + ONES * 0x25)) & !x & HIGH
}

/// The leftmost-longest, non-overlapping matches of the listed names in `text`, as
/// `ac.find_iter(text)` reports them: from each byte that starts a name, in order, the longest name
/// starting there, resuming after it. Only where the first three bytes may start a name (two bytes that
/// start one and a third that hashes to a set bit) is an anchored search tried.
/// The places a name starting with anything but an ASCII capital starts come from a search of their
/// own, since lower-case letters are everywhere.
fn known_names(text: &str, mut found: impl FnMut(usize, usize)) {
    let Known {
        ac,
        pairs,
        triples,
        lower,
    } = &*KNOWN;
    let b = text.as_bytes();
    // The next start of a name beginning with anything but a capital, at or after `from`.
    let next_lower = |from: usize| lower.find(text, from.min(b.len())).unwrap_or(usize::MAX);
    // The longest name starting at byte `q`, where its first two bytes start one.
    let at = |q: usize| -> Option<usize> {
        let pair = usize::from(*b.get(q)?) << 8 | usize::from(*b.get(q + 1)?);
        if pairs[pair >> 6] & 1 << (pair & 63) == 0 {
            return None;
        }
        // A name of two bytes sets every third byte's bit; any longer one has a third byte.
        let t = tri(b[q], b[q + 1], *b.get(q + 2).unwrap_or(&0));
        if triples[t >> 6] & 1 << (t & 63) == 0 {
            return None;
        }
        longest_at(ac, text, q)
    };
    let mut low = next_lower(0);
    let mut p = 0;
    while p + 1 < b.len() {
        // The name found at or after `p` in this step, as its start and end.
        let mut hit = None;
        if let Some(chunk) = b.get(p..p + 8) {
            // Eight bytes at a time: each capital in them in turn (no reload per capital), then the next
            // name starting with anything else if it is among them.
            let x = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            let limit = low.min(p + 8);
            let mut m = name_starts(x);
            while m != 0 {
                let q = p + (m.trailing_zeros() / 8) as usize;
                if q >= limit {
                    break;
                }
                m &= m - 1;
                if let Some(e) = at(q) {
                    hit = Some((q, e));
                    break;
                }
            }
            if hit.is_none() {
                if limit == low {
                    hit = at(low).map(|e| (low, e));
                    p = low + 1;
                } else {
                    p += 8;
                }
            }
        } else {
            // The last bytes one at a time.
            if p == low || b[p].is_ascii_uppercase() {
                hit = at(p).map(|e| (p, e));
            }
            p += 1;
        }
        if let Some((s, e)) = hit {
            found(s, e);
            p = e;
        }
        if low < p {
            low = next_lower(p);
        }
    }
}

/// Finds organisation spans `(start, end, score)` in `text` (tokens from [`tokenize_marked`], table cells
/// from [`table::cells`]). `caps` and `marks` are [`tokenize_marked`]'s lists of capitalised words and
/// of organisation marks; only the tokens they point at are visited (see [`anchors`]).
///
/// [`tokenize_marked`]: super::location::tokens::tokenize_marked
/// [`table::cells`]: super::location::table::cells
pub(crate) fn find(
    text: &str,
    toks: &[Tok],
    caps: &[usize],
    marks: &[usize],
    cells: &[(usize, usize, Column)],
    out: &mut Vec<(usize, usize, f64)>,
) {
    find_with(text, toks, cells, out, |f, out| {
        anchors(f, caps, marks, |i| f.at_word(i, out));
    });
}

/// Calls `visit` with every token [`Finder::at_word`] can find something at (and a few more), each
/// once: every capitalised word (`caps`), and the lower-case words the tokens of `marks` point at: a
/// word on the legal-form list, a word before a `.` and a word after a cue's end (a cue word, `:`,
/// `(` or `"`). Any other token fails `at_word`'s opening gates: a lower-case word with none of these
/// can neither end a legal form nor follow a cue.
fn anchors(f: &Finder<'_>, caps: &[usize], marks: &[usize], mut visit: impl FnMut(usize)) {
    let (toks, bytes) = (f.toks, f.text.as_bytes());
    for &i in caps {
        visit(i);
    }
    // Whether token `k` ends a cue (what `at_word` tests on the token before a word).
    let cue_end = |k: usize| {
        toks.get(k).is_some_and(|p| {
            p.lex.has(Lex::ORG_CUE_END)
                || p.kind == Kind::Punct
                    && p.end == p.start + 1
                    && matches!(bytes[p.start], b':' | b'(' | b'"')
        })
    };
    let lower_word = |k: usize| toks.get(k).filter(|t| t.kind == Kind::Word && !t.cap);
    for &k in marks {
        let Some(t) = toks.get(k) else { continue };
        if t.kind == Kind::Word {
            if lower_word(k).is_some_and(|t| t.lex.has(Lex::LEGAL_END)) {
                visit(k);
            }
            // A word after a cue word, unless it was visited above.
            if t.lex.has(Lex::ORG_CUE_END)
                && lower_word(k + 1).is_some_and(|n| !n.lex.has(Lex::LEGAL_END))
            {
                visit(k + 1);
            }
        } else if bytes[t.start] == b'.' {
            // A word before a `.`, unless it was visited as a legal-form word or after a cue.
            let j = k.wrapping_sub(1);
            if lower_word(j).is_some_and(|w| !w.lex.has(Lex::LEGAL_END))
                && !cue_end(j.wrapping_sub(1))
            {
                visit(j);
            }
        } else if lower_word(k + 1).is_some_and(|n| !n.lex.has(Lex::LEGAL_END)) {
            // A word after `:`, `(` or `"`.
            visit(k + 1);
        }
    }
}

/// [`find`], with `walk` calling [`Finder::at_word`] on the tokens to visit.
fn find_with(
    text: &str,
    toks: &[Tok],
    cells: &[(usize, usize, Column)],
    out: &mut Vec<(usize, usize, f64)>,
    walk: impl FnOnce(&Finder<'_>, &mut Vec<(usize, usize, f64)>),
) {
    for &(s, e, col) in cells {
        let v = &text[s..e];
        if col == Column::Org
            && v.len() <= 80
            && v.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && v.chars().any(char::is_alphabetic)
        {
            out.push((s, e, TABLE));
        }
    }
    let f = Finder { text, toks };
    walk(&f, out);
    known_names(text, |start, end| {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '.' | '/' | '-' | '_'))
            || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '/' | '-' | '_'))
            || (after == Some('.') && text[end + 1..].starts_with(|c: char| c.is_alphanumeric()))
        {
            return;
        }
        out.push((start, end, LISTED));
    });
    // Keep the longest of overlapping spans (then the highest score).
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    // In place: the kept spans are the first `kept` entries (never ahead of the one read).
    let mut kept: usize = 0;
    for r in 0..out.len() {
        let (s, e, sc) = out[r];
        if let Some(last) = kept.checked_sub(1).map(|k| &mut out[k]) {
            if s < last.1 {
                if e - s > last.1 - last.0 {
                    *last = (s, e, sc);
                } else if e <= last.1 {
                    last.2 = last.2.max(sc);
                }
                continue;
            }
        }
        out[kept] = (s, e, sc);
        kept += 1;
    }
    out.truncate(kept);
}

struct Finder<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl Finder<'_> {
    /// Every shape anchored on word token `i` (any token: others are skipped), pushed to `out`.
    fn at_word(&self, i: usize, out: &mut Vec<(usize, usize, f64)>) {
        let (toks, bytes) = (self.toks, self.text.as_bytes());
        let Some(t) = toks.get(i) else { return };
        // Every shape is anchored on a word; all but legal forms and cues on a capitalised one.
        if t.kind != Kind::Word {
            return;
        }
        // `cued`'s gate: the token before ends a cue (a cue word, `:`, `(` or `"`).
        let cue_end = i > 0 && {
            let p = &toks[i - 1];
            p.lex.has(Lex::ORG_CUE_END)
                || p.kind == Kind::Punct
                    && p.end == p.start + 1
                    && matches!(bytes[p.start], b':' | b'(' | b'"')
        };
        let cap = t.cap;
        // A lower-case word can only end a legal form (a spaced legal-form word or one followed by a
        // dot) or follow a cue: skip the rest of the gates when neither can apply.
        if !cap && !cue_end && !t.space_before {
            return;
        }
        let next = toks.get(i + 1);
        // The next token's byte when it is a one-byte punctuation token (0 otherwise).
        let next_punct = match next {
            Some(n) if n.kind == Kind::Punct && n.end == n.start + 1 => bytes[n.start],
            _ => 0,
        };
        // Each shape's own opening test, on the token's fields, before calling it: `legal_form` needs a
        // spaced legal-form word or a dot after; `institution_after` a spaced capitalised institution
        // word or the first word of a pair.
        let legal_gate = t.space_before && (t.lex.has(Lex::LEGAL_END) || next_punct == b'.');
        if !cap {
            if legal_gate {
                if let Some(x) = self.legal_form(i) {
                    out.push(x);
                }
            }
            if cue_end {
                if let Some(x) = self.cued(i) {
                    out.push(x);
                }
            }
            return;
        }
        let after_gate =
            t.space_before && t.lex.has(Lex::INSTITUTION_AFTER | Lex::INSTITUTION_PAIR);
        let legal = if legal_gate { self.legal_form(i) } else { None };
        if let Some(x) = legal.or_else(|| {
            if after_gate {
                self.institution_after(i)
            } else {
                None
            }
        }) {
            out.push(x);
        }
        // `bank`, `college`, `institute`, `university` (institution words that end a name too) or a
        // listed institution word.
        if t.lex.has(Lex::INSTITUTION_BEFORE | Lex::INSTITUTION_AFTER) {
            if let Some(x) = self.institution_before(i) {
                out.push(x);
            }
        }
        // `law_firm_at`'s gate: a comma glued to the word.
        if next_punct == b',' && next.is_some_and(|n| !n.space_before) {
            if let Some(x) = self.law_firm(i) {
                out.push(x);
            }
        }
        if cue_end {
            if let Some(x) = self.cued(i) {
                out.push(x);
            }
        }
        // One look at the word's bytes: a hyphen (for `partners`), and an upper-case ASCII letter
        // or any non-ASCII byte after the first (a possible camel-case name for `industry`).
        let (mut hyphen, mut inner) = (false, false);
        for &b in bytes.get(t.start + 1..t.end).unwrap_or(&[]) {
            hyphen |= b == b'-';
            inner |= b.is_ascii_uppercase() || !b.is_ascii();
        }
        if inner || next.is_some_and(|n| n.lex.has(Lex::INDUSTRY)) {
            if let Some(x) = self.industry(i) {
                out.push(x);
            }
        }
        if hyphen {
            if let Some(x) = self.partners(i) {
                out.push(x);
            }
        }
    }

    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Whether token `i` starts with an upper-case letter (false past either end).
    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// The lists token `i` is on (none past either end).
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::NONE, |t| t.lex)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn spaced(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.space_before)
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        Some((self.toks.get(a)?.start, self.toks.get(b)?.end))
    }

    /// A name word: capitalised or all capitals, not a sentence word.
    fn name_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && (self.cap(i) || is_all_caps(self.w(i)))
    }

    /// Name words ending at `end` (inclusive), walking back up to `max` words; returns the first.
    fn name_before(&self, end: usize, max: usize) -> Option<usize> {
        if !self.name_word(end) {
            return None;
        }
        let mut first = end;
        let mut j = end;
        let mut words = 1;
        while j > 0 && words < max && self.spaced(j) {
            let p = j - 1;
            let w = self.w(p);
            if self.name_word(p) {
                first = p;
            } else if !(one_of(w, &["and", "of", "de", "di", "del"])
                || self.kind(p) == Some(Kind::Punct) && w == "&")
            {
                break;
            }
            words += 1;
            j = p;
        }
        while first < end && (self.lex(first).has(Lex::NOT_START) || !self.name_word(first)) {
            first += 1;
        }
        (self.name_word(first) && !self.lex(first).has(Lex::NOT_START)).then_some(first)
    }

    /// `Hooper Ltd`, `Lucas S.A.R.L.`, `Holsten e.V.`, `Walters and Sons`, `Ribas y asociados S.L.`.
    fn legal_form(&self, i: usize) -> Option<(usize, usize, f64)> {
        if self.kind(i) != Some(Kind::Word) || !self.spaced(i) {
            return None;
        }
        let legal_end = self.lex(i).has(Lex::LEGAL_END);
        // Cheap gate: a legal form or firm ending, or the first letter of a dotted one.
        if !legal_end && self.w(i + 1) != "." {
            return None;
        }
        let w = self.w(i);
        // The suffix's last token.
        let mut end = i;
        // At most two characters before a glued dot.
        let dotted = self.w(i + 1) == "." && self.glued(i + 1) && w.chars().nth(2).is_none();
        // Without a legal-form word only a dotted form can be one (`today.` is not).
        if !legal_end && !dotted {
            return None;
        }
        let mut ok = legal_end && SUFFIX_WORDS.contains(&w);
        if !ok && dotted {
            // Dotted: letters separated by dots (`S.A.R.L.`, `s.r.l.`, `e.V.`, `S.L.N.E`).
            let mut letters = String::new();
            let mut j = i;
            while self.kind(j) == Some(Kind::Word)
                && self.w(j).chars().count() <= if j == i { 2 } else { 4 }
            {
                letters.push_str(self.w(j));
                if self.w(j + 1) == "." && self.glued(j + 1) {
                    end = j + 1;
                    if self.kind(j + 2) == Some(Kind::Word) && self.glued(j + 2) {
                        j += 2;
                        continue;
                    }
                } else {
                    end = j;
                }
                break;
            }
            ok = end > i && DOTTED.contains(&letters.as_str());
        } else if self.w(i + 1) == "." && self.glued(i + 1) && matches!(w, "Inc" | "Ltd" | "Corp") {
            // `Ltd.` keeps its dot only when the text goes on (not a sentence end).
            if self
                .toks
                .get(i + 2)
                .is_some_and(|t| t.kind != Kind::Newline && !is_cap(t.text(self.text)))
            {
                end = i + 1;
            }
        }
        // `Andrewsmouth, NV 89005`, `Adelaide SA 5000`: a state, not a legal form.
        if ok
            && matches!(w, "NV" | "SA" | "SC")
            && (self.w(i - 1) == "," || self.kind(end + 1) == Some(Kind::Num))
        {
            return None;
        }
        // `Walters and Sons`, `e figli`.
        let mut name_end = i.checked_sub(1)?;
        if !ok {
            if !legal_end {
                return None;
            }
            let (conn, last) = FIRM_ENDINGS
                .iter()
                .find(|(c, l)| *l == w && self.w(i - 1) == *c)?;
            let _ = (conn, last);
            end = i;
            name_end = i.checked_sub(2)?;
            let first = self.name_before(name_end, 3)?;
            let (s, e) = self.span(first, end)?;
            return Some((s, e, LEGAL));
        }
        // `Ribas y asociados S.L.` / `Mondaini e figli S.r.l.`
        if FIRM_ENDINGS
            .iter()
            .any(|(c, l)| *l == self.w(name_end) && self.w(name_end.wrapping_sub(1)) == *c)
        {
            name_end = name_end.checked_sub(2)?;
        }
        // `Stiftung & Co. KG`
        if self.w(name_end) == "." && self.w(name_end.wrapping_sub(1)) == "Co" {
            name_end = name_end.checked_sub(2)?;
            if matches!(self.w(name_end), "&" | "and" | "und") {
                name_end = name_end.checked_sub(1)?;
            }
        }
        if self.w(name_end) == "," {
            name_end = name_end.checked_sub(1)?;
        }
        if let Some((s, _, _)) = self.law_firm_ending(name_end) {
            let (_, e) = self.span(end, end)?;
            return Some((s, e, LEGAL));
        }
        let first = self.name_before(name_end, 4)?;
        let (s, e) = self.span(first, end)?;
        Some((s, e, LEGAL))
    }

    /// `Columbus General Hospital`, `Spokane Children's Hospital`, `Salt Lake City Medical Center`.
    fn institution_after(&self, i: usize) -> Option<(usize, usize, f64)> {
        if self.kind(i) != Some(Kind::Word) || !self.cap(i) || !self.spaced(i) {
            return None;
        }
        let single = self.lex(i).has(Lex::INSTITUTION_AFTER);
        let w = self.w(i);
        // The pairs' first words (`medical`, `health`, `credit`) have six or seven letters.
        let pair = matches!(w.len(), 6 | 7)
            && INSTITUTION_PAIRS.iter().any(|(a, b)| {
                w.eq_ignore_ascii_case(a)
                    && self.w(i + 1).eq_ignore_ascii_case(b)
                    && self.spaced(i + 1)
            });
        if !(single || pair) {
            return None;
        }
        let end = if pair { i + 1 } else { i };
        let first = self.name_before(i - 1, 4)?;
        let (s, e) = self.span(first, end)?;
        Some((s, e, INSTITUTION))
    }

    /// `Ospedale San Camillo`, `Hospital General de Málaga`, `Bank of America`, `University of Leeds`.
    fn institution_before(&self, i: usize) -> Option<(usize, usize, f64)> {
        if self.kind(i) != Some(Kind::Word) || !self.cap(i) {
            return None;
        }
        let w = self.w(i);
        let mut j = i + 1;
        if one_of(w, &["bank", "university", "college", "institute"]) {
            if !(self.w(j) == "of" && self.spaced(j)) {
                return None;
            }
            j += 1;
        } else if !self.lex(i).has(Lex::INSTITUTION_BEFORE) {
            return None;
        }
        let mut last = None;
        let mut k = j;
        while k < j + 5 && self.kind(k) == Some(Kind::Word) && self.spaced(k) {
            if self.cap(k) {
                last = Some(k);
            } else if !one_of(
                self.w(k),
                &[
                    "de", "di", "del", "della", "la", "of", "the", "du", "des", "van", "der",
                    "den", "von", "y",
                ],
            ) {
                break;
            }
            k += 1;
        }
        let (s, e) = self.span(i, last?)?;
        Some((s, e, INSTITUTION))
    }

    /// A law-firm name whose last word is token `end`.
    fn law_firm_ending(&self, end: usize) -> Option<(usize, usize, f64)> {
        self.law_firm_at(end.checked_sub(4)?, true)
    }

    /// `Oakridge Logistics`, `Beacon Broadband`, `TrellisLogistics` (one camel-case word).
    fn industry(&self, i: usize) -> Option<(usize, usize, f64)> {
        let w = self.w(i);
        if self.kind(i) != Some(Kind::Word) || !self.cap(i) {
            return None;
        }
        // Cheap gate: without an upper-case letter after the first (no ASCII one, no other character)
        // only the two-word shape can apply, and it needs an industry word next.
        let maybe_camel = w
            .bytes()
            .skip(1)
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii());
        if !maybe_camel && !self.lex(i + 1).has(Lex::INDUSTRY) {
            return None;
        }
        if is_all_caps(w) {
            return None;
        }
        // Camel case: `CopperleafTravel`.
        if let Some(k) = w
            .char_indices()
            .skip(1)
            .find(|&(_, c)| c.is_uppercase())
            .map(|(k, _)| k)
        {
            let (head, tail) = w.split_at(k);
            if head.chars().count() >= 3
                && INDUSTRY_SET.contains(tail)
                && !tail.chars().skip(1).any(char::is_uppercase)
            {
                let (s, e) = self.span(i, i)?;
                return Some((s, e, CUED));
            }
            return None;
        }
        if !(self.spaced(i + 1)
            && self.kind(i + 1) == Some(Kind::Word)
            && self.lex(i + 1).has(Lex::INDUSTRY)
            && self.cap(i + 1)
            && !is_all_caps(self.w(i + 1)))
        {
            return None;
        }
        if self
            .lex(i)
            .has(Lex::GENERIC_BEFORE_INDUSTRY | Lex::NOT_START | Lex::INDUSTRY)
        {
            return None;
        }
        // One brand word, not the end of a longer capitalised phrase.
        if i > 0
            && self.spaced(i)
            && self.kind(i - 1) == Some(Kind::Word)
            && self.cap(i - 1)
            && !self.lex(i - 1).has(Lex::NOT_START)
        {
            return None;
        }
        let (s, e) = self.span(i, i + 1)?;
        Some((s, e, CUED))
    }

    /// `Flynn, Burgess and Evans`, `Bulzoni, Dalla e Gasperi Group`.
    fn law_firm(&self, i: usize) -> Option<(usize, usize, f64)> {
        let (s, e, score) = self.law_firm_at(i, false)?;
        // `… Group`, `… SPA`: the legal form or group word belongs to the name.
        if self.spaced(i + 5)
            && matches!(
                self.w(i + 5),
                "Group" | "Gruppe" | "Gruppo" | "Grupo" | "SPA" | "SpA" | "Associates"
            )
        {
            let (_, e2) = self.span(i + 5, i + 5)?;
            return Some((s, e2, score));
        }
        Some((s, e, score))
    }

    /// `Flynn, Burgess and Evans`: three single capitalised words, `, ` and `and`/`&`/`e`/`y`/`et`/`und`,
    /// standing on their own (a cell, a line, after `at`/`with`/`for`), not inside prose
    /// (`Combinations of Alt, Ctrl and Shift`); surname-shaped words only (no `BufChangePre`, `Polish`).
    fn law_firm_at(&self, i: usize, allow_next: bool) -> Option<(usize, usize, f64)> {
        // Cheap gate first: a word glued to a comma, and the connector and spacing of the whole shape
        // (all tested again below, where the order does not matter: every test is needed).
        if !(self.kind(i) == Some(Kind::Word)
            && self.w(i + 1) == ","
            && self.glued(i + 1)
            && matches!(self.w(i + 3), "and" | "&" | "e" | "y" | "et" | "und" | "en")
            && self.spaced(i + 2)
            && self.spaced(i + 3)
            && self.spaced(i + 4))
        {
            return None;
        }
        let single = |k: usize| {
            let w = self.w(k);
            self.kind(k) == Some(Kind::Word)
                && self.cap(k)
                && !is_all_caps(w)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && (w.chars().filter(|c| c.is_uppercase()).count() < 2
                    || w.starts_with("Mc")
                    || w.starts_with("Mac")
                    || w.contains(['-', '\'']))
                && !self.lex(k).has(Lex::NOT_START | Lex::NATIONALITY)
        };
        let before_ok = match self.toks.get(i.wrapping_sub(1)) {
            None => true,
            Some(t) if t.kind == Kind::Newline => true,
            Some(t) if t.kind == Kind::Punct => !matches!(t.text(self.text), "." | "-"),
            Some(_) => {
                one_of(
                    self.w(i - 1),
                    &[
                        "at", "with", "by", "from", "for", "to", "joined", "via", "of", "and",
                        "runs", "owns", "manages",
                    ],
                ) && !one_of(self.w(i.wrapping_sub(2)), &["combinations", "combination"])
            }
        };
        if !before_ok {
            return None;
        }
        if !(single(i)
            && self.w(i + 1) == ","
            && self.glued(i + 1)
            && single(i + 2)
            && self.spaced(i + 2)
            && matches!(self.w(i + 3), "and" | "&" | "e" | "y" | "et" | "und" | "en")
            && self.spaced(i + 3)
            && single(i + 4)
            && self.spaced(i + 4))
        {
            return None;
        }
        // Not inside a capitalised run (`Dear Anna, Bob and Carl Smith`).
        if i > 0 && self.kind(i - 1) == Some(Kind::Word) && self.spaced(i) && self.cap(i - 1) {
            return None;
        }
        if !allow_next
            && self.kind(i + 5) == Some(Kind::Word)
            && self.spaced(i + 5)
            && self.cap(i + 5)
            && !matches!(
                self.w(i + 5),
                "Group" | "Gruppe" | "Gruppo" | "Grupo" | "SPA" | "SpA" | "Associates" | "Pension"
            )
        {
            return None;
        }
        let (s, e) = self.span(i, i + 4)?;
        Some((s, e, LAW_FIRM))
    }

    /// `Johnson-Smith`, `Price-Baldwin`: two surnames joined by a hyphen and standing alone, the way
    /// partnerships are named. A given name or honorific before it makes it a person's double-barrelled
    /// surname (`Anna Johnson-Smith`, `Mrs Lewis-Metcalfe`), and parts that are given names more than
    /// surnames make it a given name (`Jean-Luc`, `Anne-Marie`).
    fn partners(&self, i: usize) -> Option<(usize, usize, f64)> {
        let w = self.w(i);
        if self.kind(i) != Some(Kind::Word) || !w.contains('-') {
            return None;
        }
        let (a, b) = w.split_once('-')?;
        let flags = |p: &str| GAZETTEER.lookup(p, &mut String::new());
        let surname =
            |p: &str| p.chars().count() >= 3 && is_cap(p) && !is_all_caps(p) && mainly_surname(p);
        if b.contains('-') || !surname(a) || !surname(b) {
            return None;
        }
        // Part of a longer token (`x.Smith-Jones`, `Smith-Jones@…`, `/Smith-Jones/`).
        let glued_punct = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                t.kind == Kind::Punct && matches!(t.text(self.text), "." | "@" | "_" | "/")
            })
        };
        if self.glued(i + 1) && glued_punct(i + 1) && self.kind(i + 2) == Some(Kind::Word)
            || i > 0 && self.glued(i) && glued_punct(i - 1)
        {
            return None;
        }
        if i > 0 && self.kind(i - 1) == Some(Kind::Word) && self.spaced(i) {
            let prev = self.w(i - 1);
            if is_cap(prev) || flags(prev) & HONORIFIC != 0 {
                return None;
            }
        }
        if i > 1 && self.w(i - 1) == "." && self.glued(i - 1) {
            // `Dr. Lewis-Metcalfe`, `J. Smith-Jones`
            let p = self.w(i - 2);
            if p.chars().count() == 1 || flags(p) & HONORIFIC != 0 {
                return None;
            }
        }
        if self.spaced(i + 1) && self.name_word(i + 1) {
            return None;
        }
        let (s, e) = self.span(i, i)?;
        Some((s, e, PARTNERS))
    }

    /// Capitalised words after `works at`, `Employer:`, `"company": "`.
    fn cued(&self, i: usize) -> Option<(usize, usize, f64)> {
        // Cheap gate: the token before must be a cue's last word.
        let prev = i.wrapping_sub(1);
        let cue_end = self.lex(prev).has(Lex::ORG_CUE_END)
            || self.kind(prev) == Some(Kind::Punct) && matches!(self.w(prev), ":" | "(" | "\"");
        if !cue_end || !matches!(self.w(prev).len(), 1..=8) {
            return None;
        }
        // Cheap gate: every cue but `joined` has a word before its last token, at a place the
        // lexicon marks (`ORG_CUE_1` one token before the last, and so on).
        let before = [Lex::ORG_CUE_1, Lex::ORG_CUE_2, Lex::ORG_CUE_3]
            .iter()
            .enumerate()
            .any(|(k, &bit)| self.lex(i.wrapping_sub(2 + k)).has(bit));
        if !before && !self.w(prev).eq_ignore_ascii_case("joined") || !self.name_word(i) {
            return None;
        }
        // The words before, nearest first, up to the longest cue (none across a line break).
        let mut back = [None; CUE_MAX];
        for (k, b) in back.iter_mut().enumerate() {
            let j = i.wrapping_sub(1 + k);
            *b = self
                .toks
                .get(j)
                .filter(|t| t.kind != Kind::Newline)
                .map(|t| t.text(self.text));
        }
        let hit = CUES.iter().any(|cue| {
            cue.iter().rev().enumerate().all(|(k, c)| {
                back.get(k)
                    .copied()
                    .flatten()
                    .is_some_and(|w| w.eq_ignore_ascii_case(c))
            })
        });
        if !hit || !self.name_word(i) || self.lex(i).has(Lex::NOT_START) {
            return None;
        }
        let mut last = i;
        let mut k = i + 1;
        while k < i + 5 {
            let w = self.w(k);
            if self.name_word(k) && self.spaced(k) {
                last = k;
            } else if (w == "&" || w == "and") && self.spaced(k) && self.name_word(k + 1) {
                // continue over the connector
            } else if w == ","
                && self.glued(k)
                && self.name_word(k + 1)
                && matches!(self.w(k + 2), "and" | "&")
            {
            } else {
                break;
            }
            k += 1;
        }
        let (s, e) = self.span(i, last)?;
        Some((s, e, CUED))
    }
}

/// `OrganizationRecognizer`: company, bank, carrier, hospital and university names from legal forms
/// (0.85), a bundled list of well-known names (0.85), institution words (0.75), law-firm shapes and
/// employer cues (0.6). Presidio gets ORGANIZATION from spaCy's `ORG` label (0.85).
pub struct OrganizationRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
}

impl Default for OrganizationRecognizer {
    fn default() -> Self {
        OrganizationRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::ORGANIZATION],
        }
    }
}

/// The predefined organisation recognizer.
pub fn organization() -> OrganizationRecognizer {
    OrganizationRecognizer::default()
}

impl Recognizer for OrganizationRecognizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn supported_entities(&self) -> &[EntityType] {
        &self.entities
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
        // The place recognizer needs the same organisation names; they are found once per call.
        let layout = ctx.shared(|| Layout::of(text));
        for &(s, e, score) in &layout.orgs {
            results.push(
                RecognizerResult::new(self.entities[0].clone(), s, e, score, self.name.clone())
                    .explained(ctx, "organisation name"),
            );
        }
        Ok(())
    }
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: NAME,
    languages: Languages::Only(&["en", "de", "es", "fr", "it", "nl"]),
    enabled_by_default: true,
    build: || Arc::new(organization()),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokens of `text` and the indices of its capitalised words and organisation marks.
    fn layout(text: &str) -> (Vec<Tok>, Vec<usize>, Vec<usize>) {
        let (mut toks, mut caps, mut nums, mut marked, mut marks) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        crate::recognizers::location::tokens::tokenize_marked(
            text,
            &mut toks,
            &mut caps,
            &mut nums,
            &mut marked,
            &mut marks,
        );
        (toks, caps, marks)
    }

    /// The spans `find` keeps for `text` (no table cells).
    fn spans(text: &str) -> Vec<&str> {
        let (toks, caps, marks) = layout(text);
        let mut out = Vec::new();
        find(text, &toks, &caps, &marks, &[], &mut out);
        out.iter().map(|&(s, e, _)| &text[s..e]).collect()
    }

    /// `find` (visiting only the anchors) and a walk calling `at_word` on every token agree on
    /// `text`, and no anchor is visited twice.
    fn anchored_walk_equals_every_token(text: &str) -> Result<(), TestCaseError> {
        let (toks, caps, marks) = layout(text);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        find(text, &toks, &caps, &marks, &[], &mut a);
        find_with(text, &toks, &[], &mut b, |f, out| {
            for i in 0..toks.len() {
                f.at_word(i, out);
            }
        });
        prop_assert_eq!(a, b, "{:?}", text);
        let mut seen = Vec::new();
        anchors(&Finder { text, toks: &toks }, &caps, &marks, |i| {
            seen.push(i)
        });
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        prop_assert_eq!(seen.len(), n, "{:?}", text);
        Ok(())
    }

    #[test]
    fn anchored_walk_keeps_every_shape() {
        for text in [
            "Sent to Holsten e.V. today. Bought from Gigli s.r.l. in May.",
            "Paid Walters and Sons, then ribas y asociados S.L. and hooper ltd and Acme Ltd.",
            "works at acme corp; employer: \"globex\"; \"company\": \"initech\"; (umbrella)",
            "joined oakridge logistics. Employer:\nFoo",
            "Hooper Ltd. Lucas S.A.R.L. x.y. a. b.c",
            "at Flynn, Burgess and Evans; TrellisLogistics; Price-Baldwin",
            // A word starting with an uncased letter is a name word (no lower-case letter) after a cue.
            "Employer: 中文 Group; works at 中文; (中文)",
        ] {
            anchored_walk_equals_every_token(text).unwrap();
        }
    }

    #[test]
    fn per_word_gates_keep_every_shape() {
        // Legal forms anchored on a lower-case word (spaced, a dot or a legal-form word after).
        assert_eq!(spans("Sent to Holsten e.V. today."), ["Holsten e.V."]);
        assert_eq!(spans("Bought from Gigli s.r.l. in May."), ["Gigli s.r.l."]);
        assert_eq!(spans("Paid Walters and Sons today."), ["Walters and Sons"]);
        // Capitalised shapes: institution words, law firms, partners, camel case.
        assert_eq!(
            spans("I studied at University of Leeds."),
            ["University of Leeds"]
        );
        assert_eq!(
            spans("at Flynn, Burgess and Evans"),
            ["Flynn, Burgess and Evans"]
        );
        assert_eq!(
            spans("Invoice from CopperleafTravel."),
            ["CopperleafTravel"]
        );
        // A cue right before the word.
        assert_eq!(spans("Employer: Oakridge Partners"), ["Oakridge Partners"]);
    }

    fn unanchored(text: &str) -> Vec<(usize, usize)> {
        KNOWN
            .ac
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    fn anchored(text: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        known_names(text, |s, e| v.push((s, e)));
        v
    }

    #[test]
    fn known_names_as_find_iter() {
        for text in [
            "",
            "Bank of America and Wells Fargo",
            "xCitibank, Citi Bank of Americas; US Bank U.S. Bank",
            "TD BankTD Bank déjà Barclays",
            "Rite Aidm-drogerie markt, dm-drogerie markt dm-drogerie marktdm-drogerie markt",
            "xdm-drogerie markt Lidl, dm-dm-drogerie markt",
        ] {
            assert_eq!(anchored(text), unanchored(text), "{text}");
        }
        assert!(!anchored("paid via Barclays").is_empty());
    }

    #[test]
    fn one_lower_name_searched_as_the_automaton() {
        let Lower::One(_) = &KNOWN.lower else {
            panic!("one name starts with a lower-case letter");
        };
        let many = Lower::Many(
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(["dm-drogerie markt"])
                .unwrap(),
        );
        let text = "x dm-drogerie mark, dm-drogerie markt; édm-drogerie marktdm-drogerie markt";
        for from in 0..=text.len() + 1 {
            assert_eq!(
                KNOWN.lower.find(text, from),
                many.find(text, from),
                "{from}"
            );
        }
        assert_eq!(Lower::None.find(text, 0), None);
    }

    #[test]
    fn institution_gates_cover_the_shapes() {
        // `find` calls `institution_before` only on words on an institution list, so its own words must
        // be on one.
        for w in ["bank", "university", "college", "institute"] {
            assert!(INSTITUTION_AFTER.contains(&w), "{w}");
        }
        assert_eq!(spans("Paid the Bank of Ireland."), ["Bank of Ireland"]);
        assert_eq!(
            spans("at Salt Lake City Medical Center today"),
            ["Salt Lake City Medical Center"]
        );
    }

    #[test]
    fn name_starts_is_exact_per_byte() {
        for b in 0..=255u8 {
            for k in 0..8 {
                let mut bytes = [b'x'; 8];
                bytes[k] = b;
                let want = b.is_ascii_uppercase();
                let m = name_starts(u64::from_le_bytes(bytes));
                assert_eq!(m != 0, want, "{b} at {k}");
                if want {
                    assert_eq!(m.trailing_zeros() / 8, k as u32);
                }
            }
        }
    }

    proptest! {
        #[test]
        fn anchored_walk_equals_every_token_walk(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    " ", ".", ",", ":", "(", "\"", "\\\"", "\n", "-", "&", "é", "Ltd", "ltd", "Inc",
                    "s", "r", "l", "S", "A", "e", "V", "works", "at", "employer", "company", "joined",
                    "and", "Sons", "y", "asociados", "Acme", "acme", "Bank", "of", "University",
                    "Hospital", "Flynn", "Burgess", "Evans", "Logistics", "logistics", "Copperleaf",
                    "Price-Baldwin", "the", "today", "12", "GmbH", "figli", "Co", "KG", "Medical",
                    "Center", "Ospedale", "San", "NV", "SA", "中文",
                ]),
                0..30,
            )
        ) {
            anchored_walk_equals_every_token(&parts.concat())?;
        }

        #[test]
        fn known_names_as_find_iter_on_random_texts(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "Bank", " of ", "America", "Citi", "bank", "Wells", " Fargo", "US", "U.S.", " ",
                    "TD", "x", "é", "d", "Lloyds", "Deutsche", ".", "Barclays", "HSBC", "Capital One",
                    "dm-drogerie markt", "lowercase prose ", "Wells Fargo", "Rite Aid", "m-drogerie markt",
                    "dm-", "12345678",
                ]),
                0..24,
            )
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(anchored(&text), unanchored(&text));
        }
    }
}
