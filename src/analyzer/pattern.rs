//! [`PatternRecognizer`]: named regular expressions with base scores, validators and context words.

use std::fmt;
use std::sync::{Arc, OnceLock};

use regex::Regex;

use super::recognizer::{PerText, PerTextRef, Recognizer, RecognizerContext, Shared};
pub(crate) use words::{Alt, DigitWords, Fast};

mod words;

/// Word tests for [`Fast::Words`] descriptions.
pub(crate) mod word {
    pub(crate) use super::words::{capital, capital_digits, digits, digits_in, hex, nine_digits};
}
use crate::entity::EntityType;
use crate::error::{Error, PatternProblem};
use crate::result::{AnalysisExplanation, RecognizerResult, Validation};

/// Size limit for one compiled pattern (the regex crate's default is 10 MiB too; stated here so it is ours).
const PATTERN_SIZE_LIMIT: usize = 10 * (1 << 20);

/// The name of the capture group that, when present, delimits the reported span.
///
/// Rust's `regex` has no look-behind, so a pattern that needs left context (`Name:\s*(?P<pii>…)`) matches the
/// context and reports only the `pii` group.
pub const SPAN_GROUP: &str = "pii";

/// How many words before a match, on its line, are checked for negative context words.
const NEGATIVE_WINDOW: usize = 3;

/// A validator: decides whether a matched value is really of the entity type (see [`Validation`]).
pub type ValidateFn = Arc<dyn Fn(&str) -> Validation + Send + Sync>;

/// An invalidator: returns `true` when a matched value must be dropped.
pub type InvalidateFn = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// A named regular expression with a base score, as in Presidio's `Pattern`.
///
/// The regex uses Rust `regex` syntax. If it has a capture group named `pii` ([`SPAN_GROUP`]), only that group
/// is reported; otherwise the whole match is. For speed on non-ASCII text prefer ASCII word boundaries
/// `(?-u:\b)` where the entity itself is ASCII.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The pattern's name, reported in explanations.
    pub name: String,
    /// The regular expression.
    pub regex: String,
    /// The base score in `[0, 1]`.
    pub score: f64,
}

impl Pattern {
    /// A pattern named `name` with the regular expression `regex` and base score `score`.
    pub fn new(name: impl Into<String>, regex: impl Into<String>, score: f64) -> Self {
        Pattern {
            name: name.into(),
            regex: regex.into(),
            score,
        }
    }
}

/// What a text must contain for a built-in pattern to possibly match, checked against the text's
/// [`TextFacts`] so that a pattern which cannot match is not run at all.
///
/// Each requirement is hand-derived from the pattern's regex and must be *necessary*: every match of the
/// regex in any text implies the text meets it (a wrong requirement silently loses detections, so the
/// built-in ones are table-tested, and debug builds check every skip). "Digit" below means any character
/// `\d` may match (ASCII digits and non-ASCII decimal digits); the facts over-approximate it (see
/// [`BYTE_CLASS`]). The default requires nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Needs {
    /// Every match contains this many consecutive digits.
    digit_run: u8,
    /// Every match contains a chain of this many digits, in groups joined by single `-`, ` ` or `.`
    /// (`123-45-6789` is a chain of 9; a plain run of digits is a chain too).
    digit_chain: u8,
    /// Every match contains this many consecutive ASCII capitals or digits.
    upper_digit_run: u8,
    /// Every match contains this many consecutive ASCII letters or digits.
    alnum_run: u8,
    /// Every match contains the byte `.0` at least `.1` times. Only `:`, `-`, `.` and `@` are counted;
    /// for any other byte the requirement is treated as met.
    byte: Option<(u8, u8)>,
}

impl Needs {
    /// Requires nothing.
    const NOTHING: Needs = Needs {
        digit_run: 0,
        digit_chain: 0,
        upper_digit_run: 0,
        alnum_run: 0,
        byte: None,
    };

    /// Requires a run of `n` consecutive digits.
    pub(crate) const fn digit_run(n: u8) -> Self {
        Needs {
            digit_run: n,
            ..Needs::NOTHING
        }
    }

    /// Requires a chain of `n` digits in groups joined by single `-`, ` ` or `.`.
    pub(crate) const fn digit_chain(n: u8) -> Self {
        Needs {
            digit_chain: n,
            ..Needs::NOTHING
        }
    }

    /// Requires a run of `n` consecutive ASCII capitals or digits.
    pub(crate) const fn upper_digit_run(n: u8) -> Self {
        Needs {
            upper_digit_run: n,
            ..Needs::NOTHING
        }
    }

    /// Requires a run of `n` consecutive ASCII letters or digits.
    pub(crate) const fn alnum_run(n: u8) -> Self {
        Needs {
            alnum_run: n,
            ..Needs::NOTHING
        }
    }

    /// Requires `count` occurrences of the ASCII byte `byte`.
    pub(crate) const fn byte(byte: u8, count: u8) -> Self {
        Needs {
            byte: Some((byte, count)),
            ..Needs::NOTHING
        }
    }

    /// Requires both `self` and `other` (of two byte requirements, `other`'s is kept).
    pub(crate) const fn and(self, other: Needs) -> Self {
        const fn max(a: u8, b: u8) -> u8 {
            if a > b { a } else { b }
        }
        Needs {
            digit_run: max(self.digit_run, other.digit_run),
            digit_chain: max(self.digit_chain, other.digit_chain),
            upper_digit_run: max(self.upper_digit_run, other.upper_digit_run),
            alnum_run: max(self.alnum_run, other.alnum_run),
            byte: match other.byte {
                Some(b) => Some(b),
                None => self.byte,
            },
        }
    }

    /// The run every match contains that locates candidates best, as (kind, minimum length): the first
    /// of a digit run, a digit chain, a capital-or-digit run and a letter-or-digit run whose requirement
    /// is long enough for [`TextFacts`] to record its runs (see [`RUN_MIN`]).
    fn anchor(&self) -> Option<(RunKind, usize)> {
        [
            (RunKind::Digits, self.digit_run),
            (RunKind::Chain, self.digit_chain),
            (RunKind::UpperDigits, self.upper_digit_run),
            (RunKind::Alnum, self.alnum_run),
        ]
        .into_iter()
        .find(|&(kind, n)| n > 0 && usize::from(n) >= RUN_MIN[kind as usize])
        .map(|(kind, n)| (kind, usize::from(n)))
    }

    /// Whether this requires anything at all.
    fn is_trivial(&self) -> bool {
        *self == Needs::NOTHING
    }

    /// The byte requirement, when that is the only one.
    fn byte_only(&self) -> Option<(u8, u8)> {
        let byte = self.byte?;
        (Needs {
            byte: None,
            ..*self
        }
        .is_trivial())
        .then_some(byte)
    }

    /// Whether a text with these facts meets the requirement.
    fn met_by(&self, facts: &TextFacts) -> bool {
        facts.digit_run >= usize::from(self.digit_run)
            && facts.digit_chain >= usize::from(self.digit_chain)
            && facts.upper_digit_run >= usize::from(self.upper_digit_run)
            && facts.alnum_run >= usize::from(self.alnum_run)
            && self
                .byte
                .is_none_or(|(b, n)| facts.count(b) >= usize::from(n))
    }
}

/// Byte classes for [`TextFacts::of`]: a digit (an ASCII digit, or the first byte of a non-ASCII character
/// that may be a decimal digit), an ASCII capital, an ASCII small letter, a joiner of digit groups (`-`,
/// ` `, `.`), or a UTF-8 continuation byte (skipped: its character was classified by its first byte).
const DIGIT: u8 = 1;
/// See [`DIGIT`].
const UPPER: u8 = 2;
/// See [`DIGIT`].
const LOWER: u8 = 4;
/// See [`DIGIT`].
const JOINER: u8 = 8;
/// See [`DIGIT`].
const CONTINUATION: u8 = 16;

/// The class of every byte (see [`DIGIT`]).
///
/// The first non-ASCII decimal digit is U+0660 (ARABIC-INDIC DIGIT ZERO, encoded `D9 A0`), so a
/// character whose first byte is below `0xD9` cannot match `\d`, and any other non-ASCII character is
/// treated as a possible digit.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b' ' | b'-' | b'.' => JOINER,
            0x80..=0xBF => CONTINUATION,
            0xD9..=0xFF => DIGIT,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The slot of `counts` in [`TextFacts::of`] for each byte: `:`, `-`, `.` and `@` are counted, every
/// other byte goes to the last slot.
const COUNTED: [u8; 256] = {
    let mut t = [4; 256];
    t[b':' as usize] = 0;
    t[b'-' as usize] = 1;
    t[b'.' as usize] = 2;
    t[b'@' as usize] = 3;
    t
};

