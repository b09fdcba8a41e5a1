//! What the page shows of a document, computed natively: the runs of text a paragraph is drawn
//! in, the index of spans by paragraph, what one layer shows, the stretch of a long document that
//! is drawn, the printed handout, the claims board, who reported what (coverage), the hints of hedges,
//! a search of every document, and the page's places as addresses.

pub mod runs;
pub mod span_index;
pub mod shown;
pub mod viewport;
pub mod handout;
pub mod board;
pub mod hedges;
pub mod coverage;
pub mod matches;
pub mod address;
