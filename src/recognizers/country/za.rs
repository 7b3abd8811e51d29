//! South Africa: identity number, company registration, driving licence, income tax and VAT numbers,
//! licence plates, passports and traffic register numbers (Presidio's `Za*Recognizer`s, off by default).
//! Phone numbers are in `za_phone`.

use std::sync::Arc;

use super::{B, off_en, whole};
use crate::recognizers::Spec;
use crate::validate::civil_date::today;
use crate::validate::{za_id_number as id_ok, za_tax_number};
use crate::{EntityType, Pattern, PatternRecognizer, Recognizer, Validation};

/// Catalog entries, off by default as in Presidio's `default_recognizers.yaml`.
pub(crate) const SPECS: &[Spec] = &[
    off_en("ZaIdNumberRecognizer", || Arc::new(za_id_number())),
    off_en("ZaCompanyRegistrationRecognizer", || {
        Arc::new(za_company_registration())
    }),
    off_en(
        "ZaDriverLicenseRecognizer",
        || Arc::new(za_driver_license()),
    ),
    off_en("ZaIncomeTaxNumberRecognizer", || {
        Arc::new(za_income_tax_number())
    }),
    off_en("ZaLicensePlateRecognizer", || Arc::new(za_license_plate())),
    off_en("ZaPassportRecognizer", || Arc::new(za_passport())),
    off_en("ZaTrafficRegisterNumberRecognizer", || {
        Arc::new(za_traffic_register_number())
    }),
    off_en("ZaVatNumberRecognizer", || Arc::new(za_vat_number())),
];

/// `ZaIdNumberRecognizer` (`ZA_ID_NUMBER`): `YYMMDD SSSS C A Z`, compact or grouped `800101 5009 087`
/// (Presidio: compact only). A real birth date not in the future, citizenship 0–2, legacy digit 8/9 and
/// the Luhn check together pass about one random 13-digit value in 5,000, so a passing value scores 1.0;
/// others are dropped.
pub fn za_id_number() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("ZaIdNumberRecognizer", EntityType::new("ZA_ID_NUMBER"))
            .patterns([
                Pattern::new("ID number", format!(r"{B}\d{{10}}[0-2][89]\d{B}"), 0.2),
                Pattern::new(
                    "ID number (grouped)",
                    format!(r"{B}\d{{6}} \d{{4}} [0-2][89]\d{B}"),
                    0.2,
                ),
            ])
            .context([
                "id",
                "identity",
                "identity number",
                "id number",
                "south african id",
                "rsa id",
                "smart id",
                "national id",
            ])
            .validator(|v| {
                if id_ok(v) {
                    Validation::Valid
                } else {
                    Validation::Invalid
                }
            }),
    )
}

/// Whether `year` (four ASCII digits) lies between 1800 and this year.
fn plausible_year(year: &[u8]) -> bool {
    if year.len() != 4 || !year.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let y = year.iter().fold(0i32, |a, &d| a * 10 + i32::from(d - b'0'));
    (1800..=today().0).contains(&y)
}

/// `ZaCompanyRegistrationRecognizer` (`ZA_COMPANY_REGISTRATION`): CIPC numbers `2019/123456/07` (0.4)
/// and legacy `CK1998/012345` (0.3); the year must not be in the future. Presidio scores a passing year
/// check 1.0; here it only gates. Context: `cipc`, `company registration`, `registration number`, ….
pub fn za_company_registration() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "ZaCompanyRegistrationRecognizer",
            EntityType::new("ZA_COMPANY_REGISTRATION"),
        )
        .patterns([
            Pattern::new(
                "Company registration",
                format!(r"{B}(?:18|19|20)\d{{2}}/\d{{6}}/\d{{2}}{B}"),
                0.4,
            ),
            Pattern::new(
                "Company registration (legacy)",
                format!(r"{B}(?:CK|NR|[KTWBMN])\d{{4}}/\d{{6}}{B}"),
                0.3,
            ),
        ])
        .context([
            "cipc",
            "company registration",
            "registration number",
            "close corporation",
            "company reg",
            "enterprise number",
        ])
        .invalidator(|v| {
            let b = v.as_bytes();
            let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
            !b.get(letters..letters + 4).is_some_and(plausible_year)
        }),
    )
}

/// `ZaDriverLicenseRecognizer` (`ZA_DRIVER_LICENSE`): 10–14 characters, 6–10 digits then 2–5 letters or
/// digits, at least one letter. Presidio scores every value that has a letter 1.0; here that rule only
/// gates and the base score is 0.1, so context (`licence`, `driving licence`, `natis`, …) is needed.
pub fn za_driver_license() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "ZaDriverLicenseRecognizer",
            EntityType::new("ZA_DRIVER_LICENSE"),
        )
        .pattern(Pattern::new(
            "Driving licence",
            format!(r"{B}\d{{6,10}}[A-Z0-9]{{2,5}}{B}"),
            0.1,
        ))
        .context([
            "licence",
            "license",
            "driving licence",
            "driving license",
            "driver's licence",
            "driver's license",
            "drivers licence",
            "drivers license",
            "enatis",
            "natis",
            "licence number",
            "license number",
        ])
        .invalidator(|v| {
            !(10..=14).contains(&v.len()) || !v.bytes().any(|b| b.is_ascii_uppercase())
        }),
    )
}

