//! CSV (RFC 4180): one row per annotation, standing alone: with its id, its document's title and
//! digest, its times and a little of the text around its quote. The variant for spreadsheets
//! starts with a byte order mark, by which spreadsheet programs know the file is UTF-8, and keeps
//! them from running a cell as a formula. The coverage of a set of articles (who reported what)
//! is written for spreadsheets too.

use super::corpus::Corpus;
use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::reading::coverage::{cell_words, seen_words, Row};

/// The first seven columns are the ones of Glossa's earlier CSV, in the same places; each column
/// added since comes after those before it.
const HEADER: [&str; 18] = [
    "document",
    "label",
    "start",
    "end",
    "quote",
    "note",
    "attributed_to",
    "id",
    "title",
    "text_sha256",
    "created_at",
    "updated_at",
    "before",
    "after",
    "source_kind",
    "on_the_record",
    "in_a_position_to_know",
    "unsure",
];

/// How many code points of the text around a quote its row shows, each side.
const CONTEXT: usize = 40;

const LINKS_HEADER: [&str; 9] =
    ["relation", "from_document", "from_start", "from_end", "from_quote", "to_document", "to_start", "to_end", "to_quote"];

/// The links: one row per link, each end by document, offsets and quote.
pub fn write_links(corpus: &Corpus) -> String {
    let mut out = row(LINKS_HEADER.iter().map(|h| h.to_string()));
    for link in corpus.links() {
        let fields = [
            link.relation.id().to_owned(),
            link.from_document.id.clone(),
            link.from.start.to_string(),
            link.from.end.to_string(),
            link.from.quote.clone(),
            link.to_document.id.clone(),
            link.to.start.to_string(),
            link.to.end.to_string(),
            link.to.quote.clone(),
        ];
        out.push_str(&row(fields.into_iter()));
    }
    out
}

pub fn write(corpus: &Corpus) -> String {
    rows(corpus, |cell| cell)
}

/// The same rows for spreadsheet programs: a byte order mark first, and no cell a spreadsheet
/// would run as a formula ([`not_a_formula`]).
pub fn write_for_spreadsheets(corpus: &Corpus) -> String {
    format!("\u{feff}{}", rows(corpus, not_a_formula))
}

/// `cell` as a spreadsheet takes it for text: begun with an apostrophe when a spreadsheet would
/// run it as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage return), unless it
/// is a plain number (a negative κ stays a number).
pub fn not_a_formula(cell: String) -> String {
    let number = || cell.parse::<f64>().is_ok_and(f64::is_finite);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number() {
        format!("'{cell}")
    } else {
        cell
    }
}

/// One record of a file made for spreadsheets: every cell [`not_a_formula`].
pub fn spreadsheet_row(fields: impl Iterator<Item = String>) -> String {
    row(fields.map(not_a_formula))
}

fn rows(corpus: &Corpus, cell: fn(String) -> String) -> String {
    let mut out = row(HEADER.iter().map(|h| h.to_string()));
    for (document, annotations) in corpus.annotated() {
        for a in annotations {
            let (before, after) = context(document, a);
            let fields = [
                document.id.clone(),
                corpus.label_name(&a.label).to_owned(),
                a.start.to_string(),
                a.end.to_string(),
                a.quote.clone(),
                a.note.clone(),
                a.attributed_to.clone(),
                a.id.clone(),
                document.title.clone(),
                document.sha256.clone(),
                a.created_at.to_string(),
                a.updated_at.to_string(),
                before,
                after,
                a.source_kind.clone(),
                a.on_the_record.to_string(),
                a.in_a_position_to_know.to_string(),
                a.unsure.to_string(),
            ];
            out.push_str(&row(fields.into_iter().map(cell)));
        }
    }
    out
}

/// A little of the text before and after the quote, each run of whitespace (line breaks among
/// them) made one space.
fn context(document: &Document, a: &Annotation) -> (String, String) {
    let (before, after) = document.around(a.start, a.end, CONTEXT);
    (collapse_whitespace(before), collapse_whitespace(after))
}

fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for c in text.chars() {
        match c.is_whitespace() {
            true if collapsed.ends_with(' ') => {}
            true => collapsed.push(' '),
            false => collapsed.push(c),
        }
    }
    collapsed
}

/// The coverage of documents titled `titles` (`reading::coverage`) for spreadsheets: a row per
/// claim, its words then what each document does with it, in words; drawn for a class, with how
/// many of its `students` saw each cell (`seen`, by row and column).
pub fn write_coverage(titles: &[&str], rows: &[Row], class: Option<(&[Vec<usize>], usize)>) -> String {
    let header = std::iter::once("claim".to_owned()).chain(titles.iter().map(|t| (*t).to_owned()));
    let mut out = format!("\u{feff}{}", spreadsheet_row(header));
    for (at, row) in rows.iter().enumerate() {
        let cells = row.cells.iter().enumerate().map(|(column, cell)| match class {
            Some((seen, students)) if !cell.is_empty() => format!("{} ({})", cell_words(cell), seen_words(seen[at][column], students)),
            _ => cell_words(cell),
        });
        out.push_str(&spreadsheet_row(std::iter::once(row.claim.to_owned()).chain(cells)));
    }
    out
}

