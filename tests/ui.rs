//! The editor driven like a person would: double-click, type, drag, keys; each step checked in the document.

mod ui_driver;

use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;
use ui_driver::{Driver, map_with_cards, template, texts};
use waymark::model::{CardColor, LaneKind, StageId};

#[test]
fn double_click_adds_a_card_and_cyrillic_typing_is_one_undo_step() {
    let mut ui = Driver::new(template());
    let (stage, lane) = (ui.map().stages[1].id, ui.map().lanes[0].id);
    ui.double_click(ui.cell_spot(stage, lane));
    assert_eq!(
        texts(&ui.cards_in(stage, lane)),
        vec![""],
        "a new empty card is in the cell"
    );
    ui.type_text("Привет, ");
    ui.type_text("мир → 100 ₽");
    ui.key(Key::Escape);
    assert_eq!(
        texts(&ui.cards_in(stage, lane)),
        vec!["Привет, мир → 100 ₽"]
    );
    assert!(ui.app().canvas.editing.is_none(), "Escape ends editing");
    assert!(
        ui.app().title().contains('•'),
        "the title shows unsaved changes"
    );

    ui.undo();
    assert_eq!(
        texts(&ui.cards_in(stage, lane)),
        vec![""],
        "undo takes back all the typing at once"
    );
    ui.undo();
    assert!(
        ui.cards_in(stage, lane).is_empty(),
        "the second undo removes the card"
    );
    ui.redo();
    ui.redo();
    assert_eq!(
        texts(&ui.cards_in(stage, lane)),
        vec!["Привет, мир → 100 ₽"]
    );
}

#[test]
fn shortcuts_do_not_fire_while_typing() {
    let mut ui = Driver::new(template());
    let (stage, lane) = (ui.map().stages[0].id, ui.map().lanes[0].id);
    ui.double_click(ui.cell_spot(stage, lane));
    // N adds a card and Delete deletes one, but not while a card's text is being edited.
    ui.key(Key::N);
    ui.type_text("Nn");
    ui.key(Key::Delete);
    ui.key(Key::Escape);
    assert_eq!(ui.map().cards.len(), 1);
    // Once editing is over, N adds a card to the selected card's cell.
    ui.key(Key::N);
    ui.key(Key::Escape);
    assert_eq!(ui.cards_in(stage, lane).len(), 2);
}

#[test]
fn dragging_a_card_moves_it_to_another_cell_as_one_undo_step() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let (s0, s1) = (map.stages[0].id, map.stages[1].id);
    let (actions, thoughts) = (map.lanes[0].id, map.lanes[1].id);
    let a = map.cards[0].id;

    ui.drag(ui.card_center(a), ui.cell_spot(s1, thoughts));
    let moved = ui.map().card(a).unwrap();
    assert_eq!((moved.stage, moved.lane), (s1, thoughts));
    assert_eq!(texts(&ui.cards_in(s0, actions)), vec!["B"]);

    ui.undo();
    assert_eq!(
        ui.map().cards,
        map.cards,
        "undo puts the card back exactly where it was"
    );
    ui.redo();
    assert_eq!(texts(&ui.cards_in(s1, thoughts)), vec!["A"]);
}

#[test]
fn dragging_a_card_within_its_cell_reorders_it() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let (s0, actions) = (map.stages[0].id, map.lanes[0].id);
    let (a, b) = (map.cards[0].id, map.cards[1].id);

    ui.drag(ui.card_center(b), ui.card_top(a));
    assert_eq!(texts(&ui.cards_in(s0, actions)), vec!["B", "A"]);
    ui.undo();
    assert_eq!(texts(&ui.cards_in(s0, actions)), vec!["A", "B"]);
    ui.redo();
    assert_eq!(texts(&ui.cards_in(s0, actions)), vec!["B", "A"]);
    // And into the middle of another cell: before C.
    let (s1, c) = (map.stages[1].id, map.cards[2].id);
    ui.drag(ui.card_center(a), ui.card_top(c));
    assert_eq!(texts(&ui.cards_in(s1, actions)), vec!["A", "C"]);
}

#[test]
fn renaming_a_stage_in_place() {
    let mut ui = Driver::new(template());
    let stage = ui.map().stages[0].id;
    ui.double_click(ui.stage_header(stage));
    ui.key_with(Modifiers::COMMAND, Key::A);
    ui.type_text("Осознание");
    ui.key(Key::Enter);
    assert_eq!(ui.map().stage(stage).unwrap().name, "Осознание");
    assert!(ui.app().canvas.editing.is_none(), "Enter ends renaming");
    ui.undo();
    assert_eq!(ui.map().stage(stage).unwrap().name, "Awareness");
    ui.redo();
    assert_eq!(ui.map().stage(stage).unwrap().name, "Осознание");
}

