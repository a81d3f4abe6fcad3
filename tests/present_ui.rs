//! The workshop timer and presentation mode, driven through the real editor: a timer run out on a fake clock
//! (no test sleeps), pause, +1 minute and reset; repaints asked for only while a timer runs or flashes; F5,
//! stepping through the stages, Home and Escape; View → Projector colours remembered in the preferences.

mod ui_driver;

use std::time::Duration;

use egui::{Key, Modifiers, ViewportCommand, ViewportId};
use egui_kittest::kittest::Queryable;
use ui_driver::Driver;
use waymark::i18n::Lang;
use waymark::io::preferences::Preferences;
use waymark::model::{Map, StageId};
use waymark::timer::{FakeClock, Phase};
use waymark::ui::WaymarkApp;
use waymark::ui::present::readable_zoom;
use waymark::ui::selection::Selection;

fn sample() -> Map {
    waymark::model::sample::stroller_map()
}

/// The editor in English with a clock the test moves.
fn editor(map: Map) -> (Driver, FakeClock) {
    let clock = FakeClock::new();
    let mut app = WaymarkApp::new(map, None).with_clock(clock.clone());
    app.language = Lang::En;
    app.system_language = Lang::En;
    (Driver::with_app(app), clock)
}

fn shows(ui: &Driver, text: &str) -> bool {
    ui.harness.query_by_label(text).is_some()
}

fn phase(ui: &Driver) -> Phase {
    ui.app().timer.read(ui.app().now()).phase
}

/// How long from the last frame egui was asked to wait before painting again; `Duration::MAX` means never.
fn repaint_delay(ui: &Driver) -> Duration {
    ui.harness.output().viewport_output[&ViewportId::ROOT].repaint_delay
}

fn viewport_commands(ui: &Driver) -> Vec<ViewportCommand> {
    ui.harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .clone()
}

fn menu(ui: &mut Driver, menu: &str, item: &str) {
    ui.harness.get_by_label(menu).click();
    ui.harness.run_steps(2);
    // An entry with a shortcut is named with it ("Present F5").
    match ui.harness.query_by_label(item) {
        Some(entry) => entry.click(),
        None => ui.harness.get_by_label_contains(item).click(),
    }
    ui.harness.run_steps(2);
}

/// Presses a key and returns the viewport commands of the frame that took it.
fn press_for_commands(ui: &mut Driver, key: Key) -> Vec<ViewportCommand> {
    let event = |pressed| egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    ui.harness.event(event(true));
    ui.harness.step();
    let commands = viewport_commands(ui);
    ui.harness.event(event(false));
    ui.harness.run_steps(2);
    commands
}

/// Moves the fake clock on and lets the editor draw a frame.
fn later(ui: &mut Driver, clock: &FakeClock, by: Duration) {
    clock.advance(by);
    ui.harness.run_steps(2);
}

#[test]
fn a_preset_counts_down_runs_out_and_flashes_then_stays_lit() {
    let (mut ui, clock) = editor(sample());
    assert!(!shows(&ui, "Timer 1:00"), "no timer before one is chosen");
    menu(&mut ui, "Timer", "1 minute");
    assert!(shows(&ui, "Timer 1:00"));
    later(&mut ui, &clock, Duration::from_secs(25));
    assert!(shows(&ui, "Timer 0:35"));

    later(&mut ui, &clock, Duration::from_secs(35));
    assert!(shows(&ui, "Time is up!"));
    assert_eq!(phase(&ui), Phase::Flashing { lit: true });
    assert!(
        repaint_delay(&ui) <= Duration::from_millis(500),
        "a flashing timer asks for the next flash"
    );
    later(&mut ui, &clock, Duration::from_millis(500));
    assert_eq!(phase(&ui), Phase::Flashing { lit: false });
    later(&mut ui, &clock, Duration::from_millis(500));
    assert_eq!(phase(&ui), Phase::Flashing { lit: true });

    later(&mut ui, &clock, Duration::from_secs(20));
    assert_eq!(phase(&ui), Phase::RunOut, "it stops flashing after a while");
    assert!(shows(&ui, "Time is up!"), "and still says so");
    assert_eq!(
        repaint_delay(&ui),
        Duration::MAX,
        "then it asks for no more frames"
    );
}

