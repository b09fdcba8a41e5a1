//! Listeners on the window and the document that remove themselves: each is added for the
//! reactive owner that asks (the app, a view) and removed when that owner is cleaned up, so an
//! unmounted app leaves nothing behind. Every page-wide listener of Glossa goes through here.

use leptos::ev::EventDescriptor;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `handler` for each `event` on the window, until the current owner is cleaned up.
pub fn on_window<E>(event: E, handler: impl Fn(E::EventType) + 'static)
where
    E: EventDescriptor + 'static,
    E::EventType: JsCast,
{
    remove_on_cleanup(window_event_listener(event, handler));
}

/// Not generic, so that every kind of event shares one copy of it in the wasm.
fn remove_on_cleanup(handle: WindowListenerHandle) {
    on_cleanup(move || handle.remove());
}

/// Calls `handler` for each event named `name` on the document (events such as
/// `selectionchange` that the window never hears), until the current owner is cleaned up.
pub fn on_document(name: &'static str, handler: impl Fn() + 'static) {
    let handler = Closure::<dyn Fn()>::new(handler);
    let target: web_sys::EventTarget = document().into();
    let _ = target.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    // The closure lives until the listener is removed: both go together.
    let listener = send_wrapper::SendWrapper::new((target, handler));
    on_cleanup(move || {
        let (target, handler) = listener.take();
        let _ = target.remove_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    });
}
