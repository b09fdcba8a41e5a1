//! The running app's state, in parts with one concern each. Every part owns its signals and the
//! methods that change them. One `Copy` handle, `State`, holds them together in context, and a
//! component asks only for the part it uses (`state::work()`):
//!
//! - `View`: what the reader sees: the open document, the pending selection, the selected
//!   annotation, the search, the hidden labels, preferences and messages.
//! - `Texts`: the texts of documents, bundled or kept in IndexedDB.
//! - `Work`: the annotations, added documents and labels, every edit of them, and undo/redo.
//! - `Saving`: writing the work and the classroom's record to local storage, retrying, and
//!   joining other tabs' saves of the work.
//! - `Keys`: answer keys kept locked at rest (the one-file app): sealed under the teacher's
//!   passphrase, and opened in a tab only with it.
//! - `Classroom`: assignments made and taken here, hand-ins, feedback against the key.
//! - `Exchange`: files in and out: export, import, documents added from files or pasted text.
//! - `Suggested`: suggestions waiting for a decision, kept apart from the work.
//! - `Curating`: a curation of several annotators' work, and the gold it makes (work itself).
//!
//! The parts depend on each other in that order and never back up it. Beneath them all, `effect`
//! is the one way any of them, or any component, runs an effect.

mod classroom;
mod curating;
mod effect;
mod exchange;
mod keys;
mod parts;
mod saving;
mod suggested;
mod texts;
mod view;
mod work;

use leptos::prelude::*;

use crate::core::model::document;
use crate::ui::browser::{bundled, persist};

pub use classroom::{gamma_in_slices, ClassGamma, ClassWork, Classroom, Compared};
pub use curating::{Curating, Decision};
pub use effect::effect;
pub use exchange::{Exchange, Importer};
pub use keys::{Keys, KeysHere};
pub use parts::{
    Hints, Load, NotFetched, NotesUnder, OtherFormats, OwnDocumentDetails, Panels, PanelsPart, ParagraphNotes, RecordCodec, RecordPart,
    SuggestionTools,
};
pub use saving::Saving;
pub use suggested::Suggested;
pub use texts::Texts;
pub use view::{Message, Mode, Pending, Reveal, View};
pub use work::Work;

/// The whole state: made once, at mount, from what the browser kept.
#[derive(Clone, Copy)]
pub struct State {
    pub view: View,
    pub texts: Texts,
    pub work: Work,
    pub saving: Saving,
    pub keys: Keys,
    pub classroom: Classroom,
    pub exchange: Exchange,
    pub suggested: Suggested,
    pub curating: Curating,
}

impl State {
    /// Starts from what local storage holds, telling the reader if any of it could not be read,
    /// and puts the state in context. The classroom's record is read by `record_part` when a
    /// record is kept here (`ui::mount` fetched it), and written by the part `load_record` brings.
    pub fn provide(
        other_formats: Load<OtherFormats>,
        importer: Load<Importer>,
        suggestion_tools: Load<SuggestionTools>,
        load_record: Load<RecordCodec>,
        record_part: RecordPart,
    ) -> State {
        let loaded = persist::load_state();
        let view = View::new();
        let mut page_texts = bundled::texts();
        let (articles, missing) = document::bundled_from(|id| page_texts.remove(id));
        if !missing.is_empty() {
            view.say(Message::alert(format!(
                "This page of Glossa lacks the texts of {} of its articles ({}): reload it. Your work is not affected.",
                missing.len(),
                missing.join(", ")
            )));
        }
        let texts = Texts::new(articles);
        let work = Work::new(view, texts);
        let saving = Saving::start(work, view, loaded, load_record);
        let keys = Keys::start(work, view, saving);
        let (persist::LoadedRecord { record, raw, problem }, codec) = match record_part {
            RecordPart::NotNeeded => (persist::LoadedRecord::default(), None),
            RecordPart::Here(codec) => (persist::load_classroom(codec.read, codec.is_newer), Some(codec)),
            // Never written over: a change made meanwhile is joined with it once the part is here.
            RecordPart::NotFetched => {
                let problem = NotFetched.explain(saving::RECORD_PART);
                (persist::LoadedRecord { problem: Some(problem), ..persist::LoadedRecord::default() }, None)
            }
        };
        let classroom = Classroom::start(view, texts, work, saving, keys, record, problem);
        saving.keep_classroom(classroom.saved, raw, codec);
        let exchange = Exchange::new(work, view, texts, classroom, other_formats, importer, suggestion_tools);
        let suggested = Suggested::start(work, view);
        let curating = Curating::start(work, view, classroom);
        let state = State { view, texts, work, saving, keys, classroom, exchange, suggested, curating };
        provide_context(state);
        work.load_texts();
        state
    }
}

/// The whole state, from the context: for work that goes on after the context is gone (a file
/// read, a part fetched), taken before it starts.
pub fn all() -> State {
    expect_context::<State>()
}

/// The part that draws the panels, from the context.
pub fn panels_part() -> Load<Panels> {
    expect_context::<PanelsPart>().0
}

/// What the reader sees, from the state in context.
pub fn view() -> View {
    expect_context::<State>().view
}

/// The texts of documents, from the state in context.
pub fn texts() -> Texts {
    expect_context::<State>().texts
}

/// The work and its edits, from the state in context.
pub fn work() -> Work {
    expect_context::<State>().work
}

/// Saving and its problems, from the state in context.
pub fn saving() -> Saving {
    expect_context::<State>().saving
}

/// The answer keys kept locked at rest, from the state in context.
pub fn keys() -> Keys {
    expect_context::<State>().keys
}

/// Assignments made and taken here, from the state in context.
pub fn classroom() -> Classroom {
    expect_context::<State>().classroom
}

/// Files in and out, from the state in context.
pub fn exchange() -> Exchange {
    expect_context::<State>().exchange
}

/// Suggestions waiting for a decision, from the state in context.
pub fn suggested() -> Suggested {
    expect_context::<State>().suggested
}

/// The curation and its gold, from the state in context.
pub fn curating() -> Curating {
    expect_context::<State>().curating
}
