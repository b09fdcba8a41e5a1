//! The MUST rules of the W3C Web Annotation Data Model (the ones its test suite checks as JSON
//! schemas) for what Glossa writes: the collection (§5.1), its page (§5.2), each annotation
//! (§3.1), its bodies (§3.2.4), targets and selectors (§4.1, §4.2.4, §4.2.5), agents' times
//! (§3.3.5). Checked on an export of rich text, of ids from other tools, of links, and of nothing.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use glossa::core::exchange::formats::{self, Corpus, Format};
use glossa::core::model::document::{bundled, Document};
use glossa::core::model::label::default_labels;
use glossa::core::model::own_document::{normalize, DocumentRecord};
use glossa::core::text::offsets::slice;
use glossa::core::text::offsets::OffsetUnit;
use glossa::core::work::workspace::Workspace;
use serde_json::Value;

const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

/// An IRI as RFC 3987 allows it: a scheme, a colon, and no character an IRI may not hold.
fn is_iri(value: &Value) -> bool {
    let Some(text) = value.as_str() else { return false };
    let Some((scheme, rest)) = text.split_once(':') else { return false };
    let scheme_ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    scheme_ok && !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
}

/// An `xsd:dateTime` in UTC written with `Z`, as §3.3.5 requires of `created`, `modified` and
/// `generated`.
fn is_utc_datetime(value: &Value) -> bool {
    let Some(text) = value.as_str() else { return false };
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let fraction = text.get(19..text.len() - 1).unwrap_or("");
    text.ends_with('Z')
        && digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10)
        && bytes.get(10) == Some(&b'T')
        && digits(11..13)
        && bytes.get(13) == Some(&b':')
        && digits(14..16)
        && bytes.get(16) == Some(&b':')
        && digits(17..19)
        && (fraction.is_empty() || (fraction.starts_with('.') && fraction.len() > 1 && fraction[1..].bytes().all(|b| b.is_ascii_digit())))
}

fn one_or_more(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
        None => vec![],
    }
}

fn has_type(value: &Value, wanted: &str) -> bool {
    one_or_more(value.get("type")).iter().any(|t| t.as_str() == Some(wanted))
}

fn is_count(value: &Value) -> bool {
    value.as_u64().is_some()
}

/// Where the rules are broken, each as "where: which rule".
struct Breaches(Vec<String>);

impl Breaches {
    fn rule(&mut self, holds: bool, place: &str, rule: &str) {
        if !holds {
            self.0.push(format!("{place}: {rule}"));
        }
    }

    /// §3.1 and §5.1: 1 or more contexts, the model's among them; a single one as a string.
    fn context(&mut self, value: &Value, place: &str) {
        let contexts = one_or_more(value.get("@context"));
        self.rule(contexts.iter().any(|c| c.as_str() == Some(ANNO_CONTEXT)), place, "MUST have the Web Annotation context");
        self.rule(!matches!(value.get("@context"), Some(Value::Array(a)) if a.len() == 1), place, "a single context MUST be a string");
    }

    fn collection(&mut self, collection: &Value, texts: &[(String, String)]) {
        let place = "the collection";
        self.context(collection, place);
        self.rule(is_iri(&collection["id"]), place, "MUST have exactly 1 IRI");
        self.rule(has_type(collection, "AnnotationCollection"), place, "MUST have the type AnnotationCollection");
        self.rule(collection.get("total").is_none_or(is_count), place, "total MUST be a non-negative integer");
        self.rule(collection.get("generated").is_none_or(is_utc_datetime), place, "generated MUST be a UTC xsd:dateTime");
        let total = collection["total"].as_u64().unwrap_or(0);
        match collection.get("first") {
            None => self.rule(total == 0, place, "a collection with annotations MUST have a first page"),
            Some(page) => {
                self.rule(collection.get("last").is_none_or(is_iri), place, "last MUST be the IRI of a page");
                self.page(page, collection, texts);
            }
        }
    }

