//! How the reader likes to work: word snapping, theme, text size and reading width, remembered
//! across visits and applied to the whole page through the root element.

use leptos::prelude::*;

use crate::core::work::storage::{ReadingWidth, Settings, Theme, TEXT_SIZE_STEPS};
use crate::ui::browser::persist;
use crate::ui::state::{self, View};

/// Saves the settings whenever they change and applies them to `<html>`, where the stylesheet
/// reads them (`data-theme`, `data-width`, `--text-scale`).
pub fn apply(view: View) {
    Effect::new(move |_| {
        let settings = view.settings().get();
        persist::save_settings(&settings);
        let Some(root) = document().document_element() else {
            return;
        };
        let theme = match settings.theme {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        let _ = root.set_attribute("data-theme", theme);
        let _ = root.set_attribute("data-width", width_name(settings.reading_width));
        if let Some(root) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) {
            let scale = 1.0 + f64::from(settings.text_size) * 0.1;
            let _ = root.style().set_property("--text-scale", &format!("{scale:.1}"));
        }
    });
}

fn width_name(width: ReadingWidth) -> &'static str {
    match width {
        ReadingWidth::Narrow => "narrow",
        ReadingWidth::Normal => "normal",
        ReadingWidth::Wide => "wide",
    }
}

#[component]
pub fn Preferences() -> impl IntoView {
    let view = state::view();
    let settings = view.settings();
    let change = move |edit: fn(Settings, &str) -> Settings| {
        move |event: leptos::ev::Event| view.update_settings(|s| *s = edit(*s, &event_target_value(&event)))
    };
    let theme_options = [(Theme::System, "system", "As the system"), (Theme::Light, "light", "Light"), (Theme::Dark, "dark", "Dark")];
    let width_options = [ReadingWidth::Narrow, ReadingWidth::Normal, ReadingWidth::Wide];
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || settings.with(|s| s.snap_to_words)
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    view.update_settings(|s| s.snap_to_words = on);
                }
            />
            "Snap to words"
        </label>
        <label>
            "Theme"
            <select on:change=change(|s, value| Settings {
                theme: match value { "light" => Theme::Light, "dark" => Theme::Dark, _ => Theme::System },
                ..s
            })>
                {theme_options
                    .into_iter()
                    .map(|(theme, value, name)| view! {
                        <option value=value selected=move || settings.with(|s| s.theme == theme)>{name}</option>
                    })
                    .collect_view()}
            </select>
        </label>
        <label>
            "Reading width"
            <select on:change=change(|s, value| Settings {
                reading_width: match value { "narrow" => ReadingWidth::Narrow, "wide" => ReadingWidth::Wide, _ => ReadingWidth::Normal },
                ..s
            })>
                {width_options
                    .into_iter()
                    .map(|width| view! {
                        <option value=width_name(width) selected=move || settings.with(|s| s.reading_width == width)>
                            {match width { ReadingWidth::Narrow => "Narrow", ReadingWidth::Normal => "Normal", ReadingWidth::Wide => "Wide" }}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
        <div class="text-size" role="group" aria-label="Text size">
            <button
                type="button"
                disabled=move || settings.with(|s| s.text_size <= *TEXT_SIZE_STEPS.start())
                on:click=move |_| view.update_settings(|s| *s = s.resize_text(-1))
            >
                "Smaller text"
            </button>
            <button
                type="button"
                disabled=move || settings.with(|s| s.text_size >= *TEXT_SIZE_STEPS.end())
                on:click=move |_| view.update_settings(|s| *s = s.resize_text(1))
            >
                "Larger text"
            </button>
        </div>
    }
}
