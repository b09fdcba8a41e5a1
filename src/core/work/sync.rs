//! Several tabs share one saved state. Each tab works on its own copy of the work; when another
//! tab has saved, the two copies are joined, annotation by annotation and document by document,
//! keeping whichever change to each was made last. A deletion is such a change too (it is kept
//! in `Workspace::deleted`), so a tab that has not heard of it cannot bring the annotation back,
//! and a tab that has not heard of a new annotation cannot drop it.
//!
//! `join` is commutative, associative and idempotent, so tabs that exchange their copies in any
//! order, any number of times, end with the same work.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use crate::core::model::annotation::{sort_in_text_order, Annotation};
use crate::core::model::own_document::DocumentRecord;
use crate::core::model::timestamp;
use crate::core::text::order;
use crate::core::work::workspace::Workspace;

/// One copy's last word on an annotation or a document.
#[derive(Clone, Copy)]
enum Version<'a, T> {
    Present(T),
    Deleted(&'a str),
}

/// What makes one version of a thing newer than another.
trait Stamped {
    /// The instant of its last change, if it names one.
    fn changed_at(&self) -> Option<i64>;
    /// Orders two versions stamped with the same instant, so that every tab picks the same one.
    fn tie_break(&self, other: &Self) -> Ordering;
}

impl Stamped for (&str, &Annotation) {
    fn changed_at(&self) -> Option<i64> {
        self.1.updated_at.millis()
    }
    fn tie_break(&self, other: &Self) -> Ordering {
        fn key<'a>((document, a): &(&'a str, &'a Annotation)) -> impl Ord + 'a {
            let a_text = (a.quote.as_str(), a.note.as_str(), a.attributed_to.as_str(), &a.created_at, &a.updated_at);
            (*document, a.text_order(), a_text, &a.links)
        }
        key(self).cmp(&key(other))
    }
}

impl Stamped for &DocumentRecord {
    fn changed_at(&self) -> Option<i64> {
        timestamp::parse_millis(DocumentRecord::changed_at(self))
    }
    fn tie_break(&self, other: &Self) -> Ordering {
        let key = |r: &DocumentRecord| (r.title.clone(), r.file_name.clone(), r.added_at.clone(), r.updated_at.clone());
        key(self).cmp(&key(other))
    }
}

impl<T: Stamped> Version<'_, T> {
    /// Later changes win; at the same instant a deletion wins, then the tie-break decides.
    fn newer_than(&self, other: &Self) -> bool {
        let millis = |v: &Self| match v {
            Version::Present(t) => t.changed_at(),
            Version::Deleted(at) => timestamp::parse_millis(at),
        };
        let by_time = millis(self).cmp(&millis(other));
        let ordering = by_time.then_with(|| match (self, other) {
            (Version::Deleted(a), Version::Deleted(b)) => a.cmp(b),
            (Version::Deleted(_), Version::Present(_)) => Ordering::Greater,
            (Version::Present(_), Version::Deleted(_)) => Ordering::Less,
            (Version::Present(a), Version::Present(b)) => a.tie_break(b),
        });
        ordering == Ordering::Greater
    }
}

/// Keeps, for each id, the newer of the version already kept and `version`.
fn keep_newer<'a, T: Stamped>(kept: &mut HashMap<&'a str, Version<'a, T>>, id: &'a str, version: Version<'a, T>) {
    match kept.get(id) {
        Some(old) if !version.newer_than(old) => {}
        _ => {
            kept.insert(id, version);
        }
    }
}