    fn page(&mut self, page: &Value, collection: &Value, texts: &[(String, String)]) {
        let place = "the first page";
        self.rule(is_iri(&page["id"]), place, "MUST have an IRI");
        self.rule(has_type(page, "AnnotationPage"), place, "MUST have the type AnnotationPage");
        self.rule(
            page.get("partOf").is_none_or(|p| p == &collection["id"] || p.get("id") == Some(&collection["id"])),
            place,
            "partOf MUST be its collection",
        );
        self.rule(page.get("startIndex").is_none_or(is_count), place, "startIndex MUST be a non-negative integer");
        let items = page["items"].as_array();
        self.rule(items.is_some_and(|items| !items.is_empty()), place, "MUST have 1 or more items");
        for (index, item) in items.into_iter().flatten().enumerate() {
            self.annotation(item, &format!("items[{index}]"), texts);
        }
    }

    fn annotation(&mut self, annotation: &Value, place: &str, texts: &[(String, String)]) {
        self.rule(is_iri(&annotation["id"]), place, "MUST have exactly 1 IRI");
        self.rule(has_type(annotation, "Annotation"), place, "MUST have the type Annotation");
        for field in ["created", "modified"] {
            self.rule(annotation.get(field).is_none_or(is_utc_datetime), place, "created and modified MUST be UTC xsd:dateTimes");
        }
        let motivations = one_or_more(annotation.get("motivation"));
        self.rule(
            motivations.iter().all(|m| m.as_str().is_some_and(|m| MOTIVATIONS.contains(&m))),
            place,
            "motivations MUST be the model's",
        );
        for body in one_or_more(annotation.get("body")) {
            self.body(body, place);
        }
        let targets = one_or_more(annotation.get("target"));
        self.rule(!targets.is_empty(), place, "MUST have 1 or more targets");
        for target in targets {
            match target {
                Value::String(_) => self.rule(is_iri(target), place, "a target given as a string MUST be an IRI"),
                _ => self.specific_resource(target, place, texts),
            }
        }
    }

    fn body(&mut self, body: &Value, place: &str) {
        if has_type(body, "TextualBody") {
            self.rule(body["value"].is_string(), place, "a TextualBody MUST have exactly 1 value, a string");
        } else {
            self.rule(is_iri(body) || is_iri(&body["id"]), place, "a body MUST be textual or have an IRI");
        }
        self.rule(
            body.get("purpose").is_none_or(|p| p.as_str().is_some_and(|p| MOTIVATIONS.contains(&p))),
            place,
            "a purpose MUST be a motivation",
        );
    }

    /// §4.1 and §4.2: the source an IRI; a quote selector with exactly 1 `exact`, at most 1 prefix
    /// and suffix; a position selector with exactly 1 `start` and `end`, counted in characters
    /// (code points) of the source, which the test checks against the text itself.
    fn specific_resource(&mut self, target: &Value, place: &str, texts: &[(String, String)]) {
        self.rule(is_iri(&target["source"]), place, "a SpecificResource MUST have exactly 1 source, an IRI");
        let text = texts.iter().find(|(iri, _)| Some(iri.as_str()) == target["source"].as_str()).map(|(_, text)| text.as_str());
        let selectors = one_or_more(target.get("selector"));
        let quote = selectors.iter().find(|s| has_type(s, "TextQuoteSelector"));
        let position = selectors.iter().find(|s| has_type(s, "TextPositionSelector"));
        if let Some(quote) = quote {
            self.rule(quote["exact"].is_string(), place, "a TextQuoteSelector MUST have exactly 1 exact");
            for field in ["prefix", "suffix"] {
                self.rule(
                    quote.get(field).is_none_or(|v| v.as_str().is_some_and(|v| !v.is_empty())),
                    place,
                    "prefix and suffix are strings, or left out",
                );
            }
        }
        if let Some(position) = position {
            let (start, end) = (position["start"].as_u64(), position["end"].as_u64());
            self.rule(
                start.is_some() && end.is_some(),
                place,
                "a TextPositionSelector MUST have exactly 1 start and 1 end, non-negative integers",
            );
            let selected = text.zip(start.zip(end)).and_then(|(text, (s, e))| slice(text, s as usize, e as usize));
            let exact = quote.and_then(|q| q["exact"].as_str());
            self.rule(selected.is_some() && selected == exact, place, "the position counts code points of the source to its quote");
        }
    }
}

