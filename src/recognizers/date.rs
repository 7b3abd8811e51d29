//! DATE_TIME: absolute dates and date-times, in numeric and written forms, in six languages.
//!
//! Reported: ISO dates and date-times (with zone), numeric dates with a year (`12/01/1969`, `14.05.2023`,
//! `07/04/73`), month and year (`July 2022`, `09/2021`), written dates with optional weekday, ordinal and
//! time (`Monday 16 June 2025`, `March 1st, 2024`, `21-Mar-2024 15:00`, `Thu, Oct 26, 2023`,
//! `Mon, 22 Jul 2024 19:15:34 +0200`, `5. März 2024`, `mardi 5 mars 2024 à 14h22`). Month and weekday names
//! are English, German, French, Spanish, Italian and Dutch.
//!
//! Not reported: times of day alone, weekdays or month names alone (`If May doesn't suit`), relative dates,
//! and **log event timestamps** — a date-time that starts a log line or sits in a `ts`/`timestamp` field
//! (when an event was logged is rarely personal data, and scrubbing it destroys the log's use).

use std::cell::Cell;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::catalog::{Languages, Spec};
use crate::analyzer::DigitWords;
use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

const MONTHS: &str = concat!(
    // English
    "january|february|march|april|may|june|july|august|september|october|november|december|",
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|",
    // German
    "januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|mär|okt|dez|",
    // French
    "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|",
    "janv|févr|fevr|avr|juil|déc|",
    // Spanish
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|",
    "ene|abr|ago|dic|",
    // Italian
    "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|gen|mag|giu|lug|set|ott|",
    // Dutch
    "januari|februari|maart|mei|augustus|okt|mrt",
);

const WEEKDAYS: &str = concat!(
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|",
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|",
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|",
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|",
    "lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|",
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
);

/// Capitalised English month names, for dates without a year (`May 24`), where a lower-case `may 2` is
/// far more often a verb.
const MONTHS_CAP: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// Capitalised English weekday names.
const WEEKDAYS_CAP: &str =
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun";

/// A time after a date: `, 15:00`, ` at 7pm`, ` à 14h22`, ` 19:15:34 +0200`.
const TIME: &str = r"(?:,?[ \t]+(?:(?i:at|à|a las|alle|um|om)[ \t]+)?(?:\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:[ \t]?(?i:am|pm))?|\d{1,2}[ \t]?(?i:am|pm))(?:[ \t]?(?:[+-]\d{2}:?\d{2}|UTC|GMT|Z|[A-Z]{3,4}(?-u:\b)))?)?";

/// A cheap necessary condition checked before a date pattern's regex runs: a text without the shape the
/// pattern needs cannot match it, so its regex is skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gate {
    /// `YYYY-MM-DD`: a `-`, a two-digit month starting `0` or `1`, and another `-`.
    Iso,
    /// Two equal separators (`/`, `.` or `-`) around a one- or two-digit middle part, digits on both sides.
    Numeric,
    /// As [`Gate::Numeric`], with slashes.
    Slashes,
    /// `MM/YYYY`: a two-digit month, a slash and a year starting `1` or `2`.
    MonthYear,
    /// A month name followed by `-` and a digit (see [`month_before`]).
    WrittenDash,
    /// A month name followed by spaces or tabs (and an optional `de`) and a digit (see [`month_before`]).
    WrittenBlank,
    /// As [`Gate::Slashes`], after what can be a year (`2024/3/5`).
    YearFirst,
    /// A written date's month name followed by a year (see [`year_at`]), after `-` or blanks.
    WrittenYear,
    /// As [`Gate::WrittenYear`], after blanks only.
    BlankYear,
    /// A month name, blanks and a day followed by an optional suffix and `,`, blanks and a year
    /// (see [`day_then`]).
    DayYear,
    /// A month name, blanks and a day followed by an optional suffix, blanks, one or two digits and a
    /// `:` (see [`day_then`]).
    DayTime,
}

impl Gate {
    /// The gate's bit in a window's set of gates.
    fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The bits of the anchors that let a pattern with this gate match in a window.
    fn mask(self) -> u16 {
        self.bit()
    }
}

/// Which numeric [`Gate`]s a text passes, found in one pass over its bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct NumericShapes {
    iso: bool,
    numeric: bool,
    slashes: bool,
    month_year: bool,
    year_first: bool,
}

/// Whether `b` may be (part of) a digit matched by the regex `\d`: an ASCII digit, or any byte of a non-ASCII
/// character (Unicode decimal digits such as `٣` are matched by `\d` too).
fn digit_like(b: u8) -> bool {
    b.is_ascii_digit() || !b.is_ascii()
}

