//! An assignment: what a teacher hands a class in one file. It names its documents (carrying the
//! texts of those that are not bundled), instructions, locked labels, the labels that need an
//! attribution, and the answer key only when the teacher chose to send it: open, or sealed under
//! a passphrase (`Sealed`, encrypted by the browser). A student copy without the key holds no
//! trace of it.
//!
//! In the work, an assignment's answer key and a student's work on it are layers of their own:
//! their annotations are kept under document keys of their own (`Layer::document_key`), so they
//! are saved, undone and joined across tabs like all work, and never mixed with the person's own.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::classroom::file_error::ClassFileError;
use crate::core::model::annotation::{is_false, Annotation, SOURCE_KINDS};
use crate::core::model::document::Document;
use crate::core::model::facts::TEXT_KINDS;
use crate::core::model::label::{self, Label};
use crate::core::model::own_document::{self, sha256_hex};
use crate::core::text::lines::{one_a_line, ListError};
use crate::core::text::{json, order};

pub const FORMAT: &str = "glossa-assignment";
/// How many kinds of source a teacher may list, and how long each may be: a choice at a glance.
const MOST_KINDS: usize = 12;
const MOST_KIND_CHARACTERS: usize = 40;
/// Version 2 may define the labels (`Label::definition`, `Label::examples`); version 1 files
/// read as labels without them. Version 3 may forbid the hints of hedges (`hedges_forbidden`) and
/// ask each text's kind first (`kind_first`): a Glossa reading version 2 at most refuses it
/// rather than let a student see hints the teacher forbade.
pub const VERSION: u32 = 3;

/// Which annotations an edit or a view is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// The person's own work.
    Own,
    /// The answer key of assignment `id`, as its teacher annotates it.
    Key(String),
    /// A student's work on assignment `id`.
    Student(String),
    /// The gold standard a curation makes of several annotators' work.
    Gold,
}

/// How the document keys of answer keys' layers begin.
const KEY_LAYER: &str = "key:";

impl Layer {
    /// The key under which this layer keeps the annotations of document `document_id`.
    pub fn document_key(&self, document_id: &str) -> String {
        match self {
            Layer::Own => document_id.to_owned(),
            Layer::Key(assignment) => format!("{KEY_LAYER}{assignment}:{document_id}"),
            Layer::Student(assignment) => format!("work:{assignment}:{document_id}"),
            Layer::Gold => format!("gold:{document_id}"),
        }
    }

    /// Whether `document_key` keeps annotations of an answer key.
    pub fn is_key(document_key: &str) -> bool {
        document_key.starts_with(KEY_LAYER)
    }
}

/// A document of an assignment: found by digest, its text carried when it is not bundled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentDocument {
    pub id: String,
    pub title: String,
    /// The bundled file; null for a document of the teacher's own, which carries its `text`.
    pub source: Option<String>,
    pub text_sha256: String,
    pub length: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The kind of text the teacher's key gives it, when the assignment asks for kinds: kept in
    /// the teacher's record and travelling only in the key (`Assignment::student_copy`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
}

impl AssignmentDocument {
    pub fn of(document: &Document) -> AssignmentDocument {
        AssignmentDocument {
            id: document.id.clone(),
            title: document.title.clone(),
            source: document.source.clone(),
            text_sha256: document.sha256.clone(),
            length: document.length,
            text: document.source.is_none().then(|| document.text.clone()),
            kind: String::new(),
        }
    }

    /// The document, when its text is carried or is `bundled`, and is the text the digest names.
    pub fn document(&self, bundled: &[std::sync::Arc<Document>]) -> Result<Document, String> {
        if let Some(text) = &self.text {
            if sha256_hex(text) != self.text_sha256 {
                return Err(format!("the text of “{}” is not the text its digest names: the file was changed", self.title));
            }
            return Ok(Document::new(&self.id, &self.title, None, &self.text_sha256, text));
        }
        let found = bundled.iter().find(|d| d.sha256 == self.text_sha256 || d.id == self.id);
        match found {
            Some(document) if document.sha256 == self.text_sha256 => Ok((**document).clone()),
            Some(_) => Err(format!("“{}” differs from the article bundled with this Glossa", self.title)),
            None => Err(format!("“{}” is not bundled with this Glossa and the file does not carry its text", self.title)),
        }
    }
}

