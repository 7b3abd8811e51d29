//! NRP: nationalities, religious and political groups, from a small curated list.
//!
//! Presidio gets NRP from spaCy's `NORP` label. This recognizer finds the same kind of words with one
//! pass over a list of demonyms, religions and parties (the list looked up only at capital letters that start an entry), case-sensitive (`Catholic`, not
//! `catholic` taste), and rejects the usual collisions: a word that is part of a longer capitalised name
//! (`Christian Hill`, `American Express`, `French-Sweeney`) and a language use (`in French`,
//! `Spanish translation`).

use std::sync::{Arc, LazyLock};

use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

const NAME: &str = "NrpRecognizer";
/// Score of a match: moderate, since a group word is personal data only next to a person.
const SCORE: f64 = 0.5;

/// Demonyms, religions and political groups (singular and plural).
#[rustfmt::skip]
const GROUPS: &[&str] = &[
    // nationalities and demonyms
    "American", "Americans", "British", "Brits", "English", "Scottish", "Scots", "Welsh", "Irish",
    "German", "Germans", "French", "Spanish", "Spaniards", "Italian", "Italians", "Dutch",
    "Portuguese", "Greek", "Greeks", "Swiss", "Austrian", "Austrians", "Belgian", "Belgians",
    "Swedish", "Swedes", "Norwegian", "Norwegians", "Danish", "Danes", "Finnish", "Finns", "Polish",
    "Poles", "Czech", "Czechs", "Slovak", "Hungarian", "Hungarians", "Romanian", "Romanians",
    "Bulgarian", "Bulgarians", "Croatian", "Serbian", "Serbs", "Russian", "Russians", "Ukrainian",
    "Ukrainians", "Turkish", "Turks", "Kurdish", "Kurds", "Chinese", "Japanese", "Korean",
    "Koreans", "Vietnamese", "Thai", "Filipino", "Filipinos", "Filipina", "Indonesian",
    "Indonesians", "Malaysian", "Malaysians", "Indian", "Indians", "Pakistani", "Pakistanis",
    "Bangladeshi", "Bangladeshis", "Sri Lankan", "Nepali", "Nepalese", "Afghan", "Afghans",
    "Iranian", "Iranians", "Persian", "Iraqi", "Iraqis", "Syrian", "Syrians", "Lebanese", "Israeli",
    "Israelis", "Palestinian", "Palestinians", "Saudi", "Saudis", "Emirati", "Egyptian",
    "Egyptians", "Moroccan", "Moroccans", "Algerian", "Algerians", "Tunisian", "Nigerian",
    "Nigerians", "Kenyan", "Kenyans", "Ghanaian", "Ghanaians", "Ethiopian", "Ethiopians", "Somali",
    "Somalis", "South African", "South Africans", "Australian", "Australians", "New Zealander",
    "Canadian", "Canadians", "Mexican", "Mexicans", "Brazilian", "Brazilians", "Argentine",
    "Argentinian", "Argentinians", "Chilean", "Chileans", "Colombian", "Colombians", "Peruvian",
    "Peruvians", "Venezuelan", "Venezuelans", "Cuban", "Cubans", "Jamaican", "Jamaicans", "Haitian",
    "Haitians", "Latino", "Latina", "Latinos", "Latinas", "Hispanic", "Hispanics", "Arab", "Arabs",
    "European", "Europeans", "African", "Africans", "Asian", "Asians",
    // religions
    "Christian", "Christians", "Catholic", "Catholics", "Roman Catholic", "Protestant",
    "Protestants", "Muslim", "Muslims", "Islamic", "Jewish", "Jew", "Jews", "Hindu", "Hindus",
    "Buddhist", "Buddhists", "Sikh", "Sikhs", "Jain", "Jains", "Mormon", "Mormons", "Evangelical",
    "Evangelicals", "Lutheran", "Lutherans", "Methodist", "Methodists", "Anglican", "Anglicans",
    "Presbyterian", "Presbyterians", "Baptist", "Baptists", "Quaker", "Quakers", "Sunni", "Sunnis",
    "Shia", "Shiite", "Shiites", "Taoist", "Zoroastrian", "Rastafarian", "Atheist", "Atheists",
    "Agnostic", "Jehovah's Witness", "Jehovah's Witnesses",
    // political groups
    "Democrat", "Democrats", "Democratic Party", "Republican", "Republicans", "Republican Party",
    "GOP", "Labour Party", "Tory", "Tories", "Conservative Party", "Liberal Democrats", "Lib Dems",
    "Green Party", "Communist", "Communists", "Communist Party", "Socialist", "Socialists",
    "Libertarian", "Libertarians", "Nazi", "Nazis", "Neo-Nazi", "Fascist", "Fascists",
];

