//! Files dropped anywhere on the page: JSON files are imported, texts become documents.

use leptos::ev;

use crate::ui::browser::{self, listen};
use crate::ui::state::Exchange;

/// Takes files dropped anywhere on the page, until the app is unmounted.
pub fn accept(exchange: Exchange) {
    listen::on_window(ev::dragover, |event| event.prevent_default());
    listen::on_window(ev::drop, move |event| {
        event.prevent_default();
        exchange.add_files(browser::files(event.data_transfer().and_then(|d| d.files())));
    });
}
