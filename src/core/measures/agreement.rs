//! How much several people agree on what they marked, with characters as the units: per label, a
//! character's value is whether a person's span of that label covers it; over all labels, it is the
//! set of labels on it. The figures are those of the reference implementations, so that a class's
//! numbers are the ones a researcher gets: Cohen's κ for each pair (as scikit-learn's
//! `cohen_kappa_score`), Fleiss' κ for the group (as statsmodels' `fleiss_kappa`) and
//! Krippendorff's α for nominal values (as the `krippendorff` package); and, on the spans
//! themselves, Mathet et al.'s γ (`core::measures::gamma`, as `pygamma-agreement`). A figure is undefined
//! (`None`) when every character has one and the same value.

use std::collections::BTreeSet;

use crate::core::measures::gamma::{self, Unit};

/// A span one person marked: which document (by index), its label, half-open code point offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked<'a> {
    pub document: usize,
    pub label: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Every person's value for every unit: `values[person][unit]` is a category index, and a unit
/// stands for `weights[unit]` characters alike (a run over which no one's value changes: a class
/// of 30 marks two articles in a few thousand runs, not 18,000 characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ratings {
    pub values: Vec<Vec<usize>>,
    pub weights: Vec<usize>,
    pub categories: usize,
}

/// The ratings of the characters of documents of `lengths` by `people`: of `label` (present or
/// absent), or with `None` of the set of labels on each character.
pub fn by_character(lengths: &[usize], people: &[Vec<Marked>], label: Option<&str>) -> Ratings {
    let labels: Vec<&str> = people.iter().flatten().map(|m| m.label).collect::<BTreeSet<_>>().into_iter().collect();
    let offsets: Vec<usize> = lengths.iter().scan(0, |at, length| Some(std::mem::replace(at, *at + length))).collect();
    let total: usize = lengths.iter().sum();
    // A character's value as a bit set of the labels on it (one bit for one label).
    let raw: Vec<Vec<u64>> = people
        .iter()
        .map(|spans| {
            let mut sets = vec![0u64; total];
            for span in spans.iter().filter(|s| label.is_none_or(|l| s.label == l) && s.document < lengths.len()) {
                let bit = match label {
                    Some(_) => 1,
                    None => 1 << labels.iter().position(|l| *l == span.label).expect("every label is listed").min(63),
                };
                let (from, to) = (span.start.min(lengths[span.document]), span.end.min(lengths[span.document]));
                sets[offsets[span.document] + from..offsets[span.document] + to].iter_mut().for_each(|set| *set |= bit);
            }
            sets
        })
        .collect();
    // Runs: a character starts one where anyone's value differs from the character before.
    let starts: Vec<usize> = (0..total).filter(|&at| at == 0 || raw.iter().any(|sets| sets[at] != sets[at - 1])).collect();
    let seen: Vec<u64> = raw.iter().flat_map(|sets| starts.iter().map(|&at| sets[at])).collect::<BTreeSet<_>>().into_iter().collect();
    let weights = starts.iter().zip(starts.iter().skip(1).chain([&total])).map(|(start, end)| end - start).collect();
    let values =
        raw.iter().map(|sets| starts.iter().map(|&at| seen.binary_search(&sets[at]).expect("every value was seen")).collect()).collect();
    Ratings { values, weights, categories: seen.len() }
}

/// Cohen's κ of two people's values, as scikit-learn computes it:
/// 1 − Σ disagreeing observed / Σ disagreeing expected (from each person's own proportions).
/// Each unit counts `weights[unit]` times.
pub fn cohen_kappa(a: &[usize], b: &[usize], weights: &[usize], categories: usize) -> Option<f64> {
    let mut observed = vec![vec![0.0f64; categories]; categories];
    for ((&x, &y), &weight) in a.iter().zip(b).zip(weights) {
        observed[x][y] += weight as f64;
    }
    let total = weights.iter().sum::<usize>() as f64;
    let rows: Vec<f64> = observed.iter().map(|row| row.iter().sum()).collect();
    let columns: Vec<f64> = (0..categories).map(|j| observed.iter().map(|row| row[j]).sum()).collect();
    let (mut disagreeing, mut expected) = (0.0, 0.0);
    for i in 0..categories {
        for j in (0..categories).filter(|j| *j != i) {
            disagreeing += observed[i][j];
            expected += rows[i] * columns[j] / total;
        }
    }
    (expected > 0.0).then(|| 1.0 - disagreeing / expected)
}

