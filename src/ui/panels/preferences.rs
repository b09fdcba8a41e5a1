//! How the reader likes to work: word snapping, theme, text size, reading width and the hints of
//! hedges, remembered across visits and applied to the whole page through the root element.

use leptos::prelude::*;

use crate::core::reading::hedges;
use crate::core::work::storage::{ReadingWidth, Settings, Theme, TEXT_SIZE_STEPS};
use crate::ui::browser::persist;
use crate::ui::state::{self, effect, View};

/// The themes, each with its value in the page (`data-theme`); and their names in the settings.
const THEMES: [(Theme, &str); 3] = [(Theme::System, "system"), (Theme::Light, "light"), (Theme::Dark, "dark")];
const THEME_NAMES: [&str; 3] = ["As the system", "Light", "Dark"];
/// The reading widths, each with its value in the page (`data-width`); and their names.
const WIDTHS: [(ReadingWidth, &str); 3] =
    [(ReadingWidth::Narrow, "narrow"), (ReadingWidth::Normal, "normal"), (ReadingWidth::Wide, "wide")];
const WIDTH_NAMES: [&str; 3] = ["Narrow", "Normal", "Wide"];

/// The value in the page of `choice`, one of `choices`.
fn value_of<T: PartialEq>(choices: &[(T, &'static str)], choice: T) -> &'static str {
    choices.iter().find(|(c, _)| *c == choice).map_or("", |(_, value)| value)
}

/// Saves the settings whenever they change and applies them to `<html>`, where the stylesheet
/// reads them (`data-theme`, `data-width`, `--text-scale`).
pub fn apply(view: View) {
    effect(move || {
        let settings = view.settings().get();
        persist::save_settings(&settings);
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = root.set_attribute("data-theme", value_of(&THEMES, settings.theme));
        let _ = root.set_attribute("data-width", value_of(&WIDTHS, settings.reading_width));
        if let Some(root) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) {
            // In tenths, within the steps offered (a size stored otherwise is out of reach), as
            // `assets/first-screen.js` writes it before the app runs; with integers, so that the
            // first screen carries no float formatting.
            let tenths = 10 + i32::from(settings.text_size.clamp(*TEXT_SIZE_STEPS.start(), *TEXT_SIZE_STEPS.end()));
            let _ = root.style().set_property("--text-scale", &format!("{}.{}", tenths / 10, tenths % 10));
        }
    });
}

/// `choices` as the settings offer them: each value in the page with its name.
fn offered<T>(choices: &[(T, &'static str); 3], names: [&'static str; 3]) -> [(&'static str, &'static str); 3] {
    std::array::from_fn(|at| (choices[at].1, names[at]))
}

/// The choice of `choices` whose value in the page is `value`.
fn chosen<T: Copy>(choices: &[(T, &'static str)], value: &str) -> Option<T> {
    choices.iter().find(|(_, v)| *v == value).map(|(choice, _)| *choice)
}

/// A setting chosen from a list: `label` names it, `choices` are the values in the page with
/// their names, `of` reads the value from the settings and `with` sets it (one drawing for every
/// such setting, whatever its type).
#[component]
fn Choice(
    label: &'static str,
    choices: [(&'static str, &'static str); 3],
    of: fn(&Settings) -> &'static str,
    with: fn(&mut Settings, &str),
) -> impl IntoView {
    let view = state::view();
    let settings = view.settings();
    let change = move |event: leptos::ev::Event| view.update_settings(|s| with(s, &event_target_value(&event)));
    view! {
        <label>
            {label}
            <select on:change=change>
                {choices
                    .into_iter()
                    .map(|(value, name)| view! { <option value=value selected=move || settings.with(|s| of(s) == value)>{name}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
pub fn Preferences() -> impl IntoView {
    let view = state::view();
    let settings = view.settings();
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
        <Choice
            label="Theme"
            choices=offered(&THEMES, THEME_NAMES)
            of=|s| value_of(&THEMES, s.theme)
            with=|s, value| s.theme = chosen(&THEMES, value).unwrap_or(s.theme)
        />
        <Choice
            label="Reading width"
            choices=offered(&WIDTHS, WIDTH_NAMES)
            of=|s| value_of(&WIDTHS, s.reading_width)
            with=|s, value| s.reading_width = chosen(&WIDTHS, value).unwrap_or(s.reading_width)
        />
        <HedgeHints/>
        <div class="text-size" role="group" aria-label="Text size">
            <button
                type="button"
                disabled=move || settings.with(|s| s.text_size <= *TEXT_SIZE_STEPS.start())
                on:click=move |_| view.update_settings(|s| s.resize_text(-1))
            >
                "Smaller text"
            </button>
            <button
                type="button"
                disabled=move || settings.with(|s| s.text_size >= *TEXT_SIZE_STEPS.end())
                on:click=move |_| view.update_settings(|s| s.resize_text(1))
            >
                "Larger text"
            </button>
        </div>
    }
}

/// "Show hedges and reporting verbs", and the list of them, one a line; off, and said to be, while
/// the student's assignment forbids them.
#[component]
fn HedgeHints() -> impl IntoView {
    let (view, classroom) = (state::view(), state::classroom());
    let settings = view.settings();
    let forbidden = Memo::new(move |_| classroom.hedges_forbidden());
    // A memo, so the field is set only when the saved list changes, not while it is typed in.
    let listed = Memo::new(move |_| settings.with(|s| hedges::in_use(&s.hedge_words).join("\n")));
    let write = move |event: leptos::ev::Event| match hedges::read_list(&event_target_value(&event)) {
        Ok(words) => {
            let words = if words.iter().map(String::as_str).eq(hedges::DEFAULT_WORDS) { Vec::new() } else { words };
            view.update_settings(|s| s.hedge_words = words);
        }
        Err(why) => {
            event_target::<web_sys::HtmlTextAreaElement>(&event).set_value(&listed.get_untracked());
            view.say(state::Message::alert(why));
        }
    };
    view! {
        <label class="check">
            <input
                type="checkbox"
                disabled=move || forbidden.get()
                aria-describedby="hedges-hint"
                prop:checked=move || settings.with(|s| s.show_hedges) && !forbidden.get()
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    view.update_settings(|s| s.show_hedges = on);
                }
            />
            "Show hedges and reporting verbs"
        </label>
        <p class="hint" id="hedges-hint">{move || match forbidden.get() {
            true => "Your teacher has turned these hints off for this assignment.",
            false => "Underlines words such as “alleged”, “reportedly” and “denies”: how sure a text is, and who says so.",
        }}</p>
        <Show when=move || settings.with(|s| s.show_hedges) && !forbidden.get()>
            <label class="hedge-words">
                "Hedges and reporting verbs"
                <textarea rows="5" title="One a line; a * at the end finds every word it begins (alleg* finds alleged and allegations)" prop:value=move || listed.get() on:change=write></textarea>
            </label>
            <button type="button" on:click=move |_| view.update_settings(|s| s.hedge_words.clear())>"Glossa’s list"</button>
        </Show>
    }
}
