//! Metrics and several personas without a window: edits and their undo, validation of hostile files, RON and
//! CSV round trips, the version 2 upgrade, what the layout draws, and `waymark export --persona`.

mod common;

use common::{lane, stage};
use waymark::edit::{Document, Edit, EditError, build};
use waymark::io::csv::{export_csv, import_csv};
use waymark::io::{load_file, parse_map, to_ron_string};
use waymark::layout::{TextEngine, layout_map, layout_map_for};
use waymark::model::{
    CardId, LaneId, LaneKind, Map, Measure, MeasureId, Persona, PersonaId, StageId,
};

/// Two stages, the default lanes and a Metrics lane named in English.
fn base() -> Document {
    let map = Map::with_stages("Stroller", &["Search", "Buy"], false);
    let mut doc = Document::new(map);
    let edit = build::add_lane(doc.map(), 4, LaneKind::Metrics, "Metrics");
    doc.apply(edit).expect("add the Metrics lane");
    doc
}

fn add_measure(doc: &mut Document, name: &str, unit: &str, min: f64, max: f64) -> MeasureId {
    let id = MeasureId(doc.map().next_id);
    let lane = lane(doc.map(), LaneKind::Metrics);
    let index = doc.map().lane(lane).map_or(0, |l| l.measures.len());
    let measure = Measure::new(id, name, unit, min, max);
    doc.apply(Edit::InsertMeasure {
        lane,
        index,
        measure,
    })
    .expect("add the measure");
    id
}

fn add_persona(doc: &mut Document, name: &str) -> PersonaId {
    let id = PersonaId(doc.map().next_id);
    let persona = Persona {
        id,
        name: name.to_owned(),
        ..Persona::default()
    };
    let index = doc.map().more_personas.len();
    doc.apply(Edit::InsertPersona {
        persona,
        index,
        emotions: Vec::new(),
        tags: Vec::new(),
    })
    .expect("add the persona");
    id
}

fn add_card(doc: &mut Document, stage: StageId, lane: LaneId, text: &str) -> CardId {
    let edit = build::add_card(doc.map(), stage, lane, None, text);
    let Edit::InsertCard { card, .. } = &edit else {
        panic!("an InsertCard")
    };
    let id = card.id;
    doc.apply(edit).expect("add the card");
    id
}

fn score(doc: &mut Document, persona: PersonaId, stage: StageId, value: i8, note: &str) {
    let lane = lane(doc.map(), LaneKind::Emotions);
    doc.apply(Edit::SetEmotion {
        lane,
        stage,
        persona,
        point: Some((value, note.to_owned())),
    })
    .expect("set the score");
}

/// A map with two measures, values, a second persona with its own curve, and tagged cards.
fn full() -> (Document, MeasureId, MeasureId, PersonaId) {
    let mut doc = base();
    let csat = add_measure(&mut doc, "CSAT", "", 1.0, 5.0);
    let nps = add_measure(&mut doc, "NPS", "", -100.0, 100.0);
    let (s0, s1) = (stage(doc.map(), 0), stage(doc.map(), 1));
    for (measure, stage, value) in [(csat, s0, 4.5), (csat, s1, 2.0), (nps, s1, -30.0)] {
        doc.apply(Edit::SetMetric {
            measure,
            stage,
            value: Some(value),
        })
        .expect("a value");
    }
    doc.apply(Edit::SetPersona(Persona {
        name: "Anna".into(),
        ..doc.map().persona.clone()
    }))
    .expect("name the first persona");
    let boris = add_persona(&mut doc, "Boris");
    score(&mut doc, PersonaId::MAIN, s0, 1, "curious");
    score(&mut doc, boris, s0, -2, "angry");
    score(&mut doc, boris, s1, 2, "");
    let actions = lane(doc.map(), LaneKind::Actions);
    let both = add_card(&mut doc, s0, actions, "Both look");
    let only_boris = add_card(&mut doc, s1, actions, "Boris pays");
    add_card(&mut doc, s1, actions, "Nobody's");
    doc.apply(Edit::SetCardPersonas {
        card: both,
        personas: vec![PersonaId::MAIN, boris],
    })
    .expect("tag");
    doc.apply(Edit::SetCardPersonas {
        card: only_boris,
        personas: vec![boris],
    })
    .expect("tag");
    (doc, csat, nps, boris)
}

