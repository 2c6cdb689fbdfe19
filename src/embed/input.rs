//! The reader's first input into a pre-rendered explainer: it hydrates the explainer (unless
//! idle time did), and a click that comes before the explainer answers is replayed once it
//! does. The listeners are removed when the host leaves the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use super::lazy::Pending;

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

/// Runs `go` once, on the reader's first pointer, touch, focus or key input inside `host`:
/// the pre-rendered explainer is already readable, so it only needs to answer once the
/// reader reaches for it, and page load pays nothing for hydrating it (idle time after the
/// reader scrolled near it may run `go` first: see [`super::lazy::prepare_at_idle`]).
/// Input events come before the click they lead to, so that click already lands on the
/// hydrated explainer.
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
        Listener::new(move |_| super::lazy::run(&go))
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
            // Held whole: nor does a link the page wraps its embed in follow it.
            e.stop_propagation();
            e.prevent_default();
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
    // As a real click is: the control that answers it cancels it, so that a link the page
    // wraps its embed in does not follow it too.
    init.set_cancelable(true);
    init.set_composed(true);
    if let Ok(click) = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init) {
        let _ = control.dispatch_event(&click);
    }
}

/// The press that hydrates the explainer may see its control redrawn before it is released:
/// the first live layout follows the measured width of the diagram's column, which a
/// pre-rendered layout only approaches, or has left behind (the column resized before the
/// first tap: a phone turned, a window widened). The browser then clicks the removed
/// element, or nothing when the control moved away, and the tap is lost (seen on a loaded
/// machine: about one first tap in four). When a main-button press ends over the redrawn
/// control, or still where it began, and no click reached a control with its key, that
/// control is clicked once, unless it is still under the press (a long press, which
/// clicks nothing by design).
fn guard_first_press(listeners: &mut Listeners) {
    /// The first press on a control: the control, its key, and where to find that key
    /// again (a removed control no longer knows its shadow root).
    struct Press {
        control: Element,
        key: String,
        root: web_sys::Node,
        /// Where the press began, in CSS px of the viewport.
        at: (i32, i32),
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
            Listener::new(move |e: web_sys::Event| {
                if !armed.replace(false) {
                    return;
                }
                // A press that clicks: the main button, a finger or a pen's tip.
                let main = e
                    .dyn_ref::<web_sys::MouseEvent>()
                    .is_some_and(|m| m.button() == 0);
                *press.borrow_mut() = control_of(&e).filter(|_| main).and_then(|control| {
                    let key = control.get_attribute("data-key")?;
                    let root = control.get_root_node();
                    let at = point(&e)?;
                    Some(Press {
                        control,
                        key,
                        root,
                        at,
                    })
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
            // A tap moves a few px at most; a press dragged away is not one.
            let still = |p: &Press| {
                point(&e).is_some_and(|(x, y)| (x - p.at.0).abs() <= 8 && (y - p.at.1).abs() <= 8)
            };
            let over = |p: &&Press| key_of(&e).as_ref() == Some(&p.key) || still(p);
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
            let at = p.at;
            let check = Closure::once_into_js(move || {
                // No click reached it because the redraw removed it or moved it from under
                // the press. One still there got none for a reason of the reader's (a long
                // press): that stays theirs.
                let r = control.get_bounding_client_rect();
                let (x, y) = (f64::from(at.0), f64::from(at.1));
                let under = r.left() <= x && x <= r.right() && r.top() <= y && y <= r.bottom();
                let moved = !control.is_connected() || !under;
                if !clicked.get() && moved {
                    click_again(&control, &root);
                }
            });
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), wait);
        }),
    );
}

/// Where a pointer event happened, in CSS px of the viewport.
fn point(e: &web_sys::Event) -> Option<(i32, i32)> {
    let e = e.dyn_ref::<web_sys::MouseEvent>()?;
    Some((e.client_x(), e.client_y()))
}
