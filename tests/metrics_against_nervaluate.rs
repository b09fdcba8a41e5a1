//! `core::measures::matching` against nervaluate 1.2.1 on the committed cases of
//! `tests/fixtures/metrics/` (made by its `generate.py`): every count equal, every figure within
//! 1e-12.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::measures::matching::{evaluate, Scheme, Scores, Span};
use serde_json::Value;

const LABELS: [&str; 3] = ["claim", "denial", "sanction"];

fn spans(list: &Value) -> Vec<Span<'_>> {
    let spans = list.as_array().unwrap().iter();
    spans
        .map(|s| Span {
            label: s["label"].as_str().unwrap(),
            start: s["start"].as_u64().unwrap() as usize,
            end: s["end"].as_u64().unwrap() as usize,
        })
        .collect()
}

fn check(name: &str, ours: &Scores, theirs: &Value) {
    for scheme in Scheme::NERVALUATE {
        let expected = &theirs[scheme.id()];
        let counts = ours.counts(scheme);
        let figures = ours.figures(scheme);
        let whole = |field: &str| expected[field].as_u64().unwrap() as usize;
        assert_eq!(
            (counts.correct, counts.incorrect, counts.partial, counts.missed, counts.spurious),
            (whole("correct"), whole("incorrect"), whole("partial"), whole("missed"), whole("spurious")),
            "{name}, {}",
            scheme.id()
        );
        for (field, value) in [("precision", figures.precision), ("recall", figures.recall), ("f1", figures.f1)] {
            let reference = expected[field].as_f64().unwrap();
            assert!((value - reference).abs() < 1e-12, "{name}, {} {field}: {value} against {reference}", scheme.id());
        }
    }
}

#[test]
fn every_count_and_figure_is_nervaluates() {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/metrics/cases.json").unwrap()).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 60);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let documents: Vec<(Vec<Span>, Vec<Span>)> =
            case["documents"].as_array().unwrap().iter().map(|d| (spans(&d["key"]), spans(&d["marked"]))).collect();
        let evaluation = evaluate(&documents, &LABELS);
        check(name, &evaluation.overall, &case["overall"]);
        let labels: Vec<&String> = case["by_label"].as_object().unwrap().keys().collect();
        assert_eq!(evaluation.by_label.keys().collect::<Vec<_>>(), labels, "{name}: the labels used");
        for (label, scores) in &evaluation.by_label {
            check(&format!("{name}, {label}"), scores, &case["by_label"][label]);
        }
    }
}
