//! Files in and out. `incoming` is what any reader finds in a file, before it is placed;
//! `formats` writes and reads each format, one module a format; `import` places what was found on
//! the documents, refusing what does not fit, item by item.

pub mod incoming;
pub mod formats;
pub mod import;
