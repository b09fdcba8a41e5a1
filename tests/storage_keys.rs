//! The JavaScript that reads local storage without the app (the panic banner's export in
//! `assets/boot.js`) and the end-to-end tests name the storage keys themselves; they must be the
//! core's keys, or they would read and write nothing.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::work::storage::{CLASSROOM_KEY, KEYS_KEY, SETTINGS_KEY, STATE_BACKUP_KEY, STATE_KEY, VIEW_KEY};

fn quoted(key: &str) -> String {
    format!("'{key}'")
}

#[test]
fn javascript_names_the_cores_storage_keys() {
    let helpers = std::fs::read_to_string("tests/e2e/helpers.js").unwrap();
    for (name, key) in [
        ("state", STATE_KEY),
        ("unreadable", STATE_BACKUP_KEY),
        ("view", VIEW_KEY),
        ("settings", SETTINGS_KEY),
        ("keys", KEYS_KEY),
        ("classroom", CLASSROOM_KEY),
    ] {
        assert!(helpers.contains(&format!("{name}: {}", quoted(key))), "tests/e2e/helpers.js KEYS.{name} is not {key}");
    }
    let boot = std::fs::read_to_string("assets/boot.js").unwrap();
    assert!(boot.contains(&format!("const STATE_KEY = {};", quoted(STATE_KEY))), "assets/boot.js reads another key than {STATE_KEY}");
}
