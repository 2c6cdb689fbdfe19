//! Work a render leaves to its effect that the frame answering the reader must already show.
//!
//! Past 16 ms of work (a slow phone), Yew 0.23's scheduler yields to the browser between a
//! render and that render's effects, and a frame may be painted in between: a diagram just
//! built without its controls, or dimmed for a new selection with the last one's lights. So
//! a render also leaves its effect's work here, and the reader's action (a tap, a tab, the
//! language switch) pays it in the next animation frame unless the effect did it first; so
//! does the embed for an explainer it draws afresh, and a tap that meets the diagram first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How many frames after a reader's action what is owed is looked for at most: a tap's work
/// at 8x CPU spans about four of Yew's 16 ms slices, and a loaded phone more (half a second
/// of frames at 60 Hz).
const FRAMES: u8 = 30;

/// Frames still looked at once the action's work is paid and nothing more is owed: a render
/// that follows (an effect's own dispatch) is still covered. Stopping there spares each tap
/// and close about 25 animation frames, each a callback into the WASM and a frame the
/// browser would otherwise have to begin.
const AFTER: u8 = 3;

/// An effect's work, as a render leaves it.
pub type Job = Rc<dyn Fn()>;

/// The one piece of work owed to the next frame: the latest render's (see the module).
#[derive(Clone, Default)]
pub struct Owed(Rc<Inner>);

#[derive(Default)]
struct Inner {
    job: RefCell<Option<Job>>,
    /// Whether work has been paid since the latest action began looking.
    paid: Cell<bool>,
    /// The latest action's number: an earlier action's frames stop looking.
    action: Cell<u32>,
}

impl PartialEq for Owed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Owed {
    /// From a render: `job` is its effect's work, done by whichever of the effect and the
    /// next frame comes first. It replaces any earlier render's, which it brings up to date.
    pub fn owe(&self, job: Job) {
        *self.0.job.borrow_mut() = Some(job);
    }

    /// From the effect: the work is done.
    pub fn paid(&self) {
        self.0.job.borrow_mut().take();
        self.0.paid.set(true);
    }

    /// From a reader's action, or the embed drawing an explainer afresh: what the renders it
    /// causes owe is done before each of the next frames, if their effects have not done it.
    /// Several: Yew may also yield between a component's render and its children's, so the
    /// drawing may render a frame late.
    /// The looking stops `AFTER` frames once that work is paid, or after `FRAMES`.
    pub fn pay_before_next_frame(&self) {
        let action = self.0.action.get().wrapping_add(1);
        self.0.action.set(action);
        self.0.paid.set(false);
        self.pay_for(action, FRAMES, AFTER);
    }

    /// The work is done now, if the effect has not done it: in each frame after a reader's
    /// action, and before the page is printed. No frame comes between the browser's
    /// `beforeprint` and its print layout, but the microtasks queued in that event run first
    /// (see `super::print`). Also when a tap reaches a diagram still owed its controls
    /// (see `Diagram`). Says whether there was work to do.
    pub fn pay_now(&self) -> bool {
        // Taken first: the job must not find the cell borrowed.
        let job = self.0.job.borrow_mut().take();
        let owed = job.is_some();
        if let Some(job) = job {
            job();
            self.0.paid.set(true);
        }
        owed
    }

    fn pay_for(&self, action: u32, frames: u8, after: u8) {
        let owed = self.clone();
        super::next_frame(Box::new(move || {
            let inner = &owed.0;
            if inner.action.get() != action {
                return;
            }
            owed.pay_now();
            // Counted down only while nothing is owed once the work has been paid.
            let quiet = inner.paid.get() && inner.job.borrow().is_none();
            let after = if quiet { after - 1 } else { AFTER };
            if frames > 1 && after > 0 {
                owed.pay_for(action, frames - 1, after);
            }
        }));
    }
}
