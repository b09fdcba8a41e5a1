//! brat standoff: for each document a `.txt` with its text and a `.ann` with its annotations,
//! zipped. A span that crosses lines becomes fragments (`start end;start end`), as brat wants;
//! notes become `AnnotatorNotes`, and so does who a span is attributed to (brat has no free-text
//! field of its own for it: `Attributed to: Iran’s mission | the note`); a link within a document becomes a relation (`R1 Denies
//! Arg1:T3 Arg2:T1`). brat relates entities of one document only, so links across documents
//! are left out (Glossa JSON, W3C and the links CSV carry them). `annotation.conf` declares the
//! labels and relations, `visual.conf` gives the labels their colours.

use std::collections::HashMap;

use super::corpus::Corpus;
use super::zip;
use crate::core::model::annotation::Relation;

pub fn write(corpus: &Corpus) -> Vec<u8> {
    let mut files = vec![
        ("annotation.conf".to_owned(), annotation_conf(corpus).into_bytes()),
        ("visual.conf".to_owned(), visual_conf(corpus).into_bytes()),
    ];
    let links = corpus.links();
    for (document, annotations) in corpus.annotated() {
        let number: HashMap<&str, usize> = annotations.iter().enumerate().map(|(index, a)| (a.id.as_str(), index + 1)).collect();
        let mut ann = String::new();
        for (index, a) in annotations.iter().enumerate() {
            let number = index + 1;
            let fragments = fragments(&a.quote, a.start);
            let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
            // brat's text field shows the fragments joined by a space.
            let text = a.quote.split('\n').filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ");
            ann.push_str(&format!("T{number}\t{} {}\t{text}\n", type_name(corpus.label_name(&a.label)), offsets.join(";")));
            let attribution = (!a.attributed_to.is_empty()).then(|| format!("Attributed to: {}", a.attributed_to));
            let notes: Vec<String> = attribution.into_iter().chain((!a.note.is_empty()).then(|| a.note.clone())).collect();
            if !notes.is_empty() {
                ann.push_str(&format!("#{number}\tAnnotatorNotes T{number}\t{}\n", one_line(&notes.join(" | "))));
            }
        }
        let within = links.iter().filter(|l| l.from_document.id == document.id && l.to_document.id == document.id);
        for (index, link) in within.enumerate() {
            let (from, to) = (number[link.from.id.as_str()], number[link.to.id.as_str()]);
            ann.push_str(&format!("R{}\t{} Arg1:T{from} Arg2:T{to}\n", index + 1, link.relation.type_name()));
        }
        files.push((format!("{}.txt", document.id), document.text.clone().into_bytes()));
        files.push((format!("{}.ann", document.id), ann.into_bytes()));
    }
    zip::stored(&files)
}

/// The labels as entity types and the relations between any two of them.
fn annotation_conf(corpus: &Corpus) -> String {
    let types: Vec<String> = corpus.labels.iter().map(|l| type_name(&l.name)).collect();
    // brat reads a line beginning with `#` as a comment: each label's explanation, one line,
    // just above the type it explains.
    let entities: Vec<String> = corpus
        .labels
        .iter()
        .zip(&types)
        .map(|(l, t)| match l.explained() {
            Some(said) => format!("# {}\n{t}", said.split_whitespace().collect::<Vec<_>>().join(" ")),
            None => t.clone(),
        })
        .collect();
    let mut conf = format!("[entities]\n{}\n\n[relations]\n", entities.join("\n"));
    let any = types.join("|");
    for relation in Relation::ALL {
        conf.push_str(&format!("{}\tArg1:{any}, Arg2:{any}\n", relation.type_name()));
    }
    conf.push_str("\n[events]\n\n[attributes]\n");
    conf
}

/// Each label's name and colour, as Glossa shows them.
fn visual_conf(corpus: &Corpus) -> String {
    let labels = corpus.labels.iter().map(|l| format!("{} | {}\n", type_name(&l.name), l.name));
    let drawing = corpus.labels.iter().map(|l| format!("{}\tbgColor:{}\n", type_name(&l.name), l.color));
    let relations = Relation::ALL.into_iter().map(|r| format!("{} | {}\n", r.type_name(), r.words()));
    format!("[labels]\n{}{}\n[drawing]\n{}", labels.collect::<String>(), relations.collect::<String>(), drawing.collect::<String>())
}

/// The stretches of `quote`, which begins at document offset `start`, between line breaks,
/// leaving the breaks out.
fn fragments(quote: &str, start: usize) -> Vec<(usize, usize)> {
    let mut fragments = Vec::new();
    let mut from = start;
    let mut end = start;
    for (offset, ch) in quote.chars().enumerate().map(|(i, ch)| (start + i, ch)) {
        end = offset + 1;
        if ch == '\n' {
            if from < offset {
                fragments.push((from, offset));
            }
            from = offset + 1;
        }
    }
    if from < end {
        fragments.push((from, end));
    }
    fragments
}

/// brat type names cannot hold spaces.
fn type_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("_")
}

fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn spans_across_lines_become_fragments() {
        assert_eq!(fragments("b\ncd\n\nef", 1), [(1, 2), (3, 5), (7, 9)]);
        assert_eq!(fragments("ab", 0), [(0, 2)]);
        assert_eq!(type_name("Source of  claim"), "Source_of_claim");
    }

    #[test]
    fn the_archive_holds_a_text_and_an_annotation_file_per_document() {
        let parts = fixture::corpus_parts();
        let archive = write(&fixture::corpus(&parts));
        let as_text = String::from_utf8_lossy(&archive);
        assert!(as_text.contains("004_de3ecafd94c781bd.ann"));
        assert!(as_text.contains("T3\tDenial 2941 2992\tIran has NOT delivered ballistic missiles to Russia\n"));
        assert!(as_text.contains("#3\tAnnotatorNotes T3\tAttributed to: Iran’s mission | says “NOT”, in capitals, loudly\n"));
        // The first line of a file follows its zip header directly.
        let from = as_text.find("T1\tSanction ").unwrap();
        let sanction = as_text[from..].lines().next().unwrap();
        assert_eq!(sanction.matches(';').count(), 1, "two lines, two fragments: {sanction}");
        // a1 (T3) denies a3 (T2); a2's link to another document is left out.
        assert!(as_text.contains("R1\tDenies Arg1:T3 Arg2:T2\n"));
        assert!(!as_text.contains("R2\t"));
        let conf = &as_text[as_text.find("[entities]").unwrap()..];
        let entities: Vec<&str> = conf.lines().skip(1).take_while(|l| !l.is_empty()).collect();
        let explained = |l: &crate::core::model::label::Label| format!("# {}", l.explained().unwrap());
        let labels = crate::core::model::label::default_labels();
        assert_eq!(
            entities,
            [explained(&labels[0]).as_str(), "Claim", &explained(&labels[1]), "Denial", &explained(&labels[2]), "Sanction"]
        );
        assert!(conf.contains("[relations]\nDenies\tArg1:Claim|Denial|Sanction, Arg2:Claim|Denial|Sanction\n"));
        assert!(as_text.contains("[drawing]\nClaim\tbgColor:#0072b2\n"));
    }
}
