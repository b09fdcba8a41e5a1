//! What this browser keeps of the classroom, saved apart from the work: the assignments a
//! teacher made here (how the key travels, the hand-ins collected, comments for each student),
//! and the assignments a student opened here (their name, when they handed in, the key once it
//! may be seen, the comments returned). The annotations themselves, the key's and the student's,
//! are layers of the work (`assignment::Layer`).
//!
//! Tabs of one browser share the record, and `join` takes in what another tab saved as the work's
//! sync does: an assignment's settings and a student's side of an assignment by their latest
//! change (`updated_at`), the hand-ins collected as one class (the newest of each student), and
//! comments one by one by their latest change; a comment cleared is kept, empty, so that its
//! clearing is a change too. No assignment is ever removed, so none is lost by a join.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::classroom::assignment::{Assignment, Kinds, LocalIds};
use crate::core::classroom::hand_in::{Comment, HandIn};
use crate::core::model::annotation::Annotation;
use crate::core::model::timestamp;
use crate::core::text::json;
use crate::core::text::search::fold_name;

/// Version 2's assignments may define their labels (`Label::definition`, `Label::examples`).
pub const VERSION: u32 = 2;

/// How the teacher chose to send the key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyTravel {
    /// It stays with the teacher.
    #[default]
    Kept,
    /// In the student copy, readable.
    Open,
    /// In the student copy, encrypted under a passphrase.
    Locked,
}

/// An assignment made here, with its class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teaching {
    /// Its `key` is always `Kept` here: the key is the work's key layer until it is exported.
    pub assignment: Assignment,
    #[serde(default)]
    pub key_travel: KeyTravel,
    #[serde(default)]
    pub collected: Vec<HandIn>,
    /// Comments for each student, by the name on their hand-in; a cleared one is kept, empty.
    #[serde(default)]
    pub comments: BTreeMap<String, Vec<Comment>>,
    /// Every other hand-in collected: earlier (or later) rounds of a student whose counted one is
    /// in `collected`. None is ever dropped; the teacher chooses which counts.
    #[serde(default)]
    pub rounds: Vec<HandIn>,
    /// Which hand-in the teacher chose to count, by student (folded), where it is not the newest.
    #[serde(default)]
    pub chosen: BTreeMap<String, Chosen>,
    /// When the assignment or how its key travels last changed (not its hand-ins or comments,
    /// which are joined one by one); empty in records saved before tabs joined them.
    #[serde(default)]
    pub updated_at: String,
}

impl Teaching {
    pub fn new(assignment: Assignment, now: &str) -> Teaching {
        Teaching {
            assignment,
            key_travel: KeyTravel::Kept,
            collected: Vec::new(),
            rounds: Vec::new(),
            chosen: BTreeMap::new(),
            comments: BTreeMap::new(),
            updated_at: now.to_owned(),
        }
    }

    /// Adds `work` to the class: a student's first hand-in counts; a later one counts instead of
    /// the one counted, which is kept as a round, and an earlier one is kept as a round; the same
    /// file again is not kept twice. Students are told apart ignoring case and spacing.
    pub fn collect(&mut self, work: HandIn) -> Collected {
        let name = fold_name(&work.student);
        let Some(at) = self.collected.iter().position(|w| fold_name(&w.student) == name) else {
            self.collected.push(work);
            return Collected::New;
        };
        if self.collected[at].same_as(&work) || self.rounds.iter().any(|w| w.same_as(&work)) {
            return Collected::Again;
        }
        let counts = work.later_than(&self.collected[at]);
        if counts {
            // The newest counts again: a choice made before it came is the teacher's to make anew.
            self.chosen.remove(&name);
            let earlier = std::mem::replace(&mut self.collected[at], work);
            self.rounds.push(earlier);
        } else {
            self.rounds.push(work);
        }
        let hand_ins = 1 + self.rounds.iter().filter(|w| fold_name(&w.student) == name).count();
        Collected::Round { hand_ins, counts }
    }

    /// Every hand-in of `student` (the counted one among them), in the order handed in.
    pub fn hand_ins_of(&self, student: &str) -> Vec<&HandIn> {
        let name = fold_name(student);
        let mut all: Vec<&HandIn> = self.collected.iter().chain(&self.rounds).filter(|w| fold_name(&w.student) == name).collect();
        all.sort_by_key(|w| timestamp::parse_millis(&w.handed_in_at));
        all
    }

