//! Feedback against the answer key: figures per label under a matching scheme, sentences, and each
//! hit, difference, extra and miss as a button that brings its passage into view.
use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::core::classroom::assignment::AssignmentDocument;
use crate::core::classroom::feedback::{self, KindAnswer, Verdict};
use crate::core::measures::fixed;
use crate::core::measures::links::LinkCounts;
use crate::core::measures::matching::{Evaluation, Scheme, Scores};
use crate::core::model::annotation::Annotation;
use crate::core::model::label::{self, Label};
use crate::ui::state::{self, Mode, Reveal};

/// How the work compares with the key: figures per label under the chosen scheme, sentences,
/// and each hit, miss and extra as a button that brings it into view.
#[component]
pub fn Feedback() -> impl IntoView {
    let classroom = state::classroom();
    let scheme = RwSignal::new(Scheme::Fair);
    let compared = Memo::new(move |_| classroom.compared());
    // A memo, like `compared`: the feedback is drawn again when the kinds change, not on every
    // change of the classroom's record (a comment typed beside it).
    let kinds = Memo::new(move |_| classroom.compared_kinds());
    let body = move || {
        let (assignment, key, marked) = compared.get()?;
        let documents: Vec<(&[Annotation], &[Annotation])> = assignment
            .documents
            .iter()
            .map(|d| (key.get(&d.id).map_or(&[][..], Vec::as_slice), marked.get(&d.id).map_or(&[][..], Vec::as_slice)))
            .collect();
        let evaluation = feedback::evaluate(&documents, &assignment.labels);
        let keyed = by_document(&assignment.documents, &key);
        let links = feedback::link_counts(&keyed, &by_document(&assignment.documents, &marked));
        // Said under each scheme now, so that a change of scheme only picks.
        let hint = |label: &str| assignment.hint(label).map(str::to_owned);
        let links_said = feedback::links_in_words(&links);
        let kinds = kinds.get();
        let answers: Vec<KindAnswer> = kinds.iter().map(|(title, chosen, expected)| KindAnswer { title, chosen, expected }).collect();
        let kinds_said = feedback::kinds_in_words(&answers);
        let said = Scheme::ALL.map(|s| {
            let mut said = feedback::sentences(&evaluation, s, &documents, &assignment.labels, hint);
            said.extend(links_said.clone());
            said.extend(kinds_said.clone());
            said
        });
        let sentences = move || {
            let at = Scheme::ALL.iter().position(|s| *s == scheme.get()).unwrap_or_default();
            said[at].iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()
        };
        let mut items = Vec::new();
        for d in &assignment.documents {
            let (key, marked) = (key.get(&d.id).cloned().unwrap_or_default(), marked.get(&d.id).cloned().unwrap_or_default());
            let (marks, missed) = feedback::compare(&key, &marked);
            for (a, mark) in marked.iter().zip(marks) {
                items.push((d.id.clone(), a.clone(), Some(mark)));
            }
            for k in missed {
                items.push((d.id.clone(), k.clone(), None));
            }
        }
        // What the student was sure of and got wrong first, then in text order within each standing.
        items.sort_by_key(|(document, a, mark)| (feedback::listing_rank(*mark, a.unsure), document.clone(), a.start, a.end));
        let labels = assignment.labels.clone();
        Some(view! {
            <Figures evaluation labels=assignment.labels.clone() scheme links/>
            <ul class="sentences">{sentences}</ul>
            <ol class="feedback-items">
                {items.into_iter().map(|(document, annotation, mark)| view! { <FeedbackItem document annotation mark labels=labels.clone()/> }).collect_view()}
            </ol>
        })
    };
    view! {
        <section class="feedback" role="region" aria-label="Feedback">
            <h3>"Feedback"</h3>
            <SchemeChoice scheme/>
            {body}
        </section>
    }
}

/// The annotations of each of `documents` in `side`, by document id.
fn by_document<'a>(documents: &'a [AssignmentDocument], side: &'a BTreeMap<String, Vec<Annotation>>) -> Vec<(&'a str, &'a [Annotation])> {
    documents.iter().map(|d| (d.id.as_str(), side.get(&d.id).map_or(&[][..], Vec::as_slice))).collect()
}

