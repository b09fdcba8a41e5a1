//! The class's figures of each assignment (`core::classroom::figures`), kept as memos: each is
//! computed when first read and again only when what it is computed from changes (the assignment
//! and the class's hand-ins, the key, the texts; not the comments, written a key at a time), so a
//! view that opens reads what was computed.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::classroom::figures::{self, ClassAgreement};
use crate::core::classroom::hand_in::HandIn;
use crate::core::classroom::record::{ClassRecord, Teaching};
use crate::core::measures::matching::Evaluation;
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::ui::state::texts::Texts;
use crate::ui::state::work::Work;

/// Each collected hand-in with its evaluation against the key, in the order collected.
pub type Results = Arc<Vec<(HandIn, Evaluation)>>;

/// What the figures of one assignment are computed from: the assignment as taught here and its
/// key, each a memo, and the texts.
#[derive(Clone, Copy)]
pub struct Sources {
    teaching: Memo<Option<Teaching>>,
    key: Memo<Option<BTreeMap<String, Vec<Annotation>>>>,
    texts: Texts,
}

impl Sources {
    fn new(saved: RwSignal<ClassRecord>, work: Work, texts: Texts, id: String) -> Sources {
        // Without the comments: they are saved as they are typed and no figure depends on them.
        let teaching = Memo::new(move |_| {
            saved.with(|saved| {
                saved.teaching(&id).map(|t| Teaching {
                    assignment: t.assignment.clone(),
                    key_travel: t.key_travel,
                    collected: t.collected.clone(),
                    comments: Default::default(),
                    // Nor the rounds that do not count.
                    rounds: Vec::new(),
                    chosen: Default::default(),
                    updated_at: t.updated_at.clone(),
                })
            })
        });
        let key = Memo::new(move |_| teaching.with(|t| t.as_ref().map(|t| work.workspace.with(|w| t.assignment.key_from(&w.documents)))));
        Sources { teaching, key, texts }
    }
}

/// The class's figures of each assignment opened here, each made the first time it is asked for
/// (under the app's owner, so that it outlives the view that asked) and then computed again only
/// when its sources change: opening the teacher's page or the report reads what was computed.
/// Each kind is made only where it is asked for, so that their code stays in the teacher's part;
/// the disagreement map, which the class discussion draws on the article, is light and is
/// computed where it is drawn (`Classroom::disagreement_map`).
#[derive(Default)]
pub struct ClassFigures {
    /// By assignment id: a class has few assignments, so a list searched is enough.
    kept: Vec<(String, Kept)>,
}

/// The memos of one assignment, each made when first asked for.
#[derive(Clone, Copy, Default)]
struct Kept {
    sources: Option<Sources>,
    results: Option<Memo<Results>>,
    agreement: Option<Memo<Option<Arc<ClassAgreement>>>>,
}

impl ClassFigures {
    fn of(&mut self, id: &str) -> &mut Kept {
        let at = match self.kept.iter().position(|(kept, _)| kept == id) {
            Some(at) => at,
            None => {
                self.kept.push((id.to_owned(), Kept::default()));
                self.kept.len() - 1
            }
        };
        &mut self.kept[at].1
    }
}

/// What makes the figures: where they are kept, the owner they live under, and their sources' signals.
#[derive(Clone, Copy)]
pub struct Figures {
    pub(super) kept: StoredValue<ClassFigures>,
    pub(super) owner: StoredValue<WeakOwner, LocalStorage>,
    pub(super) saved: RwSignal<ClassRecord>,
    pub(super) work: Work,
    pub(super) texts: Texts,
}

impl Figures {
    /// The memo of one kind of figure for assignment `id` (where `of_kind` keeps it), made by
    /// `make` from its sources the first time.
    fn kept<T: Send + Sync + 'static>(
        self,
        id: &str,
        of_kind: fn(&mut Kept) -> &mut Option<Memo<T>>,
        make: impl FnOnce(Sources) -> Memo<T>,
    ) -> Memo<T> {
        if let Some(memo) = self.kept.try_update_value(|kept| *of_kind(kept.of(id))).flatten() {
            return memo;
        }
        let sources = self.kept.try_update_value(|kept| kept.of(id).sources).flatten();
        // The app's owner is there as long as the app is (the asking view's stands in after).
        let owner = self.owner.with_value(WeakOwner::upgrade).or_else(Owner::current).unwrap_or_default();
        let memo = owner.with(|| {
            let sources = sources.unwrap_or_else(|| Sources::new(self.saved, self.work, self.texts, id.to_owned()));
            self.kept.update_value(|kept| kept.of(id).sources = Some(sources));
            make(sources)
        });
        self.kept.update_value(|kept| *of_kind(kept.of(id)) = Some(memo));
        memo
    }

    /// Each collected student's evaluation on assignment `id`, tracked.
    pub fn results(self, id: &str) -> Results {
        let memo = self.kept(
            id,
            |kept| &mut kept.results,
            |sources| {
                Memo::new(move |_| {
                    sources.teaching.with(|t| {
                        let Some(t) = t else { return Arc::new(Vec::new()) };
                        let evaluations = sources.key.with(|key| figures::evaluations(t, key.as_ref().unwrap_or(&BTreeMap::new())));
                        Arc::new(t.collected.iter().cloned().zip(evaluations).collect())
                    })
                })
            },
        );
        memo.get()
    }

    /// How much the class agrees on assignment `id` (with two hand-ins or more), tracked.
    pub fn agreement(self, id: &str) -> Option<Arc<ClassAgreement>> {
        let memo = self.kept(
            id,
            |kept| &mut kept.agreement,
            |sources| {
                Memo::new(move |_| {
                    sources.teaching.with(|t| {
                        let t = t.as_ref()?;
                        let documents: Vec<Arc<Document>> =
                            t.assignment.documents.iter().filter_map(|d| sources.texts.document(&d.id)).collect();
                        figures::agreement(t, &documents).map(Arc::new)
                    })
                })
            },
        );
        memo.get()
    }
}
