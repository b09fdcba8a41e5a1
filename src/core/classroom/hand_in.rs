//! What travels back from a student, and to the student again: the work handed in
//! (`<assignment>-<student>.glossa-work.json`) and the teacher's comments on it
//! (`<assignment>-<student>.glossa-return.json`). A class's hand-ins are collected with these
//! rules: work for another assignment is refused, a text that is not the assignment's is
//! refused, a hand-in without a name is refused, and an annotation whose span is not in the text
//! or whose quote is not the text at its span is refused by itself (named, the rest taken). How a
//! class keeps several hand-ins of one student is `record::Teaching::collect`'s.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::classroom::assignment;
use crate::core::classroom::assignment::{file_stem, Assignment, Kinds, LocalIds};
use crate::core::classroom::file_error::ClassFileError;
use crate::core::exchange::formats::glossa_json;
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::model::timestamp;
use crate::core::text::json;
use crate::core::text::offsets::{abbreviate, span_problem};
use crate::core::text::search::fold_name;

pub const WORK_FORMAT: &str = "glossa-work";
pub const RETURN_FORMAT: &str = "glossa-return";
/// A hand-in's version. Version 2's annotations may carry a source's kind and the student's
/// judgements (`Annotation::source_kind`, `unsure`, …): an older Glossa refuses it rather than
/// dropping them; version 1 reads as it was. Version 3's documents may carry the kind of text the
/// student chose (`WorkDocument::kind`).
pub const WORK_VERSION: u32 = 3;
/// A return's version: its comments have not changed.
pub const RETURN_VERSION: u32 = 1;

/// One document of a hand-in: the digest of its text, and the student's annotations on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkDocument {
    pub id: String,
    pub text_sha256: String,
    /// The kind of text the student chose, when the assignment asks (version 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    pub annotations: Vec<Annotation>,
}

/// A student's work on an assignment, as handed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandIn {
    pub format: String,
    pub version: u32,
    pub assignment_id: String,
    pub assignment_title: String,
    pub student: String,
    pub handed_in_at: String,
    pub documents: Vec<WorkDocument>,
    /// When the student had seen the key before handing this in, if they had: the work was
    /// frozen then, and it is counted as made after the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_seen_at: Option<String>,
    /// When the teacher collected it (never in a student's file: set on collecting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_at: Option<String>,
}

impl HandIn {
    /// The hand-in of `annotations` and `kinds` of text (each by document id) on `assignment`.
    pub fn of(assignment: &Assignment, student: &str, annotations: &BTreeMap<String, Vec<Annotation>>, kinds: &Kinds, now: &str) -> HandIn {
        HandIn {
            format: WORK_FORMAT.to_owned(),
            version: WORK_VERSION,
            assignment_id: assignment.id.clone(),
            assignment_title: assignment.title.clone(),
            student: student.trim().to_owned(),
            handed_in_at: now.to_owned(),
            documents: assignment
                .documents
                .iter()
                .map(|d| WorkDocument {
                    id: d.id.clone(),
                    text_sha256: d.text_sha256.clone(),
                    kind: kinds.get(&d.id).cloned().unwrap_or_default(),
                    annotations: annotations.get(&d.id).cloned().unwrap_or_default(),
                })
                .collect(),
            key_seen_at: None,
            collected_at: None,
        }
    }

    /// The hand-in with its documents under the ids of the assignment's file, which the
    /// teacher's Glossa knows them by.
    pub fn in_file_ids(mut self, ids: &LocalIds) -> HandIn {
        for document in &mut self.documents {
            document.id = ids.theirs(&document.id).to_owned();
        }
        self
    }

    pub fn file_name(&self) -> String {
        format!("{}-{}.glossa-work.json", file_stem(&self.assignment_title), file_stem(&self.student))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }

    /// The annotations of document `id`.
    pub fn annotations(&self, id: &str) -> &[Annotation] {
        self.documents.iter().find(|d| d.id == id).map_or(&[], |d| d.annotations.as_slice())
    }

    pub fn count(&self) -> usize {
        self.documents.iter().map(|d| d.annotations.len()).sum()
    }

