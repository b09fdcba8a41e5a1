//! The web platform as services that hold nothing of Glossa's state: here the clock,
//! randomness, files in and out, the elements a selector finds, and why the browser refused
//! something, in words; in the files below, from the lowest up:
//!
//! - `listen`: listeners on the window and the document that remove themselves.
//! - `unicode`: the browser's own Unicode normalisation and segmentation, for the core.
//! - `selection`: the one place where DOM positions (UTF-16) become document offsets (code
//!   points) and back.
//! - `highlights`: ranges of text the stylesheet paints apart (`::highlight`), none added to the page.
//! - `article`: the article element, the reader's selection in it, bringing a stretch into view.
//! - `first_screen`: the first screen the build drew, taken away as the app starts, with the
//!   label keys pressed on it.
//! - `bundled`: the bundled articles' texts, as the build wrote them into the page.
//! - `address`: the URL fragment that names the open article.
//! - `platform`: the keys of the platform (a Mac's Option and Cmd).
//! - `persist`: local storage (the work, the classroom, settings, the view) and its faults.
//! - `text_store`: texts of one's own, kept in IndexedDB.
//! - `seal`: the answer key locked under a passphrase (PBKDF2 and AES-GCM, Web Crypto).
//! - `slices`: work too long for one task, spread over several.

pub mod listen;
pub mod unicode;
pub mod selection;
pub mod highlights;
pub mod article;
pub mod first_screen;
pub mod bundled;
pub mod address;
pub mod platform;
pub mod persist;
pub mod text_store;
pub mod seal;
pub mod slices;

use std::time::Duration;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::model::own_document;

/// How long a download's data stays available after the download starts. Engines read the
/// object URL after the click returns (Firefox and Safari in a later task), so it is revoked
/// well after that, never at once.
const DOWNLOAD_URL_KEPT: Duration = Duration::from_secs(30);

/// The elements under `parent` that `selector` matches, in document order (none when the selector
/// is refused).
pub fn elements(parent: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = parent.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Which edge of the screen a box floating over the page may pass.
#[derive(Clone, Copy)]
pub enum Edge {
    Left,
    Right,
}

/// Puts class `flipped` on `holder` when what `selector` finds in it, placed the stylesheet's
/// way, would pass `edge` of the screen; takes it off when not. The masthead and the toolbar wrap
/// where the screen's width and the text size say, so where a popover or a tip fits is measured,
/// not assumed.
pub fn flip_inside_the_screen(holder: &web_sys::Element, selector: &str, flipped: &str, edge: Edge) {
    let _ = holder.class_list().remove_1(flipped);
    let Some(floating) = holder.query_selector(selector).ok().flatten() else { return };
    let box_ = floating.get_bounding_client_rect();
    let passes = match edge {
        Edge::Left => box_.left() < 0.0,
        Edge::Right => leptos::prelude::document().document_element().is_some_and(|page| box_.right() > f64::from(page.client_width())),
    };
    if passes {
        let _ = holder.class_list().add_1(flipped);
    }
}

/// Why the browser refused something, as the end of a sentence a person reads: a
/// `DOMException` by what its name means ("the storage is full"), anything else by its message.
pub fn reason(error: &JsValue) -> String {
    let message = match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => match exception.name().as_str() {
            "QuotaExceededError" => return "the storage is full".to_owned(),
            "SecurityError" | "NotAllowedError" => return "the browser's settings do not allow it".to_owned(),
            "NotReadableError" | "NotFoundError" => return "the file could not be read (it may have been moved or changed)".to_owned(),
            "InvalidStateError" | "TransactionInactiveError" => return "the storage was closed meanwhile".to_owned(),
            "AbortError" => return "it was cancelled".to_owned(),
            "VersionError" => return "another tab holds storage of a newer Glossa".to_owned(),
            _ => Some(exception.message()),
        },
        None => error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| error.as_string()),
    };
    message.filter(|m| !m.trim().is_empty()).unwrap_or_else(|| "it gave no reason".to_owned())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = TextEncoder)]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = TextEncoder)]
    fn encode(this: &Utf8Encoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// Text written as UTF-8 (`std::io::Write`) into a JavaScript string, a slice at a time: the
/// saved work is written this way, so that the wasm memory holds a slice of it, never the whole
/// (nor the room twice its size that a growing text is moved into).
pub struct Utf8Writer {
    slices: js_sys::Array,
    pending: Vec<u8>,
}

/// Bytes of UTF-8 sent to JavaScript at a time.
const UTF8_BYTES_A_SLICE: usize = 48 * 1024;

impl Utf8Writer {
    pub fn new() -> Utf8Writer {
        Utf8Writer { slices: js_sys::Array::new(), pending: Vec::with_capacity(UTF8_BYTES_A_SLICE) }
    }

    /// The text written, whole.
    pub fn finish(mut self) -> js_sys::JsString {
        self.send();
        if !self.pending.is_empty() {
            self.slices.push(&js_sys::JsString::from(String::from_utf8_lossy(&self.pending).as_ref()));
        }
        self.slices.join("")
    }

    /// Sends the whole characters written so far; a character cut by the end of a write waits
    /// for its other bytes.
    fn send(&mut self) {
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(cut) => cut.valid_up_to(),
        };
        if let Ok(text) = std::str::from_utf8(&self.pending[..whole]) {
            self.slices.push(&js_sys::JsString::from(text));
        }
        self.pending.drain(..whole);
    }
}

