//! The class's figures for one assignment: each student's evaluation against the key, how much
//! the class agrees (κ, α per label and over all labels, each pair's F1; γ, stepped through), every stretch of the
//! class's marking (the disagreement map) and the passages it disagrees on most. Computed here,
//! natively tested, from the assignment as taught and the texts of its documents; the app
//! computes them once per change of the class and every view reads what was computed.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::core::classroom::feedback;
use crate::core::classroom::record::Teaching;
use crate::core::measures::agreement::{self, Agreement, Marked, Stretch};
use crate::core::measures::gamma;
use crate::core::measures::matching::{Evaluation, Scheme};
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::model::label;
use crate::core::text::boundary::Segments;
use crate::core::text::offsets;

/// A stretch of the text over which every student's marking is the same throughout.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub document: String,
    pub start: usize,
    pub end: usize,
    /// The stretch's text widened to whole words and trimmed: a stretch begins where someone's
    /// marking does, often inside a word or at a space, and "“ to Russia”" reads as a fragment.
    pub quote: String,
    /// Label names with how many students gave each.
    pub by_label: Vec<(String, usize)>,
    pub nothing: usize,
    /// The share of students outside the largest group that marked it alike: 0 when all agree.
    pub spread: f64,
}

/// The name of the row of every label together.
pub const ALL_LABELS: &str = "All labels";

/// How much a class agrees.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassAgreement {
    pub students: Vec<String>,
    /// The figures of each label, then of all labels together.
    pub rows: Vec<(String, Agreement)>,
    /// The F1 (fair) of each pair of students `(i, j)`, one's work scored against the other's.
    pub pair_f1: Vec<((usize, usize), f64)>,
    pub disagreements: Vec<Passage>,
}

/// Each collected hand-in's evaluation against `key` (annotations by document id), in the order
/// they were collected.
pub fn evaluations(teaching: &Teaching, key: &BTreeMap<String, Vec<Annotation>>) -> Vec<Evaluation> {
    teaching
        .collected
        .iter()
        .map(|work| {
            let documents: Vec<(&[Annotation], &[Annotation])> = teaching
                .assignment
                .documents
                .iter()
                .map(|d| (key.get(&d.id).map_or(&[][..], Vec::as_slice), work.annotations(&d.id)))
                .collect();
            feedback::evaluate(&documents, &teaching.assignment.labels)
        })
        .collect()
}

/// Every stretch of how a class marked each document, and how many students handed in.
#[derive(Clone, Debug, PartialEq)]
pub struct DisagreementMap {
    pub students: usize,
    /// The stretches of each document, by its id, in text order.
    pub passages: BTreeMap<String, Vec<Passage>>,
}

/// Every stretch of each of `documents` (the assignment's) of how the class marked it: the
/// disagreement map. Lighter than `agreement`: no figures.
pub fn disagreement_map(teaching: &Teaching, documents: &[Arc<Document>]) -> DisagreementMap {
    let people = marked(teaching, documents);
    let mut map: BTreeMap<String, Vec<Passage>> = BTreeMap::new();
    for (_, passage) in passages(teaching, documents, &people) {
        map.entry(passage.document.clone()).or_default().push(passage);
    }
    DisagreementMap { students: teaching.collected.len(), passages: map }
}

