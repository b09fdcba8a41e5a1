//! Every shape of saved state an earlier Glossa wrote loads into this one, migrated, with
//! nothing lost. The fixtures in `tests/fixtures/saved-state/` are those shapes, oldest first.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::model::label::default_labels;
use glossa::core::work::storage::{read_state, state_json, SavedState, STATE_VERSION};

const ARTICLE: &str = "004_de3ecafd94c781bd";

fn load(name: &str) -> SavedState {
    let path = format!("{}/tests/fixtures/saved-state/{name}", env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let state = read_state(&raw).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(state.version, STATE_VERSION, "{name} is migrated to this version");
    if name.starts_with("v1-") {
        assert!(state.workspace.deleted.is_empty(), "{name}: version 1 remembered no deletions");
    }
    // What is saved again reads back the same.
    let again = read_state(&state_json(&state.workspace, &state.history, &state.labels)).unwrap();
    assert_eq!(again, state, "{name} saves and reads back unchanged");
    state
}

fn quotes(state: &SavedState, document: &str) -> Vec<String> {
    state.workspace.annotations(document).iter().map(|a| a.quote.clone()).collect()
}

#[test]
fn every_fixture_is_a_version_this_glossa_migrates() {
    let folder = format!("{}/tests/fixtures/saved-state", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "v1-1-annotations.json",
            "v1-2-history.json",
            "v1-3-labels.json",
            "v1-4-documents.json",
            "v2-1-deletions.json",
            "v3-1-links.json",
            "v4-1-sources.json"
        ]
    );
    names.iter().for_each(|name| drop(load(name)));
}

#[test]
fn the_first_shape_annotations_only() {
    let state = load("v1-1-annotations.json");
    assert_eq!(quotes(&state, ARTICLE), ["Iran vehemently denies supplying ballistic missiles to Russia", "New sanctions announced"]);
    let lede = &state.workspace.annotations(ARTICLE)[0];
    assert_eq!((lede.start, lede.end, lede.note.as_str(), lede.attributed_to.as_str()), (83, 144, "the lede", ""));
    assert!(state.history.undo.is_empty() && state.history.redo.is_empty());
    assert_eq!(state.labels, default_labels());
}

#[test]
fn the_shape_with_undo_history() {
    let state = load("v1-2-history.json");
    assert_eq!(quotes(&state, ARTICLE).len(), 2);
    assert_eq!(state.history.undo.len(), 1);
    assert_eq!(state.history.undo[0].description, "Sanction added: “New sanctions announced”");
    assert!(state.history.undo[0].documents.is_empty());
}

#[test]
fn the_shape_with_labels_and_attribution() {
    let state = load("v1-3-labels.json");
    assert_eq!(state.labels.len(), 4);
    assert_eq!((state.labels[3].name.as_str(), state.labels[3].key.as_str()), ("Source", "4"));
    assert_eq!(state.workspace.annotations(ARTICLE)[1].attributed_to, "the EU");
}

#[test]
fn the_shape_with_documents_of_ones_own() {
    let state = load("v1-4-documents.json");
    let record = &state.workspace.added_documents[0];
    assert_eq!(
        (record.title.as_str(), record.file_name.as_deref(), record.changed_at()),
        ("Notes", Some("notes.txt"), "2026-11-23T08:59:00.000Z")
    );
    assert_eq!(quotes(&state, &record.id), ["Notes"]);
    assert_eq!(state.history.undo[0].documents.len(), 1);
}

#[test]
fn the_shape_with_deletions_before_links() {
    let state = load("v2-1-deletions.json");
    assert_eq!(state.workspace.deleted.len(), 1, "deletions are kept");
    assert!(state.workspace.documents.values().flatten().all(|a| a.links.is_empty()), "no annotation links anything");
    assert_eq!(quotes(&state, ARTICLE), ["Iran vehemently denies supplying ballistic missiles to Russia", "New sanctions announced"]);
}

#[test]
fn the_shape_with_links_before_label_definitions() {
    let state = load("v3-1-links.json");
    let links = &state.workspace.annotations(ARTICLE)[0].links;
    assert_eq!(links.len(), 1, "links are kept");
    // Glossa's own labels take its definitions and examples, renamed or not; one's own have none.
    let defaults = default_labels();
    for (saved, own) in state.labels.iter().zip(&defaults) {
        assert_eq!((&saved.definition, &saved.examples), (&own.definition, &own.examples), "{}", saved.id);
    }
    assert_eq!(state.labels[1].name, "Rejection", "a renamed label keeps its name");
    assert_eq!((state.labels[3].definition.as_str(), state.labels[3].examples.len()), ("", 0));
}

#[test]
fn a_label_defined_now_is_never_given_glossas_meaning() {
    let mut state = load("v3-1-links.json");
    glossa::core::model::label::define(&mut state.labels, "claim", "Ours.").unwrap();
    glossa::core::model::label::set_examples(&mut state.labels, "denial", "").unwrap();
    glossa::core::model::label::define(&mut state.labels, "denial", "").unwrap();
    let again = read_state(&state_json(&state.workspace, &state.history, &state.labels)).unwrap();
    assert_eq!(again.labels[0].definition, "Ours.");
    assert_eq!((again.labels[1].definition.as_str(), again.labels[1].examples.len()), ("", 0), "cleared on purpose, and kept clear");
}

#[test]
fn the_shape_with_sources_and_sureness() {
    let state = load("v4-1-sources.json");
    let [denial, sanction] = state.workspace.annotations(ARTICLE) else { panic!("two annotations") };
    assert_eq!(denial.links[0].relation, glossa::core::model::annotation::Relation::Denies);
    assert_eq!(
        (sanction.source_kind.as_str(), sanction.on_the_record, sanction.in_a_position_to_know, sanction.unsure),
        ("government or body", true, true, true)
    );
    assert_eq!(state.labels[1].definition, "Someone says a claim is untrue.", "a definition of version 4 is the reader's, kept");
    let own = &state.workspace.added_documents[0];
    assert!(own.facts().is_empty(), "version 4 described no document");
}
