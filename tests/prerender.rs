//! The pre-rendered HTML carries the whole story, readable with no JavaScript, in a
//! declarative shadow root the loader hydrates.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::esc;

use explainer::describe::relationship_name;
use explainer::i18n::Lang;
use explainer::prerender::{
    ascii_css, fill_page, frame_page, host_markup, loader, reading_mode, snippet, story_notices,
    story_problems, style_hash, Assets,
};
use explainer::story::{load, EMBEDDED_JSON};

fn assets() -> Assets {
    Assets {
        js: "explainer-abc.js".into(),
        wasm: "explainer-abc_bg.wasm".into(),
        css: "explainer-abc.css".into(),
        css_text: ".xp-root{color:red}".into(),
    }
}

#[test]
fn where_the_shadow_root_is_not_drawn_the_host_still_tells_the_story_in_brief() {
    // A feed reader drops `<template>`; so does a browser older than declarative shadow DOM
    // without JavaScript. What is left of the host, after its template, is its light DOM.
    let story = load(EMBEDDED_JSON).unwrap();
    let cmp = story.comparison.as_ref().unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let html = host_markup(lang, "", &assets());
        let light = html
            .split("</template>")
            .nth(1)
            .expect("light DOM after the template");
        let has = |s: &str, what: &str| {
            assert!(light.contains(&esc(s)), "{lang:?}: {what} {s:?} missing")
        };
        has(story.title.get(lang), "title");
        has(story.dek.get(lang), "dek");
        for b in cmp.groups.iter().flat_map(|g| &g.bars) {
            has(b.label.get(lang), "bar");
            has(&explainer::format::amount(&b.amount, lang), "figure");
        }
        for q in &story.questions {
            has(q.question.get(lang), "question");
        }
        // Plain lines, small: a page pays for them in every load.
        assert!(
            !light.contains("<template") && !light.contains("<script") && !light.contains("<style")
        );
        assert!(light.len() < 4096, "{} bytes", light.len());
    }
    let day = |lang| explainer::format::date("2025-09-22", lang);
    let (en, fr) = (day(Lang::En), day(Lang::Fr));
    assert!(host_markup(Lang::En, "", &assets()).contains(&format!("(superseded, {en})")));
    assert!(host_markup(Lang::Fr, "", &assets()).contains(&format!("(remplacé, {fr})")));
}

#[test]
fn prerendered_html_holds_every_item_in_each_language() {
    let story = load(EMBEDDED_JSON).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let html = host_markup(lang, "", &assets());
        let has =
            |s: &str, what: &str| assert!(html.contains(&esc(s)), "{lang:?}: {what} {s:?} missing");
        for e in &story.entities {
            has(e.name.get(lang), "entity");
        }
        for r in &story.relationships {
            has(&relationship_name(&story, r, lang), "relationship");
            has(r.label.get(lang), "relationship label");
        }
        for e in &story.events {
            has(e.title.get(lang), "event");
            has(e.text.get(lang), "event text");
        }
        for q in &story.questions {
            has(q.question.get(lang), "question");
            has(q.answer.get(lang), "answer");
        }
        for s in &story.sources {
            has(&s.title, "source");
            if let Some(url) = &s.url {
                assert!(
                    html.contains(&format!("href=\"{}\"", esc(url))),
                    "{lang:?}: no link to {url}"
                );
            }
        }
        assert_eq!(
            html.matches("<details").count(),
            story.questions.len() + 2,
            "a disclosure per question, the data table and all sources"
        );
        assert!(html.contains("<table"), "data table");
        assert!(html.contains("<template shadowrootmode=\"open\">"));
        assert!(html.contains(&format!(
            "data-lang=\"{}\" data-view=\"diagram\"",
            lang.code()
        )));
        assert!(html.contains("<noscript><link rel=\"stylesheet\" crossorigin=\"anonymous\" href=\"static.css\"></noscript>"));
        assert!(html.contains("<!--<["), "hydration markers");
        assert_eq!(
            html.matches("role=\"tabpanel\"").count(),
            4,
            "every view is in the HTML"
        );
    }
}