/// The kinds of maximal runs [`TextFacts`] records, in the order of [`RUN_MIN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunKind {
    /// Consecutive digits (as in [`Needs::digit_run`]).
    Digits = 0,
    /// Digit groups joined by single `-`, ` ` or `.` (as in [`Needs::digit_chain`]).
    Chain = 1,
    /// Consecutive ASCII capitals or digits.
    UpperDigits = 2,
    /// Consecutive ASCII letters or digits.
    Alnum = 3,
}

/// The shortest run of each [`RunKind`] that [`TextFacts`] records (shorter ones are common and locate
/// nothing); a requirement shorter than this cannot anchor a windowed search.
const RUN_MIN: [usize; 4] = [7, 7, 8, 12];

/// One maximal run found by [`TextFacts::of`]: `start..end` covers it (`end` may include a trailing
/// joiner of a chain), `len` counts its characters (digits, for a chain).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    kind: RunKind,
    start: usize,
    end: usize,
    len: usize,
}

/// Cheap facts about one text, computed once per `analyze` call and shared by all pattern recognizers
/// (see [`Needs`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TextFacts {
    /// The longest run of digits (counting every non-ASCII character that may be one, see [`BYTE_CLASS`]).
    digit_run: usize,
    /// The most digits in one chain of digit groups joined by single `-`, ` ` or `.`.
    digit_chain: usize,
    /// The longest run of ASCII capitals and digits (as in `digit_run`).
    upper_digit_run: usize,
    /// The longest run of ASCII letters and digits (as in `digit_run`).
    alnum_run: usize,
    /// How many `:` the text holds.
    colons: usize,
    /// How many `-` the text holds.
    hyphens: usize,
    /// How many `.` the text holds.
    dots: usize,
    /// How many `@` the text holds.
    ats: usize,
    /// Every maximal run at least [`RUN_MIN`] long, each kind in text order.
    runs: Vec<Run>,
}

impl PerText for TextFacts {
    fn slot(shared: &Shared) -> &OnceLock<Self> {
        &shared.facts
    }
}

impl TextFacts {
    /// The facts of `text`, in one pass over its bytes.
    ///
    /// Each byte's class (see [`BYTE_CLASS`]) drives a small state machine holding the run of each
    /// [`RunKind`] in progress; a run ends at the first character that breaks it. Lower-case letters
    /// only extend the letter-or-digit run, so a run of them is skipped in a tight loop. Continuation
    /// bytes are skipped: their character was classified by its first byte. A chain of digit groups continues across exactly one joiner into a digit; a joiner followed
    /// by a letter ends it at the letter, anything else at the joiner.
    #[inline(never)] // once per text; kept out of line so profiles show it
    pub(crate) fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut s = Scan::default();
        let mut runs = Vec::with_capacity(16);
        // How many `:`, `-`, `.` and `@` (see [`COUNTED`]); the last slot takes every other byte.
        let mut counts = [0usize; 5];
        let mut i = 0;
        while i < n {
            let class = BYTE_CLASS[usize::from(bytes[i])];
            if class == LOWER {
                // A digit run in progress is also a capital-or-digit run and a chain.
                if s.upper | s.chain != 0 {
                    s.end_digits(&mut runs, i);
                    s.end_upper(&mut runs, i);
                    s.end_chain(&mut runs, i);
                }
                if s.alnum == 0 {
                    s.alnum_at = i;
                }
                let from = i;
                i += 1;
                while i < n && BYTE_CLASS[usize::from(bytes[i])] == LOWER {
                    i += 1;
                }
                s.alnum += i - from;
                continue;
            }
            match class {
                DIGIT => {
                    // A digit run in progress is also a run of every other kind.
                    if s.digits == 0 {
                        s.digits_at = i;
                        if s.upper == 0 {
                            s.upper_at = i;
                            if s.alnum == 0 {
                                s.alnum_at = i;
                            }
                        }
                        if s.chain == 0 {
                            s.chain_at = i;
                        }
                    }
                    s.alnum += 1;
                    s.digits += 1;
                    s.upper += 1;
                    s.chain += 1;
                    s.joint = None;
                }
                UPPER => {
                    if s.upper == 0 {
                        s.upper_at = i;
                        if s.alnum == 0 {
                            s.alnum_at = i;
                        }
                    }
                    s.alnum += 1;
                    s.upper += 1;
                    if s.chain > 0 {
                        s.end_digits(&mut runs, i);
                        s.end_chain(&mut runs, i);
                    }
                }
                CONTINUATION => {}
                _ => {
                    // Not a letter or digit: a joiner (which may join digit groups) or anything else.
                    if s.alnum > 0 {
                        s.end_alnum(&mut runs, i);
                        s.end_digits(&mut runs, i);
                        s.end_upper(&mut runs, i);
                    }
                    if s.chain > 0 {
                        match s.joint {
                            Some(at) => s.end_chain(&mut runs, at),
                            None if class == JOINER => s.joint = Some(i),
                            None => s.end_chain(&mut runs, i),
                        }
                    }
                    counts[usize::from(COUNTED[usize::from(bytes[i])])] += 1;
                }
            }
            i += 1;
        }
        s.end_alnum(&mut runs, n);
        s.end_digits(&mut runs, n);
        s.end_upper(&mut runs, n);
        s.end_chain(&mut runs, n);
        let [colons, hyphens, dots, ats, _] = counts;
        TextFacts {
            colons,
            hyphens,
            dots,
            ats,
            digit_run: s.max[RunKind::Digits as usize],
            digit_chain: s.max[RunKind::Chain as usize],
            upper_digit_run: s.max[RunKind::UpperDigits as usize],
            alnum_run: s.max[RunKind::Alnum as usize],
            runs,
        }
    }

    /// How many times the byte `b` occurs, or `usize::MAX` for a byte that is not counted.
    fn count(&self, b: u8) -> usize {
        match b {
            b':' => self.colons,
            b'-' => self.hyphens,
            b'.' => self.dots,
            b'@' => self.ats,
            _ => usize::MAX,
        }
    }

    /// The recorded runs of `kind` at least `len` long, in text order.
    fn runs(&self, kind: RunKind, len: usize) -> impl Iterator<Item = &Run> {
        self.runs
            .iter()
            .filter(move |r| r.kind == kind && r.len >= len)
    }
}

/// The state of [`TextFacts::of`]: the facts so far and the run of each kind in progress (its length in
/// characters, zero when there is none, and where it began).
#[derive(Default)]
struct Scan {
    /// The longest run of each kind so far, indexed by [`RunKind`].
    max: [usize; 4],
    alnum: usize,
    alnum_at: usize,
    digits: usize,
    digits_at: usize,
    upper: usize,
    upper_at: usize,
    chain: usize,
    chain_at: usize,
    /// The joiner just after the chain's last digit, when the chain has one.
    joint: Option<usize>,
}

impl Scan {
    /// Records the run of `kind` that ends at `end` (see [`TextFacts::runs`]).
    #[inline(always)]
    fn record(&mut self, runs: &mut Vec<Run>, kind: RunKind, start: usize, end: usize, len: usize) {
        let max = &mut self.max[kind as usize];
        *max = (*max).max(len);
        if len >= RUN_MIN[kind as usize] {
            push_run(runs, kind, start, end, len);
        }
    }

    /// Ends the letter-or-digit run in progress, if any, at `end`.
    #[inline(always)]
    fn end_alnum(&mut self, runs: &mut Vec<Run>, end: usize) {
        if self.alnum > 0 {
            self.record(runs, RunKind::Alnum, self.alnum_at, end, self.alnum);
            self.alnum = 0;
        }
    }

    /// Ends the digit run in progress, if any, at `end`.
    #[inline(always)]
    fn end_digits(&mut self, runs: &mut Vec<Run>, end: usize) {
        if self.digits > 0 {
            self.record(runs, RunKind::Digits, self.digits_at, end, self.digits);
            self.digits = 0;
        }
    }

    /// Ends the capital-or-digit run in progress, if any, at `end`.
    #[inline(always)]
    fn end_upper(&mut self, runs: &mut Vec<Run>, end: usize) {
        if self.upper > 0 {
            self.record(runs, RunKind::UpperDigits, self.upper_at, end, self.upper);
            self.upper = 0;
        }
    }

    /// Ends the chain in progress, if any, at `end`.
    #[inline(always)]
    fn end_chain(&mut self, runs: &mut Vec<Run>, end: usize) {
        if self.chain > 0 {
            self.record(runs, RunKind::Chain, self.chain_at, end, self.chain);
            self.chain = 0;
            self.joint = None;
        }
    }
}

