//! The classroom's views, from the lowest up: `charts`; the field a key's passphrase is typed in
//! (`passphrase`); how answer keys are kept in this browser (`keys_kept`); the feedback against the key a student
//! and a teacher both see (`feedback`); who reported what, over one's work or a class's key
//! (`coverage`); the assignment bar a student works under or a teacher
//! reviews a hand-in under (`bar`); how much a class agrees (`agreement`); the class discussion
//! drawn on the article (`discussion`) and a teacher's returned comments drawn on their passages
//! (`notes`), the two under the article's paragraphs (`paragraph_notes`); the class's results
//! (`results`); the teacher's view (`teacher`); the curation of several annotators' work into a
//! gold standard (`curation`).

mod charts;
mod passphrase;
mod keys_kept;
mod feedback;
mod coverage;
mod bar;
mod agreement;
mod notes;
mod discussion;
mod paragraph_notes;
mod results;
mod teacher;
mod curation;

pub use bar::{AssignmentBar, TeacherButton};
pub use coverage::CoverageTable;
pub use curation::{ConflictsRegion, CurationBar};
pub use feedback::PassageButton;
pub use paragraph_notes::notes_under;
pub use teacher::TeacherView;
