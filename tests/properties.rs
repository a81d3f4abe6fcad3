//! Property tests: any map survives save → load unchanged, and CSV export → import keeps every card.

mod common;

use proptest::prelude::*;

use common::cards_view;
use waymark::io::csv::{export_csv, import_csv};
use waymark::io::{load_file, parse_map, save_file, to_ron_string};
use waymark::model::{
    CURRENT_VERSION, Card, CardColor, CardId, Channel, EmotionPoint, FindingKind, Lane, LaneId,
    LaneKind, MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Map, Persona, Photo, Stage,
    StageId,
};

fn a_photo() -> Photo {
    let mut png = Vec::new();
    image::RgbaImage::from_fn(3, 2, |x, y| {
        image::Rgba([x as u8 * 80, y as u8 * 120, 7, 255])
    })
    .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
    .expect("encode a PNG");
    Photo::from_image_bytes(&png).expect("a tiny photo")
}

/// Text people type, with what trips up file formats: quotes, commas, semicolons, line breaks, Cyrillic,
/// escapes, tabs, control characters and emoji.
fn a_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Zа-яёА-ЯЁ0-9 ,;.:!?\"'()\\[\\]{}\\\\/\n\r\t#-]{0,24}",
        1 => any::<String>(),
        1 => Just(String::new()),
    ]
}

fn a_color() -> impl Strategy<Value = CardColor> {
    proptest::sample::select(CardColor::ALL.to_vec())
}

fn a_kind() -> impl Strategy<Value = LaneKind> {
    proptest::sample::select(LaneKind::ALL.to_vec())
}

/// The shape of a map; ids are handed out in order when it is built.
#[derive(Debug, Clone)]
struct Draft {
    title: String,
    persona: (String, String, String, String, bool),
    stages: Vec<(String, String, f32)>,
    lanes: Vec<(String, LaneKind, bool)>,
    /// (stage, lane, text, colour, channel): indices taken modulo the counts.
    cards: Vec<(usize, usize, String, CardColor, Option<Channel>)>,
    /// (stage, score, note) for Emotions lanes.
    scores: Vec<(usize, i8, String)>,
    spare_ids: u64,
    /// Finding kinds switched off (in order, as edits and loading keep them).
    findings_off: Vec<FindingKind>,
}

fn a_draft() -> impl Strategy<Value = Draft> {
    (
        a_text(),
        (a_text(), a_text(), a_text(), a_text(), any::<bool>()),
        prop::collection::vec(
            (a_text(), a_text(), MIN_STAGE_WIDTH..=MAX_STAGE_WIDTH),
            0..6,
        ),
        prop::collection::vec((a_text(), a_kind(), any::<bool>()), 0..6),
        prop::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                a_text(),
                a_color(),
                prop::option::of(prop_oneof![Just(Channel::Online), Just(Channel::Offline)]),
            ),
            0..24,
        ),
        prop::collection::vec((any::<usize>(), MIN_SCORE..=MAX_SCORE, a_text()), 0..8),
        0..1000u64,
        prop::sample::subsequence(FindingKind::ALL.to_vec(), 0..=FindingKind::ALL.len()),
    )
        .prop_map(
            |(title, persona, stages, lanes, cards, scores, spare_ids, findings_off)| Draft {
                title,
                persona,
                stages,
                lanes,
                cards,
                scores,
                spare_ids,
                findings_off,
            },
        )
}

/// Builds a valid map from a draft. With `csv_names`, stage names are distinct and trimmed and lane names
/// say their kind, as a CSV round trip needs.
fn build(draft: &Draft, csv_names: bool) -> Map {
    let mut map = Map {
        version: CURRENT_VERSION,
        title: draft.title.clone(),
        persona: Persona {
            name: draft.persona.0.clone(),
            description: draft.persona.1.clone(),
            goals: draft.persona.2.clone(),
            quote: draft.persona.3.clone(),
            photo: draft.persona.4.then(a_photo),
            ..Persona::default()
        },
        stages: Vec::new(),
        lanes: Vec::new(),
        cards: Vec::new(),
        next_id: 1,
        findings_off: draft.findings_off.clone(),
        links: Vec::new(),
        more_personas: Vec::new(),
        vote: None,
    };
    for (i, (name, time_frame, width)) in draft.stages.iter().enumerate() {
        let id = StageId(map.allocate_id());
        let name = if csv_names {
            format!("S{i} {name}").trim().to_owned()
        } else {
            name.clone()
        };
        map.stages.push(Stage {
            id,
            name,
            time_frame: time_frame.clone(),
            width: *width,
        });
    }
    for (i, (name, kind, russian)) in draft.lanes.iter().enumerate() {
        let id = LaneId(map.allocate_id());
        let name = if csv_names {
            let base = if *russian {
                kind.name_ru()
            } else {
                kind.name_en()
            };
            format!("{base} {i}")
        } else {
            name.clone()
        };
        map.lanes.push(Lane::new(id, &name, *kind));
    }
    let card_lanes: Vec<LaneId> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    if !map.stages.is_empty() && !card_lanes.is_empty() {
        for (stage, lane, text, color, channel) in &draft.cards {
            let id = CardId(map.allocate_id());
            map.cards.push(Card {
                id,
                stage: map.stages[stage % map.stages.len()].id,
                lane: card_lanes[lane % card_lanes.len()],
                text: text.clone(),
                color: *color,
                channel: *channel,
                personas: Vec::new(),
            });
        }
    }
    if !map.stages.is_empty() {
        let stage_ids: Vec<StageId> = map.stages.iter().map(|s| s.id).collect();
        for lane in map
            .lanes
            .iter_mut()
            .filter(|l| l.kind == LaneKind::Emotions)
        {
            for (stage, score, note) in &draft.scores {
                let stage = stage_ids[stage % stage_ids.len()];
                if lane.emotion_at(stage).is_none() {
                    lane.emotions.push(EmotionPoint {
                        stage,
                        score: *score,
                        note: note.clone(),
                        persona: waymark::model::PersonaId::MAIN,
                    });
                }
            }
            lane.emotions.sort_by_key(|p| p.stage);
        }
    }
    map.next_id += draft.spare_ids;
    map
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_map_survives_save_and_load(draft in a_draft()) {
        let map = build(&draft, false);
        prop_assert_eq!(map.validate(), vec![]);
        let text = to_ron_string(&map).map_err(TestCaseError::fail)?;
        let parsed = parse_map(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&parsed, &map);

        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("map.ron");
        save_file(&map, &path).map_err(TestCaseError::fail)?;
        let loaded = load_file(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded, map);
    }

    #[test]
    fn csv_export_then_import_keeps_the_cards(draft in a_draft()) {
        let map = build(&draft, true);
        prop_assert_eq!(map.validate(), vec![]);
        let csv = export_csv(&map);
        let back = import_csv(&csv).map_err(|e| TestCaseError::fail(format!("{e}\n{csv}")))?;
        prop_assert_eq!(back.validate(), vec![]);
        prop_assert_eq!(cards_view(&back), cards_view(&map), "{}", csv);
    }

    #[test]
    fn any_text_imports_or_gives_an_error(text in any::<String>()) {
        let _ = import_csv(&text);
        let _ = parse_map(&text);
    }

    #[test]
    fn csv_like_text_imports_or_gives_an_error(
        rows in prop::collection::vec("[a-zA-Zа-я0-9 ,;\"\n\t-]{0,30}", 0..8),
    ) {
        let text = format!("stage;lane;text;score;color\n{}", rows.join("\n"));
        if let Ok(map) = import_csv(&text) {
            prop_assert_eq!(map.validate(), vec![]);
        }
    }
}
