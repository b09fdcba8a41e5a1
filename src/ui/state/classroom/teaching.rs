//! What a teacher does in the classroom: prepares an assignment and exports it, collects the
//! class's hand-ins, sees how they fare and agree, comments, and writes the gradebook.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::figures::{ClassGamma, Figures, Results};
use super::Classroom;
use crate::core::classroom::assignment::{self, Assignment, AssignmentDocument, KeyCopy};
use crate::core::classroom::backup::{self, OwnText};
use crate::core::classroom::class_report::{self, ClassReport, MarkedDocument};
use crate::core::classroom::feedback::{self, Sureness};
use crate::core::classroom::figures::{self, ClassAgreement, DisagreementMap};
use crate::core::classroom::gradebook::{self, Line, Scale};
use crate::core::classroom::hand_in::{self, Comment, Return};
use crate::core::classroom::record::{Collected, KeyTravel, Teaching};
use crate::core::measures::links::LinkCounts;
use crate::core::measures::matching::{Evaluation, Scheme};
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::model::id;
use crate::ui::browser::{self, persist, seal};
use crate::ui::state::view::Message;

impl Classroom {
    /// A new assignment, with the open document (or the first article) and the default labels.
    pub fn new_assignment(&self) -> String {
        let (id, now) = (id::uuid_v4(browser::random_bytes()), browser::now());
        let mut assignment = Assignment::new(id.clone(), "Untitled assignment", &now);
        let open = self.view.open.get_untracked().and_then(|open| self.texts.document(&open));
        let first = open.or_else(|| self.texts.all_bundled().into_iter().next());
        assignment.documents.extend(first.map(|d| AssignmentDocument::of(&d)));
        self.saved.update(|saved| saved.teaching.push(Teaching::new(assignment, &now)));
        id
    }

    /// A new assignment titled `title` on `documents`, whose key is `key` (annotations by
    /// document, ids of their own): the key is written as one step of the work.
    pub fn assignment_of(&self, title: &str, documents: &[Arc<Document>], key: BTreeMap<String, Vec<Annotation>>) {
        let (id, now) = (id::uuid_v4(browser::random_bytes()), browser::now());
        let mut assignment = Assignment::new(id.clone(), title, &now);
        assignment.documents = documents.iter().map(|d| AssignmentDocument::of(d)).collect();
        let layer = assignment::Layer::Key(id);
        self.saved.update(|saved| saved.teaching.push(Teaching::new(assignment, &now)));
        let description = format!("The gold made the key of “{title}”");
        self.work.change(&description, false, |w| {
            key.into_iter().flat_map(|(d, list)| w.put_all(&layer.document_key(&d), list)).collect::<Vec<_>>().into()
        });
    }

    /// What the key of assignment `id` holds, per label, tracked.
    pub fn key_summary(&self, id: &str) -> Option<String> {
        let key = self.key_of(id)?;
        self.saved.with(|saved| saved.teaching(id).map(|t| t.assignment.key_summary(&key)))
    }

    /// Changes assignment `id` made here, or how its key travels.
    pub fn edit(&self, id: &str, edit: impl FnOnce(&mut Teaching)) {
        let now = browser::now();
        self.saved.update(|saved| {
            if let Some(teaching) = saved.teaching_mut(id) {
                edit(teaching);
                teaching.updated_at = now;
            }
        });
    }

    /// Adds or removes `document` from assignment `id`.
    pub fn set_document(&self, id: &str, document_id: &str, included: bool) {
        let Some(document) = self.texts.document(document_id) else { return };
        let title = self.work.title(document_id).unwrap_or_else(|| document.title.clone());
        self.edit(id, |teaching| {
            let documents = &mut teaching.assignment.documents;
            documents.retain(|d| d.id != document_id);
            if included {
                documents.push(AssignmentDocument { title, ..AssignmentDocument::of(&document) });
            }
        });
    }

