//! The backup of everything a browser keeps of Glossa: the work with all its layers (one's own,
//! the keys of the assignments made here, the work on assignments taken), the texts of one's own
//! documents, and the classroom's record (assignments made and taken, hand-ins, comments).
//! Restoring one joins it in as a save of another tab is joined (`work::sync`,
//! `record::join`): nothing here is lost, and what was deleted here since does not come back.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::classroom::record::{self, ClassRecord};
use crate::core::model::own_document::sha256_hex;
use crate::core::text::json;
use crate::core::work::storage::{self, SavedState};

pub const FORMAT: &str = "glossa-backup";
pub const VERSION: u32 = 1;

/// The text of one of one's own documents (its record is in the work).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnText {
    pub id: String,
    pub text: String,
}

/// What a backup holds.
#[derive(Debug, PartialEq)]
pub struct Backup {
    pub state: SavedState,
    pub texts: Vec<OwnText>,
    pub record: ClassRecord,
}

/// The backup of the saved work `state` (as `storage::state_json` writes it), `texts` and
/// `record`, made at `made_at`.
pub fn write(state: &str, texts: &[OwnText], record: &ClassRecord, made_at: &str) -> String {
    // The saved state and the record are written as they are saved, each already JSON.
    let texts = json::write(texts).expect("plain data serializes");
    let made_at = Value::from(made_at);
    let classroom = record::to_json(record);
    format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"made_at\":{made_at},\"state\":{state},\"texts\":{texts},\"classroom\":{classroom}}}")
}

/// The file name of a backup made on `day` (`YYYY-MM-DD`).
pub fn file_name(day: &str) -> String {
    format!("glossa-{day}.glossa-backup.json")
}

/// Reads a backup, saying in words what is wrong with one that cannot be taken: its work, texts
/// and record are each read as storage reads them, and each text must be the one its document's
/// digest names.
pub fn read(contents: &str) -> Result<Backup, String> {
    let value: Value = json::read(contents.trim_start_matches('\u{feff}')).map_err(|e| format!("it is not valid JSON ({e})"))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err("it is not a Glossa backup".into());
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        found => {
            return Err(format!(
                "its version is {}, but this Glossa reads backups of version {VERSION}",
                found.map_or("missing".into(), |v| v.to_string())
            ))
        }
    }
    let part = |name: &str| value.get(name).map(Value::to_string).ok_or_else(|| format!("it has no “{name}”"));
    let state = storage::read_state(&part("state")?)?;
    let record = record::read(&part("classroom")?).map_err(|problem| format!("its classroom cannot be read: {problem}"))?;
    let texts: Vec<OwnText> = serde_json::from_value(value.get("texts").cloned().unwrap_or(Value::Array(vec![])))
        .map_err(|e| format!("its texts cannot be read ({e})"))?;
    for own in &state.workspace.added_documents {
        match texts.iter().find(|t| t.id == own.id) {
            Some(text) if sha256_hex(&text.text) == own.sha256 => {}
            Some(_) => return Err(format!("the text of “{}” is not the one its digest names: the file was changed", own.title)),
            None => return Err(format!("it lacks the text of “{}”", own.title)),
        }
    }
    Ok(Backup { state, texts, record })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classroom::assignment::Assignment;
    use crate::core::classroom::record::Teaching;
    use crate::core::model::annotation::Annotation;
    use crate::core::model::label::default_labels;
    use crate::core::model::own_document::DocumentRecord;
    use crate::core::work::history::History;
    use crate::core::work::workspace::Workspace;

    fn everything() -> (String, Vec<OwnText>, ClassRecord) {
        let text = "Notes\nIran denies it.".to_owned();
        let mut workspace = Workspace::default();
        workspace.added_documents.push(DocumentRecord {
            id: "own-1".into(),
            title: "Notes".into(),
            file_name: None,
            sha256: sha256_hex(&text),
            length: text.chars().count(),
            bytes: text.len(),
            added_at: "2026-11-23T09:00:00Z".into(),
            updated_at: String::new(),
            kind: "opinion".into(),
            outlet: String::new(),
            date: String::new(),
        });
        let said = Annotation { quote: "Iran".into(), ..crate::core::model::annotation::bare("k1", "denial", 6, 10) };
        workspace.documents.insert("key:a-1:own-1".into(), vec![said]);
        let state = storage::state_json(&workspace, &History::default(), &default_labels());
        let record = ClassRecord {
            teaching: vec![Teaching::new(Assignment::new("a-1".into(), "Week 3", "2026-11-23T10:00:00Z"), "2026-11-23T10:00:00Z")],
            ..ClassRecord::default()
        };
        (state, vec![OwnText { id: "own-1".into(), text }], record)
    }

    #[test]
    fn a_backup_reads_back_whole() {
        let (state, texts, record) = everything();
        let backup = read(&write(&state, &texts, &record, "2026-11-24T08:00:00Z")).unwrap();
        assert_eq!(backup.state, storage::read_state(&state).unwrap());
        assert_eq!(backup.state.workspace.annotations("key:a-1:own-1").len(), 1, "the key's layer travels");
        assert_eq!((backup.texts, backup.record), (texts, record));
        assert_eq!(file_name("2026-11-24"), "glossa-2026-11-24.glossa-backup.json");
    }

    #[test]
    fn a_changed_or_broken_backup_is_refused_in_words() {
        let (state, mut texts, record) = everything();
        assert!(read("{").unwrap_err().contains("not valid JSON"));
        assert_eq!(read(r#"{"format":"glossa-annotations"}"#).unwrap_err(), "it is not a Glossa backup");
        let later = write(&state, &texts, &record, "t").replace("\"version\":1,", "\"version\":2,");
        assert_eq!(read(&later).unwrap_err(), "its version is 2, but this Glossa reads backups of version 1");
        texts[0].text.push('!');
        assert!(read(&write(&state, &texts, &record, "t")).unwrap_err().contains("not the one its digest names"));
        assert_eq!(read(&write(&state, &[], &record, "t")).unwrap_err(), "it lacks the text of “Notes”");
    }
}
