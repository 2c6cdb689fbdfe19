//! The story: its typed model, how it is read from JSON, and how it is checked.

mod index;
pub mod json;
pub mod message;
mod model;
mod validate;

use crate::i18n::Lang;

pub use model::*;
pub use validate::{notices, validate, Problem};

/// The story shipped with the explainer, compiled into the binary: `story.json` here, or
/// the file `EXPLAINER_STORY` named at build time (see `build.rs`).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/story.json"));

/// Where the story compiled in came from, as the build's messages name it.
pub const EMBEDDED_FILE: &str = env!("EXPLAINER_STORY_FILE");

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

fn problem(path: String, message: message::Message) -> Problem {
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

/// The same reader on both targets ([`json::from_str`]), so the editor gets the same path
/// and message natively and in the browser. A byte-order mark (what some Windows editors
/// put first in a UTF-8 file, unseen) is skipped, as RFC 8259 allows.
fn parse(text: &str) -> Result<Story, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut story: Story = json::from_str(text).map_err(|f| problem(f.path, f.message))?;
    // A source's title in French gets French no-break spaces, as the story's own French
    // texts do (see `Text`); its language is known only once the whole source is read.
    for s in &mut story.sources {
        let french = s.lang.as_deref().and_then(Lang::from_code) == Some(Lang::Fr);
        if french {
            s.title = crate::format::french_spacing(std::mem::take(&mut s.title));
        }
    }
    Ok(story)
}
