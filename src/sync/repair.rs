//! Makes a map read from a shared document valid, the same way on every computer. Two people's changes can
//! each be fine and still clash (one deletes a stage while another adds a card to it), and a hostile client can
//! write anything; the editor only ever gets a map that passes validation.

use std::collections::{HashMap, HashSet};

use crate::model::{
    CardId, DEFAULT_STAGE_WIDTH, LaneId, LinkKind, MAX_ID, MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE,
    MIN_STAGE_WIDTH, Map, ParticipantId, PersonaId, StageId, Vote,
};

/// Repairs `map` in place. `previous` is the map as this participant had it before (where a deleted stage or
/// lane was, so that its orphaned cards go to its neighbour). The session writes the repair back into the
/// shared document, so that all participants end up with the same map.
pub fn repair(map: &mut Map, previous: &Map) {
    // One id, one item; the first keeps it.
    let mut seen = HashSet::new();
    map.stages
        .retain(|s| s.id.0 <= MAX_ID && seen.insert(s.id.0));
    map.lanes
        .retain(|l| l.id.0 <= MAX_ID && seen.insert(l.id.0));
    map.cards
        .retain(|c| c.id.0 <= MAX_ID && seen.insert(c.id.0));
    for stage in &mut map.stages {
        if !stage.width.is_finite() {
            stage.width = DEFAULT_STAGE_WIDTH;
        }
        stage.width = stage.width.clamp(MIN_STAGE_WIDTH, MAX_STAGE_WIDTH);
    }
    let stages: HashSet<StageId> = map.stages.iter().map(|s| s.id).collect();
    let personas: HashSet<PersonaId> = map.personas().map(|p| p.id).collect();
    for lane in &mut map.lanes {
        // One score per stage and persona, of a persona the map has.
        let mut at = HashSet::new();
        lane.emotions.retain(|p| {
            stages.contains(&p.stage)
                && personas.contains(&p.persona)
                && at.insert((p.stage, p.persona))
        });
        for measure in &mut lane.measures {
            let mut at = HashSet::new();
            measure
                .values
                .retain(|v| stages.contains(&v.stage) && at.insert(v.stage));
        }
        for point in &mut lane.emotions {
            point.score = point.score.clamp(MIN_SCORE, MAX_SCORE);
        }
        lane.emotions.sort_by_key(|p| p.stage);
    }
    let card_lanes: HashSet<LaneId> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let stage_order: Vec<StageId> = map.stages.iter().map(|s| s.id).collect();
    let lane_order: Vec<LaneId> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let previous_stages: Vec<StageId> = previous.stages.iter().map(|s| s.id).collect();
    let previous_lanes: Vec<LaneId> = previous.lanes.iter().map(|l| l.id).collect();
    map.cards.retain_mut(|card| {
        if !stages.contains(&card.stage) {
            match neighbour(card.stage, &previous_stages, &stage_order) {
                Some(stage) => card.stage = stage,
                None => return false,
            }
        }
        if !card_lanes.contains(&card.lane) {
            match neighbour(card.lane, &previous_lanes, &lane_order) {
                Some(lane) => card.lane = lane,
                None => return false,
            }
        }
        true
    });
    for card in &mut map.cards {
        card.personas.retain(|p| personas.contains(p));
    }
    // Links and votes of cards deleted meanwhile go with their cards.
    let cards: HashSet<CardId> = map.cards.iter().map(|c| c.id).collect();
    let mut pairs = HashSet::new();
    map.links.retain(|link| {
        (link.to.is_some() || link.kind == LinkKind::Exit)
            && cards.contains(&link.from)
            && link
                .to
                .is_none_or(|to| cards.contains(&to) && to != link.from)
            && (link.to.is_none() || pairs.insert((link.from, link.to)))
    });
    if let Some(vote) = &mut map.vote {
        repair_vote(vote, &cards, &card_lanes);
    }
    map.repair_id_counter();
}

/// Makes a round read from the shared document valid: its lane exists (else every card takes part), and only
/// dots of known participants on existing cards are kept, within the round's rules. Two computers voting for one
/// participant at once can put more dots than the budget; the ones past it (in card id order) are taken back.
fn repair_vote(vote: &mut Vote, cards: &HashSet<CardId>, card_lanes: &HashSet<LaneId>) {
    if vote.lane.is_some_and(|lane| !card_lanes.contains(&lane)) {
        vote.lane = None;
    }
    let mut seen = HashSet::new();
    vote.participants.retain(|p| seen.insert(p.id));
    vote.dots.sort_by_key(|d| (d.participant, d.card));
    vote.dots.dedup_by_key(|d| (d.participant, d.card));
    vote.dots
        .retain(|d| d.count > 0 && seen.contains(&d.participant) && cards.contains(&d.card));
    let mut used: HashMap<ParticipantId, u32> = HashMap::new();
    for dots in &mut vote.dots {
        if !vote.several_per_card {
            dots.count = 1;
        }
        let so_far = used.entry(dots.participant).or_default();
        dots.count = dots.count.min(vote.votes_each.saturating_sub(*so_far));
        *so_far += dots.count;
    }
    vote.dots.retain(|d| d.count > 0);
}

/// Where the items of a vanished row or column go: the nearest one that still exists, first looking after its
/// old place (the one that moved into it), then before; the first one when its old place is unknown.
fn neighbour<T: Copy + PartialEq>(gone: T, previous: &[T], now: &[T]) -> Option<T> {
    if let Some(at) = previous.iter().position(|x| *x == gone) {
        let after = previous[at + 1..].iter().find(|x| now.contains(x));
        let before = previous[..at].iter().rev().find(|x| now.contains(x));
        if let Some(found) = after.or(before) {
            return Some(*found);
        }
    }
    now.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::stroller_map;
    use crate::model::{EmotionPoint, LaneKind, Link, LinkId, Persona, PersonaId};

    #[test]
    fn links_votes_and_personas_stay_consistent_after_a_concurrent_delete() {
        let mut map = stroller_map();
        map.links.clear();
        let previous = map.clone();
        let boris = PersonaId(map.allocate_id());
        map.more_personas.push(Persona {
            id: boris,
            name: "Boris".into(),
            ..Persona::default()
        });
        let stage = map.stages[0].id;
        let emotions = map
            .lanes
            .iter_mut()
            .find(|l| l.kind == LaneKind::Emotions)
            .expect("the sample has an Emotions lane");
        let main_points = emotions
            .emotions
            .iter()
            .filter(|p| p.stage == stage)
            .count();
        emotions.emotions.push(EmotionPoint {
            stage,
            score: 1,
            note: String::new(),
            persona: boris,
        });
        // A link and a dot on a card that someone else deleted meanwhile, and a link to itself.
        let (a, b) = (map.cards[0].id, map.cards[1].id);
        let (first, second) = (LinkId(map.allocate_id()), LinkId(map.allocate_id()));
        map.links.push(Link {
            id: first,
            from: a,
            to: Some(b),
            kind: LinkKind::Next,
        });
        map.links.push(Link {
            id: second,
            from: a,
            to: Some(a),
            kind: LinkKind::Next,
        });
        map.cards.retain(|c| c.id != b);
        repair(&mut map, &previous);
        assert_eq!(map.validate(), Vec::new());
        assert!(map.links.is_empty(), "both links went");
        let emotions = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Emotions)
            .expect("lane");
        assert_eq!(
            emotions
                .emotions
                .iter()
                .filter(|p| p.stage == stage)
                .count(),
            main_points + 1,
            "each persona keeps its score at the stage"
        );
    }
}
