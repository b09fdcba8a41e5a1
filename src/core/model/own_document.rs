//! Documents of one's own: text taken in once, normalised, and identified by its SHA-256.
//!
//! Offsets count code points of the normalised text (UTF-8, `\n` line ends, NFC, no BOM), so a
//! document pasted on Windows and the same file opened on Linux are one document with one set of
//! offsets. Files that bring offsets into text that was not normalised have them carried over
//! by `Normalized::offset`.

use serde::{Deserialize, Serialize};

use crate::core::model::document::Document;
use crate::core::model::facts::Facts;
pub use crate::core::model::id::sha256_hex;
use crate::core::text::offsets;
use crate::core::text::unicode;

/// What Glossa keeps about a document a person added; its text is stored apart (it can be large).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub id: String,
    pub title: String,
    /// The file it came from, if it came from one.
    #[serde(default)]
    pub file_name: Option<String>,
    /// Lowercase hex SHA-256 of the normalised text.
    pub sha256: String,
    /// Length of the normalised text in code points.
    pub length: usize,
    /// Size of the normalised text in UTF-8 bytes.
    pub bytes: usize,
    pub added_at: String,
    /// When it was last renamed or described; empty until it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated_at: String,
    /// Its kind, outlet and date (`Facts`), as its reader gives them; each absent before saved
    /// states of version 5, and while nobody has said it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

impl DocumentRecord {
    /// The record of normalised `text`; its id is derived from the digest, so the same text has
    /// the same id in every browser that adds it.
    pub fn of(text: &str, title: Option<&str>, file_name: Option<&str>, now: &str) -> DocumentRecord {
        let sha256 = sha256_hex(text);
        let title = title.map(str::trim).filter(|t| !t.is_empty()).map_or_else(|| title_of(text, file_name), str::to_owned);
        DocumentRecord {
            id: id_of(&sha256),
            title,
            file_name: file_name.map(str::to_owned),
            sha256,
            length: offsets::code_point_len(text),
            bytes: text.len(),
            added_at: now.to_owned(),
            updated_at: String::new(),
            kind: String::new(),
            outlet: String::new(),
            date: String::new(),
        }
    }

    /// What it is as a source.
    pub fn facts(&self) -> Facts {
        Facts { kind: self.kind.clone(), outlet: self.outlet.clone(), date: self.date.clone() }
    }

    /// Describes it as `facts` say; whether anything changed.
    pub fn describe(&mut self, facts: Facts) -> bool {
        let Facts { kind, outlet, date } = facts;
        let changed = (&self.kind, &self.outlet, &self.date) != (&kind, &outlet, &date);
        (self.kind, self.outlet, self.date) = (kind, outlet, date);
        changed
    }

    /// When it last changed: merging keeps the newer of two copies.
    pub fn changed_at(&self) -> &str {
        if self.updated_at.is_empty() {
            &self.added_at
        } else {
            &self.updated_at
        }
    }

    /// The readable document of this record and its `text`.
    pub fn document(&self, text: impl Into<String>) -> Document {
        Document::new(&self.id, &self.title, None, &self.sha256, text)
    }
}

/// Longest title taken from a text's first line, in characters.
const TITLE_LENGTH: usize = 120;

/// A title for a text: its first line that is not blank, shortened; else the file's name.
pub fn title_of(text: &str, file_name: Option<&str>) -> String {
    match text.lines().map(str::trim).find(|line| !line.is_empty()) {
        Some(line) if offsets::code_point_len(line) > TITLE_LENGTH => {
            format!("{}…", offsets::slice(line, 0, TITLE_LENGTH - 1).unwrap_or(line).trim_end())
        }
        Some(line) => line.to_owned(),
        None => file_name.unwrap_or("Untitled text").to_owned(),
    }
}

/// The id of the text whose digest is `sha256` (lowercase hex): its first 64 bits, so the same
/// text has the same id wherever it comes from.
pub fn id_of(sha256: &str) -> String {
    format!("text-{}", sha256.get(..16).unwrap_or(sha256))
}

/// The largest file Glossa reads, by any way in (a file input, a drop): larger ones are refused
/// by their size, before a byte is read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file of `size` bytes is not read, if it is too large.
pub fn too_large(size: u64) -> Option<String> {
    (size > MAX_FILE_BYTES).then(|| format!("it is larger than {} MB", MAX_FILE_BYTES / (1024 * 1024)))
}

/// The bytes of a file as text, or why they are not UTF-8 text.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(format!("it is not UTF-8 text (byte {} is not valid UTF-8)", error.valid_up_to())),
    }
}

/// A text as Glossa keeps it, and how offsets into the original map onto it.
#[derive(Debug, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// Code point offset in the normalised text of each code point offset in the original
    /// (one entry more than the original has code points); `None` when nothing changed.
    offsets: Option<Vec<usize>>,
    /// Length of the original in code points.
    pub raw_length: usize,
}

impl Normalized {
    /// Where original offset `raw` is in the normalised text. An offset inside a stretch that
    /// normalisation changed in length (a composed character, a `\r\n`) moves to its edge; one
    /// past the end, to the end.
    pub fn offset(&self, raw: usize) -> usize {
        match &self.offsets {
            None => raw.min(self.raw_length),
            Some(offsets) => offsets.get(raw).copied().unwrap_or_else(|| offsets.last().copied().unwrap_or(0)),
        }
    }