#[test]
fn metrics_and_personas_survive_save_and_load() {
    let (doc, ..) = full();
    let map = doc.map().clone();
    assert!(map.validate().is_empty(), "{:?}", map.validate());
    let text = to_ron_string(&map).expect("serialises");
    assert!(text.contains("more_personas"), "{text}");
    assert!(text.contains("measures"), "{text}");
    let back = parse_map(&text).expect("loads");
    assert_eq!(back, map);
}

#[test]
fn every_metric_and_persona_edit_undoes_and_redoes_exactly() {
    let (mut doc, ..) = full();
    let end = doc.map().clone();
    while doc.undo() {}
    // Undo never hands ids out again, so the counter stays where it was.
    let start = Map {
        next_id: end.next_id,
        ..Map::with_stages("Stroller", &["Search", "Buy"], false)
    };
    assert_eq!(doc.map(), &start);
    while doc.redo() {}
    assert_eq!(doc.map(), &end);
}

#[test]
fn removing_a_stage_takes_its_values_and_every_persona_score_and_undo_brings_them_back() {
    let (mut doc, csat, nps, boris) = full();
    let before = doc.map().clone();
    let s1 = stage(doc.map(), 1);
    doc.apply(Edit::RemoveStage(s1)).expect("remove the stage");
    let map = doc.map();
    assert!(map.validate().is_empty(), "{:?}", map.validate());
    assert_eq!(map.measure(nps).map(|(_, m)| m.values.len()), Some(0));
    assert_eq!(map.measure(csat).map(|(_, m)| m.values.len()), Some(1));
    let emotions = &map.lanes[map.lane_index(lane(map, LaneKind::Emotions)).unwrap()].emotions;
    assert!(emotions.iter().all(|p| p.stage != s1));
    assert!(emotions.iter().any(|p| p.persona == boris));
    doc.undo();
    assert_eq!(doc.map(), &before);
}

#[test]
fn removing_a_persona_takes_its_scores_and_tags_and_undo_restores_them() {
    let (mut doc, _, _, boris) = full();
    let before = doc.map().clone();
    doc.apply(Edit::RemovePersona(boris)).expect("remove Boris");
    let map = doc.map();
    assert!(map.more_personas.is_empty());
    assert!(map.cards.iter().all(|c| !c.personas.contains(&boris)));
    assert!(
        map.lanes
            .iter()
            .flat_map(|l| &l.emotions)
            .all(|p| p.persona != boris)
    );
    assert!(map.validate().is_empty());
    doc.undo();
    assert_eq!(doc.map(), &before);
}

