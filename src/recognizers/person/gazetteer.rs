//! The bundled word lists behind PERSON detection, compiled once into one case-insensitive lookup table.
//!
//! | file | what | source |
//! |---|---|---|
//! | `data/first_names.txt` | 22,018 given names | US SSA top 5,000 + Faker name lists |
//! | `data/last_names.txt` | 39,805 surnames | US Census 2010 top 20,000 + Faker name lists |
//! | `data/common_words_en.txt` | 20,000 frequent English words | Google Books Ngram (orgtre) + SymSpell |
//! | `data/name_places.txt` | places that are also names (`Georgia`, `Austin`) | GeoNames ∩ the name lists |
//!
//! Keys are lower-cased; `’` is read as `'`. See `data/README.md` for attribution and licences.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::recognizers::hash::FxBuildHasher;

type Table = HashMap<Box<str>, u16, FxBuildHasher>;

/// A given name.
pub(crate) const FIRST: u16 = 1;
/// A surname.
pub(crate) const LAST: u16 = 1 << 1;
/// A frequent English word (`will`, `grant`, `street`).
pub(crate) const COMMON: u16 = 1 << 2;
/// A country, US state or large city.
pub(crate) const PLACE: u16 = 1 << 3;
/// Never part of a name: honorifics, titles, months, weekdays, greetings, labels, products, kinship words.
pub(crate) const STOP: u16 = 1 << 4;
/// An honorific that introduces a name (`Mr`, `Dr`, `Herr`, `Sra`).
pub(crate) const HONORIFIC: u16 = 1 << 5;
/// A greeting or address word directly before a name (`Dear`, `Hi`, `Hola`).
pub(crate) const GREETING: u16 = 1 << 6;
/// A field label whose value is a person (`Customer:`, `From:`, `Patient:`).
pub(crate) const LABEL: u16 = 1 << 7;
/// A month or weekday name.
pub(crate) const CALENDAR: u16 = 1 << 8;
/// A lower-case particle inside surnames (`van`, `de`, `von`).
pub(crate) const PARTICLE: u16 = 1 << 9;
/// A generational or name suffix kept inside the span (`Jr`, `II`).
pub(crate) const SUFFIX: u16 = 1 << 10;
/// A word after which a place name is a place (`from`, `in`, `to`).
pub(crate) const LOCATIVE: u16 = 1 << 11;
/// A determiner: a capitalised word after it is rarely a name (`the Bill`, `a Grant`).
pub(crate) const DETERMINER: u16 = 1 << 12;
/// A country or US state that is also a name (`Georgia`, `Jordan`).
pub(crate) const REGION: u16 = 1 << 14;
/// A street type before a name (`Avenida`, `boulevard`, `Via`).
pub(crate) const STREET_BEFORE: u16 = 1 << 15;
/// An institution word: names next to it belong to an organisation (`Royal Infirmary`, `Ospedale`).
pub(crate) const INSTITUTION: u16 = 1 << 13;

static FIRST_NAMES: &str = include_str!("../../../data/first_names.txt");
static LAST_NAMES: &str = include_str!("../../../data/last_names.txt");
static COMMON_WORDS: &str = include_str!("../../../data/common_words_en.txt");
static NAME_PLACES: &str = include_str!("../../../data/name_places.txt");
static NAME_REGIONS: &str = include_str!("../../../data/name_regions.txt");

#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord",
    "madam", "herr", "frau", "fr", "hr", "mme", "mlle", "monsieur", "madame", "mademoiselle", "sr",
    "sra", "srta", "señor", "señora", "senor", "senora", "señorita", "don", "doña", "dott",
    "dottssa", "dottoressa", "sig", "sigra", "signor", "signora", "signorina", "dhr", "mevr", "mw",
    "rev", "fr", "capt", "sgt", "shri", "smt", "mister", "missus",
];

