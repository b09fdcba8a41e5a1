//! Links between annotations, where a person makes and reads them: what an annotation links to,
//! each with a way to remove it, and "Link to…", which offers the claims of every document by
//! their quotes (and, for evidence, whether it supports or contradicts). The annotation editor and the claims board both use them.
use leptos::prelude::*;

use crate::core::model::annotation::Relation;
use crate::core::text::offsets::abbreviate;
use crate::ui::panels::on_demand::fetched;
use crate::ui::state::{self, Panels};

/// How much of a quote a link shows.
const QUOTE_CHARS: usize = 60;

fn shortened(quote: &str) -> String {
    abbreviate(quote, QUOTE_CHARS)
}

/// What annotation `id` links to: "denies → “Iran shipped…” in US Furious…", each with a button
/// that removes the link.
#[component]
pub fn LinkList(id: String) -> impl IntoView {
    let work = state::work();
    let links = {
        let id = id.clone();
        Memo::new(move |_| work.links_of(&id))
    };
    move || {
        let items = links
            .get()
            .into_iter()
            .map(|(link, target)| {
                let said = match target {
                    Some((quote, title)) => format!("{} → “{}” in {title}", link.relation.words(), shortened(&quote)),
                    None => format!("{} → an annotation since deleted", link.relation.words()),
                };
                let (from, to) = (id.clone(), link.to.clone());
                view! {
                    <li>
                        <span>{said.clone()}</span>
                        " "
                        <button type="button" class="unlink" aria-label=format!("Remove link: {said}") on:click=move |_| work.unlink(&from, &to)>
                            "Remove link"
                        </button>
                    </li>
                }
            })
            .collect_view();
        (!links.with(Vec::is_empty)).then(|| view! { <ul class="links" aria-label="Links">{items}</ul> })
    }
}

/// "Link to…": a button that opens the choice of the claims annotation `id` can link to (its
/// part is fetched the first time it is opened); all of it by keyboard as by mouse.
#[component]
pub fn LinkTo(id: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let panels = state::panels_part();
    view! {
        <div class="link-to">
            <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.set(true)>"Link to…"</button>
            <Show when=move || open.get()>
                {
                    let id = id.clone();
                    fetched("the choice of claims to link to", panels, move |panels: Panels| (panels.link_choice)(id.clone(), open), false, false)
                }
            </Show>
        </div>
    }
}

/// The choice "Link to…" opens: the claims annotation `id` can link to (by quote and article),
/// the relation when its label has a choice (evidence supports or contradicts), and a button that
/// makes the link. A claim links to another claim: the same claim as another passage or article
/// says it, which the coverage of the articles counts as one. **Link** and **Cancel** set `open`
/// to false.
#[component]
pub fn LinkChoice(id: String, open: RwSignal<bool>) -> impl IntoView {
    let work = state::work();
    // The relations its label's links may have, when there is a choice; the first is chosen until
    // another is (its id in `relation`).
    let label = {
        let id = id.clone();
        Memo::new(move |_| work.with_workspace(|w| w.find(&id).map(|(_, a)| a.label.clone())).unwrap_or_default())
    };
    let relations = move || label.with(|label| Relation::choices(label));
    let is_claim = move || label.with(|label| label == "claim");
    let relation = RwSignal::new(String::new());
    let candidates = {
        let id = id.clone();
        Memo::new(move |_| work.link_candidates(&id))
    };
    let chosen = RwSignal::new(candidates.with_untracked(|c| c.first().map(|(id, _, _)| id.clone()).unwrap_or_default()));
    let select_ref = NodeRef::<leptos::html::Select>::new();
    // Focus goes to the choice once it is in the page, so the keyboard goes on from there.
    select_ref.on_load(|select| {
        request_animation_frame(move || {
            let _ = select.focus();
        })
    });
    let from = StoredValue::new(id);
    let link = move |_| {
        let to = chosen.get_untracked();
        if !to.is_empty() {
            let choices = untrack(relations);
            let relation = (choices.len() > 1).then(|| Relation::from_id(&relation.get_untracked()).unwrap_or(choices[0]));
            from.with_value(|from| work.link(from, &to, relation));
        }
        open.set(false);
    };
    view! {
        {move || if candidates.with(Vec::is_empty) {
            let said = match is_claim() {
                true => "No other claim to link to yet: a claim links to the same claim as another passage or article says it.",
                false => "No claim to link to yet: label a claim first, in this article or another.",
            };
            view! { <p class="hint">{said}</p> }.into_any()
        } else {
            view! {
                <label>
                    "Claim to link to"
                    <select node_ref=select_ref on:change=move |event| chosen.set(event_target_value(&event))>
                        {move || candidates.get().into_iter().map(|(id, quote, title)| {
                            let selected = { let id = id.clone(); move || chosen.with(|c| *c == id) };
                            view! { <option value=id selected=selected>{format!("“{}” — {title}", shortened(&quote))}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {move || (relations().len() > 1).then(|| view! {
                    <label>
                        "Relation"
                        <select on:change=move |event| relation.set(event_target_value(&event))>
                            {relations().iter().map(|r| view! { <option value=r.id()>{r.words()}</option> }).collect_view()}
                        </select>
                    </label>
                })}
                <button type="button" on:click=link>"Link"</button>
            }.into_any()
        }}
        <button type="button" on:click=move |_| open.set(false)>"Cancel"</button>
    }
}
