//! Runs Python 3 (standard library only) over one export of every format, as a dataset builder's
//! tools would read them: `text[start:end]` must be the quote of every annotation.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use glossa::core::annotation::Annotation;
use glossa::core::document::bundled;
use glossa::core::formats::{self, Corpus, Format, OffsetUnit};
use glossa::core::label::{self, default_labels};
use glossa::core::own_document::{normalize, DocumentRecord};
use glossa::core::workspace::Workspace;

#[test]
fn every_export_format_reads_back_exactly_in_python() {
    let mut documents = bundled();
    // And a text of one's own, pasted with Windows line ends, full of what breaks offsets.
    let raw = "Notes 🚀🇮🇷\r\nCafe\u{301} — 導弾の移転 and إيران تنفي 👩🏽\u{200d}🚀\r\nשלום, end.\r\n".repeat(20);
    let text = normalize(&raw).text;
    documents.push(std::sync::Arc::new(DocumentRecord::of(&text, None, Some("notes.txt"), "2026-11-22T10:00:00Z").document(&text)));
    let mut labels = default_labels();
    label::add_new(&mut labels, "Source of claim").unwrap();
    let mut workspace = Workspace::default();
    let mut count = 0;
    for document in &documents {
        // Spans everywhere: after curly quotes and dashes, across lines, nested, overlapping.
        for (i, start) in (0..document.length).step_by(if document.source.is_some() { 97 } else { 13 }).enumerate() {
            let end = (start + 23 + (i * 37) % 180).min(document.length);
            let label = &labels[i % labels.len()].id;
            let id = format!("{}-{i}", document.id);
            if let Some(mut annotation) = Annotation::create(document, start, end, label, id, "2026-11-22T10:00:00.000Z") {
                annotation.note = if i % 3 == 0 { "a note, with “quotes”,\nand a line break".into() } else { String::new() };
                annotation.attributed_to = if i % 4 == 0 { "Iran’s foreign minister".into() } else { String::new() };
                workspace.put(&document.id, annotation);
                count += 1;
            }
        }
    }
    assert!(count > 400);
    // Links: each tenth annotation answers the one before it, across documents where they meet.
    let ids: Vec<String> = workspace.documents.values().flatten().map(|a| a.id.clone()).collect();
    for pair in ids.chunks(10).filter(|c| c.len() > 1) {
        workspace.link(&pair[1], &pair[0], "2026-11-22T10:00:01.000Z");
    }
    let links = ids.chunks(10).filter(|c| c.len() > 1).count();
    let folder = std::env::temp_dir().join(format!("glossa-exports-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let corpus = Corpus { documents: &documents, labels: &labels, workspace: &workspace, offsets: OffsetUnit::CodePoints };
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
}
