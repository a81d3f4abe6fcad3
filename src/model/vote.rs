//! Dot voting: a round in which each participant puts a few dots on the cards that matter most (the worst
//! barriers, the best ideas). A dot belongs to a participant, never to a click or a computer, so that dots cast
//! elsewhere can be merged in later. Plain data, saved in the map file (version 3).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{CardId, LaneId, Map};

/// At most this many participants in one round.
pub const MAX_PARTICIPANTS: usize = 100;
/// At most this many votes per participant (a CSV import's anonymous participant holds all its totals).
pub const MAX_VOTES_EACH: u32 = 10_000;
/// What the start dialog offers first.
pub const DEFAULT_VOTES_EACH: u32 = 3;
/// Participant ids from here up belong to a Waymark that joined the round in a live session (each votes from
/// its own computer, with an id drawn at random in this range); ids below are the participants the start
/// dialog made, for whom anyone may vote.
pub const FIRST_COMPUTER_PARTICIPANT: u32 = 1 << 16;

/// Identifies a participant within a round (1, 2, 3… as they were added; never reused within the round).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ParticipantId(pub u32);

impl ParticipantId {
    /// Whether this participant votes from a Waymark of their own (joined in a live session).
    pub fn is_computer(self) -> bool {
        self.0 >= FIRST_COMPUTER_PARTICIPANT
    }
}

impl std::fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One round of dot voting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    /// The lane whose cards take part (a Barriers lane, say); `None`: every card of the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lane: Option<LaneId>,
    /// How many dots each participant may put.
    pub votes_each: u32,
    /// Whether one participant may put several dots on one card.
    #[serde(default)]
    pub several_per_card: bool,
    pub participants: Vec<Participant>,
    /// The dots put so far, one entry per participant and card, kept in (participant, card) order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dots: Vec<Dots>,
    /// Tells rounds apart in a live session (a new round replaces the old one's dots as a whole, instead of
    /// being merged with them); not saved in the file, where there is only one round. 0 for a round read from
    /// a file.
    #[serde(skip)]
    pub round: u64,
}

/// Someone who votes. An empty name shows as "Participant N" in the interface's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub id: ParticipantId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The colour of this participant's dots, sRGB.
    pub color: [u8; 3],
}

/// The dots one participant put on one card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dots {
    pub participant: ParticipantId,
    pub card: CardId,
    pub count: u32,
}

/// Dot colours that tell participants apart on every card colour (each dot also gets a white ring).
pub const PALETTE: [[u8; 3]; 12] = [
    [0xD6, 0x27, 0x28],
    [0x1F, 0x5F, 0xD6],
    [0x2C, 0xA0, 0x2C],
    [0xFF, 0x7F, 0x0E],
    [0x94, 0x47, 0xC4],
    [0x17, 0xA2, 0xB8],
    [0xE3, 0x37, 0xC2],
    [0x8C, 0x56, 0x4B],
    [0x11, 0x2A, 0x6B],
    [0x7F, 0x8C, 0x0D],
    [0x33, 0x33, 0x33],
    [0xB8, 0x86, 0x0B],
];

impl Vote {
    /// A new round with `count` participants named from `names` (missing or blank names stay empty), each
    /// with the next palette colour.
    pub fn new(
        lane: Option<LaneId>,
        votes_each: u32,
        several_per_card: bool,
        names: &[String],
        count: usize,
    ) -> Vote {
        let participants = (0..count.clamp(1, MAX_PARTICIPANTS))
            .map(|i| Participant {
                id: ParticipantId(i as u32 + 1),
                name: names
                    .get(i)
                    .map(|n| n.trim().to_owned())
                    .unwrap_or_default(),
                color: PALETTE[i % PALETTE.len()],
            })
            .collect();
        Vote {
            lane,
            votes_each: votes_each.clamp(1, MAX_VOTES_EACH),
            several_per_card,
            participants,
            dots: Vec::new(),
            round: 0,
        }
    }

    /// Where a participant joining with this id goes: before the first one with a larger id (the list is in id
    /// order, as a live session reads it back).
    pub(crate) fn seat(&self, id: ParticipantId) -> usize {
        self.participants.partition_point(|p| p.id < id)
    }

    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The dots a participant has put on a card.
    pub fn dots_of(&self, participant: ParticipantId, card: CardId) -> u32 {
        self.dots
            .iter()
            .find(|d| d.participant == participant && d.card == card)
            .map_or(0, |d| d.count)
    }

