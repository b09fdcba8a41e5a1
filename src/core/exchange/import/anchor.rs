//! Placing what a file brings onto the documents here: each of its documents is matched by the
//! SHA-256 of its normalised text (or created from that text), each annotation's offsets are
//! carried into the normalised text, and an annotation whose quote is not at its offsets is
//! moved to where its quote is, when its quote and context say unambiguously where that is.

use std::collections::HashSet;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::core::exchange::incoming::{abbreviate, IncomingAnnotation, IncomingDocument, IncomingFile, LabelRef, Refusal};
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::model::id;
use crate::core::model::label::{self, Label};
use crate::core::model::own_document::{normalize, sha256_hex, DocumentRecord, Normalized};
use crate::core::model::timestamp::{self, Stamp};
use crate::core::text::offsets::{code_point_len, span_problem};

/// A document the file brings whose text is not here yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewDocument {
    pub record: DocumentRecord,
    /// The normalised text.
    pub text: String,
}

/// What a file holds that can be taken, by document id, and what was refused.
#[derive(Debug, Default, PartialEq)]
pub struct Parsed {
    pub accepted: Vec<(String, Annotation)>,
    /// Labels the file brings that are new here.
    pub new_labels: Vec<Label>,
    pub new_documents: Vec<NewDocument>,
    /// How many accepted annotations were moved to where their quote is.
    pub reanchored: usize,
    pub refused: Vec<Refusal>,
    /// When the file was read: what it brings back of annotations deleted here is stamped so.
    pub imported_at: String,
}

/// The work an import goes into: what the file is matched and placed against.
pub struct Destination<'a> {
    /// Every document whose text is here: the bundled articles and the ones the person added.
    pub documents: &'a [Arc<Document>],
    pub labels: &'a [Label],
    /// The time new documents and annotations without times of their own are given.
    pub now: &'a str,
}

/// The document an incoming one is placed on, and how its offsets are read.
struct Target {
    document: Arc<Document>,
    /// The file's text as normalised, when the file carried the text the offsets count in.
    normalized: Option<Normalized>,
    /// The file says its offsets count in another text than this one (its digest differs), so
    /// every annotation is placed by its quote.
    text_differs: bool,
}

pub fn resolve(file: IncomingFile, destination: &Destination) -> Parsed {
    let IncomingFile { documents, new_labels, refused } = file;
    let mut parsed = Parsed { new_labels, refused, imported_at: destination.now.to_owned(), ..Parsed::default() };
    let mut labels: Vec<Label> = destination.labels.iter().chain(&parsed.new_labels).cloned().collect();
    let mut seen_ids = HashSet::new();
    for incoming in documents {
        let target = match target(&incoming, destination, &mut parsed.new_documents) {
            Ok(target) => target,
            Err(reason) => {
                let count = incoming.annotations.len();
                parsed.refused.push(Refusal { place: incoming.place, reason, count });
                continue;
            }
        };
        for annotation in incoming.annotations {
            let place = annotation.place.clone();
            match place_annotation(annotation, &target, &mut labels, destination.now, &mut seen_ids) {
                Ok((placed, moved)) => {
                    parsed.reanchored += usize::from(moved);
                    parsed.accepted.push((target.document.id.clone(), placed));
                }
                Err(reason) => parsed.refused.push(Refusal { place, reason, count: 1 }),
            }
        }
    }
    // Labels met by name for the first time become labels here.
    let known = destination.labels.len() + parsed.new_labels.len();
    parsed.new_labels.extend(labels.into_iter().skip(known));
    parsed
}

