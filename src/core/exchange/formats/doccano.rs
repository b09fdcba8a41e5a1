//! doccano's sequence labelling: `{"id", "text", "label": [[start, end, "Label"], …]}` a line.
//! Read back (with its `entities` variant) by the JSON-lines reader both line formats share.

use serde_json::json;

use super::corpus::Corpus;
use super::jsonl;

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
