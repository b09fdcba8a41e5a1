//! CSV (RFC 4180): one row per annotation.

use super::Corpus;

const HEADER: [&str; 7] = ["document", "label", "start", "end", "quote", "note", "attributed_to"];

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
    let mut out = row(HEADER.iter().map(|h| h.to_string()));
    for (document, annotations) in corpus.annotated() {
        for a in annotations {
            let fields = [
                document.id.clone(),
                corpus.label_name(&a.label).to_owned(),
                a.start.to_string(),
                a.end.to_string(),
                a.quote.clone(),
                a.note.clone(),
                a.attributed_to.clone(),
            ];
            out.push_str(&row(fields.into_iter()));
        }
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
    fn rows_quote_what_needs_quoting() {
        let parts = fixture::corpus_parts();
        let out = write(&fixture::corpus(&parts));
        let mut lines = out.split("\r\n");
        assert_eq!(lines.next(), Some("document,label,start,end,quote,note,attributed_to"));
        assert!(
            out.contains(
                "2941,2992,Iran has NOT delivered ballistic missiles to Russia,\"says “NOT”, in capitals,\nloudly\",Iran’s mission\r\n"
            ),
            "{out}"
        );
        assert_eq!(row(["a\"b".to_owned(), "c".to_owned()].into_iter()), "\"a\"\"b\",c\r\n");
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
