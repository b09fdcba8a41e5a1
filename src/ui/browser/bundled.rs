//! The bundled articles' texts, as the build wrote them into the page (`scripts/prerender.mjs`: a
//! JSON object from file stem to text, in a `<script type="application/json">` no browser runs),
//! so that they come once, with the page that draws them, and not again inside the wasm.

use std::collections::BTreeMap;

use crate::core::text::json;

/// The id of the element holding the texts.
const TEXTS_ID: &str = "glossa-articles";

/// The texts by file stem; none when the page holds no readable block (the core then refuses
/// every bundled article, and says which).
pub fn texts() -> BTreeMap<String, String> {
    leptos::prelude::document()
        .get_element_by_id(TEXTS_ID)
        .and_then(|block| block.text_content())
        .and_then(|texts| json::read(&texts).ok())
        .unwrap_or_default()
}
