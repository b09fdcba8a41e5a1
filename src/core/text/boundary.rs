//! Where a span may begin and end: never inside a grapheme cluster (an emoji with its modifiers,
//! a letter with its combining marks), and, when snapping to words, never inside a word
//! (Unicode word boundaries, UAX #29).

use crate::core::text::offsets::{code_point_len, CodePointIndex};
use crate::core::text::unicode::{graphemes, word_bounds};

/// Widens `[start, end)` of `text` (whose `index` converts offsets) to grapheme boundaries and, if
/// `words`, to word boundaries. Offsets are code points; a range past the end of `text` is
/// returned unchanged.
pub fn snap(text: &str, index: &CodePointIndex, start: usize, end: usize, words: bool) -> (usize, usize) {
    let (Some(start_byte), Some(end_byte)) = (index.byte(text, start), index.byte(text, end)) else {
        return (start, end);
    };
    // Word and grapheme boundaries always fall at line ends, so the lines around each end suffice.
    let line_of = |byte: usize| {
        let from = text[..byte].rfind('\n').map_or(0, |at| at + 1);
        let to = text[byte..].find('\n').map_or(text.len(), |at| byte + at);
        (from, to)
    };
    let widen = |byte: usize, towards_end: bool| -> usize {
        let (from, to) = line_of(byte);
        from + Segments::of(&text[from..to], words).widen(byte - from, towards_end)
    };
    let (new_start, new_end) = (widen(start_byte, false), widen(end_byte, true));
    (index.offset(text, new_start), index.offset(text, new_end))
}

/// The grapheme clusters and the words of a text, found once: `snap` finds those of the lines
/// around one range; many ranges of one text (a class's passages) take the whole text's.
pub struct Segments {
    /// Where each grapheme cluster starts, in bytes, and the text's length.
    graphemes: Vec<usize>,
    /// Each word (a segment with a letter or digit) as a byte range; none when not snapping to words.
    words: Vec<(usize, usize)>,
}

impl Segments {
    pub fn of(text: &str, words: bool) -> Segments {
        let mut graphemes: Vec<usize> = graphemes(text).into_iter().map(|(at, _)| at).collect();
        graphemes.push(text.len());
        let words = if words {
            word_bounds(text).into_iter().filter(|(_, w)| w.chars().any(char::is_alphanumeric)).map(|(at, w)| (at, at + w.len())).collect()
        } else {
            Vec::new()
        };
        Segments { graphemes, words }
    }

    /// `[start, end)` of `text` (these boundaries' text; offsets are code points) widened to
    /// whole grapheme clusters and words.
    pub fn snap(&self, text: &str, index: &CodePointIndex, start: usize, end: usize) -> (usize, usize) {
        let (Some(start_byte), Some(end_byte)) = (index.byte(text, start), index.byte(text, end)) else {
            return (start, end);
        };
        (index.offset(text, self.widen(start_byte, false)), index.offset(text, self.widen(end_byte, true)))
    }

    /// The byte `at` moved out of the grapheme cluster, then the word, it falls inside (to its
    /// end or its start); unchanged at a boundary.
    fn widen(&self, at: usize, towards_end: bool) -> usize {
        let mut cut = at;
        let next = self.graphemes.partition_point(|&start| start <= at);
        if next > 0 && next < self.graphemes.len() && self.graphemes[next - 1] < at {
            cut = if towards_end { self.graphemes[next] } else { self.graphemes[next - 1] };
        }
        let word = self.words.partition_point(|&(start, _)| start < cut);
        if let Some(&(start, end)) = word.checked_sub(1).map(|w| &self.words[w]) {
            if start < cut && cut < end {
                cut = if towards_end { end } else { start };
            }
        }
        cut
    }
}

/// How far one key press moves the keyboard cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// One user-perceived character (grapheme cluster).
    Character,
    /// Forward to the end of the next word, back to the start of the previous one, so that
    /// stretching a selection by words takes whole words without the spaces around them.
    Word,
    /// To the start of the next line, or back to the start of this line (or the previous one).
    Line,
    /// To the end of this line (before its line break), or back to its start.
    LineEdge,
    /// To the end of the text, or back to its start.
    Text,
}

/// The modifier keys held with a key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modifiers {
    pub ctrl: bool,
    pub alt: bool,
    pub meta: bool,
}

