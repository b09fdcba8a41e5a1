//! The open document's layered spans, sorted into its paragraphs and kept in step with its
//! annotations change by change. Layers never depend on spans elsewhere: a span's layer follows
//! from the spans of its cluster (the spans chained to it by overlapping), so a change re-layers
//! only the clusters it touches and re-sorts only their paragraphs; a new annotation in a
//! document of 10,000 neither clones nor re-layers the others.

use std::cmp::Ordering;
use std::ops::Range;

use crate::core::model::annotation::Annotation;
use crate::core::model::document::Paragraph;
use crate::core::reading::runs::{drawing_order, in_drawing_order, layer_spans, LayeredSpan, SharedLabels};

pub struct SpanIndex {
    /// Each paragraph's `[start, end)`.
    paragraphs: Vec<(usize, usize)>,
    /// Every span, in the order `layer_spans` gives: by start, longer first, then by id.
    spans: Vec<LayeredSpan>,
    /// The length of the longest span: a paragraph's spans begin at most this far before it.
    longest: usize,
    /// The label texts the marks share.
    labels: SharedLabels,
}

impl SpanIndex {
    pub fn new(paragraphs: &[Paragraph], annotations: &[&Annotation]) -> SpanIndex {
        let paragraphs: Vec<(usize, usize)> = paragraphs.iter().map(|p| (p.start, p.end)).collect();
        let mut index = SpanIndex { paragraphs, spans: Vec::new(), longest: 0, labels: SharedLabels::default() };
        index.update(annotations);
        index
    }

    /// The spans of paragraph `index`, in the index's order. Found when asked rather than kept
    /// for each paragraph: a reader draws a few dozen of thousands, and a list of its own for
    /// each paragraph of a long document was a third of a megabyte that a wasm memory keeps.
    pub fn paragraph(&self, index: usize) -> Vec<LayeredSpan> {
        let Some(&(p_start, p_end)) = self.paragraphs.get(index) else { return Vec::new() };
        // Spans begin in order, none longer than `longest`: those reaching into the paragraph
        // begin between these two.
        let from = self.spans.partition_point(|s| s.start + self.longest <= p_start);
        let to = self.spans.partition_point(|s| s.start < p_end);
        self.spans[from..to].iter().filter(|s| s.end > p_start).cloned().collect()
    }

    /// Brings the index in step with `annotations` (those shown now, in any order), and says
    /// which paragraphs' spans may have changed: those the changes and their clusters touch.
    pub fn update(&mut self, annotations: &[&Annotation]) -> Vec<usize> {
        let mut order = annotations.to_vec();
        order.sort_by(in_drawing_order);
        let changed = changed_ranges(&self.spans, &order);
        if changed.is_empty() {
            return Vec::new();
        }
        let clusters = clusters(&order);
        let extents: Vec<(usize, usize)> = clusters.iter().map(|c| extent(&order[c.clone()])).collect();
        // Clusters are apart and in order, so their extents' ends ascend too.
        let mut is_touched = vec![false; clusters.len()];
        for &range in &changed {
            let first = extents.partition_point(|&(_, end)| end < range.0);
            for (at, &extent) in extents.iter().enumerate().skip(first) {
                if !overlaps(extent, range) {
                    break;
                }
                is_touched[at] = true;
            }
        }
        let touched: Vec<&Range<usize>> = clusters.iter().zip(&is_touched).filter(|(_, &t)| t).map(|(c, _)| c).collect();
        // Unchanged clusters keep their spans, moved over; touched ones are layered anew.
        let mut old = std::mem::take(&mut self.spans).into_iter().peekable();
        let mut spans = Vec::with_capacity(order.len());
        let mut next_touched = touched.iter().peekable();
        for cluster in &clusters {
            if next_touched.peek().is_some_and(|t| **t == cluster) {
                next_touched.next();
                spans.extend(layer_spans(order[cluster.clone()].iter().copied(), &mut self.labels));
                continue;
            }
            for annotation in &order[cluster.clone()] {
                let key = (annotation.start, annotation.end, annotation.id.as_str());
                while old.next_if(|s| drawing_order((s.start, s.end, &s.mark.annotation_id), key) == Ordering::Less).is_some() {}
                spans.extend(old.next());
            }
        }
        self.spans = spans;
        self.longest = self.spans.iter().map(|s| s.end - s.start).max().unwrap_or(0);
        let mut paragraphs: Vec<usize> = changed
            .iter()
            .chain(extents.iter().zip(&is_touched).filter(|(_, &t)| t).map(|(extent, _)| extent))
            .flat_map(|&(start, end)| self.touching(start, end))
            .collect();
        paragraphs.sort_unstable();
        paragraphs.dedup();
        paragraphs
    }

