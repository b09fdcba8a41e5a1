//! Keeping the work and the classroom's record: every change is written to local storage just
//! after it is painted, retried while storage refuses, written at once when the page is left;
//! each is joined with what other tabs of this browser save (see `core::work::sync` and
//! `core::classroom::record::join`) before it is written, and when another tab has saved.

use leptos::ev;
use leptos::prelude::*;

use crate::core::classroom::keys_at_rest;
use crate::core::classroom::record::{ClassRecord, TakenIn};
use crate::core::model::label::{self, Label};
use crate::core::work::history::History;
use crate::core::work::storage::{self, Fingerprint, SavedBy};
use crate::core::work::workspace::Workspace;
use crate::ui::browser::listen;
use crate::ui::browser::persist::{self, Loaded, StoredState};
use crate::ui::browser::random_bytes;
use crate::ui::state::effect::effect;
use crate::ui::state::parts::{Load, NotFetched, RecordCodec};
use crate::ui::state::view::{Message, View};
use crate::ui::state::work::Work;

/// How long after a change it is saved at the latest, idle or not.
const SAVE_AT_LATEST: std::time::Duration = std::time::Duration::from_millis(50);

/// The part that reads and writes the classroom's record, as the reader is told about it.
pub const RECORD_PART: &str = "the part that keeps the assignments";

/// How long after a failed save (a full storage) the next attempt is made.
const SAVE_RETRY: std::time::Duration = std::time::Duration::from_secs(3);

#[derive(Clone, Copy)]
pub struct Saving {
    /// What went wrong reading the saved work (shown until dismissed), and where the unreadable
    /// data was copied.
    storage_problem: RwSignal<Option<(String, Option<String>)>>,
    /// Why the latest save failed; cleared by the next save that succeeds.
    save_problem: RwSignal<Option<String>>,
    /// A save is scheduled for after the next paint.
    pending: StoredValue<bool>,
    /// The work changed since it was last written.
    work_waiting: StoredValue<bool>,
    /// The classroom's record, once the classroom is kept here, and whether it changed since it
    /// was last written.
    record: StoredValue<Option<RwSignal<ClassRecord>>>,
    record_waiting: StoredValue<bool>,
    /// What reads and writes the record, once its part is here, and how it is fetched.
    record_codec: StoredValue<Option<RecordCodec>>,
    load_record: Load<RecordCodec>,
    /// The record as this tab last wrote or read it, as `synced` is for the work; `None` before
    /// the first save, or while storage holds a newer Glossa's record, never written over.
    record_synced: StoredValue<Option<Fingerprint>>,
    /// Who saved the state as this tab last wrote or read it (`storage::saved_by`); a state in
    /// storage saved by anyone else (or not saying) was written by another tab, and is joined in
    /// before this tab writes.
    synced: StoredValue<Option<SavedBy>>,
    /// This tab's stamp for its saves: who it is, and how many times it has saved.
    stamp: StoredValue<(String, u64)>,
    /// The labels of that state, to tell this tab's label edits from another's.
    synced_labels: StoredValue<Vec<Label>>,
    /// Answer keys are kept locked here (`Keys`): the work is written without them.
    without_keys: StoredValue<bool>,
    work: Work,
    view: View,
}

impl Saving {
    /// What went wrong reading the saved work, and where the unreadable data was copied, tracked.
    pub fn storage_problem(&self) -> Option<(String, Option<String>)> {
        self.storage_problem.get()
    }

    /// The person has read the problem with the saved work.
    pub fn dismiss_storage_problem(&self) {
        self.storage_problem.set(None);
    }

    /// Why the latest save failed, tracked; none once a save succeeds.
    pub fn save_problem(&self) -> Option<String> {
        self.save_problem.get()
    }

