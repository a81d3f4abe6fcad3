//! Edits that create new items: they take fresh ids from the map, so callers need not think about ids.

use super::Edit;
use crate::model::{
    Card, CardId, Channel, Lane, LaneId, LaneKind, Link, LinkId, LinkKind, Map, Stage, StageId,
};

/// A new card in a cell, just after `after` (or last in the cell).
pub fn add_card(
    map: &Map,
    stage: StageId,
    lane: LaneId,
    after: Option<CardId>,
    text: &str,
) -> Edit {
    let kind = map.lane(lane).map_or(LaneKind::Notes, |l| l.kind);
    let cell: Vec<CardId> = map.cards_in(stage, lane).map(|c| c.id).collect();
    let before = after
        .and_then(|a| cell.iter().position(|c| *c == a))
        .and_then(|at| cell.get(at + 1).copied());
    let index = match (after, before) {
        (Some(_), None) | (None, _) => map.insertion_index(stage, lane, None, None),
        (Some(_), Some(b)) => map.insertion_index(stage, lane, Some(b), None),
    };
    let card = Card {
        id: CardId(map.next_id),
        stage,
        lane,
        text: text.to_owned(),
        color: kind.default_color(),
        channel: (kind == LaneKind::Touchpoints).then_some(Channel::Online),
        personas: Vec::new(),
    };
    Edit::InsertCard { card, index }
}

/// A new stage at `index`.
pub fn add_stage(map: &Map, index: usize, name: &str) -> Edit {
    let stage = Stage::new(StageId(map.next_id), name);
    Edit::InsertStage {
        stage,
        index: index.min(map.stages.len()),
        cards: Vec::new(),
        emotions: Vec::new(),
        metrics: Vec::new(),
    }
}

/// A new lane of a kind at `index`.
pub fn add_lane(map: &Map, index: usize, kind: LaneKind, name: &str) -> Edit {
    let lane = Lane::new(LaneId(map.next_id), name, kind);
    Edit::InsertLane {
        lane,
        index: index.min(map.lanes.len()),
        cards: Vec::new(),
    }
}

/// Moves a card into a cell just before `before` (or last). `None` when the card would not move.
pub fn move_card(
    map: &Map,
    card: CardId,
    stage: StageId,
    lane: LaneId,
    before: Option<CardId>,
) -> Option<Edit> {
    let from = map.card_index(card)?;
    let current = map.card(card)?;
    let index = map.insertion_index(stage, lane, before, Some(card));
    let same_cell = current.stage == stage && current.lane == lane;
    (!(same_cell && index == from)).then_some(Edit::MoveCard {
        card,
        stage,
        lane,
        index,
    })
}

