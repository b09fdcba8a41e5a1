//! How a student's spans compare with an answer key: the fair scheme, and the four span matching
//! schemes of named-entity evaluation (SemEval-2013 task 9.1) as `nervaluate` 1.2 computes them,
//! so that a teacher's figures are the ones their tools give.
//!
//! - **fair**: a span counts when its boundaries and label are the key's, as under strict, but
//!   spans and key spans are paired by the best one-to-one matching (as many hits as there can
//!   be, then as many overlaps), never in text order: nervaluate lets an earlier span that only
//!   overlaps a key span take it from a later one that is exactly it;
//! - **strict**: a span counts when its boundaries and label are the key's;
//! - **exact**: when its boundaries are the key's, whatever the label;
//! - **partial**: when its boundaries are the key's; a span that overlaps a key span counts half;
//! - **type**: when it overlaps a key span with the same label.
//!
//! Each key span is matched at most once. A span overlaps another when they share at least 1% of
//! the key span's characters (nervaluate's threshold). Per label, only that label's spans are
//! compared. Counts add up over documents; precision, recall and F1 are computed from the sums.

use std::collections::BTreeMap;

/// A labelled stretch of text: half-open code point offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span<'a> {
    pub label: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Span<'_> {
    /// Whether the two share at least 1% of `key`'s characters (computed as nervaluate does).
    fn overlaps_enough(&self, key: &Span) -> bool {
        let shared = self.end.min(key.end).saturating_sub(self.start.max(key.start));
        shared > 0 && (shared as f64 / (key.end - key.start) as f64) * 100.0 >= 1.0
    }

    fn same_bounds(&self, other: &Span) -> bool {
        (self.start, self.end) == (other.start, other.end)
    }

    fn distance(&self, other: &Span) -> usize {
        self.start.abs_diff(other.start) + self.end.abs_diff(other.end)
    }
}

/// One of the matching schemes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    Fair,
    Strict,
    Exact,
    Partial,
    Type,
}

impl Scheme {
    pub const ALL: [Scheme; 5] = [Scheme::Fair, Scheme::Strict, Scheme::Exact, Scheme::Partial, Scheme::Type];
    /// The schemes nervaluate computes, for comparison with published work.
    pub const NERVALUATE: [Scheme; 4] = [Scheme::Strict, Scheme::Exact, Scheme::Partial, Scheme::Type];

    pub fn id(self) -> &'static str {
        match self {
            Scheme::Fair => "fair",
            Scheme::Strict => "strict",
            Scheme::Exact => "exact",
            Scheme::Partial => "partial",
            Scheme::Type => "type",
        }
    }

    pub fn from_id(id: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Whether a half match counts half (partial), in precision and recall.
    fn halves(self) -> bool {
        matches!(self, Scheme::Partial | Scheme::Type)
    }
}

/// How the spans fared under one scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub incorrect: usize,
    pub partial: usize,
    pub missed: usize,
    pub spurious: usize,
}

impl Counts {
    /// How many spans the student marked.
    pub fn actual(&self) -> usize {
        self.correct + self.incorrect + self.partial + self.spurious
    }

    /// How many spans the key holds.
    pub fn possible(&self) -> usize {
        self.correct + self.incorrect + self.partial + self.missed
    }

    fn add(&mut self, other: Counts) {
        self.correct += other.correct;
        self.incorrect += other.incorrect;
        self.partial += other.partial;
        self.missed += other.missed;
        self.spurious += other.spurious;
    }

    fn credit(&self, scheme: Scheme) -> f64 {
        let half = if scheme.halves() { 0.5 * self.partial as f64 } else { 0.0 };
        self.correct as f64 + half
    }
}

/// Precision, recall and F1 of `counts` under `scheme`; 0 where nothing was marked or expected.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Figures {
    pub fn of(counts: &Counts, scheme: Scheme) -> Figures {
        let ratio = |whole: usize| if whole > 0 { counts.credit(scheme) / whole as f64 } else { 0.0 };
        let (precision, recall) = (ratio(counts.actual()), ratio(counts.possible()));
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Figures { precision, recall, f1 }
    }
}

