//! Undo and redo. Every change to the work is recorded as the annotations it touched, before
//! and after, so that undoing puts back exactly what was there and redo can always bring the
//! undone change back. The history is bounded and saved with the work.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::model::annotation::Annotation;
use crate::core::model::own_document::DocumentRecord;
use crate::core::text::order;
use crate::core::work::workspace::{Change, Changes, RecordChange, Workspace};

/// How many steps are kept; older ones are forgotten first.
pub const LIMIT: usize = 200;

/// What one action of the reader did, with the words that describe it ("Claim added").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub description: String,
    /// The annotations it changed.
    pub changes: Vec<Change>,
    /// The added documents it changed; absent from steps saved before documents could be added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<RecordChange>,
}

impl Step {
    /// The id of the one thing this step changed, if it changed only one.
    fn only_subject(&self) -> Option<&str> {
        match (self.changes.as_slice(), self.documents.as_slice()) {
            ([one], []) => one.after.as_ref().or(one.before.as_ref()).map(|a| a.id.as_str()),
            ([], [one]) => one.after.as_ref().or(one.before.as_ref()).map(|r| r.id.as_str()),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

impl History {
    /// Remembers a step just taken; it makes whatever was undone before it unreachable.
    pub fn record(&mut self, description: &str, changes: Changes) {
        if changes.is_empty() {
            return;
        }
        let Changes { annotations, documents } = changes;
        self.undo.push(Step { description: description.to_owned(), changes: annotations, documents });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Like `record`, but a step that continues the latest one (the same description, touching
    /// the same single annotation or document, as the keystrokes of one note or title do) joins
    /// it, so one undo takes back the whole edit.
    pub fn record_continuing(&mut self, description: &str, changes: Changes) {
        let Changes { annotations, documents } = changes;
        let step = Step { description: description.to_owned(), changes: annotations, documents };
        let continues = |last: &Step| {
            last.description == step.description && last.only_subject().is_some() && last.only_subject() == step.only_subject()
        };
        match self.undo.last_mut() {
            Some(last) if self.redo.is_empty() && continues(last) => {
                if let (Some(last), Some(new)) = (last.changes.first_mut(), step.changes.into_iter().next()) {
                    last.after = new.after;
                }
                if let (Some(last), Some(new)) = (last.documents.first_mut(), step.documents.into_iter().next()) {
                    last.after = new.after;
                }
            }
            _ => self.record(description, Changes { annotations: step.changes, documents: step.documents }),
        }
    }

    /// The added documents any step still refers to: their texts must be kept while undo or
    /// redo can bring them back.
    pub fn documents(&self) -> impl Iterator<Item = &str> {
        let steps = self.undo.iter().chain(&self.redo);
        steps.flat_map(|s| &s.documents).flat_map(|c| c.before.iter().chain(&c.after)).map(|r| r.id.as_str())
    }

    /// Takes back the latest step; returns its description, or `None` when there is nothing to undo.
    /// What it brings back is stamped `now`: taking a change back is itself a change, and must
    /// win over the older copies other tabs hold.
    pub fn undo(&mut self, workspace: &mut Workspace, now: &str) -> Option<String> {
        let step = self.undo.pop()?;
        // Records first, so that annotations come back to a document that exists.
        for change in step.documents.iter().rev() {
            put_record(workspace, change.after.as_ref(), change.before.as_ref(), now);
        }
        for change in step.changes.iter().rev() {
            put_state(workspace, &change.document, change.after.as_ref(), change.before.as_ref(), now);
        }
        let description = step.description.clone();
        self.redo.push(step);
        Some(description)
    }

    /// Does again the latest undone step, stamped `now` as `undo` is.
    pub fn redo(&mut self, workspace: &mut Workspace, now: &str) -> Option<String> {
        let step = self.redo.pop()?;
        for change in &step.documents {
            put_record(workspace, change.before.as_ref(), change.after.as_ref(), now);
        }
        for change in &step.changes {
            put_state(workspace, &change.document, change.before.as_ref(), change.after.as_ref(), now);
        }
        let description = step.description.clone();
        self.undo.push(step);
        Some(description)
    }
}

/// The added documents whose texts are still needed: those of the work, of its history, and of
/// recent deletions (another tab may still bring one back, see `core::work::sync`).
pub fn texts_in_use(workspace: &Workspace, history: &History) -> BTreeSet<String> {
    let in_work = workspace.added_documents.iter().map(|r| r.id.as_str());
    order::set_of(in_work.chain(history.documents()).chain(workspace.deleted.keys().map(String::as_str)).map(str::to_owned))
}

/// Replaces the record `from` (or nothing) by `to` (or nothing), as of `now`.
fn put_record(workspace: &mut Workspace, from: Option<&DocumentRecord>, to: Option<&DocumentRecord>, now: &str) {
    match (from, to) {
        (_, Some(to)) => {
            workspace.put_record(DocumentRecord { updated_at: now.to_owned(), ..to.clone() });
        }
        (Some(from), None) => {
            workspace.added_documents.retain(|r| r.id != from.id);
            workspace.deleted.insert(from.id.clone(), now.to_owned());
        }
        (None, None) => {}
    }
}

/// Replaces the annotation `from` (or nothing) in `document` by `to` (or nothing), as of `now`.
fn put_state(workspace: &mut Workspace, document: &str, from: Option<&Annotation>, to: Option<&Annotation>, now: &str) {
    if let Some(from) = from {
        workspace.delete(&from.id, now);
    }
    if let Some(to) = to {
        workspace.put(document, Annotation { updated_at: now.into(), ..to.clone() });
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::model::annotation::bare;
    use crate::core::model::own_document::DocumentRecord;
    use crate::core::model::timestamp::Stamp;

    /// The annotations and added documents that differ between `before` and `after`.
    fn diff(before: &Workspace, after: &Workspace) -> Changes {
        Changes { annotations: diff_annotations(before, after), documents: diff_records(&before.added_documents, &after.added_documents) }
    }

    fn diff_records(before: &[DocumentRecord], after: &[DocumentRecord]) -> Vec<RecordChange> {
        let find = |list: &[DocumentRecord], id: &str| list.iter().find(|r| r.id == id).cloned();
        let mut changes: Vec<RecordChange> = before
            .iter()
            .filter(|old| find(after, &old.id).as_ref() != Some(*old))
            .map(|old| RecordChange { before: Some(old.clone()), after: find(after, &old.id) })
            .collect();
        changes.extend(
            after.iter().filter(|new| find(before, &new.id).is_none()).map(|new| RecordChange { before: None, after: Some(new.clone()) }),
        );
        changes
    }

    fn diff_annotations<'a>(before: &'a Workspace, after: &'a Workspace) -> Vec<Change> {
        // Only documents whose lists differ are looked into: one edit of a long document compares
        // its list, but copies nothing else.
        let changed: Vec<&String> =
            before.documents.keys().chain(after.documents.keys()).filter(|d| before.documents.get(*d) != after.documents.get(*d)).collect();
        let index = |workspace: &'a Workspace| -> BTreeMap<&'a str, (&'a String, &'a Annotation)> {
            changed
                .iter()
                .filter_map(|d| workspace.documents.get_key_value(*d))
                .flat_map(|(document, list)| list.iter().map(move |a| (a.id.as_str(), (document, a))))
                .collect()
        };
        let (old, new) = (index(before), index(after));
        let mut changes = Vec::new();
        for (id, &(document, annotation)) in &old {
            match new.get(id) {
                Some((_, same)) if *same == annotation => {}
                Some(&(moved_to, changed)) if moved_to == document => {
                    changes.push(Change { document: document.clone(), before: Some(annotation.clone()), after: Some(changed.clone()) })
                }
                Some(_) | None => changes.push(Change { document: document.clone(), before: Some(annotation.clone()), after: None }),
            }
        }
        for (id, &(document, annotation)) in &new {
            let existed_here = old.get(id).is_some_and(|&(was_in, _)| was_in == document);
            if !existed_here {
                changes.push(Change { document: document.clone(), before: None, after: Some(annotation.clone()) });
            }
        }
        changes
    }

    const NOW: &str = "2026-11-23T10:00:00.000Z";

    /// The work without the times of its changes: what undo must restore exactly.
    fn content(workspace: &Workspace) -> Workspace {
        let mut plain = workspace.clone();
        plain.deleted.clear();
        plain.documents.values_mut().flatten().for_each(|a| a.updated_at = Stamp::default());
        plain.added_documents.iter_mut().for_each(|r| r.updated_at.clear());
        plain
    }

    #[test]
    fn what_undo_and_redo_bring_back_or_take_away_is_stamped_now() {
        let (mut history, mut workspace) = (History::default(), Workspace::default());
        step(&mut history, &mut workspace, "Claim added", |w| w.put("d", bare("a", "claim", 0, 4)));
        step(&mut history, &mut workspace, "Annotation deleted", |w| w.delete("a", "t1"));
        history.undo(&mut workspace, NOW);
        assert_eq!(workspace.find("a").map(|(_, a)| a.updated_at.clone()), Some(NOW.into()));
        assert!(workspace.deleted.is_empty());
        history.undo(&mut workspace, NOW);
        assert_eq!(workspace.deleted.get("a").map(String::as_str), Some(NOW), "an undone creation is a deletion");
    }

    fn step<C>(history: &mut History, workspace: &mut Workspace, description: &str, edit: impl FnOnce(&mut Workspace) -> C)
    where
        C: Into<Changes>,
    {
        let before = workspace.clone();
        let changes = edit(workspace).into();
        assert_eq!(sorted(changes.clone()), sorted(diff(&before, workspace)), "{description}: the edit says what it changed");
        history.record(description, changes);
    }

    /// Changes in an order of their own, to compare two accounts of one edit.
    fn sorted(mut changes: Changes) -> Changes {
        changes.annotations.sort_by_key(|c| format!("{c:?}"));
        changes.documents.sort_by_key(|c| format!("{c:?}"));
        changes
    }

    #[test]
    fn undo_and_redo_walk_every_kind_of_change() {
        let (mut history, mut workspace) = (History::default(), Workspace::default());
        let mut states = vec![workspace.clone()];
        step(&mut history, &mut workspace, "Claim added", |w| w.put("d", bare("a", "claim", 0, 4)));
        states.push(workspace.clone());
        step(&mut history, &mut workspace, "Label changed", |w| w.relabel("a", "denial", "t1"));
        states.push(workspace.clone());
        step(&mut history, &mut workspace, "Note changed", |w| w.set_note("a", "who says so?", "t2"));
        states.push(workspace.clone());
        step(&mut history, &mut workspace, "Import", |w| w.put_all("e", vec![bare("b", "claim", 1, 2), bare("c", "sanction", 3, 5)]));
        states.push(workspace.clone());
        step(&mut history, &mut workspace, "Annotation deleted", |w| w.delete("a", "t3"));
        states.push(workspace.clone());
        let record = DocumentRecord::of("Mine\n🚀 text", None, None, "t");
        let id = record.id.clone();
        step(&mut history, &mut workspace, "Document added", |w| w.put_record(record));
        states.push(workspace.clone());
        step(&mut history, &mut workspace, "Claim added", |w| w.put(&id, bare("m", "claim", 5, 9)));
        states.push(workspace.clone());
        step(&mut history, &mut workspace, "Document renamed", |w| w.rename_document(&id, "Renamed", "t4"));
        states.push(workspace.clone());
        step(&mut history, &mut workspace, "Document deleted", |w| w.remove_document(&id, "t5"));
        states.push(workspace.clone());

        for expected in states.iter().rev().skip(1) {
            assert!(history.undo(&mut workspace, NOW).is_some());
            assert_eq!(content(&workspace), content(expected));
        }
        assert_eq!(history.undo(&mut workspace, NOW), None);
        for expected in states.iter().skip(1) {
            assert!(history.redo(&mut workspace, NOW).is_some());
            assert_eq!(content(&workspace), content(expected));
        }
        assert_eq!(history.redo(&mut workspace, NOW), None);
    }

    #[test]
    fn a_new_step_after_undo_drops_the_redo_branch() {
        let (mut history, mut workspace) = (History::default(), Workspace::default());
        step(&mut history, &mut workspace, "one", |w| w.put("d", bare("a", "claim", 0, 4)));
        history.undo(&mut workspace, NOW);
        step(&mut history, &mut workspace, "two", |w| w.put("d", bare("b", "claim", 0, 4)));
        assert!(history.redo.is_empty());
        assert_eq!(history.redo(&mut workspace, NOW), None);
    }

    #[test]
    fn keystrokes_of_one_note_are_one_step() {
        let (mut history, mut workspace) = (History::default(), Workspace::default());
        step(&mut history, &mut workspace, "Claim added", |w| w.put("d", bare("a", "claim", 0, 4)));
        let added = workspace.clone();
        for note in ["w", "wh", "who"] {
            history.record_continuing("Note changed", workspace.set_note("a", note, "t1").into());
        }
        assert_eq!(history.undo.len(), 2);
        history.undo(&mut workspace, NOW);
        assert_eq!(content(&workspace), content(&added));
        history.redo(&mut workspace, NOW);
        assert_eq!(workspace.find("a").unwrap().1.note, "who");
    }

    #[test]
    fn typing_a_title_is_one_step() {
        let (mut history, mut workspace) = (History::default(), Workspace::default());
        let record = DocumentRecord::of("Mine", None, None, "t");
        let id = record.id.clone();
        step(&mut history, &mut workspace, "Document added", |w| w.put_record(record));
        let added = workspace.clone();
        for title in ["M", "Mi", "Min"] {
            history.record_continuing("Title changed", workspace.rename_document(&id, title, "t1").into());
        }
        assert_eq!(history.undo.len(), 2);
        history.undo(&mut workspace, NOW);
        assert_eq!(content(&workspace), content(&added));
    }

    #[test]
    fn history_is_bounded_and_unchanged_steps_are_not_kept() {
        let (mut history, mut workspace) = (History::default(), Workspace::default());
        for i in 0..LIMIT + 5 {
            step(&mut history, &mut workspace, "add", |w| w.put("d", bare(&format!("a{i}"), "claim", i, i + 1)));
        }
        step(&mut history, &mut workspace, "nothing", |_| Changes::default());
        assert_eq!(history.undo.len(), LIMIT);
        assert_eq!(history.undo.last().unwrap().description, "add");
    }

    /// Property tests run natively (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        /// One edit of any kind, on a few ids and documents so that edits meet each other. An id
        /// belongs to one document (`id % 3`), as everywhere in the app.
        #[derive(Clone, Debug)]
        enum Edit {
            Put { id: u8, label: u8, start: usize },
            PutAll { document: u8, ids: Vec<u8> },
            Relabel { id: u8, label: u8 },
            Note { id: u8, note: u8 },
            Delete { id: u8 },
            Link { id: u8, to: u8 },
            Unlink { id: u8, to: u8 },
            AddDocument { text: u8 },
            Rename { text: u8, title: u8 },
            RemoveDocument { text: u8 },
        }

        fn edit() -> impl Strategy<Value = Edit> {
            prop_oneof![
                (0..6u8, 0..3u8, 0..20usize).prop_map(|(id, label, start)| Edit::Put { id, label, start }),
                (0..3u8, proptest::collection::vec(0..6u8, 0..4)).prop_map(|(document, ids)| Edit::PutAll { document, ids }),
                (0..6u8, 0..3u8).prop_map(|(id, label)| Edit::Relabel { id, label }),
                (0..6u8, 0..3u8).prop_map(|(id, note)| Edit::Note { id, note }),
                (0..6u8).prop_map(|id| Edit::Delete { id }),
                (0..6u8, 0..6u8).prop_map(|(id, to)| Edit::Link { id, to }),
                (0..6u8, 0..6u8).prop_map(|(id, to)| Edit::Unlink { id, to }),
                (0..2u8).prop_map(|text| Edit::AddDocument { text }),
                (0..2u8, 0..3u8).prop_map(|(text, title)| Edit::Rename { text, title }),
                (0..2u8).prop_map(|text| Edit::RemoveDocument { text }),
            ]
        }

        fn apply(workspace: &mut Workspace, edit: &Edit) -> Changes {
            const LABELS: [&str; 3] = ["claim", "denial", "sanction"];
            let record = |text: u8| DocumentRecord::of(&format!("Text {text}\nbody"), None, None, "t");
            let document = |d: u8| if d < 2 { record(d).id } else { "bundled".to_owned() };
            match edit {
                Edit::Put { id, label, start } => {
                    workspace.put(&document(id % 3), bare(&format!("a{id}"), LABELS[*label as usize], *start, start + 3)).into()
                }
                Edit::PutAll { document: d, ids } => {
                    let mut ids: Vec<u8> = ids.iter().copied().filter(|id| id % 3 == *d).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    let annotations =
                        ids.iter().map(|id| bare(&format!("a{id}"), "claim", usize::from(*id), usize::from(*id) + 2)).collect();
                    workspace.put_all(&document(*d), annotations).into()
                }
                Edit::Relabel { id, label } => workspace.relabel(&format!("a{id}"), LABELS[*label as usize], "t1").into(),
                Edit::Note { id, note } => workspace.set_note(&format!("a{id}"), &note.to_string(), "t1").into(),
                Edit::Delete { id } => workspace.delete(&format!("a{id}"), "t2").into(),
                Edit::Link { id, to } => workspace.link(&format!("a{id}"), &format!("a{to}"), None, "t5").into(),
                Edit::Unlink { id, to } => workspace.unlink(&format!("a{id}"), &format!("a{to}"), "t5").into(),
                Edit::AddDocument { text } => workspace.put_record(record(*text)).into(),
                Edit::Rename { text, title } => workspace.rename_document(&record(*text).id, &format!("Title {title}"), "t3").into(),
                Edit::RemoveDocument { text } => workspace.remove_document(&record(*text).id, "t4"),
            }
        }

        proptest! {
            /// What each edit says it changed is exactly what differs between the work before and
            /// after it, and undoing every step brings back the work as it was.
            #[test]
            fn edits_say_exactly_what_they_changed(edits in proptest::collection::vec(edit(), 1..30)) {
                let (mut history, mut workspace) = (History::default(), Workspace::default());
                let mut states = vec![content(&workspace)];
                for edit in &edits {
                    let before = workspace.clone();
                    let changes = apply(&mut workspace, edit);
                    prop_assert_eq!(sorted(changes.clone()), sorted(diff(&before, &workspace)), "{:?}", edit);
                    if !changes.is_empty() {
                        history.record("edit", changes);
                        states.push(content(&workspace));
                    }
                }
                states.pop();
                // A document brought back by undo is listed last (its place is not recorded).
                let listed_by_id = |mut w: Workspace| {
                    w.added_documents.sort_by(|a, b| a.id.cmp(&b.id));
                    w
                };
                while history.undo(&mut workspace, NOW).is_some() {
                    prop_assert_eq!(Some(listed_by_id(content(&workspace))), states.pop().map(listed_by_id));
                }
            }
        }
    }
}
