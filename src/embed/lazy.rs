//! A pre-rendered explainer waits for the reader: what hydration needs that the reader cannot
//! see is prepared while the page is idle, and hydration runs at idle too once they scroll
//! near it, or on their first input if that comes first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

/// The pre-rendered HTML holds one diagram per fitting width (`.xp-fits > .xp-fit.f<w>`) and
/// CSS shows one. Keeps that one, in place, and drops the others, so hydration adopts a
/// single diagram laid out at `w`, exactly what the first render at width `w` draws.
/// Returns `w` and the next fit's width, from which CSS would have shown another drawing
/// (`u32::MAX` for the widest). The kept fit remembers it (`data-until`) until the call
/// that comes with hydration (`hydrating`), which takes it away: a fresh render has no such
/// attribute.
pub(super) fn keep_visible_fit(root: &Element, hydrating: bool) -> Option<(u32, u32)> {
    let fits = root.query_selector(".xp-fits").ok()??;
    let children = fits.children();
    let all: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .collect();
    let width_of = |el: &Element| -> Option<u32> {
        el.class_name()
            .split_whitespace()
            .find_map(|c| c.strip_prefix('f')?.parse().ok())
    };
    let at = all
        .iter()
        .rposition(|c| c.get_client_rects().length() > 0)
        .unwrap_or(0);
    let shown = all.get(at)?;
    let until = match all.get(at + 1) {
        Some(next) => width_of(next)?,
        None => shown
            .get_attribute("data-until")
            .and_then(|u| u.parse().ok())
            .unwrap_or(u32::MAX),
    };
    let _ = match hydrating {
        true => shown.remove_attribute("data-until"),
        false => shown.set_attribute("data-until", &until.to_string()),
    };
    for other in all.iter().filter(|c| *c != shown) {
        other.remove();
    }
    Some((width_of(shown)?, until))
}

/// Drops what a live instance builds only on demand (`data-lazy`: hidden views, closed
/// disclosures) from the pre-rendered HTML, keeping each one's first element (title or
/// summary), so hydration adopts exactly what the first live render draws. Only at
/// hydration (`close`) are open disclosures closed and emptied as well.
pub(super) fn drop_lazy(root: &Element, close: bool) {
    let Ok(list) = root.query_selector_all(".xp-view[hidden][data-lazy], details[data-lazy]")
    else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if el.has_attribute("open") {
            // Before input (at idle), an open disclosure was opened by the reader some other
            // way (find in page): leave it for hydration, which closes it.
            if !close {
                continue;
            }
            let _ = el.remove_attribute("open");
        }
        let Some(keep) = el.first_element_child() else {
            continue;
        };
        // Comments too: hydration markers of the dropped components must go with them.
        while let Some(next) = keep.next_sibling() {
            let _ = el.remove_child(&next);
        }
    }
}

/// A hydration that has not run yet: emptied when it runs, or when its host leaves the page
/// before the reader reached for it.
pub(super) type Pending = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// A listener the loader keeps, to remove it later.
type Listener = Closure<dyn Fn(web_sys::Event)>;

/// The listeners [`when_needed`] puts on a host. Dropping them removes them and frees their
/// closures, which hold the host: a host that leaves the page is then not kept alive.
pub(super) struct Listeners {
    host: Element,
    /// Each listener and the events it is for, all in the capture phase.
    list: Vec<(&'static [&'static str], Listener)>,
}

impl Listeners {
    /// Whether these are on `host`.
    pub(super) fn on(&self, host: &Element) -> bool {
        self.host == *host
    }

    /// Adds `f` for `names`, in the capture phase, passive unless it stops events: a
    /// listener waiting for input must never hold a touch's scroll.
    fn capture(&mut self, names: &'static [&'static str], passive: bool, f: Listener) {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        options.set_passive(passive);
        for name in names {
            let _ = self
                .host
                .add_event_listener_with_callback_and_add_event_listener_options(
                    name,
                    f.as_ref().unchecked_ref(),
                    &options,
                );
        }
        self.list.push((names, f));
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for (names, f) in &self.list {
            for name in *names {
                let _ = self.host.remove_event_listener_with_callback_and_bool(
                    name,
                    f.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
    }
}

/// Whether `el` is within a screen of the viewport, as close as the loader fetches the code
/// for: a reader scrolling on reaches it soon. One further down (a page with several
/// explainers) is hydrated on its reader's first input only.
fn near(el: &Element) -> bool {
    let screen = web_sys::window()
        .and_then(|w| w.inner_height().ok()?.as_f64())
        .unwrap_or(0.0);
    let r = el.get_bounding_client_rect();
    r.bottom() > -screen && r.top() < 2.0 * screen
}

/// Whether a disclosure built on demand was opened without input (find in page): hydration
/// would close it, under the reader's eyes, so it waits for their input.
fn opened_lazy(root: &Element) -> bool {
    root.query_selector("details[data-lazy][open]")
        .ok()
        .flatten()
        .is_some()
}

/// Runs `f` when the browser is idle (soon after, where `requestIdleCallback` is missing).
fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let f = Closure::once_into_js(f);
    if w.request_idle_callback(f.unchecked_ref()).is_err() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 1);
    }
}

