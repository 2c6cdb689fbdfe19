//! The panel where `position: sticky` cannot engage: in a frame as tall as its content (an
//! auto-height iframe, the way Pym.js and AMP embed pages), or inside a wrapper of the
//! page's that clips its overflow (`overflow-x: hidden` makes it the scroll container, and it
//! never scrolls). There the bottom sheet would open at the end of the diagram, and the side
//! panel at the top of its column, a screen away from the control the reader chose; they
//! open by that control instead, and follow it when it moves (a phone turned, the column
//! resized), when the reader arrows under them, and when the view changes under the reader
//! (an event chosen on the timeline opens over the diagram).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{key_of, shown_control};
use crate::state::Selection;

/// The shortest panel worth opening below its control, in CSS px: a title, a line and a
/// figure. The shortest a bottom sheet is made to leave its control in sight, too.
pub(super) const SHORT: f64 = 240.0;

/// The tallest anchored panel, in CSS px (the stylesheet's `max-height`).
const MOST: f64 = 440.0;

/// The most a side panel's top rises above its control to end with the views, in CSS px: a
/// taller panel is shortened (it scrolls) so that its title stays near the control.
const RISE: f64 = 200.0;

/// The space between a control and the panel placed by it (or a sheet below it), in CSS px.
pub(super) const GAP: f64 = 8.0;

/// Before the paint (so the frame's height, which the page around it follows, never sees
/// the sheet in the flow): in a frame that does not scroll, places the open panel of the
/// explainer at `root` by the control of `sel` (`.xp-body[data-anchored]`, see `place`);
/// elsewhere leaves it to the stylesheet.
pub fn anchor_panel(root: &web_sys::Element, sel: Option<&Selection>) {
    let Some((body, panel)) = parts(root) else {
        return;
    };
    let (Some(sel), Some(panel)) = (sel, panel) else {
        let _ = body.remove_attribute("data-anchored");
        // Closed: whether the next panel will be placed by its control.
        mark_tall(&body);
        return;
    };
    // The reader moved on from a link in the panel: it stays where they are reading. (Known
    // by the link's mark, not by focus, which stays on the panel's title after every item.)
    if body.has_attribute("data-anchored") && super::sheet::chosen_in(&panel, &key_of(sel)) {
        return;
    }
    if framed() {
        // Anchored first: out of the flow, the panel no longer makes the page taller than
        // the frame (until the frame grows), and it is measured at its anchored height.
        let _ = body.set_attribute("data-anchored", "");
        if as_tall_as_content() {
            let _ = body.set_attribute(TALL, "");
            return place(
                root,
                &body,
                &panel,
                placed_by(root, sel).as_ref(),
                Side::Best,
            );
        }
    }
    // Left to stick; `anchor_if_unseen` checks after the paint that it did.
    let _ = body.remove_attribute("data-anchored");
    let _ = body.remove_attribute(TALL);
}

/// Marks the views' container while the page is a frame as tall as its content, where the
/// next panel opened will be placed by its control. Until [`anchor_panel`] has placed it,
/// the stylesheet keeps a panel so marked out of the flow and unseen: past 16 ms of work
/// (a slow phone) Yew may paint a frame between the panel's render and the effect that
/// places it (see `next_frame`), and in that frame the panel in the flow made the frame
/// taller, and the page around it jumped, twice. [`anchor_panel`] writes the mark with
/// every panel it places or leaves to stick, so a stale mark never hides a panel.
const TALL: &str = "data-tall-frame";

/// Writes [`TALL`] on `body` as the page is now.
fn mark_tall(body: &web_sys::Element) {
    let _ = if framed() && as_tall_as_content() {
        body.set_attribute(TALL, "")
    } else {
        body.remove_attribute(TALL)
    };
}

