//! How a map lives in a shared Yjs document, generically: whatever serde writes for the map, its stages, lanes
//! and cards travels, so fields added to the model later (votes, links, metrics, personas) are shared without
//! changes here.
//!
//! - `map`: one entry per map-level field (title, persona, findings_off, ...), its value as JSON text.
//! - `stages`, `lanes`, `cards`: one nested map per item, keyed by the item's id; in it one entry per field,
//!   the value as JSON text. Concurrent changes to different fields of one item both survive; the same field
//!   changed by two people at once keeps one of them (the same one everywhere).
//! - `stage_order`, `lane_order`, `card_order`: arrays of ids as text, the order of the map's lists. Reading
//!   skips repeats and unknown ids and puts items missing from the order last, so no order can be invalid.
//! - `vote`: the running round of dot voting, one entry per participant and per participant's dots on a card
//!   (see [`super::vote_shape`]), so that people voting at the same moment never overwrite each other.
//!
//! Local changes are written as the difference between two maps (the one the others last saw from us and the
//! one we have now), so only what this person changed is written and others' changes are never reverted.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map as Object, Value};
use yrs::{Any, Array, ArrayRef, Doc, Map as _, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

use crate::model::{Card, Lane, MAX_ID, Map, Stage};

/// Map-level fields that are not shared as one value: the lists and the vote have their own structures (see
/// [`super::vote_shape`]), the version is the reader's, and each participant hands out ids from a block of its
/// own (see [`super::IdBlock`]).
const NOT_SHARED: [&str; 6] = ["stages", "lanes", "cards", "vote", "version", "next_id"];

/// The longest value of one field that is read (a persona's photo is the largest legitimate one).
pub const MAX_FIELD_BYTES: usize = 16 << 20;
/// The most items of each kind that are read; a room with more is refused.
pub const MAX_STAGES: usize = 1_000;
pub const MAX_LANES: usize = 1_000;
pub const MAX_CARDS: usize = 100_000;
/// The most fields of one item (or of the map) that are read.
const MAX_FIELDS: usize = 256;

/// The shared structures of one document.
#[derive(Clone)]
pub struct Roots {
    meta: MapRef,
    stages: MapRef,
    lanes: MapRef,
    cards: MapRef,
    stage_order: ArrayRef,
    lane_order: ArrayRef,
    card_order: ArrayRef,
    vote: MapRef,
}

impl Roots {
    pub fn new(doc: &Doc) -> Roots {
        Roots {
            meta: doc.get_or_insert_map("map"),
            stages: doc.get_or_insert_map("stages"),
            lanes: doc.get_or_insert_map("lanes"),
            cards: doc.get_or_insert_map("cards"),
            stage_order: doc.get_or_insert_array("stage_order"),
            lane_order: doc.get_or_insert_array("lane_order"),
            card_order: doc.get_or_insert_array("card_order"),
            vote: doc.get_or_insert_map("vote"),
        }
    }

    /// Whether the document holds no map at all (a room nobody has shared into).
    pub fn is_empty<T: ReadTxn>(&self, txn: &T) -> bool {
        self.meta.len(txn) == 0 && self.stages.len(txn) == 0 && self.lanes.len(txn) == 0
    }
}

/// Why a shared document could not be read as a map.
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeError {
    /// More items of one kind than Waymark reads.
    TooManyItems,
    /// The fields do not make a map, even after dropping the broken ones.
    NotAMap(String),
}

fn object_of<T: Serialize>(value: &T) -> Object<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(object)) => object,
        _ => Object::new(),
    }
}

fn text(value: &Value) -> Any {
    Any::String(Arc::from(value.to_string()))
}

/// Writes into `target` the fields of `new` that differ from `old` (all of them when `old` is empty).
fn write_fields(
    txn: &mut TransactionMut,
    target: &MapRef,
    old: &Object<String, Value>,
    new: &Object<String, Value>,
    skip: &[&str],
) {
    for (key, value) in new {
        if skip.contains(&key.as_str()) || old.get(key) == Some(value) {
            continue;
        }
        target.insert(txn, key.as_str(), text(value));
    }
    for key in old.keys() {
        if !new.contains_key(key) && !skip.contains(&key.as_str()) {
            target.remove(txn, key);
        }
    }
}

