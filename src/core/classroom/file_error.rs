//! Why a classroom file (an assignment, a hand-in, a return of comments) was not taken: one type
//! for all three, as `ImportError` is for imports, so that the app decides what to do by the kind
//! of refusal, never by its wording. Each reads as the end of a sentence: "“x.json” was not
//! taken: it carries no student name".

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassFileError {
    /// Not JSON, or JSON of another shape; `kind` is what was expected ("a hand-in").
    NotReadable {
        kind: &'static str,
        detail: String,
    },
    /// A file of another format or version; `kind` as above, with the version read.
    NotThisKind {
        kind: &'static str,
        version: u32,
    },
    /// An assignment file of a version this Glossa does not read (`None`: no version at all).
    UnknownVersion {
        found: Option<u64>,
        reads: u32,
    },
    /// An assignment with no id or no documents.
    Empty,
    /// An assignment whose label colour is no `#rrggbb`.
    BadColour,
    /// A locked key derived with a number of rounds outside those Glossa opens: too few protect
    /// nothing, too many would hang Check my work.
    KeyRounds {
        found: u32,
        opened: std::ops::RangeInclusive<u32>,
    },
    /// A hand-in for another assignment.
    AnotherAssignment {
        found: String,
        expected: String,
    },
    NoStudentName,
    /// Another of Glossa's files where a hand-in was expected: what it is, and where it goes.
    NotAHandIn(&'static str),
    NotATime(String),
    /// A document whose text is not the one its digest names.
    TextChanged(String),
    /// Work on a document the assignment does not have.
    UnknownDocument(String),
    /// Comments on an assignment not opened in this browser.
    NotOpenedHere(String),
    /// Comments on another student's work.
    AnotherStudent {
        theirs: String,
        yours: String,
    },
}

impl fmt::Display for ClassFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClassFileError::NotReadable { kind, detail } => write!(f, "it is not {kind} ({detail})"),
            ClassFileError::NotThisKind { kind, version: 1 } => write!(f, "it is not a Glossa {kind} of version 1"),
            ClassFileError::NotThisKind { kind, version } => write!(f, "it is not a Glossa {kind} of version {version} or earlier"),
            ClassFileError::UnknownVersion { found: Some(v), reads } => {
                write!(f, "its version is {v}, but this Glossa reads assignment versions up to {reads}")
            }
            ClassFileError::UnknownVersion { found: None, .. } => write!(f, "it has no version"),
            ClassFileError::Empty => write!(f, "it names no assignment id or no documents"),
            ClassFileError::BadColour => write!(f, "a label's colour is not of the form #rrggbb"),
            ClassFileError::KeyRounds { found, opened } => {
                write!(f, "its key's PBKDF2 rounds ({found}) are outside what Glossa opens ({} to {})", opened.start(), opened.end())
            }
            ClassFileError::AnotherAssignment { found, expected } => {
                write!(f, "it is work for another assignment (“{found}”), not for “{expected}”")
            }
            ClassFileError::NoStudentName => write!(f, "it carries no student name"),
            ClassFileError::NotAHandIn(what) => write!(f, "it is {what}"),
            ClassFileError::NotATime(at) => write!(f, "its handed_in_at “{at}” is not a time"),
            ClassFileError::TextChanged(title) => write!(f, "its text of “{title}” is not the assignment's: the file was changed"),
            ClassFileError::UnknownDocument(id) => write!(f, "it has work on a document “{id}” the assignment does not have"),
            ClassFileError::AnotherStudent { theirs, yours } if yours.trim().is_empty() => {
                write!(f, "it is the return of {theirs}'s work, and this browser's work on it has no name")
            }
            ClassFileError::AnotherStudent { theirs, yours } => {
                write!(f, "it is the return of {theirs}'s work, and this browser's work on it is {yours}'s")
            }
            ClassFileError::NotOpenedHere(title) => write!(f, "it holds comments on “{title}”, an assignment not opened in this browser"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_reads_as_the_end_of_a_sentence() {
        let cases = [
            (ClassFileError::NoStudentName, "it carries no student name"),
            (ClassFileError::NotThisKind { kind: "hand-in", version: 1 }, "it is not a Glossa hand-in of version 1"),
            (ClassFileError::NotThisKind { kind: "hand-in", version: 2 }, "it is not a Glossa hand-in of version 2 or earlier"),
            (
                ClassFileError::UnknownVersion { found: Some(7), reads: 1 },
                "its version is 7, but this Glossa reads assignment versions up to 1",
            ),
            (ClassFileError::UnknownVersion { found: None, reads: 1 }, "it has no version"),
        ];
        for (error, said) in cases {
            assert_eq!(error.to_string(), said);
        }
    }
}
