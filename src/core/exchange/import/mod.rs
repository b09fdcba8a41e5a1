//! Reading files back in: Glossa JSON of every version, W3C Web Annotation, doccano and
//! spaCy/Prodigy JSONL and Label Studio tasks, recognised by their shape. Every reader turns its
//! format into the same incoming documents and annotations; `anchor` places those on the
//! documents here; `merge` adds them to the work by annotation id, the newer `updated_at` winning.

mod anchor;

use std::collections::{BTreeMap, HashMap};

use crate::core::exchange::formats;
use crate::core::model::annotation::Annotation;
use crate::core::model::label::Label;
use crate::core::work::workspace::{Changes, Workspace};

pub use crate::core::exchange::incoming::{ImportError, IncomingFile, Refusal};
pub use anchor::{Destination, NewDocument, Parsed};

/// The most annotations one file may bring: far beyond any real work, and short of what would
/// stall the page.
pub const MAX_ANNOTATIONS: usize = 200_000;

/// The endings of files read in as work (Glossa JSON, W3C, doccano, spaCy and Label Studio), as
/// the Import field offers them.
pub const FILE_ENDINGS: [&str; 3] = [".json", ".jsonl", ".jsonld"];

/// Whether a file named `name`, dropped on the page, is read in as work rather than added as a
/// text to read.
pub fn takes_file(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    FILE_ENDINGS.iter().any(|ending| name.ends_with(ending))
}

/// Reads a file of any importable format, recognised by its shape, and places what it brings
/// on the documents of `destination`.
pub fn parse(contents: &str, destination: &Destination) -> Result<Parsed, ImportError> {
    place(formats::read(contents, destination.labels)?, destination)
}

/// Places what a file read by a reader of `formats` brings on the documents of `destination`.
pub fn place(file: IncomingFile, destination: &Destination) -> Result<Parsed, ImportError> {
    let count: usize =
        file.documents.iter().map(|d| d.annotations.len()).sum::<usize>() + file.refused.iter().map(|r| r.count).sum::<usize>();
    if count > MAX_ANNOTATIONS {
        return Err(ImportError::TooManyAnnotations { found: count, limit: MAX_ANNOTATIONS });
    }
    Ok(anchor::resolve(file, destination))
}

/// What merging did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub added: usize,
    pub updated: usize,
    /// Already there, as new as the file's or newer.
    pub unchanged: usize,
    /// Labels of the file that were new here; the caller adds them to its label set.
    pub new_labels: Vec<Label>,
    /// Documents the file brought; their records are in the workspace, their texts the caller keeps.
    pub new_documents: Vec<NewDocument>,
    pub reanchored: usize,
    pub refused: Vec<Refusal>,
    /// What the merge changed in the work: one step of the undo history.
    pub changes: Changes,
}

/// Merges the accepted annotations into `workspace` by id: a new id is added; a known one is
/// replaced only when the file's `updated_at` is later than the saved one. The file's refusals
/// are carried over, so `Merged` tells the whole story.
pub fn merge(workspace: &mut Workspace, parsed: Parsed) -> Merged {
    let mut merged = Merged { refused: parsed.refused, new_labels: parsed.new_labels, reanchored: parsed.reanchored, ..Merged::default() };
    for new in parsed.new_documents {
        if workspace.record(&new.record.id).is_none() {
            merged.changes.documents.extend(workspace.put_record(new.record.clone()));
            merged.new_documents.push(new);
        }
    }
    // Where each id is and how new it is, found once rather than searched per annotation.
    let saved: HashMap<&str, (&str, Option<i64>)> = workspace
        .documents
        .iter()
        .flat_map(|(document, list)| list.iter().map(move |a| (a.id.as_str(), (document.as_str(), a.updated_at.millis()))))
        .collect();
    let mut taken: BTreeMap<String, Vec<Annotation>> = BTreeMap::new();
    for (document_id, mut incoming) in parsed.accepted {
        match saved.get(incoming.id.as_str()) {
            // Importing brings back what was deleted here; that is a change made now, which
            // other tabs must take in over their record of the deletion (see `core::work::sync`).
            None if workspace.deleted.contains_key(&incoming.id) => {
                incoming.updated_at = parsed.imported_at.as_str().into();
                merged.added += 1;
            }
            None => merged.added += 1,
            Some((owner, _)) if *owner != document_id => {
                merged.refused.push(Refusal {
                    place: format!("annotation {}", incoming.id),
                    reason: format!("this id already belongs to an annotation of {owner}"),
                    count: 1,
                });
                continue;
            }
            // Both times were validated on their way in (the saved one by the app itself).
            Some((_, saved_at)) if incoming.updated_at.millis() > *saved_at => merged.updated += 1,
            Some(_) => {
                merged.unchanged += 1;
                continue;
            }
        }
        taken.entry(document_id).or_default().push(incoming);
    }
    for (document_id, annotations) in taken {
        merged.changes.annotations.extend(workspace.put_all(&document_id, annotations));
    }
    merged
}

