//! Who reported what: for a set of documents about one event, each claim (a row) against each
//! document (a column), saying whether that document asserts the claim in its own voice,
//! attributes it to someone, denies it (through someone), or does not mention it.
//!
//! A claim is one row however many articles carry it: claims linked to one another, or with the
//! same words (case and spacing aside), are one claim, and what links to any of them (a denial,
//! a sanction, evidence) belongs to its row. Drawn for a class from the key, each cell also counts
//! the students who saw it (`seen_by`).

use std::collections::HashMap;

use crate::core::model::annotation::{Annotation, Relation};
use crate::core::text::search::fold_name;

/// The label whose annotations are the rows.
pub const CLAIM: &str = "claim";

/// How a document stands towards a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stance {
    /// It says so in its own voice (a claim attributed to nobody, or to the writer).
    Asserts,
    /// It reports that someone says so.
    Attributes,
    /// It reports someone denying it, or denies it itself.
    Denies,
}

impl Stance {
    /// As a cell says it, with who: "attributes it to U.S. officials".
    pub fn words(self, who: &str) -> String {
        match (self, who.is_empty()) {
            (Stance::Asserts, _) => "asserts it".to_owned(),
            (Stance::Attributes, false) => format!("attributes it to {who}"),
            (Stance::Attributes, true) => "attributes it".to_owned(),
            (Stance::Denies, false) => format!("denies it, through {who}"),
            (Stance::Denies, true) => "denies it".to_owned(),
        }
    }

    /// The stance's name alone, for a count: "asserts".
    pub fn name(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Attributes => "attributes",
            Stance::Denies => "denies",
        }
    }
}

/// What a cell says when its document does not mention the claim.
pub const NOT_MENTIONED: &str = "does not mention it";

/// One passage of a document that takes a stance on a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Saying<'a> {
    pub stance: Stance,
    /// Whom the passage names as speaking (its "Attributed to"), as written.
    pub who: &'a str,
    pub annotation: &'a Annotation,
}

/// One claim across the documents: its words (as first found), and a cell per document, in the
/// documents' order; an empty cell is a document that does not mention it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub claim: &'a str,
    pub cells: Vec<Vec<Saying<'a>>>,
}

/// A cell in words: "attributes it to U.S. officials; denies it, through Iran's foreign minister".
pub fn cell_words(cell: &[Saying]) -> String {
    if cell.is_empty() {
        return NOT_MENTIONED.to_owned();
    }
    let mut said: Vec<String> = Vec::new();
    for saying in cell {
        let words = saying.stance.words(saying.who.trim());
        if !said.contains(&words) {
            said.push(words);
        }
    }
    said.join("; ")
}

