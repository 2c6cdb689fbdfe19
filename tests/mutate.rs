//! Stories no one wrote: the shipped story edited at random, as an editor's slips and a
//! newsroom's other stories would edit it. Whatever the edit, loading never panics; a story
//! that loads renders every view, in both languages, at every width; one that does not
//! names each mistake by its path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Lcg;
use serde_json::Value;

use explainer::fallback::fallback;
use explainer::i18n::Lang;
use explainer::render_html;
use explainer::state::View;
use explainer::story::{load, EMBEDDED_JSON};

/// A number below `n` (at least 1) from `r`.
fn below(r: &mut Lcg, n: usize) -> usize {
    r.next(n.max(1) as u64) as usize
}

/// Every value's place in `v`, as JSON pointers.
fn places(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| places(c, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| places(c, format!("{at}/{i}"), out)),
        _ => {}
    }
}

const TEXTS: [&str; 7] = [
    "",
    " ",
    "Un nom très long qui ne tient sur aucune ligne d’un téléphone, ni sur deux, ni même sur trois lignes",
    "العربية 🙂 漢字",
    "<b>&amp;</b> \"quoted\"",
    "Supercalifragilisticexpialidociousness-Incorporated",
    "2025-13-45",
];
const NUMBERS: [f64; 7] = [0.0, -1.0, 1e300, 0.0001, 123456789.0, 2.5, 1e-300];

/// One random edit of `v`: a value dropped, doubled, emptied, retyped or rewritten.
fn edit(v: &mut Value, r: &mut Lcg) -> String {
    let mut all = Vec::new();
    places(v, String::new(), &mut all);
    let at = all[1 + below(r, all.len() - 1)].clone();
    let (parent, key) = at.rsplit_once('/').unwrap();
    let target = v.pointer_mut(&at).unwrap();
    let what = below(r, 9);
    match (what, &mut *target) {
        (0, Value::String(s)) => {
            *s = TEXTS[below(r, TEXTS.len())].into();
            format!("{at} = {s:?}")
        }
        (1, Value::Number(_)) => {
            let n = NUMBERS[below(r, NUMBERS.len())];
            *target = serde_json::json!(n);
            format!("{at} = {n}")
        }
        (2, Value::Array(a)) if !a.is_empty() => {
            let i = below(r, a.len());
            let copy = a[i].clone();
            a.push(copy);
            format!("{at}: item {i} doubled")
        }
        (3, Value::Array(a)) => {
            a.clear();
            format!("{at} emptied")
        }
        (4, Value::Array(a)) if a.len() > 1 => {
            let i = below(r, a.len());
            a.swap(0, i);
            format!("{at}: items 0 and {i} swapped")
        }
        (5, _) => {
            *target = Value::Null;
            format!("{at} = null")
        }
        (6, Value::Bool(b)) => {
            *b = !*b;
            format!("{at} flipped")
        }
        _ => {
            // Dropped from its object or array.
            match v.pointer_mut(parent).unwrap() {
                Value::Object(m) => {
                    m.remove(key);
                }
                Value::Array(a) => {
                    a.remove(key.parse::<usize>().unwrap());
                }
                _ => unreachable!(),
            }
            format!("{at} dropped")
        }
    }
}

#[test]
fn any_edit_of_the_story_renders_or_names_its_mistakes() {
    let base: Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let (mut loaded, mut refused) = (0, 0);
    // 120 edited stories (about 20 load) by default; `MUTATE_SEEDS=3000` explores further.
    let seeds = std::env::var("MUTATE_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok());
    for seed in 0..seeds.unwrap_or(120u64) {
        let mut r = Lcg(seed);
        let mut story = base.clone();
        let edits: Vec<String> = (0..1 + below(&mut r, 3))
            .map(|_| edit(&mut story, &mut r))
            .collect();
        let json = story.to_string();
        match load(&json) {
            Ok(s) => {
                loaded += 1;
                for lang in [Lang::Fr, Lang::En] {
                    let _ = fallback(&s, lang);
                    for view in [
                        View::Diagram,
                        View::Comparison,
                        View::Timeline,
                        View::Questions,
                    ] {
                        // 0: every drawing the pre-rendered snippet holds; then a phone.
                        for width in [0, 320] {
                            let html = render_html(&json, lang, view, width, true, true);
                            assert!(
                                html.contains("xp-root")
                                    && !html.contains("xp-error")
                                    && html.contains(&common::esc(s.title.get(lang))),
                                "seed {seed}, {edits:?}: {view:?} at {width} px in {lang:?} did not render"
                            );
                        }
                    }
                }
            }
            Err(problems) => {
                refused += 1;
                assert!(
                    !problems.is_empty(),
                    "seed {seed}: refused without a reason"
                );
                for p in &problems {
                    assert!(
                        !p.path.is_empty(),
                        "seed {seed}, {edits:?}: a problem without a path: {}",
                        p.message.text(Lang::En)
                    );
                }
                let html = render_html(&json, Lang::En, View::Diagram, 375, false, true);
                assert!(
                    html.contains(&problems[0].path),
                    "seed {seed}, {edits:?}: the error view does not name {}",
                    problems[0].path
                );
            }
        }
    }
    // Both sides were exercised.
    assert!(
        loaded > 0 && refused > 0,
        "loaded {loaded}, refused {refused}"
    );
}
