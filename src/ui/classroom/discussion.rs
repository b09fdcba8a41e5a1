//! The disagreement map of a class discussion: under each paragraph, a band that shows, stretch
//! by stretch, how many students marked it and with which labels.
use leptos::prelude::*;

use crate::core::classroom::figures::Passage;
use crate::core::measures::agreement::{describe, tally};
use crate::core::model::label::Label;
use crate::core::text::offsets::abbreviate;
use crate::ui::state::{self, Mode};

use super::notes::selecting;

/// How the class marked one document: every stretch, the assignment's labels, how many students.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassMap {
    passages: Vec<Passage>,
    labels: Vec<Label>,
    students: usize,
}

/// The class map of document `document_id`, tracked; `None` outside a class discussion, so that
/// reading subscribes nothing.
pub fn class_map(document_id: String) -> Option<Memo<Option<ClassMap>>> {
    let (view, classroom) = (state::view(), state::classroom());
    let discussing = view.mode().with_untracked(|mode| matches!(mode, Mode::Discussion(_)));
    discussing.then(|| {
        Memo::new(move |_| {
            let Mode::Discussion(id) = view.mode().get() else { return None };
            let mut map = classroom.disagreement_map(&id)?;
            let labels = classroom.current()?.labels;
            Some(ClassMap { passages: map.passages.remove(&document_id).unwrap_or_default(), labels, students: map.students })
        })
    })
}

/// The band under paragraph `number` (`start..end`): one stretch per run of equal marking, as
/// wide as its text is long, stacked with its labels' colours as high as their share of the
/// class; a stretch someone marked is a button that says the counts and selects its text.
#[component]
pub fn ClassBand(map: Memo<Option<ClassMap>>, start: usize, end: usize, number: usize) -> impl IntoView {
    move || {
        map.with(|map| {
            let map = map.as_ref()?;
            let segments = map
                .passages
                .iter()
                .filter(|p| p.start >= start && p.start < end)
                .map(|p| {
                    let (from, to) = (p.start, p.end.min(end));
                    let grow = (to - from).to_string();
                    if p.nothing == map.students {
                        return view! { <span class="gap" style:flex-grow=grow></span> }.into_any();
                    }
                    let quote = abbreviate(&p.quote, 60);
                    let disputed = p.spread > 0.0;
                    let said = format!("“{quote}” — {}", describe(&p.by_label, p.nothing, map.students));
                    let select = selecting(from, to);
                    view! {
                        <button
                            type="button"
                            class="stretch"
                            class:disputed=disputed
                            style:flex-grow=grow
                            style:background-image=stack(p, &map.labels, map.students)
                            aria-label=said.clone()
                            title=said
                            on:click=select
                            on:keydown=|event| event.stop_propagation()
                        ></button>
                    }
                    .into_any()
                })
                .collect_view();
            // Each disputed stretch's counts as words under the band: a tooltip reaches neither a
            // projector nor a finger.
            let counts = map
                .passages
                .iter()
                .filter(|p| p.start >= start && p.start < end && p.spread > 0.0)
                .map(|p| view! { <li><q>{abbreviate(&p.quote, 40)}</q> " " {tally(&p.by_label, p.nothing)}</li> })
                .collect_view();
            Some(view! {
                <div class="class-band" role="group" aria-label=format!("How the class marked paragraph {number}")>{segments}</div>
                <ul class="band-counts" aria-label=format!("Disputed in paragraph {number}")>{counts}</ul>
            })
        })
    }
}

/// The stretch's labels as bands stacked from the bottom, each as high as the share of the class
/// that gave it (a student may give several, so the stack is scaled to fit).
fn stack(passage: &Passage, labels: &[Label], students: usize) -> String {
    let given: usize = passage.by_label.iter().map(|(_, n)| n).sum();
    let scale = 100.0 / given.max(students).max(1) as f64;
    let mut at = 0.0;
    let mut stops = Vec::new();
    for ((_, count), label) in passage.by_label.iter().zip(labels).filter(|((_, n), _)| *n > 0) {
        let top = at + *count as f64 * scale;
        stops.push(format!("{} {at:.1}% {top:.1}%", label.color));
        at = top;
    }
    stops.push(format!("transparent {at:.1}%"));
    format!("linear-gradient(to top, {})", stops.join(", "))
}
