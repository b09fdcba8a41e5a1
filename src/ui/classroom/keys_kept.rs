//! The teacher's say over how answer keys are kept in this browser (`state::Keys`): locked under
//! a passphrase and opened in a tab with it, or kept readable.

use leptos::prelude::*;

use crate::ui::state::{self, KeysHere};

use super::passphrase::PassphraseField;

/// How the answer keys are kept here, and the controls to change it.
#[component]
pub fn KeysKeptHere() -> impl IntoView {
    let keys = state::keys();
    keys.take_charge();
    let passphrase = RwSignal::new(String::new());
    let act = move |unlock: bool| {
        leptos::task::spawn_local(async move {
            let typed = passphrase.get_untracked();
            if unlock {
                keys.unlock(&typed).await;
            } else {
                keys.lock(&typed).await;
            }
            if keys.at_hand() {
                passphrase.set(String::new());
            }
        })
    };
    let said = move || {
        match keys.here() {
        KeysHere::Unchosen => "Answer keys made here are not locked yet. Lock them with a passphrase (Glossa then keeps them encrypted, and asks for the passphrase in each new tab), or choose to keep them readable.",
        KeysHere::Locked => "The answer keys kept here are locked. Type their passphrase to open them in this tab.",
        KeysHere::Unlocked => "The answer keys kept here are locked with your passphrase, and open in this tab until it closes.",
        KeysHere::Readable => "The answer keys are kept readable in this browser's storage.",
    }
    };
    view! {
        <section class="keys-kept" aria-label="Keys kept in this browser">
            <p>{said}</p>
            {move || match keys.here() {
                KeysHere::Unchosen | KeysHere::Readable => view! {
                    <PassphraseField name="Passphrase for the keys kept here" value=passphrase/>
                    <button type="button" disabled=move || keys.busy() on:click=move |_| act(false)>"Lock the keys kept here"</button>
                }.into_any(),
                KeysHere::Locked => view! {
                    <PassphraseField name="Passphrase for the keys kept here" value=passphrase/>
                    <button type="button" disabled=move || keys.busy() on:click=move |_| act(true)>"Unlock the keys"</button>
                }.into_any(),
                KeysHere::Unlocked => ().into_any(),
            }}
            <Show when=move || matches!(keys.here(), KeysHere::Unchosen | KeysHere::Unlocked)>
                <button type="button" on:click=move |_| keys.keep_readable()>"Keep keys readable here"</button>
            </Show>
            <p class="hint" aria-live="polite">{move || keys.busy().then_some("Working out the key from the passphrase…")}</p>
        </section>
    }
}
