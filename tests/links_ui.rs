//! Journey paths made through the real editor: dragging from a card's handle to another card, relabelling
//! the link in the side panel, linking from the keyboard, exits dropped on empty space, deleting and undoing.

mod ui_driver;

use egui::{Key, Pos2};
use egui_kittest::kittest::Queryable;
use ui_driver::{Driver, map_with_cards};
use waymark::layout::link_handle;
use waymark::model::{CardId, LinkKind, Map};
use waymark::ui::selection::Selection;

/// The ids of the cards named A, B, C, D (A and B in stage one, C in stage two, D a barrier at stage one).
fn abcd(map: &Map) -> [CardId; 4] {
    ["A", "B", "C", "D"].map(|t| map.cards.iter().find(|c| c.text == t).unwrap().id)
}

fn handle(ui: &Driver, card: CardId) -> Pos2 {
    let rect = ui.app().canvas.layout().card(card).unwrap().rect;
    ui.app().canvas.map_to_screen(link_handle(rect))
}

fn links(ui: &Driver) -> Vec<(CardId, Option<CardId>, LinkKind)> {
    ui.map()
        .links
        .iter()
        .map(|l| (l.from, l.to, l.kind))
        .collect()
}

#[test]
fn dragging_from_the_handle_to_a_card_links_them_and_the_side_panel_changes_the_kind() {
    let mut ui = Driver::new(map_with_cards());
    let [a, _, c, _] = abcd(ui.map());
    let cards_before = ui.map().cards.clone();
    ui.drag(handle(&ui, a), ui.card_center(c));
    assert_eq!(
        links(&ui),
        [(a, Some(c), LinkKind::Next)],
        "to the next stage: Next"
    );
    assert_eq!(ui.map().cards, cards_before, "the card did not move");
    let id = ui.map().links[0].id;
    assert_eq!(
        ui.app().canvas.selection,
        Selection::Link(id),
        "the new link is selected"
    );
    assert_eq!(ui.app().canvas.layout().links.len(), 1, "and drawn");

    ui.harness.get_by_label_contains("Goes back").click();
    ui.harness.run_steps(3);
    assert_eq!(links(&ui), [(a, Some(c), LinkKind::Return)]);
    ui.harness.get_by_label_contains("Skips stages").click();
    ui.harness.run_steps(3);
    assert_eq!(links(&ui), [(a, Some(c), LinkKind::Skip)]);

    ui.undo();
    assert_eq!(links(&ui), [(a, Some(c), LinkKind::Return)]);
    ui.undo();
    ui.undo();
    assert!(links(&ui).is_empty(), "undone step by step");
}

#[test]
fn dropping_on_empty_space_makes_an_exit_and_on_its_own_card_nothing() {
    let mut ui = Driver::new(map_with_cards());
    let [a, b, _, _] = abcd(ui.map());
    let stages: Vec<_> = ui.map().stages.iter().map(|s| s.id).collect();
    let actions = ui.map().lanes[0].id;
    ui.drag(handle(&ui, a), ui.card_center(a));
    assert!(links(&ui).is_empty(), "dropped back on its own card");
    ui.drag(handle(&ui, b), ui.cell_spot(stages[3], actions));
    assert_eq!(links(&ui), [(b, None, LinkKind::Exit)]);
    assert!(
        ui.harness.query_by_label("→ out of the map").is_some(),
        "the side panel says where it goes"
    );
    // An exit to nowhere can only be an exit.
    ui.harness.get_by_label_contains("Next step").click();
    ui.harness.run_steps(2);
    assert_eq!(links(&ui), [(b, None, LinkKind::Exit)]);
    ui.key(Key::Delete);
    assert!(links(&ui).is_empty(), "Delete removes the selected link");
    ui.undo();
    assert_eq!(links(&ui), [(b, None, LinkKind::Exit)]);
}

#[test]
fn link_to_from_the_keyboard_chooses_the_card_with_the_arrow_keys() {
    let mut ui = Driver::new(map_with_cards());
    let [a, b, c, d] = abcd(ui.map());
    ui.click(ui.card_center(b));
    ui.key(Key::L);
    assert!(
        ui.harness
            .query_by_label_contains("choose the card with the arrow keys")
            .is_some(),
        "the status bar explains what to do"
    );
    // It starts at the card of the next stage (C); down to an empty cell and back up.
    ui.key(Key::ArrowDown);
    ui.key(Key::Enter);
    assert!(links(&ui).is_empty(), "an empty cell is no card to link to");
    ui.key(Key::ArrowUp);
    ui.key(Key::Enter);
    assert_eq!(links(&ui), [(b, Some(c), LinkKind::Next)]);

    // From C back to A: a return; then Escape gives up a second choice.
    ui.click(ui.card_center(c));
    ui.key(Key::L);
    ui.key(Key::ArrowLeft);
    ui.key(Key::ArrowUp);
    ui.key(Key::Enter);
    assert_eq!(links(&ui)[1], (c, Some(a), LinkKind::Return));
    ui.click(ui.card_center(d));
    ui.key(Key::L);
    ui.key(Key::Escape);
    assert_eq!(links(&ui).len(), 2);
    ui.key(Key::L);
    ui.key(Key::E);
    assert_eq!(
        links(&ui)[2],
        (d, None, LinkKind::Exit),
        "E: the person leaves here"
    );
}

#[test]
fn deleting_a_linked_card_takes_its_links_and_undo_brings_them_back() {
    let mut ui = Driver::new(map_with_cards());
    let [a, b, c, _] = abcd(ui.map());
    ui.drag(handle(&ui, a), ui.card_center(c));
    ui.drag(handle(&ui, b), ui.card_center(c));
    assert_eq!(links(&ui).len(), 2);
    let linked = ui.map().clone();

    // The side panel lists the card's links with their kinds.
    ui.click(ui.card_center(c));
    assert!(ui.harness.query_by_label_contains("from “A”").is_some());
    assert!(ui.harness.query_by_label_contains("from “B”").is_some());
    ui.key(Key::Delete);
    assert!(ui.map().card(c).is_none());
    assert!(links(&ui).is_empty(), "its links went with it");
    ui.undo();
    assert_eq!(
        ui.map(),
        &linked,
        "one undo brings the card and both links back"
    );

    // Removed from the side panel's list.
    ui.click(ui.card_center(a));
    ui.harness.get_by_label("Delete link").click();
    ui.harness.run_steps(2);
    assert_eq!(links(&ui), [(b, Some(c), LinkKind::Next)]);
}
