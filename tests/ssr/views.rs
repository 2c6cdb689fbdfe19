//! The timeline's order, the comparison's bars and axis, and the views' tabs.

use explainer::i18n::{ui, Lang};
use explainer::render_html;
use explainer::state::View;
use explainer::story::{load, EMBEDDED_JSON};

#[test]
fn the_timeline_lists_events_by_date_whatever_the_story_order() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let template = v["events"][0].clone();
    // Story order, then the date each is given; published is 2026-02-01.
    let events = [
        ("later", "2026-03-01"),
        ("year", "2025"),
        ("same-a", "2025-09-22"),
        ("same-b", "2025-09-22"),
        ("month", "2025-09"),
    ];
    v["events"] = events
        .iter()
        .map(|(id, date)| {
            let mut e = template.clone();
            e["id"] = serde_json::json!(id);
            e["date"] = serde_json::json!(date);
            e["title"] =
                serde_json::json!({"fr": format!("Titre {id}"), "en": format!("Title {id}")});
            e
        })
        .collect();
    let html = render_html(&v.to_string(), Lang::En, View::Timeline, 375, false, false);
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} not drawn"));
    let order = [
        at("Title year<"),
        at("Title month<"),
        at("Title same-a<"),
        at("Title same-b<"),
        at("class=\"xp-pub\""),
        at("Title later<"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "by date, equal dates in story order, the publication between: {order:?}"
    );
}

#[test]
fn comparison_bars_are_drawn_to_scale() {
    let (top, max) = bars_to_scale(EMBEDDED_JSON);
    assert!(max / top >= 0.5, "the longest bar spans {max} of {top}");
}

#[test]
fn small_figures_fill_the_axis_as_large_ones_do() {
    // The shipped comparison restated a thousand times smaller (0.25 GW, say): drawn on an
    // axis from 0 to 4, as it was, its longest bar spanned a sixteenth of the track.
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    for g in v["comparison"]["groups"].as_array_mut().unwrap() {
        for b in g["bars"].as_array_mut().unwrap() {
            let a = b["amount"].as_object_mut().unwrap();
            for k in ["value", "low", "high"] {
                if let Some(x) = a.get(k).and_then(|x| x.as_f64()) {
                    a.insert(k.into(), (x / 1000.0).into());
                }
            }
        }
    }
    let (top, max) = bars_to_scale(&v.to_string());
    assert!(max < 1.0, "every figure under one: {max}");
    assert!(max / top >= 0.5, "the longest bar spans {max} of {top}");
    // Quarter ticks on round numbers, with no more decimals than a figure is written with.
    use explainer::components::axis_max;
    assert_eq!(axis_max(0.25), 0.4);
    assert_eq!(axis_max(0.09), 0.1);
    assert_eq!(axis_max(0.001), 0.04);
    assert_eq!(axis_max(3.0), 4.0);
    assert_eq!(axis_max(300.0), 400.0);
    assert_eq!(
        axis_max(0.0),
        4.0,
        "nothing above zero: the axis it always had"
    );
}

