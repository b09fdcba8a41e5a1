//! A list a person writes one item a line (kinds of source, kinds of text, hedges): blank lines
//! left out, each item trimmed, a repeat (in any case) kept once, within limits a list names.

/// Why a written list was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// This item is longer than an item may be.
    TooLong(String),
    /// The list has this many items, more than it may.
    TooMany(usize),
}

/// The items of `text`, one a line, in the order written; at most `most` of them, each at most
/// `most_characters` code points.
pub fn one_a_line(text: &str, most: usize, most_characters: usize) -> Result<Vec<String>, ListError> {
    let mut items: Vec<String> = Vec::new();
    for item in text.lines().map(str::trim).filter(|i| !i.is_empty()) {
        if item.chars().count() > most_characters {
            return Err(ListError::TooLong(item.to_owned()));
        }
        if !items.iter().any(|i| i.to_lowercase() == item.to_lowercase()) {
            items.push(item.to_owned());
        }
    }
    match items.len() > most {
        true => Err(ListError::TooMany(items.len())),
        false => Ok(items),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_trimmed_kept_once_and_held_to_the_limits() {
        assert_eq!(one_a_line(" a b \n\nA B\nc\n", 5, 10).unwrap(), ["a b", "c"]);
        assert_eq!(one_a_line("", 5, 10).unwrap(), Vec::<String>::new());
        assert_eq!(one_a_line("short\nmuch too long", 5, 10), Err(ListError::TooLong("much too long".into())));
        assert_eq!(one_a_line("a\nb\nc\nA", 2, 10), Err(ListError::TooMany(3)));
        assert_eq!(one_a_line("é\u{301}é", 5, 3).unwrap(), ["é\u{301}é"], "code points are counted");
    }
}
