//! What the reader sees: which document is open, what is selected, what is searched for and
//! shown, how the page looks, and what the reader is told.

use leptos::prelude::*;

use crate::core::classroom::assignment::Layer;
use crate::core::model::label::Label;
use crate::core::reading::address::Address;
use crate::core::reading::shown::{self, LabelFilter};
use crate::core::text::search::Query;
use crate::core::work::storage::{Place, Settings};
use crate::ui::{browser, browser::address, browser::article, browser::persist};

/// A stretch of the open article the reader has selected but not labelled yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending {
    pub start: usize,
    pub end: usize,
}

/// A place in the open article to bring on screen, once it is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reveal {
    /// The text `[start, end)`, centred; selected too when `select`.
    Text { start: usize, end: usize, select: bool },
    /// Where the reader left the article.
    Place(Place),
}

/// What the reader is told: a result (status) or a failure (alert), with optional details.
/// A result goes away by itself; a failure stays until dismissed; both are kept in the list of
/// past messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub alert: bool,
    pub text: String,
    pub details: Vec<String>,
}

impl Message {
    pub fn status(text: impl Into<String>) -> Message {
        Message { alert: false, text: text.into(), details: Vec::new() }
    }
    pub fn alert(text: impl Into<String>) -> Message {
        Message { alert: true, text: text.into(), details: Vec::new() }
    }
}

/// How many past messages the list keeps.
const MESSAGES_KEPT: usize = 30;

/// What the page is for at the moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Reading and annotating one's own work.
    #[default]
    Reading,
    /// The teacher view: assignments made here and their classes.
    Teacher,
    /// Annotating the answer key of assignment `id`.
    Key(String),
    /// Working on assignment `id` as a student.
    Student(String),
    /// Reading `student`'s hand-in on assignment `id`, as their teacher.
    Review { assignment: String, student: String },
    /// Discussing assignment `id` with the class: its texts with how the class marked them.
    Discussion(String),
    /// The claims board: one's own annotations across documents, grouped by who says what.
    Board,
    /// A search of every document, whose matches open their passage and may be labelled at once.
    Search,
    /// Curating several annotators' work into the gold standard, which the article shows.
    Curation,
}

impl Mode {
    /// The layer of the work this mode shows and edits.
    pub fn layer(&self) -> Layer {
        match self {
            Mode::Key(id) => Layer::Key(id.clone()),
            Mode::Student(id) => Layer::Student(id.clone()),
            Mode::Curation => Layer::Gold,
            _ => Layer::Own,
        }
    }

    /// The place of the page this mode is at document `document`: the classroom's places have
    /// addresses of their own; reading, a student's work and the board are at the article.
    pub fn address(&self, document: Option<&str>) -> Address {
        let at = |document: &str| document.to_owned();
        match (self, document) {
            (Mode::Teacher, _) => Address::Teacher,
            (Mode::Key(assignment), Some(document)) => Address::Key { assignment: assignment.clone(), document: at(document) },
            (Mode::Review { assignment, student }, Some(document)) => {
                Address::Review { assignment: assignment.clone(), student: student.clone(), document: at(document) }
            }
            (Mode::Discussion(assignment), Some(document)) => {
                Address::Discussion { assignment: assignment.clone(), document: at(document) }
            }
            (_, Some(document)) => Address::Article(at(document)),
            (_, None) => Address::Start,
        }
    }

    /// The mode an address names, if it names one of the classroom's places.
    pub fn of_address(address: &Address) -> Option<Mode> {
        match address {
            Address::Teacher => Some(Mode::Teacher),
            Address::Key { assignment, .. } => Some(Mode::Key(assignment.clone())),
            Address::Review { assignment, student, .. } => Some(Mode::Review { assignment: assignment.clone(), student: student.clone() }),
            Address::Discussion { assignment, .. } => Some(Mode::Discussion(assignment.clone())),
            Address::Start | Address::Article(_) => None,
        }
    }

    /// Whether this mode is one of the classroom's places, with an address of its own.
    pub fn has_address(&self) -> bool {
        matches!(self, Mode::Teacher | Mode::Key(_) | Mode::Review { .. } | Mode::Discussion(_))
    }

    /// The assignment this mode is about, if any.
    pub fn assignment(&self) -> Option<&str> {
        match self {
            Mode::Key(id) | Mode::Student(id) | Mode::Review { assignment: id, .. } | Mode::Discussion(id) => Some(id),
            Mode::Reading | Mode::Teacher | Mode::Board | Mode::Search | Mode::Curation => None,
        }
    }
}

/// A signal of the view as components see it: read (tracked or not), never written; the view's
/// own methods change it. A wrapper of the signal itself, so that reading it costs no code of its own.
pub struct Reading<T: 'static>(RwSignal<T>);

impl<T: 'static> Clone for Reading<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Reading<T> {}