impl Default for Utf8Writer {
    fn default() -> Utf8Writer {
        Utf8Writer::new()
    }
}

impl std::io::Write for Utf8Writer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= UTF8_BYTES_A_SLICE {
            self.send();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `value` as a Rust string when it is a JavaScript string, taking no more of the wasm memory
/// than its UTF-8. Handed over the usual way, a string reserves three bytes per UTF-16 unit as soon
/// as it holds a character beyond ASCII: for a saved work of 2 MB, a 6 MB peak that the wasm
/// memory, which never shrinks, keeps for the page's life. Encoded first, it is copied at its size.
pub fn utf8_of(value: &JsValue) -> Option<String> {
    value.dyn_ref::<js_sys::JsString>().map(text_as_utf8)
}

/// A JavaScript string as a Rust one, as `utf8_of` brings it over.
pub fn text_as_utf8(text: &js_sys::JsString) -> String {
    // The encoder writes only UTF-8 (a lone surrogate as U+FFFD).
    String::from_utf8(Utf8Encoder::new().encode(text).to_vec()).unwrap_or_default()
}

/// The current time as RFC 3339 in UTC, with milliseconds.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Sixteen bytes from the browser's cryptographic generator, which (unlike `randomUUID`) also
/// exists on pages served over plain HTTP.
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).expect("the browser has a crypto object");
    crypto.get_random_values_with_u8_array(&mut bytes).expect("16 random bytes are within the limit");
    bytes
}

/// Offers `contents` to the reader as a file download named `file_name`; fails with the reason.
pub fn download(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    let url = object_url(mime, contents).map_err(|e| reason(&e))?;
    let link: Result<web_sys::HtmlAnchorElement, JsValue> =
        leptos::prelude::document().create_element("a").map(|element| element.unchecked_into());
    let started = link.map(|link| {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    });
    leptos::prelude::set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), DOWNLOAD_URL_KEPT);
    started.map_err(|e| reason(&e))
}

fn object_url(mime: &str, contents: &[u8]) -> Result<String, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// The text of a file the reader chose, which must be UTF-8 (a broken byte is named, not
/// silently replaced) and no larger than Glossa reads (refused by its size, unread).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    if let Some(problem) = own_document::too_large(file.size() as u64) {
        return Err(problem);
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("the file could not be read: {}", reason(&e)))?;
    own_document::decode(&js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The name and the text (or why it could not be read) of each of `files`, in order.
pub async fn read_texts(files: Vec<web_sys::File>) -> Vec<(String, Result<String, String>)> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        read.push((file.name(), read_text(&file).await));
    }
    read
}

/// Scrolls the page so that `element` is at `block` (the centre, or as little as shows it).
pub fn scroll_into_view(element: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The files of a file list, in order.
pub fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default()
}

/// Tells the page that the app has stopped (`assets/boot.js` shows the way to export the saved
/// work, in JavaScript that needs nothing of the app). Called from the panic hook, so it must not
/// panic itself: whatever fails here is let go.
pub fn report_stopped(reason: &str) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(stopped) = js_sys::Reflect::get(&window, &JsValue::from_str("glossaStopped")) {
        if let Some(stopped) = stopped.dyn_ref::<js_sys::Function>() {
            let _ = stopped.call1(&JsValue::NULL, &JsValue::from_str(reason));
        }
    }
}

/// Where `follow_height` keeps a height: on the root, for rules anywhere in the page, or on the
/// body alone, for a height that changes often: the stylesheet registers such a property as not
/// inherited, so that a change restyles the body, not every element of the page.
#[derive(Clone, Copy)]
pub enum HeightOn {
    Root,
    Body,
}

/// Keeps the CSS custom property `property` of `on` (the page's root element, or its body) at
/// `element`'s height, until the current owner is cleaned up. Without `ResizeObserver` (very old
/// browsers) the stylesheet's fallback stands.
pub fn follow_height(element: &web_sys::HtmlElement, property: &'static str, on: HeightOn) {
    let watched = element.clone();
    let measure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let document = leptos::prelude::document();
        let target = match on {
            HeightOn::Root => document.document_element().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()),
            HeightOn::Body => document.body(),
        };
        if let Some(target) = target {
            let _ = target.style().set_property(property, &format!("{}px", watched.offset_height()));
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) else { return };
    observer.observe(element);
    let observer = send_wrapper::SendWrapper::new((observer, measure));
    leptos::prelude::on_cleanup(move || observer.0.disconnect());
}