#[test]
fn snippet_page_and_loader_use_the_build_names() {
    let a = assets();
    let s = snippet(Lang::En, "https://cdn.example/x/", &a);
    // The stylesheet is inline (no round trip before the first paint); the rest is linked.
    assert!(s.contains(
        "<template shadowrootmode=\"open\"><svg class=\"xp-css\" width=\"0\" height=\"0\" aria-hidden=\"true\"><style class=\"darkreader\">.xp-root{color:red}</style></svg>"
    ));
    // Parsed as SVG there, the sheet's `&` and `<` are escaped, so its text (and the CSP
    // hash of it) is the file's.
    let odd = Assets {
        css_text: ".a::after{content:\"<&>\"}".into(),
        ..assets()
    };
    assert!(snippet(Lang::En, "", &odd)
        .contains("<style class=\"darkreader\">.a::after{content:\"&lt;&amp;>\"}</style></svg>"));
    assert!(s.contains("href=\"https://cdn.example/x/static.css\""));
    assert!(s.contains("<script type=\"module\" src=\"https://cdn.example/x/embed.js\"></script>"));
    // The drawing names the build that drew it, as the loader names its own: a later build
    // draws afresh what an older one pre-rendered.
    assert!(s.contains("class=\"xp-mount\" data-lang=\"en\" data-view=\"diagram\" data-width=\"0\" data-build=\"abc\">"));
    let page = "<main><p>a</p><div data-explainer data-lang=\"fr\"></div><p>b</p></main>";
    let filled = fill_page(page, Lang::Fr, &a).unwrap();
    assert!(filled.starts_with("<main><p>a</p><div data-explainer data-lang=\"fr\"><template"));
    assert!(filled.ends_with("</div></div><p>b</p></main>"));
    assert!(filled.contains("</template><div class=\"explainer-fallback\">"));
    assert!(fill_page("<p>none</p>", Lang::Fr, &a).is_none());
    let js = loader(&a);
    assert!(
        js.contains("new URL('explainer-abc.js', base)")
            && js.contains("'explainer-abc_bg.wasm'")
            && js.contains("'explainer-abc.css'")
            && js.contains("const BUILD = 'abc';")
    );
    assert!(!js.contains("{{"));
}

#[test]
fn the_frame_page_is_titled_and_described_by_its_story() {
    // A reader may open or share the frame's address alone: its title and description are
    // the story's own, whatever story is built in, not a fixed one.
    let story = load(EMBEDDED_JSON).unwrap();
    for (lang, prefix) in [
        (Lang::Fr, "Explication interactive\u{a0}: "),
        (Lang::En, "Interactive explainer: "),
    ] {
        let page = frame_page(lang, &assets());
        let title = format!("<title>{prefix}{}</title>", esc(story.title.get(lang)));
        assert!(page.contains(&title), "{lang:?}: {title} in\n{page:.400}");
        let description = format!(
            "<meta name=\"description\" content=\"{}\">",
            esc(story.dek.get(lang))
        );
        assert!(page.contains(&description), "{lang:?}: {description}");
        assert!(page.contains(&format!("<html lang=\"{}\">", lang.code())));
    }
}

#[test]
fn prerendered_diagram_has_every_stack_count_and_the_phone_drawings() {
    use explainer::layout::{fits, layout};
    let story = load(EMBEDDED_JSON).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let widths: Vec<u32> = fits(&story, lang).into_iter().map(|(w, _)| w).collect();
        let stacks: Vec<usize> = widths
            .iter()
            .map(|&w| layout(&story, lang, w).stacks)
            .collect();
        // Drawings in one stack for the phones (each wider phone spreads the edges over
        // one more lane column), then at least one per count of stacks side by side (one
        // per round of lane columns up to the widest column beside the panel: see
        // `layout::fits`).
        assert!(
            stacks.iter().filter(|&&s| s == 1).count() >= 2,
            "{lang:?}: {stacks:?}"
        );
        let most = stacks.iter().max().copied().unwrap_or(1);
        assert!(most >= 3, "{lang:?}: {stacks:?}");
        for count in 1..=most {
            assert!(
                stacks.contains(&count),
                "{lang:?}: no drawing of {count} stacks"
            );
        }
        assert!(stacks.is_sorted(), "{lang:?}: {stacks:?}");
        // Every wider bucket keeps its fit's height: hydrating at the real width shifts nothing.
        for w in (280..=1280).step_by(40) {
            let fit = widths.iter().rev().find(|&&f| f <= w).unwrap();
            assert_eq!(
                layout(&story, lang, w).height,
                layout(&story, lang, *fit).height,
                "{lang:?} at {w} vs fit {fit}"
            );
        }
        let html = host_markup(lang, "", &assets());
        for w in &widths {
            assert!(
                html.contains(&format!("class=\"xp-fit f{w}\"")),
                "{lang:?}: fit {w} missing"
            );
        }
    }
}

