//! Workshop tools driven through the real editor: selecting many cards, moving, recolouring and deleting them
//! as one step, copy and paste between two editors, pasting lines from a chat, duplicating.

mod ui_driver;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_driver::{Driver, map_with_cards, template, texts};
use waymark::model::{CardColor, CardId, Map};
use waymark::ui::selection::Selection;

/// The ids of the cards named A, B, C, D.
fn abcd(map: &Map) -> [CardId; 4] {
    ["A", "B", "C", "D"].map(|t| map.cards.iter().find(|c| c.text == t).unwrap().id)
}

fn selected_texts(ui: &Driver) -> Vec<String> {
    ui.app()
        .selected_cards()
        .into_iter()
        .map(|id| ui.map().card(id).unwrap().text.clone())
        .collect()
}

fn status_bar_says(ui: &Driver, text: &str) -> bool {
    ui.harness
        .query_all_by_label_contains(text)
        .next()
        .is_some()
}

#[test]
fn shift_and_ctrl_click_add_and_remove_cards_and_the_status_bar_counts_them() {
    let mut ui = Driver::new(map_with_cards());
    let [a, b, c, d] = abcd(ui.map());
    ui.click(ui.card_center(a));
    ui.click_with(Modifiers::SHIFT, ui.card_center(c));
    ui.click_with(Modifiers::COMMAND, ui.card_center(d));
    assert_eq!(selected_texts(&ui), ["A", "C", "D"]);
    assert!(status_bar_says(&ui, "3 cards selected"));

    ui.click_with(Modifiers::SHIFT, ui.card_center(c));
    assert_eq!(
        selected_texts(&ui),
        ["A", "D"],
        "a second Shift+click takes a card out"
    );
    assert!(status_bar_says(&ui, "2 cards selected"));

    ui.click(ui.card_center(b));
    assert_eq!(
        selected_texts(&ui),
        ["B"],
        "a plain click selects one card again"
    );
    assert!(!status_bar_says(&ui, "cards selected"));
}

#[test]
fn shift_drag_on_empty_space_draws_a_band_and_a_plain_drag_still_pans() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let (s0, s1) = (map.stages[0].id, map.stages[1].id);
    let actions = map.lanes[0].id;
    let [_, _, c, _] = abcd(&map);

    let pan_before = ui.app().canvas.view.pan;
    ui.drag(ui.cell_spot(s0, actions), ui.cell_spot(s1, actions));
    assert_ne!(ui.app().canvas.view.pan, pan_before, "a plain drag pans");
    assert!(
        ui.app().selected_cards().is_empty(),
        "panning selects nothing"
    );
    assert_eq!(ui.map(), &map);

    // From the empty bottom of (stage 0, Actions) up to C's middle: A, B and C are touched, D (below) is not.
    ui.drag_with(
        Modifiers::SHIFT,
        ui.cell_spot(s0, actions),
        ui.card_center(c),
    );
    assert_eq!(selected_texts(&ui), ["A", "B", "C"]);
    assert!(status_bar_says(&ui, "3 cards selected"));
    assert_eq!(ui.map(), &map, "the band changes nothing in the map");
}

#[test]
fn dragging_a_selection_moves_all_its_cards_in_order_as_one_undo_step() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let (s0, s1) = (map.stages[0].id, map.stages[1].id);
    let actions = map.lanes[0].id;
    let [a, _, c, d] = abcd(&map);

    // Picked in the other order: the cards keep their map order when they land.
    ui.click(ui.card_center(d));
    ui.click_with(Modifiers::COMMAND, ui.card_center(a));
    ui.drag(ui.card_center(d), ui.card_top(c));
    assert_eq!(
        texts(&ui.cards_in(s1, actions)),
        ["A", "D", "C"],
        "both land before C"
    );
    assert_eq!(texts(&ui.cards_in(s0, actions)), ["B"]);
    assert_eq!(selected_texts(&ui), ["A", "D"], "they stay selected");

    ui.undo();
    assert_eq!(ui.map().cards, map.cards, "one undo puts both back");
}

