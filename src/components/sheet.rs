//! A phone's bottom sheet, fitted to what shows of the area it sticks within: the window, or
//! the element an app shell scrolls its article in (above its bottom navigation).

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Window};

use super::anchor::{parts, zoom, GAP, SHORT};
use super::key_of;
use crate::state::Selection;

/// The space above a bottom sheet, in CSS px (`.xp-panel`'s `margin-top` in the stylesheet):
/// sticking, it rises at most to that far below the views' top.
const SHEET_MARGIN: f64 = 10.0;

/// After the paint: a bottom sheet sticks to the bottom of its scrollport (the screen, or an
/// app shell's scrolling element), but rises no higher than the top of the views it sticks
/// within. Opened with that top low on the screen (the reader tapped the first controls after
/// scrolling just to the explainer), its end would be below the screen, with the last of its
/// content out of reach until the page scrolls: it is shortened to end at the scrollport's
/// bottom (above a page's fixed bottom bar). Nor does it rise over the control chosen while
/// that leaves it 240 px, or 40 % of the screen if less (a phone held sideways). Measured
/// for each item chosen, from the views' top and the control alone: the panel's own height
/// does not matter, and its lists may still be to come. An event chosen on the timeline
/// opens over the diagram, where it has no control: the sheet stops below the lowest player
/// it lights instead.
pub fn fit_sheet(root: &Element, sel: &Selection) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The height it was given before goes first: the panel may have become a side panel,
    // or been placed by its control.
    if let Some(sheet) = Sheet::find(root, sel) {
        let _ = sheet.panel.style().remove_property("max-height");
        sheet.fit(root, &window);
    }
}

/// Written on the panel by its links, with the key of the item chosen: while the panel shows
/// that item, the reader is reading there, so the sheet keeps its height rather than move
/// to clear the item's control (under their finger). An item chosen elsewhere (the diagram,
/// the timeline) has another key.
pub(super) const READING: &str = "data-reading";

/// Whether the item of `key` was chosen in `panel` (see [`READING`]), which shows it.
pub(super) fn chosen_in(panel: &Element, key: &str) -> bool {
    panel.get_attribute(READING).as_deref() == Some(key)
}

/// What a sheet's fit finds that scrolling does not change: found for each fit of an item
/// chosen, and once per open panel for the fits as the page scrolls (again after a resize).
/// Walking the ancestors' computed styles again on every scrolled frame took about 0.9 ms
/// of the frame callback's 3.2 at 4× CPU.
struct Sheet {
    /// The views' and panel's container.
    body: HtmlElement,
    /// The open panel.
    panel: HtmlElement,
    /// The nearest ancestor that scrolls, or `None` for the window: looked for only once
    /// the panel is known to be a sheet (not for a side panel, or one placed by its control).
    port: OnceCell<Option<Element>>,
    /// The control the sheet stays below (see [`chosen`]), none for an item chosen in the
    /// panel: looked for once, as `port` is.
    chosen: OnceCell<Option<Element>>,
    /// Whether the item was chosen in the panel (see [`READING`]).
    reading: bool,
}

impl Sheet {
    /// The open panel at `root`, showing `sel`, and what it sticks within; `None` with no
    /// panel open.
    fn find(root: &Element, sel: &Selection) -> Option<Sheet> {
        let (body, Some(panel)) = parts(root)? else {
            return None;
        };
        let panel = panel.dyn_into::<HtmlElement>().ok()?;
        let reading = chosen_in(&panel, &key_of(sel));
        Some(Sheet {
            body,
            panel,
            port: OnceCell::new(),
            chosen: OnceCell::new(),
            reading,
        })
    }

    /// Whether the elements it holds are still on the page (a single-page app may have
    /// replaced them).
    fn current(&self) -> bool {
        let port = self.port.get().and_then(Option::as_ref);
        let chosen = self.chosen.get().and_then(Option::as_ref);
        self.panel.is_connected()
            && port.is_none_or(|p| p.is_connected())
            && chosen.is_none_or(|c| c.is_connected())
    }

