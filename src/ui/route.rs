//! The open article lives in the URL fragment (`#/a/<id>`), so a link to it works on any static
//! host and under any path; the reading position of each article is remembered across reloads.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::core::storage::SavedView;
use crate::ui::{persist, Annotator, Message};

const PREFIX: &str = "#/a/";

pub fn article_href(document_id: &str) -> String {
    format!("{PREFIX}{document_id}")
}

/// Opens document `id`, as following its link does.
pub fn open(document_id: &str) {
    let _ = window().location().set_hash(&article_href(document_id)[1..]);
}

/// Back to the start page.
pub fn open_start() {
    let _ = window().location().set_hash("");
}

fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Keeps `annotator.open` in step with the fragment, and the saved view in step with both.
pub fn follow_fragment(annotator: Annotator) {
    let view = StoredValue::new(persist::load_view());
    let open_from_fragment = move || {
        let fragment = fragment();
        let id = fragment.strip_prefix(PREFIX)?;
        if annotator.knows(id) {
            return Some(id.to_owned());
        }
        let text = format!("There is no article “{id}” here: choose one from the list of articles.");
        annotator.message.set(Some(Message::alert(text)));
        None
    };

    match open_from_fragment() {
        Some(id) => annotator.open.set(Some(id)),
        None if fragment().is_empty() => {
            let remembered = view.with_value(|v| v.open_document.clone()).filter(|id| annotator.knows(id));
            if let Some(id) = remembered {
                let _ = window().location().set_hash(&article_href(&id)[1..]);
                annotator.open.set(Some(id));
            }
        }
        None => {}
    }
    // Listeners for the app's whole life: the handles are dropped without removing them.
    let _ = window_event_listener(ev::hashchange, move |_| annotator.open.set(open_from_fragment()));

    Effect::new(move |_| {
        let open = annotator.open.get();
        annotator.pending.set(None);
        annotator.selected.set(None);
        view.update_value(|v| v.open_document = open.clone());
        view.with_value(persist::save_view);
        let top = open.and_then(|id| view.with_value(|v| v.scroll.get(&id).copied())).unwrap_or(0.0);
        // Two frames: the first lets the new article render, the second scrolls within it.
        request_animation_frame(move || request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, top)));
    });

    let remember_scroll = move || {
        let Some(id) = annotator.open.get_untracked() else {
            return;
        };
        let top = window().scroll_y().unwrap_or(0.0);
        view.update_value(|v: &mut SavedView| {
            v.scroll.insert(id, top);
        });
        view.with_value(persist::save_view);
    };
    let debounced = leptos::prelude::debounce(Duration::from_millis(150), move |()| remember_scroll());
    let debounced = StoredValue::new_local(debounced);
    let _ = window_event_listener(ev::scroll, move |_| debounced.update_value(|save| save(())));
    let _ = window_event_listener(ev::pagehide, move |_| {
        annotator.flush_save();
        remember_scroll();
    });
    // A hidden tab may be closed or discarded without another event.
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            annotator.flush_save();
        }
    });
}