#[rustfmt::skip]
const GREETINGS: &[&str] = &[
    "dear", "hi", "hello", "hey", "hiya", "heya", "greetings", "bonjour", "salut", "hallo", "hola",
    "ciao", "salve", "servus", "moin", "liebe", "lieber", "cher", "chère", "chers", "estimado",
    "estimada", "querido", "querida", "gentile", "caro", "cara", "beste", "geachte", "thanks",
    "thank", "thx", "ty", "congrats", "congratulations", "welcome", "bye", "morning", "evening",
    "afternoon", "cheers", "yo",
];

/// Labels whose value is a person. The last word of a label is checked, so `Emergency contact:` and
/// `Ship to:` work through `contact` and `to`.
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "name", "customer", "client", "patient", "contact", "from", "von", "de", "to", "an", "cc",
    "bcc", "attn", "attention", "visitor", "guest", "caller", "driver", "rider", "passenger",
    "employee", "applicant", "candidate", "tenant", "landlord", "cardholder", "holder", "witness",
    "witnesses", "reviewer", "manager", "supervisor", "provider", "prescriber", "physician",
    "doctor", "nurse", "clinician", "author", "owner", "assignee", "reporter", "requester",
    "requestor", "signed", "signature", "consignee", "recipient", "sender", "beneficiary", "payee",
    "member", "spouse", "parent", "guardian", "agent", "rep", "representative", "technician",
    "engineer", "mitarbeiter", "mitarbeiterin", "kunde", "kundin", "patientin", "nom", "prénom",
    "prenom", "nombre", "apellido", "apellidos", "paciente", "cliente", "medico", "médico",
    "familiar", "cognome", "nome", "naam", "klant", "by", "assigned", "submitted", "approved",
    "reviewed", "prepared", "accountholder", "account_holder", "emp", "staff", "teacher", "student",
    "buyer", "seller", "host", "organizer", "organiser", "attendee", "attendees", "participants",
    "committer", "modified", "contributor", "inhaber", "empfänger", "absender", "destinataire",
    "expéditeur", "titular", "destinatario", "remitente", "intestatario", "handover", "referrer",
    "referred", "referring", "gp", "consultant", "therapist", "dentist", "surgeon", "pharmacist",
    "counsellor", "counselor", "interviewer", "interviewee", "approver", "manager", "lead",
    "coordinator", "volunteer", "sponsor", "mentor", "mentee", "buddy", "partner", "employer",
    "relative", "kin", "nok", "child", "mother", "father", "husband", "wife", "son", "daughter",
    "brother", "sister", "policyholder", "insured", "claimant", "subscriber", "guarantor",
    "signatory", "executor", "defendant", "plaintiff", "forename", "forenames", "surname",
];