/// The ids an assignment's documents have here, where they differ from the teacher's file.
///
/// A document is known here by its text, never by the id a file gives it: a bundled article by
/// its bundled id, any other text by the id its digest gives (as one's own texts are). So an id
/// in a file can never stand for a different text one already has (one's own, a bundled article,
/// another assignment's). What goes back to the teacher (a hand-in) is written in the file's ids;
/// what comes from them (a locked key once opened, a return of comments) is read into ours.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalIds {
    /// The file's id → ours, for the documents whose ids differ.
    ours_of_theirs: BTreeMap<String, String>,
}

impl LocalIds {
    /// The ids for `assignment` here. `taken_before` are the documents of the same assignment
    /// as taken here before (in our ids): they keep theirs, so the work on them stays theirs.
    pub fn of(assignment: &Assignment, bundled: &[std::sync::Arc<Document>], taken_before: &[AssignmentDocument]) -> LocalIds {
        let ours = |d: &AssignmentDocument| {
            let before = taken_before.iter().find(|b| b.text_sha256 == d.text_sha256).map(|b| b.id.clone());
            let bundled = || bundled.iter().find(|b| b.sha256 == d.text_sha256).map(|b| b.id.clone());
            before.or_else(bundled).unwrap_or_else(|| own_document::id_of(&d.text_sha256))
        };
        let ours_of_theirs = assignment
            .documents
            .iter()
            // A bundled text that is not carried is found by digest when it is read: it keeps its id
            // until then, so that a missing or changed article is refused by the file's name for it.
            .filter(|d| d.text.is_some() || bundled.iter().any(|b| b.sha256 == d.text_sha256))
            .map(|d| (d.id.clone(), ours(d)))
            .filter(|(theirs, ours)| theirs != ours)
            .collect();
        LocalIds { ours_of_theirs }
    }

    pub fn is_empty(&self) -> bool {
        self.ours_of_theirs.is_empty()
    }

    /// Our id of the file's document `theirs`.
    pub fn ours<'a>(&'a self, theirs: &'a str) -> &'a str {
        self.ours_of_theirs.get(theirs).map_or(theirs, String::as_str)
    }

    /// The file's id of our document `ours`.
    pub fn theirs<'a>(&'a self, ours: &'a str) -> &'a str {
        self.ours_of_theirs.iter().find(|(_, o)| *o == ours).map_or(ours, |(theirs, _)| theirs.as_str())
    }

    /// `assignment` with its documents (and an open key) under our ids.
    pub fn assignment_in_ours(&self, mut assignment: Assignment) -> Assignment {
        for document in &mut assignment.documents {
            document.id = self.ours(&document.id).to_owned();
        }
        if let KeyCopy::Open { annotations, kinds } = assignment.key {
            assignment.key = KeyCopy::Open { annotations: self.in_ours(annotations), kinds: self.in_ours(kinds) };
        }
        assignment
    }

    /// What a file holds by its document ids (a key's annotations, the kinds of its texts),
    /// under ours.
    pub fn in_ours<T>(&self, by_document: BTreeMap<String, T>) -> BTreeMap<String, T> {
        by_document.into_iter().map(|(theirs, held)| (self.ours(&theirs).to_owned(), held)).collect()
    }
}

/// PBKDF2-SHA-256 rounds for a key locked now: OWASP's figure of 2023.
pub const NEW_KEY_ROUNDS: u32 = 600_000;

/// The rounds a locked key in a file may have: from OWASP's figure of 2021 (so that keys locked
/// by earlier Glossas, at 310,000, still open) to what a school laptop derives in a few seconds.
pub const KEY_ROUNDS: std::ops::RangeInclusive<u32> = 100_000..=2_000_000;

/// The answer key as encrypted by the browser (AES-GCM, its key derived with PBKDF2-SHA-256 from
/// the teacher's passphrase); all bytes in lowercase hex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub salt: String,
    pub iv: String,
    pub iterations: u32,
    pub ciphertext: String,
}

/// The kind of each text (`facts::TEXT_KINDS`), by document id: the key's, or a student's.
pub type Kinds = BTreeMap<String, String>;

/// What a locked key seals: its annotations by document id, as versions before 3 sealed them
/// (so that those Glossas open it), or with the kinds of the texts,
/// `{"annotations": …, "kinds": …}`.
pub fn key_plaintext(annotations: &BTreeMap<String, Vec<Annotation>>, kinds: &Kinds) -> String {
    let json = match kinds.is_empty() {
        true => json::write(annotations),
        false => json::write(&serde_json::json!({ "annotations": annotations, "kinds": kinds })),
    };
    json.expect("plain data serializes")
}