    /// Makes `student`'s hand-in of `handed_in_at` the one that counts, chosen `now`; the one
    /// counted before becomes a round.
    pub fn count(&mut self, student: &str, handed_in_at: &str, now: &str) {
        let name = fold_name(student);
        let (Some(counted), Some(round)) = (
            self.collected.iter().position(|w| fold_name(&w.student) == name),
            self.rounds.iter().position(|w| fold_name(&w.student) == name && w.handed_in_at == handed_in_at),
        ) else {
            return;
        };
        std::mem::swap(&mut self.collected[counted], &mut self.rounds[round]);
        self.chosen.insert(name, Chosen { handed_in_at: handed_in_at.to_owned(), at: now.to_owned() });
    }

    /// The comments for `student` that say something (not the cleared ones).
    pub fn comments_for(&self, student: &str) -> Vec<Comment> {
        self.comments.get(student).map(|all| all.iter().filter(|c| !c.text.trim().is_empty()).cloned().collect()).unwrap_or_default()
    }

    /// Writes `comment` for `student` at `now`, in place of the one on the same passage; an empty
    /// one clears it.
    pub fn comment(&mut self, student: &str, mut comment: Comment, now: &str) {
        now.clone_into(&mut comment.updated_at);
        let comments = self.comments.entry(student.to_owned()).or_default();
        match comments.iter_mut().find(|c| c.passage() == comment.passage()) {
            Some(kept) => *kept = comment,
            None => comments.push(comment),
        }
    }
}

/// The hand-in a teacher chose to count for a student, and when they chose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chosen {
    pub handed_in_at: String,
    pub at: String,
}

/// An assignment opened here by a student.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taking {
    /// As its file came, the key in whatever form it travelled, its documents under our ids.
    pub assignment: Assignment,
    /// The file's ids of documents known here by others.
    #[serde(default, skip_serializing_if = "LocalIds::is_empty")]
    pub local_ids: LocalIds,
    #[serde(default)]
    pub student: String,
    #[serde(default)]
    pub handed_in_at: Option<String>,
    /// The key, once the student may see it (after handing in, and its passphrase if locked).
    #[serde(default)]
    pub key: Option<BTreeMap<String, Vec<Annotation>>>,
    /// The kinds of text the key gives, seen with it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub key_kinds: Kinds,
    /// The kind of each text as the student chose it, when the assignment asks.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub kinds: Kinds,
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// When the student first saw the key (Check my work): from then on the work is frozen, and
    /// a hand-in made after says so.
    #[serde(default)]
    pub key_seen_at: Option<String>,
    /// When any of the above last changed here; empty in records saved before tabs joined them.
    #[serde(default)]
    pub updated_at: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRecord {
    #[serde(default)]
    pub teaching: Vec<Teaching>,
    #[serde(default)]
    pub taking: Vec<Taking>,
    /// The assignment taken here that was open when the page was left: it opens again.
    #[serde(default)]
    pub working_on: Option<String>,
}

impl ClassRecord {
    pub fn teaching(&self, id: &str) -> Option<&Teaching> {
        self.teaching.iter().find(|t| t.assignment.id == id)
    }

    /// The comments on passages written here before, for the teacher to take again: each text
    /// once (trimmed), the most used first, then alphabetically.
    pub fn comment_bank(&self) -> Vec<String> {
        let mut used: BTreeMap<&str, usize> = BTreeMap::new();
        let all = self.teaching.iter().flat_map(|t| t.comments.values().flatten());
        for comment in all.filter(|c| !c.is_on_the_whole_work()) {
            let text = comment.text.trim();
            if !text.is_empty() {
                *used.entry(text).or_default() += 1;
            }
        }
        let mut bank: Vec<(&str, usize)> = used.into_iter().collect();
        bank.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        bank.into_iter().map(|(text, _)| text.to_owned()).collect()
    }

    pub fn teaching_mut(&mut self, id: &str) -> Option<&mut Teaching> {
        self.teaching.iter_mut().find(|t| t.assignment.id == id)
    }

