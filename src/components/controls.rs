//! The diagram's controls as markup, and the per-tap state written onto them by class.
//!
//! Drawn once per story, language and layout, the controls are plain SVG markup that Yew
//! neither builds nor diffs on a tap; [`Applied`] then changes only the controls whose look
//! changed. A tap on a 38-relationship story touches a few dozen class lists, and a story of
//! hundreds of entities is parsed by the browser in one go.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::AttrValue;

use super::edge::{edge, EdgeView};
use super::key_of;
use super::node::{node, NodeView};
use crate::describe::{entity_name, relationship_name};
use crate::highlight::Lit;
use crate::i18n::Lang;
use crate::layout::Geometry;
use crate::state::Selection;
use crate::story::Story;

/// Diagrams with more controls than this draw their first screen first.
pub const PROGRESSIVE_FROM: usize = 150;

/// The height (in diagram px, from its top) drawn first in a large diagram: more than a
/// phone's or a laptop's screen, where a reader arriving at the diagram starts.
pub const FIRST_SCREEN: f64 = 900.0;

/// Accessible names of the entities and relationships, in story order, each worded when a
/// control first needs it: they change with the story and the language, not with the
/// layout, so several layouts share them, and a large story's first screen words only its
/// own few dozen.
pub struct Names {
    story: Rc<Story>,
    lang: Lang,
    entities: Vec<OnceCell<String>>,
    relationships: Vec<OnceCell<String>>,
}

impl Names {
    /// The names of `story`'s items in `lang` (amounts, dates, statuses in words).
    pub fn new(story: Rc<Story>, lang: Lang) -> Self {
        Names {
            entities: vec![OnceCell::new(); story.entities.len()],
            relationships: vec![OnceCell::new(); story.relationships.len()],
            story,
            lang,
        }
    }

    fn entity(&self, i: usize) -> &str {
        self.entities[i].get_or_init(|| entity_name(&self.story.entities[i], self.lang))
    }

    fn relationship(&self, i: usize) -> &str {
        self.relationships[i]
            .get_or_init(|| relationship_name(&self.story, &self.story.relationships[i], self.lang))
    }
}

impl PartialEq for Names {
    /// The same story and language word the same names.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.story, &other.story) && self.lang == other.lang
    }
}

const GROUP_OPEN: &str = "<g class=\"xp-controls\">";

/// The controls inside the group [`controls`] wraps them in: what the browser writes into
/// a `<g class="xp-controls">` of its own (see `trusted::set_markup`).
fn inside_group(markup: &str) -> &str {
    markup
        .strip_prefix(GROUP_OPEN)
        .and_then(|m| m.strip_suffix("</g>"))
        .unwrap_or(markup)
}

/// Every entity and relationship control of one layout, as SVG markup. Entities come in
/// story order whatever the layout (a re-layout must not move elements, which would drop the
/// reader's focus); the keyboard order (`data-idx`) follows the layout's reading order.
///
/// With `above`, only the controls that start above that height are drawn, and the first in
/// the keyboard order (the diagram's tab stop) always: a large story's first screen, the
/// rest following once it is painted (see [`FIRST_SCREEN`]).
pub fn controls(g: &Geometry, names: &Names, above: Option<f64>) -> String {
    let story = &*names.story;
    let shown = |idx: usize, y: f64| idx == 0 || above.is_none_or(|a| y < a);
    let mut out = String::with_capacity(400 * (g.nodes.len() + g.edges.len()));
    // One group: Yew moves a raw fragment into place node by node, one call from WASM each.
    out.push_str(GROUP_OPEN);
    // Story order, by placing each box at its entity's index (no sort).
    let mut by_entity: Vec<Option<(usize, &crate::layout::NodeBox)>> =
        vec![None; story.entities.len()];
    for (idx, n) in g.nodes.iter().enumerate() {
        by_entity[n.entity] = Some((idx, n));
    }
    for (idx, n) in by_entity.into_iter().flatten() {
        if !shown(idx, n.y) {
            continue;
        }
        let e = &story.entities[n.entity];
        let key = key_of(&Selection::Entity(e.id.clone()));
        node(
            &mut out,
            NodeView {
                node: n,
                name: names.entity(n.entity),
                key: &key,
                idx,
                tab_stop: idx == 0,
            },
        );
    }
    for (j, e) in g.edges.iter().enumerate() {
        let idx = g.nodes.len() + j;
        if !shown(idx, e.hy) {
            continue;
        }
        let r = &story.relationships[e.relationship];
        let key = key_of(&Selection::Relationship(r.id.clone()));
        let view = EdgeView {
            edge: e,
            kind: r.kind,
            name: names.relationship(e.relationship),
            key: &key,
            idx,
            tab_stop: idx == 0,
        };
        edge(&mut out, view);
    }
    out.push_str("</g>");
    out
}