/// How a key moves the keyboard cursor, with the conventions of the platform: on a Mac or an iPad
/// (`apple`), Option+Arrow moves by word and Cmd+Arrow to the ends of the line or the text (there
/// Ctrl+Arrow belongs to the system); elsewhere Ctrl+Arrow moves by word, Home and End to the
/// line's ends, Ctrl+Home and Ctrl+End to the text's. Shift, which extends the selection, is not
/// part of it. `None`: the key does not move the cursor.
pub fn cursor_move(key: &str, held: Modifiers, apple: bool) -> Option<(Unit, bool)> {
    let (word, edge) = if apple {
        (held.alt && !held.ctrl && !held.meta, held.meta && !held.ctrl && !held.alt)
    } else {
        (held.ctrl && !held.alt && !held.meta, false)
    };
    let plain = held == Modifiers::default();
    let unit = match key {
        "ArrowLeft" | "ArrowRight" if plain => Unit::Character,
        "ArrowLeft" | "ArrowRight" if word => Unit::Word,
        "ArrowLeft" | "ArrowRight" if edge => Unit::LineEdge,
        "ArrowUp" | "ArrowDown" if plain => Unit::Line,
        "ArrowUp" | "ArrowDown" if edge => Unit::Text,
        "Home" | "End" if plain => Unit::LineEdge,
        "Home" | "End" if held.ctrl && !held.alt && !held.meta || edge => Unit::Text,
        _ => return None,
    };
    Some((unit, matches!(key, "ArrowRight" | "ArrowDown" | "End")))
}

/// Where the cursor at code point `offset` of `text` (whose `index` converts offsets) goes with one
/// step of `unit`, forward or back.
pub fn step(text: &str, index: &CodePointIndex, offset: usize, unit: Unit, forward: bool) -> usize {
    let length = index.len();
    let offset = offset.min(length);
    let at = index.byte(text, offset).unwrap_or(text.len());
    let looked_for = match unit {
        Unit::Character => Boundaries::Graphemes,
        Unit::Word => Boundaries::Words,
        Unit::Line => Boundaries::LineStarts,
        Unit::LineEdge => {
            let edge =
                if forward { text[at..].find('\n').map_or(text.len(), |n| at + n) } else { text[..at].rfind('\n').map_or(0, |n| n + 1) };
            return index.offset(text, edge);
        }
        Unit::Text => return if forward { length } else { 0 },
    };
    // Every boundary of those units falls at line ends, so the lines around the cursor give the
    // same answer as the whole text: a key press in a long document looks at a few lines, and
    // looks further, doubling, only when those hold no boundary that way.
    let mut reach = 1;
    loop {
        let from = line_starts_back(text, at, reach);
        let to = line_ends_ahead(text, at, reach);
        let window = &text[from..to];
        let boundaries: Vec<usize> = match looked_for {
            Boundaries::Graphemes => graphemes(window).into_iter().map(|(byte, _)| byte).chain([window.len()]).collect(),
            Boundaries::Words => word_bounds(window)
                .into_iter()
                .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
                .map(|(byte, word)| if forward { byte + word.len() } else { byte })
                .collect(),
            Boundaries::LineStarts => std::iter::once(0).chain(window.match_indices('\n').map(|(byte, _)| byte + 1)).collect(),
        };
        // The boundaries ascend, so each is counted on from the one before.
        let mut counted = (0, index.offset(text, from));
        let mut positions = boundaries.into_iter().map(|byte| {
            counted = (byte, counted.1 + code_point_len(&window[counted.0..byte]));
            counted.1
        });
        let found = if forward { positions.find(|&p| p > offset) } else { positions.filter(|&p| p < offset).last() };
        match found {
            Some(position) => return position,
            None if from == 0 && to == text.len() => return if forward { length } else { 0 },
            None => reach *= 2,
        }
    }
}

/// What the cursor steps to, for the units found by looking around it.
#[derive(Clone, Copy)]
enum Boundaries {
    Graphemes,
    /// Ends of words going forward, starts going back.
    Words,
    LineStarts,
}

/// The byte where the line `lines - 1` lines before the one holding byte `at` begins.
fn line_starts_back(text: &str, at: usize, lines: usize) -> usize {
    let mut from = at;
    for _ in 0..lines {
        match text[..from].rfind('\n') {
            Some(newline) => from = newline,
            None => return 0,
        }
    }
    from + 1
}

