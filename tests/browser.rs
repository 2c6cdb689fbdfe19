//! In headless Chromium: mounting, the error view, and the reader's interactions.
#![cfg(target_arch = "wasm32")]

mod common;

use explainer::i18n::Lang;
use explainer::state::View;
use explainer::story::{load, EMBEDDED_JSON};
use explainer::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(json: &str, lang: Lang, view: View) -> Element {
    mount_as(json, lang, view, false).await
}

async fn mount_as(json: &str, lang: Lang, view: View, progressive: bool) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("div").unwrap();
    host.set_attribute("class", "host").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let props = common::live_props(json, lang, view, 375, "t", progressive);
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    host
}

fn q(root: &Element, sel: &str) -> Option<Element> {
    root.query_selector(sel).unwrap()
}

fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

/// Clicks an HTML control the way a reader's tap ends: `HTMLElement.click()`.
fn press(root: &Element, sel: &str) {
    q(root, sel)
        .unwrap_or_else(|| panic!("no {sel}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

fn click(el: &Element) {
    // SVG <g> controls are not HTMLElements: dispatch a real click event.
    el.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
            let i = web_sys::MouseEventInit::new();
            i.set_bubbles(true);
            i
        })
        .unwrap(),
    )
    .unwrap();
}

fn key(el: &Element, k: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    el.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
}

fn focused_key(doc_root: &Element) -> Option<String> {
    let _ = doc_root;
    let active = web_sys::window()?.document()?.active_element()?;
    active
        .get_attribute("data-key")
        .or_else(|| active.text_content())
}

