//! The map document on its own: files round-trip, ids stay stable, every edit undoes exactly, bad files give
//! errors.

use waymark::edit::{Document, Edit, apply, build};
use waymark::io::{LoadError, load_file, parse_map, save_file, to_ron_string};
use waymark::model::sample::stroller_map;
use waymark::model::templates::{Language, Template};
use waymark::model::{
    CURRENT_VERSION, CardColor, Channel, FindingKind, LaneKind, Map, Persona, Photo,
};

fn round_trip(map: &Map) -> Map {
    let text = to_ron_string(map).expect("serialises");
    parse_map(&text).unwrap_or_else(|e| panic!("reads back: {e}\n{text}"))
}

#[test]
fn the_sample_and_every_template_survive_save_and_load() {
    assert_eq!(round_trip(&stroller_map()), stroller_map());
    for template in Template::ALL {
        for language in [Language::English, Language::Russian] {
            let map = template.build(language);
            assert_eq!(round_trip(&map), map, "{template:?} {language:?}");
        }
    }
}

#[test]
fn saving_to_disk_and_loading_gives_the_same_map_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("коляска.ron");
    let map = stroller_map();
    save_file(&map, &path).unwrap();
    let loaded = load_file(&path).unwrap();
    assert_eq!(loaded, map);
    let ids = |m: &Map| {
        let mut ids: Vec<u64> = m
            .stages
            .iter()
            .map(|s| s.id.0)
            .chain(m.lanes.iter().map(|l| l.id.0))
            .collect();
        ids.extend(m.cards.iter().map(|c| c.id.0));
        ids
    };
    assert_eq!(ids(&loaded), ids(&map));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.trim_start()
            .starts_with(&format!("(\n  version: {CURRENT_VERSION},")),
        "version comes first:\n{}",
        &text[..60]
    );
    assert!(
        text.contains("Сайт магазина"),
        "Cyrillic is written as text, not escapes"
    );
}

#[test]
fn the_sample_map_is_the_stroller_story() {
    let map = stroller_map();
    assert!(map.validate().is_empty());
    for kind in LaneKind::DEFAULT.into_iter().chain([LaneKind::Touchpoints]) {
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == kind)
            .expect("lane present");
        if kind.holds_cards() {
            assert!(
                map.stages
                    .iter()
                    .all(|s| map.cards_in(s.id, lane.id).count() > 0)
                    || kind == LaneKind::Barriers
            );
        } else {
            for persona in map.personas() {
                assert!(
                    map.stages
                        .iter()
                        .all(|s| lane.emotion_of(persona.id, s.id).is_some()),
                    "{}: a score at every stage",
                    persona.name
                );
            }
        }
    }
    let emotions = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Emotions)
        .unwrap();
    let low = emotions.emotions.iter().min_by_key(|p| p.score).unwrap();
    assert_eq!(
        map.stage(low.stage).unwrap().name,
        "Сайт магазина",
        "the curve dips where the sale nearly failed"
    );
    assert!(!map.persona.name.is_empty() && !map.persona.goals.is_empty());
}

#[test]
fn ids_are_never_reused_even_after_undo() {
    let mut doc = Document::new(Template::Blank.build(Language::English));
    let (stage, lane) = (doc.map().stages[0].id, doc.map().lanes[0].id);
    let first = build::add_card(doc.map(), stage, lane, None, "one");
    let Edit::InsertCard { card, .. } = &first else {
        panic!()
    };
    let first_id = card.id;
    doc.apply(first).unwrap();
    doc.undo();
    let second = build::add_card(doc.map(), stage, lane, None, "two");
    let Edit::InsertCard { card, .. } = &second else {
        panic!()
    };
    assert_ne!(card.id, first_id);
}

/// Applies an edit and its inverse and checks the map is back exactly as it was.
fn undoes_exactly(map: &Map, edit: Edit) {
    let mut changed = map.clone();
    let inverse = apply(&mut changed, edit.clone()).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    assert_ne!(&changed, map, "{edit:?} changed nothing");
    apply(&mut changed, inverse).unwrap();
    changed.next_id = map.next_id;
    assert_eq!(&changed, map, "{edit:?} did not undo exactly");
}

