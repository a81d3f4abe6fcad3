//! The editor in English and Russian, and what it tells a screen reader: menus and panels found by their
//! accessible names in both languages, View → Language switching at run time, the canvas's cards, headers,
//! emotion points and "+" buttons named in the interface language, and the focus following the selection.
//!
//! Each test gives its own editor its language (the window's language is per thread), so English and Russian
//! editors run side by side.

mod ui_driver;

use egui::Key;
use egui_kittest::kittest::{NodeT as _, Queryable};
use ui_driver::Driver;
use waymark::i18n::Lang;
use waymark::model::templates::{Language, Template};
use waymark::model::{Card, CardColor, CardId, Map};
use waymark::ui::WaymarkApp;
use waymark::ui::selection::Selection;

fn driver_in(lang: Lang, map: Map) -> Driver {
    let mut app = WaymarkApp::new(map, None);
    app.language = lang;
    app.system_language = lang;
    Driver::with_app(app)
}

/// A Russian map with one card: "Звонит по номеру с сайта" in (Звонок, Действия).
fn russian_map() -> Map {
    let mut map = Map::with_stages("Покупка", &["Поиск", "Звонок"], true);
    let id = CardId(map.allocate_id());
    map.cards.push(Card {
        id,
        stage: map.stages[1].id,
        lane: map.lanes[0].id,
        text: "Звонит по номеру с сайта".into(),
        color: CardColor::Yellow,
        channel: None,
        personas: Vec::new(),
    });
    map
}

#[test]
fn the_main_window_speaks_english_and_russian() {
    let english = driver_in(Lang::En, Template::Marketing5.build(Language::English));
    for label in ["File", "Edit", "View", "Map title", "Persona"] {
        english.harness.get_by_label(label);
    }
    assert!(english.harness.query_by_label("Файл").is_none());

    let russian = driver_in(Lang::Ru, Template::Marketing5.build(Language::English));
    for label in ["Файл", "Правка", "Вид", "Название карты", "Персона"]
    {
        russian.harness.get_by_label(label);
    }
    for english_word in ["File", "Edit", "View", "Map title", "Persona"] {
        assert!(
            russian.harness.query_by_label(english_word).is_none(),
            "{english_word} is still English"
        );
    }
    assert_eq!(russian.app().file_name(), "Без имени");
}

#[test]
fn view_language_switches_the_whole_window_at_once() {
    let mut ui = driver_in(Lang::En, Template::Marketing5.build(Language::English));
    ui.harness.get_by_label("View").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Language").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Русский").click();
    ui.harness.run_steps(3);
    assert_eq!(ui.app().language, Lang::Ru);
    assert_eq!(ui.app().chosen_language, Some(Lang::Ru));
    for label in ["Файл", "Правка", "Вид"] {
        ui.harness.get_by_label(label);
    }
    assert!(ui.harness.query_by_label("File").is_none());
    assert_eq!(ui.app().status, "Язык: Русский");
}

#[test]
fn canvas_items_have_roles_and_names_in_the_interface_language() {
    let ui = driver_in(Lang::Ru, russian_map());
    let card = ui
        .harness
        .get_by_label("Карточка: Звонит по номеру с сайта — этап Звонок, дорожка Действия");
    assert_eq!(
        card.accesskit_node().role(),
        egui::accesskit::Role::ListItem
    );
    let stage = ui.harness.get_by_label("Этап 2 из 2: Звонок");
    assert_eq!(
        stage.accesskit_node().role(),
        egui::accesskit::Role::ColumnHeader
    );
    ui.harness.get_by_label("Дорожка: Действия (Действия)");
    ui.harness
        .get_by_label("Добавить карточку — этап Поиск, дорожка Действия");

    let english = driver_in(Lang::En, russian_map());
    english
        .harness
        .get_by_label("Card: Звонит по номеру с сайта — stage Звонок, lane Действия");
    english.harness.get_by_label("Stage 1 of 2: Поиск");
    english
        .harness
        .get_by_label("Add a card — stage Поиск, lane Действия");
}

#[test]
fn emotion_points_are_named_with_their_score_and_note() {
    let ui = driver_in(Lang::En, waymark::model::sample::stroller_map());
    let map = ui.map();
    let lane = map
        .lanes
        .iter()
        .find(|l| !l.emotions.is_empty())
        .expect("the sample has an emotion curve");
    let point = &lane.emotions[0];
    let stage = &map.stage(point.stage).expect("stage").name;
    let score = format!("{:+}", point.score).replace("+0", "0");
    let expected = format!("Emotion score {score} — stage {stage}, lane {}", lane.name);
    let found = ui
        .harness
        .query_all_by_role(egui::accesskit::Role::Slider)
        .filter_map(|n| n.accesskit_node().label())
        .any(|label| label.starts_with(&expected));
    assert!(found, "no emotion point named {expected:?}");
}

#[test]
fn the_screen_reader_focus_follows_the_keyboard_selection() {
    let mut ui = driver_in(Lang::En, russian_map());
    let card_name = "Card: Звонит по номеру с сайта — stage Звонок, lane Действия";
    assert!(!ui.harness.get_by_label(card_name).is_focused());

    // The arrow keys select the first cell's "+" (an empty cell), then the card to its right.
    ui.key(Key::ArrowRight);
    ui.key(Key::ArrowRight);
    let card = ui.map().cards[0].id;
    assert_eq!(ui.app().canvas.selection, Selection::Card(card));
    assert!(
        ui.harness.get_by_label(card_name).is_focused(),
        "the selected card has the focus"
    );
    ui.key(Key::ArrowUp);
    assert!(
        ui.harness
            .get_by_label("Stage 2 of 2: Звонок")
            .accesskit_node()
            .is_focused(),
        "the selected stage header has the focus"
    );
    assert!(!ui.harness.get_by_label(card_name).is_focused());
    // The keyboard still belongs to the canvas: a shortcut works.
    ui.key(Key::ArrowDown);
    assert_eq!(ui.app().canvas.selection, Selection::Card(card));
}

#[test]
fn clicking_a_plus_button_through_accessibility_adds_a_card() {
    let mut ui = driver_in(Lang::En, russian_map());
    let (stage, lane) = (ui.map().stages[0].id, ui.map().lanes[0].id);
    ui.harness
        .get_by_label("Add a card — stage Поиск, lane Действия")
        .click_accesskit();
    ui.harness.run_steps(3);
    assert_eq!(ui.map().cards_in(stage, lane).count(), 1);
    assert!(
        ui.app().canvas.editing.is_some(),
        "typing starts on the card"
    );
}
