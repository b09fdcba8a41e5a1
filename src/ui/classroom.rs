//! The classroom's components: the teacher view (making an assignment, its key, collecting the
//! class's hand-ins), the assignment bar a student works under (name, hand in, check my work),
//! and the feedback against the key that both see.

use leptos::prelude::*;

use crate::core::agreement::landis_koch;
use crate::core::annotation::Annotation;
use crate::core::assignment::Assignment;
use crate::core::classroom::KeyTravel;
use crate::core::feedback::{self, Mark};
use crate::core::gradebook::{self, Scale};
use crate::core::hand_in::Comment;
use crate::core::metrics::{Evaluation, Scheme};
use crate::ui::browser;
use crate::ui::page;
use crate::ui::state::{self, ClassAgreement, Mode};

/// The header's way into the teacher view.
#[component]
pub fn TeacherButton() -> impl IntoView {
    let (view, classroom) = (state::view(), state::classroom());
    let pressed = move || view.mode.with(|mode| matches!(mode, Mode::Teacher | Mode::Key(_) | Mode::Review { .. })).to_string();
    view! {
        <button type="button" aria-pressed=pressed on:click=move |_| classroom.open_teacher_view()>"Teacher"</button>
    }
}

/// Above the article while an assignment is open: what it is and what to do.
#[component]
pub fn AssignmentBar() -> impl IntoView {
    let (view, classroom) = (state::view(), state::classroom());
    move || {
        let assignment = classroom.current()?;
        Some(match view.mode.get() {
            Mode::Student(id) => view! { <StudentBar assignment id/> }.into_any(),
            Mode::Key(_) => view! {
                <section class="assignment-bar" aria-label="Answer key">
                    <p>"Annotating the answer key of “" {assignment.title.clone()} "”: what you label goes into the key, not into your own work."</p>
                    <button type="button" on:click=move |_| classroom.open_teacher_view()>"Back to the teacher view"</button>
                </section>
            }
            .into_any(),
            Mode::Review { student, .. } => view! { <ReviewBar assignment student/> }.into_any(),
            Mode::Reading | Mode::Teacher => return None,
        })
    }
}

#[component]
fn StudentBar(assignment: Assignment, id: String) -> impl IntoView {
    let (work, classroom) = (state::work(), state::classroom());
    let taking = {
        let id = id.clone();
        Memo::new(move |_| classroom.saved.with(|saved| saved.taking(&id).cloned()))
    };
    let documents = assignment.documents.clone();
    let progress = move || {
        let (mut annotated, mut total, mut count) = (0, 0, 0);
        for document in &documents {
            if let Some(text) = state::texts().document(&document.id) {
                let annotations = work.annotations(&document.id);
                annotated += text.annotated_paragraph_count(&annotations);
                total += text.paragraphs.len();
                count += annotations.len();
            }
        }
        format!("{annotated} of {total} paragraphs annotated · {count} annotations")
    };
    let name_id = id.clone();
    let hand_in_id = id.clone();
    let check_id = id.clone();
    let passphrase = RwSignal::new(String::new());
    let locked = matches!(assignment.key, crate::core::assignment::KeyCopy::Locked { .. });
    let key_travels = !matches!(assignment.key, crate::core::assignment::KeyCopy::Kept);
    let handed_in = move || taking.with(|t| t.as_ref().and_then(|t| t.handed_in_at.clone()));
    let check = move |_| {
        let id = check_id.clone();
        leptos::task::spawn_local(async move { classroom.check(&id, &passphrase.get_untracked()).await });
    };
    view! {
        <section class="assignment-bar" aria-label="Assignment">
            <h2>"Assignment: " {assignment.title.clone()}</h2>
            <p class="instructions">{assignment.instructions.clone()}</p>
            <p class="progress-line" aria-live="polite">{progress}</p>
            <label>
                "Your name"
                <input
                    type="text"
                    autocomplete="name"
                    prop:value=move || taking.with(|t| t.as_ref().map(|t| t.student.clone()).unwrap_or_default())
                    on:change=move |event| classroom.set_student(&name_id, &event_target_value(&event))
                />
            </label>
            <button type="button" on:click=move |_| { classroom.hand_in(&hand_in_id); }>"Hand in"</button>
            <span class="handed-in">{move || handed_in().map(|at| format!("Handed in at {}", at.replace('T', " ").chars().take(16).collect::<String>()))}</span>
            <Show when=move || key_travels>
                <Show when=move || locked>
                    <label>
                        "Passphrase"
                        <input type="password" prop:value=move || passphrase.get() on:input=move |event| passphrase.set(event_target_value(&event))/>
                    </label>
                </Show>
                <button type="button" disabled=move || handed_in().is_none() on:click=check.clone()>"Check my work"</button>
            </Show>
            <button type="button" on:click=move |_| classroom.leave()>"Back to my own work"</button>
            <Comments id=id.clone()/>
            <Show when=move || classroom.feedback_open.get()>
                <Feedback/>
            </Show>
        </section>
    }
}