/// Writes what changed from `base` to `new` into the document.
pub fn write(txn: &mut TransactionMut, roots: &Roots, base: &Map, new: &Map) {
    let (old_meta, new_meta) = (object_of(base), object_of(new));
    if old_meta != new_meta {
        write_fields(txn, &roots.meta, &old_meta, &new_meta, &NOT_SHARED);
    }
    write_items(
        txn,
        &roots.stages,
        &roots.stage_order,
        &base.stages,
        &new.stages,
        |s| s.id.0,
    );
    write_items(
        txn,
        &roots.lanes,
        &roots.lane_order,
        &base.lanes,
        &new.lanes,
        |l| l.id.0,
    );
    write_items(
        txn,
        &roots.cards,
        &roots.card_order,
        &base.cards,
        &new.cards,
        |c| c.id.0,
    );
    super::vote_shape::write(txn, &roots.vote, base.vote.as_ref(), new.vote.as_ref());
}

fn write_items<T: Serialize + PartialEq>(
    txn: &mut TransactionMut,
    root: &MapRef,
    order: &ArrayRef,
    base: &[T],
    new: &[T],
    id: impl Fn(&T) -> u64,
) {
    if base == new {
        return;
    }
    let old: HashMap<u64, &T> = base.iter().map(|item| (id(item), item)).collect();
    for item in new {
        let key = id(item).to_string();
        match old.get(&id(item)) {
            Some(before) if *before == item => {}
            Some(before) => {
                // Someone else may have deleted the item meanwhile: then the deletion wins.
                if let Some(Out::YMap(fields)) = root.get(txn, &key) {
                    write_fields(txn, &fields, &object_of(*before), &object_of(item), &["id"]);
                }
            }
            None => {
                let fields = root.insert(txn, key.as_str(), MapPrelim::default());
                write_fields(txn, &fields, &Object::new(), &object_of(item), &["id"]);
            }
        }
    }
    let kept: HashSet<u64> = new.iter().map(&id).collect();
    for key in old.keys().filter(|k| !kept.contains(k)) {
        root.remove(txn, &key.to_string());
    }
    let base_ids: Vec<u64> = base.iter().map(&id).collect();
    let new_ids: Vec<u64> = new.iter().map(&id).collect();
    if base_ids != new_ids {
        write_order(txn, order, &base_ids, &new_ids);
    }
}

/// Changes the shared order as this person changed theirs: removed items leave it, and items that are new or
/// moved (not on the longest run that kept its relative order) are put right after their new predecessor.
fn write_order(txn: &mut TransactionMut, order: &ArrayRef, base: &[u64], new: &[u64]) {
    let mut raw: Vec<String> = order
        .iter(txn)
        .map(|value| match value {
            Out::Any(Any::String(s)) => s.to_string(),
            _ => String::new(),
        })
        .collect();
    if raw.is_empty() && base.is_empty() {
        let all: Vec<Any> = new
            .iter()
            .map(|id| Any::String(Arc::from(id.to_string())))
            .collect();
        order.insert_range(txn, 0, all);
        return;
    }
    let remove = |txn: &mut TransactionMut, raw: &mut Vec<String>, key: &str| {
        while let Some(at) = raw.iter().position(|r| r == key) {
            order.remove(txn, at as u32);
            raw.remove(at);
        }
    };
    let kept: HashSet<u64> = new.iter().copied().collect();
    for gone in base.iter().filter(|id| !kept.contains(id)) {
        remove(txn, &mut raw, &gone.to_string());
    }
    let position: HashMap<u64, usize> = base.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let stay = longest_increasing(new, &position);
    for (i, id) in new.iter().enumerate() {
        if stay.contains(id) {
            continue;
        }
        let key = id.to_string();
        remove(txn, &mut raw, &key);
        let at = match i.checked_sub(1).map(|p| new[p].to_string()) {
            None => 0,
            Some(before) => raw
                .iter()
                .position(|r| *r == before)
                .map_or(raw.len(), |p| p + 1),
        };
        order.insert(txn, at as u32, Any::String(Arc::from(key.as_str())));
        raw.insert(at, key);
    }
}

