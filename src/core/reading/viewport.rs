//! How tall the paragraphs of a long document are. The page keeps only those on screen in the
//! DOM, and stands in for the rest with space as tall as they would be: their heights as
//! measured once they were drawn, or, until then, estimated from their length by what the drawn
//! ones measured. Heights are CSS pixels; a paragraph's height runs from its top to the next
//! one's, so it includes its margins and whatever is drawn under it.

use std::ops::Range;

/// Height of a paragraph of `OVERHEAD_CHARS` + n characters is estimated in proportion to it: the
/// overhead stands for the margin and the last, partly filled line.
const OVERHEAD_CHARS: f64 = 60.0;
/// Pixels per character until anything is measured: a 16 px font in lines of about 70.
const DEFAULT_PX_PER_CHAR: f64 = 0.4;

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Each paragraph's length, in code points.
    lengths: Vec<usize>,
    measured: Vec<Option<f64>>,
    /// Sums over the measured paragraphs, from which the others are estimated.
    measured_px: f64,
    measured_weight: f64,
}

impl Layout {
    /// The layout of paragraphs of `lengths` code points, none of them measured yet.
    pub fn new(lengths: Vec<usize>) -> Layout {
        let measured = vec![None; lengths.len()];
        Layout { lengths, measured, measured_px: 0.0, measured_weight: 0.0 }
    }

    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// Records that paragraph `index` measured `height` as drawn.
    pub fn measure(&mut self, index: usize, height: f64) {
        if index >= self.len() || !height.is_finite() || height < 0.0 {
            return;
        }
        let weight = weight(self.lengths[index]);
        if let Some(old) = self.measured[index].replace(height) {
            self.measured_px -= old;
            self.measured_weight -= weight;
        }
        self.measured_px += height;
        self.measured_weight += weight;
    }

    /// Forgets every measurement: the page was laid out anew (another width or text size).
    pub fn forget_measurements(&mut self) {
        *self = Layout::new(std::mem::take(&mut self.lengths));
    }

    /// Paragraph `index`'s height: as measured, or as estimated.
    pub fn height(&self, index: usize) -> f64 {
        self.measured[index].unwrap_or_else(|| {
            let per_weight = if self.measured_weight > 0.0 { self.measured_px / self.measured_weight } else { DEFAULT_PX_PER_CHAR };
            weight(self.lengths[index]) * per_weight
        })
    }

    /// The height of `paragraphs` together.
    pub fn height_of(&self, paragraphs: Range<usize>) -> f64 {
        paragraphs.filter(|&index| index < self.len()).map(|index| self.height(index)).sum()
    }
}

fn weight(length: usize) -> f64 {
    length as f64 + OVERHEAD_CHARS
}

/// The paragraphs, by index, that the document range `[start, end)` touches, given the
/// paragraphs' `[start, end)` ranges in order; an empty range touches the paragraph it is in
/// (or the next one, between paragraphs).
pub fn paragraphs_of(paragraphs: &[(usize, usize)], start: usize, end: usize) -> Range<usize> {
    let first = paragraphs.partition_point(|&(_, p_end)| p_end < start).min(paragraphs.len().saturating_sub(1));
    let last = paragraphs.partition_point(|&(p_start, _)| p_start < end);
    first..last.max(first + 1).min(paragraphs.len())
}