/// The annotations and kinds a locked key sealed, in either form; `None` when it is neither.
pub fn read_key_plaintext(json: &str) -> Option<(BTreeMap<String, Vec<Annotation>>, Kinds)> {
    #[derive(Deserialize)]
    struct WithKinds {
        annotations: BTreeMap<String, Vec<Annotation>>,
        kinds: Kinds,
    }
    match json::read::<WithKinds>(json) {
        Ok(WithKinds { annotations, kinds }) => Some((annotations, kinds)),
        Err(_) => json::read(json).ok().map(|annotations| (annotations, Kinds::new())),
    }
}

/// How the answer key travels in the student copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum KeyCopy {
    /// Not at all: it stays with the teacher.
    Kept,
    /// Readable by anyone who opens the file; shown in Glossa only after handing in.
    Open {
        annotations: BTreeMap<String, Vec<Annotation>>,
        /// The kind of each text, when the assignment asks for it (version 3).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        kinds: Kinds,
    },
    /// Encrypted; **Check my work** asks for the passphrase the teacher announces.
    Locked { sealed: Sealed },
}

/// An assignment as its file holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub format: String,
    pub version: u32,
    pub id: String,
    pub title: String,
    pub instructions: String,
    pub labels: Vec<Label>,
    /// Label ids whose annotations must say who is speaking (**Attributed to**).
    #[serde(default)]
    pub attribution_required: Vec<String>,
    /// The teacher's hint per label id, said in feedback beside what is not in the key; none
    /// unless the teacher writes one (a built-in hint could contradict the instructions).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub hints: BTreeMap<String, String>,
    /// The kinds of source a student chooses among for an annotation's Source, as the teacher
    /// lists them; empty: Glossa's (`SOURCE_KINDS`). Absent before version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_kinds: Vec<String>,
    /// The hints of hedges and reporting verbs are off while a student works on it, whatever
    /// their settings say. Absent before version 3.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hedges_forbidden: bool,
    /// Each student's first task is to say what kind of text each document is; feedback scores
    /// it against the key's kinds. Absent before version 3.
    #[serde(default, skip_serializing_if = "is_false")]
    pub kind_first: bool,
    /// The kinds of text a student chooses among, as the teacher lists them; empty: Glossa's
    /// (`facts::TEXT_KINDS`). Absent before version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_kinds: Vec<String>,
    pub documents: Vec<AssignmentDocument>,
    pub key: KeyCopy,
    pub created_at: String,
}

impl Assignment {
    pub fn new(id: String, title: &str, now: &str) -> Assignment {
        Assignment {
            format: FORMAT.to_owned(),
            version: VERSION,
            id,
            title: title.trim().to_owned(),
            instructions: String::new(),
            labels: label::default_labels(),
            attribution_required: Vec::new(),
            hints: BTreeMap::new(),
            source_kinds: Vec::new(),
            hedges_forbidden: false,
            kind_first: false,
            text_kinds: Vec::new(),
            documents: Vec::new(),
            key: KeyCopy::Kept,
            created_at: now.to_owned(),
        }
    }

    /// The kinds of text the teacher's key gives, by document id, when the assignment asks for them.
    pub fn key_kinds(&self) -> Kinds {
        match self.kind_first {
            true => self.documents.iter().filter(|d| !d.kind.is_empty()).map(|d| (d.id.clone(), d.kind.clone())).collect(),
            false => Kinds::new(),
        }
    }

    /// The copy a class gets, its key travelling as `key` says (the kinds of text with it): the
    /// documents carry none of the key's kinds.
    pub fn student_copy(&self, key: KeyCopy) -> Assignment {
        let mut copy = self.clone();
        copy.documents.iter_mut().for_each(|d| d.kind.clear());
        copy.key = key;
        copy
    }

    /// The kinds of source the class chooses among: the teacher's, or Glossa's when none are listed.
    pub fn kinds_of_source(&self) -> Vec<String> {
        or_glossas(&self.source_kinds, &SOURCE_KINDS)
    }

