//! Feedback on a student's work against the answer key: each of their annotations marked as a
//! hit, a label or boundary difference, or an extra; each key passage they did not mark, a miss;
//! the figures of `core::measures::matching`; and sentences a student reads ("You found 4 of the 6 denials").
//! Links and, when the assignment asks, the kind of each text are scored beside the spans.

use crate::core::measures::links::{self, End, Link, LinkCounts};
use crate::core::measures::matching::{self, Evaluation, Scheme, Span};
use crate::core::model::annotation::Annotation;
use crate::core::model::label::Label;
use crate::core::text::search::fold_name;

/// How one annotation of the student's compares with the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The key has it: same boundaries, same label.
    Hit,
    /// Same boundaries, another label.
    LabelDiffers,
    /// The same label on an overlapping passage with other boundaries.
    BoundaryDiffers,
    /// An overlapping passage with other boundaries and another label.
    BothDiffer,
    /// Nothing in the key overlaps it.
    Extra,
}

impl Verdict {
    /// What the mark is called where it is shown, in words (never by colour alone).
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Hit => "Hit",
            Verdict::LabelDiffers => "Label differs",
            Verdict::BoundaryDiffers => "Boundaries differ",
            Verdict::BothDiffer => "Label and boundaries differ",
            Verdict::Extra => "Extra",
        }
    }

    /// A short sign drawn with it, so that it does not depend on colour.
    pub fn sign(self) -> &'static str {
        match self {
            Verdict::Hit => "✓",
            Verdict::LabelDiffers | Verdict::BoundaryDiffers | Verdict::BothDiffer => "≈",
            Verdict::Extra => "+",
        }
    }
}

fn overlaps(a: &Annotation, b: &Annotation) -> bool {
    a.start < b.end && b.start < a.end
}

/// The mark of each of the student's annotations (in their order), and the key annotations no
/// annotation of the student's overlaps (the misses).
pub fn compare<'a>(key: &'a [Annotation], marked: &[Annotation]) -> (Vec<Verdict>, Vec<&'a Annotation>) {
    let marks = marked
        .iter()
        .map(|a| {
            let same_bounds = key.iter().filter(|k| (k.start, k.end) == (a.start, a.end)).collect::<Vec<_>>();
            if same_bounds.iter().any(|k| k.label == a.label) {
                Verdict::Hit
            } else if !same_bounds.is_empty() {
                Verdict::LabelDiffers
            } else if key.iter().any(|k| overlaps(k, a) && k.label == a.label) {
                Verdict::BoundaryDiffers
            } else if key.iter().any(|k| overlaps(k, a)) {
                Verdict::BothDiffer
            } else {
                Verdict::Extra
            }
        })
        .collect();
    let missed = key.iter().filter(|k| !marked.iter().any(|a| overlaps(k, a))).collect();
    (marks, missed)
}

/// Where an item of the feedback list stands, lowest first: what the student was sure of and got
/// wrong (confident errors are the ones correction helps most), then what they were unsure of and
/// got wrong, then the key's passages they missed, then what they got right.
pub fn listing_rank(mark: Option<Verdict>, unsure: bool) -> u8 {
    match (mark, unsure) {
        (Some(Verdict::Hit), _) => 3,
        (Some(_), false) => 0,
        (Some(_), true) => 1,
        (None, _) => 2,
    }
}

/// How a student's sureness matched their accuracy: of the annotations they were sure of, and of
/// those they marked unsure, how many the key has as marked (hits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sureness {
    pub sure: usize,
    pub sure_right: usize,
    pub unsure: usize,
    pub unsure_right: usize,
}

impl Sureness {
    /// Of `documents`, each a key and a student's annotations.
    pub fn of(documents: &[(&[Annotation], &[Annotation])]) -> Sureness {
        let mut sureness = Sureness::default();
        for (key, marked) in documents {
            let (marks, _) = compare(key, marked);
            for (a, mark) in marked.iter().zip(marks) {
                let right = usize::from(mark == Verdict::Hit);
                if a.unsure {
                    (sureness.unsure, sureness.unsure_right) = (sureness.unsure + 1, sureness.unsure_right + right);
                } else {
                    (sureness.sure, sureness.sure_right) = (sureness.sure + 1, sureness.sure_right + right);
                }
            }
        }
        sureness
    }