impl NumericShapes {
    /// The shapes whose first separator is the `-`, `/` or `.` at `bytes[i]`, which follows a
    /// [`digit_like`] byte. A pattern's match has its shape at the first separator of the match.
    fn at(bytes: &[u8], i: usize) -> NumericShapes {
        let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let sep = bytes[i];
        let mut found = NumericShapes::default();
        if sep == b'-'
            && matches!(at(i + 1), b'0' | b'1')
            && at(i + 2).is_ascii_digit()
            && at(i + 3) == b'-'
        {
            found.iso = true;
        }
        if sep == b'/'
            && i >= 2
            && matches!(bytes[i - 2], b'0' | b'1')
            && bytes[i - 1].is_ascii_digit()
            && matches!(at(i + 1), b'1' | b'2')
        {
            found.month_year = true;
        }
        // A middle part of one or two digit characters, then the same separator and a digit.
        let mut j = i + 1;
        let mut chars = 0;
        while chars < 2 {
            let b = at(j);
            if b.is_ascii_digit() {
                j += 1;
            } else if b >= 0xC0 {
                j += match b {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
            } else {
                break;
            }
            chars += 1;
        }
        if chars > 0 && at(j) == sep && digit_like(at(j + 1)) {
            // `\b\d{1,2}` before the separator and `(?:{year}|\d{2})\b` after the middle part; near
            // non-ASCII bytes (digits `\d` matches beyond ASCII, word bytes `\b` does not see),
            // assume they can be.
            let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
            let first = bytes[i.saturating_sub(8)..i].iter().any(|b| !b.is_ascii()) || {
                let mut k = i;
                while k > 0 && bytes[k - 1].is_ascii_digit() {
                    k -= 1;
                }
                matches!(i - k, 1 | 2) && (k == 0 || !word(bytes[k - 1]))
            };
            let last = bytes[j + 1..(j + 9).min(bytes.len())]
                .iter()
                .any(|b| !b.is_ascii())
                || {
                    let mut e = j + 1;
                    while e < bytes.len() && bytes[e].is_ascii_digit() {
                        e += 1;
                    }
                    (e - j - 1 == 2 || (e - j - 1 == 4 && year_at(bytes, j + 1)))
                        && !bytes.get(e).is_some_and(|&b| word(b))
                };
            found.numeric = first && last;
            found.slashes = sep == b'/';
            // `1[89]\d\d|20\d\d` before the slash: with non-ASCII bytes there (the digits `\d`
            // matches beyond ASCII), assume it can be.
            found.year_first = found.slashes
                && (bytes[i.saturating_sub(8)..i].iter().any(|b| !b.is_ascii())
                    || (i >= 4 && year_at(bytes, i - 4)));
        }
        found
    }

    fn any(self) -> bool {
        self.iso || self.numeric || self.slashes || self.month_year || self.year_first
    }

    /// The gates passed, as a bit set (see [`Gate::bit`]).
    fn bits(self) -> u16 {
        [
            (self.iso, Gate::Iso),
            (self.numeric, Gate::Numeric),
            (self.slashes, Gate::Slashes),
            (self.month_year, Gate::MonthYear),
            (self.year_first, Gate::YearFirst),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |bits, (_, gate)| bits | gate.bit())
    }

    fn add(&mut self, other: NumericShapes) {
        self.iso |= other.iso;
        self.numeric |= other.numeric;
        self.slashes |= other.slashes;
        self.month_year |= other.month_year;
        self.year_first |= other.year_first;
    }

    /// Scans all of `text` for the shapes the numeric date patterns need. Each flag is a necessary
    /// condition for its pattern to match anywhere in `text`.
    #[cfg(test)]
    fn scan(text: &str) -> NumericShapes {
        let bytes = text.as_bytes();
        let mut found = NumericShapes::default();
        for (i, &b) in bytes.iter().enumerate() {
            if matches!(b, b'-' | b'/' | b'.') && i > 0 && digit_like(bytes[i - 1]) {
                found.add(NumericShapes::at(bytes, i));
            }
        }
        found
    }
}

/// Non-blank bytes a written date can hold before its month name: a weekday of up to ten characters of up to
/// four bytes, `.` and `,`, a day of two digits and a two-byte suffix, and `de`; with room to spare.
const WRITTEN_BEFORE: usize = 64;
/// Non-blank bytes any date can hold from its first separator (numeric dates: two separators and two parts
/// of two digits, 18) or from the byte after its month name (written dates: at most 18, as `.-` and a
/// two-digit year), and a [`TIME`] of at most 77 (`,`, `a laſ`, three one- or two-digit parts, a fraction
/// of six digits, `am`, a zone), counting four bytes for each digit `\d` matches; with room to spare.
const DATE_AFTER: usize = 100;
/// Non-blank bytes a numeric date holds before its first separator: two digits of up to four bytes each.
const NUMERIC_BEFORE: usize = 8;

/// Where the date patterns can match in a text, found in one pass over its digits: which numeric shapes
/// and whether a written date's month name occur, and byte windows such that every match of every
/// pattern lies inside one window.
///
/// Every match holds an anchor: its first separator (numeric dates) or its month name followed by a
/// separator and a digit (written dates; see [`month_before`]). Both sit next to a run of
/// [`digit_like`] bytes: the separator ends one, the digit after the month starts one. A window reaches
/// from an anchor as far as a match holding it can, counting spaces and tabs (which patterns repeat
/// without bound) for free, and ends before a byte that is not an ASCII word character, so the pattern's
/// ASCII `\b` sees the same at the window's end as in the whole text. Windows that overlap are merged: a
/// match starting in a window then also ends in it, so searching the windows in order finds exactly the
/// matches a search of the whole text finds.
#[derive(Default)]
struct Candidates {
    shapes: NumericShapes,
    written: bool,
    /// Start, end, and the gates ([`Gate::bit`]) of the anchors in the window.
    windows: Vec<(usize, usize, u16)>,
    /// Every anchor, in the order of its key, which increases; see [`Anchor`].
    anchors: Vec<Anchor>,
}

/// One anchor of [`Candidates`]: a byte inside every match holding the anchor, after the match's first
/// byte (the first separator of a numeric date, the first digit after a written date's month name), the
/// gates ([`Gate::bit`]) it lets through, and the span in which every match holding it lies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Anchor {
    key: usize,
    gates: u16,
    lo: usize,
    hi: usize,
}

/// The reusable buffers of [`Candidates`]: windows and anchors.
type Buffers = (Vec<(usize, usize, u16)>, Vec<Anchor>);

impl Candidates {
    /// The candidates of `text`, with `buffers` (cleared) as the window and anchor buffers.
    ///
    /// `words`, the text's digit-bearing ASCII words when the text is all ASCII, saves the scan for
    /// digits: every [`digit_like`] run of an ASCII text is a run of ASCII digits in one of those words.
    fn find(text: &str, words: Option<&DigitWords>, buffers: Buffers) -> Candidates {
        let bytes = text.as_bytes();
        let (mut windows, mut anchors) = buffers;
        windows.clear();
        anchors.clear();
        let mut found = Candidates {
            windows,
            anchors,
            ..Candidates::default()
        };
        match words {
            Some(words) => {
                debug_assert!(text.is_ascii());
                for (start, end, pure) in words.iter() {
                    if pure {
                        found.run(text, start, end);
                        continue;
                    }
                    let mut a = start;
                    while a < end {
                        if !bytes[a].is_ascii_digit() {
                            a += 1;
                            continue;
                        }
                        let mut b = a + 1;
                        while b < end && bytes[b].is_ascii_digit() {
                            b += 1;
                        }
                        found.run(text, a, b);
                        a = b;
                    }
                }
            }
            None => {
                let mut from = 0;
                while let Some(a) = crate::validate::scan::find_digit_like(bytes, from) {
                    let mut b = a + 1;
                    while b < bytes.len() && digit_like(bytes[b]) {
                        b += 1;
                    }
                    from = b;
                    found.run(text, a, b);
                }
            }
        }
        found.merge();
        found
    }

