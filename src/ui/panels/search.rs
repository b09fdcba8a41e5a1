//! The search of every document, bundled and one's own: the query and how it compares (case,
//! accents, whole words), the matches by document with the words around each, each opening its
//! passage, and **Label every match**, which says how many it adds before it adds them; and
//! suggestions made from a word list.

use std::sync::Arc;

use leptos::html::{self, ElementType};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::document::Document;
use crate::core::model::label::{self, Label};
use crate::core::reading::matches::{context, count, labelling, search, Labelling};
use crate::core::text::lines::{one_a_line, ListError};
use crate::core::text::search::Query;
use crate::ui::classroom::PassageButton;
use crate::ui::state::{self, effect, Message, Mode};

/// How many matches of one document the list shows; the rest are counted. Every match is
/// labelled all the same.
const LISTED: usize = 100;

/// What the person is asked to confirm: labelling every match with a label.
#[derive(Clone)]
struct Asked {
    label: Label,
    searched_for: String,
    labelling: Arc<Labelling>,
}

/// Gives `element` the focus once it is on the page (a part's view is built before it is placed).
fn focus_once_drawn<E>(element: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    effect(move || {
        if element.get().is_some() {
            request_animation_frame(move || {
                if let Some(element) = element.get_untracked() {
                    let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
                }
            });
        }
    });
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[component]
pub fn SearchView() -> impl IntoView {
    let (view, work, classroom) = (state::view(), state::work(), state::classroom());
    let searched = view.searched();
    // The documents whose texts are here; tracked by the work, so that a text of one's own read
    // after the view opened, and annotations labelling every match made, show at once.
    let documents = move || {
        work.with_workspace(|w| w.added_documents.len());
        work.documents()
    };
    let asked = RwSignal::new(None::<Asked>);
    let chosen_label = RwSignal::new(String::new());
    let input = NodeRef::<html::Input>::new();
    // Typing searches at once.
    focus_once_drawn(input);
    let toggle = |change: fn(&mut Query, bool)| {
        move |event: leptos::ev::Event| {
            let on = event_target_checked(&event);
            asked.set(None);
            view.search(|query| change(query, on));
        }
    };
    let label_every = move |_| {
        let query = searched.get_untracked();
        let labels = work.labels_in_use();
        let chosen = chosen_label.get_untracked();
        let Some(label) = label::find(&labels, &chosen).or(labels.first()).cloned() else { return };
        let documents = documents();
        let found = search(documents.iter().map(Arc::as_ref), &query);
        let planned = work.with_workspace(|w| labelling(&found, &label.id, |id| w.annotations(id)));
        asked.set(Some(Asked { label, searched_for: query.text, labelling: Arc::new(planned) }));
    };
    let confirm = move || {
        asked.get().map(|Asked { label, searched_for, labelling }| {
            let adding = labelling.count();
            let documents = labelling.ranges.len();
            let skipped = match labelling.skipped {
                0 => String::new(),
                n => format!(
                    " {} labelled {} already {} passed over.",
                    plural(n, "match", "matches"),
                    label.name,
                    if n == 1 { "is" } else { "are" }
                ),
            };
            let question = match adding {
                0 => format!("Every match of “{searched_for}” is labelled {} already.", label.name),
                _ => format!(
                    "Label {} of “{searched_for}” in {} as {}?{skipped}",
                    plural(adding, "match", "matches"),
                    plural(documents, "document", "documents"),
                    label.name
                ),
            };
            let go = move |_| {
                work.label_every(&label, &searched_for, &labelling);
                asked.set(None);
            };
            let yes = NodeRef::<html::Button>::new();
            focus_once_drawn(yes);
            view! {
                <div class="confirm" role="group" aria-label="Label every match?">
                    <p>{question}</p>
                    {(adding > 0).then(|| view! {
                        <button type="button" node_ref=yes on:click=go>{format!("Label {}", plural(adding, "match", "matches"))}</button>
                    })}
                    <button type="button" on:click=move |_| asked.set(None)>{if adding > 0 { "Cancel" } else { "Close" }}</button>
                </div>
            }
        })
    };
    let results = move || {
        let query = searched.get();
        if query.is_blank() {
            return view! { <p class="hint">"Type a word or any text: every document is searched, bundled and your own."</p> }.into_any();
        }
        let documents = documents();
        let found = search(documents.iter().map(Arc::as_ref), &query);
        let total = count(&found);
        let summary = match total {
            0 => format!("No matches of “{}”", query.text),
            _ => format!("{} in {}", plural(total, "match", "matches"), plural(found.len(), "document", "documents")),
        };
        let groups = found.iter().map(|f| matches_of(f.document, &f.ranges)).collect_view();
        view! {
            <p class="search-count" role="status">{summary}</p>
            <div class="label-every" hidden=total == 0>
                <label>
                    "Label"
                    <select on:change=move |event| { asked.set(None); chosen_label.set(event_target_value(&event)); }>
                        {move || work.labels_in_use().into_iter().map(|l| {
                            let selected = chosen_label.with_untracked(|c| *c == l.id);
                            view! { <option value=l.id selected=selected>{l.name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" on:click=label_every>"Label every match"</button>
            </div>
            {confirm}
            <ol class="matches" aria-label="Matches">{groups}</ol>
        }
        .into_any()
    };
    let word_list = view! { <WordList/> };
    view! {
        <section class="search" aria-labelledby="search-heading">
            <h1 id="search-heading">"Search all documents"</h1>
            <div class="search-controls" role="search" aria-label="Search all documents">
                <input
                    type="search"
                    node_ref=input
                    aria-label="Search all documents"
                    prop:value=move || searched.with(|q| q.text.clone())
                    on:input=move |event| {
                        asked.set(None);
                        view.search(|query| query.text = event_target_value(&event));
                    }
                />
                <label><input type="checkbox" prop:checked=move || searched.with(|q| q.ignore_case) on:change=toggle(|q, on| q.ignore_case = on)/>"Ignore case"</label>
                <label><input type="checkbox" prop:checked=move || searched.with(|q| q.ignore_accents) on:change=toggle(|q, on| q.ignore_accents = on)/>"Ignore accents"</label>
                <label><input type="checkbox" prop:checked=move || searched.with(|q| q.whole_words) on:change=toggle(|q, on| q.whole_words = on)/>"Whole words"</label>
                <button type="button" on:click=move |_| classroom.leave()>"Back to reading"</button>
            </div>
            {results}
            {word_list}
        </section>
    }
}

/// How many words a list of suggestions may hold, and how long each may be.
const MOST_WORDS: usize = 500;
const MOST_WORD_CHARACTERS: usize = 100;

/// **Suggest from a word list**: a label's suggestions at every whole word of a list, in every
/// document, each waiting for a decision under **Suggestions**.
#[component]
fn WordList() -> impl IntoView {
    let (view, work, exchange) = (state::view(), state::work(), state::exchange());
    // The part makes them under this owner, whose context holds the state.
    let owner = Owner::current();
    let words = RwSignal::new(String::new());
    let chosen_label = RwSignal::new(String::new());
    let suggest = move |_| {
        let list = match one_a_line(&words.get_untracked(), MOST_WORDS, MOST_WORD_CHARACTERS) {
            Ok(list) if list.is_empty() => return view.say(Message::alert("Write the words to suggest, one a line.")),
            Ok(list) => list,
            Err(ListError::TooLong(word)) => {
                return view.say(Message::alert(format!(
                    "A word or phrase to suggest is at most {MOST_WORD_CHARACTERS} characters: “{word}” is longer."
                )))
            }
            Err(ListError::TooMany(count)) => {
                return view.say(Message::alert(format!("A list holds at most {MOST_WORDS} entries; this one {count}.")))
            }
        };
        let labels = work.labels_in_use();
        let chosen = chosen_label.get_untracked();
        let Some(label) = label::find(&labels, &chosen).or(labels.first()).map(|l| l.id.clone()) else { return };
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            if let (Some(tools), Some(owner)) = (exchange.suggestion_tools().await, owner) {
                owner.with(|| (tools.from_words)(list, label));
            }
        });
    };
    view! {
        <details class="word-list">
            <summary>"Suggest from a word list"</summary>
            <p class="hint">"Every place where a word or phrase of the list stands as whole words, in any case, in every document, becomes a suggestion: nothing is labelled until you accept it."</p>
            <label>
                "Words to suggest (one a line)"
                <textarea rows="4" prop:value=move || words.get() on:input=move |event| words.set(event_target_value(&event))></textarea>
            </label>
            <label>
                "Label to suggest"
                <select on:change=move |event| chosen_label.set(event_target_value(&event))>
                    {move || work.labels_in_use().into_iter().map(|l| view! { <option value=l.id>{l.name}</option> }).collect_view()}
                </select>
            </label>
            <button type="button" on:click=suggest>"Suggest"</button>
        </details>
    }
}

/// The matches of one document: its title with how many, then each match in its words.
fn matches_of(document: &Document, ranges: &[(usize, usize)]) -> impl IntoView {
    let heading = format!("{} ({})", document.title, ranges.len());
    let listed = ranges
        .iter()
        .take(LISTED)
        .map(|&(start, end)| {
            let shown = context(document, start, end);
            view! {
                <li>
                    <PassageButton document=document.id.clone() start end into=Mode::Reading>
                        {shown.before}<mark>{shown.matched}</mark>{shown.after}
                    </PassageButton>
                </li>
            }
        })
        .collect_view();
    let more =
        (ranges.len() > LISTED).then(|| view! { <p class="hint">{format!("and {} more in this document", ranges.len() - LISTED)}</p> });
    view! {
        <li class="matches-of">
            <h2>{heading}</h2>
            <ol aria-label=format!("Matches in {}", document.title)>{listed}</ol>
            {more}
        </li>
    }
}
