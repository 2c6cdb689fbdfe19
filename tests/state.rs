//! The reducer: each action's effect on what the reader sees.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use explainer::i18n::Lang;
use explainer::state::{bucket, diagram_width, Action, Selection, State, View};
use yew::Reducible;

fn run(s: State, actions: &[Action]) -> State {
    actions
        .iter()
        .fold(Rc::new(s), |s, a| s.reduce(a.clone()))
        .as_ref()
        .clone()
}

#[test]
fn select_and_close_return_focus_to_the_opener() {
    let sel = Selection::Entity("nvidia".into());
    let s = run(
        State::new(Lang::Fr, View::Diagram, 375),
        &[Action::Select(sel.clone())],
    );
    assert_eq!(s.selection, Some(sel.clone()));
    let s = run(s, &[Action::Close]);
    assert_eq!(s.selection, None);
    assert_eq!(s.focus_return, Some(sel));
}

#[test]
fn a_resize_after_close_keeps_the_focus_target() {
    let sel = Selection::Entity("amd".into());
    let s = run(
        State::new(Lang::Fr, View::Diagram, 1280),
        &[
            Action::Select(sel.clone()),
            Action::Close,
            Action::Resize(700),
        ],
    );
    assert_eq!(s.focus_return, Some(sel));
    assert_eq!(s.width, 680);
}

#[test]
fn an_event_opens_the_diagram_and_closing_returns_to_the_timeline() {
    let ev = Selection::Event("ev-loi".into());
    let s = run(
        State::new(Lang::Fr, View::Timeline, 375),
        &[Action::Select(ev)],
    );
    assert_eq!(s.view, View::Diagram);
    let s = run(s, &[Action::Close]);
    assert_eq!(s.view, View::Timeline);
}

#[test]
fn a_view_changed_under_the_reader_or_a_deep_link_brings_controls_into_view() {
    let ev = Selection::Event("ev-loi".into());
    let on_timeline = State::new(Lang::Fr, View::Timeline, 375);
    let s = run(on_timeline.clone(), &[Action::Select(ev.clone())]);
    assert!(
        s.reveal,
        "the diagram replaced the timeline under the reader"
    );
    // A link followed in the panel, or a resize, keeps the reader where they are.
    let s2 = run(s.clone(), &[Action::Resize(600)]);
    assert!(s2.reveal && s2.selection == s.selection);
    let s = run(s, &[Action::Select(Selection::Entity("nvidia".into()))]);
    assert!(!s.reveal);
    assert_eq!(s.view, View::Diagram);
    // On the diagram already, an event changes no view.
    let on_diagram = State::new(Lang::Fr, View::Diagram, 375);
    assert!(!run(on_diagram, &[Action::Select(ev.clone())]).reveal);
    // The close goes back to the timeline: the event's control, which gets focus, is brought
    // into view too; a close on the view the item was chosen on brings nothing.
    let s = run(
        on_timeline.clone(),
        &[Action::Select(ev.clone()), Action::Close],
    );
    assert!(s.reveal && s.view == View::Timeline && s.focus_return == Some(ev.clone()));
    let s = run(
        s,
        &[
            Action::Select(Selection::Event("ev-2".into())),
            Action::Close,
        ],
    );
    assert!(s.reveal, "each time");
    let on_diagram = State::new(Lang::Fr, View::Diagram, 375);
    let nvidia = Selection::Entity("nvidia".into());
    assert!(!run(on_diagram.clone(), &[Action::Select(nvidia), Action::Close]).reveal);
    // A deep link brings its item into view, on any view.
    let linked = run(on_diagram, &[Action::Link(Selection::Entity("amd".into()))]);
    assert!(linked.reveal && linked.selection == Some(Selection::Entity("amd".into())));
    // Another view chosen: nothing to bring into view.
    let s = run(
        on_timeline,
        &[Action::Select(ev), Action::SetView(View::Comparison)],
    );
    assert!(!s.reveal);
}