#[test]
fn ctrl_a_widens_from_the_cell_to_the_lane_to_the_map() {
    let mut ui = Driver::new(map_with_cards());
    let [a, ..] = abcd(ui.map());
    ui.click(ui.card_center(a));
    ui.key_with(Modifiers::COMMAND, Key::A);
    assert_eq!(selected_texts(&ui), ["A", "B"]);
    assert!(status_bar_says(&ui, "all in the cell"));
    ui.key_with(Modifiers::COMMAND, Key::A);
    assert_eq!(selected_texts(&ui), ["A", "B", "C"]);
    assert!(status_bar_says(&ui, "all in the lane"));
    ui.key_with(Modifiers::COMMAND, Key::A);
    assert_eq!(selected_texts(&ui), ["A", "B", "C", "D"]);
    assert!(status_bar_says(&ui, "4 cards selected: all in the map"));
}

#[test]
fn recolouring_and_deleting_a_selection_are_one_undo_step_each() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let [a, b, _, d] = abcd(&map);
    ui.click(ui.card_center(a));
    ui.click_with(Modifiers::SHIFT, ui.card_center(d));
    ui.key(Key::Num3);
    let color = |ui: &Driver, id| ui.map().card(id).unwrap().color;
    assert_eq!(
        [color(&ui, a), color(&ui, b), color(&ui, d)],
        [CardColor::Pink, CardColor::Yellow, CardColor::Pink]
    );
    ui.undo();
    assert_eq!(ui.map(), &map, "one undo recolours both back");

    ui.key(Key::Delete);
    assert!(ui.map().card(a).is_none() && ui.map().card(d).is_none());
    assert_eq!(ui.map().cards.len(), 2);
    ui.undo();
    assert_eq!(
        ui.map().cards,
        map.cards,
        "one undo brings both back in place"
    );
}

#[test]
fn cards_copied_in_one_editor_paste_into_another_with_their_colours_and_new_ids() {
    let mut first = Driver::new(map_with_cards());
    let [a, b, ..] = abcd(first.map());
    first
        .harness
        .state_mut()
        .doc
        .apply(waymark::edit::Edit::SetCardText {
            card: b,
            text: "Две\nстроки".into(),
        })
        .unwrap();
    first
        .harness
        .state_mut()
        .doc
        .apply(waymark::edit::Edit::SetCardColor {
            card: b,
            color: CardColor::Green,
        })
        .unwrap();
    first.harness.run_steps(2);
    first.click(first.card_center(a));
    first.click_with(Modifiers::SHIFT, first.card_center(b));
    let copied = first.copy().expect("the copy put text on the clipboard");
    assert_eq!(copied, "Waymark cards: yellow, green\nA\n\"Две\nстроки\"\n");

    let mut second = Driver::new(template());
    let (stage, lane) = (second.map().stages[2].id, second.map().lanes[1].id);
    second.click(second.cell_spot(stage, lane));
    second.paste(&copied);
    let pasted: Vec<(String, CardColor)> = second
        .map()
        .cards_in(stage, lane)
        .map(|c| (c.text.clone(), c.color))
        .collect();
    assert_eq!(
        pasted,
        [
            ("A".to_owned(), CardColor::Yellow),
            ("Две\nстроки".to_owned(), CardColor::Green)
        ]
    );
    assert_eq!(
        second.app().selected_cards().len(),
        2,
        "the pasted cards are selected"
    );
    second.undo();
    assert_eq!(
        second.map().cards_in(stage, lane).count(),
        0,
        "one undo takes the paste back"
    );

    // Pasting into the same map gives new ids after the selected card.
    first.click(first.card_center(a));
    first.paste(&copied);
    let cell: Vec<_> = first.cards_in(first.map().stages[0].id, first.map().lanes[0].id);
    assert_eq!(texts(&cell), ["A", "A", "Две\nстроки", "Две\nстроки"]);
    let ids: std::collections::HashSet<CardId> = cell.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.len(), 4, "pasted cards have new ids");
    assert!(first.map().validate().is_empty(), "the map stays valid");

    // Cut removes the selection in one step and copies it.
    first.undo();
    first.click(first.card_center(a));
    let cut = first.cut().expect("the cut put text on the clipboard");
    assert_eq!(cut, "Waymark cards: yellow\nA\n");
    assert!(first.map().card(a).is_none());
    first.undo();
    assert!(first.map().card(a).is_some());
}

