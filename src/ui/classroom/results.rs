//! The class's hand-ins: collected from files, shown as a table (sortable, each row opening the
//! student's work or returning comments), charted, and out as a gradebook and a class report.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::classroom::assignment::Kinds;
use crate::core::classroom::feedback::{self, KindAnswer};
use crate::core::classroom::gradebook::{self, Scale};
use crate::core::classroom::hand_in::{self, HandIn};
use crate::core::measures::fixed;
use crate::core::measures::matching::{Evaluation, Scheme};
use crate::core::model::timestamp;
use crate::ui::browser;
use crate::ui::state;

use super::agreement::ClassAgreementView;
use super::charts;
use super::feedback::SchemeChoice;

/// The class's hand-ins: collected from files, shown as a table, and out as a gradebook.
#[component]
pub(super) fn Collect(id: String) -> impl IntoView {
    let classroom = state::classroom();
    let scheme = RwSignal::new(Scheme::Fair);
    let scale = RwSignal::new(Scale::Hundred);
    let sort = RwSignal::new((String::from("student"), true));
    let collect_id = id.clone();
    let collect = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let files = browser::files(input.files());
        input.set_value("");
        let id = collect_id.clone();
        leptos::task::spawn_local(async move { classroom.collect(&id, browser::read_texts(files).await) });
    };
    let results_id = id.clone();
    let results = Memo::new(move |_| classroom.results(&results_id));
    let labels = {
        let id = id.clone();
        Memo::new(move |_| classroom.with_record(|saved| saved.teaching(&id).map(|t| t.assignment.labels.clone()).unwrap_or_default()))
    };
    // A column heading that sorts the table by its column, and again the other way.
    let heading = move |key: String, name: String| {
        let shown = key.clone();
        let sorted = move || {
            sort.with(|(by, up)| {
                if *by == shown {
                    if *up {
                        "ascending"
                    } else {
                        "descending"
                    }
                } else {
                    "none"
                }
            })
        };
        let toggle = move |_| {
            sort.update(|(by, up)| {
                if *by == key {
                    *up = !*up;
                } else {
                    by.clone_from(&key);
                    *up = true;
                }
            })
        };
        view! {
            <th scope="col" aria-sort=sorted>
                <button type="button" on:click=toggle>{name}</button>
            </th>
        }
    };
    // The kinds of text the key gives, when the assignment asks for them: a column of their own.
    let kinds_asked = {
        let id = id.clone();
        Memo::new(move |_| classroom.with_record(|saved| saved.teaching(&id).map(|t| t.assignment.key_kinds())).unwrap_or_default())
    };
    let kinds_of = move |work: &HandIn| {
        kinds_asked.with(|asked| {
            let answers: Vec<KindAnswer> = work
                .documents
                .iter()
                .filter_map(|d| Some(KindAnswer { title: "", chosen: &d.kind, expected: asked.get(&d.id)? }))
                .collect();
            feedback::kinds_score(&answers)
        })
    };
    // Whether the key gives any kind of source: then a column says how often each student agreed.
    let sources_given = {
        let id = id.clone();
        Memo::new(move |_| classroom.key_gives_sources(&id))
    };
    let rows = {
        let id = id.clone();
        move || {
            let scheme = scheme.get();
            let labels = labels.get();
            let mut results = results.get().to_vec();
            let flags = flags(&results);
            // Each student's links' F1 and sureness, in words.
            let beyond = classroom.beyond_spans(&id);
            let standing = |work: &HandIn| match beyond.iter().find(|(student, ..)| *student == work.student) {
                Some((_, sureness, links, (compared, agreeing))) => {
                    let sources = if *compared == 0 { "–".to_owned() } else { format!("{agreeing}/{compared}") };
                    (fixed(links.figures().f1, 2), sureness.in_words(), sources)
                }
                None => ("–".to_owned(), String::new(), "–".to_owned()),
            };
            let (by, up) = sort.get();
            let f1 = |e: &Evaluation, label: &str| e.by_label.get(label).map_or(0.0, |s| s.figures(scheme).f1);
            results.sort_by(|(a, ea), (b, eb)| {
                let order = match by.as_str() {
                    // By the names shown: on the projector, the order of real names would give them away.
                    "student" => classroom.shown_name(&a.student).to_lowercase().cmp(&classroom.shown_name(&b.student).to_lowercase()),
                    "handed_in_at" => a.handed_in_at.cmp(&b.handed_in_at),
                    "count" => a.count().cmp(&b.count()),
                    "overall" => ea.overall.figures(scheme).f1.total_cmp(&eb.overall.figures(scheme).f1),
                    label => f1(ea, label).total_cmp(&f1(eb, label)),
                };
                if up {
                    order
                } else {
                    order.reverse()
                }
            });
            results
                .into_iter()
                .map(|(work, evaluation)| {
                    let (links, sureness, sources) = standing(&work);
                    let flags = flags.iter().find(|(student, _)| *student == work.student).map(|(_, flags)| flags.clone()).unwrap_or_default();
                    let (open_id, return_id, student, back_student) = (id.clone(), id.clone(), work.student.clone(), work.student.clone());
                    let cells = labels.iter().map(|l| {
                        let figure = evaluation.by_label.get(&l.id).map_or("–".to_owned(), |s| fixed(s.figures(scheme).f1, 2));
                        view! { <td>{figure}</td> }
                    }).collect_view();
                    view! {
                        <tr data-student=work.student.clone()>
                            <th scope="row">{classroom.shown_name(&work.student)}</th>
                            {cells}
                            <td>{fixed(evaluation.overall.figures(scheme).f1, 2)}</td>
                            <td>{work.count()}</td>
                            <td>
                                <CountedHandIn id=id.clone() student=work.student.clone() counted=work.handed_in_at.clone()/>
                                {flags.into_iter().map(|flag| view! { " " <strong class="flag">{flag}</strong> }).collect_view()}
                            </td>
                            {(!kinds_asked.with(Kinds::is_empty)).then(|| view! { <td class="kinds">{kinds_of(&work)}</td> })}
                            <td class="links">{links}</td>
                            <td class="sureness">{sureness}</td>
                            {sources_given.get().then(|| view! { <td class="sources">{sources}</td> })}
                            <td>{format!("{:.1}", gradebook::score(&evaluation, scheme, scale.get()))}</td>
                            <td>
                                <button type="button" on:click=move |_| classroom.review(&open_id, &student)>"Open"</button>
                                <button type="button" on:click=move |_| classroom.return_to(&return_id, &back_student)>"Return to student"</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    // Back from a student's hand-in, their row: on screen, its Open focused.
    if let Some(student) = classroom.take_reviewed() {
        request_animation_frame(move || {
            let rows = browser::elements(&document().document_element().expect("a page has a root"), "tr[data-student]");
            let Some(row) = rows.into_iter().find(|row| row.get_attribute("data-student").as_deref() == Some(student.as_str())) else {
                return;
            };
            browser::scroll_into_view(&row, web_sys::ScrollLogicalPosition::Center);
            if let Some(open) = row.query_selector("button").ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = open.focus();
            }
        });
    }
    let gradebook_id = id.clone();
    let report_id = id.clone();
    let charts_id = id.clone();
    let charts = move || {
        let results = results.get();
        if results.is_empty() {
            return None;
        }
        let (scheme, labels) = (scheme.get(), labels.get());
        let students = results.iter().map(|(w, e)| (classroom.shown_name(&w.student), e.overall.figures(scheme).f1)).collect();
        let articles = classroom.with_record(|saved| {
            let teaching = saved.teaching(&charts_id)?;
            let count = |document: &str, label: &str| -> usize {
                teaching.collected.iter().map(|w| w.annotations(document).iter().filter(|a| a.label == label).count()).sum()
            };
            Some(
                teaching
                    .assignment
                    .documents
                    .iter()
                    .map(|d| (d.title.clone(), labels.iter().map(|l| count(&d.id, &l.id)).collect()))
                    .collect(),
            )
        })?;
        Some(view! { <div class="charts">{charts::label_counts(articles, &labels)}{charts::f1_dots(students)}</div> })
    };
    view! {
        <section class="collect" aria-label="The class's work">
            <label class="file-button">
                "Collect work"
                <input type="file" multiple accept=".json,application/json" on:change=collect/>
            </label>
            <SchemeChoice scheme/>
            <label>
                "Score out of"
                <select on:change=move |event| scale.set(if event_target_value(&event) == "10" { Scale::Ten } else { Scale::Hundred })>
                    <option value="100">"100"</option>
                    <option value="10">"10"</option>
                </select>
            </label>
            <button type="button" on:click=move |_| classroom.gradebook(&gradebook_id, scheme.get_untracked(), scale.get_untracked())>"Gradebook CSV"</button>
            <button type="button" on:click=move |_| classroom.class_report(&report_id, scheme.get_untracked())>"Export class report"</button>
            <div class="table-scroll">
            <table class="class-results" aria-label="Class results">
                <thead>
                    <tr>
                        {heading("student".to_owned(), "Student".to_owned())}
                        {move || labels.get().into_iter().map(|l| heading(l.id, format!("F1 {}", l.name))).collect_view()}
                        {heading("overall".to_owned(), "F1 overall".to_owned())}
                        {heading("count".to_owned(), "Annotations".to_owned())}
                        {heading("handed_in_at".to_owned(), "Handed in".to_owned())}
                        {move || (!kinds_asked.with(Kinds::is_empty)).then(|| view! { <th scope="col" class="kinds" title="The texts whose kind each student chose as the key does, of those the key gives">"Kinds"</th> })}
                        <th scope="col" class="links" title="Links that join the passages the key's links join, with the same labels and relation">"F1 links"</th>
                        <th scope="col" class="sureness" title="Of what each student was sure of, and of what they marked unsure, how much the key has as marked">"Sureness"</th>
                        {move || sources_given.get().then(|| view! { <th scope="col" class="sources" title="Of the kinds of source the key gives, on passages each student marked with the key's label, how many the student gave alike">"Sources"</th> })}
                        <th scope="col">"Score"</th>
                        <th scope="col">"Work"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            {charts}
            <ClassAgreementView id=id.clone()/>
        </section>
    }
}

/// What a teacher should know of each student's counted hand-in beyond its figures, by student:
/// made after the key was seen, dated after it was collected, or sharing annotations (and so
/// a browser, or a copy) with another student's.
fn flags(results: &[(HandIn, Evaluation)]) -> Vec<(String, Vec<String>)> {
    let classroom = state::classroom();
    let class: Vec<&HandIn> = results.iter().map(|(work, _)| work).collect();
    let shared = hand_in::shared_annotations(&class);
    let now = browser::now();
    class
        .iter()
        .zip(shared)
        .map(|(work, shared)| {
            let mut flags = Vec::new();
            if work.key_seen_at.is_some() {
                flags.push("after the key".to_owned());
            }
            if work.dated_in_the_future(&now) {
                flags.push("dated in the future".to_owned());
            }
            for (other, count) in shared {
                let annotations = if count == 1 { "annotation" } else { "annotations" };
                flags.push(format!("shares {count} {annotations} with {}", classroom.shown_name(&class[other].student)));
            }
            (work.student.clone(), flags)
        })
        .collect()
}

/// When the counted hand-in of `student` was handed in; with several, how many, and a choice of
/// the one that counts.
#[component]
fn CountedHandIn(id: String, student: String, counted: String) -> impl IntoView {
    let classroom = state::classroom();
    move || {
        let times = classroom.hand_in_times(&id, &student);
        if times.len() < 2 {
            return view! { {timestamp::short(&counted)} }.into_any();
        }
        let count = times.len();
        let name = format!("Counted hand-in of {}", classroom.shown_name(&student));
        let (id, student) = (id.clone(), student.clone());
        let choose = move |event| classroom.count_hand_in(&id, &student, &event_target_value(&event));
        view! {
            <select aria-label=name on:change=choose>
                {times.into_iter().map(|at| {
                    let selected = at == counted;
                    view! { <option value=at.clone() selected=selected>{timestamp::to_the_second(&at)}</option> }
                }).collect_view()}
            </select>
            " " <strong class="flag">{format!("{count} hand-ins")}</strong>
        }
        .into_any()
    }
}
