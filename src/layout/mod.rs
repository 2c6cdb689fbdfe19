//! Diagram geometry: a pure function of the story, the language and the width.
//!
//! The drawing is a grid of 48 px cells. Role bands form *stacks* of nodes; every stack
//! has a *lane* of free cells to its right. Each relationship gets one lane cell for its
//! 44 px handle (the only part of an edge that takes taps), nearest to the middle of its
//! two ends. Handles therefore never cover a node, a heading or another handle. Phones get
//! one stack with the lane beside it (an arc diagram); wider containers set the bands side
//! by side, their lanes as wide as their handles need. Within its lane, each edge's handle
//! sits in the column where its curve runs along the fewest others. The SVG is drawn
//! in whole cells, never wider than the bucketed width, so in any column of 160 px or more
//! it is never scaled down: 13 px text stays 13 px, and 44 px targets 44 px. (Narrower
//! than a phone's column, the lane is one cell wide: see [`crate::state::NARROW`] and
//! [`crate::state::NARROWEST`].)

mod arrange;
mod cover;
mod ends;
mod lanes;
mod place;
mod stacks;
mod text;

use arrange::arrange;
use stacks::tallest;
pub use text::{clusters, heading_width, spaced_breaks, spaced_width, text_width, wrap};

use crate::i18n::{role_heading, Lang};
use crate::story::{Role, Story};

/// Side of a grid cell, in CSS px: a 44 px target plus breathing room.
pub const CELL: f64 = 48.0;
/// Margin around the drawing.
pub const PAD: f64 = 8.0;
/// Font size of every text in the diagram, in CSS px at scale 1.
pub const FONT: f64 = 13.0;
/// Line height of node names.
pub const LINE: f64 = 15.0;
/// Radius of an edge's tap target.
pub const HANDLE_R: f64 = 22.0;
/// Horizontal padding inside a node.
pub const NODE_PAD: f64 = 6.0;
/// Cells a lane needs at the least.
const LANE_MIN: usize = 2;

/// A node's box and its name broken into lines.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    /// Index into `story.entities`.
    pub entity: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The name, wrapped to fit.
    pub lines: Vec<String>,
    /// For each line but the last, whether the name breaks there at a space rather than
    /// inside a word ([`spaced_breaks`]): the drawing puts a space between those lines.
    pub spaced: Vec<bool>,
}

impl NodeBox {
    /// Centre point.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// A band heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// The band's role.
    pub role: Role,
    /// Text start.
    pub x: f64,
    /// Text baseline.
    pub y: f64,
    /// Width available to the text (the stack's width).
    pub w: f64,
    /// The text.
    pub text: &'static str,
}

/// An edge: its curve, its handle and its arrowhead.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeGeom {
    /// Index into `story.relationships`.
    pub relationship: usize,
    /// SVG path data of the curve.
    pub path: String,
    /// Handle centre x.
    pub hx: f64,
    /// Handle centre y.
    pub hy: f64,
    /// SVG path data of the arrowhead at the target end (a closed triangle).
    pub arrow: String,
    /// The curve's highest point (its least y): a large diagram's first screen draws the
    /// curves that reach into it.
    pub top: f64,
}

/// Everything the diagram draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    /// View box width: the columns the drawing uses, at most the bucketed container width.
    pub width: f64,
    /// View box height.
    pub height: f64,
    /// Stacks of bands side by side (1 on phones).
    pub stacks: usize,
    /// Nodes in reading order (stack by stack, top to bottom).
    pub nodes: Vec<NodeBox>,
    /// Band headings.
    pub headings: Vec<Heading>,
    /// Edges, in story order.
    pub edges: Vec<EdgeGeom>,
}

/// Rows a node of `lines` lines takes.
fn node_rows(lines: usize) -> usize {
    ((lines as f64 * LINE + 12.0) / CELL).ceil().max(1.0) as usize
}

/// A box in a band: its entity, its name's lines, and the rows it takes.
struct Member {
    /// Index into `story.entities`.
    entity: usize,
    lines: Vec<String>,
    /// See [`NodeBox::spaced`]: found once per width tried, for ranking widths and drawing.
    spaced: Vec<bool>,
    rows: usize,
}