/// At mount: marks the explainer at `root` (`data-tall-frame`, see `TALL`), and in a frame
/// again whenever the frame is resized (an auto-height frame grows to its content after it
/// loads). Returns what stops it.
pub fn watch_tall_frame(root: &web_sys::Element) -> impl FnOnce() {
    let body = body_of(root);
    if let Some(body) = &body {
        mark_tall(body);
    }
    let window = web_sys::window().filter(|_| framed());
    let listen = window.zip(body).map(|(w, body)| {
        let cb = Closure::<dyn Fn()>::new(move || mark_tall(&body));
        let _ = w.add_event_listener_with_callback("resize", cb.as_ref().unchecked_ref());
        (w, cb)
    });
    move || {
        if let Some((w, cb)) = listen {
            let _ = w.remove_event_listener_with_callback("resize", cb.as_ref().unchecked_ref());
        }
    }
}

/// After the paint: a panel whose top is off screen could not stick (a sheet left at the
/// end of the diagram, a side panel at the top of its column), so it is placed by the
/// control of `sel` too. (Where it sticks, its top shows: the control the reader chose is in
/// the part of the explainer it sticks within.) Zoomed in by a pinch, the screen's top is
/// that of what the reader sees: a side panel stuck to the page's viewport's top was above
/// it, and Chromium's `scrollIntoView` did not always pan the reader's view to a box stuck
/// there (a random reader found one it left 40 px above).
pub fn anchor_if_unseen(root: &web_sys::Element, sel: &Selection) {
    let Some((body, Some(panel))) = parts(root) else {
        return;
    };
    let height = web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64());
    let top = super::smooth::seen_view().map_or(0.0, |v| v.offset_top());
    let r = panel.get_bounding_client_rect();
    if body.has_attribute("data-anchored")
        || height.is_some_and(|h| r.top() >= top - 0.5 && r.top() < h)
    {
        return;
    }
    let _ = body.set_attribute("data-anchored", "");
    place(
        root,
        &body,
        &panel,
        placed_by(root, sel).as_ref(),
        Side::Best,
    );
}

/// The views' and panel's container, and the panel if one is open.
pub(super) fn parts(
    root: &web_sys::Element,
) -> Option<(web_sys::HtmlElement, Option<web_sys::Element>)> {
    let body = body_of(root)?;
    let panel = body.query_selector(".xp-panel").ok().flatten();
    Some((body, panel))
}

/// The views' and panel's container.
fn body_of(root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    root.query_selector(".xp-body").ok()??.dyn_into().ok()
}

/// The container and the open panel, where the panel is placed by its control. The
/// attribute is read before the panel is looked for: every focus in the views asks (a tap
/// too), and the search for a panel that is not there reads the whole drawing.
fn anchored_parts(root: &web_sys::Element) -> Option<(web_sys::HtmlElement, web_sys::Element)> {
    let body = body_of(root).filter(|b| b.has_attribute("data-anchored"))?;
    let panel = body.query_selector(".xp-panel").ok()??;
    Some((body, panel))
}

/// Scrolls `el` into view, at the top (`Start`) or just enough (`Nearest`), clear of its
/// scroll margin; at once for a reader who asked for less motion.
fn scroll_to(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    el.scroll_into_view_with_scroll_into_view_options(&super::smooth::scroll_options(block));
}

/// The control the panel of `sel` is placed by: its own, or, where the shown view has none
/// (an event chosen on the timeline opens over the diagram), the topmost one it lights.
fn placed_by(root: &web_sys::Element, sel: &Selection) -> Option<web_sys::Element> {
    shown_control(root, sel).or_else(|| {
        super::sheet::shown(root, super::sheet::LIT)
            .map(|c| (c.get_bounding_client_rect().top(), c))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    })
}

