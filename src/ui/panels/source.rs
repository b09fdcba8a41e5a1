//! The selected annotation's source, sorted as media-literacy lessons sort sources (a kind, on the
//! record, in a position to know), and whether its reader is sure of it, in the annotation's
//! editor. (Drawn from a part, it cost the first module more than it saved: the panels' part was
//! fetched after every first label anyway, and drawing a part with an argument made its fetch
//! generic.)

use leptos::prelude::*;

use crate::core::model::annotation::Annotation;
use crate::ui::state;

/// Who the annotation's source is, as a lesson sorts sources (kind, named, in a position to know),
/// and whether the reader is sure of it: the fields of annotation `annotation_id`, which is `current`.
#[component]
pub fn SourceFields(annotation_id: String, current: Memo<Option<Annotation>>) -> impl IntoView {
    let (work, classroom) = (state::work(), state::classroom());
    let id = StoredValue::new(annotation_id);
    let read = move |part: fn(&Annotation) -> bool| move || current.with(|a| a.as_ref().is_some_and(part));
    // Each field writes the source as it is now with its own part changed.
    let write_source = move |kind: Option<String>, on_the_record: Option<bool>, in_a_position_to_know: Option<bool>| {
        let Some(now) = current.get_untracked() else { return };
        work.set_source(
            &id.get_value(),
            &kind.unwrap_or(now.source_kind),
            on_the_record.unwrap_or(now.on_the_record),
            in_a_position_to_know.unwrap_or(now.in_a_position_to_know),
        );
    };
    // The kinds offered (an assignment's teacher may list their own), and the annotation's own
    // when it has another (from a file).
    let kinds = move || {
        let own = current.with(|a| a.as_ref().map(|a| a.source_kind.clone()).unwrap_or_default());
        let mut kinds = classroom.kinds_of_source();
        if !own.is_empty() && !kinds.contains(&own) {
            kinds.push(own.clone());
        }
        std::iter::once(String::new())
            .chain(kinds)
            .map(|kind| {
                let selected = kind == own;
                let shown = if kind.is_empty() { "(not said)".to_owned() } else { kind.clone() };
                view! { <option value=kind selected=selected>{shown}</option> }
            })
            .collect_view()
    };
    // Folded, saying what is set: the editor stays short (on a phone, a sheet over the page) for a
    // reader who only labels; `u` marks unsure without opening it.
    let said = move || {
        current.with(|a| {
            let Some(a) = a else { return String::new() };
            let mut parts: Vec<&str> = Vec::new();
            if !a.source_kind.is_empty() {
                parts.push(&a.source_kind);
            }
            for (yes, words) in
                [(a.on_the_record, "on the record"), (a.in_a_position_to_know, "in a position to know"), (a.unsure, "unsure")]
            {
                if yes {
                    parts.push(words);
                }
            }
            if parts.is_empty() {
                String::new()
            } else {
                format!(": {}", parts.join(" · "))
            }
        })
    };
    view! {
        <details class="source-fields">
            <summary>"Source and sureness" {said}</summary>
            <label>
                "Source"
                <select on:change=move |event| write_source(Some(event_target_value(&event)), None, None)>{kinds}</select>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=read(|a| a.on_the_record) on:change=move |event| write_source(None, Some(event_target_checked(&event)), None)/>
                "On the record"
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=read(|a| a.in_a_position_to_know) on:change=move |event| write_source(None, None, Some(event_target_checked(&event)))/>
                "In a position to know"
            </label>
            <label class="check">
                <input type="checkbox" aria-keyshortcuts="u" prop:checked=read(|a| a.unsure) on:change=move |event| work.set_unsure(&id.get_value(), event_target_checked(&event))/>
                "Unsure"
            </label>
        </details>
    }
}
