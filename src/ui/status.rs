//! Messages for the reader: results in a polite status region, failures in an alert.

use leptos::prelude::*;

use crate::ui::{Annotator, Message};

#[component]
pub fn StatusMessage() -> impl IntoView {
    let annotator = expect_context::<Annotator>();
    // Both live regions exist from the start, so screen readers announce what later fills them.
    let shown = move |alert: bool| move || annotator.message.get().filter(|m| m.alert == alert).map(render);
    view! {
        <div class="messages">
            <div role="status" aria-live="polite" class="message status">{shown(false)}</div>
            <div role="alert" class="message alert">{shown(true)}</div>
            <div role="alert" class="message alert">
                {move || annotator.save_problem.get().map(|problem| view! {
                    <p>{problem} " Your latest changes are only in this tab: use “Export JSON” to keep them."</p>
                })}
            </div>
        </div>
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
