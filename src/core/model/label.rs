//! The labels a span can carry.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// Stable identifier written into every annotation, e.g. `"claim"`.
    pub id: String,
    /// What the reader sees, e.g. `"Claim"`.
    pub name: String,
    /// CSS hex colour of the label's highlight.
    pub color: String,
    /// The key that applies the label.
    pub key: String,
    /// What the label marks, in a sentence or two for the person labelling (empty: none given).
    /// Absent before Glossa JSON version 4 and saved states of version 4.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    /// Up to `MOST_EXAMPLES` short passages the label fits, each as a text would have it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

/// How many examples a label may carry: enough to show its range, few enough to read at a glance.
pub const MOST_EXAMPLES: usize = 3;

impl Label {
    fn new(id: &str, name: &str, color: &str, key: &str, definition: &str, examples: &[&str]) -> Label {
        Label {
            id: id.into(),
            name: name.into(),
            color: color.into(),
            key: key.into(),
            definition: definition.into(),
            examples: examples.iter().map(|&e| e.into()).collect(),
        }
    }

    /// The label explained in one text, beginning with its name: what a pointer or focus on its
    /// button or tag shows and a screen reader reads. `None` when it has neither definition nor
    /// examples.
    pub fn explained(&self) -> Option<String> {
        self.explanation().map(|said| format!("{}: {said}", self.name))
    }

    /// The definition, then the examples ("For example: “…”; “…”."); `None` when there is
    /// neither.
    pub fn explanation(&self) -> Option<String> {
        let quoted: Vec<String> = self.examples.iter().map(|e| format!("“{e}”")).collect();
        match (self.definition.is_empty(), quoted.is_empty()) {
            (true, true) => None,
            (false, true) => Some(self.definition.clone()),
            (true, false) => Some(format!("For example: {}.", quoted.join("; "))),
            (false, false) => Some(format!("{} For example: {}.", self.definition, quoted.join("; "))),
        }
    }
}

/// Claim, Denial and Sanction, defined, with examples from the bundled articles. The colours come
/// from the Okabe–Ito palette, which stays distinguishable for the common forms of colour
/// blindness.
pub fn default_labels() -> Vec<Label> {
    vec![
        Label::new(
            "claim",
            "Claim",
            "#0072b2",
            "1",
            "A statement that something happened or is true, which the text reports and does not prove: an accusation, an \
             allegation or a report. Mark the statement, and say who makes it.",
            &[
                "reports from Western media outlets claiming that Iran transferred ballistic missiles to Russia",
                "the alleged transfers were said to bolster Russia’s military",
            ],
        ),
        Label::new(
            "denial",
            "Denial",
            "#d55e00",
            "2",
            "A statement by someone that a claim is false or did not happen: a denial, a rejection or a dismissal. Mark \
             it, say who denies, and link it to the claim it denies.",
            &[
                "Iran’s foreign minister has categorically denied allegations of supplying ballistic missiles to Russia",
                "calling them psychological warfare",
            ],
        ),
        Label::new(
            "sanction",
            "Sanction",
            "#009e73",
            "3",
            "A measure taken, announced or threatened in answer to a claim: a penalty or restriction by a government or \
             a body. Mark it, say who acts, and link it to the claim it answers.",
            &[
                "the G7 ministers have vowed to impose further sanctions on key sectors of Iran’s economy",
                "new sanctions aimed at crippling Iran’s defense and aerospace industries",
            ],
        ),
    ]
}

/// Evidence: built in, but off until a reader adds it (by its name, in the label editor) or a
/// teacher's assignment uses it, since most lessons begin with claims and denials alone.
pub fn evidence_label() -> Label {
    Label::new(
        "evidence",
        "Evidence",
        "#cc79a7",
        "4",
        "What the text offers to show a claim true or false: a figure, a document, a record, a source's own words or a \
         report by someone in a position to know. Mark it, say where it comes from, and link it to the claim it \
         supports or contradicts.",
        &[
            "these shipments, which began in January, include short-range ballistic weapons capable of reaching distances between 186 and 435 miles",
            "There will be more shipments. There is no reason to hide it.",
        ],
    )
}

