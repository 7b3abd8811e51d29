//! Germany: the 13 recognizers Presidio ships for German text, all off by default.

use std::sync::Arc;

use super::{B, Compact, plausible, proven};
use crate::recognizers::{Languages, Spec};
use crate::validate::{
    de_kvnr, de_lanr as lanr_ok, de_rvnr, de_tax_id as tax_id_ok, icao9303_check_digit,
    iso7064_mod_11_10,
};
use crate::{EntityType, Pattern, PatternRecognizer, PatternRecognizerBuilder, Validation};

fn de(
    name: &str,
    entity: &str,
    patterns: impl IntoIterator<Item = Pattern>,
    context: &[&str],
) -> PatternRecognizerBuilder {
    let mut b = PatternRecognizer::builder(name, EntityType::new(entity));
    b.patterns(patterns)
        .context(context.iter().copied())
        .language("de");
    b
}

/// `DeTaxIdRecognizer` (`DE_TAX_ID`): the 11-digit Steuer-ID, bare or as `12 345 678 901`. The BZSt digit
/// rule (exactly one digit repeated, twice or three times, never three in a row) and the ISO 7064
/// MOD 11,10 check digit give 1.0; anything else is dropped. Presidio only requires that no digit occurs
/// more than three times, so it accepts numbers the BZSt never issues (e.g. `12345678903`).
pub fn de_tax_id() -> PatternRecognizer {
    de(
        "DeTaxIdRecognizer",
        "DE_TAX_ID",
        [
            Pattern::new(
                "Steueridentifikationsnummer (High)",
                format!(r"{B}[1-9]\d{{10}}{B}"),
                0.5,
            ),
            Pattern::new(
                "Steueridentifikationsnummer (grouped)",
                format!(r"{B}[1-9]\d \d{{3}} \d{{3}} \d{{3}}{B}"),
                0.5,
            ),
        ],
        &[
            "steueridentifikationsnummer",
            "steuer-id",
            "steuerid",
            "steuerliche identifikationsnummer",
            "steuerliche identifikation",
            "persönliche identifikationsnummer",
            "steuer identifikation",
            "idnr",
            "steuer-idnr",
            "steuernummer",
            "bzst",
            "identifikationsnummer",
        ],
    )
    .validator(|v| match Compact::new(v, |b| b == b' ') {
        Some(c) => proven(tax_id_ok(c.as_str())),
        None => Validation::Invalid,
    })
    .build()
    .expect("constant tax ID patterns compile (tested)")
}

/// `DeTaxNumberRecognizer` (`DE_TAX_NUMBER`): the Steuernummer in the 13-digit federal layout
/// `FFFF0BBBUUUUP` (Finanzamt, `0`, district, serial, check) and in the states' slashed layouts (3/3/5,
/// 2–3/3–4/4–5, 5/5). No public check digit: 0.3, 0.4 and 0.2 until context raises them. Presidio's
/// 13-digit pattern requires a `01`–`16` prefix that real federal numbers (e.g. Bavaria's `9181…`) lack.
pub fn de_tax_number() -> PatternRecognizer {
    de(
        "DeTaxNumberRecognizer",
        "DE_TAX_NUMBER",
        [
            Pattern::new(
                "Steuernummer (bundeseinheitlich, 13-stellig)",
                format!(r"{B}[1-59]\d{{3}}0\d{{8}}{B}"),
                0.3,
            ),
            Pattern::new(
                "Steuernummer mit Schrägstrich (3/3/5)",
                format!(r"{B}\d{{3}}/\d{{3}}/\d{{5}}{B}"),
                0.4,
            ),
            Pattern::new(
                "Steuernummer mit Schrägstrich (2-3/3-4/4-5)",
                format!(r"{B}\d{{2,3}}/\d{{3,4}}/\d{{4,5}}{B}"),
                0.2,
            ),
            Pattern::new(
                "Steuernummer mit Schrägstrich (BW: 5/5)",
                format!(r"{B}\d{{5}}/\d{{5}}{B}"),
                0.2,
            ),
        ],
        &[
            "steuernummer",
            "steuer-nr",
            "steuer nr",
            "st.-nr",
            "st-nr",
            "stnr",
            "finanzamt",
            "umsatzsteuer",
            "einkommensteuer",
            "körperschaftsteuer",
            "gewerbesteuer",
            "steuerveranlagung",
            "steuerbescheid",
        ],
    )
    .build()
    .expect("constant tax number patterns compile (tested)")
}

