//! The class's figures drawn: label counts per article, each student's F1 as a dot plot, and
//! each pair's κ as a heat map. Inline SVG drawn here (no chart library); every chart has a
//! sentence that says what it shows and a table of its numbers, and none speaks by colour alone:
//! bars carry their counts, dots their names, cells their values.
use leptos::prelude::*;

use crate::core::measures::fixed;
use crate::core::model::label::Label;
use crate::core::text::offsets::abbreviate;

/// Width of every chart's drawing, in SVG units (it scales to the page).
const WIDTH: f64 = 640.0;
/// Height of one row of a chart.
const ROW: f64 = 22.0;
/// Width of the names on the left of a chart.
const NAMES: f64 = 200.0;

/// A chart as a figure: a title and a sentence, the drawing, and its table for whoever reads
/// tables better (or cannot see the drawing).
fn figure(title: &'static str, summary: String, drawing: AnyView, table: AnyView) -> impl IntoView {
    view! {
        <figure class="chart" aria-label=title>
            <figcaption><strong>{title}</strong> ". " {summary.clone()}</figcaption>
            <div role="img" aria-label=summary>{drawing}</div>
            <details>
                <summary>"The numbers as a table"</summary>
                {table}
            </details>
        </figure>
    }
}

/// Names cut to fit the left column of a chart.
fn short(name: &str) -> String {
    abbreviate(name, 27)
}

/// How many annotations the class made per label in each article: one row per article, one bar
/// per label, each bar with its count written at its end.
pub fn label_counts(articles: Vec<(String, Vec<usize>)>, labels: &[Label]) -> impl IntoView {
    let most = articles.iter().flat_map(|(_, counts)| counts.iter().copied()).max().unwrap_or(0).max(1) as f64;
    let per_article = ROW * labels.len() as f64 + ROW / 2.0;
    let height = per_article * articles.len() as f64;
    // Room after the longest bar for its words ("12 Sanction"), at about 8.5 units a character.
    let words = labels.iter().map(|l| l.name.chars().count()).max().unwrap_or(0) + most.to_string().len() + 1;
    let span = WIDTH - NAMES - 8.5 * words as f64 - 8.0;
    let total: usize = articles.iter().flat_map(|(_, c)| c).sum();
    let (busiest, busiest_count) =
        articles.iter().map(|(title, c)| (title.clone(), c.iter().sum::<usize>())).max_by_key(|(_, n)| *n).unwrap_or_default();
    let summary = format!(
        "{total} annotations in {} article{}; the most, {busiest_count}, in “{busiest}”",
        articles.len(),
        if articles.len() == 1 { "" } else { "s" }
    );
    let bars = articles
        .iter()
        .enumerate()
        .map(|(row, (title, counts))| {
            let top = row as f64 * per_article;
            let bars = counts
                .iter()
                .zip(labels)
                .enumerate()
                .map(|(at, (count, label))| {
                    let y = top + at as f64 * ROW;
                    let width = *count as f64 / most * span;
                    view! {
                        <rect x=NAMES y=y + 3.0 width=width.max(1.0) height=ROW - 6.0 fill=label.color.clone()></rect>
                        <text x=NAMES + width + 4.0 y=y + ROW * 0.7>{format!("{count} {}", label.name)}</text>
                    }
                })
                .collect_view();
            view! { <text x="0" y=top + ROW * 0.7>{short(title)}</text> {bars} }
        })
        .collect_view();
    let drawing = view! {
        <svg viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true" class="chart-drawing">{bars}</svg>
    }
    .into_any();
    let heads = labels.iter().map(|l| view! { <th scope="col">{l.name.clone()}</th> }).collect_view();
    let rows = articles
        .into_iter()
        .map(|(title, counts)| {
            let cells = counts.into_iter().map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{title}</th>{cells}</tr> }
        })
        .collect_view();
    let table = view! {
        <table class="figures" aria-label="Label counts per article">
            <thead><tr><th scope="col">"Article"</th>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any();
    figure("Label counts per article", summary, drawing, table)
}

