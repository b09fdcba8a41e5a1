//! The label buttons, and export and import of the work.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::exchange::formats::Format;
use crate::core::text::offsets::OffsetUnit;
use crate::ui::browser::{self, address, listen};
use crate::ui::panels::on_demand::fetched;
use crate::ui::state::{self, Exchange, Load, Message, Panels, View};

/// Places a label's meaning under its button from the button's left edge (the stylesheet's way),
/// or from its right edge where that would pass the right edge of the screen.
fn place_tip(event: &web_sys::Event) {
    if let Some(control) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        browser::flip_inside_the_screen(&control, ".label-tip", "from-right", browser::Edge::Right);
    }
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let (view, work) = (state::view(), state::work());
    let idle = move || view.pending().with(Option::is_none) && view.selected().with(Option::is_none);
    let buttons = move || {
        work.labels_in_use()
            .into_iter()
            .map(|label| {
                let id = label.id.clone();
                let key = (!label.key.is_empty()).then(|| label.key.clone());
                let hint = key.clone().map(|key| view! { <kbd aria-hidden="true">{key}</kbd> });
                // What the label means, shown while the button is pointed at or focused (the
                // wrapper takes the pointer: a disabled button gets no events) and read with it.
                let tip_id = format!("label-tip-{}", label.id);
                let explained = label.explained();
                let described = explained.is_some().then(|| tip_id.clone());
                let tip = explained.map(|said| view! { <span class="label-tip" role="tooltip" id=tip_id>{said}</span> });
                view! {
                    <span class="label-control" on:mouseenter=|event| place_tip(&event) on:focusin=|event| place_tip(&event)>
                        <button
                            type="button"
                            class="label-button"
                            aria-keyshortcuts=key
                            aria-describedby=described
                            disabled=idle
                            // Keep the text selection: a click must not collapse what it labels.
                            on:mousedown=|event| event.prevent_default()
                            on:click=move |_| work.apply_label(&id)
                        >
                            <span class="swatch" style:background-color=label.color></span>
                            {label.name}
                            {hint}
                        </button>
                        {tip}
                    </span>
                }
            })
            .collect_view()
    };
    let hint = move || match (view.pending().get(), view.selected().get()) {
        (Some(_), _) => "Label the selection:",
        (None, Some(_)) => "Change the label:",
        (None, None) => "Select text to label it.",
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Labels">
            <span class="hint">{hint}</span>
            {buttons}
        </div>
    }
}

#[component]
pub fn HistoryButtons() -> impl IntoView {
    let work = state::work();
    let next_undo = move || work.next_step(true).map(|step| format!("Undo: {step}"));
    let next_redo = move || work.next_step(false).map(|step| format!("Redo: {step}"));
    view! {
        <div class="history" role="group" aria-label="History">
            {history_button("Undo", "Control+Z", next_undo, move || work.undo())}
            {history_button("Redo", "Control+Shift+Z Control+Y", next_redo, move || work.redo())}
        </div>
    }
}

/// A button that steps through the history; its title says what the step is, and it is
/// disabled when there is none.
fn history_button(
    name: &'static str,
    keys: &'static str,
    next: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
    walk: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            aria-keyshortcuts=keys
            title=next
            disabled=move || next().is_none()
            on:mousedown=|event| event.prevent_default()
            on:click=move |_| walk()
        >
            {name}
        </button>
    }
}

/// The files Import JSON and Import as suggestions offer to choose: those of
/// `core::exchange::import::FILE_ENDINGS`, and their media types.
const IMPORTABLE: &str = ".json,.jsonl,.jsonld,application/json,application/ld+json";

/// Reads the file chosen in the input `event` came from, then runs `then` on its name and text;
/// a file that cannot be read is said, after `nothing` ("Nothing was imported").
fn read_chosen<F: std::future::Future<Output = ()> + 'static>(
    event: &leptos::ev::Event,
    nothing: &'static str,
    then: impl FnOnce(String, String) -> F + 'static,
) {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    let name = file.name();
    let view = state::view();
    leptos::task::spawn_local(async move {
        match browser::read_text(&file).await {
            Ok(contents) => then(name, contents).await,
            Err(problem) => view.say(Message::alert(format!("{nothing} from “{name}”: {problem}."))),
        }
    });
}

