//! Checks that a map read from a file is consistent before the editor works on it.

use std::collections::{HashMap, HashSet};

use super::{
    CURRENT_VERSION, LaneKind, LinkKind, MAX_ID, MAX_LINKS, MAX_MEASURES, MAX_PERSONAS, MAX_SCORE,
    MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Map, Measure, PersonaId, format_number,
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
    /// More links than [`MAX_LINKS`].
    TooManyLinks(usize),
    LinkFromMissingCard {
        link: u64,
        card: u64,
    },
    LinkToMissingCard {
        link: u64,
        card: u64,
    },
    /// A link from a card to itself.
    SelfLink {
        link: u64,
    },
    /// A link other than an exit that points to no card.
    LinkWithoutTarget {
        link: u64,
    },
    /// A second link between the same two cards (or a second exit to nowhere from one card).
    DuplicateLink {
        link: u64,
    },
    TooManyPersonas(usize),
    /// The first persona has another persona's id, or another persona has the first one's (0).
    BadPersonaId(u64),
    /// A card or an emotion score names a persona the map does not have.
    NoSuchPersona {
        item: u64,
        persona: u64,
    },
    TooManyMeasures {
        lane: u64,
    },
    MeasuresOutsideMetricsLane {
        lane: u64,
    },
    BadMeasureRange {
        measure: u64,
    },
    MetricOutOfRange {
        measure: u64,
        value: f64,
    },
    MetricAtMissingStage {
        measure: u64,
        stage: u64,
    },
    DuplicateMetric {
        measure: u64,
        stage: u64,
    },
    /// The vote is on a lane that is missing or holds no cards.
    VoteBadLane {
        lane: u64,
    },
    /// Votes per participant outside 1…[`super::MAX_VOTES_EACH`].
    VoteBadBudget(u32),
    /// No participants, or more than [`super::MAX_PARTICIPANTS`].
    VoteParticipants(usize),
    DuplicateParticipant(u32),
    DotsOfMissingParticipant {
        participant: u32,
    },
    DotsOnMissingCard {
        card: u64,
    },
    /// Two entries for the same participant and card.
    DotsRepeated {
        participant: u32,
        card: u64,
    },
    /// Zero dots, or several on one card where the round allows one.
    DotsBadCount {
        participant: u32,
        card: u64,
        count: u32,
    },
    ParticipantOverBudget {
        participant: u32,
        used: u64,
        votes_each: u32,
    },
}

