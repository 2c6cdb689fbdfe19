use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::controls::{at_idx, controls, wanted, Applied, Names, FIRST_SCREEN, PROGRESSIVE_FROM};
use super::edge::{kind_class, marker_into};
use super::{is_activation, selection_of, Legend, Owed};
use crate::highlight::lit;
use crate::i18n::{ui, Lang};
use crate::layout::{px, Geometry};
use crate::state::Selection;
use crate::story::{Kind, Story};

/// Properties of [`Diagram`].
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    /// The story.
    pub story: Rc<Story>,
    /// Its layout at the current width, or (width unknown) one per fitting width: each is
    /// drawn, and the stylesheet shows the one that fits the container.
    pub geometries: Rc<Vec<(u32, Geometry)>>,
    /// Interface language.
    pub lang: Lang,
    /// Current selection (lights it and its neighbours).
    pub selection: Option<Selection>,
    /// Selects an item.
    pub on_select: Callback<Selection>,
    /// A large story draws the controls and lines of its first screen, then the rest once
    /// that is painted.
    /// Off where the first render must match existing HTML (hydration, pre-rendering): its
    /// controls are then Yew's raw HTML; on, an effect writes them, as a page enforcing
    /// Trusted Types requires.
    #[prop_or_default]
    pub progressive: bool,
    /// Every control and line at once, progressive or not: the page is printing, and print
    /// lays it out without painting it first (see `super::print`).
    #[prop_or_default]
    pub at_once: bool,
    /// Where the drawing's render leaves its effect's work for the frame that answers the
    /// reader (see [`Owed`]).
    #[prop_or_default]
    pub owed: Owed,
}

/// One look's merged paths: lines, arrowheads, and the kind's marker on each handle.
#[derive(Default)]
struct Merged {
    lines: String,
    arrows: String,
    marks: String,
}

/// A look: lit or not, kind, headline or not.
type Look = (bool, Kind, bool);

/// What [`looks`] merges: every line (the layer no selection changes, see `draw`), or the
/// markers and the lines a selection lights, drawn again for each selection.
#[derive(Clone, Copy, PartialEq)]
enum Layer {
    Lines,
    Lit,
}

/// The drawn lines and markers, merged into one path of each per look, lit ones (those of
/// `lit`) last. A story of 600 relationships then draws a few dozen elements instead of 1,800;
/// they are decoration (`aria-hidden`), the handles carry the interaction. With `above`,
/// only the lines that reach above that height. Only what `layer` draws is merged: a tap
/// must not build again the paths of every line, which no selection changes.
fn looks(
    story: &Story,
    g: &Geometry,
    lit: &std::collections::HashSet<String>,
    above: Option<f64>,
    layer: Layer,
) -> Vec<(Look, Merged)> {
    // One slot per look, in drawing order (a fixed table of 20, not a map: a map's generic
    // code costs kilobytes of WASM). A kind's number is its place in `Kind::ALL`.
    let slot = |(lit, kind, headline): Look| {
        usize::from(lit) * 10 + kind as usize * 2 + usize::from(headline)
    };
    let mut slots: Vec<Option<Merged>> = (0..20).map(|_| None).collect();
    for e in g.edges.iter().filter(|e| above.is_none_or(|a| e.top < a)) {
        let r = &story.relationships[e.relationship];
        let is_lit = lit.contains(&r.id);
        let m = slots[slot((is_lit, r.kind, r.headline))].get_or_insert_with(Merged::default);
        if layer == Layer::Lines || is_lit {
            m.lines.push_str(&e.path);
            if r.kind != Kind::Competition {
                m.arrows.push_str(&e.arrow);
            }
        }
        if layer == Layer::Lit {
            marker_into(&mut m.marks, r.kind, e.hx, e.hy);
        }
    }
    slots
        .into_iter()
        .enumerate()
        .filter_map(|(i, m)| Some(((i >= 10, Kind::ALL[i % 10 / 2], i % 2 == 1), m?)))
        .collect()
}