/// Every label Glossa defines: the defaults and those built in but off.
pub fn built_in_labels() -> Vec<Label> {
    let mut labels = default_labels();
    labels.push(evidence_label());
    labels
}

/// The labels a teacher may give a class: their own, and Glossa's built-in ones they lack.
pub fn offered(own: &[Label]) -> Vec<Label> {
    let mut offered = own.to_vec();
    for built_in in built_in_labels() {
        if find(own, &built_in.id).is_none() && !own.iter().any(|l| l.name.eq_ignore_ascii_case(&built_in.name)) {
            adopt(&mut offered, built_in);
        }
    }
    offered
}

/// Labels saved by a Glossa that could not define them (saved states before version 4,
/// assignments of version 1), given the definitions and examples of Glossa's own labels where
/// they have its ids; the others stay as they are.
pub fn with_default_meanings(mut labels: Vec<Label>) -> Vec<Label> {
    let defaults = built_in_labels();
    for label in labels.iter_mut().filter(|l| l.definition.is_empty() && l.examples.is_empty()) {
        if let Some(own) = find(&defaults, &label.id) {
            label.definition = own.definition.clone();
            label.examples = own.examples.clone();
        }
    }
    labels
}

/// Whether black text reads better than white on `color` (`#rrggbb`): its relative luminance
/// (WCAG 2) is above 0.179, where the contrasts with black and with white are equal.
pub fn is_light(color: &str) -> bool {
    let channel = |at: usize| {
        let value = f64::from(u8::from_str_radix(color.get(at..at + 2).unwrap_or("00"), 16).unwrap_or(0)) / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5) > 0.179
}

/// Whether `color` is a CSS hex colour of the form `#rrggbb`, the only form labels use.
pub fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Adds `label` to `labels`. A key already taken (or none) is replaced by the first free digit,
/// or left empty when all are taken, so one key never applies two labels.
pub fn adopt(labels: &mut Vec<Label>, mut label: Label) {
    let taken = |key: &str| labels.iter().any(|l| l.key == key);
    if label.key.is_empty() || taken(&label.key) {
        label.key = ('1'..='9').map(String::from).find(|key| !taken(key)).unwrap_or_default();
    }
    labels.push(label);
}

/// The label set after another tab saved `theirs`: theirs, with the labels this tab added or
/// edited since both last agreed (`base`) kept as this tab has them. Labels are never deleted,
/// so nothing either tab made is lost.
pub fn join(ours: &[Label], base: &[Label], theirs: &[Label]) -> Vec<Label> {
    let mut joined = theirs.to_vec();
    for label in ours.iter().filter(|l| !base.contains(l)) {
        let key_clashes = joined.iter().any(|l| l.id != label.id && l.key == label.key && !label.key.is_empty());
        match joined.iter_mut().find(|j| j.id == label.id) {
            // Theirs gave the key to another label meanwhile: this one keeps the key it has there.
            Some(kept) if key_clashes => *kept = Label { key: kept.key.clone(), ..label.clone() },
            Some(kept) => *kept = label.clone(),
            None => adopt(&mut joined, label.clone()),
        }
    }
    joined
}

/// Colours for new labels: the rest of the Okabe–Ito palette, then its darker cousins.
const PALETTE: [&str; 8] = ["#e69f00", "#cc79a7", "#56b4e9", "#f0e442", "#000000", "#8c510a", "#7570b3", "#1b9e77"];

/// Keys that already mean something in the reader, so no label may take them.
const RESERVED_KEYS: [&str; 6] = ["?", "[", "]", " ", "/", "u"];

