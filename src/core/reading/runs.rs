//! Splitting text into highlight runs: stretches whose characters are covered by the same
//! annotations, so that overlapping and nested spans render as flat, non-nested elements.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::core::model::annotation::{Annotation, Link};
use crate::core::model::document::Paragraph;
use crate::core::text::order;

/// How one annotation is drawn on a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub annotation_id: String,
    /// The label's id, one text shared by all the marks of the label (`SharedLabels`).
    pub label: Arc<str>,
    /// The underline layer the annotation keeps along its whole length (0 is nearest the text),
    /// so a reader can follow one span through others that overlap it.
    pub layer: usize,
    /// What the annotation links to, said where its highlight begins.
    pub links: Vec<Link>,
    /// Its reader is unsure of it (drawn dotted).
    pub unsure: bool,
}

/// An annotation's range with the mark it is drawn with. The mark is shared: the span index, each
/// paragraph's share and the runs drawn all hold the same one (for 10,000 spans, megabytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayeredSpan {
    pub start: usize,
    pub end: usize,
    pub mark: Arc<Mark>,
}

/// A stretch of a paragraph covered by exactly the same annotations (and search match) throughout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Document offset, in code points.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The marks covering the run, by layer.
    pub marks: Vec<Arc<Mark>>,
    /// Whether the run is part of a match of the reader's search.
    pub found: bool,
    /// The marks of the annotations that begin with this run, by layer: where their labels'
    /// names are shown.
    pub opening: Vec<Arc<Mark>>,
}

/// The label ids of marks, each kept once however many marks have it: a long document's marks
/// are thousands, its labels a handful.
#[derive(Default)]
pub struct SharedLabels(Vec<Arc<str>>);

impl SharedLabels {
    pub fn of(&mut self, label: &str) -> Arc<str> {
        if let Some(shared) = self.0.iter().find(|shared| ***shared == *label) {
            return shared.clone();
        }
        let shared: Arc<str> = label.into();
        self.0.push(shared.clone());
        shared
    }
}

/// Gives every annotation the lowest underline layer that no annotation overlapping it uses.
/// Longer spans are placed first among those starting together, so outer spans sit nearer the text.
pub fn layer_spans<'a>(annotations: impl IntoIterator<Item = &'a Annotation>, labels: &mut SharedLabels) -> Vec<LayeredSpan> {
    let mut order: Vec<&Annotation> = annotations.into_iter().collect();
    order.sort_by(in_drawing_order);
    let mut layer_ends: Vec<usize> = Vec::new();
    order
        .into_iter()
        .map(|annotation| {
            let layer = match layer_ends.iter().position(|&end| end <= annotation.start) {
                Some(free) => {
                    layer_ends[free] = annotation.end;
                    free
                }
                None => {
                    layer_ends.push(annotation.end);
                    layer_ends.len() - 1
                }
            };
            let mark = Arc::new(Mark {
                annotation_id: annotation.id.clone(),
                label: labels.of(&annotation.label),
                layer,
                links: annotation.links.clone(),
                unsure: annotation.unsure,
            });
            LayeredSpan { start: annotation.start, end: annotation.end, mark }
        })
        .collect()
}

/// The order annotations are drawn in: by start, the longer first, then by id (a span by its start,
/// end and annotation id, an annotation by its own).
pub fn drawing_order(a: (usize, usize, &str), b: (usize, usize, &str)) -> Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then_with(|| a.2.cmp(b.2))
}

/// `drawing_order` of two annotations: one function wherever annotations are put in that order,
/// so that the wasm holds one copy of the sort.
pub fn in_drawing_order(a: &&Annotation, b: &&Annotation) -> Ordering {
    drawing_order((a.start, a.end, &a.id), (b.start, b.end, &b.id))
}

/// Marks in the order of the layers they are drawn on, stably (the shared sort: most runs hold one
/// or two marks, which it leaves as they are).
fn by_layer(marks: &mut [Arc<Mark>]) {
    order::sort_stably_by(marks, |a, b| a.layer.cmp(&b.layer));
}