#[test]
fn edits_that_would_break_the_map_are_refused_and_change_nothing() {
    let (mut doc, csat, _, boris) = full();
    let before = doc.map().clone();
    let s0 = stage(doc.map(), 0);
    let metrics = lane(doc.map(), LaneKind::Metrics);
    let refused = [
        (
            Edit::SetMetric {
                measure: csat,
                stage: s0,
                value: Some(6.0),
            },
            EditError::MetricOutOfRange(6.0),
        ),
        (
            Edit::SetMetric {
                measure: csat,
                stage: s0,
                value: Some(f64::NAN),
            },
            EditError::MetricOutOfRange(f64::NAN),
        ),
        (
            Edit::SetMeasure {
                measure: csat,
                name: "CSAT".into(),
                unit: String::new(),
                min: 3.0,
                max: 5.0,
            },
            EditError::MetricOutOfRange(2.0),
        ),
        (
            Edit::SetMeasure {
                measure: csat,
                name: "CSAT".into(),
                unit: String::new(),
                min: 5.0,
                max: 1.0,
            },
            EditError::BadMeasureRange,
        ),
        (
            Edit::RemovePersona(PersonaId::MAIN),
            EditError::FirstPersonaStays,
        ),
        (
            Edit::SetCardPersonas {
                card: doc.map().cards[0].id,
                personas: vec![PersonaId(9999)],
            },
            EditError::NoSuchPersona(PersonaId(9999)),
        ),
        (
            Edit::SetLaneKind {
                lane: metrics,
                kind: LaneKind::Notes,
            },
            EditError::LaneHasMeasures(metrics),
        ),
        (
            Edit::InsertMeasure {
                lane: lane(doc.map(), LaneKind::Actions),
                index: 0,
                measure: Measure::new(MeasureId(5000), "X", "", 0.0, 1.0),
            },
            EditError::NotAMetricsLane(lane(doc.map(), LaneKind::Actions)),
        ),
    ];
    for (edit, expected) in refused {
        let error = doc
            .apply(edit.clone())
            .expect_err(&format!("{edit:?} is refused"));
        // NaN is never equal to itself: compare the kind of error for it.
        assert_eq!(format!("{error:?}"), format!("{expected:?}"), "{edit:?}");
        assert!(!error.to_string().is_empty());
    }
    for n in 0..4 {
        add_persona(&mut doc, &format!("P{n}"));
    }
    assert_eq!(doc.map().personas().count(), 6);
    let seventh = Edit::InsertPersona {
        persona: Persona {
            id: PersonaId(doc.map().next_id),
            ..Persona::default()
        },
        index: 0,
        emotions: Vec::new(),
        tags: Vec::new(),
    };
    assert_eq!(doc.apply(seventh), Err(EditError::TooManyPersonas));
    for _ in 0..4 {
        doc.undo();
    }
    let before = Map {
        next_id: doc.map().next_id,
        ..before
    };
    assert_eq!(doc.map(), &before);
    let _ = boris;
}

/// The map's RON with `from` replaced by `to`, loaded.
fn load_changed(from: &str, to: &str) -> Result<Map, String> {
    let (doc, ..) = full();
    let text = to_ron_string(doc.map()).expect("serialises");
    assert!(text.contains(from), "the file has {from:?}");
    parse_map(&text.replacen(from, to, 1)).map_err(|e| e.to_string())
}

#[test]
fn hostile_files_with_personas_or_metrics_are_refused_with_a_clear_error() {
    let (doc, ..) = full();
    let text = to_ron_string(doc.map()).expect("serialises");
    let boris = doc.map().more_personas[0].id.0;
    let cases: Vec<(String, String, &str)> = vec![
        (
            format!("personas: [\n        {boris},"),
            "personas: [\n        77777,".into(),
            "persona 77777",
        ),
        (
            format!("persona: {boris},"),
            "persona: 88888,".into(),
            "persona 88888",
        ),
        ("value: 4.5".into(), "value: 9.5".into(), "9.5"),
        ("min: 1.0".into(), "min: 7.0".into(), "range"),
        (
            "kind: Metrics".into(),
            "kind: Notes".into(),
            "not a Metrics lane",
        ),
    ];
    for (from, to, said) in cases {
        let error = load_changed(&from, &to).expect_err(&format!("{from} → {to} is refused"));
        assert!(error.contains(said), "{from} → {to}: {error}");
    }
    // Seven personas.
    let extra: String = (0..5)
        .map(|i| format!("(id: {}, name: \"P{i}\"),", 90000 + i))
        .collect();
    let seven = text.replacen("more_personas: [", &format!("more_personas: [{extra}"), 1);
    let error = parse_map(&seven)
        .expect_err("seven personas are refused")
        .to_string();
    assert!(error.contains("7 personas"), "{error}");
}

