//! What travels back from a student, and to the student again: the work handed in
//! (`<assignment>-<student>.glossa-work.json`) and the teacher's comments on it
//! (`<assignment>-<student>.glossa-return.json`). A class's hand-ins are collected with these
//! rules: work for another assignment is refused, a text that is not the assignment's is
//! refused, a hand-in without a name is refused, and of one student's hand-ins the newest is kept.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::classroom::assignment::{file_stem, Assignment};
use crate::core::classroom::file_error::ClassFileError;
use crate::core::model::annotation::Annotation;
use crate::core::model::timestamp;
use crate::core::text::search::fold_name;

pub const WORK_FORMAT: &str = "glossa-work";
pub const RETURN_FORMAT: &str = "glossa-return";
pub const VERSION: u32 = 1;

/// One document of a hand-in: the digest of its text, and the student's annotations on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkDocument {
    pub id: String,
    pub text_sha256: String,
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
}

impl HandIn {
    /// The hand-in of `annotations` (by document id) on `assignment`.
    pub fn of(assignment: &Assignment, student: &str, annotations: &BTreeMap<String, Vec<Annotation>>, now: &str) -> HandIn {
        HandIn {
            format: WORK_FORMAT.to_owned(),
            version: VERSION,
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
                    annotations: annotations.get(&d.id).cloned().unwrap_or_default(),
                })
                .collect(),
        }
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
}

/// Reads a hand-in for `assignment`, refusing one for another assignment, on other texts, or
/// without a name, in words that name the file.
pub fn read_work(contents: &str, assignment: &Assignment) -> Result<HandIn, ClassFileError> {
    let work: HandIn = serde_json::from_str(contents.trim_start_matches('\u{feff}'))
        .map_err(|e| ClassFileError::NotReadable { kind: "a hand-in", detail: e.to_string() })?;
    if work.format != WORK_FORMAT || work.version != VERSION {
        return Err(ClassFileError::NotThisKind { kind: "hand-in", version: VERSION });
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
    for document in &work.documents {
        let expected = assignment.documents.iter().find(|d| d.id == document.id);
        match expected {
            Some(expected) if expected.text_sha256 == document.text_sha256 => {}
            Some(expected) => return Err(ClassFileError::TextChanged(expected.title.clone())),
            None => return Err(ClassFileError::UnknownDocument(document.id.clone())),
        }
        if let Some(bad) = document.annotations.iter().find(|a| a.start >= a.end) {
            return Err(ClassFileError::NoExtent(bad.id.clone()));
        }
    }
    Ok(work)
}

/// What adding a hand-in to a class did.
#[derive(Debug, PartialEq, Eq)]
pub enum Collected {
    New,
    /// It replaced an older hand-in of the same student.
    Newer,
    /// The same student's hand-in already here is as new or newer; it was kept.
    Older,
}

/// Adds `work` to `class` (hand-ins by student name, compared ignoring case and spacing): the
/// newest hand-in of each student is kept.
pub fn collect(class: &mut Vec<HandIn>, work: HandIn) -> Collected {
    let name = fold_name(&work.student);
    match class.iter_mut().find(|w| fold_name(&w.student) == name) {
        None => {
            class.push(work);
            Collected::New
        }
        Some(kept) if timestamp::parse_millis(&work.handed_in_at) > timestamp::parse_millis(&kept.handed_in_at) => {
            *kept = work;
            Collected::Newer
        }
        Some(_) => Collected::Older,
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
            version: VERSION,
            assignment_id: work.assignment_id.clone(),
            assignment_title: work.assignment_title.clone(),
            student: work.student.clone(),
            returned_at: now.to_owned(),
            comments,
        }
    }

    pub fn file_name(&self) -> String {
        format!("{}-{}.glossa-return.json", file_stem(&self.assignment_title), file_stem(&self.student))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }
}

/// Reads comments returned on one of the assignments `opened` here (by id).
pub fn read_return(contents: &str, opened: &[String]) -> Result<Return, ClassFileError> {
    let back: Return = serde_json::from_str(contents.trim_start_matches('\u{feff}'))
        .map_err(|e| ClassFileError::NotReadable { kind: "a return of comments", detail: e.to_string() })?;
    if back.format != RETURN_FORMAT || back.version != VERSION {
        return Err(ClassFileError::NotThisKind { kind: "return", version: VERSION });
    }
    if !opened.contains(&back.assignment_id) {
        return Err(ClassFileError::NotOpenedHere(back.assignment_title));
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

    fn work(student: &str, at: &str) -> HandIn {
        let assignment = assignment();
        let annotations = BTreeMap::from([(assignment.documents[0].id.clone(), vec![bare("x", "claim", 0, 4)])]);
        HandIn::of(&assignment, student, &annotations, at)
    }

    #[test]
    fn a_hand_in_reads_back_and_names_its_file() {
        let work = work("  Ada Lovelace ", "2026-11-23T11:00:00Z");
        assert_eq!(work.student, "Ada Lovelace");
        assert_eq!(work.file_name(), "Week-3-Ada-Lovelace.glossa-work.json");
        assert_eq!(read_work(&work.to_json(), &assignment()), Ok(work.clone()));
        assert_eq!(work.count(), 1);
    }

    #[test]
    fn hand_ins_that_cannot_be_taken_say_why() {
        let good = work("Ada", "2026-11-23T11:00:00Z");
        let mut other = good.clone();
        other.assignment_id = "b-2".into();
        assert!(read_work(&other.to_json(), &assignment()).unwrap_err().to_string().contains("another assignment"));
        let mut tampered = good.clone();
        tampered.documents[0].text_sha256 = "0".repeat(64);
        assert!(read_work(&tampered.to_json(), &assignment()).unwrap_err().to_string().contains("the file was changed"));
        let mut nameless = good.clone();
        nameless.student = " ".into();
        assert!(read_work(&nameless.to_json(), &assignment()).unwrap_err().to_string().contains("no student name"));
        assert!(read_work("[]", &assignment()).unwrap_err().to_string().contains("not a hand-in"));
    }

    #[test]
    fn the_newest_hand_in_of_a_student_is_kept() {
        let mut class = Vec::new();
        assert_eq!(collect(&mut class, work("Ada", "2026-11-23T11:00:00Z")), Collected::New);
        assert_eq!(collect(&mut class, work("ada ", "2026-11-23T12:00:00Z")), Collected::Newer);
        assert_eq!(collect(&mut class, work("ADA", "2026-11-23T10:00:00Z")), Collected::Older);
        assert_eq!(collect(&mut class, work("Grace", "2026-11-23T10:00:00Z")), Collected::New);
        assert_eq!(class.len(), 2);
        assert_eq!(class[0].handed_in_at, "2026-11-23T12:00:00Z");
    }

    #[test]
    fn comments_go_back_to_their_assignment_only() {
        let work = work("Ada", "2026-11-23T11:00:00Z");
        let comment =
            Comment { document: "d".into(), start: 0, end: 4, quote: "Iran".into(), annotation_id: None, text: "Who says so?".into() };
        let back = Return::of(&work, vec![comment], "2026-11-24T09:00:00Z");
        assert_eq!(back.file_name(), "Week-3-Ada.glossa-return.json");
        assert_eq!(read_return(&back.to_json(), &["b-2".into(), "a-1".into()]), Ok(back.clone()));
        assert!(read_return(&back.to_json(), &["b-2".into()]).unwrap_err().to_string().contains("not opened in this browser"));
        assert!(read_return("{", &["a-1".into()]).unwrap_err().to_string().contains("not a return of comments"));
    }
}
