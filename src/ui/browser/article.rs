//! The open article as the page shows it: where it is, the reader's selection in it (in document
//! offsets, through `selection`), and bringing a stretch of it into view.

use leptos::prelude::*;

use crate::ui::{browser, browser::selection};

/// The class of the article element, by which the page finds it.
pub const ARTICLE_CLASS: &str = "article-text";

/// The id of the search field, which `Ctrl+F` focuses.
pub const FIND_INPUT_ID: &str = "find-in-article";

/// The id of the note field of the selected annotation, which `Enter` in the article focuses.
pub const NOTE_ID: &str = "annotation-note";

/// The article element, when a document is open.
pub fn element() -> Option<web_sys::Element> {
    document().query_selector(&format!(".{ARTICLE_CLASS}")).ok().flatten()
}

/// The reader's selection in the open article, read from the page now.
pub fn selection() -> Option<(usize, usize)> {
    selection::selected_range(&element()?)
}

pub fn clear_text_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
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
        super::scroll_into_view(&run, block);
    }
}

/// The paragraph at the top of the screen, by its start offset, and how far (CSS pixels) the
/// screen's top is into it.
pub fn paragraph_at_top() -> Option<(usize, f64)> {
    browser::elements(&element()?, "p[id^=\"p-\"]").into_iter().find_map(|paragraph| {
        let rect = paragraph.get_bounding_client_rect();
        let start = paragraph.id().strip_prefix("p-")?.parse().ok()?;
        (rect.bottom() > 0.0).then_some((start, -rect.top()))
    })
}
