//! What a person needs to know about a document: what it is as a source (its kind, outlet and
//! date: a bundled article's as its text says, one's own as its reader describes it), and for a
//! document they added, what they can do with it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::model::document::Document;
use crate::core::model::facts::{Facts, TEXT_KINDS};
use crate::core::model::own_document;
use crate::ui::state::{self};

/// What heads the facts a text does not give.
const NOT_SAID: &str = "Not in the text";

/// A bundled article's kind, outlet and date, as its text gives them, on one line: what its text
/// does not say is named once, after what it says (that a text names no outlet or date is a fact
/// a lesson uses). Its kind is left out while an assignment asks the student to say it.
#[component]
pub(super) fn SourceFacts(document: Arc<Document>) -> impl IntoView {
    let facts = state::work().facts(&document.id);
    let kind = facts.kind.clone();
    let (mut given, mut unsaid) = (Vec::new(), Vec::new());
    for (name, word, value) in [("Outlet", "outlet", facts.outlet), ("Date", "date", facts.date)] {
        match value.is_empty() {
            true => unsaid.push(word),
            false => given.push((name, value)),
        }
    }
    let classroom = state::classroom();
    view! {
        <dl class="source">
            {move || (classroom.kind_asked().is_none() && !kind.is_empty()).then(|| view! { <dt>"Kind"</dt><dd>{kind.clone()}</dd> })}
            {given.into_iter().map(|(name, value)| view! { <dt>{name}</dt><dd>{value}</dd> }).collect_view()}
            {(!unsaid.is_empty()).then(|| view! { <dt>{NOT_SAID}</dt><dd>{unsaid.join(", ")}</dd> })}
        </dl>
    }
}

/// The details of a document of one's own, as their part draws them.
pub fn own_document_details(document: Arc<Document>) -> AnyView {
    view! { <DocumentDetails document/> }.into_any()
}

/// What a person needs to know about a document they added, and what they can do with it.
#[component]
fn DocumentDetails(document: Arc<Document>) -> impl IntoView {
    let work = state::work();
    let id = document.id.clone();
    let (rename_id, delete_id) = (id.clone(), id.clone());
    // A memo, so that the field is set only when the title changes: set on every change of the
    // work (an annotation, another tab's save), it would lose what is being typed in it.
    let title = Memo::new({
        let id = id.clone();
        move |_| work.title(&id).unwrap_or_default()
    });
    // A memo a field, each set only when its own fact changes.
    let fact = |read: fn(Facts) -> String| {
        let id = id.clone();
        Memo::new(move |_| read(work.facts(&id)))
    };
    let (kind, outlet, date) = (fact(|f| f.kind), fact(|f| f.outlet), fact(|f| f.date));
    // Each field changes its own fact and keeps the others as saved.
    let describe = move |set: fn(&mut Facts, String)| {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let mut given = Facts { kind: kind.get_untracked(), outlet: outlet.get_untracked(), date: date.get_untracked() };
            set(&mut given, event_target_value(&event));
            work.describe_document(&id, &given.kind, &given.outlet, &given.date);
        }
    };
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
            <div class="document-source" role="group" aria-label="About this text">
                <label>
                    "Kind"
                    <select on:change=describe(|f, v| f.kind = v)>
                        <option value="" selected=move || kind.with(String::is_empty)>"(not said)"</option>
                        {TEXT_KINDS.map(|choice| view! { <option value=choice selected=move || kind.with(|k| k == choice)>{choice}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Outlet" <input type="text" maxlength="80" prop:value=outlet on:change=describe(|f, v| f.outlet = v)/></label>
                <label>"Date" <input type="text" maxlength="80" placeholder="2024-09-10" prop:value=date on:change=describe(|f, v| f.date = v)/></label>
            </div>
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
