//! How much a class agrees, in figures and words, and the passages it disagrees on most.
use leptos::prelude::*;

use crate::core::classroom::figures::ClassAgreement;
use crate::core::measures::agreement::{describe, landis_koch};
use crate::core::measures::fixed;
use crate::core::text::offsets::abbreviate;
use crate::ui::state::{self, Mode};

use super::charts;
use super::feedback::PassageButton;

/// How much the class agrees: Fleiss' κ, Krippendorff's α and the mean of the pairs' Cohen's κ,
/// per label and over all labels, each with its words; the pairs' κ; and the passages the class
/// disagrees on most, each opening the text there.
#[component]
pub fn ClassAgreementView(id: String) -> impl IntoView {
    let classroom = state::classroom();
    let assignment = id.clone();
    let agreement = Memo::new(move |_| classroom.agreement(&id));
    move || {
        let assignment = assignment.clone();
        let ClassAgreement { students, rows, pair_f1, disagreements } = (*agreement.get()?).clone();
        let said = |value: Option<f64>| {
            value.map_or("undefined (everyone gave one value everywhere)".to_owned(), |v| format!("{}: {}", fixed(v, 2), landis_koch(v)))
        };
        let mean = |pairs: &[((usize, usize), Option<f64>)]| {
            let defined: Vec<f64> = pairs.iter().filter_map(|(_, k)| *k).collect();
            (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
        };
        let all = rows.last().map(|(_, a)| a.clone());
        let pairs = all.map(|a| a.cohen).unwrap_or_default();
        let shown: Vec<String> = students.iter().map(|s| classroom.shown_name(s)).collect();
        let heat_map = charts::kappa_map(shown, pairs.clone());
        let pair_rows = pairs
            .into_iter()
            .zip(pair_f1)
            .map(|(((i, j), kappa), (_, f1))| {
                let pair = format!("{} and {}", classroom.shown_name(&students[i]), classroom.shown_name(&students[j]));
                view! { <tr><th scope="row">{pair}</th><td>{said(kappa)}</td><td>{fixed(f1, 2)}</td></tr> }
            })
            .collect_view();
        let rows = rows
            .into_iter()
            .map(|(name, a)| {
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td>{said(a.fleiss)}</td>
                        <td>{said(a.alpha)}</td>
                        <td>{said(mean(&a.cohen))}</td>
                        <td>{a.gamma.map_or_else(|| "undefined (no spans, or too many to align here)".to_owned(), |g| said(Some(g)))}</td>
                    </tr>
                }
            })
            .collect_view();
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
                let described = describe(&p.by_label, p.nothing, students.len());
                let text = format!("“{}” — {described}", abbreviate(&p.quote, 60));
                view! { <li><PassageButton document=p.document start=p.start end=p.end text into=Mode::Discussion(assignment.clone())/></li> }
            })
            .collect_view();
        let discuss = move |_| classroom.enter_at(Mode::Discussion(assignment.clone()), &first);
        Some(view! {
            <button type="button" on:click=discuss>"Open the class discussion"</button>
            <table class="figures" aria-label="Agreement">
                <caption>"How much the class agrees: κ and α character by character, γ on the spans themselves (Landis and Koch's words)"</caption>
                <thead><tr><th scope="col">"Label"</th><th scope="col">"Fleiss' κ"</th><th scope="col">"Krippendorff's α"</th><th scope="col">"Cohen's κ, mean of pairs"</th><th scope="col">"Mathet's γ"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <table class="figures" aria-label="Pairs">
                <caption>"Each pair of students, all labels: Cohen's κ, and F1 (fair) of one's work against the other's"</caption>
                <thead><tr><th scope="col">"Students"</th><th scope="col">"Cohen's κ"</th><th scope="col">"F1 (fair)"</th></tr></thead>
                <tbody>{pair_rows}</tbody>
            </table>
            {heat_map}
            <section class="disagreement" role="region" aria-label="Disagreement">
                <h3>"Where the class disagrees most"</h3>
                <ol>{passages}</ol>
            </section>
        })
    }
}
