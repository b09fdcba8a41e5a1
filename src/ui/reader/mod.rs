//! The open article: paragraphs split into highlight runs, and the reader's selection.

pub mod viewport;
pub mod handout;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::annotation::Annotation;
use crate::core::model::document::{Document, Paragraph};
use crate::core::model::label;
use crate::core::model::own_document;
use crate::core::reading::runs::{by_paragraph, split_into_runs, LayeredSpan, Mark, Run};
use crate::core::reading::span_index::SpanIndex;
use crate::core::text::boundary::{self, Modifiers, Unit};
use crate::core::text::offsets::abbreviate;
use crate::core::text::search::find_all;
use crate::ui::browser;
use crate::ui::browser::article::{self, ARTICLE_CLASS, FIND_INPUT_ID, NOTE_ID};
use crate::ui::browser::platform::{apple, KeyNames};
use crate::ui::browser::selection;
use crate::ui::classroom::{class_map, ClassBand};
use crate::ui::state::{self, Compared, Message, Pending, View, Work};
use viewport::{block_paragraphs, Viewport};

/// How annotations compare with an answer key, by annotation id, while feedback is shown.
type Feedback = Option<Arc<Compared>>;
/// What one paragraph shows: its annotation spans, search matches and feedback.
type ParagraphMarks = (Vec<LayeredSpan>, Vec<(usize, usize)>, Feedback);
/// Height of one underline layer, in CSS pixels.
const UNDERLINE_PX: usize = 3;

#[component]
pub fn Reader() -> impl IntoView {
    let (view, texts, work) = (state::view(), state::texts(), state::work());
    // Only a change of text renders the article again, not a change of its title or annotations.
    let opened = Memo::new(move |_| view.open.get().map(|id| (texts.document(&id), id)));
    move || {
        // Highlights take their labels' names and colours as they render, so an edit of the
        // labels (rare) renders the article again.
        work.labels_in_use();
        match opened.get() {
        Some((Some(document), _)) => view! { <ArticleView document/> }.into_any(),
        Some((None, _)) => view! { <p class="welcome" role="status">"Loading the document’s text…"</p> }.into_any(),
        None => view! {
            <div class="welcome">
                <h1>"Read, highlight, label"</h1>
                <p>"Choose an article from the list. Select any stretch of its text and label it Claim, Denial or Sanction with the toolbar or the keys 1, 2 and 3."</p>
                <p>"Your work is saved in this browser as you go; “Export JSON” downloads it."</p>
            </div>
        }
        .into_any(),
        }
    }
}

