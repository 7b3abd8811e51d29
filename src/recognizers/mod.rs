//! Predefined recognizers, one family per file.
