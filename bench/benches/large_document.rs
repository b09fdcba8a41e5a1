//! The core's work for the benchmark document (about 1 MB of text, 10,000 annotations), which
//! `bench/corpus.js` writes and `scripts/bench` passes in `GLOSSA_BENCH_FILE`: importing it,
//! everything the reader computes to open it, one new annotation, and every export.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use glossa::core::exchange::formats::{self, Corpus, Format};
use glossa::core::exchange::import::{self, Destination};
use glossa::core::model::document::{bundled, Document};
use glossa::core::model::label::default_labels;
use glossa::core::reading::runs::split_into_runs;
use glossa::core::reading::span_index::SpanIndex;
use glossa::core::text::offsets::OffsetUnit;
use glossa::core::work::history::History;
use glossa::core::work::workspace::Workspace;

const NOW: &str = "2026-11-22T10:00:00Z";

fn setup() -> (String, Document, Workspace) {
    let path = std::env::var("GLOSSA_BENCH_FILE").expect("GLOSSA_BENCH_FILE names the file bench/corpus.js wrote");
    let file = std::fs::read_to_string(path).expect("the benchmark file can be read");
    let labels = default_labels();
    let parsed = import::parse(&file, &Destination { documents: &bundled(), labels: &labels, now: NOW }).unwrap();
    let new = parsed.new_documents[0].clone();
    let mut workspace = Workspace::default();
    let merged = import::merge(&mut workspace, parsed);
    assert_eq!(merged.added, 10_000);
    (file, new.record.document(&new.text), workspace)
}

/// What the reader computes to show a document: layers, each paragraph's share, its runs.
fn render(document: &Document, workspace: &Workspace) -> usize {
    let index = SpanIndex::new(&document.paragraphs, &workspace.annotations(&document.id).iter().collect::<Vec<_>>());
    document
        .paragraphs
        .iter()
        .enumerate()
        .map(|(at, p)| split_into_runs(document.paragraph_text(p), p.start, &index.paragraph(at), &[]).len())
        .sum()
}

fn benchmarks(c: &mut Criterion) {
    let (file, document, workspace) = setup();
    let labels = default_labels();
    let mut group = c.benchmark_group("large document");
    group.sample_size(10);

    group.bench_function("import (parse and merge)", |b| {
        b.iter(|| {
            let parsed = import::parse(&file, &Destination { documents: &bundled(), labels: &labels, now: NOW }).unwrap();
            import::merge(&mut Workspace::default(), parsed)
        })
    });
    group.bench_function("open (paragraphs, layers, runs)", |b| {
        b.iter(|| {
            let opened = Document::new(&document.id, &document.title, None, &document.sha256, &document.text);
            render(&opened, &workspace)
        })
    });
    let middle = document.paragraphs[document.paragraphs.len() / 2].clone();
    let lent = |workspace: &Workspace| -> SpanIndex {
        SpanIndex::new(&document.paragraphs, &workspace.annotations(&document.id).iter().collect::<Vec<_>>())
    };
    group.bench_function("new annotation (create, record, update the span index, its paragraph's runs)", |b| {
        b.iter_batched(
            || (workspace.clone(), History::default(), lent(&workspace)),
            |(mut workspace, mut history, mut index)| {
                let annotation = document.annotate(middle.start, middle.start + 20, "claim", "new".into(), NOW).unwrap();
                history.record("Claim added", workspace.put(&document.id, annotation).into());
                let changed = index.update(&workspace.annotations(&document.id).iter().collect::<Vec<_>>());
                let runs: usize = changed
                    .iter()
                    .map(|&at| split_into_runs(document.paragraph_text(&middle), middle.start, &index.paragraph(at), &[]).len())
                    .sum();
                // Returned, so that freeing them is not timed: the page keeps them.
                (workspace, history, index, runs)
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("span index: one annotation added", |b| {
        let annotation = document.annotate(middle.start, middle.start + 20, "claim", "new".into(), NOW).unwrap();
        let mut added = workspace.clone();
        added.put(&document.id, annotation);
        let (before, after): (Vec<_>, Vec<_>) =
            (workspace.annotations(&document.id).iter().collect(), added.annotations(&document.id).iter().collect());
        let mut index = lent(&workspace);
        // Added, then taken away again: each iteration is two updates of one annotation.
        b.iter(|| (index.update(&after), index.update(&before)))
    });
    let documents = vec![std::sync::Arc::new(document.clone())];
    for format in Format::ALL {
        group.bench_function(format!("export {}", format.id()), |b| {
            b.iter(|| {
                formats::write(
                    format,
                    &Corpus { documents: &documents, labels: &labels, workspace: &workspace, offsets: OffsetUnit::CodePoints },
                    NOW,
                )
                .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
