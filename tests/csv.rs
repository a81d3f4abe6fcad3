//! CSV import and export: what real spreadsheets write comes in, and export then import keeps the cards.

mod common;

use common::cards_view;
use waymark::io::csv::{CsvError, export_csv, import_csv, import_csv_file};
use waymark::model::{CardColor, LaneKind, Map, sample};

fn import(text: &str) -> Map {
    match import_csv(text) {
        Ok(map) => map,
        Err(e) => panic!("the CSV did not import: {e}"),
    }
}

fn import_error(text: &str) -> CsvError {
    match import_csv(text) {
        Ok(map) => panic!("the CSV imported, but should not have: {map:?}"),
        Err(e) => e,
    }
}

#[test]
fn a_libreoffice_csv_with_semicolons_bom_and_cyrillic_imports() {
    let text = "\u{feff}Этап;Дорожка;Текст;Оценка;Цвет\r\n\
        Поиск;Действия;\"Гуглит модель; смотрит \"\"фото\"\"\";;\r\n\
        Поиск;Эмоции;Интерес;1;\r\n\
        Поиск;Точки контакта;\"Сайт бренда,\r\nпоисковая выдача\";;Фиолетовый\r\n\
        Покупка;Действия;Звонит в магазин;;зелёный\r\n\
        Покупка;Эмоции;Раздражение;−2;\r\n";
    let map = import(text);
    let view = cards_view(&map);
    assert_eq!(view.stages, ["Поиск", "Покупка"]);
    assert_eq!(
        view.lanes,
        [
            ("Действия".to_owned(), LaneKind::Actions),
            ("Эмоции".to_owned(), LaneKind::Emotions),
            ("Точки контакта".to_owned(), LaneKind::Touchpoints),
        ]
    );
    assert_eq!(view.cards.len(), 3);
    assert_eq!(view.cards[0].2, "Гуглит модель; смотрит \"фото\"");
    assert_eq!(view.cards[0].3, LaneKind::Actions.default_color());
    assert_eq!(view.cards[1].2, "Сайт бренда,\r\nпоисковая выдача");
    assert_eq!(view.cards[1].3, CardColor::Purple);
    assert_eq!(view.cards[2].3, CardColor::Green);
    assert_eq!(
        view.scores,
        [
            (
                "Эмоции".to_owned(),
                "Поиск".to_owned(),
                1,
                "Интерес".to_owned()
            ),
            (
                "Эмоции".to_owned(),
                "Покупка".to_owned(),
                -2,
                "Раздражение".to_owned()
            ),
        ]
    );
    assert!(map.validate().is_empty());
}

#[test]
fn commas_any_column_order_and_letter_case_import() {
    let text = "Text,COLOR,Lane,Stage,Comment\n\
        \"Reads reviews, compares\",blue,Thoughts,Research,ignored\n\
        Orders,,Actions,Purchase,\n";
    let view = cards_view(&import(text));
    assert_eq!(view.stages, ["Research", "Purchase"]);
    assert_eq!(
        view.cards,
        [
            (
                "Research".into(),
                "Thoughts".into(),
                "Reads reviews, compares".into(),
                CardColor::Blue
            ),
            (
                "Purchase".into(),
                "Actions".into(),
                "Orders".into(),
                CardColor::Yellow
            ),
        ]
    );
}

#[test]
fn tab_separated_text_imports() {
    let view = cards_view(&import(
        "stage\tlane\ttext\nA\tBarriers\tNo price, no delivery\n",
    ));
    assert_eq!(view.lanes, [("Barriers".to_owned(), LaneKind::Barriers)]);
    assert_eq!(view.cards[0].2, "No price, no delivery");
}

#[test]
fn a_lane_with_scores_and_an_unknown_name_is_an_emotions_lane() {
    let map = import("stage,lane,text,score\nA,Mood of the day,calm,1\nB,Mood of the day,,-1\n");
    assert_eq!(map.lanes[0].kind, LaneKind::Emotions);
    let map = import("stage,lane,text,score\nA,Customer's heart,calm,1\n");
    assert_eq!(map.lanes[0].kind, LaneKind::Emotions);
}

#[test]
fn lane_kinds_come_from_english_and_russian_names() {
    for kind in LaneKind::ALL {
        if kind == LaneKind::Emotions {
            continue;
        }
        for name in [kind.name_en(), kind.name_ru()] {
            let map = import(&format!("stage,lane,text\nA,{name},x\n"));
            assert_eq!(map.lanes[0].kind, kind, "{name}");
            let map = import(&format!("stage,lane,text\nA,{} 2,x\n", name.to_uppercase()));
            assert_eq!(map.lanes[0].kind, kind, "{name} 2");
        }
    }
}

