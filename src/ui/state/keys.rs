//! Answer keys kept locked at rest (`core::classroom::keys_at_rest`). The one-file app shares its
//! storage with every page opened from the disk, so there a teacher's keys are not written
//! readable unless the teacher chooses so: they are sealed under a passphrase, kept apart from
//! the work (which `Saving` then writes without them), sealed again after each change, and
//! opened in a tab only when the teacher types the passphrase there. A tab with the keys open
//! joins what another tab sealed, as the work is joined.
//!
//! Every tab hears whether keys are kept locked (its saves must leave them out); only a tab whose
//! teacher view opened (`take_charge`) seals and opens them, so that a student's first download
//! carries none of it.

use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;

use crate::core::classroom::keys_at_rest::{self, KeysKept};
use crate::core::work::storage;
use crate::ui::browser::seal::KeyRing;
use crate::ui::browser::{address, listen, persist};
use crate::ui::state::effect::effect;
use crate::ui::state::saving::Saving;
use crate::ui::state::view::{Message, View};
use crate::ui::state::work::Work;

/// Where this tab stands with the answer keys kept here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeysHere {
    /// Kept readable in the saved work: hosted, or the teacher chose so.
    Readable,
    /// The one-file app before the teacher chose: kept readable, and nothing is done with keys
    /// until the teacher locks them or chooses to keep them readable.
    Unchosen,
    /// Sealed, and not opened in this tab.
    Locked,
    /// Sealed, and opened in this tab with the passphrase.
    Unlocked,
}

#[derive(Clone, Copy)]
pub struct Keys {
    here: RwSignal<KeysHere>,
    /// The key the passphrase gave, while the keys are open in this tab (memory only).
    ring: StoredValue<Option<Rc<KeyRing>>, LocalStorage>,
    /// The value kept under `storage::KEYS_KEY` as this tab last wrote or read it: any other was
    /// written by another tab, and is joined in before this tab seals again.
    seen: StoredValue<Option<String>>,
    /// The keys as last sealed or opened here (`keys_at_rest::keys_json`): sealed again only
    /// when they differ.
    sealed_json: StoredValue<Option<String>>,
    /// What another tab last wrote under the keys' storage key, for a tab with them open to join.
    elsewhere: RwSignal<Option<String>>,
    /// A passphrase is being turned into a key (PBKDF2 takes a moment).
    busy: RwSignal<bool>,
    sealing: StoredValue<bool>,
    /// The sealing has been taken charge of (`take_charge`).
    in_charge: StoredValue<bool>,
    /// The app's owner, under which the sealing lives once a teacher view started it.
    owner: StoredValue<WeakOwner, LocalStorage>,
    work: Work,
    view: View,
    saving: Saving,
}

impl Keys {
    /// Starts from what this browser keeps of its keys, and hears of another tab's choice, until
    /// the app is unmounted.
    pub fn start(work: Work, view: View, saving: Saving) -> Keys {
        let raw = persist::saved_keys().ok().flatten();
        let here = match raw.as_deref().map(keys_at_rest::kept_readable) {
            Some(true) => KeysHere::Readable,
            Some(false) => KeysHere::Locked,
            None if address::opened_from_a_file() => KeysHere::Unchosen,
            None => KeysHere::Readable,
        };
        let keys = Keys {
            here: RwSignal::new(here),
            ring: StoredValue::new_local(None),
            seen: StoredValue::new(raw),
            sealed_json: StoredValue::new(None),
            elsewhere: RwSignal::new(None),
            busy: RwSignal::new(false),
            sealing: StoredValue::new(false),
            in_charge: StoredValue::new(false),
            // Weak: a strong owner kept inside what it owns would never be dropped.
            owner: StoredValue::new_local(Owner::current().unwrap_or_default().downgrade()),
            work,
            view,
            saving,
        };
        saving.write_without_keys(matches!(here, KeysHere::Locked));
        listen::on_window(ev::storage, move |event| {
            if event.key().as_deref() == Some(storage::KEYS_KEY) {
                keys.take_choice_elsewhere(event.new_value());
            }
        });
        keys
    }