    /// The confident errors: annotations the student was sure of that the key does not have as marked.
    pub fn confident_errors(&self) -> usize {
        self.sure - self.sure_right
    }

    /// For a teacher, in a table cell: "sure 6/8 right, unsure 1/3: matched".
    pub fn in_words(&self) -> String {
        let share = |right: usize, of: usize| format!("{right}/{of} right");
        match (self.sure, self.unsure) {
            (0, 0) => "nothing marked".to_owned(),
            (_, 0) => format!("sure of all: {}", share(self.sure_right, self.sure)),
            (0, _) => format!("unsure of all: {}", share(self.unsure_right, self.unsure)),
            _ => {
                // Matched when what they were sure of was right more often than what they doubted.
                let matched = self.sure_right * self.unsure > self.unsure_right * self.sure;
                let verdict = if matched { "matched" } else { "did not match" };
                format!("sure {}, unsure {}: {verdict}", share(self.sure_right, self.sure), share(self.unsure_right, self.unsure))
            }
        }
    }
}

/// The links among `documents` (each an id and its annotations), each end where its annotation is;
/// a link to an annotation not among them is left out.
pub fn links_of<'a>(documents: &[(&'a str, &'a [Annotation])]) -> Vec<Link<'a>> {
    let end = |document: &'a str, a: &'a Annotation| End { document, label: &a.label, start: a.start, end: a.end };
    let found = |id: &str| documents.iter().find_map(|(document, list)| list.iter().find(|a| a.id == id).map(|a| end(document, a)));
    documents
        .iter()
        .flat_map(|&(document, list)| list.iter().map(move |a| (document, a)))
        .flat_map(|(document, a)| {
            a.links.iter().filter_map(move |link| Some(Link { from: end(document, a), to: found(&link.to)?, relation: link.relation.id() }))
        })
        .collect()
}

/// The student's links (among `marked`) against the key's (among `key`), each side a list of
/// documents' ids and annotations.
pub fn link_counts(key: &[(&str, &[Annotation])], marked: &[(&str, &[Annotation])]) -> LinkCounts {
    links::count(&links_of(key), &links_of(marked))
}

/// The links' figures in a sentence, when the key or the student links anything.
pub fn links_in_words(counts: &LinkCounts) -> Option<String> {
    let LinkCounts { marked, in_key, correct } = *counts;
    if marked == 0 && in_key == 0 {
        return None;
    }
    let links = |n: usize| if n == 1 { "link" } else { "links" };
    let mut said = format!("You made {correct} of the {in_key} {} the key makes", links(in_key));
    let extra = marked - correct;
    if extra > 0 {
        let verb = if extra == 1 { "is" } else { "are" };
        said.push_str(&format!("; {extra} of your {marked} {} {verb} not in it", links(marked)));
    }
    said.push_str(" (a link counts when it joins the passages the key's joins, with the same labels and relation).");
    Some(said)
}

/// One text whose kind the key gives: its title, the kind the student chose (empty: none) and
/// the key's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindAnswer<'a> {
    pub title: &'a str,
    pub chosen: &'a str,
    pub expected: &'a str,
}

impl KindAnswer<'_> {
    pub fn is_right(&self) -> bool {
        fold_name(self.chosen) == fold_name(self.expected)
    }
}

/// How many of `answers` are right, of how many: "2/3", as the class results show it.
pub fn kinds_score(answers: &[KindAnswer]) -> String {
    format!("{}/{}", answers.iter().filter(|a| a.is_right()).count(), answers.len())
}

