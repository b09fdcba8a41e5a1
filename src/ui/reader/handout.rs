//! The open article printed as a handout: its text with each highlight's label named and
//! underlined (legible in black and white), the notes and attributions as numbered footnotes
//! after it, and no page furniture (the print stylesheet). The footnotes and their numbers in the
//! text are made when the browser is about to print (`beforeprint`), from the annotations shown.

use leptos::ev;
use leptos::prelude::*;

use crate::core::model::annotation::Annotation;
use crate::core::model::label;
use crate::core::reading::handout;
use crate::ui::browser::listen;
use crate::ui::{browser, browser::article, reader::viewport::Viewport, state};

/// One footnote as printed.
#[derive(Clone)]
pub struct Footnote {
    label: String,
    quote: String,
    attributed_to: String,
    note: String,
}

/// Until the article is unmounted: before printing, draws all of it (a long document is drawn in
/// part), numbers the highlights that carry a note or an attribution and fills `footnotes` with
/// them; after printing, lets the drawing go back to what is on screen and sets `footnotes` to
/// `None` (not printing). `shown` gives the annotations the article shows.
pub fn follow_printing(viewport: Viewport, footnotes: RwSignal<Option<Vec<Footnote>>>, shown: impl Fn() -> Vec<Annotation> + 'static) {
    // Taken from the context now: the listeners run outside any reactive owner.
    let (view, work) = (state::view(), state::work());
    listen::on_window(ev::beforeprint, move |_| {
        let annotations = shown();
        let notes = handout::footnotes(&annotations);
        let name = |id: &str| work.with_labels_in_use(|labels| label::name_of(labels, id).to_owned());
        footnotes.set(Some(
            notes
                .iter()
                .map(|a| Footnote {
                    label: name(&a.label),
                    quote: a.quote.clone(),
                    attributed_to: a.attributed_to.clone(),
                    note: a.note.clone(),
                })
                .collect(),
        ));
        let ids: Vec<String> = notes.iter().map(|a| a.id.clone()).collect();
        viewport.draw_all();
        // After the paragraphs just asked for are drawn: Leptos draws them in tasks queued before this one.
        leptos::task::spawn_local(async move { number_highlights(&ids) });
    });
    listen::on_window(ev::afterprint, move |_| {
        footnotes.set(None);
        viewport.release_all(view);
    });
}

/// Gives the first highlight of each annotation of `ids` its footnote's number (`data-footnote`,
/// which the print stylesheet shows after it; a number drawn by CSS is no part of the text).
fn number_highlights(ids: &[String]) {
    let Some(article) = article::element() else { return };
    // Each number goes to the first highlight of its annotation only.
    // Few annotations carry notes: a list searched beats a hash map's code in every download.
    let mut unnumbered: Vec<Option<&str>> = ids.iter().map(|id| Some(id.as_str())).collect();
    for mark in browser::elements(&article, "mark[data-annotations]") {
        let annotations = mark.get_attribute("data-annotations").unwrap_or_default();
        let mut numbers = Vec::new();
        for id in annotations.split(' ') {
            if let Some(at) = unnumbered.iter().position(|n| *n == Some(id)) {
                unnumbered[at] = None;
                numbers.push((at + 1).to_string());
            }
        }
        let _ = if numbers.is_empty() {
            mark.remove_attribute("data-footnote")
        } else {
            mark.set_attribute("data-footnote", &numbers.join(","))
        };
    }
}

/// The key of labels and the footnotes, drawn only while printing: a handout printed to be
/// annotated on paper says what each label means too.
#[component]
pub fn Footnotes(footnotes: RwSignal<Option<Vec<Footnote>>>) -> impl IntoView {
    let work = state::work();
    let key = move || {
        let explained: Vec<(String, String)> =
            work.with_labels_in_use(|labels| labels.iter().filter_map(|l| Some((l.name.clone(), l.explanation()?))).collect());
        (!explained.is_empty()).then(|| {
            view! {
                <section class="labels-key" aria-label="Key of labels">
                    <h2>"Key of labels"</h2>
                    <ul>{explained.into_iter().map(|(name, said)| view! { <li><strong>{name}</strong> ": " {said}</li> }).collect_view()}</ul>
                </section>
            }
        })
    };
    let notes = move || {
        let notes = footnotes.get().unwrap_or_default();
        (!notes.is_empty()).then(|| {
            view! {
                <section class="footnotes" aria-label="Notes">
                    <h2>"Notes"</h2>
                    <ol>
                        {notes
                            .into_iter()
                            .map(|f| {
                                let attribution = (!f.attributed_to.is_empty()).then(|| format!("Attributed to {}. ", f.attributed_to));
                                view! { <li><strong>{f.label}</strong> " “" {f.quote} "”. " {attribution} {f.note}</li> }
                            })
                            .collect_view()}
                    </ol>
                </section>
            }
        })
    };
    move || footnotes.with(Option::is_some).then(|| view! { {key} {notes} })
}