/// How much the class agrees over `documents`: the figures per label and over all labels, each
/// pair's F1, and the passages they disagree on, most first. `None` with fewer than two hand-ins.
pub fn agreement(teaching: &Teaching, documents: &[Arc<Document>]) -> Option<ClassAgreement> {
    if teaching.collected.len() < 2 {
        return None;
    }
    let lengths: Vec<usize> = documents.iter().map(|d| d.length).collect();
    let people = marked(teaching, documents);
    let labels = &teaching.assignment.labels;
    let figures = |label: Option<&str>| agreement::agreement(&agreement::by_character(&lengths, &people, label));
    let mut rows: Vec<(String, Agreement)> = labels.iter().map(|l| (l.name.clone(), figures(Some(&l.id)))).collect();
    rows.push((ALL_LABELS.to_owned(), figures(None)));
    let (stretches, all): (Vec<Stretch>, Vec<Passage>) = passages(teaching, documents, &people).into_iter().unzip();
    // The ranked list, each stretch found again by its place.
    let disagreements = agreement::disagreements(stretches)
        .iter()
        .filter_map(|s| all.iter().find(|p| p.document == documents[s.document].id && p.start == s.start).cloned())
        .collect();
    // Each pair's F1 (fair), either one's work taken as the other's key: it is the same both ways.
    let works = &teaching.collected;
    let pairs = (0..works.len()).flat_map(|i| (i + 1..works.len()).map(move |j| (i, j)));
    let pair_f1 = pairs
        .map(|(i, j)| {
            let documents: Vec<(&[Annotation], &[Annotation])> =
                documents.iter().map(|d| (works[i].annotations(&d.id), works[j].annotations(&d.id))).collect();
            ((i, j), feedback::evaluate(&documents, labels).overall.figures(Scheme::Fair).f1)
        })
        .collect();
    Some(ClassAgreement { students: works.iter().map(|w| w.student.clone()).collect(), rows, pair_f1, disagreements })
}

/// Mathet's γ of the class on `documents`, one estimation per row of `agreement`'s figures (each
/// label, then all labels), for the caller to step through: a class's γ takes longer than a
/// browser may be busy at once.
pub fn gamma(teaching: &Teaching, documents: &[Arc<Document>]) -> Vec<gamma::Estimation> {
    let lengths: Vec<usize> = documents.iter().map(|d| d.length).collect();
    let people = marked(teaching, documents);
    let labels = teaching.assignment.labels.iter().map(|l| Some(l.id.as_str()));
    labels.chain([None]).map(|label| agreement::gamma(&lengths, &people, label)).collect()
}

/// How much the class agrees, in one sentence a teacher can read aloud, from each label's Fleiss'
/// κ (Krippendorff's α where κ is undefined): "The class mostly agrees on denials; it partly
/// agrees on sanctions; claims split it." Mostly from 0.61 (Landis and Koch's substantial), partly
/// from 0.41 (moderate); labels no one used are left out.
pub fn agreement_in_words(rows: &[(String, Agreement)]) -> String {
    let mut mostly = Vec::new();
    let mut partly = Vec::new();
    let mut split = Vec::new();
    for (name, agreement) in rows.iter().filter(|(name, _)| name != ALL_LABELS) {
        let Some(value) = agreement.fleiss.or(agreement.alpha) else { continue };
        let plural = feedback::plural(name);
        match (value * 100.0).round() / 100.0 {
            v if v >= 0.61 => mostly.push(plural),
            v if v >= 0.41 => partly.push(plural),
            _ => split.push(plural),
        }
    }
    let mut said = Vec::new();
    if !mostly.is_empty() {
        said.push(format!("mostly agrees on {}", and_list(&mostly)));
    }
    if !partly.is_empty() {
        said.push(format!("partly agrees on {}", and_list(&partly)));
    }
    let split = (!split.is_empty()).then(|| format!("{} split it", and_list(&split)));
    match (said.is_empty(), split) {
        (true, None) => "The class has marked too little to say how much it agrees.".to_owned(),
        (true, Some(split)) => format!("The class does not agree yet: {split}."),
        (false, None) => format!("The class {}.", said.join("; it ")),
        (false, Some(split)) => format!("The class {}; {split}.", said.join("; it ")),
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The text of `[start, end)` of `document` trimmed of spaces and widened to whole words.
fn whole_words(document: &Document, words: &Segments, start: usize, end: usize) -> String {
    let (start, end) = offsets::trim_range(&document.text, start, end).unwrap_or((start, end));
    let (start, end) = words.snap(&document.text, &document.index, start, end);
    document.quote(start, end).unwrap_or_default().to_owned()
}

/// Every stretch of the class's marking over `documents` (cut at paragraph starts), as passages.
fn passages(teaching: &Teaching, documents: &[Arc<Document>], people: &[Vec<Marked>]) -> Vec<(Stretch, Passage)> {
    let labels = &teaching.assignment.labels;
    let ids: Vec<&str> = labels.iter().map(|l| l.id.as_str()).collect();
    let stretches = documents.iter().enumerate().flat_map(|(at, document)| {
        let breaks: Vec<usize> = document.paragraphs.iter().map(|p| p.start).collect();
        agreement::stretches(at, document.length, people, &ids, &breaks)
    });
    // Each document's words found once, for every stretch of it.
    let words: Vec<Segments> = documents.iter().map(|d| Segments::of(&d.text, true)).collect();
    stretches
        .map(|s| {
            let document = &documents[s.document];
            let quote = whole_words(document, &words[s.document], s.start, s.end);
            let by_label = s.by_label.iter().map(|(id, n)| (label::name_of(labels, id).to_owned(), *n)).collect();
            let passage = Passage {
                document: document.id.clone(),
                start: s.start,
                end: s.end,
                quote,
                by_label,
                nothing: s.nothing,
                spread: s.spread,
            };
            (s, passage)
        })
        .collect()
}

/// Each hand-in's spans over `documents` (by their index), for the agreement figures.
fn marked<'a>(teaching: &'a Teaching, documents: &[Arc<Document>]) -> Vec<Vec<Marked<'a>>> {
    teaching.collected.iter().map(|work| spans_of(documents, |d| work.annotations(d))).collect()
}

