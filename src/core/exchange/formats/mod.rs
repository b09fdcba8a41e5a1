//! The file formats Glossa writes and reads: one module a format, its `write` and (where the
//! format can come back) its `read` side by side. Every format counts offsets in Unicode code
//! points, half-open, into the document text as Glossa holds it, so that in Python
//! `text[start:end]` is the quote; doccano's and Label Studio's may count UTF-16 units instead,
//! when a person chooses (`OffsetUnit`), converted here at the edge. What a reader finds
//! (`incoming`) is placed on the documents here by `core::exchange::import`.

mod brat;
mod corpus;
pub mod csv;
mod doccano;
pub mod glossa_json;
mod jsonl;
mod label_studio;
mod spacy;
mod w3c;
pub mod zip;

pub use corpus::Corpus;

use serde_json::Value;

use crate::core::exchange::incoming::{plain_serde_message, ImportError, IncomingFile};
use crate::core::model::label::Label;
use crate::core::text::json;
use crate::core::text::offsets::OffsetUnit;

/// A format a person can export to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    GlossaJson,
    W3c,
    Doccano,
    /// The label types a doccano project imports: names, keys, colours.
    DoccanoLabels,
    LabelStudio,
    /// The labelling config a Label Studio project takes the tasks with: the labels, their
    /// colours and (as each label's `hint`) what they mean.
    LabelStudioConfig,
    Spacy,
    /// The labels of a spaCy span categorizer, as `spacy init labels` writes them.
    SpacyLabels,
    Brat,
    Csv,
    CsvForSpreadsheets,
    CsvLinks,
}

impl Format {
    pub const ALL: [Format; 12] = [
        Format::GlossaJson,
        Format::W3c,
        Format::Doccano,
        Format::DoccanoLabels,
        Format::LabelStudio,
        Format::LabelStudioConfig,
        Format::Spacy,
        Format::SpacyLabels,
        Format::Brat,
        Format::Csv,
        Format::CsvForSpreadsheets,
        Format::CsvLinks,
    ];

    /// The value of the format's option in the "Export format" list.
    pub fn id(self) -> &'static str {
        match self {
            Format::GlossaJson => "glossa-json",
            Format::W3c => "w3c",
            Format::Doccano => "doccano",
            Format::DoccanoLabels => "doccano-labels",
            Format::LabelStudio => "label-studio",
            Format::LabelStudioConfig => "label-studio-config",
            Format::Spacy => "spacy",
            Format::SpacyLabels => "spacy-labels",
            Format::Brat => "brat",
            Format::Csv => "csv",
            Format::CsvForSpreadsheets => "csv-spreadsheets",
            Format::CsvLinks => "csv-links",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::GlossaJson => "Glossa JSON (lossless)",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Doccano => "doccano sequence labelling (JSONL)",
            Format::DoccanoLabels => "doccano label types (JSON)",
            Format::LabelStudio => "Label Studio tasks (JSON)",
            Format::LabelStudioConfig => "Label Studio labelling config (XML)",
            Format::Spacy => "spaCy / Prodigy spans (JSONL)",
            Format::SpacyLabels => "spaCy span categorizer labels (JSON)",
            Format::Brat => "brat standoff (.zip of .txt and .ann)",
            Format::Csv => "CSV, one row per annotation",
            Format::CsvForSpreadsheets => "CSV for spreadsheets (Excel, LibreOffice, Sheets)",
            Format::CsvLinks => "CSV of links, one row per link",
        }
    }

    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Format::GlossaJson => glossa_json::FILE_NAME,
            Format::W3c => "glossa-annotations.jsonld",
            Format::Doccano => "glossa-doccano.jsonl",
            Format::DoccanoLabels => "glossa-doccano-labels.json",
            Format::LabelStudio => "glossa-label-studio.json",
            Format::LabelStudioConfig => "glossa-label-studio-config.xml",
            Format::Spacy => "glossa-spacy.jsonl",
            Format::SpacyLabels => "glossa-spacy-labels.json",
            Format::Brat => "glossa-brat.zip",
            Format::Csv => "glossa-annotations.csv",
            Format::CsvForSpreadsheets => "glossa-annotations-spreadsheet.csv",
            Format::CsvLinks => "glossa-links.csv",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::GlossaJson | Format::LabelStudio | Format::DoccanoLabels | Format::SpacyLabels => "application/json",
            Format::W3c => "application/ld+json",
            Format::LabelStudioConfig => "application/xml",
            Format::Doccano | Format::Spacy => "application/jsonl",
            Format::Brat => "application/zip",
            Format::Csv | Format::CsvForSpreadsheets | Format::CsvLinks => "text/csv",
        }
    }
}

