//! What a teacher does in the classroom: prepares an assignment and exports it, collects the
//! class's hand-ins, sees how they fare and agree, comments, and writes the gradebook.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::{ClassAgreement, Classroom, Passage};
use crate::core::classroom::assignment::{self, Assignment, AssignmentDocument, KeyCopy};
use crate::core::classroom::class_report::{self, ClassReport, MarkedDocument};
use crate::core::classroom::feedback;
use crate::core::classroom::gradebook::{self, Line, Scale};
use crate::core::classroom::hand_in::{self, Collected, Comment, Return, Work as HandIn};
use crate::core::classroom::record::{KeyTravel, Teaching};
use crate::core::measures::agreement::{self, Agreement, Marked, Stretch};
use crate::core::measures::matching::{Evaluation, Scheme};
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::model::id;
use crate::core::model::label;
use crate::ui::state::view::Message;
use crate::ui::{browser, browser::seal};

impl Classroom {
    /// A new assignment, with the open document (or the first article) and the default labels.
    pub fn new_assignment(&self) -> String {
        let id = id::uuid_v4(browser::random_bytes());
        let mut assignment = Assignment::new(id.clone(), "Untitled assignment", &browser::now());
        let open = self.view.open.get_untracked().and_then(|open| self.texts.document(&open));
        let first = open.or_else(|| self.texts.all_bundled().into_iter().next());
        assignment.documents.extend(first.map(|d| AssignmentDocument::of(&d)));
        self.saved.update(|saved| {
            saved.teaching.push(Teaching { assignment, key_travel: KeyTravel::Kept, collected: Vec::new(), comments: BTreeMap::new() })
        });
        id
    }