#[test]
fn the_stylesheet_shows_each_drawing_from_the_column_its_live_layout_starts_at() {
    // Before the code, the stylesheet picks the drawing; after, `bucket` picks the layout.
    // If they disagreed about a column, hydration would redraw what the reader sees, and a
    // narrow column would show a drawing scaled down, its targets under 44 px.
    use explainer::state::{bucket, NARROW, NARROWEST};
    let css = include_str!("../style/explainer.css");
    let words = css.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(".xp-fits > .xp-fit:first-child { display: block; }"));
    for w in std::iter::once(NARROW).chain((280..=1240).step_by(40)) {
        let from = (0..=1280).find(|&c| bucket(c) == w).unwrap();
        let rule = format!(
            "@container (min-width: {from}px) {{ .xp-fits > .f{w} {{ display: block; }} \
             .xp-fits > .xp-fit:has(~ .f{w}) {{ display: none; }} }}"
        );
        assert!(words.contains(&rule), "no rule: {rule}");
    }
    // The narrowest drawing comes first: below every rule, the first child shows.
    assert_eq!(bucket(0), NARROWEST);
    let story = load(EMBEDDED_JSON).unwrap();
    assert_eq!(explainer::layout::fits(&story, Lang::Fr)[0].0, NARROWEST);
}

#[test]
fn the_stylesheet_is_ascii_so_any_page_encoding_reads_it() {
    let css = "a::after{content:\"\u{a0}\u{2197}\"/\"\"}b::before{content:\"\u{25b8}x\"}";
    let out = ascii_css(css);
    assert!(out.is_ascii(), "{out}");
    assert_eq!(
        out,
        "a::after{content:\"\\a0 \\2197 \"/\"\"}b::before{content:\"\\25b8 x\"}"
    );
    assert_eq!(ascii_css("plain{color:red}"), "plain{color:red}");
}

#[test]
fn the_csp_hash_is_the_sha256_of_the_inline_stylesheet() {
    // Known digests (as printed by `openssl dgst -sha256 -binary | base64`).
    assert_eq!(
        style_hash(""),
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    );
    assert_eq!(
        style_hash("abc"),
        "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
    );
}

#[test]
fn page_cleaning_works_on_plain_and_minified_html() {
    // Trunk's release output is minified: unquoted attributes, reordered, one line. A missed
    // stylesheet link would block the article's first paint.
    let plain = "<!doctype html>\n<html lang=\"en\">\n<head>\n<link rel=\"stylesheet\" href=\"./explainer-1.css\" integrity=\"x\"/>\n<link data-trunk rel=\"rust\" data-bin=\"explainer\">\n<link rel=\"icon\" href=\"favicon.svg\">\n</head><body></body></html>";
    let minified = "<!doctype html><html lang=en><link href=./explainer-1.css integrity=x rel=stylesheet><link data-bin=explainer data-trunk data-trunk-id=2 rel=rust><link href=favicon.svg rel=icon></head><body></body>";
    for page in [plain, minified] {
        let clean = explainer::prerender::clean_page(page, "explainer-1.css");
        assert!(!clean.contains("explainer-1.css"), "{clean}");
        assert!(!clean.contains("rust"), "{clean}");
        assert!(clean.contains("favicon.svg"), "other links stay: {clean}");
        assert_eq!(
            explainer::prerender::page_lang(page),
            explainer::i18n::Lang::En
        );
    }
    // Read as the live code reads a page's language: `lang` itself, in any case, with a
    // region; French unless it says English.
    for (page, want) in [
        ("<html lang=fr><body>lang=en</body>", Lang::Fr),
        ("<html data-lang=en lang='FR-ca'>", Lang::Fr),
        ("<html xml:lang=\"fr\" lang=\"EN\">", Lang::En),
        ("<html lang=de>", Lang::Fr),
        ("<HTML LANG=\"en-GB\">", Lang::En),
        ("<html lang=\"\">", Lang::Fr),
        ("<html><body lang=en>", Lang::Fr),
    ] {
        assert_eq!(explainer::prerender::page_lang(page), want, "{page}");
    }
}

