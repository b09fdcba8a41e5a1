//! Tests of the code that touches the DOM, in headless Chromium: the conversion of selection
//! points to document offsets, the first screen taken away with the label keys pressed on it, and
//! the mounted app turning a selection and a key into a saved annotation.
#![cfg(target_arch = "wasm32")]

use glossa::core::text::offsets::code_point_to_utf16;
use glossa::core::work::storage::STATE_KEY;
use glossa::ui::browser::highlights;
use glossa::ui::browser::selection::{
    caret_offset, drawn_bounds, drawn_range, offset_to_point, point_to_offset, run_elements, select_offsets, selected_range,
};
use leptos::prelude::{view, IntoView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A container in the page holding `html`, removed again when the test is over.
struct Fixture(Element);

impl Fixture {
    fn new(html: &str) -> Fixture {
        let host = document().create_element("div").unwrap();
        host.set_inner_html(html);
        document().body().unwrap().append_child(&host).unwrap();
        Fixture(host)
    }
    fn find(&self, selector: &str) -> Element {
        self.0.query_selector(selector).unwrap().unwrap()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.0.remove();
    }
}

// Document text "a🚀 e\u{301}\nz" (an astral rocket, a combining acute): runs as the app renders them.
const RUNS: &str = concat!(
    r#"<p id="before">outside</p><article>"#,
    r#"<p><span data-start="0" data-end="2">a🚀</span><mark data-start="2" data-end="5"> e"#,
    "\u{301}",
    r#"</mark></p><p><span data-start="6" data-end="7">z</span></p></article><p id="after">outside</p>"#,
);

#[wasm_bindgen_test]
fn every_position_inside_a_run_maps_to_its_code_point() {
    let fixture = Fixture::new(RUNS);
    let runs = run_elements(&fixture.find("article"));
    assert_eq!(runs.len(), 3);
    for run in &runs {
        let start: usize = run.get_attribute("data-start").unwrap().parse().unwrap();
        let text_node = run.first_child().unwrap();
        let text = text_node.text_content().unwrap();
        for code_point in 0..=text.chars().count() {
            let utf16 = code_point_to_utf16(&text, code_point) as u32;
            assert_eq!(point_to_offset(&runs, &text_node, utf16), Some(start + code_point), "{text:?} at {code_point}");
        }
    }
}

#[wasm_bindgen_test]
fn a_point_inside_a_surrogate_pair_rounds_down() {
    let fixture = Fixture::new(RUNS);
    let runs = run_elements(&fixture.find("article"));
    let text_node = runs[0].first_child().unwrap();
    assert_eq!(point_to_offset(&runs, &text_node, 2), Some(1));
}

#[wasm_bindgen_test]
fn element_points_map_to_the_nearest_run_edge() {
    let fixture = Fixture::new(RUNS);
    let article = fixture.find("article");
    let runs = run_elements(&article);
    let paragraphs = article.query_selector_all("p").unwrap();
    let second: Node = paragraphs.item(1).unwrap();
    assert_eq!(point_to_offset(&runs, &runs[1], 0), Some(2), "at the start of a run element");
    assert_eq!(point_to_offset(&runs, &runs[1], 1), Some(5), "at the end of a run element");
    assert_eq!(point_to_offset(&runs, &second, 0), Some(6), "before the second paragraph's first run");
    assert_eq!(point_to_offset(&runs, &article, 0), Some(0), "before everything");
    let children = article.child_nodes().length();
    assert_eq!(point_to_offset(&runs, &article, children), Some(7), "after everything");
    let before = fixture.find("#before").first_child().unwrap();
    let after = fixture.find("#after").first_child().unwrap();
    assert_eq!(point_to_offset(&runs, &before, 3), Some(0));
    assert_eq!(point_to_offset(&runs, &after, 3), Some(7));
}

#[wasm_bindgen_test]
fn offsets_map_to_dom_points_and_back() {
    let fixture = Fixture::new(RUNS);
    let runs = run_elements(&fixture.find("article"));
    // 0..=5 lie in the first paragraph's runs, 6..=7 in the second; 5 is the end of "é".
    for offset in [0, 1, 2, 3, 4, 5, 6, 7] {
        let (node, at) = offset_to_point(&runs, offset).unwrap();
        assert_eq!(node.node_type(), Node::TEXT_NODE);
        assert_eq!(point_to_offset(&runs, &node, at), Some(offset), "offset {offset}");
    }
    let (node, at) = offset_to_point(&runs, 2).unwrap();
    assert_eq!((node.text_content().as_deref(), at), (Some("a🚀"), 3), "the rocket is two UTF-16 units");
}

#[wasm_bindgen_test]
fn a_drawn_range_covers_its_offsets_and_none_is_made_where_nothing_is_drawn() {
    // A long document drawn in part: code points 0..2 and 10..12, nothing between.
    let fixture = Fixture::new(concat!(
        r#"<article><p><span data-start="0" data-end="2">a🚀</span></p>"#,
        r#"<p><span data-start="10" data-end="12">zz</span></p></article>"#,
    ));
    let runs = run_elements(&fixture.find("article"));
    assert_eq!(drawn_bounds(&runs), Some((0, 12)));
    assert_eq!(String::from(drawn_range(&runs, 1, 2).unwrap().to_string()), "🚀", "an astral character, two UTF-16 units");
    assert_eq!(String::from(drawn_range(&runs, 0, 11).unwrap().to_string()), "a🚀z", "across drawn runs");
    assert!(drawn_range(&runs, 3, 5).is_none(), "nothing drawn there");
    assert!(drawn_range(&runs, 1, 5).is_none(), "an end where nothing is drawn");
    assert_eq!(drawn_bounds(&[]), None);
}

#[wasm_bindgen_test]
fn highlights_are_painted_into_the_pages_registry_and_taken_away() {
    let fixture = Fixture::new(RUNS);
    let runs = run_elements(&fixture.find("article"));
    let ranges = [drawn_range(&runs, 1, 2).unwrap(), drawn_range(&runs, 6, 7).unwrap()];
    highlights::paint("test-hints", &ranges).unwrap();
    let registry = js_sys::Reflect::get(&js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).unwrap(), &"highlights".into()).unwrap();
    let get: js_sys::Function = js_sys::Reflect::get(&registry, &"get".into()).unwrap().unchecked_into();
    let size = |registry: &wasm_bindgen::JsValue| {
        let painted = get.call1(registry, &"test-hints".into()).unwrap();
        (!painted.is_undefined()).then(|| js_sys::Reflect::get(&painted, &"size".into()).unwrap().as_f64().unwrap())
    };
    assert_eq!(size(&registry), Some(2.0));
    highlights::paint("test-hints", &ranges[..1]).unwrap();
    assert_eq!(size(&registry), Some(1.0), "painted again in place of the last");
    highlights::clear("test-hints");
    assert_eq!(size(&registry), None);
}

