use std::rc::Rc;

use yew::prelude::*;

use super::Badge;
use crate::format::{amount, number};
use crate::i18n::{ui, unit_caption, Lang};
use crate::state::Selection;
use crate::story::{AmountKind, Story};

/// Properties of [`Comparison`].
#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The story (its `comparison`).
    pub story: Rc<Story>,
    /// Interface language.
    pub lang: Lang,
    /// The selected bar, if any.
    pub selection: Option<Selection>,
    /// Opens a bar's details and sources.
    pub on_select: Callback<Selection>,
}

/// The axis maximum: the largest figure rounded up to a multiple of 4 nice steps, so the
/// quarter ticks fall on round numbers. From hundredths up, so that small figures (0.3 GW,
/// a 0.75 % stake) fill the axis as large ones do, and every tick still has at most the
/// three decimals a figure is written with. Nothing above zero: 0 to 4.
pub fn axis_max(max: f64) -> f64 {
    if max.is_nan() || max <= 0.0 {
        return 4.0;
    }
    // Bounded: validation caps every figure far below 4 × 10^15.
    for e in -2..=15 {
        let scale = 10f64.powi(e);
        for s in [1.0, 2.0, 2.5, 5.0] {
            if s * 4.0 * scale >= max {
                return s * 4.0 * scale;
            }
        }
    }
    max
}

/// The widths of the views' column (CSS px) below which the axis drops labels, as the
/// stylesheet names them (`.xp-axis.q200` … `.xp-axis.h720`, `qall`, `hall`); no column is
/// narrower than the first. Widths for the browser's usual 16 px text: the stylesheet
/// writes them in ems, so a reader's larger default text drops labels in wider columns.
const FITS: [u32; 8] = [160, 200, 240, 300, 360, 440, 560, 720];

/// The classes that keep the axis's five labels (`0` … `top`, as written) from running into
/// each other: `q…` drops the quarter labels below the column width it names, `h…` the
/// middle one too, `…all` at any width. No class where they fit in any column.
///
/// Widths are estimated from the characters: 13 px text, at most 8.5 px a character (a
/// digit), 6 px apart; the first label starts at 0, the last ends at the axis's end, the
/// others are centred, and the axis is 8 px narrower than the column.
pub fn axis_fit(labels: &[String; 5]) -> String {
    // Tenths of a px, in integers (no float formatting in the WASM).
    let w = labels.each_ref().map(|l| l.chars().count() as u32 * 85);
    let gap = 60;
    let quarters = 4
        * (w[0] + w[1] / 2)
            .max(w[1] / 2 + w[2] / 2)
            .max(w[2] / 2 + w[3] / 2)
            .max(w[3] / 2 + w[4])
        + 4 * gap;
    let halves = 2 * (w[0] + w[2] / 2).max(w[2] / 2 + w[4]) + 2 * gap;
    let class = |prefix: &str, need: u32| {
        let column = need.div_ceil(10) + 8;
        match FITS.iter().find(|&&f| f >= column) {
            Some(&f) if f == FITS[0] => String::new(),
            Some(f) => format!("{prefix}{f}"),
            None => format!("{prefix}all"),
        }
    };
    let mut out = String::from("xp-axis");
    for c in [class("q", quarters), class("h", halves)] {
        if !c.is_empty() {
            out.push(' ');
            out.push_str(&c);
        }
    }
    out
}

/// Every figure on one axis from zero: ceilings as dashed outlines, ranges as bands, money
/// actually committed as solid bars. Each row opens its details and sources.
#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let lang = props.lang;
    let t = ui(lang);
    let Some(cmp) = &props.story.comparison else {
        return html! {};
    };
    let max = cmp
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .filter_map(|b| b.amount.extent())
        .fold(0.0_f64, |m, (_, hi)| m.max(hi));
    let top = axis_max(max);
    let labels = [0, 1, 2, 3, 4].map(|i| number(top * f64::from(i) / 4.0, lang));
    // In tenths of the 1000-wide bar, written without Rust's float formatting (see `tenths`).
    let x = |v: f64| (v / top * 10_000.0).clamp(0.0, 10_000.0).round() as u32;
    html! {
        <section class="xp-cmp">
            <h3>{ cmp.title.get(lang) }</h3>
            <p class="xp-hint">{ t.chart_hint }</p>
            <div class={axis_fit(&labels)} aria-hidden="true">
                { for labels.iter().enumerate().map(|(i, l)| html! {
                    <span class={format!("xp-tick t{i}")}>{ l }</span>
                }) }
                <span class="xp-axis-unit">{ unit_caption(cmp.unit, lang) }</span>
            </div>
            { for cmp.groups.iter().map(|g| html! {
                <div class="xp-cmp-group">
                    <h4>{ g.label.get(lang) }</h4>
                    <ul>
                    { for g.bars.iter().map(|b| {
                        let sel = Selection::Bar(b.id.clone());
                        let selected = props.selection.as_ref() == Some(&sel);
                        let onclick = { let (cb, s) = (props.on_select.clone(), sel.clone()); Callback::from(move |_: MouseEvent| cb.emit(s.clone())) };
                        let (lo, hi) = b.amount.extent().unwrap_or((0.0, 0.0));
                        let shape = match b.amount.kind {
                            AmountKind::UpTo => "ceiling",
                            AmountKind::Range => "band",
                            _ => "solid",
                        };
                        let start = if b.amount.kind == AmountKind::Range { x(lo) } else { 0 };
                        // "At least": the bar goes on past its figure, dashed, for a short way
                        // (8 % of the axis): the figure is a floor, not the amount.
                        let floor = (b.amount.kind == AmountKind::AtLeast).then(|| (x(hi), (x(hi) + 800).min(10_000)));
                        let status = b.status.code();
                        html! {
                            <li>
                                <button type="button" class={classes!("xp-bar-row", selected.then_some("sel"))}
                                    data-key={super::key_of(&sel)} aria-current={selected.then_some("true")} {onclick}>
                                    <span class="xp-bar-label">{ b.label.get(lang) }</span>
                                    <svg class="xp-bar" viewBox="0 0 1000 24" preserveAspectRatio="none" aria-hidden="true">
                                        <rect class="xp-track" x="0" y="2" width="1000" height="20" />
                                        <rect class={format!("xp-fill {shape} st-{status}")} x={tenths(start)} y="3"
                                            width={tenths(x(hi).saturating_sub(start).max(20))} height="18" vector-effect="non-scaling-stroke" />
                                        if let Some((from, to)) = floor {
                                            <line class="xp-more" x1={tenths(from)} x2={tenths(to)} y1="12" y2="12" vector-effect="non-scaling-stroke" />
                                        }
                                    </svg>
                                    <span class="xp-bar-value">{ amount(&b.amount, lang) }{" "}<Badge status={b.status} lang={lang} /></span>
                                </button>
                            </li>
                        }
                    }) }
                    </ul>
                    <dl class="xp-facts">
                        <dt>{ t.form }</dt><dd>{ g.form.get(lang) }</dd>
                        <dt>{ t.stake }</dt><dd>{ g.stake.get(lang) }</dd>
                    </dl>
                </div>
            }) }
        </section>
    }
}

/// `n` tenths as SVG length text: `1234` is "123.4", `1230` is "123". Integer arithmetic:
/// formatting an `f64` would bring Rust's float formatting into the WASM for this alone.
fn tenths(n: u32) -> String {
    match n % 10 {
        0 => (n / 10).to_string(),
        d => format!("{}.{d}", n / 10),
    }
}