#[test]
fn every_kind_of_edit_undoes_exactly() {
    let map = stroller_map();
    let card = &map.cards[3];
    let stage = &map.stages[2];
    let lane = &map.lanes[0];
    let emotions = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Emotions)
        .unwrap();
    let photo = {
        let mut png = Vec::new();
        image::RgbaImage::from_pixel(4, 4, image::Rgba([200, 10, 10, 255]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        Photo::from_image_bytes(&png).unwrap()
    };
    let edits = vec![
        Edit::SetTitle("Другое".into()),
        Edit::SetPersona(Persona {
            photo: Some(photo),
            ..map.persona.clone()
        }),
        build::add_card(&map, stage.id, lane.id, Some(card.id), "new"),
        Edit::RemoveCard(card.id),
        Edit::SetCardText {
            card: card.id,
            text: "changed".into(),
        },
        Edit::SetCardColor {
            card: card.id,
            color: CardColor::White,
        },
        Edit::SetCardChannel {
            card: card.id,
            channel: Some(Channel::Offline),
        },
        build::move_card(&map, card.id, map.stages[5].id, lane.id, None).unwrap(),
        build::move_card(
            &map,
            map.cards[1].id,
            map.cards[0].stage,
            map.cards[0].lane,
            Some(map.cards[0].id),
        )
        .unwrap(),
        build::add_stage(&map, 1, "Новый"),
        Edit::RemoveStage(stage.id),
        Edit::SetStage(waymark::model::Stage {
            width: 300.0,
            ..stage.clone()
        }),
        Edit::MoveStage {
            stage: stage.id,
            index: 0,
        },
        build::add_lane(&map, 2, LaneKind::Metrics, "Metrics"),
        Edit::RemoveLane(lane.id),
        Edit::RemoveLane(emotions.id),
        Edit::SetLaneName {
            lane: lane.id,
            name: "Шаги".into(),
        },
        Edit::SetLaneKind {
            lane: lane.id,
            kind: LaneKind::Goals,
        },
        Edit::MoveLane {
            lane: lane.id,
            index: 3,
        },
        Edit::SetEmotion {
            lane: emotions.id,
            stage: stage.id,
            point: Some((2, "ура".into())),
            persona: waymark::model::PersonaId::MAIN,
        },
        Edit::SetEmotion {
            lane: emotions.id,
            stage: stage.id,
            point: None,
            persona: waymark::model::PersonaId::MAIN,
        },
        Edit::Batch(vec![Edit::RemoveCard(card.id), Edit::RemoveStage(stage.id)]),
        Edit::SetFindingKind {
            kind: FindingKind::DipWithoutBarrier,
            on: false,
        },
        Edit::Batch(vec![
            Edit::SetFindingKind {
                kind: FindingKind::EmptyStage,
                on: false,
            },
            Edit::SetFindingKind {
                kind: FindingKind::StageWithoutTouchpoint,
                on: false,
            },
        ]),
    ];
    for edit in edits {
        undoes_exactly(&map, edit);
    }
}

#[test]
fn invalid_edits_are_refused_and_change_nothing() {
    let map = stroller_map();
    let emotions = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Emotions)
        .unwrap()
        .id;
    let bad = vec![
        Edit::RemoveCard(waymark::model::CardId(9999)),
        Edit::SetEmotion {
            lane: emotions,
            stage: map.stages[0].id,
            point: Some((3, String::new())),
            persona: waymark::model::PersonaId::MAIN,
        },
        Edit::SetEmotion {
            lane: map.lanes[0].id,
            stage: map.stages[0].id,
            point: Some((1, String::new())),
            persona: waymark::model::PersonaId::MAIN,
        },
        build::add_card(
            &map,
            map.stages[0].id,
            emotions,
            None,
            "no cards in the Emotions lane",
        ),
        Edit::MoveStage {
            stage: map.stages[0].id,
            index: 99,
        },
        Edit::SetStage(waymark::model::Stage {
            width: 5.0,
            ..map.stages[0].clone()
        }),
        Edit::SetLaneKind {
            lane: emotions,
            kind: LaneKind::Actions,
        },
        Edit::Batch(vec![
            Edit::SetTitle("x".into()),
            Edit::RemoveCard(waymark::model::CardId(9999)),
        ]),
    ];
    for edit in bad {
        let mut changed = map.clone();
        assert!(
            apply(&mut changed, edit.clone()).is_err(),
            "{edit:?} was accepted"
        );
        assert_eq!(changed, map, "{edit:?} changed the map although refused");
    }
}

#[test]
fn a_gesture_is_one_undo_step_and_saving_clears_the_marker() {
    let mut doc = Document::new(stroller_map());
    let card = doc.map().cards[0].id;
    assert!(!doc.is_dirty());
    for text in ["П", "Пр", "При"] {
        let key = waymark::edit::MergeKey::CardText(card.0);
        doc.apply_merging(
            Edit::SetCardText {
                card,
                text: text.into(),
            },
            Some(key),
        )
        .unwrap();
    }
    doc.seal();
    assert!(doc.is_dirty());
    doc.undo();
    assert_eq!(doc.map(), &stroller_map());
    assert!(!doc.is_dirty(), "undoing back to the saved state is clean");
    doc.redo();
    doc.mark_saved();
    assert!(!doc.is_dirty());
    doc.undo();
    assert!(doc.is_dirty());
}

#[test]
fn bad_files_give_errors_not_panics() {
    let good = to_ron_string(&stroller_map()).unwrap();
    let truncated = &good[..good.len() / 2];
    match parse_map(truncated) {
        Err(LoadError::Syntax { line, .. }) => assert!(line > 1),
        other => panic!("truncated: {other:?}"),
    }
    assert!(matches!(
        parse_map("this is not RON at all"),
        Err(LoadError::Syntax { .. })
    ));
    let wrong_type = good.replacen("title: \"", "title: 5, x: \"", 1);
    let error = parse_map(&wrong_type).unwrap_err();
    assert!(matches!(error, LoadError::Syntax { .. }), "{error}");
    assert!(error.to_string().contains("line 3"), "{error}");
    let newer = good.replacen(&format!("version: {CURRENT_VERSION},"), "version: 99,", 1);
    let error = parse_map(&newer).unwrap_err();
    assert!(matches!(error, LoadError::NewerVersion { version: 99, .. }));
    assert!(error.to_string().contains("newer Waymark"));
}

#[cfg(unix)]
#[test]
fn saved_files_get_ordinary_permissions_or_keep_the_old_ones() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.ron");
    save_file(&stroller_map(), &path).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&path),
        0o644,
        "a new map can be read by colleagues like any document"
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    save_file(&stroller_map(), &path).unwrap();
    assert_eq!(
        mode(&path),
        0o600,
        "saving over a private file keeps it private"
    );
}
