//! Merging two edited versions of a map (`waymark merge`, a git merge driver) and summing up what changed
//! between two versions (`waymark diff`). No egui.
//!
//! The merge works on the map's serde form (`serde_json::Value`), item by item by stable id, so fields added
//! to the map, its cards, stages or lanes are merged without this module knowing them (see [`value`] for the
//! rules). What a new field needs: nothing, if it is a plain value, an object, a set-like list, or a list of
//! items with an integer `id` from the map's counter. A field that refers to items by id should be named after
//! what it refers to (`card`, `from`, `to`, `…_id`, see [`ids::is_reference`]) so that renumbered ids follow
//! and references to deleted items are dropped. A list of items keyed by something else (as emotion points are
//! by stage) gets one line in [`value::KEYED`]. The merged map is validated like a file from disk.

pub mod cli;
mod diff;
mod ids;
mod order;
mod repair;
mod value;

use serde::Deserialize as _;
use serde_json::Value;

pub use diff::diff;
pub use value::{Side, both_texts};

use crate::i18n::k;
use crate::model::{CURRENT_VERSION, Map};
use crate::t;
use value::{Merger, RawConflict, RawKind, Seg, at_path_mut};

/// Fields of the map whose text may hold both versions between markers without further checks.
const TEXT_FIELDS: &[&str] = &[
    "text",
    "name",
    "title",
    "note",
    "description",
    "goals",
    "quote",
    "time_frame",
];

/// The merged map and what the merge could not decide alone.
#[derive(Debug)]
pub struct Merged {
    pub map: Map,
    pub conflicts: Vec<Conflict>,
    /// Theirs' new items that got fresh ids because ours handed out the same ones: (old, new).
    pub renumbered: Vec<(u64, u64)>,
}

/// One conflict: where, and what the merge did about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub place: Place,
    /// The field inside the place, as named in the file (`text`, `score`); empty for the whole item.
    pub field: String,
    pub kind: ConflictKind,
}

/// Where in the map a conflict is, with names to recognise it by.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Map,
    Persona,
    Stage(String),
    Lane(String),
    Card { id: u64, text: String },
    Emotion { lane: String, stage: String },
    Item { list: String, id: u64 },
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConflictKind {
    /// Text changed on both sides: both versions are in it, between `<<<<<<<` and `>>>>>>>`.
    BothKept,
    /// A value (a score, a colour, a width) changed on both sides: ours is kept.
    OursKept { ours: String, theirs: String },
    /// Deleted on one side, changed on the other: kept, with the changes.
    EditKept { deleted_in: Side },
    /// A card whose stage (or lane) was deleted on the other side moved to the nearest one left.
    Moved {
        lane: bool,
        missing: String,
        to: String,
    },
    /// Dropped: it belonged to something deleted on the other side.
    Dropped,
}

/// Merges `ours` and `theirs`, two edits of `base`. Fails only when no valid map comes out even when ours is
/// kept whole wherever both sides changed something (then the caller keeps ours).
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Result<Merged, String> {
    let value = |map: &Map| {
        let mut value = serde_json::to_value(map).map_err(|e| e.to_string())?;
        if let Some(fields) = value.as_object_mut() {
            // Set after the merge: the version is the current one, the counter above every id.
            fields.remove("version");
            fields.remove("next_id");
        }
        Ok::<Value, String>(value)
    };
    let (b, o, mut th) = (value(base)?, value(ours)?, value(theirs)?);
    let next = base.next_id.max(ours.next_id).max(theirs.next_id);
    let (renumbered, next) = ids::renumber_clashes(&b, &o, &mut th, next);
    let mut failure = String::new();
    for coarse in [false, true] {
        let (mut merged, mut conflicts) = merge_values(&b, &o, &th, coarse);
        let top = ids::items(&merged).into_keys().max().unwrap_or(0);
        merged["version"] = Value::from(CURRENT_VERSION);
        merged["next_id"] = Value::from(next.max(top.saturating_add(1)));
        match finish(&mut merged, &mut conflicts) {
            Ok(map) => {
                let names = repair::Names::new(&merged, [&b, &o, &th]);
                let conflicts = conflicts.iter().map(|c| describe(c, &names)).collect();
                return Ok(Merged {
                    map,
                    conflicts,
                    renumbered: renumbered.into_iter().collect(),
                });
            }
            Err(error) => failure = error,
        }
    }
    Err(failure)
}

