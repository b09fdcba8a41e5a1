//! The claims board: every annotation across documents, grouped by who says it (its attribution,
//! compared without regard to case or spacing), filtered by label and document, in an order; and
//! under each, what answers it (what supports it, contradicts it, denies it, was done about it).

use std::collections::HashMap;

use crate::core::model::annotation::{Annotation, Relation};
use crate::core::model::label::Label;
use crate::core::text::search::{collapse_spaces, fold_name};

/// The group of annotations nobody is named for.
pub const NOT_ATTRIBUTED: &str = "Not attributed";

/// One annotation on the board, with the document it is in.
#[derive(Clone, Debug, PartialEq)]
pub struct Item<'a> {
    pub document: &'a str,
    pub title: &'a str,
    pub annotation: &'a Annotation,
}

/// Everything attributed to one speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'a> {
    /// The speaker, spelled as most of their annotations spell it.
    pub who: String,
    /// The kinds of source their annotations say they are, the most said first (a reader may
    /// have sorted one speaker two ways).
    pub kinds: Vec<&'a str>,
    pub items: Vec<Item<'a>>,
}

impl Group<'_> {
    /// "U.S. officials (anonymous official): 3", as the board heads the group.
    pub fn heading(&self) -> String {
        match self.kinds.is_empty() {
            true => format!("{} ({})", self.who, self.items.len()),
            false => format!("{} — {} ({})", self.who, self.kinds.join(", "), self.items.len()),
        }
    }
}

/// The order of the annotations within a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Document by document, in text order.
    #[default]
    Text,
    /// By label, in the order of the labels, then in text order.
    Label,
    /// Most recently changed first.
    Newest,
}

impl Order {
    pub const ALL: [Order; 3] = [Order::Text, Order::Label, Order::Newest];

    pub fn name(self) -> &'static str {
        match self {
            Order::Text => "In text order",
            Order::Label => "By label",
            Order::Newest => "Newest first",
        }
    }
}

/// What the board shows: annotations of `label` only and of `document` only, when given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub label: Option<String>,
    pub document: Option<String>,
}

/// The board of `documents` (id, title and annotations, in the order documents are listed):
/// groups with the most annotations first, then by name, the unattributed last.
pub fn board<'a>(documents: &[(&'a str, &'a str, &'a [Annotation])], labels: &[Label], filter: &Filter, order: Order) -> Vec<Group<'a>> {
    let mut groups: Vec<(String, Vec<Item<'a>>)> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let chosen = |wanted: &Option<String>, value: &str| wanted.as_deref().is_none_or(|w| w == value);
    for &(document, title, annotations) in documents.iter().filter(|(id, _, _)| chosen(&filter.document, id)) {
        for annotation in annotations.iter().filter(|a| chosen(&filter.label, &a.label)) {
            let key = fold_name(&annotation.attributed_to);
            let at = *by_key.entry(key.clone()).or_insert_with(|| {
                groups.push((key, Vec::new()));
                groups.len() - 1
            });
            groups[at].1.push(Item { document, title, annotation });
        }
    }
    let document_order: HashMap<&str, usize> = documents.iter().enumerate().map(|(at, (id, _, _))| (*id, at)).collect();
    let label_order = |id: &str| labels.iter().position(|l| l.id == id).unwrap_or(labels.len());
    let mut groups: Vec<Group<'a>> = groups
        .into_iter()
        .map(|(_, mut items)| {
            items.sort_by(|a, b| {
                let text = |i: &Item| (document_order[i.document], i.annotation.start, i.annotation.end);
                match order {
                    Order::Text => text(a).cmp(&text(b)),
                    Order::Label => (label_order(&a.annotation.label), text(a)).cmp(&(label_order(&b.annotation.label), text(b))),
                    Order::Newest => b.annotation.updated_at.cmp(&a.annotation.updated_at).then(text(a).cmp(&text(b))),
                }
            });
            let who = speaker(&items.iter().map(|i| i.annotation.attributed_to.as_str()).collect::<Vec<_>>());
            let kinds = kinds(&items);
            Group { who, kinds, items }
        })
        .collect();
    groups.sort_by(|a, b| {
        let unattributed = |g: &Group| g.who == NOT_ATTRIBUTED;
        (unattributed(a), b.items.len(), a.who.to_lowercase()).cmp(&(unattributed(b), a.items.len(), b.who.to_lowercase()))
    });
    groups
}