/// The sentence the reader sees after an import, and the list of refusals under it.
#[derive(Debug, PartialEq, Eq)]
pub struct Report {
    /// True when nothing at all was taken: the message is an alert, not a status.
    pub failed: bool,
    pub summary: String,
    pub details: Vec<String>,
}

pub fn report(file_name: &str, outcome: &Result<Merged, ImportError>) -> Report {
    let merged = match outcome {
        Err(error) => {
            return Report {
                failed: true,
                summary: format!("Nothing was imported from “{file_name}”: {error}. Your saved annotations are unchanged."),
                details: Vec::new(),
            };
        }
        Ok(outcome) => outcome,
    };
    let refused: usize = merged.refused.iter().map(|r| r.count).sum();
    let taken = merged.added + merged.updated + merged.unchanged;
    let details = merged.refused.iter().map(ToString::to_string).collect();
    let noun = |n: usize| if n == 1 { "annotation" } else { "annotations" };
    if taken == 0 && merged.new_documents.is_empty() && !merged.refused.is_empty() {
        return Report {
            failed: true,
            summary: format!(
                "Nothing was imported from “{file_name}”: {refused} {} refused. Your saved annotations are unchanged.",
                noun(refused)
            ),
            details,
        };
    }
    let mut summary = format!(
        "Imported “{file_name}”: {taken} {} taken ({} new, {} updated, {} already up to date)",
        noun(taken),
        merged.added,
        merged.updated,
        merged.unchanged
    );
    if !merged.new_documents.is_empty() {
        let titles: Vec<String> = merged.new_documents.iter().map(|d| format!("“{}”", d.record.title)).collect();
        let noun = if titles.len() == 1 { "document" } else { "documents" };
        summary.push_str(&format!("; {} {noun} added: {}", titles.len(), titles.join(", ")));
    }
    if merged.reanchored > 0 {
        summary.push_str(&format!("; {} placed by their quote, as their offsets did not fit", merged.reanchored));
    }
    if !merged.new_labels.is_empty() {
        let names: Vec<&str> = merged.new_labels.iter().map(|l| l.name.as_str()).collect();
        summary.push_str(&format!("; new labels: {}", names.join(", ")));
    }
    if refused > 0 {
        summary.push_str(&format!("; {refused} refused"));
    } else if !merged.refused.is_empty() {
        summary.push_str("; parts of the file were left out (listed below)");
    }
    summary.push('.');
    Report { failed: false, summary, details }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::Value;

    use super::*;

    #[test]
    fn files_are_read_in_by_their_ending() {
        for name in ["work.json", "doccano.JSONL", "annotations.jsonld", "glossa-assignment.json"] {
            assert!(takes_file(name), "{name}");
        }
        for name in ["article.txt", "notes.json.txt", "json", "report.md"] {
            assert!(!takes_file(name), "{name}");
        }
    }
    use crate::core::model::document::{bundled, Document};
    use crate::core::model::label::default_labels;

    const T0: &str = "2026-11-22T10:00:00.000Z";
    const T1: &str = "2026-11-22T11:00:00Z";

    fn fixture() -> (Vec<Arc<Document>>, Workspace) {
        let documents = bundled();
        let mut workspace = Workspace::default();
        let article = &documents[4];
        workspace.put(&article.id, article.annotate(0, 4, "claim", "a".into(), T0).unwrap());
        workspace.put(&article.id, article.annotate(5, 13, "denial", "b".into(), T0).unwrap());
        (documents, workspace)
    }

    fn exported() -> (Vec<Arc<Document>>, Workspace, Value) {
        let (documents, workspace) = fixture();
        let json = formats::glossa_json::write(&documents, &default_labels(), &workspace, T1);
        (documents, workspace, serde_json::from_str(&json).unwrap())
    }

    fn parse_value(value: &Value, documents: &[Arc<Document>]) -> Result<Parsed, ImportError> {
        parse(&value.to_string(), &Destination { documents, labels: &default_labels(), now: T1 })
    }

    #[test]
    fn an_export_reads_back_whole() {
        let (documents, workspace, value) = exported();
        let parsed = parse_value(&value, &documents).unwrap();
        assert!(parsed.refused.is_empty());
        let mut rebuilt = Workspace::default();
        let merged = merge(&mut rebuilt, parsed);
        assert_eq!((merged.added, merged.updated, merged.unchanged), (2, 0, 0));
        assert_eq!(rebuilt, workspace);
    }

    #[test]
    fn a_document_of_ones_own_comes_back_as_it_was_described() {
        let text = "Opinion: Iran denies it.";
        let record = crate::core::model::own_document::DocumentRecord::of(text, Some("Mine"), None, T0);
        let own = Arc::new(record.document(text));
        let mut workspace = Workspace::default();
        workspace.added_documents.push(record.clone());
        let facts = crate::core::model::facts::Facts::given("opinion", "The Daily", "2024-09-10").unwrap();
        workspace.describe_document(&own.id, facts.clone(), T0).unwrap();
        let json = formats::glossa_json::write(std::slice::from_ref(&own), &default_labels(), &workspace, T1);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!((&value["documents"][0]["kind"], &value["documents"][0]["date"]), (&Value::from("opinion"), &Value::from("2024-09-10")));
        let parsed = parse_value(&value, &bundled()).unwrap();
        assert_eq!(parsed.new_documents[0].record.facts(), facts, "made again, described as it was");
    }

    #[test]
    fn merge_keeps_whichever_is_newer() {
        let (documents, mut workspace, mut value) = exported();
        let annotations = &mut value["documents"][4]["annotations"];
        annotations[0]["label"] = "sanction".into();
        annotations[0]["updated_at"] = T1.into();
        annotations[1]["label"] = "claim".into();
        annotations[1]["updated_at"] = "2026-11-22T09:00:00Z".into();
        let parsed = parse_value(&value, &documents).unwrap();
        let merged = merge(&mut workspace, parsed);
        assert_eq!((merged.added, merged.updated, merged.unchanged), (0, 1, 1));
        assert_eq!(workspace.find("a").unwrap().1.label, "sanction");
        assert_eq!(workspace.find("b").unwrap().1.label, "denial");
    }

    #[test]
    fn an_annotation_deleted_here_comes_back_as_a_change_made_now() {
        let (documents, mut workspace, value) = exported();
        workspace.delete("a", "2026-11-22T10:30:00Z");
        let merged = merge(&mut workspace, parse_value(&value, &documents).unwrap());
        assert_eq!((merged.added, merged.unchanged), (1, 1));
        assert_eq!(workspace.find("a").map(|(_, a)| a.updated_at.clone()), Some(T1.into()), "stamped as imported, after the deletion");
        assert!(workspace.deleted.is_empty());
    }

    #[test]
    fn same_instant_in_another_notation_is_not_newer() {
        let (documents, mut workspace, mut value) = exported();
        value["documents"][4]["annotations"][0]["updated_at"] = "2026-11-22T12:00:00+02:00".into();
        value["documents"][4]["annotations"][0]["label"] = "sanction".into();
        let merged = merge(&mut workspace, parse_value(&value, &documents).unwrap());
        assert_eq!(merged.unchanged, 2);
        assert_eq!(workspace.find("a").unwrap().1.label, "claim");
    }

    #[test]
    fn refuses_files_that_are_not_exports() {
        let documents = bundled();
        let labels = default_labels();
        let here = Destination { documents: &documents, labels: &labels, now: T1 };
        let not_json = parse("{\n  \"format\": \"glossa-annotations\",\n  oops", &here).unwrap_err();
        assert!(matches!(not_json, ImportError::NotJson { line: 3, .. }), "{not_json:?}");
        assert!(not_json.to_string().contains("line 3, column"));
        let wrong_format = parse(r#"{"format": "doccano", "version": 1, "documents": []}"#, &here).unwrap_err();
        assert!(wrong_format.to_string().ends_with("\"format\" is \"doccano\", not \"glossa-annotations\""), "{wrong_format}");
        let no_format = parse(r#"[1, 2]"#, &here).unwrap_err();
        assert!(no_format.to_string().contains("item [0] is not a Label Studio task"), "{no_format}");
        let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let too_deep = parse(&nested, &here).unwrap_err();
        assert!(too_deep.to_string().contains("recursion limit exceeded"), "{too_deep}");
        let spans = vec![serde_json::json!([0, 1, "Claim"]); MAX_ANNOTATIONS + 1];
        let too_many = parse(&serde_json::json!({"text": "x", "label": spans}).to_string(), &here).unwrap_err();
        assert_eq!(too_many.to_string(), format!("it holds {} annotations, more than the 200000 one import takes", MAX_ANNOTATIONS + 1));
        let number = parse("42", &here).unwrap_err();
        assert!(number.to_string().contains("neither an object nor a list"));
        let future = parse(r#"{"format": "glossa-annotations", "version": 99, "documents": []}"#, &here).unwrap_err();
        assert_eq!(future, ImportError::UnknownVersion { found: "99".into(), newest: formats::glossa_json::VERSION });
        assert!(future.to_string().contains("version is 99"));
        let no_documents = parse(r#"{"format": "glossa-annotations", "version": 1}"#, &here).unwrap_err();
        assert!(no_documents.to_string().contains("\"documents\""));
    }

    #[test]
    fn a_version_1_file_still_imports() {
        let documents = bundled();
        let article = &documents[4];
        let v1 = serde_json::json!({
            "format": "glossa-annotations",
            "version": 1,
            "exported_at": "2026-11-22T10:00:00Z",
            "labels": [{"id": "claim", "name": "Claim", "color": "#0072b2"}],
            "documents": [{
                "id": article.id, "title": article.title, "source": article.source,
                "text_sha256": article.sha256, "length": article.length,
                "annotations": [{"id": "v1", "label": "claim", "start": 0, "end": 4, "quote": "Iran",
                                 "note": "old", "created_at": T0, "updated_at": T0}]
            }]
        });
        let parsed = parse_value(&v1, &documents).unwrap();
        assert!(parsed.refused.is_empty() && parsed.new_labels.is_empty());
        let (_, annotation) = &parsed.accepted[0];
        assert_eq!((annotation.note.as_str(), annotation.attributed_to.as_str()), ("old", ""));
    }

    #[test]
    fn new_labels_come_with_the_file_and_bad_ones_are_named() {
        let (documents, _, mut value) = exported();
        value["labels"] = serde_json::json!([
            {"id": "claim", "name": "Assertion", "color": "#000000", "key": "9"},
            {"id": "source", "name": "Source", "color": "#cc79a7", "key": "4"},
            {"id": "bad colour", "name": "X", "color": "red"},
            {"id": "hue", "name": "Hue", "color": "red"},
            {"name": "No id"}
        ]);
        value["documents"][4]["annotations"][0]["label"] = "source".into();
        let parsed = parse_value(&value, &documents).unwrap();
        assert_eq!(parsed.new_labels.len(), 1, "ours win for a known id");
        assert_eq!(parsed.new_labels[0].name, "Source");
        assert_eq!(parsed.accepted.len(), 2, "an annotation may use a label the file brings");
        let reasons: Vec<String> = parsed.refused.iter().map(ToString::to_string).collect();
        assert_eq!(reasons.len(), 3);
        assert!(reasons[0].starts_with("labels[2]: the label \"bad colour\" needs an id without spaces"), "{}", reasons[0]);
        assert_eq!(reasons[1], "labels[3]: the colour \"red\" is not of the form #rrggbb");
        assert_eq!(reasons[2], "labels[4]: missing field `id`");
    }

    #[test]
    fn a_document_whose_text_differs_is_placed_by_quotes() {
        let (documents, _, mut value) = exported();
        value["documents"][4]["text_sha256"] = "0".repeat(64).into();
        // Offsets that no longer fit: the quote is found where it is, if it is there once.
        let quote = value["documents"][4]["annotations"][1]["quote"].as_str().unwrap().to_owned();
        value["documents"][4]["annotations"][1]["start"] = 100.into();
        value["documents"][4]["annotations"][1]["end"] = (100 + quote.chars().count()).into();
        let parsed = parse_value(&value, &documents).unwrap();
        assert_eq!(parsed.reanchored, 1);
        let (_, moved) = &parsed.accepted[0];
        assert_eq!((moved.id.as_str(), moved.start, moved.end), ("b", 5, 13));
        assert_eq!(parsed.refused.len(), 1);
        assert_eq!(parsed.refused[0].place, "documents[4] (004_de3ecafd94c781bd).annotations[0]");
        assert!(parsed.refused[0].reason.contains("\"Iran\" appears"), "{}", parsed.refused[0].reason);
    }

    #[test]
    fn documents_are_found_by_digest_before_id() {
        let (documents, _, mut value) = exported();
        value["documents"][4]["id"] = "999_elsewhere".into();
        let parsed = parse_value(&value, &documents).unwrap();
        assert_eq!(parsed.accepted.len(), 2);
        assert!(parsed.accepted.iter().all(|(id, _)| id == "004_de3ecafd94c781bd"));
        value["documents"][4]["text_sha256"] = "0".repeat(64).into();
        let parsed = parse_value(&value, &documents).unwrap();
        assert_eq!(parsed.refused[0].place, "documents[4] (999_elsewhere)");
        assert_eq!(parsed.refused[0].reason, "no document here has this text, and the file does not carry the text");
        assert_eq!(parsed.refused[0].count, 2);
    }

    #[test]
    fn refuses_bad_annotations_one_by_one_and_keeps_the_rest() {
        let (documents, _, mut value) = exported();
        let good = value["documents"][4]["annotations"][0].clone();
        let with = |field: &str, new: Value| {
            let mut item = good.clone();
            item[field] = new;
            item["id"] = format!("bad-{field}").into();
            item
        };
        let mut missing_end = good.clone();
        missing_end.as_object_mut().unwrap().remove("end");
        value["documents"][4]["annotations"] = Value::Array(vec![
            good.clone(),
            with("end", 9999.into()),
            with("start", 4.into()),
            with("start", (-1).into()),
            with("label", "rumour".into()),
            with("quote", "Iraq".into()),
            with("updated_at", "last week".into()),
            missing_end,
            good.clone(),
        ]);
        let parsed = parse_value(&value, &documents).unwrap();
        assert_eq!(parsed.accepted.len(), 1);
        let mut reasons: Vec<String> = parsed.refused.iter().map(ToString::to_string).collect();
        reasons.sort();
        let place = "documents[4] (004_de3ecafd94c781bd).annotations";
        assert_eq!(reasons[0], format!("{place}[1]: end 9999 is past the end of the text (4087 code points)"));
        assert_eq!(reasons[1], format!("{place}[2]: start 4 is not before end 4"));
        assert!(reasons[2].starts_with(&format!("{place}[3]: invalid value: integer `-1`")), "{}", reasons[2]);
        assert_eq!(reasons[3], format!("{place}[4]: its label \"rumour\" is not one of this Glossa's labels"));
        assert_eq!(
            reasons[4],
            format!("{place}[5]: its quote does not match the text at 0..4, which reads \"Iran\", and \"Iraq\" is nowhere in the text")
        );
        assert_eq!(reasons[5], format!("{place}[6]: its updated_at \"last week\" is not an RFC 3339 time"));
        assert_eq!(reasons[6], format!("{place}[7]: missing field `end`"));
        assert_eq!(reasons[7], format!("{place}[8]: its id \"a\" appears earlier in the file"));
    }

    #[test]
    fn an_id_of_another_document_is_not_moved() {
        let (documents, mut workspace) = fixture();
        let other = &documents[0];
        let clash = other.annotate(0, 3, "claim", "a".into(), T1).unwrap();
        let merged = merge(&mut workspace, Parsed { accepted: vec![(other.id.clone(), clash)], ..Parsed::default() });
        assert_eq!(merged.refused.len(), 1);
        assert_eq!(workspace.find("a").unwrap().0, "004_de3ecafd94c781bd");
    }

    #[test]
    fn reports_say_how_many_were_taken_and_refused() {
        let refusal = Refusal { place: "documents[0] (x)".into(), reason: "no article here has this id".into(), count: 3 };
        let merged = Merged { added: 2, updated: 1, refused: vec![refusal.clone()], ..Merged::default() };
        let partial = report("mine.json", &Ok(merged));
        assert!(!partial.failed);
        assert_eq!(partial.summary, "Imported “mine.json”: 3 annotations taken (2 new, 1 updated, 0 already up to date); 3 refused.");
        assert_eq!(partial.details, ["documents[0] (x): no article here has this id"]);

        let none = report("mine.json", &Ok(Merged { refused: vec![refusal], ..Merged::default() }));
        assert!(none.failed);
        assert!(none.summary.starts_with("Nothing was imported from “mine.json”: 3 annotations refused."));

        let broken = report("x.json", &Err(ImportError::UnknownVersion { found: "4".into(), newest: 3 }));
        assert!(broken.failed);
        assert!(broken.summary.contains("version is 4, but this Glossa reads versions 1 to 3"), "{}", broken.summary);
        assert!(broken.summary.ends_with("unchanged."));
    }
}