fn panel_title(root: &Element) -> String {
    q(root, ".xp-panel h3")
        .map(|h| h.text_content().unwrap())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn mounts_and_shows_the_title() {
    let story = load(EMBEDDED_JSON).unwrap();
    let host = mount(EMBEDDED_JSON, Lang::Fr, View::Diagram).await;
    let title = q(&host, ".xp-title").unwrap().text_content().unwrap();
    assert_eq!(title, story.title.fr);
    assert_eq!(all(&host, ".xp-node").len(), story.entities.len());
}

#[wasm_bindgen_test]
async fn broken_story_shows_the_error_view() {
    let broken = EMBEDDED_JSON.replacen("\"from\": \"nvidia\"", "\"from\": \"nvidai\"", 1);
    let host = mount(&broken, Lang::En, View::Diagram).await;
    let alert = q(&host, "[role=alert]").expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("relationships[0].from") && text.contains("nvidai"),
        "{text}"
    );
    // A French explainer tells its editor in French.
    let host = mount(&broken, Lang::Fr, View::Diagram).await;
    let text = q(&host, "[role=alert]").unwrap().text_content().unwrap();
    assert!(
        text.contains("relationships[0].from\u{a0}: id d’entité inconnu"),
        "{text}"
    );
    let typo = EMBEDDED_JSON.replacen("\"amount\"", "\"amout\"", 1);
    let host = mount(&typo, Lang::En, View::Diagram).await;
    let alert = q(&host, "[role=alert]");
    assert!(
        alert.is_some(),
        "no alert: {}",
        host.inner_html().chars().take(300).collect::<String>()
    );
    let text = alert.unwrap().text_content().unwrap();
    assert!(
        text.contains("relationships[0]") && text.contains("amout"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn the_browser_parser_reports_broken_text_and_hostile_nesting() {
    let host = mount("{\"title\": ", Lang::En, View::Diagram).await;
    let text = q(&host, "[role=alert]")
        .expect("an alert")
        .text_content()
        .unwrap();
    assert!(text.contains("JSON"), "{text}");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = explainer::story::json::from_str::<serde::de::IgnoredAny>(&deep).unwrap_err();
    assert!(err.message.to_string().contains("nested deeper"), "{err:?}");
    let wrong = EMBEDDED_JSON.replacen("\"kind\": \"investment\"", "\"kind\": \"loan\"", 1);
    assert_ne!(wrong, EMBEDDED_JSON, "the story has an investment");
    let host = mount(&wrong, Lang::En, View::Diagram).await;
    let text = q(&host, "[role=alert]")
        .expect("an alert")
        .text_content()
        .unwrap();
    assert!(text.contains("].kind") && text.contains("loan"), "{text}");
}

#[wasm_bindgen_test]
async fn switching_selection_relights_only_the_new_neighbours() {
    // The diagram changes only the controls whose state changed: after any sequence of
    // selections, what is lit must be exactly the current selection's neighbourhood.
    let story = load(EMBEDDED_JSON).unwrap();
    let host = mount(EMBEDDED_JSON, Lang::En, View::Diagram).await;
    let keys = |sel: &str| -> Vec<String> {
        let mut k: Vec<String> = all(&host, sel)
            .iter()
            .filter_map(|e| e.get_attribute("data-key"))
            .collect();
        k.sort();
        k
    };
    for id in ["nvidia", "microsoft", "openai-oracle-300", "nvidia"] {
        let sel = explainer::host::selection_for(&story, id).expect("an item");
        click(&q(&host, &format!("[data-key$=\":{id}\"]")).unwrap());
        yew::scheduler::flush().await;
        let l = explainer::highlight::lit(&story, Some(&sel));
        let mut want: Vec<String> = l
            .entities
            .iter()
            .map(|e| format!("entity:{e}"))
            .chain(l.relationships.iter().map(|r| format!("relationship:{r}")))
            .collect();
        want.sort();
        assert_eq!(keys(".xp-svg .lit"), want, "after {id}");
        assert_eq!(keys(".xp-svg .sel"), keys(".xp-svg [aria-current]"));
        assert_eq!(keys(".xp-svg .sel").len(), 1, "after {id}");
        // Exactly its relationships' lines are lit (one curve, one `M`, each), drawn again
        // over the layer of every line, which no choice changes.
        let curves = |sel: &str| -> usize {
            all(&host, sel)
                .iter()
                .map(|p| {
                    p.get_attribute("d")
                        .unwrap_or_default()
                        .matches('M')
                        .count()
                })
                .sum()
        };
        assert_eq!(
            curves(".xp-lit-lines > g.lit > .xp-line"),
            l.relationships.len(),
            "after {id}: lit curves"
        );
        assert_eq!(
            curves(".xp-lines > g > .xp-line"),
            story.relationships.len()
        );
        assert!(all(&host, ".xp-lines > g.lit").is_empty(), "after {id}");
        let lines = q(&host, ".xp-lines").unwrap();
        assert_eq!(
            lines
                .next_element_sibling()
                .and_then(|e| e.get_attribute("class")),
            Some("xp-lit-lines".to_string()),
            "after {id}: the lit lines right over the others"
        );
    }
    click(&q(&host, ".xp-close").unwrap());
    yew::scheduler::flush().await;
    assert!(keys(".xp-svg .lit, .xp-svg .sel, .xp-svg [aria-current]").is_empty());
    assert!(
        all(&host, ".xp-lit-lines").is_empty(),
        "no lit lines once closed"
    );
}

#[wasm_bindgen_test]
async fn clicking_each_node_and_edge_opens_its_panel() {
    let story = load(EMBEDDED_JSON).unwrap();
    let host = mount(EMBEDDED_JSON, Lang::En, View::Diagram).await;
    for e in &story.entities {
        click(&q(&host, &format!("[data-key=\"entity:{}\"]", e.id)).unwrap());
        yew::scheduler::flush().await;
        assert_eq!(panel_title(&host), e.name.en);
    }
    for r in &story.relationships {
        click(&q(&host, &format!("[data-key=\"relationship:{}\"]", r.id)).unwrap());
        yew::scheduler::flush().await;
        let title = panel_title(&host);
        assert!(
            title.contains(&story.entity(&r.from).unwrap().name.en),
            "{}: {title}",
            r.id
        );
    }
}

#[wasm_bindgen_test]
async fn keyboard_opens_with_enter_and_escape_returns_focus() {
    let host = mount(EMBEDDED_JSON, Lang::Fr, View::Diagram).await;
    let node = q(&host, "[data-key=\"entity:openai\"]").unwrap();
    node.dyn_ref::<web_sys::SvgElement>()
        .unwrap()
        .focus()
        .unwrap();
    // The control with `tabindex="0"`, which also has the class that keeps it clear of an
    // open sheet, and no other control has.
    let stop = |host: &web_sys::Element| {
        let keys = |sel| {
            all(host, sel)
                .iter()
                .map(|e| e.get_attribute("data-key").unwrap_or_default())
                .collect::<Vec<_>>()
        };
        let stop = keys(".xp-svg [tabindex=\"0\"]");
        assert_eq!(
            keys(".xp-svg .xp-stop"),
            stop,
            "the class goes with the tab stop"
        );
        stop
    };
    assert_eq!(
        stop(&host),
        ["entity:openai"],
        "a focused control is the tab stop"
    );
    key(&node, "Enter");
    yew::scheduler::flush().await;
    assert_eq!(panel_title(&host), "OpenAI");
    // The heading takes focus once the panel is painted.
    painted().await;
    assert_eq!(
        focused_key(&host).as_deref(),
        Some("OpenAI"),
        "focus moves to the panel heading"
    );
    key(&q(&host, ".xp-panel h3").unwrap(), "Escape");
    yew::scheduler::flush().await;
    assert!(q(&host, ".xp-panel").is_none());
    assert_eq!(
        focused_key(&host).as_deref(),
        Some("entity:openai"),
        "focus returns to the node"
    );
    // Arrows move the one tab stop between controls.
    key(&node, "ArrowDown");
    yew::scheduler::flush().await;
    let next = focused_key(&host).unwrap();
    assert_ne!(next, "entity:openai");
    assert_eq!(
        stop(&host),
        [next],
        "the tab stop follows focus, so Tab comes back to it"
    );
}

#[wasm_bindgen_test]
async fn every_node_opens_by_keyboard_and_returns_focus() {
    let story = load(EMBEDDED_JSON).unwrap();
    let host = mount(EMBEDDED_JSON, Lang::En, View::Diagram).await;
    for e in &story.entities {
        let key_attr = format!("entity:{}", e.id);
        let node = q(&host, &format!("[data-key=\"{key_attr}\"]")).unwrap();
        node.dyn_ref::<web_sys::SvgElement>()
            .unwrap()
            .focus()
            .unwrap();
        key(&node, if e.id.len() % 2 == 0 { "Enter" } else { " " });
        yew::scheduler::flush().await;
        assert_eq!(panel_title(&host), e.name.en, "Enter/Space on {}", e.id);
        key(&q(&host, ".xp-panel h3").unwrap(), "Escape");
        yew::scheduler::flush().await;
        assert!(q(&host, ".xp-panel").is_none(), "Esc closes for {}", e.id);
        assert_eq!(
            focused_key(&host).as_deref(),
            Some(key_attr.as_str()),
            "focus returns to {}",
            e.id
        );
    }
}

#[wasm_bindgen_test]
async fn timeline_event_lights_its_players() {
    let story = load(EMBEDDED_JSON).unwrap();
    let host = mount(EMBEDDED_JSON, Lang::Fr, View::Timeline).await;
    let ev = story.event("ev-anthropic").unwrap();
    press(&host, "[data-key=\"event:ev-anthropic\"]");
    yew::scheduler::flush().await;
    let lit: Vec<String> = all(&host, ".xp-node.lit")
        .iter()
        .map(|n| n.get_attribute("data-key").unwrap())
        .collect();
    let want: Vec<String> = story
        .entities
        .iter()
        .filter(|e| ev.entities.contains(&e.id))
        .map(|e| format!("entity:{}", e.id))
        .collect();
    assert_eq!(lit.len(), want.len());
    for w in &want {
        assert!(lit.contains(w), "{w} not lit: {lit:?}");
    }
    assert_eq!(panel_title(&host), ev.title.fr);
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_and_number_formats() {
    let host = mount(EMBEDDED_JSON, Lang::Fr, View::Comparison).await;
    let before = host.text_content().unwrap();
    assert!(before.contains("jusqu’à 100\u{a0}milliards de dollars"));
    press(&host, ".xp-lang");
    yew::scheduler::flush().await;
    let after = host.text_content().unwrap();
    assert!(after.contains("up to $100\u{a0}billion") && after.contains("$11.8\u{a0}billion"));
    assert_eq!(
        q(&host, ".xp-root")
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn views_and_the_data_table_are_built_when_asked_for() {
    let story = load(EMBEDDED_JSON).unwrap();
    let host = mount(EMBEDDED_JSON, Lang::En, View::Diagram).await;
    // Only the shown view is built; the table waits behind its disclosure.
    assert_eq!(all(&host, ".xp-node").len(), story.entities.len());
    assert!(q(&host, ".xp-timeline").is_none());
    assert!(q(&host, ".xp-data table").is_none());

    let details = q(&host, "details.xp-data").unwrap();
    details.set_attribute("open", "").unwrap();
    // `toggle` is dispatched asynchronously: wait for it, then for the render.
    for _ in 0..50 {
        if q(&host, ".xp-data table").is_some() {
            break;
        }
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |ok, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 10)
                .unwrap();
        }))
        .await
        .unwrap();
        yew::scheduler::flush().await;
    }
    assert_eq!(
        all(&host, ".xp-data tbody tr").len(),
        story.relationships.len(),
        "one row per relationship once opened"
    );

    press(&host, "[id$=\"-tab-timeline\"]");
    yew::scheduler::flush().await;
    assert_eq!(all(&host, ".xp-event").len(), story.events.len());
    assert!(
        q(&host, ".xp-svg").is_none(),
        "the hidden diagram is dropped"
    );
}

/// Lets the browser paint its next frame and run the task queued after it (what
/// `after_paint` work waits for).
async fn painted() {
    let promise = js_sys::Promise::new(&mut |ok, _| {
        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 0);
        });
        web_sys::window()
            .unwrap()
            .request_animation_frame(later.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the browser paint and run its queued tasks (what a progressive diagram waits for).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |ok, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_large_diagram_draws_its_first_screen_then_every_control() {
    let json = common::story(200, 600, 11);
    let host = mount_as(&json, Lang::En, View::Diagram, true).await;
    let first = all(&host, ".xp-svg [data-key]").len();
    assert!(first > 0 && first < 800, "{first} controls drawn first");
    assert!(q(&host, ".xp-svg [data-idx=\"0\"][tabindex=\"0\"]").is_some());
    // The rest follows once the first screen is painted, without the reader doing anything.
    let mut waited = 0;
    while all(&host, ".xp-svg [data-key]").len() < 800 {
        assert!(waited < 250, "the rest of the diagram was never drawn");
        next_task().await;
        yew::scheduler::flush().await;
        waited += 1;
    }
    assert_eq!(
        all(&host, ".xp-svg [tabindex=\"0\"]").len(),
        1,
        "one tab stop"
    );
    // A control drawn late works like the others.
    click(&q(&host, "[data-key=\"relationship:r599\"]").unwrap());
    yew::scheduler::flush().await;
    assert!(q(&host, "[data-key=\"relationship:r599\"].sel").is_some());
    assert!(!panel_title(&host).is_empty());
}

#[wasm_bindgen_test]
async fn a_large_diagram_is_drawn_whole_even_if_background_tasks_never_run() {
    // A busy page can starve background-priority tasks; here they never run at all.
    let window = web_sys::window().unwrap();
    let key = wasm_bindgen::JsValue::from_str("scheduler");
    let real = js_sys::Reflect::get(&window, &key).unwrap();
    let starved = js_sys::Object::new();
    js_sys::Reflect::set(
        &starved,
        &"postTask".into(),
        &js_sys::Function::new_no_args(""),
    )
    .unwrap();
    js_sys::Reflect::set(&window, &key, &starved).unwrap();

    let json = common::story(200, 600, 12);
    let host = mount_as(&json, Lang::Fr, View::Diagram, true).await;
    assert!(all(&host, ".xp-svg [data-key]").len() < 800);
    let mut waited = 0;
    while all(&host, ".xp-svg [data-key]").len() < 800 && waited < 250 {
        next_task().await;
        yew::scheduler::flush().await;
        waited += 1;
    }
    js_sys::Reflect::set(&window, &key, &real).unwrap();
    assert_eq!(
        all(&host, ".xp-svg [data-key]").len(),
        800,
        "the rest was never drawn"
    );
}

#[wasm_bindgen_test]
fn a_story_script_reaches_the_code_intact_whatever_its_characters() {
    // The embed copies a story's text with the browser's encoder; it must read exactly what
    // the usual string conversion reads, past ASCII and beyond the BMP included.
    let doc = web_sys::window().unwrap().document().unwrap();
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    let long = format!("{{\"a\": \"{}\"}}", "Nvidia–OpenAI 100 Md$ ".repeat(8_000));
    for text in [
        "",
        "{}",
        "{\"name\": \"Énergie 𝔸 ✓ «ça»\"}",
        "\u{2028}\u{feff}\t\n",
        long.as_str(),
    ] {
        script.set_text_content(Some(text));
        assert_eq!(explainer::embed::text_of(&script).as_deref(), Some(text));
    }
    // A lone surrogate (possible in a JavaScript string, not in UTF-8) reads as U+FFFD.
    let lone = js_sys::JsString::from_char_code1(0xD800);
    js_sys::Reflect::set(&script, &"textContent".into(), &lone).unwrap();
    assert_eq!(
        explainer::embed::text_of(&script),
        script.text_content(),
        "as the usual conversion reads it"
    );
}