/// `pixels` as a CSS length ("12.5px"), to the millionth of a pixel: exact for the 64ths of a
/// pixel that layout measures in, and precise enough for any other. Written with integers, so
/// the first screen carries none of Rust's float formatting (6 KB of its brotli download); a
/// length that is not finite is written as none.
pub fn css_pixels(pixels: f64) -> String {
    let millionths = (pixels * 1e6).round();
    if !millionths.is_finite() {
        return "0px".to_string();
    }
    let sign = if millionths < 0.0 { "-" } else { "" };
    // Saturates past ±9.2 trillion pixels, far beyond any page.
    let millionths = (millionths as i64).unsigned_abs();
    let (whole, fraction) = (millionths / 1_000_000, millionths % 1_000_000);
    if fraction == 0 {
        return format!("{sign}{whole}px");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}px", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_written_as_a_stylesheet_reads_them() {
        assert_eq!(css_pixels(0.0), "0px");
        assert_eq!(css_pixels(-0.0), "0px");
        assert_eq!(css_pixels(12.0), "12px");
        assert_eq!(css_pixels(12.5), "12.5px");
        assert_eq!(css_pixels(0.015625), "0.015625px", "a 64th of a pixel, exactly");
        assert_eq!(css_pixels(-3.25), "-3.25px");
        assert_eq!(css_pixels(1.0 / 3.0), "0.333333px");
        assert_eq!(css_pixels(2.9999999), "3px");
        assert_eq!(css_pixels(f64::NAN), "0px");
        assert_eq!(css_pixels(f64::INFINITY), "0px");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever layout measures (a whole number of 64ths) is read back as exactly itself.
            #[test]
            fn layout_lengths_are_read_back_exactly(sixty_fourths in -100_000_000i64..100_000_000) {
                let pixels = sixty_fourths as f64 / 64.0;
                let written = css_pixels(pixels);
                let number = written.strip_suffix("px").expect("a length in pixels");
                prop_assert_eq!(number.parse::<f64>().expect("a number"), pixels, "{}", written);
            }

            /// Any other length is read back within half a millionth of a pixel.
            #[test]
            fn other_lengths_are_read_back_closely(pixels in -1.0e7f64..1.0e7) {
                let written = css_pixels(pixels);
                let number: f64 = written.strip_suffix("px").expect("a length in pixels").parse().expect("a number");
                prop_assert!((number - pixels).abs() <= 0.5e-6 + pixels.abs() * 1e-15, "{} for {}", written, pixels);
            }
        }
    }

    #[test]
    fn unmeasured_paragraphs_are_estimated_from_the_measured_ones() {
        let mut layout = Layout::new(vec![140, 140, 40, 340]);
        assert_eq!(layout.height(0), 200.0 * DEFAULT_PX_PER_CHAR);
        layout.measure(0, 100.0);
        assert_eq!(layout.height(1), 100.0, "same length, same height");
        assert_eq!(layout.height(2), 50.0);
        assert_eq!(layout.height(3), 200.0);
        layout.measure(0, 120.0);
        assert_eq!(layout.height(1), 120.0, "a second measurement replaces the first");
        layout.forget_measurements();
        assert_eq!(layout.height(1), 200.0 * DEFAULT_PX_PER_CHAR);
    }

    #[test]
    fn paragraphs_add_up() {
        let mut layout = Layout::new(vec![10, 10, 10]);
        for (index, height) in [(0, 10.0), (1, 20.0), (2, 30.0)] {
            layout.measure(index, height);
        }
        assert_eq!(layout.height_of(0..3), 60.0);
        assert_eq!(layout.height_of(1..9), 50.0, "past the end counts nothing");
        layout.measure(1, f64::NAN);
        assert_eq!(layout.height(1), 20.0, "a height that is not a number is not taken");
    }

    #[test]
    fn ranges_find_their_paragraphs() {
        let paragraphs = [(0, 5), (6, 10), (12, 20)];
        assert_eq!(paragraphs_of(&paragraphs, 0, 2), 0..1);
        assert_eq!(paragraphs_of(&paragraphs, 4, 7), 0..2);
        assert_eq!(paragraphs_of(&paragraphs, 3, 15), 0..3);
        assert_eq!(paragraphs_of(&paragraphs, 13, 13), 2..3);
        assert_eq!(paragraphs_of(&paragraphs, 10, 12), 1..2, "a line break belongs to the paragraph it ends");
        assert_eq!(paragraphs_of(&paragraphs, 11, 11), 2..3, "between paragraphs: the next");
        assert_eq!(paragraphs_of(&paragraphs, 25, 30), 2..3, "past the end: the last");
    }
}
