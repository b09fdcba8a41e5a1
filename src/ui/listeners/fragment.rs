//! The address and the open article, kept in step: the fragment names the open article (a link
//! to it works anywhere), and the reading position of each article is remembered across reloads.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::core::work::storage::{Place, SavedView};
use crate::ui::browser::{address, article, listen, persist};
use crate::ui::state::{Message, Reveal, View, Work};

/// Keeps `view.open` in step with the fragment, and the saved view (open document, scroll
/// positions) in step with both, until the app is unmounted.
pub fn follow(view: View, work: Work) {
    let saved = StoredValue::new(persist::load_view());
    let open_from_fragment = move || {
        let fragment = address::fragment();
        let id = fragment.strip_prefix(address::PREFIX)?;
        if work.has_document(id) {
            return Some(id.to_owned());
        }
        view.say(Message::alert(format!("There is no article “{id}” here: choose one from the list of articles.")));
        None
    };

    match open_from_fragment() {
        Some(id) => view.set_open(Some(id)),
        None if address::fragment().is_empty() => {
            let remembered = saved.with_value(|v| v.open_document.clone()).filter(|id| work.has_document(id));
            if let Some(id) = remembered {
                address::open(&id);
                view.set_open(Some(id));
            }
        }
        None => {}
    }

    Effect::new(move |_| {
        let open = view.open().get();
        view.set_pending(None);
        view.set_selected(None);
        saved.update_value(|v| v.open_document = open.clone());
        saved.with_value(persist::save_view);
        let Some(id) = open else {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            return;
        };
        // Back where the reader was, unless the article is opened to show a passage.
        if view.reveal().with_untracked(|r| r.as_ref().is_none_or(|(document, _)| *document != id)) {
            let place = saved.with_value(|v| v.places.get(&id).copied().unwrap_or_default());
            view.set_reveal(Some((id, Reveal::Place(place))));
        }
    });

    let remember_scroll = move || {
        // `try_`: a debounced call may come after the app was unmounted.
        let Some(Some(id)) = view.open().try_get_untracked() else {
            return;
        };
        let place = Place { top: window().scroll_y().unwrap_or(0.0), at_top: article::paragraph_at_top() };
        saved.update_value(|v: &mut SavedView| {
            v.places.insert(id, place);
        });
        saved.with_value(persist::save_view);
    };
    let debounced = StoredValue::new_local(debounce(Duration::from_millis(150), move |()| remember_scroll()));
    listen::on_window(ev::hashchange, move |_| view.set_open(open_from_fragment()));
    listen::on_window(ev::scroll, move |_| debounced.update_value(|save| save(())));
    listen::on_window(ev::pagehide, move |_| remember_scroll());
}
