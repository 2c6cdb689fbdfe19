//! One reducer per explainer instance: selection, view, language and layout width.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;
use crate::story::Story;

/// The explainer's views (tabs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The relationship diagram.
    #[default]
    Diagram,
    /// Promised versus invested.
    Comparison,
    /// Dated events.
    Timeline,
    /// The article's open questions.
    Questions,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [
        View::Diagram,
        View::Comparison,
        View::Timeline,
        View::Questions,
    ];

    /// The name used by `data-view` and events.
    pub fn code(self) -> &'static str {
        match self {
            View::Diagram => "diagram",
            View::Comparison => "comparison",
            View::Timeline => "timeline",
            View::Questions => "questions",
        }
    }

    /// Reads a `data-view` value.
    pub fn from_code(code: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|v| v.code() == code.trim().to_ascii_lowercase())
    }

    /// The views `story` has something to show in: the diagram always, the others when the
    /// story fills them. A story without a timeline gets no tab that opens an empty view.
    pub fn of(story: &Story) -> Vec<View> {
        View::ALL
            .into_iter()
            .filter(|v| match v {
                View::Diagram => true,
                View::Comparison => story
                    .comparison
                    .as_ref()
                    .is_some_and(|c| !c.groups.is_empty()),
                View::Timeline => !story.events.is_empty(),
                View::Questions => !story.questions.is_empty(),
            })
            .collect()
    }
}

/// What the reader selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A node.
    Entity(String),
    /// An edge.
    Relationship(String),
    /// A timeline event (lights its players in the diagram).
    Event(String),
    /// A comparison bar or band.
    Bar(String),
}

impl Selection {
    /// The story id of the selected item.
    pub fn id(&self) -> &str {
        match self {
            Selection::Entity(id)
            | Selection::Relationship(id)
            | Selection::Event(id)
            | Selection::Bar(id) => id,
        }
    }

    /// The kind's name, as events report it.
    pub fn kind(&self) -> &'static str {
        match self {
            Selection::Entity(_) => "entity",
            Selection::Relationship(_) => "relationship",
            Selection::Event(_) => "event",
            Selection::Bar(_) => "bar",
        }
    }
}

/// An explainer's whole interactive state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Reader language.
    pub lang: Lang,
    /// The open view.
    pub view: View,
    /// What the panel shows.
    pub selection: Option<Selection>,
    /// The view to return to when the panel closes (a timeline event opens the diagram),
    /// and the item whose control takes focus back there: that event, whatever the reader
    /// chose in the diagram since (their controls are not in that view).
    pub return_view: Option<(View, Selection)>,
    /// Layout width bucket in CSS px; 0 until the container is measured.
    pub width: u32,
    /// While hydrated and untouched: the drawing at `width` is the pre-rendered one, which
    /// CSS showed for containers up to this width (exclusive); it stays while the measured
    /// width is in that range, and the reader's first action, or the diagram leaving their
    /// sight ([`Action::Unseen`]), lays out at the measured width ([`State::measured`]).
    /// 0 otherwise.
    pub fit_until: u32,
    /// The last measured width bucket (0 before any).
    pub measured: u32,
    /// Set on close: the control that should get focus back.
    pub focus_return: Option<Selection>,
    /// Set by an action that changed the view under the reader: the selection of an event
    /// on the timeline (it opens over the diagram), whose lit controls are brought into view,
    /// and the close that goes back, whose control (focus returns to it) is too; and by a
    /// deep link ([`Action::Link`]).
    pub reveal: bool,
    /// The open item came by a link ([`Action::Link`]): the history entry is the link's, so
    /// a phone's Back goes back through the links, as on any page, rather than closing it.
    pub linked: bool,
    /// The page is being printed: every view and disclosure is built, as for readers
    /// without script, not only what the screen shows ([`Action::Print`]).
    pub printing: bool,
}

