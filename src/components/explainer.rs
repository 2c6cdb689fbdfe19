use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::tabs::{label, tab_id, view_id};
use super::SourceList;
use super::{
    use_open, Asked, Comparison, Diagram, Disclosure, HostEvent, LanguageSwitch, Linked, Owed,
    Panel, Questions, Tabs, TextAlternative, Timeline,
};
use crate::format::date;
use crate::i18n::{ui, Lang};
use crate::layout::{fits, layout};
use crate::state::{Action, Selection, State, View};
use crate::story::Story;

/// Properties of [`Explainer`].
#[derive(Properties, PartialEq)]
pub struct ExplainerProps {
    /// A valid story.
    pub story: Rc<Story>,
    /// The language the host asks for: the starting one, then switched to when it changes.
    pub lang: Lang,
    /// The view the host asks for: the starting one, then switched to when it changes.
    pub view: View,
    /// Starting layout width.
    pub width: u32,
    /// Prefix for element ids.
    pub instance: AttrValue,
    /// Item the page's address links to, selected after the first render (so hydration sees
    /// the same HTML), and again when the address links to another.
    pub linked: Linked,
    /// How many times the page asked for `lang` and `view` again (see [`Asked`]).
    pub asked: Asked,
    /// Receives what the reader does.
    pub on_host: Callback<HostEvent>,
    /// Render every view and disclosure, not just what is shown (pre-rendered HTML).
    pub complete: bool,
    /// Rendered from scratch, not hydrated: a large diagram may draw its first screen first
    /// (see [`Diagram`]). A hydrated explainer's diagram built after its first render is
    /// drawn that way too.
    pub progressive: bool,
    /// Hydrating: the pre-rendered drawing's range (see [`crate::AppProps::fit_until`]).
    pub fit_until: u32,
    /// What the diagram's renders leave to their effects (see [`crate::AppProps::owed`]).
    pub owed: Owed,
}

