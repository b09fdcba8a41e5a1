//! What this browser keeps of the classroom, saved apart from the work: the assignments a
//! teacher made here (how the key travels, the hand-ins collected, comments for each student),
//! and the assignments a student opened here (their name, when they handed in, the key once it
//! may be seen, the comments returned). The annotations themselves, the key's and the student's,
//! are layers of the work (`assignment::Layer`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::classroom::assignment::Assignment;
use crate::core::classroom::hand_in::{Comment, HandIn};
use crate::core::model::annotation::Annotation;

pub const VERSION: u32 = 1;

/// How the teacher chose to send the key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyTravel {
    /// It stays with the teacher.
    #[default]
    Kept,
    /// In the student copy, readable.
    Open,
    /// In the student copy, encrypted under a passphrase.
    Locked,
}

/// An assignment made here, with its class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teaching {
    /// Its `key` is always `Kept` here: the key is the work's key layer until it is exported.
    pub assignment: Assignment,
    #[serde(default)]
    pub key_travel: KeyTravel,
    #[serde(default)]
    pub collected: Vec<HandIn>,
    /// Comments for each student, by the name on their hand-in.
    #[serde(default)]
    pub comments: BTreeMap<String, Vec<Comment>>,
}

/// An assignment opened here by a student.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taking {
    /// As its file came, the key in whatever form it travelled.
    pub assignment: Assignment,
    #[serde(default)]
    pub student: String,
    #[serde(default)]
    pub handed_in_at: Option<String>,
    /// The key, once the student may see it (after handing in, and its passphrase if locked).
    #[serde(default)]
    pub key: Option<BTreeMap<String, Vec<Annotation>>>,
    #[serde(default)]
    pub comments: Vec<Comment>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRecord {
    #[serde(default)]
    pub teaching: Vec<Teaching>,
    #[serde(default)]
    pub taking: Vec<Taking>,
    /// The assignment taken here that was open when the page was left: it opens again.
    #[serde(default)]
    pub working_on: Option<String>,
}

impl ClassRecord {
    pub fn teaching(&self, id: &str) -> Option<&Teaching> {
        self.teaching.iter().find(|t| t.assignment.id == id)
    }

    pub fn teaching_mut(&mut self, id: &str) -> Option<&mut Teaching> {
        self.teaching.iter_mut().find(|t| t.assignment.id == id)
    }

    pub fn taking(&self, id: &str) -> Option<&Taking> {
        self.taking.iter().find(|t| t.assignment.id == id)
    }

    pub fn taking_mut(&mut self, id: &str) -> Option<&mut Taking> {
        self.taking.iter_mut().find(|t| t.assignment.id == id)
    }

    /// The assignment `id`, made or taken here.
    pub fn assignment(&self, id: &str) -> Option<&Assignment> {
        self.teaching(id).map(|t| &t.assignment).or_else(|| self.taking(id).map(|t| &t.assignment))
    }

    /// Takes an assignment a student opened: a new one is added; one opened before keeps the
    /// student's name, hand-in and comments, and takes the file's texts and key.
    pub fn take(&mut self, assignment: Assignment) -> bool {
        match self.taking_mut(&assignment.id) {
            Some(taking) => {
                taking.assignment = assignment;
                false
            }
            None => {
                self.taking.push(Taking { assignment, student: String::new(), handed_in_at: None, key: None, comments: Vec::new() });
                true
            }
        }
    }
}

/// How the student `index` (from 0) is named where names must not show: "Student A", …,
/// "Student Z", "Student AA", …
pub fn alias(index: usize) -> String {
    let mut letters = String::new();
    let mut n = index + 1;
    while n > 0 {
        letters.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    format!("Student {letters}")
}

/// The saved classroom as JSON.
pub fn to_json(classroom: &ClassRecord) -> String {
    #[derive(Serialize)]
    struct Saved<'a> {
        version: u32,
        #[serde(flatten)]
        classroom: &'a ClassRecord,
    }
    serde_json::to_string(&Saved { version: VERSION, classroom }).expect("plain data serializes")
}

/// Reads the saved classroom, or says why it cannot be read.
pub fn read(raw: &str) -> Result<ClassRecord, String> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|e| format!("it is not valid JSON ({e})"))?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(1) => serde_json::from_value(value).map_err(|e| format!("it does not have the expected shape ({e})")),
        other => Err(format!("its version is {other:?}, which this Glossa does not know")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_classroom_reads_back_and_a_reopened_assignment_keeps_the_students_work() {
        let mut classroom = ClassRecord::default();
        let assignment = Assignment::new("a-1".into(), "Week 3", "2026-11-23T10:00:00Z");
        assert!(classroom.take(assignment.clone()));
        classroom.taking_mut("a-1").unwrap().student = "Ada".into();
        let mut again = assignment.clone();
        again.instructions = "Mark every denial.".into();
        assert!(!classroom.take(again));
        assert_eq!(classroom.taking("a-1").unwrap().student, "Ada");
        assert_eq!(classroom.assignment("a-1").unwrap().instructions, "Mark every denial.");
        classroom.teaching.push(Teaching { assignment, key_travel: KeyTravel::Locked, collected: vec![], comments: BTreeMap::new() });
        assert_eq!(read(&to_json(&classroom)), Ok(classroom));
        assert!(read(r#"{"version": 9}"#).is_err());
    }

    #[test]
    fn aliases_run_through_the_alphabet_and_on() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52].into_iter().map(alias).collect();
        assert_eq!(names, ["Student A", "Student B", "Student Z", "Student AA", "Student AB", "Student AZ", "Student BA"]);
    }
}
