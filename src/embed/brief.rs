//! The story in brief ([`crate::fallback`]) for an explainer the code draws afresh, written
//! as a pasted snippet carries it: light DOM of the element holding the shadow root. A
//! minimal embed (an empty host) had none, and a reader mode that reads the page's own tree
//! (Firefox's Reader View) gave nothing of the explainer there.

use web_sys::{Document, Element};

use crate::fallback::{brief, Block, CLASS};
use crate::i18n::Lang;
use crate::story::Story;

/// Writes the brief of `story` in `lang` beside `host`'s explainer (in the element holding
/// its shadow root), replacing one there (a snippet's, or one written before: each may tell
/// another story or language). Built node by node: a page enforcing Trusted Types refuses
/// HTML strings.
pub(super) fn write(host: &Element, story: &Story, lang: Lang) {
    let Some(holder) = super::shadow_of(host).map(|s| s.host()) else {
        return;
    };
    let Some(div) = holder
        .owner_document()
        .and_then(|doc| build(&doc, story, lang))
    else {
        return;
    };
    match holder.query_selector(&format!(":scope > .{CLASS}")) {
        Ok(Some(old)) => {
            let _ = old.replace_with_with_node_1(&div);
        }
        _ => {
            let _ = holder.append_with_node_1(&div);
        }
    }
}

fn build(doc: &Document, story: &Story, lang: Lang) -> Option<Element> {
    let el = |tag: &str, text: Option<&str>| -> Option<Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(text);
        Some(e)
    };
    let div = el("div", None)?;
    div.set_attribute("class", CLASS).ok()?;
    for block in brief(story, lang) {
        let node = match &block {
            Block::Title(s) => {
                let p = el("p", None)?;
                let strong = el("strong", Some(s))?;
                p.append_with_node_1(&strong).ok()?;
                p
            }
            Block::Para(s) => el("p", Some(s))?,
            Block::List(lines) => {
                let ul = el("ul", None)?;
                for l in lines {
                    let li = el("li", Some(l))?;
                    ul.append_with_node_1(&li).ok()?;
                }
                ul
            }
        };
        div.append_with_node_1(&node).ok()?;
    }
    Some(div)
}