/// The counts under each scheme, in the order of `Scheme::ALL`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores([Counts; 5]);

impl Scores {
    pub fn counts(&self, scheme: Scheme) -> Counts {
        self.0[Scheme::ALL.iter().position(|s| *s == scheme).expect("every scheme is in ALL")]
    }

    pub fn figures(&self, scheme: Scheme) -> Figures {
        Figures::of(&self.counts(scheme), scheme)
    }

    fn add(&mut self, other: &Scores) {
        self.0.iter_mut().zip(other.0).for_each(|(ours, theirs)| ours.add(theirs));
    }

    fn of(key: &[Span], marked: &[Span]) -> Scores {
        Scores(Scheme::ALL.map(|scheme| count(key, marked, scheme)))
    }
}

/// A student's work against the key: overall, and per label (each label that either uses).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    pub overall: Scores,
    pub by_label: BTreeMap<String, Scores>,
}

/// Compares, document by document, the `marked` spans with the `key`'s (each list in text
/// order); spans whose label is not in `labels` are left out, as nervaluate's tags do.
pub fn evaluate(documents: &[(Vec<Span>, Vec<Span>)], labels: &[&str]) -> Evaluation {
    let mut evaluation = Evaluation::default();
    let used: Vec<&str> = labels
        .iter()
        .copied()
        .filter(|label| documents.iter().any(|(key, marked)| key.iter().chain(marked).any(|s| s.label == *label)))
        .collect();
    for (key, marked) in documents {
        let (key, marked) = (with_labels(key, labels), with_labels(marked, labels));
        evaluation.overall.add(&Scores::of(&key, &marked));
        for label in &used {
            let scores = Scores::of(&with_labels(&key, &[label]), &with_labels(&marked, &[label]));
            evaluation.by_label.entry((*label).to_owned()).or_default().add(&scores);
        }
    }
    evaluation
}

fn with_labels<'a>(spans: &[Span<'a>], labels: &[&str]) -> Vec<Span<'a>> {
    spans.iter().copied().filter(|s| labels.contains(&s.label)).collect()
}

/// One document's counts under the fair scheme: the most hits one-to-one (same boundaries, same
/// label), then, of the spans and key spans left, the most pairs that overlap (incorrect); the
/// rest are spurious and missed. Hits pair off first because a hit is a span and key span that
/// are the same: which of several equal ones pairs with which changes nothing. The overlaps left
/// are a bipartite graph, matched to its maximum by augmenting paths.
fn count_fair(key: &[Span], marked: &[Span]) -> Counts {
    let mut unpaired: BTreeMap<(usize, usize, &str), usize> = BTreeMap::new();
    for k in key {
        *unpaired.entry((k.start, k.end, k.label)).or_default() += 1;
    }
    let mut counts = Counts::default();
    let mut rest_marked = Vec::new();
    for span in marked {
        match unpaired.get_mut(&(span.start, span.end, span.label)).filter(|left| **left > 0) {
            Some(left) => {
                *left -= 1;
                counts.correct += 1;
            }
            None => rest_marked.push(*span),
        }
    }
    let mut rest_key: Vec<Span> = Vec::new();
    for k in key {
        if let Some(left) = unpaired.get_mut(&(k.start, k.end, k.label)).filter(|left| **left > 0) {
            *left -= 1;
            rest_key.push(*k);
        }
    }
    counts.incorrect = largest_matching(&overlaps_of(&rest_key, &rest_marked), rest_key.len());
    counts.missed = rest_key.len() - counts.incorrect;
    counts.spurious = rest_marked.len() - counts.incorrect;
    counts
}

