//! The Glossa JSON export: every bundled document with its annotations.

use serde::Serialize;

use crate::core::annotation::Annotation;
use crate::core::document::Document;
use crate::core::label::Label;
use crate::core::workspace::Workspace;

pub const FORMAT: &str = "glossa-annotations";
/// Version 2 added `attributed_to` to annotations and `key` to labels, and documents of one's
/// own (`source` null, with their `text`).
pub const VERSION: u32 = 2;
pub const FILE_NAME: &str = "glossa-annotations.json";

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    version: u32,
    exported_at: &'a str,
    labels: &'a [Label],
    documents: Vec<ExportDocument<'a>>,
}

#[derive(Serialize)]
struct ExportDocument<'a> {
    id: &'a str,
    title: &'a str,
    /// The bundled file; null for a document a person added, which carries its `text` instead.
    source: Option<&'a str>,
    text_sha256: &'a str,
    length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    annotations: Vec<&'a Annotation>,
}

/// The pretty-printed export of `workspace` over `documents`, each document's annotations sorted
/// by start, end and label.
pub fn to_json(documents: &[Document], labels: &[Label], workspace: &Workspace, exported_at: &str) -> String {
    let file = ExportFile {
        format: FORMAT,
        version: VERSION,
        exported_at,
        labels,
        documents: documents
            .iter()
            .map(|d| {
                let mut annotations: Vec<&Annotation> = workspace.annotations(&d.id).iter().collect();
                annotations.sort_by(|a, b| a.text_order().cmp(&b.text_order()));
                ExportDocument {
                    id: &d.id,
                    title: &d.title,
                    source: d.source.as_deref(),
                    text_sha256: &d.sha256,
                    length: d.length,
                    text: d.source.is_none().then_some(d.text.as_str()),
                    annotations,
                }
            })
            .collect(),
    };
    serde_json::to_string_pretty(&file).expect("an export of plain data always serializes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::bundled;
    use crate::core::label::default_labels;

    #[test]
    fn export_has_the_contracted_shape_and_order() {
        let documents = bundled();
        let article = &documents[4];
        let start = article.text.find("Iran has NOT").map(|byte| article.text[..byte].chars().count()).unwrap();
        let mut workspace = Workspace::default();
        for (id, label, end) in [("b", "denial", start + 51), ("a", "claim", start + 51), ("c", "claim", start + 4)] {
            let annotation = Annotation::create(article, start, end, label, id.into(), "2026-11-22T10:00:00.000Z").unwrap();
            workspace.put(&article.id, annotation);
        }
        let json = to_json(&documents, &default_labels(), &workspace, "2026-11-22T10:00:00Z");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(json.starts_with("{\n  \"format\": \"glossa-annotations\",\n  \"version\": 2,\n  \"exported_at\""));
        assert_eq!(value["labels"][0], serde_json::json!({"id": "claim", "name": "Claim", "color": "#0072b2", "key": "1"}));
        assert_eq!(value["documents"].as_array().unwrap().len(), 5, "every document, annotated or not");
        let exported = &value["documents"][4];
        assert_eq!(exported["id"], "004_de3ecafd94c781bd");
        assert_eq!(exported["source"], "004_de3ecafd94c781bd.txt");
        assert_eq!(exported["length"], 4087);
        assert_eq!(exported["text_sha256"], article.sha256.as_str());
        let annotations = exported["annotations"].as_array().unwrap();
        let order: Vec<&str> = annotations.iter().map(|a| a["id"].as_str().unwrap()).collect();
        assert_eq!(order, ["c", "a", "b"]);
        assert_eq!(annotations[1]["quote"], "Iran has NOT delivered ballistic missiles to Russia");
        let first = &json[json.find("\"annotations\": [\n        {").unwrap()..];
        let field_at = |field: &str| first.find(&format!("\"{field}\": ")).unwrap();
        let fields = ["id", "label", "start", "end", "quote", "note", "attributed_to", "created_at", "updated_at"];
        assert!(fields.windows(2).all(|w| field_at(w[0]) < field_at(w[1])), "fields in contract order");
        assert_eq!(annotations[1]["start"], 2941);
        assert_eq!(annotations[1]["end"], 2992);
    }
}
