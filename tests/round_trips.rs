//! Export → import → the same annotations, for every importable format (doccano and Label Studio
//! in both offset units), with documents of one's own that hold astral emoji, combining marks,
//! CJK, right-to-left text and `\r\n` line ends.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use glossa::core::exchange::formats::{self, Corpus, Format};
use glossa::core::exchange::import::{self, Destination};
use glossa::core::model::annotation::Annotation;
use glossa::core::model::document::{bundled, Document};
use glossa::core::model::label::default_labels;
use glossa::core::model::own_document::{normalize, DocumentRecord};
use glossa::core::text::offsets::OffsetUnit;
use glossa::core::work::workspace::Workspace;
use proptest::prelude::*;

const NOW: &str = "2026-11-22T10:00:00Z";
const IMPORTABLE: [Format; 5] = [Format::GlossaJson, Format::W3c, Format::Doccano, Format::LabelStudio, Format::Spacy];

/// Formats that carry ids, notes and attribution; the others carry spans and labels only.
fn carries_everything(format: Format) -> bool {
    matches!(format, Format::GlossaJson | Format::W3c | Format::LabelStudio)
}

/// A document of one's own made from `raw` as a person would paste it.
fn added(raw: &str) -> (DocumentRecord, Arc<Document>) {
    let text = normalize(raw).text;
    let record = DocumentRecord::of(&text, None, Some("mine.txt"), NOW);
    let document = Arc::new(record.document(&text));
    (record, document)
}

fn export(format: Format, documents: &[Arc<Document>], workspace: &Workspace) -> String {
    export_in(format, OffsetUnit::CodePoints, documents, workspace)
}

fn export_in(format: Format, offsets: OffsetUnit, documents: &[Arc<Document>], workspace: &Workspace) -> String {
    let labels = default_labels();
    let bytes = formats::write(format, &Corpus { documents, labels: &labels, workspace, offsets }, NOW);
    String::from_utf8(bytes).unwrap()
}

/// The text between two UTF-16 offsets, as JavaScript's `slice` reads it.
fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    String::from_utf16(&text.encode_utf16().collect::<Vec<u16>>()[start..end]).unwrap()
}

/// doccano's and Label Studio's files in UTF-16 units: JavaScript's `slice` finds each quote at
/// the file's offsets, and read back in that unit every span comes home.
fn check_utf16_round_trip(record: &DocumentRecord, document: &Arc<Document>, workspace: &Workspace, documents: &[Arc<Document>]) {
    let original = workspace.annotations(&document.id).to_vec();
    for format in [Format::Doccano, Format::LabelStudio] {
        let file = export_in(format, OffsetUnit::Utf16, documents, workspace);
        let spans_in_file: Vec<(usize, usize)> = match format {
            Format::Doccano => file
                .lines()
                .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
                .filter(|line| line["id"] == document.id.as_str())
                .flat_map(|line| {
                    line["label"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize))
                        .collect::<Vec<_>>()
                })
                .collect(),
            _ => {
                let tasks: serde_json::Value = serde_json::from_str(&file).unwrap();
                let task = tasks.as_array().unwrap().iter().find(|t| t["data"]["document_id"] == document.id.as_str()).unwrap().clone();
                task["annotations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|a| a["result"].as_array().unwrap().clone())
                    .map(|r| (r["value"]["start"].as_u64().unwrap() as usize, r["value"]["end"].as_u64().unwrap() as usize))
                    .collect()
            }
        };
        let quotes: Vec<String> = spans_in_file.iter().map(|&(start, end)| utf16_slice(&document.text, start, end)).collect();
        assert_eq!(quotes, original.iter().map(|a| a.quote.clone()).collect::<Vec<_>>(), "{format:?} in UTF-16");
        let labels = default_labels();
        let mut rebuilt = Workspace::default();
        rebuilt.put_record(record.clone());
        let read = formats::read_other_tools(&file, OffsetUnit::Utf16).unwrap();
        let parsed = import::place(read, &Destination { documents, labels: &labels, now: NOW }).unwrap();
        let merged = import::merge(&mut rebuilt, parsed);
        assert!(merged.refused.is_empty(), "{format:?} in UTF-16: {:?}", merged.refused);
        assert_eq!(spans(rebuilt.annotations(&document.id)), spans(&original), "{format:?} in UTF-16");
    }
}

fn spans(list: &[Annotation]) -> Vec<(String, usize, usize, String)> {
    let mut spans: Vec<_> = list.iter().map(|a| (a.label.clone(), a.start, a.end, a.quote.clone())).collect();
    spans.sort();
    spans
}

