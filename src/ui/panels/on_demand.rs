//! A part fetched when first used, drawn in place of the reading view or in a popover when it is
//! first opened: it says that it is loading, and if its module cannot be fetched, says so with a
//! way to try again.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use wasm_bindgen::JsCast;

use crate::ui::browser;
use crate::ui::state::{self, Load, NotFetched, Panels, Saving};

/// The view a part draws in place of the reading view, once its module is here: until then it
/// says that it is loading, and if the module cannot be fetched, says so with a button that tries
/// again and one back to reading (the part's own way back is in the part).
#[component]
pub fn OnDemand(
    /// The part as named in a sentence: "the teacher’s view".
    part: &'static str,
    load: Load<AnyView>,
    /// The part may change the classroom's record: the part that writes it is fetched first, so
    /// that a change is written however soon the page is left.
    #[prop(optional)]
    changes_record: bool,
) -> impl IntoView {
    fetched(part, load, |drawn| drawn, true, changes_record)
}

/// A popover whose body a part draws: fetched the first time the person opens it.
#[component]
pub fn PartPopover(
    summary: &'static str,
    /// The popover's own class, beside `popover`.
    class: &'static str,
    /// The panel as named in a sentence: "the label editor".
    part: &'static str,
    load: Load<Panels>,
    draw: fn(Panels) -> AnyView,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    let toggled = move |event: leptos::ev::Event| {
        let Some(details) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if !details.has_attribute("open") {
            return;
        }
        if !opened.get_untracked() {
            opened.set(true);
        }
        // Leftwards from its summary (the stylesheet's way), or rightwards where leftwards would
        // pass the left edge of the screen.
        browser::flip_inside_the_screen(&details, ".popover-body", "from-left", browser::Edge::Left);
    };
    view! {
        <details class=format!("popover {class}") on:toggle=toggled>
            <summary>{summary}</summary>
            <div class="popover-body">{move || opened.get().then(|| fetched(part, load, draw, false, false))}</div>
        </details>
    }
}

/// What `draw` makes of the part `load` brings, once it is here: until then a sentence says that
/// it is loading; if the module cannot be fetched, an alert says so with a button that tries again,
/// and with `back`, one back to reading. A part that `changes_record` comes with the record's part.
pub fn fetched<T: Send + 'static>(
    part: &'static str,
    load: Load<T>,
    draw: impl Fn(T) -> AnyView + Clone + Send + Sync + 'static,
    back: bool,
    changes_record: bool,
) -> impl IntoView {
    let saving = changes_record.then(state::saving);
    let attempt = RwSignal::new(0_u32);
    let loading = move || view! { <p class="on-demand" role="status">{format!("Loading {part}…")}</p> };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                let draw = draw.clone();
                // The fetch goes through JavaScript and never leaves this thread.
                Suspend::new(SendWrapper::new(async move {
                    match fetch(load, saving).await {
                        Ok(part) => draw(part),
                        Err(problem) => view! {
                            <div class="message alert on-demand" role="alert">
                                <p>{problem.explain(part)}</p>
                                <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
                                {back.then(|| view! {
                                    <button type="button" on:click=move |_| state::classroom().leave()>"Back to reading"</button>
                                })}
                            </div>
                        }
                        .into_any(),
                    }
                }))
            }}
        </Suspense>
    }
}

/// The part `load` brings, after the part that writes the classroom's record where `saving` is
/// given.
async fn fetch<T>(load: Load<T>, saving: Option<Saving>) -> Result<T, NotFetched> {
    if let Some(saving) = saving {
        saving.record_codec().await?;
    }
    load().await
}
