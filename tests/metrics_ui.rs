//! Metrics and several personas driven through the real editor with egui_kittest: a measure defined from the
//! lane's panel, a value typed after a double-click on its chart row, a second persona added with its own
//! emotion score, cards tagged and the persona filter dimming the rest. Each step is checked in the document.

mod common;

mod ui_driver;

use common::{lane, stage};
use egui::{Key, Modifiers, Pos2};
use egui_kittest::kittest::Queryable;
use ui_driver::Driver;
use waymark::edit::{Document, Edit, build};
use waymark::model::{LaneKind, Map, Persona, PersonaId};
use waymark::ui::selection::Selection;

/// Two stages with the default lanes and a Metrics lane, in Russian.
fn map_with_metrics_lane() -> Map {
    let map = Map::with_stages("Коляска", &["Поиск", "Покупка"], true);
    let mut doc = Document::new(map);
    let edit = build::add_lane(doc.map(), 4, LaneKind::Metrics, "Метрики");
    doc.apply(edit).expect("add the Metrics lane");
    doc.map().clone()
}

fn click_label(ui: &mut Driver, label: &str) {
    ui.harness.get_by_label(label).click();
    ui.harness.run_steps(3);
}

/// The screen point in the middle of a measure's chart row, in a stage's column.
fn chart_row_spot(ui: &Driver, row: usize, stage: usize) -> Pos2 {
    let app = ui.app();
    let layout = app.canvas.layout();
    let rect = layout.charts[0].rows[row].rect;
    let column = &layout.stages[stage].column;
    let spot = egui::pos2((column.start + column.end) / 2.0, rect.center().y);
    app.canvas.map_to_screen(spot)
}

#[test]
fn a_measure_is_defined_in_the_lane_panel_and_a_value_typed_after_double_clicking_its_row() {
    let mut ui = Driver::new(map_with_metrics_lane());
    let metrics = lane(ui.map(), LaneKind::Metrics);
    let header = ui.lane_header(metrics);
    ui.click(header);
    assert_eq!(ui.app().canvas.selection, Selection::Lane(metrics));
    click_label(&mut ui, "CSAT (1…5)");
    let measures = &ui.map().lane(metrics).expect("lane").measures;
    assert_eq!(measures.len(), 1, "the preset made a measure");
    let csat = measures[0].id;
    assert_eq!((measures[0].min, measures[0].max), (1.0, 5.0));
    assert_eq!(
        ui.app().canvas.layout().charts.len(),
        1,
        "the lane draws a chart"
    );

    // A double-click on the chart row selects the cell and puts the keyboard in the measure's field.
    // Half a second after the click on the header, so that egui does not count this as a triple click.
    ui.harness.run_steps(30);
    let spot = chart_row_spot(&ui, 0, 1);
    ui.double_click(spot);
    let buy = stage(ui.map(), 1);
    assert_eq!(ui.app().canvas.selection, Selection::Cell(buy, metrics));
    ui.harness.run_steps(2);
    assert!(ui.harness.get_by_label("CSAT (1…5)").is_focused());
    ui.type_text("4,5");
    ui.harness.run_steps(2);
    let value = |ui: &Driver| ui.map().measure(csat).and_then(|(_, m)| m.value_at(buy));
    assert_eq!(value(&ui), Some(4.5));
    // The bar is drawn with its value printed.
    let printed: Vec<String> = ui.app().canvas.layout().charts[0].rows[0]
        .bars
        .iter()
        .map(|b| b.value.lines.join(""))
        .collect();
    assert_eq!(printed, vec!["4.5"]);
    // Out of range: the map keeps 4.5 and the panel says why.
    ui.key_with(Modifiers::COMMAND, Key::A);
    ui.type_text("9");
    assert_eq!(value(&ui), Some(4.5));
    assert!(
        ui.harness
            .query_by_label_contains("is not a number in the measure")
            .is_some()
    );
    // Undo takes the value back out (typing it was one step).
    ui.harness.state_mut().doc.undo();
    ui.harness.run_steps(2);
    assert_eq!(value(&ui), None);
}

