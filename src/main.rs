//! Browser entry point. Mounting starts from the loader (`embed.js` calls the exported
//! `start` with the stylesheet's address and the build's name), so nothing runs at module start.

fn main() {
    // Keep the exported entry point (and its wasm-bindgen metadata) linked into the binary.
    #[cfg(target_arch = "wasm32")]
    std::hint::black_box(explainer::embed::start as fn(String, String));
}
