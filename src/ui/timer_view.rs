//! How the workshop timer looks: a button in the status bar, a large clock in a corner while presenting, and,
//! when it runs out, a red frame around the whole window that flashes with it.

use egui::{Align2, Color32, FontId, Frame, RichText, Stroke, StrokeKind, Ui};

use crate::i18n::k;
use crate::t;
use crate::timer::{Phase, Reading};
use crate::ui::commands::Command;

/// The red of a timer that ran out: on the status bar, the corner clock and the window's frame.
pub const TIME_UP: Color32 = Color32::from_rgb(0xD0, 0x1F, 0x1F);
const FRAME_WIDTH: f32 = 14.0;

/// The status bar's words for the timer.
pub fn status_text(reading: &Reading) -> String {
    let time = reading.clock_text();
    match reading.phase {
        Phase::Off => String::new(),
        Phase::Ready => t!(k::TIMER_STATUS_READY, time = time),
        Phase::Running => t!(k::TIMER_STATUS_RUNNING, time = time),
        Phase::Paused => t!(k::TIMER_STATUS_PAUSED, time = time),
        Phase::Flashing { .. } | Phase::RunOut => t!(k::TIMER_STATUS_UP),
    }
}

/// Whether the flash is on at this moment.
pub fn lit(reading: &Reading) -> bool {
    matches!(reading.phase, Phase::Flashing { lit: true })
}

/// The status bar's fill while the timer flashes, for the bar as a whole.
pub fn status_bar_frame(ui: &Ui, reading: &Reading) -> Frame {
    let frame = Frame::side_top_panel(ui.style());
    if lit(reading) {
        frame.fill(TIME_UP)
    } else {
        frame
    }
}

/// The timer in the status bar: a button that starts or pauses it. Returns the command a click asks for.
pub fn status_item(ui: &mut Ui, reading: &Reading) -> Option<Command> {
    if reading.phase == Phase::Off {
        return None;
    }
    let mut text = RichText::new(status_text(reading)).strong();
    if lit(reading) {
        text = text.color(Color32::WHITE);
    } else if reading.ran_out() {
        text = text.color(TIME_UP);
    }
    let button = egui::Button::new(text).frame(false);
    ui.add(button)
        .on_hover_text(Command::TimerStartPause.label())
        .clicked()
        .then_some(Command::TimerStartPause)
}

/// The Timer menu's first action, named for what it will do now.
pub fn start_pause_label(reading: &Reading) -> String {
    match reading.phase {
        Phase::Running => t!(k::TIMER_PAUSE),
        Phase::Flashing { .. } => t!(k::TIMER_QUIET),
        Phase::Paused => t!(k::TIMER_CONTINUE),
        Phase::Off | Phase::Ready | Phase::RunOut => t!(k::TIMER_START),
    }
}

/// A red frame around `rect` (the canvas, the whole screen while presenting) while the flash is on: seen from
/// the back of the room, whatever is open.
pub fn flash_frame(ctx: &egui::Context, reading: &Reading, rect: egui::Rect) {
    if !lit(reading) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("timer-flash"),
    ));
    painter.rect_stroke(
        rect,
        0.0,
        Stroke::new(FRAME_WIDTH, TIME_UP),
        StrokeKind::Inside,
    );
}

/// The large clock in the top-right corner while presenting.
pub fn corner_clock(ctx: &egui::Context, reading: &Reading) {
    if reading.phase == Phase::Off {
        return;
    }
    let (fill, ink) = if lit(reading) {
        (TIME_UP, Color32::WHITE)
    } else if reading.ran_out() {
        (Color32::WHITE, TIME_UP)
    } else {
        (crate::layout::style::HEADER_FILL, Color32::WHITE)
    };
    let caption = match reading.phase {
        Phase::Paused => Some(t!(k::TIMER_PAUSE)),
        Phase::Flashing { .. } | Phase::RunOut => Some(t!(k::TIMER_UP)),
        _ => None,
    };
    egui::Area::new(egui::Id::unique("presentation-timer"))
        .anchor(Align2::RIGHT_TOP, [-24.0, 24.0])
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ctx, |ui| {
            Frame::new()
                .fill(fill)
                .stroke(Stroke::new(3.0, TIME_UP.gamma_multiply(0.9)))
                .corner_radius(12.0)
                .inner_margin(egui::Margin::symmetric(22, 8))
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.label(
                            RichText::new(reading.clock_text())
                                .font(FontId::proportional(72.0))
                                .color(ink),
                        );
                        if let Some(caption) = caption {
                            ui.label(
                                RichText::new(caption)
                                    .font(FontId::proportional(24.0))
                                    .color(ink),
                            );
                        }
                    });
                });
        });
}

