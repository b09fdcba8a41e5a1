//! The claims board: one's own annotations across every document, grouped by who says what,
//! filtered by label and article, in the order chosen, each with what answers it (what supports,
//! contradicts or denies it, what was done about it); each quote opens its text. It prints as a
//! class handout.
use leptos::prelude::*;

use crate::core::model::annotation::Annotation;
use crate::core::model::label;
use crate::core::reading::board::{answers, board, Answer, Filter, Order};
use crate::core::text::offsets::abbreviate;
use crate::ui::classroom::{CoverageTable, PassageButton};
use crate::ui::panels::link::{LinkList, LinkTo};
use crate::ui::state::{self, Mode};

/// What answers the annotation quoting `quote`, under it: "supported by “…” (Reuters), in …",
/// each quote opening its passage.
fn answer_list(quote: &str, answers: &[Answer]) -> impl IntoView {
    let items = answers
        .iter()
        .map(|answer| {
            let a = answer.item.annotation;
            let who = (!a.attributed_to.trim().is_empty()).then(|| format!(" ({})", a.attributed_to.trim()));
            view! {
                <li>
                    {answer.relation.passive_words()} " "
                    <PassageButton document=answer.item.document.to_owned() start=a.start end=a.end into=Mode::Reading>{format!("“{}”", a.quote)}</PassageButton>
                    {who} {format!(", in {}", answer.item.title)}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="answers" aria-label=format!("What answers “{}”", abbreviate(quote, 60))>{items}</ul> }
}

#[component]
pub fn ClaimsBoard() -> impl IntoView {
    let (work, classroom) = (state::work(), state::classroom());
    let filter = RwSignal::new(Filter::default());
    // The board, or the coverage of the articles in its place.
    let covering = RwSignal::new(false);
    let order = RwSignal::new(Order::default());
    let titles = move || work.titles();
    let choose = |chosen: String| (!chosen.is_empty()).then_some(chosen);
    let table = move || {
        let titles = titles();
        let labels = work.labels_in_use();
        let (filter, order) = (filter.get(), order.get());
        work.with_workspace(|w| {
            let listed: Vec<(&str, &str, &[Annotation])> = titles.iter().map(|(id, title)| (id.as_str(), title.as_str(), w.annotations(id))).collect();
            let groups = board(&listed, &labels, &filter, order);
            let answers = answers(&listed);
            let count: usize = groups.iter().map(|g| g.items.len()).sum();
            let caption = format!(
                "{count} annotation{} by {} speaker{}",
                if count == 1 { "" } else { "s" },
                groups.len(),
                if groups.len() == 1 { "" } else { "s" }
            );
            let bodies = groups
                .into_iter()
                .map(|group| {
                    let heading = group.heading();
                    let rows = group
                        .items
                        .into_iter()
                        .map(|item| {
                            let a = item.annotation;
                            let answered = answers.get(a.id.as_str()).map(|list| answer_list(&a.quote, list));
                            view! {
                                <tr>
                                    <td>{label::name_of(&labels, &a.label).to_owned()}</td>
                                    <td class="quote">
                                        <PassageButton document=item.document.to_owned() start=a.start end=a.end into=Mode::Reading>{format!("“{}”", a.quote)}</PassageButton>
                                        {answered}
                                    </td>
                                    <td>{item.title.to_owned()}</td>
                                    <td>{a.note.clone()}</td>
                                    <td class="board-links"><LinkList id=a.id.clone()/><LinkTo id=a.id.clone()/></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <tbody>
                            <tr class="speaker"><th colspan="5" scope="rowgroup">{heading}</th></tr>
                            {rows}
                        </tbody>
                    }
                })
                .collect_view();
            view! {
                <table class="claims-board" aria-label="Claims board">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Label"</th><th scope="col">"Quote"</th><th scope="col">"Article"</th><th scope="col">"Note"</th><th scope="col">"Links"</th></tr></thead>
                    {bodies}
                </table>
            }
        })
    };
    view! {
        <section class="board" aria-labelledby="board-heading">
            <h1 id="board-heading">{move || if covering.get() { "Coverage: who reported what" } else { "Claims board" }}</h1>
            <div class="board-controls">
                <button type="button" aria-pressed=move || covering.get().to_string() on:click=move |_| covering.update(|on| *on = !*on)>"Coverage"</button>
                // Kept while the coverage shows, so the board comes back filtered as it was.
                <div class="board-filters" hidden=move || covering.get()>
                    <label>
                        "Label"
                        <select on:change=move |event| filter.update(|f| f.label = choose(event_target_value(&event)))>
                            <option value="">"All labels"</option>
                            {move || work.labels_in_use().into_iter().map(|l| view! { <option value=l.id>{l.name}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Article"
                        <select on:change=move |event| filter.update(|f| f.document = choose(event_target_value(&event)))>
                            <option value="">"All articles"</option>
                            {move || titles().into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Order"
                        <select on:change=move |event| {
                            let chosen = event_target_value(&event);
                            order.set(Order::ALL.into_iter().find(|o| o.name() == chosen).unwrap_or_default());
                        }>
                            {Order::ALL.into_iter().map(|o| view! { <option value=o.name()>{o.name()}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <button type="button" on:click=move |_| { let _ = window().print(); }>"Print"</button>
                <button type="button" on:click=move |_| classroom.leave()>"Back to reading"</button>
            </div>
            <Show when=move || covering.get() fallback=move || view! {
                <p class="hint">"Every passage you marked, by who says it (its “Attributed to”), and under each what supports, contradicts, denies or answers it. Choose a quote to read it in its article."</p>
                {table}
            }>
                <CoverageTable/>
            </Show>
        </section>
    }
}