/// Fleiss' κ of everyone's values, as statsmodels computes it.
pub fn fleiss_kappa(ratings: &Ratings) -> Option<f64> {
    let raters = ratings.values.len() as f64;
    let units = ratings.weights.iter().sum::<usize>() as f64;
    if units == 0.0 || raters < 2.0 {
        return None;
    }
    let mut per_category = vec![0.0f64; ratings.categories];
    let mut agreement = 0.0;
    for (unit, &weight) in ratings.weights.iter().enumerate() {
        let weight = weight as f64;
        let mut counts = vec![0.0f64; ratings.categories];
        ratings.values.iter().for_each(|person| counts[person[unit]] += 1.0);
        counts.iter().zip(per_category.iter_mut()).for_each(|(count, sum)| *sum += count * weight);
        agreement += weight * (counts.iter().map(|c| c * c).sum::<f64>() - raters) / (raters * (raters - 1.0));
    }
    let mean = agreement / units;
    let by_chance: f64 = per_category.iter().map(|sum| (sum / (units * raters)).powi(2)).sum();
    let kappa = (mean - by_chance) / (1.0 - by_chance);
    kappa.is_finite().then_some(kappa)
}

/// Krippendorff's α for nominal values, as the `krippendorff` package computes it:
/// 1 − Σ disagreeing coincidences / Σ disagreeing expected coincidences.
pub fn krippendorff_alpha(ratings: &Ratings) -> Option<f64> {
    let raters = ratings.values.len();
    if ratings.categories < 2 || raters < 2 {
        return None;
    }
    let mut coincidences = vec![vec![0.0f64; ratings.categories]; ratings.categories];
    for (unit, &weight) in ratings.weights.iter().enumerate() {
        let mut counts = vec![0.0f64; ratings.categories];
        ratings.values.iter().for_each(|person| counts[person[unit]] += 1.0);
        for c in 0..ratings.categories {
            for k in 0..ratings.categories {
                let pairs = counts[c] * counts[k] - if c == k { counts[c] } else { 0.0 };
                coincidences[c][k] += weight as f64 * pairs / (raters as f64 - 1.0);
            }
        }
    }
    let totals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = totals.iter().sum();
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..ratings.categories {
        for k in (0..ratings.categories).filter(|k| *k != c) {
            observed += coincidences[c][k];
            expected += totals[c] * totals[k] / (n - 1.0);
        }
    }
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// The figures for a group.
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// Cohen's κ of each pair of people `(i, j)`, `i < j`.
    pub cohen: Vec<((usize, usize), Option<f64>)>,
    pub fleiss: Option<f64>,
    pub alpha: Option<f64>,
}

/// How many random continua γ's chance estimate takes, and from which seed: fixed, so that a
/// class's γ is the same on every screen and in every report.
pub const GAMMA_SAMPLES: usize = 30;
pub const GAMMA_SEED: u64 = 2015;

/// The character figures of `ratings`.
pub fn agreement(ratings: &Ratings) -> Agreement {
    let people = ratings.values.len();
    let pairs = (0..people).flat_map(|i| (i + 1..people).map(move |j| (i, j)));
    Agreement {
        cohen: pairs
            .map(|(i, j)| ((i, j), cohen_kappa(&ratings.values[i], &ratings.values[j], &ratings.weights, ratings.categories)))
            .collect(),
        fleiss: fleiss_kappa(ratings),
        alpha: krippendorff_alpha(ratings),
    }
}

