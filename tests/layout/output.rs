//! What the layout hands the drawing: the same geometry for the same input, whole px, each
//! curve's highest point.

use explainer::i18n::Lang;
use explainer::layout::{layout, px};
use explainer::story::{load, EMBEDDED_JSON};

#[test]
fn layout_is_a_pure_function() {
    let story = load(EMBEDDED_JSON).unwrap();
    assert_eq!(layout(&story, Lang::En, 640), layout(&story, Lang::En, 640));
}

#[test]
fn coordinates_are_written_as_whole_px_like_the_standard_formatter() {
    use explainer::layout::{push_int, push_px};
    for x in [
        0.0,
        0.4,
        -0.4,
        -0.6,
        9.5,
        1234.5,
        -98765.49,
        1e300,
        -1e300,
        f64::NAN,
    ] {
        let mut s = String::from("M");
        push_px(&mut s, x);
        assert_eq!(s, format!("M{}", px(x)), "{x}");
    }
    for v in [0, 7, -7, 10, 1_000_000, i64::MAX, i64::MIN] {
        let mut s = String::new();
        push_int(&mut s, v);
        assert_eq!(s, v.to_string());
    }
}

#[test]
fn each_curve_knows_its_highest_point() {
    // A large diagram's first screen draws the curves whose `top` is in it: it must be the
    // least y of the curve's points (a Bézier curve stays within their hull).
    for story in [
        load(EMBEDDED_JSON).unwrap(),
        load(&crate::common::story(60, 150, 5)).unwrap(),
    ] {
        for width in [320, 760, 1280] {
            for e in &layout(&story, Lang::En, width).edges {
                let least_y = crate::common::path_points(&e.path)
                    .iter()
                    .map(|p| p.1)
                    .fold(f64::MAX, f64::min);
                assert!(
                    (least_y - e.top).abs() < 0.01,
                    "{}: top {} but the path reaches {least_y}",
                    e.path,
                    e.top
                );
            }
        }
    }
}
