//! Work too long for one task, done in slices: a tab that runs one task for more than 200 ms
//! feels frozen (clicks and keys wait, nothing paints), so a long computation gives the browser
//! its turn between slices of at most `SLICE_MS`.

use std::time::Duration;

/// How long one slice may run. A step is expected to take a few milliseconds; a slice ends at
/// the first step that ends past this.
const SLICE_MS: f64 = 40.0;

/// Calls `step` again and again, yielding to the browser between slices, until it returns false
/// (done, or no longer wanted). The first slice runs in a later task, never within the caller's.
pub fn run_in_slices(step: impl FnMut() -> bool + 'static) {
    fn slice(mut step: Box<dyn FnMut() -> bool>) {
        let started = js_sys::Date::now();
        while js_sys::Date::now() - started < SLICE_MS {
            if !step() {
                return;
            }
        }
        leptos::prelude::set_timeout(move || slice(step), Duration::ZERO);
    }
    let step: Box<dyn FnMut() -> bool> = Box::new(step);
    leptos::prelude::set_timeout(move || slice(step), Duration::ZERO);
}