/// Words before a demonym that make it a language (`in French`, `speaks German`).
#[rustfmt::skip]
const LANGUAGE_BEFORE: &[&str] = &[
    "in", "into", "to", "speak", "speaks", "spoke", "speaking", "translate", "translated", "learn",
    "learning", "fluent", "native",
];
/// Words after a demonym that make it a language, cuisine or product.
#[rustfmt::skip]
const THING_AFTER: &[&str] = &[
    "translation", "version", "language", "keyboard", "text", "subtitles", "locale", "speaker",
    "speakers", "fries", "toast", "food", "cuisine", "restaurant", "breakfast", "press", "horn",
    "style", "layout",
];

/// The entries grouped by their first two bytes, longest first within a group.
struct Buckets {
    /// Entries sorted by first two bytes, then by length, longest first.
    entries: Vec<&'static [u8]>,
    /// For a first byte `b0` (an ASCII capital) and an ASCII second byte `b1`, the range of `entries`
    /// starting with them, at `(b0 - b'A') * 128 + b1`.
    ranges: Vec<(u16, u16)>,
    /// For each entry, its first eight bytes (fewer when shorter) in a little-endian word and the mask of
    /// those bytes: a text that does not hold them masked cannot start with the entry.
    heads: Vec<(u64, u64)>,
}

static BUCKETS: LazyLock<Buckets> = LazyLock::new(|| {
    let mut entries: Vec<&'static [u8]> = GROUPS.iter().map(|g| g.as_bytes()).collect();
    debug_assert!(
        entries
            .iter()
            .all(|e| e.len() >= 2 && e[0].is_ascii_uppercase() && e[1].is_ascii())
    );
    entries.sort_by(|a, b| a[..2].cmp(&b[..2]).then(b.len().cmp(&a.len())));
    let mut ranges = vec![(0u16, 0u16); 26 * 128];
    for (i, e) in entries.iter().enumerate() {
        let slot = &mut ranges[usize::from(e[0] - b'A') * 128 + usize::from(e[1])];
        // `i` is below the list's length, a few hundred.
        let i = i as u16;
        if slot.0 == slot.1 {
            *slot = (i, i + 1);
        } else {
            slot.1 = i + 1;
        }
    }
    let heads = entries
        .iter()
        .map(|e| {
            let n = e.len().min(8);
            (first_eight(e), u64::MAX >> (64 - 8 * n))
        })
        .collect();
    Buckets {
        entries,
        ranges,
        heads,
    }
});

/// The first eight bytes of `bytes` (fewer when shorter, the rest zero) in a little-endian word.
#[inline]
fn first_eight(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(word)
}

impl Buckets {
    /// The entries that may start at `i` (an ASCII capital letter), longest first, as a range of
    /// `entries`.
    #[inline]
    fn range_at(&self, bytes: &[u8], i: usize) -> std::ops::Range<usize> {
        match bytes.get(i + 1) {
            Some(&next) if next < 0x80 => {
                let (from, to) =
                    self.ranges[usize::from(bytes[i] - b'A') * 128 + usize::from(next)];
                usize::from(from)..usize::from(to)
            }
            _ => 0..0,
        }
    }

    /// The entries that may start at `i` (an ASCII capital letter), longest first.
    #[inline]
    fn at(&self, bytes: &[u8], i: usize) -> &[&'static [u8]] {
        &self.entries[self.range_at(bytes, i)]
    }

    /// The longest entry that `rest` starts with (its first byte an ASCII capital letter): the entries of
    /// its bucket compared on their first eight bytes in one word, then in full.
    #[inline]
    fn longest_at_start(&self, rest: &[u8]) -> Option<&'static [u8]> {
        let head = first_eight(rest);
        self.range_at(rest, 0)
            .find(|&k| {
                let (bytes, mask) = self.heads[k];
                head & mask == bytes && rest.starts_with(self.entries[k])
            })
            .map(|k| self.entries[k])
    }
}

/// Byte mask with only the high bit of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// One in each byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` that is an ASCII capital letter, eight bytes at a time.
#[inline]
fn capitals(x: u64) -> u64 {
    let low = x & !HIGH;
    // The high bit is set where `low >= b'A'` and where `low > b'Z'`; no byte carries into the next.
    let at_least_a = low + ONES * u64::from(0x80 - b'A');
    let past_z = low + ONES * u64::from(0x80 - b'Z' - 1);
    at_least_a & !past_z & !x & HIGH
}

