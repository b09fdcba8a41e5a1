//! One JSON document a line: doccano's sequence labelling and spaCy/Prodigy's spans.

use serde_json::json;

use super::Corpus;

/// `{"id", "text", "label": [[start, end, "Label"], …]}` a line, as doccano imports it.
pub fn doccano(corpus: &Corpus) -> String {
    lines(corpus.annotated().map(|(document, annotations)| {
        let label: Vec<_> = annotations.iter().map(|a| json!([a.start, a.end, corpus.label_name(&a.label)])).collect();
        json!({"id": document.id, "text": document.text, "label": label})
    }))
}

/// `{"text", "spans": [{"start", "end", "label"}], "meta"}` a line, as spaCy's `Doc.char_span`
/// and Prodigy read it.
pub fn spacy(corpus: &Corpus) -> String {
    lines(corpus.annotated().map(|(document, annotations)| {
        let spans: Vec<_> = annotations
            .iter()
            .map(|a| json!({"start": a.start, "end": a.end, "label": corpus.label_name(&a.label), "text": a.quote}))
            .collect();
        json!({"text": document.text, "spans": spans, "meta": {"id": document.id, "title": document.title}})
    }))
}

fn lines(values: impl Iterator<Item = serde_json::Value>) -> String {
    values.map(|value| value.to_string() + "\n").collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::slice;

    #[test]
    fn doccano_lines_hold_code_point_spans() {
        let parts = fixture::corpus_parts();
        let out = doccano(&fixture::corpus(&parts));
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
    fn spacy_lines_carry_labels_and_quotes() {
        let parts = fixture::corpus_parts();
        let out = spacy(&fixture::corpus(&parts));
        let last: serde_json::Value = serde_json::from_str(out.lines().nth(4).unwrap()).unwrap();
        let text = last["text"].as_str().unwrap();
        for span in last["spans"].as_array().unwrap() {
            let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
            assert_eq!(slice(text, start, end), span["text"].as_str());
        }
        assert_eq!(last["meta"]["id"], "004_de3ecafd94c781bd");
    }
}
