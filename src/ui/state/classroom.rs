//! The classroom: assignments a teacher makes here (the key annotated as a layer of the work,
//! exported in one file, the class's hand-ins collected and commented), and assignments a student
//! opens here (worked on in a layer of their own, handed in as a file, checked against the key).
//! Everything travels as files; nothing is sent anywhere.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::agreement::{self, Agreement, Marked};
use crate::core::annotation::Annotation;
use crate::core::assignment::{self, Assignment, AssignmentDocument, KeyCopy, Layer};
use crate::core::classroom::{alias, Classroom as Saved, KeyTravel, Teaching};
use crate::core::document::Document;
use crate::core::feedback::{self, Mark};
use crate::core::gradebook::{self, Line, Scale};
use crate::core::hand_in::{self, Collected, Comment, Return, Work as HandIn};
use crate::core::id;
use crate::core::metrics::{Evaluation, Scheme};
use crate::ui::state::{Message, Mode, Texts, View, Work};
use crate::ui::{browser, persist, seal};

/// Annotations by document id.
type ByDocument = BTreeMap<String, Vec<Annotation>>;

/// A passage the class disagrees on: where, what it says, and how many marked it with each label.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    /// Label names with how many students gave each.
    pub by_label: Vec<(String, usize)>,
    pub nothing: usize,
}

/// How much a class agrees.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassAgreement {
    pub students: Vec<String>,
    /// The figures of each label, then of all labels together.
    pub rows: Vec<(String, Agreement)>,
    pub disagreements: Vec<Passage>,
}

#[derive(Clone, Copy)]
pub struct Classroom {
    pub saved: RwSignal<Saved>,
    /// The key of the assignment being worked on, when its feedback is shown.
    pub feedback_open: RwSignal<bool>,
    /// Projector mode: large, high-contrast, and students shown as "Student A", "Student B".
    pub projector: RwSignal<bool>,
    /// The students in the order projector mode first named them, so that each keeps their letter
    /// for the session.
    aliases: StoredValue<Vec<String>>,
    view: View,
    texts: Texts,
    work: Work,
}

impl Classroom {
    /// Starts from what this browser kept, and saves every change of it.
    pub fn start(view: View, texts: Texts, work: Work) -> Classroom {
        let (saved, problem) = persist::load_classroom();
        if let Some(problem) = problem {
            view.say(Message::alert(problem));
        }
        let working_on = saved.working_on.clone().filter(|id| saved.taking(id).is_some());
        let classroom = Classroom {
            saved: RwSignal::new(saved),
            feedback_open: RwSignal::new(false),
            projector: RwSignal::new(false),
            aliases: StoredValue::new(Vec::new()),
            view,
            texts,
            work,
        };
        classroom.load_texts();
        if let Some(id) = working_on {
            view.mode.set(Mode::Student(id));
        }
        Effect::new(move |ran: Option<()>| {
            classroom.saved.track();
            if ran.is_some() {
                if let Err(problem) = classroom.saved.with_untracked(persist::save_classroom) {
                    view.say(Message::alert(format!("{problem} Export or hand in your work to keep it.")));
                }
            }
        });
        // While an assignment is open, its labels are the ones in use.
        Effect::new(move |_| {
            let labels = view
                .mode
                .with(|mode| mode.assignment().map(str::to_owned))
                .and_then(|id| classroom.saved.with(|saved| saved.assignment(&id).map(|a| a.labels.clone())));
            if view.locked_labels.with_untracked(|locked| *locked != labels) {
                view.locked_labels.set(labels);
            }
        });
        classroom
    }

    /// Holds in memory the texts the assignments here carry (documents not bundled).
    fn load_texts(&self) {
        let documents: Vec<Arc<Document>> = self.saved.with_untracked(|saved| {
            let all = saved.teaching.iter().map(|t| &t.assignment).chain(saved.taking.iter().map(|t| &t.assignment));
            all.flat_map(|a| &a.documents).filter(|d| d.text.is_some()).filter_map(|d| d.document(&[]).ok()).map(Arc::new).collect()
        });
        self.texts.hold(documents);
    }

    /// The assignment the page is about, if any, tracked.
    pub fn current(&self) -> Option<Assignment> {
        let id = self.view.mode.with(|mode| mode.assignment().map(str::to_owned))?;
        self.saved.with(|saved| saved.assignment(&id).cloned())
    }

    fn enter(&self, mode: Mode) {
        self.remember(&mode);
        let first = self.saved.with_untracked(|saved| {
            mode.assignment().and_then(|id| saved.assignment(id)).and_then(|a| a.documents.first()).map(|d| d.id.clone())
        });
        self.feedback_open.set(false);
        self.view.mode.set(mode);
        match first {
            Some(id) => self.view.go_to(&id),
            None => self.view.go_to_start(),
        }
    }

