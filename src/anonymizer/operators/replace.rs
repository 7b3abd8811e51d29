//! `replace`: substitute a fixed string, by default `<ENTITY_TYPE>`.

use crate::entity::EntityType;

/// The replacement for one value: `new_value`, or `<ENTITY_TYPE>` when none is configured.
pub(crate) fn apply(new_value: Option<&str>, entity_type: &EntityType) -> String {
    match new_value {
        Some(v) => v.to_owned(),
        None => {
            let name = entity_type.as_str();
            let mut out = String::with_capacity(name.len() + 2);
            out.push('<');
            out.push_str(name);
            out.push('>');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_entity_type_in_angle_brackets() {
        assert_eq!(apply(None, &EntityType::PERSON), "<PERSON>");
        assert_eq!(
            apply(None, &EntityType::new("EMPLOYEE_ID")),
            "<EMPLOYEE_ID>"
        );
    }

    #[test]
    fn configured_value_wins() {
        assert_eq!(apply(Some("ANON"), &EntityType::PERSON), "ANON");
        assert_eq!(apply(Some(""), &EntityType::PERSON), "");
        assert_eq!(apply(Some("名前"), &EntityType::PERSON), "名前");
    }
}
