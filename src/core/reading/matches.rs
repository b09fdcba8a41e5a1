//! A search of every document: what it finds in each, the words around each match as a result
//! list shows them, and what labelling every match adds (each match once, trimmed as a new
//! annotation is, none that is labelled so already).

use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::text::offsets;
use crate::core::text::search::{find, Query};

/// How many characters of the text a result shows on each side of its match, at most.
pub const CONTEXT: usize = 48;

/// What a search found in one document.
#[derive(Debug)]
pub struct Found<'a> {
    pub document: &'a Document,
    /// Code point ranges, in text order.
    pub ranges: Vec<(usize, usize)>,
}

/// Every document of `documents` where `query` is found, in their order, with its matches.
pub fn search<'a>(documents: impl IntoIterator<Item = &'a Document>, query: &Query) -> Vec<Found<'a>> {
    documents
        .into_iter()
        .map(|document| Found { document, ranges: find(&document.text, query) })
        .filter(|found| !found.ranges.is_empty())
        .collect()
}

/// How many matches `found` holds in all.
pub fn count(found: &[Found]) -> usize {
    found.iter().map(|f| f.ranges.len()).sum()
}

/// A match as a result list shows it: the words before it on its line, the match, the words
/// after, each side cut at a space and marked "…" where the line goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// The match `[start, end)` of `document` in its context.
pub fn context(document: &Document, start: usize, end: usize) -> Context {
    let line = document.paragraphs.partition_point(|p| p.end < start);
    let (line_start, line_end) = document.paragraphs.get(line).map_or((start, end), |p| (p.start.min(start), p.end.max(end)));
    let quote = |from: usize, to: usize| document.quote(from, to).unwrap_or_default();
    let before = quote(start.saturating_sub(CONTEXT).max(line_start), start);
    let after = quote(end, (end + CONTEXT).min(line_end));
    let cut_before = start.saturating_sub(CONTEXT) > line_start;
    let cut_after = end + CONTEXT < line_end;
    let before = match before.split_once(' ').filter(|_| cut_before) {
        Some((_, kept)) => format!("…{kept}"),
        None => before.to_owned(),
    };
    let after = match after.rsplit_once(' ').filter(|_| cut_after) {
        Some((kept, _)) => format!("{kept}…"),
        None => after.to_owned(),
    };
    Context { before, matched: quote(start, end).to_owned(), after }
}

/// What labelling every match adds: the ranges of each document to annotate, and how many
/// matches are passed over because an annotation of that label has that range already.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Labelling {
    pub ranges: Vec<(String, Vec<(usize, usize)>)>,
    pub skipped: usize,
}

impl Labelling {
    /// How many annotations it adds.
    pub fn count(&self) -> usize {
        self.ranges.iter().map(|(_, r)| r.len()).sum()
    }
}

/// What labelling every match of `found` with `label` adds, given the annotations each document
/// has (`annotations`). A match is annotated as a selection would be, without the spaces at
/// its edges.
pub fn labelling<'a>(found: &[Found], label: &str, annotations: impl Fn(&str) -> &'a [Annotation]) -> Labelling {
    let mut labelling = Labelling::default();
    for Found { document, ranges } in found {
        let have = annotations(&document.id);
        let labelled = |(start, end): (usize, usize)| have.iter().any(|a| a.label == label && a.start == start && a.end == end);
        let mut adding: Vec<(usize, usize)> = Vec::new();
        for &(start, end) in ranges {
            let trimmed = document.quote(start, end).and_then(|q| offsets::trim_range(q, 0, end - start));
            match trimmed.map(|(s, e)| (start + s, start + e)) {
                Some(range) if !labelled(range) && !adding.contains(&range) => adding.push(range),
                _ => labelling.skipped += 1,
            }
        }
        if !adding.is_empty() {
            labelling.ranges.push((document.id.clone(), adding));
        }
    }
    labelling
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(id: &str, text: &str) -> Document {
        Document::new(id, id, None, "", text)
    }

    fn query(text: &str) -> Query {
        Query { text: text.to_owned(), ignore_case: true, ignore_accents: true, whole_words: true }
    }

    #[test]
    fn every_document_with_a_match_is_found_in_order() {
        let documents = [document("a", "Iran denies. IRAN"), document("b", "Nothing here."), document("c", "🚀 Irān and the Iranians")];
        let found = search(&documents, &query("iran"));
        let ids: Vec<&str> = found.iter().map(|f| f.document.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(found[0].ranges, [(0, 4), (13, 17)]);
        assert_eq!(found[1].ranges, [(2, 6)], "code points, past the emoji; not inside Iranians");
        assert_eq!(count(&found), 3);
    }

    #[test]
    fn a_context_is_its_line_cut_at_spaces() {
        let words = "word ".repeat(20);
        let text = format!("Title\n{words}Iran {words}\nnext line");
        let doc = document("a", &text);
        let (start, end) = find(&doc.text, &query("iran"))[0];
        let shown = context(&doc, start, end);
        assert_eq!(shown.matched, "Iran");
        assert!(shown.before.starts_with("…word") && shown.before.ends_with("word "), "{shown:?}");
        assert!(shown.after.starts_with(" word") && shown.after.ends_with("word…"), "{shown:?}");
        assert!(shown.before.chars().count() <= CONTEXT + 1 && shown.after.chars().count() <= CONTEXT + 1);
        let short = document("b", "Title\nIran said\nMore");
        let shown = context(&short, 6, 10);
        assert_eq!((shown.before.as_str(), shown.after.as_str()), ("", " said"), "never past its line");
    }

    #[test]
    fn labelling_passes_over_what_is_labelled_so_and_trims_spaces() {
        let doc = document("a", "Iran said. Iran , Iran");
        let found = search([&doc], &Query { text: "iran ".to_owned(), ignore_case: true, ..Query::default() });
        assert_eq!(found[0].ranges, [(0, 5), (11, 16)]);
        let have = vec![
            Annotation { label: "claim".into(), start: 0, end: 4, ..Annotation::default() },
            Annotation { label: "denial".into(), start: 11, end: 15, ..Annotation::default() },
        ];
        let plan = labelling(&found, "claim", |_| &have);
        assert_eq!(plan.ranges, [("a".to_owned(), vec![(11, 15)])], "the first is a claim already; a denial is another label");
        assert_eq!((plan.count(), plan.skipped), (1, 1));
        assert_eq!(labelling(&[], "claim", |_| &have), Labelling::default());
    }
}
