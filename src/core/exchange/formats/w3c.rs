//! W3C Web Annotation: one `AnnotationCollection` whose annotations target their document with a
//! `TextQuoteSelector` (exact, 32 characters of prefix and suffix) and a `TextPositionSelector`
//! (code points, as the model requires); the label is a `tagging` body, the note `commenting`.
//! A link between two annotations is an annotation of its own, motivated `linking`, whose
//! targets are the two annotations (the one that answers first) and whose body names the relation.

use serde_json::{json, Map, Value};

use super::corpus::Corpus;
use crate::core::exchange::incoming::{offsets, IncomingAnnotation, IncomingDocument, IncomingFile, LabelRef, Refusal};
use crate::core::model::annotation::{Annotation, Link, Relation};
use crate::core::model::document::Document;
use crate::core::text::percent;

/// How many characters of context the quote selector carries on each side.
const CONTEXT: usize = 32;

/// The Web Annotation context, Glossa's own terms (`glossa:document`, `glossa:sha256`,
/// `glossa:labels`) made IRIs under `urn:glossa:terms:` for a JSON-LD processor, and SKOS, in
/// which the labels are described.
fn context() -> Value {
    json!(["http://www.w3.org/ns/anno.jsonld", {"glossa": "urn:glossa:terms:", "skos": "http://www.w3.org/2004/02/skos/core#"}])
}

/// An annotation's IRI: `urn:uuid:` for the UUIDs Glossa makes; ids of other tools' files,
/// which may hold any character, percent-encoded under `urn:glossa:annotation:`.
fn annotation_iri(id: &str) -> String {
    let is_uuid =
        id.len() == 36 && id.char_indices().all(|(at, c)| if [8, 13, 18, 23].contains(&at) { c == '-' } else { c.is_ascii_hexdigit() });
    if is_uuid {
        format!("urn:uuid:{id}")
    } else {
        format!("urn:glossa:annotation:{}", percent::encode(id))
    }
}

/// The id an annotation IRI of any tool names (its own IRI when it is neither of Glossa's forms).
fn annotation_id(iri: &str) -> String {
    match (iri.strip_prefix("urn:uuid:"), iri.strip_prefix("urn:glossa:annotation:")) {
        (Some(uuid), _) => uuid.to_owned(),
        (_, Some(encoded)) => percent::decode(encoded),
        _ => iri.to_owned(),
    }
}

const COLLECTION: &str = "urn:glossa:annotations";
/// A `classifying` body's value begins so, then names the kind of source: "Source: anonymous official".
const SOURCE_PREFIX: &str = "Source: ";
/// An `assessing` body of this value says the reader is unsure of the annotation.
const UNSURE: &str = "unsure";
const PAGE: &str = "urn:glossa:annotations:page:1";

pub fn write(corpus: &Corpus, now: &str) -> String {
    let mut items: Vec<Value> =
        corpus.annotated().flat_map(|(document, annotations)| annotations.iter().map(move |a| annotation(corpus, document, a))).collect();
    items.extend(corpus.links().iter().map(|link| {
        json!({
            "id": format!("urn:glossa:link:{}:{}", percent::encode(&link.from.id), percent::encode(&link.to.id)),
            "type": "Annotation",
            "motivation": "linking",
            "created": link.from.updated_at,
            "body": {"type": "TextualBody", "purpose": "linking", "value": link.relation.id()},
            "target": [annotation_iri(&link.from.id), annotation_iri(&link.to.id)],
        })
    }));
    let mut collection = json!({
        "@context": context(),
        "id": COLLECTION,
        "type": "AnnotationCollection",
        "label": "Glossa annotations",
        "generated": now,
        "total": items.len(),
    });
    // What each tag means: the labels as SKOS concepts, named as the tagging bodies name them,
    // with their definitions and examples. Only the labels that say something are listed.
    let described: Vec<Value> = corpus
        .labels
        .iter()
        .filter(|l| !l.definition.is_empty() || !l.examples.is_empty())
        .map(|l| {
            let mut concept =
                json!({"id": format!("urn:glossa:label:{}", percent::encode(&l.id)), "type": "skos:Concept", "skos:prefLabel": l.name});
            if !l.definition.is_empty() {
                concept["skos:definition"] = json!(l.definition);
            }
            if !l.examples.is_empty() {
                concept["skos:example"] = json!(l.examples);
            }
            concept
        })
        .collect();
    if !described.is_empty() {
        collection["glossa:labels"] = json!(described);
    }
    // A page MUST have an IRI and at least one item (Web Annotation Data Model, 5.2): a
    // collection without annotations has none.
    if !items.is_empty() {
        collection["first"] = json!({"id": PAGE, "type": "AnnotationPage", "partOf": COLLECTION, "startIndex": 0, "items": items});
        collection["last"] = json!(PAGE);
    }
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
    if !a.source_kind.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "classifying", "value": format!("{SOURCE_PREFIX}{}", a.source_kind)}));
    }
    if a.unsure {
        body.push(json!({"type": "TextualBody", "purpose": "assessing", "value": UNSURE}));
    }
    let (prefix, suffix) = document.around(a.start, a.end, CONTEXT);
    let mut quote = json!({"type": "TextQuoteSelector", "exact": a.quote});
    for (field, context) in [("prefix", prefix), ("suffix", suffix)] {
        if !context.is_empty() {
            quote[field] = json!(context);
        }
    }
    let mut annotation = json!({
        "id": annotation_iri(&a.id),
        "type": "Annotation",
        "created": a.created_at,
        "modified": a.updated_at,
        "body": body,
        "target": {
            "source": format!("urn:glossa:document:{}", document.id),
            "glossa:document": document.id,
            "glossa:sha256": document.sha256,
            "selector": [
                quote,
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            ],
        },
    });
    // The reader's judgements of the source, which the model has no words for: Glossa's terms.
    for (term, yes) in [("glossa:on_the_record", a.on_the_record), ("glossa:in_a_position_to_know", a.in_a_position_to_know)] {
        if yes {
            annotation[term] = json!(true);
        }
    }
    annotation
}

