//! Everything a person has annotated: each document's annotations, kept in text order. Every
//! edit says what it changed (the annotations and records before and after), which is all the
//! undo history keeps: nothing is copied or compared to find out.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::core::model::annotation::{sort_in_text_order, Annotation, Link, Relation};
use crate::core::model::facts::{self, Facts};
use crate::core::model::own_document::DocumentRecord;

/// One annotation as it was and as it became; `None` where it did not exist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub document: String,
    pub before: Option<Annotation>,
    pub after: Option<Annotation>,
}

/// An added document's record as it was and as it became (its text never changes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordChange {
    pub before: Option<DocumentRecord>,
    pub after: Option<DocumentRecord>,
}

/// Everything one edit changed; empty when it changed nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub annotations: Vec<Change>,
    pub documents: Vec<RecordChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.documents.is_empty()
    }

    /// The changes of `self`, then those of `later`.
    pub fn and(mut self, later: Changes) -> Changes {
        self.annotations.extend(later.annotations);
        self.documents.extend(later.documents);
        self
    }
}

impl From<Change> for Changes {
    fn from(change: Change) -> Changes {
        Changes { annotations: vec![change], documents: Vec::new() }
    }
}

impl From<RecordChange> for Changes {
    fn from(change: RecordChange) -> Changes {
        Changes { annotations: Vec::new(), documents: vec![change] }
    }
}

impl From<Vec<Change>> for Changes {
    fn from(annotations: Vec<Change>) -> Changes {
        Changes { annotations, documents: Vec::new() }
    }
}

impl From<Option<Change>> for Changes {
    fn from(change: Option<Change>) -> Changes {
        Changes { annotations: change.into_iter().collect(), documents: Vec::new() }
    }
}

impl From<Option<RecordChange>> for Changes {
    fn from(change: Option<RecordChange>) -> Changes {
        Changes { annotations: Vec::new(), documents: change.into_iter().collect() }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// Annotations by document id, each list in text order.
    #[serde(deserialize_with = "read_lists")]
    pub documents: BTreeMap<String, Vec<Annotation>>,
    /// The documents the person added (the bundled articles are not listed), in the order added.
    #[serde(default, rename = "library")]
    pub added_documents: Vec<DocumentRecord>,
    /// When each deleted annotation and added document was deleted, by id: another tab's copy
    /// that still holds one must not bring it back (see `core::work::sync`).
    #[serde(default)]
    pub deleted: BTreeMap<String, String>,
}

/// The room a document's list of `length` annotations is given when it is full (or read): a
/// sixteenth more, not the double a list grows to by itself. A long work's list is megabytes, a
/// wasm memory keeps the room it has given, and a list moved into room twice its size needs
/// three times its size at once.
pub fn room_to_grow(length: usize) -> usize {
    length / 16 + 8
}

/// Reads the lists by document, each grown by `room_to_grow` as it is read: grown by doubling,
/// 10,000 annotations were moved from room for 8,192 into room for 16,384, three times the list's
/// size at once, while the text they were read from was held too.
fn read_lists<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, Vec<Annotation>>, D::Error> {
    struct Lists;
    impl<'de> Visitor<'de> for Lists {
        type Value = BTreeMap<String, Vec<Annotation>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("annotations by document")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut lists = BTreeMap::new();
            while let Some(document) = map.next_key::<String>()? {
                let GrownGently(list) = map.next_value()?;
                lists.insert(document, list);
            }
            Ok(lists)
        }
    }
    deserializer.deserialize_map(Lists)
}

/// A document's list, read growing by `room_to_grow`.
struct GrownGently(Vec<Annotation>);

