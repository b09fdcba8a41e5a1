//! doccano's sequence labelling: `{"id", "text", "label": [[start, end, "Label"], …]}` a line.
//! Read back (with its `entities` variant) by the JSON-lines reader both line formats share.
//! Beside it, the project's label types, which doccano imports from a file of their own.

use serde_json::json;

use super::corpus::Corpus;
use super::jsonl;
use crate::core::model::label::{self, Label};

pub use jsonl::read;

/// `{"id", "text", "label": [[start, end, "Label"], …]}` a line, as doccano imports it.
pub fn write(corpus: &Corpus) -> String {
    jsonl::lines(corpus.annotated().map(|(document, annotations)| {
        let spans = corpus.spans_in_unit(document, annotations);
        let label: Vec<_> =
            annotations.iter().zip(spans).map(|(a, (start, end))| json!([start, end, corpus.label_name(&a.label)])).collect();
        json!({"id": document.id, "text": document.text, "label": label})
    }))
}

/// The label types of a doccano project (Labels, Actions, Import Labels): each label's name, its
/// key where doccano allows it (one of 0–9 and a–z), its colour, and black or white text,
/// whichever reads better on that colour.
pub fn write_labels(labels: &[Label]) -> String {
    let types: Vec<_> = labels
        .iter()
        .map(|l| {
            let key = Some(l.key.to_lowercase()).filter(|k| k.len() == 1 && k.chars().all(|c| c.is_ascii_alphanumeric()));
            let text = if label::is_hex_color(&l.color) && label::is_light(&l.color) { "#000000" } else { "#ffffff" };
            json!({"text": l.name, "prefix_key": null, "suffix_key": key, "background_color": l.color, "text_color": text})
        })
        .collect();
    serde_json::to_string_pretty(&types).expect("plain data serializes")
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::offsets::slice;
    use crate::core::text::offsets::OffsetUnit;

    #[test]
    fn doccano_lines_hold_code_point_spans() {
        let parts = fixture::corpus_parts();
        let out = write(&fixture::corpus(&parts));
        let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 5);
        let last = &lines[4];
        let text = last["text"].as_str().unwrap();
        let spans = last["label"].as_array().unwrap();
        assert_eq!(spans.len(), 3);
        let denial = spans.iter().find(|s| s[2] == "Denial").unwrap();
        let (start, end) = (denial[0].as_u64().unwrap() as usize, denial[1].as_u64().unwrap() as usize);
        assert_eq!(slice(text, start, end), Some("Iran has NOT delivered ballistic missiles to Russia"));
    }

    #[test]
    fn label_types_carry_names_keys_colours_and_readable_text() {
        let mut labels = label::default_labels();
        labels.push(Label { id: "x".into(), name: "Other".into(), color: "#000000".into(), key: "+".into(), ..Label::default() });
        let types: serde_json::Value = serde_json::from_str(&write_labels(&labels)).unwrap();
        let types = types.as_array().unwrap();
        assert_eq!(types.len(), 4);
        assert_eq!(types[0]["text"], "Claim");
        assert_eq!(types[0]["suffix_key"], "1");
        assert_eq!(types[0]["background_color"], labels[0].color.as_str());
        assert_eq!(types[3]["suffix_key"], serde_json::Value::Null, "doccano takes only 0–9 and a–z");
        assert_eq!(types[3]["text_color"], "#ffffff", "white on black");
    }

    #[test]
    fn utf16_offsets_are_read_as_such_and_spacy_spans_stay_code_points() {
        // 🚀 is one code point and two UTF-16 units: "Iran" is [3, 7) in code points, [4, 8) in UTF-16.
        let line =
            r#"{"text": "🚀, Iran", "label": [[4, 8, "Claim"], [1, 8, "Denial"]], "spans": [{"start": 3, "end": 7, "label": "Claim"}]}"#;
        let utf16 = read(line, OffsetUnit::Utf16);
        let spans: Vec<(usize, usize)> = utf16.documents[0].annotations.iter().map(|a| (a.start, a.end)).collect();
        assert_eq!(spans, [(3, 7), (3, 7)]);
        assert_eq!(utf16.refused.len(), 1);
        assert!(utf16.refused[0].place.ends_with("label[1]") && utf16.refused[0].reason.contains("inside a character"));
        let as_code_points = read(line, OffsetUnit::CodePoints);
        assert_eq!(as_code_points.documents[0].annotations.len(), 3);
    }
}
