//! Seeing each other in two real editors (egui_kittest) in one room on the y-websocket server: a card Anna
//! selects is outlined on Boris's canvas with her name, the card she types in shows ✎; Boris follows her view
//! (a click on her name), her zoom and pan move his view, his own pan stops following; "Ask everyone to follow
//! me" makes him follow her again and Escape stops it; following her presentation puts her stage in his
//! spotlight.

#[path = "sync_support/mod.rs"]
mod sync_support;
mod ui_driver;

use egui::{Key, Pos2, Vec2};
use egui_kittest::kittest::Queryable;
use ui_driver::{Driver, map_with_cards};
use waymark::ui::WaymarkApp;
use waymark::ui::canvas::PeerMark;
use waymark::ui::canvas::view::View;

/// Steps both windows until `done` holds for the second (the network has its own threads).
fn both_until(a: &mut Driver, b: &mut Driver, what: &str, done: impl Fn(&WaymarkApp) -> bool) {
    let start = std::time::Instant::now();
    while !done(b.app()) {
        assert!(
            start.elapsed().as_secs() < 60,
            "timed out waiting for: {what}"
        );
        a.harness.step();
        b.harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// The centre of what a window shows, in map units.
fn centre(app: &WaymarkApp) -> Pos2 {
    let rect = app.canvas.last_rect();
    app.canvas.view.to_map(rect, rect.center())
}

fn actual_size(ui: &mut Driver) {
    ui.harness.state_mut().canvas.set_view(View {
        pan: Vec2::ZERO,
        zoom: 1.0,
    });
    ui.harness.run_steps(2);
}

#[test]
fn two_editors_see_each_others_selection_and_typing_and_follow_views() {
    let server = sync_support::server();
    let mut anna = Driver::new(map_with_cards());
    let address = anna.share_live(&server, "Anna");

    let mut boris = Driver::new(map_with_cards());
    boris.harness.state_mut().live.name = "Boris".to_owned();
    boris.join_live(&address);
    boris.harness.run_steps(3);
    actual_size(&mut boris);

    // Anna selects a card: Boris's canvas outlines it with her name.
    let card = anna.map().cards[1].id;
    anna.click(anna.card_center(card));
    let selected = PeerMark {
        card,
        name: "Anna".to_owned(),
        typing: false,
    };
    both_until(
        &mut anna,
        &mut boris,
        "Anna's selection on Boris's canvas",
        |app| app.canvas.peer_marks() == vec![selected.clone()],
    );
    // She types in it: the mark says so.
    anna.double_click(anna.card_center(card));
    assert!(anna.app().canvas.editing.is_some(), "Anna edits the card");
    both_until(&mut anna, &mut boris, "✎ Anna on Boris's canvas", |app| {
        app.canvas
            .peer_marks()
            .iter()
            .any(|m| m.card == card && m.name == "Anna" && m.typing)
    });
    anna.key(Key::Escape);
    both_until(&mut anna, &mut boris, "Anna stopped typing", |app| {
        app.canvas.peer_marks().iter().all(|m| !m.typing)
    });

    // Boris follows Anna: a click on her name in the status bar.
    boris.harness.get_by_label("● Anna").click();
    boris.harness.run_steps(2);
    assert!(
        boris
            .harness
            .query_by_label_contains("Following Anna")
            .is_some(),
        "the banner says whom he follows"
    );
    // Anna zooms in and pans; Boris's view goes where hers is.
    anna.key(Key::Plus);
    let (stage, lane) = (anna.map().stages[0].id, anna.map().lanes[0].id);
    let spot = anna.cell_spot(stage, lane);
    anna.drag(spot, spot + Vec2::new(-150.0, -80.0));
    let (zoom, target) = (anna.app().canvas.view.zoom, centre(anna.app()));
    assert!(zoom > 1.1, "Anna zoomed in ({zoom})");
    both_until(
        &mut anna,
        &mut boris,
        "Boris's view follows Anna's",
        |app| centre(app).distance(target) < 1.0 && (app.canvas.view.zoom - zoom).abs() < 0.01,
    );
    assert!(boris.app().live.together.following.is_some());

    // Boris's own pan stops following: Anna's next move does not reach his view.
    let (stage, lane) = (boris.map().stages[1].id, boris.map().lanes[0].id);
    let spot = boris.cell_spot(stage, lane);
    boris.drag(spot, spot + Vec2::new(60.0, 40.0));
    assert!(
        boris.app().live.together.following.is_none(),
        "a pan of his own stops following"
    );
    assert!(
        boris
            .harness
            .query_by_label_contains("Following Anna")
            .is_none()
    );
    let his = boris.app().canvas.view;
    anna.key(Key::Minus);
    for _ in 0..40 {
        anna.harness.step();
        boris.harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(boris.app().canvas.view, his, "no longer following");

    // Anna asks everyone to follow her: Boris follows again, and Escape stops it (she still asks).
    anna.menu("Live", "Ask everyone to follow me");
    assert!(anna.app().live.together.ask_everyone);
    both_until(
        &mut anna,
        &mut boris,
        "Boris follows on Anna's request",
        |app| {
            app.live
                .together
                .following
                .as_ref()
                .is_some_and(|f| f.name == "Anna" && f.asked)
        },
    );
    let target = centre(anna.app());
    both_until(&mut anna, &mut boris, "Boris's view at Anna's", |app| {
        centre(app).distance(target) < 1.0
    });
    boris.key(Key::Escape);
    assert!(boris.app().live.together.following.is_none());
    for _ in 0..20 {
        anna.harness.step();
        boris.harness.step();
    }
    assert!(
        boris.app().live.together.following.is_none(),
        "Escape is not undone by her standing request"
    );

    // Boris follows her again by hand while she presents: her stage is in his spotlight too.
    boris.harness.get_by_label("● Anna").click();
    boris.harness.run_steps(2);
    anna.key(Key::F5);
    anna.key(Key::ArrowRight);
    let stage = anna
        .app()
        .presentation
        .as_ref()
        .and_then(|p| p.focus)
        .expect("she presents a stage");
    both_until(
        &mut anna,
        &mut boris,
        "her presented stage on his canvas",
        |app| app.canvas.spotlight == Some(stage),
    );
    let target = centre(anna.app());
    both_until(&mut anna, &mut boris, "his view on her stage", |app| {
        centre(app).distance(target) < 1.0
    });
    anna.key(Key::Escape);
    both_until(&mut anna, &mut boris, "her presentation ended", |app| {
        app.canvas.spotlight.is_none()
    });

    // Leaving ends following and takes the others off his canvas.
    anna.click(anna.card_center(card));
    both_until(&mut anna, &mut boris, "her selection again", |app| {
        !app.canvas.peer_marks().is_empty()
    });
    boris.menu("File", "Leave live session");
    boris.harness.run_steps(2);
    assert!(boris.app().live.together.following.is_none());
    assert!(boris.app().canvas.peer_marks().is_empty());
    assert!(
        boris
            .harness
            .query_by_label_contains("Following Anna")
            .is_none()
    );
}
