//! Dot voting on a big map, headless (egui layout and tessellation of the whole window, no GPU): laying the
//! map out with and without the dots, editor frames with the voting panel open and "highlight top 10" on, and
//! a click that puts a dot (the edit, the map laid out again, the frame). Prints `key=value` lines.
//!
//! Run with `cargo bench --bench vote`.

use std::time::Instant;

use egui::{Event, Modifiers, PointerButton, Vec2};
use waymark::edit::{Edit, apply};
use waymark::layout::{TextEngine, layout_map};
use waymark::model::sample::generated_map;
use waymark::model::{Map, ParticipantId, Vote};
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::view::View;

mod support;
use support::{Headless, median};

const FRAMES: usize = 60;
const CARDS: usize = 10_000;
const PEOPLE: usize = 30;
const EACH: u32 = 5;

/// Thirty people with five votes each, spread over the map (several dots per card allowed).
fn voted_map() -> Map {
    let mut map = generated_map(CARDS);
    let vote = Vote::new(None, EACH, true, &[], PEOPLE);
    apply(&mut map, Edit::SetVote(Some(vote))).ok();
    let cards: Vec<_> = map.cards.iter().map(|c| c.id).collect();
    for p in 0..PEOPLE {
        for i in 0..EACH as usize {
            let card = cards[(p * 37 + i * 1013) % cards.len()];
            let participant = ParticipantId(p as u32 + 1);
            apply(&mut map, Edit::PutDot { participant, card }).ok();
        }
    }
    map
}

fn main() {
    let map = voted_map();
    let dots = map.vote.as_ref().map_or(0, |v| v.total_dots());
    let mut plain = map.clone();
    plain.vote = None;
    for (name, subject) in [("with_votes", &map), ("without_votes", &plain)] {
        let mut engine = TextEngine::new();
        layout_map(subject, &mut engine);
        let times = (0..10)
            .map(|_| {
                let start = Instant::now();
                layout_map(subject, &mut engine);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        println!(
            "cards={CARDS} dots={dots} layout={name} layout_ms_median={:.2}",
            median(times)
        );
    }

    let mut app = WaymarkApp::new(map, None);
    let mut editor = Headless::new();
    let mut run = |app: &mut WaymarkApp, events: Vec<Event>| editor.run(app, events);
    run(&mut app, Vec::new());
    app.voting.started();
    app.voting.highlight = true;
    app.voting.top_n = 10;
    for (view, zoom) in [("fit", 0.0), ("50%", 0.5), ("100%", 1.0)] {
        if zoom == 0.0 {
            app.canvas.zoom_fit();
        } else {
            app.canvas.set_view(View {
                pan: Vec2::new(0.0, -75.0),
                zoom,
            });
        }
        run(&mut app, Vec::new());
        run(&mut app, Vec::new());
        let times = (0..FRAMES)
            .map(|_| {
                let start = Instant::now();
                run(&mut app, Vec::new());
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        println!(
            "cards={CARDS} dots={dots} view={view} highlight=top10 frame_ms_median={:.2}",
            median(times)
        );
    }

    // Clicks on a card while casting: each puts a dot (or takes it back), lays the map out again and draws.
    app.canvas.set_view(View {
        pan: Vec2::new(0.0, -75.0),
        zoom: 1.0,
    });
    // Participant 1 has used their five votes, one of them on the map's first card: a right-click takes it
    // back, a click puts it again, and so on.
    app.voting.participant = Some(ParticipantId(1));
    run(&mut app, Vec::new());
    let first = app.doc.map().cards[0].id;
    let Some(card) = app.canvas.layout().card(first).map(|c| c.rect) else {
        println!("cards={CARDS} error=no card laid out");
        return;
    };
    let at = app.canvas.map_to_screen(card.center());
    run(&mut app, vec![Event::PointerMoved(at)]);
    let mut times = Vec::new();
    let revision = app.doc.revision();
    for k in 0..10 {
        let button = if k % 2 == 0 {
            PointerButton::Secondary
        } else {
            PointerButton::Primary
        };
        let start = Instant::now();
        for pressed in [true, false] {
            run(
                &mut app,
                vec![Event::PointerButton {
                    pos: at,
                    button,
                    pressed,
                    modifiers: Modifiers::NONE,
                }],
            );
        }
        run(&mut app, Vec::new());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let casts = app.doc.revision() - revision;
    println!(
        "cards={CARDS} dots={dots} casts={casts} cast_ms_median={:.2}",
        median(times)
    );
}
