use super::Edit;
use crate::model::{
    CardId, EmotionPoint, LaneId, LaneKind, Link, LinkId, LinkKind, MAX_LINKS, MAX_SCORE,
    MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH, Map, StageId,
};

/// Why an edit could not be applied. The map is left unchanged.
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    NoSuchCard(CardId),
    NoSuchStage(StageId),
    NoSuchLane(LaneId),
    IndexOutOfRange,
    DuplicateId(u64),
    /// Emotions lanes hold scores, not cards.
    NotACardLane(LaneId),
    NotAnEmotionsLane(LaneId),
    ScoreOutOfRange(i8),
    BadWidth,
    NoSuchLink(LinkId),
    /// A link from a card to itself.
    SelfLink,
    /// A link other than an exit with no card to point to.
    LinkWithoutTarget,
    /// The two cards are already linked.
    DuplicateLink,
    TooManyLinks,
    NoSuchPersona(crate::model::PersonaId),
    TooManyPersonas,
    /// The first persona is the map's own; only the others can be removed.
    FirstPersonaStays,
    NoSuchMeasure(crate::model::MeasureId),
    NotAMetricsLane(LaneId),
    TooManyMeasures,
    BadMeasureRange,
    MetricOutOfRange(f64),
    /// A lane with measures cannot stop being a Metrics lane.
    LaneHasMeasures(LaneId),
    /// A dot edit while no vote is running.
    NoVote,
    NoSuchParticipant(crate::model::ParticipantId),
    /// The participant has put all their dots.
    NoVotesLeft(crate::model::ParticipantId),
    /// The round allows one dot per participant and card.
    OneDotPerCard,
    /// Taking back a dot the participant did not put on that card.
    NoSuchDot,
    /// A round that the map could not hold (the first problem, in words).
    BadVote(String),
    /// A participant with this id is in the round already.
    ParticipantTaken(crate::model::ParticipantId),
    /// The round has as many participants as it may have.
    TooManyParticipants,
    /// A participant who has dots, or the only one, cannot leave the round.
    ParticipantStays(crate::model::ParticipantId),
    /// A replacement map that does not pass validation (its first problem).
    InvalidMap(crate::model::ValidationError),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::k;
        use crate::t;
        let text = match self {
            EditError::NoSuchCard(id) => t!(k::EDIT_NO_SUCH_CARD, id = id.to_string()),
            EditError::NoSuchStage(id) => t!(k::EDIT_NO_SUCH_STAGE, id = id.to_string()),
            EditError::NoSuchLane(id) => t!(k::EDIT_NO_SUCH_LANE, id = id.to_string()),
            EditError::IndexOutOfRange => t!(k::EDIT_OUTSIDE_MAP),
            EditError::DuplicateId(id) => t!(k::EDIT_DUPLICATE_ID, id = id.to_string()),
            EditError::NotACardLane(id) => t!(k::EDIT_NOT_A_CARD_LANE, id = id.to_string()),
            EditError::NotAnEmotionsLane(id) => {
                t!(k::EDIT_NOT_AN_EMOTIONS_LANE, id = id.to_string())
            }
            EditError::ScoreOutOfRange(s) => t!(
                k::EDIT_SCORE_OUT_OF_RANGE,
                score = *s,
                min = MIN_SCORE,
                max = MAX_SCORE
            ),
            EditError::BadWidth => t!(
                k::EDIT_BAD_WIDTH,
                min = MIN_STAGE_WIDTH,
                max = MAX_STAGE_WIDTH
            ),
            EditError::NoSuchLink(id) => t!(k::EDIT_NO_SUCH_LINK, id = id.to_string()),
            EditError::SelfLink => t!(k::EDIT_SELF_LINK),
            EditError::LinkWithoutTarget => t!(k::EDIT_LINK_WITHOUT_TARGET),
            EditError::DuplicateLink => t!(k::EDIT_DUPLICATE_LINK),
            EditError::TooManyLinks => t!(k::EDIT_TOO_MANY_LINKS, max = MAX_LINKS),
            EditError::NoSuchPersona(id) => t!(k::EDIT_NO_SUCH_PERSONA, id = id.to_string()),
            EditError::TooManyPersonas => {
                t!(k::EDIT_TOO_MANY_PERSONAS, max = crate::model::MAX_PERSONAS)
            }
            EditError::FirstPersonaStays => t!(k::EDIT_FIRST_PERSONA_STAYS),
            EditError::NoSuchMeasure(id) => t!(k::EDIT_NO_SUCH_MEASURE, id = id.to_string()),
            EditError::NotAMetricsLane(id) => {
                t!(k::EDIT_NOT_A_METRICS_LANE, id = id.to_string())
            }
            EditError::TooManyMeasures => {
                t!(k::EDIT_TOO_MANY_MEASURES, max = crate::model::MAX_MEASURES)
            }
            EditError::BadMeasureRange => t!(k::EDIT_BAD_MEASURE_RANGE),
            EditError::MetricOutOfRange(v) => t!(
                k::EDIT_METRIC_OUT_OF_RANGE,
                value = crate::model::format_number(*v)
            ),
            EditError::LaneHasMeasures(id) => {
                t!(k::EDIT_LANE_HAS_MEASURES, id = id.to_string())
            }
            EditError::NoVote => t!(k::EDIT_NO_VOTE),
            EditError::NoSuchParticipant(p) => {
                t!(k::EDIT_NO_SUCH_PARTICIPANT, participant = p.to_string())
            }
            EditError::NoVotesLeft(p) => t!(k::EDIT_NO_VOTES_LEFT, participant = p.to_string()),
            EditError::OneDotPerCard => t!(k::EDIT_ONE_DOT_PER_CARD),
            EditError::NoSuchDot => t!(k::EDIT_NO_SUCH_DOT),
            EditError::BadVote(problem) => t!(k::EDIT_BAD_VOTE, problem = problem.as_str()),
            EditError::ParticipantTaken(p) => {
                t!(k::EDIT_PARTICIPANT_TAKEN, participant = p.to_string())
            }
            EditError::TooManyParticipants => t!(
                k::EDIT_TOO_MANY_PARTICIPANTS,
                count = crate::model::MAX_PARTICIPANTS as u64
            ),
            EditError::ParticipantStays(p) => {
                t!(k::EDIT_PARTICIPANT_STAYS, participant = p.to_string())
            }
            EditError::InvalidMap(error) => error.to_string(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EditError {}

/// Applies an edit to the map and returns the edit that undoes it. On error the map is unchanged.
pub fn apply(map: &mut Map, edit: Edit) -> Result<Edit, EditError> {
    check(map, &edit)?;
    let removes = super::vote::may_remove_cards(&edit);
    let inverse = perform(map, edit);
    // Dots on cards that are gone go with them; undo puts the cards back first, then the dots.
    Ok(
        match removes.then(|| super::vote::drop_dangling(map)).flatten() {
            Some(restore) => Edit::Batch(vec![inverse, restore]),
            None => inverse,
        },
    )
}

impl Default for Edit {
    /// An edit that changes nothing.
    fn default() -> Self {
        Edit::Batch(Vec::new())
    }
}

fn card_index(map: &Map, id: CardId) -> Result<usize, EditError> {
    map.card_index(id).ok_or(EditError::NoSuchCard(id))
}

fn stage_index(map: &Map, id: StageId) -> Result<usize, EditError> {
    map.stage_index(id).ok_or(EditError::NoSuchStage(id))
}

fn lane_index(map: &Map, id: LaneId) -> Result<usize, EditError> {
    map.lane_index(id).ok_or(EditError::NoSuchLane(id))
}

fn card_lane(map: &Map, id: LaneId) -> Result<(), EditError> {
    let lane = &map.lanes[lane_index(map, id)?];
    if lane.kind.holds_cards() {
        Ok(())
    } else {
        Err(EditError::NotACardLane(id))
    }
}

pub(super) fn fresh_id(map: &Map, id: u64) -> Result<(), EditError> {
    let used = map.stages.iter().any(|s| s.id.0 == id)
        || map.lanes.iter().any(|l| l.id.0 == id)
        || map.cards.iter().any(|c| c.id.0 == id)
        || map.links.iter().any(|l| l.id.0 == id)
        || map.more_personas.iter().any(|p| p.id.0 == id)
        || map.measure(crate::model::MeasureId(id)).is_some();
    if used {
        Err(EditError::DuplicateId(id))
    } else {
        Ok(())
    }
}

fn in_range(index: usize, len: usize) -> Result<(), EditError> {
    if index <= len {
        Ok(())
    } else {
        Err(EditError::IndexOutOfRange)
    }
}

/// Checks an edit against the map without changing anything, so that `perform` cannot fail half-way.
fn check(map: &Map, edit: &Edit) -> Result<(), EditError> {
    if let Some(result) = super::numbers::check(map, edit) {
        return result;
    }
    match edit {
        Edit::SetTitle(_) | Edit::SetFindingKind { .. } => Ok(()),
        Edit::InsertCard { card, index } => {
            fresh_id(map, card.id.0)?;
            stage_index(map, card.stage)?;
            card_lane(map, card.lane)?;
            in_range(*index, map.cards.len())
        }
        Edit::RemoveCard(id)
        | Edit::SetCardText { card: id, .. }
        | Edit::SetCardColor { card: id, .. }
        | Edit::SetCardChannel { card: id, .. } => card_index(map, *id).map(drop),
        Edit::MoveCard {
            card,
            stage,
            lane,
            index,
        } => {
            card_index(map, *card)?;
            stage_index(map, *stage)?;
            card_lane(map, *lane)?;
            in_range(*index, map.cards.len() - 1)
        }
        Edit::InsertStage {
            stage,
            index,
            cards,
            emotions,
            metrics,
        } => {
            fresh_id(map, stage.id.0)?;
            check_width(stage.width)?;
            in_range(*index, map.stages.len())?;
            // Each card is inserted into a list one longer than for the card before it.
            for (len, (at, card)) in (map.cards.len()..).zip(cards) {
                fresh_id(map, card.id.0)?;
                if card.stage != stage.id {
                    return Err(EditError::NoSuchStage(card.stage));
                }
                card_lane(map, card.lane)?;
                in_range(*at, len)?;
            }
            for (lane, point) in emotions {
                emotions_lane(map, *lane)?;
                check_score(point.score)?;
            }
            for (measure, value) in metrics {
                let Some((_, m)) = map.measure(*measure) else {
                    return Err(EditError::NoSuchMeasure(*measure));
                };
                if !m.contains(*value) {
                    return Err(EditError::MetricOutOfRange(*value));
                }
            }
            Ok(())
        }
        Edit::RemoveStage(id) => stage_index(map, *id).map(drop),
        Edit::SetStage(stage) => {
            stage_index(map, stage.id)?;
            check_width(stage.width)
        }
        Edit::MoveStage { stage, index } => {
            stage_index(map, *stage)?;
            in_range(*index, map.stages.len() - 1)
        }
        Edit::InsertLane { lane, index, cards } => {
            fresh_id(map, lane.id.0)?;
            in_range(*index, map.lanes.len())?;
            if !cards.is_empty() && !lane.kind.holds_cards() {
                return Err(EditError::NotACardLane(lane.id));
            }
            for (len, (at, card)) in (map.cards.len()..).zip(cards) {
                fresh_id(map, card.id.0)?;
                if card.lane != lane.id {
                    return Err(EditError::NoSuchLane(card.lane));
                }
                stage_index(map, card.stage)?;
                in_range(*at, len)?;
            }
            for point in &lane.emotions {
                stage_index(map, point.stage)?;
                check_score(point.score)?;
                if map.persona_by_id(point.persona).is_none() {
                    return Err(EditError::NoSuchPersona(point.persona));
                }
            }
            for measure in &lane.measures {
                fresh_id(map, measure.id.0)?;
                for value in &measure.values {
                    stage_index(map, value.stage)?;
                }
            }
            Ok(())
        }
        Edit::RemoveLane(id) | Edit::SetLaneName { lane: id, .. } => lane_index(map, *id).map(drop),
        Edit::SetLaneKind { lane, kind } => {
            let current = map.lanes[lane_index(map, *lane)?].kind;
            if *kind != LaneKind::Metrics && !map.lanes[lane_index(map, *lane)?].measures.is_empty()
            {
                return Err(EditError::LaneHasMeasures(*lane));
            }
            // A lane cannot turn into or out of an Emotions lane: its cards or scores would have nowhere to go.
            if current.holds_cards() != kind.holds_cards() {
                return Err(if kind.holds_cards() {
                    EditError::NotACardLane(*lane)
                } else {
                    EditError::NotAnEmotionsLane(*lane)
                });
            }
            Ok(())
        }
        Edit::MoveLane { lane, index } => {
            lane_index(map, *lane)?;
            in_range(*index, map.lanes.len() - 1)
        }
        Edit::SetEmotion {
            lane,
            stage,
            persona,
            point,
        } => {
            emotions_lane(map, *lane)?;
            stage_index(map, *stage)?;
            if map.persona_by_id(*persona).is_none() {
                return Err(EditError::NoSuchPersona(*persona));
            }
            match point {
                Some((score, _)) => check_score(*score),
                None => Ok(()),
            }
        }
        Edit::InsertLink { link, index } => {
            fresh_id(map, link.id.0)?;
            check_link(map, link, None)?;
            if map.links.len() >= MAX_LINKS {
                return Err(EditError::TooManyLinks);
            }
            in_range(*index, map.links.len())
        }
        Edit::RemoveLink(id) => link_index(map, *id).map(drop),
        Edit::SetLinkKind { link, kind } => {
            let current = &map.links[link_index(map, *link)?];
            check_link(
                map,
                &Link {
                    kind: *kind,
                    ..current.clone()
                },
                Some(*link),
            )
        }
        Edit::SetVote(_)
        | Edit::PutDot { .. }
        | Edit::TakeDot { .. }
        | Edit::JoinVote(_)
        | Edit::LeaveVote(_) => super::vote::check(map, edit),
        Edit::ReplaceMap(new) => match new.validate().into_iter().next() {
            Some(error) => Err(EditError::InvalidMap(error)),
            None => Ok(()),
        },
        Edit::Batch(edits) => {
            // Later edits of a batch may depend on earlier ones, so check them on a scratch copy.
            let mut scratch = map.clone();
            for edit in edits {
                check(&scratch, edit)?;
                perform(&mut scratch, edit.clone());
            }
            Ok(())
        }
        // Persona and metrics edits were checked above.
        _ => Ok(()),
    }
}

fn link_index(map: &Map, id: LinkId) -> Result<usize, EditError> {
    map.link_index(id).ok_or(EditError::NoSuchLink(id))
}

/// Checks a link's ends against the map; `replacing` is the link it replaces, which it may repeat.
fn check_link(map: &Map, link: &Link, replacing: Option<LinkId>) -> Result<(), EditError> {
    card_index(map, link.from)?;
    match link.to {
        Some(to) if to == link.from => return Err(EditError::SelfLink),
        Some(to) => card_index(map, to).map(drop)?,
        None if link.kind != LinkKind::Exit => return Err(EditError::LinkWithoutTarget),
        None => {}
    }
    let repeated = map
        .links
        .iter()
        .any(|l| Some(l.id) != replacing && l.from == link.from && l.to == link.to);
    if repeated {
        Err(EditError::DuplicateLink)
    } else {
        Ok(())
    }
}

pub(super) fn emotions_lane(map: &Map, id: LaneId) -> Result<(), EditError> {
    let lane = &map.lanes[lane_index(map, id)?];
    if lane.kind == LaneKind::Emotions {
        Ok(())
    } else {
        Err(EditError::NotAnEmotionsLane(id))
    }
}

pub(super) fn check_score(score: i8) -> Result<(), EditError> {
    if (MIN_SCORE..=MAX_SCORE).contains(&score) {
        Ok(())
    } else {
        Err(EditError::ScoreOutOfRange(score))
    }
}

fn check_width(width: f32) -> Result<(), EditError> {
    if (MIN_STAGE_WIDTH..=MAX_STAGE_WIDTH).contains(&width) {
        Ok(())
    } else {
        Err(EditError::BadWidth)
    }
}

/// Performs a checked edit. Indices were checked by `check`, so the lookups here cannot miss.
fn perform(map: &mut Map, edit: Edit) -> Edit {
    if super::numbers::handles(&edit) {
        return super::numbers::perform(map, edit);
    }
    match edit {
        Edit::SetTitle(title) => Edit::SetTitle(std::mem::replace(&mut map.title, title)),
        Edit::InsertCard { card, index } => {
            let id = card.id;
            map.next_id = map.next_id.max(id.0 + 1);
            map.cards.insert(index, card);
            Edit::RemoveCard(id)
        }
        Edit::RemoveCard(id) => {
            let index = map.card_index(id).unwrap_or_default();
            let card = map.cards.remove(index);
            let links = take_links(map, |l| l.touches(id));
            with_links(Edit::InsertCard { card, index }, links)
        }
        Edit::SetCardText { card, text } => Edit::SetCardText {
            card,
            text: std::mem::replace(&mut card_mut(map, card).text, text),
        },
        Edit::SetCardColor { card, color } => Edit::SetCardColor {
            card,
            color: std::mem::replace(&mut card_mut(map, card).color, color),
        },
        Edit::SetCardChannel { card, channel } => Edit::SetCardChannel {
            card,
            channel: std::mem::replace(&mut card_mut(map, card).channel, channel),
        },
        Edit::MoveCard {
            card,
            stage,
            lane,
            index,
        } => {
            let from = map.card_index(card).unwrap_or_default();
            let mut moved = map.cards.remove(from);
            let undo = Edit::MoveCard {
                card,
                stage: moved.stage,
                lane: moved.lane,
                index: from,
            };
            moved.stage = stage;
            moved.lane = lane;
            map.cards.insert(index, moved);
            undo
        }
        Edit::InsertStage {
            stage,
            index,
            cards,
            emotions,
            metrics,
        } => {
            let id = stage.id;
            map.next_id = map.next_id.max(id.0 + 1);
            map.stages.insert(index, stage);
            super::numbers::restore_metrics(map, id, metrics);
            for (at, card) in cards {
                map.cards.insert(at, card);
            }
            for (lane, point) in emotions {
                if let Some(lane) = map.lanes.iter_mut().find(|l| l.id == lane) {
                    insert_emotion(&mut lane.emotions, point);
                }
            }
            Edit::RemoveStage(id)
        }
        Edit::RemoveStage(id) => {
            let index = map.stage_index(id).unwrap_or_default();
            let stage = map.stages.remove(index);
            let cards = take_cards(map, |c| c.stage == id);
            let links = take_links_of(map, &cards);
            let mut emotions = Vec::new();
            for lane in &mut map.lanes {
                while let Some(at) = lane.emotions.iter().position(|p| p.stage == id) {
                    emotions.push((lane.id, lane.emotions.remove(at)));
                }
            }
            let metrics = super::numbers::take_metrics(map, id);
            let undo = Edit::InsertStage {
                stage,
                index,
                cards,
                emotions,
                metrics,
            };
            with_links(undo, links)
        }
        Edit::SetStage(stage) => {
            let index = map.stage_index(stage.id).unwrap_or_default();
            Edit::SetStage(std::mem::replace(&mut map.stages[index], stage))
        }
        Edit::MoveStage { stage, index } => {
            let from = map.stage_index(stage).unwrap_or_default();
            let moved = map.stages.remove(from);
            map.stages.insert(index, moved);
            Edit::MoveStage { stage, index: from }
        }
        Edit::InsertLane { lane, index, cards } => {
            let id = lane.id;
            map.next_id = map.next_id.max(id.0 + 1);
            map.lanes.insert(index, lane);
            for (at, card) in cards {
                map.cards.insert(at, card);
            }
            Edit::RemoveLane(id)
        }
        Edit::RemoveLane(id) => {
            let index = map.lane_index(id).unwrap_or_default();
            let lane = map.lanes.remove(index);
            let cards = take_cards(map, |c| c.lane == id);
            let links = take_links_of(map, &cards);
            with_links(Edit::InsertLane { lane, index, cards }, links)
        }
        Edit::SetLaneName { lane, name } => Edit::SetLaneName {
            lane,
            name: std::mem::replace(&mut lane_mut(map, lane).name, name),
        },
        Edit::SetLaneKind { lane, kind } => Edit::SetLaneKind {
            lane,
            kind: std::mem::replace(&mut lane_mut(map, lane).kind, kind),
        },
        Edit::MoveLane { lane, index } => {
            let from = map.lane_index(lane).unwrap_or_default();
            let moved = map.lanes.remove(from);
            map.lanes.insert(index, moved);
            Edit::MoveLane { lane, index: from }
        }
        Edit::SetEmotion {
            lane,
            stage,
            persona,
            point,
        } => {
            let index = map.lane_index(lane).unwrap_or_default();
            let emotions = &mut map.lanes[index].emotions;
            let old = emotions
                .iter()
                .position(|p| p.stage == stage && p.persona == persona)
                .map(|at| emotions.remove(at));
            if let Some((score, note)) = point {
                let point = EmotionPoint {
                    stage,
                    score,
                    note,
                    persona,
                };
                insert_emotion(emotions, point);
            }
            Edit::SetEmotion {
                lane,
                stage,
                persona,
                point: old.map(|p| (p.score, p.note)),
            }
        }
        Edit::SetFindingKind { kind, on } => {
            let was_on = map.finding_on(kind);
            map.findings_off.retain(|k| *k != kind);
            if !on {
                // Kept in `FindingKind::ALL` order, so that switching off and on again gives the same list.
                let at = map.findings_off.partition_point(|k| *k < kind);
                map.findings_off.insert(at, kind);
            }
            Edit::SetFindingKind { kind, on: was_on }
        }
        Edit::InsertLink { link, index } => {
            let id = link.id;
            map.next_id = map.next_id.max(id.0 + 1);
            map.links.insert(index, link);
            Edit::RemoveLink(id)
        }
        Edit::RemoveLink(id) => {
            let index = map.link_index(id).unwrap_or_default();
            let link = map.links.remove(index);
            Edit::InsertLink { link, index }
        }
        Edit::SetLinkKind { link, kind } => {
            let index = map.link_index(link).unwrap_or_default();
            Edit::SetLinkKind {
                link,
                kind: std::mem::replace(&mut map.links[index].kind, kind),
            }
        }
        Edit::SetVote(_)
        | Edit::PutDot { .. }
        | Edit::TakeDot { .. }
        | Edit::JoinVote(_)
        | Edit::LeaveVote(_) => super::vote::perform(map, edit),
        Edit::ReplaceMap(mut new) => {
            std::mem::swap(map, &mut new);
            Edit::ReplaceMap(new)
        }
        Edit::Batch(edits) => {
            let mut undo: Vec<Edit> = edits.into_iter().map(|e| perform(map, e)).collect();
            undo.reverse();
            Edit::Batch(undo)
        }
        // Persona and metrics edits were performed above.
        other => other,
    }
}

/// The card an edit names; `check` made sure it exists.
fn card_mut(map: &mut Map, id: CardId) -> &mut crate::model::Card {
    let at = map.card_index(id).unwrap_or_default();
    &mut map.cards[at]
}

/// The lane an edit names; `check` made sure it exists.
fn lane_mut(map: &mut Map, id: LaneId) -> &mut crate::model::Lane {
    let at = map.lane_index(id).unwrap_or_default();
    &mut map.lanes[at]
}

/// Emotion points are kept sorted by stage id, so that removing and re-inserting one restores the same list.
pub(crate) fn insert_emotion(emotions: &mut Vec<EmotionPoint>, point: EmotionPoint) {
    let at = emotions.partition_point(|p| (p.stage, p.persona) < (point.stage, point.persona));
    emotions.insert(at, point);
}

/// Takes out the matching cards, returning them with the indices they had (ascending).
fn take_cards(
    map: &mut Map,
    matches: impl Fn(&crate::model::Card) -> bool,
) -> Vec<(usize, crate::model::Card)> {
    take_matching(&mut map.cards, matches)
}

/// Takes out the matching links, returning them with the indices they had (ascending).
fn take_links(map: &mut Map, matches: impl Fn(&Link) -> bool) -> Vec<(usize, Link)> {
    take_matching(&mut map.links, matches)
}

/// Takes the matching items out of a list in one pass, returning them with the indices they had (ascending).
fn take_matching<T>(items: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    if !items.iter().any(&matches) {
        return Vec::new();
    }
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(items.len());
    for (index, item) in std::mem::take(items).into_iter().enumerate() {
        if matches(&item) {
            taken.push((index, item));
        } else {
            kept.push(item);
        }
    }
    *items = kept;
    taken
}

/// Takes out the links of cards that were just taken out.
fn take_links_of(map: &mut Map, cards: &[(usize, crate::model::Card)]) -> Vec<(usize, Link)> {
    if map.links.is_empty() || cards.is_empty() {
        return Vec::new();
    }
    let gone: std::collections::HashSet<CardId> = cards.iter().map(|(_, c)| c.id).collect();
    take_links(map, |l| {
        gone.contains(&l.from) || l.to.is_some_and(|to| gone.contains(&to))
    })
}

/// The edit that undoes a removal, followed by putting back the links that went with it (in ascending order
/// of their old places, which restores the list exactly). Without links it is the removal's undo alone.
fn with_links(undo: Edit, links: Vec<(usize, Link)>) -> Edit {
    if links.is_empty() {
        return undo;
    }
    let mut edits = vec![undo];
    edits.extend(
        links
            .into_iter()
            .map(|(index, link)| Edit::InsertLink { link, index }),
    );
    Edit::Batch(edits)
}
