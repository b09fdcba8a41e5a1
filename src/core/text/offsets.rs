//! Positions in text, and the only place where they change unit.
//!
//! Glossa counts every document offset in Unicode code points (what Python's `str` indexes),
//! half-open `[start, end)`. Rust strings are indexed by UTF-8 bytes and the DOM by UTF-16
//! code units, so every crossing between those worlds goes through a function here.

use serde::{Deserialize, Serialize};

/// Where every `CHECKPOINT`th code point of a text begins, so that code point offsets and byte
/// indices convert in a few steps however long the text is: a key press deep in a 1 MB document
/// must not count from its start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodePointIndex {
    checkpoints: Vec<usize>,
    length: usize,
}

const CHECKPOINT: usize = 64;

impl CodePointIndex {
    pub fn new(text: &str) -> CodePointIndex {
        let checkpoints = text.char_indices().step_by(CHECKPOINT).map(|(byte, _)| byte).collect();
        CodePointIndex { checkpoints, length: code_point_len(text) }
    }

    /// The text's length in code points.
    pub fn len(&self) -> usize {
        self.length
    }

    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// `byte_index(text, offset)`, for the `text` this index was made of.
    pub fn byte(&self, text: &str, offset: usize) -> Option<usize> {
        if offset > self.length {
            return None;
        }
        let from = self.checkpoints.get(offset / CHECKPOINT).copied().unwrap_or(text.len());
        Some(from + byte_index(&text[from..], offset % CHECKPOINT)?)
    }

    /// The code point offset where byte `byte` (a character boundary of `text`, the text this
    /// index was made of) begins: `code_point_len(&text[..byte])`.
    pub fn offset(&self, text: &str, byte: usize) -> usize {
        let at = self.checkpoints.partition_point(|&checkpoint| checkpoint <= byte).saturating_sub(1);
        let from = self.checkpoints.get(at).copied().unwrap_or(0);
        at * CHECKPOINT + code_point_len(&text[from..byte])
    }
}

/// Length of `text` in code points.
pub fn code_point_len(text: &str) -> usize {
    text.chars().count()
}

/// The byte index in `text` where code point `index` begins (`text.len()` for the end).
/// `None` when `index` is past the end.
pub fn byte_index(text: &str, index: usize) -> Option<usize> {
    text.char_indices().map(|(byte, _)| byte).chain(std::iter::once(text.len())).nth(index)
}

/// The code points `[start, end)` of `text`, or `None` when the range is reversed or out of bounds.
pub fn slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let from = byte_index(text, start)?;
    let to = from + byte_index(&text[from..], end - start)?;
    Some(&text[from..to])
}

/// Why `[start, end)` is not a span of a text of `length` code points, if it is not: the words an
/// import or a collection of hand-ins refuses an item with.
pub fn span_problem(start: usize, end: usize, length: usize) -> Option<String> {
    if start >= end {
        Some(format!("start {start} is not before end {end}"))
    } else if end > length {
        Some(format!("end {end} is past the end of the text ({length} code points)"))
    } else {
        None
    }
}

/// Converts a UTF-16 offset (as the DOM gives it) into a code point offset within the same text.
/// An offset that falls between the two halves of a surrogate pair rounds down to the start of
/// that character; one past the end clamps to the end.
pub fn utf16_to_code_point(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (index, ch) in text.chars().enumerate() {
        units += ch.len_utf16();
        if units > utf16 {
            return index;
        }
    }
    code_point_len(text)
}

/// Converts a code point offset into the UTF-16 offset the DOM uses for the same position.
/// Past the end it clamps to the end.
pub fn code_point_to_utf16(text: &str, code_point: usize) -> usize {
    text.chars().take(code_point).map(char::len_utf16).sum()
}

/// The byte offsets of ascending UTF-16 offsets into `text` (as `Intl.Segmenter` gives them), in
/// one pass. As `utf16_to_code_point`, an offset inside a surrogate pair rounds down to its
/// character; past the end clamps to the end.
pub fn utf16_offsets_to_bytes(text: &str, utf16: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    utf16
        .into_iter()
        .map(|offset| {
            while let Some(&(_, ch)) = chars.peek() {
                if units + ch.len_utf16() > offset {
                    break;
                }
                units += ch.len_utf16();
                chars.next();
            }
            chars.peek().map_or(text.len(), |&(byte, _)| byte)
        })
        .collect()
}

/// The UTF-16 offsets of code point offsets into `text`, in any order, in one pass over the
/// text (for a file of another tool's units). Past the end, as far past in UTF-16 units.
pub fn code_points_to_utf16(text: &str, code_points: &[usize]) -> Vec<usize> {
    let mut out = vec![0; code_points.len()];
    let mut walk = Walk::over(text);
    for i in ascending(code_points) {
        walk.on_while(|walk| walk.code_points < code_points[i]);
        // Past the end (a file's offsets may be anything), counted without walking there.
        out[i] = walk.units + (code_points[i] - walk.code_points);
    }
    out
}

