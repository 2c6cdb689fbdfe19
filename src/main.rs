//! Browser entry point: mounts an explainer into every `[data-explainer]` element.

fn main() {
    #[cfg(target_arch = "wasm32")]
    explainer::embed::start();
}
