//! The bottom sheet in a frame as tall as its content (an auto-height iframe, the way Pym.js
//! and AMP embed pages): there `position: sticky` never engages, so the sheet would open at
//! the end of the diagram, a screen or more below the control the reader tapped, and they
//! would see nothing happen. There it opens just below that control instead.

use wasm_bindgen::JsCast;

use super::key_of;
use crate::state::Selection;

/// The shortest panel worth opening below its control, in CSS px: a title, a line and a
/// figure.
const SHORT: f64 = 240.0;

/// Places the open panel of the explainer at `root` just below the control of `sel` when
/// the page is a frame that does not scroll; otherwise leaves the panel to the stylesheet,
/// which also ignores the place outside the bottom-sheet layout (`.xp-body[data-anchored]`).
pub fn anchor_panel(root: &web_sys::Element, sel: Option<&Selection>) {
    let Some(body) = root
        .query_selector(".xp-body")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(sel) = sel.filter(|_| framed()) else {
        let _ = body.remove_attribute("data-anchored");
        return;
    };
    let Ok(Some(panel)) = body.query_selector(".xp-panel") else {
        return;
    };
    // The reader moved on from a link in the panel: it stays where they are reading.
    let shadow = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok();
    let active = shadow.and_then(|s| s.active_element());
    if body.has_attribute("data-anchored") && active.is_some_and(|a| panel.contains(Some(&a))) {
        return;
    }
    // Anchored first: out of the flow, the panel no longer makes the page taller than the
    // frame (until the frame grows), and it is measured at its anchored height.
    let _ = body.set_attribute("data-anchored", "");
    if !as_tall_as_content() {
        let _ = body.remove_attribute("data-anchored");
        return;
    }
    // The control shown for the selection (the diagram keeps a drawing per width).
    let controls = root.query_selector_all(&format!("[data-key=\"{}\"]", key_of(sel)));
    let control = controls.ok().and_then(|list| {
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|c| c.get_client_rects().length() > 0)
    });
    // Below the control, shortened to end with the page (the frame is only as tall as its
    // content); where less than a short panel fits there, at the page's end. (The frame
    // does not scroll: its viewport is the page.)
    let top = body.get_bounding_client_rect().top();
    let page = root.owner_document().and_then(|d| d.document_element());
    let end = page.map_or(0.0, |p| f64::from(p.scroll_height())) - top;
    let tall = panel.get_bounding_client_rect().height();
    let below = control.map_or(0.0, |c| c.get_bounding_client_rect().bottom() - top + 8.0);
    let (at, most) = if end - below >= tall.min(SHORT) {
        (below, end - below)
    } else {
        ((end - tall).max(0.0), tall)
    };
    // Whole px, written as integers: formatting a float would bring its code into the WASM.
    let style = body.style();
    let _ = style.set_property("--xp-at", &format!("{}px", at.round() as i64));
    let _ = style.set_property("--xp-most", &format!("{}px", most.floor() as i64));
}

/// Whether the page is in a frame.
fn framed() -> bool {
    web_sys::window().is_some_and(|w| w.parent().ok().flatten().is_some_and(|p| p != w))
}

/// Whether the page does not scroll: the frame is as tall as its content.
fn as_tall_as_content() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let page = window.document().and_then(|d| d.document_element());
    let height = window.inner_height().ok().and_then(|h| h.as_f64());
    match (page, height) {
        (Some(page), Some(height)) => f64::from(page.scroll_height()) <= height + 1.0,
        _ => false,
    }
}
