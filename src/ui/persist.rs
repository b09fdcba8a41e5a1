//! Saving to and loading from local storage. What is saved, and how an old or broken value is
//! read, is the core's storage schema; this module only moves it in and out of the browser.

use gloo_storage::{LocalStorage, Storage};

use crate::core::history::History;
use crate::core::label::{self, Label};
use crate::core::storage::{self, SavedState, SavedView, Settings};
use crate::core::workspace::Workspace;

/// The saved work and its history, and a sentence for the reader when what was saved could not be read.
/// An unreadable value is copied under a backup key first, so no later save can destroy it.
pub fn load_state() -> (SavedState, Option<String>) {
    let empty = || SavedState::of(&Workspace::default(), &History::default(), &label::default_labels());
    let raw = match LocalStorage::raw().get_item(storage::STATE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (empty(), None),
        Err(_) => return (empty(), Some(storage_unavailable())),
    };
    match storage::read_state(&raw) {
        Ok(state) => (state, None),
        Err(problem) => {
            let kept = LocalStorage::raw().set_item(storage::STATE_BACKUP_KEY, &raw).is_ok();
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
    LocalStorage::raw()
        .set_item(storage::STATE_KEY, &storage::state_json(workspace, history, labels))
        .map_err(|e| format!("Saving failed: {}.", e.as_string().unwrap_or_else(|| format!("{e:?}"))))
}

pub fn load_view() -> SavedView {
    LocalStorage::get(storage::VIEW_KEY).unwrap_or_default()
}

/// Where the reader is; losing it costs a scroll, not work, so a failure is not reported.
pub fn save_view(view: &SavedView) {
    let _ = LocalStorage::set(storage::VIEW_KEY, view);
}

pub fn load_settings() -> Settings {
    LocalStorage::get(storage::SETTINGS_KEY).unwrap_or_default()
}

/// Losing a preference costs a click, not work, so a failure is not reported.
pub fn save_settings(settings: &Settings) {
    let _ = LocalStorage::set(storage::SETTINGS_KEY, settings);
}

fn storage_unavailable() -> String {
    "This browser does not let Glossa use its local storage, so nothing you do will be kept after this tab closes.".into()
}
