//! The bar above the article in an assignment: a student's (name, hand in, check my work, the
//! comments returned) or a teacher's reviewing a hand-in (the student, comments, return); and the
//! masthead's buttons into the teacher's view and projector mode.

use leptos::prelude::*;

use super::coverage::CoverageTable;
use super::feedback::{Feedback, PassageButton};
use super::passphrase::PassphraseField;
use crate::core::classroom::assignment::Assignment;
use crate::core::classroom::feedback as compared;
use crate::core::classroom::hand_in::Comment;
use crate::core::model::annotation::Annotation;
use crate::core::model::timestamp;
use crate::core::text::offsets::abbreviate;
use crate::ui::state::{self, effect, Mode, Reveal};

/// The header's way into the teacher view.
#[component]
pub fn TeacherButton() -> impl IntoView {
    let (view, classroom) = (state::view(), state::classroom());
    let pressed = move || {
        view.mode().with(|mode| matches!(mode, Mode::Teacher | Mode::Key(_) | Mode::Review { .. } | Mode::Discussion(_))).to_string()
    };
    view! {
        <button type="button" aria-pressed=pressed on:click=move |_| classroom.open_teacher_view()>"Teacher"</button>
    }
}

/// Turns projector mode on and off.
#[component]
pub fn ProjectorButton() -> impl IntoView {
    let classroom = state::classroom();
    view! {
        <button
            type="button"
            aria-pressed=move || classroom.projector().to_string()
            on:click=move |_| classroom.set_projector(!untrack(|| classroom.projector()))
        >
            "Projector mode"
        </button>
    }
}

/// Above the article while an assignment is open: what it is and what to do.
#[component]
pub fn AssignmentBar() -> impl IntoView {
    let (view, classroom) = (state::view(), state::classroom());
    // Drawn again only when the mode or the assignment itself changes, not on every change of the
    // classroom's record (a comment typed, a name given): a field being typed in stays.
    let shown = Memo::new(move |_| Some((view.mode().get(), classroom.current()?)));
    // The class's coverage of the articles, under the discussion's bar while asked for.
    let covering = RwSignal::new(false);
    let frozen = move || view.frozen().get().map(|why| view! { <p class="frozen-note" role="note">{why}</p> });
    let bar = move || {
        let (mode, assignment) = shown.get()?;
        Some(match mode {
            Mode::Student(id) => view! { <StudentBar assignment id/> }.into_any(),
            Mode::Key(_) => view! {
                <section class="assignment-bar" aria-label="Answer key">
                    <p>"Annotating the answer key of “" {assignment.title.clone()} "”: what you label goes into the key, not into your own work."</p>
                    <button type="button" on:click=move |_| classroom.open_teacher_view()>"Back to the teacher view"</button>
                </section>
            }
            .into_any(),
            Mode::Review { student, .. } => view! { <ReviewBar assignment student/> }.into_any(),
            Mode::Discussion(discussed) => view! {
                <section class="assignment-bar" aria-label="Class discussion">
                    <h2>"Class discussion of “" {assignment.title.clone()} "”"</h2>
                    <p>"Under each paragraph, a band shows how the class marked it: the taller a colour, the more students gave that label. Focus or point at a stretch to read the counts."</p>
                    <label>
                        <input type="checkbox" prop:checked=move || classroom.key_shown() on:change=move |event| classroom.show_key(event_target_checked(&event))/>
                        "Show the answer key"
                    </label>
                    <ProjectorButton/>
                    <button type="button" aria-pressed=move || covering.get().to_string() on:click=move |_| covering.update(|on| *on = !*on)>"Coverage"</button>
                    <button type="button" on:click=move |_| classroom.open_teacher_view()>"Back to the teacher view"</button>
                    {move || covering.get().then(|| view! { <CoverageTable class=discussed.clone()/> })}
                </section>
            }
            .into_any(),
            Mode::Reading | Mode::Teacher | Mode::Board | Mode::Search | Mode::Curation => return None,
        })
    };
    view! { {bar} {frozen} }
}

