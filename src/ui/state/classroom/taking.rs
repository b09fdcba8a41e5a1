//! What a student does in the classroom: opens an assignment, works on it, hands it in, checks it
//! against the key, and reads the comments that come back.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::Classroom;
use crate::core::classroom::assignment::{self, Assignment, KeyCopy, Layer, LocalIds, Sealed};
use crate::core::classroom::hand_in::{self, HandIn};
use crate::core::classroom::record::Taking;
use crate::core::model::annotation::Annotation;
use crate::core::text::order;
use crate::ui::state::view::Message;
use crate::ui::{browser, browser::seal};

impl Classroom {
    /// Takes an assignment file a student opened, and enters it.
    pub fn take(&self, file_name: &str, contents: &str) {
        let assignment = match assignment::read(contents) {
            Ok(assignment) => assignment,
            Err(problem) => {
                self.view.say(Message::alert(format!("“{file_name}” could not be opened as an assignment: {problem}.")));
                return;
            }
        };
        let bundled = self.texts.all_bundled();
        let taken_before = self.saved.with_untracked(|saved| saved.taking(&assignment.id).map(|t| t.assignment.documents.clone()));
        let local_ids = LocalIds::of(&assignment, &bundled, taken_before.as_deref().unwrap_or_default());
        let assignment = local_ids.assignment_in_ours(assignment);
        let documents: Result<Vec<_>, String> = assignment.documents.iter().map(|d| d.document(&bundled)).collect();
        let documents = match documents {
            Ok(documents) => documents,
            Err(problem) => {
                self.view.say(Message::alert(format!("“{file_name}” could not be opened as an assignment: {problem}.")));
                return;
            }
        };
        self.texts.hold(documents.into_iter().filter(|d| d.source.is_none()).map(Arc::new).collect());
        let (id, title) = (assignment.id.clone(), assignment.title.clone());
        let now = browser::now();
        let new = self.saved.try_update(|saved| saved.take(assignment, local_ids, &now)).unwrap_or(true);
        self.work_on(&id);
        let text = if new {
            format!("Opened the assignment “{title}”.")
        } else {
            format!("Opened the assignment “{title}” again; your work on it is kept.")
        };
        self.view.say(Message::status(text));
    }

    /// Changes the student's side of assignment `id`, stamped now (by which tabs join it).
    fn edit_taking(&self, id: &str, edit: impl FnOnce(&mut Taking)) {
        let now = browser::now();
        self.saved.update(|saved| {
            if let Some(taking) = saved.taking_mut(id) {
                edit(taking);
                taking.updated_at = now;
            }
        });
    }

    /// Sets the student's name on assignment `id`.
    pub fn set_student(&self, id: &str, name: &str) {
        self.edit_taking(id, |taking| name.trim().clone_into(&mut taking.student));
    }

    /// The kind of text the student chose for `document` in assignment `id`.
    pub fn set_kind(&self, id: &str, document: &str, kind: &str) {
        self.edit_taking(id, |taking| match kind.trim() {
            "" => drop(taking.kinds.remove(document)),
            kind => drop(taking.kinds.insert(document.to_owned(), kind.to_owned())),
        });
    }

    /// The student's annotations on assignment `assignment`, by document id.
    pub(super) fn student_work(&self, assignment: &Assignment) -> BTreeMap<String, Vec<Annotation>> {
        let layer = Layer::Student(assignment.id.clone());
        self.work.workspace.with_untracked(|w| {
            order::map_of(assignment.documents.iter().map(|d| (d.id.clone(), w.annotations(&layer.document_key(&d.id)).to_vec())))
        })
    }

    /// Downloads the student's work on assignment `id` to hand in.
    pub fn hand_in(&self, id: &str) -> bool {
        let Some(taking) = self.saved.with_untracked(|saved| saved.taking(id).cloned()) else { return false };
        if taking.student.trim().is_empty() {
            self.view.say(Message::alert("Write your name before you hand in: your teacher needs to know whose work it is."));
            return false;
        }
        let missing = self.missing_attributions(&taking.assignment);
        let now = browser::now();
        let mut work = HandIn::of(&taking.assignment, &taking.student, &self.student_work(&taking.assignment), &taking.kinds, &now)
            .in_file_ids(&taking.local_ids);
        work.key_seen_at = taking.key_seen_at.clone();
        let name = work.file_name();
        if !self.view.offer_download(&name, "application/json", work.to_json().as_bytes(), "Your work") {
            return false;
        }
        self.edit_taking(id, |taking| {
            taking.handed_in_at = Some(now.clone());
            if let KeyCopy::Open { annotations, kinds } = &taking.assignment.key {
                taking.key = Some(annotations.clone());
                taking.key_kinds = kinds.clone();
            }
        });
        let mut text = format!("Handed in: {} annotations saved to {name}. Give that file to your teacher.", work.count());
        if !missing.is_empty() {
            text.push_str(&format!(" {} of them say nobody as “Attributed to”, which this assignment asks for.", missing.len()));
        }
        self.view.say(Message::status(text));
        true
    }