    /// Lists the kinds of source of `text`, one a line (blank lines and repeats left out, each
    /// trimmed); none listed is Glossa's.
    pub fn set_kinds_of_source(&mut self, text: &str) -> Result<(), String> {
        self.source_kinds = kinds_listed(text, "source")?;
        Ok(())
    }

    /// The kinds of text the class chooses among: the teacher's, or Glossa's when none are listed.
    pub fn kinds_of_text(&self) -> Vec<String> {
        or_glossas(&self.text_kinds, &TEXT_KINDS)
    }

    /// Lists the kinds of text of `text`, one a line, as `set_kinds_of_source` does.
    pub fn set_kinds_of_text(&mut self, text: &str) -> Result<(), String> {
        self.text_kinds = kinds_listed(text, "text")?;
        Ok(())
    }

    /// The file name of the student copy: `<title>.glossa-assignment.json`.
    pub fn file_name(&self) -> String {
        format!("{}.glossa-assignment.json", file_stem(&self.title))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }

    /// The key's annotations by document id, taken from the `key` layer of `work`.
    pub fn key_from(&self, documents: &BTreeMap<String, Vec<Annotation>>) -> BTreeMap<String, Vec<Annotation>> {
        let layer = Layer::Key(self.id.clone());
        order::map_of(self.documents.iter().map(|d| (d.id.clone(), documents.get(&layer.document_key(&d.id)).cloned().unwrap_or_default())))
    }

    /// The teacher's hint for `label`, if they wrote one.
    pub fn hint(&self, label: &str) -> Option<&str> {
        self.hints.get(label).map(|h| h.trim()).filter(|h| !h.is_empty())
    }

    /// Whether annotations of `label` need an attribution.
    pub fn requires_attribution(&self, label: &str) -> bool {
        self.attribution_required.iter().any(|l| l == label)
    }

    /// What `key` (by document) holds, in a sentence per label the class uses: "The key holds 5
    /// spans: 2 Claim, 3 Denial, 0 Sanction." Spans of labels the class does not use are said apart.
    pub fn key_summary(&self, key: &BTreeMap<String, Vec<Annotation>>) -> String {
        let spans = || key.values().flatten();
        let count = |label: &str| spans().filter(|a| a.label == label).count();
        let per_label: Vec<String> = self.labels.iter().map(|l| format!("{} {}", count(&l.id), l.name)).collect();
        let total = spans().count();
        let mut said = match total {
            0 => "The key holds no spans yet: Annotate the key marks them.".to_owned(),
            1 => format!("The key holds 1 span: {}.", per_label.join(", ")),
            n => format!("The key holds {n} spans: {}.", per_label.join(", ")),
        };
        let unused = spans().filter(|a| !self.labels.iter().any(|l| l.id == a.label)).count();
        if unused > 0 {
            said.push_str(&format!(" {unused} more of labels the class does not use are left out of feedback."));
        }
        said
    }
}

/// The kinds of `what` ("source", "text") a teacher wrote one a line, or why they are refused.
fn kinds_listed(text: &str, what: &str) -> Result<Vec<String>, String> {
    one_a_line(text, MOST_KINDS, MOST_KIND_CHARACTERS).map_err(|error| match error {
        ListError::TooLong(kind) => {
            format!("A kind of {what} is a few words (at most {MOST_KIND_CHARACTERS} characters): “{kind}” is longer.")
        }
        ListError::TooMany(count) => format!("A class chooses among at most {MOST_KINDS} kinds of {what}; these are {count}."),
    })
}

/// `listed`, or Glossa's `own` when the teacher listed none.
fn or_glossas(listed: &[String], own: &[&str]) -> Vec<String> {
    match listed.is_empty() {
        true => own.iter().map(|k| (*k).to_owned()).collect(),
        false => listed.to_vec(),
    }
}

