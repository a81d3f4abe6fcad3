//! The order of merged items (stages, lanes, the cards of a cell, any list with ids).
//!
//! Each side's moves are the items that left the longest run of items still in their base order. When only one
//! side moved items, its order is taken; when both did, ours is the starting order and each item only theirs
//! moved goes after the item it follows in theirs. Items one side added go after the item they follow on that
//! side (or before the one they precede), so additions on both sides all keep their places.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Beyond this many items the moves are not worked out (the longest run costs length²): ours' order is kept.
const MAX_ITEMS_FOR_MOVES: usize = 4_000;

/// The merged order of the items in `kept`, from their orders in the three versions.
pub(crate) fn merge_order<T: Clone + Eq + Hash>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    kept: &HashSet<T>,
) -> Vec<T> {
    let only_kept =
        |list: &[T]| -> Vec<T> { list.iter().filter(|x| kept.contains(x)).cloned().collect() };
    let (base, ours, theirs) = (only_kept(base), only_kept(ours), only_kept(theirs));
    let moved_ours = moved(&base, &ours);
    let moved_theirs = moved(&base, &theirs);
    let (mut order, other) = if moved_ours.is_empty() && !moved_theirs.is_empty() {
        (theirs.clone(), &ours)
    } else {
        (ours.clone(), &theirs)
    };
    if !moved_ours.is_empty() && !moved_theirs.is_empty() {
        for item in theirs
            .iter()
            .filter(|x| moved_theirs.contains(x) && !moved_ours.contains(x))
        {
            order.retain(|x| x != item);
            place(&mut order, &theirs, item, |x| !moved_ours.contains(x));
        }
    }
    let mut placed: HashSet<T> = order.iter().cloned().collect();
    for item in other {
        if placed.insert(item.clone()) {
            place(&mut order, other, item, |_| true);
        }
    }
    // Items in neither side's list (a card whose cell came from a field merge) go last, in base order.
    for item in base.iter().chain(kept.iter()) {
        if placed.insert(item.clone()) {
            order.push(item.clone());
        }
    }
    order
}

/// Puts `item` into `order` after the nearest item before it in `side` that `order` holds (and that may anchor
/// it), or else before the nearest one after it, or else at the end.
fn place<T: Clone + Eq>(order: &mut Vec<T>, side: &[T], item: &T, anchor: impl Fn(&T) -> bool) {
    let Some(at) = side.iter().position(|x| x == item) else {
        order.push(item.clone());
        return;
    };
    let after = side[..at]
        .iter()
        .rev()
        .filter(|x| anchor(x))
        .find_map(|x| order.iter().position(|y| y == x))
        .map(|p| p + 1);
    let before = || {
        side[at + 1..]
            .iter()
            .filter(|x| anchor(x))
            .find_map(|x| order.iter().position(|y| y == x))
    };
    // After the item it follows, past what the other side added right there (ours' additions come first).
    let after = after.map(|mut at| {
        while at < order.len() && !side.contains(&order[at]) {
            at += 1;
        }
        at
    });
    let index = after.or_else(before).unwrap_or(order.len());
    order.insert(index, item.clone());
}

/// The items of `side` that are also in `base` but not in the longest run that keeps base's order.
fn moved<T: Clone + Eq + Hash>(base: &[T], side: &[T]) -> HashSet<T> {
    let in_side: HashSet<&T> = side.iter().collect();
    let in_base: HashSet<&T> = base.iter().collect();
    let b: Vec<&T> = base.iter().filter(|x| in_side.contains(x)).collect();
    let s: Vec<&T> = side.iter().filter(|x| in_base.contains(x)).collect();
    if b == s {
        return HashSet::new();
    }
    if b.len() > MAX_ITEMS_FOR_MOVES {
        return s.into_iter().cloned().collect();
    }
    // Longest common subsequence of two orders of the same items: the longest increasing run of base positions.
    let rank: HashMap<&T, usize> = b.iter().enumerate().map(|(i, x)| (*x, i)).collect();
    let ranks: Vec<usize> = s.iter().filter_map(|x| rank.get(x).copied()).collect();
    let mut tails: Vec<usize> = Vec::new(); // index into ranks of the smallest tail of each run length
    let mut previous: Vec<Option<usize>> = vec![None; ranks.len()];
    for (i, r) in ranks.iter().enumerate() {
        let len = tails.partition_point(|&t| ranks[t] < *r);
        previous[i] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(i);
        } else {
            tails[len] = i;
        }
    }
    let mut in_run = HashSet::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        in_run.insert(i);
        at = previous[i];
    }
    s.iter()
        .enumerate()
        .filter(|(i, _)| !in_run.contains(i))
        .map(|(_, x)| (*x).clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(b: &[u32], o: &[u32], t: &[u32]) -> Vec<u32> {
        let kept: HashSet<u32> = o.iter().chain(t).copied().collect();
        merge_order(b, o, t, &kept)
    }

    #[test]
    fn one_side_moving_wins() {
        assert_eq!(order(&[1, 2, 3], &[1, 2, 3], &[3, 1, 2]), [3, 1, 2]);
        assert_eq!(order(&[1, 2, 3], &[2, 1, 3], &[1, 2, 3]), [2, 1, 3]);
    }

    #[test]
    fn moves_on_both_sides_both_apply() {
        // Ours moved 1 to the end, theirs moved 4 to the front.
        assert_eq!(
            order(&[1, 2, 3, 4], &[2, 3, 4, 1], &[4, 1, 2, 3]),
            [4, 2, 3, 1]
        );
    }

    #[test]
    fn additions_keep_their_neighbours() {
        assert_eq!(order(&[1, 2], &[1, 5, 2], &[1, 2, 6]), [1, 5, 2, 6]);
        assert_eq!(order(&[1, 2], &[7, 1, 2], &[1, 8, 2]), [7, 1, 8, 2]);
    }
}