impl<'de> Deserialize<'de> for GrownGently {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<GrownGently, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = GrownGently;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of annotations")
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<GrownGently, S::Error> {
                let mut list = Vec::new();
                while let Some(annotation) = seq.next_element()? {
                    if list.len() == list.capacity() {
                        list.reserve_exact(room_to_grow(list.len()));
                    }
                    list.push(annotation);
                }
                Ok(GrownGently(list))
            }
        }
        deserializer.deserialize_seq(List)
    }
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

    /// Adds `annotation` to `document_id`, or replaces the one with the same id there; nothing
    /// changes when that one is the same. A full list grows by `room_to_grow`.
    pub fn put(&mut self, document_id: &str, annotation: Annotation) -> Option<Change> {
        self.deleted.remove(&annotation.id);
        let list = self.documents.entry(document_id.to_owned()).or_default();
        let before = list.iter().position(|a| a.id == annotation.id).map(|at| list.remove(at));
        let at = list.partition_point(|a| a.text_order() < annotation.text_order());
        if list.len() == list.capacity() {
            list.reserve_exact(room_to_grow(list.len()));
        }
        list.insert(at, annotation.clone());
        (before.as_ref() != Some(&annotation)).then(|| Change { document: document_id.to_owned(), before, after: Some(annotation) })
    }

    /// Adds `annotations` to `document_id` at once, replacing those with the same ids: one sort,
    /// however many there are.
    pub fn put_all(&mut self, document_id: &str, annotations: Vec<Annotation>) -> Vec<Change> {
        if annotations.is_empty() {
            return Vec::new();
        }
        let ids: HashSet<&str> = annotations.iter().map(|a| a.id.as_str()).collect();
        if !self.deleted.is_empty() {
            self.deleted.retain(|id, _| !ids.contains(id.as_str()));
        }
        let list = self.documents.entry(document_id.to_owned()).or_default();
        let (replaced, kept): (Vec<Annotation>, Vec<Annotation>) =
            std::mem::take(list).into_iter().partition(|a| ids.contains(a.id.as_str()));
        let mut replaced: HashMap<String, Annotation> = replaced.into_iter().map(|a| (a.id.clone(), a)).collect();
        let changes = annotations
            .iter()
            .map(|a| (replaced.remove(&a.id), a))
            .filter(|(before, after)| before.as_ref() != Some(*after))
            .map(|(before, after)| Change { document: document_id.to_owned(), before, after: Some(after.clone()) })
            .collect();
        *list = kept;
        list.extend(annotations);
        sort_in_text_order(list);
        changes
    }

    /// Changes the label of annotation `id`; nothing when there is no such annotation or it has
    /// that label already.
    /// Its links take a relation the new label may have (the one they have when it may).
    pub fn relabel(&mut self, id: &str, label: &str, now: &str) -> Option<Change> {
        self.edit(id, now, |a| {
            let changed = replace(&mut a.label, label);
            a.links.iter_mut().for_each(|l| l.relation = Relation::for_label(label, Some(l.relation)));
            changed
        })
    }

    /// Replaces the note of annotation `id`.
    pub fn set_note(&mut self, id: &str, note: &str, now: &str) -> Option<Change> {
        self.edit(id, now, |a| replace(&mut a.note, note))
    }

    /// Replaces who annotation `id` is attributed to.
    pub fn set_attribution(&mut self, id: &str, attributed_to: &str, now: &str) -> Option<Change> {
        self.edit(id, now, |a| replace(&mut a.attributed_to, attributed_to))
    }

    /// Says what kind of source annotation `id` is attributed to, and whether it is on the record
    /// and in a position to know.
    pub fn set_source(&mut self, id: &str, kind: &str, on_the_record: bool, in_a_position_to_know: bool, now: &str) -> Option<Change> {
        self.edit(id, now, |a| {
            let was = (a.on_the_record, a.in_a_position_to_know);
            (a.on_the_record, a.in_a_position_to_know) = (on_the_record, in_a_position_to_know);
            replace(&mut a.source_kind, kind.trim()) | (was != (on_the_record, in_a_position_to_know))
        })
    }

    /// Marks annotation `id` as one its reader is unsure of (or sure of again).
    pub fn set_unsure(&mut self, id: &str, unsure: bool, now: &str) -> Option<Change> {
        self.edit(id, now, |a| std::mem::replace(&mut a.unsure, unsure) != unsure)
    }

    /// Links annotation `id` to annotation `to` (another one, present here) with `relation` when
    /// its label's links may have it, else with its label's usual one; a link there already takes
    /// that relation. Nothing when they are linked so already.
    pub fn link(&mut self, id: &str, to: &str, relation: Option<Relation>, now: &str) -> Option<Change> {
        if id == to || self.find(to).is_none() {
            return None;
        }
        self.edit(id, now, |a| {
            let relation = Relation::for_label(&a.label, relation);
            match a.links.iter_mut().find(|l| l.to == to) {
                Some(there) => std::mem::replace(&mut there.relation, relation) != relation,
                None => {
                    a.links.push(Link { to: to.to_owned(), relation });
                    true
                }
            }
        })
    }

    /// Removes the link from annotation `id` to `to`.
    pub fn unlink(&mut self, id: &str, to: &str, now: &str) -> Option<Change> {
        self.edit(id, now, |a| {
            let before = a.links.len();
            a.links.retain(|l| l.to != to);
            a.links.len() != before
        })
    }

    /// Removes annotation `id`, remembering when.
    pub fn delete(&mut self, id: &str, now: &str) -> Option<Change> {
        let (document_id, _) = self.find(id)?;
        let document_id = document_id.to_owned();
        let list = self.documents.get_mut(&document_id)?;
        let at = list.iter().position(|a| a.id == id)?;
        let removed = list.remove(at);
        if list.is_empty() {
            self.documents.remove(&document_id);
        }
        self.deleted.insert(removed.id.clone(), now.to_owned());
        Some(Change { document: document_id, before: Some(removed), after: None })
    }

    pub fn record(&self, document_id: &str) -> Option<&DocumentRecord> {
        self.added_documents.iter().find(|r| r.id == document_id)
    }

    /// The added document whose text has digest `sha256`.
    pub fn record_with_text(&self, sha256: &str) -> Option<&DocumentRecord> {
        self.added_documents.iter().find(|r| r.sha256 == sha256)
    }

    /// Adds or replaces the record with `record.id`, keeping its place in the list; nothing
    /// changes when that one is the same.
    pub fn put_record(&mut self, record: DocumentRecord) -> Option<RecordChange> {
        self.deleted.remove(&record.id);
        let before = match self.added_documents.iter_mut().find(|r| r.id == record.id) {
            Some(kept) => Some(std::mem::replace(kept, record.clone())),
            None => {
                self.added_documents.push(record.clone());
                None
            }
        };
        (before.as_ref() != Some(&record)).then_some(RecordChange { before, after: Some(record) })
    }

    /// Gives added document `id` a new title (blank titles are refused); nothing when nothing changed.
    pub fn rename_document(&mut self, id: &str, title: &str, now: &str) -> Option<RecordChange> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        self.edit_record(id, now, |record| replace(&mut record.title, title))
    }

    /// Gives added document `id` the kind, outlet and date of `facts`; nothing when nothing changed.
    pub fn describe_document(&mut self, id: &str, facts: Facts, now: &str) -> Option<RecordChange> {
        self.edit_record(id, now, |record| record.describe(facts))
    }

    /// Applies `change` to the record of added document `id`, which says whether it changed
    /// anything; a change is stamped `now` and reported.
    fn edit_record(&mut self, id: &str, now: &str, change: impl FnOnce(&mut DocumentRecord) -> bool) -> Option<RecordChange> {
        let record = self.added_documents.iter_mut().find(|r| r.id == id)?;
        let before = record.clone();
        if !change(record) {
            return None;
        }
        record.updated_at = now.to_owned();
        Some(RecordChange { before: Some(before), after: Some(record.clone()) })
    }

    /// What document `id` is as a source: as its reader described it, for one of their own; as
    /// its own text says, for a bundled article.
    pub fn facts(&self, id: &str) -> Facts {
        self.record(id).map_or_else(|| facts::bundled_facts(id), DocumentRecord::facts)
    }

    /// Removes added document `id` with its annotations, remembering when; nothing when there is
    /// no such document.
    pub fn remove_document(&mut self, id: &str, now: &str) -> Changes {
        let Some(at) = self.added_documents.iter().position(|r| r.id == id) else {
            return Changes::default();
        };
        let record = self.added_documents.remove(at);
        let annotations = self.documents.remove(id).unwrap_or_default();
        let changes = annotations
            .into_iter()
            .map(|annotation| {
                self.deleted.insert(annotation.id.clone(), now.to_owned());
                Change { document: id.to_owned(), before: Some(annotation), after: None }
            })
            .collect();
        self.deleted.insert(id.to_owned(), now.to_owned());
        Changes { annotations: changes, documents: vec![RecordChange { before: Some(record), after: None }] }
    }

    /// Forgets deletions made before `cutoff` (milliseconds since the epoch): by then every tab
    /// has long had them, and the list would otherwise only grow.
    pub fn forget_deletions_before(&mut self, cutoff: i64) {
        self.deleted.retain(|_, at| crate::core::model::timestamp::parse_millis(at).is_none_or(|at| at >= cutoff));
    }

    /// Applies `change` to annotation `id`, which says whether it changed anything.
    fn edit(&mut self, id: &str, now: &str, change: impl FnOnce(&mut Annotation) -> bool) -> Option<Change> {
        let (document_id, found) = self.find(id)?;
        let (document_id, mut annotation) = (document_id.to_owned(), found.clone());
        if !change(&mut annotation) {
            return None;
        }
        annotation.updated_at = now.into();
        // Relabelling changes the text order, so the annotation goes back in through `put`.
        self.put(&document_id, annotation)
    }
}

