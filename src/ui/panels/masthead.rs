//! The masthead: the label buttons, undo and redo always at hand, everything else behind **Menu**
//! on a phone (shown in a row on wider screens), which closes once something in it is done and
//! with `Escape`. Its height is kept in `--masthead-height`, so that the side panels stick below
//! it however far it wraps.

use leptos::prelude::*;
use leptos::{ev, html};
use wasm_bindgen::JsCast;

use crate::ui::browser::{self, listen};
use crate::ui::panels::on_demand::PartPopover;
use crate::ui::state::{self, Load, Mode, Panels};
use crate::ui::{classroom, panels::toolbar};

const MENU_IDS: &str = "masthead-menu-views masthead-menu-files";

#[component]
pub fn Masthead(
    /// The panels drawn when opened: the labels' editor and the settings.
    panels: Load<Panels>,
) -> impl IntoView {
    let view = state::view();
    let menu_open = RwSignal::new(false);
    let header = NodeRef::<html::Header>::new();
    header.on_load(|header| browser::follow_height(&header, "--masthead-height", browser::HeightOn::Root));
    let menu_class = move || if menu_open.get() { "masthead-menu open" } else { "masthead-menu" };
    let menu_button = NodeRef::<html::Button>::new();
    listen::on_window(ev::keydown, move |event: ev::KeyboardEvent| {
        if event.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    });
    // An action done (a button pressed, a file chosen) closes the menu on a phone, so that what it
    // did, or what it says, is in view; a button that opens more, and the editors of labels and
    // settings (popovers, where one change follows another), keep it open.
    let done_in_menu = move |event: &web_sys::Event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let action = match event.type_().as_str() {
            "click" => {
                target.closest("button:not([aria-expanded])").ok().flatten().is_some() && target.closest("details").ok().flatten().is_none()
            }
            _ => target.matches("input[type=file]").unwrap_or(false),
        };
        if action {
            menu_open.set(false);
        }
    };
    view! {
        <header class="masthead" node_ref=header>
            <p class="brand">"Glossa"</p>
            <button type="button" class="menu-button" node_ref=menu_button aria-expanded=move || menu_open.get().to_string() aria-controls=MENU_IDS
                on:click=move |_| menu_open.update(|open| *open = !*open)>
                "Menu"
            </button>
            <div id="masthead-menu-views" class=menu_class on:click=move |event| done_in_menu(&event)>
                <button type="button" class="help-button" aria-keyshortcuts="?" on:click=move |_| view.set_help_open(true)>
                    "Shortcuts"
                </button>
                <classroom::TeacherButton/>
                <button
                    type="button"
                    aria-expanded=move || view.messages_open().get().to_string()
                    aria-controls="message-list"
                    on:click=move |_| view.set_messages_open(!view.messages_open().get_untracked())
                >
                    "Messages"
                </button>
                <AcrossButton mode=Mode::Board name="Claims board" keys=""/>
                <AcrossButton mode=Mode::Search name="Search" keys="Control+Shift+F Meta+Shift+F"/>
            </div>
            <toolbar::Toolbar/>
            <toolbar::HistoryButtons/>
            <div id="masthead-menu-files" class=menu_class on:click=move |event| done_in_menu(&event) on:change=move |event| done_in_menu(&event)>
                // Curating begins with files, and sits with them: after the label buttons, which
                // it would push along the row.
                <AcrossButton mode=Mode::Curation name="Curate" keys=""/>
                <toolbar::FileActions panels/>
                <Show when=move || view.locked_labels().with(Option::is_none)>
                    <PartPopover summary="Labels" class="labels-editor" part="the label editor" load=panels draw=|p| (p.labels)()/>
                </Show>
                <PartPopover summary="Settings" class="preferences" part="the settings" load=panels draw=|p| (p.settings)()/>
            </div>
        </header>
    }
}

/// A button to a view across documents (one's own work, or the curation), pressed while it shows.
#[component]
fn AcrossButton(mode: Mode, name: &'static str, keys: &'static str) -> impl IntoView {
    let view = state::view();
    let shown = mode.clone();
    view! {
        <button
            type="button"
            aria-keyshortcuts=(!keys.is_empty()).then_some(keys)
            aria-pressed=move || view.mode().with(|now| *now == shown).to_string()
            on:click=move |_| state::classroom().open_across(mode.clone())
        >
            {name}
        </button>
    }
}
