//! CSV (RFC 4180): one row per annotation.

use super::Corpus;

const HEADER: [&str; 7] = ["document", "label", "start", "end", "quote", "note", "attributed_to"];

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
}