/// One record: fields holding a comma, a quote or a line break are quoted, quotes doubled.
pub fn row(fields: impl Iterator<Item = String>) -> String {
    let quoted: Vec<String> = fields
        .map(|field| if field.contains([',', '"', '\n', '\r']) { format!("\"{}\"", field.replace('"', "\"\"")) } else { field })
        .collect();
    quoted.join(",") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn coverage_is_a_row_a_claim_and_a_column_an_article_in_words() {
        let claim = Annotation {
            quote: "=Iran sent, missiles".into(),
            attributed_to: "U.S. officials".into(),
            ..crate::core::model::annotation::bare("c", "claim", 0, 20)
        };
        let list = [claim];
        let rows = crate::core::reading::coverage::coverage(&[("a", &list[..]), ("b", &[][..])]);
        let out = write_coverage(&["First", "Second, too"], &rows, None);
        let for_class = write_coverage(&["First", "Second, too"], &rows, Some((&[vec![2, 0]], 3)));
        assert!(for_class.ends_with(",attributes it to U.S. officials (seen by 2 of 3),does not mention it\r\n"), "{for_class}");
        assert_eq!(
            out,
            "\u{feff}claim,First,\"Second, too\"\r\n\"'=Iran sent, missiles\",attributes it to U.S. officials,does not mention it\r\n"
        );
    }

    #[test]
    fn rows_quote_what_needs_quoting() {
        let parts = fixture::corpus_parts();
        let out = write(&fixture::corpus(&parts));
        let mut lines = out.split("\r\n");
        assert_eq!(
            lines.next(),
            Some(
                "document,label,start,end,quote,note,attributed_to,id,title,text_sha256,created_at,updated_at,before,after,\
                 source_kind,on_the_record,in_a_position_to_know,unsure"
            )
        );
        assert!(
            out.contains(
                "2941,2992,Iran has NOT delivered ballistic missiles to Russia,\"says “NOT”, in capitals,\nloudly\",Iran’s mission,a1,"
            ),
            "{out}"
        );
        assert_eq!(row(["a\"b".to_owned(), "c".to_owned()].into_iter()), "\"a\"\"b\",c\r\n");
    }

    #[test]
    fn a_row_stands_alone_with_its_id_title_digest_times_and_context() {
        let parts = fixture::corpus_parts();
        let out = write(&fixture::corpus(&parts));
        let document = &parts.0[4];
        let row = out.split("\r\n").find(|line| line.contains(",a1,")).unwrap();
        let after_id = row.split(",a1,").nth(1).unwrap();
        let a = parts.2.annotations(&document.id).iter().find(|a| a.id == "a1").unwrap();
        let expected_start = format!("{},{},{},{},", document.title, document.sha256, a.created_at, a.updated_at);
        assert!(after_id.starts_with(&expected_start), "{after_id}");
        let before = crate::core::text::offsets::slice(&document.text, a.start - CONTEXT, a.start).unwrap();
        assert!(after_id.contains(&before.split_whitespace().collect::<Vec<_>>().join(" ")), "{after_id}");
        assert!(!after_id.contains("  "));
    }

    #[test]
    fn the_spreadsheet_variant_has_a_byte_order_mark_and_no_formulas() {
        let (documents, labels, mut workspace) = fixture::corpus_parts();
        let article = &documents[4];
        let mut a = article.annotate(10, 20, "claim", "f1".into(), "2026-11-22T10:00:00.000Z").unwrap();
        a.note = "=HYPERLINK(\"http://example.com\")".into();
        a.attributed_to = "-1 source".into();
        workspace.put(&article.id, a);
        let parts = (documents, labels, workspace);
        let out = write_for_spreadsheets(&fixture::corpus(&parts));
        assert!(out.starts_with("\u{feff}document,label,"));
        assert!(out.contains(",\"'=HYPERLINK(\"\"http://example.com\"\")\",'-1 source,f1,"), "{out}");
        assert_eq!(out.trim_start_matches('\u{feff}').replace('\'', ""), write(&fixture::corpus(&parts)).replace('\'', ""));
    }

    #[test]
    fn no_cell_made_for_spreadsheets_is_a_formula_and_numbers_stay_numbers() {
        for (cell, taken) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1 555", "'+1 555"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("-cmd", "'-cmd"),
            ("\tx", "'\tx"),
            ("-0.250000", "-0.250000"),
            ("+3", "+3"),
            ("-inf", "'-inf"),
            ("Ada", "Ada"),
        ] {
            assert_eq!(not_a_formula(cell.to_owned()), taken);
        }
    }

    #[test]
    fn links_are_rows_with_both_ends() {
        let parts = fixture::corpus_parts();
        let out = write_links(&fixture::corpus(&parts));
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], LINKS_HEADER.join(","));
        assert_eq!(lines.len(), 3, "{out}");
        assert!(out.contains("answers,004_de3ecafd94c781bd,460,546,\"New sanctions announced on Moscow and Tehran by Western allies\n  • U.S. officials warn\",000_cfc69700117ac758,0,3,The\r\n"), "{out}");
        assert!(out.contains("denies,004_de3ecafd94c781bd,2941,2992,Iran has NOT delivered ballistic missiles to Russia,004_de3ecafd94c781bd,464,473,sanctions\r\n"));
    }
}
