//! The browser's Unicode, for the core (`core::text::unicode`): NFC and NFD by `String.prototype.normalize`,
//! grapheme clusters and words by `Intl.Segmenter`. Where a browser has no `Intl.Segmenter`, every
//! code point is a grapheme and words are runs of letters and digits: selections still snap, if
//! less finely, and nothing fails.
use std::cell::OnceCell;

use wasm_bindgen::prelude::*;

use crate::core::text::offsets::utf16_offsets_to_bytes;
use crate::core::text::unicode::{alphanumeric_run_starts, code_point_starts, Provider};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = Segmenter)]
    type Segmenter;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Segmenter", catch)]
    fn new(locale: &str, options: &js_sys::Object) -> Result<Segmenter, JsValue>;

    #[wasm_bindgen(method)]
    fn segment(this: &Segmenter, text: &str) -> JsValue;
}

/// What the app installs into the core as it starts.
pub const BROWSER: Provider = Provider { nfc, nfd, grapheme_starts, word_starts };

/// `text` in Unicode Normalization Form C.
pub fn nfc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFC").into()
}

/// `text` in Unicode Normalization Form D.
pub fn nfd(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFD").into()
}

thread_local! {
    static GRAPHEMES: OnceCell<Option<Segmenter>> = const { OnceCell::new() };
    static WORDS: OnceCell<Option<Segmenter>> = const { OnceCell::new() };
}

/// The segmenter of `granularity`, made once; `None` where the browser has none.
fn segmenter(granularity: &str) -> Option<Segmenter> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"granularity".into(), &granularity.into()).ok()?;
    // One locale everywhere, so that a text segments alike on every reader's machine.
    Segmenter::new("en", &options).ok()
}

pub fn grapheme_starts(text: &str) -> Vec<usize> {
    GRAPHEMES.with(|cell| match cell.get_or_init(|| segmenter("grapheme")) {
        Some(segmenter) => starts(segmenter, text),
        None => code_point_starts(text),
    })
}

pub fn word_starts(text: &str) -> Vec<usize> {
    WORDS.with(|cell| match cell.get_or_init(|| segmenter("word")) {
        Some(segmenter) => starts(segmenter, text),
        None => alphanumeric_run_starts(text),
    })
}

/// The byte offsets where `segmenter`'s segments of `text` begin (it counts in UTF-16 units).
fn starts(segmenter: &Segmenter, text: &str) -> Vec<usize> {
    let segments = js_sys::Array::from(&segmenter.segment(text));
    let utf16 = segments.iter().filter_map(|segment| js_sys::Reflect::get(&segment, &"index".into()).ok()?.as_f64()).map(|i| i as usize);
    utf16_offsets_to_bytes(text, utf16)
}