/// Whether the map's text reads as Russian, to name new stages and lanes in the same language.
pub fn looks_russian(map: &Map) -> bool {
    let sample = map
        .stages
        .iter()
        .map(|s| s.name.as_str())
        .chain(map.lanes.iter().map(|l| l.name.as_str()));
    let (mut cyrillic, mut latin) = (0, 0);
    for c in sample.flat_map(str::chars) {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    cyrillic > latin
}

/// Moves cards (in the order given) into a cell just before `before` (or last), keeping their order: one
/// batch, so one undo step. `None` when nothing would move.
pub fn move_cards(
    map: &Map,
    cards: &[CardId],
    stage: StageId,
    lane: LaneId,
    before: Option<CardId>,
) -> Option<Edit> {
    let before = before.filter(|b| !cards.contains(b));
    let mut scratch = map.clone();
    let mut edits = Vec::new();
    for &card in cards {
        if let Some(edit) = move_card(&scratch, card, stage, lane, before)
            && let Ok(_) = super::apply(&mut scratch, edit.clone())
        {
            edits.push(edit);
        }
    }
    let unchanged = scratch
        .cards
        .iter()
        .map(|c| (c.id, c.stage, c.lane))
        .eq(map.cards.iter().map(|c| (c.id, c.stage, c.lane)));
    (!edits.is_empty() && !unchanged).then_some(Edit::Batch(edits))
}

/// New cards in a cell, in the order given, just after `after` (or last in the cell), with fresh ids; a draft
/// without a colour takes the lane's default. Returns the batch and the new cards' ids.
pub fn insert_cards(
    map: &Map,
    stage: StageId,
    lane: LaneId,
    after: Option<CardId>,
    drafts: &[crate::workshop::clipboard::CardDraft],
) -> (Edit, Vec<CardId>) {
    let kind = map.lane(lane).map_or(LaneKind::Notes, |l| l.kind);
    let Edit::InsertCard { index, .. } = add_card(map, stage, lane, after, "") else {
        return (Edit::Batch(Vec::new()), Vec::new());
    };
    let mut ids = Vec::with_capacity(drafts.len());
    let edits = drafts
        .iter()
        .enumerate()
        .map(|(i, draft)| {
            let id = CardId(map.next_id + i as u64);
            ids.push(id);
            let channel = match (kind, draft.channel) {
                (LaneKind::Touchpoints, None) => Some(Channel::Online),
                (_, channel) => channel,
            };
            Edit::InsertCard {
                card: Card {
                    id,
                    stage,
                    lane,
                    text: draft.text.clone(),
                    color: draft.color.unwrap_or(kind.default_color()),
                    channel,
                    personas: Vec::new(),
                },
                index: index + i,
            }
        })
        .collect();
    (Edit::Batch(edits), ids)
}

/// Copies of cards, each just after its original; returns the batch and the copies' ids.
pub fn duplicate_cards(map: &Map, cards: &[CardId]) -> (Edit, Vec<CardId>) {
    let mut scratch = map.clone();
    let mut edits = Vec::new();
    let mut ids = Vec::new();
    for &id in cards {
        let Some(card) = scratch.card(id).cloned() else {
            continue;
        };
        let draft = crate::workshop::clipboard::CardDraft {
            text: card.text,
            color: Some(card.color),
            channel: card.channel,
        };
        let (edit, new) = insert_cards(&scratch, card.stage, card.lane, Some(id), &[draft]);
        if let Edit::Batch(mut inserts) = edit
            && super::apply(&mut scratch, Edit::Batch(inserts.clone())).is_ok()
        {
            // A copy belongs to the same personas as its original.
            if !card.personas.is_empty() {
                inserts.extend(new.iter().map(|&card_id| Edit::SetCardPersonas {
                    card: card_id,
                    personas: card.personas.clone(),
                }));
            }
            edits.extend(inserts);
            ids.extend(new);
        }
    }
    (Edit::Batch(edits), ids)
}

/// Moves each card to the neighbouring cell of its own: `stages` steps along the journey, `lanes` card lanes
/// up or down (Emotions lanes are skipped), last in that cell, keeping the cards' order: one batch. `None` when
/// a card would leave the map, or nothing is to move.
pub fn shift_cards(map: &Map, cards: &[CardId], stages: isize, lanes: isize) -> Option<Edit> {
    let card_lanes: Vec<LaneId> = map
        .lanes
        .iter()
        .filter(|l| l.kind.holds_cards())
        .map(|l| l.id)
        .collect();
    let mut targets = Vec::with_capacity(cards.len());
    for &id in cards {
        let card = map.card(id)?;
        let stage_at = map.stage_index(card.stage)?.checked_add_signed(stages)?;
        let lane_at = card_lanes
            .iter()
            .position(|l| *l == card.lane)?
            .checked_add_signed(lanes)?;
        targets.push((id, map.stages.get(stage_at)?.id, *card_lanes.get(lane_at)?));
    }
    let mut scratch = map.clone();
    let mut edits = Vec::new();
    for (id, stage, lane) in targets {
        if let Some(edit) = move_card(&scratch, id, stage, lane, None)
            && super::apply(&mut scratch, edit.clone()).is_ok()
        {
            edits.push(edit);
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// The kind a new link between two cards gets from where they sit: back to an earlier stage is a return, over
/// one or more stages a skip, to no card an exit, anything else the next step. The user can change it.
pub fn link_kind_between(map: &Map, from: CardId, to: Option<CardId>) -> LinkKind {
    let Some(to) = to else {
        return LinkKind::Exit;
    };
    let stage_at = |card| {
        map.card(card)
            .and_then(|c| map.stage_index(c.stage))
            .unwrap_or(0)
    };
    let (a, b) = (stage_at(from), stage_at(to));
    if b < a {
        LinkKind::Return
    } else if b > a + 1 {
        LinkKind::Skip
    } else {
        LinkKind::Next
    }
}

/// A new link from a card to another (or out of the map), last in the list, with a fresh id.
pub fn add_link(map: &Map, from: CardId, to: Option<CardId>, kind: LinkKind) -> Edit {
    Edit::InsertLink {
        link: Link {
            id: LinkId(map.next_id),
            from,
            to,
            kind,
        },
        index: map.links.len(),
    }
}