/// The interactive explainer: header, views, panel, text alternative. Owns the one
/// reducer; browser work (size, focus, host events) happens in effects only.
#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    // Only views the story fills get a tab; a host asking for another starts on the diagram.
    let views = View::of(&props.story);
    let start = if views.contains(&props.view) {
        props.view
    } else {
        View::Diagram
    };
    let state =
        use_reducer(|| State::new(props.lang, start, props.width).hydrating(props.fit_until));
    let root = use_node_ref();
    let view_box = use_node_ref();
    let ruler = use_node_ref();
    // The diagram's view's width bucket when last measured, 0 when it was hidden (see
    // `measurer`).
    let measured = use_memo((), |()| std::cell::Cell::new(0u32));
    let heading = use_node_ref();
    // The item whose panel shows, as of the last render's effects: a tap on it again brings
    // its panel into sight (see `select`).
    let showing = use_mut_ref(|| None::<Selection>);
    // When the reader last pressed a key in the explainer (ms since the epoch): whether a
    // close came from the keyboard.
    let last_key = use_memo((), |()| std::cell::Cell::new(f64::MIN));
    // The diagram's render leaves its effect's work here; a reader's action has it done
    // before the next frame if Yew yields first (see `Owed`).
    let owed = props.owed.clone();
    let story = props.story.clone();
    let geometries = use_memo(
        (story.clone(), state.lang, state.width),
        |(s, l, w)| match *w {
            0 => fits(s, *l),
            w => vec![(w, layout(s, *l, w))],
        },
    );

    {
        let on_host = props.on_host.clone();
        use_effect_with((), move |_| on_host.emit(HostEvent::Ready));
    }
    {
        // The page switched the host's language or view (its attributes): the explainer
        // follows as if the reader had chosen it. Each on its own: a new view must not undo
        // the language the reader chose since. Asked again for the same one, it switches
        // back to it. (At mount the state already holds both.)
        let state = state.clone();
        use_effect_with((props.lang, props.asked.lang), move |(lang, _)| {
            if state.lang != *lang {
                state.dispatch(Action::SetLang(*lang));
            }
        });
    }
    {
        let (state, views) = (state.clone(), views.clone());
        use_effect_with((props.view, props.asked.view), move |(view, _)| {
            if state.view != *view && views.contains(view) {
                state.dispatch(Action::SetView(*view));
            }
        });
    }
    {
        // Deep link: selected after the first render, which matches the pre-rendered HTML.
        // A later link to the item already open changes nothing (Back to it, say), unless
        // the reader followed its link again: then it comes back into view.
        let (state, story) = (state.clone(), props.story.clone());
        let (root, heading) = (root.clone(), heading.clone());
        let questions = views.contains(&View::Questions);
        use_effect_with(props.linked.clone(), move |linked| {
            // An open question: its view, with it open and focused once drawn.
            if let Some(id) = linked.question.clone().filter(|_| questions) {
                state.dispatch(Action::SetView(View::Questions));
                super::open_question(root, id);
                return;
            }
            let open = linked.change > 0 && state.selection == linked.to;
            match linked.to.clone() {
                Some(sel) if open && linked.again => shown(root, heading, sel, true),
                Some(sel) if !open => {
                    // An event that involves no player opens on the timeline, as a tap there
                    // does, and a bar in the comparison: the diagram shows neither.
                    let listed = matches!(sel, Selection::Bar(_)) || opens_in_place(&story, &sel);
                    state.dispatch(if listed {
                        Action::LinkHere(sel)
                    } else {
                        Action::Link(sel)
                    });
                }
                _ => {}
            }
        });
    }
    {
        // Follow the explainer's width (see `width`), and in a frame as tall as its
        // content, keep a panel by its control (see `anchor`).
        let (dispatcher, view_box) = (state.dispatcher(), view_box.clone());
        let (root, ruler, showing, measured) = (
            root.clone(),
            ruler.clone(),
            showing.clone(),
            measured.clone(),
        );
        use_effect_with((), move |_| {
            let measure = measurer(dispatcher, view_box, root.clone(), measured);
            measure();
            let root = root.cast::<web_sys::Element>();
            let ruler = ruler.cast::<web_sys::Element>();
            let stops = root.as_ref().zip(ruler).map(|(root, ruler)| {
                (
                    super::watch_tall_frame(root),
                    super::watch_width(root, &ruler, measure, showing),
                )
            });
            move || {
                if let Some((tall, width)) = stops {
                    tall();
                    width();
                }
            }
        });
    }
    {
        // Hidden, the diagram's view measured 0 and was skipped: measured as it shows
        // again, only then (a tab tap otherwise reads no layout).
        let (dispatcher, view_box, root) = (state.dispatcher(), view_box.clone(), root.clone());
        let measured = measured.clone();
        use_effect_with(state.view == View::Diagram, move |shows| {
            if *shows && measured.get() == 0 {
                measurer(dispatcher, view_box, root, measured)();
            }
        });
    }
    {
        // On paper, the whole story: every view and list is built while the page prints.
        let (dispatcher, owed) = (state.dispatcher(), owed.clone());
        use_effect_with((), move |_| {
            let print = Callback::from(move |p| dispatcher.dispatch(Action::Print(p)));
            super::watch_print(print, owed)
        });
    }
    {
        // While the pre-rendered drawing is kept (see `State::fit_until`), it must be what
        // the reader sees: hydrated out of sight or with only its edge showing (less than a
        // quarter of what of it could show), or scrolled out of sight later, it is laid out
        // for its column there, unseen. The observer reports the state at once, then on
        // every entry into and exit from the viewport.
        let (state, view_box) = (state.clone(), view_box.clone());
        use_effect_with(state.fit_until > 0, move |kept| {
            let observer = match (kept, view_box.cast::<web_sys::Element>()) {
                (true, Some(el)) => {
                    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries| {
                        if !seen(&entries) {
                            state.dispatch(Action::Unseen);
                        }
                    });
                    web_sys::IntersectionObserver::new(cb.as_ref().unchecked_ref())
                        .ok()
                        .map(|o| {
                            o.observe(&el);
                            (o, cb)
                        })
                }
                _ => None,
            };
            move || {
                if let Some((o, _cb)) = observer {
                    o.disconnect();
                }
            }
        });
    }
    {
        // A new layout width (a phone turned) or language (names of other lengths) moves
        // the controls: a panel placed by its control follows it (see `anchor`). Only a
        // phone turned scrolls: after a language switch the reader stays by the switch.
        let sel = state.selection.clone();
        use_effect_with(state.width, follow_on(root.clone(), sel.clone(), true));
        use_effect_with(state.lang, follow_on(root.clone(), sel, false));
    }
    {
        // The panel's heading takes focus when it opens, so keyboard and screen reader
        // users land on what they asked for. After the frame that shows the panel: a focus
        // move forces style and layout and sends focus events, and the reader should not
        // wait for those to see the panel. Focus stays on the control until then.
        let (heading, root) = (heading.clone(), root.clone());
        let reveal = state.reveal;
        let showing = showing.clone();
        use_effect_with(state.selection.clone(), move |sel| {
            showing.replace(sel.clone());
            // Before that paint: in a frame that does not scroll, the panel is placed by
            // the control the reader chose (see `anchor`).
            let el = root.cast::<web_sys::Element>();
            if let Some(el) = &el {
                super::anchor_panel(el, sel.as_ref());
                // A sheet stops below the control tapped from its first frame: fitted only
                // after it, it covered the control for a frame, then dropped.
                if let Some(sel) = sel.as_ref().filter(|_| !reveal) {
                    super::fit_sheet(el, sel);
                }
            }
            // An open bottom sheet keeps ending at the screen's bottom as the reader scrolls.
            let stop = el
                .zip(sel.clone())
                .map(|(el, sel)| super::refit_on_scroll(el, sel));
            if let Some(sel) = sel.clone() {
                shown(root, heading, sel, reveal);
            }
            move || stop.map_or((), |stop| stop())
        });
    }
    {
        // On close, focus goes back to the control that opened the panel; brought into view
        // if the close went back to its view (see `anchor::bring_back`), or came from the
        // keyboard: a reader who tabbed on past the panel, then pressed Escape, was left with
        // focus on a control a screen away, out of sight. A tap leaves the page where it is.
        let root = root.clone();
        let back = state.reveal;
        let last_key = last_key.clone();
        use_effect_with(state.focus_return.clone(), move |sel| {
            if let (Some(sel), Some(root)) = (sel, root.cast::<web_sys::Element>()) {
                if let Some(el) = super::shown_control(&root, sel) {
                    let keyed = js_sys::Date::now() - last_key.get() < KEYED_MS;
                    if back {
                        super::bring_back(&el);
                    } else if keyed {
                        super::focus(&el);
                    } else {
                        super::focus_in_place(&el);
                    }
                }
            }
        });
    }
    {
        // Tell the host what changed (not the starting state).
        let on_host = props.on_host.clone();
        let prev = use_mut_ref(|| (state.selection.clone(), state.view, state.lang));
        use_effect_with(
            (state.selection.clone(), state.view, state.lang),
            move |now| {
                let mut p = prev.borrow_mut();
                if p.1 != now.1 {
                    on_host.emit(HostEvent::View(now.1));
                }
                if p.2 != now.2 {
                    on_host.emit(HostEvent::Lang(now.2));
                }
                if p.0 != now.0 {
                    on_host.emit(match &now.0 {
                        Some(sel) => HostEvent::Select(sel.clone()),
                        None => HostEvent::Close,
                    });
                }
                *p = now.clone();
            },
        );
    }

    let lang = state.lang;
    let t = ui(lang);
    // Callbacks keep their identity across renders (the dispatcher never changes), so a
    // child whose data did not change skips its render: a tap re-renders only what it lit.
    let dispatcher = state.dispatcher();
    // Every action of the reader's: dispatched, and what the diagram's render then owes
    // paid before the next frames if Yew yields first (see `Owed`).
    let act = use_callback((dispatcher, owed.clone()), |a: Action, (d, owed)| {
        d.dispatch(a);
        owed.pay_before_next_frame();
    });
    // An event that lights no player in the diagram opens where it was chosen. The item
    // whose panel shows, chosen again, changes nothing to wait for: its panel, which the
    // reader may have scrolled, zoomed or redrawn away from, is brought into sight at once.
    let select = use_callback(
        (act.clone(), story.clone(), showing, heading.clone()),
        |sel: Selection, (act, s, showing, heading)| {
            let again = showing.borrow().as_ref() == Some(&sel);
            // Another item, in a panel the reader scrolled down (to its links, or on the
            // diagram beside it): it starts at its top, not with its first lines scrolled
            // away under the panel's head.
            let panel = heading.cast::<web_sys::Element>().filter(|_| !again);
            if let Some(p) = panel.and_then(|h| h.closest(".xp-panel").ok().flatten()) {
                p.set_scroll_top(0);
            }
            act.emit(if opens_in_place(s, &sel) {
                Action::SelectHere(sel)
            } else {
                Action::Select(sel)
            });
            if let Some(h) = heading.cast::<web_sys::Element>().filter(|_| again) {
                super::into_sight(&h);
            }
        },
    );
    let close = use_callback(act.clone(), |(), act| act.emit(Action::Close));
    // Not for an item a link opened: Back goes back through the links (see `State::linked`).
    super::back::use_close_request(state.selection.is_some() && !state.linked, close.clone());
    super::escape::use_escape_after_press(
        root.clone(),
        state.selection.is_some(),
        close.clone(),
        last_key.clone(),
    );
    // The panel's lists came a frame after its head: placed by its control, it is placed
    // again at its full height (see `anchor::settle`).
    let whole = use_callback(root.clone(), |sel: Selection, root| {
        if let Some(root) = root.cast::<web_sys::Element>() {
            super::settle(&root, &sel);
        }
    });
    let set_view = use_callback(act.clone(), |v: View, act| act.emit(Action::SetView(v)));
    let set_lang = use_callback(act, |l: Lang, act| act.emit(Action::SetLang(l)));
    // A control covered by a panel placed by its control moves it clear on focus (`anchor`).
    let uncover = use_callback(root.clone(), |e: FocusEvent, root| {
        if let (Some(r), Some(t)) = (root.cast(), e.target_dyn_into::<web_sys::Element>()) {
            super::uncover(&r, &t);
        }
    });
    let onkeydown = {
        let (open, close, last_key) = (state.selection.is_some(), close.clone(), last_key.clone());
        Callback::from(move |e: KeyboardEvent| {
            last_key.set(js_sys::Date::now());
            if e.key() == "Escape" && open {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let inst = props.instance.clone();
    // Live, only the shown view is built: fewer nodes to hydrate, diff and style on every
    // tap. The pre-rendered HTML (`complete`) holds every view for readers without script;
    // the embed drops the hidden ones (`data-lazy`) before hydrating, so both trees agree.
    let complete = props.complete;
    // Printed, the page holds every view and list too (see `print`).
    let every = complete || state.printing;
    // Held here: the lists are built anew for print (below), and stay open if opened.
    let (table_open, on_table) = use_open();
    let (sources_open, on_sources) = use_open();
    // Only the first render hydrates the pre-rendered HTML. A diagram built later (back from
    // another tab) is drawn by the client, as a live-rendered one is: its controls go in
    // through its effect, never as Yew's raw HTML, which a page enforcing Trusted Types
    // refuses (the diagram then stayed empty and the explainer stopped answering).
    let hydrated = use_mut_ref(|| false);
    let hydrating = !props.progressive && !*hydrated.borrow();
    use_effect_with((), move |_| *hydrated.borrow_mut() = true);
    // Views with items to choose keep a column for the panel on wide containers (CSS), open
    // or not: the diagram keeps its width, so a tap neither re-lays it out nor moves it.
    let side = state.selection.is_some() || state.view != View::Questions;
    // With a single view there are no tabs, so no tab panels either.
    let tabbed = views.len() > 1;
    let panel_of = |v: View, body: Html| {
        if !views.contains(&v) {
            return Html::default();
        }
        let node_ref = if v == View::Diagram {
            view_box.clone()
        } else {
            NodeRef::default()
        };
        html! {
            <div class="xp-view" role={tabbed.then_some("tabpanel")} id={view_id(&inst, v)} ref={node_ref}
                aria-labelledby={tabbed.then(|| tab_id(&inst, v))} hidden={v != state.view} data-lazy="">
                <h3 class="xp-view-title">{ label(v, lang) }</h3>
                if every || v == state.view { { body } }
            </div>
        }
    };
    html! {
        <div class="xp-root" lang={lang.code()} ref={root} {onkeydown}>
            // Watched for the explainer's width (see `width`).
            <div class="xp-ruler" aria-hidden="true" ref={ruler}></div>
            // Not a <header>: outside sectioning content it is the page's banner landmark,
            // and a page with its own header, or two explainers, had two (axe).
            <div class="xp-head">
                <div>
                    <h2 class="xp-title">{ story.title.get(lang) }</h2>
                    <p class="xp-dek">{ story.dek.get(lang) }</p>
                </div>
                <LanguageSwitch lang={lang} on_change={set_lang} />
            </div>
            <p class="xp-static-note">{ t.static_note }</p>
            <Tabs view={state.view} views={views.clone()} lang={lang} instance={inst.clone()} on_select={set_view} />
            <div class={classes!("xp-body", side.then_some("with-side"), state.selection.is_some().then_some("open"))}>
                <div class="xp-views" onfocusin={uncover}>
                    { panel_of(View::Diagram, html! {
                        <Diagram story={story.clone()} geometries={geometries.clone()} lang={lang}
                            selection={state.selection.clone()} on_select={select.clone()}
                            progressive={!hydrating && !complete} at_once={state.printing} owed={owed.clone()} />
                    }) }
                    { panel_of(View::Comparison, html! {
                        <Comparison story={story.clone()} lang={lang} selection={state.selection.clone()} on_select={select.clone()} />
                    }) }
                    { panel_of(View::Timeline, html! { <Timeline story={story.clone()} lang={lang} selection={state.selection.clone()} on_select={select.clone()} /> }) }
                    { panel_of(View::Questions, html! { <Questions story={story.clone()} lang={lang} /> }) }
                </div>
                if let Some(sel) = &state.selection {
                    <Panel story={story.clone()} selection={sel.clone()} lang={lang} instance={inst.clone()}
                        heading={heading} on_close={close} on_select={select} on_whole={whole} />
                } else if side {
                    <p class="xp-side-hint">{ t.side_hint }</p>
                }
            </div>
            <p class="xp-asof">{ format!("{} {}", t.as_of, date(&story.as_of, lang)) }</p>
            // A story of players alone has no relationship to list. Keyed by `every`: built
            // anew for print, not updated, as Yew 0.23 may leave a child's update for a later
            // task (past 16 ms), after the print is laid out; a new child it never leaves.
            if !story.relationships.is_empty() {
                <TextAlternative key={u8::from(every)} story={story.clone()} lang={lang} complete={every}
                    open={table_open} on_toggle={on_table} />
            }
            // Nor a story without sources a list of none ("All sources (0)", opening onto
            // nothing).
            if !story.sources.is_empty() {
                <Disclosure key={u8::from(every)} class="xp-all-sources" complete={every}
                    open={sources_open} on_toggle={on_sources}
                    summary={format!("{} ({})", t.all_sources, story.sources.len())}>
                    <SourceList story={story.clone()} ids={story.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>()} lang={lang} />
                </Disclosure>
            }
        </div>
    }
}

/// The effect that places the panel of `sel` by its control again after a change of
/// layout ([`super::follow`]), scrolling it into view when `scroll`; a bottom sheet is
/// fitted to the screen again (a phone turned has another height).
fn follow_on<T>(root: NodeRef, sel: Option<Selection>, scroll: bool) -> impl FnOnce(&T) {
    move |_| {
        if let (Some(root), Some(sel)) = (root.cast::<web_sys::Element>(), sel) {
            super::follow(&root, &sel, scroll);
            super::fit_sheet(&root, &sel);
        }
    }
}

/// How recent a key must be for a close to count as the keyboard's, in ms: Escape, or Enter
/// or Space on the close button, closes within the same task.
const KEYED_MS: f64 = 1000.0;

/// Whether `sel` opens where it was chosen: an event that lights no player in the diagram.
fn opens_in_place(story: &Story, sel: &Selection) -> bool {
    matches!(sel, Selection::Event(_)) && crate::highlight::lit(story, Some(sel)).is_empty()
}

/// What reads the diagram's view width into the state, and the explainer's zoom. Hidden
/// (another view shows), the view measures 0: it is skipped, and `measured` (its width
/// bucket when last measured) is 0 until it shows. It tells whether the width read is in
/// another bucket than the last: a new layout, whose render places an open panel by its
/// control (the width effect).
fn measurer(
    dispatcher: UseReducerDispatcher<State>,
    view_box: NodeRef,
    root: NodeRef,
    measured: Rc<std::cell::Cell<u32>>,
) -> Rc<dyn Fn() -> bool> {
    Rc::new(move || {
        let w = view_box
            .cast::<web_sys::HtmlElement>()
            .map_or(0, |el| el.client_width());
        let b = if w > 0 {
            crate::state::bucket(w as u32)
        } else {
            0
        };
        let before = measured.replace(b);
        if w > 0 {
            dispatcher.dispatch(Action::Resize(w as u32));
        }
        if let Some(root) = root.cast::<web_sys::HtmlElement>() {
            set_zoom(&root);
        }
        // With a panel open the reader has acted, so no pre-rendered drawing is kept
        // (`State::fit_until`): the state lays out each new bucket.
        b != 0 && b != before
    })
}

/// Tells the stylesheet an ancestor's CSS `zoom` (`--xp-zoom`, in thousandths), so that a
/// sheet sized by the screen (`70vh`) is not scaled past it.
fn set_zoom(root: &web_sys::HtmlElement) {
    let thousandths = (super::zoom(root) * 1000.0).round() as i64;
    let style = root.style();
    if thousandths == 1000 {
        let _ = style.remove_property("--xp-zoom");
    } else {
        // An integer: formatting a float would bring its code into the WASM.
        let _ = style.set_property("--xp-zoom", &thousandths.to_string());
    }
}

/// Whether the reader sees the observed element: at least a quarter of what of it could
/// show (its height, or the viewport's if it is taller) is in the viewport.
fn seen(entries: &js_sys::Array) -> bool {
    let screen = web_sys::window()
        .and_then(|w| w.inner_height().ok()?.as_f64())
        .unwrap_or(0.0);
    entries.iter().any(|e| {
        let e = e.unchecked_into::<web_sys::IntersectionObserverEntry>();
        let could_show = e.bounding_client_rect().height().min(screen);
        e.is_intersecting() && e.intersection_rect().height() >= could_show / 4.0
    })
}

/// After the paint that shows the panel of `sel`: a sheet that could not stick is placed by
/// its control, then the panel's heading takes focus. With `reveal` (the control chosen went
/// with its view, or a link named the item), what the item lights comes into view first,
/// where the sheet may then stick (known once a smooth scroll has ended: focus does not
/// wait for it). The heading is then brought into sight if it is not there.
fn shown(root: NodeRef, heading: NodeRef, sel: Selection, reveal: bool) {
    super::after_paint(move || {
        if let Some(root) = root.cast::<web_sys::Element>() {
            let smoothly = reveal.then(|| super::reveal(&root, &sel)).flatten();
            let settle = {
                let (root, heading) = (root.clone(), heading.clone());
                move || {
                    super::anchor_if_unseen(&root, &sel);
                    super::fit_sheet(&root, &sel);
                    // Placed and fitted: the reader sees its title (see `smooth`).
                    if let Some(h) = heading.cast::<web_sys::Element>() {
                        super::into_sight(&h);
                    }
                }
            };
            match smoothly {
                // A smooth scroll may have only begun: the sheet is measured once it ends.
                Some(control) => super::after_scroll(control, Box::new(settle)),
                None => settle(),
            }
        }
        if let Some(h) = heading.cast::<web_sys::Element>() {
            if h.is_connected() {
                super::focus_in_place(&h);
            }
        }
    });
}
