//! `waymark merge` and `waymark diff` on big maps: two versions of a generated map, each side editing 5% of
//! the cards (text, colour, moves), adding cards with the same new ids and deleting some, with a few conflicts.
//! Prints `key=value` lines, one per map size.
//!
//! Run with `cargo bench --bench merge`.

use std::time::Instant;

use waymark::model::sample::generated_map;
use waymark::model::{CardColor, CardId, Map};

mod support;
use support::median;

fn edited(base: &Map, offset: usize, text: &str) -> Map {
    let mut map = base.clone();
    let n = map.cards.len();
    for i in (offset..n).step_by(20) {
        map.cards[i].text = format!("{text} {i}");
    }
    for i in (offset + 7..n).step_by(40) {
        map.cards[i].color = CardColor::Green;
    }
    // Move some cards to the cell of the card before them, and delete a few.
    for i in (offset + 3..n).step_by(50) {
        let (stage, lane) = (map.cards[i - 1].stage, map.cards[i - 1].lane);
        map.cards[i].stage = stage;
        map.cards[i].lane = lane;
    }
    let gone: Vec<CardId> = map
        .cards
        .iter()
        .skip(offset + 11)
        .step_by(100)
        .map(|c| c.id)
        .collect();
    map.cards.retain(|c| !gone.contains(&c.id));
    for i in 0..n / 40 {
        let mut card = map.cards[i * 10].clone();
        card.id = CardId(map.allocate_id());
        card.text = format!("{text} new {i}");
        map.cards.push(card);
    }
    map
}

fn main() {
    for cards in [2_000, 10_000] {
        let base = generated_map(cards);
        let ours = edited(&base, 0, "ours");
        let mut theirs = edited(&base, 10, "theirs");
        // A few texts both sides changed: conflicts.
        for i in (0..theirs.cards.len().min(cards)).step_by(400) {
            theirs.cards[i].text = format!("theirs conflict {i}");
        }
        let mut merge_ms = Vec::new();
        let mut conflicts = 0;
        for _ in 0..5 {
            let start = Instant::now();
            match waymark::merge::merge(&base, &ours, &theirs) {
                Ok(merged) => conflicts = merged.conflicts.len(),
                Err(error) => {
                    eprintln!("merge failed: {error}");
                    return;
                }
            }
            merge_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let mut diff_ms = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            let _ = waymark::merge::diff(&base, &ours);
            diff_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        println!(
            "cards={cards} merge_ms={:.1} diff_ms={:.1} conflicts={conflicts}",
            median(merge_ms),
            median(diff_ms)
        );
    }
}
