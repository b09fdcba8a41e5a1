//! The state of the running app and every change a person can make to it. Components read the
//! signals here and call these methods; each change to the work is saved before it returns.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::annotation::Annotation;
use crate::core::boundary;
use crate::core::document::{self, Document};
use crate::core::formats::{self, Corpus, Format};
use crate::core::history::{self, History};
use crate::core::id;
use crate::core::import::{self, Here, NewDocument, Report};
use crate::core::label::{self, Label};
use crate::core::own_document::{self, DocumentRecord};
use crate::core::storage::{self, Settings};
use crate::core::sync;
use crate::core::workspace::Workspace;
use crate::ui::{browser, persist, route, text_store};

/// How long after a failed save (a full storage) the next attempt is made.
const SAVE_RETRY: std::time::Duration = std::time::Duration::from_secs(3);

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
    /// The articles that come with Glossa.
    pub bundled: StoredValue<Vec<Arc<Document>>>,
    /// The texts of the documents the person added that are in memory (read from the text
    /// store at start, or just added), under the titles they were added with.
    pub texts: RwSignal<Vec<Arc<Document>>>,
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
    /// What went wrong reading the saved work (shown until dismissed), and where the unreadable
    /// data was copied.
    pub storage_problem: RwSignal<Option<(String, Option<String>)>>,
    /// Why the latest save failed; cleared by the next save that succeeds.
    pub save_problem: RwSignal<Option<String>>,
    /// A save is scheduled for after the next paint.
    save_pending: StoredValue<bool>,
    /// The saved state as this tab last wrote or read it; any other value in storage was written
    /// by another tab, and is merged in before this tab writes.
    synced: StoredValue<Option<String>>,
    /// The labels of that state, to tell this tab's label edits from another's.
    synced_labels: StoredValue<Vec<Label>>,
}

impl Annotator {
    /// Starts from what local storage holds, telling the reader if any of it could not be read.
    pub fn load() -> Annotator {
        let persist::Loaded { state, raw, problem, backup_key } = persist::load_state();
        // What was recovered replaces the unreadable value, but only once that is safe elsewhere.
        let save_recovered = backup_key.is_some();
        let annotator = Annotator {
            synced: StoredValue::new(raw),
            synced_labels: StoredValue::new(state.labels.clone()),
            bundled: StoredValue::new(document::bundled().into_iter().map(Arc::new).collect()),
            texts: RwSignal::new(Vec::new()),
            labels: RwSignal::new(state.labels),
            workspace: RwSignal::new(state.workspace),
            history: RwSignal::new(state.history),
            open: RwSignal::new(None),
            pending: RwSignal::new(None),
            selected: RwSignal::new(None),
            message: RwSignal::new(None),
            storage_problem: RwSignal::new(problem.map(|text| (text, backup_key))),
            save_problem: RwSignal::new(None),
            save_pending: StoredValue::new(false),
            settings: RwSignal::new(persist::load_settings()),
            query: RwSignal::new(String::new()),
            hidden_labels: RwSignal::new(Vec::new()),
            help_open: RwSignal::new(false),
        };
        if save_recovered {
            annotator.save();
        }
        annotator
    }

    /// The text of document `id`, if it is here; tracked only by the texts, so what renders a
    /// document's text does not render again when its title or annotations change.
    pub fn body(&self, id: &str) -> Option<Arc<Document>> {
        let bundled = self.bundled.with_value(|documents| documents.iter().find(|d| d.id == id).cloned());
        bundled.or_else(|| self.texts.with(|texts| texts.iter().find(|d| d.id == id).cloned()))
    }

    /// The title of document `id`, tracked: added documents can be renamed.
    pub fn title(&self, id: &str) -> Option<String> {
        let bundled = self.bundled.with_value(|documents| documents.iter().find(|d| d.id == id).map(|d| d.title.clone()));
        bundled.or_else(|| self.workspace.with(|w| w.record(id).map(|r| r.title.clone())))
    }

    /// Whether `id` is a bundled article or a document the person added.
    pub fn knows(&self, id: &str) -> bool {
        self.bundled.with_value(|documents| documents.iter().any(|d| d.id == id))
            || self.workspace.with_untracked(|w| w.record(id).is_some())
    }

