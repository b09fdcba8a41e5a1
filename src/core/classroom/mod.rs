//! The classroom, the top of the core: assignments and how their key travels, a student's
//! hand-in and the teacher's return, feedback against the key, the gradebook, the class report,
//! what a browser keeps of the classes it made and took (`record`), the class's figures, and the
//! backup of everything a browser keeps (`backup`), and answer keys kept locked at rest
//! (`keys_at_rest`); curation of several annotators' work into a gold standard (`curation`).

pub mod file_error;
pub mod assignment;
pub mod hand_in;
pub mod feedback;
pub mod gradebook;
pub mod class_report;
pub mod record;
pub mod figures;
pub mod backup;
pub mod keys_at_rest;
pub mod curation;