/// The ICAO character set of German document numbers (no A, B, D, E, I, O, Q, S, U).
const DOC_CHARS: &str = "[CFGHJKLMNPRTVWXYZ0-9]";

/// Checks a German passport or ID card number: 9 characters (with at least one digit) keep the base score;
/// 10 characters are the MRZ form with the ICAO check digit appended, proven when it matches.
fn document_number(value: &str) -> Validation {
    let b = value.as_bytes();
    match b.len() {
        9 => plausible(b.iter().any(u8::is_ascii_digit)),
        10 => {
            let (Some(body), Some(&check)) = (value.get(..9), b.get(9)) else {
                return Validation::Invalid;
            };
            proven(icao9303_check_digit(body) == Some(check.wrapping_sub(b'0')))
        }
        _ => Validation::Invalid,
    }
}

/// `DePassportRecognizer` (`DE_PASSPORT`): the 9-character Reisepass number (first letter C, F, G, H, J
/// or K, then ICAO characters), 0.3 until context (`Reisepass`) raises it; written with its MRZ check digit
/// (`C01X00T478`) and the check right, 1.0. Presidio reads the 9th character as a check digit, which
/// rejects nine real numbers in ten (including the official specimen `C01X00T47`).
pub fn de_passport() -> PatternRecognizer {
    de(
        "DePassportRecognizer",
        "DE_PASSPORT",
        [Pattern::new(
            "Reisepassnummer (ICAO charset)",
            format!(r"{B}[CFGHJK]{DOC_CHARS}{{8}}\d?{B}"),
            0.3,
        )],
        &[
            "reisepass",
            "pass",
            "passnummer",
            "reisepassnummer",
            "passport",
            "passport number",
            "pass-nr",
            "dokumentennummer",
            "bundesrepublik deutschland",
            "ausweisdokument",
            "mrz",
        ],
    )
    .validator(document_number)
    .build()
    .expect("constant passport pattern compiles (tested)")
}

/// `DeIdCardRecognizer` (`DE_ID_CARD`): the 9-character Personalausweis number (first letter L, M, N, P,
/// R, T, V, W, X, Y or Z, then ICAO characters; the first series `T22000129` included), 0.3 until context
/// (`Personalausweis`) raises it; with its MRZ check digit appended and right, 1.0. See
/// [`de_passport`] for Presidio's check-digit error.
pub fn de_id_card() -> PatternRecognizer {
    de(
        "DeIdCardRecognizer",
        "DE_ID_CARD",
        [Pattern::new(
            "Personalausweisnummer (ICAO charset)",
            format!(r"{B}[LMNPRTVWXYZ]{DOC_CHARS}{{8}}\d?{B}"),
            0.3,
        )],
        &[
            "personalausweis",
            "ausweis",
            "personalausweisnummer",
            "ausweisnummer",
            "ausweisdokument",
            "dokumentennummer",
            "seriennummer",
            "npa",
            "neuer personalausweis",
            "bundespersonalausweis",
            "identity card",
            "national id",
        ],
    )
    .validator(document_number)
    .build()
    .expect("constant ID card pattern compiles (tested)")
}

/// `DeSocialSecurityRecognizer` (`DE_SOCIAL_SECURITY`): the Rentenversicherungsnummer (`BBTTMMJJ`, a
/// letter, a serial and a check digit), bare or as printed (`65 170839 J 003`); the birth day and month ranges and the
/// VKVV check digit give 1.0, anything else is dropped.
pub fn de_social_security() -> PatternRecognizer {
    de(
        "DeSocialSecurityRecognizer",
        "DE_SOCIAL_SECURITY",
        [
            Pattern::new(
                "Rentenversicherungsnummer",
                format!(r"{B}\d{{8}}[A-Z]\d{{3}}{B}"),
                0.5,
            ),
            Pattern::new(
                "Rentenversicherungsnummer (grouped)",
                format!(r"{B}\d{{2}} \d{{6}} [A-Z] \d{{3}}{B}"),
                0.5,
            ),
        ],
        &[
            "rentenversicherungsnummer",
            "sozialversicherungsnummer",
            "versicherungsnummer",
            "rvnr",
            "svnr",
            "sv-nummer",
            "rente",
            "rentenversicherung",
            "deutsche rentenversicherung",
            "drv",
            "sozialversicherung",
            "sozialversicherungsausweis",
            "rentenausweis",
        ],
    )
    .validator(|v| match Compact::new(v, |b| b == b' ') {
        Some(c) => proven(de_rvnr(c.as_str())),
        None => Validation::Invalid,
    })
    .build()
    .expect("constant RVNR patterns compile (tested)")
}

