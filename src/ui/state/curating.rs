//! A curation (`core::classroom::curation`): the annotators' work, kept under a storage key of
//! its own, and the gold it makes, which is work (the layer `Layer::Gold`): every decision is a
//! change of the work, one undo step, saved and joined with other tabs as the rest. The first
//! module knows only that the curation is there to open; its part reads and changes it.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::classroom::assignment::Layer;
use crate::core::classroom::curation::{self, Annotator, Conflict, Curated, Curation, Threshold, Version, KEY};
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::model::id;
use crate::core::work::workspace::{Changes, Workspace};
use crate::ui::browser::{self, persist};
use crate::ui::state::classroom::Classroom;
use crate::ui::state::view::{Message, Reveal, View};
use crate::ui::state::work::Work;

/// What the curator decides of a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// One version (its index in the conflict).
    Accept(usize),
    AcceptAll,
    Reject,
}

#[derive(Clone, Copy)]
pub struct Curating {
    curation: RwSignal<Curation>,
    /// Whether what storage kept has been read into `curation`.
    read: StoredValue<bool>,
    work: Work,
    view: View,
    classroom: Classroom,
}

impl Curating {
    pub fn start(work: Work, view: View, classroom: Classroom) -> Curating {
        Curating { curation: RwSignal::new(Curation::default()), read: StoredValue::new(false), work, view, classroom }
    }

    /// `read` of the curation, tracked; what storage kept is read first, once.
    pub fn with<T>(&self, read: impl FnOnce(&Curation) -> T) -> T {
        self.read_kept();
        self.curation.with(read)
    }

    fn read_kept(&self) {
        if self.read.get_value() {
            return;
        }
        self.read.set_value(true);
        self.take(persist::read_text(KEY));
    }

    /// Takes `kept` (what storage holds under the curation's key, or nothing) as the curation.
    fn take(&self, kept: Result<Option<String>, String>) {
        match kept.and_then(|raw| raw.map(|raw| Curation::from_json(&raw)).transpose()) {
            Ok(kept) => self.curation.set(kept.unwrap_or_default()),
            Err(problem) => self
                .view
                .say(Message::alert(format!("Glossa could not read the curation kept here: {problem}. Your work is not affected."))),
        }
    }

    /// Reads what storage keeps again at the next read: another tab may have changed the
    /// annotators while the curation was closed here.
    pub fn read_again(&self) {
        self.read.set_value(false);
    }

    /// Takes the annotators another tab stored (`None`: it took them all out).
    pub fn take_stored_elsewhere(&self, raw: Option<String>) {
        self.read.set_value(true);
        self.take(Ok(raw));
    }

    fn change(&self, change: impl FnOnce(&mut Curation)) {
        self.read_kept();
        self.curation.update(change);
        let raw = self.curation.with_untracked(|c| (!c.annotators.is_empty()).then(|| c.to_json()));
        if let Err(problem) = persist::write_text(KEY, raw.as_deref()) {
            self.view.say(Message::alert(format!("The annotators' files are not kept after this tab closes: {problem}")));
        }
    }

    /// The documents the annotators marked, in the order of the list of articles.
    pub fn documents(&self) -> Vec<Arc<Document>> {
        let here = self.work.documents();
        self.with(|c| c.documents(&here).into_iter().cloned().collect())
    }

    /// What the threshold makes of the annotators' work, tracked.
    pub fn curated(&self) -> Curated {
        let documents = self.documents();
        let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        self.with(|c| curation::curate(&c.annotators, &ids, c.threshold))
    }

    /// The gold by document, tracked.
    pub fn gold(&self) -> BTreeMap<String, Vec<Annotation>> {
        let documents = self.documents();
        self.work.workspace.with(|w| {
            documents
                .iter()
                .map(|d| (d.id.clone(), w.annotations(&Layer::Gold.document_key(&d.id)).to_vec()))
                .filter(|(_, l)| !l.is_empty())
                .collect()
        })
    }

    /// How `conflict` stands, tracked.
    pub fn standing(&self, conflict: &Conflict) -> curation::Standing {
        self.work.workspace.with(|w| {
            conflict.standing(
                w.annotations(&Layer::Gold.document_key(&conflict.document)),
                w.annotations(&curation::rejected_key(&conflict.document)),
            )
        })
    }

    /// Adds the annotators read from files (in place of any of the same name) and accepts at once
    /// what the threshold accepts.
    pub fn add(&self, annotators: Vec<Annotator>) {
        let names: Vec<String> = annotators.iter().map(|a| format!("{} ({} spans)", a.name, a.count())).collect();
        self.change(|c| annotators.into_iter().for_each(|a| c.add(a)));
        self.view.say(Message::status(format!("Curating the work of {}.", names.join(", "))));
        self.accept_automatically();
    }

    /// Takes annotator `name` out of the curation; what the threshold accepted of their work
    /// follows the new count.
    pub fn remove(&self, name: &str) {
        self.change(|c| c.annotators.retain(|a| a.name != name));
        self.accept_automatically();
    }

    pub fn set_threshold(&self, threshold: Threshold) {
        self.change(|c| c.threshold = threshold);
        self.accept_automatically();
    }