    /// Downloads the student copy of assignment `id`, the key in it as chosen (sealed under
    /// `passphrase` when locked).
    pub async fn export(&self, id: &str, passphrase: &str) {
        let Some(teaching) = self.saved.with_untracked(|saved| saved.teaching(id).cloned()) else { return };
        let assignment = &teaching.assignment;
        if assignment.documents.is_empty() {
            self.view.say(Message::alert("Choose at least one document for the assignment."));
            return;
        }
        let key = self.work.workspace.with_untracked(|w| assignment.key_from(&w.documents));
        let kinds = assignment.key_kinds();
        let key = match teaching.key_travel {
            KeyTravel::Kept => KeyCopy::Kept,
            KeyTravel::Open => KeyCopy::Open { annotations: key, kinds },
            KeyTravel::Locked if passphrase.trim().is_empty() => {
                self.view.say(Message::alert("Write the passphrase that locks the key (you announce it when the class may see the key)."));
                return;
            }
            KeyTravel::Locked => {
                let json = assignment::key_plaintext(&key, &kinds);
                match seal::seal(passphrase, &json).await {
                    Ok(sealed) => KeyCopy::Locked { sealed },
                    Err(problem) => {
                        self.view.say(Message::alert(format!("The key could not be locked: {problem}.")));
                        return;
                    }
                }
            }
        };
        let copy = assignment.student_copy(key);
        let name = copy.file_name();
        if self.view.offer_download(&name, "application/json", copy.to_json().as_bytes(), "The assignment") {
            self.view.say(Message::status(format!("Exported the assignment to {name}.")));
        }
    }

    /// Collects the hand-ins of `files` (name and contents) for assignment `id`.
    pub fn collect(&self, id: &str, files: Vec<(String, Result<String, String>)>) {
        let Some(assignment) = self.saved.with_untracked(|saved| saved.teaching(id).map(|t| t.assignment.clone())) else { return };
        let texts: Vec<_> = assignment.documents.iter().filter_map(|d| self.texts.document(&d.id)).collect();
        let now = browser::now();
        let mut taken = Vec::new();
        let (mut problems, mut refused) = (Vec::new(), 0);
        self.saved.update(|saved| {
            let Some(teaching) = saved.teaching_mut(id) else { return };
            for (name, contents) in files {
                // A file that could not be read is refused in the browser's words; one that was read, in the core's.
                let work =
                    contents.and_then(|contents| hand_in::read_work(&contents, &assignment, &texts).map_err(|refusal| refusal.to_string()));
                match work {
                    Ok((mut work, not_taken)) => {
                        work.collected_at = Some(now.clone());
                        let student = work.student.clone();
                        if !not_taken.is_empty() {
                            let count = not_taken.len();
                            problems.push(format!(
                                "Of {student}'s hand-in (“{name}”), {count} annotations were refused: {}.",
                                not_taken.join("; ")
                            ));
                        }
                        let times = |n: usize| if n == 2 { "twice".to_owned() } else { format!("{n} times") };
                        match teaching.collect(work) {
                            Collected::New => taken.push(student),
                            Collected::Round { hand_ins, counts: true } => problems.push(format!(
                                "{student} handed in {}: the newest (“{name}”) counts, and every other is kept (choose in Class results).",
                                times(hand_ins)
                            )),
                            Collected::Round { hand_ins, counts: false } => problems.push(format!(
                                "{student} handed in {}: “{name}” is earlier than the one that counts, and is kept beside it.",
                                times(hand_ins)
                            )),
                            Collected::Again => problems.push(format!("“{name}” was collected before: {student}'s hand-in is here once.")),
                        }
                    }
                    Err(problem) => {
                        refused += 1;
                        problems.push(format!("“{name}” was not taken: {problem}."));
                    }
                }
            }
        });
        if !taken.is_empty() && self.storage_kept.get_untracked() != Some(true) {
            self.keep_storage(true);
        }
        let mut text = format!("Collected {} hand-ins for “{}”.", taken.len(), assignment.title);
        problems.iter().for_each(|p| text.push_str(&format!(" {p}")));
        self.view.say(if refused > 0 && taken.is_empty() { Message::alert(text) } else { Message::status(text) });
    }

