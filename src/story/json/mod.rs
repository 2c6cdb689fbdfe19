//! Reading JSON with the path of the first error.
//!
//! The text becomes a [`Value`] tree ([`parse`]), then a small serde `Deserializer` over the
//! tree fills the model and remembers where it stopped. It replaces serde_json with
//! serde_path_to_error, whose wrapper around every visitor cost 64 KB of WASM.

use std::borrow::Cow;

mod de;
mod text;

pub use de::{from_value, Error, Failure};
pub use text::parse;

/// A parsed JSON value. Object members keep their written order. Strings and member names
/// without escapes borrow the text: the tree allocates only its lists, and dropping it frees
/// little (freeing one string per value showed in profiles of large stories).
#[derive(Debug, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any number (JSON has one number type).
    Number(f64),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object, members in written order.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Deeper nesting is refused rather than risking the stack (serde_json's limit too).
const MAX_DEPTH: usize = 128;