/// Adds a run to `runs` (out of line: long runs are rare).
#[cold]
#[inline(never)]
fn push_run(runs: &mut Vec<Run>, kind: RunKind, start: usize, end: usize, len: usize) {
    runs.push(Run {
        kind,
        start,
        end,
        len,
    });
}

struct CompiledPattern {
    spec: Pattern,
    regex: Regex,
    span_group: Option<usize>,
    needs: Needs,
    /// When set, the pattern only runs on windows around the text's runs of one kind (see [`Window`]).
    window: Option<Window>,
    /// When set (and `window` is not), the pattern only runs on the text's tokens that hold its
    /// required byte (see [`TokenWindow`]).
    token: Option<TokenWindow>,
    /// When set, the candidates are found without the regex where that is exact (see [`Fast`]).
    fast: Option<Fast>,
    /// For [`Fast::Words`]: the anchor word lengths of its alternatives ([`Alt::anchor_lens`]), so a text
    /// without such a word skips the pattern in two tests.
    anchor_lens: words::ChainLens,
}

/// How to confine a pattern that needs some byte `byte` at least `count` times to the text's tokens
/// holding it.
///
/// `class` marks every byte that any match of the pattern can contain (read from the regex: each
/// literal and class byte, every non-ASCII byte if the pattern can match a non-ASCII character), plus
/// the ASCII word characters. Every match lies inside one maximal run of marked bytes (a token), and
/// that token holds `byte` at least `count` times. The pattern's only look-around is the ASCII word
/// boundary, and the bytes just outside a token are not ASCII word characters, so the boundary is
/// judged the same in the token as in the whole text: searching the qualifying tokens in order finds
/// exactly the matches a search of the whole text finds. Token edges are ASCII bytes or text ends, so
/// they are char boundaries.
#[derive(Clone, Copy)]
struct TokenWindow {
    byte: u8,
    count: usize,
    class: [bool; 256],
}

impl fmt::Debug for TokenWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenWindow")
            .field("byte", &char::from(self.byte))
            .field("count", &self.count)
            .finish_non_exhaustive()
    }
}

impl TokenWindow {
    /// The token window for a pattern with these requirements, if it has one.
    fn of(regex: &str, needs: Needs) -> Option<TokenWindow> {
        use regex_syntax::hir::{Class, HirKind, Look, LookSet};
        fn mark(hir: &regex_syntax::hir::Hir, class: &mut [bool; 256]) {
            let mut set = |lo: u32, hi: u32| {
                for b in lo..=hi.min(0x7F) {
                    class[b as usize] = true;
                }
                if hi > 0x7F {
                    class[0x80..].iter_mut().for_each(|c| *c = true);
                }
            };
            match hir.kind() {
                HirKind::Empty | HirKind::Look(_) => {}
                HirKind::Literal(lit) => lit.0.iter().for_each(|&b| set(b.into(), b.into())),
                HirKind::Class(Class::Unicode(c)) => {
                    c.iter().for_each(|r| set(r.start().into(), r.end().into()))
                }
                HirKind::Class(Class::Bytes(c)) => {
                    c.iter().for_each(|r| set(r.start().into(), r.end().into()))
                }
                HirKind::Repetition(r) => mark(&r.sub, class),
                HirKind::Capture(c) => mark(&c.sub, class),
                HirKind::Concat(v) | HirKind::Alternation(v) => {
                    v.iter().for_each(|h| mark(h, class));
                }
            }
        }
        let (byte, count) = needs.byte?;
        if count == 0 || !byte.is_ascii() {
            return None;
        }
        let hir = regex_syntax::Parser::new().parse(regex).ok()?;
        if !hir
            .properties()
            .look_set()
            .subtract(LookSet::singleton(Look::WordAscii))
            .is_empty()
        {
            return None;
        }
        let mut class = [false; 256];
        mark(&hir, &mut class);
        for b in 0..=0x7Fu8 {
            if b.is_ascii_alphanumeric() || b == b'_' {
                class[usize::from(b)] = true;
            }
        }
        if !class[usize::from(byte)] {
            return None;
        }
        Some(TokenWindow {
            byte,
            count: usize::from(count),
            class,
        })
    }

    /// Calls `search` on each token (`start..end`) of `text` holding `byte` at least `count` times, in
    /// text order.
    fn each(&self, text: &str, mut search: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(k) = memchr::memchr(self.byte, &bytes[i..]) {
            let at = i + k;
            // The token's part from `at` on holds all its `byte`s (`bytes[i..at]` holds none), so it is
            // read first, and the scan back runs only for a token that qualifies.
            let mut end = at;
            let mut seen = 0;
            while end < bytes.len() && self.class[usize::from(bytes[end])] {
                seen += usize::from(bytes[end] == self.byte);
                end += 1;
            }
            if seen >= self.count {
                // `bytes[i - 1]` (if any) ended the last token, so the scan back stops at `i` at the
                // latest.
                let mut start = at;
                while start > i && self.class[usize::from(bytes[start - 1])] {
                    start -= 1;
                }
                search(start, end);
            }
            i = end;
        }
    }
}

/// How to confine a gated pattern's search to the neighbourhood of the runs its matches must contain.
///
/// Every match contains a run of `kind` at least `len` long ([`Needs`]) and is at most `max_chars`
/// characters long, so it lies within `max_chars` characters of such a run. The pattern's only look-around is the ASCII
/// word boundary, and each window is widened until the bytes just outside it are not ASCII word
/// characters, so the boundary is judged the same in the window as in the whole text. The windows are
/// disjoint and every match lies inside one, so searching them in order finds exactly the matches a
/// search of the whole text finds.
#[derive(Debug, Clone, Copy)]
struct Window {
    kind: RunKind,
    len: usize,
    max_chars: usize,
}

impl Window {
    /// The window for a pattern with these requirements, if it has one.
    fn of(regex: &str, needs: Needs) -> Option<Window> {
        use regex_syntax::hir::{Look, LookSet};
        let (kind, len) = needs.anchor()?;
        let hir = regex_syntax::Parser::new().parse(regex).ok()?;
        let props = hir.properties();
        if !props
            .look_set()
            .subtract(LookSet::singleton(Look::WordAscii))
            .is_empty()
        {
            return None;
        }
        // The longest match in characters: the same pattern read with ASCII classes (`\d` as `[0-9]`)
        // matches one byte per character wherever it can match a character, so its longest match in
        // bytes bounds the original's in characters.
        let ascii = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(regex)
            .ok()
            .and_then(|h| h.properties().maximum_len());
        let max_len = props.maximum_len()?;
        Some(Window {
            kind,
            len,
            max_chars: ascii.unwrap_or(max_len).min(max_len),
        })
    }

    /// Calls `search` on each disjoint window (`start..end`, on char boundaries) of `text` that can hold
    /// a match, in text order.
    fn each(&self, text: &str, facts: &TextFacts, mut search: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let is_continuation = |b: u8| b & 0xC0 == 0x80;
        let mut current: Option<(usize, usize)> = None;
        for run in facts.runs(self.kind, self.len) {
            // Back `max_chars` characters, then out of any ASCII word.
            let mut start = run.start.saturating_sub(self.max_chars);
            let mut chars = self.max_chars;
            if !bytes[start..run.start].is_ascii() {
                start = run.start;
                chars = 0;
            }
            while start > 0 && chars < self.max_chars {
                start -= 1;
                if !is_continuation(bytes[start]) {
                    chars += 1;
                }
            }
            while start > 0 && word(bytes[start - 1]) {
                start -= 1;
            }
            // Forward `max_chars` characters (to the end of the last), then out of any ASCII word.
            let mut end = (run.end + self.max_chars).min(bytes.len());
            let mut chars = self.max_chars;
            if !bytes[run.end..end].is_ascii() {
                end = run.end;
                chars = 0;
            }
            while end < bytes.len() && chars < self.max_chars {
                end += 1;
                if end == bytes.len() || !is_continuation(bytes[end]) {
                    chars += 1;
                }
            }
            while end < bytes.len() && word(bytes[end]) {
                end += 1;
            }
            current = match current {
                Some((s, e)) if start <= e => Some((s, e.max(end))),
                Some((s, e)) => {
                    search(s, e);
                    Some((start, end))
                }
                None => Some((start, end)),
            };
        }
        if let Some((s, e)) = current {
            search(s, e);
        }
    }
}