/// The coverage of `documents` (id and annotations, in the order of the columns): a row per
/// claim, in the order claims are first found.
pub fn coverage<'a>(documents: &[(&'a str, &'a [Annotation])]) -> Vec<Row<'a>> {
    let all: Vec<(usize, &'a Annotation)> =
        documents.iter().enumerate().flat_map(|(column, (_, list))| list.iter().map(move |a| (column, a))).collect();
    let claims: Vec<usize> = (0..all.len()).filter(|&at| all[at].1.label == CLAIM).collect();
    let by_id: HashMap<&str, usize> = all.iter().enumerate().map(|(at, (_, a))| (a.id.as_str(), at)).collect();
    // Claims joined into one: by a link between them, or by their words.
    let mut root: HashMap<usize, usize> = claims.iter().map(|&c| (c, c)).collect();
    fn find(root: &mut HashMap<usize, usize>, at: usize) -> usize {
        let parent = root[&at];
        if parent == at {
            return at;
        }
        let top = find(root, parent);
        root.insert(at, top);
        top
    }
    fn join(root: &mut HashMap<usize, usize>, a: usize, b: usize) {
        let (a, b) = (find(root, a), find(root, b));
        // The earlier claim heads the row.
        root.insert(a.max(b), a.min(b));
    }
    let mut by_words: HashMap<String, usize> = HashMap::new();
    for &claim in &claims {
        let words = fold_name(&all[claim].1.quote);
        match by_words.get(&words) {
            Some(&first) => join(&mut root, first, claim),
            None => drop(by_words.insert(words, claim)),
        }
        for link in &all[claim].1.links {
            if let Some(&to) = by_id.get(link.to.as_str()).filter(|&&to| all[to].1.label == CLAIM) {
                join(&mut root, claim, to);
            }
        }
    }
    let mut rows: Vec<Row<'a>> = Vec::new();
    let mut row_of: HashMap<usize, usize> = HashMap::new();
    for &claim in &claims {
        let head = find(&mut root, claim);
        let row = *row_of.entry(head).or_insert_with(|| {
            rows.push(Row { claim: &all[head].1.quote, cells: vec![Vec::new(); documents.len()] });
            rows.len() - 1
        });
        let (column, annotation) = all[claim];
        let stance = match annotation.attributed_to.trim().is_empty() || annotation.source_kind == "the writer" {
            true => Stance::Asserts,
            false => Stance::Attributes,
        };
        rows[row].cells[column].push(Saying { stance, who: &annotation.attributed_to, annotation });
    }
    for &(column, annotation) in &all {
        for link in annotation.links.iter().filter(|l| l.relation == Relation::Denies) {
            let Some(&to) = by_id.get(link.to.as_str()).filter(|&&to| all[to].1.label == CLAIM) else { continue };
            let row = row_of[&find(&mut root, to)];
            rows[row].cells[column].push(Saying { stance: Stance::Denies, who: &annotation.attributed_to, annotation });
        }
    }
    for row in &mut rows {
        for cell in &mut row.cells {
            cell.sort_by_key(|saying| (saying.stance, saying.annotation.start));
            cell.dedup_by(|a, b| a.annotation.id == b.annotation.id && a.stance == b.stance);
        }
    }
    rows
}

/// A count of `seen_by` in words: "seen by 12 of 30".
pub fn seen_words(seen: usize, students: usize) -> String {
    format!("seen by {seen} of {students}")
}

/// How many of `students` saw each cell of `rows` (by row, then column): a student saw a cell
/// when, in its document (`students[s][column]`), they marked with the same label a passage that
/// overlaps one of the cell's. A cell that mentions nothing was seen by nobody.
pub fn seen_by(rows: &[Row], students: &[Vec<&[Annotation]>]) -> Vec<Vec<usize>> {
    let saw = |marked: &[Annotation], cell: &[Saying]| {
        cell.iter()
            .any(|s| marked.iter().any(|m| m.label == s.annotation.label && m.start < s.annotation.end && s.annotation.start < m.end))
    };
    rows.iter()
        .map(|row| {
            let columns = row.cells.iter().enumerate();
            columns.map(|(column, cell)| students.iter().filter(|work| work.get(column).is_some_and(|m| saw(m, cell))).count()).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::{bare, Link};

    fn said(id: &str, label: &str, start: usize, quote: &str, who: &str) -> Annotation {
        Annotation { quote: quote.into(), attributed_to: who.into(), ..bare(id, label, start, start + quote.chars().count()) }
    }

    fn linked(mut a: Annotation, to: &str, relation: Relation) -> Annotation {
        a.links.push(Link { to: to.into(), relation });
        a
    }

    fn table(rows: &[Row]) -> Vec<(String, Vec<String>)> {
        rows.iter().map(|r| (r.claim.to_owned(), r.cells.iter().map(|c| cell_words(c)).collect())).collect()
    }

    #[test]
    fn each_document_asserts_attributes_denies_or_does_not_mention_each_claim() {
        let first = [
            said("c1", "claim", 0, "Iran sent missiles to Russia", "U.S. officials"),
            linked(said("d1", "denial", 40, "no missile was sent", "Iran’s foreign minister"), "c1", Relation::Denies),
        ];
        let second = [said("c2", "claim", 5, "Iran  sent missiles to russia", ""), said("c3", "claim", 60, "Sanctions will follow", "")];
        let third = [linked(said("d2", "denial", 0, "psychological warfare", "Tehran"), "c2", Relation::Denies)];
        let documents = [("a", &first[..]), ("b", &second[..]), ("c", &third[..])];
        assert_eq!(
            table(&coverage(&documents)),
            [
                (
                    "Iran sent missiles to Russia".to_owned(),
                    vec![
                        "attributes it to U.S. officials; denies it, through Iran’s foreign minister".to_owned(),
                        "asserts it".to_owned(),
                        "denies it, through Tehran".to_owned(),
                    ]
                ),
                ("Sanctions will follow".to_owned(), vec![NOT_MENTIONED.to_owned(), "asserts it".to_owned(), NOT_MENTIONED.to_owned()]),
            ]
        );
    }

    /// Property tests run natively (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            /// Every claim is in exactly one cell, its own document's; every denial of a claim in
            /// one more; no row is empty, and each has a cell per document.
            #[test]
            fn every_claim_and_denial_is_in_one_cell_of_its_own_column(
                marked in proptest::collection::vec((0..3usize, 0..3usize, 0..4usize, proptest::option::of(0..12usize)), 0..12)
            ) {
                let labels = ["claim", "denial", "sanction"];
                let mut documents: Vec<Vec<Annotation>> = vec![Vec::new(); 3];
                for (at, &(column, label, words, _)) in marked.iter().enumerate() {
                    documents[column].push(said(&format!("a{at}"), labels[label], at * 10, &format!("words {words}"), ""));
                }
                for (at, &(column, _, _, to)) in marked.iter().enumerate() {
                    if let Some(to) = to.filter(|&to| to < marked.len() && to != at) {
                        let relation = Relation::of(&documents[column].iter().find(|a| a.id == format!("a{at}")).unwrap().label.clone());
                        let a = documents[column].iter_mut().find(|a| a.id == format!("a{at}")).unwrap();
                        a.links.push(Link { to: format!("a{to}"), relation });
                    }
                }
                let listed: Vec<(&str, &[Annotation])> = documents.iter().map(|d| ("d", &d[..])).collect();
                let rows = coverage(&listed);
                let claims: Vec<&Annotation> = documents.iter().flatten().filter(|a| a.label == CLAIM).collect();
                prop_assert!(rows.len() <= claims.len());
                for row in &rows {
                    prop_assert_eq!(row.cells.len(), 3);
                    prop_assert!(row.cells.iter().any(|c| c.iter().any(|s| s.stance != Stance::Denies)), "a row has its claim");
                }
                for (column, document) in documents.iter().enumerate() {
                    for claim in document.iter().filter(|a| a.label == CLAIM) {
                        let cells = rows.iter().filter(|r| r.cells[column].iter().any(|s| s.annotation.id == claim.id && s.stance != Stance::Denies)).count();
                        prop_assert_eq!(cells, 1, "{} is in one cell", claim.id);
                    }
                    for denial in document.iter() {
                        let denied = denial.links.iter().filter(|l| l.relation == Relation::Denies && claims.iter().any(|c| c.id == l.to)).count();
                        let cells = rows.iter().filter(|r| r.cells[column].iter().any(|s| s.annotation.id == denial.id && s.stance == Stance::Denies)).count();
                        prop_assert!(cells <= denied && (denied == 0) == (cells == 0), "{} denies in {cells} rows", denial.id);
                    }
                }
            }
        }
    }

    #[test]
    fn a_class_saw_a_cell_when_it_marked_an_overlapping_passage_with_its_label() {
        let key = [
            said("c1", "claim", 0, "Iran sent missiles", "U.S. officials"),
            linked(said("d1", "denial", 40, "no missile", "Tehran"), "c1", Relation::Denies),
        ];
        let rows = coverage(&[("a", &key[..]), ("b", &[][..])]);
        let ada = [said("x", "claim", 5, "missiles", ""), said("y", "denial", 40, "no missile", "")];
        let grace = [said("z", "denial", 0, "Iran sent", "")];
        let students: Vec<Vec<&[Annotation]>> = vec![vec![&ada[..], &[][..]], vec![&grace[..], &[][..]], vec![]];
        assert_eq!(seen_by(&rows, &students), [vec![1, 0]], "Ada's claim and denial overlap the key's; Grace's label differs");
    }

    #[test]
    fn claims_linked_to_one_another_are_one_row_whatever_their_words() {
        let first = [said("c1", "claim", 0, "Iran shipped 400 missiles", "Reuters")];
        let mut other = said("c2", "claim", 3, "the transfers", "the writer");
        other.source_kind = "the writer".into();
        let second = [linked(other, "c1", Relation::RefersTo), said("s1", "sanction", 30, "new sanctions", "the EU")];
        let documents = [("a", &first[..]), ("b", &second[..])];
        let rows = coverage(&documents);
        assert_eq!(
            table(&rows),
            [("Iran shipped 400 missiles".to_owned(), vec!["attributes it to Reuters".to_owned(), "asserts it".to_owned()])]
        );
        assert_eq!(rows[0].cells[1][0].annotation.id, "c2", "the passage is one click away");
        assert!(coverage(&[("a", &[][..])]).is_empty(), "no claim, no row");
    }
}