    pub fn changed(&self) -> bool {
        self.offsets.is_some()
    }
}

/// Normalises `raw`: BOM removed, `\r\n` and lone `\r` to `\n`, Unicode NFC.
pub fn normalize(raw: &str) -> Normalized {
    let has_bom = raw.starts_with('\u{feff}');
    // The common case, a text already normal, costs one normalisation and a comparison.
    if !has_bom && !raw.contains('\r') && unicode::nfc(raw) == raw {
        return Normalized { raw_length: offsets::code_point_len(raw), text: raw.to_owned(), offsets: None };
    }
    let chars: Vec<char> = raw.chars().collect();
    let mut text = String::with_capacity(raw.len());
    let mut offsets = Vec::with_capacity(chars.len() + 1);
    let mut length = 0;
    // NFC never composes across an ASCII character (none is the second of a composition, and
    // all are starters), so the text is normalised piece by piece, each piece an ASCII
    // character and the non-ASCII ones after it, and offsets are exact at every piece's edge.
    let mut piece_start = 0;
    if has_bom {
        offsets.push(0);
        piece_start = 1;
    }
    while piece_start < chars.len() {
        let piece_end = chars[piece_start + 1..].iter().position(char::is_ascii).map_or(chars.len(), |at| piece_start + 1 + at);
        let mut piece: String = chars[piece_start..piece_end].iter().collect();
        if piece.starts_with('\r') {
            let followed_by_newline = chars.get(piece_end) == Some(&'\n') && piece_end == piece_start + 1;
            piece.replace_range(..1, if followed_by_newline { "" } else { "\n" });
        }
        let before = length;
        // An ASCII character alone is normal already: most pieces of most texts.
        let normal = if piece.is_ascii() { piece } else { unicode::nfc(&piece) };
        length += normal.chars().count();
        text.push_str(&normal);
        let (raw_length, new_length) = (piece_end - piece_start, length - before);
        for k in 0..raw_length {
            offsets.push(if raw_length == new_length { before + k } else { (before + k).min(length) });
        }
        piece_start = piece_end;
    }
    offsets.push(length);
    Normalized { text, raw_length: chars.len(), offsets: Some(offsets) }
}

/// How a document's size is shown: "12.3 KB".
pub fn size_label(bytes: usize) -> String {
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        assert_eq!(too_large(MAX_FILE_BYTES), None);
        assert_eq!(too_large(MAX_FILE_BYTES + 1).as_deref(), Some("it is larger than 50 MB"));
    }

    #[test]
    fn normalises_line_ends_bom_and_composition() {
        let raw = "\u{feff}Cafe\u{301} 🚀\r\nnext\rlast\r\n";
        let normalized = normalize(raw);
        assert_eq!(normalized.text, "Café 🚀\nnext\nlast\n");
        assert!(normalized.changed());
        // Offsets into the original land on the same characters.
        let raw_chars: Vec<char> = raw.chars().collect();
        let at = |needle: &str| raw.split(needle).next().unwrap().chars().count();
        for needle in ["🚀", "next", "last"] {
            let (raw_start, raw_end) = (at(needle), at(needle) + needle.chars().count());
            let quote: String = raw_chars[raw_start..raw_end].iter().collect();
            let (start, end) = (normalized.offset(raw_start), normalized.offset(raw_end));
            assert_eq!(offsets::slice(&normalized.text, start, end), Some(quote.as_str()), "{needle}");
        }
        assert_eq!(normalized.offset(raw_chars.len()), offsets::code_point_len(&normalized.text));
    }

    #[test]
    fn text_already_normal_is_kept_as_it_is() {
        let normalized = normalize("Iran’s “denial” — 中文 עברית\n");
        assert!(!normalized.changed());
        assert_eq!(normalized.offset(7), 7);
    }

    #[test]
    fn records_are_identified_by_digest_and_titled_by_first_line() {
        let record = DocumentRecord::of("\n  Minutes of the meeting  \nbody", None, Some("minutes.txt"), "t");
        assert_eq!(record.title, "Minutes of the meeting");
        assert_eq!(record.sha256, sha256_hex("\n  Minutes of the meeting  \nbody"));
        assert!(record.id.starts_with("text-") && record.id.len() == 21);
        assert_eq!((record.length, record.bytes), (32, 32));
        assert_eq!(DocumentRecord::of("  \n", None, Some("blank.txt"), "t").title, "blank.txt");
        assert_eq!(DocumentRecord::of("body", Some(" Mine "), None, "t").title, "Mine");
        let long = title_of(&"word ".repeat(100), None);
        assert!(long.ends_with('…') && long.chars().count() <= TITLE_LENGTH);
        let document = record.document("\n  Minutes of the meeting  \nbody");
        assert_eq!((document.source, document.length), (None, 32));
    }

    #[test]
    fn decoding_names_the_first_bad_byte() {
        assert_eq!(decode("é".as_bytes()), Ok("é".into()));
        assert_eq!(decode(b"ab\xffcd"), Err("it is not UTF-8 text (byte 2 is not valid UTF-8)".into()));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(512), "512 bytes");
        assert_eq!(size_label(12_345), "12.3 KB");
        assert_eq!(size_label(1_048_576), "1.0 MB");
    }
}