#[test]
fn deleting_a_lane_with_its_cards_and_undoing_it() {
    let mut ui = Driver::new(map_with_cards());
    let before = ui.map().clone();
    let barriers = before
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Barriers)
        .unwrap()
        .id;
    ui.click(ui.lane_header(barriers));
    ui.key(Key::Delete);
    assert!(ui.map().lane(barriers).is_none());
    assert!(
        ui.map().cards.iter().all(|c| c.lane != barriers),
        "the lane's cards go with it"
    );
    assert_eq!(ui.map().cards.len(), 3);
    ui.undo();
    assert_eq!(ui.map().lanes, before.lanes);
    assert_eq!(
        ui.map().cards,
        before.cards,
        "undo brings back the lane and its cards in place"
    );
    ui.redo();
    assert!(ui.map().lane(barriers).is_none());
}

#[test]
fn deleting_a_stage_with_its_cards_and_scores_is_undoable() {
    let mut map = map_with_cards();
    let emotions = map
        .lanes
        .iter()
        .position(|l| l.kind == LaneKind::Emotions)
        .unwrap();
    let s0 = map.stages[0].id;
    map.lanes[emotions]
        .emotions
        .push(waymark::model::EmotionPoint {
            stage: s0,
            score: -2,
            note: "плохо".into(),
            persona: waymark::model::PersonaId::MAIN,
        });
    let mut ui = Driver::new(map);
    let before = ui.map().clone();
    ui.click(ui.stage_header(s0));
    ui.key(Key::Delete);
    assert!(ui.map().stage(s0).is_none());
    assert!(ui.map().cards.iter().all(|c| c.stage != s0));
    assert!(ui.map().lanes[emotions].emotions.is_empty());
    ui.undo();
    assert_eq!(ui.map().stages, before.stages);
    assert_eq!(ui.map().cards, before.cards);
    assert_eq!(ui.map().lanes, before.lanes);
}

#[test]
fn dragging_an_emotion_point_sets_the_score_in_one_step() {
    let mut map = template();
    let emotions = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Emotions)
        .unwrap()
        .id;
    let stage: StageId = map.stages[2].id;
    let lane = map.lanes.iter_mut().find(|l| l.id == emotions).unwrap();
    lane.emotions.push(waymark::model::EmotionPoint {
        stage,
        score: 0,
        note: String::new(),
        persona: waymark::model::PersonaId::MAIN,
    });
    let mut ui = Driver::new(map);
    let point = ui.emotion_point(emotions, stage);
    // The curve spans 96 map units for 4 score steps: 48 up is +2.
    ui.drag(point, point - Vec2::new(0.0, 48.0));
    let score = |ui: &Driver| {
        ui.map()
            .lane(emotions)
            .unwrap()
            .emotion_at(stage)
            .map(|p| p.score)
    };
    assert_eq!(score(&ui), Some(2));
    ui.undo();
    assert_eq!(score(&ui), Some(0), "the whole drag is one undo step");
    // Keyboard: shift+down lowers the selected stage's score.
    ui.key_with(Modifiers::SHIFT, Key::ArrowDown);
    assert_eq!(score(&ui), Some(-1));
}

#[test]
fn arrow_keys_move_the_selection_between_cards_and_cells() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let (a, b, c) = (map.cards[0].id, map.cards[1].id, map.cards[2].id);
    ui.click(ui.card_center(a));
    assert_eq!(
        ui.app().canvas.selection,
        waymark::ui::selection::Selection::Card(a)
    );
    ui.key(Key::ArrowDown);
    assert_eq!(
        ui.app().canvas.selection,
        waymark::ui::selection::Selection::Card(b)
    );
    ui.key(Key::ArrowRight);
    assert_eq!(
        ui.app().canvas.selection,
        waymark::ui::selection::Selection::Card(c)
    );
    ui.key(Key::ArrowDown);
    assert_eq!(
        ui.app().canvas.selection,
        waymark::ui::selection::Selection::Cell(map.stages[1].id, map.lanes[1].id),
        "below the last card is the (empty) cell of the next lane"
    );
    // Enter on an empty cell adds a card there and starts typing into it.
    ui.key(Key::Enter);
    ui.type_text("Новая");
    ui.key(Key::Escape);
    assert_eq!(
        texts(&ui.cards_in(map.stages[1].id, map.lanes[1].id)),
        vec!["Новая"]
    );
}