    /// Saves after every edit of `work`, and listens for other tabs' saves and for the page being
    /// left, until the app is unmounted; the classroom's record is read and written by the part
    /// `load_record` brings.
    pub fn start(work: Work, view: View, loaded: Loaded, load_record: Load<RecordCodec>) -> Saving {
        let Loaded { state, saved_by, problem, backup_key } = loaded;
        let synced_labels = state.labels.clone();
        work.take(state);
        // What was recovered replaces the unreadable value, but only once that is safe elsewhere.
        let save_recovered = backup_key.is_some();
        let saving = Saving {
            storage_problem: RwSignal::new(problem.map(|text| (text, backup_key))),
            save_problem: RwSignal::new(None),
            pending: StoredValue::new(false),
            work_waiting: StoredValue::new(false),
            record: StoredValue::new(None),
            record_waiting: StoredValue::new(false),
            record_codec: StoredValue::new(None),
            load_record,
            record_synced: StoredValue::new(None),
            synced: StoredValue::new(saved_by),
            stamp: StoredValue::new((random_bytes().iter().map(|b| format!("{b:02x}")).collect(), 0)),
            synced_labels: StoredValue::new(synced_labels),
            without_keys: StoredValue::new(false),
            work,
            view,
        };
        // Compared with the count last seen, not merely re-run: edits made before the effect first
        // runs (in the task that mounted the app) are saved too.
        let mut seen: Option<u64> = None;
        effect(move || {
            let edits = work.edits.get();
            if seen.replace(edits).map_or(edits > 0 || save_recovered, |seen| seen != edits) {
                saving.save();
            }
        });
        saving.listen();
        saving
    }

