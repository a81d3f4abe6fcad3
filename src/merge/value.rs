//! The three-way merge of plain serde values (`serde_json::Value`): it knows nothing of maps, so a field added
//! to the map, a card or a lane is merged without any code here knowing its name.
//!
//! - A value changed on one side only takes that side's change; changed alike on both, that change.
//! - Objects are merged field by field.
//! - Lists of objects that each have an integer `id` are merged item by item, by id (stages, lanes, cards, and
//!   any such list added later); lists named in [`KEYED`] by their key field (emotion points by stage). Item
//!   order is merged by [`super::order::merge_order`].
//! - Other lists are merged as sets: what one side removed goes, what either side added is kept.
//! - Text changed on both sides keeps both versions between markers; anything else keeps ours.

use std::collections::{HashMap, HashSet};

use serde_json::{Map as Object, Value};

use super::order::merge_order;

/// Lists whose items have no `id` but a field naming what they belong to, and optionally a second field that
/// tells items at one place apart; items are matched by both (a missing second field counts as null).
/// Emotion points: one per stage and persona (the first persona's points have no `persona` field).
pub(crate) const KEYED: &[(&str, &str, Option<&str>)] = &[("emotions", "stage", Some("persona"))];

/// One step of the way to a value inside the map.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Seg {
    /// A field of an object.
    Key(String),
    /// The item with this `id` in a list.
    Id(u64),
    /// The item whose key field (first) has this value (second), and whose second key field (if the list has
    /// one in [`KEYED`]) has the third value (null when missing), in a list of [`KEYED`].
    At(String, Value, Option<(String, Value)>),
}

/// Which version of the map a change comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// What the merge could not decide alone, where, and what it did.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawConflict {
    pub path: Vec<Seg>,
    pub kind: RawKind,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RawKind {
    /// Text changed on both sides: both kept between markers (the two versions are kept for going back).
    Text {
        ours: Option<Value>,
        theirs: Option<Value>,
    },
    /// Changed on both sides; ours kept.
    Ours {
        ours: Option<Value>,
        theirs: Option<Value>,
    },
    /// Deleted on one side, changed on the other: kept with the changes.
    EditOverDelete { deleted_by: Side },
    /// A card's stage or lane was deleted; the card moved to a neighbour.
    Moved {
        lane: bool,
        missing: String,
        to: String,
    },
    /// Dropped because what it belonged to was deleted on the other side.
    Dropped,
}

/// Merges by the rules above, collecting conflicts. In `coarse` mode an item or field changed on both sides
/// simply keeps ours, whole: the fallback when a finer merge does not give a valid map.
#[derive(Default)]
pub(crate) struct Merger {
    pub conflicts: Vec<RawConflict>,
    pub coarse: bool,
}

impl Merger {
    /// The merge of one value; `None` is "absent" (deleted, or never there).
    pub fn merge(
        &mut self,
        path: &mut Vec<Seg>,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        if ours == theirs || ours == base {
            return theirs.cloned();
        }
        if theirs == base {
            return ours.cloned();
        }
        // A list left out of the file (it was empty) is an empty list.
        let empty = Value::Array(Vec::new());
        let is_list = |v: Option<&Value>| v.is_none_or(Value::is_array);
        let (base, ours, theirs) = if is_list(base) && is_list(ours) && is_list(theirs) {
            let or_empty = |v: Option<&Value>| Some(v.map_or(empty.clone(), Value::clone));
            (or_empty(base), or_empty(ours), or_empty(theirs))
        } else {
            (base.cloned(), ours.cloned(), theirs.cloned())
        };
        if !self.coarse {
            match (&ours, &theirs) {
                (Some(Value::Object(o)), Some(Value::Object(t))) => {
                    let b = base.as_ref().and_then(Value::as_object);
                    return Some(Value::Object(self.merge_objects(path, b, o, t)));
                }
                (Some(Value::Array(o)), Some(Value::Array(t))) => {
                    let b = base.as_ref().and_then(Value::as_array);
                    return Some(Value::Array(self.merge_lists(path, b, o, t)));
                }
                _ => {}
            }
        }
        self.both_changed(path, ours.as_ref(), theirs.as_ref())
    }

    fn merge_objects(
        &mut self,
        path: &mut Vec<Seg>,
        base: Option<&Object<String, Value>>,
        ours: &Object<String, Value>,
        theirs: &Object<String, Value>,
    ) -> Object<String, Value> {
        let mut keys: Vec<&String> = ours.keys().collect();
        keys.extend(theirs.keys().filter(|k| !ours.contains_key(*k)));
        let mut merged = Object::new();
        for key in keys {
            path.push(Seg::Key(key.clone()));
            let value = self.merge(
                path,
                base.and_then(|b| b.get(key)),
                ours.get(key),
                theirs.get(key),
            );
            path.pop();
            if let Some(value) = value {
                merged.insert(key.clone(), value);
            }
        }
        merged
    }

