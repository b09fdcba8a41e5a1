//! The model: what Glossa annotates and with what. Ids and times first, then labels and
//! annotations, then documents (which hold annotations' text) and documents of one's own.

pub mod id;
pub mod timestamp;
pub mod label;
pub mod annotation;
pub mod document;
pub mod own_document;
