//! Fuzzing: the import parsers (with offsets in either unit) and the offset conversions get
//! structured nonsense (every format's shape with wrong types, reversed, negative and huge
//! offsets, texts that normalise, quotes that are not there) and must answer, never panic. `cargo test` runs a short run (proptest's default
//! 256 cases each); the long run is `PROPTEST_CASES=100000 cargo test --release --test fuzz`.

#![cfg(not(target_arch = "wasm32"))]

use glossa::core::exchange::formats::{self};
use glossa::core::exchange::import::{self, Destination};
use glossa::core::model::document::bundled;
use glossa::core::model::label::default_labels;
use glossa::core::model::own_document::normalize;
use glossa::core::text::offsets::OffsetUnit;
use glossa::core::text::offsets::{code_point_to_utf16, slice, utf16_to_code_point};
use glossa::core::work::storage;
use proptest::prelude::*;
use serde_json::{json, Value};

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![Just("🚀"), Just("e\u{301}"), Just("\r\n"), Just("\r"), Just("\u{feff}"), Just("導"), Just("ע"), Just("a b")],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

/// A number where an offset goes: small, negative, huge, fractional, or not a number at all.
fn offset() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..80).prop_map(Value::from),
        (-5i64..0).prop_map(Value::from),
        Just(json!(u64::MAX)),
        Just(json!(4_294_967_301u64)),
        Just(json!(1.5)),
        Just(json!("3")),
        Just(Value::Null),
    ]
}

fn label() -> impl Strategy<Value = Value> {
    prop_oneof![Just(json!("Claim")), Just(json!("denial")), Just(json!("New label")), Just(json!(7)), Just(json!("")), Just(json!("  "))]
}

fn quote() -> impl Strategy<Value = Value> {
    prop_oneof![text().prop_map(Value::from), Just(Value::Null), Just(json!("Iran")), Just(json!(""))]
}

/// Reads, places and merges `contents` as the app does, with doccano's and Label Studio's offsets
/// taken in each unit a person can choose.
fn parse(contents: &str) {
    let documents = bundled();
    let labels = default_labels();
    let here = Destination { documents: &documents, labels: &labels, now: "2026-11-22T10:00:00Z" };
    for unit in OffsetUnit::ALL {
        let read = formats::read_glossa_json(contents, &labels).unwrap_or_else(|| formats::read_other_tools(contents, unit));
        if let Ok(parsed) = read.and_then(|file| import::place(file, &here)) {
            let mut workspace = glossa::core::work::workspace::Workspace::default();
            let merged = import::merge(&mut workspace, parsed);
            let _ = import::report("fuzz.json", &Ok(merged));
        }
    }
}

proptest! {
    #[test]
    fn doccano_and_spacy_lines(lines in prop::collection::vec((text(), prop::collection::vec((offset(), offset(), label(), quote()), 0..6), any::<bool>()), 1..4)) {
        let contents: Vec<String> = lines
            .into_iter()
            .map(|(text, spans, spacy)| if spacy {
                let spans: Vec<Value> = spans.into_iter().map(|(s, e, l, q)| json!({"start": s, "end": e, "label": l, "text": q})).collect();
                json!({"text": text, "spans": spans}).to_string()
            } else {
                let spans: Vec<Value> = spans.into_iter().map(|(s, e, l, _)| json!([s, e, l])).collect();
                json!({"text": text, "label": spans}).to_string()
            })
            .collect();
        parse(&contents.join("\n"));
    }

    #[test]
    fn label_studio_tasks(tasks in prop::collection::vec((text(), prop::collection::vec((offset(), offset(), label(), quote()), 0..6)), 1..4)) {
        let tasks: Vec<Value> = tasks
            .into_iter()
            .map(|(text, results)| {
                let result: Vec<Value> = results
                    .into_iter()
                    .map(|(s, e, l, q)| json!({"type": "labels", "value": {"start": s, "end": e, "labels": [l], "text": q}}))
                    .collect();
                json!({"data": {"text": text}, "annotations": [{"result": result}]})
            })
            .collect();
        parse(&Value::from(tasks).to_string());
    }

    #[test]
    fn web_annotations(items in prop::collection::vec((offset(), offset(), label(), quote(), quote(), any::<bool>()), 0..6)) {
        let documents = bundled();
        let article = &documents[4];
        let items: Vec<Value> = items
            .into_iter()
            .map(|(s, e, l, exact, prefix, positioned)| {
                let mut selector = vec![json!({"type": "TextQuoteSelector", "exact": exact, "prefix": prefix})];
                if positioned {
                    selector.push(json!({"type": "TextPositionSelector", "start": s, "end": e}));
                }
                json!({"type": "Annotation", "body": {"purpose": "tagging", "value": l},
                       "target": {"source": format!("urn:glossa:document:{}", article.id), "selector": selector}})
            })
            .collect();
        parse(&json!({"type": "AnnotationCollection", "first": {"items": items}}).to_string());
    }

    #[test]
    fn glossa_files(text in prop::option::of(text()), annotations in prop::collection::vec((offset(), offset(), label(), quote()), 0..6)) {
        let annotations: Vec<Value> = annotations
            .into_iter()
            .enumerate()
            .map(|(i, (s, e, l, q))| json!({"id": format!("a{}", i % 3), "label": l, "start": s, "end": e, "quote": q,
                                            "created_at": "2026-11-22T10:00:00Z", "updated_at": "2026-11-22T10:00:00Z"}))
            .collect();
        let file = json!({"format": "glossa-annotations", "version": 2,
                          "documents": [{"id": "004_de3ecafd94c781bd", "source": null, "text": text, "annotations": annotations}]});
        parse(&file.to_string());
    }

    #[test]
    fn offset_conversions(text in text(), offset in 0usize..100) {
        let _ = utf16_to_code_point(&text, offset);
        let _ = code_point_to_utf16(&text, offset);
        let _ = slice(&text, offset, offset + 3);
        let normalized = normalize(&text);
        prop_assert!(normalized.offset(offset) <= normalized.text.chars().count());
    }
}

/// A saved state as local storage might hold it after a fault: the right shape with wrong parts.
fn saved_state() -> impl Strategy<Value = String> {
    let annotation = (offset(), offset(), label(), quote()).prop_map(|(start, end, label, quote)| {
        json!({"id": "a", "label": label, "start": start, "end": end, "quote": quote, "created_at": "t", "updated_at": "t"})
    });
    let version = prop_oneof![Just(json!(1)), Just(json!(2)), Just(json!(3)), Just(json!("2")), Just(Value::Null)];
    let deleted = prop_oneof![Just(json!({"a": "2026-11-23T10:00:00Z"})), Just(json!({"a": 1})), Just(json!([]))];
    (version, prop::collection::vec(annotation, 0..4), deleted, any::<bool>()).prop_map(|(version, list, deleted, cut)| {
        let raw =
            json!({"version": version, "documents": {"d": list}, "deleted": deleted, "labels": [], "history": {"undo": [], "redo": []}})
                .to_string();
        if cut {
            raw.chars().take(raw.chars().count() / 2).collect()
        } else {
            raw
        }
    })
}

proptest! {
    #[test]
    fn saved_states_read_or_recover_without_panicking(raw in saved_state(), noise in "\\PC{0,100}") {
        for raw in [raw, noise] {
            if storage::read_state(&raw).is_err() {
                let _ = storage::recover_state(&raw);
            }
        }
    }
}
