//! A part fetched when first used, drawn in place of the reading view: it says that it is
//! loading, and if its module cannot be fetched, says so with a way to try again.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::ui::state::{self, Load};

/// The view a part draws in place of the reading view, once its module is here: until then it
/// says that it is loading, and if the module cannot be fetched, says so with a button that tries
/// again and one back to reading (the part's own way back is in the part).
#[component]
pub fn OnDemand(
    /// The part as named in a sentence: "the teacher’s view".
    part: &'static str,
    load: Load<AnyView>,
) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let loading = move || view! { <p class="on-demand" role="status">{format!("Loading {part}…")}</p> };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                // The fetch goes through JavaScript and never leaves this thread.
                Suspend::new(SendWrapper::new(async move {
                    match load().await {
                        Ok(drawn) => drawn,
                        Err(problem) => view! {
                            <div class="message alert on-demand" role="alert">
                                <p>{problem.explain(part)}</p>
                                <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
                                <button type="button" on:click=move |_| state::classroom().leave()>"Back to reading"</button>
                            </div>
                        }
                        .into_any(),
                    }
                }))
            }}
        </Suspense>
    }
}
