//! Find, driven through the real editor: Ctrl+F and Edit → Find… open the bar, a query written with "е" finds
//! texts written with "ё", Enter / F3 / Shift+F3 step through the matches (selecting cards, scrolling them into
//! view), Escape closes the bar, and keys typed into the bar never reach the canvas's shortcuts.

mod ui_driver;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;
use ui_driver::{Driver, map_with_cards};
use waymark::i18n::Lang;
use waymark::model::{CardColor, CardId, EmotionPoint, LaneKind, Map};
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::view::View;
use waymark::ui::selection::Selection;
use waymark::workshop::find::Found;

/// The cards A, B, C, D of `map_with_cards`, with B and C written with "ё" and stage 2 named with it too:
/// B "Купить ёлку" (stage 1, Actions), C "ЁЛКА в лифте" (stage 2, Actions), D "Ёлочный базар" (stage 1,
/// Barriers: "елоч" is not "елк"). Returns the map and the ids of A, B, C, D.
fn fir_tree_map() -> (Map, [CardId; 4]) {
    let mut map = map_with_cards();
    let ids = ["A", "B", "C", "D"].map(|t| map.cards.iter().find(|c| c.text == t).unwrap().id);
    for (id, text) in ids
        .iter()
        .zip(["Коляска", "Купить ёлку", "ЁЛКА в лифте", "Ёлочный базар"])
    {
        map.cards.iter_mut().find(|c| c.id == *id).unwrap().text = text.into();
    }
    map.stages[1].name = "Поиск ёлки".into();
    (map, ids)
}

fn driver_in(lang: Lang, map: Map) -> Driver {
    let mut app = WaymarkApp::new(map, None);
    app.language = lang;
    app.system_language = lang;
    Driver::with_app(app)
}

fn shows(ui: &Driver, text: &str) -> bool {
    ui.harness.query_by_label(text).is_some()
}

fn selected(ui: &Driver) -> Selection {
    ui.app().canvas.selection
}

#[test]
fn a_query_with_ye_finds_yo_and_the_keys_step_through_the_matches() {
    let (map, [a, b, c, _]) = fir_tree_map();
    let stage_2 = map.stages[1].id;
    let mut ui = driver_in(Lang::En, map);
    ui.click(ui.card_center(a));
    assert!(ui.harness.query_by_label("Find").is_none(), "no bar yet");

    ui.key_with(Modifiers::COMMAND, Key::F);
    assert!(ui.app().find.open, "Ctrl+F opens the find bar");
    ui.type_text("елк");
    assert_eq!(ui.app().find.query, "елк", "the typing went into the bar");
    // Journey order: the stage name, then stage 1's card, then stage 2's.
    assert!(shows(&ui, "1 of 3 matches"), "the count");
    assert_eq!(ui.app().find.current, Some(Found::Stage(stage_2)));
    assert_eq!(
        selected(&ui),
        Selection::Stage(stage_2),
        "the current match is selected, whatever it is"
    );
    let highlight = ui.app().canvas.find.clone().expect("the canvas highlights");
    assert!(!highlight.dims(Found::Card(b)) && !highlight.dims(Found::Card(c)));
    assert!(highlight.dims(Found::Card(a)), "the rest is faded");

    ui.key(Key::Enter);
    assert_eq!(selected(&ui), Selection::Card(b), "Enter: the next match");
    assert!(shows(&ui, "2 of 3 matches"));
    ui.key(Key::F3);
    assert_eq!(selected(&ui), Selection::Card(c), "F3: the next match");
    assert!(shows(&ui, "3 of 3 matches"));
    ui.key_with(Modifiers::SHIFT, Key::F3);
    assert_eq!(selected(&ui), Selection::Card(b), "Shift+F3: back");
    ui.key_with(Modifiers::SHIFT, Key::Enter);
    assert_eq!(selected(&ui), Selection::Stage(stage_2));
    ui.key_with(Modifiers::SHIFT, Key::Enter);
    assert_eq!(
        selected(&ui),
        Selection::Card(c),
        "Shift+Enter from the first goes round to the last"
    );
    assert_eq!(ui.app().find.query, "елк", "Enter typed nothing");

    ui.key(Key::Escape);
    assert!(!ui.app().find.open, "Escape closes the bar");
    assert!(ui.app().canvas.find.is_none(), "and the fading goes");
    assert!(!shows(&ui, "3 of 3 matches"));
    assert_eq!(
        selected(&ui),
        Selection::Card(c),
        "the last match stays selected"
    );
}

#[test]
fn keys_typed_into_the_bar_never_reach_the_canvas() {
    let (map, [_, b, _, _]) = fir_tree_map();
    let mut ui = driver_in(Lang::En, map);
    ui.key_with(Modifiers::COMMAND, Key::F);
    ui.type_text("купить");
    assert_eq!(
        selected(&ui),
        Selection::Card(b),
        "the first match is a card: selected"
    );
    let colour = |ui: &Driver| ui.map().card(b).unwrap().color;
    assert_eq!(colour(&ui), CardColor::Yellow);

    // Digits recolour the selected card on the canvas; in the bar they are text.
    ui.real_key(Modifiers::NONE, Key::Num2, "2");
    ui.real_key(Modifiers::NONE, Key::Num5, "5");
    assert_eq!(ui.app().find.query, "купить25");
    assert_eq!(colour(&ui), CardColor::Yellow, "digits did not recolour");
    assert!(shows(&ui, "No matches"));
    // Backspace and Delete delete the selected card on the canvas; in the bar they edit the query.
    ui.key(Key::Backspace);
    ui.key(Key::Backspace);
    ui.key(Key::Delete);
    ui.real_key(Modifiers::NONE, Key::N, "n");
    assert_eq!(ui.app().find.query, "купитьn");
    assert!(ui.map().card(b).is_some(), "the card is still there");
    assert_eq!(ui.map().cards.len(), 4, "N added no card");
    assert!(!ui.app().doc.can_undo(), "the map did not change at all");

    // Once the bar is closed the same keys are the canvas's again: the test above could fail.
    ui.key(Key::Escape);
    ui.real_key(Modifiers::NONE, Key::Num2, "2");
    assert_eq!(colour(&ui), CardColor::Orange);
}

