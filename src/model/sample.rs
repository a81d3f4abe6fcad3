//! The map `cargo run` opens (a young mother buying a stroller, from the first source article), and a generated
//! map of any size for benchmarks and stress tests.

use super::{Card, CardColor, CardId, Channel, EmotionPoint, Lane, LaneId, LaneKind, Map, StageId};

/// The stroller map as a file, `assets/examples/stroller.ron`: one source for the sample the editor opens with
/// and the example a person can open, edit in Waymark and export (`tests/examples.rs` checks that it loads and
/// is stored as Waymark saves it).
pub const STROLLER_RON: &str = include_str!("../../assets/examples/stroller.ron");

/// The sample map, read from [`STROLLER_RON`] like any map file (an older file version would be upgraded).
pub fn stroller_map() -> Map {
    match crate::io::parse_map(STROLLER_RON) {
        Ok(map) => map,
        // Cannot happen with the committed file (a test loads it); an empty map is still better than a panic.
        Err(_) => Map::with_stages(
            "Покупка детской коляски",
            &["Этап 1", "Этап 2", "Этап 3"],
            true,
        ),
    }
}

fn add_card(
    map: &mut Map,
    stage: StageId,
    lane: LaneId,
    text: &str,
    color: CardColor,
    channel: Option<Channel>,
) {
    let id = CardId(map.allocate_id());
    map.cards.push(Card {
        id,
        stage,
        lane,
        text: text.to_owned(),
        color,
        channel,
        personas: Vec::new(),
    });
}

/// A large map for benchmarks and stress tests: `cards` cards spread over 20 stages and the card lanes, with
/// texts of varied length in Russian and English, and a full emotion curve. Deterministic.
pub fn generated_map(cards: usize) -> Map {
    const WORDS: &[&str] = &[
        "клиент",
        "ищет",
        "коляску",
        "на",
        "сайте",
        "магазина",
        "и",
        "звонит",
        "оператору",
        "→",
        "price",
        "checks",
        "delivery",
        "terms",
        "reads",
        "reviews",
        "доставка",
        "1 990 ₽",
        "отзывы",
        "форум",
        "asks",
        "friends",
    ];
    let names: Vec<String> = (1..=20).map(|i| format!("Этап {i} / Stage {i}")).collect();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut map = Map::with_stages(&format!("Generated map, {cards} cards"), &name_refs, true);
    for kind in [LaneKind::Touchpoints, LaneKind::Solutions] {
        let id = LaneId(map.allocate_id());
        map.lanes.push(Lane::new(id, kind.name_ru(), kind));
    }
    let card_lanes: Vec<(LaneId, LaneKind)> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| (l.id, l.kind))
        .collect();
    let stage_ids: Vec<StageId> = map.stages.iter().map(|s| s.id).collect();
    let mut seed: u64 = 0x5EED;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for i in 0..cards {
        let stage = stage_ids[i % stage_ids.len()];
        let (lane, kind) = card_lanes[(i / stage_ids.len()) % card_lanes.len()];
        let words = 2 + next() % 14;
        let text: Vec<&str> = (0..words).map(|_| WORDS[next() % WORDS.len()]).collect();
        let channel = (kind == LaneKind::Touchpoints).then_some(if i % 2 == 0 {
            Channel::Online
        } else {
            Channel::Offline
        });
        add_card(
            &mut map,
            stage,
            lane,
            &format!("{} {}", i + 1, text.join(" ")),
            kind.default_color(),
            channel,
        );
    }
    if let Some(lane) = map.lanes.iter_mut().find(|l| l.kind == LaneKind::Emotions) {
        for (i, stage) in stage_ids.iter().enumerate() {
            let score = [0, 1, 2, 1, -1, -2, -1, 0, 1, 2][i % 10];
            lane.emotions.push(EmotionPoint {
                stage: *stage,
                score,
                note: format!("Заметка {}", i + 1),
                persona: super::PersonaId::MAIN,
            });
        }
    }
    map
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_sample_parses_and_is_the_stroller_map() {
        let map =
            crate::io::parse_map(super::STROLLER_RON).expect("the sample file is a valid map");
        assert_eq!(map.title, "Покупка детской коляски");
        assert_eq!(map.stages.len(), 8);
    }
}
