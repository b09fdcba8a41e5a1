//! Who reported what: the coverage of a set of articles (`core::reading::coverage`) as a table
//! named **Coverage**, a row per claim and a column per article, each stance a button that opens
//! its passage; printed, and downloaded as CSV. The claims board draws it over one's own work;
//! the class discussion draws it over the key, each cell with how many students saw it.
use leptos::prelude::*;

use crate::core::exchange::formats::csv;
use crate::core::model::annotation::Annotation;
use crate::core::reading::coverage::{cell_words, coverage, seen_by, seen_words, Row, NOT_MENTIONED};
use crate::core::text::offsets::abbreviate;
use crate::ui::state::{self, ClassWork, Mode};

use super::feedback::PassageButton;

/// The file the coverage downloads as.
const FILE_NAME: &str = "glossa-coverage.csv";

/// What a coverage is drawn from: the documents (id and title) in order, the annotations of each
/// (one's own, or the key's), and for a class, each student's by document.
#[derive(Clone, Debug, Default, PartialEq)]
struct Sources {
    documents: Vec<(String, String)>,
    annotations: Vec<Vec<Annotation>>,
    class: Option<Vec<Vec<Vec<Annotation>>>>,
}

impl Sources {
    /// The coverage's rows, with how many of the class saw each cell when drawn for one.
    fn draw<T>(&self, then: impl FnOnce(&[Row], Option<(&[Vec<usize>], usize)>) -> T) -> T {
        let listed: Vec<(&str, &[Annotation])> =
            self.documents.iter().zip(&self.annotations).map(|((id, _), a)| (id.as_str(), &a[..])).collect();
        let rows = coverage(&listed);
        match &self.class {
            Some(class) => {
                let students: Vec<Vec<&[Annotation]>> = class.iter().map(|work| work.iter().map(Vec::as_slice).collect()).collect();
                let seen = seen_by(&rows, &students);
                then(&rows, Some((&seen, class.len())))
            }
            None => then(&rows, None),
        }
    }
}

/// A cell: each stance with who, opening its passage (and how many saw it, for a class); or that
/// the article does not mention it.
fn cell_view(document: &str, row: &Row, column: usize, seen: Option<(&[Vec<usize>], usize)>, at: usize) -> AnyView {
    let cell = &row.cells[column];
    if cell.is_empty() {
        return view! { <td class="not-mentioned">{NOT_MENTIONED}</td> }.into_any();
    }
    let items = cell
        .iter()
        .map(|saying| {
            let a = saying.annotation;
            let words = saying.stance.words(saying.who.trim());
            view! { <li><PassageButton document=document.to_owned() start=a.start end=a.end into=Mode::Reading>{words}</PassageButton></li> }
        })
        .collect_view();
    let seen = seen.map(|(seen, students)| view! { <small class="seen">{seen_words(seen[at][column], students)}</small> });
    view! { <td class=format!("stance {}", cell[0].stance.name())><ul>{items}</ul>{seen}</td> }.into_any()
}

/// The coverage of one's own work across every document here, or with `class` (an assignment's
/// id), of its key across its documents, counted for the class that handed in.
#[component]
pub fn CoverageTable(#[prop(optional, into)] class: Option<String>) -> impl IntoView {
    let (view, work, classroom) = (state::view(), state::work(), state::classroom());
    let sources = Memo::new(move |_| match &class {
        Some(id) => classroom
            .class_coverage(id)
            .map(|ClassWork { documents, mut key, students }| Sources {
                annotations: documents.iter().map(|(id, _)| key.remove(id).unwrap_or_default()).collect(),
                class: Some(
                    students
                        .into_iter()
                        .map(|mut work| documents.iter().map(|(id, _)| work.remove(id).unwrap_or_default()).collect())
                        .collect(),
                ),
                documents,
            })
            .unwrap_or_default(),
        None => {
            let documents = work.titles();
            let annotations = work.with_workspace(|w| documents.iter().map(|(id, _)| w.annotations(id).to_vec()).collect());
            Sources { documents, annotations, class: None }
        }
    });
    let download = move |_| {
        let csv = sources.with_untracked(|s| {
            let titles: Vec<&str> = s.documents.iter().map(|(_, title)| title.as_str()).collect();
            s.draw(|rows, seen| csv::write_coverage(&titles, rows, seen))
        });
        view.offer_download(FILE_NAME, "text/csv;charset=utf-8", csv.as_bytes(), "The coverage");
    };
    let table = move || {
        sources.with(|s| {
            s.draw(|rows, seen| {
                let caption = format!(
                    "{} claim{} across {} articles: what each article does with each{}",
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" },
                    s.documents.len(),
                    seen.map_or(String::new(), |(_, students)| format!(", and how many of the {students} students saw it")),
                );
                let head = s.documents.iter().map(|(_, title)| view! { <th scope="col">{title.clone()}</th> }).collect_view();
                let body = rows
                    .iter()
                    .enumerate()
                    .map(|(at, row)| {
                        let cells = s.documents.iter().enumerate().map(|(column, (document, _))| cell_view(document, row, column, seen, at)).collect_view();
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
        })
    };
    view! {
        <p class="hint">"Each claim, and what each article does with it: asserts it in its own voice, attributes it to someone, denies it through someone, or does not mention it. A claim linked to another, or in the same words, is one row. Choose a stance to read its passage."</p>
        <button type="button" class="coverage-download" on:click=download>"Download coverage (CSV)"</button>
        {table}
    }
}
