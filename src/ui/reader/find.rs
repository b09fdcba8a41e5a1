//! Finding in the open article: the matches are highlighted, counted and stepped through.

use leptos::prelude::*;

use crate::ui::browser::article::FIND_INPUT_ID;
use crate::ui::browser::platform::KeyNames;
use crate::ui::state::{self};

/// Search in the open article: the matches are highlighted, counted and stepped through.
#[component]
pub(super) fn FindBar(matches: Memo<Vec<(usize, usize)>>) -> impl IntoView {
    let view = state::view();
    let query = view.query();
    let current = RwSignal::new(0usize);
    let count = move || matches.with(Vec::len);
    let step = move |by: isize| {
        let total = count();
        if total == 0 {
            return;
        }
        let next = (current.get_untracked() as isize + by).rem_euclid(total as isize) as usize;
        current.set(next);
        if let Some((start, end)) = matches.with_untracked(|m| m.get(next).copied()) {
            state::view().reveal_text(start, end, false);
        }
    };
    let summary = move || match (query.with(|q| q.trim().is_empty()), count()) {
        (true, _) => String::new(),
        (false, 0) => "No matches".to_owned(),
        (false, 1) => "1 match".to_owned(),
        (false, n) => format!("{} of {n} matches", current.get().min(n - 1) + 1),
    };
    view! {
        <div class="find" role="search" aria-label="Find in article">
            <input
                type="search"
                id=FIND_INPUT_ID
                aria-label="Find in article"
                placeholder=format!("Find in article ({}+F)", KeyNames::here().command)
                prop:value=move || query.get()
                on:input=move |event| {
                    current.set(0);
                    view.set_query(event_target_value(&event));
                }
                on:keydown=move |event: leptos::ev::KeyboardEvent| match event.key().as_str() {
                    "Enter" => step(if event.shift_key() { -1 } else { 1 }),
                    "Escape" => view.set_query(String::new()),
                    _ => {}
                }
            />
            <span class="find-count" aria-live="polite">{summary}</span>
            <button type="button" disabled=move || count() == 0 on:click=move |_| step(-1)>"Previous match"</button>
            <button type="button" disabled=move || count() == 0 on:click=move |_| step(1)>"Next match"</button>
        </div>
    }
}
