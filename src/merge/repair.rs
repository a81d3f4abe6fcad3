//! After the merge nothing may point at an item the merge deleted: a card whose stage (or lane) was deleted on
//! the other side moves to the nearest stage (lane) that is left; an emotion score at a deleted stage, and any
//! list item whose reference field names a deleted item (a vote, a link), is dropped.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::ids::{is_reference, items};
use super::value::{RawConflict, RawKind, Seg, id_of, second_value};

/// Repairs `merged` in place, with `versions` (base, ours, theirs) for where deleted stages and lanes stood.
pub(crate) fn repair(merged: &mut Value, versions: [&Value; 3], conflicts: &mut Vec<RawConflict>) {
    let ids = |list: &str, v: &Value, fits: &dyn Fn(&Value) -> bool| -> Vec<u64> {
        v.get(list)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter(|x| fits(x)).filter_map(id_of).collect())
            .unwrap_or_default()
    };
    let any = |_: &Value| true;
    let holds_cards = |lane: &Value| lane.get("kind").and_then(Value::as_str) != Some("Emotions");
    let stages = ids("stages", merged, &any);
    let lanes = ids("lanes", merged, &holds_cards);
    let stage_orders: Vec<Vec<u64>> = versions.iter().map(|v| ids("stages", v, &any)).collect();
    let lane_orders: Vec<Vec<u64>> = versions.iter().map(|v| ids("lanes", v, &any)).collect();
    let lookup = Names::new(merged, versions);
    let names: HashMap<u64, String> = stage_orders
        .iter()
        .chain(&lane_orders)
        .flatten()
        .chain(&stages)
        .chain(&lanes)
        .map(|&id| (id, lookup.of(id)))
        .collect();
    drop(lookup);
    let name = |id: u64| names.get(&id).cloned().unwrap_or_else(|| id.to_string());

    if let Some(cards) = merged.get_mut("cards").and_then(Value::as_array_mut) {
        cards.retain_mut(|card| {
            let Some(card_id) = id_of(card) else {
                return true;
            };
            for (field, present, orders) in [
                ("stage", &stages, &stage_orders),
                ("lane", &lanes, &lane_orders),
            ] {
                let Some(at) = card.get(field).and_then(Value::as_u64) else {
                    continue;
                };
                if present.contains(&at) {
                    continue;
                }
                let path = vec![Seg::Key("cards".into()), Seg::Id(card_id)];
                let Some(to) = neighbour(at, present, orders) else {
                    conflicts.push(RawConflict {
                        path,
                        kind: RawKind::Dropped,
                    });
                    return false;
                };
                card[field] = Value::from(to);
                conflicts.push(RawConflict {
                    path,
                    kind: RawKind::Moved {
                        lane: field == "lane",
                        missing: name(at),
                        to: name(to),
                    },
                });
            }
            true
        });
    }

    if let Some(lanes) = merged.get_mut("lanes").and_then(Value::as_array_mut) {
        for lane in lanes {
            let lane_id = id_of(lane).unwrap_or_default();
            if let Some(points) = lane.get_mut("emotions").and_then(Value::as_array_mut) {
                points.retain(|point| {
                    let stage = point.get("stage");
                    let gone = !stage
                        .and_then(Value::as_u64)
                        .is_some_and(|s| stages.contains(&s));
                    if gone {
                        let path = vec![
                            Seg::Key("lanes".into()),
                            Seg::Id(lane_id),
                            Seg::Key("emotions".into()),
                            Seg::At(
                                "stage".into(),
                                stage.cloned().unwrap_or_default(),
                                Some(("persona".into(), second_value(point, "persona"))),
                            ),
                        ];
                        // "Kept with the changes" no longer holds: the score goes with its stage.
                        conflicts.retain(|c| !c.path.starts_with(&path));
                        conflicts.push(RawConflict {
                            path,
                            kind: RawKind::Dropped,
                        });
                    }
                    !gone
                });
            }
        }
    }

    // Any other reference to an item that existed in some version and is gone now.
    let present: HashSet<u64> = items(merged).into_keys().collect();
    let deleted: HashSet<u64> = versions
        .iter()
        .flat_map(|v| items(v).into_keys())
        .filter(|id| !present.contains(id))
        .collect();
    if !deleted.is_empty() {
        prune(merged, &mut Vec::new(), &deleted, conflicts);
    }
}