/// The kinds of text in a sentence, each one missed named, when the key gives any.
pub fn kinds_in_words(answers: &[KindAnswer]) -> Option<String> {
    if answers.is_empty() {
        return None;
    }
    let right = answers.iter().filter(|a| a.is_right()).count();
    let texts = if answers.len() == 1 { "text" } else { "texts" };
    let mut said = format!("Kind of text: you chose the kind of {right} of the {} {texts} as the key does", answers.len());
    let missed: Vec<String> = answers
        .iter()
        .filter(|a| !a.is_right())
        .map(|a| match a.chosen.is_empty() {
            true => format!("“{}”: you chose none, the key says {}", a.title, a.expected),
            false => format!("“{}”: you said {}, the key says {}", a.title, a.chosen, a.expected),
        })
        .collect();
    match missed.is_empty() {
        true => said.push('.'),
        false => said.push_str(&format!(". {}.", missed.join("; "))),
    }
    Some(said)
}

/// The figures of `documents` (each a key and a student's annotations), for `labels`.
pub fn evaluate(documents: &[(&[Annotation], &[Annotation])], labels: &[Label]) -> Evaluation {
    let borrowed: Vec<(Vec<Span>, Vec<Span>)> = documents.iter().map(|(key, marked)| (spans(key), spans(marked))).collect();
    let ids: Vec<&str> = labels.iter().map(|l| l.id.as_str()).collect();
    matching::evaluate(&borrowed, &ids)
}

fn spans(list: &[Annotation]) -> Vec<Span<'_>> {
    list.iter().map(|a| Span { label: &a.label, start: a.start, end: a.end }).collect()
}

/// Sentences about the work, label by label, that say what the figures under `scheme` say (both
/// "2 of 3"): what was found of the key, what is not in it (with the teacher's hint for the
/// label, from `hint`); and how the attributions of `documents` (each a key and a student's
/// annotations) compare with the key's.
pub fn sentences(
    evaluation: &Evaluation,
    scheme: Scheme,
    documents: &[(&[Annotation], &[Annotation])],
    labels: &[Label],
    hint: impl Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mut said = Vec::new();
    for label in labels {
        let Some(counts) = evaluation.by_label.get(&label.id).map(|scores| scores.counts(scheme)) else { continue };
        let name = plural(&label.name);
        let halves = match counts.partial {
            0 => String::new(),
            1 => " and 1 more in part (half counted)".to_owned(),
            n => format!(" and {n} more in part (each half counted)"),
        };
        if counts.possible() > 0 {
            said.push(format!("You found {} of the {} {name}{halves}.", counts.correct, counts.possible()));
        }
        let not_in_key = counts.actual() - counts.correct - counts.partial;
        if not_in_key > 0 {
            let verb = if not_in_key == 1 { "is" } else { "are" };
            let hint = hint(&label.id).map(|h| format!(" {h}")).unwrap_or_default();
            said.push(format!("{not_in_key} of your {} {name} {verb} not in the key as marked.{hint}", counts.actual()));
        }
    }
    let (compared, agreeing) = agreement_on(documents, |a| fold_name(&a.attributed_to));
    if compared > 0 {
        said.push(format!("{agreeing} of the {compared} attributions you could give match the key's (who is speaking)."));
    }
    let (compared, agreeing) = sources_agreed(documents);
    if compared > 0 {
        said.push(format!(
            "{agreeing} of the {compared} kinds of source you could give match the key's (what kind of source is speaking)."
        ));
    }
    // Said only to a student who marked some annotations unsure: the others said nothing of being sure.
    let sureness = Sureness::of(documents);
    match sureness.confident_errors() {
        _ if sureness.unsure == 0 => {}
        0 => {}
        1 => said.push("1 annotation you were sure of is not in the key as marked: it comes first below.".to_owned()),
        n => said.push(format!("{n} annotations you were sure of are not in the key as marked: they come first below.")),
    }
    said
}

/// Of the key's annotations that give a kind of source, how many the student could give one for
/// (they marked the passage with the same label), and how many of those give the key's.
pub fn sources_agreed(documents: &[(&[Annotation], &[Annotation])]) -> (usize, usize) {
    agreement_on(documents, |a| a.source_kind.clone())
}

