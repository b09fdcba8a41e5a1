//! Property tests of the invariants everything else stands on: offsets convert exactly, runs
//! tile their paragraph, and an export always reads back to the same work.
#![cfg(not(target_arch = "wasm32"))]

use glossa::core::exchange::formats::glossa_json;
use glossa::core::exchange::import;
use glossa::core::model::annotation::Annotation;
use glossa::core::model::annotation::{Link, Relation};
use glossa::core::model::document::bundled;
use glossa::core::model::document::Paragraph;
use glossa::core::model::label::default_labels;
use glossa::core::reading::runs::{by_paragraph, layer_spans, split_into_runs, SharedLabels};
use glossa::core::reading::span_index::SpanIndex;
use glossa::core::reading::viewport::{paragraphs_of, Layout};
use glossa::core::text::boundary::snap;
use glossa::core::text::offsets::{
    byte_index, code_point_len, code_point_to_utf16, slice, trim_range, utf16_to_code_point, CodePointIndex,
};
use glossa::core::text::search::find_all;
use glossa::core::work::workspace::Workspace;
use proptest::prelude::*;

/// Text rich in what breaks offset code: astral emoji, combining marks, CJK, right-to-left
/// letters, typographic punctuation, whitespace of several kinds.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Iran",
        " ",
        "\n",
        "\u{a0}",
        "’",
        "“",
        "”",
        "🚀",
        "👩‍🔬",
        "e\u{301}",
        "漢字",
        "שלום",
        "مرحبا",
        "\t",
        "•",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    /// Searching walks the text in place; it finds what a search over its characters finds: each
    /// match left to right, ignoring case, none overlapping. The query is a piece of the text,
    /// perhaps in capitals, so that there is something to find.
    #[test]
    fn search_finds_what_a_search_of_the_characters_finds(text in tricky_text(), from in 0usize..40, length in 1usize..6, upper: bool) {
        let haystack: Vec<char> = text.chars().collect();
        let from = from.min(haystack.len());
        let piece: String = haystack[from..(from + length).min(haystack.len())].iter().collect();
        let query = if upper { piece.to_uppercase() } else { piece };
        let needle: Vec<char> = query.chars().collect();
        let same = |a: char, b: char| a.to_lowercase().eq(b.to_lowercase());
        let mut expected = Vec::new();
        let mut at = 0;
        while !query.trim().is_empty() && at + needle.len() <= haystack.len() {
            if needle.iter().zip(&haystack[at..]).all(|(&n, &h)| same(n, h)) {
                expected.push((at, at + needle.len()));
                at += needle.len();
            } else {
                at += 1;
            }
        }
        prop_assert_eq!(find_all(&text, &query), expected);
    }

    #[test]
    fn utf16_and_code_points_convert_both_ways(text in tricky_text()) {
        let length = code_point_len(&text);
        for code_point in 0..=length {
            let utf16 = code_point_to_utf16(&text, code_point);
            prop_assert_eq!(utf16_to_code_point(&text, utf16), code_point);
        }
        prop_assert_eq!(code_point_to_utf16(&text, length), text.encode_utf16().count());
    }

    #[test]
    fn every_utf16_offset_lands_on_a_character_boundary(text in tricky_text(), utf16 in 0usize..200) {
        let code_point = utf16_to_code_point(&text, utf16);
        prop_assert!(code_point <= code_point_len(&text));
        prop_assert!(code_point_to_utf16(&text, code_point) <= utf16.min(text.encode_utf16().count()));
    }

    #[test]
    fn slices_tile_the_text(text in tricky_text(), a in 0usize..60, b in 0usize..60) {
        let length = code_point_len(&text);
        let (low, high) = (a.min(b).min(length), a.max(b).min(length));
        let joined = [slice(&text, 0, low).unwrap(), slice(&text, low, high).unwrap(), slice(&text, high, length).unwrap()].concat();
        prop_assert_eq!(joined, text.clone());
        prop_assert_eq!(code_point_len(slice(&text, low, high).unwrap()), high - low);
        prop_assert_eq!(byte_index(&text, low).map(|byte| text.is_char_boundary(byte)), Some(true));
    }

    #[test]
    fn trimming_removes_exactly_the_edge_whitespace(text in tricky_text(), a in 0usize..60, b in 0usize..60) {
        let length = code_point_len(&text);
        let (start, end) = (a.min(b).min(length), a.max(b).min(length));
        let inner = slice(&text, start, end).unwrap();
        match trim_range(&text, start, end) {
            Some((s, e)) => {
                prop_assert!(start <= s && s < e && e <= end);
                prop_assert_eq!(slice(&text, s, e).unwrap(), inner.trim());
            }
            None => prop_assert!(inner.trim().is_empty()),
        }
    }

    #[test]
    fn the_index_converts_as_counting_from_the_start_does(text in tricky_text(), repeat in 1usize..12) {
        // Long enough to pass several checkpoints.
        let text = text.repeat(repeat * 9);
        let index = CodePointIndex::new(&text);
        let starts: Vec<usize> = text.char_indices().map(|(byte, _)| byte).chain([text.len()]).collect();
        prop_assert_eq!(index.len(), starts.len() - 1);
        for offset in 0..=starts.len() {
            let byte = index.byte(&text, offset);
            prop_assert_eq!(byte, starts.get(offset).copied());
            if let Some(byte) = byte {
                prop_assert_eq!(index.offset(&text, byte), offset);
            }
        }
    }

    #[test]
    fn snapping_only_widens_and_never_cuts_a_grapheme(text in tricky_text(), a in 0usize..60, b in 0usize..60, words: bool) {
        use unicode_segmentation::UnicodeSegmentation;
        let length = code_point_len(&text);
        let (start, end) = (a.min(b).min(length), a.max(b).min(length));
        let (s, e) = snap(&text, &CodePointIndex::new(&text), start, end, words);
        prop_assert!(s <= start && end <= e && e <= length);
        let boundaries: Vec<usize> = text
            .grapheme_indices(true)
            .map(|(byte, _)| code_point_len(&text[..byte]))
            .chain([length])
            .collect();
        prop_assert!(boundaries.contains(&s), "start {} inside a grapheme of {:?}", s, text);
        prop_assert!(boundaries.contains(&e), "end {} inside a grapheme of {:?}", e, text);
    }

    #[test]
    fn runs_tile_their_paragraph_and_carry_exactly_the_covering_spans(
        text in tricky_text(),
        paragraph_start in 0usize..5,
        raw in prop::collection::vec((0usize..50, 0usize..50, 0usize..3), 0..12),
    ) {
        let annotations: Vec<Annotation> = raw
            .iter()
            .enumerate()
            .filter(|(_, (a, b, _))| a != b)
            .map(|(i, &(a, b, label))| span(i, a, b, label, false))
            .collect();
        let spans = layer_spans(&annotations, &mut SharedLabels::default());
        for (i, x) in spans.iter().enumerate() {
            for y in &spans[i + 1..] {
                if x.start < y.end && y.start < x.end {
                    prop_assert_ne!(x.mark.layer, y.mark.layer, "overlapping spans share a layer");
                }
            }
        }
        let runs = split_into_runs(&text, paragraph_start, &spans, &[]);
        prop_assert_eq!(runs.iter().map(|r| r.text.as_str()).collect::<String>(), text.clone());
        let mut at = paragraph_start;
        for (i, run) in runs.iter().enumerate() {
            prop_assert_eq!(run.start, at);
            prop_assert!(run.start < run.end);
            prop_assert_eq!(code_point_len(&run.text), run.end - run.start);
            let mut expected: Vec<&str> = spans
                .iter()
                .filter(|s| s.start <= run.start && run.end <= s.end)
                .map(|s| s.mark.annotation_id.as_str())
                .collect();
            let mut found: Vec<&str> = run.marks.iter().map(|m| m.annotation_id.as_str()).collect();
            expected.sort_unstable();
            found.sort_unstable();
            prop_assert_eq!(found, expected);
            prop_assert!(run.marks.windows(2).all(|w| w[0].layer < w[1].layer));
            if i > 0 {
                prop_assert_ne!(&runs[i - 1].marks, &run.marks, "neighbouring runs differ");
            }
            at = run.end;
        }
        prop_assert_eq!(at, paragraph_start + code_point_len(&text));
    }

    #[test]
    fn an_export_always_imports_back_to_the_same_work(
        raw in prop::collection::vec((0usize..5, 0usize..15_000, 1usize..400, 0usize..3, "[a-z<>&\" ’🚀]{0,12}"), 0..20),
        attributed_to in "[A-Za-z’ ]{0,20}",
        links in prop::collection::vec((0usize..20, 0usize..20), 0..10),
    ) {
        let documents = bundled();
        let mut workspace = Workspace::default();
        for (i, (document, start, length, label, note)) in raw.into_iter().enumerate() {
            let document = &documents[document];
            let start = start % document.length;
            let end = (start + length).min(document.length);
            let label = ["claim", "denial", "sanction"][label];
            if let Some(mut annotation) = document.annotate(start, end, label, format!("id-{i}"), "2026-11-22T10:00:00.000Z") {
                annotation.note = note;
                annotation.attributed_to = attributed_to.clone();
                workspace.put(&document.id, annotation);
            }
        }
        // Links within a document and across documents.
        for (from, to) in links {
            workspace.link(&format!("id-{from}"), &format!("id-{to}"), None, "2026-11-22T10:00:01.000Z");
        }
        let json = glossa_json::write(&documents, &default_labels(), &workspace, "2026-11-22T10:00:00Z");
        let here = import::Destination { documents: &documents, labels: &default_labels(), now: "2026-11-22T10:00:00Z" };
        let parsed = import::parse(&json, &here).unwrap();
        prop_assert!(parsed.refused.is_empty());
        let mut rebuilt = Workspace::default();
        import::merge(&mut rebuilt, parsed);
        prop_assert_eq!(rebuilt, workspace);
    }

    #[test]
    fn import_never_panics_on_arbitrary_input(input in "\\PC{0,200}") {
        let here = import::Destination { documents: &bundled(), labels: &default_labels(), now: "2026-11-22T10:00:00Z" };
        let _ = import::parse(&input, &here);
    }
}