/// Reads an assignment file, saying in words what is wrong with one that cannot be taken.
pub fn read(contents: &str) -> Result<Assignment, ClassFileError> {
    let value: Value = json::read(contents.trim_start_matches('\u{feff}'))
        .map_err(|e| ClassFileError::NotReadable { kind: "valid JSON", detail: e.to_string() })?;
    let version = match value.get("version").and_then(Value::as_u64) {
        Some(v) if (1..=u64::from(VERSION)).contains(&v) => v,
        found => return Err(ClassFileError::UnknownVersion { found, reads: VERSION }),
    };
    let mut assignment: Assignment =
        serde_json::from_value(value).map_err(|e| ClassFileError::NotReadable { kind: "an assignment", detail: e.to_string() })?;
    if version < 2 {
        assignment.labels = label::with_default_meanings(std::mem::take(&mut assignment.labels));
    }
    if assignment.id.trim().is_empty() || assignment.documents.is_empty() {
        return Err(ClassFileError::Empty);
    }
    if assignment.labels.iter().any(|l| !label::is_hex_color(&l.color)) {
        return Err(ClassFileError::BadColour);
    }
    if let KeyCopy::Locked { sealed } = &assignment.key {
        if !KEY_ROUNDS.contains(&sealed.iterations) {
            return Err(ClassFileError::KeyRounds { found: sealed.iterations, opened: KEY_ROUNDS });
        }
    }
    Ok(assignment)
}

/// Whether `contents` looks like a file of `format` (its top-level `"format"` field).
pub fn is_format(contents: &str, format: &str) -> bool {
    // Cheap: the field is near the top of every file Glossa writes; the full read checks all.
    let head: String = contents.chars().take(200).collect();
    head.contains(&format!("\"format\": \"{format}\"")) || head.contains(&format!("\"format\":\"{format}\""))
}

