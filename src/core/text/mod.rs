//! Text, the lowest layer: offsets in Unicode code points (the one unit of the core) and the
//! conversions to the units of other tools, which happen only at the edge; NFC normalisation and
//! UAX #29 word and grapheme boundaries; searching a text; lists written one item a line; JSON
//! read from a string and written through one writer; lists and maps put in order with one copy of
//! a sort. Nothing here knows what a document or an
//! annotation is.

pub mod offsets;
pub mod unicode;
pub mod boundary;
pub mod search;
pub mod percent;
pub mod lines;
pub mod json;
pub mod order;