#[test]
fn a_second_persona_gets_its_own_emotion_score() {
    let mut ui = Driver::new(map_with_metrics_lane());
    let emotions = lane(ui.map(), LaneKind::Emotions);
    click_label(&mut ui, "Add persona");
    assert_eq!(ui.map().more_personas.len(), 1);
    let second = ui.map().more_personas[0].id;
    assert_eq!(ui.map().more_personas[0].name, "Персона 2");
    assert_eq!(
        ui.app().canvas.persona,
        Some(second),
        "the new persona is shown"
    );

    // Its score, in the Emotions cell of the first stage.
    let search = stage(ui.map(), 0);
    let spot = ui.cell_spot(search, emotions);
    ui.click(spot);
    assert_eq!(ui.app().canvas.selection, Selection::Cell(search, emotions));
    ui.harness.get_by_label_contains("Set score").click();
    ui.harness.run_steps(3);
    ui.key_with(Modifiers::SHIFT, Key::ArrowUp);
    let lane_of = |ui: &Driver| ui.map().lane(emotions).expect("lane").clone();
    assert_eq!(
        lane_of(&ui).emotion_of(second, search).map(|p| p.score),
        Some(1)
    );
    assert!(
        lane_of(&ui).emotion_at(search).is_none(),
        "the first persona has no score"
    );

    // The first persona's own score is set the same way, and both curves are drawn with a legend.
    click_label(&mut ui, "All personas");
    assert_eq!(ui.app().canvas.persona, None);
    // The persona box above the grid shows the first persona again, so the grid has moved.
    let spot = ui.cell_spot(search, emotions);
    ui.click(spot);
    ui.harness.get_by_label_contains("Set score").click();
    ui.harness.run_steps(3);
    ui.key_with(Modifiers::SHIFT, Key::ArrowDown);
    assert_eq!(lane_of(&ui).emotion_at(search).map(|p| p.score), Some(-1));
    assert_eq!(
        lane_of(&ui).emotion_of(second, search).map(|p| p.score),
        Some(1)
    );
    let layout = ui.app().canvas.layout();
    assert_eq!(layout.curves.len(), 2);
    let legend = &layout
        .lanes
        .iter()
        .find(|l| l.id == emotions)
        .expect("emotions")
        .legend;
    let names: Vec<String> = legend.iter().map(|l| l.text.lines.join(" ")).collect();
    assert_eq!(names, vec!["—", "Персона 2"]);
    // Removing the persona takes its score, and undo brings it back.
    click_label(&mut ui, "Персона 2");
    click_label(&mut ui, "Remove this persona");
    assert!(ui.map().more_personas.is_empty());
    assert!(
        lane_of(&ui)
            .emotions
            .iter()
            .all(|p| p.persona == PersonaId::MAIN)
    );
    ui.harness.state_mut().doc.undo();
    ui.harness.run_steps(2);
    assert_eq!(
        lane_of(&ui).emotion_of(second, search).map(|p| p.score),
        Some(1)
    );
}

#[test]
fn cards_are_tagged_with_personas_and_the_filter_dims_the_untagged_ones() {
    let mut doc = Document::new(map_with_metrics_lane());
    let boris = PersonaId(doc.map().next_id);
    doc.apply(Edit::InsertPersona {
        persona: Persona {
            id: boris,
            name: "Борис".into(),
            ..Persona::default()
        },
        index: 0,
        emotions: Vec::new(),
        tags: Vec::new(),
    })
    .expect("add Boris");
    let actions = lane(doc.map(), LaneKind::Actions);
    let search = stage(doc.map(), 0);
    for text in ["Ищет коляску", "Смотрит отзывы"] {
        let edit = build::add_card(doc.map(), search, actions, None, text);
        doc.apply(edit).expect("a card");
    }
    let (tagged, untagged) = (doc.map().cards[0].id, doc.map().cards[1].id);
    let mut ui = Driver::new(doc.map().clone());

    let center = ui.card_center(tagged);
    ui.click(center);
    assert_eq!(ui.app().canvas.selection, Selection::Card(tagged));
    ui.harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Борис")
        .click();
    ui.harness.run_steps(3);
    assert_eq!(ui.map().card(tagged).expect("card").personas, vec![boris]);

    ui.harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Борис")
        .click();
    ui.harness.run_steps(3);
    assert_eq!(ui.app().canvas.persona, Some(boris));
    let dimmed = |ui: &Driver, card| {
        ui.app()
            .canvas
            .layout()
            .card(card)
            .expect("laid out")
            .dimmed
    };
    assert!(!dimmed(&ui, tagged), "Boris's card stays bright");
    assert!(dimmed(&ui, untagged), "the untagged card is dimmed");
    // Undoing the tag dims that card too; the filter is view state and stays.
    ui.harness.state_mut().doc.undo();
    ui.harness.run_steps(2);
    assert!(ui.map().card(tagged).expect("card").personas.is_empty());
    assert!(dimmed(&ui, tagged));
    click_label(&mut ui, "All personas");
    assert!(!dimmed(&ui, untagged));
}