/// A recognizer made of regex patterns, with optional validation and context words.
///
/// Scores follow Presidio: each match gets its pattern's base score; a validator returning
/// [`Validation::Valid`] sets it to 1.0, [`Validation::Invalid`] drops the match, [`Validation::Unknown`] keeps
/// it; an invalidator returning `true` drops the match. Context words are applied by the engine.
///
/// # Example
///
/// ```
/// use piiscrub::{AnalyzeOptions, AnalyzerEngine, EntityType, Pattern, PatternRecognizer};
///
/// let zip = PatternRecognizer::builder("ZipRecognizer", EntityType::new("ZIP"))
///     .pattern(Pattern::new("zip5", r"(?-u:\b)\d{5}(?-u:\b)", 0.1))
///     .context(["zip", "postcode"])
///     .build()?;
/// let engine = AnalyzerEngine::builder().add_recognizer(zip).build()?;
/// let found = engine.analyze("zip: 94103", &AnalyzeOptions::default().entities(["ZIP"]))?;
/// assert_eq!((found[0].start, found[0].end), (5, 10));
/// assert!(found[0].score >= 0.4); // raised by the context word "zip"
/// # Ok::<(), piiscrub::Error>(())
/// ```
pub struct PatternRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    language: String,
    context: Vec<String>,
    negative_context: Vec<String>,
    patterns: Vec<CompiledPattern>,
    validate: Option<ValidateFn>,
    invalidate: Option<InvalidateFn>,
}

impl fmt::Debug for PatternRecognizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatternRecognizer")
            .field("name", &self.name)
            .field("entity", &self.entities[0])
            .field("language", &self.language)
            .field("patterns", &self.patterns.len())
            .finish_non_exhaustive()
    }
}

impl PatternRecognizer {
    /// Starts a recognizer called `name` that reports `entity`.
    pub fn builder(
        name: impl Into<String>,
        entity: impl Into<EntityType>,
    ) -> PatternRecognizerBuilder {
        PatternRecognizerBuilder {
            name: name.into(),
            entity: entity.into(),
            language: "en".to_string(),
            context: Vec::new(),
            negative_context: Vec::new(),
            patterns: Vec::new(),
            validate: None,
            invalidate: None,
        }
    }

    /// The patterns, in the order they were added.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.patterns.iter().map(|p| &p.spec)
    }

    /// Runs validation and invalidation on one matched value; `None` means "drop it".
    fn check(&self, value: &str) -> Option<Validation> {
        if let Some(inv) = &self.invalidate {
            if inv(value) {
                return None;
            }
        }
        match self.validate.as_ref().map(|v| v(value)) {
            Some(Validation::Invalid) => None,
            Some(v) => Some(v),
            None => Some(Validation::Unknown),
        }
    }
}

impl Recognizer for PatternRecognizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn supported_entities(&self) -> &[EntityType] {
        &self.entities
    }

    fn supported_language(&self) -> &str {
        &self.language
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
        let mut facts: Option<PerTextRef<'_, TextFacts>> = None;
        let mut words: Option<PerTextRef<'_, DigitWords>> = None;
        let mut counts: Option<PerTextRef<'_, ByteCounts>> = None;
        for p in &self.patterns {
            match p.fast {
                Some(Fast::Literal(lit)) => {
                    if text.contains(lit) {
                        self.search(p, text, 0, text.len(), ctx, results);
                    }
                    continue;
                }
                Some(Fast::Words(alts)) => {
                    let w = words.get_or_insert_with(|| ctx.shared(|| DigitWords::of(text)));
                    if w.exact {
                        if w.has_lens(&p.anchor_lens) {
                            w.each(alts, text, |start, end, single| {
                                if single {
                                    self.emit(p, start, end, text, ctx, results);
                                } else {
                                    self.search(p, text, start, end, ctx, results);
                                }
                            });
                        }
                        continue;
                    }
                }
                Some(Fast::Token(_)) | None => {}
            }
            if p.needs.is_trivial() {
                self.search(p, text, 0, text.len(), ctx, results);
                continue;
            }
            if let (Some((b, n)), Some(token)) = (p.needs.byte_only(), &p.token) {
                // Counting bytes is cheaper than the text's facts.
                let counts = counts.get_or_insert_with(|| ctx.shared(|| ByteCounts::of(text)));
                if counts.of_byte(text, b) >= usize::from(n) {
                    let check = match p.fast {
                        Some(Fast::Token(check)) => check,
                        _ => |_: &[u8]| true,
                    };
                    token.each(text, |start, end| {
                        if check(&text.as_bytes()[start..end]) {
                            self.search(p, text, start, end, ctx, results);
                        }
                    });
                }
                continue;
            }
            let facts = facts.get_or_insert_with(|| ctx.shared(|| TextFacts::of(text)));
            if !p.needs.met_by(facts) {
                debug_assert!(
                    !p.regex.is_match(text),
                    "pattern {:?} of {} matches a text that fails its requirement {:?}",
                    p.spec.name,
                    self.name,
                    p.needs
                );
                continue;
            }
            if let Some(window) = &p.window {
                window.each(text, facts, |start, end| {
                    self.search(p, text, start, end, ctx, results);
                });
            } else if let Some(token) = &p.token {
                token.each(text, |start, end| {
                    self.search(p, text, start, end, ctx, results);
                });
            } else {
                self.search(p, text, 0, text.len(), ctx, results);
            }
        }
        Ok(())
    }
}

impl PatternRecognizer {
    /// Emits the matches of `p` within `text[from..to]`, a window whose edges are not inside a match.
    fn search(
        &self,
        p: &CompiledPattern,
        text: &str,
        from: usize,
        to: usize,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        let window = &text[from..to];
        match p.span_group {
            None => {
                for m in p.regex.find_iter(window) {
                    self.emit(p, from + m.start(), from + m.end(), text, ctx, results);
                }
            }
            Some(g) => {
                for caps in p.regex.captures_iter(window) {
                    if let Some(m) = caps.get(g) {
                        self.emit(p, from + m.start(), from + m.end(), text, ctx, results);
                    }
                }
            }
        }
    }

    fn emit(
        &self,
        p: &CompiledPattern,
        start: usize,
        end: usize,
        text: &str,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        if start == end {
            return;
        }
        let Some(validation) = self.check(&text[start..end]) else {
            return;
        };
        if !self.negative_context.is_empty()
            && super::context::cue_before(text, start, NEGATIVE_WINDOW, &self.negative_context)
        {
            return;
        }
        let score = match validation {
            Validation::Valid => 1.0,
            _ => p.spec.score,
        };
        let mut r = RecognizerResult::new(
            self.entities[0].clone(),
            start,
            end,
            score,
            self.name.clone(),
        );
        if ctx.return_decision_process() {
            r.explanation = Some(Box::new(AnalysisExplanation {
                recognizer: self.name.to_string(),
                pattern_name: Some(p.spec.name.clone()),
                pattern: Some(p.spec.regex.clone()),
                original_score: p.spec.score,
                score,
                textual_explanation: Some(format!(
                    "Identified as {} by {}",
                    self.entities[0], p.spec.name
                )),
                validation_result: (self.validate.is_some() || self.invalidate.is_some())
                    .then_some(validation),
                ..AnalysisExplanation::default()
            }));
        }
        results.push(r);
    }
}

/// Builds a [`PatternRecognizer`]; see [`PatternRecognizer::builder`].
#[derive(Clone)]
pub struct PatternRecognizerBuilder {
    name: String,
    entity: EntityType,
    language: String,
    context: Vec<String>,
    negative_context: Vec<String>,
    patterns: Vec<(Pattern, Needs, Option<Fast>)>,
    validate: Option<ValidateFn>,
    invalidate: Option<InvalidateFn>,
}

impl fmt::Debug for PatternRecognizerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatternRecognizerBuilder")
            .field("name", &self.name)
            .field("entity", &self.entity)
            .field("patterns", &self.patterns.len())
            .finish_non_exhaustive()
    }
}

impl PatternRecognizerBuilder {
    /// Adds a pattern.
    pub fn pattern(&mut self, pattern: Pattern) -> &mut Self {
        self.patterns.push((pattern, Needs::NOTHING, None));
        self
    }

    /// Adds several patterns.
    pub fn patterns(&mut self, patterns: impl IntoIterator<Item = Pattern>) -> &mut Self {
        self.patterns
            .extend(patterns.into_iter().map(|p| (p, Needs::NOTHING, None)));
        self
    }

    /// Adds patterns with what a text must contain for each to match; the pattern is not run on a text
    /// that lacks it (see [`Needs`]).
    pub(crate) fn gated_patterns(
        &mut self,
        patterns: impl IntoIterator<Item = (Pattern, Needs)>,
    ) -> &mut Self {
        self.patterns
            .extend(patterns.into_iter().map(|(p, n)| (p, n, None)));
        self
    }

