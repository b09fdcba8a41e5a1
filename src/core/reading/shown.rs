//! Which annotations the reader sees: those of every label but the ones hidden, in text order,
//! and the way from one of them to the next. The article, the list and the keyboard all ask here
//! (through one query of the state, `Classroom::with_shown`), so they can never disagree about
//! what is shown.

use crate::core::model::annotation::Annotation;

/// The labels whose annotations are hidden from the article and the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelFilter {
    hidden: Vec<String>,
}

impl LabelFilter {
    pub fn shows(&self, label: &str) -> bool {
        !self.hidden.iter().any(|hidden| hidden == label)
    }

    /// Shows or hides the annotations of `label`.
    pub fn set_shown(&mut self, label: &str, shown: bool) {
        self.hidden.retain(|hidden| hidden != label);
        if !shown {
            self.hidden.push(label.to_owned());
        }
    }

    /// The annotations of `annotations` (in text order) that are shown, in the same order.
    pub fn shown<'a>(&'a self, annotations: &'a [Annotation]) -> impl Iterator<Item = &'a Annotation> + 'a {
        annotations.iter().filter(|a| self.shows(&a.label))
    }
}

/// What a document shows: the annotations of one list (the work of the reader's layer, a
/// hand-in under review, the key in a class discussion) whose labels are shown, in text order;
/// and, with feedback, the key's passages that list missed, of the labels shown, apart: they are
/// drawn, but they are no annotation of the list (the list and the keyboard leave them out).
#[derive(Debug, PartialEq)]
pub struct Shown<'a> {
    pub annotations: Vec<&'a Annotation>,
    pub missed: Vec<&'a Annotation>,
}

impl<'a> Shown<'a> {
    pub fn new(filter: &LabelFilter, annotations: &'a [Annotation], missed: &'a [Annotation]) -> Shown<'a> {
        let shown = |list: &'a [Annotation]| list.iter().filter(|a| filter.shows(&a.label)).collect();
        Shown { annotations: shown(annotations), missed: shown(missed) }
    }

    /// Everything the article draws: the annotations, then the missed passages.
    pub fn drawn(&self) -> Vec<&'a Annotation> {
        self.annotations.iter().chain(&self.missed).copied().collect()
    }

    /// The annotation one step forward (or back) from `selected`, with its place and how many
    /// there are: what `[`, `]` and Tab reach.
    pub fn step(&self, selected: Option<&str>, forward: bool) -> Option<(usize, usize, &'a Annotation)> {
        step(&self.annotations, selected, forward).map(|(at, annotation)| (at, self.annotations.len(), annotation))
    }
}

/// The annotation one step forward (or back) from `selected` among `shown`, with its place in
/// `shown`. With nothing selected (or a selected annotation that is not shown) the first step
/// lands on the first (or last); past either end there is none.
pub fn step<'a>(shown: &[&'a Annotation], selected: Option<&str>, forward: bool) -> Option<(usize, &'a Annotation)> {
    let current = selected.and_then(|id| shown.iter().position(|a| a.id == id));
    let next = match (current, forward) {
        (None, true) => Some(0),
        (None, false) => shown.len().checked_sub(1),
        (Some(at), true) => Some(at + 1),
        (Some(at), false) => at.checked_sub(1),
    }?;
    shown.get(next).map(|a| (next, *a))
}

/// Which of `ids` (the annotations covering one stretch of text, as a click reaches them) a click
/// selects, given the one `selected`: the one before it in the list, cycling, so that clicking again
/// reaches each in turn; the last when none of them is selected.
pub fn clicked<'a>(ids: &'a [String], selected: Option<&str>) -> Option<&'a str> {
    let at = selected.and_then(|s| ids.iter().position(|id| id == s));
    let next = at.map_or(ids.len().checked_sub(1)?, |at| (at + ids.len() - 1) % ids.len());
    ids.get(next).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::annotation::bare;

    fn annotations() -> Vec<Annotation> {
        vec![bare("a", "claim", 0, 4), bare("b", "denial", 2, 6), bare("c", "claim", 8, 9), bare("d", "sanction", 9, 12)]
    }

    fn ids<'a>(shown: impl Iterator<Item = &'a Annotation>) -> Vec<&'a str> {
        shown.map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn hidden_labels_hide_their_annotations_and_nothing_else() {
        let all = annotations();
        let mut filter = LabelFilter::default();
        assert_eq!(ids(filter.shown(&all)), ["a", "b", "c", "d"]);
        filter.set_shown("claim", false);
        filter.set_shown("claim", false);
        assert_eq!(ids(filter.shown(&all)), ["b", "d"]);
        assert!(!filter.shows("claim") && filter.shows("denial"));
        filter.set_shown("sanction", false);
        filter.set_shown("claim", true);
        assert_eq!(ids(filter.shown(&all)), ["a", "b", "c"]);
    }

    #[test]
    fn steps_walk_the_shown_annotations_and_stop_at_the_ends() {
        let all = annotations();
        let mut filter = LabelFilter::default();
        filter.set_shown("denial", false);
        let shown: Vec<&Annotation> = filter.shown(&all).collect();
        let id = |found: Option<(usize, &Annotation)>| found.map(|(at, a)| (at, a.id.clone()));
        assert_eq!(id(step(&shown, None, true)), Some((0, "a".into())));
        assert_eq!(id(step(&shown, None, false)), Some((2, "d".into())));
        assert_eq!(id(step(&shown, Some("a"), true)), Some((1, "c".into())));
        assert_eq!(id(step(&shown, Some("c"), false)), Some((0, "a".into())));
        assert_eq!(id(step(&shown, Some("d"), true)), None, "past the last");
        assert_eq!(id(step(&shown, Some("a"), false)), None, "before the first");
        assert_eq!(id(step(&shown, Some("b"), true)), Some((0, "a".into())), "a hidden selection starts over");
        assert_eq!(id(step(&[], None, true)), None);
    }

    #[test]
    fn the_missed_passages_are_drawn_but_never_stepped_to() {
        let all = annotations();
        let missed = [bare("k1", "denial", 20, 24), bare("k2", "claim", 30, 34)];
        let mut filter = LabelFilter::default();
        filter.set_shown("claim", false);
        let shown = Shown::new(&filter, &all, &missed);
        assert_eq!(ids(shown.annotations.iter().copied()), ["b", "d"]);
        assert_eq!(ids(shown.missed.iter().copied()), ["k1"], "missed passages obey the filter too");
        assert_eq!(ids(shown.drawn().into_iter()), ["b", "d", "k1"]);
        let step = |selected, forward| shown.step(selected, forward).map(|(at, of, a)| (at, of, a.id.clone()));
        assert_eq!(step(None, true), Some((0, 2, "b".into())));
        assert_eq!(step(Some("d"), true), None, "the missed passage is no step");
        assert_eq!(step(Some("k1"), false), Some((1, 2, "d".into())), "from a missed passage, back into the list");
    }

    #[test]
    fn clicks_on_one_stretch_reach_each_of_its_annotations_in_turn() {
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(clicked(&ids, None), Some("c"));
        assert_eq!(clicked(&ids, Some("c")), Some("b"));
        assert_eq!(clicked(&ids, Some("b")), Some("a"));
        assert_eq!(clicked(&ids, Some("a")), Some("c"), "and round again");
        assert_eq!(clicked(&ids, Some("elsewhere")), Some("c"));
        assert_eq!(clicked(&[], None), None);
    }
}
