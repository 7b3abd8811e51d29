//! `replace`: substitute a fixed string, by default `<ENTITY_TYPE>`.

use crate::entity::EntityType;

/// Appends the replacement for one value to `out`: `new_value`, or `<ENTITY_TYPE>` when none is configured.
pub(crate) fn push(new_value: Option<&str>, entity_type: &EntityType, out: &mut String) {
    match new_value {
        Some(v) => out.push_str(v),
        None => {
            out.push('<');
            out.push_str(entity_type.as_str());
            out.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymizer::operators::collect;

    fn apply(new_value: Option<&str>, entity_type: &EntityType) -> String {
        collect(|out| push(new_value, entity_type, out))
    }

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
