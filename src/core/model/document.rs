//! The documents a person reads and annotates, and the bundled corpus.

use std::sync::Arc;

use crate::core::model::annotation::Annotation;
use crate::core::model::id;
use crate::core::text::offsets::{self, CodePointIndex};

/// A line of a document's text, which the reader shows as a paragraph; its text is the
/// document's (`Document::paragraph_text`), not a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Code point offset of the line's first character in the document.
    pub start: usize,
    /// Code point offset just past the line's last character (before its `\n`).
    pub end: usize,
    /// The line's bytes in the document's text.
    pub bytes: std::ops::Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the source file's stem for bundled articles.
    pub id: String,
    pub title: String,
    /// The file a bundled article came from; `None` for a document a person added.
    pub source: Option<String>,
    /// Lowercase hex SHA-256 of the UTF-8 text.
    pub sha256: String,
    pub text: String,
    /// Length of `text` in code points.
    pub length: usize,
    /// The non-empty lines of the text; blank lines separate but are not shown.
    pub paragraphs: Vec<Paragraph>,
    /// Converts offsets into `text` to bytes and back without counting from its start.
    pub index: CodePointIndex,
}

impl Document {
    /// A new annotation of this document's `[start, end)` with the whitespace at its edges trimmed off.
    /// `None` when that leaves nothing, or the range is not inside the document.
    pub fn annotate(&self, start: usize, end: usize, label: &str, id: String, now: &str) -> Option<Annotation> {
        let (leading, trimmed_end) = offsets::trim_range(self.quote(start, end)?, 0, end.checked_sub(start)?)?;
        let (start, end) = (start + leading, start + trimmed_end);
        Some(Annotation {
            id,
            label: label.to_owned(),
            start,
            end,
            quote: self.quote(start, end)?.to_owned(),
            created_at: now.into(),
            updated_at: now.into(),
            ..Annotation::default()
        })
    }

    /// A document of `text`, taken over when it is a `String` (a long text is not copied).
    pub fn new(id: &str, title: &str, source: Option<&str>, sha256: &str, text: impl Into<String>) -> Document {
        let text = text.into();
        let index = CodePointIndex::new(&text);
        Document {
            id: id.to_owned(),
            title: title.to_owned(),
            source: source.map(str::to_owned),
            sha256: sha256.to_owned(),
            length: index.len(),
            paragraphs: split_paragraphs(&text),
            text,
            index,
        }
    }

    /// The text of `[start, end)`, or `None` when that range is not inside the document.
    pub fn quote(&self, start: usize, end: usize) -> Option<&str> {
        if start > end || end > self.length {
            return None;
        }
        let from = self.index.byte(&self.text, start)?;
        offsets::slice(&self.text[from..], 0, end - start)
    }

    /// Up to `width` code points of the text either side of `[start, end)`: what a quote is
    /// found by (W3C's prefix and suffix) or read with (the CSV's context).
    pub fn around(&self, start: usize, end: usize, width: usize) -> (&str, &str) {
        let before = self.quote(start.saturating_sub(width), start).unwrap_or_default();
        let after = self.quote(end, end.saturating_add(width).min(self.length)).unwrap_or_default();
        (before, after)
    }

    /// The text of one of its `paragraphs`.
    pub fn paragraph_text(&self, paragraph: &Paragraph) -> &str {
        &self.text[paragraph.bytes.clone()]
    }

    /// How many of the document's paragraphs at least one of `annotations` touches: the reader's
    /// progress through it.
    pub fn annotated_paragraph_count(&self, annotations: &[Annotation]) -> usize {
        let paragraphs = &self.paragraphs;
        let mut touched = vec![false; paragraphs.len()];
        for annotation in annotations {
            let first = paragraphs.partition_point(|p| p.end <= annotation.start);
            for (mark, paragraph) in touched[first..].iter_mut().zip(&paragraphs[first..]) {
                if paragraph.start >= annotation.end {
                    break;
                }
                *mark = true;
            }
        }
        touched.into_iter().filter(|&t| t).count()
    }

    /// The same document under another title.
    pub fn retitled(&self, title: &str) -> Document {
        Document { title: title.to_owned(), ..self.clone() }
    }
}

fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let (mut start, mut byte) = (0, 0);
    for line in text.split('\n') {
        let length = offsets::code_point_len(line);
        if !line.trim().is_empty() {
            paragraphs.push(Paragraph { start, end: start + length, bytes: byte..byte + line.len() });
        }
        start += length + 1;
        byte += line.len() + 1;
    }
    paragraphs
}

/// The articles that come with Glossa: file stem, title as it appears in the text, and the
/// SHA-256 of the text.
pub const BUNDLED: [(&str, &str, &str); 5] = [
    (
        "000_cfc69700117ac758",
        "Iran’s Ballistic Missile Transfers to Russia Draw G7 Condemnation",
        "127098473552b833b467970ff3094791626bdc7b7e3fa17545b57a99e12edb1f",
    ),
    (
        "001_0498907b85d31520",
        "Iran’s Response to Allegations of Missile Transfers",
        "edb0af163bac15f07b15cf023189b6fe01267b353fd11319fc3755dd039c47d6",
    ),
    (
        "002_e1ccba8a638ce329",
        "The Strengthening of the Russia-Iran Axis: Iran Sends Ballistic Missiles to Russia",
        "97376cfa40896497b2d9ba488fc9410558ff973bdddbf52af53965ad0b369cae",
    ),
    (
        "003_1b9cfbb7f56d177f",
        "US Furious About Iran’s Missile Transfers to Russia",
        "77c42991865d2970e357b8c2faed203103032de0ba9255fc8efa6e1be5b374a6",
    ),
    (
        "004_de3ecafd94c781bd",
        "Iran Addresses Controversial Allegations of Missile Transfers to Russia",
        "6b0af9d08f5f5dd8582812fdfdfee2c1daed213431d0246c045152e8211ad6a6",
    ),
];

/// The texts of the bundled articles, in `BUNDLED`'s order, compiled in. The app in the browser
/// takes them from its page instead (`bundled_from`), so that every student downloads them once,
/// with the page that draws them, and not again inside the wasm.
const BUNDLED_TEXTS: [&str; 5] = [
    include_str!("../../../assets/articles/000_cfc69700117ac758.txt"),
    include_str!("../../../assets/articles/001_0498907b85d31520.txt"),
    include_str!("../../../assets/articles/002_e1ccba8a638ce329.txt"),
    include_str!("../../../assets/articles/003_1b9cfbb7f56d177f.txt"),
    include_str!("../../../assets/articles/004_de3ecafd94c781bd.txt"),
];

/// The five articles compiled into the app, in file order.
pub fn bundled() -> Vec<Arc<Document>> {
    let (documents, refused) = bundled_from(|id| BUNDLED.iter().position(|(stem, ..)| *stem == id).map(|at| BUNDLED_TEXTS[at].to_owned()));
    debug_assert!(refused.is_empty(), "the compiled texts are the bundled ones");
    documents
}