#[test]
fn a_version_2_file_reads_as_its_one_persona_with_that_curve() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stroller_v2.ron");
    let map = load_file(&path).expect("the version 2 fixture loads");
    assert_eq!(map.version, 3);
    assert!(map.more_personas.is_empty());
    assert_eq!(map.persona.id, PersonaId::MAIN);
    assert_eq!(map.persona.name, "Анна, 29 лет");
    let emotions = &map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Emotions)
        .expect("emotions")
        .emotions;
    assert_eq!(emotions.len(), 8);
    assert!(emotions.iter().all(|p| p.persona == PersonaId::MAIN));
    assert!(map.lanes.iter().all(|l| l.measures.is_empty()));
    assert!(map.cards.iter().all(|c| c.personas.is_empty()));
    // The same scores in the same order as the file says, and one curve in the usual colour, no legend.
    let text = std::fs::read_to_string(&path).expect("read");
    let scores: Vec<i8> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("score: "))
        .map(|s| s.trim_end_matches(',').parse().expect("a score"))
        .collect();
    assert_eq!(emotions.iter().map(|p| p.score).collect::<Vec<_>>(), scores);
    let layout = layout_map(&map, &mut TextEngine::new());
    assert_eq!(layout.curves.len(), 1);
    assert_eq!(layout.curves[0].color, waymark::layout::style::CURVE);
    assert!(layout.lanes.iter().all(|l| l.legend.is_empty()));
    // Saved again, it has none of the new fields.
    let saved = to_ron_string(&map).expect("serialises");
    for field in ["more_personas", "measures", "personas:"] {
        assert!(!saved.contains(field), "{field} in {saved}");
    }
    assert_eq!(
        saved.matches("persona:").count(),
        1,
        "only the map's own persona"
    );
}

#[test]
fn the_layout_draws_bars_with_values_every_curve_with_a_legend_and_dims_by_persona() {
    let (doc, csat, _, boris) = full();
    let map = doc.map();
    let all = layout_map(map, &mut TextEngine::new());
    assert_eq!(all.charts.len(), 1);
    let rows = &all.charts[0].rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].measure, csat);
    let printed: Vec<String> = rows
        .iter()
        .flat_map(|r| &r.bars)
        .map(|b| b.value.lines.join(""))
        .collect();
    assert_eq!(printed, vec!["4.5", "2", "−30"]);
    // CSAT 4.5 of 1–5 is taller than 2.
    assert!(rows[0].bars[0].rect.height() > rows[0].bars[1].rect.height());
    // −30 of −100…100 hangs below the zero line.
    assert!(rows[1].bars[0].rect.top() >= rows[1].baseline_y - 0.5);
    let metrics = all
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Metrics)
        .expect("metrics lane");
    let labels: Vec<String> = metrics
        .legend
        .iter()
        .map(|l| l.text.lines.join(" "))
        .collect();
    assert_eq!(labels, vec!["CSAT (1…5)", "NPS (−100…100)"]);
    assert_eq!(all.curves.len(), 2);
    assert_ne!(all.curves[0].color, all.curves[1].color);
    let emotions = all
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Emotions)
        .expect("emotions lane");
    assert_eq!(emotions.legend.len(), 2);
    assert!(all.cards.iter().all(|c| !c.dimmed));

    let only = layout_map_for(map, &mut TextEngine::new(), Some(boris));
    assert_eq!(only.curves.len(), 1);
    assert_eq!(only.curves[0].persona, boris);
    let dimmed: Vec<(String, bool)> = only
        .cards
        .iter()
        .map(|c| (c.text.lines.join(" "), c.dimmed))
        .collect();
    assert_eq!(
        dimmed,
        vec![
            ("Both look".into(), false),
            ("Boris pays".into(), false),
            ("Nobody's".into(), true)
        ]
    );
}

/// A map's personas, measures (name, label, values by stage), scores (stage, persona, score) and card tags, by
/// names: what CSV import gives back (ids differ).
type ByNames = (
    Vec<String>,
    Vec<(String, String, Vec<(String, f64)>)>,
    Vec<(String, String, i8)>,
    Vec<(String, Vec<String>)>,
);

