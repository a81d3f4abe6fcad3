//! Makes a map read from a shared document valid, the same way on every computer. Two people's changes can
//! each be fine and still clash (one deletes a stage while another adds a card to it), and a hostile client can
//! write anything; the editor only ever gets a map that passes validation.

use std::collections::HashSet;

use crate::model::{
    DEFAULT_STAGE_WIDTH, LaneId, MAX_ID, MAX_SCORE, MAX_STAGE_WIDTH, MIN_SCORE, MIN_STAGE_WIDTH,
    Map, StageId,
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
    for lane in &mut map.lanes {
        let mut at = HashSet::new();
        lane.emotions
            .retain(|p| stages.contains(&p.stage) && at.insert(p.stage));
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
    map.repair_id_counter();
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