    /// Every document whose text is here, under its current title: what exports cover and imports match.
    pub fn all_documents(&self) -> Vec<Document> {
        let mut documents: Vec<Document> = self.bundled.with_value(|d| d.iter().map(|d| (**d).clone()).collect());
        self.workspace.with_untracked(|w| {
            self.texts.with_untracked(|texts| {
                for record in &w.library {
                    if let Some(text) = texts.iter().find(|d| d.id == record.id) {
                        documents.push(if text.title == record.title { (**text).clone() } else { text.retitled(&record.title) });
                    }
                }
            })
        });
        documents
    }

    /// Reads the texts of the added documents from the text store, and forgets texts that
    /// neither the work, its history nor a recent deletion refers to.
    pub fn load_texts(&self) {
        let referenced: Vec<String> = self.workspace.with_untracked(|w| {
            self.history.with_untracked(|h| {
                let steps = h.undo.iter().chain(&h.redo);
                let in_history = steps.flat_map(|s| &s.documents).flat_map(|c| c.before.iter().chain(&c.after)).map(|r| r.id.clone());
                w.library.iter().map(|r| r.id.clone()).chain(in_history).chain(w.deleted.keys().cloned()).collect()
            })
        });
        let annotator = *self;
        leptos::task::spawn_local(async move {
            if annotator.read_missing_texts().await {
                let _ = text_store::keep_only(&referenced).await;
            }
        });
    }

    /// Reads the texts of added documents that are not in memory yet (at start, or added by
    /// another tab); false when the text store could not be read.
    async fn read_missing_texts(&self) -> bool {
        let records: Vec<DocumentRecord> = self.workspace.with_untracked(|w| {
            self.texts.with_untracked(|texts| w.library.iter().filter(|r| !texts.iter().any(|t| t.id == r.id)).cloned().collect())
        });
        if records.is_empty() {
            return true;
        }
        let ids: Vec<String> = records.iter().map(|r| r.id.clone()).collect();
        match text_store::get(&ids).await {
            Ok(texts) => {
                let mut missing = Vec::new();
                let loaded: Vec<Arc<Document>> = records
                    .iter()
                    .zip(texts)
                    .filter_map(|(record, text)| match text {
                        Some(text) => Some(Arc::new(record.document(&text))),
                        None => {
                            missing.push(format!("“{}”", record.title));
                            None
                        }
                    })
                    .collect();
                self.texts.update(|texts| {
                    for new in loaded {
                        // Another read may have brought it meanwhile.
                        if !texts.iter().any(|t| t.id == new.id) {
                            texts.push(new);
                        }
                    }
                });
                if !missing.is_empty() {
                    let text = format!(
                        "The text of {} is not in this browser's storage any more; its annotations are kept and still export.",
                        missing.join(", ")
                    );
                    self.message.set(Some(Message::alert(text)));
                }
                true
            }
            Err(problem) => {
                let text =
                    format!("The texts of your own documents could not be read: {problem}. Their annotations are kept and still export.");
                self.message.set(Some(Message::alert(text)));
                false
            }
        }
    }

    /// Adds texts the person brought (pasted, opened or dropped): each is normalised, stored,
    /// and added as one step that undo takes back. A text that is here already is opened instead.
    pub fn add_texts(&self, items: Vec<(Option<String>, Result<String, String>)>) {
        let annotator = *self;
        leptos::task::spawn_local(async move {
            let mut added = Vec::new();
            let mut problems = Vec::new();
            for (file_name, raw) in items {
                let what = file_name.as_ref().map_or("The pasted text".to_owned(), |name| format!("“{name}”"));
                let raw = match raw {
                    Ok(raw) => raw,
                    Err(problem) => {
                        problems.push(format!("{what} was not added: {problem}."));
                        continue;
                    }
                };
                let text = own_document::normalize(&raw).text;
                if text.trim().is_empty() {
                    problems.push(format!("{what} was not added: it holds no text."));
                    continue;
                }
                let sha256 = own_document::sha256_hex(&text);
                if let Some((id, title)) = annotator.with_text(&sha256) {
                    problems.push(format!("{what} is already here, as “{title}”."));
                    route::open(&id);
                    continue;
                }
                let record = DocumentRecord::of(&text, None, file_name.as_deref(), &browser::now());
                if let Err(problem) = text_store::put(&record.id, &text).await {
                    problems.push(format!("{what} could not be kept in this browser ({problem}), so it was not added."));
                    continue;
                }
                annotator.texts.update(|texts| texts.push(Arc::new(record.document(&text))));
                added.push(record);
            }
            if let Some(first) = added.first() {
                let titles: Vec<String> = added.iter().map(|r| format!("“{}”", r.title)).collect();
                let description = format!("Added {}", titles.join(", "));
                annotator.change(&description, false, |workspace| {
                    added.iter().for_each(|record| workspace.put_record(record.clone()));
                    true
                });
                route::open(&first.id);
                let mut text = format!("{description}.");
                problems.iter().for_each(|p| text.push_str(&format!(" {p}")));
                annotator.message.set(Some(Message::status(text)));
            } else if !problems.is_empty() {
                annotator.message.set(Some(Message::alert(problems.join(" "))));
            }
        });
    }

