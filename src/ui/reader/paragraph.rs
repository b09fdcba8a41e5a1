//! A paragraph of the article, drawn as runs of text: a run covered by the same annotations
//! throughout is one element, its highlight tinted by the first label and underlined once per
//! layer, so overlapping and nested spans stay readable; with feedback, each says how it compares
//! with the key.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::model::document::Document;
use crate::core::model::label;
use crate::core::reading::runs::{split_into_runs, LayeredSpan, Mark, Run};
use crate::core::text::offsets::abbreviate;
use crate::ui::state::{self, Compared};

/// How annotations compare with an answer key, by annotation id, while feedback is shown.
pub(super) type Feedback = Option<Arc<Compared>>;
/// What one paragraph shows: its annotation spans, search matches and feedback.
pub(super) type ParagraphMarks = (Vec<LayeredSpan>, Vec<(usize, usize)>, Feedback);
/// Height of one underline layer, in CSS pixels.
const UNDERLINE_PX: usize = 3;

#[component]
pub(super) fn ParagraphView(document: Arc<Document>, index: usize, share: RwSignal<ParagraphMarks>) -> impl IntoView {
    let start = document.paragraphs[index].start;
    let runs = move || {
        let paragraph = &document.paragraphs[index];
        share.with(|(spans, matches, _)| split_into_runs(document.paragraph_text(paragraph), paragraph.start, spans, matches))
    };
    view! {
        <p id=format!("p-{start}") data-paragraph=index>
            {move || {
                let feedback = share.with(|(_, _, feedback)| feedback.clone());
                runs().into_iter().map(|run| view! { <RunView run feedback=feedback.clone()/> }).collect_view()
            }}
        </p>
    }
}

/// One run of text. A highlight is drawn once, from the labels as they are when it renders:
/// a document holds thousands, so none of them follows a signal (the article renders again when
/// labels are edited, and the selected highlight is marked by `mark_selected`).
#[component]
fn RunView(run: Run, feedback: Feedback) -> impl IntoView {
    let Run { start, end, text, marks, found, opening } = run;
    if marks.is_empty() {
        return view! { <span data-start=start data-end=end class:found=found>{text}</span> }.into_any();
    }
    let work = state::work();
    // A mark's label name, with how it compares with the key when feedback is shown (in words
    // and a sign, never by colour alone).
    let missed_passage = |mark: &Mark| feedback.as_ref().is_some_and(|f| f.missed.contains(&mark.annotation_id));
    let name = |mark: &Mark| -> String {
        let mut name = work.with_labels_in_use(|labels| label::name_of(labels, &mark.label).to_owned());
        if mark.unsure {
            name.push_str(" (unsure)");
        }
        if missed_passage(mark) {
            return format!("✗ Missed: {name}");
        }
        match feedback.as_ref().and_then(|f| f.verdicts.get(&mark.annotation_id)) {
            Some(compared) => format!("{name} {} {}", compared.sign(), compared.name()),
            None => name,
        }
    };
    // What a mark links to: " → denies “Iran shipped…”" (few highlights link, so the lookup is rare).
    let linked = |mark: &Mark, keep: usize| -> String {
        mark.links
            .iter()
            .map(|link| {
                let quote = untrack(|| work.with_workspace(|w| w.find(&link.to).map(|(_, a)| abbreviate(&a.quote, keep))));
                format!(" → {} “{}”", link.relation.words(), quote.unwrap_or_else(|| "(deleted)".to_owned()))
            })
            .collect()
    };
    // What each label here means, after what the marks are: the tooltip a pointer brings, and the
    // description a screen reader reads, begin with the names.
    let meanings: Vec<String> = work.with_labels_in_use(|labels| {
        let mut meant: Vec<String> = Vec::new();
        for mark in &marks {
            let defined = label::find(labels, &mark.label).filter(|l| !l.definition.is_empty());
            if let Some(explained) = defined.map(|l| format!("{}: {}", l.name, l.definition)) {
                if !meant.contains(&explained) {
                    meant.push(explained);
                }
            }
        }
        meant
    });
    let title = std::iter::once(marks.iter().map(|m| name(m) + &linked(m, 80)).collect::<Vec<_>>().join(", "))
        .chain(meanings)
        .collect::<Vec<_>>()
        .join("\n");
    // The names of the labels that begin here are drawn before the text (by CSS, from this
    // attribute, so they are never part of the text a selection or a copy takes).
    let tags = (!opening.is_empty()).then(|| opening.iter().map(|m| name(m) + &linked(m, 24)).collect::<Vec<_>>().join(" · "));
    let missed = marks.iter().all(|mark| missed_passage(mark));
    let unsure = marks.iter().any(|mark| mark.unsure);
    let tint = work.with_labels_in_use(|labels| label::find(labels, &marks[0].label).map(|l| tint(&l.color)));
    let ids = marks.iter().map(|m| m.annotation_id.as_str()).collect::<Vec<_>>().join(" ");
    view! {
        <mark
            data-start=start
            data-end=end
            data-annotations=ids
            data-tags=tags
            title=title
            class:found=found
            class:missed=missed
            class:unsure=unsure
            style:background-color=tint
            style:box-shadow=work.with_labels_in_use(|labels| underlines(&marks, labels))
            style:padding-bottom=format!("{}px", depth(&marks) * UNDERLINE_PX)
        >
            {text}
        </mark>
    }
    .into_any()
}

fn depth(marks: &[Arc<Mark>]) -> usize {
    marks.iter().map(|m| m.layer + 1).max().unwrap_or(0)
}

/// One band of colour per layer under the text, nearest layer first; layers this run does not
/// use stay the colour of the page, so every span keeps its band along its whole length.
fn underlines(marks: &[Arc<Mark>], labels: &[label::Label]) -> String {
    (0..depth(marks))
        .map(|layer| {
            let color = marks
                .iter()
                .find(|m| m.layer == layer)
                .and_then(|m| label::find(labels, &m.label).map(|l| l.color.clone()))
                .unwrap_or_else(|| "var(--paper)".to_owned());
            format!("inset 0 -{}px 0 {color}", (layer + 1) * UNDERLINE_PX)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn tint(color: &str) -> String {
    format!("color-mix(in srgb, {color} 14%, transparent)")
}
