//! `core::measures::agreement` against scikit-learn, statsmodels and the `krippendorff` package on the
//! committed cases of `tests/fixtures/agreement/` (made by its `generate.py`): every figure within
//! 1e-9, and undefined exactly where theirs is.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::sync::Arc;

use glossa::core::classroom::curation::{self, Annotator};
use glossa::core::measures::agreement::{agreement, by_character, Agreement, Marked};
use glossa::core::model::annotation::Annotation;
use glossa::core::model::document::Document;
use glossa::core::model::label::default_labels;
use serde_json::Value;

fn check(name: &str, ours: &Agreement, theirs: &Value) {
    let same = |what: &str, ours: Option<f64>, theirs: &Value| match (ours, theirs.as_f64()) {
        (Some(ours), Some(theirs)) => assert!((ours - theirs).abs() < 1e-9, "{name}, {what}: {ours} against {theirs}"),
        (None, None) => {}
        (ours, _) => panic!("{name}, {what}: {ours:?} against {theirs}"),
    };
    same("Fleiss' κ", ours.fleiss, &theirs["fleiss"]);
    same("Krippendorff's α", ours.alpha, &theirs["alpha"]);
    assert_eq!(ours.cohen.len(), theirs["cohen"].as_object().unwrap().len(), "{name}: the pairs");
    for ((i, j), kappa) in &ours.cohen {
        same(&format!("Cohen's κ {i}-{j}"), *kappa, &theirs["cohen"][format!("{i}-{j}")]);
    }
}

fn cases() -> Vec<Value> {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/agreement/cases.json").unwrap()).unwrap();
    fixture["cases"].as_array().unwrap().clone()
}

fn lengths(case: &Value) -> Vec<usize> {
    case["lengths"].as_array().unwrap().iter().map(|l| l.as_u64().unwrap() as usize).collect()
}

fn people(case: &Value) -> Vec<Vec<Marked<'_>>> {
    case["annotators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|spans| {
            let spans = spans.as_array().unwrap().iter();
            spans
                .map(|s| Marked {
                    document: s["document"].as_u64().unwrap() as usize,
                    label: s["label"].as_str().unwrap(),
                    start: s["start"].as_u64().unwrap() as usize,
                    end: s["end"].as_u64().unwrap() as usize,
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_figure_is_the_reference_implementations() {
    let cases = cases();
    assert_eq!(cases.len(), 40);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let (lengths, people) = (lengths(case), people(case));
        check(&format!("{name}, all labels"), &agreement(&by_character(&lengths, &people, None)), &case["all"]);
        for label in ["claim", "denial", "sanction"] {
            check(&format!("{name}, {label}"), &agreement(&by_character(&lengths, &people, Some(label))), &case["by_label"][label]);
        }
    }
}

/// A curation's figure of each annotator against the gold is the reference's Cohen's κ of the
/// pair: each case's first annotator taken as the gold, every other one against it.
#[test]
fn each_annotator_against_the_gold_is_scikit_learns_kappa() {
    for case in &cases() {
        let name = case["name"].as_str().unwrap();
        let documents: Vec<Arc<Document>> = lengths(case)
            .iter()
            .enumerate()
            .map(|(i, &n)| Arc::new(Document::new(&format!("d{i}"), "", None, "", "x".repeat(n))))
            .collect();
        let by_document = |spans: &[Marked]| -> BTreeMap<String, Vec<Annotation>> {
            let mut by: BTreeMap<String, Vec<Annotation>> = BTreeMap::new();
            for (i, s) in spans.iter().enumerate() {
                let a = Annotation { id: i.to_string(), label: s.label.into(), start: s.start, end: s.end, ..Annotation::default() };
                by.entry(format!("d{}", s.document)).or_default().push(a);
            }
            by
        };
        let people = people(case);
        let gold = by_document(&people[0]);
        let annotators: Vec<Annotator> =
            people[1..].iter().enumerate().map(|(i, spans)| Annotator { name: format!("a{i}"), documents: by_document(spans) }).collect();
        let against = curation::against_gold(&annotators, &gold, &documents, &default_labels());
        for (j, row) in against.iter().enumerate() {
            let theirs = &case["all"]["cohen"][format!("0-{}", j + 1)];
            match (row.kappa, theirs.as_f64()) {
                (Some(ours), Some(theirs)) => assert!((ours - theirs).abs() < 1e-9, "{name}, annotator {}: {ours} against {theirs}", j + 1),
                (None, None) => {}
                (ours, _) => panic!("{name}, annotator {}: {ours:?} against {theirs}", j + 1),
            }
        }
    }
}
