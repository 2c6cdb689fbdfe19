//! A drawing the code does not hydrate (another build's, or one pre-rendered in another
//! language or view) stays on screen until the fresh render replaces it, and what the
//! reader tapped in it before the code came is what that render opens.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, ShadowRoot};

use crate::state::View;

/// What the reader chose in the older drawing.
pub enum Choice {
    /// An item's id (a player, a relationship, an event, a bar).
    Item(String),
    /// A view, by its tab.
    View(View),
}

/// A click listener on a shadow root, kept to be removed.
type Listener = (ShadowRoot, Closure<dyn Fn(web_sys::Event)>);

/// The older drawing's nodes, and the control clicked in it meanwhile.
#[derive(Default)]
pub struct Older {
    nodes: Vec<Node>,
    chosen: Rc<RefCell<Option<Choice>>>,
    listener: Option<Listener>,
}

impl Older {
    /// Keeps what `shadow` shows. A control tapped before the code arrived is clicked again
    /// by the loader once it has (`embed.js`); the old drawing answers nothing, so that
    /// click is kept here for the fresh render.
    pub fn keep(shadow: &ShadowRoot) -> Older {
        let list = shadow.child_nodes();
        let nodes = (0..list.length()).filter_map(|i| list.item(i)).collect();
        let chosen: Rc<RefCell<Option<Choice>>> = Rc::default();
        let into = chosen.clone();
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let control = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-key], [role=tab]").ok().flatten());
            if let Some(choice) = control.as_ref().and_then(choice_of) {
                *into.borrow_mut() = Some(choice);
            }
        });
        let _ = shadow.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        Older {
            nodes,
            chosen,
            listener: Some((shadow.clone(), listener)),
        }
    }

    /// Removes the older drawing (in the task that renders the new one, so no frame shows
    /// neither), and says what the reader chose in it.
    pub fn replace(self) -> Option<Choice> {
        if let Some((shadow, listener)) = &self.listener {
            let _ = shadow
                .remove_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        }
        for node in &self.nodes {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(node);
            }
        }
        self.chosen.take()
    }
}

/// The item (`data-key="entity:nvidia"`) or view (`id="xp-tab-timeline"`) a control opens.
fn choice_of(control: &Element) -> Option<Choice> {
    if let Some(key) = control.get_attribute("data-key") {
        return key.split_once(':').map(|(_, id)| Choice::Item(id.into()));
    }
    let id = control.id();
    let (_, code) = id.rsplit_once("-tab-")?;
    View::from_code(code).map(Choice::View)
}
