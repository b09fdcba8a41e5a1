//! Suggestions, as their part draws and makes them: the region that lists the open document's,
//! counted by label, each accepted (`Enter`) or rejected (`Delete`) where it has the focus, or all
//! of a label at once; their painting over the article (a dashed line above and below); and
//! their making, from a file of any importable format or from a word list.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::document::Document;
use crate::core::model::id;
use crate::core::model::label;
use crate::core::work::suggestions::{from_words, Suggestion};
use crate::ui::browser;
use crate::ui::reader::painted::paint_while;
use crate::ui::state::{self, Message, Reveal};

/// Paints `document`'s suggestions over its article while any wait.
pub fn paint(document: Arc<Document>) {
    let suggested = state::suggested();
    let ranges = Memo::new(move |_| {
        let ranges: Vec<(usize, usize)> = suggested.with(|w| w.in_document(&document.id).map(|s| (s.start, s.end)).collect());
        (!ranges.is_empty()).then(|| Arc::new(merged(ranges)))
    });
    paint_while("suggestion", ranges, "suggestions");
}

/// `ranges` (sorted by start) with those that overlap made one, as painting wants them apart.
fn merged(ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// Makes suggestions of every annotation a file brings (any importable format), on the documents
/// here; what the file brings for texts that are not here is named and left.
pub fn from_file(file_name: String, contents: String) {
    let state = state::all();
    leptos::task::spawn_local(async move {
        let Some(parsed) = state.exchange.read_placed(&contents).await else { return };
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(error) => {
                return state
                    .view
                    .say(Message::alert(format!("No suggestions were made of “{file_name}”: {error}. Your work is unchanged.")))
            }
        };
        let elsewhere: Vec<&str> = parsed.new_documents.iter().map(|d| d.record.title.as_str()).collect();
        if !elsewhere.is_empty() {
            state.view.say(Message::alert(format!(
                "“{file_name}” suggests spans in texts that are not here ({}): import the file to add them, then import it as suggestions.",
                elsewhere.join(", ")
            )));
        }
        let new_ids: Vec<&str> = parsed.new_documents.iter().map(|d| d.record.id.as_str()).collect();
        state.work.adopt_labels(&parsed.new_labels);
        let made = parsed
            .accepted
            .into_iter()
            .filter(|(document, _)| !new_ids.contains(&document.as_str()))
            .map(|(document, a)| Suggestion {
                id: new_id(),
                document,
                start: a.start,
                end: a.end,
                label: a.label,
                quote: a.quote,
                from: file_name.clone(),
            })
            .collect();
        state.suggested.offer(made, &format!("“{file_name}”"));
    });
}

/// Makes suggestions of `label` at every whole word of `words`, in any case, in every document.
pub fn from_word_list(words: Vec<String>, label: String) {
    let state = state::all();
    let documents = state.work.documents();
    let made = from_words(documents.iter().map(Arc::as_ref), &words, &label, new_id);
    state.suggested.offer(made, "the word list");
}

fn new_id() -> String {
    id::uuid_v4(browser::random_bytes())
}

/// Moves the focus to the suggestion at `at` in the list (or the last), once the list has drawn
/// the change: a decision by key leaves the keyboard on the next one.
fn focus_suggestion(at: usize) {
    request_animation_frame(move || {
        let items = browser::elements(&document().document_element().expect("a page has a root"), ".suggestion-list > li");
        if let Some(item) = items.get(at).or(items.last()).and_then(|i| i.clone().dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = item.focus();
        }
    });
}

/// The open document's suggestions: how many wait (here and elsewhere), each label's with
/// **Accept all** and **Reject all**, and each suggestion with **Accept** and **Reject**.
#[component]
pub fn SuggestionsRegion() -> impl IntoView {
    let (view, work, suggested) = (state::view(), state::work(), state::suggested());
    let here = Memo::new(move |_| {
        let open = view.open().get().unwrap_or_default();
        suggested.with(|w| (w.in_document(&open).cloned().collect::<Vec<_>>(), w.list.len()))
    });
    let labels = move || work.labels_in_use();
    let name = move |id: &str| label::name_of(&labels(), id).to_owned();
    let by_label = move || {
        let mut counts: Vec<(String, usize)> = Vec::new();
        here.with(|(list, _)| {
            for s in list {
                match counts.iter_mut().find(|(l, _)| *l == s.label) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((s.label.clone(), 1)),
                }
            }
        });
        counts
    };
    let heading = move || {
        here.with(|(list, all)| {
            let elsewhere = all - list.len();
            match elsewhere {
                0 => format!("Suggestions ({})", list.len()),
                n => format!("Suggestions ({} here, {n} in other documents)", list.len()),
            }
        })
    };
    let decide = move |suggestion: &Suggestion, accept: bool, at: Option<usize>| {
        if accept {
            suggested.accept(&suggestion.id);
        } else {
            suggested.reject(&suggestion.id);
        }
        if let Some(at) = at {
            focus_suggestion(at);
        }
    };
    let items = move || {
        here.with(|(list, _)| list.clone())
            .into_iter()
            .enumerate()
            .map(|(at, s)| {
                let (label_name, quote) = (name(&s.label), s.quote.clone());
                let (on_key, on_accept, on_reject, shown) = (s.clone(), s.clone(), s.clone(), s.clone());
                let keys = move |event: leptos::ev::KeyboardEvent| {
                    // Only keys pressed on the suggestion itself, not on its buttons.
                    if event.target() != event.current_target() {
                        return;
                    }
                    match event.key().as_str() {
                        "Enter" => decide(&on_key, true, Some(at)),
                        "Delete" | "Backspace" => decide(&on_key, false, Some(at)),
                        _ => return,
                    }
                    event.prevent_default();
                };
                let show = move |_| view.set_reveal(Some((shown.document.clone(), Reveal::Text { start: shown.start, end: shown.end, select: true })));
                view! {
                    <li tabindex="0" aria-label=format!("{label_name}: “{quote}”") aria-keyshortcuts="Enter Delete" on:keydown=keys on:focus=show>
                        <span class="suggestion-label">{label_name.clone()}</span>
                        <q>{quote.clone()}</q>
                        <span class="suggestion-from">{format!("from {}", s.from)}</span>
                        <button type="button" on:click=move |_| decide(&on_accept, true, None)>"Accept"</button>
                        <button type="button" on:click=move |_| decide(&on_reject, false, None)>"Reject"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let per_label = move || {
        let open = view.open().get().unwrap_or_default();
        by_label()
            .into_iter()
            .map(|(label, count)| {
                let label_name = name(&label);
                let (accept_label, reject_label) = (label.clone(), label);
                let (open_a, open_r) = (open.clone(), open.clone());
                view! {
                    <li>
                        <span>{format!("{label_name}: {count}")}</span>
                        <button type="button" on:click=move |_| suggested.accept_label(&open_a, &accept_label)>{format!("Accept all {count} {label_name}")}</button>
                        <button type="button" on:click=move |_| suggested.reject_label(&open_r, &reject_label)>{format!("Reject all {count} {label_name}")}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="suggestions" aria-labelledby="suggestions-heading">
            <h2 class="panel-heading" id="suggestions-heading">{heading}</h2>
            <p class="hint" hidden=move || here.with(|(list, _)| list.is_empty())>
                "Not annotations yet: focus one and press Enter to accept it, Delete to reject it."
            </p>
            <ul class="suggestion-labels" aria-label="Suggestions by label">{per_label}</ul>
            <ol class="suggestion-list" aria-label="Suggestions in this document">{items}</ol>
        </section>
    }
}
