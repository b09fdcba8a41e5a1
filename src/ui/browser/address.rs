//! The open article lives in the URL fragment (`#/a/<id>`), so a link to it works on any static
//! host and under any path. The address also tells the one-file app (opened from the disk).

use leptos::prelude::*;

pub const PREFIX: &str = "#/a/";

/// The link to document `document_id`.
pub fn article_href(document_id: &str) -> String {
    format!("{PREFIX}{document_id}")
}

/// Opens document `id`, as following its link does.
pub fn open(document_id: &str) {
    let _ = window().location().set_hash(&article_href(document_id)[1..]);
}

/// Back to the start page.
pub fn open_start() {
    let _ = window().location().set_hash("");
}

/// The fragment of the address now.
pub fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Whether this Glossa was opened from a file on the disk (the one-file app), where every page
/// opened from the disk shares one storage in this browser.
pub fn opened_from_a_file() -> bool {
    window().location().protocol().as_deref() == Ok("file:")
}
