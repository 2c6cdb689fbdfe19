//! The layout, natively: its properties at every width a phone or desktop may give and for
//! stories of 3 to 60 entities, and what it does with lanes, names and the drawings' widths.
//! One module per part, in one test binary (each file under `tests/` is a binary to link).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod lanes;
mod names;
mod output;
mod properties;
