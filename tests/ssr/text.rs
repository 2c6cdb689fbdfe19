//! The sources' lines and languages, and French punctuation.

use crate::common::esc;

use explainer::i18n::Lang;
use explainer::render_html;
use explainer::state::View;
use explainer::story::{load, EMBEDDED_JSON};

#[test]
fn each_source_date_is_its_own_line_of_its_link_in_the_page_language_then_the_new_tab_note() {
    // Between two links' 44 px targets a date read as the next source's: it is the last line
    // of its own link (or unlinked entry), and in the page's language even in an English
    // title's link. The all-sources list shows every source once.
    let story = load(EMBEDDED_JSON).expect("the shipped story loads");
    for lang in [Lang::Fr, Lang::En] {
        let html = render_html(EMBEDDED_JSON, lang, View::Diagram, 375, false, true);
        let list = &html[html.find("xp-all-sources").expect("the all-sources list")..];
        let (mut dated, mut foreign) = (0, 0);
        for s in &story.sources {
            let Some(d) = &s.date else { continue };
            dated += 1;
            let title = esc(&format!("{} — {}", s.publisher, s.title));
            let at = list
                .find(&format!("<span class=\"xp-src-title\">{title}</span>"))
                .unwrap_or_else(|| panic!("{lang:?}: no title line for {}", s.id));
            let entry = &list[at..list[at..].find("</li>").map_or(list.len(), |e| at + e)];
            let other = s
                .lang
                .as_deref()
                .is_some_and(|l| !l.starts_with(lang.code()));
            foreign += usize::from(other);
            let attr = if other {
                format!(" lang=\"{}\"", lang.code())
            } else {
                String::new()
            };
            // A link ends by saying, in the page's language, that it opens a new tab.
            let end = match s.url {
                Some(_) => format!(
                    "<span{attr} class=\"xp-vh\">{}</span></a>",
                    esc(explainer::i18n::ui(lang).new_tab)
                ),
                None => "</span>".to_string(),
            };
            let line = format!(
                "<span{attr} class=\"xp-src-date\">{}</span>{end}",
                esc(&explainer::format::date(d, lang))
            );
            assert!(
                entry.contains(&line),
                "{lang:?}: {} does not end with {line}: {entry}",
                s.id
            );
        }
        assert!(
            dated > 0 && foreign > 0,
            "the shipped story dates sources in both languages"
        );
        assert!(
            !list.contains("</a>, ") && !list.contains("</span>, "),
            "{lang:?}: a line starts with a comma"
        );
    }
}

#[test]
fn source_titles_carry_their_own_language() {
    // English titles on the French page, the French article's title on the English one:
    // each link says its language, so a screen reader switches voice.
    let fr = render_html(EMBEDDED_JSON, Lang::Fr, View::Diagram, 1280, false, true);
    assert!(
        fr.contains("lang=\"en\" target=\"_blank\" rel=\"noopener noreferrer\"><span class=\"xp-src-title\">Fortune — Microsoft invests $1 billion in OpenAI</span>"),
        "an English title on the French page"
    );
    let en = render_html(EMBEDDED_JSON, Lang::En, View::Diagram, 1280, false, true);
    assert!(
        en.contains("<span lang=\"fr\" class=\"xp-src\"><span class=\"xp-src-title\">Steven Soarez (article d’origine) — Nvidia et OpenAI"),
        "the French article on the English page"
    );
}

/// French sets a space before : ; ? ! and inside « »: every French text a reader sees or
/// hears (the interface's words, the story's, the labels a screen reader speaks) keeps it
/// no-break, so that a line never starts with the mark.
#[test]
fn french_text_keeps_its_punctuation_on_the_line() {
    let html = render_html(EMBEDDED_JSON, Lang::Fr, View::Diagram, 375, false, true);
    // Text nodes (no stylesheet or script), then each aria-label's value.
    let mut texts = Vec::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        texts.push(&rest[..open]);
        let skip = ["style", "script"]
            .into_iter()
            .find(|t| rest[open + 1..].starts_with(t))
            .and_then(|t| rest[open..].find(&format!("</{t}>")))
            .unwrap_or(0);
        let tag_end = rest[open + skip..]
            .find('>')
            .map_or(rest.len(), |e| open + skip + e + 1);
        let tag = &rest[open..tag_end];
        for label in tag.split("aria-label=\"").skip(1) {
            texts.push(label.split('"').next().unwrap_or_default());
        }
        rest = &rest[tag_end..];
    }
    texts.push(rest);
    let mut bad = Vec::new();
    for t in texts {
        for mark in [" :", " ;", " ?", " !", " »", "« "] {
            if let Some(at) = t.find(mark) {
                let from = t[..at].char_indices().rev().nth(20).map_or(0, |(i, _)| i);
                let to = t[at..]
                    .char_indices()
                    .nth(12)
                    .map_or(t.len(), |(i, _)| at + i);
                bad.push(t[from..to].to_string());
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
