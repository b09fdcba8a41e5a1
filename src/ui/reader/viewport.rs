//! The paragraphs of the open article that are in the DOM. The article is laid out in blocks of
//! paragraphs that are always there; a long article fills only the blocks on screen, half a
//! screen's height above and below, and those holding the reader's selection (so that a selection reaches
//! across paragraphs scrolled out of sight). An empty block is as tall as its paragraphs were
//! when drawn, or are estimated to be (`core::reading::viewport::Layout`). Every way of bringing text on
//! screen (find, walking highlights, lists, passages, the remembered reading place) is a
//! `View::reveal` request, taken here once the article is drawn.

use std::ops::Range;

use leptos::ev;
use leptos::prelude::*;

use crate::core::model::document::Document;
use crate::core::reading::viewport::{paragraphs_of, Layout};
use crate::core::work::storage::{Place, Settings};
use crate::ui::browser::article;
use crate::ui::browser::elements;
use crate::ui::browser::listen;
use crate::ui::browser::selection;
use crate::ui::state::{effect, Reveal, View};

/// Paragraphs beyond which only the blocks on screen are filled; a shorter document is drawn
/// whole, so that the browser's own find and scroll positions are exact.
const LONG_DOCUMENT: usize = 400;
/// Paragraphs per block: few, so that a jump fills little more than the screen shows.
const BLOCK: usize = 16;
/// How much is drawn above and below the screen, in screen heights.
const MARGIN: f64 = 0.5;
/// Paragraphs kept drawn beyond either end of the reader's selection, for a keyboard selection to
/// grow into before the next frame draws more.
const SELECTION_MARGIN: usize = 20;
/// The attributes by which the reader marks a drawn paragraph and a block with their indices.
const PARAGRAPH_INDEX: &str = "data-paragraph";
const BLOCK_INDEX: &str = "data-block";

#[derive(Clone, Copy)]
pub struct Viewport {
    /// Notified whenever a block is filled or emptied.
    pub redrawn: Trigger,
    // One stored value for all the rest: each type a signal or stored value holds costs the
    // wasm its own copy of their code.
    state: StoredValue<State>,
}

struct State {
    /// Each block's height while it is empty; `None` while its paragraphs are drawn.
    empty: Vec<RwSignal<Option<f64>>>,
    /// Heights of a long document's paragraphs; `None` for a short one, which is drawn whole.
    layout: Option<Layout>,
    /// Each paragraph's `[start, end)` in the document.
    paragraphs: Vec<(usize, usize)>,
    /// Paragraphs kept drawn until a reveal has brought them on screen.
    held: Option<Range<usize>>,
    /// Whether a pointer is down in the article: a drag may scroll, and must not lose its start.
    dragging: bool,
    /// Whether an update is due at the next frame.
    scheduled: bool,
    document: String,
}

impl Viewport {
    /// The viewport of `document`, following the page's scrolling and size and `view`'s
    /// selection and reveal requests until the article is unmounted.
    pub fn new(document: &Document, view: View) -> Viewport {
        let paragraphs: Vec<(usize, usize)> = document.paragraphs.iter().map(|p| (p.start, p.end)).collect();
        let blocks = paragraphs.len().div_ceil(BLOCK);
        let layout = (paragraphs.len() > LONG_DOCUMENT).then(|| Layout::new(paragraphs.iter().map(|(start, end)| end - start).collect()));
        // Until measured, fill the blocks about where the page is scrolled to (an article drawn
        // again after an edit of the labels keeps its place), each as tall as estimated.
        let empty = match &layout {
            Some(layout) => {
                let (top, screen) = (window().scroll_y().unwrap_or(0.0), screen_height());
                let mut at = 0.0;
                (0..blocks)
                    .map(|block| {
                        let height = layout.height_of(block_paragraphs(block, layout.len()));
                        let near = at + height > top - MARGIN * screen && at < top + (1.0 + MARGIN) * screen;
                        at += height;
                        RwSignal::new((!near).then_some(height))
                    })
                    .collect()
            }
            None => (0..blocks).map(|_| RwSignal::new(None)).collect(),
        };
        let long = layout.is_some();
        let state = State { empty, layout, paragraphs, held: None, dragging: false, scheduled: false, document: document.id.clone() };
        let viewport = Viewport { redrawn: Trigger::new(), state: StoredValue::new(state) };
        viewport.take_reveals(view);
        if long {
            viewport.follow_page(view);
        }
        viewport
    }

