//! What γ aligns: units, and how unlike two of them are.

/// One span of one person: its category (label) as an index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub start: f64,
    pub end: f64,
    pub category: usize,
}

/// The dissimilarity of two units (pygamma's combined categorical dissimilarity, α = β = 1).
pub(super) fn dissimilarity(a: &Unit, b: &Unit) -> f64 {
    let positional = ((a.start - b.start).abs() + (a.end - b.end).abs()) / ((a.end - a.start) + (b.end - b.start));
    positional * positional + if a.category == b.category { 0.0 } else { 1.0 }
}
