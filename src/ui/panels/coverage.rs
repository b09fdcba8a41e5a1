//! Who reported what: the coverage of the articles (`core::reading::coverage`) as a table named
//! **Coverage**, a row per claim and a column per article, each stance a button that opens its
//! passage; printed with the board's print rules, and downloaded as CSV.
use leptos::prelude::*;

use crate::core::exchange::formats::csv;
use crate::core::model::annotation::Annotation;
use crate::core::reading::coverage::{cell_words, coverage, Row, NOT_MENTIONED};
use crate::core::text::offsets::abbreviate;
use crate::ui::classroom::PassageButton;
use crate::ui::state::{self, Mode};

/// The file the coverage downloads as.
const FILE_NAME: &str = "glossa-coverage.csv";

/// A cell: each stance with who, opening its passage; or that the article does not mention it.
fn cell_view(document: &str, row: &Row, column: usize) -> AnyView {
    let cell = &row.cells[column];
    if cell.is_empty() {
        return view! { <td class="not-mentioned">{NOT_MENTIONED}</td> }.into_any();
    }
    let items = cell
        .iter()
        .map(|saying| {
            let a = saying.annotation;
            let words = saying.stance.words(saying.who.trim());
            view! { <li><PassageButton document=document.to_owned() start=a.start end=a.end text=words into=Mode::Reading/></li> }
        })
        .collect_view();
    view! { <td class=format!("stance {}", cell[0].stance.name())><ul>{items}</ul></td> }.into_any()
}

/// The coverage of the reader's own work across every document here.
#[component]
pub fn CoverageTable() -> impl IntoView {
    let (view, work) = (state::view(), state::work());
    let titles = move || work.titles();
    let download = move |_| {
        let titles = titles();
        let csv = work.with_workspace(|w| {
            let listed: Vec<(&str, &[Annotation])> = titles.iter().map(|(id, _)| (id.as_str(), w.annotations(id))).collect();
            let names: Vec<&str> = titles.iter().map(|(_, title)| title.as_str()).collect();
            csv::write_coverage(&names, &coverage(&listed))
        });
        view.offer_download(FILE_NAME, "text/csv;charset=utf-8", csv.as_bytes(), "The coverage");
    };
    let table = move || {
        let titles = titles();
        work.with_workspace(|w| {
            let listed: Vec<(&str, &[Annotation])> = titles.iter().map(|(id, _)| (id.as_str(), w.annotations(id))).collect();
            let rows = coverage(&listed);
            let caption = format!(
                "{} claim{} across {} articles: what each article does with each",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
                titles.len()
            );
            let head = titles.iter().map(|(_, title)| view! { <th scope="col">{title.clone()}</th> }).collect_view();
            let body = rows
                .iter()
                .map(|row| {
                    let cells = titles.iter().enumerate().map(|(column, (document, _))| cell_view(document, row, column)).collect_view();
                    let summary: Vec<String> = row.cells.iter().map(|c| cell_words(c)).collect();
                    view! {
                        <tr title=summary.join(" | ")>
                            <th scope="row">{format!("“{}”", abbreviate(row.claim, 90))}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            let empty = rows.is_empty().then(|| view! { <p class="hint">"No claim yet: label claims in the articles, link each denial to the claim it denies, and the coverage fills in."</p> });
            view! {
                <div class="table-scroll">
                    <table class="coverage" aria-label="Coverage">
                        <caption>{caption}</caption>
                        <thead><tr><th scope="col">"Claim"</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {empty}
            }
        })
    };
    view! {
        <p class="hint">"Each claim you marked, and what each article does with it: asserts it in its own voice, attributes it to someone, denies it through someone, or does not mention it. A claim linked to another, or in the same words, is one row. Choose a stance to read its passage."</p>
        <button type="button" class="coverage-download" on:click=download>"Download coverage (CSV)"</button>
        {table}
    }
}