    fn listen(self) {
        listen::on_window(ev::storage, move |event| {
            // Other keys (the view, moved at every scroll) are not brought over at all.
            match event.key().as_deref() {
                Some(storage::STATE_KEY) => {
                    if let Some(stored) = persist::state_stored_elsewhere(&event) {
                        self.take_saved_elsewhere(stored);
                    }
                }
                Some(storage::CLASSROOM_KEY) => {
                    if let Some(raw) = persist::stored_elsewhere(&event) {
                        self.take_record_saved_elsewhere(raw);
                    }
                }
                _ => {}
            }
        });
        // Back from the back-forward cache, which hears of no saves while the page is there.
        listen::on_window(ev::pageshow, move |event| {
            if !event.persisted() {
                return;
            }
            if let Ok(Some(raw)) = persist::saved_state() {
                self.take_saved_elsewhere(raw);
            }
            if let Ok(Some(raw)) = persist::saved_classroom() {
                self.take_record_saved_elsewhere(raw);
            }
        });
        listen::on_window(ev::pagehide, move |_| self.flush());
        // A hidden tab may be closed or discarded without another event.
        listen::on_window(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
    }

    /// Keeps the classroom's `record`, loaded from `raw`, as the work is kept: written just after
    /// each change is painted, at once when the page is left, and again and again while storage
    /// refuses, the problem shown as the work's is (with **Export now**); joined with what other
    /// tabs save. `codec` is the record's part, when it was fetched to read the record.
    pub fn keep_classroom(&self, record: RwSignal<ClassRecord>, raw: Option<String>, codec: Option<RecordCodec>) {
        self.record.set_value(Some(record));
        self.record_codec.set_value(codec);
        self.record_synced.set_value(raw.as_deref().map(Fingerprint::of));
        let saving = *self;
        let mut ran = false;
        effect(move || {
            record.track();
            if std::mem::replace(&mut ran, true) {
                saving.record_waiting.set_value(true);
                saving.schedule();
            }
        });
    }

    /// The part that reads and writes the classroom's record, fetched the first time. A part that
    /// may change the record asks for it before it is drawn, so that a change is written however
    /// soon the page is left.
    pub async fn record_codec(&self) -> Result<RecordCodec, NotFetched> {
        if let Some(codec) = self.record_codec.get_value() {
            return Ok(codec);
        }
        let codec = (self.load_record)().await?;
        self.record_codec.set_value(Some(codec));
        Ok(codec)
    }

    /// Runs `then` with the record's part: at once when it is here, else once it is fetched; if
    /// it cannot be, that is said as a failed save is.
    fn with_record_codec(&self, then: impl FnOnce(RecordCodec) + 'static) {
        if let Some(codec) = self.record_codec.get_value() {
            return then(codec);
        }
        let saving = *self;
        leptos::task::spawn_local(async move {
            match saving.record_codec().await {
                Ok(codec) => then(codec),
                Err(problem) => saving.save_problem.set(Some(problem.explain(RECORD_PART))),
            }
        });
    }

    /// Writes the work without the answer keys' layers from now on (`on`), or with them again;
    /// what is saved now follows at once.
    pub fn write_without_keys(&self, on: bool) {
        if self.without_keys.get_value() != on {
            self.without_keys.set_value(on);
            self.save();
        }
    }

    /// The work as it is written: without the keys' layers where keys are kept locked.
    fn as_written<T>(&self, workspace: &Workspace, history: &History, then: impl FnOnce(&Workspace, &History) -> T) -> T {
        if self.without_keys.get_value() {
            let (workspace, history) = keys_at_rest::without_keys(workspace, history);
            then(&workspace, &history)
        } else {
            then(workspace, history)
        }
    }

    /// Saves the work once the change is painted: a long work takes a moment to write, and the
    /// highlight should not wait for it. Several changes in one frame are saved once; leaving the
    /// page saves at once (`flush`).
    pub fn save(&self) {
        self.work_waiting.set_value(true);
        self.schedule();
    }

    fn schedule(&self) {
        if self.pending.get_value() {
            return;
        }
        self.pending.set_value(true);
        let saving = *self;
        // After the frame that paints the change, when the browser is idle: a key pressed
        // meanwhile is answered first. Where idle callbacks are missing (Safari), right after it.
        request_animation_frame(move || {
            if request_idle_callback_with_handle(move || saving.flush()).is_err() {
                set_timeout(move || saving.flush(), std::time::Duration::ZERO);
            }
        });
        // A hidden page gets no frames, and a busy one (another tab of Glossa loading in the same
        // process) may not be idle for long: then this saves it, soon enough that a tab opened
        // just after a change reads it.
        set_timeout(move || saving.flush(), SAVE_AT_LATEST);
    }

    /// Saves now, if a save is waiting.
    pub fn flush(&self) {
        if self.pending.try_get_value() == Some(true) {
            self.save_now();
        }
    }

    /// Saves what changed, the work first joining in what another tab saved since this one last
    /// did; whether or not that works, everything stays in memory, usable and exportable.
    fn save_now(&self) {
        self.pending.set_value(false);
        let work = if self.work_waiting.get_value() { self.write_joined() } else { Ok(()) };
        self.work_waiting.set_value(work.is_err());
        let record = if self.record_waiting.get_value() { self.write_record_joined() } else { Ok(true) };
        self.record_waiting.set_value(record != Ok(true));
        let problem = work.err().or(record.err());
        let failed = problem.is_some();
        if self.save_problem.get_untracked() != problem {
            self.save_problem.set(problem);
        }
        // Storage may be full now and free later: try again now and then, until a save succeeds.
        if failed && !self.pending.get_value() {
            self.pending.set_value(true);
            let saving = *self;
            set_timeout(move || saving.flush(), SAVE_RETRY);
        }
    }

    fn write_joined(&self) -> Result<(), String> {
        // Storage still holds what this tab last wrote or read when it says so in its first
        // characters; only otherwise is the whole read (megabytes, for a long work).
        let unchanged = persist::saved_stamp().is_some_and(|stored| self.synced.with_value(|synced| synced.as_ref() == Some(&stored)));
        if !unchanged {
            if let Some(stored) = persist::saved_state()? {
                self.take_in(stored)?;
            }
        }
        let stamp = self.next_stamp();
        let Work { workspace, history, labels, .. } = self.work;
        let written = workspace.with_untracked(|workspace| {
            history.with_untracked(|history| {
                labels.with_untracked(|labels| self.as_written(workspace, history, |w, h| persist::save_state(w, h, labels, stamp)))
            })
        })?;
        self.synced.set_value(Some(written));
        self.synced_labels.set_value(labels.get_untracked());
        Ok(())
    }

    /// The stamp of this tab's next save: no other tab's save, nor any earlier one of this tab's,
    /// has it.
    fn next_stamp(&self) -> String {
        let (tab, saves) = self
            .stamp
            .try_update_value(|(tab, saves)| {
                *saves += 1;
                (tab.clone(), *saves)
            })
            .unwrap_or_default();
        format!("{tab}-{saves}")
    }

    /// Writes the record, joined first with what another tab saved since; `Ok(false)` while the
    /// part that writes it is fetched (the save is made again once it is here).
    fn write_record_joined(&self) -> Result<bool, String> {
        let Some(record) = self.record.get_value() else { return Ok(true) };
        let Some(codec) = self.record_codec.get_value() else {
            let saving = *self;
            self.with_record_codec(move |_| saving.schedule());
            return Ok(false);
        };
        let stored = persist::saved_classroom()?;
        if let Some(stored) = stored.filter(|stored| self.record_synced.get_value() != Some(Fingerprint::of(stored))) {
            self.take_in_record(record, codec, stored)?;
        }
        let written = persist::save_classroom(&record.with_untracked(codec.write))?;
        self.record_synced.set_value(Some(written));
        Ok(true)
    }

    /// Another tab saved the classroom's record `raw`: it joins this tab's, which is saved if it
    /// holds anything `raw` lacks.
    fn take_record_saved_elsewhere(&self, raw: String) {
        let Some(record) = self.record.get_value() else { return };
        if self.record_synced.get_value() == Some(Fingerprint::of(&raw)) {
            return;
        }
        let saving = *self;
        self.with_record_codec(move |codec| match saving.take_in_record(record, codec, raw) {
            Ok(true) => {
                saving.record_waiting.set_value(true);
                saving.schedule();
            }
            Ok(false) => {}
            Err(problem) => saving.save_problem.set(Some(problem)),
        });
    }

    /// Joins the record another tab saved (`raw`) into this tab's `record`; says whether this tab
    /// holds anything that one lacks. A record that cannot be read is not written over.
    fn take_in_record(&self, record: RwSignal<ClassRecord>, codec: RecordCodec, raw: String) -> Result<bool, String> {
        let theirs = (codec.read)(&raw).map_err(|problem| {
            format!("Another tab saved assignments that this tab cannot read ({problem}); this tab does not write over them.")
        })?;
        let TakenIn { changed, lacking } = record.with_untracked(|ours| (codec.take_in)(ours, theirs));
        if let Some(joined) = changed {
            record.set(joined);
        }
        self.record_synced.set_value(Some(Fingerprint::of(&raw)));
        Ok(lacking)
    }

    /// Another tab saved `raw`: its work joins this tab's. A save follows only if this tab holds
    /// something the saved state lacks.
    pub fn take_saved_elsewhere(&self, raw: StoredState) {
        let saved_by = raw.saved_by();
        if saved_by.is_some() && self.synced.with_value(|synced| *synced == saved_by) {
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
    fn take_in(&self, raw: StoredState) -> Result<bool, String> {
        let theirs = raw.read().map_err(|problem| format!("Another tab saved work that this tab cannot read ({problem})."))?;
        let Work { workspace, labels, .. } = self.work;
        if self.work.join_in(&theirs.workspace) {
            self.view.say(Message::status("Changes made in another tab are merged in."));
        }
        let lacking = workspace.with_untracked(|joined| self.as_written(joined, &History::default(), |w, _| *w != theirs.workspace));
        let joined_labels = self.synced_labels.with_value(|base| labels.with_untracked(|ours| label::join(ours, base, &theirs.labels)));
        if labels.with_untracked(|ours| *ours != joined_labels) {
            labels.set(joined_labels.clone());
        }
        let labels_lacking = joined_labels != theirs.labels;
        self.synced.set_value(raw.saved_by());
        self.synced_labels.set_value(theirs.labels);
        Ok(lacking || labels_lacking)
    }
}
