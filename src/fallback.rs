//! The story in brief, for where the explainer's shadow root is not drawn or not read: a
//! feed reader, which sanitizes the article's HTML and drops `<template>`; a browser older
//! than declarative shadow DOM, without JavaScript; a reader mode that reads the page's own
//! tree (Firefox's Reader View serializes it, shadow roots left out). There the whole
//! explainer was a blank. A pasted snippet carries it after its template, in its host's
//! light DOM (0.4 KB gzip for the shipped story): where the root is drawn it has no slot,
//! so the brief is neither shown nor read aloud. The code writes none for a minimal embed:
//! a child it added to an empty host would be a mismatch to a framework hydrating the page
//! after it (React, Vue), which then renders the page again or removes it.

use crate::components::escape_into;
use crate::format::{amount, date};
use crate::i18n::{question_state_name, status_name, ui, Lang};
use crate::story::Story;

/// The brief's class, on its one `<div>`.
pub const CLASS: &str = "explainer-fallback";

/// One block of the brief.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The title: a paragraph in `<strong>`.
    Title(String),
    /// A plain paragraph.
    Para(String),
    /// A bulleted list.
    List(Vec<String>),
}

/// The story in a few plain blocks: title, dek, the comparison's figures (each with its
/// status and date) and the open questions with their state, then a line saying where the
/// interactive explainer is. Plain elements only, no class beyond its own: the page's or
/// the reader's styles apply.
pub fn brief(story: &Story, lang: Lang) -> Vec<Block> {
    let mut out = vec![
        Block::Title(story.title.get(lang).to_owned()),
        Block::Para(story.dek.get(lang).to_owned()),
    ];
    if let Some(cmp) = &story.comparison {
        out.push(Block::Para(cmp.title.get(lang).to_owned()));
        let lines = cmp.groups.iter().flat_map(|g| {
            g.bars.iter().map(move |b| {
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
                line
            })
        });
        out.push(Block::List(lines.collect()));
    }
    if !story.questions.is_empty() {
        out.push(Block::Para(ui(lang).questions.to_owned()));
        let lines = story.questions.iter().map(|q| {
            format!(
                "{} ({})",
                q.question.get(lang),
                question_state_name(q.state, lang)
            )
        });
        out.push(Block::List(lines.collect()));
    }
    out.push(Block::Para(note(lang).to_owned()));
    out
}

/// The brief as HTML, for the pre-rendered snippet.
pub fn fallback(story: &Story, lang: Lang) -> String {
    let text = |out: &mut String, tag: &str, s: &str| {
        out.push_str(&format!("<{tag}>"));
        escape_into(out, s);
        out.push_str(&format!("</{tag}>"));
    };
    let mut out = format!("<div class=\"{CLASS}\">");
    for block in brief(story, lang) {
        match block {
            Block::Title(s) => {
                out.push_str("<p>");
                text(&mut out, "strong", &s);
                out.push_str("</p>");
            }
            Block::Para(s) => text(&mut out, "p", &s),
            Block::List(lines) => {
                out.push_str("<ul>");
                lines.iter().for_each(|l| text(&mut out, "li", l));
                out.push_str("</ul>");
            }
        }
    }
    out.push_str("</div>");
    out
}

/// Where the rest is. Read in a feed, in a reader mode or in an old browser: each may have
/// JavaScript or not, so it says where the explainer shows rather than what is missing.
fn note(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "L’explication interactive (le schéma, la chronologie, les réponses et leurs sources) est sur la page de l’article, dans un navigateur avec JavaScript.",
        Lang::En => "The interactive explainer (the diagram, the timeline, the answers and their sources) is on the article’s page, in a browser with JavaScript.",
    }
}
