//! An article printed as a handout: which of its annotations become footnotes (those with a note
//! or an attribution, which the printed page cannot show as the screen does), in reading order.

use crate::core::model::annotation::Annotation;

/// The annotations of `shown` (in text order, as the work keeps them) that carry a note or an
/// attribution, in that order: the order a reader meets them. Footnote `n` is the `n - 1`th.
pub fn footnotes<'a>(shown: impl IntoIterator<Item = &'a Annotation>) -> Vec<&'a Annotation> {
    shown.into_iter().filter(|a| !a.note.trim().is_empty() || !a.attributed_to.trim().is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotation(id: &str, start: usize, end: usize, note: &str, attributed_to: &str) -> Annotation {
        let text: String = "x".repeat(60);
        let document = crate::core::model::document::Document::new("d", "d", None, "", &text);
        let mut a = document.annotate(start, end, "claim", id.into(), "2026-11-30T00:00:00.000Z").unwrap();
        a.note = note.into();
        a.attributed_to = attributed_to.into();
        a
    }

    #[test]
    fn notes_and_attributions_in_reading_order() {
        let list = [
            annotation("plain", 0, 5, "", ""),
            annotation("blank", 1, 2, "  \n", " "),
            annotation("inner", 10, 12, "", "Iran’s mission"),
            annotation("outer", 10, 30, "the whole sentence", ""),
            annotation("late", 40, 50, "a note", ""),
        ];
        let ids: Vec<&str> = footnotes(&list).into_iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["inner", "outer", "late"]);
    }
}