/// Words that look like names in the lists but are not names where they appear in text.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // titles and degrees after or before names
    "md", "phd", "rn", "dds", "dmd", "esq", "mba", "cpa", "np", "pa", "bsc", "msc", "ba", "ma",
    // kinship and role words used as address
    "mum", "mom", "mommy", "mummy", "dad", "daddy", "papa", "mama", "grandma", "grandpa", "granny",
    "nan", "nana", "gran", "auntie", "aunt", "uncle", "sis", "bro", "babe", "hun", "mate", "bot",
    "buddy", "honey", "sweetie", "sweetheart", "love", "dude", "boss", "champ", "sunshine",
    "darling", "assistant", "user", "admin", "system", "team", "support", "everyone", "all",
    "folks", "guys",
    // products, services and software
    "visa", "mastercard", "amex", "maestro", "paypal", "stripe", "chrome", "firefox", "safari",
    "edge", "windows", "linux", "android", "iphone", "ipad", "macos", "ios", "google", "gmail",
    "outlook", "hotmail", "yahoo", "whatsapp", "telegram", "signal", "slack", "teams", "zoom",
    "skype", "excel", "amazon", "apple", "microsoft", "azure", "aws", "github", "gitlab", "docker",
    "python", "java", "rust", "ubuntu", "debian", "nginx", "apache", "postfix", "openvpn",
    "salesforce", "zendesk", "jira", "kubernetes", "redis", "postgres", "mysql", "sqlite", "json",
    "yaml", "toml", "xml", "html", "bitcoin", "ethereum", "revolut", "monzo", "venmo", "zelle",
    "uber", "lyft", "airbnb", "netflix", "spotify", "facebook", "instagram", "twitter", "linkedin",
    "tiktok", "youtube", "dropbox", "fedex", "dhl", "ups", "usps", "hermes", "dpd", "gls", "nhs",
    "irs", "hmrc", "sepa", "iban", "bic", "mozilla", "gecko", "webkit", "khtml", "curl", "wget",
    "okhttp", "dalvik", "darwin", "kernel", "mac", "macintosh", "intel", "amd", "nvidia", "x11",
    "wow64", "win64", "samsung", "huawei", "xiaomi", "pixel", "galaxy", "kindle", "alexa", "siri",
    "cortana", "tesla",
    // organisation and address words
    "inc", "ltd", "llc", "llp", "gmbh", "ag", "plc", "corp", "co", "kg", "sarl", "sas", "srl",
    "spa", "bv", "nv", "oy", "ab", "pty", "pvt", "str", "strasse", "straße", "rue", "calle",
    "avenida", "via", "platz", "weg", "allee", "gasse", "ring", "laan", "straat", "plein", "piazza",
    "viale", "corso", "sons", "brothers", "bros", "associates", "partners", "holdings", "puerta",
    "piso", "escalera", "planta", "bajo", "apt", "suite", "flat", "unit",
    // function words of German, French, Spanish, Italian and Dutch that are also names somewhere
    "sie", "ihr", "ich", "wir", "er", "es", "du", "die", "das", "dem", "ein", "eine", "und", "oder",
    "aber", "leider", "bitte", "sehr", "herren", "damen", "mit", "für", "auf", "ist", "sind", "hat",
    "haben", "kann", "noch", "auch", "nur", "wie", "was", "wenn", "dass", "hier", "heute", "morgen",
    "vielen", "gerne", "hallo", "les", "une", "est", "pour", "avec", "dans", "sur", "par", "mais",
    "nous", "vous", "ils", "elle", "je", "tu", "oui", "non", "voici", "bien", "très", "los", "las",
    "una", "por", "para", "con", "que", "muy", "buenos", "buenas", "hola", "gli", "per", "che",
    "sono", "buongiorno", "grazie", "het", "een", "voor", "met", "niet", "zijn", "ook", "graag",
    "dag", "goedemorgen", "alta", "ingreso", "ort", "plz",
    // greetings, sign-offs and chat words that are also names somewhere
    "regards", "best", "sincerely", "cordialement", "saludos", "grüße", "gruss", "gruß", "mfg",
    "lg", "vg", "bises", "bisous", "merci", "gracias", "grazie", "danke", "dank", "bedankt", "ok",
    "okay", "lol", "pls", "plz", "btw", "fyi", "asap", "tbh", "imo", "omg", "np", "thx",
    // document words that are capitalised in other languages
    "betreff", "objet", "asunto", "oggetto", "onderwerp", "anamnesi", "anamnese", "diagnose",
    "diagnosi", "diagnóstico", "terapia", "datum", "fecha", "data", "adresse", "dirección",
    "indirizzo", "telefon", "teléfono", "telefono", "geb", "né", "née", "nato", "nata", "nacido",
    "nacida",
];

#[rustfmt::skip]
const MONTHS_AND_DAYS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "januar",
    "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars",
    "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero",
    "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio",
    "settembre", "ottobre", "dicembre", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
];

#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "la", "le", "du", "des", "da", "di", "del", "della", "dos",
    "das", "do", "ten", "ter", "te", "zu", "y", "bin", "ibn", "al", "el", "st", "mac", "lo", "af",
    "av",
];

const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "jnr", "snr"];

#[rustfmt::skip]
const LOCATIVES: &[&str] = &[
    "in", "from", "to", "at", "near", "via", "into", "visiting", "visit", "around", "outside",
    "inside", "across", "toward", "towards", "between", "through", "flew", "moved", "relocated",
    "im", "live", "lives", "living", "based", "born", "nach", "aus", "bei", "en", "à", "au", "aux",
    "desde", "hacia", "da", "nel", "nella", "uit", "naar",
];

