use std::rc::Rc;

use yew::prelude::*;

use super::{Badge, SourceList};
use crate::describe::{ends, name_of};
use crate::format::{amount, date};
use crate::i18n::{kind_name, role_name, ui, Lang};
use crate::state::Selection;
use crate::story::{Quote, Status, Story};

/// Properties of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The story.
    pub story: Rc<Story>,
    /// What to show.
    pub selection: Selection,
    /// Interface language.
    pub lang: Lang,
    /// Prefix for element ids.
    pub instance: AttrValue,
    /// The heading, which takes focus when the panel opens.
    pub heading: NodeRef,
    /// Closes the panel.
    pub on_close: Callback<()>,
    /// Selects another item (a relationship listed in an entity's panel).
    pub on_select: Callback<Selection>,
    /// Told once the panel of a new selection is whole, its lists drawn a frame after its
    /// head: a panel placed by its control is placed again at its full height.
    pub on_whole: Callback<Selection>,
}

struct Body {
    title: String,
    subtitle: String,
    status: Option<Status>,
    figure: Option<String>,
    when: Option<String>,
    text: Vec<String>,
    links: Vec<(String, Selection)>,
    quotes: Vec<Quote>,
    sources: Vec<String>,
}

fn body(story: &Story, sel: &Selection, lang: Lang) -> Option<Body> {
    let quotes_for = |ent: Option<&str>, rels: &[&str]| -> Vec<Quote> {
        story
            .quotes
            .iter()
            .filter(|q| {
                ent.is_some_and(|e| q.entities.iter().any(|x| x == e))
                    || q.relationships.iter().any(|r| rels.contains(&r.as_str()))
            })
            .cloned()
            .collect()
    };
    Some(match sel {
        Selection::Entity(id) => {
            let e = story.entity(id)?;
            let rels: Vec<_> = story
                .relationships
                .iter()
                .filter(|r| &r.from == id || &r.to == id)
                .collect();
            let rel_ids: Vec<&str> = rels.iter().map(|r| r.id.as_str()).collect();
            Body {
                title: e.name.get(lang).into(),
                subtitle: role_name(e.role, lang).into(),
                status: None,
                figure: None,
                when: None,
                text: vec![e.description.get(lang).into()],
                links: rels
                    .iter()
                    .map(|r| {
                        let fig = r
                            .amount
                            .as_ref()
                            .map(|a| format!(" — {}", amount(a, lang)))
                            .unwrap_or_default();
                        (
                            format!("{} · {}{fig}", ends(story, r, lang), r.label.get(lang)),
                            Selection::Relationship(r.id.clone()),
                        )
                    })
                    .collect(),
                quotes: quotes_for(Some(id), &rel_ids),
                sources: rels.iter().flat_map(|r| r.sources.clone()).collect(),
            }
        }
        Selection::Relationship(id) => {
            let r = story.relationship(id)?;
            Body {
                title: ends(story, r, lang),
                subtitle: format!("{} · {}", kind_name(r.kind, lang), r.label.get(lang)),
                status: Some(r.status),
                figure: r.amount.as_ref().map(|a| amount(a, lang)),
                when: r.date.as_deref().map(|d| date(d, lang)),
                text: r.note.iter().map(|n| n.get(lang).to_string()).collect(),
                links: [&r.from, &r.to]
                    .iter()
                    .map(|e| {
                        (
                            name_of(story, e, lang).to_string(),
                            Selection::Entity((*e).clone()),
                        )
                    })
                    .collect(),
                quotes: quotes_for(None, &[id.as_str()]),
                sources: r.sources.clone(),
            }
        }
        Selection::Event(id) => {
            let e = story.event(id)?;
            Body {
                title: e.title.get(lang).into(),
                subtitle: ui(lang).timeline.into(),
                status: Some(e.status),
                figure: None,
                when: Some(date(&e.date, lang)),
                text: vec![e.text.get(lang).into()],
                links: story
                    .players(e)
                    .into_iter()
                    .map(|x| {
                        (
                            name_of(story, x, lang).to_string(),
                            Selection::Entity(x.to_string()),
                        )
                    })
                    .collect(),
                quotes: Vec::new(),
                sources: e.sources.clone(),
            }
        }
        Selection::Bar(id) => {
            let (g, b) = story.bar(id)?;
            Body {
                title: b.label.get(lang).into(),
                subtitle: g.label.get(lang).into(),
                status: Some(b.status),
                figure: Some(amount(&b.amount, lang)),
                when: b.date.as_deref().map(|d| date(d, lang)),
                text: b.note.iter().map(|n| n.get(lang).to_string()).collect(),
                links: Vec::new(),
                quotes: Vec::new(),
                sources: b.sources.clone(),
            }
        }
    })
}