/// What a tab does: label annotation `id`, delete it, or take in the work another tab saved.
#[derive(Clone, Debug)]
enum TabAction {
    Label { tab: usize, id: usize, label: usize },
    Delete { tab: usize, id: usize },
    TakeIn { tab: usize, from: usize },
}

fn tab_action() -> impl Strategy<Value = TabAction> {
    prop_oneof![
        (0..3usize, 0..5usize, 0..3usize).prop_map(|(tab, id, label)| TabAction::Label { tab, id, label }),
        (0..3usize, 0..5usize).prop_map(|(tab, id)| TabAction::Delete { tab, id }),
        (0..3usize, 0..3usize).prop_map(|(tab, from)| TabAction::TakeIn { tab, from }),
    ]
}

proptest! {
    #[test]
    fn tabs_that_take_in_each_others_work_end_with_every_latest_change(actions in prop::collection::vec(tab_action(), 0..60)) {
        use glossa::core::work::sync::join;
        let labels = ["claim", "denial", "sanction"];
        let mut tabs = vec![Workspace::default(); 3];
        // The latest change to each annotation, wherever it was made: its label, or None if deleted.
        let mut latest: std::collections::BTreeMap<usize, Option<&str>> = Default::default();
        for (clock, action) in actions.iter().enumerate() {
            let now = format!("2026-11-23T10:00:00.{clock:03}Z");
            match *action {
                TabAction::Label { tab, id, label } => {
                    let annotation = Annotation {
                        id: format!("a{id}"), label: labels[label].into(), start: id, end: id + 1, quote: String::new(),
                        created_at: now.as_str().into(), updated_at: now.as_str().into(), ..Annotation::default()
                    };
                    tabs[tab].put("d", annotation);
                    latest.insert(id, Some(labels[label]));
                }
                TabAction::Delete { tab, id } => {
                    if tabs[tab].delete(&format!("a{id}"), &now).is_some() {
                        latest.insert(id, None);
                    }
                }
                TabAction::TakeIn { tab, from } => tabs[tab] = join(&tabs[tab], &tabs[from]),
            }
        }
        let everything = join(&join(&tabs[0], &tabs[1]), &tabs[2]);
        prop_assert_eq!(&everything, &join(&tabs[2], &join(&tabs[1], &tabs[0])), "any order of taking in");
        prop_assert_eq!(&everything, &join(&join(&tabs[1], &tabs[2]), &tabs[0]), "any grouping");
        prop_assert_eq!(&join(&everything, &tabs[1]), &everything, "taking in again changes nothing");
        for (id, label) in latest {
            let found = everything.find(&format!("a{id}")).map(|(_, a)| a.label.as_str());
            prop_assert_eq!(found, label, "annotation a{} as its latest change left it", id);
        }
    }
}