#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "hospital", "infirmary", "ospedale", "klinikum", "krankenhaus", "clinica", "clínica",
    "clinique", "policlinico", "universitario", "universitaria", "university", "universität",
    "université", "universidad", "università", "college", "koninklijke", "royal", "saint", "st",
    "san", "santa", "sankt", "praxis", "apotheke", "pharmacie", "farmacia", "pharmacy", "clinic",
    "surgery", "medical", "centre", "center", "school", "academy", "institute", "institut",
    "instituto", "istituto", "stiftung", "fondation", "fundación", "fondazione", "hotel",
    "cathedral",
];

/// Street types written before the street's name (`Avenida Manuela Castañeda`, `chemin Rémy Delahaye`).
#[rustfmt::skip]
const STREETS_BEFORE: &[&str] = &[
    "avenida", "paseo", "alameda", "calle", "camino", "urbanización", "urbanizacion", "vial",
    "incrocio", "stretto", "contrada", "via", "viale", "piazza", "piazzale", "corso", "largo",
    "vicolo", "strada", "borgo", "rotonda", "salita", "boulevard", "bd", "chemin", "rue", "allée",
    "impasse", "place", "quai", "avenue", "av", "ronda", "plaza", "carrer", "travesía", "pasaje",
    "cañada", "glorieta", "acceso", "callejón", "cuesta", "rambla", "vía", "praça", "rua",
    "travessa", "estrada", "street", "road", "lane", "drive",
];

/// Street types and settlement words written after the name (`Quinn Footway`, `Leanne Trail`).
#[rustfmt::skip]
pub(crate) const STREETS_AFTER: &[&str] = &[
    "trail", "cliff", "cliffs", "mount", "mountain", "mountains", "viaduct", "footway", "trunkway",
    "ramble", "mews", "mew", "harbor", "harbors", "harbour", "chowk", "marg", "nagar", "heights",
    "crossing", "crossroad", "pass", "path", "row", "walk", "wharf", "spur", "spurs", "fork",
    "forks", "junction", "highway", "freeway", "expressway", "motorway", "parkway", "circle",
    "loop", "bypass", "causeway", "ridges", "valley", "vista", "view", "views", "trace", "track",
    "turnpike", "underpass", "grove", "glen", "meadows", "orchard", "oval", "pike", "plaza",
    "points", "prairie", "ranch", "rapid", "rapids", "shoal", "shoals", "shores", "skyway",
    "stravenue", "stream", "summit", "terrace", "throughway", "tunnel", "unions", "villages",
    "ville", "manor", "manors", "knoll", "knolls", "isle", "inlet", "hollow", "glens", "gateway",
    "gardens", "flats", "falls", "extension", "estates", "crest", "creek", "coves", "corners",
    "commons", "canyon", "burg", "burgs", "bluff", "bluffs", "alley", "allee", "straße", "strasse",
    "weg", "gasse", "platz", "ring", "damm", "ufer", "chaussee", "pfad", "steig", "hof", "markt",
];

#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their", "its", "his",
    "every", "each", "any", "some", "no", "new", "next", "last", "per",
];

/// The compiled lookup table: lower-cased word → flags.
pub(crate) struct Gazetteer {
    words: WordTable,
    /// The first words of the keys of several words that are places (`new` of `new york`).
    place_heads: HashSet<Box<str>, FxBuildHasher>,
}

impl Gazetteer {
    /// Whether some place of several words starts with the word `head` (lower-cased, as keys are): when not,
    /// no key of the form `head …` has [`PLACE`].
    pub(crate) fn may_start_place(&self, head: &str) -> bool {
        self.place_heads.contains(head)
    }

    /// Flags of `key` (already lower-cased and normalised), 0 when unknown.
    pub(crate) fn flags(&self, key: &str) -> u16 {
        self.words.get(key.as_bytes())
    }

