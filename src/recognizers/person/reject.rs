//! What a name-like chain can be instead of a person: a date, a place, a street, a firm, a product, a field
//! value that is not a person.

use std::sync::LazyLock;

use super::cues::trim_blanks_and_quotes;
use super::gazetteer::{
    CALENDAR, COMMON, DETERMINER, FIRST, GAZETTEER, GREETING, HONORIFIC, INSTITUTION, LABEL,
    LOCATIVE, PLACE, STREET_BEFORE, STREETS_AFTER, normalize_into,
};
use super::names::{Chain, Kind, Scan, contraction};
use super::tokens::Shape;
use crate::recognizers::hash::WordSet;

/// Words after a name that make it a company (`Johnson Ltd`, `Fields and Sons`).
#[rustfmt::skip]
const ORG_AFTER: &[&str] = &[
    "ltd", "limited", "inc", "llc", "llp", "gmbh", "ag", "plc", "corp", "corporation", "co",
    "company", "group", "bank", "partners", "associates", "sons", "brothers", "holdings",
    "solutions", "industries", "international", "consulting", "services", "systems", "technologies",
    "foundation", "university", "college", "school", "hospital", "clinic", "pharmacy", "hotel",
    "restaurant", "law", "realty", "insurance", "motors", "labs", "studio", "studios", "media",
    "capital", "kg", "sa", "srl", "spa", "bv", "nv", "sarl", "sas", "pty", "pvt", "street", "st",
    "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "court", "ct", "boulevard", "blvd",
    "way", "place", "pl", "square", "sq", "terrace", "crescent", "close", "park", "hill", "gardens",
    "heights", "estates", "plains", "village", "villages", "fields", "shoals", "locks", "ports",
    "unions", "summit", "springs", "station", "airport", "centre", "center", "mall", "building",
    "tower", "county", "city", "valley", "river", "lake", "mountain", "island", "islands",
    "strasse", "straße", "str", "weg", "platz", "gasse", "allee", "ring",
];

static ORG_AFTER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ORG_AFTER));
static STREETS_AFTER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STREETS_AFTER));
static BRAND_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(BRANDS));
/// The first word of each brand.
static BRAND_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    let heads: Vec<&'static str> = BRANDS
        .iter()
        .map(|b| b.split(' ').next().unwrap_or(b))
        .collect();
    WordSet::new(&heads)
});

/// Companies and brands named like people.
#[rustfmt::skip]
const BRANDS: &[&str] = &[
    "wells fargo", "morgan stanley", "goldman sachs", "charles schwab", "dow jones", "ernst young",
    "ralph lauren", "calvin klein", "louis vuitton", "tommy hilfiger", "hugo boss", "john lewis",
    "harvey nichols", "mary kay", "jack daniels", "marks spencer", "johnson johnson", "ben jerry",
    "dolce gabbana", "estee lauder", "kate spade", "michael kors", "tory burch", "tim hortons",
    "taco bell", "jimmy choo", "ted baker", "paul smith", "hewlett packard", "rolls royce",
    "mercedes benz", "harley davidson", "aston martin", "alfa romeo", "edward jones",
    "raymond james", "charles river", "thomson reuters", "john deere", "procter gamble", "wendy",
    "arby", "dunkin", "lloyds", "barclays", "santander", "hsbc",
];

