//! Glossa JSON, versions 1 and 2: checked strictly, since Glossa wrote it. Labels are ids, times
//! and ids must be there; a document is found by its digest or id, or made from its `text`.

use serde_json::{Map, Value};

use super::{abbreviate, plain_serde_message, ImportError, Incoming, IncomingDocument, LabelRef, Read, Refusal};
use crate::core::annotation::Annotation;
use crate::core::export;
use crate::core::label::{self, Label};
use crate::core::timestamp;

pub(super) fn read(root: &Map<String, Value>, labels: &[Label]) -> Result<Read, ImportError> {
    match root.get("format") {
        Some(Value::String(format)) if format == export::FORMAT => {}
        Some(other) => {
            return Err(ImportError::NotAnExport(format!("\"format\" is {other}, not \"{}\"", export::FORMAT)));
        }
        None => return Err(ImportError::NotAnExport("it has no \"format\" field".into())),
    }
    match root.get("version") {
        // Version 1 lacks `attributed_to` and label keys, which default to empty.
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| (1..=u64::from(export::VERSION)).contains(&v)) => {}
        Some(other) => return Err(ImportError::UnknownVersion(other.to_string())),
        None => return Err(ImportError::UnknownVersion("missing".into())),
    }
    let Some(Value::Array(entries)) = root.get("documents") else {
        return Err(ImportError::NotAnExport("\"documents\" is missing or not a list".into()));
    };
    let mut read = Read::default();
    read_labels(root.get("labels"), labels, &mut read);
    for (index, entry) in entries.iter().enumerate() {
        read_document(entry, format!("documents[{index}]"), &mut read);
    }
    Ok(read)
}

/// Collects the file's valid labels that `labels` lacks; ours win where both have an id.
fn read_labels(value: Option<&Value>, labels: &[Label], read: &mut Read) {
    #[derive(serde::Deserialize)]
    struct FileLabel {
        id: String,
        name: String,
        color: String,
        #[serde(default)]
        key: String,
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
        let FileLabel { id, name, color, key } = file_label;
        if id.is_empty() || id.chars().any(char::is_whitespace) || name.trim().is_empty() {
            read.refused.push(refuse(format!("the label \"{}\" needs an id without spaces and a name", abbreviate(&id))));
        } else if !label::is_hex_color(&color) {
            read.refused.push(refuse(format!("the colour \"{}\" is not of the form #rrggbb", abbreviate(&color))));
        } else if label::find(labels, &id).is_none() && label::find(&read.new_labels, &id).is_none() {
            read.new_labels.push(Label { id, name, color, key });
        }
    }
}

fn read_document(entry: &Value, place: String, read: &mut Read) {
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

fn read_annotation(item: &Value, place: String) -> Result<Incoming, String> {
    let annotation: Annotation = serde_json::from_value(item.clone()).map_err(|e| plain_serde_message(&e))?;
    if annotation.id.is_empty() || annotation.id.chars().any(char::is_whitespace) {
        return Err(format!("its id \"{}\" is empty or holds spaces", abbreviate(&annotation.id)));
    }
    for (field, value) in [("created_at", &annotation.created_at), ("updated_at", &annotation.updated_at)] {
        if timestamp::parse_millis(value).is_none() {
            return Err(format!("its {field} \"{}\" is not an RFC 3339 time", abbreviate(value)));
        }
    }
    let Annotation { id, label, start, end, quote, note, attributed_to, created_at, updated_at } = annotation;
    Ok(Incoming {
        id: Some(id),
        quote: Some(quote),
        note,
        attributed_to,
        created_at: Some(created_at),
        updated_at: Some(updated_at),
        ..Incoming::new(place, LabelRef::Id(label), start, end)
    })
}
