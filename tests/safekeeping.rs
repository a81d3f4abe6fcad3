//! Autosave, recovery after a crash, saving over a file changed on disk, and recent files, through the real UI.

mod ui_driver;

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_driver::Driver;
use waymark::io::recovery::RecoveryStore;
use waymark::model::sample::stroller_map;
use waymark::ui::WaymarkApp;
use waymark::ui::commands::Command;
use waymark::ui::files::Next;
use waymark::ui::safekeeping::{AUTOSAVE_RETRY_MAX_SECONDS, AUTOSAVE_SECONDS, Safekeeping};

fn safekeeping(dir: &std::path::Path) -> Safekeeping {
    Safekeeping::at(
        Some(RecoveryStore::at(dir.join("recovery"))),
        Some(dir.join("recent.ron")),
    )
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    let mut ui = Driver::with_app(
        WaymarkApp::new(stroller_map(), None).with_safekeeping(safekeeping(dir.path())),
    );
    let card = ui.map().cards[0].id;
    ui.double_click(ui.card_center(card));
    ui.key_with(Modifiers::COMMAND, Key::A);
    ui.type_text("Работа, которую нельзя потерять");
    ui.key(Key::Escape);
    let edited = ui.map().clone();
    // Let the autosave interval pass (the harness clock runs at 60 frames a second).
    ui.harness
        .run_steps((AUTOSAVE_SECONDS * 60.0) as usize + 30);
    let start = Instant::now();
    while store.list().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no recovery file was written"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // A second editor started meanwhile does not offer the first one's live work.
    let second = Driver::with_app(
        WaymarkApp::new(stroller_map(), None).with_safekeeping(safekeeping(dir.path())),
    );
    assert!(
        second
            .harness
            .query_by_label("Recover unsaved maps")
            .is_none(),
        "a running editor's work is not offered to another"
    );
    drop(second);
    // The editor ends without cleaning up its recovery entry, as in a crash: the entry stays, and its lock is
    // let go. (tests/recovery.rs kills a real process holding an entry.)
    drop(ui);

    let mut ui = Driver::with_app(
        WaymarkApp::new(stroller_map(), None).with_safekeeping(safekeeping(dir.path())),
    );
    assert!(
        ui.harness.query_by_label("Recover unsaved maps").is_some(),
        "the next start offers the map back"
    );
    ui.harness.get_by_label("Restore").click();
    ui.until("the recovered map to open", |app| {
        app.doc.map().cards == edited.cards
    });
    assert!(
        ui.app().doc.is_dirty(),
        "a restored map is unsaved until the user saves it"
    );
    assert_eq!(
        store.list().len(),
        1,
        "the entry stays until the map is saved"
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    waymark::io::save_file(&stroller_map(), &path).unwrap();
    let app = WaymarkApp::new(stroller_map(), Some(path.clone()))
        .with_safekeeping(safekeeping(dir.path()));
    let mut ui = Driver::with_app(app);
    // A colleague's sync tool changes the file.
    let mut theirs = stroller_map();
    theirs.title = "Их версия".into();
    std::thread::sleep(Duration::from_millis(20));
    waymark::io::save_file(&theirs, &path).unwrap();

    let stage = ui.map().stages[0].id;
    ui.double_click(ui.stage_header(stage));
    ui.type_text("!");
    ui.key(Key::Enter);
    ui.key_with(Modifiers::COMMAND, Key::S);
    assert!(
        ui.harness
            .query_by_label("Overwrite changes on disk?")
            .is_some(),
        "saving asks first"
    );
    assert_eq!(
        waymark::io::load_file(&path).unwrap().title,
        "Их версия",
        "nothing written yet"
    );
    ui.harness.get_by_label("Overwrite").click();
    ui.until("the save to finish", |app| !app.doc.is_dirty());
    let saved = waymark::io::load_file(&path).unwrap();
    assert_eq!(
        saved.stages[0].name,
        format!("{}!", stroller_map().stages[0].name)
    );
    assert_eq!(
        ui.app().safekeeping.recent.files().len(),
        1,
        "the saved file is in the recent list"
    );
}

#[test]
fn a_failed_save_keeps_the_map_open_and_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file.txt");
    std::fs::write(&not_a_folder, "a file, not a folder").unwrap();
    let mut ui = Driver::new(stroller_map());
    let stage = ui.map().stages[0].id;
    ui.double_click(ui.stage_header(stage));
    ui.type_text("!");
    ui.key(Key::Enter);
    let edited = ui.map().clone();
    let ctx = ui.harness.ctx.clone();
    ui.harness.state_mut().save_to(
        &ctx,
        not_a_folder.join("map.ron"),
        waymark::ui::files::Next::Nothing,
    );
    ui.until("the error to be shown", |app| app.dialog.is_some());
    ui.harness.run_steps(2);
    assert!(
        ui.harness
            .query_by_label_contains("could not be saved")
            .is_some(),
        "the error says what happened"
    );
    assert!(ui.app().doc.is_dirty(), "the map stays marked unsaved");
    assert_eq!(ui.map(), &edited, "the map stays open as it was");
    assert_eq!(
        std::fs::read_to_string(&not_a_folder).unwrap(),
        "a file, not a folder"
    );
}

