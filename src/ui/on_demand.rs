//! Parts of the app a reader may never use live in wasm modules of their own, fetched the first
//! time they are needed: a student who only reads and labels never downloads the teacher's view,
//! the claims board or other tools' formats (Glossa's own JSON, the backup, stays at hand).
//!
//! The app is given its [`Parts`] as loaders: `main.rs` marks each with `#[wasm_split(part,
//! fallible)]`, and `scripts/build` moves what only that part uses into `split_<part>.wasm`.
//! Loading fetches the module first (once) and fails with [`NotFetched`] when it cannot be
//! fetched (a site gone offline before the part was ever used): the app goes on, says so, and
//! fetches again on the next try. Tests mount the app with [`Parts::in_place`], nothing split.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

use crate::core::exchange::formats::{self, Corpus, Format};
use crate::core::exchange::import::{ImportError, IncomingFile};
use crate::core::text::offsets::OffsetUnit;
use crate::ui::{board, classroom, state};

/// A part's module could not be fetched.
#[derive(Debug)]
pub struct NotFetched;

impl From<SplitLoaderError> for NotFetched {
    fn from(_: SplitLoaderError) -> NotFetched {
        NotFetched
    }
}

impl NotFetched {
    /// What to tell the reader, for a part named as in a sentence ("the teacher’s view").
    pub fn explain(&self, part: &str) -> String {
        format!("Glossa could not fetch {part} from its site (is this device offline?). Nothing of your work is affected; try again when connected.")
    }
}

/// Brings a part: fetched on first use, or at hand.
pub type Load<T> = fn() -> Pin<Box<dyn Future<Output = Result<T, NotFetched>>>>;

/// The parts of the app, each with its way of being brought.
#[derive(Clone, Copy)]
pub struct Parts {
    pub teacher: Load<AnyView>,
    pub board: Load<AnyView>,
    pub formats: Load<OtherFormats>,
}

impl Parts {
    /// Every part at hand in the first module.
    pub fn in_place() -> Parts {
        Parts {
            teacher: || Box::pin(async { Ok(teacher_view()) }),
            board: || Box::pin(async { Ok(claims_board()) }),
            formats: || Box::pin(async { Ok(other_formats()) }),
        }
    }
}

/// The teacher's view, as its part draws it.
pub fn teacher_view() -> AnyView {
    view! { <classroom::TeacherView/> }.into_any()
}

/// The claims board, as its part draws it.
pub fn claims_board() -> AnyView {
    view! { <board::ClaimsBoard/> }.into_any()
}

/// Other tools' formats: every format written, and read back where it can be.
#[derive(Clone, Copy)]
pub struct OtherFormats {
    pub write: fn(Format, &Corpus, &str) -> Vec<u8>,
    pub read: fn(&str, OffsetUnit) -> Result<IncomingFile, ImportError>,
    /// How many spans overlap others, which doccano drops unless told not to.
    pub overlapping: fn(&Corpus) -> usize,
}

/// The formats as their part holds them.
pub fn other_formats() -> OtherFormats {
    OtherFormats { write: formats::write, read: formats::read_other_tools, overlapping: |corpus| corpus.overlapping() }
}

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
