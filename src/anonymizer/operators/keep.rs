//! `keep`: leave the value as it is (the span is still reported in the output items).

/// Appends the replacement for `value` to `out`: the value itself.
pub(crate) fn push(value: &str, out: &mut String) {
    out.push_str(value);
}

#[cfg(test)]
mod tests {
    use crate::anonymizer::operators::collect;

    #[test]
    fn keeps_value() {
        assert_eq!(collect(|out| super::push("Zoë 😀", out)), "Zoë 😀");
    }
}
