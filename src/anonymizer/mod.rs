//! Anonymizer (being written).
