//! γ as pygamma-agreement computes it, on the committed cases of `tests/fixtures/gamma/`: the
//! observed disorder (the best alignment) to pygamma's 32-bit precision, and γ within a stated
//! tolerance, since the chance estimate comes from random continua that cannot be numpy's (the
//! same statistics, another generator).
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::measures::gamma::{gamma, observed_disorder, Unit};
use serde_json::Value;

/// The most that γ may differ from pygamma's, both estimated over the fixture's number of
/// random continua: two estimates of the same expected disorder differ by their sampling error,
/// which this bounds at these sample counts (measured over the cases: see docs/classroom.md).
const GAMMA_TOLERANCE: f64 = 0.05;

#[test]
fn every_gamma_is_pygammas() {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/gamma/cases.json")).unwrap();
    let fixture: Value = serde_json::from_str(&raw).unwrap();
    let samples = fixture["samples"].as_u64().unwrap() as usize;
    let categories = ["claim", "denial", "sanction"];
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    let mut worst: f64 = 0.0;
    for (number, case) in cases.iter().enumerate() {
        let people: Vec<Vec<Unit>> = case["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|units| {
                units
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| Unit {
                        start: u[0].as_f64().unwrap(),
                        end: u[1].as_f64().unwrap(),
                        category: categories.iter().position(|c| *c == u[2].as_str().unwrap()).unwrap(),
                    })
                    .collect()
            })
            .collect();
        let observed = observed_disorder(&people).unwrap();
        let expected_observed = case["observed"].as_f64().unwrap();
        assert!(
            (observed - expected_observed).abs() <= 1e-5 * expected_observed.max(1.0),
            "case {number}: observed {observed} vs {expected_observed}"
        );
        let ours = gamma(&people, samples, 2015).unwrap();
        let theirs = case["gamma"].as_f64().unwrap();
        worst = worst.max((ours.gamma - theirs).abs());
        assert!(
            (ours.gamma - theirs).abs() <= GAMMA_TOLERANCE,
            "case {number}: γ {} vs pygamma's {theirs} (expected disorder {} vs {})",
            ours.gamma,
            ours.expected,
            case["expected"]
        );
    }
    println!("largest difference of γ from pygamma's: {worst:.4}");
}