/// Imports `file` into a fresh workspace that already has `record`, or does not when `None`.
fn import_into(file: &str, documents: &[Arc<Document>], record: Option<&DocumentRecord>) -> (Workspace, import::Merged) {
    let labels = default_labels();
    let mut workspace = Workspace::default();
    if let Some(record) = record {
        workspace.put_record(record.clone());
    }
    let parsed = import::parse(file, &Destination { documents, labels: &labels, now: NOW }).unwrap();
    let merged = import::merge(&mut workspace, parsed);
    (workspace, merged)
}

fn check_round_trip(raw: &str, wanted: &[(usize, usize, &str)]) {
    let (record, document) = added(raw);
    let mut workspace = Workspace::default();
    workspace.put_record(record.clone());
    for (i, (start, end, label)) in wanted.iter().enumerate() {
        if let Some(mut a) = document.annotate(*start, *end, label, format!("id-{i}"), "2026-11-22T09:00:00.000Z") {
            a.note = format!("note {i} “🚀”");
            a.attributed_to = "وزير الخارجية".into();
            // Every other one judged: a kind of source, the checks and sureness, which the formats
            // that carry everything keep.
            if i % 2 == 0 {
                (a.source_kind, a.on_the_record, a.in_a_position_to_know, a.unsure) = ("anonymous official".into(), true, true, true);
            }
            workspace.put(&document.id, a);
        }
    }
    let mut documents = bundled();
    documents.push(document.clone());
    check_utf16_round_trip(&record, &document, &workspace, &documents);
    let original = workspace.annotations(&document.id).to_vec();
    for format in IMPORTABLE {
        // Into a browser that has the document: matched by its digest.
        let file = export(format, &documents, &workspace);
        let (rebuilt, merged) = import_into(&file, &documents, Some(&record));
        assert!(merged.refused.is_empty(), "{format:?}: {:?}", merged.refused);
        assert_eq!(merged.reanchored, 0, "{format:?}");
        let back = rebuilt.annotations(&document.id);
        assert_eq!(spans(back), spans(&original), "{format:?}");
        if carries_everything(format) {
            assert_eq!(back, original.as_slice(), "{format:?}");
        }
        // Into a browser that has never seen it: made from the file's text, when the file has it.
        if format == Format::W3c {
            continue;
        }
        let (rebuilt, merged) = import_into(&file, &bundled(), None);
        assert_eq!(merged.new_documents.len(), 1, "{format:?}");
        let new = &merged.new_documents[0];
        assert_eq!((new.text.as_str(), new.record.sha256.as_str()), (document.text.as_str(), record.sha256.as_str()), "{format:?}");
        assert_eq!(spans(rebuilt.annotations(&new.record.id)), spans(&original), "{format:?}");
        // And importing the same file again changes nothing.
        let labels = default_labels();
        let here_now = {
            let mut with_new = bundled();
            with_new.push(Arc::new(new.record.document(&new.text)));
            with_new
        };
        let mut again = rebuilt.clone();
        let parsed = import::parse(&file, &Destination { documents: &here_now, labels: &labels, now: NOW }).unwrap();
        let merged = import::merge(&mut again, parsed);
        assert_eq!((merged.added, merged.new_documents.len()), (0, 0), "{format:?}");
        assert_eq!(again, rebuilt, "{format:?}");
    }
}

#[test]
fn every_format_round_trips_a_hard_text() {
    let raw = "Launch 🚀🇮🇷 report\r\nCafe\u{301} noir — 導弾の移転\r\nإيران تنفي 👩🏽‍🚀 the claim\r\n\r\nשלום end.";
    let (_, document) = added(raw);
    let at = |needle: &str| document.text[..document.text.find(needle).unwrap()].chars().count();
    let len = |needle: &str| needle.chars().count();
    let wanted = [
        (at("🚀🇮🇷"), at("🚀🇮🇷") + len("🚀🇮🇷"), "claim"),
        (at("Café"), at("導弾") + len("導弾の移転"), "sanction"),
        (at("إيران"), at("إيران") + len("إيران تنفي"), "denial"),
        (at("إيران"), at("the claim") + len("the claim"), "claim"),
        (at("שלום"), at("שלום") + len("שלום"), "denial"),
    ];
    check_round_trip(raw, &wanted);
}