    pub fn taking(&self, id: &str) -> Option<&Taking> {
        self.taking.iter().find(|t| t.assignment.id == id)
    }

    pub fn taking_mut(&mut self, id: &str) -> Option<&mut Taking> {
        self.taking.iter_mut().find(|t| t.assignment.id == id)
    }

    /// The assignment `id`, made or taken here.
    pub fn assignment(&self, id: &str) -> Option<&Assignment> {
        self.teaching(id).map(|t| &t.assignment).or_else(|| self.taking(id).map(|t| &t.assignment))
    }

    /// Takes an assignment a student opened at `now`: a new one is added; one opened before keeps
    /// the student's name, hand-in and comments, and takes the file's texts and key.
    pub fn take(&mut self, assignment: Assignment, local_ids: LocalIds, now: &str) -> bool {
        match self.taking_mut(&assignment.id) {
            Some(taking) => {
                taking.assignment = assignment;
                taking.local_ids = local_ids;
                now.clone_into(&mut taking.updated_at);
                false
            }
            None => {
                let updated_at = now.to_owned();
                self.taking.push(Taking {
                    assignment,
                    local_ids,
                    student: String::new(),
                    handed_in_at: None,
                    key: None,
                    key_kinds: Kinds::new(),
                    kinds: Kinds::new(),
                    comments: Vec::new(),
                    key_seen_at: None,
                    updated_at,
                });
                true
            }
        }
    }
}

/// What collecting a hand-in did.
#[derive(Debug, PartialEq, Eq)]
pub enum Collected {
    /// The student's first.
    New,
    /// Another of a student's, now `hand_ins` in all; whether it is the one that counts.
    Round { hand_ins: usize, counts: bool },
    /// This very hand-in was collected before.
    Again,
}

/// `ours` with what `theirs` (another tab's record) holds joined in; the assignment open in
/// this tab stays ours. Joining is commutative in everything but that, associative and
/// idempotent, so tabs that take in each other's records in any order end alike.
pub fn join(ours: &ClassRecord, theirs: &ClassRecord) -> ClassRecord {
    let made_earlier = |x: &Assignment, y: &Assignment| (&x.created_at, &x.id) < (&y.created_at, &y.id);
    let mut teaching = ours.teaching.clone();
    for t in &theirs.teaching {
        let same = |kept: &Teaching| kept.assignment.id == t.assignment.id;
        merge_into(&mut teaching, t, same, |x, y| made_earlier(&x.assignment, &y.assignment), join_teaching);
    }
    let mut taking = ours.taking.clone();
    for t in &theirs.taking {
        let same = |kept: &Taking| kept.assignment.id == t.assignment.id;
        merge_into(&mut taking, t, same, |x, y| made_earlier(&x.assignment, &y.assignment), |x, y| latest(x, y, |t| &t.updated_at).clone());
    }
    ClassRecord { teaching, taking, working_on: ours.working_on.clone() }
}

/// What taking in another tab's saved record brings to this tab's.
#[derive(Debug, PartialEq)]
pub struct TakenIn {
    /// The record joined, where it differs from this tab's.
    pub changed: Option<ClassRecord>,
    /// Whether this tab's holds anything the saved one lacks, and so is to be written back.
    pub lacking: bool,
}

/// `theirs`, another tab's saved record, taken into `ours` (`join`). Which assignment is open is
/// each tab's own, and not a difference to write back.
pub fn take_in(ours: &ClassRecord, theirs: ClassRecord) -> TakenIn {
    let joined = join(ours, &theirs);
    let lacking = ClassRecord { working_on: None, ..joined.clone() } != ClassRecord { working_on: None, ..theirs };
    TakenIn { changed: (joined != *ours).then_some(joined), lacking }
}

/// Puts `item` into `list`, keeping the list in the order of `before`: in place of the element
/// `same` as it, joined with it by `join`, or where it belongs. Lists of a class are short.
fn merge_into<T: Clone>(
    list: &mut Vec<T>,
    item: &T,
    same: impl Fn(&T) -> bool,
    before: impl Fn(&T, &T) -> bool,
    join: impl Fn(&T, &T) -> T,
) {
    let item = match list.iter().position(same) {
        Some(at) => join(&list.remove(at), item),
        None => item.clone(),
    };
    let at = list.iter().position(|kept| before(&item, kept)).unwrap_or(list.len());
    list.insert(at, item);
}