/// Sets `field` to `value`; false when it held that already.
fn replace(field: &mut String, value: &str) -> bool {
    if field == value {
        return false;
    }
    value.clone_into(field);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::bare as annotation;

    #[test]
    fn a_list_read_grows_by_a_sixteenth_not_to_double() {
        let mut workspace = Workspace::default();
        for n in 0..5_000 {
            workspace.put("d", annotation(&format!("a{n}"), "claim", n, n + 1));
        }
        let read: Workspace = serde_json::from_str(&serde_json::to_string(&workspace).unwrap()).unwrap();
        let list = &read.documents["d"];
        assert_eq!(*list, workspace.documents["d"]);
        assert!(list.capacity() <= list.len() + room_to_grow(list.len()), "capacity {} for {}", list.capacity(), list.len());
    }

    #[test]
    fn links_join_two_annotations_here_once_with_the_relation_of_the_label() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("claim", "claim", 0, 4));
        workspace.put("e", annotation("denial", "denial", 5, 9));
        assert!(workspace.link("denial", "missing", None, "t1").is_none(), "only to an annotation here");
        assert!(workspace.link("denial", "denial", None, "t1").is_none(), "not to itself");
        let change = workspace.link("denial", "claim", Some(Relation::Supports), "t1").expect("across documents");
        assert_eq!(change.after.unwrap().links, [Link { to: "claim".into(), relation: Relation::Denies }], "a denial only denies");
        assert!(workspace.link("denial", "claim", None, "t2").is_none(), "once");
        workspace.relabel("denial", "sanction", "t3");
        assert_eq!(workspace.find("denial").unwrap().1.links[0].relation, Relation::Answers, "the relation follows the label");
        assert!(workspace.unlink("denial", "claim", "t4").is_some());
        assert!(workspace.find("denial").unwrap().1.links.is_empty());
        assert!(workspace.unlink("denial", "claim", "t5").is_none());
    }

    #[test]
    fn evidence_supports_or_contradicts_and_keeps_its_relation_while_it_may() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("claim", "claim", 0, 4));
        workspace.put("d", annotation("evidence", "evidence", 5, 9));
        workspace.link("evidence", "claim", None, "t1").unwrap();
        assert_eq!(workspace.find("evidence").unwrap().1.links[0].relation, Relation::Supports, "evidence supports unless told");
        let change = workspace.link("evidence", "claim", Some(Relation::Contradicts), "t2").expect("the relation changes");
        assert_eq!(change.after.unwrap().links, [Link { to: "claim".into(), relation: Relation::Contradicts }]);
        assert!(workspace.link("evidence", "claim", Some(Relation::Contradicts), "t3").is_none());
        workspace.relabel("evidence", "evidence", "t4");
        assert_eq!(workspace.find("evidence").unwrap().1.links[0].relation, Relation::Contradicts);
        workspace.relabel("evidence", "denial", "t5");
        assert_eq!(workspace.find("evidence").unwrap().1.links[0].relation, Relation::Denies);
    }

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
    fn the_source_and_sureness_are_edits_like_any_other() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("a", "claim", 0, 4));
        let change = workspace.set_source("a", " anonymous official ", false, true, "t1").unwrap();
        let after = change.after.unwrap();
        assert_eq!((after.source_kind.as_str(), after.on_the_record, after.in_a_position_to_know), ("anonymous official", false, true));
        assert_eq!(after.updated_at, "t1");
        assert_eq!(workspace.set_source("a", "anonymous official", false, true, "t2"), None, "nothing changed");
        assert!(workspace.set_source("a", "anonymous official", true, true, "t2").is_some(), "a check alone is a change");
        assert!(workspace.set_unsure("a", true, "t3").unwrap().after.unwrap().unsure);
        assert_eq!(workspace.set_unsure("a", true, "t4"), None);
        assert!(!workspace.set_unsure("a", false, "t5").unwrap().after.unwrap().unsure);
    }

    #[test]
    fn edits_touch_updated_at_and_keep_order() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("a", "sanction", 0, 4));
        workspace.put("d", annotation("b", "denial", 0, 4));
        assert!(workspace.relabel("a", "claim", "t1").is_some());
        assert!(workspace.set_note("b", "<b>bold?</b>", "t2").is_some());
        assert!(workspace.set_attribution("b", "Iran’s foreign minister", "t2").is_some());
        assert!(workspace.relabel("zzz", "claim", "t3").is_none());
        assert!(workspace.relabel("a", "claim", "t3").is_none(), "the same label again changes nothing");
        let list = workspace.annotations("d");
        assert_eq!((list[0].id.as_str(), list[0].updated_at.to_string().as_str()), ("a", "t1"));
        assert_eq!((list[1].note.as_str(), list[1].updated_at.to_string().as_str()), ("<b>bold?</b>", "t2"));
        assert_eq!(list[1].attributed_to, "Iran’s foreign minister");
        assert_eq!(list[1].created_at, "t0");
    }

    #[test]
    fn put_replaces_by_id_and_delete_removes() {
        let mut workspace = Workspace::default();
        workspace.put("d", annotation("a", "claim", 0, 4));
        workspace.put("d", annotation("a", "denial", 2, 6));
        assert_eq!(workspace.annotations("d").len(), 1);
        assert_eq!(workspace.delete("a", "t1").and_then(|c| c.before).map(|a| a.label), Some("denial".into()));
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
        assert!(workspace.rename_document(&id, "  Meeting notes ", "t1").is_some());
        assert!(workspace.rename_document(&id, "   ", "t2").is_none(), "a title is never blank");
        assert!(workspace.rename_document(&id, "Meeting notes", "t2").is_none(), "no change");
        assert_eq!(workspace.record(&id).map(|r| (r.title.as_str(), r.updated_at.as_str())), Some(("Meeting notes", "t1")));
        let removed = workspace.remove_document(&id, "t3");
        assert_eq!((removed.annotations.len(), removed.documents.len()), (1, 1));
        assert!(workspace.remove_document(&id, "t4").is_empty());
        assert!(workspace.documents.is_empty() && workspace.added_documents.is_empty());
        let deleted: Vec<(&str, &str)> = workspace.deleted.iter().map(|(id, at)| (id.as_str(), at.as_str())).collect();
        assert_eq!(deleted, [("a", "t3"), (id.as_str(), "t3")]);
    }
}
