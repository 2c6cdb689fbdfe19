//! Reading JSON with the path of the first error.
//!
//! A serde `Deserializer` walks the text ([`from_str`]) and fills the model as it reads,
//! remembering where it stopped. It replaces serde_json with serde_path_to_error, whose
//! wrapper around every visitor cost 64 KB of WASM. It is written here rather than borrowed
//! from the browser: `JSON.parse` plus a walk over its result through wasm-bindgen cost
//! 25 ms for the shipped story on a desktop CPU, one boundary crossing per value. This is
//! one pass in WASM, and native tests and pre-rendering read with the very same code.
//! It used to read into a tree first. Filling the model directly is a little faster, and
//! broken text is reported with the path it broke in, not only its line and column.

mod de;
mod text;

pub use de::{from_str, Error, Failure};

/// Deeper nesting is refused rather than risking the stack (serde_json's limit too).
const MAX_DEPTH: usize = 128;

/// One step of a JSON path, as an editor reads it: `relationships[3].amount`.
#[derive(Clone, Copy)]
pub(crate) enum Step<'a> {
    /// A member of an object.
    Key(&'a str),
    /// An item of a list.
    Index(usize),
}

impl Step<'_> {
    /// Appends `.key` (`key` at the start of the path) or `[i]` to `path`.
    pub(crate) fn write(self, path: &mut String) {
        match self {
            Step::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Step::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
}
