//! Suggestions: spans a file or a word list offers that are not annotations yet. Each waits for
//! a person's decision: accepted, it becomes an annotation (a change of the work, undone like any
//! other); rejected, it goes. Nothing becomes work without a decision. They are kept apart from
//! the work, under a storage key of their own.

use serde::{Deserialize, Serialize};

use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::text::json;
use crate::core::text::search::{find, Query};

/// The storage key suggestions are kept under.
pub const KEY: &str = "glossa.v1.suggestions";

/// The version of what is kept; a newer one is not read (nor written over).
pub const VERSION: u32 = 1;

/// What a word list's suggestions say they came from.
pub const WORD_LIST: &str = "a word list";

/// A span offered with a label, waiting for a decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: String,
    pub document: String,
    /// Code points, half-open, as everywhere.
    pub start: usize,
    pub end: usize,
    /// The label's id.
    pub label: String,
    pub quote: String,
    /// Where it came from: a file's name, or [`WORD_LIST`].
    pub from: String,
}

impl Suggestion {
    /// The annotation accepting it makes, with id `id`, at `now`.
    pub fn accepted(&self, id: String, now: &str) -> Annotation {
        Annotation {
            id,
            label: self.label.clone(),
            start: self.start,
            end: self.end,
            quote: self.quote.clone(),
            created_at: now.into(),
            updated_at: now.into(),
            ..Annotation::default()
        }
    }
}

/// Every suggestion waiting, in text order within each document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestions {
    pub version: u32,
    pub list: Vec<Suggestion>,
}

/// What offering suggestions did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Offered {
    pub added: usize,
    /// Passed over: an annotation of that label has that span already.
    pub annotated: usize,
    /// Passed over: suggested already.
    pub suggested: usize,
}

impl Suggestions {
    /// Adds `new`, but for those an annotation of the same label and span already is (`annotated`
    /// gives a document's annotations) and those suggested already.
    pub fn offer<'a>(&mut self, new: Vec<Suggestion>, annotated: impl Fn(&str) -> &'a [Annotation]) -> Offered {
        let mut offered = Offered::default();
        for suggestion in new {
            let same =
                |label: &str, start: usize, end: usize| label == suggestion.label && start == suggestion.start && end == suggestion.end;
            if annotated(&suggestion.document).iter().any(|a| same(&a.label, a.start, a.end)) {
                offered.annotated += 1;
            } else if self.list.iter().any(|s| s.document == suggestion.document && same(&s.label, s.start, s.end)) {
                offered.suggested += 1;
            } else {
                offered.added += 1;
                self.list.push(suggestion);
            }
        }
        self.list.sort_by(|a, b| (&a.document, a.start, a.end, &a.label).cmp(&(&b.document, b.start, b.end, &b.label)));
        offered
    }

    /// Takes suggestion `id` out, for a decision.
    pub fn take(&mut self, id: &str) -> Option<Suggestion> {
        let at = self.list.iter().position(|s| s.id == id)?;
        Some(self.list.remove(at))
    }

    /// Takes out every suggestion of `label` in `document`.
    pub fn take_label(&mut self, document: &str, label: &str) -> Vec<Suggestion> {
        let (taken, kept) = std::mem::take(&mut self.list).into_iter().partition(|s| s.document == document && s.label == label);
        self.list = kept;
        taken
    }

    /// The suggestions of `document`, in text order.
    pub fn in_document<'a>(&'a self, document: &'a str) -> impl Iterator<Item = &'a Suggestion> {
        self.list.iter().filter(move |s| s.document == document)
    }

    /// As kept in storage.
    pub fn to_json(&self) -> String {
        json::write(&Suggestions { version: VERSION, list: self.list.clone() }).expect("plain data serializes")
    }

    /// What storage keeps, or why it cannot be read (a newer version is named).
    pub fn from_json(raw: &str) -> Result<Suggestions, String> {
        let read: Suggestions = json::read(raw).map_err(|e| format!("the suggestions kept here are not readable ({e})"))?;
        match read.version {
            VERSION => Ok(read),
            newer => Err(format!("the suggestions kept here were saved by a newer Glossa (version {newer})")),
        }
    }
}

