//! Curation: several annotators' work on the same texts made into one gold standard, as
//! INCEpTION's curation and MedTator's adjudication do it.
//!
//! Each annotator's spans are grouped into **versions**: one span, one label and one attribution,
//! with the annotators who gave it. A version given by as many annotators as the curator's
//! [`Threshold`] asks is accepted at once, unless another version at the same span and label gives
//! a different attribution (conflicting attributions are a conflict too). A version that lost (it
//! overlaps an accepted one of its label, or sits on an accepted one's span) is outvoted. Every
//! other version is part of a **conflict**: the versions whose spans overlap, one after another,
//! for the curator to decide.
//!
//! The gold itself is work (the layer `Layer::Gold`, saved, joined and undone like the rest), so
//! what this module gives is what to put there: the gold annotation of a version (its
//! attribution, notes and links following it), and the rejections, kept under a document key of
//! their own. A conflict is decided when the gold holds a span over it that the threshold did not
//! put there, or when every version of it is rejected: undoing the change that decided it opens it
//! again.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::classroom::assignment::{self, Assignment, AssignmentDocument};
use crate::core::classroom::figures::{self, ClassAgreement};
use crate::core::classroom::hand_in::{self, HandIn};
use crate::core::classroom::record::Teaching;
use crate::core::measures::agreement;
use crate::core::measures::gamma;
use crate::core::measures::matching::Evaluation;
use crate::core::model::annotation::{Annotation, Link};
use crate::core::model::document::Document;
use crate::core::model::label::Label;
use crate::core::model::own_document::sha256_hex;
use crate::core::text::json;

/// The storage key the annotators of a curation are kept under (the gold is in the work).
pub const KEY: &str = "glossa.v1.curation";

/// The version of what is kept; a newer one is not read (nor written over).
pub const VERSION: u32 = 1;

/// How the document keys of the rejections begin.
const REJECTED: &str = "rejected:";

/// How the ids of gold annotations begin (accepted by the threshold, or by the curator), and of
/// rejections.
const AUTOMATIC: &str = "auto-";
const DECIDED: &str = "gold-";
const REJECTION: &str = "rejected-";

/// One annotator's work: annotations by document id (ids here).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotator {
    /// The file's name, or the student's on a hand-in.
    pub name: String,
    pub documents: BTreeMap<String, Vec<Annotation>>,
}

impl Annotator {
    pub fn annotations(&self, document: &str) -> &[Annotation] {
        self.documents.get(document).map_or(&[], Vec::as_slice)
    }

    pub fn count(&self) -> usize {
        self.documents.values().map(Vec::len).sum()
    }
}

/// When a version is accepted without asking: given by every annotator, by a majority, or by at
/// least so many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    All,
    #[default]
    Majority,
    AtLeast(usize),
}

impl Threshold {
    /// Whether `count` annotators of `of` giving a version is enough.
    pub fn met(self, count: usize, of: usize) -> bool {
        match self {
            Threshold::All => count == of,
            Threshold::Majority => 2 * count > of,
            Threshold::AtLeast(n) => count >= n.max(1),
        }
    }

    /// The choices for `of` annotators, each once: all, a majority, and every "at least" that is
    /// neither.
    pub fn choices(of: usize) -> Vec<Threshold> {
        let majority = of / 2 + 1;
        let at_least = (1..of).filter(|&n| n != majority).map(Threshold::AtLeast);
        [Threshold::All, Threshold::Majority].into_iter().chain(at_least).collect()
    }

    /// What the choice says, for `of` annotators.
    pub fn name(self, of: usize) -> String {
        match self {
            Threshold::All => format!("When all {of} agree"),
            Threshold::Majority => format!("When a majority agree ({} of {of})", of / 2 + 1),
            Threshold::AtLeast(n) => format!("When at least {n} of {of} agree"),
        }
    }

    /// The choice as a form's value: `all`, `majority`, `at-least-2`.
    pub fn value(self) -> String {
        match self {
            Threshold::All => "all".to_owned(),
            Threshold::Majority => "majority".to_owned(),
            Threshold::AtLeast(n) => format!("at-least-{n}"),
        }
    }

    pub fn of_value(value: &str) -> Option<Threshold> {
        match value {
            "all" => Some(Threshold::All),
            "majority" => Some(Threshold::Majority),
            _ => value.strip_prefix("at-least-")?.parse().ok().filter(|&n| n > 0).map(Threshold::AtLeast),
        }
    }
}

