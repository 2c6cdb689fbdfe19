//! A pre-rendered explainer waits for the reader: what hydration needs that the reader cannot
//! see is prepared while the page is idle, and hydration runs at idle too once they scroll
//! near it or see one of its controls, or on their first input if that comes first (see
//! `input.rs`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The pre-rendered HTML holds one diagram per fitting width (`.xp-fits > .xp-fit.f<w>`) and
/// CSS shows one. Keeps that one, in place, and drops the others, so hydration adopts a
/// single diagram laid out at `w`, exactly what the first render at width `w` draws.
/// Returns `w` and the next fit's width, from which CSS would have shown another drawing
/// (`u32::MAX` for the widest), or `None` before hydration if none is shown (a hidden
/// explainer), leaving them all. The kept fit remembers it (`data-until`) until the call
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
    let at = match all.iter().rposition(|c| c.get_client_rects().length() > 0) {
        Some(at) => at,
        // Nothing shown (the explainer is hidden, in a closed tab of the page): the width it
        // will have once shown is unknown, so idle time keeps every fit for CSS to choose.
        None if !hydrating => return None,
        None => 0,
    };
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

/// Runs the hydration `pending` still holds, if any. Taken first: the hydration must not run
/// with its cell still borrowed.
pub(super) fn run(pending: &Pending) {
    let go = pending.borrow_mut().take();
    if let Some(go) = go {
        go();
    }
}

/// Whether `el` is shown, within a screen of the viewport, as close as the loader fetches the
/// code for: a reader scrolling on reaches it soon. One further down (a page with several
/// explainers), or hidden (in a closed tab of the page), is hydrated on its reader's first
/// input only.
fn near(el: &Element) -> bool {
    let screen = web_sys::window()
        .and_then(|w| w.inner_height().ok()?.as_f64())
        .unwrap_or(0.0);
    let r = el.get_bounding_client_rect();
    r.height() > 0.0 && r.bottom() > -screen && r.top() < 2.0 * screen
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
/// Boxed: one JavaScript shim for every caller, not one per closure type.
fn when_idle(f: Box<dyn FnOnce()>) {
    let Some(w) = web_sys::window() else { return };
    let f = Closure::once_into_js(f);
    if w.request_idle_callback(f.unchecked_ref()).is_err() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 1);
    }
}

/// What a reader taps or tabs to in the pre-rendered explainer, the first of them in its
/// order on top: its language switch, its tabs, the diagram's players.
const CONTROLS: &str = "button, a[href], summary, [data-key]";

/// The event the watch listens to, on the window in the capture phase: added and removed
/// with the same name and phase, or the removal silently misses.
const SCROLL: &str = "scroll";

/// Prepares hydration while the page is idle, unless input came first (`pending` is then
/// taken: the one sign of it, whether the reader's input or idle time ran it). The
/// hidden layouts, views and closed lists go at once: invisible, and 20-35 ms at 4x CPU,
/// under the long-task threshold. Reading the story (`load`) costs more, as its code is
/// compiled on first use (50-100 ms at 4x): it waits until the page (the window, or any
/// element of it) has been scrolled, a sign the reader is reading on, so a page view that
/// never reaches the widget does not pay it.
/// Then, at a later idle moment after a scroll that brought the reader near the explainer,
/// the hydration itself runs (`pending`): their first tap then only opens what they chose.
/// A column that no longer fits the drawing kept (a phone turned, a sidebar folded) counts
/// as such a scroll (see [`Watch::follow_column`]), and so does a control of the explainer
/// on the screen as the page loads (see [`Watch::when_seen`]).
pub(super) fn prepare_at_idle<R>(
    root: &Element,
    load: impl FnOnce() -> R + 'static,
    pending: Pending,
) {
    let Some(w) = web_sys::window() else { return };
    let watch = Rc::new(Watch {
        root: root.clone(),
        load: RefCell::new(Some(Box::new(move || {
            load();
        }))),
        pending,
        queued: Cell::new(false),
        listener: RefCell::new(None),
        column: RefCell::new(None),
    });
    let idle = watch.clone();
    when_idle(Box::new(move || {
        if idle.pending.borrow().is_some() {
            if let Some(range) = keep_visible_fit(&idle.root, false) {
                idle.follow_column(range);
            }
            drop_lazy(&idle.root, false);
            idle.when_seen();
        }
    }));
    let step_soon = {
        let watch = watch.clone();
        Closure::<dyn Fn()>::new(move || watch.queue())
    };
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    // Captured: a page whose article scrolls in an element of its own (an app shell) never
    // scrolls the window, and scroll events do not bubble.
    options.set_capture(true);
    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
        SCROLL,
        step_soon.as_ref().unchecked_ref(),
        &options,
    );
    *watch.listener.borrow_mut() = Some(step_soon);
    if w.scroll_y().unwrap_or(0.0) > 0.0 {
        watch.queue();
    }
}