    /// Adds patterns with requirements and a fast way to find their candidates (see [`Fast`]).
    pub(crate) fn fast_patterns(
        &mut self,
        patterns: impl IntoIterator<Item = (Pattern, Needs, Fast)>,
    ) -> &mut Self {
        self.patterns
            .extend(patterns.into_iter().map(|(p, n, f)| (p, n, Some(f))));
        self
    }

    /// Adds context words or phrases (matched as whole words, case-insensitively).
    pub fn context<S: Into<String>>(&mut self, words: impl IntoIterator<Item = S>) -> &mut Self {
        self.context.extend(words.into_iter().map(Into::into));
        self
    }

    /// Adds negative context words: a match with one of them among the three words before it on its line
    /// is dropped (`part 412-55-0193` is a part number, not an SSN). Compared case-insensitively, whole words.
    pub fn negative_context<S: Into<String>>(
        &mut self,
        words: impl IntoIterator<Item = S>,
    ) -> &mut Self {
        self.negative_context
            .extend(words.into_iter().map(|w| w.into().to_lowercase()));
        self
    }

    /// Sets the language (ISO 639-1), `"en"` by default.
    pub fn language(&mut self, language: impl Into<String>) -> &mut Self {
        self.language = language.into();
        self
    }

    /// Sets the validator (see [`Validation`]).
    pub fn validator(
        &mut self,
        f: impl Fn(&str) -> Validation + Send + Sync + 'static,
    ) -> &mut Self {
        self.validate = Some(Arc::new(f));
        self
    }

    /// Sets the invalidator: matches for which it returns `true` are dropped.
    pub fn invalidator(&mut self, f: impl Fn(&str) -> bool + Send + Sync + 'static) -> &mut Self {
        self.invalidate = Some(Arc::new(f));
        self
    }

    /// Compiles the patterns.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidConfig`] for an empty name, no patterns, or a score outside `[0, 1]`;
    /// - [`Error::InvalidPattern`] for a pattern that does not compile, is too big, or matches the empty
    ///   string.
    pub fn build(&self) -> Result<PatternRecognizer, Error> {
        if self.name.trim().is_empty() {
            return Err(Error::InvalidConfig {
                what: "recognizer name".into(),
                reason: "must not be empty",
            });
        }
        if self.patterns.is_empty() {
            return Err(Error::InvalidConfig {
                what: self.name.clone(),
                reason: "a pattern recognizer needs at least one pattern",
            });
        }
        let mut patterns = Vec::with_capacity(self.patterns.len());
        for (i, (spec, needs, fast)) in self.patterns.iter().cloned().enumerate() {
            if !(0.0..=1.0).contains(&spec.score) {
                return Err(Error::InvalidConfig {
                    what: format!("{} pattern {i} score", self.name),
                    reason: "must be within [0, 1]",
                });
            }
            let regex = compile(&spec.regex).map_err(|kind| Error::InvalidPattern {
                owner: self.name.clone(),
                pattern_index: i,
                pattern_name: spec.name.clone(),
                kind,
            })?;
            let span_group = regex.capture_names().position(|n| n == Some(SPAN_GROUP));
            let window = Window::of(&spec.regex, needs);
            let token = if window.is_none() {
                TokenWindow::of(&spec.regex, needs)
            } else {
                None
            };
            let anchor_lens = match fast {
                Some(Fast::Words(alts)) => Alt::anchor_lens(alts),
                _ => [[0; 2]; 4],
            };
            patterns.push(CompiledPattern {
                spec,
                regex,
                span_group,
                needs,
                window,
                token,
                fast,
                anchor_lens,
            });
        }
        Ok(PatternRecognizer {
            name: Arc::from(self.name.as_str()),
            entities: [self.entity.clone()],
            language: self.language.clone(),
            context: self.context.clone(),
            negative_context: self.negative_context.clone(),
            patterns,
            validate: self.validate.clone(),
            invalidate: self.invalidate.clone(),
        })
    }
}

/// How many `:`, `-`, `.` and `@` a text holds, counted in one pass (per-lane byte counters over
/// 16-byte chunks, which the compiler vectorises).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ByteCounts([usize; 4]);

impl PerText for ByteCounts {
    fn slot(shared: &Shared) -> &OnceLock<Self> {
        &shared.counts
    }
}

impl ByteCounts {
    /// The counted bytes.
    const BYTES: [u8; 4] = [b':', b'-', b'.', b'@'];

    fn of(text: &str) -> ByteCounts {
        let mut total = [0usize; 4];
        // At most 255 chunks per block, so no lane counter overflows.
        for block in text.as_bytes().chunks(255 * 16) {
            let mut lanes = [[0u8; 16]; 4];
            let mut chunks = block.chunks_exact(16);
            for chunk in &mut chunks {
                for (j, &c) in chunk.iter().enumerate() {
                    for (lane, &b) in lanes.iter_mut().zip(&Self::BYTES) {
                        lane[j] += u8::from(c == b);
                    }
                }
            }
            for ((t, lane), &b) in total.iter_mut().zip(&lanes).zip(&Self::BYTES) {
                *t += lane.iter().map(|&x| usize::from(x)).sum::<usize>()
                    + chunks.remainder().iter().filter(|&&c| c == b).count();
            }
        }
        ByteCounts(total)
    }

    /// How many times `byte` occurs in `text` (the text these counts are of).
    fn of_byte(&self, text: &str, byte: u8) -> usize {
        match Self::BYTES.iter().position(|&b| b == byte) {
            Some(k) => self.0[k],
            None => text.bytes().filter(|&c| c == byte).count(),
        }
    }
}

