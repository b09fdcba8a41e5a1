//! Saving to and loading from local storage. What is saved, and how an old or broken value is
//! read, is the core's storage schema; this module only moves it in and out of the browser.
//! Storage may be missing altogether (blocked, or disabled in a private window): then nothing is
//! kept, the app works for the session, and the reader is told.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::classroom::keys_at_rest::{self, KeysKept};
use crate::core::classroom::record::ClassRecord;
use crate::core::model::label::{self, Label};
use crate::core::text::json;
use crate::core::work::history::History;
use crate::core::work::storage::{self, Fingerprint, SavedBy, SavedState, SavedView, Settings};
use crate::core::work::workspace::Workspace;
use crate::ui::browser;

/// The browser's local storage, or `None` when the page may not use it (asking can throw).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[wasm_bindgen]
extern "C" {
    /// `Storage`, whose `getItem` answers a value left in JavaScript.
    #[wasm_bindgen(js_name = Storage)]
    type StorageValues;
    #[wasm_bindgen(method, catch, js_class = Storage, js_name = getItem)]
    fn get_item(this: &StorageValues, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_class = Storage, js_name = setItem)]
    fn set_item(this: &StorageValues, key: &str, value: &js_sys::JsString) -> Result<(), JsValue>;
}

/// The value kept under `key`, brought into the wasm memory at its size (`browser::utf8_of`):
/// the saved work is megabytes.
fn item(store: &web_sys::Storage, key: &str) -> Result<Option<String>, JsValue> {
    Ok(browser::utf8_of(&store.unchecked_ref::<StorageValues>().get_item(key)?))
}

/// The value another tab stored, as a storage event tells it, brought over as `item` brings one.
pub fn stored_elsewhere(event: &web_sys::StorageEvent) -> Option<String> {
    browser::utf8_of(&js_sys::Reflect::get(event, &JsValue::from_str("newValue")).ok()?)
}

/// What loading found: the work, and what the reader must be told.
pub struct Loaded {
    pub state: SavedState,
    /// Who saved the value as it was read (`storage::saved_by`): a value saved by anyone else
    /// later was written by another tab.
    pub saved_by: Option<SavedBy>,
    pub problem: Option<String>,
    /// Where an unreadable saved state was copied, for the reader to download.
    pub backup_key: Option<String>,
}

/// How long a deletion is remembered for merging with other tabs (see `core::work::sync`).
const DELETIONS_KEPT_FOR_MS: f64 = 30.0 * 24.0 * 3600.0 * 1000.0;

/// The saved work and its history. What cannot be read is copied under a backup key of its own
/// (named by the time, so no later save or later fault overwrites it), and whatever can be read
/// of it is recovered.
pub fn load_state() -> Loaded {
    let mut loaded = read_state();
    let cutoff = js_sys::Date::now() - DELETIONS_KEPT_FOR_MS;
    loaded.state.workspace.forget_deletions_before(cutoff as i64);
    loaded
}

fn read_state() -> Loaded {
    let empty = || SavedState::of(&Workspace::default(), &History::default(), &label::default_labels());
    let unavailable = || Loaded { state: empty(), saved_by: None, problem: Some(storage_unavailable()), backup_key: None };
    let Some(store) = local_storage() else { return unavailable() };
    let stored = match stored_state(&store) {
        Ok(Some(stored)) => stored,
        Ok(None) => return Loaded { state: empty(), saved_by: None, problem: None, backup_key: None },
        Err(_) => return unavailable(),
    };
    let problem = match stored.read() {
        Ok(state) => return Loaded { state, saved_by: stored.saved_by(), problem: None, backup_key: None },
        Err(problem) => problem,
    };
    let key = format!("{}.{}", storage::STATE_BACKUP_KEY, js_sys::Date::now() as u64);
    let backup_key = store.unchecked_ref::<StorageValues>().set_item(&key, &stored.0).is_ok().then_some(key);
    let kept = if backup_key.is_some() {
        "The data as it was is kept in this browser: “Download the unreadable data” saves a copy."
    } else {
        "The data as it was could not be copied aside."
    };
    // Rare, and read whole to recover what can be.
    let (state, problem) = match storage::recover_state(&browser::text_as_utf8(&stored.0)) {
        Some(recovered) => {
            let count: usize = recovered.state.workspace.documents.values().map(Vec::len).sum();
            let lost = recovered.lost;
            let text = format!(
                "Your saved annotations could not all be read ({problem}). Recovered: {count} annotations; left out: {lost} unreadable parts. {kept}"
            );
            (recovered.state, text)
        }
        None => (empty(), format!("Your saved annotations could not be read: {problem}. {kept}")),
    };
    Loaded { state, saved_by: stored.saved_by(), problem: Some(problem), backup_key }
}

