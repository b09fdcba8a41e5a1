//! The open article's annotations in text order, and the editor of the selected one (on a
//! phone, a sheet over the bottom of the screen, where the finger that tapped the highlight is).

use leptos::prelude::*;

use crate::core::model::annotation::Annotation;
use crate::ui::browser::article::NOTE_ID;
use crate::ui::panels::link::{LinkList, LinkTo};
use crate::ui::panels::on_demand::fetched;
use crate::ui::panels::source::SourceFields;
use crate::ui::state::{self, effect, Load, Mode};

/// How many annotations the list shows at first, and how many more each "Show more" adds.
const LIST_PAGE: usize = 50;

#[component]
pub fn AnnotationPanel(
    /// The part that draws the region of a curation's conflicts, while curating.
    conflicts: Load<AnyView>,
) -> impl IntoView {
    let (view, work, classroom) = (state::view(), state::work(), state::classroom());
    // A document with thousands of annotations lists them a page at a time.
    let limit = RwSignal::new(LIST_PAGE);
    effect(move || {
        view.open().track();
        limit.set(LIST_PAGE);
    });
    let shown = move || {
        let Some(id) = view.open().get() else {
            return (Vec::new(), 0);
        };
        classroom.with_shown(&id, |shown, _| {
            let listed: Vec<Annotation> = shown.annotations.iter().take(limit.get()).map(|&a| a.clone()).collect();
            let more = shown.annotations.len() - listed.len();
            (listed, more)
        })
    };
    let shown = Memo::new(move |_| shown());
    let annotations = move || shown.with(|(listed, _)| listed.clone());
    let more = move || shown.with(|(_, more)| *more);
    let editor = move || view.selected().get().map(|id| view! { <Editor annotation_id=id/> });
    // Suggestions wait on one's own work; their region is drawn by their part.
    let suggested = state::suggested();
    let suggestions = move || suggested.present() && view.mode().with(|mode| *mode == Mode::Reading);
    let loader = state::exchange().suggestion_loader();
    view! {
        <section class="annotations" aria-labelledby="annotations-heading">
            <h2 class="panel-heading" id="annotations-heading">"Annotations"</h2>
            <LabelFilter/>
            <Show when=suggestions>{fetched("the suggestions", loader, |tools| (tools.region)(), false, false)}</Show>
            <Show when=move || view.mode().with(|mode| *mode == Mode::Curation)>{fetched("the curation", conflicts, |drawn| drawn, false, false)}</Show>
            {editor}
            <Show when=move || view.open().with(Option::is_some)>
                <p class="empty" hidden=move || view.open().with(|open| {
                    open.as_ref().is_some_and(|id| work.with_annotations(id, |list| !list.is_empty()))
                })>"No annotations yet: select text in the article and choose a label."</p>
            </Show>
            <ol class="annotation-list">
                <For
                    each=annotations
                    // An edited annotation gets a new key, so only its entry renders again.
                    key=|a: &Annotation| (a.id.clone(), a.updated_at.clone())
                    children=move |annotation| view! { <AnnotationEntry annotation/> }
                />
            </ol>
            <Show when=move || { more() > 0 }>
                <button type="button" class="more" on:click=move |_| limit.update(|l| *l += LIST_PAGE)>
                    {move || format!("Show {} more ({} not listed yet)", more().min(LIST_PAGE), more())}
                </button>
            </Show>
        </section>
    }
}