#[test]
fn edit_find_opens_the_bar_and_a_match_off_screen_is_scrolled_into_view() {
    let (map, [_, _, c, _]) = fir_tree_map();
    let mut ui = driver_in(Lang::En, map);
    // Far away: the whole map is off the canvas, to the right and below.
    ui.harness.state_mut().canvas.set_view(View {
        pan: Vec2::new(3000.0, 2000.0),
        zoom: 1.0,
    });
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Edit").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label_contains("Find…").click();
    ui.harness.run_steps(2);
    assert!(ui.app().find.open, "Edit → Find… opens the bar");
    ui.type_text("лифт");
    assert_eq!(selected(&ui), Selection::Card(c));
    assert!(shows(&ui, "1 of 1 match"), "one match: singular");
    let rect = ui.harness.state().canvas.layout().card(c).unwrap().rect;
    let screen = ui.app().canvas.map_to_screen(rect.center());
    assert!(
        screen.x > 0.0 && screen.x < 1300.0 && screen.y > 0.0 && screen.y < 1000.0,
        "the card was scrolled into view: {screen:?}"
    );
}

#[test]
fn the_count_is_russian_with_its_plural_forms() {
    let (map, _) = fir_tree_map();
    let mut ui = driver_in(Lang::Ru, map);
    ui.key_with(Modifiers::COMMAND, Key::F);
    ui.type_text("ЕЛК");
    assert!(shows(&ui, "1 из 3 совпадений"), "из трёх совпадений");
    ui.type_text("у");
    assert!(shows(&ui, "1 из 1 совпадения"), "из одного совпадения");
    ui.type_text("ю");
    assert!(shows(&ui, "Нет совпадений"));
}

#[test]
fn lane_names_and_emotion_notes_are_found_and_selected() {
    let (mut map, [a, ..]) = fir_tree_map();
    let emotions = map
        .lanes
        .iter()
        .position(|l| l.kind == LaneKind::Emotions)
        .unwrap();
    let stage = map.stages[2].id;
    map.lanes[emotions].emotions.push(EmotionPoint {
        stage,
        score: -1,
        note: "Всё ДОРОГО".into(),
        persona: Default::default(),
    });
    let emotions = map.lanes[emotions].id;
    let barriers = map
        .lanes
        .iter_mut()
        .find(|l| l.kind == LaneKind::Barriers)
        .unwrap();
    barriers.name = "Дороги и барьеры".into();
    let barriers = barriers.id;
    let mut ui = driver_in(Lang::En, map);
    ui.key_with(Modifiers::COMMAND, Key::F);
    ui.type_text("дорог");
    assert!(shows(&ui, "1 of 2 matches"));
    assert_eq!(selected(&ui), Selection::Lane(barriers), "lanes come first");
    ui.key(Key::F3);
    assert_eq!(
        selected(&ui),
        Selection::Cell(stage, emotions),
        "the note's cell, whose note the side panel edits"
    );
    let highlight = ui.app().canvas.find.clone().unwrap();
    assert!(!highlight.dims(Found::EmotionNote {
        lane: emotions,
        stage
    }));
    assert!(highlight.dims(Found::Card(a)));
    assert!(highlight.dims(Found::Persona));
}

#[test]
fn find_works_in_presentation_mode_and_focuses_the_stage_of_the_match() {
    let (map, [a, _, c, _]) = fir_tree_map();
    let stages: Vec<_> = map.stages.iter().map(|s| s.id).collect();
    let mut ui = driver_in(Lang::En, map);
    ui.click(ui.card_center(a));
    ui.key(Key::F5);
    assert_eq!(
        ui.app().presentation.as_ref().and_then(|p| p.focus),
        Some(stages[0]),
        "presenting the stage of the selected card"
    );
    ui.key_with(Modifiers::COMMAND, Key::F);
    assert!(shows(&ui, "Find"), "the bar shows while presenting");
    ui.type_text("лифт");
    assert_eq!(selected(&ui), Selection::Card(c));
    assert_eq!(
        ui.app().presentation.as_ref().and_then(|p| p.focus),
        Some(stages[1]),
        "the match's stage is in focus"
    );
    assert_eq!(ui.app().canvas.spotlight, Some(stages[1]));
    // The first Escape closes the bar, the second leaves presentation mode.
    ui.key(Key::Escape);
    assert!(!ui.app().find.open);
    assert!(ui.app().presentation.is_some(), "still presenting");
    ui.key(Key::Escape);
    assert!(ui.app().presentation.is_none());
}
