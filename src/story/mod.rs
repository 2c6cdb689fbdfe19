//! The story: its typed model, how it is read from JSON, and how it is checked.

mod model;
mod validate;

pub use model::*;
pub use validate::{validate, Problem};

/// The story shipped with the explainer, compiled into the binary.
pub const EMBEDDED_JSON: &str = include_str!("story.json");

/// Reads and checks a story. On failure, every problem found (a syntax or type error
/// stops at the first; otherwise all validation problems), each with its JSON path.
pub fn load(json: &str) -> Result<Story, Vec<Problem>> {
    let story = parse(json).map_err(|p| vec![p])?;
    let problems = validate(&story);
    if problems.is_empty() {
        Ok(story)
    } else {
        Err(problems)
    }
}

fn problem(path: String, message: String) -> Problem {
    let path = if path.is_empty() || path == "." {
        "(root)".to_string()
    } else {
        path
    };
    Problem {
        path,
        message,
        value: String::new(),
    }
}

/// Natively, serde_json with the path of the first type error.
#[cfg(not(target_arch = "wasm32"))]
fn parse(json: &str) -> Result<Story, Problem> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let msg = e.inner().to_string();
        // serde_json appends " at line L column C": keep it, it helps editors find the spot.
        problem(e.path().to_string(), msg)
    })
}

/// In the browser, the engine's own `JSON.parse` (no JSON parser in the WASM) and
/// serde-wasm-bindgen, still with the path of the first type error.
#[cfg(target_arch = "wasm32")]
fn parse(json: &str) -> Result<Story, Problem> {
    let value = js_sys::JSON::parse(json).map_err(|e| {
        let msg = js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default();
        problem(String::new(), format!("not valid JSON: {msg}"))
    })?;
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(de)
        .map_err(|e| problem(e.path().to_string(), e.inner().to_string()))
}