#[test]
fn switching_view_closes_the_panel_and_language_keeps_it() {
    let sel = Selection::Relationship("nvidia-openai-loi".into());
    let s = run(
        State::new(Lang::Fr, View::Diagram, 375),
        &[Action::Select(sel.clone()), Action::SetLang(Lang::En)],
    );
    assert_eq!((s.lang, s.selection.clone()), (Lang::En, Some(sel)));
    let s = run(s, &[Action::SetView(View::Questions)]);
    assert_eq!((s.view, s.selection), (View::Questions, None));
}

#[test]
fn widths_are_bucketed_and_clamped() {
    assert_eq!(bucket(375), 360);
    // The regular narrowest layout while its 256 px drawing fits; the narrow one below,
    // while its 208 px drawing fits; the narrowest one below that.
    assert_eq!(bucket(296), 280);
    assert_eq!(bucket(256), 280);
    assert_eq!(bucket(255), 240);
    assert_eq!(bucket(208), 240);
    assert_eq!(bucket(207), 160);
    assert_eq!(bucket(0), 160);
    assert_eq!(bucket(5000), 1280);
    let s = run(
        State::new(Lang::Fr, View::Diagram, 375),
        &[Action::Resize(1000)],
    );
    assert_eq!(s.width, 1000);
}

#[test]
fn view_and_lang_codes_round_trip() {
    for v in View::ALL {
        assert_eq!(View::from_code(v.code()), Some(v));
    }
    assert_eq!(View::from_code("nonsense"), None);
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("FR_ca"), Some(Lang::Fr));
    assert_eq!(Lang::from_code("de"), None);
}

#[test]
fn an_unknown_width_stays_unknown_until_measured() {
    let s = State::new(Lang::Fr, View::Diagram, 0);
    assert_eq!(s.width, 0, "pre-rendering draws every fitting layout");
    let s = run(s, &[Action::Resize(375)]);
    assert_eq!(s.width, 360);
}

#[test]
fn a_data_key_names_its_selection_back() {
    use explainer::components::{key_of, selection_of};
    for sel in [
        Selection::Entity("nvidia".into()),
        Selection::Relationship("nvidia-openai-loi".into()),
        Selection::Event("ev-110b".into()),
        Selection::Bar("msft:with:colon".into()),
    ] {
        assert_eq!(selection_of(&key_of(&sel)), Some(sel));
    }
    assert_eq!(selection_of("nvidia"), None);
    assert_eq!(selection_of("planet:earth"), None);
}

#[test]
fn the_diagram_shares_wide_containers_with_the_panel_column() {
    // Below 800 px the panel is a bottom sheet: the diagram has the whole width.
    assert_eq!(diagram_width(351), 351);
    assert_eq!(diagram_width(799), 799);
    // From 800 px, a 16 px gap and a column of 34 % (at least 260 px) are kept for it.
    assert_eq!(diagram_width(800), 800 - 16 - 272);
    assert_eq!(diagram_width(876), 876 - 16 - 297);
    assert_eq!(diagram_width(1256), 1256 - 16 - 427);
}

#[test]
fn a_hydrated_drawing_stays_until_the_reader_acts_or_it_no_longer_fits() {
    // Pre-rendered at 520, which CSS shows for containers from 520 to 759 px: hydrated at
    // idle in a 720 px column, it must not be redrawn under the reader's eyes.
    let hydrated = || State::new(Lang::Fr, View::Diagram, 520).hydrating(760);
    let s = run(hydrated(), &[Action::Resize(735)]);
    assert_eq!((s.width, s.measured), (520, 720), "kept, width noted");
    // The reader's first action lays it out at the measured width, in the same render.
    let s = run(s, &[Action::Select(Selection::Entity("amd".into()))]);
    assert_eq!((s.width, s.fit_until), (720, 0));
    // Later resizes follow the container, as in any live explainer.
    assert_eq!(run(s, &[Action::Resize(600)]).width, 600);
    // A container that no longer shows that drawing (wider, or narrower) is laid out anew.
    for (w, want) in [(800, 800), (500, 480)] {
        let s = run(hydrated(), &[Action::Resize(w)]);
        assert_eq!((s.width, s.fit_until), (want, 0), "{w}");
    }
    // Not hydrating: every resize follows the container.
    let s = run(
        State::new(Lang::Fr, View::Diagram, 520).hydrating(0),
        &[Action::Resize(735)],
    );
    assert_eq!(s.width, 720);
}