    /// Flags of the word `text[start..end]`, made of ASCII letters and hyphens only, lower-cased on the way
    /// (the same as [`flags`](Self::flags) of its lower-cased copy, without making the copy).
    #[inline]
    pub(crate) fn flags_of_ascii(&self, text: &[u8], start: usize, end: usize) -> u16 {
        debug_assert!(
            text[start..end]
                .iter()
                .all(|b| b.is_ascii_alphabetic() || *b == b'-')
        );
        self.words.get_folded(text, start, end)
    }

    /// Flags of a word as written: ASCII words are lower-cased on the stack, others through `key`.
    pub(crate) fn lookup(&self, word: &str, key: &mut String) -> u16 {
        let bytes = word.as_bytes();
        if bytes.len() <= 32 && bytes.iter().all(|b| b.is_ascii_alphabetic() || *b == b'-') {
            let mut buf = [0u8; 32];
            for (d, s) in buf.iter_mut().zip(bytes) {
                *d = s.to_ascii_lowercase();
            }
            return std::str::from_utf8(&buf[..bytes.len()]).map_or(0, |k| self.flags(k));
        }
        normalize_into(word, key);
        self.flags(key)
    }
}

fn add(words: &mut Table, word: &str, flag: u16) {
    let key: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    if !key.is_empty() {
        *words.entry(key.into_boxed_str()).or_insert(0) |= flag;
    }
}

/// Adds a name list; multi-word entries (`van der Berg`, `José Luis`) add their non-particle words.
fn add_names(words: &mut Table, list: &str, flag: u16) {
    for line in list.lines() {
        let line = line.trim();
        if line.contains(' ') {
            for part in line.split(' ') {
                if !PARTICLES.contains(&part.to_lowercase().as_str()) {
                    add(words, part, flag);
                }
            }
        } else {
            add(words, line, flag);
        }
    }
}

/// Multiplier of the word hash (FxHash's): odd, with well-spread bits.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Longest key hashed and compared without a copy; longer ones are lower-cased into a buffer first.
const MAX_FOLDED: usize = 32;

/// Open-addressing hash table from lower-cased words to flags, probed with eight bytes at a time of the
/// word as it stands in the text, lower-cased on the fly for ASCII letters, so that looking a word up
/// needs no copy of it.
struct WordTable {
    /// Index + 1 into `entries`, 0 for an empty slot; a power of two long.
    slots: Box<[u32]>,
    entries: Vec<Entry>,
    /// The bytes of each key after its first eight, from an offset that is a multiple of 8 and padded with
    /// zero bytes to the next one.
    arena: Vec<u64>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
}

#[derive(Clone, Copy)]
struct Entry {
    /// The key's first eight bytes, zero-padded.
    head: u64,
    /// Index in `arena` of the key's later bytes.
    at: u32,
    len: u16,
    flags: u16,
}

/// Up to eight bytes of `text` from `at`, `n` of them (1 to 8), in a little-endian word padded with zeros.
#[inline]
fn load(text: &[u8], at: usize, n: usize) -> u64 {
    let w = match text.get(at..at + 8) {
        Some(chunk) => {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            u64::from_le_bytes(word)
        }
        None => {
            let mut word = [0u8; 8];
            for (d, s) in word.iter_mut().zip(&text[at..]) {
                *d = *s;
            }
            u64::from_le_bytes(word)
        }
    };
    w & low_bytes(n)
}

/// A mask of the low `n` bytes (1 to 8).
#[inline]
fn low_bytes(n: usize) -> u64 {
    u64::MAX >> (64 - 8 * n.min(8))
}

#[inline]
fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(SEED)
}

/// Setting bit 5 of a byte lower-cases an ASCII letter and leaves `-` as it is.
const FOLD: u64 = 0x2020_2020_2020_2020;