#[component]
fn StudentBar(assignment: Assignment, id: String) -> impl IntoView {
    let (work, classroom) = (state::work(), state::classroom());
    let taking = {
        let id = id.clone();
        Memo::new(move |_| classroom.with_record(|saved| saved.taking(&id).cloned()))
    };
    let documents = assignment.documents.clone();
    let progress = move || {
        let (mut annotated, mut total, mut count) = (0, 0, 0);
        for document in &documents {
            if let Some(text) = state::texts().document(&document.id) {
                work.with_annotations(&document.id, |annotations| {
                    annotated += text.annotated_paragraph_count(annotations);
                    count += annotations.len();
                });
                total += text.paragraphs.len();
            }
        }
        format!("{annotated} of {total} paragraphs annotated · {count} annotations")
    };
    let name_id = id.clone();
    let hand_in_id = id.clone();
    let check_id = id.clone();
    let passphrase = RwSignal::new(String::new());
    let locked = matches!(assignment.key, crate::core::classroom::assignment::KeyCopy::Locked { .. });
    let key_travels = !matches!(assignment.key, crate::core::classroom::assignment::KeyCopy::Kept);
    let handed_in = move || taking.with(|t| t.as_ref().and_then(|t| t.handed_in_at.clone()));
    // A memo, so that the field is set only when the saved name changes, never while it is typed.
    let name = Memo::new(move |_| taking.with(|t| t.as_ref().map(|t| t.student.clone()).unwrap_or_default()));
    // Before a hand-in that lacks an attribution the assignment asks for, the student sees which.
    let confirming = RwSignal::new(false);
    let lacking_id = id.clone();
    let hand_in_anyway = {
        let id = hand_in_id.clone();
        move || {
            confirming.set(false);
            classroom.hand_in(&id);
        }
    };
    let hand_in = {
        let (id, anyway) = (hand_in_id.clone(), hand_in_anyway.clone());
        move |_| if classroom.lacking_attribution(&id).is_empty() { anyway() } else { confirming.set(true) }
    };
    let check = move |_| {
        let id = check_id.clone();
        leptos::task::spawn_local(async move { classroom.check(&id, &passphrase.get_untracked()).await });
    };
    view! {
        <section class="assignment-bar" aria-label="Assignment">
            <h2>"Assignment: " {assignment.title.clone()}</h2>
            <p class="instructions">{assignment.instructions.clone()}</p>
            <p class="progress-line" aria-live="polite">{progress}</p>
            {assignment.kind_first.then(|| view! { <KindOfText id=id.clone() offered=assignment.kinds_of_text()/> })}
            <label>
                "Your name"
                <input
                    type="text"
                    autocomplete="name"
                    prop:value=move || name.get()
                    on:change=move |event| classroom.set_student(&name_id, &event_target_value(&event))
                />
            </label>
            <button type="button" on:click=hand_in.clone()>"Hand in"</button>
            <Show when=move || confirming.get()>
                <LackingAttribution id=lacking_id.clone() confirming hand_in=hand_in_anyway.clone()/>
            </Show>
            <span class="handed-in">{move || handed_in().map(|at| format!("Handed in at {}", timestamp::short(&at)))}</span>
            <Show when=move || key_travels>
                <Show when=move || locked>
                    <PassphraseField name="Passphrase" value=passphrase/>
                </Show>
                <button
                    type="button"
                    aria-describedby="check-why"
                    disabled=move || handed_in().is_none() || classroom.opening_key()
                    on:click=check.clone()
                >
                    "Check my work"
                </button>
                // A control that cannot be used says why.
                <p id="check-why" class="hint">
                    {move || handed_in().is_none().then_some("Check my work opens once you have handed in: your hand-in is what is checked.")}
                </p>
                <Show when=move || classroom.opening_key()>
                    <p class="opening-key" aria-live="polite">"Opening the key… its lock takes a moment to open on a school laptop."</p>
                    <button type="button" on:click=move |_| classroom.cancel_opening_key()>"Cancel"</button>
                </Show>
            </Show>
            <button type="button" on:click=move |_| classroom.leave()>"Back to my own work"</button>
            <Comments id=id.clone()/>
            <Show when=move || classroom.feedback_open()>
                <Feedback/>
            </Show>
        </section>
    }
}