/// Mathet et al.'s γ for `people`'s spans over documents of `lengths`, on the spans themselves
/// rather than their characters: of `label`, or with `None` of all labels, the documents taken
/// end to end as one text. An estimation, to be stepped through (`gamma::Estimation::step`).
pub fn gamma(lengths: &[usize], people: &[Vec<Marked>], label: Option<&str>) -> gamma::Estimation {
    let offsets: Vec<usize> = lengths.iter().scan(0, |at, length| Some(std::mem::replace(at, *at + length))).collect();
    let labels: Vec<&str> = people.iter().flatten().map(|m| m.label).collect::<BTreeSet<_>>().into_iter().collect();
    let units: Vec<Vec<Unit>> = people
        .iter()
        .map(|spans| {
            spans
                .iter()
                .filter(|s| label.is_none_or(|l| s.label == l) && s.document < lengths.len() && s.start < s.end)
                .map(|s| Unit {
                    start: (offsets[s.document] + s.start) as f64,
                    end: (offsets[s.document] + s.end) as f64,
                    category: labels.iter().position(|l| *l == s.label).unwrap_or(0),
                })
                .collect()
        })
        .collect();
    gamma::Estimation::new(units, GAMMA_SAMPLES, GAMMA_SEED)
}

/// A stretch of one document over which who marked what does not change, and how they marked it.
#[derive(Clone, Debug, PartialEq)]
pub struct Stretch {
    pub document: usize,
    pub start: usize,
    pub end: usize,
    /// How many people marked it with each label (a person may give it several), in label order.
    pub by_label: Vec<(String, usize)>,
    /// How many people marked it with nothing.
    pub nothing: usize,
    /// The share of people outside the largest group that gave it the same set of labels: 0 when
    /// all agree, approaching 1 as they scatter.
    pub spread: f64,
}

/// Document `document` of `length` characters, cut into the longest stretches over which who
/// marked what does not change, and also at each of `breaks` (paragraph starts), so that no
/// stretch crosses one; `labels` in the order they are named. The stretches cover the document.
pub fn stretches(document: usize, length: usize, people: &[Vec<Marked>], labels: &[&str], breaks: &[usize]) -> Vec<Stretch> {
    // Each person's set of labels on each character, as a bit set in `labels` order.
    let sets: Vec<Vec<u64>> = people
        .iter()
        .map(|spans| {
            let mut sets = vec![0u64; length];
            for span in spans.iter().filter(|s| s.document == document) {
                if let Some(bit) = labels.iter().position(|l| *l == span.label) {
                    sets[span.start.min(length)..span.end.min(length)].iter_mut().for_each(|set| *set |= 1 << bit.min(63));
                }
            }
            sets
        })
        .collect();
    let same = |a: usize, b: usize| sets.iter().all(|person| person[a] == person[b]);
    let mut found = Vec::new();
    let mut start = 0;
    while start < length {
        let end = (start + 1..length).find(|&at| !same(start, at) || breaks.binary_search(&at).is_ok()).unwrap_or(length);
        let here: Vec<u64> = sets.iter().map(|person| person[start]).collect();
        let largest = here.iter().map(|set| here.iter().filter(|other| *other == set).count()).max().unwrap_or(0);
        found.push(Stretch {
            document,
            start,
            end,
            by_label: labels
                .iter()
                .enumerate()
                .map(|(bit, l)| ((*l).to_owned(), here.iter().filter(|set| *set & (1 << bit.min(63)) != 0).count()))
                .collect(),
            nothing: here.iter().filter(|set| **set == 0).count(),
            spread: if here.is_empty() { 0.0 } else { 1.0 - largest as f64 / here.len() as f64 },
        });
        start = end;
    }
    found
}

/// The stretches where people disagree, most disagreed first, then longest.
pub fn disagreements(stretches: impl IntoIterator<Item = Stretch>) -> Vec<Stretch> {
    let mut found: Vec<Stretch> = stretches.into_iter().filter(|s| s.spread > 0.0).collect();
    found.sort_by(|a, b| b.spread.total_cmp(&a.spread).then((b.end - b.start).cmp(&(a.end - a.start))).then(a.start.cmp(&b.start)));
    found
}