    /// The id and title of the document whose text has digest `sha256`, if it is here.
    fn with_text(&self, sha256: &str) -> Option<(String, String)> {
        let bundled = self.bundled.with_value(|d| d.iter().find(|d| d.sha256 == sha256).map(|d| (d.id.clone(), d.title.clone())));
        bundled.or_else(|| self.workspace.with_untracked(|w| w.record_with_text(sha256).map(|r| (r.id.clone(), r.title.clone()))))
    }

    /// Renames added document `id`; the keystrokes of one title are one step.
    pub fn rename_document(&self, id: &str, title: &str) {
        let now = browser::now();
        self.change("Title changed", true, |workspace| workspace.rename_document(id, title, &now));
    }

    /// Deletes added document `id` with its annotations; undo brings both back.
    pub fn delete_document(&self, id: &str) {
        let Some((title, count)) = self.workspace.with_untracked(|w| w.record(id).map(|r| (r.title.clone(), w.annotations(id).len())))
        else {
            return;
        };
        let description = format!("Deleted “{title}” and its {count} annotations");
        let now = browser::now();
        if self.change(&description, false, |workspace| workspace.remove_document(id, &now)) {
            route::open_start();
            self.message.set(Some(Message::status(format!("{description}. Undo (Ctrl+Z) brings them back."))));
        }
    }

    /// Label `id`, tracked: what renders it updates when the label is edited.
    pub fn label(&self, id: &str) -> Option<Label> {
        self.labels.with(|labels| label::find(labels, id).cloned())
    }

