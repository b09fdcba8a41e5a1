//! Small services of the browser the app needs: the clock, randomness, files in and out.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A JavaScript error (a `DOMException` such as `QuotaExceededError`) in words.
pub fn describe_error(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => format!("{}: {}", exception.name(), exception.message()),
        None => error.as_string().unwrap_or_else(|| "the browser refused".to_owned()),
    }
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

pub fn clear_text_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Offers `contents` to the reader as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), JsValue> {
    let document = leptos::prelude::document();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The text of a file the reader chose, which must be UTF-8 (a broken byte is named, not
/// silently replaced).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("the file could not be read ({e:?})"))?;
    crate::core::own_document::decode(&js_sys::Uint8Array::new(&buffer).to_vec())
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
