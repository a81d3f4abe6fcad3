//! Gap analysis: each kind of finding raised and cleared on small maps, kinds switched off (saved, loaded,
//! undone), `waymark report` run as a user runs it, the version 1 file upgrade, and the findings panel.

mod common;

mod ui_driver;

use std::path::Path;
use std::process::{Command, Output};

use common::{lane, stage};
use egui::{Key, Vec2};
use egui_kittest::kittest::Queryable;
use ui_driver::Driver;
use waymark::analysis::{Finding, all_findings, findings};
use waymark::edit::{Document, Edit, build};
use waymark::io::{load_file, save_file, to_ron_string};
use waymark::model::{
    CURRENT_VERSION, CardId, FindingKind, LaneId, LaneKind, Map, StageId, sample::stroller_map,
};
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::view::View;
use waymark::ui::selection::Selection;

/// Two stages, "Поиск" and "Покупка", with the default lanes (Actions, Thoughts, Emotions, Barriers).
fn two_stages() -> Map {
    Map::with_stages("Коляска", &["Поиск", "Покупка"], true)
}

fn add_lane(doc: &mut Document, kind: LaneKind) -> LaneId {
    let edit = build::add_lane(doc.map(), doc.map().lanes.len(), kind, kind.name_en());
    doc.apply(edit).expect("add the lane");
    lane(doc.map(), kind)
}

fn add_card(doc: &mut Document, stage: StageId, lane: LaneId, text: &str) -> CardId {
    let edit = build::add_card(doc.map(), stage, lane, None, text);
    let Edit::InsertCard { card, .. } = &edit else {
        panic!("add_card gives an InsertCard")
    };
    let id = card.id;
    doc.apply(edit).expect("add the card");
    id
}

/// (kind, stage index) of each finding.
fn found(map: &Map) -> Vec<(&'static str, usize)> {
    kinds(&findings(map), map)
}

fn kinds(list: &[Finding], map: &Map) -> Vec<(&'static str, usize)> {
    list.iter()
        .map(|f| (f.kind.name(), map.stage_index(f.stage).expect("stage")))
        .collect()
}

fn of_kind(map: &Map, kind: FindingKind) -> Vec<Finding> {
    findings(map)
        .into_iter()
        .filter(|f| f.kind == kind)
        .collect()
}

#[test]
fn an_empty_stage_is_found_until_it_gets_a_card() {
    let mut doc = Document::new(two_stages());
    let actions = lane(doc.map(), LaneKind::Actions);
    let (s0, s1) = (stage(doc.map(), 0), stage(doc.map(), 1));
    assert_eq!(
        found(doc.map()),
        [("empty-stage", 0), ("empty-stage", 1)],
        "a new map's stages are empty"
    );
    add_card(&mut doc, s0, actions, "Гуглит модель");
    assert_eq!(found(doc.map()), [("empty-stage", 1)]);
    let empty = &of_kind(doc.map(), FindingKind::EmptyStage)[0];
    assert_eq!(empty.stage, s1);
    assert!(empty.message.contains("Покупка"), "{}", empty.message);
    add_card(&mut doc, s1, actions, "Платит");
    assert_eq!(found(doc.map()), []);
    doc.undo();
    assert_eq!(
        found(doc.map()),
        [("empty-stage", 1)],
        "undo brings it back"
    );
}