/// The one of `a` and `b` changed last by `stamp`; at the same instant (or both unstamped), the one
/// that comes first in their JSON, so that every tab picks the same.
fn latest<'a, T: Serialize>(a: &'a T, b: &'a T, stamp: impl Fn(&T) -> &String) -> &'a T {
    let at = |t: &T| timestamp::parse_millis(stamp(t));
    match at(a).cmp(&at(b)) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => {
            let json = |t: &T| json::write(t).unwrap_or_default();
            if json(a) <= json(b) {
                a
            } else {
                b
            }
        }
    }
}

/// Two tabs' copies of one assignment: its settings as last changed, every hand-in of either
/// (in the order handed in), each student's choice of hand-in as last made, and each comment as
/// last written (in text order). Of each student the chosen hand-in counts, else the newest.
fn join_teaching(a: &Teaching, b: &Teaching) -> Teaching {
    let settings = latest(a, b, |t| &t.updated_at);
    let mut chosen = a.chosen.clone();
    for (student, choice) in &b.chosen {
        let kept = chosen.get(student).map_or(choice, |kept| latest(kept, choice, |c| &c.at)).clone();
        chosen.insert(student.clone(), kept);
    }
    let earlier = |x: &HandIn, y: &HandIn| (&x.handed_in_at, &x.student) < (&y.handed_in_at, &y.student);
    let mut all = Vec::new();
    for work in [a, b].into_iter().flat_map(|t| t.collected.iter().chain(&t.rounds)) {
        // The same hand-in in both (its name written apart): one, the same whichever tab joins.
        merge_into(&mut all, work, |kept: &HandIn| kept.same_as(work), earlier, |x, y| latest(x, y, |w| &w.handed_in_at).clone());
    }
    let (mut collected, mut rounds): (Vec<HandIn>, Vec<HandIn>) = (Vec::new(), Vec::new());
    for work in &all {
        let name = fold_name(&work.student);
        if collected.iter().any(|c: &HandIn| fold_name(&c.student) == name) {
            continue;
        }
        let theirs: Vec<&HandIn> = all.iter().filter(|w| fold_name(&w.student) == name).collect();
        let choice = chosen.get(&name).and_then(|c| theirs.iter().find(|w| w.handed_in_at == c.handed_in_at));
        let Some(&counted) = choice.or(theirs.last()) else { continue };
        collected.push(counted.clone());
        rounds.extend(theirs.into_iter().filter(|w| !std::ptr::eq(*w, counted)).cloned());
    }
    let mut comments: BTreeMap<String, Vec<Comment>> = BTreeMap::new();
    for (student, list) in a.comments.iter().chain(&b.comments) {
        let joined = comments.entry(student.clone()).or_default();
        for comment in list {
            let same = |kept: &Comment| kept.passage() == comment.passage();
            merge_into(joined, comment, same, |x, y| x.passage() < y.passage(), |x, y| latest(x, y, |c| &c.updated_at).clone());
        }
    }
    Teaching { collected, rounds, chosen, comments, ..settings.clone() }
}

/// How the student `index` (from 0) is named where names must not show: "Student A", …,
/// "Student Z", "Student AA", …
pub fn alias(index: usize) -> String {
    let mut letters = String::new();
    let mut n = index + 1;
    while n > 0 {
        letters.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    format!("Student {letters}")
}

/// The saved classroom as JSON.
pub fn to_json(classroom: &ClassRecord) -> String {
    // Field by field, not flattened: a flattened record would be written by a serializer of its
    // own, a second copy of all its code beside the one `join` uses to break ties.
    #[derive(Serialize)]
    struct Saved<'a> {
        version: u32,
        teaching: &'a [Teaching],
        taking: &'a [Taking],
        working_on: &'a Option<String>,
    }
    let ClassRecord { teaching, taking, working_on } = classroom;
    json::write(&Saved { version: VERSION, teaching, taking, working_on }).expect("plain data serializes")
}

/// Whether `raw` is a record saved by a newer Glossa (which this one must not write over).
pub fn is_newer(raw: &str) -> bool {
    let version = json::read::<serde_json::Value>(raw).ok().and_then(|value| value.get("version")?.as_u64());
    version.is_some_and(|v| v > u64::from(VERSION))
}

