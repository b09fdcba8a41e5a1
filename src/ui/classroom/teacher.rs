//! The teacher view: assignments made here, one at a time: what the class reads and with which
//! labels, the answer key and how it travels; the class's hand-ins are `results`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::classroom::assignment::Assignment;
use crate::core::classroom::record::KeyTravel;
use crate::core::model::label::{self, Label};
use crate::ui::browser::address;
use crate::ui::state::{self, KeysHere};

use super::bar::ProjectorButton;
use super::keys_kept::KeysKeptHere;
use super::passphrase::PassphraseField;
use super::results::Collect;

/// The teacher view: assignments made here, one at a time.
#[component]
pub fn TeacherView() -> impl IntoView {
    let (classroom, keys) = (state::classroom(), state::keys());
    classroom.keep_storage(false);
    let chosen = RwSignal::new(untrack(|| classroom.with_record(|saved| saved.teaching.last().map(|t| t.assignment.id.clone()))));
    let new_assignment = move |_| chosen.set(Some(classroom.new_assignment()));
    let options = move || {
        classroom
            .with_record(|saved| saved.teaching.iter().map(|t| (t.assignment.id.clone(), t.assignment.title.clone())).collect::<Vec<_>>())
    };
    view! {
        <section class="teacher" aria-labelledby="teacher-heading">
            <h1 id="teacher-heading">"Teacher"</h1>
            <p>"Make an assignment, annotate its answer key, export it for the class; collect the work they hand in. Everything travels as files: nothing is sent anywhere."</p>
            <button type="button" on:click=new_assignment>"New assignment"</button>
            <ProjectorButton/>
            <button type="button" on:click=move |_| classroom.back_up()>"Back up everything"</button>
            {address::opened_from_a_file().then(|| view! {
                <p class="frozen-note" role="note">
                    "This Glossa was opened from a file on this computer. In this browser every page opened from the disk shares one storage: another .html file opened from the disk could read your assignments, or clear them. Keep the answer keys kept here locked, lock keys with a passphrase before they travel, open no other downloaded pages in this browser, and Back up everything after each lesson."
                </p>
            })}
            <Show when=move || address::opened_from_a_file() || keys.here() != KeysHere::Readable>
                <KeysKeptHere/>
            </Show>
            <p class="hint storage-kept" aria-live="polite">{move || match classroom.storage_kept() {
                Some(true) => "This browser keeps Glossa's storage: it will not clear it to make room. Back up everything now and then all the same.",
                Some(false) => "This browser may clear Glossa's storage when space runs short: Back up everything after each lesson.",
                None => "Your classes live in this browser only: Back up everything after each lesson.",
            }}</p>
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
            // Nothing that shows or changes a key until the teacher chose how keys are kept here,
            // and, locked, opened them in this tab.
            {move || match keys.here() {
                KeysHere::Unchosen => Some(view! { <p class="hint">"Choose how answer keys are kept here (Keys kept in this browser) before you work on assignments."</p> }.into_any()),
                KeysHere::Locked => Some(view! { <p class="hint">"Unlock the keys kept here (Keys kept in this browser) to work on assignments, their keys and the class's results."</p> }.into_any()),
                KeysHere::Readable | KeysHere::Unlocked => chosen.get().map(|id| view! { <AssignmentEditor id/> }.into_any()),
            }}
            <button type="button" on:click=move |_| classroom.leave()>"Back to my own work"</button>
        </section>
    }
}