/// Compiles a caller's regex with our size limit, refusing patterns that match the empty string.
pub(crate) fn compile(pattern: &str) -> Result<Regex, PatternProblem> {
    let regex = regex::RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
        .map_err(|e| PatternProblem::from_regex(&e))?;
    if regex.is_match("") {
        return Err(PatternProblem::MatchesEmpty);
    }
    Ok(regex)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rec: &PatternRecognizer, text: &str) -> Vec<(usize, usize, f64)> {
        let mut out = Vec::new();
        let ents = rec.supported_entities().to_vec();
        rec.analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| (r.start, r.end, r.score)).collect()
    }

    #[test]
    fn span_group_limits_the_span() {
        let rec = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("label", r"Name:\s*(?P<pii>[A-Z][a-z]+)", 0.6))
            .build()
            .unwrap();
        assert_eq!(run(&rec, "Name: Alice"), vec![(6, 11, 0.6)]);
    }

    #[test]
    fn validation_sets_or_drops_scores() {
        let rec = PatternRecognizer::builder("t", EntityType::new("X"))
            .pattern(Pattern::new("d", r"\d+", 0.3))
            .validator(|v| match v {
                "1" => Validation::Valid,
                "2" => Validation::Invalid,
                _ => Validation::Unknown,
            })
            .invalidator(|v| v == "4")
            .build()
            .unwrap();
        assert_eq!(run(&rec, "1 2 3 4"), vec![(0, 1, 1.0), (4, 5, 0.3)]);
    }

    #[test]
    fn bad_patterns_are_typed_errors() {
        let e = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("bad", r"(?<=x)y", 0.5))
            .build()
            .unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidPattern {
                kind: PatternProblem::Syntax,
                pattern_index: 0,
                ..
            }
        ));
        assert!(!e.to_string().contains("(?<=x)y"));
        let e = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("empty", r"a*", 0.5))
            .build()
            .unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidPattern {
                kind: PatternProblem::MatchesEmpty,
                ..
            }
        ));
        let e = PatternRecognizer::builder("t", EntityType::PERSON)
            .pattern(Pattern::new("s", r"a", 1.5))
            .build()
            .unwrap_err();
        assert!(matches!(e, Error::InvalidConfig { .. }));
    }

    /// Every built-in pattern with a requirement, as (regex, requirement, name).
    fn gated_builtins() -> Vec<(Regex, Needs, String)> {
        use crate::recognizers as r;
        let mut out = Vec::new();
        let mut add = |rec: &PatternRecognizer| {
            for p in rec.patterns.iter().filter(|p| !p.needs.is_trivial()) {
                out.push((
                    p.regex.clone(),
                    p.needs,
                    format!("{}/{}", rec.name, p.spec.name),
                ));
            }
        };
        for rec in [
            r::us_ssn(),
            r::medical_license(),
            r::uuid(),
            r::crypto(),
            r::email(),
        ] {
            add(&rec);
        }
        for rec in [
            r::us_bank(),
            r::us_license(),
            r::us_itin(),
            r::us_passport(),
            r::nhs(),
            r::mac_address(),
        ] {
            add(rec.patterns());
        }
        out
    }

    /// One shortest-form match of every alternative of every gated built-in pattern.
    const MATCHES: &[&str] = &[
        "12345-6789",
        "123-456789",
        "123-45-6789",
        "123456789",
        "123 45 6789",
        "123.45.6789",
        "12345678",
        "A1234567",
        "A123456789012345678",
        "A123-456-78-901-2",
        "A123-4567-8901",
        "A123-4567-8901-23",
        "A1234 56789 01234",
        "A-123-456-789-012",
        "A 123 456 789 012",
        "WDLABCDEFGHI",
        "AB123456",
        "12ABC12345",
        "123AB1234",
        "1234567",
        "12 345 678",
        "123 456 789",
        "912-34-5678",
        "912 34 5678",
        "912345678",
        "A12345678",
        "1234567890",
        "123 456 7890",
        "123-456-7890",
        "AB1234567",
        "01:23:45:67:89:ab",
        "01-23-45-67-89-ab",
        "0123.4567.89ab",
        "123e4567-e89b-12d3-a456-426614174000",
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "bc1qar0srrr7xfkvy",
        "a@b.co",
    ];

    /// `text` with its ASCII digits written as Arabic-Indic ones, which `\d` matches too.
    fn arabic_digits(text: &str) -> String {
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }

    /// Checks that wherever a gated pattern matches, the text meets its requirement; returns which
    /// patterns matched.
    fn check_needs(gated: &[(Regex, Needs, String)], text: &str, matched: &mut [bool]) {
        let facts = TextFacts::of(text);
        for (i, (re, needs, name)) in gated.iter().enumerate() {
            if re.is_match(text) {
                matched[i] = true;
                assert!(
                    needs.met_by(&facts),
                    "{name} matches {text:?}, but {needs:?} is not met by {facts:?}"
                );
            }
        }
    }

    #[test]
    fn builtin_requirements_hold_on_their_matches() {
        let gated = gated_builtins();
        let mut matched = vec![false; gated.len()];
        for m in MATCHES {
            for text in [
                m.to_string(),
                format!("x {m}."),
                format!("a{m}b"),
                arabic_digits(m),
            ] {
                check_needs(&gated, &text, &mut matched);
                check_needs(&gated, &format!("a{}b", arabic_digits(m)), &mut matched);
            }
        }
        for (i, (_, _, name)) in gated.iter().enumerate() {
            assert!(matched[i], "no sample matches {name}");
        }
    }

    #[test]
    fn builtin_requirements_hold_on_random_texts() {
        // Digit-heavy texts mixing the separators, letters and non-ASCII digits the patterns care about.
        const ALPHABET: &[&str] = &[
            "0", "1", "2", "3", "9", "9", "5", "7", "0", "1", "4", "6", "8", "-", " ", ".", ":",
            "@", "A", "B", "W", "D", "L", "a", "b", "c", "e", "x", "٣", "७", "é", "\n", "/", "_",
        ];
        let gated = gated_builtins();
        let mut matched = vec![false; gated.len()];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..3000 {
            let len = 1 + next() % 40;
            let text: String = (0..len)
                .map(|_| ALPHABET[next() % ALPHABET.len()])
                .collect();
            check_needs(&gated, &text, &mut matched);
        }
    }

    #[test]
    fn every_decimal_digit_is_classed_as_a_digit() {
        let all: String = (0x80..=0x10_FFFF).filter_map(char::from_u32).collect();
        let digit = Regex::new(r"\d").unwrap();
        for m in digit.find_iter(&all) {
            let first = all.as_bytes()[m.start()];
            assert!(
                BYTE_CLASS[usize::from(first)] & DIGIT != 0,
                "{:?}",
                m.as_str()
            );
        }
        for b in b'0'..=b'9' {
            assert_eq!(BYTE_CLASS[usize::from(b)], DIGIT);
        }
    }

    #[test]
    fn text_facts() {
        let f = TextFacts::of("Call 555-123 4567. ID AB12345678cd x1:2:3 a@b ٣٣٣ é9");
        assert_eq!(f.digit_run, 8);
        assert_eq!(f.digit_chain, 10);
        assert_eq!(f.upper_digit_run, 10);
        assert_eq!(f.alnum_run, 12);
        assert_eq!((f.colons, f.hyphens, f.dots, f.ats), (2, 1, 1, 1));
        let f = TextFacts::of("12--34 56  78 9.1");
        assert_eq!((f.digit_run, f.digit_chain), (2, 4));
        let f = TextFacts::of("ab٣٣٣٣cd");
        assert_eq!((f.digit_run, f.alnum_run, f.upper_digit_run), (4, 8, 4));
        assert_eq!(TextFacts::of(""), TextFacts::default());
    }

    #[test]
    fn gated_patterns_are_skipped_only_when_unmet() {
        let rec = PatternRecognizer::builder("t", EntityType::new("X"))
            .gated_patterns([(Pattern::new("nine", r"\d{9}", 0.5), Needs::digit_run(9))])
            .pattern(Pattern::new("two", r"\d\d", 0.1))
            .build()
            .unwrap();
        assert_eq!(run(&rec, "12 345"), vec![(0, 2, 0.1), (3, 5, 0.1)]);
        assert_eq!(
            run(&rec, "123456789"),
            vec![
                (0, 9, 0.5),
                (0, 2, 0.1),
                (2, 4, 0.1),
                (4, 6, 0.1),
                (6, 8, 0.1)
            ]
        );
    }

    /// Every built-in pattern with a window, with its recognizer's name.
    fn windowed_builtins() -> Vec<(Regex, Window, String)> {
        let mut out = Vec::new();
        for_each_builtin(|rec| {
            for p in &rec.patterns {
                if let Some(w) = p.window {
                    out.push((p.regex.clone(), w, format!("{}/{}", rec.name, p.spec.name)));
                }
            }
        });
        out
    }

    /// Calls `f` with every built-in pattern recognizer that has windowed or fast paths.
    fn for_each_builtin(mut f: impl FnMut(&PatternRecognizer)) {
        use crate::recognizers as r;
        for rec in [r::us_ssn(), r::medical_license(), r::uuid(), r::crypto()] {
            f(&rec);
        }
        for rec in [
            r::us_bank(),
            r::us_license(),
            r::us_itin(),
            r::us_passport(),
            r::nhs(),
            r::mac_address(),
        ] {
            f(rec.patterns());
        }
    }

    /// The matches of `re` found by searching only `window`'s windows of `text`.
    fn windowed(re: &Regex, window: &Window, text: &str) -> Vec<(usize, usize)> {
        let facts = TextFacts::of(text);
        let mut out = Vec::new();
        window.each(text, &facts, |from, to| {
            out.extend(
                re.find_iter(&text[from..to])
                    .map(|m| (from + m.start(), from + m.end())),
            );
        });
        out
    }

    #[test]
    fn windowed_search_finds_what_a_whole_search_finds() {
        const PIECES: &[&str] = &[
            "0", "1", "2", "3", "9", "9", "5", "7", "4", "6", "8", "123", "4567", "-", " ", ".",
            ":", "@", "A", "B", "W", "D", "L", "X", "a", "b", "c", "e", "x", "bc1", "٣", "७", "é",
            "\n", "/", "_", "WDL", "€", "   ",
        ];
        let builtins = windowed_builtins();
        assert!(builtins.len() >= 20, "{}", builtins.len());
        // Longest matches in characters, counted by hand.
        for (name, chars) in [
            ("UuidRecognizer/UUID (hyphenated)", 36),
            ("UsBankRecognizer/Bank account (very weak)", 17),
            (
                "MedicalLicenseRecognizer/USA DEA registration number (weak)",
                9,
            ),
            (
                "UsLicenseRecognizer/Driver license letter + digits (weak)",
                19,
            ),
            ("UsSsnRecognizer/SSN5 (medium)", 11),
        ] {
            let (_, w, _) = builtins.iter().find(|(_, _, n)| n == name).unwrap();
            assert_eq!(w.max_chars, chars, "{name}");
        }
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut found = 0;
        for round in 0..4000 {
            let len = 1 + next() % 90;
            let mut text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            if round % 3 == 0 {
                // Long digit runs and chains, as in the patterns' matches.
                text.push_str(&"1234567890".repeat(2)[..8 + next() % 10]);
                text.push_str(PIECES[next() % PIECES.len()]);
            }
            for (re, w, name) in &builtins {
                let whole: Vec<_> = re.find_iter(&text).map(|m| (m.start(), m.end())).collect();
                found += whole.len();
                assert_eq!(windowed(re, w, &text), whole, "{name} on {text:?}");
            }
        }
        assert!(found > 1000, "{found}");
        for m in MATCHES {
            for text in [
                m.to_string(),
                format!("x {m}."),
                arabic_digits(m),
                format!("{m}:{m}"),
            ] {
                for (re, w, name) in &builtins {
                    let whole: Vec<_> = re.find_iter(&text).map(|m| (m.start(), m.end())).collect();
                    assert_eq!(windowed(re, w, &text), whole, "{name} on {text:?}");
                }
            }
        }
    }

    /// Every built-in pattern with a fast path, as (regex, fast path, name).
    fn fast_builtins() -> Vec<(Regex, Fast, String)> {
        let mut out = Vec::new();
        for_each_builtin(|rec| {
            for p in &rec.patterns {
                if let Some(mut f) = p.fast {
                    if let (Fast::Token(check), Some(t)) = (f, p.token) {
                        TOKEN.with(|c| c.set(Some((t, check))));
                        f = Fast::Token(check);
                    }
                    out.push((p.regex.clone(), f, format!("{}/{}", rec.name, p.spec.name)));
                }
            }
        });
        out
    }

    /// A token window and the test of a [`Fast::Token`] path.
    type TokenPath = (TokenWindow, fn(&[u8]) -> bool);

    thread_local! {
        /// The token path of the (one) built-in pattern with a [`Fast::Token`] path.
        static TOKEN: std::cell::Cell<Option<TokenPath>> = const { std::cell::Cell::new(None) };
    }

    /// The matches of `re` as its fast path finds them (the regex runs only on stretches holding more
    /// than one match), or `None` where the fast path does not apply.
    fn fast_found(re: &Regex, fast: Fast, text: &str) -> Option<Vec<(usize, usize)>> {
        match fast {
            Fast::Token(_) => {
                let (t, check) = TOKEN.with(|c| c.get()).expect("token window recorded");
                let mut out = Vec::new();
                t.each(text, |from, to| {
                    if check(&text.as_bytes()[from..to]) {
                        out.extend(
                            re.find_iter(&text[from..to])
                                .map(|m| (from + m.start(), from + m.end())),
                        );
                    }
                });
                Some(out)
            }
            Fast::Literal(lit) => Some(if text.contains(lit) {
                re.find_iter(text).map(|m| (m.start(), m.end())).collect()
            } else {
                Vec::new()
            }),
            Fast::Words(alts) => {
                let words = DigitWords::of(text);
                if !words.exact {
                    return None;
                }
                let mut out = Vec::new();
                if !words.has_lens(&Alt::anchor_lens(alts)) {
                    // The gate skips a pattern only where its fast path finds nothing.
                    words.each(alts, text, |_, _, _| panic!("gated {alts:?} on {text:?}"));
                    return Some(out);
                }
                words.each(alts, text, |from, to, single| {
                    assert!(from < to && text.is_char_boundary(from) && text.is_char_boundary(to));
                    if single {
                        out.push((from, to));
                    } else {
                        out.extend(
                            re.find_iter(&text[from..to])
                                .map(|m| (from + m.start(), from + m.end())),
                        );
                    }
                });
                Some(out)
            }
        }
    }

    #[test]
    fn byte_counts_match_a_plain_count() {
        for len in [
            0,
            1,
            15,
            16,
            17,
            255 * 16 - 1,
            255 * 16,
            255 * 16 + 33,
            20_000,
        ] {
            let text: String = (0..len)
                .map(|i| [':', '-', '.', '@', 'a', 'é', ' '][i * 7 % 11 % 7])
                .collect();
            let c = ByteCounts::of(&text);
            for b in [b':', b'-', b'.', b'@', b'a', b' '] {
                let want = text.bytes().filter(|&x| x == b).count();
                assert_eq!(c.of_byte(&text, b), want, "{len} {}", char::from(b));
            }
        }
    }

    #[test]
    fn fast_paths_find_what_a_whole_search_finds() {
        const PIECES: &[&str] = &[
            "0", "1", "2", "3", "9", "9", "5", "7", "4", "6", "8", "12", "123", "4567", "12345",
            "999", "-", "-", "-", " ", " ", " ", ".", ".", "  ", "--", ":", "/", "_", ",", "A",
            "B", "W", "D", "L", "X", "Z", "a", "b", "c", "e", "f", "x", "l", "O", "I", "bc1",
            "BC1", "WDL", "é", "€", "\n", "ab12", "1a2b", "F00D", "8", "AB", "Q9",
        ];
        let fast = fast_builtins();
        assert!(fast.len() >= 20, "{}", fast.len());
        let mut state: u64 = 0x1234_5678_9ABC_DEF1;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut found = vec![0usize; fast.len()];
        let check = |text: &str, found: &mut [usize]| {
            for (i, (re, f, name)) in fast.iter().enumerate() {
                let whole: Vec<_> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
                found[i] += whole.len();
                if let Some(got) = fast_found(re, *f, text) {
                    assert_eq!(got, whole, "{name} on {text:?}");
                }
            }
        };
        for _ in 0..20000 {
            let len = 1 + next() % 50;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            check(&text, &mut found);
        }
        for m in MATCHES {
            for text in [
                m.to_string(),
                format!("x {m}."),
                format!("{m} {m}-{m}.{m}"),
                format!("_{m}"),
                format!("é{m}€"),
                format!("{m}{m}"),
                format!("A {m} B-{m}"),
            ] {
                check(&text, &mut found);
            }
        }
        for (i, (_, _, name)) in fast.iter().enumerate() {
            assert!(found[i] > 0, "no text matches {name}");
        }
        // A non-ASCII digit leaves the text to the windowed search.
        assert!(fast_found(&fast[0].0, fast[0].1, "٣ 123-45-6789").is_none());
    }

    #[test]
    fn token_windowed_search_finds_what_a_whole_search_finds() {
        use crate::recognizers as r;
        let email = r::email();
        let mac = r::mac_address();
        let tokened: Vec<(Regex, TokenWindow, String)> = [&email, mac.patterns()]
            .into_iter()
            .flat_map(|rec| {
                rec.patterns.iter().map(|p| {
                    let t = p
                        .token
                        .unwrap_or_else(|| panic!("{} has no token window", p.spec.name));
                    (p.regex.clone(), t, p.spec.name.clone())
                })
            })
            .collect();
        assert_eq!(tokened.len(), 4);
        const PIECES: &[&str] = &[
            "a", "b", "0", "1", "f", "E", "x", "é", "ü", "٣", "-", ".", ":", "::", "@", " ", "_",
            "+", "'", "%", "~", "/", "\n", ",", "(", "ab", "1a", "2B", "com", ".org", "xn--p1ai",
            "user", "€", "😀", "\t", "x@y.io", "@ex.com", ":1a", ":2b", ":3c", "-2B", "-ff",
            "1a2b.", "3c4d.", "00",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut found = 0;
        for _ in 0..6000 {
            let len = 1 + next() % 60;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            for (re, t, name) in &tokened {
                let whole: Vec<_> = re.find_iter(&text).map(|m| (m.start(), m.end())).collect();
                found += whole.len();
                let mut parts = Vec::new();
                t.each(&text, |from, to| {
                    assert!(text.is_char_boundary(from) && text.is_char_boundary(to));
                    parts.extend(
                        re.find_iter(&text[from..to])
                            .map(|m| (from + m.start(), from + m.end())),
                    );
                });
                assert_eq!(parts, whole, "{name} on {text:?}");
            }
        }
        assert!(found > 300, "{found}");
        for text in [
            "mail bob.o'neil+x@mail.example.co.uk, or git@github.com:org/repo.git now",
            "a@b.c@d.com é@x.org ü.ü@ü.de 00:1a:2b:3c:4d:5e 00-1A-2B-3C-4D-5E 001a.2b3c.4d5e",
            "fe80::aa:bb:cc:dd:ee:ff x:00:1a:2b:3c:4d:5e:6f_ab-cd-ef-01-23-45-67",
        ] {
            for (re, t, name) in &tokened {
                let whole: Vec<_> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
                let mut parts = Vec::new();
                t.each(text, |from, to| {
                    parts.extend(
                        re.find_iter(&text[from..to])
                            .map(|m| (from + m.start(), from + m.end())),
                    );
                });
                assert_eq!(parts, whole, "{name} on {text:?}");
            }
        }
    }

    #[test]
    fn token_window_classes_come_from_the_regex() {
        let t = TokenWindow::of(
            r"(?-u:\b)[0-9a-f]{2}(?::[0-9a-f]{2}){5}(?-u:\b)",
            Needs::byte(b':', 5),
        )
        .unwrap();
        assert!(
            t.class[usize::from(b':')] && t.class[usize::from(b'Z')] && t.class[usize::from(b'_')]
        );
        assert!(!t.class[usize::from(b'-')] && !t.class[0xC3]);
        let t = TokenWindow::of(r"\w+@\w+", Needs::byte(b'@', 1)).unwrap();
        assert!(t.class[0xC3] && t.class[0x80] && !t.class[usize::from(b'.')]);
        // A byte the pattern cannot match, a byte that is not counted, other look-around: no window.
        assert!(TokenWindow::of(r"a+", Needs::byte(b'@', 1)).is_none());
        assert!(TokenWindow::of(r"a@", Needs::NOTHING).is_none());
        assert!(TokenWindow::of(r"^a@", Needs::byte(b'@', 1)).is_none());
        assert!(TokenWindow::of(r"\ba@", Needs::byte(b'@', 1)).is_none());
    }

    /// The longest runs and byte counts, the straightforward way (one character at a time).
    fn reference_facts(text: &str) -> [usize; 8] {
        let (mut d, mut c, mut u, mut a) = (0, 0, 0, 0);
        let mut max = [0usize; 4];
        let mut prev_digit = false;
        for ch in text.chars() {
            let first = ch.to_string().as_bytes()[0];
            let class = BYTE_CLASS[usize::from(first)];
            let digit = class & DIGIT != 0;
            c = if digit {
                c + 1
            } else if prev_digit && class & JOINER != 0 {
                c
            } else {
                0
            };
            prev_digit = digit;
            d = if digit { d + 1 } else { 0 };
            u = if class & (DIGIT | UPPER) != 0 {
                u + 1
            } else {
                0
            };
            a = if class & (DIGIT | UPPER | LOWER) != 0 {
                a + 1
            } else {
                0
            };
            for (m, v) in max.iter_mut().zip([d, c, u, a]) {
                *m = (*m).max(v);
            }
        }
        let count = |b: char| text.matches(b).count();
        [
            max[0],
            max[1],
            max[2],
            max[3],
            count(':'),
            count('-'),
            count('.'),
            count('@'),
        ]
    }

    /// The word-by-word scanner [`TextFacts::of`] replaced, kept as a reference for its runs.
    fn of_by_words(text: &str) -> TextFacts {
        const WORD: u8 = DIGIT | UPPER | LOWER;
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut facts = TextFacts::default();
        let mut runs = Vec::new();
        let mut record =
            |facts: &mut TextFacts, kind: RunKind, start: usize, end: usize, len: usize| {
                let max = match kind {
                    RunKind::Digits => &mut facts.digit_run,
                    RunKind::Chain => &mut facts.digit_chain,
                    RunKind::UpperDigits => &mut facts.upper_digit_run,
                    RunKind::Alnum => &mut facts.alnum_run,
                };
                *max = (*max).max(len);
                if len >= RUN_MIN[kind as usize] {
                    runs.push(Run {
                        kind,
                        start,
                        end,
                        len,
                    });
                }
            };
        // The digits of the chain in progress, and where it began; a chain is in progress across a gap
        // only when the last word ended with a digit.
        let (mut chain, mut chain_at) = (0usize, 0usize);
        let (mut colons, mut hyphens, mut dots, mut ats) = (0, 0, 0, 0);
        let mut i = 0;
        while i < n {
            // A gap: bytes that are not letters or digits (continuation bytes of such characters too).
            let gap = i;
            while i < n && BYTE_CLASS[usize::from(bytes[i])] & WORD == 0 {
                match bytes[i] {
                    b':' => colons += 1,
                    b'-' => hyphens += 1,
                    b'.' => dots += 1,
                    b'@' => ats += 1,
                    _ => {}
                }
                i += 1;
            }
            if chain > 0 && !(i - gap == 1 && BYTE_CLASS[usize::from(bytes[gap])] & JOINER != 0) {
                record(&mut facts, RunKind::Chain, chain_at, gap, chain);
                chain = 0;
            }
            if i == n {
                break;
            }
            // A word.
            let start = i;
            let mut seen = 0;
            while i < n {
                let class = BYTE_CLASS[usize::from(bytes[i])];
                if class & (WORD | CONTINUATION) == 0 {
                    break;
                }
                seen |= class;
                i += 1;
            }
            let word = &bytes[start..i];
            let chars = if seen & CONTINUATION != 0 {
                word.iter()
                    .filter(|&&b| BYTE_CLASS[usize::from(b)] != CONTINUATION)
                    .count()
            } else {
                word.len()
            };
            if chars >= RUN_MIN[RunKind::Alnum as usize] || chars > facts.alnum_run {
                record(&mut facts, RunKind::Alnum, start, i, chars);
            }
            if seen & (DIGIT | UPPER) == 0 {
                if chain > 0 {
                    record(&mut facts, RunKind::Chain, chain_at, start, chain);
                    chain = 0;
                }
                continue;
            }
            if seen == DIGIT {
                // A plain ASCII number: one run of each kind, continuing any chain.
                if chain == 0 {
                    chain_at = start;
                }
                chain += chars;
                record(&mut facts, RunKind::Digits, start, i, chars);
                record(&mut facts, RunKind::UpperDigits, start, i, chars);
                continue;
            }
            let (mut digits, mut digits_at, mut upper, mut upper_at) = (0, 0, 0, 0);
            for (k, &b) in word.iter().enumerate() {
                let class = BYTE_CLASS[usize::from(b)];
                if class == CONTINUATION {
                    continue;
                }
                let at = start + k;
                if class & DIGIT != 0 {
                    if digits == 0 {
                        digits_at = at;
                    }
                    digits += 1;
                    if chain == 0 {
                        chain_at = at;
                    }
                    chain += 1;
                } else {
                    if digits > 0 {
                        record(&mut facts, RunKind::Digits, digits_at, at, digits);
                        digits = 0;
                    }
                    if chain > 0 {
                        record(&mut facts, RunKind::Chain, chain_at, at, chain);
                        chain = 0;
                    }
                }
                if class & (DIGIT | UPPER) != 0 {
                    if upper == 0 {
                        upper_at = at;
                    }
                    upper += 1;
                } else if upper > 0 {
                    record(&mut facts, RunKind::UpperDigits, upper_at, at, upper);
                    upper = 0;
                }
            }
            if digits > 0 {
                record(&mut facts, RunKind::Digits, digits_at, i, digits);
            }
            if upper > 0 {
                record(&mut facts, RunKind::UpperDigits, upper_at, i, upper);
            }
        }
        if chain > 0 {
            record(&mut facts, RunKind::Chain, chain_at, n, chain);
        }
        TextFacts {
            colons,
            hyphens,
            dots,
            ats,
            runs,
            ..facts
        }
    }

    /// The facts with the runs of each kind together (in text order within a kind).
    fn by_kind(mut f: TextFacts) -> TextFacts {
        f.runs.sort_by_key(|r| (r.kind as u8, r.start));
        f
    }

    #[test]
    fn text_facts_match_the_word_by_word_scan() {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "22",
            "9",
            "-",
            " ",
            ".",
            ":",
            "@",
            "A",
            "BC",
            "a",
            "bc",
            "٣",
            "é",
            "\n",
            "/",
            "X9",
            "abcdefghij",
            "Q",
            "7",
            "1-",
            "-a",
            "ü",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..20000 {
            let len = next() % 40;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            assert_eq!(
                by_kind(TextFacts::of(&text)),
                by_kind(of_by_words(&text)),
                "{text:?}"
            );
        }
        for text in [
            "12-34-56-78 a",
            "1234567-",
            "1234567-é",
            "1234567-a",
            "1234567--1",
            "ABCDEFGH12345678abcdefghijklmnop",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "٣٣٣٣٣٣٣٣-٣",
        ] {
            let f = TextFacts::of(text);
            assert!(!f.runs.is_empty(), "{text:?}");
            assert_eq!(by_kind(f), by_kind(of_by_words(text)), "{text:?}");
        }
    }

    #[test]
    fn text_facts_match_the_straightforward_count() {
        const PIECES: &[&str] = &[
            "0", "1", "22", "9", "-", " ", ".", ":", "@", "A", "BC", "a", "bc", "٣", "é", "\n",
            "/", "_", "--", "  ", "X9",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        for _ in 0..5000 {
            let len = next() % 60;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            let f = TextFacts::of(&text);
            let got = [
                f.digit_run,
                f.digit_chain,
                f.upper_digit_run,
                f.alnum_run,
                f.colons,
                f.hyphens,
                f.dots,
                f.ats,
            ];
            assert_eq!(got, reference_facts(&text), "{text:?}");
            for r in &f.runs {
                assert!(
                    r.len >= RUN_MIN[r.kind as usize] && r.start < r.end,
                    "{r:?} in {text:?}"
                );
            }
        }
    }
}
