//! What a pre-rendered host shows where its declarative shadow root is not drawn: in a feed
//! reader, which sanitizes the article's HTML and drops `<template>`; in a browser older than
//! declarative shadow DOM, without JavaScript; in a reader mode that reads the page's own
//! tree. There the whole explainer was a blank. This is light DOM inside the host, after the
//! template: where the shadow root is drawn it has no slot, so it is neither shown nor read
//! aloud, and costs the page its bytes only (0.4 KB gzip for the shipped story).

use crate::components::escape_into;
use crate::format::{amount, date};
use crate::i18n::{question_state_name, status_name, ui, Lang};
use crate::story::Story;

/// The story in a few plain lines: title, dek, the comparison's figures (each with its
/// status and date) and the open questions with their state, then a line saying that the
/// interactive explainer needs a browser with JavaScript. Plain elements only, no class
/// beyond its own: the page's or the feed reader's styles apply.
pub fn fallback(story: &Story, lang: Lang) -> String {
    let mut out = String::from("<div class=\"explainer-fallback\">");
    let text = |out: &mut String, tag: &str, s: &str| {
        out.push_str(&format!("<{tag}>"));
        escape_into(out, s);
        out.push_str(&format!("</{tag}>"));
    };
    out.push_str("<p>");
    text(&mut out, "strong", story.title.get(lang));
    out.push_str("</p>");
    text(&mut out, "p", story.dek.get(lang));
    if let Some(cmp) = &story.comparison {
        text(&mut out, "p", cmp.title.get(lang));
        out.push_str("<ul>");
        for g in &cmp.groups {
            for b in &g.bars {
                let mut line = format!(
                    "{}, {}{}{} ({}",
                    g.label.get(lang),
                    b.label.get(lang),
                    ui(lang).colon,
                    amount(&b.amount, lang),
                    status_name(b.status, lang)
                );
                if let Some(d) = &b.date {
                    line.push_str(&format!(", {}", date(d, lang)));
                }
                line.push(')');
                text(&mut out, "li", &line);
            }
        }
        out.push_str("</ul>");
    }
    if !story.questions.is_empty() {
        text(&mut out, "p", ui(lang).questions);
        out.push_str("<ul>");
        for q in &story.questions {
            let line = format!(
                "{} ({})",
                q.question.get(lang),
                question_state_name(q.state, lang)
            );
            text(&mut out, "li", &line);
        }
        out.push_str("</ul>");
    }
    text(&mut out, "p", note(lang));
    out.push_str("</div>");
    out
}

/// Where the rest is.
fn note(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "L’explication interactive (le schéma, la chronologie, les réponses et leurs sources) s’affiche dans un navigateur avec JavaScript.",
        Lang::En => "The interactive explainer (the diagram, the timeline, the answers and their sources) shows in a browser with JavaScript.",
    }
}
