//! Helpers shared by the integration tests.
#![allow(dead_code)]

use waymark::model::{CardColor, LaneKind, Map};

/// What a CSV round trip must keep: stage names, lanes, and each cell's cards and scores, in order.
#[derive(Debug, PartialEq)]
pub struct CardsView {
    pub stages: Vec<String>,
    pub lanes: Vec<(String, LaneKind)>,
    /// (stage, lane, text, colour), stage by stage, lane by lane, in each cell's order.
    pub cards: Vec<(String, String, String, CardColor)>,
    /// (lane, stage, score, note).
    pub scores: Vec<(String, String, i8, String)>,
}

pub fn cards_view(map: &Map) -> CardsView {
    let mut cards = Vec::new();
    let mut scores = Vec::new();
    for stage in &map.stages {
        for lane in &map.lanes {
            for card in map.cards_in(stage.id, lane.id) {
                cards.push((
                    stage.name.clone(),
                    lane.name.clone(),
                    card.text.clone(),
                    card.color,
                ));
            }
            if let Some(point) = lane.emotion_at(stage.id) {
                scores.push((
                    lane.name.clone(),
                    stage.name.clone(),
                    point.score,
                    point.note.clone(),
                ));
            }
        }
    }
    CardsView {
        stages: map.stages.iter().map(|s| s.name.clone()).collect(),
        lanes: map.lanes.iter().map(|l| (l.name.clone(), l.kind)).collect(),
        cards,
        scores,
    }
}

/// The names of the files in a folder, temporary files included, sorted.
pub fn files_in(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("list the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}
