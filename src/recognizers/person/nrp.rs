//! NRP: nationalities, religious and political groups, from a small curated list.
//!
//! Presidio gets NRP from spaCy's `NORP` label. This recognizer finds the same kind of words with one
//! Aho-Corasick pass over a list of demonyms, religions and parties, case-sensitive (`Catholic`, not
//! `catholic` taste), and rejects the usual collisions: a word that is part of a longer capitalised name
//! (`Christian Hill`, `American Express`, `French-Sweeney`) and a language use (`in French`,
//! `Spanish translation`).

use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(GROUPS)
        .expect("constant word list builds")
});

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
        for m in MATCHER.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let joined =
                |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "-_@/'’".contains(c));
            if joined(before) || joined(after) {
                continue;
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
                continue;
            }
            let prev_l = prev.to_ascii_lowercase();
            let next_l = next.to_ascii_lowercase();
            if LANGUAGE_BEFORE.contains(&prev_l.as_str()) || THING_AFTER.contains(&next_l.as_str())
            {
                continue;
            }
            results.push(RecognizerResult::new(
                self.entities[0].clone(),
                s,
                e,
                SCORE,
                self.name.clone(),
            ));
        }
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

    fn find(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let ents = [EntityType::NRP];
        nrp()
            .analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
            .unwrap();
        out.iter().map(|r| &text[r.start..r.end]).collect()
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
