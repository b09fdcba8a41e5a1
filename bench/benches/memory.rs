//! Where the memory goes when the benchmark document (1 MB, 10,000 annotations) is opened after a
//! reload, step by step as the app takes them: the bytes each step leaves allocated, and the most
//! it held at once on the way (a wasm module's memory never shrinks, so a step's peak is paid for
//! the rest of the page's life). Native, so pointers are twice the wasm's size: a bound on the
//! page's figures, and their breakdown. `scripts/bench` prints it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use glossa::core::exchange::import::{self, Destination};
use glossa::core::model::document::bundled;
use glossa::core::model::label::default_labels;
use glossa::core::reading::runs::split_into_runs;
use glossa::core::reading::span_index::SpanIndex;
use glossa::core::work::history::History;
use glossa::core::work::storage;
use glossa::core::work::workspace::Workspace;

/// The system's allocator, counting the bytes allocated now and the most allocated at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const NOW: &str = "2026-11-22T10:00:00Z";
/// Paragraphs drawn at once, about a screenful with its margins.
const DRAWN: usize = 40;

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

/// Runs `step`, printing what it left allocated and the most that was allocated during it (both
/// counted from before it), and returns what it made.
fn measured<T>(name: &str, step: impl FnOnce() -> T) -> T {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let kept = step();
    let (after, peak) = (LIVE.load(Relaxed), PEAK.load(Relaxed));
    println!("| {name} | {} | {} |", megabytes(after.saturating_sub(before)), megabytes(peak - before));
    kept
}

fn main() {
    let path = std::env::var("GLOSSA_BENCH_FILE").expect("GLOSSA_BENCH_FILE names the file bench/corpus.js wrote");
    let (raw, text, record) = {
        let file = std::fs::read_to_string(path).expect("the benchmark file can be read");
        let labels = default_labels();
        let parsed = import::parse(&file, &Destination { documents: &bundled(), labels: &labels, now: NOW }).unwrap();
        let new = parsed.new_documents[0].clone();
        let mut workspace = Workspace::default();
        import::merge(&mut workspace, parsed);
        (storage::state_json(&workspace, &History::default(), &labels), new.text, new.record)
    };
    let start = LIVE.load(Relaxed);
    println!("Memory, the benchmark document opened after a reload (native, MB; the saved state is {} MB)\n", megabytes(raw.len()));
    println!("| step | kept | most held during it |");
    println!("| --- | ---: | ---: |");
    let saved = measured("read the saved state", || storage::read_state(&raw).unwrap());
    let document = measured("the document from its stored text", || record.document(&text));
    let index = measured("its spans layered (the span index)", || {
        SpanIndex::new(&document.paragraphs, &saved.workspace.annotations(&document.id).iter().collect::<Vec<_>>())
    });
    // Only the paragraphs drawn have a share of their own (`ui::reader::article`): a long
    // document draws about a screen's worth, here the first 40.
    let shares = measured("the drawn paragraphs' shares of the spans (40)", || {
        (0..document.paragraphs.len().min(DRAWN)).map(|at| index.paragraph(at).to_vec()).collect::<Vec<_>>()
    });
    let runs = measured("their runs", || {
        let drawn = document.paragraphs.iter().zip(&shares);
        drawn.map(|(p, share)| split_into_runs(document.paragraph_text(p), p.start, share, &[])).collect::<Vec<_>>()
    });
    println!("| all | {} | |", megabytes(LIVE.load(Relaxed) - start));
    drop((saved, document, index, shares, runs, raw));
}
