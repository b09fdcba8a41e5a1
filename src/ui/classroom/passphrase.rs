//! The field a key's passphrase is typed in: masked, shown only on request, and never on a
//! projector (projector mode masks it again and disables the request).

use leptos::prelude::*;

use crate::ui::state;

/// A masked field for `value` named `name`, with a button that shows what was typed.
#[component]
pub fn PassphraseField(name: &'static str, value: RwSignal<String>) -> impl IntoView {
    let classroom = state::classroom();
    let asked = RwSignal::new(false);
    let shown = move || asked.get() && !classroom.projector();
    view! {
        <span class="passphrase">
            <label>
                {name}
                <input
                    type=move || if shown() { "text" } else { "password" }
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
            </label>
            <button
                type="button"
                aria-pressed=move || shown().to_string()
                disabled=move || classroom.projector()
                on:click=move |_| asked.update(|asked| *asked = !*asked)
            >
                "Show passphrase"
            </button>
        </span>
    }
}