/// The work of both copies, each annotation and added document as its latest change left it.
pub fn join(ours: &Workspace, theirs: &Workspace) -> Workspace {
    if ours == theirs {
        return ours.clone();
    }
    let mut annotations: HashMap<&str, Version<(&str, &Annotation)>> = HashMap::new();
    let mut records: HashMap<&str, Version<&DocumentRecord>> = HashMap::new();
    for copy in [ours, theirs] {
        for (document, list) in &copy.documents {
            for annotation in list {
                keep_newer(&mut annotations, &annotation.id, Version::Present((document.as_str(), annotation)));
            }
        }
        for record in &copy.added_documents {
            keep_newer(&mut records, &record.id, Version::Present(record));
        }
    }
    // Each document's newest record, should its deletion lose to work done in it meanwhile.
    let newest_records = records.clone();
    // A deletion is of a record or of an annotation: whichever a copy knows the id as.
    for copy in [ours, theirs] {
        for (id, at) in &copy.deleted {
            if records.contains_key(id.as_str()) {
                keep_newer(&mut records, id, Version::Deleted(at));
            } else {
                keep_newer(&mut annotations, id, Version::Deleted(at));
            }
        }
    }
    let mut joined = Workspace::default();
    let mut by_document: BTreeMap<&str, Vec<Annotation>> = BTreeMap::new();
    for (id, version) in annotations {
        match version {
            Version::Present((document, annotation)) => by_document.entry(document).or_default().push(annotation.clone()),
            Version::Deleted(at) => {
                joined.deleted.insert(id.to_owned(), at.to_owned());
            }
        }
    }
    for (document, mut list) in by_document {
        sort_in_text_order(&mut list);
        joined.documents.insert(document.to_owned(), list);
    }
    for (id, version) in records {
        match (version, newest_records.get(id).copied()) {
            // A tab that had not heard of the deletion annotated the document: it comes back
            // with that work rather than leave annotations no document shows.
            (Version::Present(record), _) | (Version::Deleted(_), Some(Version::Present(record))) if joined.documents.contains_key(id) => {
                joined.added_documents.push(record.clone());
            }
            (Version::Present(record), _) => joined.added_documents.push(record.clone()),
            (Version::Deleted(at), _) => {
                joined.deleted.insert(id.to_owned(), at.to_owned());
            }
        }
    }
    // In the order they were added, the same in every tab.
    order::sort_stably_by(&mut joined.added_documents, |a, b| {
        (timestamp::parse_millis(&a.added_at), &a.id).cmp(&(timestamp::parse_millis(&b.added_at), &b.id))
    });
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::bare;

    const T1: &str = "2026-11-23T10:00:01.000Z";
    const T2: &str = "2026-11-23T10:00:02.000Z";
    const T3: &str = "2026-11-23T10:00:03.000Z";

    fn stamped(id: &str, label: &str, at: &str) -> Annotation {
        Annotation { updated_at: at.into(), ..bare(id, label, 0, 4) }
    }

    fn both_ways(a: &Workspace, b: &Workspace) -> Workspace {
        let joined = join(a, b);
        assert_eq!(joined, join(b, a), "the order of the copies does not matter");
        assert_eq!(join(&joined, a), joined, "joining again changes nothing");
        joined
    }

    #[test]
    fn annotations_made_in_either_tab_are_kept() {
        let (mut a, mut b) = (Workspace::default(), Workspace::default());
        a.put("d", stamped("x", "claim", T1));
        b.put("d", stamped("y", "denial", T2));
        b.put("e", stamped("z", "claim", T2));
        let joined = both_ways(&a, &b);
        let ids: Vec<&str> = joined.annotations("d").iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x", "y"], "in text order");
        assert_eq!(joined.annotations("e").len(), 1);
    }

    #[test]
    fn the_later_edit_of_one_annotation_wins() {
        let (mut a, mut b) = (Workspace::default(), Workspace::default());
        a.put("d", stamped("x", "claim", T1));
        b.put("d", stamped("x", "denial", T2));
        assert_eq!(both_ways(&a, &b).find("x").unwrap().1.label, "denial");
        a.put("d", stamped("x", "sanction", T3));
        assert_eq!(both_ways(&a, &b).find("x").unwrap().1.label, "sanction");
    }

    #[test]
    fn a_stale_tab_cannot_bring_back_a_deleted_annotation_nor_drop_a_new_one() {
        let mut stale = Workspace::default();
        stale.put("d", stamped("x", "claim", T1));
        let mut current = stale.clone();
        current.delete("x", T2);
        current.put("d", stamped("y", "claim", T2));
        let joined = both_ways(&stale, &current);
        assert!(joined.find("x").is_none(), "deleted stays deleted");
        assert_eq!(joined.deleted.get("x").map(String::as_str), Some(T2));
        assert!(joined.find("y").is_some(), "added stays added");
    }

    #[test]
    fn an_edit_after_a_deletion_brings_the_annotation_back() {
        let mut a = Workspace::default();
        a.put("d", stamped("x", "claim", T1));
        let mut b = a.clone();
        a.delete("x", T2);
        b.put("d", stamped("x", "denial", T3));
        let joined = both_ways(&a, &b);
        assert_eq!(joined.find("x").unwrap().1.label, "denial");
        assert!(joined.deleted.is_empty());
    }

    #[test]
    fn documents_join_like_annotations() {
        let mut a = Workspace::default();
        let record = DocumentRecord::of("Mine\ntext", None, None, T1);
        a.put_record(record.clone());
        let mut b = a.clone();
        b.rename_document(&record.id, "Renamed", T2);
        assert_eq!(both_ways(&a, &b).record(&record.id).unwrap().title, "Renamed");
        a.remove_document(&record.id, T3);
        let joined = both_ways(&a, &b);
        assert!(joined.added_documents.is_empty());
        assert_eq!(joined.deleted.get(&record.id).map(String::as_str), Some(T3));
        let other = DocumentRecord::of("Other", None, None, T2);
        b.put_record(other.clone());
        let ids: Vec<String> = both_ways(&a, &b).added_documents.iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids, [other.id], "only the live one");
    }

    #[test]
    fn a_document_annotated_in_a_tab_that_missed_its_deletion_comes_back_with_that_work() {
        let mut a = Workspace::default();
        let record = DocumentRecord::of("Mine\ntext", None, None, T1);
        a.put_record(record.clone());
        a.put(&record.id, stamped("x", "claim", T1));
        let mut stale = a.clone();
        a.remove_document(&record.id, T2);
        stale.put(&record.id, stamped("y", "denial", T3));
        let joined = both_ways(&a, &stale);
        assert_eq!(joined.record(&record.id), Some(&record), "the document is back");
        let ids: Vec<&str> = joined.annotations(&record.id).iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["y"], "with the work done in it, not with what the deletion took");
        assert_eq!(joined.deleted.keys().collect::<Vec<_>>(), ["x"]);
        let mut untouched = stale.clone();
        untouched.documents.clear();
        let mut deleting = untouched.clone();
        deleting.remove_document(&record.id, T2);
        assert!(both_ways(&deleting, &untouched).added_documents.is_empty(), "a deletion nobody worked past stays");
    }

    #[test]
    fn same_instant_with_another_notation_picks_the_same_version_in_every_tab() {
        let (mut a, mut b) = (Workspace::default(), Workspace::default());
        a.put("d", stamped("x", "claim", "2026-11-23T10:00:01Z"));
        b.put("d", stamped("x", "claim", T1));
        both_ways(&a, &b);
    }

    #[test]
    fn same_instant_picks_the_same_version_in_every_tab() {
        let (mut a, mut b) = (Workspace::default(), Workspace::default());
        a.put("d", stamped("x", "claim", T1));
        b.put("d", stamped("x", "denial", T1));
        both_ways(&a, &b);
        b.delete("x", T1);
        assert!(both_ways(&a, &b).find("x").is_none(), "a deletion at the same instant wins");
    }
}