    /// Whether it claims a time after it was collected (or after `now`, if it was not): a date
    /// no honest browser writes.
    pub fn dated_in_the_future(&self, now: &str) -> bool {
        let collected = self.collected_at.as_deref().unwrap_or(now);
        timestamp::parse_millis(&self.handed_in_at) > timestamp::parse_millis(collected)
    }
}

/// For each hand-in of `class`, the others it shares annotation ids with, and how many: each
/// annotation's id is drawn at random in the browser that made it, so two students' files that
/// share ids were made in one browser, or copied.
pub fn shared_annotations(class: &[&HandIn]) -> Vec<Vec<(usize, usize)>> {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (at, work) in class.iter().enumerate() {
        for a in work.documents.iter().flat_map(|d| &d.annotations) {
            let holders = by_id.entry(a.id.as_str()).or_default();
            if holders.last() != Some(&at) {
                holders.push(at);
            }
        }
    }
    let mut shared: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); class.len()];
    for holders in by_id.values().filter(|holders| holders.len() > 1) {
        for &one in holders {
            for &other in holders.iter().filter(|&&other| other != one) {
                *shared[one].entry(other).or_default() += 1;
            }
        }
    }
    shared.into_iter().map(|others| others.into_iter().collect()).collect()
}

/// A hand-in as taken, and each annotation of it refused, in words that name it.
pub type Checked = (HandIn, Vec<String>);

/// Reads a hand-in for `assignment`, whose texts are among `texts`: refuses one for another
/// assignment, on other texts, or without a name, in words that name the file; and of the rest,
/// each annotation that is not a span of its text with its quote.
pub fn read_work(contents: &str, assignment: &Assignment, texts: &[Arc<Document>]) -> Result<Checked, ClassFileError> {
    if let Some(what) = other_file(contents) {
        return Err(ClassFileError::NotAHandIn(what));
    }
    // A file of another kind is told by its format before its fields (a missing field of a
    // hand-in says nothing to whoever chose the wrong file).
    #[derive(Deserialize)]
    struct Kind {
        format: Option<String>,
    }
    if let Ok(Kind { format: Some(format) }) = json::read::<Kind>(contents.trim_start_matches('\u{feff}')) {
        if format != WORK_FORMAT {
            return Err(ClassFileError::NotThisKind { kind: "hand-in", version: WORK_VERSION });
        }
    }
    let mut work: HandIn = json::read(contents.trim_start_matches('\u{feff}'))
        .map_err(|e| ClassFileError::NotReadable { kind: "a hand-in", detail: e.to_string() })?;
    if work.format != WORK_FORMAT || !(1..=WORK_VERSION).contains(&work.version) {
        return Err(ClassFileError::NotThisKind { kind: "hand-in", version: WORK_VERSION });
    }
    if work.assignment_id != assignment.id {
        return Err(ClassFileError::AnotherAssignment { found: work.assignment_title, expected: assignment.title.clone() });
    }
    if work.student.trim().is_empty() {
        return Err(ClassFileError::NoStudentName);
    }
    if timestamp::parse_millis(&work.handed_in_at).is_none() {
        return Err(ClassFileError::NotATime(work.handed_in_at));
    }
    let mut refused = Vec::new();
    for document in &mut work.documents {
        let expected = assignment.documents.iter().find(|d| d.id == document.id);
        let title = match expected {
            Some(expected) if expected.text_sha256 == document.text_sha256 => &expected.title,
            Some(expected) => return Err(ClassFileError::TextChanged(expected.title.clone())),
            None => return Err(ClassFileError::UnknownDocument(document.id.clone())),
        };
        let text = texts.iter().find(|t| t.id == document.id && t.sha256 == document.text_sha256);
        document.annotations.retain(|a| match not_in(a, text) {
            Some(problem) => {
                refused.push(format!("annotation “{}” on “{title}”: {problem}", a.id));
                false
            }
            None => true,
        });
    }
    Ok((work, refused))
}

