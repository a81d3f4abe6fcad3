//! Others on the canvas in a live session, headless (egui layout and tessellation of the whole window, no GPU):
//! editor frames of a 2,000-card map with five other people, each with 300 cards selected and one card typed
//! in, against the same frames with nobody else; and reading 30 people's awareness states. Prints `key=value`
//! lines.
//!
//! Run with `cargo bench --bench presence`.

use std::sync::Arc;
use std::time::Instant;

use egui::Vec2;
use waymark::model::sample::generated_map;
use waymark::sync::presence::{Presence, decode, encode};
use waymark::sync::{Peer, SharedView};
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::view::View;

mod support;
use support::{Headless, median};

const FRAMES: usize = 60;
const CARDS: usize = 2000;
const PEOPLE: usize = 5;
const SELECTED: usize = 300;

fn main() {
    let map = generated_map(CARDS);
    let ids: Vec<u64> = map.cards.iter().map(|c| c.id.0).collect();
    let people: Vec<Peer> = (0..PEOPLE)
        .map(|p| {
            let mut selected: Vec<u64> = (0..SELECTED)
                .map(|i| ids[(p * 131 + i * 7) % ids.len()])
                .collect();
            selected.sort_unstable();
            selected.dedup();
            Peer {
                client: p as u64 + 1,
                name: format!("Участник {p}"),
                color: [0x20 + 40 * p as u8, 0x70, 0xc0],
                editing: Some(ids[p * 3]),
                selected,
                ..Peer::default()
            }
        })
        .collect();
    let people: Arc<[Peer]> = Arc::from(people);

    let mut app = WaymarkApp::new(map, None);
    let mut editor = Headless::new();
    editor.run(&mut app, Vec::new());
    for (view, zoom) in [("fit", 0.0), ("50%", 0.5), ("100%", 1.0)] {
        let mut medians = Vec::new();
        for others in [Arc::clone(&people), Arc::from(Vec::new())] {
            app.canvas.others = others;
            if zoom == 0.0 {
                app.canvas.zoom_fit();
            } else {
                app.canvas.set_view(View {
                    pan: Vec2::new(0.0, -75.0),
                    zoom,
                });
            }
            editor.run(&mut app, Vec::new());
            let times = (0..FRAMES)
                .map(|_| {
                    let start = Instant::now();
                    editor.run(&mut app, Vec::new());
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            medians.push(median(times));
        }
        let marks = {
            app.canvas.others = Arc::clone(&people);
            app.canvas.peer_marks().len()
        };
        println!(
            "cards={CARDS} peers={PEOPLE} selected_each={SELECTED} view={view} marks_on_screen={marks} frame_ms_median={:.2} without_peers_ms={:.2}",
            medians[0], medians[1]
        );
    }

    // Reading what 30 people announce, each with a full selection and a view.
    let states: Vec<String> = (0..30)
        .map(|p| {
            encode(&Presence {
                name: format!("p{p}"),
                color: [1, 2, 3],
                editing: Some(ids[p]),
                selected: ids.iter().copied().skip(p).take(SELECTED).collect(),
                view: Some(SharedView {
                    x: 0.0,
                    y: 0.0,
                    width: 1200.0,
                    height: 800.0,
                    stage: None,
                }),
                follow_me: false,
            })
        })
        .collect();
    let times = (0..50)
        .map(|_| {
            let start = Instant::now();
            let read = states
                .iter()
                .enumerate()
                .filter_map(|(i, s)| decode(i as u64, s))
                .count();
            assert_eq!(read, 30);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    println!(
        "peers=30 selected_each={SELECTED} state_bytes={} decode_all_ms_median={:.3}",
        states[0].len(),
        median(times)
    );
}