    /// How each collected student's sureness matched their accuracy on assignment `id`, and how
    /// their links fared against the key's, by student, tracked: empty without a key.
    pub fn beyond_spans(&self, id: &str) -> Vec<(String, Sureness, LinkCounts, (usize, usize))> {
        let Some(key) = self.key_of(id) else { return Vec::new() };
        self.saved.with(|saved| {
            let Some(teaching) = saved.teaching(id) else { return Vec::new() };
            teaching
                .collected
                .iter()
                .map(|work| {
                    let ids = teaching.assignment.documents.iter().map(|d| d.id.as_str());
                    let keyed: Vec<(&str, &[Annotation])> = ids.clone().map(|d| (d, key.get(d).map_or(&[][..], Vec::as_slice))).collect();
                    let marked: Vec<(&str, &[Annotation])> = ids.map(|d| (d, work.annotations(d))).collect();
                    let pairs: Vec<(&[Annotation], &[Annotation])> = keyed.iter().zip(&marked).map(|(k, m)| (k.1, m.1)).collect();
                    (work.student.clone(), Sureness::of(&pairs), feedback::link_counts(&keyed, &marked), feedback::sources_agreed(&pairs))
                })
                .collect()
        })
    }

    /// Whether the key of assignment `id` gives any kind of source, tracked.
    pub fn key_gives_sources(&self, id: &str) -> bool {
        self.key_of(id).is_some_and(|key| key.values().flatten().any(|a| !a.source_kind.trim().is_empty()))
    }

    /// Each collected student's evaluation on assignment `id`, tracked (computed once per change).
    pub fn results(&self, id: &str) -> Results {
        self.figures().results(id)
    }

    /// Every stretch of how the class marked each document of assignment `id`: the disagreement
    /// map, tracked (with two hand-ins or more).
    pub fn disagreement_map(&self, id: &str) -> Option<DisagreementMap> {
        self.saved.with(|saved| {
            let teaching = saved.teaching(id).filter(|t| t.collected.len() >= 2)?;
            let documents: Vec<Arc<Document>> = teaching.assignment.documents.iter().filter_map(|d| self.texts.document(&d.id)).collect();
            Some(figures::disagreement_map(teaching, &documents))
        })
    }

    /// How much the class agrees on assignment `id` (with two hand-ins or more), tracked
    /// (computed once per change).
    pub fn agreement(&self, id: &str) -> Option<Arc<ClassAgreement>> {
        self.figures().agreement(id)
    }

    /// Mathet's γ of the class on assignment `id`, each row as soon as it is computed, tracked.
    pub fn gamma(&self, id: &str) -> ClassGamma {
        self.figures().gamma(id)
    }

    fn figures(&self) -> Figures {
        Figures { kept: self.figures, owner: self.owner, saved: self.saved, work: self.work, texts: self.texts }
    }

    /// Downloads the class report of assignment `id`: agreement, pairs, students, the board.
    pub fn class_report(&self, id: &str, scheme: Scheme) {
        let Some(teaching) = self.saved.with_untracked(|saved| saved.teaching(id).cloned()) else { return };
        let Some(agreement) = untrack(|| self.agreement(id)) else {
            self.view.say(Message::alert("The class report needs two hand-ins or more: collect the class's work first."));
            return;
        };
        let evaluations: Vec<Evaluation> = untrack(|| self.results(id)).iter().map(|(_, evaluation)| evaluation.clone()).collect();
        let documents: Vec<MarkedDocument> = teaching
            .assignment
            .documents
            .iter()
            .map(|d| MarkedDocument { title: &d.title, by_student: teaching.collected.iter().map(|w| w.annotations(&d.id)).collect() })
            .collect();
        let csv = class_report::csv(&ClassReport {
            labels: &teaching.assignment.labels,
            students: &agreement.students,
            agreement: &agreement.rows,
            gamma: &self.figures().gamma_now(id),
            pair_f1: &agreement.pair_f1,
            evaluations: &evaluations,
            scheme,
            documents: &documents,
        });
        let name = format!("{}-class-report.csv", assignment::file_stem(&teaching.assignment.title));
        if self.view.offer_download(&name, "text/csv", csv.as_bytes(), "The class report") {
            self.view.say(Message::status(format!("Saved the class report of {} students to {name}.", agreement.students.len())));
        }
    }