#[test]
fn a_story_with_mistakes_is_named_for_the_build_line_by_line() {
    // The shipped story builds.
    assert_eq!(story_problems(EMBEDDED_JSON), None);
    let report = |s: &serde_json::Value| story_problems(&s.to_string()).expect("mistakes");
    let lists = |text: &str, lines: &[&str]| {
        for line in lines {
            assert!(text.contains(line), "{line:?} missing from:\n{text}");
        }
    };
    // An editor's two slips: a figure typed as text, an entity id that does not exist.
    let mut story: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    story["relationships"][0]["amount"]["value"] = "3O".into();
    story["relationships"][1]["to"] = "opnai".into();
    let text = report(&story);
    assert!(
        text.starts_with("the story (src/story/story.json) has "),
        "{text}"
    );
    lists(
        &text,
        &["relationships[0].amount.value: expected a number, found the text \"3O\""],
    );
    // The type error stops the reading: the second slip shows once the first is mended,
    // and every slip the checks find is listed, one per line.
    story["relationships"][0]["amount"]["value"] = 100.into();
    lists(
        &report(&story),
        &["has 1 mistake:\n  relationships[1].to: unknown entity id"],
    );
    story["relationships"][2]["from"] = "nvdia".into();
    lists(
        &report(&story),
        &[
            "has 2 mistakes:\n  relationships[1].to: unknown entity id",
            "\n  relationships[2].from: unknown entity id",
        ],
    );
}

#[test]
fn a_date_after_the_as_of_date_is_noted_for_the_build_without_stopping_it() {
    // The shipped story has none.
    assert_eq!(story_notices(EMBEDDED_JSON), None);
    let mut story: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    // A year mistyped (2062 for 2026) in an event, a source dated the month after as_of
    // (2026-05-31), and dates that may fall within it: its month, its year.
    story["events"][1]["date"] = "2062-02-01".into();
    story["sources"][0]["date"] = "2026-06".into();
    story["events"][0]["date"] = "2026-05".into();
    story["relationships"][0]["date"] = "2026".into();
    let text = story_notices(&story.to_string()).expect("notes");
    assert_eq!(
        text,
        "the story (src/story/story.json) has a date after its as-of date:\n  \
         events[1].date: after the as-of date, \"2026-05-31\": a planned date, or a typing \
         mistake? (found: \"2062-02-01\")\n  \
         sources[0].date: after the as-of date, \"2026-05-31\": a planned date, or a typing \
         mistake? (found: \"2026-06\")"
    );
    // The story still loads: the explainer shows it as written.
    assert!(explainer::story::load(&story.to_string()).is_ok());
}