#[test]
fn offsets_into_a_text_with_crlf_are_carried_into_the_normalised_text() {
    // A doccano line written by another tool, counting in text that was never normalised.
    let raw = "One\r\nCafe\u{301} 🚀 two\r\nthree";
    let chars: Vec<char> = raw.chars().collect();
    let find = |needle: &str| {
        let needle: Vec<char> = needle.chars().collect();
        (0..chars.len()).find(|&i| chars[i..].starts_with(&needle)).unwrap()
    };
    let (two, three) = (find("two"), find("three"));
    let line = serde_json::json!({"text": raw, "label": [[two, two + 3, "Claim"], [three, three + 5, "Source"]]}).to_string();
    let (workspace, merged) = import_into(&line, &bundled(), None);
    assert!(merged.refused.is_empty(), "{:?}", merged.refused);
    assert_eq!(merged.new_labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Source"]);
    let new = &merged.new_documents[0];
    assert_eq!(new.text, "One\nCafé 🚀 two\nthree");
    let quotes: Vec<&str> = workspace.annotations(&new.record.id).iter().map(|a| a.quote.as_str()).collect();
    assert_eq!(quotes, ["two", "three"]);
}

#[test]
fn label_studio_offsets_in_utf16_are_placed_by_their_quote() {
    // Label Studio's own interface counts UTF-16 code units: after an astral emoji they are one too many.
    let text = "🚀 Iran denies it";
    let task = serde_json::json!([{"data": {"text": text}, "annotations": [{"result": [
        {"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 8, "end": 14, "text": "denies", "labels": ["Denial"]}}
    ]}]}]);
    let (workspace, merged) = import_into(&task.to_string(), &bundled(), None);
    assert_eq!(merged.reanchored, 1);
    let annotation = &workspace.annotations(&merged.new_documents[0].record.id)[0];
    assert_eq!((annotation.start, annotation.end, annotation.label.as_str()), (7, 13, "denial"));
}

#[test]
fn refusals_name_the_line_or_item_and_the_reason() {
    let lines = "{\"text\": \"abc def\", \"label\": [[0, 3, \"Claim\"], [5, 99, \"Claim\"], [\"x\"]]}\n{oops\n{\"no\": 1}\n";
    let (_, merged) = import_into(lines, &bundled(), None);
    let reasons: Vec<String> = merged.refused.iter().map(ToString::to_string).collect();
    // What is wrong with the file's shape first, then what does not fit the text.
    assert_eq!(
        reasons,
        [
            "line 1, label[2]: it is neither [start, end, label] nor an object with start, end and label",
            "line 2: it is not valid JSON (column 2: key must be a string)",
            "line 3: it has no \"text\"",
            "line 1, label[1]: end 99 is past the end of the text (7 code points)",
        ]
    );
    assert_eq!(merged.added, 1);
    let w3c = serde_json::json!({"type": "AnnotationCollection", "first": {"items": [
        {"type": "Annotation", "body": [], "target": {"source": "x"}},
        {"type": "Annotation", "body": [{"purpose": "tagging", "value": "Claim"}],
         "target": {"source": "urn:elsewhere", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}
    ]}});
    let (_, merged) = import_into(&w3c.to_string(), &bundled(), None);
    let reasons: Vec<String> = merged.refused.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "first.items[0]: it has no tagging body to take a label from",
            "urn:elsewhere: no document here has this text, and the file does not carry the text",
        ]
    );
}

#[test]
fn a_web_annotation_with_only_a_quote_is_placed_on_the_bundled_article() {
    let documents = bundled();
    let article = &documents[4];
    let w3c = serde_json::json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "urn:uuid:hyp-1",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "denial"},
        "target": {"source": format!("urn:glossa:document:{}", article.id), "glossa:sha256": article.sha256,
                   "selector": {"type": "TextQuoteSelector", "exact": "Iran has NOT delivered ballistic missiles to Russia"}}});
    let (workspace, merged) = import_into(&w3c.to_string(), &documents, None);
    assert!(merged.refused.is_empty(), "{:?}", merged.refused);
    let annotation = &workspace.annotations(&article.id)[0];
    assert_eq!((annotation.id.as_str(), annotation.start, annotation.end), ("hyp-1", 2941, 2992));
}

/// Text rich in what breaks offset code, with Windows line ends.
fn rich_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("🚀".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("導弾".to_owned()),
            Just("إيران".to_owned()),
            Just("\r\n".to_owned()),
            Just(" ".to_owned()),
            Just("word".to_owned()),
            Just("’".to_owned()),
        ],
        1..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_format_round_trips_any_rich_text(raw in rich_text(), spans in prop::collection::vec((0usize..200, 1usize..20, 0usize..3), 0..8)) {
        let (_, document) = added(&raw);
        prop_assume!(document.length > 0);
        let wanted: Vec<(usize, usize, &str)> = spans
            .into_iter()
            .map(|(start, length, label)| {
                let start = start % document.length;
                (start, (start + length).min(document.length), ["claim", "denial", "sanction"][label])
            })
            .collect();
        check_round_trip(&raw, &wanted);
    }
}