#[test]
fn a_kept_drawing_follows_the_column_once_the_reader_no_longer_sees_it() {
    let kept = run(
        State::new(Lang::Fr, View::Diagram, 520).hydrating(760),
        &[Action::Resize(735)],
    );
    assert_eq!(kept.width, 520);
    let s = run(kept, &[Action::Unseen]);
    assert_eq!((s.width, s.fit_until), (720, 0), "laid out for its column");
    // Once it follows the column, going out of sight again changes nothing (no new render).
    let again = Rc::new(s);
    let after = again.clone().reduce(Action::Unseen);
    assert!(Rc::ptr_eq(&again, &after));
}

#[test]
fn an_item_opened_in_place_keeps_the_view_and_closing_stays_there() {
    // An event that lights no player: the explainer opens it where it was chosen.
    let ev = Selection::Event("market".into());
    let s = run(
        State::new(Lang::Fr, View::Timeline, 375),
        &[Action::SelectHere(ev.clone())],
    );
    assert_eq!(
        (s.view, s.selection.clone(), s.reveal),
        (View::Timeline, Some(ev.clone()), false)
    );
    let s = run(s, &[Action::Close]);
    assert_eq!((s.view, s.focus_return), (View::Timeline, Some(ev.clone())));
    // From a deep link, it is brought into view as well.
    let s = run(
        State::new(Lang::Fr, View::Timeline, 375),
        &[Action::LinkHere(ev.clone())],
    );
    assert_eq!(
        (s.view, s.selection, s.reveal),
        (View::Timeline, Some(ev.clone()), true)
    );
    // The page may open on another view: the event opens where it is listed.
    let s = run(
        State::new(Lang::Fr, View::Diagram, 375),
        &[Action::LinkHere(ev.clone())],
    );
    assert_eq!((s.view, s.selection), (View::Timeline, Some(ev)));
}

#[test]
fn a_link_to_a_bar_opens_the_comparison_from_any_view() {
    // The diagram and timeline show no bar: its panel there named what the reader could
    // not see.
    let bar = Selection::Bar("bar-wsj".into());
    for start in [View::Diagram, View::Timeline, View::Comparison] {
        let s = run(
            State::new(Lang::En, start, 375),
            &[Action::LinkHere(bar.clone())],
        );
        assert_eq!(
            (s.view, s.selection.clone(), s.reveal, s.return_view),
            (View::Comparison, Some(bar.clone()), true, None),
            "from {start:?}"
        );
    }
    // A tap on a bar (in the comparison) stays there.
    let s = run(
        State::new(Lang::En, View::Comparison, 375),
        &[Action::Select(bar.clone())],
    );
    assert_eq!((s.view, s.reveal), (View::Comparison, false));
}

#[test]
fn printing_changes_only_what_is_built_and_nothing_the_reader_chose() {
    // Hydrated, with a kept drawing, an open panel's control to return focus to, and a view.
    let kept = run(
        State::new(Lang::Fr, View::Timeline, 520).hydrating(760),
        &[Action::Resize(735)],
    );
    let closed = run(
        State::new(Lang::En, View::Comparison, 375),
        &[Action::Select(Selection::Bar("b".into())), Action::Close],
    );
    for before in [kept, closed] {
        let printing = run(before.clone(), &[Action::Print(true)]);
        assert!(printing.printing);
        // The drawing stays kept, focus still goes back where it would, the view stays.
        assert_eq!(
            State {
                printing: false,
                ..printing.clone()
            },
            before
        );
        assert_eq!(run(printing, &[Action::Print(false)]), before);
    }
    // Told twice (a browser that reports print both ways), the second changes nothing.
    let once = Rc::new(run(
        State::new(Lang::Fr, View::Diagram, 375),
        &[Action::Print(true)],
    ));
    assert!(Rc::ptr_eq(&once, &once.clone().reduce(Action::Print(true))));
}