/// How a selection changes a control from its drawn look.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Look {
    /// The selection or one of its neighbours (`lit`).
    pub lit: bool,
    /// The selection itself (`sel`, `aria-current`).
    pub sel: bool,
}

/// The controls a selection (`l`, its lit neighbourhood) changes, by `data-key`; every
/// other control keeps its drawn look.
pub fn wanted(l: &Lit, selection: Option<&Selection>) -> HashMap<String, Look> {
    let mut want: HashMap<String, Look> = HashMap::new();
    for id in &l.entities {
        want.entry(key_of(&Selection::Entity(id.clone())))
            .or_default()
            .lit = true;
    }
    for id in &l.relationships {
        let key = key_of(&Selection::Relationship(id.clone()));
        want.entry(key).or_default().lit = true;
    }
    if let Some(sel) = selection {
        want.entry(key_of(sel)).or_default().sel = true;
    }
    want
}

/// What the last pass wrote onto the drawn controls, and the reader's tab stop, which
/// outlives a redraw of them.
#[derive(Default)]
pub struct Applied {
    markup: Option<Rc<Vec<AttrValue>>>,
    looks: HashMap<String, Look>,
    /// The control that has `tabindex="0"` in the DOM (0 in freshly drawn markup).
    written: usize,
    /// The control the reader last took, by tap, Tab or arrows.
    stop: usize,
}

impl Applied {
    /// Brings the controls under `root` to `want` and puts the tab stop back on the
    /// reader's control (among `count`). New markup starts again from the drawn look; true
    /// when it came, as the control that had focus is then gone. Yew draws the markup
    /// hydration adopted; any other (`ours`) is written here into the empty groups Yew
    /// leaves for it, through the Trusted Types policy (see `trusted`).
    pub fn update(
        &mut self,
        root: &web_sys::Element,
        markup: &Rc<Vec<AttrValue>>,
        ours: bool,
        want: &HashMap<String, Look>,
        count: usize,
    ) -> bool {
        let redrawn = self.markup.as_ref() != Some(markup);
        if redrawn {
            self.markup = Some(markup.clone());
            self.looks.clear();
            self.written = 0;
            if ours {
                if let Ok(groups) = root.query_selector_all(".xp-controls") {
                    for (i, raw) in markup.iter().enumerate() {
                        if let Some(g) = groups.item(i as u32).and_then(|n| n.dyn_into().ok()) {
                            super::set_markup(&g, inside_group(raw));
                        }
                    }
                }
            }
        }
        // One query for every control that changes, not one per control.
        let changed: Vec<String> = want
            .iter()
            .filter(|(key, look)| self.looks.get(*key) != Some(look))
            .map(|(key, _)| key)
            .chain(self.looks.keys().filter(|k| !want.contains_key(*k)))
            // Ids are validated (letters, digits, `-`, `_`): a key is safe in a selector.
            .map(|key| format!("[data-key=\"{key}\"]"))
            .collect();
        if !changed.is_empty() {
            each(root, &changed.join(","), |el| {
                let key = el.get_attribute("data-key").unwrap_or_default();
                set_look(el, want.get(&key).copied().unwrap_or_default());
            });
        }
        self.looks.clone_from(want);
        self.move_tab_stop(root, self.stop.min(count.saturating_sub(1)));
        redrawn
    }

    /// Makes control `idx` the diagram's one tab stop. Called on focus too, so taking a
    /// control by tap or Tab costs two attribute writes, not a render.
    pub fn move_tab_stop(&mut self, root: &web_sys::Element, idx: usize) {
        self.stop = idx;
        if idx != self.written {
            set_tabindex(root, self.written, "-1");
            set_tabindex(root, idx, "0");
            self.written = idx;
        }
    }

    /// The control holding the tab stop.
    pub fn tab_stop(&self) -> usize {
        self.written
    }
}

fn each(root: &web_sys::Element, selector: &str, f: impl Fn(&web_sys::Element)) {
    super::elements(root, selector).for_each(|el| f(&el));
}

fn set_look(el: &web_sys::Element, look: Look) {
    let classes = el.class_list();
    let _ = classes.toggle_with_force("lit", look.lit);
    let _ = classes.toggle_with_force("sel", look.sel);
    let _ = if look.sel {
        el.set_attribute("aria-current", "true")
    } else {
        el.remove_attribute("aria-current")
    };
}

/// The selector of the control at keyboard position `idx`, in every drawn layout.
pub fn at_idx(idx: usize) -> String {
    format!(".xp-svg [data-idx=\"{idx}\"]")
}

/// Makes control `idx` the tab stop (`value` "0") or not ("-1"), with the class the
/// stylesheet keeps it clear of an open sheet by: a class, so that the sheet's opening
/// restyles the one control that has it, not every control.
fn set_tabindex(root: &web_sys::Element, idx: usize, value: &str) {
    each(root, &at_idx(idx), |el| {
        let _ = el.set_attribute("tabindex", value);
        let _ = el.class_list().toggle_with_force("xp-stop", value == "0");
    });
}
