//! The masthead: the label buttons, undo and redo always at hand, everything else behind **Menu**
//! on a phone (shown in a row on wider screens). Its height is kept in `--masthead-height`, so
//! that the side panels stick below it however far it wraps.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::state::{self, Mode};
use crate::ui::{classroom, panels::label_editor, panels::preferences, panels::toolbar};

const MENU_IDS: &str = "masthead-menu-views masthead-menu-files";

#[component]
pub fn Masthead() -> impl IntoView {
    let view = state::view();
    let menu_open = RwSignal::new(false);
    let header = NodeRef::<html::Header>::new();
    header.on_load(|header| follow_height(&header, "--masthead-height"));
    let menu_class = move || if menu_open.get() { "masthead-menu open" } else { "masthead-menu" };
    view! {
        <header class="masthead" node_ref=header>
            <p class="brand">"Glossa"</p>
            <button type="button" class="menu-button" aria-expanded=move || menu_open.get().to_string() aria-controls=MENU_IDS
                on:click=move |_| menu_open.update(|open| *open = !*open)>
                "Menu"
            </button>
            <div id="masthead-menu-views" class=menu_class>
                <button type="button" class="help-button" aria-keyshortcuts="?" on:click=move |_| view.set_help_open(true)>
                    "Shortcuts"
                </button>
                <classroom::TeacherButton/>
                <button
                    type="button"
                    aria-pressed=move || view.mode().with(|mode| *mode == Mode::Board).to_string()
                    on:click=move |_| state::classroom().open_board()
                >
                    "Claims board"
                </button>
            </div>
            <toolbar::Toolbar/>
            <toolbar::HistoryButtons/>
            <div id="masthead-menu-files" class=menu_class>
                <toolbar::FileActions/>
                <Show when=move || view.locked_labels().with(Option::is_none)>
                    <label_editor::LabelEditor/>
                </Show>
                <preferences::Preferences/>
            </div>
        </header>
    }
}

/// Keeps the CSS custom property `property` of the page at `element`'s height, until the app is
/// unmounted. Without `ResizeObserver` (very old browsers) the stylesheet's fallback stands.
fn follow_height(element: &web_sys::HtmlElement, property: &'static str) {
    let watched = element.clone();
    let measure = Closure::<dyn Fn()>::new(move || {
        if let Some(root) = document().document_element().and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = root.style().set_property(property, &format!("{}px", watched.offset_height()));
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) else { return };
    observer.observe(element);
    let observer = send_wrapper::SendWrapper::new((observer, measure));
    on_cleanup(move || observer.0.disconnect());
}
