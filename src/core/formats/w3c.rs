//! W3C Web Annotation: one `AnnotationCollection` whose annotations target their document with a
//! `TextQuoteSelector` (exact, 32 characters of prefix and suffix) and a `TextPositionSelector`
//! (code points, as the model requires); the label is a `tagging` body, the note `commenting`.

use serde_json::{json, Value};

use super::Corpus;
use crate::core::annotation::Annotation;
use crate::core::document::Document;

/// How many characters of context the quote selector carries on each side.
const CONTEXT: usize = 32;

pub fn export(corpus: &Corpus, now: &str) -> String {
    let items: Vec<Value> =
        corpus.annotated().flat_map(|(document, annotations)| annotations.iter().map(move |a| annotation(corpus, document, a))).collect();
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:glossa:annotations",
        "type": "AnnotationCollection",
        "label": "Glossa annotations",
        "generated": now,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    serde_json::to_string_pretty(&collection).expect("plain data serializes")
}

fn annotation(corpus: &Corpus, document: &Document, a: &Annotation) -> Value {
    let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": corpus.label_name(&a.label)})];
    if !a.note.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": a.note}));
    }
    if !a.attributed_to.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "describing", "value": format!("Attributed to {}", a.attributed_to)}));
    }
    let prefix = document.quote(a.start.saturating_sub(CONTEXT), a.start).unwrap_or_default();
    let suffix = document.quote(a.end, (a.end + CONTEXT).min(document.length)).unwrap_or_default();
    json!({
        "id": format!("urn:uuid:{}", a.id),
        "type": "Annotation",
        "created": a.created_at,
        "modified": a.updated_at,
        "body": body,
        "target": {
            "source": format!("urn:glossa:document:{}", document.id),
            "glossa:document": document.id,
            "glossa:sha256": document.sha256,
            "selector": [
                {"type": "TextQuoteSelector", "exact": a.quote, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::slice;

    #[test]
    fn a_collection_of_annotations_with_both_selectors() {
        let parts = fixture::corpus_parts();
        let corpus = fixture::corpus(&parts);
        let out: Value = serde_json::from_str(&export(&corpus, "2026-11-22T10:00:00Z")).unwrap();
        assert_eq!(out["type"], "AnnotationCollection");
        assert_eq!(out["total"], 3);
        let items = out["first"]["items"].as_array().unwrap();
        let first = items.iter().find(|i| i["body"][0]["value"] == "Denial").unwrap();
        assert_eq!(first["body"][0], json!({"type": "TextualBody", "purpose": "tagging", "value": "Denial"}));
        assert_eq!(first["body"][1]["purpose"], "commenting");
        let selectors = first["target"]["selector"].as_array().unwrap();
        let text = &parts.0[4].text;
        let (start, end) = (selectors[1]["start"].as_u64().unwrap() as usize, selectors[1]["end"].as_u64().unwrap() as usize);
        assert_eq!(slice(text, start, end), selectors[0]["exact"].as_str());
        let prefix = selectors[0]["prefix"].as_str().unwrap();
        assert_eq!(prefix.chars().count(), CONTEXT);
        assert_eq!(slice(text, start - CONTEXT, start), Some(prefix));
        assert_eq!(selectors[0]["suffix"].as_str().unwrap().chars().count(), CONTEXT);
    }
}
