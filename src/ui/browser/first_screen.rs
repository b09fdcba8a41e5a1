//! The first screen the build drew into the page (`scripts/prerender.mjs`), shown before the wasm
//! was fetched (`assets/first-screen.js`): taken away as the app draws the same markup, with what
//! was done on it in the meantime (label keys pressed, files chosen).

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::browser::selection;

const SCREEN_ID: &str = "first-screen";
const HINT_ID: &str = "first-screen-hint";

/// A label key pressed on a selection in the first screen's article, before the app ran: the
/// key, and the stretch selected, in document offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarlyLabel {
    pub key: String,
    pub start: usize,
    pub end: usize,
}

/// What was done on the first screen before the app ran, oldest first.
#[derive(Debug, Default)]
pub struct DoneMeanwhile {
    pub labels: Vec<EarlyLabel>,
    pub files: Vec<web_sys::File>,
}

/// Removes the first screen (and its hint that the app is starting), and gives what was done on
/// it. Its article (only the place shown is in the document) has the app's own markup, so its
/// selections become document offsets as the app's would.
pub fn take_away() -> DoneMeanwhile {
    let document = leptos::prelude::document();
    let Some(screen) = document.get_element_by_id(SCREEN_ID) else {
        return DoneMeanwhile::default();
    };
    let article = screen.query_selector("article").ok().flatten();
    let handle = Reflect::get(&leptos::prelude::window(), &JsValue::from_str("glossaFirstScreen")).ok().filter(JsValue::is_object);
    let field = |name: &str| handle.as_ref().and_then(|handle| Reflect::get(handle, &JsValue::from_str(name)).ok());
    if let (Some(handle), Some(stop)) = (&handle, field("stop").and_then(|stop| stop.dyn_into::<Function>().ok())) {
        let _ = stop.call0(handle);
    }
    let list = |name: &str| field(name).filter(Array::is_array).map(|items| Array::from(&items)).unwrap_or_default();
    let pressed = list("labels");
    let files = list("files").iter().filter_map(|file| file.dyn_into::<web_sys::File>().ok()).collect();
    let labels = article
        .map(|article| {
            pressed
                .iter()
                .filter_map(|item| {
                    let key = Reflect::get(&item, &JsValue::from_str("key")).ok()?.as_string()?;
                    let range = Reflect::get(&item, &JsValue::from_str("range")).ok()?.dyn_into::<web_sys::Range>().ok()?;
                    let (start, end) = selection::range_offsets(&article, &range)?;
                    Some(EarlyLabel { key, start, end })
                })
                .collect()
        })
        .unwrap_or_default();
    screen.remove();
    if let Some(hint) = document.get_element_by_id(HINT_ID) {
        hint.remove();
    }
    DoneMeanwhile { labels, files }
}