/// `DeHealthInsuranceRecognizer` (`DE_HEALTH_INSURANCE`): the KVNR, a letter and 9 digits whose last is
/// the § 290 SGB V check digit; valid numbers score 1.0, others are dropped.
pub fn de_health_insurance() -> PatternRecognizer {
    de(
        "DeHealthInsuranceRecognizer",
        "DE_HEALTH_INSURANCE",
        [Pattern::new(
            "Krankenversicherungsnummer KVNR (letter + 9 digits)",
            format!(r"{B}[A-Z]\d{{9}}{B}"),
            0.3,
        )],
        &[
            "krankenversicherungsnummer",
            "krankenversichertennummer",
            "versichertennummer",
            "kvnr",
            "krankenkasse",
            "krankenversicherung",
            "gesundheitskarte",
            "egk",
            "elektronische gesundheitskarte",
            "gkv",
            "gesetzliche krankenversicherung",
            "krankenversicherungsausweis",
            "versichertenausweis",
            "versichertenkarte",
            "aok",
            "tkk",
            "barmer",
            "dak",
        ],
    )
    .validator(|v| proven(de_kvnr(v)))
    .build()
    .expect("constant KVNR pattern compiles (tested)")
}

/// Letter pairs never issued as the middle part of a German plate (FZV § 8: historically loaded).
const BANNED_PLATE_LETTERS: &[&str] = &["HJ", "KZ", "NS", "SA", "SS"];

