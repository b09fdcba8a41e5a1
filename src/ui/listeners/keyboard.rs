//! Shortcuts: a label's key labels the selection (or relabels the selected annotation),
//! `Delete` removes the selected annotation, `Escape` lets go of both, `Ctrl+Z` undoes,
//! `Ctrl+Shift+Z` or `Ctrl+Y` redoes, `Ctrl+F` finds in the article (`Cmd` on a Mac), `?` lists them all.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::browser::article::FIND_INPUT_ID;
use crate::ui::browser::listen;
use crate::ui::state::{View, Work};

/// Listens for the shortcuts anywhere on the page, until the app is unmounted.
pub fn listen(view: View, work: Work) {
    listen::on_window(ev::keydown, move |event: ev::KeyboardEvent| {
        if event.default_prevented() || typing_into(&event) {
            return;
        }
        let key = event.key();
        if (event.ctrl_key() || event.meta_key()) && !event.alt_key() {
            match (key.to_lowercase().as_str(), event.shift_key()) {
                ("z", false) => work.undo(),
                ("z", true) | ("y", false) => work.redo(),
                // Without an open article the browser's own search is the one to use.
                ("f", false) if focus_find() => {}
                _ => return,
            }
            event.prevent_default();
            return;
        }
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let label = work.with_labels_in_use(|labels| labels.iter().find(|l| l.key == key).map(|l| l.id.clone()));
        match (label, key.as_str()) {
            (Some(label), _) => work.apply_label(&label),
            (None, "Delete" | "Backspace") if view.selected().get_untracked().is_some() => work.delete_selected(),
            (None, "?") => view.set_help_open(!view.help_open().get_untracked()),
            (None, "Escape") if view.help_open().get_untracked() => view.set_help_open(false),
            (None, "Escape") if view.messages_open().get_untracked() => view.set_messages_open(false),
            (None, "Escape") => view.let_go(),
            _ => return,
        }
        event.prevent_default();
    });
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
