//! Where the browser's selection lies in the document: the one place DOM positions (nodes and
//! UTF-16 offsets) become document offsets (code points).
//!
//! Every stretch of text in the article is rendered as a run element carrying `data-start` and
//! `data-end`, its code point range in the document, with its text as its only child.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::core::text::offsets::{code_point_to_utf16, utf16_to_code_point};

/// Matches the run elements.
const RUN_SELECTOR: &str = "[data-start]";

/// The document range of the reader's selection, if it is not collapsed and touches `article`.
/// A selection that begins or ends outside the article is cut at the article's edges.
pub fn selected_range(article: &Element) -> Option<(usize, usize)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    range_offsets(article, &selection.get_range_at(0).ok()?)
}

/// The document range `range` covers, if it touches `article` and is not empty there; cut at
/// the article's edges.
pub fn range_offsets(article: &Element, range: &web_sys::Range) -> Option<(usize, usize)> {
    if !range.intersects_node(article).ok()? {
        return None;
    }
    let runs = run_elements(article);
    let start = point_to_offset(&runs, &range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = point_to_offset(&runs, &range.end_container().ok()?, range.end_offset().ok()?)?;
    (start < end).then_some((start, end))
}

/// The document offset of the reader's caret (a collapsed selection) in `article`, as a click
/// in the text leaves it.
pub fn caret_offset(article: &Element) -> Option<usize> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if !selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let node = selection.focus_node()?;
    if !article.contains(Some(&node)) {
        return None;
    }
    point_to_offset(&run_elements(article), &node, selection.focus_offset())
}

/// The run elements of `article`, in document order.
pub fn run_elements(article: &Element) -> Vec<Element> {
    crate::ui::browser::elements(article, RUN_SELECTOR)
}

/// The document offset of the DOM boundary point (`node`, `offset`), given the article's `runs`
/// in document order. A point outside every run maps to the start of the next run (or the end of
/// the last), which is where a selection made there visibly begins or ends.
pub fn point_to_offset(runs: &[Element], node: &Node, offset: u32) -> Option<usize> {
    if node.node_type() == Node::TEXT_NODE {
        if let Some(run) = node.parent_element().filter(is_run) {
            let text = node.text_content().unwrap_or_default();
            return Some(run_bound(&run, "data-start")? + utf16_to_code_point(&text, offset as usize));
        }
    }
    if let Some(run) = node.dyn_ref::<Element>().filter(|e| is_run(e)) {
        return run_bound(run, if offset == 0 { "data-start" } else { "data-end" });
    }
    let probe = leptos::prelude::document().create_range().ok()?;
    let point_is_after =
        |run: &Element| probe.select_node_contents(run).is_ok() && probe.compare_point(node, offset).is_ok_and(|order| order > 0);
    let next = runs.partition_point(point_is_after);
    match runs.get(next) {
        Some(run) => run_bound(run, "data-start"),
        None => run_bound(runs.last()?, "data-end"),
    }
}

fn is_run(element: &Element) -> bool {
    element.has_attribute("data-start")
}

fn run_bound(run: &Element, attribute: &str) -> Option<usize> {
    run.get_attribute(attribute)?.parse().ok()
}

/// Whether the reader has text selected anywhere on the page.
pub fn has_text_selection() -> bool {
    web_sys::window().and_then(|w| w.get_selection().ok().flatten()).is_some_and(|selection| !selection.is_collapsed())
}

/// The DOM point (text node, UTF-16 offset) of document offset `offset`, given the article's
/// `runs` in document order. An offset between paragraphs maps to the start of the next run.
pub fn offset_to_point(runs: &[Element], offset: usize) -> Option<(Node, u32)> {
    let ends: Vec<usize> = runs.iter().filter_map(|run| run_bound(run, "data-end")).collect();
    let at = ends.partition_point(|&end| end < offset).min(runs.len().checked_sub(1)?);
    let run = &runs[at];
    let start = run_bound(run, "data-start")?;
    let node = run.first_child()?;
    let text = node.text_content().unwrap_or_default();
    let utf16 = code_point_to_utf16(&text, offset.saturating_sub(start));
    Some((node, u32::try_from(utf16).ok()?))
}

/// The document offsets from the first of `runs` to the end of the last: what is drawn of a
/// long document (with gaps where it is not).
pub fn drawn_bounds(runs: &[Element]) -> Option<(usize, usize)> {
    Some((run_bound(runs.first()?, "data-start")?, run_bound(runs.last()?, "data-end")?))
}

/// A DOM range over document offsets `[start, end)`, when both ends fall in runs drawn in `runs`
/// (a stretch of a long document not drawn has none).
pub fn drawn_range(runs: &[Element], start: usize, end: usize) -> Option<web_sys::Range> {
    let within = |offset: usize| {
        let at = runs.partition_point(|run| run_bound(run, "data-end").is_some_and(|e| e < offset));
        runs.get(at).and_then(|run| run_bound(run, "data-start")).is_some_and(|s| s <= offset)
    };
    if !within(start) || !within(end) {
        return None;
    }
    let (start_node, start_at) = offset_to_point(runs, start)?;
    let (end_node, end_at) = offset_to_point(runs, end)?;
    let range = leptos::prelude::document().create_range().ok()?;
    range.set_start(&start_node, start_at).ok()?;
    range.set_end(&end_node, end_at).ok()?;
    Some(range)
}

/// Makes the browser's selection run from document offset `anchor` to `focus` within `article`
/// (collapsed when they are equal), as a mouse drag between them would.
pub fn select_offsets(article: &Element, anchor: usize, focus: usize) -> Option<()> {
    let runs = run_elements(article);
    let (anchor_node, anchor_offset) = offset_to_point(&runs, anchor)?;
    let (focus_node, focus_offset) = offset_to_point(&runs, focus)?;
    let selection = web_sys::window()?.get_selection().ok()??;
    selection.set_base_and_extent(&anchor_node, anchor_offset, &focus_node, focus_offset).ok()
}

/// Where a caret at document offset `offset` is drawn: left, top and height in CSS pixels,
/// relative to `article`.
pub fn caret_box(article: &Element, offset: usize) -> Option<(f64, f64, f64)> {
    let (node, at) = offset_to_point(&run_elements(article), offset)?;
    let range = leptos::prelude::document().create_range().ok()?;
    range.set_start(&node, at).ok()?;
    range.set_end(&node, at).ok()?;
    let rects = range.get_client_rects()?;
    let rect = rects.get(0).map(|r| (r.left(), r.top(), r.height())).or_else(|| {
        let r = range.get_bounding_client_rect();
        Some((r.left(), r.top(), r.height()))
    })?;
    let origin = article.get_bounding_client_rect();
    Some((rect.0 - origin.left(), rect.1 - origin.top(), rect.2))
}
