//! The texts of documents: the bundled articles, and the texts of documents a person added, read
//! from IndexedDB (`ui::text_store`) when needed. Texts never change; titles and annotations
//! belong to the work.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::exchange::import::NewDocument;
use crate::core::model::document::Document;
use crate::core::model::own_document::DocumentRecord;
use crate::ui::browser::text_store;

#[derive(Clone, Copy)]
pub struct Texts {
    /// The articles that come with Glossa, shared by whatever needs them (exports included).
    bundled: StoredValue<Vec<Arc<Document>>>,
    /// The texts of added documents that are in memory, under the titles they were added with.
    added: RwSignal<Vec<Arc<Document>>>,
}

impl Texts {
    /// The texts with the bundled articles that `bundled` gives.
    pub fn new(bundled: Vec<Arc<Document>>) -> Texts {
        Texts { bundled: StoredValue::new(bundled), added: RwSignal::new(Vec::new()) }
    }

    /// The ids of the bundled articles, in order.
    pub fn bundled_ids(&self) -> Vec<String> {
        self.bundled.with_value(|documents| documents.iter().map(|d| d.id.clone()).collect())
    }

    pub fn bundled(&self, id: &str) -> Option<Arc<Document>> {
        self.bundled.with_value(|documents| documents.iter().find(|d| d.id == id).cloned())
    }

    /// Every bundled article.
    pub fn all_bundled(&self) -> Vec<Arc<Document>> {
        self.bundled.get_value()
    }

    /// The bundled article whose text has digest `sha256`.
    pub fn bundled_with_digest(&self, sha256: &str) -> Option<Arc<Document>> {
        self.bundled.with_value(|documents| documents.iter().find(|d| d.sha256 == sha256).cloned())
    }

    /// The document `id` with its text, if the text is here; tracked only by the texts, so what
    /// renders a text does not render again when its title or annotations change.
    pub fn document(&self, id: &str) -> Option<Arc<Document>> {
        self.bundled(id).or_else(|| self.added.with(|added| added.iter().find(|d| d.id == id).cloned()))
    }

    /// The added document `id`, untracked.
    pub fn added(&self, id: &str) -> Option<Arc<Document>> {
        self.added.with_untracked(|added| added.iter().find(|d| d.id == id).cloned())
    }

    /// Reads the texts of `records` that are not in memory yet. Says which records' texts are not
    /// kept any more (by title); fails when the text store cannot be read.
    pub async fn read_missing(&self, records: Vec<DocumentRecord>) -> Result<Vec<String>, String> {
        let records: Vec<DocumentRecord> = records.into_iter().filter(|r| self.added(&r.id).is_none()).collect();
        if records.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
        let texts = text_store::get(&ids).await?;
        let mut missing = Vec::new();
        let mut loaded = Vec::new();
        for (record, text) in records.iter().zip(texts) {
            match text {
                Some(text) => loaded.push(Arc::new(record.document(text))),
                None => missing.push(record.title.clone()),
            }
        }
        self.added.update(|added| {
            for new in loaded {
                // Another read may have brought it meanwhile.
                if !added.iter().any(|t| t.id == new.id) {
                    added.push(new);
                }
            }
        });
        Ok(missing)
    }

    /// Keeps the text of a document added now: in the text store first, then in memory.
    pub async fn keep(&self, record: &DocumentRecord, text: &str) -> Result<(), String> {
        text_store::put(&record.id, text).await?;
        self.added.update(|added| added.push(Arc::new(record.document(text))));
        Ok(())
    }

    /// Keeps the texts of documents an import brings; none is held unless all were stored.
    pub async fn keep_all(&self, new: &[NewDocument]) -> Result<(), String> {
        for document in new {
            text_store::put(&document.record.id, &document.text).await?;
        }
        self.added.update(|added| added.extend(new.iter().map(|d| Arc::new(d.record.document(&d.text)))));
        Ok(())
    }

    /// Holds texts that came with assignments (they are kept with the assignment, not stored here).
    pub fn hold(&self, documents: Vec<Arc<Document>>) {
        self.added.update(|added| {
            for document in documents {
                if !added.iter().any(|d| d.id == document.id) {
                    added.push(document);
                }
            }
        });
    }

    /// Forgets every stored text but those of `keep`.
    pub async fn forget_all_but(&self, keep: &[String]) -> Result<(), String> {
        text_store::keep_only(keep).await
    }
}
