//! The labels a span can carry.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Stable identifier written into every annotation, e.g. `"claim"`.
    pub id: String,
    /// What the reader sees, e.g. `"Claim"`.
    pub name: String,
    /// CSS hex colour of the label's highlight.
    pub color: String,
    /// The key that applies the label.
    pub key: String,
}

impl Label {
    fn new(id: &str, name: &str, color: &str, key: &str) -> Label {
        Label { id: id.into(), name: name.into(), color: color.into(), key: key.into() }
    }
}

/// Claim, Denial and Sanction. The colours come from the Okabe–Ito palette, which stays
/// distinguishable for the common forms of colour blindness.
pub fn default_labels() -> Vec<Label> {
    vec![
        Label::new("claim", "Claim", "#0072b2", "1"),
        Label::new("denial", "Denial", "#d55e00", "2"),
        Label::new("sanction", "Sanction", "#009e73", "3"),
    ]
}

/// The label with identifier `id`.
pub fn find<'a>(labels: &'a [Label], id: &str) -> Option<&'a Label> {
    labels.iter().find(|label| label.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_distinct_ids_keys_and_colours() {
        let labels = default_labels();
        let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Claim", "Denial", "Sanction"]);
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.key, b.key);
                assert_ne!(a.color, b.color);
            }
        }
        assert_eq!(find(&labels, "denial").map(|l| l.key.as_str()), Some("2"));
        assert_eq!(find(&labels, "rumour"), None);
    }
}
