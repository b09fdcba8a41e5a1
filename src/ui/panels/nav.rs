//! The list of articles and added documents, each with its number of annotations per label, and
//! the ways to add documents of one's own.

use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::state;

#[component]
pub fn ArticleNav() -> impl IntoView {
    let (texts, work, classroom) = (state::texts(), state::work(), state::classroom());
    let bundled = texts.bundled_ids();
    // Changes only when a document is added or removed, not with every annotation. While an
    // assignment is open, only its documents.
    let ids = Memo::new(move |_| {
        if let Some(assignment) = classroom.current() {
            return assignment.documents.iter().map(|d| d.id.clone()).collect();
        }
        let added: Vec<String> = work.with_workspace(|w| w.added_documents.iter().map(|r| r.id.clone()).collect());
        bundled.iter().cloned().chain(added).collect::<Vec<String>>()
    });
    let own_work = move || classroom.current().is_none();
    view! {
        <nav class="articles" aria-label="Articles">
            <h2 class="panel-heading">"Articles"</h2>
            <ul>
                <For each=move || ids.get() key=String::clone let:id>
                    <NavEntry id/>
                </For>
            </ul>
            <Show when=own_work>
                <Assignments/>
                <AddDocuments/>
            </Show>
        </nav>
    }
}

/// The assignments opened here, to go back to.
#[component]
fn Assignments() -> impl IntoView {
    let classroom = state::classroom();
    let taken = move || {
        classroom
            .with_record(|saved| saved.taking.iter().map(|t| (t.assignment.id.clone(), t.assignment.title.clone())).collect::<Vec<_>>())
    };
    move || {
        let taken = taken();
        (!taken.is_empty()).then(|| {
            view! {
                <section class="assignments" aria-label="Assignments">
                    <h2 class="panel-heading">"Assignments"</h2>
                    <ul>
                        {taken.into_iter().map(|(id, title)| view! {
                            <li><button type="button" on:click=move |_| classroom.work_on(&id)>{format!("Work on “{title}”")}</button></li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn NavEntry(id: String) -> impl IntoView {
    let (view, work) = (state::view(), state::work());
    let (current_id, title_id) = (id.clone(), id.clone());
    let is_current = move || view.open().with(|open| open.as_deref() == Some(current_id.as_str()));
    // In a review or a discussion, another of its texts; elsewhere, the article.
    let href = {
        let id = id.clone();
        move || view.mode().with(|mode| mode.address(Some(&id))).fragment()
    };
    view! {
        <li>
            <a href=href aria-current=move || is_current().then_some("page")>
                <span class="nav-title">{move || work.title(&title_id)}</span>
                <LabelCounts document_id=id.clone()/>
                <Progress document_id=id/>
            </a>
        </li>
    }
}

/// "annotated / total paragraphs" for one document, once its text is here.
#[component]
fn Progress(document_id: String) -> impl IntoView {
    let (texts, work) = (state::texts(), state::work());
    move || {
        let document = texts.document(&document_id)?;
        let total = document.paragraphs.len();
        let annotated = Memo::new(move |_| work.with_annotations(&document.id, |list| document.annotated_paragraph_count(list)));
        Some(view! { <span class="progress">{annotated} " / " {total} " paragraphs annotated"</span> })
    }
}

#[component]
fn LabelCounts(document_id: String) -> impl IntoView {
    let (view, work) = (state::view(), state::work());
    let counts = move || {
        work.labels_in_use()
            .into_iter()
            .map(|label| {
                let (document_id, label_id) = (document_id.clone(), label.id.clone());
                let count = Memo::new(move |_| {
                    let key = view.layer().document_key(&document_id);
                    work.with_workspace(|w| w.count(&key, &label_id))
                });
                view! {
                    <span class="count" class:zero=move || count.get() == 0>
                        <span class="swatch" style:background-color=label.color></span>
                        {label.name}
                        " "
                        {count}
                    </span>
                }
            })
            .collect_view()
    };
    view! { <span class="counts">{counts}</span> }
}

/// Texts of one's own: opened from files (several at once), pasted, or dropped on the page.
#[component]
fn AddDocuments() -> impl IntoView {
    let exchange = state::exchange();
    let pasted = RwSignal::new(String::new());
    let paste_open = RwSignal::new(false);
    let open_files = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let files = browser::files(input.files());
        // Choosing the same files again must fire `change` again.
        input.set_value("");
        exchange.add_files(files);
    };
    let add_pasted = move |_| {
        let text = pasted.get_untracked();
        pasted.set(String::new());
        exchange.add_texts(vec![(None, Ok(text))]);
    };
    view! {
        <section class="add-documents" aria-label="Your own texts">
            <h2 class="panel-heading">"Your own texts"</h2>
            <label class="file-button">
                "Add documents"
                <input type="file" multiple accept=".txt,.md,.markdown,text/plain,text/markdown" on:change=open_files/>
            </label>
            // On a phone the box folds away, so that the article is on the first screen.
            <button type="button" class="paste-toggle" aria-expanded=move || paste_open.get().to_string() aria-controls="paste-area"
                on:click=move |_| paste_open.update(|open| *open = !*open)>
                "Paste a text"
            </button>
            <div id="paste-area" class="paste-area" class:open=move || paste_open.get()>
                <label class="paste">
                    "Paste text"
                    <textarea rows="4" prop:value=move || pasted.get() on:input=move |event| pasted.set(event_target_value(&event))></textarea>
                </label>
                <button type="button" disabled=move || pasted.with(|t| t.trim().is_empty()) on:click=add_pasted>"Add pasted text"</button>
            </div>
            <p class="hint">"Or drop .txt and .md files anywhere on the page."</p>
        </section>
    }
}