    /// How many dots a participant has put in all.
    pub fn used(&self, participant: ParticipantId) -> u32 {
        self.dots
            .iter()
            .filter(|d| d.participant == participant)
            .map(|d| d.count)
            .sum()
    }

    pub fn remaining(&self, participant: ParticipantId) -> u32 {
        self.votes_each.saturating_sub(self.used(participant))
    }

    /// Every dot on a card, from everyone.
    pub fn total(&self, card: CardId) -> u32 {
        self.dots
            .iter()
            .filter(|d| d.card == card)
            .map(|d| d.count)
            .sum()
    }

    pub fn total_dots(&self) -> u32 {
        self.dots.iter().map(|d| d.count).sum()
    }

    /// The totals of the cards that have dots, most first; ties keep the map's card order.
    pub fn ranking(&self, map: &Map) -> Vec<(CardId, u32)> {
        let mut totals: HashMap<CardId, u32> = HashMap::new();
        for d in &self.dots {
            *totals.entry(d.card).or_default() += d.count;
        }
        let mut ranked: Vec<(CardId, u32)> = map
            .cards
            .iter()
            .filter_map(|c| totals.get(&c.id).map(|t| (c.id, *t)))
            .collect();
        ranked.sort_by_key(|(_, total)| std::cmp::Reverse(*total));
        ranked
    }

    /// Whether a card may get new dots: it is in the voted lane (or every card is voted on).
    pub fn takes_part(&self, map: &Map, card: CardId) -> bool {
        match (self.lane, map.card(card)) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(lane), Some(c)) => c.lane == lane,
        }
    }

    /// Where the entry for (participant, card) is, or where it would go.
    pub(crate) fn entry(&self, participant: ParticipantId, card: CardId) -> Result<usize, usize> {
        self.dots
            .binary_search_by_key(&(participant, card), |d| (d.participant, d.card))
    }
}

/// Adds every inconsistency of a round to `errors`: the voted lane, the numbers, and each entry of dots.
/// Linear in the map's size, so that a hostile file cannot make loading hang.
pub fn check_vote(map: &Map, vote: &Vote, errors: &mut Vec<super::ValidationError>) {
    use super::ValidationError as E;
    if let Some(lane) = vote.lane
        && !map.lane(lane).is_some_and(|l| l.kind.holds_cards())
    {
        errors.push(E::VoteBadLane { lane: lane.0 });
    }
    if !(1..=MAX_VOTES_EACH).contains(&vote.votes_each) {
        errors.push(E::VoteBadBudget(vote.votes_each));
    }
    if !(1..=MAX_PARTICIPANTS).contains(&vote.participants.len()) {
        errors.push(E::VoteParticipants(vote.participants.len()));
    }
    let mut participants = std::collections::HashSet::new();
    for p in &vote.participants {
        if !participants.insert(p.id) {
            errors.push(E::DuplicateParticipant(p.id.0));
        }
    }
    let cards: std::collections::HashSet<CardId> = map.cards.iter().map(|c| c.id).collect();
    let mut seen = std::collections::HashSet::new();
    let mut used: HashMap<ParticipantId, u64> = HashMap::new();
    for d in &vote.dots {
        if !participants.contains(&d.participant) {
            errors.push(E::DotsOfMissingParticipant {
                participant: d.participant.0,
            });
        }
        if !cards.contains(&d.card) {
            errors.push(E::DotsOnMissingCard { card: d.card.0 });
        }
        if !seen.insert((d.participant, d.card)) {
            errors.push(E::DotsRepeated {
                participant: d.participant.0,
                card: d.card.0,
            });
        }
        if d.count == 0 || (d.count > 1 && !vote.several_per_card) {
            errors.push(E::DotsBadCount {
                participant: d.participant.0,
                card: d.card.0,
                count: d.count,
            });
        }
        *used.entry(d.participant).or_default() += u64::from(d.count);
    }
    for p in &vote.participants {
        let used = used.get(&p.id).copied().unwrap_or(0);
        if used > u64::from(vote.votes_each) {
            errors.push(E::ParticipantOverBudget {
                participant: p.id.0,
                used,
                votes_each: vote.votes_each,
            });
        }
    }
}
