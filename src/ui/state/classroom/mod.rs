//! The classroom: assignments a teacher makes here (the key annotated as a layer of the work,
//! exported in one file, the class's hand-ins collected and commented), and assignments a student
//! opens here (worked on in a layer of their own, handed in as a file, checked against the key).
//! Everything travels as files; nothing is sent anywhere.

mod figures;

pub use figures::{gamma_in_slices, ClassGamma};
mod taking;
mod teaching;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::classroom::assignment::{Assignment, Kinds};
use crate::core::classroom::feedback::{self, Verdict};
use crate::core::classroom::hand_in::HandIn;
use crate::core::classroom::record::{self, alias, ClassRecord};
use crate::core::model::annotation::{Annotation, SOURCE_KINDS};
use crate::core::model::document::Document;
use crate::core::reading::address::Address;
use crate::core::reading::shown::Shown;
use crate::core::text::order;
use crate::core::work::storage::Place;
use crate::ui::browser::address;
use crate::ui::state::effect::effect;
use crate::ui::state::keys::Keys;
use crate::ui::state::parts::NotFetched;
use crate::ui::state::saving::Saving;
use crate::ui::state::texts::Texts;
use crate::ui::state::view::{Message, Mode, Reveal, View};
use crate::ui::state::work::Work;

/// Annotations by document id.
type ByDocument = BTreeMap<String, Vec<Annotation>>;

/// An assignment's documents (id and title), its key's annotations and each collected hand-in's,
/// by document: what the class's coverage is drawn from.
pub struct ClassWork {
    pub documents: Vec<(String, String)>,
    pub key: ByDocument,
    pub students: Vec<ByDocument>,
}

/// A passage the class disagrees on: where, what it says, and how many marked it with each label.
/// How what a document shows compares with the key, when feedback is shown: the verdict on each
/// annotation of the work, and which drawn passages are the key's that the work missed.
#[derive(Debug, Default, PartialEq)]
pub struct Compared {
    pub verdicts: HashMap<String, Verdict>,
    pub missed: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct Classroom {
    pub(super) saved: RwSignal<ClassRecord>,
    /// The key of the assignment being worked on, when its feedback is shown.
    feedback_open: RwSignal<bool>,
    /// Projector mode: large, high-contrast, and students shown as "Student A", "Student B".
    projector: RwSignal<bool>,
    /// In a class discussion, whether the text shows the answer key (hidden until the class has talked).
    key_shown: RwSignal<bool>,
    /// Whether the browser keeps Glossa's storage when space runs short, once asked (`None`: not
    /// known, or it cannot say).
    storage_kept: RwSignal<Option<bool>>,
    /// Whether a locked key is being opened (its PBKDF2 takes a moment), and the number of the
    /// latest attempt: a cancelled or outrun attempt's result is let go.
    opening_key: RwSignal<bool>,
    key_attempts: StoredValue<u64>,
    /// The students in the order projector mode first named them, so that each keeps their letter
    /// for the session.
    aliases: StoredValue<Vec<String>>,
    /// The student whose hand-in the teacher opened last, until the teacher view shows their row.
    reviewed: StoredValue<Option<String>>,
    /// The class's figures of each assignment opened here, computed once per change of its class.
    figures: StoredValue<figures::ClassFigures>,
    /// The app's owner, which keeps those figures for as long as the app runs, whichever view
    /// first asked for them.
    owner: StoredValue<WeakOwner, LocalStorage>,
    view: View,
    texts: Texts,
    work: Work,
    saving: Saving,
    keys: Keys,
}

/// Why a student's work cannot change once its key was seen.
const KEY_SEEN: &str = "Your work on this assignment was compared with the key, so it can be read but not changed: the key would make any change an answer copied.";
/// Why a hand-in cannot change under review.
const REVIEWED: &str = "This is the student's hand-in: it can be read, not changed. Write what you would change as a comment.";

impl Classroom {
    /// `read` of what this browser keeps of its classes, tracked.
    pub fn with_record<T>(&self, read: impl FnOnce(&ClassRecord) -> T) -> T {
        self.saved.with(read)
    }

    /// Whether the feedback against the key is shown, tracked.
    pub fn feedback_open(&self) -> bool {
        self.feedback_open.get()
    }

    /// Whether projector mode is on, tracked.
    pub fn projector(&self) -> bool {
        self.projector.get()
    }

    /// Whether the class discussion shows the answer key, tracked.
    pub fn key_shown(&self) -> bool {
        self.key_shown.get()
    }

    pub fn show_key(&self, shown: bool) {
        self.key_shown.set(shown);
    }