    /// What shows of the area the panel sticks within, in the viewport's px: its top and
    /// bottom, and for a bottom sheet the page's bottom bar it stays above (in the
    /// explainer's px; `None` for a side panel, which sits beside the views). `None` for a
    /// panel placed by its control.
    fn area(&self, window: &Window) -> Option<(f64, f64, Option<f64>)> {
        if self.body.has_attribute("data-anchored") {
            return None;
        }
        let side = self.panel.get_bounding_client_rect().left()
            > self.body.get_bounding_client_rect().left() + 1.0;
        let port = self.port.get_or_init(|| scroller(&self.body, window));
        let screen = window.inner_height().ok()?.as_f64()?;
        let (top, bottom) = match port {
            // Its padding box, under its border and above a horizontal scrollbar, on the
            // screen: a wrapper that clips its overflow is a scroller as tall as its content.
            Some(el) => {
                let top = el.get_bounding_client_rect().top() + f64::from(el.client_top());
                (
                    top.max(0.0),
                    (top + f64::from(el.client_height())).min(screen),
                )
            }
            None => (0.0, screen),
        };
        // The page's bottom bar, as the sheet's `bottom` resolves it (whole px are enough).
        // Read each time: a side panel that became a sheet without a resize of the window
        // (its column narrowed) had none.
        let bar = (!side).then(|| whole_px(window, &self.panel, "bottom").unwrap_or(0.0));
        Some((top, bottom, bar))
    }

    /// Writes the height the sheet may take (its `max-height`) where it changed; nothing for
    /// a side panel or one placed by its control.
    fn fit(&self, root: &Element, window: &Window) {
        // Only a sheet is shortened. On the element, not as a custom property of an element
        // around it: that is inherited, and one written on the views' container restyled the
        // whole drawing on every scrolled frame. (The stylesheet's rules for a panel placed
        // by its control, and for print, are `!important` over it.)
        let Some((top, bottom, Some(bar))) = self.area(window) else {
            return;
        };
        let b = self.body.get_bounding_client_rect();
        let z = zoom(root);
        let mut room = (bottom - b.top().max(top)) / z - SHEET_MARGIN - bar;
        // Nor over the control the reader chose, while that leaves the sheet its least:
        // they see what their tap lit around it (a tap never scrolls the page). Lower on
        // the screen, the sheet covers it, with the height it keeps as the page scrolls.
        if let Some(c) = self
            .chosen
            .get_or_init(|| chosen(&self.body).filter(|_| !self.reading))
        {
            let clear = (bottom - c.get_bounding_client_rect().bottom()) / z - GAP - bar;
            room = room.min(clear.max(least(top, bottom, z)));
        }
        // Whole px, written as an integer: formatting a float would bring its code into the
        // WASM.
        let room = format!("min(var(--xp-sheet), {}px)", room.floor().max(0.0) as i64);
        let style = self.panel.style();
        if style.get_property_value("max-height").ok().as_deref() != Some(room.as_str()) {
            let _ = style.set_property("max-height", &room);
        }
    }
}

/// While a sheet is open at `root`: fitted again in the frame after each scroll of the page
/// or of an element around it (listened to in the capture phase: scroll events do not
/// bubble; they cannot be cancelled either, so the reader's scrolling never waits on this),
/// and after each resize of the window.
/// Scrolled down, the views' top rises and the sheet grows with it, up to 70vh; scrolled
/// back up, it shrinks rather than being pushed below the screen. Returns what stops it.
pub fn refit_on_scroll(root: Element, sel: Selection) -> impl FnOnce() {
    let window = web_sys::window();
    // One fit per frame however many scroll events come; none once stopped.
    let (pending, live) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(true)));
    let known = Rc::new(RefCell::new(None::<Sheet>));
    let on_scroll = {
        let (live, window) = (live.clone(), window.clone());
        Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            // A resize may change what the sheet sticks within, or make it a side panel.
            if e.type_() == "resize" {
                known.take();
            }
            if pending.replace(true) {
                return;
            }
            let (root, pending, live, known) =
                (root.clone(), pending.clone(), live.clone(), known.clone());
            let sel = sel.clone();
            let window = window.clone();
            super::next_frame(Box::new(move || {
                pending.set(false);
                let Some(window) = window.filter(|_| live.get()) else {
                    return;
                };
                let mut known = known.borrow_mut();
                if !known.as_ref().is_some_and(Sheet::current) {
                    *known = Sheet::find(&root, &sel);
                }
                if let Some(sheet) = known.as_ref() {
                    sheet.fit(&root, &window);
                }
            }));
        })
    };
    // A resize too: a phone's address bar that shows again as the reader scrolls back up
    // makes the screen shorter without changing its width.
    let listen = move |on: bool| {
        let f = on_scroll.as_ref().unchecked_ref();
        for kind in ["scroll", "resize"] {
            let _ = window.as_ref().map(|w| match on {
                true => w.add_event_listener_with_callback_and_bool(kind, f, true),
                false => w.remove_event_listener_with_callback_and_bool(kind, f, true),
            });
        }
    };
    listen(true);
    move || {
        live.set(false);
        listen(false);
    }
}

