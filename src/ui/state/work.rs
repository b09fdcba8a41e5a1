//! The work: annotations, added documents' records and labels, and every change a person makes
//! to them. Each edit reports what it changed (see `core::work::workspace`), which becomes one step of
//! the undo history; `edits` then tells `Saving` that there is something to save.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::classroom::assignment::Layer;
use crate::core::model::annotation::{Annotation, Link, Relation};
use crate::core::model::document::Document;
use crate::core::model::facts::Facts;
use crate::core::model::id;
use crate::core::model::label::{self, Label};
use crate::core::model::own_document::DocumentRecord;
use crate::core::reading::matches::Labelling;
use crate::core::text::boundary;
use crate::core::work::history::{self, History};
use crate::core::work::storage::{self, SavedState};
use crate::core::work::sync;
use crate::core::work::workspace::{Changes, Workspace};
use crate::ui::browser;
use crate::ui::state::texts::Texts;
use crate::ui::state::view::{Message, Mode, Pending, View};

#[derive(Clone, Copy)]
pub struct Work {
    // The work's signals are the state's alone: a component reads through the methods below and
    // changes the work only through `change` and the edits built on it, each one undoable step.
    pub(super) workspace: RwSignal<Workspace>,
    pub(super) history: RwSignal<History>,
    /// The reader's labels, in toolbar order.
    pub(super) labels: RwSignal<Vec<Label>>,
    /// How many changes this tab has made: each is saved (another tab's work taken in is not
    /// counted, it is saved already).
    pub(super) edits: RwSignal<u64>,
    view: View,
    texts: Texts,
}

impl Work {
    /// An empty work; `take` gives it what was saved.
    pub fn new(view: View, texts: Texts) -> Work {
        Work {
            workspace: RwSignal::new(Workspace::default()),
            history: RwSignal::new(History::default()),
            labels: RwSignal::new(Vec::new()),
            edits: RwSignal::new(0),
            view,
            texts,
        }
    }

    /// Starts from the `saved` work, moved in: a large work is never held twice.
    pub(super) fn take(&self, saved: SavedState) {
        let SavedState { workspace, history, labels, .. } = saved;
        self.workspace.set(workspace);
        self.history.set(history);
        self.labels.set(labels);
    }

    /// The title of document `id`, tracked: added documents can be renamed.
    pub fn title(&self, id: &str) -> Option<String> {
        let bundled = self.texts.bundled(id).map(|d| d.title.clone());
        let recorded = || self.workspace.with(|w| w.record(id).map(|r| r.title.clone()));
        bundled.or_else(recorded).or_else(|| self.texts.added(id).map(|d| d.title.clone()))
    }

    /// What document `id` is as a source (its kind, outlet and date), tracked.
    pub fn facts(&self, id: &str) -> Facts {
        self.workspace.with(|w| w.facts(id))
    }

    /// Describes added document `id` as a source; a field too long is refused, in words.
    pub fn describe_document(&self, id: &str, kind: &str, outlet: &str, date: &str) {
        match Facts::given(kind, outlet, date) {
            Ok(facts) => {
                // Named by the field changed: the keystrokes of one field are one step, two fields two.
                let before = self.workspace.with_untracked(|w| w.facts(id));
                let description = if before.kind != facts.kind {
                    "Kind changed"
                } else if before.outlet != facts.outlet {
                    "Outlet changed"
                } else {
                    "Date changed"
                };
                let now = browser::now();
                self.change(description, true, |workspace| workspace.describe_document(id, facts, &now).into());
            }
            Err(why) => self.view.say(Message::alert(why)),
        }
    }

    /// Whether `id` is a bundled article, a document the person added, or one an assignment brought.
    pub fn has_document(&self, id: &str) -> bool {
        self.texts.bundled(id).is_some() || self.workspace.with_untracked(|w| w.record(id).is_some()) || self.texts.added(id).is_some()
    }

    /// The id and title of the document whose text has digest `sha256`, if it is here.
    pub fn with_digest(&self, sha256: &str) -> Option<(String, String)> {
        let bundled = self.texts.bundled_with_digest(sha256).map(|d| (d.id.clone(), d.title.clone()));
        bundled.or_else(|| self.workspace.with_untracked(|w| w.record_with_text(sha256).map(|r| (r.id.clone(), r.title.clone()))))
    }

