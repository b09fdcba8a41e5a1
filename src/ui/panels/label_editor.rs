//! Labels of the reader's own: add (one's own, or one Glossa has built in but off), rename, recolour, rekey, define and reorder. Each edit is
//! checked by the core's label rules and saved at once; a refused edit says why and puts the field
//! back.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::label::{self, Label};
use crate::ui::state;

#[component]
pub fn LabelEditor() -> impl IntoView {
    let work = state::work();
    let (new_name, set_new_name) = signal(String::new());
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let name = new_name.get_untracked();
        if work.edit_labels(|labels| label::add_new(labels, &name).map(|_| ())) {
            set_new_name.set(String::new());
        }
    };
    view! {
        <ol class="label-rows">
            <For
                each=move || work.labels()
                key=|label: &Label| label.id.clone()
                children=move |label| view! { <LabelRow id=label.id/> }
            />
        </ol>
        <form class="add-label" on:submit=add>
            <label>
                "New label"
                <input
                    type="text"
                    prop:value=new_name
                    on:input=move |event| set_new_name.set(event_target_value(&event))
                />
            </label>
            <button type="submit">"Add label"</button>
        </form>
        {move || {
            let missing = work.with_labels(|own| {
                let offered = label::offered(own);
                offered.into_iter().filter(|l| label::find(own, &l.id).is_none()).collect::<Vec<_>>()
            });
            (!missing.is_empty()).then(|| {
                let buttons = missing
                    .into_iter()
                    .map(|built_in| {
                        let name = built_in.name.clone();
                        let add = move |_| {
                            work.edit_labels(|labels| label::add_new(labels, &name).map(|_| ()));
                        };
                        view! { <button type="button" title=built_in.explained() on:click=add>{format!("Add {}", built_in.name)}</button> }
                    })
                    .collect_view();
                view! { <p class="built-in-labels">"Built in, off until added: " {buttons}</p> }
            })
        }}
    }
}

#[component]
fn LabelRow(id: String) -> impl IntoView {
    let work = state::work();
    let current = {
        let id = id.clone();
        Memo::new(move |_| work.with_labels(|labels| label::find(labels, &id).cloned()))
    };
    let field = move |read: fn(&Label) -> String| move || current.with(|l| l.as_ref().map(read).unwrap_or_default());
    // Commits a field's new value; when the rules refuse it, the field shows the saved value again.
    let label_id = StoredValue::new(id);
    let commit = move |apply: fn(&mut Vec<Label>, &str, &str) -> Result<(), String>, read: fn(&Label) -> String| {
        let id = label_id.get_value();
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            if !work.edit_labels(|labels| apply(labels, &id, &value)) {
                let saved = current.with_untracked(|l| l.as_ref().map(read).unwrap_or_default());
                let target = event.target();
                if let Some(input) = target.clone().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.set_value(&saved);
                } else if let Some(text) = target.and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                    text.set_value(&saved);
                }
            }
        }
    };
    let shift = move |by: isize| {
        let id = current.with_untracked(|l| l.as_ref().map(|l| l.id.clone())).unwrap_or_default();
        move |_| {
            work.edit_labels(|labels| {
                label::move_label(labels, &id, by);
                Ok(())
            });
        }
    };
    // One field of the label: shows the saved value, commits a change through the label rules.
    let field_input = move |kind: &'static str,
                            name: &'static str,
                            maxlength: Option<&'static str>,
                            read: fn(&Label) -> String,
                            apply: fn(&mut Vec<Label>, &str, &str) -> Result<(), String>| {
        view! {
            <input
                type=kind
                class=format!("label-{}", name.to_lowercase())
                aria-label=name
                maxlength=maxlength
                prop:value=field(read)
                on:change=commit(apply, read)
            />
        }
    };
    let position = move || {
        let id = current.with(|l| l.as_ref().map(|l| l.id.clone()));
        work.with_labels(|labels| (labels.iter().position(|l| Some(&l.id) == id.as_ref()), labels.len()))
    };
    view! {
        <li>
            <div class="label-row" role="group" aria-label=field(|l| l.name.clone())>
            {field_input("color", "Colour", None, |l| l.color.clone(), |labels, id, value| label::recolor(labels, id, value))}
            {field_input("text", "Name", None, |l| l.name.clone(), |labels, id, value| label::rename(labels, id, value))}
            {field_input("text", "Key", Some("1"), |l| l.key.clone(), |labels, id, value| label::set_key(labels, id, value))}
            <button type="button" disabled=move || position().0 == Some(0) on:click=shift(-1)>"Move up"</button>
            <button type="button" disabled=move || { let (at, len) = position(); at.is_none_or(|at| at + 1 == len) } on:click=shift(1)>
                "Move down"
            </button>
            // Folded: the editor stays a compact list of labels until a meaning is asked for.
            <details class="label-meaning-fields">
            <summary>"Definition and examples"</summary>
            <label class="label-meaning-field">"Definition" <textarea rows="2" prop:value=field(|l| l.definition.clone()) on:change=commit(|labels, id, value| label::define(labels, id, value), |l| l.definition.clone())></textarea></label>
            <label class="label-meaning-field">
                "Examples"
                <textarea rows="2" title="At most three short passages, one a line" prop:value=field(|l| l.examples.join("\n")) on:change=commit(|labels, id, value| label::set_examples(labels, id, value), |l| l.examples.join("\n"))></textarea>
            </label>
            </details>
            </div>
        </li>
    }
}