    fn merge_lists(
        &mut self,
        path: &mut Vec<Seg>,
        base: Option<&Vec<Value>>,
        ours: &[Value],
        theirs: &[Value],
    ) -> Vec<Value> {
        let no_items = Vec::new();
        let base = base.unwrap_or(&no_items);
        let lists = [base.as_slice(), ours, theirs];
        if lists.iter().all(|l| l.iter().all(|v| id_of(v).is_some())) {
            return self.merge_items(path, "id", None, lists);
        }
        let keyed = match path.last() {
            Some(Seg::Key(name)) => KEYED.iter().find(|(list, _, _)| list == name),
            _ => None,
        };
        if let Some((_, field, second)) = keyed
            && lists
                .iter()
                .all(|l| l.iter().all(|v| v.get(*field).is_some()))
        {
            return self.merge_items(path, field, *second, lists);
        }
        merge_sets(base, ours, theirs)
    }

    /// Lists of items with identity: each item merged with its own versions, then the order merged.
    fn merge_items(
        &mut self,
        path: &mut Vec<Seg>,
        field: &str,
        second: Option<&str>,
        lists: [&[Value]; 3],
    ) -> Vec<Value> {
        let second_of = |v: &Value| second.map(|s| (s.to_owned(), second_value(v, s)));
        let key = |v: &Value| {
            let first = v.get(field).map(Value::to_string).unwrap_or_default();
            match second_of(v) {
                Some((_, value)) => format!("{first}/{value}"),
                None => first,
            }
        };
        let index = |list: &[Value]| -> HashMap<String, usize> {
            list.iter().enumerate().map(|(i, v)| (key(v), i)).collect()
        };
        let [base, ours, theirs] = lists;
        let (bi, oi, ti) = (index(base), index(ours), index(theirs));
        let mut merged: HashMap<String, Value> = HashMap::new();
        let mut seen = HashSet::new();
        for item in ours.iter().chain(theirs).chain(base) {
            let id = key(item);
            if !seen.insert(id.clone()) {
                continue;
            }
            let b = bi.get(&id).map(|&i| &base[i]);
            let o = oi.get(&id).map(|&i| &ours[i]);
            let t = ti.get(&id).map(|&i| &theirs[i]);
            path.push(match item.get(field).and_then(Value::as_u64) {
                Some(n) if field == "id" => Seg::Id(n),
                _ => Seg::At(
                    field.to_owned(),
                    item.get(field).cloned().unwrap_or_default(),
                    second_of(item),
                ),
            });
            let value = match (b, o, t) {
                (Some(b), None, Some(t)) if t != b => {
                    self.edit_over_delete(path, Side::Ours);
                    Some(t.clone())
                }
                (Some(b), Some(o), None) if o != b => {
                    self.edit_over_delete(path, Side::Theirs);
                    Some(o.clone())
                }
                (Some(_), None, _) | (Some(_), _, None) => None,
                _ => self.merge(path, b, o, t),
            };
            path.pop();
            if let Some(value) = value {
                merged.insert(id, value);
            }
        }
        let ids = |list: &[Value]| list.iter().map(key).collect::<Vec<_>>();
        let kept: HashSet<String> = merged.keys().cloned().collect();
        merge_order(&ids(base), &ids(ours), &ids(theirs), &kept)
            .into_iter()
            .filter_map(|id| merged.remove(&id))
            .collect()
    }

    fn edit_over_delete(&mut self, path: &[Seg], deleted_by: Side) {
        self.conflicts.push(RawConflict {
            path: path.to_vec(),
            kind: RawKind::EditOverDelete { deleted_by },
        });
    }