/// A curation as it is kept: the annotators and the threshold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curation {
    pub version: u32,
    pub annotators: Vec<Annotator>,
    #[serde(default)]
    pub threshold: Threshold,
}

impl Curation {
    pub fn to_json(&self) -> String {
        json::write(self).expect("a curation is plain data")
    }

    /// What storage holds; a newer version or a broken copy is an error that says so.
    pub fn from_json(json: &str) -> Result<Curation, String> {
        let curation: Curation = json::read(json).map_err(|e| format!("the curation kept here cannot be read ({e})"))?;
        match curation.version > VERSION {
            true => Err(format!("the curation kept here is of a newer Glossa (version {})", curation.version)),
            false => Ok(curation),
        }
    }

    /// Adds `annotator`, in place of one of the same name.
    pub fn add(&mut self, annotator: Annotator) {
        self.version = VERSION;
        match self.annotators.iter_mut().find(|a| a.name == annotator.name) {
            Some(there) => *there = annotator,
            None => self.annotators.push(annotator),
        }
    }

    /// Every document some annotator marked, in the order of `order` (the documents here).
    pub fn documents<'a>(&self, order: &'a [Arc<Document>]) -> Vec<&'a Arc<Document>> {
        let marked: BTreeSet<&str> =
            self.annotators.iter().flat_map(|a| a.documents.iter().filter(|(_, l)| !l.is_empty()).map(|(d, _)| d.as_str())).collect();
        order.iter().filter(|d| marked.contains(d.id.as_str())).collect()
    }
}

/// One span, label and attribution, and who gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// As the first annotator who gave it wrote it.
    pub attributed_to: String,
    pub quote: String,
    /// The annotators who gave it (their indexes), each once, in order.
    pub by: Vec<usize>,
}

impl Version {
    fn overlaps(&self, other: &Version) -> bool {
        self.start < other.end && other.start < self.end
    }

    fn same_span_and_label(&self, other: &Version) -> bool {
        (self.start, self.end, &self.label) == (other.start, other.end, &other.label)
    }

    /// Whether annotation `a` is this version.
    fn is(&self, a: &Annotation) -> bool {
        (a.start, a.end, a.label.as_str(), attribution(&a.attributed_to))
            == (self.start, self.end, self.label.as_str(), attribution(&self.attributed_to))
    }

    /// The id of its gold annotation, accepted by the threshold (`automatic`) or by the curator:
    /// the same in every tab and on every curation of the same files.
    pub fn gold_id(&self, document: &str, automatic: bool) -> String {
        self.id(if automatic { AUTOMATIC } else { DECIDED }, document)
    }

    /// The id of its rejection.
    fn rejection_id(&self, document: &str) -> String {
        self.id(REJECTION, document)
    }

    fn id(&self, prefix: &str, document: &str) -> String {
        let key = format!("{document}\u{0}{}\u{0}{}\u{0}{}\u{0}{}", self.start, self.end, self.label, attribution(&self.attributed_to));
        format!("{prefix}{}", &sha256_hex(&key)[..16])
    }
}

/// Attributions compared as people write them: the same words, whatever the spaces and case.
fn attribution(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Every version of `document`'s spans among `annotators`, in text order.
pub fn versions(annotators: &[Annotator], document: &str) -> Vec<Version> {
    let mut versions: Vec<Version> = Vec::new();
    for (who, annotator) in annotators.iter().enumerate() {
        for a in annotator.annotations(document) {
            match versions.iter_mut().find(|v| v.is(a)) {
                Some(v) if v.by.contains(&who) => {}
                Some(v) => v.by.push(who),
                None => versions.push(Version {
                    start: a.start,
                    end: a.end,
                    label: a.label.clone(),
                    attributed_to: a.attributed_to.trim().to_owned(),
                    quote: a.quote.clone(),
                    by: vec![who],
                }),
            }
        }
    }
    versions.sort_by(|a, b| (a.start, a.end, &a.label, &a.attributed_to).cmp(&(b.start, b.end, &b.label, &b.attributed_to)));
    versions
}

/// Overlapping versions for the curator to decide, with the stretch they cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub versions: Vec<Version>,
}

/// What a threshold makes of the annotators' work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Curated {
    /// Versions accepted at once, by document.
    pub accepted: Vec<(String, Version)>,
    /// Versions that lost to an accepted one.
    pub outvoted: usize,
    pub conflicts: Vec<Conflict>,
}

