//! The formats of other tools: W3C Web Annotation, Label Studio tasks, and one-document-a-line
//! JSONL of doccano (`label` or `entities`) and spaCy/Prodigy (`spans`). Labels come by name.

use serde_json::{Map, Value};

use super::{plain_serde_message, ImportError, Incoming, IncomingDocument, LabelRef, Read, Refusal};

pub(super) fn is_web_annotation(root: &Map<String, Value>) -> bool {
    root.contains_key("@context")
        || matches!(root.get("type").and_then(Value::as_str), Some("AnnotationCollection" | "AnnotationPage" | "Annotation"))
}

/// An `AnnotationCollection` (its first page's items), an `AnnotationPage`, or one `Annotation`.
pub(super) fn web_annotation(root: &Map<String, Value>) -> Read {
    let (path, items): (&str, Vec<&Value>) = if let Some(Value::Array(items)) = root.get("items") {
        ("items", items.iter().collect())
    } else if let Some(Value::Array(items)) = root.get("first").and_then(|first| first.get("items")) {
        ("first.items", items.iter().collect())
    } else {
        ("annotation", vec![])
    };
    let root_value = Value::Object(root.clone());
    let items = if path == "annotation" { vec![&root_value] } else { items };
    web_annotation_items(path, &items)
}

fn web_annotation_items(path: &str, items: &[&Value]) -> Read {
    let mut read = Read::default();
    for (index, item) in items.iter().enumerate() {
        let place = if path == "annotation" { "the annotation".to_owned() } else { format!("{path}[{index}]") };
        match web_annotation_item(item, place.clone()) {
            Ok((source, sha256, annotation)) => {
                let at = read.documents.iter().position(|d| d.place == source);
                let document = match at {
                    Some(at) => &mut read.documents[at],
                    None => {
                        let id = source.strip_prefix("urn:glossa:document:").unwrap_or(&source).to_owned();
                        read.documents.push(IncomingDocument {
                            place: source.clone(),
                            id: Some(id),
                            sha256,
                            ..IncomingDocument::default()
                        });
                        read.documents.last_mut().expect("just pushed")
                    }
                };
                document.annotations.push(annotation);
            }
            Err(reason) => read.refused.push(Refusal { place, reason, count: 1 }),
        }
    }
    read
}

/// The annotation's target source, the digest of its text if it says, and the annotation.
fn web_annotation_item(item: &Value, place: String) -> Result<(String, Option<String>, Incoming), String> {
    let list = |value: Option<&Value>| -> Vec<Value> {
        match value {
            Some(Value::Array(items)) => items.clone(),
            Some(one) => vec![one.clone()],
            None => vec![],
        }
    };
    let string = |value: &Value, field: &str| value.get(field).and_then(Value::as_str).map(str::to_owned);
    let bodies = list(item.get("body"));
    let with_purpose =
        |purpose: &str| bodies.iter().find(|b| b.get("purpose").and_then(Value::as_str) == Some(purpose)).and_then(|b| string(b, "value"));
    let label = with_purpose("tagging").ok_or("it has no tagging body to take a label from")?;
    let target = list(item.get("target")).into_iter().next().ok_or("it has no target")?;
    let source = string(&target, "glossa:document")
        .map(|id| format!("urn:glossa:document:{id}"))
        .or_else(|| string(&target, "source"))
        .ok_or("its target has no source")?;
    let selectors = list(target.get("selector"));
    let of_type = |kind: &str| selectors.iter().find(|s| s.get("type").and_then(Value::as_str) == Some(kind));
    let quote = of_type("TextQuoteSelector");
    let position = of_type("TextPositionSelector").map(|p| offsets(p.get("start"), p.get("end")));
    let (start, end) = match position {
        Some(Ok(range)) => range,
        Some(Err(why)) => return Err(format!("in its TextPositionSelector, {why}")),
        None if quote.is_some() => (0, 0),
        None => return Err("it has neither a TextPositionSelector nor a TextQuoteSelector".into()),
    };
    let mut incoming = Incoming::new(place, LabelRef::Name(label), start, end);
    incoming.positioned = matches!(position, Some(Ok(_)));
    incoming.id = string(item, "id").map(|id| id.strip_prefix("urn:uuid:").unwrap_or(&id).to_owned());
    incoming.quote = quote.and_then(|q| string(q, "exact"));
    incoming.prefix = quote.and_then(|q| string(q, "prefix"));
    incoming.suffix = quote.and_then(|q| string(q, "suffix"));
    incoming.note = with_purpose("commenting").unwrap_or_default();
    incoming.attributed_to =
        with_purpose("describing").and_then(|d| d.strip_prefix("Attributed to ").map(str::to_owned)).unwrap_or_default();
    incoming.created_at = string(item, "created");
    incoming.updated_at = string(item, "modified");
    Ok((source, string(&target, "glossa:sha256"), incoming))
}