/// The teacher's comments returned on the student's work, in text order.
#[component]
fn Comments(id: String) -> impl IntoView {
    let classroom = state::classroom();
    let comments = move || classroom.saved.with(|saved| saved.taking(&id).map(|t| t.comments.clone()).unwrap_or_default());
    move || {
        let comments = comments();
        (!comments.is_empty()).then(|| {
            view! {
                <section class="comments" aria-label="Comments from your teacher">
                    <h3>"Comments from your teacher"</h3>
                    <ul>
                        {comments.into_iter().map(|c| view! { <li><q>{c.quote}</q> " — " {c.text}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// How the work compares with the key: figures per label under the chosen scheme, sentences,
/// and each hit, miss and extra as a button that brings it into view.
#[component]
fn Feedback() -> impl IntoView {
    let classroom = state::classroom();
    let scheme = RwSignal::new(Scheme::Strict);
    let compared = Memo::new(move |_| classroom.compared());
    let body = move || {
        let (assignment, key, marked) = compared.get()?;
        let documents: Vec<(&[Annotation], &[Annotation])> = assignment
            .documents
            .iter()
            .map(|d| (key.get(&d.id).map_or(&[][..], Vec::as_slice), marked.get(&d.id).map_or(&[][..], Vec::as_slice)))
            .collect();
        let evaluation = feedback::evaluate(&documents, &assignment.labels);
        let sentences = feedback::sentences(&documents, &assignment.labels);
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
        items.sort_by(|a, b| (&a.0, a.1.start, a.1.end).cmp(&(&b.0, b.1.start, b.1.end)));
        let labels = assignment.labels.clone();
        Some(view! {
            <Figures evaluation labels=assignment.labels.clone() scheme/>
            <ul class="sentences">{sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
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

#[component]
fn SchemeChoice(scheme: RwSignal<Scheme>) -> impl IntoView {
    let names = [
        (Scheme::Strict, "Strict: same passage, same label"),
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
fn Figures(evaluation: Evaluation, labels: Vec<crate::core::label::Label>, scheme: RwSignal<Scheme>) -> impl IntoView {
    let rows = move || {
        let scheme = scheme.get();
        let row = |name: String, scores: Option<&crate::core::metrics::Scores>| {
            let counts = scores.map(|s| s.counts(scheme)).unwrap_or_default();
            let figures = scores.map(|s| s.figures(scheme));
            let cell = |value: Option<f64>| value.map_or("–".to_owned(), |v| format!("{:.2}", v));
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
        all.collect_view()
    };
    view! {
        <table class="figures">
            <caption>"Against the key"</caption>
            <thead><tr><th scope="col">"Label"</th><th scope="col">"Precision"</th><th scope="col">"Recall"</th><th scope="col">"F1"</th><th scope="col">"Marked"</th><th scope="col">"In the key"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// One hit, difference, extra (an annotation with its `mark`) or miss (`mark` none): a button
/// that selects its passage in the text.
#[component]
fn FeedbackItem(document: String, annotation: Annotation, mark: Option<Mark>, labels: Vec<crate::core::label::Label>) -> impl IntoView {
    let label = feedback::label_name(&labels, &annotation.label);
    let kind = mark.map_or("✗ Missed".to_owned(), |m| format!("{} {}", m.sign(), m.name()));
    let text = format!("{kind} {label}: “{}”", annotation.quote);
    view! {
        <li class="feedback-item">
            <PassageButton document start=annotation.start end=annotation.end text/>
        </li>
    }
}

/// Above a hand-in under review: whose it is, its figures, and comments for the student.
#[component]
fn ReviewBar(assignment: Assignment, student: String) -> impl IntoView {
    let classroom = state::classroom();
    let (return_id, return_student) = (assignment.id.clone(), student.clone());
    view! {
        <section class="assignment-bar" aria-label="Hand-in">
            <h2>{student.clone()} "’s work on “" {assignment.title.clone()} "” (read only)"</h2>
            <button type="button" on:click=move |_| classroom.return_to(&return_id, &return_student)>"Return to student"</button>
            <button type="button" on:click=move |_| classroom.open_teacher_view()>"Back to the teacher view"</button>
            <Feedback/>
            <ReviewComments assignment student/>
        </section>
    }
}

/// A comment field for each of the student's annotations and each passage they missed.
#[component]
fn ReviewComments(assignment: Assignment, student: String) -> impl IntoView {
    let classroom = state::classroom();
    let id = assignment.id.clone();
    let rows = move || {
        let (assignment, key, marked) = classroom.compared()?;
        let comments = classroom
            .saved
            .with_untracked(|saved| saved.teaching(&assignment.id).and_then(|t| t.comments.get(&student).cloned()).unwrap_or_default());
        let mut passages: Vec<(String, Annotation, bool)> = Vec::new();
        for d in &assignment.documents {
            let (key, marked) = (key.get(&d.id).cloned().unwrap_or_default(), marked.get(&d.id).cloned().unwrap_or_default());
            let (_, missed) = feedback::compare(&key, &marked);
            passages.extend(marked.iter().map(|a| (d.id.clone(), a.clone(), true)));
            passages.extend(missed.into_iter().map(|k| (d.id.clone(), k.clone(), false)));
        }
        let (id, student) = (id.clone(), student.clone());
        Some(
            passages
                .into_iter()
                .map(|(document, a, theirs)| {
                    let written = comments
                        .iter()
                        .find(|c| (c.document.as_str(), c.start, c.end) == (document.as_str(), a.start, a.end))
                        .map(|c| c.text.clone())
                        .unwrap_or_default();
                    let (id, student) = (id.clone(), student.clone());
                    let what = if theirs { "their annotation" } else { "a passage they missed" };
                    let name = format!("Comment on {what} “{}”", a.quote.chars().take(40).collect::<String>());
                    let comment = move |event| {
                        let comment = Comment {
                            document: document.clone(),
                            start: a.start,
                            end: a.end,
                            quote: a.quote.clone(),
                            annotation_id: theirs.then(|| a.id.clone()),
                            text: event_target_value(&event),
                        };
                        classroom.comment(&id, &student, comment);
                    };
                    view! {
                        <li>
                            <label>
                                {name.clone()}
                                <input type="text" aria-label=name prop:value=written on:change=comment/>
                            </label>
                        </li>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <section class="review-comments" aria-label="Comments for the student">
            <h3>"Comments for the student"</h3>
            <ol>{rows}</ol>
        </section>
    }
}

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
    let field =
        move |read: fn(&crate::core::classroom::Teaching) -> String| move || teaching.with(|t| t.as_ref().map(read).unwrap_or_default());
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
                    "student" => a.student.to_lowercase().cmp(&b.student.to_lowercase()),
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
                            <th scope="row">{work.student.clone()}</th>
                            {cells}
                            <td>{format!("{:.2}", evaluation.overall.figures(scheme).f1)}</td>
                            <td>{work.count()}</td>
                            <td>{work.handed_in_at.replace('T', " ").chars().take(16).collect::<String>()}</td>
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
            <ClassAgreementView id=id.clone()/>
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

/// How much the class agrees: Fleiss' κ, Krippendorff's α and the mean of the pairs' Cohen's κ,
/// per label and over all labels, each with its words; the pairs' κ; and the passages the class
/// disagrees on most, each opening the text there.
#[component]
fn ClassAgreementView(id: String) -> impl IntoView {
    let classroom = state::classroom();
    let agreement = Memo::new(move |_| classroom.agreement(&id));
    move || {
        let ClassAgreement { students, rows, disagreements } = agreement.get()?;
        let said = |value: Option<f64>| {
            value.map_or("undefined (everyone gave one value everywhere)".to_owned(), |v| format!("{v:.2}: {}", landis_koch(v)))
        };
        let mean = |pairs: &[((usize, usize), Option<f64>)]| {
            let defined: Vec<f64> = pairs.iter().filter_map(|(_, k)| *k).collect();
            (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
        };
        let all = rows.last().map(|(_, a)| a.clone());
        let pairs = all.map(|a| a.cohen).unwrap_or_default();
        let pair_rows = pairs
            .into_iter()
            .map(|((i, j), kappa)| view! { <tr><th scope="row">{format!("{} and {}", students[i], students[j])}</th><td>{said(kappa)}</td></tr> })
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
                    </tr>
                }
            })
            .collect_view();
        let passages = disagreements
            .into_iter()
            .take(10)
            .map(|p| {
                let described = describe(&p.by_label, p.nothing, students.len());
                view! { <li><PassageButton document=p.document start=p.start end=p.end text=format!("“{}” — {described}", p.quote.chars().take(60).collect::<String>())/></li> }
            })
            .collect_view();
        Some(view! {
            <table class="figures" aria-label="Agreement">
                <caption>"How much the class agrees, character by character (Landis and Koch's words)"</caption>
                <thead><tr><th scope="col">"Label"</th><th scope="col">"Fleiss' κ"</th><th scope="col">"Krippendorff's α"</th><th scope="col">"Cohen's κ, mean of pairs"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <table class="figures" aria-label="Pairs">
                <caption>"Cohen's κ of each pair, all labels"</caption>
                <thead><tr><th scope="col">"Students"</th><th scope="col">"Cohen's κ"</th></tr></thead>
                <tbody>{pair_rows}</tbody>
            </table>
            <section class="disagreement" role="region" aria-label="Disagreement">
                <h3>"Where the class disagrees most"</h3>
                <ol>{passages}</ol>
            </section>
        })
    }
}

/// "2 of 3 marked Denial, 1 Claim, 1 nothing".
fn describe(by_label: &[(String, usize)], nothing: usize, of: usize) -> String {
    let mut parts: Vec<String> = by_label.iter().filter(|(_, n)| *n > 0).map(|(name, n)| format!("{n} {name}")).collect();
    if nothing > 0 {
        parts.push(format!("{nothing} nothing"));
    }
    let first = parts.first().cloned().unwrap_or_default();
    let (count, name) = first.split_once(' ').unwrap_or(("0", ""));
    let rest: Vec<String> = parts.into_iter().skip(1).collect();
    let mut said = format!("{count} of {of} marked {name}");
    if !rest.is_empty() {
        said.push_str(&format!(", {}", rest.join(", ")));
    }
    said
}

/// A button that opens document `document` and selects `start..end` in it.
#[component]
fn PassageButton(document: String, start: usize, end: usize, text: String) -> impl IntoView {
    let view = state::view();
    let show = move |_| {
        if view.open.get_untracked().as_deref() != Some(document.as_str()) {
            view.go_to(&document);
        }
        request_animation_frame(move || {
            if let Some(article) = page::article() {
                crate::ui::selection::select_offsets(&article, start, end);
                page::scroll_to_offset(start);
            }
        });
    };
    view! { <button type="button" on:click=show>{text}</button> }
}