impl State {
    /// A fresh state.
    pub fn new(lang: Lang, view: View, width: u32) -> Self {
        State {
            lang,
            view,
            selection: None,
            return_view: None,
            // 0: the container is not known yet (pre-rendering, and the first render that
            // hydrates it): every fitting layout is drawn and CSS shows the one that fits.
            width: if width == 0 { 0 } else { bucket(width) },
            fit_until: 0,
            measured: 0,
            focus_return: None,
            reveal: false,
            linked: false,
            printing: false,
        }
    }

    /// The same state, hydrating a pre-rendered drawing that CSS shows for containers from
    /// `width` up to `until` (exclusive): idle-time hydration must not redraw what the reader
    /// is looking at. `until` 0 leaves the state as it is.
    pub fn hydrating(mut self, until: u32) -> Self {
        if until > self.width && self.width > 0 {
            self.fit_until = until;
        }
        self
    }
}

/// The reader's and the host's actions.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open the panel for an item; an event also shows the diagram with its players lit.
    Select(Selection),
    /// Open the panel for an item without leaving the view: an event that lights no player
    /// would show the diagram with nothing lit.
    SelectHere(Selection),
    /// [`Action::SelectHere`] from a deep link: the item opens where it is listed (an event
    /// on the timeline, a bar in the comparison) and is brought into view.
    LinkHere(Selection),
    /// [`Action::Select`] from a deep link: the page opened at the explainer, and what the
    /// item lights is brought into view with its panel.
    Link(Selection),
    /// Close the panel (focus goes back to what opened it).
    Close,
    /// Switch view (closes the panel).
    SetView(View),
    /// Switch language.
    SetLang(Lang),
    /// The container's width changed.
    Resize(u32),
    /// The reader no longer sees the diagram: a kept pre-rendered drawing (see
    /// [`State::fit_until`]) may now follow the measured width, unseen.
    Unseen,
    /// The page is about to be printed (`true`) or was (`false`): not the reader's action
    /// on the explainer, so it keeps the selection, the focus to return and the drawing.
    Print(bool),
}

/// The narrowest regular layout: a 320 px phone minus the widget's padding still draws at
/// scale ≥ 1.
pub const MIN_WIDTH: u32 = 280;

/// The width of the widest drawing laid out for [`MIN_WIDTH`]: its whole cells and the
/// margins (256 px). A narrower column, a sidebar or a figure with the browser's margins on
/// a phone, would scale it down, and its 44 px targets with it. Such a column gets the
/// [`NARROW`] layout.
pub const NARROW_BELOW: u32 = drawn_width(MIN_WIDTH);

/// The width of the widest drawing laid out for `layout` px: its whole cells and the
/// margins. A column narrower than that would scale it down.
const fn drawn_width(layout: u32) -> u32 {
    use crate::layout::{CELL, PAD};
    let cells = ((layout as f64 - 2.0 * PAD) / CELL) as u32;
    (2.0 * PAD) as u32 + cells * CELL as u32
}

/// The layout width of columns narrower than [`NARROW_BELOW`]: four cells, the boxes three
/// wide and their lane one, so that names stay whole and targets 44 px down to a 208 px
/// column (a 240 px sidebar, or a 320 px phone's `<figure>` with its default margins).
pub const NARROW: u32 = 240;

/// The width of the [`NARROW`] drawing: its four cells and the margins (208 px). A column
/// narrower still (a flex item beside an aside on a 320 px phone) gets [`NARROWEST`].
pub const NARROWEST_BELOW: u32 = drawn_width(NARROW);

/// The layout width of columns narrower than [`NARROWEST_BELOW`]: three cells, the boxes
/// two wide and their lane one, targets 44 px down to a 160 px column. A role heading too
/// wide for the boxes runs over the lane, whose cells in its row then take no handle.
pub const NARROWEST: u32 = 160;

/// Horizontal padding of the widget's root on each side, as in `style/explainer.css`
/// (`.xp-root`): a host `w` px wide gives the diagram `w - 2 * ROOT_PADDING`. Guessing right
/// before the first render spares a second layout and render once the column is measured.
/// (A host under 260 px has half that padding, but its column gets the [`NARROW`] or the
/// [`NARROWEST`] layout either way.)
pub const ROOT_PADDING: u32 = 12;

