//! The teacher view: assignments made here, one at a time: what the class reads and with which
//! labels, the answer key and how it travels, and the class's hand-ins (collected from files,
//! shown as a table, reviewed, returned, and out as a gradebook).
use leptos::prelude::*;

use crate::core::classroom::gradebook::{self, Scale};
use crate::core::classroom::record::KeyTravel;
use crate::core::measures::matching::{Evaluation, Scheme};
use crate::core::model::timestamp;
use crate::ui::browser;
use crate::ui::state;

use super::agreement::ClassAgreementView;
use super::bar::ProjectorButton;
use super::charts;
use super::feedback::SchemeChoice;

/// The teacher view: assignments made here, one at a time.
#[component]
pub fn TeacherView() -> impl IntoView {
    let classroom = state::classroom();
    let chosen = RwSignal::new(classroom.saved.with_untracked(|saved| saved.teaching.last().map(|t| t.assignment.id.clone())));
    let new_assignment = move |_| chosen.set(Some(classroom.new_assignment()));
    let options = move || {
        classroom
            .saved
            .with(|saved| saved.teaching.iter().map(|t| (t.assignment.id.clone(), t.assignment.title.clone())).collect::<Vec<_>>())
    };
    view! {
        <section class="teacher" aria-labelledby="teacher-heading">
            <h1 id="teacher-heading">"Teacher"</h1>
            <p>"Make an assignment, annotate its answer key, export it for the class; collect the work they hand in. Everything travels as files: nothing is sent anywhere."</p>
            <button type="button" on:click=new_assignment>"New assignment"</button>
            <ProjectorButton/>
            <Show when=move || !options().is_empty()>
                <label>
                    "Assignment"
                    <select on:change=move |event| chosen.set(Some(event_target_value(&event)))>
                        {move || options().into_iter().map(|(id, title)| {
                            let selected = { let id = id.clone(); move || chosen.get().as_deref() == Some(id.as_str()) };
                            view! { <option value=id selected=selected>{title}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            {move || chosen.get().map(|id| view! { <AssignmentEditor id/> })}
            <button type="button" on:click=move |_| classroom.leave()>"Back to my own work"</button>
        </section>
    }
}

#[component]
fn AssignmentEditor(id: String) -> impl IntoView {
    let (work, texts, classroom) = (state::work(), state::texts(), state::classroom());
    let teaching = {
        let id = id.clone();
        Memo::new(move |_| classroom.saved.with(|saved| saved.teaching(&id).cloned()))
    };
    let field = move |read: fn(&crate::core::classroom::record::Teaching) -> String| {
        move || teaching.with(|t| t.as_ref().map(read).unwrap_or_default())
    };
    let edit_title = {
        let id = id.clone();
        move |event| {
            let title = event_target_value(&event);
            classroom.edit(&id, |t| t.assignment.title = title.trim().to_owned())
        }
    };
    let edit_instructions = {
        let id = id.clone();
        move |event| {
            let text = event_target_value(&event);
            classroom.edit(&id, |t| t.assignment.instructions = text)
        }
    };
    // Every document here: the bundled articles and the person's own.
    let documents = move || {
        let own: Vec<String> = work.workspace.with(|w| w.library.iter().map(|r| r.id.clone()).collect());
        texts.bundled_ids().into_iter().chain(own).collect::<Vec<_>>()
    };
    let document_boxes = {
        let id = id.clone();
        move || {
            documents()
                .into_iter()
                .map(|document| {
                    let title = work.title(&document).unwrap_or_else(|| document.clone());
                    let included = { let document = document.clone(); move || teaching.with(|t| t.as_ref().is_some_and(|t| t.assignment.documents.iter().any(|d| d.id == document))) };
                    let (id, document) = (id.clone(), document.clone());
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=included on:change=move |event| classroom.set_document(&id, &document, event_target_checked(&event))/>
                            {title}
                        </label>
                    }
                })
                .collect_view()
        }
    };
    // Which of the teacher's labels the class uses; at least one.
    let label_boxes = {
        let id = id.clone();
        move || {
            work.labels
                .get()
                .into_iter()
                .map(|label| {
                    let used = {
                        let label = label.id.clone();
                        move || teaching.with(|t| t.as_ref().is_some_and(|t| t.assignment.labels.iter().any(|l| l.id == label)))
                    };
                    let id = id.clone();
                    let name = format!("Use {}", label.name);
                    let toggle = move |event: leptos::ev::Event| {
                        let on = event_target_checked(&event);
                        let last = teaching.with_untracked(|t| t.as_ref().is_some_and(|t| t.assignment.labels.len() == 1));
                        if !on && last {
                            event_target::<web_sys::HtmlInputElement>(&event).set_checked(true);
                            state::view().say(state::Message::alert("An assignment needs at least one label."));
                            return;
                        }
                        let label = label.clone();
                        classroom.edit(&id, |t| {
                            let labels = &mut t.assignment.labels;
                            if on && !labels.iter().any(|l| l.id == label.id) {
                                labels.push(label);
                            } else if !on {
                                labels.retain(|l| l.id != label.id);
                                t.assignment.attribution_required.retain(|l| *l != label.id);
                            }
                        });
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=used on:change=toggle/>
                            {name}
                        </label>
                    }
                })
                .collect_view()
        }
    };
    let attribution_boxes = {
        let id = id.clone();
        move || {
            teaching
                .with(|t| t.as_ref().map(|t| t.assignment.labels.clone()).unwrap_or_default())
                .into_iter()
                .map(|label| {
                    let required = {
                        let label = label.id.clone();
                        move || teaching.with(|t| t.as_ref().is_some_and(|t| t.assignment.requires_attribution(&label)))
                    };
                    let (id, label_id) = (id.clone(), label.id.clone());
                    let toggle = move |event| {
                        let on = event_target_checked(&event);
                        classroom.edit(&id, |t| {
                            t.assignment.attribution_required.retain(|l| *l != label_id);
                            if on {
                                t.assignment.attribution_required.push(label_id.clone());
                            }
                        })
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=required on:change=toggle/>
                            {format!("{} needs “Attributed to”", label.name)}
                        </label>
                    }
                })
                .collect_view()
        }
    };
    let travel = move || teaching.with(|t| t.as_ref().map(|t| t.key_travel).unwrap_or_default());
    let set_travel = {
        let id = id.clone();
        move |key_travel: KeyTravel| classroom.edit(&id, |t| t.key_travel = key_travel)
    };
    let (include, lock) = (set_travel.clone(), set_travel);
    let passphrase = RwSignal::new(String::new());
    let key_id = id.clone();
    let export_id = id.clone();
    let export = move |_| {
        let id = export_id.clone();
        leptos::task::spawn_local(async move { classroom.export(&id, &passphrase.get_untracked()).await });
    };
    view! {
        <section class="assignment-editor" aria-label="Assignment">
            <label>"Assignment title" <input type="text" prop:value=field(|t| t.assignment.title.clone()) on:change=edit_title/></label>
            <label>"Instructions" <textarea rows="3" prop:value=field(|t| t.assignment.instructions.clone()) on:change=edit_instructions></textarea></label>
            <fieldset>
                <legend>"Documents"</legend>
                {document_boxes}
            </fieldset>
            <fieldset>
                <legend>"Labels (locked for the class)"</legend>
                {label_boxes}
                {attribution_boxes}
            </fieldset>
            <fieldset>
                <legend>"Answer key"</legend>
                <button type="button" on:click=move |_| classroom.annotate_key(&key_id)>"Annotate the key"</button>
                <label class="check">
                    <input type="checkbox" prop:checked=move || travel() != KeyTravel::Kept on:change=move |event| include(if event_target_checked(&event) { KeyTravel::Open } else { KeyTravel::Kept })/>
                    "Include the answer key in the student copy"
                </label>
                <label class="check">
                    <input type="checkbox" disabled=move || travel() == KeyTravel::Kept prop:checked=move || travel() == KeyTravel::Locked on:change=move |event| lock(if event_target_checked(&event) { KeyTravel::Locked } else { KeyTravel::Open })/>
                    "Lock the key with a passphrase"
                </label>
                <Show when=move || travel() == KeyTravel::Locked>
                    <label>"Passphrase for the key" <input type="text" prop:value=move || passphrase.get() on:input=move |event| passphrase.set(event_target_value(&event))/></label>
                </Show>
                <p class="hint">{move || match travel() {
                    KeyTravel::Kept => "The key stays with you: students get no feedback until you return comments.",
                    KeyTravel::Open => "The key travels readable: Glossa shows it only after handing in, but a student who opens the file in another program can read it.",
                    KeyTravel::Locked => "The key travels encrypted: Check my work asks for the passphrase, which you announce when the class may see the key.",
                }}</p>
            </fieldset>
            <button type="button" on:click=export>"Export assignment"</button>
            <Collect id=id.clone()/>
        </section>
    }
}

/// The class's hand-ins: collected from files, shown as a table, and out as a gradebook.
#[component]
fn Collect(id: String) -> impl IntoView {
    let classroom = state::classroom();
    let scheme = RwSignal::new(Scheme::Strict);
    let scale = RwSignal::new(Scale::Hundred);
    let sort = RwSignal::new((String::from("student"), true));
    let collect_id = id.clone();
    let collect = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let files = browser::files(input.files());
        input.set_value("");
        let id = collect_id.clone();
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for file in files {
                read.push((file.name(), browser::read_text(&file).await));
            }
            classroom.collect(&id, read);
        });
    };
    let results_id = id.clone();
    let results = Memo::new(move |_| classroom.results(&results_id));
    let labels = {
        let id = id.clone();
        Memo::new(move |_| classroom.saved.with(|saved| saved.teaching(&id).map(|t| t.assignment.labels.clone()).unwrap_or_default()))
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
    let rows = {
        let id = id.clone();
        move || {
            let scheme = scheme.get();
            let labels = labels.get();
            let mut results = results.get();
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
                    let (open_id, return_id, student, back_student) = (id.clone(), id.clone(), work.student.clone(), work.student.clone());
                    let cells = labels.iter().map(|l| {
                        let figure = evaluation.by_label.get(&l.id).map_or("–".to_owned(), |s| format!("{:.2}", s.figures(scheme).f1));
                        view! { <td>{figure}</td> }
                    }).collect_view();
                    view! {
                        <tr>
                            <th scope="row">{classroom.shown_name(&work.student)}</th>
                            {cells}
                            <td>{format!("{:.2}", evaluation.overall.figures(scheme).f1)}</td>
                            <td>{work.count()}</td>
                            <td>{timestamp::short(&work.handed_in_at)}</td>
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
        let articles = classroom.saved.with(|saved| {
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
            <ClassAgreementView id=id.clone()/>
            {charts}
            <table class="class-results" aria-label="Class results">
                <thead>
                    <tr>
                        {heading("student".to_owned(), "Student".to_owned())}
                        {move || labels.get().into_iter().map(|l| heading(l.id, format!("F1 {}", l.name))).collect_view()}
                        {heading("overall".to_owned(), "F1 overall".to_owned())}
                        {heading("count".to_owned(), "Annotations".to_owned())}
                        {heading("handed_in_at".to_owned(), "Handed in".to_owned())}
                        <th scope="col">"Score"</th>
                        <th scope="col">"Work"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
