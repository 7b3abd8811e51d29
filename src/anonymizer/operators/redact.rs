//! `redact`: remove the value entirely.

/// The replacement for any value: the empty string.
pub(crate) fn apply() -> String {
    String::new()
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_to_empty() {
        assert_eq!(super::apply(), "");
    }
}
