//! PERSON and NRP without a neural model: name lists, cues and word shape.
//!
//! - [`labeled_person`] (`LabeledPersonRecognizer`): names after labels, honorifics, greetings and
//!   sign-offs, with no word list.
//! - [`gazetteer_person`] (`GazetteerPersonRecognizer`): names found through bundled given-name and
//!   surname lists, scored by their neighbours and cues, in one linear pass.
//! - [`nrp`] (`NrpRecognizer`): nationalities, religions and political groups from a curated list.

mod cues;
pub(crate) mod gazetteer;
mod labeled;
mod names;
mod nrp;
mod reject;
mod tokens;

pub use labeled::labeled_person;
pub use names::{GazetteerPersonRecognizer, gazetteer_person};
pub use nrp::{NrpRecognizer, nrp};

use crate::recognizers::catalog::{Languages, Spec};

/// Catalog entries.
pub(crate) const SPECS: &[Spec] = &[
    labeled::SPEC,
    Spec {
        name: "GazetteerPersonRecognizer",
        languages: Languages::Only(&["en"]),
        enabled_by_default: true,
        build: || std::sync::Arc::new(gazetteer_person()),
    },
    Spec {
        name: "NrpRecognizer",
        languages: Languages::Only(&["en"]),
        enabled_by_default: true,
        build: || std::sync::Arc::new(nrp()),
    },
];
