//! Label Studio tasks: one task a document, its annotations as one completed annotation of
//! `labels` results (`from_name` "label", `to_name` "text"). A document without annotations is a
//! task with none: Label Studio counts a task holding an annotation, even an empty one, as done.
//! The labelling config a project takes them with is written too: the labels by name, with their
//! colours and what they mean (a `Label`'s `hint`, which Label Studio shows on hover).

use serde_json::{json, Value};

use super::corpus::Corpus;
use super::w3c;
use crate::core::exchange::incoming::{
    from_utf16, offsets, ImportError, IncomingAnnotation, IncomingDocument, IncomingFile, LabelRef, Refusal,
};
use crate::core::model::label::Label;
use crate::core::text::offsets::OffsetUnit;

pub fn write(corpus: &Corpus) -> String {
    let tasks: Vec<_> = corpus
        .annotated()
        .enumerate()
        .map(|(index, (document, annotations))| {
            let spans = corpus.spans_in_unit(document, annotations);
            let result: Vec<_> = annotations
                .iter()
                .zip(spans)
                .map(|(a, (start, end))| {
                    let mut meta =
                        json!({"text": [a.note], "attributed_to": a.attributed_to, "created_at": a.created_at, "updated_at": a.updated_at});
                    // The reader's judgements, where given: Label Studio keeps a result's meta as it is.
                    if !a.source_kind.is_empty() {
                        meta["source_kind"] = json!(a.source_kind);
                    }
                    for (field, yes) in
                        [("on_the_record", a.on_the_record), ("in_a_position_to_know", a.in_a_position_to_know), ("unsure", a.unsure)]
                    {
                        if yes {
                            meta[field] = json!(true);
                        }
                    }
                    json!({
                        "id": a.id,
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": start, "end": end, "text": a.quote, "labels": [corpus.label_name(&a.label)]},
                        "meta": meta,
                    })
                })
                .collect();
            json!({
                "id": index + 1,
                "data": {"text": document.text, "document_id": document.id, "title": document.title},
                "annotations": if result.is_empty() { json!([]) } else { json!([{"result": result}]) },
            })
        })
        .collect();
    serde_json::to_string_pretty(&tasks).expect("plain data serializes")
}

/// The labelling config of `labels` for the tasks `write` makes.
pub fn write_config(labels: &[Label]) -> String {
    let mut config = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for label in labels {
        let hint = label.explanation().map(|said| format!(" hint=\"{}\"", xml_attribute(&said))).unwrap_or_default();
        config.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\"{hint}/>\n",
            xml_attribute(&label.name),
            xml_attribute(&label.color)
        ));
    }
    config.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n");
    config
}

/// `text` as an XML attribute's value, between double quotes.
fn xml_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\n', "&#10;")
}

/// A list of Label Studio tasks, offsets in `unit` (or of Web Annotations, which some tools
/// write as a bare list).
pub fn read(tasks: &[Value], unit: OffsetUnit) -> Result<IncomingFile, ImportError> {
    if tasks.first().is_some_and(|first| first.get("target").is_some()) {
        return Ok(w3c::read_items("items", &tasks.iter().collect::<Vec<_>>()));
    }
    if let Some((index, _)) = tasks.iter().enumerate().find(|(_, task)| task.get("data").and_then(|d| d.get("text")).is_none()) {
        return Err(ImportError::NotAnExport(format!(
            "it is a list, but item [{index}] is not a Label Studio task with \"data\".\"text\""
        )));
    }
    let mut read = IncomingFile::default();
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
                match read_result(result, place.clone()) {
                    Ok(incoming) => document.annotations.push(incoming),
                    Err(reason) => read.refused.push(Refusal { place, reason, count: 1 }),
                }
            }
        }
        if unit == OffsetUnit::Utf16 {
            document.annotations = from_utf16(text, std::mem::take(&mut document.annotations), &mut read.refused);
        }
        read.documents.push(document);
    }
    Ok(read)
}

fn read_result(result: &Value, place: String) -> Result<IncomingAnnotation, String> {
    let value = result.get("value").ok_or("it has no value")?;
    let kind = result.get("type").and_then(Value::as_str).unwrap_or("");
    if !matches!(kind, "labels" | "hypertextlabels") {
        return Err(format!("it is a result of type \"{kind}\", not a labelled span"));
    }
    let (start, end) = offsets(value.get("start"), value.get("end"))?;
    let label = value.get("labels").and_then(|l| l.get(0)).and_then(Value::as_str).ok_or("its value has no labels")?;
    let mut incoming = IncomingAnnotation::new(place, LabelRef::Name(label.to_owned()), start, end);
    incoming.id = result.get("id").and_then(Value::as_str).map(str::to_owned);
    incoming.quote = value.get("text").and_then(Value::as_str).map(str::to_owned);
    let meta = result.get("meta");
    incoming.note = meta.and_then(|m| m.get("text")).and_then(|t| t.get(0)).and_then(Value::as_str).unwrap_or_default().to_owned();
    let meta_string = |field: &str| meta.and_then(|m| m.get(field)).and_then(Value::as_str).map(str::to_owned);
    incoming.attributed_to = meta_string("attributed_to").unwrap_or_default();
    incoming.created_at = meta_string("created_at");
    incoming.updated_at = meta_string("updated_at");
    incoming.judged.source_kind = meta_string("source_kind").unwrap_or_default();
    let yes = |field: &str| meta.and_then(|m| m.get(field)).and_then(Value::as_bool).unwrap_or_default();
    (incoming.judged.on_the_record, incoming.judged.in_a_position_to_know, incoming.judged.unsure) =
        (yes("on_the_record"), yes("in_a_position_to_know"), yes("unsure"));
    Ok(incoming)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::offsets::slice;

    #[test]
    fn the_labelling_config_names_each_label_with_its_colour_and_meaning() {
        let mut labels = crate::core::model::label::default_labels();
        labels.push(Label { id: "q".into(), name: "Quote \"&<\"".into(), color: "#000000".into(), ..Label::default() });
        let config = write_config(&labels);
        assert!(config.starts_with(
            "<View>\n  <Labels name=\"label\" toName=\"text\">\n    <Label value=\"Claim\" background=\"#0072b2\" hint=\"A statement that"
        ));
        assert!(
            config.contains("<Label value=\"Quote &quot;&amp;&lt;&quot;\" background=\"#000000\"/>"),
            "escaped, and no hint where none is given"
        );
        assert!(config.contains("For example: “reports from Western media outlets"), "the examples after the definition");
        assert!(config.ends_with("  <Text name=\"text\" value=\"$text\"/>\n</View>\n"));
    }

    #[test]
    fn tasks_hold_labels_results() {
        let parts = fixture::corpus_parts();
        let tasks: Value = serde_json::from_str(&write(&fixture::corpus(&parts))).unwrap();
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

    #[test]
    fn a_document_without_annotations_is_a_task_still_to_do() {
        let parts = fixture::corpus_parts();
        let tasks: Value = serde_json::from_str(&write(&fixture::corpus(&parts))).unwrap();
        let annotated: Vec<usize> = tasks.as_array().unwrap().iter().map(|t| t["annotations"].as_array().unwrap().len()).collect();
        assert_eq!(annotated, [1, 0, 0, 0, 1]);
    }
}
