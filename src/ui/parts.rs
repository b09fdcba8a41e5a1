//! What each part fetched when first used draws or holds, and every part at hand for the tests.
//! `main.rs` marks the functions here as the beginnings of the parts (`ui::state::parts`).

use leptos::prelude::*;

use crate::core::classroom::record;
use crate::core::exchange::formats;
use crate::ui::panels::{board, help, label_editor, link, preferences, search, suggestions, toolbar};
pub use crate::ui::state::{
    Hints, Importer, Load, NotFetched, OtherFormats, OwnDocumentDetails, Panels, ParagraphNotes, RecordCodec, SuggestionTools,
};
use crate::ui::{classroom, reader};

/// The parts of the app, each with its way of being brought.
#[derive(Clone, Copy)]
pub struct Parts {
    pub assignment: Load<AnyView>,
    pub teacher: Load<AnyView>,
    pub board: Load<AnyView>,
    pub search: Load<AnyView>,
    pub formats: Load<OtherFormats>,
    pub importer: Load<Importer>,
    pub panels: Load<Panels>,
    pub hints: Load<Hints>,
    pub suggestions: Load<SuggestionTools>,
    pub curation: Load<AnyView>,
    pub conflicts: Load<AnyView>,
    pub record: Load<RecordCodec>,
    pub notes: Load<ParagraphNotes>,
    pub details: Load<OwnDocumentDetails>,
}

/// Every part at hand in the first module, nothing split: the browser tests mount the app so.
pub fn in_place() -> Parts {
    Parts {
        assignment: || Box::pin(async { Ok(assignment_bar()) }),
        teacher: || Box::pin(async { Ok(teacher_view()) }),
        board: || Box::pin(async { Ok(claims_board()) }),
        search: || Box::pin(async { Ok(search_view()) }),
        formats: || Box::pin(async { Ok(other_formats()) }),
        importer: || Box::pin(async { Ok(Importer::here()) }),
        panels: || Box::pin(async { Ok(panels()) }),
        hints: || Box::pin(async { Ok(hints()) }),
        suggestions: || Box::pin(async { Ok(suggestion_tools()) }),
        curation: || Box::pin(async { Ok(curation_bar()) }),
        conflicts: || Box::pin(async { Ok(conflicts_region()) }),
        record: || Box::pin(async { Ok(record_codec()) }),
        notes: || Box::pin(async { Ok(paragraph_notes()) }),
        details: || Box::pin(async { Ok(own_document_details()) }),
    }
}

/// The details of a document of one's own, as their part draws them.
pub fn own_document_details() -> OwnDocumentDetails {
    reader::own_document_details
}

/// What the classroom draws under the article's paragraphs, as its part holds it.
pub fn paragraph_notes() -> ParagraphNotes {
    classroom::notes_under
}

/// The classroom's record read, written and joined, as its part holds them.
pub fn record_codec() -> RecordCodec {
    RecordCodec { read: record::read, is_newer: record::is_newer, write: record::to_json, take_in: record::take_in }
}

/// The panels drawn when opened, as their part holds them.
pub fn panels() -> Panels {
    Panels {
        labels: || view! { <label_editor::LabelEditor/> }.into_any(),
        settings: || view! { <preferences::Preferences/> }.into_any(),
        shortcuts: || view! { <help::Shortcuts/> }.into_any(),
        link_choice: |id, open| view! { <link::LinkChoice id open/> }.into_any(),
        export_choices: |only_open| view! { <toolbar::ExportChoices only_open/> }.into_any(),
    }
}

/// The hints of hedges and reporting verbs, as their part paints them.
pub fn hints() -> Hints {
    reader::hint_hedges
}

/// Suggestions, as their part draws, paints and makes them.
pub fn suggestion_tools() -> SuggestionTools {
    SuggestionTools {
        region: || view! { <suggestions::SuggestionsRegion/> }.into_any(),
        paint: suggestions::paint,
        from_file: suggestions::from_file,
        from_words: suggestions::from_word_list,
    }
}

/// The bar above the gold while curating, as its part draws it.
pub fn curation_bar() -> AnyView {
    view! { <classroom::CurationBar/> }.into_any()
}

/// The region of a curation's conflicts, as its part draws it.
pub fn conflicts_region() -> AnyView {
    view! { <classroom::ConflictsRegion/> }.into_any()
}

/// The bar above the article in an assignment, as its part draws it.
pub fn assignment_bar() -> AnyView {
    view! { <classroom::AssignmentBar/> }.into_any()
}

/// The teacher's view, as its part draws it.
pub fn teacher_view() -> AnyView {
    view! { <classroom::TeacherView/> }.into_any()
}

/// The claims board, as its part draws it.
pub fn claims_board() -> AnyView {
    view! { <board::ClaimsBoard/> }.into_any()
}

/// The search of every document, as its part draws it.
pub fn search_view() -> AnyView {
    view! { <search::SearchView/> }.into_any()
}

/// The formats as their part holds them.
pub fn other_formats() -> OtherFormats {
    OtherFormats { write: formats::write, read: formats::read_other_tools, overlapping: |corpus| corpus.overlapping() }
}