/// The nearest item to `missing` that is still `present`, looking back then forward in the first version that
/// has `missing`; the first present one when no version places it.
fn neighbour(missing: u64, present: &[u64], orders: &[Vec<u64>]) -> Option<u64> {
    for order in orders {
        if let Some(at) = order.iter().position(|&x| x == missing) {
            let before = order[..at].iter().rev().find(|x| present.contains(x));
            let after = || order[at + 1..].iter().find(|x| present.contains(x));
            if let Some(&found) = before.or_else(after) {
                return Some(found);
            }
        }
    }
    present.first().copied()
}

/// Items' names (or cards' texts) as the people merging know them: ours, else theirs, else base, else the
/// merged map's (which may hold both versions between markers).
pub(crate) struct Names<'a> {
    lookups: [HashMap<u64, (&'a str, &'a Value)>; 4],
}

impl<'a> Names<'a> {
    pub fn new(merged: &'a Value, versions: [&'a Value; 3]) -> Names<'a> {
        let [base, ours, theirs] = versions;
        Names {
            lookups: [items(ours), items(theirs), items(base), items(merged)],
        }
    }

    pub fn of(&self, id: u64) -> String {
        self.lookups
            .iter()
            .find_map(|found| found.get(&id).map(|(_, item)| *item))
            .and_then(|v| v.get("name").or(v.get("text")))
            .and_then(Value::as_str)
            .map_or_else(|| id.to_string(), str::to_owned)
    }
}

/// Drops list items whose own reference fields name a deleted item, and deleted ids from lists of ids.
fn prune(
    value: &mut Value,
    path: &mut Vec<Seg>,
    deleted: &HashSet<u64>,
    conflicts: &mut Vec<RawConflict>,
) {
    let dangling = |v: &Value| v.as_u64().is_some_and(|id| deleted.contains(&id));
    match value {
        Value::Object(fields) => {
            for (name, child) in fields.iter_mut() {
                path.push(Seg::Key(name.clone()));
                if name != "id" && is_reference(name) {
                    if dangling(child) {
                        conflicts.push(RawConflict {
                            path: path.clone(),
                            kind: RawKind::Dropped,
                        });
                        *child = Value::Null;
                    } else if let Some(list) = child.as_array_mut()
                        && list.iter().any(dangling)
                    {
                        list.retain(|x| !dangling(x));
                        conflicts.push(RawConflict {
                            path: path.clone(),
                            kind: RawKind::Dropped,
                        });
                    }
                }
                prune(child, path, deleted, conflicts);
                path.pop();
            }
        }
        Value::Array(elements) => {
            elements.retain(|element| {
                let refers_to_deleted = element.as_object().is_some_and(|fields| {
                    fields
                        .iter()
                        .any(|(name, v)| name != "id" && is_reference(name) && dangling(v))
                });
                if refers_to_deleted {
                    let mut at = path.clone();
                    if let Some(id) = id_of(element) {
                        at.push(Seg::Id(id));
                    }
                    conflicts.push(RawConflict {
                        path: at,
                        kind: RawKind::Dropped,
                    });
                }
                !refers_to_deleted
            });
            for element in elements {
                let id = id_of(element);
                if let Some(id) = id {
                    path.push(Seg::Id(id));
                }
                prune(element, path, deleted, conflicts);
                if id.is_some() {
                    path.pop();
                }
            }
        }
        _ => {}
    }
}
