//! Parts of the app a reader may never use live in wasm modules of their own, fetched the first
//! time they are needed: a student who only reads and labels never downloads the assignment's bar
//! (handing in, feedback against the key, a hand-in's review), the teacher's view, the claims board,
//! the search, the curation, other tools' formats, the reading of files (importing and merging, opening an
//! assignment or a returned file, restoring a backup), the panels drawn when opened (labels,
//! settings, shortcuts), the hints of hedges (found and painted only for a reader who turns them
//! on), what the classroom draws under the article's paragraphs (in its modes), or the reading and
//! writing of the classroom's record (fetched before the app starts where this browser keeps one,
//! else with the first part that may change it). The backup itself, Glossa's own JSON, goes out at
//! once.
//!
//! The app is given its parts (`ui::parts::Parts`) as loaders ([`Load`]): `main.rs` marks each
//! with `#[wasm_split(part, fallible)]`, and `scripts/build` moves what only that part uses into
//! `split_<part>.wasm`. Loading fetches the module first (once) and fails with [`NotFetched`] when
//! it cannot be fetched (a site gone offline before the part was ever used): the app goes on, says
//! so, and fetches again on the next try. Tests mount the app with `ui::parts::in_place`, nothing
//! split.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use wasm_split_helpers::SplitLoaderError;

use crate::core::classroom::record::{ClassRecord, TakenIn};
use crate::core::exchange::formats::Corpus;
use crate::core::exchange::formats::Format;
use crate::core::exchange::incoming::{ImportError, IncomingFile};
use crate::core::model::document::Document;
use crate::core::text::offsets::OffsetUnit;

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

/// The panels drawn only when a person opens them: the label set's editor, the settings beyond
/// those applied at start, the list of shortcuts, the choice of what an annotation links to, and
/// the export for dataset tools.
#[derive(Clone, Copy)]
pub struct Panels {
    pub labels: fn() -> leptos::prelude::AnyView,
    pub settings: fn() -> leptos::prelude::AnyView,
    pub shortcuts: fn() -> leptos::prelude::AnyView,
    /// The choice "Link to…" opens for annotation `id`: its claims and relations, **Link** and
    /// **Cancel**, which set `open` to false when done.
    pub link_choice: fn(String, leptos::prelude::RwSignal<bool>) -> leptos::prelude::AnyView,
    /// The export's format, unit and download, with the switch to export only the open document.
    pub export_choices: fn(leptos::prelude::RwSignal<bool>) -> leptos::prelude::AnyView,
}

/// The part that draws the panels, in context (`ui::App` puts it there) for a panel opened deep
/// in the page, on a part's page too (the claims board's "Link to…").
#[derive(Clone, Copy)]
pub struct PanelsPart(pub Load<Panels>);

/// Paints the hints of hedges and reporting verbs over an article, under the reactive owner it
/// is called in, for as long as the reader's settings ask for them (`ui::reader::hedges`).
pub type Hints = fn(Arc<Document>);

/// Suggestions, drawn and decided: their part, fetched when the first is made or when some wait
/// from an earlier visit.
#[derive(Clone, Copy)]
pub struct SuggestionTools {
    /// The region that lists the open document's suggestions, to accept or reject.
    pub region: fn() -> leptos::prelude::AnyView,
    /// Paints an article's suggestions over it, as `Hints` paints hedges.
    pub paint: fn(Arc<Document>),
    /// Makes suggestions of a file of any importable format (its name, its contents); called
    /// under an owner whose context holds the state.
    pub from_file: fn(String, String),
    /// Makes suggestions of a label (its id) at every whole word of a list, in every document;
    /// called as `from_file` is.
    pub from_words: fn(Vec<String>, String),
}

/// The details of a document of one's own (its title, kind, outlet and date, and what can be done
/// with it), drawn above its text: a reader of the bundled articles never fetches them.
pub type OwnDocumentDetails = fn(Arc<Document>) -> leptos::prelude::AnyView;

/// What the classroom draws under a paragraph of the article (`start..end`, its number from 1):
/// the class's band in a discussion, the teacher's comments returned to a student.
pub type NotesUnder = Arc<dyn Fn(usize, usize, usize) -> leptos::prelude::AnyView + Send + Sync>;

/// The notes under the paragraphs of the document (its id), made under the article's reactive
/// owner, whose context holds the state: the part fetched in the classroom's modes, never while
/// one only reads.
pub type ParagraphNotes = fn(String) -> NotesUnder;

/// Other tools' formats: every format written, and read back where it can be.
#[derive(Clone, Copy)]
pub struct OtherFormats {
    pub write: fn(Format, &Corpus, &str) -> Vec<u8>,
    pub read: fn(&str, OffsetUnit) -> Result<IncomingFile, ImportError>,
    /// How many spans overlap others, which doccano drops unless told not to.
    pub overlapping: fn(&Corpus) -> usize,
}

/// The classroom's record as local storage holds it: read, written, and another tab's taken in
/// (`core::classroom::record`). A student who only reads and labels keeps no record, and never
/// fetches this part.
#[derive(Clone, Copy)]
pub struct RecordCodec {
    /// The record saved, or why it cannot be read.
    pub read: fn(&str) -> Result<ClassRecord, String>,
    /// Whether a record that cannot be read was saved by a newer Glossa, never written over.
    pub is_newer: fn(&str) -> bool,
    pub write: fn(&ClassRecord) -> String,
    /// Another tab's record, read, taken into this tab's.
    pub take_in: fn(&ClassRecord, ClassRecord) -> TakenIn,
}

/// The record's part as the app starts: `ui::mount` fetches it first where this browser keeps a
/// record, so that the record is read in the task that draws the app (an assignment opens as it
/// was left, with no frame showing the reader's own work instead).
#[derive(Clone, Copy, Default)]
pub enum RecordPart {
    /// No record is kept here.
    #[default]
    NotNeeded,
    Here(RecordCodec),
    /// A record is kept here, but the part that reads it could not be fetched.
    NotFetched,
}
