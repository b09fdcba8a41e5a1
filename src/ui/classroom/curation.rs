//! The curation, as its part draws it: above the article (which shows the gold), the bar named
//! **Gold** with the annotators' files, the threshold that accepts at once, what it made, the
//! agreement before and against the gold after, and the gold as an assignment's key; beside it,
//! the region **Conflicts**, walked one conflict at a time with buttons or keys.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::{ev, html};
use wasm_bindgen::JsCast;

use super::agreement::{figure_rows, said};
use crate::core::classroom::curation::{self, AgainstGold, Annotator, Conflict, Standing, Threshold};
use crate::core::classroom::figures::ClassAgreement;
use crate::core::measures::fixed;
use crate::core::measures::matching::Scheme;
use crate::core::model::annotation::Annotation;
use crate::ui::browser::{self, article, listen, persist};
use crate::ui::state::{self, effect, gamma_in_slices, ClassGamma, Decision, Message, Reveal};

/// The bar above the gold.
#[component]
pub fn CurationBar() -> impl IntoView {
    let (curating, classroom) = (state::curating(), state::classroom());
    // Another tab may have changed the annotators since this one last read them; while the
    // curation is open, what another tab stores is taken as it is stored.
    curating.read_again();
    listen::on_window(ev::storage, move |event| {
        if event.key().as_deref() == Some(curation::KEY) {
            curating.take_stored_elsewhere(persist::stored_elsewhere(&event));
        }
    });
    let annotators = Memo::new(move |_| curating.with(|c| c.annotators.iter().map(|a| (a.name.clone(), a.count())).collect::<Vec<_>>()));
    let of = move || annotators.with(Vec::len);
    let curated = Memo::new(move |_| curating.curated());
    let choose_files = move |event: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let files = browser::files(input.files());
        // Choosing the same files again must fire `change` again.
        input.set_value("");
        let state = state::all();
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for (name, contents) in browser::read_texts(files).await {
                match contents {
                    Ok(contents) => read.extend(annotator_of(state, &name, &contents).await),
                    Err(problem) => {
                        state.view.say(Message::alert(format!("“{name}” could not be read: {problem}. The curation is unchanged.")))
                    }
                }
            }
            if !read.is_empty() {
                state.curating.add(read);
            }
        });
    };
    let threshold_options = move || {
        let (of, chosen) = (of(), curating.with(|c| c.threshold));
        Threshold::choices(of)
            .into_iter()
            .map(|t| view! { <option value=t.value() selected=t == chosen>{t.name(of)}</option> })
            .collect_view()
    };
    let choose_threshold = move |event: ev::Event| {
        if let Some(threshold) = Threshold::of_value(&event_target_value(&event)) {
            curating.set_threshold(threshold);
        }
    };
    let summary = move || {
        curated.with(|c| {
            let left = c.conflicts.iter().filter(|k| curating.standing(k) == Standing::Open).count();
            format!(
                "{} spans accepted automatically, {} outvoted; {} conflicts, {left} left.",
                c.accepted.len(),
                c.outvoted,
                c.conflicts.len()
            )
        })
    };
    let annotator_list = move || {
        annotators
            .get()
            .into_iter()
            .map(|(name, count)| {
                let (said, removed) = (format!("{name}: {count} span{}", if count == 1 { "" } else { "s" }), name.clone());
                view! {
                    <li>
                        {said}
                        " "
                        <button type="button" aria-label=format!("Remove {name}") on:click=move |_| curating.remove(&removed)>"Remove"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="curation-bar" aria-labelledby="gold-heading">
            <h2 id="gold-heading">"Gold"</h2>
            <p class="hint">
                "The gold standard the curation makes: the article shows it, a label key adds a span to it, and Export writes it in any format."
            </p>
            <div class="curation-controls">
                <label class="file-button">
                    "Annotators' files"
                    <input type="file" multiple accept=".json,.jsonl,.txt,.ann,.conll,.tsv,application/json" on:change=choose_files/>
                </label>
                <Show when=move || { of() > 0 }>
                    <label>
                        "Accept automatically "
                        <select on:change=choose_threshold>{threshold_options}</select>
                    </label>
                </Show>
                <button type="button" on:click=move |_| curating.use_as_key()>"Use as an assignment's key"</button>
                <button type="button" on:click=move |_| classroom.leave()>"Back to reading"</button>
            </div>
            <Show when=move || { of() > 0 } fallback=|| view! {
                <p>"Choose the annotators' files: Glossa exports, hand-ins or any format Glossa imports, one file an annotator."</p>
            }>
                <ul class="annotators" aria-label="Annotators">{annotator_list}</ul>
                <p role="status">{summary}</p>
                <CurationAgreement/>
            </Show>
        </section>
    }
}

/// What a file makes of an annotator: a hand-in is its student's, any other importable file is
/// its name's; a file that is neither is said, and left.
async fn annotator_of(state: state::State, file_name: &str, contents: &str) -> Option<Annotator> {
    let name = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem).to_owned();
    if let Some(read) = curation::annotator_of_hand_in(contents, &state.work.documents()) {
        return read.map_err(|problem| state.view.say(Message::alert(format!("“{file_name}” is not curated: {problem}.")))).ok();
    }
    let parsed = match state.exchange.read_placed(contents).await? {
        Ok(parsed) => parsed,
        Err(error) => {
            state.view.say(Message::alert(format!("“{file_name}” is not curated: {error}. The curation is unchanged.")));
            return None;
        }
    };
    let elsewhere: Vec<&str> = parsed.new_documents.iter().map(|d| d.record.title.as_str()).collect();
    if !elsewhere.is_empty() {
        state.view.say(Message::alert(format!(
            "“{file_name}” marks texts that are not here ({}): import the file to add them, then curate it.",
            elsewhere.join(", ")
        )));
    }
    state.work.adopt_labels(&parsed.new_labels);
    let new_ids: Vec<&str> = parsed.new_documents.iter().map(|d| d.record.id.as_str()).collect();
    let mut documents: BTreeMap<String, Vec<Annotation>> = BTreeMap::new();
    for (document, annotation) in parsed.accepted.into_iter().filter(|(d, _)| !new_ids.contains(&d.as_str())) {
        documents.entry(document).or_default().push(annotation);
    }
    Some(Annotator { name, documents })
}

/// Agreement before the curation (the annotators among themselves: the classroom's figures) and
/// after (each against the gold), behind one disclosure.
#[component]
fn CurationAgreement() -> impl IntoView {
    let (curating, work) = (state::curating(), state::work());
    let open = RwSignal::new(false);
    let before = Memo::new(move |_| {
        let (documents, labels) = (curating.documents(), work.labels());
        curating.with(|c| curation::agreement(&c.annotators, &documents, &labels))
    });
    let after = Memo::new(move |_| {
        let (documents, labels, gold) = (curating.documents(), work.labels(), curating.gold());
        curating.with(|c| curation::against_gold(&c.annotators, &gold, &documents, &labels))
    });
    // γ is computed in slices, only once the figures are opened, and again as the annotators change.
    let gamma = RwSignal::new(ClassGamma::new());
    let generation = StoredValue::new(0_u64);
    effect(move || {
        if !open.get() {
            return;
        }
        before.track();
        let (documents, labels) = untrack(|| (curating.documents(), work.labels()));
        let estimations = untrack(|| curating.with(|c| curation::gamma(&c.annotators, &documents, &labels)));
        gamma_in_slices(estimations, gamma, generation);
    });
    let before_tables = move || {
        let ClassAgreement { students, rows, pair_f1, .. } = before.get()?;
        let rows = figure_rows(rows, move |row| gamma.with(|g| g.get(row).copied().flatten()));
        let all = before.with(|b| b.as_ref().and_then(|b| b.rows.last().map(|(_, a)| a.cohen.clone()))).unwrap_or_default();
        let pairs = all
            .into_iter()
            .zip(pair_f1)
            .map(|(((i, j), kappa), (_, f1))| {
                view! { <tr><th scope="row">{format!("{} and {}", students[i], students[j])}</th><td>{said(kappa)}</td><td>{fixed(f1, 2)}</td></tr> }
            })
            .collect_view();
        Some(view! {
            <table class="figures" aria-label="Agreement between annotators">
                <caption>"Before: the annotators among themselves, κ and α character by character, γ on the spans"</caption>
                <thead><tr><th scope="col">"Label"</th><th scope="col">"Fleiss' κ"</th><th scope="col">"Krippendorff's α"</th><th scope="col">"Cohen's κ, mean of pairs"</th><th scope="col">"Mathet's γ"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <table class="figures" aria-label="Pairs of annotators">
                <caption>"Each pair, all labels: Cohen's κ, and F1 (fair) of one's work against the other's"</caption>
                <thead><tr><th scope="col">"Annotators"</th><th scope="col">"Cohen's κ"</th><th scope="col">"F1 (fair)"</th></tr></thead>
                <tbody>{pairs}</tbody>
            </table>
        })
    };
    let after_rows = move || {
        after
            .get()
            .into_iter()
            .map(|AgainstGold { name, evaluation, kappa }| {
                let (strict, fair) = (evaluation.overall.figures(Scheme::Strict), evaluation.overall.figures(Scheme::Fair));
                view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td>{fixed(strict.precision, 2)}</td>
                        <td>{fixed(strict.recall, 2)}</td>
                        <td>{fixed(strict.f1, 2)}</td>
                        <td>{fixed(fair.f1, 2)}</td>
                        <td>{said(kappa)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <details class="agreement-detail" on:toggle=move |event| open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
            <summary>"Agreement"</summary>
            <Show when=move || open.get()>
                {before_tables}
                <table class="figures" aria-label="Each annotator against the gold">
                    <caption>"After: each annotator's work scored with the gold as the key, and Cohen's κ of the two"</caption>
                    <thead><tr>
                        <th scope="col">"Annotator"</th><th scope="col">"Precision (strict)"</th><th scope="col">"Recall (strict)"</th>
                        <th scope="col">"F1 (strict)"</th><th scope="col">"F1 (fair)"</th><th scope="col">"Cohen's κ"</th>
                    </tr></thead>
                    <tbody>{after_rows}</tbody>
                </table>
            </Show>
        </details>
    }
}

/// The region of conflicts: one shown at a time, its versions with who gave each, decided with
/// buttons or, where it has the focus, keys (`ArrowDown`/`n` the next, `ArrowUp`/`p` the previous,
/// `a` accept all, `Delete` reject); its heading counts those left.
#[component]
pub fn ConflictsRegion() -> impl IntoView {
    let (curating, work) = (state::curating(), state::work());
    let curated = Memo::new(move |_| curating.curated());
    let standings = Memo::new(move |_| curated.with(|c| c.conflicts.iter().map(|k| curating.standing(k)).collect::<Vec<_>>()));
    let total = move || standings.with(Vec::len);
    let left = move || standings.with(|s| s.iter().filter(|s| **s == Standing::Open).count());
    let at = RwSignal::new(0_usize);
    let current = Memo::new(move |_| {
        let at = at.get();
        curated.with(|c| c.conflicts.get(at.min(c.conflicts.len().saturating_sub(1))).cloned())
    });
    // The article follows the conflict shown.
    effect(move || {
        if let Some(conflict) = current.get() {
            untrack(|| curating.show(&conflict));
        }
    });
    let card = NodeRef::<html::Div>::new();
    let keep_focus = move || {
        if let Some(card) = card.get_untracked() {
            let _ = card.focus();
        }
    };
    let step = move |by: isize| {
        let n = untrack(total);
        if n > 0 {
            at.update(|at| *at = (*at as isize + by).rem_euclid(n as isize) as usize);
        }
        keep_focus();
    };
    // After a decision, on to the next conflict still open (if any).
    let decide = move |decision: Decision| {
        let Some(conflict) = current.get_untracked() else { return };
        curating.decide(&conflict, decision);
        let from = at.get_untracked();
        let next = standings.with_untracked(|s| (1..=s.len()).map(|k| (from + k) % s.len()).find(|&i| s[i] == Standing::Open));
        if let Some(next) = next {
            at.set(next);
        }
        keep_focus();
    };
    let keydown = move |event: ev::KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        match event.key().as_str() {
            "ArrowDown" | "n" => step(1),
            "ArrowUp" | "p" => step(-1),
            "a" => decide(Decision::AcceptAll),
            "Delete" | "Backspace" => decide(Decision::Reject),
            _ => return,
        }
        event.prevent_default();
    };
    let heading = move || format!("Conflicts ({} left of {})", left(), total());
    let shown = move || {
        let conflict = current.get()?;
        let index = at.get().min(total().saturating_sub(1));
        let standing = standings.with(|s| s.get(index).copied().unwrap_or(Standing::Open));
        Some(conflict_view(conflict, index, total(), standing, work, decide))
    };
    view! {
        <section class="conflicts" aria-labelledby="conflicts-heading">
            <h2 class="panel-heading" id="conflicts-heading">{heading}</h2>
            <Show when=move || { total() > 0 } fallback=|| view! {
                <p class="empty">"No conflicts: what the annotators marked is accepted or outvoted, or no files are chosen yet."</p>
            }>
                <div class="conflict" tabindex="0" node_ref=card aria-label="The conflict shown" aria-keyshortcuts="ArrowDown ArrowUp A Delete" on:keydown=keydown>
                    {shown}
                </div>
                <div class="conflict-steps">
                    <button type="button" aria-keyshortcuts="ArrowUp" on:click=move |_| step(-1)>"Previous conflict"</button>
                    <button type="button" aria-keyshortcuts="ArrowDown" on:click=move |_| step(1)>"Next conflict"</button>
                </div>
            </Show>
        </section>
    }
}

/// One conflict: where it is, how it stands, each version with who gave it and **Accept**, then
/// **Accept all**, **Reject**, **Edit in the text**, or once decided **Open again**.
fn conflict_view(
    conflict: Conflict,
    index: usize,
    total: usize,
    standing: Standing,
    work: state::Work,
    decide: impl Fn(Decision) + Copy + 'static,
) -> impl IntoView {
    let curating = state::curating();
    let names = curating.with(|c| c.annotators.iter().map(|a| a.name.clone()).collect::<Vec<_>>());
    let title = work.title(&conflict.document).unwrap_or_default();
    let versions = conflict
        .versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let label = work.label(&v.label).map_or(v.label.clone(), |l| l.name);
            let by: Vec<&str> = v.by.iter().filter_map(|&who| names.get(who).map(String::as_str)).collect();
            let said_by = if v.attributed_to.is_empty() { String::new() } else { format!(", said by {}", v.attributed_to) };
            let text = format!("{label} “{}”{said_by} ({}–{}) — {}", v.quote, v.start, v.end, by.join(", "));
            view! {
                <li>
                    <span>{text}</span>
                    " "
                    <button type="button" on:click=move |_| decide(Decision::Accept(i))>"Accept"</button>
                </li>
            }
        })
        .collect_view();
    let state = match standing {
        Standing::Open => "Open",
        Standing::Accepted => "Decided: in the gold",
        Standing::Rejected => "Decided: rejected",
    };
    let (reopened, edited) = (conflict.clone(), conflict.clone());
    let edit = move |_| {
        let view = state::view();
        view.set_reveal(Some((edited.document.clone(), Reveal::Text { start: edited.start, end: edited.end, select: true })));
        // The keyboard goes on in the article: Shift and the arrows change the selection there.
        if let Some(article) = article::element() {
            let _ = article.unchecked_into::<web_sys::HtmlElement>().focus();
        }
        view.say(Message::status(
            "The stretch is selected: change the selection if needed (Shift and the arrows), then press a label's key to put it in the gold.",
        ));
    };
    view! {
        <p class="conflict-where">{format!("Conflict {} of {total}, in “{title}” — {state}", index + 1)}</p>
        <ol class="versions" aria-label="Versions">{versions}</ol>
        <div class="conflict-actions">
            <button type="button" aria-keyshortcuts="A" on:click=move |_| decide(Decision::AcceptAll)>"Accept all"</button>
            <button type="button" aria-keyshortcuts="Delete" on:click=move |_| decide(Decision::Reject)>"Reject"</button>
            <button type="button" on:click=edit>"Edit in the text"</button>
            {(standing != Standing::Open).then(|| view! {
                <button type="button" on:click=move |_| curating.reopen(&reopened)>"Open again"</button>
            })}
        </div>
    }
}
