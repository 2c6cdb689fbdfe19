//! Work a render leaves to its effect that the frame answering the reader must already show.
//!
//! Past 16 ms of work (a slow phone), Yew 0.23's scheduler yields to the browser between a
//! render and that render's effects, and a frame may be painted in between: a diagram just
//! built without its controls, or dimmed for a new selection with the last one's lights. So
//! a render also leaves its effect's work here, and the reader's action (a tap, a tab, the
//! language switch) pays it in the next animation frame unless the effect did it first.

use std::cell::RefCell;
use std::rc::Rc;

/// How many frames after a reader's action what is owed is looked for: a tap's work at 8x
/// CPU spans about four of Yew's 16 ms slices, and a loaded phone more (half a second of
/// frames at 60 Hz; each look is one borrow when nothing is owed).
const FRAMES: u8 = 30;

/// An effect's work, as a render leaves it.
pub type Job = Rc<dyn Fn()>;

/// The one piece of work owed to the next frame: the latest render's (see the module).
#[derive(Clone, Default)]
pub struct Owed(Rc<RefCell<Option<Job>>>);

impl PartialEq for Owed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Owed {
    /// From a render: `job` is its effect's work, done by whichever of the effect and the
    /// next frame comes first. It replaces any earlier render's, which it brings up to date.
    pub fn owe(&self, job: Job) {
        *self.0.borrow_mut() = Some(job);
    }

    /// From the effect: the work is done.
    pub fn paid(&self) {
        self.0.borrow_mut().take();
    }

    /// From a reader's action: what the renders it causes owe is done before each of the
    /// next frames, if their effects have not done it. Several: Yew may also yield between
    /// a component's render and its children's, so the drawing may render a frame late.
    pub fn pay_before_next_frame(&self) {
        self.pay_for(FRAMES);
    }

    fn pay_for(&self, frames: u8) {
        let owed = self.clone();
        super::next_frame(Box::new(move || {
            // Taken first: the job must not find the cell borrowed.
            let job = owed.0.borrow_mut().take();
            if let Some(job) = job {
                job();
            }
            if frames > 1 {
                owed.pay_for(frames - 1);
            }
        }));
    }
}
