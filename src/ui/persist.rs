//! Saving to and loading from local storage. What is saved, and how an old or broken value is
//! read, is the core's storage schema; this module only moves it in and out of the browser.
//! Storage may be missing altogether (blocked, or disabled in a private window): then nothing is
//! kept, the app works for the session, and the reader is told.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::core::history::History;
use crate::core::label::{self, Label};
use crate::core::storage::{self, SavedState, SavedView, Settings};
use crate::core::workspace::Workspace;
use crate::ui::browser;

/// The browser's local storage, or `None` when the page may not use it (asking can throw).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved work and its history, and a sentence for the reader when what was saved could not be read.
/// An unreadable value is copied under a backup key first, so no later save can destroy it.
pub fn load_state() -> (SavedState, Option<String>) {
    let empty = || SavedState::of(&Workspace::default(), &History::default(), &label::default_labels());
    let Some(store) = local_storage() else { return (empty(), Some(storage_unavailable())) };
    let raw = match store.get_item(storage::STATE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (empty(), None),
        Err(_) => return (empty(), Some(storage_unavailable())),
    };
    match storage::read_state(&raw) {
        Ok(state) => (state, None),
        Err(problem) => {
            let kept = store.set_item(storage::STATE_BACKUP_KEY, &raw).is_ok();
            let where_kept = if kept {
                format!("The unreadable data is kept under “{}” in this browser's storage.", storage::STATE_BACKUP_KEY)
            } else {
                "The unreadable data could not be copied aside.".to_owned()
            };
            (empty(), Some(format!("Your saved annotations could not be loaded: {problem}. {where_kept}")))
        }
    }
}

pub fn save_state(workspace: &Workspace, history: &History, labels: &[Label]) -> Result<(), String> {
    let store = local_storage().ok_or_else(storage_unavailable)?;
    store
        .set_item(storage::STATE_KEY, &storage::state_json(workspace, history, labels))
        .map_err(|e| format!("Saving failed: {}.", browser::describe_error(&e)))
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

/// A small saved value, or its default when there is none or it cannot be read.
fn read<T: DeserializeOwned + Default>(key: &str) -> T {
    let raw = local_storage().and_then(|store| store.get_item(key).ok().flatten());
    raw.and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default()
}

fn write<T: Serialize>(key: &str, value: &T) {
    if let (Some(store), Ok(json)) = (local_storage(), serde_json::to_string(value)) {
        let _ = store.set_item(key, &json);
    }
}

fn storage_unavailable() -> String {
    "This browser does not let Glossa use its local storage, so nothing you do will be kept after this tab closes.".into()
}
