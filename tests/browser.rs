//! Tests of the code that touches the DOM, in headless Chromium: the conversion of selection
//! points to document offsets, and the mounted app turning a selection and a key into a saved
//! annotation.
#![cfg(target_arch = "wasm32")]

use glossa::core::text::code_point_to_utf16;
use glossa::ui::selection::{offset_to_point, point_to_offset, run_elements, select_offsets, selected_range};
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
    let range = document().create_range().unwrap();
    range.set_start(start.0, start.1).unwrap();
    range.set_end(end.0, end.1).unwrap();
    selection.add_range(&range).unwrap();
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

async fn next_tasks() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_app_labels_a_selection_by_key_saves_it_and_takes_in_another_tabs_save() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    web_sys::window().unwrap().location().set_hash("/a/004_de3ecafd94c781bd").unwrap();
    let host = Fixture::new("");
    let _app = leptos::mount::mount_to(host.0.clone().unchecked_into(), glossa::ui::App);
    next_tasks().await;

    assert_eq!(host.0.query_selector_all("nav[aria-label='Articles'] a").unwrap().length(), 5);
    let article = host.find("article");
    assert!(article.text_content().unwrap().contains("Iran vehemently denies"));

    // "Iran vehemently denies" is the start of the third line, offset 84 in code points.
    let text = "Iran Addresses Controversial Allegations of Missile Transfers to Russia\n\nMissiles\n\n";
    let start = text.chars().count();
    let run = host.find(&format!("article [data-start='{start}']"));
    let node = run.first_child().unwrap();
    select((&node, 0), (&node, "Iran vehemently denies ".len() as u32));
    next_tasks().await;
    press("2");
    next_tasks().await;

    let mark = host.find("article mark");
    assert_eq!(mark.text_content().unwrap(), "Iran vehemently denies", "the trailing space is trimmed");
    assert_eq!(mark.get_attribute("title").as_deref(), Some("Denial"));
    // The app saves just after it paints the change (or a moment later in a page with no frames).
    let mut saved = None;
    for _ in 0..40 {
        saved = storage.get_item("glossa.v1.state").unwrap();
        if saved.is_some() {
            break;
        }
        next_tasks().await;
    }
    let saved = saved.expect("the work is saved");
    let saved: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let annotation = &saved["documents"]["004_de3ecafd94c781bd"][0];
    assert_eq!(annotation["start"], start);
    assert_eq!(annotation["end"], start + 22);
    assert_eq!(annotation["label"], "denial");
    let items = host.0.query_selector_all("section[aria-labelledby='annotations-heading'] li").unwrap();
    assert_eq!(items.length(), 1);

    // Another tab saves the work with a sanction added: this tab takes it in, keeping its own.
    let mut theirs = saved.clone();
    let sanction = serde_json::json!({"id": "from-another-tab", "label": "sanction", "start": 0, "end": 4, "quote": "Iran",
        "note": "", "attributed_to": "", "created_at": "2026-11-23T10:00:00.000Z", "updated_at": "2026-11-23T10:00:00.000Z"});
    theirs["documents"]["004_de3ecafd94c781bd"].as_array_mut().unwrap().insert(0, sanction);
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("glossa.v1.state"));
    init.set_new_value(Some(&theirs.to_string()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    next_tasks().await;
    let items = host.0.query_selector_all("section[aria-labelledby='annotations-heading'] li").unwrap();
    assert_eq!(items.length(), 2, "the other tab's annotation joins this tab's");
    assert_eq!(host.0.query_selector_all("article mark").unwrap().length(), 2);
    storage.clear().unwrap();
}
