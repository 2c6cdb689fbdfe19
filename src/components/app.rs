use std::rc::Rc;

use yew::prelude::*;

use super::{ErrorView, Explainer, Owed};
use crate::i18n::Lang;
use crate::state::{Selection, View};
use crate::story::{Problem, Story};

/// A story as loaded: the checked story, or every problem found. Compared by identity, so
/// props stay cheap to compare; the story itself is shared, never copied, down the tree.
#[derive(Clone, Debug)]
pub struct Loaded(pub Rc<Result<Rc<Story>, Vec<Problem>>>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Loaded {
    /// Parses and validates `json`.
    pub fn from_json(json: &str) -> Self {
        Loaded(Rc::new(crate::story::load(json).map(Rc::new)))
    }
}

/// What an explainer tells its host page (the embed turns these into DOM events).
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// The explainer rendered (or hydrated) and answers taps.
    Ready,
    /// The reader selected an item.
    Select(Selection),
    /// The panel closed.
    Close,
    /// The view changed.
    View(View),
    /// The language changed.
    Lang(Lang),
}

/// The item the page's address links this explainer to. The first value (`change` 0) is the
/// deep link the page opened with; each later one (a link in the page's text, Back) comes
/// with a new `change`, so that a link to the item the address named before still reaches
/// the explainer: the reader may have opened another since.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Linked {
    /// The item, if the address names one of this story's.
    pub to: Option<Selection>,
    /// The open question, if the address names one: opened in the questions view.
    pub question: Option<String>,
    /// How many times the address changed it since the explainer started.
    pub change: u32,
    /// The reader followed a link to the address the page already had: the item comes into
    /// view even if it is open (they scrolled away from it, and want it back).
    pub again: bool,
}

/// How many times the page set its host's `data-lang` and `data-view` since the explainer
/// started, to a new value or the same one: each is the page asking (its own language
/// switch, an article's button that shows the timeline), and the explainer switches to what
/// the attribute says, even where the reader has chosen another since.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Asked {
    /// Times the page set `data-lang`.
    pub lang: u32,
    /// Times the page set `data-view`.
    pub view: u32,
}

/// Properties of the explainer's root.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The story to show (or its problems).
    pub story: Loaded,
    /// The language the host asks for: the starting one, then switched to when it changes.
    #[prop_or_default]
    pub lang: Lang,
    /// The view the host asks for: the starting one, then switched to when it changes.
    #[prop_or_default]
    pub view: View,
    /// Starting layout width in CSS px (the browser then follows the container).
    #[prop_or(360)]
    pub width: u32,
    /// Prefix for element ids, unique per instance on a page.
    #[prop_or(AttrValue::Static("xp"))]
    pub instance: AttrValue,
    /// Item the page's address links to: selected after the first render (a deep link), and
    /// again when the address names another (see [`Linked`]).
    #[prop_or_default]
    pub linked: Linked,
    /// How many times the page asked for `lang` and `view` again (see [`Asked`]).
    #[prop_or_default]
    pub asked: Asked,
    /// Receives what the reader does, for the host page.
    #[prop_or_default]
    pub on_host: Callback<HostEvent>,
    /// Render every view and disclosure, not only what is shown: the pre-rendered HTML,
    /// readable without script. Live instances leave it off and build views when shown.
    #[prop_or_default]
    pub complete: bool,
    /// A large diagram draws its first screen, then the rest once that is painted. Only
    /// where nothing is hydrated: a first render must match the HTML it hydrates.
    #[prop_or_default]
    pub progressive: bool,
    /// Hydrating a pre-rendered diagram drawn at `width`: CSS would show it up to this width
    /// (exclusive). While the reader sees it and until they act, the drawing stays while the
    /// container's width is in that range, so hydration changes nothing they see (see
    /// [`crate::state::State::fit_until`]). 0: not hydrating.
    #[prop_or_default]
    pub fit_until: u32,
    /// What the diagram's renders leave to their effects (see [`Owed`]). Given here so that
    /// a page drawing the explainer afresh can have its first render's share paid before the
    /// first frame: Yew may yield before its effects, and that frame showed the diagram's
    /// lines without its players, a tap on it lost.
    #[prop_or_default]
    pub owed: Owed,
}

/// The explainer, or an error view naming the first bad field: never a blank box.
#[component]
pub fn App(props: &AppProps) -> Html {
    match &*props.story.0 {
        Ok(story) => html! {
            <Explainer
                story={story.clone()}
                lang={props.lang}
                view={props.view}
                width={props.width}
                instance={props.instance.clone()}
                linked={props.linked.clone()}
                asked={props.asked}
                on_host={props.on_host.clone()}
                complete={props.complete}
                progressive={props.progressive}
                fit_until={props.fit_until}
                owed={props.owed.clone()}
            />
        },
        Err(problems) => html! { <ErrorView problems={problems.clone()} lang={props.lang} /> },
    }
}
