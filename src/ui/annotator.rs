//! The state of the running app and every change a person can make to it. Components read the
//! signals here and call these methods; each change to the work is saved before it returns.

use leptos::prelude::*;

use crate::core::annotation::Annotation;
use crate::core::boundary;
use crate::core::storage::Settings;
use crate::core::document::{self, Document};
use crate::core::history::{self, History};
use crate::core::import::{self, Report};
use crate::core::label::{self, Label};
use crate::core::workspace::Workspace;
use crate::core::formats::{self, Corpus, Format};
use crate::core::id;
use crate::ui::{browser, persist};

/// A stretch of the open article the reader has selected but not labelled yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending {
    pub start: usize,
    pub end: usize,
}

/// What the reader is told: a result (status) or a failure (alert), with optional details.
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

#[derive(Clone, Copy)]
pub struct Annotator {
    pub documents: StoredValue<Vec<Document>>,
    /// The reader's labels, in toolbar order.
    pub labels: RwSignal<Vec<Label>>,
    pub workspace: RwSignal<Workspace>,
    pub history: RwSignal<History>,
    /// Id of the article being read; mirrors the URL fragment.
    pub open: RwSignal<Option<String>>,
    pub pending: RwSignal<Option<Pending>>,
    /// Id of the annotation being edited.
    pub selected: RwSignal<Option<String>>,
    pub message: RwSignal<Option<Message>>,
    pub settings: RwSignal<Settings>,
    /// What the reader searches for in the open article.
    pub query: RwSignal<String>,
    /// Whether the list of shortcuts is shown.
    pub help_open: RwSignal<bool>,
    /// Labels whose annotations are hidden from the article and the list.
    pub hidden_labels: RwSignal<Vec<String>>,
    /// Why the latest save failed; cleared by the next save that succeeds.
    pub save_problem: RwSignal<Option<String>>,
}

impl Annotator {
    /// Starts from what local storage holds, telling the reader if any of it could not be read.
    pub fn load() -> Annotator {
        let (state, problem) = persist::load_state();
        Annotator {
            documents: StoredValue::new(document::bundled()),
            labels: RwSignal::new(state.labels),
            workspace: RwSignal::new(state.workspace),
            history: RwSignal::new(state.history),
            open: RwSignal::new(None),
            pending: RwSignal::new(None),
            selected: RwSignal::new(None),
            message: RwSignal::new(problem.map(Message::alert)),
            save_problem: RwSignal::new(None),
            settings: RwSignal::new(persist::load_settings()),
            query: RwSignal::new(String::new()),
            hidden_labels: RwSignal::new(Vec::new()),
            help_open: RwSignal::new(false),
        }
    }

    pub fn document(&self, id: &str) -> Option<Document> {
        self.documents.with_value(|documents| documents.iter().find(|d| d.id == id).cloned())
    }

    /// Label `id`, tracked: what renders it updates when the label is edited.
    pub fn label(&self, id: &str) -> Option<Label> {
        self.labels.with(|labels| label::find(labels, id).cloned())
    }

    /// Labels the pending selection with `label_id`, or relabels the selected annotation.
    pub fn apply_label(&self, label_id: &str) {
        let Some(label) = self.labels.with_untracked(|labels| label::find(labels, label_id).cloned()) else { return };
        // The page's selection, if the browser has not reported its latest change yet.
        if let Some(pending) = self.pending.get_untracked().or_else(crate::ui::reader::current_selection) {
            self.create(pending, &label);
        } else if let Some(selected) = self.selected.get_untracked() {
            let now = browser::now();
            let description = format!("Label changed to {}", label.name);
            if self.change(&description, false, |workspace| workspace.relabel(&selected, &label.id, &now)) {
                self.message.set(Some(Message::status(format!("{description}."))));
            }
        }
    }

    fn create(&self, pending: Pending, label: &Label) {
        let Some(document) = self.open.get_untracked().and_then(|id| self.document(&id)) else { return };
        let annotation_id = id::uuid_v4(browser::random_bytes());
        let words = self.settings.with_untracked(|s| s.snap_to_words);
        let (start, end) = boundary::snap(&document.text, pending.start, pending.end, words);
        let Some(annotation) = Annotation::create(&document, start, end, &label.id, annotation_id.clone(), &browser::now())
        else {
            self.message.set(Some(Message::alert("The selection holds only spaces: select some words to label.")));
            return;
        };
        let description = format!("{} added: “{}”", label.name, annotation.quote);
        self.change(&description, false, |workspace| {
            workspace.put(&document.id, annotation);
            true
        });
        self.pending.set(None);
        browser::clear_text_selection();
        self.selected.set(Some(annotation_id));
        self.message.set(Some(Message::status(description)));
    }

    /// Selects the next (or previous) shown annotation of the open article in text order, from
    /// the selected one; false when there is none that way.
    pub fn select_adjacent(&self, forward: bool) -> bool {
        let Some(document_id) = self.open.get_untracked() else { return false };
        let shown: Vec<Annotation> = self.workspace.with_untracked(|w| {
            self.hidden_labels.with_untracked(|hidden| {
                w.annotations(&document_id).iter().filter(|a| !hidden.contains(&a.label)).cloned().collect()
            })
        });
        let current = self.selected.get_untracked().and_then(|id| shown.iter().position(|a| a.id == id));
        let next = match (current, forward) {
            (None, true) => Some(0),
            (None, false) => shown.len().checked_sub(1),
            (Some(at), true) => Some(at + 1),
            (Some(at), false) => at.checked_sub(1),
        };
        let Some(annotation) = next.and_then(|at| shown.get(at)) else { return false };
        self.select(&annotation.id);
        crate::ui::reader::scroll_to_annotation(&annotation.id);
        let name = self.label(&annotation.label).map_or(annotation.label.clone(), |l| l.name);
        let at = next.unwrap_or_default() + 1;
        self.message.set(Some(Message::status(format!("{name}: “{}” ({at} of {})", annotation.quote, shown.len()))));
        true
    }