#[test]
fn starting_a_new_map_with_unsaved_changes_asks_first() {
    let mut ui = Driver::new(stroller_map());
    let card = ui.map().cards[0].id;
    ui.click(ui.card_center(card));
    ui.key(Key::Delete);
    assert!(ui.app().doc.is_dirty());
    ui.key_with(Modifiers::COMMAND, Key::N);
    ui.harness.get_by_label("Русский").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Create").click();
    ui.harness.run_steps(2);
    ui.harness.run_steps(3);
    assert!(ui.harness.query_by_label("Save changes?").is_some());
    ui.harness.get_by_label("Cancel").click();
    ui.harness.run_steps(2);
    assert_eq!(ui.map().title, stroller_map().title, "Cancel keeps the map");

    ui.key_with(Modifiers::COMMAND, Key::N);
    ui.harness.get_by_label("Русский").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Create").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Don't save").click();
    ui.harness.run_steps(2);
    assert_eq!(
        ui.map().stages[0].name,
        "Осведомлённость",
        "the 5-stage template, in Russian"
    );
    assert!(!ui.app().doc.is_dirty());
}

#[test]
fn a_save_that_ends_after_another_map_was_opened_does_not_touch_that_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    let app = WaymarkApp::new(
        waymark::model::sample::generated_map(1500),
        Some(path.clone()),
    )
    .with_safekeeping(safekeeping(dir.path()));
    let mut ui = Driver::with_app(app);
    let stage = ui.map().stages[0].id;
    ui.double_click(ui.stage_header(stage));
    ui.type_text("!");
    ui.key(Key::Enter);
    let saved = ui.map().clone();
    let next = waymark::model::templates::Template::Marketing5
        .build(waymark::model::templates::Language::Russian);

    // The user saves the large map (Ctrl+S) and, before the save ends, starts a new map and answers "Don't
    // save". These are the calls the shortcut and the dialog make, made here one after the other, so that the
    // new map is open before the save's result arrives whatever the timing.
    let ctx = ui.harness.ctx.clone();
    let app = ui.harness.state_mut();
    app.run(&ctx, Command::Save);
    app.proceed(&ctx, Next::Replace(Box::new(next.clone())));
    ui.until("the save to end", |app| app.status.contains("Saved"));

    assert_eq!(
        waymark::io::load_file(&path).unwrap(),
        saved,
        "the earlier map was written"
    );
    let app = ui.app();
    assert_eq!(app.doc.map(), &next, "the open map is the new one");
    assert_eq!(app.path, None, "the new map has no file yet");
    assert!(!app.doc.is_dirty(), "and no changes");
    assert_eq!(
        app.title(),
        format!("{} — Waymark", next.title),
        "the title names the new map and no file"
    );
    assert!(
        app.status.contains("earlier map") && app.status.contains("workshop.ron"),
        "the status says what was saved: {}",
        app.status
    );
    assert_eq!(
        app.safekeeping.recent.files().len(),
        1,
        "the saved file is in the recent list"
    );
}