    /// Every document whose text is here, under its current title: what exports cover and
    /// imports match. Bundled articles are shared, not copied.
    pub fn documents(&self) -> Vec<Arc<Document>> {
        let mut documents = self.texts.all_bundled();
        self.workspace.with_untracked(|w| {
            for record in &w.added_documents {
                if let Some(text) = self.texts.added(&record.id) {
                    documents.push(if text.title == record.title { text } else { Arc::new(text.retitled(&record.title)) });
                }
            }
        });
        documents
    }

    /// The labels in use, tracked: an assignment's (locked) while one is worked on, else the
    /// reader's own.
    /// `read` of the work, tracked.
    pub fn with_workspace<T>(&self, read: impl FnOnce(&Workspace) -> T) -> T {
        self.workspace.with(read)
    }

    /// The reader's own labels, in toolbar order, tracked.
    pub fn labels(&self) -> Vec<Label> {
        self.labels.get()
    }

    /// `read` of the reader's own labels, tracked.
    pub fn with_labels<T>(&self, read: impl FnOnce(&[Label]) -> T) -> T {
        self.labels.with(|labels| read(labels))
    }

    /// What `undo` (`redo` when not `back`) would take back or do again, in words, tracked.
    pub fn next_step(&self, back: bool) -> Option<String> {
        self.history.with(|h| if back { h.undo.last() } else { h.redo.last() }.map(|step| step.description.clone()))
    }

    pub fn labels_in_use(&self) -> Vec<Label> {
        self.view.locked_labels.get().unwrap_or_else(|| self.labels.get())
    }

    /// `read` of the labels in use, untracked.
    pub fn with_labels_in_use<T>(&self, read: impl FnOnce(&[Label]) -> T) -> T {
        match self.view.locked_labels.get_untracked() {
            Some(locked) => read(&locked),
            None => self.labels.with_untracked(|labels| read(labels)),
        }
    }

    /// Label `id` of the labels in use, tracked: what renders it updates when the label is edited.
    pub fn label(&self, id: &str) -> Option<Label> {
        label::find(&self.labels_in_use(), id).cloned()
    }

    /// `read` of the annotations of document `id` in the layer the reader is in, tracked; borrowed,
    /// since a long document's list is read after every edit.
    pub fn with_annotations<T>(&self, id: &str, read: impl FnOnce(&[Annotation]) -> T) -> T {
        let key = self.view.layer().document_key(id);
        self.workspace.with(|w| read(w.annotations(&key)))
    }

    /// Reads the texts of the added documents from the text store, and forgets texts that
    /// neither the work, its history nor a recent deletion refers to.
    pub fn load_texts(&self) {
        let in_use: Vec<String> =
            self.workspace.with_untracked(|w| self.history.with_untracked(|h| history::texts_in_use(w, h).into_iter().collect()));
        let work = *self;
        leptos::task::spawn_local(async move {
            if work.read_missing_texts().await {
                let _ = work.texts.forget_all_but(&in_use).await;
            }
        });
    }

    /// Reads the texts of added documents that are not in memory yet (at start, or added by
    /// another tab), telling the reader of any that cannot be had; false when the text store
    /// could not be read.
    pub async fn read_missing_texts(&self) -> bool {
        let records: Vec<DocumentRecord> = self.workspace.with_untracked(|w| w.added_documents.clone());
        match self.texts.read_missing(records).await {
            Ok(missing) if missing.is_empty() => true,
            Ok(missing) => {
                let titles: Vec<String> = missing.iter().map(|title| format!("“{title}”")).collect();
                let text = format!(
                    "The text of {} is not in this browser's storage any more; its annotations are kept and still export.",
                    titles.join(", ")
                );
                self.view.say(Message::alert(text));
                true
            }
            Err(problem) => {
                let text =
                    format!("The texts of your own documents could not be read: {problem}. Their annotations are kept and still export.");
                self.view.say(Message::alert(text));
                false
            }
        }
    }

