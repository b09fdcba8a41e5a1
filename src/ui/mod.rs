//! The Leptos components: they render the annotator's state and turn events into its methods.

mod annotation_list;
mod annotator;
mod browser;
mod help;
mod keyboard;
mod label_editor;
mod nav;
mod persist;
mod preferences;
mod reader;
mod route;
pub mod selection;
mod status;
mod text_store;
mod toolbar;

use leptos::prelude::*;

pub use annotator::{Annotator, Message, Pending};

pub fn mount() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::report_stopped(&info.to_string());
    }));
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let annotator = Annotator::load();
    provide_context(annotator);
    route::follow_fragment(annotator);
    keyboard::listen(annotator);
    reader::follow_selection(annotator);
    preferences::apply(annotator);
    nav::accept_drops(annotator);
    annotator.load_texts();
    persist::on_save_elsewhere(move |raw| annotator.take_saved_elsewhere(raw));

    view! {
        <header class="masthead">
            <p class="brand">"Glossa"</p>
            <button type="button" class="help-button" aria-keyshortcuts="?" on:click=move |_| annotator.help_open.set(true)>
                "Shortcuts"
            </button>
            <toolbar::Toolbar/>
            <toolbar::HistoryButtons/>
            <toolbar::FileActions/>
            <label_editor::LabelEditor/>
            <preferences::Preferences/>
        </header>
        <status::StatusMessage/>
        <help::ShortcutHelp/>
        <div class="layout">
            <nav::ArticleNav/>
            <main class="reading">
                <reader::Reader/>
            </main>
            <annotation_list::AnnotationPanel/>
        </div>
    }
}