#[test]
fn the_article_page_carries_its_loader_inline_or_the_build_says_why_not() {
    use explainer::prerender::inline_loader;
    let js = "const e=new URL(\".\",import.meta.url);go(e)\n";
    // As written in the source page, and as the minifier rewrites it.
    for page in [
        "<main><div data-explainer></div></main>\n<script type=\"module\" src=\"embed.js\"></script>\n</body>",
        "<main><div data-explainer></div></main><script src=embed.js type=module></script></body>",
    ] {
        let out = inline_loader(page, js).unwrap();
        assert!(!out.contains("embed.js"), "no request for the loader: {out}");
        assert!(
            out.contains("<script type=\"module\">const e=new URL(\".\",import.meta.url);go(e)</script>"),
            "{out}"
        );
        assert!(out.ends_with("</script></body>") || out.ends_with("</script>\n</body>"));
    }
    // Other scripts stay as they are; only the loader's tag is replaced.
    let two =
        "<script src=frame.js type=module></script><script src=embed.js type=module></script>";
    assert_eq!(
        inline_loader(two, "x()").unwrap(),
        "<script src=frame.js type=module></script><script type=\"module\">x()</script>"
    );
    // A page without the loader, or code that would end the inline script early, stops
    // the build with a message instead of shipping a page that cannot load the explainer.
    assert!(inline_loader("<p>no loader</p>", js)
        .unwrap_err()
        .contains("embed.js"));
    let closing = inline_loader(two, "s='</SCRIPT>'").unwrap_err();
    assert!(closing.contains("cannot be inlined"), "{closing}");
}

/// Reading mode (a snippet whose loader never ran, paper, and as `static.css` pages without
/// JavaScript) hides the tabs and shows every view and the note; the build finds its rules
/// in the minified stylesheet too. The loader-less one waits for the very attribute the
/// loader sets on every host, and paper drops the note.
#[test]
fn reading_mode_is_one_set_of_rules_for_pages_without_script_a_missing_loader_and_paper() {
    let css = include_str!("../style/explainer.css");
    let reading = reading_mode(css).expect("reading mode");
    let words = reading.split_whitespace().collect::<Vec<_>>().join(" ");
    for rule in [
        ".xp-tabs, .xp-lang, .xp-hint, .xp-side-hint { display: none !important; }",
        ".xp-view[hidden] { display: block !important; }",
        ".xp-static-note { display: block !important;",
    ] {
        assert!(words.contains(rule), "{rule} in {words}");
    }
    assert!(!reading.contains("@container"), "{reading}");
    let minified = ".a{b:c}@container style(--xp-read:1){.d{e:f}.g::after{content:\"}\"}}.h{i:j}";
    assert_eq!(
        reading_mode(minified).unwrap().lines().nth(1),
        Some(".d{e:f}.g::after{content:\"}\"}")
    );
    // A comment may hold a quote or a brace: neither opens nor closes anything.
    let commented = ".a{b:c}@container style(--xp-read: 1) {\n  /*/ the diagram's } */\n  .d { e: f; }\n}\n.h{i:j}";
    assert_eq!(
        reading_mode(commented)
            .unwrap()
            .lines()
            .last()
            .map(str::trim),
        Some(".d { e: f; }")
    );
    assert_eq!(reading_mode(".a{b:c}"), None);
    assert!(css.contains(
        ":host(:not([data-explainer-loader], [data-explainer-shadow])) .xp-root { animation: xp-read"
    ));
    assert!(
        include_str!("../src/js/embed.js").contains("setAttribute('data-explainer-loader', '')")
    );
    let print = &css[css.find("@media print {").unwrap()..];
    assert!(print.contains(".xp-root { --xp-read: var(--xp-print-read, 1); }"));
    assert!(print.contains(".xp-static-note { display: none !important; }"));
}

/// The dark palette is written twice in the stylesheet: for a page or reader that asks for
/// it (or a browser that darkens pages), and for a dark system where the page asks for
/// neither. Each sits under its own media query, which CSS cannot share between the two
/// selectors; a colour edited in one only would make the explainer two different darks.
#[test]
fn the_dark_palette_asked_for_is_the_one_a_dark_system_gets() {
    let css = include_str!("../style/explainer.css");
    let palettes = css
        .match_indices("color-scheme: dark;")
        .map(|(at, _)| {
            let body = &css[at..];
            let body = &body[..body.find('}').expect("the rule's end")];
            body.split(';')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>();
    assert_eq!(palettes.len(), 2, "two dark palettes: {palettes:?}");
    assert!(palettes[0].len() > 10, "{:?}", palettes[0]);
    assert_eq!(palettes[0], palettes[1]);
}
