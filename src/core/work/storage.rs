//! What Glossa keeps in the browser's local storage, under versioned keys.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::model::label::{self, Label};
use crate::core::text::json;
use crate::core::text::offsets::OffsetUnit;
use crate::core::work::history::{History, Step};
use crate::core::work::workspace::{room_to_grow, Workspace};

/// The annotations. `v1` names the key's place, not the schema: every version is saved here and
/// migrated in place when read, so that tabs of an older and a newer Glossa still share one work.
pub const STATE_KEY: &str = "glossa.v1.state";
/// Where a state that could not be read is kept, so the next save cannot destroy it.
pub const STATE_BACKUP_KEY: &str = "glossa.v1.state.unreadable";
/// The open article and the reading position in each: written often, kept apart from the work.
pub const VIEW_KEY: &str = "glossa.v1.view";
/// How the reader likes to work: snapping, theme, text size, reading width.
pub const SETTINGS_KEY: &str = "glossa.v1.settings";
/// The answer keys where they are kept locked (`core::classroom::keys_at_rest`).
pub const KEYS_KEY: &str = "glossa.v1.keys";
/// Assignments made and taken here (`core::classroom::record`); their annotations are in the work.
pub const CLASSROOM_KEY: &str = "glossa.v1.classroom";
/// The schema of the saved work. Version 2 remembers deletions (`Workspace::deleted`), so that
/// several tabs can merge their work; version 3 links annotations; version 4 defines labels
/// (`Label::definition`, `Label::examples`) and judges sources; version 5 describes one's own
/// documents (`Facts`) and lets evidence support or contradict, which a Glossa of version 4
/// would drop or fail on, so it refuses the state instead.
pub const STATE_VERSION: u32 = 5;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SavedState {
    pub version: u32,
    #[serde(flatten)]
    pub workspace: Workspace,
    /// Absent from states saved before undo existed; they load with an empty history.
    #[serde(default)]
    pub history: History,
    /// The reader's label set; states saved before labels could be edited have the defaults.
    #[serde(default = "label::default_labels")]
    pub labels: Vec<Label>,
}

impl SavedState {
    pub fn of(workspace: &Workspace, history: &History, labels: &[Label]) -> SavedState {
        SavedState { version: STATE_VERSION, workspace: workspace.clone(), history: history.clone(), labels: labels.to_vec() }
    }
}

/// A short stand-in for a saved text: enough to tell whether storage still holds what a tab last
/// wrote or read there, without keeping a copy of megabytes in a memory that never shrinks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint(u64);

impl Fingerprint {
    pub fn of(raw: &str) -> Fingerprint {
        use std::hash::{Hash, Hasher};
        // Fixed keys: the same text has the same fingerprint for as long as the page lives.
        let mut hasher = std::hash::DefaultHasher::new();
        raw.hash(&mut hasher);
        Fingerprint(hasher.finish())
    }
}

/// How many annotation changes of the undo history are saved at most, newest steps first. Local
/// storage holds about five million characters in all; an undoable import of thousands of
/// annotations would double the work's size there, so such a step is undoable until the page
/// closes but is not saved.
pub const SAVED_HISTORY_CHANGES: usize = 2_000;

/// The JSON that is saved: the work, the labels and as much of the history as fits the budget.
/// It borrows everything, since a large work is saved after every change.
pub fn state_json(workspace: &Workspace, history: &History, labels: &[Label]) -> String {
    json_of_state(workspace, history, labels, None)
}

/// `stamped_state_json` written into `into` a piece at a time: a page saves the work this way,
/// so that the wasm memory never holds its megabytes of text, nor the room twice its size that a
/// growing text is moved into.
pub fn write_stamped_state(
    into: &mut dyn Write,
    workspace: &Workspace,
    history: &History,
    labels: &[Label],
    saved_by: &str,
) -> io::Result<()> {
    write_state(into, workspace, history, labels, Some(saved_by))
}

/// `state_json`, saying near its start who saved it (`saved_by`, a tab and its count of saves):
/// a tab can then tell from the first characters in storage whether another tab has saved since,
/// without reading megabytes. Glossa reads a state with or without it alike.
pub fn stamped_state_json(workspace: &Workspace, history: &History, labels: &[Label], saved_by: &str) -> String {
    json_of_state(workspace, history, labels, Some(saved_by))
}