/// Whether a matched plate is well-formed: `X AB 123` or `X-AB-123` or `X-AB 123`, at most 8 letters and
/// digits before the `E`/`H` suffix, and no banned letter pair.
fn plate_ok(value: &str) -> bool {
    let mut parts = value.split([' ', '-']);
    let (Some(_district), Some(letters), Some(rest), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let first_sep = value.bytes().find(|&b| b == b' ' || b == b'-');
    let second_sep = value.bytes().filter(|&b| b == b' ' || b == b'-').nth(1);
    if first_sep == Some(b' ') && second_sep == Some(b'-') {
        return false;
    }
    let suffix = usize::from(rest.ends_with(['E', 'H']));
    let total = value.chars().filter(|c| c.is_alphanumeric()).count() - suffix;
    total <= 8 && !BANNED_PLATE_LETTERS.contains(&letters)
}

/// `DeKfzRecognizer` (`DE_KFZ`): vehicle plates `B AB 1234`, `M-XY-999`, `KA-EF 1H`, `MIL E 1234E`, with
/// umlauts in the district code (`TÜ`, `ÜB`). At most 8 characters and no banned letter pair; no check,
/// so 0.3 until context (`Kennzeichen`) raises it.
pub fn de_kfz() -> PatternRecognizer {
    de(
        "DeKfzRecognizer",
        "DE_KFZ",
        [Pattern::new(
            "KFZ-Kennzeichen",
            format!(r"(?:{B}[A-Z]|[ÄÖÜ])[A-ZÄÖÜ]{{0,2}}[ -][A-Z]{{1,2}}[ -]\d{{1,4}}[EH]?{B}"),
            0.3,
        )],
        &[
            "kennzeichen",
            "kfz-kennzeichen",
            "kraftfahrzeugkennzeichen",
            "nummernschild",
            "fahrzeugkennzeichen",
            "zulassung",
            "kfz",
            "fahrzeug",
            "auto",
            "pkw",
            "lkw",
            "fahrzeugschein",
            "fahrzeugbrief",
            "zulassungsbescheinigung",
            "amtliches kennzeichen",
        ],
    )
    .invalidator(|v| !plate_ok(v))
    .build()
    .expect("constant plate pattern compiles (tested)")
}

/// `DeHandelsregisterRecognizer` (`DE_HANDELSREGISTER`): `HRA 12345` / `HRB 123456`; the prefix is
/// specific, so Presidio's 0.5 is kept.
pub fn de_handelsregister() -> PatternRecognizer {
    de(
        "DeHandelsregisterRecognizer",
        "DE_HANDELSREGISTER",
        [Pattern::new(
            "Handelsregisternummer HRA/HRB",
            format!(r"{B}HR[AB]\s?\d{{1,6}}{B}"),
            0.5,
        )],
        &[
            "handelsregister",
            "handelsregisternummer",
            "amtsgericht",
            "registergericht",
            "hra",
            "hrb",
            "hr-nummer",
            "registerauszug",
            "handelsregistereintrag",
            "firma",
            "gesellschaft",
            "gmbh",
            "ag",
            "ug",
            "kg",
            "ohg",
            "einzelkaufmann",
            "einzelkauffrau",
        ],
    )
    .build()
    .expect("constant register pattern compiles (tested)")
}

/// `DePlzRecognizer` (`DE_PLZ`): 5-digit postcodes 01001–99998, very weak (0.05) without context (`PLZ`).
pub fn de_plz() -> PatternRecognizer {
    de(
        "DePlzRecognizer",
        "DE_PLZ",
        [Pattern::new(
            "Postleitzahl (context required)",
            format!(r"{B}\d{{5}}{B}"),
            0.05,
        )],
        &[
            "plz",
            "postleitzahl",
            "postanschrift",
            "adresse",
            "wohnort",
            "ort",
            "wohnanschrift",
            "lieferadresse",
            "rechnungsadresse",
            "straße",
            "strasse",
            "hausnummer",
            "postfach",
            "bundesland",
            "gemeinde",
            "stadt",
            "dorf",
        ],
    )
    .invalidator(|v| v.starts_with("00") || v == "01000" || v == "99999")
    .build()
    .expect("constant PLZ pattern compiles (tested)")
}

/// `DeLanrRecognizer` (`DE_LANR`): the 9-digit lebenslange Arztnummer with the KBV check digit in the 7th
/// place. One 9-digit number in ten passes, so a pass keeps 0.3 until context (`LANR`, `Arzt`) raises it
/// (Presidio: 1.0); failures are dropped.
pub fn de_lanr() -> PatternRecognizer {
    de(
        "DeLanrRecognizer",
        "DE_LANR",
        [Pattern::new(
            "Lebenslange Arztnummer LANR (9 digits)",
            format!(r"{B}\d{{9}}{B}"),
            0.3,
        )],
        &[
            "arztnummer",
            "lanr",
            "lebenslange arztnummer",
            "arzt-nr",
            "arzt nr",
            "arzt-nummer",
            "vertragsarzt",
            "kassenarzt",
            "niedergelassener arzt",
            "kbv",
            "kassenärztliche vereinigung",
            "kv-nummer",
            "rezept",
            "verschreibung",
            "behandelnder arzt",
            "hausarzt",
            "facharzt",
        ],
    )
    .validator(|v| plausible(lanr_ok(v)))
    .build()
    .expect("constant LANR pattern compiles (tested)")
}

/// KV region codes that open a Betriebsstättennummer (KBV Arztnummern-Richtlinie, Anlage 1).
const KV_CODES: &[&str] = &[
    "01", "02", "03", "17", "20", "35", "38", "46", "51", "52", "71", "72", "73", "74", "78", "83",
    "88", "93", "98",
];

/// `DeBsnrRecognizer` (`DE_BSNR`): the 9-digit Betriebsstättennummer; it must open with a KV region code
/// (Presidio keeps the list but does not use it). No check digit: 0.2 until context (`BSNR`, `Praxis`).
pub fn de_bsnr() -> PatternRecognizer {
    de(
        "DeBsnrRecognizer",
        "DE_BSNR",
        [Pattern::new(
            "Betriebsstättennummer BSNR (9 digits)",
            format!(r"{B}\d{{9}}{B}"),
            0.2,
        )],
        &[
            "betriebsstättennummer",
            "betriebsstätten-nummer",
            "bsnr",
            "betriebsstätte",
            "praxisnummer",
            "arztpraxis",
            "praxis",
            "kassenärztliche vereinigung",
            "kv-nummer",
            "kv nummer",
            "praxisadresse",
            "praxisstandort",
            "nebenbetriebsstätte",
            "hauptbetriebsstätte",
            "behandlungsort",
            "vertragsarztpraxis",
        ],
    )
    .invalidator(|v| v == "000000000" || !v.get(..2).is_some_and(|p| KV_CODES.contains(&p)))
    .build()
    .expect("constant BSNR pattern compiles (tested)")
}

/// `DeVatIdRecognizer` (`DE_VAT_ID`): `DE` and 9 digits, also `DE 123 456 789`, `DE-123.456.789`. The
/// ISO 7064 MOD 11,10 check digit gives 1.0; as in Presidio, a failing check keeps the base score (0.5
/// or 0.4), since the BZSt does not publish the algorithm.
pub fn de_vat_id() -> PatternRecognizer {
    de(
        "DeVatIdRecognizer",
        "DE_VAT_ID",
        [
            Pattern::new(
                "USt-IdNr. (DE + 9 digits)",
                format!(r"{B}(?:DE|de)\d{{9}}{B}"),
                0.5,
            ),
            Pattern::new(
                "USt-IdNr. (with separators)",
                format!(r"{B}(?:DE|de)[ .\-]?\d{{3}}[ .\-]?\d{{3}}[ .\-]?\d{{3}}{B}"),
                0.4,
            ),
        ],
        &[
            "umsatzsteuer-identifikationsnummer",
            "umsatzsteueridentifikationsnummer",
            "ust-idnr",
            "ust-id",
            "ustidnr",
            "umsatzsteuer-id",
            "mehrwertsteuer",
            "vat",
            "vat-id",
            "vat id",
            "steueridentifikation",
            "bzst",
            "bundeszentralamt für steuern",
            "finanzamt",
            "invoice",
            "rechnung",
        ],
    )
    .validator(|v| {
        let Some(c) = Compact::new(v, |b| matches!(b, b' ' | b'.' | b'-')) else {
            return Validation::Invalid;
        };
        let digits = c.as_str().get(2..).unwrap_or_default();
        if iso7064_mod_11_10(digits) {
            Validation::Valid
        } else {
            Validation::Unknown
        }
    })
    .build()
    .expect("constant VAT ID patterns compile (tested)")
}

/// `DeFuehrerscheinRecognizer` (`DE_FUEHRERSCHEIN`): the 11-character EU-format licence number (2 letters,
/// 8 digits, 1 letter or digit). The check character's algorithm is not published: Presidio's 0.35 until
/// context (`Führerschein`) raises it.
pub fn de_fuehrerschein() -> PatternRecognizer {
    de(
        "DeFuehrerscheinRecognizer",
        "DE_FUEHRERSCHEIN",
        [Pattern::new(
            "Führerscheinnummer (EU-Format, 11 Zeichen)",
            format!(r"{B}[A-Z]{{2}}\d{{8}}[A-Z0-9]{B}"),
            0.35,
        )],
        &[
            "führerscheinnummer",
            "führerschein",
            "fahrerlaubnis",
            "fahrerlaubnisnummer",
            "fahrerlaubnisklasse",
            "führerscheininhaber",
            "fev",
            "kba",
            "kraftfahrt-bundesamt",
            "driving licence",
            "driving license",
            "driver's license",
            "licence number",
            "license number",
            "dokument nr",
            "dokument-nr",
            "feld 5",
        ],
    )
    .build()
    .expect("constant licence pattern compiles (tested)")
}

macro_rules! de_specs {
    ($($name:literal => $build:path),* $(,)?) => {
        /// Catalog entries (all off by default, as in Presidio 2.2.366).
        pub(crate) const SPECS: &[Spec] = &[$(Spec {
            name: $name,
            languages: Languages::Only(&["de"]),
            enabled_by_default: false,
            build: || Arc::new($build()),
        }),*];
    };
}

de_specs! {
    "DeTaxIdRecognizer" => de_tax_id,
    "DeTaxNumberRecognizer" => de_tax_number,
    "DePassportRecognizer" => de_passport,
    "DeIdCardRecognizer" => de_id_card,
    "DeSocialSecurityRecognizer" => de_social_security,
    "DeHealthInsuranceRecognizer" => de_health_insurance,
    "DeKfzRecognizer" => de_kfz,
    "DeHandelsregisterRecognizer" => de_handelsregister,
    "DePlzRecognizer" => de_plz,
    "DeLanrRecognizer" => de_lanr,
    "DeBsnrRecognizer" => de_bsnr,
    "DeVatIdRecognizer" => de_vat_id,
    "DeFuehrerscheinRecognizer" => de_fuehrerschein,
}
