//! Chooses the story compiled in: `src/story/story.json`, or the file `EXPLAINER_STORY`
//! names (relative to this directory), so that a newsroom builds another story with the
//! same code without editing it: `EXPLAINER_STORY=stories/x.json trunk build --release`.
use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=EXPLAINER_STORY");
    let shown = env::var("EXPLAINER_STORY")
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "src/story/story.json".into());
    // (Joined, an absolute path replaces the directory.)
    let path = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join(&shown);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the story to build in, {} ({shown}), cannot be read: {e}",
            path.display()
        )
    });
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("story.json");
    fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // What the build's messages call the story.
    println!("cargo:rustc-env=EXPLAINER_STORY_FILE={shown}");
}