/// The first task of an assignment that asks it: the kind of the text open, chosen from the kinds
/// lessons sort texts by, kept with the student's side of the assignment and handed in with it.
#[component]
fn KindOfText(id: String, offered: Vec<String>) -> impl IntoView {
    let (view, classroom) = (state::view(), state::classroom());
    let open = move || view.open().get().unwrap_or_default();
    // A memo, so that the choice is set only when the saved one changes.
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| classroom.kind_chosen(&id, &open()))
    };
    let choose = move |event: leptos::ev::Event| classroom.set_kind(&id, &open(), &event_target_value(&event));
    view! {
        <fieldset class="kind-task">
            <legend>"First: what kind of text is this?"</legend>
            <label>
                "Kind of this text"
                <select on:change=choose>
                    <option value="" selected=move || chosen.with(String::is_empty)>"(choose)"</option>
                    {offered.into_iter().map(|kind| {
                        let (shown, value) = (kind.clone(), kind.clone());
                        view! { <option selected=move || chosen.with(|c| *c == shown) value=value>{kind}</option> }
                    }).collect_view()}
                </select>
            </label>
        </fieldset>
    }
}

/// The annotations that lack an attribution the assignment asks for, each a button that selects it
/// (its editor has **Attributed to**); then **Hand in anyway** or **Not yet**. It goes by itself
/// once none lacks one.
#[component]
fn LackingAttribution(id: String, confirming: RwSignal<bool>, hand_in: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let (view, work, classroom) = (state::view(), state::work(), state::classroom());
    let lacking = Memo::new(move |_| classroom.lacking_attribution(&id));
    effect(move || {
        if lacking.with(Vec::is_empty) {
            confirming.set(false);
        }
    });
    let entries = move || {
        lacking
            .get()
            .into_iter()
            .map(|(document, annotation)| {
                let title = work.title(&document).unwrap_or_default();
                let text = format!("“{}” in “{title}”", abbreviate(&annotation.quote, 50));
                let (start, end, annotation_id) = (annotation.start, annotation.end, annotation.id.clone());
                let go = move |_| {
                    view.set_reveal(Some((document.clone(), Reveal::Text { start, end, select: false })));
                    if view.open().get_untracked().as_deref() == Some(document.as_str()) {
                        return view.select(&annotation_id);
                    }
                    // Another text: selected once it is open (opening one lets go of the selection).
                    view.set_open(Some(document.clone()));
                    view.go_to(&document);
                    let annotation_id = annotation_id.clone();
                    request_animation_frame(move || view.select(&annotation_id));
                };
                view! { <li><button type="button" on:click=go>{text}</button></li> }
            })
            .collect_view()
    };
    view! {
        <section class="lacking" role="region" aria-label="Before you hand in">
            <p>{move || {
                let count = lacking.with(Vec::len);
                let which = if count == 1 { "1 annotation says".to_owned() } else { format!("{count} annotations say") };
                format!("{which} nobody as “Attributed to” (who says so), which this assignment asks for. Choose one to fill it in:")
            }}</p>
            <ul>{entries}</ul>
            <button type="button" on:click=move |_| hand_in()>"Hand in anyway"</button>
            <button type="button" on:click=move |_| confirming.set(false)>"Not yet"</button>
        </section>
    }
}

/// The teacher's comments returned on the student's work, in text order.
#[component]
fn Comments(id: String) -> impl IntoView {
    let (work, classroom) = (state::work(), state::classroom());
    let comments = move || {
        classroom.with_record(|saved| {
            let Some(taking) = saved.taking(&id) else { return Vec::new() };
            // In the assignment's order of texts, then of the text; the whole work's first.
            let order = |c: &Comment| taking.assignment.documents.iter().position(|d| d.id == c.document);
            let mut comments: Vec<Comment> = taking.comments.iter().filter(|c| !c.text.trim().is_empty()).cloned().collect();
            comments.sort_by_key(|c| (!c.is_on_the_whole_work(), order(c), c.start));
            comments
        })
    };
    move || {
        let comments = comments();
        (!comments.is_empty()).then(|| {
            let entries = comments
                .into_iter()
                .map(|c| {
                    if c.is_on_the_whole_work() {
                        return view! { <li class="whole-work"><strong>"On your whole work: "</strong>{c.text}</li> }.into_any();
                    }
                    let title = work.title(&c.document).unwrap_or_default();
                    let text = format!("Comment on “{}” in “{title}”: {}", abbreviate(&c.quote, 60), c.text);
                    view! { <li><PassageButton document=c.document start=c.start end=c.end>{text}</PassageButton></li> }.into_any()
                })
                .collect_view();
            view! {
                <section class="comments" aria-label="Comments from your teacher">
                    <h3>"Comments from your teacher"</h3>
                    <ul>{entries}</ul>
                </section>
            }
        })
    }
}