impl WordTable {
    fn new(words: &HashMap<Box<str>, u16, FxBuildHasher>) -> WordTable {
        let size = (words.len() * 2).next_power_of_two().max(8);
        let shift = 64 - size.trailing_zeros();
        let mut table = WordTable {
            slots: vec![0u32; size].into_boxed_slice(),
            entries: Vec::with_capacity(words.len()),
            arena: Vec::new(),
            shift,
        };
        // In a fixed order, so the table is the same on every run.
        let mut sorted: Vec<(&str, u16)> = words.iter().map(|(k, &f)| (&**k, f)).collect();
        sorted.sort_unstable();
        for (key, flags) in sorted {
            let bytes = key.as_bytes();
            let Ok(len) = u16::try_from(bytes.len()) else {
                continue;
            };
            if bytes.is_empty() {
                continue;
            }
            let chunks: Vec<u64> = (0..bytes.len().div_ceil(8))
                .map(|k| load(bytes, k * 8, bytes.len() - k * 8))
                .collect();
            let h = Self::hash(bytes.len(), &chunks);
            let at = table.arena.len() as u32;
            table.arena.extend_from_slice(&chunks[1..]);
            table.entries.push(Entry {
                head: chunks[0],
                at,
                len,
                flags,
            });
            let mask = table.slots.len() - 1;
            let mut slot = (h >> table.shift) as usize;
            while table.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table.slots[slot] = table.entries.len() as u32;
        }
        table
    }

    /// The hash of a key of `len` bytes in `chunks` (eight bytes each, the last zero-padded).
    #[inline]
    fn hash(len: usize, chunks: &[u64]) -> u64 {
        let mut h = mix(len as u64, chunks[0]);
        for &c in &chunks[1..] {
            h = mix(h, c);
        }
        mix(h, 0x9e37_79b9)
    }