    /// Adds the anchors next to the maximal [`digit_like`] run `a..b` of `text`.
    #[inline(always)]
    fn run(&mut self, text: &str, a: usize, b: usize) {
        let bytes = text.as_bytes();
        let found = self;
        {
            // A written date: a month name, a separator, then this run.
            if a > 0 && matches!(bytes[a - 1], b'-' | b' ' | b'\t') {
                if let Some(month_end) = month_before(bytes, a) {
                    found.written = true;
                    let lo = blank_free_left(bytes, month_end, WRITTEN_BEFORE + MONTH_INFO.longest);
                    let hi = word_end(bytes, month_end, DATE_AFTER);
                    let year = year_at(bytes, a);
                    let mut gates = if year { Gate::WrittenYear.bit() } else { 0 };
                    if bytes[a - 1] == b'-' {
                        gates |= Gate::WrittenDash.bit();
                    } else {
                        gates |= Gate::WrittenBlank.bit();
                        if year {
                            gates |= Gate::BlankYear.bit();
                        }
                        // After the day, which this run starts: `,?[ \t]+` and a year, or
                        // `[ \t]+\d{1,2}:`.
                        let j = day_then(bytes, b);
                        let k = skip_blanks(bytes, j);
                        if k > j {
                            if year_at(bytes, k) {
                                gates |= Gate::DayYear.bit();
                            }
                            // One or two digits `\d` (of up to four bytes each), then `:`.
                            let mut t = k;
                            while t < bytes.len() && t - k < 8 && digit_like(bytes[t]) {
                                t += 1;
                            }
                            if t > k && bytes.get(t) == Some(&b':') {
                                gates |= Gate::DayTime.bit();
                            }
                        }
                    }
                    found.windows.push((lo, hi, gates));
                    found.anchors.push(Anchor {
                        key: a,
                        gates,
                        lo,
                        hi,
                    });
                }
            }
            // A numeric date: this run, then its first separator.
            if b < bytes.len() && matches!(bytes[b], b'-' | b'/' | b'.') {
                let shapes = NumericShapes::at(bytes, b);
                if shapes.any() {
                    found.shapes.add(shapes);
                    let mut lo = b.saturating_sub(NUMERIC_BEFORE);
                    while !text.is_char_boundary(lo) {
                        lo -= 1;
                    }
                    let hi = word_end(bytes, b, DATE_AFTER);
                    found.windows.push((lo, hi, shapes.bits()));
                    found.anchors.push(Anchor {
                        key: b,
                        gates: shapes.bits(),
                        lo,
                        hi,
                    });
                }
            }
        }
    }

    /// Merges overlapping (and touching) windows.
    fn merge(&mut self) {
        let windows = &mut self.windows;
        if windows.len() > 1 {
            windows.sort_unstable();
            let mut n = 0;
            for k in 1..windows.len() {
                if windows[k].0 <= windows[n].1 {
                    windows[n].1 = windows[n].1.max(windows[k].1);
                    windows[n].2 |= windows[k].2;
                } else {
                    n += 1;
                    windows[n] = windows[k];
                }
            }
            windows.truncate(n + 1);
        }
    }

    /// Whether `gate` is passed.
    fn passes(&self, gate: Gate) -> bool {
        match gate {
            Gate::Iso => self.shapes.iso,
            Gate::Numeric => self.shapes.numeric,
            Gate::Slashes => self.shapes.slashes,
            Gate::MonthYear => self.shapes.month_year,
            Gate::YearFirst => self.shapes.year_first,
            Gate::WrittenDash
            | Gate::WrittenBlank
            | Gate::WrittenYear
            | Gate::BlankYear
            | Gate::DayYear
            | Gate::DayTime => self.written,
        }
    }
}

/// Whether a year `1[89]\d\d|20\d\d` can start at byte `i`: its first two characters are ASCII.
fn year_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        (bytes.get(i), bytes.get(i + 1)),
        (Some(b'1'), Some(b'8' | b'9')) | (Some(b'2'), Some(b'0'))
    )
}

/// The position after the spaces and tabs from byte `i`.
fn skip_blanks(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| matches!(b, b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Where a written date's day can be followed by blanks, when the day starts the [`digit_like`] run
/// ending at byte `b`: after a suffix (`st`, `nd`, `rd`, `th`, `er` or `.`; `º` is in the run) and a
/// `,`. A position at or after every place the day's match can go on with a blank.
fn day_then(bytes: &[u8], b: usize) -> usize {
    let mut j = b;
    while j < b + 2
        && bytes
            .get(j)
            .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'.')
    {
        j += 1;
    }
    if bytes.get(j) == Some(&b',') {
        j += 1;
    }
    j
}

/// Whether byte `b` can be part of a date match: ASCII letters and digits, spaces and tabs, `-`, `/`,
/// `.`, `:`, `,`, `+`, and every byte of a non-ASCII character. The patterns match nothing else, so no
/// match spans another byte (a quote, a parenthesis, a line break).
const fn in_date(b: u8) -> bool {
    IN_DATE[b as usize]
}

/// [`in_date`] as a table.
static IN_DATE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric()
            || !c.is_ascii()
            || matches!(c, b' ' | b'\t' | b'-' | b'/' | b'.' | b':' | b',' | b'+');
        b += 1;
    }
    t
};

/// The budget [`word_end`] spends on a byte outside dates: more than any budget it is given.
const OUTSIDE: u8 = u8::MAX;

/// What [`word_end`] spends on each byte: nothing for spaces and tabs, one for another byte a date can
/// hold (see [`in_date`]), [`OUTSIDE`] for the others.
static STEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if !in_date(b as u8) {
            OUTSIDE
        } else if b == b' ' as usize || b == b'\t' as usize {
            0
        } else {
            1
        };
        b += 1;
    }
    t
};

/// The start of the stretch before byte `i` holding `budget` bytes other than spaces and tabs (and any
/// number of those) and no byte outside dates (see [`in_date`]), moved back to a character boundary.
fn blank_free_left(bytes: &[u8], mut i: usize, mut budget: usize) -> usize {
    // As in `word_end`: one compare per byte.
    debug_assert!(budget < usize::from(OUTSIDE));
    while i > 0 {
        let step = usize::from(STEP[usize::from(bytes[i - 1])]);
        if step > budget {
            break;
        }
        budget -= step;
        i -= 1;
    }
    // Back to the start of a character: continuation bytes are 0b10xx_xxxx.
    while i > 0 && i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
        i -= 1;
    }
    i
}

/// The end of the stretch from byte `i` holding `budget` bytes other than spaces and tabs (and any number
/// of those) and no byte outside dates (see [`in_date`]), moved on to a byte that is not an ASCII word character and starts a character (or the end).
fn word_end(bytes: &[u8], mut i: usize, mut budget: usize) -> usize {
    // One compare per byte: a byte outside dates costs more than any budget, so it always stops.
    debug_assert!(budget < usize::from(OUTSIDE));
    while let Some(&b) = bytes.get(i) {
        let step = usize::from(STEP[usize::from(b)]);
        if step > budget {
            break;
        }
        budget -= step;
        i += 1;
    }
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] & 0xC0 == 0x80)
    {
        i += 1;
    }
    i
}

