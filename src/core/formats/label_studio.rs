//! Label Studio tasks: one task a document, its annotations as one completed annotation of
//! `labels` results (`from_name` "label", `to_name` "text").

use serde_json::json;

use super::Corpus;

pub fn export(corpus: &Corpus) -> String {
    let tasks: Vec<_> = corpus
        .annotated()
        .enumerate()
        .map(|(index, (document, annotations))| {
            let result: Vec<_> = annotations
                .iter()
                .map(|a| {
                    json!({
                        "id": a.id,
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": a.start, "end": a.end, "text": a.quote, "labels": [corpus.label_name(&a.label)]},
                        "meta": {"text": [a.note], "attributed_to": a.attributed_to, "created_at": a.created_at, "updated_at": a.updated_at},
                    })
                })
                .collect();
            json!({
                "id": index + 1,
                "data": {"text": document.text, "document_id": document.id, "title": document.title},
                "annotations": [{"result": result}],
            })
        })
        .collect();
    serde_json::to_string_pretty(&tasks).expect("plain data serializes")
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::slice;

    #[test]
    fn tasks_hold_labels_results() {
        let parts = fixture::corpus_parts();
        let tasks: serde_json::Value = serde_json::from_str(&export(&fixture::corpus(&parts))).unwrap();
        assert_eq!(tasks.as_array().unwrap().len(), 5);
        let task = &tasks[4];
        let text = task["data"]["text"].as_str().unwrap();
        let results = task["annotations"][0]["result"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        for r in results {
            assert_eq!(r["type"], "labels");
            let value = &r["value"];
            let (start, end) = (value["start"].as_u64().unwrap() as usize, value["end"].as_u64().unwrap() as usize);
            assert_eq!(slice(text, start, end), value["text"].as_str());
        }
        assert!(results.iter().any(|r| r["value"]["labels"][0] == "Denial" && r["meta"]["attributed_to"] == "Iran’s mission"));
    }
}