/// `ZaIncomeTaxNumberRecognizer` (`ZA_INCOME_TAX_NUMBER`): 10 digits, first 0, 1, 2, 3 or 9, with the
/// Luhn check SARS uses (absent from Presidio, which scores every such 10-digit number 1.0). The check
/// gates; base 0.05, context `sars`, `tax reference`, `income tax`, `tax number`, ….
pub fn za_income_tax_number() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "ZaIncomeTaxNumberRecognizer",
            EntityType::new("ZA_INCOME_TAX_NUMBER"),
        )
        .pattern(Pattern::new(
            "Income tax number",
            format!(r"{B}[01239]\d{{9}}{B}"),
            0.05,
        ))
        .context([
            "sars",
            "tax reference",
            "income tax",
            "tax number",
            "itr",
            "taxpayer",
            "tax registration",
        ])
        .invalidator(|v| !za_tax_number(v)),
    )
}

/// `ZaLicensePlateRecognizer` (`ZA_LICENSE_PLATE`): plates ending in a province code (GP, ZN, WP, EC, NC,
/// FS, LP, MP, NW): `CA 123 GP`-style, `AB 12 CD GP`, `ABC123GP`, Eastern Cape `123 ABC EC`; upper case;
/// 0.3 (Presidio scores every value that passes its shape check 1.0).
pub fn za_license_plate() -> impl Recognizer {
    let p = "(?:GP|ZN|WP|EC|NC|FS|LP|MP|NW)";
    whole(
        PatternRecognizer::builder(
            "ZaLicensePlateRecognizer",
            EntityType::new("ZA_LICENSE_PLATE"),
        )
        .patterns([
            Pattern::new(
                "Plate (compact)",
                format!(r"{B}[A-Z]{{2,4}}\d{{2,4}}[A-Z]{{0,4}}{p}{B}"),
                0.3,
            ),
            Pattern::new(
                "Plate (spaced)",
                format!(r"{B}[A-Z]{{2}} ?\d{{2}} ?[A-Z]{{2}} ?{p}{B}"),
                0.3,
            ),
            Pattern::new(
                "Plate (letters, digits)",
                format!(r"{B}[A-Z]{{2,3}} ?\d{{2,3}} ?{p}{B}"),
                0.3,
            ),
            Pattern::new(
                "Plate (Eastern Cape)",
                format!(r"{B}\d{{2,3}} ?[A-Z]{{2,3}} ?EC{B}"),
                0.3,
            ),
        ])
        .context([
            "licence plate",
            "license plate",
            "number plate",
            "registration",
            "vehicle registration",
            "natis",
            "enatis",
            "plate number",
        ]),
    )
}

/// `ZaPassportRecognizer` (`ZA_PASSPORT`): A, D, M or T + 8 digits; 0.1 (Presidio: 0.2, raised to 1.0 by
/// a format-only validator); context `passport`, `dha`, `travel document`, ….
pub fn za_passport() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("ZaPassportRecognizer", EntityType::new("ZA_PASSPORT"))
            .pattern(Pattern::new(
                "Passport",
                format!(r"{B}[ADMT]\d{{8}}{B}"),
                0.1,
            ))
            .context([
                "passport",
                "passport number",
                "travel document",
                "dha",
                "south african passport",
                "rsa passport",
            ]),
    )
}

/// `ZaTrafficRegisterNumberRecognizer` (`ZA_TRAFFIC_REGISTER_NUMBER`): 13 digits that are not a valid ID
/// number. Presidio scores every such value 1.0 (any 13-digit barcode or millisecond timestamp); here the
/// base is 0.05 and context (`traffic register`, `trn`, `natis`, …) is needed.
pub fn za_traffic_register_number() -> impl Recognizer {
    whole(
        PatternRecognizer::builder(
            "ZaTrafficRegisterNumberRecognizer",
            EntityType::new("ZA_TRAFFIC_REGISTER_NUMBER"),
        )
        .pattern(Pattern::new("TRN", format!(r"{B}\d{{13}}{B}"), 0.05))
        .context([
            "traffic register",
            "traffic register number",
            "trn",
            "enatis",
            "natis",
            "vehicle register",
        ])
        .invalidator(id_ok),
    )
}

/// `ZaVatNumberRecognizer` (`ZA_VAT_NUMBER`): 10 digits starting with 4; 0.1 (Presidio: 1.0 for every
/// such number); context `vat`, `vat number`, `sars`, `tax invoice`, ….
pub fn za_vat_number() -> impl Recognizer {
    whole(
        PatternRecognizer::builder("ZaVatNumberRecognizer", EntityType::new("ZA_VAT_NUMBER"))
            .pattern(Pattern::new("VAT number", format!(r"{B}4\d{{9}}{B}"), 0.1))
            .context([
                "vat",
                "vat number",
                "vat registration",
                "tax invoice",
                "sars",
                "value added tax",
            ]),
    )
}
