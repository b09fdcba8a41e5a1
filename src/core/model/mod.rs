//! The model: what Glossa annotates and with what. Ids and times first, then labels and
//! annotations, then what a document is as a source (its facts), documents (which hold
//! annotations' text) and documents of one's own.

pub mod id;
pub mod timestamp;
pub mod label;
pub mod annotation;
pub mod facts;
pub mod document;
pub mod own_document;