/// The ids of `new` that form the longest run whose positions in the old order increase.
fn longest_increasing(new: &[u64], position: &HashMap<u64, usize>) -> HashSet<u64> {
    let items: Vec<(u64, usize)> = new
        .iter()
        .filter_map(|id| position.get(id).map(|p| (*id, *p)))
        .collect();
    // tails[k]: index in `items` of the smallest tail of a run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; items.len()];
    for (i, (_, p)) in items.iter().enumerate() {
        let k = tails.partition_point(|t| items[*t].1 < *p);
        previous[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut run = HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        run.insert(items[i].0);
        at = previous[i];
    }
    run
}

/// A field's value, if it is JSON text of a bounded length.
fn field_value(value: Out) -> Option<Value> {
    match value {
        Out::Any(Any::String(s)) if s.len() <= MAX_FIELD_BYTES => serde_json::from_str(&s).ok(),
        _ => None,
    }
}

fn read_fields<T: ReadTxn>(txn: &T, fields: &MapRef) -> Object<String, Value> {
    let mut object = Object::new();
    for (key, value) in fields.iter(txn).take(MAX_FIELDS) {
        if let Some(value) = field_value(value) {
            object.insert(key.to_owned(), value);
        }
    }
    object
}

/// An item from its fields; when they do not make one, the item without one broken field (an optional field
/// of the wrong type, from a hostile or newer client) is tried before the item is left out.
fn item_of<T: DeserializeOwned>(object: Object<String, Value>) -> Option<T> {
    if let Ok(item) = serde_json::from_value(Value::Object(object.clone())) {
        return Some(item);
    }
    object.keys().filter(|k| *k != "id").find_map(|key| {
        let mut fewer = object.clone();
        fewer.remove(key);
        serde_json::from_value(Value::Object(fewer)).ok()
    })
}

/// Reads the items of one kind in the shared order; items that do not read as `T` are left out.
fn read_items<T: DeserializeOwned, R: ReadTxn>(
    txn: &R,
    root: &MapRef,
    order: &ArrayRef,
    limit: usize,
) -> Result<Vec<(u64, T)>, ShapeError> {
    if root.len(txn) as usize > limit {
        return Err(ShapeError::TooManyItems);
    }
    let mut items: HashMap<u64, T> = HashMap::new();
    for (key, value) in root.iter(txn) {
        let (Ok(id), Out::YMap(fields)) = (key.parse::<u64>(), value) else {
            continue;
        };
        if id > MAX_ID {
            continue;
        }
        let mut object = read_fields(txn, &fields);
        object.insert("id".to_owned(), Value::from(id));
        if let Some(item) = item_of(object) {
            items.insert(id, item);
        }
    }
    let mut ordered = Vec::with_capacity(items.len());
    for value in order.iter(txn).take(limit.saturating_mul(4)) {
        if let Out::Any(Any::String(s)) = value
            && let Ok(id) = s.parse::<u64>()
            && let Some(item) = items.remove(&id)
        {
            ordered.push((id, item));
        }
    }
    let mut rest: Vec<(u64, T)> = items.into_iter().collect();
    rest.sort_by_key(|(id, _)| *id);
    ordered.extend(rest);
    Ok(ordered)
}

/// Reads the map held by the document. Broken items are left out; a broken map-level field keeps its value in
/// `previous` (the map as the reader had it). The result still needs [`super::repair`] (cards may point at
/// stages someone deleted meanwhile).
pub fn read<T: ReadTxn>(txn: &T, roots: &Roots, previous: &Map) -> Result<Map, ShapeError> {
    let stages: Vec<(u64, Stage)> = read_items(txn, &roots.stages, &roots.stage_order, MAX_STAGES)?;
    let lanes: Vec<(u64, Lane)> = read_items(txn, &roots.lanes, &roots.lane_order, MAX_LANES)?;
    let cards: Vec<(u64, Card)> = read_items(txn, &roots.cards, &roots.card_order, MAX_CARDS)?;
    // Map-level fields one at a time, so that one broken field is dropped instead of the whole map.
    let mut object = object_of(&empty_map());
    let before = object_of(previous);
    for (key, value) in roots.meta.iter(txn).take(MAX_FIELDS) {
        if NOT_SHARED.contains(&key) {
            continue;
        }
        let Some(value) = field_value(value).or_else(|| before.get(key).cloned()) else {
            continue;
        };
        let mut trial = object.clone();
        trial.insert(key.to_owned(), value);
        if serde_json::from_value::<Map>(Value::Object(trial.clone())).is_ok() {
            object = trial;
        } else if let Some(old) = before.get(key) {
            object.insert(key.to_owned(), old.clone());
        }
    }
    let mut map: Map = serde_json::from_value(Value::Object(object))
        .map_err(|error| ShapeError::NotAMap(error.to_string()))?;
    map.stages = stages.into_iter().map(|(_, s)| s).collect();
    map.lanes = lanes.into_iter().map(|(_, l)| l).collect();
    map.cards = cards.into_iter().map(|(_, c)| c).collect();
    map.vote = super::vote_shape::read(txn, &roots.vote);
    map.repair_id_counter();
    Ok(map)
}

/// The map an empty room stands for: what a room's content is compared with when it is first shared.
pub fn empty_map() -> Map {
    let mut map = Map::with_stages("", &[], false);
    map.lanes.clear();
    map.next_id = 1;
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_run_keeps_unmoved_items() {
        let base = [1, 2, 3, 4, 5];
        let position: HashMap<u64, usize> =
            base.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let run = longest_increasing(&[1, 3, 4, 2, 5], &position);
        assert_eq!(run, HashSet::from([1, 3, 4, 5]));
    }
}
