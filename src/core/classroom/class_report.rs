//! The class report: one CSV a teacher keeps or shares after the discussion. Each row is one
//! fact, named by its `section`: the class's agreement per label (`agreement`), each pair's
//! (`pair`), each student's figures against the key (`student`), and the class's board: every
//! passage someone marked, with who says it and which students marked it (`board`). Columns a
//! section does not use stay empty, so a spreadsheet filters the sections apart.

use std::collections::BTreeMap;

use crate::core::exchange::formats::csv::spreadsheet_row;
use crate::core::measures::agreement::{landis_koch, Agreement};
use crate::core::measures::fixed;
use crate::core::measures::gamma::{Gamma, Undefined};
use crate::core::measures::matching::{Evaluation, Scheme};
use crate::core::model::annotation::Annotation;
use crate::core::model::label::{name_of, Label};
use crate::core::reading::board::{speaker, NOT_ATTRIBUTED};

const HEADER: [&str; 11] = ["section", "label", "who", "measure", "value", "in_words", "article", "start", "end", "quote", "marked_by"];

/// One document of the assignment as the class marked it: id, title, and each student's
/// annotations (in the order of `ClassReport::students`).
pub struct MarkedDocument<'a> {
    pub title: &'a str,
    pub by_student: Vec<&'a [Annotation]>,
}

pub struct ClassReport<'a> {
    pub labels: &'a [Label],
    pub students: &'a [String],
    /// The figures per label (by name), then of "All labels".
    pub agreement: &'a [(String, Agreement)],
    /// Mathet's γ of each row of `agreement`.
    pub gamma: &'a [Result<Gamma, Undefined>],
    /// Each pair's F1 (fair), one's work scored against the other's.
    pub pair_f1: &'a [((usize, usize), f64)],
    /// Each student's evaluation against the key, in the order of `students`.
    pub evaluations: &'a [Evaluation],
    pub scheme: Scheme,
    pub documents: &'a [MarkedDocument<'a>],
}

/// A row of figures: the columns after `section` up to `in_words`.
fn figure(section: &str, label: &str, who: &str, measure: &str, value: Option<f64>, words: bool) -> String {
    match value {
        Some(v) => row(section, label, who, measure, &fixed(v, 6), if words { landis_koch(v) } else { "" }),
        None => row(section, label, who, measure, "", "undefined"),
    }
}

/// A row of a figure: its value as written and its words.
fn row(section: &str, label: &str, who: &str, measure: &str, value: &str, said: &str) -> String {
    spreadsheet_row([section, label, who, measure, value, said, "", "", "", "", ""].into_iter().map(str::to_owned))
}

pub fn csv(report: &ClassReport) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&spreadsheet_row(HEADER.into_iter().map(str::to_owned)));
    let pair_name = |(i, j): (usize, usize)| format!("{} & {}", report.students[i], report.students[j]);
    for ((label, agreement), gamma) in report.agreement.iter().zip(report.gamma) {
        out.push_str(&figure("agreement", label, "class", "Fleiss' kappa", agreement.fleiss, true));
        out.push_str(&figure("agreement", label, "class", "Krippendorff's alpha (nominal)", agreement.alpha, true));
        out.push_str(&match gamma {
            Ok(gamma) => {
                let words = [landis_koch(gamma.gamma)].into_iter().chain(gamma.approximate()).collect::<Vec<_>>().join("; ");
                row("agreement", label, "class", "Mathet's gamma", &fixed(gamma.gamma, 6), &words)
            }
            Err(why) => row("agreement", label, "class", "Mathet's gamma", "", &why.to_string()),
        });
        for (pair, kappa) in &agreement.cohen {
            out.push_str(&figure("pair", label, &pair_name(*pair), "Cohen's kappa", *kappa, true));
        }
    }
    let fair = format!("F1 ({})", Scheme::Fair.id());
    for (pair, f1) in report.pair_f1 {
        out.push_str(&figure("pair", "All labels", &pair_name(*pair), &fair, Some(*f1), false));
    }
    for (student, evaluation) in report.students.iter().zip(report.evaluations) {
        let scored = report.labels.iter().filter_map(|l| Some((l.name.as_str(), evaluation.by_label.get(&l.id)?)));
        for (label, scores) in scored.chain([("All labels", &evaluation.overall)]) {
            let figures = scores.figures(report.scheme);
            for (measure, value) in [("precision", figures.precision), ("recall", figures.recall), ("F1", figures.f1)] {
                let measure = format!("{measure} ({})", report.scheme.id());
                out.push_str(&figure("student", label, student, &measure, Some(value), false));
            }
        }
    }
    for line in board(report) {
        out.push_str(&line);
    }
    out
}

