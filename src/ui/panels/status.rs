//! Messages for the reader: results in a polite status region, failures in an alert.

use leptos::prelude::*;

use crate::core::exchange::formats::Format;
use crate::ui::browser::persist;
use crate::ui::state::{self, Message, Saving, View};

#[component]
pub fn StatusMessage() -> impl IntoView {
    let (view, saving, exchange) = (state::view(), state::saving(), state::exchange());
    // Both live regions exist from the start, so screen readers announce what later fills them.
    let shown = move |alert: bool| move || view.message().get().filter(|m| m.alert == alert).map(|message| render(message, view));
    view! {
        <div class="messages">
            <div role="status" aria-live="polite" class="message status">{shown(false)}</div>
            <div role="alert" class="message alert">{shown(true)}</div>
            <div role="alert" class="message alert">{move || saving.storage_problem().map(|problem| storage_problem(problem, view, saving))}</div>
            <div role="alert" class="message alert">
                {move || saving.save_problem().map(|problem| view! {
                    <p>{problem} " Changes are not being saved; they are only in this tab until saving works again, which Glossa keeps trying."</p>
                    <button type="button" on:click=move |_| exchange.download(Format::GlossaJson, None)>"Export now"</button>
                })}
            </div>
        </div>
    }
}

/// The banner about saved work that could not be read, with the way to keep a copy of it.
fn storage_problem((text, backup_key): (String, Option<String>), view: View, saving: Saving) -> impl IntoView {
    let download = backup_key.map(|key| {
        let save_copy = move |_| {
            let Some(raw) = persist::read_backup(&key) else { return };
            view.offer_download("glossa-unreadable-state.json", "application/json", raw.as_bytes(), "The copy");
        };
        view! { <button type="button" on:click=save_copy>"Download the unreadable data"</button> }
    });
    view! {
        <p>{text}</p>
        {download}
        <button type="button" class="dismiss" on:click=move |_| saving.dismiss_storage_problem()>"Dismiss"</button>
    }
}

fn render(message: Message, view: View) -> impl IntoView {
    let details = (!message.details.is_empty()).then(|| {
        view! { <ul class="details">{message.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> }
    });
    view! {
        <p>{message.text}</p>
        {details}
        <button type="button" class="dismiss" on:click=move |_| view.dismiss_message()>"Dismiss"</button>
    }
}