#[test]
fn dragging_headers_reorders_stages_and_lanes_and_the_edge_resizes_a_stage() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let names = |ui: &Driver| {
        ui.map()
            .stages
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    // The first stage dragged past the third one.
    let (first, third) = (map.stages[0].id, map.stages[2].id);
    ui.drag(
        ui.stage_header(first),
        ui.stage_header(third) + Vec2::new(40.0, 0.0),
    );
    assert_eq!(
        names(&ui),
        [
            "Consideration",
            "Conversion",
            "Awareness",
            "Retention",
            "Advocacy"
        ]
    );
    ui.undo();
    assert_eq!(ui.map().stages, map.stages);

    // The Barriers lane dragged above Actions.
    let barriers = map.lanes[3].id;
    ui.drag(
        ui.lane_header(barriers),
        ui.lane_header(map.lanes[0].id) - Vec2::new(0.0, 20.0),
    );
    assert_eq!(ui.map().lanes[0].id, barriers);
    ui.undo();
    assert_eq!(ui.map().lanes, map.lanes);

    // The right edge of the second stage's header dragged 100 points to the right.
    let second = map.stages[1].id;
    let layout = ui.app().canvas.layout();
    let header = layout
        .stages
        .iter()
        .find(|s| s.id == second)
        .unwrap()
        .header;
    let edge = ui.app().canvas.map_to_screen(header.right_center());
    ui.drag(edge, edge + Vec2::new(100.0, 0.0));
    assert_eq!(
        ui.map().stage(second).unwrap().width,
        map.stages[1].width + 100.0
    );
    ui.undo();
    assert_eq!(
        ui.map().stage(second).unwrap().width,
        map.stages[1].width,
        "the whole resize is one step"
    );
}

#[test]
fn clicking_outside_ends_editing_and_the_colour_keys_recolour_a_card() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let a = map.cards[0].id;
    ui.double_click(ui.card_center(a));
    ui.type_text(" и ещё");
    assert!(ui.app().canvas.editing.is_some());
    ui.click(ui.cell_spot(map.stages[3].id, map.lanes[1].id));
    assert!(
        ui.app().canvas.editing.is_none(),
        "a click elsewhere ends editing"
    );
    assert_eq!(ui.map().card(a).unwrap().text, "A и ещё");
    ui.click(ui.card_center(a));
    ui.key(Key::Num5);
    assert_eq!(ui.map().card(a).unwrap().color, CardColor::Blue);
    ui.undo();
    assert_eq!(ui.map().card(a).unwrap().color, CardColor::Yellow);
}

#[test]
fn shortcuts_with_shift_work_with_the_keys_a_real_keyboard_sends() {
    // What X11 sends on US and Russian layouts: the key egui has for the typed character (`!` is
    // `Key::Exclamationmark`; `)`, `Ы` and `Я` have none, so the key's place is sent instead).
    for (layout, s_key, z_key) in [("US", "S", "Z"), ("Russian", "Ы", "Я")] {
        let mut ui = Driver::new(map_with_cards());
        assert_eq!(ui.app().canvas.view.zoom, 1.0);
        ui.real_key(Modifiers::SHIFT, Key::Num1, "!");
        let fit = ui.app().canvas.view.zoom;
        assert!(
            (fit - 1.0).abs() > 0.01,
            "{layout}: Shift+1 fits the map to the window"
        );
        ui.real_key(Modifiers::SHIFT, Key::Num0, ")");
        assert_eq!(
            ui.app().canvas.view.zoom,
            1.0,
            "{layout}: Shift+0 zooms to 100%"
        );
        ui.real_key(Modifiers::SHIFT, Key::Equals, "+");
        assert!(
            ui.app().canvas.view.zoom > 1.0,
            "{layout}: Shift+= (the + key) zooms in"
        );
        ui.real_key(Modifiers::NONE, Key::Minus, "-");
        assert!(
            (ui.app().canvas.view.zoom - 1.0).abs() < 0.001,
            "{layout}: - zooms out"
        );
        ui.real_key(Modifiers::SHIFT, Key::Num1, "!");
        assert_eq!(ui.app().canvas.view.zoom, fit, "{layout}: and fits again");

        let stages = ui.map().stages.len();
        ui.real_key(Modifiers::SHIFT, Key::S, s_key);
        assert_eq!(
            ui.map().stages.len(),
            stages + 1,
            "{layout}: Shift+S adds a stage"
        );
        ui.key(Key::Escape);
        ui.real_key(Modifiers::COMMAND, Key::Z, &z_key.to_lowercase());
        assert_eq!(ui.map().stages.len(), stages, "{layout}: Ctrl+Z undoes");
        ui.real_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z, z_key);
        assert_eq!(
            ui.map().stages.len(),
            stages + 1,
            "{layout}: Ctrl+Shift+Z redoes"
        );
    }
}

