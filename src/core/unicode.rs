//! The Unicode normalisation the core needs (NFC), from outside itself. Native builds take it
//! from the `unicode-normalization` crate; the browser build takes the browser's own
//! (`String.prototype.normalize`), which the app installs as it starts, so that no student
//! downloads Unicode's composition tables a second time. A browser test checks that the two
//! agree on hard cases (and the README says where they may not).

use std::sync::OnceLock;

static NFC: OnceLock<fn(&str) -> String> = OnceLock::new();

/// Makes `nfc` the normalisation every later call uses; the first installed stays.
pub fn install(nfc: fn(&str) -> String) {
    let _ = NFC.set(nfc);
}

/// `text` in Unicode Normalization Form C.
pub fn nfc(text: &str) -> String {
    match NFC.get() {
        Some(installed) => installed(text),
        None => built_in(text),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn built_in(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

#[cfg(target_arch = "wasm32")]
fn built_in(_: &str) -> String {
    // The browser build carries no tables of its own: `ui::App` installs the browser's first thing.
    panic!("no Unicode normalisation installed: the app installs the browser's as it starts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_what_has_a_composed_form() {
        assert_eq!(nfc("Cafe\u{301}"), "Café");
        assert_eq!(nfc("\u{212b}"), "\u{c5}", "a singleton decomposes");
        assert_eq!(nfc("한국어"), "한국어");
    }
}