/// Sorts `items` (each covering a range of document offsets) into the paragraphs they touch, so
/// that each paragraph looks at its own few instead of all of them: a long document with many
/// annotations re-renders only the paragraphs a change touches, and quickly finds which.
pub fn by_paragraph<T: Clone>(paragraphs: &[Paragraph], items: &[T], range: impl Fn(&T) -> (usize, usize)) -> Vec<Vec<T>> {
    let mut buckets = vec![Vec::new(); paragraphs.len()];
    for item in items {
        let (start, end) = range(item);
        let first = paragraphs.partition_point(|p| p.end <= start);
        for (bucket, paragraph) in buckets[first..].iter_mut().zip(&paragraphs[first..]) {
            if paragraph.start >= end {
                break;
            }
            bucket.push(item.clone());
        }
    }
    buckets
}

/// Splits the paragraph `text`, which begins at document offset `start`, into runs, by the
/// annotation `spans` and the search `matches` (document ranges). Ranges outside the paragraph
/// are ignored; empty runs are never produced.
pub fn split_into_runs(text: &str, start: usize, spans: &[LayeredSpan], matches: &[(usize, usize)]) -> Vec<Run> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end = start + chars.len();
    let inside: Vec<&LayeredSpan> = spans.iter().filter(|s| s.start < end && s.end > start && s.start < s.end).collect();
    let found: Vec<&(usize, usize)> = matches.iter().filter(|&&(from, to)| from < end && to > start && from < to).collect();
    let mut cuts: Vec<usize> = vec![start, end];
    for (from, to) in inside.iter().map(|s| (s.start, s.end)).chain(found.iter().map(|&&range| range)) {
        cuts.extend([from.max(start), to.min(end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let byte_at = |offset: usize| chars.get(offset - start).map_or(text.len(), |&(byte, _)| byte);
    // Every cut is the edge of a span or a match, so neighbouring runs always differ in their
    // marks, or in being found, except where two matches meet; those merge.
    let mut runs: Vec<Run> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let mut marks: Vec<Arc<Mark>> = inside.iter().filter(|s| s.start <= from && to <= s.end).map(|s| s.mark.clone()).collect();
        by_layer(&mut marks);
        let is_found = found.iter().any(|&&(f, t)| f <= from && to <= t);
        let mut opening: Vec<Arc<Mark>> = inside.iter().filter(|s| s.start == from).map(|s| s.mark.clone()).collect();
        by_layer(&mut opening);
        match runs.last_mut() {
            Some(last) if last.marks == marks && last.found == is_found && opening.is_empty() => {
                last.end = to;
                last.text.push_str(&text[byte_at(from)..byte_at(to)]);
            }
            _ => {
                runs.push(Run { start: from, end: to, text: text[byte_at(from)..byte_at(to)].to_owned(), marks, found: is_found, opening })
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layered(annotations: &[Annotation]) -> Vec<LayeredSpan> {
        layer_spans(annotations, &mut SharedLabels::default())
    }

    #[test]
    fn items_go_to_every_paragraph_they_touch_and_no_other() {
        let paragraph = |start, end| Paragraph { start, end, bytes: start..end };
        let paragraphs = [paragraph(0, 5), paragraph(6, 10), paragraph(12, 20)];
        let items = [(0, 2), (4, 7), (5, 6), (10, 12), (3, 15), (20, 25)];
        let buckets = by_paragraph(&paragraphs, &items, |&range| range);
        assert_eq!(buckets, [vec![(0, 2), (4, 7), (3, 15)], vec![(4, 7), (3, 15)], vec![(3, 15)]]);
    }
    use crate::core::model::annotation::bare as annotation;

    fn summary(runs: &[Run]) -> Vec<(String, Vec<(String, usize)>)> {
        runs.iter().map(|r| (r.text.clone(), r.marks.iter().map(|m| (m.annotation_id.clone(), m.layer)).collect())).collect()
    }

    fn owned(expected: &[(&str, &[(&str, usize)])]) -> Vec<(String, Vec<(String, usize)>)> {
        expected.iter().map(|(text, marks)| (text.to_string(), marks.iter().map(|(id, l)| (id.to_string(), *l)).collect())).collect()
    }

    #[test]
    fn plain_text_is_one_run() {
        let runs = split_into_runs("no marks 🚀", 10, &[], &[]);
        assert_eq!(summary(&runs), owned(&[("no marks 🚀", &[])]));
        assert_eq!((runs[0].start, runs[0].end), (10, 20));
        assert!(split_into_runs("", 0, &[], &[]).is_empty());
    }

    #[test]
    fn overlapping_spans_share_the_middle() {
        let spans = layered(&[annotation("a", "claim", 0, 6), annotation("b", "denial", 3, 9)]);
        let runs = split_into_runs("Iran’s denial", 0, &spans, &[]);
        assert_eq!(summary(&runs), owned(&[("Ira", &[("a", 0)]), ("n’s", &[("a", 0), ("b", 1)]), (" de", &[("b", 1)]), ("nial", &[])]));
    }

    #[test]
    fn nested_spans_keep_their_layers_and_outer_is_nearest() {
        let spans = layered(&[annotation("inner", "denial", 2, 4), annotation("outer", "claim", 0, 8)]);
        let runs = split_into_runs("“no missile”", 0, &spans, &[]);
        assert_eq!(
            summary(&runs),
            owned(&[("“n", &[("outer", 0)]), ("o ", &[("outer", 0), ("inner", 1)]), ("miss", &[("outer", 0)]), ("ile”", &[])])
        );
    }

    #[test]
    fn same_range_twice_carries_both_marks() {
        let spans = layered(&[annotation("a", "claim", 1, 3), annotation("b", "sanction", 1, 3)]);
        let runs = split_into_runs("abcd", 0, &spans, &[]);
        assert_eq!(summary(&runs), owned(&[("a", &[]), ("bc", &[("a", 0), ("b", 1)]), ("d", &[])]));
    }

    #[test]
    fn layers_are_reused_once_free() {
        let spans = layered(&[annotation("a", "claim", 0, 4), annotation("b", "claim", 2, 6), annotation("c", "claim", 4, 8)]);
        let layers: Vec<(&str, usize)> = spans.iter().map(|s| (s.mark.annotation_id.as_str(), s.mark.layer)).collect();
        assert_eq!(layers, [("a", 0), ("b", 1), ("c", 0)]);
    }

    #[test]
    fn runs_know_which_annotations_open_with_them() {
        let spans = layered(&[annotation("a", "claim", 0, 6), annotation("b", "denial", 3, 9), annotation("c", "sanction", 3, 5)]);
        let runs = split_into_runs("Iran’s denial", 0, &spans, &[]);
        let opening: Vec<(&str, Vec<&str>)> =
            runs.iter().map(|r| (r.text.as_str(), r.opening.iter().map(|m| &*m.label).collect())).collect();
        assert_eq!(opening, [("Ira", vec!["claim"]), ("n’", vec!["denial", "sanction"]), ("s", vec![]), (" de", vec![]), ("nial", vec![])]);
    }

    #[test]
    fn search_matches_cut_runs_of_their_own() {
        let spans = layered(&[annotation("a", "claim", 0, 6)]);
        let runs = split_into_runs("Iran’s Iran", 0, &spans, &[(2, 4), (7, 9), (9, 11)]);
        let found: Vec<(&str, bool, usize)> = runs.iter().map(|r| (r.text.as_str(), r.found, r.marks.len())).collect();
        assert_eq!(found, [("Ir", false, 1), ("an", true, 1), ("’s", false, 1), (" ", false, 0), ("Iran", true, 0)]);
    }

    #[test]
    fn spans_crossing_paragraph_edges_are_clipped() {
        let spans = layered(&[annotation("a", "claim", 0, 12), annotation("b", "claim", 30, 40)]);
        let runs = split_into_runs("second paragraph", 10, &spans, &[]);
        assert_eq!(summary(&runs), owned(&[("se", &[("a", 0)]), ("cond paragraph", &[])]));
        assert_eq!((runs[1].start, runs[1].end), (12, 26));
    }
}