/// The spans `of` gives each of `documents`, over them all (each by its index).
pub fn spans_of<'a>(documents: &[Arc<Document>], of: impl Fn(&str) -> &'a [Annotation]) -> Vec<Marked<'a>> {
    let spans = documents.iter().enumerate().flat_map(|(at, d)| of(&d.id).iter().map(move |a| (at, a)));
    spans.map(|(document, a)| Marked { document, label: &a.label, start: a.start, end: a.end }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classroom::assignment::{Assignment, AssignmentDocument};
    use crate::core::classroom::hand_in::HandIn;
    use crate::core::model::annotation::bare;
    use crate::core::model::document::bundled;

    /// An assignment on the fifth article with the hand-ins of `students`, each a list of spans.
    fn class(students: &[(&str, Vec<Annotation>)]) -> (Teaching, Vec<Arc<Document>>) {
        let documents = vec![bundled()[4].clone()];
        let mut assignment = Assignment::new("a-1".into(), "Week 3", "2026-11-23T10:00:00Z");
        assignment.documents = vec![AssignmentDocument::of(&documents[0])];
        let collected = students
            .iter()
            .map(|(name, spans)| {
                let annotations = BTreeMap::from([(documents[0].id.clone(), spans.clone())]);
                HandIn::of(&assignment, name, &annotations, &Default::default(), "2026-11-23T11:00:00Z")
            })
            .collect();
        (Teaching { collected, ..Teaching::new(assignment, "2026-11-23T10:00:00Z") }, documents)
    }

    #[test]
    fn each_hand_in_is_scored_against_the_key_in_the_order_collected() {
        let key_spans = vec![bare("k1", "claim", 0, 10), bare("k2", "denial", 20, 30)];
        let (teaching, documents) = class(&[("Ada", key_spans.clone()), ("Alan", vec![bare("x", "claim", 0, 10)]), ("Grace", vec![])]);
        let key = BTreeMap::from([(documents[0].id.clone(), key_spans)]);
        let f1: Vec<f64> = evaluations(&teaching, &key).iter().map(|e| e.overall.figures(Scheme::Strict).f1).collect();
        assert_eq!(f1.len(), 3);
        assert!((f1[0] - 1.0).abs() < 1e-9 && (f1[1] - 2.0 / 3.0).abs() < 1e-9 && f1[2] == 0.0, "{f1:?}");
    }

    #[test]
    fn a_class_agrees_from_two_hand_ins_on() {
        let same = vec![bare("a", "claim", 0, 10)];
        let (one, documents) = class(&[("Ada", same.clone())]);
        assert_eq!(agreement(&one, &documents), None);
        let (three, documents) = class(&[("Ada", same.clone()), ("Alan", same.clone()), ("Grace", vec![bare("b", "denial", 0, 10)])]);
        let figures = agreement(&three, &documents).unwrap();
        assert_eq!(figures.students, ["Ada", "Alan", "Grace"]);
        assert_eq!(figures.rows.last().unwrap().0, "All labels");
        assert_eq!(figures.rows.len(), teaching_labels(&three) + 1);
        let pairs: Vec<((usize, usize), f64)> = figures.pair_f1.clone();
        assert_eq!(pairs.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [(0, 1), (0, 2), (1, 2)]);
        assert_eq!((pairs[0].1, pairs[1].1, pairs[2].1), (1.0, 0.0, 0.0));
        // The passage they split on is the most disputed one: 2 Claim, 1 Denial.
        let top = &figures.disagreements[0];
        assert_eq!((top.start, top.end, top.nothing), (0, 10, 0));
        assert_eq!(top.by_label, [("Claim".to_owned(), 2), ("Denial".to_owned(), 1), ("Sanction".to_owned(), 0)]);
        assert_eq!(top.quote, "Iran Addresses", "0..10 is “Iran Addre”, shown in whole words");
    }

    #[test]
    fn agreement_is_said_in_one_sentence_a_teacher_reads_aloud() {
        let row = |name: &str, fleiss: Option<f64>| (name.to_owned(), Agreement { cohen: Vec::new(), fleiss, alpha: None });
        let rows = [row("Claim", Some(0.18)), row("Denial", Some(0.72)), row("Sanction", Some(0.5)), row(ALL_LABELS, Some(0.4))];
        assert_eq!(agreement_in_words(&rows), "The class mostly agrees on denials; it partly agrees on sanctions; claims split it.");
        let rows = [row("Claim", Some(0.9)), row("Denial", Some(0.65)), row("Sanction", None)];
        assert_eq!(agreement_in_words(&rows), "The class mostly agrees on claims and denials.");
        assert_eq!(agreement_in_words(&[row("Claim", Some(-0.2))]), "The class does not agree yet: claims split it.");
        assert_eq!(agreement_in_words(&[row("Claim", None)]), "The class has marked too little to say how much it agrees.");
    }

    #[test]
    fn a_disputed_passage_is_quoted_in_whole_words() {
        // Ada's claim begins inside a word and ends on a space; Alan's covers more.
        let (class, documents) = class(&[("Ada", vec![bare("a", "claim", 2, 16)]), ("Alan", vec![bare("b", "claim", 0, 30)])]);
        let text = &documents[0].text;
        for passage in agreement(&class, &documents).unwrap().disagreements {
            let exact = documents[0].quote(passage.start, passage.end).unwrap();
            assert_eq!(passage.quote.trim(), passage.quote, "no space at either end");
            assert!(passage.quote.contains(exact.trim()), "{:?} holds {exact:?}", passage.quote);
            let at = text.find(&passage.quote).unwrap();
            let before = text[..at].chars().next_back();
            let after = text[at + passage.quote.len()..].chars().next();
            assert!(
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric),
                "{:?} cuts a word",
                passage.quote
            );
        }
    }

    #[test]
    fn the_disagreement_map_covers_every_document_end_to_end() {
        let (teaching, documents) = class(&[("Ada", vec![bare("a", "claim", 5, 50)]), ("Alan", vec![bare("b", "claim", 30, 90)])]);
        let map = disagreement_map(&teaching, &documents);
        assert_eq!(map.students, 2);
        let passages = &map.passages[&documents[0].id];
        assert_eq!(passages.first().unwrap().start, 0);
        assert_eq!(passages.last().unwrap().end, documents[0].length);
        assert!(passages.windows(2).all(|w| w[0].end == w[1].start), "the stretches meet");
        let both = passages.iter().find(|p| p.start == 30).unwrap();
        assert_eq!((both.end, both.by_label[0].clone()), (50, ("Claim".to_owned(), 2)));
    }

    fn teaching_labels(teaching: &Teaching) -> usize {
        teaching.assignment.labels.len()
    }
}