/// The merged value of three versions (ids already renumbered) and its conflicts, with cards in deleted
/// stages or lanes moved and references to deleted items dropped.
fn merge_values(
    base: &Value,
    ours: &Value,
    theirs: &Value,
    coarse: bool,
) -> (Value, Vec<RawConflict>) {
    let mut merger = Merger {
        coarse,
        ..Merger::default()
    };
    let mut merged = merger
        .merge(&mut Vec::new(), Some(base), Some(ours), Some(theirs))
        .unwrap_or_else(|| Value::Object(Default::default()));
    reorder_cells(base, ours, theirs, &mut merged);
    repair::repair(&mut merged, [base, ours, theirs], &mut merger.conflicts);
    (merged, merger.conflicts)
}

/// The typed, validated map. Text of fields Waymark does not know may be something else than free text (an
/// enum's name): where both versions between markers do not read back, ours is kept instead.
fn finish(merged: &mut Value, conflicts: &mut [RawConflict]) -> Result<Map, String> {
    if Map::deserialize(&*merged).is_err() {
        let unknown_text = |c: &RawConflict| {
            matches!(c.kind, RawKind::Text { .. })
                && !matches!(c.path.last(), Some(Seg::Key(f)) if TEXT_FIELDS.contains(&f.as_str()))
        };
        let risky: Vec<usize> = (0..conflicts.len())
            .filter(|&i| unknown_text(&conflicts[i]))
            .collect();
        let mut marked = Vec::new();
        for &i in &risky {
            if let Some(slot) = at_path_mut(merged, &conflicts[i].path) {
                marked.push((i, slot.clone()));
            }
            set_ours(merged, &mut conflicts[i]);
        }
        for (i, both) in marked {
            let RawKind::Ours { ours, theirs } = conflicts[i].kind.clone() else {
                continue;
            };
            if let Some(slot) = at_path_mut(merged, &conflicts[i].path) {
                *slot = both;
            }
            conflicts[i].kind = RawKind::Text { ours, theirs };
            if Map::deserialize(&*merged).is_err() {
                set_ours(merged, &mut conflicts[i]);
            }
        }
    }
    let map = Map::deserialize(&*merged).map_err(|e| e.to_string())?;
    let text = crate::io::to_ron_string(&map)?;
    crate::io::parse_map(&text).map_err(|e| e.to_string())
}

/// Replaces both texts at a conflict by ours, and says so in the conflict.
fn set_ours(merged: &mut Value, conflict: &mut RawConflict) {
    let RawKind::Text { ours, theirs } = conflict.kind.clone() else {
        return;
    };
    let Some((last, parent)) = conflict.path.split_last() else {
        return;
    };
    if let (Some(Value::Object(fields)), Seg::Key(field)) = (at_path_mut(merged, parent), last) {
        match &ours {
            Some(value) => fields.insert(field.clone(), value.clone()),
            None => fields.remove(field),
        };
    }
    conflict.kind = RawKind::Ours { ours, theirs };
}