// What a long document draws: heights that add up, and every paragraph a range of text touches.
proptest! {
    #[test]
    fn heights_add_up_and_estimates_follow_the_measured(
        lengths in prop::collection::vec(0usize..400, 1..60),
        measured in prop::collection::vec((0usize..60, 1.0f64..300.0), 0..30),
        cut in 0usize..60,
    ) {
        let mut layout = Layout::new(lengths.clone());
        for &(index, height) in &measured {
            layout.measure(index, height);
        }
        let all = layout.height_of(0..layout.len());
        let cut = cut.min(layout.len());
        prop_assert!((layout.height_of(0..cut) + layout.height_of(cut..layout.len()) - all).abs() < 1e-6);
        for index in 0..layout.len() {
            prop_assert!(layout.height(index) > 0.0);
            // The last measurement of a paragraph is its height.
            if let Some(&(_, height)) = measured.iter().rev().find(|&&(i, _)| i == index) {
                prop_assert_eq!(layout.height(index), height);
            }
        }
        // Unmeasured paragraphs of the same length are estimated the same.
        let unmeasured: Vec<usize> = (0..layout.len()).filter(|i| !measured.iter().any(|(m, _)| m == i)).collect();
        for pair in unmeasured.windows(2) {
            if lengths[pair[0]] == lengths[pair[1]] {
                prop_assert_eq!(layout.height(pair[0]), layout.height(pair[1]));
            }
        }
    }

    #[test]
    fn a_range_finds_every_paragraph_it_touches(
        lines in prop::collection::vec(1usize..20, 1..20),
        start in 0usize..300,
        length in 0usize..100,
    ) {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in lines {
            paragraphs.push((at, at + line));
            at += line + 1;
        }
        let end = start + length;
        let range = paragraphs_of(&paragraphs, start, end);
        prop_assert!(!range.is_empty() && range.end <= paragraphs.len());
        for (index, &(p_start, p_end)) in paragraphs.iter().enumerate() {
            if p_start < end && start < p_end {
                prop_assert!(range.contains(&index), "{index} touched by {start}..{end} but not in {range:?}");
            }
        }
    }
}

