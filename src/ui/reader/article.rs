//! The reading view: the welcome, or the open article with its title, details, find bar,
//! paragraphs (drawn as far as the viewport asks), the keyboard cursor and the printed handout's
//! footnotes. What it shows is `Classroom::with_shown`'s answer, kept in step paragraph by paragraph.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::annotation::Annotation;
use crate::core::model::document::Document;
use crate::core::reading::runs::by_paragraph;
use crate::core::reading::span_index::SpanIndex;
use crate::core::reading::viewport::css_pixels;
use crate::core::text::search::find_all;
use crate::ui::browser;
use crate::ui::browser::article::{self, ARTICLE_CLASS};
use crate::ui::browser::platform::KeyNames;
use crate::ui::browser::selection;
use crate::ui::state::{self, effect, Hints, Load, Message, Mode, OwnDocumentDetails, ParagraphNotes, View, Work};

use super::cursor::KeyboardCursor;
use super::details::SourceFacts;
use super::find::FindBar;
use super::handout;
use super::hedges::hint_when_wanted;
use super::painted::paint_when_wanted;
use super::paragraph::{Feedback, ParagraphMarks, ParagraphView};
use super::viewport::{block_paragraphs, Viewport};

#[component]
pub fn Reader(
    /// The hints of hedges, fetched when a reader first turns them on.
    hints: Load<Hints>,
    /// The details of a document of one's own, fetched when one is first opened.
    details: Load<OwnDocumentDetails>,
    /// In the classroom's modes, what it draws under the paragraphs.
    #[prop(optional)]
    notes: Option<Load<ParagraphNotes>>,
) -> impl IntoView {
    let (view, texts, work) = (state::view(), state::texts(), state::work());
    // Only a change of text renders the article again, not a change of its title or annotations.
    let opened = Memo::new(move |_| view.open().get().map(|id| (texts.document(&id), id)));
    move || {
        // Highlights take their labels' names and colours as they render, so an edit of the
        // labels (rare) renders the article again.
        work.labels_in_use();
        match opened.get() {
        Some((Some(document), _)) => view! { <ArticleView document hints details notes/> }.into_any(),
        Some((None, _)) => view! { <p class="welcome" role="status">"Loading the document’s text…"</p> }.into_any(),
        None => view! {
            <div class="welcome">
                <h1>"Read, highlight, label"</h1>
                <p>"Choose an article from the list. Select any stretch of its text and label it Claim, Denial or Sanction with the toolbar or the keys 1, 2 and 3."</p>
                <p>"Your work is saved in this browser as you go; “Export JSON” downloads it."</p>
                <p>"Given an assignment by your teacher (a file ending in .glossa-assignment.json)? Open it with “Import JSON” (under Menu on a phone), or drop the file anywhere on this page. Your teacher’s comments come back the same way."</p>
            </div>
        }
        .into_any(),
        }
    }
}

/// What `make` makes of the part `load` brings, under the article's reactive owner (whose context
/// holds the state), once the part is here: the article is drawn at once, this a moment later.
/// If the part cannot be fetched, the reader is told where `part` names it.
fn when_fetched<T: 'static, U: Send + Sync + 'static>(
    load: Load<T>,
    part: Option<&'static str>,
    make: impl FnOnce(T) -> U + 'static,
) -> RwSignal<Option<U>> {
    let made = RwSignal::new(None);
    let (owner, view) = (Owner::current(), state::view());
    leptos::task::spawn_local(async move {
        let fetched = load().await;
        // The article may have closed meanwhile.
        if made.is_disposed() {
            return;
        }
        match (fetched, owner) {
            (Ok(fetched), Some(owner)) => made.set(Some(owner.with(|| make(fetched)))),
            (Err(problem), _) => {
                if let Some(part) = part {
                    view.say(Message::alert(problem.explain(part)));
                }
            }
            (Ok(_), None) => {}
        }
    });
    made
}