pub fn is_web_annotation(root: &Map<String, Value>) -> bool {
    root.contains_key("@context")
        || matches!(root.get("type").and_then(Value::as_str), Some("AnnotationCollection" | "AnnotationPage" | "Annotation"))
}

/// An `AnnotationCollection` (its first page's items), an `AnnotationPage`, or one `Annotation`.
pub fn read(root: &Map<String, Value>) -> IncomingFile {
    let (path, items): (&str, Vec<&Value>) = if let Some(Value::Array(items)) = root.get("items") {
        ("items", items.iter().collect())
    } else if let Some(Value::Array(items)) = root.get("first").and_then(|first| first.get("items")) {
        ("first.items", items.iter().collect())
    } else if root.get("type").and_then(Value::as_str) == Some("AnnotationCollection") {
        // A collection without annotations has no page.
        ("first.items", vec![])
    } else {
        ("annotation", vec![])
    };
    let root_value = Value::Object(root.clone());
    let items = if path == "annotation" { vec![&root_value] } else { items };
    read_items(path, &items)
}

pub fn read_items(path: &str, items: &[&Value]) -> IncomingFile {
    let mut read = IncomingFile::default();
    let mut links = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let place = if path == "annotation" { "the annotation".to_owned() } else { format!("{path}[{index}]") };
        if item.get("motivation").and_then(Value::as_str) == Some("linking") {
            match read_link(item) {
                Ok(link) => links.push((place, link)),
                Err(reason) => read.refused.push(Refusal { place, reason, count: 1 }),
            }
            continue;
        }
        match read_item(item, place.clone()) {
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
    // Each link goes with the annotation that makes it.
    for (place, (from, link)) in links {
        let from_here = read.documents.iter_mut().flat_map(|d| &mut d.annotations).find(|a| a.id.as_deref() == Some(from.as_str()));
        match from_here {
            Some(annotation) => annotation.links.push(link),
            None => {
                read.refused.push(Refusal { place, reason: format!("it links annotation {from}, which this file does not hold"), count: 1 })
            }
        }
    }
    read
}

/// A linking annotation: the id of the annotation that makes the link, and the link.
fn read_link(item: &Value) -> Result<(String, Link), String> {
    let ids: Vec<String> = match item.get("target") {
        Some(Value::Array(targets)) => targets.iter().filter_map(Value::as_str).map(annotation_id).collect(),
        _ => Vec::new(),
    };
    let [from, to] = &ids[..] else { return Err("a linking annotation needs two targets, each an annotation's id".into()) };
    let value = item.get("body").and_then(|b| b.get("value")).and_then(Value::as_str).unwrap_or("refers_to");
    let relation = Relation::from_id(value).ok_or_else(|| {
        let known: Vec<&str> = Relation::ALL.iter().map(|r| r.id()).collect();
        format!("its relation \"{value}\" is none of {}", known.join(", "))
    })?;
    Ok((from.to_owned(), Link { to: to.to_owned(), relation }))
}

/// The annotation's target source, the digest of its text if it says, and the annotation.
fn read_item(item: &Value, place: String) -> Result<(String, Option<String>, IncomingAnnotation), String> {
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
    let mut incoming = IncomingAnnotation::new(place, LabelRef::Name(label), start, end);
    incoming.positioned = matches!(position, Some(Ok(_)));
    incoming.id = string(item, "id").map(|iri| annotation_id(&iri));
    incoming.quote = quote.and_then(|q| string(q, "exact"));
    incoming.prefix = quote.and_then(|q| string(q, "prefix"));
    incoming.suffix = quote.and_then(|q| string(q, "suffix"));
    incoming.note = with_purpose("commenting").unwrap_or_default();
    incoming.attributed_to =
        with_purpose("describing").and_then(|d| d.strip_prefix("Attributed to ").map(str::to_owned)).unwrap_or_default();
    incoming.judged.source_kind =
        with_purpose("classifying").and_then(|d| d.strip_prefix(SOURCE_PREFIX).map(str::to_owned)).unwrap_or_default();
    incoming.judged.unsure = with_purpose("assessing").as_deref() == Some(UNSURE);
    let yes = |term: &str| item.get(term).and_then(Value::as_bool).unwrap_or_default();
    (incoming.judged.on_the_record, incoming.judged.in_a_position_to_know) =
        (yes("glossa:on_the_record"), yes("glossa:in_a_position_to_know"));
    incoming.created_at = string(item, "created");
    incoming.updated_at = string(item, "modified");
    Ok((source, string(&target, "glossa:sha256"), incoming))
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::core::text::offsets::slice;

    #[test]
    fn a_collection_of_annotations_with_both_selectors() {
        let parts = fixture::corpus_parts();
        let corpus = fixture::corpus(&parts);
        let out: Value = serde_json::from_str(&write(&corpus, "2026-11-22T10:00:00Z")).unwrap();
        assert_eq!(out["type"], "AnnotationCollection");
        assert_eq!(out["total"], 6, "four annotations and two links");
        assert_eq!(out["first"]["id"], "urn:glossa:annotations:page:1");
        assert_eq!(out["first"]["partOf"], out["id"]);
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
        let link = items.iter().find(|i| i["motivation"] == "linking" && i["body"]["value"] == "denies").unwrap();
        assert_eq!(link["target"], json!(["urn:glossa:annotation:a1", "urn:glossa:annotation:a3"]));
    }

    #[test]
    fn the_labels_are_described_as_concepts_named_as_the_tags_name_them() {
        let mut parts = fixture::corpus_parts();
        crate::core::model::label::add_new(&mut parts.1, "Source").unwrap();
        let out: Value = serde_json::from_str(&write(&fixture::corpus(&parts), "2026-11-22T10:00:00Z")).unwrap();
        let concepts = out["glossa:labels"].as_array().unwrap();
        let defined: Vec<&crate::core::model::label::Label> = parts.1.iter().filter(|l| !l.definition.is_empty()).collect();
        assert_eq!(concepts.len(), defined.len(), "a label that says nothing is not listed");
        for (concept, label) in concepts.iter().zip(defined) {
            assert_eq!(concept["skos:prefLabel"], label.name.as_str());
            assert_eq!(concept["skos:definition"], label.definition.as_str());
            assert_eq!(concept["skos:example"], json!(label.examples));
        }
        assert_eq!(out["@context"][1]["skos"], "http://www.w3.org/2004/02/skos/core#");
    }

    #[test]
    fn ids_become_iris_and_come_back() {
        let uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assert_eq!(annotation_iri(uuid), format!("urn:uuid:{uuid}"));
        assert_eq!(annotation_iri("task 7/ü#1"), "urn:glossa:annotation:task%207%2F%C3%BC%231");
        for id in [uuid, "task 7/ü#1", "a1", "100%", "%zz"] {
            assert_eq!(annotation_id(&annotation_iri(id)), id);
        }
        assert_eq!(annotation_id("https://example.org/anno/1"), "https://example.org/anno/1");
    }

    #[test]
    fn a_collection_without_annotations_has_no_page() {
        let parts = (fixture::corpus_parts().0, crate::core::model::label::default_labels(), Default::default());
        let out: Value = serde_json::from_str(&write(&fixture::corpus(&parts), "2026-11-22T10:00:00Z")).unwrap();
        assert_eq!(out["total"], 0);
        assert!(out.get("first").is_none() && out.get("last").is_none());
        let back = read(out.as_object().unwrap());
        assert!(back.documents.is_empty() && back.refused.is_empty());
    }

    #[test]
    fn links_come_back_with_the_annotation_that_makes_them() {
        let parts = fixture::corpus_parts();
        let out: Value = serde_json::from_str(&write(&fixture::corpus(&parts), "2026-11-22T10:00:00Z")).unwrap();
        let read = read(out.as_object().unwrap());
        assert!(read.refused.is_empty());
        let made: Vec<(&str, &str, Relation)> = read
            .documents
            .iter()
            .flat_map(|d| &d.annotations)
            .flat_map(|a| a.links.iter().map(move |l| (a.id.as_deref().unwrap(), l.to.as_str(), l.relation)))
            .collect();
        assert_eq!(made, [("a2", "b1", Relation::Answers), ("a1", "a3", Relation::Denies)]);
        let stray = json!({"type": "AnnotationPage", "items": [{"type": "Annotation", "motivation": "linking", "target": ["urn:uuid:x", "urn:uuid:y"]}]});
        assert!(read_items("items", &stray["items"].as_array().unwrap().iter().collect::<Vec<_>>()).refused[0]
            .reason
            .contains("does not hold"));
    }
}
