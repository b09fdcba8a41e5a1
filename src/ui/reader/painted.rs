//! Ranges of the open article painted over it with the CSS Custom Highlight API
//! (`browser::highlights`), never written into its markup: the hints of hedges, the suggestions
//! waiting for a decision. They are painted over the paragraphs drawn, again whenever the
//! article's markup changes (paragraphs drawn as it scrolls, a highlight added), and taken away
//! when they are no longer wanted or the article closes.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::model::document::Document;
use crate::ui::browser::{article, highlights, selection};
use crate::ui::state::{self, effect, Load, Message};

/// What repaints the ranges while they are wanted: the observer of the article's markup and its
/// callback, kept together so both go at once.
type Watch = (web_sys::MutationObserver, Closure<dyn Fn()>);

/// Code point ranges to paint, when wanted.
pub type Ranges = Memo<Option<Arc<Vec<(usize, usize)>>>>;

/// Paints `ranges` over the open article as the highlight `name` (as the stylesheet paints it:
/// `::highlight(name)`) while they are `Some`; `what` names them in the message of a browser
/// without the API.
pub fn paint_while(name: &'static str, ranges: Ranges, what: &'static str) {
    let watch = StoredValue::new_local(None::<Watch>);
    let stop = move || {
        if let Some((observer, _)) = watch.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    };
    effect(move || {
        stop();
        let Some(found) = ranges.get() else {
            highlights::clear(name);
            return;
        };
        let Some(element) = article::element() else { return };
        let painted = element.clone();
        let paint = move || paint_drawn(name, &painted, &found);
        if paint().is_err() {
            state::view().say(Message::alert(format!("This browser cannot show {what}: it is older than the CSS Custom Highlight API.")));
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
        highlights::clear(name);
    });
}

/// Paints the ranges of `found` that fall in the paragraphs drawn in `article`.
fn paint_drawn(name: &str, article: &web_sys::Element, found: &[(usize, usize)]) -> Result<(), highlights::Unsupported> {
    let runs = selection::run_elements(article);
    let Some((first, last)) = selection::drawn_bounds(&runs) else {
        return highlights::paint(name, &[]);
    };
    let from = found.partition_point(|&(_, end)| end <= first);
    let to = found.partition_point(|&(start, _)| start < last);
    let ranges: Vec<web_sys::Range> =
        found[from..to.max(from)].iter().filter_map(|&(start, end)| selection::drawn_range(&runs, start, end)).collect();
    highlights::paint(name, &ranges)
}

/// Calls the painter a part holds (`pick` of what `load` brings) on `document`'s article once
/// `wanted` first says so, having fetched the part: a reader who never wants it never downloads
/// it. `part` names it in a sentence, should it not be fetched.
pub(super) fn paint_when_wanted<T: 'static>(
    document: Arc<Document>,
    wanted: impl Fn() -> bool + 'static,
    load: Load<T>,
    pick: fn(T) -> fn(Arc<Document>),
    part: &'static str,
) {
    let owner = Owner::current();
    let started = StoredValue::new(false);
    effect(move || {
        if !wanted() || started.get_value() {
            return;
        }
        started.set_value(true);
        let (document, owner) = (document.clone(), owner.clone());
        leptos::task::spawn_local(async move {
            match load().await {
                // Under the article's owner, so that the painting stops when the article closes.
                Ok(loaded) => match owner {
                    Some(owner) => owner.with(|| pick(loaded)(document)),
                    None => pick(loaded)(document),
                },
                Err(problem) => {
                    started.set_value(false);
                    state::view().say(Message::alert(problem.explain(part)));
                }
            }
        });
    });
}
