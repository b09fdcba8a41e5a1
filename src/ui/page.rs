//! The open article as the page shows it: where it is, the reader's selection in it (in document
//! offsets, through `selection`), and bringing a stretch of it into view.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::state::{Pending, View};
use crate::ui::{browser, selection};

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

/// Centres the text at document offset `offset` on the screen, if it is drawn.
pub fn center_offset(article: &web_sys::Element, offset: usize) {
    scroll_to(article, offset, web_sys::ScrollLogicalPosition::Center);
}

/// Scrolls as little as brings the text at document offset `offset` on screen, if it is drawn:
/// where a keyboard selection grows, the reader sees it.
pub fn keep_in_view(article: &web_sys::Element, offset: usize) {
    scroll_to(article, offset, web_sys::ScrollLogicalPosition::Nearest);
}

fn scroll_to(article: &web_sys::Element, offset: usize, block: web_sys::ScrollLogicalPosition) {
    let point = selection::offset_to_point(&selection::run_elements(article), offset);
    if let Some(run) = point.and_then(|(node, _)| node.parent_element()) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(block);
        run.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The paragraph at the top of the screen, by its start offset, and how far (CSS pixels) the
/// screen's top is into it.
pub fn paragraph_at_top() -> Option<(usize, f64)> {
    browser::elements(&article()?, "p[id^=\"p-\"]").into_iter().find_map(|paragraph| {
        let rect = paragraph.get_bounding_client_rect();
        let start = paragraph.id().strip_prefix("p-")?.parse().ok()?;
        (rect.bottom() > 0.0).then_some((start, -rect.top()))
    })
}
