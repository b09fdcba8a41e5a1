//! The hints of hedges and reporting verbs in the open article: found in its text once per word
//! list (`core::reading::hedges`), painted over the paragraphs drawn (`browser::highlights`), and
//! painted again whenever the article's markup changes (paragraphs drawn as it scrolls, a
//! highlight added), until the hints are turned off, forbidden, or the article closes.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::model::document::Document;
use crate::core::reading::hedges;
use crate::ui::browser::{article, highlights, selection};
use crate::ui::state::{self, Hints, Load, Message};

/// The highlight's name, as the stylesheet paints it: `::highlight(hedge)`.
const NAME: &str = "hedge";

/// What repaints the hints while they are on: the observer of the article's markup and its
/// callback, kept together so both go at once.
type Watch = (web_sys::MutationObserver, Closure<dyn Fn()>);

/// Paints the hints over `document`'s article while the reader's settings ask for them and the
/// assignment does not forbid them.
pub fn hint_hedges(document: Arc<Document>) {
    let view = state::view();
    let settings = view.settings();
    let words = Memo::new(move |_| wanted().then(|| settings.with(|s| hedges::in_use(&s.hedge_words))));
    let found = Memo::new(move |_| words.with(|words| words.as_ref().map(|words| Arc::new(hedges::find(&document.text, words)))));
    let watch = StoredValue::new_local(None::<Watch>);
    let stop = move || {
        if let Some((observer, _)) = watch.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    };
    Effect::new(move |_| {
        stop();
        let Some(found) = found.get() else {
            highlights::clear(NAME);
            return;
        };
        let Some(element) = article::element() else { return };
        let painted = element.clone();
        let paint = move || paint_drawn(&painted, &found);
        if paint().is_err() {
            view.say(Message::alert(
                "This browser cannot underline hedges and reporting verbs: it is older than the CSS Custom Highlight API.",
            ));
            return;
        }
        let callback = Closure::<dyn Fn()>::new(move || {
            let _ = paint();
        });
        let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else { return };
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        if observer.observe_with_options(&element, &options).is_ok() {
            watch.set_value(Some((observer, callback)));
        }
    });
    on_cleanup(move || {
        stop();
        highlights::clear(NAME);
    });
}

/// Paints the hints `found` that fall in the paragraphs drawn in `article`.
fn paint_drawn(article: &web_sys::Element, found: &[(usize, usize)]) -> Result<(), highlights::Unsupported> {
    let runs = selection::run_elements(article);
    let Some((first, last)) = selection::drawn_bounds(&runs) else {
        return highlights::paint(NAME, &[]);
    };
    let from = found.partition_point(|&(_, end)| end <= first);
    let to = found.partition_point(|&(start, _)| start < last);
    let ranges: Vec<web_sys::Range> =
        found[from..to.max(from)].iter().filter_map(|&(start, end)| selection::drawn_range(&runs, start, end)).collect();
    highlights::paint(NAME, &ranges)
}

/// Whether the reader's settings ask for the hints, and the assignment does not forbid them.
fn wanted() -> bool {
    state::view().settings().with(|s| s.show_hedges) && !state::classroom().hedges_forbidden()
}

/// Paints the hints over `document`'s article (as `hint_hedges`) once they are first wanted,
/// having fetched their part: a reader who never turns them on never downloads them.
pub(super) fn hint_when_wanted(document: Arc<Document>, hints: Load<Hints>) {
    let owner = Owner::current();
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if !wanted() || started.get_value() {
            return;
        }
        started.set_value(true);
        let (document, owner) = (document.clone(), owner.clone());
        leptos::task::spawn_local(async move {
            match hints().await {
                // Under the article's owner, so that the painting stops when the article closes.
                Ok(hint) => match owner {
                    Some(owner) => owner.with(|| hint(document)),
                    None => hint(document),
                },
                Err(problem) => {
                    started.set_value(false);
                    state::view().say(Message::alert(problem.explain("the hints of hedges and reporting verbs")));
                }
            }
        });
    });
}