#[component]
fn ArticleView(
    document: Arc<Document>,
    hints: Load<Hints>,
    details: Load<OwnDocumentDetails>,
    notes: Option<Load<ParagraphNotes>>,
) -> impl IntoView {
    let (view, work, classroom) = (state::view(), state::work(), state::classroom());
    let document_id = document.id.clone();
    // What the article shows, tracked (`Classroom::with_shown`), lent to `then`, never copied.
    let shown = move |then: &mut dyn FnMut(&[&Annotation], Feedback)| {
        classroom.with_shown(&document_id, |shown, compared| then(&shown.drawn(), compared))
    };
    let searched = document.clone();
    let matches = Memo::new(move |_| view.query().with(|query| find_all(&searched.text, query)));
    // Each drawn paragraph has a signal of its own share of the spans and matches, set only when
    // that share changed: a change renders the paragraphs it touches, and no signal has thousands
    // of subscribers (which makes every re-subscription slow). The spans are kept in an index that
    // a change updates where it falls (`core::reading::span_index`). A paragraph not drawn has no
    // signal: it takes its share from the index when its block is filled (for 5,000 paragraphs,
    // a signal each was a megabyte).
    let shares = untrack(|| {
        let found = matches.with(|m| by_paragraph(&document.paragraphs, m, |&range| range));
        let mut made = None;
        shown(&mut |list, feedback| made = Some(Shares::new(SpanIndex::new(&document.paragraphs, list), found.clone(), feedback)));
        StoredValue::new(made.expect("`shown` lends the annotations once"))
    });
    let printed = shown.clone();
    // Its first run updates too: an edit made before effects first run (in the task that
    // rendered the article) must still reach its paragraph.
    effect(move || {
        shown(&mut |list, feedback| {
            let changed = shares.try_update_value(|shares| shares.show(list, feedback)).unwrap_or_default();
            for (signal, share) in changed {
                signal.try_update(|drawn| *drawn = share);
            }
        });
    });
    let grouped = document.clone();
    effect(move || {
        let found = matches.with(|m| by_paragraph(&grouped.paragraphs, m, |&range| range));
        let changed = shares.try_update_value(|shares| shares.find(found)).unwrap_or_default();
        for (signal, share) in changed {
            signal.try_update(|drawn| *drawn = share);
        }
    });
    let viewport = Viewport::new(&document, view);
    let footnotes = RwSignal::new(None);
    handout::follow_printing(viewport, footnotes, move || {
        let mut list = Vec::new();
        untrack(|| printed(&mut |shown, _| list = shown.iter().map(|&a| a.clone()).collect()));
        list
    });
    mark_selected(view, work, viewport);
    hint_when_wanted(document.clone(), hints);
    let suggested = state::suggested();
    let own_work = move || suggested.present() && view.mode().with(|mode| *mode == Mode::Reading);
    paint_when_wanted(document.clone(), own_work, state::exchange().suggestion_loader(), |tools| tools.paint, "the suggestions");
    let cursor = KeyboardCursor::new(document.clone());
    // The classroom's notes under the paragraphs, in its modes; if their part cannot be fetched, the
    // assignment's bar, fetched alongside, says why.
    let notes = notes.map(|load| {
        let id = document.id.clone();
        when_fetched(load, None, move |notes: ParagraphNotes| notes(id))
    });
    let drawn = document.clone();
    let paragraph = move |at: usize| {
        let (start, end) = (drawn.paragraphs[at].start, drawn.paragraphs[at].end);
        let notes = notes.map(|notes| move || notes.get().map(|under| under(start, end, at + 1)));
        let share = RwSignal::new(shares.with_value(|shares| shares.of(at)));
        shares.update_value(|shares| shares.drawn[at] = Some(share));
        on_cleanup(move || {
            // A block filled again may have drawn the paragraph anew before this runs.
            shares.try_update_value(|shares| shares.drawn[at] = shares.drawn[at].filter(|&drawn| drawn != share));
        });
        view! { <ParagraphView document=drawn.clone() index=at share/> {notes} }
    };
    let count = document.paragraphs.len();
    let blocks = viewport.blocks().into_iter().enumerate().map(move |(block, empty)| {
        let filled = Memo::new(move |_| empty.with(Option::is_none));
        let paragraph = paragraph.clone();
        view! {
            <div data-block=block style:height=move || empty.get().map(css_pixels)>
                {move || filled.get().then(|| block_paragraphs(block, count).map(&paragraph).collect_view())}
            </div>
        }
    });
    let blocks = blocks.collect_view();
    let title_id = document.id.clone();
    let about = match &document.source {
        Some(_) => view! { <SourceFacts document=document.clone()/> }.into_any(),
        None => {
            let (drawn, about) = (when_fetched(details, Some("the document’s details"), |draw| draw), document.clone());
            (move || drawn.get().map(|draw: OwnDocumentDetails| draw(about.clone()))).into_any()
        }
    };
    view! {
        <h1 class="article-title" id="article-title">{move || work.title(&title_id)}</h1>
        {about}
        <FindBar matches/>
        <article
            class=ARTICLE_CLASS
            tabindex="0"
            aria-labelledby="article-title"
            aria-describedby="article-keys"
            on:keydown=move |event| cursor.on_key(event, view, work)
            on:click=move |event| {
                cursor.follow_click();
                select_clicked(event, view);
            }
            on:focus=move |_| cursor.show()
            on:blur=move |_| cursor.hide()
            on:pointerdown=move |_| viewport.pointer_down()
        >
            {blocks}
            {move || cursor.caret.get().map(|(left, top, height)| view! {
                <span
                    class="caret"
                    aria-hidden="true"
                    style:left=css_pixels(left)
                    style:top=css_pixels(top)
                    style:height=css_pixels(height)
                ></span>
            })}
        </article>
        <handout::Footnotes footnotes/>
        <p id="article-keys" class="visually-hidden">
            {format!(
                "Arrow keys move a cursor through the text, with Shift they select, with {} by word. Number keys label the selection. Square brackets walk the highlights. Press question mark for all shortcuts.",
                KeyNames::here().word,
            )}
        </p>
    }
}