/// Which labels' annotations the article and the list show.
#[component]
fn LabelFilter() -> impl IntoView {
    let (view, work) = (state::view(), state::work());
    let filter = view.filter();
    let boxes = move || {
        work.labels_in_use()
            .into_iter()
            .map(|label| {
                let (shown_id, toggled_id) = (label.id.clone(), label.id);
                let shown = move || filter.with(|filter| filter.shows(&shown_id));
                let toggle = move |event| view.show_label(&toggled_id, event_target_checked(&event));
                view! {
                    <label class="filter-label">
                        <input type="checkbox" prop:checked=shown on:change=toggle/>
                        <span class="swatch" style:background-color=label.color></span>
                        {label.name}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="filter">
            <legend>"Show"</legend>
            {boxes}
        </fieldset>
    }
}

#[component]
fn AnnotationEntry(annotation: Annotation) -> impl IntoView {
    let view = state::view();
    let id = annotation.id.clone();
    let is_selected = {
        let id = id.clone();
        Memo::new(move |_| view.selected().with(|s| s.as_deref() == Some(id.as_str())))
    };
    let (start, end) = (annotation.start, annotation.end);
    let select = move |_| {
        view.select(&id);
        view.reveal_text(start, end, false);
    };
    let note = (!annotation.note.is_empty()).then(|| view! { <span class="entry-note">{annotation.note.clone()}</span> });
    let source = match (annotation.attributed_to.is_empty(), annotation.source_kind.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("— {}", annotation.attributed_to)),
        (true, false) => Some(format!("— ({})", annotation.source_kind)),
        (false, false) => Some(format!("— {} ({})", annotation.attributed_to, annotation.source_kind)),
    };
    let attribution = source.map(|said| view! { <span class="entry-attribution">{said}</span> });
    let unsure = annotation.unsure.then(|| view! { <span class="entry-unsure">"unsure"</span> " " });
    view! {
        <li class:selected=is_selected>
            <button type="button" class="entry" aria-pressed=move || is_selected.get().to_string() on:click=select>
                <LabelChip label_id=annotation.label.clone()/>
                {unsure}
                <q class="entry-quote">{annotation.quote.clone()}</q>
                {attribution}
                {note}
            </button>
        </li>
    }
}

#[component]
fn LabelChip(label_id: String) -> impl IntoView {
    let work = state::work();
    // Follows edits of the label: its name and colour may change while it is shown.
    let label = Memo::new(move |_| work.label(&label_id).map(|l| (l.name, l.color)));
    let name = move || label.get().map_or_else(|| "(unknown label)".to_owned(), |(name, _)| name);
    let color = move || label.get().map_or_else(|| "gray".to_owned(), |(_, color)| color);
    view! { <span class="chip" style:border-color=color>{name}</span> }
}

#[component]
fn Editor(annotation_id: String) -> impl IntoView {
    let work = state::work();
    let current = {
        let id = annotation_id.clone();
        Memo::new(move |_| work.with_workspace(|w| w.find(&id).map(|(_, a)| a.clone())))
    };
    // The editor stays while its annotation changes; only the parts showing a field update, so
    // the note keeps its focus and caret while the reader types.
    let field = move |read: fn(&Annotation) -> String| move || current.with(|a| a.as_ref().map(read).unwrap_or_default());
    let write_note = {
        let id = annotation_id.clone();
        move |event| work.set_note(&id, &event_target_value(&event))
    };
    let link_id = annotation_id.clone();
    let source_id = annotation_id.clone();
    let write_attribution = move |event| work.set_attribution(&annotation_id, &event_target_value(&event));
    view! {
        <div class="editor" role="group" aria-label="Selected annotation">
            <p class="editor-heading">
                {move || current.with(|a| a.as_ref().map(|a| view! { <LabelChip label_id=a.label.clone()/> }))}
                " "
                <q>{field(|a| a.quote.clone())}</q>
            </p>
            <p class="editor-offsets">{field(|a| format!("Characters {}–{}", a.start, a.end))}</p>
            <label class="note">
                "Note"
                // Setting the same value again leaves the caret where it is.
                <textarea id=NOTE_ID rows="3" prop:value=field(|a| a.note.clone()) on:input=write_note></textarea>
            </label>
            <label class="note">
                "Attributed to"
                <input
                    type="text"
                    placeholder="Who says so, e.g. Iran’s foreign minister"
                    prop:value=field(|a| a.attributed_to.clone())
                    on:input=write_attribution
                />
            </label>
            <SourceFields annotation_id=source_id current/>
            <LinkList id=link_id.clone()/>
            <LinkTo id=link_id/>
            <p class="editor-help">"Change its label with the toolbar or its key; U marks it unsure; remove it with Delete."</p>
            <div class="editor-actions">
                <button type="button" class="delete" on:click=move |_| work.delete_selected()>"Delete"</button>
                <button type="button" on:click=move |_| state::view().let_go()>"Done"</button>
            </div>
        </div>
    }
}