/// The first position at or after `from` where an entry of [`GROUPS`] may start: an ASCII capital letter
/// whose next byte continues some entry.
fn next_candidate(buckets: &Buckets, bytes: &[u8], mut from: usize) -> Option<usize> {
    while from + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[from..from + 8]);
        let mut mask = capitals(u64::from_le_bytes(word));
        while mask != 0 {
            let i = from + (mask.trailing_zeros() / 8) as usize;
            if !buckets.at(bytes, i).is_empty() {
                return Some(i);
            }
            mask &= mask - 1;
        }
        from += 8;
    }
    (from..bytes.len()).find(|&i| bytes[i].is_ascii_uppercase() && !buckets.at(bytes, i).is_empty())
}

/// The matches of [`GROUPS`] in `text`, leftmost-longest and not overlapping (as an unanchored
/// leftmost-longest Aho-Corasick search gives), looked for only where a candidate starts.
fn matches(text: &str, mut on_match: impl FnMut(usize, usize)) {
    let buckets = &*BUCKETS;
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(s) = next_candidate(buckets, bytes, at) {
        match buckets.longest_at_start(&bytes[s..]) {
            Some(e) => {
                on_match(s, s + e.len());
                at = s + e.len();
            }
            None => at = s + 1,
        }
    }
}

/// `NrpRecognizer`: nationalities, religions and political groups (`NRP`) from a curated list, score 0.5.
pub struct NrpRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
}

impl Default for NrpRecognizer {
    fn default() -> Self {
        NrpRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::NRP],
        }
    }
}

/// The predefined NRP recognizer.
pub fn nrp() -> NrpRecognizer {
    NrpRecognizer::default()
}

fn word_before(text: &str, pos: usize) -> &str {
    let head = text[..pos].trim_end_matches(' ');
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

fn word_after(text: &str, pos: usize) -> &str {
    let tail = text[pos..].trim_start_matches(' ');
    let end = tail
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(tail.len());
    &tail[..end]
}

impl Recognizer for NrpRecognizer {
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
        matches(text, |s, e| {
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let joined =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "-_@/'’".contains(c));
            if joined(before) || joined(after) {
                return;
            }
            // Part of a longer capitalised name: `Christian Hill`, `American Express`, `New Mexican`.
            let next = if after == Some(' ') {
                word_after(text, e)
            } else {
                ""
            };
            let prev = if before == Some(' ') {
                word_before(text, s)
            } else {
                ""
            };
            if next.chars().next().is_some_and(char::is_uppercase)
                || prev.chars().next().is_some_and(char::is_uppercase) && !sentence_start(text, s)
            {
                return;
            }
            // The lists are lower case: comparing ignoring ASCII case equals lower-casing a copy.
            if LANGUAGE_BEFORE.iter().any(|w| w.eq_ignore_ascii_case(prev))
                || THING_AFTER.iter().any(|w| w.eq_ignore_ascii_case(next))
            {
                return;
            }
            results.push(RecognizerResult::new(
                self.entities[0].clone(),
                s,
                e,
                SCORE,
                self.name.clone(),
            ));
        });
        Ok(())
    }
}

/// Whether the word before `pos` starts a sentence (so its capital says nothing).
fn sentence_start(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end_matches(' ');
    let head = head.trim_end_matches(|c: char| c.is_alphanumeric());
    head.trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':' | '"'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};
    use proptest::strategy::Strategy;

    fn find(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let ents = [EntityType::NRP];
        nrp()
            .analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    /// The matches of a plain unanchored leftmost-longest search over the whole text.
    fn unfiltered(text: &str) -> Vec<(usize, usize)> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(GROUPS)
            .unwrap();
        ac.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    fn filtered(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        matches(text, |s, e| out.push((s, e)));
        out
    }

    #[test]
    fn candidates_find_what_a_full_search_finds() {
        for text in [
            "",
            "A",
            "Am",
            "xSouth Africans and South African, Roman Catholics; NeoAmerican Neo-Nazis",
            "SOUTH AFRICAN Sri Lankan Jehovah's Witnesses Lib Dems GOP GOPs Thai",
            "éAmerican ÀGreek 🥳Dutch\nGerman Republican Party of Liberal Democrats",
            "Americ Swis Jew Jews Americans American",
            "Swiss",
        ] {
            assert_eq!(filtered(text), unfiltered(text), "{text}");
        }
        assert_eq!(filtered("Thai").len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn prefilter_equals_full_search(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(GROUPS.to_vec()).prop_map(str::to_string),
                    "[A-Za-z' é-]{0,6}",
                ],
                0..12,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(filtered(&text), unfiltered(&text));
        }
    }

    #[test]
    fn groups_and_collisions() {
        assert_eq!(
            find("She is a Catholic and a Democrat; he is South African."),
            ["Catholic", "Democrat", "South African"]
        );
        assert!(find("Employee: Christian Hill paid with American Express.").is_empty());
        assert!(find("Please reply in French. French-Sweeney Ltd. catholic taste").is_empty());
    }
}