/// Checks, in the rendered comparison of `json`, that each bar spans its amount on one axis
/// from zero (the figures' honesty), read against the axis's own top label. Returns the
/// axis's top and the largest figure.
fn bars_to_scale(json: &str) -> (f64, f64) {
    let story = load(json).unwrap();
    let cmp = story.comparison.as_ref().unwrap();
    let html = render_html(json, Lang::En, View::Comparison, 375, false, true);
    let attr = |tag: &str, name: &str| -> f64 {
        let tag = format!(" {tag}");
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let tick = html.split("class=\"xp-tick t4\">").nth(1).unwrap();
    let top: f64 = tick[..tick.find('<').unwrap()]
        .replace(',', "")
        .parse()
        .unwrap();
    let fills: Vec<&str> = html
        .split("<rect ")
        .skip(1)
        .map(|r| &r[..r.find('>').unwrap()])
        .filter(|tag| tag.contains("xp-fill"))
        .collect();
    let bars: Vec<_> = cmp.groups.iter().flat_map(|g| &g.bars).collect();
    assert_eq!(fills.len(), bars.len());
    let (mut seen_range, mut max) = (false, 0.0_f64);
    for (rect, bar) in fills.iter().zip(bars) {
        let Some((lo, hi)) = bar.amount.extent() else {
            continue;
        };
        let range = bar.amount.kind == explainer::story::AmountKind::Range;
        seen_range |= range;
        let start = if range { lo / top * 1000.0 } else { 0.0 };
        let width = ((hi / top * 1000.0) - start).max(2.0);
        assert!(hi <= top, "{}: the axis holds every bar", bar.id);
        // Written to a tenth of the 1000-wide track.
        assert!((attr(rect, "x") - start).abs() <= 0.1, "{}: {rect}", bar.id);
        assert!(
            (attr(rect, "width") - width).abs() <= 0.1,
            "{}: {rect}",
            bar.id
        );
        max = max.max(hi);
    }
    assert!(seen_range, "the story has a range to check");
    (top, max)
}

#[test]
fn the_comparison_axis_names_the_unit_its_figures_are_in() {
    // The shipped story compares billions of dollars; another may compare millions, or
    // gigawatts: the caption under the axis says what its numbers count.
    let caption = |json: &str, lang: Lang| {
        let html = render_html(json, lang, View::Comparison, 375, false, true);
        let tag = "class=\"xp-axis-unit\">";
        let at = html.find(tag).expect("an axis caption") + tag.len();
        html[at..at + html[at..].find('<').unwrap()].to_string()
    };
    assert_eq!(caption(EMBEDDED_JSON, Lang::Fr), "milliards de dollars");
    assert_eq!(caption(EMBEDDED_JSON, Lang::En), "billions of dollars");
    // The same comparison, its figures written in another unit.
    let restated = |unit: &str, factor: f64| {
        let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        v["comparison"]["unit"] = unit.into();
        for g in v["comparison"]["groups"].as_array_mut().unwrap() {
            for b in g["bars"].as_array_mut().unwrap() {
                let a = b["amount"].as_object_mut().unwrap();
                for k in ["value", "low", "high"] {
                    if let Some(x) = a.get(k).and_then(|x| x.as_f64()) {
                        a.insert(k.into(), (x * factor).into());
                    }
                }
                a.insert("unit".into(), unit.into());
            }
        }
        let json = v.to_string();
        assert!(load(&json).is_ok(), "{unit}: {:?}", load(&json).err());
        json
    };
    let millions = restated("usd_m", 1000.0);
    assert_eq!(caption(&millions, Lang::Fr), "millions de dollars");
    assert_eq!(caption(&millions, Lang::En), "millions of dollars");
    let power = restated("gw", 0.1);
    assert_eq!(caption(&power, Lang::Fr), "gigawatts (GW)");
    assert_eq!(caption(&power, Lang::En), "gigawatts (GW)");
    assert_eq!(caption(&restated("pct", 0.5), Lang::En), "percent (%)");
}

#[test]
fn an_at_least_bar_goes_on_past_its_figure_and_no_other_does() {
    // "At least 30" drawn as a bar that ends at 30 reads as 30: the figure is a floor, so
    // the bar goes on, dashed, past it.
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let bar = &mut v["comparison"]["groups"][0]["bars"][0];
    bar["amount"] = serde_json::json!({"kind": "at_least", "value": 30, "unit": "usd_bn"});
    let json = v.to_string();
    assert!(load(&json).is_ok(), "{:?}", load(&json).err());
    let html = render_html(&json, Lang::En, View::Comparison, 375, false, true);
    let attr = |tag: &str, name: &str| -> f64 {
        let tag = format!(" {tag}");
        let at = tag
            .find(&format!(" {name}=\""))
            .unwrap_or_else(|| panic!("{name} in {tag}"))
            + name.len()
            + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let first_bar = html.split("class=\"xp-bar\"").nth(1).unwrap();
    let first_bar = &first_bar[..first_bar.find("</svg>").unwrap()];
    let fill = first_bar.split("<rect ").nth(2).unwrap();
    let more = first_bar
        .split("<line ")
        .nth(1)
        .expect("a dashed extension");
    assert!(more.contains("class=\"xp-more\""), "{more}");
    let end = attr(fill, "x") + attr(fill, "width");
    assert!(
        (attr(more, "x1") - end).abs() <= 0.1,
        "it starts where the bar ends: {more}"
    );
    assert!(attr(more, "x2") > end && attr(more, "x2") <= 1000.0);
    assert_eq!(html.matches("xp-more").count(), 1, "only the floor goes on");
    assert!(html.contains("at least $30"));
}

#[test]
fn the_axis_drops_its_quarter_labels_only_where_they_would_collide() {
    use explainer::components::axis_fit;
    use explainer::format::number;
    let labels = |top: f64, lang| [0.0, 0.25, 0.5, 0.75, 1.0].map(|s| number(top * s, lang));
    // The shipped story's axis (0 … 100) keeps its five labels in any column but a
    // sidebar's narrowest (under 200 px), and the middle one in every column.
    let html = render_html(EMBEDDED_JSON, Lang::Fr, View::Comparison, 320, false, true);
    assert!(html.contains("class=\"xp-axis q200\""), "{html}");
    assert_eq!(axis_fit(&labels(100.0, Lang::En)), "xp-axis q200");
    // The column width under which the quarters go (`q…`) grows with the labels; the middle
    // one goes (`h…`) only for labels far wider; the stylesheet never hides the ends.
    let threshold = |classes: &str, prefix: char| -> u32 {
        classes
            .split(' ')
            .find_map(|c| c.strip_prefix(prefix))
            .map_or(0, |w| {
                if w == "all" {
                    u32::MAX
                } else {
                    w.parse().unwrap()
                }
            })
    };
    let mut last = (0, 0);
    for top in [1e3, 1e4, 1e5, 1e6, 1e8, 1e10] {
        for lang in [Lang::Fr, Lang::En] {
            let classes = axis_fit(&labels(top, lang));
            let now = (threshold(&classes, 'q'), threshold(&classes, 'h'));
            assert!(now.0 >= last.0 && now.1 >= last.1, "{top}: {classes}");
            assert!(
                now.1 <= now.0,
                "{top}: the middle label outlasts the quarters: {classes}"
            );
            last = now;
        }
    }
    // "100 000": quarters dropped in a phone's column (about 300 px), kept on a desktop's.
    let wide = threshold(&axis_fit(&labels(1e5, Lang::Fr)), 'q');
    assert!((301..=560).contains(&wide), "{wide}");
    // Its middle label stays down to a sidebar's column (200 px).
    assert!(threshold(&axis_fit(&labels(1e5, Lang::Fr)), 'h') <= 200);
    assert!(
        last.0 > 400 && last.1 > 400,
        "labels of 14 characters lose the middle one in a phone's column too"
    );
}

#[test]
fn only_views_the_story_fills_get_a_tab_and_one_view_gets_no_tabs() {
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("comparison");
    obj.insert("events".into(), serde_json::json!([]));
    let no_timeline = serde_json::Value::Object(obj.clone()).to_string();
    obj.insert("questions".into(), serde_json::json!([]));
    let diagram_only = serde_json::Value::Object(obj.clone()).to_string();
    // The shipped story: four tabs, each controlling its panel.
    let full = render_html(EMBEDDED_JSON, Lang::En, View::Diagram, 375, false, true);
    assert_eq!(full.matches("role=\"tab\"").count(), 4);
    assert_eq!(full.matches("role=\"tabpanel\"").count(), 4);
    // Without a comparison or a timeline: the diagram and the questions, nothing empty to
    // open, and the reading mode without JavaScript has no empty headings either.
    let two = render_html(&no_timeline, Lang::En, View::Diagram, 375, false, true);
    let t = ui(Lang::En);
    assert_eq!(two.matches("role=\"tab\"").count(), 2, "{two}");
    for (view, shown) in [
        ("diagram", true),
        ("comparison", false),
        ("timeline", false),
        ("questions", true),
    ] {
        assert_eq!(
            two.contains(&format!("id=\"xp-view-{view}\"")),
            shown,
            "{view}"
        );
        assert_eq!(
            two.contains(&format!("id=\"xp-tab-{view}\"")),
            shown,
            "{view}"
        );
    }
    assert!(!two.contains(&format!(">{}</", t.timeline)));
    // A single view: no tab list, and no tab panel pointing at a tab that is not there.
    // A host asking for a view the story lacks starts on the diagram.
    let one = render_html(&diagram_only, Lang::En, View::Comparison, 375, false, true);
    assert!(!one.contains("role=\"tablist\"") && !one.contains("role=\"tabpanel\""));
    assert!(!one.contains("aria-labelledby=\"xp-tab-"), "{one}");
    let diagram = one.split("id=\"xp-view-diagram\"").nth(1).unwrap();
    assert!(
        !diagram[..diagram.find('>').unwrap()].contains("hidden"),
        "the diagram is shown: {one}"
    );
    assert!(one.contains("data-key=\"entity:nvidia\""));
}
