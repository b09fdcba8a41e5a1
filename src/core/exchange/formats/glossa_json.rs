//! Glossa JSON, versions 1 to 5: the lossless format, written with every document and its
//! annotations, and read back strictly (labels are ids, times and ids must be there; a document
//! is found by its digest or id, or made from its `text`).

use std::sync::Arc;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::core::exchange::incoming::{
    abbreviate, plain_serde_message, ImportError, IncomingAnnotation, IncomingDocument, IncomingFile, LabelRef, Refusal,
};
use crate::core::model::annotation::{sort_in_text_order, Annotation};
use crate::core::model::document::Document;
use crate::core::model::facts::Facts;
use crate::core::model::label::{self, Label};
use crate::core::work::workspace::Workspace;

pub const FORMAT: &str = "glossa-annotations";
/// Version 2 added `attributed_to` to annotations and `key` to labels, and documents of one's
/// own (`source` null, with their `text`); version 3 added `links` to annotations; version 4 a
/// `definition` and `examples` to labels and the judgements of sources to annotations; version 5
/// a document's `kind`, `outlet` and `date`, and the relations `supports` and `contradicts`.
pub const VERSION: u32 = 5;
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
    #[serde(skip_serializing_if = "String::is_empty")]
    kind: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    outlet: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    date: String,
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
pub fn write(documents: &[Arc<Document>], labels: &[Label], workspace: &Workspace, exported_at: &str) -> String {
    let file = ExportFile {
        format: FORMAT,
        version: VERSION,
        exported_at,
        labels,
        documents: documents
            .iter()
            .map(|d| {
                let mut annotations: Vec<&Annotation> = workspace.annotations(&d.id).iter().collect();
                sort_in_text_order(&mut annotations);
                let Facts { kind, outlet, date } = workspace.facts(&d.id);
                ExportDocument {
                    id: &d.id,
                    title: &d.title,
                    kind,
                    outlet,
                    date,
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

pub(super) fn read(root: &Map<String, Value>, labels: &[Label]) -> Result<IncomingFile, ImportError> {
    match root.get("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            return Err(ImportError::NotAnExport(format!("\"format\" is {other}, not \"{}\"", FORMAT)));
        }
        None => return Err(ImportError::NotAnExport("it has no \"format\" field".into())),
    }
    match root.get("version") {
        // Version 1 lacks `attributed_to` and label keys, which default to empty.
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| (1..=u64::from(VERSION)).contains(&v)) => {}
        Some(other) => return Err(ImportError::UnknownVersion { found: other.to_string(), newest: VERSION }),
        None => return Err(ImportError::UnknownVersion { found: "missing".into(), newest: VERSION }),
    }
    let Some(Value::Array(entries)) = root.get("documents") else {
        return Err(ImportError::NotAnExport("\"documents\" is missing or not a list".into()));
    };
    let mut read = IncomingFile::default();
    read_labels(root.get("labels"), labels, &mut read);
    for (index, entry) in entries.iter().enumerate() {
        read_document(entry, format!("documents[{index}]"), &mut read);
    }
    Ok(read)
}

/// Collects the file's valid labels that `labels` lacks; ours win where both have an id.
fn read_labels(value: Option<&Value>, labels: &[Label], read: &mut IncomingFile) {
    #[derive(serde::Deserialize)]
    struct FileLabel {
        id: String,
        name: String,
        color: String,
        #[serde(default)]
        key: String,
        #[serde(default)]
        definition: String,
        #[serde(default)]
        examples: Vec<String>,
    }
    let Some(Value::Array(items)) = value else {
        return;
    };
    for (index, item) in items.iter().enumerate() {
        let refuse = |reason: String| Refusal { place: format!("labels[{index}]"), reason, count: 0 };
        let file_label = match serde_json::from_value::<FileLabel>(item.clone()) {
            Ok(file_label) => file_label,
            Err(error) => {
                read.refused.push(refuse(plain_serde_message(&error)));
                continue;
            }
        };
        let FileLabel { id, name, color, key, definition, examples } = file_label;
        if id.is_empty() || id.chars().any(char::is_whitespace) || name.trim().is_empty() {
            read.refused.push(refuse(format!("the label \"{}\" needs an id without spaces and a name", abbreviate(&id))));
        } else if !label::is_hex_color(&color) {
            read.refused.push(refuse(format!("the colour \"{}\" is not of the form #rrggbb", abbreviate(&color))));
        } else if examples.len() > label::MOST_EXAMPLES {
            read.refused.push(refuse(format!("the label \"{}\" has more than {} examples", abbreviate(&id), label::MOST_EXAMPLES)));
        } else if label::find(labels, &id).is_none() && label::find(&read.new_labels, &id).is_none() {
            read.new_labels.push(Label { id, name, color, key, definition, examples });
        }
    }
}

