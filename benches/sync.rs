//! Live sessions over loopback against the real y-websocket server (WAYMARK_SYNC_SERVER, or one this benchmark
//! starts from `scripts/sync-server`): how long a card edit takes to reach another participant, thirty people
//! editing at once, and joining a room that holds a 2,000-card map. Prints `key=value` lines.
//!
//! Run with `cargo bench --bench sync`; WAYMARK_BENCH_SECONDS sets how long the thirty edit (default 60).

#[path = "../tests/sync_support/mod.rs"]
mod sync_support;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use sync_support::*;
use waymark::edit::{Edit, build};
use waymark::model::sample::{generated_map, stroller_map};

mod support;
use support::percentile;

fn main() {
    let mut own = None;
    let server = match std::env::var("WAYMARK_SYNC_SERVER") {
        Ok(url) if !url.is_empty() => url,
        _ => own.insert(OwnServer::start()).url(),
    };
    edit_to_peer(&server);
    thirty_people(&server);
    join_big_room(&server);
}

/// One card edited on one side, timed until the other side has it.
fn edit_to_peer(server: &str) {
    let room = new_room(server);
    let mut a = Participant::share(&room, stroller_map(), "a");
    let mut b = Participant::join(&room, "b");
    let card = a.map().cards[0].id;
    let mut times = Vec::new();
    for i in 0..300 {
        let text = format!("edit {i}");
        let start = Instant::now();
        a.doc
            .apply(Edit::SetCardText {
                card,
                text: text.clone(),
            })
            .expect("edit");
        a.poll();
        while b.map().card(card).is_none_or(|c| c.text != text) {
            b.poll();
            a.poll();
            std::thread::sleep(Duration::from_micros(100));
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "edit {i} never arrived"
            );
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "clients=2 edits={} edit_to_peer_ms_p50={:.1} p95={:.1} max={:.1}",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        percentile(&times, 1.0)
    );
}

/// Thirty people add cards and retype shared ones for a while; afterwards everyone must have the same map with
/// every added card.
fn thirty_people(server: &str) {
    let seconds: u64 = std::env::var("WAYMARK_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let room = new_room(server);
    let mut people = vec![Participant::share(&room, stroller_map(), "p0")];
    for i in 1..30 {
        people.push(Participant::join(&room, &format!("p{i}")));
    }
    let shared: Vec<_> = people[0].map().cards.iter().map(|c| c.id).collect();
    let mut added = HashSet::new();
    let mut edits = 0u64;
    let start = Instant::now();
    let mut round = 0usize;
    while start.elapsed() < Duration::from_secs(seconds) {
        for (i, p) in people.iter_mut().enumerate() {
            // Each person makes about five edits a second: a card every other time, a retype otherwise.
            if (round + i).is_multiple_of(2) {
                let text = format!("p{i} card {round}");
                let map = p.map();
                let edit = build::add_card(
                    map,
                    map.stages[(i + round) % map.stages.len()].id,
                    map.lanes[0].id,
                    None,
                    &text,
                );
                p.doc.apply(edit).expect("adds");
                added.insert(text);
            } else {
                let card = shared[(i * 7 + round) % shared.len()];
                let _ = p.doc.apply(Edit::SetCardText {
                    card,
                    text: format!("p{i} retyped in round {round}"),
                });
            }
            edits += 1;
            p.poll();
        }
        round += 1;
        let pause = Instant::now();
        while pause.elapsed() < Duration::from_millis(200) {
            for p in people.iter_mut() {
                p.poll();
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    let mut refs: Vec<&mut Participant> = people.iter_mut().collect();
    let settle = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        for p in refs.iter_mut() {
            p.poll();
        }
        let lost = |p: &Participant| {
            let texts: HashSet<&str> = p.map().cards.iter().map(|c| c.text.as_str()).collect();
            added.iter().filter(|t| !texts.contains(t.as_str())).count()
        };
        let done = converged(&refs) && lost(refs[0]) == 0;
        if done || Instant::now() > deadline {
            let lost = refs.iter().map(|p| lost(p)).max().unwrap_or(0);
            println!(
                "clients=30 seconds={seconds} edits={edits} converged={} lost={lost} settle_ms={}",
                converged(&refs),
                settle.elapsed().as_millis()
            );
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Joining a room that holds a 2,000-card map, until the map is in the joiner's document.
fn join_big_room(server: &str) {
    let map = generated_map(2000);
    let room = new_room(server);
    let _owner = Participant::share(&room, map.clone(), "owner");
    let mut times = Vec::new();
    for i in 0..5 {
        let start = Instant::now();
        let joined = Participant::join(&room, &format!("j{i}"));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(joined.map().cards.len(), map.cards.len());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "cards=2000 join_ms={:.0} (median of {}, max {:.0})",
        percentile(&times, 0.5),
        times.len(),
        percentile(&times, 1.0)
    );
}
