//! File → Share live… and File → Join live… in two real editors (egui_kittest) against the y-websocket server
//! `.ci/run` starts (WAYMARK_SYNC_SERVER): a card typed in one appears in the other, the status bar names the
//! room and the other person, and Leave ends it.

#[path = "sync_support/mod.rs"]
mod sync_support;
mod ui_driver;

use egui::Key;
use egui_kittest::kittest::Queryable;
use ui_driver::{Driver, template};

#[test]
fn two_editors_share_and_join_a_room_and_see_each_others_typing() {
    let server = sync_support::server();
    let mut anna = Driver::new(template());
    // The server field starts with WAYMARK_SYNC_SERVER, or the server this test process started.
    let address = anna.share_live(&server, "Anna");
    assert!(address.starts_with(&server), "{address}");
    assert!(
        anna.app().status.contains(&address),
        "{}",
        anna.app().status
    );

    let mut boris = Driver::new(template());
    boris.join_live(&address);
    assert_eq!(
        sync_support::content(boris.map()),
        sync_support::content(anna.map())
    );
    assert!(
        boris.app().path.is_none(),
        "the room's map is a new, unsaved map"
    );

    // Boris types a card; Anna sees it, letter by letter as he types. (The joined map opened fitted to the
    // window; back to 100% so that the driver knows where the cells are.)
    boris.harness.run_steps(3);
    boris
        .harness
        .state_mut()
        .canvas
        .set_view(waymark::ui::canvas::view::View {
            pan: egui::Vec2::ZERO,
            zoom: 1.0,
        });
    boris.harness.run_steps(2);
    let (stage, lane) = (boris.map().stages[2].id, boris.map().lanes[0].id);
    boris.click(boris.cell_spot(stage, lane));
    boris.key(Key::N);
    boris.type_text("Привет от Бориса");
    for _ in 0..2000 {
        anna.harness.step();
        boris.harness.step();
        if anna
            .map()
            .cards
            .iter()
            .any(|c| c.text == "Привет от Бориса")
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        anna.map()
            .cards
            .iter()
            .any(|c| c.text == "Привет от Бориса" && c.stage == stage),
        "the card reached Anna while Boris was still typing in it: Boris has {:?}, state {:?}; Anna {:?}",
        (
            boris.cards_in(stage, lane),
            &boris.app().status,
            boris.app().canvas.selection,
            boris.app().dialog.is_some()
        ),
        boris.app().live.session.as_ref().map(|s| s.state().clone()),
        anna.app().live.session.as_ref().map(|s| s.state().clone()),
    );
    boris.key(Key::Enter);
    // Undo in Anna's window does not touch Boris's card (Anna has made no change).
    assert!(!anna.app().doc.can_undo());
    anna.harness.run_steps(2);
    anna.until("Anna sees Boris in the status bar", |app| {
        app.live.session.as_ref().is_some_and(|s| {
            s.peers()
                .iter()
                .any(|p| p.editing.is_some() || !p.name.is_empty())
        })
    });
    assert!(
        anna.harness
            .query_by_label_contains("1 other person")
            .is_some()
    );

    boris.menu("File", "Leave live session");
    assert!(boris.app().live.session.is_none());
    assert_eq!(boris.app().status, "Left the live session");
}

#[test]
fn joining_a_room_with_unsaved_changes_offers_to_save_them_first() {
    // The room's map replaces the open one, so unsaved work is asked about as when opening another map.
    let mut ui = Driver::new(template());
    let (stage, lane) = (ui.map().stages[0].id, ui.map().lanes[0].id);
    ui.double_click(ui.cell_spot(stage, lane));
    ui.type_text("Не потерять");
    ui.key(Key::Enter);
    assert!(ui.app().doc.is_dirty(), "a card typed, not saved");

    ui.menu("File", "Join live…");
    assert!(
        ui.harness.query_by_label("Don't save").is_some(),
        "asked about the unsaved changes first"
    );
    assert!(ui.harness.query_by_label("Join").is_none());
    ui.harness.get_by_label("Cancel").click();
    ui.harness.run_steps(3);
    assert!(ui.app().dialog.is_none(), "Cancel: no join");
    assert_eq!(ui.cards_in(stage, lane).len(), 1, "the card is still there");

    ui.menu("File", "Join live…");
    ui.harness.get_by_label("Don't save").click();
    ui.harness.run_steps(3);
    assert!(
        ui.harness.query_by_label("Join").is_some(),
        "then the join dialog opens"
    );
}