/// A list of Label Studio tasks (or of Web Annotations, which some tools write as a bare list).
pub(super) fn label_studio(tasks: &[Value]) -> Result<Read, ImportError> {
    if tasks.first().is_some_and(|first| first.get("target").is_some()) {
        return Ok(web_annotation_items("items", &tasks.iter().collect::<Vec<_>>()));
    }
    if let Some((index, _)) = tasks.iter().enumerate().find(|(_, task)| task.get("data").and_then(|d| d.get("text")).is_none()) {
        return Err(ImportError::NotAnExport(format!(
            "it is a list, but item [{index}] is not a Label Studio task with \"data\".\"text\""
        )));
    }
    let mut read = Read::default();
    for (index, task) in tasks.iter().enumerate() {
        let data = &task["data"];
        let place = format!("[{index}]");
        let Some(text) = data["text"].as_str() else {
            read.refused.push(Refusal { place, reason: "its data.text is not a string".into(), count: 0 });
            continue;
        };
        let mut document = IncomingDocument {
            place: place.clone(),
            id: data.get("document_id").and_then(Value::as_str).map(str::to_owned),
            title: data.get("title").and_then(Value::as_str).map(str::to_owned),
            text: Some(text.to_owned()),
            ..IncomingDocument::default()
        };
        let annotations = task.get("annotations").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
        for (a, annotation) in annotations.iter().enumerate() {
            let results = annotation.get("result").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
            for (r, result) in results.iter().enumerate() {
                let place = format!("{place}.annotations[{a}].result[{r}]");
                match label_studio_result(result, place.clone()) {
                    Ok(incoming) => document.annotations.push(incoming),
                    Err(reason) => read.refused.push(Refusal { place, reason, count: 1 }),
                }
            }
        }
        read.documents.push(document);
    }
    Ok(read)
}

fn label_studio_result(result: &Value, place: String) -> Result<Incoming, String> {
    let value = result.get("value").ok_or("it has no value")?;
    let kind = result.get("type").and_then(Value::as_str).unwrap_or("");
    if !matches!(kind, "labels" | "hypertextlabels") {
        return Err(format!("it is a result of type \"{kind}\", not a labelled span"));
    }
    let (start, end) = offsets(value.get("start"), value.get("end"))?;
    let label = value.get("labels").and_then(|l| l.get(0)).and_then(Value::as_str).ok_or("its value has no labels")?;
    let mut incoming = Incoming::new(place, LabelRef::Name(label.to_owned()), start, end);
    incoming.id = result.get("id").and_then(Value::as_str).map(str::to_owned);
    incoming.quote = value.get("text").and_then(Value::as_str).map(str::to_owned);
    let meta = result.get("meta");
    incoming.note = meta.and_then(|m| m.get("text")).and_then(|t| t.get(0)).and_then(Value::as_str).unwrap_or_default().to_owned();
    let meta_string = |field: &str| meta.and_then(|m| m.get(field)).and_then(Value::as_str).map(str::to_owned);
    incoming.attributed_to = meta_string("attributed_to").unwrap_or_default();
    incoming.created_at = meta_string("created_at");
    incoming.updated_at = meta_string("updated_at");
    Ok(incoming)
}

/// Whether the first line that is not blank is a JSON object on its own.
pub(super) fn looks_like_json_lines(contents: &str) -> bool {
    contents
        .lines()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| matches!(serde_json::from_str::<Value>(line), Ok(Value::Object(_))))
}

/// doccano (`"label": [[start, end, "Label"]]` or `"entities"`) and spaCy/Prodigy (`"spans"`),
/// one document a line.
pub(super) fn json_lines(contents: &str) -> Result<Read, ImportError> {
    let mut read = Read::default();
    for (index, line) in contents.lines().enumerate() {
        let place = format!("line {}", index + 1);
        if line.trim().is_empty() {
            continue;
        }
        let record = match serde_json::from_str::<Value>(line) {
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
            for (at, span) in spans.iter().enumerate() {
                let place = format!("{place}, {field}[{at}]");
                match json_lines_span(span, place.clone()) {
                    Ok(incoming) => document.annotations.push(incoming),
                    Err(reason) => read.refused.push(Refusal { place, reason, count: 1 }),
                }
            }
        }
        read.documents.push(document);
    }
    Ok(read)
}

/// `[start, end, "Label"]`, `{"start_offset", "end_offset", "label"}` or `{"start", "end", "label", "text"}`.
fn json_lines_span(span: &Value, place: String) -> Result<Incoming, String> {
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
    let mut incoming = Incoming::new(place, LabelRef::Name(label.to_owned()), start, end);
    incoming.quote = span.get("text").and_then(Value::as_str).map(str::to_owned);
    incoming.id = span.get("id").and_then(Value::as_str).map(str::to_owned);
    Ok(incoming)
}

fn offsets(start: Option<&Value>, end: Option<&Value>) -> Result<(usize, usize), String> {
    // Beyond `usize` (32 bits in the browser) is out of every text's range anyway.
    let whole = |value: Option<&Value>| value.and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    match (whole(start), whole(end)) {
        (Some(start), Some(end)) => Ok((start, end)),
        _ => Err(format!(
            "its start and end must be whole numbers, not {} and {}",
            start.map_or("nothing".into(), Value::to_string),
            end.map_or("nothing".into(), Value::to_string)
        )),
    }
}
