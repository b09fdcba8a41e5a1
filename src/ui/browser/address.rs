//! The page's place lives in the URL fragment (`core::reading::address`: an article, the teacher
//! view, a review, a discussion), so a link to it works on any static host and under any path,
//! and Back and Forward move between places. The address also tells the one-file app (opened
//! from the disk).

use leptos::prelude::*;

use crate::core::reading::address::Address;

/// Goes to `place`, as following its link does: a new entry of the browser's history, unless the
/// page is there already.
pub fn go(place: &Address) {
    let fragment = place.fragment();
    if fragment != self::fragment() {
        let _ = window().location().set_hash(fragment.strip_prefix('#').unwrap_or(&fragment));
    }
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
