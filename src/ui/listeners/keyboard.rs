//! Shortcuts: a label's key labels the selection (or relabels the selected annotation),
//! `Delete` removes the selected annotation, `u` marks it unsure (or sure again), `Escape` lets go of both, `Ctrl+Z` undoes,
//! `Ctrl+Shift+Z` or `Ctrl+Y` redoes, `Ctrl+F` finds in the article, `Ctrl+Shift+F` searches every
//! document (`Cmd` on a Mac), `?` lists them all.
//! A label key pressed on the first screen, before the app ran, labels the stretch it was pressed on.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser::article::{self, FIND_INPUT_ID};
use crate::ui::browser::first_screen::EarlyLabel;
use crate::ui::browser::{listen, selection};
use crate::ui::state::{effect, Classroom, Mode, View, Work};

/// Listens for the shortcuts anywhere on the page, until the app is unmounted.
pub fn listen(view: View, work: Work, classroom: Classroom) {
    listen::on_window(ev::keydown, move |event: ev::KeyboardEvent| {
        if event.default_prevented() || typing_into(&event) {
            return;
        }
        let key = event.key();
        if (event.ctrl_key() || event.meta_key()) && !event.alt_key() {
            // The shortcuts are Latin letters: an ASCII comparison is the whole of it (and leaves
            // Unicode's case tables to what needs them).
            match (key.to_ascii_lowercase().as_str(), event.shift_key()) {
                ("z", false) => work.undo(),
                ("z", true) | ("y", false) => work.redo(),
                // Without an open article the browser's own search is the one to use.
                ("f", false) if focus_find() => {}
                ("f", true) => classroom.open_across(Mode::Search),
                _ => return,
            }
            event.prevent_default();
            return;
        }
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        match (label_of(work, &key), key.as_str()) {
            (Some(label), _) => work.apply_label(&label),
            (None, "Delete" | "Backspace") if view.selected().get_untracked().is_some() => work.delete_selected(),
            (None, "u") if view.selected().get_untracked().is_some() => work.toggle_unsure_selected(),
            (None, "?") => view.set_help_open(!view.help_open().get_untracked()),
            (None, "Escape") if view.help_open().get_untracked() => view.set_help_open(false),
            (None, "Escape") if view.messages_open().get_untracked() => view.set_messages_open(false),
            (None, "Escape") => view.let_go(),
            _ => return,
        }
        event.prevent_default();
    });
}

/// Labels each stretch of `early` as its key says, in the order they were pressed, once the
/// article is drawn.
pub fn apply_early(work: Work, early: Vec<EarlyLabel>) {
    if early.is_empty() {
        return;
    }
    effect(move || {
        let Some(article) = article::element() else { return };
        for EarlyLabel { key, start, end } in &early {
            if let Some(label) = label_of(work, key) {
                // The label goes where a label key goes: on the reader's selection.
                selection::select_offsets(&article, *start, *end);
                work.apply_label(&label);
            }
        }
    });
}

/// The label whose key is `key`, among the labels in use.
fn label_of(work: Work, key: &str) -> Option<String> {
    work.with_labels_in_use(|labels| labels.iter().find(|l| l.key == key).map(|l| l.id.clone()))
}

fn focus_find() -> bool {
    let input = document().get_element_by_id(FIND_INPUT_ID).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = &input {
        let _ = input.focus();
        input.select();
    }
    input.is_some()
}

/// Keys typed into a field belong to the field.
fn typing_into(event: &ev::KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || target.is_content_editable()
}