#[test]
fn a_stage_without_a_touchpoint_is_found_only_in_maps_with_a_touchpoints_lane() {
    let mut doc = Document::new(two_stages());
    let actions = lane(doc.map(), LaneKind::Actions);
    let (s0, s1) = (stage(doc.map(), 0), stage(doc.map(), 1));
    add_card(&mut doc, s0, actions, "a");
    add_card(&mut doc, s1, actions, "b");
    assert!(of_kind(doc.map(), FindingKind::StageWithoutTouchpoint).is_empty());

    let touchpoints = add_lane(&mut doc, LaneKind::Touchpoints);
    let list = of_kind(doc.map(), FindingKind::StageWithoutTouchpoint);
    assert_eq!(
        kinds(&list, doc.map()),
        [
            ("stage-without-touchpoint", 0),
            ("stage-without-touchpoint", 1)
        ]
    );
    assert_eq!(
        list[0].cells,
        [(s0, touchpoints)],
        "the empty touchpoint cell"
    );

    add_card(&mut doc, s0, touchpoints, "Сайт магазина");
    assert_eq!(found(doc.map()), [("stage-without-touchpoint", 1)]);
    // A second Touchpoints lane: a card in either one is a touchpoint of the stage.
    let edit = build::add_lane(doc.map(), 0, LaneKind::Touchpoints, "Offline");
    doc.apply(edit).expect("second lane");
    let second = doc.map().lanes[0].id;
    add_card(&mut doc, s1, second, "Магазин");
    assert_eq!(found(doc.map()), []);
}

#[test]
fn barriers_without_a_solution_are_found_only_in_maps_with_a_solutions_lane() {
    let mut doc = Document::new(two_stages());
    let barriers = lane(doc.map(), LaneKind::Barriers);
    let actions = lane(doc.map(), LaneKind::Actions);
    let (s0, s1) = (stage(doc.map(), 0), stage(doc.map(), 1));
    let b1 = add_card(&mut doc, s0, barriers, "Нет размеров");
    let b2 = add_card(&mut doc, s0, barriers, "Дорогая доставка");
    add_card(&mut doc, s1, actions, "Платит");
    assert!(of_kind(doc.map(), FindingKind::BarrierWithoutSolution).is_empty());

    let solutions = add_lane(&mut doc, LaneKind::Solutions);
    let list = of_kind(doc.map(), FindingKind::BarrierWithoutSolution);
    assert_eq!(list.len(), 1, "only the stage with barriers");
    assert_eq!(list[0].stage, s0);
    assert_eq!(list[0].cards, [b1, b2], "the barriers, in map order");
    assert_eq!(list[0].cells, [(s0, solutions), (s0, barriers)]);
    assert!(
        list[0].message.contains("2 barriers"),
        "{}",
        list[0].message
    );

    // A card elsewhere in the stage is not a solution.
    add_card(&mut doc, s0, actions, "Ищет дальше");
    assert_eq!(
        of_kind(doc.map(), FindingKind::BarrierWithoutSolution).len(),
        1
    );
    add_card(&mut doc, s0, solutions, "Таблица габаритов");
    assert!(of_kind(doc.map(), FindingKind::BarrierWithoutSolution).is_empty());
}

#[test]
fn a_dip_without_a_barrier_is_found_at_minus_one_and_minus_two() {
    let mut doc = Document::new(two_stages());
    let emotions = lane(doc.map(), LaneKind::Emotions);
    let barriers = lane(doc.map(), LaneKind::Barriers);
    let actions = lane(doc.map(), LaneKind::Actions);
    let (s0, s1) = (stage(doc.map(), 0), stage(doc.map(), 1));
    add_card(&mut doc, s0, actions, "a");
    add_card(&mut doc, s1, actions, "b");
    let score = |doc: &mut Document, stage, score| {
        doc.apply(Edit::SetEmotion {
            lane: emotions,
            stage,
            point: Some((score, String::new())),
            persona: waymark::model::PersonaId::MAIN,
        })
        .expect("score");
    };
    score(&mut doc, s0, 0);
    score(&mut doc, s1, 2);
    assert_eq!(found(doc.map()), [], "no dip");
    score(&mut doc, s1, -1);
    assert_eq!(found(doc.map()), [("dip-without-barrier", 1)]);
    score(&mut doc, s1, -2);
    let list = of_kind(doc.map(), FindingKind::DipWithoutBarrier);
    assert_eq!(list[0].cells[0], (s1, emotions), "the emotion cell first");
    assert!(list[0].message.contains("-2"), "{}", list[0].message);
    // A barrier at another stage does not explain this dip.
    add_card(&mut doc, s0, barriers, "Not here");
    assert_eq!(found(doc.map()), [("dip-without-barrier", 1)]);
    add_card(&mut doc, s1, barriers, "Доставка не найти");
    assert_eq!(found(doc.map()), []);
}