#[component]
fn ArticleView(document: Arc<Document>) -> impl IntoView {
    let (view, work, classroom) = (state::view(), state::work(), state::classroom());
    let document_id = document.id.clone();
    // What the article shows, tracked (`Classroom::with_shown`), lent to `then`, never copied.
    let shown = move |then: &mut dyn FnMut(&[&Annotation], Feedback)| {
        classroom.with_shown(&document_id, |shown, compared| then(&shown.drawn(), compared))
    };
    let searched = document.clone();
    let matches = Memo::new(move |_| view.query.with(|query| find_all(&searched.text, query)));
    // Each paragraph has a signal of its own share of the spans and matches, set only when that
    // share changed: a change renders the paragraphs it touches, and no signal has thousands of
    // subscribers (which makes every re-subscription slow). The spans are kept in an index that a
    // change updates where it falls (`core::reading::span_index`).
    let (index, marks) = untrack(|| {
        let mut made = None;
        shown(&mut |list, feedback| made = Some((SpanIndex::new(&document.paragraphs, list), feedback)));
        made.expect("`shown` lends the annotations once")
    });
    let found = untrack(|| matches.with(|m| by_paragraph(&document.paragraphs, m, |&range| range)));
    let shares: Vec<RwSignal<ParagraphMarks>> =
        found.into_iter().enumerate().map(|(at, found)| RwSignal::new((index.paragraph(at).to_vec(), found, marks.clone()))).collect();
    let (index, marks) = (StoredValue::new(index), StoredValue::new(marks));
    let printed = shown.clone();
    let signals = shares.clone();
    // Its first run updates too: an edit made before effects first run (in the task that
    // rendered the article) must still reach its paragraph.
    Effect::new(move |_| {
        shown(&mut |list, feedback| {
            let changed = index.try_update_value(|index| index.update(list)).unwrap_or_default();
            index.with_value(|index| {
                for at in changed {
                    signals[at].update(|share| share.0 = index.paragraph(at).to_vec());
                }
            });
            if marks.with_value(|marks| *marks != feedback) {
                signals.iter().for_each(|signal| signal.update(|share| share.2 = feedback.clone()));
                marks.set_value(feedback);
            }
        });
    });
    let signals = shares.clone();
    let grouped = document.clone();
    Effect::new(move |_| {
        let found = matches.with(|m| by_paragraph(&grouped.paragraphs, m, |&range| range));
        for (signal, found) in signals.iter().zip(found) {
            if signal.with_untracked(|share| share.1 != found) {
                signal.update(|share| share.1 = found);
            }
        }
    });
    let viewport = Viewport::new(&document, view);
    let footnotes = RwSignal::new(Vec::new());
    handout::follow_printing(viewport, footnotes, move || {
        let mut list = Vec::new();
        untrack(|| printed(&mut |shown, _| list = shown.iter().map(|&a| a.clone()).collect()));
        list
    });
    mark_selected(view, work, viewport);
    let cursor = KeyboardCursor::new(document.clone());
    let band = class_map(document.id.clone());
    let drawn = document.clone();
    let paragraph = move |at: usize| {
        let paragraph = drawn.paragraphs[at].clone();
        let band = band.map(|map| view! { <ClassBand map start=paragraph.start end=paragraph.end number=at + 1/> });
        view! { <ParagraphView paragraph index=at share=shares[at]/> {band} }
    };
    let count = document.paragraphs.len();
    let blocks = viewport.blocks().into_iter().enumerate().map(move |(block, empty)| {
        let filled = Memo::new(move |_| empty.with(Option::is_none));
        let paragraph = paragraph.clone();
        view! {
            <div data-block=block style:height=move || empty.get().map(|height| format!("{height}px"))>
                {move || filled.get().then(|| block_paragraphs(block, count).map(&paragraph).collect_view())}
            </div>
        }
    });
    let blocks = blocks.collect_view();
    let title_id = document.id.clone();
    let about = match &document.source {
        Some(source) => view! { <p class="source">{source.clone()}</p> }.into_any(),
        None => view! { <DocumentDetails document=document.clone()/> }.into_any(),
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
                    style:left=format!("{left}px")
                    style:top=format!("{top}px")
                    style:height=format!("{height}px")
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

/// What a person needs to know about a document they added, and what they can do with it.
#[component]
fn DocumentDetails(document: Arc<Document>) -> impl IntoView {
    let work = state::work();
    let id = document.id.clone();
    let (rename_id, delete_id) = (id.clone(), id.clone());
    let title = move || work.title(&id).unwrap_or_default();
    view! {
        <section class="document-details" aria-label="Document details">
            <label class="document-title">
                "Title"
                <input
                    type="text"
                    prop:value=title
                    on:change=move |event| work.rename_document(&rename_id, &event_target_value(&event))
                />
            </label>
            <dl class="document-facts">
                <dt>"Size"</dt>
                <dd>{own_document::size_label(document.text.len())} ", " {document.length} " characters"</dd>
                <dt>"SHA-256"</dt>
                <dd><code class="digest">{document.sha256.clone()}</code></dd>
            </dl>
            <button type="button" class="danger" on:click=move |_| work.delete_document(&delete_id)>"Delete document"</button>
        </section>
    }
}

#[component]
fn ParagraphView(paragraph: Paragraph, index: usize, share: RwSignal<ParagraphMarks>) -> impl IntoView {
    let start = paragraph.start;
    let runs = move || share.with(|(spans, matches, _)| split_into_runs(&paragraph.text, paragraph.start, spans, matches));
    view! {
        <p id=format!("p-{start}") data-paragraph=index>
            {move || {
                let feedback = share.with(|(_, _, feedback)| feedback.clone());
                runs().into_iter().map(|run| view! { <RunView run feedback=feedback.clone()/> }).collect_view()
            }}
        </p>
    }
}

/// One run of text. A highlight is drawn once, from the labels as they are when it renders:
/// a document holds thousands, so none of them follows a signal (the article renders again when
/// labels are edited, and the selected highlight is marked by `mark_selected`).
#[component]
fn RunView(run: Run, feedback: Feedback) -> impl IntoView {
    let Run { start, end, text, marks, found, opening } = run;
    if marks.is_empty() {
        return view! { <span data-start=start data-end=end class:found=found>{text}</span> }.into_any();
    }
    let work = state::work();
    // A mark's label name, with how it compares with the key when feedback is shown (in words
    // and a sign, never by colour alone).
    let missed_passage = |mark: &Mark| feedback.as_ref().is_some_and(|f| f.missed.contains(&mark.annotation_id));
    let name = |mark: &Mark| -> String {
        let name = work.with_labels_in_use(|labels| label::name_of(labels, &mark.label).to_owned());
        if missed_passage(mark) {
            return format!("✗ Missed: {name}");
        }
        match feedback.as_ref().and_then(|f| f.verdicts.get(&mark.annotation_id)) {
            Some(compared) => format!("{name} {} {}", compared.sign(), compared.name()),
            None => name,
        }
    };
    // What a mark links to: " → denies “Iran shipped…”" (few highlights link, so the lookup is rare).
    let linked = |mark: &Mark, keep: usize| -> String {
        mark.links
            .iter()
            .map(|link| {
                let quote = work.workspace.with_untracked(|w| w.find(&link.to).map(|(_, a)| abbreviate(&a.quote, keep)));
                format!(" → {} “{}”", link.relation.words(), quote.unwrap_or_else(|| "(deleted)".to_owned()))
            })
            .collect()
    };
    let title = marks.iter().map(|m| name(m) + &linked(m, 80)).collect::<Vec<_>>().join(", ");
    // The names of the labels that begin here are drawn before the text (by CSS, from this
    // attribute, so they are never part of the text a selection or a copy takes).
    let tags = (!opening.is_empty()).then(|| opening.iter().map(|m| name(m) + &linked(m, 24)).collect::<Vec<_>>().join(" · "));
    let missed = marks.iter().all(missed_passage);
    let tint = work.with_labels_in_use(|labels| label::find(labels, &marks[0].label).map(|l| tint(&l.color)));
    let ids = marks.iter().map(|m| m.annotation_id.as_str()).collect::<Vec<_>>().join(" ");
    view! {
        <mark
            data-start=start
            data-end=end
            data-annotations=ids
            data-tags=tags
            title=title
            class:found=found
            class:missed=missed
            style:background-color=tint
            style:box-shadow=work.with_labels_in_use(|labels| underlines(&marks, labels))
            style:padding-bottom=format!("{}px", depth(&marks) * UNDERLINE_PX)
        >
            {text}
        </mark>
    }
    .into_any()
}

/// Keeps the class `selected` on the highlights of the selected annotation, and on no other:
/// one effect for the whole article instead of a subscription per highlight, touching only the
/// elements that change. It runs again after each change of the work and of the paragraphs drawn,
/// which may have drawn the selected highlights anew.
fn mark_selected(view: View, work: Work, viewport: Viewport) {
    Effect::new(move |_| {
        work.workspace.track();
        viewport.redrawn.track();
        let selected = view.selected.get();
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

fn depth(marks: &[Mark]) -> usize {
    marks.iter().map(|m| m.layer + 1).max().unwrap_or(0)
}

/// One band of colour per layer under the text, nearest layer first; layers this run does not
/// use stay the colour of the page, so every span keeps its band along its whole length.
fn underlines(marks: &[Mark], labels: &[label::Label]) -> String {
    (0..depth(marks))
        .map(|layer| {
            let color = marks
                .iter()
                .find(|m| m.layer == layer)
                .and_then(|m| label::find(labels, &m.label).map(|l| l.color.clone()))
                .unwrap_or_else(|| "var(--paper)".to_owned());
            format!("inset 0 -{}px 0 {color}", (layer + 1) * UNDERLINE_PX)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn tint(color: &str) -> String {
    format!("color-mix(in srgb, {color} 14%, transparent)")
}

/// The keyboard's way of selecting: a cursor (`focus`) and, while Shift is held, the other end
/// of the selection (`anchor`), both document offsets. The selection itself is the browser's,
/// so mouse and keyboard selections are one and the same thing to the rest of the app.
#[derive(Clone, Copy)]
struct KeyboardCursor {
    document: StoredValue<Arc<Document>>,
    ends: StoredValue<(usize, usize)>,
    /// Where the caret is drawn while the article has focus and nothing is selected.
    caret: RwSignal<Option<(f64, f64, f64)>>,
}

impl KeyboardCursor {
    fn new(document: Arc<Document>) -> KeyboardCursor {
        KeyboardCursor { document: StoredValue::new(document), ends: StoredValue::new((0, 0)), caret: RwSignal::new(None) }
    }

    fn on_key(self, event: leptos::ev::KeyboardEvent, view: View, work: Work) {
        let held = Modifiers { ctrl: event.ctrl_key(), alt: event.alt_key(), meta: event.meta_key() };
        if let Some((unit, forward)) = boundary::cursor_move(&event.key(), held, apple()) {
            self.step(unit, forward, event.shift_key(), view);
            event.prevent_default();
            return;
        }
        match event.key().as_str() {
            "]" | "[" => {
                event.prevent_default();
                select_adjacent(view, work, event.key() == "]");
            }
            // Walks the highlights; at either end, Tab leaves the article as usual.
            "Tab" if !event.ctrl_key() && !event.alt_key() && select_adjacent(view, work, !event.shift_key()) => {
                event.prevent_default();
            }
            "Enter" if view.selected.get_untracked().is_some() => {
                event.prevent_default();
                if let Some(note) = document().get_element_by_id(NOTE_ID) {
                    let _ = note.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            _ => {}
        }
    }

    /// Moves the cursor one `unit`, extending the selection with `extend` (Shift held).
    fn step(self, unit: Unit, forward: bool, extend: bool, view: View) {
        let (mut anchor, mut focus) = self.ends.get_value();
        // A selection made with the mouse since: the keyboard goes on from there.
        if let Some(Pending { start, end }) = view.pending.get_untracked() {
            if (anchor.min(focus), anchor.max(focus)) != (start, end) {
                (anchor, focus) = (start, end);
            }
        }
        let moved = self.document.with_value(|d| boundary::step(&d.text, &d.index, focus, unit, forward));
        let anchor = if extend { anchor } else { moved };
        self.ends.set_value((anchor, moved));
        // Set now, not when the browser reports the selection change: the next key may
        // come first.
        let pending = (anchor != moved).then(|| Pending { start: anchor.min(moved), end: anchor.max(moved) });
        view.pending.set(pending);
        if let Some(article) = article::element() {
            selection::select_offsets(&article, anchor, moved);
            self.show();
            article::keep_in_view(&article, moved);
        }
    }

    /// A click in the text leaves the browser's caret where the keyboard goes on from.
    fn follow_click(self) {
        if let Some(caret) = article::element().and_then(|article| selection::caret_offset(&article)) {
            self.ends.set_value((caret, caret));
        }
    }

    fn show(self) {
        let (anchor, focus) = self.ends.get_value();
        let shown = (anchor == focus).then(|| article::element().and_then(|a| selection::caret_box(&a, focus))).flatten();
        self.caret.set(shown);
    }

    fn hide(self) {
        self.caret.set(None);
    }
}

/// Search in the open article: the matches are highlighted, counted and stepped through.
#[component]
fn FindBar(matches: Memo<Vec<(usize, usize)>>) -> impl IntoView {
    let query = state::view().query;
    let current = RwSignal::new(0usize);
    let count = move || matches.with(Vec::len);
    let step = move |by: isize| {
        let total = count();
        if total == 0 {
            return;
        }
        let next = (current.get_untracked() as isize + by).rem_euclid(total as isize) as usize;
        current.set(next);
        if let Some((start, end)) = matches.with_untracked(|m| m.get(next).copied()) {
            state::view().reveal_text(start, end, false);
        }
    };
    let summary = move || match (query.with(|q| q.trim().is_empty()), count()) {
        (true, _) => String::new(),
        (false, 0) => "No matches".to_owned(),
        (false, 1) => "1 match".to_owned(),
        (false, n) => format!("{} of {n} matches", current.get().min(n - 1) + 1),
    };
    view! {
        <div class="find" role="search" aria-label="Find in article">
            <input
                type="search"
                id=FIND_INPUT_ID
                aria-label="Find in article"
                placeholder=format!("Find in article ({}+F)", KeyNames::here().command)
                prop:value=move || query.get()
                on:input=move |event| {
                    current.set(0);
                    query.set(event_target_value(&event));
                }
                on:keydown=move |event: leptos::ev::KeyboardEvent| match event.key().as_str() {
                    "Enter" => step(if event.shift_key() { -1 } else { 1 }),
                    "Escape" => query.set(String::new()),
                    _ => {}
                }
            />
            <span class="find-count" aria-live="polite">{summary}</span>
            <button type="button" disabled=move || count() == 0 on:click=move |_| step(-1)>"Previous match"</button>
            <button type="button" disabled=move || count() == 0 on:click=move |_| step(1)>"Next match"</button>
        </div>
    }
}

/// Selects the next (or previous) shown annotation of the open article in text order, from the
/// selected one, and says which it is; false when there is none that way.
fn select_adjacent(view: View, work: Work, forward: bool) -> bool {
    let Some(document_id) = view.open.get_untracked() else {
        return false;
    };
    let selected = view.selected.get_untracked();
    let found = untrack(|| {
        state::classroom()
            .with_shown(&document_id, |shown, _| shown.step(selected.as_deref(), forward).map(|(at, count, a)| (at + 1, count, a.clone())))
    });
    let Some((at, count, annotation)) = found else {
        return false;
    };
    view.select(&annotation.id);
    view.reveal_text(annotation.start, annotation.end, false);
    let name = work.with_labels_in_use(|labels| label::find(labels, &annotation.label).map(|l| l.name.clone()));
    let name = name.unwrap_or(annotation.label);
    view.say(Message::status(format!("{name}: “{}” ({at} of {count})", annotation.quote)));
    true
}