/// The nearest ancestor of `el` (across shadow roots) that scrolls, within whose scrollport
/// a sticky element inside `el` sticks; `None` for the window's.
pub(super) fn scroller(el: &Element, window: &Window) -> Option<Element> {
    let doc = window.document()?;
    let (html, body) = (doc.document_element(), doc.body());
    let mut at = parent(el);
    while let Some(el) = at {
        if Some(&el) == html.as_ref() {
            break;
        }
        // The body's overflow is the window's own unless the root element's is set.
        let own = Some(&el) != body.as_deref()
            || html
                .as_ref()
                .and_then(|h| computed(window, h, "overflow-y"))
                .is_some_and(|o| o != "visible");
        let scrolls = own
            && computed(window, &el, "overflow-y").is_some_and(|o| o != "visible" && o != "clip");
        if scrolls {
            return Some(el);
        }
        at = parent(&el);
    }
    None
}

/// The least height a sheet is shortened to, to stay below the control chosen, in the
/// explainer's px, for an area `top` to `bottom` on the screen (viewport px, `z` its zoom):
/// `SHORT`, or 40 % of that area where less. A phone held sideways is 375 px tall: at
/// 240 px, the sheet covered every control but those in the top third.
fn least(top: f64, bottom: f64, z: f64) -> f64 {
    SHORT.min(0.4 * (bottom - top) / z)
}

/// The control a sheet stays below: the chosen item's where it shows (`aria-current`), or,
/// for an event that opened over the diagram, the lowest of the controls it lit.
fn chosen(body: &Element) -> Option<Element> {
    shown(body, CURRENT).next().or_else(|| {
        shown(body, LIT)
            .map(|c| (c.get_bounding_client_rect().bottom(), c))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    })
}

/// The chosen item's control (its views' and the timeline's).
const CURRENT: &str = "[data-key][aria-current]";
/// The controls an item lights in the diagram.
pub(super) const LIT: &str = ".xp-views .lit[data-key]";

/// The elements in `scope` that `selector` matches and that show.
pub(super) fn shown(scope: &Element, selector: &str) -> impl Iterator<Item = Element> {
    super::elements(scope, selector).filter(|c| c.get_client_rects().length() > 0)
}

/// For an event that opened over the diagram, which holds no control of its own: whether
/// every control it lit shows, clear of its scroll margin (and so of a page's fixed header
/// and bottom bar), above a bottom sheet of its [`least`] height (which then stops below
/// the lowest of them) or beside a side panel. `None` where the panel is placed by its
/// control, the item's own control shows, or it lit nothing that shows.
pub(super) fn lit_in_sight(root: &Element, sel: &Selection) -> Option<bool> {
    let window = web_sys::window()?;
    let sheet = Sheet::find(root, sel)?;
    let (top, bottom, bar) = sheet.area(&window)?;
    if shown(&sheet.body, CURRENT).next().is_some() {
        return None;
    }
    let lit: Vec<Element> = shown(&sheet.body, LIT).collect();
    let rects = || lit.iter().map(Element::get_bounding_client_rect);
    let first = rects().map(|r| r.top()).min_by(f64::total_cmp)?;
    let last = rects().map(|r| r.bottom()).max_by(f64::total_cmp)?;
    let margin = |side| whole_px(&window, &lit[0], side).unwrap_or(GAP);
    let z = zoom(root);
    let below = match bar {
        Some(bar) => GAP + bar + least(top, bottom, z),
        None => margin("scroll-margin-bottom"),
    };
    Some(first >= top + margin("scroll-margin-top") * z && (bottom - last) / z >= below)
}

/// The element above `el`, out of a shadow root to its host.
fn parent(el: &Element) -> Option<Element> {
    el.parent_element().or_else(|| {
        el.parent_node()?
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|s| s.host())
    })
}

/// A computed length of `el`, in whole px (enough here; parsing a float would bring its
/// code into the WASM).
fn whole_px(window: &Window, el: &Element, property: &str) -> Option<f64> {
    let v = computed(window, el, property)?;
    v.split(['.', 'p'])
        .next()?
        .parse::<u32>()
        .ok()
        .map(f64::from)
}

/// One computed property of `el`.
pub(super) fn computed(window: &Window, el: &Element, property: &str) -> Option<String> {
    window
        .get_computed_style(el)
        .ok()??
        .get_property_value(property)
        .ok()
}
