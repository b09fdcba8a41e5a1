//! Measures, leaves of the core that depend on nothing in it but text: matching one set of spans
//! against another (precision, recall, F1 under nervaluate's schemes), agreement between
//! annotators (Cohen's κ, Krippendorff's α) and Mathet's γ. Each is checked against its reference
//! implementation on fixtures made by a committed generator script.

pub mod matching;
pub mod gamma;
pub mod agreement;
