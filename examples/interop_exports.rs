//! Writes one export of every format of the mixed corpus (`tests/support/mixed_corpus.rs`, spans
//! on words as a reader places them) into a folder, for `scripts/interop` to load into the real
//! tools: code points throughout, and the doccano and Label Studio files once more in UTF-16 units
//! (`*.utf-16.*`).
//!
//!     cargo run --example interop_exports -- FOLDER

use std::path::Path;

use glossa::core::exchange::formats::{self, Corpus, Format};
use glossa::core::text::offsets::OffsetUnit;

// The Python check of every export uses the corpus with spans anywhere; this one, spans on words.
#[allow(dead_code)]
#[path = "../tests/support/mixed_corpus.rs"]
mod mixed_corpus;
use mixed_corpus::{mixed_corpus, Spans};

fn main() {
    let folder = std::env::args().nth(1).expect("usage: interop_exports FOLDER");
    let folder = Path::new(&folder);
    std::fs::create_dir_all(folder).expect("the folder can be made");
    let mixed = mixed_corpus(Spans::OnWords);
    let now = "2026-11-22T10:00:00Z";
    for offsets in OffsetUnit::ALL {
        let corpus = Corpus { documents: &mixed.documents, labels: &mixed.labels, workspace: &mixed.workspace, offsets };
        for format in Format::ALL {
            let name = match offsets {
                OffsetUnit::CodePoints => format.file_name().to_owned(),
                OffsetUnit::Utf16 if matches!(format, Format::Doccano | Format::LabelStudio) => {
                    let (stem, extension) = format.file_name().rsplit_once('.').unwrap();
                    format!("{stem}.utf-16.{extension}")
                }
                OffsetUnit::Utf16 => continue,
            };
            std::fs::write(folder.join(name), formats::write(format, &corpus, now)).expect("the file can be written");
        }
    }
    println!("{} annotations in {} documents, {} links", mixed.annotations, mixed.documents.len(), mixed.links);
}