    /// Downloads the gradebook of assignment `id`.
    pub fn gradebook(&self, id: &str, scheme: Scheme, scale: Scale) {
        let Some(teaching) = self.saved.with_untracked(|saved| saved.teaching(id).cloned()) else { return };
        let results = untrack(|| self.results(id));
        let key_count: usize =
            self.work.workspace.with_untracked(|w| teaching.assignment.key_from(&w.documents)).values().map(Vec::len).sum();
        let lines: Vec<Line> = results
            .iter()
            .map(|(work, evaluation)| Line { student: &work.student, handed_in_at: &work.handed_in_at, marked: work.count(), evaluation })
            .collect();
        let csv = gradebook::csv(&lines, &teaching.assignment.labels, key_count, scheme, scale);
        let name = format!("{}-gradebook.csv", assignment::file_stem(&teaching.assignment.title));
        if self.view.offer_download(&name, "text/csv", csv.as_bytes(), "The gradebook") {
            self.view.say(Message::status(format!("Saved the gradebook of {} students to {name}.", lines.len())));
        }
    }

    /// The teacher's comment on a stretch of `student`'s work: replaces the one on the same stretch.
    pub fn comment(&self, id: &str, student: &str, comment: Comment) {
        let now = browser::now();
        self.saved.update(|saved| {
            if let Some(teaching) = saved.teaching_mut(id) {
                teaching.comment(student, comment, &now);
            }
        });
    }

    /// Downloads the comments for `student` on assignment `id`.
    pub fn return_to(&self, id: &str, student: &str) {
        let Some(teaching) = self.saved.with_untracked(|saved| saved.teaching(id).cloned()) else { return };
        let Some(work) = teaching.collected.iter().find(|w| w.student == student) else { return };
        let comments = teaching.comments_for(student);
        let back = Return::of(work, comments, &browser::now());
        let name = back.file_name();
        if self.view.offer_download(&name, "application/json", back.to_json().as_bytes(), "The comments") {
            self.view.say(Message::status(format!("Saved {} comments for {student} to {name}.", back.comments.len())));
        }
    }

    /// Downloads the backup of everything this browser keeps: the work with every layer, one's
    /// own texts, and the classroom (`core::classroom::backup`).
    pub fn back_up(&self) {
        if self.keys.locked() {
            return self
                .view
                .say(Message::alert("Unlock the keys kept here first (Keys kept in this browser): a backup made now would lack them."));
        }
        let records = self.work.with_workspace(|w| w.added_documents.clone());
        let mut texts = Vec::new();
        for record in records {
            match self.texts.added(&record.id) {
                Some(document) => texts.push(OwnText { id: record.id, text: document.text.clone() }),
                None => {
                    let text = format!("The text of “{}” is not read yet, so nothing was backed up: try again in a moment.", record.title);
                    return self.view.say(Message::alert(text));
                }
            }
        }
        let now = browser::now();
        let contents = self.saved.with_untracked(|record| backup::write(&self.work.saved_json(), &texts, record, &now));
        let name = backup::file_name(now.get(..10).unwrap_or("backup"));
        if self.view.offer_download(&name, "application/json", contents.as_bytes(), "The backup") {
            self.view
                .say(Message::status(format!("Backed up everything to {name}: Import JSON takes it back, in this browser or another.")));
        }
    }

    /// Whether the browser keeps Glossa's storage when space runs short, tracked.
    pub fn storage_kept(&self) -> Option<bool> {
        self.storage_kept.get()
    }

    /// Learns whether the browser keeps Glossa's storage; with `ask`, asks it to first. A teacher's
    /// class lives in this browser alone, and "best effort" storage may be cleared under pressure.
    pub fn keep_storage(&self, ask: bool) {
        let kept = self.storage_kept;
        leptos::task::spawn_local(async move {
            let answer = persist::storage_kept(ask).await;
            if kept.try_get_untracked() != Some(answer) {
                kept.try_set(answer);
            }
        });
    }

    /// Makes `student`'s hand-in of `handed_in_at` the one that counts on assignment `id`.
    pub fn count_hand_in(&self, id: &str, student: &str, handed_in_at: &str) {
        let now = browser::now();
        self.saved.update(|saved| {
            if let Some(teaching) = saved.teaching_mut(id) {
                teaching.count(student, handed_in_at, &now);
            }
        });
    }

    /// The times of every hand-in of `student` on assignment `id`, in order, tracked.
    pub fn hand_in_times(&self, id: &str, student: &str) -> Vec<String> {
        self.saved.with(|saved| {
            saved.teaching(id).map(|t| t.hand_ins_of(student).into_iter().map(|w| w.handed_in_at.clone()).collect()).unwrap_or_default()
        })
    }
}