/// The bytes of `corpus` written in `format`, at time `now`.
pub fn write(format: Format, corpus: &Corpus, now: &str) -> Vec<u8> {
    match format {
        Format::GlossaJson => write_glossa_json(corpus, now),
        Format::W3c => w3c::write(corpus, now).into_bytes(),
        Format::Doccano => doccano::write(corpus).into_bytes(),
        Format::DoccanoLabels => doccano::write_labels(corpus.labels).into_bytes(),
        Format::LabelStudio => label_studio::write(corpus).into_bytes(),
        Format::LabelStudioConfig => label_studio::write_config(corpus.labels).into_bytes(),
        Format::Spacy => spacy::write(corpus).into_bytes(),
        Format::SpacyLabels => spacy::write_labels(corpus.labels).into_bytes(),
        Format::Brat => brat::write(corpus),
        Format::Csv => csv::write(corpus).into_bytes(),
        Format::CsvForSpreadsheets => csv::write_for_spreadsheets(corpus).into_bytes(),
        Format::CsvLinks => csv::write_links(corpus).into_bytes(),
    }
}

/// `corpus` in Glossa's own format, the one written and read back without fetching the part that
/// holds the other tools' formats (the app's backup must work offline).
pub fn write_glossa_json(corpus: &Corpus, now: &str) -> Vec<u8> {
    glossa_json::write(corpus.documents, corpus.labels, corpus.workspace, now).into_bytes()
}

/// Reads a file of any format that can come back, recognised by its shape; `labels` are the
/// labels here, which Glossa JSON's label ids must name.
pub fn read(contents: &str, labels: &[Label]) -> Result<IncomingFile, ImportError> {
    read_glossa_json(contents, labels).unwrap_or_else(|| read_other_tools(contents, OffsetUnit::CodePoints))
}

/// Reads Glossa JSON (a JSON object with a "format"); `None` when the file has another shape.
pub fn read_glossa_json(contents: &str, labels: &[Label]) -> Option<Result<IncomingFile, ImportError>> {
    match json::read::<Value>(without_bom(contents)) {
        Ok(Value::Object(root)) if root.contains_key("format") => Some(glossa_json::read(&root, labels)),
        _ => None,
    }
}

/// Reads a file of another tool's format, recognised by its shape, or says why it is none;
/// doccano's and Label Studio's offsets counted in `unit`.
pub fn read_other_tools(contents: &str, unit: OffsetUnit) -> Result<IncomingFile, ImportError> {
    let contents = without_bom(contents);
    match json::read::<Value>(contents) {
        Ok(Value::Object(root)) if w3c::is_web_annotation(&root) => Ok(w3c::read(&root)),
        Ok(Value::Array(tasks)) => label_studio::read(&tasks, unit),
        Ok(Value::Object(root)) if root.contains_key("spans") => Ok(spacy::read(contents, unit)),
        Ok(Value::Object(root)) if root.contains_key("text") => Ok(doccano::read(contents, unit)),
        Ok(Value::Object(_)) => Err(ImportError::NotAnExport("it has no \"format\" field".into())),
        Ok(_) => Err(ImportError::NotAnExport("the top level is neither an object nor a list".into())),
        Err(_) if jsonl::looks_like_json_lines(contents) => Ok(doccano::read(contents, unit)),
        Err(e) => Err(ImportError::NotJson { line: e.line(), column: e.column(), detail: plain_serde_message(&e) }),
    }
}

