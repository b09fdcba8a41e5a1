//! What a person needs to know about a document they added, and what they can do with it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::model::document::Document;
use crate::core::model::own_document;
use crate::ui::state::{self};

/// What a person needs to know about a document they added, and what they can do with it.
#[component]
pub(super) fn DocumentDetails(document: Arc<Document>) -> impl IntoView {
    let work = state::work();
    let id = document.id.clone();
    let (rename_id, delete_id) = (id.clone(), id.clone());
    // A memo, so that the field is set only when the title changes: set on every change of the
    // work (an annotation, another tab's save), it would lose what is being typed in it.
    let title = Memo::new(move |_| work.title(&id).unwrap_or_default());
    view! {
        <section class="document-details" aria-label="Document details">
            <label class="document-title">
                "Title"
                <input
                    type="text"
                    prop:value=move || title.get()
                    on:change=move |event| work.rename_document(&rename_id, &event_target_value(&event))
                />
            </label>
            <dl class="document-facts">
                <dt>"Size"</dt>
                <dd>{own_document::size_label(document.text.len())} ", " {document.length} " characters"</dd>
                <dt>"SHA-256"</dt>
                <dd><code class="digest">{document.sha256.clone()}</code></dd>
            </dl>
            <button type="button" class="danger" on:click=move |_| work.delete_document(&delete_id)>"Delete document"</button>
        </section>
    }
}