#[test]
fn an_item_a_link_opened_is_known_as_such_until_the_reader_taps_another() {
    // A phone's Back closes a tapped item's panel, but goes back through the links that
    // opened one (their history entries).
    let (nv, ms) = (
        Selection::Entity("nvidia".into()),
        Selection::Entity("microsoft".into()),
    );
    let fresh = State::new(Lang::Fr, View::Diagram, 375);
    assert!(run(fresh.clone(), &[Action::Link(ms.clone())]).linked);
    assert!(
        run(
            fresh.clone(),
            &[Action::LinkHere(Selection::Bar("b".into()))]
        )
        .linked
    );
    assert!(
        !run(
            fresh.clone(),
            &[Action::Link(ms.clone()), Action::Select(nv.clone())]
        )
        .linked
    );
    assert!(!run(fresh.clone(), &[Action::Select(nv.clone())]).linked);
    assert!(!run(fresh.clone(), &[Action::Link(ms.clone()), Action::Close]).linked);
    assert!(!run(fresh, &[Action::Link(ms), Action::SetView(View::Timeline)]).linked);
}

#[test]
fn closing_after_exploring_from_an_event_goes_back_to_the_event() {
    // An event chosen on the timeline opens the diagram; the reader then opens a player
    // there. Closing goes back to the timeline, which has no control of that player: focus
    // goes to the event that took them away (it was dropped to the page before).
    let ev = Selection::Event("ev-loi".into());
    let player = Selection::Entity("nvidia".into());
    let s = run(
        State::new(Lang::En, View::Timeline, 375),
        &[Action::Select(ev.clone()), Action::Select(player.clone())],
    );
    assert_eq!((s.view, s.selection.clone()), (View::Diagram, Some(player)));
    let s = run(s, &[Action::Close]);
    assert_eq!(
        (s.view, s.focus_return, s.reveal, s.return_view),
        (View::Timeline, Some(ev), true, None)
    );
    // Without an event, closing leaves focus to the item closed, in its own view.
    let bar = Selection::Bar("bar-wsj".into());
    let s = run(
        State::new(Lang::En, View::Comparison, 375),
        &[Action::Select(bar.clone()), Action::Close],
    );
    assert_eq!((s.view, s.focus_return), (View::Comparison, Some(bar)));
}

#[test]
fn an_event_lights_and_lists_the_players_of_the_deals_it_names() {
    // An editor who lists a deal in an event and not its two sides: the diagram lit the
    // deal's line between two dimmed boxes, and the panel listed no one. Both now take the
    // deal's ends, after the players the event names, each once.
    use explainer::highlight::lit;
    use explainer::story::{load, EMBEDDED_JSON};
    let mut story = load(EMBEDDED_JSON).unwrap();
    let at = story
        .events
        .iter()
        .position(|e| e.relationships.len() >= 2 && e.entities.len() >= 2)
        .expect("an event naming players and two deals");
    let deals = story.events[at].relationships.clone();
    let ends: Vec<String> = deals
        .iter()
        .flat_map(|r| {
            let r = story.relationship(r).unwrap();
            [r.from.clone(), r.to.clone()]
        })
        .collect();
    let named = story.events[at].entities[0].clone();
    story.events[at].entities = vec![named.clone()];
    let (e, id) = (&story.events[at], story.events[at].id.clone());

    let players = story.players(e);
    assert_eq!(players[0], named, "the players it names come first");
    for end in &ends {
        assert_eq!(
            players.iter().filter(|p| **p == end.as_str()).count(),
            1,
            "{end}: {players:?}"
        );
    }
    let l = lit(&story, Some(&Selection::Event(id)));
    for end in &ends {
        assert!(
            l.entities.contains(end),
            "{end} dimmed at the end of a lit deal"
        );
    }
    assert_eq!(l.entities.len(), players.len());
}