#[test]
fn a_photo_chosen_for_a_map_that_was_closed_meanwhile_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("anna.png");
    image::RgbaImage::from_pixel(40, 40, image::Rgba([200, 30, 30, 255]))
        .save(&photo)
        .unwrap();
    let mut ui = Driver::new(stroller_map());
    let next = waymark::model::templates::Template::Marketing5
        .build(waymark::model::templates::Language::English);
    let ctx = ui.harness.ctx.clone();
    let app = ui.harness.state_mut();
    let document = app.doc.identity();
    app.files.load_photo(&ctx, photo, document);
    app.proceed(&ctx, Next::Replace(Box::new(next.clone())));
    ui.until("the photo to arrive", |app| app.status.contains("photo"));
    assert_eq!(ui.map(), &next, "the new map has no photo");
    assert!(!ui.app().doc.is_dirty());
}

#[test]
fn a_failing_autosave_is_retried_and_the_user_is_told_once() {
    let dir = tempfile::tempdir().unwrap();
    // A file stands where the recovery folder's parent should be, so the folder cannot be made (a full disk or
    // a folder that went away fail the same way).
    let blocker = dir.path().join("data");
    std::fs::write(&blocker, "not a folder").unwrap();
    let store = RecoveryStore::at(blocker.join("recovery"));
    let app = WaymarkApp::new(stroller_map(), None)
        .with_safekeeping(Safekeeping::at(Some(store.clone()), None));
    let mut ui = Driver::with_app(app);
    let stage = ui.map().stages[0].id;
    ui.double_click(ui.stage_header(stage));
    ui.type_text("!");
    ui.key(Key::Enter);
    ui.until("the user to be told that autosave fails", |app| {
        app.status.contains("Autosave is failing")
    });
    assert!(
        ui.app().status.contains("recovery folder"),
        "the notice says what failed: {}",
        ui.app().status
    );

    // Told once: further failures (the harness clock runs 60 frames a second) say nothing more.
    ui.harness.state_mut().status.clear();
    ui.harness
        .run_steps(((AUTOSAVE_RETRY_MAX_SECONDS + 5.0) * 60.0) as usize);
    assert_eq!(ui.app().status, "", "the user is told once");
    assert!(store.list().is_empty());

    // The disk is fine again: the same unsaved map is written without any further change.
    std::fs::remove_file(&blocker).unwrap();
    ui.harness
        .run_steps(((AUTOSAVE_RETRY_MAX_SECONDS + 5.0) * 60.0) as usize);
    ui.until("autosave to work again", |app| {
        app.status.contains("Autosave works again")
    });
    let entries = store.list();
    assert_eq!(entries.len(), 1);
    assert_eq!(&entries[0].load().unwrap(), ui.map());
}

#[test]
fn open_recent_opens_the_chosen_map() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first.ron"), dir.path().join("second.ron"));
    let mut map = stroller_map();
    map.title = "Вторая карта".to_owned();
    waymark::io::save_file(&stroller_map(), &first).unwrap();
    waymark::io::save_file(&map, &second).unwrap();
    let mut keeping = safekeeping(dir.path());
    keeping.add_recent(&second);
    keeping.add_recent(&first);
    let mut ui = Driver::with_app(
        WaymarkApp::new(stroller_map(), Some(first.clone())).with_safekeeping(keeping),
    );
    ui.harness.get_by_label("File").click();
    ui.harness.run_steps(2);
    ui.harness.get_by_label("Open Recent").click();
    ui.harness.run_steps(2);
    ui.harness
        .get_by_label(&second.canonicalize().unwrap().display().to_string())
        .click();
    ui.until("the map to open", |app| {
        app.doc.map().title == "Вторая карта"
    });
    assert_eq!(ui.app().path.as_deref(), Some(second.as_path()));
}
