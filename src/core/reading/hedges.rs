//! Hedges and reporting verbs: the words by which a text says how sure it is ("alleged",
//! "reportedly") and who says so ("claimed", "denies"), found as whole words for the reader's
//! optional hints. A word ending in `*` finds every word it begins ("alleg*": alleged, allegedly,
//! allegations); an entry of several words finds them in a row, as written.

use crate::core::text::lines::{one_a_line, ListError};
use crate::core::text::search::{is_word_char, lower};

/// Glossa's list, for the lessons of the bundled articles: hedges first, then reporting verbs.
pub const DEFAULT_WORDS: [&str; 25] = [
    "alleg*",
    "reportedly",
    "purportedly",
    "apparently",
    "unconfirmed",
    "may",
    "might",
    "could",
    "likely",
    "possibly",
    "suggest*",
    "according to",
    "claim*",
    "said",
    "says",
    "stated",
    "insist*",
    "accus*",
    "warn*",
    "deny",
    "denies",
    "denied",
    "dismiss*",
    "reject*",
    "refut*",
];

/// How many entries a list may hold, and how long each may be.
pub const MOST_WORDS: usize = 60;
pub const MOST_WORD_CHARACTERS: usize = 40;

/// The entries of `text`, one a line, or why they are refused.
pub fn read_list(text: &str) -> Result<Vec<String>, String> {
    one_a_line(text, MOST_WORDS, MOST_WORD_CHARACTERS).map_err(|error| match error {
        ListError::TooLong(entry) => {
            format!("An entry is a word or a few (at most {MOST_WORD_CHARACTERS} characters): “{entry}” is longer.")
        }
        ListError::TooMany(count) => format!("The list holds at most {MOST_WORDS} entries; these are {count}."),
    })
}

/// `words` as the reader keeps them: empty means Glossa's.
pub fn in_use(words: &[String]) -> Vec<String> {
    match words.is_empty() {
        true => DEFAULT_WORDS.iter().map(|w| (*w).to_owned()).collect(),
        false => words.to_vec(),
    }
}

/// One entry, ready to compare: its characters lowercased, and whether it finds longer words.
struct Entry {
    chars: Vec<char>,
    stem: bool,
}

/// Every place in `text` where one of `words` stands as whole words, as code point ranges, left
/// to right and not overlapping (the longest entry at a place wins). Case is ignored.
pub fn find(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    let entries: Vec<Entry> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.trim_end_matches('*').trim().is_empty())
        .map(|w| Entry { stem: w.ends_with('*'), chars: w.trim_end_matches('*').trim_end().chars().map(lower).collect() })
        .collect();
    let mut found = Vec::new();
    if entries.is_empty() {
        return found;
    }
    // Walked once, in place: only where a word begins are the entries tried, and an entry whose
    // first character differs is left at once.
    let mut rest = text;
    let (mut at, mut previous) = (0usize, None::<char>);
    while let Some(first) = rest.chars().next() {
        let begins_word = is_word_char(first) && !previous.is_some_and(is_word_char);
        if begins_word {
            let longest = entries.iter().filter_map(|entry| matched(rest, entry)).max();
            if let Some(length) = longest {
                found.push((at, at + length));
                let mut chars = rest.chars();
                let mut last = None;
                for _ in 0..length {
                    last = chars.next();
                }
                rest = chars.as_str();
                at += length;
                previous = last;
                continue;
            }
        }
        rest = &rest[first.len_utf8()..];
        at += 1;
        previous = Some(first);
    }
    found
}

/// How many characters of `text` (which begins a word) `entry` covers, if it stands there.
fn matched(text: &str, entry: &Entry) -> Option<usize> {
    let mut chars = text.chars();
    for &wanted in &entry.chars {
        if lower(chars.next()?) != wanted {
            return None;
        }
    }
    let mut length = entry.chars.len();
    if entry.stem {
        while chars.clone().next().is_some_and(is_word_char) {
            chars.next();
            length += 1;
        }
    }
    (!chars.next().is_some_and(is_word_char)).then_some(length)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::offsets;

    fn found<'a>(text: &'a str, words: &[&str]) -> Vec<&'a str> {
        let words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        find(text, &words).into_iter().map(|(s, e)| offsets::slice(text, s, e).unwrap()).collect()
    }

    #[test]
    fn words_are_found_whole_ignoring_case() {
        let text = "Iran Denies it; the denial came after it denied. Deniers deny.";
        assert_eq!(found(text, &["denies", "denied", "deny"]), ["Denies", "denied", "deny"]);
        assert_eq!(found("She said: “mayday” may come.", &["may"]), ["may"], "not inside a longer word");
    }

    #[test]
    fn a_star_finds_every_word_an_entry_begins_and_several_words_are_found_in_a_row() {
        let text = "The alleged transfers, allegedly 400; allegations, according to Reuters, according  to none.";
        assert_eq!(found(text, &["alleg*", "according to"]), ["alleged", "allegedly", "allegations", "according to"]);
        assert_eq!(found("reported reportedly", &["reported", "report*"]), ["reported", "reportedly"], "the longest at a place");
    }

    #[test]
    fn offsets_are_code_points_past_any_character() {
        let text = "İ 👩‍🚀 “Iran’s” claims — reportedly";
        let words = vec!["claim*".to_owned(), "reportedly".to_owned()];
        let ranges = find(text, &words);
        let quoted: Vec<&str> = ranges.iter().map(|&(s, e)| offsets::slice(text, s, e).unwrap()).collect();
        assert_eq!(quoted, ["claims", "reportedly"]);
        assert_eq!(ranges[0].0, text.chars().position(|c| c == 'c').unwrap());
    }

    /// Property tests run natively (proptest is a native dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #[test]
            fn what_is_found_stands_alone_in_order_and_is_an_entry(text in "[aAbB’ .İé]{0,40}", words in proptest::collection::vec("[ab]{1,3}\\*?", 1..4)) {
                let chars: Vec<char> = text.chars().collect();
                let mut last_end = 0;
                for (start, end) in find(&text, &words) {
                    prop_assert!(start >= last_end && start < end && end <= chars.len());
                    prop_assert!(start == 0 || !is_word_char(chars[start - 1]));
                    prop_assert!(end == chars.len() || !is_word_char(chars[end]));
                    let quote: String = chars[start..end].iter().map(|&c| lower(c)).collect();
                    let fits = |w: &String| match w.strip_suffix('*') {
                        Some(stem) => quote.starts_with(stem),
                        None => quote == *w,
                    };
                    prop_assert!(words.iter().any(fits), "{quote} is none of {words:?}");
                    last_end = end;
                }
            }
        }
    }

    #[test]
    fn glossas_list_finds_the_hedges_of_the_bundled_articles() {
        let words = in_use(&[]);
        let article = &crate::core::model::document::bundled()[4];
        let hits: Vec<String> = find(&article.text, &words).into_iter().map(|(s, e)| article.quote(s, e).unwrap().to_lowercase()).collect();
        for expected in ["denies", "alleged", "allegations", "accuse"] {
            assert!(hits.iter().any(|h| h == expected), "{expected} in {hits:?}");
        }
        assert!(read_list(&"x\n".repeat(3)).unwrap() == ["x"]);
        assert!(read_list(&(0..61).map(|n| format!("w{n}\n")).collect::<String>()).unwrap_err().contains("at most 60"));
        assert!(find("", &[]).is_empty() && find("text", &["*".to_owned(), " ".to_owned()]).is_empty());
    }
}
