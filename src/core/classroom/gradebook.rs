//! The gradebook: one CSV row per student, with the figures of their work against the key and a
//! score on the scale the teacher picks. The score's formula is written in its column's header,
//! so the file explains itself wherever it is opened.

use crate::core::exchange::formats::csv::spreadsheet_row;
use crate::core::measures::matching::{Evaluation, Scheme};
use crate::core::model::label::Label;

/// The scale of the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Hundred,
    Ten,
}

impl Scale {
    pub fn top(self) -> f64 {
        match self {
            Scale::Hundred => 100.0,
            Scale::Ten => 10.0,
        }
    }
}

/// One student's line: their name, when they handed in, how many annotations they made, and
/// their work's figures.
pub struct Line<'a> {
    pub student: &'a str,
    pub handed_in_at: &'a str,
    pub marked: usize,
    pub evaluation: &'a Evaluation,
}

/// The score of `evaluation`: its overall F1 under `scheme`, times the scale's top, rounded to
/// one decimal.
pub fn score(evaluation: &Evaluation, scheme: Scheme, scale: Scale) -> f64 {
    (evaluation.overall.figures(scheme).f1 * scale.top() * 10.0).round() / 10.0
}

/// The CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read it as UTF-8).
pub fn csv(lines: &[Line], labels: &[Label], key_count: usize, scheme: Scheme, scale: Scale) -> String {
    let top = scale.top();
    let mut header = vec!["student".to_owned(), "handed_in_at".to_owned(), "annotations".to_owned(), "key_annotations".to_owned()];
    header.extend(labels.iter().map(|l| format!("F1 {} ({})", l.name, scheme.id())));
    header.push(format!("F1 overall ({})", scheme.id()));
    header.push(format!("score (0–{top}) = F1 overall ({}) × {top}, rounded to one decimal", scheme.id()));
    let mut out = String::from("\u{feff}");
    out.push_str(&spreadsheet_row(header.into_iter()));
    for line in lines {
        let mut fields = vec![line.student.to_owned(), line.handed_in_at.to_owned(), line.marked.to_string(), key_count.to_string()];
        fields.extend(
            labels.iter().map(|l| {
                line.evaluation.by_label.get(&l.id).map_or_else(String::new, |scores| format!("{:.3}", scores.figures(scheme).f1))
            }),
        );
        fields.push(format!("{:.3}", line.evaluation.overall.figures(scheme).f1));
        fields.push(format!("{:.1}", score(line.evaluation, scheme, scale)));
        out.push_str(&spreadsheet_row(fields.into_iter()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::measures::matching::{evaluate, Span};
    use crate::core::model::label::default_labels;

    #[test]
    fn one_row_per_student_with_the_formula_in_the_header() {
        let key = vec![Span { label: "claim", start: 0, end: 10 }, Span { label: "denial", start: 20, end: 30 }];
        let marked = vec![Span { label: "claim", start: 0, end: 10 }];
        let evaluation = evaluate(&[(key, marked)], &["claim", "denial", "sanction"]);
        assert!((score(&evaluation, Scheme::Strict, Scale::Hundred) - 66.7).abs() < 1e-9);
        assert!((score(&evaluation, Scheme::Strict, Scale::Ten) - 6.7).abs() < 1e-9);
        let line = Line { student: "Ada, L.", handed_in_at: "2026-11-23T11:00:00Z", marked: 1, evaluation: &evaluation };
        let out = csv(&[line], &default_labels(), 2, Scheme::Strict, Scale::Ten);
        let rows: Vec<&str> = out.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            rows[0],
            "student,handed_in_at,annotations,key_annotations,F1 Claim (strict),F1 Denial (strict),F1 Sanction (strict),F1 overall (strict),score (0–10) = F1 overall (strict) × 10, rounded to one decimal"
                .replace("score (0–10) = F1 overall (strict) × 10, rounded to one decimal", "\"score (0–10) = F1 overall (strict) × 10, rounded to one decimal\"")
        );
        assert_eq!(rows[1], "\"Ada, L.\",2026-11-23T11:00:00Z,1,2,1.000,0.000,,0.667,6.7");
    }

    #[test]
    fn a_name_a_spreadsheet_would_run_is_written_as_text() {
        let evaluation = evaluate(&[(vec![], vec![])], &["claim"]);
        let line = Line { student: "=HYPERLINK(\"http://x\")", handed_in_at: "@now", marked: 0, evaluation: &evaluation };
        let out = csv(&[line], &default_labels()[..1], 0, Scheme::Strict, Scale::Ten);
        let row = out.lines().nth(1).unwrap();
        assert!(row.starts_with("\"'=HYPERLINK(\"\"http://x\"\")\",'@now,0,0,"), "{row}");
    }
}