    /// Another tab wrote `raw` under the keys' storage key. Whether keys are locked is every
    /// tab's concern (its saves must leave them out); what they are, only a tab's with them open.
    fn take_choice_elsewhere(&self, raw: Option<String>) {
        match raw.as_deref().map(keys_at_rest::kept_readable) {
            Some(true) => {
                self.seen.set_value(raw);
                self.readable_elsewhere();
            }
            Some(false) => {
                self.saving.write_without_keys(true);
                if self.here.get_untracked() == KeysHere::Unlocked {
                    self.elsewhere.set(raw);
                } else {
                    self.seen.set_value(raw);
                    self.close();
                }
            }
            None => {}
        }
    }

    /// Another tab chose to keep the keys readable.
    fn readable_elsewhere(&self) {
        self.ring.set_value(None);
        self.here.set(KeysHere::Readable);
        self.saving.write_without_keys(false);
    }

    /// The keys are locked in this tab (again): their key is let go.
    fn close(&self) {
        self.ring.set_value(None);
        self.here.set(KeysHere::Locked);
    }

    /// Seals every change of the keys while they are open here, and joins what other tabs seal,
    /// for as long as the app runs; called by the teacher view, where keys are locked and opened.
    pub fn take_charge(&self) {
        if self.in_charge.get_value() {
            return;
        }
        self.in_charge.set_value(true);
        let keys = *self;
        let owner = self.owner.with_value(WeakOwner::upgrade).unwrap_or_default();
        owner.with(|| {
            effect(move || {
                keys.work.edits.track();
                keys.seal_changes();
            });
            effect(move || {
                if let Some(raw) = keys.elsewhere.get() {
                    leptos::task::spawn_local(async move { keys.take_sealed_elsewhere(Some(raw)).await });
                }
            });
        });
    }

    /// Where this tab stands with the keys, tracked.
    pub fn here(&self) -> KeysHere {
        self.here.get()
    }

    /// Whether keys may be worked on in this tab now (they are here, and the teacher chose how
    /// they are kept), tracked.
    pub fn at_hand(&self) -> bool {
        matches!(self.here.get(), KeysHere::Readable | KeysHere::Unlocked)
    }

    /// Whether the keys are sealed and not open in this tab, untracked.
    pub fn locked(&self) -> bool {
        self.here.get_untracked() == KeysHere::Locked
    }

    /// Whether a passphrase is being turned into a key, tracked.
    pub fn busy(&self) -> bool {
        self.busy.get()
    }

    /// Seals the keys here under `passphrase` and keeps them so from now on.
    pub async fn lock(&self, passphrase: &str) {
        if passphrase.trim().is_empty() {
            return self.view.say(Message::alert("Write a passphrase to lock the keys kept here with."));
        }
        self.busy.set(true);
        let ring = KeyRing::new(passphrase).await;
        self.busy.set(false);
        let ring = match ring {
            Ok(ring) => Rc::new(ring),
            Err(problem) => return self.view.say(Message::alert(format!("The keys could not be locked: {problem}."))),
        };
        let json = self.work.workspace.with_untracked(keys_at_rest::keys_json);
        if let Err(problem) = self.write_sealed(&ring, json).await {
            return self.view.say(Message::alert(format!("The keys could not be locked: {problem}.")));
        }
        self.ring.set_value(Some(ring));
        self.here.set(KeysHere::Unlocked);
        self.saving.write_without_keys(true);
        self.view.say(Message::status(
            "The answer keys kept here are locked with your passphrase: open in this tab, and in any other only once the passphrase is typed there.",
        ));
    }

    /// Opens the keys kept here with `passphrase`, in this tab.
    pub async fn unlock(&self, passphrase: &str) {
        let raw = match persist::saved_keys() {
            Ok(Some(raw)) => raw,
            Ok(None) => return self.here.set(KeysHere::Readable),
            Err(problem) => return self.view.say(Message::alert(problem)),
        };
        let sealed = match keys_at_rest::read(&raw) {
            Ok(KeysKept::Sealed { sealed }) => sealed,
            Ok(KeysKept::Readable) => return self.here.set(KeysHere::Readable),
            Err(problem) => return self.view.say(Message::alert(format!("The keys stay locked: {problem}."))),
        };
        self.busy.set(true);
        let ring = KeyRing::of(passphrase, &sealed).await;
        let opened = match &ring {
            Ok(ring) => ring.open(&sealed).await,
            Err(problem) => Err(problem.clone()),
        };
        self.busy.set(false);
        let taken = opened.and_then(|json| keys_at_rest::keys_from_json(&json).map(|keys| (json, keys)));
        match (ring, taken) {
            (Ok(ring), Ok((json, keys))) => {
                self.work.join_in(&keys);
                self.ring.set_value(Some(Rc::new(ring)));
                self.seen.set_value(Some(raw));
                self.sealed_json.set_value(Some(json));
                self.here.set(KeysHere::Unlocked);
                self.view.say(Message::status("The answer keys kept here are open in this tab until it closes."));
                // What changed meanwhile (another tab's edit taken in) is sealed with the rest.
                self.seal_changes();
            }
            (_, Err(problem)) | (Err(problem), _) => self.view.say(Message::alert(format!("The keys stay locked: {problem}."))),
        }
    }

