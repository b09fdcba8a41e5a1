//! doccano's sequence labelling: `{"id", "text", "label": [[start, end, "Label"], …]}` a line.
//! Read back (with its `entities` variant) by the JSON-lines reader both line formats share.

use serde_json::json;

use super::{jsonl, Corpus};

pub use jsonl::read;

/// `{"id", "text", "label": [[start, end, "Label"], …]}` a line, as doccano imports it.
pub fn write(corpus: &Corpus) -> String {
    jsonl::lines(corpus.annotated().map(|(document, annotations)| {
        let label: Vec<_> = annotations.iter().map(|a| json!([a.start, a.end, corpus.label_name(&a.label)])).collect();
        json!({"id": document.id, "text": document.text, "label": label})
    }))
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::slice;

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
}
