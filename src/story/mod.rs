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

/// serde_json on both targets, so the editor sees the same path and message natively and
/// in the browser (serde_json appends "at line L column C", which helps find the spot).
fn parse(json: &str) -> Result<Story, Problem> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de)
        .map_err(|e| problem(e.path().to_string(), e.inner().to_string()))
}
