//! Checksum and format validators used by the predefined recognizers, each a small tested function.