#[wasm_bindgen_test]
fn the_keyboard_selects_by_offsets_in_either_direction() {
    let fixture = Fixture::new(RUNS);
    let article = fixture.find("article");
    select_offsets(&article, 7, 1).unwrap();
    assert_eq!(selected_range(&article), Some((1, 7)));
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    let selected = String::from(selection.to_string());
    assert!(selected.starts_with("🚀 e\u{301}") && selected.ends_with('z'), "{selected:?}");
    select_offsets(&article, 3, 3).unwrap();
    assert!(selection.is_collapsed());
    assert_eq!(selected_range(&article), None);
}

fn select(start: (&Node, u32), end: (&Node, u32)) {
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range_between(start, end)).unwrap();
}

fn range_between(start: (&Node, u32), end: (&Node, u32)) -> web_sys::Range {
    let range = document().create_range().unwrap();
    range.set_start(start.0, start.1).unwrap();
    range.set_end(end.0, end.1).unwrap();
    range
}

#[wasm_bindgen_test]
fn a_selection_across_paragraphs_and_beyond_the_article_is_cut_to_it() {
    let fixture = Fixture::new(RUNS);
    let article = fixture.find("article");
    let rocket_end = fixture.find("span[data-start='0']").first_child().unwrap();
    let z = fixture.find("span[data-start='6']").first_child().unwrap();
    select((&rocket_end, 3), (&z, 1));
    assert_eq!(selected_range(&article), Some((2, 7)));
    let before = fixture.find("#before").first_child().unwrap();
    let after = fixture.find("#after").first_child().unwrap();
    select((&before, 2), (&after, 2));
    assert_eq!(selected_range(&article), Some((0, 7)));
    select((&before, 1), (&before, 4));
    assert_eq!(selected_range(&article), None, "a selection outside the article");
    select((&z, 1), (&z, 1));
    assert_eq!(selected_range(&article), None, "a collapsed selection");
}

