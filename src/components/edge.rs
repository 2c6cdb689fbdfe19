use std::fmt::Write;

use super::open_control;
use crate::layout::{px, EdgeGeom, HANDLE_R};
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
    let (x, y) = (px(x), px(y));
    match kind {
        Kind::Investment => format!("M{} {y}a8 8 0 1 0 16 0a8 8 0 1 0 -16 0Z", x - 8),
        Kind::ChipSupply => format!("M{} {}h14v14h-14Z", x - 7, y - 7),
        Kind::CloudCompute => format!("M{x} {}l9 9l-9 9l-9 -9Z", y - 9),
        Kind::Partnership => format!("M{x} {}l9 15h-18Z", y - 9),
        Kind::Competition => format!("M{} {}h16v6h-16Z", x - 8, y - 3),
    }
}

/// A relationship's handle, written as markup: one focusable circle, the part of an edge
/// that takes taps (44 px). Its kind's marker shape is drawn over it by the diagram, merged
/// with the other markers of the same look, so a story of 600 relationships draws 600
/// controls rather than 1,800 elements. The diagram handles its taps and keys, and sets its
/// `lit`/`sel` state by class (see `diagram.rs`).
pub fn edge(out: &mut String, v: EdgeView) {
    let e = v.edge;
    let class = format!("xp-edge xp-hit {}", kind_class(v.kind));
    open_control(out, "circle", &class, v.name, v.key, v.idx, v.tab_stop);
    let _ = write!(
        out,
        r#" cx="{}" cy="{}" r="{HANDLE_R}"/>"#,
        px(e.hx),
        px(e.hy)
    );
}
