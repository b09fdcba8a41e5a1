//! The page's places as addresses (the URL fragment), so that a link, a reload, Back and Forward
//! reach them: an article (`#/a/<document>`), the teacher view (`#/teacher`), an answer key being
//! annotated (`#/key/<assignment>/<document>`), a student's hand-in under review
//! (`#/review/<assignment>/<student>/<document>`) and a class discussion
//! (`#/discussion/<assignment>/<document>`). Each part is percent-encoded: a student's name may
//! hold any character.

use crate::core::text::percent;

/// A place of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Address {
    /// The start page, no article open.
    Start,
    Article(String),
    Teacher,
    Key {
        assignment: String,
        document: String,
    },
    Review {
        assignment: String,
        student: String,
        document: String,
    },
    Discussion {
        assignment: String,
        document: String,
    },
}

impl Address {
    /// The fragment that names this place, `#` included (empty for the start page).
    pub fn fragment(&self) -> String {
        let parts: Vec<&str> = match self {
            Address::Start => return String::new(),
            Address::Article(document) => vec!["a", document],
            Address::Teacher => vec!["teacher"],
            Address::Key { assignment, document } => vec!["key", assignment, document],
            Address::Review { assignment, student, document } => vec!["review", assignment, student, document],
            Address::Discussion { assignment, document } => vec!["discussion", assignment, document],
        };
        let mut fragment = String::from("#");
        for (at, part) in parts.into_iter().enumerate() {
            fragment.push('/');
            // The kind of place is a word of ours; the rest may be anything.
            fragment.push_str(&if at == 0 { part.to_owned() } else { percent::encode(part) });
        }
        fragment
    }

    /// The place `fragment` names; `None` for a fragment that names none.
    pub fn parse(fragment: &str) -> Option<Address> {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        if path.is_empty() || path == "/" {
            return Some(Address::Start);
        }
        let parts: Vec<String> = path.strip_prefix('/')?.split('/').map(percent::decode).collect();
        let whole = |part: &String| !part.is_empty();
        match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
            ["a", document] => Some(Address::Article((*document).to_owned())),
            ["teacher"] => Some(Address::Teacher),
            ["key", assignment, document] => Some(Address::Key { assignment: (*assignment).to_owned(), document: (*document).to_owned() }),
            ["review", assignment, student, document] => Some(Address::Review {
                assignment: (*assignment).to_owned(),
                student: (*student).to_owned(),
                document: (*document).to_owned(),
            }),
            ["discussion", assignment, document] => {
                Some(Address::Discussion { assignment: (*assignment).to_owned(), document: (*document).to_owned() })
            }
            _ => None,
        }
        .filter(|_| parts.iter().all(whole))
    }

    /// The document this place shows, if it shows one.
    pub fn document(&self) -> Option<&str> {
        match self {
            Address::Start | Address::Teacher => None,
            Address::Article(document)
            | Address::Key { document, .. }
            | Address::Review { document, .. }
            | Address::Discussion { document, .. } => Some(document),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_goes_to_its_fragment_and_back() {
        let places = [
            Address::Start,
            Address::Article("004_de3ecafd94c781bd".into()),
            Address::Teacher,
            Address::Key { assignment: "a-1".into(), document: "d/1".into() },
            Address::Review { assignment: "a-1".into(), student: "Zoë O'Neil / 2b".into(), document: "004".into() },
            Address::Discussion { assignment: "a 1".into(), document: "text-9".into() },
        ];
        for place in places {
            assert_eq!(Address::parse(&place.fragment()), Some(place.clone()), "{}", place.fragment());
        }
        assert_eq!(Address::Article("x".into()).fragment(), "#/a/x", "the article's address is as it always was");
        assert_eq!(
            Address::Review { assignment: "a".into(), student: "Ada Lovelace".into(), document: "d".into() }.fragment(),
            "#/review/a/Ada%20Lovelace/d"
        );
    }

    #[test]
    fn a_fragment_that_names_no_place_is_none() {
        for fragment in ["#/nowhere", "#/a/", "#/review/a/b", "#/teacher/x", "#top", "#/a/x/y"] {
            assert_eq!(Address::parse(fragment), None, "{fragment}");
        }
        assert_eq!(Address::parse(""), Some(Address::Start));
        assert_eq!(Address::parse("#"), Some(Address::Start));
    }
}