/// The byte where the line `lines - 1` lines after the one holding byte `at` ends (before its `\n`).
fn line_ends_ahead(text: &str, at: usize, lines: usize) -> usize {
    let mut to = at;
    for round in 0..lines {
        let skip = usize::from(round > 0);
        match text[to + skip..].find('\n') {
            Some(newline) => to = to + skip + newline,
            None => return text.len(),
        }
    }
    to
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::offsets::slice;

    /// `super::snap` and `super::step` over a text indexed here.
    fn snap(text: &str, start: usize, end: usize, words: bool) -> (usize, usize) {
        super::snap(text, &CodePointIndex::new(text), start, end, words)
    }

    fn step(text: &str, offset: usize, unit: Unit, forward: bool) -> usize {
        super::step(text, &CodePointIndex::new(text), offset, unit, forward)
    }

    /// `step` as it would be over the whole text at once: what the windows must agree with.
    fn step_over_whole_text(text: &str, offset: usize, unit: Unit, forward: bool) -> usize {
        let boundaries: Vec<usize> = match unit {
            Unit::Character => graphemes(text).into_iter().map(|(byte, _)| byte).chain([text.len()]).collect(),
            Unit::Word => word_bounds(text)
                .into_iter()
                .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
                .map(|(byte, word)| if forward { byte + word.len() } else { byte })
                .collect(),
            Unit::Line => std::iter::once(0).chain(text.match_indices('\n').map(|(byte, _)| byte + 1)).collect(),
            Unit::LineEdge | Unit::Text => unreachable!("the oracle is for the units found by boundaries"),
        };
        let mut positions = boundaries.into_iter().map(|byte| code_point_len(&text[..byte]));
        if forward {
            positions.find(|&p| p > offset).unwrap_or(code_point_len(text))
        } else {
            positions.rfind(|&p| p < offset).unwrap_or(0)
        }
    }

    #[test]
    fn stepping_through_a_few_lines_agrees_with_the_whole_text() {
        let text = "\n\nFirst line, 🚀 e\u{301}t\n\n\n  — \n导弹 second\n\n...\nlast";
        for offset in 0..=code_point_len(text) {
            for unit in [Unit::Character, Unit::Word, Unit::Line] {
                for forward in [true, false] {
                    let expected = step_over_whole_text(text, offset, unit, forward);
                    assert_eq!(step(text, offset, unit, forward), expected, "{offset} {unit:?} {forward}");
                }
            }
        }
    }

    #[test]
    fn line_edges_and_text_ends() {
        let text = "ab🚀\ncd e\n\nlast";
        // Lines: "ab🚀" 0..3, "cd e" 4..8, "" 9..9, "last" 10..14.
        assert_eq!(step(text, 1, Unit::LineEdge, true), 3);
        assert_eq!(step(text, 3, Unit::LineEdge, true), 3, "at the end it stays");
        assert_eq!(step(text, 6, Unit::LineEdge, false), 4);
        assert_eq!(step(text, 4, Unit::LineEdge, false), 4, "at the start it stays");
        assert_eq!(step(text, 9, Unit::LineEdge, true), 9, "an empty line");
        assert_eq!(step(text, 12, Unit::LineEdge, true), 14, "the last line ends with the text");
        assert_eq!(step(text, 6, Unit::Text, true), 14);
        assert_eq!(step(text, 6, Unit::Text, false), 0);
    }

    #[test]
    fn keys_move_the_cursor_by_the_platform_s_conventions() {
        let none = Modifiers::default();
        let (ctrl, alt, meta) = (Modifiers { ctrl: true, ..none }, Modifiers { alt: true, ..none }, Modifiers { meta: true, ..none });
        for apple in [false, true] {
            assert_eq!(cursor_move("ArrowRight", none, apple), Some((Unit::Character, true)));
            assert_eq!(cursor_move("ArrowUp", none, apple), Some((Unit::Line, false)));
            assert_eq!(cursor_move("Home", none, apple), Some((Unit::LineEdge, false)));
            assert_eq!(cursor_move("End", none, apple), Some((Unit::LineEdge, true)));
            assert_eq!(cursor_move("a", none, apple), None);
        }
        // Elsewhere: Ctrl for words and the text's ends; Option (Alt) and the system key do nothing.
        assert_eq!(cursor_move("ArrowLeft", ctrl, false), Some((Unit::Word, false)));
        assert_eq!(cursor_move("End", ctrl, false), Some((Unit::Text, true)));
        assert_eq!(cursor_move("ArrowLeft", alt, false), None);
        assert_eq!(cursor_move("ArrowLeft", meta, false), None);
        // On a Mac: Option for words, Cmd for the ends; Ctrl+Arrow is the system's (Mission Control).
        assert_eq!(cursor_move("ArrowLeft", alt, true), Some((Unit::Word, false)));
        assert_eq!(cursor_move("ArrowRight", meta, true), Some((Unit::LineEdge, true)));
        assert_eq!(cursor_move("ArrowDown", meta, true), Some((Unit::Text, true)));
        assert_eq!(cursor_move("ArrowUp", alt, true), None);
        assert_eq!(cursor_move("ArrowRight", ctrl, true), None);
    }

    fn snapped(text: &str, start: usize, end: usize, words: bool) -> &str {
        let (s, e) = snap(text, start, end, words);
        slice(text, s, e).unwrap()
    }

    #[test]
    fn selections_inside_words_grow_to_whole_words() {
        let text = "Iran’s foreign minister firmly rejects";
        assert_eq!(snapped(text, 2, 10, true), "Iran’s foreign");
        assert_eq!(snapped(text, 7, 14, true), "foreign", "already on boundaries");
        assert_eq!(snapped(text, 0, 4, true), "Iran’s", "the apostrophe is inside the word");
        assert_eq!(snapped(text, 7, 9, true), "foreign");
        assert_eq!(snapped(text, 6, 7, true), " ", "spaces are not words");
        assert_eq!(snapped(text, 2, 10, false), "an’s for", "off: left as selected");
    }

    #[test]
    fn words_follow_unicode_rules() {
        assert_eq!(snapped("U.S. officials", 1, 2, true), "U.S", "a dotted abbreviation is one word");
        assert_eq!(snapped("short-range missiles", 7, 8, true), "range");
        assert_eq!(snapped("400 ballistic", 1, 2, true), "400");
        assert_eq!(snapped("Tehran to Moscow", 8, 9, true), "to");
    }

    #[test]
    fn never_inside_a_grapheme_cluster_whatever_the_setting() {
        let text = "ab👩‍🔬c e\u{301}x";
        // 👩‍🔬 is three code points (woman, zero-width joiner, microscope) at 2..5.
        for words in [false, true] {
            assert_eq!(snap(text, 3, 4, words), (2, 5));
            assert_eq!(snap(text, 8, 9, false), (7, 9), "combining acute stays with its e");
        }
        assert_eq!(snapped(text, 8, 9, true), "e\u{301}x");
    }

    #[test]
    fn the_cursor_steps_by_character_word_and_line() {
        let text = "Iran’s 👩‍🔬 said: no.\nSecond line";
        // I0 r1 a2 n3 ’4 s5 _6 👩‍🔬7..10 _10 s11 a12 i13 d14 :15 _16 n17 o18 .19 \n20 S21
        assert_eq!(step(text, 6, Unit::Character, true), 7);
        assert_eq!(step(text, 7, Unit::Character, true), 10, "an emoji sequence is one step");
        assert_eq!(step(text, 10, Unit::Character, false), 7);
        assert_eq!(step(text, 0, Unit::Character, false), 0);
        assert_eq!(step(text, 0, Unit::Word, true), 6, "to the end of Iran’s");
        assert_eq!(step(text, 6, Unit::Word, true), 15, "past the emoji to the end of said");
        assert_eq!(step(text, 15, Unit::Word, false), 11, "back to the start of said");
        assert_eq!(step(text, 19, Unit::Word, true), 27, "into the next line");
        assert_eq!(step(text, 5, Unit::Line, true), 21);
        assert_eq!(step(text, 25, Unit::Line, false), 21);
        assert_eq!(step(text, 21, Unit::Line, false), 0);
        assert_eq!(step(text, 25, Unit::Line, true), code_point_len(text), "the last line ends at the end");
        assert_eq!(step(text, 99, Unit::Character, true), code_point_len(text));
    }

    #[test]
    fn snapping_stays_on_its_lines() {
        let text = "first line\nsecond line";
        assert_eq!(snapped(text, 8, 13, true), "line\nsecond");
        assert_eq!(snap(text, 10, 11, true), (10, 11), "the newline alone");
        assert_eq!(snap(text, 0, 99, true), (0, 99), "out of range: unchanged");
    }
}