/// A name for a file made of `title`: letters, digits and dashes.
pub fn file_stem(title: &str) -> String {
    let stem: String = title.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let stem = stem.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() {
        "assignment".to_owned()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_summed_up_per_label_the_class_uses() {
        let mut assignment = assignment();
        assert_eq!(assignment.key_summary(&BTreeMap::new()), "The key holds no spans yet: Annotate the key marks them.");
        let key = BTreeMap::from([
            ("a".to_owned(), vec![bare("k1", "claim", 0, 4), bare("k2", "denial", 5, 9)]),
            ("b".to_owned(), vec![bare("k3", "claim", 0, 4), bare("k4", "sanction", 6, 8)]),
        ]);
        assert_eq!(assignment.key_summary(&key), "The key holds 4 spans: 2 Claim, 1 Denial, 1 Sanction.");
        assignment.labels.retain(|l| l.id != "sanction");
        assert_eq!(
            assignment.key_summary(&key),
            "The key holds 4 spans: 2 Claim, 1 Denial. 1 more of labels the class does not use are left out of feedback."
        );
    }
    use crate::core::model::annotation::bare;
    use crate::core::model::document::bundled;

    fn assignment() -> Assignment {
        let documents = bundled();
        let mut assignment = Assignment::new("a-1".into(), "Who denies what? (week 3)", "2026-11-23T10:00:00Z");
        assignment.documents = vec![AssignmentDocument::of(&documents[4])];
        let own = Document::new("text-1", "Notes", None, &sha256_hex("Notes\nbody"), "Notes\nbody");
        assignment.documents.push(AssignmentDocument::of(&own));
        assignment
    }

    #[test]
    fn a_file_reads_back_and_names_itself_by_title() {
        let assignment = assignment();
        assert_eq!(read(&assignment.to_json()), Ok(assignment.clone()));
        assert_eq!(assignment.file_name(), "Who-denies-what-week-3.glossa-assignment.json");
        assert!(is_format(&assignment.to_json(), FORMAT));
        assert_eq!(assignment.documents[0].text, None, "bundled texts are not carried");
        assert_eq!(assignment.documents[1].text.as_deref(), Some("Notes\nbody"));
    }

    #[test]
    fn a_version_1_file_reads_with_glossas_meanings_and_a_version_2_file_as_the_teacher_wrote_it() {
        let mut written = assignment();
        label::define(&mut written.labels, "denial", "The teacher's words.").unwrap();
        label::define(&mut written.labels, "claim", "").unwrap();
        label::set_examples(&mut written.labels, "claim", "").unwrap();
        assert_eq!(read(&written.to_json()), Ok(written.clone()), "a cleared definition stays clear");
        let mut older: Value = json::read(&written.to_json()).unwrap();
        older["version"] = 1.into();
        for label in older["labels"].as_array_mut().unwrap() {
            let label = label.as_object_mut().unwrap();
            label.remove("definition");
            label.remove("examples");
        }
        assert_eq!(read(&older.to_string()).unwrap().labels, label::default_labels(), "version 1 could not define a label");
    }

    #[test]
    fn the_keys_kinds_of_text_travel_only_in_the_key() {
        let mut assignment = assignment();
        assignment.documents[0].kind = "news report".into();
        assert!(assignment.key_kinds().is_empty(), "not asked, not in the key");
        assignment.kind_first = true;
        let kinds = assignment.key_kinds();
        assert_eq!(kinds, Kinds::from([(assignment.documents[0].id.clone(), "news report".into())]));
        let kept = assignment.student_copy(KeyCopy::Kept);
        assert!(kept.kind_first && kept.documents.iter().all(|d| d.kind.is_empty()), "the copy asks, and does not answer");
        assert!(!kept.to_json().contains("news report"));
        let annotations = BTreeMap::from([(assignment.documents[0].id.clone(), vec![bare("k", "claim", 0, 4)])]);
        // Sealed as earlier Glossas sealed a key without kinds, and with them in a form of its own.
        assert_eq!(read_key_plaintext(&key_plaintext(&annotations, &Kinds::new())), Some((annotations.clone(), Kinds::new())));
        assert!(key_plaintext(&annotations, &Kinds::new()).starts_with(&format!("{{\"{}\":[", assignment.documents[0].id)));
        assert_eq!(read_key_plaintext(&key_plaintext(&annotations, &kinds)), Some((annotations, kinds)));
        assert_eq!(read_key_plaintext("[1, 2]"), None);
    }

    #[test]
    fn forbidding_the_hints_of_hedges_travels_and_a_later_version_is_refused() {
        let mut assignment = assignment();
        assert!(!assignment.to_json().contains("hedges_forbidden"), "absent unless forbidden");
        assignment.hedges_forbidden = true;
        let written = assignment.to_json();
        assert!(read(&written).unwrap().hedges_forbidden);
        let mut later: Value = json::read(&written).unwrap();
        later["version"] = (VERSION + 1).into();
        assert_eq!(
            read(&later.to_string()).unwrap_err(),
            ClassFileError::UnknownVersion { found: Some(u64::from(VERSION) + 1), reads: VERSION }
        );
    }

    #[test]
    fn the_teacher_lists_the_kinds_of_source_or_the_class_chooses_among_glossas() {
        let mut assignment = assignment();
        assert_eq!(assignment.kinds_of_source(), SOURCE_KINDS);
        assignment.set_kinds_of_source("  government \n\nanonymous source\nGovernment\n").unwrap();
        assert_eq!(assignment.kinds_of_source(), ["government", "anonymous source"]);
        assert_eq!(read(&assignment.to_json()).unwrap().source_kinds, ["government", "anonymous source"], "it travels");
        let long = "x".repeat(41);
        assert!(assignment.set_kinds_of_source(&long).unwrap_err().contains("at most 40 characters"));
        let many: String = (0..13).map(|n| format!("kind {n}\n")).collect();
        assert_eq!(assignment.set_kinds_of_source(&many).unwrap_err(), "A class chooses among at most 12 kinds of source; these are 13.");
        assert_eq!(assignment.source_kinds.len(), 2, "a refused list changes nothing");
        assignment.set_kinds_of_source("").unwrap();
        assert_eq!(assignment.kinds_of_source(), SOURCE_KINDS, "none listed: Glossa's");
        assert_eq!(assignment.kinds_of_text(), TEXT_KINDS);
        assignment.set_kinds_of_text("news report\nop-ed\n").unwrap();
        assert_eq!(read(&assignment.to_json()).unwrap().kinds_of_text(), ["news report", "op-ed"], "it travels");
        assert_eq!(assignment.set_kinds_of_text(&many).unwrap_err(), "A class chooses among at most 12 kinds of text; these are 13.");
    }

    #[test]
    fn documents_are_found_and_a_changed_text_is_refused() {
        let mut assignment = assignment();
        let bundled = bundled();
        assert_eq!(assignment.documents[0].document(&bundled).map(|d| d.length), Ok(4087));
        assert!(assignment.documents[1].document(&bundled).is_ok());
        assignment.documents[1].text = Some("Notes\nbody, changed".into());
        assert!(assignment.documents[1].document(&bundled).unwrap_err().to_string().contains("the file was changed"));
        assignment.documents[0].text_sha256 = "0".repeat(64);
        assert!(assignment.documents[0].document(&bundled).unwrap_err().to_string().contains("differs"));
    }

    #[test]
    fn bad_files_are_refused_in_words() {
        assert!(read("{").unwrap_err().to_string().contains("not valid JSON"));
        assert!(read(r#"{"version": 7}"#).unwrap_err().to_string().contains("version is 7"));
        let mut value: Value = json::read(&assignment().to_json()).unwrap();
        value["documents"] = Value::Array(vec![]);
        assert!(read(&value.to_string()).unwrap_err().to_string().contains("no documents"));
    }

    #[test]
    fn a_locked_key_opens_only_within_the_bounds_of_its_rounds() {
        let locked = |iterations| {
            let mut assignment = assignment();
            let sealed = Sealed { salt: "00".repeat(16), iv: "00".repeat(12), iterations, ciphertext: "00".repeat(32) };
            assignment.key = KeyCopy::Locked { sealed };
            read(&assignment.to_json())
        };
        for taken in [310_000, NEW_KEY_ROUNDS, *KEY_ROUNDS.start(), *KEY_ROUNDS.end()] {
            assert!(locked(taken).is_ok(), "{taken}");
        }
        for refused in [0, 1, 99_999, 2_000_001, u32::MAX] {
            assert_eq!(locked(refused), Err(ClassFileError::KeyRounds { found: refused, opened: KEY_ROUNDS }));
        }
        assert_eq!(
            ClassFileError::KeyRounds { found: 1, opened: KEY_ROUNDS }.to_string(),
            "its key's PBKDF2 rounds (1) are outside what Glossa opens (100000 to 2000000)"
        );
    }

    #[test]
    fn documents_are_known_here_by_their_text_never_by_the_files_id() {
        let bundled = bundled();
        let notes_id = own_document::id_of(&sha256_hex("Notes\nbody"));
        let mut normal = assignment();
        normal.documents[1].id = notes_id.clone();
        assert!(LocalIds::of(&normal, &bundled, &[]).is_empty(), "a teacher's own text already has its digest's id");

        // A file that names its notes by the id of a bundled article, and carries the article under another.
        let mut colliding = assignment();
        colliding.documents[1].id = bundled[0].id.clone();
        colliding.documents[0].id = "article".into();
        colliding.key = KeyCopy::Open {
            annotations: BTreeMap::from([(bundled[0].id.clone(), vec![bare("k", "claim", 0, 4)]), ("article".into(), vec![])]),
            kinds: Kinds::from([("article".into(), "news report".into())]),
        };
        let ids = LocalIds::of(&colliding, &bundled, &[]);
        assert_eq!(ids.ours(&bundled[0].id), notes_id);
        assert_eq!(ids.ours("article"), bundled[4].id);
        assert_eq!(ids.theirs(&notes_id), bundled[0].id);
        assert_eq!(ids.theirs("text-elsewhere"), "text-elsewhere");
        let ours = ids.assignment_in_ours(colliding.clone());
        let document_ids: Vec<&str> = ours.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(document_ids, [bundled[4].id.as_str(), notes_id.as_str()]);
        assert_eq!(ours.documents[1].document(&bundled).map(|d| d.id), Ok(notes_id.clone()));
        let KeyCopy::Open { annotations, kinds } = &ours.key else { panic!("the key stays open") };
        assert_eq!(annotations.keys().collect::<Vec<_>>(), [&bundled[4].id, &notes_id]);
        assert_eq!(kinds[&bundled[4].id], "news report", "the kinds of text come under our ids too");
        assert_eq!(annotations[&notes_id][0].id, "k");

        // Taken again, the documents keep the ids they were taken under, whatever the file says.
        let again = LocalIds::of(&colliding, &bundled, &[AssignmentDocument { id: "kept".into(), ..ours.documents[1].clone() }]);
        assert_eq!(again.ours(&bundled[0].id), "kept");
        assert_eq!(again.ours("article"), bundled[4].id);
    }

    #[test]
    fn layers_keep_their_annotations_apart() {
        let assignment = assignment();
        let mut documents = BTreeMap::new();
        let id = &assignment.documents[0].id;
        documents.insert(id.clone(), vec![bare("own", "claim", 0, 4)]);
        documents.insert(Layer::Key("a-1".into()).document_key(id), vec![bare("k", "denial", 0, 4)]);
        documents.insert(Layer::Student("a-1".into()).document_key(id), vec![bare("s", "claim", 0, 4)]);
        let key = assignment.key_from(&documents);
        assert_eq!(key[id].iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["k"]);
        assert!(key["text-1"].is_empty());
    }
}