/// The export checked against every rule, with the text of each document by its source IRI.
fn breaches(documents: &[Arc<Document>], workspace: &Workspace) -> Vec<String> {
    let labels = default_labels();
    let bytes = formats::write(
        Format::W3c,
        &Corpus { documents, labels: &labels, workspace, offsets: OffsetUnit::CodePoints },
        "2026-11-23T08:00:00.000Z",
    );
    let collection: Value = serde_json::from_slice(&bytes).unwrap();
    let texts: Vec<(String, String)> = documents.iter().map(|d| (format!("urn:glossa:document:{}", d.id), d.text.clone())).collect();
    let mut breaches = Breaches(Vec::new());
    breaches.collection(&collection, &texts);
    breaches.0
}

#[test]
fn an_export_of_rich_text_links_and_other_tools_ids_keeps_every_must() {
    let text = normalize("Iran’s “denial” 🚀 of 👨‍👩‍👧 transfers\né vs e\u{301}, 𠀋 and 中文, العربية and עברית.\r\nA second line.").text;
    let record = DocumentRecord::of(&text, None, Some("rich.txt"), "2026-11-23T08:00:00.000Z");
    let own = Arc::new(record.document(&text));
    let mut documents = bundled();
    documents.push(own.clone());
    let mut workspace = Workspace::default();
    workspace.put_record(record);
    // Offsets from the start of the text, nested, overlapping, across the line break, ids as
    // Glossa makes them and as other tools' files bring them.
    let spans =
        [(0, 6, "0f8fad5b-d9cb-469f-a165-70867728950e"), (0, 15, "task 7/ü#1"), (8, 20, "ls-result_3"), (20, 50, "x:y"), (1, 3, "%")];
    for (start, end, id) in spans {
        let mut a = own.annotate(start, end, "claim", id.into(), "2026-11-23T08:00:00.000Z").unwrap();
        a.note = "a note".into();
        a.attributed_to = "Iran’s foreign minister".into();
        workspace.put(&own.id, a);
    }
    let article = &documents[4];
    workspace.put(&article.id, article.annotate(0, 4, "denial", "article-1".into(), "2026-11-23T08:00:00.000Z").unwrap());
    workspace.link("task 7/ü#1", "article-1", None, "2026-11-23T08:00:01.000Z");
    workspace.link("x:y", "%", None, "2026-11-23T08:00:01.000Z");
    assert_eq!(breaches(&documents, &workspace), Vec::<String>::new());
}

#[test]
fn an_export_of_nothing_keeps_every_must() {
    assert_eq!(breaches(&bundled(), &Workspace::default()), Vec::<String>::new());
}

#[test]
fn the_checks_catch_what_they_check() {
    let mut breaches = Breaches(Vec::new());
    let page = serde_json::json!({"type": "AnnotationPage", "items": []});
    breaches.page(&page, &serde_json::json!({"id": "urn:c"}), &[]);
    assert_eq!(breaches.0, ["the first page: MUST have an IRI", "the first page: MUST have 1 or more items"]);
    assert!(!is_iri(&Value::from("urn:uuid:a b")) && !is_iri(&Value::from("no-scheme")) && is_iri(&Value::from("urn:x:%20")));
    assert!(is_utc_datetime(&Value::from("2026-11-23T08:00:00.000Z")) && !is_utc_datetime(&Value::from("2026-11-23T08:00:00+01:00")));
}