    /// Labels the reader's selection with `label_id`, or relabels the selected annotation.
    pub fn apply_label(&self, label_id: &str) {
        if matches!(self.view.mode.get_untracked(), Mode::Review { .. } | Mode::Discussion(_) | Mode::Teacher) {
            return;
        }
        let Some(label) = self.with_labels_in_use(|labels| label::find(labels, label_id).cloned()) else {
            return;
        };
        if let Some(pending) = self.view.pending_now() {
            self.create(pending, &label);
        } else if let Some(selected) = self.view.selected.get_untracked() {
            let now = browser::now();
            let description = format!("Label changed to {}", label.name);
            if self.change(&description, false, |workspace| workspace.relabel(&selected, &label.id, &now).into()) {
                self.view.say(Message::status(format!("{description}.")));
            }
        }
    }

    fn create(&self, pending: Pending, label: &Label) {
        let Some(document) = self.view.open.get_untracked().and_then(|id| self.texts.document(&id)) else {
            return;
        };
        let annotation_id = id::uuid_v4(browser::random_bytes());
        let words = self.view.settings.with_untracked(|s| s.snap_to_words);
        let (start, end) = boundary::snap(&document.text, &document.index, pending.start, pending.end, words);
        let Some(annotation) = document.annotate(start, end, &label.id, annotation_id.clone(), &browser::now()) else {
            self.view.say(Message::alert("The selection holds only spaces: select some words to label."));
            return;
        };
        let description = format!("{} added: “{}”", label.name, annotation.quote);
        let key = self.view.mode.with_untracked(Mode::layer).document_key(&document.id);
        if !self.change(&description, false, |workspace| workspace.put(&key, annotation).into()) {
            return;
        }
        self.view.let_go();
        self.view.selected.set(Some(annotation_id));
        self.view.say(Message::status(description));
    }

    pub fn set_note(&self, annotation_id: &str, note: &str) {
        let now = browser::now();
        self.change("Note changed", true, |workspace| workspace.set_note(annotation_id, note, &now).into());
    }

    pub fn set_attribution(&self, annotation_id: &str, attributed_to: &str) {
        let now = browser::now();
        self.change("Attribution changed", true, |workspace| workspace.set_attribution(annotation_id, attributed_to, &now).into());
    }

    /// Says what kind of source annotation `annotation_id` is attributed to, and whether it is on
    /// the record and in a position to know.
    pub fn set_source(&self, annotation_id: &str, kind: &str, on_the_record: bool, in_a_position_to_know: bool) {
        let now = browser::now();
        self.change("Source changed", false, |workspace| {
            workspace.set_source(annotation_id, kind, on_the_record, in_a_position_to_know, &now).into()
        });
    }

    /// Marks annotation `annotation_id` unsure (or sure again), saying so.
    pub fn set_unsure(&self, annotation_id: &str, unsure: bool) {
        let now = browser::now();
        let (step, said) = if unsure { ("Marked unsure", "Marked unsure.") } else { ("Marked sure", "Marked sure.") };
        if self.change(step, false, |workspace| workspace.set_unsure(annotation_id, unsure, &now).into()) {
            self.view.say(Message::status(said));
        }
    }

    /// The `u` key: the selected annotation unsure, or sure again.
    pub fn toggle_unsure_selected(&self) {
        let Some(selected) = self.view.selected.get_untracked() else { return };
        let Some(unsure) = self.workspace.with_untracked(|w| w.find(&selected).map(|(_, a)| a.unsure)) else { return };
        self.set_unsure(&selected, !unsure);
    }

    /// Links annotation `from` to annotation `to` (a denial to the claim it denies), with
    /// `relation` where its label allows one (evidence supports or contradicts).
    pub fn link(&self, from: &str, to: &str, relation: Option<Relation>) {
        let now = browser::now();
        let Some(quote) = self.workspace.with_untracked(|w| w.find(to).map(|(_, a)| a.quote.clone())) else { return };
        let description = match relation {
            Some(relation) => format!("Linked: {} “{quote}”", relation.words()),
            None => format!("Linked to “{quote}”"),
        };
        if self.change(&description, false, |workspace| workspace.link(from, to, relation, &now).into()) {
            self.view.say(Message::status(format!("{description}.")));
        }
    }

