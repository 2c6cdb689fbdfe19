use super::open_control;
use crate::layout::{push_px, px, EdgeGeom, HANDLE_R};
use crate::story::Kind;

/// What a relationship handle shows.
pub struct EdgeView<'a> {
    /// Where to draw.
    pub edge: &'a EdgeGeom,
    /// The relationship's kind (a class the stylesheet may use).
    pub kind: Kind,
    /// Accessible name ("Nvidia → OpenAI: investment, …").
    pub name: &'a str,
    /// The `data-key` the diagram's delegated handlers read.
    pub key: &'a str,
    /// Position in the diagram's keyboard order.
    pub idx: usize,
    /// Holds the diagram's one tab stop when drawn (the diagram moves it afterwards).
    pub tab_stop: bool,
}

/// CSS class of a kind (colour and dash pattern live in the stylesheet).
pub fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Investment => "k-inv",
        Kind::ChipSupply => "k-chip",
        Kind::CloudCompute => "k-cloud",
        Kind::Partnership => "k-part",
        Kind::Competition => "k-comp",
    }
}

/// The marker shape of a kind centred on (x, y): the non-colour cue of the legend.
pub fn marker(kind: Kind, x: f64, y: f64) -> String {
    let mut out = String::new();
    marker_into(&mut out, kind, x, y);
    out
}

/// Appends [`marker`]'s path data: the diagram merges one per relationship.
pub fn marker_into(out: &mut String, kind: Kind, x: f64, y: f64) {
    // Whole px first, so the shape sits where the handle is drawn.
    let (x, y) = (px(x) as f64, px(y) as f64);
    let (dx, dy, shape) = match kind {
        Kind::Investment => (-8.0, 0.0, "a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z"),
        Kind::ChipSupply => (-7.0, -7.0, "h14v14h-14Z"),
        Kind::CloudCompute => (0.0, -9.0, "l9 9l-9 9l-9 -9Z"),
        Kind::Partnership => (0.0, -9.0, "l9 15h-18Z"),
        Kind::Competition => (-8.0, -3.0, "h16v6h-16Z"),
    };
    out.push('M');
    push_px(out, x + dx);
    out.push(' ');
    push_px(out, y + dy);
    out.push_str(shape);
}

/// A relationship's handle, written as markup: one focusable circle, the part of an edge
/// that takes taps (44 px). Its kind's marker shape is drawn over it by the diagram, merged
/// with the other markers of the same look, so a story of 600 relationships draws 600
/// controls rather than 1,800 elements. The diagram handles its taps and keys, and sets its
/// `lit`/`sel` state by class (see `diagram.rs`).
pub fn edge(out: &mut String, v: EdgeView) {
    let e = v.edge;
    let class = ["xp-edge xp-hit ", kind_class(v.kind)].concat();
    open_control(out, "circle", &class, v.name, v.key, v.idx, v.tab_stop);
    out.push_str(" cx=\"");
    push_px(out, e.hx);
    out.push_str("\" cy=\"");
    push_px(out, e.hy);
    out.push_str("\" r=\"");
    push_px(out, HANDLE_R);
    out.push_str("\"/>");
}