/// Runs `go` once, on the reader's first pointer, touch, focus or key input inside `host`:
/// the pre-rendered explainer is already readable, so it only needs to answer once the
/// reader reaches for it, and page load pays nothing for hydrating it (idle time after the
/// reader scrolled near it may run `go` first: see [`prepare_at_idle`]). Input events come
/// before the click they lead to, so that click already lands on the hydrated explainer.
/// A click with no input before it (assistive technology activating a control) hydrates,
/// then is replayed on the same control once hydrated; so is a click that comes while
/// hydration is still running.
/// Returns the hydration still to run, taken when it runs (see [`Pending`]), and the
/// listeners, to drop when the host leaves the page.
pub(super) fn when_needed(host: &Element, go: impl FnOnce() + 'static) -> (Pending, Listeners) {
    let go: Pending = Rc::new(RefCell::new(Some(Box::new(go))));
    let mut listeners = Listeners {
        host: host.clone(),
        list: Vec::new(),
    };
    // First: its press listener must see the control before hydration can redraw it.
    guard_first_press(&mut listeners);
    let on_input = {
        let go = go.clone();
        Listener::new(move |_| {
            if let Some(f) = go.borrow_mut().take() {
                f();
            }
        })
    };
    const INPUTS: &[&str] = &["pointerdown", "touchstart", "focusin", "keydown"];
    listeners.capture(INPUTS, true, on_input);
    let (ready_host, pending) = (host.clone(), go.clone());
    let on_click = Listener::new(move |e: web_sys::Event| {
        let first = pending.borrow_mut().take();
        // Hydrated: the explainer answers the click itself.
        if first.is_none() && ready_host.has_attribute(super::READY) {
            return;
        }
        // Its shadow root, while the control is still drawn: hydration may redraw it.
        let control = control_of(&e).map(|c| {
            let root = c.get_root_node();
            (c, root)
        });
        if let Some(f) = first {
            f();
        }
        // Hydration was just started, or is still running since an input before this
        // click (on a slow phone it spans several tasks): the click would reach controls
        // that do not answer yet. It is held and replayed once the explainer is ready.
        if let Some((control, root)) = control {
            e.stop_propagation();
            replay_when_ready(&ready_host, control, root);
        }
    });
    // Not passive: it stops the clicks it holds.
    listeners.capture(&["click"], false, on_click);
    (go, listeners)
}

/// Clicks `control` again (see [`click_again`]) once `host`'s explainer is hydrated: now if
/// it already is, else on its `explainer:ready` event. In a task of its own either way, after
/// the render that made it ready.
fn replay_when_ready(host: &Element, control: Element, root: web_sys::Node) {
    let later = move || {
        if let Some(w) = web_sys::window() {
            let replay = Closure::once_into_js(move || click_again(&control, &root));
            let _ = w.set_timeout_with_callback(replay.unchecked_ref());
        }
    };
    if host.has_attribute(super::READY) {
        return later();
    }
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = host.add_event_listener_with_callback_and_add_event_listener_options(
        "explainer:ready",
        Closure::once_into_js(later).unchecked_ref(),
        &options,
    );
}

/// The explainer's own control an event reached (not a link or a native disclosure, which
/// do their part without it).
fn control_of(e: &web_sys::Event) -> Option<Element> {
    let target = e.composed_path().get(0).dyn_into::<Element>().ok()?;
    let control = target
        .closest("[data-key], [role=tab], button")
        .ok()
        .flatten()?;
    let inert = control.closest("a, summary").ok().flatten().is_some();
    (!inert).then_some(control)
}

/// Clicks `control`, or, if a redraw replaced it, the control now drawn with its key in
/// `root` (its shadow root when it was pressed).
fn click_again(control: &Element, root: &web_sys::Node) {
    let control = if control.is_connected() {
        Some(control.clone())
    } else {
        let key = control.get_attribute("data-key");
        key.and_then(|k| {
            root.dyn_ref::<ShadowRoot>()?
                .query_selector(&format!("[data-key=\"{k}\"]"))
                .ok()?
        })
    };
    let Some(control) = control else { return };
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(click) = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init) {
        let _ = control.dispatch_event(&click);
    }
}