/// What another of Glossa's files is, said to a teacher who put it among the hand-ins.
fn other_file(contents: &str) -> Option<&'static str> {
    let files = [
        (assignment::FORMAT, "the assignment file, not a hand-in: collect the files the students handed in (named …glossa-work.json)"),
        (RETURN_FORMAT, "your comments returned to a student, not a hand-in"),
        (glossa_json::FORMAT, "annotations exported with Export JSON, not a hand-in: a student hands in with Hand in"),
    ];
    files.into_iter().find(|(format, _)| assignment::is_format(contents, format)).map(|(_, what)| what)
}

/// Why `annotation` is not a span of `text` with its quote, if it is not (its extent alone when
/// the text is not here).
fn not_in(annotation: &Annotation, text: Option<&Arc<Document>>) -> Option<String> {
    let (start, end) = (annotation.start, annotation.end);
    let Some(text) = text else {
        return span_problem(start, end, usize::MAX);
    };
    if let Some(problem) = span_problem(start, end, text.length) {
        return Some(problem);
    }
    let there = text.quote(start, end).unwrap_or_default();
    (there != annotation.quote).then(|| {
        format!("its quote “{}” is not the text at {start}..{end}, “{}”", abbreviate(&annotation.quote, 40), abbreviate(there, 40))
    })
}

impl HandIn {
    /// Whether `other` is this very hand-in (the same file collected again): the same student,
    /// the same time, the same work.
    pub fn same_as(&self, other: &HandIn) -> bool {
        fold_name(&self.student) == fold_name(&other.student)
            && self.handed_in_at == other.handed_in_at
            && self.documents == other.documents
    }

    /// Whether it was handed in after `other`.
    pub fn later_than(&self, other: &HandIn) -> bool {
        timestamp::parse_millis(&self.handed_in_at) > timestamp::parse_millis(&other.handed_in_at)
    }
}

/// A teacher's comment on a stretch of a student's work: on one of their annotations, or on a
/// passage of the key they missed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation_id: Option<String>,
    pub text: String,
    /// When it was last written (by which tabs join comments); empty in older files.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated_at: String,
}

impl Comment {
    /// A comment on the whole work, not on a passage: no document, no offsets, one per student.
    pub fn on_the_whole_work(text: String) -> Comment {
        Comment { document: String::new(), start: 0, end: 0, quote: String::new(), annotation_id: None, text, updated_at: String::new() }
    }

    pub fn is_on_the_whole_work(&self) -> bool {
        self.document.is_empty()
    }

    /// The passage it is on: a student has at most one comment on each.
    pub fn passage(&self) -> (&str, usize, usize) {
        (&self.document, self.start, self.end)
    }
}

/// The comments going back to one student.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Return {
    pub format: String,
    pub version: u32,
    pub assignment_id: String,
    pub assignment_title: String,
    pub student: String,
    pub returned_at: String,
    pub comments: Vec<Comment>,
}

impl Return {
    pub fn of(work: &HandIn, comments: Vec<Comment>, now: &str) -> Return {
        Return {
            format: RETURN_FORMAT.to_owned(),
            version: RETURN_VERSION,
            assignment_id: work.assignment_id.clone(),
            assignment_title: work.assignment_title.clone(),
            student: work.student.clone(),
            returned_at: now.to_owned(),
            comments,
        }
    }

    /// The return with its comments on documents under our ids.
    pub fn in_our_ids(mut self, ids: &LocalIds) -> Return {
        for comment in &mut self.comments {
            comment.document = ids.ours(&comment.document).to_owned();
        }
        self
    }

    pub fn file_name(&self) -> String {
        format!("{}-{}.glossa-return.json", file_stem(&self.assignment_title), file_stem(&self.student))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }
}

