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

/// Every match of `query` in `text`, ignoring case, as code point ranges, left to right and not
/// overlapping. Matching goes character by character, so offsets stay those of `text` even
/// where lowercasing would change a string's length.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.chars().collect();
    if needle.is_empty() || query.trim().is_empty() {
        return Vec::new();
    }
    let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
    let mut found = Vec::new();
    // Walked in place: a document of a million characters is not copied into four megabytes of
    // `char`s for a search.
    let (mut rest, mut at) = (text, 0);
    while !rest.is_empty() {
        let mut chars = rest.chars();
        if needle.iter().all(|&n| chars.next().is_some_and(|h| same(n, h))) {
            found.push((at, at + needle.len()));
            at += needle.len();
        } else {
            chars = rest.chars();
            chars.next();
            at += 1;
        }
        rest = chars.as_str();
    }
    found
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
}
