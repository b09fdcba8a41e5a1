//! The class's figures of each assignment (`core::classroom::figures`), kept as memos: each is
//! computed when first read and again only when what it is computed from changes (the assignment
//! and the class's hand-ins, the key, the texts; not the comments, written a key at a time), so a
//! view that opens reads what was computed. Mathet's γ, which takes a class of 30 longer than
//! a tab may be busy at once, is computed in slices after the other figures and shown as it
//! comes (`Figures::gamma`).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::classroom::figures::{self, ClassAgreement};
use crate::core::classroom::hand_in::HandIn;
use crate::core::classroom::record::{ClassRecord, Teaching};
use crate::core::measures::gamma::{Estimation, Gamma, Undefined};
use crate::core::measures::matching::Evaluation;
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::ui::browser::slices::run_in_slices;
use crate::ui::state::effect::effect;
use crate::ui::state::texts::Texts;
use crate::ui::state::work::Work;

/// Each collected hand-in with its evaluation against the key, in the order collected.
pub type Results = Arc<Vec<(HandIn, Evaluation)>>;

/// Mathet's γ of each row of the class's agreement (each label, then all labels); `None` while
/// it is being computed.
pub type ClassGamma = Vec<Option<Result<Gamma, Undefined>>>;

/// Steps `estimations` in slices (`browser::slices`), each row set in `gamma` once known, from
/// none known; `generation` counts the computations begun, so that one begun again (the people
/// changed) stops the one before.
pub fn gamma_in_slices(mut estimations: Vec<Estimation>, gamma: RwSignal<ClassGamma>, generation: StoredValue<u64>) {
    generation.update_value(|g| *g += 1);
    let this_one = generation.get_value();
    gamma.set(vec![None; estimations.len()]);
    let mut row = 0;
    run_in_slices(move || {
        if generation.try_get_value() != Some(this_one) || row >= estimations.len() {
            return false;
        }
        if let Some(done) = estimations[row].step() {
            gamma.try_update(|g| g[row] = Some(done));
            row += 1;
        }
        row < estimations.len()
    });
}

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
    gamma: Option<RwSignal<ClassGamma>>,
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

    /// Mathet's γ of the class on assignment `id`, tracked: computed in slices whenever the class
    /// changes (a change while computing starts again with the new class), each row shown as
    /// soon as it is known.
    pub fn gamma(self, id: &str) -> ClassGamma {
        if let Some(gamma) = self.kept.try_update_value(|kept| kept.of(id).gamma).flatten() {
            return gamma.get();
        }
        // Made as the memos are (`kept`): under the app's owner, from the same sources.
        let memo = self.kept(id, |kept| &mut kept.agreement, |sources| Memo::new(move |_| agreement_of(sources)));
        let sources = self.kept.with_value(|kept| kept.kept.iter().find(|(kept, _)| kept == id).and_then(|(_, k)| k.sources));
        let owner = self.owner.with_value(WeakOwner::upgrade).or_else(Owner::current).unwrap_or_default();
        let gamma = owner.with(|| {
            let gamma = RwSignal::new(ClassGamma::new());
            let generation = StoredValue::new(0u64);
            effect(move || {
                // Again whenever the class changes: its agreement is made again then.
                memo.track();
                let Some(sources) = sources else { return };
                gamma_in_slices(estimations_of(sources), gamma, generation);
            });
            gamma
        });
        self.kept.update_value(|kept| kept.of(id).gamma = Some(gamma));
        gamma.get()
    }

    /// Mathet's γ of the class on assignment `id`, every row known: what is still being computed
    /// is finished at once (for a report the teacher asked for).
    pub fn gamma_now(self, id: &str) -> Vec<Result<Gamma, Undefined>> {
        let known = untrack(|| self.gamma(id));
        let sources = self.kept.with_value(|kept| kept.kept.iter().find(|(kept, _)| kept == id).and_then(|(_, k)| k.sources));
        let estimations = sources.map(estimations_of).unwrap_or_default();
        estimations
            .into_iter()
            .enumerate()
            .map(|(row, estimation)| known.get(row).copied().flatten().unwrap_or_else(|| estimation.finished()))
            .collect()
    }

    /// How much the class agrees on assignment `id` (with two hand-ins or more), tracked.
    pub fn agreement(self, id: &str) -> Option<Arc<ClassAgreement>> {
        let memo = self.kept(id, |kept| &mut kept.agreement, |sources| Memo::new(move |_| agreement_of(sources)));
        memo.get()
    }
}

/// The class's agreement but γ, tracked.
fn agreement_of(sources: Sources) -> Option<Arc<ClassAgreement>> {
    sources.teaching.with(|t| {
        let t = t.as_ref()?;
        figures::agreement(t, &documents_of(sources, t)).map(Arc::new)
    })
}

/// A γ estimation per row of the class's agreement, untracked; none with fewer than two hand-ins.
fn estimations_of(sources: Sources) -> Vec<Estimation> {
    sources.teaching.with_untracked(|t| match t {
        Some(t) if t.collected.len() >= 2 => figures::gamma(t, &documents_of(sources, t)),
        _ => Vec::new(),
    })
}

/// The texts of the assignment's documents (those this browser has).
fn documents_of(sources: Sources, teaching: &Teaching) -> Vec<Arc<Document>> {
    teaching.assignment.documents.iter().filter_map(|d| sources.texts.document(&d.id)).collect()
}
