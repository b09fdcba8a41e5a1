//! Answer keys kept locked at rest. Where a browser's storage is shared with pages Glossa does not
//! control (the one-file app: every page opened from the disk shares one storage), the layers of
//! answer keys are not written readable unless the teacher chose so: the saved work leaves them
//! out, and the undo steps that touch them, and they are kept apart, sealed under the teacher's
//! passphrase (`KeysKept::Sealed`). The sealing itself is the browser's (`ui::browser::seal`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::classroom::assignment::{Layer, Sealed};
use crate::core::model::annotation::Annotation;
use crate::core::text::json;
use crate::core::work::history::{History, Step};
use crate::core::work::workspace::Workspace;

/// What a browser keeps under `storage::KEYS_KEY`: the teacher's choice, and the sealed keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kept", rename_all = "lowercase")]
pub enum KeysKept {
    /// In the saved work, readable: the teacher chose so.
    Readable,
    /// Out of the saved work, sealed: the JSON of the keys' layers (`keys_json`).
    Sealed { sealed: Sealed },
}

/// Reads what a browser keeps of its keys.
pub fn read(raw: &str) -> Result<KeysKept, String> {
    json::read(raw).map_err(|e| format!("the locked keys kept here cannot be read ({e})"))
}

/// Whether `raw` (as `to_json` wrote it) keeps the keys readable. Every tab asks this as it starts
/// (its saves must leave locked keys out), so it reads one field, not the sealed keys: reading a
/// tagged enum would put a few kilobytes more in every student's first download.
pub fn kept_readable(raw: &str) -> bool {
    #[derive(Deserialize)]
    struct Kept {
        kept: String,
    }
    json::read::<Kept>(raw).is_ok_and(|k| k.kept == "readable")
}

pub fn to_json(kept: &KeysKept) -> String {
    json::write(kept).expect("plain data serializes")
}

/// The work as it is written where keys are locked: without the keys' layers, and without the
/// undo steps that touch them (which would carry their annotations).
pub fn without_keys(workspace: &Workspace, history: &History) -> (Workspace, History) {
    let mut workspace = workspace.clone();
    workspace.documents.retain(|document, _| !Layer::is_key(document));
    let readable = |steps: &[Step]| -> Vec<Step> {
        steps.iter().filter(|step| !step.changes.iter().any(|c| Layer::is_key(&c.document))).cloned().collect()
    };
    (workspace, History { undo: readable(&history.undo), redo: readable(&history.redo) })
}

/// The keys' layers of `workspace`, as they are sealed: JSON of their annotations by document key.
pub fn keys_json(workspace: &Workspace) -> String {
    let keys: BTreeMap<&String, &Vec<Annotation>> = workspace.documents.iter().filter(|(document, _)| Layer::is_key(document)).collect();
    json::write(&keys).expect("plain data serializes")
}

/// The keys' layers that `json` (as `keys_json` wrote it, opened) holds, as a work to join in.
pub fn keys_from_json(json: &str) -> Result<Workspace, String> {
    let documents: BTreeMap<String, Vec<Annotation>> =
        json::read(json).map_err(|_| "the keys opened, but they are not keys of annotations".to_owned())?;
    if let Some(document) = documents.keys().find(|document| !Layer::is_key(document)) {
        return Err(format!("the locked keys hold “{document}”, which is not an answer key"));
    }
    Ok(Workspace { documents, ..Workspace::default() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::bare;
    use crate::core::work::sync;
    use crate::core::work::workspace::Changes;

    fn work() -> (Workspace, History) {
        let mut workspace = Workspace::default();
        let mut history = History::default();
        let own = workspace.put("article", bare("own", "claim", 0, 4));
        history.record("Label", Changes::from(own));
        let key = Layer::Key("a-1".into()).document_key("article");
        let said = workspace.put(&key, bare("k", "denial", 5, 9));
        history.record("Label", Changes::from(said));
        (workspace, history)
    }

    #[test]
    fn what_is_written_holds_nothing_of_the_keys_and_the_keys_join_back() {
        let (workspace, history) = work();
        let (written, steps) = without_keys(&workspace, &history);
        assert_eq!(written.documents.keys().collect::<Vec<_>>(), ["article"]);
        assert_eq!(steps.undo.len(), 1, "the step that labelled the key is not written");
        let json = json::write(&(written.clone(), steps)).unwrap();
        assert!(!json.contains("\"k\"") && !json.contains("key:"), "{json}");

        let keys = keys_from_json(&keys_json(&workspace)).unwrap();
        assert_eq!(keys.documents.keys().collect::<Vec<_>>(), ["key:a-1:article"]);
        assert_eq!(sync::join(&written, &keys).documents, workspace.documents);
    }

    #[test]
    fn the_choice_reads_back_and_a_changed_value_is_refused() {
        let sealed = Sealed { salt: "00".repeat(16), iv: "00".repeat(12), iterations: 600_000, ciphertext: "00".repeat(32) };
        for kept in [KeysKept::Readable, KeysKept::Sealed { sealed }] {
            assert_eq!(kept_readable(&to_json(&kept)), kept == KeysKept::Readable);
            assert_eq!(read(&to_json(&kept)), Ok(kept));
        }
        assert!(read("{").is_err());
        assert!(!kept_readable("{"), "what cannot be read is not taken for a choice to keep keys readable");
        assert!(keys_from_json("[]").is_err());
        assert_eq!(keys_from_json(r#"{"article": []}"#), Err("the locked keys hold “article”, which is not an answer key".into()));
    }
}
