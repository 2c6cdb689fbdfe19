//! Pre-rendering (native only): the explainer rendered by Yew SSR into the pages and
//! snippets the build ships, so readers see it before the WASM arrives, or without it.

use crate::i18n::Lang;
use crate::state::View;
use crate::story::EMBEDDED_JSON;

/// The mistakes in the story `json`, one per line with its path, or `None` if it is fit to
/// ship. A page built from a story with mistakes shows them in place of the explainer, as
/// an editor previewing it needs; a release build must not ship that page (see
/// `src/bin/prerender.rs`).
pub fn story_problems(json: &str) -> Option<String> {
    let problems = crate::story::load(json).err()?;
    let count = match problems.len() {
        1 => "1 mistake".to_string(),
        n => format!("{n} mistakes"),
    };
    let lines: String = problems.iter().map(|p| format!("\n  {p}")).collect();
    Some(format!(
        "the story ({}) has {count}:{lines}",
        crate::story::EMBEDDED_FILE
    ))
}

/// The story's notes for its editor (dates after `as_of`), one per line, or `None`: told at
/// build time and never stopping it, since a planned date is the editor's to keep.
pub fn story_notices(json: &str) -> Option<String> {
    let notices = crate::story::notices(&crate::story::load(json).ok()?);
    let lines: String = notices.iter().map(|n| format!("\n  {n}")).collect();
    (!notices.is_empty()).then(|| {
        format!(
            "the story ({}) has a date after its as-of date:{lines}",
            crate::story::EMBEDDED_FILE
        )
    })
}

/// Layout width of the pre-rendered diagram: 0, the container is unknown, so every fitting
/// layout is drawn and the stylesheet shows the one that fits (see `layout::fits`).
pub const WIDTH: u32 = 0;

/// Hashed file names of one build.
#[derive(Clone, Debug)]
pub struct Assets {
    /// wasm-bindgen JS module.
    pub js: String,
    /// The WASM.
    pub wasm: String,
    /// The widget stylesheet's file name (live-rendered hosts link it).
    pub css: String,
    /// Its text, inlined into pre-rendered hosts.
    pub css_text: String,
}

impl Assets {
    /// The build's name: the content hash in its WASM's file name. It changes with the
    /// code and with the story built in, so it tells a pre-rendered host drawn by this
    /// build (hydrated) from one drawn by another: an older build, before an editor's fix
    /// (drawn afresh), or a second explainer's on the same page (left to its own code).
    pub fn build(&self) -> &str {
        let name = self.wasm.strip_suffix("_bg.wasm").unwrap_or(&self.wasm);
        name.strip_prefix("explainer-").unwrap_or(name)
    }
}

/// The host element with a declarative shadow root holding the stylesheet, the reading-mode
/// stylesheet for readers without JavaScript, and the hydratable explainer; then, for where
/// that root is not drawn, the story in a few lines ([`crate::fallback`]). The stylesheet
/// is inline: a linked one would block the page's first paint for a round trip. Pages with
/// a strict CSP allow it by hash ([`style_hash`]); without it, the loader links the file.
pub fn host_markup(lang: Lang, base: &str, assets: &Assets) -> String {
    let html = crate::render_html(EMBEDDED_JSON, lang, View::Diagram, WIDTH, true, true);
    // Where the shadow root is not drawn (a feed reader): see `crate::fallback`.
    let fallback = crate::story::load(EMBEDDED_JSON)
        .map(|story| crate::fallback::fallback(&story, lang))
        .unwrap_or_default();
    format!(
        concat!(
            "<div data-explainer data-lang=\"{lang}\">",
            "<template shadowrootmode=\"open\">",
            // Left alone by Dark Reader, which would recolour it piecemeal (embed.js `markDark`).
            // In an <svg>: Chrome saving the page (Android's "Download page", "Save as" one
            // file: MHTML) drops an HTML <style> from a shadow root and keeps an SVG one; the
            // saved explainer was unstyled, its boxes black. `.xp-css` hides the <svg>.
            "<svg class=\"xp-css\" width=\"0\" height=\"0\" aria-hidden=\"true\">",
            "<style class=\"darkreader\">{css}</style></svg>",
            // CORS, as every other file of the build is fetched: a cross-origin isolated page
            // (COEP) refuses another origin's stylesheet fetched without it.
            "<noscript><link rel=\"stylesheet\" crossorigin=\"anonymous\" href=\"{base}static.css\"></noscript>",
            "<div class=\"xp-mount\" data-lang=\"{lang}\" data-view=\"diagram\" data-width=\"{w}\" data-build=\"{build}\">{html}</div>",
            "</template>{fallback}</div>"
        ),
        lang = lang.code(),
        base = base,
        // Parsed as SVG, its text is markup: `&` and `<` are escaped (the text, which the
        // CSP hash covers, stays the same).
        css = assets.css_text.replace('&', "&amp;").replace('<', "&lt;"),
        w = WIDTH,
        build = assets.build(),
        html = html,
        fallback = fallback
    )
}

