//! What an export covers, and what every format's writer asks of it: the spans in the chosen
//! unit, the documents with their annotations, the links between exported annotations.

use std::collections::HashMap;
use std::sync::Arc;

use crate::core::model::annotation::{Annotation, Relation};
use crate::core::model::document::Document;
use crate::core::model::label::{self, Label};
use crate::core::text::offsets::{code_points_to_utf16, OffsetUnit};
use crate::core::work::workspace::Workspace;

/// What an export covers: the documents, their annotations and the labels; and the unit of the
/// offsets of the formats that offer a choice.
pub struct Corpus<'a> {
    pub documents: &'a [Arc<Document>],
    pub labels: &'a [Label],
    pub workspace: &'a Workspace,
    pub offsets: OffsetUnit,
}

impl Corpus<'_> {
    /// Each annotation's `[start, end)` in the chosen unit.
    pub(super) fn spans_in_unit(&self, document: &Document, annotations: &[Annotation]) -> Vec<(usize, usize)> {
        let spans = annotations.iter().map(|a| (a.start, a.end));
        match self.offsets {
            OffsetUnit::CodePoints => spans.collect(),
            OffsetUnit::Utf16 => {
                let offsets: Vec<usize> = spans.flat_map(|(start, end)| [start, end]).collect();
                code_points_to_utf16(&document.text, &offsets).chunks(2).map(|pair| (pair[0], pair[1])).collect()
            }
        }
    }

    /// How many annotations overlap another of their document (nesting included).
    pub fn overlapping(&self) -> usize {
        self.annotated()
            .map(|(_, annotations)| {
                let mut spans: Vec<(usize, usize)> = annotations.iter().map(|a| (a.start, a.end)).collect();
                spans.sort_unstable();
                let mut overlapping = vec![false; spans.len()];
                let mut reach: Option<(usize, usize)> = None; // (end, index) of the farthest-reaching so far
                for (index, &(start, end)) in spans.iter().enumerate() {
                    if let Some((far, by)) = reach.filter(|&(far, _)| start < far) {
                        overlapping[index] = true;
                        overlapping[by] = true;
                        if end > far {
                            reach = Some((end, index));
                        }
                    } else {
                        reach = Some((end, index));
                    }
                }
                overlapping.iter().filter(|&&o| o).count()
            })
            .sum()
    }
    /// Each document with its annotations in text order.
    pub(super) fn annotated(&self) -> impl Iterator<Item = (&Document, &[Annotation])> {
        self.documents.iter().map(|d| (&**d, self.workspace.annotations(&d.id)))
    }

    /// Each link whose two annotations are both in the export, in the order of the annotations
    /// that make them; links to annotations left out (or deleted) are left out too.
    pub(super) fn links(&self) -> Vec<Linked<'_>> {
        let by_id: HashMap<&str, (&Document, &Annotation)> =
            self.annotated().flat_map(|(d, list)| list.iter().map(move |a| (a.id.as_str(), (d, a)))).collect();
        self.annotated()
            .flat_map(|(document, list)| list.iter().map(move |a| (document, a)))
            .flat_map(|(document, from)| from.links.iter().map(move |link| (document, from, link)))
            .filter_map(|(from_document, from, link)| {
                let &(to_document, to) = by_id.get(link.to.as_str())?;
                Some(Linked { from_document, from, to_document, to, relation: link.relation })
            })
            .collect()
    }

    /// The name a label is shown by; an id no label has (which import never lets in) shows as itself.
    pub(super) fn label_name<'a>(&'a self, id: &'a str) -> &'a str {
        label::name_of(self.labels, id)
    }
}

/// A link between two exported annotations, with the documents they are in.
pub(super) struct Linked<'a> {
    pub(super) from_document: &'a Document,
    pub(super) from: &'a Annotation,
    pub(super) to_document: &'a Document,
    pub(super) to: &'a Annotation,
    pub(super) relation: Relation,
}
