//! What a format's reader makes of a file, before anything is placed on the documents here:
//! the file's documents and annotations as the file gives them, and what it could not read.
//! Every reader produces the same shapes; `core::exchange::import` places and merges them.

use crate::core::text::offsets::utf16_to_code_points;
use std::fmt;

use serde_json::Value;

use crate::core::model::annotation::{Judged, Link};
use crate::core::model::facts::Facts;
use crate::core::model::label::Label;

/// Why a whole file was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    NotAnExport(String),
    /// A Glossa JSON version this Glossa does not read, and the newest it does.
    UnknownVersion {
        found: String,
        newest: u32,
    },
    /// More annotations than one import takes, and that limit.
    TooManyAnnotations {
        found: usize,
        limit: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson { line, column, detail } => {
                write!(f, "it is not valid JSON (line {line}, column {column}: {detail})")
            }
            ImportError::NotAnExport(why) => write!(
                f,
                "it is not a file Glossa can import (Glossa JSON, W3C Web Annotation, doccano or spaCy JSONL, Label Studio JSON): {why}"
            ),
            ImportError::UnknownVersion { found, newest } => {
                write!(f, "its version is {found}, but this Glossa reads versions 1 to {newest}")
            }
            ImportError::TooManyAnnotations { found, limit } => {
                write!(f, "it holds {found} annotations, more than the {limit} one import takes")
            }
        }
    }
}

/// Annotations that were left out, with where they were in the file and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Where in the file: a JSON path such as `documents[4].annotations[2]`, or `line 7`.
    pub place: String,
    pub reason: String,
    /// How many annotations this refusal covers (a refused document refuses all of its own).
    pub count: usize,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

/// How an incoming annotation names its label.
#[derive(Debug)]
pub enum LabelRef {
    /// A label id, as Glossa JSON gives it: it must be a label here or one the file brings.
    Id(String),
    /// A label's name, as other tools give it: a name met for the first time makes a new label.
    Name(String),
}

/// An annotation as a file gives it; offsets count code points of the file's text.
#[derive(Debug)]
pub struct IncomingAnnotation {
    pub place: String,
    pub id: Option<String>,
    pub label: LabelRef,
    pub start: usize,
    pub end: usize,
    /// False when the file gives no offsets, only a quote to find.
    pub positioned: bool,
    pub quote: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub note: String,
    pub attributed_to: String,
    /// Links to other annotations, by id (Glossa JSON and W3C linking annotations carry them).
    pub links: Vec<Link>,
    /// The source's kind and the reader's judgements (Glossa JSON carries them).
    pub judged: Judged,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

impl IncomingAnnotation {
    pub fn new(place: String, label: LabelRef, start: usize, end: usize) -> IncomingAnnotation {
        IncomingAnnotation {
            place,
            id: None,
            label,
            start,
            end,
            positioned: true,
            quote: None,
            prefix: None,
            suffix: None,
            note: String::new(),
            attributed_to: String::new(),
            links: Vec::new(),
            judged: Judged::default(),
            created_at: None,
            updated_at: None,
        }
    }
}

/// A document as a file gives it: by its text, by the digest of its text, or by id.
#[derive(Debug, Default)]
pub struct IncomingDocument {
    pub place: String,
    pub id: Option<String>,
    pub sha256: Option<String>,
    pub title: Option<String>,
    pub text: Option<String>,
    /// What the file says the document is as a source (Glossa JSON, version 5).
    pub facts: Facts,
    pub annotations: Vec<IncomingAnnotation>,
}

/// What a format's reader found in a file: its documents with their annotations, placed by the
/// file's own offsets, and what it could not read.
#[derive(Debug, Default)]
pub struct IncomingFile {
    pub documents: Vec<IncomingDocument>,
    pub new_labels: Vec<Label>,
    pub refused: Vec<Refusal>,
}

pub(crate) fn plain_serde_message(error: &serde_json::Error) -> String {
    // serde_json appends " at line L column C", which is meaningless for an item taken out of
    // the file, and given separately for the file itself.
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

pub(crate) fn abbreviate(text: &str) -> String {
    crate::core::text::offsets::abbreviate(text, 40)
}

/// A span's start and end as a file gives them: whole numbers, or a reason in words.
pub(crate) fn offsets(start: Option<&Value>, end: Option<&Value>) -> Result<(usize, usize), String> {
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

/// Annotations whose offsets a file gave in UTF-16 units of `text`, in code points; one with an
/// offset inside a character (between the halves of a surrogate pair) is refused.
pub(crate) fn from_utf16(text: &str, annotations: Vec<IncomingAnnotation>, refused: &mut Vec<Refusal>) -> Vec<IncomingAnnotation> {
    let offsets: Vec<usize> = annotations.iter().flat_map(|a| [a.start, a.end]).collect();
    let converted = utf16_to_code_points(text, &offsets);
    let mut kept = Vec::with_capacity(annotations.len());
    for (mut annotation, pair) in annotations.into_iter().zip(converted.chunks(2)) {
        match (pair[0], pair[1]) {
            (Some(start), Some(end)) => {
                (annotation.start, annotation.end) = (start, end);
                kept.push(annotation);
            }
            _ => refused.push(Refusal {
                place: annotation.place,
                reason: "read as UTF-16 units, its offsets fall inside a character (were they counted in code points?)".into(),
                count: 1,
            }),
        }
    }
    kept
}