    /// Both sides changed a value differently and it cannot be merged inside: text keeps both, the rest ours.
    fn both_changed(
        &mut self,
        path: &[Seg],
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Option<Value> {
        fn text(v: Option<&Value>) -> Option<&str> {
            match v {
                None | Some(Value::Null) => Some(""),
                Some(Value::String(s)) => Some(s.as_str()),
                Some(_) => None,
            }
        }
        let some_text =
            matches!(ours, Some(Value::String(_))) || matches!(theirs, Some(Value::String(_)));
        if !self.coarse
            && some_text
            && let (Some(o), Some(t)) = (text(ours), text(theirs))
        {
            self.conflicts.push(RawConflict {
                path: path.to_vec(),
                kind: RawKind::Text {
                    ours: ours.cloned(),
                    theirs: theirs.cloned(),
                },
            });
            let one_line =
                matches!(path.last(), Some(Seg::Key(f)) if ONE_LINE_FIELDS.contains(&f.as_str()));
            return Some(Value::String(both_texts(o, t, one_line)));
        }
        self.conflicts.push(RawConflict {
            path: path.to_vec(),
            kind: RawKind::Ours {
                ours: ours.cloned(),
                theirs: theirs.cloned(),
            },
        });
        ours.cloned()
    }
}

/// Fields shown on one line (headers, the title): both versions stay on one line there.
const ONE_LINE_FIELDS: &[&str] = &["name", "title", "time_frame"];

/// Both versions of a text, marked as git marks them, on separate lines; for a `one_line` field (a stage or
/// lane name in its header) on one line when neither version has several.
pub fn both_texts(ours: &str, theirs: &str, one_line: bool) -> String {
    if one_line && !ours.contains('\n') && !theirs.contains('\n') {
        format!("<<<<<<< {ours} ======= {theirs} >>>>>>>")
    } else {
        format!("<<<<<<< ours\n{ours}\n=======\n{theirs}\n>>>>>>> theirs")
    }
}

/// A list item's id, when it is an object with an integer `id`.
pub(crate) fn id_of(item: &Value) -> Option<u64> {
    item.as_object()?.get("id")?.as_u64()
}

/// Lists without identity are sets: an item one side removed is gone, an item either side added is there.
fn merge_sets(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut merged: Vec<Value> = ours
        .iter()
        .filter(|v| !base.contains(v) || theirs.contains(v))
        .cloned()
        .collect();
    for item in theirs {
        if !base.contains(item) && !merged.contains(item) {
            merged.push(item.clone());
        }
    }
    merged
}

/// The value at a path, for changing it after the merge.
pub(crate) fn at_path_mut<'a>(mut value: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    for seg in path {
        value = match seg {
            Seg::Key(key) => value.as_object_mut()?.get_mut(key)?,
            Seg::Id(id) => value
                .as_array_mut()?
                .iter_mut()
                .find(|v| id_of(v) == Some(*id))?,
            Seg::At(field, key, second) => value.as_array_mut()?.iter_mut().find(|v| {
                v.get(field) == Some(key)
                    && second
                        .as_ref()
                        .is_none_or(|(name, wanted)| second_value(v, name) == *wanted)
            })?,
        };
    }
    Some(value)
}

/// An item's second key field, null when the item leaves it out.
pub(crate) fn second_value(item: &Value, field: &str) -> Value {
    item.get(field).cloned().unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn merge(b: Value, o: Value, t: Value) -> (Value, Vec<RawConflict>) {
        let mut merger = Merger::default();
        let merged = merger.merge(&mut Vec::new(), Some(&b), Some(&o), Some(&t));
        (merged.unwrap_or_default(), merger.conflicts)
    }

    #[test]
    fn fields_changed_on_different_sides_both_survive() {
        let (m, c) = merge(
            json!({"a": 1, "b": "x", "new": [1]}),
            json!({"a": 2, "b": "x", "new": [1]}),
            json!({"a": 1, "b": "y", "new": [1, 2], "added": true}),
        );
        assert_eq!(m, json!({"a": 2, "b": "y", "new": [1, 2], "added": true}));
        assert!(c.is_empty());
    }

    #[test]
    fn text_changed_on_both_sides_keeps_both() {
        let (m, c) = merge(
            json!({"text": "a", "name": "a"}),
            json!({"text": "b", "name": "b"}),
            json!({"text": "c", "name": "c"}),
        );
        assert_eq!(
            m,
            json!({"text": "<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs", "name": "<<<<<<< b ======= c >>>>>>>"})
        );
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn items_with_ids_merge_one_by_one_and_keep_their_order() {
        let b = json!([{"id": 1, "n": "a"}, {"id": 2, "n": "b"}, {"id": 3, "n": "c"}]);
        let o = json!([{"id": 3, "n": "c"}, {"id": 1, "n": "a"}, {"id": 2, "n": "B"}]);
        let t = json!([{"id": 1, "n": "A"}, {"id": 2, "n": "b"}, {"id": 4, "n": "d"}]);
        let (m, c) = merge(b, o, t);
        assert!(c.is_empty(), "{c:?}");
        assert_eq!(
            m,
            json!([{"id": 1, "n": "A"}, {"id": 2, "n": "B"}, {"id": 4, "n": "d"}])
        );
    }
}