fn read_document(entry: &Value, place: String, read: &mut IncomingFile) {
    let Some(Value::Array(items)) = entry.get("annotations") else {
        read.refused.push(Refusal { place, reason: "has no \"annotations\" list".into(), count: 0 });
        return;
    };
    let Some(id) = entry.get("id").and_then(Value::as_str) else {
        read.refused.push(Refusal { place, reason: "has no document \"id\"".into(), count: items.len() });
        return;
    };
    let text = |field: &str| entry.get(field).and_then(Value::as_str).map(str::to_owned);
    let place = format!("{place} ({id})");
    let mut document = IncomingDocument {
        place: place.clone(),
        id: Some(id.to_owned()),
        sha256: text("text_sha256"),
        title: text("title"),
        text: text("text"),
        facts: Facts {
            kind: text("kind").unwrap_or_default(),
            outlet: text("outlet").unwrap_or_default(),
            date: text("date").unwrap_or_default(),
        },
        annotations: Vec::new(),
    };
    for (index, item) in items.iter().enumerate() {
        let place = format!("{place}.annotations[{index}]");
        match read_annotation(item, place.clone()) {
            Ok(annotation) => document.annotations.push(annotation),
            Err(reason) => read.refused.push(Refusal { place, reason, count: 1 }),
        }
    }
    read.documents.push(document);
}

fn read_annotation(item: &Value, place: String) -> Result<IncomingAnnotation, String> {
    let mut annotation: Annotation = serde_json::from_value(item.clone()).map_err(|e| plain_serde_message(&e))?;
    if annotation.id.is_empty() || annotation.id.chars().any(char::is_whitespace) {
        return Err(format!("its id \"{}\" is empty or holds spaces", abbreviate(&annotation.id)));
    }
    for (field, value) in [("created_at", &annotation.created_at), ("updated_at", &annotation.updated_at)] {
        if value.millis().is_none() {
            return Err(format!("its {field} \"{}\" is not an RFC 3339 time", abbreviate(&value.to_string())));
        }
    }
    let judged = annotation.take_judged();
    let Annotation { id, label, start, end, quote, note, attributed_to, links, created_at, updated_at, .. } = annotation;
    Ok(IncomingAnnotation {
        id: Some(id),
        quote: Some(quote),
        note,
        attributed_to,
        links,
        judged,
        created_at: Some(created_at.to_string()),
        updated_at: Some(updated_at.to_string()),
        ..IncomingAnnotation::new(place, LabelRef::Id(label), start, end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::document::bundled;
    use crate::core::model::label::default_labels;

    #[test]
    fn export_has_the_contracted_shape_and_order() {
        let documents = bundled();
        let article = &documents[4];
        let start = article.text.find("Iran has NOT").map(|byte| article.text[..byte].chars().count()).unwrap();
        let mut workspace = Workspace::default();
        for (id, label, end) in [("b", "denial", start + 51), ("a", "claim", start + 51), ("c", "claim", start + 4)] {
            let annotation = article.annotate(start, end, label, id.into(), "2026-11-22T10:00:00.000Z").unwrap();
            workspace.put(&article.id, annotation);
        }
        let json = write(&documents, &default_labels(), &workspace, "2026-11-22T10:00:00Z");
        let value: Value = serde_json::from_str(&json).unwrap();
        assert!(json.starts_with("{\n  \"format\": \"glossa-annotations\",\n  \"version\": 5,\n  \"exported_at\""));
        let claim = &default_labels()[0];
        assert_eq!(
            value["labels"][0],
            serde_json::json!({"id": "claim", "name": "Claim", "color": "#0072b2", "key": "1",
                "definition": claim.definition, "examples": claim.examples})
        );
        assert_eq!(value["documents"].as_array().unwrap().len(), 5, "every document, annotated or not");
        let exported = &value["documents"][4];
        assert_eq!(exported["id"], "004_de3ecafd94c781bd");
        assert_eq!(exported["source"], "004_de3ecafd94c781bd.txt");
        assert_eq!((&exported["kind"], exported.get("outlet")), (&Value::from("news report"), None), "what its text says, no more");
        assert_eq!(value["documents"][2]["outlet"], "Conservative News Daily");
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