    pub fn unlink(&self, from: &str, to: &str) {
        let now = browser::now();
        if self.change("Link removed", false, |workspace| workspace.unlink(from, to, &now).into()) {
            self.view.say(Message::status("Link removed."));
        }
    }

    /// The annotations of the reader's layer, across every document, that `id` could link to:
    /// the claims (or, without a label `claim`, every other annotation), as (id, quote, title
    /// of their document), in document order. Tracked.
    pub fn link_candidates(&self, id: &str) -> Vec<(String, String, String)> {
        let layer = self.view.layer();
        let titles = self.titles();
        let claims_exist = self.with_labels_in_use(|labels| label::find(labels, "claim").is_some());
        self.workspace.with(|w| {
            titles
                .iter()
                .flat_map(|(document, title)| w.annotations(&layer.document_key(document)).iter().map(move |a| (title, a)))
                .filter(|(_, a)| a.id != id && (!claims_exist || a.label == "claim"))
                .map(|(title, a)| (a.id.clone(), a.quote.clone(), title.clone()))
                .collect()
        })
    }

    /// Every document here, by id, with its current title, tracked.
    pub fn titles(&self) -> Vec<(String, String)> {
        self.documents().into_iter().map(|d| (d.id.clone(), self.title(&d.id).unwrap_or_else(|| d.title.clone()))).collect()
    }

    /// What annotation `id` links to, each with its target's quote and document title (`None`
    /// once the target is deleted), tracked.
    pub fn links_of(&self, id: &str) -> Vec<(Link, Option<(String, String)>)> {
        let layer = self.view.layer();
        let titles = self.titles();
        self.workspace.with(|w| {
            let Some((_, annotation)) = w.find(id) else { return Vec::new() };
            annotation
                .links
                .iter()
                .map(|link| {
                    let target = titles.iter().find_map(|(document, title)| {
                        let a = w.annotations(&layer.document_key(document)).iter().find(|a| a.id == link.to)?;
                        Some((a.quote.clone(), title.clone()))
                    });
                    (link.clone(), target)
                })
                .collect()
        })
    }

    pub fn delete_selected(&self) {
        let Some(selected) = self.view.selected.get_untracked() else {
            return;
        };
        let Some(quote) = self.workspace.with_untracked(|w| w.find(&selected).map(|(_, a)| a.quote.clone())) else {
            return;
        };
        let description = format!("Annotation deleted: “{quote}”");
        let now = browser::now();
        if self.change(&description, false, |workspace| workspace.delete(&selected, &now).into()) {
            self.view.selected.set(None);
            self.view.say(Message::status(description));
        }
    }

    /// Labels every range of `labelling` with `label` in one's own work, as one step named by what
    /// was searched for; says how many were labelled.
    pub fn label_every(&self, label: &Label, searched_for: &str, labelling: &Labelling) {
        let now = browser::now();
        let made: Vec<(String, Vec<Annotation>)> = labelling
            .ranges
            .iter()
            .filter_map(|(id, ranges)| {
                let document = self.texts.document(id)?;
                let made = ranges
                    .iter()
                    .filter_map(|&(start, end)| document.annotate(start, end, &label.id, id::uuid_v4(browser::random_bytes()), &now));
                Some((id.clone(), made.collect()))
            })
            .collect();
        let count: usize = made.iter().map(|(_, list)| list.len()).sum();
        let description = format!("{} added to {count} match{} of “{searched_for}”", label.name, if count == 1 { "" } else { "es" });
        let key = |id: &str| Layer::Own.document_key(id);
        if self.change(&description, false, |workspace| {
            made.into_iter().flat_map(|(id, list)| workspace.put_all(&key(&id), list)).collect::<Vec<_>>().into()
        }) {
            self.view.say(Message::status(format!("{description}.")));
        }
    }

    /// Adds the records of documents whose texts are kept, as one step.
    pub fn add_documents(&self, description: &str, records: Vec<DocumentRecord>) {
        self.change(description, false, |workspace| {
            records.into_iter().fold(Changes::default(), |changes, record| changes.and(workspace.put_record(record).into()))
        });
    }