#[test]
fn a_switched_off_kind_is_hidden_saved_loaded_and_undone() {
    let mut doc = Document::new(two_stages());
    assert_eq!(found(doc.map()).len(), 2);
    doc.apply(Edit::SetFindingKind {
        kind: FindingKind::EmptyStage,
        on: false,
    })
    .expect("switch off");
    assert!(!doc.map().finding_on(FindingKind::EmptyStage));
    assert_eq!(found(doc.map()), [], "hidden");
    assert_eq!(
        all_findings(doc.map()).len(),
        2,
        "still counted for the panel"
    );
    assert!(doc.is_dirty(), "a change to save");

    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("map.ron");
    save_file(doc.map(), &path).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("findings_off: [\n    EmptyStage,\n  ]"),
        "{text}"
    );
    let loaded = load_file(&path).expect("load");
    assert_eq!(loaded.findings_off, [FindingKind::EmptyStage]);
    assert_eq!(found(&loaded), []);

    assert!(doc.undo());
    assert!(doc.map().finding_on(FindingKind::EmptyStage));
    assert_eq!(found(doc.map()).len(), 2, "undo switches it on again");
    assert!(doc.redo());
    assert_eq!(found(doc.map()), []);
    // Switching on again gives back a map with nothing switched off, written without the field.
    doc.apply(Edit::SetFindingKind {
        kind: FindingKind::EmptyStage,
        on: true,
    })
    .expect("switch on");
    assert!(doc.map().findings_off.is_empty());
    assert!(
        !to_ron_string(doc.map())
            .expect("text")
            .contains("findings_off")
    );
}