/// A saved state as local storage holds it, still in JavaScript: who saved it is told from its
/// first characters, and only a state that must be read is brought into the wasm memory whole.
pub struct StoredState(js_sys::JsString);

impl StoredState {
    /// Who saved it (`storage::SavedBy`), from its first characters and its length alone.
    pub fn saved_by(&self) -> Option<SavedBy> {
        let stamp = storage::saved_by(&String::from(self.0.slice(0, storage::STAMP_WITHIN as u32)))?.to_owned();
        Some(SavedBy { stamp, utf16_length: self.0.length() as usize })
    }

    pub fn read(&self) -> Result<SavedState, String> {
        storage::read_state(&browser::text_as_utf8(&self.0))
    }
}

fn stored_state(store: &web_sys::Storage) -> Result<Option<StoredState>, JsValue> {
    Ok(store.unchecked_ref::<StorageValues>().get_item(storage::STATE_KEY)?.dyn_into().ok().map(StoredState))
}

/// The state another tab stored, as a storage event tells it.
pub fn state_stored_elsewhere(event: &web_sys::StorageEvent) -> Option<StoredState> {
    js_sys::Reflect::get(event, &JsValue::from_str("newValue")).ok()?.dyn_into().ok().map(StoredState)
}

/// The unreadable state kept under `key`.
pub fn read_backup(key: &str) -> Option<String> {
    item(&local_storage()?, key).ok().flatten()
}

/// The saved work as local storage holds it now, perhaps written by another tab.
pub fn saved_state() -> Result<Option<StoredState>, String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    stored_state(&store).map_err(|e| format!("The browser refused to read the saved work: {}.", browser::reason(&e)))
}

/// Who saved the work that storage holds now, and its length (`storage::SavedBy`); `None` when
/// it does not say, or cannot be read.
pub fn saved_stamp() -> Option<SavedBy> {
    stored_state(&local_storage()?).ok()??.saved_by()
}

/// Saves the work, saying that `stamp` saved it; what tells it from another.
pub fn save_state(workspace: &Workspace, history: &History, labels: &[Label], stamp: String) -> Result<SavedBy, String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    let mut written = browser::Utf8Writer::new();
    storage::write_stamped_state(&mut written, workspace, history, labels, &stamp)
        .map_err(|e| format!("The work could not be written: {e}."))?;
    let raw = written.finish();
    let refused = |e: JsValue| format!("The browser refused to save: {}.", browser::reason(&e));
    store.unchecked_into::<StorageValues>().set_item(storage::STATE_KEY, &raw).map_err(refused)?;
    Ok(SavedBy { stamp, utf16_length: raw.length() as usize })
}

pub fn load_view() -> SavedView {
    read(storage::VIEW_KEY)
}

/// Where the reader is; losing it costs a scroll, not work, so a failure is not reported.
pub fn save_view(view: &SavedView) {
    write(storage::VIEW_KEY, view);
}

pub fn load_settings() -> Settings {
    read(storage::SETTINGS_KEY)
}

/// Losing a preference costs a click, not work, so a failure is not reported.
pub fn save_settings(settings: &Settings) {
    write(storage::SETTINGS_KEY, settings);
}

/// What loading the classroom's record found; by default, no record kept.
#[derive(Default)]
pub struct LoadedRecord {
    pub record: ClassRecord,
    /// The saved value that may be written over: as read, or, unreadable, once kept aside; `None`
    /// for a record of a newer Glossa, which is never written over.
    pub raw: Option<String>,
    pub problem: Option<String>,
}

/// Whether this browser keeps a classroom's record (whose part is fetched before the app starts).
pub fn keeps_classroom() -> bool {
    // Asked without reading the record into the wasm: a stored key is a property of the storage.
    local_storage().is_some_and(|store| js_sys::Reflect::has(&store, &storage::CLASSROOM_KEY.into()).unwrap_or(false))
}

