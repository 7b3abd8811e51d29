//! Entity types: the open set of labels a recognizer can assign.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The type of a detected entity, such as `PERSON` or `EMAIL_ADDRESS`.
///
/// The set is open: the associated constants name the built-in types (Presidio's names), and
/// [`EntityType::new`] makes any other. Cloning is cheap (a static reference or a reference-counted string),
/// so results can carry their type without allocating per match.
///
/// # Example
///
/// ```
/// use piiscrub::EntityType;
///
/// let custom = EntityType::new("EMPLOYEE_ID");
/// assert_eq!(custom.as_str(), "EMPLOYEE_ID");
/// assert_eq!(EntityType::new("PERSON"), EntityType::PERSON);
/// ```
#[derive(Clone)]
pub struct EntityType(Repr);

/// One thin pointer either way, so an `EntityType` is two words (results and anonymized items carry one
/// each, millions of them in a large text).
#[derive(Clone)]
enum Repr {
    Static(&'static &'static str),
    Shared(Arc<Box<str>>),
}

macro_rules! builtin_entities {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        impl EntityType {
            $(
                $(#[$doc])*
                pub const $name: EntityType = EntityType(Repr::Static(&stringify!($name)));
            )*

            /// Every built-in entity type, in alphabetical order.
            pub const BUILTIN: &'static [EntityType] = &[$(EntityType::$name),*];
        }
    };
}

builtin_entities! {
    /// A credit or debit card number (Luhn-valid).
    CREDIT_CARD,
    /// A cryptocurrency wallet address.
    CRYPTO,
    /// A date or date-time that identifies an event in a person's life.
    DATE_TIME,
    /// An email address.
    EMAIL_ADDRESS,
    /// An International Bank Account Number.
    IBAN_CODE,
    /// An IPv4 or IPv6 address.
    IP_ADDRESS,
    /// A place: street address, city, region, postcode or country.
    LOCATION,
    /// A network interface (MAC) address.
    MAC_ADDRESS,
    /// A medical licence number (US DEA registration).
    MEDICAL_LICENSE,
    /// A nationality, religious or political group.
    NRP,
    /// A company or institution name.
    ORGANIZATION,
    /// A person's name.
    PERSON,
    /// A telephone number.
    PHONE_NUMBER,
    /// A UK National Health Service number.
    UK_NHS,
    /// A UK National Insurance number.
    UK_NINO,
    /// A web address.
    URL,
    /// A US bank account number.
    US_BANK_NUMBER,
    /// A US driver's licence number.
    US_DRIVER_LICENSE,
    /// A US Individual Taxpayer Identification Number.
    US_ITIN,
    /// A US passport number.
    US_PASSPORT,
    /// A US Social Security Number.
    US_SSN,
}

impl EntityType {
    /// An entity type with the given name. Built-in names give the built-in constant.
    ///
    /// Names are case-sensitive; by convention they are upper-case with underscores.
    pub fn new(name: impl AsRef<str>) -> Self {
        let name = name.as_ref();
        match EntityType::BUILTIN.iter().find(|e| e.as_str() == name) {
            Some(builtin) => builtin.clone(),
            None => EntityType(Repr::Shared(Arc::new(Box::from(name)))),
        }
    }

    /// The name of the type, e.g. `"PERSON"`.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Shared(s) => s,
        }
    }
}

impl fmt::Debug for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for EntityType {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.as_str(), other.as_str());
        // Copies of one constant or one `Arc` share their bytes: equal without reading them.
        a.len() == b.len() && (std::ptr::eq(a.as_ptr(), b.as_ptr()) || a == b)
    }
}

impl Eq for EntityType {}

impl PartialOrd for EntityType {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for EntityType {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for EntityType {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Borrow<str> for EntityType {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for EntityType {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for EntityType {
    fn from(s: &str) -> Self {
        EntityType::new(s)
    }
}

impl From<String> for EntityType {
    fn from(s: String) -> Self {
        EntityType::new(s)
    }
}

impl PartialEq<str> for EntityType {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for EntityType {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for EntityType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EntityType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(EntityType::new(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_names_resolve_to_constants() {
        for e in EntityType::BUILTIN {
            assert_eq!(&EntityType::new(e.as_str()), e);
            assert!(matches!(EntityType::new(e.as_str()).0, Repr::Static(_)));
        }
        assert!(EntityType::BUILTIN.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn custom_types_compare_by_name() {
        let a = EntityType::new("EMPLOYEE_ID");
        let b = EntityType::from(String::from("EMPLOYEE_ID"));
        assert_eq!(a, b);
        assert_ne!(a, EntityType::PERSON);
        assert_eq!(a, "EMPLOYEE_ID");
        // Same length, different bytes; and one `Arc` cloned.
        assert_ne!(EntityType::new("EMPLOYEE_XX"), a);
        assert_ne!(EntityType::PERSON, EntityType::US_SSN);
        assert_eq!(a.clone(), a);
        assert!(EntityType::BUILTIN.iter().all(|e| e.clone() == *e));
    }

    #[test]
    fn two_words_wide() {
        use std::mem::size_of;
        let word = size_of::<usize>();
        assert_eq!(size_of::<EntityType>(), 2 * word);
        assert_eq!(size_of::<crate::RecognizerResult>(), 8 * word);
        assert_eq!(size_of::<crate::OperatorResult>(), 7 * word);
    }
}
