//! Post-build step (run by Trunk's hook): writes the stable loader `embed.js`, pre-renders
//! the explainer into `index.html`, writes `frame.html` / `frame.en.html` and the CMS
//! snippets `snippet.fr.html` / `snippet.en.html`. `EXPLAINER_BASE_URL` prefixes asset
//! addresses in the snippets (default: relative). Release builds also get shorter names
//! between the bindings and the WASM, and minified scripts.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = run() {
        eprintln!("prerender: {e}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use explainer::i18n::Lang;
    use explainer::prerender::{
        ascii_css, clean_page, fill_page, frame_page, inline_loader, loader, page_lang,
        reading_mode, snippet, story_notices, story_problems, style_hash, Assets,
    };
    use std::fs;
    use std::path::PathBuf;

    let release = std::env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    // The pages show a story's mistakes in place of the explainer: what an editor previewing
    // with `trunk serve` needs, and what a release must never ship. Checked first: a failed
    // hook leaves the last good `dist/` in place.
    if let Some(problems) = story_problems(explainer::story::EMBEDDED_JSON) {
        if release {
            return Err(format!(
                "{problems}\nA release is not built from a story with mistakes; \
                 `trunk serve` builds it and shows them in the page."
            ));
        }
        eprintln!("prerender: warning: {problems}\nThe pages show them in place of the explainer.");
    }
    if let Some(notices) = story_notices(explainer::story::EMBEDDED_JSON) {
        eprintln!("prerender: note: {notices}\nThe explainer shows these dates as written.");
    }

    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
            .ok_or("no output folder given")?,
    );
    let names: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let find = |pred: &dyn Fn(&str) -> bool, what: &str| {
        names
            .iter()
            .find(|n| pred(n))
            .cloned()
            .ok_or(format!("no {what} in {}", dir.display()))
    };
    let assets = Assets {
        js: find(
            &|n| n.starts_with("explainer-") && n.ends_with(".js"),
            "explainer-*.js",
        )?,
        wasm: find(
            &|n| n.starts_with("explainer-") && n.ends_with("_bg.wasm"),
            "explainer-*_bg.wasm",
        )?,
        css: find(
            &|n| n.starts_with("explainer-") && n.ends_with(".css"),
            "explainer-*.css",
        )?,
        css_text: String::new(),
    };
    let css =
        fs::read_to_string(dir.join(&assets.css)).map_err(|e| format!("{}: {e}", assets.css))?;
    // Linked and inline alike (the CSP hash is of the inline text).
    let css_text = ascii_css(&css);
    fs::write(dir.join(&assets.css), &css_text).map_err(|e| format!("{}: {e}", assets.css))?;
    let assets = Assets { css_text, ..assets };
    let reading = reading_mode(&assets.css_text)
        .ok_or("the stylesheet has no reading mode (@container style(--xp-read: 1))")?;
    fs::write(dir.join("static.css"), reading).map_err(|e| format!("static.css: {e}"))?;
    let write = |name: &str, text: &str| {
        fs::write(dir.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    write("embed.js", &loader(&assets))?;
    if release {
        shrink(&dir, &assets.js, &assets.wasm)?;
    }
    for (name, src) in [
        ("frame.js", include_str!("../js/frame.js")),
        ("frame-parent.js", include_str!("../js/frame-parent.js")),
        ("frame.css", "html,body{margin:0;padding:0}\n"),
    ] {
        write(name, src)?;
    }
    let index =
        fs::read_to_string(dir.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let index = clean_page(&index, &assets.css);
    let lang = page_lang(&index);
    let index =
        fill_page(&index, lang, &assets).ok_or("index.html has no <div data-explainer …></div>")?;
    // The article page carries its loader (minified by now in a release build).
    let embed = fs::read_to_string(dir.join("embed.js")).map_err(|e| format!("embed.js: {e}"))?;
    write("index.html", &inline_loader(&index, &embed)?)?;
    write("frame.html", &frame_page(Lang::Fr, &assets))?;
    write("frame.en.html", &frame_page(Lang::En, &assets))?;
    let base = std::env::var("EXPLAINER_BASE_URL").unwrap_or_default();
    write("snippet.fr.html", &snippet(Lang::Fr, &base, &assets))?;
    write("snippet.en.html", &snippet(Lang::En, &base, &assets))?;
    write(
        "csp-style-hash.txt",
        &format!("{}\n", style_hash(&assets.css_text)),
    )?;
    println!(
        "prerender: wrote embed.js, index.html, frame.html, snippets ({})",
        assets.wasm
    );
    Ok(())
}

/// V8's explicit compile hint: every function of the file is compiled as it loads.
#[cfg(not(target_arch = "wasm32"))]
const EAGER: &str = "//# allFunctionsCalledOnLoad";

/// Release builds: the names the bindings and the WASM share shortened (see
/// `explainer::shrink`), then the bindings and the loader minified by terser from
/// `tools/` (installed by `scripts/setup.sh`). Together 9.6 KB gzip less (bench, 2026-12).
#[cfg(not(target_arch = "wasm32"))]
fn shrink(dir: &std::path::Path, js: &str, wasm: &str) -> Result<(), String> {
    use std::fs;
    use std::path::PathBuf;
    use std::process::Command;

    let read = |name: &str| fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let text = String::from_utf8(read(js)?).map_err(|_| format!("{js} is not UTF-8"))?;
    let short = explainer::shrink::shorten_names(&read(wasm)?, &text)
        .map_err(|e| format!("{wasm}: {e}"))?;
    fs::write(dir.join(wasm), &short.wasm).map_err(|e| format!("{wasm}: {e}"))?;
    fs::write(dir.join(js), &short.js).map_err(|e| format!("{js}: {e}"))?;

    let source =
        std::env::var("TRUNK_SOURCE_DIR").map_or_else(|_| PathBuf::from("."), PathBuf::from);
    let terser = source.join("tools/node_modules/terser/bin/terser");
    if !terser.is_file() {
        return Err(format!(
            "{} is missing: run ./scripts/setup.sh (release builds minify their scripts)",
            terser.display()
        ));
    }
    // Chrome compiles a script's functions on their first call, on the main thread: the
    // reader's first tap compiled the bindings' event and DOM functions it reached (3 to 9 ms
    // of it, traced at 4x CPU). The bindings start with V8's hint (Chrome 136), so that they
    // are all compiled as the file loads, off the main thread; other browsers read a comment.
    for (name, first_line) in [(js, EAGER), ("embed.js", "")] {
        let path = dir.join(name);
        let status = Command::new("node")
            .arg(&terser)
            .arg(&path)
            .args(["--module", "--compress", "--mangle"])
            .args(["--format", &format!("preamble={first_line:?}")])
            .arg("--output")
            .arg(&path)
            .status()
            .map_err(|e| format!("node (to run terser): {e}"))?;
        if !status.success() {
            return Err(format!("terser failed on {name} ({status})"));
        }
    }
    println!(
        "prerender: release: {} names shortened, scripts minified",
        short.renamed
    );
    Ok(())
}
