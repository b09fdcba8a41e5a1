//! The work over time: the workspace (annotations, added documents, tombstones), its undo
//! history, joining what another tab saved, and the schema it is stored in.

pub mod workspace;
pub mod history;
pub mod sync;
pub mod storage;
