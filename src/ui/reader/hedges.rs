//! The hints of hedges and reporting verbs in the open article: found in its text once per word
//! list (`core::reading::hedges`) and painted over it (`painted`) until the hints are turned off,
//! forbidden, or the article closes. A part of their own, fetched when first turned on.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::model::document::Document;
use crate::core::reading::hedges;
use crate::ui::state::{self, Hints, Load};

use super::painted::{paint_when_wanted, paint_while};

/// Whether the reader's settings ask for the hints, and the assignment does not forbid them.
fn wanted() -> bool {
    state::view().settings().with(|s| s.show_hedges) && !state::classroom().hedges_forbidden()
}

/// Paints the hints over `document`'s article while the reader's settings ask for them and the
/// assignment does not forbid them.
pub fn hint_hedges(document: Arc<Document>) {
    let settings = state::view().settings();
    let words = Memo::new(move |_| wanted().then(|| settings.with(|s| hedges::in_use(&s.hedge_words))));
    let found = Memo::new(move |_| words.with(|words| words.as_ref().map(|words| Arc::new(hedges::find(&document.text, words)))));
    paint_while("hedge", found, "hedges and reporting verbs underlined");
}

/// Paints the hints over `document`'s article once they are first wanted, having fetched their part.
pub(super) fn hint_when_wanted(document: Arc<Document>, hints: Load<Hints>) {
    paint_when_wanted(document, wanted, hints, |hint| hint, "the hints of hedges and reporting verbs");
}