    /// Changes assignment `id` made here.
    pub fn edit(&self, id: &str, edit: impl FnOnce(&mut Teaching)) {
        self.saved.update(|saved| {
            if let Some(teaching) = saved.teaching_mut(id) {
                edit(teaching);
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
        let mut copy = teaching.assignment.clone();
        if copy.documents.is_empty() {
            self.view.say(Message::alert("Choose at least one document for the assignment."));
            return;
        }
        let key = self.work.workspace.with_untracked(|w| copy.key_from(&w.documents));
        copy.key = match teaching.key_travel {
            KeyTravel::Kept => KeyCopy::Kept,
            KeyTravel::Open => KeyCopy::Open { annotations: key },
            KeyTravel::Locked if passphrase.trim().is_empty() => {
                self.view.say(Message::alert("Write the passphrase that locks the key (you announce it when the class may see the key)."));
                return;
            }
            KeyTravel::Locked => {
                let json = serde_json::to_string(&key).expect("plain data serializes");
                match seal::seal(passphrase, &json).await {
                    Ok(sealed) => KeyCopy::Locked { sealed },
                    Err(problem) => {
                        self.view.say(Message::alert(format!("The key could not be locked: {problem}.")));
                        return;
                    }
                }
            }
        };
        let name = copy.file_name();
        if self.view.offer_download(&name, "application/json", copy.to_json().as_bytes(), "The assignment") {
            self.view.say(Message::status(format!("Exported the assignment to {name}.")));
        }
    }

    /// Collects the hand-ins of `files` (name and contents) for assignment `id`.
    pub fn collect(&self, id: &str, files: Vec<(String, Result<String, String>)>) {
        let Some(assignment) = self.saved.with_untracked(|saved| saved.teaching(id).map(|t| t.assignment.clone())) else { return };
        let mut taken = Vec::new();
        let (mut problems, mut refused) = (Vec::new(), 0);
        self.saved.update(|saved| {
            let Some(teaching) = saved.teaching_mut(id) else { return };
            for (name, contents) in files {
                // A file that could not be read is refused in the browser's words; one that was read, in the core's.
                let work = contents.and_then(|contents| hand_in::read_work(&contents, &assignment).map_err(|refusal| refusal.to_string()));
                match work {
                    Ok(work) => {
                        let student = work.student.clone();
                        match hand_in::collect(&mut teaching.collected, work) {
                            Collected::New => taken.push(student),
                            Collected::Newer => problems.push(format!("{student} handed in twice: the newer hand-in (“{name}”) is kept.")),
                            Collected::Older => {
                                problems.push(format!("{student} handed in twice: “{name}” is older than the hand-in kept."))
                            }
                        }
                    }
                    Err(problem) => {
                        refused += 1;
                        problems.push(format!("“{name}” was not taken: {problem}."));
                    }
                }
            }
        });
        let mut text = format!("Collected {} hand-ins for “{}”.", taken.len(), assignment.title);
        problems.iter().for_each(|p| text.push_str(&format!(" {p}")));
        self.view.say(if refused > 0 && taken.is_empty() { Message::alert(text) } else { Message::status(text) });
    }

    /// Each collected student's evaluation on assignment `id`, tracked.
    pub fn results(&self, id: &str) -> Vec<(HandIn, Evaluation)> {
        let Some(teaching) = self.saved.with(|saved| saved.teaching(id).cloned()) else { return Vec::new() };
        let key = self.work.workspace.with(|w| teaching.assignment.key_from(&w.documents));
        teaching
            .collected
            .iter()
            .map(|work| {
                let documents: Vec<(&[Annotation], &[Annotation])> = teaching
                    .assignment
                    .documents
                    .iter()
                    .map(|d| (key.get(&d.id).map_or(&[][..], Vec::as_slice), work.annotations(&d.id)))
                    .collect();
                (work.clone(), feedback::evaluate(&documents, &teaching.assignment.labels))
            })
            .collect()
    }

    /// Assignment `id` as taught here, with two hand-ins or more, and those of its documents whose
    /// texts are here, tracked.
    fn class_work(&self, id: &str) -> Option<(Teaching, Vec<Arc<Document>>)> {
        let teaching = self.saved.with(|saved| saved.teaching(id).cloned())?;
        if teaching.collected.len() < 2 {
            return None;
        }
        let documents = teaching.assignment.documents.iter().filter_map(|d| self.texts.document(&d.id)).collect();
        Some((teaching, documents))
    }

    /// Every stretch of the class's marking over `documents` (cut at paragraph starts), as passages.
    fn passages(teaching: &Teaching, documents: &[Arc<Document>], people: &[Vec<Marked>]) -> Vec<(Stretch, Passage)> {
        let labels = &teaching.assignment.labels;
        let ids: Vec<&str> = labels.iter().map(|l| l.id.as_str()).collect();
        let stretches = documents.iter().enumerate().flat_map(|(at, document)| {
            let breaks: Vec<usize> = document.paragraphs.iter().map(|p| p.start).collect();
            agreement::stretches(at, document.length, people, &ids, &breaks)
        });
        stretches
            .map(|s| {
                let document = &documents[s.document];
                let quote = document.quote(s.start, s.end).unwrap_or_default().to_owned();
                let by_label = s.by_label.iter().map(|(id, n)| (label::name_of(labels, id).to_owned(), *n)).collect();
                let passage = Passage {
                    document: document.id.clone(),
                    start: s.start,
                    end: s.end,
                    quote,
                    by_label,
                    nothing: s.nothing,
                    spread: s.spread,
                };
                (s, passage)
            })
            .collect()
    }

    /// Every stretch of each document (by id) of how the class marked assignment `id`, and how
    /// many students handed in: the disagreement map, tracked. Lighter than `agreement`: no figures.
    pub fn disagreement_map(&self, id: &str) -> Option<(usize, BTreeMap<String, Vec<Passage>>)> {
        let (teaching, documents) = self.class_work(id)?;
        let people = marked(&teaching, &documents);
        let mut map: BTreeMap<String, Vec<Passage>> = BTreeMap::new();
        for (_, passage) in Self::passages(&teaching, &documents, &people) {
            map.entry(passage.document.clone()).or_default().push(passage);
        }
        Some((teaching.collected.len(), map))
    }

    /// How much the class agrees on assignment `id` (with two hand-ins or more), tracked: the
    /// figures per label and over all labels, and the passages they disagree on, most first.
    pub fn agreement(&self, id: &str) -> Option<ClassAgreement> {
        let (teaching, documents) = self.class_work(id)?;
        let lengths: Vec<usize> = documents.iter().map(|d| d.length).collect();
        let people = marked(&teaching, &documents);
        let labels = &teaching.assignment.labels;
        let mut rows: Vec<(String, Agreement)> =
            labels.iter().map(|l| (l.name.clone(), agreement::figures(&lengths, &people, Some(&l.id)))).collect();
        rows.push(("All labels".to_owned(), agreement::figures(&lengths, &people, None)));
        let (stretches, passages): (Vec<Stretch>, Vec<Passage>) = Self::passages(&teaching, &documents, &people).into_iter().unzip();
        // The ranked list, each stretch found again by its place.
        let disagreements = agreement::disagreements(stretches)
            .iter()
            .filter_map(|s| passages.iter().find(|p| p.document == documents[s.document].id && p.start == s.start).cloned())
            .collect();
        // Each pair's F1 (strict), either one's work taken as the other's key: it is the same both ways.
        let works = &teaching.collected;
        let pairs = (0..works.len()).flat_map(|i| (i + 1..works.len()).map(move |j| (i, j)));
        let pair_f1 = pairs
            .map(|(i, j)| {
                let documents: Vec<(&[Annotation], &[Annotation])> =
                    documents.iter().map(|d| (works[i].annotations(&d.id), works[j].annotations(&d.id))).collect();
                ((i, j), feedback::evaluate(&documents, labels).overall.figures(Scheme::Strict).f1)
            })
            .collect();
        Some(ClassAgreement { students: works.iter().map(|w| w.student.clone()).collect(), rows, pair_f1, disagreements })
    }

    /// Downloads the class report of assignment `id`: agreement, pairs, students, the board.
    pub fn class_report(&self, id: &str, scheme: Scheme) {
        let Some(teaching) = self.saved.with_untracked(|saved| saved.teaching(id).cloned()) else { return };
        let Some(agreement) = untrack(|| self.agreement(id)) else {
            self.view.say(Message::alert("The class report needs two hand-ins or more: collect the class's work first."));
            return;
        };
        let evaluations: Vec<Evaluation> = untrack(|| self.results(id)).into_iter().map(|(_, evaluation)| evaluation).collect();
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
        self.edit(id, |teaching| {
            let comments = teaching.comments.entry(student.to_owned()).or_default();
            comments.retain(|c| (c.document.as_str(), c.start, c.end) != (comment.document.as_str(), comment.start, comment.end));
            if !comment.text.trim().is_empty() {
                comments.push(comment);
            }
        });
    }

    /// Downloads the comments for `student` on assignment `id`.
    pub fn return_to(&self, id: &str, student: &str) {
        let Some(teaching) = self.saved.with_untracked(|saved| saved.teaching(id).cloned()) else { return };
        let Some(work) = teaching.collected.iter().find(|w| w.student == student) else { return };
        let comments = teaching.comments.get(student).cloned().unwrap_or_default();
        let back = Return::of(work, comments, &browser::now());
        let name = back.file_name();
        if self.view.offer_download(&name, "application/json", back.to_json().as_bytes(), "The comments") {
            self.view.say(Message::status(format!("Saved {} comments for {student} to {name}.", back.comments.len())));
        }
    }
}

/// Each hand-in's spans over `documents` (by their index), for the agreement figures.
fn marked<'a>(teaching: &'a Teaching, documents: &[Arc<Document>]) -> Vec<Vec<Marked<'a>>> {
    teaching
        .collected
        .iter()
        .map(|work| {
            let spans = documents.iter().enumerate().flat_map(|(at, d)| work.annotations(&d.id).iter().map(move |a| (at, a)));
            spans.map(|(document, a)| Marked { document, label: &a.label, start: a.start, end: a.end }).collect()
        })
        .collect()
}