/// How a stretch was marked, in words: "2 of 3 marked Denial, 1 Claim, 1 nothing", from how many
/// people gave each label (named) and how many marked nothing, of `of` people.
pub fn describe(by_label: &[(String, usize)], nothing: usize, of: usize) -> String {
    let mut parts: Vec<(usize, &str)> = by_label.iter().filter(|(_, n)| *n > 0).map(|(name, n)| (*n, name.as_str())).collect();
    if nothing > 0 {
        parts.push((nothing, "nothing"));
    }
    let Some(((count, name), rest)) = parts.split_first() else { return format!("0 of {of} marked it") };
    let mut said = format!("{count} of {of} marked {name}");
    for (count, name) in rest {
        said.push_str(&format!(", {count} {name}"));
    }
    said
}

/// How a stretch was marked, short enough to stand beside it: "7 Claim · 3 Denial · 2 none".
pub fn tally(by_label: &[(String, usize)], nothing: usize) -> String {
    let mut parts: Vec<String> = by_label.iter().filter(|(_, n)| *n > 0).map(|(name, n)| format!("{n} {name}")).collect();
    if nothing > 0 {
        parts.push(format!("{nothing} none"));
    }
    parts.join(" · ")
}

/// Landis and Koch's words for a κ or α, so that a figure reads as a sentence; of the value as
/// shown (two places), so that "0.00" is never called less than chance.
pub fn landis_koch(value: f64) -> &'static str {
    match (value * 100.0).round() / 100.0 {
        v if v < 0.0 => "less than chance agreement",
        v if v <= 0.20 => "slight agreement",
        v if v <= 0.40 => "fair agreement",
        v if v <= 0.60 => "moderate agreement",
        v if v <= 0.80 => "substantial agreement",
        _ => "almost perfect agreement",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratings(values: Vec<Vec<usize>>, categories: usize) -> Ratings {
        let weights = vec![1; values[0].len()];
        Ratings { values, weights, categories }
    }

    /// Textbook cases with known values.
    #[test]
    fn known_values() {
        // Cohen (1960)-style 2×2: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4.
        let a: Vec<usize> = [vec![0; 25], vec![1; 25]].concat();
        let b: Vec<usize> = [vec![0; 20], vec![1; 5], vec![0; 10], vec![1; 15]].concat();
        assert!((cohen_kappa(&a, &b, &[1; 50], 2).unwrap() - 0.4).abs() < 1e-12);
        // The same as runs: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
        assert!((cohen_kappa(&[0, 0, 1, 1], &[0, 1, 0, 1], &[20, 5, 10, 15], 2).unwrap() - 0.4).abs() < 1e-12);
        // Perfect agreement is 1; one value everywhere is undefined.
        assert_eq!(cohen_kappa(&[0, 1, 1], &[0, 1, 1], &[1; 3], 2), Some(1.0));
        assert_eq!(cohen_kappa(&[0, 0], &[0, 0], &[1; 2], 1), None);
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example A: binary
        // data, two observers, ten units: α = 0.095.
        let two = ratings(vec![vec![0, 1, 0, 0, 0, 0, 0, 0, 1, 0], vec![1, 1, 1, 0, 0, 1, 0, 0, 0, 0]], 2);
        assert!((krippendorff_alpha(&two).unwrap() - 0.095_238_095_238_095_2).abs() < 1e-9);
        assert_eq!(fleiss_kappa(&ratings(vec![vec![0, 1], vec![0, 1], vec![0, 1]], 2)), Some(1.0));
    }

    #[test]
    fn stretches_are_where_who_marked_what_stays_the_same() {
        let people = vec![
            vec![Marked { document: 0, label: "claim", start: 0, end: 6 }],
            vec![Marked { document: 0, label: "claim", start: 2, end: 6 }],
            vec![Marked { document: 0, label: "denial", start: 2, end: 6 }, Marked { document: 0, label: "claim", start: 4, end: 6 }],
        ];
        let all = stretches(0, 8, &people, &["claim", "denial"], &[]);
        assert_eq!(all.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(), [(0, 2), (2, 4), (4, 6), (6, 8)], "they cover the text");
        let found = disagreements(all);
        let summary: Vec<(usize, usize, Vec<usize>, usize)> =
            found.iter().map(|d| (d.start, d.end, d.by_label.iter().map(|(_, n)| *n).collect(), d.nothing)).collect();
        // 0..2: claim, nothing, nothing; 2..4: claim, claim, denial; 4..6: claim, claim,
        // claim+denial: one of three outside the largest group in each, so in text order.
        assert_eq!(summary, [(0, 2, vec![1, 0], 2), (2, 4, vec![2, 1], 0), (4, 6, vec![3, 1], 0)]);
        assert!(found.iter().all(|d| (d.spread - 1.0 / 3.0).abs() < 1e-12));
        let unanimous = disagreements(stretches(0, 8, &[people[0].clone(), people[0].clone()], &["claim"], &[]));
        assert!(unanimous.is_empty());
        let cut = stretches(0, 8, &people, &["claim", "denial"], &[3]);
        assert_eq!(cut.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>(), [(0, 2), (2, 3), (3, 4), (4, 6), (6, 8)], "cut at breaks");
        assert!(found.iter().all(|d| d.end <= 6), "where all marked nothing they agree");
    }

    #[test]
    fn characters_take_the_set_of_labels_on_them() {
        let people = vec![
            vec![Marked { document: 0, label: "claim", start: 0, end: 3 }, Marked { document: 1, label: "denial", start: 1, end: 2 }],
            vec![Marked { document: 0, label: "claim", start: 1, end: 3 }, Marked { document: 0, label: "denial", start: 2, end: 4 }],
        ];
        let all = by_character(&[4, 2], &people, None);
        // Values: none, claim, denial, claim+denial, by their bit sets 0, 1, 2, 3.
        assert_eq!(all.values, [vec![1, 1, 1, 0, 0, 2], vec![0, 1, 3, 2, 0, 0]]);
        let claims = by_character(&[4, 2], &people, Some("claim"));
        // Characters alike for everyone are one run: 1, then 2 and 3, then the rest.
        assert_eq!(claims.values, [vec![1, 1, 0], vec![0, 1, 0]]);
        assert_eq!(claims.weights, [1, 2, 3]);
        assert_eq!(all.weights, [1; 6]);
        assert_eq!(landis_koch(0.61), "substantial agreement");
        let by_label = [("Claim".to_owned(), 7), ("Denial".to_owned(), 3), ("Sanction".to_owned(), 0)];
        assert_eq!(tally(&by_label, 2), "7 Claim · 3 Denial · 2 none");
        assert_eq!(tally(&by_label, 0), "7 Claim · 3 Denial");
        assert_eq!(landis_koch(-0.004), "slight agreement", "shown as 0.00");
        assert_eq!(landis_koch(-0.006), "less than chance agreement");
    }

    #[test]
    fn gamma_takes_the_spans_documents_end_to_end() {
        let span = |document, label, start, end| Marked { document, label, start, end };
        let same = vec![span(0, "claim", 0, 5), span(1, "denial", 2, 6)];
        assert_eq!(gamma(&[10, 10], &[same.clone(), same.clone()], None).finished().unwrap().gamma, 1.0);
        // The second document's span sits after the first document: far from the first span, so
        // the two people's lone spans cannot be aligned and γ is below 1.
        let apart = gamma(&[10, 10], &[vec![span(0, "claim", 0, 5)], vec![span(1, "claim", 0, 5)]], Some("claim"));
        assert!(apart.finished().unwrap().gamma < 1.0);
        assert_eq!(gamma(&[10], &[vec![], vec![]], None).finished(), Err(gamma::Undefined::NoSpans), "no span, no γ");
    }

    #[test]
    fn a_stretch_reads_as_counts() {
        let by_label = [("Claim".to_owned(), 7), ("Denial".to_owned(), 3), ("Sanction".to_owned(), 0)];
        assert_eq!(describe(&by_label, 2, 12), "7 of 12 marked Claim, 3 Denial, 2 nothing");
        assert_eq!(describe(&by_label[2..], 4, 4), "4 of 4 marked nothing");
    }
}