/// What tells a saved state from another without reading it: who saved it, and its length in
/// UTF-16 units, as storage counts it (a state changed by anything but Glossa keeps the stamp,
/// but seldom its length).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedBy {
    pub stamp: String,
    pub utf16_length: usize,
}

/// Characters of a saved state that hold its `saved_by`, if it has one.
pub const STAMP_WITHIN: usize = 120;

/// Who saved the state that begins with `start` (`stamped_state_json`), if it says.
pub fn saved_by(start: &str) -> Option<&str> {
    // Right after the version, as `json_of_state` writes it.
    let rest = start.strip_prefix("{\"version\":")?.trim_start_matches(|c: char| c.is_ascii_digit());
    let stamp = rest.strip_prefix(",\"saved_by\":\"")?;
    stamp.find('"').map(|end| &stamp[..end])
}

fn json_of_state(workspace: &Workspace, history: &History, labels: &[Label], saved_by: Option<&str>) -> String {
    let mut json = Vec::new();
    write_state(&mut json, workspace, history, labels, saved_by).expect("plain data serializes into memory");
    String::from_utf8(json).expect("JSON is UTF-8")
}

/// The one writer of a state, whatever it is written into.
fn write_state(into: &mut dyn Write, workspace: &Workspace, history: &History, labels: &[Label], saved_by: Option<&str>) -> io::Result<()> {
    #[derive(Serialize)]
    struct Saved<'a> {
        version: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        saved_by: Option<&'a str>,
        #[serde(flatten)]
        workspace: &'a Workspace,
        history: SavedHistory<'a>,
        labels: &'a [Label],
    }
    #[derive(Serialize)]
    struct SavedHistory<'a> {
        undo: &'a [Step],
        redo: &'a [Step],
    }
    let (undo_from, redo_from) = saved_history_starts(history);
    let saved = Saved {
        version: STATE_VERSION,
        saved_by,
        workspace,
        history: SavedHistory { undo: &history.undo[undo_from..], redo: &history.redo[redo_from..] },
        labels,
    };
    json::write_into(into, &saved).map_err(io::Error::from)
}

/// Where the saved part of the undo and of the redo list begins. Steps are taken newest first
/// from both lists in turn, since the steps nearest the present are the ones a person walks back
/// and forth through; each list ends at its first step that does not fit what is left of the
/// budget, and such a step takes nothing from it.
fn saved_history_starts(history: &History) -> (usize, usize) {
    let size = |step: &Step| step.changes.len() + step.documents.len();
    let mut budget = SAVED_HISTORY_CHANGES;
    let mut lists = [(&history.undo, 0, true), (&history.redo, 0, true)];
    while lists.iter().any(|(_, _, open)| *open) {
        for (steps, kept, open) in lists.iter_mut().filter(|(_, _, open)| *open) {
            match steps.len().checked_sub(*kept + 1).map(|at| size(&steps[at])) {
                Some(needed) if needed <= budget => {
                    budget -= needed;
                    *kept += 1;
                }
                _ => *open = false,
            }
        }
    }
    let [(undo, undo_kept, _), (redo, redo_kept, _)] = lists;
    (undo.len() - undo_kept, redo.len() - redo_kept)
}