/// Where a month name ends when the [`digit_like`] run at `p` (after a `-`, space or tab) is the digit after
/// it in a written date: month, optional `.` and `,`, then `-` and the run,
/// or spaces or tabs, an optional `de` with spaces or tabs, and an ASCII digit.
fn month_before(bytes: &[u8], p: usize) -> Option<usize> {
    let blanks_before = |mut i: usize| {
        while i > 0 && matches!(bytes[i - 1], b' ' | b'\t') {
            i -= 1;
        }
        i
    };
    // Before the separator: an optional `.`, then an optional `,`.
    let month_end = |i: usize| month_end_before(bytes, i);
    if bytes[p - 1] == b'-' {
        return month_end(p - 1);
    }
    if !bytes[p].is_ascii_digit() {
        return None;
    }
    let q = blanks_before(p);
    if let Some(end) = month_end(q) {
        return Some(end);
    }
    if q >= 2 && &bytes[q - 2..q] == b"de" {
        let q2 = blanks_before(q - 2);
        if q2 < q - 2 {
            return month_end(q2);
        }
    }
    None
}

/// Where a month name ends when it is followed by an optional `.`, then an optional `,`, then byte `i`.
#[inline(always)]
fn month_end_before(bytes: &[u8], mut i: usize) -> Option<usize> {
    if i > 0 && bytes[i - 1] == b',' {
        i -= 1;
    }
    if i > 0 && bytes[i - 1] == b'.' {
        i -= 1;
    }
    month_ends_at(bytes, i).then_some(i)
}

/// Facts about the month spellings for [`month_ends_at`].
struct MonthInfo {
    /// The longest spelling, in bytes.
    longest: usize,
    /// A bit set of the last three bytes of every spelling, keyed by [`tail_key`].
    tails: Box<[u64; 512]>,
}

static MONTH_INFO: LazyLock<MonthInfo> = LazyLock::new(|| {
    let spellings = month_spellings();
    let mut tails = Box::new([0u64; 512]);
    for m in &spellings {
        let key = tail_key(m.as_bytes(), m.len());
        tails[key / 64] |= 1 << (key % 64);
    }
    MonthInfo {
        longest: spellings.iter().map(String::len).max().unwrap_or(0),
        tails,
    }
});

/// The low five bits of each of the three bytes before `end` (`end >= 3`): the same for both ASCII cases
/// of a letter, so a month spelling's key is its key in any case.
#[inline(always)]
fn tail_key(bytes: &[u8], end: usize) -> usize {
    let five = |b: u8| usize::from(b & 31);
    five(bytes[end - 3]) << 10 | five(bytes[end - 2]) << 5 | five(bytes[end - 1])
}

/// Whether a month name (any spelling the regexes accept) ends at byte `end`, followed by a separator
/// (`bytes[end]` is one of ` `, `\t`, `.`, `,`, `-`).
#[inline(always)]
fn month_ends_at(bytes: &[u8], end: usize) -> bool {
    if end < 3 || end >= bytes.len() {
        return false;
    }
    let key = tail_key(bytes, end);
    if MONTH_INFO.tails[key / 64] & (1 << (key % 64)) == 0 {
        return false;
    }
    month_name_ends_at(bytes, end)
}

/// [`month_ends_at`] after its cheap tests, with the automaton.
#[inline(never)]
fn month_name_ends_at(bytes: &[u8], end: usize) -> bool {
    // The automaton reports the earliest-ending match and resumes after it; a match ending with the
    // separator at `end` is reported (see `has_month_then_digit`).
    let from = end.saturating_sub(MONTH_INFO.longest);
    MONTH_NAMES
        .find_iter(&bytes[from..=end])
        .any(|m| from + m.end() == end + 1)
}

/// Characters of the month names whose Unicode case folding (used by the regexes' `(?i:…)`) matches more
/// than the ASCII upper/lower pair: the Kelvin sign `K` folds to `k`, the long s `ſ` to `s`, and the
/// accented letters have non-ASCII capitals.
const FOLDS: &[(char, char)] = &[
    ('k', '\u{212A}'),
    ('s', '\u{17F}'),
    ('ä', 'Ä'),
    ('é', 'É'),
    ('û', 'Û'),
];

/// Every spelling of every month name that the regexes' case-insensitive `(?i:MONTHS)` can match, up to
/// ASCII case (the automaton ignores ASCII case itself).
fn month_spellings() -> Vec<String> {
    let mut out = Vec::new();
    for name in MONTHS.split('|') {
        let mut variants = vec![String::new()];
        for c in name.chars() {
            let alternatives: Vec<char> = std::iter::once(c)
                .chain(FOLDS.iter().filter(|&&(k, _)| k == c).map(|&(_, v)| v))
                .collect();
            variants = variants
                .iter()
                .flat_map(|v| {
                    alternatives.iter().map(move |&a| {
                        let mut v = v.clone();
                        v.push(a);
                        v
                    })
                })
                .collect();
        }
        out.extend(variants);
    }
    out
}

/// Every month name in every case followed by one of the bytes that can follow a month in a written date
/// (`.`, `,`, `-`, space or tab), for [`month_ends_at`].
static MONTH_NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let patterns: Vec<String> = month_spellings()
        .iter()
        .flat_map(|name| [' ', '\t', '.', ',', '-'].map(|sep| format!("{name}{sep}")))
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .expect("month names build")
});

/// Whether `text` has a month name followed by what every written date pattern needs after one: an
/// optional `.` and `,`, then `-` and a digit, or spaces or tabs, an optional `de `, and an ASCII digit. A
/// text without one cannot match any written date pattern.
///
/// The automaton reports the earliest-ending match and resumes after it, which loses no candidate: a
/// match ends in a separator, which no month name contains, so no other match can straddle its end.
#[cfg(test)]
fn has_month_then_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    MONTH_NAMES.find_iter(text).any(|m| {
        // The separator the match ends with.
        let mut i = m.end() - 1;
        if at(i) == b'.' {
            i += 1;
        }
        if at(i) == b',' {
            i += 1;
        }
        if at(i) == b'-' {
            // `day-mon-year` allows a two-digit year, `\d{2}`, after the dash.
            return digit_like(at(i + 1));
        }
        let spaced = |i: &mut usize| {
            let from = *i;
            while matches!(at(*i), b' ' | b'\t') {
                *i += 1;
            }
            *i > from
        };
        if !spaced(&mut i) {
            return false;
        }
        if at(i).is_ascii_digit() {
            return true;
        }
        if bytes.get(i..).is_some_and(|rest| rest.starts_with(b"de")) {
            i += 2;
            return spaced(&mut i) && at(i).is_ascii_digit();
        }
        false
    })
}