fn without_bom(contents: &str) -> &str {
    contents.strip_prefix('\u{feff}').unwrap_or(contents)
}

#[cfg(test)]
pub(crate) mod fixture {
    use std::sync::Arc;

    use super::*;
    use crate::core::model::document::bundled;
    use crate::core::model::document::Document;
    use crate::core::model::label::{self, Label};
    use crate::core::work::workspace::Workspace;

    /// The bundled articles with annotations that cross lines, overlap, carry notes with commas,
    /// quotes and newlines, and begin after non-ASCII punctuation.
    pub fn corpus_parts() -> (Vec<Arc<Document>>, Vec<Label>, Workspace) {
        let documents = bundled();
        let mut workspace = Workspace::default();
        let article = &documents[4];
        let at = |needle: &str| article.text[..article.text.find(needle).unwrap()].chars().count();
        let mut add = |id: &str, label: &str, start: usize, end: usize, note: &str, by: &str| {
            let mut a = article.annotate(start, end, label, id.into(), "2026-11-22T10:00:00.000Z").unwrap();
            a.note = note.into();
            a.attributed_to = by.into();
            workspace.put(&article.id, a);
        };
        let denial = at("Iran has NOT");
        add("a1", "denial", denial, denial + 51, "says “NOT”, in capitals,\nloudly", "Iran’s mission");
        let sanctions = at("New sanctions announced");
        add("a2", "sanction", sanctions, at("U.S. officials warn") + 19, "", "");
        add("a3", "claim", sanctions + 4, sanctions + 13, "", "");
        let other = &documents[0];
        workspace.put(&other.id, other.annotate(0, 4, "claim", "b1".into(), "2026-11-22T10:00:00.000Z").unwrap());
        workspace.set_source("a1", "government or body", true, true, "2026-11-22T10:00:01.000Z");
        workspace.set_unsure("a3", true, "2026-11-22T10:00:01.000Z");
        workspace.link("a1", "a3", None, "2026-11-22T10:00:01.000Z");
        workspace.link("a2", "b1", None, "2026-11-22T10:00:01.000Z");
        (documents, label::default_labels(), workspace)
    }

    pub fn corpus<'a>(parts: &'a (Vec<Arc<Document>>, Vec<Label>, Workspace)) -> Corpus<'a> {
        Corpus { documents: &parts.0, labels: &parts.1, workspace: &parts.2, offsets: OffsetUnit::CodePoints }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_an_id_name_file_and_type() {
        for format in Format::ALL {
            assert_eq!(Format::from_id(format.id()), Some(format));
            assert!(!format.name().is_empty() && format.file_name().starts_with("glossa-") && format.mime().contains('/'));
        }
        assert_eq!(Format::from_id("docx"), None);
    }

    #[test]
    fn overlapping_spans_are_counted_nested_and_crossed_alike() {
        let parts = fixture::corpus_parts();
        assert_eq!(fixture::corpus(&parts).overlapping(), 2, "a3 lies inside a2");
        let (documents, labels, mut workspace) = fixture::corpus_parts();
        let article = &documents[3];
        for (id, start, end) in [("c1", 0, 10), ("c2", 5, 15), ("c3", 20, 30), ("c4", 20, 30), ("c5", 40, 50)] {
            workspace.put(&article.id, article.annotate(start, end, "claim", id.into(), "2026-11-22T10:00:00.000Z").unwrap());
        }
        let corpus = Corpus { documents: &documents, labels: &labels, workspace: &workspace, offsets: OffsetUnit::CodePoints };
        assert_eq!(corpus.overlapping(), 2 + 4);
        assert!(OffsetUnit::ALL.iter().all(|u| OffsetUnit::from_id(u.id()) == Some(*u)));
    }
}