/// A new label named `name`, with an id made from the name, an unused colour and a free key;
/// named as one of Glossa's built-in labels it lacks, that label, defined.
pub fn add_new(labels: &mut Vec<Label>, name: &str) -> Result<Label, String> {
    let name = check_name(labels, name, None)?;
    if let Some(mut built_in) = built_in_labels().into_iter().find(|l| l.name.eq_ignore_ascii_case(&name) && find(labels, &l.id).is_none())
    {
        if labels.iter().any(|l| l.color.eq_ignore_ascii_case(&built_in.color)) {
            built_in.color = free_color(labels).to_owned();
        }
        adopt(labels, built_in);
        return Ok(labels.last().cloned().expect("just added"));
    }
    let base: String =
        name.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect::<String>().trim_matches('-').to_owned();
    let base = if base.is_empty() { "label".to_owned() } else { base };
    let id = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| find(labels, id).is_none())
        .expect("an unused id exists");
    let label = Label { id, name, color: free_color(labels).to_owned(), ..Label::default() };
    adopt(labels, label.clone());
    Ok(labels.last().cloned().unwrap_or(label))
}

/// The first colour of the palette no label has.
fn free_color(labels: &[Label]) -> &'static str {
    PALETTE.iter().find(|c| labels.iter().all(|l| !l.color.eq_ignore_ascii_case(c))).unwrap_or(&PALETTE[0])
}

/// Renames label `id`; names are what buttons are called, so they must be unique.
pub fn rename(labels: &mut [Label], id: &str, name: &str) -> Result<(), String> {
    let name = check_name(labels, name, Some(id))?;
    let label = labels.iter_mut().find(|l| l.id == id).ok_or("no such label")?;
    label.name = name;
    Ok(())
}

pub fn recolor(labels: &mut [Label], id: &str, color: &str) -> Result<(), String> {
    if !is_hex_color(color) {
        return Err(format!("“{color}” is not a colour of the form #rrggbb."));
    }
    let label = labels.iter_mut().find(|l| l.id == id).ok_or("no such label")?;
    label.color = color.to_lowercase();
    Ok(())
}

/// Gives label `id` the shortcut `key` (one character; empty for none).
pub fn set_key(labels: &mut [Label], id: &str, key: &str) -> Result<(), String> {
    if key.chars().count() > 1 {
        return Err("A shortcut is a single key.".into());
    }
    if RESERVED_KEYS.contains(&key) {
        return Err(format!("The key “{key}” already has another use."));
    }
    if let Some(other) = labels.iter().find(|l| l.id != id && !key.is_empty() && l.key == key) {
        return Err(format!("The key “{key}” already applies {}.", other.name));
    }
    let label = labels.iter_mut().find(|l| l.id == id).ok_or("no such label")?;
    label.key = key.to_owned();
    Ok(())
}

/// Gives label `id` the definition `text` (trimmed; empty for none).
pub fn define(labels: &mut [Label], id: &str, text: &str) -> Result<(), String> {
    let label = labels.iter_mut().find(|l| l.id == id).ok_or("no such label")?;
    label.definition = text.trim().to_owned();
    Ok(())
}

/// Gives label `id` the examples of `text`, one a line (blank lines left out, each trimmed of
/// spaces and of the quotation marks a person may type around it).
pub fn set_examples(labels: &mut [Label], id: &str, text: &str) -> Result<(), String> {
    let examples: Vec<String> =
        text.lines().map(|line| line.trim().trim_matches(['"', '“', '”']).trim().to_owned()).filter(|line| !line.is_empty()).collect();
    if examples.len() > MOST_EXAMPLES {
        return Err(format!("A label has at most {MOST_EXAMPLES} examples, one a line; these are {}.", examples.len()));
    }
    let label = labels.iter_mut().find(|l| l.id == id).ok_or("no such label")?;
    label.examples = examples;
    Ok(())
}

/// Moves label `id` one place earlier (`-1`) or later (`1`) in the toolbar.
pub fn move_label(labels: &mut [Label], id: &str, by: isize) {
    let Some(at) = labels.iter().position(|l| l.id == id) else {
        return;
    };
    let to = at.saturating_add_signed(by);
    if to < labels.len() {
        labels.swap(at, to);
    }
}

fn check_name(labels: &[Label], name: &str, except: Option<&str>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A label needs a name.".into());
    }
    if labels.iter().any(|l| Some(l.id.as_str()) != except && l.name.to_lowercase() == name.to_lowercase()) {
        return Err(format!("There is already a label named “{name}”."));
    }
    Ok(name.to_owned())
}