#[test]
fn kinds_switched_off_stay_in_order_whatever_order_they_are_switched() {
    let mut map = two_stages();
    for kind in [FindingKind::EmptyStage, FindingKind::StageWithoutTouchpoint] {
        waymark::edit::apply(&mut map, Edit::SetFindingKind { kind, on: false }).expect("off");
    }
    assert_eq!(
        map.findings_off,
        [FindingKind::StageWithoutTouchpoint, FindingKind::EmptyStage]
    );
    let text = to_ron_string(&map).expect("text").replace(
        "StageWithoutTouchpoint,",
        "EmptyStage, StageWithoutTouchpoint,",
    );
    let loaded = waymark::io::parse_map(&text).expect("a repeated kind still loads");
    assert_eq!(
        loaded.findings_off, map.findings_off,
        "sorted, without repeats"
    );
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn a_version_1_file_upgrades_to_the_current_version() {
    let path = fixture("stroller_v1.ron");
    let text = std::fs::read_to_string(&path).expect("read the fixture");
    assert!(
        text.contains("  version: 1,"),
        "the fixture is a real version 1 file"
    );
    assert!(!text.contains("findings_off"));
    let map = load_file(&path).expect("a version 1 file loads");
    assert_eq!(map.version, CURRENT_VERSION);
    assert!(map.findings_off.is_empty(), "every kind on");
    // The sample map as version 1 wrote it (the sample itself may change later; the fixture does not).
    assert_eq!(map.title, "Покупка детской коляски");
    assert_eq!(
        (map.stages.len(), map.lanes.len(), map.cards.len()),
        (8, 6, 46)
    );
    // Saved again, it is the same text but for the version.
    let saved = to_ron_string(&map).expect("text");
    let current = format!("version: {CURRENT_VERSION},");
    assert!(saved.contains(&current));
    assert_eq!(saved.replacen(&current, "version: 1,", 1), text);
}

#[test]
fn a_version_2_file_keeps_its_switched_off_findings() {
    let path = fixture("stroller_v2.ron");
    let text = std::fs::read_to_string(&path).expect("read the fixture");
    assert!(text.contains("  version: 2,"), "a real version 2 file");
    let map = load_file(&path).expect("a version 2 file loads");
    assert_eq!(map.version, CURRENT_VERSION);
    assert_eq!(map.findings_off, vec![FindingKind::BarrierWithoutSolution]);
    let saved = to_ron_string(&map).expect("text");
    assert_eq!(
        saved.replacen(&format!("version: {CURRENT_VERSION},"), "version: 2,", 1),
        text
    );
}

fn waymark(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .output()
        .expect("waymark runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The stroller map with a Solutions card taken out (so a barrier lacks a solution), a stage emptied of
/// touchpoints, and dips-without-barriers switched off.
fn report_map() -> Map {
    let mut map = stroller_map();
    let solutions = lane(&map, LaneKind::Solutions);
    let touchpoints = lane(&map, LaneKind::Touchpoints);
    let first = stage(&map, 0);
    map.cards
        .retain(|c| !(c.lane == solutions || (c.lane == touchpoints && c.stage == first)));
    map.findings_off = vec![FindingKind::DipWithoutBarrier];
    map
}

#[test]
fn report_json_lists_each_finding_and_a_summary() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("коляска.ron");
    let map = report_map();
    save_file(&map, &path).expect("save");
    let out = waymark(&[
        "report".as_ref(),
        path.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "findings are not a failure: {}",
        text(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the output is JSON");
    let items = json["findings"].as_array().expect("a findings array");
    let expected = findings(&map);
    assert!(!expected.is_empty());
    assert_eq!(items.len(), expected.len());
    for (item, finding) in items.iter().zip(&expected) {
        assert_eq!(item["kind"], finding.kind.name());
        let stage = map.stage(finding.stage).expect("stage");
        assert_eq!(
            item["stage"],
            stage.name.as_str(),
            "the stage's name, Cyrillic as text"
        );
        assert_eq!(item["stage_id"], finding.stage.0);
        assert_eq!(item["message"], finding.message.as_str());
        assert!(
            item["message"]
                .as_str()
                .is_some_and(|m| m.contains(&stage.name)),
            "{item}"
        );
    }
    let first = &items[0];
    assert_eq!(first["kind"], "stage-without-touchpoint");
    assert_eq!(first["stage"], map.stages[0].name.as_str());
    assert_eq!(
        first["lanes"][0],
        map.lane(lane(&map, LaneKind::Touchpoints))
            .map(|l| l.name.as_str())
            .unwrap_or("")
    );
    let barriers = items
        .iter()
        .filter(|i| i["kind"] == "barrier-without-solution")
        .count();
    let stages_with_barriers = map
        .stages
        .iter()
        .filter(|s| {
            map.cards_in(s.id, lane(&map, LaneKind::Barriers))
                .next()
                .is_some()
        })
        .count();
    assert_eq!(
        barriers, stages_with_barriers,
        "every stage with barriers lacks a solution"
    );
    assert!(
        items.iter().all(|i| i["kind"] != "dip-without-barrier"),
        "switched off"
    );

    let summary = &json["summary"];
    assert_eq!(summary["stages"], map.stages.len());
    assert_eq!(summary["lanes"], map.lanes.len());
    assert_eq!(summary["cards"], map.cards.len());
    assert_eq!(summary["links"], map.links.len());
    assert_eq!(summary["findings"], expected.len());
    assert_eq!(
        json["switched_off"],
        serde_json::json!(["dip-without-barrier"])
    );
    assert_eq!(json["title"], map.title.as_str());
}

#[test]
fn report_text_and_markdown_read_well() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("map.ron");
    let map = report_map();
    save_file(&map, &path).expect("save");
    let n = findings(&map).len();

    let out = waymark(&["report".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0));
    let plain = text(&out.stdout);
    let first = plain.lines().next().unwrap_or_default();
    assert!(first.contains(&format!("{n} findings")), "{plain}");
    assert!(first.contains(&map.title), "{plain}");
    assert_eq!(
        plain
            .lines()
            .filter(|l| l.starts_with("stage-without-touchpoint "))
            .count(),
        1,
        "{plain}"
    );

    let out = waymark(&[
        "report".as_ref(),
        path.as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let md = text(&out.stdout);
    assert!(
        md.starts_with(&format!("# Findings: {}\n", map.title)),
        "{md}"
    );
    assert!(md.contains(&format!("{n} findings")), "{md}");
    let first_stage = format!("\n## {}\n", map.stages[0].name);
    assert!(md.contains(&first_stage), "a section per stage:\n{md}");
    assert!(md.contains("- `stage-without-touchpoint`: "), "{md}");
    assert!(md.contains("*switched off: `dip-without-barrier`*"), "{md}");
}

#[test]
fn report_fails_only_for_a_bad_map() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let out = waymark(&[
        "report".as_ref(),
        corpus.join("truncated.ron").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout for a script to misread"
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("truncated.ron: line 9, column 19"),
        "{stderr}"
    );

    let out = waymark(&["report".as_ref(), fixture("stroller_v1.ron").as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a version 1 file is reported on: {}",
        text(&out.stderr)
    );
}

#[test]
fn the_findings_panel_lists_findings_and_a_click_selects_the_cells() {
    let mut map = report_map();
    map.findings_off.clear();
    let barrier_finding = findings(&map)
        .into_iter()
        .find(|f| f.kind == FindingKind::BarrierWithoutSolution)
        .expect("a barrier without a solution");
    let mut ui = Driver::with_app(WaymarkApp::new(map, None));
    ui.harness.get_by_label("View").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label_contains("Findings").click();
    ui.harness.run_steps(3);
    assert!(ui.app().findings.open, "View → Findings opens the panel");

    ui.harness.get_by_label(&barrier_finding.message).click();
    ui.harness.run_steps(3);
    assert_eq!(
        ui.app().canvas.selection,
        Selection::Card(barrier_finding.cards[0]),
        "the barrier is selected"
    );
    // Shown: scrolled from far away to where the card is on the canvas (left of the side panel, above the
    // findings panel).
    let on_canvas = |ui: &Driver, card: CardId| {
        let c = ui.card_center(card);
        c.x > 100.0 && c.x < 1200.0 && c.y > 80.0 && c.y < 750.0
    };
    ui.harness.state_mut().canvas.set_view(View {
        pan: Vec2::new(-4000.0, -2000.0),
        zoom: 1.0,
    });
    ui.harness.run_steps(2);
    assert!(!on_canvas(&ui, barrier_finding.cards[0]));
    ui.harness.get_by_label(&barrier_finding.message).click();
    ui.harness.run_steps(3);
    assert!(
        on_canvas(&ui, barrier_finding.cards[0]),
        "scrolled to the card"
    );

    // A finding without cards selects its first cell.
    let touchpoint = findings(ui.map())
        .into_iter()
        .find(|f| f.kind == FindingKind::StageWithoutTouchpoint)
        .expect("a stage without a touchpoint");
    ui.harness.get_by_label(&touchpoint.message).click();
    ui.harness.run_steps(3);
    assert_eq!(
        ui.app().canvas.selection,
        Selection::Cell(touchpoint.cells[0].0, touchpoint.cells[0].1)
    );

    // Switching a kind off in the panel is an undoable edit, and its findings leave the list.
    ui.harness
        .get_by_label_contains("Stages without a touchpoint")
        .click();
    ui.harness.run_steps(3);
    assert!(!ui.map().finding_on(FindingKind::StageWithoutTouchpoint));
    assert!(
        ui.harness.query_by_label(&touchpoint.message).is_none(),
        "hidden"
    );
    ui.undo();
    ui.harness.run_steps(3);
    assert!(ui.map().finding_on(FindingKind::StageWithoutTouchpoint));
    assert!(
        ui.harness.query_by_label(&touchpoint.message).is_some(),
        "back after undo"
    );

    // F8 closes it again.
    ui.key(Key::F8);
    ui.harness.run_steps(2);
    assert!(!ui.app().findings.open);
}