/// The order of the cards within each cell, merged cell by cell: moving cards in one cell on one side and in
/// another on the other side keeps both moves. Each cell keeps the places in the list its cards had.
fn reorder_cells(base: &Value, ours: &Value, theirs: &Value, merged: &mut Value) {
    use std::collections::{HashMap, HashSet};
    let cell = |card: &Value| {
        let id = |field: &str| card.get(field).and_then(Value::as_u64);
        (id("stage"), id("lane"))
    };
    let Some(cards) = merged.get_mut("cards").and_then(Value::as_array_mut) else {
        return;
    };
    let mut cells: HashMap<_, Vec<usize>> = HashMap::new();
    for (at, card) in cards.iter().enumerate() {
        cells.entry(cell(card)).or_default().push(at);
    }
    let in_cell: HashMap<u64, (Option<u64>, Option<u64>)> = cards
        .iter()
        .filter_map(|card| value::id_of(card).map(|id| (id, cell(card))))
        .collect();
    // Each version's order of the cards, split by the cell each card has in the merge.
    let by_cell = |version: &Value| {
        let mut orders: HashMap<(Option<u64>, Option<u64>), Vec<u64>> = HashMap::new();
        let ids = version
            .get("cards")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(value::id_of);
        for id in ids {
            if let Some(cell) = in_cell.get(&id) {
                orders.entry(*cell).or_default().push(id);
            }
        }
        orders
    };
    let (b, o, t) = (by_cell(base), by_cell(ours), by_cell(theirs));
    let none = Vec::new();
    for (cell, places) in cells.into_iter().filter(|(_, p)| p.len() > 1) {
        let kept: HashSet<u64> = places
            .iter()
            .filter_map(|&i| value::id_of(&cards[i]))
            .collect();
        let order_in = |orders: &HashMap<_, Vec<u64>>| orders.get(&cell).unwrap_or(&none).clone();
        let order = order::merge_order(&order_in(&b), &order_in(&o), &order_in(&t), &kept);
        let mut by_id: HashMap<u64, Value> = places
            .iter()
            .filter_map(|&i| value::id_of(&cards[i]).map(|id| (id, cards[i].clone())))
            .collect();
        for (&at, id) in places.iter().zip(order) {
            if let Some(card) = by_id.remove(&id) {
                cards[at] = card;
            }
        }
    }
}

fn describe(conflict: &RawConflict, names: &repair::Names) -> Conflict {
    let name = |id: u64| names.of(id);
    let key = |seg: &Seg, wanted: &str| matches!(seg, Seg::Key(k) if k == wanted);
    let (place, rest): (Place, &[Seg]) = match conflict.path.as_slice() {
        [list, Seg::Id(id), rest @ ..] if key(list, "cards") => (
            Place::Card {
                id: *id,
                text: short(&name(*id)),
            },
            rest,
        ),
        [
            list,
            Seg::Id(lane),
            emotions,
            Seg::At(_, stage, _),
            rest @ ..,
        ] if key(list, "lanes") && key(emotions, "emotions") => {
            let stage = stage.as_u64().map(name).unwrap_or_default();
            (
                Place::Emotion {
                    lane: name(*lane),
                    stage,
                },
                rest,
            )
        }
        [list, Seg::Id(id), rest @ ..] if key(list, "stages") => (Place::Stage(name(*id)), rest),
        [list, Seg::Id(id), rest @ ..] if key(list, "lanes") => (Place::Lane(name(*id)), rest),
        [persona, rest @ ..] if key(persona, "persona") => (Place::Persona, rest),
        [Seg::Key(list), Seg::Id(id), rest @ ..] => (
            Place::Item {
                list: list.clone(),
                id: *id,
            },
            rest,
        ),
        rest => (Place::Map, rest),
    };
    let field = rest
        .iter()
        .map(|seg| match seg {
            Seg::Key(k) => k.clone(),
            Seg::Id(id) => id.to_string(),
            Seg::At(f, v, None) => format!("{f}={v}"),
            Seg::At(f, v, Some((g, w))) => format!("{f}={v},{g}={w}"),
        })
        .collect::<Vec<_>>()
        .join(".");
    let shown = |v: &Option<Value>| match v {
        None | Some(Value::Null) => "—".to_owned(),
        Some(Value::String(s)) => short(s),
        Some(other) => short(&other.to_string()),
    };
    let kind = match &conflict.kind {
        RawKind::Text { .. } => ConflictKind::BothKept,
        RawKind::Ours { ours, theirs } => ConflictKind::OursKept {
            ours: shown(ours),
            theirs: shown(theirs),
        },
        RawKind::EditOverDelete { deleted_by } => ConflictKind::EditKept {
            deleted_in: *deleted_by,
        },
        RawKind::Moved { lane, missing, to } => ConflictKind::Moved {
            lane: *lane,
            missing: missing.clone(),
            to: to.clone(),
        },
        RawKind::Dropped => ConflictKind::Dropped,
    };
    Conflict { place, field, kind }
}

