//! The component tree, one component per file. None names a company: they draw roles,
//! kinds and statuses from the story, so another story renders with no code change.

mod anchor;
mod app;
mod back;
mod badge;
mod clear;
mod comparison;
mod controls;
mod data_table;
mod diagram;
mod disclosure;
mod edge;
mod error_view;
mod escape;
mod explainer;
mod language_switch;
mod legend;
mod node;
mod owed;
mod panel;
mod print;
mod questions;
mod sheet;
mod smooth;
mod source_list;
mod tabs;
mod text_alternative;
mod timeline;
mod trusted;
mod width;

pub use anchor::{
    anchor_if_unseen, anchor_panel, bring_back, follow, reveal, settle, uncover, watch_tall_frame,
    zoom,
};
pub use app::{App, AppProps, Asked, HostEvent, Linked, Loaded};
pub use badge::Badge;
pub use comparison::{axis_fit, axis_max, Comparison};
pub use controls::{FIRST_SCREEN, PROGRESSIVE_FROM};
pub use data_table::DataTable;
pub use diagram::Diagram;
pub use disclosure::{use_open, Disclosure};
pub use edge::marker;
pub use error_view::ErrorView;
pub use explainer::Explainer;
pub use language_switch::LanguageSwitch;
pub use legend::Legend;
pub use owed::Owed;
pub use panel::Panel;
pub use print::watch_print;
pub use questions::{open_question, Questions};
pub use sheet::{fit_sheet, refit_on_scroll};
pub use smooth::{after_scroll, into_sight, scroll_options};
pub use source_list::SourceList;
pub use tabs::Tabs;
pub use text_alternative::TextAlternative;
pub use timeline::Timeline;
pub use trusted::set_markup;
pub use width::watch_width;

use crate::state::Selection;

/// The `data-key` that finds a control again (focus return, deep links).
pub fn key_of(sel: &Selection) -> String {
    format!("{}:{}", sel.kind(), sel.id())
}

/// The control shown for `sel` in the explainer at `root` (a pre-rendered diagram may
/// still hold a drawing per width, all but one hidden).
pub fn shown_control(root: &web_sys::Element, sel: &Selection) -> Option<web_sys::Element> {
    sheet::shown(root, &format!("[data-key=\"{}\"]", key_of(sel))).next()
}

/// The elements in `scope` that `selector` matches, in document order.
pub(super) fn elements(
    scope: &web_sys::Element,
    selector: &str,
) -> impl Iterator<Item = web_sys::Element> {
    use wasm_bindgen::JsCast;
    let list = scope.query_selector_all(selector).ok();
    list.into_iter().flat_map(|list| {
        (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
    })
}

/// The selection a `data-key` names (the inverse of [`key_of`]).
pub fn selection_of(key: &str) -> Option<Selection> {
    let (kind, id) = key.split_once(':')?;
    let id = id.to_string();
    Some(match kind {
        "entity" => Selection::Entity(id),
        "relationship" => Selection::Relationship(id),
        "event" => Selection::Event(id),
        "bar" => Selection::Bar(id),
        _ => return None,
    })
}

/// Moves focus to `el`, whether an HTML element or an SVG control (both have `focus()`,
/// on different interfaces).
pub fn focus(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = s.focus();
    }
}

/// Moves focus to `el` without scrolling: for the panel heading and the control focus
/// returns to, both already in view. Scrolling into view is the costly part of a focus
/// move, and it would make the page jump under the reader's finger.
pub fn focus_in_place(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus_with_options(&options);
    } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = s.focus_with_options(&options);
    }
}

/// Calls `f` once with whether `el` is on the screen now, as an observer's first report (at
/// once) says: in a frame too, where the window is as tall as its content, and inside an
/// element that clips it.
pub fn in_sight_now(el: &web_sys::Element, f: Box<dyn FnOnce(bool)>) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let report = Closure::once_into_js(
        move |seen: js_sys::Array, o: web_sys::IntersectionObserver| {
            o.disconnect();
            f(seen.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            }));
        },
    );
    if let Ok(o) = web_sys::IntersectionObserver::new(report.unchecked_ref()) {
        o.observe(el);
    }
}

