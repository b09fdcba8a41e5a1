//! Effects, all through one copy of Leptos's machinery: each `Effect::new` is an async task of a
//! type of its own, a kilobyte of wasm apiece, and the first screen ran twenty of them.

use leptos::prelude::Effect;

/// Runs `body` once the current render is done, and again whenever a signal it read changes (as
/// `Effect::new` does), for as long as the reactive owner it is called under lives.
pub fn effect(body: impl FnMut() + 'static) {
    start(Box::new(body));
}

/// The one `Effect` every `effect` is.
#[inline(never)]
fn start(mut body: Box<dyn FnMut()>) {
    Effect::new(move |_| body());
}