/// The label with identifier `id`.
pub fn find<'a>(labels: &'a [Label], id: &str) -> Option<&'a Label> {
    labels.iter().find(|label| label.id == id)
}

/// The name label `id` is shown by; an id no label has shows as itself.
pub fn name_of<'a>(labels: &'a [Label], id: &'a str) -> &'a str {
    find(labels, id).map_or(id, |l| l.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_made_or_edited_in_either_tab_are_kept() {
        let base = default_labels();
        let mut ours = base.clone();
        let source = add_new(&mut ours, "Source").unwrap();
        ours[0].name = "Allegation".into();
        let mut theirs = base.clone();
        let quote = add_new(&mut theirs, "Quote").unwrap();
        theirs[1].color = "#000000".into();
        let joined = join(&ours, &base, &theirs);
        let names: Vec<&str> = joined.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Allegation", "Denial", "Sanction", "Quote", "Source"]);
        assert_eq!(joined[1].color, "#000000");
        assert_eq!(quote.key, source.key, "both tabs gave their new label the first free key");
        assert_ne!(joined[3].key, joined[4].key, "the joined set never gives one key two labels");
        assert_eq!(join(&base, &base, &theirs), theirs, "nothing changed here: theirs as it is");
    }

    #[test]
    fn evidence_is_built_in_but_off_until_added_by_its_name_or_offered_to_a_class() {
        assert!(find(&default_labels(), "evidence").is_none(), "off by default");
        let mut labels = default_labels();
        let added = add_new(&mut labels, "evidence").unwrap();
        assert_eq!(added, evidence_label(), "named so, it comes defined");
        let names = |labels: &[Label]| labels.iter().map(|l| l.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&offered(&default_labels())), ["Claim", "Denial", "Sanction", "Evidence"]);
        assert_eq!(offered(&labels), labels, "nothing offered twice");
        let mut own = default_labels();
        set_key(&mut own, "claim", "4").unwrap();
        let given = offered(&own);
        assert_ne!(find(&given, "evidence").unwrap().key, "4", "a key taken keeps its label");
    }

    #[test]
    fn light_colours_take_black_text() {
        assert!(is_light("#ffffff") && is_light("#f0e442") && is_light("#e69f00"));
        assert!(!is_light("#000000") && !is_light("#0072b2") && !is_light("#a4281b"));
        assert!(is_light("#d55e00"), "vermillion: black contrasts 5.4 to 1, white 3.9");
    }

    #[test]
    fn defaults_have_distinct_ids_keys_and_colours() {
        let labels = built_in_labels();
        let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Claim", "Denial", "Sanction", "Evidence"]);
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

    #[test]
    fn the_default_labels_are_defined_with_examples_quoted_from_the_bundled_articles() {
        let texts: Vec<String> = crate::core::model::document::bundled().iter().map(|d| d.text.clone()).collect();
        for label in built_in_labels() {
            assert!(label.definition.len() > 60, "{} is defined", label.name);
            assert!((1..=MOST_EXAMPLES).contains(&label.examples.len()));
            for example in &label.examples {
                assert!(texts.iter().any(|t| t.contains(example.as_str())), "“{example}” is quoted from an article");
            }
            assert!(label.explained().unwrap().starts_with(&format!("{}: ", label.name)));
        }
    }

    #[test]
    fn a_label_is_explained_in_one_text_beginning_with_its_name() {
        let mut labels = default_labels();
        let source = add_new(&mut labels, "Source").unwrap();
        assert_eq!(source.explained(), None, "nothing to explain");
        define(&mut labels, "source", "  Who a claim comes from. ").unwrap();
        assert_eq!(labels[3].explained().as_deref(), Some("Source: Who a claim comes from."));
        set_examples(&mut labels, "source", "\n “a senior U.S. official” \n\n\"Iran’s foreign minister\"\n").unwrap();
        assert_eq!(labels[3].examples, ["a senior U.S. official", "Iran’s foreign minister"]);
        assert_eq!(
            labels[3].explained().as_deref(),
            Some("Source: Who a claim comes from. For example: “a senior U.S. official”; “Iran’s foreign minister”.")
        );
        define(&mut labels, "source", "").unwrap();
        assert_eq!(labels[3].explained().as_deref(), Some("Source: For example: “a senior U.S. official”; “Iran’s foreign minister”."));
        assert_eq!(
            set_examples(&mut labels, "source", "a\nb\nc\nd").unwrap_err(),
            "A label has at most 3 examples, one a line; these are 4."
        );
        assert_eq!(labels[3].examples.len(), 2, "a refused edit changes nothing");
        assert_eq!(define(&mut labels, "rumour", "x").unwrap_err(), "no such label");
    }

    #[test]
    fn a_label_without_definition_or_examples_is_written_as_before() {
        let mut labels = default_labels();
        let source = add_new(&mut labels, "Source").unwrap();
        assert_eq!(serde_json::to_string(&source).unwrap(), r##"{"id":"source","name":"Source","color":"#e69f00","key":"4"}"##);
        let read: Label = serde_json::from_str(r##"{"id":"source","name":"Source","color":"#e69f00","key":"4"}"##).unwrap();
        assert_eq!(read, source);
    }

    #[test]
    fn new_labels_get_an_id_a_fresh_colour_and_a_free_key() {
        let mut labels = default_labels();
        let source = add_new(&mut labels, "  Source of claim ").unwrap();
        assert_eq!((source.id.as_str(), source.name.as_str(), source.key.as_str()), ("source-of-claim", "Source of claim", "4"));
        assert!(labels.iter().filter(|l| l.color == source.color).count() == 1);
        assert_eq!(add_new(&mut labels, "claim").unwrap_err(), "There is already a label named “claim”.");
        assert_eq!(add_new(&mut labels, " ").unwrap_err(), "A label needs a name.");
        let odd = add_new(&mut labels, "!!!").unwrap();
        assert_eq!(odd.id, "label");
        assert_eq!(add_new(&mut labels, "?!").unwrap().id, "label-2");
    }

    #[test]
    fn labels_are_renamed_recoloured_rekeyed_and_reordered() {
        let mut labels = default_labels();
        rename(&mut labels, "claim", "Assertion").unwrap();
        assert!(rename(&mut labels, "denial", "assertion").is_err());
        rename(&mut labels, "denial", "denial").unwrap();
        recolor(&mut labels, "claim", "#ABCDEF").unwrap();
        assert!(recolor(&mut labels, "claim", "blue").is_err());
        assert_eq!(set_key(&mut labels, "claim", "2").unwrap_err(), "The key “2” already applies denial.");
        assert!(set_key(&mut labels, "claim", "?").is_err());
        assert!(set_key(&mut labels, "claim", "ab").is_err());
        set_key(&mut labels, "claim", "a").unwrap();
        set_key(&mut labels, "denial", "").unwrap();
        move_label(&mut labels, "sanction", -1);
        move_label(&mut labels, "claim", -1);
        let summary: Vec<(&str, &str, &str, &str)> =
            labels.iter().map(|l| (l.id.as_str(), l.name.as_str(), l.color.as_str(), l.key.as_str())).collect();
        assert_eq!(
            summary,
            [("claim", "Assertion", "#abcdef", "a"), ("sanction", "Sanction", "#009e73", "3"), ("denial", "denial", "#d55e00", "")]
        );
    }

    #[test]
    fn adopted_labels_never_share_a_key() {
        let mut labels = default_labels();
        adopt(&mut labels, Label::new("source", "Source", "#cc79a7", "1", "", &[]));
        adopt(&mut labels, Label::new("rumour", "Rumour", "#f0e442", "r", "", &[]));
        adopt(&mut labels, Label::new("hedge", "Hedge", "#56b4e9", "", "", &[]));
        let keys: Vec<&str> = labels.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["1", "2", "3", "4", "r", "5"]);
        assert!(is_hex_color("#A0b1c2") && !is_hex_color("red") && !is_hex_color("#12345g") && !is_hex_color("#fff"));
    }
}