/// The versions `threshold` accepts and the conflicts left, over `documents` (ids, in order).
pub fn curate(annotators: &[Annotator], documents: &[&str], threshold: Threshold) -> Curated {
    let mut curated = Curated::default();
    for &document in documents {
        let versions = versions(annotators, document);
        let (mut accepted, mut rest) = (Vec::new(), Vec::new());
        for v in &versions {
            let rivals: Vec<&Version> = versions.iter().filter(|o| o.same_span_and_label(v)).collect();
            let givers: BTreeSet<usize> = rivals.iter().flat_map(|o| o.by.iter().copied()).collect();
            match rivals.len() == 1 && threshold.met(givers.len(), annotators.len()) {
                true => accepted.push(v.clone()),
                false => rest.push(v.clone()),
            }
        }
        let lost = |v: &Version| accepted.iter().any(|a| (a.label == v.label && a.overlaps(v)) || (a.start, a.end) == (v.start, v.end));
        let (outvoted, open): (Vec<Version>, Vec<Version>) = rest.into_iter().partition(|v| lost(v));
        curated.outvoted += outvoted.len();
        // Versions in text order, gathered while each begins before the stretch so far ends.
        for v in open {
            match curated.conflicts.last_mut() {
                Some(c) if c.document == document && v.start < c.end => {
                    c.end = c.end.max(v.end);
                    c.versions.push(v);
                }
                _ => curated.conflicts.push(Conflict { document: document.to_owned(), start: v.start, end: v.end, versions: vec![v] }),
            }
        }
        curated.accepted.extend(accepted.into_iter().map(|v| (document.to_owned(), v)));
    }
    curated
}

/// The document key the rejections of document `document` are kept under, in the work.
pub fn rejected_key(document: &str) -> String {
    format!("{REJECTED}{document}")
}

/// Whether gold annotation `id` was put there by the threshold.
pub fn is_automatic(id: &str) -> bool {
    id.starts_with(AUTOMATIC)
}

/// How a conflict stands, given the gold of its document and the rejections there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Open,
    Accepted,
    Rejected,
}

impl Conflict {
    /// Decided when the curator's gold holds a span over it (a version accepted, or one of their
    /// own), or when every version is rejected.
    pub fn standing(&self, gold: &[Annotation], rejected: &[Annotation]) -> Standing {
        if gold.iter().any(|a| !is_automatic(&a.id) && a.start < self.end && self.start < a.end) {
            return Standing::Accepted;
        }
        match self.versions.iter().all(|v| rejected.iter().any(|r| r.id == v.rejection_id(&self.document))) {
            true => Standing::Rejected,
            false => Standing::Open,
        }
    }

    /// The gold annotations of its own the curator's decisions put there (what reopening it
    /// takes away), and its rejections.
    pub fn decisions<'a>(&self, gold: &'a [Annotation], rejected: &'a [Annotation]) -> Vec<&'a Annotation> {
        let ids: Vec<String> =
            self.versions.iter().flat_map(|v| [v.gold_id(&self.document, false), v.rejection_id(&self.document)]).collect();
        gold.iter().chain(rejected).filter(|a| ids.contains(&a.id)).collect()
    }

    /// The rejection of every version, at `now`.
    pub fn rejections(&self, now: &str) -> Vec<Annotation> {
        let rejection = |v: &Version| Annotation {
            id: v.rejection_id(&self.document),
            label: v.label.clone(),
            start: v.start,
            end: v.end,
            quote: v.quote.clone(),
            attributed_to: v.attributed_to.clone(),
            created_at: now.into(),
            updated_at: now.into(),
            ..Annotation::default()
        };
        self.versions.iter().map(rejection).collect()
    }
}

