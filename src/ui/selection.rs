//! What is selected on the canvas, and how the arrow keys move the selection. View state, not saved.

use crate::model::{CardId, LaneId, LinkId, Map, StageId};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    None,
    Card(CardId),
    /// A cell: a stage × lane slot, empty or not.
    Cell(StageId, LaneId),
    Stage(StageId),
    Lane(LaneId),
    /// A link between cards (an arrow).
    Link(LinkId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Selection {
    /// The cell the selection is in, if any.
    pub fn cell(self, map: &Map) -> Option<(StageId, LaneId)> {
        match self {
            Selection::Card(id) => map.card(id).map(|c| (c.stage, c.lane)),
            Selection::Cell(s, l) => Some((s, l)),
            _ => None,
        }
    }

    /// Drops a selection whose item no longer exists (after undo or delete).
    pub fn still_valid(self, map: &Map) -> Selection {
        let valid = match self {
            Selection::None => true,
            Selection::Card(id) => map.card(id).is_some(),
            Selection::Cell(s, l) => map.stage(s).is_some() && map.lane(l).is_some(),
            Selection::Stage(s) => map.stage(s).is_some(),
            Selection::Lane(l) => map.lane(l).is_some(),
            Selection::Link(l) => map.link(l).is_some(),
        };
        if valid { self } else { Selection::None }
    }
}

/// The card at `slot` of a cell (clamped to the last card), or the cell itself when it is empty.
fn in_cell(map: &Map, stage: usize, lane: usize, slot: Slot) -> Selection {
    let (Some(s), Some(l)) = (map.stages.get(stage), map.lanes.get(lane)) else {
        return Selection::None;
    };
    let cards: Vec<CardId> = map.cards_in(s.id, l.id).map(|c| c.id).collect();
    let pick = match slot {
        Slot::First => cards.first(),
        Slot::Last => cards.last(),
        Slot::Index(i) => cards.get(i.min(cards.len().saturating_sub(1))),
    };
    match pick {
        Some(id) => Selection::Card(*id),
        None => Selection::Cell(s.id, l.id),
    }
}

#[derive(Clone, Copy)]
enum Slot {
    First,
    Last,
    Index(usize),
}

/// Where an arrow key takes the selection.
pub fn navigate(map: &Map, selection: Selection, direction: Direction) -> Selection {
    use Direction::*;
    // From a link, the arrow keys go on from the card it leaves.
    let selection = match selection {
        Selection::Link(id) => map
            .link(id)
            .map_or(Selection::None, |l| Selection::Card(l.from)),
        other => other,
    };
    let position = match selection {
        Selection::Card(id) => map.card(id).and_then(|card| {
            let slot = map
                .cards_in(card.stage, card.lane)
                .position(|c| c.id == id)?;
            let count = map.cards_in(card.stage, card.lane).count();
            Some((
                map.stage_index(card.stage)?,
                map.lane_index(card.lane)?,
                Some((slot, count)),
            ))
        }),
        Selection::Cell(s, l) => map
            .stage_index(s)
            .zip(map.lane_index(l))
            .map(|(s, l)| (s, l, None)),
        Selection::Stage(id) => {
            let Some(s) = map.stage_index(id) else {
                return Selection::None;
            };
            return match direction {
                Left => map
                    .stages
                    .get(s.wrapping_sub(1))
                    .map_or(selection, |st| Selection::Stage(st.id)),
                Right => map
                    .stages
                    .get(s + 1)
                    .map_or(selection, |st| Selection::Stage(st.id)),
                Down => in_cell(map, s, 0, Slot::First),
                Up => selection,
            };
        }
        Selection::Lane(id) => {
            let Some(l) = map.lane_index(id) else {
                return Selection::None;
            };
            return match direction {
                Up => map
                    .lanes
                    .get(l.wrapping_sub(1))
                    .map_or(selection, |ln| Selection::Lane(ln.id)),
                Down => map
                    .lanes
                    .get(l + 1)
                    .map_or(selection, |ln| Selection::Lane(ln.id)),
                Right => in_cell(map, 0, l, Slot::First),
                Left => selection,
            };
        }
        Selection::None | Selection::Link(_) => None,
    };
    let Some((s, l, slot)) = position else {
        return in_cell(map, 0, 0, Slot::First);
    };
    let index = slot.map_or(0, |(i, _)| i);
    match direction {
        Up => match slot {
            Some((i, _)) if i > 0 => in_cell(map, s, l, Slot::Index(i - 1)),
            _ if l == 0 => map
                .stages
                .get(s)
                .map_or(selection, |st| Selection::Stage(st.id)),
            _ => in_cell(map, s, l - 1, Slot::Last),
        },
        Down => match slot {
            Some((i, n)) if i + 1 < n => in_cell(map, s, l, Slot::Index(i + 1)),
            _ if l + 1 >= map.lanes.len() => selection,
            _ => in_cell(map, s, l + 1, Slot::First),
        },
        Left if s == 0 => map
            .lanes
            .get(l)
            .map_or(selection, |ln| Selection::Lane(ln.id)),
        Left => in_cell(map, s - 1, l, Slot::Index(index)),
        Right if s + 1 >= map.stages.len() => selection,
        Right => in_cell(map, s + 1, l, Slot::Index(index)),
    }
}

/// How far Ctrl+A reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Cell,
    Stage,
    Lane,
    Map,
}

/// What Ctrl+A selects: the cards of the selection's cell, or, when they are all selected already, of its lane,
/// then of the whole map. A selected stage or lane header starts with that stage or lane.
pub fn select_all_scope(
    map: &Map,
    selection: Selection,
    already: &std::collections::HashSet<CardId>,
) -> (Scope, Vec<CardId>) {
    // Each scope is a stage and a lane to match (`None` matches any).
    let mut scopes: Vec<(Scope, Option<StageId>, Option<LaneId>)> = Vec::new();
    match selection {
        Selection::Stage(s) => scopes.push((Scope::Stage, Some(s), None)),
        Selection::Lane(l) => scopes.push((Scope::Lane, None, Some(l))),
        _ => {
            if let Some((s, l)) = selection.cell(map) {
                scopes.push((Scope::Cell, Some(s), Some(l)));
                scopes.push((Scope::Lane, None, Some(l)));
            }
        }
    }
    for (scope, stage, lane) in scopes {
        let cards: Vec<CardId> = map
            .cards
            .iter()
            .filter(|c| stage.is_none_or(|s| c.stage == s) && lane.is_none_or(|l| c.lane == l))
            .map(|c| c.id)
            .collect();
        if cards.iter().any(|c| !already.contains(c)) {
            return (scope, cards);
        }
    }
    (Scope::Map, map.cards.iter().map(|c| c.id).collect())
}