#[test]
fn pause_plus_one_minute_and_reset_from_their_keys() {
    let (mut ui, clock) = editor(sample());
    menu(&mut ui, "Timer", "3 minutes");
    later(&mut ui, &clock, Duration::from_secs(30));
    ui.key(Key::T);
    assert!(shows(&ui, "Timer paused at 2:30"));
    later(&mut ui, &clock, Duration::from_secs(600));
    assert!(
        shows(&ui, "Timer paused at 2:30"),
        "a paused timer stands still"
    );

    ui.key_with(Modifiers::SHIFT, Key::T);
    assert!(shows(&ui, "Timer paused at 3:30"));
    ui.key(Key::T);
    later(&mut ui, &clock, Duration::from_secs(10));
    assert!(shows(&ui, "Timer 3:20"));

    ui.key_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    assert!(shows(&ui, "Timer set to 3:00"));
    assert_eq!(phase(&ui), Phase::Ready);
    // On a Russian layout the T key types "е": the key's place counts.
    ui.real_key(Modifiers::NONE, Key::T, "е");
    assert_eq!(phase(&ui), Phase::Running);
    ui.real_key(Modifiers::SHIFT, Key::T, "Е");
    assert!(shows(&ui, "Timer 4:00"));
    ui.key_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    assert!(shows(&ui, "Timer set to 3:00"));
    // The menu's first entry says what it will do.
    menu(&mut ui, "Timer", "Start");
    later(&mut ui, &clock, Duration::from_secs(1));
    assert!(shows(&ui, "Timer 2:59"));
}

#[test]
fn the_timer_keeps_running_while_a_dialog_is_open() {
    let (mut ui, clock) = editor(sample());
    menu(&mut ui, "Timer", "5 minutes");
    ui.key_with(Modifiers::COMMAND, Key::N);
    assert!(ui.app().dialog.is_some(), "the New map dialog is open");
    later(&mut ui, &clock, Duration::from_secs(301));
    assert!(ui.app().dialog.is_some());
    assert!(shows(&ui, "Time is up!"));
    assert!(matches!(phase(&ui), Phase::Flashing { .. }));
}

#[test]
fn a_custom_time_is_typed_and_a_wrong_one_is_explained() {
    let (mut ui, clock) = editor(sample());
    menu(&mut ui, "Timer", "Custom time…");
    ui.type_text("soon");
    ui.key(Key::Enter);
    assert!(shows(
        &ui,
        "Type minutes (7 or 2.5) or minutes and seconds (2:30)."
    ));
    assert_eq!(phase(&ui), Phase::Off);
    for _ in 0.."soon".len() {
        ui.key(Key::Backspace);
    }
    ui.type_text("2:30");
    ui.key(Key::Enter);
    assert!(ui.app().dialog.is_none());
    later(&mut ui, &clock, Duration::from_secs(1));
    assert!(shows(&ui, "Timer 2:29"));
}

#[test]
fn no_repaint_is_asked_for_while_no_timer_runs() {
    let (mut ui, clock) = editor(sample());
    ui.harness.run_steps(3);
    assert_eq!(repaint_delay(&ui), Duration::MAX, "an idle editor");
    ui.key(Key::T);
    assert_eq!(phase(&ui), Phase::Running);
    assert!(
        repaint_delay(&ui) <= Duration::from_secs(1),
        "a running timer asks for the next second"
    );
    later(&mut ui, &clock, Duration::from_millis(300));
    assert!(repaint_delay(&ui) <= Duration::from_millis(700));
    ui.key(Key::T);
    ui.harness.run_steps(2);
    assert_eq!(phase(&ui), Phase::Paused);
    assert_eq!(repaint_delay(&ui), Duration::MAX, "a paused timer");
}

