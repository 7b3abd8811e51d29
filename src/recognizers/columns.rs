//! What a column of a delimited table holds, from its header cell: shared by the place, organisation and
//! person recognizers, so `Georgia` under `first_name` is a person and `Austin` under `city` a place.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    City,
    Region,
    Country,
    Postcode,
    Street,
    Org,
    /// People's names: gazetteer hits here are not places (`Georgia` under `first_name`).
    Person,
}

/// What the column under `header` holds, if the header says (`Mailing City`, `id_state`, `first_name`).
pub(crate) fn column_kind(header: &str) -> Option<Column> {
    let h = header.trim().trim_matches('"').to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    // The last word names the column (`Mailing City`, `id_state`), except for postcodes anywhere.
    let last = *words.last()?;
    if has(&[
        "zip",
        "postcode",
        "plz",
        "postal",
        "pincode",
        "cap",
        "cp",
        "postleitzahl",
    ]) {
        return Some(Column::Postcode);
    }
    let kind = match last {
        "city" | "town" | "ort" | "ville" | "ciudad" | "città" | "citta" | "plaats"
        | "woonplaats" | "locality" | "stadt" | "localidad" | "comune" => Column::City,
        "state" | "province" | "region" | "county" | "bundesland" | "provincia" | "provincie" => {
            Column::Region
        }
        "country" | "land" | "pays" | "país" | "pais" | "paese" | "nation" => Column::Country,
        "street" | "straße" | "strasse" | "line1" | "rue" | "calle" | "via" | "straat" => {
            Column::Street
        }
        "company" | "employer" | "organisation" | "organization" | "supplier" | "vendor"
        | "merchant" | "practice" | "bank" | "business" | "firm" | "insurer" | "pharmacy"
        | "hospital" | "carrier" | "courier" | "firma" | "empresa" | "azienda" | "bedrijf"
        | "société" | "societe" => Column::Org,
        "name"
            if has(&[
                "account",
                "company",
                "business",
                "organisation",
                "organization",
            ]) =>
        {
            Column::Org
        }
        "name" | "vorname" | "nachname" | "surname" | "firstname" | "lastname" | "customer"
        | "employee" | "requester" | "patient" | "applicant" | "payee" | "contact" | "agent"
        | "clinician" | "prescriber" | "beneficiary" | "prénom" | "nom" | "nombre" | "apellido"
        | "nome" | "cognome" | "naam" | "achternaam" | "voornaam" | "user" | "username"
        | "member" | "holder" | "names" | "forename" | "forenames" | "policyholder" | "insured"
        | "claimant" | "cardholder" | "recipient" | "sender" | "owner" | "manager" | "reviewer"
        | "assignee" | "reporter" | "passenger" | "guest" | "tenant" | "landlord" | "student"
        | "teacher" | "physician" | "doctor" | "nurse" => Column::Person,
        _ => return None,
    };
    Some(kind)
}