/// Each passage marked alike (same label, same offsets) by one or more students: one row, under
/// the speaker most of them named; speakers in alphabetical order, the unattributed last.
fn board(report: &ClassReport) -> Vec<String> {
    type Marked<'a> = (String, Vec<&'a str>, Vec<&'a str>);
    /// Unattributed last, then by speaker, document and place.
    type Order = (bool, String, usize, usize, usize);
    let mut rows: Vec<(Order, String)> = Vec::new();
    for (at, document) in report.documents.iter().enumerate() {
        // (start, end, label) → (quote, students, their attributions)
        let mut marked: BTreeMap<(usize, usize, &str), Marked> = BTreeMap::new();
        for (student, annotations) in report.students.iter().zip(&document.by_student) {
            for a in annotations.iter() {
                let entry = marked.entry((a.start, a.end, &a.label)).or_insert_with(|| (a.quote.clone(), Vec::new(), Vec::new()));
                entry.1.push(student);
                entry.2.push(&a.attributed_to);
            }
        }
        for ((start, end, label), (quote, students, attributions)) in marked {
            let who = speaker(&attributions);
            let marked_by = format!("{} of {}: {}", students.len(), report.students.len(), students.join("; "));
            let fields = [
                "board",
                name_of(report.labels, label),
                &who,
                "",
                "",
                "",
                document.title,
                &start.to_string(),
                &end.to_string(),
                &quote,
                &marked_by,
            ];
            let order = (who == NOT_ATTRIBUTED, who.to_lowercase(), at, start, end);
            rows.push((order, spreadsheet_row(fields.into_iter().map(str::to_owned))));
        }
    }
    rows.sort();
    rows.into_iter().map(|(_, line)| line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::measures::agreement::{agreement, by_character, Marked};
    use crate::core::measures::matching::{evaluate, Span};
    use crate::core::model::annotation::bare;
    use crate::core::model::label::default_labels;

    #[test]
    fn every_section_in_one_file() {
        let said = |id: &str, label: &str, start: usize, who: &str| Annotation {
            attributed_to: who.to_owned(),
            quote: "q, \"x\"".into(),
            ..bare(id, label, start, start + 4)
        };
        let ada = [said("a1", "claim", 0, "U.S."), said("a2", "denial", 10, "Iran")];
        let grace = [said("g1", "claim", 0, "u.s."), said("g2", "denial", 12, "")];
        let students = ["Ada".to_owned(), "Grace".to_owned()];
        let people: Vec<Vec<Marked>> = [&ada[..], &grace[..]]
            .iter()
            .map(|list| list.iter().map(|a| Marked { document: 0, label: &a.label, start: a.start, end: a.end }).collect())
            .collect();
        let rows = vec![("All labels".to_owned(), agreement(&by_character(&[20], &people, None)))];
        fn spans(list: &[Annotation]) -> Vec<Span<'_>> {
            list.iter().map(|a| Span { label: a.label.as_str(), start: a.start, end: a.end }).collect()
        }
        let evaluations = vec![evaluate(&[(spans(&ada), spans(&ada))], &["claim", "denial", "sanction"]); 2];
        let documents = [MarkedDocument { title: "First", by_student: vec![&ada[..], &grace[..]] }];
        let labels = default_labels();
        let out = csv(&ClassReport {
            labels: &labels,
            students: &students,
            agreement: &rows,
            gamma: &[Ok(Gamma { gamma: 0.5, observed: 1.0, expected: 2.0, exact: false })],
            pair_f1: &[((0, 1), 0.5)],
            evaluations: &evaluations,
            scheme: Scheme::Strict,
            documents: &documents,
        });
        let lines: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], HEADER.join(","));
        assert!(lines.iter().any(|l| l.starts_with("agreement,All labels,class,Fleiss' kappa,")));
        assert!(lines
            .contains(&"agreement,All labels,class,Mathet's gamma,0.500000,moderate agreement; approximate for a group this size,,,,,"));
        assert!(lines.contains(&"pair,All labels,Ada & Grace,F1 (fair),0.500000,,,,,,"));
        assert!(lines.iter().any(|l| l.starts_with("student,Claim,Grace,F1 (strict),1.000000")));
        let board: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with("board,")).collect();
        assert_eq!(
            board,
            [
                "board,Denial,Iran,,,,First,10,14,\"q, \"\"x\"\"\",1 of 2: Ada",
                "board,Claim,U.S.,,,,First,0,4,\"q, \"\"x\"\"\",2 of 2: Ada; Grace",
                "board,Denial,Not attributed,,,,First,12,16,\"q, \"\"x\"\"\",1 of 2: Grace",
            ]
        );
    }
}