static PATTERNS: LazyLock<Vec<(&'static str, Gate, DateRegex, f64)>> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let month = format!(r"(?i:{MONTHS})\.?");
    let weekday = format!(r"{b}(?:(?i:{WEEKDAYS})\.?,?[ \t]+)?");
    let day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.|º)?";
    let year = r"(?:1[89]\d\d|20\d\d)";
    let specs: Vec<(&str, Gate, String, f64)> = vec![
        (
            "iso",
            Gate::Iso,
            format!(
                r"{b}{year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{{1,9}})?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?{b}"
            ),
            0.6,
        ),
        (
            "numeric",
            Gate::Numeric,
            format!(
                r"{b}(?:\d{{1,2}}/\d{{1,2}}/|\d{{1,2}}\.\d{{1,2}}\.|\d{{1,2}}-\d{{1,2}}-)(?:{year}|\d{{2}}){b}{TIME}"
            ),
            0.5,
        ),
        (
            "year-first slashes",
            Gate::YearFirst,
            format!(r"{b}{year}/\d{{1,2}}/\d{{1,2}}{b}{TIME}"),
            0.5,
        ),
        (
            "month/year",
            Gate::MonthYear,
            format!(r"{b}(?:0[1-9]|1[0-2])/{year}{b}"),
            0.5,
        ),
        (
            "day month year",
            Gate::WrittenYear,
            format!(
                r"{weekday}{b}{day}[ \t]*(?:de[ \t]+)?{month}(?:,?[ \t]+(?:de[ \t]+)?|-){year}{b}{TIME}"
            ),
            0.6,
        ),
        (
            "month day year",
            Gate::DayYear,
            format!(r"{weekday}{b}{month}[ \t]+{day},?[ \t]+{year}{b}{TIME}"),
            0.6,
        ),
        (
            "day-mon-year",
            Gate::WrittenDash,
            format!(r"{b}{day}-{month}-(?:{year}|\d{{2}}){b}{TIME}"),
            0.6,
        ),
        (
            "weekday mon day time year",
            Gate::DayTime,
            format!(
                r"{b}(?i:{WEEKDAYS})[ \t]+{month}[ \t]+{day}[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]+{year}(?:[ \t]+[+-]\d{{4}})?{b}"
            ),
            0.6,
        ),
        (
            "month year",
            Gate::BlankYear,
            format!(r"{b}{month}[ \t]+{year}{b}"),
            0.5,
        ),
        (
            "month day",
            Gate::WrittenBlank,
            format!(
                r"{b}(?:(?:{WEEKDAYS_CAP}),?[ \t]+)?(?:{MONTHS_CAP})[ \t]+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b){TIME}"
            ),
            0.5,
        ),
    ];
    specs
        .into_iter()
        .map(|(n, g, p, s)| (n, g, DateRegex::new(&p), s))
        .collect()
});

/// A date pattern: searched with a meta regex that runs no literal prefilter (the candidates already
/// placed each search on a short window), for the windowed searches.
struct DateRegex {
    meta: regex_automata::meta::Regex,
    #[cfg(test)]
    plain: regex::Regex,
}

impl DateRegex {
    fn new(pattern: &str) -> DateRegex {
        let meta = regex_automata::meta::Regex::builder()
            .configure(regex_automata::meta::Config::new().auto_prefilter(false))
            .build(pattern)
            .expect("constant date pattern compiles");
        DateRegex {
            meta,
            #[cfg(test)]
            plain: regex::Regex::new(pattern).expect("constant date pattern compiles"),
        }
    }

    /// The first match in `haystack` starting at `start` or later, as `regex::Regex::find_at`.
    fn find_at(&self, haystack: &str, start: usize) -> Option<std::ops::Range<usize>> {
        self.meta
            .find(regex_automata::Input::new(haystack).range(start..))
            .map(|m| m.range())
    }
}

const NAME: &str = "DateRecognizer";

/// `DateRecognizer`: written dates 0.6, numeric dates and month-year 0.5; see the module docs for what is
/// and is not reported.
pub struct DateRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
    context: Vec<String>,
}

impl Default for DateRecognizer {
    fn default() -> Self {
        DateRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::DATE_TIME],
            context: [
                "date",
                "dob",
                "birth",
                "born",
                "birthday",
                "since",
                "until",
                "due",
                "appointment",
                "created",
                "admitted",
                "discharged",
                "hired",
                "started",
                "joined",
                "expires",
                "expiry",
                "issued",
                "on",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        }
    }
}

/// The predefined date recognizer.
pub fn date() -> DateRecognizer {
    DateRecognizer::default()
}

/// Catalog entry.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: NAME,
    languages: Languages::Any,
    enabled_by_default: true,
    build: || Arc::new(date()),
}];

/// Whether a numeric date's parts form a real day and month in some order.
fn numeric_ok(value: &str) -> bool {
    // The first three digit runs, each a `u32`; no allocation.
    let mut parts = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<u32>().ok());
    let (Some(Some(a)), Some(Some(b)), Some(Some(_))) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let dm = (1..=31).contains(&a) && (1..=12).contains(&b);
    let md = (1..=12).contains(&a) && (1..=31).contains(&b);
    dm || md
}

/// Whether the match is a log event timestamp: it has a time to the second and starts a line (after
/// optional `[`), or it is the value of a `ts`/`time`/`timestamp` field. Machines log seconds; people
/// writing a log by hand (`4/22/24 at 3:45 PM  oxycodone 5 mg`, `2023-09-18 15:45  visit`) write
/// minutes, and those entries say when something happened to someone.
fn is_log_timestamp(text: &str, start: usize, value: &str) -> bool {
    let has_seconds = value.bytes().filter(|&b| b == b':').count() >= 2;
    if has_seconds {
        let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..start]).map_or(0, |i| i + 1);
        if text[line_start..start]
            .trim_start()
            .trim_start_matches(['[', '('])
            .is_empty()
        {
            return true;
        }
    }
    // The field name on the line: the ASCII word (letters, digits, `_`, `@`) before the closing quotes,
    // blanks, `=` and `:`. Bytes of non-ASCII characters end it as the characters do, and neither walk
    // goes past a line break.
    let p = &text.as_bytes()[..start];
    let mut e = p.len();
    while e > 0 && matches!(p[e - 1], b'"' | b'\'' | b' ' | b'=' | b':') {
        e -= 1;
    }
    let mut k = e;
    while k > 0 && (p[k - 1].is_ascii_alphanumeric() || matches!(p[k - 1], b'_' | b'@')) {
        k -= 1;
    }
    let key = &p[k..e];
    // Only the keys below are log fields; they are 2 to 10 bytes long.
    if !(2..=10).contains(&key.len()) {
        return false;
    }
    // `Date/time:`, `Date & time:` are form labels, not log fields.
    if (k > 0 && matches!(p[k - 1], b'/' | b'&'))
        || ends_with_ignore_ascii_case(&p[..e], b"date and time")
    {
        return false;
    }
    LOG_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k))
}

/// The field names whose value is a log event timestamp (see [`is_log_timestamp`]).
const LOG_KEYS: [&[u8]; 7] = [
    b"ts",
    b"time",
    b"timestamp",
    b"@timestamp",
    b"logged_at",
    b"log_time",
    b"asctime",
];