    pub fn set_attribution(&self, annotation_id: &str, attributed_to: &str) {
        let now = browser::now();
        self.change("Attribution changed", true, |workspace| workspace.set_attribution(annotation_id, attributed_to, &now));
    }

    /// Selects annotation `id` for editing.
    pub fn select(&self, id: &str) {
        self.pending.set(None);
        self.selected.set(Some(id.to_owned()));
    }

    /// Selects one of the annotations `ids` (which cover the same characters): the one after the
    /// selected one, so that clicking again reaches each of them in turn.
    pub fn select_next_of(&self, ids: &[String]) {
        let current = self.selected.get_untracked();
        let at = current.and_then(|c| ids.iter().position(|id| *id == c));
        let next = at.map_or(ids.len() - 1, |at| (at + ids.len() - 1) % ids.len());
        self.select(&ids[next]);
    }

    pub fn set_note(&self, annotation_id: &str, note: &str) {
        let now = browser::now();
        self.change("Note changed", true, |workspace| workspace.set_note(annotation_id, note, &now));
    }

    pub fn delete_selected(&self) {
        let Some(selected) = self.selected.get_untracked() else { return };
        let Some(quote) = self.workspace.with_untracked(|w| w.find(&selected).map(|(_, a)| a.quote.clone())) else { return };
        let description = format!("Annotation deleted: “{quote}”");
        self.change(&description, false, |workspace| workspace.delete(&selected).is_some());
        self.selected.set(None);
        self.message.set(Some(Message::status(description)));
    }

    /// The whole work in `format`.
    pub fn export(&self, format: Format) -> Vec<u8> {
        self.workspace.with_untracked(|workspace| {
            self.documents.with_value(|documents| {
                self.labels.with_untracked(|labels| formats::export(format, &Corpus { documents, labels, workspace }, &browser::now()))
            })
        })
    }

    /// Merges an exported file into the work; a file that is refused changes nothing.
    pub fn import(&self, file_name: &str, contents: &str) {
        let parsed = self.documents.with_value(|documents| {
            self.labels.with_untracked(|labels| import::parse(contents, documents, labels))
        });
        let outcome = parsed.map(|mut parsed| {
            let new_labels = std::mem::take(&mut parsed.new_labels);
            if !new_labels.is_empty() {
                // Before the annotations that use them, so that every one renders with its label.
                self.labels.update(|labels| new_labels.iter().for_each(|l| label::adopt(labels, l.clone())));
            }
            let mut merged = import::Merged::default();
            let changed = self.change(&format!("Import of “{file_name}”"), false, |workspace| {
                merged = import::merge(workspace, parsed);
                merged.added + merged.updated > 0
            });
            if !changed && !new_labels.is_empty() {
                self.save();
            }
            merged.new_labels = new_labels;
            merged
        });
        let Report { failed, summary, details } = import::report(file_name, &outcome);
        self.message.set(Some(Message { alert: failed, text: summary, details }));
    }

    pub fn undo(&self) {
        self.walk_history(History::undo, "Undone");
    }

    pub fn redo(&self) {
        self.walk_history(History::redo, "Redone");
    }

    fn walk_history(&self, walk: fn(&mut History, &mut Workspace) -> Option<String>, verb: &str) {
        let (mut workspace, mut history) = (self.workspace.get_untracked(), self.history.get_untracked());
        let Some(description) = walk(&mut history, &mut workspace) else { return };
        if self.selected.get_untracked().is_some_and(|id| workspace.find(&id).is_none()) {
            self.selected.set(None);
        }
        self.store(workspace, history);
        self.message.set(Some(Message::status(format!("{verb}: {description}"))));
    }

    /// Applies `edit` to a copy of the work, records what it changed as one step named by
    /// `description` (joining the previous step if `continuing`), and saves. `edit` says whether
    /// it changed anything; the return value says whether anything changed.
    fn change(&self, description: &str, continuing: bool, edit: impl FnOnce(&mut Workspace) -> bool) -> bool {
        let before = self.workspace.get_untracked();
        let mut after = before.clone();
        if !edit(&mut after) {
            return false;
        }
        let changes = history::diff(&before, &after);
        if changes.is_empty() {
            return false;
        }
        let mut history = self.history.get_untracked();
        if continuing {
            history.record_continuing(description, changes);
        } else {
            history.record(description, changes);
        }
        self.store(after, history);
        true
    }

    fn store(&self, workspace: Workspace, history: History) {
        self.workspace.set(workspace);
        self.history.set(history);
        self.save();
    }

    /// Saves everything; whether or not that works, the work stays in memory, usable and exportable.
    pub fn save(&self) {
        let problem = self.workspace.with_untracked(|workspace| {
            self.history.with_untracked(|history| {
                self.labels.with_untracked(|labels| persist::save_state(workspace, history, labels).err())
            })
        });
        if self.save_problem.get_untracked() != problem {
            self.save_problem.set(problem);
        }
    }

    /// Applies `edit` to the label set and saves it, or tells the reader why it was refused.
    pub fn edit_labels(&self, edit: impl FnOnce(&mut Vec<Label>) -> Result<(), String>) -> bool {
        let mut labels = self.labels.get_untracked();
        match edit(&mut labels) {
            Ok(()) => {
                self.labels.set(labels);
                self.save();
                true
            }
            Err(problem) => {
                self.message.set(Some(Message::alert(problem)));
                false
            }
        }
    }
}