#[test]
fn an_edit_the_map_refuses_says_why_in_the_status_bar() {
    // A map made by a program and not checked: its id counter is behind, so a new card would take the id of
    // the first stage, and the map refuses it.
    let mut map = template();
    map.next_id = 1;
    let (stage, lane) = (map.stages[1].id, map.lanes[0].id);
    for way in ["the side panel", "the canvas"] {
        let mut ui = Driver::new(map.clone());
        if way == "the side panel" {
            ui.click(ui.cell_spot(stage, lane));
            ui.harness.get_by_label("Add card").click();
            ui.harness.run_steps(3);
        } else {
            ui.double_click(ui.cell_spot(stage, lane));
        }
        assert_eq!(ui.map(), &map, "{way}: the map is unchanged");
        let status = &ui.app().status;
        assert!(
            status.contains("not changed") && status.contains("the id 1 is already used"),
            "{way}: the status bar says why: {status:?}"
        );
    }
}

#[test]
fn the_right_click_menu_and_edit_menu_add_stages_and_lanes() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    ui.right_click(ui.stage_header(map.stages[1].id));
    ui.harness.get_by_label("Add stage after").click();
    ui.harness.run_steps(3);
    assert_eq!(ui.map().stages.len(), map.stages.len() + 1);
    let added = ui.map().stages[2].clone();
    assert_eq!(added.name, "New stage", "added after the second stage");
    assert_eq!(
        ui.app().canvas.editing,
        Some(waymark::ui::canvas::TextTarget::StageName(added.id)),
        "and its name is being edited"
    );
    ui.key(Key::Escape);

    ui.right_click(ui.lane_header(map.lanes[0].id));
    ui.harness.get_by_label("Add lane below").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Metrics").click();
    ui.harness.run_steps(3);
    assert_eq!(
        ui.map().lanes[1].kind,
        LaneKind::Metrics,
        "below the first lane"
    );

    ui.harness.get_by_label("Edit").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Add lane").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Backstage").click();
    ui.harness.run_steps(3);
    assert_eq!(
        ui.map().lanes.last().map(|l| l.kind),
        Some(LaneKind::Backstage),
        "Edit → Add lane adds at the bottom"
    );
    assert_eq!(ui.map().lanes.len(), map.lanes.len() + 2);
}

#[test]
fn the_right_click_menu_names_an_action_as_the_side_panel_does() {
    let mut ui = Driver::new(map_with_cards());
    let stage = ui.map().stages[1].id;
    let stages = ui.map().stages.len();
    ui.click(ui.stage_header(stage));
    assert_eq!(
        ui.harness
            .query_all_by_label("Delete stage and its cards")
            .count(),
        1,
        "the side panel offers it"
    );
    ui.right_click(ui.stage_header(stage));
    assert_eq!(
        ui.harness
            .query_all_by_label("Delete stage and its cards")
            .count(),
        2,
        "the right-click menu offers the same action under the same name"
    );
    ui.harness
        .query_all_by_label("Delete stage and its cards")
        .last()
        .expect("the menu entry")
        .click();
    ui.harness.run_steps(3);
    assert_eq!(ui.map().stages.len(), stages - 1);
    assert!(ui.map().stage(stage).is_none());
}

#[test]
fn the_window_title_shows_the_map_name_and_its_file() {
    let mut map = template();
    map.title = "Buying a CRM\n  for sales".to_owned();
    let ui = Driver::new(map.clone());
    assert_eq!(ui.app().title(), "Buying a CRM for sales — Waymark");
    let app = waymark::ui::WaymarkApp::new(map.clone(), Some("/maps/crm.waymark.ron".into()));
    assert_eq!(
        app.title(),
        "Buying a CRM for sales (crm.waymark.ron) — Waymark"
    );
    map.title = "  ".to_owned();
    let app = waymark::ui::WaymarkApp::new(map, None);
    assert_eq!(app.title(), "Untitled — Waymark");
}

#[test]
fn arrow_keys_belong_to_an_open_dialog_not_to_the_canvas() {
    let mut ui = Driver::new(map_with_cards());
    let a = ui.map().cards[0].id;
    ui.click(ui.card_center(a));
    ui.key_with(Modifiers::COMMAND, Key::E);
    assert!(ui.app().dialog.is_some(), "Ctrl+E opens the export dialog");
    ui.key(Key::ArrowDown);
    ui.key(Key::ArrowRight);
    assert_eq!(
        ui.app().canvas.selection,
        waymark::ui::selection::Selection::Card(a),
        "the selection behind the dialog did not move"
    );
}

#[test]
fn shift_with_a_digit_is_not_a_colour_key() {
    let mut ui = Driver::new(map_with_cards());
    let a = ui.map().cards[0].id;
    ui.click(ui.card_center(a));
    // Shift+5 types '%' on US and Russian keyboards; egui has no key for it and names the key's place instead.
    ui.real_key(Modifiers::SHIFT, Key::Num5, "%");
    assert_eq!(ui.map().card(a).map(|c| c.color), Some(CardColor::Yellow));
    // The plain digit still does.
    ui.real_key(Modifiers::NONE, Key::Num5, "5");
    assert_eq!(ui.map().card(a).map(|c| c.color), Some(CardColor::Blue));
}
