//! The open article as the page shows it: where it is, the reader's selection in it (in document
//! offsets, through `selection`), and bringing a stretch of it into view.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::selection::{self, RUN_SELECTOR};
use crate::ui::state::{Pending, View};

/// The class of the article element, by which the page finds it.
pub const ARTICLE_CLASS: &str = "article-text";

/// The article element, when a document is open.
pub fn article() -> Option<web_sys::Element> {
    document().query_selector(&format!(".{ARTICLE_CLASS}")).ok().flatten()
}

/// The reader's selection in the open article, read from the page now.
pub fn selection() -> Option<Pending> {
    selection::selected_range(&article()?).map(|(start, end)| Pending { start, end })
}

pub fn clear_text_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Keeps `view.pending` equal to the reader's selection within the article, until unmounted.
pub fn follow_selection(view: View) {
    let on_change = Closure::<dyn Fn()>::new(move || {
        let pending = selection();
        if view.pending.get_untracked() != pending {
            view.pending.set(pending);
        }
    });
    let target: web_sys::EventTarget = document().into();
    let _ = target.add_event_listener_with_callback("selectionchange", on_change.as_ref().unchecked_ref());
    // The closure lives until the listener is removed: both go together when the app unmounts.
    let listener = send_wrapper::SendWrapper::new((target, on_change));
    on_cleanup(move || {
        let (target, on_change) = listener.take();
        let _ = target.remove_event_listener_with_callback("selectionchange", on_change.as_ref().unchecked_ref());
    });
}

/// Brings the first highlight of `annotation_id` into view.
pub fn scroll_to_annotation(annotation_id: &str) {
    let Ok(marks) = document().query_selector_all(&format!(".{ARTICLE_CLASS} mark{RUN_SELECTOR}")) else {
        return;
    };
    let found = (0..marks.length())
        .filter_map(|i| marks.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|mark| mark.get_attribute("data-annotations").is_some_and(|ids| ids.split(' ').any(|id| id == annotation_id)));
    if let Some(mark) = found {
        center(&mark);
    }
}

/// Brings the run starting at document offset `start` into view.
pub fn scroll_to_offset(start: usize) {
    let selector = format!(".{ARTICLE_CLASS} [data-start=\"{start}\"]");
    if let Ok(Some(run)) = document().query_selector(&selector) {
        center(&run);
    }
}

fn center(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
