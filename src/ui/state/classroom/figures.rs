//! The class's figures of each assignment (`core::classroom::figures`), kept as memos: each is
//! computed when first read and again only when what it is computed from changes (the class's
//! hand-ins and comments, the key, the texts), so a view that opens reads what was computed.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::classroom::figures::{self, ClassAgreement, DisagreementMap};
use crate::core::classroom::hand_in::Work as HandIn;
use crate::core::classroom::record::Classroom as Saved;
use crate::core::measures::matching::Evaluation;
use crate::core::model::document::Document;
use crate::ui::state::texts::Texts;
use crate::ui::state::work::Work;

/// The class's figures of one assignment, each computed when first read and again only when what
/// it is computed from changes: opening the teacher's page, the class discussion or the report
/// reads what was computed.
#[derive(Clone, Copy)]
pub struct ClassFigures {
    pub results: Memo<Arc<Vec<(HandIn, Evaluation)>>>,
    pub map: Memo<Option<Arc<DisagreementMap>>>,
    pub agreement: Memo<Option<Arc<ClassAgreement>>>,
}

impl ClassFigures {
    pub fn new(saved: RwSignal<Saved>, work: Work, texts: Texts, id: String) -> ClassFigures {
        let teaching = Memo::new(move |_| saved.with(|saved| saved.teaching(&id).cloned()));
        let key = Memo::new(move |_| teaching.with(|t| t.as_ref().map(|t| work.workspace.with(|w| t.assignment.key_from(&w.documents)))));
        // The class's work with the texts of its documents, once two hand-ins or more are in.
        let class = Memo::new(move |_| {
            teaching.with(|t| {
                let t = t.as_ref().filter(|t| t.collected.len() >= 2)?;
                let documents: Vec<Arc<Document>> = t.assignment.documents.iter().filter_map(|d| texts.document(&d.id)).collect();
                Some((t.clone(), documents))
            })
        });
        let results = Memo::new(move |_| {
            teaching.with(|t| {
                let Some(t) = t else { return Arc::new(Vec::new()) };
                let evaluations = key.with(|key| figures::evaluations(t, key.as_ref().unwrap_or(&BTreeMap::new())));
                Arc::new(t.collected.iter().cloned().zip(evaluations).collect())
            })
        });
        let map =
            Memo::new(move |_| class.with(|class| class.as_ref().map(|(t, documents)| Arc::new(figures::disagreement_map(t, documents)))));
        let agreement = Memo::new(move |_| {
            class.with(|class| class.as_ref().and_then(|(t, documents)| figures::agreement(t, documents)).map(Arc::new))
        });
        ClassFigures { results, map, agreement }
    }
}
