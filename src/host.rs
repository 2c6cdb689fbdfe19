//! What a host page asks of an explainer, read without a browser so it is tested natively:
//! `data-*` attribute fallbacks, deep-link fragments, and which item an id names.

use crate::components::Linked;
use crate::i18n::Lang;
use crate::state::{Selection, View};
use crate::story::Story;

/// The host's colour theme (applied by the stylesheet through `:host([data-theme])`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// A value read from an attribute, with the warning to log when it was not understood.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved<T> {
    /// The value used.
    pub value: T,
    /// Set when the attribute held something unknown and a fallback was used.
    pub warning: Option<String>,
}

fn unknown<T>(attr: &str, raw: &str, value: T, fallback: &str) -> Resolved<T> {
    let warning = Some(format!(
        "explainer: unknown {attr}=\"{raw}\", using {fallback}"
    ));
    Resolved { value, warning }
}

/// `data-lang`, else the language HTML gives the host (`page_lang`: its nearest `lang`), else
/// French, the story's own (also for a page language the explainer does not speak).
pub fn resolve_lang(attr: Option<&str>, page_lang: Option<&str>) -> Resolved<Lang> {
    let page = page_lang.and_then(Lang::from_code).unwrap_or_default();
    match attr.map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => match Lang::from_code(a) {
            Some(l) => Resolved {
                value: l,
                warning: None,
            },
            None => unknown("data-lang", a, page, page.code()),
        },
        None => Resolved {
            value: page,
            warning: None,
        },
    }
}

/// `data-view`: which view opens first (the diagram by default).
pub fn resolve_view(attr: Option<&str>) -> Resolved<View> {
    match attr.map(str::trim).filter(|a| !a.is_empty()) {
        None => Resolved {
            value: View::Diagram,
            warning: None,
        },
        Some(a) => match View::from_code(a) {
            Some(v) => Resolved {
                value: v,
                warning: None,
            },
            None => unknown("data-view", a, View::Diagram, "diagram"),
        },
    }
}

/// `data-theme`: `auto`, `light` or `dark`.
pub fn resolve_theme(attr: Option<&str>) -> Resolved<Theme> {
    match attr.map(|a| a.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") | Some("auto") => Resolved {
            value: Theme::Auto,
            warning: None,
        },
        Some("light") => Resolved {
            value: Theme::Light,
            warning: None,
        },
        Some("dark") => Resolved {
            value: Theme::Dark,
            warning: None,
        },
        Some(a) => unknown("data-theme", a, Theme::Auto, "auto"),
    }
}

/// The fragment key of an instance: `explainer` for the first, `explainer-<host id>` when
/// the host has an id, else `explainer-<n>` (1-based).
pub fn fragment_key(index: usize, host_id: Option<&str>) -> String {
    match host_id.map(str::trim).filter(|id| !id.is_empty()) {
        Some(id) => format!("explainer-{id}"),
        None if index == 0 => "explainer".into(),
        None => format!("explainer-{}", index + 1),
    }
}

/// The value of `key` in a fragment such as `#explainer=nvidia&explainer-2=ev-loi`. Keys
/// are compared percent-decoded: the browser writes a host id of other letters
/// (`explainer-schéma`) as `explainer-sch%C3%A9ma` in the address.
pub fn fragment_get(hash: &str, key: &str) -> Option<String> {
    hash.trim_start_matches('#')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| percent_decode(k) == key)
        .map(|(_, v)| percent_decode(v))
        .filter(|v| !v.is_empty())
}

/// `s` with every byte but letters, digits and `-._~` percent-encoded, as the browser would
/// write it in an address, and so that a host id with `&` or `=` cannot split its part.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let hex = |n: u8| char::from(b"0123456789ABCDEF"[usize::from(n)]);
            out.extend(['%', hex(b >> 4), hex(b & 15)]);
        }
    }
    out
}

/// `s` with its `%XX` escapes decoded (as UTF-8); anything else is kept as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, ..) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether the fragment is a client-side route (`#/article/42`, `#!/article/42`): the page's
/// router owns it, and a deep link added to it would send a reload or a shared link to a
/// route that does not exist. The explainer then leaves the address alone.
pub fn fragment_is_route(hash: &str) -> bool {
    hash.trim_start_matches('#').starts_with(['/', '!'])
}

/// The fragment with `key` set to `value` (or removed), other keys and other anchors kept.
pub fn fragment_set(hash: &str, key: &str, value: Option<&str>) -> String {
    let mut parts: Vec<String> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| {
            !p.is_empty()
                && p.split_once('=').map(|(k, _)| percent_decode(k)).as_deref() != Some(key)
        })
        .map(str::to_string)
        .collect();
    if let Some(v) = value {
        parts.push(format!("{}={v}", percent_encode(key)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

/// The page's address `href` with its fragment replaced by `fragment` (`"#…"`, or empty for
/// none). Absolute, because a relative address given to `history.replaceState` resolves
/// against the page's `<base href>`: every Angular app has `<base href="/">`, and there
/// `"#explainer=nvidia"` would turn an article's address into its site's home page.
pub fn with_fragment(href: &str, fragment: &str) -> String {
    let page = href.split_once('#').map_or(href, |(page, _)| page);
    format!("{page}{fragment}")
}

/// What a link to the story id `id` opens (the `change`-th link since the explainer
/// started): the item it names, else the open question; `None` if the story has neither.
/// Case and surrounding spaces are ignored: ids are lower case by the schema, and an
/// editor's link written `#explainer=NVIDIA` means the same item.
pub fn link_to(story: &Story, id: &str, change: u32) -> Option<Linked> {
    let id = id.trim().to_ascii_lowercase();
    let to = selection_for(story, &id);
    let question = story.questions.iter().any(|q| q.id == id);
    (to.is_some() || question).then(|| Linked {
        question: question.then_some(id),
        to,
        change,
        again: false,
    })
}

/// The item a story id names, whatever list it is in (ids are unique across lists).
pub fn selection_for(story: &Story, id: &str) -> Option<Selection> {
    if story.entity(id).is_some() {
        Some(Selection::Entity(id.into()))
    } else if story.relationship(id).is_some() {
        Some(Selection::Relationship(id.into()))
    } else if story.event(id).is_some() {
        Some(Selection::Event(id.into()))
    } else if story.bar(id).is_some() {
        Some(Selection::Bar(id.into()))
    } else {
        None
    }
}
