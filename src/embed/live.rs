//! The page's mounted explainers: running ones (their app and its props) and pre-rendered
//! ones still to hydrate. What the page does to a host after mount reaches its explainer
//! from here: removing the host unmounts it, a link to one of its items opens that item
//! (see `address`), and a new `data-lang` or `data-view` switches it.

use std::cell::RefCell;

use web_sys::Element;

use super::input::Listeners;
use super::lazy::{run, Pending};
use super::{warn, MOUNTED, READY};
use crate::components::{App, AppProps, Asked, Linked};
use crate::host::{link_to, resolve_lang, resolve_view};

/// A running explainer.
pub(super) struct Live {
    /// Its host element.
    pub host: Element,
    /// Its app.
    pub app: yew::AppHandle<App>,
    /// The props it was last given, to give it again with a change.
    pub props: AppProps,
    /// The host's attributes, as they were when `props` were made from them.
    pub attrs: Attrs,
}

/// What a host's explainer follows of its attributes: its `data-lang` and `data-view`, and
/// the page's language around it (the language when the host names none).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Attrs {
    lang: Option<String>,
    view: Option<String>,
    page_lang: Option<String>,
}

impl Attrs {
    /// The attributes as they are now.
    pub(super) fn of(host: &Element) -> Self {
        Attrs {
            lang: host.get_attribute("data-lang"),
            view: host.get_attribute("data-view"),
            page_lang: language_of(host),
        }
    }

    /// The language and view they ask for (defaults where unknown), with their warnings.
    pub(super) fn resolve(&self) -> (crate::i18n::Lang, crate::state::View, Vec<String>) {
        let lang = resolve_lang(self.lang.as_deref(), self.page_lang.as_deref());
        let view = resolve_view(self.view.as_deref());
        let warnings = [lang.warning, view.warning].into_iter().flatten().collect();
        (lang.value, view.value, warnings)
    }
}

/// The language HTML gives `el`: the `lang` of the nearest element, itself included, that has
/// one (an English section of a French page is English). Hosts are found in the document, so
/// no shadow root lies between.
fn language_of(el: &Element) -> Option<String> {
    el.closest("[lang]").ok().flatten()?.get_attribute("lang")
}

thread_local! {
    /// Running explainers.
    static LIVE: RefCell<Vec<Live>> = const { RefCell::new(Vec::new()) };
    /// Pre-rendered explainers: the hydration still to run (taken when it runs, dropped if
    /// the host leaves first) and the loader's listeners, removed when the host leaves.
    static PRERENDERED: RefCell<Vec<(Element, Pending, Listeners)>> = const { RefCell::new(Vec::new()) };
}

/// Notes an explainer that has just been rendered or hydrated, then has it follow what the
/// page changed of its attributes meanwhile (before its stylesheet loaded, say).
pub(super) fn running(live: Live) {
    LIVE.with(|l| l.borrow_mut().push(live));
    follow_attributes(&[]);
}

/// Notes a pre-rendered explainer whose hydration waits (see `input::when_needed`).
pub(super) fn waiting(host: &Element, pending: Pending, listeners: Listeners) {
    PRERENDERED.with(|p| p.borrow_mut().push((host.clone(), pending, listeners)));
}

/// Unmounts every explainer whose host has left the page (a single-page app moving on to
/// another article): its components and what they hold go (Yew keeps only its few delegated
/// listeners on the removed element), and a host put back later is mounted afresh. A host
/// moved within the page is connected again by the time this runs (after the task that
/// moved it), and keeps its state. A pre-rendered one never hydrated loses its pending
/// hydration.
pub(super) fn unmount_removed() {
    let gone: Vec<_> = LIVE.with(|live| {
        live.borrow_mut()
            .extract_if(.., |l| !l.host.is_connected())
            .collect()
    });
    super::address::forget_removed();
    for l in gone {
        l.app.destroy();
        release(&l.host);
    }
    let gone: Vec<_> = PRERENDERED.with(|p| {
        p.borrow_mut()
            .extract_if(.., |(host, ..)| !host.is_connected())
            .collect()
    });
    // Dropping each entry removes the loader's listeners; dropping a hydration not yet run
    // drops what it holds: the story, the pre-rendered nodes. (A hydrated one was released
    // above, with its app.)
    for (host, go, _listeners) in gone {
        if go.borrow_mut().take().is_some() {
            release(&host);
        }
    }
}