impl<T: Send + Sync + 'static> Reading<T> {
    #[inline]
    pub fn with<U>(&self, read: impl FnOnce(&T) -> U) -> U {
        self.0.with(read)
    }

    #[inline]
    pub fn with_untracked<U>(&self, read: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(read)
    }

    #[inline]
    pub fn track(&self) {
        self.0.track();
    }
}

impl<T: Clone + Send + Sync + 'static> Reading<T> {
    #[inline]
    pub fn get(&self) -> T {
        self.0.get()
    }

    #[inline]
    pub fn get_untracked(&self) -> T {
        self.0.get_untracked()
    }

    #[inline]
    /// `None` once the app is unmounted (a debounced call may come after).
    pub fn try_get_untracked(&self) -> Option<T> {
        self.0.try_get_untracked()
    }
}

#[derive(Clone, Copy)]
pub struct View {
    pub(super) mode: RwSignal<Mode>,
    /// The labels of the assignment being worked on, which replace the reader's own (and cannot
    /// be edited) while it is.
    pub(super) locked_labels: RwSignal<Option<Vec<Label>>>,
    /// Why the work shown can be read but not changed, when it cannot (an assignment's work once
    /// its key was seen, a hand-in under review).
    pub(super) frozen: RwSignal<Option<&'static str>>,
    /// Id of the document being read; mirrors the URL fragment.
    pub(super) open: RwSignal<Option<String>>,
    pub(super) pending: RwSignal<Option<Pending>>,
    /// Id of the annotation being edited.
    pub(super) selected: RwSignal<Option<String>>,
    /// What an article (by id) is to bring on screen next: the article takes the request once
    /// it is drawn, so a request can open the article too.
    pub(super) reveal: RwSignal<Option<(String, Reveal)>>,
    /// What the reader searches for in the open article.
    pub(super) query: RwSignal<String>,
    /// The last search of every document, kept while the reader opens its matches.
    pub(super) searched: RwSignal<Query>,
    /// Which labels' annotations the article and the list show.
    pub(super) filter: RwSignal<LabelFilter>,
    /// Whether the list of shortcuts is shown.
    pub(super) help_open: RwSignal<bool>,
    /// Whether the list of past messages is shown.
    pub(super) messages_open: RwSignal<bool>,
    pub(super) settings: RwSignal<Settings>,
    /// The result shown now, with its turn: the same words said again are a new report.
    pub(super) report: RwSignal<Option<(u32, Message)>>,
    /// The failure shown now, until dismissed.
    pub(super) alert: RwSignal<Option<Message>>,
    /// Every message of this session, the newest last (at most `MESSAGES_KEPT`).
    pub(super) past: RwSignal<Vec<Message>>,
    /// How many results were said: each report's turn.
    pub(super) reports_said: StoredValue<u32>,
}

impl View {
    pub fn new() -> View {
        View {
            mode: RwSignal::new(Mode::Reading),
            locked_labels: RwSignal::new(None),
            frozen: RwSignal::new(None),
            open: RwSignal::new(None),
            pending: RwSignal::new(None),
            selected: RwSignal::new(None),
            reveal: RwSignal::new(None),
            query: RwSignal::new(String::new()),
            searched: RwSignal::new(Query { ignore_case: true, ignore_accents: true, ..Query::default() }),
            filter: RwSignal::new(LabelFilter::default()),
            help_open: RwSignal::new(false),
            messages_open: RwSignal::new(false),
            settings: RwSignal::new(persist::load_settings()),
            report: RwSignal::new(None),
            alert: RwSignal::new(None),
            past: RwSignal::new(Vec::new()),
            reports_said: StoredValue::new(0),
        }
    }

    // The view's signals are the state's alone: read through these, changed by the methods below.
    pub fn mode(&self) -> Reading<Mode> {
        Reading(self.mode)
    }

    pub fn locked_labels(&self) -> Reading<Option<Vec<Label>>> {
        Reading(self.locked_labels)
    }

