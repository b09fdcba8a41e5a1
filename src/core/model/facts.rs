//! What a document is, as a source: its **Kind** (news report, official statement, opinion…),
//! its **Outlet** and its **Date**. A bundled article's are what its own text says, and no more;
//! a document of one's own has the ones its reader gives it.

/// A document's facts as a source; an empty field is one nobody has said. Files and the saved
/// state write them as three fields of the document they describe.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub kind: String,
    pub outlet: String,
    /// As the text or the reader gives it: "2024-09-10", "September 2024".
    pub date: String,
}

/// The kinds of text, as media-literacy lessons sort them before anything else.
pub const TEXT_KINDS: [&str; 6] = ["news report", "official statement", "opinion", "analysis", "aggregator or blog", "other"];

/// How long an outlet's name or a date may be: a name, not a paragraph.
pub const MOST_FACT_CHARACTERS: usize = 80;

impl Facts {
    /// Whether nobody has said any of them.
    pub fn is_empty(&self) -> bool {
        self.kind.is_empty() && self.outlet.is_empty() && self.date.is_empty()
    }

    /// The facts as given in three fields, trimmed; `None` when one is longer than a fact is.
    pub fn given(kind: &str, outlet: &str, date: &str) -> Result<Facts, String> {
        let field = |name: &str, value: &str| match value.trim().chars().count() > MOST_FACT_CHARACTERS {
            true => Err(format!("{name} is a name or a date, at most {MOST_FACT_CHARACTERS} characters.")),
            false => Ok(value.trim().to_owned()),
        };
        Ok(Facts { kind: field("Kind", kind)?, outlet: field("Outlet", outlet)?, date: field("Date", date)? })
    }
}

/// What the bundled article `id`'s own text says of it; nothing for another id. None of the five
/// dates itself, and only one names its outlet.
pub fn bundled_facts(id: &str) -> Facts {
    let (kind, outlet) = match id {
        // Reports the G7 ministers' statement and what followed, under a journalist's byline.
        "000_cfc69700117ac758" => ("news report", ""),
        // "This article explores the broader implications of these allegations, analyzing…"
        "001_0498907b85d31520" => ("analysis", ""),
        // Retells Reuters' report; "Conservative News Daily does not always share or support the
        // views and opinions expressed here".
        "002_e1ccba8a638ce329" => ("aggregator or blog", "Conservative News Daily"),
        // A blog post: hashtags under the title, "Comments are closed", "WP Twitter Auto Publish".
        "003_1b9cfbb7f56d177f" => ("aggregator or blog", ""),
        // "At a Glance", then the accusation, the denial and the sanctions, with its sources listed.
        "004_de3ecafd94c781bd" => ("news report", ""),
        _ => ("", ""),
    };
    Facts { kind: kind.into(), outlet: outlet.into(), date: String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bundled_article_has_a_kind_of_the_list_and_an_outlet_only_its_text_names() {
        for document in crate::core::model::document::bundled() {
            let facts = bundled_facts(&document.id);
            assert!(TEXT_KINDS.contains(&facts.kind.as_str()), "{}", document.id);
            assert!(facts.outlet.is_empty() || document.text.contains(&facts.outlet), "{}", document.id);
            assert!(facts.date.is_empty());
        }
        assert_eq!(bundled_facts("mine"), Facts::default());
    }

    #[test]
    fn facts_are_trimmed_and_kept_short() {
        assert_eq!(Facts::given(" opinion ", " The Daily ", "2024-09-10").unwrap().outlet, "The Daily");
        assert!(Facts::given("news report", &"x".repeat(81), "").unwrap_err().starts_with("Outlet is a name"));
        assert!(Facts::default().is_empty() && !Facts::given("", "", "2024").unwrap().is_empty());
    }
}
