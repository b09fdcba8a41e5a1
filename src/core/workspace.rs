//! Everything a person has annotated: each document's annotations, kept in text order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::annotation::Annotation;
use crate::core::library::DocumentRecord;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// Annotations by document id, each list in text order.
    pub documents: BTreeMap<String, Vec<Annotation>>,
    /// The documents the person added (the bundled articles are not listed), in the order added.
    #[serde(default)]
    pub library: Vec<DocumentRecord>,
    /// When each deleted annotation and added document was deleted, by id: another tab's copy
    /// that still holds one must not bring it back (see `core::sync`).
    #[serde(default)]
    pub deleted: BTreeMap<String, String>,
}

impl Workspace {
    pub fn annotations(&self, document_id: &str) -> &[Annotation] {
        self.documents.get(document_id).map_or(&[], Vec::as_slice)
    }

    /// How many annotations of `document_id` carry `label`.
    pub fn count(&self, document_id: &str, label: &str) -> usize {
        self.annotations(document_id).iter().filter(|a| a.label == label).count()
    }

    /// The annotation with `id` and the document it belongs to.
    pub fn find(&self, id: &str) -> Option<(&str, &Annotation)> {
        self.documents.iter().find_map(|(document, list)| list.iter().find(|a| a.id == id).map(|a| (document.as_str(), a)))
    }

    /// Adds `annotation` to `document_id`, or replaces the one with the same id there.
    pub fn put(&mut self, document_id: &str, annotation: Annotation) {
        self.deleted.remove(&annotation.id);
        let list = self.documents.entry(document_id.to_owned()).or_default();
        list.retain(|a| a.id != annotation.id);
        let at = list.partition_point(|a| a.text_order() < annotation.text_order());
        list.insert(at, annotation);
    }

    /// Adds `annotations` to `document_id` at once, replacing those with the same ids: one sort,
    /// however many there are.
    pub fn put_all(&mut self, document_id: &str, annotations: Vec<Annotation>) {
        let ids: std::collections::HashSet<&str> = annotations.iter().map(|a| a.id.as_str()).collect();
        if !self.deleted.is_empty() {
            self.deleted.retain(|id, _| !ids.contains(id.as_str()));
        }
        let list = self.documents.entry(document_id.to_owned()).or_default();
        list.retain(|a| !ids.contains(a.id.as_str()));
        list.extend(annotations);
        list.sort_by(|a, b| a.text_order().cmp(&b.text_order()));
    }

    /// Changes the label of annotation `id`; false when there is no such annotation.
    pub fn relabel(&mut self, id: &str, label: &str, now: &str) -> bool {
        self.edit(id, now, |a| a.label = label.to_owned())
    }

    /// Replaces the note of annotation `id`; false when there is no such annotation.
    pub fn set_note(&mut self, id: &str, note: &str, now: &str) -> bool {
        self.edit(id, now, |a| a.note = note.to_owned())
    }

    /// Replaces who annotation `id` is attributed to; false when there is no such annotation.
    pub fn set_attribution(&mut self, id: &str, attributed_to: &str, now: &str) -> bool {
        self.edit(id, now, |a| a.attributed_to = attributed_to.to_owned())
    }

    /// Removes annotation `id`, remembering when, and returns it.
    pub fn delete(&mut self, id: &str, now: &str) -> Option<Annotation> {
        let (document_id, _) = self.find(id)?;
        let document_id = document_id.to_owned();
        let list = self.documents.get_mut(&document_id)?;
        let at = list.iter().position(|a| a.id == id)?;
        let removed = list.remove(at);
        if list.is_empty() {
            self.documents.remove(&document_id);
        }
        self.deleted.insert(removed.id.clone(), now.to_owned());
        Some(removed)
    }

    pub fn record(&self, document_id: &str) -> Option<&DocumentRecord> {
        self.library.iter().find(|r| r.id == document_id)
    }

    /// The added document whose text has digest `sha256`.
    pub fn record_with_text(&self, sha256: &str) -> Option<&DocumentRecord> {
        self.library.iter().find(|r| r.sha256 == sha256)
    }

    /// Adds or replaces the record with `record.id`, keeping its place in the list.
    pub fn put_record(&mut self, record: DocumentRecord) {
        self.deleted.remove(&record.id);
        match self.library.iter_mut().find(|r| r.id == record.id) {
            Some(kept) => *kept = record,
            None => self.library.push(record),
        }
    }

    /// Gives added document `id` a new title (blank titles are refused); false when nothing changed.
    pub fn rename_document(&mut self, id: &str, title: &str, now: &str) -> bool {
        let title = title.trim();
        match self.library.iter_mut().find(|r| r.id == id) {
            Some(record) if !title.is_empty() && record.title != title => {
                record.title = title.to_owned();
                record.updated_at = now.to_owned();
                true
            }
            _ => false,
        }
    }