/// Keeps the class `selected` on the highlights of the selected annotation, and on no other:
/// one effect for the whole article instead of a subscription per highlight, touching only the
/// elements that change. It runs again after each change of the work and of the paragraphs drawn,
/// which may have drawn the selected highlights anew.
fn mark_selected(view: View, work: Work, viewport: Viewport) {
    effect(move || {
        work.with_workspace(|_| ());
        viewport.redrawn.track();
        let selected = view.selected().get();
        let Some(article) = article::element() else { return };
        for mark in browser::elements(&article, "mark.selected") {
            let _ = mark.class_list().remove_1("selected");
        }
        if let Some(id) = selected {
            // Ids hold no whitespace; quotes and backslashes are escaped for the CSS string.
            let id = id.replace('\\', "\\\\").replace('"', "\\\"");
            for mark in browser::elements(&article, &format!("mark[data-annotations~=\"{id}\"]")) {
                let _ = mark.class_list().add_1("selected");
            }
        }
    });
}

/// A click on a highlight selects one of its annotations; handled once for the whole article.
fn select_clicked(event: leptos::ev::MouseEvent, view: View) {
    // The end of a drag is a selection to label, not a click on the highlight.
    if selection::has_text_selection() {
        return;
    }
    let mark = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("mark").ok().flatten());
    let Some(ids) = mark.and_then(|mark| mark.get_attribute("data-annotations")) else {
        return;
    };
    let ids: Vec<String> = ids.split(' ').map(str::to_owned).collect();
    view.select_next_of(&ids);
}

/// What the paragraphs' shares are made from: the span index, each paragraph's search matches,
/// the feedback, and the signal of each paragraph drawn now. A paragraph's signal lives as long as
/// the block that drew it (made when the block is filled, gone when it is emptied); one stored
/// value for all, as each type a stored value holds costs the wasm its own copy of its code.
struct Shares {
    index: SpanIndex,
    found: Vec<Vec<(usize, usize)>>,
    feedback: Feedback,
    drawn: Vec<Option<RwSignal<ParagraphMarks>>>,
}

impl Shares {
    fn new(index: SpanIndex, found: Vec<Vec<(usize, usize)>>, feedback: Feedback) -> Shares {
        Shares { index, drawn: vec![None; found.len()], found, feedback }
    }

    /// Paragraph `at`'s share now.
    fn of(&self, at: usize) -> ParagraphMarks {
        (self.index.paragraph(at), self.found[at].clone(), self.feedback.clone())
    }

    /// Takes in the annotations shown now and their feedback: the signals of the paragraphs
    /// drawn whose share changed, each with its new share.
    fn show(&mut self, list: &[&Annotation], feedback: Feedback) -> Vec<(RwSignal<ParagraphMarks>, ParagraphMarks)> {
        let mut changed = self.index.update(list);
        if self.feedback != feedback {
            self.feedback = feedback;
            changed = (0..self.drawn.len()).collect();
        }
        self.drawn_shares(changed)
    }

    /// Takes in the search matches by paragraph, as `show` takes the annotations.
    fn find(&mut self, found: Vec<Vec<(usize, usize)>>) -> Vec<(RwSignal<ParagraphMarks>, ParagraphMarks)> {
        let changed = (0..found.len()).filter(|&at| found[at] != self.found[at]).collect();
        self.found = found;
        self.drawn_shares(changed)
    }

    /// The drawn paragraphs among `paragraphs` whose share is not the one they show, each with
    /// its share now.
    fn drawn_shares(&self, paragraphs: Vec<usize>) -> Vec<(RwSignal<ParagraphMarks>, ParagraphMarks)> {
        paragraphs
            .into_iter()
            .filter_map(|at| {
                let (signal, share) = (self.drawn[at]?, self.of(at));
                signal.try_with_untracked(|shown| *shown != share).unwrap_or(false).then_some((signal, share))
            })
            .collect()
    }
}
