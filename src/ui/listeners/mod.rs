//! Page-wide listeners, each added when the app mounts and removed when it is unmounted
//! (through `browser::listen`): the keyboard's shortcuts, the address and the reading place, the
//! reader's selection, files dropped on the page.

pub mod keyboard;
pub mod fragment;
pub mod selection;
pub mod drops;