/// The press that hydrates the explainer may see its control redrawn before it is released:
/// the first live layout follows the measured width of the diagram's column, which a
/// pre-rendered layout only approaches. The browser then clicks the removed element, and
/// the click reaches nothing (seen on a loaded machine: about one first tap in four). When
/// the press ends over the redrawn control and no click reached it, it is clicked once.
fn guard_first_press(listeners: &mut Listeners) {
    /// The first press on a control: the control, its key, and where to find that key
    /// again (a removed control no longer knows its shadow root).
    struct Press {
        control: Element,
        key: String,
        root: web_sys::Node,
    }
    let press: Rc<RefCell<Option<Press>>> = Rc::default();
    let (armed, released) = (Rc::new(Cell::new(true)), Rc::new(Cell::new(false)));
    // Whether a click reached a control with the pressed key.
    let clicked = Rc::new(Cell::new(false));
    let key_of = |e: &web_sys::Event| control_of(e).and_then(|c| c.get_attribute("data-key"));
    {
        let press = press.clone();
        listeners.capture(
            &["pointerdown"],
            true,
            Listener::new(move |e| {
                if !armed.replace(false) {
                    return;
                }
                *press.borrow_mut() = control_of(&e).and_then(|control| {
                    let key = control.get_attribute("data-key")?;
                    let root = control.get_root_node();
                    Some(Press { control, key, root })
                });
            }),
        );
    }
    {
        let (press, clicked) = (press.clone(), clicked.clone());
        listeners.capture(
            &["click"],
            true,
            Listener::new(move |e| {
                if let Some(p) = press.borrow().as_ref() {
                    if key_of(&e).as_ref() == Some(&p.key) {
                        clicked.set(true);
                    }
                }
            }),
        );
    }
    listeners.capture(
        &["pointerup"],
        true,
        Listener::new(move |e| {
            // Only the first release; nothing to guard if it was elsewhere or no control.
            if released.replace(true) {
                return;
            }
            let guard = press.borrow();
            let over = |p: &&Press| key_of(&e).as_ref() == Some(&p.key);
            let (Some(p), Some(w)) = (guard.as_ref().filter(over), web_sys::window()) else {
                return;
            };
            // A mouse's click follows its release in the same task, so the check can come
            // right after it. A touch's click comes a little after the finger lifts, once
            // the tap is recognised: give it time first.
            let mouse = e
                .dyn_ref::<web_sys::PointerEvent>()
                .is_some_and(|p| p.pointer_type() == "mouse");
            let wait = if mouse { 0 } else { 350 };
            let (control, root, clicked) = (p.control.clone(), p.root.clone(), clicked.clone());
            let check = Closure::once_into_js(move || {
                if !clicked.get() && !control.is_connected() {
                    click_again(&control, &root);
                }
            });
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), wait);
        }),
    );
}

/// Prepares hydration while the page is idle, unless input (`started`) came first. The
/// hidden layouts, views and closed lists go at once: invisible, and 20-35 ms at 4x CPU,
/// under the long-task threshold. Reading the story (`load`) costs more, as its code is
/// compiled on first use (50-100 ms at 4x): it waits until the page has been scrolled, a sign
/// the reader is reading on, so a page view that never reaches the widget does not pay it.
/// Then, at a later idle moment, the hydration itself runs (`pending`) for an explainer the
/// reader is about to reach: their first tap then only opens what they chose.
pub(super) fn prepare_at_idle<R>(
    root: &Element,
    load: impl FnOnce() -> R + 'static,
    started: Rc<Cell<bool>>,
    pending: Pending,
) {
    let parse_root = root.clone();
    let (root, idle_started) = (root.clone(), started.clone());
    when_idle(move || {
        if !idle_started.get() {
            keep_visible_fit(&root, false);
            drop_lazy(&root, false);
        }
    });
    let parse = move || {
        when_idle(move || {
            // Not for a host that left the page before the reader scrolled.
            if started.get() || !parse_root.is_connected() {
                return;
            }
            load();
            when_idle(move || {
                if near(&parse_root) && !opened_lazy(&parse_root) {
                    let go = pending.borrow_mut().take();
                    if let Some(go) = go {
                        go();
                    }
                }
            });
        })
    };
    let Some(w) = web_sys::window() else { return };
    if w.scroll_y().unwrap_or(0.0) > 0.0 {
        parse();
    } else {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        options.set_passive(true);
        let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
            "scroll",
            Closure::once_into_js(parse).unchecked_ref(),
            &options,
        );
    }
}
