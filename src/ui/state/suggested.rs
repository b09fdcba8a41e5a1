//! Suggestions waiting for a decision (`core::work::suggestions`), kept apart from the work under
//! a storage key of their own. The first module knows only whether any wait: the part that draws
//! them reads and writes them (a reader who never has one never downloads it). Accepting one is a
//! change of the work, one undo step; rejecting one forgets it.

use leptos::prelude::*;

use crate::core::model::id;
use crate::core::model::label;
use crate::core::work::suggestions::{Offered, Suggestion, Suggestions, KEY};
use crate::ui::browser::{self, persist};
use crate::ui::state::view::{Message, View};
use crate::ui::state::work::Work;

#[derive(Clone, Copy)]
pub struct Suggested {
    waiting: RwSignal<Suggestions>,
    /// Whether any wait, read yet or not.
    present: RwSignal<bool>,
    /// Whether what storage kept has been read into `waiting`.
    read: StoredValue<bool>,
    work: Work,
    view: View,
}

impl Suggested {
    pub fn start(work: Work, view: View) -> Suggested {
        Suggested {
            waiting: RwSignal::new(Suggestions::default()),
            present: RwSignal::new(persist::holds(KEY)),
            read: StoredValue::new(false),
            work,
            view,
        }
    }

    /// Whether any suggestion waits, tracked.
    pub fn present(&self) -> bool {
        self.present.get()
    }

    /// `read` of the suggestions waiting, tracked; what storage kept is read first, once.
    pub fn with<T>(&self, read: impl FnOnce(&Suggestions) -> T) -> T {
        self.read_kept();
        self.waiting.with(read)
    }

    fn read_kept(&self) {
        if self.read.get_value() {
            return;
        }
        self.read.set_value(true);
        let kept = persist::read_text(KEY).and_then(|raw| raw.map(|raw| Suggestions::from_json(&raw)).transpose());
        match kept {
            Ok(kept) => self.waiting.set(kept.unwrap_or_default()),
            Err(problem) => self
                .view
                .say(Message::alert(format!("Glossa could not read the suggestions kept here: {problem}. Your work is not affected."))),
        }
    }

    fn change(&self, change: impl FnOnce(&mut Suggestions)) {
        self.read_kept();
        self.waiting.update(change);
        let raw = self.waiting.with_untracked(|w| (!w.list.is_empty()).then(|| w.to_json()));
        self.present.set(raw.is_some());
        if let Err(problem) = persist::write_text(KEY, raw.as_deref()) {
            self.view.say(Message::alert(format!("The suggestions are not kept after this tab closes: {problem}")));
        }
    }

    /// Offers `new` (from `from`, as said in a sentence), and says what came of it.
    pub fn offer(&self, new: Vec<Suggestion>, from: &str) {
        let mut offered = Offered::default();
        let workspace = self.work.workspace;
        self.change(|waiting| offered = workspace.with_untracked(|w| waiting.offer(new, |id| w.annotations(id))));
        let passed = [(offered.annotated, "annotated so already"), (offered.suggested, "suggested already")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, why)| format!("{n} {why}"))
            .collect::<Vec<_>>();
        let passed = if passed.is_empty() { String::new() } else { format!(" ({} passed over)", passed.join(", ")) };
        let text = format!(
            "{} suggestion{} from {from}{passed}: accept or reject each under Suggestions.",
            offered.added,
            if offered.added == 1 { "" } else { "s" }
        );
        self.view.say(Message::status(text));
    }

    /// Accepts suggestion `id`: it becomes an annotation.
    pub fn accept(&self, id: &str) {
        let mut taken = None;
        self.change(|waiting| taken = waiting.take(id));
        self.make_annotations(taken.into_iter().collect());
    }

    /// Accepts every suggestion of `label` in `document`.
    pub fn accept_label(&self, document: &str, label: &str) {
        let mut taken = Vec::new();
        self.change(|waiting| taken = waiting.take_label(document, label));
        self.make_annotations(taken);
    }

    /// Rejects suggestion `id`, or every suggestion of `label` in `document`.
    pub fn reject(&self, id: &str) {
        self.change(|waiting| drop(waiting.take(id)));
    }

    pub fn reject_label(&self, document: &str, label: &str) {
        self.change(|waiting| drop(waiting.take_label(document, label)));
    }

    fn make_annotations(&self, taken: Vec<Suggestion>) {
        let Some(first) = taken.first() else { return };
        let name = self.work.with_labels_in_use(|labels| label::name_of(labels, &first.label).to_owned());
        let description = match taken.len() {
            1 => format!("Suggestion accepted: {name} “{}”", first.quote),
            n => format!("{n} suggestions accepted as {name}"),
        };
        let document = first.document.clone();
        let now = browser::now();
        let made = taken.iter().map(|s| s.accepted(id::uuid_v4(browser::random_bytes()), &now)).collect();
        if self.work.change(&description, false, |workspace| workspace.put_all(&document, made).into()) {
            self.view.say(Message::status(format!("{description}.")));
        }
    }
}