#[test]
fn f5_presents_stage_by_stage_and_escape_gives_the_view_back() {
    let (mut ui, _clock) = editor(sample());
    let stages: Vec<StageId> = ui.map().stages.iter().map(|s| s.id).collect();
    let before = ui.app().canvas.view;

    assert!(
        press_for_commands(&mut ui, Key::F5).contains(&ViewportCommand::Fullscreen(true)),
        "F5 fills the screen"
    );
    let presentation = ui.app().presentation.clone().expect("presenting");
    assert_eq!(presentation.focus, None, "nothing selected: the whole map");
    assert!(!shows(&ui, "File"), "no menus while presenting");
    assert!(!shows(&ui, "Map title"), "no side panel");
    assert!(shows(&ui, "The whole map"));
    let whole_map = ui.app().canvas.view;

    ui.key(Key::ArrowRight);
    assert_eq!(
        ui.app().presentation.as_ref().unwrap().focus,
        Some(stages[0])
    );
    ui.key(Key::PageDown);
    let focus = ui.app().presentation.as_ref().unwrap().focus;
    assert_eq!(focus, Some(stages[1]));
    assert_eq!(
        ui.app().canvas.spotlight,
        Some(stages[1]),
        "the others are dimmed"
    );
    assert!(shows(&ui, "Stage 2 of 8"));
    let canvas = ui.app().canvas.last_rect();
    let view = ui.app().canvas.view;
    assert!(
        view.zoom > whole_map.zoom * 1.5,
        "zoomed in on the stage: {} from {}",
        view.zoom,
        whole_map.zoom
    );
    let text_px = view.zoom * waymark::layout::style::BODY_SIZE;
    assert!(
        text_px >= 24.0 * canvas.height() / 1080.0 - 0.01,
        "card text is {text_px} px on a {} px high screen",
        canvas.height()
    );
    assert!(view.zoom >= readable_zoom(canvas) - 1e-4);
    let column = ui.app().canvas.layout().stages[1].column.clone();
    let left = ui
        .app()
        .canvas
        .map_to_screen(egui::pos2(column.start, 0.0))
        .x;
    let right = ui.app().canvas.map_to_screen(egui::pos2(column.end, 0.0)).x;
    assert!(
        left >= canvas.left() && right <= canvas.right(),
        "the stage is on screen: {left}..{right} in {canvas:?}"
    );

    ui.key(Key::ArrowLeft);
    assert_eq!(
        ui.app().presentation.as_ref().unwrap().focus,
        Some(stages[0])
    );
    ui.key(Key::PageUp);
    assert_eq!(ui.app().presentation.as_ref().unwrap().focus, None);
    ui.key(Key::End);
    assert_eq!(
        ui.app().presentation.as_ref().unwrap().focus,
        stages.last().copied()
    );
    ui.key(Key::ArrowRight);
    assert_eq!(
        ui.app().presentation.as_ref().unwrap().focus,
        stages.last().copied(),
        "the last stage stays"
    );
    ui.key(Key::Home);
    assert_eq!(ui.app().presentation.as_ref().unwrap().focus, None);
    assert_eq!(ui.app().canvas.view, whole_map, "Home shows the whole map");
    assert_eq!(ui.app().canvas.spotlight, None);

    assert!(press_for_commands(&mut ui, Key::Escape).contains(&ViewportCommand::Fullscreen(false)));
    assert!(ui.app().presentation.is_none());
    assert_eq!(ui.app().canvas.view, before, "the view as it was");
    assert!(shows(&ui, "File"), "the menus are back");
    assert_eq!(ui.app().canvas.selection, Selection::None);
}

#[test]
fn presenting_starts_at_the_selected_stage_shows_the_timer_and_the_canvas_still_works() {
    let (mut ui, _clock) = editor(sample());
    let map = ui.map().clone();
    let card = map
        .cards
        .iter()
        .find(|c| c.stage == map.stages[2].id)
        .expect("a card in stage 3");
    ui.click(ui.card_center(card.id));
    ui.key(Key::T);
    menu(&mut ui, "View", "Present");
    assert_eq!(
        ui.app().presentation.as_ref().unwrap().focus,
        Some(map.stages[2].id)
    );
    assert!(shows(&ui, "5:00"), "the running timer in the corner");
    assert!(shows(&ui, "Stage 3 of 8"));

    // A click on another card of the stage selects it, as in the editor (voting and find use the canvas too).
    let other = map
        .cards
        .iter()
        .find(|c| c.stage == map.stages[2].id && c.id != card.id)
        .expect("another card in stage 3");
    ui.click(ui.card_center(other.id));
    assert_eq!(ui.app().canvas.selection, Selection::Card(other.id));
    // F5 again leaves, too.
    ui.key(Key::F5);
    assert!(ui.app().presentation.is_none());
}

#[test]
fn projector_colours_are_remembered_and_never_reach_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("preferences.ron");
    let map = sample();
    let mut app = WaymarkApp::new(map.clone(), None).with_preferences(Some(path.clone()));
    app.language = Lang::En;
    let mut ui = Driver::with_app(app);
    menu(&mut ui, "View", "Projector colours");
    assert!(ui.app().canvas.projector_colours);
    ui.until("the preferences are written", |_| {
        Preferences::load(&path).projector_colours
    });
    assert_eq!(ui.map(), &map, "a view setting, not an edit");
    assert!(!ui.app().doc.is_dirty());

    let again = WaymarkApp::new(map, None).with_preferences(Some(path.clone()));
    assert!(
        again.canvas.projector_colours,
        "remembered at the next start"
    );
}
