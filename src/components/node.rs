use yew::prelude::*;

use crate::layout::{px, NodeBox, FONT, LINE};

/// What an entity control shows.
pub struct NodeView<'a> {
    /// Where to draw.
    pub node: &'a NodeBox,
    /// Accessible name ("Nvidia, chipmaker").
    pub name: String,
    /// The `data-key` the diagram's delegated handlers read ("entity:nvidia").
    pub key: String,
    /// Position in the diagram's keyboard order.
    pub idx: usize,
    /// Holds the diagram's one tab stop.
    pub tab_stop: bool,
    /// Lit by the current selection.
    pub lit: bool,
    /// Is the selection.
    pub selected: bool,
}

/// An entity: a focusable SVG control. Plain markup, not a component: a story of hundreds of
/// entities draws them in one pass, and the diagram handles their taps and keys itself.
pub fn node(v: NodeView) -> Html {
    let n = v.node;
    let (cx, cy) = n.center();
    let first = cy - (n.lines.len() as f64 - 1.0) * LINE / 2.0 + FONT * 0.35;
    let class = classes!(
        "xp-node",
        v.lit.then_some("lit"),
        v.selected.then_some("sel")
    );
    html! {
        <g key={v.key.clone()} {class} role="button" tabindex={if v.tab_stop { "0" } else { "-1" }}
            aria-label={v.name} aria-current={v.selected.then_some("true")}
            data-key={v.key} data-idx={v.idx.to_string()}>
            <rect x={px(n.x).to_string()} y={px(n.y).to_string()} width={px(n.w).to_string()}
                height={px(n.h).to_string()} rx="8" />
            <text x={px(cx).to_string()} y={px(first).to_string()} text-anchor="middle" aria-hidden="true">
                // A space ends every wrapped line but the last, so the text reads "US
                // government", matching the accessible name, not "USgovernment".
                { for n.lines.iter().enumerate().map(|(i, l)| {
                    let text = if i + 1 < n.lines.len() { format!("{l} ") } else { l.clone() };
                    html! {
                        <tspan x={px(cx).to_string()} dy={if i == 0 { "0".to_string() } else { format!("{LINE}") }}>{ text }</tspan>
                    }
                }) }
            </text>
        </g>
    }
}
