//! Ids in a map value: which items exist, which fields refer to them, and renumbering one side's new items
//! when both sides handed out the same new id.
//!
//! An item is an object with an integer `id` in a list, at any depth (stages, lanes, cards, and any list of
//! such items added later). A field refers to items by id when its name says so (see [`is_reference`]).

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::value::id_of;

/// Words that name what a field refers to. A field is a reference when it is one of them, its plural, or ends
/// with `_` and one of them (`from_card`, `card_ids`), or ends with `_id`/`_ids`.
const REFERENCE_WORDS: &[&str] = &[
    "stage", "lane", "card", "persona", "link", "from", "to", "source", "target", "parent",
];

/// Whether a field with this name holds ids of items (or a list of them).
pub(crate) fn is_reference(field: &str) -> bool {
    let field = field.to_ascii_lowercase();
    let field = field.strip_suffix('s').unwrap_or(&field);
    field == "id"
        || field.ends_with("_id")
        || REFERENCE_WORDS
            .iter()
            .any(|w| field == *w || field.ends_with(&format!("_{w}")))
}

/// Every item in a map value by id: the name of its list and the item.
pub(crate) fn items(value: &Value) -> HashMap<u64, (&str, &Value)> {
    let mut found = HashMap::new();
    collect(value, "", &mut found);
    found
}

fn collect<'a>(value: &'a Value, list: &'a str, found: &mut HashMap<u64, (&'a str, &'a Value)>) {
    match value {
        Value::Object(fields) => {
            for (name, child) in fields {
                collect(child, name, found);
            }
        }
        Value::Array(elements) => {
            for element in elements {
                if let Some(id) = id_of(element) {
                    found.insert(id, (list, element));
                }
                collect(element, list, found);
            }
        }
        _ => {}
    }
}

/// Gives theirs' new items whose ids ours also handed out (to something else) fresh ids from `next`, and
/// rewrites theirs' references to them. Returns the changes (old → new) and the next free id.
pub(crate) fn renumber_clashes(
    base: &Value,
    ours: &Value,
    theirs: &mut Value,
    mut next: u64,
) -> (BTreeMap<u64, u64>, u64) {
    let (in_base, in_ours) = (items(base), items(ours));
    let mut clashes: Vec<u64> = items(theirs)
        .into_iter()
        .filter(|(id, item)| {
            !in_base.contains_key(id) && in_ours.get(id).is_some_and(|o| o != item)
        })
        .map(|(id, _)| id)
        .collect();
    clashes.sort_unstable();
    let mut renumbered = BTreeMap::new();
    for old in clashes {
        renumbered.insert(old, next);
        next += 1;
    }
    if !renumbered.is_empty() {
        rewrite(theirs, None, &renumbered);
    }
    (renumbered, next)
}

fn rewrite(value: &mut Value, field: Option<&str>, renumbered: &BTreeMap<u64, u64>) {
    match value {
        Value::Number(n) => {
            if field.is_some_and(is_reference)
                && let Some(new) = n.as_u64().and_then(|old| renumbered.get(&old))
            {
                *value = Value::from(*new);
            }
        }
        Value::Array(elements) => {
            for element in elements {
                rewrite(element, field, renumbered);
            }
        }
        Value::Object(fields) => {
            for (name, child) in fields.iter_mut() {
                rewrite(child, Some(name), renumbered);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_fields_are_recognised_by_name() {
        for yes in [
            "id",
            "stage",
            "lane",
            "card",
            "cards",
            "from",
            "to",
            "card_id",
            "from_card",
            "persona_ids",
        ] {
            assert!(is_reference(yes), "{yes}");
        }
        for no in ["score", "votes", "text", "width", "stages_count", "total"] {
            assert!(!is_reference(no), "{no}");
        }
    }
}
