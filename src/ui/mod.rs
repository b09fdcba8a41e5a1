//! The Leptos components and the browser services they use. `state` holds the running app's
//! state in parts; components render it and turn events into calls on those parts.

mod annotation_list;
mod board;
pub mod browser;
mod classroom;
mod handout;
mod help;
mod keyboard;
mod label_editor;
mod link;
mod masthead;
mod nav;
pub mod on_demand;
mod page;
mod persist;
mod preferences;
mod reader;
mod route;
mod seal;
pub mod selection;
mod state;
mod status;
mod text_store;
mod toolbar;
pub mod unicode;
mod viewport;

use leptos::prelude::*;

use on_demand::{OnDemand, Parts};
use state::State;

pub fn mount(parts: Parts) {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::report_stopped(&info.to_string());
    }));
    mount_to_body(move || view! { <App parts/> });
}

/// The whole app, wired in one place: the state's parts, the page-wide listeners (each removed
/// when the app is unmounted), and the layout.
#[component]
pub fn App(parts: Parts) -> impl IntoView {
    crate::core::text::unicode::install(unicode::BROWSER);
    let State { view, work, exchange, .. } = State::provide(parts.formats);
    route::follow_fragment(view, work);
    keyboard::listen(view, work);
    page::follow_selection(view);
    preferences::apply(view);
    nav::accept_drops(exchange);

    view! {
        <masthead::Masthead/>
        <status::StatusMessage/>
        <help::ShortcutHelp/>
        <div class="layout">
            <nav::ArticleNav/>
            <main class="reading">
                {move || match view.mode.with(|mode| mode.clone()) {
                    state::Mode::Teacher => view! { <OnDemand part="the teacher’s view" load=parts.teacher/> }.into_any(),
                    state::Mode::Board => view! { <OnDemand part="the claims board" load=parts.board/> }.into_any(),
                    _ => view! { <classroom::AssignmentBar/> <reader::Reader/> }.into_any(),
                }}
            </main>
            <annotation_list::AnnotationPanel/>
        </div>
    }
}
