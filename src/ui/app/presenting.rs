//! Presentation mode, the timer and projector colours, as the app carries them out.

use std::sync::Arc;
use std::time::Duration;

use super::WaymarkApp;
use crate::timer::Clock;
use crate::ui::commands::Command;
use crate::ui::dialogs::Dialog;
use crate::ui::present::{PresentKey, Presentation};

impl WaymarkApp {
    /// View → Projector colours: switches the canvas's high-contrast look and remembers it.
    pub fn toggle_projector_colours(&mut self) {
        self.canvas.projector_colours = !self.canvas.projector_colours;
        self.preferences.projector_colours = self.canvas.projector_colours;
        self.remember_preferences();
    }

    pub(super) fn remember_preferences(&self) {
        if let Some(path) = self.preferences_path.clone() {
            let preferences = self.preferences.clone();
            // Off the UI thread; a preference that cannot be written only means asking again next time.
            std::thread::spawn(move || {
                let _ = preferences.save(&path);
            });
        }
    }

    /// Gives the timer another clock (tests move a [`crate::timer::FakeClock`] by hand).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> WaymarkApp {
        self.clock = Arc::new(clock);
        self
    }

    /// The timer's time now.
    pub fn now(&self) -> Duration {
        self.clock.now()
    }

    /// F5, View → Present: starts presenting, or ends it.
    pub fn toggle_presentation(&mut self, ctx: &egui::Context) {
        match self.presentation.take() {
            Some(presentation) => presentation.finish(ctx, &mut self.canvas),
            None => {
                self.canvas.editing = None;
                self.presentation = Some(Presentation::start(ctx, &self.canvas, self.doc.map()));
            }
        }
    }

    /// The keys of presentation mode, taken before the canvas sees them.
    pub(super) fn presentation_keys(&mut self, ctx: &egui::Context) {
        let Some(key) = ctx.input_mut(Presentation::take_key) else {
            return;
        };
        if key == PresentKey::Leave {
            if let Some(presentation) = self.presentation.take() {
                presentation.finish(ctx, &mut self.canvas);
            }
        } else if let Some(presentation) = &mut self.presentation {
            presentation.step(key, self.doc.map(), &mut self.canvas);
        }
    }

    /// The Timer menu's commands and keys.
    pub(super) fn run_timer(&mut self, command: Command) {
        let now = self.now();
        match command {
            Command::TimerPreset(minutes) => self
                .timer
                .start_new(Duration::from_secs(u64::from(minutes) * 60), now),
            Command::TimerCustom => {
                self.dialog = Some(Dialog::TimerCustom {
                    text: String::new(),
                    error: None,
                })
            }
            Command::TimerStartPause => self.timer.start_or_pause(now),
            Command::TimerAddMinute => self.timer.add_minute(now),
            Command::TimerReset => self.timer.reset(),
            _ => {}
        }
    }
}