/// Whether `text` ends with `suffix` (ASCII) up to ASCII case, without allocating.
fn ends_with_ignore_ascii_case(text: &[u8], suffix: &[u8]) -> bool {
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

impl Recognizer for DateRecognizer {
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
        thread_local! {
            /// The window and anchor buffers, reused across calls.
            static BUFFERS: Cell<Buffers> = const { Cell::new((Vec::new(), Vec::new())) };
        }
        // The digit-bearing words other recognizers share, for an ASCII text.
        let words = text.is_ascii().then(|| ctx.shared(|| DigitWords::of(text)));
        let candidates = Candidates::find(text, words.as_deref(), BUFFERS.take());
        self.find_in(text, &candidates, ctx, results);
        BUFFERS.set((candidates.windows, candidates.anchors));
        Ok(())
    }
}

impl DateRecognizer {
    /// Runs the patterns `candidates` lets through over its windows of `text`.
    fn find_in(
        &self,
        text: &str,
        candidates: &Candidates,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        let bytes = text.as_bytes();
        for (pattern, gate, regex, score) in PATTERNS.iter() {
            if !candidates.passes(*gate) {
                continue;
            }
            let mask = gate.mask();
            let mut first = 0;
            for &(lo, hi, gates) in &candidates.windows {
                // The window's anchors: their keys lie in it, and windows do not overlap.
                let end =
                    first + candidates.anchors[first..].partition_point(|anchor| anchor.key <= hi);
                let anchors = &candidates.anchors[first..end];
                first = end;
                // A match holds an anchor of its pattern's gate, so it lies in a window with that gate.
                // Written patterns other than `day month year` need one kind of separator after the
                // month (`-` or blanks), so only windows with that kind of anchor can hold their matches.
                if gates & mask == 0 {
                    continue;
                }
                let mut at = lo;
                loop {
                    // A match starting at `at` or later holds an anchor of the pattern's gate whose key
                    // lies after `at`, and lies in that anchor's span; with no such anchor there is
                    // no match, and the search needs to cover only those anchors' spans.
                    let (mut from, mut to) = (usize::MAX, 0);
                    for anchor in anchors {
                        if anchor.key > at && anchor.gates & mask != 0 {
                            from = from.min(anchor.lo);
                            to = to.max(anchor.hi);
                        }
                    }
                    if to == 0 {
                        break;
                    }
                    // A span ends before a byte that is not an ASCII word character, so `\b` sees the
                    // same at its end as in the whole text; before its start the regex sees the text.
                    let Some(m) = regex.find_at(&text[..to], at.max(from)) else {
                        break;
                    };
                    at = m.end;
                    self.check(text, bytes, pattern, m.start, m.end, *score, ctx, results);
                }
            }
        }
    }

