//! The pure core: everything Glossa knows, with nothing of the browser, so all of it is tested
//! natively. It is in layers, each a folder, listed here from the bottom up; a file imports only
//! from its own folder or from folders below it, and no two files import each other, even through
//! others (`tests/layers.rs` checks both).
//!
//! - `text`: code-point offsets (the one unit) and the other tools' units at the edge, Unicode
//!   normalisation and boundaries, searching a text.
//! - `measures`: span matching, agreement (κ, α) and Mathet's γ: the leaves whose figures are
//!   checked against the reference implementations in Python.
//! - `model`: documents (bundled and one's own), annotations, labels, ids and times.
//! - `reading`: what the page shows of a document: highlight runs, the span index, what is shown,
//!   the viewport, the printed handout, the claims board.
//! - `work`: the work over time: the workspace, undo history, joining tabs, the storage schema.
//! - `exchange`: files in and out: every format's writer and reader, and placing what a file
//!   holds on the documents.
//! - `classroom`: assignments and their keys, hand-ins, feedback, the gradebook, the class report,
//!   the class's figures, and what a browser keeps of its classes.

pub mod text;
pub mod measures;
pub mod model;
pub mod reading;
pub mod work;
pub mod exchange;
pub mod classroom;