/// What idle time still has to do for a pre-rendered explainer as the reader scrolls: read
/// the story, then hydrate the explainer once they come near it (one further down the page
/// is hydrated when they reach it).
struct Watch {
    root: Element,
    load: RefCell<Option<Box<dyn FnOnce()>>>,
    pending: Pending,
    /// A step is waiting for an idle moment: scrolls until then add none.
    queued: Cell<bool>,
    /// The page's scroll listener, removed once there is nothing left to do.
    listener: RefCell<Option<Closure<dyn Fn()>>>,
    /// Watches the diagram's column once idle time kept one drawing (see
    /// [`Watch::follow_column`]); disconnected with the listener.
    column: RefCell<Option<Observed>>,
}

/// An observer and the callback it calls, which must live as long as it.
type Observed = (web_sys::ResizeObserver, Closure<dyn Fn()>);

impl Watch {
    /// One step at the next idle moment, unless one is already waiting.
    fn queue(self: &Rc<Self>) {
        if self.queued.replace(true) {
            return;
        }
        let watch = self.clone();
        when_idle(Box::new(move || watch.step()));
    }

    /// Reads the story on the first step, then hydrates in a step of its own (a task each)
    /// if the explainer is near; stops once it is hydrated, by this or by input, or gone.
    fn step(self: &Rc<Self>) {
        self.queued.set(false);
        if self.pending.borrow().is_none() || !self.root.is_connected() {
            return self.stop();
        }
        let load = self.load.borrow_mut().take();
        if let Some(load) = load {
            load();
            return self.queue();
        }
        if near(&self.root) && !opened_lazy(&self.root) {
            run(&self.pending);
            self.stop();
        }
    }

    /// Takes idle time's next step, as a scroll does, if the reader sees one of the
    /// explainer's controls without scrolling (it sits high on the page, or the page is
    /// short): they may tap it at once, and a tap that had to hydrate first took about half
    /// as long again (120 to 144 ms against 80 to 88 at 4x CPU). Its first control, above
    /// the others, is what counts: a reader who sees only its title above the fold (the
    /// article on Lighthouse's phone) scrolls before they reach a control, and that scroll
    /// prepares it.
    fn when_seen(self: &Rc<Self>) {
        let Ok(Some(first)) = self.root.query_selector(CONTROLS) else {
            return;
        };
        let watch = Rc::downgrade(self);
        crate::components::in_sight_now(
            &first,
            Box::new(move |seen| {
                if let (true, Some(watch)) = (seen, watch.upgrade()) {
                    watch.queue();
                }
            }),
        );
    }

    /// Once idle time kept the one drawing laid out for columns `from..until` wide (the
    /// width buckets of `state::bucket`): a column that leaves that range (a phone turned,
    /// or the page's own layout changing: a sidebar folded) would show it scaled, and its
    /// targets with it, so it takes idle time's next step as a scroll does, which hydrates
    /// the explainer in view and lays it out again. The observer also reports at once: the
    /// range leaves that report out.
    fn follow_column(self: &Rc<Self>, (from, until): (u32, u32)) {
        let Ok(Some(views)) = self.root.query_selector(".xp-views") else {
            return;
        };
        let watch = Rc::downgrade(self);
        let column = views.clone();
        let moved = Closure::<dyn Fn()>::new(move || {
            let width = column.client_width();
            let fits = (from..until).contains(&crate::state::bucket(width.max(0) as u32));
            if let (false, true, Some(watch)) = (fits, width > 0, watch.upgrade()) {
                watch.queue();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(moved.as_ref().unchecked_ref()) {
            observer.observe(&views);
            *self.column.borrow_mut() = Some((observer, moved));
        }
    }

    /// Removes the page's listener and the column's observer; that also frees this watch,
    /// which the listener holds.
    fn stop(&self) {
        if let Some((observer, _)) = self.column.borrow_mut().take() {
            observer.disconnect();
        }
        let listener = self.listener.borrow_mut().take();
        if let (Some(f), Some(w)) = (listener, web_sys::window()) {
            let _ = w.remove_event_listener_with_callback_and_bool(
                SCROLL,
                f.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}