#[component]
pub fn FileActions(
    /// The part that draws the export choices, when **Export** is first pressed.
    panels: Load<Panels>,
) -> impl IntoView {
    let (view, exchange) = (state::view(), state::exchange());
    // Set in the export choices; the plain **Export JSON** keeps to it too.
    let only_open = RwSignal::new(false);
    // The dataset tools, which a student never needs, fold behind one **Export** button, and
    // come from their part the first time it is pressed (then stay, hidden while it is closed).
    let export_open = RwSignal::new(false);
    let opened = RwSignal::new(false);
    let export_button = NodeRef::<leptos::html::Button>::new();
    let export_menu = NodeRef::<leptos::html::Div>::new();
    // A click anywhere else closes it: it floats over the page, and must not stay over the text.
    listen::on_window(leptos::ev::click, move |event: leptos::ev::MouseEvent| {
        // By the path the click took, not where its target is now: a button in the menu may be
        // gone by the time the click reaches the window ("Try again" gives way to what it brought).
        let inside = |menu: web_sys::HtmlDivElement| event.composed_path().includes(&menu, 0);
        if export_open.get_untracked() && !export_menu.get_untracked().is_some_and(inside) {
            export_open.set(false);
        }
    });
    let close_on_escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            // The masthead's own Escape (which closes the phone's Menu) waits for the next one.
            event.stop_propagation();
            export_open.set(false);
            if let Some(button) = export_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let import_json = move |event: leptos::ev::Event| {
        read_chosen(&event, "Nothing was imported", move |name, contents| async move { exchange.import(&name, &contents).await });
    };
    // The part makes them under this owner, whose context holds the state.
    let owner = Owner::current();
    let import_suggestions = move |event: leptos::ev::Event| {
        let owner = owner.clone();
        read_chosen(&event, "No suggestions were made", move |name, contents| async move {
            if let (Some(tools), Some(owner)) = (exchange.suggestion_tools().await, owner) {
                owner.with(|| (tools.from_file)(name, contents));
            }
        });
    };
    view! {
        <div class="file-actions">
            <button type="button" on:click=move |_| export(view, exchange, Format::GlossaJson, only_open)>"Export JSON"</button>
            <div class="export-menu" node_ref=export_menu on:keydown=close_on_escape>
                <button
                    type="button"
                    node_ref=export_button
                    aria-expanded=move || export_open.get().to_string()
                    aria-controls="export-items"
                    on:click=move |_| {
                        opened.set(true);
                        export_open.update(|open| *open = !*open);
                    }
                >
                    "Export"
                </button>
                <div id="export-items" class="export-items" role="group" aria-label="Export for dataset tools" hidden=move || !export_open.get()>
                    {move || opened.get().then(|| {
                        fetched("the export choices", panels, move |panels: Panels| (panels.export_choices)(only_open), false, false)
                    })}
                </div>
            </div>
            <label class="import">
                "Import JSON"
                <input type="file" accept=IMPORTABLE on:change=import_json/>
            </label>
            <label class="import">
                "Import as suggestions"
                <input type="file" accept=IMPORTABLE on:change=import_suggestions/>
            </label>
            // For a teacher to pass on (a shared drive, a USB stick); opened from that file, it is the app already.
            {(!address::opened_from_a_file()).then(|| view! {
                <a class="file-button" href="glossa.html" download="glossa.html">"Download Glossa as one file"</a>
            })}
        </div>
    }
}

/// Downloads the work in `format`: every document's, or only the open one's when `only_open`.
fn export(view: View, exchange: Exchange, format: Format, only_open: RwSignal<bool>) {
    let only = only_open.get_untracked().then(|| view.open().get_untracked()).flatten();
    exchange.download(format, only);
}

/// The export for dataset tools, as **Export** opens it: the format, the unit of offsets in
/// doccano and Label Studio files, only the open document (`only_open`), and the download.
#[component]
pub fn ExportChoices(only_open: RwSignal<bool>) -> impl IntoView {
    let (view, exchange) = (state::view(), state::exchange());
    let chosen = RwSignal::new(Format::GlossaJson);
    view! {
        <label class="export-format">
            "Export format"
            <select on:change=move |event| {
                if let Some(format) = Format::from_id(&event_target_value(&event)) {
                    chosen.set(format);
                }
            }>
                {Format::ALL
                    .into_iter()
                    .map(|format| view! { <option value=format.id() selected=move || chosen.get() == format>{format.name()}</option> })
                    .collect_view()}
            </select>
        </label>
        <label class="offset-unit">
            "Offsets in doccano and Label Studio files"
            <select on:change=move |event| {
                if let Some(unit) = OffsetUnit::from_id(&event_target_value(&event)) {
                    view.update_settings(|s| s.offsets = unit);
                }
            }>
                {OffsetUnit::ALL
                    .into_iter()
                    .map(|unit| {
                        view! { <option value=unit.id() selected=move || view.settings().with(|s| s.offsets == unit)>{unit.name()}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
        <label class="only-open">
            <input
                type="checkbox"
                prop:checked=move || only_open.get()
                disabled=move || view.open().with(Option::is_none)
                on:change=move |event| only_open.set(event_target_checked(&event))
            />
            "Only the open document"
        </label>
        <button type="button" on:click=move |_| export(view, exchange, chosen.get_untracked(), only_open)>"Download export"</button>
    }
}
