//! Workshop tools on a big map, headless (egui layout and tessellation of the whole window, no GPU): frames
//! while 500 selected cards of 10,000 are dragged, and the drop that moves them all (one batch edit, undo
//! recorded, the map laid out again); then find: each keystroke typed into the find bar over 10,000 cards, as
//! the whole frame it takes (search, highlight, painting the faded map), and the search alone. Prints
//! `key=value` lines.
//!
//! Run with `cargo bench --bench workshop`.

use std::time::Instant;

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use waymark::model::sample::generated_map;
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::view::View;
use waymark::workshop::find::FindIndex;

mod support;
use support::{Headless, median, percentile};

const FRAMES: usize = 120;
const CARDS: usize = 10_000;
const SELECTED: usize = 500;

fn button(pos: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

fn main() {
    drag();
    find();
}

fn drag() {
    let mut app = WaymarkApp::new(generated_map(CARDS), None);
    let mut editor = Headless::new();
    let mut run = |app: &mut WaymarkApp, events: Vec<Event>| editor.run(app, events);
    run(&mut app, Vec::new());
    app.canvas.set_view(View {
        pan: Vec2::new(0.0, -75.0),
        zoom: 0.5,
    });
    run(&mut app, Vec::new());
    // Every 20th card: selected cards spread over the whole map, as after Ctrl+A on a lane or a band.
    let cards: Vec<_> = app
        .doc
        .map()
        .cards
        .iter()
        .step_by(CARDS / SELECTED)
        .map(|c| c.id)
        .take(SELECTED)
        .collect();
    let grabbed = cards[0];
    app.canvas.select_cards(cards.clone(), Some(grabbed));
    let Some(rect) = app.canvas.layout().card(grabbed).map(|c| c.rect) else {
        println!("cards={CARDS} selected={SELECTED} error=the grabbed card is not laid out");
        return;
    };
    let start = app.canvas.map_to_screen(rect.center());
    run(&mut app, vec![Event::PointerMoved(start)]);
    run(&mut app, vec![button(start, true)]);
    let mut times = Vec::with_capacity(FRAMES);
    let mut pos = start;
    for i in 0..FRAMES {
        // Down and right, then back, over a few cells.
        let step = if (i / 30) % 2 == 0 { 4.0 } else { -4.0 };
        pos += Vec2::new(step, step * 0.5);
        let t = Instant::now();
        std::hint::black_box(run(&mut app, vec![Event::PointerMoved(pos)]));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let drop_at = start + Vec2::new(300.0, 150.0);
    run(&mut app, vec![Event::PointerMoved(drop_at)]);
    let before = app.doc.revision();
    let t = Instant::now();
    run(&mut app, vec![button(drop_at, false)]);
    run(&mut app, Vec::new());
    let drop_ms = t.elapsed().as_secs_f64() * 1000.0;
    let moved = app.doc.revision() != before;
    println!(
        "cards={CARDS} selected={SELECTED} drag_frame_ms_median={:.2} drag_frame_ms_p95={:.2} drop_ms={drop_ms:.1} moved={moved}",
        percentile(&times, 0.5),
        percentile(&times, 0.95)
    );
}

fn key(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// Types a query into the find bar one character at a time and takes it back with Backspace, several times:
/// every keystroke changes the query, so each frame searches all 10,000 cards again.
fn find() {
    const QUERY: &str = "звонит оператору";
    const ROUNDS: usize = 4;
    let map = generated_map(CARDS);
    let t = Instant::now();
    let index = FindIndex::new(&map);
    let index_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut search_times = Vec::new();
    for _ in 0..ROUNDS {
        for end in QUERY.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let t = Instant::now();
            std::hint::black_box(index.search(&QUERY[..end]));
            search_times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let mut app = WaymarkApp::new(map, None);
    let mut editor = Headless::new();
    let mut run = |app: &mut WaymarkApp, events: Vec<Event>| editor.run(app, events);
    run(&mut app, Vec::new());
    app.canvas.set_view(View {
        pan: Vec2::new(0.0, -75.0),
        zoom: 0.5,
    });
    // The same view without find, for comparison: what any frame of this view costs.
    let mut plain = Vec::new();
    for _ in 0..64 {
        let t = Instant::now();
        std::hint::black_box(run(&mut app, Vec::new()));
        plain.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    run(&mut app, vec![key(Key::F, Modifiers::COMMAND)]);
    run(&mut app, Vec::new());
    let mut times = Vec::new();
    let mut matched = Vec::new();
    for _ in 0..ROUNDS {
        let typed = QUERY.chars().map(|c| Event::Text(c.to_string()));
        let erased = QUERY.chars().map(|_| key(Key::Backspace, Modifiers::NONE));
        for event in typed.chain(erased) {
            let t = Instant::now();
            std::hint::black_box(run(&mut app, vec![event]));
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            if app.find.query == QUERY {
                matched.push(app.find.matches(&app.doc).len());
            }
        }
    }
    let typed_into_bar = matched.len() == ROUNDS;
    println!(
        "cards={CARDS} find_ms_median={:.2} find_ms_p95={:.2} plain_frame_ms_median={:.2} search_ms_median={:.3} index_ms={index_ms:.1} keystrokes={} matches={} typed_into_bar={typed_into_bar}",
        median(times.clone()),
        {
            times.sort_by(f64::total_cmp);
            percentile(&times, 0.95)
        },
        median(plain),
        median(search_times),
        times.len(),
        matched.first().copied().unwrap_or(0),
    );
}
