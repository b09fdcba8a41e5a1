//! spaCy and Prodigy spans: `{"text", "spans": [{"start", "end", "label", "text"}], "meta"}` a
//! line, as `Doc.char_span` takes them. Read back by the JSON-lines reader both line formats share.
//! Beside them, the labels of a span categorizer, which `spacy.read_labels.v1` reads as
//! `spacy init labels` writes them.

use serde_json::json;

use super::corpus::Corpus;
use super::jsonl;
use crate::core::model::label::Label;
use crate::core::text::json;

pub use jsonl::read;

/// `{"text", "spans": [{"start", "end", "label"}], "meta"}` a line, as spaCy's `Doc.char_span`
/// and Prodigy read it.
pub fn write(corpus: &Corpus) -> String {
    jsonl::lines(corpus.annotated().map(|(document, annotations)| {
        let spans: Vec<_> = annotations
            .iter()
            .map(|a| json!({"start": a.start, "end": a.end, "label": corpus.label_name(&a.label), "text": a.quote}))
            .collect();
        json!({"text": document.text, "spans": spans, "meta": {"id": document.id, "title": document.title}})
    }))
}

/// The label set, named as the spans name them: a JSON list, as `spacy init labels` writes a
/// span categorizer's (`[initialize.components.spancat.labels]` reads it).
pub fn write_labels(labels: &[Label]) -> String {
    json::write(&labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>()).expect("plain data serializes")
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::offsets::slice;

    #[test]
    fn spacy_lines_carry_labels_and_quotes() {
        let parts = fixture::corpus_parts();
        let out = write(&fixture::corpus(&parts));
        let last: serde_json::Value = json::read(out.lines().nth(4).unwrap()).unwrap();
        let text = last["text"].as_str().unwrap();
        for span in last["spans"].as_array().unwrap() {
            let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
            assert_eq!(slice(text, start, end), span["text"].as_str());
        }
        assert_eq!(last["meta"]["id"], "004_de3ecafd94c781bd");
        let labels: Vec<String> = json::read(&write_labels(&parts.1)).unwrap();
        assert_eq!(labels, ["Claim", "Denial", "Sanction"]);
        for span in last["spans"].as_array().unwrap() {
            assert!(labels.iter().any(|l| span["label"] == l.as_str()), "every span's label is listed");
        }
    }
}
