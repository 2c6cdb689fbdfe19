use yew::prelude::*;

use crate::layout::{px, NodeBox, FONT, LINE};
use crate::state::Selection;

/// Properties of [`Node`].
#[derive(Properties, PartialEq)]
pub struct NodeProps {
    /// Where to draw.
    pub node: NodeBox,
    /// Accessible name ("Nvidia, chipmaker").
    pub name: AttrValue,
    /// What selecting it selects.
    pub selection: Selection,
    /// Position in the diagram's keyboard order.
    pub idx: usize,
    /// Holds the diagram's one tab stop.
    pub tab_stop: bool,
    /// Lit by the current selection.
    pub lit: bool,
    /// Is the selection.
    pub selected: bool,
    /// Selects it.
    pub on_select: Callback<Selection>,
}

/// An entity: a focusable SVG control that selects on tap, click, Enter or Space.
#[component]
pub fn Node(props: &NodeProps) -> Html {
    let n = &props.node;
    let (onclick, onkeydown) = super::activation(&props.on_select, &props.selection);
    let (cx, cy) = n.center();
    let first = cy - (n.lines.len() as f64 - 1.0) * LINE / 2.0 + FONT * 0.35;
    let class = classes!(
        "xp-node",
        props.lit.then_some("lit"),
        props.selected.then_some("sel")
    );
    html! {
        <g {class} role="button" tabindex={if props.tab_stop { "0" } else { "-1" }}
            aria-label={props.name.clone()} aria-current={props.selected.then_some("true")}
            data-key={super::key_of(&props.selection)} data-idx={props.idx.to_string()}
            {onclick} {onkeydown}>
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
