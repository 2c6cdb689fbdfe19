//! The App renders natively (Yew SSR): what a reader gets in the HTML, for the shipped
//! story and for other stories the schema allows or an editor breaks. One module per part,
//! in one test binary (each file under `tests/` is a binary of its own to link).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod controls;
mod drawing;
mod stories;
mod text;
mod views;
