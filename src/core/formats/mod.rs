//! Exports for the tools dataset builders use. Every format counts offsets in Unicode code
//! points, half-open, into the document text as Glossa holds it, so that in Python
//! `text[start:end]` is the quote.

mod brat;
mod csv;
mod jsonl;
mod label_studio;
mod w3c;
pub mod zip;

use crate::core::annotation::Annotation;
use crate::core::document::Document;
use crate::core::export;
use crate::core::label::{self, Label};
use crate::core::workspace::Workspace;

/// A format a person can export to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    GlossaJson,
    W3c,
    Doccano,
    LabelStudio,
    Spacy,
    Brat,
    Csv,
}

impl Format {
    pub const ALL: [Format; 7] =
        [Format::GlossaJson, Format::W3c, Format::Doccano, Format::LabelStudio, Format::Spacy, Format::Brat, Format::Csv];

    /// The value of the format's option in the "Export format" list.
    pub fn id(self) -> &'static str {
        match self {
            Format::GlossaJson => "glossa-json",
            Format::W3c => "w3c",
            Format::Doccano => "doccano",
            Format::LabelStudio => "label-studio",
            Format::Spacy => "spacy",
            Format::Brat => "brat",
            Format::Csv => "csv",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::GlossaJson => "Glossa JSON (lossless)",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Doccano => "doccano sequence labelling (JSONL)",
            Format::LabelStudio => "Label Studio tasks (JSON)",
            Format::Spacy => "spaCy / Prodigy spans (JSONL)",
            Format::Brat => "brat standoff (.zip of .txt and .ann)",
            Format::Csv => "CSV, one row per annotation",
        }
    }

    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Format::GlossaJson => export::FILE_NAME,
            Format::W3c => "glossa-annotations.jsonld",
            Format::Doccano => "glossa-doccano.jsonl",
            Format::LabelStudio => "glossa-label-studio.json",
            Format::Spacy => "glossa-spacy.jsonl",
            Format::Brat => "glossa-brat.zip",
            Format::Csv => "glossa-annotations.csv",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::GlossaJson | Format::LabelStudio => "application/json",
            Format::W3c => "application/ld+json",
            Format::Doccano | Format::Spacy => "application/jsonl",
            Format::Brat => "application/zip",
            Format::Csv => "text/csv",
        }
    }
}

/// What an export covers: the documents, their annotations and the labels.
pub struct Corpus<'a> {
    pub documents: &'a [Document],
    pub labels: &'a [Label],
    pub workspace: &'a Workspace,
}

impl Corpus<'_> {
    /// Each document with its annotations in text order.
    fn annotated(&self) -> impl Iterator<Item = (&Document, &[Annotation])> {
        self.documents.iter().map(|d| (d, self.workspace.annotations(&d.id)))
    }

    /// The name a label is shown by; an id no label has (which import never lets in) shows as itself.
    fn label_name<'a>(&'a self, id: &'a str) -> &'a str {
        label::find(self.labels, id).map_or(id, |l| l.name.as_str())
    }
}

/// The bytes of the export of `corpus` in `format`, made at time `now`.
pub fn export(format: Format, corpus: &Corpus, now: &str) -> Vec<u8> {
    match format {
        Format::GlossaJson => export::to_json(corpus.documents, corpus.labels, corpus.workspace, now).into_bytes(),
        Format::W3c => w3c::export(corpus, now).into_bytes(),
        Format::Doccano => jsonl::doccano(corpus).into_bytes(),
        Format::LabelStudio => label_studio::export(corpus).into_bytes(),
        Format::Spacy => jsonl::spacy(corpus).into_bytes(),
        Format::Brat => brat::export(corpus),
        Format::Csv => csv::export(corpus).into_bytes(),
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    use super::*;
    use crate::core::document::bundled;

    /// The bundled articles with annotations that cross lines, overlap, carry notes with commas,
    /// quotes and newlines, and begin after non-ASCII punctuation.
    pub fn corpus_parts() -> (Vec<Document>, Vec<Label>, Workspace) {
        let documents = bundled();
        let mut workspace = Workspace::default();
        let article = &documents[4];
        let at = |needle: &str| article.text[..article.text.find(needle).unwrap()].chars().count();
        let mut add = |id: &str, label: &str, start: usize, end: usize, note: &str, by: &str| {
            let mut a = Annotation::create(article, start, end, label, id.into(), "2026-11-22T10:00:00.000Z").unwrap();
            a.note = note.into();
            a.attributed_to = by.into();
            workspace.put(&article.id, a);
        };
        let denial = at("Iran has NOT");
        add("a1", "denial", denial, denial + 51, "says “NOT”, in capitals,\nloudly", "Iran’s mission");
        let sanctions = at("New sanctions announced");
        add("a2", "sanction", sanctions, at("U.S. officials warn") + 19, "", "");
        add("a3", "claim", sanctions + 4, sanctions + 13, "", "");
        (documents, crate::core::label::default_labels(), workspace)
    }

    pub fn corpus<'a>(parts: &'a (Vec<Document>, Vec<Label>, Workspace)) -> Corpus<'a> {
        Corpus { documents: &parts.0, labels: &parts.1, workspace: &parts.2 }
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
}