    /// The flags of the key of `len` bytes whose chunks are `chunks` (at least one) and hash `h`.
    #[inline]
    fn find(&self, h: u64, len: usize, chunks: &[u64]) -> u16 {
        let mask = self.slots.len() - 1;
        let mut slot = (h >> self.shift) as usize;
        loop {
            let e = self.slots[slot];
            if e == 0 {
                return 0;
            }
            let entry = &self.entries[e as usize - 1];
            if entry.head == chunks[0]
                && usize::from(entry.len) == len
                && (chunks.len() == 1 || {
                    let at = entry.at as usize;
                    self.arena.get(at..at + chunks.len() - 1) == Some(&chunks[1..])
                })
            {
                return entry.flags;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Flags of `key` as it is.
    fn get(&self, key: &[u8]) -> u16 {
        if key.is_empty() || key.len() > MAX_FOLDED {
            return self.get_long(key);
        }
        let mut chunks = [0u64; MAX_FOLDED / 8];
        let k = key.len().div_ceil(8);
        for (i, c) in chunks[..k].iter_mut().enumerate() {
            *c = load(key, i * 8, key.len() - i * 8);
        }
        self.find(Self::hash(key.len(), &chunks[..k]), key.len(), &chunks[..k])
    }

    /// Flags of `text[start..end]` (ASCII letters and hyphens) lower-cased.
    #[inline(always)]
    fn get_folded(&self, text: &[u8], start: usize, end: usize) -> u16 {
        let len = end.wrapping_sub(start);
        // One chunk read in place: most words.
        if len.wrapping_sub(1) < 8 {
            if let Some(chunk) = text.get(start..start + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let first = (u64::from_le_bytes(word) | FOLD) & low_bytes(len);
                let h = mix(mix(len as u64, first), 0x9e37_79b9);
                return self.find(h, len, &[first]);
            }
        }
        self.get_folded_other(text, start, end)
    }

    /// [`get_folded`](Self::get_folded) of words of more than eight bytes or near the text's end.
    #[inline(never)]
    fn get_folded_other(&self, text: &[u8], start: usize, end: usize) -> u16 {
        let len = end - start;
        if len == 0 || len > 16 {
            return self.get_long(&text[start..end].to_ascii_lowercase());
        }
        // One or two chunks: most words.
        let first = load(text, start, len) | (FOLD & low_bytes(len));
        if len <= 8 {
            let h = mix(mix(len as u64, first), 0x9e37_79b9);
            return self.find(h, len, &[first]);
        }
        let second = load(text, start + 8, len - 8) | (FOLD & low_bytes(len - 8));
        let chunks = [first, second];
        self.find(Self::hash(len, &chunks), len, &chunks)
    }

    /// Flags of a key of any length (the empty key and keys longer than [`MAX_FOLDED`] bytes).
    #[cold]
    fn get_long(&self, key: &[u8]) -> u16 {
        if key.is_empty() {
            return 0;
        }
        let chunks: Vec<u64> = (0..key.len().div_ceil(8))
            .map(|k| load(key, k * 8, key.len() - k * 8))
            .collect();
        self.find(Self::hash(key.len(), &chunks), key.len(), &chunks)
    }
}

/// The table, built on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut words: Table = HashMap::with_capacity_and_hasher(80_000, Default::default());
    add_names(&mut words, FIRST_NAMES, FIRST);
    add_names(&mut words, LAST_NAMES, LAST);
    for w in COMMON_WORDS.lines() {
        add(&mut words, w, COMMON);
    }
    for w in NAME_PLACES.lines() {
        add(&mut words, w, PLACE);
    }
    for w in NAME_REGIONS.lines() {
        add(&mut words, w, PLACE | REGION);
    }
    let lists: [(&[&str], u16); 11] = [
        (STREETS_BEFORE, STREET_BEFORE),
        (INSTITUTIONS, INSTITUTION),
        (HONORIFICS, STOP | HONORIFIC),
        (GREETINGS, STOP | GREETING),
        (LABELS, LABEL),
        (STOP_WORDS, STOP),
        (MONTHS_AND_DAYS, STOP | CALENDAR),
        (PARTICLES, PARTICLE),
        (SUFFIXES, SUFFIX),
        (LOCATIVES, LOCATIVE),
        (DETERMINERS, DETERMINER),
    ];
    for (list, flag) in lists {
        for w in list {
            add(&mut words, w, flag);
        }
    }
    let place_heads = words
        .iter()
        .filter(|(key, flags)| *flags & PLACE != 0 && key.contains(' '))
        .map(|(key, _)| key.split(' ').next().unwrap_or("").into())
        .collect();
    Gazetteer {
        words: WordTable::new(&words),
        place_heads,
    }
});

/// Names in both lists that rank higher (relative to list length) as surnames than as given names:
/// `Smith`, `Martin`, `Williams`; not `Marie`, `Jean`, `Luc`.
static SURNAME_FIRST: LazyLock<HashSet<Box<str>, FxBuildHasher>> = LazyLock::new(|| {
    let first: HashMap<String, usize> = FIRST_NAMES
        .lines()
        .enumerate()
        .map(|(rank, name)| (name.trim().to_lowercase(), rank))
        .collect();
    let (n_first, n_last) = (first.len().max(1), LAST_NAMES.lines().count().max(1));
    LAST_NAMES
        .lines()
        .enumerate()
        .filter_map(|(rank, name)| {
            let key = name.trim().to_lowercase();
            let f = *first.get(&key)?;
            (rank * n_first < f * n_last).then(|| key.into_boxed_str())
        })
        .collect()
});

/// Whether `word` is a surname more than a given name: a surname that is not a given name, or ranks
/// higher in the surname list than in the given-name list.
pub(crate) fn mainly_surname(word: &str) -> bool {
    let mut key = String::new();
    let flags = GAZETTEER.lookup(word, &mut key);
    if flags & LAST == 0 {
        return false;
    }
    if flags & FIRST == 0 {
        return true;
    }
    normalize_into(word, &mut key);
    SURNAME_FIRST.contains(key.as_str())
}

/// Lower-cases `word` into `key`, reading `’` and a doubled (SQL-escaped) `''` as `'`.
pub(crate) fn normalize_into(word: &str, key: &mut String) {
    key.clear();
    normalize_push(word, key);
}

/// Appends `word` normalised as by [`normalize_into`] to `out`: a copy lower-cased in place for ASCII words
/// without apostrophes, a walk over the characters otherwise.
pub(crate) fn normalize_push(word: &str, out: &mut String) {
    if word.is_ascii() && !word.contains('\'') {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    let mut prev_quote = false;
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c == '\'' && prev_quote {
            continue;
        }
        prev_quote = c == '\'';
        // An ASCII character lower-cases to one ASCII character, pushed without the general mapping.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// [`normalize_push`] before its ASCII shortcut, kept to check it against.
#[cfg(test)]
fn normalize_push_reference(word: &str, out: &mut String) {
    if word.is_ascii() && !word.contains('\'') {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
        return;
    }
    let mut prev_quote = false;
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c == '\'' && prev_quote {
            continue;
        }
        prev_quote = c == '\'';
        out.extend(c.to_lowercase());
    }
}

#[cfg(test)]
mod tests {

    proptest::proptest! {
        #[test]
        fn normalize_push_equals_reference(word in "[a-zA-Z'’\u{212a}İßÉé-]{0,12}") {
            let (mut fast, mut slow) = (String::from("x"), String::from("x"));
            normalize_push(&word, &mut fast);
            normalize_push_reference(&word, &mut slow);
            proptest::prop_assert_eq!(fast, slow);
        }
    }
    use super::*;

    fn flags(word: &str) -> u16 {
        let mut key = String::new();
        normalize_into(word, &mut key);
        GAZETTEER.flags(&key)
    }

    #[test]
    fn table_lookups_equal_a_hash_map() {
        let mut words: Table = HashMap::default();
        for (i, w) in [
            "jane",
            "jean-luc",
            "o'brien",
            "straße",
            "a",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnop",
        ]
        .iter()
        .enumerate()
        {
            words.insert((*w).into(), 1 << i);
        }
        let table = WordTable::new(&words);
        for probe in [
            "jane",
            "JANE",
            "Jane",
            "janes",
            "jan",
            "jean-luc",
            "Jean-Luc",
            "o'brien",
            "straße",
            "a",
            "A",
            "b",
            "",
            "abcdefgh",
            "ABCDEFGHI",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnop",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnop",
        ] {
            let lower = probe.to_lowercase();
            let want = words.get(lower.as_str()).copied().unwrap_or(0);
            assert_eq!(table.get(lower.as_bytes()), want, "{probe}");
            if probe.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
                // Inside a longer text (with and without eight bytes after its start) and at its very end.
                for text in [format!("x {probe} y"), format!("x {probe} yyyyyyyy")] {
                    assert_eq!(
                        table.get_folded(text.as_bytes(), 2, 2 + probe.len()),
                        want,
                        "{probe}"
                    );
                }
                assert_eq!(
                    table.get_folded(probe.as_bytes(), 0, probe.len()),
                    want,
                    "{probe}"
                );
            }
        }
    }

    #[test]
    fn every_place_of_several_words_has_its_head_listed() {
        for line in NAME_PLACES.lines().chain(NAME_REGIONS.lines()) {
            let key = line.to_lowercase();
            if let Some((head, _)) = key.split_once(' ') {
                assert!(GAZETTEER.may_start_place(head), "{line}");
                assert_ne!(flags(line) & PLACE, 0, "{line}");
            }
        }
        assert!(GAZETTEER.may_start_place("hong"));
        assert!(!GAZETTEER.may_start_place("jane"));
    }

    #[test]
    fn lists_load_with_their_flags() {
        assert_ne!(flags("James") & FIRST, 0);
        assert_ne!(flags("SMITH") & LAST, 0);
        assert_ne!(flags("will") & (FIRST | COMMON), 0);
        assert_eq!(flags("john") & COMMON, 0);
        assert_ne!(flags("Georgia") & PLACE, 0);
        assert_ne!(flags("Mr") & HONORIFIC, 0);
        assert_ne!(flags("May") & CALENDAR, 0);
        assert_ne!(flags("O’Brien") & LAST, 0);
        assert_ne!(flags("O''Brien") & LAST, 0);
        assert_eq!(flags("Xqzzy"), 0);
        // words of multi-word names
        assert_ne!(flags("Luis") & FIRST, 0);
    }
}