impl Scan<'_> {
    /// `May 9`, `9 May 2024`, `Jan 18`: a month next to a number.
    pub(super) fn is_date_part(&self, c: Chain) -> bool {
        let cal = |i: usize| self.words[i].flags & CALENDAR != 0;
        let after = || {
            self.text[self.tokens[c.last].end..]
                .trim_start_matches([' ', '.', ','])
                .starts_with(|ch: char| ch.is_ascii_digit())
        };
        let before = || {
            self.text[..self.tokens[c.first].start]
                .trim_end_matches([' ', '.', ','])
                .ends_with(|ch: char| ch.is_ascii_digit())
        };
        cal(c.last) && after() || cal(c.first) && before()
    }

    /// `"city": "Leeds"`, `<City>Breda</City>`, `employer: Wright`: the value of a field that is not a person.
    pub(super) fn field_of_thing(&self, c: Chain) -> bool {
        let Some(p) = self.prev_on_line(c.first) else {
            return false;
        };
        // What is left after trimming is a separator only if the gap holds one.
        if !self
            .gap_bytes(p, c.first)
            .iter()
            .any(|b| matches!(b, b':' | b'=' | b'>'))
        {
            return false;
        }
        let gap = trim_blanks_and_quotes(self.gap(p, c.first), "\"'“”‘’\\`");
        if !matches!(gap, ":" | "=" | ">" | ":=" | "=>") {
            return false;
        }
        matches!(
            self.key(p),
            "city"
                | "town"
                | "state"
                | "country"
                | "county"
                | "region"
                | "province"
                | "street"
                | "address"
                | "line"
                | "company"
                | "employer"
                | "bank"
                | "organization"
                | "organisation"
                | "org"
                | "business"
                | "merchant"
                | "vendor"
                | "hotel"
                | "hospital"
                | "clinic"
                | "practice"
                | "pharmacy"
                | "school"
                | "university"
                | "brand"
                | "product"
                | "plan"
                | "carrier"
                | "location"
                | "place"
                | "venue"
                | "stadt"
                | "ort"
                | "ville"
                | "ciudad"
                | "città"
                | "citta"
                | "land"
                | "pays"
                | "país"
                | "paese"
                | "locality"
                | "suburb"
                | "district"
                | "where"
                | "site"
        )
    }

    /// A multi-word place (`New York`, `San Diego`) — its words are names, together they are a place.
    pub(super) fn is_place(&self, c: Chain) -> bool {
        if c.first == c.last {
            return false;
        }
        let mut key = self.scratch.borrow_mut();
        key.clear();
        for i in c.first..=c.last {
            if i > c.first {
                key.push(' ');
            }
            let word = self.word(i);
            if self.tokens[i].ascii {
                let from = key.len();
                key.push_str(word);
                key[from..].make_ascii_lowercase();
            } else {
                key.extend(word.chars().flat_map(char::to_lowercase));
            }
            // No place or brand starts with the first word: the whole key is neither.
            if i == c.first && !GAZETTEER.may_start_place(&key) && !BRAND_HEADS.contains(&key) {
                return false;
            }
        }
        GAZETTEER.flags(&key) & PLACE != 0 || BRAND_SET.contains(&key)
    }

    /// A company or street word right after the chain (`Johnson Ltd`, `Elizabeth Unions`).
    pub(super) fn org_follows(&self, c: Chain) -> bool {
        let n = c.last + 1;
        if n >= self.tokens.len() || !matches!(self.gap_bytes(c.last, n), b" " | b", " | b" & ") {
            return false;
        }
        self.tokens[n].shape != Shape::Lower && ORG_AFTER_SET.contains(self.key(n))
            || self.word(n) == "and"
                && self
                    .tokens
                    .get(n + 1)
                    .is_some_and(|_| ORG_AFTER_SET.contains(self.key(n + 1)))
    }

    /// A street or settlement: `846 Quinn Footway`, `Leanne Trail`, `Avenida Manuela Castañeda`,
    /// `Trude-Schaaf-Allee`.
    pub(super) fn street(&self, c: Chain) -> bool {
        let last = self.key(c.last);
        let head = self.key(c.first);
        let compass = c.last == c.first + 1
            && self.words[c.last].flags & FIRST != 0
            && matches!(
                head,
                "east"
                    | "west"
                    | "north"
                    | "south"
                    | "lake"
                    | "port"
                    | "fort"
                    | "mount"
                    | "new"
                    | "upper"
                    | "lower"
                    | "great"
                    | "little"
            );
        if compass {
            return true;
        }
        // The part after the last hyphen: `Trude-Schaaf-Allee`. A key holds a hyphen only when its word
        // does (lower-casing makes none).
        let suffix = || {
            self.tokens[c.last]
                .hyphen
                .then(|| last.rfind('-').map(|p| &last[p + 1..]))
                .flatten()
        };
        if c.last > c.first && STREETS_AFTER_SET.contains(last)
            || suffix().is_some_and(|suffix| STREETS_AFTER_SET.contains(suffix))
        {
            return true;
        }
        // A street type before, possibly with particles: `Urbanización de Mar Machado`.
        let mut p = c.first;
        while let Some(q) = self.prev_on_line(p) {
            if !matches!(self.gap_bytes(q, p), b" " | b". ") {
                break;
            }
            if self.words[q].flags & STREET_BEFORE != 0 {
                return true;
            }
            if self.words[q].kind != Kind::Particle || c.first - q > 3 {
                break;
            }
            p = q;
        }
        // A house number right before: `846 Quinn Footway`, `Flat 15, Leanne Trail`.
        let before = &self.text[..self.tokens[c.first].start];
        let digit_then = |sep: &str| {
            // Quick exit: the number, the ASCII alphanumerics right before `sep`, is empty.
            let n = before.len();
            let bytes = before.as_bytes();
            if n <= sep.len() || !bytes[n - sep.len() - 1].is_ascii_alphanumeric() {
                return false;
            }
            before.strip_suffix(sep).is_some_and(|b| {
                // ASCII alphanumerics are single bytes, and no byte of a longer character is one.
                let head_len = b
                    .bytes()
                    .rposition(|ch| !ch.is_ascii_alphanumeric())
                    .map_or(0, |i| i + 1);
                let (head, num) = b.split_at(head_len);
                let year = num.len() == 4 && (num.starts_with("19") || num.starts_with("20"));
                num.starts_with(|ch: char| ch.is_ascii_digit())
                    && !year
                    && head
                        .chars()
                        .next_back()
                        .is_none_or(|ch| ch.is_whitespace() || ch == ',' || ch == '(')
            })
        };
        digit_then(" ") || digit_then(", ")
    }

    /// `Ospedale San Camillo`, `Royal Raleigh Infirmary`, `St. Luke's`: an institution word next to the chain.
    pub(super) fn institution_near(&self, c: Chain) -> bool {
        let near = |i: usize, j: usize| {
            self.words[i].flags & INSTITUTION != 0
                && self.tokens[i].shape != Shape::Lower
                && matches!(self.gap_bytes(i.min(j), i.max(j)), b" " | b". ")
        };
        c.first.checked_sub(1).is_some_and(|p| near(p, c.first))
            || (c.last + 1 < self.tokens.len() && near(c.last + 1, c.last))
    }

    /// `Smith Trailer`, `Quinn Footway`, `Waypoint Mobile`: the chain modifies a capitalised common noun,
    /// so it names a street, a product or a company. Also `Archer AX55` (a model number follows).
    pub(super) fn modifier_of_noun(&self, c: Chain) -> bool {
        let n = c.last + 1;
        let end = self.tokens[c.last].end;
        if c.first == c.last
            && self.text[end..].strip_prefix(' ').is_some_and(|r| {
                let w: &str = r.split([' ', ',', '\n']).next().unwrap_or("");
                w.chars().any(|ch| ch.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
            })
        {
            return true;
        }
        if n >= self.tokens.len() || self.gap_bytes(c.last, n) != b" " {
            return false;
        }
        let t = self.tokens[n];
        let w = self.words[n];
        t.shape == Shape::Title
            && w.kind == Kind::Other
            && w.flags & COMMON != 0
            && w.flags & (CALENDAR | GREETING | LABEL | HONORIFIC | DETERMINER | LOCATIVE) == 0
            && !t.glued
            && !self.sentence_initial(Chain { first: n, last: n })
            && !(t.quote && contraction(self.word(n)))
            && !matches!(self.word(n), "I" | "And" | "Or" | "But")
    }

    /// `24125 Roma`, `Genova,Italy`, `Cairns QLD`, `Charlotte, NC`: a single word inside an address.
    pub(super) fn address_context(&self, c: Chain) -> bool {
        let start = self.tokens[c.first].start;
        let end = self.tokens[c.last].end;
        let before = self.text[..start].trim_end_matches(' ');
        if before.ends_with(|ch: char| ch.is_ascii_digit()) && start - before.len() == 1 {
            return true;
        }
        let after = self.text[end..].trim_start_matches([',', ' ']);
        let next: &str = after
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        // Looked up only when a comma or space came off after the chain and neither test before it holds.
        let region = || {
            let mut key = self.scratch.borrow_mut();
            normalize_into(next, &mut key);
            GAZETTEER.flags(&key) & PLACE != 0
        };
        let abbrev =
            (2..=3).contains(&next.len()) && next.chars().all(|ch| ch.is_ascii_uppercase());
        let postcode = next.len() >= 4 && next.chars().all(|ch| ch.is_ascii_digit());
        !next.is_empty() && (abbrev || postcode || after.len() < self.text.len() - end && region())
    }
}
