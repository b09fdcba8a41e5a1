//! The platform's keys: a Mac's or an iPad's keyboard does with Option and Cmd what others do
//! with Ctrl, Home and End. Named here for the article's cursor, the shortcut list and the
//! article's description for screen readers.

use leptos::prelude::*;

/// Whether the keyboard is a Mac's or an iPad's (which calls itself a Mac when it asks for
/// desktop sites): Option and Cmd do there what Ctrl, Home and End do elsewhere.
pub fn apple() -> bool {
    thread_local! {
        static APPLE: bool = window().navigator().platform().is_ok_and(|p| p.starts_with("Mac") || p.starts_with("iP"));
    }
    APPLE.with(|apple| *apple)
}

/// The names of the platform's keys, as the shortcut list shows them.
pub struct KeyNames {
    /// Held with an arrow to move by word.
    pub word: &'static str,
    /// Held with Z, F and the rest.
    pub command: &'static str,
    pub line_start: &'static str,
    pub line_end: &'static str,
    pub text_start: &'static str,
    pub text_end: &'static str,
    pub redo: &'static str,
}

impl KeyNames {
    pub fn here() -> KeyNames {
        if apple() {
            KeyNames {
                word: "Option",
                command: "Cmd",
                line_start: "Cmd+←",
                line_end: "Cmd+→",
                text_start: "Cmd+↑",
                text_end: "Cmd+↓",
                redo: "Cmd+Shift+Z",
            }
        } else {
            KeyNames {
                word: "Ctrl",
                command: "Ctrl",
                line_start: "Home",
                line_end: "End",
                text_start: "Ctrl+Home",
                text_end: "Ctrl+End",
                redo: "Ctrl+Shift+Z",
            }
        }
    }
}
