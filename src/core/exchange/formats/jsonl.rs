//! One JSON document a line, as doccano and spaCy/Prodigy exchange them: the lines both
//! formats write, and the reader of both (they differ only in the field that holds the spans).

use serde_json::Value;

use crate::core::exchange::incoming::{
    from_utf16, offsets, plain_serde_message, IncomingAnnotation, IncomingDocument, IncomingFile, LabelRef, Refusal,
};
use crate::core::text::json;
use crate::core::text::offsets::OffsetUnit;

/// Each value on a line of its own.
pub fn lines(values: impl Iterator<Item = Value>) -> String {
    values.map(|value| value.to_string() + "\n").collect()
}

/// Whether the first line that is not blank is a JSON object on its own.
pub fn looks_like_json_lines(contents: &str) -> bool {
    contents.lines().find(|line| !line.trim().is_empty()).is_some_and(|line| matches!(json::read::<Value>(line), Ok(Value::Object(_))))
}

/// One document a line, its spans under `label` or `entities` (doccano, offsets in `doccano`'s
/// unit) or `spans` (spaCy and Prodigy, code points): all are read, so a file that mixes them
/// loses nothing.
pub fn read(contents: &str, doccano: OffsetUnit) -> IncomingFile {
    let mut read = IncomingFile::default();
    for (index, line) in contents.lines().enumerate() {
        let place = format!("line {}", index + 1);
        if line.trim().is_empty() {
            continue;
        }
        let record = match json::read::<Value>(line) {
            Ok(Value::Object(record)) => record,
            Ok(_) => {
                read.refused.push(Refusal { place, reason: "it is not a JSON object".into(), count: 0 });
                continue;
            }
            Err(e) => {
                let reason = format!("it is not valid JSON (column {}: {})", e.column(), plain_serde_message(&e));
                read.refused.push(Refusal { place, reason, count: 0 });
                continue;
            }
        };
        let Some(text) = record.get("text").and_then(Value::as_str) else {
            read.refused.push(Refusal { place, reason: "it has no \"text\"".into(), count: 0 });
            continue;
        };
        let meta = record.get("meta");
        let meta_string = |field: &str| meta.and_then(|m| m.get(field)).and_then(Value::as_str).map(str::to_owned);
        let mut document = IncomingDocument {
            place: place.clone(),
            id: meta_string("id").or_else(|| record.get("id").and_then(Value::as_str).map(str::to_owned)),
            title: meta_string("title"),
            text: Some(text.to_owned()),
            ..IncomingDocument::default()
        };
        for field in ["label", "entities", "spans"] {
            let Some(Value::Array(spans)) = record.get(field) else {
                continue;
            };
            let mut found = Vec::new();
            for (at, span) in spans.iter().enumerate() {
                let place = format!("{place}, {field}[{at}]");
                match read_span(span, place.clone()) {
                    Ok(incoming) => found.push(incoming),
                    Err(reason) => read.refused.push(Refusal { place, reason, count: 1 }),
                }
            }
            if field != "spans" && doccano == OffsetUnit::Utf16 {
                found = from_utf16(text, found, &mut read.refused);
            }
            document.annotations.extend(found);
        }
        read.documents.push(document);
    }
    read
}

/// `[start, end, "Label"]`, `{"start_offset", "end_offset", "label"}` or `{"start", "end", "label", "text"}`.
fn read_span(span: &Value, place: String) -> Result<IncomingAnnotation, String> {
    let (start, end, label) = match span {
        Value::Array(parts) if parts.len() == 3 => (parts.first(), parts.get(1), parts.get(2)),
        Value::Object(fields) => (
            fields.get("start").or_else(|| fields.get("start_offset")),
            fields.get("end").or_else(|| fields.get("end_offset")),
            fields.get("label"),
        ),
        _ => return Err("it is neither [start, end, label] nor an object with start, end and label".into()),
    };
    let (start, end) = offsets(start, end)?;
    let label = label.and_then(Value::as_str).ok_or("its label is not a string")?;
    let mut incoming = IncomingAnnotation::new(place, LabelRef::Name(label.to_owned()), start, end);
    incoming.quote = span.get("text").and_then(Value::as_str).map(str::to_owned);
    incoming.id = span.get("id").and_then(Value::as_str).map(str::to_owned);
    Ok(incoming)
}