    /// The paragraphs `[start, end)` touches (a range empty or between paragraphs touches none).
    fn touching(&self, start: usize, end: usize) -> Range<usize> {
        let first = self.paragraphs.partition_point(|&(_, p_end)| p_end <= start);
        let last = self.paragraphs.partition_point(|&(p_start, _)| p_start < end);
        first..last.max(first)
    }
}

/// The document ranges where `spans` (as drawn) and `order` (annotations now, in drawing order)
/// differ: spans gone, added, or drawn otherwise (label, links, sureness).
fn changed_ranges(spans: &[LayeredSpan], order: &[&Annotation]) -> Vec<(usize, usize)> {
    let (mut old, mut new) = (spans.iter().peekable(), order.iter().peekable());
    let mut changed = Vec::new();
    loop {
        match (old.peek(), new.peek()) {
            (None, None) => return changed,
            (Some(s), Some(a)) => match drawing_order((s.start, s.end, &s.mark.annotation_id), (a.start, a.end, &a.id)) {
                Ordering::Equal => {
                    if *s.mark.label != *a.label || s.mark.links != a.links || s.mark.unsure != a.unsure {
                        changed.push((a.start, a.end));
                    }
                    old.next();
                    new.next();
                }
                Ordering::Less => changed.extend(old.next().map(|s| (s.start, s.end))),
                Ordering::Greater => changed.extend(new.next().map(|a| (a.start, a.end))),
            },
            (Some(_), None) => changed.extend(old.next().map(|s| (s.start, s.end))),
            (None, Some(_)) => changed.extend(new.next().map(|a| (a.start, a.end))),
        }
    }
}

/// `order` (in drawing order) cut into clusters: runs of annotations chained by overlapping.
fn clusters(order: &[&Annotation]) -> Vec<Range<usize>> {
    let mut clusters: Vec<Range<usize>> = Vec::new();
    let mut reach = 0;
    for (at, annotation) in order.iter().enumerate() {
        match clusters.last_mut() {
            Some(cluster) if annotation.start < reach => cluster.end = at + 1,
            _ => clusters.push(at..at + 1),
        }
        reach = if annotation.start < reach { reach.max(annotation.end) } else { annotation.end };
    }
    clusters
}

/// From the first start to the furthest end of `cluster`.
fn extent(cluster: &[&Annotation]) -> (usize, usize) {
    let start = cluster.first().map_or(0, |a| a.start);
    (start, cluster.iter().map(|a| a.end).max().unwrap_or(start))
}

/// Whether the ranges share a character, or one is empty and lies within the other.
fn overlaps((a_start, a_end): (usize, usize), (b_start, b_end): (usize, usize)) -> bool {
    a_start <= b_end && b_start <= a_end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::bare;

    fn paragraphs() -> Vec<Paragraph> {
        [(0, 10), (11, 20), (21, 30)].iter().map(|&(start, end)| Paragraph { start, end, bytes: start..end }).collect()
    }

    #[test]
    fn a_change_reaches_only_the_paragraphs_it_touches() {
        let (a, b, c) = (bare("a", "claim", 1, 5), bare("b", "denial", 12, 15), bare("c", "claim", 22, 25));
        let mut index = SpanIndex::new(&paragraphs(), &[&a, &b, &c]);
        assert_eq!(index.update(&[&c, &a, &b]), Vec::<usize>::new(), "the same annotations in another order");
        let inside = bare("d", "sanction", 13, 14);
        assert_eq!(index.update(&[&a, &b, &c, &inside]), [1]);
        assert_eq!(
            index.paragraph(1).iter().map(|s| (s.mark.annotation_id.as_str(), s.mark.layer)).collect::<Vec<_>>(),
            [("b", 0), ("d", 1)]
        );
        let relabelled = bare("a", "denial", 1, 5);
        assert_eq!(index.update(&[&relabelled, &b, &c, &inside]), [0]);
        let across = bare("e", "claim", 4, 23);
        assert_eq!(index.update(&[&relabelled, &b, &c, &inside, &across]), [0, 1, 2]);
        assert_eq!(index.update(&[&relabelled, &b, &c, &inside]), [0, 1, 2], "taking it away reaches all it touched");
        assert_eq!(index.paragraph(2).len(), 1);
    }
}
