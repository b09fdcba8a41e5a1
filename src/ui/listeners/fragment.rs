//! The address and the page, kept in step: the fragment names the place (an article, the teacher
//! view, a review, a discussion: a link to it works anywhere, and Back and Forward move between
//! them), and the reading position of each article is remembered across reloads.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::core::reading::address::Address;
use crate::core::work::storage::{Place, SavedView};
use crate::ui::browser::{address, article, listen, persist};
use crate::ui::state::{effect, Classroom, Message, Mode, Reveal, View, Work};

/// Keeps the page at the place the address names (the classroom's mode, `view.open`), and the
/// saved view (open document, scroll positions) in step with both, until the app is unmounted.
pub fn follow(view: View, work: Work, classroom: Classroom) {
    let saved = StoredValue::new(persist::load_view());
    // Turns to the address's place; what `view.open` becomes, if it changes (the teacher view
    // keeps the article that was open).
    let arrive = move || -> Option<Option<String>> {
        let fragment = address::fragment();
        let Some(place) = Address::parse(&fragment) else {
            view.say(Message::alert(format!("There is no place “{fragment}” here: choose an article from the list of articles.")));
            return None;
        };
        classroom.arrive(&place);
        match place.document() {
            _ if place == Address::Start => Some(None),
            None => None,
            Some(id) if work.has_document(id) => Some(Some(id.to_owned())),
            Some(id) => {
                view.say(Message::alert(format!("There is no article “{id}” here: choose one from the list of articles.")));
                None
            }
        }
    };

    let remembered = move || saved.with_value(|v| v.open_document.clone()).filter(|id| work.has_document(id));
    match arrive() {
        Some(Some(id)) => view.set_open(Some(id)),
        Some(None) => {
            if let Some(id) = remembered() {
                address::go(&Address::Article(id.clone()));
                view.set_open(Some(id));
            }
        }
        // A place without an article (the teacher view): the one read last stays open behind it.
        None => view.set_open(remembered()),
    }

    let mut before: Option<Option<String>> = None;
    effect(move || {
        let open = view.open().get();
        // The same article again (the address caught up with a place the page turned to) changes nothing.
        if before.replace(open.clone()).as_ref() == Some(&open) {
            return;
        }
        view.set_pending(None);
        view.set_selected(None);
        saved.update_value(|v| v.open_document = open.clone());
        saved.with_value(persist::save_view);
        let Some(id) = open else {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            return;
        };
        // Unless the article is opened to show a passage: one's own reading where it was left;
        // the classroom's places (a key, a hand-in, a discussion) at the top of the text.
        if view.reveal().with_untracked(|r| r.as_ref().is_none_or(|(document, _)| *document != id)) {
            let place = match view.mode().with_untracked(Mode::has_address) {
                true => Place::default(),
                false => saved.with_value(|v| v.places.get(&id).copied().unwrap_or_default()),
            };
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
    listen::on_window(ev::hashchange, move |_| {
        if let Some(open) = arrive() {
            view.set_open(open);
        }
    });
    listen::on_window(ev::scroll, move |_| debounced.update_value(|save| save(())));
    listen::on_window(ev::pagehide, move |_| remember_scroll());
}