/// The bundled articles whose text `text_of` gives, in file order, each only if its text has the
/// article's digest; and the ids of the ones missing or refused.
pub fn bundled_from(mut text_of: impl FnMut(&str) -> Option<String>) -> (Vec<Arc<Document>>, Vec<&'static str>) {
    let mut documents = Vec::new();
    let mut refused = Vec::new();
    for (id, title, sha256) in BUNDLED {
        match text_of(id).filter(|text| id::sha256_hex(text) == sha256) {
            Some(text) => documents.push(Arc::new(Document::new(id, title, Some(&format!("{id}.txt")), sha256, text))),
            None => refused.push(id),
        }
    }
    (documents, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_articles_are_taken_only_with_their_own_text() {
        let (documents, refused) = bundled_from(|id| match id {
            "000_cfc69700117ac758" => Some(BUNDLED_TEXTS[0].to_owned()),
            "001_0498907b85d31520" => Some(format!("{} ", BUNDLED_TEXTS[1])),
            "002_e1ccba8a638ce329" => Some(BUNDLED_TEXTS[3].to_owned()),
            _ => None,
        });
        assert_eq!(documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["000_cfc69700117ac758"]);
        assert_eq!(refused, ["001_0498907b85d31520", "002_e1ccba8a638ce329", "003_1b9cfbb7f56d177f", "004_de3ecafd94c781bd"]);
        assert_eq!(bundled().len(), 5, "the compiled texts are whole");
    }

    #[test]
    fn creation_trims_and_quotes_by_code_points() {
        let document = Document::new("d", "t", None, "", "🚀 Iran’s “denial” \n");
        let annotation = document.annotate(1, 19, "denial", "a1".into(), "2026-11-22T10:00:00.000Z").unwrap();
        assert_eq!((annotation.start, annotation.end), (2, 17));
        assert_eq!(annotation.quote, "Iran’s “denial”");
        assert_eq!(annotation.created_at, annotation.updated_at);
        assert!(annotation.contains(2) && annotation.contains(16) && !annotation.contains(17));
        assert!(document.annotate(17, 19, "claim", "a2".into(), "now").is_none());
        assert!(document.annotate(0, 20, "claim", "a3".into(), "now").is_none());
    }
    use crate::core::model::annotation::bare;
    use crate::core::model::own_document::sha256_hex;

    #[test]
    fn bundled_digests_match_the_texts() {
        for document in bundled() {
            assert_eq!(sha256_hex(&document.text), document.sha256, "{}", document.id);
        }
    }

    #[test]
    fn bundled_files_are_byte_copies_of_the_shared_seeds() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
        let Ok(entries) = std::fs::read_dir(seeds) else {
            eprintln!("no {seeds}: skipping the comparison with the seeds");
            return;
        };
        let mut compared = 0;
        for entry in entries {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let document = bundled().into_iter().find(|d| d.id == stem).expect("seed is bundled");
            assert_eq!(std::fs::read(&path).unwrap(), document.text.as_bytes(), "{stem}");
            compared += 1;
        }
        assert_eq!(compared, bundled().len());
    }

    #[test]
    fn titles_are_whole_lines_of_their_texts() {
        for document in bundled() {
            assert!(document.text.lines().any(|line| line == document.title), "{}", document.id);
        }
    }

    #[test]
    fn quotes_are_found_far_into_long_texts() {
        let text = "é🚀x".repeat(100);
        let document = Document::new("d", "t", None, "", &text);
        for (start, end) in [(0, 0), (0, 300), (63, 65), (64, 128), (199, 250), (300, 300)] {
            assert_eq!(document.quote(start, end), offsets::slice(&text, start, end), "{start}..{end}");
        }
        assert_eq!(document.quote(299, 301), None);
        assert_eq!(document.quote(5, 4), None);
    }

    #[test]
    fn lengths_count_code_points() {
        let lengths: Vec<usize> = bundled().iter().map(|d| d.length).collect();
        assert_eq!(lengths, [14977, 13638, 6413, 3743, 4087]);
    }

    #[test]
    fn paragraphs_are_non_empty_lines_with_their_offsets() {
        let document = Document::new("d", "t", None, "", "One’s\n\n  \nTwo 🚀\nthree");
        let found: Vec<(usize, usize, &str)> = document.paragraphs.iter().map(|p| (p.start, p.end, document.paragraph_text(p))).collect();
        assert_eq!(found, [(0, 5, "One’s"), (10, 15, "Two 🚀"), (16, 21, "three")]);
        for paragraph in &document.paragraphs {
            assert_eq!(document.quote(paragraph.start, paragraph.end), Some(document.paragraph_text(paragraph)));
        }
    }

    #[test]
    fn counts_paragraphs_touched_by_annotations() {
        let document = Document::new("d", "t", None, "", "one\n\ntwo\nthree");
        assert_eq!(document.paragraphs.len(), 3);
        assert_eq!(document.annotated_paragraph_count(&[]), 0);
        assert_eq!(document.annotated_paragraph_count(&[bare("a", "claim", 1, 2)]), 1);
        assert_eq!(document.annotated_paragraph_count(&[bare("a", "claim", 2, 7), bare("b", "claim", 10, 12)]), 3);
        assert_eq!(document.annotated_paragraph_count(&[bare("a", "claim", 3, 5)]), 0, "only the newlines between");
    }
}