    /// Each block's height while it is empty; `None` while its paragraphs are drawn.
    pub fn blocks(self) -> Vec<RwSignal<Option<f64>>> {
        self.state.with_value(|state| state.empty.clone())
    }

    /// Whether a pointer went down in the article (the article's `pointerdown` calls this).
    pub fn pointer_down(self) {
        self.state.update_value(|state| state.dragging = true);
    }

    fn follow_page(self, view: View) {
        // The latest selection, kept when it goes: a selection labelled (or let go) asks nothing
        // of the viewport, and measuring every block then would cost the label's frame.
        let selection = Memo::new(move |last: Option<&Option<(usize, usize)>>| {
            view.pending().with(|p| p.as_ref().map(|p| (p.start, p.end))).or_else(|| last.copied().flatten())
        });
        // Filled anew: measure what was drawn. A new selection: keep it drawn. The page's text
        // size or width changed: every height is to be measured again.
        let mut laid_out: Option<Settings> = None;
        effect(move || {
            self.redrawn.track();
            selection.track();
            let settings = view.settings().get();
            if laid_out.replace(settings.clone()).is_some_and(|before| before != settings) {
                self.relayout(view);
            } else {
                self.schedule(view);
            }
        });
        listen::on_window(ev::scroll, move |_| self.schedule(view));
        listen::on_window(ev::resize, move |_| self.relayout(view));
        listen::on_window(ev::pointerup, move |_| {
            self.state.update_value(|state| state.dragging = false);
            self.schedule(view);
        });
    }

    fn relayout(self, view: View) {
        self.state.update_value(|state| state.layout.iter_mut().for_each(Layout::forget_measurements));
        self.schedule(view);
    }

    /// Updates what is drawn at the next frame (once, however often asked before it).
    fn schedule(self, view: View) {
        let first = self.state.try_update_value(|state| !std::mem::replace(&mut state.scheduled, true));
        if first != Some(true) {
            return;
        }
        request_animation_frame(move || {
            if self.state.try_update_value(|state| state.scheduled = false).is_some() {
                self.update(view);
            }
        });
    }

    /// Measures the drawn paragraphs, then fills the blocks the screen now shows and empties the
    /// others.
    fn update(self, view: View) {
        let Some(article) = article::element() else { return };
        let screen = screen_height();
        let mut wanted: Vec<bool> = Vec::new();
        for block in elements(&article, &format!("[{BLOCK_INDEX}]")) {
            let rect = block.get_bounding_client_rect();
            wanted.push(rect.bottom() > -MARGIN * screen && rect.top() < (1.0 + MARGIN) * screen);
            self.measure(&block, rect.bottom());
        }
        let changed = self.state.with_value(|state| {
            let Some(layout) = &state.layout else { return false };
            let count = state.paragraphs.len();
            let pinned = view.pending().get_untracked().map(|p| {
                let selected = paragraphs_of(&state.paragraphs, p.start, p.end);
                selected.start.saturating_sub(SELECTION_MARGIN)..(selected.end + SELECTION_MARGIN).min(count)
            });
            for keep in [pinned, state.held.clone()].into_iter().flatten() {
                for block in keep.start / BLOCK..keep.end.div_ceil(BLOCK) {
                    if let Some(wanted) = wanted.get_mut(block) {
                        *wanted = true;
                    }
                }
            }
            let mut changed = false;
            for (block, (empty, wanted)) in state.empty.iter().zip(wanted).enumerate() {
                let now = empty.get_untracked();
                // A drag empties nothing: it may come back to where it began.
                let keep = wanted || (state.dragging && now.is_none());
                let next = (!keep).then(|| layout.height_of(block_paragraphs(block, count)));
                // An empty block's height follows the estimates as they improve.
                if now.is_none() != next.is_none() || now.zip(next).is_some_and(|(a, b)| (a - b).abs() > 0.5) {
                    changed |= now.is_none() != next.is_none();
                    empty.set(next);
                }
            }
            changed
        });
        if changed {
            self.redrawn.notify();
        }
    }