    pub fn open_teacher_view(&self) {
        self.remember(&Mode::Teacher);
        self.feedback_open.set(false);
        self.view.mode.set(Mode::Teacher);
    }

    /// Back to one's own work.
    pub fn leave(&self) {
        self.remember(&Mode::Reading);
        self.feedback_open.set(false);
        self.view.mode.set(Mode::Reading);
    }

    /// Remembers which assignment a student works on, so that a reload opens it again.
    fn remember(&self, mode: &Mode) {
        let working_on = match mode {
            Mode::Student(id) => Some(id.clone()),
            _ => None,
        };
        if self.saved.with_untracked(|saved| saved.working_on != working_on) {
            self.saved.update(|saved| saved.working_on = working_on);
        }
    }

    pub fn work_on(&self, id: &str) {
        self.enter(Mode::Student(id.to_owned()));
    }

    pub fn annotate_key(&self, id: &str) {
        self.enter(Mode::Key(id.to_owned()));
    }

    pub fn review(&self, id: &str, student: &str) {
        self.enter(Mode::Review { assignment: id.to_owned(), student: student.to_owned() });
    }

    /// Turns projector mode on or off; on, it also clears the messages, which may name students.
    pub fn set_projector(&self, on: bool) {
        if on {
            self.view.message.set(None);
        }
        self.projector.set(on);
        if let Some(root) = document().document_element() {
            let _ = if on { root.set_attribute("data-projector", "") } else { root.remove_attribute("data-projector") };
        }
    }

    /// How `student` is named on screen, tracked: in projector mode, by a letter kept for the session.
    pub fn shown_name(&self, student: &str) -> String {
        if !self.projector.get() {
            return student.to_owned();
        }
        let at = self.aliases.try_update_value(|aliases| {
            aliases.iter().position(|a| a == student).unwrap_or_else(|| {
                aliases.push(student.to_owned());
                aliases.len() - 1
            })
        });
        alias(at.unwrap_or_default())
    }

