//! The work over time: the workspace (annotations, added documents, tombstones), its undo
//! history, joining what another tab saved, the schema it is stored in, and the suggestions that
//! wait for a decision before they become work.

pub mod workspace;
pub mod history;
pub mod sync;
pub mod storage;
pub mod suggestions;
