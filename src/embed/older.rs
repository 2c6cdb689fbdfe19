//! A drawing the code does not hydrate (another build's, or one pre-rendered in another
//! language or view) stays on screen until the fresh render replaces it, and what the
//! reader tapped in it before the code came is what that render opens.

use web_sys::{Node, ShadowRoot};

use crate::state::View;

/// Set by the loader on a host whose control was tapped before the code came, or before
/// the code's fresh drawing replaced the older one (`embed.js`): the control's `data-key`
/// (`entity:nvidia`), or `view:` and the view's code for a tab. Empty: nothing tapped yet.
pub const TAPPED: &str = "data-explainer-tapped";

/// What the reader chose in the older drawing.
pub enum Choice {
    /// An item's id (a player, a relationship, an event, a bar).
    Item(String),
    /// A view, by its tab.
    View(View),
}

/// The older drawing's nodes.
#[derive(Default)]
pub struct Older(Vec<Node>);

impl Older {
    /// Keeps what `shadow` shows.
    pub fn keep(shadow: &ShadowRoot) -> Older {
        let list = shadow.child_nodes();
        Older((0..list.length()).filter_map(|i| list.item(i)).collect())
    }

    /// Whether there is an older drawing to replace.
    pub fn kept(&self) -> bool {
        !self.0.is_empty()
    }

    /// Removes the older drawing (in the task that renders the new one, so no frame shows
    /// neither), and says what the reader tapped in it before the code came: the loader
    /// clicked it again once the code had come, but the old drawing answers nothing.
    pub fn replace(self, tapped: Option<&str>) -> Option<Choice> {
        for node in &self.0 {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
        if !self.kept() {
            return None;
        }
        let (kind, id) = tapped?.split_once(':')?;
        if kind == "view" {
            return View::from_code(id).map(Choice::View);
        }
        Some(Choice::Item(id.into()))
    }
}