/// For each marked span, the key spans it overlaps (nervaluate's 1% of the key span), found by
/// their starts: a key span that overlaps `span` starts within its longest length before it.
fn overlaps_of(key: &[Span], marked: &[Span]) -> Vec<Vec<usize>> {
    let mut by_start: Vec<usize> = (0..key.len()).collect();
    by_start.sort_by_key(|&at| key[at].start);
    let longest = key.iter().map(|k| k.end - k.start).max().unwrap_or(0);
    marked
        .iter()
        .map(|span| {
            let from = by_start.partition_point(|&at| key[at].start + longest < span.start);
            let to = by_start.partition_point(|&at| key[at].start < span.end);
            by_start[from..to.max(from)].iter().copied().filter(|&at| span.overlaps_enough(&key[at])).collect()
        })
        .collect()
}

/// The size of a maximum matching of the bipartite graph whose left vertices have the edges
/// `edges` to right vertices `0..right` (Kuhn's augmenting paths, each search without recursion).
fn largest_matching(edges: &[Vec<usize>], right: usize) -> usize {
    let mut owner: Vec<Option<usize>> = vec![None; right];
    let mut seen = vec![usize::MAX; right];
    let mut size = 0;
    for root in 0..edges.len() {
        // Depth-first: each frame is a left vertex and the next of its edges to try.
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        let mut found = false;
        while let Some(&mut (left, ref mut next)) = path.last_mut() {
            let Some(&to) = edges[left].get(*next) else {
                path.pop();
                continue;
            };
            *next += 1;
            if seen[to] == root {
                continue;
            }
            seen[to] = root;
            match owner[to] {
                None => {
                    found = true;
                    break;
                }
                Some(other) => path.push((other, 0)),
            }
        }
        if !found {
            continue;
        }
        // Along the path each left vertex takes the right vertex it reached through: the last,
        // the free one; each before it, the one the next held.
        for (left, next) in path {
            owner[edges[left][next - 1]] = Some(left);
        }
        size += 1;
    }
    size
}

