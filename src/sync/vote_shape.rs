//! How a round of dot voting lives in the shared Yjs document, so that people voting from their own computers at
//! the same moment never overwrite each other's dots (the file keeps the round as one value; see
//! `crate::model::Vote`).
//!
//! The root map `vote` holds one entry, `round`: a nested map for the running round (absent: no vote). In it:
//! - `id` (the round's number, text), `lane`, `votes_each`, `several_per_card` (each its JSON text): the settings;
//! - `participants`: a nested map keyed by participant id, the value `{"name":…,"color":[r,g,b]}` as JSON text;
//! - `dots`: a nested map keyed by `participant:card`, the value the count as JSON text.
//!
//! Putting or taking back a dot writes the one entry of that participant and card, and a participant joining
//! writes the one entry of that participant, so different participants' changes always both survive. A new
//! round (or clearing the votes) replaces or removes the whole `round` entry: dots put meanwhile into the old
//! round go with it, the same way on every computer.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use yrs::{Any, Map as _, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use super::shape::MAX_CARDS;
use crate::model::{
    CardId, Dots, LaneId, MAX_PARTICIPANTS, MAX_VOTES_EACH, Participant, ParticipantId, Vote,
};

const ROUND: &str = "round";
const PARTICIPANTS: &str = "participants";
const DOTS: &str = "dots";
/// The longest participant name read (longer ones are cut).
const MAX_NAME_CHARS: usize = 200;
/// The most participant entries read (a round with more has nobody, so no round).
const MAX_SEATS: usize = 10 * MAX_PARTICIPANTS;
/// The most entries of dots read: one per card and participant who voted for it.
const MAX_DOT_ENTRIES: usize = MAX_CARDS;
/// The largest value of one entry read.
const MAX_ENTRY_BYTES: usize = 4096;

/// A participant's entry: everything but the id, which is the key.
#[derive(Serialize, Deserialize)]
struct Seat {
    #[serde(default)]
    name: String,
    color: [u8; 3],
}

fn json<T: Serialize>(value: &T) -> Any {
    Any::String(Arc::from(
        serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned()),
    ))
}

fn dot_key(participant: ParticipantId, card: CardId) -> String {
    format!("{}:{}", participant.0, card.0)
}

/// Writes the change from `base` to `new` into the root map `vote`.
pub fn write(txn: &mut TransactionMut, root: &MapRef, base: Option<&Vote>, new: Option<&Vote>) {
    match (base, new) {
        (None, None) => {}
        (Some(_), None) => {
            root.remove(txn, ROUND);
        }
        (Some(old), Some(new)) if old.round == new.round => {
            if old == new {
                return;
            }
            // Someone else cleared the votes or started another round meanwhile: that wins.
            let Some(Out::YMap(round)) = root.get(txn, ROUND) else {
                return;
            };
            if round_id(txn, &round) != Some(old.round) {
                return;
            }
            update(txn, &round, old, new);
        }
        (_, Some(new)) => {
            let round = root.insert(txn, ROUND, MapPrelim::default());
            round.insert(txn, "id", Any::String(Arc::from(new.round.to_string())));
            round.insert(txn, PARTICIPANTS, MapPrelim::default());
            round.insert(txn, DOTS, MapPrelim::default());
            // Every setting of `empty` differs from the new round's (but a missing lane), so all are written.
            let empty = Vote {
                participants: Vec::new(),
                dots: Vec::new(),
                lane: None,
                votes_each: 0,
                several_per_card: !new.several_per_card,
                round: new.round,
            };
            update(txn, &round, &empty, new);
        }
    }
}

