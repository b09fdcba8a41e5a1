//! The user interface: Leptos components and the browser services they use, in layers, each a
//! folder, from the bottom up; a file imports only from its own folder or from folders below it,
//! and never two files from each other (`tests/layers.rs`):
//!
//! - `browser`: the web platform as services with no state of Glossa's: the DOM positions of the
//!   article and the one place they become document offsets (`selection`), storage, the address,
//!   files, crypto, the platform's keys, listeners that remove themselves.
//! - `state`: the running app's state in parts (`View`, `Texts`, `Work`, `Saving`, `Classroom`,
//!   `Exchange`), each owning its signals; components ask the context for the part they use.
//! - `listeners`: page-wide listeners: the keyboard's shortcuts, the address, the selection, drops.
//! - `classroom`: the classroom's views: the assignment bar, feedback, the teacher's view, the
//!   class's agreement and discussion.
//! - `reader`: the article: its paragraphs and highlights, the cursor, the find bar, the
//!   document's details, the viewport of a long document, the printed handout.
//! - `panels`: everything around the article: the masthead, its menus and messages, the list of
//!   articles, the list of annotations, links, labels, settings, the claims board, the search of
//!   every document.
//! - `parts`: what each part fetched when first used draws (`main.rs` marks them).
//!
//! This file wires them: the state, the listeners (each removed when the app is unmounted) and the layout.

pub mod browser;
mod state;
mod listeners;
mod classroom;
mod reader;
mod panels;
pub mod parts;

use leptos::prelude::*;

use panels::on_demand::OnDemand;
use parts::Parts;
use state::{RecordPart, State};

pub fn mount(parts: Parts) {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::report_stopped(&info.to_string());
    }));
    // Where this browser keeps a classroom, the part that reads its record comes first: the app
    // then starts with the record read, its assignment open as it was left.
    if browser::persist::keeps_classroom() {
        wasm_bindgen_futures::spawn_local(async move {
            let record = (parts.record)().await.map_or(RecordPart::NotFetched, RecordPart::Here);
            mount_to_body(move || view! { <App parts record/> });
        });
    } else {
        mount_to_body(move || view! { <App parts/> });
    }
}

/// The whole app, wired in one place: the state's parts, the page-wide listeners (each removed
/// when the app is unmounted), and the layout. `record` is the part that reads the classroom's
/// record, fetched before the app starts where a record is kept.
#[component]
pub fn App(parts: Parts, #[prop(optional)] record: RecordPart) -> impl IntoView {
    crate::core::text::unicode::install(browser::unicode::BROWSER);
    // Before the app's own page is mounted, in the same task: no frame shows neither.
    let meanwhile = browser::first_screen::take_away();
    let State { view, work, exchange, classroom, .. } =
        State::provide(parts.formats, parts.importer, parts.suggestions, parts.record, record);
    listeners::fragment::follow(view, work, classroom);
    listeners::keyboard::listen(view, work, classroom);
    listeners::keyboard::apply_early(work, meanwhile.labels);
    exchange.add_files(meanwhile.files);
    listeners::selection::follow(view);
    panels::preferences::apply(view);
    listeners::drops::accept(exchange);
    provide_context(state::PanelsPart(parts.panels));

    view! {
        <panels::masthead::Masthead panels=parts.panels/>
        <panels::status::StatusMessage/>
        <panels::status::MessageList/>
        <panels::help::ShortcutHelp panels=parts.panels/>
        // The teacher's view uses neither the list of articles nor the annotations: it takes their room.
        <div class="layout" class:wide=move || view.mode().with(|mode| *mode == state::Mode::Teacher)>
            <panels::nav::ArticleNav/>
            <main class="reading">
                {move || match view.mode().with(|mode| mode.clone()) {
                    state::Mode::Teacher => view! { <OnDemand part="the teacher’s view" load=parts.teacher changes_record=true/> }.into_any(),
                    state::Mode::Board => view! { <OnDemand part="the claims board" load=parts.board/> }.into_any(),
                    state::Mode::Search => view! { <OnDemand part="the search" load=parts.search/> }.into_any(),
                    state::Mode::Reading => view! { <reader::Reader hints=parts.hints details=parts.details/> }.into_any(),
                    state::Mode::Curation => view! { <OnDemand part="the curation" load=parts.curation changes_record=true/> <reader::Reader hints=parts.hints details=parts.details/> }.into_any(),
                    _ => view! { <OnDemand part="the assignment" load=parts.assignment changes_record=true/> <reader::Reader hints=parts.hints details=parts.details notes=parts.notes/> }.into_any(),
                }}
            </main>
            <panels::annotation_list::AnnotationPanel conflicts=parts.conflicts/>
        </div>
    }
}
