use std::fmt::Write;

use super::{escape_into, open_control};
use crate::layout::{px, NodeBox, FONT, LINE};

/// What an entity control shows.
pub struct NodeView<'a> {
    /// Where to draw.
    pub node: &'a NodeBox,
    /// Accessible name ("Nvidia, chipmaker").
    pub name: &'a str,
    /// The `data-key` the diagram's delegated handlers read ("entity:nvidia").
    pub key: &'a str,
    /// Position in the diagram's keyboard order.
    pub idx: usize,
    /// Holds the diagram's one tab stop when drawn (the diagram moves it afterwards).
    pub tab_stop: bool,
}

/// An entity, written as markup: a focusable SVG control. The diagram handles its taps and
/// keys and sets its `lit`/`sel` state by class (see `diagram.rs`).
pub fn node(out: &mut String, v: NodeView) {
    let n = v.node;
    let (cx, cy) = n.center();
    let first = cy - (n.lines.len() as f64 - 1.0) * LINE / 2.0 + FONT * 0.35;
    open_control(out, "g", "xp-node", v.name, v.key, v.idx, v.tab_stop);
    let _ = write!(
        out,
        r#"><rect x="{}" y="{}" width="{}" height="{}" rx="8"/><text x="{}" y="{}" text-anchor="middle" aria-hidden="true">"#,
        px(n.x),
        px(n.y),
        px(n.w),
        px(n.h),
        px(cx),
        px(first)
    );
    // One line needs no <tspan>: an element fewer per entity, for stories of hundreds.
    if let [line] = n.lines.as_slice() {
        escape_into(out, line);
        out.push_str("</text></g>");
        return;
    }
    for (i, line) in n.lines.iter().enumerate() {
        let dy = if i == 0 { 0 } else { px(LINE) };
        let _ = write!(out, r#"<tspan x="{}" dy="{dy}">"#, px(cx));
        escape_into(out, line);
        out.push_str("</tspan>");
        // A space between lines wrapped at one, so the text reads "US government", matching
        // the accessible name, not "USgovernment"; none inside a word cut to fit (a name of
        // one long word, or of ideographs), which would read as two (WCAG 2.5.3). Placed on
        // its own (its own text chunk), it leaves each line centred: inside a line, it
        // pushed the line's letters half a space left, past its box under a reader's wider
        // spacing (WCAG 1.4.12).
        if n.spaced.get(i).copied().unwrap_or(false) {
            let _ = write!(out, r#"<tspan x="{}"> </tspan>"#, px(cx));
        }
    }
    out.push_str("</text></g>");
}