/// A paste-ready snippet for a CMS: the pre-rendered host and the loader.
pub fn snippet(lang: Lang, base: &str, assets: &Assets) -> String {
    format!(
        "{}\n<script type=\"module\" src=\"{base}embed.js\"></script>\n",
        host_markup(lang, base, assets)
    )
}

/// The loader with this build's hashed names.
pub fn loader(assets: &Assets) -> String {
    include_str!("js/embed.js")
        .replace("{{JS}}", &assets.js)
        .replace("{{WASM}}", &assets.wasm)
        .replace("{{CSS}}", &assets.css)
        .replace("{{BUILD}}", assets.build())
}

/// A page holding one explainer full width, for iframes; it reports its height. Its title
/// and description are the story's (a reader may open or share the frame's address alone).
pub fn frame_page(lang: Lang, assets: &Assets) -> String {
    let (mut title, mut description) = (String::new(), String::new());
    title.push_str(match lang {
        Lang::Fr => "Explication interactive\u{a0}: ",
        Lang::En => "Interactive explainer: ",
    });
    if let Ok(story) = crate::story::load(EMBEDDED_JSON) {
        crate::components::escape_into(&mut title, story.title.get(lang));
        crate::components::escape_into(&mut description, story.dek.get(lang));
    }
    format!(
        concat!(
            "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n",
            "<link rel=\"stylesheet\" href=\"frame.css\">\n<link rel=\"icon\" href=\"favicon.png\" type=\"image/png\">\n</head>\n<body>\n{host}\n",
            "<script type=\"module\" src=\"embed.js\"></script>\n",
            // Classic, not a module: in a frame sandboxed without `allow-same-origin` (as
            // many CMSs embed), a module is a CORS request the server may refuse. The height
            // still reaches the page, so reading mode shows whole rather than cut.
            "<script defer src=\"frame.js\"></script>\n</body>\n</html>\n"
        ),
        lang = lang.code(),
        title = title,
        description = description,
        host = host_markup(lang, "", assets)
    )
}

/// Replaces the page's empty `<div data-explainer …></div>` with the pre-rendered host.
/// Returns `None` when the page has no such element.
pub fn fill_page(page: &str, lang: Lang, assets: &Assets) -> Option<String> {
    let start = page.find("<div data-explainer")?;
    let end = start + page[start..].find("</div>")? + "</div>".len();
    Some(format!(
        "{}{}{}",
        &page[..start],
        host_markup(lang, "", assets),
        &page[end..]
    ))
}

/// The page with its loader inline: the `<script>` whose `src` is `embed.js` (quoted or not,
/// attributes in any order, as the minifier writes them) becomes a module script holding
/// `loader`. One request fewer before the code can load (a round trip on a slow network),
/// and none before the first paint. Fails, rather than write a page that would break, when
/// the page links no loader or when the code holds text that would end an inline script.
pub fn inline_loader(page: &str, loader: &str) -> Result<String, String> {
    let lower = loader.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        return Err("embed.js holds \"</script\" or \"<!--\": it cannot be inlined".into());
    }
    let mut from = 0;
    while let Some(at) = page[from..].find("<script").map(|i| from + i) {
        let open_end = at
            + page[at..]
                .find('>')
                .ok_or("index.html: a <script> tag is not closed")?
            + 1;
        let tag = &page[at..open_end];
        let linked = [
            "src=embed.js",
            "src=\"embed.js\"",
            "src='embed.js'",
            "src=./embed.js",
            "src=\"./embed.js\"",
        ]
        .iter()
        .any(|s| tag.contains(s));
        if linked {
            let close = open_end
                + page[open_end..]
                    .find("</script>")
                    .ok_or("index.html: the loader's <script> is not closed")?;
            return Ok(format!(
                "{}<script type=\"module\">{}</script>{}",
                &page[..at],
                loader.trim_end(),
                &page[close + "</script>".len()..]
            ));
        }
        from = open_end;
    }
    Err("index.html has no <script type=\"module\" src=\"embed.js\"> to inline".into())
}

