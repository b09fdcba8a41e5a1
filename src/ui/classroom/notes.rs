//! A teacher's returned comments on their passages, in the article a student reads: under the
//! paragraph each passage begins in, a note that quotes the passage, says the comment and, pressed,
//! selects the passage in the text (the list in the assignment bar goes to each one too).
use leptos::prelude::*;

use crate::core::classroom::hand_in::Comment;
use crate::core::text::offsets::abbreviate;
use crate::ui::state::{self, Mode};
use crate::ui::{browser::article, browser::selection};

/// The comments returned on document `document_id` of the assignment the student is working on,
/// tracked; none outside one.
pub fn returned_comments(document_id: String) -> Memo<Vec<Comment>> {
    let (view, classroom) = (state::view(), state::classroom());
    Memo::new(move |_| {
        let Mode::Student(id) = view.mode().get() else { return Vec::new() };
        classroom.with_record(|saved| {
            let Some(taking) = saved.taking(&id) else { return Vec::new() };
            let on_this = |c: &&Comment| c.document == document_id && !c.is_on_the_whole_work() && !c.text.trim().is_empty();
            taking.comments.iter().filter(on_this).cloned().collect()
        })
    })
}

/// The notes of the comments whose passages begin in the paragraph `start..end`.
#[component]
pub fn CommentNotes(comments: Memo<Vec<Comment>>, start: usize, end: usize) -> impl IntoView {
    move || {
        comments.with(|comments| {
            let notes: Vec<_> = comments
                .iter()
                .filter(|c| c.start >= start && c.start < end)
                .map(|c| {
                    let name = format!("Comment: {} (on “{}”)", c.text, abbreviate(&c.quote, 60));
                    view! {
                        <li>
                            <button type="button" class="comment-note" aria-label=name on:click=selecting(c.start, c.end) on:keydown=|event| event.stop_propagation()>
                                <q>{abbreviate(&c.quote, 60)}</q>
                                " "
                                {c.text.clone()}
                            </button>
                        </li>
                    }
                })
                .collect();
            (!notes.is_empty()).then(|| view! { <ul class="comment-notes" aria-label="Comments from your teacher here">{notes}</ul> })
        })
    }
}

/// A click that selects `from..to` of the article: not a click on a highlight, so the
/// article's own click handler stays out.
pub fn selecting(from: usize, to: usize) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
    move |event: leptos::ev::MouseEvent| {
        event.stop_propagation();
        if let Some(article) = article::element() {
            selection::select_offsets(&article, from, to);
        }
    }
}
