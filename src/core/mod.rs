//! The pure core: documents, annotations, offsets, highlight runs, storage schema, import and
//! export. Nothing here touches the browser, so all of it is tested natively.

pub mod agreement;
pub mod annotation;
pub mod assignment;
pub mod board;
pub mod boundary;
pub mod class_report;
pub mod classroom;
pub mod document;
pub mod feedback;
pub mod formats;
pub mod gamma;
pub mod gradebook;
pub mod hand_in;
pub mod handout;
pub mod history;
pub mod id;
pub mod import;
pub mod label;
pub mod metrics;
pub mod own_document;
pub mod runs;
pub mod search;
pub mod shown;
pub mod span_index;
pub mod storage;
pub mod sync;
pub mod text;
pub mod timestamp;
pub mod unicode;
pub mod viewport;
pub mod workspace;