/// Writes what differs between two states of one round, entry by entry.
fn update(txn: &mut TransactionMut, round: &MapRef, old: &Vote, new: &Vote) {
    if old.lane != new.lane {
        round.insert(txn, "lane", json(&new.lane));
    }
    if old.votes_each != new.votes_each {
        round.insert(txn, "votes_each", json(&new.votes_each));
    }
    if old.several_per_card != new.several_per_card {
        round.insert(txn, "several_per_card", json(&new.several_per_card));
    }
    if old.participants != new.participants
        && let Some(Out::YMap(seats)) = round.get(txn, PARTICIPANTS)
    {
        for p in &new.participants {
            if old.participant(p.id) != Some(p) {
                let seat = Seat {
                    name: p.name.clone(),
                    color: p.color,
                };
                seats.insert(txn, p.id.0.to_string(), json(&seat));
            }
        }
        for p in &old.participants {
            if new.participant(p.id).is_none() {
                seats.remove(txn, &p.id.0.to_string());
            }
        }
    }
    if old.dots != new.dots
        && let Some(Out::YMap(dots)) = round.get(txn, DOTS)
    {
        let before: BTreeMap<(ParticipantId, CardId), u32> = old
            .dots
            .iter()
            .map(|d| ((d.participant, d.card), d.count))
            .collect();
        let after: BTreeMap<(ParticipantId, CardId), u32> = new
            .dots
            .iter()
            .map(|d| ((d.participant, d.card), d.count))
            .collect();
        for (&(participant, card), &count) in &after {
            if before.get(&(participant, card)) != Some(&count) {
                dots.insert(txn, dot_key(participant, card), json(&count));
            }
        }
        for &(participant, card) in before.keys() {
            if !after.contains_key(&(participant, card)) {
                dots.remove(txn, &dot_key(participant, card));
            }
        }
    }
}

fn text<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<String> {
    match map.get(txn, key)? {
        Out::Any(Any::String(s)) if s.len() <= MAX_ENTRY_BYTES => Some(s.to_string()),
        _ => None,
    }
}

fn value<T: ReadTxn, V: for<'de> Deserialize<'de>>(txn: &T, map: &MapRef, key: &str) -> Option<V> {
    serde_json::from_str(&text(txn, map, key)?).ok()
}

fn round_id<T: ReadTxn>(txn: &T, round: &MapRef) -> Option<u64> {
    text(txn, round, "id")?.parse().ok()
}

/// Reads the running round, bounded: a round whose settings do not read is no round; participants and dots
/// that do not read are left out, at most [`MAX_PARTICIPANTS`] participants (the lowest ids) and
/// [`MAX_DOT_ENTRIES`] entries of dots are read (a round with more dots keeps none of them). The result still
/// needs [`super::repair`] (dots of unknown participants, on missing cards, over the budget).
pub fn read<T: ReadTxn>(txn: &T, root: &MapRef) -> Option<Vote> {
    let Some(Out::YMap(round)) = root.get(txn, ROUND) else {
        return None;
    };
    let votes_each: u32 = value(txn, &round, "votes_each")?;
    let lane: Option<LaneId> = value(txn, &round, "lane").unwrap_or(None);
    let several_per_card: bool = value(txn, &round, "several_per_card").unwrap_or(false);
    let mut participants = Vec::new();
    if let Some(Out::YMap(seats)) = round.get(txn, PARTICIPANTS)
        && seats.len(txn) as usize <= MAX_SEATS
    {
        for (key, entry) in seats.iter(txn) {
            let (Ok(id), Out::Any(Any::String(s))) = (key.parse::<u32>(), entry) else {
                continue;
            };
            if s.len() > MAX_ENTRY_BYTES {
                continue;
            }
            if let Ok(seat) = serde_json::from_str::<Seat>(&s) {
                participants.push(Participant {
                    id: ParticipantId(id),
                    name: seat.name.chars().take(MAX_NAME_CHARS).collect(),
                    color: seat.color,
                });
            }
        }
    }
    participants.sort_by_key(|p| p.id);
    participants.truncate(MAX_PARTICIPANTS);
    if participants.is_empty() {
        return None;
    }
    let mut dots = Vec::new();
    if let Some(Out::YMap(entries)) = round.get(txn, DOTS)
        && entries.len(txn) as usize <= MAX_DOT_ENTRIES
    {
        for (key, entry) in entries.iter(txn) {
            let Some((participant, card)) = key.split_once(':') else {
                continue;
            };
            let (Ok(participant), Ok(card), Out::Any(Any::String(s))) =
                (participant.parse::<u32>(), card.parse::<u64>(), entry)
            else {
                continue;
            };
            match serde_json::from_str::<Value>(&s)
                .ok()
                .and_then(|v| v.as_u64())
            {
                Some(count) if count > 0 => dots.push(Dots {
                    participant: ParticipantId(participant),
                    card: CardId(card),
                    count: count.min(u64::from(MAX_VOTES_EACH)) as u32,
                }),
                _ => {}
            }
        }
    }
    dots.sort_by_key(|d| (d.participant, d.card));
    Some(Vote {
        lane,
        votes_each: votes_each.clamp(1, MAX_VOTES_EACH),
        several_per_card,
        participants,
        dots,
        round: round_id(txn, &round).unwrap_or(0),
    })
}