    /// Starts from what this browser kept, `saved` (`Saving` keeps every change of it).
    pub fn start(
        view: View,
        texts: Texts,
        work: Work,
        saving: Saving,
        keys: Keys,
        saved: ClassRecord,
        problem: Option<String>,
    ) -> Classroom {
        if let Some(problem) = problem {
            view.say(Message::alert(problem));
        }
        let working_on = saved.working_on.clone().filter(|id| saved.taking(id).is_some());
        let classroom = Classroom {
            saved: RwSignal::new(saved),
            feedback_open: RwSignal::new(false),
            projector: RwSignal::new(false),
            key_shown: RwSignal::new(false),
            storage_kept: RwSignal::new(None),
            opening_key: RwSignal::new(false),
            key_attempts: StoredValue::new(0),
            aliases: StoredValue::new(Vec::new()),
            reviewed: StoredValue::new(None),
            figures: StoredValue::new(figures::ClassFigures::default()),
            // Weak: a strong owner kept inside what it owns would never be dropped, and an
            // unmounted app would keep its listeners.
            owner: StoredValue::new_local(Owner::current().unwrap_or_default().downgrade()),
            view,
            texts,
            work,
            saving,
            keys,
        };
        classroom.load_texts();
        if let Some(id) = working_on {
            view.mode.set(Mode::Student(id));
        }
        // While an assignment is open, its labels are the ones in use.
        effect(move || {
            let labels = view
                .mode
                .with(|mode| mode.assignment().map(str::to_owned))
                .and_then(|id| classroom.saved.with(|saved| saved.assignment(&id).map(|a| a.labels.clone())));
            if view.locked_labels.with_untracked(|locked| *locked != labels) {
                view.locked_labels.set(labels);
            }
        });
        // A student's work is evidence once its key was seen, and a hand-in is the student's.
        effect(move || {
            let frozen = view.mode.with(|mode| match mode {
                Mode::Student(id) => classroom.saved.with(|saved| saved.taking(id).and_then(|t| t.key_seen_at.as_ref()).map(|_| KEY_SEEN)),
                Mode::Review { .. } => Some(REVIEWED),
                _ => None,
            });
            if view.frozen.get_untracked() != frozen {
                view.frozen.set(frozen);
            }
        });
        classroom
    }

    /// Brings the part that writes the record (`Saving::record_codec`), before a file changes the
    /// record: the change is then written however soon the page is left.
    pub async fn bring_record_part(&self) -> Result<(), NotFetched> {
        self.saving.record_codec().await.map(drop)
    }

