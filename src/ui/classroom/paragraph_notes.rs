//! What the classroom draws under a paragraph of the article in its modes: the class's band in a
//! discussion (`discussion`), and the comments returned to a student (`notes`).
use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::state::NotesUnder;

use super::discussion::{class_map, ClassBand};
use super::notes::{returned_comments, CommentNotes};

/// What the classroom draws under each paragraph of the article on `document_id`.
pub fn notes_under(document_id: String) -> NotesUnder {
    let band = class_map(document_id.clone());
    let comments = returned_comments(document_id);
    Arc::new(move |start, end, number| {
        let band = band.map(|map| view! { <ClassBand map start end number/> });
        view! { {band} <CommentNotes comments start end/> }.into_any()
    })
}
