//! Engine (stub; being written by the lead).
/// Engine.
#[derive(Clone, Default)]
pub struct AnalyzerEngine;
/// Builder.
#[derive(Clone, Default)]
pub struct AnalyzerBuilder;