    /// Renames added document `id`; the keystrokes of one title are one step.
    pub fn rename_document(&self, id: &str, title: &str) {
        let now = browser::now();
        self.change("Title changed", true, |workspace| workspace.rename_document(id, title, &now).into());
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
            self.view.go_to_start();
            self.view.say(Message::status(format!("{description}. Undo (Ctrl+Z) brings them back.")));
        }
    }

    pub fn undo(&self) {
        self.walk_history(History::undo, "Undone");
    }

    pub fn redo(&self) {
        self.walk_history(History::redo, "Redone");
    }

    /// Whether the work shown is frozen, which the reader is then told: nothing changes.
    fn refused_while_frozen(&self) -> bool {
        let frozen = self.view.frozen.get_untracked();
        if let Some(why) = frozen {
            self.view.say(Message::alert(why));
        }
        frozen.is_some()
    }

    fn walk_history(&self, walk: fn(&mut History, &mut Workspace, &str) -> Option<String>, verb: &str) {
        if self.refused_while_frozen() {
            return;
        }
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
        self.forget_selection_if_gone();
        self.edited();
        self.view.say(Message::status(format!("{verb}: {description}")));
    }

    /// Applies `edit` to the work and records what it says it changed as one step named by
    /// `description` (joining the previous step if `continuing`). Says whether anything changed;
    /// when nothing did, nothing renders and nothing is saved.
    pub fn change(&self, description: &str, continuing: bool, edit: impl FnOnce(&mut Workspace) -> Changes) -> bool {
        if self.refused_while_frozen() {
            return false;
        }
        let mut changes = Changes::default();
        self.workspace.maybe_update(|workspace| {
            changes = edit(workspace);
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
        self.edited();
        true
    }

    /// Applies `edit` to the label set, or tells the reader why it was refused.
    pub fn edit_labels(&self, edit: impl FnOnce(&mut Vec<Label>) -> Result<(), String>) -> bool {
        let mut labels = self.labels.get_untracked();
        match edit(&mut labels) {
            Ok(()) => {
                self.labels.set(labels);
                self.edited();
                true
            }
            Err(problem) => {
                self.view.say(Message::alert(problem));
                false
            }
        }
    }

    /// Adds labels a file brought, before the annotations that use them.
    pub fn adopt_labels(&self, new: &[Label]) {
        if !new.is_empty() {
            self.labels.update(|labels| new.iter().for_each(|l| label::adopt(labels, l.clone())));
            self.edited();
        }
    }

    fn edited(&self) {
        self.edits.update(|count| *count += 1);
    }

    /// Joins `theirs` (what another tab saved, or a backup's work) into the work, change by
    /// change (`core::work::sync`); whether the work changed.
    pub fn join_in(&self, theirs: &Workspace) -> bool {
        let joined = self.workspace.with_untracked(|ours| sync::join(ours, theirs));
        if self.workspace.with_untracked(|ours| *ours == joined) {
            return false;
        }
        self.workspace.set(joined);
        self.forget_selection_if_gone();
        let work = *self;
        leptos::task::spawn_local(async move {
            work.read_missing_texts().await;
        });
        true
    }

    /// Takes in a backup's work and the labels it uses that are not here, as a change of this
    /// tab's (saved like one, not undoable: nothing here is lost by it).
    pub fn restore(&self, theirs: &Workspace, labels: &[Label]) {
        let missing: Vec<Label> =
            self.labels.with_untracked(|ours| labels.iter().filter(|l| label::find(ours, &l.id).is_none()).cloned().collect());
        self.adopt_labels(&missing);
        if self.join_in(theirs) {
            self.edited();
        }
    }

    /// The work as it is saved (`storage::state_json`).
    pub fn saved_json(&self) -> String {
        self.workspace.with_untracked(|w| self.history.with_untracked(|h| self.labels.with_untracked(|l| storage::state_json(w, h, l))))
    }

    /// Lets go of the selected annotation when the work no longer holds it.
    pub fn forget_selection_if_gone(&self) {
        if self.view.selected.get_untracked().is_some_and(|id| self.workspace.with_untracked(|w| w.find(&id).is_none())) {
            self.view.selected.set(None);
        }
    }
}
