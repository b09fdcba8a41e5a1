//! The open article, from the lowest part up: `viewport` (which paragraphs of a long document are
//! drawn), `handout` (printing), `paragraph` (a paragraph as highlight runs), `details` (a
//! document of one's own), `find` (the find bar), `cursor` (the keyboard in the article),
//! `painted` (ranges painted over the article, never written into it), `hedges` (the hints of
//! hedges and reporting verbs, a part of their own, fetched when first turned on), and `article`,
//! the reading view that puts them together.

pub mod viewport;
pub mod handout;
mod paragraph;
mod details;
mod find;
mod cursor;
pub mod painted;
mod hedges;
mod article;

pub use article::Reader;
pub use details::own_document_details;
pub use hedges::hint_hedges;