/// Reads a saved state of this or any earlier version, saying in words what is wrong with one
/// that cannot be read.
///
/// Every earlier version reads as this one: version 1 forgot deletions at once, and none of them
/// can be recovered, so the record of them starts empty (`deleted` is absent); version 2 linked
/// nothing (`links` is absent); version 3 defined no label (Glossa's own take their definitions
/// and examples, `label::with_default_meanings`); fields that version 1 gained over its life (history, labels,
/// attribution, added documents) read with their defaults when absent. The number saved next is
/// this version's, so that an older Glossa in another tab refuses the state rather than dropping
/// what it does not know as it saves.
///
/// The text is read three times, for the version, the work and the rest, each into its own types:
/// a state of thousands of annotations is never held as a tree of JSON values (nor as serde's
/// buffer for a flattened struct), which would take several times its size of memory that a wasm
/// module never gives back.
pub fn read_state(raw: &str) -> Result<SavedState, String> {
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<Value>,
    }
    #[derive(Deserialize)]
    struct Kept {
        #[serde(default)]
        history: History,
        #[serde(default = "label::default_labels")]
        labels: Vec<Label>,
    }
    let not_an_object = || "the saved annotations are not a JSON object".to_owned();
    let versioned: Versioned = json::read(raw).map_err(|e| match e.is_data() {
        true => not_an_object(),
        false => format!("the saved annotations are not valid JSON ({e})"),
    })?;
    // serde reads a struct from an array too.
    if !raw.trim_start().starts_with('{') {
        return Err(not_an_object());
    }
    let version = match versioned.version.as_ref().and_then(Value::as_u64) {
        Some(v) if (1..=u64::from(STATE_VERSION)).contains(&v) => v,
        Some(v) => return Err(format!("the saved annotations have version {v}, which this Glossa does not know")),
        None => return Err("the saved annotations have no version".into()),
    };
    let shape = |e: serde_json::Error| format!("the saved annotations do not have the expected shape ({e})");
    let mut workspace: Workspace = json::read(raw).map_err(shape)?;
    // Read from JSON, a list grows by doubling: for 10,000 annotations, a spare megabyte that
    // the wasm memory would hold for the page's life. It keeps the room a list grows by, so
    // that the first annotation added does not move the whole list.
    for list in workspace.documents.values_mut() {
        let room = room_to_grow(list.len());
        list.shrink_to(list.len() + room);
        list.reserve_exact(room);
    }
    let Kept { history, mut labels } = json::read(raw).map_err(shape)?;
    if version < 4 {
        labels = label::with_default_meanings(labels);
    }
    Ok(SavedState { version: STATE_VERSION, workspace, history, labels })
}

/// `value` read as a `T`, through its text: as `read_state` reads each type, so that the app holds
/// one reader of each (a state to recover is rare, and small next to the work of reading it).
fn from_text<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    json::read(&value.to_string())
}

/// What could be read of a saved state that could not be read whole.
#[derive(Debug, PartialEq)]
pub struct Recovered {
    pub state: SavedState,
    /// Annotations, labels, documents or history that had to be left out.
    pub lost: usize,
}

/// Reads whatever can be read of a saved state that `read_state` refused: every annotation,
/// document record and deletion of the known shape, the labels and the history if they are whole.
/// A value that is not a JSON object, or is of a version this Glossa does not know, gives nothing.
pub fn recover_state(raw: &str) -> Option<Recovered> {
    let Value::Object(root) = json::read(raw).ok()? else { return None };
    if root.get("version").and_then(Value::as_u64).is_some_and(|v| v == 0 || v > u64::from(STATE_VERSION)) {
        return None;
    }
    let mut lost = 0;
    let mut workspace = Workspace::default();
    let items = |key: &str| match root.get(key) {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    if let Some(Value::Object(documents)) = root.get("documents") {
        for (document, list) in documents {
            for item in list.as_array().into_iter().flatten() {
                match from_text::<crate::core::model::annotation::Annotation>(item) {
                    Ok(annotation) if annotation.start < annotation.end => {
                        workspace.put(document, annotation);
                    }
                    _ => lost += 1,
                }
            }
        }
    }
    for item in items("library") {
        match from_text(item) {
            Ok(record) => {
                workspace.put_record(record);
            }
            Err(_) => lost += 1,
        }
    }
    if let Some(Value::Object(deleted)) = root.get("deleted") {
        for (id, at) in deleted {
            match at.as_str() {
                Some(at) if workspace.find(id).is_none() && workspace.record(id).is_none() => {
                    workspace.deleted.insert(id.clone(), at.to_owned());
                }
                Some(_) => {}
                None => lost += 1,
            }
        }
    }
    let labels = match root.get("labels").map(from_text::<Vec<Label>>) {
        Some(Ok(labels)) => labels,
        None => label::default_labels(),
        Some(Err(_)) => {
            lost += 1;
            label::default_labels()
        }
    };
    let history = match root.get("history").map(from_text::<History>) {
        Some(Ok(history)) => history,
        None => History::default(),
        Some(Err(_)) => {
            lost += 1;
            History::default()
        }
    };
    Some(Recovered { state: SavedState { version: STATE_VERSION, workspace, history, labels }, lost })
}

/// Which article is open, and where each article was left.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub open_document: Option<String>,
    /// By document id. (Before, `scroll` held the pixels alone; a place saved then is lost once,
    /// which costs a scroll.)
    #[serde(default)]
    pub places: BTreeMap<String, Place>,
}