/// Trunk's page, made ready for pre-rendering: without the `<link>` tags Trunk leaves
/// behind (its own `data-trunk` ones when it injects no script) and without the link to the
/// widget stylesheet, which styles shadow roots, not the page, and would block the first
/// paint for nothing. Works on minified HTML too (unquoted attributes, any order).
pub fn clean_page(page: &str, css_file: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<link") {
        let Some(len) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..at + len + 1];
        out.push_str(&rest[..at]);
        if !(tag.contains("data-trunk") || tag.contains(css_file)) {
            out.push_str(tag);
        }
        rest = &rest[at + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The language a page declares on `<html lang>` (quoted or not), read as the live code reads
/// it (`host::resolve_lang`): in any case, with a region; French unless it says English.
pub fn page_lang(page: &str) -> Lang {
    // (Tag and attribute names are in any case: `<HTML LANG=en>`; only the tag is lowered.)
    let at = page
        .as_bytes()
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"<html"));
    let head = at.map_or(String::new(), |at| {
        let tag = &page[at..];
        tag[..tag.find('>').unwrap_or(tag.len())].to_ascii_lowercase()
    });
    // ` lang=` itself, not `xml:lang=` or `data-lang=`.
    let value = head
        .match_indices("lang=")
        .find(|(i, _)| head[..*i].ends_with(char::is_whitespace))
        .map(|(i, m)| {
            let rest = &head[i + m.len()..];
            match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or(""),
            }
        });
    crate::host::resolve_lang(None, value).value
}

/// Reading mode (`static.css`): the rules the stylesheet `css` applies under its style query
/// `--xp-read: 1` (a snippet whose loader never ran, and paper), for pages that cannot use
/// the query: readers without JavaScript (`<noscript>`), and hosts whose code failed, in any
/// browser. One copy of the rules, written by the build. `None` if `css` has no such block.
pub fn reading_mode(css: &str) -> Option<String> {
    let at = css.find("@container style(--xp-read")?;
    let open = at + css[at..].find('{')? + 1;
    // Braces inside a string (`content: "}"`) or a comment do not count, nor does a quote
    // inside a comment (`the diagram's`).
    let (mut depth, mut quote, mut escaped) = (1, None, false);
    // Where the open comment's text starts (after its `/*`): `/*/` does not close it.
    let mut comment: Option<usize> = None;
    let body = &css[open..];
    for (i, c) in body.char_indices() {
        if let Some(from) = comment {
            if c == '/' && i > from && body[from..i].ends_with('*') {
                comment = None;
            }
            continue;
        }
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '*') if body[..i].ends_with('/') => comment = Some(i + 1),
            (None, '{') => depth += 1,
            (None, '}') => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return Some(format!(
                "/* Reading mode, loaded only where interaction is unavailable (no JavaScript, or the code failed): written by the build from style/explainer.css. */\n{}\n",
                css[open..open + i].trim()
            ));
        }
    }
    None
}

/// The stylesheet in ASCII: each other character as a CSS escape (`›` → `\203a `). The
/// minifier writes the chevrons and markers as UTF-8, and a linked stylesheet without a
/// charset is read in its page's encoding: on a windows-1252 page `›` became `â€º`.
pub fn ascii_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    for c in css.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            // The space ends the escape; CSS consumes it with the hex digits.
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out
}

/// The CSP source that allows the inline stylesheet of pre-rendered hosts, to add to a
/// strict page's `style-src`: `'sha256-…'` of the exact text.
pub fn style_hash(css_text: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("'sha256-{}'", base64(&Sha256::digest(css_text.as_bytes())))
}

/// Standard base64 with padding (CSP hashes use it).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