/// Reads comments returned on one of the assignments `opened` here (by id).
pub fn read_return(contents: &str, opened: &[(String, String)]) -> Result<Return, ClassFileError> {
    let back: Return = json::read(contents.trim_start_matches('\u{feff}'))
        .map_err(|e| ClassFileError::NotReadable { kind: "a return of comments", detail: e.to_string() })?;
    if back.format != RETURN_FORMAT || back.version != RETURN_VERSION {
        return Err(ClassFileError::NotThisKind { kind: "return", version: RETURN_VERSION });
    }
    let Some((_, student)) = opened.iter().find(|(id, _)| *id == back.assignment_id) else {
        return Err(ClassFileError::NotOpenedHere(back.assignment_title));
    };
    if fold_name(student) != fold_name(&back.student) {
        return Err(ClassFileError::AnotherStudent { theirs: back.student, yours: student.clone() });
    }
    Ok(back)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::classroom::assignment::AssignmentDocument;
    use crate::core::model::annotation::bare;
    use crate::core::model::document::bundled;

    fn assignment() -> Assignment {
        let mut assignment = Assignment::new("a-1".into(), "Week 3", "2026-11-23T10:00:00Z");
        assignment.documents = vec![AssignmentDocument::of(&bundled()[4])];
        assignment
    }

    /// An annotation of the assignment's text, its quote as the text has it.
    fn said(id: &str, start: usize, end: usize) -> Annotation {
        Annotation { quote: bundled()[4].quote(start, end).unwrap().to_owned(), ..bare(id, "claim", start, end) }
    }

    fn work(student: &str, at: &str) -> HandIn {
        let assignment = assignment();
        let annotations = BTreeMap::from([(assignment.documents[0].id.clone(), vec![said("x", 0, 4)])]);
        HandIn::of(&assignment, student, &annotations, &Kinds::new(), at)
    }

    fn read(work: &HandIn) -> Result<Checked, ClassFileError> {
        read_work(&work.to_json(), &assignment(), &bundled())
    }

    #[test]
    fn a_hand_in_reads_back_and_names_its_file() {
        let work = work("  Ada Lovelace ", "2026-11-23T11:00:00Z");
        assert_eq!(work.student, "Ada Lovelace");
        assert_eq!(work.file_name(), "Week-3-Ada-Lovelace.glossa-work.json");
        assert_eq!(read(&work), Ok((work.clone(), vec![])));
        assert_eq!(work.count(), 1);
    }

    #[test]
    fn hand_ins_that_cannot_be_taken_say_why() {
        let good = work("Ada", "2026-11-23T11:00:00Z");
        let mut other = good.clone();
        other.assignment_id = "b-2".into();
        assert!(read(&other).unwrap_err().to_string().contains("another assignment"));
        let mut tampered = good.clone();
        tampered.documents[0].text_sha256 = "0".repeat(64);
        assert!(read(&tampered).unwrap_err().to_string().contains("the file was changed"));
        let mut nameless = good.clone();
        nameless.student = " ".into();
        assert!(read(&nameless).unwrap_err().to_string().contains("no student name"));
        assert!(read_work("[]", &assignment(), &bundled()).unwrap_err().to_string().contains("not a hand-in"));
    }

    /// Another of Glossa's files among the hand-ins is named for what it is, never by a field it lacks.
    #[test]
    fn another_kind_of_file_is_named_for_what_it_is() {
        let said = |contents: &str| read_work(contents, &assignment(), &bundled()).unwrap_err().to_string();
        assert!(said(&assignment().to_json()).starts_with("it is the assignment file, not a hand-in"), "{}", said(&assignment().to_json()));
        assert!(
            said(r#"{"format": "glossa-annotations", "version": 2, "documents": []}"#).contains("exported with Export JSON, not a hand-in")
        );
        assert_eq!(
            said(r#"{"format":"glossa-backup","version":1}"#),
            format!("it is not a Glossa hand-in of version {WORK_VERSION} or earlier")
        );
    }

    #[test]
    fn annotations_not_in_the_text_or_not_its_quote_are_refused_each_by_name_and_the_rest_taken() {
        let mut work = work("Ada", "2026-11-23T11:00:00Z");
        let length = bundled()[4].length;
        let invented = Annotation { quote: "Iran admits everything".into(), ..said("invented", 10, 20) };
        work.documents[0].annotations.extend([
            said("kept", 10, 20),
            bare("beyond", "claim", 5, length + 7),
            bare("empty", "denial", 9, 9),
            invented,
        ]);
        let (taken, refused) = read(&work).unwrap();
        let ids: Vec<&str> = taken.documents[0].annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x", "kept"]);
        let title = &assignment().documents[0].title;
        let there = bundled()[4].quote(10, 20).unwrap().to_owned();
        assert_eq!(
            refused,
            [
                format!("annotation “beyond” on “{title}”: end {} is past the end of the text ({length} code points)", length + 7),
                format!("annotation “empty” on “{title}”: start 9 is not before end 9"),
                format!("annotation “invented” on “{title}”: its quote “Iran admits everything” is not the text at 10..20, “{there}”"),
            ]
        );
    }

    #[test]
    fn copied_files_are_seen_by_their_shared_ids_and_future_dates_by_the_collection() {
        let mut ada = work("Ada", "2026-11-23T11:00:00Z");
        let mut grace = ada.clone();
        grace.student = "Grace".into();
        grace.documents[0].annotations.push(said("g", 10, 20));
        ada.documents[0].annotations.push(said("y", 30, 40));
        let mut alan = work("Alan", "2099-01-01T00:00:00Z");
        alan.documents[0].annotations[0].id = "z".into();
        assert_eq!(shared_annotations(&[&ada, &grace, &alan]), [vec![(1, 1)], vec![(0, 1)], vec![]]);
        assert!(alan.dated_in_the_future("2026-11-24T09:00:00Z"));
        assert!(!ada.dated_in_the_future("2026-11-24T09:00:00Z"));
        ada.collected_at = Some("2026-11-23T10:00:00Z".into());
        assert!(ada.dated_in_the_future("2026-11-24T09:00:00Z"), "later than its collection");
    }

    fn comment(document: &str) -> Comment {
        Comment {
            document: document.into(),
            start: 0,
            end: 4,
            quote: "Iran".into(),
            annotation_id: None,
            text: "Who says so?".into(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn comments_go_back_to_their_assignment_only() {
        let work = work("Ada", "2026-11-23T11:00:00Z");
        let back = Return::of(&work, vec![comment("d")], "2026-11-24T09:00:00Z");
        assert_eq!(back.file_name(), "Week-3-Ada.glossa-return.json");
        let opened = |id: &str, student: &str| (id.to_owned(), student.to_owned());
        assert_eq!(read_return(&back.to_json(), &[opened("b-2", "Ada"), opened("a-1", " ada ")]), Ok(back.clone()));
        assert!(read_return(&back.to_json(), &[opened("b-2", "Ada")]).unwrap_err().to_string().contains("not opened in this browser"));
        assert_eq!(
            read_return(&back.to_json(), &[opened("a-1", "Grace")]).unwrap_err().to_string(),
            "it is the return of Ada's work, and this browser's work on it is Grace's"
        );
        assert!(read_return("{", &[opened("a-1", "Ada")]).unwrap_err().to_string().contains("not a return of comments"));
    }

    #[test]
    fn what_goes_to_the_teacher_names_the_files_ids_and_what_comes_back_is_read_in_ours() {
        let mut theirs = assignment();
        theirs.documents[0].id = "article".into();
        let ids = LocalIds::of(&theirs, &bundled(), &[]);
        let ours = ids.assignment_in_ours(theirs);
        let here = ours.documents[0].id.clone();
        assert_ne!(here, "article");
        let annotations = BTreeMap::from([(here.clone(), vec![said("x", 0, 4)])]);
        let kinds = Kinds::from([(ours.documents[0].id.clone(), "opinion".to_owned())]);
        let work = HandIn::of(&ours, "Ada", &annotations, &kinds, "2026-11-23T11:00:00Z").in_file_ids(&ids);
        assert_eq!(work.documents[0].kind, "opinion", "the kind chosen goes with its document, under the file's id");
        assert_eq!(work.annotations("article").len(), 1);
        let back = Return::of(&work, vec![comment("article")], "2026-11-24T09:00:00Z").in_our_ids(&ids);
        assert_eq!(back.comments[0].document, here);
    }
}