/// The problem in the interface language. Ids are written as they are in the file (no digit grouping), so
/// that they can be searched for.
impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::k;
        use crate::t;
        let id = |n: &u64| n.to_string();
        let text = match self {
            ValidationError::NewerVersion(v) => t!(
                k::VALID_NEWER_VERSION,
                version = *v,
                current = CURRENT_VERSION
            ),
            ValidationError::DuplicateId(n) => t!(k::VALID_DUPLICATE_ID, id = id(n)),
            ValidationError::IdTooLarge(n) => {
                t!(k::VALID_ID_TOO_LARGE, id = id(n), max = MAX_ID.to_string())
            }
            ValidationError::IdCounterTooLarge(next) => t!(
                k::VALID_ID_COUNTER_TOO_LARGE,
                next = id(next),
                max = MAX_ID.to_string()
            ),
            ValidationError::CardInMissingStage { card, stage } => t!(
                k::VALID_CARD_IN_MISSING_STAGE,
                card = id(card),
                stage = id(stage)
            ),
            ValidationError::CardInMissingLane { card, lane } => t!(
                k::VALID_CARD_IN_MISSING_LANE,
                card = id(card),
                lane = id(lane)
            ),
            ValidationError::CardInEmotionsLane { card } => {
                t!(k::VALID_CARD_IN_EMOTIONS_LANE, card = id(card))
            }
            ValidationError::ScoreOutOfRange { lane, score } => t!(
                k::VALID_SCORE_OUT_OF_RANGE,
                lane = id(lane),
                score = *score,
                min = MIN_SCORE,
                max = MAX_SCORE
            ),
            ValidationError::EmotionAtMissingStage { lane, stage } => t!(
                k::VALID_EMOTION_AT_MISSING_STAGE,
                lane = id(lane),
                stage = id(stage)
            ),
            ValidationError::DuplicateEmotionPoint { lane, stage } => t!(
                k::VALID_DUPLICATE_EMOTION,
                lane = id(lane),
                stage = id(stage)
            ),
            ValidationError::BadStageWidth { stage } => t!(
                k::VALID_BAD_STAGE_WIDTH,
                stage = id(stage),
                min = MIN_STAGE_WIDTH,
                max = MAX_STAGE_WIDTH
            ),
            ValidationError::TooManyLinks(count) => {
                t!(k::VALID_TOO_MANY_LINKS, count = *count, max = MAX_LINKS)
            }
            ValidationError::LinkFromMissingCard { link, card } => t!(
                k::VALID_LINK_FROM_MISSING_CARD,
                link = id(link),
                card = id(card)
            ),
            ValidationError::LinkToMissingCard { link, card } => t!(
                k::VALID_LINK_TO_MISSING_CARD,
                link = id(link),
                card = id(card)
            ),
            ValidationError::SelfLink { link } => t!(k::VALID_SELF_LINK, link = id(link)),
            ValidationError::LinkWithoutTarget { link } => {
                t!(k::VALID_LINK_WITHOUT_TARGET, link = id(link))
            }
            ValidationError::DuplicateLink { link } => {
                t!(k::VALID_DUPLICATE_LINK, link = id(link))
            }
            ValidationError::TooManyPersonas(n) => {
                t!(k::VALID_TOO_MANY_PERSONAS, count = *n, max = MAX_PERSONAS)
            }
            ValidationError::BadPersonaId(n) => t!(k::VALID_BAD_PERSONA_ID, id = id(n)),
            ValidationError::NoSuchPersona { item, persona } => t!(
                k::VALID_NO_SUCH_PERSONA,
                item = id(item),
                persona = id(persona)
            ),
            ValidationError::TooManyMeasures { lane } => t!(
                k::VALID_TOO_MANY_MEASURES,
                lane = id(lane),
                max = MAX_MEASURES
            ),
            ValidationError::MeasuresOutsideMetricsLane { lane } => {
                t!(k::VALID_MEASURES_OUTSIDE_METRICS, lane = id(lane))
            }
            ValidationError::BadMeasureRange { measure } => {
                t!(k::VALID_BAD_MEASURE_RANGE, measure = id(measure))
            }
            ValidationError::MetricOutOfRange { measure, value } => t!(
                k::VALID_METRIC_OUT_OF_RANGE,
                measure = id(measure),
                value = format_number(*value)
            ),
            ValidationError::MetricAtMissingStage { measure, stage } => t!(
                k::VALID_METRIC_AT_MISSING_STAGE,
                measure = id(measure),
                stage = id(stage)
            ),
            ValidationError::DuplicateMetric { measure, stage } => t!(
                k::VALID_DUPLICATE_METRIC,
                measure = id(measure),
                stage = id(stage)
            ),
            ValidationError::VoteBadLane { lane } => t!(k::VALID_VOTE_BAD_LANE, lane = id(lane)),
            ValidationError::VoteBadBudget(n) => t!(
                k::VALID_VOTE_BAD_BUDGET,
                count = *n,
                max = super::MAX_VOTES_EACH
            ),
            ValidationError::VoteParticipants(n) => t!(
                k::VALID_VOTE_PARTICIPANTS,
                count = *n,
                max = super::MAX_PARTICIPANTS
            ),
            ValidationError::DuplicateParticipant(p) => {
                t!(k::VALID_DUPLICATE_PARTICIPANT, participant = p.to_string())
            }
            ValidationError::DotsOfMissingParticipant { participant } => t!(
                k::VALID_DOTS_MISSING_PARTICIPANT,
                participant = participant.to_string()
            ),
            ValidationError::DotsOnMissingCard { card } => {
                t!(k::VALID_DOTS_MISSING_CARD, card = id(card))
            }
            ValidationError::DotsRepeated { participant, card } => t!(
                k::VALID_DOTS_REPEATED,
                participant = participant.to_string(),
                card = id(card)
            ),
            ValidationError::DotsBadCount {
                participant,
                card,
                count,
            } => t!(
                k::VALID_DOTS_BAD_COUNT,
                participant = participant.to_string(),
                card = id(card),
                count = *count
            ),
            ValidationError::ParticipantOverBudget {
                participant,
                used,
                votes_each,
            } => t!(
                k::VALID_PARTICIPANT_OVER_BUDGET,
                participant = participant.to_string(),
                used = *used,
                max = *votes_each
            ),
        };
        f.write_str(&text)
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
            .chain(self.cards.iter().map(|c| c.id.0))
            .chain(self.links.iter().map(|l| l.id.0))
            .chain(self.more_personas.iter().map(|p| p.id.0))
            .chain(self.measure_ids());
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
        self.validate_personas(&mut errors);
        self.validate_measures(&stages, &mut errors);
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
                if !seen.insert((point.stage, point.persona)) {
                    errors.push(ValidationError::DuplicateEmotionPoint {
                        lane: lane.id.0,
                        stage: point.stage.0,
                    });
                }
            }
        }
        self.validate_links(&mut errors);
        if let Some(vote) = &self.vote {
            super::vote::check_vote(self, vote, &mut errors);
        }
        errors
    }

    fn validate_links(&self, errors: &mut Vec<ValidationError>) {
        if self.links.len() > MAX_LINKS {
            // Each link would be reported again below; one sentence says it all.
            errors.push(ValidationError::TooManyLinks(self.links.len()));
            return;
        }
        let cards: HashSet<u64> = self.cards.iter().map(|c| c.id.0).collect();
        let mut pairs = HashSet::new();
        for link in &self.links {
            let id = link.id.0;
            if !cards.contains(&link.from.0) {
                errors.push(ValidationError::LinkFromMissingCard {
                    link: id,
                    card: link.from.0,
                });
            }
            match link.to {
                Some(to) if !cards.contains(&to.0) => {
                    errors.push(ValidationError::LinkToMissingCard {
                        link: id,
                        card: to.0,
                    })
                }
                Some(to) if to == link.from => errors.push(ValidationError::SelfLink { link: id }),
                None if link.kind != LinkKind::Exit => {
                    errors.push(ValidationError::LinkWithoutTarget { link: id })
                }
                _ => {}
            }
            if !pairs.insert((link.from, link.to)) {
                errors.push(ValidationError::DuplicateLink { link: id });
            }
        }
    }

    /// Makes sure the id counter is past every id in use, so that a hand-edited file cannot make ids repeat.
    pub fn repair_id_counter(&mut self) {
        let max = self
            .stages
            .iter()
            .map(|s| s.id.0)
            .chain(self.lanes.iter().map(|l| l.id.0))
            .chain(self.cards.iter().map(|c| c.id.0))
            .chain(self.links.iter().map(|l| l.id.0))
            .chain(self.more_personas.iter().map(|p| p.id.0))
            .chain(self.measure_ids())
            .max()
            .unwrap_or(0);
        self.next_id = self.next_id.max(max.saturating_add(1));
    }
}