    /// Puts in the gold what the threshold accepts, and takes out what it accepted before and
    /// no longer does: one step of the undo history.
    fn accept_automatically(&self) {
        let curated = untrack(|| self.curated());
        let now = browser::now();
        let (threshold, of) = self.curation.with_untracked(|c| (c.threshold, c.annotators.len()));
        let description = format!("Accept automatically: {}", threshold.name(of).to_lowercase());
        let made: Vec<(String, Annotation)> = self.with_annotators(|annotators| {
            curated.accepted.iter().map(|(d, v)| (d.clone(), curation::gold_annotation(annotators, d, v, true, &now))).collect()
        });
        let changed = self.decide_with(&description, |w| {
            let kept: Vec<&str> = made.iter().map(|(_, a)| a.id.as_str()).collect();
            let stale: Vec<String> = w
                .documents
                .iter()
                .filter(|(key, _)| key.starts_with(&Layer::Gold.document_key("")))
                .flat_map(|(_, list)| {
                    list.iter().filter(|a| curation::is_automatic(&a.id) && !kept.contains(&a.id.as_str())).map(|a| a.id.clone())
                })
                .collect();
            let mut changes: Changes = stale.iter().filter_map(|id| w.delete(id, &now)).collect::<Vec<_>>().into();
            for (document, annotation) in made {
                if w.find(&annotation.id).is_none() {
                    changes = changes.and(w.put(&Layer::Gold.document_key(&document), annotation).into());
                }
            }
            changes
        });
        if changed {
            self.view.say(Message::status(format!("{description}: {} spans accepted.", curated.accepted.len())));
        }
    }

    fn with_annotators<T>(&self, read: impl FnOnce(&[Annotator]) -> T) -> T {
        self.curation.with_untracked(|c| read(&c.annotators))
    }

    /// Applies `edit` to the work and then adds the links the gold lacks, as one step.
    fn decide_with(&self, description: &str, edit: impl FnOnce(&mut Workspace) -> Changes) -> bool {
        let now = browser::now();
        let documents = untrack(|| self.documents());
        self.work.change(description, false, |w| {
            let changes = edit(w);
            let gold: BTreeMap<String, Vec<Annotation>> =
                documents.iter().map(|d| (d.id.clone(), w.annotations(&Layer::Gold.document_key(&d.id)).to_vec())).collect();
            let missing = self.with_annotators(|annotators| curation::missing_links(annotators, &gold));
            let linked: Vec<_> = missing.into_iter().filter_map(|(_, id, link)| w.link(&id, &link.to, Some(link.relation), &now)).collect();
            changes.and(linked.into())
        })
    }

    /// Decides `conflict`: accepts a version, all of them, or rejects them all.
    pub fn decide(&self, conflict: &Conflict, decision: Decision) {
        let now = browser::now();
        let document = Layer::Gold.document_key(&conflict.document);
        let name = |v: &Version| format!("{} “{}”", self.work.label(&v.label).map_or(v.label.clone(), |l| l.name), v.quote);
        let (description, made, key) = match decision {
            Decision::Accept(i) => {
                let Some(version) = conflict.versions.get(i) else { return };
                let made = self.with_annotators(|a| vec![curation::gold_annotation(a, &conflict.document, version, false, &now)]);
                (format!("Accepted {}", name(version)), made, document)
            }
            Decision::AcceptAll => {
                let made = self.with_annotators(|a| {
                    conflict.versions.iter().map(|v| curation::gold_annotation(a, &conflict.document, v, false, &now)).collect()
                });
                (format!("Accepted all {} versions", conflict.versions.len()), made, document)
            }
            Decision::Reject => (
                format!("Rejected {}", conflict.versions.iter().map(name).collect::<Vec<_>>().join(", ")),
                conflict.rejections(&now),
                curation::rejected_key(&conflict.document),
            ),
        };
        if self.decide_with(&description, |w| w.put_all(&key, made).into()) {
            self.view.say(Message::status(format!("{description}.")));
        }
    }

    /// Opens `conflict` again: what deciding it put in the gold or the rejections is taken out,
    /// as one step.
    pub fn reopen(&self, conflict: &Conflict) {
        let now = browser::now();
        let document = &conflict.document;
        let ids: Vec<String> = self.work.workspace.with_untracked(|w| {
            let (gold, rejected) = (w.annotations(&Layer::Gold.document_key(document)), w.annotations(&curation::rejected_key(document)));
            conflict.decisions(gold, rejected).into_iter().map(|a| a.id.clone()).collect()
        });
        if self.work.change("Conflict opened again", false, |w| ids.iter().filter_map(|id| w.delete(id, &now)).collect::<Vec<_>>().into()) {
            self.view.say(Message::status("Conflict opened again."));
        }
    }

    /// Opens the article of `conflict` with its stretch selected: a label key labels it in the
    /// gold, and the selection may be changed first.
    pub fn show(&self, conflict: &Conflict) {
        self.view.set_open(Some(conflict.document.clone()));
        self.view.go_to(&conflict.document);
        self.view.set_reveal(Some((conflict.document.clone(), Reveal::Text { start: conflict.start, end: conflict.end, select: false })));
    }

    /// Makes an assignment whose key is a copy of the gold, on the documents curated, and opens
    /// the teacher's view at it.
    pub fn use_as_key(&self) {
        let documents = untrack(|| self.documents());
        let gold = untrack(|| self.gold());
        if gold.is_empty() {
            return self.view.say(Message::alert("The gold is empty: accept some spans first."));
        }
        let key = curation::copied(&gold, || id::uuid_v4(browser::random_bytes()));
        let of = self.curation.with_untracked(|c| c.annotators.len());
        let title = format!("Gold standard of {of} annotators");
        self.classroom.assignment_of(&title, &documents, key);
        self.view.say(Message::status(format!("“{title}” is an assignment whose key is the gold: export it for the class here.")));
        self.classroom.open_teacher_view();
    }
}