/// Each student's F1 against the key as a dot on a line from 0 to 1, one row per student.
pub fn f1_dots(students: Vec<(String, f64)>) -> impl IntoView {
    let span = WIDTH - NAMES - 40.0;
    let height = ROW * (students.len() as f64 + 1.0);
    let mut sorted: Vec<f64> = students.iter().map(|(_, f1)| *f1).collect();
    sorted.sort_by(f64::total_cmp);
    let median = match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    };
    let summary = format!(
        "F1 of {} students: median {}, from {} to {}",
        students.len(),
        fixed(median, 2),
        fixed(sorted.first().copied().unwrap_or(0.0), 2),
        fixed(sorted.last().copied().unwrap_or(0.0), 2)
    );
    let ticks = (0..=4)
        .map(|tick| {
            let x = NAMES + span * tick as f64 / 4.0;
            view! {
                <line x1=x x2=x y1="0" y2=height - ROW class="grid"></line>
                <text x=x y=height - 4.0 text-anchor="middle">{fixed(tick as f64 / 4.0, 2)}</text>
            }
        })
        .collect_view();
    let dots = students
        .iter()
        .enumerate()
        .map(|(row, (name, f1))| {
            let y = row as f64 * ROW + ROW / 2.0;
            view! {
                <text x="0" y=y + 5.0>{short(name)}</text>
                <circle cx=NAMES + f1 * span cy=y r="6"></circle>
                <text x=NAMES + f1 * span + 10.0 y=y + 5.0>{fixed(*f1, 2)}</text>
            }
        })
        .collect_view();
    let drawing = view! {
        <svg viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true" class="chart-drawing">{ticks}{dots}</svg>
    }
    .into_any();
    let rows = students.into_iter().map(|(name, f1)| view! { <tr><th scope="row">{name}</th><td>{fixed(f1, 2)}</td></tr> }).collect_view();
    let table = view! {
        <table class="figures" aria-label="F1 per student">
            <thead><tr><th scope="col">"Student"</th><th scope="col">"F1"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any();
    figure("F1 per student", summary, drawing, table)
}

/// Each pair's Cohen's κ in a square of cells, the value written in each and the cell shaded by
/// it (darker, higher).
pub fn kappa_map(students: Vec<String>, pairs: Vec<((usize, usize), Option<f64>)>) -> impl IntoView {
    let n = students.len();
    let value = |i: usize, j: usize| -> Option<f64> {
        let (a, b) = (i.min(j), i.max(j));
        pairs.iter().find(|((x, y), _)| (*x, *y) == (a, b)).and_then(|(_, k)| *k)
    };
    let cell = ((WIDTH - NAMES) / n.max(1) as f64).min(60.0);
    let height = cell * n as f64 + ROW;
    let defined: Vec<(f64, usize, usize)> = pairs.iter().filter_map(|((i, j), k)| k.map(|k| (k, *i, *j))).collect();
    let summary = match (defined.iter().max_by(|a, b| a.0.total_cmp(&b.0)), defined.iter().min_by(|a, b| a.0.total_cmp(&b.0))) {
        (Some(high), Some(low)) => format!(
            "Cohen's κ of {} pairs: highest {} ({} and {}), lowest {} ({} and {})",
            defined.len(),
            fixed(high.0, 2),
            students[high.1],
            students[high.2],
            fixed(low.0, 2),
            students[low.1],
            students[low.2]
        ),
        _ => "No pair's κ is defined".to_owned(),
    };
    // Columns by number, rows by number and name: three letters of names that begin alike
    // ("Student 1", "Student 2") told no one apart.
    let heads = (0..n)
        .map(|j| view! { <text x=NAMES + cell * (j as f64 + 0.5) y=ROW - 6.0 text-anchor="middle">{(j + 1).to_string()}</text> })
        .collect_view();
    let cells = (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .map(|(i, j)| {
            let (x, y) = (NAMES + cell * j as f64, ROW + cell * i as f64);
            let (shade, written) = match (i == j, value(i, j)) {
                (true, _) => (0.0, "—".to_owned()),
                (false, Some(k)) => (k.clamp(0.0, 1.0) * 60.0, fixed(k, 2)),
                (false, None) => (0.0, "n/a".to_owned()),
            };
            view! {
                <rect x=x y=y width=cell height=cell class="heat" style:fill=format!("color-mix(in srgb, var(--accent) {shade:.0}%, var(--surface))")></rect>
                <text x=x + cell / 2.0 y=y + cell / 2.0 + 5.0 text-anchor="middle">{written}</text>
            }
        })
        .collect_view();
    let names = students
        .iter()
        .enumerate()
        .map(|(i, name)| view! { <text x="0" y=ROW + cell * (i as f64 + 0.5) + 5.0>{format!("{} {}", i + 1, short(name))}</text> })
        .collect_view();
    let drawing = view! {
        <svg viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true" class="chart-drawing">{heads}{names}{cells}</svg>
    }
    .into_any();
    let heads = students.iter().map(|s| view! { <th scope="col">{s.clone()}</th> }).collect_view();
    let rows = (0..n)
        .map(|i| {
            let cells = (0..n)
                .map(|j| view! { <td>{if i == j { "—".to_owned() } else { value(i, j).map_or("n/a".to_owned(), |k| fixed(k, 2)) }}</td> })
                .collect_view();
            view! { <tr><th scope="row">{students[i].clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let table = view! {
        <table class="figures" aria-label="Cohen's κ of each pair">
            <thead><tr><td></td>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any();
    figure("Cohen's κ of each pair", summary, drawing, table)
}