    /// Keeps the keys readable in the saved work from now on: the teacher's choice.
    pub fn keep_readable(&self) {
        if !matches!(self.here.get_untracked(), KeysHere::Unchosen | KeysHere::Unlocked) {
            return;
        }
        match persist::save_keys(&KeysKept::Readable) {
            Ok(raw) => {
                self.seen.set_value(Some(raw));
                self.ring.set_value(None);
                self.here.set(KeysHere::Readable);
                self.saving.write_without_keys(false);
                self.view.say(Message::status("The answer keys are kept readable in this browser's storage."));
            }
            Err(problem) => self.view.say(Message::alert(problem)),
        }
    }

    /// Seals the keys again if they changed since they were last sealed here.
    fn seal_changes(&self) {
        if self.here.get_untracked() != KeysHere::Unlocked || self.sealing.get_value() {
            return;
        }
        let json = self.work.workspace.with_untracked(keys_at_rest::keys_json);
        if self.sealed_json.with_value(|sealed| sealed.as_ref() == Some(&json)) {
            return;
        }
        let Some(ring) = self.ring.get_value() else { return };
        self.sealing.set_value(true);
        let keys = *self;
        leptos::task::spawn_local(async move {
            // Another tab's seal first, so that its changes are sealed with these.
            let stored = persist::saved_keys().ok().flatten();
            if stored.is_some() && keys.seen.with_value(|seen| *seen != stored) {
                keys.take_sealed_elsewhere(stored).await;
            }
            if keys.here.get_untracked() != KeysHere::Unlocked {
                keys.sealing.set_value(false);
                return;
            }
            let json = keys.work.workspace.with_untracked(keys_at_rest::keys_json);
            let written = keys.write_sealed(&ring, json).await;
            keys.sealing.set_value(false);
            match written {
                Ok(()) => keys.seal_changes(),
                Err(problem) => keys.view.say(Message::alert(format!("The keys' last change is not saved: {problem}."))),
            }
        });
    }

    async fn write_sealed(&self, ring: &KeyRing, json: String) -> Result<(), String> {
        let sealed = ring.seal(&json).await?;
        let raw = persist::save_keys(&KeysKept::Sealed { sealed })?;
        self.seen.set_value(Some(raw));
        self.sealed_json.set_value(Some(json));
        Ok(())
    }

    /// Another tab wrote `raw` under the keys' storage key: a choice, or keys it sealed, which
    /// join these if they are open here.
    async fn take_sealed_elsewhere(&self, raw: Option<String>) {
        if self.seen.with_value(|seen| *seen == raw) {
            return;
        }
        let kept = raw.as_deref().map(keys_at_rest::read);
        self.seen.set_value(raw);
        match kept {
            None => {}
            Some(Ok(KeysKept::Readable)) => self.readable_elsewhere(),
            Some(Ok(KeysKept::Sealed { sealed })) => {
                let ring = self.ring.get_value().filter(|_| self.here.get_untracked() == KeysHere::Unlocked);
                let opened = match ring {
                    Some(ring) => ring.open(&sealed).await.and_then(|json| keys_at_rest::keys_from_json(&json).map(|keys| (json, keys))),
                    None => Err(String::new()),
                };
                match opened {
                    Ok((json, keys)) => {
                        self.work.join_in(&keys);
                        // Sealed again only if this tab holds a change that one lacks.
                        self.sealed_json.set_value(Some(json));
                        self.seal_changes();
                    }
                    // Locked elsewhere under another passphrase, or not open here.
                    Err(_) => self.close(),
                }
            }
            Some(Err(_)) => self.close(),
        }
    }
}