/// Empties a host that has left the page and unmarks it, so one put back is mounted again.
/// (Yew leaves a destroyed app's nodes in place; a put-back host must not show stale state.)
fn release(host: &Element) {
    if let Some(shadow) = super::shadow_of(host) {
        // Not innerHTML: a page enforcing Trusted Types refuses even an empty string.
        shadow.set_text_content(None);
    }
    let _ = host.remove_attribute(MOUNTED);
    let _ = host.remove_attribute(READY);
}

/// The page's address came to link `host`'s explainer to the item or open question `id` (a
/// link in the article's text, Back), or (`again`) the reader followed a link to the address
/// it has: a running explainer opens it and brings it into view, as a deep link does at
/// load; a pre-rendered one not hydrated yet is hydrated now to do so; one still waiting for
/// its stylesheet selects it once drawn.
pub(super) fn follow_link(
    host: &Element,
    linked: &RefCell<Option<String>>,
    pending: &Option<Pending>,
    id: String,
    again: bool,
) {
    let running = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let Some(Live { app, props, .. }) = live.iter_mut().find(|l| l.host == *host) else {
            return false;
        };
        if let Ok(story) = &*props.story.0 {
            if let Some(linked) = link_to(story, &id, props.linked.change + 1) {
                props.linked = Linked { again, ..linked };
                app.update(props.clone());
            }
        }
        true
    });
    if running {
        return;
    }
    *linked.borrow_mut() = Some(id);
    if let Some(pending) = pending {
        run(pending);
    }
}

/// The page changed a host's `data-lang` or `data-view`, or its own `lang` (a bilingual
/// page's language switch, its own link to the timeline): each explainer whose attributes
/// now ask for another language or view switches to it, as if the reader had chosen it. A
/// pre-rendered one not hydrated yet is hydrated first (in the language and view it was
/// drawn in), then switched. A host's attribute the page `set` to the value it had is the
/// page asking again (its button pressed once more, after the reader chose another view):
/// the explainer switches back. (Not the page's `lang`, which says what the page is written
/// in.) Called for every change the page's observer sees: reads two attributes per
/// explainer, and warns only of a value that changed.
pub(super) fn follow_attributes(set: &[(Element, String)]) {
    let due: Vec<Pending> = PRERENDERED.with(|p| {
        p.borrow()
            .iter()
            .filter(|(host, pending, _)| {
                pending.borrow().is_some() && {
                    let (lang, view, _) = Attrs::of(host).resolve();
                    !super::drawn_in(host, lang, view)
                }
            })
            .map(|(_, pending, _)| pending.clone())
            .collect()
    });
    // Each adds itself to the running explainers, and switches there.
    due.iter().for_each(run);
    LIVE.with(|live| {
        for l in live.borrow_mut().iter_mut() {
            let now = Attrs::of(&l.host);
            let was_set =
                |name: &str| u32::from(set.iter().any(|(e, n)| *e == l.host && n == name));
            let asked = Asked {
                lang: l.props.asked.lang + was_set("data-lang"),
                view: l.props.asked.view + was_set("data-view"),
            };
            if now == l.attrs && asked == l.props.asked {
                continue;
            }
            let (lang, view, warnings) = now.resolve();
            if now != l.attrs {
                warnings.iter().for_each(|w| warn(w));
            }
            l.attrs = now;
            if (lang, view, asked) != (l.props.lang, l.props.view, l.props.asked) {
                (l.props.lang, l.props.view, l.props.asked) = (lang, view, asked);
                // Rendered in a microtask, after this loop.
                l.app.update(l.props.clone());
            }
        }
    });
}