/// An edit of the shown annotations: put annotation `id` at `[a, b)` with label `label` (and a
/// link when `linked`), or take it away.
#[derive(Clone, Debug)]
enum SpanEdit {
    Put { id: u8, a: usize, b: usize, label: usize, linked: bool },
    Remove { id: u8 },
}

fn span_edit() -> impl Strategy<Value = SpanEdit> {
    prop_oneof![
        3 => (0u8..24, 0usize..120, 0usize..120, 0usize..3, any::<bool>()).prop_map(|(id, a, b, label, linked)| SpanEdit::Put { id, a, b, label, linked }),
        1 => (0u8..24).prop_map(|id| SpanEdit::Remove { id }),
    ]
}

/// Annotation `a{id}` over `[a, b)` (either order), labelled by `label`'s index, linked when `linked`.
fn span(id: usize, a: usize, b: usize, label: usize, linked: bool) -> Annotation {
    let links = if linked { vec![Link { to: "x".into(), relation: Relation::Denies }] } else { Vec::new() };
    Annotation {
        id: format!("a{id}"),
        label: ["claim", "denial", "sanction"][label].into(),
        start: a.min(b),
        end: a.max(b),
        links,
        ..Annotation::default()
    }
}

proptest! {
    #[test]
    fn the_span_index_kept_in_step_is_the_layering_done_anew(
        lines in prop::collection::vec(1usize..15, 1..10),
        edits in prop::collection::vec(span_edit(), 1..40),
    ) {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in lines {
            paragraphs.push(Paragraph { start: at, end: at + line, bytes: at..at + line });
            at += line + 2;
        }
        let mut shown: Vec<Annotation> = Vec::new();
        let mut index = SpanIndex::new(&paragraphs, &[]);
        let mut before = vec![Vec::new(); paragraphs.len()];
        for edit in edits {
            match edit {
                SpanEdit::Put { id, a, b, label, linked } => {
                    shown.retain(|s| s.id != format!("a{id}"));
                    shown.push(span(id.into(), a, b, label, linked));
                }
                SpanEdit::Remove { id } => shown.retain(|s| s.id != format!("a{id}")),
            }
            let lent: Vec<&Annotation> = shown.iter().rev().collect();
            let changed = index.update(&lent);
            let expected = by_paragraph(&paragraphs, &layer_spans(&shown, &mut SharedLabels::default()), |s| (s.start, s.end));
            for (at, expected) in expected.iter().enumerate() {
                prop_assert_eq!(&index.paragraph(at), expected, "paragraph {}", at);
                // Every paragraph whose spans changed is said; one said may be unchanged (the
                // reader compares), but only where spans were or are.
                if before[at] != *expected {
                    prop_assert!(changed.contains(&at), "paragraph {} changed unsaid", at);
                }
                if changed.contains(&at) {
                    prop_assert!(!before[at].is_empty() || !expected.is_empty(), "paragraph {} said changed, with no span", at);
                }
            }
            before = expected;
        }
    }
}