/// The code point offsets of UTF-16 offsets into `text`, in any order, in one pass over the text.
/// `None` for an offset between the two halves of a surrogate pair, which no character boundary
/// is at; past the end, as far past in code points.
pub fn utf16_to_code_points(text: &str, utf16: &[usize]) -> Vec<Option<usize>> {
    let mut out = vec![None; utf16.len()];
    let mut walk = Walk::over(text);
    for i in ascending(utf16) {
        walk.on_while(|walk| walk.units < utf16[i]);
        out[i] = match walk.units.cmp(&utf16[i]) {
            std::cmp::Ordering::Equal => Some(walk.code_points),
            // Past the offset: it fell inside the surrogate pair just passed.
            std::cmp::Ordering::Greater => None,
            // Past the end, counted without walking there.
            std::cmp::Ordering::Less => Some(walk.code_points + (utf16[i] - walk.units)),
        };
    }
    out
}

/// The indices of `offsets`, smallest offset first.
fn ascending(offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    order
}

/// A walk forward through a text that knows how many code points and UTF-16 units it has passed.
struct Walk<'a> {
    chars: std::str::Chars<'a>,
    code_points: usize,
    units: usize,
}

impl Walk<'_> {
    fn over(text: &str) -> Walk<'_> {
        Walk { chars: text.chars(), code_points: 0, units: 0 }
    }

    /// Passes characters while `before` holds, or to the end.
    fn on_while(&mut self, before: impl Fn(&Self) -> bool) {
        while before(self) {
            let Some(c) = self.chars.next() else { return };
            self.code_points += 1;
            self.units += c.len_utf16();
        }
    }
}

/// Narrows `[start, end)` of `text` so that it neither begins nor ends with whitespace.
/// `None` when nothing but whitespace is left, or when the range does not fit the text.
pub fn trim_range(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let inner = slice(text, start, end)?;
    let leading = inner.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = inner.chars().rev().take_while(|c| c.is_whitespace()).count();
    let length = end - start;
    (leading < length).then(|| (start + leading, end - trailing))
}

/// The first `keep` code points of `text`, and "…" when that cut it short: a quote or a name
/// shown where a whole one would not fit.
pub fn abbreviate(text: &str, keep: usize) -> String {
    match text.char_indices().nth(keep) {
        Some((byte, _)) => format!("{}…", &text[..byte]),
        None => text.to_owned(),
    }
}

/// The unit a tool counts offsets in. Glossa counts code points (as Python, spaCy and the W3C
/// model do); doccano's editor and Label Studio's front end are JavaScript, which counts UTF-16
/// code units: after an emoji or another character beyond the Basic Multilingual Plane, the two
/// differ. Chosen for doccano and Label Studio files, export and import alike.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OffsetUnit {
    #[default]
    CodePoints,
    Utf16,
}

impl OffsetUnit {
    pub const ALL: [OffsetUnit; 2] = [OffsetUnit::CodePoints, OffsetUnit::Utf16];