/// Puts the anchored `panel` by `control`. As a sheet: just below it, shortened to end with
/// the explainer; where less than a short panel fits there (or, with [`Side::Kept`], where
/// it is above it now and fits), just above it; where neither fits, at the explainer's
/// end. Beside the views (a wide frame): level with it, moved up (at most [`RISE`]) to end
/// with the views (or, with [`Side::Kept`], where it is now if it still reaches the
/// control's level). With no control, at the top of the views.
fn place(
    root: &web_sys::Element,
    body: &web_sys::HtmlElement,
    panel: &web_sys::Element,
    control: Option<&web_sys::Element>,
    side: Side,
) {
    let b = body.get_bounding_client_rect();
    // In the explainer's own CSS px, from the views' top: rectangles are in the viewport's,
    // which an ancestor's CSS `zoom` scales, and the place is written inside it.
    let z = zoom(root);
    let rel = |v: f64| (v - b.top()) / z;
    let end = rel(root.get_bounding_client_rect().bottom());
    let height = b.height() / z;
    // Its height unshortened (a former place may have capped it): content, padding, border.
    let natural = f64::from(panel.scroll_height()) + 2.0;
    let c = control.map(|c| {
        let r = c.get_bounding_client_rect();
        (rel(r.top()), rel(r.bottom()))
    });
    if panel.get_bounding_client_rect().left() > b.left() + 1.0 {
        let level = c.map_or(0.0, |(top, _)| top);
        // Level with the control, raised (at most RISE) for a panel of height `h` to end
        // with the views.
        let best = |h: f64| level.min(height - h).max(level - RISE).max(0.0);
        // A panel whose lists are still to come is taken to be as tall as an anchored
        // sheet may be: placed by its head's height alone, it rose a frame later, once
        // whole. Whole (`settle`), it stays where it is while it reaches its control's
        // level from there (shortened to end with the views, it scrolls).
        let now = placed_at(panel).unwrap_or(level);
        let at = if panel.has_attribute("data-partial") {
            best(natural.max(MOST))
        } else if side == Side::Kept
            && now <= level + 1.0
            && now + natural.min(height - now) >= level
        {
            now
        } else {
            best(natural)
        };
        return set_place(panel, at, height - at, 0.0);
    }
    let tall = natural.min(MOST);
    // A panel whose lists are still to come is taken to need a short panel's room: placed
    // by its head's height alone, it could open below the control for a frame, then move
    // above it once whole.
    let need = if panel.has_attribute("data-partial") {
        SHORT
    } else {
        tall.min(SHORT)
    };
    let above = |top: f64| {
        let room = top - GAP;
        (room - tall.min(room), tall.min(room))
    };
    // Kept above its control where it was placed there and still fits: see `settle`. (Its
    // top tells: once whole, it may reach down over the control until placed again.)
    let kept = side == Side::Kept
        && c.is_some_and(|(top, _)| rel(panel.get_bounding_client_rect().top()) < top);
    let (at, most) = match c {
        Some((top, _)) if kept && top - GAP >= need => above(top),
        Some((_, bottom)) if end - (bottom + GAP) >= need => (bottom + GAP, end - bottom - GAP),
        Some((top, _)) if top - GAP >= need => above(top),
        Some(_) => ((end - tall).max(0.0), tall),
        None => (0.0, end),
    };
    // Its edges moved off the controls they would cut (see `clear`), from its top as it
    // will be written (whole px). A partial panel's height is still to come: only its edge
    // by the control moves (its height allowed as much more), the other once it is whole
    // (`settle`).
    let partial = panel.has_attribute("data-partial");
    let (at, shown) = (at.round(), tall.min(most));
    let spans = spans_under(root, panel, &rel);
    let placed = (at, at + shown);
    match super::clear::clear_edges(&spans, placed, (0.0, end), need, GAP, c, !partial) {
        p if p == placed => set_place(panel, at, most, 0.0),
        (top, _) if partial => set_place(panel, top, most + at - top, 0.0),
        (top, bottom) => {
            // Whole px, and never short of a control it covers.
            let tall = (bottom - top.round()).ceil();
            set_place(panel, top, tall, if tall > shown { tall } else { 0.0 })
        }
    }
}

/// The top and bottom, as `rel` gives them, of each control of `root` that shows outside
/// `panel` and that the panel's width meets, and of each line of the diagram's own text
/// (its caption, headings and legend): half a line showing under the panel read as cut.
fn spans_under(
    root: &web_sys::Element,
    panel: &web_sys::Element,
    rel: &dyn Fn(f64) -> f64,
) -> Vec<(f64, f64)> {
    let p = panel.get_bounding_client_rect();
    super::elements(root, UNDER)
        .filter(|c| !panel.contains(Some(c)))
        .filter_map(|c| {
            let r = c.get_bounding_client_rect();
            // A control in a closed disclosure, a hidden view or drawing has no box.
            (r.height() > 0.0 && r.right() > p.left() && r.left() < p.right())
                .then(|| (rel(r.top()), rel(r.bottom())))
        })
        .collect()
}

