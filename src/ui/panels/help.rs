//! The list of every shortcut, opened with `?`.

use leptos::html;
use leptos::prelude::*;

use crate::ui::browser::platform::KeyNames;
use crate::ui::panels::on_demand::fetched;
use crate::ui::state::{self, effect, Load, Panels};

/// The dialog of shortcuts: its frame at once, its list from the part that draws it.
#[component]
pub fn ShortcutHelp(panels: Load<Panels>) -> impl IntoView {
    let view = state::view();
    let help_open = view.help_open();
    let close_button = NodeRef::<html::Button>::new();
    // Focus goes into the dialog when it opens, so Escape, Tab and Enter act there.
    effect(move || {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    move || {
        help_open.get().then(|| {
            view! {
                <div class="help-backdrop">
                    <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
                        <h2 id="help-title">"Keyboard shortcuts"</h2>
                        {fetched("the list of shortcuts", panels, |p| (p.shortcuts)(), false, false)}
                        <button type="button" node_ref=close_button on:click=move |_| view.set_help_open(false)>
                            "Close"
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// Every shortcut, with the keys of this platform and of the labels in use.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let work = state::work();
    let label_keys = move || {
        work.labels_in_use()
            .into_iter()
            .filter(|l| !l.key.is_empty())
            .map(|l| {
                let meaning = l.explanation().map(|said| view! { <span class="label-meaning">{said}</span> });
                view! { <li><kbd>{l.key}</kbd> " label the selection " {l.name.clone()} " (or relabel the selected annotation)" {meaning}</li> }
            })
            .collect_view()
    };
    let keys = KeyNames::here();
    let undo = format!("{}+Z", keys.command);
    let find = format!("{}+F", keys.command);
    view! {
        <h3>"In the article (focus it with Tab)"</h3>
        <ul>
            <li><kbd>"←"</kbd> " " <kbd>"→"</kbd> " move the cursor by a character; with " <kbd>{keys.word}</kbd> " by a word"</li>
            <li><kbd>"↑"</kbd> " " <kbd>"↓"</kbd> " move to the previous or next line"</li>
            <li><kbd>{keys.line_start}</kbd> " " <kbd>{keys.line_end}</kbd> " move to the start or end of the line"</li>
            <li><kbd>{keys.text_start}</kbd> " " <kbd>{keys.text_end}</kbd> " move to the start or end of the article"</li>
            <li><kbd>"Shift"</kbd> " with any of these extends the selection"</li>
            <li><kbd>"]"</kbd> " " <kbd>"["</kbd> " or " <kbd>"Tab"</kbd> " " <kbd>"Shift+Tab"</kbd> " select the next or previous highlight"</li>
            <li><kbd>"Enter"</kbd> " edit the selected highlight's note"</li>
        </ul>
        <h3>"Anywhere"</h3>
        <ul>
            {label_keys}
            <li><kbd>"Delete"</kbd> " remove the selected annotation"</li>
            <li><kbd>"U"</kbd> " mark the selected annotation unsure, or sure again"</li>
            <li><kbd>"Escape"</kbd> " let go of the selection"</li>
            <li><kbd>{undo.clone()}</kbd> " undo; " <kbd>{keys.redo}</kbd> " redo"</li>
            <li><kbd>{find.clone()}</kbd> " find in the article; " <kbd>{format!("{}+Shift+F", keys.command)}</kbd> " search every document"</li>
            <li><kbd>"?"</kbd> " show this list"</li>
        </ul>
        <h3>"On a suggestion or a curation's conflict"</h3>
        <ul>
            <li><kbd>"Enter"</kbd> " accept the focused suggestion; " <kbd>"Delete"</kbd> " reject it"</li>
            <li><kbd>"↓"</kbd> " or " <kbd>"N"</kbd> ", " <kbd>"↑"</kbd> " or " <kbd>"P"</kbd> " the next or previous conflict"</li>
            <li><kbd>"A"</kbd> " accept every version of the conflict; " <kbd>"Delete"</kbd> " reject them all"</li>
        </ul>
    }
}