/// The kinds of source `items` give, each once, the most given first (then as first given).
fn kinds<'a>(items: &[Item<'a>]) -> Vec<&'a str> {
    let given: Vec<&'a str> = items.iter().map(|i| i.annotation.source_kind.as_str()).filter(|k| !k.is_empty()).collect();
    let mut kinds: Vec<&'a str> = Vec::new();
    for kind in &given {
        if !kinds.contains(kind) {
            kinds.push(kind);
        }
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(given.iter().filter(|g| *g == k).count()));
    kinds
}

/// An annotation that links to another, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer<'a> {
    pub relation: Relation,
    pub item: Item<'a>,
}

/// What answers each annotation of `documents` that something links to, by the id of the
/// annotation answered: what supports it first, then what contradicts, denies, answers and refers
/// to it (`Relation::ANSWERING_ORDER`), each in document and text order. Links to an annotation
/// no longer there are left out.
pub fn answers<'a>(documents: &[(&'a str, &'a str, &'a [Annotation])]) -> HashMap<&'a str, Vec<Answer<'a>>> {
    let present: std::collections::HashSet<&str> = documents.iter().flat_map(|(_, _, list)| list.iter().map(|a| a.id.as_str())).collect();
    let mut answers: HashMap<&'a str, Vec<Answer<'a>>> = HashMap::new();
    for &(document, title, annotations) in documents {
        for annotation in annotations {
            for link in annotation.links.iter().filter(|l| present.contains(l.to.as_str())) {
                answers
                    .entry(link.to.as_str())
                    .or_default()
                    .push(Answer { relation: link.relation, item: Item { document, title, annotation } });
            }
        }
    }
    let rank = |r: Relation| Relation::ANSWERING_ORDER.iter().position(|o| *o == r).unwrap_or(usize::MAX);
    for list in answers.values_mut() {
        // Stable: within a relation, as the documents and their annotations come.
        list.sort_by_key(|a| rank(a.relation));
    }
    answers
}