    // ----- The teacher prepares -----

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
        let message = match browser::download(&name, "application/json", copy.to_json().as_bytes()) {
            Ok(()) => Message::status(format!("Exported the assignment to {name}.")),
            Err(problem) => Message::alert(format!("The assignment could not be offered as a download: {problem}.")),
        };
        self.view.say(message);
    }

    // ----- The student works -----

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
        let new = self.saved.try_update(|saved| saved.take(assignment)).unwrap_or(true);
        self.work_on(&id);
        let text = if new {
            format!("Opened the assignment “{title}”.")
        } else {
            format!("Opened the assignment “{title}” again; your work on it is kept.")
        };
        self.view.say(Message::status(text));
    }

    /// Sets the student's name on assignment `id`.
    pub fn set_student(&self, id: &str, name: &str) {
        self.saved.update(|saved| {
            if let Some(taking) = saved.taking_mut(id) {
                name.trim().clone_into(&mut taking.student);
            }
        });
    }

    /// The student's annotations on assignment `assignment`, by document id.
    fn student_work(&self, assignment: &Assignment) -> BTreeMap<String, Vec<Annotation>> {
        let layer = Layer::Student(assignment.id.clone());
        self.work.workspace.with_untracked(|w| {
            assignment.documents.iter().map(|d| (d.id.clone(), w.annotations(&layer.document_key(&d.id)).to_vec())).collect()
        })
    }

    /// Downloads the student's work on assignment `id` to hand in.
    pub fn hand_in(&self, id: &str) -> bool {
        let Some(taking) = self.saved.with_untracked(|saved| saved.taking(id).cloned()) else { return false };
        if taking.student.trim().is_empty() {
            self.view.say(Message::alert("Write your name before you hand in: your teacher needs to know whose work it is."));
            return false;
        }
        let missing: Vec<String> = self.missing_attributions(&taking.assignment);
        let now = browser::now();
        let work = HandIn::of(&taking.assignment, &taking.student, &self.student_work(&taking.assignment), &now);
        let name = work.file_name();
        if let Err(problem) = browser::download(&name, "application/json", work.to_json().as_bytes()) {
            self.view.say(Message::alert(format!("Your work could not be offered as a download: {problem}.")));
            return false;
        }
        self.saved.update(|saved| {
            if let Some(taking) = saved.taking_mut(id) {
                taking.handed_in_at = Some(now.clone());
                if let KeyCopy::Open { annotations } = &taking.assignment.key {
                    taking.key = Some(annotations.clone());
                }
            }
        });
        let mut text = format!("Handed in: {} annotations saved to {name}. Give that file to your teacher.", work.count());
        if !missing.is_empty() {
            text.push_str(&format!(" {} of them say nobody as “Attributed to”, which this assignment asks for.", missing.len()));
        }
        self.view.say(Message::status(text));
        true
    }

    /// The student's annotations whose label needs an attribution that they lack.
    fn missing_attributions(&self, assignment: &Assignment) -> Vec<String> {
        let work = self.student_work(assignment);
        work.values()
            .flatten()
            .filter(|a| assignment.requires_attribution(&a.label) && a.attributed_to.trim().is_empty())
            .map(|a| a.id.clone())
            .collect()
    }

    /// Opens the key of assignment `id` for its feedback, with `passphrase` if it is locked.
    pub async fn check(&self, id: &str, passphrase: &str) {
        let Some(taking) = self.saved.with_untracked(|saved| saved.taking(id).cloned()) else { return };
        if taking.handed_in_at.is_none() {
            self.view.say(Message::alert("Hand in first: then you can check your work against the key."));
            return;
        }
        let key = match (&taking.key, &taking.assignment.key) {
            (Some(key), _) => key.clone(),
            (None, KeyCopy::Open { annotations }) => annotations.clone(),
            (None, KeyCopy::Locked { sealed }) => match seal::open(passphrase, sealed).await {
                Ok(json) => match serde_json::from_str(&json) {
                    Ok(key) => key,
                    Err(_) => {
                        self.view.say(Message::alert("The key opened, but it is not a key of annotations: the file was changed."));
                        return;
                    }
                },
                Err(problem) => {
                    self.view.say(Message::alert(format!("The key stays locked: {problem}. Ask your teacher for the passphrase.")));
                    return;
                }
            },
            (None, KeyCopy::Kept) => {
                self.view.say(Message::alert("This assignment came without its key: your teacher checks your work."));
                return;
            }
        };
        self.saved.update(|saved| {
            if let Some(taking) = saved.taking_mut(id) {
                taking.key = Some(key);
            }
        });
        self.feedback_open.set(true);
        self.view.say(Message::status("Your work is compared with the key: see Feedback."));
    }

    /// The key of assignment `id`, when this browser may show it.
    fn key_of(&self, id: &str) -> Option<BTreeMap<String, Vec<Annotation>>> {
        self.saved.with(|saved| {
            if let Some(teaching) = saved.teaching(id) {
                return Some(self.work.workspace.with(|w| teaching.assignment.key_from(&w.documents)));
            }
            saved.taking(id).and_then(|t| t.key.clone())
        })
    }

    /// What the page compares with the key now: the student's own work once its feedback is
    /// open, or a collected hand-in under review. Tracked.
    pub fn compared(&self) -> Option<(Assignment, ByDocument, ByDocument)> {
        let mode = self.view.mode.get();
        let assignment = self.current()?;
        let key = self.key_of(&assignment.id)?;
        let marked = match &mode {
            Mode::Student(_) if self.feedback_open.get() => {
                self.work.workspace.track();
                self.student_work(&assignment)
            }
            Mode::Review { student, .. } => {
                let work =
                    self.saved.with(|saved| saved.teaching(&assignment.id)?.collected.iter().find(|w| w.student == *student).cloned())?;
                assignment.documents.iter().map(|d| (d.id.clone(), work.annotations(&d.id).to_vec())).collect()
            }
            _ => return None,
        };
        Some((assignment, key, marked))
    }

    /// For document `id`: the mark of each compared annotation by id, and the key's misses.
    /// Tracked; `None` when nothing is compared.
    pub fn marks(&self, document_id: &str) -> Option<(HashMap<String, Mark>, Vec<Annotation>)> {
        let (_, key, marked) = self.compared()?;
        let (key, marked) = (key.get(document_id).cloned().unwrap_or_default(), marked.get(document_id).cloned().unwrap_or_default());
        let (marks, missed) = feedback::compare(&key, &marked);
        let marks = marked.iter().map(|a| a.id.clone()).zip(marks).collect();
        Some((marks, missed.into_iter().cloned().collect()))
    }

    /// The annotations of `student`'s hand-in on document `document_id`, tracked.
    pub fn reviewed(&self, document_id: &str) -> Option<Vec<Annotation>> {
        let Mode::Review { assignment, student } = self.view.mode.get() else { return None };
        self.saved.with(|saved| {
            let work = saved.teaching(&assignment)?.collected.iter().find(|w| w.student == student)?;
            Some(work.annotations(document_id).to_vec())
        })
    }

    // ----- The teacher collects -----

    /// Collects the hand-ins of `files` (name and contents) for assignment `id`.
    pub fn collect(&self, id: &str, files: Vec<(String, Result<String, String>)>) {
        let Some(assignment) = self.saved.with_untracked(|saved| saved.teaching(id).map(|t| t.assignment.clone())) else { return };
        let mut taken = Vec::new();
        let mut problems = Vec::new();
        self.saved.update(|saved| {
            let Some(teaching) = saved.teaching_mut(id) else { return };
            for (name, contents) in files {
                let work = contents.and_then(|contents| hand_in::read_work(&contents, &assignment));
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
                    Err(problem) => problems.push(format!("“{name}” was not taken: {problem}.")),
                }
            }
        });
        let mut text = format!("Collected {} hand-ins for “{}”.", taken.len(), assignment.title);
        problems.iter().for_each(|p| text.push_str(&format!(" {p}")));
        let refused = problems.iter().any(|p| p.contains("was not taken"));
        self.view.say(if refused && taken.is_empty() { Message::alert(text) } else { Message::status(text) });
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

    /// How much the class agrees on assignment `id` (with two hand-ins or more), tracked: the
    /// figures per label and over all labels, and the passages they disagree on, most first.
    pub fn agreement(&self, id: &str) -> Option<ClassAgreement> {
        let teaching = self.saved.with(|saved| saved.teaching(id).cloned())?;
        if teaching.collected.len() < 2 {
            return None;
        }
        let documents: Vec<Arc<Document>> = teaching.assignment.documents.iter().filter_map(|d| self.texts.document(&d.id)).collect();
        let lengths: Vec<usize> = documents.iter().map(|d| d.length).collect();
        let people: Vec<Vec<Marked>> = teaching
            .collected
            .iter()
            .map(|work| {
                let spans = documents.iter().enumerate().flat_map(|(at, d)| work.annotations(&d.id).iter().map(move |a| (at, a)));
                spans.map(|(document, a)| Marked { document, label: &a.label, start: a.start, end: a.end }).collect()
            })
            .collect();
        let labels = &teaching.assignment.labels;
        let mut rows: Vec<(String, Agreement)> = labels
            .iter()
            .map(|l| (l.name.clone(), agreement::agreement(&agreement::by_character(&lengths, &people, Some(&l.id)))))
            .collect();
        rows.push(("All labels".to_owned(), agreement::agreement(&agreement::by_character(&lengths, &people, None))));
        let ids: Vec<&str> = labels.iter().map(|l| l.id.as_str()).collect();
        let disagreements = agreement::disagreements(&lengths, &people, &ids)
            .into_iter()
            .map(|d| {
                let document = &documents[d.document];
                let quote = document.quote(d.start, d.end).unwrap_or_default().to_owned();
                let by_label = d.by_label.iter().map(|(id, n)| (feedback::label_name(labels, id), *n)).collect();
                Passage { document: document.id.clone(), start: d.start, end: d.end, quote, by_label, nothing: d.nothing }
            })
            .collect();
        Some(ClassAgreement { students: teaching.collected.iter().map(|w| w.student.clone()).collect(), rows, disagreements })
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
        let message = match browser::download(&name, "text/csv", csv.as_bytes()) {
            Ok(()) => Message::status(format!("Saved the gradebook of {} students to {name}.", lines.len())),
            Err(problem) => Message::alert(format!("The gradebook could not be offered as a download: {problem}.")),
        };
        self.view.say(message);
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
        let message = match browser::download(&name, "application/json", back.to_json().as_bytes()) {
            Ok(()) => Message::status(format!("Saved {} comments for {student} to {name}.", back.comments.len())),
            Err(problem) => Message::alert(format!("The comments could not be offered as a download: {problem}.")),
        };
        self.view.say(message);
    }

    /// Takes comments a teacher returned, onto the assignment they are for.
    pub fn take_return(&self, file_name: &str, contents: &str) {
        let assignment_id = serde_json::from_str::<serde_json::Value>(contents)
            .ok()
            .and_then(|v| v.get("assignment_id").and_then(|id| id.as_str()).map(str::to_owned))
            .unwrap_or_default();
        if self.saved.with_untracked(|saved| saved.taking(&assignment_id).is_none()) {
            self.view.say(Message::alert(format!("“{file_name}” holds comments on an assignment that was not opened in this browser.")));
            return;
        }
        match hand_in::read_return(contents, &assignment_id) {
            Ok(back) => {
                let count = back.comments.len();
                self.saved.update(|saved| {
                    if let Some(taking) = saved.taking_mut(&assignment_id) {
                        taking.comments = back.comments;
                    }
                });
                self.work_on(&assignment_id);
                self.view.say(Message::status(format!("Your teacher's {count} comments are shown with your work.")));
            }
            Err(problem) => self.view.say(Message::alert(format!("“{file_name}” could not be read: {problem}."))),
        }
    }
}