    /// Removes added document `id` with its annotations, remembering when; false when there is
    /// no such document.
    pub fn remove_document(&mut self, id: &str, now: &str) -> bool {
        let before = self.library.len();
        self.library.retain(|r| r.id != id);
        if self.library.len() == before {
            return false;
        }
        for annotation in self.documents.remove(id).unwrap_or_default() {
            self.deleted.insert(annotation.id, now.to_owned());
        }
        self.deleted.insert(id.to_owned(), now.to_owned());
        true
    }

    /// Forgets deletions made before `cutoff` (milliseconds since the epoch): by then every tab
    /// has long had them, and the list would otherwise only grow.
    pub fn forget_deletions_before(&mut self, cutoff: i64) {
        self.deleted.retain(|_, at| crate::core::timestamp::parse_millis(at).is_none_or(|at| at >= cutoff));
    }

    fn edit(&mut self, id: &str, now: &str, change: impl FnOnce(&mut Annotation)) -> bool {
        let Some((document_id, found)) = self.find(id) else {
            return false;
        };
        let (document_id, mut annotation) = (document_id.to_owned(), found.clone());
        change(&mut annotation);
        annotation.updated_at = now.to_owned();
        // Relabelling changes the text order, so the annotation goes back in through `put`.
        self.put(&document_id, annotation);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::annotation::bare as annotation;

    #[test]
    fn keeps_each_document_in_text_order() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("c", "claim", 5, 9));
        workspace.put("d", annotation("a", "sanction", 0, 4));
        workspace.put("d", annotation("b", "denial", 0, 4));
        workspace.put("e", annotation("x", "claim", 1, 2));
        let ids: Vec<&str> = workspace.annotations("d").iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"]);
        assert_eq!(workspace.count("d", "claim"), 1);
        assert_eq!(workspace.count("nowhere", "claim"), 0);
        assert_eq!(workspace.find("x").map(|(d, _)| d), Some("e"));
    }

    #[test]
    fn edits_touch_updated_at_and_keep_order() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("a", "sanction", 0, 4));
        workspace.put("d", annotation("b", "denial", 0, 4));
        assert!(workspace.relabel("a", "claim", "t1"));
        assert!(workspace.set_note("b", "<b>bold?</b>", "t2"));
        assert!(workspace.set_attribution("b", "Iran’s foreign minister", "t2"));
        assert!(!workspace.relabel("zzz", "claim", "t3"));
        let list = workspace.annotations("d");
        assert_eq!((list[0].id.as_str(), list[0].updated_at.as_str()), ("a", "t1"));
        assert_eq!((list[1].note.as_str(), list[1].updated_at.as_str()), ("<b>bold?</b>", "t2"));
        assert_eq!(list[1].attributed_to, "Iran’s foreign minister");
        assert_eq!(list[1].created_at, "t0");
    }

    #[test]
    fn put_replaces_by_id_and_delete_removes() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("a", "claim", 0, 4));
        workspace.put("d", annotation("a", "denial", 2, 6));
        assert_eq!(workspace.annotations("d").len(), 1);
        assert_eq!(workspace.delete("a", "t1").map(|a| a.label), Some("denial".into()));
        assert_eq!(workspace.delete("a", "t2"), None);
        assert!(workspace.documents.is_empty(), "no empty lists are kept");
        assert_eq!(workspace.deleted.get("a").map(String::as_str), Some("t1"), "the deletion is remembered");
        workspace.put("d", annotation("a", "claim", 0, 4));
        assert!(workspace.deleted.is_empty(), "and forgotten when the annotation comes back");
    }

    #[test]
    fn added_documents_are_renamed_and_removed_with_their_annotations() {
        let mut workspace = Workspace::default();
        let record = DocumentRecord::of("Notes\nbody", None, Some("notes.txt"), "t");
        let id = record.id.clone();
        workspace.put_record(record.clone());
        workspace.put(&id, annotation("a", "claim", 0, 4));
        assert_eq!(workspace.record_with_text(&record.sha256).map(|r| r.title.as_str()), Some("Notes"));
        assert!(workspace.rename_document(&id, "  Meeting notes ", "t1"));
        assert!(!workspace.rename_document(&id, "   ", "t2"), "a title is never blank");
        assert!(!workspace.rename_document(&id, "Meeting notes", "t2"), "no change");
        assert_eq!(workspace.record(&id).map(|r| (r.title.as_str(), r.updated_at.as_str())), Some(("Meeting notes", "t1")));
        assert!(workspace.remove_document(&id, "t3"));
        assert!(!workspace.remove_document(&id, "t4"));
        assert!(workspace.documents.is_empty() && workspace.library.is_empty());
        let deleted: Vec<(&str, &str)> = workspace.deleted.iter().map(|(id, at)| (id.as_str(), at.as_str())).collect();
        assert_eq!(deleted, [("a", "t3"), (id.as_str(), "t3")]);
    }
}