#[component]
fn AssignmentEditor(id: String) -> impl IntoView {
    let (work, texts, classroom) = (state::work(), state::texts(), state::classroom());
    let teaching = {
        let id = id.clone();
        Memo::new(move |_| classroom.with_record(|saved| saved.teaching(&id).cloned()))
    };
    // Memos: a field is set only when its saved value changes. Set again on every change of the
    // assignment (another tab's save, a box ticked), it would lose what is being typed in it.
    let field = move |read: fn(&crate::core::classroom::record::Teaching) -> String| {
        let value = Memo::new(move |_| teaching.with(|t| t.as_ref().map(read).unwrap_or_default()));
        move || value.get()
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
        let own: Vec<String> = work.with_workspace(|w| w.added_documents.iter().map(|r| r.id.clone()).collect());
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
    // The kind of text first: asked or not, and the key's kind of each document chosen (from
    // what the document says of itself, until the teacher says otherwise).
    let asks_kind = move || teaching.with(|t| t.as_ref().is_some_and(|t| t.assignment.kind_first));
    let ask_kind = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let asked = event_target_checked(&event);
            classroom.edit(&id, |t| {
                t.assignment.kind_first = asked;
                for document in t.assignment.documents.iter_mut().filter(|d| d.kind.is_empty()) {
                    document.kind = untrack(|| work.facts(&document.id)).kind;
                }
            });
        }
    };
    let kind_fields = {
        let id = id.clone();
        move || {
            let (chosen, offered) =
                teaching.with(|t| t.as_ref().map(|t| (t.assignment.documents.clone(), t.assignment.kinds_of_text())).unwrap_or_default());
            chosen
                .into_iter()
                .map(|document| {
                    let (id, document_id) = (id.clone(), document.id.clone());
                    let set = move |event: leptos::ev::Event| {
                        let kind = event_target_value(&event);
                        classroom.edit(&id, |t| {
                            if let Some(d) = t.assignment.documents.iter_mut().find(|d| d.id == document_id) {
                                d.kind = kind;
                            }
                        });
                    };
                    let current = document.kind.clone();
                    let offered = offered.clone();
                    view! {
                        <label>
                            {format!("Kind of “{}” (the key)", document.title)}
                            <select on:change=set>
                                <option value="" selected=current.is_empty()>"(not asked)"</option>
                                {offered.into_iter().map(|kind| view! { <option selected=current == kind value=kind.clone()>{kind.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                    }
                })
                .collect_view()
        }
    };
    // Which of the teacher's labels (and Glossa's built-in ones, such as Evidence) the class
    // uses; at least one.
    let label_boxes = {
        let id = id.clone();
        move || {
            work.with_labels(label::offered)
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
    // The labels' ids and names: the fields per label are drawn again only when these change,
    // not on every change of the assignment (a definition or hint typed), so a field being typed
    // in stays.
    let hinted = Memo::new(move |_: Option<&Vec<(String, String)>>| {
        teaching
            .with(|t| t.as_ref().map(|t| t.assignment.labels.iter().map(|l| (l.id.clone(), l.name.clone())).collect()).unwrap_or_default())
    });
    let definition_fields = {
        let id = id.clone();
        move || {
            hinted.get().into_iter().map(|(label_id, name)| view! { <LabelDefinition assignment=id.clone() label_id name/> }).collect_view()
        }
    };
    // The teacher's hint per label, said in feedback beside what is not in the key.
    let hint_fields = {
        let id = id.clone();
        move || {
            hinted
                .get()
                .into_iter()
                .map(|(label_id, name)| {
                    let value = {
                        let label = label_id.clone();
                        Memo::new(move |_| {
                            teaching.with(|t| t.as_ref().and_then(|t| t.assignment.hints.get(&label).cloned()).unwrap_or_default())
                        })
                    };
                    let id = id.clone();
                    let write = move |event| {
                        let text = event_target_value(&event);
                        classroom.edit(&id, |t| match text.trim() {
                            "" => drop(t.assignment.hints.remove(&label_id)),
                            hint => drop(t.assignment.hints.insert(label_id.clone(), hint.to_owned())),
                        })
                    };
                    view! {
                        <label>
                            {format!("Hint for {name} (said in feedback; optional)")}
                            <input type="text" prop:value=move || value.get() on:change=write/>
                        </label>
                    }
                })
                .collect_view()
        }
    };
    // A list the teacher writes one a line (kinds of source, kinds of text): `set` checks and
    // takes it, `listed` is the list as saved, which a refused one puts back in the field.
    let write_list = {
        let id = id.clone();
        move |set: fn(&mut Assignment, &str) -> Result<(), String>, listed: fn(&Assignment) -> String| {
            let id = id.clone();
            move |event: leptos::ev::Event| {
                let text = event_target_value(&event);
                let Some(mut assignment) = classroom.with_record(|saved| saved.teaching(&id).map(|t| t.assignment.clone())) else { return };
                match set(&mut assignment, &text) {
                    Ok(()) => classroom.edit(&id, |t| t.assignment = assignment),
                    Err(why) => {
                        state::view().say(state::Message::alert(why));
                        if let Some(field) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            field.set_value(&listed(&assignment));
                        }
                    }
                }
            }
        }
    };
    let kinds = field(|t| t.assignment.source_kinds.join("\n"));
    let write_kinds = write_list(Assignment::set_kinds_of_source, |a| a.source_kinds.join("\n"));
    let text_kinds = field(|t| t.assignment.text_kinds.join("\n"));
    let write_text_kinds = write_list(Assignment::set_kinds_of_text, |a| a.text_kinds.join("\n"));
    let travel = move || teaching.with(|t| t.as_ref().map(|t| t.key_travel).unwrap_or_default());
    let set_travel = {
        let id = id.clone();
        move |key_travel: KeyTravel| classroom.edit(&id, |t| t.key_travel = key_travel)
    };
    let (include, lock) = (set_travel.clone(), set_travel);
    let passphrase = RwSignal::new(String::new());
    let forbid_id = id.clone();
    let forbid_hedges = move |event: leptos::ev::Event| {
        let forbidden = event_target_checked(&event);
        classroom.edit(&forbid_id, |t| t.assignment.hedges_forbidden = forbidden);
    };
    let key_id = id.clone();
    let summary_id = id.clone();
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
                <label class="check">
                    <input type="checkbox" prop:checked=asks_kind on:change=ask_kind/>
                    "Ask the kind of each text first"
                </label>
                <Show when=asks_kind>
                    <div class="kind-fields">{kind_fields.clone()}</div>
                    <label>
                        "Kinds of text"
                        <textarea rows="4" aria-describedby="text-kinds-hint" prop:value=text_kinds on:change=write_text_kinds.clone()></textarea>
                    </label>
                    <p class="hint" id="text-kinds-hint">"What students choose among, one a line; left empty, Glossa’s: news report, official statement, opinion, analysis, aggregator or blog, other."</p>
                    <p class="hint">"Each student first says what kind of text each document is (news report, official statement, opinion, analysis, aggregator or blog, other); feedback scores it against these, which travel with the key."</p>
                </Show>
            </fieldset>
            <fieldset>
                <legend>"Labels (locked for the class)"</legend>
                {label_boxes}
                {attribution_boxes}
                {hint_fields}
            </fieldset>
            <fieldset class="label-definitions">
                <legend>"What each label means (shown on its button and in the key of labels)"</legend>
                <p class="hint" id="examples-hint">"Examples: at most three short passages, one a line."</p>
                {definition_fields}
                <label>
                    "Kinds of source"
                    <textarea rows="4" aria-describedby="kinds-hint" prop:value=kinds on:change=write_kinds></textarea>
                </label>
                <p class="hint" id="kinds-hint">"What students choose among for an annotation’s Source, one a line; left empty, Glossa’s: named official, anonymous official, government or body, independent expert, media report, the writer."</p>
                <label class="check">
                    <input type="checkbox" prop:checked=move || teaching.with(|t| t.as_ref().is_some_and(|t| t.assignment.hedges_forbidden)) on:change=forbid_hedges/>
                    "Forbid hints of hedges and reporting verbs"
                </label>
                <p class="hint">"When forbidden, the underlines of words such as “alleged” and “denies” stay off while students work, whatever their settings say: finding them is the exercise."</p>
            </fieldset>
            <fieldset>
                <legend>"Answer key"</legend>
                <p class="key-summary">{move || classroom.key_summary(&summary_id)}</p>
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
                    <PassphraseField name="Passphrase for the key" value=passphrase/>
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

/// One label's definition and examples, as the assignment carries them to the class.
#[component]
fn LabelDefinition(assignment: String, label_id: String, name: String) -> impl IntoView {
    let classroom = state::classroom();
    let read = {
        let (assignment, label_id) = (assignment.clone(), label_id.clone());
        move |part: fn(&Label) -> String| {
            let (assignment, label_id) = (assignment.clone(), label_id.clone());
            let value = Memo::new(move |_| {
                classroom.with_record(|saved| {
                    let labels = &saved.teaching(&assignment)?.assignment.labels;
                    label::find(labels, &label_id).map(part)
                })
            });
            move || value.get().unwrap_or_default()
        }
    };
    let write = move |edit: fn(&mut [Label], &str, &str) -> Result<(), String>, saved: fn(&Label) -> String| {
        let (assignment, label_id) = (assignment.clone(), label_id.clone());
        move |event: leptos::ev::Event| {
            let text = event_target_value(&event);
            let Some(mut labels) = classroom.with_record(|saved| Some(saved.teaching(&assignment)?.assignment.labels.clone())) else {
                return;
            };
            // Refused, the assignment is left as it was (its time of change too), and so is the field.
            match edit(&mut labels, &label_id, &text) {
                Ok(()) => classroom.edit(&assignment, |t| t.assignment.labels = labels),
                Err(why) => {
                    state::view().say(state::Message::alert(why));
                    if let Some(field) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                        field.set_value(&label::find(&labels, &label_id).map(saved).unwrap_or_default());
                    }
                }
            }
        }
    };
    view! {
        <fieldset class="label-definition">
            <legend>{name}</legend>
            <label>"Definition" <textarea rows="2" prop:value=read(|l| l.definition.clone()) on:change=write(label::define, |l| l.definition.clone())></textarea></label>
            <label>
                "Examples"
                <textarea rows="3" aria-describedby="examples-hint" prop:value=read(|l| l.examples.join("\n")) on:change=write(label::set_examples, |l| l.examples.join("\n"))></textarea>
            </label>
        </fieldset>
    }
}
