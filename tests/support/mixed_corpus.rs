//! One corpus full of what breaks offsets: the bundled articles (curly quotes, dashes) and a text
//! of one's own pasted with Windows line ends, holding emoji with modifiers, ZWJ sequences (a
//! family, an astronaut), flags, combining marks, CJK inside and beyond the Basic Multilingual
//! Plane, Arabic and Hebrew; and a document left unannotated. Its spans are nested, overlapping
//! and cross line breaks; some carry notes and attribution; each tenth answers the one before.
//!
//! Shared by the Python check of every export (`tests/exports_in_python.rs`) and by
//! `scripts/interop` (`examples/interop_exports.rs`), which loads the same files into the real tools.

use std::sync::Arc;

use glossa::core::model::document::{bundled, Document};
use glossa::core::model::label::{self, default_labels, Label};
use glossa::core::model::own_document::{normalize, DocumentRecord};
use glossa::core::text::boundary;
use glossa::core::text::offsets::CodePointIndex;
use glossa::core::work::workspace::Workspace;

/// Where the spans fall.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Spans {
    /// At any code point where a grapheme does not split (the hardest case for other tools).
    Anywhere,
    /// Widened to whole words, as Glossa places a reader's selection by default (what a tokenizer
    /// such as spaCy's can take whole).
    OnWords,
}

pub struct MixedCorpus {
    pub documents: Vec<Arc<Document>>,
    pub labels: Vec<Label>,
    pub workspace: Workspace,
    pub annotations: usize,
    pub links: usize,
}

pub fn mixed_corpus(spans: Spans) -> MixedCorpus {
    let mut documents = bundled();
    let raw =
        "Notes 🚀🇮🇷 👨\u{200d}👩\u{200d}👧\u{200d}👦\r\nCafe\u{301} — 導弾の移転 𠮷野家 and إيران تنفي 👩🏽\u{200d}🚀\r\nשלום, end.\r\n"
            .repeat(20);
    let text = normalize(&raw).text;
    documents.push(Arc::new(DocumentRecord::of(&text, None, Some("notes.txt"), "2026-11-22T10:00:00Z").document(&text)));
    let mut labels = default_labels();
    label::add_new(&mut labels, "Source of claim").unwrap();
    let mut workspace = Workspace::default();
    let mut annotations = 0;
    for document in &documents {
        let index = CodePointIndex::new(&document.text);
        for (i, start) in (0..document.length).step_by(if document.source.is_some() { 97 } else { 13 }).enumerate() {
            let end = (start + 23 + (i * 37) % 180).min(document.length);
            let (start, end) = boundary::snap(&document.text, &index, start, end, spans == Spans::OnWords);
            let label = &labels[i % labels.len()].id;
            let id = format!("{}-{i}", document.id);
            if let Some(mut annotation) = document.annotate(start, end, label, id, "2026-11-22T10:00:00.000Z") {
                annotation.note = if i % 3 == 0 { "a note, with “quotes”,\nand a line break".into() } else { String::new() };
                annotation.attributed_to = if i % 4 == 0 { "Iran’s foreign minister".into() } else { String::new() };
                workspace.put(&document.id, annotation);
                annotations += 1;
            }
        }
    }
    let unannotated = "Left for later: 🚀 nothing is labelled here yet.\n";
    documents.push(Arc::new(DocumentRecord::of(unannotated, None, Some("later.txt"), "2026-11-22T10:00:00Z").document(unannotated)));
    // Links: each tenth annotation answers the one before it, across documents where they meet.
    let ids: Vec<String> = workspace.documents.values().flatten().map(|a| a.id.clone()).collect();
    let pairs: Vec<&[String]> = ids.chunks(10).filter(|c| c.len() > 1).collect();
    for pair in &pairs {
        workspace.link(&pair[1], &pair[0], None, "2026-11-22T10:00:01.000Z");
    }
    MixedCorpus { documents, labels, workspace, annotations, links: pairs.len() }
}