/// Reads the saved classroom, or says why it cannot be read.
///
/// The text is read twice, for the version and then into the record's types, never through a tree
/// of JSON values: reading each type from such a tree would need code of its own in every download.
pub fn read(raw: &str) -> Result<ClassRecord, String> {
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<serde_json::Value>,
    }
    let version = match json::read::<Versioned>(raw) {
        // serde reads a struct from an array too.
        Ok(versioned) => versioned.version.filter(|_| raw.trim_start().starts_with('{')).and_then(|v| v.as_u64()),
        // Valid JSON, but no object.
        Err(e) if e.is_data() => None,
        Err(e) => return Err(format!("it is not valid JSON ({e})")),
    };
    match version {
        Some(version @ 1..=2) => {
            let mut record: ClassRecord = json::read(raw).map_err(|e| format!("it does not have the expected shape ({e})"))?;
            if version < 2 {
                let assignments =
                    record.teaching.iter_mut().map(|t| &mut t.assignment).chain(record.taking.iter_mut().map(|t| &mut t.assignment));
                for assignment in assignments {
                    assignment.labels = crate::core::model::label::with_default_meanings(std::mem::take(&mut assignment.labels));
                }
            }
            Ok(record)
        }
        Some(other) => Err(format!("its version is {other}, which this Glossa does not know")),
        None => Err("it has no version".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_that_cannot_be_read_says_why() {
        assert_eq!(read(r#"{"version": 1}"#), Ok(ClassRecord::default()));
        let why = |raw: &str| read(raw).unwrap_err();
        assert!(why("{").starts_with("it is not valid JSON"), "{}", why("{"));
        for not_an_object in ["[1]", "\"text\"", "{}"] {
            assert_eq!(why(not_an_object), "it has no version");
        }
        assert_eq!(read(r#"{"version": 2}"#), Ok(ClassRecord::default()), "version 1 and 2 read alike");
        assert_eq!(why(r#"{"version": 3}"#), "its version is 3, which this Glossa does not know");
        assert!(why(r#"{"version": 1, "taking": 3}"#).starts_with("it does not have the expected shape"));
    }

    #[test]
    fn the_classroom_reads_back_and_a_reopened_assignment_keeps_the_students_work() {
        let mut classroom = ClassRecord::default();
        let assignment = Assignment::new("a-1".into(), "Week 3", "2026-11-23T10:00:00Z");
        assert!(classroom.take(assignment.clone(), LocalIds::default(), "2026-11-23T10:00:00Z"));
        classroom.taking_mut("a-1").unwrap().student = "Ada".into();
        let mut again = assignment.clone();
        again.instructions = "Mark every denial.".into();
        assert!(!classroom.take(again, LocalIds::default(), "2026-11-23T10:05:00Z"));
        assert_eq!(classroom.taking("a-1").unwrap().student, "Ada");
        assert_eq!(classroom.assignment("a-1").unwrap().instructions, "Mark every denial.");
        classroom.teaching.push(Teaching { key_travel: KeyTravel::Locked, ..Teaching::new(assignment, "2026-11-23T10:00:00Z") });
        assert_eq!(read(&to_json(&classroom)), Ok(classroom.clone()));
        assert!(read(r#"{"version": 9}"#).is_err());
        assert!(is_newer(r#"{"version": 9}"#) && !is_newer(&to_json(&classroom)) && !is_newer("{"));
    }

    fn comment(on: usize, text: &str, at: &str) -> Comment {
        let updated_at = at.to_owned();
        Comment { document: "d".into(), start: on, end: on + 4, quote: "Iran".into(), annotation_id: None, text: text.into(), updated_at }
    }

    #[test]
    fn the_comment_bank_offers_each_passage_comment_once_the_most_used_first() {
        let mut teaching = Teaching::new(Assignment::new("a-1".into(), "Week 3", "t"), "t");
        teaching.comment("Ada", comment(0, "Who says so?", "x"), "t1");
        teaching.comment("Ada", comment(10, "  Good. ", "x"), "t1");
        teaching.comment("Grace", comment(0, "Who says so?", "x"), "t1");
        teaching.comment("Grace", comment(20, "", "x"), "t1");
        teaching.comment("Grace", Comment::on_the_whole_work("Careful work overall.".into()), "t1");
        let record = ClassRecord { teaching: vec![teaching], ..ClassRecord::default() };
        assert_eq!(record.comment_bank(), ["Who says so?", "Good."], "cleared and whole-work comments are not offered");
    }

    fn hand_in(student: &str, at: &str) -> HandIn {
        HandIn::of(&Assignment::new("a-1".into(), "Week 3", "t"), student, &BTreeMap::new(), &Kinds::new(), at)
    }

    /// A record as two tabs leave it: `older` opened before `newer` made its assignment.
    fn two_tabs() -> (ClassRecord, ClassRecord) {
        let base = Teaching::new(Assignment::new("a-1".into(), "Week 3", "2026-11-23T10:00:00Z"), "2026-11-23T10:00:00Z");
        let mut older = ClassRecord { teaching: vec![base.clone()], ..ClassRecord::default() };
        let mut newer = older.clone();
        // The newer tab makes an assignment, retitles the first, collects Ada's and Grace's
        // work and comments on Ada's.
        newer.teaching.push(Teaching::new(Assignment::new("b-2".into(), "Week 4", "2026-11-23T10:10:00Z"), "2026-11-23T10:10:00Z"));
        newer.teaching[0].assignment.title = "Week 3: denials".into();
        newer.teaching[0].updated_at = "2026-11-23T10:20:00Z".into();
        newer.teaching[0].collected = vec![hand_in("Ada", "2026-11-23T11:00:00Z"), hand_in("Grace", "2026-11-23T11:00:00Z")];
        newer.teaching[0].comment("Ada", comment(0, "Who says so?", "x"), "2026-11-23T12:00:00Z");
        newer.teaching[0].comment("Ada", comment(10, "Good.", "x"), "2026-11-23T12:00:00Z");
        // The older tab, meanwhile, edits the instructions (before the retitling), collects a
        // newer hand-in of Ada's, and clears the comment on the same passage, later.
        older.teaching[0].assignment.instructions = "Mark every denial.".into();
        older.teaching[0].updated_at = "2026-11-23T10:15:00Z".into();
        older.teaching[0].collected = vec![hand_in("ada", "2026-11-23T11:30:00Z")];
        older.teaching[0].comment("Ada", comment(10, "", "x"), "2026-11-23T12:30:00Z");
        older.working_on = Some("a-1".into());
        (older, newer)
    }

    #[test]
    fn tabs_join_their_records_item_by_item_the_latest_change_winning() {
        let (older, newer) = two_tabs();
        let joined = join(&older, &newer);
        let ids: Vec<&str> = joined.teaching.iter().map(|t| t.assignment.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "b-2"], "the assignment made in the newer tab is kept, in the order made");
        let first = &joined.teaching[0];
        assert_eq!(first.assignment.title, "Week 3: denials", "the later edit of the settings wins");
        let collected: Vec<(&str, &str)> = first.collected.iter().map(|w| (w.student.as_str(), w.handed_in_at.as_str())).collect();
        assert_eq!(collected, [("ada", "2026-11-23T11:30:00Z"), ("Grace", "2026-11-23T11:00:00Z")], "each student's newest counts");
        assert_eq!(
            first.rounds.iter().map(|w| w.handed_in_at.as_str()).collect::<Vec<_>>(),
            ["2026-11-23T11:00:00Z"],
            "Ada's earlier one is kept"
        );
        let texts: Vec<&str> = first.comments["Ada"].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Who says so?", ""], "comments one by one; the later clearing wins");
        assert_eq!(first.comments_for("Ada").len(), 1);
        assert_eq!(joined.working_on.as_deref(), Some("a-1"), "the open assignment stays the tab's own");
    }

    #[test]
    fn every_hand_in_is_kept_the_newest_counts_and_the_teacher_may_choose_another() {
        let mut class = Teaching::new(Assignment::new("a-1".into(), "Week 3", "t"), "t");
        assert_eq!(class.collect(hand_in("Ada", "2026-11-23T11:00:00Z")), Collected::New);
        assert_eq!(class.collect(hand_in("ada ", "2026-11-23T12:00:00Z")), Collected::Round { hand_ins: 2, counts: true });
        assert_eq!(class.collect(hand_in("ADA", "2026-11-23T10:00:00Z")), Collected::Round { hand_ins: 3, counts: false });
        assert_eq!(class.collect(hand_in("Ada", "2026-11-23T11:00:00Z")), Collected::Again, "the same file twice");
        assert_eq!(class.collect(hand_in("Grace", "2026-11-23T10:00:00Z")), Collected::New);
        let times = |class: &Teaching| class.hand_ins_of("Ada").iter().map(|w| w.handed_in_at.clone()).collect::<Vec<_>>();
        assert_eq!(times(&class), ["2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z", "2026-11-23T12:00:00Z"]);
        assert_eq!(class.collected[0].handed_in_at, "2026-11-23T12:00:00Z");
        class.count("Ada", "2026-11-23T10:00:00Z", "2026-11-23T13:00:00Z");
        assert_eq!(class.collected[0].handed_in_at, "2026-11-23T10:00:00Z");
        assert_eq!((class.collected.len(), class.rounds.len()), (2, 2));
        // The choice travels to another tab's copy, which never heard of it.
        let mut other = Teaching::new(class.assignment.clone(), "t");
        other.collect(hand_in("Ada", "2026-11-23T12:00:00Z"));
        let joined = join_teaching(&other, &class);
        assert_eq!(joined.collected[0].handed_in_at, "2026-11-23T10:00:00Z");
        assert_eq!(joined, join_teaching(&class, &other));
        // A newer hand-in counts again.
        class.collect(hand_in("Ada", "2026-11-23T14:00:00Z"));
        assert_eq!(class.collected[0].handed_in_at, "2026-11-23T14:00:00Z");
        assert!(class.chosen.is_empty());
    }

    #[test]
    fn joining_is_commutative_associative_and_idempotent() {
        let (older, newer) = two_tabs();
        let mut third = newer.clone();
        third.teaching[0].comment("Grace", comment(20, "Where is the denial?", "x"), "2026-11-23T13:00:00Z");
        third.taking.push(Taking {
            assignment: Assignment::new("c-3".into(), "Taken", "2026-11-20T10:00:00Z"),
            local_ids: LocalIds::default(),
            student: "Alan".into(),
            handed_in_at: None,
            key: None,
            key_kinds: Kinds::new(),
            kinds: Kinds::from([("d".into(), "opinion".into())]),
            comments: vec![],
            key_seen_at: None,
            updated_at: "2026-11-23T09:00:00Z".into(),
        });
        let same =
            |a: ClassRecord, b: ClassRecord| assert_eq!(ClassRecord { working_on: None, ..a }, ClassRecord { working_on: None, ..b });
        same(join(&older, &newer), join(&newer, &older));
        same(join(&join(&older, &newer), &third), join(&older, &join(&newer, &third)));
        let joined = join(&older, &newer);
        assert_eq!(join(&joined, &joined), joined);
        assert_eq!(join(&joined, &older), joined);
    }

    #[test]
    fn a_saved_record_taken_in_says_what_changed_here_and_what_is_to_be_written_back() {
        let (ours, theirs) = two_tabs();
        let taken = take_in(&ours, theirs.clone());
        assert_eq!(taken.changed, Some(join(&ours, &theirs)));
        assert!(taken.lacking, "ours holds changes theirs lacks");
        // Once joined, the same save brings nothing and lacks nothing.
        let joined = taken.changed.unwrap();
        assert_eq!(take_in(&joined, join(&theirs, &ours)), TakenIn { changed: None, lacking: false });
        // Another assignment open here is neither a change taken in nor one to write back.
        let open_elsewhere = ClassRecord { working_on: Some("elsewhere".to_owned()), ..joined.clone() };
        assert_eq!(take_in(&joined, open_elsewhere), TakenIn { changed: None, lacking: false });
        // A save that lacks what this tab has is to be written back, and changes nothing here.
        assert_eq!(take_in(&joined, ClassRecord::default()), TakenIn { changed: None, lacking: true });
    }

    #[test]
    fn aliases_run_through_the_alphabet_and_on() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52].into_iter().map(alias).collect();
        assert_eq!(names, ["Student A", "Student B", "Student Z", "Student AA", "Student AB", "Student AZ", "Student BA"]);
    }
}