/// Of the key's annotations that give `what` (not empty), how many the student could give it for
/// (they marked the passage with the same label), and how many of those give the same.
fn agreement_on(documents: &[(&[Annotation], &[Annotation])], what: impl Fn(&Annotation) -> String) -> (usize, usize) {
    let (mut compared, mut agreeing) = (0, 0);
    for (key, work) in documents {
        for k in key.iter() {
            let given = what(k);
            if given.trim().is_empty() {
                continue;
            }
            if let Some(a) = work.iter().find(|a| a.label == k.label && overlaps(k, a)) {
                compared += 1;
                agreeing += usize::from(what(a) == given);
            }
        }
    }
    (compared, agreeing)
}

/// Precision, recall and F1 in plain words, said beside the figures.
pub const FIGURES_IN_WORDS: &str = "Precision: how much of what you marked is in the key. Recall: how much of the key you found. F1: the two together (1 when both are perfect, 0 when nothing matches).";

/// "denials" of "Denial": the label's name, lowercased, in the plural.
pub fn plural(name: &str) -> String {
    let lower = name.to_lowercase();
    if lower.ends_with('s') {
        lower
    } else {
        format!("{lower}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::measures::matching::Scheme;
    use crate::core::model::annotation::bare;
    use crate::core::model::label::default_labels;

    fn attributed(mut a: Annotation, by: &str) -> Annotation {
        a.attributed_to = by.into();
        a
    }

    #[test]
    fn the_kinds_of_text_are_scored_and_each_one_missed_is_named() {
        let answers = [
            KindAnswer { title: "G7", chosen: "News report", expected: "news report" },
            KindAnswer { title: "US Furious", chosen: "opinion", expected: "aggregator or blog" },
            KindAnswer { title: "Explainer", chosen: "", expected: "analysis" },
        ];
        assert_eq!(kinds_score(&answers), "1/3");
        assert_eq!(
            kinds_in_words(&answers).unwrap(),
            "Kind of text: you chose the kind of 1 of the 3 texts as the key does. “US Furious”: you said opinion, the key says \
             aggregator or blog; “Explainer”: you chose none, the key says analysis."
        );
        assert_eq!(kinds_in_words(&answers[..1]).unwrap(), "Kind of text: you chose the kind of 1 of the 1 text as the key does.");
        assert_eq!(kinds_in_words(&[]), None, "not asked, not said");
    }

    #[test]
    fn links_are_found_across_documents_and_said_in_words() {
        let link = |mut a: Annotation, to: &str| {
            a.links
                .push(crate::core::model::annotation::Link { to: to.into(), relation: crate::core::model::annotation::Relation::Denies });
            a
        };
        let key_a = [link(bare("k1", "denial", 0, 4), "k2"), link(bare("k3", "denial", 10, 14), "gone")];
        let key_b = [bare("k2", "claim", 5, 9)];
        let marked_a = [link(bare("m1", "denial", 1, 4), "m2"), link(bare("m3", "denial", 20, 24), "m2")];
        let marked_b = [bare("m2", "claim", 6, 8)];
        let key = [("a", &key_a[..]), ("b", &key_b[..])];
        let marked = [("a", &marked_a[..]), ("b", &marked_b[..])];
        assert_eq!(links_of(&key).len(), 1, "a link to an annotation not there is left out");
        assert_eq!(links_of(&key)[0].to.document, "b");
        let counts = link_counts(&key, &marked);
        assert_eq!(counts, LinkCounts { marked: 2, in_key: 1, correct: 1 });
        assert_eq!(
            links_in_words(&counts).unwrap(),
            "You made 1 of the 1 link the key makes; 1 of your 2 links is not in it (a link counts when it joins the passages the key's joins, with the same labels and relation)."
        );
        assert_eq!(links_in_words(&LinkCounts::default()), None);
    }

    #[test]
    fn the_kind_of_source_is_compared_where_the_key_gives_one() {
        let kind = |mut a: Annotation, kind: &str| {
            a.source_kind = kind.into();
            a
        };
        let key = [
            kind(bare("k1", "claim", 0, 4), "anonymous official"),
            kind(bare("k2", "claim", 10, 14), "media report"),
            bare("k3", "denial", 20, 24),
        ];
        let marked = [
            kind(bare("m1", "claim", 1, 4), "anonymous official"),
            kind(bare("m2", "claim", 10, 14), "the writer"),
            kind(bare("m3", "denial", 20, 24), "the writer"),
        ];
        let documents = [(&key[..], &marked[..])];
        let evaluation = evaluate(&documents, &default_labels());
        let said = sentences(&evaluation, Scheme::Fair, &documents, &default_labels(), |_| None);
        assert!(
            said.contains(&"1 of the 2 kinds of source you could give match the key's (what kind of source is speaking).".to_owned()),
            "{said:?}"
        );
    }

    #[test]
    fn confident_errors_come_first_and_sureness_is_weighed_against_accuracy() {
        let key = [bare("k1", "claim", 0, 4), bare("k2", "denial", 10, 14), bare("k3", "sanction", 20, 24)];
        let unsure = |mut a: Annotation| {
            a.unsure = true;
            a
        };
        let marked = [
            bare("hit", "claim", 0, 4),
            bare("extra", "claim", 30, 34),
            unsure(bare("doubt", "sanction", 10, 14)),
            unsure(bare("lucky", "sanction", 20, 24)),
        ];
        let (marks, missed) = compare(&key, &marked);
        assert!(missed.is_empty());
        let mut ranked: Vec<(&str, u8)> =
            marked.iter().zip(&marks).map(|(a, &m)| (a.id.as_str(), listing_rank(Some(m), a.unsure))).collect();
        ranked.push(("missed", listing_rank(None, false)));
        ranked.sort_by_key(|&(_, rank)| rank);
        let order: Vec<&str> = ranked.iter().map(|&(id, _)| id).collect();
        assert_eq!(order, ["extra", "doubt", "missed", "hit", "lucky"]);
        let sureness = Sureness::of(&[(&key[..], &marked[..])]);
        assert_eq!(sureness, Sureness { sure: 2, sure_right: 1, unsure: 2, unsure_right: 1 });
        assert_eq!(sureness.confident_errors(), 1);
        assert_eq!(sureness.in_words(), "sure 1/2 right, unsure 1/2 right: did not match");
        let matched = Sureness { sure: 4, sure_right: 3, unsure: 2, unsure_right: 0 };
        assert_eq!(matched.in_words(), "sure 3/4 right, unsure 0/2 right: matched");
        assert_eq!(Sureness { sure: 3, sure_right: 2, ..Sureness::default() }.in_words(), "sure of all: 2/3 right");
        assert_eq!(Sureness::default().in_words(), "nothing marked");
        let evaluation = evaluate(&[(&key[..], &marked[..])], &default_labels());
        let said = sentences(&evaluation, Scheme::Fair, &[(&key[..], &marked[..])], &default_labels(), |_| None);
        assert_eq!(said.last().unwrap(), "1 annotation you were sure of is not in the key as marked: it comes first below.");
    }

    #[test]
    fn each_annotation_is_marked_and_misses_are_listed() {
        let key =
            vec![bare("k1", "claim", 0, 10), bare("k2", "denial", 20, 30), bare("k3", "sanction", 40, 50), bare("k4", "claim", 60, 70)];
        let marked = vec![
            bare("a", "claim", 0, 10),
            bare("b", "claim", 20, 30),
            bare("c", "sanction", 42, 50),
            bare("d", "denial", 62, 75),
            bare("e", "claim", 80, 90),
        ];
        let (marks, missed) = compare(&key, &marked);
        assert_eq!(marks, [Verdict::Hit, Verdict::LabelDiffers, Verdict::BoundaryDiffers, Verdict::BothDiffer, Verdict::Extra]);
        assert!(missed.is_empty());
        let (_, missed) = compare(&key, &marked[..1]);
        assert_eq!(missed.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(), ["k2", "k3", "k4"]);
    }

    /// Property tests run natively (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            /// What the sentences say is what the table shows: "found N of the M" is the recall,
            /// "K of your A are not in the key" the precision, under every scheme.
            #[test]
            fn the_sentences_agree_with_the_figures(
                key in prop::collection::vec((0usize..3, 0usize..60, 1usize..15), 0..8),
                marked in prop::collection::vec((0usize..3, 0usize..60, 1usize..15), 0..8),
            ) {
                let labels = default_labels();
                let made = |spans: Vec<(usize, usize, usize)>, prefix: &str| -> Vec<Annotation> {
                    spans.into_iter().enumerate().map(|(i, (l, start, width))| bare(&format!("{prefix}{i}"), &labels[l].id, start, start + width)).collect()
                };
                let (key, marked) = (made(key, "k"), made(marked, "m"));
                let documents: [(&[Annotation], &[Annotation]); 1] = [(&key, &marked)];
                let evaluation = evaluate(&documents, &labels);
                // The schemes that count whole spans only; under partial and type a part counts half.
                for scheme in [Scheme::Fair, Scheme::Strict, Scheme::Exact] {
                    let said = sentences(&evaluation, scheme, &documents, &labels, |_| None);
                    let numbers = |sentence: &String| -> Vec<f64> { sentence.split(' ').filter_map(|w| w.parse().ok()).collect() };
                    for label in &labels {
                        let Some(scores) = evaluation.by_label.get(&label.id) else { continue };
                        let (counts, figures) = (scores.counts(scheme), scores.figures(scheme));
                        let name = plural(&label.name);
                        match said.iter().find(|s| s.starts_with("You found") && s.ends_with(&format!(" {name}."))).map(numbers).as_deref() {
                            Some(&[found, of]) => prop_assert!((found / of - figures.recall).abs() < 1e-12, "{scheme:?} {said:?}"),
                            None => prop_assert_eq!(counts.possible(), 0),
                            Some(other) => prop_assert!(false, "{other:?}"),
                        }
                        match said.iter().find(|s| s.contains(&format!(" {name} is not")) || s.contains(&format!(" {name} are not"))).map(numbers).as_deref() {
                            Some(&[not_in_key, of]) => prop_assert!(((of - not_in_key) / of - figures.precision).abs() < 1e-12, "{scheme:?} {said:?}"),
                            None => prop_assert!(counts.actual() == counts.correct, "{scheme:?} {said:?}"),
                            Some(other) => prop_assert!(false, "{other:?}"),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn sentences_count_what_was_found_what_is_extra_and_attributions() {
        let key = vec![
            attributed(bare("k1", "denial", 0, 10), "Iran's foreign minister"),
            attributed(bare("k2", "denial", 20, 30), "Nasser Kanaani"),
            bare("k3", "claim", 40, 50),
        ];
        let marked = vec![
            attributed(bare("a", "denial", 0, 10), "  iran's   Foreign minister"),
            attributed(bare("b", "denial", 22, 30), "Kanaani"),
            bare("c", "claim", 60, 70),
            bare("d", "claim", 80, 90),
        ];
        let documents: [(&[Annotation], &[Annotation]); 1] = [(&key, &marked)];
        let evaluation = evaluate(&documents, &default_labels());
        assert_eq!(
            sentences(&evaluation, Scheme::Fair, &documents, &default_labels(), |label| (label == "claim")
                .then(|| "Who is speaking?".to_owned())),
            [
                "You found 0 of the 1 claims.",
                "2 of your 2 claims are not in the key as marked. Who is speaking?",
                "You found 1 of the 2 denials.",
                "1 of your 2 denials is not in the key as marked.",
                "1 of the 2 attributions you could give match the key's (who is speaking).",
            ]
        );
        assert_eq!(
            sentences(&evaluation, Scheme::Partial, &documents, &default_labels(), |_| None)[2],
            "You found 1 of the 2 denials and 1 more in part (half counted)."
        );
        let figures = evaluation.overall.figures(Scheme::Fair);
        assert!((figures.precision - 0.25).abs() < 1e-12);
    }
}