/// The gold annotation of `version` of `document`: its span, label and attribution; the notes of
/// everyone who gave it, each once; the source as the first of them gave it. Links are added by
/// [`missing_links`], once their ends are in the gold.
pub fn gold_annotation(annotators: &[Annotator], document: &str, version: &Version, automatic: bool, now: &str) -> Annotation {
    let given: Vec<&Annotation> =
        version.by.iter().filter_map(|&who| annotators[who].annotations(document).iter().find(|a| version.is(a))).collect();
    let mut notes: Vec<&str> = Vec::new();
    for note in given.iter().map(|a| a.note.trim()).filter(|n| !n.is_empty()) {
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    let first = given.first().copied().cloned().unwrap_or_default();
    Annotation {
        id: version.gold_id(document, automatic),
        label: version.label.clone(),
        start: version.start,
        end: version.end,
        quote: version.quote.clone(),
        note: notes.join("\n"),
        attributed_to: version.attributed_to.clone(),
        links: Vec::new(),
        unsure: false,
        created_at: now.into(),
        updated_at: now.into(),
        ..first
    }
}

/// The links the gold lacks: where an annotator's annotation links to another and both their
/// versions are in `gold` (by document), the one's gold annotation links to the other's. Each as
/// (document, the annotation's id, the link); links already there are left as they are.
pub fn missing_links(annotators: &[Annotator], gold: &BTreeMap<String, Vec<Annotation>>) -> Vec<(String, String, Link)> {
    // Where each annotator's annotation went in the gold: (annotator, its id) → gold id.
    let mut in_gold: BTreeMap<(usize, &str), (&str, &Annotation)> = BTreeMap::new();
    for (who, annotator) in annotators.iter().enumerate() {
        for (document, list) in &annotator.documents {
            let Some(golden) = gold.get(document) else { continue };
            for a in list {
                let found = golden.iter().find(|g| {
                    (is_automatic(&g.id) || g.id.starts_with(DECIDED))
                        && (a.start, a.end, a.label.as_str(), attribution(&a.attributed_to))
                            == (g.start, g.end, g.label.as_str(), attribution(&g.attributed_to))
                });
                if let Some(g) = found {
                    in_gold.insert((who, a.id.as_str()), (document.as_str(), g));
                }
            }
        }
    }
    let mut missing: Vec<(String, String, Link)> = Vec::new();
    for (who, annotator) in annotators.iter().enumerate() {
        for a in annotator.documents.values().flatten() {
            let Some(&(document, from)) = in_gold.get(&(who, a.id.as_str())) else { continue };
            for link in &a.links {
                let Some(&(_, to)) = in_gold.get(&(who, link.to.as_str())) else { continue };
                let there = from.links.iter().any(|l| l.to == to.id) || missing.iter().any(|(_, id, l)| *id == from.id && l.to == to.id);
                if !there && from.id != to.id {
                    missing.push((document.to_owned(), from.id.clone(), Link { to: to.id.clone(), relation: link.relation }));
                }
            }
        }
    }
    missing
}

/// An annotator of a student's hand-in, named by the student, its documents found here by their
/// text; `None` when `contents` is no hand-in. A hand-in on texts not here is refused, naming
/// them.
pub fn annotator_of_hand_in(contents: &str, here: &[Arc<Document>]) -> Option<Result<Annotator, String>> {
    if !assignment::is_format(contents, hand_in::WORK_FORMAT) {
        return None;
    }
    let work: HandIn = match json::read(contents) {
        Ok(work) => work,
        Err(e) => return Some(Err(format!("it is a hand-in that cannot be read ({e})"))),
    };
    let mut documents = BTreeMap::new();
    let mut missing = Vec::new();
    for document in work.documents {
        match here.iter().find(|d| d.sha256 == document.text_sha256) {
            Some(d) => drop(documents.insert(d.id.clone(), document.annotations)),
            None => missing.push(document.id),
        }
    }
    Some(match missing.is_empty() {
        true => Ok(Annotator { name: work.student, documents }),
        false => Err(format!("its texts {} are not here: open the assignment first", missing.join(", "))),
    })
}

/// A copy of `gold` (annotations by document) under new ids, its links following them: the key
/// of an assignment made of it, so that no id stands for two annotations.
pub fn copied(gold: &BTreeMap<String, Vec<Annotation>>, mut new_id: impl FnMut() -> String) -> BTreeMap<String, Vec<Annotation>> {
    let ids: BTreeMap<&str, String> = gold.values().flatten().map(|a| (a.id.as_str(), new_id())).collect();
    gold.iter()
        .map(|(document, list)| {
            let copy = list.iter().map(|a| Annotation {
                id: ids[a.id.as_str()].clone(),
                links: a.links.iter().filter_map(|l| Some(Link { to: ids.get(l.to.as_str())?.clone(), relation: l.relation })).collect(),
                ..a.clone()
            });
            (document.clone(), copy.collect())
        })
        .collect()
}

/// The annotators as a class that handed in `documents`, so that their agreement is the one the
/// classroom's figures compute.
fn as_class(annotators: &[Annotator], documents: &[Arc<Document>], labels: &[Label]) -> Teaching {
    let mut assignment = Assignment::new("curation".to_owned(), "Curation", "");
    assignment.labels = labels.to_vec();
    assignment.documents = documents.iter().map(|d| AssignmentDocument::of(d)).collect();
    let collected = annotators.iter().map(|a| HandIn::of(&assignment, &a.name, &a.documents, &Default::default(), "")).collect();
    Teaching { collected, ..Teaching::new(assignment, "") }
}

/// How much the annotators agree over `documents` before curation: the classroom's figures (κ,
/// α per label and over all, each pair's κ and F1). `None` with fewer than two annotators.
pub fn agreement(annotators: &[Annotator], documents: &[Arc<Document>], labels: &[Label]) -> Option<ClassAgreement> {
    figures::agreement(&as_class(annotators, documents, labels), documents)
}

/// Mathet's γ of the annotators, per label and over all, to be stepped through.
pub fn gamma(annotators: &[Annotator], documents: &[Arc<Document>], labels: &[Label]) -> Vec<gamma::Estimation> {
    figures::gamma(&as_class(annotators, documents, labels), documents)
}

/// One annotator against the gold: their work scored with the gold as the key, and Cohen's κ of
/// the two over all labels, character by character.
#[derive(Clone, Debug, PartialEq)]
pub struct AgainstGold {
    pub name: String,
    pub evaluation: Evaluation,
    pub kappa: Option<f64>,
}

/// Each annotator against `gold` (annotations by document) over `documents`.
pub fn against_gold(
    annotators: &[Annotator],
    gold: &BTreeMap<String, Vec<Annotation>>,
    documents: &[Arc<Document>],
    labels: &[Label],
) -> Vec<AgainstGold> {
    let class = as_class(annotators, documents, labels);
    let lengths: Vec<usize> = documents.iter().map(|d| d.length).collect();
    let gold_marked = figures::spans_of(documents, |d| gold.get(d).map_or(&[], Vec::as_slice));
    figures::evaluations(&class, gold)
        .into_iter()
        .zip(annotators)
        .map(|(evaluation, annotator)| {
            let people = [gold_marked.clone(), figures::spans_of(documents, |d| annotator.annotations(d))];
            let ratings = agreement::by_character(&lengths, &people, None);
            let kappa = agreement::cohen_kappa(&ratings.values[0], &ratings.values[1], &ratings.weights, ratings.categories);
            AgainstGold { name: annotator.name.clone(), evaluation, kappa }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::Relation;

    fn span(id: &str, start: usize, end: usize, label: &str, by: &str) -> Annotation {
        Annotation {
            id: id.into(),
            label: label.into(),
            start,
            end,
            quote: format!("{start}-{end}"),
            attributed_to: by.into(),
            ..Annotation::default()
        }
    }

    fn annotator(name: &str, spans: Vec<Annotation>) -> Annotator {
        Annotator { name: name.into(), documents: BTreeMap::from([("d".to_owned(), spans)]) }
    }

    fn places(versions: &[(String, Version)]) -> Vec<(usize, usize, &str)> {
        versions.iter().map(|(_, v)| (v.start, v.end, v.label.as_str())).collect()
    }

    #[test]
    fn the_threshold_accepts_what_enough_annotators_gave() {
        let three = [
            annotator("a", vec![span("1", 0, 10, "claim", ""), span("2", 20, 30, "denial", "")]),
            annotator("b", vec![span("1", 0, 10, "claim", ""), span("2", 20, 30, "denial", "")]),
            annotator("c", vec![span("1", 0, 10, "claim", ""), span("2", 40, 50, "sanction", "")]),
        ];
        let all = curate(&three, &["d"], Threshold::All);
        assert_eq!(places(&all.accepted), [(0, 10, "claim")]);
        assert_eq!(all.conflicts.len(), 2);
        let majority = curate(&three, &["d"], Threshold::Majority);
        assert_eq!(places(&majority.accepted), [(0, 10, "claim"), (20, 30, "denial")]);
        assert_eq!(majority.conflicts.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>(), [(40, 50)]);
        let anyone = curate(&three, &["d"], Threshold::AtLeast(1));
        assert_eq!(anyone.accepted.len(), 3);
        assert!(anyone.conflicts.is_empty());
    }

    #[test]
    fn overlapping_versions_are_one_conflict_and_losers_are_outvoted() {
        let three = [
            annotator("a", vec![span("1", 0, 10, "claim", ""), span("2", 12, 20, "denial", "")]),
            annotator("b", vec![span("1", 0, 10, "claim", ""), span("2", 15, 25, "denial", "")]),
            annotator("c", vec![span("1", 0, 12, "claim", "")]),
        ];
        let curated = curate(&three, &["d"], Threshold::Majority);
        assert_eq!(places(&curated.accepted), [(0, 10, "claim")]);
        assert_eq!(curated.outvoted, 1, "c's longer claim lost to the accepted one");
        let conflict = &curated.conflicts[0];
        assert_eq!((conflict.start, conflict.end, conflict.versions.len()), (12, 25, 2));
    }

    #[test]
    fn conflicting_attributions_are_a_conflict() {
        let three = [
            annotator("a", vec![span("1", 0, 10, "claim", "Iran")]),
            annotator("b", vec![span("1", 0, 10, "claim", " iran ")]),
            annotator("c", vec![span("1", 0, 10, "claim", "Tehran")]),
        ];
        let curated = curate(&three, &["d"], Threshold::Majority);
        assert!(curated.accepted.is_empty());
        let versions = &curated.conflicts[0].versions;
        assert_eq!(
            versions.iter().map(|v| (v.attributed_to.as_str(), v.by.clone())).collect::<Vec<_>>(),
            [("Iran", vec![0, 1]), ("Tehran", vec![2])]
        );
    }

    #[test]
    fn a_conflict_is_decided_by_the_curators_gold_or_by_rejecting_every_version() {
        let two = [annotator("a", vec![span("1", 5, 10, "claim", "")]), annotator("b", vec![span("1", 6, 10, "claim", "")])];
        let conflict = &curate(&two, &["d"], Threshold::All).conflicts[0];
        assert_eq!(conflict.standing(&[], &[]), Standing::Open);
        let accepted = gold_annotation(&two, "d", &conflict.versions[1], false, "now");
        assert_eq!(conflict.standing(std::slice::from_ref(&accepted), &[]), Standing::Accepted);
        assert_eq!(conflict.decisions(std::slice::from_ref(&accepted), &[]), [&accepted]);
        let automatic = gold_annotation(&two, "d", &conflict.versions[1], true, "now");
        assert_eq!(conflict.standing(&[automatic], &[]), Standing::Open, "the threshold decides nothing of a conflict");
        let own = span("mine", 0, 7, "denial", "");
        assert_eq!(conflict.standing(&[own], &[]), Standing::Accepted, "an edited span over it decides it");
        let rejected = conflict.rejections("now");
        assert_eq!(conflict.standing(&[], &rejected[..1]), Standing::Open);
        assert_eq!(conflict.standing(&[], &rejected), Standing::Rejected);
    }

    #[test]
    fn the_gold_annotation_carries_the_notes_source_and_links_of_its_givers() {
        let mut a1 = span("a1", 0, 10, "claim", "Iran");
        a1.note = "first".into();
        a1.source_kind = "official".into();
        let mut a2 = span("a2", 20, 30, "denial", "Russia");
        a2.links = vec![Link { to: "a1".into(), relation: Relation::Denies }];
        let mut b1 = span("b1", 0, 10, "claim", "Iran");
        b1.note = "second".into();
        let two = [annotator("a", vec![a1, a2]), annotator("b", vec![b1, span("b2", 20, 30, "denial", "Russia")])];
        let curated = curate(&two, &["d"], Threshold::All);
        let gold: Vec<Annotation> = curated.accepted.iter().map(|(d, v)| gold_annotation(&two, d, v, true, "now")).collect();
        assert_eq!(gold[0].note, "first\nsecond");
        assert_eq!(gold[0].source_kind, "official");
        assert_eq!(gold[0].attributed_to, "Iran");
        let by_document = BTreeMap::from([("d".to_owned(), gold.clone())]);
        let missing = missing_links(&two, &by_document);
        assert_eq!(missing, [("d".to_owned(), gold[1].id.clone(), Link { to: gold[0].id.clone(), relation: Relation::Denies })]);
        let only_claim = BTreeMap::from([("d".to_owned(), gold[..1].to_vec())]);
        assert!(missing_links(&two, &only_claim).is_empty(), "a link waits for both its ends");
    }

    #[test]
    fn a_hand_in_is_an_annotator_named_by_its_student_on_the_texts_here() {
        let here = vec![crate::core::model::document::bundled()[4].clone()];
        let mut assignment = Assignment::new("a-1".into(), "Week 3", "now");
        assignment.documents = vec![AssignmentDocument::of(&here[0])];
        let spans = BTreeMap::from([(here[0].id.clone(), vec![span("1", 0, 5, "claim", "")])]);
        let work = HandIn::of(&assignment, "Ada", &spans, &Default::default(), "now");
        let json = json::write(&work).unwrap();
        assert_eq!(annotator_of_hand_in(&json, &here), Some(Ok(Annotator { name: "Ada".into(), documents: spans })));
        assert!(annotator_of_hand_in(&json, &[]).unwrap().unwrap_err().contains("not here"));
        assert_eq!(annotator_of_hand_in("{\"format\": \"glossa\"}", &here), None);
    }

    #[test]
    fn a_copy_of_the_gold_has_new_ids_and_its_links_follow_them() {
        let mut denial = span("gold-2", 20, 30, "denial", "");
        denial.links =
            vec![Link { to: "gold-1".into(), relation: Relation::Denies }, Link { to: "gone".into(), relation: Relation::Denies }];
        let gold = BTreeMap::from([("d".to_owned(), vec![span("gold-1", 0, 10, "claim", ""), denial])]);
        let mut n = 0;
        let copy = copied(&gold, || {
            n += 1;
            format!("k{n}")
        });
        let list = &copy["d"];
        assert_eq!(list.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["k1", "k2"]);
        assert_eq!(list[1].links, [Link { to: "k1".into(), relation: Relation::Denies }]);
    }

    #[test]
    fn thresholds_read_back_and_their_choices_are_distinct() {
        for of in 1..7 {
            let choices = Threshold::choices(of);
            for choice in &choices {
                assert_eq!(Threshold::of_value(&choice.value()), Some(*choice));
            }
            let names: BTreeSet<String> = choices.iter().map(|c| c.name(of)).collect();
            assert_eq!(names.len(), choices.len());
        }
        assert_eq!(Threshold::of_value("at-least-0"), None);
        assert_eq!(Threshold::choices(3), [Threshold::All, Threshold::Majority, Threshold::AtLeast(1)]);
    }

    #[test]
    fn a_newer_curation_is_not_read() {
        let newer = Curation { version: VERSION + 1, ..Curation::default() };
        assert!(Curation::from_json(&newer.to_json()).unwrap_err().contains("newer"));
        assert!(Curation::from_json("{").is_err());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn spans() -> impl Strategy<Value = Vec<Annotation>> {
            prop::collection::vec((0usize..40, 1usize..8, 0usize..3), 0..6).prop_map(|spans| {
                spans
                    .into_iter()
                    .enumerate()
                    .map(|(i, (start, length, label))| {
                        span(&i.to_string(), start, start + length, ["claim", "denial", "sanction"][label], "")
                    })
                    .collect()
            })
        }

        proptest! {
            /// Every version is accepted, outvoted or in exactly one conflict; conflicts do not
            /// overlap one another and each covers its versions.
            #[test]
            fn every_version_has_one_fate(work in prop::collection::vec(spans(), 1..5), threshold in 0usize..3) {
                let annotators: Vec<Annotator> = work.into_iter().enumerate().map(|(i, s)| annotator(&i.to_string(), s)).collect();
                let threshold = [Threshold::All, Threshold::Majority, Threshold::AtLeast(2)][threshold];
                let curated = curate(&annotators, &["d"], threshold);
                let in_conflicts: usize = curated.conflicts.iter().map(|c| c.versions.len()).sum();
                prop_assert_eq!(curated.accepted.len() + curated.outvoted + in_conflicts, versions(&annotators, "d").len());
                for pair in curated.conflicts.windows(2) {
                    prop_assert!(pair[0].end <= pair[1].start);
                }
                for c in &curated.conflicts {
                    prop_assert!(c.versions.iter().all(|v| c.start <= v.start && v.end <= c.end));
                }
                for (_, v) in &curated.accepted {
                    prop_assert!(threshold.met(v.by.len(), annotators.len()));
                }
            }
        }
    }
}