    pub fn frozen(&self) -> Reading<Option<&'static str>> {
        Reading(self.frozen)
    }

    pub fn open(&self) -> Reading<Option<String>> {
        Reading(self.open)
    }

    pub fn pending(&self) -> Reading<Option<Pending>> {
        Reading(self.pending)
    }

    pub fn selected(&self) -> Reading<Option<String>> {
        Reading(self.selected)
    }

    pub fn reveal(&self) -> Reading<Option<(String, Reveal)>> {
        Reading(self.reveal)
    }

    pub fn query(&self) -> Reading<String> {
        Reading(self.query)
    }

    pub fn searched(&self) -> Reading<Query> {
        Reading(self.searched)
    }

    pub fn filter(&self) -> Reading<LabelFilter> {
        Reading(self.filter)
    }

    pub fn help_open(&self) -> Reading<bool> {
        Reading(self.help_open)
    }

    pub fn messages_open(&self) -> Reading<bool> {
        Reading(self.messages_open)
    }

    pub fn settings(&self) -> Reading<Settings> {
        Reading(self.settings)
    }

    pub fn report(&self) -> Reading<Option<(u32, Message)>> {
        Reading(self.report)
    }

    pub fn alert(&self) -> Reading<Option<Message>> {
        Reading(self.alert)
    }

    pub fn past_messages(&self) -> Reading<Vec<Message>> {
        Reading(self.past)
    }

    pub fn set_open(&self, document: Option<String>) {
        self.open.set(document);
    }

    pub fn set_pending(&self, pending: Option<Pending>) {
        self.pending.set(pending);
    }

    /// Forgets the annotation being edited, or chooses it.
    pub fn set_selected(&self, id: Option<String>) {
        self.selected.set(id);
    }

    pub fn set_reveal(&self, reveal: Option<(String, Reveal)>) {
        self.reveal.set(reveal);
    }

    /// The place the article `document` is to bring on screen, taken: it is done once.
    pub fn take_reveal(&self, document: &str) -> Option<Reveal> {
        self.reveal.try_update_untracked(|reveal| reveal.take_if(|(id, _)| id == document).map(|(_, place)| place)).flatten()
    }

    pub fn search(&self, change: impl FnOnce(&mut Query)) {
        self.searched.update(change);
    }

    pub fn set_query(&self, query: String) {
        self.query.set(query);
    }

    /// Shows or hides the annotations of `label`.
    pub fn show_label(&self, label: &str, shown: bool) {
        self.filter.update(|filter| filter.set_shown(label, shown));
    }

    pub fn set_help_open(&self, open: bool) {
        self.help_open.set(open);
    }

    pub fn set_messages_open(&self, open: bool) {
        self.messages_open.set(open);
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
    }

    /// Takes the report of turn `turn` away, unless another has replaced it.
    pub fn dismiss_report(&self, turn: u32) {
        if self.report.with_untracked(|report| report.as_ref().is_some_and(|(shown, _)| *shown == turn)) {
            self.report.set(None);
        }
    }

    pub fn dismiss_alert(&self) {
        self.alert.set(None);
    }

    /// Forgets every message, those of the list too.
    pub fn forget_messages(&self) {
        self.report.set(None);
        self.alert.set(None);
        self.past.set(Vec::new());
        self.messages_open.set(false);
    }

    /// The layer of the work the reader sees and edits, tracked.
    pub fn layer(&self) -> Layer {
        self.mode.with(Mode::layer)
    }

    /// Tells the reader `message`: a failure replaces the failure shown, a result the result.
    pub fn say(&self, message: Message) {
        self.past.update(|past| {
            if past.len() == MESSAGES_KEPT {
                past.remove(0);
            }
            past.push(message.clone());
        });
        if message.alert {
            self.alert.set(Some(message));
        } else {
            self.reports_said.update_value(|said| *said = said.wrapping_add(1));
            self.report.set(Some((self.reports_said.get_value(), message)));
        }
    }

    /// The reader's selection: as last reported, or read from the page if the browser has not
    /// reported its latest change yet (a key pressed right after a drag).
    pub fn pending_now(&self) -> Option<Pending> {
        self.pending.get_untracked().or_else(|| article::selection().map(|(start, end)| Pending { start, end }))
    }

    /// Selects annotation `id` for editing.
    pub fn select(&self, id: &str) {
        self.pending.set(None);
        self.selected.set(Some(id.to_owned()));
    }

    /// Selects one of the annotations `ids` (which cover the same characters): the one after the
    /// selected one, so that clicking again reaches each of them in turn.
    pub fn select_next_of(&self, ids: &[String]) {
        let selected = self.selected.get_untracked();
        if let Some(id) = shown::clicked(ids, selected.as_deref()) {
            self.select(id);
        }
    }

    /// Brings the text `[start, end)` of the open article on screen, selecting it when `select`.
    pub fn reveal_text(&self, start: usize, end: usize, select: bool) {
        if let Some(document) = self.open.get_untracked() {
            self.reveal.set(Some((document, Reveal::Text { start, end, select })));
        }
    }

    /// Opens document `id` in the place the page is at (an article, a review, a discussion), as
    /// following its link does.
    pub fn go_to(&self, id: &str) {
        address::go(&self.mode.with_untracked(|mode| mode.address(Some(id))));
    }

    /// Back to the start page.
    pub fn go_to_start(&self) {
        address::go(&Address::Start);
    }

    /// Offers `contents` as a download named `file_name`; when the browser refuses, says why
    /// `what` ("The export") could not be offered. Says whether it was.
    pub fn offer_download(&self, file_name: &str, mime: &str, contents: &[u8], what: &str) -> bool {
        match browser::download(file_name, mime, contents) {
            Ok(()) => true,
            Err(problem) => {
                self.say(Message::alert(format!("{what} could not be offered as a download: {problem}.")));
                false
            }
        }
    }

    /// Lets go of the selection and the selected annotation.
    pub fn let_go(&self) {
        self.pending.set(None);
        self.selected.set(None);
        article::clear_text_selection();
    }
}
