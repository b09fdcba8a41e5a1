//! Finding text in a document, and comparing names as a person would.

/// `text` with its runs of whitespace made one space and its ends trimmed: "Iran’s  mission " is
/// "Iran’s mission".
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as compared with another: spaces collapsed, case ignored; "Ada  Lovelace" and
/// "ada lovelace" are one person, one speaker.
pub fn fold_name(text: &str) -> String {
    collapse_spaces(text).to_lowercase()
}

/// A character of a word, for searches of whole words and the hints of hedges.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `c` lowercased, when its lowercase is one character; a character whose lowercase is several
/// (İ) is compared as itself, so that offsets stay one a character.
pub fn lower(c: char) -> char {
    let mut lowered = c.to_lowercase();
    match (lowered.next(), lowered.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// What to search for, and how to compare.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// "iran" finds "Iran" and "IRAN".
    pub ignore_case: bool,
    /// "Tehran" finds "Tehrān", "cafe" finds "café" written either way.
    pub ignore_accents: bool,
    /// Only where the match neither begins nor ends inside a word: "Iran" is not in "Iranian".
    pub whole_words: bool,
}

impl Query {
    /// Whether there is anything to search for.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Every match of `query` in `text`, ignoring case, as code point ranges, left to right and not
/// overlapping.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    find_folded(text, query, false, &CaseFolding(true))
}

/// A combining accent (of the blocks of combining diacritical marks), which a search that
/// ignores accents passes over.
fn is_accent(c: char) -> bool {
    matches!(u32::from(c), 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// How characters compare in one search: each is folded to one character, or passed over.
trait Fold {
    /// `c` as compared, or `None` for an accent passed over.
    fn fold(&self, c: char) -> Option<char>;
}

/// Case ignored or not, accents kept: what the find bar needs, without the decomposition of
/// accents (the first screen's code holds only this).
struct CaseFolding(bool);

impl Fold for CaseFolding {
    fn fold(&self, c: char) -> Option<char> {
        Some(if self.0 { lower(c) } else { c })
    }
}

/// Accents ignored, and case as chosen.
struct Folding {
    case: bool,
    /// The letters of the text and the query that carry accents, each with its letter without
    /// them, by their canonical decomposition (é is e and U+0301), sorted.
    bases: Vec<(char, char)>,
}

impl Folding {
    fn new(query: &Query, text: &str) -> Folding {
        Folding { case: query.ignore_case, bases: accent_bases(text, &query.text) }
    }
}

impl Fold for Folding {
    fn fold(&self, c: char) -> Option<char> {
        if is_accent(c) {
            return None;
        }
        let c = match c.is_ascii() {
            true => c,
            false => self.bases.binary_search_by_key(&c, |&(accented, _)| accented).map_or(c, |at| self.bases[at].1),
        };
        CaseFolding(self.case).fold(c)
    }
}

/// The letters with accents in `text` and `query`, each with its letter without them. The
/// platform's NFD decomposes them all in one call: only distinct characters are asked about, so
/// a long text costs one walk.
fn accent_bases(text: &str, query: &str) -> Vec<(char, char)> {
    let mut distinct: Vec<char> = text.chars().chain(query.chars()).filter(|c| !c.is_ascii() && !is_accent(*c)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let asked: String = distinct.iter().flat_map(|&c| [c, '\n']).collect();
    let decomposed = super::unicode::nfd(&asked);
    distinct
        .into_iter()
        .zip(decomposed.split('\n'))
        .filter_map(|(c, parts)| {
            let mut letters = parts.chars().filter(|&p| !is_accent(p));
            match (letters.next(), letters.next()) {
                (Some(base), None) if base != c => Some((c, base)),
                _ => None,
            }
        })
        .collect()
}

/// Every match of `query` in `text`, as code point ranges, left to right and not overlapping.
/// Matching goes character by character through `text` in place (a document of a million
/// characters is not copied into four megabytes of `char`s), so offsets stay those of `text`.
/// A match that ignores accents takes in the accents that follow its last letter.
pub fn find(text: &str, query: &Query) -> Vec<(usize, usize)> {
    match query.ignore_accents {
        true => find_folded(text, &query.text, query.whole_words, &Folding::new(query, text)),
        false => find_folded(text, &query.text, query.whole_words, &CaseFolding(query.ignore_case)),
    }
}

fn find_folded(text: &str, query: &str, whole_words: bool, folding: &impl Fold) -> Vec<(usize, usize)> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let needle: Vec<char> = query.chars().filter_map(|c| folding.fold(c)).collect();
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    let (mut rest, mut at, mut previous) = (text, 0, None::<char>);
    while let Some(first) = rest.chars().next() {
        let starts_inside_word = is_word_char(first) && previous.is_some_and(is_word_char);
        let starts = folding.fold(first).is_some() && !(whole_words && starts_inside_word);
        if let Some((length, last)) = starts.then(|| matched(rest, &needle, folding)).flatten() {
            let mut chars = rest.chars();
            chars.by_ref().take(length).for_each(drop);
            let ends_inside_word = is_word_char(last) && chars.clone().find(|&c| folding.fold(c).is_some()).is_some_and(is_word_char);
            if !(whole_words && ends_inside_word) {
                found.push((at, at + length));
                (rest, at, previous) = (chars.as_str(), at + length, Some(last));
                continue;
            }
        }
        rest = &rest[first.len_utf8()..];
        at += 1;
        // A word goes on across its accents.
        if !is_accent(first) {
            previous = Some(first);
        }
    }
    found
}

/// How many characters of `text` `needle` covers from its start, with the last letter matched.
fn matched(text: &str, needle: &[char], folding: &impl Fold) -> Option<(usize, char)> {
    let mut chars = text.chars();
    let (mut length, mut last) = (0, None);
    let mut wanted = needle.iter();
    let mut next = wanted.next();
    while let Some(&want) = next {
        let c = chars.next()?;
        length += 1;
        match folding.fold(c) {
            None => continue,
            Some(folded) if folded == want => {
                last = Some(c);
                next = wanted.next();
            }
            Some(_) => return None,
        }
    }
    // The accents on the last letter are part of it.
    length += chars.take_while(|&c| folding.fold(c).is_none()).count();
    last.map(|last| (length, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_spaces_or_case() {
        assert_eq!(collapse_spaces("  Iran’s \n mission  "), "Iran’s mission");
        assert_eq!(fold_name("Ada  LOVELACE"), fold_name(" ada lovelace"));
        assert_ne!(fold_name("Ada"), fold_name("Ida"));
    }
    use crate::core::text::offsets::slice;

    #[test]
    fn finds_every_match_ignoring_case_in_code_points() {
        let text = "🚀 Iran says IRAN; iranian İran";
        let found = find_all(text, "iran");
        assert_eq!(found, [(2, 6), (12, 16), (18, 22)]);
        for (start, end) in &found {
            assert_eq!(slice(text, *start, *end).unwrap().to_lowercase(), "iran");
        }
        assert_eq!(find_all(text, "İran"), [(26, 30)]);
        assert_eq!(find_all("aaaa", "aa"), [(0, 2), (2, 4)], "matches do not overlap");
        assert!(find_all(text, "").is_empty() && find_all(text, "  ").is_empty());
        assert!(find_all("ab", "abc").is_empty());
    }

    fn quotes<'a>(text: &'a str, query: &Query) -> Vec<&'a str> {
        find(text, query).into_iter().map(|(s, e)| slice(text, s, e).unwrap()).collect()
    }

    #[test]
    fn accents_are_ignored_however_they_are_written() {
        let text = "Café, cafe\u{301}s and CAFE; Tehrān, Tehran, Téhéran";
        let query = |text: &str, ignore_accents| Query { text: text.to_owned(), ignore_case: true, ignore_accents, whole_words: false };
        assert_eq!(quotes(text, &query("cafe", true)), ["Café", "cafe\u{301}", "CAFE"]);
        assert_eq!(quotes(text, &query("café", false)), ["Café"], "a composed é is not e and an accent");
        assert_eq!(quotes(text, &query("tehran", true)), ["Tehrān", "Tehran"]);
        assert_eq!(quotes(text, &query("TÉHÉRAN", true)), ["Téhéran"]);
        assert_eq!(quotes(text, &query("\u{301}", true)), Vec::<&str>::new(), "an accent alone finds nothing");
        assert_eq!(quotes("İran", &query("iran", true)), ["İran"], "İ is I with a dot above");
    }

    #[test]
    fn case_is_kept_unless_ignored_and_words_are_whole_when_asked() {
        let text = "Iran, IRAN and the Iranian iran-backed";
        let query = |ignore_case, whole_words| Query { text: "Iran".to_owned(), ignore_case, ignore_accents: false, whole_words };
        assert_eq!(quotes(text, &query(false, false)), ["Iran", "Iran"]);
        assert_eq!(quotes(text, &query(true, false)), ["Iran", "IRAN", "Iran", "iran"]);
        assert_eq!(quotes(text, &query(true, true)), ["Iran", "IRAN", "iran"], "not inside Iranian; a hyphen ends a word");
        let words = Query { text: "the Iran".to_owned(), ignore_case: true, ignore_accents: false, whole_words: true };
        assert_eq!(quotes(text, &words), Vec::<&str>::new());
        assert_eq!(
            quotes("a cafe\u{301}s", &Query { text: "cafe".to_owned(), ignore_accents: true, whole_words: true, ..Query::default() }),
            Vec::<&str>::new()
        );
    }

    /// Property tests run natively (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            /// Against the plainest search there is: fold every character of the text and of
            /// the query alike, then compare at every place.
            #[test]
            fn every_match_is_what_folding_both_and_comparing_finds(
                text in "[aAeEéÉ \u{301}b.]{0,30}",
                needle in "[aAeEéÉb\u{301} ]{1,3}",
                ignore_case: bool,
                ignore_accents: bool,
                whole_words: bool,
            ) {
                let query = Query { text: needle.clone(), ignore_case, ignore_accents, whole_words };
                let folding: Box<dyn Fold> = match ignore_accents {
                    true => Box::new(Folding::new(&query, &text)),
                    false => Box::new(CaseFolding(ignore_case)),
                };
                let wanted: Vec<char> = needle.chars().filter_map(|c| folding.fold(c)).collect();
                let chars: Vec<char> = text.chars().collect();
                let mut last_end = 0;
                for (start, end) in find(&text, &query) {
                    prop_assert!(start >= last_end && start < end && end <= chars.len());
                    let folded: Vec<char> = chars[start..end].iter().filter_map(|&c| folding.fold(c)).collect();
                    prop_assert_eq!(&folded, &wanted);
                    prop_assert!(folding.fold(chars[start]).is_some(), "a match begins with a letter");
                    prop_assert!(end == chars.len() || folding.fold(chars[end]).is_some(), "and keeps its accents");
                    if whole_words {
                        prop_assert!(start == 0 || !is_word_char(chars[start - 1]) || !is_word_char(chars[start]));
                    }
                    last_end = end;
                }
                if !ignore_accents && !whole_words && !needle.trim().is_empty() {
                    // Without folding accents every character counts: a plain scan finds as many.
                    let n: Vec<char> = needle.chars().map(|c| if ignore_case { lower(c) } else { c }).collect();
                    let h: Vec<char> = chars.iter().map(|&c| if ignore_case { lower(c) } else { c }).collect();
                    let (mut count, mut at) = (0, 0);
                    while at + n.len() <= h.len() {
                        if h[at..at + n.len()] == n[..] { count += 1; at += n.len(); } else { at += 1; }
                    }
                    prop_assert_eq!(find(&text, &query).len(), count);
                }
            }
        }
    }
}
