//! Runs Python 3 (standard library only) over one export of every format, as a dataset builder's
//! tools would read them: `text[start:end]` must be the quote of every annotation.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use glossa::core::exchange::formats::{self, Corpus, Format};
use glossa::core::text::offsets::OffsetUnit;

#[path = "support/mixed_corpus.rs"]
mod mixed_corpus;
use mixed_corpus::{mixed_corpus, Spans};

#[test]
fn every_export_format_reads_back_exactly_in_python() {
    let mixed = mixed_corpus(Spans::Anywhere);
    let (count, links) = (mixed.annotations, mixed.links);
    assert!(count > 400);
    let folder = std::env::temp_dir().join(format!("glossa-exports-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let corpus =
        Corpus { documents: &mixed.documents, labels: &mixed.labels, workspace: &mixed.workspace, offsets: OffsetUnit::CodePoints };
    for format in Format::ALL {
        std::fs::write(folder.join(format.file_name()), formats::write(format, &corpus, "2026-11-22T10:00:00Z")).unwrap();
    }
    let output = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/check_exports.py"))
        .arg(&folder)
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}{}", String::from_utf8_lossy(&output.stderr));
    std::fs::remove_dir_all(&folder).unwrap();
    assert!(output.status.success(), "{report}");
    assert!(report.contains(&format!("brat: {count} spans match")), "{report}");
    assert!(report.contains(&format!("links: {links} links in Glossa JSON, W3C and the links CSV")), "{report}");
    assert!(report.contains(&format!("label-studio-config: {} labels with their colours and meanings", mixed.labels.len())), "{report}");
}