fn by_names(map: &Map) -> ByNames {
    let personas = map.personas().map(|p| p.name.clone()).collect();
    let stage_name = |id: StageId| map.stage(id).map(|s| s.name.clone()).unwrap_or_default();
    let persona_name = |id: PersonaId| {
        map.persona_by_id(id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let measures = map
        .lanes
        .iter()
        .flat_map(|l| &l.measures)
        .map(|m| {
            let values = m
                .values
                .iter()
                .map(|v| (stage_name(v.stage), v.value))
                .collect();
            (m.name.clone(), m.label(), values)
        })
        .collect();
    let scores = map
        .lanes
        .iter()
        .flat_map(|l| &l.emotions)
        .map(|p| (stage_name(p.stage), persona_name(p.persona), p.score))
        .collect();
    let tags = map
        .cards
        .iter()
        .map(|c| {
            (
                c.text.clone(),
                c.personas.iter().map(|p| persona_name(*p)).collect(),
            )
        })
        .collect();
    (personas, measures, scores, tags)
}

#[test]
fn metrics_and_personas_round_trip_through_csv() {
    let (doc, ..) = full();
    let text = export_csv(doc.map());
    let header = text.lines().next().expect("a header");
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        "stage,lane,text,score,color,persona,measure,value,unit,min,max"
    );
    assert!(text.contains("Search,Metrics,,,,,CSAT,4.5,,1,5"), "{text}");
    assert!(text.contains("Buy,Metrics,,,,,NPS,-30,,-100,100"), "{text}");
    assert!(text.contains("Both look,,Yellow,Anna; Boris"), "{text}");
    let back = import_csv(&text).expect("imports");
    assert!(back.validate().is_empty(), "{:?}", back.validate());
    assert_eq!(by_names(&back), by_names(doc.map()));
    // A measure without values survives too, and the lane stays a Metrics lane.
    let mut doc = base();
    add_measure(&mut doc, "Time", "min", 0.0, 60.0);
    let back = import_csv(&export_csv(doc.map())).expect("imports");
    assert_eq!(by_names(&back), by_names(doc.map()));
    assert_eq!(
        back.lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Metrics)
            .count(),
        1
    );
}

#[test]
fn a_map_without_personas_or_metrics_exports_the_old_columns_and_bad_metric_rows_are_named() {
    let map = Map::with_stages("M", &["A"], false);
    let text = export_csv(&map);
    assert_eq!(
        text.lines()
            .next()
            .map(|l| l.trim_start_matches('\u{feff}')),
        Some("stage,lane,text,score,color")
    );
    let bad = "stage;lane;text;measure;value;min;max\nA;KPI;;CSAT;7;1;5\nA;KPI;;NPS;x;-100;100\nB;KPI;;Time;;;\n";
    let error = import_csv(bad).expect_err("refused").to_string();
    assert!(error.contains("row 2") && error.contains("7"), "{error}");
    assert!(error.contains("row 3") && error.contains("“x”"), "{error}");
    assert!(error.contains("row 4") && error.contains("Time"), "{error}");
    // Russian column names, a decimal comma, and a lane whose name says nothing becomes a Metrics lane.
    let good = "этап;дорожка;текст;показатель;значение;единица;минимум;максимум\nA;KPI;;Конверсия;12,5;%;0;100\n";
    let map = import_csv(good).expect("imports");
    let kpi = &map.lanes[0];
    assert_eq!(kpi.kind, LaneKind::Metrics);
    assert_eq!(kpi.measures[0].label(), "Конверсия, % (0…100)");
    assert_eq!(kpi.measures[0].values[0].value, 12.5);
}

#[test]
fn export_draws_one_persona_when_asked_and_names_a_missing_one() {
    let (doc, ..) = full();
    let dir = std::env::temp_dir().join(format!("waymark-metrics-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let map_path = dir.join("map.ron");
    waymark::io::save_file(doc.map(), &map_path).expect("saved");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_waymark"))
            .env("WAYMARK_LANG", "en")
            .args(args)
            .output()
            .expect("runs")
    };
    let svg = dir.join("boris.svg");
    let out = run(&[
        "export",
        map_path.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
        "--persona",
        "boris",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).expect("the SVG");
    assert!(text.contains("Boris") && text.contains("CSAT (1…5)") && text.contains("4.5"));
    let all = dir.join("all.svg");
    let out = run(&[
        "export",
        map_path.to_str().unwrap(),
        "-o",
        all.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let every = std::fs::read_to_string(&all).expect("the SVG");
    // With every persona the legend names both; with one, only that one.
    assert!(
        every.contains(">Anna<") && every.contains(">Boris<"),
        "legend of all"
    );
    assert!(!text.contains(">Anna<"), "only Boris's legend");
    let out = run(&[
        "export",
        map_path.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
        "--persona",
        "Clara",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no persona “Clara”"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
