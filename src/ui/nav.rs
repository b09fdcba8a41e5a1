//! The list of articles, each with its number of annotations per label.

use leptos::prelude::*;

use crate::core::search::annotated_paragraphs;
use crate::ui::route;
use crate::ui::Annotator;

#[component]
pub fn ArticleNav() -> impl IntoView {
    let annotator = expect_context::<Annotator>();
    let entries = annotator.documents.with_value(|documents| {
        documents
            .iter()
            .map(|document| {
                let id = document.id.clone();
                let current_id = id.clone();
                let is_current = move || annotator.open.with(|open| open.as_deref() == Some(current_id.as_str()));
                view! {
                    <li>
                        <a
                            href=route::article_href(&document.id)
                            aria-current=move || is_current().then_some("page")
                        >
                            <span class="nav-title">{document.title.clone()}</span>
                            <LabelCounts document_id=id.clone()/>
                            <Progress document_id=id/>
                        </a>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <nav class="articles" aria-label="Articles">
            <h2 class="panel-heading">"Articles"</h2>
            <ul>{entries}</ul>
        </nav>
    }
}

/// "annotated / total paragraphs" for one article.
#[component]
fn Progress(document_id: String) -> impl IntoView {
    let annotator = expect_context::<Annotator>();
    let document = annotator.document(&document_id)?;
    let total = document.paragraphs.len();
    let annotated = Memo::new(move |_| annotator.workspace.with(|w| annotated_paragraphs(&document, w.annotations(&document.id))));
    Some(view! { <span class="progress">{annotated} " / " {total} " paragraphs annotated"</span> })
}

#[component]
fn LabelCounts(document_id: String) -> impl IntoView {
    let annotator = expect_context::<Annotator>();
    let counts = move || {
        annotator
            .labels
            .get()
            .into_iter()
            .map(|label| {
                let (document_id, label_id) = (document_id.clone(), label.id.clone());
                let count = Memo::new(move |_| annotator.workspace.with(|w| w.count(&document_id, &label_id)));
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
