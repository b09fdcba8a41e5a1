//! Glossa: read news articles and annotate who claims, who denies and what was done, entirely in
//! the browser.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
