//! γ as pygamma-agreement computes it, on the committed cases of `tests/fixtures/gamma/`: for
//! small groups (`cases.json`) the observed disorder (the best alignment) to pygamma's 32-bit
//! precision, and γ within a stated tolerance, since the chance estimate comes from random
//! continua that cannot be numpy's (the same statistics, another generator); for classes of 10,
//! 20 and 30 (`class.json`), the progressive alignment's disorder never below pygamma's best and
//! at most `APPROXIMATION` above it.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::measures::gamma::{gamma, observed_disorder, Unit, APPROXIMATION};
use serde_json::Value;

/// The most that γ may differ from pygamma's, both estimated over the fixture's number of
/// random continua: two estimates of the same expected disorder differ by their sampling error,
/// which this bounds at these sample counts (measured over the cases: see docs/classroom.md).
const GAMMA_TOLERANCE: f64 = 0.05;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/gamma/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A case's people, each a list of `[start, end, category]`.
fn people_of(case: &Value) -> Vec<Vec<Unit>> {
    let categories = ["claim", "denial", "sanction"];
    let unit = |u: &Value| Unit {
        start: u[0].as_f64().unwrap(),
        end: u[1].as_f64().unwrap(),
        category: categories.iter().position(|c| *c == u[2].as_str().unwrap()).unwrap(),
    };
    case["people"].as_array().unwrap().iter().map(|units| units.as_array().unwrap().iter().map(unit).collect()).collect()
}

#[test]
fn every_gamma_is_pygammas() {
    let fixture = fixture("cases.json");
    let samples = fixture["samples"].as_u64().unwrap() as usize;
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    let mut worst: f64 = 0.0;
    for (number, case) in cases.iter().enumerate() {
        let people = people_of(case);
        let observed = observed_disorder(&people).unwrap();
        let expected_observed = case["observed"].as_f64().unwrap();
        assert!(observed.exact, "case {number}: a small group is aligned exactly");
        assert!(
            (observed.value - expected_observed).abs() <= 1e-5 * expected_observed.max(1.0),
            "case {number}: observed {observed:?} vs {expected_observed}"
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

#[test]
fn a_class_is_aligned_within_the_stated_approximation() {
    let fixture = fixture("class.json");
    let cases = fixture["cases"].as_array().unwrap();
    let sizes: Vec<usize> = cases.iter().map(|case| case["people"].as_array().unwrap().len()).collect();
    assert!([10, 20, 30].iter().all(|size| sizes.contains(size)), "classes of 10, 20 and 30: {sizes:?}");
    let mut worst: f64 = 0.0;
    for (number, case) in cases.iter().enumerate() {
        let ours = observed_disorder(&people_of(case)).unwrap();
        let best = case["observed"].as_f64().unwrap();
        assert!(!ours.exact, "case {number}: a class is aligned progressively");
        // pygamma counts in 32-bit floats: its best is known to about 1e-6.
        assert!(ours.value >= best - 1e-5 * best.max(1.0), "case {number}: {} below the best {best}", ours.value);
        let above = (ours.value - best) / best;
        worst = worst.max(above);
        assert!(above <= APPROXIMATION, "case {number}: {} is {above:.4} above the best {best}", ours.value);
    }
    println!("the progressive alignment is at most {worst:.4} (relative) above pygamma's best");
}