    /// Labels the pending selection with `label_id`, or relabels the selected annotation.
    pub fn apply_label(&self, label_id: &str) {
        let Some(label) = self.labels.with_untracked(|labels| label::find(labels, label_id).cloned()) else {
            return;
        };
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
        let Some(document) = self.open.get_untracked().and_then(|id| self.body(&id)) else {
            return;
        };
        let annotation_id = id::uuid_v4(browser::random_bytes());
        let words = self.settings.with_untracked(|s| s.snap_to_words);
        let (start, end) = boundary::snap(&document.text, pending.start, pending.end, words);
        let Some(annotation) = Annotation::create(&document, start, end, &label.id, annotation_id.clone(), &browser::now()) else {
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
        let Some(document_id) = self.open.get_untracked() else {
            return false;
        };
        let shown: Vec<Annotation> = self.workspace.with_untracked(|w| {
            self.hidden_labels
                .with_untracked(|hidden| w.annotations(&document_id).iter().filter(|a| !hidden.contains(&a.label)).cloned().collect())
        });
        let current = self.selected.get_untracked().and_then(|id| shown.iter().position(|a| a.id == id));
        let next = match (current, forward) {
            (None, true) => Some(0),
            (None, false) => shown.len().checked_sub(1),
            (Some(at), true) => Some(at + 1),
            (Some(at), false) => at.checked_sub(1),
        };
        let Some(annotation) = next.and_then(|at| shown.get(at)) else {
            return false;
        };
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
        let Some(selected) = self.selected.get_untracked() else {
            return;
        };
        let Some(quote) = self.workspace.with_untracked(|w| w.find(&selected).map(|(_, a)| a.quote.clone())) else {
            return;
        };
        let description = format!("Annotation deleted: “{quote}”");
        let now = browser::now();
        self.change(&description, false, |workspace| workspace.delete(&selected, &now).is_some());
        self.selected.set(None);
        self.message.set(Some(Message::status(description)));
    }

    /// The whole work in `format`.
    /// The work in `format`: of every document, or of document `only`. Also says how many
    /// annotations it holds.
    pub fn export(&self, format: Format, only: Option<&str>) -> (Vec<u8>, usize) {
        let mut documents = self.all_documents();
        documents.retain(|d| only.is_none_or(|id| d.id == id));
        self.workspace.with_untracked(|workspace| {
            let count = documents.iter().map(|d| workspace.annotations(&d.id).len()).sum();
            let corpus = Corpus { documents: &documents, labels: &self.labels.get_untracked(), workspace };
            (formats::export(format, &corpus, &browser::now()), count)
        })
    }

    /// Merges a file of any importable format into the work; a file that is refused changes
    /// nothing. Documents the file brings are stored first: none is added without its text.
    pub async fn import(&self, file_name: &str, contents: &str) {
        let documents = self.all_documents();
        let now = browser::now();
        let parsed = self.labels.with_untracked(|labels| import::parse(contents, &Here { documents: &documents, labels, now: &now }));
        let parsed = match parsed {
            Ok(mut parsed) => match self.keep_texts(&parsed.new_documents).await {
                Ok(()) => Ok(parsed),
                Err(problem) => {
                    parsed.new_documents.clear();
                    let text = format!("Nothing was imported from “{file_name}”: the texts it brings could not be kept in this browser ({problem}). Your saved annotations are unchanged.");
                    self.message.set(Some(Message::alert(text)));
                    return;
                }
            },
            Err(error) => Err(error),
        };
        let outcome = parsed.map(|mut parsed| {
            let new_labels = std::mem::take(&mut parsed.new_labels);
            if !new_labels.is_empty() {
                // Before the annotations that use them, so that every one renders with its label.
                self.labels.update(|labels| new_labels.iter().for_each(|l| label::adopt(labels, l.clone())));
            }
            let mut merged = import::Merged::default();
            let changed = self.change(&format!("Import of “{file_name}”"), false, |workspace| {
                merged = import::merge(workspace, parsed);
                merged.added + merged.updated + merged.new_documents.len() > 0
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

    /// Stores the texts of `new` documents and holds them in memory.
    async fn keep_texts(&self, new: &[NewDocument]) -> Result<(), String> {
        for document in new {
            text_store::put(&document.record.id, &document.text).await?;
        }
        self.texts.update(|texts| texts.extend(new.iter().map(|d| Arc::new(d.record.document(&d.text)))));
        Ok(())
    }

    pub fn undo(&self) {
        self.walk_history(History::undo, "Undone");
    }

    pub fn redo(&self) {
        self.walk_history(History::redo, "Redone");
    }

    fn walk_history(&self, walk: fn(&mut History, &mut Workspace, &str) -> Option<String>, verb: &str) {
        // In place: a long work is neither copied nor compared to walk one step.
        let mut description = None;
        let now = browser::now();
        self.history.maybe_update(|history| {
            self.workspace.maybe_update(|workspace| {
                description = walk(history, workspace, &now);
                description.is_some()
            });
            description.is_some()
        });
        let Some(description) = description else {
            return;
        };
        if self.selected.get_untracked().is_some_and(|id| self.workspace.with_untracked(|w| w.find(&id).is_none())) {
            self.selected.set(None);
        }
        self.save();
        self.message.set(Some(Message::status(format!("{verb}: {description}"))));
    }

    /// Applies `edit` to the work, records what it changed as one step named by `description`
    /// (joining the previous step if `continuing`), and saves. `edit` says whether it changed
    /// anything; the return value says whether anything changed.
    fn change(&self, description: &str, continuing: bool, edit: impl FnOnce(&mut Workspace) -> bool) -> bool {
        let mut changes = history::Changes::default();
        self.workspace.maybe_update(|workspace| {
            let before = workspace.clone();
            if edit(workspace) {
                changes = history::diff(&before, workspace);
            }
            if changes.is_empty() {
                // Nothing really changed: the work goes back as it was, and nothing renders.
                *workspace = before;
            }
            !changes.is_empty()
        });
        if changes.is_empty() {
            return false;
        }
        self.history.update(|history| {
            if continuing {
                history.record_continuing(description, changes);
            } else {
                history.record(description, changes);
            }
        });
        self.save();
        true
    }

    /// Saves everything just after the change is painted: a long work takes a moment to write,
    /// and the highlight should not wait for it. Several changes in one frame are saved once;
    /// leaving the page saves at once (`save_now`).
    pub fn save(&self) {
        if self.save_pending.get_value() {
            return;
        }
        self.save_pending.set_value(true);
        let annotator = *self;
        request_animation_frame(move || set_timeout(move || annotator.flush_save(), std::time::Duration::ZERO));
        // A hidden page gets no frames; then this saves it.
        set_timeout(move || annotator.flush_save(), std::time::Duration::from_millis(250));
    }

    /// Saves now, if a save is waiting.
    pub fn flush_save(&self) {
        if self.save_pending.get_value() {
            self.save_now();
        }
    }

    /// Saves everything, first merging in what another tab saved since this one last did;
    /// whether or not that works, the work stays in memory, usable and exportable.
    fn save_now(&self) {
        self.save_pending.set_value(false);
        let problem = self.write_merged().err();
        let failed = problem.is_some();
        if self.save_problem.get_untracked() != problem {
            self.save_problem.set(problem);
        }
        // Storage may be full now and free later: try again now and then, until a save succeeds.
        if failed && !self.save_pending.get_value() {
            self.save_pending.set_value(true);
            let annotator = *self;
            set_timeout(move || annotator.flush_save(), SAVE_RETRY);
        }
    }

    fn write_merged(&self) -> Result<(), String> {
        let stored = persist::saved_state()?;
        if let Some(stored) = stored.filter(|stored| self.synced.with_value(|synced| synced.as_ref() != Some(stored))) {
            self.take_in(stored)?;
        }
        let written = self.workspace.with_untracked(|workspace| {
            self.history.with_untracked(|history| self.labels.with_untracked(|labels| persist::save_state(workspace, history, labels)))
        })?;
        self.synced.set_value(Some(written));
        self.synced_labels.set_value(self.labels.get_untracked());
        Ok(())
    }

    /// Another tab saved `raw`: its work joins this tab's (see `core::sync`). A save follows
    /// only if this tab holds something the saved state lacks.
    pub fn take_saved_elsewhere(&self, raw: String) {
        if self.synced.with_value(|synced| synced.as_ref() == Some(&raw)) {
            return;
        }
        match self.take_in(raw) {
            // A save also clears an alert left by a state this tab could not read before.
            Ok(lacking) if lacking || self.save_problem.get_untracked().is_some() => self.save(),
            Ok(_) => {}
            Err(problem) => self.save_problem.set(Some(problem)),
        }
    }

    /// Joins the state another tab saved (`raw`) into this tab's work and labels; says whether
    /// this tab holds anything that state lacks. A state that cannot be read is left alone, and
    /// this tab does not write over it.
    fn take_in(&self, raw: String) -> Result<bool, String> {
        let theirs =
            storage::read_state(&raw).map_err(|problem| format!("Another tab saved work that this tab cannot read ({problem})."))?;
        let joined = self.workspace.with_untracked(|ours| sync::join(ours, &theirs.workspace));
        let lacking = joined != theirs.workspace;
        if self.workspace.with_untracked(|ours| *ours != joined) {
            self.workspace.set(joined);
            if self.selected.get_untracked().is_some_and(|id| self.workspace.with_untracked(|w| w.find(&id).is_none())) {
                self.selected.set(None);
            }
            let annotator = *self;
            leptos::task::spawn_local(async move {
                annotator.read_missing_texts().await;
            });
            self.message.set(Some(Message::status("Changes made in another tab are merged in.")));
        }
        let labels = self.synced_labels.with_value(|base| self.labels.with_untracked(|ours| label::join(ours, base, &theirs.labels)));
        if self.labels.with_untracked(|ours| *ours != labels) {
            self.labels.set(labels.clone());
        }
        self.synced.set_value(Some(raw));
        self.synced_labels.set_value(theirs.labels.clone());
        Ok(lacking || labels != theirs.labels)
    }

    /// Downloads the work (of every document, or of document `only`) in `format` and says so.
    pub fn download(&self, format: Format, only: Option<&str>) {
        let (bytes, count) = self.export(format, only);
        let message = match browser::download(format.file_name(), format.mime(), &bytes) {
            Ok(()) => Message::status(format!("Exported {count} annotations to {} ({}).", format.file_name(), format.name())),
            Err(error) => Message::alert(format!("The export could not be offered as a download ({error:?}).")),
        };
        self.message.set(Some(message));
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