/// Above a hand-in under review: whose it is, its figures, and comments for the student.
#[component]
fn ReviewBar(assignment: Assignment, student: String) -> impl IntoView {
    let classroom = state::classroom();
    let (return_id, return_student) = (assignment.id.clone(), student.clone());
    view! {
        <section class="assignment-bar" aria-label="Hand-in">
            <h2>{let shown = student.clone(); move || classroom.shown_name(&shown)} "’s work on “" {assignment.title.clone()} "” (read only)"</h2>
            <button type="button" on:click=move |_| classroom.return_to(&return_id, &return_student)>"Return to student"</button>
            <button type="button" on:click=move |_| classroom.open_teacher_view()>"Back to the teacher view"</button>
            <Feedback/>
            <ReviewComments assignment student/>
        </section>
    }
}

/// The list of comments written before, which every passage's comment field offers.
const COMMENT_BANK: &str = "comment-bank";

/// A comment on the whole work, and a comment field for each of the student's annotations and
/// each passage they missed (offering the comments written before).
#[component]
fn ReviewComments(assignment: Assignment, student: String) -> impl IntoView {
    let classroom = state::classroom();
    let student_for_whole = student.clone();
    let id = assignment.id.clone();
    // The passages change only with the hand-in or the key; a comment written changes the record
    // but not them, so the fields (and the one being typed in) stay as they are.
    let passages = Memo::new(move |_| {
        let (assignment, key, marked) = classroom.compared()?;
        let mut passages: Vec<(String, Annotation, bool)> = Vec::new();
        for d in &assignment.documents {
            let (key, marked) = (key.get(&d.id).cloned().unwrap_or_default(), marked.get(&d.id).cloned().unwrap_or_default());
            let (_, missed) = compared::compare(&key, &marked);
            passages.extend(marked.iter().map(|a| (d.id.clone(), a.clone(), true)));
            passages.extend(missed.into_iter().map(|k| (d.id.clone(), k.clone(), false)));
        }
        Some(passages)
    });
    let rows = move || {
        let passages = passages.get()?;
        let comments = untrack(|| {
            classroom.with_record(|saved| saved.teaching(&id).and_then(|t| t.comments.get(&student).cloned()).unwrap_or_default())
        });
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
                            updated_at: String::new(),
                        };
                        classroom.comment(&id, &student, comment);
                    };
                    view! {
                        <li>
                            <label>
                                {name.clone()}
                                <input type="text" aria-label=name list=COMMENT_BANK prop:value=written on:input=comment/>
                            </label>
                        </li>
                    }
                })
                .collect_view(),
        )
    };
    // The comment on the whole work, read through a memo: set only when its saved text changes,
    // never while it is typed.
    let (whole_id, whole_student) = (assignment.id.clone(), student_for_whole.clone());
    let whole = Memo::new(move |_| {
        classroom.with_record(|saved| {
            let comments = saved.teaching(&whole_id).and_then(|t| t.comments.get(&whole_student));
            comments.and_then(|all| all.iter().find(|c| c.is_on_the_whole_work()).map(|c| c.text.clone())).unwrap_or_default()
        })
    });
    let write_whole = {
        let (id, student) = (assignment.id.clone(), student_for_whole);
        move |event| classroom.comment(&id, &student, Comment::on_the_whole_work(event_target_value(&event)))
    };
    // Comments written before, offered as a new one is typed.
    let bank = Memo::new(move |_| classroom.with_record(|saved| saved.comment_bank()));
    view! {
        <section class="review-comments" aria-label="Comments for the student">
            <h3>"Comments for the student"</h3>
            <label class="whole-work">
                "Comment on the whole work"
                <textarea rows="2" prop:value=move || whole.get() on:input=write_whole></textarea>
            </label>
            <ol>{rows}</ol>
            <datalist id=COMMENT_BANK>{move || bank.get().into_iter().map(|text| view! { <option value=text></option> }).collect_view()}</datalist>
        </section>
    }
}
