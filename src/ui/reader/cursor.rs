//! The keyboard in the article: a cursor that moves by character, word, line and text, selects
//! with Shift, and walks the highlights with `[`, `]` and Tab (what `Classroom::with_shown` says
//! the article shows).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::document::Document;
use crate::core::model::label;
use crate::core::text::boundary::{self, Modifiers, Unit};
use crate::ui::browser::article::{self, NOTE_ID};
use crate::ui::browser::platform::apple;
use crate::ui::browser::selection;
use crate::ui::state::{self, Message, Pending, View, Work};

/// The keyboard's way of selecting: a cursor (`focus`) and, while Shift is held, the other end
/// of the selection (`anchor`), both document offsets. The selection itself is the browser's,
/// so mouse and keyboard selections are one and the same thing to the rest of the app.
#[derive(Clone, Copy)]
pub(super) struct KeyboardCursor {
    document: StoredValue<Arc<Document>>,
    ends: StoredValue<(usize, usize)>,
    /// Where the caret is drawn while the article has focus and nothing is selected.
    pub(super) caret: RwSignal<Option<(f64, f64, f64)>>,
}

impl KeyboardCursor {
    pub(super) fn new(document: Arc<Document>) -> KeyboardCursor {
        KeyboardCursor { document: StoredValue::new(document), ends: StoredValue::new((0, 0)), caret: RwSignal::new(None) }
    }

    pub(super) fn on_key(self, event: leptos::ev::KeyboardEvent, view: View, work: Work) {
        let held = Modifiers { ctrl: event.ctrl_key(), alt: event.alt_key(), meta: event.meta_key() };
        if let Some((unit, forward)) = boundary::cursor_move(&event.key(), held, apple()) {
            self.step(unit, forward, event.shift_key(), view);
            event.prevent_default();
            return;
        }
        match event.key().as_str() {
            "]" | "[" => {
                event.prevent_default();
                select_adjacent(view, work, event.key() == "]");
            }
            // Walks the highlights; at either end, Tab leaves the article as usual.
            "Tab" if !event.ctrl_key() && !event.alt_key() && select_adjacent(view, work, !event.shift_key()) => {
                event.prevent_default();
            }
            "Enter" if view.selected().get_untracked().is_some() => {
                event.prevent_default();
                if let Some(note) = document().get_element_by_id(NOTE_ID) {
                    let _ = note.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            _ => {}
        }
    }

    /// Moves the cursor one `unit`, extending the selection with `extend` (Shift held).
    fn step(self, unit: Unit, forward: bool, extend: bool, view: View) {
        let (mut anchor, mut focus) = self.ends.get_value();
        // A selection made with the mouse since: the keyboard goes on from there.
        if let Some(Pending { start, end }) = view.pending().get_untracked() {
            if (anchor.min(focus), anchor.max(focus)) != (start, end) {
                (anchor, focus) = (start, end);
            }
        }
        let moved = self.document.with_value(|d| boundary::step(&d.text, &d.index, focus, unit, forward));
        let anchor = if extend { anchor } else { moved };
        self.ends.set_value((anchor, moved));
        // Set now, not when the browser reports the selection change: the next key may
        // come first.
        let pending = (anchor != moved).then(|| Pending { start: anchor.min(moved), end: anchor.max(moved) });
        view.set_pending(pending);
        if let Some(article) = article::element() {
            selection::select_offsets(&article, anchor, moved);
            self.show();
            article::keep_in_view(&article, moved);
        }
    }

    /// A click in the text leaves the browser's caret where the keyboard goes on from.
    pub(super) fn follow_click(self) {
        if let Some(caret) = article::element().and_then(|article| selection::caret_offset(&article)) {
            self.ends.set_value((caret, caret));
        }
    }

    pub(super) fn show(self) {
        let (anchor, focus) = self.ends.get_value();
        let shown = (anchor == focus).then(|| article::element().and_then(|a| selection::caret_box(&a, focus))).flatten();
        self.caret.set(shown);
    }

    pub(super) fn hide(self) {
        self.caret.set(None);
    }
}

/// Selects the next (or previous) shown annotation of the open article in text order, from the
/// selected one, and says which it is; false when there is none that way.
fn select_adjacent(view: View, work: Work, forward: bool) -> bool {
    let Some(document_id) = view.open().get_untracked() else {
        return false;
    };
    let selected = view.selected().get_untracked();
    let found = untrack(|| {
        state::classroom()
            .with_shown(&document_id, |shown, _| shown.step(selected.as_deref(), forward).map(|(at, count, a)| (at + 1, count, a.clone())))
    });
    let Some((at, count, annotation)) = found else {
        return false;
    };
    view.select(&annotation.id);
    view.reveal_text(annotation.start, annotation.end, false);
    let name = work.with_labels_in_use(|labels| label::name_of(labels, &annotation.label).to_owned());
    view.say(Message::status(format!("{name}: “{}” ({at} of {count})", annotation.quote)));
    true
}