impl Member {
    /// Whether a word of the name is cut across lines.
    fn cut(&self) -> bool {
        self.spaced.contains(&false)
    }
}

struct Band {
    role: Role,
    members: Vec<Member>,
    rows: usize,
}

fn rows_of(bands: &[Band]) -> Vec<usize> {
    bands.iter().map(|b| b.rows).collect()
}

/// Lays out the story's diagram for `lang` at `width` CSS px (use a bucketed width).
pub fn layout(story: &Story, lang: Lang, width: u32) -> Geometry {
    let width = f64::from(width.max(crate::state::NARROWEST));
    let cols = ((width - 2.0 * PAD) / CELL).floor() as usize;
    // Boxes of three cells hold the words of most names; where they leave too few cells
    // for a lane of two (a narrow column), the lane takes one, and its handles one column.
    let lane_min = if cols >= 3 + LANE_MIN { LANE_MIN } else { 1 };

    let max_k = cols.saturating_sub(lane_min).clamp(2, 4);
    let inner = |k: usize| k as f64 * CELL - 4.0 - 2.0 * NODE_PAD;
    let roles: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|r| story.entities.iter().any(|e| e.role == *r))
        .collect();
    let headings_fit = |k: usize| {
        roles
            .iter()
            .all(|&r| heading_width(role_heading(r, lang)) <= k as f64 * CELL - 4.0)
    };
    let bands_at = |k: usize| -> Vec<Band> {
        Role::ALL
            .iter()
            .map(|&role| {
                let members: Vec<_> = story
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.role == role)
                    .map(|(i, e)| {
                        let name = e.name.get(lang);
                        let lines = wrap(name, inner(k));
                        Member {
                            entity: i,
                            spaced: spaced_breaks(name, &lines),
                            rows: node_rows(lines.len()),
                            lines,
                        }
                    })
                    .collect();
                let rows = 1 + members.iter().map(|m| m.rows).sum::<usize>();
                Band {
                    role,
                    members,
                    rows,
                }
            })
            .filter(|b| !b.members.is_empty())
            .collect()
    };
    let stacks_at = |k: usize| {
        (1..=roles.len().max(1))
            .rev()
            .find(|&s| s * k + s * lane_min <= cols)
            .unwrap_or(1)
    };
    // Node width in cells: the narrowest that fits every name in two lines without cutting
    // a word; failing that, the narrowest that cuts fewest names, then the widest (the
    // names are wrapped once per width tried, and the chosen width's lines kept). A word
    // cut ("SambaNov|a") reads as another name, so a narrower box never buys it; a word
    // wider than any box is cut at every width.
    let cuts = |bands: &[Band]| -> usize {
        bands
            .iter()
            .flat_map(|b| &b.members)
            .filter(|m| m.cut())
            .count()
    };
    let two_lines = |bands: &[Band]| {
        bands
            .iter()
            .all(|b| b.members.iter().all(|m| m.lines.len() <= 2))
    };
    let mut best: Option<((usize, bool), usize, Vec<Band>)> = None;
    for k in (2..=max_k).filter(|&k| headings_fit(k)) {
        let b = bands_at(k);
        let rank = (cuts(&b), !two_lines(&b));
        // Equal ranks: the narrower box, unless its names take more than two lines.
        if best
            .as_ref()
            .is_none_or(|(r, ..)| rank < *r || (rank == *r && rank.1))
        {
            best = Some((rank, k, b));
        }
        if rank == (0, false) {
            break;
        }
    }
    let (mut k, mut bands, cut) = best.map_or_else(
        || {
            let b = bands_at(max_k);
            let cut = cuts(&b);
            (max_k, b, cut)
        },
        |((cut, _), k, b)| (k, b, cut),
    );
    let mut s = stacks_at(k);
    if s == 1 {
        // One column in a container with room for two: a long name widened the nodes. Take
        // narrower nodes, the long names on more lines, if the bands then sit side by side
        // and the drawing is shorter (and cut no more names).
        let tall = tallest(&rows_of(&bands), s);
        let narrower = (2..k)
            .rev()
            .filter(|&n| stacks_at(n) > 1 && headings_fit(n))
            .map(|n| (n, stacks_at(n), bands_at(n)))
            .find(|(_, n_s, n_bands)| {
                tallest(&rows_of(n_bands), *n_s) < tall && cuts(n_bands) <= cut
            });
        if let Some(better) = narrower {
            (k, s, bands) = better;
        }
    }
    // A box with more link ends on a side than fit apart grows (see `ends::grow`). In one
    // stack, its ends are known before the handles are placed (side by side: `arrange`).
    if s == 1 {
        ends::grow(&mut bands, &ends::one_stack_wants(story), false);
    }
    arrange(story, lang, cols, k, s, &mut bands)
}

