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

use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::catalog::{Languages, Spec};
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

static PATTERNS: LazyLock<Vec<(&'static str, Regex, f64)>> = LazyLock::new(|| {
    let b = r"(?-u:\b)";
    let month = format!(r"(?i:{MONTHS})\.?");
    let weekday = format!(r"{b}(?:(?i:{WEEKDAYS})\.?,?[ \t]+)?");
    let day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|\.|º)?";
    let year = r"(?:1[89]\d\d|20\d\d)";
    let specs: Vec<(&str, String, f64)> = vec![
        (
            "iso",
            format!(
                r"{b}{year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{{1,9}})?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?{b}"
            ),
            0.6,
        ),
        (
            "numeric",
            format!(
                r"{b}(?:\d{{1,2}}/\d{{1,2}}/|\d{{1,2}}\.\d{{1,2}}\.|\d{{1,2}}-\d{{1,2}}-)(?:{year}|\d{{2}}){b}{TIME}"
            ),
            0.5,
        ),
        (
            "year-first slashes",
            format!(r"{b}{year}/\d{{1,2}}/\d{{1,2}}{b}{TIME}"),
            0.5,
        ),
        (
            "month/year",
            format!(r"{b}(?:0[1-9]|1[0-2])/{year}{b}"),
            0.5,
        ),
        (
            "day month year",
            format!(
                r"{weekday}{b}{day}[ \t]*(?:de[ \t]+)?{month}(?:,?[ \t]+(?:de[ \t]+)?|-){year}{b}{TIME}"
            ),
            0.6,
        ),
        (
            "month day year",
            format!(r"{weekday}{b}{month}[ \t]+{day},?[ \t]+{year}{b}{TIME}"),
            0.6,
        ),
        (
            "day-mon-year",
            format!(r"{b}{day}-{month}-(?:{year}|\d{{2}}){b}{TIME}"),
            0.6,
        ),
        (
            "weekday mon day time year",
            format!(
                r"{b}(?i:{WEEKDAYS})[ \t]+{month}[ \t]+{day}[ \t]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]+{year}(?:[ \t]+[+-]\d{{4}})?{b}"
            ),
            0.6,
        ),
        ("month year", format!(r"{b}{month}[ \t]+{year}{b}"), 0.5),
        (
            "month day",
            format!(
                r"{b}(?:(?:{WEEKDAYS_CAP}),?[ \t]+)?(?:{MONTHS_CAP})[ \t]+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b){TIME}"
            ),
            0.5,
        ),
    ];
    specs
        .into_iter()
        .map(|(n, p, s)| {
            (
                n,
                Regex::new(&p).expect("constant date pattern compiles"),
                s,
            )
        })
        .collect()
});

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
    let parts: Vec<u32> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .filter_map(|p| p.parse().ok())
        .collect();
    let [a, b, _] = parts[..] else {
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
    // `Date/time:`, `Date & time:` are form labels, not log fields.
    if before[..before.len() - key.len()].ends_with(['/', '&'])
        || before.to_ascii_lowercase().ends_with("date and time")
    {
        return false;
    }
    let key = key.to_ascii_lowercase();
    matches!(
        key.as_str(),
        "ts" | "time" | "timestamp" | "@timestamp" | "logged_at" | "log_time" | "asctime"
    )
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
        let bytes = text.as_bytes();
        for (pattern, regex, score) in PATTERNS.iter() {
            for m in regex.find_iter(text) {
                let (start, end) = (m.start(), m.end());
                let value = m.as_str();
                // Part of a longer dotted/dashed number (versions, IPs, phone numbers).
                let glued_before = start >= 2
                    && matches!(bytes[start - 1], b'.' | b'-' | b'/' | b':')
                    && bytes[start - 2].is_ascii_digit();
                let glued_after = end + 1 < bytes.len()
                    && matches!(bytes[end], b'.' | b'-' | b'/' | b':')
                    && bytes[end + 1].is_ascii_digit();
                if glued_before || glued_after {
                    continue;
                }
                if *pattern == "numeric" && !numeric_ok(value) {
                    continue;
                }
                // `3.6.21`, `10.4.36`: dotted triples with a two-digit year are usually versions; a date
                // in that form pads day and month (`07.03.23`) and is not announced as a version.
                if *pattern == "numeric" && value.contains('.') {
                    let short_year = value
                        .split('.')
                        .nth(2)
                        .is_some_and(|y| y.bytes().take_while(u8::is_ascii_digit).count() == 2);
                    let padded = value.split('.').take(2).all(|p| p.len() == 2);
                    if (short_year && !padded)
                        || super::cue::cue_before(text, start, 2, super::cue::VERSION_WORDS)
                    {
                        continue;
                    }
                }
                if is_log_timestamp(text, start, value) {
                    continue;
                }
                results.push(
                    RecognizerResult::new(
                        self.entities[0].clone(),
                        start,
                        end,
                        *score,
                        self.name.clone(),
                    )
                    .explained(ctx, pattern),
                );
            }
        }
        Ok(())
    }
}