    pub fn id(self) -> &'static str {
        match self {
            OffsetUnit::CodePoints => "code-points",
            OffsetUnit::Utf16 => "utf-16",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            OffsetUnit::CodePoints => "Code points (Python, spaCy)",
            OffsetUnit::Utf16 => "UTF-16 units (JavaScript, doccano’s editor)",
        }
    }

    pub fn from_id(id: &str) -> Option<OffsetUnit> {
        OffsetUnit::ALL.into_iter().find(|u| u.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_become_byte_offsets() {
        // é is one unit and two bytes; 🚀 two units and four bytes.
        let text = "aé🚀b";
        assert_eq!(utf16_offsets_to_bytes(text, [0, 1, 2, 3, 4, 5, 9]), [0, 1, 3, 3, 7, 8, 8]);
        for utf16 in 0..=5 {
            let byte = utf16_offsets_to_bytes(text, [utf16])[0];
            assert_eq!(code_point_len(&text[..byte]), utf16_to_code_point(text, utf16), "agrees with the DOM conversion at {utf16}");
        }
    }

    #[test]
    fn offsets_of_other_tools_units_convert_in_one_pass() {
        let text = "aé🚀b";
        assert_eq!(code_points_to_utf16(text, &[4, 0, 2, 3, 6]), [5, 0, 2, 4, 7]);
        assert_eq!(utf16_to_code_points(text, &[5, 0, 3, 2, 4, 7]), [Some(4), Some(0), None, Some(2), Some(3), Some(6)]);
        // A file's offsets may be anything: far past the end is answered without walking there.
        assert_eq!(utf16_to_code_points(text, &[usize::MAX])[0], Some(usize::MAX - 1));
        assert_eq!(code_points_to_utf16(text, &[usize::MAX - 1])[0], usize::MAX);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Both agree with the DOM's one-offset conversions, whatever the order asked in.
            #[test]
            fn batch_conversions_agree_with_one_at_a_time(text in "[a\u{e9}\u{301}\u{1F680}\u{10000}\n ]{0,12}", offsets in proptest::collection::vec(0usize..30, 0..8)) {
                let length = code_point_len(&text);
                let units: usize = text.chars().map(char::len_utf16).sum();
                for (offset, utf16) in offsets.iter().zip(code_points_to_utf16(&text, &offsets)) {
                    let expected = if *offset <= length { code_point_to_utf16(&text, *offset) } else { units + offset - length };
                    prop_assert_eq!(utf16, expected);
                }
                for (utf16, code_point) in offsets.iter().zip(utf16_to_code_points(&text, &offsets)) {
                    let back = utf16_to_code_point(&text, *utf16);
                    let on_boundary = *utf16 >= units || code_point_to_utf16(&text, back) == *utf16;
                    let expected = if *utf16 > units { Some(length + utf16 - units) } else { on_boundary.then_some(back) };
                    prop_assert_eq!(code_point, expected);
                }
            }
        }
    }

    #[test]
    fn abbreviating_counts_code_points() {
        assert_eq!(abbreviate("🚀é abc", 2), "🚀é…");
        assert_eq!(abbreviate("abc", 3), "abc");
    }

    // "a", rocket (astral: 2 UTF-16 units, 4 bytes), "e" + combining acute (2 code points), "z".
    const MIXED: &str = "a\u{1F680}e\u{301}z";

    #[test]
    fn counts_code_points_not_bytes_or_graphemes() {
        assert_eq!(MIXED.len(), 1 + 4 + 1 + 2 + 1);
        assert_eq!(code_point_len(MIXED), 5);
        assert_eq!(code_point_len("Iran’s"), 6);
    }

    #[test]
    fn byte_index_walks_characters() {
        assert_eq!(byte_index(MIXED, 0), Some(0));
        assert_eq!(byte_index(MIXED, 1), Some(1));
        assert_eq!(byte_index(MIXED, 2), Some(5));
        assert_eq!(byte_index(MIXED, 5), Some(MIXED.len()));
        assert_eq!(byte_index(MIXED, 6), None);
    }

    #[test]
    fn slices_by_code_points() {
        assert_eq!(slice(MIXED, 1, 2), Some("\u{1F680}"));
        assert_eq!(slice(MIXED, 2, 4), Some("e\u{301}"));
        assert_eq!(slice(MIXED, 0, 5), Some(MIXED));
        assert_eq!(slice(MIXED, 5, 5), Some(""));
        assert_eq!(slice(MIXED, 3, 2), None);
        assert_eq!(slice(MIXED, 0, 6), None);
        assert_eq!(slice("Iran’s missiles", 4, 6), Some("’s"));
    }

    #[test]
    fn utf16_offsets_map_to_code_points() {
        // a=0 | rocket=1..3 | e=3 | combining=4 | z=5 | end=6 (UTF-16)
        assert_eq!(utf16_to_code_point(MIXED, 0), 0);
        assert_eq!(utf16_to_code_point(MIXED, 1), 1);
        assert_eq!(utf16_to_code_point(MIXED, 2), 1, "inside a surrogate pair rounds down");
        assert_eq!(utf16_to_code_point(MIXED, 3), 2);
        assert_eq!(utf16_to_code_point(MIXED, 4), 3);
        assert_eq!(utf16_to_code_point(MIXED, 6), 5);
        assert_eq!(utf16_to_code_point(MIXED, 60), 5);
    }

    #[test]
    fn code_points_map_to_utf16_offsets() {
        assert_eq!(code_point_to_utf16(MIXED, 0), 0);
        assert_eq!(code_point_to_utf16(MIXED, 2), 3);
        assert_eq!(code_point_to_utf16(MIXED, 5), 6);
        assert_eq!(code_point_to_utf16(MIXED, 9), 6);
        assert_eq!(code_point_to_utf16("“no missile”", 12), 12);
    }

    #[test]
    fn trims_whitespace_at_both_edges() {
        let text = "  Iran denies\u{a0}\n it ";
        assert_eq!(trim_range(text, 0, 14), Some((2, 13)));
        assert_eq!(slice(text, 2, 13), Some("Iran denies"));
        assert_eq!(trim_range(text, 0, code_point_len(text)), Some((2, 18)));
        assert_eq!(trim_range(text, 13, 16), None, "only whitespace");
        assert_eq!(trim_range(text, 3, 3), None, "empty");
        assert_eq!(trim_range(text, 0, 99), None, "out of range");
    }
}