/// Runs `f` once the next frame is painted: work the reader does not see (the address bar,
/// the lower part of a large diagram) must not delay the frame they do.
pub fn after_paint(f: impl FnOnce() + 'static) {
    paint_then(Box::new(f));
}

/// [`after_paint`] for a boxed `f`: one pair of JavaScript shims for every caller, not one
/// per closure type.
fn paint_then(f: Box<dyn FnOnce()>) {
    use wasm_bindgen::{closure::Closure, JsCast};
    next_frame(Box::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(Closure::once_into_js(f).unchecked_ref());
        }
    }));
}

/// Runs `f` before the next frame is drawn (`requestAnimationFrame`).
///
/// Also the safety net of effects that must precede a tap's first paint: past 16 ms of
/// work (a slow phone), Yew 0.23's scheduler yields to the browser between a render and
/// that render's effects, and a frame may be painted in between. So the reader's action
/// asks for the next frame too, which does the effect's work unless the effect ran first:
/// see [`Owed`].
pub fn next_frame(f: Box<dyn FnOnce()>) {
    use wasm_bindgen::{closure::Closure, JsCast};
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(Closure::once_into_js(f).unchecked_ref());
    }
}

/// [`after_paint`], then at background priority where the browser has a task scheduler
/// (`scheduler.postTask`). A page that keeps the browser busy may starve background tasks,
/// so `f` runs half a second after the paint at the latest.
pub fn after_paint_in_background(f: impl FnOnce() + 'static) {
    in_background(Box::new(f));
}

/// [`after_paint_in_background`] for a boxed `f` (see [`paint_then`]).
fn in_background(f: Box<dyn FnOnce()>) {
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    after_paint(move || {
        let f = Rc::new(Cell::new(Some(f)));
        let run = move || {
            if let Some(f) = f.take() {
                f();
            }
        };
        let (Some(w), Some((scheduler, post))) = (web_sys::window(), post_task()) else {
            return run();
        };
        let guard = Closure::once_into_js(run.clone());
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(guard.unchecked_ref(), 500);
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"priority".into(), &"background".into());
        let task = Closure::once_into_js(run.clone());
        if post.call2(&scheduler, &task, &options).is_err() {
            run();
        }
    });

    /// `scheduler` and its `postTask`, where the browser has them.
    fn post_task() -> Option<(JsValue, js_sys::Function)> {
        let window: JsValue = web_sys::window()?.into();
        let scheduler = js_sys::Reflect::get(&window, &JsValue::from_str("scheduler")).ok()?;
        if !scheduler.is_object() {
            return None;
        }
        let post = js_sys::Reflect::get(&scheduler, &JsValue::from_str("postTask")).ok()?;
        Some((scheduler, post.dyn_into().ok()?))
    }
}

/// Appends `s` escaped for HTML text and double-quoted attributes: story text may come from
/// the host page, and the diagram's controls are written as markup.
pub fn escape_into(out: &mut String, s: &str) {
    // Copies the runs between special characters whole: a large story writes hundreds of
    // kilobytes of names, and pushing them one char at a time showed in its profile.
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// Starts a diagram control: a focusable SVG element (`tag`) with its accessible name, the
/// `data-key` the diagram's delegated handlers read, and its place in the keyboard order.
/// The start tag is left open: the caller adds its own attributes and ends it.
pub fn open_control(
    out: &mut String,
    tag: &str,
    class: &str,
    name: &str,
    key: &str,
    idx: usize,
    tab_stop: bool,
) {
    out.push('<');
    out.push_str(tag);
    out.push_str(" class=\"");
    out.push_str(class);
    // The tab stop's class goes with its `tabindex` (see `controls::set_tabindex`).
    if tab_stop {
        out.push_str(" xp-stop");
    }
    out.push_str("\" role=\"button\" tabindex=\"");
    out.push_str(if tab_stop { "0" } else { "-1" });
    out.push_str("\" aria-label=\"");
    escape_into(out, name);
    out.push_str("\" data-key=\"");
    escape_into(out, key);
    out.push_str("\" data-idx=\"");
    crate::layout::push_int(out, idx as i64);
    out.push('"');
}

/// Whether the media `query` holds for the reader now (`(pointer: coarse)`, say).
fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// True when a key press should activate a custom control (Enter or Space).
pub fn is_activation(key: &str) -> bool {
    key == "Enter" || key == " "
}