#[test]
fn pasting_lines_from_a_chat_makes_one_card_per_line_after_the_selected_card() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let [a, ..] = abcd(&map);
    ui.click(ui.card_center(a));
    ui.paste("- Идея один\r\n• Idea two\n\n  3. Идея три\n");
    assert_eq!(
        texts(&ui.cards_in(map.stages[0].id, map.lanes[0].id)),
        ["A", "Идея один", "Idea two", "Идея три", "B"]
    );
    assert!(status_bar_says(&ui, "Pasted 3 cards"));
    ui.undo();
    assert_eq!(ui.map().cards, map.cards);
}

#[test]
fn a_long_paste_is_confirmed_and_megabytes_are_refused() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let [a, ..] = abcd(&map);
    ui.click(ui.card_center(a));
    let lines: String = (1..=250).map(|i| format!("idea {i}\n")).collect();
    ui.paste(&lines);
    assert_eq!(ui.map(), &map, "nothing is made before the answer");
    assert!(status_bar_says(&ui, "would make 250 cards"));
    ui.key(Key::Escape);
    assert_eq!(ui.map(), &map, "Cancel makes nothing");

    ui.paste(&lines);
    ui.harness.get_by_label("Make 250 cards").click();
    ui.harness.run_steps(3);
    assert_eq!(ui.map().cards.len(), map.cards.len() + 250);
    ui.undo();
    assert_eq!(ui.map().cards, map.cards);

    ui.paste(&"x".repeat(3_000_000));
    assert_eq!(ui.map().cards, map.cards);
    assert!(status_bar_says(&ui, "too much to paste"));
}

#[test]
fn ctrl_d_duplicates_each_selected_card_after_itself_in_one_step() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let (s0, s1) = (map.stages[0].id, map.stages[1].id);
    let actions = map.lanes[0].id;
    let [a, _, c, _] = abcd(&map);
    ui.click(ui.card_center(a));
    ui.click_with(Modifiers::COMMAND, ui.card_center(c));
    ui.key_with(Modifiers::COMMAND, Key::D);
    assert_eq!(texts(&ui.cards_in(s0, actions)), ["A", "A", "B"]);
    assert_eq!(texts(&ui.cards_in(s1, actions)), ["C", "C"]);
    let copies = ui.app().selected_cards();
    assert_eq!(copies.len(), 2);
    assert!(
        !copies.contains(&a) && !copies.contains(&c),
        "the copies are selected"
    );
    ui.undo();
    assert_eq!(ui.map().cards, map.cards);
    assert!(matches!(
        ui.app().canvas.selection,
        Selection::None | Selection::Card(_)
    ));
}

#[test]
fn alt_arrows_move_the_selected_cards_to_the_neighbouring_cells_in_one_step() {
    let mut ui = Driver::new(map_with_cards());
    let map = ui.map().clone();
    let (s0, s1) = (map.stages[0].id, map.stages[1].id);
    let (actions, thoughts) = (map.lanes[0].id, map.lanes[1].id);
    let [a, b, _, d] = abcd(&map);
    ui.click(ui.card_center(a));
    ui.click_with(Modifiers::SHIFT, ui.card_center(b));
    ui.key_with(Modifiers::ALT, Key::ArrowRight);
    assert_eq!(texts(&ui.cards_in(s1, actions)), ["C", "A", "B"]);
    assert_eq!(selected_texts(&ui), ["A", "B"], "they stay selected");
    // As X11 sends it: Alt is down and up again within one frame, so only the key event says Alt.
    ui.real_key(Modifiers::ALT, Key::ArrowDown, "");
    assert_eq!(texts(&ui.cards_in(s1, thoughts)), ["A", "B"]);
    ui.undo();
    ui.undo();
    assert_eq!(ui.map().cards, map.cards, "each move is one undo step");

    // From Thoughts down, the Emotions lane is skipped; at the map's edge nothing moves.
    ui.click(ui.card_center(d));
    ui.key_with(Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(ui.map().cards, map.cards);
    assert!(status_bar_says(&ui, "edge of the map"));
    ui.key_with(Modifiers::ALT, Key::ArrowUp);
    assert_eq!(
        ui.map().card(d).unwrap().lane,
        thoughts,
        "Emotions is skipped"
    );
    assert_eq!(ui.map().card(d).unwrap().stage, s0);
}