/// What a panel placed by its control may not cut (see [`spans_under`]).
const UNDER: &str =
    "a[href], button, summary, [data-key], .xp-hint, .xp-heading, .xp-legend-title, .xp-legend li";

/// Which side of its control [`place`] puts a panel on.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    /// Below where a panel fits, else above.
    Best,
    /// Above if it is there now and fits, else as `Best`.
    Kept,
}

/// The explainer's effective CSS `zoom`, from an ancestor's (some pages, and the text-size
/// buttons of accessibility toolbars, zoom their body): bounding rectangles and the screen
/// are scaled by it, lengths in the explainer's stylesheet are not. 1 where the browser
/// does not say.
pub fn zoom(el: &web_sys::Element) -> f64 {
    js_sys::Reflect::get(el, &"currentCSSZoom".into())
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|z| z.is_finite() && *z > 0.0)
        .unwrap_or(1.0)
}

/// Writes the anchored panel's place: its top, from the views' top, its tallest height, and
/// its least (above its content's, where it covers a control whole; 0 for none). On the
/// panel itself: custom properties are inherited, and written on the views' container they
/// restyled the whole drawing before the tap's paint.
fn set_place(panel: &web_sys::Element, at: f64, most: f64, least: f64) {
    let Some(panel) = panel.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    // Whole px, written as integers: formatting a float would bring its code into the WASM.
    let style = panel.style();
    let _ = style.set_property("--xp-at", &format!("{}px", at.round() as i64));
    let _ = style.set_property("--xp-most", &format!("{}px", most.floor() as i64));
    let _ = match least > 0.0 {
        true => style.set_property("--xp-least", &format!("{}px", least.ceil() as i64)),
        false => style.remove_property("--xp-least").map(drop),
    };
}

/// Where [`set_place`] last put `panel` (its top from the views' top), if it did. Read as
/// the integer it was written as: parsing a float would bring its code (about 16 KB gzip)
/// into the WASM.
fn placed_at(panel: &web_sys::Element) -> Option<f64> {
    let style = panel.dyn_ref::<web_sys::HtmlElement>()?.style();
    let at = style.get_property_value("--xp-at").ok()?;
    at.strip_suffix("px")?.parse::<i32>().ok().map(f64::from)
}

/// On focus: a control of the views that the anchored panel covers (reached by the arrow
/// keys; the frame cannot scroll the page around it to show it) moves the panel clear of
/// it, so focus is never hidden (WCAG 2.4.11).
pub fn uncover(root: &web_sys::Element, focused: &web_sys::Element) {
    let Some((body, panel)) = anchored_parts(root) else {
        return;
    };
    if panel.contains(Some(focused)) {
        return;
    }
    let (c, p) = (
        focused.get_bounding_client_rect(),
        panel.get_bounding_client_rect(),
    );
    if c.bottom() > p.top() && c.top() < p.bottom() && c.right() > p.left() && c.left() < p.right()
    {
        place(root, &body, &panel, Some(focused), Side::Best);
    }
}

/// Once the panel's lists have come (a frame after its head): a panel placed by its control
/// is placed again at its whole height. While partial it was taken to need a short panel's
/// room, so it may have opened above its control where a shorter whole panel fits below:
/// it stays above, rather than jump to the other side under the reader's eyes.
pub fn settle(root: &web_sys::Element, sel: &Selection) {
    if let Some((body, panel)) = anchored_parts(root) {
        place(
            root,
            &body,
            &panel,
            placed_by(root, sel).as_ref(),
            Side::Kept,
        );
    }
}

