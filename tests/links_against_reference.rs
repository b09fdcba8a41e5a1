//! Links scored (`core::classroom::feedback::link_counts`, `core::measures::links`) against the
//! plain matching of `tests/fixtures/links/generate.py` on its committed cases: every count equal.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::classroom::feedback::link_counts;
use glossa::core::model::annotation::{Annotation, Link, Relation};
use serde_json::Value;

/// The annotations of `document` among a case's `list`.
fn annotations(list: &Value, document: &str) -> Vec<Annotation> {
    let text = |a: &Value, field: &str| a[field].as_str().unwrap().to_owned();
    let whole = |a: &Value, field: &str| a[field].as_u64().unwrap() as usize;
    list.as_array()
        .unwrap()
        .iter()
        .filter(|a| a["document"] == document)
        .map(|a| Annotation {
            id: text(a, "id"),
            label: text(a, "label"),
            start: whole(a, "start"),
            end: whole(a, "end"),
            links: a["links"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| Link { to: text(l, "to"), relation: Relation::from_id(l["relation"].as_str().unwrap()).unwrap() })
                .collect(),
            ..Annotation::default()
        })
        .collect()
}

fn borrowed<'a>(side: &'a [(&'static str, Vec<Annotation>)]) -> Vec<(&'static str, &'a [Annotation])> {
    side.iter().map(|(d, list)| (*d, list.as_slice())).collect()
}

#[test]
fn every_link_count_is_the_references() {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/links/cases.json").unwrap()).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 60);
    let (mut some_right, mut some_wrong) = (0, 0);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let side = |list: &Value| ["a", "b"].map(|d| (d, annotations(list, d)));
        let (key, marked) = (side(&case["key"]), side(&case["marked"]));
        let counts = link_counts(&borrowed(&key), &borrowed(&marked));
        let expected = &case["expected"];
        let whole = |field: &str| expected[field].as_u64().unwrap() as usize;
        assert_eq!((counts.marked, counts.in_key, counts.correct), (whole("marked"), whole("in_key"), whole("correct")), "{name}");
        some_right += usize::from(counts.correct > 0);
        some_wrong += usize::from(counts.correct < counts.marked);
    }
    // The cases hold both, so that they test the matching and not only its edges.
    assert!(some_right >= 15 && some_wrong >= 15, "{some_right} cases with a link right, {some_wrong} with one wrong");
}