/// The first line of a text, cut to a length that fits a message.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() > MAX || line.len() < text.trim_end().len() {
        let cut: String = line.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Place::Map => t!(k::MERGE_PLACE_MAP),
            Place::Persona => t!(k::MERGE_PLACE_PERSONA),
            Place::Stage(name) => t!(k::MERGE_PLACE_STAGE, name = name),
            Place::Lane(name) => t!(k::MERGE_PLACE_LANE, name = name),
            Place::Card { id, text } => t!(k::MERGE_PLACE_CARD, id = id.to_string(), text = text),
            Place::Emotion { lane, stage } => {
                t!(k::MERGE_PLACE_EMOTION, lane = lane, stage = stage)
            }
            Place::Item { list, id } => t!(k::MERGE_PLACE_ITEM, list = list, id = id.to_string()),
        };
        f.write_str(&text)
    }
}

/// The conflict as one sentence in the interface language.
impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = if self.field.is_empty() {
            self.place.to_string()
        } else {
            format!("{}, {}", self.place, self.field)
        };
        let side = |side: Side| match side {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
        };
        let text = match &self.kind {
            ConflictKind::BothKept => t!(k::MERGE_BOTH_KEPT, place = place),
            ConflictKind::OursKept { ours, theirs } => {
                t!(
                    k::MERGE_OURS_KEPT,
                    place = place,
                    ours = ours,
                    theirs = theirs
                )
            }
            ConflictKind::EditKept { deleted_in } => {
                t!(k::MERGE_EDIT_KEPT, place = place, side = side(*deleted_in))
            }
            ConflictKind::Moved { lane, missing, to } => {
                let key = if *lane {
                    k::MERGE_MOVED_LANE
                } else {
                    k::MERGE_MOVED_STAGE
                };
                t!(key, place = place, missing = missing, to = to)
            }
            ConflictKind::Dropped => t!(k::MERGE_DROPPED, place = place),
        };
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Fields Waymark does not know yet (votes on cards, links between cards with their own ids) merge, follow
    /// renumbered ids and lose references to deleted cards.
    #[test]
    fn fields_added_later_merge_without_code_knowing_them() {
        let base = json!({
            "stages": [{"id": 1, "name": "S"}],
            "lanes": [{"id": 2, "name": "L", "kind": "Actions"}],
            "cards": [
                {"id": 3, "stage": 1, "lane": 2, "text": "a", "votes": 1},
                {"id": 4, "stage": 1, "lane": 2, "text": "b"},
            ],
            "links": [],
            "facilitator": "Ann",
        });
        let mut ours = base.clone();
        ours["cards"][0]["votes"] = json!(2);
        ours["cards"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": 5, "stage": 1, "lane": 2, "text": "ours"}));
        ours["links"] = json!([{"id": 6, "from": 3, "to": 5}]);
        ours["facilitator"] = json!("Bob");
        let mut theirs = base.clone();
        theirs["cards"].as_array_mut().unwrap().remove(1);
        theirs["cards"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": 5, "stage": 1, "lane": 2, "text": "theirs"}));
        theirs["links"] = json!([{"id": 6, "from": 5, "to": 3}, {"id": 7, "from": 3, "to": 4}]);
        let (renumbered, next) = ids::renumber_clashes(&base, &ours, &mut theirs, 7);
        // Theirs' card 5 and link 6 clash with ours'; link 7 does not.
        assert_eq!(renumbered.into_iter().collect::<Vec<_>>(), [(5, 7), (6, 8)]);
        assert_eq!(next, 9);
        let (merged, conflicts) = merge_values(&base, &ours, &theirs, false);
        assert_eq!(merged["cards"][0]["votes"], json!(2));
        assert_eq!(merged["facilitator"], json!("Bob"));
        let texts: Vec<&str> = merged["cards"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["text"].as_str())
            .collect();
        assert_eq!(texts, ["a", "ours", "theirs"]);
        // Theirs' link 7 went to card 4, which theirs deleted and ours left alone: the link goes with it.
        assert_eq!(
            merged["links"],
            json!([{"id": 6, "from": 3, "to": 5}, {"id": 8, "from": 7, "to": 3}])
        );
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    }
}