/// A coordinate as written into SVG: whole CSS px. Integers format several times faster
/// than `{:.0}` floats, which counts with thousands of coordinates in a large story.
pub fn px(x: f64) -> i64 {
    x.round() as i64
}

/// Appends `x` in whole px, as [`px`] rounds it. A large story writes tens of thousands of
/// coordinates, and a digit loop costs a fraction of `write!`'s formatting machinery.
pub fn push_px(out: &mut String, x: f64) {
    push_int(out, px(x));
}

/// Appends the decimal digits of `v`.
pub fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // One append for all the digits: char by char, each push checks for room again, and
    // the paths of a large diagram write some 20,000 numbers.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

fn cell_center(col: usize, row: usize) -> (f64, f64) {
    (
        PAD + (col as f64 + 0.5) * CELL,
        PAD + (row as f64 + 0.5) * CELL,
    )
}

/// The layouts to pre-render when the container's width is unknown, each with its width:
/// the narrowest width bucket for each drawing the story can take. The stylesheet shows
/// the widest one that fits, and the live layout at any width up to the next is that very
/// drawing, so hydrating it redraws nothing: a drawing changes only with its stacks, node width,
/// height, handles and drawn width (one stack: where the handles go; side by side: each
/// round of lane columns). Past the widest column beside the panel of a 1280 px explainer,
/// only a new count of stacks, node width or height gets one: there a hydrated explainer
/// keeps the narrower drawing while the reader sees it and until they act (see
/// [`crate::state::State::fit_until`]).
pub fn fits(story: &Story, lang: Lang) -> Vec<(u32, Geometry)> {
    type Key = (usize, u64, u64, Vec<(u64, u64)>, u64);
    use crate::state::{bucket, diagram_width, ROOT_PADDING};
    let widest = bucket(diagram_width(1280 - 2 * ROOT_PADDING));
    let mut out: Vec<(Key, u32, Geometry)> = Vec::new();
    let narrow = [crate::state::NARROWEST, crate::state::NARROW].into_iter();
    for w in narrow.chain((crate::state::MIN_WIDTH..=1280).step_by(40)) {
        let g = layout(story, lang, w);
        let node_w = g.nodes.first().map_or(0, |n| n.w.to_bits());
        let handles = match g.stacks {
            1 => g
                .edges
                .iter()
                .map(|e| (e.hx.to_bits(), e.hy.to_bits()))
                .collect(),
            _ => Vec::new(),
        };
        let key = (
            g.stacks,
            node_w,
            g.height.to_bits(),
            handles,
            g.width.to_bits(),
        );
        // Past the widest column a diagram has beside the panel in a 1280 px explainer,
        // only a change of shape that would move what follows (stacks, node width, height)
        // gets a drawing: each costs about 1 KB of gzipped page.
        let new = match out.last() {
            None => true,
            Some((last, ..)) if w > widest => last.0 != key.0 || last.1 != key.1 || last.2 != key.2,
            Some((last, ..)) => *last != key,
        };
        if new {
            out.push((key, w, g));
        }
    }
    out.into_iter().map(|(_, w, g)| (w, g)).collect()
}
