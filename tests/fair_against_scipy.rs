//! The fair scheme of `core::measures::matching` against `scipy.optimize.linear_sum_assignment`
//! on the committed cases of `tests/fixtures/fair/` (made by its `generate.py`): every count equal.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::measures::matching::{evaluate, Scheme, Span};
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

#[test]
fn every_fair_count_is_the_best_assignments() {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string("tests/fixtures/fair/cases.json").unwrap()).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 80);
    let mut better_than_in_order = 0;
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let evaluation = evaluate(&[(spans(&case["key"]), spans(&case["marked"]))], &LABELS);
        let fair = evaluation.overall.counts(Scheme::Fair);
        let expected = &case["fair"];
        let whole = |field: &str| expected[field].as_u64().unwrap() as usize;
        assert_eq!(
            (fair.correct, fair.incorrect, fair.missed, fair.spurious),
            (whole("correct"), whole("incorrect"), whole("missed"), whole("spurious")),
            "{name}"
        );
        assert_eq!(fair.partial, 0, "{name}: the fair scheme gives no half credit");
        let strict = evaluation.overall.counts(Scheme::Strict);
        assert!(fair.correct >= strict.correct, "{name}: never fewer hits than in text order");
        better_than_in_order += usize::from((fair.correct, fair.incorrect) != (strict.correct, strict.incorrect));
    }
    // The cases are crowded enough for the order to matter, so that they test the pairing.
    assert!(better_than_in_order >= 10, "only {better_than_in_order} cases differ from nervaluate's strict");
}