/// A look's paths as shared strings: lines, arrowheads and markers.
type Drawn = (Look, AttrValue, AttrValue, AttrValue);

fn shared(looks: Vec<(Look, Merged)>) -> Vec<Drawn> {
    looks
        .into_iter()
        .map(|(look, m)| {
            (
                look,
                AttrValue::from(m.lines),
                AttrValue::from(m.arrows),
                AttrValue::from(m.marks),
            )
        })
        .collect()
}

/// The relationship diagram: lines under nodes, then node and handle controls, with one
/// tab stop; arrows, Home and End move between controls.
#[component]
pub fn Diagram(props: &DiagramProps) -> Html {
    // The tab stop is written straight onto the controls (see `Applied`): moving it on every
    // focus must not re-render the diagram before the tap's own click.
    let applied = use_mut_ref(Applied::default);
    // The controls are written as markup, once per story, language and layout: a tap changes
    // only their classes (the effect below), and a story of hundreds of entities is parsed
    // by the browser in one go instead of thousands of attribute calls from WASM.
    // Accessible names change only with the story and the language, not with the layout.
    let names = use_memo((props.story.clone(), props.lang), |(story, lang)| {
        Names::new(story.clone(), *lang)
    });
    // A story of hundreds of controls is drawn in two goes: the browser's parsing and
    // layout of every control and line is most of its first render, and most are below the
    // screen. First the controls and lines in its first screen (`above`), then the rest.
    // Large too for print, which draws its lines solid (see the stylesheet).
    let many = props.story.entities.len() + props.story.relationships.len() > PROGRESSIVE_FROM;
    let all_drawn = use_state(|| !props.progressive || props.at_once || !many);
    {
        let all_drawn = all_drawn.clone();
        use_effect_with((), move |_| {
            if !*all_drawn {
                super::after_paint_in_background(move || all_drawn.set(true));
            }
        });
    }
    let above = (!*all_drawn && !props.at_once).then_some(FIRST_SCREEN);
    // `names` stands for the story too: equal names mean the same story and language.
    let markup = use_memo(
        (names.clone(), props.geometries.clone(), above),
        |(names, geos, above)| {
            geos.iter()
                .map(|(_, g)| AttrValue::from(controls(g, names, *above)))
                .collect::<Vec<_>>()
        },
    );
    // In the browser, the markup of the first render (hydration adopted it) stays Yew's raw
    // node for good: Yew leaves a raw node alone while its string is unchanged. Any other
    // markup goes in through the effect below, inside that node's group, so a new layout or
    // language shows the former controls until it is written, never an empty diagram (Yew
    // may paint a frame before its effects run, see `super::next_frame`). Yew writes raw
    // HTML as a plain string, which a page enforcing Trusted Types refuses.
    let drawn = use_mut_ref(|| (!props.progressive).then(|| markup.clone()));
    if drawn
        .borrow()
        .as_ref()
        .is_some_and(|d| d.len() != markup.len())
    {
        // Another number of drawings: Yew redraws the figure, and must not write the node
        // again. Given up for good, as a later one of that number would be written.
        *drawn.borrow_mut() = None;
    }
    let raw_at = |i: usize| -> Option<AttrValue> {
        if cfg!(target_arch = "wasm32") {
            drawn.borrow().as_ref().map(|d| d[i].clone())
        } else {
            Some(markup[i].clone())
        }
    };
    // Whether the effect has written markup of its own: the DOM then no longer holds what
    // Yew drew, even for a markup equal to it again.
    let written = use_mut_ref(|| false);
    let figure = use_node_ref();
    let story = &props.story;
    let geos = &props.geometries;
    let g0 = &geos[0].1;
    // The selection's neighbourhood, for the lines drawn here and the controls' classes.
    let l = use_memo(
        (props.story.clone(), props.selection.clone()),
        |(story, sel)| lit(story, sel.as_ref()),
    );
    let any = props.selection.is_some();
    let count = g0.nodes.len() + g0.edges.len();
    // Every line, unlit, for each layout: the layer under the controls that no selection
    // changes (see `draw`).
    let unlit = use_memo(
        (props.story.clone(), props.geometries.clone(), above),
        |(story, geos, above)| {
            let none = std::collections::HashSet::new();
            geos.iter()
                .map(|(_, g)| shared(looks(story, g, &none, *above, Layer::Lines)))
                .collect::<Vec<_>>()
        },
    );

    // Taps and keys are handled here for every control (delegation): one listener, and
    // controls stay plain markup, cheap to draw by the thousand.
    let control_of = |e: &Event| -> Option<web_sys::Element> {
        e.target()?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .closest("[data-key]")
            .ok()?
    };
    let selection_at =
        |c: &web_sys::Element| c.get_attribute("data-key").and_then(|k| selection_of(&k));
    // Whether the latest press met the drawing still owed its controls (see `onclick`).
    let pressed_bare = use_mut_ref(|| false);
    let onpointerdown = {
        let (owed, pressed_bare) = (props.owed.clone(), pressed_bare.clone());
        Callback::from(move |e: PointerEvent| {
            // Written at the press, the controls are there when the mouse is released: the
            // browser then gives the click to what both share, the drawing, not a control.
            *pressed_bare.borrow_mut() = control_of(&e).is_none() && owed.pay_now();
        })
    };
    let onclick = {
        let (on_select, owed) = (props.on_select.clone(), props.owed.clone());
        let pressed_bare = pressed_bare.clone();
        Callback::from(move |e: MouseEvent| {
            // A diagram just drawn afresh gets its controls from its effect, and on a slow
            // phone Yew runs the browser's tasks in between: a tap then met the bare drawing
            // and was lost. The controls are written now (or were at the press), and the tap
            // is the one under it.
            let control = control_of(&e).or_else(|| {
                let bare = owed.pay_now() | std::mem::take(&mut *pressed_bare.borrow_mut());
                bare.then(|| control_at(&e)).flatten()
            });
            if let Some(sel) = control.as_ref().and_then(selection_at) {
                // The tap was the control's: SVG has no native button to stop a link the
                // page wraps its embed in (a teaser card) from following the tap too.
                e.prevent_default();
                on_select.emit(sel);
            }
        })
    };
    let onkeydown = {
        let on_select = props.on_select.clone();
        let (applied, figure) = (applied.clone(), figure.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(target) = control_of(&e) else {
                return;
            };
            if is_activation(&e.key()) {
                // SVG has no native button: Enter and Space select like a tap.
                e.prevent_default();
                if let Some(sel) = selection_at(&target) {
                    on_select.emit(sel);
                }
                return;
            }
            let Some(i) = target
                .get_attribute("data-idx")
                .and_then(|s| s.parse::<usize>().ok())
            else {
                return;
            };
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (i + 1) % count,
                "ArrowLeft" | "ArrowUp" => (i + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            e.prevent_default();
            // The control's own <svg> (Yew delegates events, so `current_target` is its root).
            if let Ok(Some(svg)) = target.closest("svg") {
                if let Ok(Some(el)) = svg.query_selector(&at_idx(next)) {
                    // The tab stop moves first: the focus scrolls the control into view
                    // clear of an open sheet, by the stop's scroll margin (CSS), and Chrome
                    // scrolls before the focus event would move it.
                    if let Some(root) = figure.cast::<web_sys::Element>() {
                        applied.borrow_mut().move_tab_stop(&root, next);
                    }
                    super::focus(&el);
                }
            }
        })
    };
    // A control taken by tap or Tab becomes the tab stop, so Tab comes back to it.
    // Whether the reader's focus is in the diagram: a new layout (the side panel opening or
    // closing) redraws the controls, and the one that had focus must get it back.
    let has_focus = use_mut_ref(|| false);
    let onfocusout = {
        let has_focus = has_focus.clone();
        // Only a move to another element counts: a removed control fires none, or none with
        // a target.
        Callback::from(move |e: FocusEvent| {
            if e.related_target().is_some() {
                *has_focus.borrow_mut() = false;
            }
        })
    };
    let onfocusin = {
        let (applied, figure) = (applied.clone(), figure.clone());
        let has_focus = has_focus.clone();
        Callback::from(move |e: FocusEvent| {
            *has_focus.borrow_mut() = true;
            let idx = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.get_attribute("data-idx"))
                .and_then(|s| s.parse::<usize>().ok());
            if let (Some(i), Some(root)) = (idx, figure.cast::<web_sys::Element>()) {
                applied.borrow_mut().move_tab_stop(&root, i);
            }
        })
    };

    {
        // Writes new controls into Yew's raw node or the empty group Yew leaves for them,
        // lights the selection's neighbours and moves the tab stop, touching only the
        // controls whose state changed since the last pass (or since the markup was drawn).
        // Owed to the next frame too (see `Owed`): a diagram just built, or a new selection,
        // must not be painted without.
        let (figure, l, has_focus) = (figure.clone(), l.clone(), has_focus.clone());
        let (applied, drawn, written) = (applied.clone(), drawn.clone(), written.clone());
        let (now, selection) = (markup.clone(), props.selection.clone());
        let job: Rc<dyn Fn()> = Rc::new(move || {
            let Some(root) = figure.cast::<web_sys::Element>() else {
                return;
            };
            // Compared by value, as the effect's dependency is: a new but equal markup
            // (another story object with the same names) is still the one Yew drew.
            let ours = *written.borrow() || drawn.borrow().as_ref() != Some(&now);
            *written.borrow_mut() = ours;
            let want = wanted(&l, selection.as_ref());
            let redrawn = applied.borrow_mut().update(&root, &now, ours, &want, count);
            if redrawn && *has_focus.borrow() && focus_was_dropped(&root) {
                let stop = applied.borrow().tab_stop();
                if let Ok(Some(el)) = root.query_selector(&at_idx(stop)) {
                    super::focus_in_place(&el);
                }
            }
        });
        let owed = props.owed.clone();
        owed.owe(job.clone());
        use_effect_with((markup.clone(), props.selection.clone()), move |_| {
            owed.paid();
            job();
        });
    }

    let mut kinds: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| story.relationships.iter().any(|r| r.kind == *k))
        .collect();
    kinds.dedup();
    let draw = |i: usize, g: &Geometry, raw: Option<AttrValue>| {
        // The markers take the selection's looks (lit ones filled, the rest hollow); so do
        // the lines it lights, drawn again over the unlit layer.
        let looks = shared(looks(story, g, &l.relationships, above, Layer::Lit));
        // Keyed by look, so a tap that lights some lines re-draws only the looks it changed,
        // not every path after them.
        let look_key =
            |(lit, kind, headline): &Look| format!("{lit}{}{headline}", kind_class(*kind));
        let look_class = |(lit, kind, headline): &Look| {
            classes!(
                "xp-edge",
                kind_class(*kind),
                headline.then_some("headline"),
                lit.then_some("lit")
            )
        };
        // A layer of lines: one group per look, its curves and arrowheads.
        let layer = |class: &'static str, looks: &[&Drawn]| {
            html! {
                <g class={class} aria-hidden="true">
                    { for looks.iter().map(|(look, lines, arrows, _)| html! {
                        <g key={look_key(look)} class={look_class(look)}>
                            <path class="xp-line" d={lines.clone()} />
                            if !arrows.is_empty() { <path class="xp-arrow" d={arrows.clone()} /> }
                        </g>
                    }) }
                </g>
            }
        };
        let lit_lines: Vec<&Drawn> = looks.iter().filter(|(look, ..)| look.0).collect();
        html! {
            <svg class={classes!("xp-svg", any.then_some("has-sel"))} viewBox={format!("0 0 {} {}", px(g.width), px(g.height))}
                width={px(g.width).to_string()} height={px(g.height).to_string()}
                role="group" aria-label={ui(props.lang).diagram} onclick={onclick.clone()} onpointerdown={onpointerdown.clone()} onkeydown={onkeydown.clone()} onfocusin={onfocusin.clone()} onfocusout={onfocusout.clone()}>
                    // Every line, the same whatever is chosen: a layer of its own (the
                    // stylesheet's `will-change`) that a choice dims by its opacity alone,
                    // which the compositor applies without painting its dashes again.
                    { layer("xp-lines", &unlit[i].iter().collect::<Vec<_>>()) }
                    // The lines the choice lights, over that layer.
                    if !lit_lines.is_empty() { { layer("xp-lit-lines", &lit_lines) } }
                    <g class="xp-headings" aria-hidden="true">
                        { for g.headings.iter().map(|h| html! {
                            <text class="xp-heading" x={px(h.x).to_string()} y={px(h.y).to_string()}>{ h.text }</text>
                        }) }
                    </g>
                    // Plain markup (see `controls`); Yew neither builds nor diffs it per tap.
                    if let Some(raw) = raw {
                        { Html::from_html_unchecked(raw) }
                    } else {
                        <g class="xp-controls"></g>
                    }
                    // Over the handles, and let taps through to them.
                    <g class="xp-marks" aria-hidden="true">
                        { for looks.iter().map(|(look, _, _, marks)| html! {
                            <g key={look_key(look)} class={look_class(look)}>
                                <path class="xp-mark" d={marks.clone()} />
                            </g>
                        }) }
                    </g>
                </svg>
        }
    };
    html! {
        <figure class={classes!("xp-diagram", many.then_some("xp-many"))} ref={figure}>
            // Always wrapped, one fit or several: the embed keeps the shown pre-rendered fit
            // in place (moving it would lose the click its tap started) and drops the others;
            // hydration then gives it the live classes. A live diagram stays out of the
            // fit-choosing container rules, whose `:has()` would re-match on every change.
            if geos.len() == 1 {
                <div class="xp-one"><div class={format!("xp-one-fit f{}", geos[0].0)}>{ draw(0, g0, raw_at(0)) }</div></div>
            } else {
                <div class="xp-fits">
                    { for geos.iter().enumerate().map(|(i, (w, g))| html! { <div class={format!("xp-fit f{w}")}>{ draw(i, g, raw_at(i)) }</div> }) }
                </div>
            }
            // After the drawings: the stylesheet shows none of them until it has come, so a
            // page still arriving does not show each drawing in turn.
            <figcaption class="xp-hint">{ if kinds.is_empty() { ui(props.lang).players_hint } else { ui(props.lang).diagram_hint } }</figcaption>
            // No lines, nothing to explain: no heading over an empty list.
            if !kinds.is_empty() {
                <Legend kinds={kinds} has_headline={story.relationships.iter().any(|r| r.headline)} lang={props.lang} />
            }
        </figure>
    }
}

/// True when nothing has focus any more (the focused control was removed), rather than
/// focus having moved somewhere else on the page.
fn focus_was_dropped(root: &web_sys::Element) -> bool {
    let Some(doc) = root.owner_document() else {
        return false;
    };
    match doc.active_element() {
        None => true,
        Some(active) => doc.body().is_some_and(|b| *b == active),
    }
}

/// The diagram's control at the point of the click `e`, in the root the diagram is drawn in
/// (its shadow root when embedded).
fn control_at(e: &MouseEvent) -> Option<web_sys::Element> {
    let target = e.target()?.dyn_into::<web_sys::Node>().ok()?;
    let root = target.get_root_node();
    let (x, y) = (e.client_x() as f32, e.client_y() as f32);
    let at = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.element_from_point(x, y),
        None => root
            .dyn_ref::<web_sys::Document>()?
            .element_from_point(x, y),
    }?;
    at.closest("[data-key]").ok()?
}