/// Where the presentation is ("Stage 3 of 8") and its keys, small in the bottom-right corner.
pub fn presentation_footer(ctx: &egui::Context, position: Option<(usize, usize)>) {
    let place = match position {
        Some((number, count)) => t!(k::PRESENT_STAGE, number = number, count = count),
        None => t!(k::PRESENT_WHOLE_MAP),
    };
    egui::Area::new(egui::Id::unique("presentation-footer"))
        .anchor(Align2::RIGHT_BOTTOM, [-16.0, -12.0])
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ctx, |ui| {
            Frame::new()
                .fill(Color32::from_white_alpha(220))
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(10, 4))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(place)
                                .font(FontId::proportional(18.0))
                                .color(crate::layout::style::TEXT),
                        );
                        ui.label(
                            RichText::new(t!(k::PRESENT_KEYS))
                                .font(FontId::proportional(14.0))
                                .color(crate::layout::style::SUBTLE_TEXT),
                        );
                    });
                });
        });
}

/// Timer → Custom time…: asks for a time box and starts it. Returns the dialog while it stays open.
pub fn custom_time_dialog(
    ctx: &egui::Context,
    app: &mut crate::ui::WaymarkApp,
    mut text: String,
    mut error: Option<String>,
) -> Option<crate::ui::dialogs::Dialog> {
    let mut done = None;
    egui::Modal::new(egui::Id::unique("timer-dialog")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(t!(k::TIMER_CUSTOM_TITLE));
        ui.label(t!(k::TIMER_CUSTOM_PROMPT));
        ui.horizontal(|ui| {
            let label = ui.label(t!(k::TIMER_CUSTOM_FIELD));
            let response = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(120.0))
                .labelled_by(label.id);
            if !response.has_focus() && !response.lost_focus() {
                response.request_focus();
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                done = Some(true);
            }
        });
        if let Some(error) = &error {
            ui.colored_label(TIME_UP, error);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(t!(k::TIMER_CUSTOM_START)).clicked() {
                done = Some(true);
            }
            if ui.button(t!(k::CANCEL)).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                done = Some(false);
            }
        });
    });
    match done {
        Some(true) => match crate::timer::parse_time(&text) {
            Ok(length) => {
                let now = app.now();
                app.timer.start_new(length, now);
                None
            }
            Err(problem) => {
                error = Some(match problem {
                    crate::timer::TimeError::NotATime => t!(k::TIMER_NOT_A_TIME),
                    crate::timer::TimeError::OutOfRange => t!(
                        k::TIMER_OUT_OF_RANGE,
                        hours = crate::timer::MAX_LENGTH.as_secs() / 3600
                    ),
                });
                Some(crate::ui::dialogs::Dialog::TimerCustom { text, error })
            }
        },
        Some(false) => None,
        None => Some(crate::ui::dialogs::Dialog::TimerCustom { text, error }),
    }
}

/// The Timer menu: the time boxes, a custom time, and start or pause, +1 minute, reset with their keys.
pub fn timer_menu(ui: &mut Ui, reading: &Reading) -> Option<Command> {
    let ctx = ui.ctx().clone();
    let mut chosen = None;
    for &command in Command::TIMER {
        if command == Command::TimerStartPause {
            ui.separator();
        }
        let button = if command == Command::TimerStartPause {
            let shortcut = command.shortcuts().first().map(|s| ctx.format_shortcut(s));
            let button = egui::Button::new(start_pause_label(reading));
            match shortcut {
                Some(text) => button.shortcut_text(text),
                None => button,
            }
        } else {
            command.button(&ctx)
        };
        let enabled = match command {
            Command::TimerReset => !matches!(reading.phase, Phase::Off | Phase::Ready),
            _ => true,
        };
        if ui.add_enabled(enabled, button).clicked() {
            chosen = Some(command);
        }
    }
    chosen
}
