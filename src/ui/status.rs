//! Messages for the reader: results in a polite status region, failures in an alert.

use leptos::prelude::*;

use crate::core::formats::Format;
use crate::ui::{browser, persist, Annotator, Message};

#[component]
pub fn StatusMessage() -> impl IntoView {
    let annotator = expect_context::<Annotator>();
    // Both live regions exist from the start, so screen readers announce what later fills them.
    let shown = move |alert: bool| move || annotator.message.get().filter(|m| m.alert == alert).map(render);
    view! {
        <div class="messages">
            <div role="status" aria-live="polite" class="message status">{shown(false)}</div>
            <div role="alert" class="message alert">{shown(true)}</div>
            <div role="alert" class="message alert">{move || annotator.storage_problem.get().map(storage_problem)}</div>
            <div role="alert" class="message alert">
                {move || annotator.save_problem.get().map(|problem| view! {
                    <p>{problem} " Changes are not being saved; they are only in this tab until saving works again, which Glossa keeps trying."</p>
                    <button type="button" on:click=move |_| annotator.download(Format::GlossaJson, None)>"Export now"</button>
                })}
            </div>
        </div>
    }
}

/// The banner about saved work that could not be read, with the way to keep a copy of it.
fn storage_problem((text, backup_key): (String, Option<String>)) -> impl IntoView {
    let annotator = expect_context::<Annotator>();
    let download = backup_key.map(|key| {
        let save_copy = move |_| {
            let Some(raw) = persist::read_backup(&key) else { return };
            if let Err(error) = browser::download("glossa-unreadable-state.json", "application/json", raw.as_bytes()) {
                annotator.message.set(Some(Message::alert(format!("The copy could not be offered as a download ({error:?})."))));
            }
        };
        view! { <button type="button" on:click=save_copy>"Download the unreadable data"</button> }
    });
    view! {
        <p>{text}</p>
        {download}
        <button type="button" class="dismiss" on:click=move |_| annotator.storage_problem.set(None)>"Dismiss"</button>
    }
}

fn render(message: Message) -> impl IntoView {
    let annotator = expect_context::<Annotator>();
    let details = (!message.details.is_empty()).then(|| {
        view! { <ul class="details">{message.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> }
    });
    view! {
        <p>{message.text}</p>
        {details}
        <button type="button" class="dismiss" on:click=move |_| annotator.message.set(None)>"Dismiss"</button>
    }
}