#[component]
pub fn SchemeChoice(scheme: RwSignal<Scheme>) -> impl IntoView {
    let names = [
        (Scheme::Fair, "Fair (best one-to-one): same passage, same label"),
        (Scheme::Strict, "Strict: same passage, same label, in text order"),
        (Scheme::Exact, "Exact: same passage"),
        (Scheme::Partial, "Partial: an overlap counts half"),
        (Scheme::Type, "Type: overlap with the same label"),
    ];
    view! {
        <label>
            "Matching scheme"
            <select on:change=move |event| if let Some(chosen) = Scheme::from_id(&event_target_value(&event)) { scheme.set(chosen) }>
                {names.into_iter().map(|(s, name)| view! { <option value=s.id() selected=move || scheme.get() == s>{name}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// Precision, recall and F1 per label and overall, under `scheme`.
#[component]
fn Figures(evaluation: Evaluation, labels: Vec<Label>, scheme: RwSignal<Scheme>, links: LinkCounts) -> impl IntoView {
    let rows = move || {
        let scheme = scheme.get();
        let row = |name: String, scores: Option<&Scores>| {
            let counts = scores.map(|s| s.counts(scheme)).unwrap_or_default();
            let figures = scores.map(|s| s.figures(scheme));
            let cell = |value: Option<f64>| value.map_or("–".to_owned(), |v| fixed(v, 2));
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{cell(figures.map(|f| f.precision))}</td>
                    <td>{cell(figures.map(|f| f.recall))}</td>
                    <td>{cell(figures.map(|f| f.f1))}</td>
                    <td>{counts.actual()}</td>
                    <td>{counts.possible()}</td>
                </tr>
            }
        };
        let mut all: Vec<_> = labels.iter().map(|l| row(l.name.clone(), evaluation.by_label.get(&l.id))).collect();
        all.push(row("Overall".to_owned(), Some(&evaluation.overall)));
        // The links' row: the same figures, of links matched end to end (one scheme for all).
        let figures = links.figures();
        let linked = view! {
            <tr>
                <th scope="row">"Links"</th>
                <td>{fixed(figures.precision, 2)}</td>
                <td>{fixed(figures.recall, 2)}</td>
                <td>{fixed(figures.f1, 2)}</td>
                <td>{links.marked}</td>
                <td>{links.in_key}</td>
            </tr>
        };
        (all.collect_view(), (links.marked + links.in_key > 0).then_some(linked))
    };
    view! {
        <div class="table-scroll">
        <table class="figures">
            <caption>"Against the key"</caption>
            <thead><tr><th scope="col">"Label"</th><th scope="col">"Precision"</th><th scope="col">"Recall"</th><th scope="col">"F1"</th><th scope="col">"Marked"</th><th scope="col">"In the key"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
        <p class="hint">{feedback::FIGURES_IN_WORDS}</p>
    }
}

/// One hit, difference, extra (an annotation with its `mark`) or miss (`mark` none): a button
/// that selects its passage in the text.
#[component]
fn FeedbackItem(document: String, annotation: Annotation, mark: Option<Verdict>, labels: Vec<Label>) -> impl IntoView {
    let name = label::name_of(&labels, &annotation.label).to_owned();
    let kind = mark.map_or("✗ Missed".to_owned(), |m| format!("{} {}", m.sign(), m.name()));
    let unsure = if mark.is_some() && annotation.unsure { " (unsure)" } else { "" };
    let text = format!("{kind} {name}{unsure}: “{}”", annotation.quote);
    view! {
        <li class="feedback-item">
            <PassageButton document start=annotation.start end=annotation.end>{text}</PassageButton>
        </li>
    }
}

/// A button that opens document `document` and selects `start..end` in it; with `into`, having
/// turned to that mode.
#[component]
pub fn PassageButton(
    document: String,
    start: usize,
    end: usize,
    #[prop(optional)] into: Option<Mode>,
    children: Children,
) -> impl IntoView {
    let (view, classroom) = (state::view(), state::classroom());
    let show = move |_| {
        if let Some(mode) = &into {
            classroom.enter_at(mode.clone(), &document);
        } else if view.open().get_untracked().as_deref() != Some(document.as_str()) {
            view.go_to(&document);
        }
        view.set_reveal(Some((document.clone(), Reveal::Text { start, end, select: true })));
    };
    view! { <button type="button" on:click=show>{children()}</button> }
}
