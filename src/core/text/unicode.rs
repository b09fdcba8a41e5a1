//! The Unicode the core needs from outside itself: NFC and NFD normalisation and the boundaries of
//! grapheme clusters and words (UAX #29). Native builds take them from the
//! `unicode-normalization` and `unicode-segmentation` crates; the browser build takes the
//! browser's own (`String.prototype.normalize`, `Intl.Segmenter`), which the app installs as it
//! starts, so that no student downloads Unicode's tables a second time. Browser tests check that
//! the two agree on hard cases, and the README says where they do not.

use std::sync::OnceLock;

/// Where the segments of a text begin, as byte offsets ascending from 0 (none for an empty text).
pub type SegmentStarts = fn(&str) -> Vec<usize>;

/// Unicode as a platform provides it.
#[derive(Clone, Copy)]
pub struct Provider {
    pub nfc: fn(&str) -> String,
    pub nfd: fn(&str) -> String,
    pub grapheme_starts: SegmentStarts,
    /// The starts of words and of what lies between them (spaces, punctuation).
    pub word_starts: SegmentStarts,
}

static INSTALLED: OnceLock<Provider> = OnceLock::new();

/// Makes `provider` the Unicode every later call uses; the first installed stays.
pub fn install(provider: Provider) {
    let _ = INSTALLED.set(provider);
}

fn provider() -> Provider {
    INSTALLED.get().copied().unwrap_or_else(built_in)
}

/// `text` in Unicode Normalization Form C.
pub fn nfc(text: &str) -> String {
    (provider().nfc)(text)
}

/// `text` in Unicode Normalization Form D: every character that has one in its canonical
/// decomposition (é as e and U+0301), for searches that ignore accents.
pub fn nfd(text: &str) -> String {
    (provider().nfd)(text)
}

/// The grapheme clusters of `text`, each with its byte offset.
pub fn graphemes(text: &str) -> Vec<(usize, &str)> {
    segments(text, (provider().grapheme_starts)(text))
}

/// `text` cut at its word boundaries: words, and the spaces and punctuation between them, each
/// with its byte offset.
pub fn word_bounds(text: &str) -> Vec<(usize, &str)> {
    segments(text, joined_across_mid_letters(text, (provider().word_starts)(text)))
}

/// `starts` without the breaks UAX #29 forbids between letters around one "mid letter" (rules
/// WB6 and WB7: "U.S", "Iran’s", "a:b"). Chromium's segmenter breaks there (its own rules, for
/// double-click selection); the crate and Firefox do not, so this changes nothing for them.
pub fn joined_across_mid_letters(text: &str, starts: Vec<usize>) -> Vec<usize> {
    // The characters of the Word_Break classes MidLetter, MidNumLet and Single_Quote.
    const MID: [char; 15] = [
        '.', '\'', ':', '\u{b7}', '\u{387}', '\u{55f}', '\u{5f4}', '\u{2018}', '\u{2019}', '\u{2024}', '\u{2027}', '\u{fe13}', '\u{fe52}',
        '\u{fe55}', '\u{ff07}',
    ];
    // A letter of the classes ALetter and Hebrew_Letter, near enough: alphabetic, and not of a
    // script that UAX #29 segments otherwise (ideographs, kana, Hangul syllables, Thai and kin).
    let letter = |ch: char| {
        ch.is_alphabetic()
            && !matches!(u32::from(ch), 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..)
    };
    let mut kept = Vec::with_capacity(starts.len());
    for (index, &start) in starts.iter().enumerate() {
        // A break before a mid letter, or just after it, goes when letters stand on both sides.
        let mid_at = |byte: usize| text[byte..].chars().next().filter(|ch| MID.contains(ch)).map(|ch| (byte, byte + ch.len_utf8()));
        let around =
            |mid: (usize, usize)| text[..mid.0].chars().next_back().is_some_and(letter) && text[mid.1..].chars().next().is_some_and(letter);
        let before_mid = mid_at(start).is_some_and(around);
        let after_mid =
            text[..start].chars().next_back().filter(|ch| MID.contains(ch)).is_some_and(|ch| around((start - ch.len_utf8(), start)));
        if index == 0 || !(before_mid || after_mid) {
            kept.push(start);
        }
    }
    kept
}

fn segments(text: &str, starts: Vec<usize>) -> Vec<(usize, &str)> {
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts.iter().copied().zip(ends).filter(|(start, end)| start < end).map(|(start, end)| (start, &text[start..end])).collect()
}

/// Where a platform knows no UAX #29: every code point a grapheme.
pub fn code_point_starts(text: &str) -> Vec<usize> {
    text.char_indices().map(|(byte, _)| byte).collect()
}

/// Where a platform knows no UAX #29: words are runs of letters and digits, and every other
/// character stands alone.
pub fn alphanumeric_run_starts(text: &str) -> Vec<usize> {
    let mut previous_alphanumeric = false;
    let mut starts = Vec::new();
    for (byte, ch) in text.char_indices() {
        let alphanumeric = ch.is_alphanumeric();
        if !(alphanumeric && previous_alphanumeric) {
            starts.push(byte);
        }
        previous_alphanumeric = alphanumeric;
    }
    starts
}

#[cfg(not(target_arch = "wasm32"))]
fn built_in() -> Provider {
    use unicode_normalization::UnicodeNormalization;
    use unicode_segmentation::UnicodeSegmentation;
    Provider {
        nfc: |text| text.nfc().collect(),
        nfd: |text| text.nfd().collect(),
        grapheme_starts: |text| text.grapheme_indices(true).map(|(byte, _)| byte).collect(),
        word_starts: |text| text.split_word_bound_indices().map(|(byte, _)| byte).collect(),
    }
}

#[cfg(target_arch = "wasm32")]
fn built_in() -> Provider {
    // The browser build carries no tables of its own: `ui::App` installs the browser's first thing.
    panic!("no Unicode installed: the app installs the browser's as it starts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_what_has_a_composed_form() {
        assert_eq!(nfc("Cafe\u{301}"), "Café");
        assert_eq!(nfc("\u{212b}"), "\u{c5}", "a singleton decomposes");
        assert_eq!(nfc("한국어"), "한국어");
        assert_eq!(nfd("Café"), "Cafe\u{301}");
    }

    #[test]
    fn segments_cover_the_text() {
        assert_eq!(graphemes("e\u{301}👩‍🔬"), [(0, "e\u{301}"), (3, "👩‍🔬")]);
        assert_eq!(word_bounds("U.S. said"), [(0, "U.S"), (3, "."), (4, " "), (5, "said")]);
        assert!(graphemes("").is_empty());
    }

    #[test]
    fn letters_stay_joined_across_one_mid_letter() {
        let text = "U.S. said Iran’s";
        let chromium = vec![0, 1, 2, 3, 4, 5, 9, 10, 14, 17];
        assert_eq!(joined_across_mid_letters(text, chromium), [0, 3, 4, 5, 9, 10]);
        let crate_starts = (built_in().word_starts)(text);
        assert_eq!(joined_across_mid_letters(text, crate_starts.clone()), crate_starts, "the crate's are left as they are");
        assert_eq!(joined_across_mid_letters("導.弾", vec![0, 3, 4]), [0, 3, 4], "ideographs are not letters here");
    }

    #[test]
    fn without_uax_29_words_are_runs_of_letters_and_digits() {
        assert_eq!(alphanumeric_run_starts("Iran’s 400  x"), [0, 4, 7, 8, 9, 12, 13, 14]);
        assert_eq!(code_point_starts("é🚀"), [0, 2]);
    }
}
