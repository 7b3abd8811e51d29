//! Registry (stub; being written by the lead).
/// Registry.
#[derive(Clone, Default)]
pub struct RecognizerRegistry;
/// Info.
#[derive(Debug, Clone)]
pub struct RecognizerInfo;