#[test]
fn bad_rows_are_reported_with_their_row_numbers() {
    let text = "stage;lane;text;score;color\n\
        A;Actions;fine;;\n\
        A;Actions;bad colour;;Magenta\n\
        A;Emotions;too happy;3;\n\
        A;Emotions;no;x;\n\
        \"B\n(two lines)\";Actions;multi-line stage is one row;;\n\
        B;Actions;;;Teal\n\
        ;Actions;no stage;;\n";
    let error = import_error(text);
    let rows: Vec<Option<u64>> = error.problems.iter().map(|p| p.row).collect();
    assert_eq!(rows, [Some(3), Some(4), Some(5), Some(7), Some(8)]);
    let message = error.to_string();
    assert!(
        message.contains("row 3: the colour \"Magenta\" is not one of Yellow"),
        "{message}"
    );
    assert!(
        message.contains("row 4: the score \"3\" is not a whole number from -2 to 2"),
        "{message}"
    );
    assert!(message.contains("row 8: the stage is empty"), "{message}");
}

#[test]
fn scores_belong_to_emotions_lanes_only_and_once_per_stage() {
    let message = import_error("stage,lane,text,score\nA,Actions,x,1\n").to_string();
    assert!(
        message.contains("row 2") && message.contains("only an Emotions lane"),
        "{message}"
    );
    let message =
        import_error("stage,lane,text,score\nA,Emotions,x,1\nA,Emotions,y,2\n").to_string();
    assert!(
        message.contains("row 3") && message.contains("(row 2)"),
        "{message}"
    );
    let message = import_error("stage,lane,text,score\nA,Emotions,no score,\n").to_string();
    assert!(
        message.contains("row 2") && message.contains("need a score"),
        "{message}"
    );
}

#[test]
fn a_missing_column_is_named() {
    let message = import_error("stage,text\nA,x\n").to_string();
    assert!(message.contains("lane is missing"), "{message}");
    assert!(message.contains("\"stage\", \"text\""), "{message}");
    let message = import_error("").to_string();
    assert!(message.contains("empty"), "{message}");
    let message = import_error("\u{feff}\r\n").to_string();
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn an_empty_stage_is_kept_by_a_row_without_a_card() {
    let map = import("stage,lane,text\nA,Actions,x\nEmpty stage,,\n,Barriers,\n");
    let view = cards_view(&map);
    assert_eq!(view.stages, ["A", "Empty stage"]);
    assert_eq!(view.lanes.len(), 2);
    assert_eq!(view.cards.len(), 1);
}

#[test]
fn the_sample_map_survives_export_and_import() {
    let map = sample::stroller_map();
    let csv = export_csv(&map);
    // The sample has two personas and a Metrics lane, so the optional columns are written too.
    assert!(
        csv.starts_with("\u{feff}stage,lane,text,score,color,persona,measure,value,unit,min,max\n"),
        "{csv}"
    );
    let back = import(&csv);
    assert_eq!(cards_view(&back), cards_view(&map));
    // And again: the export of the import is the same text.
    assert_eq!(export_csv(&back), csv);
}

#[test]
fn export_keeps_stage_and_lane_order_and_empty_ones() {
    let mut map = Map::with_stages("order", &["First", "Second", "Empty"], false);
    // Only the second stage and the last card lane have cards, so the cards alone would change the order.
    let second = map.stages[1].id;
    let barriers = map.lanes[3].id;
    let id = waymark::model::CardId(map.allocate_id());
    map.cards.push(waymark::model::Card {
        id,
        stage: second,
        lane: barriers,
        text: "no delivery terms".into(),
        color: CardColor::Pink,
        channel: None,
        personas: Vec::new(),
    });
    let back = import(&export_csv(&map));
    assert_eq!(cards_view(&back), cards_view(&map));
}

#[test]
fn a_file_that_is_not_utf8_says_how_to_fix_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("windows-1251.csv");
    // "Этап;Дорожка;Текст" in Windows-1251.
    std::fs::write(
        &path,
        b"\xdd\xf2\xe0\xef;\xc4\xee\xf0\xee\xe6\xea\xe0;\xd2\xe5\xea\xf1\xf2\n",
    )
    .expect("write the file");
    let message = import_csv_file(&path).expect_err("not UTF-8").to_string();
    assert!(
        message.contains("windows-1251.csv") && message.contains("CSV UTF-8"),
        "{message}"
    );
}

#[test]
fn an_imported_file_is_titled_after_its_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("Stroller journey.csv");
    std::fs::write(&path, "stage,lane,text\nA,Actions,x\n").expect("write the file");
    let map = import_csv_file(&path).expect("imports");
    assert_eq!(map.title, "Stroller journey");
}