/// From this width inside the padding, the explainer keeps a column beside its views for the
/// panel (`.xp-body.with-side` in `style/explainer.css`: 34 % of the width, at least
/// [`SIDE_MIN`] px, after a [`SIDE_GAP`] px gap); narrower, the panel is a bottom sheet.
pub const SIDE_FROM: u32 = 800;
/// The side column's narrowest width.
pub const SIDE_MIN: u32 = 260;
/// The gap between the views and the side column.
pub const SIDE_GAP: u32 = 16;

/// The diagram's width in an explainer whose content (inside the padding) is `content` px
/// wide, as the stylesheet lays it out. Guessing right before the first render spares a
/// second layout once the diagram's column is measured.
pub fn diagram_width(content: u32) -> u32 {
    if content < SIDE_FROM {
        return content;
    }
    content - SIDE_GAP - (content * 34 / 100).max(SIDE_MIN)
}

/// Layout widths are bucketed so that every phone shares a layout and the SVG only
/// ever scales up (text never drops below its drawn size), down to a column of 160 px.
pub fn bucket(width: u32) -> u32 {
    if width < NARROWEST_BELOW {
        return NARROWEST;
    }
    if width < NARROW_BELOW {
        return NARROW;
    }
    (width.clamp(MIN_WIDTH, 1280) / 40) * 40
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        // A resize (the panel opening or closing changes the column's width) may land in the
        // same render as a close: it must not forget where focus goes back to.
        if !matches!(
            action,
            Action::Resize(_) | Action::Unseen | Action::Print(_)
        ) {
            s.focus_return = None;
            // The reader acts: the drawing may now follow the measured width, in the same
            // render as the answer to their action.
            if s.fit_until > 0 {
                s.fit_until = 0;
                if s.measured > 0 {
                    s.width = s.measured;
                }
            }
        }
        let linked = matches!(action, Action::Link(_) | Action::LinkHere(_));
        match action {
            Action::Select(sel) | Action::Link(sel) => {
                let switch = matches!(sel, Selection::Event(_)) && s.view != View::Diagram;
                if switch {
                    s.return_view = Some((s.view, sel.clone()));
                    s.view = View::Diagram;
                }
                s.reveal = switch || linked;
                s.linked = linked;
                s.selection = Some(sel);
            }
            Action::SelectHere(sel) | Action::LinkHere(sel) => {
                // A link opens the item where it is listed, whatever the view shown.
                let listed = match sel {
                    Selection::Event(_) => Some(View::Timeline),
                    Selection::Bar(_) => Some(View::Comparison),
                    _ => None,
                };
                if let Some(v) = listed.filter(|_| linked) {
                    s.view = v;
                    s.return_view = None;
                }
                s.reveal = linked;
                s.linked = linked;
                s.selection = Some(sel);
            }
            Action::Close => {
                let closed = s.selection.take();
                s.linked = false;
                s.reveal = s.return_view.is_some();
                s.focus_return = match s.return_view.take() {
                    Some((v, from)) => {
                        s.view = v;
                        Some(from)
                    }
                    None => closed,
                };
            }
            Action::SetView(v) => {
                if v == s.view {
                    return self;
                }
                s.view = v;
                s.selection = None;
                s.return_view = None;
                s.reveal = false;
                s.linked = false;
            }
            Action::SetLang(l) => s.lang = l,
            Action::Print(printing) => {
                if printing == s.printing {
                    return self;
                }
                s.printing = printing;
            }
            Action::Unseen => {
                if s.fit_until == 0 {
                    return self;
                }
                s.fit_until = 0;
                if s.measured > 0 {
                    s.width = s.measured;
                }
            }
            Action::Resize(w) => {
                let b = bucket(w);
                if b == s.measured && (b == s.width || s.fit_until > 0) {
                    return self;
                }
                s.measured = b;
                // Hydrated and untouched: the pre-rendered drawing still fits (see `fit_until`).
                if (s.width..s.fit_until).contains(&b) {
                    return Rc::new(s);
                }
                s.fit_until = 0;
                s.width = b;
            }
        }
        Rc::new(s)
    }
}