fn target(incoming: &IncomingDocument, destination: &Destination, created: &mut Vec<NewDocument>) -> Result<Target, String> {
    let with_digest = |sha256: &str| {
        destination
            .documents
            .iter()
            .find(|d| d.sha256 == sha256)
            .cloned()
            .or_else(|| created.iter().find(|c| c.record.sha256 == sha256).map(|c| Arc::new(c.record.document(&c.text))))
    };
    if let Some(raw) = &incoming.text {
        let normalized = normalize(raw);
        let sha256 = sha256_hex(&normalized.text);
        let document = match with_digest(&sha256) {
            Some(document) => document,
            None => {
                let mut record = DocumentRecord::of(&normalized.text, incoming.title.as_deref(), None, destination.now);
                record.describe(incoming.facts.clone());
                let document = Arc::new(record.document(&normalized.text));
                created.push(NewDocument { record, text: normalized.text.clone() });
                document
            }
        };
        return Ok(Target { document, normalized: Some(normalized), text_differs: false });
    }
    if let Some(document) = incoming.sha256.as_deref().and_then(with_digest) {
        return Ok(Target { document, normalized: None, text_differs: false });
    }
    let by_id = incoming.id.as_deref().and_then(|id| {
        destination
            .documents
            .iter()
            .find(|d| d.id == id)
            .cloned()
            .or_else(|| created.iter().find(|c| c.record.id == id).map(|c| Arc::new(c.record.document(&c.text))))
    });
    match by_id {
        Some(document) => {
            let text_differs = incoming.sha256.as_ref().is_some_and(|sha| *sha != document.sha256);
            Ok(Target { document, normalized: None, text_differs })
        }
        None => Err("no document here has this text, and the file does not carry the text".into()),
    }
}

fn place_annotation(
    incoming: IncomingAnnotation,
    target: &Target,
    labels: &mut Vec<Label>,
    now: &str,
    seen_ids: &mut HashSet<String>,
) -> Result<(Annotation, bool), String> {
    let IncomingAnnotation {
        id,
        label,
        start,
        end,
        positioned,
        quote,
        prefix,
        suffix,
        note,
        attributed_to,
        links,
        judged,
        created_at,
        updated_at,
        ..
    } = incoming;
    let document = &target.document;
    let length = target.normalized.as_ref().map_or(document.length, |n| n.raw_length);
    // Offsets are checked only where the file gives them; a quote alone is placed by its text.
    match span_problem(start, end, length) {
        Some(problem) if positioned => return Err(problem),
        _ => {}
    }
    let label = match label {
        LabelRef::Id(id) => {
            label::find(labels, &id).cloned().ok_or_else(|| format!("its label \"{id}\" is not one of this Glossa's labels"))?
        }
        LabelRef::Name(name) => label_named(labels, &name)?,
    };
    let (start, end) = match &target.normalized {
        Some(normalized) => (normalized.offset(start), normalized.offset(end)),
        None => (start, end),
    };
    let (start, end, moved) = match quote.map(|q| normalize(&q).text) {
        None if !positioned => return Err("it has neither offsets nor a quote".into()),
        None if target.text_differs => {
            return Err("the file's text differs from this one, and it has no quote to find its place by".into());
        }
        None => (start, end, false),
        Some(quote) if positioned && !target.text_differs && document.quote(start, end) == Some(quote.as_str()) => (start, end, false),
        Some(quote) if !positioned => {
            let (from, to) =
                reanchor(document, &quote, prefix.as_deref(), suffix.as_deref()).map_err(|why| format!("it has no offsets, and {why}"))?;
            (from, to, false)
        }
        Some(quote) => {
            let (from, to) =
                reanchor(document, &quote, prefix.as_deref(), suffix.as_deref()).map_err(|why| match document.quote(start, end) {
                    Some(there) => {
                        format!("its quote does not match the text at {start}..{end}, which reads \"{}\", and {why}", abbreviate(there))
                    }
                    None => format!("its offsets {start}..{end} are not in this text, and {why}"),
                })?;
            (from, to, true)
        }
    };
    let quote = document.quote(start, end).unwrap_or_default().to_owned();
    if quote.trim().is_empty() {
        return Err(format!("the text at {start}..{end} is only whitespace"));
    }
    let id = match id.filter(|id| !id.is_empty() && !id.chars().any(char::is_whitespace)) {
        Some(id) => id,
        // The same span with the same label twice in one file: the second is the next ordinal.
        None => (0..)
            .map(|n| derived_id(&document.sha256, start, end, &label.id, n))
            .find(|id| !seen_ids.contains(id))
            .expect("ids are endless"),
    };
    if !seen_ids.insert(id.clone()) {
        return Err(format!("its id \"{}\" appears earlier in the file", abbreviate(&id)));
    }
    // Files of other tools may carry times Glossa cannot compare; those are taken as now.
    let is_time = |t: &String| timestamp::parse_millis(t).is_some();
    let created_at = created_at.filter(is_time).unwrap_or_else(|| now.to_owned());
    let updated_at = Stamp::from(updated_at.filter(is_time).unwrap_or_else(|| created_at.clone()));
    let created_at = Stamp::from(created_at);
    let annotation =
        Annotation { id, label: label.id, start, end, quote, note, attributed_to, links, created_at, updated_at, ..Annotation::default() };
    Ok((annotation.judged(judged), moved))
}