/// After a change of layout (a phone turned, another language) with a panel placed by its
/// control: the controls moved, so the panel is placed again by its control. With `scroll`,
/// that control goes to the top of the screen with the panel's title below it if the
/// explainer is in sight.
pub fn follow(root: &web_sys::Element, sel: &Selection, scroll: bool) {
    let Some((body, panel)) = anchored_parts(root) else {
        return;
    };
    let control = placed_by(root, sel);
    place(root, &body, &panel, control.as_ref(), Side::Best);
    let Some(c) = control.filter(|_| scroll) else {
        return;
    };
    // Only while the explainer is in sight: a reader who read on keeps their place.
    super::in_sight_now(
        root,
        Box::new(move |seen| {
            if seen {
                scroll_to(&c, web_sys::ScrollLogicalPosition::Start);
            }
        }),
    );
}

/// After the paint of a selection that changed the view under the reader (an event chosen
/// on the timeline opens over the diagram, often far shorter or longer): brings the part of
/// the diagram it lights into view, with the panel. A control shows above the sheet (its
/// bottom scroll margin, CSS); the players an event lit go to the top, a sheet below them;
/// an anchored panel opens by the control, which goes to the top. In a frame, the
/// page around it is asked to follow (`explainer:reveal`, passed on by `frame.js`): not
/// every browser scrolls a page of another origin for its frame. Returns the control when
/// the page scrolls smoothly: the scroll, if any, has yet to move the page (see
/// [`super::after_scroll`]).
pub fn reveal(root: &web_sys::Element, sel: &Selection) -> Option<web_sys::Element> {
    let (Some(body), Some(control)) = (body_of(root), placed_by(root, sel)) else {
        return None;
    };
    let anchored = body.has_attribute("data-anchored");
    let block = match anchored {
        true => web_sys::ScrollLogicalPosition::Start,
        // An event: the players it lit go to the top of the screen, where the most of them
        // show, unless they all show already; a sheet stops below the lowest of them
        // (`sheet::fit_sheet`).
        false => match super::sheet::lit_in_sight(root, sel) {
            Some(true) => return None,
            Some(false) => web_sys::ScrollLogicalPosition::Start,
            None => web_sys::ScrollLogicalPosition::Nearest,
        },
    };
    let smoothly =
        (!anchored && super::smooth::scrolls_smoothly(&control)).then(|| control.clone());
    scroll_to(&control, block);
    if anchored && framed() {
        let title = root.query_selector(".xp-panel h3").ok().flatten();
        ask_page(&control, title.as_ref());
    }
    smoothly
}

/// After a close that went back to the view the item was chosen on (the timeline): the
/// reader was brought to the diagram, so focus returns to the item's control brought into
/// view. In a frame, the page around it is asked to (see [`reveal`]) after the paint: the
/// frame has just grown past its height, and the frame's new height goes to the page first.
pub fn bring_back(control: &web_sys::Element) {
    if !framed() {
        return super::focus(control);
    }
    super::focus_in_place(control);
    let control = control.clone();
    super::after_paint(move || ask_page(&control, None));
}

/// In a frame as tall as its content: asks the page around it to scroll `control` to the
/// top (`explainer:reveal`, which `frame.js` passes on), keeping `title` (the panel's, below
/// it) in sight where what the reader sees is too short for both: a phone turned and
/// zoomed in showed the control alone, the title below the screen.
fn ask_page(control: &web_sys::Element, title: Option<&web_sys::Element>) {
    let scrolled = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    // In the frame's page, room included (the control's `scroll-margin-top`).
    let at = |y: f64| (y + scrolled).round();
    let detail = js_sys::Object::new();
    let top = control.get_bounding_client_rect().top() - GAP;
    let _ = js_sys::Reflect::set(&detail, &"top".into(), &at(top).into());
    if let Some(title) = title {
        let bottom = title.get_bounding_client_rect().bottom() + GAP;
        let _ = js_sys::Reflect::set(&detail, &"bottom".into(), &at(bottom).into());
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("explainer:reveal", &init) {
        let _ = control.dispatch_event(&ev);
    }
}

/// Whether the page is in a frame.
pub(super) fn framed() -> bool {
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
