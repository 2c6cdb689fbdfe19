//! An interactive explainer of the Nvidia–OpenAI investment story, for news pages.
//!
//! Data flows one way: story JSON → [`story`] (typed, validated) → [`layout`] (pure
//! geometry) → [`components`] (Yew, rendered natively for tests and pre-rendering, or in
//! the browser) ← [`state`] (one reducer per instance).

// Every public item carries rustdoc (clippy -D warnings in scripts/test.sh makes it an error).
#![warn(missing_docs)]

pub mod components;
pub mod describe;
pub mod format;
pub mod highlight;
pub mod host;
pub mod i18n;
pub mod layout;
pub mod state;
pub mod story;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(not(target_arch = "wasm32"))]
pub mod fallback;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod shrink;

pub use components::{App, AppProps, Loaded};

/// Renders the explainer to HTML natively (tests and pre-rendering). `json` is a story;
/// invalid stories render the error view, as in the browser. `complete` renders every view
/// and disclosure (pre-rendering); without it, what a live instance builds.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_html(
    json: &str,
    lang: i18n::Lang,
    view: state::View,
    width: u32,
    hydratable: bool,
    complete: bool,
) -> String {
    let json = json.to_string();
    let renderer = yew::ServerRenderer::<App>::with_props(move || AppProps {
        story: Loaded::from_json(&json),
        lang,
        view,
        width,
        instance: "xp".into(),
        linked: Default::default(),
        asked: Default::default(),
        on_host: Default::default(),
        complete,
        progressive: false,
        fit_until: 0,
        owed: Default::default(),
    })
    .hydratable(hydratable);
    futures::executor::block_on(renderer.render())
}