    /// Records the heights of the paragraphs drawn in `block`, whose bottom is at `bottom`.
    fn measure(self, block: &web_sys::Element, bottom: f64) {
        let mut tops: Vec<(usize, f64)> = elements(block, &format!("[{PARAGRAPH_INDEX}]"))
            .iter()
            .filter_map(|p| Some((p.get_attribute(PARAGRAPH_INDEX)?.parse().ok()?, p.get_bounding_client_rect().top())))
            .collect();
        let Some(&(last, _)) = tops.last() else { return };
        tops.push((last + 1, bottom));
        self.state.update_value(|state| {
            if let Some(layout) = &mut state.layout {
                for pair in tops.windows(2) {
                    layout.measure(pair[0].0, pair[1].1 - pair[0].1);
                }
            }
        });
    }

    /// Takes `view`'s reveal requests for this document, now and whenever one comes.
    fn take_reveals(self, view: View) {
        let document = self.state.with_value(|state| state.document.clone());
        effect(move || {
            view.reveal().track();
            if let Some(reveal) = view.take_reveal(&document) {
                self.reveal(reveal);
            }
        });
    }

    fn reveal(self, reveal: Reveal) {
        let found = self.state.with_value(|state| match reveal {
            Reveal::Text { start, end, .. } => Some((paragraphs_of(&state.paragraphs, start, end), None)),
            Reveal::Place(Place { at_top: Some((start, into)), .. }) if state.layout.is_some() => {
                Some((paragraphs_of(&state.paragraphs, start, start), Some(into)))
            }
            Reveal::Place(_) => None,
        });
        let Some((paragraphs, into)) = found else {
            if let Reveal::Place(Place { top, .. }) = reveal {
                after_drawing(move || window().scroll_to_with_x_and_y(0.0, top));
            }
            return;
        };
        self.fill(paragraphs.clone());
        after_drawing(move || {
            match (reveal, into) {
                (Reveal::Text { start, end, select }, _) => {
                    if let Some(article) = article::element() {
                        if select {
                            selection::select_offsets(&article, start, end);
                        }
                        article::center_offset(&article, start);
                    }
                }
                (_, Some(into)) => {
                    let selector = format!("[{PARAGRAPH_INDEX}=\"{}\"]", paragraphs.start);
                    if let Some(paragraph) = article::element().and_then(|a| a.query_selector(&selector).ok().flatten()) {
                        window().scroll_by_with_x_and_y(0.0, paragraph.get_bounding_client_rect().top() + into);
                    }
                }
                _ => {}
            }
            self.state.update_value(|state| state.held = None);
        });
    }

    /// Draws every paragraph (for printing), and keeps them drawn until `release_all`.
    pub fn draw_all(self) {
        let count = self.state.with_value(|state| state.paragraphs.len());
        self.fill(0..count);
    }

    /// Lets the paragraphs `draw_all` drew go: only those near the screen stay drawn.
    pub fn release_all(self, view: View) {
        self.state.update_value(|state| state.held = None);
        self.schedule(view);
    }

    /// Fills the blocks holding `paragraphs`, and keeps them filled until revealed.
    fn fill(self, paragraphs: Range<usize>) {
        let blocks = paragraphs.start / BLOCK..paragraphs.end.div_ceil(BLOCK);
        let changed = self.state.try_update_value(|state| {
            state.held = Some(paragraphs);
            let mut changed = false;
            for empty in state.empty.iter().skip(blocks.start).take(blocks.len()) {
                if empty.get_untracked().is_some() {
                    empty.set(None);
                    changed = true;
                }
            }
            changed
        });
        if changed == Some(true) {
            self.redrawn.notify();
        }
    }
}

/// The paragraphs of block `block`, of a document of `count` paragraphs.
pub fn block_paragraphs(block: usize, count: usize) -> Range<usize> {
    block * BLOCK..((block + 1) * BLOCK).min(count)
}

fn screen_height() -> f64 {
    window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0)
}

/// Runs `then` once what was just asked to be drawn is in the DOM (Leptos renders before the
/// next frame).
fn after_drawing(then: impl FnOnce() + 'static) {
    request_animation_frame(then);
}
