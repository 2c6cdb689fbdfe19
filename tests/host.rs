//! Host-page attributes fall back with a warning, and deep-link fragments are scoped per
//! instance without disturbing the page's other fragment parts.
#![cfg(not(target_arch = "wasm32"))]

use explainer::host::*;
use explainer::i18n::Lang;
use explainer::state::{Selection, View};
use explainer::story::{load, EMBEDDED_JSON};

#[test]
fn language_falls_back_to_the_page_then_french() {
    assert_eq!(resolve_lang(Some("en"), Some("fr")).value, Lang::En);
    assert_eq!(resolve_lang(None, Some("en-US")).value, Lang::En);
    assert_eq!(resolve_lang(None, Some(" EN_gb ")).value, Lang::En);
    assert_eq!(resolve_lang(None, Some("de")).value, Lang::Fr);
    for none in [None, Some(""), Some("  ")] {
        assert_eq!(
            resolve_lang(None, none),
            Resolved {
                value: Lang::Fr,
                warning: None
            },
            "{none:?}"
        );
    }
    let r = resolve_lang(Some("klingon"), Some("en"));
    assert_eq!(r.value, Lang::En);
    assert!(r.warning.unwrap().contains("data-lang=\"klingon\""));
    let r = resolve_lang(Some("de"), Some("de-AT"));
    assert_eq!(r.value, Lang::Fr);
    assert!(r.warning.unwrap().ends_with("using fr"));
}

#[test]
fn view_and_theme_fall_back_with_a_warning() {
    assert_eq!(resolve_view(Some("timeline")).value, View::Timeline);
    let r = resolve_view(Some("map"));
    assert_eq!(r.value, View::Diagram);
    assert!(r.warning.is_some());
    assert_eq!(resolve_theme(Some("DARK")).value, Theme::Dark);
    assert_eq!(resolve_theme(Some("neon")).value, Theme::Auto);
    assert!(resolve_theme(Some("neon")).warning.is_some());
    assert!(resolve_theme(None).warning.is_none());
}

#[test]
fn fragments_are_scoped_per_instance() {
    assert_eq!(fragment_key(0, None), "explainer");
    assert_eq!(fragment_key(1, None), "explainer-2");
    assert_eq!(fragment_key(3, Some("box")), "explainer-box");
    let h = fragment_set("#top", "explainer", Some("nvidia"));
    assert_eq!(h, "#top&explainer=nvidia");
    let h = fragment_set(&h, "explainer-2", Some("ev-loi"));
    assert_eq!(fragment_get(&h, "explainer").as_deref(), Some("nvidia"));
    assert_eq!(fragment_get(&h, "explainer-2").as_deref(), Some("ev-loi"));
    let h = fragment_set(&h, "explainer", Some("openai"));
    assert_eq!(h, "#top&explainer-2=ev-loi&explainer=openai");
    assert_eq!(fragment_set("#explainer=a", "explainer", None), "");
    assert_eq!(fragment_get("", "explainer"), None);
}

#[test]
fn a_host_id_of_any_letters_names_its_part_of_the_address_as_the_browser_writes_it() {
    // The browser percent-encodes what an article's link says (`#explainer-schéma=nvidia`):
    // the explainer reads that, and writes its own part the same way.
    let key = fragment_key(0, Some("schéma"));
    let h = fragment_set("#top", &key, Some("nvidia"));
    assert_eq!(h, "#top&explainer-sch%C3%A9ma=nvidia");
    assert_eq!(fragment_get(&h, &key).as_deref(), Some("nvidia"));
    assert_eq!(fragment_set(&h, &key, None), "#top");
    // `&` and `=` in an id cannot split its part, nor take another instance's.
    let odd = fragment_key(1, Some("a&explainer=b"));
    let h = fragment_set("#explainer=openai", &odd, Some("amd"));
    assert_eq!(h, "#explainer=openai&explainer-a%26explainer%3Db=amd");
    assert_eq!(fragment_get(&h, "explainer").as_deref(), Some("openai"));
    assert_eq!(fragment_get(&h, &odd).as_deref(), Some("amd"));
    // A stray `%` is kept as written.
    assert_eq!(
        fragment_get("#explainer-100%=x", "explainer-100%").as_deref(),
        Some("x")
    );
}

#[test]
fn the_address_written_keeps_the_pages_path_and_query_whatever_its_base() {
    let page = "https://news.example/2026/nvidia-openai?utm=x";
    assert_eq!(
        with_fragment(page, "#explainer=nvidia"),
        "https://news.example/2026/nvidia-openai?utm=x#explainer=nvidia"
    );
    assert_eq!(
        with_fragment(&format!("{page}#top&explainer=a"), "#top"),
        format!("{page}#top")
    );
    // The last item closed: no fragment, and no bare `#` left behind.
    assert_eq!(with_fragment(&format!("{page}#explainer=a"), ""), page);
    assert_eq!(
        with_fragment(&format!("{page}#"), "#explainer=b"),
        format!("{page}#explainer=b")
    );
}

#[test]
fn a_routers_fragment_is_left_alone() {
    for route in ["#/article/42", "#!/article/42", "/"] {
        assert!(fragment_is_route(route), "{route}");
    }
    for ours in ["", "#", "#top", "#explainer=nvidia", "#top&explainer-2=a"] {
        assert!(!fragment_is_route(ours), "{ours}");
    }
}

#[test]
fn ids_name_items_in_any_list() {
    let s = load(EMBEDDED_JSON).unwrap();
    assert_eq!(
        selection_for(&s, "nvidia"),
        Some(Selection::Entity("nvidia".into()))
    );
    assert_eq!(
        selection_for(&s, "nvidia-openai-loi"),
        Some(Selection::Relationship("nvidia-openai-loi".into()))
    );
    assert_eq!(
        selection_for(&s, "ev-loi"),
        Some(Selection::Event("ev-loi".into()))
    );
    assert_eq!(
        selection_for(&s, "bar-msft-funded"),
        Some(Selection::Bar("bar-msft-funded".into()))
    );
    assert_eq!(selection_for(&s, "nope"), None);
}

#[test]
fn a_link_opens_an_item_or_an_open_question() {
    let s = load(EMBEDDED_JSON).unwrap();
    let item = link_to(&s, "nvidia", 2).unwrap();
    assert_eq!(
        (item.to, item.question, item.change),
        (Some(Selection::Entity("nvidia".into())), None, 2)
    );
    let question = link_to(&s, "qa-amount", 1).unwrap();
    assert_eq!(
        (question.to, question.question.as_deref()),
        (None, Some("qa-amount"))
    );
    assert_eq!(link_to(&s, "nope", 1), None);
}

#[test]
fn a_link_written_with_capitals_or_spaces_opens_its_item() {
    let s = load(EMBEDDED_JSON).unwrap();
    let item = link_to(&s, "NVIDIA", 1).unwrap();
    assert_eq!(item.to, Some(Selection::Entity("nvidia".into())));
    let question = link_to(&s, " Qa-Amount ", 1).unwrap();
    assert_eq!(question.question.as_deref(), Some("qa-amount"));
    assert_eq!(link_to(&s, "NOPE", 1), None);
}
