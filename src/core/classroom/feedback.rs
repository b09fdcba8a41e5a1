//! Feedback on a student's work against the answer key: each of their annotations marked as a
//! hit, a label or boundary difference, or an extra; each key passage they did not mark, a miss;
//! the figures of `core::measures::matching`; and sentences a student reads ("You found 4 of the 6 denials").

use crate::core::measures::matching::{self, Evaluation, Span};
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

/// The figures of `documents` (each a key and a student's annotations), for `labels`.
pub fn evaluate(documents: &[(&[Annotation], &[Annotation])], labels: &[Label]) -> Evaluation {
    let borrowed: Vec<(Vec<Span>, Vec<Span>)> = documents.iter().map(|(key, marked)| (spans(key), spans(marked))).collect();
    let ids: Vec<&str> = labels.iter().map(|l| l.id.as_str()).collect();
    matching::evaluate(&borrowed, &ids)
}

fn spans(list: &[Annotation]) -> Vec<Span<'_>> {
    list.iter().map(|a| Span { label: &a.label, start: a.start, end: a.end }).collect()
}

/// Sentences about `documents` (each a key and a student's annotations), label by label: what
/// was found, what the key does not have, and how the attributions compare.
pub fn sentences(documents: &[(&[Annotation], &[Annotation])], labels: &[Label]) -> Vec<String> {
    let mut said = Vec::new();
    for label in labels {
        let of = |list: &[Annotation]| -> Vec<Annotation> { list.iter().filter(|a| a.label == label.id).cloned().collect() };
        let (mut expected, mut found, mut marked, mut extra) = (0, 0, 0, 0);
        for (key, work) in documents {
            let (key, work) = (of(key), of(work));
            expected += key.len();
            found += key.iter().filter(|k| work.iter().any(|a| overlaps(k, a))).count();
            marked += work.len();
            extra += work.iter().filter(|a| !key.iter().any(|k| overlaps(k, a))).count();
        }
        let name = plural(&label.name);
        if expected > 0 {
            said.push(format!("You found {found} of the {expected} {name}."));
        }
        if extra > 0 {
            let hint = hint(&label.id).map(|h| format!(": {h}")).unwrap_or_default();
            let verb = if extra == 1 { "is" } else { "are" };
            said.push(format!("{extra} of your {marked} {name} {verb} not in the key{hint}."));
        }
    }
    let (mut compared, mut agreeing) = (0, 0);
    for (key, work) in documents {
        for k in key.iter().filter(|k| !k.attributed_to.trim().is_empty()) {
            if let Some(a) = work.iter().find(|a| a.label == k.label && overlaps(k, a)) {
                compared += 1;
                agreeing += usize::from(fold_name(&a.attributed_to) == fold_name(&k.attributed_to));
            }
        }
    }
    if compared > 0 {
        said.push(format!("{agreeing} of the {compared} attributions you could give match the key's (who is speaking)."));
    }
    said
}

/// Where to look again, for the three labels every class starts with.
fn hint(label: &str) -> Option<&'static str> {
    match label {
        "claim" => Some("look at who is speaking"),
        "denial" => Some("look for who rejects what, and whether they really do"),
        "sanction" => Some("look for what was actually done, not what was threatened"),
        _ => None,
    }
}

/// "denials" of "Denial": the label's name, lowercased, in the plural.
fn plural(name: &str) -> String {
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
        let said = sentences(&[(&key, &marked)], &default_labels());
        assert_eq!(
            said,
            [
                "You found 0 of the 1 claims.",
                "2 of your 2 claims are not in the key: look at who is speaking.",
                "You found 2 of the 2 denials.",
                "1 of the 2 attributions you could give match the key's (who is speaking).",
            ]
        );
        let figures = evaluate(&[(&key, &marked)], &default_labels()).overall.figures(Scheme::Strict);
        assert!((figures.precision - 0.25).abs() < 1e-12);
    }
}