/// The label called `name` (by id or by name, ignoring case), made new when there is none.
fn label_named(labels: &mut Vec<Label>, name: &str) -> Result<Label, String> {
    let name = name.trim();
    let found = labels.iter().find(|l| l.id == name || l.name.to_lowercase() == name.to_lowercase());
    match found {
        Some(label) => Ok(label.clone()),
        None => label::add_new(labels, name).map_err(|why| format!("its label \"{}\" cannot be added: {why}", abbreviate(name))),
    }
}

/// Where `quote` is in `document`: its only occurrence, or the only one whose surroundings
/// end with `prefix` and begin with `suffix`.
fn reanchor(document: &Document, quote: &str, prefix: Option<&str>, suffix: Option<&str>) -> Result<(usize, usize), String> {
    if quote.is_empty() {
        return Err("its quote is empty".into());
    }
    let text = &document.text;
    let mut counted = (0, 0);
    let occurrences: Vec<(usize, usize)> = text
        .match_indices(quote)
        .map(|(byte, _)| {
            counted = (byte, counted.1 + code_point_len(&text[counted.0..byte]));
            (byte, counted.1)
        })
        .collect();
    let fits = |&&(byte, _): &&(usize, usize)| {
        prefix.is_none_or(|p| text[..byte].ends_with(p)) && suffix.is_none_or(|s| text[byte + quote.len()..].starts_with(s))
    };
    let in_context: Vec<&(usize, usize)> = occurrences.iter().filter(fits).collect();
    let length = code_point_len(quote);
    match (occurrences.as_slice(), in_context.as_slice()) {
        ([], _) => Err(format!("\"{}\" is nowhere in the text", abbreviate(quote))),
        ([(_, only)], _) | (_, [(_, only)]) => Ok((*only, only + length)),
        (all, _) => Err(format!("\"{}\" appears {} times and its context does not tell which is meant", abbreviate(quote), all.len())),
    }
}

/// The id of an annotation a file gave none: the same span of the same text with the same label
/// always gets the same id, so importing a file twice does not double its annotations.
fn derived_id(sha256: &str, start: usize, end: usize, label: &str, ordinal: usize) -> String {
    let digest = Sha256::digest(format!("{sha256}:{start}:{end}:{label}:{ordinal}").as_bytes());
    let first: [u8; 16] = digest[..16].try_into().expect("a SHA-256 digest has 32 bytes");
    id::dashed(&first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> Document {
        Document::new("d", "t", None, &sha256_hex(text), text)
    }

    #[test]
    fn reanchoring_takes_the_only_occurrence_or_the_one_in_context() {
        let doc = document("Iran denies. Russia denies. Iran 🚀 denies again.");
        assert_eq!(reanchor(&doc, "Russia", None, None), Ok((13, 19)));
        assert_eq!(reanchor(&doc, "denies", Some("Russia "), None), Ok((20, 26)));
        assert_eq!(reanchor(&doc, "denies", None, Some(" again")), Ok((35, 41)));
        assert!(reanchor(&doc, "denies", None, None).unwrap_err().contains("appears 3 times"));
        assert!(reanchor(&doc, "Iraq", None, None).unwrap_err().contains("nowhere"));
    }

    #[test]
    fn derived_ids_are_stable_and_look_like_uuids() {
        let id = derived_id("abc", 1, 2, "claim", 0);
        assert_eq!(id, derived_id("abc", 1, 2, "claim", 0));
        assert_ne!(id, derived_id("abc", 1, 2, "denial", 0));
        assert_ne!(id, derived_id("abc", 1, 2, "claim", 1));
        assert_eq!(id.len(), 36);
    }
}
