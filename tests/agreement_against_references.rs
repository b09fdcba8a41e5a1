//! `core::measures::agreement` against scikit-learn, statsmodels and the `krippendorff` package on the
//! committed cases of `tests/fixtures/agreement/` (made by its `generate.py`): every figure within
//! 1e-9, and undefined exactly where theirs is.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::measures::agreement::{agreement, by_character, Agreement, Marked};
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

#[test]
fn every_figure_is_the_reference_implementations() {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/agreement/cases.json").unwrap()).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 40);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let lengths: Vec<usize> = case["lengths"].as_array().unwrap().iter().map(|l| l.as_u64().unwrap() as usize).collect();
        let people: Vec<Vec<Marked>> = case["annotators"]
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
            .collect();
        check(&format!("{name}, all labels"), &agreement(&by_character(&lengths, &people, None)), &case["all"]);
        for label in ["claim", "denial", "sanction"] {
            check(&format!("{name}, {label}"), &agreement(&by_character(&lengths, &people, Some(label))), &case["by_label"][label]);
        }
    }
}