/// Who an attribution names, for grouping: lower case, spaces collapsed.
/// The speaker of annotations attributed as `attributions`: the most frequent spelling (spaces
/// collapsed; the first of equals) of those that name one, or `NOT_ATTRIBUTED`.
pub fn speaker(attributions: &[&str]) -> String {
    let spellings: Vec<String> = attributions.iter().map(|a| collapse_spaces(a)).filter(|a| !a.is_empty()).collect();
    let count = |s: &String| spellings.iter().filter(|o| *o == s).count();
    let best = spellings.iter().fold(None::<&String>, |best, s| match best {
        Some(b) if count(b) >= count(s) => Some(b),
        _ => Some(s),
    });
    best.cloned().unwrap_or_else(|| NOT_ATTRIBUTED.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::bare;
    use crate::core::model::label::default_labels;

    fn said(label: &str, start: usize, who: &str, updated: &str) -> Annotation {
        Annotation {
            attributed_to: who.to_owned(),
            updated_at: updated.into(),
            ..bare(&format!("{label}{start}"), label, start, start + 1)
        }
    }

    #[test]
    fn a_speakers_kinds_of_source_head_the_group_most_said_first() {
        let kind = |mut a: Annotation, kind: &str| {
            a.source_kind = kind.into();
            a
        };
        let first = [
            kind(said("claim", 1, "U.S. officials", "1"), "anonymous official"),
            kind(said("claim", 5, "U.S. officials", "2"), "government or body"),
            kind(said("claim", 9, "U.S. officials", "3"), "government or body"),
            said("denial", 12, "Tehran", "4"),
        ];
        let documents = [("a", "First", &first[..])];
        let groups = board(&documents, &default_labels(), &Filter::default(), Order::Text);
        assert_eq!(groups[0].kinds, ["government or body", "anonymous official"]);
        assert_eq!(groups[0].heading(), "U.S. officials — government or body, anonymous official (3)");
        assert_eq!(groups[1].heading(), "Tehran (1)");
    }

    #[test]
    fn groups_by_speaker_whatever_the_spelling() {
        let first = [said("claim", 5, "U.S. officials", "2"), said("denial", 1, "Tehran", "3"), said("claim", 9, "", "1")];
        let second = [said("sanction", 2, "u.s.  officials", "4"), said("claim", 0, "U.S. officials", "0")];
        let documents = [("a", "First", &first[..]), ("b", "Second", &second[..])];
        let groups = board(&documents, &default_labels(), &Filter::default(), Order::Text);
        let summary: Vec<(&str, Vec<(&str, usize)>)> =
            groups.iter().map(|g| (g.who.as_str(), g.items.iter().map(|i| (i.document, i.annotation.start)).collect())).collect();
        assert_eq!(
            summary,
            [("U.S. officials", vec![("a", 5), ("b", 0), ("b", 2)]), ("Tehran", vec![("a", 1)]), (NOT_ATTRIBUTED, vec![("a", 9)])]
        );
        let by_label = board(&documents, &default_labels(), &Filter::default(), Order::Label);
        assert_eq!(by_label[0].items.iter().map(|i| i.annotation.label.as_str()).collect::<Vec<_>>(), ["claim", "claim", "sanction"]);
        let newest = board(&documents, &default_labels(), &Filter::default(), Order::Newest);
        assert_eq!(newest[0].items.iter().map(|i| i.annotation.updated_at.to_string()).collect::<Vec<_>>(), ["4", "2", "0"]);
    }

    #[test]
    fn under_a_claim_what_supports_it_comes_first_then_what_contradicts_denies_and_answers_it() {
        let link = |mut a: Annotation, to: &str, relation: Relation| {
            a.links.push(crate::core::model::annotation::Link { to: to.into(), relation });
            a
        };
        let first = [
            said("claim", 1, "Reuters", "1"),
            link(said("sanction", 5, "G7", "2"), "claim1", Relation::Answers),
            link(said("evidence", 9, "", "3"), "claim1", Relation::Contradicts),
        ];
        let second = [
            link(said("denial", 2, "Tehran", "4"), "claim1", Relation::Denies),
            link(said("evidence", 7, "", "5"), "claim1", Relation::Supports),
        ];
        let gone = [link(said("denial", 3, "", "6"), "deleted", Relation::Denies)];
        let documents = [("a", "First", &first[..]), ("b", "Second", &second[..]), ("c", "Third", &gone[..])];
        let answers = answers(&documents);
        let listed: Vec<(Relation, &str, &str)> =
            answers["claim1"].iter().map(|a| (a.relation, a.item.document, a.item.annotation.id.as_str())).collect();
        assert_eq!(
            listed,
            [
                (Relation::Supports, "b", "evidence7"),
                (Relation::Contradicts, "a", "evidence9"),
                (Relation::Denies, "b", "denial2"),
                (Relation::Answers, "a", "sanction5"),
            ]
        );
        assert_eq!(answers.len(), 1, "a link to an annotation no longer there answers nothing");
    }

    #[test]
    fn filters_by_label_and_document() {
        let first = [said("claim", 5, "A", "2"), said("denial", 1, "B", "3")];
        let second = [said("claim", 0, "B", "0")];
        let documents = [("a", "First", &first[..]), ("b", "Second", &second[..])];
        let claims = Filter { label: Some("claim".into()), document: None };
        let groups = board(&documents, &default_labels(), &claims, Order::Text);
        assert_eq!(groups.iter().map(|g| (g.who.as_str(), g.items.len())).collect::<Vec<_>>(), [("A", 1), ("B", 1)]);
        let second_only = Filter { label: None, document: Some("b".into()) };
        assert_eq!(board(&documents, &default_labels(), &second_only, Order::Text)[0].items[0].document, "b");
        assert!(board(&documents, &default_labels(), &Filter { label: Some("sanction".into()), document: None }, Order::Text).is_empty());
    }
}
