//! Links scored against a key's: a link counts when the key has a link of the same relation whose
//! two ends match its two ends (the same document, the same label, overlapping passages). Each
//! link of either side counts once, and as many count as can (the largest pairing, so the order
//! links were made in never matters). Checked against the plain matching of
//! `tests/fixtures/links/generate.py`.

use super::matching::{Counts, Figures, Scheme};

/// One end of a link: the passage and label of the annotation there, in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End<'a> {
    pub document: &'a str,
    pub label: &'a str,
    pub start: usize,
    pub end: usize,
}

impl End<'_> {
    fn matches(&self, other: &End) -> bool {
        self.document == other.document && self.label == other.label && self.start < other.end && other.start < self.end
    }
}

/// A link from the annotation at `from` to the one at `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link<'a> {
    pub from: End<'a>,
    pub to: End<'a>,
    pub relation: &'a str,
}

/// How a student's links fared against the key's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkCounts {
    pub marked: usize,
    pub in_key: usize,
    pub correct: usize,
}

impl LinkCounts {
    /// Precision, recall and F1, as the spans' are (0 where nothing was linked or expected).
    pub fn figures(&self) -> Figures {
        let counts =
            Counts { correct: self.correct, spurious: self.marked - self.correct, missed: self.in_key - self.correct, ..Counts::default() };
        Figures::of(&counts, Scheme::Exact)
    }
}

/// The student's `marked` links against the `key`'s.
pub fn count(key: &[Link], marked: &[Link]) -> LinkCounts {
    let fits: Vec<Vec<usize>> = marked
        .iter()
        .map(|m| {
            let fitting =
                key.iter().enumerate().filter(|(_, k)| k.relation == m.relation && m.from.matches(&k.from) && m.to.matches(&k.to));
            fitting.map(|(at, _)| at).collect()
        })
        .collect();
    LinkCounts { marked: marked.len(), in_key: key.len(), correct: largest_pairing(&fits, key.len()) }
}

/// The size of the largest pairing of the left side (`fits[i]`: the right ones `i` may pair with)
/// with the `right` side, each paired once (augmenting paths, Kuhn's algorithm).
fn largest_pairing(fits: &[Vec<usize>], right: usize) -> usize {
    let mut owner: Vec<Option<usize>> = vec![None; right];
    (0..fits.len()).filter(|&left| augment(left, fits, &mut owner, &mut vec![false; right])).count()
}

fn augment(left: usize, fits: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &right in &fits[left] {
        if std::mem::replace(&mut seen[right], true) {
            continue;
        }
        if owner[right].is_none_or(|other| augment(other, fits, owner, seen)) {
            owner[right] = Some(left);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(label: &str, start: usize) -> End<'_> {
        End { document: "a", label, start, end: start + 5 }
    }

    #[test]
    fn a_link_counts_when_both_ends_and_its_relation_match_and_each_counts_once() {
        let key = [
            Link { from: end("denial", 0), to: end("claim", 20), relation: "denies" },
            Link { from: end("denial", 40), to: end("claim", 20), relation: "denies" },
        ];
        let marked = [
            // Either of the key's links fits the first; the largest pairing gives it the one the second cannot take.
            Link { from: End { end: 45, ..end("denial", 0) }, to: end("claim", 22), relation: "denies" },
            Link { from: end("denial", 0), to: end("claim", 21), relation: "denies" },
            Link { from: end("denial", 40), to: end("claim", 20), relation: "answers" },
            Link { from: end("denial", 40), to: End { document: "b", ..end("claim", 20) }, relation: "denies" },
        ];
        let counts = count(&key, &marked);
        assert_eq!(counts, LinkCounts { marked: 4, in_key: 2, correct: 2 });
        let figures = counts.figures();
        assert_eq!((figures.precision, figures.recall), (0.5, 1.0));
        assert_eq!(count(&[], &[]).figures().f1, 0.0);
        assert_eq!(count(&key, &[]), LinkCounts { marked: 0, in_key: 2, correct: 0 });
    }
}