impl Map {
    fn measure_ids(&self) -> impl Iterator<Item = u64> + '_ {
        self.lanes
            .iter()
            .flat_map(|l| l.measures.iter().map(|m| m.id.0))
    }

    fn validate_personas(&self, errors: &mut Vec<ValidationError>) {
        let count = 1 + self.more_personas.len();
        if count > MAX_PERSONAS {
            errors.push(ValidationError::TooManyPersonas(count));
        }
        if !self.persona.id.is_main() {
            errors.push(ValidationError::BadPersonaId(self.persona.id.0));
        }
        for persona in &self.more_personas {
            if persona.id.is_main() {
                errors.push(ValidationError::BadPersonaId(0));
            }
        }
        let known: HashSet<PersonaId> = self.personas().map(|p| p.id).collect();
        for card in &self.cards {
            let mut seen = HashSet::new();
            for persona in &card.personas {
                if !known.contains(persona) || !seen.insert(*persona) {
                    errors.push(ValidationError::NoSuchPersona {
                        item: card.id.0,
                        persona: persona.0,
                    });
                }
            }
        }
        for lane in &self.lanes {
            for point in &lane.emotions {
                if !known.contains(&point.persona) {
                    errors.push(ValidationError::NoSuchPersona {
                        item: lane.id.0,
                        persona: point.persona.0,
                    });
                }
            }
        }
    }

    fn validate_measures(&self, stages: &HashSet<u64>, errors: &mut Vec<ValidationError>) {
        for lane in &self.lanes {
            if lane.measures.is_empty() {
                continue;
            }
            if lane.kind != LaneKind::Metrics {
                errors.push(ValidationError::MeasuresOutsideMetricsLane { lane: lane.id.0 });
            }
            if lane.measures.len() > MAX_MEASURES {
                errors.push(ValidationError::TooManyMeasures { lane: lane.id.0 });
            }
            for measure in &lane.measures {
                let id = measure.id.0;
                let range_ok = Measure::range_ok(measure.min, measure.max);
                if !range_ok {
                    errors.push(ValidationError::BadMeasureRange { measure: id });
                }
                let mut seen = HashSet::new();
                for value in &measure.values {
                    if range_ok && !measure.contains(value.value) || !value.value.is_finite() {
                        errors.push(ValidationError::MetricOutOfRange {
                            measure: id,
                            value: value.value,
                        });
                    }
                    if !stages.contains(&value.stage.0) {
                        errors.push(ValidationError::MetricAtMissingStage {
                            measure: id,
                            stage: value.stage.0,
                        });
                    }
                    if !seen.insert(value.stage) {
                        errors.push(ValidationError::DuplicateMetric {
                            measure: id,
                            stage: value.stage.0,
                        });
                    }
                }
            }
        }
    }
}
