//! Checks that a map read from a file is consistent before the editor works on it.

use std::collections::{HashMap, HashSet};

use super::{
    CURRENT_VERSION, LaneKind, MAX_ID, MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Map,
};

/// One way in which a map's content is inconsistent.
#[derive(Debug, Clone, PartialEq)]
pub enum ValidationError {
    NewerVersion(u32),
    DuplicateId(u64),
    /// An item's id is above [`MAX_ID`].
    IdTooLarge(u64),
    /// The counter that hands out ids is above [`MAX_ID`].
    IdCounterTooLarge(u64),
    CardInMissingStage {
        card: u64,
        stage: u64,
    },
    CardInMissingLane {
        card: u64,
        lane: u64,
    },
    CardInEmotionsLane {
        card: u64,
    },
    ScoreOutOfRange {
        lane: u64,
        score: i8,
    },
    EmotionAtMissingStage {
        lane: u64,
        stage: u64,
    },
    DuplicateEmotionPoint {
        lane: u64,
        stage: u64,
    },
    BadStageWidth {
        stage: u64,
    },
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ValidationError::NewerVersion(v) => write!(
                f,
                "the file is version {v}, made by a newer Waymark (this one reads up to version {CURRENT_VERSION}); please update Waymark"
            ),
            ValidationError::DuplicateId(id) => write!(f, "the id {id} is used by two items"),
            ValidationError::IdTooLarge(id) => {
                write!(f, "the id {id} is larger than the largest id, {MAX_ID}")
            }
            ValidationError::IdCounterTooLarge(next) => write!(
                f,
                "the next id to hand out ({next}) is larger than the largest id, {MAX_ID}"
            ),
            ValidationError::CardInMissingStage { card, stage } => {
                write!(f, "card {card} is in stage {stage}, which does not exist")
            }
            ValidationError::CardInMissingLane { card, lane } => {
                write!(f, "card {card} is in lane {lane}, which does not exist")
            }
            ValidationError::CardInEmotionsLane { card } => {
                write!(
                    f,
                    "card {card} is in an Emotions lane, which holds scores, not cards"
                )
            }
            ValidationError::ScoreOutOfRange { lane, score } => write!(
                f,
                "lane {lane} has the emotion score {score}; scores go from {MIN_SCORE} to {MAX_SCORE}"
            ),
            ValidationError::EmotionAtMissingStage { lane, stage } => {
                write!(
                    f,
                    "lane {lane} has a score for stage {stage}, which does not exist"
                )
            }
            ValidationError::DuplicateEmotionPoint { lane, stage } => {
                write!(f, "lane {lane} has two scores for stage {stage}")
            }
            ValidationError::BadStageWidth { stage } => write!(
                f,
                "stage {stage} has a width outside {MIN_STAGE_WIDTH}..{MAX_STAGE_WIDTH}"
            ),
        }
    }
}

impl Map {
    /// Finds every inconsistency in the map, in a stable order. Takes time in proportion to the map's size,
    /// so that a hostile file with a million cards cannot make loading hang.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if self.version > CURRENT_VERSION {
            errors.push(ValidationError::NewerVersion(self.version));
        }
        let mut ids = HashSet::new();
        let all_ids = self
            .stages
            .iter()
            .map(|s| s.id.0)
            .chain(self.lanes.iter().map(|l| l.id.0))
            .chain(self.cards.iter().map(|c| c.id.0));
        for id in all_ids {
            if id > MAX_ID {
                errors.push(ValidationError::IdTooLarge(id));
            }
            if !ids.insert(id) {
                errors.push(ValidationError::DuplicateId(id));
            }
        }
        if self.next_id > MAX_ID {
            errors.push(ValidationError::IdCounterTooLarge(self.next_id));
        }
        let stages: HashSet<u64> = self.stages.iter().map(|s| s.id.0).collect();
        let lanes: HashMap<u64, LaneKind> = self.lanes.iter().map(|l| (l.id.0, l.kind)).collect();
        for stage in &self.stages {
            if !(MIN_STAGE_WIDTH..=MAX_STAGE_WIDTH).contains(&stage.width) {
                errors.push(ValidationError::BadStageWidth { stage: stage.id.0 });
            }
        }
        for card in &self.cards {
            if !stages.contains(&card.stage.0) {
                errors.push(ValidationError::CardInMissingStage {
                    card: card.id.0,
                    stage: card.stage.0,
                });
            }
            match lanes.get(&card.lane.0) {
                None => errors.push(ValidationError::CardInMissingLane {
                    card: card.id.0,
                    lane: card.lane.0,
                }),
                Some(kind) if !kind.holds_cards() => {
                    errors.push(ValidationError::CardInEmotionsLane { card: card.id.0 })
                }
                Some(_) => {}
            }
        }
        for lane in &self.lanes {
            let mut seen = HashSet::new();
            for point in &lane.emotions {
                if !(MIN_SCORE..=MAX_SCORE).contains(&point.score) {
                    errors.push(ValidationError::ScoreOutOfRange {
                        lane: lane.id.0,
                        score: point.score,
                    });
                }
                if !stages.contains(&point.stage.0) {
                    errors.push(ValidationError::EmotionAtMissingStage {
                        lane: lane.id.0,
                        stage: point.stage.0,
                    });
                }
                if !seen.insert(point.stage) {
                    errors.push(ValidationError::DuplicateEmotionPoint {
                        lane: lane.id.0,
                        stage: point.stage.0,
                    });
                }
            }
        }
        errors
    }

    /// Makes sure the id counter is past every id in use, so that a hand-edited file cannot make ids repeat.
    pub fn repair_id_counter(&mut self) {
        let max = self
            .stages
            .iter()
            .map(|s| s.id.0)
            .chain(self.lanes.iter().map(|l| l.id.0))
            .chain(self.cards.iter().map(|c| c.id.0))
            .max()
            .unwrap_or(0);
        self.next_id = self.next_id.max(max.saturating_add(1));
    }
}
