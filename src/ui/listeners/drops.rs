//! Files dropped anywhere on the page: JSON files are imported (an assignment, a teacher's
//! return, an export, a backup), texts become documents. While files are dragged over the page,
//! it shows where they go.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::browser::{self, listen};
use crate::ui::state::Exchange;

/// Takes files dropped anywhere on the page, until the app is unmounted.
pub fn accept(exchange: Exchange) {
    listen::on_window(ev::dragover, |event| {
        event.prevent_default();
        if carries_files(&event) {
            show_drop_target(true);
        }
    });
    // Leaving the window (no element to go to), not one element for another.
    listen::on_window(ev::dragleave, |event| {
        if event.related_target().is_none() {
            show_drop_target(false);
        }
    });
    listen::on_window(ev::drop, move |event| {
        event.prevent_default();
        show_drop_target(false);
        exchange.add_files(browser::files(event.data_transfer().and_then(|d| d.files())));
    });
}

fn carries_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|data| data.types().includes(&"Files".into(), 0))
}

/// Marks the page as a drop target (the stylesheet draws it), or not.
fn show_drop_target(on: bool) {
    let Some(root) = document().document_element() else { return };
    let _ = if on { root.set_attribute("data-dropping", "") } else { root.remove_attribute("data-dropping") };
}