/// Where the reader left an article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Vertical scroll position of the page, in CSS pixels.
    pub top: f64,
    /// The paragraph at the top of the screen (by its start offset) and how far into it, in CSS
    /// pixels: a long document is drawn in part, and the heights of the parts not drawn are
    /// estimates, so pixels alone would land elsewhere after a reload.
    pub at_top: Option<(usize, f64)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Light or dark as the operating system is set.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadingWidth {
    Narrow,
    #[default]
    Normal,
    Wide,
}

/// Text size steps either side of the default.
pub const TEXT_SIZE_STEPS: std::ops::RangeInclusive<i8> = -2..=4;

/// Every field has a default, so settings saved by an older Glossa, or partly unreadable, still load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Grow selections that start or end inside a word to the whole word.
    pub snap_to_words: bool,
    pub theme: Theme,
    /// Steps of 10 % from the default text size, within `TEXT_SIZE_STEPS`.
    pub text_size: i8,
    pub reading_width: ReadingWidth,
    /// The unit of offsets in doccano and Label Studio files, exported and imported.
    pub offsets: OffsetUnit,
    /// Underline the hedges and reporting verbs of the text (unless an assignment forbids it).
    pub show_hedges: bool,
    /// The hedges and reporting verbs to underline; empty: Glossa's (`hedges::DEFAULT_WORDS`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hedge_words: Vec<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            snap_to_words: true,
            theme: Theme::System,
            text_size: 0,
            reading_width: ReadingWidth::Normal,
            offsets: OffsetUnit::CodePoints,
            show_hedges: false,
            hedge_words: Vec::new(),
        }
    }
}