/// Writes the panel's height as `--xp-kept` and its sticky head's as `--xp-head`, both read
/// before either write (layout is clean); false if the panel is not drawn.
fn keep_sizes(panel_el: &NodeRef) -> bool {
    let Some(el) = panel_el.cast::<web_sys::HtmlElement>() else {
        return false;
    };
    let z = super::zoom(&el);
    let h = el.get_bounding_client_rect().height() / z;
    // The side column's focus scrolling stops below the head (`scroll-padding-top`).
    let head = el
        .first_element_child()
        .map_or(0.0, |e| e.get_bounding_client_rect().height() / z);
    // Integers: formatting a float would bring its code into the WASM.
    let style = el.style();
    let _ = style.set_property("--xp-kept", &format!("{}px", h.round() as i64));
    let _ = style.set_property("--xp-head", &format!("{}px", head.round() as i64));
    true
}

/// Details of the selection: a bottom sheet on phones, a side column on wide screens.
/// The close button stays at its top; Esc closes too (handled by the explainer).
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let lang = props.lang;
    let t = ui(lang);
    // A tap is answered by the panel's head (title, figure, text) in the next frame; its
    // lists (links, quotations, sources) follow a frame later. A hub's lists are most of a
    // panel's layout and paint: drawn with the head, they made the reader wait about a
    // third longer on a slow phone. Rendered natively (pre-rendering, no paint) it is whole.
    let whole_for = use_state(|| None::<Selection>);
    // A link chosen in the panel is drawn whole at once, and the panel is not placed again:
    // the reader is reading there (see `anchor`).
    let chosen_here = use_mut_ref(|| None::<Selection>);
    let at_once = chosen_here.borrow().as_ref() == Some(&props.selection);
    let whole =
        !cfg!(target_arch = "wasm32") || at_once || whole_for.as_ref() == Some(&props.selection);
    {
        let whole_for = whole_for.clone();
        use_effect_with(props.selection.clone(), move |sel| {
            let sel = sel.clone();
            super::after_paint(move || whole_for.set(Some(sel)));
        });
    }
    let panel_el = use_node_ref();
    // The panel's height when last drawn whole, as `--xp-kept`: while the next selection's
    // lists are still to come (`data-partial`), the stylesheet keeps it as the panel's
    // least height, so that the panel does not shrink for a frame and grow back (a blink, a
    // sheet that bounces). In CSS, not set by an effect: Yew may paint a frame before its
    // effects run (see `super::next_frame`), and that frame must not show the head alone.
    {
        let (panel_el, on_whole) = (panel_el.clone(), props.on_whole.clone());
        use_effect_with((whole, props.selection.clone()), move |(whole, sel)| {
            if *whole && keep_sizes(&panel_el) && !at_once {
                // Drawn in two goes, the panel was placed at its head's height.
                on_whole.emit(sel.clone());
            }
        });
    }
    // Another language draws another title, which may take another line: measured again,
    // or the side column's focus scrolling stops a line short of its head.
    {
        let panel_el = panel_el.clone();
        use_effect_with(lang, move |_| {
            if whole {
                keep_sizes(&panel_el);
            }
        });
    }
    let Some(b) = body(&props.story, &props.selection, lang) else {
        return html! {};
    };
    let title_id = format!("{}-panel-title", props.instance);
    // Keyed by what it shows, so that another item's text comes in new nodes rather than
    // as new values of the old ones. A page translator (a browser's, an extension's)
    // replaces the text nodes it translates: Yew's updates went to the replaced nodes, and
    // the panel went on showing the first item's title and text for the next one.
    let shows = format!(
        "{}:{}:{}",
        props.selection.kind(),
        props.selection.id(),
        lang.code()
    );
    let onclose = props.on_close.reform(|_: MouseEvent| ());
    html! {
        // `data-partial`: the lists are still to come (see `anchor::place`).
        // A named group, not a landmark: the page's landmarks are the page's, and two
        // explainers of one story open on one item were two regions of the same name (axe's
        // landmark-unique). The heading takes focus when it opens. Focusable by a click on
        // its text: focus went to the page (or to a link the page wraps the explainer in),
        // and Escape, which the explainer hears only from within, no longer closed it.
        <section class="xp-panel" role="group" aria-labelledby={title_id.clone()} ref={panel_el.clone()}
            tabindex="-1" data-partial={(!whole).then_some("")}>
            <div class="xp-panel-head">
                // The heading stays, with focus if it has it; its text is new.
                <h3 id={title_id} tabindex="-1" ref={props.heading.clone()}><span key={shows.clone()}>{ &b.title }</span></h3>
                <button type="button" class="xp-close" aria-label={t.close} onclick={onclose}>
                    <span aria-hidden="true">{"×"}</span>
                </button>
            </div>
            <div class="xp-panel-main" key={shows}>
                <p class="xp-sub">{ &b.subtitle }</p>
                if b.figure.is_some() || b.status.is_some() || b.when.is_some() {
                    <p class="xp-figure">
                        if let Some(f) = &b.figure { <strong>{ f }</strong>{" "} }
                        if let Some(s) = b.status { <Badge status={s} lang={lang} />{" "} }
                        if let Some(w) = &b.when { <span class="xp-when">{ w }</span> }
                    </p>
                }
                { for b.text.iter().map(|p| html! { <p>{ p }</p> }) }
                if whole && !b.links.is_empty() {
                    <h4>{ if matches!(props.selection, Selection::Entity(_)) { t.links } else { t.involves } }</h4>
                    <ul class="xp-links">
                        { for b.links.iter().map(|(label, sel)| {
                            let (cb, chosen_here) = (props.on_select.clone(), chosen_here.clone());
                            let (sel, heading, panel_el) = (sel.clone(), props.heading.clone(), panel_el.clone());
                            let onclick = Callback::from(move |_: MouseEvent| {
                                // Focus goes to the title, which stays, before the list it was
                                // in is redrawn: a removed button would drop it on the page.
                                if let Some(h) = heading.cast::<web_sys::Element>() {
                                    super::focus_in_place(&h);
                                }
                                // The reader reads here: a sheet keeps its height for this
                                // item (see `sheet::READING`).
                                if let Some(a) = panel_el.cast::<web_sys::Element>() {
                                    let _ = a.set_attribute(super::sheet::READING, &super::key_of(&sel));
                                }
                                *chosen_here.borrow_mut() = Some(sel.clone());
                                cb.emit(sel.clone());
                            });
                            html! { <li><button type="button" class="xp-link" {onclick}>{ label }</button></li> }
                        }) }
                    </ul>
                }
                if whole && !b.quotes.is_empty() {
                    <h4>{ t.quotes }</h4>
                    { for b.quotes.iter().map(|q| html! {
                        <figure class="xp-quote">
                            <blockquote lang={if q.lang == lang { None } else { Some(lang.code()) }}>{ q.text.get(lang) }</blockquote>
                            <figcaption>
                                { format!("{} — {}, {}", q.speaker.get(lang), q.place.get(lang), date(&q.date, lang)) }
                                if q.lang != lang { { format!(" ({})", t.translation) } }
                            </figcaption>
                        </figure>
                    }) }
                }
                if whole { <SourceList story={props.story.clone()} ids={b.sources} lang={lang} /> }
            </div>
        </section>
    }
}
