//! Annotations: a labelled span of one document's text.

use serde::{Deserialize, Serialize};

use crate::core::model::timestamp::Stamp;
use crate::core::text::order;

/// One labelled span. Field order is the order of the export format.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: String,
    /// A label id, e.g. `"claim"`.
    pub label: String,
    /// Code point offset of the first character, into the document text.
    pub start: usize,
    /// Code point offset just past the last character.
    pub end: usize,
    /// The document text of `[start, end)`.
    pub quote: String,
    #[serde(default)]
    pub note: String,
    /// Who makes the claim or denial, in the reader's words ("Iran’s foreign minister").
    /// Absent from version 1 exports and older saved states.
    #[serde(default)]
    pub attributed_to: String,
    /// The annotations this one answers (a denial the claim it denies, a sanction the claim it
    /// answers), in this document or another. Absent from exports before version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// What kind of source the speaker is ("anonymous official": one of the kinds offered, or
    /// the reader's own words); empty when not said. Absent before Glossa JSON version 4.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_kind: String,
    /// The speaker is named (speaks on the record).
    #[serde(default, skip_serializing_if = "is_false")]
    pub on_the_record: bool,
    /// The speaker is in a position to know what they say.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_a_position_to_know: bool,
    /// The reader is not sure of this annotation (drawn with a dotted underline).
    #[serde(default, skip_serializing_if = "is_false")]
    pub unsure: bool,
    pub created_at: Stamp,
    pub updated_at: Stamp,
}

/// A link from the annotation that holds it to annotation `to`, of a `relation`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Link {
    pub to: String,
    pub relation: Relation,
}

/// How a linked annotation answers the one it links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A denial denies a claim.
    Denies,
    /// A sanction answers a claim.
    Answers,
    /// Any other label's link.
    RefersTo,
    /// Evidence supports a claim.
    Supports,
    /// Evidence contradicts a claim.
    Contradicts,
}

impl Relation {
    /// The relation a link made from an annotation of `label` has.
    pub fn of(label: &str) -> Relation {
        Relation::choices(label)[0]
    }

    /// The relations a link from an annotation of `label` may have, its usual one first: evidence
    /// supports or contradicts, every other label's link has one relation.
    pub fn choices(label: &str) -> &'static [Relation] {
        match label {
            "denial" => &[Relation::Denies],
            "sanction" => &[Relation::Answers],
            "evidence" => &[Relation::Supports, Relation::Contradicts],
            _ => &[Relation::RefersTo],
        }
    }

    /// `wanted` when a link from `label` may have it, else the label's usual relation.
    pub fn for_label(label: &str, wanted: Option<Relation>) -> Relation {
        wanted.filter(|w| Relation::choices(label).contains(w)).unwrap_or_else(|| Relation::of(label))
    }

    pub const ALL: [Relation; 5] = [Relation::Denies, Relation::Answers, Relation::RefersTo, Relation::Supports, Relation::Contradicts];

    /// The order in which what answers a claim is listed: what bears on its truth, then what
    /// denies it, then what was done about it.
    pub const ANSWERING_ORDER: [Relation; 5] =
        [Relation::Supports, Relation::Contradicts, Relation::Denies, Relation::Answers, Relation::RefersTo];

    /// As files write it: "denies", "refers_to" (as Glossa JSON's `relation`).
    pub fn id(self) -> &'static str {
        match self {
            Relation::Denies => "denies",
            Relation::Answers => "answers",
            Relation::RefersTo => "refers_to",
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
        }
    }

    pub fn from_id(id: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.id() == id)
    }

    /// As a sentence says it: "denies".
    pub fn words(self) -> &'static str {
        match self {
            Relation::Denies => "denies",
            Relation::Answers => "answers",
            Relation::RefersTo => "refers to",
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
        }
    }

    /// As the answered annotation's side says it: "denied by".
    pub fn passive_words(self) -> &'static str {
        match self {
            Relation::Denies => "denied by",
            Relation::Answers => "answered by",
            Relation::RefersTo => "referred to by",
            Relation::Supports => "supported by",
            Relation::Contradicts => "contradicted by",
        }
    }

    /// As a type name in other tools' files (brat's relations): "Denies".
    pub fn type_name(self) -> &'static str {
        match self {
            Relation::Denies => "Denies",
            Relation::Answers => "Answers",
            Relation::RefersTo => "RefersTo",
            Relation::Supports => "Supports",
            Relation::Contradicts => "Contradicts",
        }
    }
}

/// For `skip_serializing_if`: a flag written only when set.
pub fn is_false(value: &bool) -> bool {
    !value
}

/// The kinds of source Glossa offers for "Source", as media-literacy lessons sort speakers.
pub const SOURCE_KINDS: [&str; 6] =
    ["named official", "anonymous official", "government or body", "independent expert", "media report", "the writer"];

/// What a reader judged of an annotation beyond its label: its source's kind, whether the source
/// is on the record and in a position to know, and whether the reader is unsure. Carried apart
/// while a file's annotation is placed in its document, then given back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Judged {
    pub source_kind: String,
    pub on_the_record: bool,
    pub in_a_position_to_know: bool,
    pub unsure: bool,
}

impl Annotation {
    /// Its judgements, taken out of it.
    pub fn take_judged(&mut self) -> Judged {
        let source_kind = std::mem::take(&mut self.source_kind);
        Judged { source_kind, on_the_record: self.on_the_record, in_a_position_to_know: self.in_a_position_to_know, unsure: self.unsure }
    }

    /// The annotation with `judged` as its judgements.
    pub fn judged(self, judged: Judged) -> Annotation {
        let Judged { source_kind, on_the_record, in_a_position_to_know, unsure } = judged;
        Annotation { source_kind, on_the_record, in_a_position_to_know, unsure, ..self }
    }

    /// Text order: by start, then end, then label (the order of the export), then id.
    pub fn text_order(&self) -> (usize, usize, &str, &str) {
        (self.start, self.end, &self.label, &self.id)
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// Puts a document's annotations in text order (`Annotation::text_order`), stably.
pub fn sort_in_text_order(list: &mut [impl std::borrow::Borrow<Annotation>]) {
    order::sort_stably_by(list, |a, b| a.borrow().text_order().cmp(&b.borrow().text_order()));
}

/// An annotation with only the fields that place it, for tests of what is built on annotations.
#[cfg(test)]
pub(crate) fn bare(id: &str, label: &str, start: usize, end: usize) -> Annotation {
    Annotation { id: id.into(), label: label.into(), start, end, created_at: "t0".into(), updated_at: "t0".into(), ..Annotation::default() }
}
