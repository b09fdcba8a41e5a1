//! Starts Glossa in the browser, with the parts a reader may never use split off: each function
//! marked `wasm_split` here begins a module of its own that `scripts/build` cuts out of the wasm,
//! fetched the first time the part is used (`glossa::ui::parts`).

#[cfg(target_arch = "wasm32")]
mod parts {
    use glossa::ui::parts::{
        self, Hints, Importer, NotFetched, OtherFormats, OwnDocumentDetails, Panels, ParagraphNotes, Parts, RecordCodec, SuggestionTools,
    };
    use leptos::prelude::AnyView;
    use wasm_split_helpers::wasm_split;

    #[wasm_split(assignment, fallible)]
    fn assignment_bar() -> Result<AnyView, NotFetched> {
        Ok(parts::assignment_bar())
    }

    #[wasm_split(teacher, fallible)]
    fn teacher_view() -> Result<AnyView, NotFetched> {
        Ok(parts::teacher_view())
    }

    #[wasm_split(board, fallible)]
    fn claims_board() -> Result<AnyView, NotFetched> {
        Ok(parts::claims_board())
    }

    #[wasm_split(search, fallible)]
    fn search_view() -> Result<AnyView, NotFetched> {
        Ok(parts::search_view())
    }

    #[wasm_split(formats, fallible)]
    fn other_formats() -> Result<OtherFormats, NotFetched> {
        Ok(parts::other_formats())
    }

    #[wasm_split(import, fallible)]
    fn importer() -> Result<Importer, NotFetched> {
        Ok(Importer::here())
    }

    #[wasm_split(panels, fallible)]
    fn panels() -> Result<Panels, NotFetched> {
        Ok(parts::panels())
    }

    #[wasm_split(hints, fallible)]
    fn hints() -> Result<Hints, NotFetched> {
        Ok(parts::hints())
    }

    #[wasm_split(suggestions, fallible)]
    fn suggestion_tools() -> Result<SuggestionTools, NotFetched> {
        Ok(parts::suggestion_tools())
    }

    #[wasm_split(curation, fallible)]
    fn curation_bar() -> Result<AnyView, NotFetched> {
        Ok(parts::curation_bar())
    }

    #[wasm_split(conflicts, fallible)]
    fn conflicts_region() -> Result<AnyView, NotFetched> {
        Ok(parts::conflicts_region())
    }

    #[wasm_split(record, fallible)]
    fn record_codec() -> Result<RecordCodec, NotFetched> {
        Ok(parts::record_codec())
    }

    #[wasm_split(notes, fallible)]
    fn paragraph_notes() -> Result<ParagraphNotes, NotFetched> {
        Ok(parts::paragraph_notes())
    }

    #[wasm_split(details, fallible)]
    fn own_document_details() -> Result<OwnDocumentDetails, NotFetched> {
        Ok(parts::own_document_details())
    }

    pub fn split() -> Parts {
        Parts {
            assignment: || Box::pin(assignment_bar()),
            teacher: || Box::pin(teacher_view()),
            board: || Box::pin(claims_board()),
            search: || Box::pin(search_view()),
            formats: || Box::pin(other_formats()),
            importer: || Box::pin(importer()),
            panels: || Box::pin(panels()),
            hints: || Box::pin(hints()),
            suggestions: || Box::pin(suggestion_tools()),
            curation: || Box::pin(curation_bar()),
            conflicts: || Box::pin(conflicts_region()),
            record: || Box::pin(record_codec()),
            notes: || Box::pin(paragraph_notes()),
            details: || Box::pin(own_document_details()),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    glossa::ui::mount(parts::split());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Glossa runs in the browser: build and serve it with the README's serve command.");
    std::process::exit(2);
}