/// One document's counts under `scheme`: the fair scheme's, or nervaluate's: each marked span, in order, takes the first key span
/// not yet taken that it matches (type: the nearest of those with its label), else the first it
/// overlaps (incorrect, or partial under the partial scheme), else it is spurious; key spans never
/// taken are missed.
fn count(key: &[Span], marked: &[Span], scheme: Scheme) -> Counts {
    if scheme == Scheme::Fair {
        return count_fair(key, marked);
    }
    let mut counts = Counts::default();
    let mut taken = vec![false; key.len()];
    for span in marked {
        let open = || key.iter().enumerate().filter(|(at, _)| !taken[*at]);
        let matched = match scheme {
            Scheme::Fair | Scheme::Strict => open().find(|(_, k)| span.same_bounds(k) && span.label == k.label).map(|(at, _)| at),
            Scheme::Exact => open().find(|(_, k)| span.same_bounds(k)).map(|(at, _)| at),
            Scheme::Partial => open().find(|(_, k)| span.overlaps_enough(k) && span.same_bounds(k)).map(|(at, _)| at),
            // The nearest wins; of equally near ones, the first.
            Scheme::Type => open()
                .filter(|(_, k)| span.overlaps_enough(k) && span.label == k.label)
                .fold(None, |best: Option<(usize, usize)>, (at, k)| match best {
                    Some((_, distance)) if distance <= span.distance(k) => best,
                    _ => Some((at, span.distance(k))),
                })
                .map(|(at, _)| at),
        };
        // Strict and exact look for a match and an overlap in one pass: an overlap before the match
        // does not stop the search, and the first overlap is kept for when there is no match.
        let overlapping = || match scheme {
            Scheme::Type => open().find(|(_, k)| span.overlaps_enough(k) && span.label != k.label).map(|(at, _)| at),
            _ => open().find(|(_, k)| span.overlaps_enough(k)).map(|(at, _)| at),
        };
        if let Some(at) = matched {
            taken[at] = true;
            counts.correct += 1;
        } else if let Some(at) = overlapping() {
            taken[at] = true;
            match scheme {
                Scheme::Partial => counts.partial += 1,
                _ => counts.incorrect += 1,
            }
        } else {
            counts.spurious += 1;
        }
    }
    counts.missed = taken.iter().filter(|t| !**t).count();
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: &str, start: usize, end: usize) -> Span<'_> {
        Span { label, start, end }
    }

    /// The worked example of the README: the key has a claim and a denial.
    #[test]
    fn each_scheme_counts_the_readme_example() {
        let key = vec![span("claim", 10, 30), span("denial", 40, 60)];
        let marked = vec![span("claim", 10, 30), span("claim", 40, 60), span("sanction", 70, 80)];
        let scores = Scores::of(&key, &marked);
        let strict = scores.counts(Scheme::Strict);
        assert_eq!((strict.correct, strict.incorrect, strict.spurious, strict.missed), (1, 1, 1, 0));
        assert_eq!(scores.counts(Scheme::Exact).correct, 2);
        assert_eq!(scores.counts(Scheme::Type), Counts { correct: 1, incorrect: 1, partial: 0, missed: 0, spurious: 1 });
        let figures = scores.figures(Scheme::Strict);
        assert!((figures.precision - 1.0 / 3.0).abs() < 1e-12 && (figures.recall - 0.5).abs() < 1e-12);
        assert!((figures.f1 - 0.4).abs() < 1e-12);
    }

    #[test]
    fn an_overlap_counts_half_under_partial_only() {
        let key = vec![span("denial", 0, 40)];
        let marked = vec![span("denial", 5, 40)];
        let scores = Scores::of(&key, &marked);
        assert_eq!(scores.counts(Scheme::Partial).partial, 1);
        assert!((scores.figures(Scheme::Partial).f1 - 0.5).abs() < 1e-12);
        assert_eq!(scores.counts(Scheme::Strict).incorrect, 1);
        assert_eq!(scores.counts(Scheme::Type).correct, 1, "overlap and label are enough for type");
        assert_eq!(scores.figures(Scheme::Strict).f1, 0.0);
    }

    #[test]
    fn a_touch_under_one_percent_of_a_long_key_span_is_no_overlap() {
        let key = vec![span("claim", 0, 300)];
        let scores = Scores::of(&key, &[span("claim", 298, 310)]);
        assert_eq!(scores.counts(Scheme::Type).spurious, 1, "2 of 300 characters is under 1%");
        let scores = Scores::of(&key, &[span("claim", 297, 310)]);
        assert_eq!(scores.counts(Scheme::Type).correct, 1, "3 of 300 is 1%");
    }

    #[test]
    fn under_type_the_nearest_key_span_is_taken_and_the_first_of_equally_near_ones() {
        let key = vec![span("claim", 0, 10), span("claim", 10, 20)];
        let scores = Scores::of(&key, &[span("claim", 5, 15), span("claim", 0, 4)]);
        let counts = scores.counts(Scheme::Type);
        assert_eq!((counts.correct, counts.spurious, counts.missed), (1, 1, 1), "5..15 took 0..10, so 0..4 finds it taken");
        let scores = Scores::of(&key, &[span("claim", 9, 20), span("claim", 0, 4)]);
        assert_eq!(scores.counts(Scheme::Type).correct, 2, "9..20 is nearer 10..20");
    }

    /// A hit and a shorter span of another label at the same start: in text order the shorter one
    /// takes the key span (nervaluate), one-to-one at best the hit keeps it.
    #[test]
    fn under_fair_no_hit_loses_its_key_span_to_a_neighbour() {
        let key = vec![span("claim", 10, 40), span("denial", 50, 60)];
        let marked = vec![span("sanction", 10, 20), span("claim", 10, 40), span("sanction", 70, 80)];
        let scores = Scores::of(&key, &marked);
        let strict = scores.counts(Scheme::Strict);
        assert_eq!((strict.correct, strict.incorrect, strict.spurious, strict.missed), (0, 1, 2, 1), "nervaluate's order");
        let fair = scores.counts(Scheme::Fair);
        assert_eq!(fair, Counts { correct: 1, incorrect: 0, partial: 0, missed: 1, spurious: 2 });
        assert!((scores.figures(Scheme::Fair).f1 - 0.4).abs() < 1e-12);
        assert_eq!(scores.figures(Scheme::Strict).f1, 0.0);
    }

    #[test]
    fn under_fair_overlaps_are_paired_as_many_as_can_be() {
        // In text order 0..12 takes 0..10 and leaves 2..9 nothing; one-to-one at best both pair.
        let key = vec![span("claim", 0, 10), span("claim", 11, 30)];
        let marked = vec![span("denial", 0, 12), span("denial", 2, 9)];
        let fair = Scores::of(&key, &marked).counts(Scheme::Fair);
        assert_eq!((fair.incorrect, fair.missed, fair.spurious), (2, 0, 0));
        // Equal spans pair off whatever their number.
        let fair = Scores::of(&[span("claim", 0, 5), span("claim", 0, 5)], &[span("claim", 0, 5); 3]).counts(Scheme::Fair);
        assert_eq!((fair.correct, fair.spurious, fair.missed), (2, 1, 0));
    }

    /// Property tests run natively (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            /// The fair counts are the best of every one-to-one pairing, tried one by one on small cases.
            #[test]
            fn fair_is_the_best_pairing(key in spans_strategy(), marked in spans_strategy()) {
                let fair = Scores::of(&key, &marked).counts(Scheme::Fair);
                let best = best_pairing(&key, &marked, 0, &mut vec![false; key.len()]);
                prop_assert_eq!((fair.correct, fair.incorrect), best);
                prop_assert_eq!(fair.missed, key.len() - best.0 - best.1);
                prop_assert_eq!(fair.spurious, marked.len() - best.0 - best.1);
            }
        }

        fn spans_strategy() -> impl Strategy<Value = Vec<Span<'static>>> {
            prop::collection::vec((0usize..3, 0usize..30, 1usize..12), 0..6).prop_map(|spans| {
                spans.into_iter().map(|(label, start, width)| span(["claim", "denial", "sanction"][label], start, start + width)).collect()
            })
        }

        /// The most (hits, overlaps) in that order of any pairing of `marked[from..]` with the key
        /// spans not `taken`, by trying each.
        fn best_pairing(key: &[Span], marked: &[Span], from: usize, taken: &mut Vec<bool>) -> (usize, usize) {
            let Some(span) = marked.get(from) else { return (0, 0) };
            let mut best = best_pairing(key, marked, from + 1, taken);
            for at in 0..key.len() {
                let k = &key[at];
                if taken[at] || !span.overlaps_enough(k) {
                    continue;
                }
                taken[at] = true;
                let (hits, overlaps) = best_pairing(key, marked, from + 1, taken);
                taken[at] = false;
                let found = if span.same_bounds(k) && span.label == k.label { (hits + 1, overlaps) } else { (hits, overlaps + 1) };
                best = best.max(found);
            }
            best
        }
    }

    #[test]
    fn nothing_marked_and_nothing_expected_score_zero() {
        assert_eq!(Scores::of(&[], &[]).figures(Scheme::Strict), Figures { precision: 0.0, recall: 0.0, f1: 0.0 });
        let missed = Scores::of(&[span("claim", 0, 4)], &[]);
        assert_eq!(missed.counts(Scheme::Exact).missed, 1);
    }

    #[test]
    fn labels_outside_the_set_are_left_out_and_per_label_compares_that_label_alone() {
        let documents = vec![(vec![span("claim", 0, 10), span("note", 20, 30)], vec![span("denial", 0, 10), span("note", 20, 30)])];
        let evaluation = evaluate(&documents, &["claim", "denial"]);
        assert_eq!(evaluation.overall.counts(Scheme::Exact).correct, 1);
        assert_eq!(evaluation.by_label.keys().collect::<Vec<_>>(), ["claim", "denial"]);
        assert_eq!(evaluation.by_label["claim"].counts(Scheme::Strict).missed, 1);
        assert_eq!(evaluation.by_label["denial"].counts(Scheme::Strict).spurious, 1);
    }
}
