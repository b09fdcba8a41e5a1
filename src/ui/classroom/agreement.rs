//! How much a class agrees: in one sentence, the passages it disagrees on most, and behind
//! **Agreement in detail** the figures, each student against the others and, when asked for,
//! every pair.
use leptos::prelude::*;

use crate::core::classroom::figures::{self, ClassAgreement};
use crate::core::measures::agreement::{describe, landis_koch, Agreement};
use crate::core::measures::fixed;
use crate::core::measures::gamma::{Gamma, Undefined};
use crate::core::text::offsets::abbreviate;
use crate::ui::state::{self, Mode};

use super::charts;
use super::feedback::PassageButton;

/// How much the class agrees: a sentence to read aloud, the passages the class disagrees on most
/// (each opening the text there), and in detail Fleiss' κ, Krippendorff's α, the mean of the
/// pairs' Cohen's κ and Mathet's γ per label and over all labels, each with its words; each
/// student against the others; every pair only when opened.
#[component]
pub fn ClassAgreementView(id: String) -> impl IntoView {
    let classroom = state::classroom();
    let assignment = id.clone();
    let agreement = Memo::new(move |_| classroom.agreement(&id));
    // Every pair is k² cells: drawn only once asked for.
    let every_pair_open = RwSignal::new(false);
    move || {
        let assignment = assignment.clone();
        let ClassAgreement { students, rows, pair_f1, disagreements } = (*agreement.get()?).clone();
        let in_words = figures::agreement_in_words(&rows);
        let all = rows.last().map(|(_, a)| a.clone());
        let pairs = all.map(|a| a.cohen).unwrap_or_default();
        let each_student = each_student(&students, &pairs, &pair_f1);
        let people = students.len();
        let pair_count = pairs.len();
        let every_pair = move || every_pair_open.get().then(|| every_pair(&students, pairs.clone(), pair_f1.clone()));
        let gamma_of = assignment.clone();
        let rows = figure_rows(rows, move |row| classroom.gamma(&gamma_of).get(row).copied().flatten());
        // Opened where the class disagrees most, or at the assignment's first text.
        let first = disagreements.first().map(|p| p.document.clone()).unwrap_or_else(|| {
            untrack(|| {
                classroom.with_record(|saved| {
                    saved.teaching(&assignment).and_then(|t| t.assignment.documents.first().map(|d| d.id.clone())).unwrap_or_default()
                })
            })
        });
        let passages = disagreements
            .into_iter()
            .take(10)
            .map(|p| {
                let described = describe(&p.by_label, p.nothing, people);
                let text = format!("“{}” — {described}", abbreviate(&p.quote, 60));
                view! { <li><PassageButton document=p.document start=p.start end=p.end into=Mode::Discussion(assignment.clone())>{text}</PassageButton></li> }
            })
            .collect_view();
        let discuss = move |_| classroom.enter_at_top(Mode::Discussion(assignment.clone()), &first);
        Some(view! {
            <section class="class-agreement" aria-labelledby="class-agreement-heading">
                <h3 id="class-agreement-heading">"How much the class agrees"</h3>
                <p class="agreement-in-words">{in_words}</p>
                <button type="button" on:click=discuss>"Open the class discussion"</button>
                <section class="disagreement" role="region" aria-label="Disagreement">
                    <h4>"Where the class disagrees most"</h4>
                    <ol>{passages}</ol>
                </section>
                <details class="agreement-detail">
                    <summary>"Agreement in detail"</summary>
                    <table class="figures" aria-label="Agreement">
                        <caption>"κ and α character by character, γ on the spans themselves (Landis and Koch's words)"</caption>
                        <thead><tr><th scope="col">"Label"</th><th scope="col">"Fleiss' κ"</th><th scope="col">"Krippendorff's α"</th><th scope="col">"Cohen's κ, mean of pairs"</th><th scope="col">"Mathet's γ"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <table class="figures" aria-label="Each student against the others">
                        <caption>"Each student against the others, all labels: the mean of their pairs' Cohen's κ and F1 (fair)"</caption>
                        <thead><tr><th scope="col">"Student"</th><th scope="col">"Cohen's κ, mean"</th><th scope="col">"F1 (fair), mean"</th></tr></thead>
                        <tbody>{each_student}</tbody>
                    </table>
                    <details class="every-pair" on:toggle=move |event| every_pair_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
                        <summary>{format!("Every pair ({pair_count})")}</summary>
                        {every_pair}
                    </details>
                </details>
            </section>
        })
    }
}