    /// The student's annotations whose label needs an attribution that they lack, with their
    /// documents, in the assignment's order of documents and then of the text.
    fn missing_attributions(&self, assignment: &Assignment) -> Vec<(String, Annotation)> {
        let mut work = self.student_work(assignment);
        assignment
            .documents
            .iter()
            .flat_map(|d| work.remove(&d.id).unwrap_or_default().into_iter().map(move |a| (d.id.clone(), a)))
            .filter(|(_, a)| assignment.requires_attribution(&a.label) && a.attributed_to.trim().is_empty())
            .collect()
    }

    /// The annotations of assignment `id` that lack an attribution it asks for, tracked.
    pub fn lacking_attribution(&self, id: &str) -> Vec<(String, Annotation)> {
        self.work.workspace.track();
        let assignment = self.saved.with(|saved| saved.taking(id).map(|t| t.assignment.clone()));
        assignment.map(|a| self.missing_attributions(&a)).unwrap_or_default()
    }

    /// Opens the key of assignment `id` for its feedback, with `passphrase` if it is locked.
    pub async fn check(&self, id: &str, passphrase: &str) {
        let Some(taking) = self.saved.with_untracked(|saved| saved.taking(id).cloned()) else { return };
        if taking.handed_in_at.is_none() {
            self.view.say(Message::alert("Hand in first: then you can check your work against the key."));
            return;
        }
        let (key, kinds) = match (&taking.key, &taking.assignment.key) {
            (Some(key), _) => (key.clone(), taking.key_kinds.clone()),
            (None, KeyCopy::Open { annotations, kinds }) => (annotations.clone(), kinds.clone()),
            (None, KeyCopy::Locked { sealed }) => {
                let Some(opened) = self.open_key(passphrase, sealed).await else { return };
                match opened {
                    Ok(json) => match assignment::read_key_plaintext(&json) {
                        Some((key, kinds)) => (taking.local_ids.in_ours(key), taking.local_ids.in_ours(kinds)),
                        None => {
                            self.view.say(Message::alert("The key opened, but it is not a key of annotations: the file was changed."));
                            return;
                        }
                    },
                    Err(problem) => {
                        self.view.say(Message::alert(format!("The key stays locked: {problem}. Ask your teacher for the passphrase.")));
                        return;
                    }
                }
            }
            (None, KeyCopy::Kept) => {
                self.view.say(Message::alert("This assignment came without its key: your teacher checks your work."));
                return;
            }
        };
        let now = browser::now();
        self.edit_taking(id, |taking| {
            taking.key = Some(key);
            taking.key_kinds = kinds;
            taking.key_seen_at.get_or_insert(now);
        });
        self.feedback_open.set(true);
        self.view.say(Message::status("Your work is compared with the key: see Feedback."));
    }

    /// Whether a locked key is being opened, tracked.
    pub fn opening_key(&self) -> bool {
        self.opening_key.get()
    }

    /// Stops opening a locked key: its result, when it comes, is let go.
    pub fn cancel_opening_key(&self) {
        self.key_attempts.update_value(|n| *n += 1);
        self.opening_key.set(false);
        self.view.say(Message::status("Check my work was cancelled: the key stays locked."));
    }

    /// Opens `sealed` with `passphrase`; `None` when the attempt was cancelled (or outrun by
    /// another) while the key was derived.
    async fn open_key(&self, passphrase: &str, sealed: &Sealed) -> Option<Result<String, String>> {
        self.key_attempts.update_value(|n| *n += 1);
        let attempt = self.key_attempts.get_value();
        self.opening_key.set(true);
        let opened = seal::open(passphrase, sealed).await;
        if self.key_attempts.try_get_value() != Some(attempt) {
            return None;
        }
        self.opening_key.set(false);
        Some(opened)
    }

    /// Takes comments a teacher returned, onto the assignment they are for.
    pub fn take_return(&self, file_name: &str, contents: &str) {
        let opened: Vec<(String, String)> =
            self.saved.with_untracked(|saved| saved.taking.iter().map(|t| (t.assignment.id.clone(), t.student.clone())).collect());
        match hand_in::read_return(contents, &opened) {
            Ok(back) => {
                let ids = self.saved.with_untracked(|saved| saved.taking(&back.assignment_id).map(|t| t.local_ids.clone()));
                let back = back.in_our_ids(&ids.unwrap_or_default());
                let (assignment_id, count) = (back.assignment_id.clone(), back.comments.len());
                self.edit_taking(&assignment_id, |taking| taking.comments = back.comments);
                self.work_on(&assignment_id);
                self.view.say(Message::status(format!("Your teacher's {count} comments are shown with your work.")));
            }
            Err(problem) => self.view.say(Message::alert(format!("“{file_name}” could not be read: {problem}."))),
        }
    }
}
