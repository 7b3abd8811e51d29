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
    let h = header.trim().trim_matches('"');
    // ASCII headers of up to 64 bytes are lower-cased on the stack and split without collecting (the same
    // words as the general path: for ASCII, `to_lowercase` and `is_alphanumeric` are the ASCII ones).
    let mut buf = [0u8; 64];
    if let Some(lower) = buf.get_mut(..h.len()).filter(|_| h.is_ascii()) {
        lower.copy_from_slice(h.as_bytes());
        lower.make_ascii_lowercase();
        let h = std::str::from_utf8(lower).ok()?;
        let words = || {
            h.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
        };
        let last = words().next_back()?;
        return kind_of(last, |list| words().any(|w| list.contains(&w)));
    }
    let h = h.to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = *words.last()?;
    kind_of(last, |list| words.iter().any(|w| list.contains(w)))
}

/// The column a header names, from its last word `last` (lower case) and `has`, whether any of its words
/// is on a list.
fn kind_of(last: &str, has: impl Fn(&[&str]) -> bool) -> Option<Column> {
    // The last word names the column (`Mailing City`, `id_state`), except for postcodes anywhere.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The former `column_kind`, for comparison.
    fn reference(header: &str) -> Option<Column> {
        let h = header.trim().trim_matches('"').to_lowercase();
        let words: Vec<&str> = h
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let last = *words.last()?;
        kind_of(last, |list| words.iter().any(|w| list.contains(w)))
    }

    #[test]
    fn stack_path_equals_the_general_one() {
        for h in [
            "Mailing City",
            " \"ZIP\" ",
            "id_state",
            "first_name",
            "Company Name",
            "account name",
            "Straße",
            "CITTÀ",
            "PLZ/Ort",
            "",
            "\"\"",
            "  ",
            "x",
            "Postal Code 2",
            "a-very-long-header-name-that-is-longer-than-sixty-four-bytes-city",
        ] {
            assert_eq!(column_kind(h), reference(h), "{h:?}");
        }
        assert_eq!(column_kind("Mailing City"), Some(Column::City));
        assert_eq!(column_kind("CAP"), Some(Column::Postcode));
    }

    proptest::proptest! {
        #[test]
        fn stack_path_equals_the_general_one_on_random_headers(
            h in "([ _\\-/\".#0-9a-zA-Z]|city|ZIP|name|company|Account|state|Ort|città|straße){0,12}"
        ) {
            proptest::prop_assert_eq!(column_kind(&h), reference(&h));
        }
    }
}
