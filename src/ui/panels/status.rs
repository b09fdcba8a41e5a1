//! Messages for the reader, floating at the foot of the screen where they take no click but their
//! own buttons' (and the page leaves room under its end for them, so they cover nothing for
//! good): results in a polite status region that goes away by itself, failures in an alert that
//! stays until dismissed; and **Messages**, the list of what was said before.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::core::exchange::formats::Format;
use crate::ui::browser::{self, listen, persist};
use crate::ui::state::{self, effect, Message, Saving, View};

const REPORT_ID: &str = "report";
/// How many of a message's details float with it; the rest are in **Messages**.
const DETAILS_SHOWN: usize = 5;
/// A result stays long enough to be read at a slow pace, and no longer than this.
const REPORT_SHORTEST: Duration = Duration::from_secs(6);
const REPORT_LONGEST: Duration = Duration::from_secs(15);
/// Asked to stay (pointed at or focused), a result looks again this much later.
const REPORT_KEPT: Duration = Duration::from_secs(2);

#[component]
pub fn StatusMessage() -> impl IntoView {
    let (view, saving, exchange) = (state::view(), state::saving(), state::exchange());
    let messages = NodeRef::<html::Div>::new();
    messages.on_load(|messages| browser::follow_height(&messages, "--messages-height", browser::HeightOn::Body));
    dismiss_reports_unattended(view);
    let shown_report = move || view.report().get().map(|(turn, message)| render(message, view, move || view.dismiss_report(turn)));
    let shown_alert = move || view.alert().get().map(|message| render(message, view, move || view.dismiss_alert()));
    // Both live regions exist from the start, so screen readers announce what later fills them.
    view! {
        <div class="messages" node_ref=messages>
            <div role="status" aria-live="polite" class="message status" id=REPORT_ID>{shown_report}</div>
            <div role="alert" class="message alert">{shown_alert}</div>
            <div role="alert" class="message alert">{move || saving.storage_problem().map(|problem| storage_problem(problem, view, saving))}</div>
            <div role="alert" class="message alert">
                {move || saving.save_problem().map(|problem| view! {
                    <p>{problem} " Changes are not being saved; they are only in this tab until saving works again, which Glossa keeps trying."</p>
                    <button type="button" on:click=move |_| exchange.download(Format::GlossaJson, None)>"Export now"</button>
                })}
            </div>
        </div>
    }
}

/// Takes each result away once it has been on screen long enough to read, unless the pointer is
/// on it or the focus in it then (it looks again a little later).
fn dismiss_reports_unattended(view: View) {
    // The messages take no pointer events, so whether one is pointed at is known by where the pointer is.
    let pointer = Rc::new(Cell::new((f64::NAN, f64::NAN)));
    let moved = Rc::clone(&pointer);
    listen::on_window(ev::pointermove, move |event: ev::PointerEvent| {
        moved.set((f64::from(event.client_x()), f64::from(event.client_y())));
    });
    let timer = Rc::new(Cell::new(None::<TimeoutHandle>));
    let stop = {
        let timer = Rc::clone(&timer);
        move || {
            if let Some(handle) = timer.take() {
                handle.clear();
            }
        }
    };
    let waiting = Waiting { view, pointer, timer };
    effect({
        let stop = stop.clone();
        move || {
            stop();
            if let Some((turn, message)) = view.report().get() {
                waiting.wait(turn, reading_time(&message));
            }
        }
    });
    let stop = send_wrapper::SendWrapper::new(stop);
    on_cleanup(move || stop.take()());
}

/// A result waiting to go: where the pointer was last, and the timer that will take it away.
#[derive(Clone)]
struct Waiting {
    view: View,
    pointer: Rc<Cell<(f64, f64)>>,
    timer: Rc<Cell<Option<TimeoutHandle>>>,
}

impl Waiting {
    fn wait(&self, turn: u32, after: Duration) {
        let waiting = self.clone();
        let handle = set_timeout_with_handle(
            move || match waiting.attended() {
                true => waiting.wait(turn, REPORT_KEPT),
                false => waiting.view.dismiss_report(turn),
            },
            after,
        );
        self.timer.set(handle.ok());
    }

    fn attended(&self) -> bool {
        let Some(element) = document().get_element_by_id(REPORT_ID) else { return false };
        let (x, y) = self.pointer.get();
        let rect = element.get_bounding_client_rect();
        element.matches(":focus-within").unwrap_or(false)
            || (rect.left()..=rect.right()).contains(&x) && (rect.top()..=rect.bottom()).contains(&y)
    }
}

/// Long enough to read `message` at a slow pace (about ten characters a second), within bounds.
fn reading_time(message: &Message) -> Duration {
    let characters = message.text.chars().count() + message.details.iter().map(|d| d.chars().count()).sum::<usize>();
    Duration::from_millis(100 * characters as u64).clamp(REPORT_SHORTEST, REPORT_LONGEST)
}

/// The banner about saved work that could not be read, with the way to keep a copy of it.
fn storage_problem((text, backup_key): (String, Option<String>), view: View, saving: Saving) -> impl IntoView {
    let download = backup_key.map(|key| {
        let save_copy = move |_| {
            let Some(raw) = persist::read_backup(&key) else { return };
            view.offer_download("glossa-unreadable-state.json", "application/json", raw.as_bytes(), "The copy");
        };
        view! { <button type="button" on:click=save_copy>"Download the unreadable data"</button> }
    });
    view! {
        <p>{text}</p>
        {download}
        <button type="button" class="dismiss" on:click=move |_| saving.dismiss_storage_problem()>"Dismiss"</button>
    }
}

fn render(message: Message, view: View, dismiss: impl Fn() + 'static) -> impl IntoView {
    let more = message.details.len().saturating_sub(DETAILS_SHOWN);
    let details = (!message.details.is_empty()).then(|| {
        let shown = message.details.into_iter().take(DETAILS_SHOWN).map(|d| view! { <li>{d}</li> }).collect_view();
        let rest = (more > 0).then(|| {
            view! {
                <li>
                    <button type="button" class="link" on:click=move |_| view.set_messages_open(true)>{format!("{more} more in Messages")}</button>
                </li>
            }
        });
        view! { <ul class="details">{shown}{rest}</ul> }
    });
    view! {
        <p>{message.text}</p>
        {details}
        <button type="button" class="dismiss" on:click=move |_| dismiss()>"Dismiss"</button>
    }
}

/// **Messages**: what Glossa said in this tab, the newest first, opened from the masthead.
#[component]
pub fn MessageList() -> impl IntoView {
    let view = state::view();
    move || {
        view.messages_open().get().then(|| {
            view! {
                <section id="message-list" class="message-list" aria-labelledby="message-list-title">
                    <h2 id="message-list-title">"Messages"</h2>
                    <ol class="past-messages">
                        {view.past_messages().get().into_iter().rev().map(past_message).collect_view()}
                    </ol>
                    <p class="hint">"What Glossa said in this tab, the newest first."</p>
                    <button type="button" on:click=move |_| view.set_messages_open(false)>"Close messages"</button>
                </section>
            }
        })
    }
}

fn past_message(message: Message) -> impl IntoView {
    let details = (!message.details.is_empty())
        .then(|| view! { <ul class="details">{message.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> });
    view! {
        <li class:alert=message.alert>
            {message.alert.then_some("Problem: ")}
            {message.text}
            {details}
        </li>
    }
}