    /// Applies the checks after a pattern's match and pushes it when it passes.
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        text: &str,
        bytes: &[u8],
        pattern: &str,
        start: usize,
        end: usize,
        score: f64,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) {
        let value = &text[start..end];
        // Part of a longer dotted/dashed number (versions, IPs, phone numbers).
        let glued_before = start >= 2
            && matches!(bytes[start - 1], b'.' | b'-' | b'/' | b':')
            && bytes[start - 2].is_ascii_digit();
        let glued_after = end + 1 < bytes.len()
            && matches!(bytes[end], b'.' | b'-' | b'/' | b':')
            && bytes[end + 1].is_ascii_digit();
        if glued_before || glued_after {
            return;
        }
        if pattern == "numeric" && !numeric_ok(value) {
            return;
        }
        // `3.6.21`, `10.4.36`: dotted triples with a two-digit year are usually versions; a date in that
        // form pads day and month (`07.03.23`) and is not announced as a version.
        if pattern == "numeric" && value.contains('.') {
            let short_year = value
                .split('.')
                .nth(2)
                .is_some_and(|y| y.bytes().take_while(u8::is_ascii_digit).count() == 2);
            let padded = value.split('.').take(2).all(|p| p.len() == 2);
            if (short_year && !padded)
                || super::cue::cue_before(text, start, 2, super::cue::VERSION_WORDS)
            {
                return;
            }
        }
        if is_log_timestamp(text, start, value) {
            return;
        }
        results.push(
            RecognizerResult::new(
                self.entities[0].clone(),
                start,
                end,
                score,
                self.name.clone(),
            )
            .explained(ctx, pattern),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let ents = [EntityType::DATE_TIME];
        date()
            .analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.sort_by_key(|r| (r.start, r.end));
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    /// The dates every gate must let through, in every case the regexes accept.
    #[test]
    fn gates_pass_dates_in_any_case() {
        for (text, date) in [
            ("on 5. März 2024 ok", "5. März 2024"),
            ("on 5. MÄRZ 2024 ok", "5. MÄRZ 2024"),
            ("le 3 DÉCEMBRE 2023", "3 DÉCEMBRE 2023"),
            ("le 3 décembre 2023", "3 décembre 2023"),
            ("le 15 AOÛT 2021", "15 AOÛT 2021"),
            ("le 15 août 2021", "15 août 2021"),
            ("on 1 oct 2020", "1 oct 2020"),
            ("on 1 OCT. 2020", "1 OCT. 2020"),
            // Kelvin sign and long s: Unicode case folding matches them to `k` and `s`.
            ("am 1 o\u{212A}t 2020", "1 o\u{212A}t 2020"),
            ("on 1 \u{17F}ept 2020", "1 \u{17F}ept 2020"),
            ("el 5 de mayo de 2024", "5 de mayo de 2024"),
            ("21-Mar-24 at noon", "21-Mar-24"),
            ("21-mar-2024 15:00", "21-mar-2024 15:00"),
            ("See you July 4, 1976", "July 4, 1976"),
            ("Thu, Oct 26, 2023", "Thu, Oct 26, 2023"),
            ("since July 2022.", "July 2022"),
            ("on 2024-03-05.", "2024-03-05"),
            ("on 12/01/1969.", "12/01/1969"),
            ("on 14.05.2023.", "14.05.2023"),
            ("on 2024/3/5.", "2024/3/5"),
            ("exp 09/2021.", "09/2021"),
        ] {
            assert!(find(text).contains(&date), "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn log_field_keys_ignore_case_without_allocating() {
        assert!(ends_with_ignore_ascii_case(
            b"Visit DATE AND TIME",
            b"date and time"
        ));
        assert!(!ends_with_ignore_ascii_case(b"and time", b"date and time"));
        assert!(!ends_with_ignore_ascii_case(
            "Visit date and tim\u{e9}".as_bytes(),
            b"date and time"
        ));
        let text = "TimeStamp=\"2024-03-05 10:00\" ok";
        assert!(is_log_timestamp(text, 11, "2024-03-05 10:00"));
        let text = "Date and Time: 2024-03-05 10:00 ok";
        assert!(!is_log_timestamp(text, 15, "2024-03-05 10:00"));
        let text = "Datum: 2024-03-05 10:00 ok";
        assert!(!is_log_timestamp(text, 7, "2024-03-05 10:00"));
    }

    /// The log timestamp test as it was written on `str`s (character splits and trims), for comparison.
    fn is_log_timestamp_by_chars(text: &str, start: usize, value: &str) -> bool {
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let prefix = &text[line_start..start];
        let has_seconds = value.matches(':').count() >= 2;
        if has_seconds
            && prefix
                .trim_start()
                .trim_start_matches(['[', '('])
                .is_empty()
        {
            return true;
        }
        let before = prefix.trim_end_matches(['"', '\'', ' ', '=', ':']);
        let key = before
            .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@'))
            .next()
            .unwrap_or("");
        if before[..before.len() - key.len()].ends_with(['/', '&'])
            || (before.len() >= 13
                && before.as_bytes()[before.len() - 13..].eq_ignore_ascii_case(b"date and time"))
        {
            return false;
        }
        [
            "ts",
            "time",
            "timestamp",
            "@timestamp",
            "logged_at",
            "log_time",
            "asctime",
        ]
        .iter()
        .any(|k| key.eq_ignore_ascii_case(k))
    }

    /// The byte-wise log timestamp test agrees with the character-wise one on generated lines of field
    /// names, quotes, separators and other words before a date-time with and without seconds.
    #[test]
    fn log_timestamp_bytes_agree_with_chars() {
        let pieces: &[&str] = &[
            "ts",
            "TS",
            "time",
            "Timestamp",
            "@timestamp",
            "logged_at",
            "LOG_TIME",
            "asctime",
            "date",
            "Date and Time",
            "date and tim\u{e9}",
            "x",
            "\u{e9}ts",
            "_",
            "@",
            "/",
            "&",
            "\"",
            "'",
            " ",
            "=",
            ":",
            "\n",
            "[",
            "(",
            "\u{a0}",
            "on",
            "at",
            "\u{212a}",
            "1",
            "\t",
        ];
        let values = [
            "2024-03-05 10:00",
            "2024-03-05 10:00:07",
            "Mon, 22 Jul 2024 19:15:34",
        ];
        let mut rng = crate::test_rng::XorShift::new(0x1234_5678_9ABC_DEF1);
        let (mut logs, mut total) = (0, 0);
        for _ in 0..30_000 {
            let mut text = rng.text(pieces, 6);
            let start = text.len();
            let value = values[rng.below(values.len())];
            text.push_str(value);
            text.push_str(" ok");
            let expected = is_log_timestamp_by_chars(&text, start, value);
            assert_eq!(is_log_timestamp(&text, start, value), expected, "{text:?}");
            logs += usize::from(expected);
            total += 1;
        }
        assert!(logs > 1_000 && logs < total, "{logs} {total}");
    }

    #[test]
    fn numeric_parts_form_a_day_and_month() {
        assert!(numeric_ok("31/12/2024"));
        assert!(numeric_ok("12/31/2024 10:00"));
        assert!(!numeric_ok("13/13/2024"));
        assert!(!numeric_ok("12/31"));
        assert!(!numeric_ok("99999999999/1/2024"));
    }

    #[test]
    fn numeric_shapes() {
        let s = NumericShapes::scan("2024-03-05");
        assert!(s.iso && !s.numeric);
        // One or two digits first, two or a year last, on word boundaries.
        assert!(NumericShapes::scan("12-05-2023").numeric);
        assert!(NumericShapes::scan("(1.2.21)").numeric);
        for no in [
            "192.168.1.1",
            "1.2.3",
            "12-05-1234",
            "a1/2/24",
            "1/2/24b",
            "1/2/245",
        ] {
            assert!(!NumericShapes::scan(no).numeric, "{no}");
        }
        let s = NumericShapes::scan("3/5/24 and 09/2021");
        assert!(s.numeric && s.slashes && s.month_year && !s.iso);
        assert_eq!(
            NumericShapes::scan("v3.5, 555-1234, 1/123/4"),
            NumericShapes::default()
        );
        // Unicode digits are `\d` too.
        assert!(NumericShapes::scan("1/\u{663}/24").slashes);
    }

    #[test]
    fn month_gate() {
        for yes in [
            "5 mar 2024",
            "Mar. 5",
            "mayo, 2024",
            "MAI  2",
            "mars de 2024",
            "5-aug-24",
            "5-aug-\u{663}\u{664}",
            "augu\u{17F}tu\u{17F} 2",
            "märz\t7",
            "Sept., 5",
            "1 DÉC.-24",
            "xx marchmar 5",
            "gennaio 5",
        ] {
            assert!(has_month_then_digit(yes), "{yes}");
        }
        for no in [
            "may be",
            "market 2024",
            "mar,2024",
            "set de x",
            "2 days ago",
            "octane 5x",
        ] {
            assert!(!has_month_then_digit(no), "{no}");
        }
        assert!(!has_month_then_digit("mar,2024 ago."));
    }

    /// Text made of pieces of dates, numbers, month and weekday names in several cases and scripts,
    /// separators and words, in random order: a deterministic xorshift generator.
    fn random_texts(n: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "2",
            "3",
            "5",
            "9",
            "12",
            "2024",
            "1999",
            "31",
            "07",
            "19",
            "00",
            "+",
            "-",
            "/",
            ".",
            ":",
            " ",
            "  ",
            "\t",
            "\n",
            ",",
            "x",
            "a",
            "Z",
            "de ",
            "de",
            "à ",
            "at ",
            "pm",
            "AM",
            "UTC",
            "T",
            "st",
            "th",
            "er",
            "º",
            "\u{663}",
            "é",
            "日",
            "_",
            "v",
            "version ",
            "ts=",
            "[",
            "Jan",
            "january",
            "JUNE",
            "März",
            "MÄRZ",
            "août",
            "DÉC",
            "déc",
            "sept",
            "mayo",
            "May",
            "Mon",
            "monday",
            "Thu,",
            "mardi",
            "Sábado",
            "o\u{212A}t",
            "\u{17F}ept",
            "number ",
            "12/01/1969",
            "2024-03-05",
            "14.05.2023",
            "09/2021",
            "5 mar 2024",
            "July 4, 1976",
            "21-Mar-24",
            "Mon, 22 Jul 2024 19:15:34 +0200",
            "2024/3/5",
            "10:02:33",
            "3.6.21",
            "1/\u{663}/24",
            "\u{663}\u{664}",
            "(",
            ")",
            "\"",
            ";",
            "=",
            "Thu Oct 26 10:00:01 2023",
            "Oct 26th, 2023",
            "5th",
            "1st ",
            "jan 5 9:30 2024",
            "1990/",
            "20\u{663}\u{664}/",
            "Nov 3. 1999",
            "07/04/73",
            "1-2-24",
            "31.12.99",
            "4/5/",
            "12.1.",
        ];
        let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
        let mut next = move || rng.next_u64();
        (0..n)
            .map(|_| {
                let pieces = 1 + next() % 30;
                (0..pieces)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    fn spans(text: &str, candidates: &Candidates) -> Vec<(usize, usize, u64)> {
        let ents = [EntityType::DATE_TIME];
        let mut out = Vec::new();
        date().find_in(
            text,
            candidates,
            &RecognizerContext::new(&ents, "en"),
            &mut out,
        );
        out.iter()
            .map(|r| (r.start, r.end, r.score.to_bits()))
            .collect()
    }

    /// What every pattern finds in the whole text, after the checks: the reference for [`spans`].
    fn whole_text_spans(text: &str) -> Vec<(usize, usize, u64)> {
        let ents = [EntityType::DATE_TIME];
        let ctx = RecognizerContext::new(&ents, "en");
        let recognizer = date();
        let mut out = Vec::new();
        for (pattern, _, regex, score) in PATTERNS.iter() {
            for m in regex.plain.find_iter(text) {
                recognizer.check(
                    text,
                    text.as_bytes(),
                    pattern,
                    m.start(),
                    m.end(),
                    *score,
                    &ctx,
                    &mut out,
                );
            }
        }
        out.iter()
            .map(|r| (r.start, r.end, r.score.to_bits()))
            .collect()
    }

    /// Searching the candidate windows finds exactly what every pattern finds in the whole text, and the
    /// candidate pass's gates are those of whole-text scans.
    #[test]
    fn windows_find_what_the_whole_text_finds() {
        let mut texts = random_texts(30_000);
        texts.push("Mon, 22 Jul 2024 19:15:34 +0200 and 5. März 2024 um 14:00".into());
        texts.push(format!("on {} 5 mar 2024", " ".repeat(300)));
        texts.push(format!(
            "March{}5, 2024 then 12/01/1969{}10:00 pm",
            " ".repeat(200),
            "\t".repeat(150)
        ));
        let mut found = 0;
        for text in &texts {
            let candidates = Candidates::find(text, None, Default::default());
            assert_eq!(candidates.shapes, NumericShapes::scan(text), "{text:?}");
            assert_eq!(candidates.written, has_month_then_digit(text), "{text:?}");
            for w in candidates.windows.windows(2) {
                assert!(w[0].1 < w[1].0, "{text:?}");
            }
            let expected = whole_text_spans(text);
            found += expected.len();
            assert_eq!(spans(text, &candidates), expected, "{text:?}");
        }
        assert!(found > 10_000, "{found}");
    }

    /// On an ASCII text, the candidates found from the shared digit-bearing words are the candidates
    /// found by scanning the text for digits: the same shapes, windows and anchors.
    #[test]
    fn candidates_from_digit_words_match_the_scan() {
        let mut texts: Vec<String> = random_texts(30_000)
            .into_iter()
            .filter(|t| t.is_ascii())
            .collect();
        texts.push("id a1b22c333_4 on 5 Mar 2024, v2.3.4-12/01/1969x".into());
        texts.push("_12-05-2024_ 2024-03-05T10:00 Jan 3 12abc/3/2024".into());
        let mut anchors = 0;
        for text in &texts {
            let words = DigitWords::of(text);
            let fast = Candidates::find(text, Some(&words), Default::default());
            let scan = Candidates::find(text, None, Default::default());
            assert_eq!(fast.shapes, scan.shapes, "{text:?}");
            assert_eq!(fast.written, scan.written, "{text:?}");
            assert_eq!(fast.windows, scan.windows, "{text:?}");
            assert_eq!(fast.anchors, scan.anchors, "{text:?}");
            anchors += scan.anchors.len();
        }
        assert!(
            texts.len() > 3_000 && anchors > 3_000,
            "{} {anchors}",
            texts.len()
        );
    }

    /// `word_end` and `blank_free_left` with their step table stop where the byte-by-byte walks stop, on
    /// generated texts from every start and with budgets up to the one the candidates use.
    #[test]
    fn word_end_steps_match_the_walk() {
        fn walk(bytes: &[u8], mut i: usize, mut budget: usize) -> usize {
            while i < bytes.len() {
                let b = bytes[i];
                if !in_date(b) {
                    break;
                }
                if !matches!(b, b' ' | b'\t') {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                }
                i += 1;
            }
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] & 0xC0 == 0x80)
            {
                i += 1;
            }
            i
        }
        fn walk_left(bytes: &[u8], mut i: usize, mut budget: usize) -> usize {
            while i > 0 {
                let b = bytes[i - 1];
                if !in_date(b) {
                    break;
                }
                if !matches!(b, b' ' | b'\t') {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                }
                i -= 1;
            }
            while i > 0 && i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
                i -= 1;
            }
            i
        }
        let (mut stops, mut stops_left) = (0, 0);
        for text in random_texts(3_000) {
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() {
                for budget in [0, 1, 3, 7, DATE_AFTER, WRITTEN_BEFORE + MONTH_INFO.longest] {
                    let expected = walk(bytes, i, budget);
                    assert_eq!(
                        word_end(bytes, i, budget),
                        expected,
                        "{text:?} {i} {budget}"
                    );
                    stops += usize::from(expected < bytes.len());
                    let expected = walk_left(bytes, i, budget);
                    let left = blank_free_left(bytes, i, budget);
                    assert_eq!(left, expected, "{text:?} {i} {budget}");
                    stops_left += usize::from(expected > 0);
                }
            }
        }
        assert!(
            stops > 10_000 && stops_left > 10_000,
            "{stops} {stops_left}"
        );
    }

    /// Every character that `(?i:…)` can match in a month name is covered by the automaton: ASCII letters
    /// by its ASCII case insensitivity, everything else by [`FOLDS`].
    #[test]
    fn folds_cover_unicode_case_folding() {
        let mut alphabet: Vec<char> = MONTHS.chars().filter(|&c| c != '|').collect();
        alphabet.sort_unstable();
        alphabet.dedup();
        let class: String = alphabet
            .iter()
            .map(|c| regex::escape(&c.to_string()))
            .collect();
        let any = regex::Regex::new(&format!("^(?i:[{class}])$")).unwrap();
        let mut buf = [0; 4];
        for other in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            if !any.is_match(other.encode_utf8(&mut buf))
                || alphabet.contains(&other)
                || (other.is_ascii() && alphabet.contains(&other.to_ascii_lowercase()))
            {
                continue;
            }
            let fold = FOLDS.iter().find(|&&(_, v)| v == other);
            assert!(fold.is_some(), "{other:?} matches a month letter");
            let (c, _) = fold.unwrap();
            let one = regex::Regex::new(&format!("^(?i:{c})$")).unwrap();
            assert!(one.is_match(other.encode_utf8(&mut buf)), "{c:?} {other:?}");
        }
    }
}
