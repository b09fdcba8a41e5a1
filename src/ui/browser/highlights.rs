//! Named highlights the stylesheet paints (`::highlight(name)`, the CSS Custom Highlight API):
//! ranges of text drawn apart without a node added to the page, so the text's own markup (its
//! highlight runs) and its reading by assistive technology stay as they are. A browser without
//! the API gets an error value, never a panic.

use wasm_bindgen::{JsCast, JsValue};

/// The browser has no `CSS.highlights` (older than Chromium 105, Firefox 140, Safari 17.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsupported;

/// The page's registry of highlights, `CSS.highlights`.
fn registry() -> Result<JsValue, Unsupported> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).map_err(|_| Unsupported)?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).map_err(|_| Unsupported)?;
    (!registry.is_undefined() && !registry.is_null()).then_some(registry).ok_or(Unsupported)
}

/// Calls method `name` of `target` with `arguments`.
fn call(target: &JsValue, name: &str, arguments: &js_sys::Array) -> Result<JsValue, Unsupported> {
    let method: js_sys::Function = js_sys::Reflect::get(target, &name.into()).ok().and_then(|m| m.dyn_into().ok()).ok_or(Unsupported)?;
    method.apply(target, arguments).map_err(|_| Unsupported)
}

/// Paints `ranges` as highlight `name`, in place of what it painted before.
pub fn paint(name: &str, ranges: &[web_sys::Range]) -> Result<(), Unsupported> {
    let registry = registry()?;
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"Highlight".into()).ok().and_then(|c| c.dyn_into().ok()).ok_or(Unsupported)?;
    let highlight = js_sys::Reflect::construct(&constructor, &ranges.iter().collect::<js_sys::Array>()).map_err(|_| Unsupported)?;
    call(&registry, "set", &js_sys::Array::of2(&name.into(), &highlight)).map(|_| ())
}

/// Takes highlight `name` away.
pub fn clear(name: &str) {
    if let Ok(registry) = registry() {
        let _ = call(&registry, "delete", &js_sys::Array::of1(&name.into()));
    }
}