#[wasm_bindgen_test]
fn a_caret_left_by_a_click_is_a_document_offset() {
    let fixture = Fixture::new(RUNS);
    let article = fixture.find("article");
    let rocket = fixture.find("span[data-start='0']").first_child().unwrap();
    select((&rocket, 3), (&rocket, 3));
    assert_eq!(caret_offset(&article), Some(2), "after the rocket's two UTF-16 units");
    let z = fixture.find("span[data-start='6']").first_child().unwrap();
    select((&z, 0), (&z, 1));
    assert_eq!(caret_offset(&article), None, "a selection is not a caret");
    let before = fixture.find("#before").first_child().unwrap();
    select((&before, 1), (&before, 1));
    assert_eq!(caret_offset(&article), None, "a caret outside the article");
}

/// Waits until `condition` holds, checking after each frame of the page, for at most five
/// seconds; then fails, naming what was awaited.
async fn until(what: &str, condition: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while !condition() {
        assert!(js_sys::Date::now() - started < 5_000.0, "waited five seconds for {what}");
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

fn count(host: &Element, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

const ANNOTATION_ITEMS: &str = "section[aria-labelledby='annotations-heading'] li";

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The whole app, every part of it at hand (nothing is split in a test build), in a page holding
/// the bundled articles' texts as the build writes them (`scripts/prerender.mjs`).
fn app() -> impl IntoView {
    if document().get_element_by_id("glossa-articles").is_none() {
        let texts: serde_json::Map<String, serde_json::Value> =
            glossa::core::model::document::bundled().iter().map(|d| (d.id.clone(), d.text.clone().into())).collect();
        let block = document().create_element("script").unwrap();
        block.set_attribute("type", "application/json").unwrap();
        block.set_id("glossa-articles");
        block.set_text_content(Some(&serde_json::Value::Object(texts).to_string()));
        document().head().unwrap().append_child(&block).unwrap();
    }
    view! { <glossa::ui::App parts=glossa::ui::parts::in_place()/> }
}

/// The app mounted in a container of its own, with the last bundled article open; unmounted when
/// the handle is dropped.
async fn open_article() -> (Fixture, leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>) {
    web_sys::window().unwrap().location().set_hash("/a/004_de3ecafd94c781bd").unwrap();
    let host = Fixture::new("");
    let app = leptos::mount::mount_to(host.0.clone().unchecked_into(), app);
    until("the article", || count(&host.0, "article [data-start]") > 0).await;
    (host, app)
}

#[wasm_bindgen_test]
async fn the_app_labels_a_selection_by_key_saves_it_and_takes_in_another_tabs_save() {
    let storage = local_storage();
    storage.clear().unwrap();
    let (host, _app) = open_article().await;

    assert_eq!(count(&host.0, "nav[aria-label='Articles'] a"), 5);
    let article = host.find("article");
    assert!(article.text_content().unwrap().contains("Iran vehemently denies"));

    // "Iran vehemently denies" is the start of the third line, offset 83 in code points.
    let text = "Iran Addresses Controversial Allegations of Missile Transfers to Russia\n\nMissiles\n\n";
    let start = text.chars().count();
    let run = host.find(&format!("article [data-start='{start}']"));
    let node = run.first_child().unwrap();
    select((&node, 0), (&node, "Iran vehemently denies ".len() as u32));
    press("2");
    until("the highlight", || count(&host.0, "article mark") == 1).await;

    let mark = host.find("article mark");
    assert_eq!(mark.text_content().unwrap(), "Iran vehemently denies", "the trailing space is trimmed");
    let title = mark.get_attribute("title").unwrap();
    assert!(title.starts_with("Denial\nDenial: A statement by someone that a claim is false"), "its name, then what it means: {title}");
    // The app saves just after it paints the change (or a moment later in a page with no frames).
    until("the save", || storage.get_item(STATE_KEY).unwrap().is_some()).await;
    let saved: serde_json::Value = serde_json::from_str(&storage.get_item(STATE_KEY).unwrap().unwrap()).unwrap();
    let annotation = &saved["documents"]["004_de3ecafd94c781bd"][0];
    assert_eq!(annotation["start"], start);
    assert_eq!(annotation["end"], start + 22);
    assert_eq!(annotation["label"], "denial");
    assert_eq!(count(&host.0, ANNOTATION_ITEMS), 1);

    // Another tab saves the work with a sanction added: this tab takes it in, keeping its own.
    let mut theirs = saved.clone();
    let sanction = serde_json::json!({"id": "from-another-tab", "label": "sanction", "start": 0, "end": 4, "quote": "Iran",
        "note": "", "attributed_to": "", "created_at": "2026-11-23T10:00:00.000Z", "updated_at": "2026-11-23T10:00:00.000Z"});
    theirs["documents"]["004_de3ecafd94c781bd"].as_array_mut().unwrap().insert(0, sanction);
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(STATE_KEY));
    init.set_new_value(Some(&theirs.to_string()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    until("the other tab's annotation in the list", || count(&host.0, ANNOTATION_ITEMS) == 2).await;
    assert_eq!(count(&host.0, "article mark"), 2, "and in the article");
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_app_mounted_again_after_unmounting_acts_once_on_each_key() {
    let storage = local_storage();
    storage.clear().unwrap();
    let (first_host, first) = open_article().await;
    drop(first);
    drop(first_host);

    // A listener the first app left behind would act on its disposed state and throw.
    let errors =
        js_sys::Function::new_no_args("window.pageErrors = []; addEventListener('error', (e) => pageErrors.push(String(e.message)));");
    errors.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let (host, _app) = open_article().await;
    // `?` toggles the list of shortcuts: a second listener would toggle it back.
    press("?");
    until("the shortcuts", || count(&host.0, "[role='dialog']") == 1).await;
    press("Escape");
    until("the shortcuts to close", || count(&host.0, "[role='dialog']") == 0).await;

    // One selection, one key: one annotation, one step of history.
    let node = host.find("article [data-start='83']").first_child().unwrap();
    select((&node, 0), (&node, 4));
    press("1");
    until("the highlight", || count(&host.0, "article mark") > 0).await;
    until("the save", || storage.get_item(STATE_KEY).unwrap().is_some()).await;
    let saved: serde_json::Value = serde_json::from_str(&storage.get_item(STATE_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(saved["documents"]["004_de3ecafd94c781bd"].as_array().unwrap().len(), 1);
    assert_eq!(saved["history"]["undo"].as_array().unwrap().len(), 1);
    assert_eq!(count(&host.0, ANNOTATION_ITEMS), 1);
    let page_errors = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pageErrors".into()).unwrap();
    assert_eq!(js_sys::Array::from(&page_errors).length(), 0, "{:?}", js_sys::JSON::stringify(&page_errors));
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_export_stays_downloadable_after_the_click_returns() {
    // Records the object URLs the page revokes, without changing what revoking does.
    let record = js_sys::Function::new_no_args(
        "const revoke = URL.revokeObjectURL; window.revoked = [];\
         URL.revokeObjectURL = (url) => { window.revoked.push(url); revoke(url); };\
         const create = URL.createObjectURL; window.created = [];\
         URL.createObjectURL = (blob) => { const url = create(blob); window.created.push(url); return url; };\
         HTMLAnchorElement.prototype.click = function () { window.clicked = this.download; };",
    );
    record.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let host = Fixture::new("");
    let _app = leptos::mount::mount_to(host.0.clone().unchecked_into(), app);
    until("the toolbar", || count(&host.0, "button") > 0).await;
    let export: web_sys::HtmlElement = (0..count(&host.0, "button"))
        .map(|i| host.0.query_selector_all("button").unwrap().item(i).unwrap().unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Export JSON"))
        .unwrap();
    export.click();
    let global = |name: &str| js_sys::Reflect::get(&web_sys::window().unwrap(), &name.into()).unwrap();
    assert_eq!(global("clicked").as_string().as_deref(), Some("glossa-annotations.json"));
    let created = js_sys::Array::from(&global("created"));
    assert_eq!(created.length(), 1);
    assert_eq!(js_sys::Array::from(&global("revoked")).length(), 0, "not revoked in the task of the click");
    // The engine may read the download's data in a later task: it is still there.
    let response = wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_str(&created.get(0).as_string().unwrap()))
        .await
        .expect("the object URL still answers after the click");
    let text = wasm_bindgen_futures::JsFuture::from(response.unchecked_into::<web_sys::Response>().text().unwrap()).await.unwrap();
    assert!(text.as_string().unwrap().contains("\"format\": \"glossa-annotations\""));
}

#[wasm_bindgen_test]
fn a_refusal_of_the_browser_reads_as_words() {
    let refusal = |name: &str| web_sys::DomException::new_with_message_and_name("raw message", name).unwrap().into();
    assert_eq!(glossa::ui::browser::reason(&refusal("QuotaExceededError")), "the storage is full");
    assert_eq!(glossa::ui::browser::reason(&refusal("SecurityError")), "the browser's settings do not allow it");
    assert_eq!(glossa::ui::browser::reason(&refusal("SomethingNew")), "raw message");
    assert_eq!(glossa::ui::browser::reason(&js_sys::Error::new("it broke").into()), "it broke");
    assert_eq!(glossa::ui::browser::reason(&wasm_bindgen::JsValue::NULL), "it gave no reason");
}

#[wasm_bindgen_test]
fn text_written_a_slice_at_a_time_is_one_javascript_string() {
    use std::io::Write;
    // Characters of two, three and four bytes, written in pieces that cut them, across many
    // slices (48 KB each).
    let piece = "é導🚀 ‘Iran’ نفى ";
    let mut text = String::new();
    let mut writer = glossa::ui::browser::Utf8Writer::new();
    for round in 0..9_000 {
        let bytes = piece.as_bytes();
        let cut = round % bytes.len();
        writer.write_all(&bytes[..cut]).unwrap();
        writer.write_all(&bytes[cut..]).unwrap();
        text.push_str(piece);
    }
    assert!(text.len() > 5 * 48 * 1024);
    let written = writer.finish();
    assert_eq!(written.length() as usize, text.encode_utf16().count());
    assert_eq!(String::from(written), text);
    assert_eq!(String::from(glossa::ui::browser::Utf8Writer::new().finish()), "");
}

/// Texts where normalisation is hard: composed and decomposed letters, stacked and reordered
/// combining marks, singletons, Hangul, emoji sequences, CJK, Arabic and Hebrew with their
/// marks, and the corpus's own "U.S." and "Iran’s".
const HARD_CASES: [&str; 16] = [
    "Cafe\u{301} and Café",
    "\u{212b}ngström \u{2126}hm",
    "a\u{323}\u{307} a\u{307}\u{323} \u{1e0b}\u{323}",
    "Vie\u{302}\u{323}t Nam, Việt Nam",
    "\u{1100}\u{1161}\u{11a8} 한국어",
    "👩🏽\u{200d}🚀 🇮🇷🇺🇸 👨‍👩‍👧‍👦 1\u{fe0f}\u{20e3}",
    "導弾の移転 𠮷野家 か\u{3099}",
    "إيران تنفي \u{64a}\u{654} \u{627}\u{653}",
    "שָׁלוֹם \u{5e9}\u{5c1}\u{5b8}",
    "U.S. and Britain accuse Iran’s “propaganda”",
    "\u{fb2c} \u{2adc} \u{1d15e}",
    "e\u{301}\u{301}\u{301}",
    "\u{0f73} \u{0f75} \u{0f81}",
    "ﬁ ² ℌ",
    "\u{1e9b}\u{323}",
    "",
];

#[wasm_bindgen_test]
fn the_browsers_nfc_and_nfd_are_the_crates_on_hard_cases() {
    use unicode_normalization::UnicodeNormalization;
    // Every letter with an accent of Latin-1, Latin Extended-A and -B, Greek and Vietnamese, which
    // a search that ignores accents takes apart.
    let accented: String = ('\u{c0}'..='\u{24f}').chain('\u{386}'..='\u{3ce}').chain('\u{1ea0}'..='\u{1ef9}').collect();
    for case in HARD_CASES.iter().copied().chain([accented.as_str()]) {
        let crate_nfc: String = case.nfc().collect();
        assert_eq!(glossa::ui::browser::unicode::nfc(case), crate_nfc, "{case:?}");
        assert_eq!(glossa::ui::browser::unicode::nfd(case), case.nfd().collect::<String>(), "{case:?}");
        // And a text of one's own normalised in the browser reads as the crate normalises it.
        glossa::core::text::unicode::install(glossa::ui::browser::unicode::BROWSER);
        let with_line_ends = format!("\u{feff}{case}\r\n{case}");
        let expected: String = format!("{crate_nfc}\n{crate_nfc}");
        assert_eq!(glossa::core::model::own_document::normalize(&with_line_ends).text, expected, "{case:?}");
    }
}

#[wasm_bindgen_test]
fn the_browsers_segments_are_the_crates_on_hard_cases() {
    use glossa::core::text::unicode::{install, word_bounds};
    use glossa::ui::browser::unicode::{grapheme_starts, BROWSER};
    use unicode_segmentation::UnicodeSegmentation;
    install(BROWSER);
    let mut differing = Vec::new();
    for case in HARD_CASES {
        let graphemes: Vec<usize> = case.grapheme_indices(true).map(|(byte, _)| byte).collect();
        assert_eq!(grapheme_starts(case), graphemes, "graphemes of {case:?}");
        let words: Vec<&str> = case.split_word_bounds().collect();
        let browsers: Vec<&str> = word_bounds(case).into_iter().map(|(_, word)| word).collect();
        if browsers != words {
            differing.push((case, browsers, words));
        }
    }
    // Only where docs/development.md says: the browser finds words in Japanese and Chinese with a
    // dictionary; UAX #29 alone makes each ideograph a word.
    assert_eq!(differing.len(), 1, "{differing:?}");
    let (case, browsers, _) = &differing[0];
    assert_eq!(*case, HARD_CASES[6]);
    assert!(browsers.contains(&"移転"), "{browsers:?}");
}

#[wasm_bindgen_test]
fn the_first_screen_is_taken_away_with_the_label_keys_pressed_on_it_as_offsets_and_the_files_chosen() {
    use glossa::ui::browser::first_screen::{take_away, EarlyLabel};
    let screen = Fixture::new(&format!(
        r#"<div id="first-screen"><template data-first-screen="other"><article><p><span data-start="0" data-end="1">x</span></p></article></template><div data-first-screen="shown">{RUNS}</div></div>"#
    ));
    let hint = Fixture::new(r#"<p id="first-screen-hint">Starting…</p>"#);
    // As assets/first-screen.js leaves them: "🚀 e" pressed as a claim, then "z" as a denial,
    // and a handle that stops its listener.
    let run = screen.find("[data-first-screen='shown'] article span");
    let mark = screen.find("[data-first-screen='shown'] article mark");
    let z = screen.find("[data-first-screen='shown'] article [data-start='6']");
    let labels = js_sys::Array::new();
    for (key, pressed) in [
        ("1", range_between((&run.first_child().unwrap(), 1), (&mark.first_child().unwrap(), 2))),
        ("2", range_between((&z.first_child().unwrap(), 0), (&z.first_child().unwrap(), 1))),
    ] {
        let item = js_sys::Object::new();
        js_sys::Reflect::set(&item, &"key".into(), &key.into()).unwrap();
        js_sys::Reflect::set(&item, &"range".into(), &pressed).unwrap();
        labels.push(&item);
    }
    let handle = js_sys::Object::new();
    js_sys::Reflect::set(&handle, &"labels".into(), &labels).unwrap();
    // And a file chosen in the meantime.
    let file = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&"{}".into()), "work.json").unwrap();
    js_sys::Reflect::set(&handle, &"files".into(), &js_sys::Array::of1(&file)).unwrap();
    let stop = js_sys::Function::new_no_args("window.firstScreenStopped = true;");
    js_sys::Reflect::set(&handle, &"stop".into(), &stop).unwrap();
    let window = web_sys::window().unwrap();
    js_sys::Reflect::set(&window, &"glossaFirstScreen".into(), &handle).unwrap();

    let meanwhile = take_away();
    assert_eq!(
        meanwhile.labels,
        vec![EarlyLabel { key: "1".into(), start: 1, end: 4 }, EarlyLabel { key: "2".into(), start: 6, end: 7 }],
        "offsets in code points, in the shown place's article"
    );
    assert!(document().get_element_by_id("first-screen").is_none(), "the first screen is gone");
    assert!(document().get_element_by_id("first-screen-hint").is_none(), "and its hint");
    assert_eq!(js_sys::Reflect::get(&window, &"firstScreenStopped".into()).unwrap(), true, "its listener is stopped");
    assert_eq!(meanwhile.files.iter().map(web_sys::File::name).collect::<Vec<_>>(), ["work.json"], "and the file chosen");
    let nothing = take_away();
    assert!(nothing.labels.is_empty() && nothing.files.is_empty(), "a page without a first screen gives nothing");
    drop(hint);
}