/// A suggestion of `label` at every place where an entry of `words` stands as whole words, in any
/// case, in each of `documents`; `id` names each.
pub fn from_words<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
    words: &[String],
    label: &str,
    mut id: impl FnMut() -> String,
) -> Vec<Suggestion> {
    let mut made = Vec::new();
    for document in documents {
        for word in words {
            let query = Query { text: word.clone(), ignore_case: true, ignore_accents: false, whole_words: true };
            for (start, end) in find(&document.text, &query) {
                let quote = document.quote(start, end).unwrap_or_default().to_owned();
                made.push(Suggestion {
                    id: id(),
                    document: document.id.clone(),
                    start,
                    end,
                    label: label.to_owned(),
                    quote,
                    from: WORD_LIST.to_owned(),
                });
            }
        }
    }
    made
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("s{n}")
        }
    }

    #[test]
    fn a_word_list_suggests_every_whole_word_in_any_case() {
        let a = Document::new("a", "A", None, "", "Sanctions: the sanction, sanctioned. 🚀 SANCTION");
        let b = Document::new("b", "B", None, "", "nothing");
        let made = from_words([&a, &b], &["sanction".to_owned()], "sanction", numbered());
        let spans: Vec<(usize, usize, &str)> = made.iter().map(|s| (s.start, s.end, s.quote.as_str())).collect();
        assert_eq!(spans, [(15, 23, "sanction"), (39, 47, "SANCTION")], "code points, past the emoji; not inside longer words");
        assert!(made.iter().all(|s| s.document == "a" && s.from == WORD_LIST && s.label == "sanction"));
        assert_ne!(made[0].id, made[1].id);
    }

    #[test]
    fn what_is_annotated_or_suggested_already_is_passed_over_and_decisions_take_them_out() {
        let a = Document::new("a", "A", None, "", "Iran denies; Iran says");
        let made = |label: &str| from_words([&a], &["iran".to_owned()], label, numbered());
        let have = vec![Annotation { label: "claim".into(), start: 0, end: 4, ..Annotation::default() }];
        let mut waiting = Suggestions::default();
        let offered = waiting.offer(made("claim"), |_| &have);
        assert_eq!(offered, Offered { added: 1, annotated: 1, suggested: 0 });
        let again = waiting.offer(made("claim"), |_| &have);
        assert_eq!(again, Offered { added: 0, annotated: 1, suggested: 1 });
        waiting.offer(made("denial").into_iter().map(|s| Suggestion { id: format!("d{}", s.start), ..s }).collect(), |_| &[]);
        assert_eq!(waiting.in_document("a").count(), 3);
        let taken = waiting.take("d0").unwrap();
        assert_eq!(taken.accepted("x".into(), "2026-12-04T10:00:00Z").quote, "Iran");
        assert_eq!(waiting.take_label("a", "claim").len(), 1);
        assert_eq!(waiting.list.len(), 1);
        assert!(waiting.take("d0").is_none());
    }

    #[test]
    fn kept_as_json_and_a_newer_version_is_refused() {
        let a = Document::new("a", "A", None, "", "Iran");
        let mut waiting = Suggestions::default();
        waiting.offer(from_words([&a], &["iran".to_owned()], "claim", numbered()), |_| &[]);
        let raw = waiting.to_json();
        assert_eq!(Suggestions::from_json(&raw).unwrap().list, waiting.list);
        let newer = raw.replace("\"version\":1", "\"version\":2");
        assert!(Suggestions::from_json(&newer).unwrap_err().contains("newer Glossa (version 2)"));
        assert!(Suggestions::from_json("{").is_err());
    }
}
