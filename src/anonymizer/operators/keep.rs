//! `keep`: leave the value as it is (the span is still reported in the output items).

/// The replacement for `value`: the value itself.
pub(crate) fn apply(value: &str) -> String {
    value.to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_value() {
        assert_eq!(super::apply("Zoë 😀"), "Zoë 😀");
    }
}