/// A row of figures for each label and for all labels: Fleiss' κ, Krippendorff's α, the mean of
/// the pairs' Cohen's κ, and Mathet's γ of the row as `gamma` gives it (filled in as each is
/// computed, without drawing the rest again).
pub(super) fn figure_rows(
    rows: Vec<(String, Agreement)>,
    gamma: impl Fn(usize) -> Option<Result<Gamma, Undefined>> + Clone + Send + Sync + 'static,
) -> impl IntoView {
    rows.into_iter()
        .enumerate()
        .map(|(row, (name, a))| {
            let gamma = gamma.clone();
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{said(a.fleiss)}</td>
                    <td>{said(a.alpha)}</td>
                    <td>{said(mean(a.cohen.iter().filter_map(|(_, k)| *k)))}</td>
                    <td>{move || gamma_said(gamma(row))}</td>
                </tr>
            }
        })
        .collect_view()
}

/// Mathet's γ as the table says it: its value and words, approximate or not, or why there is none.
fn gamma_said(gamma: Option<Result<Gamma, Undefined>>) -> String {
    match gamma {
        None => "being computed…".to_owned(),
        Some(Err(why)) => why.to_string(),
        Some(Ok(g)) => match g.approximate() {
            Some(note) => format!("≈ {} ({note})", said(Some(g.gamma))),
            None => said(Some(g.gamma)),
        },
    }
}

/// A κ or α with Landis and Koch's words, or why it has none.
pub(super) fn said(value: Option<f64>) -> String {
    value.map_or("undefined (everyone gave one value everywhere)".to_owned(), |v| format!("{}: {}", fixed(v, 2), landis_koch(v)))
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / count as f64)
}

/// One row per student: the mean of the κ and the F1 of every pair they are in (k rows, where
/// the pairs are k²).
fn each_student(students: &[String], pairs: &[((usize, usize), Option<f64>)], pair_f1: &[((usize, usize), f64)]) -> impl IntoView {
    let classroom = state::classroom();
    (0..students.len())
        .map(|i| {
            let kappa = mean(pairs.iter().filter(|((a, b), _)| *a == i || *b == i).filter_map(|(_, k)| *k));
            let f1 = mean(pair_f1.iter().filter(|((a, b), _)| *a == i || *b == i).map(|(_, f1)| *f1));
            view! {
                <tr>
                    <th scope="row">{classroom.shown_name(&students[i])}</th>
                    <td>{said(kappa)}</td>
                    <td>{f1.map_or("–".to_owned(), |f1| fixed(f1, 2))}</td>
                </tr>
            }
        })
        .collect_view()
}

/// Every pair's κ and F1 as a table, and their κ as a heat map.
fn every_pair(students: &[String], pairs: Vec<((usize, usize), Option<f64>)>, pair_f1: Vec<((usize, usize), f64)>) -> impl IntoView {
    let classroom = state::classroom();
    let shown: Vec<String> = students.iter().map(|s| classroom.shown_name(s)).collect();
    let pair_rows = pairs
        .iter()
        .zip(pair_f1)
        .map(|(((i, j), kappa), (_, f1))| {
            let pair = format!("{} and {}", shown[*i], shown[*j]);
            view! { <tr><th scope="row">{pair}</th><td>{said(*kappa)}</td><td>{fixed(f1, 2)}</td></tr> }
        })
        .collect_view();
    view! {
        <table class="figures" aria-label="Pairs">
            <caption>"Each pair of students, all labels: Cohen's κ, and F1 (fair) of one's work against the other's"</caption>
            <thead><tr><th scope="col">"Students"</th><th scope="col">"Cohen's κ"</th><th scope="col">"F1 (fair)"</th></tr></thead>
            <tbody>{pair_rows}</tbody>
        </table>
        {charts::kappa_map(shown, pairs)}
    }
}