    /// Takes in `theirs`, a backup's record, as another tab's is taken in (`record::join`).
    pub fn join_in(&self, theirs: &ClassRecord) {
        let joined = self.saved.with_untracked(|ours| record::join(ours, theirs));
        if self.saved.with_untracked(|ours| *ours != joined) {
            self.saved.set(joined);
            self.load_texts();
        }
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
    /// The kinds of source an annotation's Source offers: the assignment's the page is in, or
    /// Glossa's. Tracked.
    pub fn kinds_of_source(&self) -> Vec<String> {
        let id = self.view.mode.with(|mode| mode.assignment().map(str::to_owned));
        let listed = id.and_then(|id| self.saved.with(|saved| saved.assignment(&id).map(Assignment::kinds_of_source)));
        listed.unwrap_or_else(|| SOURCE_KINDS.iter().map(|k| (*k).to_owned()).collect())
    }

    /// Whether the student's assignment the page is in forbids the hints of hedges. Tracked.
    pub fn hedges_forbidden(&self) -> bool {
        self.taking_here().is_some_and(|id| self.saved.with(|saved| saved.assignment(&id).is_some_and(|a| a.hedges_forbidden)))
    }

    /// The assignment the page is in as a student's, if it is. Tracked.
    fn taking_here(&self) -> Option<String> {
        self.view.mode.with(|mode| if let Mode::Student(id) = mode { Some(id.clone()) } else { None })
    }

    /// The student's assignment the page is in, when it asks the kind of each text first: its
    /// id. Tracked.
    pub fn kind_asked(&self) -> Option<String> {
        let id = self.taking_here()?;
        self.saved.with(|saved| saved.taking(&id).is_some_and(|t| t.assignment.kind_first)).then_some(id)
    }

    /// The kind the student chose for `document` in assignment `id` (empty: none yet). Tracked.
    pub fn kind_chosen(&self, id: &str, document: &str) -> String {
        self.saved.with(|saved| saved.taking(id).and_then(|t| t.kinds.get(document).cloned())).unwrap_or_default()
    }

    /// For the feedback compared now: each text whose kind the key gives, with its title, the
    /// kind chosen and the key's, in the assignment's order. Tracked.
    pub fn compared_kinds(&self) -> Vec<(String, String, String)> {
        let mode = self.view.mode.get();
        let Some(assignment) = self.current() else { return Vec::new() };
        let (chosen, expected): (Kinds, Kinds) = match &mode {
            Mode::Student(id) if self.feedback_open.get() => {
                self.saved.with(|saved| saved.taking(id).map(|t| (t.kinds.clone(), t.key_kinds.clone()))).unwrap_or_default()
            }
            Mode::Review { assignment: id, student } => self
                .saved
                .with(|saved| {
                    let teaching = saved.teaching(id)?;
                    let work = teaching.collected.iter().find(|w| w.student == *student)?;
                    let chosen = work.documents.iter().filter(|d| !d.kind.is_empty()).map(|d| (d.id.clone(), d.kind.clone())).collect();
                    Some((chosen, teaching.assignment.key_kinds()))
                })
                .unwrap_or_default(),
            _ => return Vec::new(),
        };
        assignment
            .documents
            .iter()
            .filter_map(|d| Some((d.title.clone(), chosen.get(&d.id).cloned().unwrap_or_default(), expected.get(&d.id)?.clone())))
            .collect()
    }

    /// What the class's coverage of assignment `id` is drawn from. Tracked.
    pub fn class_coverage(&self, id: &str) -> Option<ClassWork> {
        let key = self.key_of(id)?;
        self.saved.with(|saved| {
            let teaching = saved.teaching(id)?;
            let documents = &teaching.assignment.documents;
            let by_document = |work: &HandIn| documents.iter().map(|d| (d.id.clone(), work.annotations(&d.id).to_vec())).collect();
            let students = teaching.collected.iter().map(by_document).collect();
            Some(ClassWork { documents: documents.iter().map(|d| (d.id.clone(), d.title.clone())).collect(), key, students })
        })
    }

    pub fn current(&self) -> Option<Assignment> {
        let id = self.view.mode.with(|mode| mode.assignment().map(str::to_owned))?;
        self.saved.with(|saved| saved.assignment(&id).cloned())
    }

    fn enter(&self, mode: Mode) {
        let first = self.saved.with_untracked(|saved| {
            mode.assignment().and_then(|id| saved.assignment(id)).and_then(|a| a.documents.first()).map(|d| d.id.clone())
        });
        match first {
            Some(id) => self.enter_at(mode, &id),
            None => {
                self.turn_to(mode);
                self.view.go_to_start();
            }
        }
    }

    pub fn open_teacher_view(&self) {
        self.turn_to(Mode::Teacher);
        address::go(&Address::Teacher);
    }

    /// Turns to a view of one's own work across documents: the claims board, or the search.
    pub fn open_across(&self, mode: Mode) {
        self.turn_to(mode);
    }

    /// Back to one's own work, at the article that was open.
    pub fn leave(&self) {
        self.turn_to(Mode::Reading);
        address::go(&Mode::Reading.address(self.view.open.get_untracked().as_deref()));
    }

    /// Turns to the place `address` names, as Back, Forward, a link or a reload reach it: the
    /// classroom's places turn to their mode (once: arriving where the page is changes nothing);
    /// an article leaves them for one's own work. Says why when the place is not here.
    pub fn arrive(&self, address: &Address) {
        let mode = self.view.mode.get_untracked();
        match Mode::of_address(address) {
            Some(arrived) if arrived == mode => {}
            Some(arrived) => match arrived.assignment() {
                Some(id) if self.saved.with_untracked(|saved| saved.assignment(id).is_none()) => {
                    self.view.say(Message::alert("That assignment is not in this browser: open it, or collect its work, first."));
                }
                // A key, a review or a discussion shows the key: while the keys kept here are
                // locked, the teacher view asks for them first.
                Some(_) if !untrack(|| self.keys.at_hand()) => self.turn_to(Mode::Teacher),
                _ => self.turn_to(arrived),
            },
            None if mode.has_address() => self.turn_to(Mode::Reading),
            None => {}
        }
    }

    /// Turns to `mode` at document `document`, at once (the address follows): a passage asked to
    /// be shown there next is shown, not the place where the document was last read.
    pub fn enter_at(&self, mode: Mode, document: &str) {
        self.turn_to(mode);
        self.view.set_open(Some(document.to_owned()));
        self.view.go_to(document);
    }

    /// Turns to `mode` at the top of document `document`: a hand-in shows its student and
    /// **Return to student** first, a discussion its beginning.
    pub fn enter_at_top(&self, mode: Mode, document: &str) {
        self.enter_at(mode, document);
        self.view.set_reveal(Some((document.to_owned(), Reveal::Place(Place::default()))));
    }

    fn turn_to(&self, mode: Mode) {
        // An annotation selected in one mode is not one to edit in the next.
        self.view.selected.set(None);
        self.remember(&mode);
        self.feedback_open.set(false);
        self.key_shown.set(false);
        self.view.mode.set(mode);
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

    /// Opens `student`'s hand-in on assignment `id` at its top, remembering whose it is so that
    /// the teacher view, once back, shows that student's row.
    pub fn review(&self, id: &str, student: &str) {
        self.reviewed.set_value(Some(student.to_owned()));
        let mode = Mode::Review { assignment: id.to_owned(), student: student.to_owned() };
        let first = self.saved.with_untracked(|saved| saved.assignment(id).and_then(|a| a.documents.first()).map(|d| d.id.clone()));
        match first {
            Some(document) => self.enter_at_top(mode, &document),
            None => self.enter(mode),
        }
    }

    /// The student whose hand-in was reviewed last, taken: the teacher view shows their row once.
    pub fn take_reviewed(&self) -> Option<String> {
        self.reviewed.try_update_value(Option::take).flatten()
    }

    /// Turns projector mode on or off; on, it also forgets the messages, past ones too, which may
    /// name students.
    pub fn set_projector(&self, on: bool) {
        if on {
            self.view.forget_messages();
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
                order::map_of(assignment.documents.iter().map(|d| (d.id.clone(), work.annotations(&d.id).to_vec())))
            }
            _ => return None,
        };
        Some((assignment, key, marked))
    }

    /// For document `id`: the mark of each compared annotation by id, and the key's misses.
    /// Tracked; `None` when nothing is compared.
    pub fn marks(&self, document_id: &str) -> Option<(HashMap<String, Verdict>, Vec<Annotation>)> {
        let (_, key, marked) = self.compared()?;
        let (key, marked) = (key.get(document_id).cloned().unwrap_or_default(), marked.get(document_id).cloned().unwrap_or_default());
        let (marks, missed) = feedback::compare(&key, &marked);
        let marks = marked.iter().map(|a| a.id.clone()).zip(marks).collect();
        Some((marks, missed.into_iter().cloned().collect()))
    }

    /// What document `document_id` shows, tracked, lent to `then` with how it compares with the
    /// key when feedback is shown. The one answer the article, the list of annotations, the
    /// keyboard's `[`, `]` and Tab, and printing all use, so that they never disagree.
    pub fn with_shown<T>(&self, document_id: &str, then: impl FnOnce(&Shown, Option<Arc<Compared>>) -> T) -> T {
        let (mut then, mut answer) = (Some(then), None);
        self.lend_shown(document_id, &mut |shown, compared| answer = then.take().map(|then| then(shown, compared)));
        answer.expect("what is shown is lent once")
    }

    /// `with_shown` with the work done once in the code, whoever asks (one copy in the wasm).
    fn lend_shown(&self, document_id: &str, then: &mut dyn FnMut(&Shown, Option<Arc<Compared>>)) {
        let (compared, missed) = match self.marks(document_id) {
            Some((verdicts, missed)) => {
                let ids = missed.iter().map(|a| a.id.clone()).collect();
                (Some(Arc::new(Compared { verdicts, missed: ids })), missed)
            }
            None => (None, Vec::new()),
        };
        let view = self.view;
        let lend = |list: &[Annotation]| view.filter.with(|filter| then(&Shown::new(filter, list, &missed), compared));
        match self.shown_instead(document_id) {
            Some(instead) => lend(&instead),
            None => self.work.with_annotations(document_id, lend),
        }
    }

    /// What the page shows of document `document_id` in place of the work of a layer, tracked: a
    /// hand-in under review, or in a class discussion the key once shown (nothing before).
    fn shown_instead(&self, document_id: &str) -> Option<Vec<Annotation>> {
        let (assignment, student) = match self.view.mode.get() {
            Mode::Review { assignment, student } => (assignment, student),
            Mode::Discussion(id) if self.key_shown.get() => return Some(self.key_of(&id)?.remove(document_id).unwrap_or_default()),
            Mode::Discussion(_) => return Some(Vec::new()),
            _ => return None,
        };
        self.saved.with(|saved| {
            let work = saved.teaching(&assignment)?.collected.iter().find(|w| w.student == student)?;
            Some(work.annotations(document_id).to_vec())
        })
    }
}
