//! The reader's selection, followed: `view.pending` stays equal to what is selected in the
//! article, in document offsets.

use crate::ui::browser::{article, listen};
use crate::ui::state::{Pending, View};

/// Keeps `view.pending` equal to the reader's selection within the article, until unmounted.
pub fn follow(view: View) {
    listen::on_document("selectionchange", move || {
        let pending = article::selection().map(|(start, end)| Pending { start, end });
        if view.pending().get_untracked() != pending {
            view.set_pending(pending);
        }
    });
}