/// The assignments made and taken here, read by `read`; what cannot be read is said, and kept
/// aside as the work's unreadable state is; a newer Glossa's record (`is_newer`) is left where it is.
pub fn load_classroom(read: fn(&str) -> Result<ClassRecord, String>, is_newer: fn(&str) -> bool) -> LoadedRecord {
    let Some(raw) = local_storage().and_then(|store| item(&store, storage::CLASSROOM_KEY).ok().flatten()) else {
        return LoadedRecord { record: ClassRecord::default(), raw: None, problem: None };
    };
    match read(&raw) {
        Ok(record) => LoadedRecord { record, raw: Some(raw), problem: None },
        Err(_) if is_newer(&raw) => {
            let problem = "The assignments were saved by a newer Glossa, which this one cannot read: it will not write over them. Open Glossa's newest version.";
            LoadedRecord { record: ClassRecord::default(), raw: None, problem: Some(problem.to_owned()) }
        }
        Err(problem) => {
            let key = format!("{}.unreadable.{}", storage::CLASSROOM_KEY, js_sys::Date::now() as u64);
            let kept = local_storage().is_some_and(|store| store.set_item(&key, &raw).is_ok());
            let kept = if kept { format!(" The data as it was is kept under “{key}”.") } else { String::new() };
            let problem = Some(format!("The saved assignments could not be read: {problem}.{kept}"));
            LoadedRecord { record: ClassRecord::default(), raw: (!kept.is_empty()).then_some(raw), problem }
        }
    }
}

/// The classroom's record as saved now, by this tab or another.
pub fn saved_classroom() -> Result<Option<String>, String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    item(&store, storage::CLASSROOM_KEY).map_err(|e| format!("The browser refused to read the saved assignments: {}.", browser::reason(&e)))
}

/// Saves the assignments made and taken here, as written (`raw`), and returns what was written.
pub fn save_classroom(raw: &str) -> Result<Fingerprint, String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    store
        .set_item(storage::CLASSROOM_KEY, raw)
        .map_err(|e| format!("The browser refused to save the assignments: {}.", browser::reason(&e)))?;
    Ok(Fingerprint::of(raw))
}

/// What this browser keeps of its answer keys (`core::classroom::keys_at_rest`), as saved now.
pub fn saved_keys() -> Result<Option<String>, String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    item(&store, storage::KEYS_KEY).map_err(|e| format!("The browser refused to read the locked keys: {}.", browser::reason(&e)))
}

/// Saves what this browser keeps of its answer keys, and returns what was written.
pub fn save_keys(kept: &KeysKept) -> Result<String, String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    let raw = keys_at_rest::to_json(kept);
    store
        .set_item(storage::KEYS_KEY, &raw)
        .map_err(|e| format!("The browser refused to save the locked keys: {}.", browser::reason(&e)))?;
    Ok(raw)
}

/// Whether storage holds something under `key` (read as a flag, not brought into the wasm).
pub fn holds(key: &str) -> bool {
    local_storage().and_then(|store| store.get_item(key).ok().flatten()).is_some()
}

/// The text kept under `key`, if any.
pub fn read_text(key: &str) -> Result<Option<String>, String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    item(&store, key).map_err(|e| format!("The browser refused to read its storage: {}.", browser::reason(&e)))
}

/// Keeps `text` under `key`, or forgets what is there when `text` is `None`.
pub fn write_text(key: &str, text: Option<&str>) -> Result<(), String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    let done = match text {
        Some(text) => store.set_item(key, text),
        None => store.remove_item(key),
    };
    done.map_err(|e| format!("The browser refused to save: {}.", browser::reason(&e)))
}

/// A small saved value, or its default when there is none or it cannot be read.
fn read<T: DeserializeOwned + Default>(key: &str) -> T {
    let text = local_storage().and_then(|store| item(&store, key).ok().flatten());
    text.and_then(|text| json::read(&text).ok()).unwrap_or_default()
}

fn write<T: Serialize>(key: &str, value: &T) {
    if let (Some(store), Ok(text)) = (local_storage(), json::write(value)) {
        let _ = store.set_item(key, &text);
    }
}

fn storage_unavailable() -> String {
    "This browser does not let Glossa use its local storage, so nothing you do will be kept after this tab closes.".into()
}

/// Whether the browser keeps this site's storage when space runs short, asking it to first when
/// `ask` (`navigator.storage.persist()`, else `persisted()`). `None` where it cannot be asked.
pub async fn storage_kept(ask: bool) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok().filter(|s| !s.is_undefined())?;
    let method = js_sys::Reflect::get(&storage, &JsValue::from_str(if ask { "persist" } else { "persisted" })).ok()?;
    let promise = method.dyn_ref::<js_sys::Function>()?.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}
