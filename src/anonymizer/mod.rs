//! The anonymizer: [`AnonymizerEngine`] turns analyzer results into anonymized text.
//!
//! # Pipeline
//!
//! 1. **Validate.** Every operator's parameters ([`Operators::validate`]) and every span (start ≤ end ≤
//!    text length, both on UTF-8 character boundaries) are checked before the text is touched; a bad one is
//!    a typed [`Error`](crate::Error), never a panic. Empty spans are then ignored.
//! 2. **Resolve conflicts** ([`ConflictResolution`]): same-type intersecting results merge; then the chosen
//!    strategy makes spans disjoint — Presidio's `merge_similar_or_contained` (default) and
//!    `remove_intersections`, or `PreferHigherScore`, which keeps a contained result that scores higher
//!    than its container and splits the container around it; finally same-type spans separated only by
//!    spaces merge. Every strategy is `O(n log n)` (see `conflict/`).
//! 3. **Operate** in one pass over the text: text between spans is copied, each span's value goes through
//!    the operator configured for its entity type ([`Operators::operator_for`]) and is written straight
//!    into the output, and an [`OperatorResult`] records where the new value sits there (no string per
//!    span: [`AnonymizedText::text_of`] reads it back).
//!
//! # Operators
//!
//! One file each under `operators/`: `replace` (default `<ENTITY_TYPE>`), `mask` (counts grapheme
//! clusters), `hash` (SHA-256/512, or HMAC with a [`HashKey`]), `keep`, and `custom` (a closure); `redact`
//! writes nothing and needs no file.
//! [`OperatorConfig`] selects one and serialises in Presidio's REST shape; [`Operators`] maps entity
//! types (and `DEFAULT`) to configs.

mod conflict;
mod engine;
mod operator_map;
mod operators;
mod output;

pub use conflict::ConflictResolution;
pub use engine::{AnonymizerBuilder, AnonymizerEngine};
pub use operator_map::Operators;
pub use operators::{CustomOperator, HashKey, HashType, OperatorConfig};
pub use output::{AnonymizedText, OperatorResult};