impl Settings {
    /// One step larger (`+1`) or smaller (`-1`), kept within the steps there are.
    pub fn resize_text(&mut self, by: i8) {
        let steps = TEXT_SIZE_STEPS;
        self.text_size = (self.text_size + by).clamp(*steps.start(), *steps.end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::Annotation;
    use crate::core::work::workspace::Change;

    #[test]
    fn a_stamped_state_says_who_saved_it_in_its_first_characters_and_reads_as_any_other() {
        let mut workspace = Workspace::default();
        workspace.put("d", crate::core::model::annotation::bare("a", "claim", 1, 4));
        let labels = label::default_labels();
        let stamped = stamped_state_json(&workspace, &History::default(), &labels, "0123456789abcdef0123456789abcdef-42");
        let start: String = stamped.chars().take(STAMP_WITHIN).collect();
        assert_eq!(saved_by(&start), Some("0123456789abcdef0123456789abcdef-42"));
        assert_eq!(read_state(&stamped), read_state(&state_json(&workspace, &History::default(), &labels)));
        assert_eq!(saved_by(&state_json(&workspace, &History::default(), &labels)), None);
        assert_eq!(saved_by(r#"{"documents":{"d":[{"saved_by":"x"}]}}"#), None, "an annotation's field is no stamp");
    }

    #[test]
    fn a_state_read_holds_its_annotations_with_room_for_a_sixteenth_more() {
        let mut workspace = Workspace::default();
        for n in 0..1_000 {
            workspace.put("d", crate::core::model::annotation::bare(&format!("a{n}"), "claim", n, n + 1));
        }
        let mut state = read_state(&state_json(&workspace, &History::default(), &label::default_labels())).unwrap();
        let list = &state.workspace.documents["d"];
        assert_eq!((list.len(), list.capacity()), (1_000, 1_070), "a wasm memory never gives back what a list has spare");
        for n in 1_000..1_071 {
            state.workspace.put("d", crate::core::model::annotation::bare(&format!("a{n}"), "claim", n, n + 1));
        }
        let list = &state.workspace.documents["d"];
        assert_eq!((list.len(), list.capacity()), (1_071, 1_070 + 74), "a full list grows by a sixteenth, not to double");
    }

    #[test]
    fn a_fingerprint_tells_saved_texts_apart() {
        let state = state_json(&Workspace::default(), &History::default(), &label::default_labels());
        assert_eq!(Fingerprint::of(&state), Fingerprint::of(&state.clone()));
        let other = state.replacen(&format!("\"version\":{STATE_VERSION}"), &format!("\"version\":{STATE_VERSION} "), 1);
        assert_ne!(other, state);
        assert_ne!(Fingerprint::of(&other), Fingerprint::of(&state), "one space more");
    }

    #[test]
    fn state_round_trips_through_json() {
        let mut workspace = Workspace::default();
        workspace.put(
            "004_de3ecafd94c781bd",
            Annotation {
                id: "a".into(),
                label: "denial".into(),
                start: 1,
                end: 3,
                quote: "🚀é".into(),
                note: "“quoted” <b>".into(),
                attributed_to: "Nasser Kanaani".into(),
                links: vec![crate::core::model::annotation::Link {
                    to: "b".into(),
                    relation: crate::core::model::annotation::Relation::Denies,
                }],
                source_kind: "government or body".into(),
                on_the_record: true,
                in_a_position_to_know: true,
                unsure: true,
                created_at: "2026-11-22T10:00:00.000Z".into(),
                updated_at: "2026-11-22T10:00:01.000Z".into(),
            },
        );
        let mut history = History::default();
        let added = workspace.annotations("d").iter().map(|a| Change { document: "d".into(), before: None, after: Some(a.clone()) });
        history.record("Denial added", added.collect::<Vec<_>>().into());
        let mut labels = label::default_labels();
        label::add_new(&mut labels, "Source").unwrap();
        let state = SavedState::of(&workspace, &history, &labels);
        let raw = state_json(&workspace, &history, &labels);
        assert!(raw.starts_with(r#"{"version":5,"documents":{"#), "{raw}");
        assert_eq!(read_state(&raw), Ok(state));
    }

    #[test]
    fn history_too_large_for_storage_is_saved_in_part_newest_first() {
        let mut workspace = Workspace::default();
        let mut history = History::default();
        let mut add = |history: &mut History, count: usize| {
            let step = history.undo.len();
            let changes: Vec<Change> = (0..count)
                .filter_map(|n| workspace.put("d", crate::core::model::annotation::bare(&format!("s{step}-{n}"), "claim", n, n + 1)))
                .collect();
            history.record("step", changes.into());
        };
        add(&mut history, 10);
        add(&mut history, SAVED_HISTORY_CHANGES);
        add(&mut history, 5);
        let saved = read_state(&state_json(&workspace, &history, &label::default_labels())).unwrap();
        assert_eq!(saved.workspace, workspace, "the work is always saved whole");
        let sizes: Vec<usize> = saved.history.undo.iter().map(|s| s.changes.len()).collect();
        assert_eq!(sizes, [5], "the step that does not fit, and all before it, stay in memory only");
    }

    #[test]
    fn a_step_too_large_to_save_leaves_the_budget_to_the_other_list() {
        let mut workspace = Workspace::default();
        let mut history = History::default();
        add_step(&mut history, &mut workspace, SAVED_HISTORY_CHANGES + 500);
        add_step(&mut history, &mut workspace, 3);
        history.undo(&mut workspace, "2026-11-23T10:00:00Z");
        // Undo holds the 2,500-change step, redo the small one: the small one is saved.
        let saved = read_state(&state_json(&workspace, &history, &label::default_labels())).unwrap();
        let sizes = |steps: &[Step]| steps.iter().map(|s| s.changes.len()).collect::<Vec<usize>>();
        assert_eq!((sizes(&saved.history.undo), sizes(&saved.history.redo)), (vec![], vec![3]));
    }

    #[test]
    fn undo_and_redo_share_the_budget_newest_first() {
        let mut workspace = Workspace::default();
        let mut history = History::default();
        for _ in 0..150 {
            add_step(&mut history, &mut workspace, 20);
        }
        for _ in 0..75 {
            history.undo(&mut workspace, "2026-11-23T10:00:00Z");
        }
        // 1,500 changes on each side, 2,000 saved: the 50 steps nearest the present on each.
        let saved = read_state(&state_json(&workspace, &history, &label::default_labels())).unwrap();
        assert_eq!((saved.history.undo.len(), saved.history.redo.len()), (50, 50));
        assert_eq!(saved.history.undo[..], history.undo[25..]);
        assert_eq!(saved.history.redo[..], history.redo[25..]);
    }

    /// Records a step that adds `count` annotations.
    fn add_step(history: &mut History, workspace: &mut Workspace, count: usize) {
        let step = history.undo.len() + history.redo.len();
        let changes: Vec<Change> = (0..count)
            .filter_map(|n| workspace.put("d", crate::core::model::annotation::bare(&format!("s{step}-{n}"), "claim", n, n + 1)))
            .collect();
        history.record("step", changes.into());
    }

    #[test]
    fn a_state_saved_before_undo_existed_loads_with_no_history() {
        let raw = r#"{"version":1,"documents":{"d":[{"id":"a","label":"claim","start":0,"end":1,"quote":"x","note":"","created_at":"t","updated_at":"t"}]}}"#;
        let state = read_state(raw).unwrap();
        assert_eq!(state.workspace.annotations("d").len(), 1);
        assert_eq!(state.history, History::default());
        assert_eq!(state.labels, label::default_labels());
    }

    #[test]
    fn settings_default_field_by_field() {
        let settings: Settings = json::read(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(settings, Settings { theme: Theme::Dark, ..Settings::default() });
        assert!(Settings::default().snap_to_words, "snapping is on unless turned off");
        let round_trip: Settings = json::read(&json::write(&settings).unwrap()).unwrap();
        assert_eq!(round_trip, settings);
        let mut settings = Settings::default();
        settings.resize_text(9);
        assert_eq!(settings.text_size, 4);
        settings.resize_text(-1);
        settings.resize_text(-7);
        assert_eq!(settings.text_size, -2);
    }

    #[test]
    fn what_can_be_read_of_a_broken_state_is_recovered() {
        let raw = r#"{"version":1,"documents":{"d":[
            {"id":"a","label":"claim","start":0,"end":4,"quote":"Iran","note":"","created_at":"t","updated_at":"t"},
            {"id":"b","label":"claim","start":"zero","end":4,"quote":"Iran","created_at":"t","updated_at":"t"},
            {"id":"c","label":"denial","start":5,"end":9,"quote":"says","created_at":"t","updated_at":"t"}],
            "e": "not a list"},
            "labels": "broken", "history": {"undo": [], "redo": []}}"#;
        assert!(read_state(raw).is_err());
        let recovered = recover_state(raw).unwrap();
        let ids: Vec<&str> = recovered.state.workspace.annotations("d").iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(recovered.lost, 2, "one annotation and the labels");
        assert_eq!(recovered.state.labels, label::default_labels());
        assert_eq!(recover_state(r#"{"version":1,"documents":{"#), None, "truncated JSON gives nothing");
        assert_eq!(recover_state(r#"{"version":7,"documents":{}}"#), None, "a future version is not guessed at");
        let recovered = recover_state(r#"{"version":2,"documents":{"d":[7]},"deleted":{"gone":"2026-11-23T10:00:00Z","bad":3}}"#).unwrap();
        assert_eq!(recovered.state.workspace.deleted.keys().collect::<Vec<_>>(), ["gone"]);
        assert_eq!(recovered.lost, 2);
    }

    #[test]
    fn unreadable_states_are_explained() {
        assert!(read_state(r#"{"version":1,"documents":{"#).unwrap_err().contains("not valid JSON"));
        assert!(read_state(r#"{"version":7,"documents":{}}"#).unwrap_err().contains("version 7"));
        assert!(read_state(r#"{"documents":{}}"#).unwrap_err().contains("no version"));
        assert!(read_state(r#"{"version":1,"documents":[]}"#).unwrap_err().contains("expected shape"));
        assert!(read_state("[1]").unwrap_err().contains("not a JSON object"));
        assert!(read_state(r#"  [{"version":1}]"#).unwrap_err().contains("not a JSON object"));
        assert!(read_state(r#"{"version":1,"documents":{}} and more"#).unwrap_err().contains("not valid JSON"), "text after the state");
    }
}
